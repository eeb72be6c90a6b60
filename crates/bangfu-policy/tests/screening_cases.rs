//! The quarterly data check (`screening`, Plan 附件2 第17条) as sentence-named table cases:
//! every flag raised where it should be and not where it should not, each with its source.

mod common;

use common::{run, Case};
use serde_json::{json, Map, Value};

/// A clean 2024 record: 3 people, net 30,000, per-capita 10,000, an ordinary household.
fn clean() -> Map<String, Value> {
    let v = json!({
        "household_id": "6206210001", "head_name": "张三", "township": "薛百镇", "village": "宋和村",
        "household_size": "3", "wage": "20000", "operating": "10000", "property": "0",
        "transfer": "3000", "operating_expenses": "3000", "per_capita_net_income": "10000",
        "previous_per_capita_net_income": "9000", "household_kind": "一般户"
    });
    v.as_object().cloned().unwrap_or_default()
}

/// The clean record with some cells changed (`null` removes a cell).
fn record(changes: Value) -> Value {
    let mut r = clean();
    if let Value::Object(c) = changes {
        for (k, v) in c {
            if v.is_null() {
                r.remove(&k);
            } else {
                r.insert(k, v);
            }
        }
    }
    json!({ "calculator": "screening",
            "input": { "year": 2024, "date": "2024-10-01", "record": Value::Object(r) } })
}

/// Expects exactly these flags, in order (the count is checked in `screening_cases`).
fn flags(codes: &[&str]) -> Vec<(&'static str, Value)> {
    const PATHS: [&str; 6] = [
        "result.flags[0].code",
        "result.flags[1].code",
        "result.flags[2].code",
        "result.flags[3].code",
        "result.flags[4].code",
        "result.flags[5].code",
    ];
    codes
        .iter()
        .zip(PATHS)
        .map(|(code, path)| (path, json!(code)))
        .collect()
}

