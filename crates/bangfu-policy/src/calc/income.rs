//! Household income accounting (收入核算, 与农户面对面算账) — rules.md §1.
//!
//! Plan 附件2 第16条: "对农户收入计算表填写内容逐项核实，与农户‘面对面’算账 … 对应计入的收入
//! ‘应统尽统’". Plan 附件2 第3条: "全县2024年度防止返贫监测范围调整为7800元".

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::daxie::amount_in_words;
use crate::error::ErrorCode;
use crate::explain::{Step, Warning};
use crate::input::{Errors, Obj};
use crate::money::{format_money, format_plain, format_ratio, round_cents};
use crate::params::{not_configured, At, Param, RuleSet};
use crate::sources::{
    ANNEX2_ITEM16, ANNEX2_ITEM17, ANNEX2_ITEM2, ANNEX2_ITEM3, MAIN_GOALS, NATIONAL_TYPES,
};
use crate::Outcome;

/// Income categories of the national monitoring system, plus recorded-but-not-counted money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Wage,
    Operating,
    Property,
    Transfer,
    Excluded,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Wage,
        Category::Operating,
        Category::Property,
        Category::Transfer,
        Category::Excluded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::Wage => "wage",
            Category::Operating => "operating",
            Category::Property => "property",
            Category::Transfer => "transfer",
            Category::Excluded => "excluded",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Wage => "工资性收入",
            Category::Operating => "生产经营性收入",
            Category::Property => "财产性收入",
            Category::Transfer => "转移性收入",
            Category::Excluded => "不计入收入",
        }
    }
}

/// Money totals by counted category (two-decimal strings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByCategory {
    pub wage: String,
    pub operating: String,
    pub property: String,
    pub transfer: String,
}

/// Key figures in Chinese capitals (大写) for the signed sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InWords {
    pub gross_income: String,
    pub net_income: String,
    pub per_capita_net_income: String,
}

/// One item as read and classified, echoed for the printed sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemLine {
    pub category: Category,
    pub item: String,
    pub amount: String,
    /// The item's own operating cost, when entered per item (else null).
    pub expense: Option<String>,
    /// False for `excluded` items: shown on the sheet as 不计入.
    pub counted: bool,
}

/// The `income` result (api.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeResult {
    pub year: i32,
    pub household_size: u64,
    pub items: Vec<ItemLine>,
    pub gross_income: String,
    pub by_category: ByCategory,
    pub excluded_total: String,
    pub operating_expenses: String,
    pub net_income: String,
    pub per_capita_net_income: String,
    /// `None` (null) when the year's range is not configured.
    pub monitoring_range: Option<String>,
    pub below_monitoring_range: Option<bool>,
    /// When the year's range is not configured: the latest known one, as a labelled reference.
    pub reference_range: Option<crate::params::Reference>,
    /// Range − per-capita figure; positive means below the line.
    pub gap_to_range: Option<String>,
    pub per_capita_after_rigid: Option<String>,
    pub income_declined: Option<bool>,
    /// Per-capita net income ÷ the previous year's national rural per-capita disposable income.
    pub ratio_to_national_rural_income: Option<String>,
    /// Per-capita net income ÷ the previous year's Gansu rural per-capita disposable income.
    pub ratio_to_gansu_rural_income: Option<String>,
    pub in_words: InWords,
}

/// Labour capacity codes (api.md eligibility members) and their labels.
pub const LABOUR: [(&str, &str); 3] = [
    ("full", "有劳动能力"),
    ("partial", "弱劳力或半劳力"),
    ("none", "无劳动能力"),
];

const MAX_ITEMS: usize = 500;
/// The most members a household may have (also the widgets' cap on hand-off fragments).
pub const MAX_MEMBERS: usize = 100;
const MAX_HOUSEHOLD: u64 = 100;

struct Item {
    category: Category,
    name: String,
    amount: Decimal,
    expense: Option<Decimal>,
    member: Option<usize>,
    index: usize,
}

