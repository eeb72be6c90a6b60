//! Households saved on this device (草稿), cadre mode only: one localStorage key per draft
//! (`bangfu:income:v2:draft:<id>`), so a keystroke writes one household, two widgets never
//! overwrite each other's drafts, and one unreadable record costs only itself. Drafts not
//! changed for `keep-days` days are deleted when a widget starts. The v1 single-list key is
//! read once, record by record, and moved over. Reading never fails the widget: unavailable
//! or unreadable storage is reported and the form carries on in memory.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::state::IncomeForm;
use crate::ui::storage::{self, StorageError};

const DRAFT_PREFIX: &str = "bangfu:income:v2:draft:";
/// The single list of drafts before v2; migrated on load.
const LEGACY_KEY: &str = "bangfu:income:v1:drafts";
/// A stored draft longer than this is not read (a real one, 500 lines, is under 100 KB).
const MAX_RECORD_LEN: usize = 512 * 1024;

fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

fn current_key(instance: &str) -> String {
    format!("bangfu:income:v1:current:{instance}")
}

/// Whether a storage key holds an income draft (for "cleared in another tab").
pub fn is_draft_key(key: &str) -> bool {
    key.starts_with(DRAFT_PREFIX) || key == LEGACY_KEY
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    /// Milliseconds since the epoch (device clock).
    pub saved_at: i64,
    pub form: IncomeForm,
}

/// What a load found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub drafts: Vec<Draft>,
    /// Records that could not be read (left alone, listed nowhere).
    pub unreadable: usize,
}

impl Loaded {
    /// The notice for unreadable records, if any.
    pub fn notice(&self) -> Option<String> {
        (self.unreadable > 0).then(|| {
            format!(
                "本机保存的草稿中有 {} 条无法读取（数据已损坏），已跳过；其余草稿不受影响。",
                self.unreadable
            )
        })
    }
}

/// One stored draft, or `None` when it is not one (pure, tested natively).
pub fn parse_one(text: &str) -> Option<Draft> {
    if text.len() > MAX_RECORD_LEN {
        return None;
    }
    serde_json::from_str(text).ok()
}

/// The v1 list read record by record: the drafts it holds and how many records were unreadable
/// (a list that is not JSON at all counts as one).
pub fn parse_legacy(text: &str) -> (Vec<Draft>, usize) {
    #[derive(Deserialize)]
    struct Legacy<'a> {
        #[serde(borrow)]
        drafts: Vec<&'a RawValue>,
    }
    let Ok(list) = serde_json::from_str::<Legacy>(text) else {
        return (Vec::new(), 1);
    };
    let drafts: Vec<Draft> = list
        .drafts
        .iter()
        .filter_map(|d| parse_one(d.get()))
        .collect();
    let bad = list.drafts.len() - drafts.len();
    (drafts, bad)
}

/// Moves the v1 list to one key per draft; the old key goes once every readable draft is over.
fn migrate() -> Result<usize, StorageError> {
    let Some(text) = storage::get(LEGACY_KEY)? else {
        return Ok(0);
    };
    let (drafts, unreadable) = parse_legacy(&text);
    for d in &drafts {
        if storage::get(&draft_key(&d.id))?.is_none() {
            save(d)?;
        }
    }
    storage::remove(LEGACY_KEY)?;
    Ok(unreadable)
}

/// Every readable draft; drafts older than `keep_days` at `now` (ms) are deleted.
pub fn load(keep_days: u32, now: i64) -> Result<Loaded, StorageError> {
    let mut loaded = Loaded {
        unreadable: migrate()?,
        ..Loaded::default()
    };
    for key in storage::keys(DRAFT_PREFIX)? {
        match storage::get(&key)?.as_deref().and_then(parse_one) {
            Some(d) if storage::expired(d.saved_at, now, keep_days) => {
                let _ = storage::remove(&key);
            }
            Some(d) => loaded.drafts.push(d),
            None => loaded.unreadable += 1,
        }
    }
    Ok(loaded)
}

/// Saves (inserts or replaces) one draft under its own key.
pub fn save(draft: &Draft) -> Result<(), StorageError> {
    let text = serde_json::to_string(draft).map_err(|_| StorageError::WriteFailed)?;
    storage::set(&draft_key(&draft.id), &text)
}

pub fn delete(id: &str) -> Result<(), StorageError> {
    storage::remove(&draft_key(id))
}

/// Removes everything the widgets keep on this device: every draft, every widget's open
/// pointer and the deadline planner's cases.
pub fn clear_all() -> Result<(), StorageError> {
    storage::clear_everything()
}

pub fn current(instance: &str) -> Option<String> {
    storage::get(&current_key(instance)).ok().flatten()
}

pub fn set_current(instance: &str, id: Option<&str>) -> Result<(), StorageError> {
    match id {
        Some(id) => storage::set(&current_key(instance), id),
        None => storage::remove(&current_key(instance)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str) -> Draft {
        Draft {
            id: id.into(),
            saved_at: 1,
            form: IncomeForm::new(2024, "2024-11-29".into()),
        }
    }

    #[test]
    fn a_saved_draft_reads_back_and_garbage_is_not_a_draft() {
        let d = draft("a");
        assert_eq!(parse_one(&serde_json::to_string(&d).unwrap()), Some(d));
        assert_eq!(parse_one("{not json"), None);
        assert_eq!(parse_one(r#"{"id":"x","saved_at":1,"form":42}"#), None);
        let huge = format!("{{\"id\":\"{}\"}}", "x".repeat(MAX_RECORD_LEN));
        assert_eq!(parse_one(&huge), None, "oversized records are not parsed");
    }

    #[test]
    fn one_bad_record_in_the_v1_list_costs_only_itself() {
        let good = serde_json::to_string(&draft("a")).unwrap();
        let text = format!(r#"{{"drafts": [{good}, {{"id": "b", "form": 42}}, {good}]}}"#);
        let (drafts, bad) = parse_legacy(&text);
        assert_eq!((drafts.len(), bad), (2, 1));
        assert_eq!(parse_legacy("{not json"), (Vec::new(), 1));
        assert_eq!(parse_legacy(r#"{"drafts": 5}"#), (Vec::new(), 1));
        assert_eq!(parse_legacy(r#"{"drafts": []}"#), (Vec::new(), 0));
    }

    #[test]
    fn the_notice_counts_what_was_skipped() {
        assert_eq!(Loaded::default().notice(), None);
        let l = Loaded {
            drafts: Vec::new(),
            unreadable: 2,
        };
        assert!(l.notice().unwrap().contains("2 条"));
    }
}
