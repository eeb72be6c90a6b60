//! The screening rules (疑点数据, Plan 附件2 第17条): one record in, flags out. Numbers and
//! rules only; the Chinese sentences are in `explain.rs`.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::columns::Field;
use super::read::{Kind, Record};
use crate::money::per_capita_net;
use crate::params::{At, Param, Resolved, RuleSet};
use crate::sources::Source;

/// A data problem found in one record. Codes are part of the API contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The year's monitoring range is not configured: the record cannot be decided.
    RangeNotConfigured,
    MissingField,
    UnparseableValue,
    PerCapitaMismatch,
    HouseholdSizeMismatch,
    BelowRangeNotMonitored,
    EliminatedBelowRange,
    MonitoredOverTwoYears,
    EliminatedTooSoon,
    IncomeDeclined,
    NegativeNetIncome,
    PerCapitaUnusuallyLow,
    PerCapitaUnusuallyHigh,
}

impl Flag {
    pub const ALL: [Flag; 13] = [
        Flag::RangeNotConfigured,
        Flag::MissingField,
        Flag::UnparseableValue,
        Flag::PerCapitaMismatch,
        Flag::HouseholdSizeMismatch,
        Flag::BelowRangeNotMonitored,
        Flag::EliminatedBelowRange,
        Flag::MonitoredOverTwoYears,
        Flag::EliminatedTooSoon,
        Flag::IncomeDeclined,
        Flag::NegativeNetIncome,
        Flag::PerCapitaUnusuallyLow,
        Flag::PerCapitaUnusuallyHigh,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Flag::RangeNotConfigured => "range_not_configured",
            Flag::MissingField => "missing_field",
            Flag::UnparseableValue => "unparseable_value",
            Flag::PerCapitaMismatch => "per_capita_mismatch",
            Flag::HouseholdSizeMismatch => "household_size_mismatch",
            Flag::BelowRangeNotMonitored => "below_range_not_monitored",
            Flag::EliminatedBelowRange => "eliminated_below_range",
            Flag::MonitoredOverTwoYears => "monitored_over_two_years",
            Flag::EliminatedTooSoon => "eliminated_too_soon",
            Flag::IncomeDeclined => "income_declined",
            Flag::NegativeNetIncome => "negative_net_income",
            Flag::PerCapitaUnusuallyLow => "per_capita_unusually_low",
            Flag::PerCapitaUnusuallyHigh => "per_capita_unusually_high",
        }
    }

    pub fn from_code(code: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The clause the flag rests on.
    pub fn clause(self) -> Source {
        match self {
            Flag::RangeNotConfigured | Flag::BelowRangeNotMonitored => Source::Annex2(3),
            Flag::MissingField
            | Flag::UnparseableValue
            | Flag::HouseholdSizeMismatch
            | Flag::PerCapitaUnusuallyLow
            | Flag::PerCapitaUnusuallyHigh => Source::Annex2(17),
            Flag::PerCapitaMismatch | Flag::NegativeNetIncome => Source::Annex2(16),
            Flag::EliminatedBelowRange | Flag::EliminatedTooSoon => Source::Annex2(14),
            Flag::MonitoredOverTwoYears => Source::Annex2(15),
            Flag::IncomeDeclined => Source::Annex2(2),
        }
    }
}

/// What a finding rests on, for its sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    None,
    /// A figure and the limit or other figure it was compared with.
    Amounts(Decimal, Decimal),
    /// Two counts (household size, members listed).
    Counts(u64, u64),
    /// Two dates (identified, eliminated or check date).
    Dates(NaiveDate, NaiveDate),
    /// The cell text that could not be read.
    Cell(String),
}

/// One flag raised on one record, with the field(s) involved.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub flag: Flag,
    pub fields: Vec<Field>,
    pub evidence: Evidence,
}

/// The rule-set values a screening run uses, resolved once for the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    pub year: i32,
    pub range: Option<Resolved<Decimal>>,
    pub low: Option<Resolved<Decimal>>,
    pub high: Option<Resolved<Decimal>>,
    pub tolerance: Option<Resolved<Decimal>>,
    pub review_years: Option<Resolved<Decimal>>,
    pub min_months: Option<Resolved<Decimal>>,
}

