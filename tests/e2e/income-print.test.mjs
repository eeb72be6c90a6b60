// The signed sheet (issue 13): printed alone — no portal header, no embed-code block — on ONE
// A4 page for a normal household, with the totals, the conclusion, the capitals and the
// signature lines together; the household's name and page numbers in the margins when it must
// run longer; no developer text; and a PNG made on the device for phones. Printed to PDF in
// Chromium (`page.pdf`) on the demo portal pages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, widget, fillItem, shot, ARTIFACTS } from "./helpers.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { typeFour } from "./household-four.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Pages in a PDF written by Chromium (page objects are not compressed). */
function pageCount(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

/** Stubs window.print so the marks the loader sets for printing stay for page.pdf(). */
async function stubPrint(page) {
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
}

/** What prints, read in print media: which parts of the page and of the widget show. */
async function printedParts(page, selector = "bangfu-income") {
  await page.emulateMedia({ media: "print" });
  const parts = await page.evaluate((selector) => {
    const shown = (el) => !!el && getComputedStyle(el).display !== "none";
    const root = document.querySelector(selector).shadowRoot;
    const sheet = root.querySelector(".sheet");
    return {
      header: shown(document.querySelector(".portal-top")),
      embedHelp: document.querySelector(".embed-help") ? shown(document.querySelector(".embed-help")) : false,
      footer: shown(document.querySelector(".portal-foot")),
      screen: shown(root.querySelector(".screen")),
      sheet: shown(sheet),
    };
  }, selector);
  await page.emulateMedia({ media: null });
  return parts;
}

/** Saves the PDF for a look, and returns its page count. */
async function pdfPages(page, name) {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  writeFileSync(join(ARTIFACTS, name), pdf);
  return pageCount(pdf);
}

test("the print button on the portal page prints the sheet alone, on one A4 page", async () => {
  const page = await open(browser, "/index.html", { width: 1100, height: 900 });
  const w = widget(page);
  await typeFour(w);
  await stubPrint(page);
  await w.locator("[data-testid=print]").click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  assert.deepEqual(await printedParts(page), { header: false, embedHelp: false, footer: false, screen: false, sheet: true });
  assert.equal(await pdfPages(page, "sheet-index.pdf"), 1, "one A4 page");
  // Totals, conclusion, capitals and signatures are one block that fits on a page.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 703, height: 1024 }); // A4 less the margins, at 96 dpi
  const heights = await w.locator("[data-testid=sheet]").evaluate((sheet) => ({
    sheet: sheet.getBoundingClientRect().height,
    end: sheet.querySelector("[data-testid=sheet-end]").getBoundingClientRect().height,
  }));
  assert.ok(heights.sheet < 1024, `the sheet is ${heights.sheet}px high`);
  await page.screenshot({ path: shot("sheet-print-emulated.png"), fullPage: true });
  await page.emulateMedia({ media: null });
  // At the next tap the page is left as it was (the marks only ever mattered in print).
  await page.mouse.click(5, 5);
  assert.equal(await page.evaluate(() => document.querySelectorAll("[data-bangfu-print-path],[data-bangfu-print-sheet],[data-bangfu-printing]").length), 0);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, "the print style is gone");
  await page.close();
});

test("in 大字 mode on a phone the printed sheet is the same single page", async () => {
  const page = await open(browser, "/index.html", { width: 360, height: 740 });
  await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("large-text", ""));
  const w = widget(page);
  await typeFour(w);
  await stubPrint(page);
  await w.locator("[data-testid=print]").click();
  assert.equal(await pdfPages(page, "sheet-large-phone.pdf"), 1);
  await page.close();
});

test("Ctrl+P on a page with several widgets prints the household's sheet alone, on one page", async () => {
  const page = await open(browser, "/county.html", { width: 1100, height: 900 });
  const w = widget(page);
  await typeFour(w);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const parts = await printedParts(page);
  assert.deepEqual(parts, { header: false, embedHelp: false, footer: false, screen: false, sheet: true });
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() => ["bangfu-eligibility", "bangfu-deadlines", "bangfu-subsidy", "h1", "h2"]
    .every((t) => getComputedStyle(document.querySelector(t)).display === "none"));
  await page.emulateMedia({ media: null });
  assert.ok(hidden, "the other widgets and the page's headings are not printed");
  assert.equal(await pdfPages(page, "sheet-county.pdf"), 1);
  await page.close();
});

test("Ctrl+P before any result prints the page as it is", async () => {
  const page = await open(browser, "/index.html", { width: 1100, height: 900 });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-bangfu-printing")), false);
  const parts = await printedParts(page);
  assert.equal(parts.header, true);
  assert.equal(parts.screen, true, "the form prints as seen");
  // The cadre screening page has no sheet: it prints as itself.
  const cadre = await open(browser, "/cadre.html", { width: 1100, height: 900 });
  await cadre.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.equal(await cadre.evaluate(() => document.documentElement.hasAttribute("data-bangfu-printing")), false);
  assert.ok((await pdfPages(cadre, "page-cadre.pdf")) >= 1);
  await cadre.close();
  await page.close();
});

