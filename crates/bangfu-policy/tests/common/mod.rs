//! Helpers shared by the integration tests.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;

/// The repository's `tests/` folder: worked cases (`cases/`) and vendored oracles (`fixtures/`).
pub fn repo_tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests")
}

/// Follows a path like `result.estimates[0].programme` or `errors[0].field`.
pub fn at_path<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = root;
    for part in path.split('.') {
        let (name, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            cur = cur.get(name)?;
        }
        for idx in indexes.split('[').filter(|s| !s.is_empty()) {
            let n: usize = idx.trim_end_matches(']').parse().ok()?;
            cur = cur.get(n)?;
        }
    }
    Some(cur)
}

/// A sentence-named case: the request, and expected values at response paths.
pub struct Case {
    pub name: &'static str,
    pub source: &'static str,
    pub request: Value,
    pub expect: Vec<(&'static str, Value)>,
}

/// Evaluates every case and fails with all mismatches at once, each with its source.
pub fn run(cases: Vec<Case>) {
    let mut failures = Vec::new();
    for case in cases {
        let response = bangfu_policy::evaluate(&case.request).to_value();
        for (path, expected) in &case.expect {
            let got = at_path(&response, path);
            if got != Some(expected) {
                failures.push(format!(
                    "{} [{}]\n  {path}: expected {expected}, got {got:?}\n  {response}",
                    case.name, case.source
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
