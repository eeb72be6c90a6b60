//! The subsidy estimator's state: the household as typed, each programme's details as typed,
//! and the portal's configuration. Pure: a reducer and the request for the subsidy engine.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::{json, Map, Value};
use yew::Reducible;

/// One detail field of a programme card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text {
        label: &'static str,
        unit: &'static str,
    },
    Select {
        label: &'static str,
        options: &'static [(&'static str, &'static str)],
    },
    Check {
        label: &'static str,
    },
}

/// The detail fields of each programme (api.md subsidy details), in card order.
pub const FIELDS: &[(&str, &str, Input)] = &[
    (
        "college_grant",
        "admission",
        Input::Select {
            label: "录取层次",
            options: &[
                ("", "请选择"),
                ("undergraduate", "本科"),
                ("junior_college", "专科（高职高专）"),
            ],
        },
    ),
    (
        "college_grant",
        "in_province_gaokao",
        Input::Check {
            label: "在甘肃省内参加普通高考",
        },
    ),
    (
        "yulu",
        "students",
        Input::Text {
            label: "上中职、高职的孩子人数",
            unit: "人",
        },
    ),
    (
        "yulu",
        "years_remaining",
        Input::Text {
            label: "还要上几个学年",
            unit: "学年",
        },
    ),
    (
        "medical_tilt",
        "eligible_cost",
        Input::Text {
            label: "政策范围内医疗费用",
            unit: "元",
        },
    ),
    (
        "medical_tilt",
        "deductible",
        Input::Text {
            label: "大病保险起付线（标准）",
            unit: "元",
        },
    ),
    (
        "medical_tilt",
        "bands_measured_on",
        Input::Select {
            label: "分段上限按什么计",
            options: &[
                (
                    "total_cost",
                    "按总费用（如“起付线以上至 5 万元”指总费用 5 万元）",
                ),
                ("above_deductible", "按起付线以上的部分"),
            ],
        },
    ),
    (
        "medical_assistance",
        "self_paid",
        Input::Text {
            label: "政策范围内个人自付住院费用",
            unit: "元",
        },
    ),
    (
        "medical_assistance",
        "annual_limit",
        Input::Text {
            label: "年度救助限额（可不填）",
            unit: "元",
        },
    ),
    (
        "microcredit",
        "principal",
        Input::Text {
            label: "贷款金额",
            unit: "元",
        },
    ),
    (
        "microcredit",
        "years",
        Input::Text {
            label: "贷款期限",
            unit: "年",
        },
    ),
    (
        "microcredit",
        "loan_date",
        Input::Text {
            label: "放款日期",
            unit: "",
        },
    ),
    (
        "microcredit",
        "borrower_age",
        Input::Text {
            label: "借款人年龄",
            unit: "岁",
        },
    ),
    (
        "microcredit",
        "subsidy_ratio",
        Input::Text {
            label: "贴息比例（如 100% 表示全额，当地规定）",
            unit: "",
        },
    ),
    (
        "transport",
        "destination",
        Input::Select {
            label: "务工地点",
            options: &[
                ("", "请选择"),
                ("shaanxi_ningxia", "省外：陕西、宁夏"),
                ("other_province", "省外：其他省份"),
                ("in_province_other_city", "省内、市外"),
                ("in_city_other_county", "市内、县外"),
            ],
        },
    ),
    (
        "transport",
        "months_worked",
        Input::Text {
            label: "今年自主外出务工",
            unit: "个月",
        },
    ),
    (
        "public_welfare_job",
        "months",
        Input::Text {
            label: "在岗月数",
            unit: "个月",
        },
    ),
    (
        "public_welfare_job",
        "dibao_class",
        Input::Select {
            label: "低保类别（如是低保户）",
            options: &[
                ("", "不是低保户"),
                ("1", "一类"),
                ("2", "二类"),
                ("3", "三类"),
                ("4", "四类"),
            ],
        },
    ),
    (
        "housing_retrofit",
        "amount",
        Input::Text {
            label: "当地补助金额（可填）",
            unit: "元",
        },
    ),
    (
        "relocation",
        "amount",
        Input::Text {
            label: "当地补助金额（可填）",
            unit: "元",
        },
    ),
    (
        "accessibility",
        "amount",
        Input::Text {
            label: "当地补助金额（可填）",
            unit: "元",
        },
    ),
    (
        "greenhouse",
        "amount",
        Input::Text {
            label: "当地补助金额（可填）",
            unit: "元",
        },
    ),
    (
        "disability_allowance",
        "amount",
        Input::Text {
            label: "当地补贴金额（可填）",
            unit: "元",
        },
    ),
];