fn sum(mut values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values.try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

/// "县外务工 30000.00 + 公益性岗位工资 6000.00"
fn item_formula(items: &[&Item]) -> String {
    if items.is_empty() {
        return "无此类收入".to_string();
    }
    items
        .iter()
        .map(|i| format!("{} {}", i.name, format_money(i.amount)))
        .collect::<Vec<_>>()
        .join(" + ")
}

pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome, Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "收入核算输入", &mut errors) else {
        return Err(errors);
    };
    let year = obj.year("year", "年度", &mut errors);

    let member_ages = read_members(&obj, &mut errors);
    let household_size = if obj.is_blank("household_size") && !member_ages.is_empty() {
        Some(member_ages.len() as u64)
    } else {
        obj.whole(
            "household_size",
            "家庭人口",
            1,
            MAX_HOUSEHOLD,
            true,
            &mut errors,
        )
    };

    let items = read_items(&obj, &mut errors);
    let expenses = obj.money("operating_expenses", "生产经营性支出", false, &mut errors);
    let rigid = obj.money("rigid_expenditure", "刚性支出", false, &mut errors);
    let previous = obj.money(
        "previous_per_capita_net_income",
        "上年人均纯收入",
        false,
        &mut errors,
    );

    let (Some(year), Some(size)) = (year, household_size) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let expenses = expenses.unwrap_or(Decimal::ZERO);
    compute(
        year,
        size,
        &items,
        expenses,
        rigid,
        previous,
        &member_ages,
        rules,
    )
    .ok_or_else(|| {
        let mut e = Errors::default();
        e.push(
            "input",
            ErrorCode::TooLarge,
            "金额合计超出可计算范围，请核对",
        );
        e
    })
}

/// The arithmetic of rules.md §1, on validated input. `None` only on decimal overflow.
#[allow(clippy::too_many_arguments)]
fn compute(
    year: i32,
    size: u64,
    items: &[Item],
    expenses: Decimal,
    rigid: Option<Decimal>,
    previous: Option<Decimal>,
    member_ages: &[Option<u64>],
    rules: &RuleSet,
) -> Option<Outcome> {
    let mut steps = Vec::new();
    let mut warnings = Vec::new();

    let totals = counted(items, &mut steps)?;
    let [wage, operating, property, transfer] = totals;

    let excluded_total = excluded(items, rules, &mut steps, &mut warnings)?;

    let gross = sum(totals.into_iter())?;
    steps.push(Step::new(
        "家庭总收入",
        format_money(gross),
        format!(
            "工资性 {} + 生产经营性 {} + 财产性 {} + 转移性 {} = {}",
            format_money(wage),
            format_money(operating),
            format_money(property),
            format_money(transfer),
            format_money(gross)
        ),
        ANNEX2_ITEM16,
    ));
    // Operating costs: one total, per-item costs, or both (added together).
    let per_item: Vec<&Item> = items.iter().filter(|i| i.expense.is_some()).collect();
    let item_costs = sum(per_item.iter().filter_map(|i| i.expense))?;
    let expenses = expenses.checked_add(item_costs)?;
    let expense_formula = if per_item.is_empty() {
        "种子、化肥、饲料、农机作业、雇工、折旧等".to_string()
    } else {
        let mut parts: Vec<String> = per_item
            .iter()
            .map(|i| format!("{} {}", i.name, format_money(i.expense.unwrap_or_default())))
            .collect();
        if expenses != item_costs {
            parts.push(format!("其他 {}", format_money(expenses - item_costs)));
        }
        format!("{} = {}", parts.join(" + "), format_money(expenses))
    };
    steps.push(Step::new(
        "生产经营性支出",
        format_money(expenses),
        expense_formula,
        ANNEX2_ITEM16,
    ));

    let (net, per_capita) = net_and_per_capita(gross, expenses, size, &mut steps)?;

    let (range_text, below, gap) =
        compare_range(year, per_capita, rules, &mut steps, &mut warnings)?;

    let after_rigid = after_rigid(net, rigid, size, &mut steps)?;
    let declined = declined(per_capita, previous, &mut steps, &mut warnings);

    let (ratio_national, ratio_gansu) = ratios(year, per_capita, rules, &mut steps);

    quality_warnings(
        &mut warnings,
        rules,
        items,
        expenses,
        operating,
        net,
        per_capita,
        member_ages,
        size,
    );

    let result = IncomeResult {
        year,
        household_size: size,
        items: item_lines(items),
        gross_income: format_money(gross),
        by_category: ByCategory {
            wage: format_money(wage),
            operating: format_money(operating),
            property: format_money(property),
            transfer: format_money(transfer),
        },
        excluded_total: format_money(excluded_total),
        operating_expenses: format_money(expenses),
        net_income: format_money(net),
        per_capita_net_income: format_money(per_capita),
        monitoring_range: range_text.clone(),
        below_monitoring_range: below,
        reference_range: match range_text {
            None => rules.reference_before(Param::MonitoringRange, year),
            Some(_) => None,
        },
        gap_to_range: gap,
        per_capita_after_rigid: after_rigid.map(format_money),
        income_declined: declined,
        ratio_to_national_rural_income: ratio_national,
        ratio_to_gansu_rural_income: ratio_gansu,
        in_words: InWords {
            gross_income: amount_in_words(gross)?,
            net_income: amount_in_words(net)?,
            per_capita_net_income: amount_in_words(per_capita)?,
        },
    };
    Some(Outcome {
        result: serde_json::to_value(result).ok()?,
        explanation: steps,
        warnings,
    })
}

