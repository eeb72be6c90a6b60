//! The JSON interface (api.md v1): one request/response format for the CLI, the JS
//! `evaluate` and the widgets, so a figure is the same wherever it is asked for.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calc;
use crate::error::{Expected, FieldError, Refusal};
use crate::explain::{Step, Warning};
use crate::input::Errors;
use crate::params::RuleSet;
use crate::Outcome;

/// Requests larger than this are refused before parsing (a county batch line is ~1 KB).
pub const MAX_REQUEST_BYTES: usize = 1 << 20;

/// A response: `ok` with result, explanation and warnings, or not `ok` with errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation: Vec<Step>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Response {
    fn failure(errors: Vec<FieldError>) -> Response {
        Response {
            ok: false,
            rule_set: None,
            result: None,
            explanation: Vec::new(),
            warnings: Vec::new(),
            errors,
        }
    }

    fn refused(field: &str, why: Refusal<'_>) -> Response {
        Response::failure(vec![FieldError::refused(field, &why)])
    }

    /// The response as a JSON value (the document of [`Response::to_json`], parsed).
    pub fn to_value(&self) -> Value {
        serde_json::from_str(&self.to_json()).unwrap_or(Value::Null)
    }

    /// One line of JSON: on success `ok`, `rule_set`, `result`, `explanation` and `warnings`
    /// (always present, possibly empty); on failure `ok` and `errors`. Written straight from the
    /// response (no intermediate tree: the batch path spends most of its time here).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Success<'a> {
            ok: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            rule_set: Option<&'a str>,
            result: &'a Value,
            explanation: &'a [Step],
            warnings: &'a [Warning],
        }
        #[derive(Serialize)]
        struct Failure<'a> {
            ok: bool,
            errors: &'a [FieldError],
        }
        let null = Value::Null;
        let text = if self.ok {
            serde_json::to_string(&Success {
                ok: true,
                rule_set: self.rule_set.as_deref(),
                result: self.result.as_ref().unwrap_or(&null),
                explanation: &self.explanation,
                warnings: &self.warnings,
            })
        } else {
            serde_json::to_string(&Failure {
                ok: false,
                errors: &self.errors,
            })
        };
        text.unwrap_or_else(|_| {
            let why = Refusal::OutputFailed;
            let code = why.code().as_str();
            format!(r#"{{"ok":false,"errors":[{{"field":"","code":"{code}","message":"{why}"}}]}}"#)
        })
    }

    /// The error recorded against `field`, if any (widgets show it next to that field).
    pub fn error_for(&self, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }
}

/// The calculators of api.md, including those not yet built.
const CALCULATORS: [&str; 6] = [
    "income",
    "eligibility",
    "deadlines",
    "subsidy",
    "working_days",
    "screening",
];

/// Evaluates a request given as JSON text. Never panics; bad text is an `invalid_json` error.
pub fn evaluate_str(text: &str) -> Response {
    if text.len() > MAX_REQUEST_BYTES {
        return Response::refused("", Refusal::RequestTooLarge);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => evaluate(&v),
        Err(_) => Response::refused("", Refusal::InvalidJson),
    }
}

/// Evaluates a request (api.md envelope). Never panics.
pub fn evaluate(request: &Value) -> Response {
    let Value::Object(envelope) = request else {
        return Response::refused("", Refusal::RequestNotAnObject);
    };
    let calculator = match envelope.get("calculator") {
        Some(Value::String(s)) => s.trim(),
        None | Some(Value::Null) => {
            return Response::refused("calculator", Refusal::CalculatorMissing)
        }
        Some(_) => return Response::refused("calculator", Refusal::CalculatorNotText),
    };
    if !CALCULATORS.contains(&calculator) {
        return Response::refused("calculator", Refusal::UnknownCalculator);
    }
    let rules = match RuleSet::from_request(envelope.get("rule_set"), envelope.get("overrides")) {
        Ok(r) => r,
        Err(errors) => return Response::failure(errors),
    };
    let input = match envelope.get("input") {
        Some(v) if !v.is_null() => v,
        _ => {
            return Response::refused("input", Refusal::InputMissing);
        }
    };
    // api.md "explain": false leaves the explanation out (batch screening); default true.
    let explain = match envelope.get("explain") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            let expected = Expected::YesNo;
            return Response::refused(
                "explain",
                Refusal::WrongType {
                    label: "explain",
                    expected,
                },
            );
        }
    };
    let mut response = match calculator {
        "income" => respond(&rules, calc::income::evaluate_with(input, &rules, explain)),
        "working_days" => respond(&rules, calc::working_days::evaluate(input)),
        "eligibility" => respond(&rules, calc::eligibility::evaluate(input, &rules)),
        "deadlines" => respond(&rules, calc::deadlines::evaluate(input, &rules)),
        "subsidy" => respond(&rules, calc::subsidy::evaluate(input, &rules)),
        "screening" => respond(&rules, calc::screening::evaluate(input, &rules)),
        _ => Response::refused("calculator", Refusal::CalculatorNotAvailable),
    };
    if !explain {
        response.explanation.clear();
    }
    response
}

/// A calculator's typed outcome as the api.md envelope: the one place a result becomes JSON.
fn respond<R: Serialize>(rules: &RuleSet, outcome: Result<Outcome<R>, Errors>) -> Response {
    let o = match outcome {
        Ok(o) => o,
        Err(e) => return Response::failure(e.0),
    };
    let Ok(result) = serde_json::to_value(&o.result) else {
        return Response::refused("", Refusal::OutputFailed);
    };
    Response {
        ok: true,
        rule_set: Some(rules.id().to_string()),
        result: Some(result),
        explanation: o.explanation,
        warnings: o.warnings,
        errors: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successes_always_carry_explanation_and_warnings_and_failures_only_errors() {
        let keys = |text: &str| -> Vec<String> {
            let v: Value = serde_json::from_str(&evaluate_str(text).to_json()).unwrap();
            v.as_object().unwrap().keys().cloned().collect()
        };
        let ok = keys(
            r#"{"calculator":"working_days","input":{"op":"is_working_day","date":"2024-10-01"}}"#,
        );
        assert_eq!(ok, ["explanation", "ok", "result", "rule_set", "warnings"]);
        let failed = keys(r#"{"calculator":"income","input":{"year":2024,"household_size":0}}"#);
        assert_eq!(failed, ["errors", "ok"]);
    }
}
