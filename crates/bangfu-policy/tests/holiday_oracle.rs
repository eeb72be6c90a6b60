//! Cross-checks the compiled-in holiday schedules against the independent holiday-cn dataset
//! vendored in `tests/fixtures/holiday-cn/` (scraped from the same State Council notices), and checks
//! that every date of the covered years is classified exactly once (temporal coverage).

mod common;

use bangfu_policy::calendar::{self, DayKind};
use chrono::{Datelike, NaiveDate};
use common::repo_tests_dir;
use serde_json::Value;
use std::collections::BTreeMap;

fn oracle(year: i32) -> BTreeMap<NaiveDate, bool> {
    let path = repo_tests_dir().join(format!("fixtures/holiday-cn/{year}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().parse().unwrap(),
                d["isOffDay"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_day_of_2024_to_2026_agrees_with_the_holiday_cn_dataset() {
    let years: Vec<i32> = calendar::known_years().collect();
    assert_eq!(years, [2024, 2025, 2026]);
    for year in years {
        let expected = oracle(year);
        let mut date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let mut days = 0;
        while date.year() == year {
            let day = calendar::classify(date, false).unwrap();
            let special = match day.kind {
                DayKind::Holiday(_) => Some(true),
                DayKind::MakeUpWorkday(_) => Some(false),
                DayKind::Workday | DayKind::Weekend => None,
            };
            assert_eq!(
                special,
                expected.get(&date).copied(),
                "{date}: ours {:?}",
                day.kind
            );
            assert!(!day.estimated);
            days += 1;
            date = date.succ_opt().unwrap();
        }
        assert!(days == 365 || days == 366);
    }
}

#[test]
fn working_day_totals_of_each_year_match_the_dataset() {
    for year in [2024, 2025, 2026] {
        let expected = oracle(year);
        let mut date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let mut oracle_count = 0;
        while date.year() == year {
            let weekday = date.weekday().num_days_from_monday() < 5;
            let working = match expected.get(&date) {
                Some(off) => !off,
                None => weekday,
            };
            oracle_count += u32::from(working);
            date = date.succ_opt().unwrap();
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
        assert_eq!(
            calendar::count_working_days(from, to, false),
            Ok((oracle_count, false)),
            "{year}"
        );
    }
}

#[test]
fn every_notice_is_cited_with_its_document_number_where_known() {
    assert_eq!(
        calendar::year_calendar(2024).unwrap().citation(),
        "国办发明电〔2023〕7号"
    );
    assert_eq!(
        calendar::year_calendar(2025).unwrap().citation(),
        "国办发明电〔2024〕12号"
    );
    assert!(calendar::year_calendar(2026)
        .unwrap()
        .citation()
        .contains("2026年部分节假日安排"));
    assert!(calendar::year_calendar(2027).is_none());
}
