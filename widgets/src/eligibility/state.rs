//! The eligibility form: the answers as typed, the step of the public walk-through, and the
//! requests they make. Pure (no DOM): a reducer and request builders. The income estimate is
//! the income engine's, the decision the eligibility engine's.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use yew::Reducible;

/// The public walk-through's pages, in order.
pub const STEPS: [&str; 5] = ["户籍与居住", "家庭成员", "收入", "支出与困难", "特殊情况"];
/// The questions about one member in 长辈 mode, one a screen: age, labour, disability,
/// schooling, then the situations (one multiple-choice question).
pub const MEMBER_QUESTIONS: [&str; 5] = ["age", "labour", "disability", "student", "situations"];
/// The estimate's amounts in 长辈 mode, one a screen after "how to fill in the income".
pub const AMOUNT_QUESTIONS: [&str; 5] = ["wage", "operating", "property", "transfer", "expenses"];

/// The page after the last step: "核对您的回答".
pub const REVIEW: usize = STEPS.len();
/// The result page.
pub const RESULT: usize = STEPS.len() + 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub key: u32,
    pub age: String,
    pub labour: String,
    pub serious_illness: bool,
    pub chronic: bool,
    pub disability: String,
    pub student: String,
    pub left_behind: bool,
    pub single_parent: bool,
    pub incapacitated_elderly: bool,
}

/// A yes/no flag of the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Flag {
    DeclaredHardship,
    OnDibao,
    OnTekun,
    Hospitalized,
    Accident,
    MajorChange,
    Complaint,
    /// 十三五 易地扶贫搬迁户, now on urban hukou (cadre form).
    Relocated,
    // Monitoring (cadre): conditions for risk elimination.
    IncomeAboveRange,
    RigidResolved,
    Guarantees,
    RiskEliminated,
    SevenConfirmed,
}

impl Flag {
    pub fn key(self) -> &'static str {
        match self {
            Flag::DeclaredHardship => "declared_hardship",
            Flag::OnDibao => "on_dibao",
            Flag::OnTekun => "on_tekun",
            Flag::Hospitalized => "hospitalized_member",
            Flag::Accident => "sudden_accident",
            Flag::MajorChange => "major_change_or_disaster",
            Flag::Complaint => "complaint_reported",
            Flag::Relocated => "relocated_13th_fyp",
            Flag::IncomeAboveRange => "income_above_range",
            Flag::RigidResolved => "rigid_expenditure_resolved",
            Flag::Guarantees => "three_guarantees_and_water",
            Flag::RiskEliminated => "risk_eliminated",
            Flag::SevenConfirmed => "seven_not_eliminate_checked",
        }
    }

    pub fn is_monitoring(self) -> bool {
        matches!(
            self,
            Flag::IncomeAboveRange
                | Flag::RigidResolved
                | Flag::Guarantees
                | Flag::RiskEliminated
                | Flag::SevenConfirmed
        )
    }
}

/// Text fields of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Date,
    Hukou,
    Kind,
    IncomeMode,
    PerCapita,
    AfterRigid,
    Wage,
    Operating,
    Property,
    Transfer,
    Expenses,
    Rigid,
    IdentifiedOn,
    Measures,
    StableMonths,
    /// 家庭人口 when it differs from the members listed (cadre form).
    HouseholdSize,
    /// 低保类别 `1` | `2` | `3` | "" (cadre form, with 享受农村低保).
    DibaoClass,
}

/// Which member text changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberText {
    Age,
    Labour,
    Disability,
    Student,
}

/// Which member flag changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberFlag {
    SeriousIllness,
    Chronic,
    LeftBehind,
    SingleParent,
    IncapacitatedElderly,
}

