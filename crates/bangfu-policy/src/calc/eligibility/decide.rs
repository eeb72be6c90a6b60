//! The rules of rules.md §2 (r2) as decisions: numbers, enums and `Option` for unknown — no
//! wording. Each rule cites its clause.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::vocab::{
    disaster_or_accident, ContinuingMeasure, EliminationCondition, LeadDepartment, MonitoringType,
    MustCheck, MustVisit, SupportApproach,
};
use crate::calc::household::{Household, HouseholdKind, Labour};
use crate::calc::programmes::{may_apply, Admissibility, Programme, When};
use crate::money::round_cents;
use crate::params::{At, Param, Resolved, RuleSet};

/// Why `in_scope` is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeReason {
    /// Not Gansu agricultural hukou, not relocated, not in the system: a pointer, not a verdict.
    HukouElsewhere,
    AlreadyMonitored,
    WithinRange,
    Hardship,
    /// (r2) A risk flag on a household above the range: 需入户核实.
    RiskFlagAboveRange,
    /// (r2) The year's range is not configured.
    RangeNotConfigured,
    AtRange,
    AboveRange,
    /// A risk-eliminated household with a new risk: 再标注 (附件2 第12条).
    ReMark,
    EliminatedNoNewRisk,
}

#[derive(Debug, Clone)]
pub struct Elimination {
    pub eligible: Option<bool>,
    pub met: Vec<EliminationCondition>,
    pub unmet: Vec<EliminationCondition>,
    pub unknown: Vec<EliminationCondition>,
    pub seven_items: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub date: NaiveDate,
    pub range: Option<Resolved<Decimal>>,
    pub per_capita: Decimal,
    pub within: Option<bool>,
    /// range − per-capita (positive = below the line).
    pub margin: Option<Decimal>,
    pub after_rigid: Option<Decimal>,
    pub after_rigid_below: Option<bool>,
    pub in_scope: Option<bool>,
    pub scope_reason: ScopeReason,
    pub monitoring_type: Option<MonitoringType>,
    pub green_channel: bool,
    pub risk_flag: bool,
    pub must_visit: Vec<MustVisit>,
    pub must_check: Vec<MustCheck>,
    pub lost_labour: bool,
    pub approach: SupportApproach,
    pub lead: LeadDepartment,
    pub elimination: Option<Elimination>,
    pub over_two_years: Option<bool>,
    pub continuing: Vec<ContinuingMeasure>,
    pub benefits: Vec<(Programme, Admissibility)>,
}

/// rules.md §1: per_capita_after_rigid divides by `household_size` when given (else by the
/// members listed) and rounds once.
fn after_rigid(h: &Household, per_capita: Decimal) -> Option<Decimal> {
    if h.after_rigid.is_some() {
        return h.after_rigid;
    }
    let size = h.household_size.unwrap_or(h.members.len() as u64);
    let share = h.rigid_expenditure?.checked_div(Decimal::from(size))?;
    Some(round_cents(per_capita.checked_sub(share)?))
}

/// (r2) A risk flag: any of the 11 risks, a 六必访/六必查 trigger, a declaration or event.
fn risk_flag(h: &Household, visit: &[MustVisit], check: &[MustCheck]) -> bool {
    !h.risks.is_empty()
        || !visit.is_empty()
        || !check.is_empty()
        || h.declared_hardship
        || h.sudden_accident
        || h.major_change
}

