//! Reading a `deadlines` request (api.md): which procedure, and its dates, profile and
//! calendar options. Closed vocabularies: [`Procedure`] and [`Profile`].

use chrono::NaiveDate;

use crate::error::ErrorCode;
use crate::input::{Errors, Obj, Value};

/// What is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Procedure {
    /// The 一键报贫 timeline of one application.
    OneClickReport,
    /// The recurring duties of a month or a year.
    Duties,
}

impl Procedure {
    pub const ALL: [Procedure; 2] = [Procedure::OneClickReport, Procedure::Duties];

    pub fn code(self) -> &'static str {
        match self {
            Procedure::OneClickReport => "one_click_report",
            Procedure::Duties => "duties",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Procedure::OneClickReport => "一键报贫时限",
            Procedure::Duties => "工作日历",
        }
    }

    pub fn from_code(code: &str) -> Option<Procedure> {
        Procedure::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// Whose time limits apply to the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// 民勤县 2024 (附件2 第4条): days counted as calendar days, except where it says 工作日.
    Minqin2024,
    /// 甘肃省 2023 guidance: every limit in working days.
    Gansu2023,
}

impl Profile {
    pub const ALL: [Profile; 2] = [Profile::Minqin2024, Profile::Gansu2023];

    pub fn code(self) -> &'static str {
        match self {
            Profile::Minqin2024 => "minqin-2024",
            Profile::Gansu2023 => "gansu-2023",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Profile::Minqin2024 => "民勤县",
            Profile::Gansu2023 => "甘肃省指南",
        }
    }

    pub fn from_code(code: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A validated `one_click_report` request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineInput {
    pub applied_on: NaiveDate,
    pub checked_on: Option<NaiveDate>,
    pub identified_on: Option<NaiveDate>,
    pub plan_done_on: Option<NaiveDate>,
    pub today: NaiveDate,
    pub profile: Profile,
    pub allow_estimate: bool,
    /// Civil Code art. 203: a calendar-day limit ending on a holiday moves to the next
    /// working day (off by default, rules.md §3).
    pub extend_past_holidays: bool,
}

/// A validated `duties` request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DutiesInput {
    pub year: i32,
    pub month: Option<u32>,
    pub allow_estimate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlinesInput {
    Timeline(TimelineInput),
    Duties(DutiesInput),
}

/// The request → the typed input with the refusals not yet final (a timeline's rule-set
/// check comes after reading, and its refusal joins these), or the refusals that stop it.
pub fn read(input: &Value) -> Result<(DeadlinesInput, Errors), Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "时限计算输入", &mut errors) else {
        return Err(errors);
    };
    let procedure = obj.get("procedure").and_then(|v| v.as_str()).map(str::trim);
    match procedure.map(|p| Procedure::from_code(p).ok_or(p)) {
        Some(Ok(Procedure::OneClickReport)) => read_timeline(&obj, errors),
        Some(Ok(Procedure::Duties)) => read_duties(&obj, errors),
        Some(Err(_)) => {
            errors.push(
                "input.procedure",
                ErrorCode::UnknownValue,
                "procedure 只能是 one_click_report 或 duties",
            );
            Err(errors)
        }
        None => {
            errors.push(
                "input.procedure",
                ErrorCode::Required,
                "请指明计算内容：one_click_report（一键报贫时限）或 duties（工作日历）",
            );
            Err(errors)
        }
    }
}

fn read_profile(obj: &Obj, errors: &mut Errors) -> Profile {
    match obj.get("profile").and_then(|v| v.as_str()).map(str::trim) {
        None | Some("") => Profile::Minqin2024,
        Some(code) => Profile::from_code(code).unwrap_or_else(|| {
            errors.push(
                "input.profile",
                ErrorCode::UnknownValue,
                "时限口径只能是 minqin-2024（民勤县）或 gansu-2023（甘肃省指南）",
            );
            Profile::Minqin2024
        }),
    }
}

fn read_timeline(obj: &Obj, mut errors: Errors) -> Result<(DeadlinesInput, Errors), Errors> {
    let applied = obj.date("applied_on", "申报日期", true, &mut errors);
    let checked = obj.date("checked_on", "核查完成日期", false, &mut errors);
    let identified = obj.date("identified_on", "认定日期", false, &mut errors);
    let plan_done = obj.date("plan_done_on", "“一户一策”制定日期", false, &mut errors);
    let today = obj.date("today", "今天的日期", true, &mut errors);
    let profile = read_profile(obj, &mut errors);
    let allow_estimate = obj.flag("allow_estimate", "是否允许估算", &mut errors);
    let extend = obj.flag(
        "extend_calendar_deadlines_past_holidays",
        "节假日顺延",
        &mut errors,
    );
    let (Some(a), Some(today)) = (applied, today) else {
        return Err(errors);
    };
    for (field, date, label) in [
        ("checked_on", checked, "核查完成日期"),
        ("identified_on", identified, "认定日期"),
        ("plan_done_on", plan_done, "“一户一策”制定日期"),
    ] {
        if let Some(d) = date.filter(|d| *d < a) {
            errors.push(
                &format!("input.{field}"),
                ErrorCode::RangeReversed,
                format!("{label} {d} 早于申报日期 {a}"),
            );
        }
    }
    let input = TimelineInput {
        applied_on: a,
        checked_on: checked,
        identified_on: identified,
        plan_done_on: plan_done,
        today,
        profile,
        allow_estimate: allow_estimate.unwrap_or(false),
        extend_past_holidays: extend.unwrap_or(false),
    };
    Ok((DeadlinesInput::Timeline(input), errors))
}

fn read_duties(obj: &Obj, mut errors: Errors) -> Result<(DeadlinesInput, Errors), Errors> {
    let year = obj.year("year", "年份", &mut errors);
    let month = obj
        .whole("month", "月份", 1, 12, false, &mut errors)
        .map(|m| m as u32);
    let allow_estimate = obj
        .flag("allow_estimate", "是否允许估算", &mut errors)
        .unwrap_or(false);
    let Some(year) = year else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let input = DutiesInput {
        year,
        month,
        allow_estimate,
    };
    Ok((DeadlinesInput::Duties(input), errors))
}
