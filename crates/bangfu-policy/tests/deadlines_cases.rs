//! Deadlines, rules.md §3, as sentence-named table cases with their sources, plus properties:
//! a due date never precedes its trigger.

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};

fn one_click(input: Value) -> Value {
    let mut i = json!({ "procedure": "one_click_report" });
    if let (Some(o), Some(e)) = (i.as_object_mut(), input.as_object()) {
        for (k, v) in e {
            o.insert(k.clone(), v.clone());
        }
    }
    json!({ "calculator": "deadlines", "input": i })
}

/// (name, source, request, expectations)
type Case = (
    &'static str,
    &'static str,
    Value,
    Vec<(&'static str, Value)>,
);

fn cases() -> Vec<Case> {
    vec![
        (
            "An application on 26 April 2024 is checked by 1 May (a holiday: no extension by default)",
            "附件2 第4条; rules.md §3 (strict reading, 坚决防止逾期)",
            one_click(json!({ "applied_on": "2024-04-26", "today": "2024-04-29" })),
            vec![("result.check_due", json!("2024-05-01")), ("result.feedback_due", json!("2024-05-10")),
                 ("result.overall_due", json!("2024-05-11")), ("result.stages.feedback.binding", json!("stage"))],
        ),
        (
            "With the Civil Code art. 203 setting a calendar deadline on a holiday moves to the next working day",
            "rules.md §3 (extend_calendar_deadlines_past_holidays); 《民法典》第二百零三条",
            one_click(json!({ "applied_on": "2024-04-26", "today": "2024-04-29", "extend_calendar_deadlines_past_holidays": true })),
            vec![("result.check_due", json!("2024-05-06"))],
        ),
        (
            "The Gansu 2023 profile counts 5 and 15 working days, the make-up Sunday included",
            "facts.md G (5 个工作日核查、15 个工作日办结); 国办发明电〔2023〕7号",
            one_click(json!({ "applied_on": "2024-04-26", "today": "2024-04-26", "profile": "gansu-2023" })),
            vec![("result.check_due", json!("2024-05-07")), ("result.profile", json!("gansu-2023"))],
        ),
        (
            "When the 15-day cap comes first it binds the stage",
            "附件2 第4条 (不超过 15 天); rules.md §3 (earlier of its own and overall_due)",
            one_click(json!({ "applied_on": "2024-09-26", "today": "2024-09-26" })),
            vec![("result.check_due", json!("2024-10-01")), ("result.overall_due", json!("2024-10-11")),
                 ("result.feedback_due", json!("2024-10-11")), ("result.stages.feedback.binding", json!("overall"))],
        ),
        (
            "An actual check date starts the 5 working days, skipping 端午",
            "rules.md §3 (From the check completion date C, actual if given); 国办发明电〔2023〕7号",
            one_click(json!({ "applied_on": "2024-06-03", "checked_on": "2024-06-04", "today": "2024-06-05" })),
            vec![("result.feedback_due", json!("2024-06-12")), ("result.stages.check.status", json!("done"))],
        ),
        (
            "A stage past its due date is overdue, one with two working days left is due soon",
            "rules.md §3 (Status against an input today)",
            one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-13" })),
            vec![("result.stages.check.status", json!("overdue")), ("result.stages.feedback.status", json!("due_soon")),
                 ("result.stages.feedback.working_days_left", json!(2))],
        ),
        (
            "The 一户一策 plan is due 10 days after identification",
            "附件2 第4条、第12条",
            one_click(json!({ "applied_on": "2024-06-03", "checked_on": "2024-06-05", "identified_on": "2024-06-14", "today": "2024-06-14" })),
            // r2: identified on 14 June, a day after the approval's due 13 June: done_late.
            vec![("result.plan_due", json!("2024-06-24")), ("result.stages.approval.status", json!("done_late")),
                 ("result.stages.approval.days_late", json!(1)), ("result.stages.plan.status", json!("on_track"))],
        ),
        (
            "An identification before the application is refused",
            "rules.md §3",
            one_click(json!({ "applied_on": "2024-06-03", "identified_on": "2024-06-01", "today": "2024-06-14" })),
            vec![("ok", json!(false)), ("errors[0].field", json!("input.identified_on"))],
        ),
        (
            "(r2) Near a year without a schedule the calendar-day dues are given and only the working-day dues are 未发布",
            "rules.md §3 (r2) (YEAR 年节假日安排未发布; calendar-day dues are still given)",
            one_click(json!({ "applied_on": "2026-12-28", "today": "2026-12-28" })),
            vec![("ok", json!(true)), ("result.check_due", json!("2027-01-02")), ("result.overall_due", json!("2027-01-12")),
                 ("result.feedback_due", Value::Null), ("result.stages.feedback.status", json!("not_published")),
                 ("warnings[0].code", json!("calendar_not_published"))],
        ),
        (
            "An estimate across the year end is marked estimated",
            "rules.md §3 (every result is marked estimated)",
            one_click(json!({ "applied_on": "2026-12-28", "today": "2026-12-28", "allow_estimate": true })),
            vec![("ok", json!(true)), ("result.estimated", json!(true)), ("warnings[0].code", json!("estimated_calendar"))],
        ),
        (
            "In the Gansu profile a stage capped by the overall limit names it in working days",
            "facts.md G (15 个工作日办结); issue 12 defect found by the split (it said 天)",
            one_click(json!({ "applied_on": "2024-06-03", "checked_on": "2024-06-20", "today": "2024-06-20", "profile": "gansu-2023" })),
            vec![("result.stages.feedback.binding", json!("overall")),
                 ("explanation[1].formula", json!("核查完成日 2024-06-20 后第 5 个工作日（受全程 15 个工作日上限约束）"))],
        ),
        (
            "A working-day request whose allow_estimate is not true/false is refused, not read as no",
            "api.md working_days (allow_estimate: boolean); issue 12 defect found by the split",
            json!({ "calculator": "working_days",
                    "input": { "op": "is_working_day", "date": "2024-10-01", "allow_estimate": "yes" } }),
            vec![("ok", json!(false)), ("errors[0].field", json!("input.allow_estimate")),
                 ("errors[0].code", json!("wrong_type")),
                 ("errors[0].message", json!("是否允许估算应为是或否（true/false）"))],
        ),
        (
            "A timeline whose profile is not text is refused, not read as 民勤县",
            "api.md deadlines (profile: minqin-2024 or gansu-2023)",
            one_click(json!({ "applied_on": "2024-06-03", "today": "2024-06-03", "profile": 2023 })),
            vec![("ok", json!(false)), ("errors[0].field", json!("input.profile")),
                 ("errors[0].code", json!("wrong_type")), ("errors[0].message", json!("时限口径应为文字代码"))],
        ),
        (
            "February's 30th-day report falls on its last day; a Sunday 25th suggests the Friday before",
            "附件2 第16条; rules.md §3 (suggests the previous working day)",
            json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2024, "month": 2 } }),
            vec![("result.duties[1].date", json!("2024-02-25")), ("result.duties[1].working_day", json!(false)),
                 ("result.duties[1].suggested_date", json!("2024-02-23")), ("result.duties[3].date", json!("2024-02-29")),
                 ("result.village_stay_required_days", json!(220)),
                 ("result.days[3].kind", json!("makeup")), ("result.days[3].name", json!("春节")),
                 ("result.days[9].kind", json!("holiday")), ("result.days[28].date", json!("2024-02-29"))],
        ),
        (
            "The year's duties include the March plan review and the fund milestones",
            "附件2 第12条; 主文 第22条",
            json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2025 } }),
            vec![("result.calendar_document", json!("国办发明电〔2024〕12号"))],
        ),
    ]
}

