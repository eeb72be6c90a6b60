//! Reading a `deadlines` request (api.md): which procedure, and its dates, profile and
//! calendar options. Closed vocabularies: [`Procedure`] and [`Profile`].

use chrono::NaiveDate;

use crate::error::Refusal;
use crate::input::{Errors, Obj, Reader, Value};

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

/// The request → the typed input, or every refusal at once.
pub fn read(input: &Value) -> Result<DeadlinesInput, Errors> {
    let mut r = Reader::new();
    let Some(obj) = r.object(input, "input", "时限计算输入") else {
        return Err(r.into_errors());
    };
    let label = "计算内容";
    let codes = Procedure::ALL.map(Procedure::code);
    // A procedure that is not text reads as not chosen (its wire code stays `required`).
    let input = match obj.get("procedure").and_then(|v| v.as_str()).map(str::trim) {
        Some(code) => match Procedure::from_code(code) {
            Some(Procedure::OneClickReport) => read_timeline(&obj, &mut r),
            Some(Procedure::Duties) => read_duties(&obj, &mut r),
            None => {
                let why = Refusal::NotOneOf {
                    label,
                    allowed: &codes,
                };
                r.refuse("input.procedure", why);
                None
            }
        },
        None => {
            let why = Refusal::Choose {
                label,
                options: &codes,
            };
            r.refuse("input.procedure", why);
            None
        }
    };
    r.finish(input)
}

/// The time-limit profile; blank means 民勤县.
fn read_profile(obj: &Obj, r: &mut Reader) -> Profile {
    if obj.is_blank("profile") {
        return Profile::Minqin2024;
    }
    r.choice(obj, "profile", "时限口径", &Profile::ALL, Profile::code)
        .unwrap_or(Profile::Minqin2024)
}

fn read_timeline(obj: &Obj, r: &mut Reader) -> Option<DeadlinesInput> {
    let applied = r.required_date(obj, "applied_on", "申报日期");
    let checked = r.date(obj, "checked_on", "核查完成日期");
    let identified = r.date(obj, "identified_on", "认定日期");
    let plan_done = r.date(obj, "plan_done_on", "“一户一策”制定日期");
    let today = r.required_date(obj, "today", "今天的日期");
    let profile = read_profile(obj, r);
    let allow_estimate = r.flag(obj, "allow_estimate", "是否允许估算");
    let extend = r.flag(obj, "extend_calendar_deadlines_past_holidays", "节假日顺延");
    let (a, today) = (applied?, today?);
    for (field, date, label) in [
        ("checked_on", checked, "核查完成日期"),
        ("identified_on", identified, "认定日期"),
        ("plan_done_on", plan_done, "“一户一策”制定日期"),
    ] {
        if let Some(d) = date.filter(|d| *d < a) {
            let why = Refusal::BeforeApplication {
                label,
                date: d,
                applied: a,
            };
            r.refuse(&format!("input.{field}"), why);
        }
    }
    Some(DeadlinesInput::Timeline(TimelineInput {
        applied_on: a,
        checked_on: checked,
        identified_on: identified,
        plan_done_on: plan_done,
        today,
        profile,
        allow_estimate: allow_estimate.unwrap_or(false),
        extend_past_holidays: extend.unwrap_or(false),
    }))
}

fn read_duties(obj: &Obj, r: &mut Reader) -> Option<DeadlinesInput> {
    let year = r.year(obj, "year", "年份");
    let month = r.whole(obj, "month", "月份", 1..=12).map(|m| m as u32);
    let allow_estimate = r.flag(obj, "allow_estimate", "是否允许估算");
    Some(DeadlinesInput::Duties(DutiesInput {
        year: year?,
        month,
        allow_estimate: allow_estimate.unwrap_or(false),
    }))
}
