//! Element attributes → widget props. The loader passes the attributes as a JSON object of
//! strings; anything missing or malformed falls back to the default, never an error.

use serde_json::Value;

use crate::ui::storage::DEFAULT_KEEP_DAYS;
use crate::ui::url::{safe_href, safe_tel};

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
    /// Ctrl+P prints the income sheet alone; `print-sheet="off"` turns that off.
    pub print_sheet: bool,
    /// Days cadre data is kept on the device after its last change (`keep-days`, 1–365).
    pub keep_days: u32,
    /// Attributes dropped as unsafe or oversized (the loader's caller warns in the console).
    pub rejected: Vec<&'static str>,
}

/// The longest attribute value read (JSON configuration included); longer ones are dropped.
pub const MAX_ATTRIBUTE_LEN: usize = 32 * 1024;

impl Attributes {
    pub fn parse(json: &str) -> Attributes {
        let v: Value = serde_json::from_str(json).unwrap_or_default();
        let attr = |name: &str| v.get(name).and_then(Value::as_str).map(str::trim);
        let year = attr("year")
            .and_then(|y| bangfu_policy::text::parse_whole(y).ok())
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| bangfu_policy::YEARS.contains(y))
            .unwrap_or(DEFAULT_YEAR);
        // A boolean attribute is on when present, unless written as "false".
        let large_text = attr("large-text").is_some_and(|s| s != "false");
        let print_sheet = attr("print-sheet") != Some("off");
        let mut rejected = Vec::new();
        let mut text = |name: &'static str| {
            let value = attr(name).filter(|s| !s.is_empty())?;
            if value.len() > MAX_ATTRIBUTE_LEN {
                rejected.push(name);
                return None;
            }
            Some(value.to_string())
        };
        let mode = text("mode");
        let rule_set = text("rule-set");
        let instance = text("instance").unwrap_or_else(|| "0".to_string());
        let per_capita = text("per-capita-net-income");
        let after_rigid = text("per-capita-after-rigid");
        let date = text("date");
        let config = text("config");
        let household = text("household");
        let overrides = text("overrides");
        let hotline = text("hotline");
        let urls = [
            text("eligibility-url"),
            text("report-url"),
            text("subsidy-url"),
        ];
        let [eligibility_url, report_url, subsidy_url] = urls;
        let mut url = |name: &'static str, raw: Option<String>| {
            let safe = raw.as_deref().and_then(safe_href);
            if raw.is_some() && safe.is_none() {
                rejected.push(name);
            }
            safe
        };
        let eligibility_url = url("eligibility-url", eligibility_url);
        let report_url = url("report-url", report_url);
        let subsidy_url = url("subsidy-url", subsidy_url);
        if hotline.as_deref().is_some_and(|h| safe_tel(h).is_none()) {
            rejected.push("hotline");
        }
        let keep_days = attr("keep-days")
            .and_then(|d| bangfu_policy::text::parse_whole(d).ok())
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| (1..=365).contains(d))
            .unwrap_or(DEFAULT_KEEP_DAYS);
        Attributes {
            year,
            large_text,
            mode,
            rule_set,
            instance,
            eligibility_url,
            report_url,
            hotline,
            subsidy_url,
            per_capita,
            after_rigid,
            date,
            config,
            household,
            overrides,
            keep_days,
            print_sheet,
            rejected,
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
        assert!(Attributes::parse("{}").print_sheet);
        assert!(Attributes::parse(r#"{"print-sheet":"on"}"#).print_sheet);
        assert!(!Attributes::parse(r#"{"print-sheet":" off "}"#).print_sheet);
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

    #[test]
    fn unsafe_urls_and_oversized_values_are_dropped_and_named() {
        let a = Attributes::parse(
            r#"{"eligibility-url":"javascript:alert(1)","report-url":"/report","subsidy-url":"//evil.example"}"#,
        );
        assert_eq!(a.eligibility_url, None);
        assert_eq!(a.report_url.as_deref(), Some("/report"));
        assert_eq!(a.subsidy_url, None);
        assert_eq!(a.rejected, vec!["eligibility-url", "subsidy-url"]);
        let big = serde_json::json!({ "config": "x".repeat(MAX_ATTRIBUTE_LEN + 1) }).to_string();
        let a = Attributes::parse(&big);
        assert_eq!((a.config, a.rejected), (None, vec!["config"]));
    }

    #[test]
    fn keep_days_defaults_to_30_and_stays_within_a_year() {
        assert_eq!(Attributes::parse("{}").keep_days, 30);
        assert_eq!(Attributes::parse(r#"{"keep-days":"7"}"#).keep_days, 7);
        assert_eq!(Attributes::parse(r#"{"keep-days":"0"}"#).keep_days, 30);
        assert_eq!(Attributes::parse(r#"{"keep-days":"9999"}"#).keep_days, 30);
    }
}
