//! Property tests for the screening: no row, however malformed, makes it panic (a panic in
//! wasm kills every widget on the page), and a record is never "clean" when undecidable.

use bangfu_policy::calc::screening::{find_layout, screen, Field, Thresholds};
use bangfu_policy::params::RuleSet;
use chrono::NaiveDate;
use proptest::prelude::*;

/// Cell texts a spreadsheet may hold: numbers in every form, dates, words, junk.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "-?[0-9]{0,7}(\\.[0-9]{0,12})?".prop_map(String::from),
        "[0-9０-９,，.万千元-]{0,12}".prop_map(String::from),
        "(19|20|21)[0-9]{2}[-/年.][0-9]{1,2}[-/月.][0-9]{1,2}日?".prop_map(String::from),
        prop::sample::select(vec![
            "一般户",
            "脱贫户",
            "监测户",
            "边缘易致贫户",
            "脱贫不稳定户",
            "突发严重困难户",
            "无",
            "是",
            "否",
            "已消除",
            "未消除",
            "张三、李四",
            "薛百镇/宋和村",
            "99999999999999999999",
            "1e308",
            "NaN",
            "-0",
            "45413.5",
            "79999",
            "0"
        ])
        .prop_map(String::from),
        ".{0,50}".prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(800))]

    #[test]
    fn no_row_panics_and_undecidable_is_never_clean(
        cells in prop::collection::vec(cell(), Field::COUNT),
        year in 1990i32..2110,
        day in 0u64..60000,
    ) {
        let rules = RuleSet::default_set().unwrap();
        let t = Thresholds::resolve(&rules, year);
        let today = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
            .checked_add_days(chrono::Days::new(day)).unwrap();
        let mut row = [""; Field::COUNT];
        for (slot, c) in row.iter_mut().zip(cells.iter()) {
            *slot = c.as_str();
        }
        let r = screen(&row, &t, today);
        prop_assert!(!r.clean || r.decidable);
        prop_assert_eq!(r.clean, r.decidable && r.flags.is_empty());
        for f in &r.flags {
            prop_assert!(!f.message.is_empty());
            prop_assert!(!f.clause.is_empty());
        }
    }

    #[test]
    fn any_sheet_gives_a_layout_or_none_without_panicking(
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..20), 0..14)
    ) {
        let _ = find_layout(&rows);
    }
}
