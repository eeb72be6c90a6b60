//! The 一键报贫 timeline of rules.md §3 (附件2 第4条, 第12条) on a validated request: the
//! profile's limits, each stage's due date, binding constraint and status against `today`.
//! Dates, counts and enums only; no Chinese text and no formatting here ([`super::explain`]
//! words them). The recurring duties are decided in [`super::duties`].

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::counting::Cal;
use super::read::{Profile, TimelineInput};
use crate::calendar::{self, CalendarError, DayKind};
use crate::params::{Param, RuleSet};

/// `due_soon` when this many working days or fewer are left (rules.md §3).
pub const DUE_SOON_WORKING_DAYS: u32 = 2;

/// Which limit sets a stage's due date: its own, or the overall cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    Stage,
    Overall,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    /// (r2) Finished after its due date (`days_late`).
    DoneLate,
    OnTrack,
    DueSoon,
    Overdue,
    /// (r2) The due date needs a year whose holiday schedule is not published.
    NotPublished,
}

/// The stages of one application, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageKind {
    Check,
    Feedback,
    Approval,
    Overall,
    Plan,
}

impl StageKind {
    pub const ALL: [StageKind; 5] = [
        StageKind::Check,
        StageKind::Feedback,
        StageKind::Approval,
        StageKind::Overall,
        StageKind::Plan,
    ];
}

/// How many days a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// "N 天内": D + N calendar days; `moved` when the Civil Code art. 203 setting moved a
    /// holiday due date to the next working day.
    CalendarDays { n: u32, moved: bool },
    /// "N 个工作日内": the N-th working day after D (Civil Code art. 201).
    WorkingDays { n: u32 },
}

/// The day a limit is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Applied(NaiveDate),
    /// The check was finished on this day.
    CheckDone(NaiveDate),
    /// The check is not finished: counted from its due date (unknown when unpublished).
    CheckDue(Option<NaiveDate>),
    Identified(NaiveDate),
}

/// How a stage's due date was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueRule {
    pub anchor: Anchor,
    pub count: Count,
    /// The overall limit ("不超过 N 天").
    pub is_cap: bool,
}

impl DueRule {
    fn new(anchor: Anchor, count: Count, is_cap: bool) -> DueRule {
        DueRule {
            anchor,
            count,
            is_cap,
        }
    }
}

/// One stage against `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageDecision {
    pub kind: StageKind,
    /// The earlier of its own due and the overall cap; `None` when it needs an unpublished
    /// year's working days (r2).
    pub due: Option<NaiveDate>,
    pub binding: Binding,
    pub status: Status,
    pub days_left: Option<i64>,
    pub working_days_left: Option<u32>,
    pub days_late: Option<i64>,
    pub completed_on: Option<NaiveDate>,
    /// When `due` is not a working day: the last working day before it.
    pub suggested: Option<NaiveDate>,
    pub rule: DueRule,
}

/// A due date on a holiday or weekend, with the working days left before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayDue {
    pub stage: StageKind,
    pub due: NaiveDate,
    /// The holiday's name; `None` for a weekend.
    pub holiday: Option<&'static str>,
    pub left: Vec<NaiveDate>,
    pub by: Option<NaiveDate>,
}

/// The profile's numbers, from the rule set (r2: parameters with their clause).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub profile: Profile,
    /// 附件2 第4条 "5 天内完成家庭状况核查" (甘肃: 5 个工作日).
    pub check: u32,
    /// "核查完成后 5 个工作日内反馈".
    pub after_check: u32,
    /// "5 个工作日内完成审批".
    pub approval: u32,
    /// "不超过 15 天" (甘肃: 15 个工作日).
    pub overall: u32,
    /// 附件2 第12条 "10 天内制定完善“一户一策”帮扶计划".
    pub plan: u32,
}