/// (r2) Support approach (附件2 第13条) and lead department (第19条). A member with no labour
/// of working age who is not a student has lost it (丧失劳动能力); children, students and the
/// elderly simply have none. An unknown age counts as working age (the protective reading).
fn approach(h: &Household, rules: &RuleSet) -> (SupportApproach, LeadDepartment, bool) {
    let lo = rules.fixed(Param::WorkingAgeMin);
    let hi = rules.fixed(Param::WorkingAgeMax);
    let working_age = |age: Option<u64>| match (age, lo, hi) {
        (Some(a), Some(lo), Some(hi)) => Decimal::from(a) >= lo && Decimal::from(a) < hi,
        _ => true,
    };
    let lost = h.any(|m| m.labour == Labour::None && m.student.is_none() && working_age(m.age));
    let full = h
        .members
        .iter()
        .filter(|m| m.labour == Labour::Full)
        .count();
    let partial = h
        .members
        .iter()
        .filter(|m| m.labour == Labour::Partial)
        .count();
    if h.no_labour() {
        (
            SupportApproach::Protection,
            LeadDepartment::CivilAffairs,
            lost,
        )
    } else if lost || partial >= full {
        (SupportApproach::Combined, LeadDepartment::Agriculture, lost)
    } else {
        (
            SupportApproach::Development,
            LeadDepartment::Agriculture,
            lost,
        )
    }
}

/// Scope and type (附件2 第3、5条; national 2021 guidance). Returns (in_scope, reason, type).
fn scope(h: &Household, d: &Decision) -> (Option<bool>, ScopeReason, Option<MonitoringType>) {
    use ScopeReason as R;
    let in_system = matches!(
        h.kind,
        HouseholdKind::PovertyAlleviated | HouseholdKind::Monitored | HouseholdKind::RiskEliminated
    );
    if h.hukou != Some(true) && !h.relocated_13th_fyp && !in_system {
        return (Some(false), R::HukouElsewhere, None);
    }
    let hardship = d.after_rigid_below == Some(true) || h.declared_hardship;
    match h.kind {
        HouseholdKind::Monitored => {
            return (
                Some(true),
                R::AlreadyMonitored,
                Some(MonitoringType::AlreadyMonitored),
            )
        }
        HouseholdKind::RiskEliminated => {
            return if d.within == Some(true) || hardship || d.risk_flag {
                (Some(true), R::ReMark, None)
            } else {
                (Some(false), R::EliminatedNoNewRisk, None)
            };
        }
        HouseholdKind::PovertyAlleviated | HouseholdKind::Ordinary => {}
    }
    let below_type = match h.kind {
        HouseholdKind::PovertyAlleviated => MonitoringType::UnstableAlleviated,
        _ => MonitoringType::Marginal,
    };
    match d.within {
        Some(true) => (Some(true), R::WithinRange, Some(below_type)),
        _ if hardship => (
            Some(true),
            R::Hardship,
            Some(MonitoringType::SuddenHardship),
        ),
        None => (None, R::RangeNotConfigured, None),
        Some(false) if d.risk_flag => (None, R::RiskFlagAboveRange, None),
        Some(false) if d.margin.is_some_and(|m| m.is_zero()) => (Some(false), R::AtRange, None),
        Some(false) => (Some(false), R::AboveRange, None),
    }
}

/// Risk elimination (facts.md A2; 附件2 第14、15条). (r2) Strictly above the range; any unmet
/// → false; else any unknown → null; else true.
fn elimination(h: &Household, d: &Decision, rules: &RuleSet) -> Elimination {
    use EliminationCondition as C;
    let m = h.monitoring.clone().unwrap_or_default();
    let seven_items = rules
        .keywords(Param::SevenNotEliminateItems.name())
        .map(|k| k.value)
        .unwrap_or_default();
    let seven_configured = !seven_items.is_empty();
    let above = d.range.as_ref().map(|r| d.per_capita > r.value);
    let state = |c: C| -> Option<bool> {
        match c {
            C::IncomeStable6Months => m.stable_months.map(|n| n >= 6),
            C::IncomeAboveRange => match (above, m.income_above_range) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            },
            C::RigidExpenditureResolved => m.rigid_resolved,
            C::ThreeGuaranteesAndWater => m.guarantees,
            C::RiskEliminated => m.risk_eliminated,
            C::Monitored6Months => m
                .identified_on
                .and_then(|i| i.checked_add_months(Months::new(6)))
                .map(|six| six <= d.date),
            C::MeasureInPlace => m.measures.map(|n| n >= 1),
            C::NotWholeHouseholdWithoutLabour => Some(!h.no_labour()),
            // 七不消: configured items must be confirmed (else unmet); unconfigured, only the
            // cadre's check of the local list settles it (else unknown).
            C::SevenNotEliminate => match (seven_configured, m.seven_checked) {
                (_, Some(true)) => Some(true),
                (true, _) => Some(false),
                (false, _) => None,
            },
        }
    };
    let mut e = Elimination {
        eligible: None,
        met: Vec::new(),
        unmet: Vec::new(),
        unknown: Vec::new(),
        seven_items,
    };
    for c in C::ALL {
        match state(c) {
            Some(true) => e.met.push(c),
            Some(false) => e.unmet.push(c),
            None => e.unknown.push(c),
        }
    }
    e.eligible = if !e.unmet.is_empty() {
        Some(false)
    } else if !e.unknown.is_empty() {
        None
    } else {
        Some(true)
    };
    e
}

