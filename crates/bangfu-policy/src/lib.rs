//! # bangfu-policy
//!
//! The policy engine of Bangfu: Minqin County's 2024 plan for preventing households from
//! falling back into poverty (民农领发〔2024〕9号), read as `docs/policy.md` says.
//!
//! Invariants (see `docs/ARCHITECTURE.md`):
//! - pure: no I/O, no clock ("today" is an input), no wasm or DOM;
//! - total: every public function returns a value or a `Result`, never panics, whatever the
//!   request holds (property-tested in `tests/no_panic.rs`);
//! - money is exact (`rust_decimal`), rounded only for display and comparison (四舍五入);
//! - parameters are data with source and confidence; a value not known is "未配置", never
//!   a guess.
//!
//! Doors: [`evaluate`] / [`evaluate_str`] (api.md), shared by the CLI, the JS API and the
//! widgets.

pub mod api;
pub mod calc;
pub mod calendar;
pub(crate) mod data;
pub mod dates;
pub mod daxie;
pub mod error;
pub mod explain;
pub mod input;
pub mod money;
pub mod params;
pub mod sources;
pub mod text;

pub use api::{evaluate, evaluate_str, Response};

/// The years the engine accepts anywhere (requests, overrides, widget attributes): the one
/// place this range is written.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
pub use error::{ErrorCode, FieldError};
pub use explain::{ParamUse, Step, Warning};

/// What a calculator produces on success: its typed result (serialised only by [`api`]),
/// the explanation and the warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<R> {
    pub result: R,
    pub explanation: Vec<Step>,
    pub warnings: Vec<Warning>,
}
