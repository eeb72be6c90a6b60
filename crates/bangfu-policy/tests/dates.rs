//! The hand-written ISO date writer and reader (`bangfu_policy::dates`): every day of
//! 1900–2100 survives a write-then-read round trip and agrees with chrono's own ISO form;
//! no text makes the reader panic.

use bangfu_policy::dates::{compact, iso, parse_iso, year_month};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

#[test]
fn every_day_from_1900_to_2100_round_trips_and_matches_chrono() {
    // Source: ISO 8601 / RFC 3339 §5.6 full-date; chrono's `Display` is the reference form.
    let mut d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
    let mut days = 0;
    while d <= end {
        let text = iso(d);
        assert_eq!(text, d.to_string(), "{d:?}");
        assert_eq!(parse_iso(&text), Some(d), "{text}");
        assert_eq!(year_month(d), text[..7]);
        assert_eq!(compact(d), text.replace('-', ""));
        d = d.succ_opt().unwrap();
        days += 1;
    }
    assert_eq!(days, 73_414);
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "\\PC{0,14}") {
        if let Some(d) = parse_iso(&text) {
            prop_assert_eq!(iso(d), text);
        }
    }

    #[test]
    fn near_misses_of_the_iso_form_are_refused_or_read_exactly(
        y in 0u32..10_000, m in 0u32..14, d in 0u32..33, sep in "[-/.]"
    ) {
        let text = format!("{y:04}{sep}{m:02}{sep}{d:02}");
        let got = parse_iso(&text);
        let real = NaiveDate::from_ymd_opt(y as i32, m, d);
        if sep == "-" {
            prop_assert_eq!(got, real);
        } else {
            prop_assert_eq!(got, None);
        }
        if let Some(day) = got {
            prop_assert_eq!((day.year(), day.month(), day.day()), (y as i32, m, d));
        }
    }
}
