//! Hooks shared by the widgets.

use std::cell::Cell;
use std::rc::Rc;

use bangfu_policy::Response;
use serde_json::{json, Map, Value};
use yew::prelude::*;

use super::browser;

/// The attribute with which a host page asks for the whole response in `bangfu-result`.
pub const FULL_DETAIL_ATTRIBUTE: &str = "result-detail";

/// What the host page hears by default: the result's top-level figures (numbers, booleans,
/// short strings of digits, letters and `. _ : + -` — amounts, dates, codes — and objects of
/// such figures, like `by_category`) — no lists, no explanation, nothing in Chinese or with
/// spaces, so no typed name or note.
pub fn figures_only(calculator: &str, r: &Response) -> Value {
    let scalar = |v: &Value| match v {
        Value::Number(_) | Value::Bool(_) | Value::Null => true,
        Value::String(s) => {
            s.len() <= 64
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '+' | '-'))
        }
        _ => false,
    };
    let figure = |v: &Value| match v {
        Value::Object(o) => o.values().all(scalar),
        v => scalar(v),
    };
    let result: Map<String, Value> = r
        .result
        .as_ref()
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter(|(_, v)| figure(v))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    json!({ "calculator": calculator, "response": { "ok": r.ok, "rule_set": r.rule_set, "result": result } })
}

thread_local! {
    /// Set by the `debug_trap` test hook only.
    static TRAP_NEXT_RENDER: Cell<bool> = const { Cell::new(false) };
}

/// Makes the next render that announces results abort (the `debug_trap` test hook).
pub fn trap_next_render() {
    TRAP_NEXT_RENDER.with(|t| t.set(true));
}

/// Tells the host page about every new `ok` result (while `show` is true): a `bangfu-result`
/// CustomEvent (bubbles, composed). By default its detail is [`figures_only`]; a host that sets
/// `result-detail="full"` on the element gets `{ "calculator": …, "response": <api.md response> }`,
/// typed text included.
#[hook]
pub fn use_announce(root: NodeRef, calculator: &'static str, response: Rc<Response>, show: bool) {
    if TRAP_NEXT_RENDER.with(|t| t.replace(false)) {
        std::process::abort();
    }
    use_effect_with((response, show), move |(r, show)| {
        if r.ok && *show {
            if let Some(node) = root.get() {
                let full = browser::host_of(&node)
                    .and_then(|h| h.get_attribute(FULL_DETAIL_ATTRIBUTE))
                    .is_some_and(|v| v == "full");
                let detail = if full {
                    format!(
                        "{{\"calculator\":\"{calculator}\",\"response\":{}}}",
                        r.to_json()
                    )
                } else {
                    figures_only(calculator, r).to_string()
                };
                browser::dispatch(&node, "bangfu-result", &detail);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_hears_figures_and_codes_but_no_typed_text() {
        let r = Response {
            ok: true,
            rule_set: Some("minqin-2024".into()),
            result: Some(json!({
                "per_capita_net_income": "7066.67", "household_size": 3, "below": true,
                "by_category": { "wage": "21200.00" }, "in_words": { "net": "人民币贰万元整" },
                "monitoring_type": "edge_prone", "date": "2024-06-01",
                "items": [{ "item": "赵六 工资" }], "note": "赵六", "label": "Zhao Liu 620621199001011234 x",
            })),
            explanation: Vec::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
        };
        let text = figures_only("income", &r).to_string();
        for kept in [
            "7066.67",
            "\"household_size\":3",
            "edge_prone",
            "2024-06-01",
            "minqin-2024",
            "21200.00",
        ] {
            assert!(text.contains(kept), "{kept} missing from {text}");
        }
        for dropped in ["赵六", "items", "Zhao", "in_words"] {
            assert!(!text.contains(dropped), "{dropped} leaked into {text}");
        }
    }
}
