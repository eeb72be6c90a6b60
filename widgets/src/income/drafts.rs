//! Households saved on this device (草稿): a list of forms in localStorage, and, per widget
//! instance, which one is open. Reading never fails the widget: unavailable or corrupt storage
//! is reported and the form carries on in memory.

use serde::{Deserialize, Serialize};

use super::state::IncomeForm;
use crate::ui::storage::{self, StorageError};

const STORE_KEY: &str = "bangfu:income:v1:drafts";

fn current_key(instance: &str) -> String {
    format!("bangfu:income:v1:current:{instance}")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    /// Milliseconds since the epoch (device clock).
    pub saved_at: i64,
    pub form: IncomeForm,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftStore {
    pub drafts: Vec<Draft>,
}

/// Why the saved households could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadError {
    Storage(StorageError),
    /// Something is stored but it is not a draft list (edited by hand, another version…).
    Corrupt,
}

impl LoadError {
    pub fn message(self) -> &'static str {
        match self {
            LoadError::Storage(e) => e.message(),
            LoadError::Corrupt => {
                "本机保存的草稿无法读取（数据已损坏），已忽略；接下来填写的内容会重新保存。"
            }
        }
    }
}

/// Parses stored text; pure, so it is tested natively.
pub fn parse(text: Option<&str>) -> Result<DraftStore, LoadError> {
    match text {
        None => Ok(DraftStore::default()),
        Some(t) => serde_json::from_str(t).map_err(|_| LoadError::Corrupt),
    }
}

pub fn load() -> Result<DraftStore, LoadError> {
    let text = storage::get(STORE_KEY).map_err(LoadError::Storage)?;
    parse(text.as_deref())
}

fn write(store: &DraftStore) -> Result<(), StorageError> {
    let text = serde_json::to_string(store).map_err(|_| StorageError::WriteFailed)?;
    storage::set(STORE_KEY, &text)
}

/// Saves (inserts or replaces) one draft. A corrupt store is replaced by a fresh one.
pub fn save(draft: &Draft) -> Result<(), StorageError> {
    let mut store = match load() {
        Ok(s) => s,
        Err(LoadError::Corrupt) => DraftStore::default(),
        Err(LoadError::Storage(e)) => return Err(e),
    };
    match store.drafts.iter_mut().find(|d| d.id == draft.id) {
        Some(existing) => *existing = draft.clone(),
        None => store.drafts.push(draft.clone()),
    }
    write(&store)
}

pub fn delete(id: &str) -> Result<(), StorageError> {
    let mut store = load().unwrap_or_default();
    store.drafts.retain(|d| d.id != id);
    write(&store)
}

/// Removes every saved household and every widget's "open" pointer for this instance.
pub fn clear_all(instance: &str) -> Result<(), StorageError> {
    storage::remove(STORE_KEY)?;
    storage::remove(&current_key(instance))
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

    #[test]
    fn nothing_stored_is_an_empty_list_and_garbage_is_reported_as_corrupt() {
        assert_eq!(parse(None), Ok(DraftStore::default()));
        assert_eq!(parse(Some("{not json")), Err(LoadError::Corrupt));
        assert_eq!(parse(Some(r#"{"drafts": 5}"#)), Err(LoadError::Corrupt));
        assert_eq!(parse(Some(r#"{"drafts": []}"#)).unwrap().drafts.len(), 0);
    }

    #[test]
    fn a_saved_store_reads_back() {
        let store = DraftStore {
            drafts: vec![Draft {
                id: "a".into(),
                saved_at: 1,
                form: IncomeForm::new(2024, "2024-11-29".into()),
            }],
        };
        let text = serde_json::to_string(&store).unwrap();
        assert_eq!(parse(Some(&text)), Ok(store));
    }
}
