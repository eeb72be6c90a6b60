//! One 一键报贫 case: its dates, each stage's due date and status, the saved cases by urgency,
//! ICS export and print.

use std::rc::Rc;

use bangfu_policy::dates::parse_iso;
use bangfu_policy::Response;
use serde_json::Value;
use yew::prelude::*;

use crate::ui::hooks::use_announce;

use bangfu_policy::calc::deadlines::Status;

use super::state::{case_request, urgency, Action, Case, CaseField, PlannerForm};
use super::{store, today_field};
use crate::ui::browser;
use crate::ui::dated::dated;
use crate::ui::engine::{label, text as s};
use crate::ui::field::{check_field, radio_group, CheckField, RadioGroup, TextField};
use crate::ui::ics;

#[derive(Properties, PartialEq, Clone)]
pub struct CaseProps {
    pub form: UseReducerHandle<PlannerForm>,
    pub cases: UseStateHandle<Vec<Case>>,
    pub status: UseStateHandle<Option<String>>,
    pub root: NodeRef,
}

/// The rule sets of the deadlines (code, what the form and the printout call it).
pub const PROFILES: [(&str, &str); 2] = [
    ("minqin-2024", "民勤县2024年工作要点（5天核查、15天办结）"),
    (
        "gansu-2023",
        "甘肃省2023年指南（5个工作日核查、15个工作日办结）",
    ),
];

/// The printed name of a rule set.
pub fn profile_label(code: &str) -> &'static str {
    PROFILES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("（未选）", |(_, l)| *l)
}

pub const STAGE_KEYS: [&str; 5] = ["check", "feedback", "approval", "overall", "plan"];

/// The ICS events of a case's open stages.
pub fn case_events(case: &Case, result: &Value) -> Vec<ics::Event> {
    let name = if case.name.trim().is_empty() {
        "一键报贫申报".to_string()
    } else {
        case.name.clone()
    };
    STAGE_KEYS
        .iter()
        .filter_map(|k| {
            result
                .get("stages")?
                .get(*k)
                .filter(|v| !v.is_null())
                .map(|st| (*k, st))
        })
        .filter_map(|(k, st)| {
            // A due date in a holiday: remind on the last working day before it (engine's
            // `suggested_date`).
            let date = parse_iso(
                st.get("suggested_date")
                    .and_then(Value::as_str)
                    .unwrap_or(&s(st, "due")),
            )?;
            Some(ics::Event {
                uid: format!(
                    "{}-{k}@bangfu",
                    if case.id.is_empty() {
                        case.applied_on.as_str()
                    } else {
                        case.id.as_str()
                    }
                ),
                date,
                summary: format!("{name}：{}期限", s(st, "label")),
                description: format!(
                    "{}。依据：民勤县2024年防止返贫动态监测和帮扶工作要点 第4条",
                    s(st, "rule")
                ),
            })
        })
        .collect()
}

