//! Eligibility, rules.md §2 revision 2: one sentence-named case per (r2) rule, each with its
//! clause. Three answers, never two: a "no" only when every fact needed for it is known.

mod common;

use common::{run, Case};
use serde_json::{json, Value};

fn member(age: u64, labour: &str) -> Value {
    json!({ "age": age, "labour": labour })
}

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

fn monitoring(extra: Value) -> Value {
    let mut m = json!({ "identified_on": "2023-10-01", "measures_in_place": 2, "income_stable_months": 8,
        "income_above_range": true, "rigid_expenditure_resolved": true, "three_guarantees_and_water": true,
        "risk_eliminated": true, "seven_not_eliminate_checked": true });
    if let (Some(o), Some(e)) = (m.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            o.insert(k.clone(), v.clone());
        }
    }
    m
}

fn monitored(per_capita: &str, extra_monitoring: Value) -> Value {
    request(
        "2024-06-01",
        json!({ "kind": "monitored", "per_capita_net_income": per_capita,
                "monitoring": monitoring(extra_monitoring), "members": [member(50, "full")] }),
    )
}

fn scope_and_answers() -> Vec<Case> {
    vec![
        Case {
            name: "A 2026 request without a configured range is 需入户核实, never a no",
            source: "rules.md §2 (r2) Three answers: the year's range is not configured → in_scope null",
            request: request("2026-11-29", json!({ "per_capita_net_income": "9000" })),
            expect: vec![("result.in_scope", Value::Null), ("result.advice", json!("建议联系村委会入户核实")),
                         ("result.out_of_scope_reason", Value::Null),
                         ("result.reference_range.label", json!("参考：2024 年为 7800 元，以当地公布为准")),
                         ("warnings[0].code", json!("monitoring_range_not_configured"))],
        },
        Case {
            name: "A portal's 2026 range with its document decides the 2026 request",
            source: "rules.md §1 (r2) Portals set the current year's range by override; api.md r2 overrides with source",
            request: {
                let mut r = request("2026-11-29", json!({ "per_capita_net_income": "8000" }));
                r["overrides"] = json!({ "monitoring_range.2026": { "value": "8200", "source": "某某县2026年监测范围通知" } });
                r
            },
            expect: vec![("result.in_scope", json!(true)), ("result.monitoring_type", json!("marginal")),
                         ("result.monitoring_range", json!("8200.00")), ("result.reference_range", Value::Null),
                         ("explanation[1].parameters[0].source", json!("本地配置：某某县2026年监测范围通知"))],
        },
        Case {
            name: "A risk flag on a household above the range brings it in for a visit",
            source: "rules.md §2 (r2) any risk flag on a household above the range → in_scope null",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "risks": ["illness"] })),
            expect: vec![("result.in_scope", Value::Null), ("result.advice", json!("建议联系村委会入户核实")),
                         ("result.within_monitoring_range", json!(false))],
        },
        Case {
            name: "A 六必查 trigger (a hospitalised member) above the range is a visit, not a no",
            source: "rules.md §2 (r2) 六必访/六必查 triggers are risk flags; 附件2 第9条",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "hospitalized_member": true })),
            expect: vec![("result.in_scope", Value::Null), ("result.must_check", json!(["hospitalized_member"]))],
        },
        Case {
            name: "Above the range with no flag at all is still a no, with the margin",
            source: "rules.md §2 (r2) a no only when every fact needed is known and says no",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000" })),
            expect: vec![("result.in_scope", json!(false)), ("result.margin_to_range", json!("-1200.00"))],
        },
        Case {
            name: "A natural disaster opens the green channel: help comes first",
            source: "rules.md §2 (r2) 绿色通道; Plan 附件2 第8条",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "risks": ["natural_disaster"] })),
            expect: vec![("result.green_channel", json!(true)), ("result.in_scope", Value::Null),
                         ("warnings[0].code", json!("green_channel"))],
        },
        Case {
            name: "A sudden accident opens the green channel too",
            source: "rules.md §2 (r2) 绿色通道 (sudden_accident, major_change_or_disaster, accident)",
            request: request("2024-06-01", json!({ "sudden_accident": true })),
            expect: vec![("result.green_channel", json!(true)), ("result.in_scope", json!(true))],
        },
        Case {
            name: "An ordinary household with no disaster has no green channel",
            source: "rules.md §2 (r2) 绿色通道",
            request: request("2024-06-01", json!({})),
            expect: vec![("result.green_channel", json!(false))],
        },
        Case {
            name: "A 十三五 relocated household on urban hukou is within the 排查 scope",
            source: "rules.md §2 (r2) Scope; Plan 附件2 第5条（包括已转为城镇户籍的“十三五”易地扶贫搬迁群众）",
            request: request("2024-06-01", json!({ "gansu_agricultural_hukou": false, "relocated_13th_fyp": true })),
            expect: vec![("result.in_scope", json!(true)), ("result.monitoring_type", json!("marginal"))],
        },
        Case {
            name: "A 脱贫户 is in the system whatever its hukou",
            source: "rules.md §2 (r2) Scope: a household of kind poverty_alleviated / monitored",
            request: request("2024-06-01", json!({ "gansu_agricultural_hukou": false, "kind": "poverty_alleviated" })),
            expect: vec![("result.in_scope", json!(true)), ("result.monitoring_type", json!("unstable_alleviated"))],
        },
        Case {
            name: "Any other household outside the hukou scope gets a pointer to its hukou place, not a verdict",
            source: "rules.md §2 (r2) Scope: \"按户籍所在地政策办理\"",
            request: request("2024-06-01", json!({ "gansu_agricultural_hukou": false })),
            expect: vec![("result.in_scope", json!(false)), ("result.monitoring_type", Value::Null),
                         ("result.in_scope_reason", json!("不是甘肃农业户籍家庭：按户籍所在地政策办理（这不是对家庭困难与否的判断）"))],
        },
    ]
}

