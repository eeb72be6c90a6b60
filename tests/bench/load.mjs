// Browser half of `cargo xtask bench` (which serves www/ and sets the environment); prints one
// JSON object on its last line:
// - load: for the host page alone, the two baselines (a plain-JS element rendering the income
//   widget's own DOM and CSS; a Yew hello-world) and each widget page and the county page (all
//   four), ms from navigation start until every widget on the page has painted, cold (fresh
//   profile) and warm (the same profile, second visit), under Lighthouse "Slow 4G" (150 ms RTT,
//   1.6 Mbit/s down, 750 kbit/s up) and 4× CPU via the DevTools protocol, median of RUNS;
// - bytes: what each page fetches on a cold visit (bytes on the wire, all responses; those under
//   /pkg/; those finished when the widgets painted), modern and compat (`?bangfu-compat=1`);
// - wasm_evaluate_us: evaluate() per calculator in steady state (after 5,000 calls, so V8 has
//   tiered up), median of 7 samples of 1,000 calls, for the same requests the native figure uses
//   (BANGFU_BENCH_REQUESTS, from `bangfu-bench requests`), unthrottled.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const BASE = process.env.BANGFU_BASE_URL || "http://127.0.0.1:8080";
const RUNS = Number(process.env.BANGFU_BENCH_RUNS || 5);
const GEN = process.env.BANGFU_BENCH_GEN || new URL("../../www/bench/gen", import.meta.url).pathname;
const REQUESTS = process.env.BANGFU_BENCH_REQUESTS;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// [name, file, what "painted" means, the page's script, what its body shows]. The host pages are
// written from one template (`hostPage`) into www/bench/gen/ and served from there.
const PAGES = [
  ["none", "none", null, null, "<p>这是一个没有计算器的普通页面。</p>"],
  ["plain-JS baseline", "plain", "plain", "/bench/gen/plain.js", "<plain-widget></plain-widget>"],
  ["Yew hello-world", "hello", "hello", "/bench/gen/hello.js", '<div id="hello"></div>'],
  ["income", "income", "bangfu", "/pkg/bangfu.js", '<bangfu-income mode="cadre"></bangfu-income>'],
  ["eligibility", "eligibility", "bangfu", "/pkg/bangfu.js", "<bangfu-eligibility></bangfu-eligibility>"],
  ["deadlines", "deadlines", "bangfu", "/pkg/bangfu.js", "<bangfu-deadlines></bangfu-deadlines>"],
  ["subsidy", "subsidy", "bangfu", "/pkg/bangfu.js", "<bangfu-subsidy></bangfu-subsidy>"],
  ["county (all four)", "county", "bangfu", "/pkg/bangfu.js",
    '<bangfu-income mode="cadre"></bangfu-income>\n    <bangfu-eligibility></bangfu-eligibility>\n    <bangfu-deadlines></bangfu-deadlines>\n    <bangfu-subsidy year="2024"></bangfu-subsidy>'],
].map(([name, file, kind, script, body]) => ({ name, file, path: `/bench/gen/${file}.html`, kind, script, body }));

/** A plain government page (the demo portal's stylesheet and header) around `body`. */
function hostPage({ name, script, body }) {
  const scripts = script ? `\n  <link rel="modulepreload" href="${script}">\n  <script type="module" src="${script}"></script>` : "";
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <title>Benchmark host page (${name})</title>
  <link rel="stylesheet" href="/portal.css">${scripts}
</head>
<body>
  <header class="portal-top"><div class="portal-brand">民勤县人民政府</div></header>
  <main class="portal-main">
    <h1>测量页面</h1>
    <p>一个普通的政府网站页面，用来测量加上计算器之后多花的加载时间。</p>
    ${body}
  </main>
</body>
</html>
`;
}

mkdirSync(GEN, { recursive: true });
for (const p of PAGES) writeFileSync(join(GEN, `${p.file}.html`), hostPage(p));

// BANGFU_BENCH_PAGES=none,income (paths' file names) measures only those pages, for a quick look.
const ONLY = process.env.BANGFU_BENCH_PAGES ? process.env.BANGFU_BENCH_PAGES.split(",") : null;
const pages = PAGES.filter((p) => !ONLY || ONLY.includes(p.file));

const browser = await chromium.launch({
  executablePath: process.env.BANGFU_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** In the page: true once what `kind` names has painted. */
function painted(kind) {
  if (kind === "hello") return !!document.querySelector("#hello button");
  if (kind === "plain") {
    const el = document.querySelector("plain-widget");
    return !!(el && el.shadowRoot && el.shadowRoot.querySelector("form"));
  }
  const all = [...document.querySelectorAll("*")].filter((e) => e.localName.startsWith("bangfu-"));
  return all.length > 0 && all.every((e) => e.shadowRoot && e.shadowRoot.querySelector(".bf:not(.bf-message) form"));
}

/** Counts the bytes on the wire of every response the page receives. */
function byteCounter(cdp) {
  const urls = new Map();
  const counter = { total: 0, pkg: 0, reset() { this.total = 0; this.pkg = 0; } };
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => {
    counter.total += e.encodedDataLength;
    if (new URL(urls.get(e.requestId) || BASE).pathname.startsWith("/pkg/")) counter.pkg += e.encodedDataLength;
  });
  return counter;
}

/**
 * Runs in the page from its first script (an init script in the page's own world, so no test
 * machinery is parsed on the throttled CPU): marks `window.__bfPainted` with performance.now() at
 * the first animation frame in which what the page shows has painted.
 */
function paintRecorder(painted) {
  const kind = /\/plain\.html$/.test(location.pathname) ? "plain"
    : /\/hello\.html$/.test(location.pathname) ? "hello"
      : /\/none\.html$/.test(location.pathname) ? null : "bangfu";
  if (!kind) return;
  const check = () => {
    if (painted(kind)) window.__bfPainted = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** ms from navigation start until `kind` painted (or the load event, for the bare page). */
async function measure(page, path, kind) {
  await page.goto(BASE + path, { waitUntil: kind ? "commit" : "load" });
  if (kind) {
    const deadline = Date.now() + 180000;
    for (;;) {
      const t = await page.evaluate(() => window.__bfPainted);
      if (t !== undefined) return t;
      if (Date.now() > deadline) throw new Error(`${path}: not painted in 180 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return page.evaluate(() => performance.timing.loadEventEnd - performance.timing.navigationStart);
}

