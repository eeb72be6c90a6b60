//! The question groups of the eligibility checker. The public walk-through shows one group a
//! page; the cadre form shows them all at once.

use std::rc::Rc;

use bangfu_policy::calc::eligibility::RISKS;
use bangfu_policy::Response;
use serde_json::Value;
use yew::prelude::*;

use super::state::{Action, EligibilityForm, Flag, MemberFlag, MemberText, Text, MEMBER_QUESTIONS};
use crate::ui::field::{
    check_field, radio_group, select_field, CheckField, RadioGroup, SelectField, TextField,
};

/// What every question group needs.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub form: UseReducerHandle<EligibilityForm>,
    /// The income estimate's response (estimate mode only).
    pub income: Rc<Option<Response>>,
    pub response: Rc<Response>,
    pub cadre: bool,
    /// 长辈 mode: big choice buttons instead of drop-down lists.
    pub large: bool,
    /// 长辈 mode in the public self-check: the one question of the step on screen.
    pub only: Option<usize>,
}

/// Plain words for the public self-check's risk list, with the policy term (the engine's
/// label) shown in small print.
fn plain_risk(code: &str) -> Option<&'static str> {
    Some(match code {
        "illness" => "家里有人生病，看病花钱多",
        "schooling" => "孩子上学，花钱多",
        "housing" => "住房不安全（危房）",
        "drinking_water" => "吃水不安全、不方便",
        "disability" => "家里有人残疾",
        "natural_disaster" => "遭了旱灾、冰雹、风沙等自然灾害",
        "accident" => "出了意外事故",
        "business_failure" => "种地、养殖或做生意赔了钱",
        "unstable_employment" => "打工不稳定，常常找不到活",
        "lack_of_labour" => "家里缺能干活的人",
        _ => return None,
    })
}

impl Ctx {
    /// The message for an error key, when it should show.
    pub fn error(&self, key: &str) -> Option<AttrValue> {
        if !self.form.shows_error(key) {
            return None;
        }
        let income = (*self.income).as_ref();
        let found = if let Some(path) = key.strip_prefix("income:") {
            income
                .and_then(|r| r.error_for(path))
                .map(|e| e.message.clone())
        } else if key == "rigid" {
            income
                .and_then(|r| r.error_for("input.rigid_expenditure"))
                .or_else(|| self.response.error_for("input.household.rigid_expenditure"))
                .map(|e| e.message.clone())
        } else {
            self.response.error_for(key).map(|e| e.message.clone())
        };
        found.map(AttrValue::from)
    }

    /// Whether question `q` of the step is on screen.
    pub fn shows(&self, q: usize) -> bool {
        self.only.is_none_or(|o| o == q)
    }

    /// Error keys of everything currently wrong (for step checks and summaries).
    pub fn all_error_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .response
            .errors
            .iter()
            .map(|e| e.field.clone())
            .collect();
        if let Some(r) = (*self.income).as_ref() {
            keys.extend(r.errors.iter().map(|e| format!("income:{}", e.field)));
        }
        keys
    }

    fn set(&self, t: Text) -> Callback<String> {
        let d = self.form.dispatcher();
        Callback::from(move |v: String| d.dispatch(Action::Set(t, v)))
    }

    fn flag(&self, f: Flag) -> Callback<bool> {
        let d = self.form.dispatcher();
        Callback::from(move |on: bool| d.dispatch(Action::SetFlag(f, on)))
    }

    fn text_field(
        &self,
        t: Text,
        id: &'static str,
        label: &str,
        testid: &'static str,
        unit: Option<&'static str>,
    ) -> Html {
        let key = EligibilityForm::key_of(t);
        let inputmode = if matches!(t, Text::Date | Text::IdentifiedOn) {
            "text"
        } else {
            "decimal"
        };
        html! {
            <TextField late_errors={self.cadre && self.form.attempted.is_empty()} id={id} label={label.to_string()} value={self.form.text(t).to_string()} oninput={self.set(t)}
                testid={testid} error={self.error(key)} suffix={unit.map(AttrValue::Static)} inputmode={inputmode} />
        }
    }

    fn check(&self, f: Flag, id: &'static str, label: &'static str) -> Html {
        check_field(&CheckField {
            id: id.into(),
            label: label.into(),
            checked: self.form.flags.contains(&f),
            onchange: self.flag(f),
            testid: format!("flag-{}", f.key()).into(),
            ..Default::default()
        })
    }
}

