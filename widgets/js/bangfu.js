// Bangfu loader: registers the custom elements, loads the engine (wasm) once for every
// element on the page, the first time one connects, and exposes `evaluate(request)`.
//
// Usage on a portal page:
//   <script type="module" src="/bangfu/bangfu.js"></script>
//   <bangfu-income year="2024"></bangfu-income>
//
// Written for old engines too (Chromium 70+, measured in real builds by tests/oldchrome/):
// ES2018 syntax only (no optional chaining, no `??`, no class fields), no DOM newer than 70.
// `xtask` replaces __BANGFU_CSS__ with the widgets' stylesheet at build time.

var CSS = __BANGFU_CSS__;
var ELEMENTS = {
  "bangfu-income": "income",
  "bangfu-eligibility": "eligibility",
  "bangfu-deadlines": "deadlines",
  "bangfu-subsidy": "subsidy",
  "bangfu-screening": "screening",
};
// (`result-detail` is not here: the widgets read it from the element when they announce a result.)
var ATTRIBUTES = [
  "year", "mode", "large-text", "rule-set", "eligibility-url", "report-url", "subsidy-url",
  "per-capita-net-income", "per-capita-after-rigid", "date", "config", "household", "overrides", "fallback-url",
  "keep-days", "hotline", "print-sheet",
];

var base = new URL(".", import.meta.url);
// The engine's files, relative to this loader. The build (and `cargo xtask dist`) rewrites this
// line to content-hashed names, served as immutable; it stays JSON between `=` and `;` (sw.js reads it).
var FILES = { "modern": ["bangfu_widgets.js", "bangfu_widgets_bg.wasm"], "compat": ["compat/bangfu_widgets.js", "compat/bangfu_widgets_bg.wasm"] };
// The same stylesheet as a file (the build rewrites this line to the hashed name).
var CSS_FILE = "bangfu.css";
// The split engine's pieces, per variant: the link module the glue imports, and for each widget
// kind the pieces it needs (shared ones first), fetched only when a page shows that kind.
// The build rewrites this line (JSON between `=` and `;`, sw.js reads it); empty = not split.
var CHUNKS = {};
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
 * Starts downloading the engine this browser will run while the glue loads: a preload of
 * only the chosen variant (a fixed preload in the page would make compat browsers fetch both).
 */
function preloadEngine() {
  if (typeof WebAssembly !== "object" || typeof document === "undefined" || !document.head) return;
  var tags = Object.keys(ELEMENTS).join(",");
  if (!document.querySelector(tags)) return;
  var file = FILES[engineVariant()][1];
  var href = new URL(file, base).href;
  var links = document.querySelectorAll("link[rel=preload]");
  for (var i = 0; i < links.length; i++) {
    if (links[i].href === href) return;
  }
  var link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.type = "application/wasm";
  link.crossOrigin = "anonymous";
  // The same integrity as the fetch that uses it, or the preload would not be reused.
  if (INTEGRITY[file]) link.integrity = INTEGRITY[file];
  link.href = href;
  document.head.appendChild(link);
}

/**
 * The URL to import the module `file` from, once it may be imported. `generation` > 0 gives a
 * fresh module instance (the module map is keyed by the full URL) after a trap. With an SRI
 * hash, a `modulepreload` carrying `integrity` fetches it first (resolving when the checked
 * copy is in the module map), so an import gets the checked module or fails; without one, at
 * once.
 */
