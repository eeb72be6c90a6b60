//! The household as eligibility and subsidy both read it (api.md eligibility `household`):
//! closed vocabularies as enums (kind, labour, student, disability, risk) and one reader, so
//! the two calculators can never understand the same request differently.

use crate::error::ErrorCode;
use crate::input::{Errors, Obj, Value};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// 家庭类别.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseholdKind {
    PovertyAlleviated,
    Ordinary,
    Monitored,
    /// (r2) A monitored household whose risk was marked eliminated.
    RiskEliminated,
}

impl HouseholdKind {
    pub const ALL: [HouseholdKind; 4] = [
        Self::PovertyAlleviated,
        Self::Ordinary,
        Self::Monitored,
        Self::RiskEliminated,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Self::PovertyAlleviated => "poverty_alleviated",
            Self::Ordinary => "ordinary",
            Self::Monitored => "monitored",
            Self::RiskEliminated => "risk_eliminated",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::PovertyAlleviated => "脱贫户",
            Self::Ordinary => "一般农户",
            Self::Monitored => "监测户",
            Self::RiskEliminated => "已消除风险的监测户",
        }
    }
}

/// A member's labour capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Labour {
    Full,
    /// 弱劳力、半劳力.
    Partial,
    None,
}

impl Labour {
    pub const ALL: [Labour; 3] = [Self::Full, Self::Partial, Self::None];
    pub fn code(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Partial => "partial",
            Self::None => "none",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Full => "有劳动能力",
            Self::Partial => "弱劳力或半劳力",
            Self::None => "无劳动能力",
        }
    }
}

/// What a member studies (r1 codes and the (r2) finer ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Student {
    HighSchool,
    /// r1: 中职 or 高职, not told apart.
    Vocational,
    /// r1: 大专 or 本科, not told apart.
    College,
    SecondaryVocational,
    HigherVocational,
    Undergraduate,
}

impl Student {
    pub const ALL: [Student; 6] = [
        Self::HighSchool,
        Self::Vocational,
        Self::College,
        Self::SecondaryVocational,
        Self::HigherVocational,
        Self::Undergraduate,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Self::HighSchool => "high_school",
            Self::Vocational => "vocational",
            Self::College => "college",
            Self::SecondaryVocational => "secondary_vocational",
            Self::HigherVocational => "higher_vocational",
            Self::Undergraduate => "undergraduate",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::HighSchool => "高中",
            Self::Vocational => "职业教育",
            Self::College => "大专或本科",
            Self::SecondaryVocational => "中职",
            Self::HigherVocational => "高职",
            Self::Undergraduate => "本科",
        }
    }
    /// 雨露计划: secondary or higher vocational education. An r1 `college` may be 高职, so it
    /// counts (a pointer, never a refusal).
    pub fn vocational(self) -> bool {
        match self {
            Self::Vocational
            | Self::SecondaryVocational
            | Self::HigherVocational
            | Self::College => true,
            Self::HighSchool | Self::Undergraduate => false,
        }
    }
    /// Entering or in 本科/专科 — or about to (高中), for the college entry grant.
    pub fn college_bound(self) -> bool {
        match self {
            Self::HighSchool | Self::College | Self::HigherVocational | Self::Undergraduate => true,
            Self::Vocational | Self::SecondaryVocational => false,
        }
    }
}

/// 残疾情况.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disability {
    None,
    Mild,
    Severe,
}

/// The 11 risk categories (Plan 附件2 第10条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    Illness,
    Schooling,
    Housing,
    DrinkingWater,
    Disability,
    NaturalDisaster,
    Accident,
    BusinessFailure,
    UnstableEmployment,
    LackOfLabour,
    Other,
}

