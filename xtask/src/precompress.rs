//! Precompressed copies of the built files (`FILE.br`, `FILE.gz` beside `FILE`), made once per
//! build as a portal's release step would, so the development server and the benchmark send
//! what a well-configured portal sends. Uses Debian's `brotli` and `gzip` command-line tools.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::tools;

/// Extensions worth compressing (text and wasm; images are compressed already).
const COMPRESSIBLE: [&str; 6] = ["wasm", "js", "mjs", "css", "json", "svg"];

fn compressible(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_below(&p, out);
        } else if compressible(&p) {
            out.push(p);
        }
    }
}

/// True when `copy` exists and is at least as new as `original`.
pub fn fresh(original: &Path, copy: &Path) -> bool {
    let time = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((time(original), time(copy)), (Some(o), Some(c)) if c >= o)
}

fn compress(prog: &str, args: &[&str], src: &Path, dst: &Path) -> Result<(), String> {
    let out = std::fs::File::create(dst).map_err(|e| format!("{}: {e}", dst.display()))?;
    let st = Command::new(prog)
        .args(args)
        .arg(src)
        .stdout(Stdio::from(out))
        .status()
        .map_err(|e| format!("{prog}: {e}"))?;
    if st.success() {
        Ok(())
    } else {
        let _ = std::fs::remove_file(dst);
        Err(format!("{prog} {} failed ({st})", src.display()))
    }
}

/// Writes `.br` and `.gz` beside every compressible file below `dir` whose copy is missing or
/// older than the file. Installs `brotli` from Debian when it is missing.
pub fn precompress(dir: &Path) -> Result<(), String> {
    if tools::which("brotli").is_none() {
        tools::apt_install(&["brotli"])?;
    }
    let mut files = Vec::new();
    files_below(dir, &mut files);
    for f in files {
        let br = PathBuf::from(format!("{}.br", f.display()));
        if !fresh(&f, &br) {
            compress("brotli", &["-q", "11", "-c"], &f, &br)?;
        }
        let gz = PathBuf::from(format!("{}.gz", f.display()));
        if !fresh(&f, &gz) {
            compress("gzip", &["-9", "-n", "-c"], &f, &gz)?;
        }
    }
    Ok(())
}
