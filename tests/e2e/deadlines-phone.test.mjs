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