fn options(list: &[(&'static str, &'static str)]) -> Vec<(AttrValue, AttrValue)> {
    list.iter()
        .map(|(v, l)| (AttrValue::Static(v), AttrValue::Static(l)))
        .collect()
}

pub fn residence(ctx: &Ctx) -> Html {
    let f = &*ctx.form;
    html! {
        <div class="section" data-testid="section-residence">
            if ctx.cadre {
                {ctx.text_field(Text::Date, "date", "核查日期", "date", None)}
            }
            if ctx.shows(0) {
                { radio_group(&RadioGroup { name: "hukou".into(),
                    legend: if ctx.cadre { "甘肃农业户籍、在甘肃常住的家庭？" } else { "您家的户口在甘肃农村，平时也住在甘肃吗？" }.into(),
                    term: (!ctx.cadre).then_some(AttrValue::Static("政策用语：甘肃农业户籍、常住")), value: f.hukou.clone().into(),
                    options: options(&[("yes", "是"), ("no", "不是")]), onchange: ctx.set(Text::Hukou), testid: "hukou".into(),
                    error: ctx.error(EligibilityForm::key_of(Text::Hukou)), big: ctx.large }) }
                if ctx.cadre {
                    {ctx.check(Flag::Relocated, "relocated", "“十三五”易地扶贫搬迁户（已转为城镇户籍的也算）")}
                }
            }
            if ctx.shows(1) {
                { radio_group(&RadioGroup { name: "kind".into(), legend: if ctx.cadre { "户类型" } else { "您家现在是哪一类？" }.into(),
                    value: f.kind.clone().into(),
                    options: options(&[("poverty_alleviated", "脱贫户"), ("ordinary", "一般农户"),
                        ("monitored", "已经是监测对象（村里已认定要帮扶的户）"), ("unknown", "不清楚")]),
                    onchange: ctx.set(Text::Kind), testid: "kind".into(), error: ctx.error(EligibilityForm::key_of(Text::Kind)),
                    big: ctx.large, ..Default::default() }) }
            }
        </div>
    }
}