/// Serialisable so the public self-check can keep its answers for the session on the device
/// (`session.rs`); what was shown (attempted, touched) and the date are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EligibilityForm {
    pub step: usize,
    /// In 长辈 mode, which question of the step is on screen (one a screen); `usize::MAX`
    /// means the last one (arriving backwards).
    pub sub: usize,
    /// Steps the person tried to leave: their errors show.
    #[serde(skip)]
    pub attempted: BTreeSet<usize>,
    /// Failed attempts to leave a step: each one moves focus to the error summary.
    #[serde(skip)]
    pub tries: u32,
    #[serde(skip)]
    pub date: String,
    /// `yes` | `no` | "".
    pub hukou: String,
    /// `poverty_alleviated` | `ordinary` | `monitored` | `unknown` | "".
    pub kind: String,
    pub members: Vec<Member>,
    /// `known` (a figure, e.g. from the income calculator) or `estimate`.
    pub income_mode: String,
    pub per_capita: String,
    pub after_rigid: String,
    pub wage: String,
    pub operating: String,
    pub property: String,
    pub transfer: String,
    pub expenses: String,
    pub rigid: String,
    pub flags: BTreeSet<Flag>,
    pub risks: BTreeSet<String>,
    pub identified_on: String,
    pub measures: String,
    pub stable_months: String,
    pub household_size: String,
    pub dibao_class: String,
    #[serde(skip)]
    pub touched: BTreeSet<String>,
    /// The answers came from the income calculator (the cadre form says so and what came).
    pub from_income: bool,
    next_key: u32,
}

impl Default for EligibilityForm {
    fn default() -> Self {
        EligibilityForm::new(String::new())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The cadre form was submitted: every question's problems show.
    CheckAll,
    Go(usize),
    /// 长辈 mode: show question `sub` of the current step.
    Sub(usize),
    /// Back or forward in the browser history: step and question.
    At {
        step: usize,
        sub: usize,
    },
    /// Leaving `from` for `to`; `ok` says whether `from` had no errors.
    Leave {
        from: usize,
        to: usize,
        ok: bool,
    },
    Set(Text, String),
    SetFlag(Flag, bool),
    SetRisk(String, bool),
    AddMember,
    RemoveMember(u32),
    SetMember {
        key: u32,
        field: MemberText,
        value: String,
    },
    SetMemberFlag {
        key: u32,
        flag: MemberFlag,
        on: bool,
    },
    /// Figures handed over from the income calculator.
    Prefill(Prefill),
}

/// What another widget or the page hands over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefill {
    pub per_capita: Option<String>,
    pub after_rigid: Option<String>,
    /// (age, labour)
    pub members: Vec<(String, String)>,
    /// The household size when members were not listed one by one.
    pub household_size: Option<usize>,
    pub rigid: Option<String>,
    pub on_dibao: bool,
    pub on_tekun: bool,
    /// Sent by the income calculator (not set by page attributes): open on the check-answers
    /// page of the public walk-through.
    pub review: bool,
}

/// Most members a hand-off may create (the engine's own limit is 100).
const MAX_PREFILL_MEMBERS: usize = 30;

impl EligibilityForm {
    pub fn new(date: String) -> Self {
        EligibilityForm {
            step: 0,
            sub: 0,
            attempted: BTreeSet::new(),
            tries: 0,
            date,
            hukou: String::new(),
            kind: String::new(),
            members: vec![Member {
                key: 0,
                ..Member::default()
            }],
            income_mode: "estimate".into(),
            per_capita: String::new(),
            after_rigid: String::new(),
            wage: String::new(),
            operating: String::new(),
            property: String::new(),
            transfer: String::new(),
            expenses: String::new(),
            rigid: String::new(),
            flags: BTreeSet::new(),
            risks: BTreeSet::new(),
            identified_on: String::new(),
            measures: String::new(),
            stable_months: String::new(),
            household_size: String::new(),
            dibao_class: String::new(),
            touched: BTreeSet::new(),
            from_income: false,
            next_key: 1,
        }
    }

    pub fn text(&self, t: Text) -> &str {
        match t {
            Text::Date => &self.date,
            Text::Hukou => &self.hukou,
            Text::Kind => &self.kind,
            Text::IncomeMode => &self.income_mode,
            Text::PerCapita => &self.per_capita,
            Text::AfterRigid => &self.after_rigid,
            Text::Wage => &self.wage,
            Text::Operating => &self.operating,
            Text::Property => &self.property,
            Text::Transfer => &self.transfer,
            Text::Expenses => &self.expenses,
            Text::Rigid => &self.rigid,
            Text::IdentifiedOn => &self.identified_on,
            Text::Measures => &self.measures,
            Text::StableMonths => &self.stable_months,
            Text::HouseholdSize => &self.household_size,
            Text::DibaoClass => &self.dibao_class,
        }
    }

