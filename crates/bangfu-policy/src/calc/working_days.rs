//! The `working_days` calculator (api.md): add N working days, count working days in a span,
//! or classify one date — against the official schedules (rules.md §3).

use chrono::Datelike;
use serde_json::{json, Value};

use crate::calendar::{self, CalendarError, MAX_WORKING_DAYS};
use crate::dates::iso;
use crate::error::ErrorCode;
use crate::explain::{Step, Warning};
use crate::input::{Errors, Obj};
use crate::sources::CIVIL_CODE_201;
use crate::Outcome;

/// Records a calendar failure against `field`.
pub(crate) fn calendar_error(errors: &mut Errors, field: &str, e: CalendarError) {
    match e {
        CalendarError::NotPublished(year) => errors.push(
            field,
            ErrorCode::CalendarNotPublished,
            format!("{year}年节假日安排未发布，无法按工作日计算；如需按周末粗略估算，请选择“估算”"),
        ),
        CalendarError::OutOfRange => errors.push(
            field,
            ErrorCode::TooLarge,
            "日期跨度过大（最多约 10 年），请核对",
        ),
    }
}

fn estimate_warning(warnings: &mut Vec<Warning>, estimated: bool) {
    if estimated {
        warnings.push(Warning::new(
            "estimated_calendar",
            "所涉年份的节假日安排尚未发布，结果仅按周末估算，可能与实际不符",
            None,
        ));
    }
}

fn citations(days: &[calendar::Day]) -> String {
    let mut cites: Vec<&str> = days
        .iter()
        .filter_map(|d| d.calendar.map(|c| c.citation()))
        .collect();
    cites.dedup();
    if cites.is_empty() {
        "仅按周末估算（该年节假日安排未发布）".to_string()
    } else {
        cites.join("；")
    }
}

pub fn evaluate(input: &Value) -> Result<Outcome, Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "工作日计算输入", &mut errors) else {
        return Err(errors);
    };
    let allow_estimate = obj
        .flag("allow_estimate", "是否允许估算", &mut errors)
        .unwrap_or(false);
    let op = match obj.get("op") {
        Some(Value::String(s)) => s.trim(),
        Some(_) => {
            errors.push(
                "input.op",
                ErrorCode::WrongType,
                "op 应为 add、count 或 is_working_day",
            );
            return Err(errors);
        }
        None => {
            errors.push(
                "input.op",
                ErrorCode::Required,
                "请指明计算方式：add、count 或 is_working_day",
            );
            return Err(errors);
        }
    };
    match op {
        "add" => op_add(&obj, errors, allow_estimate),
        "count" => op_count(&obj, errors, allow_estimate),
        "is_working_day" => op_is_working_day(&obj, errors, allow_estimate),
        other => {
            errors.push(
                "input.op",
                ErrorCode::UnknownValue,
                format!(
                    "不认识的计算方式“{}”，应为 add、count 或 is_working_day",
                    other.chars().take(20).collect::<String>()
                ),
            );
            Err(errors)
        }
    }
}

/// `op: "add"`.
fn op_add(obj: &Obj, mut errors: Errors, allow_estimate: bool) -> Result<Outcome, Errors> {
    let mut warnings = Vec::new();
    let from = obj.date("from", "起算日期", true, &mut errors);
    let n = obj.whole(
        "days",
        "工作日天数",
        1,
        u64::from(MAX_WORKING_DAYS),
        true,
        &mut errors,
    );
    let (Some(from), Some(n)) = (from, n) else {
        return Err(errors);
    };
    match calendar::add_working_days(from, n as u32, allow_estimate) {
        Ok((days, estimated)) => {
            let due = days.last().map_or(from, |d| d.date);
            estimate_warning(&mut warnings, estimated);
            let listed: Vec<String> = days
                .iter()
                .map(|d| match d.kind {
                    calendar::DayKind::MakeUpWorkday(_) => {
                        format!("{}（调休上班）", d.date)
                    }
                    _ => iso(d.date),
                })
                .collect();
            let step = Step::new(
                format!("{from} 之后第 {n} 个工作日"),
                iso(due),
                format!("起算日不计入，依次计入：{}", listed.join("、")),
                format!("{}；{CIVIL_CODE_201}", citations(&days)),
            );
            Ok(Outcome {
                result: json!({ "date": iso(due), "estimated": estimated }),
                explanation: vec![step],
                warnings,
            })
        }
        Err(e) => {
            calendar_error(&mut errors, "input.from", e);
            Err(errors)
        }
    }
}

/// `op: "count"`.
fn op_count(obj: &Obj, mut errors: Errors, allow_estimate: bool) -> Result<Outcome, Errors> {
    let mut warnings = Vec::new();
    let from = obj.date("from", "开始日期", true, &mut errors);
    let to = obj.date("to", "结束日期", true, &mut errors);
    let (Some(from), Some(to)) = (from, to) else {
        return Err(errors);
    };
    if to < from {
        errors.push(
            "input.to",
            ErrorCode::RangeReversed,
            "结束日期不能早于开始日期",
        );
        return Err(errors);
    }
    match calendar::count_working_days(from, to, allow_estimate) {
        Ok((count, estimated)) => {
            estimate_warning(&mut warnings, estimated);
            let cites: Vec<&str> = (from.year()..=to.year())
                .filter_map(|y| calendar::year_calendar(y).map(|c| c.citation()))
                .collect();
            let step = Step::new(
                format!("{from} 至 {to} 的工作日"),
                count.to_string(),
                "首尾两日都计入；周一至周五除法定假日，加调休上班日",
                if cites.is_empty() {
                    "仅按周末估算".to_string()
                } else {
                    cites.join("；")
                },
            );
            Ok(Outcome {
                result: json!({ "working_days": count, "estimated": estimated }),
                explanation: vec![step],
                warnings,
            })
        }
        Err(e) => {
            calendar_error(&mut errors, "input.to", e);
            Err(errors)
        }
    }
}

/// `op: "is_working_day"`.
fn op_is_working_day(
    obj: &Obj,
    mut errors: Errors,
    allow_estimate: bool,
) -> Result<Outcome, Errors> {
    let mut warnings = Vec::new();
    let Some(date) = obj.date("date", "日期", true, &mut errors) else {
        return Err(errors);
    };
    match calendar::classify(date, allow_estimate) {
        Ok(day) => {
            estimate_warning(&mut warnings, day.estimated);
            let reason = day.reason();
            let working = day.kind.is_working();
            let step = Step::new(
                format!("{date} 是否工作日"),
                if working { "是" } else { "否" },
                reason.clone(),
                citations(&[day]),
            );
            Ok(Outcome {
                result: json!({ "working_day": working, "reason": reason, "estimated": day.estimated }),
                explanation: vec![step],
                warnings,
            })
        }
        Err(e) => {
            calendar_error(&mut errors, "input.date", e);
            Err(errors)
        }
    }
}
