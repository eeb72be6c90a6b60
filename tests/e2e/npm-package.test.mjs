// The npm package as a portal with a bundler would get it: `cargo xtask dist` packs
// `dist/bangfu-<version>.tgz` (`npm pack` of www/pkg); here it is installed into a scratch
// project, imported through Node's resolver, and served as a page that mounts a widget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { launch, mounted, shot } from "./helpers.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;

/** The tarball `cargo xtask dist` wrote (BANGFU_NPM_TARBALL names another). */
function tarball() {
  if (process.env.BANGFU_NPM_TARBALL) return process.env.BANGFU_NPM_TARBALL;
  const found = existsSync(dist) ? readdirSync(dist).filter((f) => /^bangfu-.*\.tgz$/.test(f)) : [];
  assert.ok(found.length > 0, `no bangfu-*.tgz in ${dist}: run cargo xtask dist`);
  found.sort((a, b) => statSync(join(dist, b)).mtimeMs - statSync(join(dist, a)).mtimeMs);
  return join(dist, found[0]);
}

let app;
let browser;
let server;
let base;

before(async () => {
  app = mkdtempSync(join(tmpdir(), "bangfu-npm-"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball()], { cwd: app, stdio: "pipe" });
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(app, path === "/" ? "index.html" : path);
    if (!file.startsWith(app) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

test("the package's manifest names its entry, types, files and version", () => {
  const pkg = JSON.parse(readFileSync(join(app, "node_modules/bangfu/package.json"), "utf8"));
  assert.equal(pkg.name, "bangfu");
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.equal(pkg.exports["."].types, "./bangfu.d.ts");
  const installed = join(app, "node_modules/bangfu");
  for (const file of pkg.files) {
    if (!file.includes("*")) {
      assert.ok(existsSync(join(installed, file)), `${file} is in the tarball`);
      continue;
    }
    // The content-hashed copies the loader names (one of each).
    const [dir, name] = file.includes("/") ? file.split("/") : [".", file];
    const parts = name.split("*");
    const [head, tail] = [parts[0], parts[parts.length - 1]];
    const found = readdirSync(join(installed, dir)).filter((f) => f.startsWith(head) && f.endsWith(tail) && /\.[0-9a-f]{12}\./.test(f));
    // One copy of each file; the split engine's pieces (`…_chunk_*.*.wasm`) are several.
    if (parts.length > 2) assert.ok(found.length >= 2, `${file}: ${found.join(" ")}`);
    else assert.equal(found.length, 1, `${file}: ${found.join(" ")}`);
  }
  const loader = readFileSync(join(installed, "bangfu.js"), "utf8");
  const line = /^var FILES = (\{.*\});$/m.exec(loader);
  assert.ok(line, "the loader has a FILES line");
  for (const name of Object.values(JSON.parse(line[1])).flat()) {
    assert.ok(existsSync(join(installed, name)), `the loader's ${name} is in the tarball`);
  }
  const chunks = /^var CHUNKS = (\{.*\});$/m.exec(loader);
  assert.ok(chunks, "the loader has a CHUNKS line");
  const pieces = Object.values(JSON.parse(chunks[1])).flatMap((variant) => Object.values(variant).flat());
  assert.ok(pieces.length >= 10, `the split engine's pieces: ${pieces.length}`);
  for (const name of pieces) assert.ok(existsSync(join(installed, name)), `the loader's ${name} is in the tarball`);
  const types = readFileSync(join(app, "node_modules/bangfu/bangfu.d.ts"), "utf8");
  for (const name of ["evaluate", "ready", "evaluateSync"]) assert.match(types, new RegExp(`export function ${name}\\(`));
  for (const tag of ["bangfu-income", "bangfu-eligibility", "bangfu-deadlines", "bangfu-subsidy"]) assert.ok(types.includes(`"${tag}"`), tag);
  assert.ok(types.includes('"bangfu-result": CustomEvent<BangfuResultDetail>'));
});

test("Node's resolver imports the package and finds evaluate, ready and evaluateSync", () => {
  const script = "const m = await import('bangfu'); console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]))));";
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: app, encoding: "utf8" });
  const exported = JSON.parse(out.trim());
  for (const name of ["evaluate", "ready", "evaluateSync", "engineVariant"]) assert.equal(exported[name], "function", name);
  const resolved = execFileSync(process.execPath, ["--input-type=module", "-e", "console.log(import.meta.resolve('bangfu'))"], { cwd: app, encoding: "utf8" });
  assert.match(resolved.trim(), /node_modules\/bangfu\/bangfu\.js$/);
});

test("a page built from the installed package mounts a widget and answers evaluateSync", async () => {
  writeFileSync(join(app, "index.html"), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>npm</title>
<script type="module">
  import { ready, evaluateSync } from "./node_modules/bangfu/bangfu.js";
  window.answer = ready().then(() => evaluateSync({ calculator: "income",
    input: { year: 2024, household_size: 3, operating_expenses: "0", items: [{ category: "wage", item: "县内务工", amount: "12000" }] } }));
</script></head><body><bangfu-income year="2024" mode="simple"></bangfu-income></body></html>`);
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(base + "/");
  await mounted(page);
  const answer = await page.evaluate(() => window.answer);
  assert.equal(answer.ok, true);
  assert.equal(answer.result.per_capita_net_income, "4000.00");
  await page.screenshot({ path: shot("npm-package.png") });
  assert.deepEqual(errors, []);
  await page.close();
});
