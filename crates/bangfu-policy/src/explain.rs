//! Explanations: every result carries the steps that produced it, each with the clause it
//! comes from and the parameter values it used; warnings point at the field that caused them.

use serde::{Deserialize, Serialize};

use crate::params::Confidence;

/// A parameter value used by a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamUse {
    /// Parameter name with its period, e.g. `monitoring_range.2024`.
    pub name: String,
    /// Chinese label.
    pub label: String,
    /// The value, or `未配置` when the rule set has none for the period.
    pub value: String,
    pub confidence: Option<Confidence>,
    /// Where the value comes from (document and item), or `本地配置` for an override.
    pub source: String,
}

/// One step of a calculation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub label: String,
    pub value: String,
    pub formula: String,
    pub source: String,
    pub parameters: Vec<ParamUse>,
}

impl Step {
    pub fn new(
        label: impl Into<String>,
        value: impl Into<String>,
        formula: impl Into<String>,
        source: impl Into<String>,
    ) -> Self {
        Step {
            label: label.into(),
            value: value.into(),
            formula: formula.into(),
            source: source.into(),
            parameters: Vec::new(),
        }
    }

    pub fn with_param(mut self, param: ParamUse) -> Self {
        self.parameters.push(param);
        self
    }
}

/// A data-quality remark (疑点) that never blocks the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    /// The request field the remark is about, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>, field: Option<String>) -> Self {
        Warning {
            code: code.to_string(),
            message: message.into(),
            field,
        }
    }
}
