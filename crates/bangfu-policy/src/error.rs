//! Request refusals: one catalogue ([`Refusal`]) in which every reason a request, or one of
//! its fields, is turned down has exactly one stable wire code ([`ErrorCode`]) and one Chinese
//! sentence for the person who typed the value; [`FieldError`] carries a refusal to the
//! widgets as `{ field, code, message }`.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The wire code of a refusal. Codes are part of the API contract (api.md "Error codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request text is not JSON.
    InvalidJson,
    /// A value that must be an object (or the request itself) is something else.
    NotAnObject,
    /// A required field is missing or empty.
    Required,
    /// A field has the wrong JSON type (a list where text was expected, …).
    WrongType,
    /// Text that should be an amount or a number is not one.
    NotANumber,
    /// A negative amount where only zero or more is allowed.
    NegativeAmount,
    /// An amount with more than two decimals (finer than a 分).
    TooManyDecimals,
    /// A number beyond what the field can hold sensibly.
    TooLarge,
    /// A count that must be whole (household size, days).
    NotAWholeNumber,
    /// A count that must be 1 or more.
    MustBePositive,
    /// A whole number below the field's lowest allowed value (a year before 2000, a
    /// negative age).
    BelowMinimum,
    /// An income category outside the four counted ones and `excluded`.
    UnknownCategory,
    /// A value outside the list of allowed codes.
    UnknownValue,
    /// `calculator` names no calculator.
    UnknownCalculator,
    /// The calculator exists in the API but is not built yet.
    CalculatorNotAvailable,
    /// `rule_set` names no rule set.
    UnknownRuleSet,
    /// An override names a parameter the rule set does not have.
    UnknownParameter,
    /// An override's key or value is malformed.
    InvalidOverride,
    /// Text that should be a date is not a real date.
    InvalidDate,
    /// The official holiday schedule for that year is not published (or not known here).
    CalendarNotPublished,
    /// An end date before the start date.
    RangeReversed,
    /// Text longer than the field allows.
    TooLong,
    /// More list entries than the field allows.
    TooMany,
    /// Something inside the engine went wrong; never caused by the request.
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 24] = [
        Self::InvalidJson,
        Self::NotAnObject,
        Self::Required,
        Self::WrongType,
        Self::NotANumber,
        Self::NegativeAmount,
        Self::TooManyDecimals,
        Self::TooLarge,
        Self::NotAWholeNumber,
        Self::MustBePositive,
        Self::BelowMinimum,
        Self::UnknownCategory,
        Self::UnknownValue,
        Self::UnknownCalculator,
        Self::CalculatorNotAvailable,
        Self::UnknownRuleSet,
        Self::UnknownParameter,
        Self::InvalidOverride,
        Self::InvalidDate,
        Self::CalendarNotPublished,
        Self::RangeReversed,
        Self::TooLong,
        Self::TooMany,
        Self::Internal,
    ];

    /// The code as it appears in JSON (`must_be_positive`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::NotAnObject => "not_an_object",
            Self::Required => "required",
            Self::WrongType => "wrong_type",
            Self::NotANumber => "not_a_number",
            Self::NegativeAmount => "negative_amount",
            Self::TooManyDecimals => "too_many_decimals",
            Self::TooLarge => "too_large",
            Self::NotAWholeNumber => "not_a_whole_number",
            Self::MustBePositive => "must_be_positive",
            Self::BelowMinimum => "below_minimum",
            Self::UnknownCategory => "unknown_category",
            Self::UnknownValue => "unknown_value",
            Self::UnknownCalculator => "unknown_calculator",
            Self::CalculatorNotAvailable => "calculator_not_available",
            Self::UnknownRuleSet => "unknown_rule_set",
            Self::UnknownParameter => "unknown_parameter",
            Self::InvalidOverride => "invalid_override",
            Self::InvalidDate => "invalid_date",
            Self::CalendarNotPublished => "calendar_not_published",
            Self::RangeReversed => "range_reversed",
            Self::TooLong => "too_long",
            Self::TooMany => "too_many",
            Self::Internal => "internal",
        }
    }
}

