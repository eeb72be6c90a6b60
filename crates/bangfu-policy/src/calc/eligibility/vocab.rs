//! The closed vocabularies of rules.md §2: 六必访, 六必查, monitoring types, support approach
//! and lead department, risk-elimination conditions, the §14 procedure, continuing measures.
//! Each has `ALL`, `code()` and `label()`; matches are exhaustive.

use serde::{Deserialize, Serialize};

use crate::calc::household::{Disability, Household, Risk};

/// 六必访 (Plan 附件2 第9条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MustVisit {
    SeriousIllness,
    ChronicIllnessHeavyBurden,
    SevereDisability,
    LeftBehind,
    SingleParentOrIncapacitatedElderly,
    MajorChangeOrDisaster,
}

impl MustVisit {
    pub const ALL: [MustVisit; 6] = [
        Self::SeriousIllness,
        Self::ChronicIllnessHeavyBurden,
        Self::SevereDisability,
        Self::LeftBehind,
        Self::SingleParentOrIncapacitatedElderly,
        Self::MajorChangeOrDisaster,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::SeriousIllness => "大病重病患者",
            Self::ChronicIllnessHeavyBurden => "负担较重的慢性病患者",
            Self::SevereDisability => "重度残疾人",
            Self::LeftBehind => "留守老人妇女儿童",
            Self::SingleParentOrIncapacitatedElderly => "单亲和失能老年人",
            Self::MajorChangeOrDisaster => "遭遇重大变故和自然灾害的家庭",
        }
    }
    pub fn applies(self, h: &Household) -> bool {
        match self {
            Self::SeriousIllness => h.any(|m| m.serious_illness),
            Self::ChronicIllnessHeavyBurden => h.any(|m| m.chronic),
            Self::SevereDisability => h.any(|m| m.disability == Disability::Severe),
            Self::LeftBehind => h.any(|m| m.left_behind),
            Self::SingleParentOrIncapacitatedElderly => {
                h.any(|m| m.single_parent || m.incapacitated_elderly)
            }
            Self::MajorChangeOrDisaster => h.major_change,
        }
    }
}

/// 六必查 (Plan 附件2 第9条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MustCheck {
    DibaoOrTekun,
    HospitalizedMember,
    SupportingStudent,
    DisabledMember,
    SuddenAccident,
    ComplaintReported,
}

impl MustCheck {
    pub const ALL: [MustCheck; 6] = [
        Self::DibaoOrTekun,
        Self::HospitalizedMember,
        Self::SupportingStudent,
        Self::DisabledMember,
        Self::SuddenAccident,
        Self::ComplaintReported,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::DibaoOrTekun => "农村低保和特困供养对象",
            Self::HospitalizedMember => "有病人住院家庭",
            Self::SupportingStudent => "供养高中和大专学生家庭",
            Self::DisabledMember => "残疾人家庭",
            Self::SuddenAccident => "突发意外家庭",
            Self::ComplaintReported => "有投诉举报情况的农户",
        }
    }
    pub fn applies(self, h: &Household) -> bool {
        match self {
            Self::DibaoOrTekun => h.on_dibao || h.on_tekun,
            Self::HospitalizedMember => h.hospitalized,
            Self::SupportingStudent => h.any(|m| m.student.is_some()),
            Self::DisabledMember => h.any(|m| m.disabled()),
            Self::SuddenAccident => h.sudden_accident,
            Self::ComplaintReported => h.complaint,
        }
    }
}

/// Risks that open the 绿色通道 (r2; Plan 附件2 第8条, 主文 第4条).
pub fn disaster_or_accident(h: &Household) -> bool {
    h.has_risk(Risk::NaturalDisaster)
        || h.has_risk(Risk::Accident)
        || h.major_change
        || h.sudden_accident
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
            Self::UnstableAlleviated => "脱贫不稳定户",
            Self::Marginal => "边缘易致贫户",
            Self::SuddenHardship => "突发严重困难户",
            Self::AlreadyMonitored => "已是监测对象",
        }
    }
}

/// (r2) 帮扶方式, Plan 附件2 第13条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportApproach {
    Development,
    Combined,
    Protection,
}

impl SupportApproach {
    pub const ALL: [SupportApproach; 3] = [Self::Development, Self::Combined, Self::Protection];
    pub fn label(self) -> &'static str {
        match self {
            Self::Development => "开发式帮扶（产业、就业）",
            Self::Combined => "开发式帮扶与保障性措施相结合",
            Self::Protection => "兜底保障",
        }
    }
}

/// (r2) 牵头部门, Plan 附件2 第19条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadDepartment {
    Agriculture,
    CivilAffairs,
}

