// The engine files the built loader (www/pkg/bangfu.js) fetches, read from its `FILES` line:
// the build names them by content hash, so tests ask the loader instead of assuming a name.
import { readFileSync } from "node:fs";

const LOADER = new URL("../www/pkg/bangfu.js", import.meta.url);

/** { modern: [glue, wasm], compat: [glue, wasm] } as URL paths under /pkg/. */
export function engineFiles() {
  const text = readFileSync(LOADER, "utf8");
  const line = /^var FILES = (\{.*\});$/m.exec(text);
  if (!line) throw new Error("www/pkg/bangfu.js has no FILES line");
  const files = JSON.parse(line[1]);
  const paths = (pair) => pair.map((f) => "/pkg/" + f);
  return { modern: paths(files.modern), compat: paths(files.compat) };
}

/** The wasm path each variant downloads. */
export function engineWasm() {
  const f = engineFiles();
  return { modern: f.modern[1], compat: f.compat[1] };
}

/**
 * The split engine's pieces each variant's widgets need, read from the loader's `CHUNKS` line:
 * { modern: { income: ["/pkg/…"], … }, compat: { … } } (the link module left out).
 */
export function enginePieces() {
  const text = readFileSync(LOADER, "utf8");
  const line = /^var CHUNKS = (\{.*\});$/m.exec(text);
  if (!line) throw new Error("www/pkg/bangfu.js has no CHUNKS line");
  const out = {};
  for (const [variant, map] of Object.entries(JSON.parse(line[1]))) {
    out[variant] = {};
    for (const [kind, files] of Object.entries(map)) {
      if (kind !== "link") out[variant][kind] = files.map((f) => "/pkg/" + f);
    }
  }
  return out;
}
