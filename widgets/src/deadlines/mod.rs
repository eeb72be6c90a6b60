//! `<bangfu-deadlines>`: the 一键报贫 case timeline (each stage's due date, what binds it, days
//! and working days left, status), the cases a cadre tracks on the device sorted by urgency,
//! and the duty calendar of a month or a year — rules.md §3, all from the deadlines engine.

pub mod calendar_view;
pub mod case_view;
pub mod state;
pub mod store;

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser;
use calendar_view::CalendarView;
use case_view::CaseView;
use state::{Action, PlannerForm, Tab};

#[derive(Properties, PartialEq, Clone)]
pub struct DeadlinesProps {
    #[prop_or_default]
    pub large_text: bool,
    /// Days the saved cases are kept after the last change.
    #[prop_or(crate::ui::storage::DEFAULT_KEEP_DAYS)]
    pub keep_days: u32,
    /// "Today" as the page pins it; else the device's date (editable in the widget).
    #[prop_or_default]
    pub date: Option<AttrValue>,
}

#[component]
pub fn DeadlinesApp(props: &DeadlinesProps) -> Html {
    let (large_on, set_large) = crate::ui::prefs::use_large_text(props.large_text);
    let form = use_reducer(|| {
        PlannerForm::new(
            props
                .date
                .as_ref()
                .map_or_else(browser::today, |d| d.to_string()),
        )
    });
    let booted = use_memo((), |_| {
        store::load(props.keep_days, browser::now_ms() as i64)
    });
    let cases = use_state(|| (*booted).clone().map(|b| b.0).unwrap_or_default());
    let status = use_state(|| match &*booted {
        Ok((_, notice)) => notice.clone(),
        Err(e) => Some(e.to_string()),
    });
    // "全部清除" in an income widget (this page or another tab) empties the list here too.
    {
        let cases = cases.clone();
        use_effect_with((), move |_| {
            let listeners =
                crate::ui::storage::on_cleared(store::is_case_key, move || cases.set(Vec::new()));
            move || drop(listeners)
        });
    }
    let root = use_node_ref();
    let tab = |t: Tab, label: &'static str, testid: &'static str| {
        let d = form.dispatcher();
        let selected = form.tab == t;
        html! {
            <button type="button" role="tab" class={classes!("tab", selected.then_some("tab-selected"))}
                aria-selected={if selected { "true" } else { "false" }} data-testid={testid}
                onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::Tab(t)))}>{label}</button>
        }
    };
    html! {
        <div ref={root.clone()} class={classes!("bf", "bf-deadlines", large_on.then_some("bf-large"))} lang="zh-CN">
            <header class="bf-head">
                { crate::ui::prefs::large_text_toggle(large_on, &set_large) }
                    <h2>{"时限计算"}</h2>
                <p class="bf-sub">{"一键报贫办理时限 · 工作日历（按国务院办公厅节假日安排） · 只在本机计算"}</p>
            </header>
            if let Some(msg) = &*status {
                <p class="bf-alert" role="status" data-testid="storage-status">{msg.clone()}</p>
            }
            if !cases.is_empty() {
                <p class="bf-note" data-testid="cases-storage-notice">{format!(
                    "保存的案件（名称和日期）只在这台设备的浏览器里，不上传；最后一次保存 {} 天后自动删除。",
                    props.keep_days)}</p>
            }
            <div class="tabs" role="tablist" aria-label="功能">
                {tab(Tab::Case, "申报办理时限", "tab-case")}
                {tab(Tab::Calendar, "工作日历", "tab-calendar")}
            </div>
            if form.tab == Tab::Case {
                <CaseView form={form.clone()} cases={cases.clone()} status={status.clone()} root={root.clone()} />
            } else {
                <CalendarView form={form.clone()} root={root} cases={Rc::new((*cases).clone())} />
            }
        </div>
    }
}

/// Shared by the views: today's date field and the estimate switch.
pub fn today_field(form: &UseReducerHandle<PlannerForm>, error: Option<AttrValue>) -> Html {
    let d = form.dispatcher();
    html! {
        <crate::ui::field::TextField id="today" label="今天的日期（可改，用来判断是否逾期）" value={form.today.clone()}
            inputmode="text" oninput={Callback::from(move |v: String| d.dispatch(Action::SetToday(v)))}
            testid="today" error={error} />
    }
}

/// Renders an `Rc<Response>`'s errors as a list (for calendar-level problems).
pub fn error_list(r: &Rc<bangfu_policy::Response>) -> Html {
    html! {
        <ul class="bf-errors" data-testid="errors">{ for r.errors.iter().map(|e| html! { <li>{e.message.clone()}</li> }) }</ul>
    }
}
