//! The income items, grouped by category, with the typical items of each category one tap
//! away, so nothing is forgotten (应统尽统).

use bangfu_policy::calc::income::Category;
use bangfu_policy::calc::income_catalogue::TYPICAL_ITEMS;
use yew::prelude::*;

use super::state::{Action, IncomeForm, ItemField};
use super::{amount_hint, error_at, warning_at, Ctx};
use crate::ui::field::{select_field, SelectField, TextField};

fn category_options() -> Vec<(AttrValue, AttrValue)> {
    Category::ALL
        .iter()
        .map(|c| (AttrValue::from(c.code()), AttrValue::from(c.label())))
        .collect()
}

fn row_view(ctx: &Ctx, form: &IncomeForm, n: usize) -> Html {
    let row = &form.items[n];
    let key = row.key;
    let r = &ctx.response;
    let base = form.request_index(key).map(|i| format!("input.items[{i}]"));
    let err = |leaf: &str| {
        base.as_ref()
            .and_then(|b| error_at(form, r, &format!("{b}.{leaf}")))
    };
    let warn = |leaf: &str| {
        base.as_ref()
            .and_then(|b| warning_at(r, &format!("{b}.{leaf}")))
    };
    let set = |field: ItemField| {
        let dispatch = ctx.form.dispatcher();
        Callback::from(move |value: String| {
            dispatch.dispatch(Action::SetItem { key, field, value })
        })
    };
    let remove = {
        let dispatch = ctx.form.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveItem(key)))
    };
    let unit = if form.in_wan { "万元" } else { "元" };
    let show_expense = ctx.cadre && row.category == "operating";
    let name = if row.item.trim().is_empty() {
        format!("第{}项", n + 1)
    } else {
        row.item.clone()
    };
    html! {
        <li class="item-row" key={key} data-testid={format!("item-{n}")}>
            <TextField late_errors={ctx.cadre} id={format!("name-{key}")} label="项目名称" value={row.item.clone()} inputmode="text"
                list={Some(AttrValue::from(format!("items-{}", row.category)))}
                placeholder={Some(AttrValue::Static("如：县外务工"))} oninput={set(ItemField::Item)}
                testid={format!("item-name-{n}")} error={err("item")} />
            <TextField late_errors={ctx.cadre} id={format!("amount-{key}")} label="全年金额" suffix={Some(AttrValue::from(unit))}
                value={row.amount.clone()} oninput={set(ItemField::Amount)} testid={format!("item-amount-{n}")}
                error={err("amount")} hint={amount_hint(&row.amount, form.in_wan)} warning={warn("amount")} />
            if show_expense {
                <TextField late_errors={ctx.cadre} id={format!("expense-{key}")} label="该项支出（可不填）" suffix={Some(AttrValue::from(unit))}
                    value={row.expense.clone()} oninput={set(ItemField::Expense)} testid={format!("item-expense-{n}")}
                    error={err("expense")} hint={amount_hint(&row.expense, form.in_wan)} />
            }
            { select_field(&SelectField { id: format!("cat-{key}").into(), label: "类别".into(), value: row.category.clone().into(),
                options: category_options(), onchange: set(ItemField::Category), testid: format!("item-category-{n}").into(),
                error: err("category"), warning: warn("category") }) }
            <button type="button" class="btn btn-quiet remove" onclick={remove}
                aria-label={format!("删除 {name}")} data-testid={format!("remove-item-{n}")}>{"删除"}</button>
        </li>
    }
}

/// The items part of the form, a section per category. A plain function (no hooks), so it
/// costs no component of its own in the bundle.
pub fn items_view(ctx: &Ctx) -> Html {
    let form = &*ctx.form;
    let sections = Category::ALL.iter().map(|category| {
        let code = category.code();
        let rows: Vec<usize> = (0..form.items.len()).filter(|&n| form.items[n].category == code).collect();
        let typical: Vec<&str> = TYPICAL_ITEMS.iter().filter(|s| s.category == *category).map(|s| s.item).collect();
        let add = |item: &str| {
            let dispatch = ctx.form.dispatcher();
            let (category, item) = (code.to_string(), item.to_string());
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::AddItem { category: category.clone(), item: item.clone() })
            })
        };
        let excluded = *category == Category::Excluded;
        html! {
            <fieldset class={classes!("cat", format!("cat-{code}"))} data-testid={format!("section-{code}")}>
                <legend>{category.label()}{ if excluded { "（只记录，不算进收入）" } else { "" } }</legend>
                <datalist id={format!("items-{code}")}>
                    { for typical.iter().map(|t| html! { <option value={t.to_string()} /> }) }
                </datalist>
                if !rows.is_empty() {
                    <ol class="item-list">{ for rows.iter().map(|&n| row_view(ctx, form, n)) }</ol>
                }
                if ctx.cadre {
                    <div class="chips" role="group" aria-label={format!("常见{}项目", category.label())}>
                        { for typical.iter().map(|t| html! {
                            <button type="button" class="chip" onclick={add(t)}>{"＋"}{t.to_string()}</button>
                        }) }
                    </div>
                }
                <button type="button" class="btn btn-quiet add" onclick={add("")}
                    data-testid={format!("add-item-{code}")}>{format!("＋ 添加{}", category.label())}</button>
            </fieldset>
        }
    });
    html! { <div class="items" data-testid="items">{ for sections }</div> }
}
