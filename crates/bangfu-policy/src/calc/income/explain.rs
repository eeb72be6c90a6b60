//! Every sentence and citation of the income accounting (rules.md §1), in the order a cadre
//! reads them: the api.md result with its money as strings and in capitals (大写), the steps
//! (each with its clause and parameters) and the warnings (疑点).

use rust_decimal::Decimal;

use super::decide::{Comparison, IncomeDecision, Ratio, RatioBase, Remark};
use super::read::{Category, IncomeInput, Item};
use super::{ByCategory, InWords, IncomeResult, ItemLine};
use crate::daxie::amount_in_words;
use crate::explain::{Step, Warning};
use crate::money::{format_money, format_plain, format_ratio};
use crate::params::{not_configured, At, Param, RuleSet};
use crate::sources::Source;

/// The api.md result. `None` only when a figure is too large to write in capitals.
pub fn result(d: &IncomeDecision, i: &IncomeInput, rules: &RuleSet) -> Option<IncomeResult> {
    let (range, below, gap) = match &d.comparison {
        Comparison::Configured { range, gap, below } => (
            Some(format_money(range.value)),
            Some(*below),
            Some(format_money(*gap)),
        ),
        Comparison::NotConfigured => (None, None, None),
    };
    let ratio = |n: usize| match &d.ratios[n] {
        Ratio::Of { ratio, .. } => Some(format_ratio(*ratio)),
        Ratio::NotConfigured | Ratio::Overflow => None,
    };
    Some(IncomeResult {
        year: i.year,
        household_size: i.household_size,
        items: i.items.iter().map(item_line).collect(),
        gross_income: format_money(d.gross),
        by_category: ByCategory {
            wage: format_money(d.total(Category::Wage)),
            operating: format_money(d.total(Category::Operating)),
            property: format_money(d.total(Category::Property)),
            transfer: format_money(d.total(Category::Transfer)),
        },
        excluded_total: format_money(d.excluded_total),
        operating_expenses: format_money(d.expenses),
        net_income: format_money(d.net),
        per_capita_net_income: format_money(d.per_capita),
        reference_range: match range {
            None => rules.reference_before(Param::MonitoringRange, i.year),
            Some(_) => None,
        },
        monitoring_range: range,
        below_monitoring_range: below,
        gap_to_range: gap,
        per_capita_after_rigid: d.after_rigid.map(format_money),
        income_declined: d.declined,
        ratio_to_national_rural_income: ratio(0),
        ratio_to_gansu_rural_income: ratio(1),
        in_words: InWords {
            gross_income: amount_in_words(d.gross)?,
            net_income: amount_in_words(d.net)?,
            per_capita_net_income: amount_in_words(d.per_capita)?,
        },
    })
}

