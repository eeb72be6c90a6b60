// Keyboard-only walk-throughs (issue 8) of the deadline planner and the subsidy estimator
// (the income and eligibility walk-throughs are in their own files): Tab, typing, Space and
// Enter only, no clicks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Presses Tab until the element with `testid` inside `tag` has focus. */
async function tabTo(page, tag, testid, max = 60) {
  for (let i = 0; i < max; i++) {
    const at = await page.evaluate((t) => {
      const el = document.querySelector(t).shadowRoot.activeElement;
      return el ? el.getAttribute("data-testid") : null;
    }, tag);
    if (at === testid) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${testid}`);
}

test("the deadline planner by keyboard: a case, its stages, then the calendar tab", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const tag = "bangfu-deadlines";
  await page.keyboard.press("Tab");
  await tabTo(page, tag, "case-name");
  await page.keyboard.type("三组 王家");
  await tabTo(page, tag, "applied-on");
  await page.keyboard.type("2024-04-26");
  const d = page.locator(tag);
  assert.equal(await d.locator("[data-testid=due-feedback]").textContent(), "2024-05-10");
  await tabTo(page, tag, "save-case");
  await page.keyboard.press("Enter");
  assert.match(await d.locator("[data-testid=saved-0]").textContent(), /三组 王家/);
  await tabTo(page, tag, "tab-calendar");
  await page.keyboard.press("Enter");
  await tabTo(page, tag, "cal-month");
  await page.keyboard.press("ArrowDown"); // from April to May
  assert.equal(await d.locator("[data-testid=cal-month]").inputValue(), "5");
  assert.match(await d.locator("[data-testid=day-2024-05-01]").getAttribute("aria-label"), /劳动节假期/);
  await page.close();
});

test("the subsidy estimator by keyboard: household, a card's details, its amount", async () => {
  const page = await open(browser, "/test/subsidy.html");
  const tag = "bangfu-subsidy#plain";
  const s = page.locator(tag);
  await page.keyboard.press("Tab");
  await tabTo(page, tag, "s-member-0-age");
  await page.keyboard.type("45");
  // Open the transport card's details with the keyboard (a <summary> is focusable).
  await tabTo(page, tag, "summary-transport", 200);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab"); // → destination
  assert.equal(await page.evaluate((t) => document.querySelector(t).shadowRoot.activeElement.getAttribute("data-testid"), tag),
    "d-transport-destination");
  await page.keyboard.press("ArrowDown"); // 陕西、宁夏
  await page.keyboard.press("Tab");
  await page.keyboard.type("3");
  assert.equal(await s.locator("[data-testid=amount-transport]").textContent(), "400.00 元");
  await page.close();
});
