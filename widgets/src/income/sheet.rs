//! The printed 收入核算表 (A4): household, every item (counted and not), totals in figures and
//! in capitals, the rule set and parameter values used, the date, and signature lines. Hidden on
//! screen; the print stylesheet shows only this.

use std::rc::Rc;

use bangfu_policy::calc::eligibility::label_of;
use bangfu_policy::calc::income::{Category, LABOUR};
use bangfu_policy::Response;
use serde_json::Value;
use yew::prelude::*;

use super::result_view::{text, verdict};
use super::state::IncomeForm;

#[derive(Properties, PartialEq, Clone)]
pub struct SheetProps {
    pub form: Rc<IncomeForm>,
    pub response: Rc<Response>,
}

#[component]
pub fn Sheet(props: &SheetProps) -> Html {
    let r = &props.response;
    let Some(res) = r.result.clone().filter(|_| r.ok) else {
        return html! { <section class="sheet" data-testid="sheet"><p>{"（结果尚未算出，暂无可打印的核算表）"}</p></section> };
    };
    let form = &props.form;
    let words = res.get("in_words").cloned().unwrap_or_default();
    let by = res.get("by_category").cloned().unwrap_or_default();
    let items = res
        .get("items")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let params: Vec<_> = r
        .explanation
        .iter()
        .flat_map(|s| s.parameters.iter())
        .collect();
    let (_, verdict_text) = verdict(&res);
    let row = |label: &str, figure: String, capital: String| {
        html! {
            <tr><th scope="row">{label.to_string()}</th><td class="num">{figure}</td><td>{capital}</td></tr>
        }
    };
    html! {
        <section class="sheet" data-testid="sheet" aria-label="收入核算表（打印用）">
            <h1>{format!("农户家庭收入核算表（{}年度）", res.get("year").map(|y| y.to_string()).unwrap_or_default())}</h1>
            <p class="sheet-meta">
                {"户名/备注："}<span class="blank">{form.label.clone()}</span>
                {"　家庭人口："}{res.get("household_size").map(|s| s.to_string()).unwrap_or_default()}{" 人"}
                {"　核算日期："}{form.date.clone()}
            </p>
            if form.by_members && !form.members.is_empty() {
                <table class="sheet-table">
                    <caption>{"家庭成员"}</caption>
                    <thead><tr><th>{"序号"}</th><th>{"与户主关系"}</th><th>{"姓名"}</th><th>{"年龄"}</th><th>{"劳动能力"}</th></tr></thead>
                    <tbody>
                        { for form.members.iter().enumerate().map(|(i, m)| html! {
                            <tr><td>{i + 1}</td><td>{m.relation.clone()}</td><td>{m.name.clone()}</td>
                                <td>{m.age.clone()}</td><td>{label_of(&LABOUR, &m.labour)}</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            <table class="sheet-table" data-testid="sheet-items">
                <caption>{"收入明细"}</caption>
                <thead><tr><th>{"类别"}</th><th>{"项目"}</th><th>{"金额（元）"}</th><th>{"该项支出（元）"}</th><th>{"是否计入"}</th></tr></thead>
                <tbody>
                    { for items.iter().map(|it| {
                        let counted = it.get("counted").and_then(Value::as_bool).unwrap_or(true);
                        let cat = Category::from_code(&text(it, "category")).map_or("", |c| c.label());
                        html! {
                            <tr class={classes!((!counted).then_some("excluded"))}>
                                <td>{cat}</td><td>{text(it, "item")}</td><td class="num">{text(it, "amount")}</td>
                                <td class="num">{text(it, "expense")}</td><td>{ if counted { "计入" } else { "不计入" } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <table class="sheet-table" data-testid="sheet-totals">
                <caption>{"合计"}</caption>
                <tbody>
                    {row("工资性收入", text(&by, "wage"), String::new())}
                    {row("生产经营性收入", text(&by, "operating"), String::new())}
                    {row("财产性收入", text(&by, "property"), String::new())}
                    {row("转移性收入", text(&by, "transfer"), String::new())}
                    {row("家庭总收入", text(&res, "gross_income"), text(&words, "gross_income"))}
                    {row("生产经营性支出", text(&res, "operating_expenses"), String::new())}
                    {row("家庭纯收入", text(&res, "net_income"), text(&words, "net_income"))}
                    {row("家庭年人均纯收入", text(&res, "per_capita_net_income"), text(&words, "per_capita_net_income"))}
                    {row("不计入收入（只记录）", text(&res, "excluded_total"), String::new())}
                </tbody>
            </table>
            <p class="sheet-verdict">{"结论："}{verdict_text}</p>
            if !r.warnings.is_empty() {
                <p class="sheet-small">{"疑点提示："}{ r.warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>().join("；") }</p>
            }
            <p class="sheet-small">
                {format!("计算规则：{}。", r.rule_set.clone().unwrap_or_default())}
                { params.iter().map(|p| format!("{} = {}（{}）", p.label, p.value, p.source)).collect::<Vec<_>>().join("；") }
            </p>
            <div class="signatures">
                <p>{"户主（签字或按手印）："}<span class="sign-line"></span></p>
                <p>{"核算人（签字）："}<span class="sign-line"></span></p>
                <p>{"村委会（盖章）："}<span class="sign-line"></span></p>
                <p>{"日期："}<span class="sign-line"></span></p>
            </div>
        </section>
    }
}