fn item_line(i: &Item) -> ItemLine {
    ItemLine {
        category: i.category,
        item: i.name.clone(),
        amount: format_money(i.amount),
        expense: i.expense.map(format_money),
        counted: i.category.is_counted(),
    }
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

fn of(i: &IncomeInput, c: Category) -> Vec<&Item> {
    i.items.iter().filter(|x| x.category == c).collect()
}

/// The steps, in the order of the income calculation sheet.
pub fn steps(d: &IncomeDecision, i: &IncomeInput, rules: &RuleSet) -> Vec<Step> {
    let mut steps: Vec<Step> = Category::COUNTED
        .iter()
        .map(|&c| {
            let total = format_money(d.total(c));
            Step::new(
                c.label(),
                total,
                item_formula(&of(i, c)),
                Source::Annex2(16),
            )
        })
        .collect();
    steps.push(excluded_step(d, i));
    steps.push(Step::new(
        "家庭总收入",
        format_money(d.gross),
        format!(
            "工资性 {} + 生产经营性 {} + 财产性 {} + 转移性 {} = {}",
            format_money(d.total(Category::Wage)),
            format_money(d.total(Category::Operating)),
            format_money(d.total(Category::Property)),
            format_money(d.total(Category::Transfer)),
            format_money(d.gross)
        ),
        Source::Annex2(16),
    ));
    steps.push(expenses_step(d, i));
    steps.extend(net_and_per_capita(d, i));
    steps.push(comparison_step(d, i, rules));
    if let (Some(v), Some(r)) = (d.after_rigid, i.rigid_expenditure) {
        steps.push(Step::new(
            "扣除刚性支出后人均纯收入",
            format_money(v),
            format!(
                "({} − 刚性支出 {}) ÷ {} 人 = {}",
                format_money(d.net),
                format_money(r),
                i.household_size,
                format_money(v)
            ),
            Source::NationalMechanism,
        ));
    }
    if let (Some(declined), Some(p)) = (d.declined, i.previous_per_capita) {
        steps.push(Step::new(
            "与上年人均纯收入比较",
            if declined {
                "收入不增反降"
            } else {
                "未下降"
            },
            format!(
                "今年 {} 与上年 {} 比较",
                format_money(d.per_capita),
                format_money(p)
            ),
            Source::Annex2(2),
        ));
    }
    for (base, r) in RatioBase::ALL.into_iter().zip(&d.ratios) {
        steps.extend(ratio_step(base, r, d.per_capita, i.year, rules));
    }
    steps
}

fn excluded_step(d: &IncomeDecision, i: &IncomeInput) -> Step {
    let excluded = of(i, Category::Excluded);
    let formula = if excluded.is_empty() {
        "无".to_string()
    } else {
        format!(
            "{}（一次性或有专项用途的资金，只记录不计入）",
            item_formula(&excluded)
        )
    };
    let source = d
        .excluded_keywords
        .as_ref()
        .map_or_else(|| Source::Annex2(16).to_string(), |k| k.source.to_string());
    let step = Step::new(
        "不计入收入的项目",
        format_money(d.excluded_total),
        formula,
        source,
    );
    match &d.excluded_keywords {
        Some(k) => step.with_param(k.to_use()),
        None => step,
    }
}

/// Operating costs: one total, per-item costs, or both (added together).
fn expenses_step(d: &IncomeDecision, i: &IncomeInput) -> Step {
    let per_item: Vec<&Item> = i.items.iter().filter(|x| x.expense.is_some()).collect();
    let formula = if per_item.is_empty() {
        "种子、化肥、饲料、农机作业、雇工、折旧等".to_string()
    } else {
        let mut parts: Vec<String> = per_item
            .iter()
            .map(|x| format!("{} {}", x.name, format_money(x.expense.unwrap_or_default())))
            .collect();
        if d.expenses != d.item_costs {
            parts.push(format!("其他 {}", format_money(d.expenses - d.item_costs)));
        }
        format!("{} = {}", parts.join(" + "), format_money(d.expenses))
    };
    Step::new(
        "生产经营性支出",
        format_money(d.expenses),
        formula,
        Source::Annex2(16),
    )
}

/// 家庭纯收入 and 家庭年人均纯收入 (附件2 第16条).
fn net_and_per_capita(d: &IncomeDecision, i: &IncomeInput) -> [Step; 2] {
    [
        Step::new(
            "家庭纯收入",
            format_money(d.net),
            format!(
                "{} − {} = {}",
                format_money(d.gross),
                format_money(d.expenses),
                format_money(d.net)
            ),
            Source::Annex2(16),
        ),
        Step::new(
            "家庭年人均纯收入",
            format_money(d.per_capita),
            format!(
                "{} ÷ {} 人 = {}（四舍五入到分）",
                format_money(d.net),
                i.household_size,
                format_money(d.per_capita)
            ),
            Source::Annex2(16),
        ),
    ]
}

/// 附件2 第3条: the comparison with the year's monitoring range.
fn comparison_step(d: &IncomeDecision, i: &IncomeInput, rules: &RuleSet) -> Step {
    let year = i.year;
    match &d.comparison {
        Comparison::Configured { range, gap, below } => {
            let words = if *below {
                format!("低于监测范围 {} 元", format_money(*gap))
            } else if gap.is_zero() {
                "恰好等于监测范围（不算低于）".to_string()
            } else {
                format!("高于监测范围 {} 元", format_money(-*gap))
            };
            let formula = format!(
                "{} − {} = {}",
                format_money(range.value),
                format_money(d.per_capita),
                format_money(*gap)
            );
            Step::new("与防止返贫监测范围比较", words, formula, Source::Annex2(3))
                .with_param(range.to_use())
        }
        Comparison::NotConfigured => Step::new(
            "与防止返贫监测范围比较",
            "未配置",
            format!("{year}年监测范围未配置，无法比较"),
            Source::Annex2(3),
        )
        .with_param(not_configured(
            rules,
            Param::MonitoringRange.name(),
            At::Year(year),
        )),
    }
}

fn ratio_label(b: RatioBase) -> &'static str {
    match b {
        RatioBase::National => "与上年全国农村居民人均可支配收入之比",
        RatioBase::Gansu => "与上年甘肃农村居民人均可支配收入之比",
    }
}

/// 主文 二 "两提升": the ratio step, or its "未配置" (none on overflow).
fn ratio_step(
    base: RatioBase,
    r: &Ratio,
    per_capita: Decimal,
    year: i32,
    rules: &RuleSet,
) -> Option<Step> {
    let label = ratio_label(base);
    match r {
        Ratio::Of { base, ratio } => Some(
            Step::new(
                label,
                format_ratio(*ratio),
                format!(
                    "{} ÷ {} = {}",
                    format_money(per_capita),
                    format_plain(base.value),
                    format_ratio(*ratio)
                ),
                Source::PlanGoals,
            )
            .with_param(base.to_use()),
        ),
        Ratio::NotConfigured => Some(
            Step::new(
                label,
                "未配置",
                format!("{}年数据未配置", year - 1),
                Source::PlanGoals,
            )
            .with_param(not_configured(
                rules,
                base.param().name(),
                At::Year(year - 1),
            )),
        ),
        Ratio::Overflow => None,
    }
}

