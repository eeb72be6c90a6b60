//! Counting days for the timeline (rules.md §3): working days against the official
//! schedules (Civil Code art. 201: the start day is not counted), calendar days with the
//! optional art. 203 move past a holiday, and the unpublished years met on the way, so a
//! stage that needs one gets no due date instead of a wrong one.

use chrono::{Duration, NaiveDate};

use super::decide::Count;
use crate::calendar::{self, CalendarError};

/// The calendar as the timeline uses it: whether estimates are allowed, whether one was
/// made, and which unpublished years were needed.
pub(super) struct Cal {
    pub allow_estimate: bool,
    pub estimated: bool,
    pub extend: bool,
    pub unpublished: Vec<i32>,
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
    pub fn add_working(
        &mut self,
        from: NaiveDate,
        n: u32,
    ) -> Result<Option<NaiveDate>, CalendarError> {
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
    pub fn add_calendar(
        &mut self,
        from: NaiveDate,
        n: u32,
    ) -> Result<(Option<NaiveDate>, Count), CalendarError> {
        let due = from
            .checked_add_signed(Duration::days(i64::from(n)))
            .ok_or(CalendarError::OutOfRange)?;
        let count = |moved| Count::CalendarDays { n, moved };
        if !self.extend {
            return Ok((Some(due), count(false)));
        }
        let day = match calendar::classify(due, self.allow_estimate) {
            Ok(d) => d,
            Err(e) => {
                self.note(e);
                return Ok((None, count(false)));
            }
        };
        self.estimated |= day.estimated;
        if day.kind.is_working() {
            Ok((Some(due), count(false)))
        } else {
            Ok((self.add_working(due, 1)?, count(true)))
        }
    }

    /// A limit of `n` days from `from`, counted as the profile says.
    pub fn add(
        &mut self,
        from: NaiveDate,
        n: u32,
        working: bool,
    ) -> Result<(Option<NaiveDate>, Count), CalendarError> {
        if working {
            Ok((self.add_working(from, n)?, Count::WorkingDays { n }))
        } else {
            self.add_calendar(from, n)
        }
    }

    pub fn working_between(&mut self, today: NaiveDate, due: NaiveDate) -> Option<u32> {
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
    pub fn working_on_or_before(&mut self, date: NaiveDate) -> Option<NaiveDate> {
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
