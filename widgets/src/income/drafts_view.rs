//! The households saved on this device: open, delete, start a new one, clear all (with a
//! second press to confirm). Everything stays on the device.

use yew::prelude::*;

use super::drafts::Draft;

#[derive(Properties, PartialEq, Clone)]
pub struct DraftsProps {
    pub drafts: Vec<Draft>,
    pub current: Option<String>,
    /// Days a draft is kept after its last change.
    pub keep_days: u32,
    pub on_open: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_new: Callback<()>,
    pub on_clear: Callback<()>,
    /// Formats a saved-at time for display.
    pub time_label: Callback<i64, String>,
}

#[component]
pub fn DraftsView(props: &DraftsProps) -> Html {
    let confirming = use_state(|| false);
    let mut drafts = props.drafts.clone();
    drafts.sort_by_key(|d| std::cmp::Reverse(d.saved_at));
    let list = drafts.iter().enumerate().map(|(i, d)| {
        let name = if d.form.label.trim().is_empty() { "未命名".to_string() } else { d.form.label.clone() };
        let size = if d.form.by_members { d.form.members.len().to_string() } else { d.form.household_size.clone() };
        let is_current = props.current.as_deref() == Some(d.id.as_str());
        let open = {
            let (cb, id) = (props.on_open.clone(), d.id.clone());
            Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
        };
        let delete = {
            let (cb, id) = (props.on_delete.clone(), d.id.clone());
            Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
        };
        html! {
            <li class={classes!("draft", is_current.then_some("draft-current"))} data-testid={format!("draft-{i}")}>
                <span class="draft-name">{name.clone()}</span>
                <span class="bf-note">{format!(" · {} 人 · {}", if size.trim().is_empty() { "?" } else { size.trim() }, props.time_label.emit(d.saved_at))}</span>
                if is_current {
                    <span class="bf-note">{" · 正在编辑"}</span>
                } else {
                    <button type="button" class="btn btn-small" onclick={open} aria-label={format!("打开 {name}")}
                        data-testid={format!("draft-open-{i}")}>{"打开"}</button>
                }
                <button type="button" class="btn btn-small btn-quiet" onclick={delete} aria-label={format!("删除 {name}")}
                    data-testid={format!("draft-delete-{i}")}>{"删除"}</button>
            </li>
        }
    });
    let new = {
        let cb = props.on_new.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let clear = {
        let (cb, confirming) = (props.on_clear.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            if *confirming {
                confirming.set(false);
                cb.emit(());
            } else {
                confirming.set(true);
            }
        })
    };
    html! {
        <details class="drafts" data-testid="drafts">
            <summary>{format!("本机保存的核算（{} 户）", props.drafts.len())}</summary>
            <p class="bf-note" data-testid="storage-notice">{format!(
                "填写的内容（户名、人口、各项收入和支出）自动保存在这台设备的浏览器里，不会上传；最后修改 {} 天后自动删除。公用电脑用完请按“全部清除”。",
                props.keep_days)}</p>
            <ul>{ for list }</ul>
            <div class="actions">
                <button type="button" class="btn" onclick={new} data-testid="draft-new">{"＋ 新建一户"}</button>
                if !props.drafts.is_empty() {
                    <button type="button" class={classes!("btn", "btn-quiet", confirming.then_some("btn-danger"))} onclick={clear}
                        data-testid="draft-clear">{ if *confirming { "确认清除全部？再按一次" } else { "全部清除" } }</button>
                }
            </div>
        </details>
    }
}
