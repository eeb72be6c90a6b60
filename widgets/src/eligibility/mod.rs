//! `<bangfu-eligibility>`: the public self-check (`mode="public"`, one topic a page, a review
//! page, then the result) and the cadre screening form (`mode="cadre"`, everything at once) —
//! rules.md §2. Every decision is `bangfu_policy::evaluate`'s.

pub mod result_view;
pub mod sections;
pub mod state;

use std::rc::Rc;

use bangfu_policy::Response;
use serde_json::json;
use yew::prelude::*;

use crate::ui::hooks::use_announce;

use crate::ui::browser;
use result_view::ResultView;
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
    #[prop_or_default]
    pub report_url: Option<AttrValue>,
    #[prop_or_default]
    pub subsidy_url: Option<AttrValue>,
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

#[component]
pub fn EligibilityApp(props: &EligibilityProps) -> Html {
    let cadre = props.mode.as_str() == "cadre";
    let form = use_reducer(|| {
        EligibilityForm::new(
            props
                .date
                .as_ref()
                .map_or_else(browser::today, |d| d.to_string()),
        )
    });
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
        use_effect_with(prefill, move |prefill| {
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
    // Move focus to the page heading when the public step changes (keyboard and screen readers).
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(form.step, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
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
    let estimate_failed = (*income).as_ref().is_some_and(|r| !r.ok);
    let ctx = Ctx {
        form: form.clone(),
        income: income.clone(),
        response: response.clone(),
        cadre,
    };
    let result = html! {
        if estimate_failed {
            <section class="bf-result bf-result-empty" data-testid="result"><p class="bf-status">{"请先更正收入估算中标出的问题。"}</p></section>
        } else {
            <ResultView response={response.clone()} timeline={timeline.clone()} cadre={cadre}
                report_url={props.report_url.clone()} subsidy_url={subsidy_href} />
        }
    };
    let large = props.large_text.then_some("bf-large");

    if cadre {
        return html! {
            <div ref={root} class={classes!("bf", "bf-eligibility", large)} lang="zh-CN">
                <header class="bf-head">
                    <h2 ref={heading} tabindex="-1">{"监测对象识别（干部排查）"}</h2>
                    <p class="bf-sub">{"六必访、六必查、分类管理、风险消除 · 只在本机计算"}</p>
                </header>
                <form class="bf-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    {sections::residence(&ctx)}
                    <fieldset><legend>{"家庭成员"}</legend>{sections::members(&ctx)}</fieldset>
                    <fieldset><legend>{"收入"}</legend>{sections::income(&ctx)}</fieldset>
                    <fieldset><legend>{"支出与困难"}</legend>{sections::hardship(&ctx)}</fieldset>
                    {sections::risks(&ctx)}
                    if form.kind == "monitored" { {sections::monitoring(&ctx)} }
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
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Leave { from: step, to, ok }))
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
                if step < STEPS.len() { format!("第 {} 步，共 {} 步", step + 1, STEPS.len()) } else { title.clone() }
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
    let step_errors: Vec<String> = if step < STEPS.len() && form.attempted.contains(&step) {
        response
            .errors
            .iter()
            .filter(|e| EligibilityForm::step_of(&e.field) == step)
            // In estimate mode the missing figure is the estimate's fault: its errors say why.
            .filter(|e| !(form.income_mode == "estimate" && e.field.contains("per_capita")))
            .map(|e| e.message.clone())
            .chain(
                (*income)
                    .iter()
                    .flat_map(|r| r.errors.iter())
                    .filter(|e| EligibilityForm::step_of(&format!("income:{}", e.field)) == step)
                    .map(|e| e.message.clone()),
            )
            .collect()
    } else {
        Vec::new()
    };
    html! {
        <div ref={root} class={classes!("bf", "bf-eligibility", large)} lang="zh-CN">
            <header class="bf-head">
                <p class="bf-sub">{"防止返贫监测 · 自查（不需要姓名和身份证号，只在本机计算）"}</p>
                {progress}
                <h2 ref={heading} tabindex="-1" data-testid="step-title">{title}</h2>
            </header>
            if !step_errors.is_empty() {
                <div class="bf-alert" role="alert" data-testid="step-errors">
                    <p><strong>{"请先补充或更正："}</strong></p>
                    <ul>{ for step_errors.iter().map(|m| html! { <li>{m.clone()}</li> }) }</ul>
                </div>
            }
            <form class="bf-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>{body}</form>
            <div class="actions nav">
                if step > 0 {
                    <button type="button" class="btn btn-quiet" onclick={go(step - 1)} data-testid="back">{"上一步"}</button>
                }
                if step < REVIEW {
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
