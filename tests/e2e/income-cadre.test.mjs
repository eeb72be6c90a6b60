// <bangfu-income> as a cadre uses it (issue 3): members, excluded items on the sheet, drafts
// across reloads, clear-all, corrupt storage, print, CSV, the result event, the hand-off link,
// simple mode, and a catalogue of bad input. Figures from tests/cases/income-*.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, widget, fillItem, shot, BASE } from "./helpers.mjs";

const examples = new URL("../cases/", import.meta.url);
const example = (name) => JSON.parse(readFileSync(new URL(name, examples), "utf8"));
const below = example("income-below-range.json");
const above = example("income-above-range.json");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function typeInput(w, input) {
  await w.locator("[data-testid=household-size]").fill(String(input.household_size));
  for (let i = 0; i < input.items.length; i++) await fillItem(w, i, input.items[i]);
  if (input.operating_expenses !== undefined) {
    await w.locator("[data-testid=operating-expenses]").fill(input.operating_expenses);
  }
}

const bangfuKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bangfu:")));

test("members entered one by one give the household size, and names stay off the request", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=size-by-members]").check();
  await w.locator("[data-testid=member-age-0]").fill("45");
  await w.locator("[data-testid=member-labour-0]").selectOption("full");
  await w.locator("[data-testid=member-name-0]").fill("张三");
  await w.locator("[data-testid=add-member]").click();
  await w.locator("[data-testid=member-age-1]").fill("43");
  await w.locator("[data-testid=add-member]").click();
  await w.locator("[data-testid=member-age-2]").fill("15");
  await w.locator("[data-testid=member-age-1]").fill("4三");
  // The cadre form checks a field when it is left (issue 13).
  await w.locator("[data-testid=member-age-1]").press("Tab");
  assert.match(await w.locator("[data-testid=member-1]").textContent(), /看不懂，请填整岁数，例如 68/);
  await w.locator("[data-testid=member-age-1]").fill("43");
  for (let i = 0; i < below.request.input.items.length; i++) await fillItem(w, i, below.request.input.items[i]);
  await w.locator("[data-testid=operating-expenses]").fill("3000");
  assert.equal(await w.locator("[data-testid=result-size]").textContent(), "3 人");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  // The name is printed on the sheet (on this device) but never part of the engine request.
  assert.match(await w.locator("[data-testid=sheet]").textContent(), /张三/);
  await page.close();
});

test("an excluded item is on the sheet as 不计入 and not in the total; capitals are printed", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await typeInput(w, above.request.input);
  assert.equal(await w.locator("[data-testid=gross-income]").textContent(), "67000.00 元");
  assert.equal(await w.locator("[data-testid=excluded-total]").textContent(), "15000.00 元");
  const items = await w.locator("[data-testid=sheet-items]").textContent();
  assert.match(items, /危房改造补助15000\.00不计入/);
  const totals = await w.locator("[data-testid=sheet-totals]").textContent();
  assert.match(totals, /家庭总收入67000\.00人民币陆万柒仟元整/);
  assert.match(totals, /家庭年人均纯收入10400\.00人民币壹万零肆佰元整/);
  await page.close();
});

test("the open household survives a reload, and several households are kept", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=label]").fill("三组 张家");
  await typeInput(w, below.request.input);
  await page.reload();
  await w.locator("[data-testid=household-size]").waitFor();
  assert.equal(await w.locator("[data-testid=label]").inputValue(), "三组 张家");
  assert.equal(await w.locator("[data-testid=item-amount-2]").inputValue(), "4200");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  // A second household, then back to the first.
  await w.locator("[data-testid=drafts] summary").click();
  await w.locator("[data-testid=draft-new]").click();
  assert.equal(await w.locator("[data-testid=household-size]").inputValue(), "");
  await w.locator("[data-testid=label]").fill("五组 李家");
  await typeInput(w, above.request.input);
  assert.match(await w.locator("[data-testid=drafts] summary").textContent(), /2 户/);
  await w.locator("[data-testid=draft-open-1]").click();
  assert.equal(await w.locator("[data-testid=label]").inputValue(), "三组 张家");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  // Delete the other one.
  await w.locator("[data-testid=draft-delete-0]").click();
  assert.match(await w.locator("[data-testid=drafts] summary").textContent(), /1 户/);
  await page.close();
});

