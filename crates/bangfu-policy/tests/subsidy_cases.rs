//! Subsidy estimates, rules.md §4: one case per programme rule with its clause, and the edges
//! (a bill below the halved deductible, exactly at a segment bound, a loan at 50,000 and above
//! it, three months of work against two).

mod common;

use serde_json::{json, Value};

fn request(kind: &str, extra_household: Value, programme: &str, details: Value) -> Value {
    let mut household = json!({ "kind": kind, "gansu_agricultural_hukou": true,
        "members": [ { "age": 45, "labour": "full" } ] });
    if let (Some(h), Some(e)) = (household.as_object_mut(), extra_household.as_object()) {
        for (k, v) in e {
            h.insert(k.clone(), v.clone());
        }
    }
    json!({ "calculator": "subsidy", "input": { "year": 2024, "household": household,
        "programmes": [programme], "details": { programme: details } } })
}

fn tilt(cost: &str) -> Value {
    request(
        "ordinary",
        json!({ "on_dibao": true }),
        "medical_tilt",
        json!({ "eligible_cost": cost, "deductible": "5000",
                "segments": [ { "up_to": "50000", "ratio": "0.60" }, { "up_to": null, "ratio": "0.70" } ] }),
    )
}

type Case = (
    &'static str,
    &'static str,
    Value,
    Vec<(&'static str, Value)>,
);

fn cases() -> Vec<Case> {
    vec![
        (
            "A 脱贫户 child admitted to an undergraduate programme gets 10,000 once",
            "主文 第3条",
            request(
                "poverty_alleviated",
                json!({}),
                "college_grant",
                json!({ "admission": "undergraduate" }),
            ),
            vec![
                ("result.estimates[0].eligible", json!(true)),
                ("result.estimates[0].amount", json!("10000.00")),
                ("result.estimates[0].confidence", json!("plan")),
            ],
        ),
        (
            "A junior-college admission gets 8,000",
            "主文 第3条",
            request(
                "monitored",
                json!({}),
                "college_grant",
                json!({ "admission": "junior_college" }),
            ),
            vec![("result.estimates[0].amount", json!("8000.00"))],
        ),
        (
            "An ordinary household that is not a difficult family gets no college grant",
            "rules.md §4 (difficult family)",
            request(
                "ordinary",
                json!({}),
                "college_grant",
                json!({ "admission": "undergraduate" }),
            ),
            vec![
                ("result.estimates[0].eligible", json!(false)),
                ("result.estimates[0].amount", Value::Null),
            ],
        ),
        (
            "An out-of-province gaokao does not qualify",
            "主文 第3条 (在省内参加普通高考)",
            request(
                "poverty_alleviated",
                json!({}),
                "college_grant",
                json!({ "admission": "undergraduate", "in_province_gaokao": false }),
            ),
            vec![("result.estimates[0].eligible", json!(false))],
        ),
        (
            "雨露计划 pays 3,000 a student a school year over the remaining years",
            "facts.md E1",
            request(
                "monitored",
                json!({}),
                "yulu",
                json!({ "students": 2, "years_remaining": 3 }),
            ),
            vec![("result.estimates[0].amount", json!("18000.00"))],
        ),
        (
            "The tilted schedule halves the deductible and adds 5 points (api.md worked example)",
            "主文 第3条; api.md medical_tilt",
            tilt("80000"),
            vec![
                ("result.estimates[0].standard_payout", json!("47500.00")),
                ("result.estimates[0].amount", json!("53125.00")),
                ("result.estimates[0].difference", json!("5625.00")),
            ],
        ),
        (
            "A bill below the halved deductible pays nothing either way",
            "rules.md §4",
            tilt("2000"),
            vec![
                ("result.estimates[0].standard_payout", json!("0.00")),
                ("result.estimates[0].amount", json!("0.00")),
            ],
        ),
        (
            "A bill between the halved and the full deductible is paid only when tilted",
            "rules.md §4",
            tilt("4500"),
            vec![
                ("result.estimates[0].standard_payout", json!("0.00")),
                ("result.estimates[0].amount", json!("1300.00")),
            ],
        ),
        (
            "A bill exactly at a segment bound uses only the first segment's ratio",
            "api.md (up_to measured on the amount above the deductible)",
            tilt("55000"),
            vec![
                ("result.estimates[0].standard_payout", json!("30000.00")),
                ("result.estimates[0].amount", json!("34375.00")),
            ],
        ),
        (
            "Without a local schedule the payout is 未配置, never guessed",
            "facts.md D (Gansu 大病保险 schedule not found)",
            request(
                "ordinary",
                json!({ "on_tekun": true }),
                "medical_tilt",
                json!({ "eligible_cost": "80000" }),
            ),
            vec![
                ("result.estimates[0].eligible", json!(true)),
                ("result.estimates[0].amount", Value::Null),
                ("result.not_configured", json!(["medical_tilt"])),
            ],
        ),
        (
            "Medical assistance is at least 70% of the self-paid cost within the annual limit",
            "国办发〔2021〕42号; facts.md D",
            request(
                "ordinary",
                json!({ "on_dibao": true }),
                "medical_assistance",
                json!({ "self_paid": "10000", "annual_limit": "5000" }),
            ),
            vec![("result.estimates[0].amount", json!("5000.00"))],
        ),
        (
            "A loan of 50,000 over 3 years at the 5-year LPR of 3.60% pays 5,400 interest",
            "facts.md E2, H (LPR from 2024-10-21)",
            request(
                "poverty_alleviated",
                json!({}),
                "microcredit",
                json!({ "principal": "50000", "years": 3, "loan_date": "2024-11-01", "subsidy_ratio": "1.0" }),
            ),
            vec![
                ("result.estimates[0].rate", json!("0.036")),
                ("result.estimates[0].interest", json!("5400.00")),
                ("result.estimates[0].amount", json!("5400.00")),
            ],
        ),
        (
            "(r2) Above 50,000 the loan is not a standard 脱贫人口小额信贷: undecided, no subsidy computed",
            "rules.md §4 (r2) 小额信贷 above 50,000; facts.md E2",
            request(
                "poverty_alleviated",
                json!({}),
                "microcredit",
                json!({ "principal": "80000", "years": 3, "loan_date": "2024-11-01", "subsidy_ratio": "1.0" }),
            ),
            vec![("result.estimates[0].eligible", Value::Null), ("result.estimates[0].amount", Value::Null)],
        ),
        (
            "A one-year loan uses the 1-year LPR, and no ratio means the subsidy is 未配置",
            "facts.md E2, H",
            request(
                "monitored",
                json!({}),
                "microcredit",
                json!({ "principal": "20000", "years": 1, "loan_date": "2024-03-01" }),
            ),
            vec![
                ("result.estimates[0].rate", json!("0.0345")),
                ("result.estimates[0].interest", json!("690.00")),
                ("result.estimates[0].amount", Value::Null),
            ],
        ),
        (
            "A term over 3 years is not eligible",
            "facts.md E2 (3年期以内)",
            request(
                "monitored",
                json!({}),
                "microcredit",
                json!({ "principal": "20000", "years": 4, "loan_date": "2024-03-01" }),
            ),
            vec![("result.estimates[0].eligible", json!(false))],
        ),
        (
            "Three months of self-arranged work in another province gives 600",
            "甘人社通〔2024〕155号",
            request(
                "poverty_alleviated",
                json!({}),
                "transport",
                json!({ "destination": "other_province", "months_worked": 3 }),
            ),
            vec![
                ("result.estimates[0].eligible", json!(true)),
                ("result.estimates[0].amount", json!("600.00")),
            ],
        ),
        (
            "Two months of work is not enough",
            "甘人社通〔2024〕155号 (满3个月)",
            request(
                "poverty_alleviated",
                json!({}),
                "transport",
                json!({ "destination": "shaanxi_ningxia", "months_worked": 2 }),
            ),
            vec![
                ("result.estimates[0].eligible", json!(false)),
                ("result.estimates[0].amount", Value::Null),
            ],
        ),
        (
            "Work in Shaanxi or Ningxia gives 400",
            "甘人社通〔2024〕155号",
            request(
                "monitored",
                json!({}),
                "transport",
                json!({ "destination": "shaanxi_ningxia", "months_worked": 6 }),
            ),
            vec![("result.estimates[0].amount", json!("400.00"))],
        ),
        (
            "A public-welfare post pays 500 a month provincially",
            "facts.md E4",
            request(
                "poverty_alleviated",
                json!({}),
                "public_welfare_job",
                json!({ "months": 12 }),
            ),
            vec![("result.estimates[0].amount", json!("6000.00"))],
        ),
        (
            "A 四类低保 household is read (Gansu has four classes) and is not in the public-welfare post group",
            "facts.md E4 (一、二类低保对象), E5 (一、二、三、四类低保)",
            request(
                "ordinary",
                json!({ "on_dibao": true }),
                "public_welfare_job",
                json!({ "dibao_class": 4 }),
            ),
            vec![("ok", json!(true)), ("result.estimates[0].eligible", json!(false))],
        ),
        (
            "A 三类低保 household is not in the public-welfare post group",
            "facts.md E4 (一、二类低保对象)",
            request(
                "ordinary",
                json!({ "on_dibao": true }),
                "public_welfare_job",
                json!({ "dibao_class": 3 }),
            ),
            vec![("result.estimates[0].eligible", json!(false))],
        ),
        (
            "(r2) A county project's locally set amount is shown and marked local, but not counted while 可咨询",
            "rules.md §4 (settable amount; (r2) county projects: eligible null)",
            request(
                "ordinary",
                json!({}),
                "greenhouse",
                json!({ "amount": "5000" }),
            ),
            vec![
                ("result.estimates[0].eligible", Value::Null),
                ("result.estimates[0].amount", json!("5000.00")),
                ("result.estimates[0].confidence", json!("local")),
                ("result.total", json!("0.00")),
            ],
        ),
        (
            "(r2) A county project without an amount is 可咨询 (null) with 未配置",
            "rules.md §4 (r2) county projects",
            request("ordinary", json!({}), "housing_retrofit", json!({})),
            vec![
                ("result.estimates[0].eligible", Value::Null),
                ("result.estimates[0].amount", Value::Null),
            ],
        ),
        (
            "Bad segments are refused field by field",
            "api.md medical_tilt (the last one open)",
            request(
                "monitored",
                json!({}),
                "medical_tilt",
                json!({ "eligible_cost": "1000", "deductible": "100",
             "segments": [ { "up_to": "5000", "ratio": "1.2" }, { "up_to": "4000", "ratio": "0.7" } ] }),
            ),
            vec![
                ("ok", json!(false)),
                (
                    "errors[0].field",
                    json!("input.details.medical_tilt.segments[0].ratio"),
                ),
                (
                    "errors[1].field",
                    json!("input.details.medical_tilt.segments[1].up_to"),
                ),
            ],
        ),
    ]
}

#[test]
fn subsidy_estimates_follow_rules_section_4() {
    common::run(
        cases()
            .into_iter()
            .map(|(name, source, request, expect)| common::Case {
                name,
                source,
                request,
                expect,
            })
            .collect(),
    );
}

#[test]
fn every_estimate_states_its_basis_and_the_local_caveat_and_amounts_are_never_negative() {
    let r = bangfu_policy::evaluate(&json!({ "calculator": "subsidy", "input": { "year": 2024,
        "household": { "kind": "monitored", "gansu_agricultural_hukou": true, "on_dibao": true,
                       "members": [ { "age": 40, "labour": "full", "disability": "mild" } ] } } }));
    assert!(r.ok, "{:?}", r.errors);
    let res = r.result.unwrap();
    let estimates = res["estimates"].as_array().unwrap();
    assert_eq!(estimates.len(), 12, "every programme when none is named");
    for e in estimates {
        assert!(!e["basis"].as_str().unwrap().is_empty());
        assert_eq!(e["note"], "以当地最新文件为准");
        if let Some(a) = e["amount"].as_str() {
            assert!(!a.starts_with('-'), "{e}");
        }
    }
}
