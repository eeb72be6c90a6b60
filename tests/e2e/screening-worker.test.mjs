// <bangfu-screening> reads and screens in a Web Worker (issue 17): with 100,000 rows the
// page's own timer keeps firing while the file is read and screened, the progress bar moves,
// cancel ends the worker at once, a damaged file is refused with a message, the exports of a
// worker run are `bangfu screen`'s bytes, printing names the list, and the file chooser is a
// real button reached with the keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { launch, open, shot, ARTIFACTS } from "./helpers.mjs";
import { FIX, cli, bigCsv } from "./screening-data.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const w = (page) => page.locator("bangfu-screening");
const BIG = bigCsv(100000);

/** Opens the test page and records the workers it starts. */
async function openWatched() {
  const page = await open(browser, "/test/screening.html");
  page.workerUrls = [];
  page.on("worker", (worker) => page.workerUrls.push(worker.url()));
  return page;
}

/**
 * A 20 ms timer in the page, noting at each tick which step the widget shows; `gaps()` gives
 * the longest wait between two ticks while a file was being read or screened (the drawing of
 * the finished results is not counted).
 */
async function watchTimer(page) {
  await page.evaluate(() => {
    const root = document.querySelector("bangfu-screening").shadowRoot;
    const step = () => root.querySelector("[data-testid=progress]") ? "running"
      : root.querySelector("[data-testid=reading]") ? "reading"
      : root.querySelector("[data-testid=mapping]") ? "mapping" : "other";
    window.bfTicks = [];
    window.bfTimer = setInterval(() => window.bfTicks.push([performance.now(), step()]), 20);
  });
}

async function longestGap(page) {
  return page.evaluate(() => {
    clearInterval(window.bfTimer);
    let gap = 0;
    const t = window.bfTicks;
    for (let i = 1; i < t.length; i++) {
      const busy = (t[i - 1][1] === "reading" || t[i - 1][1] === "running") && t[i][1] !== "other";
      if (busy) gap = Math.max(gap, t[i][0] - t[i - 1][0]);
    }
    return { gap: Math.round(gap), ticks: t.length };
  });
}

async function progress(page) {
  return page.evaluate(() => {
    const p = document.querySelector("bangfu-screening").shadowRoot.querySelector("[data-testid=progress]");
    return p ? Number(p.value) : null;
  });
}

test("100,000 rows are read and screened in a worker: the page's timer keeps firing and the progress bar moves", async () => {
  const page = await openWatched();
  const d = w(page);
  await watchTimer(page);
  await d.locator("[data-testid=file-input]").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: BIG });
  await d.locator("[data-testid=mapping]").waitFor({ timeout: 60000 });
  assert.match(await d.locator("[data-testid=file-summary]").textContent(), /共 100000 行数据/);
  await d.locator("[data-testid=start]").click();
  const seen = new Set();
  while (!(await d.locator("[data-testid=results]").count())) {
    const v = await progress(page);
    if (v !== null) seen.add(v);
    await page.waitForTimeout(50);
  }
  assert.equal(await d.locator("[data-testid=totals]").textContent(), "核查 100000 户，有疑点 45599 户。");
  assert.ok(page.workerUrls.some((u) => u.endsWith("/pkg/screening/screening-worker.js")), `workers: ${page.workerUrls}`);
  assert.ok(seen.size >= 3, `the bar showed ${[...seen]}`);
  const { gap, ticks } = await longestGap(page);
  console.log(`# longest wait of the page's 20 ms timer while reading and screening: ${gap} ms (${ticks} ticks)`);
  assert.ok(gap < 1000, `the page did not answer for ${gap} ms`);
  assert.deepEqual(page.jsErrors, []);
  await page.close();
});

test("cancel ends the worker at once: nothing is screened after it and the totals say how far it got", async () => {
  const page = await openWatched();
  const d = w(page);
  const closed = new Promise((resolve) => page.on("worker", (worker) => worker.on("close", resolve)));
  await d.locator("[data-testid=file-input]").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: BIG });
  await d.locator("[data-testid=mapping]").waitFor({ timeout: 60000 });
  await d.locator("[data-testid=start]").click();
  await page.waitForFunction(() => {
    const p = document.querySelector("bangfu-screening").shadowRoot.querySelector("[data-testid=progress]");
    return p && Number(p.value) > 0;
  });
  await d.locator("[data-testid=cancel]").click();
  await d.locator("[data-testid=cancelled]").waitFor();
  await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error("the worker was not ended")), 5000))]);
  const totals = await d.locator("[data-testid=totals]").textContent();
  const screened = Number(/核查 (\d+) 户/.exec(totals)[1]);
  assert.ok(screened > 0 && screened < 100000, totals);
  await page.waitForTimeout(500);
  assert.equal(await d.locator("[data-testid=totals]").textContent(), totals, "nothing arrives after cancel");
  await page.screenshot({ path: shot("screening-cancelled.png") });
  assert.deepEqual(page.jsErrors, []);
  await page.close();
});