/// (r2) Follow-up (附件2 第15条): identified more than two years before `date`.
fn over_two_years(h: &Household, date: NaiveDate) -> Option<bool> {
    let identified = h.monitoring.as_ref()?.identified_on?;
    Some(identified.checked_add_months(Months::new(24))? < date)
}

/// The whole of rules.md §2 for one household on `date`; `None` only on arithmetic overflow.
pub fn decide(h: &Household, date: NaiveDate, rules: &RuleSet) -> Option<Decision> {
    let per_capita = h.per_capita?;
    let range = rules.get(Param::MonitoringRange, At::Year(date.year()));
    let after = after_rigid(h, per_capita);
    let must_visit: Vec<MustVisit> = MustVisit::ALL
        .into_iter()
        .filter(|v| v.applies(h))
        .collect();
    let must_check: Vec<MustCheck> = MustCheck::ALL
        .into_iter()
        .filter(|v| v.applies(h))
        .collect();
    let (approach, lead, lost) = approach(h, rules);
    let mut d = Decision {
        date,
        within: range.as_ref().map(|r| per_capita < r.value),
        margin: match &range {
            Some(r) => Some(r.value.checked_sub(per_capita)?),
            None => None,
        },
        after_rigid_below: range.as_ref().zip(after).map(|(r, a)| a < r.value),
        range,
        per_capita,
        after_rigid: after,
        in_scope: None,
        scope_reason: ScopeReason::RangeNotConfigured,
        monitoring_type: None,
        green_channel: disaster_or_accident(h),
        risk_flag: risk_flag(h, &must_visit, &must_check),
        must_visit,
        must_check,
        lost_labour: lost,
        approach,
        lead,
        elimination: None,
        over_two_years: None,
        continuing: Vec::new(),
        benefits: Vec::new(),
    };
    (d.in_scope, d.scope_reason, d.monitoring_type) = scope(h, &d);
    if h.kind == HouseholdKind::Monitored {
        d.elimination = Some(elimination(h, &d, rules));
        d.over_two_years = over_two_years(h, date);
    }
    if h.kind == HouseholdKind::RiskEliminated {
        d.continuing = ContinuingMeasure::ALL.to_vec();
    }
    d.benefits = benefits(h, &d, rules);
    Some(d)
}

/// Benefit pointers (r2): the same `may_apply` as the estimator. An ordinary household found
/// in scope is asked about as it will be once identified (a monitored household).
pub fn benefits(h: &Household, d: &Decision, rules: &RuleSet) -> Vec<(Programme, Admissibility)> {
    let once_identified;
    let asked = if d.in_scope == Some(true) && h.kind == HouseholdKind::Ordinary {
        once_identified = Household {
            kind: HouseholdKind::Monitored,
            ..h.clone()
        };
        &once_identified
    } else {
        h
    };
    let when = When {
        year: d.date.year(),
    };
    Programme::ALL
        .into_iter()
        .map(|p| (p, may_apply(p, asked, rules, when)))
        .filter(|(_, a)| {
            a.answer.eligible() != Some(false)
                && a.answer != crate::calc::programmes::Answer::NotIndicated
        })
        .collect()
}
