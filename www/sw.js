// Service worker of the demo portal: keeps the pages and the widgets on the device, so after
// one visit they work with the network off. Network first (always fresh when online), the
// cache when offline. Only the PRECACHE and ON_USE paths and /pkg/ are kept, by path: never a
// URL with a query, never a response marked no-store or private, never another page of the site.
// The quarterly data check (/pkg/screening/: its own engine, worker script and wasm-bindgen
// snippet) is large and shown on few pages, so it is never precached: like its page, it is kept
// when a page first uses it (the worker script when the first file is screened).
const CACHE = "bangfu-v4";
const PRECACHE = [
  "/", "/index.html", "/eligibility.html", "/cadre.html", "/deadlines.html", "/subsidy.html", "/guide.html",
  "/portal.css", "/favicon.svg", "/sw-register.js", "/embed.html", "/embed.js",
  "/pkg/bangfu.js", "/pkg/bangfu.css",
  "/test/offline.html",
];
const ON_USE = ["/screening.html"];

// The engine this browser will run, by the loader's probe (a module valid only with reference
// types, Chromium >= 96): compat browsers precache the compat build, not the modern one. Its
// files have content-hashed names, read from the loader's FILES and CHUNKS lines (JSON between
// `=` and `;`).
const REFERENCE_TYPES_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 208, 112, 26, 11];
function engineFiles() {
  let modern = false;
  try {
    modern = WebAssembly.validate(new Uint8Array(REFERENCE_TYPES_PROBE));
  } catch (e) {
    // no WebAssembly: nothing of the engine to cache
    return Promise.resolve([]);
  }
  return fetch("/pkg/bangfu.js")
    .then((response) => response.text())
    .then((text) => {
      const variant = modern ? "modern" : "compat";
      const line = /^var FILES = (\{.*\});$/m.exec(text);
      const files = line ? JSON.parse(line[1])[variant] : [];
      // The split engine's link module and every widget's pieces (the demo's pages show all four).
      const chunks = /^var CHUNKS = (\{.*\});$/m.exec(text);
      const map = chunks ? JSON.parse(chunks[1])[variant] || {} : {};
      const pieces = new Set();
      for (const key of Object.keys(map)) [].concat(map[key]).forEach((f) => pieces.add(f));
      return files.concat(Array.from(pieces)).map((f) => "/pkg/" + f);
    })
    .catch(() => []);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    engineFiles()
      .then((engine) => caches.open(CACHE).then((cache) => Promise.all(PRECACHE.concat(engine).map((url) => cache.add(url).catch(() => null)))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim())
  );
});

/**
 * Whether the response to `url` may be kept: a path on a list or under /pkg/, asked
 * for without a query (a query may carry personal data), and only same-origin GETs.
 */
function cacheable(request) {
  if (request.method !== "GET") return false;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.search !== "") return false;
  return listed(url.pathname);
}

/** A path the worker keeps: on a list, or under /pkg/ (the screening bundle included). */
function listed(path) {
  return PRECACHE.includes(path) || ON_USE.includes(path) || path.startsWith("/pkg/");
}

/** Same-origin GETs the worker answers (offline too): paths on the list or under /pkg/, any query. */
function handled(request) {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return false;
  return listed(url.pathname);
}

/** A response the server allows to be stored (not `no-store`, not private). */
function storable(response) {
  const control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return response.ok && response.type === "basic" && !/no-store|private/.test(control);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!handled(request)) return;
  // Network first (always fresh when online); the cached copy of the same path when offline.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (cacheable(request) && storable(response)) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(new URL(request.url).pathname, copy));
        }
        return response;
      })
      .catch(() => caches.match(new URL(request.url).pathname).then((hit) => hit || Response.error()))
  );
});
