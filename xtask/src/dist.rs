//! `cargo xtask dist`: a versioned `dist/bangfu-<version>/` with content-hashed file names and
//! a `manifest.json` of SRI (sha384) hashes, for portals that deploy a fixed release. The
//! loader carries the hashes of the glue and wasm files it loads (`INTEGRITY`), so the browser
//! checks every file, not only the loader the page names. Also the npm tarball
//! `dist/bangfu-<version>.tgz` for portals with a bundler.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;

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
fn sha384(path: &Path) -> Result<(String, String), String> {
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

struct Entry {
    logical: String,
    file: String,
    integrity: String,
    bytes: u64,
}

/// Copies `src` into `out` under a hashed name; returns its manifest entry.
fn place(src: &Path, logical: &str, out: &Path) -> Result<Entry, String> {
    let (hex, integrity) = sha384(src)?;
    let path = Path::new(logical);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("file");
    let ext = path.extension().and_then(|s| s.to_str()).unwrap_or("");
    let name = format!("{stem}.{}.{ext}", &hex[..12]);
    let file = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => format!("{}/{name}", parent.display()),
        None => name,
    };
    let dest = out.join(&file);
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::copy(src, &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    let bytes = std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
    Ok(Entry {
        logical: logical.to_string(),
        file,
        integrity,
        bytes,
    })
}

pub fn dist() -> Result<PathBuf, String> {
    let root = root();
    let pkg = root.join("www/pkg");
    let version = env!("CARGO_PKG_VERSION");
    let out = root.join(format!("dist/bangfu-{version}"));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let mut entries = Vec::new();
    for logical in [
        "bangfu_widgets.js",
        "bangfu_widgets_bg.wasm",
        "compat/bangfu_widgets.js",
        "compat/bangfu_widgets_bg.wasm",
        "bangfu.css",
    ] {
        entries.push(place(&pkg.join(logical), logical, &out)?);
    }
    let name = |l: &str| {
        entries
            .iter()
            .find(|e| e.logical == l)
            .map(|e| e.file.clone())
            .unwrap_or_default()
    };
    let loader = std::fs::read_to_string(pkg.join("bangfu.js"))
        .map_err(|e| format!("www/pkg/bangfu.js: {e}"))?;
    let files_line = format!(
        "var FILES = {{ modern: [\"{}\", \"{}\"], compat: [\"{}\", \"{}\"] }};",
        name("bangfu_widgets.js"),
        name("bangfu_widgets_bg.wasm"),
        name("compat/bangfu_widgets.js"),
        name("compat/bangfu_widgets_bg.wasm")
    );
    let css_line = format!("var CSS_FILE = \"{}\";", name("bangfu.css"));
    // Every file the loader fetches is checked by the browser: the glue through a
    // `modulepreload` with `integrity`, the wasm through `fetch(…, { integrity })`.
    let integrity_line = format!(
        "var INTEGRITY = {{ {} }};",
        entries
            .iter()
            .map(|e| format!("\"{}\": \"{}\"", e.file, e.integrity))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut rewrote = (false, false);
    let rewritten: String = loader
        .lines()
        .map(|l| {
            if l.starts_with("var FILES = ") {
                rewrote.0 = true;
                files_line.clone()
            } else if l.starts_with("var CSS_FILE = ") {
                css_line.clone()
            } else if l.starts_with("var INTEGRITY = ") {
                rewrote.1 = true;
                integrity_line.clone()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    if rewrote != (true, true) {
        return Err("the loader has no FILES or INTEGRITY line to rewrite".into());
    }
    let tmp = out.join("bangfu.js.tmp");
    std::fs::write(&tmp, format!("{rewritten}\n")).map_err(|e| e.to_string())?;
    entries.insert(0, place(&tmp, "bangfu.js", &out)?);
    let _ = std::fs::remove_file(&tmp);

    let mut manifest = format!("{{\n  \"name\": \"bangfu\",\n  \"version\": \"{version}\",\n  \"entry\": \"{}\",\n  \"files\": {{\n", entries[0].file);
    for (i, e) in entries.iter().enumerate() {
        manifest.push_str(&format!(
            "    \"{}\": {{ \"file\": \"{}\", \"integrity\": \"{}\", \"bytes\": {} }}{}\n",
            e.logical,
            e.file,
            e.integrity,
            e.bytes,
            if i + 1 < entries.len() { "," } else { "" }
        ));
    }
    manifest.push_str("  }\n}\n");
    std::fs::write(out.join("manifest.json"), manifest).map_err(|e| e.to_string())?;
    let snippet = format!(
        "<link rel=\"modulepreload\" href=\"/bangfu/{0}\" integrity=\"{1}\">\n<script type=\"module\" src=\"/bangfu/{0}\" integrity=\"{1}\" crossorigin=\"anonymous\"></script>\n",
        entries[0].file, entries[0].integrity
    );
    std::fs::write(out.join("snippet.html"), snippet).map_err(|e| e.to_string())?;
    crate::precompress::precompress(&out)?;
    println!("dist: {}", out.display());
    for e in &entries {
        println!("  {:<32} {:>9} bytes  {}", e.file, e.bytes, e.integrity);
    }
    let tarball = crate::npm::pack(&pkg, &root.join("dist"))?;
    println!("npm package: {}", tarball.display());
    Ok(out)
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
}
