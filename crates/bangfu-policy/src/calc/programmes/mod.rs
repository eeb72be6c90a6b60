//! Who may apply for each programme (rules.md §4 and its (r2) corrections), decided once:
//! the eligibility checker's benefit list and the subsidy estimator both call [`may_apply`],
//! so a portal override (an age, a year's policy) changes both answers together.
//!
//! Rules only: each finding is a typed [`Reason`]; its sentence is in [`explain`].

mod explain;

pub use explain::sentences;

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
    pub reasons: Vec<Reason>,
}

/// Why a programme's answer is what it is (worded in [`explain`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    HukouNo,
    HukouUnknown,
    /// In the 脱贫人口（含监测对象） group, as the programme words it.
    InGroup(Programme),
    EliminatedContinues,
    OnlyAlleviated,
    CollegeDifficultFamily,
    CollegeEliminatedLocal,
    CollegeNotDifficult,
    NoCollegeStudent,
    NoVocationalStudent,
    TiltGroup,
    TiltEliminatedLocal,
    TiltNotInGroup,
    NoIllness,
    AssistanceCore,
    AssistanceMonitored,
    AssistanceOthersLocal,
    CountyProject,
    NoDisabledMember,
    AccessibilityNotDifficult,
    DisabledMember,
    DibaoClass12,
    DibaoClass34,
    DibaoClassUnknown,
    JobEliminated,
    JobNotInGroup,
    JobYearNotConfigured {
        year: i32,
    },
    JobMinAge {
        min: Decimal,
    },
    AgesUnknown,
    JobAgeNotConfigured,
    MicrocreditYearNotConfigured {
        year: i32,
    },
    BorrowerAgeNo {
        lo: Decimal,
        hi: Decimal,
    },
    BorrowerAgeUnknown {
        lo: Decimal,
        hi: Decimal,
    },
    BorrowerAgeNotConfigured,
    WorkerMinAge {
        min: Decimal,
    },
    WorkingAgeNotConfigured,
    TooFewMonthsAway {
        months: u64,
        min: Decimal,
    },
    MonthsAwayMet {
        months: u64,
        min: Decimal,
    },
    MonthsAwayUnknown {
        min: Decimal,
    },
    MonthsAwayNotConfigured,
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
    no: Vec<Reason>,
    missing: Vec<Reason>,
    unknown: Vec<Reason>,
    yes: Vec<Reason>,
}

