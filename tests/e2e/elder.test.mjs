// The elder's self-check (issue 13): a 68/71-year-old couple on a 360 px phone in 大字 mode.
// The 大字 toggle in every widget, remembered across pages; the back gesture and a reload keep
// the answers; no focus grab on load; plain words and neutral colours; the error summary;
// ages as people type them; a real next step (hotline, checked links, QR, picture).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, mounted, shot, BASE } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, hasTouch: true };

async function phonePage(path, ctx) {
  const context = ctx || (await browser.newContext(PHONE));
  const page = await context.newPage();
  page.jsErrors = [];
  page.on("pageerror", (e) => page.jsErrors.push(String(e)));
  await page.goto(BASE + path);
  await mounted(page);
  return { context, page };
}

const large = (w) => w.locator(".bf").first().evaluate((el) => el.classList.contains("bf-large"));
const title = (w) => w.locator("[data-testid=step-title]").textContent();

/** Step 1 and 2 of the self-check: 户籍 yes, 一般农户; the couple 68 and 71. */
async function answerFirstSteps(w) {
  await w.locator("[data-testid=hukou-yes]").check();
  // In 大字 mode the second question has a screen of its own.
  if ((await w.locator("[data-testid=kind]").count()) === 0) await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=kind-ordinary]").check();
  await w.locator("[data-testid=next]").click();
  assert.equal(await title(w), "家庭成员");
  await w.locator("[data-testid=member-0-age]").fill("68岁");
  await w.locator("[data-testid=add-member]").click();
  await w.locator("[data-testid=member-1-age]").fill("七十一");
}

test("the 大字 toggle switches every widget on the page together and is remembered on the next page", async () => {
  const { context, page } = await phonePage("/test/elder.html");
  const self = page.locator("bangfu-eligibility#self");
  const subsidy = page.locator("bangfu-subsidy#subsidy");
  assert.equal(await large(self), false);
  for (const w of [self, subsidy]) {
    assert.equal(await w.locator("[data-testid=large-text-toggle]").isVisible(), true, "a visible toggle in every widget");
  }
  await self.locator("[data-testid=large-text-toggle]").click();
  assert.equal(await self.locator("[data-testid=large-text-toggle]").getAttribute("aria-pressed"), "true");
  assert.equal(await large(self), true);
  assert.equal(await large(subsidy), true, "the other widgets on the page switch too");
  assert.equal(await large(page.locator("bangfu-eligibility#hostile")), true);
  // ≥ 60 px targets, the toggle itself included.
  for (const id of ["next", "large-text-toggle", "hukou-yes"]) {
    const box = await self.locator(`[data-testid=${id}]`).evaluate((el) => (el.closest("label") || el).getBoundingClientRect().height);
    assert.ok(box >= 60, `${id} is ${box} px high`);
  }
  await page.screenshot({ path: shot("elder-large-step1-360.png") });
  // Another page of the portal, another widget: still 大字.
  const next = await phonePage("/test/deadlines.html", context);
  assert.equal(await large(next.page.locator("bangfu-deadlines")), true, "remembered on the next page");
  await next.page.screenshot({ path: shot("elder-large-deadlines-360.png"), fullPage: true });
  // And switched off there, it is off back on the first page.
  await next.page.locator("bangfu-deadlines [data-testid=large-text-toggle]").click();
  await page.reload();
  await mounted(page);
  assert.equal(await large(self), false);
  await context.close();
});