    /// The error key of a text field: a request path of the eligibility request, or of the
    /// income estimate (prefixed `income:`).
    pub fn key_of(t: Text) -> &'static str {
        match t {
            Text::Date => "input.date",
            Text::Hukou => "input.household.gansu_agricultural_hukou",
            Text::Kind => "input.household.kind",
            Text::IncomeMode => "income_mode",
            Text::PerCapita => "input.household.per_capita_net_income",
            Text::AfterRigid => "input.household.per_capita_after_rigid",
            Text::Wage => "income:input.items[0].amount",
            Text::Operating => "income:input.items[1].amount",
            Text::Property => "income:input.items[2].amount",
            Text::Transfer => "income:input.items[3].amount",
            Text::Expenses => "income:input.operating_expenses",
            Text::Rigid => "rigid",
            Text::IdentifiedOn => "input.household.monitoring.identified_on",
            Text::Measures => "input.household.monitoring.measures_in_place",
            Text::StableMonths => "input.household.monitoring.income_stable_months",
            Text::HouseholdSize => "input.household.household_size",
            Text::DibaoClass => "input.household.dibao_class",
        }
    }

    /// The public step an error key belongs to.
    pub fn step_of(key: &str) -> usize {
        if key.contains("gansu_agricultural_hukou")
            || key.contains("household.kind")
            || key == "input.date"
        {
            0
        } else if key.contains("members") || key == "income:input.household_size" {
            1
        } else if key.starts_with("income:") || key.contains("per_capita") || key == "income_mode" {
            if key.contains("rigid") {
                3
            } else {
                2
            }
        } else if key.contains("risks") {
            4
        } else if key == "rigid" || key.contains("rigid_expenditure") {
            3
        } else {
            0
        }
    }

    /// Where an error key's field is on the public pages: (question order, element id), for
    /// the error summary's links.
    pub fn error_target(&self, key: &str) -> (usize, String) {
        let member = |i: usize, field: &str| {
            let k = self.members.get(i).map_or(0, |m| m.key);
            match field {
                "labour" | "disability" | "student" => format!("m{k}-{field}"),
                _ => format!("m{k}-age"),
            }
        };
        if key.contains("gansu_agricultural_hukou") {
            return (0, "hukou-0".into());
        }
        if key.contains("household.kind") {
            return (1, "kind-0".into());
        }
        if let Some(rest) = key.split("members[").nth(1) {
            let i: usize = rest
                .split(']')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            let field = rest.split("].").nth(1).unwrap_or("age");
            let within = ["age", "labour", "disability", "student"]
                .iter()
                .position(|f| *f == field)
                .unwrap_or(0);
            return (100 + i.min(99) * 10 + within, member(i, field));
        }
        let fields: [(&str, &str); 10] = [
            ("household_size", "add-member"),
            ("members", "add-member"),
            ("items[0]", "wage"),
            ("items[1]", "operating"),
            ("items[2]", "property"),
            ("items[3]", "transfer"),
            ("operating_expenses", "expenses"),
            ("per_capita_net_income", "per-capita"),
            ("after_rigid", "after-rigid"),
            ("rigid", "rigid"),
        ];
        match fields.iter().position(|(k, _)| key.contains(k)) {
            Some(p) => (2000 + p, fields[p].1.to_string()),
            None => (3000, "step-title".into()),
        }
    }

    /// How many screens public step `step` takes in 长辈 mode (one question a screen): each
    /// member's questions and then "anyone else?"; the way to give the income, then each
    /// amount (or the known figure).
    pub fn questions_in(&self, step: usize) -> usize {
        match step {
            0 | 3 => 2,
            1 => self.members.len() * MEMBER_QUESTIONS.len() + 1,
            2 if self.income_mode == "estimate" => 1 + AMOUNT_QUESTIONS.len(),
            2 if self.after_rigid.is_empty() => 2,
            2 => 3,
            _ => 1,
        }
    }

    /// The 长辈-mode screen of its step an error's field (element id, see `error_target`) is on.
    pub fn question_of(&self, target: &str) -> usize {
        // A member's field: `m{key}-{field}`.
        let member = target
            .strip_prefix('m')
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(key, field)| {
                let key: u32 = key.parse().ok()?;
                let i = self.members.iter().position(|m| m.key == key)?;
                let q = MEMBER_QUESTIONS.iter().position(|f| *f == field)?;
                Some(i * MEMBER_QUESTIONS.len() + q)
            });
        if let Some(q) = member {
            return q;
        }
        if let Some(q) = AMOUNT_QUESTIONS.iter().position(|f| *f == target) {
            return 1 + q;
        }
        match target {
            "kind-0" | "per-capita" => 1,
            "after-rigid" => 2,
            "add-member" => self.members.len() * MEMBER_QUESTIONS.len(),
            _ => 0,
        }
    }

    pub fn shows_error(&self, key: &str) -> bool {
        self.touched.contains(key) || self.attempted.contains(&Self::step_of(key))
    }

    fn kind_code(&self) -> &str {
        match self.kind.as_str() {
            "unknown" => "ordinary",
            k => k,
        }
    }

    /// The income request of the short estimate (four totals, fixed positions 0..3).
    pub fn income_request(&self) -> Option<Value> {
        if self.income_mode != "estimate" {
            return None;
        }
        let amount = |s: &str| {
            if s.trim().is_empty() {
                "0".to_string()
            } else {
                s.to_string()
            }
        };
        let items: Vec<Value> = [
            ("wage", "工资性收入", &self.wage),
            ("operating", "生产经营性收入", &self.operating),
            ("property", "财产性收入", &self.property),
            ("transfer", "转移性收入", &self.transfer),
        ]
        .iter()
        .map(|(c, n, a)| json!({ "category": c, "item": n, "amount": amount(a) }))
        .collect();
        let year: i32 = self
            .date
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(crate::props::DEFAULT_YEAR);
        let mut input = json!({
            "year": year,
            "household_size": self.members.len().to_string(),
            "items": items,
            "operating_expenses": self.expenses,
        });
        if !self.rigid.trim().is_empty() {
            input["rigid_expenditure"] = Value::String(self.rigid.clone());
        }
        Some(json!({ "calculator": "income", "input": input }))
    }

    /// The eligibility request, given the per-capita figures of the estimate (if any).
    pub fn to_request(
        &self,
        estimate: Option<(String, Option<String>)>,
        rule_set: Option<&str>,
        overrides: Option<&Value>,
    ) -> Value {
        let mut h = Map::new();
        if !self.kind.is_empty() {
            h.insert("kind".into(), json!(self.kind_code()));
        }
        match self.hukou.as_str() {
            "yes" => {
                h.insert("gansu_agricultural_hukou".into(), json!(true));
            }
            "no" => {
                h.insert("gansu_agricultural_hukou".into(), json!(false));
            }
            _ => {}
        }
        match (&estimate, self.income_mode.as_str()) {
            (Some((pc, after)), "estimate") => {
                h.insert("per_capita_net_income".into(), json!(pc));
                if let Some(a) = after {
                    h.insert("per_capita_after_rigid".into(), json!(a));
                }
            }
            // The estimate failed: no figure is sent (the engine then refuses the request);
            // the estimate's own errors say what to fix.
            (None, "estimate") => {}
            _ => {
                h.insert("per_capita_net_income".into(), json!(self.per_capita));
                if !self.after_rigid.trim().is_empty() {
                    h.insert("per_capita_after_rigid".into(), json!(self.after_rigid));
                } else if !self.rigid.trim().is_empty() {
                    h.insert("rigid_expenditure".into(), json!(self.rigid));
                }
            }
        }
        for f in &self.flags {
            if !f.is_monitoring() {
                h.insert(f.key().into(), json!(true));
            }
        }
        h.insert("risks".into(), json!(self.risks.iter().collect::<Vec<_>>()));
        let members: Vec<Value> = self
            .members
            .iter()
            .map(|m| {
                let mut o = Map::new();
                for (k, v) in [
                    ("age", &m.age),
                    ("labour", &m.labour),
                    ("disability", &m.disability),
                    ("student", &m.student),
                ] {
                    if !v.trim().is_empty() {
                        o.insert(k.into(), json!(v));
                    }
                }
                for (k, on) in [
                    ("serious_illness", m.serious_illness),
                    ("chronic_illness_heavy_burden", m.chronic),
                    ("left_behind", m.left_behind),
                    ("single_parent", m.single_parent),
                    ("incapacitated_elderly", m.incapacitated_elderly),
                ] {
                    if on {
                        o.insert(k.into(), json!(true));
                    }
                }
                Value::Object(o)
            })
            .collect();
        h.insert("members".into(), Value::Array(members));
        if !self.household_size.trim().is_empty() {
            h.insert("household_size".into(), json!(self.household_size));
        }
        if self.flags.contains(&Flag::OnDibao) && !self.dibao_class.is_empty() {
            h.insert("dibao_class".into(), json!(self.dibao_class));
        }
        if self.kind == "monitored" {
            let mut m = Map::new();
            for (k, v) in [
                ("identified_on", &self.identified_on),
                ("measures_in_place", &self.measures),
                ("income_stable_months", &self.stable_months),
            ] {
                if !v.trim().is_empty() {
                    m.insert(k.into(), json!(v));
                }
            }
            for f in self.flags.iter().filter(|f| f.is_monitoring()) {
                m.insert(f.key().into(), json!(true));
            }
            h.insert("monitoring".into(), Value::Object(m));
        }
        let mut request = json!({ "calculator": "eligibility", "input": { "date": self.date, "household": Value::Object(h) } });
        if let Some(rs) = rule_set.filter(|r| !r.trim().is_empty()) {
            request["rule_set"] = json!(rs);
        }
        if let Some(o) = overrides {
            request["overrides"] = o.clone();
        }
        request
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Go(step) => {
                self.step = step.min(RESULT);
                self.sub = 0;
            }
            Action::Sub(sub) => self.sub = sub,
            Action::At { step, sub } => {
                self.step = step.min(RESULT);
                self.sub = sub;
            }
            Action::CheckAll => self.attempted.extend(0..STEPS.len()),
            Action::Leave { from, to, ok } => {
                if ok || to < from {
                    self.step = to.min(RESULT);
                    self.sub = if to < from { usize::MAX } else { 0 };
                } else {
                    self.attempted.insert(from);
                    self.tries = self.tries.wrapping_add(1);
                }
            }
            Action::Set(t, v) => {
                self.touched.insert(Self::key_of(t).to_string());
                let slot = match t {
                    Text::Date => &mut self.date,
                    Text::Hukou => &mut self.hukou,
                    Text::Kind => &mut self.kind,
                    Text::IncomeMode => &mut self.income_mode,
                    Text::PerCapita => &mut self.per_capita,
                    Text::AfterRigid => &mut self.after_rigid,
                    Text::Wage => &mut self.wage,
                    Text::Operating => &mut self.operating,
                    Text::Property => &mut self.property,
                    Text::Transfer => &mut self.transfer,
                    Text::Expenses => &mut self.expenses,
                    Text::Rigid => &mut self.rigid,
                    Text::IdentifiedOn => &mut self.identified_on,
                    Text::Measures => &mut self.measures,
                    Text::StableMonths => &mut self.stable_months,
                    Text::HouseholdSize => &mut self.household_size,
                    Text::DibaoClass => &mut self.dibao_class,
                };
                *slot = v;
            }
            Action::SetFlag(f, on) => {
                if on {
                    self.flags.insert(f);
                } else {
                    self.flags.remove(&f);
                }
            }
            Action::SetRisk(code, on) => {
                if on {
                    self.risks.insert(code);
                } else {
                    self.risks.remove(&code);
                }
            }
            // In 长辈 mode (one question a screen) an added member's first question comes next,
            // and after a removal the "anyone else?" screen stays; elsewhere `sub` is unused.
            Action::AddMember => {
                self.sub = self.members.len() * MEMBER_QUESTIONS.len();
                self.members.push(Member {
                    key: self.next_key,
                    ..Member::default()
                });
                self.next_key += 1;
            }
            Action::RemoveMember(key) => {
                if self.members.len() > 1 {
                    self.members.retain(|m| m.key != key);
                }
                self.sub = self.members.len() * MEMBER_QUESTIONS.len();
            }
            Action::SetMember { key, field, value } => {
                if let Some(m) = self.members.iter_mut().find(|m| m.key == key) {
                    match field {
                        MemberText::Age => m.age = value,
                        MemberText::Labour => m.labour = value,
                        MemberText::Disability => m.disability = value,
                        MemberText::Student => m.student = value,
                    }
                }
                // A member's problems show when the person tries to go on (not while the
                // other questions about that member are still unanswered).
            }
            Action::SetMemberFlag { key, flag, on } => {
                if let Some(m) = self.members.iter_mut().find(|m| m.key == key) {
                    let slot = match flag {
                        MemberFlag::SeriousIllness => &mut m.serious_illness,
                        MemberFlag::Chronic => &mut m.chronic,
                        MemberFlag::LeftBehind => &mut m.left_behind,
                        MemberFlag::SingleParent => &mut m.single_parent,
                        MemberFlag::IncapacitatedElderly => &mut m.incapacitated_elderly,
                    };
                    *slot = on;
                }
            }
            Action::Prefill(p) => {
                if let Some(pc) = p.per_capita {
                    self.income_mode = "known".into();
                    self.per_capita = pc;
                }
                if let Some(a) = p.after_rigid {
                    self.after_rigid = a;
                }
                let mut members = p.members;
                if members.is_empty() {
                    // Only a size was typed: that many members, nothing known about them.
                    let n = p.household_size.unwrap_or(0).min(MAX_PREFILL_MEMBERS);
                    members = vec![(String::new(), String::new()); n];
                }
                if !members.is_empty() {
                    self.members = members
                        .into_iter()
                        .take(MAX_PREFILL_MEMBERS)
                        .enumerate()
                        .map(|(i, (age, labour))| Member {
                            key: 1000 + i as u32,
                            age,
                            labour,
                            ..Member::default()
                        })
                        .collect();
                }
                if let Some(r) = p.rigid {
                    self.rigid = r;
                }
                for (on, flag) in [(p.on_dibao, Flag::OnDibao), (p.on_tekun, Flag::OnTekun)] {
                    if on {
                        self.flags.insert(flag);
                    }
                }
                if p.review {
                    self.step = REVIEW;
                    self.from_income = true;
                }
            }
        }
    }
}

