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
// (`result-detail` is not here: the widgets read it from the element when they announce a result.)
var ATTRIBUTES = [
  "year", "mode", "large-text", "rule-set", "eligibility-url", "report-url", "subsidy-url",
  "per-capita-net-income", "per-capita-after-rigid", "date", "config", "household", "overrides", "fallback-url",
  "keep-days",
];

var base = new URL(".", import.meta.url);
// The engine's files, relative to this loader (`cargo xtask dist` rewrites them to hashed names).
var FILES = { modern: ["bangfu_widgets.js", "bangfu_widgets_bg.wasm"], compat: ["compat/bangfu_widgets.js", "compat/bangfu_widgets_bg.wasm"] };
// SRI (sha384) of those files by name; `cargo xtask dist` fills it in, development builds have none.
var INTEGRITY = {};
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

/**
 * Imports the glue module `file`. `generation` > 0 gives a fresh module instance (the module
 * map is keyed by the full URL) after a trap. With an SRI hash, a `modulepreload` carrying
 * `integrity` fetches it first, so the import gets the checked module or fails.
 */
function importGlue(file, generation) {
  var url = new URL(file, base).href + (generation ? "#bangfu-" + generation : "");
  var sri = INTEGRITY[file];
  if (sri && typeof document !== "undefined") {
    var link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = url;
    link.integrity = sri;
    link.crossOrigin = "anonymous";
    return new Promise(function (resolve, reject) {
      link.onload = resolve;
      link.onerror = function () {
        reject(new Error("integrity: " + file));
      };
      document.head.appendChild(link);
    }).then(function () {
      return import(url);
    });
  }
  return import(url);
}

/** Fetches (with `integrity` when known) and compiles the wasm `file`, once per page. */
function compileWasm(file) {
  var sri = INTEGRITY[file];
  return fetch(new URL(file, base), sri ? { integrity: sri } : undefined).then(function (response) {
    if (!response.ok) throw new Error("fetch " + file + ": " + response.status);
    if (typeof WebAssembly.compileStreaming === "function") {
      var copy = response.clone();
      return WebAssembly.compileStreaming(response).catch(function () {
        // Served without `application/wasm`: compile from the bytes instead.
        return copy.arrayBuffer().then(function (bytes) {
          return WebAssembly.compile(bytes);
        });
      });
    }
    return response.arrayBuffer().then(function (bytes) {
      return WebAssembly.compile(bytes);
    });
  });
}

var compiled = null;
var generation = 0;

/** Loads and instantiates the wasm once; every element and `evaluate` share the promise. */
function loadEngine() {
  if (!enginePromise) {
    if (typeof WebAssembly !== "object") {
      enginePromise = Promise.reject(new Error("no-wasm"));
    } else {
      var files = FILES[engineVariant()];
      if (!compiled) compiled = compileWasm(files[1]);
      var module = compiled;
      enginePromise = importGlue(files[0], generation).then(function (glue) {
        return module.then(function (m) {
          return glue.default({ module_or_path: m });
        }).then(function () {
          engineLoaded = glue;
          return glue;
        });
      });
      enginePromise.catch(function () {
        // A failed download may succeed on the next try (the error message offers a reload).
        compiled = null;
      });
    }
  }
  return enginePromise;
}

/** api.md `evaluate`: a plain object in, a plain object out (as a promise: the engine loads lazily). */
export function evaluate(request) {
  return loadEngine().then(function (engine) {
    return guard(function () {
      return JSON.parse(engine.evaluate_json(JSON.stringify(request)));
    });
  });
}

/** api.md `evaluateSync`: the same answer as `evaluate`, synchronously, once `ready()` has resolved. */
export function evaluateSync(request) {
  var engine = engineLoaded;
  if (!engine) throw new Error("bangfu: the engine is not loaded yet; await ready() first");
  return guard(function () {
    return JSON.parse(engine.evaluate_json(JSON.stringify(request)));
  });
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

/**
 * `raw` as a safe href (http, https or relative), else null — the loader's twin of the widgets'
 * `ui::url::safe_href`: trims leading and trailing C0 controls and spaces, drops tabs and
 * newlines the way the URL parser does, then refuses every other scheme and `//host`.
 */
export function safeHref(raw) {
  var cleaned = String(raw).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  if (!cleaned || cleaned.length > 2048 || /^[\/\\]{2}/.test(cleaned)) return null;
  var scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  if (scheme && !/^https?$/i.test(scheme[1])) return null;
  return cleaned;
}

function message(container, text, link) {
  container.textContent = "";
  var box = document.createElement("div");
  box.className = "bf bf-message";
  box.setAttribute("role", "status");
  box.textContent = text;
  var href = link ? safeHref(link) : null;
  if (link && !href) console.warn("Bangfu: fallback-url 不是 http(s) 或相对地址，已忽略：" + link);
  if (href) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = " 查看文字版说明";
    box.appendChild(a);
  }
  container.appendChild(box);
}

