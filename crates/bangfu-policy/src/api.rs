//! The JSON interface (api.md v1): one request/response format for the CLI, the JS
//! `evaluate` and the widgets, so a figure is the same wherever it is asked for.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calc;
use crate::error::{ErrorCode, FieldError};
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

    fn one_error(field: &str, code: ErrorCode, message: &str) -> Response {
        Response::failure(vec![FieldError::new(field, code, message)])
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
            r#"{"ok":false,"errors":[{"field":"","code":"internal","message":"结果无法输出（程序错误）"}]}"#.to_string()
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
        return Response::one_error("", ErrorCode::TooLarge, "请求内容过大（超过 1 MB）");
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => evaluate(&v),
        Err(_) => Response::one_error("", ErrorCode::InvalidJson, "请求不是有效的 JSON"),
    }
}

/// Evaluates a request (api.md envelope). Never panics.
pub fn evaluate(request: &Value) -> Response {
    let Value::Object(envelope) = request else {
        return Response::one_error("", ErrorCode::NotAnObject, "请求应为 JSON 对象");
    };
    let calculator = match envelope.get("calculator") {
        Some(Value::String(s)) => s.trim(),
        None | Some(Value::Null) => {
            return Response::one_error(
                "calculator",
                ErrorCode::Required,
                "请指明计算器：income、eligibility、deadlines、subsidy 或 working_days",
            )
        }
        Some(_) => {
            return Response::one_error("calculator", ErrorCode::WrongType, "calculator 应为文字")
        }
    };
    if !CALCULATORS.contains(&calculator) {
        return Response::one_error(
            "calculator",
            ErrorCode::UnknownCalculator,
            "没有这个计算器；可用：income、eligibility、deadlines、subsidy、working_days",
        );
    }
    let rules = match RuleSet::from_request(envelope.get("rule_set"), envelope.get("overrides")) {
        Ok(r) => r,
        Err(errors) => return Response::failure(errors),
    };
    let input = match envelope.get("input") {
        Some(v) if !v.is_null() => v,
        _ => {
            return Response::one_error(
                "input",
                ErrorCode::Required,
                "请求缺少 input（计算所需的数据）",
            );
        }
    };
    // api.md "explain": false leaves the explanation out (batch screening); default true.
    let explain = match envelope.get("explain") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Response::one_error(
                "explain",
                ErrorCode::WrongType,
                "explain 应为 true 或 false",
            )
        }
    };
    let outcome: Result<Outcome, Errors> = match calculator {
        "income" => calc::income::evaluate(input, &rules),
        "working_days" => calc::working_days::evaluate(input),
        "eligibility" => calc::eligibility::evaluate(input, &rules),
        "deadlines" => calc::deadlines::evaluate(input, &rules),
        "subsidy" => calc::subsidy::evaluate(input, &rules),
        "screening" => calc::screening::evaluate(input, &rules),
        _ => {
            return Response::one_error(
                "calculator",
                ErrorCode::CalculatorNotAvailable,
                "该计算器尚未开放（正在建设中）",
            )
        }
    };
    match outcome {
        Ok(o) => Response {
            ok: true,
            rule_set: Some(rules.id().to_string()),
            result: Some(o.result),
            explanation: if explain { o.explanation } else { Vec::new() },
            warnings: o.warnings,
            errors: Vec::new(),
        },
        Err(e) => Response::failure(e.0),
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
