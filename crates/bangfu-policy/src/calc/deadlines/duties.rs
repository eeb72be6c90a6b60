//! The recurring duties of rules.md §3 (the decide step of `procedure: "duties"`): which
//! task falls on which day of a year or month, the working day to act on, and the year's
//! working days. Dates and enums only; [`super::explain`] words every task and cites it.

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::read::DutiesInput;
use crate::calendar::{self, CalendarError, Day, YearCalendar};
use crate::params::{Param, RuleSet};

/// The recurring duties of rules.md §3, in the order they are listed on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// 附件2 第16条: from the 21st, the monthly update of the national system (a window).
    SystemUpdate,
    /// 附件2 第16条: 清退、回退 reported by the 25th.
    RollbackReport,
    /// 附件2 第6条: departments push warnings on the 28th.
    WarningPush,
    /// 附件2 第16条: identifications and eliminations filed by the 30th (February: month end).
    Filing,
    /// 附件1 第5条: the village team visits the needy at least once a month.
    TeamMonthlyVisit,
    /// 附件2 第17条: the quarterly data check.
    QuarterlyDataCheck,
    /// 附件1 第8条: the helper visits each monitored household once a quarter.
    QuarterlyHelperVisit,
    /// 附件1 第5条: the village team visits alleviated and ordinary households once a quarter.
    QuarterlyTeamVisit,
    /// 主文 第20条: the quarterly assessment.
    QuarterlyAssessment,
    /// 附件2 第12条: 一户一策 plans adjusted by 31 March.
    PlanAdjustment,
    /// 主文 第22条: fund spending milestones.
    FundApril,
    FundJune,
    FundSeptember,
    FundDecember,
    /// 附件2 第16条: the fourth-quarter income collection and yearly update.
    YearEndUpdate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurrence {
    Monthly,
    Quarterly,
    Yearly,
}

impl Recurrence {
    pub fn code(self) -> &'static str {
        match self {
            Recurrence::Monthly => "monthly",
            Recurrence::Quarterly => "quarterly",
            Recurrence::Yearly => "yearly",
        }
    }
}

impl Task {
    pub const ALL: [Task; 15] = [
        Task::SystemUpdate,
        Task::RollbackReport,
        Task::WarningPush,
        Task::Filing,
        Task::TeamMonthlyVisit,
        Task::QuarterlyDataCheck,
        Task::QuarterlyHelperVisit,
        Task::QuarterlyTeamVisit,
        Task::QuarterlyAssessment,
        Task::PlanAdjustment,
        Task::FundApril,
        Task::FundJune,
        Task::FundSeptember,
        Task::FundDecember,
        Task::YearEndUpdate,
    ];

    pub fn recurrence(self) -> Recurrence {
        match self {
            Task::SystemUpdate
            | Task::RollbackReport
            | Task::WarningPush
            | Task::Filing
            | Task::TeamMonthlyVisit => Recurrence::Monthly,
            Task::QuarterlyDataCheck
            | Task::QuarterlyHelperVisit
            | Task::QuarterlyTeamVisit
            | Task::QuarterlyAssessment => Recurrence::Quarterly,
            Task::PlanAdjustment
            | Task::FundApril
            | Task::FundJune
            | Task::FundSeptember
            | Task::FundDecember
            | Task::YearEndUpdate => Recurrence::Yearly,
        }
    }

    /// Its date in month `m` of `year`, when it falls in that month.
    fn date_in(self, year: i32, m: u32) -> Option<NaiveDate> {
        let day = |d| NaiveDate::from_ymd_opt(year, m, d);
        let end = last_day(year, m);
        let in_month = |month: u32, d: Option<NaiveDate>| if m == month { d } else { None };
        match self {
            Task::SystemUpdate => day(21),
            Task::RollbackReport => day(25),
            Task::WarningPush => day(28),
            Task::Filing => day(30).or(end),
            Task::TeamMonthlyVisit => end,
            Task::QuarterlyDataCheck
            | Task::QuarterlyHelperVisit
            | Task::QuarterlyTeamVisit
            | Task::QuarterlyAssessment => end.filter(|_| m % 3 == 0),
            Task::PlanAdjustment => in_month(3, day(31)),
            Task::FundApril => in_month(4, day(30)),
            Task::FundJune => in_month(6, day(30)),
            Task::FundSeptember => in_month(9, day(30)),
            Task::FundDecember | Task::YearEndUpdate => in_month(12, day(31)),
        }
    }

