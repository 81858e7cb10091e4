// lentera's service worker: pages a reader opened, and lessons saved with the
// "save for offline reading" button, open again without a connection.
// Pages: network first (never a stale page while online), cache as fallback.
// Fingerprinted assets (name-HASH.ext or ?v=HASH): cache first.
const VERSION = "{{ version }}";
const PAGES = "lentera-pages-" + VERSION;
const ASSETS = "lentera-assets";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("lentera-pages-") && k !== PAGES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

function fingerprinted(url) {
  return /[.-][0-9a-f]{8,}\.[a-z0-9]+$/.test(url.pathname) || url.searchParams.has("v");
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (fingerprinted(url)) {
    event.respondWith(
      caches.open(ASSETS).then((cache) =>
        cache.match(request).then(
          (hit) =>
            hit ||
            fetch(request).then((response) => {
              if (response.ok) cache.put(request, response.clone());
              return response;
            })
        )
      )
    );
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(PAGES).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches
          .open(PAGES)
          .then((cache) => cache.match(request, { ignoreSearch: true }))
          .then((hit) => hit || caches.match(new URL("404.html", self.registration.scope).href))
      )
  );
});

// {type: "save", urls: [...]} from a page: fetch and keep those pages.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "save" || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  event.waitUntil(
    caches
      .open(PAGES)
      .then((cache) =>
        Promise.all(
          data.urls.map((u) =>
            fetch(u)
              .then((r) => (r.ok ? cache.put(u, r).then(() => 1) : 0))
              .catch(() => 0)
          )
        )
      )
      .then((done) => port && port.postMessage({ ok: true, count: done.reduce((a, b) => a + b, 0), total: data.urls.length }))
      .catch(() => port && port.postMessage({ ok: false }))
  );
});
