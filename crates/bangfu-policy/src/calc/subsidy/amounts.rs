//! The amount of each programme (rules.md §4), after `may_apply` has said who may apply; the
//! details a programme needs (a loan's terms, months worked) may refine that answer.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::explain::{estimate, Finding, Local, Note};
use super::medical::medical_tilt;
use super::{admissibility, lowest, year_of, Ctx, Estimate};
use crate::calc::household::Household;
use crate::calc::programmes::{Answer, Programme};
use crate::input::{Obj, Reader};
use crate::money::{format_money, format_plain, round_cents};
use crate::params::{not_configured, At, Confidence, Param};

pub(crate) fn programme(
    p: Programme,
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    r: &mut Reader,
) -> Option<Estimate> {
    match p {
        Programme::CollegeGrant => college_grant(h, d, ctx, r),
        Programme::Yulu => yulu(h, d, ctx, r),
        Programme::MedicalTilt => medical_tilt(h, d, ctx, r),
        Programme::MedicalAssistance => medical_assistance(h, d, ctx, r),
        Programme::Microcredit => microcredit(h, d, ctx, r),
        Programme::Transport => transport(h, d, ctx, r),
        Programme::PublicWelfareJob => public_welfare_job(h, d, ctx, r),
        Programme::HousingRetrofit
        | Programme::Relocation
        | Programme::Accessibility
        | Programme::Greenhouse
        | Programme::DisabilityAllowance => Some(local(p, h, d, ctx, r)),
    }
}

/// 主文 第3条: 10,000 本科 / 8,000 专科, once.
fn college_grant(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    r: &mut Reader,
) -> Option<Estimate> {
    let mut a = admissibility(Programme::CollegeGrant, h, ctx, None);
    let admission = r.choice(
        d,
        "admission",
        "录取层次",
        &["undergraduate", "junior_college"],
        |s| s,
    );
    match r.flag(d, "in_province_gaokao", "是否省内普通高考") {
        Some(false) => a.refine(Answer::No, Note::GaokaoOutOfProvince),
        Some(true) => {}
        None => a.note(Note::GaokaoAssumedInProvince),
    }
    let amount = match admission {
        Some("undergraduate") => ctx.yearly(Param::CollegeGrantUndergraduate),
        Some(_) => ctx.yearly(Param::CollegeGrantJuniorCollege),
        None => {
            a.note(Note::ChooseAdmission);
            None
        }
    };
    Some(estimate(Programme::CollegeGrant, a, amount, ctx))
}

/// facts.md E1: 3,000 a student a school year.
fn yulu(h: &Household, d: Option<&Obj>, ctx: &mut Ctx, r: &mut Reader) -> Option<Estimate> {
    let mut a = admissibility(Programme::Yulu, h, ctx, None);
    let listed = h
        .members
        .iter()
        .filter(|m| m.student.is_some_and(|s| s.vocational()))
        .count() as u64;
    let students = r
        .whole(d, "students", "在读学生人数", 1..=20)
        .unwrap_or(listed);
    let years = r.whole(d, "years_remaining", "剩余学年", 1..=6);
    let per_year = ctx.param(
        Param::YuluPerSchoolYear,
        At::Date(NaiveDate::from_ymd_opt(ctx.year, 9, 1)?),
    );
    let amount = match (per_year, years, students) {
        (_, _, 0) => {
            a.note(Note::EnterVocationalStudents);
            None
        }
        (Some(p), Some(y), n) => {
            a.note(Note::YuluWorking {
                per_year: p,
                students: n,
                years: y,
            });
            p.checked_mul(Decimal::from(n))?
                .checked_mul(Decimal::from(y))
        }
        (_, None, _) => {
            a.note(Note::EnterYearsRemaining);
            None
        }
        (None, _, _) => None,
    };
    Some(estimate(Programme::Yulu, a, amount, ctx))
}

