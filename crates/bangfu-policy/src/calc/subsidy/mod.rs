//! Subsidy estimates (帮扶政策测算) — rules.md §4, revision 2. Who may apply comes from
//! [`crate::calc::programmes::may_apply`] (the same function as the eligibility checker's
//! benefit list); this module adds the amounts. Every estimate states its basis, the
//! parameters used with their confidence, and "以当地最新文件为准"; an amount whose parameter
//! has no source is `null` ("未配置"), never a made-up number.

mod amounts;
mod medical;

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::household::{read_household, Household, Member, Strictness, Student};
use super::programmes::{may_apply, Admissibility, Answer, Programme, When};
use crate::error::ErrorCode;
use crate::explain::{ParamUse, Step, Warning};
use crate::input::{Errors, Obj, Value};
use crate::money::format_money;
use crate::params::{not_configured, At, Confidence, Param, RuleSet};
use crate::Outcome;

pub use medical::{Band, BandBasis};

/// Programme codes and labels (kept for r1 callers; [`Programme`] is the vocabulary).
pub const PROGRAMMES: [(&str, &str); 12] = [
    ("college_grant", "考入大学一次性资助"),
    ("yulu", "雨露计划"),
    ("medical_tilt", "大病保险倾斜"),
    ("medical_assistance", "医疗救助"),
    ("microcredit", "脱贫人口小额信贷贴息"),
    ("transport", "务工交通补助"),
    ("public_welfare_job", "乡村公益性岗位补贴"),
    ("housing_retrofit", "农房抗震改造"),
    ("relocation", "生态及地质灾害避险搬迁"),
    ("accessibility", "困难残疾人家庭无障碍改造"),
    ("greenhouse", "日光温室、养殖暖棚建设补助"),
    ("disability_allowance", "残疾人两项补贴"),
];

pub const LOCAL_NOTE: &str = "以当地最新文件为准";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    pub programme: String,
    pub label: String,
    /// (r2) `true | false | null` (null = depends on a local rule or a missing fact).
    pub eligible: Option<bool>,
    /// `yes` | `no` | `unknown` | `not_indicated` (nothing entered points to it).
    pub answer: Answer,
    /// The estimated amount; null when not eligible, not decided, or not configured.
    pub amount: Option<String>,
    /// What of `amount` counts in `total` (the tilt's gain for medical_tilt; nothing for a
    /// public-welfare post no member holds).
    pub counted: Option<String>,
    pub reasons: Vec<String>,
    pub basis: String,
    /// The lowest confidence among the parameters used.
    pub confidence: Option<Confidence>,
    pub parameters: Vec<ParamUse>,
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_payout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<String>,
    /// medical_tilt: how the segments are measured and the working per band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands_measured_on: Option<BandBasis>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standard_bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tilted_bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<String>,
    #[serde(default)]
    pub locally_set: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsidyResult {
    pub estimates: Vec<Estimate>,
    /// What the household would receive because of these policies, where known.
    pub total: String,
    /// The programmes `total` counts.
    pub total_includes: Vec<String>,
    /// What `total` includes, in one sentence.
    pub total_note: String,
    /// Programmes the household may apply for whose amount is not known ("未配置").
    pub not_configured: Vec<String>,
}

/// Parameters used by one estimate.
pub(crate) struct Ctx<'a> {
    pub rules: &'a RuleSet,
    pub year: i32,
    pub params: Vec<ParamUse>,
}

impl Ctx<'_> {
    pub fn param(&mut self, p: Param, at: At) -> Option<Decimal> {
        match self.rules.get(p, at) {
            Some(r) => {
                self.params.push(r.to_use());
                Some(r.value)
            }
            None => {
                self.params.push(not_configured(self.rules, p.name(), at));
                None
            }
        }
    }
    pub fn yearly(&mut self, p: Param) -> Option<Decimal> {
        self.param(p, At::Year(self.year))
    }
    pub fn fixed(&mut self, p: Param) -> Option<Decimal> {
        self.param(p, At::Always)
    }
    pub fn unset(&mut self, name: &str, label: &str, source: &str) {
        self.params.push(ParamUse {
            name: name.into(),
            label: label.into(),
            value: "未配置".into(),
            confidence: None,
            source: source.into(),
        });
    }
}

pub(crate) fn lowest(params: &[ParamUse]) -> Option<Confidence> {
    // (r2) `local` ranks above `secondary` only when the portal gave its document.
    let rank = |p: &ParamUse| match p.confidence {
        Some(Confidence::Plan | Confidence::Official) => 0,
        Some(Confidence::Local) if p.source != "本地配置" => 1,
        Some(Confidence::Local) => 2,
        Some(Confidence::Secondary) => 2,
        Some(Confidence::Unconfirmed) | None => 3,
    };
    if params.iter().any(|p| p.confidence.is_none()) {
        return None;
    }
    params
        .iter()
        .max_by_key(|p| rank(p))
        .and_then(|p| p.confidence)
}

