//! Eligibility (监测对象识别, 排查, 分类, 风险消除) — rules.md §2.
//!
//! Plan 附件2 第3条 (监测范围), 第9条 (六必访、六必查), 第10条 (11 类风险), 第13、19条 (分类管理),
//! 第14、15条 (风险消除、七不消、整户无劳动能力暂不消除); national 2021 guidance for the three
//! monitoring types and the risk-elimination standard (facts.md A1, A2); Gansu 一键报贫 applicants
//! (facts.md G).

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::ErrorCode;
use crate::explain::{Step, Warning};
use crate::input::{Errors, Obj};
use crate::money::{format_money, round_cents};
use crate::params::{not_configured, At, RuleSet};
use crate::sources::{
    ANNEX2_ITEM10, ANNEX2_ITEM13, ANNEX2_ITEM14, ANNEX2_ITEM15, ANNEX2_ITEM3, ANNEX2_ITEM9,
    GANSU_ONE_CLICK, MAIN_ITEM3, NATIONAL_ELIMINATION, NATIONAL_TYPES,
};
use crate::Outcome;

/// The 11 risk categories (附件2 第10条): code and Chinese label.
pub const RISKS: [(&str, &str); 11] = [
    ("illness", "因病"),
    ("schooling", "因学"),
    ("housing", "因安全住房"),
    ("drinking_water", "因安全饮水"),
    ("disability", "因残"),
    ("natural_disaster", "因自然灾害"),
    ("accident", "因意外事故"),
    ("business_failure", "因产业项目失败"),
    ("unstable_employment", "因务工就业不稳"),
    ("lack_of_labour", "因缺劳动力"),
    ("other", "其他"),
];

/// 六必访 (附件2 第9条): code and label.
pub const MUST_VISIT: [(&str, &str); 6] = [
    ("serious_illness", "大病重病患者"),
    ("chronic_illness_heavy_burden", "负担较重的慢性病患者"),
    ("severe_disability", "重度残疾人"),
    ("left_behind", "留守老人妇女儿童"),
    ("single_parent_or_incapacitated_elderly", "单亲和失能老年人"),
    ("major_change_or_disaster", "遭遇重大变故和自然灾害的家庭"),
];

/// 六必查 (附件2 第9条): code and label.
pub const MUST_CHECK: [(&str, &str); 6] = [
    ("dibao_or_tekun", "农村低保和特困供养对象"),
    ("hospitalized_member", "有病人住院家庭"),
    ("supporting_student", "供养高中和大专学生家庭"),
    ("disabled_member", "残疾人家庭"),
    ("sudden_accident", "突发意外家庭"),
    ("complaint_reported", "有投诉举报情况的农户"),
];

/// Risk-elimination conditions (facts.md A2; 附件2 第15条): code and label.
pub const ELIMINATION_CONDITIONS: [(&str, &str); 9] = [
    ("income_stable_6_months", "收入持续稳定（不少于半年）"),
    ("income_above_range", "年人均纯收入稳定超过当年监测范围"),
    ("rigid_expenditure_resolved", "大额刚性支出稳定解决"),
    ("three_guarantees_and_water", "“三保障”和饮水安全持续巩固"),
    ("risk_eliminated", "返贫致贫风险稳定消除或自然消失"),
    ("monitored_6_months", "纳入监测满半年"),
    ("measure_in_place", "至少落实 1 项帮扶措施"),
    (
        "not_whole_household_without_labour",
        "不是整户无劳动能力（整户无劳动能力的暂不标注消除）",
    ),
    (
        "seven_not_eliminate",
        "已逐条核对“七不消”情形，均不存在（门户配置了条目时）",
    ),
];

pub fn label_of(table: &[(&'static str, &'static str)], code: &str) -> &'static str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, l)| l)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    PovertyAlleviated,
    Ordinary,
    Monitored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MonitoringType {
    UnstableAlleviated,
    Marginal,
    SuddenHardship,
    AlreadyMonitored,
}

