// Benchmark (not a test): screens a generated file of N households in <bangfu-screening> in
// headless Chromium and prints the time from "开始核查" to the results, and the heap used.
// node tests/bench/screening.mjs [FILE]   (BANGFU_BASE_URL as for the browser tests)
// Default FILE: a 100,000-row CSV from `cargo run -p bangfu-sheet --example screening_fixtures -- DIR --rows 100000`.
import { readFileSync } from "node:fs";
import { launch, open } from "../e2e/helpers.mjs";

const file = process.argv[2] || "/tmp/s17big/generated-100000.csv";
const browser = await launch();
const page = await open(browser, "/test/screening.html");
const d = page.locator("bangfu-screening");
const t0 = Date.now();
await d.locator("[data-testid=file-input]").setInputFiles({ name: file.split("/").pop(), mimeType: "application/octet-stream", buffer: readFileSync(file) });
await d.locator("[data-testid=mapping]").waitFor({ timeout: 120000 });
const read = Date.now() - t0;
const t1 = Date.now();
await d.locator("[data-testid=start]").click();
await d.locator("[data-testid=results]").waitFor({ timeout: 300000 });
const screened = Date.now() - t1;
const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
const totals = await d.locator("[data-testid=totals]").textContent();
const wasmBytes = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".wasm")).map((r) => r.decodedBodySize)[0]);
console.log(JSON.stringify({ file, read_and_map_ms: read, screen_ms: screened, js_heap_bytes: heap, wasm_bytes: wasmBytes, totals }));
await browser.close();
