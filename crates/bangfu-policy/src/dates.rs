//! Calendar dates as text, written and read by hand: ISO 8601 `YYYY-MM-DD` (the API's form),
//! `YYYY-MM` and the iCalendar `YYYYMMDD`. chrono stays for date arithmetic only; its
//! `format`/`parse` machinery (strftime items, a general parser) costs the browser bundle ~7 KB
//! brotli that these few lines replace. Shared by the engine and the widgets.
//! What people type (`2024年5月1日`, `2024/5/1`) is read by [`crate::text::parse_date`].

use std::fmt::{self, Write as _};

use chrono::{Datelike, NaiveDate};

/// A date shown as `YYYY-MM-DD` (years 0–9999; others with a sign, as ISO 8601 extends them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Iso(pub NaiveDate);

fn two(out: &mut impl fmt::Write, n: u32) -> fmt::Result {
    out.write_char(char::from(b'0' + (n / 10 % 10) as u8))?;
    out.write_char(char::from(b'0' + (n % 10) as u8))
}

fn year(out: &mut impl fmt::Write, y: i32) -> fmt::Result {
    if (0..=9999).contains(&y) {
        let y = y as u32;
        two(out, y / 100)?;
        two(out, y % 100)
    } else {
        write!(out, "{y:+05}")
    }
}

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        year(f, self.0.year())?;
        f.write_char('-')?;
        two(f, self.0.month())?;
        f.write_char('-')?;
        two(f, self.0.day())
    }
}

/// `2024-05-01`.
pub fn iso(d: NaiveDate) -> String {
    Iso(d).to_string()
}

/// `2024-05`: the month, as the rule set dates its monthly figures (LPR).
pub fn year_month(d: NaiveDate) -> String {
    let mut out = String::with_capacity(7);
    let _ = year(&mut out, d.year());
    out.push('-');
    let _ = two(&mut out, d.month());
    out
}

/// `20240501`: an iCalendar DATE value (RFC 5545 §3.3.4).
pub fn compact(d: NaiveDate) -> String {
    let mut out = String::with_capacity(8);
    let _ = year(&mut out, d.year());
    let _ = two(&mut out, d.month());
    let _ = two(&mut out, d.day());
    out
}

/// The number written by `digits` (ASCII digits only, at least one), or None.
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Reads exactly `YYYY-MM-DD` (four, two and two ASCII digits; a day that exists); None for
/// anything else, never a panic. For the API's own dates (e.g. a stage's `due` read back);
/// typed dates go through [`crate::text::parse_date`].
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = number(&b[..4])?;
    let m = number(&b[5..7])?;
    let d = number(&b[8..])?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_are_written_as_iso_8601_with_leading_zeros() {
        // (date, iso, year_month, compact) — RFC 3339 §5.6 full-date; RFC 5545 §3.3.4 DATE.
        for (d, want, month, ics) in [
            (day(2024, 5, 1), "2024-05-01", "2024-05", "20240501"),
            (day(2024, 12, 31), "2024-12-31", "2024-12", "20241231"),
            (day(1900, 1, 1), "1900-01-01", "1900-01", "19000101"),
            (day(33, 2, 3), "0033-02-03", "0033-02", "00330203"),
        ] {
            assert_eq!(iso(d), want);
            assert_eq!(format!("{}", Iso(d)), want);
            assert_eq!(year_month(d), month);
            assert_eq!(compact(d), ics);
        }
    }

    #[test]
    fn only_the_exact_iso_form_of_a_real_day_is_read() {
        assert_eq!(parse_iso("2024-02-29"), Some(day(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2024-2-1",
            "2024/02/01",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "+024-01-01",
            "2024-01-0a",
            "２０２４-01-01",
            "2024-01-01 ",
            "",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad:?}");
        }
    }
}
