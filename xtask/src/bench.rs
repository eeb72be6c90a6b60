//! `cargo xtask bench`: measures, does not assert. Prints a table, writes
//! `target/bench/bench.json` and regenerates the measured section of `docs/performance.md`
//! (`tests/bench/report.mjs`), so the document cannot drift from the last run:
//! - sizes raw/gzip/brotli of what each page needs of the split bundle (the engine alone for
//!   `evaluate()`, the engine and one widget's pieces, all four), modern and compat, and of a
//!   Yew hello-world built in the same run;
//! - added load per widget page and the county page, cold and warm, under Slow 4G + 4× CPU,
//!   with the plain-JS and Yew hello-world baselines, and the bytes each page fetches (modern
//!   and compat) (`tests/bench/load.mjs`);
//! - evaluate() per calculator in steady state, native and in wasm, for the same requests;
//!   `bangfu eval --batch` households per second.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::bundle;
use crate::root;
use crate::run::{output, status};
use crate::server;
use crate::tools::{self, BuildTools, WASM_TARGET};

/// (raw, gzip -9, brotli -q 11) bytes of a file.
fn sizes(path: &Path) -> Result<(u64, u64, u64), String> {
    let raw = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    let compressed = |prog: &str, args: &[&str]| -> Result<u64, String> {
        let out = Command::new(prog)
            .args(args)
            .arg(path)
            .stdout(Stdio::piped())
            .output()
            .map_err(|e| format!("{prog}: {e}"))?;
        Ok(out.stdout.len() as u64)
    };
    Ok((
        raw,
        compressed("gzip", &["-9", "-c"])?,
        compressed("brotli", &["-q", "11", "-c"])?,
    ))
}

/// The sums of [`sizes`] over `files` (each compressed on its own, as it is served).
fn total_sizes(files: &[PathBuf]) -> Result<(u64, u64, u64), String> {
    let mut sum = (0, 0, 0);
    for f in files {
        let (r, g, b) = sizes(f)?;
        sum = (sum.0 + r, sum.1 + g, sum.2 + b);
    }
    Ok(sum)
}

/// Builds wasm for a crate in `manifest_dir` (or the widgets with `features`) into `out`.
fn build_variant(
    tools: &BuildTools,
    name: &str,
    manifest: &Path,
    features: Option<&str>,
    out: &Path,
) -> Result<PathBuf, String> {
    let target_dir = root().join("target/bench-variants");
    let mut cmd = Command::new("cargo");
    cmd.current_dir(root())
        .env("CARGO_TARGET_DIR", &target_dir)
        .arg("build")
        .arg("--manifest-path")
        .arg(manifest)
        .args(["--lib", "--target", WASM_TARGET, "--profile", "wasm"]);
    if let Some(f) = features {
        cmd.arg("--no-default-features");
        if !f.is_empty() {
            cmd.args(["--features", f]);
        }
    }
    status(&mut cmd)?;
    let stem = if name == "hello" {
        "bench_hello"
    } else {
        "bangfu_widgets"
    };
    let raw = target_dir.join(format!("{WASM_TARGET}/wasm/{stem}.wasm"));
    let wasm = bundle::bindgen(tools, &raw, out, stem)?;
    bundle::optimise(tools, &wasm, &bundle::MODERN_FEATURES)?;
    Ok(out.to_path_buf())
}

/// A minimal Yew app with the same versions and profile, outside our workspace.
fn hello_project() -> Result<PathBuf, String> {
    let dir = root().join("target/bench-hello");
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let manifest = r#"[package]
name = "bench-hello"
version = "0.0.0"
edition = "2021"

[lib]
crate-type = ["cdylib"]

[dependencies]
yew = { version = "0.23", features = ["csr"] }
wasm-bindgen = "=0.2.130"
web-sys = { version = "0.3", features = ["Element"] }

[profile.wasm]
inherits = "release"
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
"#;
    let lib = r#"use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[component]
fn App() -> Html {
    let n = use_state(|| 0);
    let onclick = { let n = n.clone(); Callback::from(move |_| n.set(*n + 1)) };
    html! { <button {onclick}>{ format!("你好 {}", *n) }</button> }
}

#[wasm_bindgen]
pub fn start(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}
"#;
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("src/lib.rs"), lib).map_err(|e| e.to_string())?;
    Ok(dir.join("Cargo.toml"))
}

