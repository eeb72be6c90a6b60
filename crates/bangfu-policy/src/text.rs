//! Reading numbers and dates the way people type them: full-width digits (１２３), thousands
//! separators (36,000), units (3.6万, 8千元), a currency sign (￥), Chinese date forms
//! (2024年5月1日, 2024/5/1). Every widget and the JSON API share these functions, so a value
//! typed anywhere means the same thing everywhere.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Why text is not an acceptable number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
    NotWhole,
}

/// Why text is not an acceptable date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Malformed,
    /// The parts are numbers but name no real day (2024-02-30, 2023-13-01).
    NoSuchDay {
        year: i32,
        month: u32,
        day: u32,
    },
}

/// Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, ideographic and other spaces to ' ',
/// the ideographic full stop to '.', and the minus sign (U+2212) to '-'.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
            '。' => '.',
            '\u{2212}' | '\u{2013}' | '\u{2014}' => '-',
            _ => c,
        })
        .collect()
}

/// Largest number of integer digits accepted before any unit is applied.
const MAX_INT_DIGITS: usize = 15;

/// Parses a non-negative decimal as typed by a person.
///
/// Accepts: `7800`, `7,800.5`, `7 800`, `１２３`, `3.6万`, `3.6万元`, `8千`, `￥120`, `120元`,
/// `+5`, and amounts said in Chinese numerals (`一万二`, `三千五`, `两万`, `一万二千五百元`;
/// see [`chinese_amount`]). Refuses: negatives, exponents (`1e9`), several dots, misplaced commas, letters.
/// The result is exact (no floating point) and normalised (no trailing zeros).
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let half = to_half_width(text);
    let mut s = half.trim();
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    for prefix in ["￥", "¥", "RMB", "rmb"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
        }
    }
    if let Some(rest) = s.strip_suffix('元') {
        s = rest.trim_end();
    }
    if let Some(n) = chinese_amount(s) {
        return Ok(Decimal::from(n));
    }
    let mut multiplier = Decimal::ONE;
    if let Some(rest) = s.strip_suffix('万') {
        s = rest.trim_end();
        multiplier = Decimal::from(10_000u32);
    } else if let Some(rest) = s.strip_suffix('千') {
        s = rest.trim_end();
        multiplier = Decimal::from(1_000u32);
    }
    let negative = s.starts_with('-');
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('+')) {
        s = rest.trim_start();
    }
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let int_digits = strip_separators(int_part).ok_or(NumberError::NotANumber)?;
    let frac_digits = frac_part.unwrap_or("");
    if !frac_digits.bytes().all(|b| b.is_ascii_digit())
        || frac_part.is_some_and(str::is_empty)
        || (int_digits.is_empty() && frac_digits.is_empty())
    {
        return Err(NumberError::NotANumber);
    }
    if negative {
        return Err(NumberError::Negative);
    }
    let int_trimmed = int_digits.trim_start_matches('0');
    if int_trimmed.len() > MAX_INT_DIGITS {
        return Err(NumberError::TooLarge);
    }
    let frac_trimmed = frac_digits.trim_end_matches('0');
    if frac_trimmed.len() > 20 {
        return Err(NumberError::TooManyDecimals);
    }
    let digits = format!("{int_trimmed}{frac_trimmed}");
    let mantissa: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| NumberError::NotANumber)?
    };
    let value = Decimal::try_from_i128_with_scale(mantissa, frac_trimmed.len() as u32)
        .map_err(|_| NumberError::TooLarge)?;
    value
        .checked_mul(multiplier)
        .map(|d| d.normalize())
        .ok_or(NumberError::TooLarge)
}

/// Removes thousands separators: commas, spaces or apostrophes must group digits by three
/// (`36,000`, `36 000`), so a pasted "1\t2" or "12 5" is not silently read as one number.
/// Returns `None` for anything that is not digits.
fn strip_separators(int_part: &str) -> Option<String> {
    let trimmed = int_part.trim();
    if trimmed.contains([',', ' ', '\'']) {
        let groups: Vec<&str> = trimmed.split([',', ' ', '\'']).collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return None;
        }
    }
    let digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\''))
        .collect();
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

/// Signs read as "times" in an amount (`3500*8`, `3500×8`). Not the letter x: `0x10` is a
/// mistake to point out, not 0 × 10.
const TIMES: [char; 2] = ['*', '×'];

