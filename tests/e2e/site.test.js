// Browser checks of the built real site, in Debian's chromium.
// Run by tests/it/browser.rs, which builds the site and sets SITE_DIR (a normal
// build, served over http) and PORTABLE_DIR (a --portable build, opened from
// file://). SHOT_DIR receives screenshots to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const SITE = process.env.SITE_DIR;
const PORTABLE = process.env.PORTABLE_DIR;
const SHOTS = process.env.SHOT_DIR || path.join(import.meta.dirname, "out");
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".xml": "application/xml", ".pdf": "application/pdf", ".txt": "text/plain", ".png": "image/png", ".json": "application/json" };

let server, base, browser;

before(async () => {
  server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(SITE, path.normalize(url));
    if (!file.startsWith(SITE)) { res.writeHead(400); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { res.writeHead(404, { "content-type": TYPES[".html"] }); return res.end(fs.readFileSync(path.join(SITE, "404.html"))); }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

// On a phone the navigation and search are folded into the menu: open it.
async function openMenu(page) {
  const button = page.locator(".more > summary");
  if (await button.isVisible()) await button.click();
}

async function open(url, width = 360, { liveReload = true } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 740 }, javaScriptEnabled: true });
  // A page of `serve` reloads itself after any rebuild; a test that is not
  // about live reload keeps its page still, so a rebuild left over from an
  // earlier test cannot navigate it away mid-check.
  if (!liveReload) await page.route("**/__lentera/live.js", (route) => route.abort());
  // Anything the Content-Security-Policy of a page blocks, in window.__csp.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(url);
  return { page, response };
}

/// What the page's Content-Security-Policy blocked so far.
async function blocked(page) {
  return page.evaluate(() => window.__csp);
}

test("the language switcher goes to the same page in another language", async () => {
  const { page } = await open(base + "pelajaran/jalur-resmi/");
  assert.equal(await page.getAttribute("html", "lang"), "id");
  await page.click('.langs a[lang="en"]');
  assert.equal(new URL(page.url()).pathname, "/en/pelajaran/jalur-resmi/");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.click('.langs a[lang="jv"]');
  assert.equal(new URL(page.url()).pathname, "/jv/pelajaran/jalur-resmi/");
  await page.close();
});

test("a fallback page shows its notice in the reader's language and the original text", async () => {
  const { page } = await open(base + "su/pelajaran/dokumen/");
  assert.equal(await page.getAttribute("html", "lang"), "su");
  const notice = page.locator(".notice");
  assert.equal(await notice.count(), 1);
  assert.equal(await page.getAttribute(".body", "lang"), "id");
  const canonical = await page.getAttribute('link[rel="canonical"]', "href");
  assert.match(canonical, /\/pelajaran\/dokumen\/$/);
  assert.doesNotMatch(canonical, /\/su\//);
  await page.close();
});

for (const [name, url] of [["home", ""], ["section", "modus/"], ["lesson", "modus/calo/"], ["contacts", "kontak/"], ["village", "desa/way-layap/"], ["fallback", "ljp/pelajaran/dokumen/"]]) {
  test(`axe-core finds no violations on the ${name} page`, async () => {
    const { page } = await open(base + url, 1024);
    // Through the devtools protocol: the page's policy (rightly) refuses an inline script tag.
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    assert.deepEqual(summary, []);
    await page.close();
  });

  test(`the ${name} page does not overflow horizontally at 320 px`, async () => {
    const { page } = await open(base + url, 320);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.body.scrollWidth]);
    assert.ok(widths.every((w) => w <= 320), `scroll widths ${widths}`);
    await page.close();
  });
}

test("every page reads without JavaScript", async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  await page.goto(base + "modus/lowongan-online/");
  assert.ok((await page.locator("main h1").innerText()).length > 3);
  assert.ok((await page.locator("main .body").innerText()).length > 500);
  await page.close();
});

test("the portable build works from file://", async () => {
  const { page } = await open("file://" + path.join(PORTABLE, "index.html"));
  await openMenu(page);
  await page.click('.menu a >> nth=0');
  assert.match(page.url(), /^file:\/\/.*\/pelajaran\/index\.html$/);
  await page.click(".cards a >> nth=0");
  assert.match(page.url(), /\/pelajaran\/[a-z-]+\/index\.html$/);
  assert.ok((await page.locator("main h1").innerText()).length > 3);
  await page.click('.langs a[lang="en"]');
  assert.match(page.url(), /\/en\/pelajaran\/[a-z-]+\/index\.html$/);
  await page.close();
});

