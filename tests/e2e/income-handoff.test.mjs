// Hand-offs that keep what was typed (issue 13): the cadre's income form hands the household to
// the cadre screening form with every known fact (低保 entered as 低保金 included), opening on
// what came over; the public self-check hands a household not yet identified to the subsidy
// estimator "as if identified as 监测户", medical figure carried; and the cadre form shows no
// red before anything is typed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, widget, mounted, BASE } from "./helpers.mjs";
import { typeFour } from "./household-four.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("income → cadre screening: every fact arrives, 低保 included, and the form says what came", async () => {
  const page = await open(browser, "/index.html");
  const w = widget(page);
  await typeFour(w);
  const link = w.locator("[data-testid=handoff]");
  assert.match(await link.textContent(), /监测对象识别/);
  const href = await link.getAttribute("href");
  assert.ok(href.startsWith("cadre.html#bangfu-income="), href);
  const carried = JSON.parse(decodeURIComponent(href.split("#bangfu-income=")[1]));
  assert.equal(carried.on_dibao, true);
  assert.equal(carried.members.length, 4);
  assert.ok(!JSON.stringify(carried).includes("王大山"), "names stay on the device");
  await link.click();
  await page.waitForURL(/cadre\.html/);
  await mounted(page);
  const e = page.locator("bangfu-eligibility");
  assert.match(await e.locator("[data-testid=from-income]").textContent(), /12290\.00 元.*家庭成员 4 人.*享受农村低保/);
  assert.equal(await e.locator("[data-testid=per-capita]").inputValue(), "12290.00");
  assert.equal(await e.locator("[data-testid=member-3-age]").inputValue(), "76");
  assert.equal(await e.locator("[data-testid=flag-on_dibao]").isChecked(), true);
  await page.close();
});

test("a household size typed as a number arrives as that many members; the public walk-through opens on 核对您的回答", async () => {
  const payload = encodeURIComponent(JSON.stringify({ year: 2024, household_size: 3, per_capita_net_income: "7066.67",
    members: [], on_dibao: true, from: "public" }));
  const page = await browser.newPage();
  await page.goto(`${BASE}/eligibility.html#bangfu-income=${payload}`);
  await mounted(page);
  const e = page.locator("bangfu-eligibility");
  assert.equal(await e.locator("[data-testid=step-title]").textContent(), "核对您的回答");
  const review = await e.locator("[data-testid=review]").textContent();
  assert.match(review, /7066\.67/);
  await page.close();
});

test("self-check → subsidy: estimated as if identified as 监测户, with the hospital figure carried", async () => {
  const page = await open(browser, "/test/eligibility.html");
  const e = page.locator("bangfu-eligibility#cadre");
  await e.locator("[data-testid=hukou-yes]").check();
  await e.locator("[data-testid=kind-ordinary]").check();
  await e.locator("[data-testid=member-0-age]").fill("68");
  await e.locator("[data-testid=member-0-labour]").selectOption("partial");
  await e.locator("[data-testid=income-mode-known]").check();
  await e.locator("[data-testid=per-capita]").fill("6000");
  await e.locator("[data-testid=rigid]").fill("24000");
  await e.locator("[data-testid=flag-hospitalized_member]").check();
  await e.evaluate((el) => el.setAttribute("subsidy-url", "/test/subsidy.html"));
  const href = await e.locator("[data-testid=subsidy-link]").getAttribute("href");
  const carried = JSON.parse(decodeURIComponent(href.split("#bangfu-household=")[1]));
  assert.equal(carried.kind, "monitored");
  assert.equal(carried.as_if_monitored, true);
  await page.close();
  const page2 = await browser.newPage();
  await page2.goto(`${BASE}${href}`);
  await mounted(page2);
  const s = page2.locator("bangfu-subsidy#plain");
  assert.equal(await s.locator("[data-testid=s-kind]").inputValue(), "monitored");
  assert.match(await s.locator("[data-testid=as-if-monitored]").textContent(), /如被识别为监测户/);
  await s.locator("[data-testid=card-medical_assistance] summary").click();
  assert.equal(await s.locator("[data-testid=d-medical_assistance-self_paid]").inputValue(), "24000");
  assert.notEqual(await s.locator("[data-testid=eligible-medical_assistance]").textContent(), "", "the card is estimated");
  await page2.close();
});

test("the cadre screening form shows no red before anything is typed; checking lists what is missing", async () => {
  const page = await open(browser, "/cadre.html");
  const e = page.locator("bangfu-eligibility");
  assert.equal(await e.locator(".bf-errors li, .msg-error").count(), 0, "no error before typing");
  await e.locator("[data-testid=check-all]").click();
  assert.ok((await e.locator("[data-testid=result-errors] li").count()) > 0, "the check lists what is missing");
  await page.close();
});