    /// A window opens on its date (moves forward to a working day); any other task is due
    /// on it (suggested: the working day before).
    pub fn is_window(self) -> bool {
        self == Task::SystemUpdate
    }

    /// The spending percentage a fund milestone asks for.
    pub fn milestone(self) -> Option<Param> {
        match self {
            Task::FundApril => Some(Param::FundMilestoneApril),
            Task::FundJune => Some(Param::FundMilestoneJune),
            Task::FundSeptember => Some(Param::FundMilestoneSeptember),
            Task::FundDecember => Some(Param::FundMilestoneDecember),
            _ => None,
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

/// One duty on its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyDecision {
    pub date: NaiveDate,
    pub task: Task,
    /// A fund milestone's percentage (`None`: not configured, or not a milestone).
    pub percent: Option<Decimal>,
    pub working_day: bool,
    /// Due: the last working day on or before; window: the first on or after.
    pub suggested: NaiveDate,
}

/// The duties of a year or a month, with the year's working days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutiesDecision {
    pub year: i32,
    pub month: Option<u32>,
    pub duties: Vec<DutyDecision>,
    pub working_days_in_year: u32,
    /// 附件1 第5条 驻村 working days required.
    pub village_stay_required_days: Option<u32>,
    pub calendar: Option<&'static YearCalendar>,
    pub estimated: bool,
    /// Every day of the month (month views only).
    pub days: Vec<Day>,
}

/// The duties falling in `year` (and `month` when given), by date.
pub fn decide_duties(i: &DutiesInput, rules: &RuleSet) -> Result<DutiesDecision, CalendarError> {
    let ae = i.allow_estimate;
    let mut list: Vec<(NaiveDate, Task)> = (1..=12u32)
        .filter(|m| i.month.is_none_or(|x| x == *m))
        .flat_map(|m| {
            Task::ALL
                .into_iter()
                .filter_map(move |t| Some((t.date_in(i.year, m)?, t)))
        })
        .collect();
    list.sort_by_key(|d| d.0);
    let mut estimated = false;
    let mut duties = Vec::new();
    for (date, task) in list {
        let day = calendar::classify(date, ae)?;
        estimated |= day.estimated;
        let mut suggested = date;
        while !calendar::classify(suggested, ae)?.kind.is_working() {
            suggested = if task.is_window() {
                suggested.succ_opt()
            } else {
                suggested.pred_opt()
            }
            .ok_or(CalendarError::OutOfRange)?;
        }
        duties.push(DutyDecision {
            date,
            task,
            percent: task.milestone().and_then(|p| rules.fixed(p)),
            working_day: day.kind.is_working(),
            suggested,
        });
    }
    let days = match i.month {
        Some(m) => month_days(i.year, m, ae)?,
        None => Vec::new(),
    };
    let from = NaiveDate::from_ymd_opt(i.year, 1, 1).ok_or(CalendarError::OutOfRange)?;
    let to = NaiveDate::from_ymd_opt(i.year, 12, 31).ok_or(CalendarError::OutOfRange)?;
    let (working, est) = calendar::count_working_days(from, to, ae)?;
    Ok(DutiesDecision {
        year: i.year,
        month: i.month,
        duties,
        working_days_in_year: working,
        village_stay_required_days: rules
            .fixed(Param::VillageStayWorkingDays)
            .and_then(|v| v.to_u32()),
        calendar: calendar::year_calendar(i.year),
        estimated: estimated || est,
        days,
    })
}

/// Every day of a month, as the official calendar classifies it.
fn month_days(year: i32, m: u32, allow_estimate: bool) -> Result<Vec<Day>, CalendarError> {
    let mut days = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(year, m, 1).ok_or(CalendarError::OutOfRange)?;
    while d.month() == m {
        days.push(calendar::classify(d, allow_estimate)?);
        d = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
    }
    Ok(days)
}
