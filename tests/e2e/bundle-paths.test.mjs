// The wasm a portal serves must not carry the building machine's folders: rustc writes the
// source path of every panic location into it (`/root/.cargo/registry/src/…/yew-0.23.0/…`),
// and xtask remaps them (xtask/src/remap.rs). Reads every built .wasm under www/pkg/. No browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const pkg = new URL("../../www/pkg/", import.meta.url).pathname;
const workspace = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

/** Every .wasm file under `dir`. */
function wasmFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? wasmFiles(join(dir, e.name)) : e.name.endsWith(".wasm") ? [join(dir, e.name)] : [],
  );
}

/** The folders of this machine that must not appear, with a name for the message. */
const FOLDERS = [
  ["the workspace", workspace],
  ["cargo's home", process.env.CARGO_HOME || join(homedir(), ".cargo")],
  ["the home folder", homedir()],
].filter(([, path]) => path.length > 1);

test("no built wasm holds this machine's workspace, cargo or home folder (it can fail)", () => {
  const files = wasmFiles(pkg);
  assert.ok(files.length >= 4, `expected the modern, compat and screening wasm in ${pkg}, found ${files}`);
  const found = [];
  for (const file of files) {
    const bytes = readFileSync(file).toString("latin1");
    for (const [name, path] of FOLDERS) {
      const at = bytes.indexOf(path + "/");
      if (at >= 0) found.push(`${file.slice(pkg.length)}: ${name} (${bytes.slice(at, at + 80)})`);
    }
  }
  assert.deepEqual(found, []);
});