/// The remarks as warnings, each pointing at the field it is about.
pub fn warnings(d: &IncomeDecision, i: &IncomeInput) -> Vec<Warning> {
    d.remarks.iter().map(|r| warning(r, d, i)).collect()
}

/// The request path of an item's field (the item's position in the request, not in `items`).
fn item_path(i: &IncomeInput, item: usize, field: &str) -> Option<String> {
    let index = i.items.get(item).map_or(item, |x| x.index);
    Some(format!("input.items[{index}].{field}"))
}

fn warning(r: &Remark, d: &IncomeDecision, i: &IncomeInput) -> Warning {
    let name = |item: &usize| i.items.get(*item).map_or("", |x| x.name.as_str());
    let size = i.household_size;
    match r {
        Remark::ExcludedWordInCounted { item, word } => Warning::new(
            "excluded_item_in_counted_category",
            format!(
                "“{}”含“{word}”，属于一次性或有专项用途的资金，一般不计入收入；如确属此类，请把类别改为“不计入”",
                name(item)
            ),
            item_path(i, *item, "category"),
        ),
        Remark::MonitoringRangeNotConfigured => Warning::new(
            "monitoring_range_not_configured",
            format!("{}年防止返贫监测范围未配置，暂不能判断是否低于监测范围；请以当地文件为准，由门户配置当年标准", i.year),
            Some("input.year".to_string()),
        ),
        Remark::IncomeDeclined => Warning::new(
            "income_declined",
            "人均纯收入比上年下降（收入不增反降），应逐户核实收入变化、落实帮扶措施",
            Some("input.previous_per_capita_net_income".to_string()),
        ),
        Remark::NetNotPositive => Warning::new(
            "net_income_not_positive",
            format!(
                "家庭纯收入为 {} 元（不大于 0），请核对各项收入和生产经营性支出（{}）",
                format_money(d.net),
                Source::Annex2(17)
            ),
            Some("input.operating_expenses".to_string()),
        ),
        Remark::PerCapitaLow { threshold } => Warning::new(
            "per_capita_unusually_low",
            format!(
                "人均纯收入 {} 元低于 {} 元，明显偏低，请核对是否有漏计的收入",
                format_money(d.per_capita),
                format_plain(*threshold)
            ),
            None,
        ),
        Remark::PerCapitaHigh { threshold } => Warning::new(
            "per_capita_unusually_high",
            format!(
                "人均纯收入 {} 元高于 {} 元，请核对金额单位（元/万元）是否填错",
                format_money(d.per_capita),
                format_plain(*threshold)
            ),
            None,
        ),
        Remark::OperatingWithoutExpenses => Warning::new(
            "operating_income_without_expenses",
            "填写了生产经营性收入，但生产经营性支出为 0；种子、化肥、饲料等支出是否漏填？",
            Some("input.operating_expenses".to_string()),
        ),
        Remark::MinorWithWage { item, age, min_age } => Warning::new(
            "minor_with_wage_income",
            format!("“{}”记在一名 {age} 岁的家庭成员名下，未满 {} 周岁一般不应有工资性收入，请核对", name(item), format_plain(*min_age)),
            item_path(i, *item, "member"),
        ),
        Remark::MedicalInIncome { item, word } => Warning::new(
            "medical_reimbursement_in_income",
            format!(
                "“{}”含“{word}”：医疗报销款一般不计入家庭收入，请核实",
                name(item)
            ),
            item_path(i, *item, "category"),
        ),
        Remark::HouseholdLarge { max } => Warning::new(
            "household_unusually_large",
            format!(
                "家庭人口 {size} 人，多于 {} 人，请核对是否都是共同生活的家庭成员",
                format_plain(*max)
            ),
            Some("input.household_size".to_string()),
        ),
        Remark::ItemLarge { item, max } => Warning::new(
            "item_unusually_large",
            format!(
                "“{}” {} 元，高于 {} 元，请核对金额单位（元/万元）",
                name(item),
                i.items.get(*item).map_or_else(String::new, |x| format_money(x.amount)),
                format_plain(*max)
            ),
            item_path(i, *item, "amount"),
        ),
        Remark::SizeDiffersFromMembers { listed } => Warning::new(
            "household_size_differs_from_members",
            format!("家庭人口填写为 {size} 人，但列出了 {listed} 名家庭成员，请核对"),
            Some("input.household_size".to_string()),
        ),
    }
}