/// Longest text kept in any answer read back from storage.
const MAX_ANSWER_CHARS: usize = 40;
/// Most household members read back from storage.
const MAX_MEMBERS: usize = 30;

impl EligibilityForm {
    /// The form read back from storage made safe: every text bounded, every choice one of its
    /// codes (else unanswered), members bounded and renumbered, the step in range.
    pub fn bounded(mut self) -> Self {
        fn cut(s: &mut String) {
            if let Some((i, _)) = s.char_indices().nth(MAX_ANSWER_CHARS) {
                s.truncate(i);
            }
        }
        fn one_of(s: &mut String, codes: &[&str]) {
            if !codes.contains(&s.as_str()) {
                s.clear();
            }
        }
        self.step = self.step.min(RESULT);
        one_of(&mut self.hukou, &["yes", "no"]);
        one_of(
            &mut self.kind,
            &["poverty_alleviated", "ordinary", "monitored", "unknown"],
        );
        if !["known", "estimate"].contains(&self.income_mode.as_str()) {
            self.income_mode = "estimate".into();
        }
        for t in [
            &mut self.per_capita,
            &mut self.after_rigid,
            &mut self.wage,
            &mut self.operating,
            &mut self.property,
            &mut self.transfer,
            &mut self.expenses,
            &mut self.rigid,
            &mut self.identified_on,
            &mut self.measures,
            &mut self.stable_months,
            &mut self.household_size,
        ] {
            cut(t);
        }
        one_of(&mut self.dibao_class, &["1", "2", "3", "4"]);
        self.members.truncate(MAX_MEMBERS);
        if self.members.is_empty() {
            self.members.push(Member::default());
        }
        for (i, m) in self.members.iter_mut().enumerate() {
            m.key = i as u32;
            cut(&mut m.age);
            one_of(&mut m.labour, &["full", "partial", "none"]);
            one_of(&mut m.disability, &["mild", "severe"]);
            one_of(&mut m.student, &["high_school", "vocational", "college"]);
        }
        self.next_key = self.members.len() as u32;
        let known = &bangfu_policy::calc::eligibility::RISKS;
        self.risks
            .retain(|r| known.iter().any(|(code, _)| *code == r.as_str()));
        self
    }
}

