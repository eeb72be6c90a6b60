// The browser matrix (issue 16): every browser our users have, proven in the browsers
// themselves. For each headless Chromium in BANGFU_BROWSERS (real old builds unpacked by
// tests/oldchrome/, plus Debian's current one; lines `name<TAB>binary<TAB>libdir`), driven
// over raw DevTools protocol (cdp.mjs) through a counting proxy (proxy.mjs):
//   the documented snippet downloads one engine, the one the probe picks for that version;
//   every demo page mounts every widget with no console error (county.html screenshotted, and
//   index.html at 360 px: no sideways scrolling);
//   each widget computes one known case; the strict-CSP page works (>= 97) or says why (< 97)
//   and the documented 'unsafe-eval' fix works; offline reload after one visit works; over the
//   whole run only one engine's wasm was downloaded (service-worker precache included); the
//   screening page reads and screens a CSV (its worker from Chromium 80 on, the page below).
// Writes the version × check table to $BANGFU_ARTIFACTS/browser-matrix.md.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./cdp.mjs";
import { startProxy } from "./proxy.mjs";
import { engineWasm, enginePieces } from "../engine-files.mjs";

const BASE = process.env.BANGFU_BASE_URL || "http://127.0.0.1:8080";
const ARTIFACTS = process.env.BANGFU_ARTIFACTS || new URL("../artifacts", import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
const BROWSERS = (process.env.BANGFU_BROWSERS || "debian\t/usr/bin/chromium\t")
  .split("\n").filter((l) => l.trim())
  .map((l) => { const [name, binary, libDir] = l.split("\t"); return { name, binary, libDir: libDir || "" }; });

const DEMO_PAGES = ["/index.html", "/eligibility.html", "/cadre.html", "/deadlines.html", "/subsidy.html",
  "/county.html", "/guide.html", "/embed.html?widget=income&year=2024"];
// The engine the build names by content hash (www/pkg/bangfu.js's FILES line).
const WASM = engineWasm();
// The widgets' pieces of the split engine, per variant and kind (fetched only for kinds shown).
const PIECES = enginePieces();
const allPieces = (variant) => [...new Set(Object.values(PIECES[variant]).flat())].sort();
const isPiece = (path) => /_chunk_/.test(path);
const TIMEOUT = { timeout: 180000 };

// In-page functions (sent as source: ES2018 only, they run in Chromium 70).

/** True once every Bangfu element on the page shows its widget (a form, not a message). */
function allMounted() {
  var all = Array.prototype.filter.call(document.querySelectorAll("*"), function (e) { return e.localName.indexOf("bangfu-") === 0; });
  return all.length > 0 && all.every(function (e) { return e.shadowRoot && e.shadowRoot.querySelector(".bf:not(.bf-message) form"); }) && all.length;
}

/** Acts on the element with `data-testid=id` in `host`'s shadow root; false while it is absent. */
function act(host, id, action, value) {
  var h = document.querySelector(host);
  var e = h && h.shadowRoot && h.shadowRoot.querySelector('[data-testid="' + id + '"]');
  if (!e) return false;
  if (action === "click") e.click();
  else if (action === "summary") e.querySelector("summary").click();
  else if (action === "check") { if (!e.checked) e.click(); }
  else {
    var proto = e.tagName === "SELECT" ? HTMLSelectElement.prototype : e.tagName === "TEXTAREA" ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(e, value);
    e.dispatchEvent(new Event("input", { bubbles: true }));
    e.dispatchEvent(new Event("change", { bubbles: true }));
  }
  return true;
}

function textOf(host, id) {
  var h = document.querySelector(host);
  var e = h && h.shadowRoot && h.shadowRoot.querySelector('[data-testid="' + id + '"]');
  return e ? e.textContent : null;
}

/** The messages of every Bangfu element with their boxes' top padding, once all match `pattern`. */
function messagesMatching(pattern) {
  var all = Array.prototype.filter.call(document.querySelectorAll("*"), function (e) { return e.localName.indexOf("bangfu-") === 0; })
    .map(function (e) {
      var box = e.shadowRoot && e.shadowRoot.querySelector(".bf-message");
      return box ? { text: box.textContent, padding: getComputedStyle(box).paddingTop } : null;
    });
  return all.length > 0 && all.every(function (m) { return m && new RegExp(pattern).test(m.text); }) && all;
}

function paddingOf(host) {
  var h = document.querySelector(host);
  var e = h && h.shadowRoot && h.shadowRoot.querySelector(".bf");
  return e ? getComputedStyle(e).paddingTop : null;
}

/** Waits (in the page, at most 20 s) until a service worker controls it and `path` is cached. */
function swReady(path) {
  var deadline = new Promise(function (resolve) { setTimeout(function () { resolve("timeout"); }, 20000); });
  var ready = navigator.serviceWorker.ready.then(function () {
    return navigator.serviceWorker.controller ? null : new Promise(function (r) { navigator.serviceWorker.addEventListener("controllerchange", r); });
  }).then(function poll() {
    return caches.match(path).then(function (hit) { return hit ? "ok" : new Promise(function (r) { setTimeout(r, 200); }).then(poll); });
  });
  return Promise.race([ready, deadline]);
}

/** Chooses a CSV file holding `text` in the screening widget (as the file input would). */
function chooseCsv(text) {
  var input = document.querySelector("bangfu-screening").shadowRoot.querySelector('[data-testid="file-input"]');
  var dt = new DataTransfer();
  dt.items.add(new File([text], "ledger.csv", { type: "text/csv" }));
  input.files = dt.files;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
}

const SCREENING_CSV = "户编号,户主姓名,所属乡镇,所属村,家庭人口,工资性收入,生产经营性收入,转移性收入,生产经营性支出,人均纯收入,户类型\n" +
  "6200000001,甲,薛百镇,1村,2,20000,3000,0,0,11500.00,一般户\n6200000002,乙,薛百镇,1村,1,20000,3000,0,0,23000.00,一般户\n" +
  "6200000003,丙,大坝镇,2村,4,20000,3000,0,0,9000.00,一般户\n";

// Node-side steps.
const step = (page, host, id, action, value) => page.waitFor(`${host} ${id}`, act, [host, id, action, value], 15000);
async function expectText(page, host, id, expected) {
  await page.waitFor(`${host} ${id} = ${expected}`, (h, i, x) => {
    var hh = document.querySelector(h);
    var e = hh && hh.shadowRoot && hh.shadowRoot.querySelector('[data-testid="' + i + '"]');
    return e && e.textContent === x;
  }, [host, id, expected], 15000).catch(async (e) => {
    throw new Error(`${host} [${id}]: wanted ${JSON.stringify(expected)}, got ${JSON.stringify(await page.run(textOf, host, id))} (${e.message})`);
  });
}

const matrix = new Map(); // browser → { version, checks: Map(check → "ok" | "FAIL: …") }
const CHECKS = [];

after(() => {
  const lines = [`| browser | version | engine | ${CHECKS.join(" | ")} |`, `|---|---|---|${CHECKS.map(() => "---").join("|")}|`];
  for (const [name, row] of matrix) {
    lines.push(`| ${name} | ${row.version} | ${row.variant} | ${CHECKS.map((c) => (row.checks.get(c) || "not run").replace(/\|/g, "/").slice(0, 120)).join(" | ")} |`);
  }
  lines.push("", "Printing the signed sheet (household of four), as measured:", "");
  for (const [name, row] of matrix) lines.push(`- ${name} ${row.version}: ${row.print || "not measured"}`);
  writeFileSync(join(ARTIFACTS, "browser-matrix.md"), lines.join("\n") + "\n");
});

for (const spec of BROWSERS) {
  describe(`${spec.name}`, () => {
    let browser, proxy, major = 0, expected = "";
    const row = { version: "?", variant: "?", checks: new Map() };
    matrix.set(spec.name, row);

    /** A test that also fills this browser's row of the matrix under column `column`. */
    const check = (column, name, fn) => {
      if (!CHECKS.includes(column)) CHECKS.push(column);
      test(`${spec.name}: ${name}`, TIMEOUT, async () => {
        try {
          await fn();
          row.checks.set(column, "ok");
        } catch (e) {
          row.checks.set(column, `FAIL: ${String(e.message).split("\n")[0]}`);
          throw e;
        }
      });
    };

    // Once widgets failed to mount in this browser, later pages wait less, so a broken build
    // cannot stretch the run past CI's budget (a healthy mount takes 1–3 s even in Chromium 70).
    let mountFailures = 0;
    const mountTimeout = () => (mountFailures ? 5000 : 30000);
    const waitMounted = async (page, what) => {
      try {
        await page.waitFor(what, allMounted, [], mountTimeout());
      } catch (e) {
        mountFailures++;
        throw e;
      }
    };

    /** Opens `path` (through the proxy) and waits until every widget has mounted. */
    const open = async (path) => {
      const page = await browser.newPage();
      await page.goto(proxy.origin + path);
      await waitMounted(page, `every widget on ${path} mounted`);
      return page;
    };

    before(async () => {
      proxy = await startProxy(BASE);
      browser = await launch(spec);
      row.version = await browser.version();
      major = parseInt(row.version, 10);
      // Reference types (the modern build) arrived in Chromium 96.
      expected = major >= 96 ? "modern" : "compat";
      row.variant = expected;
    });
    after(async () => {
      if (browser) await browser.close();
      if (proxy) await proxy.close();
    });

    check("snippet: one engine", "the documented snippet downloads one engine, the one the probe picks, and each of its widgets' pieces once", async () => {
      const page = await open("/test/snippet.html");
      const variant = await page.run(() => import("/pkg/bangfu.js").then((m) => m.engineVariant()));
      assert.equal(variant, expected, `Chromium ${major} should run the ${expected} build`);
      await new Promise((r) => setTimeout(r, 1500));
      const wasm = proxy.wasm();
      const engines = wasm.filter((w) => !isPiece(w.path));
      assert.deepEqual(engines.map((w) => w.path), [WASM[expected]], JSON.stringify(wasm));
      // The snippet page shows all four widgets: every piece of its variant, each once.
      const pieces = wasm.filter((w) => isPiece(w.path)).map((w) => w.path).sort();
      assert.deepEqual(pieces, allPieces(expected));
      for (const p of pieces) assert.equal(proxy.fetched.get(p).requests, 1, `${p} fetched more than once`);
      const total = wasm.reduce((n, w) => n + w.bytes, 0);
      row.variant = `${expected} (${(total / 1e6).toFixed(2)} MB)`;
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    check("demo pages", "every demo page mounts every widget with no console error", async () => {
      const failures = [];
      for (const path of DEMO_PAGES) {
        let page;
        try {
          page = await open(path);
          await new Promise((r) => setTimeout(r, 300));
          if (path === "/county.html") await page.screenshot(join(ARTIFACTS, `matrix-county-${spec.name}.png`));
          // A page with the documented CSP makes old browsers log two notices that are not
          // failures: < 97 ignores the unknown 'wasm-unsafe-eval' source, and < 73 refuses the
          // inline <style> that bangfu.css then replaces (checked by the CSP checks below).
          const errors = page.errors.filter((e) => !/invalid source: ''wasm-unsafe-eval''|Refused to apply inline style/.test(e));
          if (errors.length) failures.push(`${path}: ${errors.join(" | ")}`);
        } catch (e) {
          failures.push(`${path}: ${e.message}`);
        }
        if (page) await page.close();
      }
      // The phone most users have: 360 px wide.
      try {
        const phone = await browser.newPage({ width: 360, height: 740 });
        await phone.goto(proxy.origin + "/index.html");
        await waitMounted(phone, "the income widget mounted at 360 px");
        await phone.screenshot(join(ARTIFACTS, `matrix-phone-${spec.name}.png`), 360);
        const wide = await phone.run(() => document.documentElement.scrollWidth);
        if (wide > 360) failures.push(`/index.html at 360 px is ${wide} px wide`);
        await phone.close();
      } catch (e) {
        failures.push(`/index.html at 360 px: ${e.message}`);
      }
      assert.deepEqual(failures, []);
    });

    check("income", "income: 3 people, 21200 wages → 7066.67 per head", async () => {
      const page = await open("/test/clean.html");
      const w = "bangfu-income";
      await step(page, w, "household-size", "fill", "3");
      await step(page, w, "add-item-wage", "click");
      await step(page, w, "item-name-0", "fill", "务工");
      await step(page, w, "item-amount-0", "fill", "21200");
      await expectText(page, w, "per-capita", "7066.67");
      assert.deepEqual(page.errors, []);
      // The layout fallbacks (compat.css) are switched on exactly where the feature is missing.
      const classes = await page.run(() => document.querySelector("bangfu-income").shadowRoot.querySelector(".bf").parentNode.className);
      assert.equal(/bf-no-flex-gap/.test(classes), major < 84, `flex gap fallback in Chromium ${major}: "${classes}"`);
      assert.equal(/bf-no-has/.test(classes), major < 105, `:has() fallback in Chromium ${major}: "${classes}"`);
      await page.close();
    });

    // The signed sheet (issue 13) on one A4 page in this browser, measured two ways: as the
    // page asks (@page size A4 and margins; `preferCSSPageSize`, the paper given as Letter so a
    // dropped @page rule shows as a Letter-sized PDF), and as if the @page rule were ignored
    // (A4 paper, the browser's default 0.4 in margins). Both must give one page.
    check("print: one A4 page", "income: the signed sheet of a household of four prints on one A4 page", async () => {
      const page = await open("/index.html");
      const w = "bangfu-income";
      await step(page, w, "label", "fill", "三组 王家");
      await step(page, w, "household-size", "fill", "4");
      const items = [["wage", "县外务工", "28000"], ["wage", "零工", "8000"], ["operating", "种植玉米", "12000"], ["transfer", "低保金", "3360"]];
      for (let i = 0; i < items.length; i++) {
        await step(page, w, `add-item-${items[i][0]}`, "click");
        await step(page, w, `item-name-${i}`, "fill", items[i][1]);
        await step(page, w, `item-amount-${i}`, "fill", items[i][2]);
      }
      await step(page, w, "operating-expenses", "fill", "2200");
      await expectText(page, w, "per-capita", "12290.00");
      await page.run(() => { window.print = function () { window.printed = (window.printed || 0) + 1; }; return true; });
      await step(page, w, "print", "click");
      assert.equal(await page.run(() => window.printed), 1, "the print button printed");
      const pdf = async (params) => Buffer.from((await page.send("Page.printToPDF", Object.assign({ printBackground: false }, params))).data, "base64").toString("latin1");
      const pages = (text) => (text.match(/\/Type\s*\/Page(?!s)/g) || []).length;
      // The page size in points (the last two numbers of the first MediaBox).
      const box = (text) => ((text.match(/\/MediaBox\s*\[([^\]]*)\]/) || [])[1] || "0 0 0 0").trim().split(/\s+/).slice(-2).map((n) => Math.round(Number(n))).join("×");
      const asked = await pdf({ preferCSSPageSize: true, paperWidth: 8.5, paperHeight: 11, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0 });
      const ignored = await pdf({ preferCSSPageSize: false, paperWidth: 8.27, paperHeight: 11.69, marginTop: 0.4, marginBottom: 0.4, marginLeft: 0.4, marginRight: 0.4 });
      writeFileSync(join(ARTIFACTS, `matrix-sheet-${spec.name}.pdf`), Buffer.from(asked, "latin1"));
      // The sheet's own height in print, against A4 less the page's margins (297 − 26 mm).
      await page.send("Emulation.setEmulatedMedia", { media: "print" });
      const high = await page.run(() => {
        var s = document.querySelector("bangfu-income").shadowRoot.querySelector(".sheet");
        return Math.round(s.getBoundingClientRect().height);
      });
      await page.send("Emulation.setEmulatedMedia", { media: "" });
      row.print = `${pages(asked)} page(s) as asked (MediaBox ${box(asked)} pt), ${pages(ignored)} without @page; sheet ${high} px of ${Math.round((297 - 26) / 25.4 * 96)}`;
      const [bw, bh] = box(asked).split("×").map(Number);
      assert.ok(Math.abs(bw - 595) <= 2 && Math.abs(bh - 842) <= 2, `@page size A4 honoured (${row.print})`);
      assert.equal(pages(asked), 1, row.print);
      assert.equal(pages(ignored), 1, row.print);
      await page.close();
    });

    check("eligibility", "eligibility (cadre form): who must be visited and checked", async () => {
      const page = await open("/test/eligibility.html");
      const w = "bangfu-eligibility#cadre";
      await step(page, w, "hukou-yes", "check");
      await step(page, w, "kind-monitored", "check");
      await step(page, w, "member-0-age", "fill", "62");
      await step(page, w, "member-0-labour", "select", "partial");
      await step(page, w, "member-0-serious", "check");
      await step(page, w, "add-member", "click");
      await step(page, w, "member-1-age", "fill", "85");
      await step(page, w, "member-1-labour", "select", "none");
      await step(page, w, "member-1-disability", "select", "severe");
      await step(page, w, "income-mode-known", "check");
      await step(page, w, "per-capita", "fill", "9000");
      await step(page, w, "flag-hospitalized_member", "check");
      await expectText(page, w, "must-visit", "大病重病患者、重度残疾人");
      await expectText(page, w, "must-check", "有病人住院家庭、残疾人家庭");
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    check("deadlines", "deadlines: applied 2024-04-26 → check by 05-01, feedback by 05-10", async () => {
      const page = await open("/test/deadlines.html");
      const w = "bangfu-deadlines";
      await step(page, w, "applied-on", "fill", "2024年4月26日");
      await expectText(page, w, "due-check", "2024-05-01");
      await expectText(page, w, "due-feedback", "2024-05-10");
      await expectText(page, w, "due-overall", "2024-05-11");
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    check("subsidy", "subsidy: transport grant for 3 months in another province → 600.00 元", async () => {
      const page = await open("/test/subsidy.html");
      const w = "bangfu-subsidy#plain";
      await step(page, w, "card-transport", "summary");
      await step(page, w, "d-transport-destination", "select", "other_province");
      await step(page, w, "d-transport-months_worked", "fill", "3");
      await expectText(page, w, "amount-transport", "600.00 元");
      await page.close();
    });

    check("strict CSP", "strict CSP page: works (>= 97) or says why and logs the fix (< 97)", async () => {
      const page = await browser.newPage();
      await page.goto(proxy.origin + "/test/csp.html");
      if (major >= 97) {
        await waitMounted(page, "every widget mounted");
        assert.equal(await page.run(paddingOf, "#i1"), "16px", "the widget's own styles apply under style-src 'self'");
      } else {
        const shown = await page.waitFor("a message in every element", messagesMatching, ["安全设置"], mountTimeout());
        assert.equal(shown.length, 5);
        assert.match(shown[0].text, /无法运行本计算器：本网页的安全设置不允许。请联系网站管理员/);
        assert.equal(shown[0].padding, "16px", "the message is styled although inline <style> is refused");
        const logged = page.console.filter((m) => m.type === "error" && /^Bangfu:/.test(m.text));
        assert.equal(logged.length, 1, JSON.stringify(page.console));
        assert.match(logged[0].text, /CompileError/);
        assert.match(logged[0].text, /'unsafe-eval'/);
      }
      await page.close();
    });

    check("CSP + 'unsafe-eval'", "the documented CSP for old browsers ('unsafe-eval' added) works, styled", async () => {
      const page = await open("/test/csp-unsafe-eval.html");
      assert.equal(await page.run(paddingOf, "#i1"), "16px");
      await step(page, "#i1", "household-size", "fill", "3");
      await step(page, "#i1", "add-item-wage", "click");
      await step(page, "#i1", "item-amount-0", "fill", "21200");
      await expectText(page, "#i1", "per-capita", "7066.67");
      await page.close();
    });

    check("offline", "offline reload after one visit works", async () => {
      const page = await open("/test/offline.html");
      assert.equal(await page.run(swReady, WASM[expected]), "ok", "the service worker cached this browser's engine");
      proxy.offline = true;
      try {
        await page.reload();
        await waitMounted(page, "every widget mounted offline");
        const w = "bangfu-income";
        await step(page, w, "household-size", "fill", "2");
        await step(page, w, "add-item-wage", "click");
        await step(page, w, "item-amount-0", "fill", "15600");
        await expectText(page, w, "per-capita", "7800.00");
      } finally {
        proxy.offline = false;
      }
      await page.close();
    });

    check("one engine in all", "over every page visited (service worker included) only one engine and its own variant's pieces were downloaded", async () => {
      const wasm = proxy.wasm();
      assert.deepEqual(wasm.filter((w) => !isPiece(w.path)).map((w) => w.path), [WASM[expected]], JSON.stringify(wasm));
      const pieces = wasm.filter((w) => isPiece(w.path)).map((w) => w.path);
      const mine = allPieces(expected);
      for (const p of pieces) assert.ok(mine.includes(p), `${p} is not a ${expected} piece`);
    });

    check("one widget's pieces", "a page with one widget downloads the engine and that widget's pieces only", async () => {
      // A fresh profile, so nothing comes from the cache or the service worker.
      const fresh = await launch(spec);
      const alone = await startProxy(BASE);
      try {
        const page = await fresh.newPage();
        await page.goto(alone.origin + "/test/deadlines.html");
        await page.waitFor("the deadlines widget mounted", allMounted, [], mountTimeout());
        const wasm = alone.wasm().map((w) => w.path);
        assert.deepEqual(wasm.filter((p) => !isPiece(p)), [WASM[expected]]);
        assert.deepEqual(wasm.filter(isPiece).sort(), [...PIECES[expected].deadlines].sort());
        await page.close();
      } finally {
        await fresh.close();
        await alone.close();
      }
    });

    // After "one engine in all": the screening page downloads its own bundle.
    check("screening", "screening: a CSV is read and screened (a worker from 80 on, the page below)", async () => {
      const page = await open("/test/screening.html");
      await page.run(chooseCsv, SCREENING_CSV);
      await step(page, "bangfu-screening", "start", "click");
      await expectText(page, "bangfu-screening", "totals", "核查 3 户，有疑点 1 户。");
      // Module workers arrived in Chromium 80; below that the same code runs on the page.
      const worker = major >= 96 ? "/pkg/screening/screening-worker.js" : "/pkg/screening/compat/screening-worker.js";
      if (major >= 80) assert.ok(proxy.fetched.has(worker), `${worker} fetched: ${[...proxy.fetched.keys()].filter((p) => /screening/.test(p))}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  });
}
