//! The screening widget's edges: reading a chosen or dropped file's bytes (in this browser;
//! nothing is sent anywhere), offering the flagged list as a download, and keeping the
//! confirmed column mapping on the device.

use web_sys::Node;

use crate::ui::storage;

/// Where the confirmed mapping is kept.
const MAPPING_KEY: &str = "bangfu-screening-mapping";

/// Largest stored mapping read back (anything longer is not ours).
const MAX_MAPPING_CHARS: usize = 4096;

pub fn load_mapping() -> Option<String> {
    storage::get(MAPPING_KEY)
        .ok()
        .flatten()
        .filter(|s| s.len() <= MAX_MAPPING_CHARS)
}

pub fn save_mapping(json: &str) -> Result<(), storage::StorageError> {
    storage::set(MAPPING_KEY, json)
}

/// The bytes of a file the user chose or dropped (through `Response`, which Chromium 70 has;
/// `Blob.arrayBuffer()` arrived in 76).
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let failed = |_| "文件读取失败，请重新选择".to_string();
    let promise = web_sys::Response::new_with_opt_blob(Some(&file))
        .and_then(|r| r.array_buffer())
        .map_err(failed)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `bytes` as a download named `file_name` (a blob URL: nothing leaves the device).
pub fn download_bytes(node: &Node, file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag) else {
        return false;
    };
    crate::ui::browser::download_blob(node, file_name, &blob)
}
