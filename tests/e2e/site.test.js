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

async function open(url, width = 360) {
  const page = await browser.newPage({ viewport: { width, height: 740 }, javaScriptEnabled: true });
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
    // site.js ran: the search loads on focus.
    await page.focus("#search-q");
    await page.waitForFunction(() => window.lenteraSearch !== undefined, null, { timeout: 10000 });
    assert.deepEqual(await blocked(page), []);
    await page.close();
  });
}

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
