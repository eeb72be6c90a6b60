//! localStorage, where it exists: every call returns a `Result`, because storage may be
//! missing (private mode, disabled by policy, full) and a widget must carry on without it.
//! Every key the widgets write starts with [`PREFIX`], so "clear all" can remove them all and
//! tell the other widgets (on this page and in other tabs) that it happened.

/// The start of every key the widgets write.
pub const PREFIX: &str = "bangfu:";

/// The window event a clear-all sends to the other widgets of the same page.
pub const CLEARED_EVENT: &str = "bangfu-storage-cleared";

/// How long cadre data is kept without a change, unless the page says otherwise (`keep-days`).
pub const DEFAULT_KEEP_DAYS: u32 = 30;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// True when something saved at `saved_at` (ms) is older than `keep_days` at `now` (ms).
pub fn expired(saved_at: i64, now: i64, keep_days: u32) -> bool {
    now.saturating_sub(saved_at) > i64::from(keep_days).saturating_mul(DAY_MS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no storage here.
    Unavailable,
    /// Writing failed (usually: storage full).
    WriteFailed,
}

impl StorageError {
    pub fn message(self) -> &'static str {
        match self {
            StorageError::Unavailable => {
                "本机浏览器不允许保存草稿（可能是无痕模式），关闭页面后填写的内容不会保留。"
            }
            StorageError::WriteFailed => {
                "草稿没能保存到本机（存储空间可能已满），请导出或打印后再关闭页面。"
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

#[cfg(target_arch = "wasm32")]
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

#[cfg(target_arch = "wasm32")]
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?
        .set_item(key, value)
        .map_err(|_| StorageError::WriteFailed)
}

#[cfg(target_arch = "wasm32")]
pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?
        .remove_item(key)
        .map_err(|_| StorageError::WriteFailed)
}

/// Every stored key that starts with `prefix`.
#[cfg(target_arch = "wasm32")]
pub fn keys(prefix: &str) -> Result<Vec<String>, StorageError> {
    let s = storage()?;
    let n = s.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect())
}

/// Removes every Bangfu key on this device (drafts, open pointers, deadline cases) and tells
/// the other widgets of this page; other tabs learn it from the `storage` event.
#[cfg(target_arch = "wasm32")]
pub fn clear_everything() -> Result<(), StorageError> {
    let mut result = Ok(());
    for key in keys(PREFIX)? {
        if let Err(e) = remove(&key) {
            result = Err(e);
        }
    }
    if let Some(w) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new(CLEARED_EVENT) {
            let _ = w.dispatch_event(&event);
        }
    }
    result
}

/// Calls `f` when Bangfu storage is cleared: by a widget on this page, or in another tab
/// (`localStorage.clear()` or the removal of a key `watched` accepts). Dropping the result
/// stops listening.
pub fn on_cleared(
    watched: impl Fn(&str) -> bool + 'static,
    f: impl Fn() + 'static,
) -> Option<[gloo_events::EventListener; 2]> {
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let f = Rc::new(f);
    let same_page = {
        let f = f.clone();
        gloo_events::EventListener::new(&window, CLEARED_EVENT, move |_| f())
    };
    let other_tab = gloo_events::EventListener::new(&window, "storage", move |e| {
        if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
            let removed = e.new_value().is_none();
            if e.key().is_none() || (removed && e.key().is_some_and(|k| watched(&k))) {
                f();
            }
        }
    });
    Some([same_page, other_tab])
}

// Native builds (unit tests, clippy on the host) have no browser storage.
#[cfg(not(target_arch = "wasm32"))]
pub fn get(_key: &str) -> Result<Option<String>, StorageError> {
    Err(StorageError::Unavailable)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn set(_key: &str, _value: &str) -> Result<(), StorageError> {
    Err(StorageError::Unavailable)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn remove(_key: &str) -> Result<(), StorageError> {
    Err(StorageError::Unavailable)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn keys(_prefix: &str) -> Result<Vec<String>, StorageError> {
    Err(StorageError::Unavailable)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn clear_everything() -> Result<(), StorageError> {
    Err(StorageError::Unavailable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_expires_only_after_the_days_kept() {
        let now = 100 * DAY_MS;
        assert!(
            !expired(now - 30 * DAY_MS, now, 30),
            "exactly 30 days is kept"
        );
        assert!(expired(now - 30 * DAY_MS - 1, now, 30));
        assert!(!expired(now + DAY_MS, now, 30), "a clock set back keeps it");
        assert!(expired(i64::MIN, now, u32::MAX), "no overflow");
    }
}
