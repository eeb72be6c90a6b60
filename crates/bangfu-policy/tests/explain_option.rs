//! api.md `"explain": false`: the response is the full one with an empty explanation, for
//! every worked case of `tests/cases/` and every calculator; a non-boolean is refused.

mod common;

use common::repo_tests_dir;
use serde_json::{json, Value};

fn worked_requests() -> Vec<(String, Value)> {
    let dir = repo_tests_dir().join("cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let case: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            (
                case["name"].as_str().unwrap_or("?").to_string(),
                case["request"].clone(),
            )
        })
        .collect()
}

#[test]
fn without_explanations_a_response_is_the_full_one_minus_its_steps() {
    // Source: docs/api.md Envelope, `explain` (issue 15 item 4).
    let mut requests = worked_requests();
    requests.push((
        "duty calendar".into(),
        json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2024, "month": 2 } }),
    ));
    requests.push((
        "working day check".into(),
        json!({ "calculator": "working_days", "input": { "op": "is_working_day", "date": "2024-10-01" } }),
    ));
    let mut with_steps = 0;
    for (name, request) in requests {
        let full = bangfu_policy::evaluate(&request).to_value();
        let mut lean_request = request.clone();
        lean_request["explain"] = json!(false);
        let lean = bangfu_policy::evaluate(&lean_request).to_value();
        let mut expected = full.clone();
        if full["ok"] == json!(true) {
            with_steps += usize::from(!full["explanation"].as_array().unwrap().is_empty());
            expected["explanation"] = json!([]);
        }
        assert_eq!(lean, expected, "{name}");
        // `"explain": true` is the default spelled out.
        let mut explicit = request.clone();
        explicit["explain"] = json!(true);
        assert_eq!(
            bangfu_policy::evaluate(&explicit).to_value(),
            full,
            "{name}"
        );
    }
    assert!(
        with_steps >= 6,
        "only {with_steps} cases had steps to leave out"
    );
}

#[test]
fn explain_must_be_true_or_false() {
    for bad in [json!("false"), json!(0), json!([])] {
        let r = bangfu_policy::evaluate(&json!({ "calculator": "working_days", "explain": bad,
            "input": { "op": "is_working_day", "date": "2024-10-01" } }))
        .to_value();
        assert_eq!(r["ok"], json!(false));
        assert_eq!(r["errors"][0]["field"], json!("explain"));
        assert_eq!(r["errors"][0]["code"], json!("wrong_type"));
    }
}
