// The household of four a cadre accounts in the issue-13 tests, and how it is typed.
import { fillItem } from "./helpers.mjs";

export const FOUR = {
  label: "三组 王家",
  members: [
    { relation: "户主", age: "52", labour: "full", name: "王大山" },
    { relation: "配偶", age: "49", labour: "full" },
    { relation: "子女", age: "24", labour: "full" },
    { relation: "父母", age: "76", labour: "none" },
  ],
  items: [
    { category: "wage", item: "县外务工", amount: "28000" },
    { category: "wage", item: "零工", amount: "8000" },
    { category: "operating", item: "种植玉米", amount: "1.2万" },
    { category: "transfer", item: "低保金", amount: "3360" },
  ],
  expenses: "2200",
};

/** Types the household the way the cadre did: 逐个填写, then one new row per person. */
export async function typeFour(w, { perPersonRows = true, wageAsFormula = false } = {}) {
  await w.locator("[data-testid=label]").fill(FOUR.label);
  await w.locator("[data-testid=size-by-members]").check();
  const offset = perPersonRows ? 1 : 0;
  for (let i = 0; i < FOUR.members.length; i++) {
    const n = i + offset;
    if (perPersonRows || i > 0) await w.locator("[data-testid=add-member]").click();
    const m = FOUR.members[i];
    await w.locator(`[data-testid=member-relation-${n}]`).fill(m.relation);
    await w.locator(`[data-testid=member-age-${n}]`).fill(m.age);
    await w.locator(`[data-testid=member-labour-${n}]`).selectOption(m.labour);
    if (m.name) await w.locator(`[data-testid=member-name-${n}]`).fill(m.name);
  }
  for (let i = 0; i < FOUR.items.length; i++) await fillItem(w, i, FOUR.items[i]);
  // As the cadre writes it on the worksheet: 3500 a month for 8 months.
  if (wageAsFormula) await fillItem(w, 0, { amount: "3500*8" });
  await w.locator("[data-testid=operating-expenses]").fill(FOUR.expenses);
}