pub fn members(ctx: &Ctx) -> Html {
    let f = &*ctx.form;
    let per_member = MEMBER_QUESTIONS.len();
    // 长辈 mode: the one screen on show (a member's question, or "anyone else?" at the end).
    let last_screen = ctx.only.is_some_and(|o| o >= f.members.len() * per_member);
    let rows = f.members.iter().enumerate().filter(|(i, _)| {
        ctx.only.is_none_or(|o| o / per_member == *i)
    }).map(|(i, m)| {
        let shown = |q: usize| ctx.only.is_none_or(|o| o == i * per_member + q);
        let key = m.key;
        let d = ctx.form.dispatcher();
        let text = |field: MemberText| {
            let d = d.clone();
            Callback::from(move |value: String| d.dispatch(Action::SetMember { key, field, value }))
        };
        let flag = |flag: MemberFlag, checked: bool, label: &'static str, name: &str| {
            let d = d.clone();
            check_field(&CheckField {
                id: format!("m{key}-{name}").into(),
                label: label.into(),
                checked,
                onchange: Callback::from(move |on: bool| d.dispatch(Action::SetMemberFlag { key, flag, on })),
                testid: format!("member-{i}-{name}").into(),
                ..Default::default()
            })
        };
        let remove = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveMember(key)))
        };
        // The member's error beside the field it is about (age, else labour, else the card).
        // Each field's own error beside it; anything else about the member under the card.
        let prefix = format!("input.household.members[{i}]");
        let shows = ctx.form.shows_error(&prefix);
        let on = |field: &str| {
            ctx.response
                .error_for(&format!("{prefix}.{field}"))
                .filter(|_| shows)
                .map(|e| AttrValue::from(e.message.clone()))
        };
        let age_error = on("age");
        let labour_error = on("labour");
        let member_error = ctx.response.errors.iter()
            .find(|e| e.field.starts_with(&prefix) && !e.field.ends_with(".age") && !e.field.ends_with(".labour"))
            .filter(|_| shows)
            .map(|e| AttrValue::from(e.message.clone()));
        let choice = |id: String, label: &'static str, value: &str, list: &[(&'static str, &'static str)], cb: Callback<String>, testid: String, error: Option<AttrValue>| {
            if ctx.large {
                let list: Vec<_> = list.iter().filter(|(v, l)| !(v.is_empty() && *l == "请选择")).copied().collect();
                radio_group(&RadioGroup { name: id.into(), legend: label.into(), value: value.to_string().into(),
                    options: options(&list), onchange: cb, testid: testid.into(), error, big: true, ..Default::default() })
            } else {
                select_field(&SelectField { id: id.into(), label: label.into(), value: value.to_string().into(),
                    options: options(list), onchange: cb, testid: testid.into(), error, ..Default::default() })
            }
        };
        let (age_label, labour_label, disability_label, student_label) = if ctx.only.is_some() {
            ("这位家人多大年纪？", "这位家人还能干活吗？", "这位家人有没有残疾？", "这位家人在上学吗？")
        } else {
            ("年龄", "劳动能力", "残疾情况", "上学情况")
        };
        let checks = html! {
            <div class="checks">
                {flag(MemberFlag::SeriousIllness, m.serious_illness, "患大病、重病", "serious")}
                {flag(MemberFlag::Chronic, m.chronic, "慢性病，看病花钱多", "chronic")}
                {flag(MemberFlag::LeftBehind, m.left_behind, "留守老人、妇女或儿童", "left")}
                {flag(MemberFlag::SingleParent, m.single_parent, "单亲家庭", "single")}
                {flag(MemberFlag::IncapacitatedElderly, m.incapacitated_elderly, "失能老人（生活不能自理）", "incapacitated")}
            </div>
        };
        html! {
            <li class={classes!("member-card", ctx.only.is_some().then_some("member-card-one"))} key={key} data-testid={format!("member-{i}")}>
                <p class="member-title">{format!("第 {} 位家庭成员", i + 1)}</p>
                <div class="pair">
                    if shown(0) {
                        <TextField late_errors={ctx.cadre && f.attempted.is_empty()} id={format!("m{key}-age")} label={age_label} suffix={Some(AttrValue::Static("岁"))} inputmode="numeric"
                            value={m.age.clone()} oninput={text(MemberText::Age)} testid={format!("member-{i}-age")} error={age_error} />
                    }
                    if shown(1) {
                        {choice(format!("m{key}-labour"), labour_label, &m.labour,
                            &[("", "请选择"), ("full", "能干活（有劳动能力）"), ("partial", "只能干轻活（弱劳力、半劳力）"), ("none", "不能干活（无劳动能力）")],
                            text(MemberText::Labour), format!("member-{i}-labour"), labour_error)}
                    }
                </div>
                <div class="pair">
                    if shown(2) {
                        {choice(format!("m{key}-disability"), disability_label, &m.disability,
                            &[("", "没有残疾"), ("mild", "有残疾（轻度）"), ("severe", "重度残疾")],
                            text(MemberText::Disability), format!("member-{i}-disability"), None)}
                    }
                    if shown(3) {
                        {choice(format!("m{key}-student"), student_label, &m.student,
                            &[("", "不在上学或上义务教育"), ("high_school", "上高中"), ("vocational", "上中职、技校或高职"), ("college", "上大学（本科、专科）")],
                            text(MemberText::Student), format!("member-{i}-student"), None)}
                    }
                </div>
                if ctx.only.is_none() {
                    {checks}
                } else if shown(4) {
                    <fieldset class="checks-box" data-testid={format!("member-{i}-situations")}>
                        <legend>{"这位家人有没有下面的情况？（有的请勾选，没有就直接点“下一题”）"}</legend>
                        {checks}
                    </fieldset>
                }
                if let Some(e) = member_error { <p class="msg msg-error" data-testid={format!("member-{i}-error")}>{"⚠ "}{e}</p> }
                if f.members.len() > 1 && ctx.only.is_none() {
                    <button type="button" class="btn btn-quiet btn-small" onclick={remove}
                        aria-label={format!("删除第 {} 位家庭成员", i + 1)} data-testid={format!("remove-member-{i}")}>{"删除这位成员"}</button>
                }
            </li>
        }
    });
    let add = {
        let d = ctx.form.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::AddMember))
    };
    if last_screen {
        return members_done(ctx, add);
    }
    html! {
        <div class="section" data-testid="section-members">
            if ctx.only.is_none_or(|o| o == 0) {
                <p class="bf-note">{"请填写共同生活的每一位家庭成员。不需要姓名和身份证号。"}</p>
            }
            <ol class="member-cards">{ for rows }</ol>
            if ctx.only.is_none() {
                <button type="button" class="btn btn-quiet" id="add-member" onclick={add} data-testid="add-member">{"＋ 再加一位家庭成员"}</button>
            }
            if let Some(e) = ctx.error("input.household.members") { <p class="msg msg-error">{"⚠ "}{e}</p> }
            if ctx.cadre {
                {ctx.text_field(Text::HouseholdSize, "household-size", "家庭人口（可不填；不填按上面列出的成员数，刚性支出按它分摊）", "household-size", Some("人"))}
            }
        </div>
    }
}

