// Unpacks the headless Chromium shells that the packages in ./package.json carry (brotli files:
// the binary, `aws.tar.br` with libnss3 and friends, `swiftshader.tar.br`) into a cache folder,
// one sub-folder per package and version, finished by a `ready` marker so a second run skips it.
// Usage: node unpack.mjs CACHE_DIR  — prints one line per browser: `name<TAB>binary<TAB>libdir`.
// Run by `cargo xtask test` after `npm ci --ignore-scripts` here (toolchain.md "Real old Chromium builds").
import { readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync, chmodSync, rmSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const cache = process.argv[2];
if (!cache) throw new Error("usage: node unpack.mjs CACHE_DIR");
const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));

/** The cache folder of one alias, e.g. chromium-80 → CACHE/chromium-80-chrome-aws-lambda@2.1.1. */
function folderOf(alias) {
  const spec = manifest.devDependencies[alias].replace(/^npm:/, "").replace(/[\/]/g, "+");
  return join(cache, `${alias}-${spec}`);
}

/** Decompresses `brFile` into `outFile`. */
function unbrotli(brFile, outFile) {
  writeFileSync(outFile, brotliDecompressSync(readFileSync(brFile)));
}

function unpack(alias, dir) {
  const bin = join(here, "node_modules", alias, "bin");
  if (!existsSync(bin)) throw new Error(`${bin} missing: run npm ci --ignore-scripts in tests/oldchrome`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(bin)) {
    if (!file.endsWith(".br")) continue;
    if (file.endsWith(".tar.br")) {
      const tar = join(dir, file.replace(/\.br$/, ""));
      unbrotli(join(bin, file), tar);
      execFileSync("tar", ["-xf", tar, "-C", dir]);
      rmSync(tar);
    } else {
      // `chromium.br` or (1.7.0) `chromium-70.0.3508.0.br`.
      unbrotli(join(bin, file), join(dir, "chromium"));
      chmodSync(join(dir, "chromium"), 0o755);
    }
  }
  if (!existsSync(join(dir, "chromium"))) throw new Error(`${alias}: no chromium binary in ${bin}`);
  writeFileSync(join(dir, "ready"), "");
}

for (const alias of Object.keys(manifest.devDependencies)) {
  const dir = folderOf(alias);
  if (!existsSync(join(dir, "ready"))) unpack(alias, dir);
  console.log(`${alias}\t${join(dir, "chromium")}\t${join(dir, "lib")}`);
}
