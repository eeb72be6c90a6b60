//! iCalendar (RFC 5545) files of all-day events, so deadlines land in a phone's calendar.
//! Lines end in CRLF and are folded at 75 octets without splitting a character; TEXT values
//! are escaped (§3.3.11); every event has a reminder the day before.

use bangfu_policy::dates::compact;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unique and stable for the same deadline, so re-importing updates instead of duplicating.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to at most 75 octets a line (continuations start with a space).
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// A whole calendar. `stamp` is the creation time in UTC, `YYYYMMDDTHHMMSSZ` (the caller's clock).
pub fn calendar(name: &str, events: &[Event], stamp: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Bangfu//Minqin 2024 deadlines//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_folded(&mut out, line);
    }
    push_folded(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        let next = e.date.succ_opt().unwrap_or(e.date);
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", escape(&e.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", compact(e.date)),
            format!("DTEND;VALUE=DATE:{}", compact(next)),
            format!("SUMMARY:{}", escape(&e.summary)),
            format!("DESCRIPTION:{}", escape(&e.description)),
            "TRANSP:TRANSPARENT".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:-P1D".to_string(),
            format!("DESCRIPTION:{}", escape(&e.summary)),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ] {
            push_folded(&mut out, &line);
        }
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str) -> Event {
        Event {
            uid: "a@bangfu".into(),
            date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            summary: summary.into(),
            description: "依据：第4条; 备注,换行\n第二行".into(),
        }
    }

    #[test]
    fn events_are_all_day_with_crlf_lines_and_escaped_text() {
        let ics = calendar("一键报贫", &[event("入户核查期限")], "20241129T010203Z");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20240501\r\nDTEND;VALUE=DATE:20240502\r\n"));
        assert!(ics.contains("DESCRIPTION:依据：第4条\\; 备注\\,换行\\n第二行"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "no bare LF");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let ics = calendar("x", &[event(&"收".repeat(60))], "20241129T010203Z");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "收".repeat(60))));
    }
}
