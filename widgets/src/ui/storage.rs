//! localStorage and sessionStorage, where they exist: every call returns a `Result`, because
//! storage may be missing (private mode, disabled by policy, full) and a widget must carry on
//! without it. What comes back is hostile input: callers bound and validate it.

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

/// Storage for this tab only (answers of a self-check, gone when the tab closes).
#[cfg(target_arch = "wasm32")]
fn session() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

#[cfg(target_arch = "wasm32")]
pub fn session_get(key: &str) -> Result<Option<String>, StorageError> {
    session()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

#[cfg(target_arch = "wasm32")]
pub fn session_set(key: &str, value: &str) -> Result<(), StorageError> {
    session()?
        .set_item(key, value)
        .map_err(|_| StorageError::WriteFailed)
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
pub fn session_get(_key: &str) -> Result<Option<String>, StorageError> {
    Err(StorageError::Unavailable)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn session_set(_key: &str, _value: &str) -> Result<(), StorageError> {
    Err(StorageError::Unavailable)
}
