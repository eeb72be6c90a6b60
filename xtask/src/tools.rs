//! Installs what the build and the tests need, when it is missing, and finds it otherwise
//! (toolchain.md). Each check is cheap, so a second run starts in seconds.
//!
//! - wasm32 target: `rustup target add`;
//! - wasm-bindgen CLI of exactly the version in Cargo.lock: `cargo install` (no `--locked`:
//!   the registry lacks a locked transitive version), kept in `$CARGO_HOME/bin`;
//! - wasm-split-cli (`wasm_split_cli_support`, cuts the everyday bundle into the engine, shared
//!   code and a chunk per widget): `cargo install --locked` of the pinned version into its own
//!   folder under `$CARGO_HOME` (under a minute, once per machine);
//! - wasm-opt from npm's binaryen (Debian's is too old for current wasm) and esbuild (lowers
//!   the compat glue to ES2018), pinned in `xtask/npm/`;
//! - Chromium, ChromeDriver and CJK fonts from Debian; Node.js and npm if absent;
//! - playwright-core for the browser tests, in `tests/node_modules/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;
use crate::run::{output, status, version_of};

pub struct BuildTools {
    pub wasm_bindgen: PathBuf,
    pub wasm_opt: PathBuf,
    pub esbuild: PathBuf,
    pub wasm_split: PathBuf,
}

pub struct BrowserTools {
    pub chromium: PathBuf,
    pub node: PathBuf,
}

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_OPT_MAJOR: &str = "132";
const ESBUILD_VERSION: &str = "0.28.2";
const WASM_SPLIT_VERSION: &str = "0.2.4";

/// Where cargo keeps its tools and downloaded crates: `$CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// `prog` on PATH, if there.
pub fn which(prog: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(prog))
        .find(|p| p.is_file())
}

fn ensure_wasm_target() -> Result<(), String> {
    let (ok, installed) = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if ok && installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    status(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The wasm-bindgen version pinned in Cargo.lock.
fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn ensure_wasm_bindgen() -> Result<PathBuf, String> {
    let version = locked_wasm_bindgen_version()?;
    let wanted = format!("wasm-bindgen {version}");
    let candidates = [
        which("wasm-bindgen"),
        Some(cargo_home().join("bin/wasm-bindgen")),
    ];
    for c in candidates.into_iter().flatten() {
        if version_of(&c).is_some_and(|v| v == wanted) {
            return Ok(c);
        }
    }
    eprintln!("xtask: installing wasm-bindgen-cli {version} (several minutes, once per machine)");
    status(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--force",
        "--version",
        &version,
    ]))?;
    let installed = cargo_home().join("bin/wasm-bindgen");
    match version_of(&installed) {
        Some(v) if v == wanted => Ok(installed),
        other => Err(format!(
            "wasm-bindgen after install: {other:?}, wanted {wanted}"
        )),
    }
}

fn ensure_node() -> Result<PathBuf, String> {
    if let (Some(node), Some(_)) = (which("node"), which("npm")) {
        return Ok(node);
    }
    apt_install(&["nodejs", "npm"])?;
    which("node").ok_or_else(|| "node not found after installing nodejs".into())
}

/// `npm ci` in `dir` unless its node_modules matches its package-lock.json already.
fn ensure_npm_project(dir: &Path) -> Result<(), String> {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(a), Ok(b)) => match (a.modified(), b.modified()) {
            (Ok(a), Ok(b)) => b >= a,
            _ => false,
        },
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    ensure_node()?;
    status(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(dir),
    )
}

/// wasm-opt (npm binaryen) and esbuild, both from `xtask/npm/`.
fn ensure_npm_build_tools() -> Result<(PathBuf, PathBuf), String> {
    let dir = root().join("xtask/npm");
    let wasm_opt = dir.join("node_modules/.bin/wasm-opt");
    let esbuild = dir.join("node_modules/.bin/esbuild");
    let wasm_opt_ok = || version_of(&wasm_opt).is_some_and(|v| v.contains(WASM_OPT_MAJOR));
    let esbuild_ok = || version_of(&esbuild).is_some_and(|v| v == ESBUILD_VERSION);
    if !wasm_opt_ok() || !esbuild_ok() {
        ensure_npm_project(&dir)?;
    }
    if !wasm_opt_ok() {
        return Err(format!(
            "wasm-opt from npm binaryen: {:?}, wanted version {WASM_OPT_MAJOR}",
            version_of(&wasm_opt)
        ));
    }
    if !esbuild_ok() {
        return Err(format!(
            "esbuild from npm: {:?}, wanted {ESBUILD_VERSION}",
            version_of(&esbuild)
        ));
    }
    Ok((wasm_opt, esbuild))
}

/// wasm-split-cli of `WASM_SPLIT_VERSION`, installed into a folder named after the version (the
/// binary has no `--version`), so a version bump installs the new one beside the old.
fn ensure_wasm_split() -> Result<PathBuf, String> {
    let root = cargo_home().join(format!("bangfu-tools/wasm-split-{WASM_SPLIT_VERSION}"));
    let installed = root.join("bin/wasm-split-cli");
    if installed.is_file() {
        return Ok(installed);
    }
    eprintln!(
        "xtask: installing wasm-split-cli {WASM_SPLIT_VERSION} (about a minute, once per machine)"
    );
    status(
        Command::new("cargo")
            .args(["install", "wasm_split_cli_support", "--locked", "--version"])
            .arg(WASM_SPLIT_VERSION)
            .args(["--features", "build-binary", "--root"])
            .arg(&root),
    )?;
    if installed.is_file() {
        Ok(installed)
    } else {
        Err(format!("{} missing after install", installed.display()))
    }
}

pub fn ensure_build_tools() -> Result<BuildTools, String> {
    ensure_wasm_target()?;
    let (wasm_opt, esbuild) = ensure_npm_build_tools()?;
    Ok(BuildTools {
        wasm_bindgen: ensure_wasm_bindgen()?,
        wasm_opt,
        esbuild,
        wasm_split: ensure_wasm_split()?,
    })
}

pub fn apt_install(packages: &[&str]) -> Result<(), String> {
    eprintln!("xtask: installing Debian packages {packages:?}");
    status(Command::new("apt-get").args(["update", "-qq"]))?;
    status(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn has_cjk_font() -> bool {
    Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .map(|o| !o.stdout.is_empty())
        .unwrap_or(false)
}

pub fn ensure_browser_tools() -> Result<BrowserTools, String> {
    let chromium = PathBuf::from("/usr/bin/chromium");
    let mut missing = Vec::new();
    if !chromium.is_file() {
        missing.push("chromium");
    }
    if !Path::new("/usr/bin/chromedriver").is_file() {
        missing.push("chromium-driver");
    }
    if !has_cjk_font() {
        missing.extend(["fonts-noto-cjk", "fontconfig"]);
    }
    // wasm-validate checks that the compat build uses no post-MVP feature.
    if which("wasm-validate").is_none() {
        missing.push("wabt");
    }
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    let node = ensure_node()?;
    ensure_npm_project(&root().join("tests"))?;
    Ok(BrowserTools { chromium, node })
}
