//! Every refusal of the catalogue (`bangfu_policy::error::Refusal`) produced through the public
//! API, with its wire code and its one Chinese sentence (issue 12: "each refusal has one code
//! and one message"). Source of each expectation: the catalogue in `src/error.rs` and api.md
//! "Error codes" (the codes are the API contract; the sentences are the catalogue's).

use bangfu_policy::error::{ErrorCode, Expected, Refusal};
use chrono::NaiveDate;
use serde_json::{json, Value};

/// One case: a request, the field refused, and the refusal expected there.
struct Case {
    name: &'static str,
    request: Value,
    field: &'static str,
    refusal: Refusal<'static>,
    code: &'static str,
    message: &'static str,
}

/// The variant's name; exhaustive, so a new refusal must be added here, and then to the cases.
fn variant(r: &Refusal) -> &'static str {
    match r {
        Refusal::InvalidJson => "InvalidJson",
        Refusal::RequestTooLarge => "RequestTooLarge",
        Refusal::RequestNotAnObject => "RequestNotAnObject",
        Refusal::CalculatorMissing => "CalculatorMissing",
        Refusal::CalculatorNotText => "CalculatorNotText",
        Refusal::UnknownCalculator => "UnknownCalculator",
        Refusal::CalculatorNotAvailable => "CalculatorNotAvailable",
        Refusal::InputMissing => "InputMissing",
        Refusal::RuleSetNotText => "RuleSetNotText",
        Refusal::UnknownRuleSet { .. } => "UnknownRuleSet",
        Refusal::BuiltinRuleSetMissing => "BuiltinRuleSetMissing",
        Refusal::OutputFailed => "OutputFailed",
        Refusal::OverridesNotAnObject => "OverridesNotAnObject",
        Refusal::UnknownParameter { .. } => "UnknownParameter",
        Refusal::OverrideHasNoPeriod { .. } => "OverrideHasNoPeriod",
        Refusal::OverrideNeedsYear { .. } => "OverrideNeedsYear",
        Refusal::OverrideNeedsDate { .. } => "OverrideNeedsDate",
        Refusal::OverrideSourceInvalid { .. } => "OverrideSourceInvalid",
        Refusal::OverrideKeywordsInvalid => "OverrideKeywordsInvalid",
        Refusal::OverrideNeedsKeywords => "OverrideNeedsKeywords",
        Refusal::OverrideNotANumber { .. } => "OverrideNotANumber",
        Refusal::OverrideNeedsNumber => "OverrideNeedsNumber",
        Refusal::NotAGroup { .. } => "NotAGroup",
        Refusal::Required { .. } => "Required",
        Refusal::Choose { .. } => "Choose",
        Refusal::Unanswered { .. } => "Unanswered",
        Refusal::NoMembers => "NoMembers",
        Refusal::WrongType { .. } => "WrongType",
        Refusal::NotAnAmount { .. } => "NotAnAmount",
        Refusal::NegativeAmount { .. } => "NegativeAmount",
        Refusal::TooManyDecimals { .. } => "TooManyDecimals",
        Refusal::AmountTooLarge { .. } => "AmountTooLarge",
        Refusal::NotAWholeNumber { .. } => "NotAWholeNumber",
        Refusal::NotAnAge { .. } => "NotAnAge",
        Refusal::HasDecimals { .. } => "HasDecimals",
        Refusal::MustBePositive { .. } => "MustBePositive",
        Refusal::NegativeCount { .. } => "NegativeCount",
        Refusal::Negative { .. } => "Negative",
        Refusal::BelowMinimum { .. } => "BelowMinimum",
        Refusal::AboveMaximum { .. } => "AboveMaximum",
        Refusal::RatioAboveOne { .. } => "RatioAboveOne",
        Refusal::NotADate { .. } => "NotADate",
        Refusal::NoSuchDay { .. } => "NoSuchDay",
        Refusal::NoSuchMonth { .. } => "NoSuchMonth",
        Refusal::TooLong { .. } => "TooLong",
        Refusal::TooMany { .. } => "TooMany",
        Refusal::NotOneOf { .. } => "NotOneOf",
        Refusal::UnknownRisk => "UnknownRisk",
        Refusal::UnknownProgramme => "UnknownProgramme",
        Refusal::UnknownRecordField { .. } => "UnknownRecordField",
        Refusal::SegmentsNotIncreasing => "SegmentsNotIncreasing",
        Refusal::LastSegmentCapped => "LastSegmentCapped",
        Refusal::OpenSegmentNotLast => "OpenSegmentNotLast",
        Refusal::AmountsOverflow => "AmountsOverflow",
        Refusal::UnknownCategory => "UnknownCategory",
        Refusal::EndBeforeStart => "EndBeforeStart",
        Refusal::BeforeApplication { .. } => "BeforeApplication",
        Refusal::CalendarNotPublished { .. } => "CalendarNotPublished",
        Refusal::SpanTooLong => "SpanTooLong",
        Refusal::LimitsNotConfigured => "LimitsNotConfigured",
    }
}

