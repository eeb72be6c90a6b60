//! The arithmetic and checks of household income accounting (rules.md §1), on a validated
//! [`IncomeInput`]: numbers, enums and `Option` for what is not configured. No Chinese text
//! and no formatting here: [`super::explain`] words every figure and remark.

use rust_decimal::Decimal;

use super::read::{Category, IncomeInput, Item};
use crate::money::round_cents;
use crate::params::{At, Param, Resolved, RuleSet};

/// The comparison with the year's monitoring range (附件2 第3条).
#[derive(Debug, Clone, PartialEq)]
pub enum Comparison {
    /// `gap` = range − per-capita figure; `below` only when strictly less (gap > 0).
    Configured {
        range: Resolved<Decimal>,
        gap: Decimal,
        below: bool,
    },
    /// (r2) The year has no range: every figure that needs it is unknown.
    NotConfigured,
}

/// The two "两提升" reference incomes (主文 二、主要目标).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioBase {
    National,
    Gansu,
}

impl RatioBase {
    pub const ALL: [RatioBase; 2] = [RatioBase::National, RatioBase::Gansu];

    pub fn param(self) -> Param {
        match self {
            RatioBase::National => Param::NationalRuralDisposableIncome,
            RatioBase::Gansu => Param::GansuRuralDisposableIncome,
        }
    }
}

/// A per-capita figure against the previous year's rural disposable income.
#[derive(Debug, Clone, PartialEq)]
pub enum Ratio {
    Of {
        base: Resolved<Decimal>,
        ratio: Decimal,
    },
    /// The previous year's figure is not configured (or is zero).
    NotConfigured,
    /// The division left the decimal range: no step, no figure.
    Overflow,
}

/// A remark (疑点, 附件2 第17条) that never blocks the result, in the order it is reported.
/// `item` is an index into [`IncomeInput::items`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remark {
    /// A one-off or earmarked word (`excluded_income_keywords`) in a counted item's name.
    ExcludedWordInCounted {
        item: usize,
        word: String,
    },
    MonitoringRangeNotConfigured,
    IncomeDeclined,
    NetNotPositive,
    PerCapitaLow {
        threshold: Decimal,
    },
    PerCapitaHigh {
        threshold: Decimal,
    },
    OperatingWithoutExpenses,
    MinorWithWage {
        item: usize,
        age: u64,
        min_age: Decimal,
    },
    /// (r2) A medical reimbursement word in a counted item's name.
    MedicalInIncome {
        item: usize,
        word: String,
    },
    /// (r2) More members than `household_members_warning`.
    HouseholdLarge {
        max: Decimal,
    },
    /// (r2) One item above `single_item_warning`.
    ItemLarge {
        item: usize,
        max: Decimal,
    },
    /// More or fewer members listed than the household size.
    SizeDiffersFromMembers {
        listed: usize,
    },
}

/// Everything the accounting found.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomeDecision {
    /// Totals of [`Category::COUNTED`], in that order.
    pub totals: [Decimal; 4],
    pub excluded_total: Decimal,
    /// The keyword list used to spot one-off money, when configured.
    pub excluded_keywords: Option<Resolved<Vec<String>>>,
    pub gross: Decimal,
    /// The per-item operating costs added up.
    pub item_costs: Decimal,
    /// The typed total plus the per-item costs.
    pub expenses: Decimal,
    pub net: Decimal,
    pub per_capita: Decimal,
    pub comparison: Comparison,
    pub after_rigid: Option<Decimal>,
    pub declined: Option<bool>,
    /// In [`RatioBase::ALL`] order.
    pub ratios: [Ratio; 2],
    pub remarks: Vec<Remark>,
}

impl IncomeDecision {
    pub fn total(&self, c: Category) -> Decimal {
        Category::COUNTED
            .iter()
            .position(|x| *x == c)
            .map_or(self.excluded_total, |i| self.totals[i])
    }
}