/// facts.md D: ≥ 70% for 低保/特困 within the annual limit; (r2) monitored and 低保边缘
/// households at a locally set ratio.
fn medical_assistance(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    r: &mut Reader,
) -> Option<Estimate> {
    let mut a = admissibility(Programme::MedicalAssistance, h, ctx, None);
    let core = h.on_dibao || h.on_tekun;
    let ratio = if core {
        ctx.fixed(Param::MedicalAssistanceMinRatio)
    } else {
        ctx.fixed(Param::MedicalAssistanceMonitoredRatio)
    };
    let self_paid = r.money(d, "self_paid", "政策范围内个人自付费用");
    let limit = r.money(d, "annual_limit", "年度救助限额");
    let amount = match (self_paid, ratio) {
        (Some(s), Some(r)) => {
            let raw = round_cents(s.checked_mul(r)?);
            let capped = limit.map_or(raw, |l| raw.min(l));
            a.note(Note::AssistanceWorking {
                self_paid: s,
                at_least: core,
                ratio: r,
                raw,
                limit,
            });
            if limit.is_none() {
                ctx.unset(Local::AssistanceLimit);
            }
            Some(capped)
        }
        (Some(_), None) => {
            a.note(Note::AssistanceRatioNotConfigured);
            None
        }
        _ => {
            a.note(Note::EnterSelfPaid);
            None
        }
    };
    Some(estimate(Programme::MedicalAssistance, a, amount, ctx))
}

/// facts.md E2: interest = principal × LPR × years; subsidy = interest × local ratio.
/// (r2) Above the ceiling, or after the notice's end (2025-12-31), the answer is null.
fn microcredit(h: &Household, d: Option<&Obj>, ctx: &mut Ctx, r: &mut Reader) -> Option<Estimate> {
    let principal = r.money(d, "principal", "贷款金额");
    let years = r.money(d, "years", "贷款期限（年）");
    let loan_date = r.date(d, "loan_date", "放款日期");
    let ratio = r.money(d, "subsidy_ratio", "贴息比例");
    let age = r.age(d, "borrower_age", "借款人年龄");
    let policy_year = loan_date.map_or(ctx.year, year_of);
    let mut a = admissibility(Programme::Microcredit, h, ctx, Some(policy_year));
    let max_p = ctx.param(Param::MicrocreditMaxPrincipal, At::Year(policy_year));
    let max_y = ctx.fixed(Param::MicrocreditMaxYears);
    if let (Some(age), Some(lo), Some(hi)) = (
        age,
        ctx.fixed(Param::MicrocreditMinAge),
        ctx.fixed(Param::MicrocreditMaxAge),
    ) {
        if Decimal::from(age) < lo || Decimal::from(age) > hi {
            a.refine(Answer::No, Note::BorrowerAge { lo, hi });
        }
    }
    if let (Some(y), Some(m)) = (years, max_y) {
        if y > m || y.is_zero() {
            a.refine(Answer::No, Note::TermTooLong { max: m });
        }
    }
    if let (Some(p), Some(m)) = (principal, max_p) {
        if p > m {
            a.refine(Answer::Unknown, Note::AbovePrincipalCeiling { max: m });
        }
    }
    let (rate, interest, amount) =
        loan_interest(principal, years, loan_date, ratio, max_p, &mut a, ctx)?;
    let mut e = estimate(Programme::Microcredit, a, amount, ctx);
    e.rate = rate;
    e.interest = interest;
    e.confidence = lowest(&e.parameters);
    Some(e)
}

/// The month of the latest recorded LPR (YYYY-MM), to flag later loan dates.
fn latest_lpr_month(ctx: &Ctx) -> String {
    let far = NaiveDate::from_ymd_opt(*crate::YEARS.end(), 1, 1).unwrap_or_default();
    ctx.rules
        .get(Param::Lpr1y, At::Date(far))
        .map(|r| r.at.get(..7).unwrap_or("").to_string())
        .unwrap_or_default()
}

const DESTINATIONS: [&str; 4] = [
    "shaanxi_ningxia",
    "other_province",
    "in_province_other_city",
    "in_city_other_county",
];

fn destination_param(dest: &str) -> Param {
    match dest {
        "shaanxi_ningxia" => Param::TransportShaanxiNingxia,
        "other_province" => Param::TransportOtherProvince,
        "in_province_other_city" => Param::TransportInProvinceOtherCity,
        _ => Param::TransportInCityOtherCounty,
    }
}

/// 甘人社通〔2024〕155号: ≥ 3 months of self-arranged work away; amount by destination.
fn transport(h: &Household, d: Option<&Obj>, ctx: &mut Ctx, r: &mut Reader) -> Option<Estimate> {
    let mut h = h.clone();
    if let Some(m) = r.whole(d, "months_worked", "务工月数", 0..=12) {
        h.months_worked_away = Some(m);
    }
    let mut a = admissibility(Programme::Transport, &h, ctx, None);
    let destination = r.choice(d, "destination", "务工地点", &DESTINATIONS, |s| s);
    let amount = match destination {
        Some(dest) => ctx.yearly(destination_param(dest)),
        None => {
            a.note(Note::ChooseDestination);
            None
        }
    };
    Some(estimate(Programme::Transport, a, amount, ctx))
}

