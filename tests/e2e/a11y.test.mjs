// Accessibility (issue 8): axe-core (from the npm registry) on every widget, normal and 长辈
// mode, after some input: no serious or critical violation. axe reads open shadow roots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { launch, open, fillItem } from "./helpers.mjs";
import { FIX } from "./screening-data.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function audit(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" > ") + " :: " + n.failureSummary) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const PAGES = [
  ["income (cadre)", "/test/clean.html", async (page) => {
    const w = page.locator("bangfu-income");
    await w.locator("[data-testid=household-size]").fill("3");
    await fillItem(w, 0, { category: "wage", item: "务工", amount: "abc" });
    await fillItem(w, 1, { category: "operating", item: "种植", amount: "8000" });
  }],
  ["eligibility (public + cadre)", "/test/eligibility.html", async (page) => {
    await page.locator("#public [data-testid=next]").click();
  }],
  ["deadlines", "/test/deadlines.html", async (page) => {
    await page.locator("bangfu-deadlines [data-testid=applied-on]").fill("2024-04-26");
  }],
  ["subsidy", "/test/subsidy.html", async () => {}],
  ["screening (choosing the file)", "/screening.html", async () => {}],
  ["screening (confirming the columns)", "/screening.html", async (page) => {
    await page.locator("bangfu-screening [data-testid=file-input]").setInputFiles(FIX + "households.xlsx");
    await page.locator("bangfu-screening [data-testid=mapping]").waitFor();
  }],
  ["screening (the flagged list)", "/screening.html", async (page) => {
    await page.locator("bangfu-screening [data-testid=file-input]").setInputFiles(FIX + "households.xlsx");
    await page.locator("bangfu-screening [data-testid=start]").click();
    await page.locator("bangfu-screening [data-testid=results]").waitFor();
  }],
];

for (const [name, path, act] of PAGES) {
  for (const large of [false, true]) {
    test(`${name}${large ? " in 长辈 mode" : ""}: no serious or critical axe violation`, async () => {
      const page = await open(browser, path);
      if (large) {
        await page.evaluate(() => {
          for (const el of document.querySelectorAll("*")) if (el.localName.startsWith("bangfu-")) el.setAttribute("large-text", "");
        });
      }
      await act(page);
      const violations = await audit(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
      await page.close();
    });
  }
}

test("the audit sees inside the widgets' shadow roots (it can fail)", async () => {
  const page = await open(browser, "/test/clean.html");
  await page.evaluate(() => {
    const bad = document.createElement("input");
    bad.type = "text";
    document.querySelector("bangfu-income").shadowRoot.querySelector(".bf").appendChild(bad);
  });
  const violations = await audit(page);
  assert.ok(violations.some((v) => v.id === "label"), JSON.stringify(violations));
  await page.close();
});
