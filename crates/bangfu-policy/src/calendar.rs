//! The official working-day calendar (rules.md §3): Monday–Friday unless an official holiday,
//! plus the official make-up working days (调休上班). Schedules are the State Council General
//! Office notices, compiled in from `data/holidays/*.json` with their document numbers.
//!
//! Counting follows the Civil Code art. 201 convention: the start day is not counted.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::data::CALENDARS;

/// One year's official schedule.
#[derive(Debug, PartialEq, Eq)]
pub struct YearCalendar {
    pub year: i32,
    pub title: &'static str,
    /// 文号, when seen in the source text.
    pub document: Option<&'static str>,
    pub published: &'static str,
    pub url: &'static str,
    /// Holiday names, indexed by `days`.
    pub names: &'static [&'static str],
    /// (month, day, is_off_day, holiday index), sorted by date.
    pub days: &'static [(u32, u32, bool, usize)],
}

impl YearCalendar {
    /// How the notice is cited: its 文号, or its title when the number is unknown.
    pub fn citation(&self) -> &'static str {
        self.document.unwrap_or(self.title)
    }
}

/// What kind of day a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Workday,
    Weekend,
    /// An official holiday (放假), with the holiday's name.
    Holiday(&'static str),
    /// An official make-up working day (调休上班) on a weekend.
    MakeUpWorkday(&'static str),
}

impl DayKind {
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeUpWorkday(_))
    }
}

/// A classified day, with whether the classification is only a weekends-only estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// True when the year has no known schedule and the caller allowed an estimate.
    pub estimated: bool,
    pub calendar: Option<&'static YearCalendar>,
}

impl Day {
    /// Plain Chinese reason, e.g. "国庆节假期（国办发明电〔2023〕7号）".
    pub fn reason(&self) -> String {
        let cite = self.calendar.map(|c| c.citation()).unwrap_or("");
        match self.kind {
            DayKind::Workday if self.estimated => {
                "工作日（估算：该年节假日安排未发布，仅按周末推算）".to_string()
            }
            DayKind::Workday => "工作日".to_string(),
            DayKind::Weekend if self.estimated => "周末（估算：该年节假日安排未发布）".to_string(),
            DayKind::Weekend => "周末".to_string(),
            DayKind::Holiday(name) => format!("{name}假期（{cite}）"),
            DayKind::MakeUpWorkday(name) => format!("{name}调休上班日（{cite}）"),
        }
    }
}

/// Why a date cannot be classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarError {
    /// No official schedule is known for the year, and no estimate was allowed.
    NotPublished(i32),
    /// The date arithmetic left the supported range.
    OutOfRange,
}

/// The official schedule of `year`, when known.
pub fn year_calendar(year: i32) -> Option<&'static YearCalendar> {
    CALENDARS.iter().find(|c| c.year == year)
}

/// The years with a known official schedule.
pub fn known_years() -> impl Iterator<Item = i32> {
    CALENDARS.iter().map(|c| c.year)
}

/// Classifies a date. Without a schedule for its year this is an error unless
/// `allow_estimate`, in which case weekends alone decide and the day is marked `estimated`.
pub fn classify(date: NaiveDate, allow_estimate: bool) -> Result<Day, CalendarError> {
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    let plain = if weekend {
        DayKind::Weekend
    } else {
        DayKind::Workday
    };
    let Some(cal) = year_calendar(date.year()) else {
        if allow_estimate {
            return Ok(Day {
                date,
                kind: plain,
                estimated: true,
                calendar: None,
            });
        }
        return Err(CalendarError::NotPublished(date.year()));
    };
    let key = (date.month(), date.day());
    let kind = match cal.days.binary_search_by(|(m, d, _, _)| (*m, *d).cmp(&key)) {
        Ok(i) => {
            let (_, _, off, idx) = cal.days[i];
            let name = cal.names.get(idx).copied().unwrap_or("节假日");
            if off {
                DayKind::Holiday(name)
            } else {
                DayKind::MakeUpWorkday(name)
            }
        }
        Err(_) => plain,
    };
    Ok(Day {
        date,
        kind,
        estimated: false,
        calendar: Some(cal),
    })
}

