//! `cargo xtask` — the project's one entry point (std only, so it builds in seconds).
//!
//! - `cargo xtask serve [--port N]`: install what is missing, build the widgets (release),
//!   serve `www/` on http://127.0.0.1:8080.
//! - `cargo xtask test`: install what is missing, then fmt, clippy (host + wasm32), unit and
//!   golden tests, the widget build, and the browser tests; ends with `N passed, N failed`.
//! - `cargo xtask build`: only build the widgets into `www/pkg/`.
//! - `cargo xtask docs`: regenerate the parameter tables of `docs/policy.md` from the rule sets.

mod bench;
mod bench_screening;
mod bundle;
mod dist;
mod dist_screening;
mod hashed;
mod npm;
mod oldchrome;
mod precompress;
mod remap;
mod run;
mod server;
mod split;
mod split_place;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "cargo xtask <command>
  serve [--port N]   build the widgets and serve www/ (default port 8080)
  test               every check: fmt, clippy, unit/golden tests, browser tests
  build              build the widgets into www/pkg/
  fuzz [COUNT]       the mutation fuzzer over the JSON API (default 10,000,000 requests)
  bench              sizes, load time under Slow 4G, evaluate() and batch speed, the screening of
                     100,000 rows in the browser (target/bench/bench.json)
  dist               a versioned dist/bangfu-<version>/ with hashed names and SRI manifest
  docs               regenerate the parameter tables of docs/policy.md from the rule-set data";

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let outcome = match args.as_slice() {
        ["serve"] => serve(8080),
        ["serve", "--port", port] => match port.parse() {
            Ok(p) => serve(p),
            Err(_) => Err(format!("bad port {port}")),
        },
        ["test"] => test::run_all(),
        ["build"] => tools::ensure_build_tools().and_then(|t| bundle::build(&t).map(|_| ())),
        ["fuzz"] => run::status(
            std::process::Command::new("cargo")
                .current_dir(root())
                .args(["run", "--release", "-p", "bangfu-fuzz", "--", "10000000"]),
        ),
        ["fuzz", count] => run::status(
            std::process::Command::new("cargo")
                .current_dir(root())
                .args(["run", "--release", "-p", "bangfu-fuzz", "--", count]),
        ),
        ["bench"] => bench::run(),
        // The generator is the test that checks the tables (crates/bangfu-policy/tests/policy_doc.rs).
        ["docs"] => run::status(
            std::process::Command::new("cargo")
                .current_dir(root())
                .env("BANGFU_UPDATE_DOCS", "1")
                .args(["test", "-q", "-p", "bangfu-policy", "--test", "policy_doc"]),
        ),
        ["dist"] => tools::ensure_build_tools()
            .and_then(|t| bundle::build(&t))
            .and_then(|_| dist::dist().map(|_| ())),
        _ => {
            eprintln!("{HELP}");
            return if args.is_empty() || args == ["--help"] {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(port: u16) -> Result<(), String> {
    let tools = tools::ensure_build_tools()?;
    bundle::build(&tools)?;
    let listener = server::bind(port)?;
    println!("Bangfu demo portal: http://127.0.0.1:{port}/  (Ctrl-C to stop)");
    server::serve_forever(listener, root().join("www"));
    Ok(())
}