/// Data-quality remarks (疑点, 附件2 第17条); they never block the result.
#[allow(clippy::too_many_arguments)]
fn quality_warnings(
    warnings: &mut Vec<Warning>,
    rules: &RuleSet,
    items: &[Item],
    expenses: Decimal,
    operating: Decimal,
    net: Decimal,
    per_capita: Decimal,
    member_ages: &[Option<u64>],
    size: u64,
) {
    if net <= Decimal::ZERO {
        warnings.push(Warning::new(
            "net_income_not_positive",
            format!(
                "家庭纯收入为 {} 元（不大于 0），请核对各项收入和生产经营性支出（{ANNEX2_ITEM17}）",
                format_money(net)
            ),
            Some("input.operating_expenses".to_string()),
        ));
    }
    if let Some(low) = rules.decimal("per_capita_warning_low", At::Always) {
        if per_capita < low.value {
            warnings.push(Warning::new(
                "per_capita_unusually_low",
                format!(
                    "人均纯收入 {} 元低于 {} 元，明显偏低，请核对是否有漏计的收入",
                    format_money(per_capita),
                    format_plain(low.value)
                ),
                None,
            ));
        }
    }
    if let Some(high) = rules.decimal("per_capita_warning_high", At::Always) {
        if per_capita > high.value {
            warnings.push(Warning::new(
                "per_capita_unusually_high",
                format!(
                    "人均纯收入 {} 元高于 {} 元，请核对金额单位（元/万元）是否填错",
                    format_money(per_capita),
                    format_plain(high.value)
                ),
                None,
            ));
        }
    }
    if operating > Decimal::ZERO && expenses.is_zero() {
        warnings.push(Warning::new(
            "operating_income_without_expenses",
            "填写了生产经营性收入，但生产经营性支出为 0；种子、化肥、饲料等支出是否漏填？",
            Some("input.operating_expenses".to_string()),
        ));
    }
    if let Some(min_age) = rules.decimal("minimum_working_age", At::Always) {
        for item in items.iter().filter(|i| i.category == Category::Wage) {
            let age = item
                .member
                .and_then(|m| member_ages.get(m).copied().flatten());
            if let Some(age) = age.filter(|a| Decimal::from(*a) < min_age.value) {
                warnings.push(Warning::new(
                    "minor_with_wage_income",
                    format!("“{}”记在一名 {age} 岁的家庭成员名下，未满 {} 周岁一般不应有工资性收入，请核对", item.name, format_plain(min_age.value)),
                    Some(format!("input.items[{}].member", item.index)),
                ));
            }
        }
    }
    outsized_and_medical(warnings, rules, items, size);
    if !member_ages.is_empty() && member_ages.len() as u64 != size {
        warnings.push(Warning::new(
            "household_size_differs_from_members",
            format!(
                "家庭人口填写为 {size} 人，但列出了 {} 名家庭成员，请核对",
                member_ages.len()
            ),
            Some("input.household_size".to_string()),
        ));
    }
}

