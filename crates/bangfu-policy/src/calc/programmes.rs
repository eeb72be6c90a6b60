//! Who may apply for each programme (rules.md §4 and its (r2) corrections), decided once:
//! the eligibility checker's benefit list and the subsidy estimator both call [`may_apply`],
//! so a portal override (an age, a year's policy) changes both answers together.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::household::{Household, HouseholdKind, Labour, Member};
use crate::params::{At, Param, RuleSet};

/// The programmes of rules.md §4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    CollegeGrant,
    Yulu,
    MedicalTilt,
    MedicalAssistance,
    Microcredit,
    Transport,
    PublicWelfareJob,
    HousingRetrofit,
    Relocation,
    Accessibility,
    Greenhouse,
    DisabilityAllowance,
}

impl Programme {
    pub const ALL: [Programme; 12] = [
        Self::CollegeGrant,
        Self::Yulu,
        Self::MedicalTilt,
        Self::MedicalAssistance,
        Self::Microcredit,
        Self::Transport,
        Self::PublicWelfareJob,
        Self::HousingRetrofit,
        Self::Relocation,
        Self::Accessibility,
        Self::Greenhouse,
        Self::DisabilityAllowance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::CollegeGrant => "college_grant",
            Self::Yulu => "yulu",
            Self::MedicalTilt => "medical_tilt",
            Self::MedicalAssistance => "medical_assistance",
            Self::Microcredit => "microcredit",
            Self::Transport => "transport",
            Self::PublicWelfareJob => "public_welfare_job",
            Self::HousingRetrofit => "housing_retrofit",
            Self::Relocation => "relocation",
            Self::Accessibility => "accessibility",
            Self::Greenhouse => "greenhouse",
            Self::DisabilityAllowance => "disability_allowance",
        }
    }

    pub fn from_code(code: &str) -> Option<Programme> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::CollegeGrant => "考入大学一次性资助",
            Self::Yulu => "雨露计划",
            Self::MedicalTilt => "大病保险倾斜",
            Self::MedicalAssistance => "医疗救助",
            Self::Microcredit => "脱贫人口小额信贷贴息",
            Self::Transport => "务工交通补助",
            Self::PublicWelfareJob => "乡村公益性岗位补贴",
            Self::HousingRetrofit => "农房抗震改造",
            Self::Relocation => "生态及地质灾害避险搬迁",
            Self::Accessibility => "困难残疾人家庭无障碍改造",
            Self::Greenhouse => "日光温室、养殖暖棚建设补助",
            Self::DisabilityAllowance => "残疾人两项补贴",
        }
    }

    /// Programmes the plan names only as county projects (r2): "可咨询".
    pub fn county_project(self) -> bool {
        matches!(
            self,
            Self::HousingRetrofit | Self::Relocation | Self::Accessibility | Self::Greenhouse
        )
    }
}

/// The answer to "may this household apply?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Every fact needed is known and says yes.
    Yes,
    /// Every fact needed for the no is known and says no.
    No,
    /// Depends on a local rule or on a fact that was not given (需核实/未配置).
    Unknown,
    /// Nothing entered points to it (no student, no illness…): the checker does not list it;
    /// the estimator answers `null` saying which fact is missing.
    NotIndicated,
}

impl Answer {
    pub fn eligible(self) -> Option<bool> {
        match self {
            Answer::Yes => Some(true),
            Answer::No => Some(false),
            Answer::Unknown | Answer::NotIndicated => None,
        }
    }
}

/// The answer with the reasons for it, in the order they were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admissibility {
    pub answer: Answer,
    pub reasons: Vec<String>,
}

/// What the caller knows besides the household: the year whose policy applies.
#[derive(Debug, Clone, Copy)]
pub struct When {
    pub year: i32,
}

/// Collects the verdicts of one programme's conditions; a `No` outranks a missing trigger,
/// which outranks an unknown (keeping the reading that cannot turn a household away).
#[derive(Default)]
struct Verdict {
    no: Vec<String>,
    missing: Vec<String>,
    unknown: Vec<String>,
    yes: Vec<String>,
}

impl Verdict {
    fn no(&mut self, why: impl Into<String>) {
        self.no.push(why.into());
    }
    fn missing(&mut self, why: impl Into<String>) {
        self.missing.push(why.into());
    }
    fn unknown(&mut self, why: impl Into<String>) {
        self.unknown.push(why.into());
    }
    fn yes(&mut self, why: impl Into<String>) {
        self.yes.push(why.into());
    }
    fn finish(self) -> Admissibility {
        let (answer, reasons) = if !self.no.is_empty() {
            (Answer::No, self.no)
        } else if !self.missing.is_empty() {
            (Answer::NotIndicated, [self.missing, self.unknown].concat())
        } else if !self.unknown.is_empty() {
            (Answer::Unknown, [self.yes, self.unknown].concat())
        } else {
            (Answer::Yes, self.yes)
        };
        Admissibility { answer, reasons }
    }
}

