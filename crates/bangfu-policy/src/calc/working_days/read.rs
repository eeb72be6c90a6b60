//! Reading a `working_days` request: the operation (a closed vocabulary) and its dates.

use chrono::NaiveDate;

use crate::calendar::MAX_WORKING_DAYS;
use crate::error::ErrorCode;
use crate::input::{Errors, Obj, Value};

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

/// The request → the typed input, with the refusals gathered so far (as before the split, a
/// refused `allow_estimate` does not stop a complete operation: it reads as "no estimate").
pub fn read(input: &Value) -> Result<(WorkingDaysInput, Errors), Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "工作日计算输入", &mut errors) else {
        return Err(errors);
    };
    let allow_estimate = obj
        .flag("allow_estimate", "是否允许估算", &mut errors)
        .unwrap_or(false);
    let kind = match obj.get("op").map(|v| v.as_str()) {
        Some(Some(s)) => OpKind::from_code(s.trim()).ok_or(s.trim()),
        Some(None) => {
            errors.push(
                "input.op",
                ErrorCode::WrongType,
                "op 应为 add、count 或 is_working_day",
            );
            return Err(errors);
        }
        None => {
            errors.push(
                "input.op",
                ErrorCode::Required,
                "请指明计算方式：add、count 或 is_working_day",
            );
            return Err(errors);
        }
    };
    let op = match kind {
        Ok(k) => read_op(&obj, k, &mut errors),
        Err(other) => {
            errors.push(
                "input.op",
                ErrorCode::UnknownValue,
                format!(
                    "不认识的计算方式“{}”，应为 add、count 或 is_working_day",
                    other.chars().take(20).collect::<String>()
                ),
            );
            None
        }
    };
    match op {
        Some(op) => Ok((WorkingDaysInput { op, allow_estimate }, errors)),
        None => Err(errors),
    }
}

/// The fields of one operation; `None` when one is missing or refused.
fn read_op(obj: &Obj, kind: OpKind, errors: &mut Errors) -> Option<Op> {
    match kind {
        OpKind::Add => {
            let from = obj.date("from", "起算日期", true, errors);
            let days = obj.whole(
                "days",
                "工作日天数",
                1,
                u64::from(MAX_WORKING_DAYS),
                true,
                errors,
            );
            Some(Op::Add {
                from: from?,
                days: u32::try_from(days?).ok()?,
            })
        }
        OpKind::Count => {
            let from = obj.date("from", "开始日期", true, errors);
            let to = obj.date("to", "结束日期", true, errors);
            let (from, to) = (from?, to?);
            if to < from {
                errors.push(
                    "input.to",
                    ErrorCode::RangeReversed,
                    "结束日期不能早于开始日期",
                );
                return None;
            }
            Some(Op::Count { from, to })
        }
        OpKind::IsWorkingDay => Some(Op::IsWorkingDay {
            date: obj.date("date", "日期", true, errors)?,
        }),
    }
}