impl Thresholds {
    pub fn resolve(rules: &RuleSet, year: i32) -> Thresholds {
        Thresholds {
            year,
            range: rules.get(Param::MonitoringRange, At::Year(year)),
            low: rules.get(Param::PerCapitaWarningLow, At::Always),
            high: rules.get(Param::PerCapitaWarningHigh, At::Always),
            tolerance: rules.get(Param::ScreeningPerCapitaTolerance, At::Always),
            review_years: rules.get(Param::ScreeningMonitoredReviewYears, At::Always),
            min_months: rules.get(Param::ScreeningEliminationMinMonths, At::Always),
        }
    }

    /// Every value used, for the explanation.
    pub fn used(&self) -> impl Iterator<Item = &Resolved<Decimal>> {
        [
            &self.range,
            &self.low,
            &self.high,
            &self.tolerance,
            &self.review_years,
            &self.min_months,
        ]
        .into_iter()
        .flatten()
    }
}

/// The figures a record gives, computed once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Net income from the components (收入合计 − 生产经营性支出), when any is given.
    pub net: Option<Decimal>,
    /// Per-capita net income recomputed from the components, rounded to the cent.
    pub recomputed: Option<Decimal>,
    /// The per-capita figure the checks use: the stated one, else the recomputed one.
    pub per_capita: Option<Decimal>,
}

fn figures(r: &Record) -> Figures {
    let net = r.has_components().then(|| {
        [r.wage, r.operating, r.property, r.transfer]
            .into_iter()
            .flatten()
            .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
            .and_then(|gross| gross.checked_sub(r.operating_expenses.unwrap_or_default()))
    });
    let net = net.flatten();
    let recomputed = match (net, r.household_size) {
        (Some(n), Some(s)) => per_capita_net(n, s),
        _ => None,
    };
    Figures {
        net,
        recomputed,
        per_capita: r.per_capita.or(recomputed),
    }
}

fn months_of(value: &Option<Resolved<Decimal>>, per: u32) -> Option<u32> {
    let v = value.as_ref()?.value.checked_mul(Decimal::from(per))?;
    u32::try_from(v.trunc()).ok()
}

/// Flags collected for one record.
struct Out(Vec<Finding>);

impl Out {
    fn push(&mut self, flag: Flag, fields: &[Field], evidence: Evidence) {
        self.0.push(Finding {
            flag,
            fields: fields.to_vec(),
            evidence,
        });
    }
}

/// All flags of one record, in [`Flag::ALL`] order. `today` is the check date.
pub fn decide(r: &Record, t: &Thresholds, today: NaiveDate) -> (Figures, Vec<Finding>) {
    let mut out = Out(Vec::new());
    let f = figures(r);
    if t.range.is_none() {
        out.push(
            Flag::RangeNotConfigured,
            &[Field::PerCapita],
            Evidence::None,
        );
    }
    completeness(r, &f, &mut out);
    consistency(r, &f, t, &mut out);
    dates(r, t, today, &mut out);
    income(r, &f, t, &mut out);
    (f, out.0)
}

/// Fields the other checks need (a cell that could not be read is flagged as such instead).
fn completeness(r: &Record, f: &Figures, out: &mut Out) {
    let missing = |field: Field, blank: bool| blank && !r.is_unparseable(field);
    if missing(Field::HouseholdSize, r.household_size.is_none()) {
        out.push(Flag::MissingField, &[Field::HouseholdSize], Evidence::None);
    }
    if f.per_capita.is_none() && !r.is_unparseable(Field::PerCapita) {
        out.push(Flag::MissingField, &[Field::PerCapita], Evidence::None);
    }
    if missing(Field::HouseholdKind, r.kind.is_none() && !r.is_monitored()) {
        out.push(Flag::MissingField, &[Field::HouseholdKind], Evidence::None);
    }
    if r.is_monitored() && missing(Field::IdentifiedOn, r.identified_on.is_none()) {
        out.push(Flag::MissingField, &[Field::IdentifiedOn], Evidence::None);
    }
    for (field, cell) in &r.unparseable {
        out.push(
            Flag::UnparseableValue,
            &[*field],
            Evidence::Cell(cell.clone()),
        );
    }
}

