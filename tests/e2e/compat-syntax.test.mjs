// The JavaScript that old engines run must parse there. The floor is Chromium 69/70 (measured
// in real builds, tests/matrix/), whose syntax is ES2018 plus the two module features it has
// since 63/64, dynamic `import()` and `import.meta` (acorn only accepts them from ES2020). So:
// parse as ES2020 and reject every node newer than ES2018 other than those two. No browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import * as acorn from "acorn";

const www = new URL("../../www/", import.meta.url);

/** The syntax of ES2019/ES2020 that Chromium 69 does not parse, by what it looks like in the AST. */
const TOO_NEW = [
  ["optional chaining `?.` (Chromium 80)", (n) => n.type === "ChainExpression"],
  ["nullish coalescing `??` (Chromium 80)", (n) => n.type === "LogicalExpression" && n.operator === "??"],
  ["`export * as ns` (Chromium 72)", (n) => n.type === "ExportAllDeclaration" && n.exported],
  ["numeric separators (Chromium 75)", (n) => n.type === "Literal" && typeof n.raw === "string" && /^[0-9.]/.test(n.raw) && n.raw.includes("_")],
];

/** Every syntax error for Chromium 69 in `text`, as "what at offset". */
function tooNew(text, sourceType = "module") {
  const ast = acorn.parse(text, { ecmaVersion: 2020, sourceType });
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    for (const [what, is] of TOO_NEW) if (is(node)) found.push(`${what} at ${node.start}: ${text.slice(node.start, node.start + 60)}`);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === "string") visit(value);
    }
  };
  visit(ast);
  return found;
}

const FILES = [
  ["pkg/bangfu.js", "module"],
  ["pkg/compat/bangfu_widgets.js", "module"],
  ["pkg/compat/bangfu_split.js", "module"],
  ["guide.js", "module"],
  ["embed.js", "module"],
  ["embed-host.js", "script"],
  ["sw.js", "script"],
  ["sw-register.js", "script"],
  // The quarterly data check's compat bundle, its worker and wasm-bindgen's snippet.
  ["pkg/screening/compat/bangfu_widgets.js", "module"],
  ["pkg/screening/compat/screening-worker.js", "module"],
  ...readdirSync(new URL("pkg/screening/compat/snippets/", www), { recursive: true })
    .filter((f) => f.endsWith(".js")).map((f) => [`pkg/screening/compat/snippets/${f}`, "module"]),
];

for (const [file, sourceType] of FILES) {
  test(`${file} parses in Chromium 69 (ES2018 syntax, plus import() and import.meta)`, () => {
    const text = readFileSync(new URL(file, www), "utf8");
    assert.deepEqual(tooNew(text, sourceType), []);
  });
}

test("the Chromium 69 check catches what wasm-bindgen emits and what 80+ parses (it can fail)", () => {
  assert.equal(tooNew("const v = /x(\\d)/.exec(s)?.[1];").length, 1);
  assert.equal(tooNew("let a = b ?? 1;").length, 1);
  assert.equal(tooNew("export * as ns from './x.js';").length, 1);
  assert.throws(() => tooNew("let a; a ??= 1;"), "ES2021 does not even parse as ES2020");
  assert.deepEqual(tooNew("const m = import('./x.js'); const u = import.meta.url;"), []);
});
