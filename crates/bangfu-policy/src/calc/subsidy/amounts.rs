//! The amount of each programme (rules.md §4), after `may_apply` has said who may apply; the
//! details a programme needs (a loan's terms, months worked) may refine that answer.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::medical::medical_tilt;
use super::{admissibility, estimate, lowest, refine, year_of, Ctx, Estimate};
use crate::calc::household::{choice, Household};
use crate::calc::programmes::{Answer, Programme};
use crate::input::{Errors, Obj};
use crate::money::{format_money, format_plain, round_cents};
use crate::params::{not_configured, At, Confidence, Param};
use crate::sources::{MAIN_ITEM22, MAIN_ITEM3};

const YULU_BASIS: &str = "雨露计划（甘肃省，县级乡村振兴部门通知）";
const ASSISTANCE_BASIS: &str =
    "国办发〔2021〕42号；民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第3条";
const TRANSPORT_BASIS: &str = "甘人社通〔2024〕155号";
const JOB_BASIS: &str = "甘肃省乡村公益性岗位政策（省人社厅等）";

pub(crate) fn programme(
    p: Programme,
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    match p {
        Programme::CollegeGrant => college_grant(h, d, ctx, errors),
        Programme::Yulu => yulu(h, d, ctx, errors),
        Programme::MedicalTilt => medical_tilt(h, d, ctx, errors),
        Programme::MedicalAssistance => medical_assistance(h, d, ctx, errors),
        Programme::Microcredit => microcredit(h, d, ctx, errors),
        Programme::Transport => transport(h, d, ctx, errors),
        Programme::PublicWelfareJob => public_welfare_job(h, d, ctx, errors),
        Programme::HousingRetrofit
        | Programme::Relocation
        | Programme::Accessibility
        | Programme::Greenhouse
        | Programme::DisabilityAllowance => Some(local(p, h, d, ctx, errors)),
    }
}

/// 主文 第3条: 10,000 本科 / 8,000 专科, once.
fn college_grant(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    let mut a = admissibility(Programme::CollegeGrant, h, ctx, None);
    let admission = d.and_then(|d| {
        choice(
            d,
            "admission",
            "录取层次",
            &["undergraduate", "junior_college"],
            |s| s,
            errors,
        )
    });
    match d.and_then(|d| d.flag("in_province_gaokao", "是否省内普通高考", errors)) {
        Some(false) => refine(&mut a, Answer::No, "须在省内参加普通高考"),
        Some(true) => {}
        None => a
            .reasons
            .push("按省内参加普通高考计（省外高考不在资助范围）".into()),
    }
    let amount = match admission {
        Some("undergraduate") => ctx.yearly(Param::CollegeGrantUndergraduate),
        Some(_) => ctx.yearly(Param::CollegeGrantJuniorCollege),
        None => {
            a.reasons.push("请选择录取层次（本科或专科）".into());
            None
        }
    };
    Some(estimate(
        Programme::CollegeGrant,
        a,
        amount,
        MAIN_ITEM3,
        ctx,
    ))
}

/// facts.md E1: 3,000 a student a school year.
fn yulu(h: &Household, d: Option<&Obj>, ctx: &mut Ctx, errors: &mut Errors) -> Option<Estimate> {
    let mut a = admissibility(Programme::Yulu, h, ctx, None);
    let listed = h
        .members
        .iter()
        .filter(|m| m.student.is_some_and(|s| s.vocational()))
        .count() as u64;
    let students = d
        .and_then(|d| d.whole("students", "在读学生人数", 1, 20, false, errors))
        .unwrap_or(listed);
    let years = d.and_then(|d| d.whole("years_remaining", "剩余学年", 1, 6, false, errors));
    let per_year = ctx.param(
        Param::YuluPerSchoolYear,
        At::Date(NaiveDate::from_ymd_opt(ctx.year, 9, 1)?),
    );
    let amount = match (per_year, years, students) {
        (_, _, 0) => {
            a.reasons.push("请填写在读职业教育的学生人数".into());
            None
        }
        (Some(p), Some(y), n) => {
            a.reasons
                .push(format!("{} 元/学年 × {n} 人 × {y} 学年", format_plain(p)));
            p.checked_mul(Decimal::from(n))?
                .checked_mul(Decimal::from(y))
        }
        (_, None, _) => {
            a.reasons.push("请填写剩余学年，按学年计算".into());
            None
        }
        (None, _, _) => None,
    };
    Some(estimate(Programme::Yulu, a, amount, YULU_BASIS, ctx))
}