/// What a value should have been, for [`Refusal::WrongType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Amount,
    Whole,
    Date,
    Text,
    TextOrNumber,
    Code,
    YesNo,
    List,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Amount => "金额，例如 3600",
            Expected::Whole => "整数",
            Expected::Date => "日期，例如 2024-05-01",
            Expected::Text => "文字",
            Expected::TextOrNumber => "文字或数字",
            Expected::Code => "文字代码",
            Expected::YesNo => "是或否（true/false）",
            Expected::List => "列表",
        })
    }
}

/// Every reason the engine refuses a request or a field. `label` is the field's Chinese name
/// (家庭人口), `typed` the start of what was typed; each variant has one [`Refusal::code`] and
/// one sentence ([`fmt::Display`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal<'a> {
    // ── The request as a whole ──
    InvalidJson,
    RequestTooLarge,
    RequestNotAnObject,
    CalculatorMissing,
    CalculatorNotText,
    UnknownCalculator,
    CalculatorNotAvailable,
    InputMissing,
    // ── Rule sets and overrides ──
    RuleSetNotText,
    UnknownRuleSet {
        id: &'a str,
    },
    BuiltinRuleSetMissing,
    /// The response could not be written (never caused by the request).
    OutputFailed,
    OverridesNotAnObject,
    UnknownParameter {
        name: &'a str,
    },
    OverrideHasNoPeriod {
        name: &'a str,
        label: &'a str,
    },
    OverrideNeedsYear {
        name: &'a str,
    },
    OverrideNeedsDate {
        name: &'a str,
    },
    OverrideSourceInvalid {
        max: usize,
    },
    OverrideKeywordsInvalid,
    OverrideNeedsKeywords,
    OverrideNotANumber {
        typed: String,
    },
    OverrideNeedsNumber,
    // ── Fields ──
    NotAGroup {
        label: &'a str,
    },
    Required {
        label: &'a str,
    },
    /// A choice not made; `options` (may be empty) are read out:
    /// “请选一下您家是哪一类（脱贫户、一般农户、已认定的监测户，或不清楚）”.
    Choose {
        label: &'a str,
        options: &'a [&'a str],
    },
    /// A yes/no question not answered.
    Unanswered {
        question: &'a str,
    },
    NoMembers,
    WrongType {
        label: &'a str,
        expected: Expected,
    },
    NotAnAmount {
        label: &'a str,
        typed: String,
    },
    NegativeAmount {
        label: &'a str,
    },
    TooManyDecimals {
        label: &'a str,
    },
    AmountTooLarge {
        label: &'a str,
    },
    /// Text that is not a whole number; `example` is a value that fits the field.
    NotAWholeNumber {
        label: &'a str,
        typed: String,
        example: u64,
    },
    /// An age that is not a whole number of years (“六十八岁半”).
    NotAnAge {
        typed: String,
    },
    HasDecimals {
        label: &'a str,
    },
    /// 0 typed where the count starts at 1.
    MustBePositive {
        label: &'a str,
    },
    /// A negative number where the count starts at 1.
    NegativeCount {
        label: &'a str,
    },
    /// A negative number where the count starts at 0 (an age).
    Negative {
        label: &'a str,
    },
    BelowMinimum {
        label: &'a str,
        min: u64,
    },
    AboveMaximum {
        label: &'a str,
        max: u64,
    },
    RatioAboveOne {
        label: &'a str,
        typed: String,
    },
    NotADate {
        label: &'a str,
        typed: String,
    },
    NoSuchDay {
        label: &'a str,
        year: i32,
        month: u32,
        day: u32,
    },
    NoSuchMonth {
        label: &'a str,
        month: u32,
    },
    TooLong {
        label: &'a str,
        max: usize,
    },
    TooMany {
        label: &'a str,
        max: usize,
    },
    NotOneOf {
        label: &'a str,
        allowed: &'a [&'a str],
    },
    /// An income category outside the four counted ones and 不计入.
    UnknownCategory,
    UnknownRisk,
    UnknownProgramme,
    UnknownRecordField {
        key: &'a str,
    },
    SegmentsNotIncreasing,
    LastSegmentCapped,
    OpenSegmentNotLast,
    /// Amounts so large the arithmetic would overflow.
    AmountsOverflow,
    // ── Dates and calendars ──
    /// A span whose end comes before its start.
    EndBeforeStart,
    /// A stage's date before the application it belongs to.
    BeforeApplication {
        label: &'a str,
        date: NaiveDate,
        applied: NaiveDate,
    },
    /// Working days asked of a year whose holiday schedule is not published.
    CalendarNotPublished {
        year: i32,
    },
    /// A span of dates too long to count day by day.
    SpanTooLong,
    /// The rule set lacks one of the 一键报贫 time limits.
    LimitsNotConfigured,
}