async function session(throttled) {
  const context = await browser.newContext();
  await context.addInitScript({ content: `(${paintRecorder})(${painted})` });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const bytes = byteCounter(cdp);
  if (throttled) {
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  return { context, page, bytes };
}

/** The plain-JS baseline: the income widget's first render (DOM and stylesheet) as static JS. */
async function writePlainBaseline() {
  const { context, page } = await session(false);
  await page.goto(BASE + "/bench/gen/income.html");
  await page.waitForFunction(painted, "bangfu", { timeout: 60000 });
  const { html, css } = await page.evaluate(() => {
    const root = document.querySelector("bangfu-income").shadowRoot;
    const sheets = root.adoptedStyleSheets || [];
    const css = sheets.map((s) => [...s.cssRules].map((r) => r.cssText).join("\n")).join("\n");
    const container = [...root.children].find((c) => c.localName === "div");
    return { html: container.innerHTML, css };
  });
  await context.close();
  mkdirSync(GEN, { recursive: true });
  writeFileSync(join(GEN, "plain.js"), `// Generated by tests/bench/load.mjs: the plain-JS baseline.
const CSS = ${JSON.stringify(css)};
const HTML = ${JSON.stringify(html)};
class PlainWidget extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    const div = document.createElement("div");
    div.innerHTML = HTML;
    root.appendChild(div);
  }
}
customElements.define("plain-widget", PlainWidget);
`);
  // Precompressed as the build does for ours, so the baseline is served the same way.
  const text = readFileSync(join(GEN, "plain.js"));
  writeFileSync(join(GEN, "plain.js.br"), brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(GEN, "plain.js.gz"), gzipSync(text, { level: 9 }));
}

await writePlainBaseline();

const load = {};
for (const { name, path, kind } of pages) {
  const cold = [];
  const warm = [];
  let bytes = null;
  for (let i = 0; i < RUNS; i++) {
    const { context, page, bytes: counter } = await session(true);
    cold.push(await measure(page, path, kind));
    const atPaint = counter.pkg;
    await page.waitForTimeout(300); // responses still arriving (none expected once painted)
    if (!bytes) bytes = { total: counter.total, pkg: counter.pkg, pkg_at_paint: atPaint };
    counter.reset();
    warm.push(await measure(page, path, kind));
    await page.waitForTimeout(300);
    if (i === 0) bytes.warm_total = counter.total;
    await context.close();
  }
  load[name] = { cold_ms: Math.round(median(cold)), warm_ms: Math.round(median(warm)), bytes: { modern: bytes } };
  if (name !== "none" && load.none) {
    load[name].added_cold_ms = load[name].cold_ms - load.none.cold_ms;
    load[name].added_warm_ms = load[name].warm_ms - load.none.warm_ms;
  }
  if (kind === "bangfu") {
    const { context, page, bytes: counter } = await session(false);
    await measure(page, path + "?bangfu-compat=1", kind);
    const atPaint = counter.pkg;
    await page.waitForTimeout(300);
    load[name].bytes.compat = { total: counter.total, pkg: counter.pkg, pkg_at_paint: atPaint };
    await context.close();
  }
  console.error(`bench: ${name} ${JSON.stringify(load[name])}`);
}

// evaluate() in wasm, steady state, unthrottled.
const requests = REQUESTS ? JSON.parse(readFileSync(REQUESTS, "utf8")) : {};
const page = await browser.newPage();
await page.goto(BASE + "/bench/gen/none.html");
const wasm = await page.evaluate(async (requests) => {
  const api = await import("/pkg/bangfu.js");
  await api.ready();
  const out = {};
  for (const [name, req] of Object.entries(requests)) {
    for (let i = 0; i < 5000; i++) api.evaluateSync(req);
    const samples = [];
    for (let s = 0; s < 7; s++) {
      const n = 1000;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) api.evaluateSync(req);
      samples.push(((performance.now() - t0) * 1000) / n);
    }
    samples.sort((a, b) => a - b);
    out[name] = Math.round(samples[3] * 100) / 100;
  }
  return out;
}, requests);
await browser.close();
console.log(JSON.stringify({ runs: RUNS, load, wasm_evaluate_us: wasm }));
