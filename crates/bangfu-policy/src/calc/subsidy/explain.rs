//! Every sentence and citation of the subsidy estimator: how each [`Note`] of the amounts
//! reads, the basis each programme cites, the estimate as the API returns it, and the total
//! with its steps and warnings. The amounts (`amounts.rs`, `medical.rs`) only choose notes.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{lowest, BandBasis, Ctx, Estimate, SubsidyResult, LOCAL_NOTE};
use crate::calc::programmes::{Admissibility, Answer, Programme, Reason};
use crate::explain::{ParamUse, Step, Warning};
use crate::money::{format_money, format_plain};
use crate::params::Confidence;
use crate::sources::{cite_all, Source};
use crate::Outcome;

/// What the estimator found beside the programme rules (worded below).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Note {
    GaokaoOutOfProvince,
    GaokaoAssumedInProvince,
    ChooseAdmission,
    EnterVocationalStudents,
    YuluWorking {
        per_year: Decimal,
        students: u64,
        years: u64,
    },
    EnterYearsRemaining,
    AssistanceWorking {
        self_paid: Decimal,
        at_least: bool,
        ratio: Decimal,
        raw: Decimal,
        limit: Option<Decimal>,
    },
    AssistanceRatioNotConfigured,
    EnterSelfPaid,
    BorrowerAge {
        lo: Decimal,
        hi: Decimal,
    },
    TermTooLong {
        max: Decimal,
    },
    AbovePrincipalCeiling {
        max: Decimal,
    },
    LprToBeConfirmed {
        from: String,
    },
    Interest {
        principal: Decimal,
        rate: Decimal,
        years: Decimal,
        interest: Decimal,
    },
    SubsidyRatio {
        ratio: Decimal,
    },
    SubsidyRatioNotConfigured,
    LprNotConfigured {
        date: NaiveDate,
    },
    EnterLoan,
    ChooseDestination,
    JobWorking {
        monthly: Decimal,
        months: u64,
    },
    JobPayNotCounted,
    LocalAmount {
        amount: Decimal,
    },
    LocalAmountNotCounted,
    TiltScheduleNotConfigured,
    EnterEligibleCost,
    TiltWorking {
        cost: Decimal,
        deductible: Decimal,
        standard: Decimal,
        tilted_deductible: Decimal,
        plus: Decimal,
        tilted: Decimal,
        basis: BandBasis,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (m, p) = (format_money, format_plain);
        match self {
            Note::GaokaoOutOfProvince => f.write_str("须在省内参加普通高考"),
            Note::GaokaoAssumedInProvince => {
                f.write_str("按省内参加普通高考计（省外高考不在资助范围）")
            }
            Note::ChooseAdmission => f.write_str("请选择录取层次（本科或专科）"),
            Note::EnterVocationalStudents => f.write_str("请填写在读职业教育的学生人数"),
            Note::YuluWorking {
                per_year,
                students,
                years,
            } => write!(f, "{} 元/学年 × {students} 人 × {years} 学年", p(*per_year)),
            Note::EnterYearsRemaining => f.write_str("请填写剩余学年，按学年计算"),
            Note::AssistanceWorking {
                self_paid,
                at_least,
                ratio,
                raw,
                limit,
            } => {
                write!(
                    f,
                    "自付 {} × {}{} = {}",
                    m(*self_paid),
                    if *at_least { "不低于 " } else { "" },
                    p(*ratio),
                    m(*raw)
                )?;
                match limit {
                    Some(l) => write!(f, "，年度限额 {}", m(*l)),
                    None => f.write_str("（年度限额未配置，以当地为准）"),
                }
            }
            Note::AssistanceRatioNotConfigured => f.write_str("救助比例由当地规定，未配置"),
            Note::EnterSelfPaid => f.write_str("请填写政策范围内个人自付的住院费用"),
            Note::BorrowerAge { lo, hi } => {
                write!(f, "借款人年龄原则上 {}–{} 周岁", p(*lo), p(*hi))
            }
            Note::TermTooLong { max } => write!(f, "期限须在 {} 年（含）以内", p(*max)),
            Note::AbovePrincipalCeiling { max } => write!(
                f,
                "超过 {} 万元，不是标准的脱贫人口小额信贷，按当地规定",
                p(*max / Decimal::from(10_000))
            ),
            Note::LprToBeConfirmed { from } => write!(
                f,
                "利率按 {from} 起的 LPR；放款日晚于已记录的最新报价，利率待确认"
            ),
            Note::Interest {
                principal,
                rate,
                years,
                interest,
            } => write!(
                f,
                "{} 元 × {}% × {} 年 = 利息 {} 元",
                p(*principal),
                p(*rate * Decimal::ONE_HUNDRED),
                p(*years),
                m(*interest)
            ),
            Note::SubsidyRatio { ratio } => write!(f, "贴息比例 {}", p(*ratio)),
            Note::SubsidyRatioNotConfigured => {
                f.write_str("贴息比例未配置（甘肃2024–2025年贴息比例未查到），只给出利息")
            }
            Note::LprNotConfigured { date } => write!(f, "{date} 的 LPR 未配置"),
            Note::EnterLoan => f.write_str("请填写贷款金额、期限和放款日期"),
            Note::ChooseDestination => f.write_str("请选择务工地点"),
            Note::JobWorking { monthly, months } => write!(
                f,
                "省级补贴 {} 元/月 × {months} 个月（地方可另有配套）",
                p(*monthly)
            ),
            Note::JobPayNotCounted => {
                f.write_str("岗位工资是上岗劳动所得：没有成员在岗时不计入合计")
            }
            Note::LocalAmount { amount } => {
                write!(f, "当地设置金额 {} 元（本地配置）", m(*amount))
            }
            Note::LocalAmountNotCounted => {
                f.write_str("是否符合条件以当地项目安排为准，金额未计入合计")
            }
            Note::TiltScheduleNotConfigured => {
                f.write_str("当地大病保险起付线和分段比例未配置，请填写或由门户配置")
            }
            Note::EnterEligibleCost => f.write_str("请填写政策范围内医疗费用"),
            Note::TiltWorking {
                cost,
                deductible,
                standard,
                tilted_deductible,
                plus,
                tilted,
                basis,
            } => write!(
                f,
                "费用 {}：标准起付线 {}，报销 {}；倾斜后起付线 {}、各段比例 +{}，报销 {}（{}）",
                m(*cost),
                m(*deductible),
                m(*standard),
                m(*tilted_deductible),
                p(*plus),
                m(*tilted),
                match basis {
                    BandBasis::AboveDeductible => "分段按起付线以上部分计",
                    BandBasis::TotalCost => "分段按总费用计",
                }
            ),
        }
    }
}

