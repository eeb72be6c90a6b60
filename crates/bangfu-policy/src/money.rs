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
    rounded.to_string()
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
    fn a_third_of_21200_is_7066_67() {
        let per_capita = Decimal::from(21200) / Decimal::from(3);
        assert_eq!(format_money(per_capita), "7066.67");
    }
}
