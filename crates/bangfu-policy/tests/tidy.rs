//! Conventions as a test (in the spirit of rust-analyzer's `xtask/src/tidy.rs`): what is easy
//! to break and tedious to review. Runs with the engine's tests, so `cargo xtask test` runs it.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() && !matches!(name, "target" | "node_modules" | "pkg" | ".git") {
            rust_files(&p, out);
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

fn all_rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for d in ["crates", "widgets", "xtask"] {
        rust_files(&repo().join(d), &mut files);
    }
    assert!(files.len() > 30, "found only {} files", files.len());
    files
}

fn rel(p: &Path) -> String {
    p.strip_prefix(repo()).unwrap_or(p).display().to_string()
}

#[test]
fn every_rust_file_opens_with_a_module_comment() {
    let missing: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|p| !fs::read_to_string(p).unwrap_or_default().starts_with("//!"))
        .map(|p| rel(&p))
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` opening: {missing:?}"
    );
}

/// Code lines of the engine (comments are allowed to name the internal spec; what users see
/// is not).
fn engine_code_lines() -> Vec<(String, usize, String)> {
    let mut files = Vec::new();
    rust_files(&repo().join("crates/bangfu-policy/src"), &mut files);
    let mut out = Vec::new();
    for f in files {
        for (i, line) in fs::read_to_string(&f)
            .unwrap_or_default()
            .lines()
            .enumerate()
        {
            let code = line.split("//").next().unwrap_or("");
            if !line.trim_start().starts_with("//") && code.contains('"') {
                out.push((rel(&f), i + 1, line.to_string()));
            }
        }
    }
    out
}

#[test]
fn no_engine_text_cites_the_internal_spec() {
    let bad: Vec<String> = engine_code_lines()
        .into_iter()
        .filter(|(_, _, l)| {
            l.contains("rules.md") || l.contains("facts.md") || l.contains("api.md")
        })
        .map(|(f, n, l)| format!("{f}:{n}: {}", l.trim()))
        .collect();
    assert!(
        bad.is_empty(),
        "user-facing text must cite documents, not the internal spec:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_year_range_is_written_once() {
    let mut hits = Vec::new();
    for f in all_rust_files() {
        if rel(&f).contains("/tests/") {
            continue;
        }
        for (i, line) in fs::read_to_string(&f)
            .unwrap_or_default()
            .lines()
            .enumerate()
        {
            if line.contains("2000..=2100") || line.contains("2000, 2100") {
                hits.push(format!("{}:{}", rel(&f), i + 1));
            }
        }
    }
    // Only the `YEARS` constant of lib.rs (wherever its line moves to).
    assert!(
        hits.len() == 1 && hits[0].starts_with("crates/bangfu-policy/src/lib.rs:"),
        "one YEARS constant, in lib.rs: {hits:?}"
    );
}

#[test]
fn the_loader_and_the_widgets_read_the_same_attributes() {
    let loader = fs::read_to_string(repo().join("widgets/js/bangfu.js")).unwrap();
    let start = loader
        .find("var ATTRIBUTES = [")
        .expect("ATTRIBUTES in bangfu.js");
    let end = start + loader[start..].find("];").unwrap();
    let mut js: Vec<String> = loader[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect();
    let props = fs::read_to_string(repo().join("widgets/src/props.rs")).unwrap();
    let mut rs: Vec<String> = Vec::new();
    for pat in ["text(\"", "attr(\""] {
        for part in props.split(pat).skip(1) {
            if let Some(name) = part.split('"').next() {
                if !rs.contains(&name.to_string()) {
                    rs.push(name.to_string());
                }
            }
        }
    }
    // Attributes a widget reads from its element directly, named as `…_ATTRIBUTE` constants.
    let mut files = Vec::new();
    rust_files(&repo().join("widgets/src"), &mut files);
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for part in text.split("_ATTRIBUTE: &str = \"").skip(1) {
            if let Some(name) = part.split('"').next() {
                rs.push(name.to_string());
            }
        }
    }
    // The loader's own attributes (the fallback link) and the widget's own (the instance id
    // the loader sets) are not shared; `result-detail` is read live from the element when a
    // result is announced, so the loader does not observe it (see the note above ATTRIBUTES).
    js.retain(|a| a != "fallback-url");
    // Read from the host element by `ui/hooks.rs` (FULL_DETAIL_ATTRIBUTE) when a result is
    // announced, deliberately not observed by the loader (see the comment above ATTRIBUTES).
    js.retain(|a| a != "result-detail");
    rs.retain(|a| a != "instance" && a != "result-detail");
    js.sort();
    rs.sort();
    assert_eq!(
        js, rs,
        "ATTRIBUTES in bangfu.js and the keys props.rs reads"
    );
}

/// Every function of a file as (first line, length in lines): a line opening with `fn`
/// (after any visibility, `const`, `unsafe`) up to the closing brace at the same indentation.
fn function_lengths(text: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let mut t = l.trim_start();
        for prefix in ["pub(crate) ", "pub(super) ", "pub ", "const ", "unsafe "] {
            t = t.strip_prefix(prefix).unwrap_or(t);
        }
        if !t.starts_with("fn ") {
            continue;
        }
        let indent = &l[..l.len() - l.trim_start().len()];
        let close = format!("{indent}}}");
        if let Some(n) = lines[i + 1..].iter().position(|x| *x == close) {
            out.push((i + 1, n + 2));
        }
    }
    out
}

/// Every `.rs` file under `crates/bangfu-policy/src/calc` (every calculator, at any depth).
fn calculator_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&repo().join("crates/bangfu-policy/src/calc"), &mut files);
    files.sort();
    files
}

#[test]
fn no_calculator_function_runs_over_120_lines() {
    let files = calculator_files();
    let mut long = Vec::new();
    let mut seen = 0;
    for f in &files {
        let text = fs::read_to_string(f).unwrap_or_default();
        for (line, n) in function_lengths(&text) {
            seen += 1;
            if n > 120 {
                long.push(format!("{}:{line} {n} lines", rel(f)));
            }
        }
    }
    // The scan itself must see the calculators (a broken walk or parser passes nothing).
    assert!(
        files.len() >= 20 && seen >= 200,
        "scanned only {} files and {seen} functions under src/calc",
        files.len()
    );
    assert!(
        long.is_empty(),
        "split these (read → decide → explain): {long:?}"
    );
}

#[test]
fn the_function_scan_measures_what_it_should() {
    let text = "fn a() {\n    x;\n}\n\nimpl A {\n    pub(crate) fn b(\n        x: u8,\n    ) -> u8 {\n        x\n    }\n    pub const fn c() {}\n}\n";
    assert_eq!(function_lengths(text), [(1, 3), (6, 5)]);
}

#[test]
fn only_the_api_writes_json() {
    // Calculators return typed results; `api.rs` alone turns them into JSON (the request is
    // read through `input.rs`). A calculator naming serde_json is a second JSON writer.
    let mut bad = Vec::new();
    for f in calculator_files() {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("serde_json") || code.contains("json!") {
                bad.push(format!("{}:{} {}", rel(&f), i + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "JSON belongs in api.rs; these calculator lines use serde_json: {bad:?}"
    );
}

/// The string literals of Rust source, each with the line it starts on; comments (`//`, `/* */`)
/// and char literals (`'"'`) are skipped, raw strings (`r#"…"#`) are read whole.
fn string_literals(text: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = text.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let at = |i: usize, s: &str| s.chars().enumerate().all(|(k, x)| c.get(i + k) == Some(&x));
    while i < c.len() {
        if at(i, "//") {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            while i < c.len() && !at(i, "*/") {
                line += usize::from(c[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c[i] == '\'' {
            // A char literal ('"', '\'') is skipped; a lifetime ('a) is not a literal.
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
            } else if c.get(i + 2) == Some(&'\'') {
                i += 2;
            }
            i += 1;
        } else if c[i] == '"' || (c[i] == 'r' && (at(i + 1, "\"") || at(i + 1, "#"))) {
            let hashes = if c[i] == 'r' {
                i += 1;
                let n = c[i..].iter().take_while(|x| **x == '#').count();
                i += n;
                Some(n)
            } else {
                None
            };
            let (start, mut lit) = (line, String::new());
            i += 1;
            while i < c.len() {
                let close = match hashes {
                    Some(n) => c[i] == '"' && (1..=n).all(|k| c.get(i + k) == Some(&'#')),
                    None => c[i] == '"',
                };
                if close {
                    i += hashes.unwrap_or(0);
                    break;
                }
                if hashes.is_none() && c[i] == '\\' {
                    lit.push(c[i]);
                    i += 1;
                }
                if let Some(x) = c.get(i) {
                    line += usize::from(*x == '\n');
                    lit.push(*x);
                }
                i += 1;
            }
            out.push((start, lit));
            i += 1;
        } else {
            line += usize::from(c[i] == '\n');
            i += 1;
        }
    }
    out
}

fn is_chinese(ch: char) -> bool {
    matches!(ch, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

#[test]
fn the_literal_scan_finds_strings_and_skips_comments() {
    let text = "// \"注释\"\nlet a = '\"'; let b: &'a str = \"x\\\"汉\";\n/* \"块\" */ r#\"原\"文\"#; '\\''; \"y\"";
    let found: Vec<(usize, String)> = string_literals(text);
    let want = [(2, "x\\\"汉"), (3, "原\"文"), (3, "y")].map(|(l, s)| (l, s.to_string()));
    assert_eq!(found, want);
}

#[test]
fn no_decide_file_holds_chinese_text() {
    // decide.rs is rules and numbers only: every sentence and name users read lives in the
    // calculator's explain.rs (issue 12: read → decide → explain).
    let files: Vec<PathBuf> = calculator_files()
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "decide.rs"))
        .collect();
    let mut bad = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap_or_default();
        for (line, lit) in string_literals(&text) {
            if lit.chars().any(is_chinese) {
                bad.push(format!("{}:{line} {lit:?}", rel(f)));
            }
        }
    }
    assert!(
        files.len() >= 5,
        "found only {} decide.rs files",
        files.len()
    );
    assert!(bad.is_empty(), "move this wording to explain.rs: {bad:?}");
}

#[test]
fn calculators_refuse_only_through_the_catalogue() {
    // A refusal is a `Refusal` (one code, one sentence, error.rs): a calculator that builds a
    // `FieldError` or names an `ErrorCode` is wording a refusal at its call site again.
    let mut bad = Vec::new();
    for f in calculator_files() {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("FieldError") || code.contains("ErrorCode") {
                bad.push(format!("{}:{} {}", rel(&f), i + 1, line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "refuse with a `Refusal`: {bad:?}");
}

#[test]
fn calculators_name_parameters_at_compile_time() {
    // A misspelt parameter name would look exactly like "未配置": calculators ask the rule set
    // with a generated `Param`, never a string.
    let mut bad = Vec::new();
    for f in calculator_files() {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let by_string = [".decimal(\"", ".keywords(\"", "not_configured(rules, \""];
            if by_string.iter().any(|p| code.contains(p)) {
                bad.push(format!("{}:{} {}", rel(&f), i + 1, line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "name these with `Param`: {bad:?}");
}

#[test]
fn no_explanation_or_parameter_source_names_the_internal_spec() {
    // Style note 6: users see documents, never rules.md or facts.md.
    let requests = [
        r#"{"calculator":"income","input":{"year":2026,"household_size":2,"rigid_expenditure":"100","previous_per_capita_net_income":"9000","items":[{"category":"wage","item":"务工","amount":"16000"},{"category":"excluded","item":"慰问金","amount":"500"}]}}"#,
        r#"{"calculator":"eligibility","input":{"date":"2024-06-01","household":{"kind":"monitored","gansu_agricultural_hukou":true,"per_capita_net_income":"9000","risks":["natural_disaster"],"members":[{"age":40,"labour":"none"}],"monitoring":{"identified_on":"2021-01-01"}}}}"#,
        r#"{"calculator":"subsidy","input":{"year":2024,"household":{"kind":"monitored","on_dibao":true,"members":[{"age":40,"labour":"full","disability":"mild"}]}}}"#,
        r#"{"calculator":"deadlines","input":{"procedure":"one_click_report","applied_on":"2024-04-26","checked_on":"2024-05-06","today":"2024-05-06"}}"#,
        r#"{"calculator":"deadlines","input":{"procedure":"duties","year":2024}}"#,
    ];
    for r in requests {
        let text = bangfu_policy::evaluate_str(r).to_json();
        for bad in ["rules.md", "facts.md", "api.md"] {
            assert!(!text.contains(bad), "{bad} in the answer to {r}");
        }
    }
}

/// Names of newspapers and news sites that once stood in citations: a user sees the document
/// (or the office that published it), never the paper that reported it.
const NEWS_OUTLETS: [&str; 9] = [
    "晚报",
    "日报",
    "中新网",
    "每日甘肃网",
    "经济通",
    "新闻转载",
    "报道）",
    "rules.md",
    "facts.md",
];

#[test]
fn no_parameter_source_names_a_newspaper_or_an_internal_note() {
    let mut files = Vec::new();
    let dir = repo().join("crates/bangfu-policy/data/rule-sets");
    for e in fs::read_dir(&dir).into_iter().flatten().flatten() {
        files.push(e.path());
    }
    assert!(!files.is_empty());
    let mut bad = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("\"source\"")
                && NEWS_OUTLETS.iter().any(|n| line.contains(n))
            {
                bad.push(format!("{}:{}: {}", rel(&f), i + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "cite the document, not the paper:\n{}",
        bad.join("\n")
    );
}

#[test]
fn answers_cite_the_plan_in_one_form_and_never_a_newspaper() {
    // The one rendering is `bangfu_policy::sources::Source` (《标题》（民农领发〔2024〕9号 附件2）第N条).
    // (Income's item catalogue still carries its own text until income migrates to `Source`,
    // so the income request is checked for newspapers only.)
    let requests = [
        r#"{"calculator":"eligibility","input":{"date":"2024-06-01","household":{"kind":"monitored","gansu_agricultural_hukou":true,"per_capita_net_income":"9000","risks":["natural_disaster"],"members":[{"age":40,"labour":"none"}],"monitoring":{"identified_on":"2021-01-01"}}}}"#,
        r#"{"calculator":"eligibility","input":{"date":"2024-06-01","household":{"kind":"risk_eliminated","gansu_agricultural_hukou":true,"per_capita_net_income":"12000","members":[{"age":40,"labour":"full"}]}}}"#,
        r#"{"calculator":"subsidy","input":{"year":2024,"household":{"kind":"monitored","on_dibao":true,"holds_public_welfare_job":true,"members":[{"age":40,"labour":"full","disability":"mild","student":"college"}]},"details":{"microcredit":{"principal":"50000","years":"3","loan_date":"2024-05-01"}}}}"#,
        r#"{"calculator":"subsidy","input":{"year":2025,"household":{"kind":"poverty_alleviated"}}}"#,
        r#"{"calculator":"screening","input":{"year":2024,"date":"2024-10-01","record":{"household_size":"3","per_capita_net_income":"-5"}}}"#,
        r#"{"calculator":"deadlines","input":{"procedure":"duties","year":2024}}"#,
    ];
    let income = r#"{"calculator":"income","input":{"year":2024,"household_size":2,"items":[{"category":"wage","item":"公益性岗位","amount":"6000"}]}}"#;
    for r in requests.iter().chain([&income]) {
        let text = bangfu_policy::evaluate_str(r).to_json();
        for n in NEWS_OUTLETS {
            assert!(!text.contains(n), "{n} in the answer to {r}");
        }
        if *r != income {
            for old in ["工作要点 第", "工作要点 二、"] {
                assert!(
                    !text.contains(old),
                    "a citation not in the one form ({old}) in the answer to {r}"
                );
            }
        }
    }
}
