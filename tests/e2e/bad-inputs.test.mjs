// The bad-input catalogue (tests/bad-inputs.json, issue 8) through every widget in Chromium:
// each entry is understood as expected or gets its specific Chinese message beside the field,
// and nothing else typed is lost. Writes a report to tests/artifacts/bad-inputs-report.md.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { launch, open, fillItem, ARTIFACTS } from "./helpers.mjs";

const catalogue = JSON.parse(readFileSync(new URL("../bad-inputs.json", import.meta.url), "utf8")).rows;
const report = [];

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser.close();
  const lines = ["| widget | field | typed | expected | got | ok |", "|---|---|---|---|---|---|"];
  for (const r of report) {
    const typed = JSON.stringify(r.typed.length > 24 ? r.typed.slice(0, 24) + "…" : r.typed);
    lines.push(`| ${r.widget} | ${r.field} | ${typed} | ${r.expected} | ${r.got.replace(/\|/g, "/")} | ${r.ok ? "✓" : "✗"} |`);
  }
  writeFileSync(`${ARTIFACTS}/bad-inputs-report.md`, `# Bad-input catalogue report\n\n${report.filter((r) => r.ok).length}/${report.length} as expected\n\n${lines.join("\n")}\n`);
  console.log(`bad-input catalogue: ${catalogue.length} inputs, ${report.length} checks, ${report.filter((r) => !r.ok).length} unexpected`);
});

/** The message shown for a field (its aria-describedby target), or "". */
async function messageOf(field) {
  const id = await field.getAttribute("aria-describedby");
  if (!id) return "";
  return (await field.locator(`xpath=ancestor::*[contains(@class,"bf")][1]`).locator(`[id="${id}"]`).textContent()) || "";
}

/**
 * Runs every catalogue row of `kind` through `field` of a widget. `understood(row)` returns
 * how the widget read a valid entry (or null when it cannot tell), `others` the fields that
 * must keep their values.
 */
async function drive(widget, fieldName, w, kind, field, understood, others, skip = () => false) {
  const before = await Promise.all(others.map((o) => o.inputValue()));
  let failures = 0;
  for (const row of catalogue.filter((r) => r.kind === kind && !skip(r))) {
    await field.fill(row.typed);
    // The cadre forms check a field when it is left (issue 13).
    await field.evaluate((el) => el.blur());
    const invalid = (await field.getAttribute("aria-invalid")) === "true";
    const msg = invalid ? await messageOf(field) : "";
    let got;
    let ok;
    if (row.message) {
      got = msg || "(no message)";
      ok = invalid && msg.includes(row.message);
    } else {
      const value = invalid ? null : await understood(row);
      got = invalid ? `message: ${msg}` : value === null ? "(accepted)" : value;
      ok = !invalid && (value === null || value === row.understood);
    }
    const kept = (await field.inputValue()) === row.typed.replace(/[\t\n]/g, (c) => (c === "\t" ? "\t" : ""));
    const after = await Promise.all(others.map((o) => o.inputValue()));
    ok = ok && kept && JSON.stringify(after) === JSON.stringify(before);
    report.push({ widget, field: fieldName, typed: row.typed, expected: row.message || row.understood, got, ok });
    if (!ok) failures++;
  }
  return failures;
}

test("the income calculator understands or explains every catalogue entry", async () => {
  const page = await open(browser, "/test/clean.html");
  const w = page.locator("bangfu-income");
  await w.locator("[data-testid=household-size]").fill("1");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "100" });
  const amount = w.locator("[data-testid=item-amount-0]");
  const size = w.locator("[data-testid=household-size]");
  const name = w.locator("[data-testid=item-name-0]");
  const perCapita = async () => (await w.locator("[data-testid=per-capita]").count()) ? w.locator("[data-testid=per-capita]").textContent() : null;
  let failures = await drive("income", "amount", w, "money", amount, perCapita, [size, name]);
  await amount.fill("7800");
  failures += await drive("income", "household size", w, "count", size, async () => {
    const t = await w.locator("[data-testid=result-size]").textContent();
    return t.replace(" 人", "");
  }, [amount, name]);
  assert.equal(failures, 0, "see tests/artifacts/bad-inputs-report.md");
  await page.close();
});

test("the eligibility checker explains every bad figure, age and date", async () => {
  const page = await open(browser, "/test/eligibility.html");
  const w = page.locator("bangfu-eligibility#cadre");
  await w.locator("[data-testid=hukou-yes]").check();
  await w.locator("[data-testid=kind-ordinary]").check();
  await w.locator("[data-testid=member-0-age]").fill("40");
  await w.locator("[data-testid=member-0-labour]").selectOption("full");
  await w.locator("[data-testid=income-mode-known]").check();
  const pc = w.locator("[data-testid=per-capita]");
  await pc.fill("7000");
  const date = w.locator("[data-testid=date]");
  // A per-capita net income may be negative (rules.md §1), so the negative entries are valid here.
  let failures = await drive("eligibility", "per-capita income", w, "money", pc, async () => null, [date],
    (r) => r.message === "不要加“-”");
  await pc.fill("7000");
  failures += await drive("eligibility", "date", w, "date", date, async () => null, [pc]);
  assert.equal(failures, 0, "see tests/artifacts/bad-inputs-report.md");
  await page.close();
});

test("the deadline planner explains every bad date", async () => {
  const page = await open(browser, "/test/deadlines.html");
  const w = page.locator("bangfu-deadlines");
  await w.locator("[data-testid=case-name]").fill("三组 王家");
  const applied = w.locator("[data-testid=applied-on]");
  const failures = await drive("deadlines", "application date", w, "date", applied,
    async () => null, [w.locator("[data-testid=case-name]"), w.locator("[data-testid=today]")]);
  assert.equal(failures, 0, "see tests/artifacts/bad-inputs-report.md");
  await page.close();
});

test("the subsidy estimator explains every bad amount and count", async () => {
  const page = await open(browser, "/test/subsidy.html");
  const w = page.locator("bangfu-subsidy#plain");
  await w.locator("[data-testid=card-medical_assistance] summary").click();
  await w.locator("[data-testid=card-yulu] summary").click();
  const paid = w.locator("[data-testid=d-medical_assistance-self_paid]");
  const years = w.locator("[data-testid=d-yulu-years_remaining]");
  let failures = await drive("subsidy", "self-paid cost", w, "money", paid, async () => null, [years]);
  await paid.fill("1000");
  const counts = catalogue.filter((r) => r.kind === "count");
  // Remaining school years run 1–6: the catalogue's "too many" entry is above that too.
  failures += await drive("subsidy", "school years", w, "count", years, async () => null, [paid]);
  assert.ok(counts.length >= 10);
  assert.equal(failures, 0, "see tests/artifacts/bad-inputs-report.md");
  await page.close();
});