/// 长辈 mode, after the last member's questions: who has been listed, and "anyone else?".
fn members_done(ctx: &Ctx, add: Callback<MouseEvent>) -> Html {
    let f = &*ctx.form;
    let labour = |c: &str| match c {
        "full" => "能干活",
        "partial" => "只能干轻活",
        "none" => "不能干活",
        _ => "干活情况未选",
    };
    html! {
        <div class="section" data-testid="section-members">
            <fieldset class="checks-box" data-testid="members-done">
                <legend>{"家里一起生活的人都填了吗？"}</legend>
                <ol class="members-listed">
                    { for f.members.iter().enumerate().map(|(i, m)| {
                        let d = ctx.form.dispatcher();
                        let key = m.key;
                        let age = bangfu_policy::text::parse_whole(&m.age)
                            .map_or_else(|_| "年龄未填".to_string(), |a| format!("{a} 岁"));
                        html! {
                            <li data-testid={format!("listed-{i}")}>
                                <span>{format!("第 {} 位：{age}，{}", i + 1, labour(&m.labour))}</span>
                                if f.members.len() > 1 {
                                    <button type="button" class="btn btn-quiet btn-small"
                                        onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveMember(key)))}
                                        aria-label={format!("删除第 {} 位家庭成员", i + 1)} data-testid={format!("remove-member-{i}")}>{"删除"}</button>
                                }
                            </li>
                        }
                    }) }
                </ol>
                <button type="button" class="btn btn-quiet" id="add-member" onclick={add} data-testid="add-member">{"＋ 还有一位家人，接着填"}</button>
                <p class="bf-note">{"都填了，就点“下一步”。"}</p>
            </fieldset>
            if let Some(e) = ctx.error("input.household.members") { <p class="msg msg-error">{"⚠ "}{e}</p> }
        </div>
    }
}

pub fn income(ctx: &Ctx) -> Html {
    let f = &*ctx.form;
    let estimate = f.income_mode == "estimate";
    let figure = (*ctx.income)
        .as_ref()
        .and_then(|r| r.result.as_ref())
        .and_then(|r| {
            r.get("per_capita_net_income")
                .and_then(Value::as_str)
                .map(str::to_string)
        });
    html! {
        <div class="section" data-testid="section-income">
            if ctx.shows(0) {
                { radio_group(&RadioGroup { name: "income-mode".into(), legend: "家庭收入怎么填？".into(),
                    value: f.income_mode.clone().into(),
                    options: options(&[("estimate", "按几类收入大概估一下"), ("known", "已经算好了人均纯收入")]),
                    onchange: ctx.set(Text::IncomeMode), testid: "income-mode".into(), big: ctx.large, ..Default::default() }) }
            }
            if ctx.only == Some(0) {
            } else if estimate {
                <p class="bf-note">{"填过去 12 个月全家的收入，大概数就行；没有的填 0 或空着。"}</p>
                if ctx.shows(1) { {ctx.text_field(Text::Wage, "wage", "打工、公益岗位等工资收入", "est-wage", Some("元"))} }
                if ctx.shows(2) { {ctx.text_field(Text::Operating, "operating", "种地、养殖、做生意的收入（卖出的钱）", "est-operating", Some("元"))} }
                if ctx.shows(3) { {ctx.text_field(Text::Property, "property", "土地流转租金、分红、利息", "est-property", Some("元"))} }
                if ctx.shows(4) { {ctx.text_field(Text::Transfer, "transfer", "养老金、低保金、各种补贴、赡养费", "est-transfer", Some("元"))} }
                if ctx.shows(5) { {ctx.text_field(Text::Expenses, "expenses", "种子、化肥、饲料等生产花费", "est-expenses", Some("元"))} }
                if let Some(pc) = figure.filter(|_| [&f.wage, &f.operating, &f.property, &f.transfer].iter().any(|t| !t.trim().is_empty())) {
                    <p class="estimate" data-testid="estimate">{format!("估算：家庭年人均纯收入约 {pc} 元（{} 人）", f.members.len())}</p>
                }
            } else {
                if ctx.shows(1) { {ctx.text_field(Text::PerCapita, "per-capita", "家庭年人均纯收入", "per-capita", Some("元"))} }
                if (ctx.cadre || !f.after_rigid.is_empty()) && ctx.shows(2) {
                    {ctx.text_field(Text::AfterRigid, "after-rigid", "扣除刚性支出后的人均纯收入（可不填）", "after-rigid", Some("元"))}
                }
            }
        </div>
    }
}