test("clear-all asks once more, then empties the device's storage", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await typeInput(w, below.request.input);
  assert.ok((await bangfuKeys(page)).length > 0, "something was saved");
  await w.locator("[data-testid=drafts] summary").click();
  await w.locator("[data-testid=draft-clear]").click();
  assert.match(await w.locator("[data-testid=draft-clear]").textContent(), /再按一次/);
  assert.ok((await bangfuKeys(page)).length > 0, "nothing is cleared on the first press");
  await w.locator("[data-testid=draft-clear]").click();
  assert.deepEqual(await bangfuKeys(page), []);
  assert.equal(await w.locator("[data-testid=household-size]").inputValue(), "");
  await page.reload();
  await w.locator("[data-testid=household-size]").waitFor();
  assert.equal(await w.locator("[data-testid=household-size]").inputValue(), "");
  await page.close();
});

test("corrupt storage is reported and the widget carries on", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("bangfu:income:v1:drafts", "{this is not json");
      localStorage.setItem("bangfu:income:v1:current:0", "nope");
      sessionStorage.setItem("seeded", "1");
    }
  });
  const page = await context.newPage();
  await page.goto(BASE + "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=household-size]").waitFor();
  assert.match(await w.locator("[data-testid=storage-status]").textContent(), /无法读取/);
  await typeInput(w, below.request.input);
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  // Saving replaced the corrupt list, and the message went away.
  assert.equal(await w.locator("[data-testid=storage-status]").count(), 0);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bangfu:income:v2:draft:")));
  assert.equal(stored.length, 1);
  await context.close();
});

test("storage that throws is survived with a message", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new Error("denied"); } });
  });
  const page = await context.newPage();
  await page.goto(BASE + "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=household-size]").waitFor();
  assert.match(await w.locator("[data-testid=storage-status]").textContent(), /不允许保存/);
  await typeInput(w, below.request.input);
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  await context.close();
});

test("printing shows only the sheet, on A4, with signature lines", async () => {
  const page = await open(browser, "/test/clean.html", { width: 794, height: 1123 });
  const w = widget(page);
  await w.locator("[data-testid=label]").fill("三组 张家");
  await typeInput(w, below.request.input);
  await page.evaluate(() => { window.print = () => {}; });
  await w.locator("[data-testid=print]").click();
  await page.emulateMedia({ media: "print" });
  const visible = await page.evaluate(() => {
    const root = document.querySelector("bangfu-income").shadowRoot;
    const shown = (sel) => getComputedStyle(root.querySelector(sel)).display !== "none";
    return { screen: shown(".screen"), sheet: shown(".sheet") };
  });
  assert.deepEqual(visible, { screen: false, sheet: true });
  const sheet = await w.locator("[data-testid=sheet]").textContent();
  for (const part of ["农户家庭收入核算表（2024年度）", "户主（签字或按手印）", "核算人（签字）", "村委会（盖章）",
                      "人民币柒仟零陆拾陆元陆角柒分", "民农领发〔2024〕9号", "7800"]) {
    assert.ok(sheet.includes(part), `sheet lacks ${part}`);
  }
  await page.screenshot({ path: shot("print-emulated.png"), fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 1000);
  await page.emulateMedia({ media: null });
  await page.close();
});

test("the CSV export opens in Excel: BOM, every item, totals in capitals", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await typeInput(w, above.request.input);
  const [download] = await Promise.all([page.waitForEvent("download"), w.locator("[data-testid=csv]").click()]);
  assert.match(download.suggestedFilename(), /^收入核算表-2024-.*\.csv$/);
  const path = await download.path();
  const text = readFileSync(path, "utf8");
  assert.equal(text.charCodeAt(0), 0xfeff, "starts with a BOM");
  assert.match(text, /"不计入收入","危房改造补助","15000.00","","不计入"/);
  assert.match(text, /"家庭年人均纯收入","","10400.00","人民币壹万零肆佰元整"/);
  await page.close();
});

test("every new result reaches the host page as a bangfu-result event", async () => {
  const page = await open(browser, "/test/clean.html");
  await page.evaluate(() => {
    window.events = [];
    document.addEventListener("bangfu-result", (e) => window.events.push(e.detail));
  });
  await typeInput(widget(page), below.request.input);
  const last = await page.evaluate(() => window.events[window.events.length - 1]);
  assert.equal(last.calculator, "income");
  assert.equal(last.response.ok, true);
  assert.equal(last.response.result.per_capita_net_income, "7066.67");
  assert.equal(last.response.result.gap_to_range, "733.33");
  await page.close();
});

test("the hand-off link carries the figures to the eligibility checker in the fragment", async () => {
  const page = await open(browser, "/test/clean.html");
  await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("eligibility-url", "/eligibility.html"));
  const w = widget(page);
  await typeInput(w, below.request.input);
  const href = await w.locator("[data-testid=handoff]").getAttribute("href");
  assert.ok(href.startsWith("/eligibility.html#bangfu-income="));
  const payload = JSON.parse(decodeURIComponent(href.split("#bangfu-income=")[1]));
  assert.equal(payload.per_capita_net_income, "7066.67");
  assert.equal(payload.household_size, 3);
  await page.close();
});

