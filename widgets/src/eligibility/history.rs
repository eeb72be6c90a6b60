//! One browser-history entry per step of the public self-check, so the phone's back gesture
//! goes to the previous question (and forward comes back) instead of leaving the page. The
//! entry's state object holds only the step number under this widget's instance, merged into
//! whatever state the page keeps; nothing goes into the URL.

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The key of our part of `history.state`.
const STATE_KEY: &str = "bangfu-eligibility";
/// A history position is `step × SCREENS_PER_STEP + screen` (长辈 mode has one screen a
/// question: up to 5 a member and 30 members).
pub const SCREENS_PER_STEP: usize = 1000;
/// The largest position recorded (anything larger read back is not ours).
const MAX_POSITION: f64 = 10.0 * SCREENS_PER_STEP as f64;

/// The step this instance recorded in a history state object, if any.
fn step_in(state: &JsValue, instance: &str) -> Option<usize> {
    let ours = Reflect::get(state, &JsValue::from_str(STATE_KEY)).ok()?;
    if !ours.is_object() {
        return None;
    }
    let step = Reflect::get(&ours, &JsValue::from_str(instance))
        .ok()?
        .as_f64()?;
    (step.is_finite() && (0.0..=MAX_POSITION).contains(&step)).then_some(step as usize)
}

/// The page's current state with our step for `instance` merged in.
fn with_step(current: &JsValue, instance: &str, step: usize) -> JsValue {
    let state = Object::new();
    if current.is_object() {
        let _ = Object::assign(&state, &Object::from(current.clone()));
    }
    let ours = Object::new();
    if let Ok(old) = Reflect::get(current, &JsValue::from_str(STATE_KEY)) {
        if old.is_object() {
            let _ = Object::assign(&ours, &Object::from(old));
        }
    }
    let _ = Reflect::set(
        &ours,
        &JsValue::from_str(instance),
        &JsValue::from_f64(step as f64),
    );
    let _ = Reflect::set(&state, &JsValue::from_str(STATE_KEY), &ours);
    state.into()
}

/// Keeps `step` and the browser history in step: a new entry when the person moves to another
/// step, `on_pop(step)` when the back or forward gesture lands on one of our entries.
#[hook]
pub fn use_step_history(enabled: bool, instance: AttrValue, step: usize, on_pop: Callback<usize>) {
    // The step the current history entry records.
    let recorded = use_mut_ref(|| None::<usize>);
    {
        let (recorded, instance) = (recorded.clone(), instance.clone());
        use_effect_with(step, move |step| {
            let history = web_sys::window().and_then(|w| w.history().ok());
            if let (true, Some(h)) = (enabled, history) {
                let current = h.state().unwrap_or(JsValue::NULL);
                let mut recorded = recorded.borrow_mut();
                match *recorded {
                    // First render (or a reload): label the entry we are on.
                    None => {
                        let _ = h.replace_state(&with_step(&current, &instance, *step), "");
                    }
                    Some(r) if r != *step => {
                        let _ = h.push_state(&with_step(&current, &instance, *step), "");
                    }
                    _ => {}
                }
                *recorded = Some(*step);
            }
        });
    }
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let state = e
                .dyn_ref::<web_sys::PopStateEvent>()
                .map(|p| p.state())
                .unwrap_or(JsValue::NULL);
            if let Some(step) = step_in(&state, &instance) {
                *recorded.borrow_mut() = Some(step);
                on_pop.emit(step);
            }
        });
        if let (true, Some(w)) = (enabled, &window) {
            let _ =
                w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback(
                    "popstate",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    });
}
