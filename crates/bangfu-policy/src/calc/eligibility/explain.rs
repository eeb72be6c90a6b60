//! Every sentence and citation of the eligibility answer (rules.md §2): the decision turned
//! into the api.md result, the explanation steps and the warnings.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::decide::{Decision, Elimination, ScopeReason};
use super::vocab::{
    ContinuingMeasure, EliminationCondition, LeadDepartment, Management, MonitoringType, MustCheck,
    MustVisit, ProcedureStep, SupportApproach,
};
use crate::calc::household::{Household, HouseholdKind, Risk};
use crate::calc::programmes::{sentences, Answer};
use crate::explain::{Step, Warning};
use crate::money::format_money;
use crate::params::{not_configured, At, Param, Reference, RuleSet};
use crate::sources::{cite_all, Source};

/// What a visit-first answer tells the household.
pub const VISIT_ADVICE: &str = "建议联系村委会入户核实";

/// One criterion as checked: met, not met, or unknown (`met: null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub label: String,
    pub met: Option<bool>,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coded<C> {
    pub code: C,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskElimination {
    pub eligible: Option<bool>,
    pub unmet: Vec<EliminationCondition>,
    pub unknown: Vec<EliminationCondition>,
    pub procedure: Vec<Coded<ProcedureStep>>,
    /// 七不消: `not_configured` until a portal configures its items, then `configured`.
    pub seven_not_eliminate: String,
    pub seven_not_eliminate_items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benefit {
    pub code: String,
    pub label: String,
    /// `true`: may apply; `null`: 可咨询 / 需核实 (depends on a local rule or a fact).
    pub eligible: Option<bool>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityResult {
    /// (r2) `true | false | null` (null = 需入户核实).
    pub in_scope: Option<bool>,
    pub in_scope_reason: String,
    pub out_of_scope_reason: Option<String>,
    /// The advice shown with a `null` answer.
    pub advice: Option<String>,
    pub green_channel: bool,
    pub within_monitoring_range: Option<bool>,
    pub monitoring_range: Option<String>,
    /// When the year's range is not configured: the latest known one, as a labelled reference.
    pub reference_range: Option<Reference>,
    pub margin_to_range: Option<String>,
    pub monitoring_type: Option<MonitoringType>,
    pub must_visit: Vec<MustVisit>,
    pub must_check: Vec<MustCheck>,
    pub support_approach: SupportApproach,
    pub lead_department: LeadDepartment,
    /// A working-age member who is not a student has no labour (丧失劳动能力).
    pub lost_labour_capacity: bool,
    pub management: Management,
    pub risk_elimination: Option<RiskElimination>,
    pub over_two_years: Option<bool>,
    pub continuing_measures: Vec<Coded<ContinuingMeasure>>,
    pub risks: Vec<Risk>,
    pub criteria: Vec<Criterion>,
    pub benefits: Vec<Benefit>,
}

fn join<T: Copy>(list: &[T], label: fn(T) -> &'static str) -> String {
    if list.is_empty() {
        return "无".into();
    }
    list.iter()
        .map(|x| label(*x))
        .collect::<Vec<_>>()
        .join("、")
}

fn scope_sentence(d: &Decision, h: &Household) -> String {
    let year = chrono::Datelike::year(&d.date);
    let money = |m: Decimal| format_money(m.abs());
    match d.scope_reason {
        ScopeReason::HukouElsewhere => {
            "不是甘肃农业户籍家庭：按户籍所在地政策办理（这不是对家庭困难与否的判断）".into()
        }
        ScopeReason::AlreadyMonitored => "已是监测对象".into(),
        ScopeReason::WithinRange => format!(
            "人均纯收入低于{year}年监测范围 {} 元",
            d.margin.map(money).unwrap_or_default()
        ),
        ScopeReason::Hardship => {
            "收入高于监测范围，但刚性支出较大或收入大幅缩减、基本生活出现严重困难".into()
        }
        ScopeReason::RiskFlagAboveRange => format!(
            "人均纯收入高于监测范围，但有风险情形（{}），不能仅凭收入排除，{VISIT_ADVICE}",
            flags(d, h)
        ),
        ScopeReason::RangeNotConfigured => {
            format!("{year}年的监测标准线当地还没有公布（未配置），无法按收入判断，{VISIT_ADVICE}")
        }
        ScopeReason::AtRange => {
            "人均纯收入恰好等于监测范围（不算低于），且没有刚性支出过大、严重困难或其他风险情形"
                .into()
        }
        ScopeReason::AboveRange => format!(
            "人均纯收入高于监测范围 {} 元，且没有刚性支出过大、严重困难或其他风险情形",
            d.margin.map(money).unwrap_or_default()
        ),
        ScopeReason::ReMark => {
            "已消除风险的户出现新的风险：按规定再标注为监测对象，10 天内制定新的“一户一策”".into()
        }
        ScopeReason::EliminatedNoNewRisk => {
            "已消除风险，未发现新的风险；已享受的帮扶措施按期限延续".into()
        }
    }
}

fn flags(d: &Decision, h: &Household) -> String {
    let mut out: Vec<&str> = h.risks.iter().map(|r| r.label()).collect();
    out.extend(d.must_visit.iter().map(|v| v.label()));
    out.extend(d.must_check.iter().map(|v| v.label()));
    if h.declared_hardship {
        out.push("申报严重困难");
    }
    if h.sudden_accident {
        out.push("突发意外");
    }
    out.dedup();
    out.join("、")
}

fn elimination_view(e: &Elimination) -> RiskElimination {
    RiskElimination {
        eligible: e.eligible,
        unmet: e.unmet.clone(),
        unknown: e.unknown.clone(),
        procedure: ProcedureStep::ALL
            .into_iter()
            .map(|s| Coded {
                code: s,
                label: s.label().into(),
            })
            .collect(),
        seven_not_eliminate: if e.seven_items.is_empty() {
            "not_configured"
        } else {
            "configured"
        }
        .into(),
        seven_not_eliminate_items: e.seven_items.clone(),
    }
}

/// Extra pointers for households of the protection or combined approach (r2, 附件2 第13条;
/// the clause is cited on the step that lists them, not in a label a farmer reads).
fn protection_pointers(d: &Decision) -> Vec<Benefit> {
    if d.approach == SupportApproach::Development {
        return Vec::new();
    }
    [
        ("dibao", "农村低保"),
        ("tekun", "特困供养"),
        ("temporary_assistance", "临时救助"),
        (
            "entrusted_farming_land_transfer",
            "代种代养、土地流转、公益性岗位",
        ),
    ]
    .into_iter()
    .map(|(code, label)| Benefit {
        code: code.into(),
        label: label.into(),
        eligible: None,
        reason: "可申请，由民政部门审核".into(),
    })
    .collect()
}

fn benefit_list(d: &Decision, h: &Household) -> Vec<Benefit> {
    let once = if d.in_scope == Some(true) && h.kind == HouseholdKind::Ordinary {
        "（认定为监测对象后）"
    } else {
        ""
    };
    let mut out: Vec<Benefit> = d
        .benefits
        .iter()
        .map(|(p, a)| Benefit {
            code: p.code().into(),
            label: p.label().into(),
            eligible: a.answer.eligible(),
            reason: format!(
                "{}{once}{}",
                sentences(a).join("；"),
                if a.answer == Answer::Unknown {
                    "（需核实）"
                } else {
                    ""
                }
            ),
        })
        .collect();
    // Those the household may apply for first, then the ones to ask about (stable order).
    out.sort_by_key(|b| b.eligible != Some(true));
    out.extend(protection_pointers(d));
    out
}

/// The result, steps and warnings for a decision.
pub fn explain(
    d: &Decision,
    h: &Household,
    rules: &RuleSet,
) -> (EligibilityResult, Vec<Step>, Vec<Warning>) {
    let year = chrono::Datelike::year(&d.date);
    let mut steps = Vec::new();
    let mut warnings = Vec::new();
    let mut criteria = Vec::new();
    let reason = scope_sentence(d, h);
    scope_and_range(d, h, rules, &mut steps, &mut warnings, &mut criteria);
    types_and_classes(d, h, &reason, &mut steps, &mut warnings);
    let risk_elimination = d.elimination.as_ref().map(|e| {
        explain_elimination(e, &mut steps, &mut warnings, &mut criteria, h);
        elimination_view(e)
    });
    if d.over_two_years == Some(true) {
        warnings.push(Warning::new(
            "over_two_years",
            "纳入监测已超过两年仍未消除风险：建立管理台账，调整帮扶措施",
            Some("input.household.monitoring.identified_on".into()),
        ));
    }
    if h.kind == HouseholdKind::RiskEliminated {
        steps.push(Step::new(
            "风险消除后",
            join(&d.continuing, ContinuingMeasure::label),
            "小额信贷、公益岗位、教育帮扶、雨露计划等有期限的措施按期延续；出现新的风险的，及时再标注，10 天内制定新的“一户一策”",
            cite_all(&[Source::Annex2(15), Source::Annex2(12)]),
        ));
    }
    let benefits = benefit_list(d, h);
    if !benefits.is_empty() {
        let pointers = d.approach != SupportApproach::Development;
        steps.push(Step::new(
            "可了解的帮扶政策",
            benefits
                .iter()
                .map(|b| b.label.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            "按家庭类别和成员情况列出，金额见政策测算；标“需核实”的以当地规定为准",
            if pointers {
                cite_all(&[Source::Plan(3), Source::Annex2(13)])
            } else {
                Source::Plan(3).cite()
            },
        ));
    }
    let result = EligibilityResult {
        in_scope: d.in_scope,
        out_of_scope_reason: (d.in_scope == Some(false)).then(|| reason.clone()),
        advice: d.in_scope.is_none().then(|| VISIT_ADVICE.to_string()),
        in_scope_reason: reason,
        green_channel: d.green_channel,
        within_monitoring_range: d.within,
        monitoring_range: d.range.as_ref().map(|r| format_money(r.value)),
        reference_range: d
            .range
            .is_none()
            .then(|| rules.reference_before(Param::MonitoringRange, year))
            .flatten(),
        margin_to_range: d.margin.map(format_money),
        monitoring_type: d.monitoring_type,
        must_visit: d.must_visit.clone(),
        must_check: d.must_check.clone(),
        support_approach: d.approach,
        lead_department: d.lead,
        lost_labour_capacity: d.lost_labour,
        management: Management::from_r2(d.approach),
        risk_elimination,
        over_two_years: d.over_two_years,
        continuing_measures: d
            .continuing
            .iter()
            .map(|c| Coded {
                code: *c,
                label: c.label().into(),
            })
            .collect(),
        risks: h.risks.clone(),
        criteria,
        benefits,
    };
    (result, steps, warnings)
}

fn explain_elimination(
    e: &Elimination,
    steps: &mut Vec<Step>,
    warnings: &mut Vec<Warning>,
    criteria: &mut Vec<Criterion>,
    h: &Household,
) {
    for c in EliminationCondition::ALL {
        let met = if e.met.contains(&c) {
            Some(true)
        } else if e.unmet.contains(&c) {
            Some(false)
        } else {
            None
        };
        criteria.push(Criterion {
            code: format!("elimination.{}", c.code()),
            label: c.label().into(),
            met,
            why: match met {
                Some(true) => "已满足",
                Some(false) => "未满足",
                None => "还不清楚（没填，或当地还没公布）",
            }
            .into(),
        });
    }
    let value = match e.eligible {
        Some(true) => "各项条件均已满足（另须履行程序）".to_string(),
        Some(false) => format!("未满足：{}", join(&e.unmet, EliminationCondition::label)),
        None => format!("待核实：{}", join(&e.unknown, EliminationCondition::label)),
    };
    steps.push(Step::new(
        "风险消除条件",
        value,
        "收入稳定半年以上、人均纯收入稳定超过（高于）监测范围、刚性支出解决、三保障和饮水巩固、风险消除；监测满半年且至少 1 项措施；整户无劳动能力的暂不消除；有未核实的条件时不标注消除",
        cite_all(&[Source::NationalElimination, Source::Annex2(15)]),
    ));
    steps.push(Step::new(
        "风险消除程序",
        ProcedureStep::ALL
            .iter()
            .map(|s| s.label())
            .collect::<Vec<_>>()
            .join(" → "),
        "按程序逐级办理",
        Source::Annex2(14),
    ));
    if e.seven_items.is_empty() {
        steps.push(Step::new("七不消", "未配置", "工作要点要求坚持“七不消”，但未列出具体条目，本工具不作推断；须由村干部按当地文件逐条核对", Source::Annex2(14)));
        warnings.push(Warning::new(
            "seven_not_eliminate_not_configured",
            "“七不消”条目未配置：工作要点要求坚持“七不消”，但未列出具体内容，请按当地文件逐条核对",
            None,
        ));
    } else {
        steps.push(Step::new(
            "七不消（本地配置）",
            e.seven_items.join("；"),
            "逐条核对，均不存在方可标注风险消除",
            Source::Annex2(14),
        ));
    }
    if h.monitoring.is_none() {
        warnings.push(Warning::new(
            "monitoring_details_missing",
            "未填写监测情况（识别日期、帮扶措施、收入稳定月数等），风险消除条件无法逐项判断",
            Some("input.household.monitoring".into()),
        ));
    }
}

/// Scope (附件2 第5条), the range comparison (第3条) and the hardship criterion.
fn scope_and_range(
    d: &Decision,
    h: &Household,
    rules: &RuleSet,
    steps: &mut Vec<Step>,
    warnings: &mut Vec<Warning>,
    criteria: &mut Vec<Criterion>,
) {
    let year = chrono::Datelike::year(&d.date);
    let reason = scope_sentence(d, h);
    steps.push(Step::new(
        "排查范围",
        match d.scope_reason {
            ScopeReason::HukouElsewhere => "按户籍所在地政策办理",
            _ if h.hukou == Some(true) => "甘肃农业户籍家庭",
            _ if h.relocated_13th_fyp => "“十三五”易地扶贫搬迁户（已转城镇户籍）",
            _ => "已纳入系统的脱贫户或监测户",
        },
        "甘肃农业户籍家庭、“十三五”易地扶贫搬迁后转为城镇户籍的家庭、已纳入系统的脱贫户和监测户都在排查范围内",
        Source::Annex2(5),
    ));
    criteria.push(Criterion {
        code: "scope".into(),
        label: "户口和居住".into(),
        met: Some(d.scope_reason != ScopeReason::HukouElsewhere),
        why: if d.scope_reason == ScopeReason::HukouElsewhere {
            reason.clone()
        } else {
            "在这次排查范围内".into()
        },
    });

    match &d.range {
        Some(r) => {
            let words = match (d.within, d.margin) {
                (Some(true), Some(m)) => format!("低于监测范围 {} 元", format_money(m)),
                (_, Some(m)) if m.is_zero() => "恰好等于监测范围（不算低于）".into(),
                (_, Some(m)) => format!("不低于监测范围（高出 {} 元）", format_money(-m)),
                _ => String::new(),
            };
            criteria.push(Criterion {
                code: "within_monitoring_range".into(),
                label: format!("家庭年人均纯收入低于{year}年监测范围"),
                met: d.within,
                why: format!("人均 {} 元，{words}", format_money(d.per_capita)),
            });
            steps.push(
                Step::new(
                    "是否在监测范围内",
                    words,
                    format!(
                        "{} 与 {} 比较（低于才算）",
                        format_money(d.per_capita),
                        format_money(r.value)
                    ),
                    Source::Annex2(3),
                )
                .with_param(r.to_use()),
            );
        }
        None => {
            warnings.push(Warning::new(
                "monitoring_range_not_configured",
                format!("{year}年防止返贫监测范围未配置，无法按收入判断，{VISIT_ADVICE}；当地公布后可由门户配置"),
                Some("input.date".into()),
            ));
            criteria.push(Criterion {
                code: "within_monitoring_range".into(),
                label: format!("家庭年人均纯收入低于{year}年监测范围"),
                met: None,
                why: format!("{year}年的监测标准线当地还没有公布（未配置）"),
            });
            steps.push(
                Step::new(
                    "是否在监测范围内",
                    "未配置",
                    format!("{year}年监测范围未配置"),
                    Source::Annex2(3),
                )
                .with_param(not_configured(
                    rules,
                    "monitoring_range",
                    At::Year(year),
                )),
            );
        }
    }
    criteria.push(Criterion {
        code: "sudden_hardship".into(),
        label: "刚性支出较大或收入大幅缩减，基本生活出现严重困难".into(),
        met: if d.after_rigid_below == Some(true) || h.declared_hardship {
            Some(true)
        } else if d.range.is_none() && d.after_rigid.is_some() {
            None
        } else {
            Some(false)
        },
        why: match (d.after_rigid_below, h.declared_hardship, d.after_rigid) {
            (Some(true), _, Some(a)) => {
                format!("扣除刚性支出后人均 {} 元，低于监测范围", format_money(a))
            }
            (_, true, _) => "本户申报了收入大幅缩减或严重困难（需入户核实）".into(),
            (Some(false), false, Some(a)) => format!(
                "扣除刚性支出后人均 {} 元，不低于监测范围，且未申报严重困难",
                format_money(a)
            ),
            _ => "未申报严重困难，也未填刚性支出".into(),
        },
    });
}

/// The conclusion, the green channel, 六必访/六必查, risks, approach and lead department.
fn types_and_classes(
    d: &Decision,
    h: &Household,
    reason: &str,
    steps: &mut Vec<Step>,
    warnings: &mut Vec<Warning>,
) {
    steps.push(Step::new(
        "监测对象类型",
        d.monitoring_type.map_or_else(
            || match d.in_scope {
                None => "需入户核实".to_string(),
                Some(true) => "再标注".to_string(),
                Some(false) => "不属于监测范围".to_string(),
            },
            |t| t.label().to_string(),
        ),
        "脱贫户在监测范围内→脱贫不稳定户；一般农户在监测范围内→边缘易致贫户；收入高于监测范围但刚性支出大或收入大幅缩减→突发严重困难户",
        Source::NationalMechanism,
    ));
    steps.push(Step::new(
        "结论",
        match d.in_scope {
            Some(true) => "纳入监测",
            Some(false) => "暂不纳入",
            None => "需入户核实",
        },
        reason.to_string(),
        Source::Annex2(3),
    ));
    if d.green_channel {
        steps.push(Step::new(
            "绿色通道",
            "先帮扶后认定",
            "因自然灾害、意外事故等遭遇突发困难的，先落实帮扶措施，再按程序认定",
            Source::Annex2(8),
        ));
        warnings.push(Warning::new(
            "green_channel",
            "遭遇灾害或意外事故：先帮扶、后认定，请立即联系村委会，帮扶不必等认定程序走完",
            None,
        ));
    }
    steps.push(Step::new(
        "六必访",
        join(&d.must_visit, MustVisit::label),
        "符合任一情形的家庭实行重点排查",
        Source::Annex2(9),
    ));
    steps.push(Step::new(
        "六必查",
        join(&d.must_check, MustCheck::label),
        "符合任一情形的农户严格核查认定",
        Source::Annex2(9),
    ));
    if !h.risks.is_empty() {
        steps.push(Step::new(
            "风险类别",
            join(&h.risks, Risk::label),
            "按 11 类风险在系统中标注",
            Source::Annex2(10),
        ));
    }
    steps.push(Step::new(
        "帮扶方式",
        d.approach.label(),
        if d.lost_labour {
            "有劳动年龄内（非在校生）成员丧失劳动能力→开发式与保障性措施相结合；整户无劳动能力→兜底保障"
        } else {
            "整户无劳动能力→兜底保障；以弱劳力、半劳力为主→开发式与保障性措施相结合；其余→开发式帮扶。老人、儿童、在校生无劳动能力不改变分类"
        },
        Source::Annex2Items(&[13, 19]),
    ));
    steps.push(Step::new(
        "牵头部门",
        d.lead.label(),
        "整户无劳动能力的由民政部门牵头，其余由农业农村部门牵头",
        Source::Annex2Items(&[13, 19]),
    ));
}