pub fn hardship(ctx: &Ctx) -> Html {
    html! {
        <div class="section" data-testid="section-hardship">
            if ctx.shows(0) {
                <TextField id="rigid" label="过去 12 个月自己花的看病钱、上学费用、受灾损失，一共多少？（可不填）"
                    suffix={Some(AttrValue::Static("元"))} value={ctx.form.rigid.clone()} oninput={ctx.set(Text::Rigid)}
                    testid="rigid" error={ctx.error("rigid")} />
            }
            if ctx.shows(1) {
            <fieldset class="checks-box">
                <legend>{"您家有没有下面的情况？（有的请勾选）"}</legend>
                {ctx.check(Flag::DeclaredHardship, "declared", "收入大幅减少，或生活出现严重困难")}
                {ctx.check(Flag::Hospitalized, "hospitalized", "家里有病人住院")}
                {ctx.check(Flag::Accident, "accident", "突发意外事故")}
                {ctx.check(Flag::MajorChange, "major-change", "遭遇重大变故或自然灾害")}
                {ctx.check(Flag::OnDibao, "dibao", "享受农村低保")}
                if ctx.cadre && ctx.form.flags.contains(&Flag::OnDibao) {
                    { radio_group(&RadioGroup { name: "dibao-class".into(), legend: "低保类别（公益性岗位等政策要用）".into(),
                        value: ctx.form.dibao_class.clone().into(),
                        options: options(&[("1", "一类"), ("2", "二类"), ("3", "三类"), ("4", "四类"), ("", "不清楚")]),
                        onchange: ctx.set(Text::DibaoClass), testid: "dibao-class".into(),
                        error: ctx.error(EligibilityForm::key_of(Text::DibaoClass)), big: ctx.large, ..Default::default() }) }
                }
                {ctx.check(Flag::OnTekun, "tekun", "特困供养对象")}
                if ctx.cadre {
                    {ctx.check(Flag::Complaint, "complaint", "有投诉举报情况")}
                }
            </fieldset>
            }
        </div>
    }
}

pub fn risks(ctx: &Ctx) -> Html {
    let boxes = RISKS.iter().map(|(code, label)| {
        let d = ctx.form.dispatcher();
        let c = code.to_string();
        let plain = plain_risk(code).filter(|_| !ctx.cadre);
        let term = plain.map(|_| AttrValue::from(format!("政策用语：{label}")));
        check_field(&CheckField {
            id: format!("risk-{code}").into(),
            label: plain.unwrap_or(label).to_string().into(),
            term,
            checked: ctx.form.risks.contains(*code),
            onchange: Callback::from(move |on: bool| d.dispatch(Action::SetRisk(c.clone(), on))),
            testid: format!("risk-{code}").into(),
        })
    });
    html! {
        <fieldset class="section checks-box" data-testid="section-risks">
            <legend>{"家里收入减少或花钱增多，主要是因为什么？（可多选，没有可不选）"}</legend>
            <div class="checks">{ for boxes }</div>
        </fieldset>
    }
}

/// Monitored households (cadre): what the risk-elimination check needs.
pub fn monitoring(ctx: &Ctx) -> Html {
    html! {
        <fieldset class="section" data-testid="section-monitoring">
            <legend>{"监测情况（风险消除条件）"}</legend>
            <div class="pair">
                {ctx.text_field(Text::IdentifiedOn, "identified-on", "识别认定日期", "identified-on", None)}
                {ctx.text_field(Text::Measures, "measures", "已落实帮扶措施（项）", "measures", Some("项"))}
            </div>
            {ctx.text_field(Text::StableMonths, "stable-months", "收入已持续稳定（月）", "stable-months", Some("个月"))}
            {ctx.check(Flag::IncomeAboveRange, "above-range", "人均纯收入稳定超过当年监测范围")}
            {ctx.check(Flag::RigidResolved, "rigid-resolved", "大额刚性支出已稳定解决")}
            {ctx.check(Flag::Guarantees, "guarantees", "“三保障”和饮水安全持续巩固")}
            {ctx.check(Flag::RiskEliminated, "risk-gone", "返贫致贫风险已稳定消除或自然消失")}
            {ctx.check(Flag::SevenConfirmed, "seven-confirmed", "已按当地文件逐条核对“七不消”情形，均不存在")}
        </fieldset>
    }
}

