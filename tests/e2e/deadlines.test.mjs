// <bangfu-deadlines> in a real browser (issue 5): a case's stages, saved cases by urgency,
// reload, ICS files, the month grid and duties, a year without a published schedule.
// Expectations from tests/cases/one-click-may-day.json and the holiday oracle (tests/fixtures/holiday-cn).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, shot } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const w = (page) => page.locator("bangfu-deadlines");
const oracle = (year) => JSON.parse(readFileSync(new URL(`../fixtures/holiday-cn/${year}.json`, import.meta.url), "utf8"));

/** Working days of a year by the independent holiday-cn dataset. */
function workingDays(year) {
  const special = new Map(oracle(year).days.map((d) => [d.date, !d.isOffDay]));
  let n = 0;
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
    if (special.has(iso) ? special.get(iso) : weekday) n++;
  }
  return n;
}

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), "utf8") };
}

test("a case shows each stage's due date, what binds it and its status", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const d = w(page);
  assert.equal(await d.locator("[data-testid=today]").inputValue(), "2024-04-29");
  await d.locator("[data-testid=case-name]").fill("三组 王家");
  await d.locator("[data-testid=applied-on]").fill("2024年4月26日");
  assert.equal(await d.locator("[data-testid=due-check]").textContent(), "2024-05-01");
  assert.equal(await d.locator("[data-testid=due-feedback]").textContent(), "2024-05-10");
  assert.equal(await d.locator("[data-testid=due-overall]").textContent(), "2024-05-11");
  assert.equal(await d.locator("[data-testid=status-check]").textContent(), "临近");
  assert.equal(await d.locator("[data-testid=status-overall]").textContent(), "按期");
  // The Gansu profile counts working days.
  await d.locator("[data-testid=profile-gansu-2023]").check();
  assert.equal(await d.locator("[data-testid=due-check]").textContent(), "2024-05-07");
  await d.locator("[data-testid=profile-minqin-2024]").check();
  // Later dates as they happen.
  await d.locator("[data-testid=checked-on]").fill("2024-04-28"); // the make-up Sunday
  assert.equal(await d.locator("[data-testid=status-check]").textContent(), "已完成");
  assert.equal(await d.locator("[data-testid=due-feedback]").textContent(), "2024-05-08");
  await page.screenshot({ path: shot("deadlines-case.png"), fullPage: true });
  await page.close();
});

test("bad dates get messages beside their fields and are kept as typed", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const d = w(page);
  await d.locator("[data-testid=applied-on]").fill("2024/2/30");
  assert.match(await d.locator("[data-testid=applied-on-error]").textContent(), /2024年2月没有30日/);
  assert.equal(await d.locator("[data-testid=applied-on]").inputValue(), "2024/2/30");
  await d.locator("[data-testid=applied-on]").fill("2024-06-03");
  await d.locator("[data-testid=identified-on]").fill("2024-06-01");
  assert.match(await d.locator("[data-testid=identified-on-error]").textContent(), /早于申报日期/);
  await d.locator("[data-testid=today]").fill("明天");
  assert.match(await d.locator("[data-testid=today-error]").textContent(), /不是有效日期/);
  assert.equal(await d.locator("[data-testid=applied-on]").inputValue(), "2024-06-03");
  await page.close();
});

test("saved cases are kept on the device and listed overdue first", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const d = w(page);
  await d.locator("[data-testid=case-name]").fill("五组 李家");
  await d.locator("[data-testid=applied-on]").fill("2024-04-26");
  await d.locator("[data-testid=save-case]").click();
  await d.locator("[data-testid=new-case]").click();
  await d.locator("[data-testid=case-name]").fill("一组 赵家");
  await d.locator("[data-testid=applied-on]").fill("2024-04-01");
  await d.locator("[data-testid=save-case]").click();
  assert.match(await d.locator("[data-testid=saved-0]").textContent(), /逾期.*一组 赵家/);
  assert.match(await d.locator("[data-testid=saved-1]").textContent(), /临近.*五组 李家/);
  await page.reload();
  await d.locator("[data-testid=saved-1]").waitFor();
  await d.locator("[data-testid=open-1]").click();
  assert.equal(await d.locator("[data-testid=case-name]").inputValue(), "五组 李家");
  await d.locator("[data-testid=delete-0]").click();
  assert.equal(await d.locator("[data-testid=saved-1]").count(), 0);
  await page.close();
});

test("a case exports as an ICS file a phone calendar accepts", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const d = w(page);
  await d.locator("[data-testid=case-name]").fill("三组 王家");
  await d.locator("[data-testid=applied-on]").fill("2024-04-26");
  const { name, text } = await download(page, d.locator("[data-testid=export-case]"));
  assert.equal(name, "一键报贫时限.ics");
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  assert.equal((text.match(/BEGIN:VEVENT/g) || []).length, 4);
  // Issue 13: the check is due 1 May, a holiday: the reminder is the last working day before.
  assert.match(text, /DTSTART;VALUE=DATE:20240430\r\nDTEND;VALUE=DATE:20240501/);
  assert.match(text, /SUMMARY:三组 王家：入户核查期限/);
  assert.match(text, /DTSTAMP:\d{8}T\d{6}Z/);
  assert.ok(text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75), "lines folded at 75 octets");
  await page.close();
});

test("the month view marks holidays and make-up days and lists the duties", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const d = w(page);
  await d.locator("[data-testid=tab-calendar]").click();
  await d.locator("[data-testid=cal-year]").selectOption("2024");
  await d.locator("[data-testid=cal-month]").selectOption("2");
  assert.match(await d.locator("[data-testid=day-2024-02-10]").getAttribute("aria-label"), /春节假期/);
  assert.match(await d.locator("[data-testid=day-2024-02-04]").getAttribute("aria-label"), /调休上班/);
  assert.match(await d.locator("[data-testid=day-2024-02-29]").getAttribute("aria-label"), /有工作事项/);
  const duties = await d.locator("[data-testid=duties]").textContent();
  assert.match(duties, /2024-02-25.*清退、回退.*建议最晚 2024-02-23 办好/);
  assert.match(await d.locator("[data-testid=working-days]").textContent(), new RegExp(`共有 ${workingDays(2024)} 个工作日.*220`));
  await page.screenshot({ path: shot("deadlines-month.png"), fullPage: true });
  // The whole year, exported.
  await d.locator("[data-testid=cal-month]").selectOption("");
  const count = await d.locator("[data-testid=duties] li").count();
  assert.equal(count, 12 * 5 + 4 * 4 + 6);
  const { text } = await download(page, d.locator("[data-testid=export-duties]"));
  assert.equal((text.match(/BEGIN:VEVENT/g) || []).length, count);
  await page.close();
});

test("a year without a published schedule says so and offers a marked estimate", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const d = w(page);
  await d.locator("[data-testid=tab-calendar]").click();
  await d.locator("[data-testid=cal-year]").selectOption("2027");
  assert.match(await d.locator("[data-testid=not-published]").textContent(), /2027年的节假日安排尚未发布/);
  await d.locator("[data-testid=cal-estimate]").check();
  assert.match(await d.locator("[data-testid=estimated]").textContent(), /估算/);
  for (const y of [2025, 2026]) {
    await d.locator("[data-testid=cal-year]").selectOption(String(y));
    await d.locator("[data-testid=cal-month]").selectOption("");
    assert.match(await d.locator("[data-testid=working-days]").textContent(), new RegExp(`共有 ${workingDays(y)} 个工作日`));
  }
  await page.close();
});
