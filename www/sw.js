// Service worker of the demo portal: keeps the pages and the widgets on the device, so after
// one visit they work with the network off. Network first (always fresh when online), the
// cache when offline.
const CACHE = "bangfu-v1";
const PRECACHE = [
  "/", "/index.html", "/eligibility.html", "/cadre.html", "/deadlines.html", "/subsidy.html", "/guide.html",
  "/portal.css", "/favicon.svg", "/sw-register.js", "/embed.html", "/embed.js",
  "/pkg/bangfu.js", "/pkg/bangfu_widgets.js", "/pkg/bangfu_widgets_bg.wasm",
  "/test/offline.html",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(PRECACHE.map((url) => cache.add(url).catch(() => null)))).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error()))
  );
});