/// Measure words allowed after a factor of a product (`3500元*8个月`, `120*30亩`).
const FACTOR_UNITS: [&str; 9] = ["个月", "月", "天", "日", "亩", "次", "人", "头", "只"];

/// Reads `3500*8` (月工资 × 月数) as a product of at most three factors, each read by
/// `parse_decimal` (so `0.35万×8` works too); the product is exact.
fn parse_product(text: &str) -> Result<Decimal, NumberError> {
    let half = to_half_width(text);
    let factors: Vec<&str> = half.split(TIMES).collect();
    if factors.len() > 3 {
        return Err(NumberError::NotANumber);
    }
    let mut product = Decimal::ONE;
    for factor in factors {
        let mut f = factor.trim();
        for unit in FACTOR_UNITS {
            if let Some(rest) = f.strip_suffix(unit) {
                f = rest.trim_end();
                break;
            }
        }
        product = product
            .checked_mul(parse_decimal(f)?)
            .ok_or(NumberError::TooLarge)?;
    }
    Ok(product.normalize())
}

/// Parses an amount of money in yuan: a non-negative decimal with at most two decimals
/// (after applying 万/千, or multiplying out `3500*8`), below 10 billion yuan.
pub fn parse_money(text: &str) -> Result<Decimal, NumberError> {
    let value = if to_half_width(text).contains(TIMES) {
        parse_product(text)?
    } else {
        parse_decimal(text)?
    };
    if value.scale() > 2 || typed_decimals(text) > 2 {
        return Err(NumberError::TooManyDecimals);
    }
    if value >= Decimal::from(10_000_000_000u64) {
        return Err(NumberError::TooLarge);
    }
    Ok(value)
}

/// Digits typed after the point when no 万/千 unit scales them: "36.000" has three, so it is
/// refused even though its value has none (the user may have meant 36,000; rules.md §1 r2).
fn typed_decimals(text: &str) -> usize {
    let half = to_half_width(text);
    if half.contains(['万', '千']) {
        return 0;
    }
    half.split_once('.').map_or(0, |(_, f)| {
        f.chars().take_while(char::is_ascii_digit).count()
    })
}

/// Parses an amount that may be negative (a per-capita net income can be): `-2000`, `－2000`.
pub fn parse_signed_money(text: &str) -> Result<Decimal, NumberError> {
    let half = to_half_width(text);
    let t = half.trim();
    match t.strip_prefix('-') {
        Some(rest) => parse_money(rest).map(|v| -v),
        None => parse_money(t),
    }
}

/// Parses a whole count, allowing a trailing measure word (`4人`, `4口`, `5天`, `3个`, an age
/// `68岁`, `68周岁`) and Chinese numerals (`六十八`, `一百零二`, `十五`, `两`).
pub fn parse_whole(text: &str) -> Result<u64, NumberError> {
    let half = to_half_width(text);
    let mut s = half.trim();
    if let Some(rest) = s.strip_suffix("周岁") {
        s = rest.trim_end();
    } else {
        for suffix in ['人', '口', '天', '个', '年', '月', '名', '岁'] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.trim_end();
                break;
            }
        }
    }
    if let Some(n) = chinese_whole(s) {
        return Ok(n);
    }
    let value = parse_decimal(s)?;
    if !value.fract().is_zero() {
        return Err(NumberError::NotWhole);
    }
    u64::try_from(value).map_err(|_| NumberError::TooLarge)
}

/// A whole number written in Chinese numerals below 10,000: `六十八` 68, `十五` 15,
/// `一百零二` 102, `一百二` 120 (the spoken short form), `二〇二四` 2024 (digit by digit).
/// `None` for anything else, including mixed or out-of-order forms (`十百`, `五十五十`).
fn chinese_whole(s: &str) -> Option<u64> {
    let digit = |c: char| -> Option<u64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || chars.len() > 12 {
        return None;
    }
    // Digit by digit (二〇二四).
    if chars.len() > 1 && chars.iter().all(|c| digit(*c).is_some()) {
        return chars
            .iter()
            .try_fold(0u64, |n, c| Some(n * 10 + digit(*c)?));
    }
    let (mut total, mut pending, mut last_unit, mut after_zero) =
        (0u64, None::<u64>, 10_000u64, false);
    for c in chars {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                return None;
            }
            if d == 0 {
                after_zero = true;
            } else {
                pending = Some(d);
            }
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if unit >= last_unit {
            return None;
        }
        // 十五 = 15: a bare 十 means one ten; 百 and 千 need their digit.
        let times = match (pending.take(), unit) {
            (Some(d), _) => d,
            (None, 10) if total == 0 => 1,
            (None, 10) if after_zero => 1,
            _ => return None,
        };
        total += times * unit;
        last_unit = unit;
        after_zero = false;
    }
    Some(match pending {
        // 一百二 = 120: a trailing digit right after 百 or 千 counts in the next unit down.
        Some(d) if !after_zero && (100..10_000).contains(&last_unit) => {
            total + d * (last_unit / 10)
        }
        Some(d) => total + d,
        None => total,
    })
}

