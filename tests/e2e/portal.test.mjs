// Portal integration (issue 7): strict CSP with all four widgets and one twice, the compat
// build, the message where WebAssembly is missing, offline after one visit, the iframe embed,
// and the versioned dist with its SRI manifest.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { launch, open, BASE, mounted, fillItem, shot } from "./helpers.mjs";
import { engineWasm } from "../engine-files.mjs";
import { FIX } from "./screening-data.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("under a strict CSP all four widgets run, one of them twice, with no violation", async () => {
  const page = await browser.newPage();
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text()); });
  await page.goto(BASE + "/test/csp.html");
  await mounted(page);
  for (const id of ["i1", "i2", "e1", "d1", "s1"]) {
    assert.equal(await page.locator(`#${id}`).locator(".bf form").count() > 0, true, `${id} rendered`);
  }
  const w = page.locator("#i1");
  await w.locator("[data-testid=household-size]").fill("3");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "21200" });
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  assert.equal(await page.locator("#i2 [data-testid=household-size]").inputValue(), "");
  assert.equal(await page.locator("#d1 [data-testid=today]").inputValue(), "2024-04-29");
  const padding = await w.locator(".bf").evaluate((el) => getComputedStyle(el).paddingTop);
  assert.equal(padding, "16px", "the widget's own styles apply under style-src 'self'");
  assert.deepEqual(violations, []);
  await page.screenshot({ path: shot("csp-all-widgets.png"), fullPage: true });
  await page.close();
});

test("an engine without reference types gets the compat build, and it works", async () => {
  const page = await browser.newPage();
  const urls = [];
  page.on("request", (r) => urls.push(new URL(r.url()).pathname));
  await page.goto(BASE + "/test/clean.html?bangfu-compat=1");
  await mounted(page);
  const variant = await page.evaluate(async () => (await import("/pkg/bangfu.js")).engineVariant());
  assert.equal(variant, "compat");
  assert.ok(urls.includes(engineWasm().compat), urls.join(" "));
  assert.ok(!urls.includes(engineWasm().modern));
  const w = page.locator("bangfu-income");
  await w.locator("[data-testid=household-size]").fill("3");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "21200" });
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7066.67");
  await page.close();
});

test("where WebAssembly is missing the element shows a short message and a link, never a blank box", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(BASE + "/test/clean.html");
  await page.evaluate(() => document.querySelector("bangfu-income").setAttribute("fallback-url", "/guide.html"));
  const box = page.locator("bangfu-income .bf-message");
  await box.waitFor();
  assert.match(await box.textContent(), /无法运行本计算器/);
  await context.close();
  // A page whose CSP forbids compiling wasm gets the same message.
  const c2 = await browser.newContext();
  const p2 = await c2.newPage();
  await p2.route("**/test/clean.html", async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'">`);
    await route.fulfill({ response: res, body });
  });
  await p2.goto(BASE + "/test/clean.html");
  const box2 = p2.locator("bangfu-income .bf-message");
  await box2.waitFor();
  await p2.waitForFunction(() => /无法运行|加载失败/.test(document.querySelector("bangfu-income").shadowRoot.textContent));
  assert.match(await box2.textContent(), /无法运行本计算器/);
  await c2.close();
});

test("a failed load logs its cause once for the webmaster, whatever the number of widgets", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const logged = [];
  page.on("console", (m) => { if (m.type() === "error" && /^Bangfu:/.test(m.text())) logged.push(m.text()); });
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(BASE + "/test/csp.html");
  await page.waitForFunction(() => [...document.querySelectorAll("bangfu-income, bangfu-eligibility, bangfu-deadlines, bangfu-subsidy")]
    .every((e) => e.shadowRoot && /请检查网络/.test(e.shadowRoot.textContent)));
  assert.equal(logged.length, 1, logged.join("\n"));
  assert.match(logged[0], /could not start: TypeError: .*pkg\/ \(and pkg\/compat\/\) is served/);
  await context.close();
});

test("after one visit the page and the widget work with the network off", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE + "/test/offline.html");
  await mounted(page);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
    return reg.active.state;
  });
  await page.waitForFunction(async (wasm) => !!(await caches.match(wasm)), engineWasm().modern);
  await context.setOffline(true);
  await page.reload();
  await mounted(page);
  const w = page.locator("bangfu-income");
  await w.locator("[data-testid=household-size]").fill("2");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "15600" });
  assert.equal(await w.locator("[data-testid=per-capita]").textContent(), "7800.00");
  await context.close();
});

