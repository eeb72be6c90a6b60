//! Eligibility, rules.md §2, one sentence-named case per rule, each with its clause.

mod common;

use common::{run, Case};
use serde_json::{json, Value};

fn member(age: u64, labour: &str) -> Value {
    json!({ "age": age, "labour": labour })
}

/// A household with sensible defaults; `extra` overrides fields of `household`.
fn request(date: &str, extra: Value) -> Value {
    let mut household = json!({
        "kind": "ordinary",
        "gansu_agricultural_hukou": true,
        "per_capita_net_income": "7500",
        "members": [member(45, "full"), member(43, "full")]
    });
    if let (Some(h), Some(e)) = (household.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            h.insert(k.clone(), v.clone());
        }
    }
    json!({ "calculator": "eligibility", "input": { "date": date, "household": household } })
}

fn monitored(extra_monitoring: Value, members: Value) -> Value {
    let mut m = json!({ "identified_on": "2023-10-01", "measures_in_place": 2, "income_stable_months": 8,
        "income_above_range": true, "rigid_expenditure_resolved": true, "three_guarantees_and_water": true,
        "risk_eliminated": true });
    if let (Some(o), Some(e)) = (m.as_object_mut(), extra_monitoring.as_object()) {
        for (k, v) in e {
            o.insert(k.clone(), v.clone());
        }
    }
    request(
        "2024-06-01",
        json!({ "kind": "monitored", "per_capita_net_income": "9000", "monitoring": m, "members": members }),
    )
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "A 脱贫户 below the line is a 脱贫不稳定户",
            source: "rules.md §2 Monitoring type; 中农组发〔2021〕7号",
            request: request("2024-06-01", json!({ "kind": "poverty_alleviated" })),
            expect: vec![("result.monitoring_type", json!("unstable_alleviated")), ("result.in_scope", json!(true)),
                         ("result.margin_to_range", json!("300.00"))],
        },
        Case {
            name: "An ordinary household below the line is a 边缘易致贫户",
            source: "rules.md §2; tests/cases/eligibility-marginal.json",
            request: request("2024-06-01", json!({})),
            expect: vec![("result.monitoring_type", json!("marginal")), ("result.within_monitoring_range", json!(true))],
        },
        Case {
            name: "A household exactly at 7800 is not within the range and, without hardship, not in scope",
            source: "rules.md §1 (\"Below\" means strictly less); 附件2 第3条",
            request: request("2024-06-01", json!({ "per_capita_net_income": "7800.00" })),
            expect: vec![("result.within_monitoring_range", json!(false)), ("result.monitoring_type", Value::Null),
                         ("result.in_scope", json!(false))],
        },
        Case {
            name: "Above the line but below it after rigid expenditure is a 突发严重困难户",
            source: "rules.md §2 (sudden_hardship: per_capita_after_rigid below the range)",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "per_capita_after_rigid": "6000" })),
            expect: vec![("result.monitoring_type", json!("sudden_hardship")), ("result.within_monitoring_range", json!(false))],
        },
        Case {
            name: "A household's rigid expenditure is spread over its members to test the hardship rule",
            source: "rules.md §1 (per_capita_after_rigid); rules.md §2 (sudden_hardship)",
            // 9000 − 6000 ÷ 2 = 6000 < 7800
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "rigid_expenditure": "6000" })),
            expect: vec![("result.monitoring_type", json!("sudden_hardship"))],
        },
        Case {
            name: "Above the line with a declared severe hardship is a 突发严重困难户",
            source: "rules.md §2 (a declaration is an input, not computed)",
            request: request("2024-06-01", json!({ "kind": "poverty_alleviated", "per_capita_net_income": "12000", "declared_hardship": true })),
            expect: vec![("result.monitoring_type", json!("sudden_hardship"))],
        },
        Case {
            name: "Above the line with no hardship is out of scope, with the margin above the line",
            source: "rules.md §2 (otherwise null, with the margin above the line)",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "per_capita_after_rigid": "8000" })),
            expect: vec![("result.monitoring_type", Value::Null), ("result.in_scope", json!(false)),
                         ("result.margin_to_range", json!("-1200.00"))],
        },
        Case {
            name: "A household without Gansu agricultural hukou is not within the scope of 一键报贫",
            source: "rules.md §2; facts.md G",
            request: request("2024-06-01", json!({ "gansu_agricultural_hukou": false })),
            expect: vec![("result.in_scope", json!(false)), ("result.monitoring_type", Value::Null)],
        },
        Case {
            name: "A monitored household is reported as already monitored, with no new type",
            source: "rules.md §2 (Households already monitored are reported as such)",
            // r2: eligible only once the cadre has checked the local 七不消 list.
            request: monitored(json!({ "seven_not_eliminate_checked": true }), json!([member(50, "full")])),
            expect: vec![("result.monitoring_type", json!("already_monitored")),
                         ("result.risk_elimination.eligible", json!(true)),
                         ("result.risk_elimination.unmet", json!([]))],
        },
        Case {
            name: "A household where no one can work is managed by 民政 and is not marked eliminated",
            source: "附件2 第13、15、19条",
            request: monitored(json!({}), json!([member(80, "none"), member(78, "none")])),
            expect: vec![("result.management", json!("civil_affairs")),
                         ("result.risk_elimination.eligible", json!(false)),
                         ("result.risk_elimination.unmet", json!(["not_whole_household_without_labour"]))],
        },
        Case {
            name: "Risk elimination lists every unmet condition by name",
            source: "rules.md §2 Risk elimination; facts.md A2",
            request: monitored(json!({ "identified_on": "2024-03-01", "measures_in_place": 0, "income_stable_months": 3,
                "rigid_expenditure_resolved": false }), json!([member(50, "full")])),
            expect: vec![("result.risk_elimination.unmet",
                json!(["income_stable_6_months", "rigid_expenditure_resolved", "monitored_6_months", "measure_in_place"]))],
        },
        Case {
            name: "Monitored exactly six months is enough",
            source: "facts.md A2 (监测满半年)",
            request: monitored(json!({ "identified_on": "2023-12-01", "seven_not_eliminate_checked": true }), json!([member(50, "full")])),
            expect: vec![("result.risk_elimination.eligible", json!(true))],
        },
        Case {
            name: "A monitored household still below the line cannot be marked eliminated",
            source: "facts.md A2 (年人均纯收入稳定超过当年监测范围)",
            request: request("2024-06-01", json!({ "kind": "monitored", "per_capita_net_income": "7000", "monitoring": {
                "identified_on": "2023-01-01", "measures_in_place": 1, "income_stable_months": 12, "income_above_range": true,
                "rigid_expenditure_resolved": true, "three_guarantees_and_water": true, "risk_eliminated": true } })),
            expect: vec![("result.risk_elimination.unmet", json!(["income_above_range"]))],
        },
        Case {
            name: "七不消 is carried as not configured, never invented",
            source: "rules.md §2 (七不消: the plan cites it but does not list it); 附件2 第14条",
            request: monitored(json!({}), json!([member(50, "full")])),
            expect: vec![("result.risk_elimination.seven_not_eliminate", json!("not_configured")),
                         ("warnings[0].code", json!("seven_not_eliminate_not_configured"))],
        },
        Case {
            name: "Once a portal configures the 七不消 items, they must be confirmed before elimination",
            source: "rules.md §2 (七不消: an empty, configurable list); 附件2 第14条",
            request: {
                let mut r = monitored(json!({}), json!([member(50, "full")]));
                r["overrides"] = json!({ "seven_not_eliminate_items": ["存在新增返贫致贫风险的不消", "帮扶措施未落实到位的不消"] });
                r
            },
            expect: vec![("result.risk_elimination.seven_not_eliminate", json!("configured")),
                         ("result.risk_elimination.unmet", json!(["seven_not_eliminate"])),
                         ("result.risk_elimination.seven_not_eliminate_items[1]", json!("帮扶措施未落实到位的不消"))],
        },
        Case {
            name: "Confirmed 七不消 items let a household through",
            source: "rules.md §2; 附件2 第14条",
            request: {
                let mut r = monitored(json!({ "seven_not_eliminate_confirmed": true }), json!([member(50, "full")]));
                r["overrides"] = json!({ "seven_not_eliminate_items": ["存在新增返贫致贫风险的不消"] });
                r
            },
            expect: vec![("result.risk_elimination.eligible", json!(true))],
        },
        Case {
            name: "The 六必访 groups are matched from members and household events",
            source: "附件2 第9条 六必访",
            request: request("2024-06-01", json!({ "major_change_or_disaster": true, "members": [
                { "age": 60, "labour": "partial", "serious_illness": true, "single_parent": true },
                { "age": 10, "labour": "none", "left_behind": true },
                { "age": 70, "labour": "none", "disability": "severe", "chronic_illness_heavy_burden": true } ] })),
            expect: vec![("result.must_visit", json!(["serious_illness", "chronic_illness_heavy_burden", "severe_disability",
                "left_behind", "single_parent_or_incapacitated_elderly", "major_change_or_disaster"]))],
        },
        Case {
            name: "The 六必查 groups are matched from household facts",
            source: "附件2 第9条 六必查",
            request: request("2024-06-01", json!({ "on_tekun": true, "hospitalized_member": true, "sudden_accident": true,
                "complaint_reported": true, "members": [
                    { "age": 40, "labour": "full", "disability": "mild" },
                    { "age": 19, "labour": "none", "student": "vocational" } ] })),
            expect: vec![("result.must_check", json!(["dibao_or_tekun", "hospitalized_member", "supporting_student",
                "disabled_member", "sudden_accident", "complaint_reported"]))],
        },
        Case {
            name: "A household of weak or half labour only is managed by development plus protection",
            source: "附件2 第13条（以弱劳力、半劳力为主的，开发式帮扶与保障性措施相结合）",
            request: request("2024-06-01", json!({ "members": [member(62, "partial"), member(85, "none")] })),
            expect: vec![("result.management", json!("combined"))],
        },
        Case {
            name: "A 2025 date has no configured range: income cannot decide, and it says so",
            source: "rules.md §1 (Other years: not configured)",
            request: request("2025-03-01", json!({})),
            expect: vec![("result.within_monitoring_range", Value::Null), ("result.monitoring_type", Value::Null),
                         ("warnings[0].code", json!("monitoring_range_not_configured"))],
        },
        Case {
            name: "A 脱贫户 with a vocational student is pointed to 雨露计划 and micro-credit",
            source: "rules.md §2 Benefit pointers; facts.md E1, E2",
            request: request("2024-06-01", json!({ "kind": "poverty_alleviated", "per_capita_net_income": "9000",
                "members": [member(45, "full"), { "age": 17, "labour": "none", "student": "vocational" }] })),
            expect: vec![("result.benefits[0].code", json!("yulu")), ("result.benefits[1].code", json!("microcredit"))],
        },
        Case {
            name: "Unknown risk codes and missing members are refused field by field",
            source: "api.md eligibility (risk codes); rules.md §2",
            request: request("2024-06-01", json!({ "risks": ["illness", "bad_luck"], "members": [] })),
            expect: vec![("ok", json!(false)), ("errors[0].field", json!("input.household.risks[1]")),
                         ("errors[1].field", json!("input.household.members"))],
        },
        Case {
            name: "A negative per-capita income is accepted (expenses above income)",
            source: "rules.md §1 (net_income may be negative)",
            request: request("2024-06-01", json!({ "per_capita_net_income": "-2000" })),
            expect: vec![("result.monitoring_type", json!("marginal")), ("result.margin_to_range", json!("9800.00"))],
        },
    ]
}

#[test]
fn eligibility_follows_rules_section_2() {
    run(cases());
}
