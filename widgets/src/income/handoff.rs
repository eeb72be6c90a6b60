//! Hand-off to the eligibility checker: every fact the income form knows travels in the URL
//! fragment (`#bangfu-income=<JSON>`), which browsers never send to a server — the figures,
//! the household size, the members (never their names), the rigid expenditure, and whether a
//! 低保 or 特困 payment was entered as income. Format documented in docs/embedding.md; the
//! eligibility widget reads it and opens on its check-answers view.

use serde_json::{json, Value};

use bangfu_policy::text::parse_money;

use super::state::{as_sent, IncomeForm};

pub const FRAGMENT_KEY: &str = "bangfu-income";

/// Whether an income line names a 低保 / 特困 payment (the catalogue's 低保金, 特困供养金, or
/// the cadre's own wording of them) with an amount above zero.
fn receives(result: &Value, word: &str) -> bool {
    result
        .get("items")
        .and_then(Value::as_array)
        .is_some_and(|items| {
            items.iter().any(|it| {
                let name = it.get("item").and_then(Value::as_str).unwrap_or("");
                let amount = it.get("amount").and_then(Value::as_str).unwrap_or("0");
                name.contains(word)
                    && amount
                        .trim_start_matches(['0', '.'])
                        .chars()
                        .any(|c| c.is_ascii_digit())
            })
        })
}

/// The JSON carried to the eligibility checker for an `ok` income result. `from` says which
/// form sent it (`cadre` or `public`).
pub fn payload(form: &IncomeForm, result: &Value, from: &str) -> Value {
    let members: Vec<Value> = if form.by_members {
        form.counted_members()
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
        "rigid_expenditure": parse_money(&as_sent(&form.rigid_expenditure, form.in_wan))
            .map_or(Value::Null, |d| Value::String(d.to_string())),
        "on_dibao": receives(result, "低保"),
        "on_tekun": receives(result, "特困"),
        "members": members,
        "from": from,
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
        let link = href(
            "eligibility.html#old",
            &payload(&form, &result, "cadre"),
            |s| s.replace('"', "%22"),
        );
        assert!(link.starts_with("eligibility.html#bangfu-income="));
        assert!(link.contains("7066.67"));
        assert!(
            !link.contains('?'),
            "nothing in the query string, which servers see"
        );
    }

    #[test]
    fn a_dibao_payment_entered_as_income_is_carried_as_on_dibao() {
        let form = IncomeForm::new(2024, String::new());
        let result = json!({ "year": 2024, "household_size": 4, "per_capita_net_income": "12290.00",
            "items": [ { "item": "低保金", "amount": "3360.00" }, { "item": "特困供养金", "amount": "0.00" } ] });
        let p = payload(&form, &result, "cadre");
        assert_eq!(p["on_dibao"], true);
        assert_eq!(p["on_tekun"], false, "a zero amount is not a payment");
        assert_eq!(p["from"], "cadre");
        assert_eq!(p["household_size"], 4);
    }
}
