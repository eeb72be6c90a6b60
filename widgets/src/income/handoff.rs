//! Hand-off to the eligibility checker: the figures it needs travel in the URL fragment
//! (`#bangfu-income=<JSON>`), which browsers never send to a server. Format documented in
//! docs/embedding.md; the eligibility widget (issue 4) reads it.

use serde_json::{json, Value};

use super::state::IncomeForm;

pub const FRAGMENT_KEY: &str = "bangfu-income";

/// The JSON carried to the eligibility checker for an `ok` income result.
pub fn payload(form: &IncomeForm, result: &Value) -> Value {
    let members: Vec<Value> = if form.by_members {
        form.members
            .iter()
            .map(|m| json!({ "age": m.age.trim(), "labour": m.labour }))
            .collect()
    } else {
        Vec::new()
    };
    json!({
        "year": result.get("year").cloned().unwrap_or(Value::Null),
        "household_size": result.get("household_size").cloned().unwrap_or(Value::Null),
        "per_capita_net_income": result.get("per_capita_net_income").cloned().unwrap_or(Value::Null),
        "per_capita_after_rigid": result.get("per_capita_after_rigid").cloned().unwrap_or(Value::Null),
        "income_declined": result.get("income_declined").cloned().unwrap_or(Value::Null),
        "members": members,
    })
}

/// `base#bangfu-income=…` with the payload percent-encoded by `encode`.
pub fn href(base: &str, payload: &Value, encode: impl Fn(&str) -> String) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{FRAGMENT_KEY}={}", encode(&payload.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_carries_the_figures_in_the_fragment_only() {
        let form = IncomeForm::new(2024, String::new());
        let result =
            json!({ "year": 2024, "household_size": 3, "per_capita_net_income": "7066.67" });
        let link = href("eligibility.html#old", &payload(&form, &result), |s| {
            s.replace('"', "%22")
        });
        assert!(link.starts_with("eligibility.html#bangfu-income="));
        assert!(link.contains("7066.67"));
        assert!(
            !link.contains('?'),
            "nothing in the query string, which servers see"
        );
    }
}