test("a hostile stored preference is ignored and the page's attribute decides", async () => {
  const { context, page } = await phonePage("/test/elder.html");
  await page.evaluate(() => localStorage.setItem("bangfu:prefs:v1:large-text", "<img src=x onerror=alert(1)>"));
  await page.reload();
  await mounted(page);
  assert.equal(await large(page.locator("bangfu-eligibility#self")), false);
  assert.equal(await page.locator("bangfu-eligibility#self [data-testid=large-text-toggle]").getAttribute("aria-pressed"), "false");
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("in 大字 mode the member questions are big choice buttons, not drop-down lists", async () => {
  const { context, page } = await phonePage("/test/elder.html");
  await page.evaluate(() => localStorage.setItem("bangfu:prefs:v1:large-text", "1"));
  await page.reload();
  await mounted(page);
  const w = page.locator("bangfu-eligibility#self");
  // One question a screen: 户口 first, then (下一题) 家庭类别; the back gesture goes between them.
  assert.equal(await w.locator("[data-testid=kind]").count(), 0);
  await w.locator("[data-testid=hukou-yes]").check();
  await w.locator("[data-testid=next]").click();
  assert.equal(await w.locator("[data-testid=hukou]").count(), 0);
  assert.match(await w.locator("[data-testid=progress]").textContent(), /第 2 问，共 2 问/);
  await page.goBack();
  await w.locator("[data-testid=hukou]").waitFor();
  assert.equal(await w.locator("[data-testid=hukou-yes]").isChecked(), true);
  await page.goForward();
  await w.locator("[data-testid=kind]").waitFor();
  await w.locator("[data-testid=kind-ordinary]").check();
  await w.locator("[data-testid=next]").click();
  assert.equal(await title(w), "家庭成员");
  // One question a screen here too (elder-screens.test.mjs walks them all).
  await w.locator("[data-testid=member-0-age]").fill("68岁");
  await w.locator("[data-testid=next]").click();
  assert.equal(await w.locator("select").count(), 0, "no <select> in 大字 mode");
  await w.locator("[data-testid=member-0-labour-partial]").check();
  const h = await w.locator("label[for=m0-labour-1]").evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(h >= 60, `choice is ${h} px high`);
  for (let i = 0; i < 3; i++) await w.locator("[data-testid=next]").click();
  const cb = await w.locator("[data-testid=member-0-serious]").evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(cb >= 30, `checkbox is ${cb} px wide`);
  await page.screenshot({ path: shot("elder-large-members-360.png"), fullPage: true });
  await context.close();
});

test("the back gesture goes to the previous question and forward and reload keep every answer", async () => {
  const { context, page } = await phonePage("/test/elder.html");
  const w = page.locator("bangfu-eligibility#self");
  await answerFirstSteps(w);
  await w.locator("[data-testid=member-0-labour]").selectOption("partial");
  await w.locator("[data-testid=member-1-labour]").selectOption("partial");
  await w.locator("[data-testid=next]").click();
  assert.equal(await title(w), "收入");
  await w.locator("[data-testid=est-transfer]").fill("4200");
  const url = page.url();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#self").shadowRoot.querySelector("[data-testid=step-title]").textContent === "家庭成员");
  assert.equal(await w.locator("[data-testid=member-0-age]").inputValue(), "68岁", "answers kept going back");
  assert.equal(await w.locator("[data-testid=member-1-age]").inputValue(), "七十一");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#self").shadowRoot.querySelector("[data-testid=step-title]").textContent === "户籍与居住");
  assert.equal(await w.locator("[data-testid=hukou-yes]").isChecked(), true);
  await page.goForward();
  await page.waitForFunction(() => document.querySelector("#self").shadowRoot.querySelector("[data-testid=step-title]").textContent === "家庭成员");
  await page.goForward();
  await page.waitForFunction(() => document.querySelector("#self").shadowRoot.querySelector("[data-testid=step-title]").textContent === "收入");
  assert.equal(await w.locator("[data-testid=est-transfer]").inputValue(), "4200");
  // A reload (or the browser killing the tab in the background) keeps the page and answers.
  await page.reload();
  await mounted(page);
  assert.equal(await title(w), "收入");
  assert.equal(await w.locator("[data-testid=est-transfer]").inputValue(), "4200");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#self").shadowRoot.querySelector("[data-testid=step-title]").textContent === "家庭成员");
  assert.equal(await w.locator("[data-testid=member-0-age]").inputValue(), "68岁");
  // No answer in the address (the whole of it, fragment included), and the same page and query
  // as before: history entries carry the step in their state object, not in the URL.
  const sansHash = (u) => u.split("#")[0];
  // Only the part after the host: the server's random port may itself contain "68".
  const { pathname, search, hash } = new URL(page.url());
  assert.ok(!/68|4200|%E5/.test(pathname + search + hash), `no answer in the URL: ${page.url()}`);
  assert.equal(sansHash(page.url()), sansHash(url), "the same page and query");
  // The other self-check on the page kept its own (empty) answers.
  assert.equal(await page.locator("bangfu-eligibility#hostile [data-testid=step-title]").textContent(), "户籍与居住");
  await context.close();
});

test("the widgets neither grab focus nor scroll the host page on load", async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(BASE + "/county.html");
  await mounted(page);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.localName), "body");
  await context.close();
});

