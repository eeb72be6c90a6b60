//! Subsidy estimates (帮扶政策测算) — rules.md §4. Every estimate states its basis, the
//! parameters used with their confidence, and "以当地最新文件为准"; an amount whose parameter
//! has no source is `null` ("未配置"), never a made-up number.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::eligibility::{choice, read_member, Labour, Member};
use crate::error::ErrorCode;
use crate::explain::{ParamUse, Step, Warning};
use crate::input::{Errors, Obj};
use crate::money::{format_money, format_plain, round_cents};
use crate::params::{not_configured, At, Confidence, Resolved, RuleSet};
use crate::sources::MAIN_ITEM3;
use crate::Outcome;

/// Programmes with a computed amount, then those whose amount is set locally.
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

/// The locally-set programmes: the plan or facts name them, no source gives an amount.
const LOCAL: [(&str, &str); 5] = [
    ("housing_retrofit", MAIN_ITEM3),
    ("relocation", MAIN_ITEM3),
    (
        "accessibility",
        "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第2条",
    ),
    (
        "greenhouse",
        "民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第5条",
    ),
    (
        "disability_allowance",
        "残疾人两项补贴（甘肃标准未查到，以当地为准）",
    ),
];

pub const LOCAL_NOTE: &str = "以当地最新文件为准";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    pub programme: String,
    pub label: String,
    pub eligible: bool,
    /// The estimated amount, or null when a parameter is not configured or not eligible.
    pub amount: Option<String>,
    pub reasons: Vec<String>,
    pub basis: String,
    /// The lowest confidence among the parameters used.
    pub confidence: Option<Confidence>,
    pub parameters: Vec<ParamUse>,
    pub note: String,
    /// medical_tilt: the untilted payout and the difference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_payout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<String>,
    /// microcredit: the rate used and the interest over the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<String>,
    /// Amounts set locally by the page (本地配置) rather than by a source.
    #[serde(default)]
    pub locally_set: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsidyResult {
    pub estimates: Vec<Estimate>,
    /// Sum of the eligible amounts that are known.
    pub total: String,
    /// Programmes asked whose amount is not known ("未配置").
    pub not_configured: Vec<String>,
}

struct Household {
    kind: &'static str,
    hukou: bool,
    on_dibao: bool,
    on_tekun: bool,
    orphan: bool,
    members: Vec<Member>,
}

impl Household {
    /// 脱贫人口（含监测对象）: rules.md §4.
    fn alleviated_or_monitored(&self) -> bool {
        matches!(self.kind, "poverty_alleviated" | "monitored")
    }

    /// 困难家庭: rules.md §4.
    fn difficult(&self) -> bool {
        self.alleviated_or_monitored() || self.on_dibao || self.on_tekun
    }
}

fn lowest(params: &[ParamUse]) -> Option<Confidence> {
    let rank = |c: &Confidence| match c {
        Confidence::Plan | Confidence::Official => 0,
        Confidence::Local => 1,
        Confidence::Secondary => 2,
        Confidence::Unconfirmed => 3,
    };
    if params.iter().any(|p| p.confidence.is_none()) {
        return None;
    }
    params.iter().filter_map(|p| p.confidence).max_by_key(rank)
}

fn label_of(code: &str) -> &'static str {
    PROGRAMMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, l)| l)
}

struct Ctx<'a> {
    rules: &'a RuleSet,
    year: i32,
    params: Vec<ParamUse>,
}

impl Ctx<'_> {
    fn at(&self, name: &str, at: At) -> Option<Resolved<Decimal>> {
        self.rules.decimal(name, at)
    }

    /// A parameter, recorded for the estimate (or its "未配置" entry).
    fn param(&mut self, name: &str, at: At) -> Option<Decimal> {
        match self.at(name, at) {
            Some(r) => {
                self.params.push(r.to_use());
                Some(r.value)
            }
            None => {
                self.params.push(not_configured(self.rules, name, at));
                None
            }
        }
    }

    fn yearly(&mut self, name: &str) -> Option<Decimal> {
        self.param(name, At::Year(self.year))
    }

    fn fixed(&mut self, name: &str) -> Option<Decimal> {
        self.param(name, At::Always)
    }
}

