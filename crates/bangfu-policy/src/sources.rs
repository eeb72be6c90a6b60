//! The documents the engine cites, as one typed [`Source`] with one rendering
//! ([`fmt::Display`]): 《标题》（文号）第N条 for the plan, 《附件标题》（文号 附件2）第N条 for its
//! annexes, and the same shape for every other document. Nothing here names an internal note,
//! the specification or a newspaper: users see documents.

use std::fmt;

/// The Minqin plan's issuing number (the main text and both annexes).
const PLAN_NUMBER: &str = "民农领发〔2024〕9号";
const PLAN_TITLE: &str = "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点";
const ANNEX1_TITLE: &str = "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接帮扶工作要点";
const ANNEX2_TITLE: &str = "民勤县2024年防止返贫动态监测和帮扶工作要点";

/// A document (and where in it) the engine relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The plan's main text, item N (主文 第N条).
    Plan(u8),
    /// The plan's main text, 二、主要目标 (“一高于、两提升”).
    PlanGoals,
    /// 附件1《帮扶工作要点》, item N.
    Annex1(u8),
    /// 附件2《防止返贫动态监测和帮扶工作要点》, item N.
    Annex2(u8),
    /// 附件2, several items read together (第13条、第19条).
    Annex2Items(&'static [u8]),
    /// 《民法典》第二百零一条: the start day is not counted.
    CivilCode201,
    /// 会计基础工作规范, article N (how amounts are written in words).
    AccountingBasics(u8),
    /// The national monitoring mechanism (三类监测对象), 中农组发〔2021〕7号.
    NationalMechanism,
    /// The national risk-elimination standard, as published by county governments.
    NationalElimination,
    /// Gansu's 一键报贫 operating guide.
    GansuOneClickGuide,
    /// Gansu's 2023 一键报贫 notice with its working-day limits.
    GansuOneClickTimes,
    /// 国办发〔2021〕42号 (serious-illness insurance and medical assistance).
    StateCouncilMedical,
    /// 银保监发〔2021〕6号 (小额信贷 in the transition period).
    MicrocreditNotice,
    /// 甘人社通〔2024〕155号 (transport subsidy for migrant work).
    GansuEmployment,
    /// Gansu's 雨露计划 as run by county rural-revitalisation offices.
    GansuYulu,
    /// Gansu's notice extending the rural public-welfare posts.
    GansuPublicWelfareJobs,
    /// 残疾人两项补贴: Gansu's standard not found.
    DisabilityAllowance,
}

impl Source {
    /// The citation as users read it.
    pub fn cite(self) -> String {
        self.to_string()
    }
}

/// `第3条`, or `第13条、第19条`.
fn items(f: &mut fmt::Formatter<'_>, items: &[u8]) -> fmt::Result {
    for (i, n) in items.iter().enumerate() {
        let sep = if i == 0 { "" } else { "、" };
        write!(f, "{sep}第{n}条")?;
    }
    Ok(())
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Plan(n) => write!(f, "《{PLAN_TITLE}》（{PLAN_NUMBER}）第{n}条"),
            Source::PlanGoals => write!(f, "《{PLAN_TITLE}》（{PLAN_NUMBER}）二、主要目标"),
            Source::Annex1(n) => write!(f, "《{ANNEX1_TITLE}》（{PLAN_NUMBER} 附件1）第{n}条"),
            Source::Annex2(n) => write!(f, "《{ANNEX2_TITLE}》（{PLAN_NUMBER} 附件2）第{n}条"),
            Source::Annex2Items(list) => {
                write!(f, "《{ANNEX2_TITLE}》（{PLAN_NUMBER} 附件2）")?;
                items(f, list)
            }
            Source::CivilCode201 => {
                f.write_str("《中华人民共和国民法典》第二百零一条（开始的当日不计入）")
            }
            Source::AccountingBasics(n) => write!(f, "《会计基础工作规范》第{n}条"),
            Source::NationalMechanism => f.write_str(
                "中央农村工作领导小组《关于健全防止返贫动态监测和帮扶机制的指导意见》（中农组发〔2021〕7号）",
            ),
            Source::NationalElimination => {
                f.write_str("防止返贫监测对象风险消除标准（国家口径，县级政府公开文本）")
            }
            Source::GansuOneClickGuide => {
                f.write_str("甘肃省“一键报贫”操作指南（临夏市乡村振兴局 2023-03-22 转发）")
            }
            Source::GansuOneClickTimes => f.write_str(
                "甘肃省“一键报贫”申报须知（5 个工作日核查、5 个工作日反馈、15 个工作日办结）",
            ),
            Source::StateCouncilMedical => f.write_str(
                "《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）",
            ),
            Source::MicrocreditNotice => f.write_str(
                "《关于深入扎实做好过渡期脱贫人口小额信贷工作的通知》（银保监发〔2021〕6号）",
            ),
            Source::GansuEmployment => f.write_str(
                "《省人社厅 农业农村厅 财政厅 发改委关于做好脱贫人口就业帮扶工作的通知》（甘人社通〔2024〕155号）",
            ),
            Source::GansuYulu => f.write_str("甘肃省雨露计划（县级乡村振兴部门通知）"),
            Source::GansuPublicWelfareJobs => f.write_str(
                "甘肃省人社厅等《关于延续执行乡村公益性岗位政策的通知》",
            ),
            Source::DisabilityAllowance => {
                f.write_str("残疾人两项补贴（甘肃标准未查到，以当地为准）")
            }
        }
    }
}

impl From<Source> for String {
    fn from(s: Source) -> String {
        s.cite()
    }
}

/// Several sources read together, in order: `A；B`.
pub fn cite_all(sources: &[Source]) -> String {
    sources
        .iter()
        .map(|s| s.cite())
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_items_of_annex_2_read_as_one_citation() {
        assert_eq!(
            Source::Annex2Items(&[13, 19]).cite(),
            "《民勤县2024年防止返贫动态监测和帮扶工作要点》（民农领发〔2024〕9号 附件2）第13条、第19条"
        );
        assert_eq!(
            cite_all(&[Source::StateCouncilMedical, Source::Plan(3)]),
            "《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）；《民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》（民农领发〔2024〕9号）第3条"
        );
    }
}
