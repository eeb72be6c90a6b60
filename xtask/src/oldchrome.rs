//! The browsers of the compatibility matrix: real old headless Chromium builds carried by npm
//! packages (tests/oldchrome/package.json, installed with `--ignore-scripts`), unpacked once
//! per machine into a cache outside the clone (`~/.cache/bangfu/chromium`, or
//! `$BANGFU_CACHE/chromium`), plus Debian's current Chromium (toolchain.md "Real old Chromium
//! builds").

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;
use crate::run::{output, status};

/// Where unpacked browsers live between runs (CI runs a fresh clone on the same machine).
fn cache_dir() -> PathBuf {
    let base = std::env::var_os("BANGFU_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("bangfu")))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/bangfu")))
        .unwrap_or_else(|| root().join("target/cache"));
    base.join("chromium")
}

/// `node unpack.mjs CACHE`: the `name<TAB>binary<TAB>libdir` lines, or Err when a package
/// is neither unpacked nor installed.
fn unpack(node: &Path, dir: &Path) -> Result<String, String> {
    let (ok, text) = output(
        Command::new(node)
            .current_dir(dir)
            .arg("unpack.mjs")
            .arg(cache_dir()),
    )?;
    if ok {
        Ok(text)
    } else {
        Err(text)
    }
}

/// Installs (when the cache lacks them) and lists the matrix browsers, as the
/// `BANGFU_BROWSERS` lines the matrix test reads; Debian's Chromium comes last.
pub fn ensure_browsers(node: &Path, debian: &Path) -> Result<String, String> {
    let dir = root().join("tests/oldchrome");
    let listed = match unpack(node, &dir) {
        Ok(lines) => lines,
        Err(_) => {
            eprintln!(
                "xtask: installing old Chromium builds from npm (about 220 MB, once per machine)"
            );
            status(Command::new("npm").current_dir(&dir).args([
                "ci",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ]))?;
            unpack(node, &dir)?
        }
    };
    let mut lines: Vec<String> = listed
        .lines()
        .filter(|l| l.split('\t').count() == 3)
        .map(String::from)
        .collect();
    lines.push(format!("debian\t{}\t", debian.display()));
    Ok(lines.join("\n"))
}