fn estimate(
    code: &str,
    eligible: bool,
    amount: Option<Decimal>,
    reasons: Vec<String>,
    basis: &str,
    params: Vec<ParamUse>,
) -> Estimate {
    Estimate {
        programme: code.to_string(),
        label: label_of(code).to_string(),
        eligible,
        amount: amount.filter(|_| eligible).map(format_money),
        reasons,
        basis: basis.to_string(),
        confidence: lowest(&params),
        parameters: params,
        note: LOCAL_NOTE.to_string(),
        standard_payout: None,
        difference: None,
        rate: None,
        interest: None,
        locally_set: false,
    }
}

/// Payout over the amount above the deductible, segment by segment (api.md medical_tilt):
/// each segment's `up_to` is measured on the amount above the deductible; ratios capped at 1.
fn payout(
    cost: Decimal,
    deductible: Decimal,
    segments: &[(Option<Decimal>, Decimal)],
    plus: Decimal,
) -> Option<Decimal> {
    let above = (cost.checked_sub(deductible)?).max(Decimal::ZERO);
    let mut lower = Decimal::ZERO;
    let mut total = Decimal::ZERO;
    for (up_to, ratio) in segments {
        if above <= lower {
            break;
        }
        let upper = up_to.map_or(above, |u| u.min(above));
        let part = upper.checked_sub(lower)?.max(Decimal::ZERO);
        let r = (*ratio + plus).min(Decimal::ONE);
        total = total.checked_add(part.checked_mul(r)?)?;
        lower = upper;
    }
    Some(round_cents(total))
}