impl Limits {
    /// `None` when a limit is not configured.
    pub fn from_rules(profile: Profile, rules: &RuleSet) -> Option<Limits> {
        let n = |p: Param| rules.fixed(p).and_then(|v| v.to_u32());
        let (check, overall) = match profile {
            Profile::Minqin2024 => (Param::OneClickCheckDays, Param::OneClickOverallDays),
            Profile::Gansu2023 => (Param::GansuCheckWorkingDays, Param::GansuOverallWorkingDays),
        };
        Some(Limits {
            profile,
            check: n(check)?,
            after_check: n(Param::OneClickFeedbackWorkingDays)?,
            approval: n(Param::OneClickApprovalWorkingDays)?,
            overall: n(overall)?,
            plan: n(Param::HouseholdPlanDays)?,
        })
    }

    /// The Gansu guidance counts the check and the overall limit in working days.
    fn in_working_days(&self) -> bool {
        match self.profile {
            Profile::Minqin2024 => false,
            Profile::Gansu2023 => true,
        }
    }
}

/// The timeline of one application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineDecision {
    pub limits: Limits,
    /// Check, feedback, approval, overall.
    pub stages: [StageDecision; 4],
    /// Only once the household is identified.
    pub plan: Option<StageDecision>,
    pub estimated: bool,
    /// Years whose schedule was needed and is not published, in the order met.
    pub unpublished: Vec<i32>,
    pub holiday_dues: Vec<HolidayDue>,
}

impl TimelineDecision {
    pub fn all(&self) -> impl Iterator<Item = &StageDecision> {
        self.stages.iter().chain(self.plan.as_ref())
    }
}

/// A stage before it is set against `today`.
struct Limit {
    kind: StageKind,
    own: Option<NaiveDate>,
    overall: Option<NaiveDate>,
    completed: Option<NaiveDate>,
    rule: DueRule,
}

impl Limit {
    fn new(
        kind: StageKind,
        own: Option<NaiveDate>,
        overall: Option<NaiveDate>,
        completed: Option<NaiveDate>,
        rule: DueRule,
    ) -> Limit {
        Limit {
            kind,
            own,
            overall,
            completed,
            rule,
        }
    }
}

/// A stage's due is the earlier of its own and the overall cap; finished after it is
/// `done_late` (r2); `due_soon` within [`DUE_SOON_WORKING_DAYS`].
fn stage(cal: &mut Cal, s: Limit, today: NaiveDate) -> StageDecision {
    let (due, binding) = match (s.own, s.overall) {
        (Some(own), Some(o)) if o < own => (Some(o), Binding::Overall),
        (own, _) => (own, Binding::Stage),
    };
    // Without its own due (unpublished year) the cap is only an upper bound: no due at all.
    let working_days_left = due.and_then(|d| cal.working_between(today, d));
    let days_late = match (s.completed, due) {
        (Some(c), Some(d)) if c > d => Some((c - d).num_days()),
        _ => None,
    };
    let status = match (s.completed, due) {
        (Some(_), _) if days_late.is_some() => Status::DoneLate,
        (Some(_), _) => Status::Done,
        (None, None) => Status::NotPublished,
        (None, Some(d)) if today > d => Status::Overdue,
        (None, Some(_)) if working_days_left.is_some_and(|w| w <= DUE_SOON_WORKING_DAYS) => {
            Status::DueSoon
        }
        (None, Some(_)) => Status::OnTrack,
    };
    let suggested = due
        .and_then(|d| cal.working_on_or_before(d))
        .filter(|w| Some(*w) != due);
    StageDecision {
        kind: s.kind,
        due,
        binding,
        status,
        days_left: due.map(|d| (d - today).num_days()),
        working_days_left,
        days_late,
        completed_on: s.completed,
        suggested,
        rule: s.rule,
    }
}

