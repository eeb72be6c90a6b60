//! Income (rules.md §1) and deadlines (rules.md §3) revision 2, and the refusal catalogue:
//! sentence-named cases, each with its clause.

mod common;

use common::{run, Case};
use serde_json::{json, Value};

fn income(items: Value, extra: Value) -> Value {
    let mut input =
        json!({ "year": 2024, "household_size": 2, "items": items, "operating_expenses": "0" });
    if let (Some(o), Some(e)) = (input.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            o.insert(k.clone(), v.clone());
        }
    }
    json!({ "calculator": "income", "input": input })
}

fn warning_codes(r: &Value) -> Vec<String> {
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_string())
        .collect()
}

fn income_cases() -> Vec<Case> {
    vec![
        Case {
            name: "\"36.000\" is refused: three digits after the point are more than two decimals",
            source: "rules.md §1 (r2) \"36.000\" is refused too; api.md r2 too_many_decimals",
            request: income(
                json!([{ "category": "wage", "item": "县外务工", "amount": "36.000" }]),
                json!({}),
            ),
            expect: vec![
                ("ok", json!(false)),
                ("errors[0].code", json!("too_many_decimals")),
                ("errors[0].field", json!("input.items[0].amount")),
            ],
        },
        Case {
            name: "\"36.00\" is still accepted",
            source: "api.md money input (up to two decimals)",
            request: income(
                json!([{ "category": "wage", "item": "县外务工", "amount": "36.00" }]),
                json!({}),
            ),
            expect: vec![("ok", json!(true)), ("result.gross_income", json!("36.00"))],
        },
        Case {
            name: "A year without a range keeps the accounting and nulls only what needs the range",
            source:
                "rules.md §1 (r2) For a year without a range the income result is still computed",
            request: income(
                json!([{ "category": "wage", "item": "县外务工", "amount": "16000" }]),
                json!({ "year": 2026 }),
            ),
            expect: vec![
                ("result.per_capita_net_income", json!("8000.00")),
                ("result.monitoring_range", Value::Null),
                ("result.below_monitoring_range", Value::Null),
                ("result.gap_to_range", Value::Null),
                (
                    "result.reference_range.label",
                    json!("参考：2024 年为 7800 元，以当地公布为准"),
                ),
            ],
        },
    ]
}

#[test]
fn income_revision_2_cases() {
    run(income_cases());
}

#[test]
fn a_medical_reimbursement_in_a_counted_category_is_flagged_not_excluded() {
    // rules.md §1 (r2) 报销, 医保, 医疗救助, 大病保险 → "医疗报销款一般不计入家庭收入，请核实".
    let r = bangfu_policy::evaluate(&income(
        json!([{ "category": "transfer", "item": "医保报销款", "amount": "5000" }]),
        json!({}),
    ))
    .to_value();
    assert!(
        warning_codes(&r).contains(&"medical_reimbursement_in_income".to_string()),
        "{r}"
    );
    assert_eq!(
        r["result"]["by_category"]["transfer"], "5000.00",
        "a warning, not an exclusion"
    );
}

#[test]
fn an_outsized_household_and_an_outsized_item_are_flagged() {
    // rules.md §1 (r2) more than 10 household members; a single item above 1,000,000.
    let r = bangfu_policy::evaluate(&income(
        json!([{ "category": "operating", "item": "养殖", "amount": "1500000" }]),
        json!({ "household_size": 11, "operating_expenses": "100" }),
    ))
    .to_value();
    let codes = warning_codes(&r);
    assert!(
        codes.contains(&"household_unusually_large".to_string()),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"item_unusually_large".to_string()),
        "{codes:?}"
    );
    let ten =
        bangfu_policy::evaluate(&income(json!([]), json!({ "household_size": 10 }))).to_value();
    assert!(
        !warning_codes(&ten).contains(&"household_unusually_large".to_string()),
        "10 is not more than 10"
    );
}

