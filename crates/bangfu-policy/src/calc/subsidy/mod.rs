//! Subsidy estimates (帮扶政策测算) — rules.md §4, revision 2. Who may apply comes from
//! [`crate::calc::programmes::may_apply`] (the same function as the eligibility checker's
//! benefit list); this module adds the amounts. Every estimate states its basis, the
//! parameters used with their confidence, and "以当地最新文件为准"; an amount whose parameter
//! has no source is `null` ("未配置"), never a made-up number.

mod amounts;
mod explain;
mod medical;

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::household::{read_household, Household, Member, Strictness, Student};
use super::programmes::{may_apply, Answer, Programme, When};
use crate::error::Refusal;
use crate::explain::ParamUse;
use crate::input::{Errors, Obj, Reader, Value};
use crate::params::{not_configured, At, Confidence, Param, RuleSet};
use crate::Outcome;
use explain::Finding;

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
    /// The loan date is after the latest recorded LPR (not part of the JSON answer).
    #[serde(skip)]
    pub lpr_unconfirmed: bool,
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
    /// A local value the rule set does not hold: listed as "未配置" with who sets it.
    pub fn unset(&mut self, l: explain::Local) {
        self.params.push(l.not_configured());
    }

    /// A local value given with the request (本地配置).
    pub fn given(&mut self, l: explain::Local, value: Decimal) {
        self.params.push(l.given(value));
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

fn read_programmes(obj: &Obj, r: &mut Reader) -> Vec<Programme> {
    let mut out = Vec::new();
    match r.list(obj, "programmes", "测算项目", Programme::ALL.len()) {
        Some(list) => {
            for (i, p) in list.iter().enumerate() {
                match p.as_str().map(str::trim).and_then(Programme::from_code) {
                    Some(c) if !out.contains(&c) => out.push(c),
                    Some(_) => {}
                    None => r.refuse(&format!("input.programmes[{i}]"), Refusal::UnknownProgramme),
                }
            }
        }
        None if obj.get("programmes").is_none() => out = Programme::ALL.to_vec(),
        None => {}
    }
    out
}

pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome<SubsidyResult>, Errors> {
    let mut r = Reader::new();
    let Some(obj) = r.object(input, "input", "政策测算输入") else {
        return Err(r.into_errors());
    };
    let year = r.year(&obj, "year", "年度");
    let household = read_household(&obj, Strictness::Subsidy, &mut r);
    let programmes = read_programmes(&obj, &mut r);
    let details = r.child(&obj, "details", "测算细节");
    let (Some(year), Some(h)) = (year, household) else {
        return Err(r.into_errors());
    };
    let mut estimates = Vec::new();
    for p in programmes {
        let d = details
            .as_ref()
            .and_then(|d| r.child(d, p.code(), p.label()));
        let facts = with_detail_facts(p, &h, d.as_ref());
        let mut ctx = Ctx {
            rules,
            year,
            params: Vec::new(),
        };
        if let Some(e) = amounts::programme(p, &facts, d.as_ref(), &mut ctx, &mut r) {
            estimates.push(e);
        }
    }
    let estimates = r.finish(Some(estimates))?;
    Ok(explain::respond(estimates))
}

/// `may_apply` for the estimator: the year of the policy in force (a loan's date for 小额信贷).
pub(crate) fn admissibility(p: Programme, h: &Household, ctx: &Ctx, year: Option<i32>) -> Finding {
    Finding::from(may_apply(
        p,
        h,
        ctx.rules,
        When {
            year: year.unwrap_or(ctx.year),
        },
    ))
}

/// The year of a date, for [`admissibility`].
pub(crate) fn year_of(d: chrono::NaiveDate) -> i32 {
    d.year()
}
