//! `<bangfu-income>`: the household income calculator (收入核算, rules.md §1).
//!
//! The form keeps the typed text; on every change it builds an api.md request and asks
//! `bangfu_policy::evaluate` — the same function the CLI and the JS API call.

pub mod result_view;
pub mod state;

use bangfu_policy::calc::income::Category;
use bangfu_policy::money::format_money;
use bangfu_policy::text::{parse_money, to_half_width};
use bangfu_policy::Response;
use yew::prelude::*;

use crate::ui::field::{SelectField, TextField};
use result_view::ResultView;
use state::{Action, IncomeForm, ItemField};

#[derive(Properties, PartialEq, Clone)]
pub struct IncomeProps {
    pub year: i32,
    #[prop_or_default]
    pub large_text: bool,
}

/// "= 36000.00 元" when the text is more than plain digits (万, 千, full-width, commas), so
/// the person sees how the engine read it.
fn amount_hint(text: &str) -> Option<AttrValue> {
    let value = parse_money(text).ok()?;
    let plain = to_half_width(text.trim());
    let needs_hint = !plain.chars().all(|c| c.is_ascii_digit() || c == '.');
    needs_hint.then(|| format!("= {} 元", format_money(value)).into())
}

#[component]
pub fn IncomeApp(props: &IncomeProps) -> Html {
    let form = use_reducer(|| IncomeForm::new(props.year));
    {
        let form = form.clone();
        use_effect_with(props.year, move |year| {
            form.dispatch(Action::SetYear(*year))
        });
    }
    let response: std::rc::Rc<Response> = {
        let form = (*form).clone();
        use_memo(form, |f| bangfu_policy::evaluate(&f.to_request()))
    };
    let error_at = |field: &str| -> Option<AttrValue> {
        response
            .error_for(field)
            .filter(|_| form.shows_error(field))
            .map(|e| AttrValue::from(e.message.clone()))
    };

    let on_size = {
        let form = form.clone();
        Callback::from(move |v: String| form.dispatch(Action::SetHouseholdSize(v)))
    };
    let on_expenses = {
        let form = form.clone();
        Callback::from(move |v: String| form.dispatch(Action::SetOperatingExpenses(v)))
    };
    let on_add = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.dispatch(Action::AddItem))
    };
    let categories: Vec<(AttrValue, AttrValue)> = Category::ALL
        .iter()
        .map(|c| (AttrValue::from(c.code()), AttrValue::from(c.label())))
        .collect();

    let rows = form.items.iter().enumerate().map(|(n, row)| {
        let key = row.key;
        let base = form.request_index(key).map(|i| format!("input.items[{i}]"));
        let err = |leaf: &str| base.as_ref().and_then(|b| error_at(&format!("{b}.{leaf}")));
        let set = |field: ItemField| {
            let form = form.clone();
            Callback::from(move |value: String| form.dispatch(Action::SetItem { key, field, value }))
        };
        let remove = {
            let form = form.clone();
            Callback::from(move |_: MouseEvent| form.dispatch(Action::RemoveItem(key)))
        };
        let number = n + 1;
        html! {
            <li class="item-row" key={key} data-testid={format!("item-{n}")}>
                <span class="item-no" aria-hidden="true">{number}</span>
                <SelectField id={format!("cat-{key}")} label={format!("第{number}项 类别")}
                    value={row.category.clone()} options={categories.clone()}
                    onchange={set(ItemField::Category)} testid={format!("item-category-{n}")}
                    error={err("category")} />
                <TextField id={format!("name-{key}")} label="项目名称" value={row.item.clone()}
                    inputmode="text" placeholder={Some(AttrValue::Static("如：县外务工"))}
                    oninput={set(ItemField::Item)} testid={format!("item-name-{n}")} error={err("item")} />
                <TextField id={format!("amount-{key}")} label="金额" suffix={Some(AttrValue::Static("元"))}
                    value={row.amount.clone()} oninput={set(ItemField::Amount)}
                    testid={format!("item-amount-{n}")} error={err("amount")} hint={amount_hint(&row.amount)} />
                <button type="button" class="btn btn-quiet remove" onclick={remove}
                    aria-label={format!("删除第{number}项")} data-testid={format!("remove-item-{n}")}>{"删除"}</button>
            </li>
        }
    });

    html! {
        <div class={classes!("bf", "bf-income", props.large_text.then_some("bf-large"))} lang="zh-CN">
            <header class="bf-head">
                <h2>{"家庭收入核算"}</h2>
                <p class="bf-sub">{format!("{} 年度 · 与农户面对面算账，应统尽统", form.year)}</p>
            </header>
            <form class="bf-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                <TextField id="size" label="家庭人口（共同生活的家庭成员）" suffix={Some(AttrValue::Static("人"))}
                    inputmode="numeric" value={form.household_size.clone()} oninput={on_size}
                    testid="household-size" error={error_at("input.household_size")} />
                <fieldset class="items">
                    <legend>{"收入项目"}</legend>
                    <p class="bf-note">{"逐项填写全年收入。金额可写 36000、36,000 或 3.6万。一次性补助（如危房改造补助、慰问金）请选“不计入收入”。"}</p>
                    <ol class="item-list">{ for rows }</ol>
                    <button type="button" class="btn" onclick={on_add} data-testid="add-item">{"＋ 添加一项收入"}</button>
                </fieldset>
                <TextField id="expenses" label="生产经营性支出（种子、化肥、饲料、农机等）" suffix={Some(AttrValue::Static("元"))}
                    value={form.operating_expenses.clone()} oninput={on_expenses} testid="operating-expenses"
                    error={error_at("input.operating_expenses")} hint={amount_hint(&form.operating_expenses)} />
            </form>
            <ResultView response={response.clone()} touched={!form.touched.is_empty()} />
        </div>
    }
}