fn one_click(input: Value) -> Value {
    let mut i = json!({ "procedure": "one_click_report" });
    if let (Some(o), Some(e)) = (i.as_object_mut(), input.as_object()) {
        for (k, v) in e {
            o.insert(k.clone(), v.clone());
        }
    }
    json!({ "calculator": "deadlines", "input": i })
}

fn deadline_cases() -> Vec<Case> {
    vec![
        Case {
            name: "A check finished two days after its due is done_late by 2 days",
            source: "rules.md §3 (r2) A stage finished after its due date is done_late, with the days late",
            request: one_click(json!({ "applied_on": "2024-06-03", "checked_on": "2024-06-10", "today": "2024-06-10" })),
            expect: vec![("result.stages.check.status", json!("done_late")), ("result.stages.check.days_late", json!(2)),
                         ("result.stages.check.completed_on", json!("2024-06-10"))],
        },
        Case {
            name: "A check finished on its due date is done",
            source: "rules.md §3 (r2) done_late only after the due date",
            request: one_click(json!({ "applied_on": "2024-06-03", "checked_on": "2024-06-08", "today": "2024-06-10" })),
            expect: vec![("result.stages.check.status", json!("done"))],
        },
        Case {
            name: "The plan's 5-day check is rule-set data a portal may change",
            source: "rules.md §3 (r2) the plan's numbers are rule-set parameters with their clause (附件2 第4条)",
            request: {
                let mut r = one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-03" }));
                r["overrides"] = json!({ "one_click_check_days": "3" });
                r
            },
            expect: vec![("result.check_due", json!("2024-06-06"))],
        },
        Case {
            name: "Without overrides the plan's 5 + 5 working days, 15 days and 10-day plan give the Dragon Boat week's dues",
            source: "rules.md §3 (r2) the plan's numbers are rule-set parameters with their clause (附件2 第4条、第12条; 要点 第22条)",
            request: {
                let mut r = one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-03", "checked_on": "2024-06-05", "identified_on": "2024-06-07" }));
                r["overrides"] = json!({});
                r
            },
            expect: vec![("result.feedback_due", json!("2024-06-13")), ("result.approval_due", json!("2024-06-13")), ("result.overall_due", json!("2024-06-18")), ("result.plan_due", json!("2024-06-17"))],
        },
        Case {
            name: "The 5 working days for feedback are rule-set data a portal may change",
            source: "rules.md §3 (r2) the plan's numbers are rule-set parameters with their clause (附件2 第4条、第12条; 要点 第22条)",
            request: {
                let mut r = one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-03", "checked_on": "2024-06-05", "identified_on": "2024-06-07" }));
                r["overrides"] = json!({ "one_click_feedback_working_days": "3" });
                r
            },
            expect: vec![("result.feedback_due", json!("2024-06-11")), ("result.approval_due", json!("2024-06-13"))],
        },
        Case {
            name: "The 5 working days for approval are rule-set data a portal may change",
            source: "rules.md §3 (r2) the plan's numbers are rule-set parameters with their clause (附件2 第4条、第12条; 要点 第22条)",
            request: {
                let mut r = one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-03", "checked_on": "2024-06-05", "identified_on": "2024-06-07" }));
                r["overrides"] = json!({ "one_click_approval_working_days": "3" });
                r
            },
            expect: vec![("result.approval_due", json!("2024-06-11")), ("result.feedback_due", json!("2024-06-13"))],
        },
        Case {
            name: "The 15-day overall limit is rule-set data a portal may change",
            source: "rules.md §3 (r2) the plan's numbers are rule-set parameters with their clause (附件2 第4条、第12条; 要点 第22条)",
            request: {
                let mut r = one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-03", "checked_on": "2024-06-05", "identified_on": "2024-06-07" }));
                r["overrides"] = json!({ "one_click_overall_days": "10" });
                r
            },
            expect: vec![("result.overall_due", json!("2024-06-13"))],
        },
        Case {
            name: "The 10 days for the 一户一策 plan are rule-set data a portal may change",
            source: "rules.md §3 (r2) the plan's numbers are rule-set parameters with their clause (附件2 第4条、第12条; 要点 第22条)",
            request: {
                let mut r = one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-03", "checked_on": "2024-06-05", "identified_on": "2024-06-07" }));
                r["overrides"] = json!({ "household_plan_days": "7" });
                r
            },
            expect: vec![("result.plan_due", json!("2024-06-14"))],
        },
        Case {
            name: "The fund milestone of April is rule-set data a portal may change",
            source: "rules.md §3 (r2) fund milestones as parameters; 要点 第22条 (4月底 30%)",
            request: json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2024, "month": 4 },
                             "overrides": { "fund_milestone_april": "40" } }),
            expect: vec![("result.duties[5].date", json!("2024-04-30")), ("result.duties[5].task", json!("衔接补助资金支出进度不低于 40%"))],
        },
        Case {
            name: "The 一户一策 plan finished late is done_late",
            source: "rules.md §3 (r2); 附件2 第4条、第12条 (10 天内)",
            request: one_click(json!({ "applied_on": "2024-06-03", "checked_on": "2024-06-05", "identified_on": "2024-06-07",
                "plan_done_on": "2024-06-20", "today": "2024-06-20" })),
            expect: vec![("result.stages.plan.status", json!("done_late")), ("result.stages.plan.days_late", json!(3))],
        },
        Case {
            name: "A due date inside the May Day holiday warns, lists the working days left and suggests the last one before",
            source: "issue 13 (due date inside a holiday); rules.md §3 (no extension by default); 国办发明电〔2023〕7号",
            request: one_click(json!({ "applied_on": "2024-04-26", "today": "2024-04-26" })),
            expect: vec![("result.check_due", json!("2024-05-01")), ("result.stages.check.suggested_date", json!("2024-04-30")),
                         ("warnings[0].code", json!("due_in_holiday")),
                         ("warnings[0].message", json!("入户核查的截止日 2024-05-01 在劳动节假期内，不顺延：此前还有 3 个工作日（4月28日、4月29日、4月30日），最晚请在 2024-04-30（截止日前最后一个工作日）完成"))],
        },
        Case {
            name: "A 下旬 window start on a Saturday moves forward to the Monday, never back",
            source: "issue 13 (a window START moves FORWARD); 附件2 第16条 (下旬)",
            // 2024-12-21 is a Saturday.
            request: json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2024, "month": 12 } }),
            expect: vec![("result.duties[0].date", json!("2024-12-21")), ("result.duties[0].kind", json!("window_start")),
                         ("result.duties[0].suggested_date", json!("2024-12-23"))],
        },
        Case {
            name: "A fixed due date on a Sunday still suggests the previous working day",
            source: "rules.md §3 (suggests the previous working day; it does not move the official date)",
            // 2024-08-25 is a Sunday.
            request: json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2024, "month": 8 } }),
            expect: vec![("result.duties[1].date", json!("2024-08-25")), ("result.duties[1].kind", json!("due")),
                         ("result.duties[1].suggested_date", json!("2024-08-23"))],
        },
        Case {
            name: "The 220-day village stay comes from the rule set",
            source: "rules.md §3 (r2) 220 days as rule-set data (附件1 第5条)",
            request: json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2024 } }),
            expect: vec![("result.village_stay_required_days", json!(220))],
        },
    ]
}

#[test]
fn deadlines_revision_2_cases() {
    run(deadline_cases());
}

#[test]
fn each_refusal_has_one_code_and_one_message() {
    // Issue 12: {"year":1999} answered must_be_positive with "必须是大于 0 的整数（不能小于 2000）".
    let r = bangfu_policy::evaluate(&json!({ "calculator": "income", "input": { "year": 1999, "household_size": 1, "items": [] } })).to_value();
    assert_eq!(r["errors"][0]["code"], "below_minimum");
    assert_eq!(r["errors"][0]["message"], "年度不能小于 2000，请核对");
    let r = bangfu_policy::evaluate(&json!({ "calculator": "income", "input": { "year": 2024, "household_size": 0, "items": [] } })).to_value();
    assert_eq!(r["errors"][0]["code"], "must_be_positive");
    assert_eq!(r["errors"][0]["message"], "家庭人口必须是大于 0 的整数");
}