impl Verdict {
    fn no(&mut self, why: Reason) {
        self.no.push(why);
    }
    fn missing(&mut self, why: Reason) {
        self.missing.push(why);
    }
    fn unknown(&mut self, why: Reason) {
        self.unknown.push(why);
    }
    fn yes(&mut self, why: Reason) {
        self.yes.push(why);
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
fn alleviated_group(h: &Household, v: &mut Verdict, p: Programme) {
    match h.kind {
        HouseholdKind::PovertyAlleviated | HouseholdKind::Monitored => v.yes(Reason::InGroup(p)),
        HouseholdKind::RiskEliminated => v.unknown(Reason::EliminatedContinues),
        HouseholdKind::Ordinary => v.no(Reason::OnlyAlleviated),
    }
}

fn hukou(h: &Household, v: &mut Verdict) {
    match h.hukou {
        Some(true) => {}
        Some(false) => v.no(Reason::HukouNo),
        None => v.unknown(Reason::HukouUnknown),
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
                v.yes(Reason::CollegeDifficultFamily);
            } else if h.kind == HouseholdKind::RiskEliminated {
                v.unknown(Reason::CollegeEliminatedLocal);
            } else {
                v.no(Reason::CollegeNotDifficult);
            }
            if !h.any(|m| m.student.is_some_and(|s| s.college_bound())) {
                v.missing(Reason::NoCollegeStudent);
            }
        }
        // facts.md E1.
        Programme::Yulu => {
            alleviated_group(h, &mut v, Programme::Yulu);
            if !h.any(|m| m.student.is_some_and(|s| s.vocational())) {
                v.missing(Reason::NoVocationalStudent);
            }
        }
        // 主文 第3条: 特困人员、孤儿、城乡低保对象、农村返贫致贫人口.
        Programme::MedicalTilt => {
            if h.on_tekun || h.orphan || h.on_dibao || h.kind == HouseholdKind::Monitored {
                v.yes(Reason::TiltGroup);
            } else if h.kind == HouseholdKind::RiskEliminated {
                v.unknown(Reason::TiltEliminatedLocal);
            } else {
                v.no(Reason::TiltNotInGroup);
            }
            if !(h.hospitalized || h.any(|m| m.serious_illness || m.chronic)) {
                v.missing(Reason::NoIllness);
            }
        }
        // facts.md D; (r2) 国办发〔2021〕42号: monitored and 低保边缘 households too, ratio local.
        Programme::MedicalAssistance => {
            let ill = h.hospitalized || h.any(|m| m.serious_illness || m.chronic);
            if h.on_dibao || h.on_tekun {
                v.yes(Reason::AssistanceCore);
            } else if h.kind == HouseholdKind::Monitored || h.on_dibao_marginal {
                v.yes(Reason::AssistanceMonitored);
            } else {
                v.unknown(Reason::AssistanceOthersLocal);
                if !ill {
                    v.missing(Reason::NoIllness);
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
            v.unknown(Reason::CountyProject)
        }
        Programme::Accessibility => {
            if !h.any(Member::disabled) {
                v.missing(Reason::NoDisabledMember);
            } else if !h.difficult() && h.kind != HouseholdKind::RiskEliminated {
                v.no(Reason::AccessibilityNotDifficult);
            }
            v.unknown(Reason::CountyProject);
        }
        Programme::DisabilityAllowance => {
            if h.any(Member::disabled) {
                v.yes(Reason::DisabledMember);
            } else {
                v.missing(Reason::NoDisabledMember);
            }
        }
    }
    v.finish()
}

fn public_welfare_job(h: &Household, rules: &RuleSet, when: When, v: &mut Verdict) {
    hukou(h, v);
    if h.alleviated_or_monitored() {
        v.yes(Reason::InGroup(Programme::PublicWelfareJob));
    } else if h.on_dibao {
        match h.dibao_class {
            Some(1 | 2) => v.yes(Reason::DibaoClass12),
            Some(_) => v.no(Reason::DibaoClass34),
            None => v.unknown(Reason::DibaoClassUnknown),
        }
    } else if h.kind == HouseholdKind::RiskEliminated {
        v.unknown(Reason::JobEliminated);
    } else {
        v.no(Reason::JobNotInGroup);
    }
    if rules
        .get(Param::PublicWelfareJobMonthly, At::Year(when.year))
        .is_none()
    {
        v.unknown(Reason::JobYearNotConfigured { year: when.year });
    }
    match rules.fixed(Param::PublicWelfareJobMinAge) {
        Some(lo) => match able_member(h, lo, None) {
            Some(true) => {}
            Some(false) => v.no(Reason::JobMinAge { min: lo }),
            None => v.unknown(Reason::AgesUnknown),
        },
        None => v.unknown(Reason::JobAgeNotConfigured),
    }
}

/// facts.md E2; (r2) the notice ran to 2025-12-31: a later year is not configured.
fn microcredit(h: &Household, rules: &RuleSet, when: When, v: &mut Verdict) {
    let v = &mut *v;
    alleviated_group(h, v, Programme::Microcredit);
    if rules
        .get(Param::MicrocreditMaxPrincipal, At::Year(when.year))
        .is_none()
    {
        v.unknown(Reason::MicrocreditYearNotConfigured { year: when.year });
    }
    match (
        rules.fixed(Param::MicrocreditMinAge),
        rules.fixed(Param::MicrocreditMaxAge),
    ) {
        (Some(lo), Some(hi)) => match able_member(h, lo, Some(hi)) {
            Some(true) => {}
            Some(false) => v.no(Reason::BorrowerAgeNo { lo, hi }),
            None => v.unknown(Reason::BorrowerAgeUnknown { lo, hi }),
        },
        _ => v.unknown(Reason::BorrowerAgeNotConfigured),
    }
}

/// 甘人社通〔2024〕155号: 脱贫人口（含监测对象）, a member who can work, ≥ 3 months away.
fn transport(h: &Household, rules: &RuleSet, v: &mut Verdict) {
    alleviated_group(h, v, Programme::Transport);
    // Months worked away say by themselves that a member works; otherwise look for one.
    if h.months_worked_away.is_none() {
        match rules.fixed(Param::MinimumWorkingAge) {
            Some(lo) => match able_member(h, lo, None) {
                Some(true) => {}
                Some(false) => v.no(Reason::WorkerMinAge { min: lo }),
                None => v.unknown(Reason::AgesUnknown),
            },
            None => v.unknown(Reason::WorkingAgeNotConfigured),
        }
    }
    match (h.months_worked_away, rules.fixed(Param::TransportMinMonths)) {
        (Some(m), Some(min)) if Decimal::from(m) < min => {
            v.no(Reason::TooFewMonthsAway { months: m, min })
        }
        (Some(m), Some(min)) => v.yes(Reason::MonthsAwayMet { months: m, min }),
        (None, Some(min)) => v.unknown(Reason::MonthsAwayUnknown { min }),
        (_, None) => v.unknown(Reason::MonthsAwayNotConfigured),
    }
}
