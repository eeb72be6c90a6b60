//! The npm package: `www/pkg/` (the split engine, the compat build and the loader) becomes a
//! publishable package with the manifest, types and integrators' README kept in
//! `widgets/npm/`; `pack` writes `dist/bangfu-<version>.tgz` with `npm pack`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;
use crate::run::output;

/// Files wasm-pack wrote for its own package in earlier builds, replaced by ours.
const WASM_PACK_LEFTOVERS: [&str; 4] = [
    ".gitignore",
    "bangfu_widgets.d.ts",
    "bangfu_widgets_bg.wasm.d.ts",
    "LICENSE-MIT",
];

/// Writes the package manifest (with the workspace's version), types and README into `pkg`.
pub fn write_package(pkg: &Path) -> Result<(), String> {
    let src = root().join("widgets/npm");
    let read = |name: &str| {
        std::fs::read_to_string(src.join(name)).map_err(|e| format!("widgets/npm/{name}: {e}"))
    };
    let manifest = read("package.json")?;
    let versioned = manifest.replacen(
        "\"version\": \"0.0.0\"",
        &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
        1,
    );
    if versioned == manifest {
        return Err("widgets/npm/package.json has no \"version\": \"0.0.0\" to set".into());
    }
    let write = |name: &str, text: &str| {
        let path = pkg.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text) {
            return Ok(());
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("package.json", &versioned)?;
    write("bangfu.d.ts", &read("bangfu.d.ts")?)?;
    write("README.md", &read("README.md")?)?;
    for leftover in WASM_PACK_LEFTOVERS {
        let _ = std::fs::remove_file(pkg.join(leftover));
    }
    Ok(())
}

/// `npm pack` of `pkg` into `dest`; returns the tarball's path.
pub fn pack(pkg: &Path, dest: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    let (ok, text) = output(
        Command::new("npm")
            .args(["pack", "--loglevel=error", "--pack-destination"])
            .arg(dest)
            .current_dir(pkg),
    )?;
    let name = text
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.ends_with(".tgz"))
        .unwrap_or("");
    let tarball = dest.join(name);
    if ok && !name.is_empty() && tarball.is_file() {
        Ok(tarball)
    } else {
        Err(format!("npm pack in {} failed:\n{text}", pkg.display()))
    }
}