/// Segments of the local 大病保险 schedule typed by the person (up to three; the last open).
pub const SEGMENT_ROWS: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberRow {
    pub key: u32,
    pub age: String,
    pub labour: String,
    pub student: String,
    pub disability: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsidyForm {
    pub year: i32,
    pub kind: String,
    pub hukou: bool,
    pub on_dibao: bool,
    pub on_tekun: bool,
    pub orphan: bool,
    /// A member holds a 乡村公益性岗位 (its pay counts in the total only then).
    pub holds_job: bool,
    pub members: Vec<MemberRow>,
    /// (programme, field) → typed text ("true"/"false" for checks).
    pub details: BTreeMap<(String, String), String>,
    /// (up_to, ratio) rows of the typed schedule.
    pub segments: Vec<(String, String)>,
    /// Handed over by the self-check for a household not yet identified: the estimate is
    /// "as if identified as a 监测户" (the view says so).
    pub as_if_monitored: bool,
    /// The medical figure came from the self-check's total of 看病、上学、受灾 costs.
    pub self_paid_from_self_check: bool,
    next_key: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetYear(i32),
    SetKind(String),
    SetFlag(&'static str, bool),
    SetMember {
        key: u32,
        field: &'static str,
        value: String,
    },
    AddMember,
    RemoveMember(u32),
    SetDetail {
        programme: String,
        field: String,
        value: String,
    },
    SetSegment {
        row: usize,
        up_to: Option<String>,
        ratio: Option<String>,
    },
    Prefill(Value),
}

/// The detail fields that hold a share (typed as "60%", "六成" or "0.6"); the reimbursement
/// ratios of the medical schedule are shares too.
const RATIO_FIELDS: [(&str, &str); 1] = [("microcredit", "subsidy_ratio")];

pub fn is_ratio(programme: &str, field: &str) -> bool {
    RATIO_FIELDS.contains(&(programme, field))
}

/// A typed share as the engine reads it ("60%" → "0.6"); text that is not a share is passed
/// on as typed, so the engine refuses it and nothing is guessed.
pub fn ratio_for_engine(typed: &str) -> String {
    bangfu_policy::text::parse_ratio(typed).map_or_else(|_| typed.to_string(), |r| r.to_string())
}

/// The message beside a share field whose text cannot be read (None when empty or fine).
pub fn ratio_problem(typed: &str) -> Option<&'static str> {
    if typed.trim().is_empty() {
        return None;
    }
    bangfu_policy::text::parse_ratio(typed)
        .err()
        .map(bangfu_policy::text::ratio_message)
}

impl SubsidyForm {
    pub fn new(year: i32) -> Self {
        SubsidyForm {
            year,
            kind: "poverty_alleviated".into(),
            hukou: true,
            on_dibao: false,
            on_tekun: false,
            orphan: false,
            holds_job: false,
            members: vec![MemberRow {
                key: 0,
                age: String::new(),
                labour: "full".into(),
                ..MemberRow::default()
            }],
            details: BTreeMap::new(),
            segments: vec![(String::new(), String::new()); SEGMENT_ROWS],
            as_if_monitored: false,
            self_paid_from_self_check: false,
            next_key: 1,
        }
    }

    pub fn detail(&self, programme: &str, field: &str) -> &str {
        self.details
            .get(&(programme.to_string(), field.to_string()))
            .map_or("", String::as_str)
    }

    /// The api.md subsidy request; `config` holds the portal's defaults per programme
    /// (`{ "medical_tilt": { "deductible": …, "segments": […] }, … }`), typed values win.
    pub fn to_request(
        &self,
        config: &Map<String, Value>,
        overrides: Option<&Value>,
        rule_set: Option<&str>,
    ) -> Value {
        let members: Vec<Value> = self
            .members
            .iter()
            .map(|m| {
                let mut o = Map::new();
                for (k, v) in [
                    ("age", &m.age),
                    ("labour", &m.labour),
                    ("student", &m.student),
                    ("disability", &m.disability),
                ] {
                    if !v.trim().is_empty() {
                        o.insert(k.into(), json!(v));
                    }
                }
                Value::Object(o)
            })
            .collect();
        let mut details = config.clone();
        for ((programme, field), value) in &self.details {
            if value.trim().is_empty() {
                continue;
            }
            let entry = details
                .entry(programme.clone())
                .or_insert_with(|| json!({}));
            if let Some(o) = entry.as_object_mut() {
                let v = match value.as_str() {
                    "true" => json!(true),
                    "false" => json!(false),
                    v if is_ratio(programme, field) => json!(ratio_for_engine(v)),
                    v => json!(v),
                };
                o.insert(field.clone(), v);
            }
        }
        let typed: Vec<&(String, String)> = self
            .segments
            .iter()
            .filter(|(_, r)| !r.trim().is_empty())
            .collect();
        if !typed.is_empty() {
            let n = typed.len();
            let segs: Vec<Value> = typed
                .iter()
                .enumerate()
                .map(|(i, (u, r))| {
                    let up_to = if i + 1 == n || u.trim().is_empty() {
                        Value::Null
                    } else {
                        json!(u)
                    };
                    json!({ "up_to": up_to, "ratio": ratio_for_engine(r) })
                })
                .collect();
            let entry = details
                .entry("medical_tilt".to_string())
                .or_insert_with(|| json!({}));
            if let Some(o) = entry.as_object_mut() {
                o.insert("segments".into(), Value::Array(segs));
            }
        }
        // Local rules are usually written on the total cost ("起付线以上至 50000 元"): that is
        // the widget's default reading unless the portal or the user says otherwise.
        if let Some(o) = details
            .entry("medical_tilt".to_string())
            .or_insert_with(|| json!({}))
            .as_object_mut()
        {
            o.entry("bands_measured_on")
                .or_insert_with(|| json!("total_cost"));
        }
        let mut request = json!({ "calculator": "subsidy", "input": {
            "year": self.year,
            "household": {
                "kind": self.kind, "gansu_agricultural_hukou": self.hukou, "on_dibao": self.on_dibao,
                "on_tekun": self.on_tekun, "orphan": self.orphan,
                "holds_public_welfare_job": self.holds_job, "members": members },
            "details": Value::Object(details) } });
        if let Some(o) = overrides {
            request["overrides"] = o.clone();
        }
        if let Some(rs) = rule_set.filter(|r| !r.trim().is_empty()) {
            request["rule_set"] = json!(rs);
        }
        request
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetYear(y) => self.year = y,
            Action::SetKind(k) => self.kind = k,
            Action::SetFlag(name, on) => match name {
                "hukou" => self.hukou = on,
                "on_dibao" => self.on_dibao = on,
                "on_tekun" => self.on_tekun = on,
                "orphan" => self.orphan = on,
                "holds_public_welfare_job" => self.holds_job = on,
                _ => {}
            },
            Action::SetMember { key, field, value } => {
                if let Some(m) = self.members.iter_mut().find(|m| m.key == key) {
                    match field {
                        "age" => m.age = value,
                        "labour" => m.labour = value,
                        "student" => m.student = value,
                        "disability" => m.disability = value,
                        _ => {}
                    }
                }
            }
            Action::AddMember => {
                self.members.push(MemberRow {
                    key: self.next_key,
                    labour: "full".into(),
                    ..MemberRow::default()
                });
                self.next_key += 1;
            }
            Action::RemoveMember(key) => {
                if self.members.len() > 1 {
                    self.members.retain(|m| m.key != key);
                }
            }
            Action::SetDetail {
                programme,
                field,
                value,
            } => {
                self.details.insert((programme, field), value);
            }
            Action::SetSegment { row, up_to, ratio } => {
                if let Some(seg) = self.segments.get_mut(row) {
                    if let Some(u) = up_to {
                        seg.0 = u;
                    }
                    if let Some(r) = ratio {
                        seg.1 = r;
                    }
                }
            }
            Action::Prefill(v) => self.prefill(&v),
        }
    }

    /// Household facts handed over by the eligibility checker (`#bangfu-household=` or the
    /// `household` attribute): unknown or malformed parts are ignored.
    fn prefill(&mut self, v: &Value) {
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let flag = |k: &str| v.get(k).and_then(Value::as_bool);
        if let Some(k) = text("kind")
            .filter(|k| ["poverty_alleviated", "ordinary", "monitored"].contains(&k.as_str()))
        {
            self.kind = k;
        }
        for (name, slot) in [
            ("gansu_agricultural_hukou", &mut self.hukou),
            ("on_dibao", &mut self.on_dibao),
            ("on_tekun", &mut self.on_tekun),
            ("orphan", &mut self.orphan),
            ("as_if_monitored", &mut self.as_if_monitored),
            (
                "self_paid_from_self_check",
                &mut self.self_paid_from_self_check,
            ),
        ] {
            if let Some(b) = flag(name) {
                *slot = b;
            }
        }
        // Detail figures (as text) for the programmes and fields this form asks about.
        if let Some(details) = v.get("details").and_then(Value::as_object) {
            for (programme, field, _) in FIELDS {
                if let Some(Value::String(t)) = details.get(*programme).and_then(|d| d.get(*field))
                {
                    if t.len() <= 40 {
                        self.details
                            .insert((programme.to_string(), field.to_string()), t.clone());
                    }
                }
            }
        }
        if let Some(list) = v
            .get("members")
            .and_then(Value::as_array)
            .filter(|l| !l.is_empty())
        {
            self.members = list
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let s = |k: &str| match m.get(k) {
                        Some(Value::String(s)) => s.clone(),
                        Some(Value::Number(n)) => n.to_string(),
                        _ => String::new(),
                    };
                    MemberRow {
                        key: 100 + i as u32,
                        age: s("age"),
                        labour: s("labour"),
                        student: s("student"),
                        disability: s("disability"),
                    }
                })
                .collect();
        }
    }
}

