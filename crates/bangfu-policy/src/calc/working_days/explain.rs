//! Every sentence and citation of the `working_days` answer: the result, the one step, the
//! estimate warning, and the refusal a calendar failure becomes (shared with deadlines).

use chrono::Datelike;

use super::decide::WorkingDaysDecision;
use super::WorkingDaysResult;
use crate::calendar::{self, CalendarError};
use crate::error::Refusal;
use crate::explain::{Step, Warning};
use crate::input::Errors;
use crate::sources::Source;
use crate::Outcome;

/// A calendar failure as the refusal of `field` (shared with deadlines).
pub(crate) fn calendar_error(field: &str, e: CalendarError) -> Errors {
    let why = match e {
        CalendarError::NotPublished(year) => Refusal::CalendarNotPublished { year },
        CalendarError::OutOfRange => Refusal::SpanTooLong,
    };
    let mut errors = Errors::default();
    errors.refuse(field, &why);
    errors
}

fn estimate_warning(estimated: bool) -> Vec<Warning> {
    if !estimated {
        return Vec::new();
    }
    vec![Warning::new(
        "estimated_calendar",
        "所涉年份的节假日安排尚未发布，结果仅按周末估算，可能与实际不符",
        None,
    )]
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

/// The decision as the api.md result with its step and warnings.
pub fn explain(d: &WorkingDaysDecision) -> Outcome<WorkingDaysResult> {
    let (result, step, estimated) = match d {
        WorkingDaysDecision::Added {
            from,
            n,
            days,
            due,
            estimated,
        } => {
            let listed: Vec<String> = days
                .iter()
                .map(|d| match d.kind {
                    calendar::DayKind::MakeUpWorkday(_) => format!("{}（调休上班）", d.date),
                    _ => crate::dates::iso(d.date),
                })
                .collect();
            let step = Step::new(
                format!("{from} 之后第 {n} 个工作日"),
                crate::dates::iso(*due),
                format!("起算日不计入，依次计入：{}", listed.join("、")),
                format!("{}；{}", citations(days), Source::CivilCode201),
            );
            let result = WorkingDaysResult::Added {
                date: crate::dates::iso(*due),
                estimated: *estimated,
            };
            (result, step, *estimated)
        }
        WorkingDaysDecision::Counted {
            from,
            to,
            count,
            estimated,
        } => {
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
            let result = WorkingDaysResult::Counted {
                working_days: *count,
                estimated: *estimated,
            };
            (result, step, *estimated)
        }
        WorkingDaysDecision::Classified { date, day } => {
            let reason = day.reason();
            let working = day.kind.is_working();
            let step = Step::new(
                format!("{date} 是否工作日"),
                if working { "是" } else { "否" },
                reason.clone(),
                citations(&[*day]),
            );
            let result = WorkingDaysResult::Classified {
                working_day: working,
                reason,
                estimated: day.estimated,
            };
            (result, step, day.estimated)
        }
    };
    Outcome {
        result,
        explanation: vec![step],
        warnings: estimate_warning(estimated),
    }
}
