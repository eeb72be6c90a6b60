//! Money: exact decimals, rounded only for display and comparison, to the 分 (0.01),
//! midpoint away from zero (四舍五入) — rules.md "Conventions".

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to the cent, 四舍五入 (never banker's rounding).
pub fn round_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Per-capita net income: net income ÷ household size, rounded to the cent 四舍五入
/// (rules.md §1). `None` for a size of 0 or on overflow.
pub fn per_capita_net(net: Decimal, household_size: u64) -> Option<Decimal> {
    if household_size == 0 {
        return None;
    }
    net.checked_div(Decimal::from(household_size))
        .map(round_cents)
}

/// Formats an amount with exactly two decimals, after rounding to the cent: `7800.00`.
pub fn format_money(value: Decimal) -> String {
    let mut rounded = round_cents(value);
    rounded.rescale(2);
    // Written from the integer of cents: the engine formats a dozen amounts a request, and
    // `Decimal`'s `Display` was a sixth of a batch household's time.
    let cents = rounded.mantissa().unsigned_abs();
    match (rounded.scale(), u64::try_from(cents)) {
        (2, Ok(cents)) => {
            let mut out = String::with_capacity(24);
            if rounded.is_sign_negative() && cents != 0 {
                out.push('-');
            }
            out.push_str(&(cents / 100).to_string());
            out.push('.');
            let c = (cents % 100) as u8;
            out.push(char::from(b'0' + c / 10));
            out.push(char::from(b'0' + c % 10));
            out
        }
        _ => rounded.to_string(),
    }
}

/// Formats a ratio with exactly two decimals (`0.60`), rounded 四舍五入.
pub fn format_ratio(value: Decimal) -> String {
    format_money(value)
}

/// Formats a number without trailing zeros (`7800`, `0.6`), for parameters and counts.
pub fn format_plain(value: Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn half_cents_round_away_from_zero_not_to_even() {
        // (input, expected) — strategy: MidpointAwayFromZero on every row.
        let rows = [
            ("0.005", "0.01"),
            ("0.015", "0.02"),
            ("0.025", "0.03"),
            ("7066.665", "7066.67"),
            ("7066.6649", "7066.66"),
            ("-0.005", "-0.01"),
            ("7800", "7800.00"),
            ("7800.5", "7800.50"),
        ];
        for (input, expected) in rows {
            let d = Decimal::from_str(input).unwrap();
            assert_eq!(format_money(d), expected, "MidpointAwayFromZero of {input}");
        }
    }

    #[test]
    fn amounts_are_written_as_decimal_display_writes_them() {
        // The hand-written cents writer against rust_decimal's Display, over signs, scales,
        // zeros (negative zero included) and sizes up to the largest Decimal.
        let reference = |v: Decimal| {
            let mut r = round_cents(v);
            r.rescale(2);
            r.to_string()
        };
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut values: Vec<Decimal> = ["-0.001", "-0", "0", "0.004", "-0.005", "99.995"]
            .iter()
            .map(|s| Decimal::from_str(s).unwrap())
            .chain([Decimal::MAX, Decimal::MIN, Decimal::from(u64::MAX)])
            .collect();
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let m = i64::from_ne_bytes(x.to_ne_bytes()) >> (x % 50);
            values.push(Decimal::new(m, (x % 7) as u32));
        }
        for v in values {
            assert_eq!(format_money(v), reference(v), "{v:?}");
        }
    }

    #[test]
    fn a_third_of_21200_is_7066_67() {
        let per_capita = Decimal::from(21200) / Decimal::from(3);
        assert_eq!(format_money(per_capita), "7066.67");
    }
}
