//! The printed 收入核算表 (one A4 page for a normal household): household, every item (counted
//! and not), totals in figures and in capitals, the conclusion, the documents it rests on (by
//! title and issuing number — the detailed sources stay in the on-screen explanation), and
//! signature lines. Hidden on screen; the loader prints it alone (`bangfu-print`) or renders it
//! to a PNG on the device (`bangfu-save-image`).

use bangfu_policy::calc::eligibility::label_of;
use bangfu_policy::calc::income::{Category, LABOUR};
use bangfu_policy::Response;
use serde_json::Value;
use yew::prelude::*;

use super::result_view::{text, verdict};
use super::state::IncomeForm;

/// The documents the sheet names, by rule set: a title in 《》 and its issuing number. Only
/// what a farmer and a township need to look the rule up; nothing internal.
pub fn basis(rule_set: Option<&str>, range: Option<&str>) -> String {
    let range = range.map_or(String::new(), |r| format!("监测范围 {r} 元/人·年；"));
    match rule_set {
        Some(rs) if rs.starts_with("minqin-") => format!(
            "依据：《民勤县2024年防止返贫动态监测和帮扶工作要点》（民农领发〔2024〕9号 附件2）第3条、第16条；{range}以当地最新文件为准。"
        ),
        _ => format!("依据：当地防止返贫动态监测和帮扶工作文件；{range}以当地最新文件为准。"),
    }
}

/// The sheet of `form` and its `response`. With `on_ctrl_p`, Ctrl+P prints this sheet alone
/// (`data-ctrl-p` tells the loader); off (`print-sheet="off"`) leaves the page's own printing
/// alone (the print button still prints the sheet). A plain function (no hooks), so it costs
/// no component of its own in the bundle.
pub fn sheet(form: &IncomeForm, r: &Response, on_ctrl_p: bool) -> Html {
    let Some(res) = r.result.clone().filter(|_| r.ok) else {
        return html! { <section class="sheet" data-testid="sheet"><p>{"（结果尚未算出，暂无可打印的核算表）"}</p></section> };
    };
    let words = res.get("in_words").cloned().unwrap_or_default();
    let by = res.get("by_category").cloned().unwrap_or_default();
    let items = res
        .get("items")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let (_, verdict_text) = verdict(&res);
    let range = res.get("monitoring_range").and_then(Value::as_str);
    let year = res.get("year").map(|y| y.to_string()).unwrap_or_default();
    let label = if form.label.trim().is_empty() {
        String::new()
    } else {
        form.label.trim().to_string()
    };
    let row = |label: &str, figure: String, capital: String| {
        html! {
            <tr><th scope="row">{label.to_string()}</th><td class="num">{figure}</td><td>{capital}</td></tr>
        }
    };
    let members: Vec<_> = form.counted_members().collect();
    // The per-item cost column only when some item has one.
    let with_expense = items.iter().any(|it| !text(it, "expense").is_empty());
    html! {
        <section class="sheet" data-testid="sheet" data-ready="1" data-ctrl-p={on_ctrl_p.then_some("1")} aria-label="收入核算表（打印用）">
            <h1>{format!("农户家庭收入核算表（{year}年度）")}</h1>
            <p class="sheet-meta">
                {"户名/备注："}<span class="blank" data-testid="sheet-label">{label}</span>
                {"　家庭人口："}{res.get("household_size").map(|s| s.to_string()).unwrap_or_default()}{" 人"}
                {"　核算日期："}{form.date.clone()}
            </p>
            if form.by_members && !members.is_empty() {
                <table class="sheet-table" data-testid="sheet-members">
                    <caption>{"家庭成员"}</caption>
                    <thead><tr><th>{"序号"}</th><th>{"与户主关系"}</th><th>{"姓名"}</th><th>{"年龄"}</th><th>{"劳动能力"}</th></tr></thead>
                    <tbody>
                        { for members.iter().enumerate().map(|(i, m)| html! {
                            <tr><td>{i + 1}</td><td>{m.relation.clone()}</td><td>{m.name.clone()}</td>
                                <td>{m.age.clone()}</td><td>{label_of(&LABOUR, &m.labour)}</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            <table class="sheet-table" data-testid="sheet-items">
                <caption>{"收入明细"}</caption>
                <thead><tr><th>{"序号"}</th><th>{"类别"}</th><th>{"项目"}</th><th>{"金额（元）"}</th>
                    if with_expense { <th>{"该项支出（元）"}</th> }
                    <th>{"是否计入"}</th></tr></thead>
                <tbody>
                    { for items.iter().enumerate().map(|(i, it)| {
                        let counted = it.get("counted").and_then(Value::as_bool).unwrap_or(true);
                        let cat = Category::from_code(&text(it, "category")).map_or("", |c| c.label());
                        html! {
                            <tr class={classes!((!counted).then_some("excluded"))}>
                                <td>{i + 1}</td><td>{cat}</td><td>{text(it, "item")}</td><td class="num">{text(it, "amount")}</td>
                                if with_expense { <td class="num">{text(it, "expense")}</td> }
                                <td>{ if counted { "计入" } else { "不计入" } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="sheet-end" data-testid="sheet-end">
                <table class="sheet-table" data-testid="sheet-totals">
                    <caption>{"合计"}</caption>
                    <tbody>
                        <tr class="sheet-by"><th scope="row">{"其中"}</th><td colspan="2">{format!(
                            "工资性 {}；生产经营性 {}；财产性 {}；转移性 {}",
                            text(&by, "wage"), text(&by, "operating"), text(&by, "property"), text(&by, "transfer"))}</td></tr>
                        {row("家庭总收入", text(&res, "gross_income"), text(&words, "gross_income"))}
                        {row("生产经营性支出", text(&res, "operating_expenses"), String::new())}
                        {row("家庭纯收入", text(&res, "net_income"), text(&words, "net_income"))}
                        {row("家庭年人均纯收入", text(&res, "per_capita_net_income"), text(&words, "per_capita_net_income"))}
                        if text(&res, "excluded_total") != "0.00" {
                            {row("不计入收入（只记录）", text(&res, "excluded_total"), String::new())}
                        }
                    </tbody>
                </table>
                <p class="sheet-verdict" data-testid="sheet-verdict">{"结论："}{verdict_text}</p>
                if !r.warnings.is_empty() {
                    <p class="sheet-small">{"请核对："}{ r.warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>().join("；") }</p>
                }
                <p class="sheet-small" data-testid="sheet-basis">{basis(r.rule_set.as_deref(), range)}</p>
                <p class="sheet-small">{"以上收入经户主核对无误。"}</p>
                <div class="signatures" data-testid="sheet-signatures">
                    <p>{"户主（签字或按手印）："}<span class="sign-line"></span></p>
                    <p>{"核算人（签字）："}<span class="sign-line"></span></p>
                    <p>{"村委会（盖章）："}<span class="sign-line"></span></p>
                    <p>{"日期："}<span class="sign-line"></span></p>
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::basis;

    #[test]
    fn the_sheet_names_documents_not_rule_set_ids() {
        let text = basis(Some("minqin-2024"), Some("7800"));
        assert!(text.contains("《民勤县2024年防止返贫动态监测和帮扶工作要点》"));
        assert!(text.contains("民农领发〔2024〕9号"));
        assert!(text.contains("7800"));
        assert!(!text.contains("minqin"));
        assert!(!basis(Some("other"), None).contains("other"));
    }
}
