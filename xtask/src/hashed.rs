//! Content-hashed names for the files the loader fetches, shared by the development build
//! (`www/pkg/`, so `cargo xtask serve` sends what portals get: immutable, cached for good) and
//! `cargo xtask dist`. The loader itself keeps its stable name (`bangfu.js`, the snippet portals
//! paste) and names the hashed files on its `FILES` and `CSS_FILE` lines, which are rewritten
//! here.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The files the loader fetches, by their build names relative to `www/pkg/`, in the order of
/// its `FILES` line (modern glue, modern wasm, compat glue, compat wasm), then the stylesheet.
pub const LOADER_FILES: [&str; 5] = [
    "bangfu_widgets.js",
    "bangfu_widgets_bg.wasm",
    "compat/bangfu_widgets.js",
    "compat/bangfu_widgets_bg.wasm",
    "bangfu.css",
];

/// Standard base64 (RFC 4648) of `bytes`.
fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// (hex, SRI string) of a file's SHA-384, by coreutils' sha384sum.
pub fn sha384(path: &Path) -> Result<(String, String), String> {
    let out = Command::new("sha384sum")
        .arg(path)
        .output()
        .map_err(|e| format!("sha384sum: {e}"))?;
    let hex: String = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string();
    if hex.len() != 96 {
        return Err(format!("sha384sum gave {hex:?} for {}", path.display()));
    }
    let bytes: Vec<u8> = (0..48)
        .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
        .collect();
    Ok((hex, format!("sha384-{}", base64(&bytes))))
}

/// `dir/stem.HASH12.ext` for the build name `logical` (`compat/x.js` → `compat/x.0123456789ab.js`).
pub fn hashed_name(logical: &str, hex: &str) -> String {
    let path = Path::new(logical);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("file");
    let ext = path.extension().and_then(|s| s.to_str()).unwrap_or("");
    let name = format!("{stem}.{}.{ext}", &hex[..12.min(hex.len())]);
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => format!("{}/{name}", parent.display()),
        None => name,
    }
}

/// The build name of a served file: `x.0123456789ab.wasm` → `x.wasm` (the inverse of
/// [`hashed_name`]), with `.br` / `.gz` taken off; a name without a hash stays as it is.
pub fn build_name_of(name: &str) -> String {
    let base = name
        .strip_suffix(".br")
        .or_else(|| name.strip_suffix(".gz"))
        .unwrap_or(name);
    if let Some((rest, ext)) = base.rsplit_once('.') {
        if let Some((stem, hash)) = rest.rsplit_once('.') {
            if hash.len() == 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                return format!("{stem}.{ext}");
            }
        }
    }
    base.to_string()
}

/// True when `file_name` is `stem.<12 hex digits>.ext`: a hashed copy of `stem.ext`.
fn is_hashed_copy_of(file_name: &str, stem: &str, ext: &str) -> bool {
    let Some(middle) = file_name
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(ext))
        .and_then(|r| r.strip_suffix('.'))
    else {
        return false;
    };
    middle.len() == 12 && middle.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Copies `src` to `dst` keeping its modification time (so the precompressed copies, which are
/// judged fresh by time, stay fresh beside the copy).
fn copy_keeping_time(src: &Path, dst: &Path) -> Result<(), String> {
    std::fs::copy(src, dst).map_err(|e| format!("{}: {e}", dst.display()))?;
    let time = std::fs::metadata(src)
        .and_then(|m| m.modified())
        .map_err(|e| format!("{}: {e}", src.display()))?;
    std::fs::File::options()
        .write(true)
        .open(dst)
        .and_then(|f| f.set_modified(time))
        .map_err(|e| format!("{}: {e}", dst.display()))
}

/// Puts a content-hashed copy of each of `logicals` (build names relative to `pkg`, e.g.
/// `LOADER_FILES` then the split's link modules and pieces) beside it in `pkg` (with its `.br`
/// and `.gz` copies) and removes older hashed copies; returns the hashed names, in order.
pub fn place_beside(pkg: &Path, logicals: &[String]) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for logical in logicals {
        let logical = logical.as_str();
        let src = pkg.join(logical);
        let (hex, _) = sha384(&src)?;
        let name = hashed_name(logical, &hex);
        let dst = pkg.join(&name);
        let dir = dst.parent().map(PathBuf::from).unwrap_or_default();
        let path = Path::new(logical);
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let ext = path.extension().and_then(|s| s.to_str()).unwrap_or("");
        let current = dst.file_name().and_then(|s| s.to_str()).unwrap_or("");
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let Ok(entry) = entry else { continue };
            let file = entry.file_name().to_string_lossy().into_owned();
            let base = file
                .strip_suffix(".br")
                .or_else(|| file.strip_suffix(".gz"))
                .unwrap_or(&file);
            if base != current && is_hashed_copy_of(base, stem, ext) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        for suffix in ["", ".br", ".gz"] {
            let from = PathBuf::from(format!("{}{suffix}", src.display()));
            let to = PathBuf::from(format!("{}{suffix}", dst.display()));
            if from.is_file() && !crate::precompress::fresh(&from, &to) {
                copy_keeping_time(&from, &to)?;
            }
        }
        names.push(name);
    }
    Ok(names)
}

