// Revision 2 answers where people see them (issue 12): the public self-check's `null` is a
// calm "建议联系村委会入户核实" with what is unknown and why; 绿色通道 says help comes first;
// the cadre form shows approach, lead department, unknown conditions and the §14 procedure;
// `done_late` is red with its days; a public page takes "today" from the device; a year
// without a range shows 2024's 7800 only as a labelled reference.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, shot, BASE, mounted } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The public walk-through with a household of two working adults and `wage` a year. */
async function walk(w, { wage = "20000", risk = null } = {}) {
  await w.locator("[data-testid=hukou-yes]").check();
  await w.locator("[data-testid=kind-ordinary]").check();
  await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=member-0-age]").fill("50");
  await w.locator("[data-testid=member-0-labour]").selectOption("full");
  await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=est-wage]").fill(wage);
  await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=next]").click();
  if (risk) await w.locator(`[data-testid=risk-${risk}]`).check();
  await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=see-result]").click();
}

const verdictClass = (w) => w.locator("[data-testid=verdict]").getAttribute("class");

test("a year without a configured range: calm 入户核实, what is unknown, 2024 only as a reference", async () => {
  const page = await open(browser, "/test/eligibility.html");
  const w = page.locator("bangfu-eligibility#public");
  await w.evaluate((el) => el.setAttribute("date", "2026-11-29"));
  await walk(w, { wage: "9000" });
  assert.equal(await w.locator("[data-testid=verdict]").textContent(), "建议联系村委会入户核实");
  const cls = await verdictClass(w);
  assert.match(cls, /verdict-unknown/);
  assert.doesNotMatch(cls, /verdict-above|verdict-below/, "never a red no nor a green no-problem");
  assert.match(await w.locator("[data-testid=unknown-why]").textContent(), /2026年的监测标准线当地还没有公布（未配置）/);
  assert.equal(await w.locator("[data-testid=reference-range]").textContent(), "参考：2024 年为 7800 元，以当地公布为准");
  assert.equal(await w.locator("[data-testid=reason]").count(), 0, "no firm reason beside a null");
  await page.screenshot({ path: shot("r2-public-unknown.png"), fullPage: true });
  await page.close();
});

test("a risk flag above the range asks for a visit instead of saying no", async () => {
  const page = await open(browser, "/test/eligibility.html");
  const w = page.locator("bangfu-eligibility#public");
  await walk(w, { wage: "20000", risk: "illness" });
  assert.equal(await w.locator("[data-testid=verdict]").textContent(), "建议联系村委会入户核实");
  assert.match(await w.locator("[data-testid=unknown-why]").textContent(), /因病/);
  await page.close();
});

test("a natural disaster opens the green channel: help comes first", async () => {
  const page = await open(browser, "/test/eligibility.html");
  const w = page.locator("bangfu-eligibility#public");
  await walk(w, { wage: "20000", risk: "natural_disaster" });
  assert.match(await w.locator("[data-testid=green-channel]").textContent(), /先帮扶、后认定/);
  await page.screenshot({ path: shot("r2-green-channel.png"), fullPage: true });
  await page.close();
});

test("the cadre form shows approach, lead department, unknown conditions and the procedure", async () => {
  const page = await open(browser, "/test/eligibility.html");
  const w = page.locator("bangfu-eligibility#cadre");
  await w.locator("[data-testid=date]").fill("2024-06-01");
  await w.locator("[data-testid=hukou-yes]").check();
  await w.locator("[data-testid=kind-monitored]").check();
  await w.locator("[data-testid=member-0-age]").fill("45");
  await w.locator("[data-testid=member-0-labour]").selectOption("none");
  await w.locator("[data-testid=add-member]").click();
  await w.locator("[data-testid=member-1-age]").fill("44");
  await w.locator("[data-testid=member-1-labour]").selectOption("full");
  await w.locator("[data-testid=income-mode-known]").check();
  await w.locator("[data-testid=per-capita]").fill("9000");
  await w.locator("[data-testid=identified-on]").fill("2023-10-01");
  await w.locator("[data-testid=measures]").fill("2");
  await w.locator("[data-testid=stable-months]").fill("8");
  for (const f of ["income_above_range", "rigid_expenditure_resolved", "three_guarantees_and_water", "risk_eliminated"]) {
    await w.locator(`[data-testid=flag-${f}]`).check();
  }
  // A 45-year-old with no labour has lost it (丧失劳动能力): combined, led by agriculture.
  assert.equal(await w.locator("[data-testid=support-approach]").textContent(), "开发式帮扶与保障性措施相结合");
  assert.equal(await w.locator("[data-testid=lead-department]").textContent(), "农业农村部门");
  // Nothing unmet, but 七不消 not yet checked: undecided, never "may be eliminated".
  assert.match(await w.locator("[data-testid=elimination-verdict]").textContent(), /待核实/);
  assert.match(await w.locator("[data-testid=unknown]").textContent(), /七不消/);
  assert.equal(await w.locator("[data-testid=procedure] li").count(), 4);
  assert.match(await w.locator("[data-testid=procedure]").textContent(), /入户核实.*民主评议和公示.*村级评议.*县级审核批准和公告/);
  await page.screenshot({ path: shot("r2-cadre-unknown.png"), fullPage: true });
  await w.locator("[data-testid=flag-seven_not_eliminate_checked]").check();
  assert.match(await w.locator("[data-testid=elimination-verdict]").textContent(), /均已满足/);
  await page.close();
});

test("a stage finished late shows 逾期完成 N 天 in red", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const w = page.locator("bangfu-deadlines");
  await w.locator("[data-testid=applied-on]").fill("2024-06-03");
  await w.locator("[data-testid=checked-on]").fill("2024-06-10");
  const late = w.locator("[data-testid=late-check]");
  assert.equal(await late.textContent(), "逾期完成 2 天");
  assert.equal(await late.evaluate((el) => getComputedStyle(el).color), "rgb(140, 29, 24)");
  assert.equal(await w.locator("[data-testid=status-check]").textContent(), "逾期完成");
  await page.screenshot({ path: shot("r2-done-late.png"), fullPage: true });
  await page.close();
});

test("a public page takes today from the device, and 2026 has no range yet", async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.clock.setFixedTime(new Date("2026-11-29T10:00:00+08:00"));
  await page.goto(BASE + "/eligibility.html");
  await mounted(page);
  const w = page.locator("bangfu-eligibility");
  await walk(w, { wage: "9000", risk: "illness" });
  assert.equal(await w.locator("[data-testid=verdict]").textContent(), "建议联系村委会入户核实");
  assert.match(await w.locator("[data-testid=unknown-why]").textContent(), /2026年/);
  assert.doesNotMatch(await w.locator("[data-testid=result]").textContent(), /2024-06-0/);
  await page.close();
});
