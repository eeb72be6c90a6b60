//! Every sentence of the screening: each flag's short name, and one plain-Chinese message per
//! finding, naming the figures and the limit, meant for the township officer who checks the
//! record.

use super::columns::Field;
use super::decide::{Evidence, Finding, Flag, Thresholds};
use crate::money::{format_money, format_plain};

impl Flag {
    /// Short Chinese name (filters, counts, chart legend).
    pub fn label(self) -> &'static str {
        match self {
            Flag::RangeNotConfigured => "监测范围未配置",
            Flag::MissingField => "信息不完整",
            Flag::UnparseableValue => "无法识别的数值",
            Flag::PerCapitaMismatch => "人均纯收入计算不符",
            Flag::HouseholdSizeMismatch => "家庭人口与成员不符",
            Flag::BelowRangeNotMonitored => "低于监测范围未纳入监测",
            Flag::EliminatedBelowRange => "已消除风险但收入未超过监测范围",
            Flag::MonitoredOverTwoYears => "识别超过两年未消除风险",
            Flag::EliminatedTooSoon => "识别不满半年即消除风险",
            Flag::IncomeDeclined => "收入不增反降",
            Flag::NegativeNetIncome => "纯收入为零或负数",
            Flag::PerCapitaUnusuallyLow => "人均纯收入异常偏低",
            Flag::PerCapitaUnusuallyHigh => "人均纯收入异常偏高",
        }
    }
}

fn limit(t: &Option<crate::params::Resolved<rust_decimal::Decimal>>) -> String {
    t.as_ref()
        .map_or("未配置".to_string(), |r| format_plain(r.value))
}

/// The message of one finding.
pub fn message(finding: &Finding, t: &Thresholds) -> String {
    let field = finding.fields.first().map_or("", |f| f.label());
    match (&finding.flag, &finding.evidence) {
        (Flag::RangeNotConfigured, _) => format!(
            "{}年防止返贫监测范围未配置，无法判断是否低于监测范围；本条记录未能核查，请配置当年标准后重查",
            t.year
        ),
        (Flag::MissingField, _) => match finding.fields.first() {
            Some(Field::PerCapita) => {
                "缺少人均纯收入（也没有可用于重算的各项收入），无法核查收入".to_string()
            }
            Some(Field::IdentifiedOn) => "监测对象缺少识别时间，无法核查监测时长".to_string(),
            _ => format!("缺少{field}，请补录"),
        },
        (Flag::UnparseableValue, Evidence::Cell(cell)) => {
            format!("{field}“{cell}”无法识别，请核对填写")
        }
        (Flag::PerCapitaMismatch, Evidence::Amounts(stated, recomputed)) => format!(
            "填报人均纯收入 {} 元，按各项收入重算为 {} 元（(工资性+生产经营性+财产性+转移性−生产经营性支出)÷家庭人口，四舍五入到分），相差 {} 元，超过 {} 元",
            format_money(*stated),
            format_money(*recomputed),
            format_money((*stated - *recomputed).abs()),
            limit(&t.tolerance)
        ),
        (Flag::HouseholdSizeMismatch, Evidence::Counts(size, listed)) => {
            format!("家庭人口填 {size} 人，家庭成员列出 {listed} 人，两者不一致")
        }
        (Flag::BelowRangeNotMonitored, Evidence::Amounts(pc, range)) => format!(
            "人均纯收入 {} 元低于{}年监测范围 {} 元，但未纳入监测对象，请入户核实是否应识别",
            format_money(*pc),
            t.year,
            format_plain(*range)
        ),
        (Flag::EliminatedBelowRange, Evidence::Amounts(pc, range)) => format!(
            "已标注风险消除，但人均纯收入 {} 元未超过监测范围 {} 元（消除风险须收入稳定超过监测范围）",
            format_money(*pc),
            format_plain(*range)
        ),
        (Flag::MonitoredOverTwoYears, Evidence::Dates(identified, today)) => format!(
            "{identified} 识别为监测对象，至 {today} 已超过 {} 年仍未消除风险，镇村应逐户建立台账、分析症结",
            limit(&t.review_years)
        ),
        (Flag::EliminatedTooSoon, Evidence::Dates(identified, eliminated)) => {
            if eliminated < identified {
                format!("风险消除时间 {eliminated} 早于识别时间 {identified}，时间先后有误")
            } else {
                format!(
                    "{identified} 识别，{eliminated} 即消除风险，不满 {} 个月（收入持续稳定原则上不少于半年）",
                    limit(&t.min_months)
                )
            }
        }
        (Flag::IncomeDeclined, Evidence::Amounts(pc, previous)) => format!(
            "人均纯收入 {} 元低于上年 {} 元，收入不增反降，应重点关注",
            format_money(*pc),
            format_money(*previous)
        ),
        (Flag::NegativeNetIncome, Evidence::Amounts(value, _)) => format!(
            "家庭纯收入为 {} 元（零或负数），请核对收入和生产经营性支出",
            format_money(*value)
        ),
        (Flag::PerCapitaUnusuallyLow, Evidence::Amounts(pc, low)) => format!(
            "人均纯收入 {} 元低于 {} 元，明显偏低，请核对是否漏计收入",
            format_money(*pc),
            format_plain(*low)
        ),
        (Flag::PerCapitaUnusuallyHigh, Evidence::Amounts(pc, high)) => format!(
            "人均纯收入 {} 元高于 {} 元，明显偏高，请核对是否多计或单位有误（元/万元）",
            format_money(*pc),
            format_plain(*high)
        ),
        (flag, _) => flag.label().to_string(),
    }
}
