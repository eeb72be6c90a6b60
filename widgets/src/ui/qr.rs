//! QR codes drawn on the device (nothing is sent anywhere): the `qrcode` crate computes the
//! modules, this draws them as one SVG path so the code stays sharp at any size.

use qrcode::{Color, EcLevel, QrCode};
use yew::prelude::*;

/// Longest text put into a code (bytes): beyond this a phone camera struggles to read it off
/// another phone's screen.
pub const MAX_BYTES: usize = 600;

/// The modules of `text` as (width in modules, SVG path data), or `None` when it is too long.
pub fn modules(text: &str) -> Option<(usize, String)> {
    let (width, dark) = dark_modules(text)?;
    let mut d = String::new();
    for (i, on) in dark.iter().enumerate() {
        if *on {
            d.push_str(&format!("M{} {}h1v1h-1z", i % width, i / width));
        }
    }
    Some((width, d))
}

/// The modules of `text` as (width, dark or not, row by row), for drawing on a canvas.
pub fn dark_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    if text.len() > MAX_BYTES {
        return None;
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    Some((
        width,
        code.to_colors().iter().map(|c| *c == Color::Dark).collect(),
    ))
}

#[derive(Properties, PartialEq, Clone)]
pub struct QrProps {
    pub text: AttrValue,
    /// What the code holds, for screen readers.
    pub label: AttrValue,
    pub testid: AttrValue,
}

/// A QR code with a quiet zone of four modules.
#[component]
pub fn QrCodeView(props: &QrProps) -> Html {
    let Some((width, d)) = modules(&props.text) else {
        return html! {};
    };
    let size = width + 8;
    html! {
        <svg class="qr" viewBox={format!("-4 -4 {size} {size}")} role="img" aria-label={props.label.clone()}
            data-testid={props.testid.clone()} data-modules={width.to_string()} shape-rendering="crispEdges">
            <rect x="-4" y="-4" width={size.to_string()} height={size.to_string()} fill="#fff" />
            <path d={d} fill="#000" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_makes_a_code_and_long_text_none() {
        let (width, d) = modules("帮扶自查 2024-06-01").unwrap();
        assert!((21..=41).contains(&width), "{width}");
        assert!(
            d.starts_with("M0 0h1v1h-1z"),
            "finder pattern at the corner"
        );
        assert!(modules(&"字".repeat(MAX_BYTES)).is_none());
    }
}
