// <bangfu-income> in a real browser: figures, bad input, two instances, hostile host CSS,
// no network after load. Expected figures come from tests/cases/income-*.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, widget, fillItem, shot, tabTo } from "./helpers.mjs";

const examples = new URL("../cases/", import.meta.url);
const example = (name) => JSON.parse(readFileSync(new URL(name, examples), "utf8"));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Types an api.md income input into the widget, the way a cadre would. */
async function typeInput(w, input) {
  await w.locator("[data-testid=household-size]").fill(String(input.household_size));
  for (let i = 0; i < input.items.length; i++) await fillItem(w, i, input.items[i]);
  if (input.operating_expenses !== undefined) {
    await w.locator("[data-testid=operating-expenses]").fill(input.operating_expenses);
  }
}

for (const file of ["income-below-range.json", "income-above-range.json"]) {
  test(`the widget gives the figures of ${file}`, async () => {
    const ex = example(file);
    const page = await open(browser, "/test/clean.html");
    const w = widget(page);
    await typeInput(w, ex.request.input);
    await assert.doesNotReject(w.locator("[data-testid=per-capita]").waitFor());
    assert.equal(await w.locator("[data-testid=per-capita]").textContent(), ex.expect["result.per_capita_net_income"]);
    if (ex.expect["result.net_income"]) {
      assert.equal(await w.locator("[data-testid=net-income]").textContent(), ex.expect["result.net_income"] + " 元");
    }
    const verdict = await w.locator("[data-testid=verdict]").textContent();
    if (ex.expect["result.below_monitoring_range"]) {
      assert.match(verdict, new RegExp(`低于.*${ex.expect["result.gap_to_range"]}`));
    } else {
      assert.match(verdict, /高于/);
    }
    assert.deepEqual(page.jsErrors, []);
    await page.close();
  });
}

test("keyboard-only entry with full-width digits, separators and 万 gives the right figure", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await w.locator("[data-testid=household-size]").focus();
  await page.keyboard.type("４");
  await tabTo(page, "item-name-0");
  await page.keyboard.type("县外务工");
  await page.keyboard.press("Tab"); // → amount
  await page.keyboard.type("3.6万");
  assert.equal(await w.locator("[data-testid=item-amount-0-hint]").textContent(), "= 36000.00 元");
  await fillItem(w, 1, { category: "operating", item: "种植", amount: "１２，０００" });
  await w.locator("[data-testid=operating-expenses]").fill("4,000");
  // (36000 + 12000 − 4000) ÷ 4 = 11000.00
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "11000.00");
  await page.close();
});

test("bad input gets a Chinese message beside the field and nothing typed is lost", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = widget(page);
  await typeInput(w, example("income-below-range.json").request.input);
  const bad = [
    ["[data-testid=item-amount-1]", "八千多", /看不懂/],
    ["[data-testid=item-amount-2]", "-4200", /不要加“-”/],
    ["[data-testid=operating-expenses]", "12.345", /最多写到分/],
    ["[data-testid=household-size]", "2.5", /整数/],
  ];
  for (const [selector, text, message] of bad) {
    await w.locator(selector).fill(text);
    await w.locator(selector).press("Tab"); // the cadre form checks a field when it is left (issue 13)
    const msgId = await w.locator(selector).getAttribute("aria-describedby");
    assert.ok(msgId, `${selector} should point at its message`);
    const msg = await w.locator(`[id="${msgId}"]`).textContent();
    assert.match(msg, message, `${text} in ${selector}`);
    assert.equal(await w.locator(selector).getAttribute("aria-invalid"), "true");
    assert.equal(await w.locator(selector).inputValue(), text, "typed text is kept");
  }
  // Everything else is still there, and the result says what is left to fix.
  assert.equal(await w.locator("[data-testid=item-name-0]").inputValue(), "县内务工");
  assert.equal(await w.locator("[data-testid=item-amount-0]").inputValue(), "12000");
  assert.match(await w.locator("[data-testid=result]").textContent(), /还有 4 处/);
  // Fixing the fields brings the result back.
  await w.locator("[data-testid=item-amount-1]").fill("8000");
  await w.locator("[data-testid=item-amount-2]").fill("4200");
  await w.locator("[data-testid=operating-expenses]").fill("3000");
  await w.locator("[data-testid=household-size]").fill("3");
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  await page.close();
});

