//! Every sentence and citation of the deadlines answer (rules.md §3): the api.md results with
//! their dates as strings, how each due date was reached, the steps, the warnings (holiday
//! due dates, late stages, unpublished years) and the duty calendar's tasks with their clause.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::decide::{
    Anchor, Binding, Count, DueRule, HolidayDue, StageDecision, StageKind, Status, TimelineDecision,
};
use super::duties::{DutiesDecision, DutyDecision, Task};
use super::read::Profile;
use super::{CalendarDay, DeadlinesResult, DutiesResult, Duty, Stage, Stages, TimelineResult};
use crate::calendar::{Day, DayKind};
use crate::explain::{Step, Warning};
use crate::sources::Source;
use crate::Outcome;

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

impl StageKind {
    pub fn label(self) -> &'static str {
        match self {
            StageKind::Check => "入户核查",
            StageKind::Feedback => "反馈核查结果",
            StageKind::Approval => "完成审批认定",
            StageKind::Overall => "全程办结",
            StageKind::Plan => "制定“一户一策”帮扶计划",
        }
    }

    /// The clause a stage's limit comes from.
    fn source(self, profile: Profile) -> String {
        let limits = match profile {
            Profile::Minqin2024 => Source::Annex2(4),
            Profile::Gansu2023 => Source::GansuOneClickTimes,
        };
        match self {
            StageKind::Plan => Source::Annex2(12).to_string(),
            StageKind::Check | StageKind::Feedback | StageKind::Approval | StageKind::Overall => {
                crate::sources::cite_all(&[limits, Source::CivilCode201])
            }
        }
    }
}

/// "2024-04-26 + 5 天", "核查完成日 2024-05-06 后第 5 个工作日", "… （不超过 15 天），遇节假日顺延".
fn rule_text(r: &DueRule) -> String {
    let anchor = match r.anchor {
        Anchor::Applied(a) => a.to_string(),
        Anchor::CheckDone(c) => format!("核查完成日 {c}"),
        Anchor::CheckDue(Some(c)) => format!("核查期限 {c}"),
        Anchor::CheckDue(None) => "核查期限".to_string(),
        Anchor::Identified(i) => format!("认定日 {i}"),
    };
    let (count, cap, moved) = match r.count {
        Count::CalendarDays { n, moved } => {
            (format!(" + {n} 天"), format!("（不超过 {n} 天）"), moved)
        }
        Count::WorkingDays { n } => (
            format!(" 后第 {n} 个工作日"),
            format!("（不超过 {n} 个工作日）"),
            false,
        ),
    };
    let cap = if r.is_cap { cap } else { String::new() };
    let moved = if moved { "，遇节假日顺延" } else { "" };
    format!("{anchor}{count}{cap}{moved}")
}

fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(crate::dates::iso)
}

fn stage_view(s: &StageDecision) -> Stage {
    Stage {
        label: s.kind.label().to_string(),
        due: date_text(s.due),
        binding: s.binding,
        status: s.status,
        days_left: s.days_left,
        working_days_left: s.working_days_left,
        days_late: s.days_late,
        completed_on: date_text(s.completed_on),
        suggested_date: date_text(s.suggested),
        rule: rule_text(&s.rule),
    }
}

/// The timeline as the api.md result, with a step per stage and its warnings.
pub fn timeline(d: &TimelineDecision) -> Outcome<DeadlinesResult> {
    let [check, feedback, approval, overall] = &d.stages;
    let result = TimelineResult {
        profile: d.limits.profile.code().to_string(),
        check_due: date_text(check.due),
        feedback_due: date_text(feedback.due),
        approval_due: date_text(approval.due),
        overall_due: date_text(overall.due),
        plan_due: date_text(d.plan.as_ref().and_then(|p| p.due)),
        stages: Stages {
            check: stage_view(check),
            feedback: stage_view(feedback),
            approval: stage_view(approval),
            overall: stage_view(overall),
            plan: d.plan.as_ref().map(stage_view),
        },
        estimated: d.estimated,
    };
    Outcome {
        result: DeadlinesResult::Timeline(Box::new(result)),
        explanation: d.all().map(|s| stage_step(s, d)).collect(),
        warnings: timeline_warnings(d),
    }
}