/// The most working days one call may add, and the longest span one call may count
/// (bounded loops: the engine answers every request quickly).
pub const MAX_WORKING_DAYS: u32 = 3660;
pub const MAX_SPAN_DAYS: i64 = 3660;

/// The `n`-th working day strictly after `from` ("N 个工作日内" from D), with the working
/// days counted, in order.
pub fn add_working_days(
    from: NaiveDate,
    n: u32,
    allow_estimate: bool,
) -> Result<(Vec<Day>, bool), CalendarError> {
    let mut counted = Vec::new();
    let mut estimated = false;
    let mut date = from;
    while counted.len() < n.min(MAX_WORKING_DAYS) as usize {
        date = date.succ_opt().ok_or(CalendarError::OutOfRange)?;
        let day = classify(date, allow_estimate)?;
        estimated |= day.estimated;
        if day.kind.is_working() {
            counted.push(day);
        }
    }
    Ok((counted, estimated))
}

/// Working days from `from` to `to`, both included. `to` before `from` is the caller's error.
pub fn count_working_days(
    from: NaiveDate,
    to: NaiveDate,
    allow_estimate: bool,
) -> Result<(u32, bool), CalendarError> {
    let span = (to - from).num_days();
    if !(0..=MAX_SPAN_DAYS).contains(&span) {
        return Err(CalendarError::OutOfRange);
    }
    let mut count = 0u32;
    let mut estimated = false;
    for offset in 0..=span {
        let date = from
            .checked_add_signed(Duration::days(offset))
            .ok_or(CalendarError::OutOfRange)?;
        let day = classify(date, allow_estimate)?;
        estimated |= day.estimated;
        count += u32::from(day.kind.is_working());
    }
    Ok((count, estimated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_2024_national_day_break_and_its_make_up_sunday() {
        // Source: 国办发明电〔2023〕7号 — 10月1日至7日放假调休，9月29日（周日）、10月12日（周六）上班。
        assert_eq!(
            classify(date("2024-10-01"), false).unwrap().kind,
            DayKind::Holiday("国庆节")
        );
        assert_eq!(
            classify(date("2024-09-29"), false).unwrap().kind,
            DayKind::MakeUpWorkday("国庆节")
        );
        assert_eq!(
            classify(date("2024-09-28"), false).unwrap().kind,
            DayKind::Weekend
        );
        assert_eq!(
            classify(date("2024-09-27"), false).unwrap().kind,
            DayKind::Workday
        );
    }

    #[test]
    fn five_working_days_after_27_september_2024_is_10_october() {
        // Source: tests/cases/working-days-national-day.json
        let (days, estimated) = add_working_days(date("2024-09-27"), 5, false).unwrap();
        let dates: Vec<String> = days.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(
            dates,
            [
                "2024-09-29",
                "2024-09-30",
                "2024-10-08",
                "2024-10-09",
                "2024-10-10"
            ]
        );
        assert!(!estimated);
    }

    #[test]
    fn a_year_without_a_notice_is_an_error_unless_an_estimate_is_allowed() {
        assert_eq!(
            classify(date("2027-03-01"), false),
            Err(CalendarError::NotPublished(2027))
        );
        let day = classify(date("2027-03-01"), true).unwrap();
        assert!(day.estimated);
        assert_eq!(day.kind, DayKind::Workday);
        assert!(day.reason().contains("估算"));
    }

    #[test]
    fn counting_includes_both_ends_and_refuses_reversed_or_huge_spans() {
        assert_eq!(
            count_working_days(date("2024-10-08"), date("2024-10-08"), false),
            Ok((1, false))
        );
        assert_eq!(
            count_working_days(date("2024-10-01"), date("2024-10-07"), false),
            Ok((0, false))
        );
        assert_eq!(
            count_working_days(date("2024-10-08"), date("2024-10-07"), false),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            count_working_days(date("2000-01-01"), date("2030-01-01"), true),
            Err(CalendarError::OutOfRange)
        );
    }
}