fn sum(mut values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

/// The accounting of rules.md §1. `None` only on decimal overflow.
pub fn decide(i: &IncomeInput, rules: &RuleSet) -> Option<IncomeDecision> {
    let mut remarks = Vec::new();
    // 附件2 第16条 应统尽统: the four counted categories, each the sum of its items.
    let mut totals = [Decimal::ZERO; 4];
    for (slot, c) in Category::COUNTED.iter().enumerate() {
        totals[slot] = sum(i
            .items
            .iter()
            .filter(|x| x.category == *c)
            .map(|x| x.amount))?;
    }
    // rules.md §1: one-off or earmarked money is recorded but not counted.
    let excluded = i.items.iter().filter(|x| !x.category.is_counted());
    let excluded_total = sum(excluded.map(|x| x.amount))?;
    let excluded_keywords = rules.keywords(Param::ExcludedIncomeKeywords.name());
    if let Some(k) = &excluded_keywords {
        remarks.extend(
            words_in_counted(&i.items, &k.value)
                .map(|(item, word)| Remark::ExcludedWordInCounted { item, word }),
        );
    }
    // 附件2 第16条: 家庭纯收入 = 总收入 − 生产经营性支出; 人均 rounded to the cent once.
    let gross = sum(totals.into_iter())?;
    let item_costs = sum(i.items.iter().filter_map(|x| x.expense))?;
    let expenses = i.operating_expenses.checked_add(item_costs)?;
    let net = gross.checked_sub(expenses)?;
    let size = Decimal::from(i.household_size);
    let per_capita = round_cents(net.checked_div(size)?);

    let comparison = compare(i.year, per_capita, rules)?;
    if comparison == Comparison::NotConfigured {
        remarks.push(Remark::MonitoringRangeNotConfigured);
    }
    // rules.md §1: (net − rigid) ÷ household_size, rounded once.
    let after_rigid = match i.rigid_expenditure {
        Some(r) => Some(round_cents(net.checked_sub(r)?.checked_div(size)?)),
        None => None,
    };
    // 主文 第1条, 附件2 第2条: 收入不增反降 is strictly lower than last year.
    let declined = i.previous_per_capita.map(|p| per_capita < p);
    if declined == Some(true) {
        remarks.push(Remark::IncomeDeclined);
    }
    let ratios = RatioBase::ALL.map(|b| ratio(b, i.year, per_capita, rules));
    quality_remarks(
        i,
        rules,
        &mut remarks,
        [totals[1], expenses, net, per_capita],
    );
    Some(IncomeDecision {
        totals,
        excluded_total,
        excluded_keywords,
        gross,
        item_costs,
        expenses,
        net,
        per_capita,
        comparison,
        after_rigid,
        declined,
        ratios,
        remarks,
    })
}

/// Counted items whose name holds one of `words`: (item index, first word found).
fn words_in_counted<'a>(
    items: &'a [Item],
    words: &'a [String],
) -> impl Iterator<Item = (usize, String)> + 'a {
    items
        .iter()
        .enumerate()
        .filter(|(_, x)| x.category.is_counted())
        .filter_map(|(n, x)| {
            let word = words.iter().find(|w| x.name.contains(w.as_str()))?;
            Some((n, word.clone()))
        })
}

/// 附件2 第3条: "below" is strictly less than the year's range; (r2) no range, no verdict.
fn compare(year: i32, per_capita: Decimal, rules: &RuleSet) -> Option<Comparison> {
    Some(match rules.get(Param::MonitoringRange, At::Year(year)) {
        Some(range) => {
            let gap = range.value.checked_sub(per_capita)?;
            let below = per_capita < range.value;
            Comparison::Configured { range, gap, below }
        }
        None => Comparison::NotConfigured,
    })
}

/// 主文 二 "两提升": per capita ÷ the previous year's rural disposable income.
fn ratio(base: RatioBase, year: i32, per_capita: Decimal, rules: &RuleSet) -> Ratio {
    match rules.get(base.param(), At::Year(year - 1)) {
        Some(p) if !p.value.is_zero() => match per_capita.checked_div(p.value) {
            Some(ratio) => Ratio::Of { base: p, ratio },
            None => Ratio::Overflow,
        },
        _ => Ratio::NotConfigured,
    }
}

/// Data-quality remarks (疑点, 附件2 第17条). `figures`: operating income, expenses, net and
/// per capita.
fn quality_remarks(i: &IncomeInput, rules: &RuleSet, out: &mut Vec<Remark>, figures: [Decimal; 4]) {
    let [operating, expenses, net, per_capita] = figures;
    if net <= Decimal::ZERO {
        out.push(Remark::NetNotPositive);
    }
    if let Some(low) = rules.fixed(Param::PerCapitaWarningLow) {
        if per_capita < low {
            out.push(Remark::PerCapitaLow { threshold: low });
        }
    }
    if let Some(high) = rules.fixed(Param::PerCapitaWarningHigh) {
        if per_capita > high {
            out.push(Remark::PerCapitaHigh { threshold: high });
        }
    }
    if operating > Decimal::ZERO && expenses.is_zero() {
        out.push(Remark::OperatingWithoutExpenses);
    }
    // A wage recorded under a member younger than the minimum working age.
    if let Some(min_age) = rules.fixed(Param::MinimumWorkingAge) {
        let wages = i
            .items
            .iter()
            .enumerate()
            .filter(|(_, x)| x.category == Category::Wage);
        for (item, x) in wages {
            let age = x
                .member
                .and_then(|m| i.member_ages.get(m).copied().flatten());
            if let Some(age) = age.filter(|a| Decimal::from(*a) < min_age) {
                out.push(Remark::MinorWithWage { item, age, min_age });
            }
        }
    }
    outsized_and_medical(i, rules, out);
    let listed = i.member_ages.len();
    if listed != 0 && listed as u64 != i.household_size {
        out.push(Remark::SizeDiffersFromMembers { listed });
    }
}

/// (r2) A medical reimbursement typed into a counted category (practice varies, so a remark,
/// not an exclusion); more members than usual; a single item above the threshold.
fn outsized_and_medical(i: &IncomeInput, rules: &RuleSet, out: &mut Vec<Remark>) {
    if let Some(k) = rules.keywords(Param::MedicalReimbursementKeywords.name()) {
        out.extend(
            words_in_counted(&i.items, &k.value)
                .map(|(item, word)| Remark::MedicalInIncome { item, word }),
        );
    }
    if let Some(max) = rules.fixed(Param::HouseholdMembersWarning) {
        if Decimal::from(i.household_size) > max {
            out.push(Remark::HouseholdLarge { max });
        }
    }
    if let Some(max) = rules.fixed(Param::SingleItemWarning) {
        for (item, _) in i.items.iter().enumerate().filter(|(_, x)| x.amount > max) {
            out.push(Remark::ItemLarge { item, max });
        }
    }
}
