//! Reading request fields with their paths, collecting every refusal instead of stopping at
//! the first, so a form can show a message next to each bad field at once.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Map;
/// The request as parsed: calculators reach it only through this module (only `api` writes JSON).
pub use serde_json::Value;

use crate::error::{ErrorCode, FieldError};
use crate::text::{
    parse_date, parse_money, parse_signed_money, parse_whole, DateError, NumberError,
};

/// Refusals gathered while reading a request.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn push(&mut self, field: &str, code: ErrorCode, message: impl Into<String>) {
        self.0.push(FieldError::new(field, code, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A JSON object being read, with its path in the request.
#[derive(Debug, Clone)]
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

/// Shows the start of a long text in a message.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(20).collect();
    if s.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// Text of a JSON scalar as typed, or `None` for lists and objects.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl<'a> Obj<'a> {
    /// Reads `value` as an object at `path`, or records why not.
    pub fn new(value: &'a Value, path: &str, label: &str, errors: &mut Errors) -> Option<Obj<'a>> {
        match value {
            Value::Object(map) => Some(Obj {
                map,
                path: path.to_string(),
            }),
            _ => {
                errors.push(
                    path,
                    ErrorCode::NotAnObject,
                    format!("“{label}”的格式不对，应为一组字段"),
                );
                None
            }
        }
    }

    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The value of `key`; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// True when `key` is absent, null or blank text.
    pub fn is_blank(&self, key: &str) -> bool {
        match self.get(key) {
            None => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            Some(_) => false,
        }
    }

    /// An amount of money in yuan (rules.md §1 errors: not a number, negative, > 2 decimals).
    pub fn money(
        &self,
        key: &str,
        label: &str,
        required: bool,
        errors: &mut Errors,
    ) -> Option<Decimal> {
        self.amount(key, label, required, errors, parse_money)
    }

    /// An amount that may be negative (e.g. a per-capita net income).
    pub fn signed_money(
        &self,
        key: &str,
        label: &str,
        required: bool,
        errors: &mut Errors,
    ) -> Option<Decimal> {
        self.amount(key, label, required, errors, parse_signed_money)
    }

    fn amount(
        &self,
        key: &str,
        label: &str,
        required: bool,
        errors: &mut Errors,
        parse: fn(&str) -> Result<Decimal, NumberError>,
    ) -> Option<Decimal> {
        let field = self.path_of(key);
        if self.is_blank(key) {
            if required {
                errors.push(&field, ErrorCode::Required, format!("请填写{label}"));
            }
            return None;
        }
        let Some(text) = self.get(key).and_then(scalar_text) else {
            errors.push(
                &field,
                ErrorCode::WrongType,
                format!("{label}应为金额，例如 3600"),
            );
            return None;
        };
        match parse(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                let (code, msg) = money_message(e, label, &text);
                errors.push(&field, code, msg);
                None
            }
        }
    }

    /// A whole number within `min..=max`.
    pub fn whole(
        &self,
        key: &str,
        label: &str,
        min: u64,
        max: u64,
        required: bool,
        errors: &mut Errors,
    ) -> Option<u64> {
        let field = self.path_of(key);
        if self.is_blank(key) {
            if required {
                errors.push(&field, ErrorCode::Required, format!("请填写{label}"));
            }
            return None;
        }
        let Some(text) = self.get(key).and_then(scalar_text) else {
            errors.push(&field, ErrorCode::WrongType, format!("{label}应为整数"));
            return None;
        };
        let positive = if min >= 1 { "大于 0 的" } else { "" };
        match parse_whole(&text) {
            Ok(n) if n < min && min <= 1 => {
                errors.push(
                    &field,
                    ErrorCode::MustBePositive,
                    format!("{label}必须是大于 0 的整数"),
                );
                None
            }
            Ok(n) if n < min => {
                errors.push(
                    &field,
                    ErrorCode::BelowMinimum,
                    format!("{label}不能小于 {min}，请核对"),
                );
                None
            }
            Ok(n) if n > max => {
                errors.push(
                    &field,
                    ErrorCode::TooLarge,
                    format!("{label}不能超过 {max}，请核对"),
                );
                None
            }
            Ok(n) => Some(n),
            Err(NumberError::Negative) if min > 1 => {
                errors.push(
                    &field,
                    ErrorCode::BelowMinimum,
                    format!("{label}不能小于 {min}，请核对"),
                );
                None
            }
            Err(NumberError::Negative) => {
                errors.push(
                    &field,
                    ErrorCode::MustBePositive,
                    format!("{label}必须是{positive}整数，不能为负数"),
                );
                None
            }
            Err(NumberError::NotWhole) | Err(NumberError::TooManyDecimals) => {
                errors.push(
                    &field,
                    ErrorCode::NotAWholeNumber,
                    format!("{label}必须是{positive}整数，不能有小数"),
                );
                None
            }
            Err(NumberError::TooLarge) => {
                errors.push(
                    &field,
                    ErrorCode::TooLarge,
                    format!("{label}不能超过 {max}，请核对"),
                );
                None
            }
            Err(NumberError::Empty) | Err(NumberError::NotANumber) => {
                errors.push(
                    &field,
                    ErrorCode::NotAWholeNumber,
                    format!(
                        "“{}”不是整数，{label}请填写阿拉伯数字，例如 4",
                        shorten(&text)
                    ),
                );
                None
            }
        }
    }

    /// A year within [`crate::YEARS`].
    pub fn year(&self, key: &str, label: &str, errors: &mut Errors) -> Option<i32> {
        let (lo, hi) = (*crate::YEARS.start() as u64, *crate::YEARS.end() as u64);
        self.whole(key, label, lo, hi, true, errors)
            .map(|y| y as i32)
    }

    /// A date; accepts the forms of [`crate::text::parse_date`].
    pub fn date(
        &self,
        key: &str,
        label: &str,
        required: bool,
        errors: &mut Errors,
    ) -> Option<NaiveDate> {
        let field = self.path_of(key);
        if self.is_blank(key) {
            if required {
                errors.push(&field, ErrorCode::Required, format!("请填写{label}"));
            }
            return None;
        }
        let Some(Value::String(text)) = self.get(key) else {
            errors.push(
                &field,
                ErrorCode::WrongType,
                format!("{label}应为日期，例如 2024-05-01"),
            );
            return None;
        };
        match parse_date(text) {
            Ok(d) => Some(d),
            Err(DateError::NoSuchDay { year, month, day }) => {
                let msg = if (1..=12).contains(&month) {
                    format!("{year}年{month}月没有{day}日，请核对{label}")
                } else {
                    format!("没有{month}月，请核对{label}")
                };
                errors.push(&field, ErrorCode::InvalidDate, msg);
                None
            }
            Err(_) => {
                errors.push(
                    &field,
                    ErrorCode::InvalidDate,
                    format!(
                        "“{}”不是有效日期，{label}请写成 2024-05-01 或 2024年5月1日",
                        shorten(text)
                    ),
                );
                None
            }
        }
    }

    /// Optional text, at most `max_chars` characters.
    pub fn text(
        &self,
        key: &str,
        label: &str,
        max_chars: usize,
        errors: &mut Errors,
    ) -> Option<&'a str> {
        let field = self.path_of(key);
        match self.get(key) {
            None => None,
            Some(Value::String(s)) if s.chars().count() > max_chars => {
                errors.push(
                    &field,
                    ErrorCode::TooLong,
                    format!("{label}太长了，请不超过 {max_chars} 个字"),
                );
                None
            }
            Some(Value::String(s)) => Some(s.trim()),
            Some(_) => {
                errors.push(&field, ErrorCode::WrongType, format!("{label}应为文字"));
                None
            }
        }
    }

    /// Optional true/false (`"是"`/`"否"` are not guessed: only JSON booleans).
    pub fn flag(&self, key: &str, label: &str, errors: &mut Errors) -> Option<bool> {
        match self.get(key) {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                errors.push(
                    &self.path_of(key),
                    ErrorCode::WrongType,
                    format!("{label}应为是或否（true/false）"),
                );
                None
            }
        }
    }

    /// Optional list of at most `max` entries.
    pub fn list(
        &self,
        key: &str,
        label: &str,
        max: usize,
        errors: &mut Errors,
    ) -> Option<&'a Vec<Value>> {
        let field = self.path_of(key);
        match self.get(key) {
            None => None,
            Some(Value::Array(items)) if items.len() > max => {
                errors.push(&field, ErrorCode::TooMany, format!("{label}最多 {max} 项"));
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(_) => {
                errors.push(&field, ErrorCode::WrongType, format!("{label}应为列表"));
                None
            }
        }
    }
}

fn money_message(e: NumberError, label: &str, text: &str) -> (ErrorCode, String) {
    match e {
        NumberError::Negative => (ErrorCode::NegativeAmount, format!("{label}不能为负数")),
        NumberError::TooManyDecimals => (
            ErrorCode::TooManyDecimals,
            format!("{label}最多保留两位小数（到分），例如 1234.56"),
        ),
        NumberError::TooLarge => (
            ErrorCode::TooLarge,
            format!("{label}过大，请核对单位（元/万元）"),
        ),
        NumberError::Empty | NumberError::NotANumber | NumberError::NotWhole => (
            ErrorCode::NotANumber,
            format!(
                "“{}”不是有效金额，{label}请填写数字，例如 3600 或 3.6万",
                shorten(text)
            ),
        ),
    }
}
