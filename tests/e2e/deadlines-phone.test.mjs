// The deadline planner on a phone and on paper (issue 13): stage cards instead of a table that
// wraps one character a line at 360 px, saved cases on the month calendar, one ICS file for
// duties and cases, a printout that names the case, its dates and the rule set.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, mounted, shot, BASE } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function phone(width = 360) {
  const context = await browser.newContext({ viewport: { width, height: 740 } });
  const page = await context.newPage();
  await page.goto(BASE + "/test/deadlines.html");
  await mounted(page);
  await page.evaluate(() => localStorage.removeItem("bangfu:deadlines:v1:cases"));
  await page.reload();
  await mounted(page);
  return { context, page, d: page.locator("bangfu-deadlines") };
}

async function wangCase(d) {
  await d.locator("[data-testid=case-name]").fill("三组 王家");
  await d.locator("[data-testid=applied-on]").fill("2024-04-26");
  await d.locator("[data-testid=due-check]").waitFor();
}

test("on a 360 px phone each stage is a card, not a table squeezed one character a line", async () => {
  const { context, page, d } = await phone();
  await wangCase(d);
  const stage = d.locator("[data-testid=stage-feedback]");
  const cells = await stage.locator("th, td").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  for (const w of cells) assert.ok(w > 250, `a stage's parts use the card's width (${cells})`);
  const due = await d.locator("[data-testid=due-feedback]").evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(due < 40, `the due date is on one line (${due} px)`);
  await page.screenshot({ path: shot("deadlines-cards-360.png"), fullPage: true });
  await context.close();
});

test("saved cases appear on the month calendar and in one ICS file with the duties", async () => {
  const { context, page, d } = await phone();
  await wangCase(d);
  await d.locator("[data-testid=save-case]").click();
  await d.locator("[data-testid=tab-calendar]").click();
  await d.locator("[data-testid=cal-month]").selectOption("5");
  const may1 = d.locator("[data-testid=day-2024-05-01]");
  assert.match(await may1.getAttribute("class"), /day-case/);
  assert.match(await may1.getAttribute("aria-label"), /三组 王家：入户核查期限/);
  assert.match(await d.locator("[data-testid=case-dues]").textContent(), /2024-05-01 三组 王家：入户核查期限/);
  await page.screenshot({ path: shot("deadlines-calendar-cases-360.png"), fullPage: true });
  const [dl] = await Promise.all([page.waitForEvent("download"), d.locator("[data-testid=export-duties]").click()]);
  const ics = readFileSync(await dl.path(), "utf8").replace(/\r\n /g, "");
  assert.match(ics, /SUMMARY:三组 王家：入户核查期限/);
  assert.match(ics, /UID:c\d+-check@bangfu/, "the saved case's own events");
  const duty = ics.split("BEGIN:VEVENT").filter((e) => /UID:duty-/.test(e));
  assert.ok(duty.length > 0, "the duties are in the same file");
  await context.close();
});

test("the printout names the case, its dates and the rule set", async () => {
  const { context, page, d } = await phone(1000);
  await wangCase(d);
  await d.locator("[data-testid=checked-on]").fill("2024-04-30");
  await page.emulateMedia({ media: "print" });
  const head = d.locator("[data-testid=print-head]");
  assert.equal(await head.isVisible(), true);
  const text = await head.textContent();
  for (const want of ["三组 王家", "2024-04-26", "2024-04-30", "民勤县2024年工作要点", "2024-04-29"]) {
    assert.ok(text.includes(want), `printout has ${want}: ${text}`);
  }
  await page.screenshot({ path: shot("deadlines-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  assert.equal(await head.isVisible(), false, "only on paper");
  await context.close();
});

/** Every ISO date on screen that is set on more than one line (a break at its hyphens). */
async function brokenDates(d) {
  return d.evaluate((host) => {
    const broken = [];
    const walker = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /\d{4}-\d{2}-\d{2}/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

test("dates never break at their hyphens, at 320 and 360 px, in both modes", async () => {
  for (const width of [320, 360]) {
    for (const large of [false, true]) {
      const { context, page, d } = await phone(width);
      await page.evaluate((on) => localStorage.setItem("bangfu:prefs:v1:large-text", on ? "1" : "0"), large);
      await page.reload();
      await mounted(page);
      // The National Day case of issue 13: its warnings and rules are long sentences with dates.
      await d.locator("[data-testid=case-name]").fill("五组 李家");
      await d.locator("[data-testid=applied-on]").fill("2024-09-27");
      await d.locator("[data-testid=today]").fill("2024-09-27");
      await d.locator("[data-testid=due-check]").waitFor();
      const name = `deadlines-dates-${width}${large ? "-large" : ""}.png`;
      await page.screenshot({ path: shot(name), fullPage: true });
      assert.deepEqual(await brokenDates(d), [], `case view, ${width} px${large ? ", 大字" : ""}`);
      await d.locator("[data-testid=tab-calendar]").click();
      await d.locator("[data-testid=duties]").waitFor();
      assert.deepEqual(await brokenDates(d), [], `duty calendar, ${width} px${large ? ", 大字" : ""}`);
      await page.screenshot({ path: shot(`deadlines-duties-${width}${large ? "-large" : ""}.png`), fullPage: true });
      await context.close();
    }
  }
});

test("the help plan's completion date shows the plan step done, or 逾期完成 in red with the days", async () => {
  const { context, d } = await phone(1000);
  await d.locator("[data-testid=applied-on]").fill("2024-04-26");
  assert.equal(await d.locator("[data-testid=plan-done-on]").count(), 0, "asked only once identified");
  await d.locator("[data-testid=identified-on]").fill("2024-05-08");
  await d.locator("[data-testid=stage-plan]").waitFor();
  const due = await d.locator("[data-testid=due-plan]").textContent();
  await d.locator("[data-testid=plan-done-on]").fill(due);
  assert.equal(await d.locator("[data-testid=status-plan]").textContent(), "已完成");
  // A day after the due date: late, in red, with the days.
  const [y, m, day] = due.split("-").map(Number);
  const late = new Date(Date.UTC(y, m - 1, day + 3)).toISOString().slice(0, 10);
  await d.locator("[data-testid=plan-done-on]").fill(late);
  assert.equal(await d.locator("[data-testid=late-plan]").textContent(), "逾期完成 3 天");
  const color = await d.locator("[data-testid=late-plan]").evaluate((e) => getComputedStyle(e).color);
  const [r, g, b] = color.match(/\d+/g).map(Number);
  assert.ok(r > 100 && g < 80 && b < 80, `red: ${color}`);
  // Before the application: refused beside the field.
  await d.locator("[data-testid=plan-done-on]").fill("2024-04-01");
  assert.match(await d.locator("[data-testid=plan-done-on-error]").textContent(), /早于申报日期/);
  await context.close();
});
