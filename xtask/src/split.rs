//! The everyday bundle cut into pieces, so a page downloads only the widgets it shows.
//!
//! Each widget's constructor is a split point (`widgets/src/mounted.rs`, crate
//! `wasm_split_helpers`); `wasm-split-cli` reads the linker's relocations and writes
//! - the main module: the engine (`evaluate`), the JS glue's exports and what loads the rest;
//! - a piece per widget (`bangfu_widgets_chunk_income.wasm`, …) and pieces of code that several
//!   widgets share (`bangfu_widgets_chunk_7.wasm`: Yew, the shared UI);
//! - its own JS link module, which we read for the map of which pieces each widget needs and
//!   replace with ours ([`link_module`]): the loader fetches the pieces itself, with SRI, and
//!   instantiates them again after a trap.
//!
//! Piece names start with `bangfu_widgets` so the loader knows a trap inside one as the engine's.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::status;

/// What the splitter produced: the main module, the pieces and which pieces each widget needs.
pub struct Parts {
    /// The main module, before wasm-bindgen.
    pub main: PathBuf,
    /// Each widget kind and the build names of the pieces it needs, shared ones first.
    pub kinds: Vec<(String, Vec<String>)>,
    /// Where the pieces are (under their build names).
    pub dir: PathBuf,
}

/// The prefix of every piece's build name.
pub const PIECE_PREFIX: &str = "bangfu_widgets_chunk_";

impl Parts {
    /// Every piece's build name, once each, in a fixed order.
    pub fn pieces(&self) -> Vec<String> {
        let mut all: Vec<String> = self.kinds.iter().flat_map(|(_, f)| f.clone()).collect();
        all.sort();
        all.dedup();
        all
    }
}

