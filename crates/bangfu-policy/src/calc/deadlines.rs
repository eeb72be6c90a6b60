//! Deadlines (时限) — rules.md §3: the 一键报贫 timeline of one application, and the recurring
//! duties of a month or a year, in calendar and working days.
//!
//! Plan 附件2 第4条: "自农户申报日起 5 天内，必须完成家庭状况核查 … 核查完成后 5 个工作日内，反馈
//! 核查结果 … 对符合认定标准的 5 个工作日内完成审批，从农户自主申报到完成监测对象认定不超过 15 天。
//! 对新识别的监测对象，10 天内制定完善“一户一策”帮扶计划".

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calc::working_days::calendar_error;
use crate::calendar::{self, CalendarError};
use crate::error::ErrorCode;
use crate::explain::{Step, Warning};
use crate::input::{Errors, Obj};
use crate::sources::{
    ANNEX1_ITEM5, ANNEX1_ITEM8, ANNEX2_ITEM12, ANNEX2_ITEM16, ANNEX2_ITEM17, ANNEX2_ITEM4,
    ANNEX2_ITEM6, CIVIL_CODE_201, GANSU_2023_TIMES, MAIN_ITEM20, MAIN_ITEM22,
};
use crate::Outcome;

/// `due_soon` when this many working days or fewer are left (rules.md §3).
pub const DUE_SOON_WORKING_DAYS: u32 = 2;
/// 驻村 working days a year (附件1 第5条).
pub const VILLAGE_STAY_DAYS: u32 = 220;

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
    OnTrack,
    DueSoon,
    Overdue,
}

impl Status {
    /// 已完成 / 按期 / 临近 / 逾期.
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::OnTrack => "按期",
            Status::DueSoon => "临近",
            Status::Overdue => "逾期",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub label: String,
    pub due: String,
    pub binding: Binding,
    pub status: Status,
    /// Calendar days from `today` to `due` (negative when past).
    pub days_left: i64,
    /// Working days after `today` up to and including `due` (0 when past or due today).
    pub working_days_left: u32,
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
    pub check_due: String,
    pub feedback_due: String,
    pub approval_due: String,
    pub overall_due: String,
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
    /// The previous working day when `date` is not one (the official date does not move).
    pub suggested_date: String,
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
    pub village_stay_required_days: u32,
    pub calendar_document: Option<String>,
    pub estimated: bool,
    /// Every day of the month (month views only).
    pub days: Vec<CalendarDay>,
}

pub fn evaluate(input: &Value) -> Result<Outcome, Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "时限计算输入", &mut errors) else {
        return Err(errors);
    };
    match obj.get("procedure").and_then(Value::as_str).map(str::trim) {
        Some("one_click_report") => timeline(&obj, errors),
        Some("duties") => duties(&obj, errors),
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
}

impl Cal {
    fn add_working(&mut self, from: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let (days, est) = calendar::add_working_days(from, n, self.allow_estimate)?;
        self.estimated |= est;
        Ok(days.last().map_or(from, |d| d.date))
    }

    /// "N 天内": D + N calendar days; moved to the next working day only with the Civil Code
    /// art. 203 setting (off by default, rules.md §3).
    fn add_calendar(
        &mut self,
        from: NaiveDate,
        n: i64,
    ) -> Result<(NaiveDate, bool), CalendarError> {
        let due = from
            .checked_add_signed(Duration::days(n))
            .ok_or(CalendarError::OutOfRange)?;
        if !self.extend {
            return Ok((due, false));
        }
        let day = calendar::classify(due, self.allow_estimate)?;
        self.estimated |= day.estimated;
        if day.kind.is_working() {
            Ok((due, false))
        } else {
            Ok((self.add_working(due, 1)?, true))
        }
    }

    fn working_between(&mut self, today: NaiveDate, due: NaiveDate) -> Result<u32, CalendarError> {
        if due <= today {
            return Ok(0);
        }
        let next = today.succ_opt().ok_or(CalendarError::OutOfRange)?;
        let (n, est) = calendar::count_working_days(next, due, self.allow_estimate)?;
        self.estimated |= est;
        Ok(n)
    }
}

