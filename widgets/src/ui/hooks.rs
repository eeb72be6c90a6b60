//! Hooks shared by the widgets.

use std::rc::Rc;

use bangfu_policy::Response;
use yew::prelude::*;

use super::browser;

/// Tells the host page about every new `ok` result (while `show` is true): a `bangfu-result`
/// CustomEvent (bubbles, composed) with `{ "calculator": …, "response": <api.md response> }`.
#[hook]
pub fn use_announce(root: NodeRef, calculator: &'static str, response: Rc<Response>, show: bool) {
    use_effect_with((response, show), move |(r, show)| {
        if r.ok && *show {
            if let Some(node) = root.get() {
                let detail = format!(
                    "{{\"calculator\":\"{calculator}\",\"response\":{}}}",
                    r.to_json()
                );
                browser::dispatch(&node, "bangfu-result", &detail);
            }
        }
    });
}