/// (r2) 疑点: a medical reimbursement typed into a counted category (practice varies, so a
/// warning, not an exclusion); more members than usual; a single item above the threshold.
fn outsized_and_medical(warnings: &mut Vec<Warning>, rules: &RuleSet, items: &[Item], size: u64) {
    if let Some(k) = rules.keywords(Param::MedicalReimbursementKeywords.name()) {
        for item in items.iter().filter(|i| i.category != Category::Excluded) {
            if let Some(word) = k.value.iter().find(|w| item.name.contains(w.as_str())) {
                warnings.push(Warning::new(
                    "medical_reimbursement_in_income",
                    format!(
                        "“{}”含“{word}”：医疗报销款一般不计入家庭收入，请核实",
                        item.name
                    ),
                    Some(format!("input.items[{}].category", item.index)),
                ));
            }
        }
    }
    if let Some(max) = rules.fixed(Param::HouseholdMembersWarning) {
        if Decimal::from(size) > max {
            warnings.push(Warning::new(
                "household_unusually_large",
                format!(
                    "家庭人口 {size} 人，多于 {} 人，请核对是否都是共同生活的家庭成员",
                    format_plain(max)
                ),
                Some("input.household_size".to_string()),
            ));
        }
    }
    if let Some(max) = rules.fixed(Param::SingleItemWarning) {
        for item in items.iter().filter(|i| i.amount > max) {
            warnings.push(Warning::new(
                "item_unusually_large",
                format!(
                    "“{}” {} 元，高于 {} 元，请核对金额单位（元/万元）",
                    item.name,
                    format_money(item.amount),
                    format_plain(max)
                ),
                Some(format!("input.items[{}].amount", item.index)),
            ));
        }
    }
}

/// Comparison with the year's monitoring range (附件2 第3条); "below" is strictly less.
/// (r2) A year without a range: every figure that needs it is null, with a warning.
#[allow(clippy::type_complexity)]
fn compare_range(
    year: i32,
    per_capita: Decimal,
    rules: &RuleSet,
    steps: &mut Vec<Step>,
    warnings: &mut Vec<Warning>,
) -> Option<(Option<String>, Option<bool>, Option<String>)> {
    let range = rules.decimal("monitoring_range", At::Year(year));
    Some(match &range {
        Some(r) => {
            let gap = r.value.checked_sub(per_capita)?;
            let below = per_capita < r.value;
            let words = if below {
                format!("低于监测范围 {} 元", format_money(gap))
            } else if gap.is_zero() {
                "恰好等于监测范围（不算低于）".to_string()
            } else {
                format!("高于监测范围 {} 元", format_money(-gap))
            };
            steps.push(
                Step::new(
                    "与防止返贫监测范围比较",
                    words,
                    format!(
                        "{} − {} = {}",
                        format_money(r.value),
                        format_money(per_capita),
                        format_money(gap)
                    ),
                    ANNEX2_ITEM3,
                )
                .with_param(r.to_use()),
            );
            (
                Some(format_money(r.value)),
                Some(below),
                Some(format_money(gap)),
            )
        }
        None => {
            steps.push(
                Step::new(
                    "与防止返贫监测范围比较",
                    "未配置",
                    format!("{year}年监测范围未配置，无法比较"),
                    ANNEX2_ITEM3,
                )
                .with_param(not_configured(
                    rules,
                    "monitoring_range",
                    At::Year(year),
                )),
            );
            warnings.push(Warning::new(
                "monitoring_range_not_configured",
                format!("{year}年防止返贫监测范围未配置，暂不能判断是否低于监测范围；请以当地文件为准，由门户配置当年标准"),
                Some("input.year".to_string()),
            ));
            (None, None, None)
        }
    })
}

/// "两提升" context ratios against the previous year's rural disposable income (主文 二).
fn ratios(
    year: i32,
    per_capita: Decimal,
    rules: &RuleSet,
    steps: &mut Vec<Step>,
) -> (Option<String>, Option<String>) {
    let mut ratio = |name: &str, label: &str| -> Option<String> {
        let at = At::Year(year - 1);
        match rules.decimal(name, at) {
            Some(p) if !p.value.is_zero() => {
                let r = per_capita.checked_div(p.value)?;
                steps.push(
                    Step::new(
                        label,
                        format_ratio(r),
                        format!(
                            "{} ÷ {} = {}",
                            format_money(per_capita),
                            format_plain(p.value),
                            format_ratio(r)
                        ),
                        MAIN_GOALS,
                    )
                    .with_param(p.to_use()),
                );
                Some(format_ratio(r))
            }
            _ => {
                steps.push(
                    Step::new(
                        label,
                        "未配置",
                        format!("{}年数据未配置", year - 1),
                        MAIN_GOALS,
                    )
                    .with_param(not_configured(rules, name, at)),
                );
                None
            }
        }
    };
    let ratio_national = ratio(
        "national_rural_disposable_income",
        "与上年全国农村居民人均可支配收入之比",
    );
    let ratio_gansu = ratio(
        "gansu_rural_disposable_income",
        "与上年甘肃农村居民人均可支配收入之比",
    );

    (ratio_national, ratio_gansu)
}

