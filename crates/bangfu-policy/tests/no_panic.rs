//! Property tests: no request, however malformed, makes the engine panic (a panic in wasm
//! kills every widget on the page), and the income invariants hold on valid requests.

use bangfu_policy::{evaluate, evaluate_str};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        typed_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Field names the engine reads, so random values land where they matter.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "calculator",
            "input",
            "rule_set",
            "overrides",
            "year",
            "household_size",
            "items",
            "category",
            "item",
            "amount",
            "operating_expenses",
            "rigid_expenditure",
            "previous_per_capita_net_income",
            "members",
            "age",
            "member",
            "op",
            "from",
            "to",
            "days",
            "date",
            "allow_estimate",
            "monitoring_range.2025",
            "excluded_income_keywords",
            "household",
            "kind",
            "relocated_13th_fyp",
            "dibao_class",
            "household_size",
            "seven_not_eliminate_checked",
            "bands_measured_on",
            "plan_done_on",
            "holds_public_welfare_job",
            "months_worked_away",
        ])
        .prop_map(String::from),
        "[a-z_]{1,8}",
    ]
}

/// Things people type into number and date fields.
fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9０-９,，. 万千元￥\\-]{0,14}",
        "[0-9]{1,30}(\\.[0-9]{0,30})?",
        "[0-9]{4}[-/年.][0-9]{1,2}[-/月.][0-9]{1,2}日?",
        "(income|working_days|eligibility|add|count|is_working_day|wage|operating|property|transfer|excluded)",
        "(one_click_report|duties|poverty_alleviated|ordinary|monitored|full|partial|none|gansu-2023|college_grant|yulu|medical_tilt)",
        "\\PC{0,8}",
    ]
}

fn envelope() -> impl Strategy<Value = Value> {
    let calculator = prop::sample::select(vec![
        "income",
        "working_days",
        "eligibility",
        "deadlines",
        "subsidy",
    ]);
    (calculator, arb_json(), prop::option::of(arb_json())).prop_map(|(c, input, overrides)| {
        let mut v = json!({ "calculator": c, "input": input });
        if let Some(o) = overrides {
            v["overrides"] = o;
        }
        v
    })
}

fn income_request() -> impl Strategy<Value = Value> {
    let item = (
        prop::sample::select(vec![
            "wage",
            "operating",
            "property",
            "transfer",
            "excluded",
            "bogus",
        ]),
        typed_text(),
    )
        .prop_map(|(c, a)| json!({ "category": c, "item": "项目", "amount": a }));
    (
        typed_text(),
        prop::collection::vec(item, 0..8),
        typed_text(),
        typed_text(),
    )
        .prop_map(|(size, items, expenses, rigid)| {
            json!({ "calculator": "income", "input": {
                "year": 2024, "household_size": size, "items": items,
                "operating_expenses": expenses, "rigid_expenditure": rigid } })
        })
}

/// Structured households of revision 2: every kind, hukou, flag and date, some years without
/// a range, monitoring details partly missing.
fn household_request() -> impl Strategy<Value = Value> {
    let kind = prop::sample::select(vec![
        "ordinary",
        "poverty_alleviated",
        "monitored",
        "risk_eliminated",
    ]);
    let labour = prop::sample::select(vec!["full", "partial", "none"]);
    let member = (
        prop::option::of(0u64..100),
        labour,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(age, l, ill, student)| {
            let mut m = json!({ "labour": l, "serious_illness": ill });
            if let Some(a) = age {
                m["age"] = json!(a);
            }
            if student {
                m["student"] = json!("secondary_vocational");
            }
            m
        });
    let flags = prop::collection::vec(any::<bool>(), 8);
    let monitoring = prop::option::of((
        prop::option::of(0u64..24),
        prop::option::of(any::<bool>()),
        prop::option::of(0u64..3),
    ));
    (kind, flags, 5000u32..12000, prop::collection::vec(member, 1..5), monitoring, 2023i32..2028, prop::option::of(1u64..6))
        .prop_map(|(kind, f, income, members, mon, year, size)| {
            let mut h = json!({ "kind": kind, "gansu_agricultural_hukou": f[0], "relocated_13th_fyp": f[1],
                "declared_hardship": f[2], "sudden_accident": f[3], "on_dibao": f[4], "hospitalized_member": f[5],
                "per_capita_net_income": income.to_string(), "rigid_expenditure": if f[6] { "3000" } else { "0" },
                "risks": if f[7] { json!(["illness"]) } else { json!([]) }, "members": members });
            if let Some(n) = size {
                h["household_size"] = json!(n);
            }
            if let Some((months, seven, measures)) = mon {
                let mut m = json!({ "identified_on": "2023-01-01", "income_above_range": true });
                if let Some(x) = months { m["income_stable_months"] = json!(x); }
                if let Some(x) = seven { m["seven_not_eliminate_checked"] = json!(x); }
                if let Some(x) = measures { m["measures_in_place"] = json!(x); }
                h["monitoring"] = m;
            }
            json!({ "calculator": "eligibility", "input": { "date": format!("{year}-06-01"), "household": h } })
        })
}