test("the screening bundle is never precached, but after one use the screening page works offline", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const ready = async () => page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
  });
  const cachedPaths = () => page.evaluate(async () => {
    const cache = await caches.open("bangfu-v4");
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  // A page without the widget: the worker installs and precaches, nothing of the screening bundle.
  await page.goto(BASE + "/test/offline.html");
  await mounted(page);
  await ready();
  await page.waitForFunction(async (wasm) => !!(await caches.match(wasm)), engineWasm().modern);
  assert.deepEqual((await cachedPaths()).filter((p) => p.includes("screening")), [], "screening files precached");
  const screen = async () => {
    const d = page.locator("bangfu-screening");
    await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households-gbk.csv");
    await d.locator("[data-testid=mapping]").waitFor({ timeout: 30000 });
    await d.locator("[data-testid=start]").click();
    await d.locator("[data-testid=results]").waitFor({ timeout: 30000 });
    return d.locator("[data-testid=totals]").textContent();
  };
  // First use online: the page, the bundle and its worker script are kept.
  await page.goto(BASE + "/screening.html");
  await ready();
  const online = await screen();
  assert.match(online, /^核查 15 户，有疑点 \d+ 户。$/); // the portal page checks as of today
  await page.waitForFunction(async () => !!(await caches.match("/pkg/screening/screening-worker.js")));
  const kept = await cachedPaths();
  assert.ok(kept.includes("/screening.html"), kept.join("\n"));
  assert.ok(kept.some((p) => /^\/pkg\/screening\/bangfu_widgets_bg(\.[0-9a-f]{12})?\.wasm$/.test(p)), kept.join("\n"));
  await context.setOffline(true);
  await page.reload();
  assert.equal(await screen(), online);
  await context.close();
});

test("the snippet's loader keeps its name and fetches content-hashed engine files, cached for good", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let seen = [];
  const fromCache = new Set();
  cdp.on("Network.requestServedFromCache", (e) => fromCache.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    const path = new URL(e.response.url).pathname;
    const cached = e.response.fromDiskCache || fromCache.has(e.requestId);
    if (path.startsWith("/pkg/")) seen.push({ path, status: e.response.status, cached, control: e.response.headers["Cache-Control"] || e.response.headers["cache-control"] || "" });
  });
  await page.goto(BASE + "/test/clean.html");
  await mounted(page);
  const wasm = seen.find((r) => r.path.endsWith(".wasm"));
  assert.ok(wasm, JSON.stringify(seen));
  assert.match(wasm.path, /^\/pkg\/bangfu_widgets_bg\.[0-9a-f]{12}\.wasm$/, "the engine has a content-hashed name");
  assert.match(wasm.control, /immutable/);
  assert.equal(wasm.path, engineWasm().modern);
  const loader = seen.find((r) => r.path === "/pkg/bangfu.js");
  assert.equal(loader.control, "no-cache", "the loader keeps its stable name and is revalidated");
  // The second visit: the engine comes from the cache without asking the server (no 304).
  seen = [];
  await page.goto(BASE + "/test/clean.html");
  await mounted(page);
  const again = seen.filter((r) => r.path !== "/pkg/bangfu.js");
  assert.ok(again.length >= 2, JSON.stringify(seen));
  for (const r of again) assert.ok(r.cached && r.status === 200, `${r.path} came from the network: ${JSON.stringify(r)}`);
  await context.close();
});

test("the iframe fallback embeds a widget and grows to its content", async () => {
  const page = await browser.newPage();
  await page.goto(BASE + "/test/iframe.html");
  const frame = page.frameLocator("iframe[data-bangfu]");
  await frame.locator("bangfu-income [data-testid=household-size]").waitFor();
  await page.waitForFunction(() => document.querySelector("iframe[data-bangfu]").getBoundingClientRect().height > 400);
  const w = frame.locator("bangfu-income");
  await w.locator("[data-testid=household-size]").fill("1");
  await fillItem(w, 0, { category: "wage", item: "务工", amount: "7799.99" });
  assert.match(await w.locator("[data-testid=verdict]").textContent(), /低于/);
  await page.close();
});

test("the versioned dist lists every file with a matching SHA-384", () => {
  const distRoot = new URL("../../dist/", import.meta.url);
  assert.ok(existsSync(distRoot), "cargo xtask test builds dist/ before the browser tests");
  const [release] = readdirSync(distRoot).filter((d) => d.startsWith("bangfu-"));
  const dir = new URL(`${release}/`, distRoot);
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8"));
  // The everyday bundle (6 files) with, per variant, the split engine's link module and every
  // piece its loader names, and the screening bundle: loader, stylesheet, and per variant glue,
  // wasm, worker script and wasm-bindgen snippet.
  const everydayLoader = readFileSync(new URL(manifest.entry, dir), "utf8");
  const chunks = JSON.parse(/^var CHUNKS = (\{.*\});$/m.exec(everydayLoader)[1]);
  const split = Object.values(chunks).flatMap((map) => [...new Set(Object.values(map).flat())]);
  assert.ok(split.length >= 2 * 5, `link modules and pieces: ${split.length}`);
  assert.equal(Object.keys(manifest.files).length, 6 + split.length + 2 + 2 * 4);
  const listed = new Set(Object.values(manifest.files).map((e) => e.file));
  const integrity = /^var INTEGRITY = (\{.*\});$/m.exec(everydayLoader)[1];
  for (const file of split) {
    assert.ok(listed.has(file), `${file} (named by the loader) is in the manifest`);
    assert.ok(integrity.includes(`"${file}": "sha384-`), `${file} has its SRI hash in the loader`);
  }
  for (const [logical, entry] of Object.entries(manifest.files)) {
    const bytes = readFileSync(new URL(entry.file, dir));
    const sri = "sha384-" + createHash("sha384").update(bytes).digest("base64");
    assert.equal(entry.integrity, sri, logical);
    if (logical.includes("/snippets/")) continue; // the glue imports it by its built path
    assert.match(entry.file, /\.[0-9a-f]{12}\.(js|wasm|css)$/);
    for (const packed of [".br", ".gz"]) assert.ok(existsSync(new URL(entry.file + packed, dir)), entry.file + packed);
  }
  const loader = readFileSync(new URL(manifest.entry, dir), "utf8");
  assert.ok(loader.includes(manifest.files["bangfu_widgets_bg.wasm"].file));
  assert.ok(loader.includes(manifest.files["compat/bangfu_widgets.js"].file));
  assert.ok(loader.includes(`var CSS_FILE = "${manifest.files["bangfu.css"].file}";`), "the stylesheet file under its hashed name");
});

