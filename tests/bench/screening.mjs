// Benchmark (not a test): <bangfu-screening> in headless Chromium, end to end for one file —
// from the file being chosen (the File already in the page, so the test's own transfer is not
// counted) to the mapping step (read), then from 开始核查 to the flagged table drawn (screen) —
// with the peak memory of the page's renderer processes (the page, its workers and their wasm
// memories: proportional set size sampled every 50 ms from /proc) and the JS heap.
// node tests/bench/screening.mjs FILE...   (BANGFU_BASE_URL as for the browser tests)
// Files: `cargo run --release -p bangfu-sheet --example screening_fixtures -- DIR --rows 100000`.
// Prints one JSON line per file.
import { readFileSync, readdirSync } from "node:fs";
import { launch, open } from "../e2e/helpers.mjs";

const files = process.argv.slice(2);
if (!files.length) throw new Error("usage: node bench/screening.mjs FILE...");

/**
 * Proportional resident bytes (PSS: shared pages divided among the processes sharing them) of
 * the renderer processes under `browserPid` (Linux /proc/PID/smaps_rollup).
 */
function rendererRss(browserPid) {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("--type=renderer")) continue;
      // Only this run's browser (its renderers are children of its zygote, under its pid).
      if (!isDescendant(Number(pid), browserPid)) continue;
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      total += pss ? Number(pss[1]) * 1024 : 0;
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

function isDescendant(pid, ancestor) {
  for (let p = pid, n = 0; p > 1 && n < 20; n++) {
    if (p === ancestor) return true;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      p = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      return false;
    }
  }
  return false;
}

const browser = await launch();
// The browser playwright started: a child of this Node process.
const pid = Number(readdirSync("/proc").filter((p) => /^\d+$/.test(p)).find((p) => {
  try {
    const stat = readFileSync(`/proc/${p}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === process.pid
      && readFileSync(`/proc/${p}/cmdline`, "utf8").includes("chrom");
  } catch {
    return false;
  }
}));
for (const file of files) {
  const name = file.split("/").pop();
  const page = await open(browser, "/test/screening.html");
  await page.route("**/bench-input/*", (route) => route.fulfill({ path: file, contentType: "application/octet-stream" }));
  await page.evaluate(async (name) => {
    const blob = await (await fetch("/bench-input/" + encodeURIComponent(name))).blob();
    window.benchFile = new File([blob], name);
  }, name);
  const base = rendererRss(pid);
  let peak = base;
  const sampler = setInterval(() => { peak = Math.max(peak, rendererRss(pid)); }, 50);
  const timing = await page.evaluate(async () => {
    const root = document.querySelector("bangfu-screening").shadowRoot;
    const until = (sel) => new Promise((resolve, reject) => {
      const started = performance.now();
      (function poll() {
        const el = root.querySelector(sel);
        if (el) return resolve(el);
        if (root.querySelector("[data-testid=file-error]")) return reject(new Error(root.querySelector("[data-testid=file-error]").textContent));
        if (performance.now() - started > 300000) return reject(new Error("timeout " + sel));
        setTimeout(poll, 5);
      })();
    });
    const input = root.querySelector("[data-testid=file-input]");
    const dt = new DataTransfer();
    dt.items.add(window.benchFile);
    const t0 = performance.now();
    input.files = dt.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    (await until("[data-testid=start]")).click();
    const t1 = performance.now();
    await until("[data-testid=flagged] tbody tr");
    // The table is in the DOM; wait for the frame that shows it.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t2 = performance.now();
    return {
      read_ms: Math.round(t1 - t0), screen_and_table_ms: Math.round(t2 - t1), total_ms: Math.round(t2 - t0),
      totals: root.querySelector("[data-testid=totals]").textContent,
      js_heap_bytes: performance.memory ? performance.memory.usedJSHeapSize : null,
    };
  });
  clearInterval(sampler);
  peak = Math.max(peak, rendererRss(pid));
  const wasm = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".wasm")).map((r) => r.decodedBodySize)[0]);
  console.log(JSON.stringify({ file: name, bytes: readFileSync(file).length, ...timing,
    renderer_pss_before_bytes: base, renderer_pss_peak_bytes: peak, wasm_bytes: wasm }));
  await page.close();
}
await browser.close();