/// A value only a local document sets (no source gives it for Gansu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Local {
    AssistanceLimit,
    SubsidyRatio,
    TiltSchedule,
    /// The amount of a programme no source gives.
    Amount(Programme),
}

impl Local {
    fn name(self) -> String {
        match self {
            Local::AssistanceLimit => "medical_assistance_annual_limit".into(),
            Local::SubsidyRatio => "subsidy_ratio".into(),
            Local::TiltSchedule => "critical_illness_schedule".into(),
            Local::Amount(p) => format!("{}_amount", p.code()),
        }
    }

    fn label(self) -> String {
        match self {
            Local::AssistanceLimit => "医疗救助年度限额".into(),
            Local::SubsidyRatio => "贴息比例".into(),
            Local::TiltSchedule => "大病保险起付线和分段比例".into(),
            Local::Amount(p) => format!("{}金额", p.label()),
        }
    }

    /// Who sets it.
    fn setter(self) -> &'static str {
        match self {
            Local::AssistanceLimit => "当地医保部门规定",
            Local::SubsidyRatio => "当地财政部门规定",
            Local::TiltSchedule => "甘肃/武威医保部门规定（未查到），请由门户配置或填写",
            Local::Amount(_) => "当地文件",
        }
    }

    pub fn not_configured(self) -> ParamUse {
        ParamUse {
            name: self.name(),
            label: self.label(),
            value: "未配置".into(),
            confidence: None,
            source: self.setter().into(),
        }
    }

    pub fn given(self, value: Decimal) -> ParamUse {
        ParamUse {
            name: self.name(),
            label: self.label(),
            value: format_plain(value),
            confidence: Some(Confidence::Local),
            source: "本地配置".into(),
        }
    }
}

/// One reason of an estimate: the programme rule's or the estimator's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    Rule(Reason),
    Note(Note),
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Rule(r) => r.fmt(f),
            Why::Note(n) => n.fmt(f),
        }
    }
}

/// The answer for one programme while its amount is worked out: `may_apply`'s answer and
/// reasons, refined by the details (a loan's terms, months worked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub answer: Answer,
    pub reasons: Vec<Why>,
}

impl From<Admissibility> for Finding {
    fn from(a: Admissibility) -> Finding {
        Finding {
            answer: a.answer,
            reasons: a.reasons.into_iter().map(Why::Rule).collect(),
        }
    }
}

impl Finding {
    /// Adds a note that does not change the answer.
    pub fn note(&mut self, n: Note) {
        self.reasons.push(Why::Note(n));
    }

    /// Adds a finding: a `No` outranks everything, an unknown outranks a yes.
    pub fn refine(&mut self, answer: Answer, n: Note) {
        let rank = |x: Answer| match x {
            Answer::No => 3,
            Answer::NotIndicated => 2,
            Answer::Unknown => 1,
            Answer::Yes => 0,
        };
        if rank(answer) > rank(self.answer) {
            self.answer = answer;
        }
        self.note(n);
    }
}

