//! Every sentence of the programme rules: how each [`Reason`] reads to a cadre or a farmer.
//! The rules in `mod.rs` only choose reasons; the wording lives here.

use std::fmt;

use rust_decimal::Decimal;

use super::{Admissibility, Programme, Reason};

/// A number of years, months or yuan as written in a sentence (`18`, not `18.00`).
fn n(d: &Decimal) -> String {
    d.normalize().to_string()
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::HukouNo => f.write_str("须为甘肃户籍"),
            Reason::HukouUnknown => f.write_str("未填写是否甘肃户籍"),
            Reason::InGroup(p) => f.write_str(match p {
                Programme::Yulu => "脱贫户、监测户子女接受中、高等职业教育",
                Programme::Microcredit => "脱贫户、监测户",
                Programme::Transport => "脱贫人口（含监测对象）自主外出务工",
                _ => "脱贫人口（含监测对象）",
            }),
            Reason::EliminatedContinues => {
                f.write_str("已消除风险的户：已享受的政策按期限延续，新申请以当地规定为准")
            }
            Reason::OnlyAlleviated => f.write_str("仅限脱贫人口（含监测对象）"),
            Reason::CollegeDifficultFamily => f.write_str(
                "困难家庭（脱贫户、监测户、低保、特困、孤儿或残疾人家庭）子女考入本科、专科",
            ),
            Reason::CollegeEliminatedLocal => {
                f.write_str("已消除风险的户是否按困难家庭资助，以当地规定为准")
            }
            Reason::CollegeNotDifficult => {
                f.write_str("须为困难家庭（脱贫户、监测户、低保、特困、孤儿或残疾人家庭）")
            }
            Reason::NoCollegeStudent => {
                f.write_str("未填写考入或就读本科、专科（或在读高中）的学生")
            }
            Reason::NoVocationalStudent => f.write_str("未填写接受中职、高职教育的学生"),
            Reason::TiltGroup => f.write_str(
                "特困人员、孤儿、城乡低保对象、农村返贫致贫人口：起付线降低50%、分段报销比例提高5个百分点",
            ),
            Reason::TiltEliminatedLocal => {
                f.write_str("已消除风险的户是否继续倾斜，以当地医保部门规定为准")
            }
            Reason::TiltNotInGroup => {
                f.write_str("倾斜政策仅限特困人员、孤儿、城乡低保对象、农村返贫致贫人口")
            }
            Reason::NoIllness => f.write_str("未填写大病、慢性病或住院情况"),
            Reason::AssistanceCore => {
                f.write_str("低保、特困对象：政策范围内自付费用救助比例不低于70%")
            }
            Reason::AssistanceMonitored => f.write_str(
                "返贫致贫人口、低保边缘家庭成员也在医疗救助范围内，救助比例由当地规定",
            ),
            Reason::AssistanceOthersLocal => {
                f.write_str("其他对象（如因病致贫重病患者）是否救助，按当地规定")
            }
            Reason::CountyProject => f.write_str("当地项目，具体条件和金额问村委会"),
            Reason::NoDisabledMember => f.write_str("未填写残疾家庭成员"),
            Reason::AccessibilityNotDifficult => {
                f.write_str("须为困难家庭（脱贫户、监测户、低保或特困）的残疾人家庭")
            }
            Reason::DisabledMember => f.write_str(
                "有残疾家庭成员：困难残疾人生活补贴、重度残疾人护理补贴，金额以当地为准",
            ),
            Reason::DibaoClass12 => f.write_str("一、二类低保对象"),
            Reason::DibaoClass34 => f.write_str(
                "仅限脱贫人口（含监测对象）和一、二类低保对象（三、四类低保不在范围内）",
            ),
            Reason::DibaoClassUnknown => {
                f.write_str("请填写低保类别（一、二类低保对象可申请）")
            }
            Reason::JobEliminated => {
                f.write_str("已消除风险的户：已在岗的按期限延续，新申请以当地规定为准")
            }
            Reason::JobNotInGroup => f.write_str("仅限脱贫人口（含监测对象）和一、二类低保对象"),
            Reason::JobYearNotConfigured { year } => write!(
                f,
                "{year}年乡村公益性岗位政策未配置（原政策延续至2025年12月31日）"
            ),
            Reason::JobMinAge { min } => {
                write!(f, "须有年满 {} 周岁、能上岗的家庭成员", n(min))
            }
            Reason::AgesUnknown => f.write_str("未填写成员年龄"),
            Reason::JobAgeNotConfigured => f.write_str("公益性岗位年龄条件未配置"),
            Reason::MicrocreditYearNotConfigured { year } => write!(
                f,
                "{year}年的小额信贷政策未配置（原通知执行至2025年12月31日），以当地规定为准"
            ),
            Reason::BorrowerAgeNo { lo, hi } => {
                write!(f, "须有 {}–{} 周岁、有劳动能力的借款人", n(lo), n(hi))
            }
            Reason::BorrowerAgeUnknown { lo, hi } => {
                write!(f, "借款人年龄原则上 {}–{} 周岁（未填写年龄）", n(lo), n(hi))
            }
            Reason::BorrowerAgeNotConfigured => f.write_str("借款人年龄条件未配置"),
            Reason::WorkerMinAge { min } => {
                write!(f, "须有年满 {} 周岁、能外出务工的成员", n(min))
            }
            Reason::WorkingAgeNotConfigured => f.write_str("最低就业年龄未配置"),
            Reason::TooFewMonthsAway { months, min } => {
                write!(f, "自主外出务工 {months} 个月，不满 {} 个月", n(min))
            }
            Reason::MonthsAwayMet { months, min } => {
                write!(f, "自主外出务工 {months} 个月，满 {} 个月；每年一次", n(min))
            }
            Reason::MonthsAwayUnknown { min } => {
                write!(f, "须自主外出务工满 {} 个月（请填写月数）", n(min))
            }
            Reason::MonthsAwayNotConfigured => f.write_str("务工月数要求未配置"),
        }
    }
}

/// The reasons of an answer, in the order they were found, as sentences.
pub fn sentences(a: &Admissibility) -> Vec<String> {
    a.reasons.iter().map(ToString::to_string).collect()
}
