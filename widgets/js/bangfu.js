// Bangfu loader: registers the custom elements, loads the engine (wasm) once for every
// element on the page, the first time one connects, and exposes `evaluate(request)`.
//
// Usage on a portal page:
//   <script type="module" src="/bangfu/bangfu.js"></script>
//   <bangfu-income year="2024"></bangfu-income>
//
// Written for old engines too (Chromium 80-ish WebViews): no optional chaining, no `??`,
// no class fields. `xtask` replaces __BANGFU_CSS__ with the widgets' stylesheet at build time.

var CSS = __BANGFU_CSS__;
var ELEMENTS = {
  "bangfu-income": "income",
  "bangfu-eligibility": "eligibility",
  "bangfu-deadlines": "deadlines",
  "bangfu-subsidy": "subsidy",
};
var ATTRIBUTES = [
  "year", "mode", "large-text", "rule-set", "eligibility-url", "report-url", "subsidy-url",
  "per-capita-net-income", "per-capita-after-rigid", "date", "config", "household", "overrides", "fallback-url",
];

var base = new URL(".", import.meta.url);
// The engine's files, relative to this loader (`cargo xtask dist` rewrites them to hashed names).
var FILES = { modern: ["bangfu_widgets.js", "bangfu_widgets_bg.wasm"], compat: ["compat/bangfu_widgets.js", "compat/bangfu_widgets_bg.wasm"] };
var enginePromise = null;
var engineLoaded = null; // the engine's module once instantiated (for evaluateSync)

// A 27-byte module that is valid only where reference types exist (Chromium >= 96): where it
// is not, the compat build (no post-MVP features) is loaded instead.
var REFERENCE_TYPES_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 208, 112, 26, 11];

/** `modern` or `compat`: which build this engine can run. */
export function engineVariant() {
  var forced = typeof window !== "undefined" && (window.BANGFU_COMPAT === true || /[?&]bangfu-compat=1/.test(location.search));
  try {
    if (!forced && WebAssembly.validate(new Uint8Array(REFERENCE_TYPES_PROBE))) return "modern";
  } catch (e) {
    // fall through to compat
  }
  return "compat";
}

/** Loads and instantiates the wasm once; every element and `evaluate` share the promise. */
function loadEngine() {
  if (!enginePromise) {
    if (typeof WebAssembly !== "object") {
      enginePromise = Promise.reject(new Error("no-wasm"));
    } else {
      var files = FILES[engineVariant()];
      enginePromise = import(new URL(files[0], base).href).then(function (glue) {
        return glue.default({ module_or_path: new URL(files[1], base) }).then(function () {
          engineLoaded = glue;
          return glue;
        });
      });
    }
  }
  return enginePromise;
}

/** api.md `evaluate`: a plain object in, a plain object out (as a promise: the engine loads lazily). */
export function evaluate(request) {
  return loadEngine().then(function (engine) {
    return JSON.parse(engine.evaluate_json(JSON.stringify(request)));
  });
}

/** api.md `evaluateSync`: the same answer as `evaluate`, synchronously, once `ready()` has resolved. */
export function evaluateSync(request) {
  if (!engineLoaded) throw new Error("bangfu: the engine is not loaded yet; await ready() first");
  return JSON.parse(engineLoaded.evaluate_json(JSON.stringify(request)));
}

/** Resolves once the engine is loaded (for pages that want to warm it up). */
export function ready() {
  return loadEngine().then(function () {});
}

var sheet = null;
function styleInto(root) {
  // Constructable stylesheets are shared by all instances and are not inline <style> (CSP).
  if ("adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement("style");
    style.textContent = CSS;
    root.appendChild(style);
  }
}

function message(container, text, link) {
  container.textContent = "";
  var box = document.createElement("div");
  box.className = "bf bf-message";
  box.setAttribute("role", "status");
  box.textContent = text;
  if (link) {
    var a = document.createElement("a");
    a.href = link;
    a.textContent = " 查看文字版说明";
    box.appendChild(a);
  }
  container.appendChild(box);
}

