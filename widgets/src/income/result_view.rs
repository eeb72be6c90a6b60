//! The income result: the per-capita figure against the line, the totals, the data-quality
//! remarks and the explanation steps — all read from the engine's response.

use std::rc::Rc;

use bangfu_policy::Response;
use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultProps {
    pub response: Rc<Response>,
    /// False until the person has typed anything: then no "errors", just an invitation.
    pub touched: bool,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn amount_row(label: &str, value: String, testid: &str) -> Html {
    html! {
        <div class="row"><dt>{label.to_string()}</dt><dd data-testid={testid.to_string()}>{value}{" 元"}</dd></div>
    }
}

#[component]
pub fn ResultView(props: &ResultProps) -> Html {
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
    let year = res.get("year").and_then(Value::as_i64).unwrap_or_default();
    let per_capita = text(&res, "per_capita_net_income");
    let range = res
        .get("monitoring_range")
        .and_then(Value::as_str)
        .map(str::to_string);
    let below = res.get("below_monitoring_range").and_then(Value::as_bool);
    let gap = text(&res, "gap_to_range");
    let (verdict_class, verdict) = match (below, range) {
        (Some(true), Some(range)) => (
            "verdict verdict-below",
            format!("低于{year}年监测范围（{range} 元）{gap} 元"),
        ),
        (Some(false), Some(range)) => {
            let above = gap.trim_start_matches('-');
            if gap == "0.00" {
                (
                    "verdict verdict-above",
                    format!("恰好等于{year}年监测范围（{range} 元），不算低于"),
                )
            } else {
                (
                    "verdict verdict-above",
                    format!("高于{year}年监测范围（{range} 元）{above} 元"),
                )
            }
        }
        _ => (
            "verdict verdict-unknown",
            format!("{year}年监测范围未配置，暂不能比较"),
        ),
    };
    let by = res.get("by_category").cloned().unwrap_or_default();
    let size = res
        .get("household_size")
        .and_then(Value::as_u64)
        .unwrap_or_default();

    html! {
        <section class="bf-result" aria-live="polite" data-testid="result">
            <p class="figure-label">{"家庭年人均纯收入"}</p>
            <p class="figure"><span data-testid="per-capita">{per_capita}</span><span class="unit">{" 元"}</span></p>
            <p class={verdict_class} data-testid="verdict">{verdict}</p>
            <dl class="totals">
                {amount_row("家庭总收入", text(&res, "gross_income"), "gross-income")}
                {amount_row("其中 工资性收入", text(&by, "wage"), "total-wage")}
                {amount_row("生产经营性收入", text(&by, "operating"), "total-operating")}
                {amount_row("财产性收入", text(&by, "property"), "total-property")}
                {amount_row("转移性收入", text(&by, "transfer"), "total-transfer")}
                {amount_row("减 生产经营性支出", text(&res, "operating_expenses"), "total-expenses")}
                {amount_row("家庭纯收入", text(&res, "net_income"), "net-income")}
                <div class="row"><dt>{"家庭人口"}</dt><dd>{size}{" 人"}</dd></div>
                {amount_row("不计入收入（只记录）", text(&res, "excluded_total"), "excluded-total")}
            </dl>
            if !r.warnings.is_empty() {
                <ul class="bf-warnings" data-testid="warnings">
                    { for r.warnings.iter().map(|w| html! { <li data-code={w.code.clone()}>{w.message.clone()}</li> }) }
                </ul>
            }
            <details class="bf-steps">
                <summary>{"计算过程和依据"}</summary>
                <ol>
                    { for r.explanation.iter().map(|s| html! {
                        <li>
                            <p class="step-head"><strong>{s.label.clone()}</strong>{"："}{s.value.clone()}</p>
                            <p class="step-formula">{s.formula.clone()}</p>
                            <p class="step-source">{"依据："}{s.source.clone()}</p>
                            { for s.parameters.iter().map(|p| html! {
                                <p class="step-param">{format!("参数 {}：{}（{}）", p.label, p.value,
                                    p.confidence.map_or("未配置", |c| c.label()))}</p>
                            }) }
                        </li>
                    }) }
                </ol>
            </details>
        </section>
    }
}