impl Risk {
    pub const ALL: [Risk; 11] = [
        Self::Illness,
        Self::Schooling,
        Self::Housing,
        Self::DrinkingWater,
        Self::Disability,
        Self::NaturalDisaster,
        Self::Accident,
        Self::BusinessFailure,
        Self::UnstableEmployment,
        Self::LackOfLabour,
        Self::Other,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Self::Illness => "illness",
            Self::Schooling => "schooling",
            Self::Housing => "housing",
            Self::DrinkingWater => "drinking_water",
            Self::Disability => "disability",
            Self::NaturalDisaster => "natural_disaster",
            Self::Accident => "accident",
            Self::BusinessFailure => "business_failure",
            Self::UnstableEmployment => "unstable_employment",
            Self::LackOfLabour => "lack_of_labour",
            Self::Other => "other",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Illness => "因病",
            Self::Schooling => "因学",
            Self::Housing => "因安全住房",
            Self::DrinkingWater => "因安全饮水",
            Self::Disability => "因残",
            Self::NaturalDisaster => "因自然灾害",
            Self::Accident => "因意外事故",
            Self::BusinessFailure => "因产业项目失败",
            Self::UnstableEmployment => "因务工就业不稳",
            Self::LackOfLabour => "因缺劳动力",
            Self::Other => "其他",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Member {
    pub age: Option<u64>,
    pub labour: Labour,
    pub serious_illness: bool,
    pub chronic: bool,
    pub disability: Disability,
    pub student: Option<Student>,
    pub left_behind: bool,
    pub single_parent: bool,
    pub incapacitated_elderly: bool,
}

impl Member {
    pub fn disabled(&self) -> bool {
        self.disability != Disability::None
    }
}

/// What a cadre records about a monitored household (api.md `monitoring`); `None` = not entered.
#[derive(Debug, Clone, Default)]
pub struct Monitoring {
    pub identified_on: Option<NaiveDate>,
    pub eliminated_on: Option<NaiveDate>,
    pub measures: Option<u64>,
    pub stable_months: Option<u64>,
    pub income_above_range: Option<bool>,
    pub rigid_resolved: Option<bool>,
    pub guarantees: Option<bool>,
    pub risk_eliminated: Option<bool>,
    /// (r2) The cadre went through the local 七不消 list (r1 name: `seven_not_eliminate_confirmed`).
    pub seven_checked: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Household {
    pub kind: HouseholdKind,
    /// `None` when not answered (the subsidy estimator does not require it).
    pub hukou: Option<bool>,
    pub relocated_13th_fyp: bool,
    pub per_capita: Option<Decimal>,
    pub after_rigid: Option<Decimal>,
    pub rigid_expenditure: Option<Decimal>,
    pub household_size: Option<u64>,
    pub declared_hardship: bool,
    pub on_dibao: bool,
    pub dibao_class: Option<u64>,
    pub on_dibao_marginal: bool,
    pub on_tekun: bool,
    pub orphan: bool,
    pub hospitalized: bool,
    pub complaint: bool,
    pub sudden_accident: bool,
    pub major_change: bool,
    /// A member holds a 乡村公益性岗位 (subsidy `total` counts the post's pay only then).
    pub holds_public_welfare_job: bool,
    /// Months of self-arranged work away this year (务工交通补助), when known.
    pub months_worked_away: Option<u64>,
    pub risks: Vec<Risk>,
    pub members: Vec<Member>,
    pub monitoring: Option<Monitoring>,
}

impl Household {
    pub fn any(&self, p: impl Fn(&Member) -> bool) -> bool {
        self.members.iter().any(p)
    }
    pub fn has_risk(&self, r: Risk) -> bool {
        self.risks.contains(&r)
    }
    /// 脱贫人口（含监测对象）: rules.md §4.
    pub fn alleviated_or_monitored(&self) -> bool {
        matches!(
            self.kind,
            HouseholdKind::PovertyAlleviated | HouseholdKind::Monitored
        )
    }
    /// 困难家庭 (rules.md §4): 脱贫户, 监测户, 低保 or 特困.
    pub fn difficult(&self) -> bool {
        self.alleviated_or_monitored() || self.on_dibao || self.on_tekun
    }
    /// Every member has no labour (整户无劳动能力).
    pub fn no_labour(&self) -> bool {
        !self.members.is_empty() && self.members.iter().all(|m| m.labour == Labour::None)
    }
}

/// Reads a closed-vocabulary code, recording an unknown one.
pub(crate) fn choice<T: Copy>(
    obj: &Obj,
    key: &str,
    label: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    errors: &mut Errors,
) -> Option<T> {
    match obj.get(key) {
        None => None,
        Some(Value::String(s)) => match all.iter().find(|a| code(**a) == s.trim()) {
            Some(a) => Some(*a),
            None => {
                let list: Vec<&str> = all.iter().map(|a| code(*a)).collect();
                errors.push(
                    &obj.path_of(key),
                    ErrorCode::UnknownValue,
                    format!("{label}只能是：{}", list.join("、")),
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

fn disability_code(d: Disability) -> &'static str {
    match d {
        Disability::None => "none",
        Disability::Mild => "mild",
        Disability::Severe => "severe",
    }
}

/// Reads one member; `labour` is required.
pub(crate) fn read_member(m: &Value, path: &str, errors: &mut Errors) -> Option<Member> {
    let mo = Obj::new(m, path, "家庭成员", errors)?;
    let flag = |k: &str, l: &str, e: &mut Errors| mo.flag(k, l, e).unwrap_or(false);
    let labour = choice(
        &mo,
        "labour",
        "劳动能力",
        &Labour::ALL,
        Labour::code,
        errors,
    );
    if mo.get("labour").is_none() {
        errors.push(
            &mo.path_of("labour"),
            ErrorCode::Required,
            "请选择这名成员的劳动能力",
        );
    }
    let disability = choice(
        &mo,
        "disability",
        "残疾情况",
        &[Disability::None, Disability::Mild, Disability::Severe],
        disability_code,
        errors,
    )
    .unwrap_or(Disability::None);
    let student = match mo.get("student").and_then(Value::as_str).map(str::trim) {
        Some("none") => None,
        _ => choice(
            &mo,
            "student",
            "在读情况",
            &Student::ALL,
            Student::code,
            errors,
        ),
    };
    Some(Member {
        age: mo.whole("age", "年龄", 0, 150, false, errors),
        labour: labour?,
        serious_illness: flag("serious_illness", "是否大病重病", errors),
        chronic: flag("chronic_illness_heavy_burden", "是否慢性病负担重", errors),
        disability,
        student,
        left_behind: flag("left_behind", "是否留守", errors),
        single_parent: flag("single_parent", "是否单亲", errors),
        incapacitated_elderly: flag("incapacitated_elderly", "是否失能老人", errors),
    })
}

fn read_monitoring(h: &Obj, errors: &mut Errors) -> Option<Monitoring> {
    let v = h.get("monitoring")?;
    let mo = Obj::new(v, "input.household.monitoring", "监测情况", errors)?;
    let seven = mo
        .flag("seven_not_eliminate_checked", "是否已核对七不消", errors)
        .or_else(|| mo.flag("seven_not_eliminate_confirmed", "是否已核对七不消", errors));
    Some(Monitoring {
        identified_on: mo.date("identified_on", "识别认定日期", false, errors),
        eliminated_on: mo.date("eliminated_on", "风险消除日期", false, errors),
        measures: mo.whole(
            "measures_in_place",
            "已落实帮扶措施数",
            0,
            100,
            false,
            errors,
        ),
        stable_months: mo.whole(
            "income_stable_months",
            "收入稳定月数",
            0,
            600,
            false,
            errors,
        ),
        income_above_range: mo.flag("income_above_range", "收入是否稳定超过监测范围", errors),
        rigid_resolved: mo.flag("rigid_expenditure_resolved", "刚性支出是否已解决", errors),
        guarantees: mo.flag("three_guarantees_and_water", "三保障和饮水是否巩固", errors),
        risk_eliminated: mo.flag("risk_eliminated", "风险是否已消除", errors),
        seven_checked: seven,
    })
}

/// How strictly a calculator reads the household: eligibility needs kind, hukou, income and
/// at least one member; the estimator takes what it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    Eligibility,
    Subsidy,
}

/// Reads `input.household`.
pub(crate) fn read_household(obj: &Obj, how: Strictness, errors: &mut Errors) -> Option<Household> {
    let strict = how == Strictness::Eligibility;
    let Some(hv) = obj.get("household") else {
        errors.push("input.household", ErrorCode::Required, "请填写家庭情况");
        return None;
    };
    let h = Obj::new(hv, "input.household", "家庭情况", errors)?;
    let kind = choice(
        &h,
        "kind",
        "家庭类别",
        &HouseholdKind::ALL,
        HouseholdKind::code,
        errors,
    );
    if strict && h.get("kind").is_none() {
        errors.push(
            "input.household.kind",
            ErrorCode::Required,
            "请选择家庭类别：脱贫户、一般农户或已是监测对象",
        );
    }
    let hukou = h.flag("gansu_agricultural_hukou", "是否甘肃农业户籍", errors);
    if strict && h.get("gansu_agricultural_hukou").is_none() {
        errors.push(
            "input.household.gansu_agricultural_hukou",
            ErrorCode::Required,
            "请回答：是否甘肃农业户籍、在甘肃常住的家庭",
        );
    }
    let per_capita = h.signed_money("per_capita_net_income", "家庭年人均纯收入", strict, errors);
    let after_rigid = h.signed_money(
        "per_capita_after_rigid",
        "扣除刚性支出后人均纯收入",
        false,
        errors,
    );
    let flag = |k: &str, l: &str, e: &mut Errors| h.flag(k, l, e).unwrap_or(false);
    let mut risks = Vec::new();
    if let Some(list) = h.list("risks", "风险类别", 11, errors) {
        for (i, r) in list.iter().enumerate() {
            match Risk::ALL
                .iter()
                .find(|k| Some(k.code()) == r.as_str().map(str::trim))
            {
                Some(k) if !risks.contains(k) => risks.push(*k),
                Some(_) => {}
                None => errors.push(
                    &format!("input.household.risks[{i}]"),
                    ErrorCode::UnknownValue,
                    "风险类别应为 11 类之一（因病、因学、因安全住房…）",
                ),
            }
        }
    }
    let mut members = Vec::new();
    let list = h.list("members", "家庭成员", 100, errors);
    for (i, m) in list.into_iter().flatten().enumerate() {
        if let Some(member) = read_member(m, &format!("input.household.members[{i}]"), errors) {
            members.push(member);
        }
    }
    if strict && list.is_none_or(Vec::is_empty) && h.get("members").is_none_or(|v| v.is_array()) {
        errors.push(
            "input.household.members",
            ErrorCode::Required,
            "请至少填写一名家庭成员",
        );
    }
    let household = Household {
        kind: kind.unwrap_or(HouseholdKind::Ordinary),
        hukou,
        relocated_13th_fyp: flag("relocated_13th_fyp", "是否“十三五”易地扶贫搬迁户", errors),
        per_capita,
        after_rigid,
        rigid_expenditure: h.money("rigid_expenditure", "刚性支出", false, errors),
        household_size: h.whole("household_size", "家庭人口", 1, 100, false, errors),
        declared_hardship: flag("declared_hardship", "是否申报严重困难", errors),
        on_dibao: flag("on_dibao", "是否低保", errors),
        dibao_class: h.whole("dibao_class", "低保类别", 1, 3, false, errors),
        on_dibao_marginal: flag("on_dibao_marginal", "是否低保边缘户", errors),
        on_tekun: flag("on_tekun", "是否特困", errors),
        orphan: flag("orphan", "是否孤儿或事实无人抚养儿童", errors),
        hospitalized: flag("hospitalized_member", "是否有病人住院", errors),
        complaint: flag("complaint_reported", "是否有投诉举报", errors),
        sudden_accident: flag("sudden_accident", "是否突发意外", errors),
        major_change: flag(
            "major_change_or_disaster",
            "是否遭遇重大变故或自然灾害",
            errors,
        ),
        holds_public_welfare_job: flag(
            "holds_public_welfare_job",
            "是否有成员在乡村公益性岗位上岗",
            errors,
        ),
        months_worked_away: h.whole(
            "months_worked_away",
            "自主外出务工月数",
            0,
            12,
            false,
            errors,
        ),
        risks,
        members,
        monitoring: read_monitoring(&h, errors),
    };
    if strict && (kind.is_none() || hukou.is_none() || per_capita.is_none()) {
        return None;
    }
    Some(household)
}