#[test]
fn deadlines_follow_rules_section_3() {
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
fn a_year_of_duties_holds_every_monthly_quarterly_and_yearly_item() {
    let r = bangfu_policy::evaluate(
        &json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2024 } }),
    );
    let duties = r.result.unwrap()["duties"].as_array().unwrap().clone();
    let count = |rec: &str| duties.iter().filter(|d| d["recurrence"] == rec).count();
    assert_eq!(count("monthly"), 12 * 5);
    assert_eq!(count("quarterly"), 4 * 4);
    assert_eq!(count("yearly"), 6);
    let dates: Vec<&str> = duties.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by date");
    assert!(duties
        .iter()
        .any(|d| d["date"] == "2024-03-31" && d["task"].as_str().unwrap().contains("一户一策")));
}

proptest! {
    #[test]
    fn no_due_date_precedes_its_trigger(day in 0i64..1000, gansu in any::<bool>(), extend in any::<bool>()) {
        let applied = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(day);
        let r = bangfu_policy::evaluate(&one_click(json!({
            "applied_on": applied.to_string(), "today": applied.to_string(),
            "identified_on": applied.to_string(),
            "profile": if gansu { "gansu-2023" } else { "minqin-2024" },
            "extend_calendar_deadlines_past_holidays": extend })));
        if r.ok {
            let res = r.result.unwrap();
            for key in ["check_due", "feedback_due", "approval_due", "overall_due", "plan_due"] {
                let due: chrono::NaiveDate = res[key].as_str().unwrap().parse().unwrap();
                prop_assert!(due > applied, "{key} {due} not after {applied}");
            }
            let overall: chrono::NaiveDate = res["overall_due"].as_str().unwrap().parse().unwrap();
            for key in ["check_due", "feedback_due", "approval_due"] {
                let due: chrono::NaiveDate = res[key].as_str().unwrap().parse().unwrap();
                prop_assert!(due <= overall, "{key} after the overall cap");
            }
        } else {
            prop_assert_eq!(&r.errors[0].code, &bangfu_policy::ErrorCode::CalendarNotPublished);
        }
    }
}
