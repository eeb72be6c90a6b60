//! The screening bundle (`<bangfu-screening>`, `www/pkg/screening/`) in `cargo xtask dist`:
//! under `screening/` in the release, its glue, wasm, stylesheet, Web Worker script and loader
//! under content-hashed names, modern and compat. Files name each other, so they are placed in
//! dependency order: the glue as built; the worker importing the glue's hashed name; the
//! wasm-bindgen snippet (which finds the worker beside the glue) naming the worker's hashed
//! name. The snippet keeps its path, because the glue imports it by that path and the worker
//! imports the glue: it is the one file here that is revalidated rather than cached for good.

use std::path::{Path, PathBuf};

use crate::dist::{place, place_loader, Entry};

/// The worker script's import of the glue, as `widgets/js/screening-worker.js` writes it.
const WORKER_IMPORT: &str = "from \"./bangfu_widgets.js\"";
/// The snippet's URL of the worker, as `widgets/src/screening/job.rs` writes it.
const SNIPPET_WORKER_URL: &str = "'../../screening-worker.js'";

/// The JavaScript files below `dir`/`rel`, relative to `dir`, sorted.
fn files_below(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir.join(rel)).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = rel.join(entry.file_name());
        if entry.path().is_dir() {
            files_below(dir, &path, out)?;
        } else if path.extension().is_some_and(|x| x == "js") {
            // Modules only: the build's .br/.gz copies are made afresh for the release.
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// Writes `text` to a scratch file and places it as `logical` in `out` (hashed).
fn place_text(text: &str, logical: &str, out: &Path) -> Result<Entry, String> {
    let tmp = out.join(format!("{logical}.tmp"));
    if let Some(parent) = tmp.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    let entry = place(&tmp, logical, out);
    let _ = std::fs::remove_file(&tmp);
    entry
}

/// One variant (`variant` is "" for modern, "compat/") of the bundle in `src` into `out`
/// under `screening/`: glue, wasm, worker and snippets.
fn place_variant(src: &Path, variant: &str, out: &Path) -> Result<Vec<Entry>, String> {
    let dir = src.join(variant);
    let logical = |f: &str| format!("screening/{variant}{f}");
    let glue = place(
        &dir.join("bangfu_widgets.js"),
        &logical("bangfu_widgets.js"),
        out,
    )?;
    let wasm = place(
        &dir.join("bangfu_widgets_bg.wasm"),
        &logical("bangfu_widgets_bg.wasm"),
        out,
    )?;
    let base_name = |e: &Entry| e.file.rsplit('/').next().unwrap_or("").to_string();
    let worker_path = dir.join("screening-worker.js");
    let worker = std::fs::read_to_string(&worker_path)
        .map_err(|e| format!("{}: {e}", worker_path.display()))?;
    if !worker.contains(WORKER_IMPORT) {
        return Err(format!(
            "{}: no {WORKER_IMPORT} to rewrite",
            worker_path.display()
        ));
    }
    let worker = worker.replace(WORKER_IMPORT, &format!("from \"./{}\"", base_name(&glue)));
    let worker = place_text(&worker, &logical("screening-worker.js"), out)?;
    let mut snippets = Vec::new();
    files_below(&dir, Path::new("snippets"), &mut snippets)?;
    let mut entries = vec![glue, wasm, worker];
    let mut found = false;
    for rel in snippets {
        let text = std::fs::read_to_string(dir.join(&rel))
            .map_err(|e| format!("{}: {e}", rel.display()))?;
        found |= text.contains(SNIPPET_WORKER_URL);
        let text = text.replace(
            SNIPPET_WORKER_URL,
            &format!("'../../{}'", base_name(&entries[2])),
        );
        let name = logical(&rel.to_string_lossy());
        let dest = out.join(&name);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&dest, &text).map_err(|e| format!("{}: {e}", dest.display()))?;
        let (_, integrity) = crate::hashed::sha384(&dest)?;
        entries.push(Entry {
            logical: name.clone(),
            file: name,
            integrity,
            bytes: text.len() as u64,
        });
    }
    if !found {
        return Err(format!(
            "{}: no snippet names {SNIPPET_WORKER_URL}",
            dir.display()
        ));
    }
    Ok(entries)
}

