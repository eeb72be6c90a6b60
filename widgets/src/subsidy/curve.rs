//! The 大病保险 payout against medical cost, standard and tilted schedules side by side (SVG).
//! Every point is the subsidy engine's answer for that cost; the widget only draws.

use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CurveProps {
    /// The card's subsidy request; its medical_tilt details give the schedule.
    pub request: Rc<Value>,
}

fn number(v: Option<&Value>) -> Option<f64> {
    Decimal::from_str(v?.as_str()?).ok()?.to_f64()
}

/// (cost, standard, tilted) at evenly spaced costs, or None when the schedule is not known.
fn points(request: &Value) -> Option<Vec<(f64, f64, f64)>> {
    let details = request.pointer("/input/details/medical_tilt")?.clone();
    details.get("deductible")?;
    details.get("segments")?;
    let cost = number(details.get("eligible_cost")).unwrap_or(0.0);
    let top = (cost * 1.5).max(100_000.0);
    let mut out = Vec::new();
    for i in 0..=24 {
        let c = top * f64::from(i) / 24.0;
        let mut req = json!({ "calculator": "subsidy", "input": {
            "year": request.pointer("/input/year").cloned().unwrap_or(json!(2024)),
            "household": { "kind": "monitored", "gansu_agricultural_hukou": true, "on_tekun": true, "members": [] },
            "programmes": ["medical_tilt"], "details": { "medical_tilt": details.clone() } } });
        req["input"]["details"]["medical_tilt"]["eligible_cost"] = json!(format!("{c:.0}"));
        if let Some(o) = request.get("overrides") {
            req["overrides"] = o.clone();
        }
        let r = bangfu_policy::evaluate(&req);
        let e = r.result.as_ref()?.pointer("/estimates/0")?.clone();
        out.push((
            c,
            number(e.get("standard_payout"))?,
            number(e.get("amount"))?,
        ));
    }
    Some(out)
}

#[component]
pub fn TiltCurve(props: &CurveProps) -> Html {
    let pts = use_memo(props.request.clone(), |r| points(r));
    let Some(pts) = (*pts).clone() else {
        return html! {};
    };
    let max_x = pts.last().map_or(1.0, |p| p.0).max(1.0);
    let max_y = pts.iter().map(|p| p.2.max(p.1)).fold(1.0_f64, f64::max);
    let (w, h, left, bottom) = (320.0, 180.0, 44.0, 24.0);
    let x = |v: f64| left + v / max_x * (w - left - 8.0);
    let y = |v: f64| h - bottom - v / max_y * (h - bottom - 8.0);
    let path = |pick: fn(&(f64, f64, f64)) -> f64| {
        pts.iter()
            .enumerate()
            .map(|(i, p)| {
                format!(
                    "{}{:.1},{:.1}",
                    if i == 0 { "M" } else { "L" },
                    x(p.0),
                    y(pick(p))
                )
            })
            .collect::<String>()
    };
    let label = format!(
        "大病保险报销金额随医疗费用变化：费用 {:.0} 元时，标准报销约 {:.0} 元，倾斜后约 {:.0} 元",
        max_x,
        pts.last().map_or(0.0, |p| p.1),
        pts.last().map_or(0.0, |p| p.2)
    );
    html! {
        <figure class="curve" data-testid="tilt-curve">
            <svg class="chart" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={label.clone()}>
                <title>{label}</title>
                <line x1={format!("{left}")} y1={format!("{}", h - bottom)} x2={format!("{}", w - 8.0)} y2={format!("{}", h - bottom)} class="axis" />
                <line x1={format!("{left}")} y1="8" x2={format!("{left}")} y2={format!("{}", h - bottom)} class="axis" />
                <text x={format!("{left}")} y={format!("{}", h - 6.0)} class="chart-label">{"0"}</text>
                <text x={format!("{}", w - 8.0)} y={format!("{}", h - 6.0)} text-anchor="end" class="chart-label">{format!("费用 {:.0} 万元", max_x / 10000.0)}</text>
                <text x={format!("{}", left - 4.0)} y="16" text-anchor="end" class="chart-label">{format!("{:.1}万", max_y / 10000.0)}</text>
                <path d={path(|p| p.1)} class="line-standard" />
                <path d={path(|p| p.2)} class="line-tilted" />
            </svg>
            <figcaption class="bf-note">
                <span class="key key-standard" aria-hidden="true"></span>{"标准报销 "}
                <span class="key key-tilted" aria-hidden="true"></span>{"倾斜后报销（起付线减半、比例 +5 个百分点）"}
            </figcaption>
        </figure>
    }
}
