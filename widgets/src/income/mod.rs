//! `<bangfu-income>`: the household income calculator (收入核算, rules.md §1), for a farmer on a
//! portal (`mode="simple"`, the default: nothing stored) or a cadre at a farmer's table
//! (`mode="cadre"`: drafts kept on the device for `keep-days` days).
//!
//! The form keeps the typed text; on every change it builds an api.md request and asks
//! `bangfu_policy::evaluate` — the same function the CLI and the JS API call. I/O (storage,
//! events, downloads) happens in effects at the edge, never in the reducer.

pub mod charts;
pub mod checklist_view;
pub mod csv;
pub mod drafts;
pub mod drafts_view;
pub mod handoff;
pub mod household_view;
pub mod items_view;
pub mod result_view;
pub mod sheet;
pub mod state;

use std::rc::Rc;

use bangfu_policy::money::format_money;
use bangfu_policy::text::{parse_money, to_half_width};
use bangfu_policy::Response;
use yew::prelude::*;

use crate::ui::hooks::use_announce;

use crate::ui::browser;
use crate::ui::field::TextField;
use checklist_view::checklist_view;
use drafts::Draft;
use drafts_view::DraftsView;
use household_view::{household_view, set};
use items_view::items_view;
use result_view::{result_view, sticky_figure, ResultProps};
use sheet::sheet;
use state::{Action, Field, IncomeForm};

#[derive(Properties, PartialEq, Clone)]
pub struct IncomeProps {
    pub year: i32,
    #[prop_or_default]
    pub large_text: bool,
    /// `simple` (default) or `cadre`.
    #[prop_or(AttrValue::Static("simple"))]
    pub mode: AttrValue,
    /// Days a draft is kept after its last change (cadre mode).
    #[prop_or(crate::ui::storage::DEFAULT_KEEP_DAYS)]
    pub keep_days: u32,
    #[prop_or_default]
    pub rule_set: Option<AttrValue>,
    /// Which widget on the page this is (its id, or its position): keeps each widget's open
    /// draft apart.
    #[prop_or(AttrValue::Static("0"))]
    pub instance: AttrValue,
    /// Where the eligibility checker lives; the hand-off link appears when set.
    #[prop_or_default]
    pub eligibility_url: Option<AttrValue>,
    /// Ctrl+P prints the household's sheet alone (default); off (`print-sheet="off"`) for a
    /// portal page that must print as it is.
    #[prop_or(true)]
    pub print_sheet: bool,
}

/// What every part of the form needs.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub form: UseReducerHandle<IncomeForm>,
    pub response: Rc<Response>,
    pub cadre: bool,
}

/// "= 36000.00 元" when the text is more than plain digits (万, 千, full-width, commas) or
/// typed in 万元, so the person sees how the engine read it.
pub fn amount_hint(text: &str, in_wan: bool) -> Option<AttrValue> {
    let value = parse_money(&state::as_sent(text, in_wan)).ok()?;
    let plain = to_half_width(text.trim());
    let needs_hint = in_wan || !plain.chars().all(|c| c.is_ascii_digit() || c == '.');
    needs_hint.then(|| format!("= {} 元", format_money(value)).into())
}

/// The engine's error at `field`, when the person has touched that field.
pub fn error_at(form: &IncomeForm, r: &Response, field: &str) -> Option<AttrValue> {
    r.error_for(field)
        .filter(|_| form.shows_error(field))
        .map(|e| AttrValue::from(e.message.clone()))
}

/// The engine's data-quality remark about `field`, if any.
pub fn warning_at(r: &Response, field: &str) -> Option<AttrValue> {
    let notes: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.field.as_deref() == Some(field))
        .map(|w| w.message.as_str())
        .collect();
    (!notes.is_empty()).then(|| AttrValue::from(notes.join("；")))
}

