// Load-to-interactive under Lighthouse "Slow 4G" (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up,
// 4× CPU slowdown) via the DevTools protocol, cold and warm, for a host page without and with
// each widget (median of RUNS), and evaluate() time in wasm. Prints one JSON object.
// Run by `cargo xtask bench` (which serves www/ and sets BANGFU_BASE_URL).
import { chromium } from "playwright-core";

const BASE = process.env.BANGFU_BASE_URL || "http://127.0.0.1:8080";
const RUNS = Number(process.env.BANGFU_BENCH_RUNS || 5);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const browser = await chromium.launch({
  executablePath: process.env.BANGFU_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** ms from navigation start until the widget's form is rendered (or load, without a widget). */
async function measure(page, path, widget) {
  await page.goto(BASE + path, { waitUntil: widget ? "commit" : "load" });
  if (widget) {
    await page.waitForFunction((tag) => {
      const el = document.querySelector(tag);
      return el && el.shadowRoot && el.shadowRoot.querySelector(".bf form");
    }, `bangfu-${widget}`, { timeout: 120000, polling: 20 });
    return page.evaluate(() => performance.now());
  }
  return page.evaluate(() => performance.timing.loadEventEnd - performance.timing.navigationStart);
}

async function run(widget) {
  const path = `/bench/${widget || "none"}.html`;
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    cold.push(await measure(page, path, widget));
    warm.push(await measure(page, path, widget));
    await context.close();
  }
  return { cold_ms: Math.round(median(cold)), warm_ms: Math.round(median(warm)) };
}

const load = { none: await run(null) };
for (const w of ["income", "eligibility", "deadlines", "subsidy"]) {
  const r = await run(w);
  load[w] = { ...r, added_cold_ms: r.cold_ms - load.none.cold_ms, added_warm_ms: r.warm_ms - load.none.warm_ms };
}

// evaluate() in wasm, unthrottled: JS object in, JS object out (the public API).
const page = await browser.newPage();
await page.goto(BASE + "/bench/none.html");
const wasm = await page.evaluate(async () => {
  const api = await import("/pkg/bangfu.js");
  await api.ready();
  const requests = {
    income: { calculator: "income", input: { year: 2024, household_size: 5, items: [
      { category: "wage", item: "县外务工", amount: "30000" }, { category: "operating", item: "肉羊养殖", amount: "25000" },
      { category: "transfer", item: "养老金", amount: "3600" } ], operating_expenses: "15000" } },
    working_days: { calculator: "working_days", input: { op: "add", from: "2024-09-27", days: 5 } },
    deadlines: { calculator: "deadlines", input: { procedure: "one_click_report", applied_on: "2024-04-26", today: "2024-04-29" } },
  };
  const out = {};
  for (const [name, req] of Object.entries(requests)) {
    for (let i = 0; i < 200; i++) await api.evaluate(req);
    const n = 3000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await api.evaluate(req);
    out[name] = Math.round(((performance.now() - t0) * 1000 / n) * 100) / 100;
  }
  return out;
});
await browser.close();
console.log(JSON.stringify({ runs: RUNS, load, wasm_evaluate_us: wasm }));