fn fmt(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A member of age `lo..=hi` (when known) who can work. `None` = ages not entered.
fn able_member(h: &Household, lo: Decimal, hi: Option<Decimal>) -> Option<bool> {
    let able: Vec<&Member> = h
        .members
        .iter()
        .filter(|m| m.labour != Labour::None)
        .collect();
    if able.iter().any(|m| {
        m.age
            .is_some_and(|a| Decimal::from(a) >= lo && hi.is_none_or(|hi| Decimal::from(a) <= hi))
    }) {
        return Some(true);
    }
    if able.iter().any(|m| m.age.is_none()) || h.members.is_empty() {
        return None;
    }
    Some(false)
}

/// The group test shared by the 脱贫人口（含监测对象）programmes: in the group, out of it, or
/// eliminated (time-bound measures continue; a new application is a local decision).
fn alleviated_group(h: &Household, v: &mut Verdict, yes: &str) {
    match h.kind {
        HouseholdKind::PovertyAlleviated | HouseholdKind::Monitored => v.yes(yes),
        HouseholdKind::RiskEliminated => {
            v.unknown("已消除风险的户：已享受的政策按期限延续，新申请以当地规定为准")
        }
        HouseholdKind::Ordinary => v.no("仅限脱贫人口（含监测对象）"),
    }
}

fn hukou(h: &Household, v: &mut Verdict) {
    match h.hukou {
        Some(true) => {}
        Some(false) => v.no("须为甘肃户籍"),
        None => v.unknown("未填写是否甘肃户籍"),
    }
}

/// Whether the household may apply for `p` in `when.year`, from the rule set's parameters.
pub fn may_apply(p: Programme, h: &Household, rules: &RuleSet, when: When) -> Admissibility {
    let mut v = Verdict::default();
    match p {
        // 主文 第3条; (r2) 孤儿/事实无人抚养儿童 and 残疾人家庭 count as difficult families.
        Programme::CollegeGrant => {
            hukou(h, &mut v);
            if h.difficult() || h.orphan || h.any(Member::disabled) {
                v.yes("困难家庭（脱贫户、监测户、低保、特困、孤儿或残疾人家庭）子女考入本科、专科");
            } else if h.kind == HouseholdKind::RiskEliminated {
                v.unknown("已消除风险的户是否按困难家庭资助，以当地规定为准");
            } else {
                v.no("须为困难家庭（脱贫户、监测户、低保、特困、孤儿或残疾人家庭）");
            }
            if !h.any(|m| m.student.is_some_and(|s| s.college_bound())) {
                v.missing("未填写考入或就读本科、专科（或在读高中）的学生");
            }
        }
        // facts.md E1.
        Programme::Yulu => {
            alleviated_group(h, &mut v, "脱贫户、监测户子女接受中、高等职业教育");
            if !h.any(|m| m.student.is_some_and(|s| s.vocational())) {
                v.missing("未填写接受中职、高职教育的学生");
            }
        }
        // 主文 第3条: 特困人员、孤儿、城乡低保对象、农村返贫致贫人口.
        Programme::MedicalTilt => {
            if h.on_tekun || h.orphan || h.on_dibao || h.kind == HouseholdKind::Monitored {
                v.yes("特困人员、孤儿、城乡低保对象、农村返贫致贫人口：起付线降低50%、分段报销比例提高5个百分点");
            } else if h.kind == HouseholdKind::RiskEliminated {
                v.unknown("已消除风险的户是否继续倾斜，以当地医保部门规定为准");
            } else {
                v.no("倾斜政策仅限特困人员、孤儿、城乡低保对象、农村返贫致贫人口");
            }
            if !(h.hospitalized || h.any(|m| m.serious_illness || m.chronic)) {
                v.missing("未填写大病、慢性病或住院情况");
            }
        }
        // facts.md D; (r2) 国办发〔2021〕42号: monitored and 低保边缘 households too, ratio local.
        Programme::MedicalAssistance => {
            let ill = h.hospitalized || h.any(|m| m.serious_illness || m.chronic);
            if h.on_dibao || h.on_tekun {
                v.yes("低保、特困对象：政策范围内自付费用救助比例不低于70%");
            } else if h.kind == HouseholdKind::Monitored || h.on_dibao_marginal {
                v.yes("返贫致贫人口、低保边缘家庭成员也在医疗救助范围内，救助比例由当地规定");
            } else {
                v.unknown("其他对象（如因病致贫重病患者）是否救助，按当地规定");
                if !ill {
                    v.missing("未填写大病、慢性病或住院情况");
                }
            }
        }
        // facts.md E2; (r2) the notice ran to 2025-12-31: a later year is not configured.
        Programme::Microcredit => microcredit(h, rules, when, &mut v),
        // 甘人社通〔2024〕155号 (facts.md E3).
        Programme::Transport => transport(h, rules, &mut v),
        // facts.md E4; (r2) 低保 without a class asks for it.
        Programme::PublicWelfareJob => public_welfare_job(h, rules, when, &mut v),
        Programme::HousingRetrofit | Programme::Relocation | Programme::Greenhouse => {
            v.unknown("可咨询，按当地项目安排")
        }
        Programme::Accessibility => {
            if !h.any(Member::disabled) {
                v.missing("未填写残疾家庭成员");
            } else if !h.difficult() && h.kind != HouseholdKind::RiskEliminated {
                v.no("须为困难家庭（脱贫户、监测户、低保或特困）的残疾人家庭");
            }
            v.unknown("可咨询，按当地项目安排");
        }
        Programme::DisabilityAllowance => {
            if h.any(Member::disabled) {
                v.yes("有残疾家庭成员：困难残疾人生活补贴、重度残疾人护理补贴，金额以当地为准");
            } else {
                v.missing("未填写残疾家庭成员");
            }
        }
    }
    v.finish()
}

fn public_welfare_job(h: &Household, rules: &RuleSet, when: When, v: &mut Verdict) {
    hukou(h, v);
    if h.alleviated_or_monitored() {
        v.yes("脱贫人口（含监测对象）");
    } else if h.on_dibao {
        match h.dibao_class {
            Some(1 | 2) => v.yes("一、二类低保对象"),
            Some(_) => v.no("仅限脱贫人口（含监测对象）和一、二类低保对象（三类低保不在范围内）"),
            None => v.unknown("请填写低保类别（一、二类低保对象可申请）"),
        }
    } else if h.kind == HouseholdKind::RiskEliminated {
        v.unknown("已消除风险的户：已在岗的按期限延续，新申请以当地规定为准");
    } else {
        v.no("仅限脱贫人口（含监测对象）和一、二类低保对象");
    }
    if rules
        .get(Param::PublicWelfareJobMonthly, At::Year(when.year))
        .is_none()
    {
        v.unknown(format!(
            "{}年乡村公益性岗位政策未配置（原政策延续至2025年12月31日）",
            when.year
        ));
    }
    match rules.fixed(Param::PublicWelfareJobMinAge) {
        Some(lo) => match able_member(h, lo, None) {
            Some(true) => {}
            Some(false) => v.no(format!("须有年满 {} 周岁、能上岗的家庭成员", fmt(lo))),
            None => v.unknown("未填写成员年龄"),
        },
        None => v.unknown("公益性岗位年龄条件未配置"),
    }
}

/// facts.md E2; (r2) the notice ran to 2025-12-31: a later year is not configured.
fn microcredit(h: &Household, rules: &RuleSet, when: When, v: &mut Verdict) {
    let v = &mut *v;
    alleviated_group(h, v, "脱贫户、监测户");
    if rules
        .get(Param::MicrocreditMaxPrincipal, At::Year(when.year))
        .is_none()
    {
        v.unknown(format!(
            "{}年的小额信贷政策未配置（原通知执行至2025年12月31日），以当地规定为准",
            when.year
        ));
    }
    match (
        rules.fixed(Param::MicrocreditMinAge),
        rules.fixed(Param::MicrocreditMaxAge),
    ) {
        (Some(lo), Some(hi)) => match able_member(h, lo, Some(hi)) {
            Some(true) => {}
            Some(false) => v.no(format!(
                "须有 {}–{} 周岁、有劳动能力的借款人",
                fmt(lo),
                fmt(hi)
            )),
            None => v.unknown(format!(
                "借款人年龄原则上 {}–{} 周岁（未填写年龄）",
                fmt(lo),
                fmt(hi)
            )),
        },
        _ => v.unknown("借款人年龄条件未配置"),
    }
}

/// 甘人社通〔2024〕155号: 脱贫人口（含监测对象）, a member who can work, ≥ 3 months away.
fn transport(h: &Household, rules: &RuleSet, v: &mut Verdict) {
    alleviated_group(h, v, "脱贫人口（含监测对象）自主外出务工");
    // Months worked away say by themselves that a member works; otherwise look for one.
    if h.months_worked_away.is_none() {
        match rules.fixed(Param::MinimumWorkingAge) {
            Some(lo) => match able_member(h, lo, None) {
                Some(true) => {}
                Some(false) => v.no(format!("须有年满 {} 周岁、能外出务工的成员", fmt(lo))),
                None => v.unknown("未填写成员年龄"),
            },
            None => v.unknown("最低就业年龄未配置"),
        }
    }
    match (h.months_worked_away, rules.fixed(Param::TransportMinMonths)) {
        (Some(m), Some(min)) if Decimal::from(m) < min => {
            v.no(format!("自主外出务工 {m} 个月，不满 {} 个月", fmt(min)))
        }
        (Some(m), Some(min)) => v.yes(format!(
            "自主外出务工 {m} 个月，满 {} 个月；每年一次",
            fmt(min)
        )),
        (None, Some(min)) => v.unknown(format!("须自主外出务工满 {} 个月（请填写月数）", fmt(min))),
        (_, None) => v.unknown("务工月数要求未配置"),
    }
}
