//! The 大病保险 payout against medical cost, standard and tilted schedules side by side (SVG).
//! Every point is the subsidy engine's answer for that cost; the widget only draws.

use std::rc::Rc;

use rust_decimal::Decimal;
use serde_json::{json, Value};
use yew::prelude::*;

use crate::ui::svg::{amount, push_tenths, scale, tenths, whole};

#[derive(Properties, PartialEq, Clone)]
pub struct CurveProps {
    /// The card's subsidy request; its medical_tilt details give the schedule.
    pub request: Rc<Value>,
}

fn number(v: Option<&Value>) -> Option<Decimal> {
    Some(amount(v?.as_str()?))
}

/// (cost, standard, tilted) at evenly spaced whole-yuan costs, or None when the schedule is not
/// known.
fn points(request: &Value) -> Option<Vec<(Decimal, Decimal, Decimal)>> {
    let details = request.pointer("/input/details/medical_tilt")?.clone();
    details.get("deductible")?;
    details.get("segments")?;
    let cost = number(details.get("eligible_cost")).unwrap_or_default();
    let top = cost
        .checked_mul(Decimal::new(15, 1))
        .unwrap_or(Decimal::MAX)
        .max(Decimal::from(100_000));
    let mut out = Vec::new();
    for i in 0..=24 {
        let c = Decimal::from(whole(
            top.checked_mul(Decimal::from(i))? / Decimal::from(24),
        ));
        let mut req = json!({ "calculator": "subsidy", "explain": false, "input": {
            "year": request.pointer("/input/year").cloned().unwrap_or(json!(2024)),
            "household": { "kind": "monitored", "gansu_agricultural_hukou": true, "on_tekun": true, "members": [] },
            "programmes": ["medical_tilt"], "details": { "medical_tilt": details.clone() } } });
        req["input"]["details"]["medical_tilt"]["eligible_cost"] = json!(c.to_string());
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
    let max_x = pts.last().map_or(Decimal::ONE, |p| p.0).max(Decimal::ONE);
    let max_y = pts
        .iter()
        .map(|p| p.2.max(p.1))
        .fold(Decimal::ONE, Decimal::max);
    const W: i64 = 320;
    const H: i64 = 180;
    const LEFT: i64 = 44;
    const BOTTOM: i64 = 24;
    // The path in tenths of a unit, so the sloping lines stay straight.
    let x = |v: Decimal| (LEFT * 10) + scale(v, max_x, (W - LEFT - 8) * 10);
    let y = |v: Decimal| (H - BOTTOM) * 10 - scale(v, max_y, (H - BOTTOM - 8) * 10);
    let path = |pick: fn(&(Decimal, Decimal, Decimal)) -> Decimal| {
        let mut d = String::new();
        for (i, p) in pts.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            push_tenths(&mut d, x(p.0));
            d.push(',');
            push_tenths(&mut d, y(pick(p)));
        }
        d
    };
    let last = pts.last().copied().unwrap_or_default();
    let label = format!(
        "大病保险报销金额随医疗费用变化：费用 {} 元时，标准报销约 {} 元，倾斜后约 {} 元",
        whole(max_x),
        whole(last.1),
        whole(last.2)
    );
    let wan = Decimal::from(10_000);
    let (axis_y, right) = ((H - BOTTOM).to_string(), (W - 8).to_string());
    html! {
        <figure class="curve" data-testid="tilt-curve">
            <svg class="chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={label.clone()}>
                <title>{label}</title>
                <line x1={LEFT.to_string()} y1={axis_y.clone()} x2={right.clone()} y2={axis_y.clone()} class="axis" />
                <line x1={LEFT.to_string()} y1="8" x2={LEFT.to_string()} y2={axis_y} class="axis" />
                <text x={LEFT.to_string()} y={(H - 6).to_string()} class="chart-label">{"0"}</text>
                <text x={right} y={(H - 6).to_string()} text-anchor="end" class="chart-label">{format!("费用 {} 万元", whole(max_x / wan))}</text>
                <text x={(LEFT - 4).to_string()} y="16" text-anchor="end" class="chart-label">{format!("{}万", tenths(max_y / wan))}</text>
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