/// Figures that contradict each other or the year's range.
fn consistency(r: &Record, f: &Figures, t: &Thresholds, out: &mut Out) {
    // 附件2 第16条: the stated per-capita figure is net income ÷ household size.
    if let (Some(stated), Some(recomputed), Some(tol)) = (r.per_capita, f.recomputed, &t.tolerance)
    {
        if (stated - recomputed).abs() > tol.value {
            out.push(
                Flag::PerCapitaMismatch,
                &[
                    Field::PerCapita,
                    Field::Wage,
                    Field::Operating,
                    Field::Property,
                    Field::Transfer,
                    Field::OperatingExpenses,
                    Field::HouseholdSize,
                ],
                Evidence::Amounts(stated, recomputed),
            );
        }
    }
    if let (Some(size), Some(listed)) = (r.household_size, r.members_listed) {
        if size != listed {
            out.push(
                Flag::HouseholdSizeMismatch,
                &[Field::HouseholdSize, Field::MembersListed],
                Evidence::Counts(size, listed),
            );
        }
    }
    // 附件2 第3条: below the range ("低于" is strictly less) and not a monitoring object.
    if let (Some(pc), Some(range)) = (f.per_capita, &t.range) {
        let ordinary_or_alleviated = matches!(r.kind, Some(Kind::Ordinary | Kind::Alleviated));
        if pc < range.value && ordinary_or_alleviated && !r.is_monitored() {
            out.push(
                Flag::BelowRangeNotMonitored,
                &[
                    Field::PerCapita,
                    Field::HouseholdKind,
                    Field::MonitoringCategory,
                ],
                Evidence::Amounts(pc, range.value),
            );
        }
        // Elimination needs income stably *above* the range (r2 of the policy reading).
        if r.is_eliminated() && pc <= range.value {
            out.push(
                Flag::EliminatedBelowRange,
                &[Field::EliminatedOn, Field::PerCapita],
                Evidence::Amounts(pc, range.value),
            );
        }
    }
}

/// Identification and elimination dates (附件2 第14条、第15条).
fn dates(r: &Record, t: &Thresholds, today: NaiveDate, out: &mut Out) {
    // Identified more than two years before the check and not eliminated.
    if let (Some(identified), Some(months)) = (r.identified_on, months_of(&t.review_years, 12)) {
        if r.is_monitored() && !r.is_eliminated() {
            if let Some(limit) = identified.checked_add_months(Months::new(months)) {
                if today > limit {
                    out.push(
                        Flag::MonitoredOverTwoYears,
                        &[Field::IdentifiedOn, Field::EliminatedOn],
                        Evidence::Dates(identified, today),
                    );
                }
            }
        }
    }
    // Eliminated less than six months after identification (or before it).
    if let (Some(identified), Some(eliminated), Some(months)) = (
        r.identified_on,
        r.eliminated_on,
        months_of(&t.min_months, 1),
    ) {
        if let Some(earliest) = identified.checked_add_months(Months::new(months)) {
            if eliminated < earliest {
                out.push(
                    Flag::EliminatedTooSoon,
                    &[Field::IdentifiedOn, Field::EliminatedOn],
                    Evidence::Dates(identified, eliminated),
                );
            }
        }
    }
}

/// Income change and unusual figures (附件2 第2条、第17条 疑点).
fn income(r: &Record, f: &Figures, t: &Thresholds, out: &mut Out) {
    if let (Some(pc), Some(previous)) = (f.per_capita, r.previous_per_capita) {
        if pc < previous {
            out.push(
                Flag::IncomeDeclined,
                &[Field::PerCapita, Field::PreviousPerCapita],
                Evidence::Amounts(pc, previous),
            );
        }
    }
    let net_not_positive = match (f.net, r.per_capita) {
        (Some(net), _) => net <= Decimal::ZERO,
        (None, Some(pc)) => pc <= Decimal::ZERO,
        _ => false,
    };
    if net_not_positive {
        let value = f.net.or(r.per_capita).unwrap_or_default();
        out.push(
            Flag::NegativeNetIncome,
            &[
                Field::Wage,
                Field::Operating,
                Field::Property,
                Field::Transfer,
                Field::OperatingExpenses,
            ],
            Evidence::Amounts(value, Decimal::ZERO),
        );
    }
    if let Some(pc) = f.per_capita {
        match (&t.low, &t.high) {
            (Some(low), _) if pc < low.value && !net_not_positive => out.push(
                Flag::PerCapitaUnusuallyLow,
                &[Field::PerCapita],
                Evidence::Amounts(pc, low.value),
            ),
            (_, Some(high)) if pc > high.value => out.push(
                Flag::PerCapitaUnusuallyHigh,
                &[Field::PerCapita],
                Evidence::Amounts(pc, high.value),
            ),
            _ => {}
        }
    }
}