/// Recorded but not counted (rules.md §1): one-off or earmarked money, and the warning for
/// such an item typed into a counted category.
fn excluded(
    items: &[Item],
    rules: &RuleSet,
    steps: &mut Vec<Step>,
    warnings: &mut Vec<Warning>,
) -> Option<Decimal> {
    let excluded: Vec<&Item> = items
        .iter()
        .filter(|i| i.category == Category::Excluded)
        .collect();
    let excluded_total = sum(excluded.iter().map(|i| i.amount))?;
    let keywords = rules.keywords("excluded_income_keywords");
    let mut excluded_step = Step::new(
        "不计入收入的项目",
        format_money(excluded_total),
        if excluded.is_empty() {
            "无".to_string()
        } else {
            format!(
                "{}（一次性或有专项用途的资金，只记录不计入）",
                item_formula(&excluded)
            )
        },
        keywords
            .as_ref()
            .map_or_else(|| ANNEX2_ITEM16.to_string(), |k| k.source.to_string()),
    );
    if let Some(k) = &keywords {
        excluded_step = excluded_step.with_param(k.to_use());
        for item in items.iter().filter(|i| i.category != Category::Excluded) {
            if let Some(word) = k.value.iter().find(|w| item.name.contains(w.as_str())) {
                warnings.push(Warning::new(
                    "excluded_item_in_counted_category",
                    format!(
                        "“{}”含“{word}”，属于一次性或有专项用途的资金，一般不计入收入；如确属此类，请把类别改为“不计入”",
                        item.name
                    ),
                    Some(format!("input.items[{}].category", item.index)),
                ));
            }
        }
    }
    steps.push(excluded_step);

    Some(excluded_total)
}

/// per_capita_after_rigid = (net − rigid) ÷ household_size, rounded once (rules.md §1).
fn after_rigid(
    net: Decimal,
    rigid: Option<Decimal>,
    size: u64,
    steps: &mut Vec<Step>,
) -> Option<Option<Decimal>> {
    let size_dec = Decimal::from(size);
    Some(match rigid {
        Some(r) => {
            let v = round_cents(net.checked_sub(r)?.checked_div(size_dec)?);
            steps.push(Step::new(
                "扣除刚性支出后人均纯收入",
                format_money(v),
                format!(
                    "({} − 刚性支出 {}) ÷ {size} 人 = {}",
                    format_money(net),
                    format_money(r),
                    format_money(v)
                ),
                NATIONAL_TYPES,
            ));
            Some(v)
        }
        None => None,
    })
}

/// 收入不增反降 (Plan 主文 第1条, 附件2 第2条).
fn declined(
    per_capita: Decimal,
    previous: Option<Decimal>,
    steps: &mut Vec<Step>,
    warnings: &mut Vec<Warning>,
) -> Option<bool> {
    let declined = previous.map(|p| {
        let declined = per_capita < p;
        steps.push(Step::new(
            "与上年人均纯收入比较",
            if declined {
                "收入不增反降"
            } else {
                "未下降"
            },
            format!(
                "今年 {} 与上年 {} 比较",
                format_money(per_capita),
                format_money(p)
            ),
            ANNEX2_ITEM2,
        ));
        declined
    });
    if declined == Some(true) {
        warnings.push(Warning::new(
            "income_declined",
            "人均纯收入比上年下降（收入不增反降），应逐户核实收入变化、落实帮扶措施",
            Some("input.previous_per_capita_net_income".to_string()),
        ));
    }

    declined
}

/// Members are optional; they give the household size when no plain size is typed.
fn read_members(obj: &Obj, errors: &mut Errors) -> Vec<Option<u64>> {
    let mut member_ages: Vec<Option<u64>> = Vec::new();
    if let Some(members) = obj.list("members", "家庭成员", MAX_MEMBERS, errors) {
        for (i, m) in members.iter().enumerate() {
            let path = format!("input.members[{i}]");
            if let Some(mo) = Obj::new(m, &path, "家庭成员", errors) {
                member_ages.push(mo.whole("age", "年龄", 0, 150, false, errors));
                if let Some(labour) = mo.text("labour", "劳动能力", 20, errors) {
                    if !labour.is_empty() && !LABOUR.iter().any(|(c, _)| *c == labour) {
                        errors.push(
                            &mo.path_of("labour"),
                            ErrorCode::UnknownValue,
                            "劳动能力只能是：有劳动能力（full）、弱劳力或半劳力（partial）、无劳动能力（none）",
                        );
                    }
                }
                mo.text("relation", "与户主关系", 20, errors);
                mo.text("name", "姓名", 50, errors);
            }
        }
    }
    member_ages
}