test("with print-sheet=\"off\" Ctrl+P prints the portal page as it is; the print button still prints the sheet", async () => {
  const page = await open(browser, "/index.html", { width: 1100, height: 900 });
  await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("print-sheet", "off"));
  const w = widget(page);
  await typeFour(w);
  await w.locator("[data-testid=sheet][data-ready]").waitFor({ state: "attached" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-bangfu-printing")), false);
  const parts = await printedParts(page);
  assert.equal(parts.header, true, "the portal's page prints as it is");
  assert.equal(parts.screen, true);
  await stubPrint(page);
  await w.locator("[data-testid=print]").click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  assert.deepEqual(await printedParts(page), { header: false, embedHelp: false, footer: false, screen: false, sheet: true });
  // Switched back on, Ctrl+P prints the sheet again.
  await page.mouse.click(5, 5);
  await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("print-sheet", "on"));
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-bangfu-printing")), true);
  await page.close();
});

test("the sheet names documents, not the program's internals", async () => {
  const page = await open(browser, "/index.html");
  const w = widget(page);
  await typeFour(w);
  const sheet = await w.locator("[data-testid=sheet]").textContent();
  for (const internal of ["minqin-2024", "计算规则", "rules.md", "facts.md", "中新网", "报道", "发布会", "关键词", "rule_set"]) {
    assert.ok(!sheet.includes(internal), `the sheet shows “${internal}”`);
  }
  const basis = await w.locator("[data-testid=sheet-basis]").textContent();
  assert.match(basis, /《民勤县2024年防止返贫动态监测和帮扶工作要点》（民农领发〔2024〕9号 附件2）/);
  assert.match(basis, /监测范围 7800\.00 元/);
  for (const part of ["人民币壹万贰仟贰佰玖拾元整", "结论：", "户主（签字或按手印）", "核算人（签字）", "村委会（盖章）"]) {
    assert.ok(sheet.includes(part), `the sheet lacks ${part}`);
  }
  // The detailed sources stay in the on-screen explanation.
  assert.match(await w.locator("[data-testid=steps]").textContent(), /依据/);
  await page.close();
});

test("a long household runs to a second page with the name and page numbers in the margins, totals kept with signatures", async () => {
  const page = await open(browser, "/index.html", { width: 1100, height: 900 });
  const w = widget(page);
  await w.locator("[data-testid=label]").fill('五组 李家"; } body { display: none } x { content: "');
  await w.locator("[data-testid=household-size]").fill("6");
  for (let i = 0; i < 45; i++) await fillItem(w, i, { category: "wage", item: `零工${i + 1}`, amount: "1000" });
  await stubPrint(page);
  await w.locator("[data-testid=print]").click();
  const pages = await pdfPages(page, "sheet-long.pdf");
  assert.ok(pages >= 2, `${pages} pages`);
  const rules = await page.evaluate(() => document.adoptedStyleSheets[document.adoptedStyleSheets.length - 1].cssRules.length);
  const css = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n"));
  assert.match(css, /@top-left \{ content: "农户家庭收入核算表 · 五组 李家/);
  assert.match(css, /counter\(pages\)/);
  assert.equal(rules, 2, "the name cannot add rules to the page style");
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 703, height: 1024 });
  const end = await w.locator("[data-testid=sheet-end]").evaluate((el) => ({
    height: el.getBoundingClientRect().height, breakInside: getComputedStyle(el).breakInside,
  }));
  assert.ok(end.height < 1024 && end.breakInside === "avoid", "totals, conclusion and signatures are kept on one page");
  await page.emulateMedia({ media: null });
  await page.close();
});

test("on a phone the sheet can be saved as a picture on the device", async () => {
  const page = await open(browser, "/index.html", { width: 360, height: 740 });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const w = widget(page);
  await typeFour(w);
  assert.match(await w.locator("[data-testid=pdf-help]").textContent(), /另存为PDF/);
  const [download] = await Promise.all([page.waitForEvent("download"), w.locator("[data-testid=save-image]").click()]);
  assert.equal(download.suggestedFilename(), "收入核算表-三组王家.png");
  const png = readFileSync(await download.path());
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.equal(width, 1240);
  assert.ok(height > 1000 && height < 16000, `${height}px high`);
  writeFileSync(join(ARTIFACTS, "sheet-saved.png"), png);
  assert.deepEqual(requests.filter((u) => !u.startsWith("blob:")), [], "nothing was sent");
  await page.close();
});