/// facts.md D: ≥ 70% for 低保/特困 within the annual limit; (r2) monitored and 低保边缘
/// households at a locally set ratio.
fn medical_assistance(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    let mut a = admissibility(Programme::MedicalAssistance, h, ctx, None);
    let core = h.on_dibao || h.on_tekun;
    let ratio = if core {
        ctx.fixed(Param::MedicalAssistanceMinRatio)
    } else {
        ctx.fixed(Param::MedicalAssistanceMonitoredRatio)
    };
    let self_paid = d.and_then(|d| d.money("self_paid", "政策范围内个人自付费用", false, errors));
    let limit = d.and_then(|d| d.money("annual_limit", "年度救助限额", false, errors));
    let amount = match (self_paid, ratio) {
        (Some(s), Some(r)) => {
            let raw = round_cents(s.checked_mul(r)?);
            let capped = limit.map_or(raw, |l| raw.min(l));
            a.reasons.push(format!(
                "自付 {} × {}{} = {}{}",
                format_money(s),
                if core { "不低于 " } else { "" },
                format_plain(r),
                format_money(raw),
                match limit {
                    Some(l) => format!("，年度限额 {}", format_money(l)),
                    None => "（年度限额未配置，以当地为准）".into(),
                }
            ));
            if limit.is_none() {
                ctx.unset(
                    "medical_assistance_annual_limit",
                    "医疗救助年度限额",
                    "当地医保部门规定",
                );
            }
            Some(capped)
        }
        (Some(_), None) => {
            a.reasons.push("救助比例由当地规定，未配置".into());
            None
        }
        _ => {
            a.reasons.push("请填写政策范围内个人自付的住院费用".into());
            None
        }
    };
    Some(estimate(
        Programme::MedicalAssistance,
        a,
        amount,
        ASSISTANCE_BASIS,
        ctx,
    ))
}

/// facts.md E2: interest = principal × LPR × years; subsidy = interest × local ratio.
/// (r2) Above the ceiling, or after the notice's end (2025-12-31), the answer is null.
fn microcredit(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    let principal = d.and_then(|d| d.money("principal", "贷款金额", false, errors));
    let years = d.and_then(|d| d.money("years", "贷款期限（年）", false, errors));
    let loan_date = d.and_then(|d| d.date("loan_date", "放款日期", false, errors));
    let ratio = d.and_then(|d| d.money("subsidy_ratio", "贴息比例", false, errors));
    let age = d.and_then(|d| d.whole("borrower_age", "借款人年龄", 0, 150, false, errors));
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
            refine(
                &mut a,
                Answer::No,
                format!(
                    "借款人年龄原则上 {}–{} 周岁",
                    format_plain(lo),
                    format_plain(hi)
                ),
            );
        }
    }
    if let (Some(y), Some(m)) = (years, max_y) {
        if y > m || y.is_zero() {
            refine(
                &mut a,
                Answer::No,
                format!("期限须在 {} 年（含）以内", format_plain(m)),
            );
        }
    }
    if let (Some(p), Some(m)) = (principal, max_p) {
        if p > m {
            refine(
                &mut a,
                Answer::Unknown,
                format!(
                    "超过 {} 万元，不是标准的脱贫人口小额信贷，按当地规定",
                    format_plain(m / Decimal::from(10_000))
                ),
            );
        }
    }
    let (rate, interest, amount) =
        loan_interest(principal, years, loan_date, ratio, max_p, &mut a, ctx)?;
    let basis = format!("银保监发〔2021〕6号；{MAIN_ITEM22}");
    let mut e = estimate(Programme::Microcredit, a, amount, &basis, ctx);
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
fn transport(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    let mut h = h.clone();
    if let Some(m) = d.and_then(|d| d.whole("months_worked", "务工月数", 0, 12, false, errors))
    {
        h.months_worked_away = Some(m);
    }
    let mut a = admissibility(Programme::Transport, &h, ctx, None);
    let destination =
        d.and_then(|d| choice(d, "destination", "务工地点", &DESTINATIONS, |s| s, errors));
    let amount = match destination {
        Some(dest) => ctx.yearly(destination_param(dest)),
        None => {
            a.reasons.push("请选择务工地点".into());
            None
        }
    };
    Some(estimate(
        Programme::Transport,
        a,
        amount,
        TRANSPORT_BASIS,
        ctx,
    ))
}

