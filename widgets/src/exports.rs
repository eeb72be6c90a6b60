//! What the loader calls: `evaluate_json`, `mount`, `update`, `unmount`.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::income::{IncomeApp, IncomeProps};
use crate::props::Attributes;

enum Mounted {
    Income(AppHandle<IncomeApp>),
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

/// api.md `evaluate` over JSON text: the JS API parses and stringifies around it.
#[wasm_bindgen]
pub fn evaluate_json(request: &str) -> String {
    bangfu_policy::evaluate_str(request).to_json()
}

fn income_props(attrs: &Attributes) -> IncomeProps {
    IncomeProps {
        year: attrs.year,
        large_text: attrs.large_text,
        mode: attrs.mode.clone().into(),
        rule_set: attrs.rule_set.clone().map(Into::into),
        instance: attrs.instance.clone().into(),
        eligibility_url: attrs.eligibility_url.clone().map(Into::into),
    }
}

/// Mounts widget `kind` into `root` (a div inside the element's shadow root); returns a
/// handle id for `update` and `unmount`.
#[wasm_bindgen]
pub fn mount(kind: &str, root: Element, attributes: &str) -> Result<u32, JsValue> {
    let attrs = Attributes::parse(attributes);
    let mounted = match kind {
        "income" => Mounted::Income(
            yew::Renderer::<IncomeApp>::with_root_and_props(root, income_props(&attrs)).render(),
        ),
        other => return Err(JsValue::from_str(&format!("未知的组件：{other}"))),
    };
    let id = NEXT_ID.with(|n| {
        let mut n = n.borrow_mut();
        let id = *n;
        *n = n.wrapping_add(1);
        id
    });
    MOUNTED.with(|m| m.borrow_mut().insert(id, mounted));
    Ok(id)
}

/// Re-renders a mounted widget with new attributes (AppHandle::update).
#[wasm_bindgen]
pub fn update(id: u32, attributes: &str) {
    let attrs = Attributes::parse(attributes);
    MOUNTED.with(|m| {
        if let Some(Mounted::Income(handle)) = m.borrow_mut().get_mut(&id) {
            handle.update(income_props(&attrs));
        }
    });
}

/// Destroys a mounted widget (the element left the page).
#[wasm_bindgen]
pub fn unmount(id: u32) {
    let removed = MOUNTED.with(|m| m.borrow_mut().remove(&id));
    if let Some(Mounted::Income(handle)) = removed {
        handle.destroy();
    }
}
