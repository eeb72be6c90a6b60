//! Small browser services for the widgets: the device's date (widgets may read the clock; the
//! engine never does), events to the host page, and file downloads made in the browser.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Today on this device as `YYYY-MM-DD` (local time).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Milliseconds since the epoch, for "saved at" labels.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// "11-29 10:20" for a saved-at time.
pub fn short_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}-{:02} {:02}:{:02}",
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// "10:20" for a saved-at time (device clock, local time).
pub fn clock_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// The custom element that hosts the shadow root `node` lives in.
pub fn host_of(node: &Node) -> Option<Element> {
    node.get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .map(|r| r.host())
}

/// Dispatches a `bubbles: true, composed: true` CustomEvent with a JSON detail on the host.
pub fn dispatch(node: &Node, name: &str, detail_json: &str) {
    let Some(host) = host_of(node) else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&js_sys::JSON::parse(detail_json).unwrap_or(wasm_bindgen::JsValue::NULL));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Offers `text` as a file download (a blob URL: nothing leaves the device).
pub fn download(node: &Node, file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return false;
    };
    download_blob(node, file_name, &blob)
}

/// Offers `blob` as a file download named `file_name` through a short-lived anchor in `node`
/// (a blob URL: nothing leaves the device).
pub fn download_blob(node: &Node, file_name: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let Some(document) = node.owner_document() else {
        return false;
    };
    let Ok(a) = document.create_element("a") else {
        return false;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    a.set_href(&url);
    a.set_download(file_name);
    // The anchor lives in the shadow root briefly so the host page never sees it.
    let _ = node.append_child(&a);
    a.click();
    let _ = node.remove_child(&a);
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Focuses the element with `data-testid` inside the widget whose root is `root` (used after
/// adding a row, so keyboard users continue in the new row).
pub fn focus_testid(root: &Node, testid: &str) {
    let Ok(el) = root.dyn_ref::<Element>().map_or(Ok(None), |e| {
        e.query_selector(&format!("[data-testid=\"{testid}\"]"))
    }) else {
        return;
    };
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Now in UTC as iCalendar's `YYYYMMDDTHHMMSSZ` (the DTSTAMP of exported events).
pub fn utc_stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}

/// Opens the browser's print dialog for the page (the widget's print stylesheet applies).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Saves `lines` and a QR code of `qr_text` as a PNG picture (drawn on a canvas on the device;
/// nothing is sent). Long lines wrap. Returns false where the browser cannot draw.
pub fn save_picture(node: &Node, file_name: &str, lines: &[String], qr_text: &str) -> bool {
    const WIDTH: f64 = 720.0;
    const LINE: f64 = 40.0;
    const PER_LINE: usize = 26;
    let Some(document) = node.owner_document() else {
        return false;
    };
    let wrapped: Vec<String> = lines
        .iter()
        .flat_map(|l| {
            let chars: Vec<char> = l.chars().collect();
            if chars.is_empty() {
                return vec![String::new()];
            }
            chars
                .chunks(PER_LINE)
                .map(|c| c.iter().collect())
                .collect::<Vec<String>>()
        })
        .collect();
    let qr = super::qr::dark_modules(qr_text);
    let qr_size = qr.as_ref().map_or(0.0, |(w, _)| (*w as f64 + 8.0) * 6.0);
    let height = 40.0 + wrapped.len() as f64 * LINE + qr_size + 20.0;
    let Ok(canvas) = document
        .create_element("canvas")
        .map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>())
    else {
        return false;
    };
    canvas.set_width(WIDTH as u32);
    canvas.set_height(height as u32);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return false;
    };
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, WIDTH, height);
    ctx.set_fill_style_str("#000000");
    ctx.set_font("26px sans-serif");
    for (i, l) in wrapped.iter().enumerate() {
        let _ = ctx.fill_text(l, 20.0, 44.0 + i as f64 * LINE);
    }
    if let Some((w, dark)) = qr {
        let top = 40.0 + wrapped.len() as f64 * LINE;
        for (i, on) in dark.iter().enumerate() {
            if *on {
                ctx.fill_rect(
                    20.0 + (4 + i % w) as f64 * 6.0,
                    top + (4 + i / w) as f64 * 6.0,
                    6.0,
                    6.0,
                );
            }
        }
    }
    let Ok(url) = canvas.to_data_url_with_type("image/png") else {
        return false;
    };
    let Ok(a) = document
        .create_element("a")
        .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(file_name);
    let _ = node.append_child(&a);
    a.click();
    let _ = node.remove_child(&a);
    true
}

/// A warning in the browser console (for the portal's webmaster, not the user).
pub fn warn(text: &str) {
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(text));
}