/// Refusals no request can reach in this build (they guard engine faults or calculators not
/// built); checked directly below.
const UNREACHABLE: [&str; 5] = [
    "CalculatorNotAvailable",
    "BuiltinRuleSetMissing",
    "OutputFailed",
    "AmountsOverflow",
    "LimitsNotConfigured",
];

/// A valid eligibility request with `household` merged over a minimal household.
fn eligibility(date: Value, household: Value) -> Value {
    let mut h = json!({ "kind": "ordinary", "gansu_agricultural_hukou": true,
                        "per_capita_net_income": "9000",
                        "members": [{ "age": 40, "labour": "full" }] });
    if let (Some(h), Value::Object(changes)) = (h.as_object_mut(), household) {
        for (k, v) in changes {
            if v.is_null() {
                h.remove(&k);
            } else {
                h.insert(k, v);
            }
        }
    }
    json!({ "calculator": "eligibility", "input": { "date": date, "household": h } })
}

fn household(changes: Value) -> Value {
    eligibility(json!("2024-06-01"), changes)
}

fn subsidy(input: Value) -> Value {
    json!({ "calculator": "subsidy", "input": input })
}

fn medical_segments(segments: Value) -> Value {
    subsidy(json!({ "year": 2024, "household": { "kind": "monitored" },
                    "programmes": ["medical_tilt"],
                    "details": { "medical_tilt": { "eligible_cost": "50000", "deductible": "5000",
                                                   "segments": segments } } }))
}

fn screening(record: Value) -> Value {
    json!({ "calculator": "screening", "input": { "year": 2024, "date": "2024-10-01", "record": record } })
}

fn with_override(key: &str, value: Value) -> Value {
    json!({ "calculator": "working_days", "overrides": { key: value },
            "input": { "op": "is_working_day", "date": "2024-10-01" } })
}

fn income(input: Value) -> Value {
    json!({ "calculator": "income", "input": input })
}

fn working_days(input: Value) -> Value {
    json!({ "calculator": "working_days", "input": input })
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
}

