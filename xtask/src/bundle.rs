//! Builds the widgets into `www/pkg/`: the modern bundle (cargo for wasm32 with the `wasm`
//! profile and the `split` feature, cut into the engine and a piece per widget by
//! `wasm-split-cli` (see `split.rs`), the engine through the pinned wasm-bindgen CLI, then
//! wasm-opt -Oz on every module), the compat bundle cut the same way (MVP wasm, glue lowered to
//! ES2018), the loader `bangfu.js` with the stylesheet inlined (and as `bangfu.css`) and the
//! pieces' map, the screening bundle (not split) and the npm package files. Steps whose inputs
//! have not changed are skipped.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use crate::root;
use crate::run::status;
use crate::split::{self, Parts};
use crate::tools::{BuildTools, WASM_TARGET};

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// The widget stylesheets, in a fixed order (base first).
fn stylesheet() -> Result<String, String> {
    let dir = root().join("widgets/styles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    files.sort_by_key(|p| (p.file_name() != Some("base.css".as_ref()), p.clone()));
    let mut css = String::new();
    for f in files {
        css.push_str(&std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?);
        css.push('\n');
    }
    Ok(css)
}

/// A JS string literal for `text`.
fn js_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Features that rustc emits by default for wasm32 and that Chromium < 96 lacks
/// (toolchain.md "Browser floor").
pub const POST_MVP: &str =
    "-reference-types,-multivalue,-bulk-memory,-nontrapping-fptoint,-sign-ext";

/// True when `out` is missing or older than `src` (a step whose input changed).
fn stale(src: &Path, out: &Path) -> bool {
    match (modified(src), modified(out)) {
        (Some(src), Some(out)) => src > out,
        _ => true,
    }
}

/// wasm-bindgen `--target web` of `raw` into `dir`, named `name` (glue `name.js`, wasm
/// `name_bg.wasm`); returns the wasm's path.
pub fn bindgen(tools: &BuildTools, raw: &Path, dir: &Path, name: &str) -> Result<PathBuf, String> {
    bindgen_with(tools, raw, dir, name, &[])
}

/// [`bindgen`] with `extra` arguments (`--keep-lld-exports` for a split main module, whose
/// pieces import the linker's exports: memory, table, stack pointer).
fn bindgen_with(
    tools: &BuildTools,
    raw: &Path,
    dir: &Path,
    name: &str,
    extra: &[&str],
) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    status(
        Command::new(&tools.wasm_bindgen)
            .arg(raw)
            .args(extra)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(dir),
    )?;
    Ok(dir.join(format!("{name}_bg.wasm")))
}

/// wasm-opt -Oz in place, repeated until nothing shrinks (`--converge`: −1.7 KB brotli of the
/// everyday bundle for ~4× the optimiser's time), with `flags` saying which features the module
/// may use.
pub fn optimise(tools: &BuildTools, wasm: &Path, flags: &[&str]) -> Result<(), String> {
    let optimised = wasm.with_extension("opt.wasm");
    status(
        Command::new(&tools.wasm_opt)
            .arg(wasm)
            .args(["-Oz", "--converge"])
            .args(flags)
            .arg("-o")
            .arg(&optimised),
    )?;
    std::fs::rename(&optimised, wasm).map_err(|e| format!("rename: {e}"))
}

/// The features rustc's default wasm32 output uses (the modern bundle).
pub const MODERN_FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The oldest engine the compat build serves (measured in real builds: tests/oldchrome/).
pub const COMPAT_JS_TARGET: &str = "chrome69";

/// Lowers wasm-bindgen's glue in place to what `COMPAT_JS_TARGET` parses (ES2018: e.g. its
/// `?.` becomes a conditional) with the pinned esbuild; idempotent, so it runs on every build.
fn lower_glue(tools: &BuildTools, glue: &Path) -> Result<(), String> {
    let lowered = glue.with_extension("lowered.js");
    status(
        Command::new(&tools.esbuild)
            .arg(glue)
            .arg(format!("--target={COMPAT_JS_TARGET}"))
            .args(["--format=esm", "--log-level=warning", "--charset=utf8"])
            .arg(format!("--outfile={}", lowered.display())),
    )?;
    // Unchanged output keeps the file's time (and so its ETag and precompressed copies).
    if std::fs::read(&lowered).ok() == std::fs::read(glue).ok() {
        return std::fs::remove_file(&lowered).map_err(|e| format!("remove: {e}"));
    }
    std::fs::rename(&lowered, glue).map_err(|e| format!("rename: {e}"))
}

/// `cargo build` of the widgets for wasm32 with the `wasm` profile into `target_dir`, with extra
/// cargo `features` and `rustflags` (plus the path remapping); returns the path of the raw wasm.
fn cargo_wasm(
    target_dir: &Path,
    features: &[&str],
    rustflags: Option<String>,
) -> Result<PathBuf, String> {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(root())
        .env("CARGO_TARGET_DIR", target_dir)
        .args(["build", "--package", "bangfu-widgets", "--lib"])
        .args(["--target", WASM_TARGET, "--profile", "wasm"]);
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
    cmd.env(
        "CARGO_ENCODED_RUSTFLAGS",
        crate::remap::encoded_rustflags(rustflags.as_deref()),
    );
    status(&mut cmd)?;
    Ok(target_dir.join(format!("{WASM_TARGET}/wasm/bangfu_widgets.wasm")))
}

