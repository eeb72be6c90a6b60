//! Keeps `docs/policy.md` true to the data: the parameter tables between its
//! `<!-- parameters:begin -->` and `<!-- parameters:end -->` markers are generated from
//! `data/rule-sets/*.json`, and this test fails when the committed text differs.
//! `cargo xtask docs` (or `BANGFU_UPDATE_DOCS=1 cargo test -p bangfu-policy --test policy_doc`)
//! rewrites them.
//!
//! It reads the rule-set files as plain JSON and needs only this of each: an `id`, an optional
//! `label`, and a `parameters` list (or map keyed by name) whose entries have `name`, `label`,
//! `unit` and `values` (each with `at` — a year, a date or null —, `value`, `confidence`,
//! `source`). Anything else is
//! ignored and a missing field prints as "—", so a change of format elsewhere does not break it.

use serde_json::Value;
use std::path::{Path, PathBuf};

const BEGIN: &str = "<!-- parameters:begin (generated from crates/bangfu-policy/data/rule-sets/ by `cargo xtask docs`; do not edit by hand) -->";
const END: &str = "<!-- parameters:end -->";

fn text(v: Option<&Value>) -> String {
    let raw = match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| text(Some(i)))
            .collect::<Vec<_>>()
            .join("、"),
        Some(Value::Object(map)) => map
            .get("value")
            .map(|inner| text(Some(inner)))
            .unwrap_or_else(|| Value::Object(map.clone()).to_string()),
        Some(other) => other.to_string(),
    };
    // One table cell: no line breaks, no column separators.
    let cell = raw.replace('|', "\\|").replace('\n', " ");
    if cell.trim().is_empty() {
        "—".to_string()
    } else {
        cell
    }
}

fn unit(raw: &str) -> String {
    match raw {
        "yuan" => "元".into(),
        "yuan_per_person_year" => "元/人·年".into(),
        "yuan_per_month" => "元/月".into(),
        "ratio" => "比例".into(),
        "years" => "年/周岁".into(),
        "months" => "月".into(),
        "days" => "天".into(),
        "working_days" => "工作日".into(),
        "keywords" => "条目".into(),
        "persons" => "人".into(),
        "percent" => "%".into(),
        "" => "—".into(),
        other => other.into(),
    }
}

fn confidence(raw: &str) -> String {
    match raw {
        "plan" => "plan（民勤县计划原文）".into(),
        "official" => "official（官方文件或发布）".into(),
        "secondary" => "secondary（转述、新闻或二手来源）".into(),
        "unconfirmed" => "unconfirmed（未找到出处，本产品设定）".into(),
        "local" => "local（本地配置）".into(),
        other => other.into(),
    }
}

fn parameters(rule_set: &Value) -> Vec<Value> {
    match rule_set.get("parameters") {
        Some(Value::Array(list)) => list.clone(),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(name, p)| {
                let mut p = p.clone();
                if let Some(obj) = p.as_object_mut() {
                    obj.entry("name")
                        .or_insert_with(|| Value::from(name.clone()));
                }
                p
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn values(p: &Value) -> Vec<Value> {
    match p.get("values") {
        Some(Value::Array(list)) if !list.is_empty() => list.clone(),
        // A parameter stated once, without dated values.
        _ => vec![p.clone()],
    }
}

fn rule_set_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The generated block, markers included.
fn generate(dir: &Path) -> String {
    let mut out = vec![BEGIN.to_string()];
    for file in rule_set_files(dir) {
        let raw = std::fs::read_to_string(&file).unwrap();
        let rs: Value =
            serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let id = text(rs.get("id"));
        out.push(String::new());
        out.push(format!("### 规则集 `{id}`：{}", text(rs.get("label"))));
        out.push(String::new());
        out.push("| 参数 | 含义 | 单位 | 适用期 | 值 | 可信度 | 出处 |".into());
        out.push("|---|---|---|---|---|---|---|".into());
        for p in parameters(&rs) {
            let mut first = true;
            for v in values(&p) {
                let (name, label, u) = if first {
                    (
                        format!("`{}`", text(p.get("name"))),
                        text(p.get("label")),
                        unit(&text(p.get("unit"))),
                    )
                } else {
                    ("".into(), "".into(), "".into())
                };
                first = false;
                let at = match v.get("at") {
                    None | Some(Value::Null) => "长期".to_string(),
                    // A year's value holds for that year only; a dated value from that day on.
                    Some(Value::String(at)) if at.len() == 4 => format!("{at} 年度"),
                    at => format!("{} 起", text(at)),
                };
                // A parameter with no value is one the portal must set.
                let value = match v.get("value") {
                    None | Some(Value::Null) => "未配置".to_string(),
                    value => text(value),
                };
                out.push(format!(
                    "| {name} | {label} | {u} | {at} | {value} | {} | {} |",
                    confidence(&text(v.get("confidence"))),
                    text(v.get("source")),
                ));
            }
        }
    }
    out.push(String::new());
    out.push(END.to_string());
    out.join("\n")
}

#[test]
fn docs_policy_md_parameter_tables_match_the_rule_set_data() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let doc_path = crate_dir.join("../../docs/policy.md");
    let doc = std::fs::read_to_string(&doc_path).unwrap();
    let generated = generate(&crate_dir.join("data/rule-sets"));
    let (Some(start), Some(end)) = (doc.find("<!-- parameters:begin"), doc.find(END)) else {
        panic!("docs/policy.md lacks the parameters:begin / parameters:end markers");
    };
    let current = &doc[start..end + END.len()];
    if current == generated {
        return;
    }
    if std::env::var_os("BANGFU_UPDATE_DOCS").is_some() {
        let updated = format!("{}{generated}{}", &doc[..start], &doc[end + END.len()..]);
        std::fs::write(&doc_path, updated).unwrap();
        eprintln!("docs/policy.md: parameter tables regenerated");
        return;
    }
    panic!(
        "docs/policy.md's parameter tables differ from data/rule-sets/: run `cargo xtask docs` \
         and commit the result"
    );
}
