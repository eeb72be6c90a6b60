//! Deadlines (时限) — rules.md §3: the 一键报贫 timeline of one application, and the recurring
//! duties of a month or a year, in calendar and working days.
//!
//! Plan 附件2 第4条: "自农户申报日起 5 天内，必须完成家庭状况核查 … 核查完成后 5 个工作日内，反馈
//! 核查结果 … 对符合认定标准的 5 个工作日内完成审批，从农户自主申报到完成监测对象认定不超过 15 天。
//! 对新识别的监测对象，10 天内制定完善“一户一策”帮扶计划". (r2) These numbers are rule-set
//! parameters with their clause; a stage finished late is `done_late`; near a year without a
//! holiday schedule the calendar-day dues are still given.

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calc::working_days::calendar_error;
use crate::calendar::{self, CalendarError, DayKind};
use crate::dates::iso;
use crate::error::ErrorCode;
use crate::explain::{Step, Warning};
use crate::input::{Errors, Obj};
use crate::params::{Param, RuleSet};
use crate::sources::{
    ANNEX1_ITEM5, ANNEX1_ITEM8, ANNEX2_ITEM12, ANNEX2_ITEM16, ANNEX2_ITEM17, ANNEX2_ITEM4,
    ANNEX2_ITEM6, CIVIL_CODE_201, GANSU_2023_TIMES, MAIN_ITEM20, MAIN_ITEM22,
};
use crate::Outcome;

/// `due_soon` when this many working days or fewer are left (rules.md §3).
pub const DUE_SOON_WORKING_DAYS: u32 = 2;

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

impl Status {
    /// 已完成 / 逾期完成 / 按期 / 临近 / 逾期 / 未发布.
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::DoneLate => "逾期完成",
            Status::OnTrack => "按期",
            Status::DueSoon => "临近",
            Status::Overdue => "逾期",
            Status::NotPublished => "节假日安排未发布",
        }
    }
}

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

pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome, Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "时限计算输入", &mut errors) else {
        return Err(errors);
    };
    match obj.get("procedure").and_then(Value::as_str).map(str::trim) {
        Some("one_click_report") => timeline(&obj, errors, rules),
        Some("duties") => duties(&obj, errors, rules),
        Some(_) => {
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

struct Cal {
    allow_estimate: bool,
    estimated: bool,
    extend: bool,
    /// Years whose schedule was needed and is not published.
    unpublished: Vec<i32>,
}

impl Cal {
    fn note(&mut self, e: CalendarError) {
        if let CalendarError::NotPublished(y) = e {
            if !self.unpublished.contains(&y) {
                self.unpublished.push(y);
            }
        }
    }

    /// The n-th working day after `from`; `None` when it needs an unpublished year.
    fn add_working(&mut self, from: NaiveDate, n: u32) -> Result<Option<NaiveDate>, CalendarError> {
        match calendar::add_working_days(from, n, self.allow_estimate) {
            Ok((days, est)) => {
                self.estimated |= est;
                Ok(Some(days.last().map_or(from, |d| d.date)))
            }
            Err(e @ CalendarError::NotPublished(_)) => {
                self.note(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// "N 天内": D + N calendar days; moved to the next working day only with the Civil Code
    /// art. 203 setting (off by default, rules.md §3).
    fn add_calendar(
        &mut self,
        from: NaiveDate,
        n: i64,
    ) -> Result<(Option<NaiveDate>, bool), CalendarError> {
        let due = from
            .checked_add_signed(Duration::days(n))
            .ok_or(CalendarError::OutOfRange)?;
        if !self.extend {
            return Ok((Some(due), false));
        }
        let day = match calendar::classify(due, self.allow_estimate) {
            Ok(d) => d,
            Err(e) => {
                self.note(e);
                return Ok((None, false));
            }
        };
        self.estimated |= day.estimated;
        if day.kind.is_working() {
            Ok((Some(due), false))
        } else {
            Ok((self.add_working(due, 1)?, true))
        }
    }

    fn working_between(&mut self, today: NaiveDate, due: NaiveDate) -> Option<u32> {
        if due <= today {
            return Some(0);
        }
        let next = today.succ_opt()?;
        match calendar::count_working_days(next, due, self.allow_estimate) {
            Ok((n, est)) => {
                self.estimated |= est;
                Some(n)
            }
            Err(e) => {
                self.note(e);
                None
            }
        }
    }

    /// The last working day on or before `date` (for a due date on a holiday).
    fn working_on_or_before(&mut self, date: NaiveDate) -> Option<NaiveDate> {
        let mut d = date;
        for _ in 0..40 {
            if calendar::classify(d, self.allow_estimate)
                .ok()?
                .kind
                .is_working()
            {
                return Some(d);
            }
            d = d.pred_opt()?;
        }
        None
    }
}

/// A stage against `today`: its due (the earlier of its own and the overall cap), status and,
/// when finished, whether it was late.
struct StageInput {
    label: &'static str,
    own: Option<NaiveDate>,
    overall: Option<NaiveDate>,
    completed: Option<NaiveDate>,
    rule: String,
}

fn stage(cal: &mut Cal, s: StageInput, today: NaiveDate) -> Stage {
    let (due, binding) = match (s.own, s.overall) {
        (Some(own), Some(o)) if o < own => (Some(o), Binding::Overall),
        (None, Some(o)) => (Some(o), Binding::Overall),
        (own, _) => (own, Binding::Stage),
    };
    // Without its own due (unpublished year), the cap is only an upper bound: keep `stage`.
    let binding = if s.own.is_none() {
        Binding::Stage
    } else {
        binding
    };
    let due = if s.own.is_none() { None } else { due };
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
    Stage {
        label: s.label.to_string(),
        due: due.map(iso),
        binding,
        status,
        days_left: due.map(|d| (d - today).num_days()),
        working_days_left,
        days_late,
        completed_on: s.completed.map(iso),
        suggested_date: suggested.map(iso),
        rule: s.rule,
    }
}

/// The profile's numbers, from the rule set (r2: parameters with their clause).
struct Limits {
    gansu: bool,
    check: u32,
    after_check: u32,
    approval: u32,
    overall: u32,
    plan: u32,
}

fn limits(profile: &str, rules: &RuleSet) -> Option<Limits> {
    let n = |p: Param| rules.fixed(p).and_then(|v| v.to_u32());
    let gansu = profile == "gansu-2023";
    Some(Limits {
        gansu,
        check: n(if gansu {
            Param::GansuCheckWorkingDays
        } else {
            Param::OneClickCheckDays
        })?,
        after_check: n(Param::OneClickFeedbackWorkingDays)?,
        approval: n(Param::OneClickApprovalWorkingDays)?,
        overall: n(if gansu {
            Param::GansuOverallWorkingDays
        } else {
            Param::OneClickOverallDays
        })?,
        plan: n(Param::HouseholdPlanDays)?,
    })
}

fn moved(m: bool) -> &'static str {
    if m {
        "，遇节假日顺延"
    } else {
        ""
    }
}

fn timeline(obj: &Obj, mut errors: Errors, rules: &RuleSet) -> Result<Outcome, Errors> {
    let applied = obj.date("applied_on", "申报日期", true, &mut errors);
    let checked = obj.date("checked_on", "核查完成日期", false, &mut errors);
    let identified = obj.date("identified_on", "认定日期", false, &mut errors);
    let plan_done = obj.date("plan_done_on", "“一户一策”制定日期", false, &mut errors);
    let today = obj.date("today", "今天的日期", true, &mut errors);
    let profile = match obj.get("profile").and_then(Value::as_str).map(str::trim) {
        None | Some("") | Some("minqin-2024") => "minqin-2024",
        Some("gansu-2023") => "gansu-2023",
        Some(_) => {
            errors.push(
                "input.profile",
                ErrorCode::UnknownValue,
                "时限口径只能是 minqin-2024（民勤县）或 gansu-2023（甘肃省指南）",
            );
            "minqin-2024"
        }
    };
    let mut cal = Cal {
        allow_estimate: obj
            .flag("allow_estimate", "是否允许估算", &mut errors)
            .unwrap_or(false),
        estimated: false,
        extend: obj
            .flag(
                "extend_calendar_deadlines_past_holidays",
                "节假日顺延",
                &mut errors,
            )
            .unwrap_or(false),
        unpublished: Vec::new(),
    };
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
    let Some(lim) = limits(profile, rules) else {
        errors.push("rule_set", ErrorCode::UnknownParameter, "时限参数未配置");
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let dates = Dates {
        a,
        checked,
        identified,
        plan_done,
        today,
    };
    match build_timeline(&mut cal, &lim, &dates) {
        Ok(stages) => Ok(respond_timeline(cal, profile, &lim, stages, today)),
        Err(e) => {
            calendar_error(&mut errors, "input.applied_on", e);
            Err(errors)
        }
    }
}

struct Dates {
    a: NaiveDate,
    checked: Option<NaiveDate>,
    identified: Option<NaiveDate>,
    plan_done: Option<NaiveDate>,
    today: NaiveDate,
}

fn build_timeline(cal: &mut Cal, lim: &Limits, d: &Dates) -> Result<Stages, CalendarError> {
    let a = d.a;
    let (overall, overall_rule) = if lim.gansu {
        (
            cal.add_working(a, lim.overall)?,
            format!(
                "{a} 后第 {} 个工作日（不超过 {} 个工作日）",
                lim.overall, lim.overall
            ),
        )
    } else {
        let (due, m) = cal.add_calendar(a, i64::from(lim.overall))?;
        (
            due,
            format!(
                "{a} + {} 天（不超过 {} 天）{}",
                lim.overall,
                lim.overall,
                moved(m)
            ),
        )
    };
    let (check_own, check_rule) = if lim.gansu {
        (
            cal.add_working(a, lim.check)?,
            format!("{a} 后第 {} 个工作日", lim.check),
        )
    } else {
        let (due, m) = cal.add_calendar(a, i64::from(lim.check))?;
        (due, format!("{a} + {} 天{}", lim.check, moved(m)))
    };
    let check = stage(
        cal,
        StageInput {
            label: "入户核查",
            own: check_own,
            overall,
            completed: d.checked,
            rule: check_rule,
        },
        d.today,
    );
    let c = d.checked.or(check_own);
    let c_words = match (d.checked, c) {
        (Some(c), _) => format!("核查完成日 {c}"),
        (None, Some(c)) => format!("核查期限 {c}"),
        (None, None) => "核查期限".to_string(),
    };
    let feedback_own = match c {
        Some(c) => cal.add_working(c, lim.after_check)?,
        None => None,
    };
    let approval_own = match c {
        Some(c) => cal.add_working(c, lim.approval)?,
        None => None,
    };
    let feedback = stage(
        cal,
        StageInput {
            label: "反馈核查结果",
            own: feedback_own,
            overall,
            completed: d.identified,
            rule: format!("{c_words} 后第 {} 个工作日", lim.after_check),
        },
        d.today,
    );
    let approval = stage(
        cal,
        StageInput {
            label: "完成审批认定",
            own: approval_own,
            overall,
            completed: d.identified,
            rule: format!("{c_words} 后第 {} 个工作日", lim.approval),
        },
        d.today,
    );
    let overall_stage = stage(
        cal,
        StageInput {
            label: "全程办结",
            own: overall,
            overall: None,
            completed: d.identified,
            rule: overall_rule,
        },
        d.today,
    );
    let plan = match d.identified {
        Some(i) => {
            let (due, m) = cal.add_calendar(i, i64::from(lim.plan))?;
            Some(stage(
                cal,
                StageInput {
                    label: "制定“一户一策”帮扶计划",
                    own: due,
                    overall: None,
                    completed: d.plan_done,
                    rule: format!("认定日 {i} + {} 天{}", lim.plan, moved(m)),
                },
                d.today,
            ))
        }
        None => None,
    };
    Ok(Stages {
        check,
        feedback,
        approval,
        overall: overall_stage,
        plan,
    })
}

/// The working days left before a due date that falls on a holiday or weekend, listed.
fn holiday_warning(cal: &mut Cal, s: &Stage, today: NaiveDate) -> Option<Warning> {
    let due = crate::dates::parse_iso(s.due.as_deref()?)?;
    if s.completed_on.is_some() || due < today {
        return None;
    }
    let day = calendar::classify(due, cal.allow_estimate).ok()?;
    let name = match day.kind {
        DayKind::Holiday(n) => format!("{n}假期"),
        DayKind::Weekend => "周末".to_string(),
        DayKind::Workday | DayKind::MakeUpWorkday(_) => return None,
    };
    let next = today.succ_opt()?;
    let left: Vec<String> = if next <= due {
        calendar::add_working_days(today, 30, cal.allow_estimate)
            .ok()?
            .0
            .into_iter()
            .map(|d| d.date)
            .filter(|d| *d <= due)
            .map(|d| format!("{}月{}日", d.month(), d.day()))
            .collect()
    } else {
        Vec::new()
    };
    let by = s.suggested_date.clone().unwrap_or_default();
    Some(Warning::new(
        "due_in_holiday",
        format!(
            "{}的截止日 {} 在{name}内，不顺延：此前还有 {} 个工作日（{}），最晚请在 {by}（截止日前最后一个工作日）完成",
            s.label,
            due,
            left.len(),
            if left.is_empty() { "无".to_string() } else { left.join("、") }
        ),
        None,
    ))
}

fn respond_timeline(
    mut cal: Cal,
    profile: &str,
    lim: &Limits,
    stages: Stages,
    today: NaiveDate,
) -> Outcome {
    let source = if lim.gansu {
        GANSU_2023_TIMES
    } else {
        ANNEX2_ITEM4
    };
    let mut steps = Vec::new();
    let mut warnings = Vec::new();
    if cal.estimated {
        warnings.push(Warning::new(
            "estimated_calendar",
            "部分日期所在年份的节假日安排尚未发布，工作日仅按周末估算",
            None,
        ));
    }
    let all: Vec<&Stage> = [
        &stages.check,
        &stages.feedback,
        &stages.approval,
        &stages.overall,
    ]
    .into_iter()
    .chain(stages.plan.as_ref())
    .collect();
    for s in &all {
        let bound = if s.binding == Binding::Overall {
            format!("（受全程 {} 天上限约束）", lim.overall)
        } else {
            String::new()
        };
        let src = if s.label.contains("一户一策") {
            ANNEX2_ITEM12.to_string()
        } else {
            format!("{source}；{CIVIL_CODE_201}")
        };
        let late = s.days_late.map_or(String::new(), |n| {
            format!(
                "；{} 完成，逾期 {n} 天",
                s.completed_on.clone().unwrap_or_default()
            )
        });
        steps.push(Step::new(
            format!("{}期限", s.label),
            s.due.clone().unwrap_or_else(|| "节假日安排未发布".into()),
            format!("{}{bound}{late}", s.rule),
            src,
        ));
    }
    for s in &all {
        if let Some(w) = holiday_warning(&mut cal, s, today) {
            warnings.push(w);
        }
    }
    for s in all.iter().filter(|s| s.status == Status::DoneLate) {
        warnings.push(Warning::new(
            "done_late",
            format!("{}逾期完成 {} 天", s.label, s.days_late.unwrap_or(0)),
            None,
        ));
    }
    if !cal.unpublished.is_empty() {
        let years: Vec<String> = cal.unpublished.iter().map(|y| format!("{y}年")).collect();
        warnings.push(Warning::new(
            "calendar_not_published",
            format!("{}节假日安排未发布：按工作日计算的期限暂无法给出（按天计算的期限照常给出）；如需按周末粗略估算，请选择“估算”", years.join("、")),
            Some("input.applied_on".into()),
        ));
    }
    let result = TimelineResult {
        profile: profile.to_string(),
        check_due: stages.check.due.clone(),
        feedback_due: stages.feedback.due.clone(),
        approval_due: stages.approval.due.clone(),
        overall_due: stages.overall.due.clone(),
        plan_due: stages.plan.as_ref().and_then(|p| p.due.clone()),
        stages,
        estimated: cal.estimated,
    };
    Outcome {
        result: serde_json::to_value(result).unwrap_or(Value::Null),
        explanation: steps,
        warnings,
    }
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The recurring duties of rules.md §3 falling in `year` (and `month` when given).
fn duty_list(
    year: i32,
    month: Option<u32>,
    rules: &RuleSet,
) -> Vec<(NaiveDate, String, &'static str, &'static str)> {
    let pct = |p: Param| {
        rules
            .fixed(p)
            .map_or("未配置".to_string(), |v| format!("{}%", v.normalize()))
    };
    let mut out = Vec::new();
    for m in 1..=12u32 {
        if month.is_some_and(|x| x != m) {
            continue;
        }
        let day = |d: u32| NaiveDate::from_ymd_opt(year, m, d);
        let end = last_day(year, m);
        let mut push = |d: Option<NaiveDate>, task: String, source, rec| {
            if let Some(d) = d {
                out.push((d, task, source, rec));
            }
        };
        push(day(21), "下旬起：全国防返贫监测系统动态管理（新识别、人员增减、风险消除标注等），本月月底前完成".into(), ANNEX2_ITEM16, "monthly");
        push(
            day(25),
            "清退、回退监测对象书面报市农业农村局审核（25日前）".into(),
            ANNEX2_ITEM16,
            "monthly",
        );
        push(
            day(28),
            "相关行业部门向县农业农村局推送预警信息（每月28日）".into(),
            ANNEX2_ITEM6,
            "monthly",
        );
        push(
            day(30).or(end),
            "识别、消除情况报市农业农村局备案（30日前；2月为月末）".into(),
            ANNEX2_ITEM16,
            "monthly",
        );
        push(
            end,
            "驻村工作队本月走访“三类户”、低保户、残疾人、留守老人妇女儿童等困难群众至少 1 次"
                .into(),
            ANNEX1_ITEM5,
            "monthly",
        );
        if m % 3 == 0 {
            push(
                end,
                "本季度全国防止返贫监测系统数据核查核准".into(),
                ANNEX2_ITEM17,
                "quarterly",
            );
            push(
                end,
                "帮扶责任人本季度入户走访监测户至少 1 次".into(),
                ANNEX1_ITEM8,
                "quarterly",
            );
            push(
                end,
                "驻村工作队本季度走访脱贫户、一般户 1 次".into(),
                ANNEX1_ITEM5,
                "quarterly",
            );
            push(end, "季度考核".into(), MAIN_ITEM20, "quarterly");
        }
        yearly_duties(m, &day, &pct, &mut push);
    }
    out.sort_by_key(|d| d.0);
    out
}

fn duties(obj: &Obj, mut errors: Errors, rules: &RuleSet) -> Result<Outcome, Errors> {
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
    let computed = (|| -> Result<DutiesResult, CalendarError> {
        let mut estimated = false;
        let mut list = Vec::new();
        for (date, task, source, rec) in duty_list(year, month, rules) {
            let day = calendar::classify(date, allow_estimate)?;
            estimated |= day.estimated;
            // A window start (下旬 from the 21st) moves forward to the first working day on or
            // after it; a due date suggests the previous working day. Never "finish before" a
            // window opens.
            let window = task.starts_with("下旬起");
            let mut suggested = date;
            while !calendar::classify(suggested, allow_estimate)?
                .kind
                .is_working()
            {
                suggested = if window {
                    suggested.succ_opt()
                } else {
                    suggested.pred_opt()
                }
                .ok_or(CalendarError::OutOfRange)?;
            }
            list.push(Duty {
                date: iso(date),
                task,
                source: source.to_string(),
                working_day: day.kind.is_working(),
                suggested_date: iso(suggested),
                kind: if window { "window_start" } else { "due" }.into(),
                recurrence: rec.to_string(),
            });
        }
        let days = match month {
            Some(m) => month_days(year, m, allow_estimate)?,
            None => Vec::new(),
        };
        let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(CalendarError::OutOfRange)?;
        let to = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(CalendarError::OutOfRange)?;
        let (working, est) = calendar::count_working_days(from, to, allow_estimate)?;
        Ok(DutiesResult {
            year,
            month,
            duties: list,
            working_days_in_year: working,
            village_stay_required_days: rules
                .fixed(Param::VillageStayWorkingDays)
                .and_then(|v| v.to_u32()),
            calendar_document: calendar::year_calendar(year).map(|c| c.citation().to_string()),
            estimated: estimated || est,
            days,
        })
    })();
    match computed {
        Ok(result) => {
            let steps = vec![
                Step::new(
                    format!("{year}年工作日"),
                    result.working_days_in_year.to_string(),
                    "周一至周五除法定节假日，加调休上班日",
                    result
                        .calendar_document
                        .clone()
                        .unwrap_or_else(|| "仅按周末估算".into()),
                ),
                Step::new(
                    "驻村工作时间要求",
                    format!(
                        "不少于 {} 个工作日（全年共 {} 个工作日）",
                        result
                            .village_stay_required_days
                            .map_or("未配置".to_string(), |n| n.to_string()),
                        result.working_days_in_year
                    ),
                    "含因公出差、开会和培训",
                    ANNEX1_ITEM5,
                ),
            ];
            let mut warnings = Vec::new();
            if result.estimated {
                warnings.push(Warning::new(
                    "estimated_calendar",
                    format!("{year}年节假日安排尚未发布，工作日仅按周末估算"),
                    Some("input.year".into()),
                ));
            }
            Ok(Outcome {
                result: serde_json::to_value(result).unwrap_or(Value::Null),
                explanation: steps,
                warnings,
            })
        }
        Err(e) => {
            calendar_error(&mut errors, "input.year", e);
            Err(errors)
        }
    }
}

/// Every day of a month, as the official calendar classifies it.
fn month_days(year: i32, m: u32, allow_estimate: bool) -> Result<Vec<CalendarDay>, CalendarError> {
    let mut days = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(year, m, 1).ok_or(CalendarError::OutOfRange)?;
    while d.month() == m {
        let day = calendar::classify(d, allow_estimate)?;
        let (kind, name) = match day.kind {
            calendar::DayKind::Workday => ("workday", None),
            calendar::DayKind::Weekend => ("weekend", None),
            calendar::DayKind::Holiday(n) => ("holiday", Some(n.to_string())),
            calendar::DayKind::MakeUpWorkday(n) => ("makeup", Some(n.to_string())),
        };
        days.push(CalendarDay {
            date: iso(d),
            working_day: day.kind.is_working(),
            kind: kind.into(),
            name,
        });
        d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
    }
    Ok(days)
}

type Push<'a> = dyn FnMut(Option<NaiveDate>, String, &'static str, &'static str) + 'a;

/// The yearly duties of month `m`: 一户一策 adjustment by 31 March (附件2 第12条), the fund
/// milestones (主文 第22条) and the year-end updates (附件2 第16条).
fn yearly_duties(
    m: u32,
    day: &dyn Fn(u32) -> Option<NaiveDate>,
    pct: &dyn Fn(Param) -> String,
    push: &mut Push,
) {
    match m {
        3 => push(
            day(31),
            "风险未消除监测对象“一户一策”帮扶计划年度动态调整（3月底前）".into(),
            ANNEX2_ITEM12,
            "yearly",
        ),
        4 => push(
            day(30),
            format!(
                "衔接补助资金支出进度不低于 {}",
                pct(Param::FundMilestoneApril)
            ),
            MAIN_ITEM22,
            "yearly",
        ),
        6 => push(
            day(30),
            format!(
                "衔接补助资金支出进度不低于 {}",
                pct(Param::FundMilestoneJune)
            ),
            MAIN_ITEM22,
            "yearly",
        ),
        9 => push(
            day(30),
            format!(
                "衔接补助资金支出进度不低于 {}",
                pct(Param::FundMilestoneSeptember)
            ),
            MAIN_ITEM22,
            "yearly",
        ),
        12 => {
            push(
                day(31),
                format!(
                    "衔接补助资金支出除质保金外达到 {}",
                    pct(Param::FundMilestoneDecember)
                ),
                MAIN_ITEM22,
                "yearly",
            );
            push(
                day(31),
                "第四季度：脱贫人口和监测对象收入采集录入、已消除风险对象基础信息年度更新".into(),
                ANNEX2_ITEM16,
                "yearly",
            );
        }
        _ => {}
    }
}