/// Plain-words summary of one step's answers, for "核对您的回答".
pub fn summary(step: usize, f: &EligibilityForm) -> Vec<(String, String)> {
    let yes_no = |b: bool| if b { "是" } else { "否" }.to_string();
    let or_blank = |s: &str| {
        if s.trim().is_empty() {
            "（未填）".to_string()
        } else {
            s.to_string()
        }
    };
    let labour = |c: &str| match c {
        "full" => "能干活",
        "partial" => "只能干轻活",
        "none" => "不能干活",
        _ => "（未选）",
    };
    match step {
        0 => vec![
            (
                "甘肃农业户籍、常住".into(),
                match f.hukou.as_str() {
                    "yes" => "是".into(),
                    "no" => "不是".into(),
                    _ => "（未答）".into(),
                },
            ),
            (
                "家庭类别".into(),
                match f.kind.as_str() {
                    "poverty_alleviated" => "脱贫户",
                    "ordinary" => "一般农户",
                    "monitored" => "已经是监测对象",
                    "unknown" => "不清楚",
                    _ => "（未答）",
                }
                .into(),
            ),
        ],
        1 => f
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                (
                    format!("第 {} 位成员", i + 1),
                    // The age as the engine reads it ("68岁", "六十八" → 68 岁).
                    match bangfu_policy::text::parse_whole(&m.age) {
                        Ok(age) => format!("{age} 岁，{}", labour(&m.labour)),
                        Err(_) => format!("{}，{}", or_blank(&m.age), labour(&m.labour)),
                    },
                )
            })
            .collect(),
        2 if f.income_mode == "estimate" => vec![
            ("工资收入".into(), or_blank(&f.wage)),
            ("经营收入".into(), or_blank(&f.operating)),
            ("财产收入".into(), or_blank(&f.property)),
            ("转移收入".into(), or_blank(&f.transfer)),
            ("生产花费".into(), or_blank(&f.expenses)),
        ],
        2 => vec![("家庭年人均纯收入".into(), or_blank(&f.per_capita))],
        3 => vec![
            ("刚性支出".into(), or_blank(&f.rigid)),
            (
                "收入大幅减少或严重困难".into(),
                yes_no(f.flags.contains(&Flag::DeclaredHardship)),
            ),
            (
                "有病人住院".into(),
                yes_no(f.flags.contains(&Flag::Hospitalized)),
            ),
            (
                "低保或特困".into(),
                yes_no(f.flags.contains(&Flag::OnDibao) || f.flags.contains(&Flag::OnTekun)),
            ),
        ],
        4 => vec![(
            "困难原因".into(),
            if f.risks.is_empty() {
                "没有选".into()
            } else {
                f.risks
                    .iter()
                    .map(|c| bangfu_policy::calc::eligibility::label_of(&RISKS, c))
                    .collect::<Vec<_>>()
                    .join("、")
            },
        )],
        _ => Vec::new(),
    }
}

/// The answers in a few plain lines (what the QR code and the saved picture hold): one line a
/// step, leaving out what was not answered or answered "no", so the code stays small.
pub fn answer_lines(f: &EligibilityForm, conclusion: &str) -> Vec<String> {
    let mut lines = vec![format!("防返贫自查（本人填写，未经核实）{}", f.date)];
    for (s, name) in super::state::STEPS.iter().enumerate() {
        let parts: Vec<String> = summary(s, f)
            .into_iter()
            .filter(|(_, v)| !["否", "（未填）", "（未答）", "没有选"].contains(&v.as_str()))
            .map(|(k, v)| format!("{k}:{v}"))
            .collect();
        if !parts.is_empty() {
            lines.push(format!("{name}｜{}", parts.join("；")));
        }
    }
    lines.push(format!("结论：{conclusion}"));
    lines
}