/** The release directory `cargo xtask dist` wrote, and its manifest. */
function release() {
  const distRoot = new URL("../../dist/", import.meta.url);
  assert.ok(existsSync(distRoot), "cargo xtask test builds dist/ before the browser tests");
  const [name] = readdirSync(distRoot).filter((d) => d.startsWith("bangfu-") && !d.endsWith(".tgz"));
  const dir = new URL(`${name}/`, distRoot);
  return { dir, manifest: JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8")) };
}

/**
 * A static server of the release under /bangfu/ (as the nginx snippet in docs/embedding.md
 * deploys it) and `page` at /page.html; records every path asked for, with its status.
 */
async function serveRelease(dir, page) {
  const types = { js: "text/javascript", wasm: "application/wasm", css: "text/css", html: "text/html; charset=utf-8" };
  const log = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    let body = null;
    if (path === "/page.html") body = Buffer.from(page);
    else if (path.startsWith("/bangfu/") && !path.includes("..")) {
      const file = new URL(path.slice("/bangfu/".length), dir);
      if (existsSync(file)) body = readFileSync(file);
    }
    log.push({ path, status: body ? 200 : 404 });
    if (!body) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "Content-Type": types[path.split(".").pop()] || "application/octet-stream" });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, log, base: `http://127.0.0.1:${server.address().port}` };
}

test("a page with the dist's screening snippet screens a CSV in the hashed worker, modern and compat, fetching no everyday wasm", async () => {
  const { dir, manifest } = release();
  assert.ok(manifest.screening_entry, "the manifest names the screening loader");
  const snippetFile = new URL("snippet-screening.html", dir);
  assert.ok(existsSync(snippetFile), "dist writes snippet-screening.html");
  const snippet = readFileSync(snippetFile, "utf8");
  assert.ok(snippet.includes(manifest.screening_entry));
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">${snippet}</head>
<body><bangfu-screening year="2024" date="2024-10-01"></bangfu-screening></body></html>`;
  const { server, log, base } = await serveRelease(dir, html);
  try {
    // The modern build, then the compat build (forced as the loader allows, for testing).
    for (const [query, variant] of [["", ""], ["?bangfu-compat=1", "compat/"]]) {
      log.length = 0;
      const page = await browser.newPage();
      const errors = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      const workers = [];
      page.on("worker", (worker) => workers.push(worker.url()));
      await page.goto(base + "/page.html" + query);
      const d = page.locator("bangfu-screening");
      await d.locator("[data-testid=file-input]").setInputFiles(FIX + "households-gbk.csv");
      await d.locator("[data-testid=mapping]").waitFor({ timeout: 30000 });
      await d.locator("[data-testid=start]").click();
      await d.locator("[data-testid=results]").waitFor({ timeout: 30000 });
      assert.equal(await d.locator("[data-testid=totals]").textContent(), "核查 15 户，有疑点 12 户。");
      assert.equal(await d.locator("[data-testid=flagged-row]").count(), 12);
      if (!variant) await page.screenshot({ path: shot("dist-screening.png"), fullPage: true });
      // Read and screened in the release's worker script, under its hashed name.
      const worker = new RegExp(`/bangfu/screening/${variant}screening-worker\\.[0-9a-f]{12}\\.js$`);
      assert.ok(workers.some((u) => worker.test(u)), `workers: ${workers}`);
      const missing = log.filter((r) => r.status !== 200).map((r) => r.path);
      assert.deepEqual(missing, [], "every file the page and its worker ask for is in the release");
      const paths = log.map((r) => r.path);
      assert.ok(paths.includes("/bangfu/" + manifest.files[`screening/${variant}bangfu_widgets_bg.wasm`].file), paths.join("\n"));
      assert.deepEqual(paths.filter((p) => p.endsWith(".wasm") && !p.startsWith("/bangfu/screening/")), [], "no everyday-widget wasm");
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    server.close();
  }
});
