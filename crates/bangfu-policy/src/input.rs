//! Reading request fields with their paths: a [`Reader`] reads the fields of an [`Obj`] and
//! keeps every refusal ([`Refusal`]) instead of stopping at the first, so a form can show a
//! message next to each bad field at once.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Map;
/// The request as parsed: calculators reach it only through this module (only `api` writes JSON).
pub use serde_json::Value;

use crate::error::{Expected, FieldError, Refusal};
use crate::text::{
    parse_date, parse_money, parse_signed_money, parse_whole, DateError, NumberError,
};

/// Refusals gathered while reading a request.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    /// Records the refusal of `field`.
    pub fn refuse(&mut self, field: &str, why: &Refusal<'_>) {
        self.0.push(FieldError::refused(field, why));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn take<T>(&mut self, field: String, read: Result<Option<T>, Refusal<'_>>) -> Option<T> {
        read.unwrap_or_else(|why| {
            self.refuse(&field, &why);
            None
        })
    }
}

/// A JSON object being read, with its path in the request.
#[derive(Debug, Clone)]
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

/// Shows the start of a long text in a message.
/// A whole number to show as an example in a refusal: one the field accepts, a year for a
/// year field (2024), a small count otherwise (4).
fn example_whole(min: u64, max: u64) -> u64 {
    let typical = if min >= 1000 { 2024 } else { 4 };
    typical.clamp(min, max.max(min))
}

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

/// Whether a field may be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Required,
    Optional,
}

impl<'a> Obj<'a> {
    fn of(value: &'a Value, path: &str) -> Option<Obj<'a>> {
        match value {
            Value::Object(map) => Some(Obj {
                map,
                path: path.to_string(),
            }),
            _ => None,
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

    /// The scalar text of `key`; `Ok(None)` when blank (refused as [`Refusal::Required`] if
    /// needed), `Err` when it is a list or an object.
    fn scalar<'l>(
        &self,
        key: &str,
        label: &'l str,
        need: Need,
        expected: Expected,
    ) -> Result<Option<String>, Refusal<'l>> {
        if self.is_blank(key) {
            return match need {
                Need::Required => Err(Refusal::Required { label }),
                Need::Optional => Ok(None),
            };
        }
        match self.get(key).and_then(scalar_text) {
            Some(text) => Ok(Some(text)),
            None => Err(Refusal::WrongType { label, expected }),
        }
    }

    /// An amount of money in yuan (rules.md §1 errors: not a number, negative, > 2 decimals).
    fn read_amount<'l>(
        &self,
        key: &str,
        label: &'l str,
        need: Need,
        parse: fn(&str) -> Result<Decimal, NumberError>,
    ) -> Result<Option<Decimal>, Refusal<'l>> {
        let Some(text) = self.scalar(key, label, need, Expected::Amount)? else {
            return Ok(None);
        };
        parse(&text).map(Some).map_err(|e| match e {
            NumberError::Negative => Refusal::NegativeAmount { label },
            NumberError::TooManyDecimals => Refusal::TooManyDecimals { label },
            NumberError::TooLarge => Refusal::AmountTooLarge { label },
            NumberError::Empty | NumberError::NotANumber | NumberError::NotWhole => {
                Refusal::NotAnAmount {
                    label,
                    typed: shorten(&text),
                }
            }
        })
    }

    /// A whole number within `range`.
    fn read_whole<'l>(
        &self,
        key: &str,
        label: &'l str,
        range: RangeInclusive<u64>,
        need: Need,
    ) -> Result<Option<u64>, Refusal<'l>> {
        let Some(text) = self.scalar(key, label, need, Expected::Whole)? else {
            return Ok(None);
        };
        let (min, max) = (*range.start(), *range.end());
        let below = |negative: bool| match min {
            0 => Refusal::Negative { label },
            1 if negative => Refusal::NegativeCount { label },
            1 => Refusal::MustBePositive { label },
            _ => Refusal::BelowMinimum { label, min },
        };
        match parse_whole(&text) {
            Ok(n) if n < min => Err(below(false)),
            Ok(n) if n > max => Err(Refusal::AboveMaximum { label, max }),
            Ok(n) => Ok(Some(n)),
            Err(NumberError::Negative) => Err(below(true)),
            Err(NumberError::NotWhole) | Err(NumberError::TooManyDecimals) => {
                Err(Refusal::HasDecimals { label })
            }
            Err(NumberError::TooLarge) => Err(Refusal::AboveMaximum { label, max }),
            Err(NumberError::Empty) | Err(NumberError::NotANumber) => {
                Err(Refusal::NotAWholeNumber {
                    label,
                    typed: shorten(&text),
                    example: example_whole(min, max),
                })
            }
        }
    }

    /// A date; accepts the forms of [`crate::text::parse_date`].
    fn read_date<'l>(
        &self,
        key: &str,
        label: &'l str,
        need: Need,
    ) -> Result<Option<NaiveDate>, Refusal<'l>> {
        if self.is_blank(key) {
            return match need {
                Need::Required => Err(Refusal::Required { label }),
                Need::Optional => Ok(None),
            };
        }
        let Some(Value::String(text)) = self.get(key) else {
            return Err(Refusal::WrongType {
                label,
                expected: Expected::Date,
            });
        };
        parse_date(text).map(Some).map_err(|e| match e {
            DateError::NoSuchDay { year, month, day } if (1..=12).contains(&month) => {
                Refusal::NoSuchDay {
                    label,
                    year,
                    month,
                    day,
                }
            }
            DateError::NoSuchDay { month, .. } => Refusal::NoSuchMonth { label, month },
            _ => Refusal::NotADate {
                label,
                typed: shorten(text),
            },
        })
    }

    /// Optional text, at most `max` characters.
    fn read_text<'l>(
        &self,
        key: &str,
        label: &'l str,
        max: usize,
    ) -> Result<Option<&'a str>, Refusal<'l>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.chars().count() > max => {
                Err(Refusal::TooLong { label, max })
            }
            Some(Value::String(s)) => Ok(Some(s.trim())),
            Some(_) => Err(Refusal::WrongType {
                label,
                expected: Expected::Text,
            }),
        }
    }

    /// Optional true/false (`"是"`/`"否"` are not guessed: only JSON booleans).
    fn read_flag<'l>(&self, key: &str, label: &'l str) -> Result<Option<bool>, Refusal<'l>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(Refusal::WrongType {
                label,
                expected: Expected::YesNo,
            }),
        }
    }

    /// Optional list of at most `max` entries.
    fn read_list<'l>(
        &self,
        key: &str,
        label: &'l str,
        max: usize,
    ) -> Result<Option<&'a Vec<Value>>, Refusal<'l>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(items)) if items.len() > max => Err(Refusal::TooMany { label, max }),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(_) => Err(Refusal::WrongType {
                label,
                expected: Expected::List,
            }),
        }
    }
}