impl Refusal<'_> {
    /// The stable wire code.
    pub fn code(&self) -> ErrorCode {
        use ErrorCode as C;
        match self {
            Self::InvalidJson => C::InvalidJson,
            Self::RequestTooLarge => C::TooLarge,
            Self::RequestNotAnObject => C::NotAnObject,
            Self::CalculatorMissing => C::Required,
            Self::CalculatorNotText => C::WrongType,
            Self::UnknownCalculator => C::UnknownCalculator,
            Self::CalculatorNotAvailable => C::CalculatorNotAvailable,
            Self::InputMissing => C::Required,
            Self::RuleSetNotText => C::WrongType,
            Self::UnknownRuleSet { .. } => C::UnknownRuleSet,
            Self::BuiltinRuleSetMissing | Self::OutputFailed => C::Internal,
            Self::OverridesNotAnObject => C::NotAnObject,
            Self::UnknownParameter { .. } => C::UnknownParameter,
            Self::OverrideHasNoPeriod { .. }
            | Self::OverrideNeedsYear { .. }
            | Self::OverrideNeedsDate { .. }
            | Self::OverrideSourceInvalid { .. }
            | Self::OverrideKeywordsInvalid
            | Self::OverrideNeedsKeywords
            | Self::OverrideNotANumber { .. }
            | Self::OverrideNeedsNumber => C::InvalidOverride,
            Self::NotAGroup { .. } => C::NotAnObject,
            Self::Required { .. }
            | Self::Choose { .. }
            | Self::Unanswered { .. }
            | Self::NoMembers => C::Required,
            Self::WrongType { .. } => C::WrongType,
            Self::NotAnAmount { .. } => C::NotANumber,
            Self::NegativeAmount { .. } => C::NegativeAmount,
            Self::TooManyDecimals { .. } => C::TooManyDecimals,
            Self::AmountTooLarge { .. } => C::TooLarge,
            Self::NotAWholeNumber { .. } | Self::NotAnAge { .. } | Self::HasDecimals { .. } => {
                C::NotAWholeNumber
            }
            Self::MustBePositive { .. } | Self::NegativeCount { .. } => C::MustBePositive,
            Self::Negative { .. } | Self::BelowMinimum { .. } => C::BelowMinimum,
            Self::AboveMaximum { .. } | Self::RatioAboveOne { .. } => C::TooLarge,
            Self::NotADate { .. } | Self::NoSuchDay { .. } | Self::NoSuchMonth { .. } => {
                C::InvalidDate
            }
            Self::TooLong { .. } => C::TooLong,
            Self::TooMany { .. } => C::TooMany,
            Self::NotOneOf { .. } | Self::UnknownRisk | Self::UnknownProgramme => C::UnknownValue,
            Self::UnknownRecordField { .. } => C::UnknownParameter,
            Self::SegmentsNotIncreasing => C::RangeReversed,
            Self::LastSegmentCapped | Self::OpenSegmentNotLast => C::InvalidOverride,
            Self::AmountsOverflow => C::TooLarge,
            Self::UnknownCategory => C::UnknownCategory,
            Self::EndBeforeStart | Self::BeforeApplication { .. } => C::RangeReversed,
            Self::CalendarNotPublished { .. } => C::CalendarNotPublished,
            Self::SpanTooLong => C::TooLarge,
            Self::LimitsNotConfigured => C::UnknownParameter,
        }
    }
}

