//! Household income accounting (收入核算, 与农户面对面算账) — rules.md §1.
//!
//! Plan 附件2 第16条: "对农户收入计算表填写内容逐项核实，与农户‘面对面’算账 … 对应计入的收入
//! ‘应统尽统’". Plan 附件2 第3条: "全县2024年度防止返贫监测范围调整为7800元".
//!
//! [`read`] (request → [`IncomeInput`]) → [`decide`] (the arithmetic and the checks, no
//! wording) → [`explain`] (the result's strings, every step, citation and warning). The
//! result types below are the api.md shape; only `api` serialises them.

mod decide;
mod explain;
mod read;

use serde::{Deserialize, Serialize};

pub use decide::{decide, Comparison, IncomeDecision, Ratio, RatioBase, Remark};
pub use read::{read, Category, IncomeInput, Item, LABOUR, MAX_MEMBERS};

use crate::error::Refusal;
use crate::input::{Errors, Reader, Value};
use crate::params::RuleSet;
use crate::Outcome;

/// Money totals by counted category (two-decimal strings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByCategory {
    pub wage: String,
    pub operating: String,
    pub property: String,
    pub transfer: String,
}

/// Key figures in Chinese capitals (大写) for the signed sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InWords {
    pub gross_income: String,
    pub net_income: String,
    pub per_capita_net_income: String,
}

/// One item as read and classified, echoed for the printed sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemLine {
    pub category: Category,
    pub item: String,
    pub amount: String,
    /// The item's own operating cost, when entered per item (else null).
    pub expense: Option<String>,
    /// False for `excluded` items: shown on the sheet as 不计入.
    pub counted: bool,
}

/// The `income` result (api.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeResult {
    pub year: i32,
    pub household_size: u64,
    pub items: Vec<ItemLine>,
    pub gross_income: String,
    pub by_category: ByCategory,
    pub excluded_total: String,
    pub operating_expenses: String,
    pub net_income: String,
    pub per_capita_net_income: String,
    /// `None` (null) when the year's range is not configured.
    pub monitoring_range: Option<String>,
    pub below_monitoring_range: Option<bool>,
    /// When the year's range is not configured: the latest known one, as a labelled reference.
    pub reference_range: Option<crate::params::Reference>,
    /// Range − per-capita figure; positive means below the line.
    pub gap_to_range: Option<String>,
    pub per_capita_after_rigid: Option<String>,
    pub income_declined: Option<bool>,
    /// Per-capita net income ÷ the previous year's national rural per-capita disposable income.
    pub ratio_to_national_rural_income: Option<String>,
    /// Per-capita net income ÷ the previous year's Gansu rural per-capita disposable income.
    pub ratio_to_gansu_rural_income: Option<String>,
    pub in_words: InWords,
}

/// read → decide → explain.
pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome<IncomeResult>, Errors> {
    evaluate_with(input, rules, true)
}

/// [`evaluate`], leaving the steps unbuilt when `steps` is false (api.md `"explain": false`,
/// the batch path, where nobody reads them).
pub fn evaluate_with(
    input: &Value,
    rules: &RuleSet,
    steps: bool,
) -> Result<Outcome<IncomeResult>, Errors> {
    let i = read(input)?;
    let result = decide(&i, rules).and_then(|d| {
        Some(Outcome {
            result: explain::result(&d, &i, rules)?,
            explanation: if steps {
                explain::steps(&d, &i, rules)
            } else {
                Vec::new()
            },
            warnings: explain::warnings(&d, &i),
        })
    });
    result.ok_or_else(|| {
        let mut r = Reader::new();
        r.refuse("input", Refusal::AmountsOverflow);
        r.into_errors()
    })
}