/// Builds the compat bundle into `www/pkg/compat/` for Chromium 70–95 engines (360 极速,
/// UOS/奇安信, older WeChat), split like the modern one: rustc without post-MVP features,
/// target features stripped before wasm-bindgen, then binaryen lowers what the standard library
/// still uses, and esbuild lowers the glue's syntax. The pieces import the engine's stack pointer,
/// a mutable global (Chromium 69+).
pub fn build_compat(tools: &BuildTools) -> Result<Parts, String> {
    let root = root();
    let target_dir = root.join("target/compat");
    let raw = cargo_wasm(
        &target_dir,
        &["split"],
        Some(format!("-Ctarget-feature={POST_MVP}")),
    )?;
    let dir = root.join("www/pkg/compat");
    let work = root.join("target/split/compat");
    let wasm = dir.join("bangfu_widgets_bg.wasm");
    let parts = match split::earlier(&work) {
        Some(parts) if !stale(&raw, &wasm) => {
            eprintln!("xtask: compat wasm unchanged");
            parts
        }
        _ => {
            let parts = split::split(&tools.wasm_split, &raw, &work)?;
            compat_main(
                tools,
                &parts.main,
                &target_dir,
                &dir,
                &["--keep-lld-exports"],
            )?;
            for piece in parts.pieces() {
                lower_and_optimise(tools, &work.join(&piece), &target_dir)?;
            }
            parts.save()?;
            parts
        }
    };
    lower_glue(tools, &dir.join("bangfu_widgets.js"))?;
    Ok(parts)
}

/// A compat bundle of the widgets with cargo `features` into `dir`, not split (see
/// [`build_compat`]; the screening bundle).
pub fn compat_bundle(
    tools: &BuildTools,
    target_dir: &Path,
    features: &[&str],
    dir: &Path,
) -> Result<PathBuf, String> {
    let raw = cargo_wasm(
        target_dir,
        features,
        Some(format!("-Ctarget-feature={POST_MVP}")),
    )?;
    let wasm = dir.join("bangfu_widgets_bg.wasm");
    if !stale(&raw, &wasm) {
        eprintln!("xtask: compat wasm unchanged");
        lower_glue(tools, &dir.join("bangfu_widgets.js"))?;
        return Ok(wasm);
    }
    compat_main(tools, &raw, target_dir, dir, &[])?;
    lower_glue(tools, &dir.join("bangfu_widgets.js"))?;
    Ok(wasm)
}

/// Target features stripped from `raw`, wasm-bindgen (with `extra` arguments) into `dir`, then
/// lowered and optimised as MVP.
fn compat_main(
    tools: &BuildTools,
    raw: &Path,
    target_dir: &Path,
    dir: &Path,
    extra: &[&str],
) -> Result<PathBuf, String> {
    let stripped = target_dir.join("bangfu_widgets.stripped.wasm");
    status(
        Command::new(&tools.wasm_opt)
            .arg(raw)
            .args(["--strip-target-features", "-o"])
            .arg(&stripped),
    )?;
    let wasm = bindgen_with(tools, &stripped, dir, "bangfu_widgets", extra)?;
    lower_and_optimise(tools, &wasm, target_dir)?;
    Ok(wasm)
}

/// In place: first lower what the precompiled standard library still uses (the features must
/// be enabled to read it), then optimise as plain MVP (plus imported and exported mutable
/// globals, which the split's pieces share) so no pass brings them back.
fn lower_and_optimise(tools: &BuildTools, wasm: &Path, target_dir: &Path) -> Result<(), String> {
    let lowered = target_dir.join("bangfu_widgets.lowered.wasm");
    status(
        Command::new(&tools.wasm_opt)
            .arg(wasm)
            .args([
                "--enable-bulk-memory",
                "--enable-bulk-memory-opt",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--llvm-memory-copy-fill-lowering",
                "--llvm-nontrapping-fptoint-lowering",
                "--signext-lowering",
                "-o",
            ])
            .arg(&lowered),
    )?;
    std::fs::copy(&lowered, wasm).map_err(|e| format!("copy: {e}"))?;
    optimise(tools, wasm, &COMPAT_FEATURES)
}

/// The features the compat bundle may use: MVP, and mutable globals across modules.
pub const COMPAT_FEATURES: [&str; 2] = ["--mvp-features", "--enable-mutable-globals"];

