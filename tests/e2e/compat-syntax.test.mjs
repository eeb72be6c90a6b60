// The JavaScript that old engines run must parse there: the loader and the compat glue are
// parsed as ES2020 modules (Chromium 80's level; ES2021's `??=`, `||=` need 85). No browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as acorn from "acorn";

const pkg = new URL("../../www/pkg/", import.meta.url);

for (const file of ["bangfu.js", "compat/bangfu_widgets.js"]) {
  test(`${file} parses as an ES2020 module (Chromium 80)`, () => {
    const text = readFileSync(new URL(file, pkg), "utf8");
    assert.doesNotThrow(() => acorn.parse(text, { ecmaVersion: 2020, sourceType: "module" }));
  });
}

test("the ES2020 check would catch newer syntax (it can fail)", () => {
  assert.throws(() => acorn.parse("let a; a ??= 1;", { ecmaVersion: 2020, sourceType: "module" }));
});