test("the service worker keeps opened and saved pages for offline reading, never stale online", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(base + "");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload(); // now controlled by the service worker
  const button = page.locator("[data-offline]");
  assert.equal(await button.isVisible(), true, "the save button appears when a service worker runs");
  await button.click();
  await page.waitForFunction(() => /\d/.test(document.querySelector("[data-offline-status]").textContent), null, { timeout: 20000 });
  await context.setOffline(true);
  // A lesson never opened before, saved by the button.
  await page.goto(base + "modus/utang/");
  assert.equal(await page.locator("article.lesson .body").count(), 1, "the saved lesson opens offline");
  assert.match(await page.locator("main h1").innerText(), /\w/);
  await page.goto(base + "");
  assert.match(await page.locator("main h1").innerText(), /\w/);
  await context.setOffline(false);
  // Online again: a changed page is served fresh, not from the cache.
  const file = path.join(SITE, "tentang", "index.html");
  const original = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, original.replace("</main>", "<p id=fresh>FRESH</p></main>"));
  try {
    await page.goto(base + "tentang/");
    assert.equal(await page.locator("#fresh").count(), 1);
  } finally {
    fs.writeFileSync(file, original);
  }
  await context.close();
});

test("the portable build has no service worker", async () => {
  assert.equal(fs.existsSync(path.join(PORTABLE, "sw.js")), false);
  assert.doesNotMatch(fs.readFileSync(path.join(PORTABLE, "index.html"), "utf8"), /serviceWorker|data-sw/);
});

for (const [where, url] of [["over http", () => base + ""], ["from file:// (portable)", () => "file://" + path.join(PORTABLE, "index.html")]]) {
  test(`search for "tipu" finds the scam lessons ${where}`, async () => {
    const { page } = await open(url());
    assert.equal(await page.locator("script[src*='search']").count(), 0, "nothing loaded before a search");
    await openMenu(page);
    await page.fill("#search-q", "tipu");
    await page.waitForFunction(() => document.querySelectorAll("#search-results a").length > 0, null, { timeout: 10000 });
    const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href")));
    assert.match(hrefs[0], /modus\//, `first result ${hrefs[0]}`);
    assert.ok(hrefs.filter((h) => /modus\//.test(h)).length >= 3, hrefs.join(" "));
    assert.deepEqual(await blocked(page), [], "the policy blocks nothing the search needs");
    await page.click("#search-results a >> nth=0");
    await page.waitForLoadState();
    assert.match(page.url(), /\/modus\//);
    await page.close();
  });
}

for (const [name, url] of [["home", () => base], ["lesson", () => base + "modus/calo/"], ["404", () => base + "tidak-ada/"], ["portable lesson", () => "file://" + path.join(PORTABLE, "modus/calo/index.html")]]) {
  test(`the Content-Security-Policy blocks nothing on the ${name} page`, async () => {
    const { page } = await open(url());
    assert.equal(await page.locator("meta[http-equiv=Content-Security-Policy]").count(), 1);
    await page.waitForLoadState("load");
    // site.js ran: the search loads on focus (in the phone menu).
    await openMenu(page);
    await page.focus("#search-q");
    await page.waitForFunction(() => window.lenteraSearch !== undefined, null, { timeout: 10000 });
    assert.deepEqual(await blocked(page), []);
    await page.close();
  });
}

// Questions that check understanding (#26), on the small site `serve` shows:
// each answer opens without JavaScript, and axe-core finds nothing with the
// answers closed or open.
test("the answers of a lesson's questions open without JavaScript and pass axe-core", { skip: !process.env.SERVE_URL }, async () => {
  const url = process.env.SERVE_URL + "pelajaran/uji/";
  const still = await browser.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  await still.goto(url);
  const answer = still.locator(".quiz details p").first();
  assert.equal(await answer.isVisible(), false, "the answer waits until tapped");
  await still.locator(".quiz summary").first().click();
  assert.ok(await answer.isVisible(), "tapping the summary shows the answer");
  await still.close();
  for (const opened of [false, true]) {
    const { page } = await open(url, 360, { liveReload: false });
    if (opened) for (const s of await page.locator(".quiz summary").all()) await s.click();
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    assert.deepEqual(summary, [], opened ? "answers open" : "answers closed");
    if (opened) {
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.body.scrollWidth]);
      assert.ok(widths.every((w) => w <= 360), `scroll widths ${widths}`);
      await page.screenshot({ path: path.join(SHOTS, "questions-360.png"), fullPage: true });
    }
    await page.close();
  }
});

test("live reload in serve works under the Content-Security-Policy", { skip: !process.env.SERVE_URL }, async () => {
  const { page } = await open(process.env.SERVE_URL + "pelajaran/jalur-resmi/");
  assert.equal(await page.locator("meta[http-equiv=Content-Security-Policy]").count(), 1);
  assert.equal(await page.locator("script[src='/__lentera/live.js']").count(), 1);
  // Give the page's event stream time to connect, then save the lesson.
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => /__lentera\/live\.js/.test(r.name)), null, { timeout: 10000 });
  await new Promise((r) => setTimeout(r, 1000));
  const file = path.join(process.env.SERVE_ROOT, "content/pelajaran/jalur-resmi.id.md");
  const text = fs.readFileSync(file, "utf8");
  const reloaded = page.waitForEvent("load", { timeout: 120000 });
  fs.writeFileSync(file, text.replace("title: Jalur resmi", "title: Jalur resmi diperbarui"));
  await reloaded;
  await page.waitForFunction(() => document.title.includes("diperbarui"), null, { timeout: 10000 });
  assert.deepEqual(await blocked(page), []);
  await page.close();
});