/// Builds the quarterly data check (`<bangfu-screening>`, every widget plus the spreadsheet
/// readers) as its own bundle in `www/pkg/screening/` (and `compat/` under it for Chromium
/// 70–95), each with its Web Worker script `screening-worker.js` beside the glue, and a copy
/// of the loader and stylesheet, so only a page that loads `pkg/screening/bangfu.js`
/// downloads the spreadsheet code.
fn build_screening(tools: &BuildTools, loader_text: &str, css: &str) -> Result<(), String> {
    let root = root();
    let target_dir = root.join("target/screening");
    let raw = cargo_wasm(&target_dir, &["screening"], None)?;
    let dir = root.join("www/pkg/screening");
    let wasm = dir.join("bangfu_widgets_bg.wasm");
    if stale(&raw, &wasm) {
        bindgen(tools, &raw, &dir, "bangfu_widgets")?;
        optimise(tools, &wasm, &MODERN_FEATURES)?;
    }
    let compat = dir.join("compat");
    compat_bundle(
        tools,
        &root.join("target/screening-compat"),
        &["screening"],
        &compat,
    )?;
    let worker_path = root.join("widgets/js/screening-worker.js");
    let worker = std::fs::read_to_string(&worker_path)
        .map_err(|e| format!("{}: {e}", worker_path.display()))?;
    write_if_changed(&dir.join("screening-worker.js"), &worker)?;
    write_if_changed(&compat.join("screening-worker.js"), &worker)?;
    write_if_changed(&dir.join("bangfu.js"), loader_text)?;
    write_if_changed(&dir.join("bangfu.css"), css)
}

/// `contents` written to `path` only when they differ (an unchanged file keeps its time, and so
/// its ETag and precompressed copies).
pub fn write_if_changed(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    let contents = contents.as_ref();
    if std::fs::read(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The modern bundle into `www/pkg/`, split: the engine through wasm-bindgen, every module
/// through wasm-opt. An unchanged wasm skips all of it.
fn build_modern(tools: &BuildTools) -> Result<Parts, String> {
    let root = root();
    let raw = cargo_wasm(&root.join("target"), &["split"], None)?;
    let dir = root.join("www/pkg");
    let work = root.join("target/split/modern");
    let wasm = dir.join("bangfu_widgets_bg.wasm");
    if let Some(parts) = split::earlier(&work).filter(|_| !stale(&raw, &wasm)) {
        eprintln!("xtask: wasm unchanged, skipping the split, wasm-bindgen and wasm-opt");
        return Ok(parts);
    }
    let parts = split::split(&tools.wasm_split, &raw, &work)?;
    bindgen_with(
        tools,
        &parts.main,
        &dir,
        "bangfu_widgets",
        &["--keep-lld-exports"],
    )?;
    optimise(tools, &wasm, &MODERN_FEATURES)?;
    for piece in parts.pieces() {
        optimise(tools, &work.join(&piece), &MODERN_FEATURES)?;
    }
    parts.save()?;
    Ok(parts)
}

/// Builds `www/pkg/`; returns the path of the optimised engine wasm.
pub fn build(tools: &BuildTools) -> Result<PathBuf, String> {
    let root = root();
    let dir = root.join("www/pkg");
    let modern = build_modern(tools)?;
    let template_path = root.join("widgets/js/bangfu.js");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    let css = stylesheet()?;
    let loader_text = template.replace("__BANGFU_CSS__", &js_string(&css));
    // The same stylesheet as a file, for engines without constructable stylesheets (< 73)
    // on pages whose CSP forbids the inline <style> fallback.
    write_if_changed(&dir.join("bangfu.css"), &css)?;
    let compat = build_compat(tools)?;
    // Each variant's pieces and link module beside its glue, the glue importing the link
    // module by its hashed name (so the glue's own hash covers it).
    let modern_link = crate::split_place::place(&modern, &dir, "")?;
    let compat_link = crate::split_place::place(&compat, &dir, "compat/")?;
    build_screening(tools, &loader_text, &css)?;
    crate::npm::write_package(&dir)?;
    crate::precompress::precompress(&dir)?;
    // The loader keeps its stable name and names content-hashed copies of what it fetches,
    // which the server marks immutable: a second visit fetches nothing but the loader's 304.
    let mut logicals: Vec<String> = crate::hashed::LOADER_FILES
        .iter()
        .map(|s| s.to_string())
        .collect();
    logicals.extend(modern_link.logicals());
    logicals.extend(compat_link.logicals());
    let names = crate::hashed::place_beside(&dir, &logicals)?;
    let hashed = |logical: &str| {
        logicals
            .iter()
            .position(|l| l == logical)
            .and_then(|i| names.get(i).cloned())
            .unwrap_or_default()
    };
    let loader_text = crate::hashed::rewrite_lines(
        &loader_text,
        &[
            crate::hashed::files_line(&names),
            crate::hashed::css_line(&names[4]),
            crate::split_place::chunks_line(
                &[("modern", &modern_link), ("compat", &compat_link)],
                &hashed,
            ),
        ],
    )?;
    write_if_changed(&dir.join("bangfu.js"), &loader_text)?;
    crate::precompress::precompress(&dir)?;
    Ok(dir.join("bangfu_widgets_bg.wasm"))
}
