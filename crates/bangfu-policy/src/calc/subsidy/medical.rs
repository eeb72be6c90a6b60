//! The critical-illness insurance tilt (大病保险倾斜, Plan 主文 第3条): payout band by band,
//! under either reading of the bands — measured on the amount above the deductible (api.md r1)
//! or on the total cost (how local rules are usually written: "起付线以上至 50000 元").

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::explain::{estimate, Local, Note};
use super::{admissibility, lowest, Ctx, Estimate};
use crate::calc::household::Household;
use crate::calc::programmes::Programme;
use crate::error::Refusal;
use crate::input::{Obj, Reader};
use crate::money::{format_money, format_plain, round_cents};
use crate::params::Param;

/// What a segment's `up_to` is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BandBasis {
    /// api.md r1: on the amount above the deductible (the API default).
    AboveDeductible,
    /// On the total eligible cost.
    TotalCost,
}

/// One band's working: the cost from `from` to `to` (on the total-cost scale) paid at `ratio`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub from: String,
    pub to: String,
    pub amount: String,
    pub ratio: String,
    pub payout: String,
}

type Segments = Vec<(Option<Decimal>, Decimal)>;

/// Payout and its bands. Everything is expressed on the total-cost scale for the working.
fn payout(
    cost: Decimal,
    deductible: Decimal,
    segments: &Segments,
    plus: Decimal,
    basis: BandBasis,
) -> Option<(Decimal, Vec<Band>)> {
    let offset = match basis {
        BandBasis::AboveDeductible => deductible,
        BandBasis::TotalCost => Decimal::ZERO,
    };
    let mut lower = deductible;
    let mut total = Decimal::ZERO;
    let mut bands = Vec::new();
    for (up_to, ratio) in segments {
        if cost <= lower {
            break;
        }
        let upper = match up_to {
            Some(u) => u.checked_add(offset)?.min(cost),
            None => cost,
        };
        let part = upper.checked_sub(lower)?.max(Decimal::ZERO);
        if part.is_zero() {
            lower = lower.max(upper);
            continue;
        }
        let r = (*ratio + plus).min(Decimal::ONE);
        let paid = part.checked_mul(r)?;
        total = total.checked_add(paid)?;
        bands.push(Band {
            from: format_money(lower),
            to: format_money(upper),
            amount: format_money(part),
            ratio: format_plain(r),
            payout: format_money(round_cents(paid)),
        });
        lower = upper;
    }
    Some((round_cents(total), bands))
}

/// One segment list from `details.medical_tilt.segments`.
fn read_segments(d: &Obj, r: &mut Reader) -> Option<Segments> {
    let list = r.list(d, "segments", "分段报销比例", 10)?;
    let mut out = Vec::new();
    let mut last: Option<Decimal> = None;
    for (i, s) in list.iter().enumerate() {
        let path = format!("input.details.medical_tilt.segments[{i}]");
        let so = r.object(s, &path, "分段")?;
        let up_to = r.money(&so, "up_to", "分段上限");
        let ratio = r.required_money(&so, "ratio", "报销比例");
        if let Some(v) = ratio.filter(|v| *v > Decimal::ONE) {
            r.refuse(
                &so.path_of("ratio"),
                Refusal::RatioAboveOne {
                    label: "报销比例",
                    typed: format_plain(v),
                },
            );
        }
        if let (Some(u), Some(l)) = (up_to, last) {
            if u <= l {
                r.refuse(&so.path_of("up_to"), Refusal::SegmentsNotIncreasing);
            }
        }
        let is_last = i + 1 == list.len();
        if up_to.is_none() != is_last {
            r.refuse(
                &so.path_of("up_to"),
                if is_last {
                    Refusal::LastSegmentCapped
                } else {
                    Refusal::OpenSegmentNotLast
                },
            );
        }
        last = up_to.or(last);
        out.push((up_to, ratio?));
    }
    (!out.is_empty()).then_some(out)
}

fn read_basis(d: Option<&Obj>, r: &mut Reader) -> BandBasis {
    const CODES: [&str; 2] = [
        "above_deductible（按起付线以上部分）",
        "total_cost（按总费用）",
    ];
    match d
        .and_then(|d| d.get("bands_measured_on"))
        .map(|v| v.as_str().map(str::trim))
    {
        None | Some(Some("above_deductible")) => BandBasis::AboveDeductible,
        Some(Some("total_cost")) => BandBasis::TotalCost,
        Some(_) => {
            r.refuse(
                "input.details.medical_tilt.bands_measured_on",
                Refusal::NotOneOf {
                    label: "分段口径",
                    allowed: &CODES,
                },
            );
            BandBasis::AboveDeductible
        }
    }
}

pub(crate) fn medical_tilt(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    r: &mut Reader,
) -> Option<Estimate> {
    let mut a = admissibility(Programme::MedicalTilt, h, ctx, None);
    let factor = ctx.yearly(Param::MedicalTiltDeductibleFactor);
    let plus = ctx.yearly(Param::MedicalTiltRatioIncrease);
    let cost = r.money(d, "eligible_cost", "政策范围内医疗费用");
    let deductible = r.money(d, "deductible", "起付线");
    let segments = d.and_then(|d| read_segments(d, r));
    let basis = read_basis(d, r);
    if deductible.is_none() || segments.is_none() {
        ctx.unset(Local::TiltSchedule);
        a.note(Note::TiltScheduleNotConfigured);
    }
    if cost.is_none() {
        a.note(Note::EnterEligibleCost);
    }
    let computed = match (cost, deductible, segments.as_ref(), factor, plus) {
        (Some(cost), Some(ded), Some(segs), Some(f), Some(p)) => {
            let (standard, sb) = payout(cost, ded, segs, Decimal::ZERO, basis)?;
            let tilted_ded = round_cents(ded.checked_mul(f)?);
            let (tilted, tb) = payout(cost, tilted_ded, segs, p, basis)?;
            a.note(Note::TiltWorking {
                cost,
                deductible: ded,
                standard,
                tilted_deductible: tilted_ded,
                plus: p,
                tilted,
                basis,
            });
            Some((standard, tilted, sb, tb))
        }
        _ => None,
    };
    let mut e = estimate(
        Programme::MedicalTilt,
        a,
        computed.as_ref().map(|c| c.1),
        ctx,
    );
    if let Some((standard, tilted, sb, tb)) = computed {
        e.standard_payout = Some(format_money(standard));
        let diff = tilted.checked_sub(standard)?;
        e.difference = Some(format_money(diff));
        // Only the tilt's gain is received because of the policy (issue 13).
        e.counted = e.amount.as_ref().map(|_| format_money(diff));
        e.bands_measured_on = Some(basis);
        e.standard_bands = sb;
        e.tilted_bands = tb;
    }
    e.confidence = lowest(&e.parameters);
    Some(e)
}
