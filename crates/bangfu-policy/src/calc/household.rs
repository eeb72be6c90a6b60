//! The household as eligibility and subsidy both read it (api.md eligibility `household`):
//! closed vocabularies as enums (kind, labour, student, disability, risk) and one reader, so
//! the two calculators can never understand the same request differently.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Refusal;
use crate::input::{Obj, Reader, Value};

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

fn disability_code(d: Disability) -> &'static str {
    match d {
        Disability::None => "none",
        Disability::Mild => "mild",
        Disability::Severe => "severe",
    }
}

/// Reads one member; `labour` is required.
pub(crate) fn read_member(m: &Value, path: &str, r: &mut Reader) -> Option<Member> {
    let mo = r.object(m, path, "家庭成员")?;
    let flag = |k: &str, l: &str, r: &mut Reader| r.flag(&mo, k, l).unwrap_or(false);
    let labour = r.choice(&mo, "labour", "劳动能力", &Labour::ALL, Labour::code);
    if mo.get("labour").is_none() {
        r.refuse(
            &mo.path_of("labour"),
            Refusal::Choose {
                label: "这位家人还能不能干活（劳动能力）",
                options: &[],
            },
        );
    }
    let disability = r
        .choice(
            &mo,
            "disability",
            "残疾情况",
            &[Disability::None, Disability::Mild, Disability::Severe],
            disability_code,
        )
        .unwrap_or(Disability::None);
    let student = match mo.get("student").and_then(Value::as_str).map(str::trim) {
        Some("none") => None,
        _ => r.choice(&mo, "student", "在读情况", &Student::ALL, Student::code),
    };
    Some(Member {
        age: r.age(&mo, "age", "年龄"),
        labour: labour?,
        serious_illness: flag("serious_illness", "是否大病重病", r),
        chronic: flag("chronic_illness_heavy_burden", "是否慢性病负担重", r),
        disability,
        student,
        left_behind: flag("left_behind", "是否留守", r),
        single_parent: flag("single_parent", "是否单亲", r),
        incapacitated_elderly: flag("incapacitated_elderly", "是否失能老人", r),
    })
}

fn read_monitoring(h: &Obj, r: &mut Reader) -> Option<Monitoring> {
    let mo = r.child(h, "monitoring", "监测情况")?;
    let seven = r
        .flag(&mo, "seven_not_eliminate_checked", "是否已核对七不消")
        .or_else(|| r.flag(&mo, "seven_not_eliminate_confirmed", "是否已核对七不消"));
    Some(Monitoring {
        identified_on: r.date(&mo, "identified_on", "识别认定日期"),
        eliminated_on: r.date(&mo, "eliminated_on", "风险消除日期"),
        measures: r.whole(&mo, "measures_in_place", "已落实帮扶措施数", 0..=100),
        stable_months: r.whole(&mo, "income_stable_months", "收入稳定月数", 0..=600),
        income_above_range: r.flag(&mo, "income_above_range", "收入是否稳定超过监测范围"),
        rigid_resolved: r.flag(&mo, "rigid_expenditure_resolved", "刚性支出是否已解决"),
        guarantees: r.flag(&mo, "three_guarantees_and_water", "三保障和饮水是否巩固"),
        risk_eliminated: r.flag(&mo, "risk_eliminated", "风险是否已消除"),
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
pub(crate) fn read_household(obj: &Obj, how: Strictness, r: &mut Reader) -> Option<Household> {
    let strict = how == Strictness::Eligibility;
    if obj.get("household").is_none() {
        r.refuse(
            "input.household",
            Refusal::Required {
                label: "家庭情况"
            },
        );
        return None;
    }
    let h = r.child(obj, "household", "家庭情况")?;
    let kind = r.choice(
        &h,
        "kind",
        "家庭类别",
        &HouseholdKind::ALL,
        HouseholdKind::code,
    );
    if strict && h.get("kind").is_none() {
        r.refuse(
            "input.household.kind",
            Refusal::Choose {
                label: "您家是哪一类",
                options: &["脱贫户", "一般农户", "已认定的监测户", "不清楚"],
            },
        );
    }
    let hukou = r.flag(&h, "gansu_agricultural_hukou", "是否甘肃农业户籍");
    if strict && h.get("gansu_agricultural_hukou").is_none() {
        r.refuse(
            "input.household.gansu_agricultural_hukou",
            Refusal::Unanswered {
                question: "您家的户口在甘肃农村、平时也住在甘肃吗？",
            },
        );
    }
    let per_capita = if strict {
        r.required_signed_money(&h, "per_capita_net_income", "家庭年人均纯收入")
    } else {
        r.signed_money(&h, "per_capita_net_income", "家庭年人均纯收入")
    };
    let after_rigid = r.signed_money(&h, "per_capita_after_rigid", "扣除刚性支出后人均纯收入");
    let flag = |k: &str, l: &str, r: &mut Reader| r.flag(&h, k, l).unwrap_or(false);
    let mut risks = Vec::new();
    if let Some(list) = r.list(&h, "risks", "风险类别", 11) {
        for (i, v) in list.iter().enumerate() {
            match Risk::ALL
                .iter()
                .find(|k| Some(k.code()) == v.as_str().map(str::trim))
            {
                Some(k) if !risks.contains(k) => risks.push(*k),
                Some(_) => {}
                None => r.refuse(&format!("input.household.risks[{i}]"), Refusal::UnknownRisk),
            }
        }
    }
    let mut members = Vec::new();
    let list = r.list(&h, "members", "家庭成员", 100);
    for (i, m) in list.into_iter().flatten().enumerate() {
        if let Some(member) = read_member(m, &format!("input.household.members[{i}]"), r) {
            members.push(member);
        }
    }
    if strict && list.is_none_or(Vec::is_empty) && h.get("members").is_none_or(|v| v.is_array()) {
        r.refuse("input.household.members", Refusal::NoMembers);
    }
    let household = Household {
        kind: kind.unwrap_or(HouseholdKind::Ordinary),
        hukou,
        relocated_13th_fyp: flag("relocated_13th_fyp", "是否“十三五”易地扶贫搬迁户", r),
        per_capita,
        after_rigid,
        rigid_expenditure: r.money(&h, "rigid_expenditure", "刚性支出"),
        household_size: r.whole(&h, "household_size", "家庭人口", 1..=100),
        declared_hardship: flag("declared_hardship", "是否申报严重困难", r),
        on_dibao: flag("on_dibao", "是否低保", r),
        dibao_class: r.whole(&h, "dibao_class", "低保类别", 1..=4),
        on_dibao_marginal: flag("on_dibao_marginal", "是否低保边缘户", r),
        on_tekun: flag("on_tekun", "是否特困", r),
        orphan: flag("orphan", "是否孤儿或事实无人抚养儿童", r),
        hospitalized: flag("hospitalized_member", "是否有病人住院", r),
        complaint: flag("complaint_reported", "是否有投诉举报", r),
        sudden_accident: flag("sudden_accident", "是否突发意外", r),
        major_change: flag("major_change_or_disaster", "是否遭遇重大变故或自然灾害", r),
        holds_public_welfare_job: flag(
            "holds_public_welfare_job",
            "是否有成员在乡村公益性岗位上岗",
            r,
        ),
        months_worked_away: r.whole(&h, "months_worked_away", "自主外出务工月数", 0..=12),
        risks,
        members,
        monitoring: read_monitoring(&h, r),
    };
    if strict && (kind.is_none() || hukou.is_none() || per_capita.is_none()) {
        return None;
    }
    Some(household)
}
