//! Element attributes → widget props. The loader passes the attributes as a JSON object of
//! strings; anything missing or malformed falls back to the default, never an error.

use serde_json::Value;

/// The year a widget works in when the page does not say (the default rule set's year).
pub const DEFAULT_YEAR: i32 = 2024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributes {
    pub year: i32,
    pub large_text: bool,
    pub mode: String,
    pub rule_set: Option<String>,
    /// Set by the loader: the element's id, or its position among its kind on the page.
    pub instance: String,
    pub eligibility_url: Option<String>,
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
        let mode = match attr("mode") {
            Some("simple") => "simple",
            _ => "cadre",
        }
        .to_string();
        let text = |name: &str| attr(name).filter(|s| !s.is_empty()).map(str::to_string);
        Attributes {
            year,
            large_text,
            mode,
            rule_set: text("rule-set"),
            instance: text("instance").unwrap_or_else(|| "0".to_string()),
            eligibility_url: text("eligibility-url"),
        }
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
        assert_eq!(Attributes::parse("{}").mode, "cadre");
        assert_eq!(Attributes::parse(r#"{"mode":"public"}"#).mode, "cadre");
        assert_eq!(
            Attributes::parse(r#"{"mode":"simple","instance":"a"}"#).instance,
            "a"
        );
    }
}