/// facts.md E4: 500 a month provincially. The pay counts in `total` only when a member holds
/// the post (`household.holds_public_welfare_job`).
fn public_welfare_job(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    let mut h = h.clone();
    if h.dibao_class.is_none() {
        h.dibao_class = d.and_then(|d| d.whole("dibao_class", "低保类别", 1, 3, false, errors));
    }
    let mut a = admissibility(Programme::PublicWelfareJob, &h, ctx, None);
    let months = d
        .and_then(|d| d.whole("months", "在岗月数", 1, 12, false, errors))
        .unwrap_or(12);
    let monthly = ctx.yearly(Param::PublicWelfareJobMonthly);
    if let Some(m) = monthly {
        a.reasons.push(format!(
            "省级补贴 {} 元/月 × {months} 个月（地方可另有配套）",
            format_plain(m)
        ));
    }
    let amount = monthly.and_then(|m| m.checked_mul(Decimal::from(months)));
    let mut e = estimate(Programme::PublicWelfareJob, a, amount, JOB_BASIS, ctx);
    if !h.holds_public_welfare_job {
        e.counted = None;
        e.reasons
            .push("岗位工资是上岗劳动所得：没有成员在岗时不计入合计".into());
    }
    Some(e)
}

/// Programmes whose amount no source gives: a settable amount, (r2) county projects "可咨询".
fn local(
    p: Programme,
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Estimate {
    let a = admissibility(p, h, ctx, None);
    let basis = match p {
        Programme::Accessibility => {
            "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第2条"
        }
        Programme::Greenhouse => "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第5条",
        Programme::DisabilityAllowance => "残疾人两项补贴（甘肃标准未查到，以当地为准）",
        _ => MAIN_ITEM3,
    };
    let set = d.and_then(|d| d.money("amount", "当地补助金额", false, errors));
    if set.is_none() {
        ctx.unset(
            &format!("{}_amount", p.code()),
            &format!("{}金额", p.label()),
            "当地文件",
        );
    }
    let mut e = estimate(p, a, set, basis, ctx);
    if let Some(v) = set {
        e.locally_set = true;
        e.confidence = Some(Confidence::Local);
        e.reasons
            .push(format!("当地设置金额 {} 元（本地配置）", format_money(v)));
        // A county project's locally set amount is shown, but counts only once eligible.
        if e.eligible.is_none() {
            e.amount = Some(format_money(v));
            e.reasons
                .push("是否符合条件以当地项目安排为准，金额未计入合计".into());
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
    a: &mut crate::calc::programmes::Admissibility,
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
                        a.reasons.push(format!(
                            "利率按 {} 起的 LPR；放款日晚于已记录的最新报价，利率待确认",
                            r.at
                        ));
                    }
                    let i = round_cents(p.checked_mul(r.value)?.checked_mul(y)?);
                    a.reasons.push(format!(
                        "{} 元 × {}% × {} 年 = 利息 {} 元",
                        format_plain(p),
                        format_plain(r.value * Decimal::ONE_HUNDRED),
                        format_plain(y),
                        format_money(i)
                    ));
                    rate = Some(format_plain(r.value));
                    interest = Some(format_money(i));
                    match ratio {
                        Some(s) => {
                            a.reasons.push(format!("贴息比例 {}", format_plain(s)));
                            ctx.params.push(crate::explain::ParamUse {
                                name: "subsidy_ratio".into(),
                                label: "贴息比例".into(),
                                value: format_plain(s),
                                confidence: Some(Confidence::Local),
                                source: "本地配置".into(),
                            });
                            amount = Some(round_cents(i * s));
                        }
                        None => {
                            a.reasons.push(
                                "贴息比例未配置（甘肃2024–2025年贴息比例未查到），只给出利息"
                                    .into(),
                            );
                            ctx.unset("subsidy_ratio", "贴息比例", "当地财政部门规定");
                        }
                    }
                }
                None => {
                    ctx.params
                        .push(not_configured(ctx.rules, name.name(), At::Date(date)));
                    a.reasons.push(format!("{date} 的 LPR 未配置"));
                }
            }
        }
        (Some(_), Some(_), Some(_)) => {}
        _ => a.reasons.push("请填写贷款金额、期限和放款日期".into()),
    }
    Some((rate, interest, amount))
}
