// The split engine (issue 15): a page downloads the engine and only the pieces of the widgets it
// shows; a page with all four downloads each piece once; evaluate() alone loads no UI code;
// the compat variant (forced with ?bangfu-compat=1) behaves the same way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, mounted, fillItem } from "./helpers.mjs";
import { engineFiles } from "../engine-files.mjs";

let browser;
let chunks;
before(async () => {
  browser = await launch();
  const loader = await (await fetch(BASE + "/pkg/bangfu.js")).text();
  const line = /^var CHUNKS = (\{.*\});$/m.exec(loader);
  assert.ok(line, "the loader has a CHUNKS line");
  chunks = JSON.parse(line[1]);
});
after(() => browser.close());

const KINDS = ["income", "eligibility", "deadlines", "subsidy"];

/** Opens `path` and returns the wasm files it fetched (path relative to /pkg/, with counts). */
async function wasmFetched(path, { variant = "modern", wait = mounted, extra } = {}) {
  const page = await browser.newPage();
  const fetched = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith(".wasm")) fetched.push(url.pathname.replace(/^\/pkg\//, ""));
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(BASE + path + (variant === "compat" ? (path.includes("?") ? "&" : "?") + "bangfu-compat=1" : ""));
  await wait(page);
  if (extra) await extra(page);
  await page.close();
  assert.deepEqual(errors, []);
  return fetched;
}

const piecesOf = (variant, kind) => chunks[variant][kind];
const allPieces = (variant) => [...new Set(KINDS.flatMap((k) => piecesOf(variant, k)))];

for (const variant of ["modern", "compat"]) {
  test(`${variant}: the pieces map names a link module and pieces for each of the four widgets`, () => {
    assert.match(chunks[variant].link, /bangfu_split\.[0-9a-f]{12}\.js$/);
    for (const kind of KINDS) {
      const own = piecesOf(variant, kind);
      assert.ok(own.length >= 2, `${kind}: ${own}`);
      assert.ok(own.some((f) => f.includes(`chunk_${kind}.`)), `${kind} has a piece of its own: ${own}`);
    }
  });

  for (const [kind, path] of [["income", "/test/clean.html"], ["eligibility", "/test/eligibility.html"], ["deadlines", "/test/deadlines.html"], ["subsidy", "/test/subsidy.html"]]) {
    test(`${variant}: a page with only the ${kind} widget fetches the engine and ${kind}'s pieces, none of the other three`, async () => {
      const fetched = await wasmFetched(path, { variant });
      // The engine once (its <link rel=preload> and the fetch that takes the preloaded copy are
      // one download: the same URL).
      const engine = new Set(fetched.filter((f) => f.includes("bangfu_widgets_bg.")));
      assert.equal(engine.size, 1, `the engine once: ${fetched}`);
      const pieces = fetched.filter((f) => f.includes("_chunk_"));
      assert.deepEqual([...pieces].sort(), [...piecesOf(variant, kind)].sort(), "exactly its pieces, each once");
      for (const other of KINDS.filter((k) => k !== kind)) {
        const notMine = piecesOf(variant, other).filter((f) => !piecesOf(variant, kind).includes(f));
        for (const f of notMine) assert.ok(!fetched.includes(f), `${other}'s ${f} was fetched`);
      }
    });
  }

  test(`${variant}: county.html with all four widgets fetches each piece exactly once`, async () => {
    const fetched = await wasmFetched("/county.html", { variant });
    const pieces = fetched.filter((f) => f.includes("_chunk_"));
    assert.deepEqual([...pieces].sort(), allPieces(variant).sort());
    assert.equal(new Set(fetched.filter((f) => f.includes("bangfu_widgets_bg."))).size, 1);
  });

  test(`${variant}: evaluate() without any widget loads the engine and no piece of UI code`, async () => {
    let answer;
    const fetched = await wasmFetched("/test/api-only.html", {
      variant,
      wait: async (page) => {
        await page.waitForFunction(() => document.getElementById("answer").textContent !== "…");
        answer = await page.locator("#answer").textContent();
      },
    });
    assert.match(answer, /"per_capita_net_income":"7500\.00"/);
    assert.deepEqual(fetched.filter((f) => f.includes("_chunk_")), []);
    assert.equal(fetched.length, 1, String(fetched));
  });

  test(`${variant}: a widget of another kind added later loads its own pieces and works`, async () => {
    const fetched = await wasmFetched("/test/clean.html", {
      variant,
      extra: async (page) => {
        await page.evaluate(() => {
          const el = document.createElement("bangfu-deadlines");
          document.body.appendChild(el);
        });
        await page.locator("bangfu-deadlines form").first().waitFor();
      },
    });
    const pieces = fetched.filter((f) => f.includes("_chunk_"));
    const expected = [...new Set([...piecesOf(variant, "income"), ...piecesOf(variant, "deadlines")])];
    assert.deepEqual([...pieces].sort(), expected.sort(), "each piece once, the shared ones not again");
  });
}

test("a piece that cannot be fetched shows the load message in those widgets, and a widget of that kind added once the network is back retries and mounts", async () => {
  const page = await browser.newPage();
  const own = piecesOf("modern", "subsidy").find((f) => f.includes("chunk_subsidy."));
  let blocked = true;
  await page.route((url) => url.pathname.endsWith(own), (route) => (blocked ? route.abort() : route.continue()));
  await page.goto(BASE + "/test/subsidy.html");
  const box = page.locator("bangfu-subsidy").first().locator(".bf-message");
  await page.waitForFunction(() => /加载失败/.test(document.querySelector("bangfu-subsidy").shadowRoot.textContent));
  assert.match(await box.textContent(), /计算器加载失败，请检查网络后刷新页面重试/);
  // The next element of that kind (the network is back) loads the piece and mounts.
  blocked = false;
  await page.evaluate(() => document.body.appendChild(document.createElement("bangfu-subsidy")));
  await page.locator("bangfu-subsidy").last().locator("form").waitFor();
  await page.close();
});

test("a trap while another kind's pieces are still downloading: both widgets end up working in the new engine", async () => {
  const page = await browser.newPage();
  await page.goto(BASE + "/test/clean.html");
  await mounted(page);
  // The deadlines widget's own piece arrives late (a slow rural network) ...
  const own = piecesOf("modern", "deadlines").find((f) => f.includes("chunk_deadlines."));
  let releasePiece;
  const pieceGate = new Promise((r) => { releasePiece = r; });
  await page.route((url) => url.pathname.endsWith(own), async (route) => { await pieceGate; await route.continue(); });
  // ... and so does the new engine's glue after the trap, so the piece arrives first, while
  // the dead engine is still the one connected (routing disables the HTTP cache).
  const glue = engineFiles().modern[0];
  let holdGlue = false;
  let releaseGlue;
  const glueGate = new Promise((r) => { releaseGlue = r; });
  await page.route((url) => url.pathname === glue, async (route) => { if (holdGlue) await glueGate; await route.continue(); });
  await page.evaluate(() => document.body.appendChild(document.createElement("bangfu-deadlines")));
  await page.waitForTimeout(300);
  holdGlue = true;
  // The income widget traps (as a panicking view would): the loader starts a new engine.
  await page.evaluate(async (g) => (await import(g)).debug_trap(), glue);
  await page.locator("bangfu-income [data-testid=household-size]").fill("2");
  await page.waitForFunction(() => document.querySelector("bangfu-income").shadowRoot.querySelector("[data-testid=bangfu-recovered]"), null, { timeout: 10000 });
  releasePiece();
  await page.waitForTimeout(1000);
  releaseGlue();
  // Both widgets work in the new engine.
  const d = page.locator("bangfu-deadlines");
  await d.locator("[data-testid=applied-on]").fill("2024年4月26日", { timeout: 15000 });
  await page.waitForFunction(() => (document.querySelector("bangfu-deadlines").shadowRoot.querySelector("[data-testid=due-check]") || {}).textContent === "2024-05-01", null, { timeout: 10000 });
  const w = page.locator("bangfu-income");
  await w.locator("[data-testid=household-size]").fill("2");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "15600" });
  await page.waitForFunction(() => (document.querySelector("bangfu-income").shadowRoot.querySelector("[data-testid=per-capita]") || {}).textContent === "7800.00", null, { timeout: 10000 });
  await page.close();
});

test("widgets whose pieces could not be downloaded mount by themselves when the network is back", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const own = piecesOf("modern", "subsidy").find((f) => f.includes("chunk_subsidy."));
  let blocked = true;
  await page.route((url) => url.pathname.endsWith(own), (route) => (blocked ? route.abort() : route.continue()));
  await page.goto(BASE + "/test/subsidy.html");
  await page.waitForFunction(() => [...document.querySelectorAll("bangfu-subsidy")].every((e) => /加载失败/.test(e.shadowRoot.textContent)));
  blocked = false;
  // The browser reports the network back (the `online` event).
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForFunction(() => [...document.querySelectorAll("bangfu-subsidy")].every((e) => e.shadowRoot.querySelector("form")), null, { timeout: 15000 });
  assert.equal(await page.locator("bangfu-subsidy .bf-message").count(), 0, "no failure message left");
  await context.close();
});
