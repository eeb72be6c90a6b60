//! The cases a cadre tracks, kept on the device (localStorage). Unavailable or unreadable
//! storage is reported and the planner carries on in memory.

use super::state::Case;
use crate::ui::storage::{self, StorageError};

const KEY: &str = "bangfu:deadlines:v1:cases";

/// Parses stored text; pure, tested natively.
pub fn parse(text: Option<&str>) -> Result<Vec<Case>, &'static str> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => serde_json::from_str(t)
            .map_err(|_| "本机保存的案件无法读取（数据已损坏），已忽略；保存新案件时会重新写入。"),
    }
}

pub fn load() -> Result<Vec<Case>, &'static str> {
    let text = storage::get(KEY).map_err(StorageError::message)?;
    parse(text.as_deref())
}

pub fn save(cases: &[Case]) -> Result<(), &'static str> {
    let text = serde_json::to_string(cases).map_err(|_| StorageError::WriteFailed.message())?;
    storage::set(KEY, &text).map_err(StorageError::message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_reported_not_fatal() {
        assert_eq!(parse(None), Ok(Vec::new()));
        assert!(parse(Some("[{]")).is_err());
        let cases = vec![Case {
            id: "c1".into(),
            name: "三组 王家".into(),
            ..Case::default()
        }];
        assert_eq!(
            parse(Some(&serde_json::to_string(&cases).unwrap())),
            Ok(cases)
        );
    }
}
