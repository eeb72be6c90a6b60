//! Whether a finger or mouse button is down right now, and "when it lifts". A field that is
//! checked on leaving waits for the tap that moved the focus to finish before it shows its
//! message: a message appearing at the press would move the button under the finger, and the
//! tap would miss it.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static DOWN: Cell<bool> = const { Cell::new(false) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    static AFTER_UP: RefCell<Vec<Box<dyn FnOnce()>>> = RefCell::new(Vec::new());
}

/// Listens (once a page, capture phase) for presses and releases.
pub fn watch() {
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let down = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| {
        DOWN.with(|d| d.set(true));
    });
    let up = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| {
        DOWN.with(|d| d.set(false));
        let pending = AFTER_UP.with(|a| a.take());
        for f in pending {
            f();
        }
    });
    for kind in ["pointerdown", "mousedown", "touchstart"] {
        let _ = window.add_event_listener_with_callback_and_bool(
            kind,
            down.as_ref().unchecked_ref(),
            true,
        );
    }
    for kind in [
        "pointerup",
        "pointercancel",
        "mouseup",
        "touchend",
        "touchcancel",
    ] {
        let _ = window.add_event_listener_with_callback_and_bool(
            kind,
            up.as_ref().unchecked_ref(),
            true,
        );
    }
    // One pair of listeners for the life of the page.
    down.forget();
    up.forget();
}

/// Runs `f` now, or when the finger or button that is down lifts.
pub fn after_press(f: impl FnOnce() + 'static) {
    if DOWN.with(Cell::get) {
        AFTER_UP.with(|a| a.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}