fn stage_step(s: &StageDecision, d: &TimelineDecision) -> Step {
    let bound = if s.binding == Binding::Overall {
        // The overall limit's own unit: 15 天 (民勤县), 10 个工作日 (甘肃省指南).
        let [.., overall] = &d.stages;
        let unit = match overall.rule.count {
            Count::CalendarDays { .. } => "天",
            Count::WorkingDays { .. } => "个工作日",
        };
        format!("（受全程 {} {unit}上限约束）", d.limits.overall)
    } else {
        String::new()
    };
    let late = s.days_late.map_or(String::new(), |n| {
        let on = date_text(s.completed_on).unwrap_or_default();
        format!("；{on} 完成，逾期 {n} 天")
    });
    Step::new(
        format!("{}期限", s.kind.label()),
        date_text(s.due).unwrap_or_else(|| "节假日安排未发布".into()),
        format!("{}{bound}{late}", rule_text(&s.rule)),
        s.kind.source(d.limits.profile),
    )
}

fn timeline_warnings(d: &TimelineDecision) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if d.estimated {
        warnings.push(Warning::new(
            "estimated_calendar",
            "部分日期所在年份的节假日安排尚未发布，工作日仅按周末估算",
            None,
        ));
    }
    warnings.extend(d.holiday_dues.iter().map(holiday_warning));
    for s in d.all().filter(|s| s.status == Status::DoneLate) {
        warnings.push(Warning::new(
            "done_late",
            format!("{}逾期完成 {} 天", s.kind.label(), s.days_late.unwrap_or(0)),
            None,
        ));
    }
    if !d.unpublished.is_empty() {
        let years: Vec<String> = d.unpublished.iter().map(|y| format!("{y}年")).collect();
        warnings.push(Warning::new(
            "calendar_not_published",
            format!("{}节假日安排未发布：按工作日计算的期限暂无法给出（按天计算的期限照常给出）；如需按周末粗略估算，请选择“估算”", years.join("、")),
            Some("input.applied_on".into()),
        ));
    }
    warnings
}

/// A due date in a holiday or on a weekend does not move: the working days before it.
fn holiday_warning(h: &HolidayDue) -> Warning {
    let name = match h.holiday {
        Some(n) => format!("{n}假期"),
        None => "周末".to_string(),
    };
    let left: Vec<String> = h
        .left
        .iter()
        .map(|d| format!("{}月{}日", d.month(), d.day()))
        .collect();
    let listed = if left.is_empty() {
        "无".to_string()
    } else {
        left.join("、")
    };
    let by = date_text(h.by).unwrap_or_default();
    Warning::new(
        "due_in_holiday",
        format!(
            "{}的截止日 {} 在{name}内，不顺延：此前还有 {} 个工作日（{listed}），最晚请在 {by}（截止日前最后一个工作日）完成",
            h.stage.label(),
            h.due,
            left.len(),
        ),
        None,
    )
}

/// A task as the duty calendar lists it; a fund milestone with its percentage.
fn task_text(t: Task, percent: Option<Decimal>) -> String {
    let pct = percent.map_or("未配置".to_string(), |v| format!("{}%", v.normalize()));
    match t {
        Task::SystemUpdate => {
            "下旬起：全国防返贫监测系统动态管理（新识别、人员增减、风险消除标注等），本月月底前完成"
                .into()
        }
        Task::RollbackReport => "清退、回退监测对象书面报市农业农村局审核（25日前）".into(),
        Task::WarningPush => "相关行业部门向县农业农村局推送预警信息（每月28日）".into(),
        Task::Filing => "识别、消除情况报市农业农村局备案（30日前；2月为月末）".into(),
        Task::TeamMonthlyVisit => {
            "驻村工作队本月走访“三类户”、低保户、残疾人、留守老人妇女儿童等困难群众至少 1 次".into()
        }
        Task::QuarterlyDataCheck => "本季度全国防止返贫监测系统数据核查核准".into(),
        Task::QuarterlyHelperVisit => "帮扶责任人本季度入户走访监测户至少 1 次".into(),
        Task::QuarterlyTeamVisit => "驻村工作队本季度走访脱贫户、一般户 1 次".into(),
        Task::QuarterlyAssessment => "季度考核".into(),
        Task::PlanAdjustment => {
            "风险未消除监测对象“一户一策”帮扶计划年度动态调整（3月底前）".into()
        }
        Task::FundApril | Task::FundJune | Task::FundSeptember => {
            format!("衔接补助资金支出进度不低于 {pct}")
        }
        Task::FundDecember => format!("衔接补助资金支出除质保金外达到 {pct}"),
        Task::YearEndUpdate => {
            "第四季度：脱贫人口和监测对象收入采集录入、已消除风险对象基础信息年度更新".into()
        }
    }
}