/// Places the whole screening bundle from `src` (`www/pkg/screening/`) into `out`; returns its
/// manifest entries, the hashed loader first.
pub fn place_all(src: &Path, out: &Path) -> Result<Vec<Entry>, String> {
    let modern = place_variant(src, "", out)?;
    let compat = place_variant(src, "compat/", out)?;
    let css = place(&src.join("bangfu.css"), "screening/bangfu.css", out)?;
    let rel = |e: &Entry| {
        e.file
            .strip_prefix("screening/")
            .unwrap_or(&e.file)
            .to_string()
    };
    // In `LOADER_FILES` order: modern glue and wasm, compat glue and wasm, stylesheet.
    let names = [&modern[0], &modern[1], &compat[0], &compat[1], &css].map(rel);
    let fetched = [&modern[0], &modern[1], &compat[0], &compat[1], &css].map(|e| Entry {
        logical: e.logical.clone(),
        file: e.file.clone(),
        integrity: e.integrity.clone(),
        bytes: e.bytes,
    });
    let loader_path = src.join("bangfu.js");
    let loader = std::fs::read_to_string(&loader_path)
        .map_err(|e| format!("{}: {e}", loader_path.display()))?;
    let loader = place_loader(&loader, &names, &fetched, "screening/", out)?;
    let mut entries = vec![loader];
    entries.extend(modern);
    entries.extend(compat);
    entries.push(css);
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder with one built variant: glue, wasm, worker script and snippet.
    fn built(name: &str, worker: &str, snippet: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "bangfu-dist-screening-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let snippets = dir.join("src/snippets/bangfu-widgets-0123456789abcdef");
        std::fs::create_dir_all(&snippets).unwrap();
        std::fs::write(
            dir.join("src/bangfu_widgets.js"),
            "import './snippets/x/inline0.js';",
        )
        .unwrap();
        std::fs::write(dir.join("src/bangfu_widgets_bg.wasm"), [0, 97, 115, 109]).unwrap();
        std::fs::write(dir.join("src/screening-worker.js"), worker).unwrap();
        std::fs::write(snippets.join("inline0.js"), snippet).unwrap();
        std::fs::write(snippets.join("inline0.js.br"), [0xff, 0xfe]).unwrap();
        dir
    }

    #[test]
    fn the_worker_imports_the_hashed_glue_and_the_snippet_names_the_hashed_worker() {
        let dir = built(
            "ok",
            "import init from \"./bangfu_widgets.js\";",
            "new URL('../../screening-worker.js', import.meta.url)",
        );
        let out = dir.join("out");
        let entries = place_variant(&dir.join("src"), "", &out).unwrap();
        let glue = entries[0].file.rsplit('/').next().unwrap().to_string();
        let worker = &entries[2].file;
        assert!(crate::server::is_hashed(Path::new(worker)), "{worker}");
        let worker_text = std::fs::read_to_string(out.join(worker)).unwrap();
        assert!(
            worker_text.contains(&format!("from \"./{glue}\"")),
            "{worker_text}"
        );
        let snippet = &entries[3].file;
        assert!(snippet.ends_with("snippets/bangfu-widgets-0123456789abcdef/inline0.js"));
        let snippet_text = std::fs::read_to_string(out.join(snippet)).unwrap();
        let worker_name = worker.rsplit('/').next().unwrap();
        assert!(snippet_text.contains(&format!("'../../{worker_name}'")));
        assert_eq!(
            entries.len(),
            4,
            "the build's .br copy of the snippet is not shipped"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_worker_or_snippet_written_differently_fails_the_release_instead_of_breaking_it() {
        for (name, worker, snippet) in [
            (
                "worker",
                "import init from './bangfu_widgets.js';",
                "'../../screening-worker.js'",
            ),
            (
                "snippet",
                "from \"./bangfu_widgets.js\"",
                "new URL('screening-worker.js')",
            ),
        ] {
            let dir = built(name, worker, snippet);
            assert!(
                place_variant(&dir.join("src"), "", &dir.join("out")).is_err(),
                "{name}"
            );
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}
