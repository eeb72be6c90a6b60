//! The income sheet as CSV, generated in the browser: UTF-8 with a BOM so that Excel opens
//! the Chinese text correctly, every field quoted, and cells that a spreadsheet would run as a
//! formula (=, +, -, @) prefixed with a quote.

use serde_json::Value;

use super::state::IncomeForm;

/// A plain signed decimal such as `-1200.50`: the one kind of cell starting with `+` or `-`
/// that a spreadsheet reads as a number, not a formula (no float parser in the bundle).
fn is_signed_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    !(int.is_empty() && frac.is_empty())
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_signed_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

fn line(cells: &[&str]) -> String {
    let mut l = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    l.push_str("\r\n");
    l
}

fn category_label(code: &str) -> &'static str {
    bangfu_policy::calc::income::Category::from_code(code).map_or("", |c| c.label())
}

/// The sheet of an `ok` income result; `result` is the response's `result` object.
pub fn sheet_csv(form: &IncomeForm, result: &Value) -> String {
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let mut out = String::from("\u{FEFF}");
    out.push_str(&line(&["农户家庭收入核算表"]));
    out.push_str(&line(&[
        "年度",
        &result
            .get("year")
            .map(|y| y.to_string())
            .unwrap_or_default(),
    ]));
    out.push_str(&line(&["户名/备注", &form.label]));
    out.push_str(&line(&["核算日期", &form.date]));
    let size = result
        .get("household_size")
        .map(|v| v.to_string())
        .unwrap_or_default();
    out.push_str(&line(&["家庭人口", &size]));
    out.push_str(&line(&[]));
    out.push_str(&line(&[
        "类别",
        "项目",
        "金额（元）",
        "该项经营支出（元）",
        "是否计入",
    ]));
    if let Some(items) = result.get("items").and_then(Value::as_array) {
        for item in items {
            let counted = item.get("counted").and_then(Value::as_bool).unwrap_or(true);
            out.push_str(&line(&[
                category_label(&s(item, "category")),
                &s(item, "item"),
                &s(item, "amount"),
                &s(item, "expense"),
                if counted { "计入" } else { "不计入" },
            ]));
        }
    }
    out.push_str(&line(&[]));
    let by = result.get("by_category").cloned().unwrap_or_default();
    let words = result.get("in_words").cloned().unwrap_or_default();
    for (label, value, in_words) in [
        ("工资性收入", s(&by, "wage"), String::new()),
        ("生产经营性收入", s(&by, "operating"), String::new()),
        ("财产性收入", s(&by, "property"), String::new()),
        ("转移性收入", s(&by, "transfer"), String::new()),
        (
            "家庭总收入",
            s(result, "gross_income"),
            s(&words, "gross_income"),
        ),
        (
            "生产经营性支出",
            s(result, "operating_expenses"),
            String::new(),
        ),
        (
            "家庭纯收入",
            s(result, "net_income"),
            s(&words, "net_income"),
        ),
        (
            "家庭年人均纯收入",
            s(result, "per_capita_net_income"),
            s(&words, "per_capita_net_income"),
        ),
        ("不计入收入合计", s(result, "excluded_total"), String::new()),
        ("监测范围", s(result, "monitoring_range"), String::new()),
        (
            "与监测范围差额（正数为低于）",
            s(result, "gap_to_range"),
            String::new(),
        ),
        (
            "扣除刚性支出后人均纯收入",
            s(result, "per_capita_after_rigid"),
            String::new(),
        ),
    ] {
        out.push_str(&line(&[label, "", &value, &in_words]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_plain_signed_numbers_escape_the_formula_guard() {
        // OWASP "CSV Injection": cells starting with = + - @ tab or CR are prefixed with '.
        for (text, want) in [
            ("-1200.50", "\"-1200.50\""),
            ("+3", "\"+3\""),
            ("-.5", "\"-.5\""),
            ("-", "\"'-\""),
            ("-.", "\"'-.\""),
            ("-1+2", "\"'-1+2\""),
            ("-1e5", "\"'-1e5\""),
            ("+inf", "\"'+inf\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("1200", "\"1200\""),
        ] {
            assert_eq!(cell(text), want, "{text}");
        }
    }

    #[test]
    fn the_csv_starts_with_a_bom_and_quotes_every_cell() {
        let mut form = IncomeForm::new(2024, "2024-11-29".into());
        form.label = "三组 \"张\"家".into();
        let result = json!({ "year": 2024, "household_size": 3, "items": [
            { "category": "wage", "item": "=HYPERLINK(\"x\")", "amount": "12000.00", "expense": null, "counted": true },
            { "category": "excluded", "item": "危房改造补助", "amount": "15000.00", "expense": null, "counted": false }
        ], "per_capita_net_income": "7066.67", "in_words": { "per_capita_net_income": "人民币柒仟零陆拾陆元陆角柒分" } });
        let csv = sheet_csv(&form, &result);
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.contains("\"三组 \"\"张\"\"家\""));
        assert!(
            csv.contains("\"工资性收入\",\"'=HYPERLINK(\"\"x\"\")\""),
            "formula cells are neutralised"
        );
        assert!(csv.contains("\"不计入收入\",\"危房改造补助\",\"15000.00\",\"\",\"不计入\""));
        assert!(
            csv.contains("\"家庭年人均纯收入\",\"\",\"7066.67\",\"人民币柒仟零陆拾陆元陆角柒分\"")
        );
    }
}
