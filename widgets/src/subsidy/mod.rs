//! `<bangfu-subsidy>`: what support a household may get, how much, and on what basis —
//! rules.md §4. One card a programme: eligible or not and why, the amount or "未配置", the
//! basis, the confidence of each parameter, "以当地最新文件为准"; and the total of known amounts.

pub mod curve;
pub mod state;

use std::rc::Rc;

use bangfu_policy::calc::subsidy::PROGRAMMES;
use serde_json::Value;
use yew::prelude::*;

use crate::ui::hooks::use_announce;

use bangfu_policy::calc::income::LABOUR;
use bangfu_policy::params::Confidence;

use crate::ui::engine::{label as engine_label, text as s};
use crate::ui::field::{check_field, select_field, CheckField, SelectField, TextField};
use curve::TiltCurve;
use state::{is_ratio, parse_config, Action, Input, SubsidyForm, FIELDS, SEGMENT_ROWS};

#[derive(Properties, PartialEq, Clone)]
pub struct SubsidyProps {
    pub year: i32,
    #[prop_or_default]
    pub large_text: bool,
    #[prop_or_default]
    pub rule_set: Option<AttrValue>,
    /// The portal's JSON configuration (per-programme defaults, parameter overrides).
    #[prop_or_default]
    pub config: Option<AttrValue>,
    /// Household facts as JSON (as the eligibility checker hands them over).
    #[prop_or_default]
    pub household: Option<AttrValue>,
}

fn fragment_household() -> Option<Value> {
    let raw = crate::ui::fragment::take("bangfu-household")?;
    let text = String::from(js_sys::decode_uri_component(&raw).ok()?);
    crate::ui::fragment::bounded_json(&text)
}

