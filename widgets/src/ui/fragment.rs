//! Hand-offs in the URL fragment (`#bangfu-income=…`, `#bangfu-household=…`): read once, with
//! the size bounded before anything is decoded or parsed, then removed from the address bar
//! (`history.replaceState`) so the figures do not stay in the history, bookmarks or a shared link.

use std::cell::RefCell;
use std::collections::HashMap;

use serde_json::Value;

/// The longest fragment read at all: a 100-member household encodes to about 9 KB.
pub const MAX_FRAGMENT_LEN: usize = 16 * 1024;

/// The engine's cap on household members, applied to hand-offs before they reach a form.
pub const MAX_MEMBERS: usize = bangfu_policy::calc::income::MAX_MEMBERS;

/// The still-encoded value of `key=` in `hash` (with or without the leading `#`); `None` when
/// absent or when the fragment is longer than [`MAX_FRAGMENT_LEN`].
pub fn raw_value<'a>(hash: &'a str, key: &str) -> Option<&'a str> {
    if hash.len() > MAX_FRAGMENT_LEN {
        return None;
    }
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix(key).and_then(|rest| rest.strip_prefix('=')))
}

/// `hash` without its `key=…` part (`""` when nothing else is left).
pub fn without_key(hash: &str, key: &str) -> String {
    let rest: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && p.strip_prefix(key).is_none_or(|r| !r.starts_with('=')))
        .collect();
    if rest.is_empty() {
        String::new()
    } else {
        format!("#{}", rest.join("&"))
    }
}

/// Decoded JSON when it is an object whose `members` (if any) stay within [`MAX_MEMBERS`].
pub fn bounded_json(text: &str) -> Option<Value> {
    let v: Value = serde_json::from_str(text).ok()?;
    let members = v
        .get("members")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    (v.is_object() && members <= MAX_MEMBERS).then_some(v)
}

thread_local! {
    /// What was read, per key, for the other widgets of the page (the address no longer has it).
    static TAKEN: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
}

/// Reads `key` from this page's fragment (still percent-encoded) and removes it from the
/// address bar; every widget of the page that asks later gets the same value. An oversized
/// fragment is removed too, unread, with a console warning.
pub fn take(key: &str) -> Option<String> {
    if let Some(seen) = TAKEN.with(|t| t.borrow().get(key).cloned()) {
        return seen;
    }
    let value = take_from_address(key);
    TAKEN.with(|t| t.borrow_mut().insert(key.to_string(), value.clone()));
    value
}

fn take_from_address(key: &str) -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    if hash.len() > MAX_FRAGMENT_LEN && hash.contains(key) {
        super::browser::warn(&format!(
            "Bangfu: 地址中的 #{key} 超过 {MAX_FRAGMENT_LEN} 字符，已忽略。"
        ));
        forget(&window, &format!("#{key}="), key);
        return None;
    }
    let raw = raw_value(&hash, key)?.to_string();
    forget(&window, &hash, key);
    Some(raw)
}

/// Replaces the current history entry's URL by the same URL without `key` in its fragment.
fn forget(window: &web_sys::Window, hash: &str, key: &str) {
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = format!("{path}{search}{}", without_key(hash, key));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_found_only_under_its_own_key_and_only_in_a_bounded_fragment() {
        assert_eq!(
            raw_value("#bangfu-income=%7B%7D", "bangfu-income"),
            Some("%7B%7D")
        );
        assert_eq!(raw_value("a=1&bangfu-income=x", "bangfu-income"), Some("x"));
        assert_eq!(raw_value("#bangfu-incomes=x", "bangfu-income"), None);
        let huge = format!("#bangfu-income={}", "a".repeat(MAX_FRAGMENT_LEN));
        assert_eq!(raw_value(&huge, "bangfu-income"), None);
    }

    #[test]
    fn reading_removes_only_the_key_that_was_read() {
        assert_eq!(without_key("#bangfu-income=x", "bangfu-income"), "");
        assert_eq!(
            without_key("#a=1&bangfu-income=x&b", "bangfu-income"),
            "#a=1&b"
        );
        assert_eq!(
            without_key("#bangfu-incomes=1", "bangfu-income"),
            "#bangfu-incomes=1"
        );
    }

    #[test]
    fn a_household_larger_than_the_engine_accepts_is_not_read() {
        let members = |n: usize| format!("{{\"members\":[{}]}}", vec!["{}"; n].join(","));
        assert!(bounded_json(&members(MAX_MEMBERS)).is_some());
        assert!(bounded_json(&members(MAX_MEMBERS + 1)).is_none());
        assert!(bounded_json("[1]").is_none(), "not an object");
        assert!(bounded_json("{broken").is_none());
    }
}
