// A cadre accounting a household of four (issue 13): members listed one by one (the blank
// 户主 row the form starts with must not count), wages typed as 月工资 × 月数, drafts with the
// figure in the list and an undo for deletion, "已自动保存 HH:MM", and the running per-capita
// figure kept in view on a phone. Figures by hand: 28000 + 8000 + 12000 + 3360 − 2200 = 49160,
// ÷ 4 = 12290.00 (÷ 5 would be 9832.00, the figure the issue saw).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, widget, fillItem, shot } from "./helpers.mjs";
import { typeFour } from "./household-four.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("a member row left blank is not counted: four people give 12290.00, and the rows are numbered", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await typeFour(w);
  assert.equal(await w.locator("[data-testid=member-4]").count(), 1, "five rows on screen");
  assert.equal(await w.locator("[data-testid=result-size]").textContent(), "4 人");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "12290.00");
  assert.match(await w.locator("[data-testid=member-count]").textContent(), /4 人.*第 1 行是空行/);
  assert.match(await w.locator("[data-testid=member-blank-0]").textContent(), /未计入/);
  assert.match(await w.locator("[data-testid=member-3]").textContent(), /第 4 人/);
  // The signed sheet lists the four people, numbered, and no empty row.
  const rows = await w.locator("[data-testid=sheet-members] tbody tr").allTextContents();
  assert.equal(rows.length, 4);
  assert.match(rows[0], /^1户主王大山52有劳动能力$/);
  await page.close();
});

test("a wage typed as 3500*8 is read as 28000 and says so", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=household-size]").fill("2");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "3500*8" });
  assert.equal(await w.locator("[data-testid=item-amount-0-hint]").textContent(), "= 28000.00 元");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "14000.00");
  await fillItem(w, 0, { amount: "3500元×8个月" });
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "14000.00");
  await page.close();
});

test("the saved list shows each household's figure; a deletion can be undone; the result says when it was saved", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await typeFour(w);
  assert.match(await w.locator("[data-testid=saved-note]").textContent(), /^已自动保存 \d\d:\d\d/);
  await w.locator("[data-testid=drafts] summary").click();
  assert.equal(await w.locator("[data-testid=draft-figure-0]").textContent(), "人均 12290.00 元");
  await w.locator("[data-testid=draft-delete-0]").click();
  assert.match(await w.locator("[data-testid=drafts] summary").textContent(), /0 户/);
  assert.match(await w.locator("[data-testid=draft-undo-bar]").textContent(), /已删除“三组 王家”/);
  await w.locator("[data-testid=draft-undo]").click();
  assert.match(await w.locator("[data-testid=drafts] summary").textContent(), /1 户/);
  assert.equal(await w.locator("[data-testid=label]").inputValue(), "三组 王家");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "12290.00");
  assert.equal(await w.locator("[data-testid=draft-undo-bar]").count(), 0);
  await page.reload();
  await w.locator("[data-testid=label]").waitFor();
  assert.equal(await w.locator("[data-testid=label]").inputValue(), "三组 王家", "the restored household is kept");
  await page.close();
});

test("on a phone the per-capita figure against the line stays in view, without covering the field being typed", async () => {
  const page = await open(browser, "/test/clean.html", { width: 360, height: 740 });
  const w = widget(page);
  await typeFour(w);
  const bar = w.locator("[data-testid=sticky-figure]");
  // Scrolled to the top edge (as a focus jump does), the field stays clear of the bar.
  await w.locator("[data-testid=item-amount-0]").evaluate((el) => { el.scrollIntoView({ block: "start" }); el.focus({ preventScroll: true }); });
  const box = await bar.boundingBox();
  assert.ok(box && box.y >= -1 && box.y < 5, `bar at the top of the screen (${box && box.y})`);
  assert.match(await bar.textContent(), /12290\.00.*不低于监测线 7800/);
  assert.match(await bar.getAttribute("aria-label"), /人均纯收入 12290\.00 元/);
  const field = await w.locator("[data-testid=item-amount-0]").boundingBox();
  assert.ok(field.y >= box.y + box.height || field.y + field.height <= box.y, `the focused field (${JSON.stringify(field)}) is under the bar (${JSON.stringify(box)})`);
  await page.screenshot({ path: shot("income-phone-sticky.png") });
  // A tap goes to the result.
  await bar.click();
  const result = await w.locator("[data-testid=result]").boundingBox();
  assert.ok(result.y < 740, "the result is on screen");
  // Not on a desktop, and never printed.
  await page.setViewportSize({ width: 1000, height: 900 });
  assert.equal(await bar.isVisible(), false);
  await page.close();
});

test("screenshots: the household of four on a phone and a desktop, normal and 大字", async () => {
  for (const [name, width, large] of [["phone", 360, false], ["phone-large", 360, true], ["desktop", 1100, false], ["desktop-large", 1100, true]]) {
    const page = await open(browser, "/index.html", { width, height: 900 });
    if (large) await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("large-text", ""));
    const w = widget(page);
    await typeFour(w, { wageAsFormula: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= width, `${name}: page is ${overflow}px wide`);
    await page.screenshot({ path: shot(`income-four-${name}.png`), fullPage: true });
    await page.close();
  }
});
