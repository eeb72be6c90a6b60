// One question a screen in 长辈 (大字) mode (issue 13, MIIT 适老化): the public self-check's
// members step and the income amounts each get a screen a question, with 上一步/下一题; the
// answers, the history entries and the phone's back gesture keep working across them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, mounted, shot, BASE } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, hasTouch: true };

async function elderPage() {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  page.jsErrors = [];
  page.on("pageerror", (e) => page.jsErrors.push(String(e)));
  await page.goto(BASE + "/test/elder.html");
  await mounted(page);
  await page.evaluate(() => localStorage.setItem("bangfu:prefs:v1:large-text", "1"));
  await page.reload();
  await mounted(page);
  return { context, page, w: page.locator("bangfu-eligibility#self") };
}

/** How many questions (fields, choice groups, check groups) are on screen now. */
const questionsOnScreen = (w) =>
  w.locator("form.bf-form").evaluate((form) =>
    form.querySelectorAll("input[type=text], select, fieldset.radios, fieldset.checks-box").length);
const progress = (w) => w.locator("[data-testid=progress]").textContent();
const next = (w) => w.locator("[data-testid=next]").click();
const stepTitle = (page) => page.evaluate(() => document.querySelector("#self").shadowRoot.querySelector("[data-testid=step-title]").textContent);

test("in 大字 mode each member question and each income amount has a screen of its own", async () => {
  const { context, page, w } = await elderPage();
  await w.locator("[data-testid=hukou-yes]").check();
  await next(w);
  await w.locator("[data-testid=kind-ordinary]").check();
  await next(w);
  assert.equal(await w.locator("[data-testid=step-title]").textContent(), "家庭成员");
  // The first member: age, labour, disability, schooling, situations — one a screen.
  const seen = [];
  assert.equal(await questionsOnScreen(w), 1, "only the age question");
  await w.locator("[data-testid=member-0-age]").fill("68岁");
  await page.screenshot({ path: shot("elder-one-question-age-360.png") });
  seen.push(await progress(w));
  await next(w);
  assert.equal(await questionsOnScreen(w), 1, "only the labour question");
  assert.equal(await w.locator("[data-testid=member-0-age]").count(), 0);
  // Going on without an answer stops on this screen with the message beside it.
  await next(w);
  assert.equal(await w.locator("[data-testid=member-0-labour]").count(), 1, "still the labour question");
  assert.match(await w.locator("[data-testid=step-errors]").textContent(), /劳动/);
  await w.locator("[data-testid=member-0-labour-partial]").check();
  await page.screenshot({ path: shot("elder-one-question-labour-360.png") });
  for (const id of ["member-0-disability", "member-0-student", "member-0-situations"]) {
    await next(w);
    assert.equal(await w.locator(`[data-testid=${id}]`).count(), 1, `${id} on its screen`);
    assert.equal(await questionsOnScreen(w), 1, `${id} alone`);
    seen.push(await progress(w));
  }
  await w.locator("[data-testid=member-0-chronic]").check();
  await next(w);
  // "Anyone else?": the people listed so far, and a way to add the next one.
  assert.match(await w.locator("[data-testid=listed-0]").textContent(), /68 岁，只能干轻活/);
  await w.locator("[data-testid=add-member]").click();
  assert.equal(await w.locator("[data-testid=member-1-age]").count(), 1, "the new member's age comes next");
  assert.equal(await questionsOnScreen(w), 1);
  await w.locator("[data-testid=member-1-age]").fill("七十一");
  await next(w);
  await w.locator("[data-testid=member-1-labour-partial]").check();
  for (let i = 0; i < 4; i++) await next(w);
  assert.match(await w.locator("[data-testid=members-done]").textContent(), /第 2 位：71 岁，只能干轻活/);
  await page.screenshot({ path: shot("elder-one-question-members-done-360.png") });
  assert.match(await progress(w), /第 11 问，共 11 问/);
  // The back gesture walks the member screens backwards with every answer kept.
  await page.goBack();
  await w.locator("[data-testid=member-1-situations]").waitFor();
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await w.locator("[data-testid=member-1-labour]").waitFor();
  assert.equal(await w.locator("[data-testid=member-1-labour-partial]").isChecked(), true);
  await page.goForward();
  await page.goForward();
  await page.goForward();
  await page.goForward();
  await w.locator("[data-testid=members-done]").waitFor();
  // 上一步 on screen, too.
  await w.locator("[data-testid=back]").click();
  assert.equal(await w.locator("[data-testid=member-1-situations]").count(), 1);
  await next(w);
  await next(w);
  assert.equal(await stepTitle(page), "收入");
  // Income: how to give it, then each amount on its own screen, the estimate kept in view.
  assert.equal(await questionsOnScreen(w), 1, "only the way to give the income");
  await next(w);
  const amounts = ["est-wage", "est-operating", "est-property", "est-transfer", "est-expenses"];
  for (const [i, id] of amounts.entries()) {
    assert.equal(await w.locator(`[data-testid=${id}]`).count(), 1, `${id} on its screen`);
    assert.equal(await questionsOnScreen(w), 1, `${id} alone`);
    if (id === "est-operating") await w.locator(`[data-testid=${id}]`).fill("3000");
    if (id === "est-transfer") {
      await w.locator(`[data-testid=${id}]`).fill("4200");
      assert.match(await w.locator("[data-testid=estimate]").textContent(), /3600\.00/);
      await page.screenshot({ path: shot("elder-one-question-amount-360.png") });
    }
    if (i + 1 < amounts.length) await next(w);
  }
  // Back through the amounts by gesture, the figures kept; a reload keeps screen and answers.
  await page.goBack();
  await w.locator("[data-testid=est-transfer]").waitFor();
  assert.equal(await w.locator("[data-testid=est-transfer]").inputValue(), "4200");
  await page.reload();
  await mounted(page);
  assert.equal(await w.locator("[data-testid=est-transfer]").inputValue(), "4200");
  await page.goBack();
  await w.locator("[data-testid=est-property]").waitFor();
  await page.goBack();
  await w.locator("[data-testid=est-operating]").waitFor();
  assert.equal(await w.locator("[data-testid=est-operating]").inputValue(), "3000");
  // On to the result: the couple's answers all arrived.
  for (let i = 0; i < 3; i++) await next(w);
  while ((await w.locator("[data-testid=next]").count()) > 0) await next(w);
  await w.locator("[data-testid=see-result]").click();
  assert.match(await w.locator("[data-testid=verdict]").textContent(), /可能符合/);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("in 大字 mode a member can be taken off the list on the last members screen", async () => {
  const { context, page, w } = await elderPage();
  await w.locator("[data-testid=hukou-yes]").check();
  await next(w);
  await w.locator("[data-testid=kind-ordinary]").check();
  await next(w);
  await w.locator("[data-testid=member-0-age]").fill("68");
  await next(w);
  await w.locator("[data-testid=member-0-labour-none]").check();
  for (let i = 0; i < 4; i++) await next(w);
  await w.locator("[data-testid=add-member]").click();
  await w.locator("[data-testid=member-1-age]").fill("40");
  await next(w);
  await w.locator("[data-testid=member-1-labour-full]").check();
  for (let i = 0; i < 4; i++) await next(w);
  await w.locator("[data-testid=remove-member-1]").click();
  assert.equal(await w.locator("[data-testid=listed-1]").count(), 0);
  assert.equal(await w.locator("[data-testid=members-done]").count(), 1, "still on the list screen");
  assert.match(await progress(w), /第 6 问，共 6 问/);
  await context.close();
});
