//! Subsidy estimates, rules.md §4 revision 2 and the issue-13 corrections: `eligible` is
//! `true | false | null`, the total counts only what the household would receive because of
//! the policies, and the medical bands are read either way.

mod common;

use common::{run, Case};
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

fn tilt(basis: Option<&str>) -> Value {
    let mut d = json!({ "eligible_cost": "80000", "deductible": "5000",
        "segments": [ { "up_to": "50000", "ratio": "0.60" }, { "up_to": null, "ratio": "0.70" } ] });
    if let Some(b) = basis {
        d["bands_measured_on"] = json!(b);
    }
    request("monitored", json!({}), "medical_tilt", d)
}

fn r2_rules() -> Vec<Case> {
    vec![
        Case {
            name: "A monitored household is covered by medical assistance; the ratio is 未配置 until set locally",
            source: "rules.md §4 (r2) Medical assistance for 返贫致贫人口 (国办发〔2021〕42号)",
            request: request("monitored", json!({}), "medical_assistance", json!({ "self_paid": "10000" })),
            expect: vec![("result.estimates[0].eligible", json!(true)), ("result.estimates[0].amount", Value::Null),
                         ("result.not_configured", json!(["medical_assistance"]))],
        },
        Case {
            name: "With the portal's ratio a monitored household's assistance is computed",
            source: "rules.md §4 (r2) ratio set locally",
            request: {
                let mut r = request("monitored", json!({}), "medical_assistance", json!({ "self_paid": "10000" }));
                r["overrides"] = json!({ "medical_assistance_monitored_ratio": "0.5" });
                r
            },
            expect: vec![("result.estimates[0].amount", json!("5000.00")),
                         ("result.estimates[0].parameters[0].confidence", json!("local"))],
        },
        Case {
            name: "A 低保边缘 household is covered by medical assistance too",
            source: "rules.md §4 (r2) 低保边缘 households (国办发〔2021〕42号)",
            request: request("ordinary", json!({ "on_dibao_marginal": true }), "medical_assistance", json!({})),
            expect: vec![("result.estimates[0].eligible", json!(true))],
        },
        Case {
            name: "An ordinary household is never told 'not eligible' for medical assistance",
            source: "rules.md §4 (r2) never \"not eligible\"",
            request: request("ordinary", json!({ "hospitalized_member": true }), "medical_assistance", json!({})),
            expect: vec![("result.estimates[0].eligible", Value::Null)],
        },
        Case {
            name: "An orphan's family counts as a difficult family for the college grant",
            source: "rules.md §4 (r2) College grant: 孤儿/事实无人抚养儿童",
            request: request("ordinary", json!({ "orphan": true }), "college_grant", json!({ "admission": "undergraduate" })),
            expect: vec![("result.estimates[0].eligible", json!(true)), ("result.estimates[0].amount", json!("10000.00"))],
        },
        Case {
            name: "A family with a disabled member counts as a difficult family for the college grant",
            source: "rules.md §4 (r2) College grant: 残疾人家庭",
            request: request("ordinary", json!({ "members": [ { "age": 45, "labour": "partial", "disability": "mild" } ] }),
                "college_grant", json!({ "admission": "junior_college" })),
            expect: vec![("result.estimates[0].eligible", json!(true)), ("result.estimates[0].amount", json!("8000.00"))],
        },
        Case {
            name: "A loan dated after 2025-12-31 is 未配置 until a portal configures the successor policy",
            source: "rules.md §4 (r2) 小额信贷 notice ran to 2025-12-31 (a dated parameter)",
            request: request("poverty_alleviated", json!({}), "microcredit",
                json!({ "principal": "30000", "years": 3, "loan_date": "2026-03-01", "subsidy_ratio": "1.0" })),
            expect: vec![("result.estimates[0].eligible", Value::Null), ("result.estimates[0].amount", Value::Null)],
        },
        Case {
            name: "A portal raising the ceiling for its year decides a larger loan",
            source: "rules.md §4 (r2) \"no computed subsidy unless the portal raises the ceiling\"",
            request: {
                let mut r = request("poverty_alleviated", json!({}), "microcredit",
                    json!({ "principal": "80000", "years": 3, "loan_date": "2024-11-01", "subsidy_ratio": "1.0" }));
                r["overrides"] = json!({ "microcredit_max_principal.2024": "100000" });
                r
            },
            expect: vec![("result.estimates[0].eligible", json!(true)), ("result.estimates[0].interest", json!("8640.00"))],
        },
        Case {
            name: "A 低保 household whose class is not given is asked for it, not refused a public-welfare post",
            source: "rules.md §4 (r2) 公益性岗位 without a 低保 class",
            request: request("ordinary", json!({ "on_dibao": true }), "public_welfare_job", json!({})),
            expect: vec![("result.estimates[0].eligible", Value::Null),
                         ("result.estimates[0].reasons[0]", json!("请填写低保类别（一、二类低保对象可申请）"))],
        },
        Case {
            name: "A 二类低保 household given as household.dibao_class may apply for a post",
            source: "rules.md §4 (r2); facts.md E4 (一、二类低保对象)",
            request: request("ordinary", json!({ "on_dibao": true, "dibao_class": 2 }), "public_welfare_job", json!({})),
            expect: vec![("result.estimates[0].eligible", json!(true))],
        },
        Case {
            name: "A public-welfare post in 2026 is 未配置 (the policy ran to 2025-12-31)",
            source: "rules.md §4 乡村公益性岗位 (policy period to 2025-12-31; later years not configured)",
            request: {
                let mut r = request("poverty_alleviated", json!({}), "public_welfare_job", json!({}));
                r["input"]["year"] = json!(2026);
                r
            },
            expect: vec![("result.estimates[0].eligible", Value::Null), ("result.estimates[0].amount", Value::Null)],
        },
        Case {
            name: "无障碍改造 needs a member with a disability and a difficult family, and is 可咨询",
            source: "rules.md §4 (r2) county projects; 无障碍改造",
            request: request("poverty_alleviated", json!({ "members": [ { "age": 45, "labour": "partial", "disability": "severe" } ] }),
                "accessibility", json!({})),
            expect: vec![("result.estimates[0].eligible", Value::Null),
                         ("result.estimates[0].reasons[0]", json!("当地项目，具体条件和金额问村委会"))],
        },
        Case {
            name: "无障碍改造 for a disabled member in a family that is not difficult is a no",
            source: "rules.md §4 (r2) 无障碍改造 needs a difficult family",
            request: request("ordinary", json!({ "members": [ { "age": 45, "labour": "partial", "disability": "severe" } ] }),
                "accessibility", json!({})),
            expect: vec![("result.estimates[0].eligible", json!(false))],
        },
    ]
}

