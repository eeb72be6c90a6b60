//! The calculators, one module each; `api` dispatches to them.

pub mod income;
pub mod working_days;
