//! Numbers for the SVG pictures without floating point: figures are read as `Decimal` (the
//! engine's strings) and positions are whole user units (tenths, written with integer
//! arithmetic, where a sloping line would show the rounding), so no float parsing or
//! formatting code ships in the bundle.

use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// The engine's figure `text` (e.g. `"7066.67"`); zero when it is not a number.
pub fn amount(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_default()
}

/// `d` rounded half away from zero to a whole number (0 if out of range).
pub fn whole(d: Decimal) -> i64 {
    d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
        .unwrap_or(0)
}

/// `d` with one decimal, rounded half away from zero (`"8.3"`).
pub fn tenths(d: Decimal) -> String {
    let mut out = String::new();
    push_tenths(&mut out, d.checked_mul(Decimal::TEN).map_or(0, whole));
    out
}

/// Appends `t` tenths as a number with one decimal (`83` → `8.3`), with integer arithmetic:
/// for curves, where whole units would show as a wobble on a sloping line.
pub fn push_tenths(out: &mut String, t: i64) {
    if t < 0 {
        out.push('-');
    }
    out.push_str(&(t.unsigned_abs() / 10).to_string());
    out.push('.');
    out.push(char::from(b'0' + (t.unsigned_abs() % 10) as u8));
}

/// Where `value` falls on a scale of `span` units from 0 to `top`, rounded to a whole unit;
/// values outside 0..=top are drawn at the ends, and an empty scale draws everything at 0.
pub fn scale(value: Decimal, top: Decimal, span: i64) -> i64 {
    if top <= Decimal::ZERO {
        return 0;
    }
    let v = value.clamp(Decimal::ZERO, top);
    v.checked_mul(Decimal::from(span))
        .and_then(|x| x.checked_div(top))
        .map_or(0, whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn positions_are_whole_units_rounded_half_away_from_zero() {
        assert_eq!(scale(d("7066.67"), d("15600"), 300), 136);
        assert_eq!(scale(d("50"), d("100"), 120), 60);
        assert_eq!(scale(d("-5"), d("100"), 120), 0);
        assert_eq!(scale(d("500"), d("100"), 120), 120);
        assert_eq!(scale(d("5"), Decimal::ZERO, 120), 0);
        assert_eq!(scale(d("1"), d("8"), 1), 0);
        assert_eq!(scale(d("1"), d("2"), 1), 1);
        assert_eq!(whole(d("2.5")), 3);
        assert_eq!(whole(d("-2.5")), -3);
    }

    #[test]
    fn tenths_show_one_decimal() {
        assert_eq!(tenths(d("8.3375")), "8.3");
        assert_eq!(tenths(d("0.05")), "0.1");
        assert_eq!(tenths(d("12")), "12.0");
        assert_eq!(tenths(d("-0.25")), "-0.3");
        assert_eq!(amount("不是数"), Decimal::ZERO);
        let mut out = String::new();
        for t in [1560, 5, -7] {
            push_tenths(&mut out, t);
            out.push(' ');
        }
        assert_eq!(out, "156.0 0.5 -0.7 ");
    }
}
