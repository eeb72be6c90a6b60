//! Income accounting, rules.md §1, as sentence-named table cases. Each case names its
//! source; expectations are paths into the response (as in the worked cases, `tests/cases/`).

mod common;

use common::{run, Case};
use serde_json::{json, Value};

fn income(input: Value) -> Value {
    json!({ "calculator": "income", "input": input })
}

fn with_overrides(input: Value, overrides: Value) -> Value {
    json!({ "calculator": "income", "overrides": overrides, "input": input })
}

fn items(list: &[(&str, &str, &str)]) -> Value {
    Value::Array(
        list.iter()
            .map(|(c, i, a)| json!({ "category": c, "item": i, "amount": a }))
            .collect(),
    )
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "A per-capita income of exactly 7800.00 is not below the 2024 line",
            source: "rules.md §1 (\"Below\" means strictly less); 附件2 第3条",
            request: income(json!({ "year": 2024, "household_size": 2,
                "items": items(&[("wage", "县外务工", "15600")]), "operating_expenses": "0" })),
            expect: vec![
                ("result.per_capita_net_income", json!("7800.00")),
                ("result.below_monitoring_range", json!(false)),
                ("result.gap_to_range", json!("0.00")),
            ],
        },
        Case {
            name: "One cent under the line is below it",
            source: "rules.md §1",
            request: income(json!({ "year": 2024, "household_size": 1,
                "items": items(&[("wage", "零工", "7799.99")]) })),
            expect: vec![
                ("result.below_monitoring_range", json!(true)),
                ("result.gap_to_range", json!("0.01")),
            ],
        },
        Case {
            name:
                "The comparison uses the per-capita figure rounded to the cent, half away from zero",
            source: "rules.md Conventions; rules.md §1 (the printed figure is compared)",
            // 23399.99 / 3 = 7799.996… → 7800.00, which is not below 7800.
            request: income(json!({ "year": 2024, "household_size": 3,
                "items": items(&[("wage", "务工", "23399.99")]) })),
            expect: vec![
                ("result.per_capita_net_income", json!("7800.00")),
                ("result.below_monitoring_range", json!(false)),
            ],
        },
        Case {
            name: "An excluded item is listed on the sheet but kept out of the total",
            source: "rules.md §1 (Recorded but not counted)",
            request: income(json!({ "year": 2024, "household_size": 2,
                "items": items(&[("transfer", "低保金", "4000"), ("excluded", "易地搬迁补助", "20000")]) })),
            expect: vec![
                ("result.gross_income", json!("4000.00")),
                ("result.excluded_total", json!("20000.00")),
                ("result.items[1].counted", json!(false)),
                ("result.items[1].item", json!("易地搬迁补助")),
            ],
        },
        Case {
            name: "A 慰问金 typed as transfer income is counted but flagged next to its category",
            source: "rules.md §1 (Data-quality warnings)",
            request: income(json!({ "year": 2024, "household_size": 2,
                "items": items(&[("transfer", "春节慰问金", "500"), ("wage", "务工", "20000")]) })),
            expect: vec![
                ("result.gross_income", json!("20500.00")),
                (
                    "warnings[0].code",
                    json!("excluded_item_in_counted_category"),
                ),
                ("warnings[0].field", json!("input.items[0].category")),
            ],
        },
        Case {
            name: "Without a source for 2025 the range is not configured and nothing is guessed",
            source: "rules.md §1 (Other years: not configured); rules.md Conventions",
            request: income(json!({ "year": 2025, "household_size": 1,
                "items": items(&[("wage", "务工", "8000")]) })),
            expect: vec![
                ("ok", json!(true)),
                ("result.per_capita_net_income", json!("8000.00")),
                ("result.monitoring_range", Value::Null),
                ("result.below_monitoring_range", Value::Null),
                ("warnings[0].code", json!("monitoring_range_not_configured")),
            ],
        },
        Case {
            name: "A portal's 2025 range of 8600 is used and marked as local configuration",
            source: "rules.md §5; api.md overrides",
            request: with_overrides(
                json!({ "year": 2025, "household_size": 1, "items": items(&[("wage", "务工", "8000")]) }),
                json!({ "monitoring_range.2025": "8600" }),
            ),
            expect: vec![
                ("result.monitoring_range", json!("8600.00")),
                ("result.below_monitoring_range", json!(true)),
                ("result.gap_to_range", json!("600.00")),
            ],
        },
        Case {
            name: "Full-width digits, thousands separators and 万 are read as people mean them",
            source: "developers' guide (Bad input: accept what people type)",
            request: income(json!({ "year": "２０２４", "household_size": "４人",
                "items": items(&[("wage", "县外务工", "3.6万"), ("operating", "种植", "１２，０００"), ("transfer", "养老金", "2,400元")]),
                "operating_expenses": "4千" })),
            expect: vec![
                ("result.gross_income", json!("50400.00")),
                ("result.net_income", json!("46400.00")),
                ("result.per_capita_net_income", json!("11600.00")),
            ],
        },
        Case {
            name: "Rigid expenditure gives a second per-capita figure",
            source: "rules.md §1 (per_capita_after_rigid)",
            request: income(json!({ "year": 2024, "household_size": 4,
                "items": items(&[("wage", "务工", "40000")]), "rigid_expenditure": "12000" })),
            expect: vec![
                ("result.per_capita_net_income", json!("10000.00")),
                ("result.per_capita_after_rigid", json!("7000.00")),
            ],
        },
        Case {
            name: "An income lower than last year's is flagged as declined",
            source: "主文 第1条; 附件2 第2条 (收入不增反降)",
            request: income(json!({ "year": 2024, "household_size": 1,
                "items": items(&[("wage", "务工", "9000")]), "previous_per_capita_net_income": "9500" })),
            expect: vec![
                ("result.income_declined", json!(true)),
                ("warnings[0].code", json!("income_declined")),
            ],
        },
        Case {
            name: "The 两提升 ratios divide by the previous year's rural disposable income",
            source: "主文 二、主要目标; facts.md C2, C3 (2023: 21691 national, 13131 Gansu)",
            request: income(json!({ "year": 2024, "household_size": 1,
                "items": items(&[("wage", "务工", "13131")]) })),
            expect: vec![
                ("result.ratio_to_gansu_rural_income", json!("1.00")),
                ("result.ratio_to_national_rural_income", json!("0.61")),
            ],
        },
        Case {
            name: "Operating income with no expense and a negative net income are both flagged",
            source: "rules.md §1 (Data-quality warnings)",
            request: income(json!({ "year": 2024, "household_size": 1,
                "items": items(&[("operating", "养羊", "100")]), "operating_expenses": "0" })),
            expect: vec![
                ("warnings[0].code", json!("per_capita_unusually_low")),
                (
                    "warnings[1].code",
                    json!("operating_income_without_expenses"),
                ),
            ],
        },
        Case {
            name: "Expenses above income give a negative net income, flagged but not refused",
            source: "rules.md §1 (net_income may be negative; then flagged)",
            request: income(json!({ "year": 2024, "household_size": 2,
                "items": items(&[("operating", "种植", "5000")]), "operating_expenses": "9000" })),
            expect: vec![
                ("result.net_income", json!("-4000.00")),
                ("result.per_capita_net_income", json!("-2000.00")),
                ("warnings[0].code", json!("net_income_not_positive")),
            ],
        },
        Case {
            name: "Wage income recorded for a 14-year-old is flagged at that item",
            source: "rules.md §1 (a member under 16 with wage income); 劳动法 第十五条",
            request: income(json!({ "year": 2024,
                "members": [ { "age": 45 }, { "age": 14 } ],
                "items": [ { "category": "wage", "item": "打零工", "amount": "3000", "member": 1 } ] })),
            expect: vec![
                ("result.household_size", json!(2)),
                ("warnings[0].code", json!("minor_with_wage_income")),
                ("warnings[0].field", json!("input.items[0].member")),
            ],
        },
        Case {
            name: "Every bad field is reported at once, each with its path",
            source: "rules.md §1 (Errors); api.md Failure",
            request: income(json!({ "year": 2024, "household_size": "2.5",
                "items": [
                    { "category": "wage", "item": "务工", "amount": "abc" },
                    { "category": "salary", "item": "x", "amount": "1" },
                    { "category": "wage", "item": "y", "amount": "-5" },
                    { "category": "wage", "item": "z", "amount": "1.234" }
                ] })),
            expect: vec![
                ("ok", json!(false)),
                ("errors[0].field", json!("input.household_size")),
                ("errors[0].code", json!("not_a_whole_number")),
                ("errors[1].field", json!("input.items[0].amount")),
                ("errors[1].code", json!("not_a_number")),
                ("errors[2].field", json!("input.items[1].category")),
                ("errors[2].code", json!("unknown_category")),
                ("errors[3].code", json!("negative_amount")),
                ("errors[4].code", json!("too_many_decimals")),
            ],
        },
        Case {
            name: "A missing household size is refused on that field",
            source: "rules.md §1 (Errors: household size missing)",
            request: income(json!({ "year": 2024, "items": [] })),
            expect: vec![
                ("errors[0].field", json!("input.household_size")),
                ("errors[0].code", json!("required")),
            ],
        },
        Case {
            name: "A negative household size must be positive",
            source: "rules.md §1 (Errors: < 1)",
            request: income(json!({ "year": 2024, "household_size": -3, "items": [] })),
            expect: vec![("errors[0].code", json!("must_be_positive"))],
        },
        Case {
            name: "Per-item operating costs and a remaining total are added together",
            source:
                "issue 3 (per-item operating costs or one total); rules.md §1 operating_expenses",
            request: income(json!({ "year": 2024, "household_size": 2,
                "items": [
                    { "category": "operating", "item": "种植业", "amount": "20000", "expense": "6000" },
                    { "category": "operating", "item": "养殖业", "amount": "10000", "expense": "4000" }
                ],
                "operating_expenses": "1000" })),
            expect: vec![
                ("result.operating_expenses", json!("11000.00")),
                ("result.net_income", json!("19000.00")),
                ("result.items[0].expense", json!("6000.00")),
                ("result.items[1].expense", json!("4000.00")),
            ],
        },
        Case {
            name: "The sheet's key figures are also given in capitals (大写)",
            source: "《会计基础工作规范》第五十二条; tests/cases/income-below-range.json",
            request: income(json!({ "year": 2024, "household_size": 3,
                "items": items(&[("wage", "县内务工", "12000"), ("operating", "种植业", "8000"), ("transfer", "低保金", "4200")]),
                "operating_expenses": "3000" })),
            expect: vec![
                (
                    "result.in_words.per_capita_net_income",
                    json!("人民币柒仟零陆拾陆元陆角柒分"),
                ),
                (
                    "result.in_words.net_income",
                    json!("人民币贰万壹仟贰佰元整"),
                ),
            ],
        },
        Case {
            name: "A member's labour capacity must be one of the three codes",
            source: "api.md eligibility members.labour",
            request: income(
                json!({ "year": 2024, "members": [ { "age": 40, "labour": "strong" } ], "items": [] }),
            ),
            expect: vec![
                ("errors[0].field", json!("input.members[0].labour")),
                ("errors[0].code", json!("unknown_value")),
            ],
        },
        Case {
            name: "An unknown override is refused before anything is computed",
            source: "rules.md §5 (overrides are validated)",
            request: with_overrides(
                json!({ "year": 2024, "household_size": 1 }),
                json!({ "monitoring_range.2025": "很多" }),
            ),
            expect: vec![
                ("ok", json!(false)),
                ("errors[0].code", json!("invalid_override")),
            ],
        },
    ]
}

#[test]
fn income_accounting_follows_rules_section_1() {
    run(cases());
}

#[test]
fn every_step_of_an_income_result_names_its_source() {
    let response = bangfu_policy::evaluate(&income(json!({ "year": 2024, "household_size": 3,
        "items": items(&[("wage", "县内务工", "12000")]) })));
    assert!(response.ok);
    assert!(response.explanation.len() >= 9);
    for step in &response.explanation {
        assert!(
            !step.source.is_empty(),
            "step {:?} has no source",
            step.label
        );
    }
    let comparison = response
        .explanation
        .iter()
        .find(|s| s.label.contains("监测范围"))
        .unwrap();
    assert_eq!(comparison.parameters[0].name, "monitoring_range.2024");
    assert_eq!(comparison.parameters[0].value, "7800");
}
