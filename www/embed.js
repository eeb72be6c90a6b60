// The iframe fallback for portals that cannot add scripts: embed.html?widget=income&year=2024
// creates that widget and reports its height to the parent page, which resizes the iframe
// (embed-host.js, or any listener for "bangfu-resize" messages).
//
// A link to this page is hostile input: only the documented, harmless attributes below are
// taken from the query. URLs, configuration, overrides and household data come only from the
// portal's own settings block in embed.html (#bangfu-embed), never from the address.
import "./pkg/bangfu.js";

const WIDGETS = { income: "bangfu-income", eligibility: "bangfu-eligibility", deadlines: "bangfu-deadlines", subsidy: "bangfu-subsidy" };
/** Attributes a link may set: none of them is a URL, script, style, policy or household data. */
const FROM_QUERY = ["year", "mode", "large-text", "rule-set", "date"];
/** Attributes only the portal's settings block may set. */
const FROM_SETTINGS = FROM_QUERY.concat(["keep-days", "eligibility-url", "report-url", "subsidy-url", "fallback-url", "config", "overrides", "result-detail", "print-sheet"]);

/** The portal's settings in embed.html; `{}` when absent or malformed. */
function settings() {
  const block = document.getElementById("bangfu-embed");
  try {
    const value = JSON.parse(block ? block.textContent : "{}");
    return value && typeof value === "object" ? value : {};
  } catch (e) {
    console.warn("Bangfu: embed.html 中的 #bangfu-embed 不是有效的 JSON，已忽略。");
    return {};
  }
}

/** The element for this frame, with the allowed attributes only (values capped in length). */
function createWidget(params, own) {
  const tag = WIDGETS[params.get("widget")] || WIDGETS.income;
  const el = document.createElement(tag);
  const set = (name, value) => {
    if (typeof value === "string" && value.length <= 4096) el.setAttribute(name, value);
  };
  const fixed = own.attributes && typeof own.attributes === "object" ? own.attributes : {};
  for (const name of FROM_SETTINGS) if (Object.prototype.hasOwnProperty.call(fixed, name)) set(name, fixed[name]);
  for (const name of FROM_QUERY) {
    if (!params.has(name) || el.hasAttribute(name)) continue;
    // A link must not switch on storage: the income widget's cadre mode keeps drafts.
    if (name === "mode" && tag === "bangfu-income" && params.get(name) !== "simple") continue;
    set(name, params.get(name));
  }
  return el;
}

/** Origins that may receive the height: the portal's list, else this page's own origin. */
function parentOrigins(own) {
  const list = Array.isArray(own["parent-origins"]) ? own["parent-origins"].filter((o) => typeof o === "string" && /^https?:\/\/[^/]+$/.test(o)) : [];
  return list.length ? list : [location.origin];
}

/** Posts the page height to the parent whenever it changes, to the named origins only. */
function reportHeight(widget, origins) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last && window.parent !== window) {
      last = height;
      // postMessage with an exact target origin is dropped unless the parent has that origin.
      for (const origin of origins) window.parent.postMessage({ type: "bangfu-resize", height, widget }, origin);
    }
  };
  if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.documentElement);
  setInterval(report, 1000);
  report();
}

const own = settings();
const el = createWidget(new URLSearchParams(location.search), own);
document.body.appendChild(el);
reportHeight(el.localName, parentOrigins(own));