fn cases() -> Vec<Case> {
    let mut cases = vec![
        Case {
            name: "A consistent ordinary household above the range is clean",
            source: "附件2 第3条、第16条、第17条",
            request: record(json!({})),
            expect: vec![
                ("result.clean", json!(true)),
                ("result.decidable", json!(true)),
                ("result.recomputed_per_capita", json!("10000.00")),
                ("result.flags", json!([])),
            ],
        },
        Case {
            name: "A stated per-capita figure more than 1 yuan off the recomputed one is flagged",
            source: "附件2 第16条 (net ÷ size, rounded to the cent); tolerance screening_per_capita_tolerance",
            request: record(json!({ "per_capita_net_income": "10001.01" })),
            expect: [
                flags(&["per_capita_mismatch"]),
                vec![
                    ("result.flags[0].fields[0]", json!("per_capita_net_income")),
                    ("result.flags[0].clause", json!("《民勤县2024年防止返贫动态监测和帮扶工作要点》（民农领发〔2024〕9号 附件2）第16条")),
                ],
            ]
            .concat(),
        },
        Case {
            name: "A difference of exactly 1 yuan is within the tolerance",
            source: "issue 17 (differs by more than 1 yuan)",
            request: record(json!({ "per_capita_net_income": "10001" })),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "The recomputation rounds a third to the cent before comparing",
            source: "rules.md Conventions (四舍五入 to the cent)",
            // 21200 / 3 = 7066.666… → 7066.67; the ledger's 7066.67 is consistent.
            request: record(json!({ "wage": "21200", "operating": "0", "transfer": "0",
                "operating_expenses": "0", "per_capita_net_income": "7066.67",
                "previous_per_capita_net_income": null, "household_kind": "监测户",
                "monitoring_category": "边缘易致贫户", "identified_on": "2024-03-01" })),
            expect: vec![("result.clean", json!(true)), ("result.recomputed_per_capita", json!("7066.67"))],
        },
        Case {
            name: "A household size different from the members listed is flagged",
            source: "附件2 第17条 (数据逻辑错误)",
            request: record(json!({ "members_listed": "张三、李四" })),
            expect: [
                flags(&["household_size_mismatch"]),
                vec![("result.flags[0].message", json!("家庭人口填 3 人，家庭成员列出 2 人，两者不一致"))],
            ]
            .concat(),
        },
        Case {
            name: "Members matching the household size raise nothing",
            source: "附件2 第17条",
            request: record(json!({ "members_listed": "3" })),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "An ordinary household below the 2024 range and not monitored is flagged",
            source: "附件2 第3条 (7800 元); rules.md §2",
            request: record(json!({ "wage": "15000", "operating": "0", "transfer": "3000",
                "operating_expenses": "0", "per_capita_net_income": "6000",
                "previous_per_capita_net_income": null })),
            expect: flags(&["below_range_not_monitored"]),
        },
        Case {
            name: "A 脱贫户 below the range and not monitored is flagged too",
            source: "附件2 第3条; 国家三类监测对象（脱贫不稳定户）",
            request: record(json!({ "wage": "15000", "operating": "0", "transfer": "3000",
                "operating_expenses": "0", "per_capita_net_income": "6000",
                "previous_per_capita_net_income": null, "household_kind": "脱贫户" })),
            expect: flags(&["below_range_not_monitored"]),
        },
        Case {
            name: "Exactly 7800.00 is not below the range",
            source: "rules.md §1 (\"Below\" means strictly less)",
            request: record(json!({ "wage": "23400", "operating": "0", "transfer": "0",
                "operating_expenses": "0", "per_capita_net_income": "7800",
                "previous_per_capita_net_income": null })),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "A monitored household below the range is not flagged as unmonitored",
            source: "附件2 第3条",
            request: record(json!({ "wage": "15000", "operating": "0", "transfer": "3000",
                "operating_expenses": "0", "per_capita_net_income": "6000",
                "previous_per_capita_net_income": null, "monitoring_category": "边缘易致贫户",
                "identified_on": "2024-03-01" })),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "A household marked eliminated with income not above the range is flagged",
            source: "附件2 第14条; rules.md §2 (r2: strictly above the range)",
            request: record(json!({ "wage": "23400", "operating": "0", "transfer": "0",
                "operating_expenses": "0", "per_capita_net_income": "7800",
                "previous_per_capita_net_income": null, "monitoring_category": "脱贫不稳定户",
                "identified_on": "2023-01-10", "eliminated_on": "2024-06-30" })),
            expect: flags(&["eliminated_below_range"]),
        },
        Case {
            name: "A status column saying 已消除 counts as eliminated",
            source: "附件2 第14条",
            request: record(json!({ "wage": "23400", "operating": "0", "transfer": "0",
                "operating_expenses": "0", "per_capita_net_income": "7800",
                "previous_per_capita_net_income": null, "monitoring_category": "脱贫不稳定户",
                "identified_on": "2023-01-10", "elimination_status": "风险已消除" })),
            expect: flags(&["eliminated_below_range"]),
        },
        Case {
            name: "A monitoring object identified more than two years before the check and not eliminated is flagged",
            source: "附件2 第15条 (识别超过两年未消除风险)",
            request: record(json!({ "monitoring_category": "边缘易致贫户", "identified_on": "2022-09-30" })),
            expect: [
                flags(&["monitored_over_two_years"]),
                vec![("result.flags[0].clause", json!("《民勤县2024年防止返贫动态监测和帮扶工作要点》（民农领发〔2024〕9号 附件2）第15条"))],
            ]
            .concat(),
        },
        Case {
            name: "Exactly two years is not more than two years",
            source: "附件2 第15条 (超过两年)",
            request: record(json!({ "monitoring_category": "边缘易致贫户", "identified_on": "2022-10-01" })),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "Risk eliminated less than six months after identification is flagged",
            source: "国家风险消除标准（收入持续稳定原则上不得低于半年）; 附件2 第14条",
            request: record(json!({ "monitoring_category": "边缘易致贫户", "identified_on": "2024-03-01",
                "eliminated_on": "2024-08-31" })),
            expect: flags(&["eliminated_too_soon"]),
        },
        Case {
            name: "Risk eliminated before identification is flagged as too soon with the order named",
            source: "附件2 第17条 (数据逻辑错误)",
            request: record(json!({ "monitoring_category": "边缘易致贫户", "identified_on": "2024-03-01",
                "eliminated_on": "2024-01-01" })),
            expect: [
                flags(&["eliminated_too_soon"]),
                vec![("result.flags[0].message", json!("风险消除时间 2024-01-01 早于识别时间 2024-03-01，时间先后有误"))],
            ]
            .concat(),
        },
        Case {
            name: "Six months to the day is allowed",
            source: "国家风险消除标准（不得低于半年）",
            request: record(json!({ "monitoring_category": "边缘易致贫户", "identified_on": "2024-03-01",
                "eliminated_on": "2024-09-01" })),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "A per-capita income lower than last year's is flagged as declined",
            source: "附件2 第2条 (收入不增反降)",
            request: record(json!({ "previous_per_capita_net_income": "10500" })),
            expect: flags(&["income_declined"]),
        },
        Case {
            name: "Expenses above income give a negative net income flag, not a low one",
            source: "rules.md §1 data-quality warnings (net income ≤ 0)",
            request: record(json!({ "wage": "0", "operating": "1000", "transfer": "0",
                "operating_expenses": "4000", "per_capita_net_income": "-1000",
                "previous_per_capita_net_income": null, "household_kind": "监测户",
                "monitoring_category": "突发严重困难户", "identified_on": "2024-05-01" })),
            expect: flags(&["negative_net_income"]),
        },
        Case {
            name: "A per-capita income under 500 is unusually low",
            source: "rules.md §1 (per_capita_warning_low = 500)",
            request: record(json!({ "wage": "900", "operating": "0", "transfer": "0",
                "operating_expenses": "0", "per_capita_net_income": "300",
                "previous_per_capita_net_income": null, "monitoring_category": "边缘易致贫户",
                "identified_on": "2024-05-01" })),
            expect: flags(&["per_capita_unusually_low"]),
        },
        Case {
            name: "A per-capita income over 30,000 is unusually high",
            source: "rules.md §1 (per_capita_warning_high = 30000)",
            request: record(json!({ "wage": "95000", "operating": "0", "transfer": "0",
                "operating_expenses": "0", "per_capita_net_income": "31666.67",
                "previous_per_capita_net_income": null })),
            expect: flags(&["per_capita_unusually_high"]),
        },
        Case {
            name: "A missing household size is flagged as a missing field",
            source: "附件2 第17条 (信息不完整)",
            request: record(json!({ "household_size": null })),
            expect: [
                flags(&["missing_field"]),
                vec![("result.flags[0].fields[0]", json!("household_size"))],
            ]
            .concat(),
        },
        Case {
            name: "A monitoring object without an identification date is flagged as missing it",
            source: "附件2 第17条 (信息不完整)",
            request: record(json!({ "monitoring_category": "边缘易致贫户" })),
            expect: [
                flags(&["missing_field"]),
                vec![("result.flags[0].fields[0]", json!("identified_on"))],
            ]
            .concat(),
        },
        Case {
            name: "A record with neither a per-capita figure nor income components is flagged",
            source: "附件2 第17条",
            request: record(json!({ "wage": null, "operating": null, "property": null, "transfer": null,
                "operating_expenses": null, "per_capita_net_income": null,
                "previous_per_capita_net_income": null })),
            expect: [
                flags(&["missing_field"]),
                vec![("result.flags[0].fields[0]", json!("per_capita_net_income"))],
            ]
            .concat(),
        },
        Case {
            name: "A cell that is not a number is flagged with its text, not taken as missing",
            source: "issue 17 (unparseable_value with the cell)",
            request: record(json!({ "household_size": "不详" })),
            expect: [
                flags(&["unparseable_value"]),
                vec![("result.flags[0].message", json!("家庭人口“不详”无法识别，请核对填写"))],
            ]
            .concat(),
        },
        Case {
            name: "Full-width digits, separators and 万 are read as the amounts they are",
            source: "text.rs (the engine's amount reader)",
            request: record(json!({ "wage": "２万", "operating": "10,000", "per_capita_net_income": "１万" })),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "Dates as Excel serial numbers are read",
            source: "issue 17 (dates as Excel serial numbers)",
            // 44805 = 2022-09-01: more than two years before 2024-10-01.
            request: record(json!({ "monitoring_category": "边缘易致贫户", "identified_on": 44805 })),
            expect: flags(&["monitored_over_two_years"]),
        },
        Case {
            name: "A year with no configured range is flagged as undecidable, never clean",
            source: "rules.md §1 (r2: not configured, never a guess); issue 17",
            request: json!({ "calculator": "screening", "input": { "year": 2026, "date": "2026-10-01",
                "record": Value::Object(clean()) } }),
            expect: [
                flags(&["range_not_configured"]),
                vec![
                    ("result.clean", json!(false)),
                    ("result.decidable", json!(false)),
                    ("warnings[0].code", json!("monitoring_range_not_configured")),
                ],
            ]
            .concat(),
        },
        Case {
            name: "A portal override of the 2026 range makes the year decidable",
            source: "params.rs overrides (本地配置)",
            request: json!({ "calculator": "screening", "overrides": { "monitoring_range.2026": "8600" },
                "input": { "year": 2026, "date": "2026-10-01", "record": Value::Object(clean()) } }),
            expect: vec![("result.clean", json!(true))],
        },
        Case {
            name: "A portal can tighten the per-capita tolerance",
            source: "rule-set parameter screening_per_capita_tolerance",
            request: json!({ "calculator": "screening", "overrides": { "screening_per_capita_tolerance": "0.5" },
                "input": { "year": 2024, "date": "2024-10-01",
                "record": record(json!({ "per_capita_net_income": "10000.99" }))["input"]["record"].clone() } }),
            expect: flags(&["per_capita_mismatch"]),
        },
        Case {
            name: "A record key that is not a field is refused with its path",
            source: "api.md errors",
            request: json!({ "calculator": "screening", "input": { "year": 2024, "date": "2024-10-01",
                "record": { "wages": "1" } } }),
            expect: vec![
                ("ok", json!(false)),
                ("errors[0].field", json!("input.record.wages")),
                ("errors[0].code", json!("unknown_parameter")),
            ],
        },
        Case {
            name: "The check date is required (the engine reads no clock)",
            source: "ARCHITECTURE.md invariant 1",
            request: json!({ "calculator": "screening", "input": { "year": 2024, "record": {} } }),
            expect: vec![("ok", json!(false)), ("errors[0].field", json!("input.date"))],
        },
    ];
    cases.shrink_to_fit();
    cases
}

#[test]
fn screening_cases() {
    // No flag beyond the ones a case names.
    let mut extra = Vec::new();
    for case in cases() {
        let named = case
            .expect
            .iter()
            .filter(|(p, _)| p.starts_with("result.flags[") && p.ends_with("].code"))
            .count();
        let clean = case
            .expect
            .iter()
            .any(|(p, v)| *p == "result.clean" && *v == json!(true));
        if named == 0 && !clean {
            continue;
        }
        let response = bangfu_policy::evaluate(&case.request).to_value();
        let got = response["result"]["flags"].as_array().map_or(0, Vec::len);
        if got != named {
            extra.push(format!(
                "{} [{}]: {got} flags, expected {named}\n  {}",
                case.name, case.source, response["result"]["flags"]
            ));
        }
    }
    assert!(extra.is_empty(), "{}", extra.join("\n"));
    run(cases());
}

#[test]
fn every_flag_has_a_case() {
    let all: String = cases()
        .iter()
        .map(|c| c.request.to_string() + &format!("{:?}", c.expect))
        .collect();
    for flag in bangfu_policy::calc::screening::Flag::ALL {
        assert!(all.contains(flag.code()), "no case names {}", flag.code());
    }
}