fn approach_cases() -> Vec<Case> {
    vec![
        Case {
            name: "A working-age member with no labour who is not a student has lost it: combined",
            source: "rules.md §2 (r2) Support approach; Plan 附件2 第13条",
            request: request("2024-06-01", json!({ "members": [member(45, "full"), member(40, "none"), member(20, "full")] })),
            expect: vec![("result.support_approach", json!("combined")), ("result.lead_department", json!("agriculture")),
                         ("result.lost_labour_capacity", json!(true)), ("result.management", json!("combined"))],
        },
        Case {
            name: "Children, students and the elderly without labour do not change the class",
            source: "rules.md §2 (r2) 无劳动能力 (children, students, the elderly)",
            request: request("2024-06-01", json!({ "members": [member(45, "full"), member(43, "full"), member(8, "none"),
                { "age": 19, "labour": "none", "student": "undergraduate" }, member(75, "none")] })),
            expect: vec![("result.support_approach", json!("development")), ("result.lead_department", json!("agriculture")),
                         ("result.lost_labour_capacity", json!(false)), ("result.management", json!("agriculture"))],
        },
        Case {
            name: "Partial members at least as many as full members: combined",
            source: "rules.md §2 (r2) 以弱劳力、半劳力为主; Plan 附件2 第13条",
            request: request("2024-06-01", json!({ "members": [member(45, "full"), member(50, "partial")] })),
            expect: vec![("result.support_approach", json!("combined")), ("result.lead_department", json!("agriculture"))],
        },
        Case {
            name: "No member with labour: protection by 民政, and the 民政 pointers",
            source: "rules.md §2 (r2) protection / civil_affairs; Benefit pointers 低保、特困供养、临时救助; Plan 附件2 第13、19条",
            request: request("2024-06-01", json!({ "members": [member(80, "none"), member(78, "none")] })),
            expect: vec![("result.support_approach", json!("protection")), ("result.lead_department", json!("civil_affairs")),
                         ("result.management", json!("civil_affairs"))],
        },
        Case {
            name: "The working-age bound is a rule-set parameter a portal may change",
            source: "rules.md §2 (r2) working age 16 to under 60 (a rule-set parameter)",
            request: {
                let mut r = request("2024-06-01", json!({ "members": [member(45, "full"), member(20, "full"), member(62, "none")] }));
                r["overrides"] = json!({ "working_age_max": "65" });
                r
            },
            expect: vec![("result.support_approach", json!("combined")), ("result.lost_labour_capacity", json!(true))],
        },
    ]
}

