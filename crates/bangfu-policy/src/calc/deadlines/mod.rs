//! Deadlines (时限) — rules.md §3: the 一键报贫 timeline of one application, and the recurring
//! duties of a month or a year, in calendar and working days.
//!
//! Plan 附件2 第4条: "自农户申报日起 5 天内，必须完成家庭状况核查 … 核查完成后 5 个工作日内，反馈
//! 核查结果 … 对符合认定标准的 5 个工作日内完成审批，从农户自主申报到完成监测对象认定不超过 15 天。
//! 对新识别的监测对象，10 天内制定完善“一户一策”帮扶计划". (r2) These numbers are rule-set
//! parameters with their clause; a stage finished late is `done_late`; near a year without a
//! holiday schedule the calendar-day dues are still given.
//!
//! [`read`] (request → [`DeadlinesInput`]) → [`decide_timeline`] / [`decide_duties`] (dates
//! and enums, no wording) → `explain` (every sentence and citation). The result types below
//! are the api.md shape; only `api` serialises them.

mod counting;
mod decide;
mod duties;
mod explain;
mod read;

use serde::{Deserialize, Serialize};

pub use decide::{
    decide_timeline, Anchor, Binding, Count, DueRule, HolidayDue, Limits, StageDecision, StageKind,
    Status, TimelineDecision, DUE_SOON_WORKING_DAYS,
};
pub use duties::{decide_duties, DutiesDecision, DutyDecision, Recurrence, Task};
pub use read::{read, DeadlinesInput, DutiesInput, Procedure, Profile, TimelineInput};

use crate::calc::working_days::calendar_error;
use crate::error::Refusal;
use crate::input::{Errors, Value};
use crate::params::RuleSet;
use crate::Outcome;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub label: String,
    /// Null when it needs an unpublished year's working days (r2).
    pub due: Option<String>,
    pub binding: Binding,
    pub status: Status,
    /// Calendar days from `today` to `due` (negative when past).
    pub days_left: Option<i64>,
    /// Working days after `today` up to and including `due` (0 when past or due today).
    pub working_days_left: Option<u32>,
    /// (r2) Days after `due` the stage was finished (`done_late`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
    pub completed_on: Option<String>,
    /// When `due` is not a working day: the last working day before it, to act by.
    pub suggested_date: Option<String>,
    /// How the due date was reached, in plain words.
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stages {
    pub check: Stage,
    pub feedback: Stage,
    pub approval: Stage,
    pub overall: Stage,
    pub plan: Option<Stage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineResult {
    pub profile: String,
    pub check_due: Option<String>,
    pub feedback_due: Option<String>,
    pub approval_due: Option<String>,
    pub overall_due: Option<String>,
    pub plan_due: Option<String>,
    pub stages: Stages,
    pub estimated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    pub date: String,
    pub task: String,
    pub source: String,
    pub working_day: bool,
    /// A due date on a non-working day: the previous working day (the official date does not
    /// move). A window start: the first working day on or after it.
    pub suggested_date: String,
    /// `due` | `window_start`.
    pub kind: String,
    /// `monthly` | `quarterly` | `yearly`.
    pub recurrence: String,
}

/// One day of a month view: how the official calendar classifies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: String,
    pub working_day: bool,
    /// `workday` | `weekend` | `holiday` | `makeup`.
    pub kind: String,
    /// The holiday's name for `holiday` and `makeup` days.
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutiesResult {
    pub year: i32,
    pub month: Option<u32>,
    pub duties: Vec<Duty>,
    pub working_days_in_year: u32,
    pub village_stay_required_days: Option<u32>,
    pub calendar_document: Option<String>,
    pub estimated: bool,
    /// Every day of the month (month views only).
    pub days: Vec<CalendarDay>,
}

/// The `deadlines` result (api.md): one shape per `procedure`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DeadlinesResult {
    Timeline(Box<TimelineResult>),
    Duties(DutiesResult),
}

/// read → decide → explain.
pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome<DeadlinesResult>, Errors> {
    match read(input)? {
        DeadlinesInput::Timeline(t) => {
            let Some(limits) = Limits::from_rules(t.profile, rules) else {
                let mut errors = Errors::default();
                errors.refuse("rule_set", &Refusal::LimitsNotConfigured);
                return Err(errors);
            };
            decide_timeline(&t, &limits)
                .map(|d| explain::timeline(&d))
                .map_err(|e| calendar_error("input.applied_on", e))
        }
        DeadlinesInput::Duties(i) => decide_duties(&i, rules)
            .map(|d| explain::duties(&d))
            .map_err(|e| calendar_error("input.year", e)),
    }
}