impl LeadDepartment {
    pub fn label(self) -> &'static str {
        match self {
            Self::Agriculture => "农业农村部门",
            Self::CivilAffairs => "民政部门",
        }
    }
}

/// Revision 1's single class, kept one release as an alias of the two outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Management {
    CivilAffairs,
    Agriculture,
    Combined,
}

impl Management {
    pub fn from_r2(approach: SupportApproach) -> Management {
        match approach {
            SupportApproach::Protection => Self::CivilAffairs,
            SupportApproach::Combined => Self::Combined,
            SupportApproach::Development => Self::Agriculture,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::CivilAffairs => "民政部门牵头，兜底保障",
            Self::Agriculture => "农业农村部门牵头，开发式帮扶（产业、就业）",
            Self::Combined => "开发式帮扶与保障性措施相结合",
        }
    }
}

/// Risk-elimination conditions (national standard, facts.md A2; Plan 附件2 第14、15条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EliminationCondition {
    #[serde(rename = "income_stable_6_months")]
    IncomeStable6Months,
    IncomeAboveRange,
    RigidExpenditureResolved,
    ThreeGuaranteesAndWater,
    RiskEliminated,
    #[serde(rename = "monitored_6_months")]
    Monitored6Months,
    MeasureInPlace,
    NotWholeHouseholdWithoutLabour,
    SevenNotEliminate,
}

impl EliminationCondition {
    pub const ALL: [EliminationCondition; 9] = [
        Self::IncomeStable6Months,
        Self::IncomeAboveRange,
        Self::RigidExpenditureResolved,
        Self::ThreeGuaranteesAndWater,
        Self::RiskEliminated,
        Self::Monitored6Months,
        Self::MeasureInPlace,
        Self::NotWholeHouseholdWithoutLabour,
        Self::SevenNotEliminate,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Self::IncomeStable6Months => "income_stable_6_months",
            Self::IncomeAboveRange => "income_above_range",
            Self::RigidExpenditureResolved => "rigid_expenditure_resolved",
            Self::ThreeGuaranteesAndWater => "three_guarantees_and_water",
            Self::RiskEliminated => "risk_eliminated",
            Self::Monitored6Months => "monitored_6_months",
            Self::MeasureInPlace => "measure_in_place",
            Self::NotWholeHouseholdWithoutLabour => "not_whole_household_without_labour",
            Self::SevenNotEliminate => "seven_not_eliminate",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::IncomeStable6Months => "收入持续稳定（不少于半年）",
            Self::IncomeAboveRange => "年人均纯收入稳定超过当年监测范围",
            Self::RigidExpenditureResolved => "大额刚性支出稳定解决",
            Self::ThreeGuaranteesAndWater => "“三保障”和饮水安全持续巩固",
            Self::RiskEliminated => "返贫致贫风险稳定消除或自然消失",
            Self::Monitored6Months => "纳入监测满半年",
            Self::MeasureInPlace => "至少落实 1 项帮扶措施",
            Self::NotWholeHouseholdWithoutLabour => {
                "不是整户无劳动能力（整户无劳动能力的暂不标注消除）"
            }
            Self::SevenNotEliminate => "已逐条核对“七不消”情形，均不存在",
        }
    }
}

/// (r2) The risk-elimination procedure, Plan 附件2 第14条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureStep {
    HomeVisit,
    DemocraticReviewAndNotice,
    VillageReview,
    CountyApprovalAndAnnouncement,
}

impl ProcedureStep {
    pub const ALL: [ProcedureStep; 4] = [
        Self::HomeVisit,
        Self::DemocraticReviewAndNotice,
        Self::VillageReview,
        Self::CountyApprovalAndAnnouncement,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::HomeVisit => "入户核实",
            Self::DemocraticReviewAndNotice => "民主评议和公示",
            Self::VillageReview => "村级评议",
            Self::CountyApprovalAndAnnouncement => "县级审核批准和公告",
        }
    }
}

/// (r2) Time-bound measures that continue after elimination (Plan 附件2 第15条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContinuingMeasure {
    Microcredit,
    PublicWelfareJob,
    Education,
    Yulu,
}

impl ContinuingMeasure {
    pub const ALL: [ContinuingMeasure; 4] = [
        Self::Microcredit,
        Self::PublicWelfareJob,
        Self::Education,
        Self::Yulu,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::Microcredit => "小额信贷（按合同到期）",
            Self::PublicWelfareJob => "公益性岗位（按聘期）",
            Self::Education => "教育帮扶（至学业结束）",
            Self::Yulu => "雨露计划（至学业结束）",
        }
    }
}