/// 附件2 第4条 (or the Gansu guidance): check, feedback, approval and the overall cap from
/// the application day; 附件2 第12条: the 一户一策 plan from the identification day.
pub fn decide_timeline(t: &TimelineInput, lim: &Limits) -> Result<TimelineDecision, CalendarError> {
    let mut cal = Cal {
        allow_estimate: t.allow_estimate,
        estimated: false,
        extend: t.extend_past_holidays,
        unpublished: Vec::new(),
    };
    let (a, today, working) = (t.applied_on, t.today, lim.in_working_days());
    // "从农户自主申报到完成监测对象认定不超过 15 天" (甘肃: 15 个工作日): the cap of every stage.
    let (overall, count) = cal.add(a, lim.overall, working)?;
    let overall_rule = DueRule::new(Anchor::Applied(a), count, true);
    // "自农户申报日起 5 天内，必须完成家庭状况核查".
    let (check_own, count) = cal.add(a, lim.check, working)?;
    let check_rule = DueRule::new(Anchor::Applied(a), count, false);
    let check = Limit::new(
        StageKind::Check,
        check_own,
        overall,
        t.checked_on,
        check_rule,
    );
    let check = stage(&mut cal, check, today);
    let [feedback, approval] = after_check(&mut cal, t, lim, check_own, overall)?;
    let whole = Limit::new(
        StageKind::Overall,
        overall,
        None,
        t.identified_on,
        overall_rule,
    );
    let whole = stage(&mut cal, whole, today);
    let plan = plan(&mut cal, t, lim)?;
    let stages = [check, feedback, approval, whole];
    let holiday_dues = stages
        .iter()
        .chain(plan.as_ref())
        .filter_map(|s| holiday_due(t.allow_estimate, s, today))
        .collect();
    Ok(TimelineDecision {
        limits: *lim,
        stages,
        plan,
        estimated: cal.estimated,
        unpublished: cal.unpublished,
        holiday_dues,
    })
}

/// "核查完成后 5 个工作日内反馈 … 5 个工作日内完成审批": counted from the day the check was
/// finished, else from its due date; both capped by the overall limit.
fn after_check(
    cal: &mut Cal,
    t: &TimelineInput,
    lim: &Limits,
    check_own: Option<NaiveDate>,
    overall: Option<NaiveDate>,
) -> Result<[StageDecision; 2], CalendarError> {
    let c = t.checked_on.or(check_own);
    let anchor = match t.checked_on {
        Some(done) => Anchor::CheckDone(done),
        None => Anchor::CheckDue(c),
    };
    let feedback_own = match c {
        Some(c) => cal.add_working(c, lim.after_check)?,
        None => None,
    };
    let approval_own = match c {
        Some(c) => cal.add_working(c, lim.approval)?,
        None => None,
    };
    let rule = |n| DueRule::new(anchor, Count::WorkingDays { n }, false);
    let feedback = Limit::new(
        StageKind::Feedback,
        feedback_own,
        overall,
        t.identified_on,
        rule(lim.after_check),
    );
    let approval = Limit::new(
        StageKind::Approval,
        approval_own,
        overall,
        t.identified_on,
        rule(lim.approval),
    );
    Ok([stage(cal, feedback, t.today), stage(cal, approval, t.today)])
}

/// 附件2 第12条 "对新识别的监测对象，10 天内制定完善“一户一策”帮扶计划": only once identified.
fn plan(
    cal: &mut Cal,
    t: &TimelineInput,
    lim: &Limits,
) -> Result<Option<StageDecision>, CalendarError> {
    let Some(i) = t.identified_on else {
        return Ok(None);
    };
    let (due, count) = cal.add_calendar(i, lim.plan)?;
    let rule = DueRule::new(Anchor::Identified(i), count, false);
    let plan = Limit::new(StageKind::Plan, due, None, t.plan_done_on, rule);
    Ok(Some(stage(cal, plan, t.today)))
}

/// A due date, not yet met and not past, that falls on a holiday or weekend: it does not move
/// (rules.md §3), so the working days left before it are listed.
fn holiday_due(allow_estimate: bool, s: &StageDecision, today: NaiveDate) -> Option<HolidayDue> {
    let due = s.due?;
    if s.completed_on.is_some() || due < today {
        return None;
    }
    let holiday = match calendar::classify(due, allow_estimate).ok()?.kind {
        DayKind::Holiday(n) => Some(n),
        DayKind::Weekend => None,
        DayKind::Workday | DayKind::MakeUpWorkday(_) => return None,
    };
    let next = today.succ_opt()?;
    let left = if next <= due {
        calendar::add_working_days(today, 30, allow_estimate)
            .ok()?
            .0
            .into_iter()
            .map(|d| d.date)
            .filter(|d| *d <= due)
            .collect()
    } else {
        Vec::new()
    };
    Some(HolidayDue {
        stage: s.kind,
        due,
        holiday,
        left,
        by: s.suggested,
    })
}
