//! The quarterly data check's benchmark (part of `cargo xtask bench`): 100,000 generated
//! households as CSV and as XLSX, screened in `<bangfu-screening>` in headless Chromium end to
//! end (file read, screening in the worker, the flagged table drawn) with the page's peak
//! memory (`tests/bench/screening.mjs`), and by `bangfu screen` on the command line.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::root;
use crate::run::{output, status};
use crate::tools::BrowserTools;

/// Households in the generated files.
const ROWS: &str = "100000";

/// Runs the benchmark against the server on `port`; adds lines to `table` and the last field
/// to `json`.
pub fn run(
    browser: &BrowserTools,
    port: u16,
    table: &mut String,
    json: &mut String,
) -> Result<(), String> {
    let root = root();
    let dir = root.join("target/bench/screening");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    status(
        Command::new("cargo")
            .current_dir(&root)
            .args(["run", "--release", "-q", "-p", "bangfu-sheet"])
            .args(["--example", "screening_fixtures", "--"])
            .arg(&dir)
            .args(["--rows", ROWS]),
    )?;
    status(Command::new("cargo").current_dir(&root).args([
        "build",
        "--release",
        "-q",
        "-p",
        "bangfu-cli",
    ]))?;
    let files: Vec<_> = ["csv", "xlsx"]
        .iter()
        .map(|ext| dir.join(format!("generated-{ROWS}.{ext}")))
        .collect();
    for f in &files {
        let start = Instant::now();
        let ok = Command::new(root.join("target/release/bangfu"))
            .arg("screen")
            .arg(f)
            .args(["--date", "2024-10-01", "--out"])
            .arg(dir.join("flagged.xlsx"))
            .stderr(Stdio::null())
            .status()
            .map_err(|e| e.to_string())?;
        writeln!(
            table,
            "bangfu screen {}: {:.2}s (exit {ok})",
            name(f),
            start.elapsed().as_secs_f64()
        )
        .ok();
    }
    let (ok, text) = output(
        Command::new(&browser.node)
            .current_dir(root.join("tests"))
            .arg("bench/screening.mjs")
            .args(&files)
            .env("BANGFU_BASE_URL", format!("http://127.0.0.1:{port}"))
            .env("BANGFU_CHROMIUM", &browser.chromium),
    )?;
    if !ok {
        eprintln!("{text}");
    }
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('{')).collect();
    for l in &lines {
        writeln!(table, "screening in the browser: {l}").ok();
    }
    let _ = writeln!(json, "  \"screening_browser\": [{}]", lines.join(", "));
    Ok(())
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