/// The loader's `FILES` line for `names` (hashed or not) in `LOADER_FILES` order; JSON between
/// `=` and `;`, so the service worker can read it.
pub fn files_line(names: &[String]) -> String {
    let n = |i: usize| names.get(i).map(String::as_str).unwrap_or("");
    format!(
        "var FILES = {{ \"modern\": [\"{}\", \"{}\"], \"compat\": [\"{}\", \"{}\"] }};",
        n(0),
        n(1),
        n(2),
        n(3)
    )
}

/// The loader's `CSS_FILE` line.
pub fn css_line(name: &str) -> String {
    format!("var CSS_FILE = \"{name}\";")
}

/// `loader` with each line that starts like one of `lines` replaced by it; fails when one of
/// them has no line to replace.
pub fn rewrite_lines(loader: &str, lines: &[String]) -> Result<String, String> {
    let prefix = |l: &str| l.split('=').next().unwrap_or("").to_string();
    let mut found = vec![false; lines.len()];
    let mut out: Vec<String> = Vec::new();
    for l in loader.lines() {
        match lines
            .iter()
            .position(|new| l.starts_with(&prefix(new)) && l.starts_with("var "))
        {
            Some(i) => {
                found[i] = true;
                out.push(lines[i].clone());
            }
            None => out.push(l.to_string()),
        }
    }
    if let Some(i) = found.iter().position(|f| !f) {
        return Err(format!(
            "the loader has no line to rewrite for {:?}",
            lines[i]
        ));
    }
    Ok(out.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn hashed_names_keep_the_folder_stem_and_extension() {
        let hex = "0123456789abcdef";
        assert_eq!(
            hashed_name("compat/bangfu_widgets_bg.wasm", hex),
            "compat/bangfu_widgets_bg.0123456789ab.wasm"
        );
        assert_eq!(hashed_name("bangfu.css", hex), "bangfu.0123456789ab.css");
        assert!(crate::server::is_hashed(Path::new(&hashed_name(
            "bangfu_widgets.js",
            hex
        ))));
    }

    #[test]
    fn hashed_and_compressed_names_lead_back_to_the_build_name() {
        assert_eq!(
            build_name_of("bangfu_widgets_chunk_7.0123456789ab.wasm.br"),
            "bangfu_widgets_chunk_7.wasm"
        );
        assert_eq!(
            build_name_of("bangfu_widgets_chunk_7.wasm.gz"),
            "bangfu_widgets_chunk_7.wasm"
        );
        assert_eq!(
            build_name_of("bangfu_widgets_chunk_income.wasm"),
            "bangfu_widgets_chunk_income.wasm"
        );
    }

    #[test]
    fn only_twelve_hex_digit_copies_count_as_older_copies() {
        assert!(is_hashed_copy_of(
            "bangfu_widgets.0123456789ab.js",
            "bangfu_widgets",
            "js"
        ));
        assert!(!is_hashed_copy_of(
            "bangfu_widgets.js",
            "bangfu_widgets",
            "js"
        ));
        assert!(!is_hashed_copy_of(
            "bangfu_widgets_bg.0123456789ab.wasm",
            "bangfu_widgets",
            "wasm"
        ));
        assert!(!is_hashed_copy_of(
            "bangfu_widgets.lowered.js",
            "bangfu_widgets",
            "js"
        ));
    }

    #[test]
    fn the_loader_lines_are_rewritten_or_the_rewrite_fails() {
        let loader = "a\nvar FILES = { \"modern\": [] };\nvar CSS_FILE = \"bangfu.css\";\nb";
        let names: Vec<String> = ["m.js", "m.wasm", "c/m.js", "c/m.wasm"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let out = rewrite_lines(loader, &[files_line(&names), css_line("x.css")]).unwrap();
        assert!(out.contains("\"compat\": [\"c/m.js\", \"c/m.wasm\"]"));
        assert!(out.contains("var CSS_FILE = \"x.css\";"));
        assert!(rewrite_lines("a\nb", &[css_line("x.css")]).is_err());
    }
}
