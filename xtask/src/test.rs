//! `cargo xtask test`: every check, in order, continuing past failures so one run shows
//! everything; closes with one line `N passed, N failed` (tests counted from cargo's and
//! node's own summaries; a failed check that is not a test runner counts as one failure).

use std::process::Command;
use std::time::Instant;

use crate::bundle;
use crate::root;
use crate::run::output;
use crate::server;
use crate::tools::{self, WASM_TARGET};

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    lines: Vec<String>,
}

impl Tally {
    fn record(&mut self, name: &str, passed: u64, failed: u64, ok: bool, secs: f64) {
        // A runner that failed without reporting a failed test (compile error, crash) still fails.
        let failed = if !ok && failed == 0 { 1 } else { failed };
        self.passed += passed;
        self.failed += failed;
        let mark = if failed == 0 { "ok  " } else { "FAIL" };
        self.lines.push(format!(
            "{mark} {name:<38} {passed:>5} passed {failed:>3} failed  {secs:>6.1}s"
        ));
    }
}

/// Sums `test result: ok. N passed; M failed` lines of cargo test / nextest output.
fn cargo_counts(text: &str) -> (u64, u64) {
    let mut passed = 0;
    let mut failed = 0;
    for line in text.lines().filter(|l| l.starts_with("test result:")) {
        let num_before = |word: &str| -> u64 {
            line.split(';')
                .find(|part| part.trim_end().ends_with(word))
                .and_then(|part| part.split_whitespace().rev().nth(1))
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        };
        passed += num_before("passed");
        failed += num_before("failed");
    }
    (passed, failed)
}

/// Reads `# pass N` / `# fail N` from node's TAP reporter.
fn node_counts(text: &str) -> (u64, u64) {
    let get = |key: &str| {
        text.lines()
            .rev()
            .filter_map(|l| l.trim().strip_prefix(key))
            .find_map(|n| n.trim().parse::<u64>().ok())
            .unwrap_or(0)
    };
    (get("# pass "), get("# fail "))
}

/// Reads (passed, failed) from a runner's output.
type Counter = fn(&str) -> (u64, u64);

fn step(tally: &mut Tally, name: &str, cmd: &mut Command, counts: Option<Counter>) {
    let start = Instant::now();
    let (ok, text) = match output(cmd) {
        Ok(r) => r,
        Err(e) => (false, e),
    };
    let secs = start.elapsed().as_secs_f64();
    let (passed, failed) = match counts {
        Some(f) => f(&text),
        None => (u64::from(ok), u64::from(!ok)),
    };
    if !ok || failed > 0 || std::env::var_os("XTASK_VERBOSE").is_some() {
        eprintln!("{text}");
    }
    tally.record(name, passed, failed, ok, secs);
}

fn cargo(args: &[&str]) -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(root()).args(args);
    c
}

const MATRIX: &str = "browser matrix (Chromium 70 … today)";

/// The old-browser matrix (tests/matrix/): installs the browsers when the cache lacks them,
/// then runs every check in each; the table lands in tests/artifacts/browser-matrix.md.
fn browser_matrix(tally: &mut Tally, browser: &tools::BrowserTools, port: u16) {
    let start = Instant::now();
    let browsers = match crate::oldchrome::ensure_browsers(&browser.node, &browser.chromium) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("xtask: old Chromium builds: {e}");
            tally.record(MATRIX, 0, 1, false, start.elapsed().as_secs_f64());
            return;
        }
    };
    let tests_dir = root().join("tests");
    let mut cmd = Command::new(&browser.node);
    cmd.current_dir(&tests_dir)
        .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
        .arg("matrix/matrix.test.mjs")
        .env("BANGFU_BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("BANGFU_BROWSERS", browsers)
        .env("BANGFU_ARTIFACTS", tests_dir.join("artifacts"));
    step(tally, MATRIX, &mut cmd, Some(node_counts));
    if let Ok(table) = std::fs::read_to_string(tests_dir.join("artifacts/browser-matrix.md")) {
        println!("{table}");
    }
}

