//! The calculators, one module each; `api` dispatches to them.

pub mod deadlines;
pub mod eligibility;
pub mod income;
pub mod income_catalogue;
pub mod screening;
pub mod subsidy;
pub mod working_days;