test("public screens use plain words with the policy term in small print, and neutral colours", async () => {
  const { context, page } = await phonePage("/test/elder.html");
  const w = page.locator("bangfu-eligibility#self");
  const legend = await w.locator("[data-testid=hukou] legend").textContent();
  assert.match(legend, /户口在甘肃农村/);
  assert.match(await w.locator("[data-testid=hukou] legend .term").textContent(), /农业户籍/);
  await answerFirstSteps(w);
  await w.locator("[data-testid=member-0-labour]").selectOption("partial");
  await w.locator("[data-testid=member-1-labour]").selectOption("partial");
  await w.locator("[data-testid=next]").click();
  // 3 收入: pension and a little farming — (3000 + 4200) ÷ 2 = 3600 a head.
  await w.locator("[data-testid=est-operating]").fill("3000");
  await w.locator("[data-testid=est-transfer]").fill("4200");
  await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=next]").click();
  const risk = await w.locator("label[for=risk-business_failure]").textContent();
  assert.match(risk, /种地、养殖或做生意赔了钱/);
  assert.match(risk, /政策用语：因产业项目失败/);
  await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=see-result]").click();
  const verdict = w.locator("[data-testid=verdict]");
  const words = await verdict.evaluate((el) => el.firstChild.textContent);
  assert.ok(!/监测|边缘易致贫户/.test(words), `plain headline: ${words}`);
  assert.match(await verdict.locator(".term").textContent(), /边缘易致贫户/);
  const margin = await w.locator("[data-testid=margin]").evaluate((el) => el.firstChild.textContent);
  assert.ok(!/监测范围/.test(margin), `plain margin: ${margin}`);
  assert.match(await w.locator("[data-testid=margin] .term").textContent(), /监测范围/);
  const [r, g, b] = (await verdict.evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g).map(Number);
  assert.ok(b >= r, `"may qualify" is not an alarm red: rgb(${r}, ${g}, ${b})`);
  await page.screenshot({ path: shot("elder-result-360.png"), fullPage: true });
  await context.close();
});

test("errors sit beside their fields and a focused summary links to them in question order", async () => {
  const { context, page } = await phonePage("/test/elder.html");
  const w = page.locator("bangfu-eligibility#self");
  await w.locator("[data-testid=next]").click();
  const summary = w.locator("[data-testid=step-errors]");
  assert.equal(await summary.isVisible(), true);
  assert.equal(await page.evaluate(() => document.querySelector("#self").shadowRoot.activeElement.getAttribute("data-testid")), "step-errors", "the summary has focus");
  const links = await summary.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(links, ["#hukou-0", "#kind-0"], "in question order");
  await summary.locator("a").nth(1).click();
  assert.equal(await page.evaluate(() => document.querySelector("#self").shadowRoot.activeElement.id), "kind-0");
  // The message sits in the question's own group too.
  assert.match(await w.locator("[data-testid=kind] .msg-error").textContent(), /./);
  await page.screenshot({ path: shot("elder-errors-360.png"), fullPage: true });
  // Ages typed the way people say them are accepted: no error after 68岁 / 七十一.
  await answerFirstSteps(w);
  await w.locator("[data-testid=next]").click();
  const errs = await w.locator("[data-testid=step-errors] a").allTextContents();
  assert.ok(errs.length > 0 && errs.every((e) => !/年龄/.test(e)), `only labour is missing: ${errs}`);
  assert.equal(await w.locator("[data-testid=member-0-age]").getAttribute("aria-invalid"), null);
  await context.close();
});

/** The couple's answers through to the result: pension 4200 a year for two. */
async function toResult(w) {
  await answerFirstSteps(w);
  await w.locator("[data-testid=member-0-labour]").selectOption("partial");
  await w.locator("[data-testid=member-1-labour]").selectOption("partial");
  await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=est-transfer]").fill("4200");
  for (let i = 0; i < 3; i++) await w.locator("[data-testid=next]").click();
  await w.locator("[data-testid=see-result]").click();
}

test("the result offers a real next step: hotline, checked links, a QR code and a saved picture", async () => {
  const { context, page } = await phonePage("/test/elder.html");
  const w = page.locator("bangfu-eligibility#self");
  await toResult(w);
  assert.equal(await w.locator("[data-testid=hotline-link]").getAttribute("href"), "tel:09354121234");
  assert.match(await w.locator("[data-testid=hotline-link]").textContent(), /0935-4121234/);
  assert.equal(await w.locator("[data-testid=report-link]").getAttribute("href"), "https://example.invalid/report");
  const qr = w.locator("[data-testid=answers-qr]");
  assert.equal(await qr.isVisible(), true);
  const modules = Number(await qr.getAttribute("data-modules"));
  assert.ok(modules >= 21 && modules <= 73, `QR of ${modules} modules`);
  const qrWidth = await qr.evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(qrWidth / (modules + 8) >= 2.5, `modules of ${qrWidth / (modules + 8)} px are scannable`);
  const [dl] = await Promise.all([page.waitForEvent("download"), w.locator("[data-testid=save-image]").click()]);
  assert.equal(dl.suggestedFilename(), "帮扶自查结果.png");
  await dl.saveAs(shot("elder-saved-picture.png"));
  await page.screenshot({ path: shot("elder-next-step-360.png"), fullPage: true });
  // The hostile widget: its javascript: links never become links.
  const bad = page.locator("bangfu-eligibility#hostile");
  await toResult(bad);
  assert.equal(await bad.locator("[data-testid=next-steps]").isVisible(), true);
  assert.equal(await bad.locator("[data-testid=hotline-link], [data-testid=report-link]").count(), 0);
  assert.equal(await bad.locator("a[href^=javascript], a[href^=JaVa], a[href*=alert]").count(), 0);
  await context.close();
});