test("two widgets on one hostile page are independent and unaffected by its CSS", async () => {
  const page = await open(browser, "/test/hostile.html");
  const [a, b] = [widget(page, 0), widget(page, 1)];
  await typeInput(a, example("income-above-range.json").request.input);
  assert.equal(await a.locator("[data-testid=per-capita]").textContent(), "10400.00");
  assert.equal(await b.locator("[data-testid=household-size]").inputValue(), "");
  assert.equal(await b.locator("[data-testid=per-capita]").count(), 0);
  await b.locator("[data-testid=household-size]").fill("1");
  await fillItem(b, 0, { category: "wage", item: "零工", amount: "7799.99" });
  assert.match(await b.locator("[data-testid=verdict]").textContent(), /低于.*0\.01/);
  assert.equal(await a.locator("[data-testid=per-capita]").textContent(), "10400.00");
  await page.screenshot({ path: shot("hostile-two-widgets.png"), fullPage: true });
  assert.deepEqual(page.jsErrors, []);
  await page.close();
});

test("the host page's stylesheet changes no computed style inside the widget", async () => {
  const probe = async (path) => {
    const page = await open(browser, path);
    const styles = await page.evaluate(() => {
      const root = document.querySelector("bangfu-income").shadowRoot;
      const pick = (sel) => {
        const el = root.querySelector(sel);
        const cs = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return { color: cs.color, font: cs.fontFamily, size: cs.fontSize, line: cs.lineHeight,
                 spacing: cs.letterSpacing, transform: cs.textTransform, align: cs.textAlign,
                 display: cs.display, bg: cs.backgroundColor, border: cs.borderTopStyle,
                 margin: cs.marginTop, width: Math.round(box.width), height: Math.round(box.height) };
      };
      return { wrapper: pick(".bf"), label: pick("label"), input: pick("input"), button: pick("button"), h2: pick("h2") };
    });
    await page.close();
    return styles;
  };
  const clean = await probe("/test/clean.html");
  const hostile = await probe("/test/hostile.html");
  for (const part of Object.keys(clean)) {
    const { width: _w, ...cleanRest } = clean[part];
    const { width: _h, ...hostileRest } = hostile[part];
    assert.deepEqual(hostileRest, cleanRest, `${part} is restyled by the host page`);
  }
  assert.ok(clean.wrapper.height > 200, "the widget is visible");
});

test("after load the widget makes no network request, and evaluate() works from JS", async () => {
  const page = await open(browser, "/test/clean.html");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const w = widget(page);
  await typeInput(w, example("income-below-range.json").request.input);
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  await w.locator("[data-testid=steps] summary").click();
  assert.match(await w.locator(".bf-steps").textContent(), /第3条/);
  const response = await page.evaluate(async (req) => {
    const api = await import("/pkg/bangfu.js");
    return api.evaluate(req);
  }, example("income-below-range.json").request);
  assert.equal(response.result.gap_to_range, "733.33");
  // The browser's own favicon fetch is not the widget's doing.
  assert.deepEqual(requests.filter((u) => !u.endsWith("/favicon.svg")), []);
  await page.close();
});

test("screenshots: Chinese text renders, at 320 px and in 长辈 mode", async () => {
  const page = await open(browser, "/", { width: 1000, height: 1400 });
  await typeInput(widget(page), example("income-below-range.json").request.input);
  await page.screenshot({ path: shot("portal.png"), fullPage: true });
  const narrow = await open(browser, "/test/clean.html", { width: 320, height: 1200 });
  await typeInput(widget(narrow), example("income-below-range.json").request.input);
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 320, `page is ${overflow}px wide at a 320px viewport`);
  await narrow.screenshot({ path: shot("narrow-320.png"), fullPage: true });
  await narrow.evaluate(() => document.querySelector("bangfu-income").setAttribute("large-text", ""));
  const size = await widget(narrow).locator("[data-testid=household-size]").evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(size, "24px");
  await narrow.screenshot({ path: shot("narrow-320-large.png"), fullPage: true });
  await page.close();
  await narrow.close();
});
