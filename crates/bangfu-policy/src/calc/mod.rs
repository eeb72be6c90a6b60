//! The calculators, one module each; `api` dispatches to them. `household` and `programmes`
//! are shared by eligibility and subsidy.

pub mod deadlines;
pub mod eligibility;
pub mod household;
pub mod income;
pub mod income_catalogue;
pub mod programmes;
pub mod subsidy;
pub mod working_days;