/// `a、b，或c`.
fn either(f: &mut fmt::Formatter<'_>, options: &[&str]) -> fmt::Result {
    for (i, o) in options.iter().enumerate() {
        let sep = match i {
            0 => "",
            _ if i + 1 == options.len() => "，或",
            _ => "、",
        };
        write!(f, "{sep}{o}")?;
    }
    Ok(())
}

impl fmt::Display for Refusal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidJson => f.write_str("请求不是有效的 JSON"),
            Self::RequestTooLarge => f.write_str("请求内容过大（超过 1 MB）"),
            Self::RequestNotAnObject => f.write_str("请求应为 JSON 对象"),
            Self::CalculatorMissing => {
                f.write_str("请指明计算器：income、eligibility、deadlines、subsidy 或 working_days")
            }
            Self::CalculatorNotText => f.write_str("calculator 应为文字"),
            Self::UnknownCalculator => f.write_str(
                "没有这个计算器；可用：income、eligibility、deadlines、subsidy、working_days",
            ),
            Self::CalculatorNotAvailable => f.write_str("该计算器尚未开放（正在建设中）"),
            Self::InputMissing => f.write_str("请求缺少 input（计算所需的数据）"),
            Self::RuleSetNotText => f.write_str("规则集名称应为文字，例如 minqin-2024"),
            Self::UnknownRuleSet { id } => {
                write!(f, "没有名为“{id}”的规则集；可用：minqin-2024")
            }
            Self::BuiltinRuleSetMissing => f.write_str("内置规则集缺失（程序错误）"),
            Self::OutputFailed => f.write_str("结果无法输出（程序错误）"),
            Self::OverridesNotAnObject => f.write_str("参数配置应为“参数名: 值”的对象"),
            Self::UnknownParameter { name } => write!(f, "规则集中没有参数“{name}”"),
            Self::OverrideHasNoPeriod { name, label } => {
                write!(f, "参数“{label}”不分年份，请写作 {name}")
            }
            Self::OverrideNeedsYear { name } => write!(f, "请写明年份，例如 {name}.2025"),
            Self::OverrideNeedsDate { name } => {
                write!(f, "请写明生效日期，例如 {name}.2025-05-20")
            }
            Self::OverrideSourceInvalid { max } => {
                write!(f, "来源应为不超过 {max} 字的文字")
            }
            Self::OverrideKeywordsInvalid => f.write_str("关键词列表只能包含非空文字"),
            Self::OverrideNeedsKeywords => f.write_str("该参数的值应为关键词列表"),
            Self::OverrideNotANumber { typed } => write!(f, "“{typed}”不是有效的非负数"),
            Self::OverrideNeedsNumber => f.write_str("参数值应为数字文字，例如 \"8600\""),
            Self::NotAGroup { label } => write!(f, "“{label}”的格式不对，应为一组字段"),
            Self::Required { label } => write!(f, "请填写{label}"),
            Self::Choose { label, options } => {
                write!(f, "请选一下{label}")?;
                if !options.is_empty() {
                    f.write_str("（")?;
                    either(f, options)?;
                    f.write_str("）")?;
                }
                Ok(())
            }
            Self::Unanswered { question } => write!(f, "请回答：{question}"),
            Self::NoMembers => f.write_str("请至少填写一名家庭成员"),
            Self::WrongType { label, expected } => write!(f, "{label}应为{expected}"),
            Self::NotAnAmount { typed, .. } => {
                write!(f, "“{typed}”看不懂，请写成 12000 或 1.2万")
            }
            Self::NegativeAmount { .. } => f.write_str("钱数前面不要加“-”"),
            Self::TooManyDecimals { label } => write!(f, "{label}最多写到分，例如 1234.56"),
            Self::AmountTooLarge { label } => {
                write!(f, "{label}太大了，看看是不是多打了 0（单位是元）")
            }
            Self::NotAWholeNumber {
                label,
                typed,
                example,
            } => write!(f, "“{typed}”看不懂，{label}请填整数，例如 {example}"),
            Self::NotAnAge { typed } => {
                write!(f, "“{typed}”看不懂，请填整岁数，例如 68、68岁 或 六十八")
            }
            Self::HasDecimals { label } => write!(f, "{label}必须是整数，不能有小数"),
            Self::MustBePositive { label } => write!(f, "{label}必须是大于 0 的整数"),
            Self::NegativeCount { label } => {
                write!(f, "{label}必须是大于 0 的整数，不能为负数")
            }
            Self::Negative { label } => write!(f, "{label}不能为负数"),
            Self::BelowMinimum { label, min } => write!(f, "{label}不能小于 {min}，请核对"),
            Self::AboveMaximum { label, max } => write!(f, "{label}不能超过 {max}，请核对"),
            Self::RatioAboveOne { label, typed } => {
                write!(f, "{label} {typed} 超过 1（100%）")
            }
            Self::NotADate { label, typed } => write!(
                f,
                "“{typed}”不是有效日期，{label}请写成 2024-05-01 或 2024年5月1日"
            ),
            Self::NoSuchDay {
                label,
                year,
                month,
                day,
            } => write!(f, "{year}年{month}月没有{day}日，请核对{label}"),
            Self::NoSuchMonth { label, month } => write!(f, "没有{month}月，请核对{label}"),
            Self::TooLong { label, max } => write!(f, "{label}太长了，请不超过 {max} 个字"),
            Self::TooMany { label, max } => write!(f, "{label}最多 {max} 项"),
            Self::NotOneOf { label, allowed } => {
                write!(f, "{label}只能是：{}", allowed.join("、"))
            }
            Self::UnknownRisk => f.write_str("风险类别应为 11 类之一（因病、因学、因安全住房…）"),
            Self::UnknownProgramme => f.write_str("不认识的测算项目"),
            Self::UnknownRecordField { key } => write!(f, "记录中没有“{key}”这一字段"),
            Self::SegmentsNotIncreasing => f.write_str("分段上限应逐段增大"),
            Self::LastSegmentCapped => f.write_str("最后一段应不设上限（null）"),
            Self::OpenSegmentNotLast => f.write_str("只有最后一段可以不设上限"),
            Self::AmountsOverflow => f.write_str("金额过大，无法计算，请核对"),
            Self::UnknownCategory => {
                f.write_str("收入类别只能是工资性、生产经营性、财产性、转移性收入或“不计入”")
            }
            Self::EndBeforeStart => f.write_str("结束日期不能早于开始日期"),
            Self::BeforeApplication {
                label,
                date,
                applied,
            } => write!(f, "{label} {date} 早于申报日期 {applied}"),
            Self::CalendarNotPublished { year } => write!(
                f,
                "{year}年节假日安排未发布，无法按工作日计算；如需按周末粗略估算，请选择“估算”"
            ),
            Self::SpanTooLong => f.write_str("日期跨度过大（最多约 10 年），请核对"),
            Self::LimitsNotConfigured => f.write_str("时限参数未配置"),
        }
    }
}

/// One refused field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Path in the request, e.g. `input.items[2].amount`; empty for the whole request.
    pub field: String,
    pub code: ErrorCode,
    /// Plain Chinese, meant for the person who typed the value.
    pub message: String,
}

impl FieldError {
    /// The refusal of `field` (a path such as `input.household_size`; empty for the request).
    pub fn refused(field: impl Into<String>, why: &Refusal<'_>) -> Self {
        FieldError {
            field: field.into(),
            code: why.code(),
            message: why.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_written_as_serde_writes_it() {
        for c in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(c).ok(),
                Some(serde_json::Value::from(c.as_str()))
            );
        }
    }

    #[test]
    fn a_choice_reads_out_its_options() {
        let r = Refusal::Choose {
            label: "您家是哪一类",
            options: &["脱贫户", "一般农户", "已认定的监测户", "不清楚"],
        };
        assert_eq!(
            r.to_string(),
            "请选一下您家是哪一类（脱贫户、一般农户、已认定的监测户，或不清楚）"
        );
    }
}