fn elimination_cases() -> Vec<Case> {
    vec![
        Case {
            name: "Income exactly at 7800 is not stably above the range",
            source: "rules.md §2 (r2) strictly above the range (7800.00 is not above 7800)",
            request: monitored("7800.00", json!({})),
            expect: vec![("result.risk_elimination.eligible", json!(false)),
                         ("result.risk_elimination.unmet", json!(["income_above_range"]))],
        },
        Case {
            name: "七不消 neither configured nor checked leaves elimination undecided, listed under unknown",
            source: "rules.md §2 (r2) null when 七不消 neither configured nor confirmed; Plan 附件2 第14条",
            request: monitored("9000", json!({ "seven_not_eliminate_checked": false })),
            expect: vec![("result.risk_elimination.eligible", Value::Null),
                         ("result.risk_elimination.unmet", json!([])),
                         ("result.risk_elimination.unknown", json!(["seven_not_eliminate"]))],
        },
        Case {
            name: "A year without a range leaves the income condition unknown",
            source: "rules.md §2 (r2) null when the year's range is not configured",
            request: request("2026-06-01", json!({ "kind": "monitored", "per_capita_net_income": "9000",
                "monitoring": monitoring(json!({})), "members": [member(50, "full")] })),
            expect: vec![("result.risk_elimination.eligible", Value::Null),
                         ("result.risk_elimination.unknown", json!(["income_above_range"]))],
        },
        Case {
            name: "An unmet condition outranks an unknown one: false, never 'may be eliminated'",
            source: "rules.md §2 (r2) Precedence: any unmet → false; else any unknown → null",
            request: monitored("9000", json!({ "seven_not_eliminate_checked": null, "measures_in_place": 0 })),
            expect: vec![("result.risk_elimination.eligible", json!(false)),
                         ("result.risk_elimination.unmet", json!(["measure_in_place"])),
                         ("result.risk_elimination.unknown", json!(["seven_not_eliminate"]))],
        },
        Case {
            name: "The §14 procedure is listed with the result",
            source: "rules.md §2 (r2) The procedure (Plan 附件2 第14条)",
            request: monitored("9000", json!({})),
            expect: vec![("result.risk_elimination.eligible", json!(true)),
                         ("result.risk_elimination.procedure[0].label", json!("入户核实")),
                         ("result.risk_elimination.procedure[1].label", json!("民主评议和公示")),
                         ("result.risk_elimination.procedure[2].label", json!("村级评议")),
                         ("result.risk_elimination.procedure[3].label", json!("县级审核批准和公告"))],
        },
        Case {
            name: "A household monitored more than two years and not eliminated is flagged for a ledger",
            source: "rules.md §2 (r2) Follow-up: over_two_years (Plan 附件2 第15条)",
            request: monitored("9000", json!({ "identified_on": "2022-05-31" })),
            expect: vec![("result.over_two_years", json!(true))],
        },
        Case {
            name: "Exactly two years is not more than two years",
            source: "rules.md §2 (r2) Follow-up: more than two years before date",
            request: monitored("9000", json!({ "identified_on": "2022-06-01" })),
            expect: vec![("result.over_two_years", json!(false))],
        },
        Case {
            name: "A risk-eliminated household is told which time-bound measures continue",
            source: "rules.md §2 (r2) kind risk_eliminated; Plan 附件2 第12、15条",
            request: request("2024-06-01", json!({ "kind": "risk_eliminated", "per_capita_net_income": "9500",
                "monitoring": { "eliminated_on": "2023-12-01" } })),
            expect: vec![("result.in_scope", json!(false)), ("result.risk_elimination", Value::Null),
                         ("result.continuing_measures[0].code", json!("microcredit")),
                         ("result.continuing_measures[3].code", json!("yulu"))],
        },
        Case {
            name: "A risk-eliminated household with a new risk is to be marked again",
            source: "rules.md §2 (r2) a new risk means 再标注 with a new 一户一策 within 10 days (Plan 附件2 第12条)",
            request: request("2024-06-01", json!({ "kind": "risk_eliminated", "per_capita_net_income": "9500", "risks": ["illness"] })),
            expect: vec![("result.in_scope", json!(true)),
                         ("result.in_scope_reason", json!("已消除风险的户出现新的风险：按规定再标注为监测对象，10 天内制定新的“一户一策”")),
                         ("explanation[2].value", json!("再标注"))],
        },
    ]
}

