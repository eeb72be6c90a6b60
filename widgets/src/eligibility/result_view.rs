//! The eligibility result: whether the household is within the monitoring range and by how
//! much, the monitoring type, each criterion and why, what to do next (一键报贫 and its
//! timeline from the deadline engine), the support it may apply for — all from the engines.

use std::rc::Rc;

use bangfu_policy::calc::eligibility::{
    EliminationCondition, LeadDepartment, Management, MonitoringType, MustCheck, MustVisit,
    SupportApproach,
};

use crate::ui::engine::{label, text as s};
use bangfu_policy::Response;
use serde_json::{json, Value};
use yew::prelude::*;

/// What the result shows.
#[derive(PartialEq, Clone)]
pub struct ResultProps {
    pub response: Rc<Response>,
    /// The 一键报贫 timeline if the household applied today (deadlines engine).
    pub timeline: Rc<Response>,
    pub cadre: bool,
    /// The portal's 一键报贫 link or QR page.
    pub report_url: Option<AttrValue>,
    /// The subsidy estimator's page, for "how much".
    pub subsidy_url: Option<AttrValue>,
    /// Whether to list what is missing (the cadre form waits for a field to be left or the
    /// form to be checked: no red before anything is typed).
    pub show_errors: bool,
    /// Where to turn next (一键报贫 link, hotline), shown when the household may qualify.
    pub contact: Html,
}

fn codes(v: &Value, k: &str) -> Vec<String> {
    v.get(k)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The engine's labels of a list of codes, or 无.
fn joined<T: serde::de::DeserializeOwned>(
    v: &Value,
    k: &str,
    label: fn(T) -> &'static str,
) -> String {
    let list: Vec<&'static str> = v
        .get(k)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|c| serde_json::from_value::<T>(c.clone()).ok())
                .map(label)
                .collect()
        })
        .unwrap_or_default();
    if list.is_empty() {
        "无".to_string()
    } else {
        list.join("、")
    }
}

/// The income comparison in plain words ("比标准线低/高 … 元"), for the public screen.
fn plain_margin(res: &Value) -> String {
    let margin = s(res, "margin_to_range");
    let range = s(res, "monitoring_range");
    match res.get("within_monitoring_range").and_then(Value::as_bool) {
        Some(true) => format!("家里每人一年的纯收入，比帮扶标准线 {range} 元低 {margin} 元。"),
        Some(false) if margin == "0.00" => {
            format!("家里每人一年的纯收入，正好等于帮扶标准线 {range} 元。")
        }
        Some(false) => format!(
            "家里每人一年的纯收入，比帮扶标准线 {range} 元高 {} 元。",
            margin.trim_start_matches('-')
        ),
        None => "今年的帮扶标准线还没有公布，暂时不能按收入判断。".to_string(),
    }
}

/// One elimination condition's label from its code.
fn condition(c: &Value) -> &'static str {
    serde_json::from_value::<EliminationCondition>(c.clone())
        .map_or("", EliminationCondition::label)
}