/// Splits `raw` (rustc's output, linked with `--emit-relocs`) in `work`.
pub fn split(splitter: &Path, raw: &Path, work: &Path) -> Result<Parts, String> {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    status(Command::new(splitter).arg(raw).arg(work))?;
    let js_path = work.join("__wasm_split.js");
    let js =
        std::fs::read_to_string(&js_path).map_err(|e| format!("{}: {e}", js_path.display()))?;
    let map = read_link_map(&js)?;
    let mut kinds = Vec::new();
    for (kind, files) in map {
        let mut names = Vec::new();
        for file in files {
            let name = piece_name(&file);
            let from = work.join(&file);
            let to = work.join(&name);
            if from.is_file() {
                std::fs::rename(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
            } else if !to.is_file() {
                return Err(format!("the splitter named {file}, which it did not write"));
            }
            names.push(name);
        }
        kinds.push((kind, names));
    }
    // Every module the splitter wrote must be named by its map (a change of the map's shape
    // that lost a piece fails here, not in a browser).
    for entry in std::fs::read_dir(work).map_err(|e| format!("{}: {e}", work.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".wasm") && name != "main.wasm" && !name.starts_with(PIECE_PREFIX) {
            return Err(format!(
                "the splitter wrote {name}, which its map does not name"
            ));
        }
    }
    for (kind, files) in &kinds {
        if !files
            .iter()
            .any(|f| f == &piece_name(&format!("split_{kind}.wasm")))
        {
            return Err(format!(
                "the splitter's map gives {kind} no piece of its own"
            ));
        }
    }
    Ok(Parts {
        main: work.join("main.wasm"),
        kinds,
        dir: work.to_path_buf(),
    })
}

impl Parts {
    /// Records the map once every piece is optimised (and lowered), so a build stopped half
    /// way is redone rather than shipping half-processed pieces.
    pub fn save(&self) -> Result<(), String> {
        std::fs::write(self.dir.join("pieces.txt"), map_text(&self.kinds))
            .map_err(|e| format!("pieces.txt: {e}"))
    }
}

/// The parts of an earlier split in `work` (for a build whose wasm did not change).
pub fn earlier(work: &Path) -> Option<Parts> {
    let text = std::fs::read_to_string(work.join("pieces.txt")).ok()?;
    let kinds: Vec<(String, Vec<String>)> = text
        .lines()
        .filter_map(|l| {
            let (kind, files) = l.split_once('\t')?;
            Some((
                kind.to_string(),
                files.split_whitespace().map(String::from).collect(),
            ))
        })
        .collect();
    (!kinds.is_empty()).then(|| Parts {
        main: work.join("main.wasm"),
        kinds,
        dir: work.to_path_buf(),
    })
}

fn map_text(kinds: &[(String, Vec<String>)]) -> String {
    kinds
        .iter()
        .map(|(k, f)| format!("{k}\t{}\n", f.join(" ")))
        .collect()
}

/// `chunk_7.wasm` → `bangfu_widgets_chunk_7.wasm`, `split_income.wasm` →
/// `bangfu_widgets_chunk_income.wasm`.
fn piece_name(file: &str) -> String {
    let stem = file.strip_suffix(".wasm").unwrap_or(file);
    let stem = stem
        .strip_prefix("split_")
        .or_else(|| stem.strip_prefix("chunk_"))
        .unwrap_or(stem);
    format!("{PIECE_PREFIX}{stem}.wasm")
}

/// The text between `start` and the next `end` in `text`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// The file a loader statement fetches (`new URL("./x.wasm", …)`), or None for an empty piece.
fn loaded_file(statement: &str) -> Option<String> {
    between(statement, "new URL(\"./", "\"").map(String::from)
}

const CHUNK_START: &str = "const __chunk_";
const SPLIT_START: &str = "export const __wasm_split_load_";

/// The splitter's link module cut into its loader statements: each starts with `const
/// __chunk_` or `export const __wasm_split_load_` at the start of a line and runs to the next.
fn statements(js: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in js.split_inclusive('\n') {
        if line.starts_with(CHUNK_START) || line.starts_with(SPLIT_START) {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| &js[start..starts.get(i + 1).copied().unwrap_or(js.len())])
        .collect()
}

/// From the splitter's link module (`__wasm_split.js` of wasm_split_cli_support 0.2.4): each
/// split's name and the files it loads, shared pieces first. A change of shape fails the build
/// rather than guessing.
pub fn read_link_map(js: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut chunks: Vec<(String, Option<String>)> = Vec::new();
    let mut kinds = Vec::new();
    for statement in statements(js) {
        let name_of = |prefix: &str| {
            statement[prefix.len()..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")
                .to_string()
        };
        if statement.starts_with(CHUNK_START) {
            chunks.push((
                format!("__chunk_{}", name_of(CHUNK_START)),
                loaded_file(statement),
            ));
            continue;
        }
        let kind = name_of(SPLIT_START);
        let deps = statement
            .rfind('[')
            .and_then(|i| between(&statement[i..], "[", "]"))
            .ok_or_else(|| format!("the splitter's link module changed shape: {statement}"))?;
        let mut files = Vec::new();
        for dep in deps.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            let file = chunks
                .iter()
                .find(|(v, _)| v == dep)
                .ok_or_else(|| format!("{kind} needs {dep}, which the link module lacks"))?;
            files.extend(file.1.clone());
        }
        files.extend(loaded_file(statement));
        kinds.push((kind, files));
    }
    if kinds.is_empty() {
        return Err("the splitter's link module names no split point".into());
    }
    kinds.sort();
    Ok(kinds)
}

/// Our link module for `kinds`: the functions the main module imports to have a widget's code
/// loaded (`__wasm_split_load_<kind>`), answered by the loader, which `connect`s each engine
/// instance with a function that fetches, checks and instantiates that widget's pieces.
pub fn link_module(kinds: &[String]) -> String {
    let mut js = String::from(
        "// Bangfu: the engine's requests for a widget's code, answered by the loader (bangfu.js),\n\
         // which connects each engine instance. Generated by `cargo xtask build` (xtask/src/split.rs).\n\
         var engine = null;\n\
         var load = null;\n\
         export function connect(exports, loadKind) {\n  engine = exports;\n  load = loadKind;\n}\n\
         function loader(kind) {\n\
         \x20 return function (callbackIndex, callbackData) {\n\
         \x20   var target = engine;\n\
         \x20   var started = load ? load(kind) : Promise.reject(new Error(\"bangfu: engine not connected\"));\n\
         \x20   started.then(function () { return true; }, function (err) { console.error(\"Bangfu:\", err); return false; }).then(function (ok) {\n\
         \x20     // An instance replaced meanwhile (after a trap) is not called back.\n\
         \x20     if (target && target === engine) target.__indirect_function_table.get(callbackIndex)(callbackData, ok);\n\
         \x20   });\n\
         \x20 };\n\
         }\n",
    );
    for kind in kinds {
        js.push_str(&format!(
            "export var __wasm_split_load_{kind} = loader(\"{kind}\");\n"
        ));
    }
    js
}

/// The glue `glue` importing the link module `link_file` (a name beside it) instead of
/// whatever it imported before (the splitter's `__wasm_split.js` or an earlier link name).
/// Only `from "…"` specifiers change: the wasm's import module name stays `./__wasm_split.js`.
pub fn point_glue_at(glue: &str, link_file: &str) -> String {
    const FROM: &str = "from \"./";
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(i) = rest.find(FROM) {
        let (head, tail) = rest.split_at(i + FROM.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let name = &tail[..end];
        if name == "__wasm_split.js" || (name.starts_with("bangfu_split.") && name.ends_with(".js"))
        {
            out.push_str(link_file);
        } else {
            out.push_str(name);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape wasm_split_cli_support 0.2.4 writes (a piece's loader over several lines).
    const SPLITTER_JS: &str = "function makeLoad(fetcher, deps) {\n    return () => {};\n}\n\
/* deadlines, income */\n\
const __chunk_9 = makeLoad(() => {\n\
    const src = fetch(new URL(\"./chunk_9.wasm\", import.meta.url));\n\
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n\
}\n\
, []);\n\
/* income, subsidy */\n\
const __chunk_15 = makeLoad(() => async () => ({}), []);\n\
/* all */\n\
const __chunk_7 = makeLoad(() => {\n\
    const src = fetch(new URL(\"./chunk_7.wasm\", import.meta.url));\n\
}\n\
, []);\n\
export const __wasm_split_load_subsidy = wrapAsyncCb(makeLoad(() => {\n\
    const src = fetch(new URL(\"./split_subsidy.wasm\", import.meta.url));\n\
}\n\
, [__chunk_7, __chunk_15]));\n\
export const __wasm_split_load_income = wrapAsyncCb(makeLoad(() => {\n\
    const src = fetch(new URL(\"./split_income.wasm\", import.meta.url));\n\
}\n\
, [__chunk_7, __chunk_9, __chunk_15]));\n\
export const __wasm_split_load_deadlines = wrapAsyncCb(makeLoad(() => async () => ({}), [__chunk_7, __chunk_9]));\n";

    #[test]
    fn the_splitters_map_gives_each_widget_its_pieces_shared_first_empty_ones_left_out() {
        let map = read_link_map(SPLITTER_JS).unwrap();
        assert_eq!(
            map,
            vec![
                (
                    "deadlines".into(),
                    vec!["chunk_7.wasm".into(), "chunk_9.wasm".into()]
                ),
                (
                    "income".into(),
                    vec![
                        "chunk_7.wasm".into(),
                        "chunk_9.wasm".into(),
                        "split_income.wasm".into()
                    ]
                ),
                (
                    "subsidy".into(),
                    vec!["chunk_7.wasm".into(), "split_subsidy.wasm".into()]
                ),
            ]
        );
    }

    #[test]
    fn a_link_module_of_another_shape_fails_the_build() {
        assert!(read_link_map("export default {}").is_err());
        assert!(read_link_map(
            "export const __wasm_split_load_x = wrapAsyncCb(makeLoad(() => {}, [__chunk_1]));"
        )
        .is_err());
    }

    #[test]
    fn pieces_are_named_after_the_engine() {
        assert_eq!(piece_name("chunk_7.wasm"), "bangfu_widgets_chunk_7.wasm");
        assert_eq!(
            piece_name("split_income.wasm"),
            "bangfu_widgets_chunk_income.wasm"
        );
    }

    #[test]
    fn the_glue_is_pointed_at_the_link_module_again_and_again() {
        let glue = "import * as import1 from \"./__wasm_split.js\"\nimport * as s from \"./snippets/x.js\";\nconst imports = { \"./__wasm_split.js\": import1 };\n";
        let once = point_glue_at(glue, "bangfu_split.0123456789ab.js");
        assert!(once.contains("from \"./bangfu_split.0123456789ab.js\""));
        assert!(once.contains("from \"./snippets/x.js\""));
        assert!(
            once.contains("{ \"./__wasm_split.js\": import1 }"),
            "the wasm's import name stays"
        );
        let twice = point_glue_at(&once, "bangfu_split.ba9876543210.js");
        assert!(twice.contains("from \"./bangfu_split.ba9876543210.js\""));
        assert!(!twice.contains("0123456789ab"));
    }

    #[test]
    fn the_link_module_exports_a_loader_per_kind() {
        let js = link_module(&["income".into(), "subsidy".into()]);
        assert!(js.contains("export var __wasm_split_load_income = loader(\"income\");"));
        assert!(js.contains("export function connect(exports, loadKind)"));
    }
}
