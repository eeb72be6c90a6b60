//! Request errors: a stable code, the path of the field at fault, and a Chinese message
//! that can be shown next to that field.

use serde::{Deserialize, Serialize};

/// Why a request (or one field of it) was refused. Codes are part of the API contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request text is not JSON.
    InvalidJson,
    /// A value that must be an object (or the request itself) is something else.
    NotAnObject,
    /// A required field is missing or empty.
    Required,
    /// A field has the wrong JSON type (a list where text was expected, …).
    WrongType,
    /// Text that should be an amount or a number is not one.
    NotANumber,
    /// A negative amount where only zero or more is allowed.
    NegativeAmount,
    /// An amount with more than two decimals (finer than a 分).
    TooManyDecimals,
    /// A number beyond what the field can hold sensibly.
    TooLarge,
    /// A count that must be whole (household size, days).
    NotAWholeNumber,
    /// A count that must be 1 or more.
    MustBePositive,
    /// A whole number below the field's lowest allowed value (a year before 2000).
    BelowMinimum,
    /// An income category outside the four counted ones and `excluded`.
    UnknownCategory,
    /// A value outside the list of allowed codes.
    UnknownValue,
    /// `calculator` names no calculator.
    UnknownCalculator,
    /// The calculator exists in the API but is not built yet.
    CalculatorNotAvailable,
    /// `rule_set` names no rule set.
    UnknownRuleSet,
    /// An override names a parameter the rule set does not have.
    UnknownParameter,
    /// An override's key or value is malformed.
    InvalidOverride,
    /// Text that should be a date is not a real date.
    InvalidDate,
    /// The official holiday schedule for that year is not published (or not known here).
    CalendarNotPublished,
    /// An end date before the start date.
    RangeReversed,
    /// Text longer than the field allows.
    TooLong,
    /// More list entries than the field allows.
    TooMany,
    /// Something inside the engine went wrong; never caused by the request.
    Internal,
}

/// One refused field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Path in the request, e.g. `input.items[2].amount`; empty for the whole request.
    pub field: String,
    pub code: ErrorCode,
    /// Plain Chinese, meant for the person who typed the value.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: ErrorCode, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}
