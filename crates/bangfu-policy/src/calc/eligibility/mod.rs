//! Eligibility (监测对象识别, 排查, 分类, 风险消除) — rules.md §2, revision 2.
//!
//! read ([`crate::calc::household`]) → [`decide`] (rules and numbers, no wording) →
//! [`explain`] (every sentence and citation). Three answers, never two: a "no" is only given
//! when every fact needed for it is known and says no.

mod decide;
mod explain;
mod vocab;

pub use decide::{decide, Decision, Elimination, ScopeReason};
pub use explain::EligibilityResult;
pub use vocab::{
    ContinuingMeasure, EliminationCondition, LeadDepartment, Management, MonitoringType, MustCheck,
    MustVisit, ProcedureStep, SupportApproach,
};

use super::household::{read_household, Strictness};
use crate::error::Refusal;
use crate::input::{Errors, Reader, Value};
use crate::params::RuleSet;
use crate::Outcome;

/// The 11 risk categories (附件2 第10条): code and Chinese label (kept for r1 callers).
pub const RISKS: [(&str, &str); 11] = [
    ("illness", "因病"),
    ("schooling", "因学"),
    ("housing", "因安全住房"),
    ("drinking_water", "因安全饮水"),
    ("disability", "因残"),
    ("natural_disaster", "因自然灾害"),
    ("accident", "因意外事故"),
    ("business_failure", "因产业项目失败"),
    ("unstable_employment", "因务工就业不稳"),
    ("lack_of_labour", "因缺劳动力"),
    ("other", "其他"),
];

/// The label of `code` in a (code, label) table, or "".
pub fn label_of(table: &[(&'static str, &'static str)], code: &str) -> &'static str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, l)| l)
}

pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome<EligibilityResult>, Errors> {
    let mut r = Reader::new();
    let Some(obj) = r.object(input, "input", "资格自查输入") else {
        return Err(r.into_errors());
    };
    let date = r.required_date(&obj, "date", "日期");
    let household = read_household(&obj, Strictness::Eligibility, &mut r);
    let (date, h) = r.finish(date.zip(household))?;
    let Some(d) = decide(&h, date, rules) else {
        let mut r = Reader::new();
        r.refuse("input", Refusal::AmountsOverflow);
        return Err(r.into_errors());
    };
    let (result, explanation, warnings) = explain::explain(&d, &h, rules);
    Ok(Outcome {
        result,
        explanation,
        warnings,
    })
}