/** Mounts `el`'s widget once the engine is there; shows a message when it cannot run. */
function mountElement(el, kind) {
  el._kind = kind;
  loadEngine().then(
    function (engine) {
      if (!el.isConnected || (el._mountId !== undefined && el._mountId !== null)) return;
      el._engine = engine;
      el._container.textContent = "";
      el._mountId = guard(function () {
        return engine.mount(kind, el._container, el.attributesJson());
      });
    },
    function (err) {
      var noWasm = err && err.message === "no-wasm";
      var cspBlocked = err && /Content Security Policy|wasm-unsafe-eval|CompileError/i.test(String(err.message || err));
      message(
        el._container,
        noWasm || cspBlocked
          ? "您的浏览器无法运行本计算器（版本过低或被安全设置禁止）。请换用新版浏览器；360 等浏览器请切换到“极速模式”。"
          : "计算器加载失败，请检查网络后刷新页面重试。",
        el.getAttribute("fallback-url")
      );
    }
  );
}

// ---- Recovery after a trap -----------------------------------------------------------------
// The widgets share one wasm instance built with `panic = "abort"`: a panic traps it
// (`RuntimeError: unreachable`) and leaves it, and Yew's scheduler inside it, unusable. The
// loader then drops that instance, instantiates the compiled module again from a fresh glue
// module, remounts every element from its attributes, and tells the user once. A widget that
// traps again at once cannot loop: after MAX_RECOVERIES each element shows a message instead.

var MAX_RECOVERIES = 3;
var recoveries = 0;
var recovering = false;

/** True for a wasm trap raised in this engine (not another wasm on the host page). */
function isEngineTrap(err) {
  return typeof WebAssembly === "object" && err instanceof WebAssembly.RuntimeError &&
    /bangfu_widgets/.test(String(err.stack || ""));
}

/** Runs `f` (a call into the engine); a trap starts the recovery instead of propagating. */
function guard(f) {
  try {
    return f();
  } catch (err) {
    if (!isEngineTrap(err)) throw err;
    recover();
    return null;
  }
}

function bangfuElements() {
  var out = [];
  for (var tag in ELEMENTS) {
    if (!Object.prototype.hasOwnProperty.call(ELEMENTS, tag)) continue;
    var list = document.getElementsByTagName(tag);
    for (var i = 0; i < list.length; i++) if (list[i].shadowRoot && list[i]._container) out.push(list[i]);
  }
  return out;
}

/** Shows the one notice (an alert in the first widget, a quiet note in the others). */
function noticeInto(el, first) {
  if (el.shadowRoot.querySelector("[data-testid=bangfu-recovered]")) return;
  var box = document.createElement("div");
  box.className = "bf bf-message";
  box.setAttribute("data-testid", "bangfu-recovered");
  if (first) box.setAttribute("role", "alert");
  box.textContent = "计算器出了故障，已自动重新启动。未保存的填写内容可能需要重新输入。";
  el.shadowRoot.insertBefore(box, el._container);
}

function recover() {
  if (recovering) return;
  recovering = true;
  recoveries++;
  enginePromise = null;
  engineLoaded = null;
  generation++;
  var elements = bangfuElements();
  var giveUp = recoveries > MAX_RECOVERIES;
  var alerted = false;
  for (var i = 0; i < elements.length; i++) {
    alerted = alerted || !!elements[i].shadowRoot.querySelector("[data-testid=bangfu-recovered][role=alert]");
  }
  for (var j = 0; j < elements.length; j++) {
    var el = elements[j];
    // The old widget's DOM (and its listeners into the dead instance) is dropped whole.
    var fresh = document.createElement("div");
    el.shadowRoot.replaceChild(fresh, el._container);
    el._container = fresh;
    el._engine = null;
    el._mountId = null;
    if (giveUp) {
      message(fresh, "计算器多次出错，请刷新页面后重试。", el.getAttribute("fallback-url"));
    } else {
      noticeInto(el, !alerted && j === 0);
      if (el.isConnected) mountElement(el, el._kind);
    }
  }
  if (giveUp) return;
  loadEngine().then(
    function () {
      recovering = false;
    },
    function () {
      recovering = false;
    }
  );
}

if (typeof window !== "undefined") {
  window.addEventListener("error", function (event) {
    if (isEngineTrap(event.error)) recover();
  });
  window.addEventListener("unhandledrejection", function (event) {
    if (isEngineTrap(event.reason)) recover();
  });
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
      mountElement(this, kind);
    }

    disconnectedCallback() {
      // Moving an element disconnects and reconnects it at once: keep what was typed then.
      var self = this;
      Promise.resolve().then(function () {
        if (!self.isConnected && self._engine && self._mountId !== undefined && self._mountId !== null) {
          var engine = self._engine;
          var id = self._mountId;
          self._mountId = null;
          guard(function () {
            engine.unmount(id);
          });
        }
      });
    }

    attributeChangedCallback() {
      if (this._engine && this._mountId !== undefined && this._mountId !== null) {
        var self = this;
        guard(function () {
          self._engine.update(self._mountId, self.attributesJson());
        });
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
  // Built with DOM calls, not document.write: works on pages that enforce Trusted Types.
  doc.documentElement.setAttribute("lang", "zh-CN");
  var charset = doc.createElement("meta");
  charset.setAttribute("charset", "utf-8");
  doc.head.appendChild(charset);
  doc.title = "收入核算表";
  doc.body.className = "bf-print";
  // The blank frame is in quirks mode, where tables do not inherit fonts: give them back.
  var css = CSS + "\ntable{font:inherit;white-space:inherit;text-align:inherit}\n";
  if ("adoptedStyleSheets" in doc) {
    var printSheetCss = new win.CSSStyleSheet();
    printSheetCss.replaceSync(css);
    doc.adoptedStyleSheets = [printSheetCss];
  } else {
    var style = doc.createElement("style");
    style.textContent = css;
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
