// Registers the demo portal's service worker (a separate file, so strict CSP pages can use it).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}
