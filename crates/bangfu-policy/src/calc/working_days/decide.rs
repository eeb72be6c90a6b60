//! The working-day arithmetic of one operation (Civil Code art. 201: the start day is not
//! counted when adding): numbers and classified days, no wording.

use chrono::NaiveDate;

use super::read::{Op, WorkingDaysInput};
use crate::calendar::{self, CalendarError, Day};

/// What the calendar answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkingDaysDecision {
    /// The working days counted after `from`, in order; `due` is the last (or `from` itself).
    Added {
        from: NaiveDate,
        n: u32,
        days: Vec<Day>,
        due: NaiveDate,
        estimated: bool,
    },
    Counted {
        from: NaiveDate,
        to: NaiveDate,
        count: u32,
        estimated: bool,
    },
    Classified {
        date: NaiveDate,
        day: Day,
    },
}

/// Runs the operation against the official schedules.
pub fn decide(i: &WorkingDaysInput) -> Result<WorkingDaysDecision, CalendarError> {
    Ok(match i.op {
        Op::Add { from, days: n } => {
            let (days, estimated) = calendar::add_working_days(from, n, i.allow_estimate)?;
            let due = days.last().map_or(from, |d| d.date);
            WorkingDaysDecision::Added {
                from,
                n,
                days,
                due,
                estimated,
            }
        }
        Op::Count { from, to } => {
            let (count, estimated) = calendar::count_working_days(from, to, i.allow_estimate)?;
            WorkingDaysDecision::Counted {
                from,
                to,
                count,
                estimated,
            }
        }
        Op::IsWorkingDay { date } => WorkingDaysDecision::Classified {
            date,
            day: calendar::classify(date, i.allow_estimate)?,
        },
    })
}