test("a damaged GBK file is refused by the worker with a message, and the next file is read", async () => {
  const page = await openWatched();
  const d = w(page);
  // Valid GBK for 50,000 rows, then a byte sequence no encoding reads (0x81 0x20).
  const damaged = Buffer.concat([bigCsv(50000), Buffer.from([0x0a, 0x81, 0x20, 0x2c, 0x31, 0x0a])]);
  await watchTimer(page);
  await d.locator("[data-testid=file-input]").setInputFiles({ name: "damaged.csv", mimeType: "text/csv", buffer: damaged });
  await d.locator("[data-testid=file-error]").waitFor({ timeout: 60000 });
  assert.match(await d.locator("[data-testid=file-error]").textContent(), /这不是表格文件/);
  assert.ok(page.workerUrls.length > 0, "read in a worker");
  const { gap } = await longestGap(page);
  assert.ok(gap < 1000, `the page did not answer for ${gap} ms`);
  await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households-gbk.csv");
  await d.locator("[data-testid=mapping]").waitFor();
  assert.equal(await d.locator("[data-testid=file-error]").count(), 0);
  await page.close();
});

test("the exports of a worker run hold every flagged household: the CLI's bytes for 20,000 rows", async () => {
  const page = await openWatched();
  const d = w(page);
  const path = ARTIFACTS + "/generated-20000.csv";
  writeFileSync(path, bigCsv(20000));
  await d.locator("[data-testid=file-input]").setInputFiles(path);
  await d.locator("[data-testid=mapping]").waitFor({ timeout: 30000 });
  await d.locator("[data-testid=start]").click();
  await d.locator("[data-testid=results]").waitFor({ timeout: 60000 });
  assert.ok(page.workerUrls.length > 0, "screened in a worker");
  const [dl] = await Promise.all([page.waitForEvent("download"), d.locator("[data-testid=export-csv]").click()]);
  const bytes = readFileSync(await dl.path());
  assert.equal(bytes.toString("utf8").split("\r\n").length - 2, 9161, "every flagged household");
  assert.deepEqual(bytes, cli(path));
  await page.close();
});

test("printing the flagged list names it in the page margin, not the income sheet", async () => {
  const page = await openWatched();
  const d = w(page);
  await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households-gbk.csv");
  await d.locator("[data-testid=start]").click();
  await d.locator("[data-testid=results]").waitFor();
  await page.evaluate(() => { window.print = () => { window.bfPrinted = true; }; });
  await d.locator("[data-testid=print]").click();
  const css = await page.evaluate(() => (window.bfPrinted ? document.adoptedStyleSheets : [])
    .map((s) => [...s.cssRules].map((r) => r.cssText).join("\n")).join("\n"));
  assert.match(css, /防止返贫监测数据核查疑点清单/);
  assert.doesNotMatch(css, /收入核算表/);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: shot("screening-print.png"), fullPage: true });
  await page.close();
});

test("the file chooser is a real button: Tab reaches it and Enter opens the chooser", async () => {
  const page = await openWatched();
  const d = w(page);
  const focused = () => page.evaluate(() => {
    const el = document.querySelector("bangfu-screening").shadowRoot.activeElement;
    return el && el.getAttribute("data-testid");
  });
  for (let i = 0; i < 25 && (await focused()) !== "choose-file"; i++) await page.keyboard.press("Tab");
  assert.equal(await focused(), "choose-file", "Tab reaches the button");
  // Enter on the button must click the hidden file input (which is what opens the chooser).
  // Counted in the page rather than through Playwright's "filechooser" event, which was missed
  // now and then under load (1 run in 3) although the input had been clicked.
  await page.evaluate(() => {
    const input = document.querySelector("bangfu-screening").shadowRoot.querySelector("[data-testid=file-input]");
    window.chooserClicks = 0;
    input.addEventListener("click", () => { window.chooserClicks += 1; });
  });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.chooserClicks === 1, null, { timeout: 10000 });
  await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households.xlsx");
  await d.locator("[data-testid=mapping]").waitFor();
  await page.close();
});

test("under the documented strict CSP (no worker-src, no blob:, no eval) the worker runs and nothing is refused", async () => {
  const page = await open(browser, "/test/screening-csp.html");
  page.workerUrls = [];
  page.on("worker", (worker) => page.workerUrls.push(worker.url()));
  const d = w(page);
  await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households-gbk.csv");
  await d.locator("[data-testid=start]").click();
  await d.locator("[data-testid=results]").waitFor();
  assert.equal(await d.locator("[data-testid=totals]").textContent(), "核查 15 户，有疑点 12 户。");
  assert.ok(page.workerUrls.some((u) => u.endsWith("/pkg/screening/screening-worker.js")), `workers: ${page.workerUrls}`);
  assert.deepEqual(page.jsErrors, []);
  await page.close();
});