/// The income items, each with its category, amount and optional cost and member.
fn read_items(obj: &Obj, errors: &mut Errors) -> Vec<Item> {
    let mut items = Vec::new();
    if let Some(list) = obj.list("items", "收入项目", MAX_ITEMS, errors) {
        for (index, raw) in list.iter().enumerate() {
            let path = format!("input.items[{index}]");
            let Some(io) = Obj::new(raw, &path, "收入项目", errors) else {
                continue;
            };
            let category = match io.get("category") {
                None => {
                    errors.push(
                        &io.path_of("category"),
                        ErrorCode::Required,
                        "请选择收入类别",
                    );
                    None
                }
                Some(Value::String(code)) => match Category::from_code(code.trim()) {
                    Some(c) => Some(c),
                    None => {
                        errors.push(
                            &io.path_of("category"),
                            ErrorCode::UnknownCategory,
                            "收入类别只能是工资性、生产经营性、财产性、转移性收入或“不计入”",
                        );
                        None
                    }
                },
                Some(_) => {
                    errors.push(
                        &io.path_of("category"),
                        ErrorCode::WrongType,
                        "收入类别应为文字代码",
                    );
                    None
                }
            };
            let name = io.text("item", "项目名称", 50, errors);
            let amount = io.money("amount", "金额", true, errors);
            let expense = io.money("expense", "该项生产经营性支出", false, errors);
            let member = io.whole(
                "member",
                "家庭成员序号",
                0,
                MAX_MEMBERS as u64,
                false,
                errors,
            );
            if let (Some(category), Some(amount)) = (category, amount) {
                let name = match name {
                    Some(n) if !n.is_empty() => n.to_string(),
                    _ => category.label().to_string(),
                };
                let member = member.map(|m| m as usize);
                items.push(Item {
                    category,
                    name,
                    amount,
                    expense,
                    member,
                    index,
                });
            }
        }
    }
    items
}

/// 家庭纯收入 and 家庭年人均纯收入 (附件2 第16条): per capita rounded to the cent once.
fn net_and_per_capita(
    gross: Decimal,
    expenses: Decimal,
    size: u64,
    steps: &mut Vec<Step>,
) -> Option<(Decimal, Decimal)> {
    let net = gross.checked_sub(expenses)?;
    steps.push(Step::new(
        "家庭纯收入",
        format_money(net),
        format!(
            "{} − {} = {}",
            format_money(gross),
            format_money(expenses),
            format_money(net)
        ),
        ANNEX2_ITEM16,
    ));

    let size_dec = Decimal::from(size);
    let per_capita = round_cents(net.checked_div(size_dec)?);
    steps.push(Step::new(
        "家庭年人均纯收入",
        format_money(per_capita),
        format!(
            "{} ÷ {size} 人 = {}（四舍五入到分）",
            format_money(net),
            format_money(per_capita)
        ),
        ANNEX2_ITEM16,
    ));

    Some((net, per_capita))
}

fn item_lines(items: &[Item]) -> Vec<ItemLine> {
    items
        .iter()
        .map(|i| ItemLine {
            category: i.category,
            item: i.name.clone(),
            amount: format_money(i.amount),
            expense: i.expense.map(format_money),
            counted: i.category != Category::Excluded,
        })
        .collect()
}

/// The four counted categories (附件2 第16条 应统尽统).
fn counted(items: &[Item], steps: &mut Vec<Step>) -> Option<[Decimal; 4]> {
    let mut totals = [Decimal::ZERO; 4];
    for (slot, category) in Category::ALL[..4].iter().enumerate() {
        let mine: Vec<&Item> = items.iter().filter(|i| i.category == *category).collect();
        totals[slot] = sum(mine.iter().map(|i| i.amount))?;
        steps.push(Step::new(
            category.label(),
            format_money(totals[slot]),
            item_formula(&mine),
            ANNEX2_ITEM16,
        ));
    }
    Some(totals)
}