/// A whole amount said in Chinese numerals, below 100 million: `一万二` 12,000 (a lone digit
/// after 万 counts in thousands, as it is said), `三千五` 3,500, `两万` 20,000,
/// `一万二千五百` 12,500, `一万零五百` 10,500, `五百` 500. `None` for anything else, including
/// digit-by-digit forms (`二三`), which are years or codes rather than amounts.
fn chinese_amount(s: &str) -> Option<u64> {
    let below_wan = |part: &str| -> Option<u64> {
        let spelt_out = part.chars().count() > 1 && !part.contains(['十', '百', '千']);
        if spelt_out {
            return None;
        }
        chinese_whole(part)
    };
    let Some((high, low)) = s.split_once('万') else {
        return below_wan(s);
    };
    let wan = below_wan(high)?;
    let rest = match low.chars().collect::<Vec<_>>().as_slice() {
        [] => 0,
        // 一万二 = 12,000.
        [d] => below_wan(&d.to_string())? * 1000,
        ['零', ..] => below_wan(low.trim_start_matches('零'))?,
        _ => below_wan(low)?,
    };
    (rest < 10_000 && wan > 0).then(|| wan * 10_000 + rest)
}

/// Parses a ratio typed as a percentage, in tenths or as a fraction: `60%`, `60 %`,
/// `百分之六十`, `百分之60`, `六成`, `7成`, `0.6`. The result is between 0 and 1; above 1
/// (`60` without `%`) is refused rather than guessed.
pub fn parse_ratio(text: &str) -> Result<Decimal, NumberError> {
    let half = to_half_width(text);
    let s = half.trim();
    let (number, scale) = if let Some(rest) = s.strip_suffix('%') {
        (rest.trim_end(), Decimal::ONE_HUNDRED)
    } else if let Some(rest) = s.strip_prefix("百分之") {
        (rest.trim_start(), Decimal::ONE_HUNDRED)
    } else if let Some(rest) = s.strip_suffix('成') {
        (rest.trim_end(), Decimal::TEN)
    } else {
        (s, Decimal::ONE)
    };
    let value = match chinese_whole(number) {
        Some(n) => Decimal::from(n),
        None => parse_decimal(number)?,
    };
    let value = value / scale;
    if value > Decimal::ONE {
        return Err(NumberError::TooLarge);
    }
    Ok(value.normalize())
}

/// What to tell a person whose typed ratio (`parse_ratio`) could not be read, beside the field.
pub fn ratio_message(e: NumberError) -> &'static str {
    match e {
        NumberError::Empty => "请填写比例，如 60% 或 0.6",
        NumberError::Negative => "比例不能是负数",
        NumberError::TooLarge => "比例不能超过 100%；60% 请写成“60%”或“0.6”",
        NumberError::TooManyDecimals => "小数位太多，请写成如 65% 或 0.65",
        NumberError::NotANumber | NumberError::NotWhole => {
            "没看懂这个比例，请写成如 60%、六成或 0.6"
        }
    }
}

