//! Text with its dates kept whole: every `YYYY-MM-DD` in a sentence is set in a
//! `<span class="date">` (`white-space: nowrap`), so a narrow phone screen or 大字 mode never
//! breaks a date at its hyphens ("2024-" on one line, "09-27" on the next).

use yew::prelude::*;

/// Byte length of an ISO date starting at `s`'s first byte, if one starts there.
fn date_at(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        r.into_iter()
            .all(|i| b.get(i).is_some_and(u8::is_ascii_digit))
    };
    (b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then_some(10)
}

/// Splits `text` into (is_date, piece) runs.
pub fn pieces(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < text.len() {
        let after_digit = i > 0 && text.as_bytes()[i - 1].is_ascii_digit();
        match date_at(&text[i..]).filter(|_| !after_digit) {
            Some(n) => {
                if start < i {
                    out.push((false, &text[start..i]));
                }
                out.push((true, &text[i..i + n]));
                i += n;
                start = i;
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if start < text.len() {
        out.push((false, &text[start..]));
    }
    out
}

/// `text` as HTML with every date unbreakable.
pub fn dated(text: &str) -> Html {
    html! {
        { for pieces(text).into_iter().map(|(is_date, piece)| if is_date {
            html! { <span class="date">{piece.to_string()}</span> }
        } else {
            html! { {piece.to_string()} }
        }) }
    }
}

#[cfg(test)]
mod tests {
    use super::pieces;

    /// (case name, text, the runs expected)
    type Case = (&'static str, &'static str, Vec<(bool, &'static str)>);

    #[test]
    fn dates_in_a_sentence_are_found_and_nothing_else() {
        let cases: [Case; 5] = [
            ("a bare date", "2024-09-27", vec![(true, "2024-09-27")]),
            (
                "a date inside Chinese text",
                "核查期限 2024-10-02，最迟2024-10-08办结",
                vec![
                    (false, "核查期限 "),
                    (true, "2024-10-02"),
                    (false, "，最迟"),
                    (true, "2024-10-08"),
                    (false, "办结"),
                ],
            ),
            ("no date", "5 个工作日", vec![(false, "5 个工作日")]),
            (
                "a short form is left alone",
                "2024-9-27",
                vec![(false, "2024-9-27")],
            ),
            ("empty", "", vec![]),
        ];
        for (name, text, want) in cases {
            assert_eq!(pieces(text), want, "{name}");
        }
    }
}
