//! Parameters as data (rules.md §5): every value is dated, has a unit, a source (document
//! and item) and a confidence. The values are compiled in from `data/rule-sets/*.json`;
//! a portal may override any of them, and overrides are validated and shown as 本地配置.
//! A value that is not known for the period asked is `None` — callers show "未配置".

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::data::RULE_SETS;
use crate::error::{FieldError, Refusal};
use crate::explain::ParamUse;
use crate::money::format_plain;
use crate::text::{parse_date, parse_decimal};

/// How sure we are of a value (rules.md §5), plus `local` for a portal's own setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated by the Minqin plan itself.
    Plan,
    /// Official text seen.
    Official,
    /// A secondary source (news report, reprint).
    Secondary,
    /// Not confirmed by any source; a product default.
    Unconfirmed,
    /// Set by the portal that embeds the widget (本地配置).
    Local,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Plan => "民勤县工作要点原文",
            Confidence::Official => "官方文件",
            Confidence::Secondary => "二手资料",
            Confidence::Unconfirmed => "未经核实",
            Confidence::Local => "本地配置",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Yuan,
    YuanPerPersonYear,
    YuanPerMonth,
    Ratio,
    Percent,
    Years,
    Months,
    Days,
    WorkingDays,
    Persons,
    Keywords,
}

/// How a parameter's values are dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// One value per calendar year; a year without one is not configured.
    Year,
    /// One value, always in force.
    Fixed,
    /// Values in force from a date until the next one (e.g. the LPR).
    From,
}

#[derive(Debug)]
pub(crate) enum ValueDef {
    Decimal(&'static str),
    Keywords(&'static [&'static str]),
}

#[derive(Debug)]
pub(crate) struct ParamValueDef {
    pub at: &'static str,
    pub value: ValueDef,
    pub source: &'static str,
    pub confidence: Confidence,
}

#[derive(Debug)]
pub(crate) struct ParamDef {
    pub name: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    pub period: PeriodKind,
    pub values: &'static [ParamValueDef],
}

#[derive(Debug)]
pub(crate) struct RuleSetDef {
    pub id: &'static str,
    pub label: &'static str,
    pub parameters: &'static [ParamDef],
}

/// The period a value is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Year(i32),
    Date(NaiveDate),
    Always,
}

#[derive(Debug, Clone, PartialEq)]
enum OverrideValue {
    Decimal(Decimal),
    Keywords(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
struct Override {
    name: &'static str,
    /// Empty for a fixed parameter, `YYYY` or `YYYY-MM-DD` otherwise.
    at: String,
    value: OverrideValue,
    /// (r2) The portal's document for the value, when given.
    source: Option<String>,
}

/// A resolved parameter value with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved<T> {
    pub name: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    /// The period key the value was found under (`2024`, `2024-10-21`, or empty).
    pub at: String,
    pub value: T,
    pub source: Cow<'static, str>,
    pub confidence: Confidence,
}

impl Resolved<Decimal> {
    /// The parameter as listed under an explanation step.
    pub fn to_use(&self) -> ParamUse {
        ParamUse {
            name: qualified(self.name, &self.at),
            label: self.label.to_string(),
            value: format_plain(self.value),
            confidence: Some(self.confidence),
            source: self.source.to_string(),
        }
    }
}

impl Resolved<Vec<String>> {
    pub fn to_use(&self) -> ParamUse {
        ParamUse {
            name: qualified(self.name, &self.at),
            label: self.label.to_string(),
            value: self.value.join("、"),
            confidence: Some(self.confidence),
            source: self.source.to_string(),
        }
    }
}

fn qualified(name: &str, at: &str) -> String {
    if at.is_empty() {
        name.to_string()
    } else {
        format!("{name}.{at}")
    }
}

/// The "未配置" entry for a parameter that has no value for the period.
pub fn not_configured(rule_set: &RuleSet, name: &str, at: At) -> ParamUse {
    let label = rule_set.def(name).map_or(name, |p| p.label);
    let at = match at {
        At::Year(y) => y.to_string(),
        At::Date(d) => d.to_string(),
        At::Always => String::new(),
    };
    ParamUse {
        name: qualified(name, &at),
        label: label.to_string(),
        value: "未配置".to_string(),
        confidence: None,
        source: "尚无可靠来源；可由门户配置".to_string(),
    }
}

/// A named bundle of parameters, with the portal's overrides applied.
#[derive(Debug, Clone)]
pub struct RuleSet {
    def: &'static RuleSetDef,
    overrides: Vec<Override>,
}

pub const DEFAULT_RULE_SET: &str = "minqin-2024";

/// Longest `source` accepted on an override.
const MAX_SOURCE_CHARS: usize = 200;

impl RuleSet {
    /// The compiled-in rule set without overrides.
    pub fn builtin(id: &str) -> Option<RuleSet> {
        RULE_SETS.iter().find(|r| r.id == id).map(|def| RuleSet {
            def,
            overrides: Vec::new(),
        })
    }

