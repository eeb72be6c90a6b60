//! The cases a cadre tracks, kept on the device (localStorage) for `keep-days` days after the
//! last change, then deleted when the planner starts. One unreadable case is skipped with a
//! notice and never costs the others; unavailable storage is reported and the planner carries
//! on in memory. The income widget's "全部清除" removes these too (`ui::storage`).

use serde_json::value::RawValue;

use super::state::Case;
use crate::ui::storage::{self, StorageError};

const KEY: &str = "bangfu:deadlines:v1:cases";
/// When the list last changed (ms since the epoch, device clock).
const SAVED_AT_KEY: &str = "bangfu:deadlines:v1:saved-at";

/// Whether a storage key holds the saved cases (for "cleared in another tab").
pub fn is_case_key(key: &str) -> bool {
    key == KEY
}

/// The cases in stored text and how many records were unreadable (pure, tested natively).
pub fn parse(text: Option<&str>) -> (Vec<Case>, usize) {
    let Some(t) = text else {
        return (Vec::new(), 0);
    };
    let Ok(list) = serde_json::from_str::<Vec<&RawValue>>(t) else {
        return (Vec::new(), 1);
    };
    let cases: Vec<Case> = list
        .iter()
        .filter_map(|c| serde_json::from_str(c.get()).ok())
        .collect();
    let bad = list.len() - cases.len();
    (cases, bad)
}

/// The saved cases (`Err` with a notice when storage is unavailable), and a notice when some
/// could not be read. A list unchanged for more than `keep_days` at `now` is deleted.
pub fn load(keep_days: u32, now: i64) -> Result<(Vec<Case>, Option<String>), &'static str> {
    let text = storage::get(KEY).map_err(StorageError::message)?;
    let saved_at = storage::get(SAVED_AT_KEY)
        .ok()
        .flatten()
        .and_then(|t| t.parse::<i64>().ok());
    match saved_at {
        Some(at) if storage::expired(at, now, keep_days) => {
            let _ = storage::remove(KEY);
            let _ = storage::remove(SAVED_AT_KEY);
            return Ok((Vec::new(), None));
        }
        // Saved before the date was kept: the count starts now.
        None if text.is_some() => {
            let _ = storage::set(SAVED_AT_KEY, &now.to_string());
        }
        _ => {}
    }
    let (cases, bad) = parse(text.as_deref());
    let notice = (bad > 0).then(|| {
        format!("本机保存的案件中有 {bad} 条无法读取（数据已损坏），已跳过；其余案件不受影响。")
    });
    Ok((cases, notice))
}

pub fn save(cases: &[Case], now: i64) -> Result<(), &'static str> {
    let text = serde_json::to_string(cases).map_err(|_| StorageError::WriteFailed.message())?;
    storage::set(KEY, &text).map_err(StorageError::message)?;
    storage::set(SAVED_AT_KEY, &now.to_string()).map_err(StorageError::message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_reported_not_fatal_and_one_bad_case_costs_only_itself() {
        assert_eq!(parse(None), (Vec::new(), 0));
        assert_eq!(parse(Some("[{]")), (Vec::new(), 1));
        let cases = vec![Case {
            id: "c1".into(),
            name: "三组 王家".into(),
            ..Case::default()
        }];
        let good = serde_json::to_string(&cases[0]).unwrap();
        assert_eq!(
            parse(Some(&serde_json::to_string(&cases).unwrap())),
            (cases.clone(), 0)
        );
        let mixed = format!("[{good}, 42]");
        assert_eq!(parse(Some(&mixed)), (cases, 1));
    }
}
