// <bangfu-screening>'s Web Worker: reads and screens the chosen file off the page's main
// thread. The widget starts it as a module worker from beside this bundle's glue (xtask copies
// this file there) and sends, first, the WebAssembly.Module the page already compiled: the
// worker only instantiates it, so it fetches nothing but this file and the glue, compiles no
// code, and needs no eval or blob URL. Every later message goes to the engine's
// `screening_worker_message` (widgets/src/screening/worker.rs), in order. The widget may start
// several, one per core, each screening every n-th chunk of rows of the same file.
// ES2018 only: the compat bundle runs it on Chromium 80–95.
import init, { screening_worker_message } from "./bangfu_widgets.js";

var ready = null;
self.onmessage = function (event) {
  var data = event.data;
  if (data && data.kind === "init") {
    ready = init({ module_or_path: data.module });
    ready.then(null, function (e) {
      self.postMessage({ kind: "failed", message: String((e && e.message) || e) });
    });
    return;
  }
  if (!ready) return;
  ready.then(function () {
    try {
      screening_worker_message(data);
    } catch (e) {
      self.postMessage({ kind: "crashed", message: String((e && e.message) || e) });
    }
  });
};
