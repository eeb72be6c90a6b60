//! `<bangfu-eligibility>`: the public self-check (`mode="public"`, one topic a page, a review
//! page, then the result) and the cadre screening form (`mode="cadre"`, everything at once) —
//! rules.md §2. Every decision is `bangfu_policy::evaluate`'s.

pub mod history;
pub mod next_step;
pub mod result_view;
pub mod sections;
pub mod session;
pub mod state;

use std::rc::Rc;

use bangfu_policy::Response;
use serde_json::json;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::hooks::use_announce;

use crate::ui::browser;
use crate::ui::prefs::{large_text_toggle, use_large_text};
use next_step::{contact, keep_result};
use result_view::{result_view, ResultProps};
use sections::Ctx;
use state::{prefill_from_fragment, Action, EligibilityForm, Prefill, RESULT, REVIEW, STEPS};

#[derive(Properties, PartialEq, Clone)]
pub struct EligibilityProps {
    /// `public` (default) or `cadre`.
    #[prop_or(AttrValue::Static("public"))]
    pub mode: AttrValue,
    #[prop_or_default]
    pub large_text: bool,
    #[prop_or_default]
    pub rule_set: Option<AttrValue>,
    /// Already checked by `ui::url::safe_href`.
    #[prop_or_default]
    pub report_url: Option<AttrValue>,
    /// The portal's hotline (shown, `tel:` href), already checked by `ui::url::safe_tel`.
    #[prop_or_default]
    pub hotline: Option<(AttrValue, AttrValue)>,
    #[prop_or_default]
    pub subsidy_url: Option<AttrValue>,
    /// Which widget of its kind this is on the page (keeps its session answers apart).
    #[prop_or_default]
    pub instance: AttrValue,
    /// "Today" as the page pins it (e.g. to the policy year); else the device's date.
    #[prop_or_default]
    pub date: Option<AttrValue>,
    /// Parameter overrides as JSON (e.g. the 七不消 items: `{"seven_not_eliminate_items": […]}`).
    #[prop_or_default]
    pub overrides: Option<AttrValue>,
    /// Figures set by the page (attributes), as the income hand-off would give them.
    #[prop_or_default]
    pub prefill: Option<Rc<Prefill>>,
}

/// The page's URL fragment, decoded.
fn fragment_prefill() -> Option<Prefill> {
    let raw = crate::ui::fragment::take("bangfu-income")?;
    prefill_from_fragment(&format!("bangfu-income={raw}"), |s| {
        js_sys::decode_uri_component(s).ok().map(String::from)
    })
}

/// What the income calculator handed over, in words, for the cadre to check.
fn handed_over(form: &EligibilityForm) -> String {
    let mut parts = Vec::new();
    if !form.per_capita.is_empty() {
        parts.push(format!("家庭年人均纯收入 {} 元", form.per_capita));
    }
    if !form.after_rigid.is_empty() {
        parts.push(format!("扣除刚性支出后人均 {} 元", form.after_rigid));
    }
    parts.push(format!("家庭成员 {} 人", form.members.len()));
    if !form.rigid.is_empty() {
        parts.push(format!("刚性支出 {} 元", form.rigid));
    }
    if form.flags.contains(&state::Flag::OnDibao) {
        parts.push("享受农村低保".to_string());
    }
    if form.flags.contains(&state::Flag::OnTekun) {
        parts.push("特困供养对象".to_string());
    }
    parts.join("、")
}