/// The document each programme's amount rests on.
pub(crate) fn basis(p: Programme) -> String {
    match p {
        Programme::CollegeGrant | Programme::MedicalTilt => Source::Plan(3).cite(),
        Programme::Yulu => Source::GansuYulu.cite(),
        Programme::MedicalAssistance => cite_all(&[Source::StateCouncilMedical, Source::Plan(3)]),
        Programme::Microcredit => cite_all(&[Source::MicrocreditNotice, Source::Plan(22)]),
        Programme::Transport => Source::GansuEmployment.cite(),
        Programme::PublicWelfareJob => Source::GansuPublicWelfareJobs.cite(),
        Programme::Accessibility => Source::Plan(2).cite(),
        Programme::Greenhouse => Source::Plan(5).cite(),
        Programme::DisabilityAllowance => Source::DisabilityAllowance.cite(),
        Programme::HousingRetrofit | Programme::Relocation => Source::Plan(3).cite(),
    }
}

/// An estimate from a finding; an amount is kept only when `eligible` is true.
pub(crate) fn estimate(
    p: Programme,
    a: Finding,
    amount: Option<Decimal>,
    ctx: &mut Ctx,
) -> Estimate {
    let params = std::mem::take(&mut ctx.params);
    let eligible = a.answer.eligible();
    let amount = amount.filter(|_| eligible == Some(true)).map(format_money);
    let lpr_unconfirmed = a
        .reasons
        .iter()
        .any(|w| matches!(w, Why::Note(Note::LprToBeConfirmed { .. })));
    Estimate {
        programme: p.code().into(),
        label: p.label().into(),
        eligible,
        answer: a.answer,
        counted: amount.clone(),
        amount,
        reasons: a.reasons.iter().map(ToString::to_string).collect(),
        basis: basis(p),
        confidence: lowest(&params),
        parameters: params,
        note: LOCAL_NOTE.into(),
        standard_payout: None,
        difference: None,
        bands_measured_on: None,
        standard_bands: Vec::new(),
        tilted_bands: Vec::new(),
        rate: None,
        interest: None,
        locally_set: false,
        lpr_unconfirmed,
    }
}

/// The total, its wording, the steps and the warnings.
pub(crate) fn respond(estimates: Vec<Estimate>) -> Outcome<SubsidyResult> {
    let counted: Vec<&Estimate> = estimates
        .iter()
        .filter(|e| e.eligible == Some(true) && e.counted.is_some())
        .collect();
    let total = counted
        .iter()
        .filter_map(|e| {
            e.counted
                .as_deref()
                .and_then(|a| crate::text::parse_decimal(a).ok())
        })
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
        .unwrap_or_default();
    let total_includes: Vec<String> = counted.iter().map(|e| e.programme.clone()).collect();
    let total_note = if counted.is_empty() {
        "合计为 0：没有符合条件且金额已知的项目".to_string()
    } else {
        format!(
            "合计只计算因这些政策本户可多得到的钱：{}；大病保险倾斜只计倾斜多报销的部分，公益性岗位工资只在有成员上岗时计入，待核实或未配置的项目不计入",
            counted.iter().map(|e| e.label.as_str()).collect::<Vec<_>>().join("、")
        )
    };
    let not_configured: Vec<String> = estimates
        .iter()
        .filter(|e| e.eligible == Some(true) && e.amount.is_none())
        .map(|e| e.programme.clone())
        .collect();
    let mut steps: Vec<Step> = estimates
        .iter()
        .map(|e| {
            let value = match (e.eligible, &e.amount) {
                (Some(false), _) => "不符合条件".to_string(),
                (None, _) => "需核实".to_string(),
                (Some(true), Some(a)) => format!("{a} 元"),
                (Some(true), None) => "未配置".to_string(),
            };
            let mut s = Step::new(
                e.label.clone(),
                value,
                e.reasons.join("；"),
                e.basis.clone(),
            );
            s.parameters = e.parameters.clone();
            s
        })
        .collect();
    steps.push(Step::new(
        "合计",
        format!("{} 元", format_money(total)),
        total_note.clone(),
        LOCAL_NOTE,
    ));
    let mut warnings = Vec::new();
    if !not_configured.is_empty() {
        let labels: Vec<&str> = estimates
            .iter()
            .filter(|e| not_configured.contains(&e.programme))
            .map(|e| e.label.as_str())
            .collect();
        warnings.push(Warning::new(
            "amount_not_configured",
            format!(
                "{} 的金额未配置，未计入合计；请以当地文件为准",
                labels.join("、")
            ),
            None,
        ));
    }
    if estimates.iter().any(|e| e.lpr_unconfirmed) {
        warnings.push(Warning::new(
            "lpr_to_be_confirmed",
            "贷款日期晚于已记录的最新 LPR，利率待确认",
            Some("input.details.microcredit.loan_date".into()),
        ));
    }
    let result = SubsidyResult {
        total: format_money(total),
        total_includes,
        total_note,
        not_configured,
        estimates,
    };
    Outcome {
        result,
        explanation: steps,
        warnings,
    }
}