test("screenshot of a lesson at 360 px", async () => {
  const { page } = await open(base + "modus/calo/");
  await page.screenshot({ path: path.join(SHOTS, "lesson-360.png"), fullPage: true });
  await page.close();
});

// Villager first (#27): on a 360×640 phone, without JavaScript, every page
// starts its title near the top and has a number to call in its first screen.
async function phone(url) {
  const page = await browser.newPage({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
  await page.goto(url);
  return page;
}

async function inFirstScreen(locator) {
  const boxes = [];
  for (const el of await locator.all()) if (await el.isVisible()) boxes.push(await el.boundingBox());
  return boxes.filter((b) => b && b.y >= 0 && b.y + b.height <= 640);
}

for (const lang of ["", "jv/"]) {
  for (const [name, url] of [["home", ""], ["lesson", "pelajaran/jalur-resmi/"], ["village", "desa/way-layap/"], ["contacts", "kontak/"]]) {
    test(`at 360×640 the ${lang || "id/"} ${name} page starts its title within 200 px and shows a tel: link`, async () => {
      const page = await phone(base + lang + url);
      const h1 = await page.locator("main h1").boundingBox();
      assert.ok(h1.y <= 200, `the title starts at ${h1.y} px`);
      const tels = await inFirstScreen(page.locator('a[href^="tel:"]'));
      assert.ok(tels.length >= 1, "a number to call in the first screen");
      const all = await inFirstScreen(page.locator(".help a:not([href^='tel:'])"));
      assert.equal(all.length, 1, "the link to every number in the first screen");
      await page.close();
    });
  }

  test(`at 360×640 the ${lang || "id/"} home page shows at least three entry points in its first screen`, async () => {
    const page = await phone(base + lang);
    const entries = await inFirstScreen(page.locator(".journeys a"));
    assert.ok(entries.length >= 3, `${entries.length} entry points in the first screen`);
    assert.equal(await page.locator(".journeys a svg").count(), await page.locator(".journeys a").count(), "an icon for each");
    await page.close();
  });
}

test("the phone menu opens without JavaScript; a wide screen shows the navigation as before", async () => {
  const page = await phone(base + "pelajaran/dokumen/");
  assert.equal(await page.locator(".menu a >> nth=0").isVisible(), false, "folded on a phone");
  await page.click(".more > summary");
  assert.equal(await page.locator(".menu a >> nth=0").isVisible(), true);
  assert.equal(await page.locator("#search-q").isVisible(), true);
  await page.close();
  const { page: wide } = await open(base + "pelajaran/dokumen/", 1024);
  assert.equal(await wide.locator(".more > summary").isVisible(), false);
  assert.equal(await wide.locator(".menu a >> nth=0").isVisible(), true);
  assert.equal(await wide.locator("#search-q").isVisible(), true);
  await wide.close();
});

test("a villager walks the legal route by its next steps, from the first lesson to the last", async () => {
  const page = await phone(base + "pelajaran/jalur-resmi/");
  const seen = [new URL(page.url()).pathname];
  while ((await page.locator("a[rel=next]").count()) > 0 && seen.length < 30) {
    await page.click("a[rel=next]");
    const at = new URL(page.url()).pathname;
    assert.ok(!seen.includes(at), `${at} twice`);
    assert.match(await page.locator("main h1").innerText(), /\w/);
    seen.push(at);
  }
  assert.equal(seen.at(-1), "/pelajaran/pulang/");
  assert.ok(seen.length >= 5, seen.join(" "));
  // And back by the previous steps.
  await page.click("a[rel=prev]");
  assert.equal(new URL(page.url()).pathname, seen.at(-2));
  await page.close();
});

test("screenshots of the home page and a lesson at 360×640", async () => {
  for (const [name, url] of [["home-360x640.png", ""], ["lesson-360x640.png", "pelajaran/jalur-resmi/"], ["home-jv-360x640.png", "jv/"], ["lesson-jv-360x640.png", "jv/pelajaran/jalur-resmi/"]]) {
    const page = await phone(base + url);
    await page.screenshot({ path: path.join(SHOTS, name) });
    await page.close();
  }
});