function checkedModule(file, generation) {
  var url = new URL(file, base).href + (generation ? "#bangfu-" + generation : "");
  var sri = INTEGRITY[file];
  if (!sri || typeof document === "undefined") return Promise.resolve(url);
  var link = document.createElement("link");
  link.rel = "modulepreload";
  link.href = url;
  link.integrity = sri;
  link.crossOrigin = "anonymous";
  return new Promise(function (resolve, reject) {
    link.onload = function () {
      resolve(url);
    };
    link.onerror = function () {
      reject(new Error("integrity: " + file));
    };
    document.head.appendChild(link);
  });
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

/** This browser's split pieces (`{}` when the build is not split). */
function chunkMap() {
  return CHUNKS[engineVariant()] || {};
}

// Compiled pieces by file, kept across a recovery (the bytes do not change); instances by
// file for the current engine instance only (each piece is instantiated once per instance:
// instantiating writes its data and table entries into the engine's memory and table).
var pieceModules = {};
// The link module once connected to an engine instance (disconnected by a recovery).
var linkConnected = null;

/** Fetches (with SRI) and compiles piece `file` once per page; a failure may be retried. */
function compilePiece(file) {
  if (!pieceModules[file]) {
    pieceModules[file] = compileWasm(file);
    pieceModules[file].catch(function () {
      delete pieceModules[file];
    });
  }
  return pieceModules[file];
}

/**
 * Loads widget `kind`'s pieces into the engine instance `exports`: every download starts at
 * once; they are instantiated in order, shared pieces first. Called by the link module when
 * the engine asks for the kind's code.
 */
function loadPieces(exports, instances, kind) {
  var files = chunkMap()[kind] || [];
  var compiledPieces = files.map(compilePiece);
  var chain = Promise.resolve();
  files.forEach(function (file, i) {
    chain = chain.then(function () {
      if (!instances[file]) {
        instances[file] = compiledPieces[i].then(function (m) {
          return WebAssembly.instantiate(m, { __wasm_split: exports });
        });
        instances[file].catch(function () {
          delete instances[file];
        });
      }
      return instances[file];
    });
  });
  return chain;
}

/** Starts downloading the pieces of every widget kind on the page, while the engine loads. */
function prefetchPieces() {
  if (typeof WebAssembly !== "object" || typeof document === "undefined") return;
  var map = chunkMap();
  for (var tag in ELEMENTS) {
    if (!Object.prototype.hasOwnProperty.call(ELEMENTS, tag)) continue;
    var files = map[ELEMENTS[tag]];
    if (files && document.querySelector(tag)) files.forEach(compilePiece);
  }
}

/** Loads and instantiates the wasm once; every element and `evaluate` share the promise. */
function loadEngine() {
  if (!enginePromise) {
    if (typeof WebAssembly !== "object") {
      enginePromise = Promise.reject(new Error("no-wasm"));
    } else {
      var files = FILES[engineVariant()];
      if (!compiled) compiled = compileWasm(files[1]);
      var module = compiled;
      var linkFile = chunkMap().link;
      // The link module and the glue at once (the glue imports the link module, so fetching
      // them one after the other would cost a round trip). With SRI both checked copies are in
      // the module map before either is imported, so the glue's import of the link module
      // cannot fetch an unchecked one.
      var ready = Promise.all([
        linkFile ? checkedModule(linkFile, 0) : Promise.resolve(null),
        checkedModule(files[0], generation),
      ]);
      var link = ready.then(function (urls) {
        return urls[0] ? import(urls[0]) : null;
      });
      var glueLoaded = ready.then(function (urls) {
        return import(urls[1]);
      });
      var instances = {};
      enginePromise = Promise.all([link, glueLoaded]).then(function (loaded) {
        var linkModule = loaded[0];
        var glue = loaded[1];
        return module.then(function (m) {
          return glue.default({ module_or_path: m });
        }).then(function (exports) {
          if (linkModule) {
            linkModule.connect(exports, function (kind) {
              return loadPieces(exports, instances, kind);
            });
            linkConnected = linkModule;
          }
          engineLoaded = glue;
          return glue;
        });
      });
      var failed = enginePromise;
      enginePromise.catch(function () {
        // A failed download may succeed on the next try (when the network is back, or after
        // the reload the error message offers).
        compiled = null;
        if (enginePromise === failed) enginePromise = null;
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
    // Chromium < 73: an inline <style>, and the same sheet as a file for pages whose CSP
    // allows only `style-src 'self'` (the <style> is refused there).
    var style = document.createElement("style");
    style.textContent = CSS;
    root.appendChild(style);
    var link = document.createElement("link");
    link.rel = "stylesheet";
    if (INTEGRITY[CSS_FILE]) {
      link.integrity = INTEGRITY[CSS_FILE];
      link.crossOrigin = "anonymous";
    }
    link.href = new URL(CSS_FILE, base).href;
    root.appendChild(link);
  }
}

var legacy = null;
/**
 * Classes for engines that lack flex `gap` (Chromium < 84) or `:has()` (< 105); the
 * stylesheet (compat.css) gives those layouts a fallback that looks the same. The gap probe
 * is laid out inside `root` (a connected shadow root), out of reach of the host page's CSS.
 */
function legacyClasses(root) {
  if (legacy === null) {
    var classes = [];
    var probe = document.createElement("div");
    probe.style.cssText = "display:flex;flex-direction:column;row-gap:1px;position:absolute;visibility:hidden;padding:0;border:0;margin:0";
    probe.appendChild(document.createElement("div"));
    probe.appendChild(document.createElement("div"));
    root.appendChild(probe);
    if (probe.scrollHeight !== 1) classes.push("bf-no-flex-gap");
    root.removeChild(probe);
    var has = false;
    try {
      has = window.CSS.supports("selector(:has(a))"); // not `CSS`: the stylesheet text here
    } catch (e) {
      // Chromium < 83 has no selector() in CSS.supports.
    }
    if (!has) classes.push("bf-no-has");
    legacy = classes.join(" ");
  }
  return legacy;
}

var reported = false;
/**
 * Shows why the engine could not start, in words for the person at the page, and logs the
 * cause once with what the portal's webmaster can do (docs/embedding.md). True when it was a
 * download that may succeed later (not a browser or a page policy that cannot run it).
 */
function showFailure(container, err, fallbackUrl) {
  var name = (err && err.name) || "";
  var text = String((err && err.message) || err);
  var noWasm = text === "no-wasm";
  var csp = /Content Security Policy|wasm-unsafe-eval|unsafe-eval|disallowed by embedder/i.test(text);
  var compile = name === "CompileError" || /CompileError/.test(text);
  if (!reported) {
    reported = true;
    var advice = noWasm
      ? "This browser has no WebAssembly (e.g. 360's IE mode): add <meta name=\"renderer\" content=\"webkit\"> to the page, or users need a Chromium 70+ browser."
      : csp
        ? "The page's Content-Security-Policy forbids compiling WebAssembly. script-src needs 'wasm-unsafe-eval' (Chromium 97+) and, for older browsers, which ignore it, 'unsafe-eval' as well (Bangfu embedding guide, \"Content Security Policy\")."
        : compile
          ? "This browser cannot compile the engine (Bangfu supports Chromium 70+)."
          : "The engine's files could not be loaded: check that pkg/ (and pkg/compat/) is served, with application/wasm for .wasm.";
    console.error("Bangfu: the calculators could not start: " + (name ? name + ": " : "") + text + " — " + advice);
  }
  message(
    container,
    noWasm || compile || csp
      ? csp
        ? "您的浏览器无法运行本计算器：本网页的安全设置不允许。请联系网站管理员，或换用新版浏览器。"
        : "您的浏览器无法运行本计算器（版本过低或被安全设置禁止）。请换用新版浏览器；360 等浏览器请切换到“极速模式”。"
      : "计算器加载失败，请检查网络后刷新页面重试。",
    fallbackUrl
  );
  // A download that failed may succeed later; the other causes stay.
  return !(noWasm || compile || csp);
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

/** The engine once widget `kind`'s code is loaded into it (its pieces, in a split build). */
function prepareKind(engine, kind) {
  return Promise.resolve(engine.prepare(kind)).then(function () {
    return engine;
  });
}

/** Mounts `el`'s widget once the engine is there; shows a message when it cannot run. */
function mountElement(el, kind) {
  el._kind = kind;
  // An engine replaced meanwhile (a trap elsewhere started a recovery, which mounts every
  // element again into the new one) must not get this element.
  var started = generation;
  loadEngine().then(function (engine) {
    return prepareKind(engine, kind);
  }).then(
    function (engine) {
      if (started !== generation) return;
      if (!el.isConnected || (el._mountId !== undefined && el._mountId !== null)) return;
      el._engine = engine;
      el._container.textContent = "";
      el._mountId = guard(function () {
        return engine.mount(kind, el._container, el.attributesJson());
      });
    },
    function (err) {
      if (started !== generation) return;
      // A trap while the widget's code was being loaded is recovered from like any other.
      if (isEngineTrap(err)) return recover();
      if (showFailure(el._container, err, el.getAttribute("fallback-url"))) retryWhenOnline(el);
    }
  );
}

// Elements whose engine or pieces could not be downloaded: mounted again when the browser
// reports the network back (village networks come and go), without a reload.
var awaitingNetwork = [];
function retryWhenOnline(el) {
  if (awaitingNetwork.indexOf(el) < 0) awaitingNetwork.push(el);
}
if (typeof window !== "undefined") {
  window.addEventListener("online", function () {
    var waiting = awaitingNetwork;
    awaitingNetwork = [];
    for (var i = 0; i < waiting.length; i++) {
      var el = waiting[i];
      if (el.isConnected && (el._mountId === undefined || el._mountId === null)) mountElement(el, el._kind);
    }
  });
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
  // Loads of widget code still under way for the dead instance are not called back into it.
  if (linkConnected) linkConnected.connect(null, null);
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
        this._container.className = legacyClasses(root);
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

// ---- Printing a widget's sheet alone --------------------------------------------------------
// The widget's print button (event `bangfu-print`), and Ctrl+P while a household's sheet is
// ready, print that sheet alone: the host element is marked `data-bangfu-print-sheet`, its
// ancestors `data-bangfu-print-path`, and a document-level print stylesheet hides everything
// else on the page and names the household and the page numbers in the page margins. The marks
// change nothing on screen; they are removed at the person's next tap or key press, not at
// `afterprint` (headless Chromium fires that before it lays out the PDF, and a phone may show its
// print preview after it). A
// page printed without a ready sheet prints as it is.
var PRINTING = "data-bangfu-printing";
var PRINT_PATH = "data-bangfu-print-path";
var PRINT_SHEET = "data-bangfu-print-sheet";
var printStyle = null;

/** A CSS string literal for untrusted text: every character outside a small safe set escaped. */
function cssString(text) {
  var out = "";
  var s = String(text).slice(0, 60);
  for (var i = 0; i < s.length; i++) {
    var c = s.charAt(i);
    out += /[0-9A-Za-z\u4e00-\u9fff ]/.test(c) ? c : "\\" + s.charCodeAt(i).toString(16) + " ";
  }
  return '"' + out + '"';
}

function hostPrintCss(label, sheetTitle) {
  var name = sheetTitle || "农户家庭收入核算表";
  var title = label ? name + " · " + label : name;
  return (
    "@media print {" +
    "html[" + PRINTING + "] body *:not([" + PRINT_PATH + "]):not([" + PRINT_SHEET + "]) { display: none !important; }" +
    "html[" + PRINTING + "], html[" + PRINTING + "] body, [" + PRINT_PATH + "], [" + PRINT_SHEET + "] {" +
    " display: block !important; margin: 0 !important; padding: 0 !important; border: 0 !important;" +
    " background: none !important; box-shadow: none !important; max-width: none !important; width: auto !important;" +
    " min-height: 0 !important; height: auto !important; position: static !important; float: none !important;" +
    " overflow: visible !important; transform: none !important; columns: auto !important; }" +
    "}" +
    "@page { size: A4; margin: 12mm 12mm 14mm;" +
    " @top-left { content: " + cssString(title) + "; font-size: 8pt; color: #444; }" +
    ' @bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 8pt; color: #444; } }'
  );
}

function readySheet(host) {
  return host && host.shadowRoot && host.shadowRoot.querySelector(".sheet[data-ready]");
}

/** A ready sheet that Ctrl+P may print (not where the page set `print-sheet="off"`). */
function ctrlPSheet(host) {
  var sheet = readySheet(host);
  return sheet && sheet.hasAttribute("data-ctrl-p") ? sheet : null;
}

function endSheetPrint() {
  var marked = document.querySelectorAll("[" + PRINT_PATH + "],[" + PRINT_SHEET + "]");
  for (var i = 0; i < marked.length; i++) {
    marked[i].removeAttribute(PRINT_PATH);
    marked[i].removeAttribute(PRINT_SHEET);
  }
  document.documentElement.removeAttribute(PRINTING);
  if (printStyle) {
    if (printStyle.sheet && document.adoptedStyleSheets) {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter(function (s) {
        return s !== printStyle.sheet;
      });
    } else if (printStyle.node && printStyle.node.parentNode) {
      printStyle.node.parentNode.removeChild(printStyle.node);
    }
    printStyle = null;
  }
}

function startSheetPrint(host) {
  endSheetPrint();
  var sheetNode = readySheet(host);
  if (!sheetNode) return false;
  var labelNode = sheetNode.querySelector("[data-testid=sheet-label]");
  // A widget's sheet may name itself (the screening list); else it is the income sheet.
  var css = hostPrintCss(labelNode ? labelNode.textContent.trim() : "", sheetNode.getAttribute("data-print-title"));
  // A constructable sheet is not an inline <style> (CSP style-src); older engines get one.
  if ("adoptedStyleSheets" in document && "replaceSync" in CSSStyleSheet.prototype) {
    var s = new CSSStyleSheet();
    s.replaceSync(css);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([s]);
    printStyle = { sheet: s };
  } else {
    var node = document.createElement("style");
    node.textContent = css;
    document.head.appendChild(node);
    printStyle = { node: node };
  }
  host.setAttribute(PRINT_SHEET, "");
  for (var el = host.parentElement; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
    el.setAttribute(PRINT_PATH, "");
  }
  document.documentElement.setAttribute(PRINTING, "");
  return true;
}

/** Ctrl+P: the income sheet the person is working in (focus), else the first ready one. */
function sheetHostForCtrlP() {
  var all = document.querySelectorAll("bangfu-income");
  var first = null;
  for (var i = 0; i < all.length; i++) {
    if (!ctrlPSheet(all[i])) continue;
    if (document.activeElement === all[i]) return all[i];
    if (!first) first = all[i];
  }
  return first;
}

// Only where there is a DOM: importing the package in Node (server rendering, tests) must not throw.
if (typeof document !== "undefined" && typeof customElements !== "undefined") {
  document.addEventListener("bangfu-print", function (event) {
    if (startSheetPrint(event.target)) window.print();
  });
  window.addEventListener("beforeprint", function () {
    if (document.documentElement.hasAttribute(PRINTING)) return;
    var host = sheetHostForCtrlP();
    if (host) startSheetPrint(host);
  });
  function endSheetPrintOnInput() {
    if (document.documentElement.hasAttribute(PRINTING)) endSheetPrint();
  }
  document.addEventListener("pointerdown", endSheetPrintOnInput, true);
  document.addEventListener("keydown", endSheetPrintOnInput, true);

  // ---- Saving the sheet as a picture (phones, where printing is not at hand) ---------------------
  // The sheet is drawn as text on a canvas (no foreign markup, no network) and offered as a PNG
  // download on the device.
  var IMG = { width: 1240, margin: 70, font: '"Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif' };

  function wrapText(ctx, text, width) {
    var lines = [];
    var line = "";
    for (var i = 0; i < text.length; i++) {
      var next = line + text.charAt(i);
      if (ctx.measureText(next).width > width && line) {
        lines.push(line);
        line = text.charAt(i);
      } else {
        line = next;
      }
    }
    if (line) lines.push(line);
    return lines.length ? lines : [""];
  }

  /** Lays the sheet out as drawing operations; returns [ops, height]. */
  function layoutSheet(ctx, sheetNode) {
    var ops = [];
    var y = IMG.margin;
    var inner = IMG.width - 2 * IMG.margin;
    function text(str, size, bold, align) {
      ctx.font = (bold ? "bold " : "") + size + "px " + IMG.font;
      var lines = wrapText(ctx, str, inner);
      for (var i = 0; i < lines.length; i++) {
        ops.push({ kind: "text", str: lines[i], x: align === "center" ? IMG.width / 2 : IMG.margin, y: y + size, size: size, bold: bold, align: align || "left" });
        y += Math.round(size * 1.45);
      }
    }
    function table(node) {
      var caption = node.querySelector("caption");
      if (caption) text(caption.textContent.trim(), 24, true);
      var rows = node.querySelectorAll("tr");
      var cells = [];
      var cols = 0;
      for (var r = 0; r < rows.length; r++) {
        var row = [];
        var tds = rows[r].querySelectorAll("th,td");
        for (var c = 0; c < tds.length; c++) {
          row.push({ str: tds[c].textContent.trim(), span: tds[c].colSpan || 1, head: rows[r].parentNode.tagName === "THEAD", num: tds[c].classList.contains("num") });
        }
        cols = Math.max(cols, row.reduce(function (n, cell) { return n + cell.span; }, 0));
        cells.push(row);
      }
      ctx.font = "22px " + IMG.font;
      var widths = [];
      for (var k = 0; k < cols; k++) widths.push(40);
      cells.forEach(function (row) {
        var col = 0;
        row.forEach(function (cell) {
          if (cell.span === 1) widths[col] = Math.max(widths[col], Math.min(ctx.measureText(cell.str).width + 16, inner * 0.6));
          col += cell.span;
        });
      });
      var total = widths.reduce(function (a, b) { return a + b; }, 0);
      widths = widths.map(function (w) { return (w / total) * inner; });
      cells.forEach(function (row) {
        var col = 0;
        var x = IMG.margin;
        var laid = row.map(function (cell) {
          var w = 0;
          for (var j = 0; j < cell.span; j++) w += widths[col + j] || 0;
          col += cell.span;
          ctx.font = (cell.head ? "bold " : "") + "22px " + IMG.font;
          var lines = wrapText(ctx, cell.str, w - 12);
          var item = { x: x, w: w, lines: lines, head: cell.head, num: cell.num };
          x += w;
          return item;
        });
        var h = 12 + 30 * laid.reduce(function (n, c) { return Math.max(n, c.lines.length); }, 1);
        laid.forEach(function (c) {
          ops.push({ kind: "rect", x: c.x, y: y, w: c.w, h: h });
          c.lines.forEach(function (l, i) {
            ops.push({ kind: "text", str: l, x: c.num ? c.x + c.w - 6 : c.x + 6, y: y + 30 + i * 30, size: 22, bold: c.head, align: c.num ? "right" : "left" });
          });
        });
        y += h;
      });
      y += 16;
    }
    (function walk(node) {
      for (var i = 0; i < node.children.length; i++) {
        var el = node.children[i];
        var tag = el.tagName;
        if (tag === "H1") { text(el.textContent.trim(), 36, true, "center"); y += 10; }
        else if (tag === "TABLE") table(el);
        else if (tag === "DIV" && el.classList.contains("signatures")) {
          y += 30;
          for (var s = 0; s < el.children.length; s++) {
            text(el.children[s].textContent.trim() + " ____________________", 24, false);
            y += 24;
          }
        } else if (tag === "DIV") walk(el);
        else text(el.textContent.trim(), el.classList.contains("sheet-small") ? 20 : 24, el.classList.contains("sheet-verdict"));
      }
    })(sheetNode);
    return [ops, y + IMG.margin];
  }

  function saveSheetImage(host) {
    var sheetNode = readySheet(host);
    if (!sheetNode) return;
    var canvas = document.createElement("canvas");
    canvas.width = IMG.width;
    canvas.height = 100;
    var laid = layoutSheet(canvas.getContext("2d"), sheetNode);
    canvas.height = Math.min(laid[1], 16000);
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#000";
    ctx.strokeStyle = "#000";
    ctx.lineWidth = 1.5;
    laid[0].forEach(function (op) {
      if (op.kind === "rect") {
        ctx.strokeRect(op.x, op.y, op.w, op.h);
      } else {
        ctx.font = (op.bold ? "bold " : "") + op.size + "px " + IMG.font;
        ctx.textAlign = op.align;
        ctx.fillText(op.str, op.x, op.y);
      }
    });
    var labelNode = sheetNode.querySelector("[data-testid=sheet-label]");
    var label = (labelNode ? labelNode.textContent.trim() : "").replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 30) || "未命名";
    canvas.toBlob(function (blob) {
      if (!blob) return;
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url;
      a.download = "收入核算表-" + label + ".png";
      host.shadowRoot.appendChild(a);
      a.click();
      host.shadowRoot.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }, "image/png");
  }

  document.addEventListener("bangfu-save-image", function (event) {
    saveSheetImage(event.target);
  });

  for (var tag in ELEMENTS) {
    if (Object.prototype.hasOwnProperty.call(ELEMENTS, tag)) defineElement(tag, ELEMENTS[tag]);
  }
  preloadEngine();
  prefetchPieces();
}