function defineElement(tag, kind) {
  if (customElements.get(tag)) return;
  class BangfuElement extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    attributesJson() {
      var attrs = {};
      for (var i = 0; i < ATTRIBUTES.length; i++) {
        var value = this.getAttribute(ATTRIBUTES[i]);
        if (value !== null) attrs[ATTRIBUTES[i]] = value;
      }
      // Which widget of its kind this is, so each keeps its own open draft across reloads.
      var same = document.getElementsByTagName(this.localName);
      attrs.instance = this.id || String(Array.prototype.indexOf.call(same, this));
      return JSON.stringify(attrs);
    }

    connectedCallback() {
      if (!this.shadowRoot) {
        var root = this.attachShadow({ mode: "open" });
        styleInto(root);
        this._container = document.createElement("div");
        root.appendChild(this._container);
      }
      if (this._mountId !== undefined && this._mountId !== null) return;
      message(this._container, "正在加载计算器…");
      var self = this;
      loadEngine().then(
        function (engine) {
          if (!self.isConnected || (self._mountId !== undefined && self._mountId !== null)) return;
          self._engine = engine;
          self._container.textContent = "";
          self._mountId = engine.mount(kind, self._container, self.attributesJson());
        },
        function (err) {
          var noWasm = err && err.message === "no-wasm";
          var cspBlocked = err && /Content Security Policy|wasm-unsafe-eval|CompileError/i.test(String(err.message || err));
          message(
            self._container,
            noWasm || cspBlocked
              ? "您的浏览器无法运行本计算器（版本过低或被安全设置禁止）。请换用新版浏览器；360 等浏览器请切换到“极速模式”。"
              : "计算器加载失败，请检查网络后刷新页面重试。",
            self.getAttribute("fallback-url")
          );
        }
      );
    }

    disconnectedCallback() {
      // Moving an element disconnects and reconnects it at once: keep what was typed then.
      var self = this;
      Promise.resolve().then(function () {
        if (!self.isConnected && self._engine && self._mountId !== undefined && self._mountId !== null) {
          self._engine.unmount(self._mountId);
          self._mountId = null;
        }
      });
    }

    attributeChangedCallback() {
      if (this._engine && this._mountId !== undefined && this._mountId !== null) {
        this._engine.update(this._mountId, this.attributesJson());
      }
    }
  }
  customElements.define(tag, BangfuElement);
}

/**
 * Prints a widget's sheet alone on A4: the sheet is copied into a hidden iframe with the
 * widget's stylesheet, so neither the host page nor the rest of the widget is printed.
 */
function printSheet(host) {
  var sheet = host && host.shadowRoot && host.shadowRoot.querySelector(".sheet");
  if (!sheet) return;
  var frame = document.createElement("iframe");
  frame.setAttribute("aria-hidden", "true");
  frame.setAttribute("tabindex", "-1");
  frame.style.position = "fixed";
  frame.style.width = "0";
  frame.style.height = "0";
  frame.style.border = "0";
  document.body.appendChild(frame);
  var win = frame.contentWindow;
  var doc = win.document;
  doc.open();
  doc.write('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>收入核算表</title></head><body class="bf-print"></body></html>');
  doc.close();
  if ("adoptedStyleSheets" in doc) {
    var printSheetCss = new win.CSSStyleSheet();
    printSheetCss.replaceSync(CSS);
    doc.adoptedStyleSheets = [printSheetCss];
  } else {
    var style = doc.createElement("style");
    style.textContent = CSS;
    doc.head.appendChild(style);
  }
  doc.body.appendChild(doc.importNode(sheet, true));
  win.focus();
  win.print();
  setTimeout(function () {
    if (frame.parentNode) frame.parentNode.removeChild(frame);
  }, 1000);
}

// Only where there is a DOM: importing the package in Node (server rendering, tests) must not throw.
if (typeof document !== "undefined" && typeof customElements !== "undefined") {
  document.addEventListener("bangfu-print", function (event) {
    printSheet(event.target);
  });
  for (var tag in ELEMENTS) {
    if (Object.prototype.hasOwnProperty.call(ELEMENTS, tag)) defineElement(tag, ELEMENTS[tag]);
  }
}