fn issue13_cases() -> Vec<Case> {
    vec![
        Case {
            name: "Bands measured above the deductible (API default) give 47,500 and 53,125",
            source: "api.md r1 medical_tilt worked example; tests/cases/medical-tilt.json",
            request: tilt(None),
            expect: vec![("result.estimates[0].standard_payout", json!("47500.00")), ("result.estimates[0].amount", json!("53125.00")),
                         ("result.estimates[0].bands_measured_on", json!("above_deductible"))],
        },
        Case {
            name: "Bands measured on the total cost give 48,000 and 53,375, with the working per band",
            source: "issue 13 (起付线以上至 50000 means total cost up to 50,000); Plan 主文 第3条",
            request: tilt(Some("total_cost")),
            expect: vec![("result.estimates[0].standard_payout", json!("48000.00")), ("result.estimates[0].amount", json!("53375.00")),
                         ("result.estimates[0].standard_bands[0].from", json!("5000.00")),
                         ("result.estimates[0].standard_bands[0].to", json!("50000.00")),
                         ("result.estimates[0].standard_bands[0].payout", json!("27000.00")),
                         ("result.estimates[0].tilted_bands[1].amount", json!("30000.00")),
                         ("result.estimates[0].tilted_bands[1].ratio", json!("0.75"))],
        },
        Case {
            name: "The total counts the tilt's gain, not the whole payout",
            source: "issue 13 (total counts only what the household would receive because of these policies)",
            request: tilt(None),
            expect: vec![("result.total", json!("5625.00")), ("result.total_includes", json!(["medical_tilt"])),
                         ("result.estimates[0].counted", json!("5625.00"))],
        },
        Case {
            name: "A public-welfare post's pay counts in the total only when a member holds the post",
            source: "issue 13 (no public-welfare-job income unless a member holds the post)",
            request: request("poverty_alleviated", json!({}), "public_welfare_job", json!({ "months": 12 })),
            expect: vec![("result.estimates[0].amount", json!("6000.00")), ("result.total", json!("0.00")),
                         ("result.total_includes", json!([]))],
        },
        Case {
            name: "With a member on the post the pay counts",
            source: "issue 13; api.md household.holds_public_welfare_job (new)",
            request: request("poverty_alleviated", json!({ "holds_public_welfare_job": true }), "public_welfare_job", json!({ "months": 12 })),
            expect: vec![("result.total", json!("6000.00")), ("result.total_includes", json!(["public_welfare_job"]))],
        },
        Case {
            name: "No amount on an estimate that is not eligible",
            source: "issue 13 (No amount on an estimate whose eligible is false)",
            request: request("ordinary", json!({}), "transport", json!({ "destination": "other_province", "months_worked": 6 })),
            expect: vec![("result.estimates[0].eligible", json!(false)), ("result.estimates[0].amount", Value::Null)],
        },
        Case {
            name: "No student entered: the college grant is null saying what is missing, not 可以申请",
            source: "issue 13 (eligible: true only once the facts that make it true were entered)",
            request: request("poverty_alleviated", json!({}), "college_grant", json!({})),
            expect: vec![("result.estimates[0].eligible", Value::Null), ("result.estimates[0].answer", json!("not_indicated")),
                         ("result.estimates[0].reasons[0]", json!("未填写考入或就读本科、专科（或在读高中）的学生"))],
        },
        Case {
            name: "Months worked not entered: the transport grant is null, asking for them",
            source: "issue 13; 甘人社通〔2024〕155号 (满3个月)",
            request: request("poverty_alleviated", json!({}), "transport", json!({ "destination": "other_province" })),
            expect: vec![("result.estimates[0].eligible", Value::Null), ("result.estimates[0].amount", Value::Null)],
        },
    ]
}

#[test]
fn subsidy_estimates_follow_revision_2() {
    run([r2_rules(), issue13_cases()]
        .into_iter()
        .flatten()
        .collect());
}