proptest! {
    /// (r2) Three answers: `null` never comes with a firm reason, and elimination is never
    /// "eligible" while anything is unknown.
    #[test]
    fn an_unknown_answer_never_carries_a_firm_reason(request in household_request()) {
        let r = evaluate(&request);
        prop_assert!(r.ok, "{:?}", r.errors);
        let res = r.result.unwrap();
        if res["in_scope"].is_null() {
            prop_assert!(res["out_of_scope_reason"].is_null());
            prop_assert_eq!(&res["advice"], &json!("建议联系村委会入户核实"));
        }
        if res["in_scope"] == json!(false) {
            prop_assert!(res["out_of_scope_reason"].is_string());
        }
        let el = &res["risk_elimination"];
        if el["eligible"] == json!(true) {
            prop_assert!(el["unknown"].as_array().unwrap().is_empty() && el["unmet"].as_array().unwrap().is_empty());
        }
        if el["eligible"].is_null() && !el.is_null() {
            prop_assert!(el["unmet"].as_array().unwrap().is_empty() && !el["unknown"].as_array().unwrap().is_empty());
        }
        // A year without a range never answers "no" for a household below it.
        if res["monitoring_range"].is_null() && request["input"]["household"]["kind"] != "risk_eliminated" {
            let hukou_ok = request["input"]["household"]["gansu_agricultural_hukou"] == json!(true)
                || request["input"]["household"]["relocated_13th_fyp"] == json!(true)
                || request["input"]["household"]["kind"] != "ordinary";
            if hukou_ok {
                prop_assert!(res["in_scope"] != json!(false), "{}", res);
            }
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let r = evaluate_str(&text);
        prop_assert!(r.ok || !r.errors.is_empty());
    }

    #[test]
    fn arbitrary_requests_never_panic_and_failures_say_why(request in envelope()) {
        let r = evaluate(&request);
        prop_assert!(r.ok || !r.errors.is_empty());
        for e in &r.errors {
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn per_capita_times_size_is_net_income_within_rounding(request in income_request()) {
        let r = evaluate(&request);
        if r.ok {
            let res = r.result.unwrap();
            let dec = |k: &str| Decimal::from_str(res[k].as_str().unwrap()).unwrap();
            let size = Decimal::from(res["household_size"].as_u64().unwrap());
            let diff = (dec("per_capita_net_income") * size - dec("net_income")).abs();
            prop_assert!(diff <= Decimal::new(5, 3) * size, "{res}");
            prop_assert!(dec("excluded_total") >= Decimal::ZERO);
        } else {
            for e in &r.errors {
                prop_assert!(e.field.starts_with("input"), "{:?}", e);
            }
        }
    }

    #[test]
    fn adding_then_counting_working_days_agree(day in 0u32..1000, n in 1u32..200) {
        let from = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(i64::from(day));
        if let Ok((days, _)) = bangfu_policy::calendar::add_working_days(from, n, false) {
            let due = days.last().unwrap().date;
            prop_assert!(due > from);
            prop_assert!(bangfu_policy::calendar::classify(due, false).unwrap().kind.is_working());
            let next = from.succ_opt().unwrap();
            prop_assert_eq!(bangfu_policy::calendar::count_working_days(next, due, false), Ok((n, false)));
        }
    }
}

#[test]
fn deeply_nested_json_is_refused_not_overflowed() {
    let deep = "[".repeat(100_000);
    assert!(!evaluate_str(&deep).ok);
    let deep_obj = format!(
        "{{\"calculator\":\"income\",\"input\":{}{}",
        "{\"a\":".repeat(5000),
        "}".repeat(5001)
    );
    assert!(!evaluate_str(&deep_obj).ok);
}

#[test]
fn huge_numbers_are_refused_with_a_message() {
    let r = evaluate(
        &json!({ "calculator": "income", "input": { "year": 2024, "household_size": 1,
        "items": [ { "category": "wage", "amount": "9".repeat(400) } ] } }),
    );
    assert_eq!(r.errors[0].field, "input.items[0].amount");
    assert_eq!(r.errors[0].code, bangfu_policy::ErrorCode::TooLarge);
    let r = evaluate(
        &json!({ "calculator": "income", "input": { "year": 2024, "household_size": 1e300 } }),
    );
    assert!(!r.ok);
}