/// Reads the saved drafts (deleting expired ones) and the one this widget had open.
fn boot(
    instance: &str,
    year: i32,
    use_storage: bool,
    keep_days: u32,
) -> (IncomeForm, Option<String>, Vec<Draft>, Option<String>) {
    let fresh = IncomeForm::new(year, browser::today());
    if !use_storage {
        return (fresh, None, Vec::new(), None);
    }
    match drafts::load(keep_days, browser::now_ms() as i64) {
        Ok(loaded) => {
            let notice = loaded.notice();
            let current = drafts::current(instance);
            let open = current
                .as_ref()
                .and_then(|id| loaded.drafts.iter().find(|d| &d.id == id));
            match open {
                Some(d) => (d.form.clone(), current, loaded.drafts, notice),
                None => (fresh, None, loaded.drafts, notice),
            }
        }
        Err(e) => (fresh, None, Vec::new(), Some(e.message().to_string())),
    }
}

/// `saved` with `draft` put in (replacing its earlier copy), or `None` when the list would
/// show the same thing (same name, size and minute): a keystroke then re-renders no list.
fn with_draft(saved: &[Draft], draft: &Draft) -> Option<Vec<Draft>> {
    let shown = |d: &Draft| {
        (
            d.form.label.clone(),
            d.form.by_members,
            d.form.members.len(),
            d.form.household_size.clone(),
            d.saved_at / 60_000,
        )
    };
    match saved.iter().position(|d| d.id == draft.id) {
        Some(i) if shown(&saved[i]) == shown(draft) => None,
        Some(i) => {
            let mut list = saved.to_vec();
            list[i] = draft.clone();
            Some(list)
        }
        None => {
            let mut list = saved.to_vec();
            list.push(draft.clone());
            Some(list)
        }
    }
}

/// How many saved households show their per-capita figure in the list.
const FIGURES_IN_LIST: usize = 30;

/// "人均 12290.00 元" for a saved household's list entry, or "未算完".
fn figure_label(r: &Response) -> String {
    r.result
        .as_ref()
        .filter(|_| r.ok)
        .and_then(|res| res.get("per_capita_net_income"))
        .and_then(|v| v.as_str())
        .map_or_else(|| "未算完".to_string(), |v| format!("人均 {v} 元"))
}

fn new_draft_id() -> String {
    format!(
        "d{}{:04}",
        browser::now_ms() as u64,
        (js_sys::Math::random() * 10_000.0) as u32
    )
}

