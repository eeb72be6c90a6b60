//! `cargo xtask dist`: a versioned `dist/bangfu-<version>/` with content-hashed file names and
//! a `manifest.json` of SRI (sha384) hashes, for portals that deploy a fixed release. The
//! loader carries the hashes of the glue and wasm files it loads (`INTEGRITY`), so the browser
//! checks every file, not only the loader the page names. Also the npm tarball
//! `dist/bangfu-<version>.tgz` for portals with a bundler.

use std::path::{Path, PathBuf};

use crate::hashed::{self, sha384};
use crate::root;

pub struct Entry {
    pub logical: String,
    pub file: String,
    pub integrity: String,
    pub bytes: u64,
}

/// Copies `src` into `out` under a hashed name; returns its manifest entry.
pub fn place(src: &Path, logical: &str, out: &Path) -> Result<Entry, String> {
    let (hex, integrity) = sha384(src)?;
    let file = hashed::hashed_name(logical, &hex);
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

/// The loader `loader` with its `FILES`, `CSS_FILE` and `INTEGRITY` lines naming the hashed
/// files (`names` in `LOADER_FILES` order, relative to the loader; `entries` their manifest
/// entries, whose file names carry `prefix`), placed in `out` as `{prefix}bangfu.HASH.js`.
pub fn place_loader(
    loader: &str,
    names: &[String],
    entries: &[Entry],
    prefix: &str,
    out: &Path,
) -> Result<Entry, String> {
    // Every file the loader fetches is checked by the browser: the glue through a
    // `modulepreload` with `integrity`, the wasm through `fetch(…, { integrity })`.
    let integrity_line = format!(
        "var INTEGRITY = {{ {} }};",
        entries
            .iter()
            .map(|e| {
                let file = e.file.strip_prefix(prefix).unwrap_or(&e.file);
                format!("\"{file}\": \"{}\"", e.integrity)
            })
            .collect::<Vec<_>>()
            .join(", ")
    );
    let css = names.get(4).cloned().unwrap_or_default();
    let rewritten = hashed::rewrite_lines(
        loader,
        &[
            hashed::files_line(names),
            hashed::css_line(&css),
            integrity_line,
        ],
    )?;
    let tmp = out.join(format!("{prefix}bangfu.js.tmp"));
    if let Some(parent) = tmp.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(&tmp, rewritten).map_err(|e| e.to_string())?;
    let entry = place(&tmp, &format!("{prefix}bangfu.js"), out);
    let _ = std::fs::remove_file(&tmp);
    entry
}

pub fn dist() -> Result<PathBuf, String> {
    let root = root();
    let pkg = root.join("www/pkg");
    let version = env!("CARGO_PKG_VERSION");
    let out = root.join(format!("dist/bangfu-{version}"));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let mut entries = Vec::new();
    for logical in hashed::LOADER_FILES {
        entries.push(place(&pkg.join(logical), logical, &out)?);
    }
    // The split engine's link modules and pieces, under the names the loader's CHUNKS line
    // already gives them (the same content hashes).
    for logical in crate::split_place::placed_files(&pkg)? {
        entries.push(place(&pkg.join(&logical), &logical, &out)?);
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
    let names: Vec<String> = hashed::LOADER_FILES.iter().map(|l| name(l)).collect();
    entries.insert(0, place_loader(&loader, &names, &entries, "", &out)?);
    // The quarterly data check, its own bundle under `screening/`, loaded only by pages with
    // `<bangfu-screening>` (it holds every widget, so such a page needs no other loader).
    let screening = crate::dist_screening::place_all(&pkg.join("screening"), &out)?;
    let screening_entry = screening[0].file.clone();
    let screening_integrity = screening[0].integrity.clone();
    entries.extend(screening);

    let mut manifest = format!("{{\n  \"name\": \"bangfu\",\n  \"version\": \"{version}\",\n  \"entry\": \"{}\",\n  \"screening_entry\": \"{screening_entry}\",\n  \"files\": {{\n", entries[0].file);
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
    let snippet = format!(
        "<link rel=\"modulepreload\" href=\"/bangfu/{0}\" integrity=\"{1}\">\n<script type=\"module\" src=\"/bangfu/{0}\" integrity=\"{1}\" crossorigin=\"anonymous\"></script>\n",
        screening_entry, screening_integrity
    );
    std::fs::write(out.join("snippet-screening.html"), snippet).map_err(|e| e.to_string())?;
    crate::precompress::precompress(&out)?;
    println!("dist: {}", out.display());
    for e in &entries {
        println!("  {:<32} {:>9} bytes  {}", e.file, e.bytes, e.integrity);
    }
    let tarball = crate::npm::pack(&pkg, &root.join("dist"))?;
    println!("npm package: {}", tarball.display());
    Ok(out)
}
