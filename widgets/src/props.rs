//! Element attributes → widget props. The loader passes the attributes as a JSON object of
//! strings; anything missing or malformed falls back to the default, never an error.

use serde_json::Value;

/// The year a widget works in when the page does not say (the default rule set's year).
pub const DEFAULT_YEAR: i32 = 2024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributes {
    pub year: i32,
    pub large_text: bool,
    /// As written; each widget reads its own modes and falls back to its default.
    pub mode: Option<String>,
    pub rule_set: Option<String>,
    /// Set by the loader: the element's id, or its position among its kind on the page.
    pub instance: String,
    pub eligibility_url: Option<String>,
    pub report_url: Option<String>,
    /// The portal's hotline for the next step (validated where used: `ui::url::safe_tel`).
    pub hotline: Option<String>,
    pub subsidy_url: Option<String>,
    pub per_capita: Option<String>,
    pub after_rigid: Option<String>,
    /// The date the widget works at ("today"), when the page pins it; else the device's date.
    pub date: Option<String>,
    /// The subsidy estimator's portal configuration (JSON text).
    pub config: Option<String>,
    /// Household facts as JSON text.
    pub household: Option<String>,
    /// Parameter overrides as JSON text.
    pub overrides: Option<String>,
}

impl Attributes {
    pub fn parse(json: &str) -> Attributes {
        let v: Value = serde_json::from_str(json).unwrap_or_default();
        let attr = |name: &str| v.get(name).and_then(Value::as_str).map(str::trim);
        let year = attr("year")
            .and_then(|y| bangfu_policy::text::parse_whole(y).ok())
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| (2000..=2100).contains(y))
            .unwrap_or(DEFAULT_YEAR);
        // A boolean attribute is on when present, unless written as "false".
        let large_text = attr("large-text").is_some_and(|s| s != "false");
        let text = |name: &str| attr(name).filter(|s| !s.is_empty()).map(str::to_string);
        Attributes {
            year,
            large_text,
            mode: text("mode"),
            rule_set: text("rule-set"),
            instance: text("instance").unwrap_or_else(|| "0".to_string()),
            eligibility_url: text("eligibility-url"),
            report_url: text("report-url"),
            hotline: text("hotline"),
            subsidy_url: text("subsidy-url"),
            per_capita: text("per-capita-net-income"),
            after_rigid: text("per-capita-after-rigid"),
            date: text("date"),
            config: text("config"),
            household: text("household"),
            overrides: text("overrides"),
        }
    }

    /// `mode` if it is one of `allowed`, else the first of them (the widget's default).
    pub fn mode_of(&self, allowed: &[&'static str]) -> &'static str {
        let default = allowed.first().copied().unwrap_or("");
        self.mode
            .as_deref()
            .and_then(|m| allowed.iter().find(|a| **a == m).copied())
            .unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_fall_back_to_defaults_instead_of_failing() {
        assert_eq!(Attributes::parse("not json").year, DEFAULT_YEAR);
        assert_eq!(Attributes::parse(r#"{"year":"２０２５"}"#).year, 2025);
        assert_eq!(Attributes::parse(r#"{"year":"1850"}"#).year, DEFAULT_YEAR);
        assert!(Attributes::parse(r#"{"large-text":""}"#).large_text);
        assert!(!Attributes::parse(r#"{"large-text":"false"}"#).large_text);
        assert_eq!(
            Attributes::parse("{}").mode_of(&["cadre", "simple"]),
            "cadre"
        );
        assert_eq!(
            Attributes::parse(r#"{"mode":"public"}"#).mode_of(&["cadre", "simple"]),
            "cadre"
        );
        assert_eq!(
            Attributes::parse(r#"{"mode":"cadre"}"#).mode_of(&["public", "cadre"]),
            "cadre"
        );
        assert_eq!(
            Attributes::parse(r#"{"date":" 2024-06-01 "}"#)
                .date
                .as_deref(),
            Some("2024-06-01")
        );
        assert_eq!(
            Attributes::parse(r#"{"mode":"simple","instance":"a"}"#).instance,
            "a"
        );
    }
}