#[component]
pub fn IncomeApp(props: &IncomeProps) -> Html {
    let (large_on, set_large) = crate::ui::prefs::use_large_text(props.large_text);
    let cadre = props.mode.as_str() == "cadre";
    let instance = props.instance.to_string();
    let booted = use_memo((), |_| boot(&instance, props.year, cadre, props.keep_days));
    let form = use_reducer(|| booted.0.clone());
    let draft_id = use_state(|| booted.1.clone());
    let saved = use_state(|| booted.2.clone());
    let status = use_state(|| booted.3.clone());
    // When the open household was last saved on this device (for "已自动保存 HH:MM").
    let saved_at = use_state(|| {
        booted
            .1
            .as_ref()
            .and_then(|id| booted.2.iter().find(|d| &d.id == id))
            .map(|d| d.saved_at)
    });
    // The household deleted last, kept in memory so the deletion can be undone.
    let deleted = use_state(|| None::<Draft>);
    let root = use_node_ref();

    {
        let form = form.clone();
        use_effect_with(props.year, move |year| {
            if form.year != *year {
                form.dispatch(Action::SetYear(*year));
            }
        });
    }
    let response: Rc<Response> = {
        let rule_set = props.rule_set.as_ref().map(|r| r.to_string());
        use_memo(((*form).clone(), rule_set), |(f, rs)| {
            bangfu_policy::evaluate(&f.to_request(rs.as_deref()))
        })
    };

    // Autosave the open household (cadre mode only; the public mode keeps nothing).
    {
        let (draft_id, saved, status, instance, saved_at) = (
            draft_id.clone(),
            saved.clone(),
            status.clone(),
            instance.clone(),
            saved_at.clone(),
        );
        use_effect_with((*form).clone(), move |form| {
            if cadre && !form.is_empty() {
                let id = (*draft_id).clone().unwrap_or_else(new_draft_id);
                let draft = Draft {
                    id: id.clone(),
                    saved_at: browser::now_ms() as i64,
                    form: form.clone(),
                };
                // One key for this household only: cheap with thousands of drafts saved.
                let is_new = draft_id.as_deref() != Some(id.as_str());
                let pointer = || {
                    if is_new {
                        drafts::set_current(&instance, Some(&id))
                    } else {
                        Ok(())
                    }
                };
                match drafts::save(&draft).and_then(|_| pointer()) {
                    Ok(()) => {
                        saved_at.set(Some(draft.saved_at));
                        if status.is_some() {
                            status.set(None);
                        }
                        if let Some(list) = with_draft(&saved, &draft) {
                            saved.set(list);
                        }
                    }
                    Err(e) => status.set(Some(e.message().to_string())),
                }
                if draft_id.as_deref() != Some(id.as_str()) {
                    draft_id.set(Some(id));
                }
            }
        });
    }
    use_announce(root.clone(), "income", response.clone(), true);

    // After adding a line or a member, continue in its first field (keyboard users).
    {
        let root = root.clone();
        let counts = (form.items.len(), form.members.len());
        let last = use_mut_ref(|| counts);
        use_effect_with(counts, move |(items, members)| {
            let (last_items, last_members) = *last.borrow();
            if let Some(node) = root.get() {
                if *items > last_items {
                    browser::focus_testid(&node, &format!("item-name-{}", items - 1));
                } else if *members > last_members && last_members > 0 {
                    browser::focus_testid(&node, &format!("member-relation-{}", members - 1));
                }
            }
            *last.borrow_mut() = (*items, *members);
        });
    }
    let ctx = Ctx {
        form: form.clone(),
        response: response.clone(),
        cadre,
    };
    let on_save_image = {
        let root = root.clone();
        Callback::from(move |_| {
            if let Some(node) = root.get() {
                browser::dispatch(&node, "bangfu-save-image", "{}");
            }
        })
    };
    let on_print = {
        let root = root.clone();
        Callback::from(move |_| {
            if let Some(node) = root.get() {
                browser::dispatch(&node, "bangfu-print", "{}");
            }
        })
    };
    let on_csv = {
        let (root, form, response) = (root.clone(), form.clone(), response.clone());
        Callback::from(move |_| {
            if let (Some(node), Some(result)) = (root.get(), response.result.as_ref()) {
                let name = format!(
                    "收入核算表-{}-{}.csv",
                    form.year,
                    if form.label.is_empty() {
                        "未命名"
                    } else {
                        &form.label
                    }
                );
                browser::download(
                    &node,
                    &name,
                    "text/csv;charset=utf-8",
                    &csv::sheet_csv(&form, result),
                );
            }
        })
    };
    let handoff = match (&props.eligibility_url, response.result.as_ref()) {
        (Some(url), Some(result)) if response.ok => {
            let payload = handoff::payload(&form, result, if cadre { "cadre" } else { "public" });
            Some(AttrValue::from(handoff::href(url, &payload, |s| {
                String::from(js_sys::encode_uri_component(s))
            })))
        }
        _ => None,
    };
    let on_open = {
        let (form, draft_id, saved, instance, saved_at) = (
            form.clone(),
            draft_id.clone(),
            saved.clone(),
            instance.clone(),
            saved_at.clone(),
        );
        Callback::from(move |id: String| {
            if let Some(d) = saved.iter().find(|d| d.id == id) {
                let _ = drafts::set_current(&instance, Some(&id));
                draft_id.set(Some(id));
                saved_at.set(Some(d.saved_at));
                form.dispatch(Action::Load(Box::new(d.form.clone())));
            }
        })
    };
    let start_new = {
        let (form, draft_id, instance, year, saved_at) = (
            form.clone(),
            draft_id.clone(),
            instance.clone(),
            props.year,
            saved_at.clone(),
        );
        move || {
            let _ = drafts::set_current(&instance, None);
            draft_id.set(None);
            saved_at.set(None);
            form.dispatch(Action::Load(Box::new(IncomeForm::new(
                year,
                browser::today(),
            ))));
        }
    };
    let on_delete = {
        let (saved, draft_id, status, start_new, deleted, form) = (
            saved.clone(),
            draft_id.clone(),
            status.clone(),
            start_new.clone(),
            deleted.clone(),
            form.clone(),
        );
        Callback::from(move |id: String| {
            // The list's copy of the open household may be minutes old: keep what is typed now.
            let kept = saved.iter().find(|d| d.id == id).cloned().map(|mut d| {
                if draft_id.as_deref() == Some(id.as_str()) {
                    d.form = (*form).clone();
                }
                d
            });
            deleted.set(kept);
            if let Err(e) = drafts::delete(&id) {
                status.set(Some(e.message().to_string()));
            }
            saved.set(saved.iter().filter(|d| d.id != id).cloned().collect());
            if draft_id.as_deref() == Some(id.as_str()) {
                start_new();
            }
        })
    };
    // Undo a deletion: the household is saved again (and reopened when it was the open one and
    // nothing new has been typed since).
    let on_undo = {
        let (saved, status, deleted, form, draft_id, saved_at, instance) = (
            saved.clone(),
            status.clone(),
            deleted.clone(),
            form.clone(),
            draft_id.clone(),
            saved_at.clone(),
            instance.clone(),
        );
        Callback::from(move |_: ()| {
            let Some(d) = (*deleted).clone() else { return };
            deleted.set(None);
            match drafts::save(&d) {
                Ok(()) => {
                    let mut list: Vec<Draft> =
                        saved.iter().filter(|x| x.id != d.id).cloned().collect();
                    list.push(d.clone());
                    saved.set(list);
                    if form.is_empty() {
                        let _ = drafts::set_current(&instance, Some(&d.id));
                        draft_id.set(Some(d.id.clone()));
                        saved_at.set(Some(d.saved_at));
                        form.dispatch(Action::Load(Box::new(d.form)));
                    }
                }
                Err(e) => status.set(Some(e.message().to_string())),
            }
        })
    };
    let on_new = {
        let start_new = start_new.clone();
        Callback::from(move |_| start_new())
    };
    let on_clear = {
        let (saved, status, start_new, deleted) = (
            saved.clone(),
            status.clone(),
            start_new.clone(),
            deleted.clone(),
        );
        Callback::from(move |_| {
            deleted.set(None);
            if let Err(e) = drafts::clear_all() {
                status.set(Some(e.message().to_string()));
            }
            saved.set(Vec::new());
            start_new();
        })
    };
    // A clear-all by another widget (this page or another tab) empties this one too, so it
    // cannot write its open household back.
    {
        let (saved, status, start_new) = (saved.clone(), status.clone(), start_new.clone());
        use_effect_with(cadre, move |cadre| {
            let listeners = cadre
                .then(|| {
                    crate::ui::storage::on_cleared(drafts::is_draft_key, move || {
                        saved.set(Vec::new());
                        status.set(Some("本机保存的草稿已全部清除。".to_string()));
                        start_new();
                    })
                })
                .flatten();
            move || drop(listeners)
        });
    }
    let unit_toggle = {
        let dispatch = form.dispatcher();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            dispatch.dispatch(Action::SetInWan(on));
        })
    };
    // The per-capita figure of the most recent saved households, for the list (a few dozen:
    // the list can hold thousands, and each figure is a full evaluation); the open household's
    // figure is the live one.
    let figures: Rc<Vec<(String, String)>> = {
        let rule_set = props.rule_set.as_ref().map(|r| r.to_string());
        // Keyed on the newest ids and times only: comparing thousands of forms per keystroke
        // would cost more than the figures.
        let mut newest: Vec<&Draft> = saved.iter().collect();
        newest.sort_by_key(|d| std::cmp::Reverse(d.saved_at));
        newest.truncate(FIGURES_IN_LIST);
        let key: Vec<(String, i64)> = newest.iter().map(|d| (d.id.clone(), d.saved_at)).collect();
        let list = saved.clone();
        let recent = use_memo((key, rule_set), move |(key, rs)| {
            key.iter()
                .filter_map(|(id, _)| list.iter().find(|d| &d.id == id))
                .map(|d| {
                    let r = bangfu_policy::evaluate(&d.form.to_request(rs.as_deref()));
                    (d.id.clone(), figure_label(&r))
                })
                .collect::<Vec<_>>()
        });
        let mut all = (*recent).clone();
        if let Some(id) = draft_id.as_ref() {
            all.retain(|(d, _)| d != id);
            all.push((id.clone(), figure_label(&response)));
        }
        Rc::new(all)
    };
    let saved_note = saved_at.filter(|_| cadre && draft_id.is_some()).map(|ms| {
        AttrValue::from(format!(
            "已自动保存 {}（只存在本机）",
            browser::clock_time(ms as f64)
        ))
    });
    let undo_name = (*deleted).as_ref().map(|d| {
        if d.form.label.trim().is_empty() {
            "未命名".to_string()
        } else {
            d.form.label.trim().to_string()
        }
    });
    let r = &response;
    let unit = if form.in_wan { "万元" } else { "元" };
    let expenses_path = Field::OperatingExpenses.path();

    html! {
        <div ref={root} class={classes!("bf", "bf-income", large_on.then_some("bf-large"))} lang="zh-CN">
            <div class="screen">
                { sticky_figure(&response) }
                <header class="bf-head">
                    { crate::ui::prefs::large_text_toggle(large_on, &set_large) }
                    <h2>{"家庭收入核算"}</h2>
                    <p class="bf-sub">{format!("{} 年度 · 与农户面对面算账，应统尽统 · 只在本机计算，不上传", form.year)}</p>
                </header>
                if let Some(msg) = &*status {
                    <p class="bf-alert" role="status" data-testid="storage-status">{msg.clone()}</p>
                }
                if cadre {
                    <DraftsView drafts={(*saved).clone()} current={(*draft_id).clone()} on_open={on_open} keep_days={props.keep_days}
                        on_delete={on_delete} on_new={on_new} on_clear={on_clear} figures={figures.clone()}
                        undo_name={undo_name.map(AttrValue::from)} on_undo={on_undo}
                        time_label={Callback::from(|ms: i64| browser::short_time(ms as f64))} />
                }
                <form class="bf-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                    { household_view(&ctx) }
                    <label class="unit-toggle">
                        <input type="checkbox" checked={form.in_wan} onchange={unit_toggle} data-testid="in-wan" />
                        {"金额按“万元”填写"}
                    </label>
                    if cadre {
                        { checklist_view(&ctx) }
                    }
                    { items_view(&ctx) }
                    <fieldset class="costs">
                        <legend>{"支出"}</legend>
                        <TextField late_errors={cadre} id="expenses" label="生产经营性支出（种子、化肥、饲料、农机、雇工等；已按项填写的不要重复）"
                            suffix={Some(AttrValue::from(unit))} value={form.operating_expenses.clone()}
                            oninput={set(&ctx, Field::OperatingExpenses)} testid="operating-expenses"
                            error={error_at(&form, r, expenses_path)} hint={amount_hint(&form.operating_expenses, form.in_wan)}
                            warning={warning_at(r, expenses_path)} />
                        if cadre {
                            <TextField late_errors={cadre} id="rigid" label="刚性支出（自付医疗费、上学费用、灾害损失等，可不填）"
                                suffix={Some(AttrValue::from(unit))} value={form.rigid_expenditure.clone()}
                                oninput={set(&ctx, Field::RigidExpenditure)} testid="rigid-expenditure"
                                error={error_at(&form, r, Field::RigidExpenditure.path())}
                                hint={amount_hint(&form.rigid_expenditure, form.in_wan)} />
                            <TextField late_errors={cadre} id="previous" label="上年人均纯收入（可不填）" suffix={Some(AttrValue::from(unit))}
                                value={form.previous_per_capita.clone()} oninput={set(&ctx, Field::PreviousPerCapita)}
                                testid="previous-per-capita" error={error_at(&form, r, Field::PreviousPerCapita.path())}
                                hint={amount_hint(&form.previous_per_capita, form.in_wan)}
                                warning={warning_at(r, Field::PreviousPerCapita.path())} />
                        }
                    </fieldset>
                </form>
                { result_view(&ResultProps { response: response.clone(), touched: !form.touched.is_empty(), cadre,
                    on_print, on_csv, on_save_image, handoff, saved_note }) }
            </div>
            if cadre {
                { sheet(&form, &response, props.print_sheet) }
            }
        </div>
    }
}
