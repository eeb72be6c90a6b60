//! The `working_days` calculator (api.md): add N working days, count working days in a span,
//! or classify one date — against the official schedules (rules.md §3).
//!
//! [`read`] (request → [`WorkingDaysInput`]) → [`decide`] (the calendar arithmetic, no
//! wording) → [`explain`] (the step and the warnings).

mod decide;
mod explain;
mod read;

use serde::{Deserialize, Serialize};

pub use decide::{decide, WorkingDaysDecision};
pub(crate) use explain::calendar_error;
pub use read::{read, Op, OpKind, WorkingDaysInput};

use crate::input::{Errors, Value};
use crate::Outcome;

/// The `working_days` result (api.md): one shape per `op`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum WorkingDaysResult {
    /// `op: "add"`: the due date.
    Added { date: String, estimated: bool },
    /// `op: "count"`: working days in the span, both ends included.
    Counted { working_days: u32, estimated: bool },
    /// `op: "is_working_day"`.
    Classified {
        working_day: bool,
        reason: String,
        estimated: bool,
    },
}

/// read → decide → explain.
pub fn evaluate(input: &Value) -> Result<Outcome<WorkingDaysResult>, Errors> {
    let i = read(input)?;
    match decide(&i) {
        Ok(d) => Ok(explain::explain(&d)),
        Err(e) => Err(calendar_error(i.op.blamed_field(), e)),
    }
}