/// Parses a date typed as `2024-05-01`, `2024-5-1`, `2024/5/1`, `2024.5.1` or `2024年5月1日`.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let half = to_half_width(text);
    let s = half.trim();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let unified: String = s
        .trim_end_matches('日')
        .trim_end_matches('号')
        .chars()
        .map(|c| match c {
            '年' | '月' | '/' | '.' => '-',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = unified.split('-').map(str::trim).collect();
    let well_formed = parts.len() == 3
        && parts[0].len() == 4
        && (1..=2).contains(&parts[1].len())
        && (1..=2).contains(&parts[2].len())
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return Err(DateError::Malformed);
    }
    let (year, month, day) = match (parts[0].parse(), parts[1].parse(), parts[2].parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Err(DateError::Malformed),
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_people_type_are_understood() {
        let cases = [
            ("7800", "7800"),
            ("7800.50", "7800.5"),
            ("７８００", "7800"),
            ("36,000", "36000"),
            ("３６，０００", "36000"),
            ("36 000", "36000"),
            ("3.6万", "36000"),
            ("3.6 万元", "36000"),
            ("8千", "8000"),
            ("￥120", "120"),
            ("120元", "120"),
            ("  42  ", "42"),
            ("+5", "5"),
            (".5", "0.5"),
            ("0.50", "0.5"),
            ("1.23456万", "12345.6"),
            ("3。5", "3.5"),
            ("1,234,567.89", "1234567.89"),
            ("1 234 567", "1234567"),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse_decimal(typed), Ok(d(expected)), "typed {typed:?}");
        }
    }

    #[test]
    fn text_that_is_not_an_amount_is_refused_with_the_reason() {
        use NumberError::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("abc", NotANumber),
            ("1e9", NotANumber),
            ("1.2.3", NotANumber),
            ("1,23", NotANumber),
            ("12,3456", NotANumber),
            ("1\t2", NotANumber),
            ("1\t200\t300", NotANumber),
            ("12 5", NotANumber),
            ("-5", Negative),
            ("－５", Negative),
            ("万", NotANumber),
            (".", NotANumber),
            ("5.", NotANumber),
            ("🙂", NotANumber),
            ("1234567890123456", TooLarge),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse_decimal(typed), Err(expected), "typed {typed:?}");
        }
    }

    #[test]
    fn amounts_said_in_chinese_numerals_are_read() {
        // Source: issue 13 (UX walk-through): an elder typed "一万二" as an income and was
        // told it was not an amount.
        let cases: [(&str, Result<Decimal, NumberError>); 17] = [
            ("一万二", Ok(d("12000"))),
            ("三千五", Ok(d("3500"))),
            ("两万", Ok(d("20000"))),
            ("一万二千五百", Ok(d("12500"))),
            ("一万二千五百元", Ok(d("12500"))),
            ("一万零五百", Ok(d("10500"))),
            ("五百", Ok(d("500"))),
            ("三万五", Ok(d("35000"))),
            ("十万", Ok(d("100000"))),
            ("十二万", Ok(d("120000"))),
            ("八", Ok(d("8"))),
            ("二三", Err(NumberError::NotANumber)),
            ("一万二三", Err(NumberError::NotANumber)),
            ("万二", Err(NumberError::NotANumber)),
            ("零万", Err(NumberError::NotANumber)),
            ("一万万", Err(NumberError::NotANumber)),
            ("一万二点五", Err(NumberError::NotANumber)),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_decimal(typed), want, "typed {typed:?}");
        }
        assert_eq!(parse_money("一万二"), Ok(d("12000")));
        assert_eq!(parse_signed_money("-三千五"), Ok(d("-3500")));
    }

    proptest::proptest! {
        #[test]
        fn reading_any_text_never_panics(s in "[一二两三四五六七八九十百千万零〇元点0-9.,-]{0,14}|\\PC{0,20}") {
            let _ = parse_decimal(&s);
            let _ = parse_money(&s);
            let _ = parse_signed_money(&s);
            let _ = parse_whole(&s);
        }
    }

    #[test]
    fn money_keeps_at_most_two_decimals_after_units() {
        assert_eq!(parse_money("12.345"), Err(NumberError::TooManyDecimals));
        assert_eq!(
            parse_money("1.2345678万"),
            Err(NumberError::TooManyDecimals)
        );
        // (r2) three typed decimals are refused even when zeros: "36.000" may mean 36,000.
        assert_eq!(parse_money("12.340"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_money("36.000"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_money("36.00"), Ok(d("36")));
        assert_eq!(parse_money("3.600万"), Ok(d("36000")));
        assert_eq!(parse_money("100000万"), Ok(d("1000000000")));
        assert_eq!(parse_money("100万万"), Err(NumberError::NotANumber));
        assert_eq!(parse_money("10000000000"), Err(NumberError::TooLarge));
    }

    #[test]
    fn a_monthly_wage_times_months_is_multiplied_out() {
        // Source: issue 13 ("accept 3500*8 or a 月数 × 月工资 helper"); cadres write wages
        // as 月工资 × 月数 on their worksheets.
        let cases = [
            ("3500*8", Ok(d("28000"))),
            ("3500 × 8", Ok(d("28000"))),
            ("３５００＊８", Ok(d("28000"))),
            ("3500x8", Err(NumberError::NotANumber)),
            ("0x10", Err(NumberError::NotANumber)),
            ("3500元*8个月", Ok(d("28000"))),
            ("0.35万×8", Ok(d("28000"))),
            ("120*30亩", Ok(d("3600"))),
            ("150*20*3", Ok(d("9000"))),
            ("12.5*3", Ok(d("37.5"))),
            ("3500*", Err(NumberError::Empty)),
            ("*8", Err(NumberError::Empty)),
            // A factor said in Chinese numerals is read like any other amount.
            ("3500*八", Ok(d("28000"))),
            ("3500*-8", Err(NumberError::Negative)),
            ("1*2*3*4", Err(NumberError::NotANumber)),
            ("0.333*3", Err(NumberError::TooManyDecimals)),
            ("99999999*99999999", Err(NumberError::TooLarge)),
            ("1e3*2", Err(NumberError::NotANumber)),
        ];
        for (typed, expected) in cases {
            assert_eq!(parse_money(typed), expected, "typed {typed:?}");
        }
    }

    #[test]
    fn whole_numbers_allow_a_measure_word() {
        assert_eq!(parse_whole("4"), Ok(4));
        assert_eq!(parse_whole("４人"), Ok(4));
        assert_eq!(parse_whole("5 口"), Ok(5));
        assert_eq!(parse_whole("4.0"), Ok(4));
        assert_eq!(parse_whole("2.5"), Err(NumberError::NotWhole));
        assert_eq!(parse_whole("-1"), Err(NumberError::Negative));
        assert_eq!(parse_whole("四"), Ok(4));
        assert_eq!(parse_whole("四个"), Ok(4));
    }

    #[test]
    fn ages_as_people_say_them_are_read() {
        // (what was typed, what it means) — issue 13: an elder types "68岁" or "六十八".
        let cases: [(&str, Result<u64, NumberError>); 18] = [
            ("68", Ok(68)),
            ("68岁", Ok(68)),
            ("68 岁", Ok(68)),
            ("68周岁", Ok(68)),
            ("６８岁", Ok(68)),
            ("六十八", Ok(68)),
            ("六十八岁", Ok(68)),
            ("七十一周岁", Ok(71)),
            ("十五", Ok(15)),
            ("十", Ok(10)),
            ("二十", Ok(20)),
            ("一百零二", Ok(102)),
            ("一百二", Ok(120)),
            ("两", Ok(2)),
            ("二〇二四", Ok(2024)),
            ("十百", Err(NumberError::NotANumber)),
            ("五十五十", Err(NumberError::NotANumber)),
            ("六十八点五", Err(NumberError::NotANumber)),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_whole(typed), want, "{typed}");
        }
    }

    #[test]
    fn ratios_are_read_from_percentages_and_fractions() {
        let cases: [(&str, Result<Decimal, NumberError>); 13] = [
            ("60%", Ok(d("0.6"))),
            ("六成", Ok(d("0.6"))),
            ("7成", Ok(d("0.7"))),
            ("65.5%", Ok(d("0.655"))),
            ("-10%", Err(NumberError::Negative)),
            ("60 %", Ok(d("0.6"))),
            ("６０％", Ok(d("0.6"))),
            ("百分之六十", Ok(d("0.6"))),
            ("百分之60", Ok(d("0.6"))),
            ("0.6", Ok(d("0.6"))),
            ("100%", Ok(d("1"))),
            ("60", Err(NumberError::TooLarge)),
            ("六成五", Err(NumberError::NotANumber)),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_ratio(typed), want, "{typed}");
        }
    }

    #[test]
    fn dates_in_the_usual_chinese_forms_are_read() {
        let may_day = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
        for typed in [
            "2024-05-01",
            "2024-5-1",
            "2024/5/1",
            "2024.05.01",
            "2024年5月1日",
            "２０２４年５月１日",
            "2024年5月1号",
        ] {
            assert_eq!(parse_date(typed), Ok(may_day), "typed {typed:?}");
        }
        assert_eq!(
            parse_date("2024/2/30"),
            Err(DateError::NoSuchDay {
                year: 2024,
                month: 2,
                day: 30
            })
        );
        assert_eq!(
            parse_date("2024-13-01"),
            Err(DateError::NoSuchDay {
                year: 2024,
                month: 13,
                day: 1
            })
        );
        assert_eq!(parse_date("24-5-1"), Err(DateError::Malformed));
        assert_eq!(parse_date("明天"), Err(DateError::Malformed));
        assert_eq!(parse_date(""), Err(DateError::Empty));
    }
}