test("simple mode asks less and keeps nothing on the device", async () => {
  const page = await open(browser, "/test/clean.html");
  await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("mode", "simple"));
  const w = widget(page);
  assert.equal(await w.locator("[data-testid=drafts]").count(), 0);
  assert.equal(await w.locator("[data-testid=checklist]").count(), 0);
  await typeInput(w, below.request.input);
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  assert.equal(await w.locator("[data-testid=print]").count(), 0);
  assert.deepEqual(await bangfuKeys(page), []);
  await page.close();
});

test("an often-missed item, once asked, becomes a line to fill", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=checklist] summary").click();
  await w.locator("[data-testid=check-yes-4]").click(); // 赡养费
  await w.locator("[data-testid=check-no-0]").click(); // 零工
  assert.match(await w.locator("[data-testid=checklist] summary").textContent(), /已问 2\//);
  assert.equal(await w.locator("[data-testid=item-name-1]").inputValue(), "赡养费");
  await page.close();
});

test("amounts typed in 万元 are converted and shown", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=in-wan]").check();
  await w.locator("[data-testid=household-size]").fill("2");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "3.6" });
  assert.equal(await w.locator("[data-testid=item-amount-0-hint]").textContent(), "= 36000.00 元");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "18000.00");
  await page.close();
});

// 24 things people really type wrong, each with the message it must produce.
const BAD = [
  ["household-size", "0", /大于 0/],
  ["household-size", "-3", /不能为负数/],
  ["household-size", "2.5", /不能有小数/],
  ["household-size", "几个", /看不懂/], // "三" is read as 3 since issue 13
  ["household-size", "1000", /不能超过/],
  ["household-size", "1e3", /看不懂/],
  ["item-amount-0", "abc", /看不懂/],
  ["item-amount-0", "1e9", /看不懂/],
  ["item-amount-0", "-12000", /不要加“-”/],
  ["item-amount-0", "12000.456", /最多写到分/],
  ["item-amount-0", "１２０００．４５６", /最多写到分/],
  ["item-amount-0", "1,20,00", /看不懂/],
  ["item-amount-0", "1.2.3", /看不懂/],
  ["item-amount-0", "3.6万万", /看不懂/],
  ["item-amount-0", "🙂", /看不懂/],
  ["item-amount-0", "2024/2/30", /看不懂/],
  ["item-amount-0", "99999999999", /太大了/],
  ["item-amount-1", "八千多", /看不懂/], // "八千" is read as 8000 since issue 13,
  ["item-amount-2", "4200元5角", /看不懂/],
  ["operating-expenses", "三千块", /看不懂/],
  ["operating-expenses", "-1", /不要加“-”/],
  ["rigid-expenditure", "1.001", /最多写到分/],
  ["previous-per-capita", "七千多", /看不懂/],
  ["item-amount-1", "x".repeat(300), /看不懂/],
];

test(`${BAD.length} kinds of bad input each get a message and lose nothing else`, async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await typeInput(w, below.request.input);
  const snapshot = async () => {
    const out = {};
    for (const id of ["household-size", "item-name-0", "item-amount-0", "item-amount-1", "item-amount-2", "operating-expenses"]) {
      out[id] = await w.locator(`[data-testid=${id}]`).inputValue();
    }
    return out;
  };
  const good = await snapshot();
  for (const [id, text, message] of BAD) {
    const field = w.locator(`[data-testid=${id}]`);
    const before = await field.inputValue();
    await field.fill(text);
    await field.press("Tab"); // the cadre form checks a field when it is left (issue 13)
    const msgId = await field.getAttribute("aria-describedby");
    assert.ok(msgId, `${id} = ${JSON.stringify(text)} has no message`);
    assert.match(await w.locator(`[id="${msgId}"]`).textContent(), message, `${id} = ${JSON.stringify(text)}`);
    assert.equal(await field.inputValue(), text, "the bad text stays as typed");
    const now = await snapshot();
    for (const [other, value] of Object.entries(good)) {
      if (other !== id) assert.equal(now[other], value, `${other} changed while ${id} was bad`);
    }
    await field.fill(before);
  }
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  await page.close();
});

test("screenshots: 长辈 mode on a phone, and the print sheet", async () => {
  const page = await open(browser, "/test/clean.html", { width: 360, height: 1400 });
  await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("large-text", ""));
  const w = widget(page);
  await typeInput(w, below.request.input);
  const target = await w.locator("[data-testid=add-item-wage]").evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(target >= 60, `touch target ${target}px in 长辈 mode`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  await page.screenshot({ path: shot("large-text-phone.png"), fullPage: true });
  await page.close();
});