pub fn evaluate(input: &Value, rules: &RuleSet) -> Result<Outcome, Errors> {
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "政策测算输入", &mut errors) else {
        return Err(errors);
    };
    let year = obj
        .whole("year", "年度", 2000, 2100, true, &mut errors)
        .map(|y| y as i32);
    let household = read_household(&obj, &mut errors);
    let mut programmes = Vec::new();
    match obj.list("programmes", "测算项目", PROGRAMMES.len(), &mut errors) {
        Some(list) => {
            for (i, p) in list.iter().enumerate() {
                match p
                    .as_str()
                    .map(str::trim)
                    .filter(|c| PROGRAMMES.iter().any(|(k, _)| k == c))
                {
                    Some(c) if !programmes.contains(&c) => programmes.push(c),
                    Some(_) => {}
                    None => errors.push(
                        &format!("input.programmes[{i}]"),
                        ErrorCode::UnknownValue,
                        "不认识的测算项目",
                    ),
                }
            }
        }
        None => {
            if obj.get("programmes").is_none() {
                programmes = PROGRAMMES.iter().map(|(c, _)| *c).collect();
            }
        }
    }
    let details = match obj.get("details") {
        None => None,
        Some(v) => Obj::new(v, "input.details", "测算细节", &mut errors),
    };
    let (Some(year), Some(h)) = (year, household) else {
        return Err(errors);
    };
    let mut estimates = Vec::new();
    for code in &programmes {
        let d = details.as_ref().and_then(|d| d.get(code)).and_then(|v| {
            Obj::new(
                v,
                &format!("input.details.{code}"),
                label_of(code),
                &mut errors,
            )
        });
        let mut ctx = Ctx {
            rules,
            year,
            params: Vec::new(),
        };
        if let Some(e) = programme(code, &h, d.as_ref(), &mut ctx, &mut errors) {
            estimates.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let total = estimates
        .iter()
        .filter(|e| e.eligible)
        .filter_map(|e| {
            e.amount
                .as_deref()
                .and_then(|a| crate::text::parse_decimal(a).ok())
        })
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
        .unwrap_or_default();
    let not_configured: Vec<String> = estimates
        .iter()
        .filter(|e| e.eligible && e.amount.is_none())
        .map(|e| e.programme.clone())
        .collect();
    let mut steps: Vec<Step> = estimates
        .iter()
        .map(|e| {
            let mut s = Step::new(
                e.label.clone(),
                match (&e.amount, e.eligible) {
                    (_, false) => "不符合条件".to_string(),
                    (Some(a), true) => format!("{a} 元"),
                    (None, true) => "未配置".to_string(),
                },
                e.reasons.join("；"),
                e.basis.clone(),
            );
            s.parameters = e.parameters.clone();
            s
        })
        .collect();
    steps.push(Step::new(
        "合计（已知金额）",
        format!("{} 元", format_money(total)),
        "符合条件且金额已知的项目相加",
        LOCAL_NOTE,
    ));
    let mut warnings = Vec::new();
    if !not_configured.is_empty() {
        warnings.push(Warning::new(
            "amount_not_configured",
            format!(
                "{} 的金额未配置，未计入合计；请以当地文件为准",
                not_configured
                    .iter()
                    .map(|c| label_of(c))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            None,
        ));
    }
    for e in &estimates {
        if e.programme == "microcredit" && e.reasons.iter().any(|r| r.contains("待确认")) {
            warnings.push(Warning::new(
                "lpr_to_be_confirmed",
                "贷款日期晚于已记录的最新 LPR，利率待确认",
                Some("input.details.microcredit.loan_date".into()),
            ));
        }
    }
    let result = SubsidyResult {
        estimates,
        total: format_money(total),
        not_configured,
    };
    Ok(Outcome {
        result: serde_json::to_value(result).unwrap_or(Value::Null),
        explanation: steps,
        warnings,
    })
}

fn read_household(obj: &Obj, errors: &mut Errors) -> Option<Household> {
    let Some(hv) = obj.get("household") else {
        errors.push("input.household", ErrorCode::Required, "请填写家庭情况");
        return None;
    };
    let h = Obj::new(hv, "input.household", "家庭情况", errors)?;
    let kind = choice(
        &h,
        "kind",
        "家庭类别",
        &["poverty_alleviated", "ordinary", "monitored"],
        errors,
    )
    .unwrap_or("ordinary");
    let flag = |k: &str, l: &str, e: &mut Errors| h.flag(k, l, e).unwrap_or(false);
    let hukou = flag("gansu_agricultural_hukou", "是否甘肃农业户籍", errors);
    let on_dibao = flag("on_dibao", "是否低保", errors);
    let on_tekun = flag("on_tekun", "是否特困", errors);
    let orphan = flag("orphan", "是否孤儿", errors);
    let mut members = Vec::new();
    if let Some(list) = h.list("members", "家庭成员", 100, errors) {
        for (i, m) in list.iter().enumerate() {
            if let Some(member) = read_member(m, &format!("input.household.members[{i}]"), errors) {
                members.push(member);
            }
        }
    }
    Some(Household {
        kind,
        hukou,
        on_dibao,
        on_tekun,
        orphan,
        members,
    })
}

fn programme(
    code: &str,
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    let count =
        |pred: &dyn Fn(&Member) -> bool| h.members.iter().filter(|m| pred(m)).count() as u64;
    match code {
        "college_grant" => {
            let admission = d.and_then(|d| {
                choice(
                    d,
                    "admission",
                    "录取层次",
                    &["undergraduate", "junior_college"],
                    errors,
                )
            });
            let in_province = d
                .and_then(|d| d.flag("in_province_gaokao", "是否省内普通高考", errors))
                .unwrap_or(true);
            let mut reasons = Vec::new();
            let mut eligible = true;
            if !h.hukou {
                eligible = false;
                reasons.push("须为甘肃户籍".into());
            }
            if !in_province {
                eligible = false;
                reasons.push("须在省内参加普通高考".into());
            }
            if !h.difficult() {
                eligible = false;
                reasons.push("须为困难家庭（脱贫户、监测户、低保或特困）".into());
            }
            let amount = match admission {
                Some("undergraduate") => ctx.yearly("college_grant_undergraduate"),
                Some(_) => ctx.yearly("college_grant_junior_college"),
                None => {
                    if eligible {
                        reasons.push("请选择录取层次（本科或专科）".into());
                    }
                    None
                }
            };
            if let (true, Some(a)) = (eligible, admission) {
                let level = if a == "undergraduate" {
                    "本科"
                } else {
                    "专科（高职高专）"
                };
                reasons.insert(
                    0,
                    format!("甘肃户籍、省内普通高考、困难家庭，录取{level}一次性资助"),
                );
            }
            Some(estimate(
                code,
                eligible,
                amount,
                reasons,
                MAIN_ITEM3,
                std::mem::take(&mut ctx.params),
            ))
        }
        "yulu" => {
            let eligible = h.alleviated_or_monitored();
            let default_students = count(&|m| matches!(m.student, Some("vocational")));
            let students = d
                .and_then(|d| d.whole("students", "在读学生人数", 1, 20, false, errors))
                .unwrap_or(default_students);
            let years = d.and_then(|d| d.whole("years_remaining", "剩余学年", 1, 6, false, errors));
            let per_year = ctx.param(
                "yulu_per_school_year",
                At::Date(NaiveDate::from_ymd_opt(ctx.year, 9, 1)?),
            );
            let mut reasons = vec![if eligible {
                "脱贫户、监测户子女接受中、高等职业教育".to_string()
            } else {
                "仅限脱贫户、监测户家庭".to_string()
            }];
            let amount = match (per_year, years, students) {
                (_, _, 0) => {
                    reasons.push("请填写在读职业教育的学生人数".into());
                    None
                }
                (Some(p), Some(y), n) => {
                    reasons.push(format!("{} 元/学年 × {n} 人 × {y} 学年", format_plain(p)));
                    p.checked_mul(Decimal::from(n))?
                        .checked_mul(Decimal::from(y))
                }
                (_, None, _) => {
                    reasons.push("请填写剩余学年，按学年计算".into());
                    None
                }
                (None, _, _) => None,
            };
            Some(estimate(
                code,
                eligible,
                amount,
                reasons,
                "雨露计划（甘肃省，县级乡村振兴部门通知）",
                std::mem::take(&mut ctx.params),
            ))
        }
        "medical_tilt" => medical_tilt(h, d, ctx, errors),
        "medical_assistance" => {
            let eligible = h.on_dibao || h.on_tekun;
            let ratio = ctx.fixed("medical_assistance_min_ratio");
            let self_paid =
                d.and_then(|d| d.money("self_paid", "政策范围内个人自付费用", false, errors));
            let limit = d.and_then(|d| d.money("annual_limit", "年度救助限额", false, errors));
            let mut reasons = vec![if eligible {
                "低保、特困对象".to_string()
            } else {
                "仅限低保、特困对象（其他对象按当地规定）".to_string()
            }];
            let amount = match (self_paid, ratio) {
                (Some(s), Some(r)) => {
                    let raw = round_cents(s.checked_mul(r)?);
                    match limit {
                        Some(l) => {
                            reasons.push(format!(
                                "自付 {} × 不低于 {} = {}，年度限额 {}",
                                format_money(s),
                                format_plain(r),
                                format_money(raw),
                                format_money(l)
                            ));
                            Some(raw.min(l))
                        }
                        None => {
                            reasons.push(format!(
                                "自付 {} × 不低于 {} = {}（年度限额未配置，以当地为准）",
                                format_money(s),
                                format_plain(r),
                                format_money(raw)
                            ));
                            ctx.params.push(ParamUse {
                                name: "medical_assistance_annual_limit".into(),
                                label: "医疗救助年度限额".into(),
                                value: "未配置".into(),
                                confidence: None,
                                source: "当地医保部门规定".into(),
                            });
                            Some(raw)
                        }
                    }
                }
                _ => {
                    reasons.push("请填写政策范围内个人自付的住院费用".into());
                    None
                }
            };
            Some(estimate(code, eligible, amount, reasons, "国办发〔2021〕42号；民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第3条", std::mem::take(&mut ctx.params)))
        }
        "microcredit" => microcredit(h, d, ctx, errors),
        "transport" => {
            let destination = d.and_then(|d| {
                choice(
                    d,
                    "destination",
                    "务工地点",
                    &[
                        "shaanxi_ningxia",
                        "other_province",
                        "in_province_other_city",
                        "in_city_other_county",
                    ],
                    errors,
                )
            });
            let months = d.and_then(|d| d.whole("months_worked", "务工月数", 0, 12, false, errors));
            let min = ctx
                .fixed("transport_min_months")
                .unwrap_or(Decimal::from(3));
            let mut reasons = Vec::new();
            let mut eligible = h.alleviated_or_monitored();
            if !eligible {
                reasons.push("仅限脱贫人口（含监测对象）".into());
            }
            match months {
                Some(m) if Decimal::from(m) < min => {
                    eligible = false;
                    reasons.push(format!(
                        "自主外出务工 {m} 个月，不满 {} 个月",
                        format_plain(min)
                    ));
                }
                Some(m) => reasons.push(format!(
                    "自主外出务工 {m} 个月，满 {} 个月；每年一次",
                    format_plain(min)
                )),
                None => reasons.push(format!(
                    "须自主外出务工满 {} 个月（请填写月数）",
                    format_plain(min)
                )),
            }
            let amount = match destination {
                Some(dest) => ctx.yearly(&format!("transport_{dest}")),
                None => {
                    reasons.push("请选择务工地点".into());
                    None
                }
            };
            let amount = amount.filter(|_| months.is_some());
            Some(estimate(
                code,
                eligible,
                amount,
                reasons,
                "甘人社通〔2024〕155号",
                std::mem::take(&mut ctx.params),
            ))
        }
        "public_welfare_job" => {
            let months = d
                .and_then(|d| d.whole("months", "在岗月数", 1, 12, false, errors))
                .unwrap_or(12);
            let dibao_class =
                d.and_then(|d| d.whole("dibao_class", "低保类别", 1, 4, false, errors));
            let monthly = ctx.yearly("public_welfare_job_monthly");
            let min_age = ctx
                .fixed("public_welfare_job_min_age")
                .unwrap_or(Decimal::from(16));
            let mut reasons = Vec::new();
            let group =
                h.alleviated_or_monitored() || (h.on_dibao && dibao_class.is_some_and(|c| c <= 2));
            let able = h.members.is_empty()
                || h.members.iter().any(|m| {
                    m.age.is_some_and(|a| Decimal::from(a) >= min_age)
                        && m.labour != Some(Labour::None)
                });
            let eligible = group && able && h.hukou;
            reasons.push(if group {
                "脱贫人口（含监测对象）或一、二类低保对象".into()
            } else {
                "仅限脱贫人口（含监测对象）和一、二类低保对象".to_string()
            });
            if !able {
                reasons.push(format!(
                    "须有年满 {} 周岁、能上岗的家庭成员",
                    format_plain(min_age)
                ));
            }
            if !h.hukou {
                reasons.push("须为甘肃户籍".into());
            }
            let amount = monthly.and_then(|m| m.checked_mul(Decimal::from(months)));
            match monthly {
                Some(m) => reasons.push(format!(
                    "省级补贴 {} 元/月 × {months} 个月（地方可另有配套）",
                    format_plain(m)
                )),
                None => reasons.push(format!(
                    "{}年补贴标准未配置（政策延续至2025年底）",
                    ctx.year
                )),
            }
            Some(estimate(
                code,
                eligible,
                amount,
                reasons,
                "甘肃省乡村公益性岗位政策（省人社厅等）",
                std::mem::take(&mut ctx.params),
            ))
        }
        local => {
            let basis = LOCAL
                .iter()
                .find(|(c, _)| *c == local)
                .map_or(LOCAL_NOTE, |(_, b)| b);
            let set = d.and_then(|d| d.money("amount", "当地补助金额", false, errors));
            // Who may apply: households with a disabled member for the disability programmes;
            // any household for the others (the local document decides the details).
            let needs_disability = matches!(local, "accessibility" | "disability_allowance");
            let eligible = !needs_disability || h.members.iter().any(|m| m.any_disability);
            let reason = if eligible {
                "可申请，金额以当地为准"
            } else {
                "须有残疾家庭成员"
            };
            let mut e = estimate(local, eligible, set, vec![reason.into()], basis, Vec::new());
            if set.is_some() {
                e.locally_set = true;
                e.confidence = Some(Confidence::Local);
                e.reasons.push("金额为本地设置".into());
            } else {
                e.parameters.push(ParamUse {
                    name: format!("{local}_amount"),
                    label: format!("{}金额", label_of(local)),
                    value: "未配置".into(),
                    confidence: None,
                    source: "当地文件".into(),
                });
            }
            Some(e)
        }
    }
}

/// One segment list from `details.medical_tilt.segments`.
fn read_segments(d: &Obj, errors: &mut Errors) -> Option<Vec<(Option<Decimal>, Decimal)>> {
    let list = d.list("segments", "分段报销比例", 10, errors)?;
    let mut out = Vec::new();
    let mut last: Option<Decimal> = None;
    for (i, s) in list.iter().enumerate() {
        let path = format!("input.details.medical_tilt.segments[{i}]");
        let so = Obj::new(s, &path, "分段", errors)?;
        let up_to = so.money("up_to", "分段上限", false, errors);
        let ratio = so.money("ratio", "报销比例", true, errors);
        if let Some(r) = ratio.filter(|r| *r > Decimal::ONE) {
            errors.push(
                &so.path_of("ratio"),
                ErrorCode::TooLarge,
                format!("报销比例 {} 超过 1（100%）", format_plain(r)),
            );
        }
        if let (Some(u), Some(l)) = (up_to, last) {
            if u <= l {
                errors.push(
                    &so.path_of("up_to"),
                    ErrorCode::RangeReversed,
                    "分段上限应逐段增大",
                );
            }
        }
        let is_last = i + 1 == list.len();
        if up_to.is_none() != is_last {
            errors.push(
                &so.path_of("up_to"),
                ErrorCode::InvalidOverride,
                if is_last {
                    "最后一段应不设上限（null）"
                } else {
                    "只有最后一段可以不设上限"
                },
            );
        }
        last = up_to.or(last);
        out.push((up_to, ratio?));
    }
    (!out.is_empty()).then_some(out)
}

fn medical_tilt(
    h: &Household,
    d: Option<&Obj>,
    ctx: &mut Ctx,
    errors: &mut Errors,
) -> Option<Estimate> {
    let eligible = h.on_tekun || h.orphan || h.on_dibao || h.kind == "monitored";
    let factor = ctx.yearly("medical_tilt_deductible_factor");
    let plus = ctx.yearly("medical_tilt_ratio_increase");
    let cost = d.and_then(|d| d.money("eligible_cost", "政策范围内医疗费用", false, errors));
    let deductible = d.and_then(|d| d.money("deductible", "起付线", false, errors));
    let segments = d.and_then(|d| read_segments(d, errors));
    let mut reasons = vec![if eligible {
        "特困人员、孤儿、城乡低保对象、农村返贫致贫人口：起付线降低50%、分段报销比例提高5个百分点"
            .to_string()
    } else {
        "倾斜政策仅限特困人员、孤儿、城乡低保对象、农村返贫致贫人口".to_string()
    }];
    if deductible.is_none() || segments.is_none() {
        ctx.params.push(ParamUse {
            name: "critical_illness_schedule".into(),
            label: "大病保险起付线和分段比例".into(),
            value: "未配置".into(),
            confidence: None,
            source: "甘肃/武威医保部门规定（未查到），请由门户配置或填写".into(),
        });
        reasons.push("当地大病保险起付线和分段比例未配置，请填写或由门户配置".into());
    }
    let mut e = estimate(
        "medical_tilt",
        eligible,
        None,
        Vec::new(),
        MAIN_ITEM3,
        Vec::new(),
    );
    if let (Some(cost), Some(ded), Some(segs), Some(f), Some(p)) =
        (cost, deductible, segments.as_ref(), factor, plus)
    {
        let standard = payout(cost, ded, segs, Decimal::ZERO)?;
        let tilted_ded = round_cents(ded.checked_mul(f)?);
        let tilted = payout(cost, tilted_ded, segs, p)?;
        reasons.push(format!(
            "费用 {}：标准起付线 {}，报销 {}；倾斜后起付线 {}、各段比例 +{}，报销 {}",
            format_money(cost),
            format_money(ded),
            format_money(standard),
            format_money(tilted_ded),
            format_plain(p),
            format_money(tilted)
        ));
        e.standard_payout = Some(format_money(standard));
        e.difference = Some(format_money(tilted.checked_sub(standard)?));
        e.amount = eligible.then(|| format_money(tilted));
    } else if cost.is_none() {
        reasons.push("请填写政策范围内医疗费用".into());
    }
    e.reasons = reasons;
    e.parameters = std::mem::take(&mut ctx.params);
    e.confidence = lowest(&e.parameters);
    Some(e)
}

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
    let max_p = ctx.fixed("microcredit_max_principal");
    let max_y = ctx.fixed("microcredit_max_years");
    let min_age = ctx.fixed("microcredit_min_age");
    let max_age = ctx.fixed("microcredit_max_age");
    let mut reasons = Vec::new();
    let mut eligible = h.alleviated_or_monitored();
    if !eligible {
        reasons.push("仅限脱贫户和监测户".into());
    }
    let ages: Vec<u64> = age
        .into_iter()
        .chain(h.members.iter().filter_map(|m| m.age))
        .collect();
    if let (Some(lo), Some(hi)) = (min_age, max_age) {
        let in_range = |a: &u64| Decimal::from(*a) >= lo && Decimal::from(*a) <= hi;
        let ok = match age {
            Some(a) => in_range(&a),
            None => ages.is_empty() || ages.iter().any(in_range),
        };
        if !ok {
            eligible = false;
            reasons.push(format!(
                "借款人年龄原则上 {}–{} 周岁",
                format_plain(lo),
                format_plain(hi)
            ));
        }
    }
    if let (Some(y), Some(m)) = (years, max_y) {
        if y > m || y.is_zero() {
            eligible = false;
            reasons.push(format!("期限须在 {} 年（含）以内", format_plain(m)));
        }
    }
    let mut e = estimate(
        "microcredit",
        eligible,
        None,
        Vec::new(),
        "银保监发〔2021〕6号；民勤县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点 第22条",
        Vec::new(),
    );
    match (principal, years, loan_date) {
        (Some(p), Some(y), Some(date)) => {
            let counted = match max_p {
                Some(m) if p > m => {
                    reasons.push(format!(
                        "超过 {} 元的部分不贴息，按 {} 元计",
                        format_plain(m),
                        format_plain(m)
                    ));
                    m
                }
                _ => p,
            };
            let name = if y <= Decimal::ONE {
                "lpr_1y"
            } else {
                "lpr_5y"
            };
            let rate = ctx.at(name, At::Date(date));
            match rate {
                Some(r) => {
                    ctx.params.push(r.to_use());
                    if date.format("%Y-%m").to_string() > latest_lpr_month(ctx.rules) {
                        reasons.push(format!(
                            "利率按 {} 起的 LPR；放款日晚于已记录的最新报价，利率待确认",
                            r.at
                        ));
                    }
                    let interest = round_cents(counted.checked_mul(r.value)?.checked_mul(y)?);
                    reasons.push(format!(
                        "{} 元 × {}% × {} 年 = 利息 {} 元",
                        format_plain(counted),
                        format_plain(r.value * Decimal::ONE_HUNDRED),
                        format_plain(y),
                        format_money(interest)
                    ));
                    e.rate = Some(format_plain(r.value));
                    e.interest = Some(format_money(interest));
                    match ratio {
                        Some(s) => {
                            reasons.push(format!("贴息比例 {}", format_plain(s)));
                            ctx.params.push(ParamUse {
                                name: "subsidy_ratio".into(),
                                label: "贴息比例".into(),
                                value: format_plain(s),
                                confidence: Some(Confidence::Local),
                                source: "本地配置".into(),
                            });
                            e.amount = eligible.then(|| format_money(round_cents(interest * s)));
                        }
                        None => {
                            reasons.push(
                                "贴息比例未配置（甘肃2024–2025年贴息比例未查到），只给出利息"
                                    .into(),
                            );
                            ctx.params.push(ParamUse {
                                name: "subsidy_ratio".into(),
                                label: "贴息比例".into(),
                                value: "未配置".into(),
                                confidence: None,
                                source: "当地财政部门规定".into(),
                            });
                        }
                    }
                }
                None => {
                    ctx.params
                        .push(not_configured(ctx.rules, name, At::Date(date)));
                    reasons.push(format!("{date} 的 LPR 未配置"));
                }
            }
        }
        _ => reasons.push("请填写贷款金额、期限和放款日期".into()),
    }
    e.reasons = reasons;
    e.parameters = std::mem::take(&mut ctx.params);
    e.confidence = lowest(&e.parameters);
    Some(e)
}

/// The month of the latest recorded LPR (YYYY-MM), to flag later loan dates.
fn latest_lpr_month(rules: &RuleSet) -> String {
    let far = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap_or_default();
    rules
        .decimal("lpr_1y", At::Date(far))
        .map(|r| r.at.get(..7).unwrap_or("").to_string())
        .unwrap_or_default()
}