fn task_source(t: Task) -> Source {
    match t {
        Task::SystemUpdate | Task::RollbackReport | Task::Filing | Task::YearEndUpdate => {
            Source::Annex2(16)
        }
        Task::WarningPush => Source::Annex2(6),
        Task::TeamMonthlyVisit | Task::QuarterlyTeamVisit => Source::Annex1(5),
        Task::QuarterlyDataCheck => Source::Annex2(17),
        Task::QuarterlyHelperVisit => Source::Annex1(8),
        Task::QuarterlyAssessment => Source::Plan(20),
        Task::PlanAdjustment => Source::Annex2(12),
        Task::FundApril | Task::FundJune | Task::FundSeptember | Task::FundDecember => {
            Source::Plan(22)
        }
    }
}

fn duty_view(d: &DutyDecision) -> Duty {
    Duty {
        date: crate::dates::iso(d.date),
        task: task_text(d.task, d.percent),
        source: task_source(d.task).to_string(),
        working_day: d.working_day,
        suggested_date: crate::dates::iso(d.suggested),
        kind: if d.task.is_window() {
            "window_start"
        } else {
            "due"
        }
        .into(),
        recurrence: d.task.recurrence().code().to_string(),
    }
}

fn day_view(d: &Day) -> CalendarDay {
    let (kind, name) = match d.kind {
        DayKind::Workday => ("workday", None),
        DayKind::Weekend => ("weekend", None),
        DayKind::Holiday(n) => ("holiday", Some(n.to_string())),
        DayKind::MakeUpWorkday(n) => ("makeup", Some(n.to_string())),
    };
    CalendarDay {
        date: crate::dates::iso(d.date),
        working_day: d.kind.is_working(),
        kind: kind.into(),
        name,
    }
}

/// The duty calendar as the api.md result, with the working-day steps.
pub fn duties(d: &DutiesDecision) -> Outcome<DeadlinesResult> {
    let year = d.year;
    let document = d.calendar.map(|c| c.citation().to_string());
    let steps = vec![
        Step::new(
            format!("{year}年工作日"),
            d.working_days_in_year.to_string(),
            "周一至周五除法定节假日，加调休上班日",
            document.clone().unwrap_or_else(|| "仅按周末估算".into()),
        ),
        Step::new(
            "驻村工作时间要求",
            format!(
                "不少于 {} 个工作日（全年共 {} 个工作日）",
                d.village_stay_required_days
                    .map_or("未配置".to_string(), |n| n.to_string()),
                d.working_days_in_year
            ),
            "含因公出差、开会和培训",
            Source::Annex1(5),
        ),
    ];
    let mut warnings = Vec::new();
    if d.estimated {
        warnings.push(Warning::new(
            "estimated_calendar",
            format!("{year}年节假日安排尚未发布，工作日仅按周末估算"),
            Some("input.year".into()),
        ));
    }
    let result = DutiesResult {
        year,
        month: d.month,
        duties: d.duties.iter().map(duty_view).collect(),
        working_days_in_year: d.working_days_in_year,
        village_stay_required_days: d.village_stay_required_days,
        calendar_document: document,
        estimated: d.estimated,
        days: d.days.iter().map(day_view).collect(),
    };
    Outcome {
        result: DeadlinesResult::Duties(result),
        explanation: steps,
        warnings,
    }
}