#[component]
pub fn CaseView(props: &CaseProps) -> Html {
    let form = &props.form;
    let case = form.case.clone();
    let response: Rc<Response> = use_memo(
        (case.clone(), form.today.clone(), form.allow_estimate),
        |(c, t, e)| bangfu_policy::evaluate(&case_request(c, t, *e)),
    );
    use_announce(props.root.clone(), "deadlines", response.clone(), true);
    let set = |field: CaseField| {
        let d = form.dispatcher();
        Callback::from(move |v: String| d.dispatch(Action::SetCase(field, v)))
    };
    let err = |field: &str| {
        response
            .error_for(field)
            .filter(|_| form.touched || field == "input.today")
            .map(|e| AttrValue::from(e.message.clone()))
    };
    let calendar_missing = response
        .errors
        .iter()
        .any(|e| e.code == bangfu_policy::ErrorCode::CalendarNotPublished);

    let save = {
        let (cases, status, form) = (props.cases.clone(), props.status.clone(), form.clone());
        Callback::from(move |_: MouseEvent| {
            let mut c = form.case.clone();
            if c.id.is_empty() {
                c.id = format!("c{}", browser::now_ms() as u64);
            }
            let mut list = (*cases).clone();
            match list.iter_mut().find(|x| x.id == c.id) {
                Some(x) => *x = c.clone(),
                None => list.push(c.clone()),
            }
            match store::save(&list, crate::ui::browser::now_ms() as i64) {
                Ok(()) => status.set(None),
                Err(m) => status.set(Some(m.to_string())),
            }
            cases.set(list);
            form.dispatch(Action::Open(c));
        })
    };
    let new = {
        let d = form.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::New))
    };
    let export = {
        let (root, case, response) = (props.root.clone(), case.clone(), response.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(node), Some(result)) = (root.get(), response.result.as_ref()) {
                let text = ics::calendar(
                    "一键报贫办理时限",
                    &case_events(&case, result),
                    &browser::utc_stamp(),
                );
                browser::download(
                    &node,
                    "一键报贫时限.ics",
                    "text/calendar;charset=utf-8",
                    &text,
                );
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| browser::print_page());
    let estimate = {
        let d = form.dispatcher();
        Callback::from(move |on: bool| d.dispatch(Action::SetEstimate(on)))
    };
    let extend = {
        let d = form.dispatcher();
        Callback::from(move |on: bool| d.dispatch(Action::SetExtend(on)))
    };

    // Saved cases, most urgent first (overdue, then due soon, then by due date).
    let mut saved: Vec<(Case, (u8, String))> = props
        .cases
        .iter()
        .map(|c| {
            let r = bangfu_policy::evaluate(&case_request(c, &form.today, form.allow_estimate));
            let u = urgency(r.result.as_ref().filter(|_| r.ok));
            (c.clone(), u)
        })
        .collect();
    saved.sort_by(|a, b| a.1.cmp(&b.1));

    html! {
        <section class="case" data-testid="case">
            <form class="bf-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <TextField id="case-name" label="案件名称（如：三组 王家；不要填身份证号）" value={case.name.clone()} inputmode="text"
                    oninput={set(CaseField::Name)} testid="case-name" />
                <div class="pair">
                    <TextField id="applied-on" label="农户申报日期" value={case.applied_on.clone()} inputmode="text"
                        placeholder={Some(AttrValue::Static("如 2024-04-26"))} oninput={set(CaseField::AppliedOn)}
                        testid="applied-on" error={err("input.applied_on")} />
                    {today_field(form, err("input.today"))}
                </div>
                <div class="pair">
                    <TextField id="checked-on" label="核查完成日期（完成后填）" value={case.checked_on.clone()} inputmode="text"
                        oninput={set(CaseField::CheckedOn)} testid="checked-on" error={err("input.checked_on")} />
                    <TextField id="identified-on" label="认定日期（认定后填）" value={case.identified_on.clone()} inputmode="text"
                        oninput={set(CaseField::IdentifiedOn)} testid="identified-on" error={err("input.identified_on")} />
                </div>
                if !case.identified_on.trim().is_empty() || !case.plan_done_on.trim().is_empty() {
                    <TextField id="plan-done-on" label="帮扶计划（一户一策）完成日期（完成后填）" value={case.plan_done_on.clone()} inputmode="text"
                        oninput={set(CaseField::PlanDoneOn)} testid="plan-done-on" error={err("input.plan_done_on")} />
                }
                // Two long choices: radio buttons, never a drop-down cut off on a phone.
                { radio_group(&RadioGroup { name: "profile".into(), legend: "时限口径".into(), value: case.profile.clone().into(),
                    onchange: set(CaseField::Profile), testid: "profile".into(),
                    options: PROFILES.iter().map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l))).collect(),
                    ..Default::default() }) }
                { check_field(&CheckField { id: "extend".into(),
                    label: "期限最后一天是节假日时顺延到下一个工作日（《民法典》第二百零三条；默认不顺延）".into(),
                    checked: case.extend, onchange: extend, testid: "extend".into(), ..Default::default() }) }
                if calendar_missing || form.allow_estimate {
                    { check_field(&CheckField { id: "estimate".into(), label: "节假日安排未发布的年份，按周末估算（结果标“估算”）".into(),
                        checked: form.allow_estimate, onchange: estimate, testid: "estimate".into(), ..Default::default() }) }
                }
            </form>
            { match response.result.as_ref().filter(|_| response.ok) {
                Some(res) => html! {
                    <div class="bf-result" data-testid="timeline-result" aria-live="polite">
                        if res.get("estimated").and_then(Value::as_bool).unwrap_or(false) {
                            <p class="verdict verdict-unknown" data-testid="estimated">{"估算：部分年份的节假日安排未发布，仅按周末计算"}</p>
                        }
                        <div class="print-only" data-testid="print-head">
                            <p class="print-title">{"一键报贫办理时限"}</p>
                            <dl class="totals">
                                <div class="row"><dt>{"案件"}</dt><dd>{ if case.name.trim().is_empty() { "（未命名）".to_string() } else { case.name.clone() } }</dd></div>
                                <div class="row"><dt>{"农户申报日期"}</dt><dd>{case.applied_on.clone()}</dd></div>
                                if !case.checked_on.trim().is_empty() { <div class="row"><dt>{"核查完成日期"}</dt><dd>{case.checked_on.clone()}</dd></div> }
                                if !case.identified_on.trim().is_empty() { <div class="row"><dt>{"认定日期"}</dt><dd>{case.identified_on.clone()}</dd></div> }
                                if !case.plan_done_on.trim().is_empty() { <div class="row"><dt>{"帮扶计划完成日期"}</dt><dd>{case.plan_done_on.clone()}</dd></div> }
                                <div class="row"><dt>{"时限口径"}</dt><dd>{profile_label(&case.profile)}</dd></div>
                                <div class="row"><dt>{"期限顺延"}</dt><dd>{ if case.extend { "最后一天是节假日时顺延到下一个工作日" } else { "不顺延" } }</dd></div>
                                <div class="row"><dt>{"计算日期（今天）"}</dt><dd>{form.today.clone()}</dd></div>
                            </dl>
                        </div>
                        <table class="stages">
                            <caption>{"各环节期限"}</caption>
                            <thead><tr><th scope="col">{"环节"}</th><th scope="col">{"期限"}</th><th scope="col">{"还剩"}</th><th scope="col">{"状态"}</th></tr></thead>
                            <tbody>
                                { for STAGE_KEYS.iter().filter_map(|k| res.get("stages")?.get(*k).filter(|v| !v.is_null()).map(|st| (*k, st.clone()))).map(|(k, st)| {
                                    let status = s(&st, "status");
                                    let days = st.get("days_left").and_then(Value::as_i64).unwrap_or(0);
                                    let wd = st.get("working_days_left").and_then(Value::as_u64).unwrap_or(0);
                                    let overall = s(&st, "binding") == "overall";
                                    html! {
                                        <tr data-testid={format!("stage-{k}")} class={format!("status-{status}")}>
                                            <th scope="row">{s(&st, "label")}</th>
                                            <td data-label="期限"><span class="date" data-testid={format!("due-{k}")}>{s(&st, "due")}</span>
                                                <span class="bf-note">{" "}{dated(&s(&st, "rule"))}{ if overall { "；受全程上限约束" } else { "" } }</span></td>
                                            <td data-label="还剩">{ match status.as_str() {
                                                "done" => html! { {"—"} },
                                                "done_late" => html! { <span class="late" data-testid={format!("late-{k}")}>{format!("逾期完成 {} 天", st.get("days_late").and_then(Value::as_i64).unwrap_or(0))}</span> },
                                                "not_published" => html! { {"节假日安排未发布，暂无法按工作日计算"} },
                                                _ if days < 0 => html! { {format!("已过 {} 天", -days)} },
                                                _ => html! { {format!("{days} 天（{wd} 个工作日）")} },
                                            } }</td>
                                            <td data-label="状态"><span class={format!("badge badge-{status}")} data-testid={format!("status-{k}")}>{label(st.get("status").unwrap_or(&Value::Null), Status::label, "")}</span></td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                        if !response.warnings.is_empty() {
                            <ul class="bf-warnings" data-testid="case-warnings">
                                { for response.warnings.iter().map(|w| html! { <li>{dated(&w.message)}</li> }) }
                            </ul>
                        }
                        <div class="actions">
                            <button type="button" class="btn" onclick={save} data-testid="save-case">{"保存此案件"}</button>
                            <button type="button" class="btn btn-quiet" onclick={export} data-testid="export-case">{"导出到手机日历（ICS）"}</button>
                            <button type="button" class="btn btn-quiet" onclick={print} data-testid="print-case">{"打印"}</button>
                            <button type="button" class="btn btn-quiet" onclick={new} data-testid="new-case">{"新建案件"}</button>
                        </div>
                        <details class="bf-steps"><summary>{"计算依据"}</summary>
                            <ol>{ for response.explanation.iter().map(|st| html! {
                                <li><strong>{st.label.clone()}</strong>{"："}{dated(&st.value)}{"（"}{dated(&st.formula)}{"）"}
                                    <p class="step-source">{"依据："}{st.source.clone()}</p></li>
                            }) }</ol>
                        </details>
                    </div>
                },
                None if form.touched => html! {
                    <div class="bf-result bf-result-empty" data-testid="timeline-result">
                        <p class="bf-status">{"请更正上面标出的日期："}</p>
                        {super::error_list(&response)}
                    </div>
                },
                None => html! {
                    <div class="bf-result bf-result-empty" data-testid="timeline-result">
                        <p class="bf-status">{"填写农户申报日期后，这里列出核查、反馈、审批和全程办结的期限。"}</p>
                    </div>
                },
            } }
            if !saved.is_empty() {
                <section class="saved" data-testid="saved-cases">
                    <h3>{format!("本机保存的案件（{} 件，紧急的在前）", saved.len())}</h3>
                    <ul>
                        { for saved.iter().enumerate().map(|(i, (c, (rank, due)))| {
                            let open = {
                                let (d, c) = (form.dispatcher(), c.clone());
                                Callback::from(move |_: MouseEvent| d.dispatch(Action::Open(c.clone())))
                            };
                            let delete = {
                                let (cases, status, id) = (props.cases.clone(), props.status.clone(), c.id.clone());
                                Callback::from(move |_: MouseEvent| {
                                    let list: Vec<Case> = cases.iter().filter(|x| x.id != id).cloned().collect();
                                    if let Err(m) = store::save(&list, crate::ui::browser::now_ms() as i64) {
                                        status.set(Some(m.to_string()));
                                    }
                                    cases.set(list);
                                })
                            };
                            let label = match rank { 0 => "逾期", 1 => "临近", 2 => "按期", 3 => "已办结", _ => "日期有误" };
                            let name = if c.name.is_empty() { format!("{} 申报", c.applied_on) } else { c.name.clone() };
                            html! {
                                <li class="draft" data-testid={format!("saved-{i}")}>
                                    <span><span class={format!("badge badge-rank-{rank}")}>{label}</span>{" "}<strong>{name.clone()}</strong>
                                        if !due.is_empty() { <span class="bf-note">{format!(" · 最近期限 {due}")}</span> }</span>
                                    <span>
                                        <button type="button" class="btn btn-small" onclick={open} aria-label={format!("打开 {name}")}
                                            data-testid={format!("open-{i}")}>{"打开"}</button>
                                        <button type="button" class="btn btn-small btn-quiet" onclick={delete} aria-label={format!("删除 {name}")}
                                            data-testid={format!("delete-{i}")}>{"删除"}</button>
                                    </span>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
        </section>
    }
}
