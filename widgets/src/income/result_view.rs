//! The income result while typing: the per-capita figure against the line in plain words,
//! the pictures, the totals, the context figures, the data-quality remarks, the explanation,
//! and the actions (print, CSV, hand-off) — all read from the engine's response.

use std::rc::Rc;

use bangfu_policy::calc::income::Category;
use bangfu_policy::Response;
use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::charts::{category_bars, gauge};

/// What the result shows.
#[derive(PartialEq, Clone)]
pub struct ResultProps {
    pub response: Rc<Response>,
    /// False until the person has typed anything: then no "errors", just an invitation.
    pub touched: bool,
    pub cadre: bool,
    pub on_print: Callback<()>,
    pub on_csv: Callback<()>,
    pub on_save_image: Callback<()>,
    /// "已自动保存 10:20" (cadre mode, once the household was saved on the device).
    pub saved_note: Option<AttrValue>,
    /// Link to the eligibility checker, pre-filled, when the page configured one.
    pub handoff: Option<AttrValue>,
}

pub use crate::ui::engine::text;

fn amount_row(label: &str, value: String, testid: &str) -> Html {
    html! {
        <div class="row"><dt>{label.to_string()}</dt><dd data-testid={testid.to_string()}>{value}{" 元"}</dd></div>
    }
}

/// The comparison with the line in plain words.
pub fn verdict(res: &Value) -> (&'static str, String) {
    let year = res.get("year").and_then(Value::as_i64).unwrap_or_default();
    let range = res.get("monitoring_range").and_then(Value::as_str);
    let gap = text(res, "gap_to_range");
    match (
        res.get("below_monitoring_range").and_then(Value::as_bool),
        range,
    ) {
        (Some(true), Some(range)) => (
            "verdict verdict-below",
            format!("低于{year}年监测范围（{range} 元）{gap} 元"),
        ),
        (Some(false), Some(range)) if gap == "0.00" => (
            "verdict verdict-above",
            format!("恰好等于{year}年监测范围（{range} 元），不算低于"),
        ),
        (Some(false), Some(range)) => (
            "verdict verdict-above",
            format!(
                "高于{year}年监测范围（{range} 元）{} 元",
                gap.trim_start_matches('-')
            ),
        ),
        _ => (
            "verdict verdict-unknown",
            format!("{year}年监测范围未配置，暂不能比较（以当地文件为准）"),
        ),
    }
}

