//! Amounts in Chinese capital numerals (大写金额) for the signed sheet, per 《会计基础工作规范》
//! (财会字〔1996〕19号) 第五十二条:
//! - 货币名称“人民币”直接写在金额前，不留空白；
//! - 到“元”或“角”为止的，其后写“整”；有“分”的，不写“整”；
//! - 数字中间有一个或连续几个“0”时，写一个“零”字；元位是“0”而角位不是“0”时，可写可不写
//!   “零” — this module writes it (“壹仟陆佰捌拾元零叁角贰分”, the code's first form).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::money::round_cents;

const DIGITS: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const SMALL_UNITS: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUP_UNITS: [&str; 4] = ["", "万", "亿", "万亿"];

/// Writes a whole number of yuan (< 10^16) in capitals, without “元”. Zero gives "".
fn integer_words(mut n: u64) -> String {
    let mut groups = Vec::new();
    while n > 0 {
        groups.push((n % 10_000) as usize);
        n /= 10_000;
    }
    let mut out = String::new();
    let mut zero_pending = false;
    for (k, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        // A gap before this group (a zero group, or fewer than four digits) reads as one 零.
        if !out.is_empty() && (zero_pending || group < 1000) {
            out.push_str(DIGITS[0]);
        }
        zero_pending = false;
        let mut inner_zero = false;
        for pos in (0..4).rev() {
            let d = group / 10usize.pow(pos as u32) % 10;
            if d == 0 {
                inner_zero = true;
                continue;
            }
            let started = group / 10usize.pow(pos as u32 + 1) > 0;
            if inner_zero && started {
                out.push_str(DIGITS[0]);
            }
            inner_zero = false;
            out.push_str(DIGITS[d]);
            out.push_str(SMALL_UNITS[pos]);
        }
        out.push_str(GROUP_UNITS[k.min(3)]);
    }
    out
}

/// 人民币 … 元 … 角 … 分/整 for an amount, rounded to the cent first. `None` beyond 10^16 yuan.
pub fn amount_in_words(amount: Decimal) -> Option<String> {
    let rounded = round_cents(amount);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let cents = (rounded.abs() * Decimal::ONE_HUNDRED).to_u64()?;
    let yuan = cents / 100;
    if yuan >= 10_000_000_000_000_000 {
        return None;
    }
    let jiao = (cents / 10 % 10) as usize;
    let fen = (cents % 10) as usize;

    let mut out = String::from("人民币");
    if negative {
        out.push('负');
    }
    if yuan == 0 && jiao == 0 && fen == 0 {
        out.push_str("零元整");
        return Some(out);
    }
    if yuan > 0 {
        out.push_str(&integer_words(yuan));
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) => out.push('整'),
        (0, f) => {
            if yuan > 0 {
                out.push_str(DIGITS[0]);
            }
            out.push_str(DIGITS[f]);
            out.push('分');
        }
        (j, f) => {
            if yuan > 0 && yuan % 10 == 0 {
                out.push_str(DIGITS[0]);
            }
            out.push_str(DIGITS[j]);
            out.push('角');
            if f == 0 {
                out.push('整');
            } else {
                out.push_str(DIGITS[f]);
                out.push('分');
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn amounts_are_written_as_the_accounting_standard_shows() {
        // (amount, expected) — source on each row.
        let rows = [
            (
                "1409.50",
                "人民币壹仟肆佰零玖元伍角整",
                "第五十二条 例：到角为止写“整”",
            ),
            (
                "6007.14",
                "人民币陆仟零柒元壹角肆分",
                "第五十二条 例：中间有0写“零”",
            ),
            (
                "1680.32",
                "人民币壹仟陆佰捌拾元零叁角贰分",
                "第五十二条 例：元位是0写“零”（第一种写法）",
            ),
            (
                "107000.53",
                "人民币壹拾万柒仟元零伍角叁分",
                "第五十二条 例：连续几个0写一个“零”",
            ),
            (
                "325.04",
                "人民币叁佰贰拾伍元零肆分",
                "第五十二条 例：角位是0写“零”",
            ),
            ("0", "人民币零元整", "零金额"),
            ("0.05", "人民币伍分", "只有分"),
            ("0.50", "人民币伍角整", "只有角"),
            ("10", "人民币壹拾元整", "拾位前写“壹”"),
            ("7800", "人民币柒仟捌佰元整", "2024 年监测范围"),
            (
                "7066.67",
                "人民币柒仟零陆拾陆元陆角柒分",
                "income-below-range 人均",
            ),
            ("10400", "人民币壹万零肆佰元整", "income-above-range 人均"),
            ("1000000", "人民币壹佰万元整", "整万"),
            ("100010000", "人民币壹亿零壹万元整", "万位组为零"),
            ("100000001", "人民币壹亿零壹元整", "中间全为零"),
            (
                "20304050.6",
                "人民币贰仟零叁拾万肆仟零伍拾元零陆角整",
                "多处零",
            ),
            ("-2000", "人民币负贰仟元整", "纯收入为负"),
            ("0.004", "人民币零元整", "四舍五入到分"),
            ("0.005", "人民币壹分", "四舍五入到分（远离零）"),
        ];
        for (amount, expected, source) in rows {
            let d = Decimal::from_str(amount).unwrap();
            assert_eq!(
                amount_in_words(d).as_deref(),
                Some(expected),
                "{amount} [{source}]"
            );
        }
    }

    #[test]
    fn every_amount_up_to_a_million_in_steps_reads_back_to_itself() {
        // Property: parse the capitals back into a number and compare (exhaustive on a grid).
        fn read_back(words: &str) -> u64 {
            let body = words.trim_start_matches("人民币");
            let mut total = 0u64;
            let mut section = 0u64;
            let mut digit = 0u64;
            for c in body.chars() {
                match c {
                    '零' => digit = 0,
                    '壹' => digit = 1,
                    '贰' => digit = 2,
                    '叁' => digit = 3,
                    '肆' => digit = 4,
                    '伍' => digit = 5,
                    '陆' => digit = 6,
                    '柒' => digit = 7,
                    '捌' => digit = 8,
                    '玖' => digit = 9,
                    '拾' => {
                        section += digit * 10;
                        digit = 0;
                    }
                    '佰' => {
                        section += digit * 100;
                        digit = 0;
                    }
                    '仟' => {
                        section += digit * 1000;
                        digit = 0;
                    }
                    '万' => {
                        total += (section + digit) * 10_000;
                        section = 0;
                        digit = 0;
                    }
                    '元' => {
                        total = (total + section + digit) * 100;
                        section = 0;
                        digit = 0;
                    }
                    '角' => {
                        total += digit * 10;
                        digit = 0;
                    }
                    '分' => {
                        total += digit;
                        digit = 0;
                    }
                    _ => {}
                }
            }
            total
        }
        for cents in (0..100_000_000u64).step_by(9_973) {
            let d = Decimal::new(cents as i64, 2);
            let words = amount_in_words(d).unwrap();
            assert_eq!(read_back(&words), cents, "{d} → {words}");
        }
    }
}
