//! Reading a `working_days` request: the operation (a closed vocabulary) and its dates.

use chrono::NaiveDate;

use crate::calendar::MAX_WORKING_DAYS;
use crate::error::Refusal;
use crate::input::{Errors, Obj, Reader, Value};

/// The operations of api.md `working_days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Add,
    Count,
    IsWorkingDay,
}

impl OpKind {
    pub const ALL: [OpKind; 3] = [OpKind::Add, OpKind::Count, OpKind::IsWorkingDay];

    pub fn code(self) -> &'static str {
        match self {
            OpKind::Add => "add",
            OpKind::Count => "count",
            OpKind::IsWorkingDay => "is_working_day",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OpKind::Add => "往后数工作日",
            OpKind::Count => "数工作日",
            OpKind::IsWorkingDay => "是否工作日",
        }
    }

    pub fn from_code(code: &str) -> Option<OpKind> {
        OpKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One operation with its validated dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The `days`-th working day after `from` (the start day is not counted).
    Add {
        from: NaiveDate,
        days: u32,
    },
    /// Working days from `from` to `to`, both included (`to >= from`).
    Count {
        from: NaiveDate,
        to: NaiveDate,
    },
    IsWorkingDay {
        date: NaiveDate,
    },
}

impl Op {
    /// The request field a calendar failure is recorded against.
    pub fn blamed_field(&self) -> &'static str {
        match self {
            Op::Add { .. } => "input.from",
            Op::Count { .. } => "input.to",
            Op::IsWorkingDay { .. } => "input.date",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingDaysInput {
    pub op: Op,
    pub allow_estimate: bool,
}

/// The request → the typed input, or every refusal at once (a wrongly typed `allow_estimate`
/// is refused, not read as "no estimate").
pub fn read(input: &Value) -> Result<WorkingDaysInput, Errors> {
    let mut r = Reader::new();
    let Some(obj) = r.object(input, "input", "工作日计算输入") else {
        return Err(r.into_errors());
    };
    let allow_estimate = r.flag(&obj, "allow_estimate", "是否允许估算");
    let label = "计算方式";
    let kind = r.choice(&obj, "op", label, &OpKind::ALL, OpKind::code);
    if obj.get("op").is_none() {
        let options = OpKind::ALL.map(OpKind::code);
        r.refuse(
            "input.op",
            Refusal::Choose {
                label,
                options: &options,
            },
        );
    }
    let op = kind.and_then(|k| read_op(&obj, k, &mut r));
    r.finish(op.map(|op| WorkingDaysInput {
        op,
        allow_estimate: allow_estimate.unwrap_or(false),
    }))
}

/// The fields of one operation; `None` when one is missing or refused.
fn read_op(obj: &Obj, kind: OpKind, r: &mut Reader) -> Option<Op> {
    match kind {
        OpKind::Add => {
            let from = r.required_date(obj, "from", "起算日期");
            let max = u64::from(MAX_WORKING_DAYS);
            let days = r.required_whole(obj, "days", "工作日天数", 1..=max);
            Some(Op::Add {
                from: from?,
                days: u32::try_from(days?).ok()?,
            })
        }
        OpKind::Count => {
            let from = r.required_date(obj, "from", "开始日期");
            let to = r.required_date(obj, "to", "结束日期");
            let (from, to) = (from?, to?);
            if to < from {
                r.refuse("input.to", Refusal::EndBeforeStart);
                return None;
            }
            Some(Op::Count { from, to })
        }
        OpKind::IsWorkingDay => Some(Op::IsWorkingDay {
            date: r.required_date(obj, "date", "日期")?,
        }),
    }
}