#[component]
pub fn EligibilityApp(props: &EligibilityProps) -> Html {
    let cadre = props.mode.as_str() == "cadre";
    let (large_on, set_large) = use_large_text(props.large_text);
    // The public self-check picks up this session's answers (reload, back from another page).
    let restored = use_mut_ref(|| false);
    let form = use_reducer(|| {
        let date = props
            .date
            .as_ref()
            .map_or_else(browser::today, |d| d.to_string());
        let kept = (!cadre)
            .then(|| session::load(&props.instance, &date))
            .flatten();
        *restored.borrow_mut() = kept.is_some();
        kept.unwrap_or_else(|| EligibilityForm::new(date))
    });
    {
        let instance = props.instance.clone();
        use_effect_with((*form).clone(), move |f| {
            if !cadre {
                session::save(&instance, f);
            }
        });
    }
    // 长辈 mode: one question a screen; `sub` is the question on screen.
    let questions = if large_on && !cadre {
        form.questions_in(form.step)
    } else {
        1
    };
    let sub = form.sub.min(questions - 1);
    {
        let d = form.dispatcher();
        history::use_step_history(
            !cadre,
            props.instance.clone(),
            form.step * history::SCREENS_PER_STEP + sub,
            Callback::from(move |pos: usize| {
                d.dispatch(Action::At {
                    step: pos / history::SCREENS_PER_STEP,
                    sub: pos % history::SCREENS_PER_STEP,
                })
            }),
        );
    }
    {
        let form = form.clone();
        use_effect_with(props.date.clone(), move |date| {
            if let Some(d) = date {
                if form.date != d.as_str() {
                    form.dispatch(Action::Set(state::Text::Date, d.to_string()));
                }
            }
        });
    }
    {
        let (form, prefill) = (form.clone(), props.prefill.clone());
        let restored = *restored.borrow();
        use_effect_with(prefill, move |prefill| {
            // Answers kept from this session already hold what was handed over.
            if restored {
                return;
            }
            let chosen = prefill
                .as_ref()
                .map(|p| (**p).clone())
                .or_else(fragment_prefill);
            if let Some(p) = chosen {
                form.dispatch(Action::Prefill(p));
            }
        });
    }
    let rule_set = props.rule_set.as_ref().map(|r| r.to_string());
    let income: Rc<Option<Response>> = use_memo(((*form).clone(), rule_set.clone()), |(f, rs)| {
        f.income_request().map(|mut req| {
            if let Some(rs) = rs {
                req["rule_set"] = json!(rs);
            }
            bangfu_policy::evaluate(&req)
        })
    });
    let overrides: Option<serde_json::Value> = props
        .overrides
        .as_ref()
        .and_then(|o| serde_json::from_str(o).ok());
    let response: Rc<Response> = use_memo(
        ((*form).clone(), income.clone(), rule_set, overrides),
        |(f, inc, rs, ov)| {
            let estimate = (**inc).as_ref().and_then(|r| r.result.as_ref()).map(|res| {
                let get = |k: &str| res.get(k).and_then(|v| v.as_str()).map(str::to_string);
                (
                    get("per_capita_net_income").unwrap_or_default(),
                    get("per_capita_after_rigid"),
                )
            });
            bangfu_policy::evaluate(&f.to_request(estimate, rs.as_deref(), ov.as_ref()))
        },
    );
    // Had the household applied today: the 一键报贫 timeline (deadlines engine).
    let timeline: Rc<Response> = use_memo(form.date.clone(), |date| {
        bangfu_policy::evaluate(&json!({ "calculator": "deadlines", "input": {
            "procedure": "one_click_report", "applied_on": date, "today": date, "allow_estimate": true } }))
    });
    let root = use_node_ref();
    use_announce(
        root.clone(),
        "eligibility",
        response.clone(),
        cadre || form.step == RESULT,
    );
    // Move focus to the page heading when the public step changes (keyboard and screen
    // readers) — never on load: the widget must not grab focus or scroll the host page.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((form.step, sub), move |_| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    // The field an error-summary link asked for, focused once it is on screen.
    let pending_focus = use_mut_ref(|| None::<String>);
    {
        let (pending, root) = (pending_focus.clone(), root.clone());
        use_effect(move || {
            let target = pending.borrow_mut().take();
            if let Some(target) = target {
                if let Some(el) = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| {
                        r.query_selector(&format!("[id=\"{target}\"]"))
                            .ok()
                            .flatten()
                    })
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            }
        });
    }
    // A failed "next" moves focus to the error summary (GOV.UK pattern).
    let summary_ref = use_node_ref();
    {
        let summary_ref = summary_ref.clone();
        use_effect_with(form.tries, move |tries| {
            if *tries > 0 {
                if let Some(el) = summary_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // After "add a member", continue in the new member's first field.
    {
        let root = root.clone();
        let count = form.members.len();
        let last = use_mut_ref(|| count);
        use_effect_with(count, move |count| {
            if *count > *last.borrow() {
                if let Some(node) = root.get() {
                    browser::focus_testid(&node, &format!("member-{}-age", count - 1));
                }
            }
            *last.borrow_mut() = *count;
        });
    }
    // The subsidy estimator, pre-filled with this household (fragment: never sent to a server).
    let subsidy_href = props.subsidy_url.as_ref().map(|u| {
        let base = u.split('#').next().unwrap_or(u);
        let payload = form.household_payload().to_string();
        AttrValue::from(format!(
            "{base}#bangfu-household={}",
            String::from(js_sys::encode_uri_component(&payload))
        ))
    });
    // What the saved picture and the QR code hold: the answers, the result, whom to call.
    let mut keep_lines = sections::answer_lines(&form, &conclusion(&response));
    if let Some((shown, _)) = &props.hotline {
        keep_lines.push(format!("帮扶热线：{shown}"));
    }
    let estimate_failed = (*income).as_ref().is_some_and(|r| !r.ok);
    let ctx = Ctx {
        form: form.clone(),
        income: income.clone(),
        response: response.clone(),
        cadre,
        large: large_on,
        only: (questions > 1).then_some(sub),
    };
    let result = html! {
        if estimate_failed {
            <section class="bf-result bf-result-empty" data-testid="result"><p class="bf-status">{"请先更正收入估算中标出的问题。"}</p></section>
        } else {
            { result_view(&ResultProps { response: response.clone(), timeline: timeline.clone(), cadre,
                report_url: props.report_url.clone(), subsidy_url: subsidy_href,
                show_errors: !cadre || !form.attempted.is_empty(),
                contact: contact(props.report_url.as_ref(), props.hotline.as_ref()) }) }
            if !cadre {
                { keep_result(Rc::new(keep_lines), &root) }
            }
        }
    };
    let large = large_on.then_some("bf-large");
    let toggle = large_text_toggle(large_on, &set_large);
    let check_all = {
        let d = form.dispatcher();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.dispatch(Action::CheckAll);
        })
    };

    if cadre {
        return html! {
            <div ref={root} class={classes!("bf", "bf-eligibility", large)} lang="zh-CN">
                <header class="bf-head">
                    {toggle}
                    <h2 ref={heading} tabindex="-1">{"监测对象识别（干部排查）"}</h2>
                    <p class="bf-sub">{"六必访、六必查、分类管理、风险消除 · 只在本机计算"}</p>
                </header>
                if form.from_income {
                    <div class="bf-alert" role="status" data-testid="from-income">
                        <p><strong>{"已从收入核算带入，请核对："}</strong>{handed_over(&form)}</p>
                        <p>{"其余问题（户籍、户类型、困难和风险）请当面问清后补充。"}</p>
                    </div>
                }
                <form class="bf-form" novalidate=true onsubmit={check_all}>
                    {sections::residence(&ctx)}
                    <fieldset><legend>{"家庭成员"}</legend>{sections::members(&ctx)}</fieldset>
                    <fieldset><legend>{"收入"}</legend>{sections::income(&ctx)}</fieldset>
                    <fieldset><legend>{"支出与困难"}</legend>{sections::hardship(&ctx)}</fieldset>
                    {sections::risks(&ctx)}
                    if form.kind == "monitored" { {sections::monitoring(&ctx)} }
                    <div class="actions">
                        <button type="submit" class="btn" data-testid="check-all">{"检查填写"}</button>
                    </div>
                </form>
                {result}
            </div>
        };
    }

    // The public walk-through.
    let step = form.step;
    let keys = ctx.all_error_keys();
    let step_ok = |s: usize| !keys.iter().any(|k| EligibilityForm::step_of(k) == s);
    let go = |to: usize| {
        let d = form.dispatcher();
        let ok = step >= STEPS.len() || step_ok(step);
        // 长辈 mode: the next (or previous) question of this step first.
        let within = if to > step && sub + 1 < questions {
            Some(sub + 1)
        } else if to <= step && sub > 0 {
            Some(sub - 1)
        } else {
            None
        };
        // A step with problems opens at the first question that has one.
        let first_bad_question = keys
            .iter()
            .filter(|k| EligibilityForm::step_of(k) == step)
            .map(|k| form.question_of(&form.error_target(k).1))
            .min()
            .unwrap_or(0)
            .min(questions - 1);
        // 长辈 mode: a question with a problem is not left for the next one.
        let bad_here = keys
            .iter()
            .filter(|k| EligibilityForm::step_of(k) == step)
            .any(|k| form.question_of(&form.error_target(k).1) == sub);
        Callback::from(move |_: MouseEvent| match within {
            Some(_) if to > step && bad_here => d.dispatch(Action::Leave {
                from: step,
                to,
                ok: false,
            }),
            Some(q) => d.dispatch(Action::Sub(q)),
            None => {
                if !ok && to > step {
                    d.dispatch(Action::Sub(first_bad_question));
                }
                d.dispatch(Action::Leave { from: step, to, ok })
            }
        })
    };
    let jump = |to: usize| {
        let d = form.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Go(to)))
    };
    // From the review, an unanswered question sends the person back to its page.
    let first_bad = (0..STEPS.len()).find(|s| !step_ok(*s));
    let see_result = {
        let d = form.dispatcher();
        Callback::from(move |_: MouseEvent| match first_bad {
            Some(s) => {
                d.dispatch(Action::Go(s));
                d.dispatch(Action::Leave {
                    from: s,
                    to: s + 1,
                    ok: false,
                });
            }
            None => d.dispatch(Action::Go(RESULT)),
        })
    };
    let title = match step {
        s if s < STEPS.len() => STEPS[s].to_string(),
        REVIEW => "核对您的回答".to_string(),
        _ => "自查结果".to_string(),
    };
    let progress = html! {
        <nav class="progress" aria-label="填写进度">
            <p class="bf-note" data-testid="progress">{
                if step < STEPS.len() && questions > 1 {
                    format!("第 {} 步，共 {} 步 · 第 {} 问，共 {} 问", step + 1, STEPS.len(), sub + 1, questions)
                } else if step < STEPS.len() { format!("第 {} 步，共 {} 步", step + 1, STEPS.len()) } else { title.clone() }
            }</p>
            <ol class="progress-steps">
                { for STEPS.iter().enumerate().map(|(i, name)| html! {
                    <li class={classes!((i == step).then_some("current"), (i < step).then_some("done"))}
                        aria-current={(i == step).then_some("step")}>{*name}</li>
                }) }
            </ol>
        </nav>
    };
    let body = match step {
        0 => sections::residence(&ctx),
        1 => sections::members(&ctx),
        2 => sections::income(&ctx),
        3 => sections::hardship(&ctx),
        4 => sections::risks(&ctx),
        REVIEW => html! {
            <div class="review" data-testid="review">
                { for (0..STEPS.len()).map(|s| html! {
                    <section class="review-group">
                        <h3>{STEPS[s]}</h3>
                        <dl>{ for sections::summary(s, &form).into_iter().map(|(k, v)| html! {
                            <div class="row"><dt>{k}</dt><dd>{v}</dd></div>
                        }) }</dl>
                        <button type="button" class="btn btn-quiet btn-small" onclick={jump(s)}
                            aria-label={format!("修改{}", STEPS[s])} data-testid={format!("change-{s}")}>{"修改"}</button>
                    </section>
                }) }
            </div>
        },
        _ => result,
    };
    // The error summary: every problem of this step in question order, each a link to its field.
    let mut step_errors: Vec<(usize, String, String)> =
        if step < STEPS.len() && form.attempted.contains(&step) {
            response
                .errors
                .iter()
                .filter(|e| EligibilityForm::step_of(&e.field) == step)
                // In estimate mode the missing figure is the estimate's fault: its errors say why.
                .filter(|e| !(form.income_mode == "estimate" && e.field.contains("per_capita")))
                .map(|e| (e.field.clone(), e.message.clone()))
                .chain(
                    (*income)
                        .iter()
                        .flat_map(|r| r.errors.iter())
                        .map(|e| (format!("income:{}", e.field), e.message.clone()))
                        .filter(|(k, _)| EligibilityForm::step_of(k) == step),
                )
                .map(|(k, m)| {
                    let (order, target) = form.error_target(&k);
                    (order, target, m)
                })
                .collect()
        } else {
            Vec::new()
        };
    if questions > 1 {
        step_errors.retain(|e| form.question_of(&e.1) == sub);
    }
    step_errors.sort_by_key(|e| e.0);
    // A link of the summary focuses its field (after showing its question in 长辈 mode).
    let to_field = |target: String| {
        let (pending, d) = (pending_focus.clone(), form.dispatcher());
        let screen = form.question_of(&target);
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            *pending.borrow_mut() = Some(target.clone());
            // Re-render (and show the field's question in 长辈 mode), then focus it.
            d.dispatch(Action::Sub(if questions > 1 { screen } else { sub }));
        })
    };
    html! {
        <div ref={root.clone()} class={classes!("bf", "bf-eligibility", large)} lang="zh-CN">
            <header class="bf-head">
                {toggle}
                <p class="bf-sub">{"防止返贫监测 · 自查（不需要姓名和身份证号，只在本机计算）"}</p>
                {progress}
                <h2 ref={heading} tabindex="-1" id="step-title" data-testid="step-title">{title}</h2>
            </header>
            if !step_errors.is_empty() {
                <div class="bf-error-summary" role="alert" tabindex="-1" ref={summary_ref} data-testid="step-errors"
                    aria-labelledby="error-summary-title">
                    <h3 id="error-summary-title">{"请先补充或更正下面的问题"}</h3>
                    <ul>{ for step_errors.iter().map(|(_, target, m)| html! {
                        <li><a href={format!("#{target}")} onclick={to_field(target.clone())}
                            data-testid={format!("error-link-{target}")}>{m.clone()}</a></li>
                    }) }</ul>
                </div>
            }
            <form class="bf-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>{body}</form>
            <div class="actions nav">
                if step > 0 || sub > 0 {
                    <button type="button" class="btn btn-quiet" onclick={go(step.saturating_sub(1))} data-testid="back">{"上一步"}</button>
                }
                if step < REVIEW && sub + 1 < questions {
                    <button type="button" class="btn" onclick={go(step + 1)} data-testid="next">{"下一题"}</button>
                } else if step < REVIEW {
                    <button type="button" class="btn" onclick={go(step + 1)} data-testid="next">
                        { if step + 1 == REVIEW { "下一步：核对回答" } else { "下一步" } }
                    </button>
                } else if step == REVIEW {
                    <button type="button" class="btn" onclick={see_result} data-testid="see-result">{"查看自查结果"}</button>
                } else {
                    <button type="button" class="btn btn-quiet" onclick={jump(REVIEW)} data-testid="to-review">{"返回修改回答"}</button>
                }
            </div>
        </div>
    }
}

/// The result in one plain sentence, for the saved picture and the QR code.
fn conclusion(r: &Response) -> String {
    let Some(res) = r.result.as_ref().filter(|_| r.ok) else {
        return "回答不完整，未得出结果".into();
    };
    match res.get("in_scope").and_then(serde_json::Value::as_bool) {
        Some(true) => "可能符合纳入监测的条件，请村里入户核实".into(),
        Some(false) => "按填写的情况，暂不在监测范围内".into(),
        None => "需入户核实".into(),
    }
}
