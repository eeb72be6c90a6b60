//! 常见漏计项目: the cadre asks about each often-missed item in turn; "有" adds a line for it,
//! "没有" records that it was asked. Nothing is counted until an amount is typed.

use bangfu_policy::calc::income_catalogue::OFTEN_MISSED;
use yew::prelude::*;

use super::state::{Action, Checked};
use super::Ctx;

/// The checklist, with how many items were asked. A plain function (no hooks), so it costs no
/// component of its own in the bundle.
pub fn checklist_view(ctx: &Ctx) -> Html {
    let form = &*ctx.form;
    let asked = form.checklist.len();
    let rows = OFTEN_MISSED.iter().enumerate().map(|(i, s)| {
        let state = form.checklist.iter().find(|(name, _)| name == s.item).map(|(_, c)| *c);
        let answer = |has_it: bool| {
            let dispatch = ctx.form.dispatcher();
            let (item, category) = (s.item.to_string(), s.category.code().to_string());
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::Check { item: item.clone(), category: category.clone(), has_it })
            })
        };
        html! {
            <li class="check-row" data-testid={format!("check-{i}")}>
                <span class="check-item">
                    <strong>{s.item}</strong>
                    if !s.note.is_empty() { <span class="bf-note">{"（"}{s.note}{"）"}</span> }
                </span>
                <span class="check-answer">
                    { match state {
                        Some(Checked::Added) => html! { <span class="done">{"✓ 已添加，请填金额"}</span> },
                        Some(Checked::None) => html! { <span class="done">{"✓ 没有"}</span> },
                        None => html! {
                            <>
                                <button type="button" class="btn btn-small" onclick={answer(true)}
                                    aria-label={format!("{} 有，添加一项", s.item)} data-testid={format!("check-yes-{i}")}>{"有，添加"}</button>
                                <button type="button" class="btn btn-small btn-quiet" onclick={answer(false)}
                                    aria-label={format!("{} 没有", s.item)} data-testid={format!("check-no-{i}")}>{"没有"}</button>
                            </>
                        },
                    } }
                </span>
            </li>
        }
    });
    html! {
        <details class="checklist" data-testid="checklist">
            <summary>{format!("常见漏计项目，逐项问一问（已问 {asked}/{}）", OFTEN_MISSED.len())}</summary>
            <ul>{ for rows }</ul>
        </details>
    }
}