/// facts.md E4: 500 a month provincially. The pay counts in `total` only when a member holds
/// the post (`household.holds_public_welfare_job`).
fn public_welfare_job(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    r: &mut Reader,
) -> Option<Estimate> {
    let mut h = h.clone();
    if h.dibao_class.is_none() {
        h.dibao_class = r.whole(d, "dibao_class", "低保类别", 1..=4);
    }
    let mut a = admissibility(Programme::PublicWelfareJob, &h, ctx, None);
    let months = r.whole(d, "months", "在岗月数", 1..=12).unwrap_or(12);
    let monthly = ctx.yearly(Param::PublicWelfareJobMonthly);
    if let Some(m) = monthly {
        a.note(Note::JobWorking { monthly: m, months });
    }
    let amount = monthly.and_then(|m| m.checked_mul(Decimal::from(months)));
    if !h.holds_public_welfare_job {
        a.note(Note::JobPayNotCounted);
    }
    let mut e = estimate(Programme::PublicWelfareJob, a, amount, ctx);
    if !h.holds_public_welfare_job {
        e.counted = None;
    }
    Some(e)
}

/// Programmes whose amount no source gives: a settable amount, (r2) county projects "可咨询".
fn local(p: Programme, h: &Household, d: Option<&Obj>, ctx: &mut Ctx, r: &mut Reader) -> Estimate {
    let mut a = admissibility(p, h, ctx, None);
    let set = r.money(d, "amount", "当地补助金额");
    if set.is_none() {
        ctx.unset(Local::Amount(p));
    }
    let undecided = a.answer.eligible().is_none();
    if let Some(v) = set {
        a.note(Note::LocalAmount { amount: v });
        if undecided {
            a.note(Note::LocalAmountNotCounted);
        }
    }
    let mut e = estimate(p, a, set, ctx);
    if let Some(v) = set {
        e.locally_set = true;
        e.confidence = Some(Confidence::Local);
        // A county project's locally set amount is shown, but counts only once eligible.
        if undecided {
            e.amount = Some(format_money(v));
        }
    }
    e
}

/// Interest over the term at the LPR in force on the loan date (1-year LPR for ≤ 1 year,
/// 5-year above), and the subsidy at the local ratio (facts.md E2, H).
#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn loan_interest(
    principal: Option<Decimal>,
    years: Option<Decimal>,
    loan_date: Option<NaiveDate>,
    ratio: Option<Decimal>,
    max_p: Option<Decimal>,
    a: &mut Finding,
    ctx: &mut Ctx,
) -> Option<(Option<String>, Option<String>, Option<Decimal>)> {
    let mut rate = None;
    let mut interest = None;
    let mut amount = None;
    match (principal, years, loan_date) {
        (Some(p), Some(y), Some(date))
            if a.answer != Answer::Unknown || max_p.is_none_or(|m| p <= m) =>
        {
            let name = if y <= Decimal::ONE {
                Param::Lpr1y
            } else {
                Param::Lpr5y
            };
            match ctx.rules.get(name, At::Date(date)) {
                Some(r) => {
                    ctx.params.push(r.to_use());
                    if crate::dates::year_month(date) > latest_lpr_month(ctx) {
                        a.note(Note::LprToBeConfirmed { from: r.at.clone() });
                    }
                    let i = round_cents(p.checked_mul(r.value)?.checked_mul(y)?);
                    a.note(Note::Interest {
                        principal: p,
                        rate: r.value,
                        years: y,
                        interest: i,
                    });
                    rate = Some(format_plain(r.value));
                    interest = Some(format_money(i));
                    match ratio {
                        Some(s) => {
                            a.note(Note::SubsidyRatio { ratio: s });
                            ctx.given(Local::SubsidyRatio, s);
                            amount = Some(round_cents(i * s));
                        }
                        None => {
                            a.note(Note::SubsidyRatioNotConfigured);
                            ctx.unset(Local::SubsidyRatio);
                        }
                    }
                }
                None => {
                    ctx.params
                        .push(not_configured(ctx.rules, name.name(), At::Date(date)));
                    a.note(Note::LprNotConfigured { date });
                }
            }
        }
        (Some(_), Some(_), Some(_)) => {}
        _ => a.note(Note::EnterLoan),
    }
    Some((rate, interest, amount))
}