impl MonitoringType {
    pub fn label(self) -> &'static str {
        match self {
            MonitoringType::UnstableAlleviated => "脱贫不稳定户",
            MonitoringType::Marginal => "边缘易致贫户",
            MonitoringType::SuddenHardship => "突发严重困难户",
            MonitoringType::AlreadyMonitored => "已是监测对象",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Management {
    CivilAffairs,
    Agriculture,
    Combined,
}

impl Management {
    pub fn label(self) -> &'static str {
        match self {
            Management::CivilAffairs => "民政部门牵头，兜底保障",
            Management::Agriculture => "农业农村部门牵头，开发式帮扶（产业、就业）",
            Management::Combined => "开发式帮扶与保障性措施相结合",
        }
    }
}

/// One criterion as checked, for the "each criterion met or not and why" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub label: String,
    pub met: bool,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskElimination {
    pub eligible: bool,
    pub unmet: Vec<String>,
    /// 七不消: `not_configured` until a portal configures its items, then `configured`.
    pub seven_not_eliminate: String,
    /// The configured 七不消 items, to be checked one by one by the cadre.
    pub seven_not_eliminate_items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benefit {
    pub code: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityResult {
    pub in_scope: bool,
    pub out_of_scope_reason: Option<String>,
    /// None when the year's range is not configured.
    pub within_monitoring_range: Option<bool>,
    pub monitoring_range: Option<String>,
    /// Range − per-capita income: positive = below the line by that much.
    pub margin_to_range: Option<String>,
    pub monitoring_type: Option<MonitoringType>,
    pub must_visit: Vec<String>,
    pub must_check: Vec<String>,
    pub management: Management,
    pub risk_elimination: Option<RiskElimination>,
    pub risks: Vec<String>,
    pub criteria: Vec<Criterion>,
    pub benefits: Vec<Benefit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Labour {
    Full,
    Partial,
    None,
}

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Member {
    pub(crate) age: Option<u64>,
    pub(crate) labour: Option<Labour>,
    serious_illness: bool,
    chronic: bool,
    severe_disability: bool,
    pub(crate) any_disability: bool,
    /// high_school | vocational | college
    pub(crate) student: Option<&'static str>,
    left_behind: bool,
    single_parent: bool,
    incapacitated_elderly: bool,
}

struct Monitoring {
    seven_confirmed: bool,
    identified_on: Option<NaiveDate>,
    measures: u64,
    stable_months: u64,
    income_above_range: bool,
    rigid_resolved: bool,
    guarantees: bool,
    risk_eliminated: bool,
}

pub(crate) fn choice<'a>(
    obj: &Obj,
    key: &str,
    label: &str,
    allowed: &[&'a str],
    errors: &mut Errors,
) -> Option<&'a str> {
    match obj.get(key) {
        None => None,
        Some(Value::String(s)) => match allowed.iter().find(|a| **a == s.trim()) {
            Some(a) => Some(*a),
            None => {
                errors.push(
                    &obj.path_of(key),
                    ErrorCode::UnknownValue,
                    format!("{label}只能是：{}", allowed.join("、")),
                );
                None
            }
        },
        Some(_) => {
            errors.push(
                &obj.path_of(key),
                ErrorCode::WrongType,
                format!("{label}应为文字代码"),
            );
            None
        }
    }
}

pub(crate) fn read_member(m: &Value, path: &str, errors: &mut Errors) -> Option<Member> {
    let mo = Obj::new(m, path, "家庭成员", errors)?;
    let flag = |k: &str, l: &str, e: &mut Errors| mo.flag(k, l, e).unwrap_or(false);
    let labour = match choice(
        &mo,
        "labour",
        "劳动能力",
        &["full", "partial", "none"],
        errors,
    ) {
        Some("full") => Some(Labour::Full),
        Some("partial") => Some(Labour::Partial),
        Some("none") => Some(Labour::None),
        _ => {
            if mo.get("labour").is_none() {
                errors.push(
                    &mo.path_of("labour"),
                    ErrorCode::Required,
                    "请选择这名成员的劳动能力",
                );
            }
            None
        }
    };
    let disability = choice(
        &mo,
        "disability",
        "残疾情况",
        &["none", "mild", "severe"],
        errors,
    );
    let student = choice(
        &mo,
        "student",
        "在读情况",
        &["none", "high_school", "vocational", "college"],
        errors,
    )
    .filter(|s| *s != "none");
    Some(Member {
        age: mo.whole("age", "年龄", 0, 150, false, errors),
        labour,
        serious_illness: flag("serious_illness", "是否大病重病", errors),
        chronic: flag("chronic_illness_heavy_burden", "是否慢性病负担重", errors),
        severe_disability: disability == Some("severe"),
        any_disability: matches!(disability, Some("mild" | "severe")),
        student,
        left_behind: flag("left_behind", "是否留守", errors),
        single_parent: flag("single_parent", "是否单亲", errors),
        incapacitated_elderly: flag("incapacitated_elderly", "是否失能老人", errors),
    })
}

fn read_monitoring(h: &Obj, errors: &mut Errors) -> Option<Monitoring> {
    let v = h.get("monitoring")?;
    let mo = Obj::new(v, "input.household.monitoring", "监测情况", errors)?;
    let f = |k: &str, l: &str, e: &mut Errors| mo.flag(k, l, e).unwrap_or(false);
    Some(Monitoring {
        seven_confirmed: f("seven_not_eliminate_confirmed", "是否已核对七不消", errors),
        identified_on: mo.date("identified_on", "识别认定日期", false, errors),
        measures: mo
            .whole(
                "measures_in_place",
                "已落实帮扶措施数",
                0,
                100,
                false,
                errors,
            )
            .unwrap_or(0),
        stable_months: mo
            .whole(
                "income_stable_months",
                "收入稳定月数",
                0,
                600,
                false,
                errors,
            )
            .unwrap_or(0),
        income_above_range: f("income_above_range", "收入是否稳定超过监测范围", errors),
        rigid_resolved: f("rigid_expenditure_resolved", "刚性支出是否已解决", errors),
        guarantees: f("three_guarantees_and_water", "三保障和饮水是否巩固", errors),
        risk_eliminated: f("risk_eliminated", "风险是否已消除", errors),
    })
}

pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome, Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "资格自查输入", &mut errors) else {
        return Err(errors);
    };
    let date = obj.date("date", "日期", true, &mut errors);
    let Some(hv) = obj.get("household") else {
        errors.push("input.household", ErrorCode::Required, "请填写家庭情况");
        return Err(errors);
    };
    let Some(h) = Obj::new(hv, "input.household", "家庭情况", &mut errors) else {
        return Err(errors);
    };
    let kind = match choice(
        &h,
        "kind",
        "家庭类别",
        &["poverty_alleviated", "ordinary", "monitored"],
        &mut errors,
    ) {
        Some("poverty_alleviated") => Some(Kind::PovertyAlleviated),
        Some("ordinary") => Some(Kind::Ordinary),
        Some("monitored") => Some(Kind::Monitored),
        _ => {
            if h.get("kind").is_none() {
                errors.push(
                    "input.household.kind",
                    ErrorCode::Required,
                    "请选择家庭类别：脱贫户、一般农户或已是监测对象",
                );
            }
            None
        }
    };
    let hukou = h.flag("gansu_agricultural_hukou", "是否甘肃农业户籍", &mut errors);
    if h.get("gansu_agricultural_hukou").is_none() {
        errors.push(
            "input.household.gansu_agricultural_hukou",
            ErrorCode::Required,
            "请回答：是否甘肃农业户籍、在甘肃常住的家庭",
        );
    }
    let per_capita = h.signed_money(
        "per_capita_net_income",
        "家庭年人均纯收入",
        true,
        &mut errors,
    );
    let after_rigid = h.signed_money(
        "per_capita_after_rigid",
        "扣除刚性支出后人均纯收入",
        false,
        &mut errors,
    );
    let flag = |k: &str, l: &str, e: &mut Errors| h.flag(k, l, e).unwrap_or(false);
    let declared = flag("declared_hardship", "是否申报严重困难", &mut errors);
    let on_dibao = flag("on_dibao", "是否低保", &mut errors);
    let on_tekun = flag("on_tekun", "是否特困", &mut errors);
    let hospitalized = flag("hospitalized_member", "是否有病人住院", &mut errors);
    let complaint = flag("complaint_reported", "是否有投诉举报", &mut errors);
    let accident = flag("sudden_accident", "是否突发意外", &mut errors);
    let major_change = flag(
        "major_change_or_disaster",
        "是否遭遇重大变故或自然灾害",
        &mut errors,
    );
    let mut risks = Vec::new();
    if let Some(list) = h.list("risks", "风险类别", 11, &mut errors) {
        for (i, r) in list.iter().enumerate() {
            match r.as_str().map(str::trim) {
                Some(code) if RISKS.iter().any(|(c, _)| *c == code) => {
                    if !risks.contains(&code.to_string()) {
                        risks.push(code.to_string());
                    }
                }
                _ => errors.push(
                    &format!("input.household.risks[{i}]"),
                    ErrorCode::UnknownValue,
                    "风险类别应为 11 类之一（因病、因学、因安全住房…）",
                ),
            }
        }
    }
    let mut members = Vec::new();
    match h.list("members", "家庭成员", 100, &mut errors) {
        Some(list) if !list.is_empty() => {
            for (i, m) in list.iter().enumerate() {
                if let Some(member) =
                    read_member(m, &format!("input.household.members[{i}]"), &mut errors)
                {
                    members.push(member);
                }
            }
        }
        Some(_) | None => {
            if h.get("members").is_none()
                || h.get("members")
                    .and_then(Value::as_array)
                    .is_some_and(Vec::is_empty)
            {
                errors.push(
                    "input.household.members",
                    ErrorCode::Required,
                    "请至少填写一名家庭成员",
                );
            }
        }
    }
    let rigid = h.money("rigid_expenditure", "刚性支出", false, &mut errors);
    let monitoring = read_monitoring(&h, &mut errors);
    let (Some(date), Some(kind), Some(hukou), Some(per_capita)) = (date, kind, hukou, per_capita)
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    // With a household's rigid expenditure and no per-capita figure after it, derive one:
    // per_capita − rigid ÷ members, rounded to the cent (rules.md §1 per_capita_after_rigid).
    let after_rigid = after_rigid.or_else(|| {
        let size = Decimal::from(members.len() as u64);
        let r = rigid?.checked_div(size)?;
        Some(round_cents(per_capita.checked_sub(r)?))
    });
    let facts = Facts {
        date,
        kind,
        hukou,
        per_capita,
        after_rigid,
        declared,
        on_dibao,
        on_tekun,
        hospitalized,
        complaint,
        accident,
        major_change,
        risks,
        members,
        monitoring,
    };
    Ok(decide(&facts, rules))
}

struct Facts {
    date: NaiveDate,
    kind: Kind,
    hukou: bool,
    per_capita: Decimal,
    after_rigid: Option<Decimal>,
    declared: bool,
    on_dibao: bool,
    on_tekun: bool,
    hospitalized: bool,
    complaint: bool,
    accident: bool,
    major_change: bool,
    risks: Vec<String>,
    members: Vec<Member>,
    monitoring: Option<Monitoring>,
}

fn codes(table: &[(&str, &str)], hit: impl Fn(&str) -> bool) -> Vec<String> {
    table
        .iter()
        .filter(|(c, _)| hit(c))
        .map(|(c, _)| c.to_string())
        .collect()
}

fn labels(table: &[(&'static str, &'static str)], list: &[String]) -> String {
    if list.is_empty() {
        "无".to_string()
    } else {
        list.iter()
            .map(|c| label_of(table, c))
            .collect::<Vec<_>>()
            .join("、")
    }
}

fn decide(f: &Facts, rules: &RuleSet) -> Outcome {
    let mut steps = Vec::new();
    let mut warnings = Vec::new();
    let mut criteria = Vec::new();
    let year = f.date.year();

    // Who may apply through 一键报贫 (facts.md G).
    criteria.push(Criterion {
        code: "gansu_agricultural_hukou".into(),
        label: "甘肃农业户籍、在甘肃常住的家庭".into(),
        met: f.hukou,
        why: if f.hukou {
            "是".into()
        } else {
            "不是甘肃农业户籍常住家庭".into()
        },
    });
    steps.push(Step::new(
        "申报对象",
        if f.hukou {
            "甘肃农业户籍常住家庭"
        } else {
            "不属于一键报贫申报对象"
        },
        "甘肃“一键报贫”面向甘肃农业户籍、在甘肃常住的家庭",
        GANSU_ONE_CLICK,
    ));

    // Within the monitoring range (附件2 第3条): strictly below.
    let range = rules.decimal("monitoring_range", At::Year(year));
    let within = range.as_ref().map(|r| f.per_capita < r.value);
    let margin = range
        .as_ref()
        .and_then(|r| r.value.checked_sub(f.per_capita));
    match (&range, margin) {
        (Some(r), Some(m)) => {
            let words = if f.per_capita < r.value {
                format!("低于监测范围 {} 元", format_money(m))
            } else if m.is_zero() {
                "恰好等于监测范围（不算低于）".to_string()
            } else {
                format!("不低于监测范围（高出 {} 元）", format_money(-m))
            };
            criteria.push(Criterion {
                code: "within_monitoring_range".into(),
                label: format!("家庭年人均纯收入低于{year}年监测范围"),
                met: f.per_capita < r.value,
                why: format!("人均 {} 元，{words}", format_money(f.per_capita)),
            });
            steps.push(
                Step::new(
                    "是否在监测范围内",
                    words,
                    format!(
                        "{} 与 {} 比较（低于才算）",
                        format_money(f.per_capita),
                        format_money(r.value)
                    ),
                    ANNEX2_ITEM3,
                )
                .with_param(r.to_use()),
            );
        }
        _ => {
            warnings.push(Warning::new(
                "monitoring_range_not_configured",
                format!("{year}年防止返贫监测范围未配置，无法按收入判断；请以当地文件为准"),
                Some("input.date".into()),
            ));
            steps.push(
                Step::new(
                    "是否在监测范围内",
                    "未配置",
                    format!("{year}年监测范围未配置"),
                    ANNEX2_ITEM3,
                )
                .with_param(not_configured(
                    rules,
                    "monitoring_range",
                    At::Year(year),
                )),
            );
        }
    }

    // Monitoring type (national 2021 guidance).
    let after_rigid_below = match (&range, f.after_rigid) {
        (Some(r), Some(a)) => a < r.value,
        _ => false,
    };
    let hardship = after_rigid_below || f.declared;
    let monitoring_type = if !f.hukou {
        None
    } else if f.kind == Kind::Monitored {
        Some(MonitoringType::AlreadyMonitored)
    } else if within == Some(true) {
        Some(match f.kind {
            Kind::PovertyAlleviated => MonitoringType::UnstableAlleviated,
            _ => MonitoringType::Marginal,
        })
    } else if hardship {
        Some(MonitoringType::SuddenHardship)
    } else {
        None
    };
    criteria.push(Criterion {
        code: "sudden_hardship".into(),
        label: "刚性支出较大或收入大幅缩减，基本生活出现严重困难".into(),
        met: hardship,
        why: match (after_rigid_below, f.declared, f.after_rigid) {
            (true, _, Some(a)) => {
                format!("扣除刚性支出后人均 {} 元，低于监测范围", format_money(a))
            }
            (false, true, _) => "本户申报了收入大幅缩减或严重困难（需入户核实）".into(),
            (false, false, Some(a)) => format!(
                "扣除刚性支出后人均 {} 元，不低于监测范围，且未申报严重困难",
                format_money(a)
            ),
            _ => "未申报严重困难，也未填刚性支出".into(),
        },
    });
    let type_text = monitoring_type.map_or("不属于监测范围".to_string(), |t| {
        t.label().to_string()
    });
    steps.push(Step::new(
        "监测对象类型",
        type_text,
        "脱贫户在监测范围内→脱贫不稳定户；一般农户在监测范围内→边缘易致贫户；收入高于监测范围但刚性支出大或收入大幅缩减→突发严重困难户",
        NATIONAL_TYPES,
    ));
    let in_scope = monitoring_type.is_some();
    let out_of_scope_reason = if !f.hukou {
        Some("不是甘肃农业户籍、在甘肃常住的家庭，不属于一键报贫申报对象".to_string())
    } else if in_scope {
        None
    } else {
        Some(match margin {
            Some(m) if m.is_zero() => {
                "人均纯收入恰好等于监测范围（不算低于），且没有刚性支出过大或严重困难的情况"
                    .to_string()
            }
            Some(m) => format!(
                "人均纯收入高于监测范围 {} 元，且没有刚性支出过大或严重困难的情况",
                format_money(-m)
            ),
            None => "监测范围未配置，且没有刚性支出过大或严重困难的情况".to_string(),
        })
    };

    // 六必访 / 六必查 (附件2 第9条).
    let any = |p: &dyn Fn(&Member) -> bool| f.members.iter().any(p);
    let must_visit = codes(&MUST_VISIT, |c| match c {
        "serious_illness" => any(&|m| m.serious_illness),
        "chronic_illness_heavy_burden" => any(&|m| m.chronic),
        "severe_disability" => any(&|m| m.severe_disability),
        "left_behind" => any(&|m| m.left_behind),
        "single_parent_or_incapacitated_elderly" => {
            any(&|m| m.single_parent || m.incapacitated_elderly)
        }
        "major_change_or_disaster" => f.major_change,
        _ => false,
    });
    let must_check = codes(&MUST_CHECK, |c| match c {
        "dibao_or_tekun" => f.on_dibao || f.on_tekun,
        "hospitalized_member" => f.hospitalized,
        "supporting_student" => any(&|m| m.student.is_some()),
        "disabled_member" => any(&|m| m.any_disability),
        "sudden_accident" => f.accident,
        "complaint_reported" => f.complaint,
        _ => false,
    });
    steps.push(Step::new(
        "六必访",
        labels(&MUST_VISIT, &must_visit),
        "符合任一情形的家庭实行重点排查",
        ANNEX2_ITEM9,
    ));
    steps.push(Step::new(
        "六必查",
        labels(&MUST_CHECK, &must_check),
        "符合任一情形的农户严格核查认定",
        ANNEX2_ITEM9,
    ));
    if !f.risks.is_empty() {
        steps.push(Step::new(
            "风险类别",
            labels(&RISKS, &f.risks),
            "按 11 类风险在系统中标注",
            ANNEX2_ITEM10,
        ));
    }

    // Management class (附件2 第13、19条).
    let all_none = f.members.iter().all(|m| m.labour == Some(Labour::None));
    let any_full = any(&|m| m.labour == Some(Labour::Full));
    let management = if all_none {
        Management::CivilAffairs
    } else if any_full {
        Management::Agriculture
    } else {
        Management::Combined
    };
    steps.push(Step::new(
        "分类管理",
        management.label(),
        "整户无劳动能力→民政兜底；有劳动能力→农业农村开发式帮扶；以弱劳力、半劳力为主→两者结合",
        ANNEX2_ITEM13,
    ));

    // Risk elimination for a monitored household (附件2 第14、15条; facts.md A2).
    let risk_elimination = (f.kind == Kind::Monitored).then(|| {
        let m = f.monitoring.as_ref();
        let monitored_6 = m
            .and_then(|m| m.identified_on)
            .and_then(|d| d.checked_add_months(Months::new(6)))
            .is_some_and(|six| six <= f.date);
        let above_now = within != Some(true);
        let seven = rules.keywords("seven_not_eliminate_items").map(|k| k.value).unwrap_or_default();
        let met = |code: &str| -> bool {
            match code {
                "income_stable_6_months" => m.is_some_and(|m| m.stable_months >= 6),
                "income_above_range" => m.is_some_and(|m| m.income_above_range) && above_now,
                "rigid_expenditure_resolved" => m.is_some_and(|m| m.rigid_resolved),
                "three_guarantees_and_water" => m.is_some_and(|m| m.guarantees),
                "risk_eliminated" => m.is_some_and(|m| m.risk_eliminated),
                "monitored_6_months" => monitored_6,
                "measure_in_place" => m.is_some_and(|m| m.measures >= 1),
                "not_whole_household_without_labour" => !all_none,
                "seven_not_eliminate" => m.is_some_and(|m| m.seven_confirmed),
                _ => false,
            }
        };
        // 七不消 counts only once a portal has configured its items.
        let applies = |code: &str| code != "seven_not_eliminate" || !seven.is_empty();
        let unmet: Vec<String> = ELIMINATION_CONDITIONS
            .iter()
            .filter(|(c, _)| applies(c) && !met(c))
            .map(|(c, _)| c.to_string())
            .collect();
        for (code, label) in ELIMINATION_CONDITIONS.into_iter().filter(|(c, _)| applies(c)) {
            criteria.push(Criterion {
                code: format!("elimination.{code}"),
                label: label.to_string(),
                met: met(code),
                why: if met(code) { "已满足".into() } else { "未满足".into() },
            });
        }
        steps.push(Step::new(
            "风险消除条件",
            if unmet.is_empty() { "各项条件均已满足（另须履行程序）".to_string() } else { format!("未满足：{}", labels(&ELIMINATION_CONDITIONS, &unmet)) },
            "收入稳定半年以上、人均纯收入稳定超过监测范围、刚性支出解决、三保障和饮水巩固、风险消除；监测满半年且至少 1 项措施；整户无劳动能力的暂不消除",
            format!("{NATIONAL_ELIMINATION}；{ANNEX2_ITEM15}"),
        ));
        if seven.is_empty() {
            steps.push(Step::new("七不消", "未配置", "工作要点要求坚持“七不消”，但未列出具体条目，本工具不作推断", ANNEX2_ITEM14));
            warnings.push(Warning::new(
                "seven_not_eliminate_not_configured",
                "“七不消”条目未配置：工作要点要求坚持“七不消”，但未列出具体内容，请按当地文件逐条核对",
                None,
            ));
        } else {
            steps.push(Step::new("七不消（本地配置）", seven.join("；"), "逐条核对，均不存在方可标注风险消除", ANNEX2_ITEM14));
        }
        if m.is_none() {
            warnings.push(Warning::new(
                "monitoring_details_missing",
                "未填写监测情况（识别日期、帮扶措施、收入稳定月数等），风险消除条件无法逐项判断",
                Some("input.household.monitoring".into()),
            ));
        }
        RiskElimination {
            eligible: unmet.is_empty(),
            unmet,
            seven_not_eliminate: if seven.is_empty() { "not_configured" } else { "configured" }.into(),
            seven_not_eliminate_items: seven.clone(),
        }
    });

    let benefits = benefits(f, in_scope);
    if !benefits.is_empty() {
        steps.push(Step::new(
            "可了解的帮扶政策",
            benefits
                .iter()
                .map(|b| b.code.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            "按家庭类别和成员情况列出，金额见政策测算",
            MAIN_ITEM3,
        ));
    }

    let result = EligibilityResult {
        in_scope,
        out_of_scope_reason,
        within_monitoring_range: within,
        monitoring_range: range.as_ref().map(|r| format_money(r.value)),
        margin_to_range: margin.map(format_money),
        monitoring_type,
        must_visit,
        must_check,
        management,
        risk_elimination,
        risks: f.risks.clone(),
        criteria,
        benefits,
    };
    Outcome {
        result: serde_json::to_value(result).unwrap_or(Value::Null),
        explanation: steps,
        warnings,
    }
}

/// Which subsidies (rules.md §4) the household may apply for, and why. "Difficult family" and
/// "脱贫人口（含监测对象）" as rules.md §4 defines them; a household in scope counts as a
/// monitored one once identified.
fn benefits(f: &Facts, in_scope: bool) -> Vec<Benefit> {
    let alleviated_or_monitored =
        matches!(f.kind, Kind::PovertyAlleviated | Kind::Monitored) || in_scope;
    let difficult = alleviated_or_monitored || f.on_dibao || f.on_tekun;
    let once = if in_scope && f.kind == Kind::Ordinary {
        "（认定为监测对象后）"
    } else {
        ""
    };
    let mut out = Vec::new();
    let mut push = |code: &str, reason: String| {
        out.push(Benefit {
            code: code.into(),
            reason,
        })
    };
    let any = |p: &dyn Fn(&Member) -> bool| f.members.iter().any(p);
    if difficult && any(&|m| m.student == Some("college") || m.student == Some("high_school")) {
        push(
            "college_grant",
            format!("困难家庭子女考入本科、专科（高职高专）可申请一次性资助{once}"),
        );
    }
    if alleviated_or_monitored && any(&|m| matches!(m.student, Some("vocational" | "college"))) {
        push(
            "yulu",
            format!("脱贫户、监测户子女接受中、高等职业教育可申请雨露计划{once}"),
        );
    }
    if (f.on_tekun || f.on_dibao || f.kind == Kind::Monitored || in_scope)
        && (f.hospitalized || any(&|m| m.serious_illness || m.chronic))
    {
        push(
            "medical_tilt",
            format!("特困、低保、返贫致贫人口大病保险起付线减半、报销比例提高{once}"),
        );
    }
    if f.on_dibao || f.on_tekun {
        push(
            "medical_assistance",
            "低保、特困对象政策范围内自付医疗费用可获医疗救助".into(),
        );
    }
    let working_age = |m: &Member| {
        m.age.is_some_and(|a| (18..=65).contains(&a)) && m.labour != Some(Labour::None)
    };
    if alleviated_or_monitored && any(&working_age) {
        push(
            "microcredit",
            format!("脱贫户、监测户 18–65 周岁有劳动能力的成员可申请小额信贷{once}"),
        );
    }
    if alleviated_or_monitored
        && any(&|m| m.age.is_some_and(|a| a >= 16) && m.labour != Some(Labour::None))
    {
        push(
            "transport",
            format!("自主外出务工满 3 个月可申请务工交通补助{once}"),
        );
        push(
            "public_welfare_job",
            format!("无法外出、无业可就的可申请乡村公益性岗位{once}"),
        );
    }
    out
}