    /// The default rule set (`minqin-2024`).
    pub fn default_set() -> Result<RuleSet, FieldError> {
        RuleSet::builtin(DEFAULT_RULE_SET)
            .ok_or_else(|| FieldError::refused("rule_set", &Refusal::BuiltinRuleSetMissing))
    }

    /// Reads `rule_set` and `overrides` from a request, validating every override.
    pub fn from_request(
        rule_set: Option<&Value>,
        overrides: Option<&Value>,
    ) -> Result<RuleSet, Vec<FieldError>> {
        let id = match rule_set {
            None | Some(Value::Null) => DEFAULT_RULE_SET,
            Some(Value::String(s)) if s.trim().is_empty() => DEFAULT_RULE_SET,
            Some(Value::String(s)) => s.trim(),
            Some(_) => {
                return Err(vec![FieldError::refused(
                    "rule_set",
                    &Refusal::RuleSetNotText,
                )])
            }
        };
        let mut set = RuleSet::builtin(id).ok_or_else(|| {
            vec![FieldError::refused(
                "rule_set",
                &Refusal::UnknownRuleSet { id },
            )]
        })?;
        match overrides {
            None | Some(Value::Null) => Ok(set),
            Some(Value::Object(map)) => {
                let mut errors = Vec::new();
                for (key, value) in map {
                    match set.parse_override(key, value) {
                        Ok(o) => set.overrides.push(o),
                        Err(e) => errors.push(e),
                    }
                }
                if errors.is_empty() {
                    Ok(set)
                } else {
                    Err(errors)
                }
            }
            Some(_) => Err(vec![FieldError::refused(
                "overrides",
                &Refusal::OverridesNotAnObject,
            )]),
        }
    }

    pub fn id(&self) -> &'static str {
        self.def.id
    }

