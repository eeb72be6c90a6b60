//! The one gate for attributes that become links (`eligibility-url`, `report-url`,
//! `subsidy-url`): only http(s) and relative URLs pass, read the way a browser reads an `href`.

/// Longest URL an attribute may carry (a portal link is far shorter).
pub const MAX_URL_LEN: usize = 2048;

/// `raw` as a safe `href`, or `None` when it could run script or leave for an unexpected
/// scheme (`javascript:`, `data:`, `vbscript:`, `//host`, …). Like the URL parser, it first
/// trims leading and trailing C0 controls and spaces and drops every tab and newline, so
/// `" java\tscript:…"` is seen as the `javascript:` it would become. The caller warns in the
/// console when it gets `None`.
pub fn safe_href(raw: &str) -> Option<String> {
    let is_c0_or_space = |c: char| c <= ' ';
    let cleaned: String = raw
        .trim_matches(is_c0_or_space)
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() || cleaned.len() > MAX_URL_LEN {
        return None;
    }
    // `//host` and its backslash forms leave the site without a scheme.
    let mut lead = cleaned.chars().take(2);
    if lead.all(|c| c == '/' || c == '\\') && cleaned.chars().count() >= 2 {
        return None;
    }
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => {
            Some(cleaned)
        }
        Some(_) => None,
    }
}

/// The scheme of `url` when it starts with one (`letter (letter | digit | + - .)* :` before
/// any `/`, `?` or `#`).
fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let head = &url[..end];
    let mut chars = head.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_is_letter && rest_ok).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_https_and_relative_links_pass() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "https://gs.gov.cn/bf",
                Some("https://gs.gov.cn/bf"),
                "absolute https",
            ),
            (
                "HTTP://gs.gov.cn",
                Some("HTTP://gs.gov.cn"),
                "scheme is case-insensitive",
            ),
            (
                "eligibility.html",
                Some("eligibility.html"),
                "relative file",
            ),
            (
                "/bangfu/subsidy.html?x=1#y",
                Some("/bangfu/subsidy.html?x=1#y"),
                "root-relative",
            ),
            ("#一键报贫二维码", Some("#一键报贫二维码"), "fragment only"),
            ("./a:b", Some("./a:b"), "colon after a slash is a path"),
            (
                "  subsidy.html\n",
                Some("subsidy.html"),
                "trimmed like a browser",
            ),
            ("javascript:alert(1)", None, "javascript"),
            ("JaVaScRiPt:alert(1)", None, "javascript, mixed case"),
            (
                " \u{1}javascript:alert(1)",
                None,
                "leading control characters",
            ),
            ("java\tscr\nipt:alert(1)", None, "tabs and newlines inside"),
            ("data:text/html,<script>alert(1)</script>", None, "data"),
            ("vbscript:msgbox(1)", None, "vbscript"),
            ("file:///etc/passwd", None, "file"),
            ("//evil.example/x", None, "protocol-relative"),
            ("\\\\evil.example/x", None, "backslash protocol-relative"),
            ("/\\evil.example/x", None, "mixed slashes"),
            ("", None, "empty"),
            ("   ", None, "blank"),
        ];
        for (raw, expected, why) in cases {
            assert_eq!(safe_href(raw).as_deref(), *expected, "{why}: {raw:?}");
        }
        assert_eq!(safe_href(&"a".repeat(MAX_URL_LEN + 1)), None, "too long");
    }
}
