//! Quarterly data check (数据核查核准, 疑点数据 — Plan 附件2 第17条): one household record in,
//! flags out. `columns` guesses which spreadsheet column holds which field, `read` types a
//! row, `decide` applies the rules, `explain` words them. The CLI and the widget call
//! [`screen`] directly on each row; the JSON API (`calculator: "screening"`) wraps it.

pub mod columns;
pub mod decide;
pub mod explain;
pub mod read;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use columns::{find_layout, guess, is_skippable, Field, Layout, Mapping, HEADER_SEARCH_ROWS};
pub use decide::{decide, Evidence, Finding, Flag, Thresholds};
pub use read::{read, Record};

use crate::error::{Expected, Refusal};
use crate::explain::{Step, Warning};
use crate::input::{Errors, Reader, Value};
use crate::money::format_money;
use crate::params::{not_configured, At, Param, RuleSet};
use crate::sources::Source;
use crate::Outcome;

/// One flag as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagLine {
    pub code: String,
    pub label: String,
    pub message: String,
    /// Field codes involved (the first is the main one).
    pub fields: Vec<String>,
    /// Their usual column names.
    pub field_labels: Vec<String>,
    pub clause: String,
}

/// The `screening` result for one record (api.md style).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningResult {
    pub year: i32,
    pub date: String,
    pub household_id: String,
    pub head_name: String,
    pub township: String,
    pub village: String,
    /// False when the record could not be checked (range not configured): never "clean".
    pub decidable: bool,
    /// True only when the record was checked and nothing was found.
    pub clean: bool,
    pub per_capita_net_income: Option<String>,
    pub recomputed_per_capita: Option<String>,
    pub flags: Vec<FlagLine>,
}

/// Screens one row laid out by [`Field`]: read, decide, explain.
pub fn screen(cells: &[&str; Field::COUNT], t: &Thresholds, today: NaiveDate) -> ScreeningResult {
    let record = read(cells);
    screen_record(&record, t, today)
}

/// Screens a record already read.
pub fn screen_record(record: &Record, t: &Thresholds, today: NaiveDate) -> ScreeningResult {
    let (figures, findings) = decide(record, t, today);
    let flags: Vec<FlagLine> = findings
        .iter()
        .map(|f| FlagLine {
            code: f.flag.code().to_string(),
            label: f.flag.label().to_string(),
            message: explain::message(f, t),
            fields: f.fields.iter().map(|x| x.code().to_string()).collect(),
            field_labels: f.fields.iter().map(|x| x.label().to_string()).collect(),
            clause: f.flag.clause().cite(),
        })
        .collect();
    let decidable = t.range.is_some();
    ScreeningResult {
        year: t.year,
        date: today.to_string(),
        household_id: record.household_id.clone(),
        head_name: record.head_name.clone(),
        township: record.township.clone(),
        village: record.village.clone(),
        decidable,
        clean: decidable && flags.is_empty(),
        per_capita_net_income: figures.per_capita.map(format_money),
        recomputed_per_capita: figures.recomputed.map(format_money),
        flags,
    }
}

/// Longest cell accepted in a JSON record.
const MAX_CELL_CHARS: usize = 200;

/// The JSON door: `{ "year", "date", "record": { field code: cell text or number } }`.
pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome<ScreeningResult>, Errors> {
    let mut r = Reader::new();
    let Some(obj) = r.object(input, "input", "核查输入") else {
        return Err(r.into_errors());
    };
    let year = r.year(&obj, "year", "年度");
    let date = r.required_date(&obj, "date", "核查日期");
    let mut texts: Vec<String> = vec![String::new(); Field::COUNT];
    match obj.get("record") {
        Some(Value::Object(map)) => {
            for (key, value) in map {
                let path = format!("input.record.{key}");
                let Some(field) = Field::from_code(key) else {
                    r.refuse(&path, Refusal::UnknownRecordField { key });
                    continue;
                };
                let text = match value {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => {
                        r.refuse(
                            &path,
                            Refusal::WrongType {
                                label: field.label(),
                                expected: Expected::TextOrNumber,
                            },
                        );
                        continue;
                    }
                };
                if text.chars().count() > MAX_CELL_CHARS {
                    r.refuse(
                        &path,
                        Refusal::TooLong {
                            label: field.label(),
                            max: MAX_CELL_CHARS,
                        },
                    );
                    continue;
                }
                texts[field.index()] = text;
            }
        }
        None => r.refuse(
            "input.record",
            Refusal::Required {
                label: "要核查的户记录",
            },
        ),
        Some(_) => r.refuse("input.record", Refusal::NotAGroup { label: "户记录" }),
    }
    let (year, date) = r.finish(year.zip(date))?;
    let t = Thresholds::resolve(rules, year);
    let mut cells = [""; Field::COUNT];
    for (slot, text) in cells.iter_mut().zip(texts.iter()) {
        *slot = text.as_str();
    }
    let result = screen(&cells, &t, date);

    let mut basis = Step::new(
        "核查规则",
        format!("发现 {} 条疑点", result.flags.len()),
        "对照附件2第3、14、15、16、17条逐项核查：人均纯收入重算、人口、监测范围、识别与消除时间、收入变化、异常值",
        Source::Annex2(17),
    );
    for r in t.used() {
        basis = basis.with_param(r.to_use());
    }
    let mut warnings = Vec::new();
    if t.range.is_none() {
        basis = basis.with_param(not_configured(
            rules,
            Param::MonitoringRange.name(),
            At::Year(year),
        ));
        warnings.push(Warning::new(
            "monitoring_range_not_configured",
            format!("{year}年防止返贫监测范围未配置，本条记录未能完整核查（不是“无疑点”）"),
            Some("input.year".to_string()),
        ));
    }
    let mut steps = vec![basis];
    for f in &result.flags {
        steps.push(Step::new(
            f.label.clone(),
            f.code.clone(),
            f.message.clone(),
            f.clause.clone(),
        ));
    }
    if result.flags.is_empty() {
        steps.push(Step::new(
            "核查结果",
            "未发现疑点",
            "各项核查均通过",
            Source::Annex2(3),
        ));
    }
    Ok(Outcome {
        result,
        explanation: steps,
        warnings,
    })
}