/// The result. A plain function (no hooks), so it costs no component of its own in the bundle.
pub fn result_view(props: &ResultProps) -> Html {
    let r = &props.response;
    if !r.ok {
        let body = if props.touched {
            html! {
                <>
                    <p class="bf-status">{format!("还有 {} 处需要补充或更正，改好后自动算出结果：", r.errors.len())}</p>
                    <ul class="bf-errors" data-testid="error-summary">
                        { for r.errors.iter().map(|e| html! { <li>{e.message.clone()}</li> }) }
                    </ul>
                </>
            }
        } else {
            html! { <p class="bf-status">{"填写家庭人口和各项收入后，这里会算出家庭年人均纯收入，并与监测范围比较。"}</p> }
        };
        return html! {
            <section class="bf-result bf-result-empty" aria-live="polite" data-testid="result">{body}</section>
        };
    }
    let res = r.result.clone().unwrap_or_default();
    let per_capita = text(&res, "per_capita_net_income");
    let range = res
        .get("monitoring_range")
        .and_then(Value::as_str)
        .map(str::to_string);
    let (verdict_class, verdict_text) = verdict(&res);
    let by = res.get("by_category").cloned().unwrap_or_default();
    let size = res
        .get("household_size")
        .and_then(Value::as_u64)
        .unwrap_or_default();
    let bars: Vec<(&'static str, String)> = Category::ALL[..4]
        .iter()
        .map(|c| (c.label(), text(&by, c.code())))
        .collect();
    let after_rigid = res
        .get("per_capita_after_rigid")
        .and_then(Value::as_str)
        .map(str::to_string);
    let declined = res.get("income_declined").and_then(Value::as_bool);
    let ratio = |k: &str| {
        res.get(k)
            .and_then(Value::as_str)
            .map_or("未配置".to_string(), str::to_string)
    };
    let print = {
        let cb = props.on_print.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let csv = {
        let cb = props.on_csv.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let save_image = {
        let cb = props.on_save_image.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };

    html! {
        <section class="bf-result" aria-live="polite" data-testid="result" id="bf-income-result" tabindex="-1">
            <p class="figure-label">{"家庭年人均纯收入"}</p>
            <p class="figure"><span data-testid="per-capita">{per_capita.clone()}</span><span class="unit">{" 元"}</span></p>
            <p class={verdict_class} data-testid="verdict">{verdict_text}</p>
            { gauge(&per_capita, range.as_deref()) }
            <dl class="totals">
                {amount_row("家庭总收入", text(&res, "gross_income"), "gross-income")}
                {amount_row("减 生产经营性支出", text(&res, "operating_expenses"), "total-expenses")}
                {amount_row("家庭纯收入", text(&res, "net_income"), "net-income")}
                <div class="row"><dt>{"家庭人口"}</dt><dd data-testid="result-size">{size}{" 人"}</dd></div>
                {amount_row("不计入收入（只记录）", text(&res, "excluded_total"), "excluded-total")}
                if let Some(v) = after_rigid {
                    {amount_row("扣除刚性支出后人均", v, "after-rigid")}
                }
                if let Some(d) = declined {
                    <div class="row"><dt>{"与上年比"}</dt>
                        <dd data-testid="declined">{ if d { "收入不增反降" } else { "没有下降" } }</dd></div>
                }
            </dl>
            { category_bars(&bars) }
            <p class="bf-note" data-testid="ratios">{format!(
                "“两提升”参考：为上年全国农村居民人均可支配收入的 {}，甘肃的 {}。",
                ratio("ratio_to_national_rural_income"), ratio("ratio_to_gansu_rural_income"))}</p>
            if !r.warnings.is_empty() {
                <div class="bf-warnings-box">
                    <p class="bf-warnings-title">{format!("请核对（{} 处疑点，不影响计算）", r.warnings.len())}</p>
                    <ul class="bf-warnings" data-testid="warnings">
                        { for r.warnings.iter().map(|w| html! { <li data-code={w.code.clone()}>{w.message.clone()}</li> }) }
                    </ul>
                </div>
            }
            <details class="bf-steps" data-testid="steps">
                <summary>{"计算过程和依据"}</summary>
                <ol>
                    { for r.explanation.iter().map(|s| html! {
                        <li>
                            <p class="step-head"><strong>{s.label.clone()}</strong>{"："}{s.value.clone()}</p>
                            <p class="step-formula">{s.formula.clone()}</p>
                            <p class="step-source">{"依据："}{s.source.clone()}</p>
                            { for s.parameters.iter().map(|p| html! {
                                <p class="step-param">{format!("参数 {}：{}（{}；{}）", p.label, p.value,
                                    p.confidence.map_or("未配置", |c| c.label()), p.source)}</p>
                            }) }
                        </li>
                    }) }
                </ol>
            </details>
            if let Some(note) = &props.saved_note {
                <p class="bf-note saved-note" data-testid="saved-note">{note.clone()}</p>
            }
            <div class="actions">
                if props.cadre {
                    <button type="button" class="btn" onclick={print} data-testid="print">{"打印核算表"}</button>
                    <button type="button" class="btn btn-quiet" onclick={save_image} data-testid="save-image">{"保存为图片"}</button>
                    <button type="button" class="btn btn-quiet" onclick={csv} data-testid="csv">{"导出表格（CSV）"}</button>
                }
                if let Some(href) = &props.handoff {
                    <a class="btn btn-quiet" href={href.clone()} data-testid="handoff">{
                        if props.cadre { "用这个结果做监测对象识别 →" } else { "用这个结果做监测对象自查 →" }
                    }</a>
                }
            </div>
            if props.cadre {
                <details class="pdf-help" data-testid="pdf-help">
                    <summary>{"手机上怎样保存为PDF"}</summary>
                    <p>{"点“打印核算表”，在打开的打印页面顶部把打印机选为“另存为PDF”（或“保存为PDF”），再点下载按钮，文件存在手机的“下载”里。"}
                       {"也可以点“保存为图片”，图片存在手机的“下载”或相册里。都只保存在本机，不会上传。"}</p>
                </details>
            }
        </section>
    }
}

/// On a narrow screen, the running per-capita figure against the line, kept in view at the top
/// while the form is filled; a tap goes to the full result. Not printed; not a live region
/// (the result itself announces changes). A plain function (no hooks).
pub fn sticky_figure(r: &Response) -> Html {
    let Some(res) = r.result.as_ref().filter(|_| r.ok) else {
        return html! {};
    };
    let per_capita = text(res, "per_capita_net_income");
    let line = res.get("monitoring_range").and_then(Value::as_str);
    let below = res.get("below_monitoring_range").and_then(Value::as_bool);
    let (class, compare) = match (below, line) {
        (Some(true), Some(l)) => ("sticky-below", format!("低于监测线 {l}")),
        (Some(false), Some(l)) => ("sticky-above", format!("不低于监测线 {l}")),
        _ => ("sticky-unknown", "监测线未配置".to_string()),
    };
    let go = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        let target = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
            .and_then(|n| n.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
            .and_then(|root| root.get_element_by_id("bf-income-result"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = target {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    html! {
        <a class={classes!("sticky-figure", class)} href="#bf-income-result" onclick={go} data-testid="sticky-figure"
            aria-label={format!("人均纯收入 {per_capita} 元，{compare} 元。查看结果")}
            title="查看结果">
            <span class="sticky-label">{"人均"}</span>
            <strong class="sticky-value">{per_capita.clone()}</strong>
            <span class="sticky-compare">{compare}</span>
            <span class="sticky-go" aria-hidden="true">{"↓"}</span>
        </a>
    }
}
