//! Golden cases: every worked case in the repository's `tests/cases/` (one file a case: `name`,
//! `source`, `origin`, `request`, and `expect`, a map from a response path to the expected value).

mod common;

use common::{at_path, repo_tests_dir};
use serde_json::Value;

/// Calculators whose issues have not landed yet: their examples must answer
/// `calculator_not_available`. Remove a name here when its calculator is built.
const PENDING: [&str; 0] = [];

#[test]
fn every_worked_case_gives_the_expected_figures() {
    let dir = repo_tests_dir().join("cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 7,
        "expected the worked cases in {}",
        dir.display()
    );

    let mut checked = 0;
    let mut failures = Vec::new();
    for file in &files {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let name = case["name"].as_str().unwrap_or("?");
        let source = case["source"].as_str().unwrap_or("");
        assert!(!source.is_empty(), "{name}: every case names its source");
        let calculator = case["request"]["calculator"].as_str().unwrap_or("");
        let response = bangfu_policy::evaluate(&case["request"]).to_value();
        if PENDING.contains(&calculator) {
            assert_eq!(
                at_path(&response, "errors[0].code"),
                Some(&Value::from("calculator_not_available")),
                "{calculator} answers now: remove it from PENDING so {name:?} is checked"
            );
            continue;
        }
        for (path, expected) in case["expect"].as_object().unwrap() {
            let got = at_path(&response, path);
            if got != Some(expected) {
                failures.push(format!(
                    "{name} [{source}]\n  {path}: expected {expected}, got {got:?}\n  response: {response}"
                ));
            }
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 4, "only {checked} examples were checked");
}
