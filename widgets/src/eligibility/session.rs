//! The public self-check's answers kept for the session on this device (sessionStorage: gone
//! when the tab closes, never sent), so a reload or the phone's back gesture loses nothing.
//! What comes back from storage is hostile input: bounded in size, parsed, then made safe by
//! `EligibilityForm::bounded`.

use super::state::EligibilityForm;
use crate::ui::storage;

/// Largest stored text read back (bytes).
const MAX_BYTES: usize = 16 * 1024;

/// The storage key of one widget instance (the instance name is page input: only letters,
/// digits, '-' and '_' are kept, at most 40).
pub fn key(instance: &str) -> String {
    let clean: String = instance
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(40)
        .collect();
    format!("bangfu:eligibility:v1:session:{clean}")
}

/// Reads stored text back into a form working at `date`; `None` when missing or unreadable.
pub fn parse(text: Option<&str>, date: &str) -> Option<EligibilityForm> {
    // Only a JSON object is a stored form (serde would also take an array for a struct).
    let text = text.filter(|t| t.len() <= MAX_BYTES && t.trim_start().starts_with('{'))?;
    let mut form: EligibilityForm = serde_json::from_str(text).ok()?;
    form.date = date.to_string();
    Some(form.bounded())
}

pub fn load(instance: &str, date: &str) -> Option<EligibilityForm> {
    parse(
        storage::session_get(&key(instance))
            .ok()
            .flatten()
            .as_deref(),
        date,
    )
}

/// Keeps the answers (silently does nothing where session storage is unavailable: the form
/// still works, it just cannot survive a reload).
pub fn save(instance: &str, form: &EligibilityForm) {
    if let Ok(text) = serde_json::to_string(form) {
        if text.len() <= MAX_BYTES {
            let _ = storage::session_set(&key(instance), &text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::state::{Action, Text, RESULT};
    use super::*;

    #[test]
    fn answers_survive_a_round_trip_and_hostile_text_is_made_safe() {
        let mut f = EligibilityForm::new("2024-06-01".into());
        f.apply(Action::Set(Text::Hukou, "yes".into()));
        f.apply(Action::Set(Text::Wage, "12000".into()));
        f.apply(Action::AddMember);
        f.apply(Action::Go(2));
        let text = serde_json::to_string(&f).unwrap();
        let back = parse(Some(&text), "2024-06-01").unwrap();
        assert_eq!(
            (back.step, back.hukou.as_str(), back.wage.as_str()),
            (2, "yes", "12000")
        );
        assert_eq!(back.members.len(), 2);

        let cases: [(&str, &str); 6] = [
            ("not JSON", "{broken"),
            ("a number", "42"),
            ("wrong types", r#"{"step":"x"}"#),
            ("null", "null"),
            ("an array", "[]"),
            ("empty", ""),
        ];
        for (name, text) in cases {
            assert!(parse(Some(text), "2024-06-01").is_none(), "{name}");
        }
        let hostile = r#"{"step":99,"hukou":"<img src=x>","kind":"monitored","income_mode":"x",
            "wage":"11111111111111111111111111111111111111111111111111111","members":[],
            "risks":["illness","<script>"]}"#;
        let f = parse(Some(hostile), "2024-06-01").unwrap();
        assert_eq!(f.step, RESULT);
        assert_eq!(f.hukou, "");
        assert_eq!(f.kind, "monitored");
        assert_eq!(f.income_mode, "estimate");
        assert_eq!(f.wage.chars().count(), 40);
        assert_eq!(f.members.len(), 1);
        assert_eq!(f.risks.iter().collect::<Vec<_>>(), vec!["illness"]);
        assert!(parse(Some(&" ".repeat(MAX_BYTES + 1)), "2024-06-01").is_none());
        assert_eq!(key("a\"]<b>"), "bangfu:eligibility:v1:session:ab");
    }
}