    pub fn label(&self) -> &'static str {
        self.def.label
    }

    fn def(&self, name: &str) -> Option<&'static ParamDef> {
        self.def.parameters.iter().find(|p| p.name == name)
    }

    fn parse_override(&self, key: &str, value: &Value) -> Result<Override, FieldError> {
        let field = format!("overrides[\"{key}\"]");
        let (name, at) = key.split_once('.').unwrap_or((key, ""));
        let def = self
            .def(name)
            .ok_or_else(|| FieldError::refused(&field, &Refusal::UnknownParameter { name }))?;
        let bad = |why: Refusal| FieldError::refused(&field, &why);
        let at = match def.period {
            PeriodKind::Fixed if at.is_empty() => String::new(),
            PeriodKind::Fixed => {
                return Err(bad(Refusal::OverrideHasNoPeriod {
                    name,
                    label: def.label,
                }))
            }
            PeriodKind::Year => match at.parse::<i32>() {
                Ok(y) if at.len() == 4 && crate::YEARS.contains(&y) => at.to_string(),
                _ => return Err(bad(Refusal::OverrideNeedsYear { name })),
            },
            PeriodKind::From => match parse_date(at) {
                Ok(d) => d.to_string(),
                Err(_) => return Err(bad(Refusal::OverrideNeedsDate { name })),
            },
        };
        // (r2) `{ "value": "8200", "source": "某某县2026年…通知" }` as well as the plain value.
        let (value, source) = match value {
            Value::Object(m) => {
                let source = match m.get("source") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(t)) if t.chars().count() <= MAX_SOURCE_CHARS => {
                        Some(t.trim().to_string()).filter(|t| !t.is_empty())
                    }
                    Some(_) => {
                        return Err(bad(Refusal::OverrideSourceInvalid {
                            max: MAX_SOURCE_CHARS,
                        }))
                    }
                };
                (m.get("value").unwrap_or(&Value::Null), source)
            }
            v => (v, None),
        };
        let value = match (def.unit, value) {
            (Unit::Keywords, Value::Array(items)) => {
                let words: Option<Vec<String>> = items
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                    })
                    .collect();
                OverrideValue::Keywords(words.ok_or_else(|| bad(Refusal::OverrideKeywordsInvalid))?)
            }
            (Unit::Keywords, _) => return Err(bad(Refusal::OverrideNeedsKeywords)),
            (_, Value::String(s)) => OverrideValue::Decimal(parse_decimal(s).map_err(|_| {
                bad(Refusal::OverrideNotANumber {
                    typed: s.chars().take(20).collect(),
                })
            })?),
            (_, Value::Number(n)) => {
                OverrideValue::Decimal(parse_decimal(&n.to_string()).map_err(|_| {
                    bad(Refusal::OverrideNotANumber {
                        typed: n.to_string(),
                    })
                })?)
            }
            _ => return Err(bad(Refusal::OverrideNeedsNumber)),
        };
        Ok(Override {
            name: def.name,
            at,
            value,
            source,
        })
    }

    /// Finds the value definition and its period key for `at`.
    fn find(&self, def: &'static ParamDef, at: At) -> Option<(&'static ParamValueDef, String)> {
        match (def.period, at) {
            (PeriodKind::Fixed, _) => def.values.first().map(|v| (v, String::new())),
            (PeriodKind::Year, At::Year(y)) => {
                let key = y.to_string();
                def.values.iter().find(|v| v.at == key).map(|v| (v, key))
            }
            (PeriodKind::From, At::Date(d)) => {
                let key = d.to_string();
                def.values
                    .iter()
                    .rev()
                    .find(|v| v.at <= key.as_str())
                    .map(|v| (v, v.at.to_string()))
            }
            _ => None,
        }
    }

    /// The override in force for `at`, if any.
    fn find_override(&self, def: &ParamDef, at: At) -> Option<&Override> {
        let mut mine = self.overrides.iter().filter(|o| o.name == def.name);
        match (def.period, at) {
            (PeriodKind::Fixed, _) => mine.next_back(),
            (PeriodKind::Year, At::Year(y)) => mine.rfind(|o| o.at == y.to_string()),
            (PeriodKind::From, At::Date(d)) => {
                let key = d.to_string();
                mine.filter(|o| o.at <= key).max_by(|a, b| a.at.cmp(&b.at))
            }
            _ => None,
        }
    }

    /// A decimal parameter for `at`, or `None` when not configured.
    pub fn decimal(&self, name: &str, at: At) -> Option<Resolved<Decimal>> {
        let def = self.def(name)?;
        let builtin = self.find(def, at);
        let local = self.find_override(def, at);
        // An override wins unless a built-in value takes effect later (dated parameters).
        let use_local = match (&builtin, local) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some((_, key)), Some(o)) => o.at >= *key,
        };
        if use_local {
            let o = local?;
            match &o.value {
                OverrideValue::Decimal(v) => Some(Resolved {
                    name: def.name,
                    label: def.label,
                    unit: def.unit,
                    at: o.at.clone(),
                    value: *v,
                    source: o.source.as_ref().map_or(Cow::Borrowed("本地配置"), |t| {
                        Cow::Owned(format!("本地配置：{t}"))
                    }),
                    confidence: Confidence::Local,
                }),
                OverrideValue::Keywords(_) => None,
            }
        } else {
            let (v, key) = builtin?;
            match v.value {
                ValueDef::Decimal(text) => Some(Resolved {
                    name: def.name,
                    label: def.label,
                    unit: def.unit,
                    at: key,
                    value: parse_decimal(text).ok()?,
                    source: Cow::Borrowed(v.source),
                    confidence: v.confidence,
                }),
                ValueDef::Keywords(_) => None,
            }
        }
    }

    /// A keyword-list parameter (always fixed), or `None` when not configured.
    pub fn keywords(&self, name: &str) -> Option<Resolved<Vec<String>>> {
        let def = self.def(name)?;
        if let Some(o) = self.find_override(def, At::Always) {
            if let OverrideValue::Keywords(words) = &o.value {
                return Some(Resolved {
                    name: def.name,
                    label: def.label,
                    unit: def.unit,
                    at: String::new(),
                    value: words.clone(),
                    source: Cow::Borrowed("本地配置"),
                    confidence: Confidence::Local,
                });
            }
        }
        let (v, _) = self.find(def, At::Always)?;
        match v.value {
            ValueDef::Keywords(words) => Some(Resolved {
                name: def.name,
                label: def.label,
                unit: def.unit,
                at: String::new(),
                value: words.iter().map(|w| w.to_string()).collect(),
                source: Cow::Borrowed(v.source),
                confidence: v.confidence,
            }),
            ValueDef::Decimal(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::json;

    fn set_with(overrides: Value) -> Result<RuleSet, Vec<FieldError>> {
        RuleSet::from_request(None, Some(&overrides))
    }

    #[test]
    fn the_2024_monitoring_range_is_7800_from_the_plan() {
        let rs = RuleSet::default_set().unwrap();
        let r = rs.decimal("monitoring_range", At::Year(2024)).unwrap();
        assert_eq!(r.value, Decimal::from(7800));
        assert_eq!(r.confidence, Confidence::Plan);
        assert!(r.source.contains("第3条"));
    }

    #[test]
    fn a_year_without_a_source_is_not_configured_rather_than_carried_forward() {
        let rs = RuleSet::default_set().unwrap();
        assert!(rs.decimal("monitoring_range", At::Year(2025)).is_none());
        assert!(rs.decimal("monitoring_range", At::Year(2022)).is_none());
    }

    #[test]
    fn a_portal_can_set_the_2025_range_and_it_is_marked_local() {
        let rs = set_with(json!({"monitoring_range.2025": "8600"})).unwrap();
        let r = rs.decimal("monitoring_range", At::Year(2025)).unwrap();
        assert_eq!(r.value, Decimal::from(8600));
        assert_eq!(r.confidence, Confidence::Local);
        assert_eq!(r.to_use().name, "monitoring_range.2025");
        // 2024 keeps the plan's value.
        assert_eq!(
            rs.decimal("monitoring_range", At::Year(2024))
                .unwrap()
                .confidence,
            Confidence::Plan
        );
    }

    #[test]
    fn bad_overrides_are_refused_field_by_field() {
        let errs = set_with(json!({
            "monitoring_rang.2025": "8600",
            "monitoring_range": "8600",
            "monitoring_range.25": "8600",
            "monitoring_range.2026": "-1",
            "per_capita_warning_low.2024": "100",
            "excluded_income_keywords": "慰问"
        }))
        .unwrap_err();
        assert_eq!(errs.len(), 6);
        assert!(errs.iter().any(|e| e.code == ErrorCode::UnknownParameter));
        assert!(errs.iter().all(|e| e.field.starts_with("overrides[")));
    }

    #[test]
    fn an_unknown_rule_set_is_refused() {
        let errs = RuleSet::from_request(Some(&json!("gansu-2099")), None).unwrap_err();
        assert_eq!(errs[0].code, ErrorCode::UnknownRuleSet);
    }

    #[test]
    fn every_builtin_decimal_value_parses() {
        for rs in RULE_SETS {
            for p in rs.parameters {
                for v in p.values {
                    if let ValueDef::Decimal(text) = v.value {
                        assert!(parse_decimal(text).is_ok(), "{}.{} = {text}", p.name, v.at);
                    }
                }
            }
        }
    }
}

pub use crate::data::Param;

impl RuleSet {
    /// A decimal parameter named at compile time.
    pub fn get(&self, p: Param, at: At) -> Option<Resolved<Decimal>> {
        self.decimal(p.name(), at)
    }

    /// A fixed decimal parameter named at compile time.
    pub fn fixed(&self, p: Param) -> Option<Decimal> {
        self.decimal(p.name(), At::Always).map(|r| r.value)
    }
}

/// The latest configured value of a yearly parameter before `year` — shown only as a
/// labelled reference ("参考：2024 年为 7800 元"), never used as the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub year: i32,
    pub value: String,
    pub label: String,
}

impl RuleSet {
    pub fn reference_before(&self, p: Param, year: i32) -> Option<Reference> {
        (year.saturating_sub(20)..year).rev().find_map(|y| {
            self.get(p, At::Year(y)).map(|r| Reference {
                year: y,
                value: crate::money::format_money(r.value),
                label: format!(
                    "参考：{y} 年为 {} 元，以当地公布为准",
                    crate::money::format_plain(r.value)
                ),
            })
        })
    }
}