fn cases() -> Vec<Case> {
    let c = |name, request, field, refusal, code, message| Case {
        name,
        request,
        field,
        refusal,
        code,
        message,
    };
    vec![
        c(
            "a request that is not JSON is refused as invalid JSON",
            json!("{not json"),
            "",
            Refusal::InvalidJson,
            "invalid_json",
            "请求不是有效的 JSON",
        ),
        c(
            "a request over 1 MB is refused before it is read",
            Value::String("x".repeat(1 << 21)),
            "",
            Refusal::RequestTooLarge,
            "too_large",
            "请求内容过大（超过 1 MB）",
        ),
        c(
            "a request that is a list is refused",
            json!([]),
            "",
            Refusal::RequestNotAnObject,
            "not_an_object",
            "请求应为 JSON 对象",
        ),
        c(
            "a request without a calculator asks for one",
            json!({}),
            "calculator",
            Refusal::CalculatorMissing,
            "required",
            "请指明计算器：income、eligibility、deadlines、subsidy 或 working_days",
        ),
        c(
            "a calculator given as a number is refused",
            json!({ "calculator": 3 }),
            "calculator",
            Refusal::CalculatorNotText,
            "wrong_type",
            "calculator 应为文字",
        ),
        c(
            "a calculator name the engine does not have is refused",
            json!({ "calculator": "tax" }),
            "calculator",
            Refusal::UnknownCalculator,
            "unknown_calculator",
            "没有这个计算器；可用：income、eligibility、deadlines、subsidy、working_days",
        ),
        c(
            "a request without input asks for it",
            json!({ "calculator": "subsidy" }),
            "input",
            Refusal::InputMissing,
            "required",
            "请求缺少 input（计算所需的数据）",
        ),
        c(
            "a rule set named by a number is refused",
            json!({ "calculator": "subsidy", "rule_set": 5, "input": {} }),
            "rule_set",
            Refusal::RuleSetNotText,
            "wrong_type",
            "规则集名称应为文字，例如 minqin-2024",
        ),
        c(
            "a rule set the engine does not have is named back",
            json!({ "calculator": "subsidy", "rule_set": "lanzhou", "input": {} }),
            "rule_set",
            Refusal::UnknownRuleSet { id: "lanzhou" },
            "unknown_rule_set",
            "没有名为“lanzhou”的规则集；可用：minqin-2024",
        ),
        c(
            "overrides given as a list are refused",
            json!({ "calculator": "subsidy", "overrides": [], "input": {} }),
            "overrides",
            Refusal::OverridesNotAnObject,
            "not_an_object",
            "参数配置应为“参数名: 值”的对象",
        ),
        c(
            "an override of a parameter the rule set lacks is named back",
            with_override("poverty_line", json!("1")),
            "overrides[\"poverty_line\"]",
            Refusal::UnknownParameter {
                name: "poverty_line",
            },
            "unknown_parameter",
            "规则集中没有参数“poverty_line”",
        ),
        c(
            "a year on a parameter that has one value for all years is refused",
            with_override("microcredit_max_years.2025", json!("3")),
            "overrides[\"microcredit_max_years.2025\"]",
            Refusal::OverrideHasNoPeriod {
                name: "microcredit_max_years",
                label: "脱贫人口小额信贷期限上限",
            },
            "invalid_override",
            "参数“脱贫人口小额信贷期限上限”不分年份，请写作 microcredit_max_years",
        ),
        c(
            "a yearly parameter without its year asks for the year",
            with_override("monitoring_range", json!("8000")),
            "overrides[\"monitoring_range\"]",
            Refusal::OverrideNeedsYear {
                name: "monitoring_range",
            },
            "invalid_override",
            "请写明年份，例如 monitoring_range.2025",
        ),
        c(
            "a dated parameter without its date asks for the date",
            with_override("lpr_1y", json!("0.03")),
            "overrides[\"lpr_1y\"]",
            Refusal::OverrideNeedsDate { name: "lpr_1y" },
            "invalid_override",
            "请写明生效日期，例如 lpr_1y.2025-05-20",
        ),
        c(
            "an override's source over 200 characters is refused",
            with_override(
                "monitoring_range.2025",
                json!({ "value": "8000", "source": "文".repeat(201) }),
            ),
            "overrides[\"monitoring_range.2025\"]",
            Refusal::OverrideSourceInvalid { max: 200 },
            "invalid_override",
            "来源应为不超过 200 字的文字",
        ),
        c(
            "a keyword list with a number in it is refused",
            with_override("excluded_income_keywords", json!(["养老金", 3])),
            "overrides[\"excluded_income_keywords\"]",
            Refusal::OverrideKeywordsInvalid,
            "invalid_override",
            "关键词列表只能包含非空文字",
        ),
        c(
            "a keyword parameter given one text is refused",
            with_override("excluded_income_keywords", json!("养老金")),
            "overrides[\"excluded_income_keywords\"]",
            Refusal::OverrideNeedsKeywords,
            "invalid_override",
            "该参数的值应为关键词列表",
        ),
        c(
            "an override value that is not a number is named back",
            with_override("monitoring_range.2025", json!("八千多")),
            "overrides[\"monitoring_range.2025\"]",
            Refusal::OverrideNotANumber {
                typed: "八千多".into(),
            },
            "invalid_override",
            "“八千多”不是有效的非负数",
        ),
        c(
            "an override value given as true is refused",
            with_override("monitoring_range.2025", json!(true)),
            "overrides[\"monitoring_range.2025\"]",
            Refusal::OverrideNeedsNumber,
            "invalid_override",
            "参数值应为数字文字，例如 \"8600\"",
        ),
        c(
            "an input that is a number is refused as not a group of fields",
            subsidy(json!(5)),
            "input",
            Refusal::NotAGroup {
                label: "政策测算输入",
            },
            "not_an_object",
            "“政策测算输入”的格式不对，应为一组字段",
        ),
        c(
            "a self-check without a date asks for it",
            eligibility(Value::Null, json!({})),
            "input.date",
            Refusal::Required { label: "日期" },
            "required",
            "请填写日期",
        ),
        c(
            "a self-check without the household's kind asks to choose one",
            household(json!({ "kind": null })),
            "input.household.kind",
            Refusal::Choose {
                label: "您家是哪一类",
                options: &["脱贫户", "一般农户", "已认定的监测户", "不清楚"],
            },
            "required",
            "请选一下您家是哪一类（脱贫户、一般农户、已认定的监测户，或不清楚）",
        ),
        c(
            "a self-check without the hukou answer asks the question",
            household(json!({ "gansu_agricultural_hukou": null })),
            "input.household.gansu_agricultural_hukou",
            Refusal::Unanswered {
                question: "您家的户口在甘肃农村、平时也住在甘肃吗？",
            },
            "required",
            "请回答：您家的户口在甘肃农村、平时也住在甘肃吗？",
        ),
        c(
            "a self-check with no member asks for one",
            household(json!({ "members": [] })),
            "input.household.members",
            Refusal::NoMembers,
            "required",
            "请至少填写一名家庭成员",
        ),
        c(
            "a yes/no answered in words is refused with what to give",
            household(json!({ "on_dibao": "是" })),
            "input.household.on_dibao",
            Refusal::WrongType {
                label: "是否低保",
                expected: Expected::YesNo,
            },
            "wrong_type",
            "是否低保应为是或否（true/false）",
        ),
        c(
            "an income that is not a number is named back (一万二 is read; 九千多 is not)",
            household(json!({ "per_capita_net_income": "九千多" })),
            "input.household.per_capita_net_income",
            Refusal::NotAnAmount {
                label: "家庭年人均纯收入",
                typed: "九千多".into(),
            },
            "not_a_number",
            "“九千多”看不懂，请写成 12000 或 1.2万",
        ),
        c(
            "a negative expenditure is refused",
            household(json!({ "rigid_expenditure": "-5" })),
            "input.household.rigid_expenditure",
            Refusal::NegativeAmount {
                label: "刚性支出"
            },
            "negative_amount",
            "钱数前面不要加“-”",
        ),
        c(
            "an amount finer than a fen is refused",
            household(json!({ "rigid_expenditure": "36.000" })),
            "input.household.rigid_expenditure",
            Refusal::TooManyDecimals {
                label: "刚性支出"
            },
            "too_many_decimals",
            "刚性支出最多写到分，例如 1234.56",
        ),
        c(
            "an amount beyond any household's is refused as too large",
            household(json!({ "rigid_expenditure": "1234567890123456789" })),
            "input.household.rigid_expenditure",
            Refusal::AmountTooLarge {
                label: "刚性支出"
            },
            "too_large",
            "刚性支出太大了，看看是不是多打了 0（单位是元）",
        ),
        c(
            "a household size in words is named back",
            household(json!({ "household_size": "四口人" })),
            "input.household.household_size",
            Refusal::NotAWholeNumber {
                label: "家庭人口",
                typed: "四口人".into(),
                example: 4,
            },
            "not_a_whole_number",
            "“四口人”看不懂，家庭人口请填整数，例如 4",
        ),
        c(
            "an age that is not whole years is refused with an age as the example (issue 13)",
            household(json!({ "members": [{ "age": "六十八岁半", "labour": "full" }] })),
            "input.household.members[0].age",
            Refusal::NotAnAge {
                typed: "六十八岁半".into(),
            },
            "not_a_whole_number",
            "“六十八岁半”看不懂，请填整岁数，例如 68、68岁 或 六十八",
        ),
        c(
            "a household size with decimals is refused",
            household(json!({ "household_size": "2.5" })),
            "input.household.household_size",
            Refusal::HasDecimals {
                label: "家庭人口"
            },
            "not_a_whole_number",
            "家庭人口必须是整数，不能有小数",
        ),
        c(
            "a household of 0 people is refused",
            household(json!({ "household_size": 0 })),
            "input.household.household_size",
            Refusal::MustBePositive {
                label: "家庭人口"
            },
            "must_be_positive",
            "家庭人口必须是大于 0 的整数",
        ),
        c(
            "a household of -3 people is refused as negative",
            household(json!({ "household_size": "-3" })),
            "input.household.household_size",
            Refusal::NegativeCount {
                label: "家庭人口"
            },
            "must_be_positive",
            "家庭人口必须是大于 0 的整数，不能为负数",
        ),
        c(
            "a negative age is refused (0 is allowed)",
            household(json!({ "members": [{ "age": -1, "labour": "full" }] })),
            "input.household.members[0].age",
            Refusal::Negative { label: "年龄" },
            "below_minimum",
            "年龄不能为负数",
        ),
        c(
            "a year before 2000 is refused with its minimum (issue 12)",
            subsidy(json!({ "year": 1999, "household": {} })),
            "input.year",
            Refusal::BelowMinimum {
                label: "年度",
                min: 2000,
            },
            "below_minimum",
            "年度不能小于 2000，请核对",
        ),
        c(
            "a household of 1000 people is refused with the maximum",
            household(json!({ "household_size": 1000 })),
            "input.household.household_size",
            Refusal::AboveMaximum {
                label: "家庭人口",
                max: 100,
            },
            "too_large",
            "家庭人口不能超过 100，请核对",
        ),
        c(
            "a reimbursement ratio over 100% is refused",
            medical_segments(json!([{ "up_to": null, "ratio": "1.5" }])),
            "input.details.medical_tilt.segments[0].ratio",
            Refusal::RatioAboveOne {
                label: "报销比例",
                typed: "1.5".into(),
            },
            "too_large",
            "报销比例 1.5 超过 1（100%）",
        ),
        c(
            "a date in words is named back",
            eligibility(json!("明天"), json!({})),
            "input.date",
            Refusal::NotADate {
                label: "日期",
                typed: "明天".into(),
            },
            "invalid_date",
            "“明天”不是有效日期，日期请写成 2024-05-01 或 2024年5月1日",
        ),
        c(
            "29 February of a common year is refused",
            eligibility(json!("2023-02-29"), json!({})),
            "input.date",
            Refusal::NoSuchDay {
                label: "日期",
                year: 2023,
                month: 2,
                day: 29,
            },
            "invalid_date",
            "2023年2月没有29日，请核对日期",
        ),
        c(
            "a 13th month is refused",
            eligibility(json!("2024-13-01"), json!({})),
            "input.date",
            Refusal::NoSuchMonth {
                label: "日期",
                month: 13,
            },
            "invalid_date",
            "没有13月，请核对日期",
        ),
        c(
            "a screening cell over 200 characters is refused",
            screening(json!({ "head_name": "张".repeat(201) })),
            "input.record.head_name",
            Refusal::TooLong {
                label: "户主姓名",
                max: 200,
            },
            "too_long",
            "户主姓名太长了，请不超过 200 个字",
        ),
        c(
            "more than 11 risks are refused",
            household(json!({ "risks": vec!["illness"; 12] })),
            "input.household.risks",
            Refusal::TooMany {
                label: "风险类别",
                max: 11,
            },
            "too_many",
            "风险类别最多 11 项",
        ),
        c(
            "a labour code outside the list names the list",
            household(json!({ "members": [{ "labour": "strong" }] })),
            "input.household.members[0].labour",
            Refusal::NotOneOf {
                label: "劳动能力",
                allowed: &["full", "partial", "none"],
            },
            "unknown_value",
            "劳动能力只能是：full、partial、none",
        ),
        c(
            "a risk code outside the 11 is refused",
            household(json!({ "risks": ["bad_luck"] })),
            "input.household.risks[0]",
            Refusal::UnknownRisk,
            "unknown_value",
            "风险类别应为 11 类之一（因病、因学、因安全住房…）",
        ),
        c(
            "a programme code the estimator does not have is refused",
            subsidy(json!({ "year": 2024, "household": {}, "programmes": ["lottery"] })),
            "input.programmes[0]",
            Refusal::UnknownProgramme,
            "unknown_value",
            "不认识的测算项目",
        ),
        c(
            "a screening record field the engine does not have is named back",
            screening(json!({ "shoe_size": "42" })),
            "input.record.shoe_size",
            Refusal::UnknownRecordField { key: "shoe_size" },
            "unknown_parameter",
            "记录中没有“shoe_size”这一字段",
        ),
        c(
            "segments whose caps do not grow are refused",
            medical_segments(
                json!([{ "up_to": "20000", "ratio": "0.6" }, { "up_to": "10000", "ratio": "0.7" },
                                  { "up_to": null, "ratio": "0.8" }]),
            ),
            "input.details.medical_tilt.segments[1].up_to",
            Refusal::SegmentsNotIncreasing,
            "range_reversed",
            "分段上限应逐段增大",
        ),
        c(
            "a last segment with a cap is refused",
            medical_segments(json!([{ "up_to": "20000", "ratio": "0.6" }])),
            "input.details.medical_tilt.segments[0].up_to",
            Refusal::LastSegmentCapped,
            "invalid_override",
            "最后一段应不设上限（null）",
        ),
        c(
            "an open segment before the last is refused",
            medical_segments(
                json!([{ "up_to": null, "ratio": "0.6" }, { "up_to": null, "ratio": "0.7" }]),
            ),
            "input.details.medical_tilt.segments[0].up_to",
            Refusal::OpenSegmentNotLast,
            "invalid_override",
            "只有最后一段可以不设上限",
        ),
        c(
            "an income category outside the four and 不计入 is refused",
            income(json!({ "year": 2024, "household_size": 2,
                           "items": [{ "category": "salary", "amount": "100" }] })),
            "input.items[0].category",
            Refusal::UnknownCategory,
            "unknown_category",
            "收入类别只能是工资性、生产经营性、财产性、转移性收入或“不计入”",
        ),
        c(
            "a span of working days that ends before it starts is refused",
            working_days(json!({ "op": "count", "from": "2024-06-01", "to": "2024-05-01" })),
            "input.to",
            Refusal::EndBeforeStart,
            "range_reversed",
            "结束日期不能早于开始日期",
        ),
        c(
            "a check finished before the application is refused with both dates",
            json!({ "calculator": "deadlines",
                    "input": { "procedure": "one_click_report", "applied_on": "2024-06-03",
                               "checked_on": "2024-06-01", "today": "2024-06-05" } }),
            "input.checked_on",
            Refusal::BeforeApplication {
                label: "核查完成日期",
                date: day("2024-06-01"),
                applied: day("2024-06-03"),
            },
            "range_reversed",
            "核查完成日期 2024-06-01 早于申报日期 2024-06-03",
        ),
        c(
            "working days of a year without a published schedule are refused unless estimated",
            working_days(json!({ "op": "is_working_day", "date": "2027-03-01" })),
            "input.date",
            Refusal::CalendarNotPublished { year: 2027 },
            "calendar_not_published",
            "2027年节假日安排未发布，无法按工作日计算；如需按周末粗略估算，请选择“估算”",
        ),
        c(
            "a span of more than about ten years is refused",
            working_days(
                json!({ "op": "count", "from": "2014-01-01", "to": "2026-01-01",
                                 "allow_estimate": true }),
            ),
            "input.to",
            Refusal::SpanTooLong,
            "too_large",
            "日期跨度过大（最多约 10 年），请核对",
        ),
    ]
}

