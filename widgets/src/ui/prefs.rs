//! The 大字 (长辈) preference: a device setting, not personal data. One fixed small
//! localStorage key shared by every widget on every page of the portal; the stored value is
//! read defensively (only "1" or "0" mean anything). Every widget on the page switches
//! together: a toggle writes the key and tells the others with a window event; other tabs hear
//! of it through the browser's `storage` event.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::storage;

/// The localStorage key of the preference.
pub const KEY: &str = "bangfu:prefs:v1:large-text";
/// The window event that tells every widget on the page (detail: `true` / `false`).
pub const EVENT: &str = "bangfu-large-text";

/// What a stored value means: `Some(on)` for exactly "1" / "0" (spaces around allowed),
/// `None` for anything else (missing, altered, oversized).
pub fn parse(stored: Option<&str>) -> Option<bool> {
    match stored.filter(|s| s.len() <= 8).map(str::trim) {
        Some("1") => Some(true),
        Some("0") => Some(false),
        _ => None,
    }
}

/// The preference stored on this device, if any.
pub fn stored() -> Option<bool> {
    parse(storage::get(KEY).ok().flatten().as_deref())
}

/// Remembers the preference and tells every widget on the page.
pub fn remember(on: bool) {
    let _ = storage::set(KEY, if on { "1" } else { "0" });
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&wasm_bindgen::JsValue::from_bool(on));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Whether 长辈 mode is on, and the callback that switches it (for every widget on the page).
/// The device's stored choice wins over the page's `large-text` attribute, which is only the
/// default.
#[hook]
pub fn use_large_text(attribute: bool) -> (bool, Callback<bool>) {
    let on = use_state(move || stored().unwrap_or(attribute));
    {
        let on = on.clone();
        use_effect_with(attribute, move |a| {
            if stored().is_none() {
                on.set(*a);
            }
        });
    }
    {
        let on = on.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let detail = e
                    .dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|c| c.detail().as_bool());
                if let Some(v) = detail.or_else(stored) {
                    on.set(v);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                for name in [EVENT, "storage"] {
                    let _ =
                        w.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(w) = &window {
                    for name in [EVENT, "storage"] {
                        let _ = w.remove_event_listener_with_callback(
                            name,
                            listener.as_ref().unchecked_ref(),
                        );
                    }
                }
                drop(listener);
            }
        });
    }
    let set = {
        let on = on.clone();
        Callback::from(move |v: bool| {
            on.set(v);
            remember(v);
        })
    };
    (*on, set)
}

/// The visible 大字 switch in every widget's header, `on` or not; a tap asks `onchange` for
/// the other. A plain function (no hooks), so it costs no component of its own in the bundle.
pub fn large_text_toggle(on: bool, onchange: &Callback<bool>) -> Html {
    let onclick = {
        let cb = onchange.clone();
        Callback::from(move |_: MouseEvent| cb.emit(!on))
    };
    html! {
        <button type="button" class={classes!("bf-large-toggle", on.then_some("on"))} onclick={onclick}
            aria-pressed={if on { "true" } else { "false" }} data-testid="large-text-toggle"
            title={if on { "点一下恢复正常字号" } else { "点一下把字和按钮放大（长辈模式）" }}>
            if on { <span aria-hidden="true">{"✓ "}</span> }
            {"大字"}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_clean_one_or_zero_is_a_stored_choice() {
        let cases: [(&str, Option<&str>, Option<bool>); 8] = [
            ("nothing stored", None, None),
            ("on", Some("1"), Some(true)),
            ("off", Some("0"), Some(false)),
            ("spaces around", Some(" 1 "), Some(true)),
            ("a word", Some("true"), None),
            ("markup", Some("<script>1</script>"), None),
            ("oversized", Some("1                 "), None),
            ("empty", Some(""), None),
        ];
        for (name, stored, want) in cases {
            assert_eq!(parse(stored), want, "{name}");
        }
    }
}
