// The iframe fallback for portals that cannot add scripts: embed.html?widget=income&year=2024
// creates that widget from the query and reports its height to the parent page, which resizes
// the iframe (embed-host.js, or any listener for "bangfu-resize" messages).
import "./pkg/bangfu.js";

const WIDGETS = { income: "bangfu-income", eligibility: "bangfu-eligibility", deadlines: "bangfu-deadlines", subsidy: "bangfu-subsidy" };
const params = new URLSearchParams(location.search);
const tag = WIDGETS[params.get("widget")] || WIDGETS.income;
const el = document.createElement(tag);
for (const [name, value] of params) {
  if (name !== "widget" && /^[a-z-]+$/.test(name)) el.setAttribute(name, value);
}
el.setAttribute("fallback-url", params.get("fallback-url") || "");
document.body.appendChild(el);

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: "bangfu-resize", height, widget: tag }, "*");
  }
};
if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.documentElement);
setInterval(report, 1000);
report();