fn answer(request: &Value) -> Value {
    match request {
        Value::String(text) => bangfu_policy::evaluate_str(text).to_value(),
        v => bangfu_policy::evaluate(v).to_value(),
    }
}

#[test]
fn every_reachable_refusal_comes_with_its_one_code_and_message() {
    let mut failures = Vec::new();
    for case in cases() {
        let r = answer(&case.request);
        let errors = r["errors"].as_array().cloned().unwrap_or_default();
        let found = errors.iter().find(|e| e["field"] == case.field);
        let want = (case.code, case.message);
        let got = found.map(|e| {
            (
                e["code"].as_str().unwrap_or(""),
                e["message"].as_str().unwrap_or(""),
            )
        });
        if got != Some(want) {
            failures.push(format!(
                "{}: want {want:?} at {:?}, got {errors:?}",
                case.name, case.field
            ));
        }
        // The table's literal code and sentence are the catalogue's for the refusal.
        if case.refusal.to_string() != case.message {
            failures.push(format!(
                "{}: {} reads {:?}",
                case.name,
                variant(&case.refusal),
                case.refusal.to_string()
            ));
        }
        if case.refusal.code().as_str() != case.code {
            failures.push(format!(
                "{}: {} has code {}",
                case.name,
                variant(&case.refusal),
                case.refusal.code().as_str()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_refusal_of_the_catalogue_has_a_case() {
    let covered: Vec<&str> = cases()
        .iter()
        .map(|c| variant(&c.refusal))
        .chain(UNREACHABLE)
        .collect();
    // Every variant, once: listed by constructing one of each (the match in `variant` is
    // exhaustive, so a new variant fails to compile until it is named there).
    let all = [
        Refusal::InvalidJson,
        Refusal::RequestTooLarge,
        Refusal::RequestNotAnObject,
        Refusal::CalculatorMissing,
        Refusal::CalculatorNotText,
        Refusal::UnknownCalculator,
        Refusal::CalculatorNotAvailable,
        Refusal::InputMissing,
        Refusal::RuleSetNotText,
        Refusal::UnknownRuleSet { id: "" },
        Refusal::BuiltinRuleSetMissing,
        Refusal::OutputFailed,
        Refusal::OverridesNotAnObject,
        Refusal::UnknownParameter { name: "" },
        Refusal::OverrideHasNoPeriod {
            name: "",
            label: "",
        },
        Refusal::OverrideNeedsYear { name: "" },
        Refusal::OverrideNeedsDate { name: "" },
        Refusal::OverrideSourceInvalid { max: 0 },
        Refusal::OverrideKeywordsInvalid,
        Refusal::OverrideNeedsKeywords,
        Refusal::OverrideNotANumber {
            typed: String::new(),
        },
        Refusal::OverrideNeedsNumber,
        Refusal::NotAGroup { label: "" },
        Refusal::Required { label: "" },
        Refusal::Choose {
            label: "",
            options: &[],
        },
        Refusal::Unanswered { question: "" },
        Refusal::NoMembers,
        Refusal::WrongType {
            label: "",
            expected: Expected::Text,
        },
        Refusal::NotAnAmount {
            label: "",
            typed: String::new(),
        },
        Refusal::NegativeAmount { label: "" },
        Refusal::TooManyDecimals { label: "" },
        Refusal::AmountTooLarge { label: "" },
        Refusal::NotAWholeNumber {
            label: "",
            typed: String::new(),
            example: 0,
        },
        Refusal::NotAnAge {
            typed: String::new(),
        },
        Refusal::HasDecimals { label: "" },
        Refusal::MustBePositive { label: "" },
        Refusal::NegativeCount { label: "" },
        Refusal::Negative { label: "" },
        Refusal::BelowMinimum { label: "", min: 0 },
        Refusal::AboveMaximum { label: "", max: 0 },
        Refusal::RatioAboveOne {
            label: "",
            typed: String::new(),
        },
        Refusal::NotADate {
            label: "",
            typed: String::new(),
        },
        Refusal::NoSuchDay {
            label: "",
            year: 0,
            month: 0,
            day: 0,
        },
        Refusal::NoSuchMonth {
            label: "",
            month: 0,
        },
        Refusal::TooLong { label: "", max: 0 },
        Refusal::TooMany { label: "", max: 0 },
        Refusal::NotOneOf {
            label: "",
            allowed: &[],
        },
        Refusal::UnknownRisk,
        Refusal::UnknownProgramme,
        Refusal::UnknownRecordField { key: "" },
        Refusal::SegmentsNotIncreasing,
        Refusal::LastSegmentCapped,
        Refusal::OpenSegmentNotLast,
        Refusal::AmountsOverflow,
        Refusal::UnknownCategory,
        Refusal::EndBeforeStart,
        Refusal::BeforeApplication {
            label: "",
            date: NaiveDate::MIN,
            applied: NaiveDate::MIN,
        },
        Refusal::CalendarNotPublished { year: 0 },
        Refusal::SpanTooLong,
        Refusal::LimitsNotConfigured,
    ];
    let missing: Vec<&str> = all
        .iter()
        .map(variant)
        .filter(|v| !covered.contains(v))
        .collect();
    assert!(missing.is_empty(), "refusals without a case: {missing:?}");
}

#[test]
fn the_refusals_no_request_reaches_still_have_their_code_and_sentence() {
    let table = [
        (
            Refusal::CalculatorNotAvailable,
            ErrorCode::CalculatorNotAvailable,
            "该计算器尚未开放（正在建设中）",
        ),
        (
            Refusal::BuiltinRuleSetMissing,
            ErrorCode::Internal,
            "内置规则集缺失（程序错误）",
        ),
        (
            Refusal::OutputFailed,
            ErrorCode::Internal,
            "结果无法输出（程序错误）",
        ),
        (
            Refusal::AmountsOverflow,
            ErrorCode::TooLarge,
            "金额过大，无法计算，请核对",
        ),
        (
            Refusal::LimitsNotConfigured,
            ErrorCode::UnknownParameter,
            "时限参数未配置",
        ),
    ];
    for (r, code, message) in table {
        assert_eq!(
            (r.code(), r.to_string().as_str()),
            (code, message),
            "{}",
            variant(&r)
        );
        assert!(UNREACHABLE.contains(&variant(&r)));
    }
}

#[test]
fn api_md_lists_every_error_code() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/api.md"))
        .unwrap_or_default();
    let missing: Vec<&str> = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !doc.contains(&format!("| `{c}` |")))
        .collect();
    assert!(missing.is_empty(), "docs/api.md does not list {missing:?}");
}