#[allow(clippy::too_many_arguments)]
fn stage(
    cal: &mut Cal,
    label: &str,
    own: NaiveDate,
    overall: Option<NaiveDate>,
    done: bool,
    today: NaiveDate,
    rule: String,
) -> Result<Stage, CalendarError> {
    let (due, binding) = match overall {
        Some(o) if o < own => (o, Binding::Overall),
        _ => (own, Binding::Stage),
    };
    let working_days_left = cal.working_between(today, due)?;
    let status = if done {
        Status::Done
    } else if today > due {
        Status::Overdue
    } else if working_days_left <= DUE_SOON_WORKING_DAYS {
        Status::DueSoon
    } else {
        Status::OnTrack
    };
    Ok(Stage {
        label: label.to_string(),
        due: due.to_string(),
        binding,
        status,
        days_left: (due - today).num_days(),
        working_days_left,
        rule,
    })
}

fn timeline(obj: &Obj, mut errors: Errors) -> Result<Outcome, Errors> {
    let applied = obj.date("applied_on", "申报日期", true, &mut errors);
    let checked = obj.date("checked_on", "核查完成日期", false, &mut errors);
    let identified = obj.date("identified_on", "认定日期", false, &mut errors);
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
    };
    let (Some(a), Some(today)) = (applied, today) else {
        return Err(errors);
    };
    if let Some(c) = checked.filter(|c| *c < a) {
        errors.push(
            "input.checked_on",
            ErrorCode::RangeReversed,
            format!("核查完成日期 {c} 早于申报日期 {a}"),
        );
    }
    if let Some(i) = identified.filter(|i| *i < a) {
        errors.push(
            "input.identified_on",
            ErrorCode::RangeReversed,
            format!("认定日期 {i} 早于申报日期 {a}"),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let gansu = profile == "gansu-2023";
    let computed = (|| -> Result<(TimelineResult, Vec<Step>), CalendarError> {
        let mut steps = Vec::new();
        let source = if gansu {
            GANSU_2023_TIMES
        } else {
            ANNEX2_ITEM4
        };
        let (overall, overall_rule) = if gansu {
            (
                cal.add_working(a, 15)?,
                format!("{a} 后第 15 个工作日（不超过 15 个工作日）"),
            )
        } else {
            let (d, moved) = cal.add_calendar(a, 15)?;
            (
                d,
                format!(
                    "{a} + 15 天（不超过 15 天）{}",
                    if moved { "，遇节假日顺延" } else { "" }
                ),
            )
        };
        let (check_own, check_rule) = if gansu {
            (cal.add_working(a, 5)?, format!("{a} 后第 5 个工作日"))
        } else {
            let (d, moved) = cal.add_calendar(a, 5)?;
            (
                d,
                format!("{a} + 5 天{}", if moved { "，遇节假日顺延" } else { "" }),
            )
        };
        let check = stage(
            &mut cal,
            "入户核查",
            check_own,
            Some(overall),
            checked.is_some(),
            today,
            check_rule,
        )?;
        let c = checked.unwrap_or(check_own);
        let c_words = if checked.is_some() {
            format!("核查完成日 {c}")
        } else {
            format!("核查期限 {c}")
        };
        let after_check = cal.add_working(c, 5)?;
        let done_after = identified.is_some();
        let feedback = stage(
            &mut cal,
            "反馈核查结果",
            after_check,
            Some(overall),
            done_after,
            today,
            format!("{c_words} 后第 5 个工作日"),
        )?;
        let approval = stage(
            &mut cal,
            "完成审批认定",
            after_check,
            Some(overall),
            done_after,
            today,
            format!("{c_words} 后第 5 个工作日"),
        )?;
        let overall_stage = stage(
            &mut cal,
            "全程办结",
            overall,
            None,
            done_after,
            today,
            overall_rule,
        )?;
        let plan = match identified {
            Some(i) => {
                let (d, moved) = cal.add_calendar(i, 10)?;
                Some(stage(
                    &mut cal,
                    "制定“一户一策”帮扶计划",
                    d,
                    None,
                    false,
                    today,
                    format!(
                        "认定日 {i} + 10 天{}",
                        if moved { "，遇节假日顺延" } else { "" }
                    ),
                )?)
            }
            None => None,
        };
        for s in [&check, &feedback, &approval, &overall_stage]
            .into_iter()
            .chain(plan.as_ref())
        {
            let bound = if s.binding == Binding::Overall {
                "（受全程 15 天上限约束）"
            } else {
                ""
            };
            let src = if s.label.contains("一户一策") {
                ANNEX2_ITEM12.to_string()
            } else {
                format!("{source}；{CIVIL_CODE_201}")
            };
            steps.push(Step::new(
                format!("{}期限", s.label),
                s.due.clone(),
                format!("{}{bound}", s.rule),
                src,
            ));
        }
        let result = TimelineResult {
            profile: profile.to_string(),
            check_due: check.due.clone(),
            feedback_due: feedback.due.clone(),
            approval_due: approval.due.clone(),
            overall_due: overall_stage.due.clone(),
            plan_due: plan.as_ref().map(|p| p.due.clone()),
            stages: Stages {
                check,
                feedback,
                approval,
                overall: overall_stage,
                plan,
            },
            estimated: cal.estimated,
        };
        Ok((result, steps))
    })();
    match computed {
        Ok((result, steps)) => {
            let mut warnings = Vec::new();
            if result.estimated {
                warnings.push(Warning::new(
                    "estimated_calendar",
                    "部分日期所在年份的节假日安排尚未发布，工作日仅按周末估算",
                    None,
                ));
            }
            Ok(Outcome {
                result: serde_json::to_value(result).unwrap_or(Value::Null),
                explanation: steps,
                warnings,
            })
        }
        Err(e) => {
            calendar_error(&mut errors, "input.applied_on", e);
            Err(errors)
        }
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
) -> Vec<(NaiveDate, String, &'static str, &'static str)> {
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
        match m {
            3 => push(
                day(31),
                "风险未消除监测对象“一户一策”帮扶计划年度动态调整（3月底前）".into(),
                ANNEX2_ITEM12,
                "yearly",
            ),
            4 => push(
                day(30),
                "衔接补助资金支出进度不低于 30%".into(),
                MAIN_ITEM22,
                "yearly",
            ),
            6 => push(
                day(30),
                "衔接补助资金支出进度不低于 50%".into(),
                MAIN_ITEM22,
                "yearly",
            ),
            9 => push(
                day(30),
                "衔接补助资金支出进度不低于 75%".into(),
                MAIN_ITEM22,
                "yearly",
            ),
            12 => {
                push(
                    day(31),
                    "衔接补助资金支出除质保金外达到 100%".into(),
                    MAIN_ITEM22,
                    "yearly",
                );
                push(
                    day(31),
                    "第四季度：脱贫人口和监测对象收入采集录入、已消除风险对象基础信息年度更新"
                        .into(),
                    ANNEX2_ITEM16,
                    "yearly",
                );
            }
            _ => {}
        }
    }
    out.sort_by_key(|d| d.0);
    out
}

fn duties(obj: &Obj, mut errors: Errors) -> Result<Outcome, Errors> {
    let year = obj.whole("year", "年份", 2000, 2100, true, &mut errors);
    let month = obj
        .whole("month", "月份", 1, 12, false, &mut errors)
        .map(|m| m as u32);
    let allow_estimate = obj
        .flag("allow_estimate", "是否允许估算", &mut errors)
        .unwrap_or(false);
    let Some(year) = year.map(|y| y as i32) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let computed = (|| -> Result<DutiesResult, CalendarError> {
        let mut estimated = false;
        let mut list = Vec::new();
        for (date, task, source, rec) in duty_list(year, month) {
            let day = calendar::classify(date, allow_estimate)?;
            estimated |= day.estimated;
            let mut suggested = date;
            while !calendar::classify(suggested, allow_estimate)?
                .kind
                .is_working()
            {
                suggested = suggested.pred_opt().ok_or(CalendarError::OutOfRange)?;
            }
            list.push(Duty {
                date: date.to_string(),
                task,
                source: source.to_string(),
                working_day: day.kind.is_working(),
                suggested_date: suggested.to_string(),
                recurrence: rec.to_string(),
            });
        }
        let mut days = Vec::new();
        if let Some(m) = month {
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
                    date: d.to_string(),
                    working_day: day.kind.is_working(),
                    kind: kind.into(),
                    name,
                });
                d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
            }
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(CalendarError::OutOfRange)?;
        let to = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(CalendarError::OutOfRange)?;
        let (working, est) = calendar::count_working_days(from, to, allow_estimate)?;
        Ok(DutiesResult {
            year,
            month,
            duties: list,
            working_days_in_year: working,
            village_stay_required_days: VILLAGE_STAY_DAYS,
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
                        "不少于 {VILLAGE_STAY_DAYS} 个工作日（全年共 {} 个工作日）",
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