pub fn run() -> Result<(), String> {
    let tools = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser_tools()?;
    if tools::which("brotli").is_none() {
        tools::apt_install(&["brotli"])?;
    }
    bundle::build(&tools)?;
    let root = root();
    let mut json = String::from("{\n");
    let mut table = String::new();

    // Sizes: what each kind of page needs of the split bundle.
    let mut rows: Vec<(String, Vec<PathBuf>, Vec<PathBuf>)> = Vec::new();
    for (variant, prefix) in [("modern", ""), ("compat", "compat/")] {
        let pkg = root.join("www/pkg").join(prefix);
        let parts = crate::split::earlier(&root.join(format!("target/split/{variant}")))
            .ok_or("no split map: run cargo xtask build")?;
        let js = vec![pkg.join("bangfu_widgets.js"), pkg.join("bangfu_split.js")];
        let engine = pkg.join("bangfu_widgets_bg.wasm");
        rows.push((
            format!("engine only (evaluate, {variant})"),
            vec![engine.clone()],
            js.clone(),
        ));
        for (kind, pieces) in &parts.kinds {
            let mut wasm = vec![engine.clone()];
            wasm.extend(pieces.iter().map(|p| pkg.join(p)));
            rows.push((format!("{kind} page ({variant})"), wasm, js.clone()));
        }
        let mut all = vec![engine.clone()];
        all.extend(parts.pieces().iter().map(|p| pkg.join(p)));
        rows.push((format!("all four ({variant})"), all, js));
    }
    let hello = build_variant(
        &tools,
        "hello",
        &hello_project()?,
        None,
        &root.join("target/bench/hello"),
    )?;
    rows.push((
        "Yew hello-world".into(),
        vec![hello.join("bench_hello_bg.wasm")],
        vec![hello.join("bench_hello.js")],
    ));
    let (_, _, loader_br) = sizes(&root.join("www/pkg/bangfu.js"))?;
    writeln!(
        table,
        "{:<34} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "page needs (files compressed one by one)",
        "wasm raw",
        "wasm gz",
        "wasm br",
        "js br",
        "total br"
    )
    .ok();
    json.push_str("  \"sizes\": {\n");
    let mut hello_br = 1;
    let mut all_br = 0;
    for (i, (name, wasm, js)) in rows.iter().enumerate() {
        let (raw, gz, br) = total_sizes(wasm)?;
        let (_, _, js_br) = total_sizes(js)?;
        let loader = if name.starts_with("Yew") {
            0
        } else {
            loader_br
        };
        let total = br + js_br + loader;
        if name == "Yew hello-world" {
            hello_br = total.max(1);
        }
        if name == "all four (modern)" {
            all_br = total;
        }
        writeln!(
            table,
            "{name:<34} {raw:>10} {gz:>10} {br:>10} {:>10} {total:>10}",
            js_br + loader
        )
        .ok();
        let _ = writeln!(json, "    \"{name}\": {{ \"wasm_raw\": {raw}, \"wasm_gzip\": {gz}, \"wasm_brotli\": {br}, \"js_brotli\": {}, \"total_brotli\": {total} }}{}",
            js_br + loader, if i + 1 < rows.len() { "," } else { "" });
    }
    json.push_str("  },\n");
    let ratio = all_br as f64 / hello_br as f64;
    writeln!(table, "all four ÷ Yew hello-world (brotli): {ratio:.1}×").ok();
    let _ = writeln!(json, "  \"ratio_to_hello_world\": {ratio:.2},");

    // Native evaluate and batch throughput.
    status(Command::new("cargo").current_dir(&root).args([
        "build",
        "--release",
        "-p",
        "bangfu-bench",
        "-p",
        "bangfu-cli",
    ]))?;
    let (ok, native) =
        output(Command::new(root.join("target/release/bangfu-bench")).arg("native"))?;
    if !ok {
        return Err(format!("bangfu-bench native failed: {native}"));
    }
    let native = native.trim().to_string();
    writeln!(table, "evaluate() native, µs per request: {native}").ok();
    let _ = writeln!(json, "  \"native_evaluate_us\": {native},");
    for (key, label, extra) in [
        ("batch_households_per_second", "with explanations", None),
        (
            "batch_no_explain_households_per_second",
            "\"explain\": false",
            Some("no-explain"),
        ),
    ] {
        let file = root.join(format!(
            "target/bench/households-{}.jsonl",
            extra.unwrap_or("explain")
        ));
        status(
            Command::new(root.join("target/release/bangfu-bench"))
                .args(["households", "100000"])
                .arg(&file)
                .args(extra),
        )?;
        let start = Instant::now();
        let st = Command::new(root.join("target/release/bangfu"))
            .args(["eval", "--batch"])
            .arg(&file)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| e.to_string())?;
        let secs = start.elapsed().as_secs_f64();
        let per_sec = 100_000.0 / secs;
        writeln!(table, "bangfu eval --batch ({label}): 100,000 households in {secs:.2}s = {per_sec:.0} households/s (exit {st})").ok();
        let _ = writeln!(json, "  \"{key}\": {per_sec:.0},");
    }

    // Browser: load under Slow 4G, evaluate in wasm. The server sends the brotli copies that
    // the build made, with validators and immutable hashed names, as a portal would.
    let (ok, requests) =
        output(Command::new(root.join("target/release/bangfu-bench")).arg("requests"))?;
    if !ok {
        return Err(format!("bangfu-bench requests failed: {requests}"));
    }
    let requests_file = root.join("target/bench/requests.json");
    std::fs::write(&requests_file, requests.trim()).map_err(|e| e.to_string())?;
    place_hello(&hello)?;
    let port = server::spawn(root.join("www"))?;
    let (ok, text) = output(
        Command::new(&browser.node)
            .current_dir(root.join("tests"))
            .arg("bench/load.mjs")
            .env("BANGFU_BASE_URL", format!("http://127.0.0.1:{port}"))
            .env("BANGFU_CHROMIUM", &browser.chromium)
            .env("BANGFU_BENCH_REQUESTS", &requests_file),
    )?;
    let browser_json = text
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or("null")
        .to_string();
    if !ok {
        eprintln!("{text}");
    }
    writeln!(table, "browser (Slow 4G, 4× CPU; median): {browser_json}").ok();
    let _ = writeln!(json, "  \"browser\": {browser_json},");
    crate::bench_screening::run(&browser, port, &mut table, &mut json)?;
    json.push_str("}\n");

    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("bench.json"), &json).map_err(|e| e.to_string())?;
    println!("\n{table}\nwritten: target/bench/bench.json");
    // The measured section of docs/performance.md, from that file.
    status(
        Command::new(&browser.node)
            .current_dir(root.join("tests"))
            .arg("bench/report.mjs")
            .arg(dir.join("bench.json"))
            .arg(root.join("docs/performance.md")),
    )?;
    println!("regenerated: docs/performance.md (measured section)");
    Ok(())
}

/// Serves the Yew hello-world baseline as the widgets are served: content-hashed glue and wasm
/// (immutable) under `www/bench/gen/hello/`, a stable `www/bench/gen/hello.js` that starts it,
/// precompressed.
fn place_hello(built: &Path) -> Result<(), String> {
    let gen = root().join("www/bench/gen");
    let dir = gen.join("hello");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut names = Vec::new();
    for file in ["bench_hello.js", "bench_hello_bg.wasm"] {
        let src = built.join(file);
        let (hex, _) = crate::hashed::sha384(&src)?;
        let name = crate::hashed::hashed_name(file, &hex);
        std::fs::copy(&src, dir.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        names.push(name);
    }
    let start = format!(
        "// Generated by `cargo xtask bench`: starts the Yew hello-world baseline.\n\
         import init, {{ start }} from \"./hello/{}\";\n\
         await init({{ module_or_path: new URL(\"./hello/{}\", import.meta.url) }});\n\
         start(document.getElementById(\"hello\"));\n",
        names[0], names[1]
    );
    std::fs::write(gen.join("hello.js"), start).map_err(|e| e.to_string())?;
    crate::precompress::precompress(&gen)
}
