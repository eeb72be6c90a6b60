//! Reading the engine's JSON results in views: text fields, and the engine's own Chinese
//! labels for the codes it returns (a view never keeps its own copy of a label).

use serde::de::DeserializeOwned;
use serde_json::Value;

/// The string at `key`, or "".
pub fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

/// The engine's label for a code of one of its enums (`MonitoringType`, `Management`,
/// `Confidence`, `Status`…), or `fallback` for an unknown or missing code.
pub fn label<T: DeserializeOwned>(
    code: &Value,
    of: fn(T) -> &'static str,
    fallback: &'static str,
) -> &'static str {
    serde_json::from_value::<T>(code.clone()).map_or(fallback, of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bangfu_policy::params::Confidence;
    use serde_json::json;

    #[test]
    fn codes_read_back_as_the_engines_labels() {
        assert_eq!(
            label(&json!("local"), Confidence::label, "未配置"),
            "本地配置"
        );
        assert_eq!(label(&Value::Null, Confidence::label, "未配置"), "未配置");
        assert_eq!(label(&json!("nonsense"), Confidence::label, "?"), "?");
    }
}
