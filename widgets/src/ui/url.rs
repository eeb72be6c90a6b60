//! The one gate for every attribute that becomes a link: `safe_href` lets through http(s)
//! URLs and relative references only, so a portal attribute (hostile input) can never become a
//! `javascript:`, `data:` or other scheme link.

/// Longest URL accepted (a portal link, not a data carrier).
const MAX_LEN: usize = 2048;

/// `raw` as an href if it is an `http:`/`https:` URL or a relative reference (path, `?query`,
/// `#fragment`); `None` for any other scheme, protocol-relative `//host` links, control
/// characters, backslashes or oversized text. Surrounding spaces are trimmed.
pub fn safe_href(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > MAX_LEN {
        return None;
    }
    // Browsers strip tabs and newlines inside URLs ("java\tscript:"), and treat '\' as '/':
    // refuse them rather than guess.
    if s.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    if s.starts_with("//") {
        return None;
    }
    // A scheme is letters, digits, '+', '-', '.' before the first ':' that comes before any
    // '/', '?' or '#'.
    let before = s.split(['/', '?', '#']).next().unwrap_or("");
    match before.split_once(':') {
        None => Some(s.to_string()),
        Some((scheme, _)) => {
            let scheme = scheme.to_ascii_lowercase();
            if scheme == "http" || scheme == "https" {
                Some(s.to_string())
            } else {
                None
            }
        }
    }
}

/// A portal's hotline as (what to show, the `tel:` href): digits with single dashes or
/// spaces between groups, 3 to 20 digits in all (`0935-4121234`, `12317`, `400 123 4567`);
/// `None` for anything else.
pub fn safe_tel(raw: &str) -> Option<(String, String)> {
    let s = raw.trim();
    if s.len() > 32 || s.is_empty() {
        return None;
    }
    let groups: Vec<&str> = s.split(['-', ' ']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let digits: String = groups.concat();
    (3..=20)
        .contains(&digits.len())
        .then(|| (s.to_string(), format!("tel:{digits}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hotline_is_digits_in_groups_or_nothing() {
        let cases: [(&str, &str, Option<&str>); 9] = [
            (
                "landline with area code",
                "0935-4121234",
                Some("tel:09354121234"),
            ),
            ("short service number", "12317", Some("tel:12317")),
            ("spaced groups", "400 123 4567", Some("tel:4001234567")),
            ("too short", "12", None),
            ("letters", "0935-CALL", None),
            ("script", "<script>", None),
            ("double dash", "0935--1", None),
            ("a URL", "tel:12317", None),
            ("too long", "123456789012345678901", None),
        ];
        for (name, raw, want) in cases {
            assert_eq!(safe_tel(raw).map(|t| t.1).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn only_web_links_and_relative_references_pass() {
        let cases: [(&str, &str, Option<&str>); 16] = [
            (
                "https link",
                "https://example.gov.cn/report",
                Some("https://example.gov.cn/report"),
            ),
            (
                "http link, upper-case scheme",
                "HTTP://x.cn/a",
                Some("HTTP://x.cn/a"),
            ),
            ("relative path", "report.html", Some("report.html")),
            ("path with colon later", "a/b:c", Some("a/b:c")),
            ("fragment", "#一键报贫二维码", Some("#一键报贫二维码")),
            ("query", "?a=1", Some("?a=1")),
            ("trimmed", "  /r  ", Some("/r")),
            ("javascript", "javascript:alert(1)", None),
            (
                "javascript, mixed case and spaces",
                " JaVaScRiPt:alert(1)",
                None,
            ),
            (
                "javascript with a tab inside",
                "java\tscript:alert(1)",
                None,
            ),
            ("data URL", "data:text/html,<script>", None),
            ("vbscript", "vbscript:x", None),
            ("protocol-relative", "//evil.example/x", None),
            ("backslash trick", "/\\evil.example", None),
            ("empty", "   ", None),
            ("tel is not a web link", "tel:123", None),
        ];
        for (name, raw, want) in cases {
            assert_eq!(safe_href(raw).as_deref(), want, "{name}");
        }
        assert_eq!(safe_href(&"a".repeat(MAX_LEN + 1)), None, "oversized");
    }
}
