//! What the loader calls: `evaluate_json`, `prepare`, `mount`, `update`, `unmount`.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::mounted::{self, Constructor, Widget};
use crate::props::Attributes;

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Box<dyn Widget>>> = RefCell::new(HashMap::new());
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
    /// The constructors `prepare` has loaded, by kind.
    static READY: RefCell<Vec<(String, Constructor)>> = const { RefCell::new(Vec::new()) };
}

fn ready(kind: &str) -> Option<Constructor> {
    READY.with(|r| r.borrow().iter().find(|(k, _)| k == kind).map(|(_, c)| *c))
}

/// api.md `evaluate` over JSON text: the JS API parses and stringifies around it.
#[wasm_bindgen]
pub fn evaluate_json(request: &str) -> String {
    bangfu_policy::evaluate_str(request).to_json()
}

/// The attributes, with a console warning for each one dropped (unsafe URL, oversized).
fn parse_and_warn(attributes: &str) -> Attributes {
    let attrs = Attributes::parse(attributes);
    for name in &attrs.rejected {
        crate::ui::browser::warn(&format!(
            "Bangfu: 属性 {name} 的值不安全（只接受 http、https 或相对地址）或过长，已忽略。"
        ));
    }
    attrs
}

/// Test hook: the next render of an income, eligibility or subsidy widget traps the engine the
/// way a panic in a view does — inside Yew's scheduler, mid-render, which leaves that scheduler
/// stuck for every widget — so the browser tests can check that the loader recovers. Reachable
/// only from script already running in the page (which could remove the widgets anyway), never
/// from an attribute, a URL or stored data.
#[wasm_bindgen]
pub fn debug_trap() {
    crate::ui::hooks::trap_next_render();
}

/// Loads widget `kind`'s code (its chunk, in a split bundle); `mount` needs it first.
/// Rejects with "chunk" when the chunk could not be fetched.
#[wasm_bindgen]
pub async fn prepare(kind: String) -> Result<(), JsValue> {
    if ready(&kind).is_some() {
        return Ok(());
    }
    let constructor = mounted::constructor(&kind)
        .await
        .map_err(|missing| mounted::missing_message(&kind, &missing))?;
    READY.with(|r| r.borrow_mut().push((kind, constructor)));
    Ok(())
}

/// Mounts widget `kind` into `root` (a div inside the element's shadow root); returns a
/// handle id for `update` and `unmount`. The kind must have been prepared.
#[wasm_bindgen]
pub fn mount(kind: &str, root: Element, attributes: &str) -> Result<u32, JsValue> {
    let Some(constructor) = ready(kind) else {
        return Err(JsValue::from_str(&format!("未知的组件：{kind}")));
    };
    let attrs = parse_and_warn(attributes);
    let widget = constructor(root, &attrs);
    let id = NEXT_ID.with(|n| {
        let mut n = n.borrow_mut();
        let id = *n;
        *n = n.wrapping_add(1);
        id
    });
    MOUNTED.with(|m| m.borrow_mut().insert(id, widget));
    Ok(id)
}

/// Re-renders a mounted widget with new attributes (AppHandle::update).
#[wasm_bindgen]
pub fn update(id: u32, attributes: &str) {
    let attrs = parse_and_warn(attributes);
    MOUNTED.with(|m| {
        if let Some(widget) = m.borrow_mut().get_mut(&id) {
            widget.update(&attrs);
        }
    });
}

/// Destroys a mounted widget (the element left the page).
#[wasm_bindgen]
pub fn unmount(id: u32) {
    let removed = MOUNTED.with(|m| m.borrow_mut().remove(&id));
    if let Some(widget) = removed {
        widget.destroy();
    }
}
