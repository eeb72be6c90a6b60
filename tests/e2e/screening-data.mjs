// Files for the screening browser tests: the fixtures (tests/fixtures/screening, written by
// `cargo run -p bangfu-sheet --example screening_fixtures`), a generated CSV of any size, and
// `bangfu screen` itself, whose output the widget's exports must equal byte for byte.
import { existsSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";

export const FIX = new URL("../fixtures/screening/", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;

/** `bangfu screen PATH --date 2024-10-01` as CSV bytes (the CLI built by cargo). */
export function cli(path) {
  // The most recently built CLI (a stale one would not be the code under test).
  const bin = ["target/release/bangfu", "target/debug/bangfu"].map((p) => ROOT + p).filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const args = ["screen", path, "--date", "2024-10-01"];
  return bin
    ? execFileSync(bin, args, { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 28 })
    : execFileSync("cargo", ["run", "-q", "-p", "bangfu-cli", "--", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 28 });
}

/**
 * A generated CSV of `n` households: a tenth with a mismatched per-capita figure, and the
 * lowest and highest incomes flagged as below the range or unusually high (20,000 rows: 9,161
 * flagged; 100,000: 45,599, as `bangfu screen` counts them).
 */
export function bigCsv(n) {
  const lines = ["户编号,户主姓名,所属乡镇,所属村,家庭人口,工资性收入,生产经营性收入,转移性收入,生产经营性支出,人均纯收入,户类型"];
  for (let i = 0; i < n; i++) {
    const size = 1 + (i % 5);
    const wage = 10000 + (i * 37) % 40000;
    const net = wage + 3000;
    const pc = (net / size + (i % 10 === 3 ? 50 : 0)).toFixed(2);
    lines.push(`62${String(i).padStart(10, "0")},户主${i},${["薛百镇", "大坝镇", "收成镇"][i % 3]},${i % 7}村,${size},${wage},3000,0,0,${pc},一般户`);
  }
  return Buffer.from(lines.join("\n"));
}