/// Reads request fields and owns the refusals found on the way.
#[derive(Debug, Default)]
pub struct Reader {
    errors: Errors,
}

impl Reader {
    pub fn new() -> Reader {
        Reader::default()
    }

    /// Records the refusal of `field`.
    pub fn refuse(&mut self, field: &str, why: Refusal<'_>) {
        self.errors.refuse(field, &why);
    }

    /// True while nothing has been refused.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// Every refusal found.
    pub fn into_errors(self) -> Errors {
        self.errors
    }

    /// `value` when nothing was refused and it is there; otherwise every refusal.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Errors> {
        match value {
            Some(v) if self.is_clean() => Ok(v),
            _ => Err(self.errors),
        }
    }

    /// `value` read as an object at `path`, or refused as not a group of fields.
    pub fn object<'a>(&mut self, value: &'a Value, path: &str, label: &str) -> Option<Obj<'a>> {
        let obj = Obj::of(value, path);
        if obj.is_none() {
            self.refuse(path, Refusal::NotAGroup { label });
        }
        obj
    }

    /// The object at `key` of `o`, when there is one.
    pub fn child<'a>(&mut self, o: &Obj<'a>, key: &str, label: &str) -> Option<Obj<'a>> {
        let v = o.get(key)?;
        self.object(v, &o.path_of(key), label)
    }

    fn read<'o, 'a: 'o, 'l, T>(
        &mut self,
        o: impl Into<Option<&'o Obj<'a>>>,
        key: &str,
        read: impl FnOnce(&Obj<'a>) -> Result<Option<T>, Refusal<'l>>,
    ) -> Option<T> {
        let o = o.into()?;
        self.errors.take(o.path_of(key), read(o))
    }

    /// An optional amount (yuan, at most two decimals, not negative). `o` may be absent
    /// (a programme's details not given), which reads as blank.
    pub fn money<'o, 'a: 'o>(
        &mut self,
        o: impl Into<Option<&'o Obj<'a>>>,
        key: &str,
        label: &str,
    ) -> Option<Decimal> {
        self.read(o, key, |o| {
            o.read_amount(key, label, Need::Optional, parse_money)
        })
    }

    /// An amount that must be given.
    pub fn required_money(&mut self, o: &Obj, key: &str, label: &str) -> Option<Decimal> {
        self.read(o, key, |o| {
            o.read_amount(key, label, Need::Required, parse_money)
        })
    }

    /// An optional amount that may be negative (a per-capita net income).
    pub fn signed_money(&mut self, o: &Obj, key: &str, label: &str) -> Option<Decimal> {
        self.read(o, key, |o| {
            o.read_amount(key, label, Need::Optional, parse_signed_money)
        })
    }

    /// A possibly negative amount that must be given.
    pub fn required_signed_money(&mut self, o: &Obj, key: &str, label: &str) -> Option<Decimal> {
        self.read(o, key, |o| {
            o.read_amount(key, label, Need::Required, parse_signed_money)
        })
    }

    /// An optional whole number within `range`.
    pub fn whole<'o, 'a: 'o>(
        &mut self,
        o: impl Into<Option<&'o Obj<'a>>>,
        key: &str,
        label: &str,
        range: RangeInclusive<u64>,
    ) -> Option<u64> {
        self.read(o, key, |o| o.read_whole(key, label, range, Need::Optional))
    }

    /// An optional age in whole years (0 to 150); text that is not one is refused with an
    /// age as the example.
    pub fn age<'o, 'a: 'o>(
        &mut self,
        o: impl Into<Option<&'o Obj<'a>>>,
        key: &str,
        label: &str,
    ) -> Option<u64> {
        self.read(o, key, |o| {
            o.read_whole(key, label, 0..=150, Need::Optional)
                .map_err(|e| match e {
                    Refusal::NotAWholeNumber { typed, .. } => Refusal::NotAnAge { typed },
                    other => other,
                })
        })
    }

    /// A whole number within `range` that must be given.
    pub fn required_whole(
        &mut self,
        o: &Obj,
        key: &str,
        label: &str,
        range: RangeInclusive<u64>,
    ) -> Option<u64> {
        self.read(o, key, |o| o.read_whole(key, label, range, Need::Required))
    }

    /// A year within [`crate::YEARS`], required.
    pub fn year(&mut self, o: &Obj, key: &str, label: &str) -> Option<i32> {
        let (lo, hi) = (*crate::YEARS.start() as u64, *crate::YEARS.end() as u64);
        self.required_whole(o, key, label, lo..=hi)
            .and_then(|y| i32::try_from(y).ok())
    }

    /// An optional date.
    pub fn date<'o, 'a: 'o>(
        &mut self,
        o: impl Into<Option<&'o Obj<'a>>>,
        key: &str,
        label: &str,
    ) -> Option<NaiveDate> {
        self.read(o, key, |o| o.read_date(key, label, Need::Optional))
    }

    /// A date that must be given.
    pub fn required_date(&mut self, o: &Obj, key: &str, label: &str) -> Option<NaiveDate> {
        self.read(o, key, |o| o.read_date(key, label, Need::Required))
    }

    /// Optional text of at most `max` characters, trimmed.
    pub fn text<'a>(&mut self, o: &Obj<'a>, key: &str, label: &str, max: usize) -> Option<&'a str> {
        self.read(o, key, |o| o.read_text(key, label, max))
    }

    /// An optional yes/no (JSON booleans only).
    pub fn flag<'o, 'a: 'o>(
        &mut self,
        o: impl Into<Option<&'o Obj<'a>>>,
        key: &str,
        label: &str,
    ) -> Option<bool> {
        self.read(o, key, |o| o.read_flag(key, label))
    }

    /// An optional list of at most `max` entries.
    pub fn list<'a>(
        &mut self,
        o: &Obj<'a>,
        key: &str,
        label: &str,
        max: usize,
    ) -> Option<&'a Vec<Value>> {
        self.read(o, key, |o| o.read_list(key, label, max))
    }

    /// An optional code from a closed vocabulary (`all`, spelt by `code`).
    pub fn choice<'o, 'a: 'o, T: Copy>(
        &mut self,
        o: impl Into<Option<&'o Obj<'a>>>,
        key: &str,
        label: &str,
        all: &[T],
        code: fn(T) -> &'static str,
    ) -> Option<T> {
        let o = o.into()?;
        match o.get(key)? {
            Value::String(s) => {
                let found = all.iter().copied().find(|a| code(*a) == s.trim());
                if found.is_none() {
                    let allowed: Vec<&str> = all.iter().map(|a| code(*a)).collect();
                    self.refuse(
                        &o.path_of(key),
                        Refusal::NotOneOf {
                            label,
                            allowed: &allowed,
                        },
                    );
                }
                found
            }
            _ => {
                self.refuse(
                    &o.path_of(key),
                    Refusal::WrongType {
                        label,
                        expected: Expected::Code,
                    },
                );
                None
            }
        }
    }
}