fn rigid_and_pointers() -> Vec<Case> {
    vec![
        Case {
            name: "Rigid expenditure per capita divides by household_size, not by the members listed, and rounds once",
            source: "rules.md §1 per_capita_after_rigid; api.md r2 household.household_size",
            // 8000 − 1000 ÷ 3 = 7666.666… → 7666.67 < 7800 (÷ 2 listed members would give 7500.00).
            request: request("2024-06-01", json!({ "per_capita_net_income": "8000", "rigid_expenditure": "1000", "household_size": 3 })),
            expect: vec![("result.monitoring_type", json!("sudden_hardship")),
                         ("result.criteria[2].why", json!("扣除刚性支出后人均 7666.67 元，低于监测范围"))],
        },
        Case {
            name: "A member with a disability is pointed to 残疾人两项补贴",
            source: "rules.md §2 (r2) Benefit pointers: a member with a disability",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "members": [member(45, "full"),
                { "age": 40, "labour": "partial", "disability": "mild" }] })),
            expect: vec![("result.benefits[0].code", json!("disability_allowance")), ("result.benefits[0].eligible", json!(true))],
        },
        Case {
            name: "A protection household is pointed to 低保, 特困供养, 临时救助 and the §13 measures, 由民政部门审核",
            source: "rules.md §2 (r2) Benefit pointers for protection or combined",
            request: request("2024-06-01", json!({ "per_capita_net_income": "9000", "members": [member(80, "none")] })),
            expect: vec![("result.benefits[3].code", json!("dibao")), ("result.benefits[4].code", json!("tekun")),
                         ("result.benefits[5].code", json!("temporary_assistance")),
                         ("result.benefits[6].code", json!("entrusted_farming_land_transfer")),
                         // Issue 13: the label once, without its clause (cited on the step).
                         ("result.benefits[6].label", json!("代种代养、土地流转、公益性岗位")),
                         ("result.benefits[3].reason", json!("可申请，由民政部门审核"))],
        },
        Case {
            name: "(r2) student codes secondary_vocational and undergraduate are read",
            source: "api.md r2 members student codes",
            request: request("2024-06-01", json!({ "kind": "poverty_alleviated", "per_capita_net_income": "9000",
                "members": [member(45, "full"), { "age": 17, "labour": "none", "student": "secondary_vocational" },
                            { "age": 19, "labour": "none", "student": "undergraduate" }] })),
            expect: vec![("result.benefits[0].code", json!("college_grant")), ("result.benefits[1].code", json!("yulu"))],
        },
        Case {
            name: "(r2) a higher-vocational student is read and points to both the college grant and 雨露计划",
            source: "api.md r2 members student codes (higher_vocational); 附件1 第3条 (雨露计划 covers 高职)",
            request: request("2024-06-01", json!({ "kind": "poverty_alleviated", "per_capita_net_income": "9000",
                "members": [member(45, "full"), { "age": 19, "labour": "none", "student": "higher_vocational" }] })),
            expect: vec![("ok", json!(true)), ("result.benefits[0].code", json!("college_grant")), ("result.benefits[0].eligible", json!(true)),
                         ("result.benefits[1].code", json!("yulu")), ("result.benefits[1].eligible", json!(true)),
                         ("result.support_approach", json!("development"))],
        },
        Case {
            name: "(r2) a 低保 class outside 1–4 is refused",
            source: "api.md r2 household.dibao_class (1 | 2 | 3); Gansu also has 四类 (facts.md E5)",
            request: request("2024-06-01", json!({ "on_dibao": true, "dibao_class": 5 })),
            expect: vec![("ok", json!(false)), ("errors[0].field", json!("input.household.dibao_class"))],
        },
    ]
}

#[test]
fn eligibility_follows_revision_2() {
    run([
        scope_and_answers(),
        approach_cases(),
        elimination_cases(),
        rigid_and_pointers(),
    ]
    .into_iter()
    .flatten()
    .collect());
}