impl Reducible for EligibilityForm {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl EligibilityForm {
    /// The household facts handed to the subsidy estimator (`#bangfu-household=<JSON>`).
    pub fn household_payload(&self) -> Value {
        let members: Vec<Value> = self
            .members
            .iter()
            .map(|m| json!({ "age": m.age.trim(), "labour": m.labour, "student": m.student, "disability": m.disability }))
            .collect();
        // A household not yet identified (一般农户, 不清楚) is estimated "as if identified as
        // a 监测户" — what it would receive once identified; 脱贫户 and 监测户 stay as they are.
        let kind = self.kind_code();
        let as_if_monitored = !matches!(kind, "poverty_alleviated" | "monitored");
        let mut payload = json!({
            "kind": if as_if_monitored { "monitored" } else { kind },
            "as_if_monitored": as_if_monitored,
            "gansu_agricultural_hukou": self.hukou == "yes",
            "on_dibao": self.flags.contains(&Flag::OnDibao),
            "on_tekun": self.flags.contains(&Flag::OnTekun),
            "members": members,
        });
        // The medical figure the self-check knows: the self-paid costs of a household with a
        // member in hospital (the question counts 看病、上学、受灾 together; the estimator
        // says so and asks for the hospital bill).
        if self.flags.contains(&Flag::Hospitalized) && !self.rigid.trim().is_empty() {
            payload["details"] =
                json!({ "medical_assistance": { "self_paid": self.rigid.trim() } });
            payload["self_paid_from_self_check"] = json!(true);
        }
        payload
    }
}

/// Reads `#bangfu-income=<JSON>` (the income calculator's hand-off) from a URL fragment.
pub fn prefill_from_fragment(
    fragment: &str,
    decode: impl Fn(&str) -> Option<String>,
) -> Option<Prefill> {
    let raw = crate::ui::fragment::raw_value(fragment, "bangfu-income")?;
    let v = crate::ui::fragment::bounded_json(&decode(raw)?)?;
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let members = v
        .get("members")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|m| {
                    let s = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                    (s("age"), s("labour"))
                })
                .collect()
        })
        .unwrap_or_default();
    let flag = |k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
    Some(Prefill {
        per_capita: text("per_capita_net_income"),
        after_rigid: text("per_capita_after_rigid"),
        members,
        household_size: v
            .get("household_size")
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok()),
        rigid: text("rigid_expenditure"),
        on_dibao: flag("on_dibao"),
        on_tekun: flag("on_tekun"),
        review: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> EligibilityForm {
        EligibilityForm::new("2024-06-01".into())
    }

    #[test]
    fn the_estimate_asks_the_income_engine_with_four_fixed_lines() {
        let mut f = form();
        f.apply(Action::Set(Text::Wage, "12000".into()));
        f.apply(Action::Set(Text::Rigid, "3000".into()));
        let req = f.income_request().unwrap();
        assert_eq!(req["input"]["items"].as_array().unwrap().len(), 4);
        assert_eq!(req["input"]["items"][2]["amount"], "0");
        assert_eq!(req["input"]["household_size"], "1");
        assert_eq!(req["input"]["year"], 2024);
        assert_eq!(req["input"]["rigid_expenditure"], "3000");
    }

    #[test]
    fn leaving_a_step_with_errors_stays_and_shows_them_going_back_always_works() {
        let mut f = form();
        f.apply(Action::Leave {
            from: 0,
            to: 1,
            ok: false,
        });
        assert_eq!(f.step, 0);
        assert!(f.shows_error("input.household.kind"));
        f.apply(Action::Leave {
            from: 0,
            to: 1,
            ok: true,
        });
        f.apply(Action::Leave {
            from: 1,
            to: 0,
            ok: false,
        });
        assert_eq!(f.step, 0);
    }

    #[test]
    fn an_unknown_kind_is_asked_about_as_an_ordinary_household() {
        let mut f = form();
        f.apply(Action::Set(Text::Kind, "unknown".into()));
        f.apply(Action::Set(Text::Hukou, "yes".into()));
        f.apply(Action::Set(Text::IncomeMode, "known".into()));
        f.apply(Action::Set(Text::PerCapita, "7000".into()));
        let req = f.to_request(None, None, None);
        assert_eq!(req["input"]["household"]["kind"], "ordinary");
        assert_eq!(req["input"]["household"]["gansu_agricultural_hukou"], true);
        assert_eq!(req["input"]["household"]["per_capita_net_income"], "7000");
    }

    #[test]
    fn the_income_hand_off_fragment_fills_the_figures_and_members() {
        let p = prefill_from_fragment(
            "#bangfu-income={\"per_capita_net_income\":\"7066.67\",\"members\":[{\"age\":\"45\",\"labour\":\"full\"}]}",
            |s| Some(s.to_string()),
        )
        .unwrap();
        let mut f = form();
        f.apply(Action::Prefill(p));
        assert_eq!(f.income_mode, "known");
        assert_eq!(f.per_capita, "7066.67");
        assert_eq!(f.members[0].labour, "full");
        assert_eq!(f.step, REVIEW, "opens on the check-answers page");
        assert!(prefill_from_fragment("#other=1", |s| Some(s.to_string())).is_none());
        assert!(
            prefill_from_fragment("#bangfu-income=%7Bbroken", |s| Some(s.to_string())).is_none()
        );
    }

    #[test]
    fn every_fact_of_the_income_hand_off_is_kept() {
        // Source: issue 13 — 低保 entered as 低保金 3,360 was dropped on the way.
        let p = prefill_from_fragment(
            "#bangfu-income={\"per_capita_net_income\":\"12290.00\",\"household_size\":4,\"members\":[],\"on_dibao\":true,\"rigid_expenditure\":\"3000\",\"from\":\"cadre\"}",
            |s| Some(s.to_string()),
        )
        .unwrap();
        let mut f = form();
        f.apply(Action::Prefill(p));
        assert!(f.flags.contains(&Flag::OnDibao));
        assert!(!f.flags.contains(&Flag::OnTekun));
        assert_eq!(
            f.members.len(),
            4,
            "a size without members gives that many members"
        );
        assert_eq!(f.rigid, "3000");
        let req = f.to_request(None, None, None);
        assert_eq!(req["input"]["household"]["on_dibao"], true);
        assert_eq!(
            req["input"]["household"]["per_capita_net_income"],
            "12290.00"
        );
    }

    #[test]
    fn the_subsidy_hand_off_estimates_as_if_identified_with_the_medical_figure() {
        // Source: issue 13 — the self-check opened the estimator as 一般农户, all 不符合, total 0.
        let mut f = form();
        f.apply(Action::Set(Text::Kind, "unknown".into()));
        f.apply(Action::Set(Text::Rigid, "24000".into()));
        f.apply(Action::SetFlag(Flag::Hospitalized, true));
        let p = f.household_payload();
        assert_eq!(p["kind"], "monitored");
        assert_eq!(p["as_if_monitored"], true);
        assert_eq!(p["details"]["medical_assistance"]["self_paid"], "24000");
        f.apply(Action::Set(Text::Kind, "poverty_alleviated".into()));
        assert_eq!(f.household_payload()["kind"], "poverty_alleviated");
        assert_eq!(f.household_payload()["as_if_monitored"], false);
    }

    #[test]
    fn monitoring_details_are_sent_only_for_monitored_households() {
        let mut f = form();
        f.apply(Action::SetFlag(Flag::RiskEliminated, true));
        f.apply(Action::SetFlag(Flag::OnDibao, true));
        let req = f.to_request(None, None, None);
        assert!(req["input"]["household"].get("monitoring").is_none());
        assert_eq!(req["input"]["household"]["on_dibao"], true);
        f.apply(Action::Set(Text::Kind, "monitored".into()));
        let req = f.to_request(None, None, None);
        assert_eq!(
            req["input"]["household"]["monitoring"]["risk_eliminated"],
            true
        );
    }
}