/// The result. A plain function (no hooks), so it costs no component of its own in the bundle.
pub fn result_view(props: &ResultProps) -> Html {
    let r = &props.response;
    let Some(res) = r.result.as_ref().filter(|_| r.ok) else {
        return html! {
            <section class="bf-result bf-result-empty" data-testid="result" aria-live="polite">
                if props.show_errors {
                    <p class="bf-status">{"请把上面的问题答完整，改好后这里会显示结果。"}</p>
                    <ul class="bf-errors" data-testid="result-errors">{ for r.errors.iter().map(|e| html! { <li>{e.message.clone()}</li> }) }</ul>
                } else {
                    <p class="bf-status">{"填好上面的问题后，这里会显示结果；点“检查填写”可列出还缺哪些。"}</p>
                }
            </section>
        };
    };
    // Three answers (r2): true, false, or null = 需入户核实 — never a red "no" for null.
    let in_scope = res.get("in_scope").and_then(Value::as_bool);
    let mtype = s(res, "monitoring_type");
    let headline = match in_scope {
        Some(true) if mtype == "already_monitored" => "您家已经是监测对象".to_string(),
        Some(true) if mtype.is_empty() => "出现新的风险：请联系村委会再标注为监测对象".to_string(),
        // Plain words on the public screen; the policy term in small print below.
        Some(true) if !props.cadre => "您家可能可以得到防止返贫的帮扶，请村里上门核实".to_string(),
        Some(true) => format!(
            "您家可能符合纳入监测的条件：{}",
            label(&json!(mtype), MonitoringType::label, "")
        ),
        None => "建议联系村委会入户核实".to_string(),
        Some(false) => "按您填写的情况，暂不在防止返贫监测范围内".to_string(),
    };
    let verdict_class = match in_scope {
        Some(true) => "verdict-below",
        None => "verdict-unknown",
        Some(false) => "verdict-above",
    };
    let green = res
        .get("green_channel")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let reference = res
        .get("reference_range")
        .and_then(|r| r.get("label"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let margin = s(res, "margin_to_range");
    let range = s(res, "monitoring_range");
    let margin_words = match res.get("within_monitoring_range").and_then(Value::as_bool) {
        Some(true) => format!("人均纯收入低于监测范围（{range} 元）{margin} 元"),
        Some(false) if margin == "0.00" => {
            format!("人均纯收入恰好等于监测范围（{range} 元），不算低于")
        }
        Some(false) => format!(
            "人均纯收入高于监测范围（{range} 元）{} 元",
            margin.trim_start_matches('-')
        ),
        None => "当年的监测范围当地还未公布（未配置），暂不能按收入判断".to_string(),
    };
    let criteria = res
        .get("criteria")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let benefits = res
        .get("benefits")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let elimination = res.get("risk_elimination").filter(|v| !v.is_null());
    let timeline = props.timeline.result.as_ref().filter(|_| props.timeline.ok);

    html! {
        <section class="bf-result" data-testid="result" aria-live="polite">
            if green {
                <p class="verdict verdict-green-channel" data-testid="green-channel" role="note">
                    {"绿色通道：遭遇灾害或意外，先帮扶、后认定。请马上联系村委会，帮扶不用等认定程序走完。"}
                </p>
            }
            <p class={classes!("verdict", verdict_class)} data-testid="verdict">{headline}
                if in_scope == Some(true) && !props.cadre && !mtype.is_empty() && mtype != "already_monitored" {
                    <small class="term">{format!("政策用语：可能符合纳入监测对象的条件（{}）", label(&json!(mtype), MonitoringType::label, ""))}</small>
                }
            </p>
            if props.cadre {
                <p data-testid="margin">{margin_words}</p>
            } else {
                <p data-testid="margin">{plain_margin(res)}<small class="term">{"政策用语："}{margin_words}</small></p>
            }
            if let Some(r) = reference.filter(|_| res.get("within_monitoring_range").is_some_and(Value::is_null)) {
                <p class="bf-note" data-testid="reference-range">{r}</p>
            }
            if in_scope.is_none() {
                <p class="bf-note" data-testid="unknown-why">{"还不能确定的原因："}{s(res, "in_scope_reason")}</p>
            } else if let Some(reason) = res.get("out_of_scope_reason").and_then(Value::as_str) {
                <p class="bf-note" data-testid="reason">{"原因："}{reason.to_string()}</p>
            }
            <h3>{"逐条对照"}</h3>
            <ul class="criteria" data-testid="criteria">
                { for criteria.iter().filter(|c| props.cadre || !s(c, "code").starts_with("elimination.")).map(|c| {
                    let met = c.get("met").and_then(Value::as_bool);
                    let (class, mark, sr) = match met {
                        Some(true) => ("met", "✓", "符合："),
                        Some(false) => ("unmet", "✗", "不符合："),
                        None => ("unknown", "？", "待核实："),
                    };
                    html! {
                        <li class={class}>
                            <span class="mark" aria-hidden="true">{mark}</span>
                            <span class="sr-only">{sr}</span>
                            <strong>{s(c, "label")}</strong>{"："}{s(c, "why")}
                        </li>
                    }
                }) }
            </ul>
            if props.cadre {
                <dl class="totals" data-testid="screening">
                    <div class="row"><dt>{"六必访"}</dt><dd data-testid="must-visit">{joined(res, "must_visit", MustVisit::label)}</dd></div>
                    <div class="row"><dt>{"六必查"}</dt><dd data-testid="must-check">{joined(res, "must_check", MustCheck::label)}</dd></div>
                    <div class="row"><dt>{"帮扶方式"}</dt><dd data-testid="support-approach">{label(res.get("support_approach").unwrap_or(&Value::Null), SupportApproach::label, "")}</dd></div>
                    <div class="row"><dt>{"牵头部门"}</dt><dd data-testid="lead-department">{label(res.get("lead_department").unwrap_or(&Value::Null), LeadDepartment::label, "")}</dd></div>
                    <div class="row"><dt>{"分类管理（旧）"}</dt><dd data-testid="management">{label(res.get("management").unwrap_or(&Value::Null), Management::label, "")}</dd></div>
                </dl>
                if res.get("over_two_years").and_then(Value::as_bool) == Some(true) {
                    <p class="verdict verdict-unknown" data-testid="over-two-years">{"纳入监测已超过两年仍未消除风险：建立管理台账，调整帮扶措施"}</p>
                }
                if let Some(list) = res.get("continuing_measures").and_then(Value::as_array).filter(|l| !l.is_empty()) {
                    <div data-testid="continuing">
                        <p>{"风险消除后继续享受（按期限）："}</p>
                        <ul>{ for list.iter().map(|m| html! { <li>{s(m, "label")}</li> }) }</ul>
                        <p>{"出现新的风险的，及时再标注，10 天内制定新的“一户一策”。"}</p>
                    </div>
                }
                if let Some(el) = elimination {
                    <div class="elimination" data-testid="elimination">
                        <h3>{"风险消除"}</h3>
                        { match el.get("eligible").and_then(Value::as_bool) {
                            Some(true) => html! { <p class="done" data-testid="elimination-verdict">{"各项条件均已满足，可按下列程序标注风险消除。"}</p> },
                            Some(false) => html! { <p data-testid="elimination-verdict">{"暂不能标注风险消除。"}</p> },
                            None => html! { <p class="verdict verdict-unknown" data-testid="elimination-verdict">{"还有条件待核实，核实前不标注风险消除（继续监测）。"}</p> },
                        } }
                        if !codes(el, "unmet").is_empty() {
                            <p>{"未满足："}</p>
                            <ul data-testid="unmet">
                                { for el.get("unmet").and_then(Value::as_array).into_iter().flatten().map(|c| html! { <li>{condition(c)}</li> }) }
                            </ul>
                        }
                        if !codes(el, "unknown").is_empty() {
                            <p>{"待核实（未填写或当地未配置）："}</p>
                            <ul data-testid="unknown">
                                { for el.get("unknown").and_then(Value::as_array).into_iter().flatten().map(|c| html! { <li>{condition(c)}</li> }) }
                            </ul>
                        }
                        <p>{"程序："}</p>
                        <ol data-testid="procedure">
                            { for el.get("procedure").and_then(Value::as_array).into_iter().flatten().map(|p| html! { <li>{s(p, "label")}</li> }) }
                        </ol>
                        if s(el, "seven_not_eliminate") == "configured" {
                            <div data-testid="seven">
                                <p>{"“七不消”（本地配置），请逐条核对："}</p>
                                <ul>{ for codes(el, "seven_not_eliminate_items").iter().map(|i| html! { <li>{i.clone()}</li> }) }</ul>
                            </div>
                        } else {
                            <p class="verdict verdict-unknown" data-testid="seven">{"“七不消”：未配置（工作要点未列出具体条目，请按当地文件逐条核对）"}</p>
                        }
                    </div>
                }
            }
            if in_scope.is_none() {
                <div class="next" data-testid="next-steps">
                    <h3>{"下一步怎么办"}</h3>
                    {props.contact.clone()}
                </div>
            }
            if in_scope == Some(true) && mtype != "already_monitored" {
                <div class="next" data-testid="next-steps">
                    <h3>{"下一步怎么办"}</h3>
                    <p>{"通过“一键报贫”申报（村里贴的二维码，或下面的链接），或者打电话、找村委会。"}</p>
                    {props.contact.clone()}
                    if let Some(t) = timeline {
                        <ol class="timeline" data-testid="timeline">
                            <li>{"如果今天申报："}<span class="date">{s(t, "check_due")}</span>{" 前完成入户核查"}</li>
                            <li>{"核查后 5 个工作日内反馈结果，最迟 "}<span class="date">{s(t, "feedback_due")}</span></li>
                            <li>{"从申报到认定不超过 15 天，最迟 "}<span class="date">{s(t, "overall_due")}</span></li>
                        </ol>
                    }
                </div>
            }
            if !benefits.is_empty() {
                <div class="benefits" data-testid="benefits">
                    <h3>{"可以了解的帮扶政策"}</h3>
                    <ul>
                        { for benefits.iter().map(|b| html! {
                            <li data-code={s(b, "code")}><strong>{s(b, "label")}</strong>
                                if b.get("eligible").is_some_and(Value::is_null) { {"（可咨询）"} }
                                {"："}{s(b, "reason")}</li>
                        }) }
                    </ul>
                    if let Some(url) = &props.subsidy_url {
                        <p><a href={url.clone()} data-testid="subsidy-link">{"算一算能有多少 →"}</a></p>
                    }
                    <p class="bf-note">{"以当地最新文件为准。"}</p>
                </div>
            } else if in_scope != Some(false) {
                // Not identified yet (or not known): what it could receive once identified.
                if let Some(url) = &props.subsidy_url {
                    <p><a href={url.clone()} data-testid="subsidy-link">{"如果被识别为监测户，能有哪些帮扶、大约多少 →"}</a></p>
                }
            }
            if !r.warnings.is_empty() {
                <ul class="bf-warnings" data-testid="warnings">
                    { for r.warnings.iter().map(|w| html! { <li>{w.message.clone()}</li> }) }
                </ul>
            }
            <details class="bf-steps" data-testid="steps">
                <summary>{"判断过程和依据"}</summary>
                <ol>
                    { for r.explanation.iter().map(|st| html! {
                        <li>
                            <p class="step-head"><strong>{st.label.clone()}</strong>{"："}{st.value.clone()}</p>
                            <p class="step-formula">{st.formula.clone()}</p>
                            <p class="step-source">{"依据："}{st.source.clone()}</p>
                        </li>
                    }) }
                </ol>
            </details>
            <p class="bf-note">{"这是按您填写的情况做的自查，不是正式认定；正式结果以村、镇、县核查认定为准。您填写的内容只在本机计算，不会上传。"}</p>
        </section>
    }
}