#[component]
pub fn SubsidyApp(props: &SubsidyProps) -> Html {
    let (large_on, set_large) = crate::ui::prefs::use_large_text(props.large_text);
    let form = use_reducer(|| SubsidyForm::new(props.year));
    {
        let form = form.clone();
        use_effect_with(
            (props.household.clone(), props.year),
            move |(household, year)| {
                form.dispatch(Action::SetYear(*year));
                let given = household
                    .as_ref()
                    .and_then(|h| crate::ui::fragment::bounded_json(h));
                if let Some(v) = given.or_else(fragment_household) {
                    form.dispatch(Action::Prefill(v));
                }
            },
        );
    }
    let config = use_memo(props.config.clone(), |c| parse_config(c.as_deref()));
    let rule_set = props.rule_set.as_ref().map(|r| r.to_string());
    // Evaluate; a problem in the portal's configuration (a field the person did not type) is
    // reported and that part of the configuration dropped, so the rest keeps working.
    let evaluated = use_memo(((*form).clone(), config.clone(), rule_set), |(f, c, rs)| {
        let (mut details, mut overrides, mut problems) = (**c).clone();
        let typed = |path: &str| -> bool {
            let rest = path.strip_prefix("input.details.").unwrap_or("");
            let mut parts = rest.splitn(2, '.');
            let (p, field) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            (field.starts_with("segments") && f.segments.iter().any(|(_, r)| !r.trim().is_empty()))
                || !f.detail(p, field).trim().is_empty()
        };
        for _ in 0..4 {
            let r =
                bangfu_policy::evaluate(&f.to_request(&details, overrides.as_ref(), rs.as_deref()));
            let bad: Vec<_> = r
                .errors
                .iter()
                .filter(|e| {
                    e.field.starts_with("overrides")
                        || (e.field.starts_with("input.details.") && !typed(&e.field))
                })
                .cloned()
                .collect();
            if bad.is_empty() {
                return (Rc::new(r), details, overrides, problems);
            }
            for e in bad {
                problems.push(format!(
                    "门户配置有误（{}）：{}，该项配置已忽略",
                    e.field, e.message
                ));
                if e.field.starts_with("overrides") {
                    overrides = None;
                } else if let Some(p) = e
                    .field
                    .strip_prefix("input.details.")
                    .and_then(|r| r.split(['.', '[']).next())
                {
                    details.remove(p);
                }
            }
        }
        let r = bangfu_policy::evaluate(&f.to_request(&details, None, rs.as_deref()));
        (Rc::new(r), details, None, problems)
    });
    let (response, config_details, overrides, problems) = (*evaluated).clone();
    let root = use_node_ref();
    use_announce(root.clone(), "subsidy", response.clone(), true);
    let error_at = |path: &str| {
        response
            .error_for(path)
            .map(|e| AttrValue::from(e.message.clone()))
    };
    // A share field: our own message when the text is not a share ("60" without "%"), else
    // the engine's.
    let share_error = |share: bool, typed: &str, path: &str| {
        share
            .then(|| state::ratio_problem(typed))
            .flatten()
            .map(AttrValue::from)
            .or_else(|| error_at(path))
    };
    let household_errors: Vec<String> = response
        .errors
        .iter()
        .filter(|e| e.field.starts_with("input.household"))
        .map(|e| e.message.clone())
        .collect();

    let set_kind = {
        let d = form.dispatcher();
        Callback::from(move |v: String| d.dispatch(Action::SetKind(v)))
    };
    let flag = |name: &'static str, label: &'static str, checked: bool| {
        let d = form.dispatcher();
        check_field(&CheckField {
            id: format!("h-{name}").into(),
            label: label.into(),
            checked,
            onchange: Callback::from(move |on: bool| d.dispatch(Action::SetFlag(name, on))),
            testid: format!("h-{name}").into(),
            ..Default::default()
        })
    };
    let members = form.members.iter().enumerate().map(|(i, m)| {
        let key = m.key;
        let set = |field: &'static str| {
            let d = form.dispatcher();
            Callback::from(move |value: String| d.dispatch(Action::SetMember { key, field, value }))
        };
        let remove = {
            let d = form.dispatcher();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveMember(key)))
        };
        let opts = |list: &[(&'static str, &'static str)]| -> Vec<(AttrValue, AttrValue)> {
            list.iter().map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l))).collect()
        };
        html! {
            <li class="member-row" key={key} data-testid={format!("s-member-{i}")}>
                <TextField id={format!("s{key}-age")} label="年龄" inputmode="numeric" suffix={Some(AttrValue::Static("岁"))}
                    value={m.age.clone()} oninput={set("age")} testid={format!("s-member-{i}-age")}
                    error={error_at(&format!("input.household.members[{i}].age"))} />
                { select_field(&SelectField { id: format!("s{key}-labour").into(), label: "劳动能力".into(),
                    value: m.labour.clone().into(), onchange: set("labour"), options: opts(&LABOUR),
                    testid: format!("s-member-{i}-labour").into(), ..Default::default() }) }
                { select_field(&SelectField { id: format!("s{key}-student").into(), label: "上学".into(),
                    value: m.student.clone().into(), onchange: set("student"),
                    options: opts(&[("", "不在上学"), ("high_school", "高中"), ("vocational", "中职、高职"), ("college", "大学")]),
                    testid: format!("s-member-{i}-student").into(), ..Default::default() }) }
                { select_field(&SelectField { id: format!("s{key}-disability").into(), label: "残疾".into(),
                    value: m.disability.clone().into(), onchange: set("disability"),
                    options: opts(&[("", "无"), ("mild", "有残疾"), ("severe", "重度残疾")]),
                    testid: format!("s-member-{i}-disability").into(), ..Default::default() }) }
                if form.members.len() > 1 {
                    <button type="button" class="btn btn-quiet remove btn-small" onclick={remove}
                        aria-label={format!("删除第 {} 位成员", i + 1)}>{"删除"}</button>
                }
            </li>
        }
    });
    let add_member = {
        let d = form.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::AddMember))
    };

    let estimates = response
        .result
        .as_ref()
        .filter(|_| response.ok)
        .and_then(|r| r.get("estimates").and_then(Value::as_array).cloned())
        .unwrap_or_default();
    let total = response
        .result
        .as_ref()
        .map(|r| s(r, "total"))
        .unwrap_or_default();
    let cards = PROGRAMMES.iter().map(|(code, label)| {
        let est = estimates.iter().find(|e| s(e, "programme") == *code);
        // Three answers (r2): true, false, or null = 需核实 / 可咨询 with the reason why.
        let answer = est.and_then(|e| e.get("eligible")).map(Value::as_bool);
        let eligible = answer == Some(Some(true));
        let undecided = answer == Some(None);
        let amount = est.and_then(|e| e.get("amount")).and_then(Value::as_str).map(str::to_string);
        let inputs = FIELDS.iter().filter(|(p, _, _)| p == code).map(|(p, f, input)| {
            let d = form.dispatcher();
            let (programme, field) = (p.to_string(), f.to_string());
            let id = format!("d-{p}-{f}");
            let value = form.detail(p, f).to_string();
            let path = format!("input.details.{p}.{f}");
            match input {
                Input::Text { label, unit } => html! {
                    <TextField id={id.clone()} label={*label} value={value.clone()} testid={id.clone()}
                        inputmode={if *f == "loan_date" || is_ratio(p, f) { "text" } else { "decimal" }}
                        suffix={(!unit.is_empty()).then_some(AttrValue::Static(unit))}
                        oninput={Callback::from(move |v: String| d.dispatch(Action::SetDetail { programme: programme.clone(), field: field.clone(), value: v }))}
                        error={share_error(is_ratio(p, f), &value, &path)} />
                },
                Input::Select { label, options } => select_field(&SelectField {
                    id: id.clone().into(), label: (*label).into(), value: value.into(), testid: id.into(),
                    options: options.iter().map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l))).collect(),
                    onchange: Callback::from(move |v: String| d.dispatch(Action::SetDetail { programme: programme.clone(), field: field.clone(), value: v })),
                    error: error_at(&path), ..Default::default()
                }),
                Input::Check { label } => check_field(&CheckField {
                    id: id.clone().into(), label: (*label).into(), checked: value != "false", testid: id.into(),
                    onchange: Callback::from(move |on: bool| d.dispatch(Action::SetDetail { programme: programme.clone(), field: field.clone(), value: on.to_string() })),
                    ..Default::default()
                }),
            }
        });
        let schedule_from_config = config_details.get("medical_tilt").and_then(|m| m.get("segments")).is_some();
        let segments = (*code == "medical_tilt").then(|| html! {
            <fieldset class="segments" data-testid="segments">
                <legend>{ if schedule_from_config { "分段报销比例（门户已配置，可在此改填）" } else { "分段报销比例（按当地医保规定填写；最后一段不设上限）" } }</legend>
                { for (0..SEGMENT_ROWS).map(|row| {
                    let (u, r) = form.segments[row].clone();
                    let du = form.dispatcher();
                    let dr = form.dispatcher();
                    html! {
                        <div class="pair">
                            <TextField id={format!("seg{row}-up")} label={format!("第 {} 段：报销到（元，最后一段不填）", row + 1)}
                                value={u} testid={format!("seg-{row}-up")}
                                oninput={Callback::from(move |v: String| du.dispatch(Action::SetSegment { row, up_to: Some(v), ratio: None }))}
                                error={error_at(&format!("input.details.medical_tilt.segments[{row}].up_to"))} />
                            <TextField id={format!("seg{row}-ratio")} label="报销比例（如 60% 或 0.6）" value={r.clone()} testid={format!("seg-{row}-ratio")}
                                inputmode="text"
                                oninput={Callback::from(move |v: String| dr.dispatch(Action::SetSegment { row, up_to: None, ratio: Some(v) }))}
                                error={share_error(true, &r, &format!("input.details.medical_tilt.segments[{row}].ratio"))} />
                        </div>
                    }
                }) }
            </fieldset>
        });
        html! {
            <article class={classes!("card", if eligible { "card-eligible" } else if undecided { "card-unknown" } else { "card-not" })} data-testid={format!("card-{code}")}>
                <h3>{*label}</h3>
                <p class="card-status">
                    <span class={if eligible { "badge badge-done" } else if undecided { "badge badge-due_soon" } else { "badge badge-rank-4" }} data-testid={format!("eligible-{code}")}>
                        { if eligible { "可以申请" } else if undecided { "需核实 / 可咨询" } else { "不符合条件" } }</span>
                    {" "}
                    <span class="card-amount" data-testid={format!("amount-{code}")}>{
                        match (&amount, eligible, undecided) {
                            (Some(a), true, _) => format!("{a} 元"),
                            (None, true, _) => "金额：未配置".to_string(),
                            (Some(a), _, true) => format!("当地标准 {a} 元（未计入合计）"),
                            _ => String::new(),
                        }
                    }</span>
                </p>
                if let Some(e) = est {
                    <ul class="card-reasons" data-testid={format!("reasons-{code}")}>
                        { for e.get("reasons").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(|r| html! { <li>{r.to_string()}</li> }) }
                    </ul>
                    if *code == "medical_tilt" && e.get("standard_payout").is_some() {
                        <p data-testid="tilt-compare">{format!("标准报销 {} 元，倾斜后 {} 元，多报 {} 元",
                            s(e, "standard_payout"), e.get("amount").and_then(Value::as_str).unwrap_or("—"), s(e, "difference"))}</p>
                    }
                    if *code == "medical_tilt" && e.get("tilted_bands").is_some() {
                        <table class="stages" data-testid="tilt-bands">
                            <caption>{"倾斜后逐段计算"}</caption>
                            <thead><tr><th scope="col">{"费用段（元）"}</th><th scope="col">{"金额"}</th><th scope="col">{"比例"}</th><th scope="col">{"报销"}</th></tr></thead>
                            <tbody>{ for e.get("tilted_bands").and_then(Value::as_array).into_iter().flatten().map(|b| html! {
                                <tr><td>{format!("{}–{}", s(b, "from"), s(b, "to"))}</td><td>{s(b, "amount")}</td><td>{s(b, "ratio")}</td><td>{s(b, "payout")}</td></tr>
                            }) }</tbody>
                        </table>
                    }
                    if *code == "microcredit" && e.get("interest").is_some() {
                        <p data-testid="loan-interest">{format!("年利率 {}，利息 {} 元", s(e, "rate"), s(e, "interest"))}</p>
                    }
                }
                <details class="card-more">
                    <summary data-testid={format!("summary-{code}")}>{"填写情况、看依据"}</summary>
                    <div class="card-inputs">{ for inputs }{ segments.unwrap_or_default() }</div>
                    if let Some(e) = est {
                        <p class="step-source" data-testid={format!("basis-{code}")}>{"依据："}{s(e, "basis")}</p>
                        <ul class="card-params">
                            { for e.get("parameters").and_then(Value::as_array).into_iter().flatten().map(|p| html! {
                                <li>{format!("{}：{}（{}；{}）", s(p, "label"), s(p, "value"), engine_label(p.get("confidence").unwrap_or(&Value::Null), Confidence::label, "未配置"), s(p, "source"))}</li>
                            }) }
                        </ul>
                    }
                </details>
                if *code == "medical_tilt" {
                    <TiltCurve request={Rc::new(form.to_request(&config_details, overrides.as_ref(), props.rule_set.as_deref()))} />
                }
                <p class="bf-note">{"以当地最新文件为准"}</p>
            </article>
        }
    });

    html! {
        <div ref={root} class={classes!("bf", "bf-subsidy", large_on.then_some("bf-large"))} lang="zh-CN">
            <header class="bf-head">
                { crate::ui::prefs::large_text_toggle(large_on, &set_large) }
                    <h2>{"帮扶政策测算"}</h2>
                <p class="bf-sub">{format!("{} 年度 · 每项都写明依据 · 以当地最新文件为准 · 只在本机计算", form.year)}</p>
            </header>
            if !problems.is_empty() {
                <div class="bf-alert" role="alert" data-testid="config-problems">
                    <ul>{ for problems.iter().map(|p| html! { <li>{p.clone()}</li> }) }</ul>
                </div>
            }
            <form class="bf-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset data-testid="household">
                    <legend>{"家庭情况"}</legend>
                    if form.as_if_monitored {
                        <p class="bf-alert" data-testid="as-if-monitored">{"按“如被识别为监测户”估算：自查显示您家可能符合纳入监测的条件，下面是纳入后可申请的帮扶。实际以村里核实、认定为准。"}
                            if form.self_paid_from_self_check { {"医疗救助中的“个人自付”来自自查填写的看病、上学、受灾费用合计，请按住院发票改填。"} }
                        </p>
                    }
                    { select_field(&SelectField { id: "s-kind".into(), label: "家庭类别".into(), value: form.kind.clone().into(),
                        onchange: set_kind, testid: "s-kind".into(),
                        options: vec![(AttrValue::Static("poverty_alleviated"), AttrValue::Static("脱贫户")),
                            (AttrValue::Static("monitored"), AttrValue::Static("监测户")), (AttrValue::Static("ordinary"), AttrValue::Static("一般农户"))],
                        ..Default::default() }) }
                    <div class="checks">
                        {flag("hukou", "甘肃户籍", form.hukou)}
                        {flag("on_dibao", "低保户", form.on_dibao)}
                        {flag("on_tekun", "特困供养", form.on_tekun)}
                        {flag("orphan", "孤儿", form.orphan)}
                        {flag("holds_public_welfare_job", "有家庭成员在公益性岗位上岗", form.holds_job)}
                    </div>
                    <ol class="member-list">{ for members }</ol>
                    <button type="button" class="btn btn-quiet btn-small" onclick={add_member} data-testid="s-add-member">{"＋ 添加家庭成员"}</button>
                    if !household_errors.is_empty() {
                        <ul class="bf-errors">{ for household_errors.iter().map(|m| html! { <li>{m.clone()}</li> }) }</ul>
                    }
                </fieldset>
            </form>
            <p class="total" data-testid="total">{format!("已知金额合计：{total} 元")}</p>
            <p class="bf-note" data-testid="total-note">{response.result.as_ref().map(|r| s(r, "total_note")).unwrap_or_default()}</p>
            <div class="cards">{ for cards }</div>
        </div>
    }
}