impl Reducible for SubsidyForm {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// The portal's configuration (attribute `config`): per-programme defaults and parameter
/// overrides. Returns the parsed parts and the problems found, in plain Chinese.
pub fn parse_config(text: Option<&str>) -> (Map<String, Value>, Option<Value>, Vec<String>) {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return (Map::new(), None, Vec::new());
    };
    let v: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => {
            return (
                Map::new(),
                None,
                vec!["门户配置（config）不是有效的 JSON，已忽略".to_string()],
            )
        }
    };
    let Some(o) = v.as_object() else {
        return (
            Map::new(),
            None,
            vec!["门户配置（config）应为一个对象，已忽略".to_string()],
        );
    };
    let mut problems = Vec::new();
    let mut details = Map::new();
    for (k, val) in o {
        if k == "overrides" {
            continue;
        }
        if !FIELDS.iter().any(|(p, _, _)| p == k) {
            problems.push(format!("门户配置中有不认识的项目“{k}”，已忽略"));
        } else if !val.is_object() {
            problems.push(format!("门户配置中“{k}”应为一组设置，已忽略"));
        } else {
            details.insert(k.clone(), val.clone());
        }
    }
    (details, o.get("overrides").cloned(), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_typed_as_percentages_reach_the_engine_as_fractions() {
        let cases: [(&str, &str, &str, Option<&str>); 5] = [
            ("a percentage", "60%", "0.6", None),
            ("tenths", "七成", "0.7", None),
            ("a fraction as before", "0.65", "0.65", None),
            (
                "a bare 60 is refused, not guessed",
                "60",
                "60",
                Some("比例不能超过 100%；60% 请写成“60%”或“0.6”"),
            ),
            (
                "words",
                "很多",
                "很多",
                Some("没看懂这个比例，请写成如 60%、六成或 0.6"),
            ),
        ];
        for (name, typed, sent, problem) in cases {
            assert_eq!(ratio_for_engine(typed), sent, "{name}");
            assert_eq!(ratio_problem(typed), problem, "{name}");
        }
        let mut f = SubsidyForm::new(2024);
        f.apply(Action::SetSegment {
            row: 0,
            up_to: None,
            ratio: Some("60%".into()),
        });
        f.apply(Action::SetDetail {
            programme: "microcredit".into(),
            field: "subsidy_ratio".into(),
            value: "100%".into(),
        });
        let r = f.to_request(&serde_json::Map::new(), None, None);
        assert_eq!(
            r["input"]["details"]["medical_tilt"]["segments"][0]["ratio"],
            "0.6"
        );
        assert_eq!(r["input"]["details"]["microcredit"]["subsidy_ratio"], "1");
    }

    #[test]
    fn typed_details_win_over_the_portal_config_and_the_last_segment_is_open() {
        let (config, _, problems) = parse_config(Some(
            r#"{"medical_tilt":{"deductible":"5000","segments":[{"up_to":null,"ratio":"0.6"}]}}"#,
        ));
        assert!(problems.is_empty());
        let mut f = SubsidyForm::new(2024);
        f.apply(Action::SetDetail {
            programme: "medical_tilt".into(),
            field: "deductible".into(),
            value: "4000".into(),
        });
        f.apply(Action::SetSegment {
            row: 0,
            up_to: Some("50000".into()),
            ratio: Some("0.6".into()),
        });
        f.apply(Action::SetSegment {
            row: 1,
            up_to: Some("99".into()),
            ratio: Some("0.7".into()),
        });
        let r = f.to_request(&config, None, None);
        let d = &r["input"]["details"]["medical_tilt"];
        assert_eq!(d["deductible"], "4000");
        assert_eq!(d["segments"][0]["up_to"], "50000");
        assert_eq!(d["segments"][1]["up_to"], Value::Null);
    }

    #[test]
    fn a_bad_config_is_reported_not_applied() {
        assert_eq!(parse_config(Some("{oops")).2.len(), 1);
        let (details, _, problems) = parse_config(Some(r#"{"lottery":{},"yulu":5}"#));
        assert!(details.is_empty());
        assert_eq!(problems.len(), 2);
        let (_, overrides, _) =
            parse_config(Some(r#"{"overrides":{"monitoring_range.2025":"8600"}}"#));
        assert!(overrides.is_some());
    }

    #[test]
    fn the_eligibility_hand_off_fills_the_household() {
        let mut f = SubsidyForm::new(2024);
        f.apply(Action::Prefill(
            json!({ "kind": "monitored", "on_dibao": true,
            "members": [ { "age": 15, "labour": "none", "student": "vocational" } ] }),
        ));
        assert_eq!(f.kind, "monitored");
        assert!(f.on_dibao);
        assert_eq!(f.members[0].age, "15");
        f.apply(Action::Prefill(
            json!({ "kind": "monitored", "as_if_monitored": true,
            "details": { "medical_assistance": { "self_paid": "24000" }, "nope": { "x": "1" } } }),
        ));
        assert!(f.as_if_monitored);
        assert_eq!(f.detail("medical_assistance", "self_paid"), "24000");
        assert_eq!(
            f.details.len(),
            1,
            "only fields the form asks about are taken"
        );
        f.apply(Action::Prefill(json!({ "kind": "president" })));
        assert_eq!(f.kind, "monitored");
    }
}