/// Adds a finding to an admissibility: a `No` outranks everything, an unknown outranks a yes.
pub(crate) fn refine(a: &mut Admissibility, answer: Answer, why: impl Into<String>) {
    let rank = |x: Answer| match x {
        Answer::No => 3,
        Answer::NotIndicated => 2,
        Answer::Unknown => 1,
        Answer::Yes => 0,
    };
    if rank(answer) > rank(a.answer) {
        a.answer = answer;
    }
    a.reasons.push(why.into());
}

/// An estimate from an admissibility; an amount is kept only when `eligible` is true.
pub(crate) fn estimate(
    p: Programme,
    a: Admissibility,
    amount: Option<Decimal>,
    basis: &str,
    ctx: &mut Ctx,
) -> Estimate {
    let params = std::mem::take(&mut ctx.params);
    let eligible = a.answer.eligible();
    let amount = amount.filter(|_| eligible == Some(true)).map(format_money);
    Estimate {
        programme: p.code().into(),
        label: p.label().into(),
        eligible,
        answer: a.answer,
        counted: amount.clone(),
        amount,
        reasons: a.reasons,
        basis: basis.into(),
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
    }
}

fn member(student: Option<Student>) -> Member {
    Member {
        age: None,
        labour: super::household::Labour::None,
        serious_illness: false,
        chronic: false,
        disability: super::household::Disability::None,
        student,
        left_behind: false,
        single_parent: false,
        incapacitated_elderly: false,
    }
}

/// Facts the programme's details enter by themselves: an admission means a college-bound
/// student, vocational students a 雨露计划 student, a medical bill an illness.
fn with_detail_facts(p: Programme, h: &Household, d: Option<&Obj>) -> Household {
    let mut h = h.clone();
    let given = |k: &str| d.is_some_and(|d| !d.is_blank(k));
    match p {
        Programme::CollegeGrant if given("admission") => {
            h.members.push(member(Some(Student::Undergraduate)))
        }
        Programme::Yulu if given("students") => {
            h.members.push(member(Some(Student::SecondaryVocational)))
        }
        Programme::MedicalTilt if given("eligible_cost") => h.hospitalized = true,
        Programme::MedicalAssistance if given("self_paid") => h.hospitalized = true,
        _ => {}
    }
    h
}

fn read_programmes(obj: &Obj, errors: &mut Errors) -> Vec<Programme> {
    let mut out = Vec::new();
    match obj.list("programmes", "测算项目", Programme::ALL.len(), errors) {
        Some(list) => {
            for (i, p) in list.iter().enumerate() {
                match p.as_str().map(str::trim).and_then(Programme::from_code) {
                    Some(c) if !out.contains(&c) => out.push(c),
                    Some(_) => {}
                    None => errors.push(
                        &format!("input.programmes[{i}]"),
                        ErrorCode::UnknownValue,
                        "不认识的测算项目",
                    ),
                }
            }
        }
        None if obj.get("programmes").is_none() => out = Programme::ALL.to_vec(),
        None => {}
    }
    out
}

pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome<SubsidyResult>, Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "政策测算输入", &mut errors) else {
        return Err(errors);
    };
    let year = obj.year("year", "年度", &mut errors);
    let household = read_household(&obj, Strictness::Subsidy, &mut errors);
    let programmes = read_programmes(&obj, &mut errors);
    let details = obj
        .get("details")
        .and_then(|v| Obj::new(v, "input.details", "测算细节", &mut errors));
    let (Some(year), Some(h)) = (year, household) else {
        return Err(errors);
    };
    let mut estimates = Vec::new();
    for p in programmes {
        let d = details
            .as_ref()
            .and_then(|d| d.get(p.code()))
            .and_then(|v| {
                Obj::new(
                    v,
                    &format!("input.details.{}", p.code()),
                    p.label(),
                    &mut errors,
                )
            });
        let facts = with_detail_facts(p, &h, d.as_ref());
        let mut ctx = Ctx {
            rules,
            year,
            params: Vec::new(),
        };
        if let Some(e) = amounts::programme(p, &facts, d.as_ref(), &mut ctx, &mut errors) {
            estimates.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(respond(estimates))
}

/// The total, its wording, the steps and the warnings.
fn respond(estimates: Vec<Estimate>) -> Outcome<SubsidyResult> {
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
    if estimates
        .iter()
        .any(|e| e.programme == "microcredit" && e.reasons.iter().any(|r| r.contains("待确认")))
    {
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

/// `may_apply` for the estimator: the year of the policy in force (a loan's date for 小额信贷).
pub(crate) fn admissibility(
    p: Programme,
    h: &Household,
    ctx: &Ctx,
    year: Option<i32>,
) -> Admissibility {
    may_apply(
        p,
        h,
        ctx.rules,
        When {
            year: year.unwrap_or(ctx.year),
        },
    )
}

/// The year of a date, for [`admissibility`].
pub(crate) fn year_of(d: chrono::NaiveDate) -> i32 {
    d.year()
}