pub fn run_all() -> Result<(), String> {
    let started = Instant::now();
    let mut tally = Tally::default();

    let build_tools = tools::ensure_build_tools();
    let browser_tools = tools::ensure_browser_tools();
    tally.record(
        "install tools",
        0,
        0,
        build_tools.is_ok() && browser_tools.is_ok(),
        started.elapsed().as_secs_f64(),
    );
    for e in [build_tools.as_ref().err(), browser_tools.as_ref().err()]
        .into_iter()
        .flatten()
    {
        eprintln!("xtask: {e}");
    }

    step(
        &mut tally,
        "cargo fmt --check",
        &mut cargo(&["fmt", "--all", "--", "--check"]),
        None,
    );
    step(
        &mut tally,
        "clippy (host, all targets)",
        &mut cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--features",
            "bangfu-widgets/screening",
            "--",
            "-D",
            "warnings",
        ]),
        None,
    );
    step(
        &mut tally,
        "clippy (wasm32, libraries)",
        &mut cargo(&[
            "clippy",
            "--target",
            WASM_TARGET,
            "-p",
            "bangfu-policy",
            "-p",
            "bangfu-widgets",
            "--lib",
            "--features",
            "bangfu-widgets/screening,bangfu-widgets/split",
            "--",
            "-D",
            "warnings",
        ]),
        None,
    );
    step(
        &mut tally,
        "unit, golden and property tests",
        &mut cargo(&["test", "--workspace"]),
        Some(cargo_counts),
    );
    step(
        &mut tally,
        "fuzz (short; cargo xtask fuzz runs 10^7)",
        &mut cargo(&["run", "-q", "-p", "bangfu-fuzz", "--", "20000"]),
        None,
    );

    let bundle = match &build_tools {
        Ok(t) => {
            let start = Instant::now();
            let b = bundle::build(t);
            tally.record(
                "widget build (wasm, release)",
                0,
                0,
                b.is_ok(),
                start.elapsed().as_secs_f64(),
            );
            if let Err(e) = &b {
                eprintln!("xtask: {e}");
            }
            b.ok()
        }
        Err(_) => None,
    };

    if bundle.is_some() {
        // The engine and every piece of the split compat bundle (MVP, plus mutable globals
        // shared between the pieces, which Chromium 69+ has).
        let pkg = root().join("www/pkg");
        let mut compat = vec![pkg.join("compat/bangfu_widgets_bg.wasm")];
        let pieces: Vec<_> = crate::split_place::placed_files(&pkg)
            .unwrap_or_default()
            .into_iter()
            .filter(|f| f.starts_with("compat/") && f.ends_with(".wasm"))
            .map(|f| pkg.join(f))
            .collect();
        if pieces.len() < 2 {
            tally.record("compat bundle is split into pieces", 0, 1, false, 0.0);
        }
        compat.extend(pieces);
        for wasm in &compat {
            let name = wasm.file_name().and_then(|n| n.to_str()).unwrap_or("");
            step(
                &mut tally,
                &format!("compat {name} has no post-MVP feature"),
                Command::new("wasm-validate")
                    .args([
                        "--disable-reference-types",
                        "--disable-multi-value",
                        "--disable-bulk-memory",
                        "--disable-saturating-float-to-int",
                        "--disable-sign-extension",
                    ])
                    .arg(wasm),
                None,
            );
        }
        let start = Instant::now();
        let d = crate::dist::dist();
        tally.record(
            "dist with SRI manifest",
            0,
            0,
            d.is_ok(),
            start.elapsed().as_secs_f64(),
        );
        if let Err(e) = d {
            eprintln!("xtask: {e}");
        }
    }

    match (&bundle, &browser_tools) {
        (Some(_), Ok(browser)) => {
            let port = server::spawn(root().join("www"))?;
            let tests_dir = root().join("tests");
            let mut files: Vec<String> = std::fs::read_dir(tests_dir.join("e2e"))
                .map_err(|e| format!("tests/e2e: {e}"))?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            files.sort();
            let mut cmd = Command::new(&browser.node);
            cmd.current_dir(&tests_dir)
                .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
                .args(&files)
                .env("BANGFU_BASE_URL", format!("http://127.0.0.1:{port}"))
                .env("BANGFU_CHROMIUM", &browser.chromium)
                .env("BANGFU_ARTIFACTS", tests_dir.join("artifacts"));
            step(
                &mut tally,
                "browser tests (headless Chromium)",
                &mut cmd,
                Some(node_counts),
            );
            browser_matrix(&mut tally, browser, port);
        }
        _ => {
            tally.record("browser tests (headless Chromium)", 0, 1, false, 0.0);
            tally.record(MATRIX, 0, 1, false, 0.0);
        }
    }

    println!();
    for line in &tally.lines {
        println!("{line}");
    }
    println!("total time {:.0}s", started.elapsed().as_secs_f64());
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        Ok(())
    } else {
        Err("some checks failed".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_and_node_summaries_are_added_up() {
        let cargo_out = "test result: ok. 17 passed; 0 failed; 0 ignored\nfoo\ntest result: FAILED. 2 passed; 1 failed; 0 ignored";
        assert_eq!(cargo_counts(cargo_out), (19, 1));
        assert_eq!(node_counts("# tests 5\n# pass 4\n# fail 1\n"), (4, 1));
    }
}
