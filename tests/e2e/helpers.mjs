// Shared set-up for the browser tests: Debian's Chromium, headless, run by `cargo xtask test`
// (which serves www/ and sets BANGFU_BASE_URL). Flags per ../.library env notes: without the
// background-networking flags Chromium tries to reach Google's hosts on this closed network.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const BASE = process.env.BANGFU_BASE_URL || "http://127.0.0.1:8080";
export const ARTIFACTS = process.env.BANGFU_ARTIFACTS || new URL("../artifacts", import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.BANGFU_CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** Opens `path` and waits until every widget on it has mounted (its first field exists). */
export async function open(browser, path, { width = 1000, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(BASE + path);
  await mounted(page);
  page.jsErrors = errors;
  return page;
}

/** Waits until every Bangfu element on the page has rendered its widget. */
export async function mounted(page) {
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll("*")].filter((e) => e.localName.startsWith("bangfu-"));
    return all.length > 0 && all.every((e) => e.shadowRoot && e.shadowRoot.querySelector(".bf:not(.bf-message) form"));
  });
}

export function widget(page, n = 0) {
  return page.locator("bangfu-income").nth(n);
}

export function shot(name) {
  return join(ARTIFACTS, name);
}

/** Fills item row `n` (adding the row first when it does not exist yet). */
export async function fillItem(w, n, { category, item, amount }) {
  if ((await w.locator(`[data-testid=item-${n}]`).count()) === 0) {
    await w.locator(`[data-testid=add-item-${category || "wage"}]`).click();
    await w.locator(`[data-testid=item-${n}]`).waitFor();
  } else if (category) {
    await w.locator(`[data-testid=item-category-${n}]`).selectOption(category);
  }
  if (item !== undefined) await w.locator(`[data-testid=item-name-${n}]`).fill(item);
  if (amount !== undefined) await w.locator(`[data-testid=item-amount-${n}]`).fill(amount);
}

/** The data-testid of the focused element inside widget `n`'s shadow root. */
export async function focusedTestId(page, n = 0) {
  return page.evaluate((n) => {
    const root = document.querySelectorAll("bangfu-income")[n].shadowRoot;
    const el = root.activeElement;
    return el ? el.getAttribute("data-testid") : null;
  }, n);
}

/** Presses Tab until the element with `testid` has focus (at most `max` presses). */
export async function tabTo(page, testid, max = 25, n = 0) {
  for (let i = 0; i < max; i++) {
    if ((await focusedTestId(page, n)) === testid) return i;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${testid}`);
}
