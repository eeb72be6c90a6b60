//! The deadline planner's state: the case being edited, the saved cases, the calendar view.
//! Pure: a reducer, the requests for the deadlines engine, and the urgency order of cases.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use yew::Reducible;

/// One 一键报贫 application a cadre tracks (named by the cadre; never an ID number).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub name: String,
    pub applied_on: String,
    #[serde(default)]
    pub checked_on: String,
    #[serde(default)]
    pub identified_on: String,
    /// When the help plan (一户一策) was finished: the plan step then shows 已完成 or 逾期完成.
    #[serde(default)]
    pub plan_done_on: String,
    /// `minqin-2024` (default) or `gansu-2023`.
    pub profile: String,
    #[serde(default)]
    pub extend: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Case,
    Calendar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseField {
    Name,
    AppliedOn,
    CheckedOn,
    IdentifiedOn,
    PlanDoneOn,
    Profile,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannerForm {
    pub tab: Tab,
    pub case: Case,
    pub today: String,
    pub allow_estimate: bool,
    pub year: String,
    /// "" for the whole year, else 1–12.
    pub month: String,
    pub touched: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Tab(Tab),
    SetCase(CaseField, String),
    SetExtend(bool),
    SetToday(String),
    SetEstimate(bool),
    SetYear(String),
    SetMonth(String),
    Open(Case),
    New,
}

impl PlannerForm {
    pub fn new(today: String) -> Self {
        let year = today.get(..4).unwrap_or("2024").to_string();
        let month = today
            .get(5..7)
            .map(|m| m.trim_start_matches('0').to_string())
            .unwrap_or_default();
        PlannerForm {
            tab: Tab::Case,
            case: Case {
                profile: "minqin-2024".into(),
                ..Case::default()
            },
            today,
            allow_estimate: false,
            year,
            month,
            touched: false,
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Tab(t) => self.tab = t,
            Action::SetCase(field, v) => {
                let slot = match field {
                    CaseField::Name => &mut self.case.name,
                    CaseField::AppliedOn => &mut self.case.applied_on,
                    CaseField::CheckedOn => &mut self.case.checked_on,
                    CaseField::IdentifiedOn => &mut self.case.identified_on,
                    CaseField::PlanDoneOn => &mut self.case.plan_done_on,
                    CaseField::Profile => &mut self.case.profile,
                };
                *slot = v;
                self.touched = true;
            }
            Action::SetExtend(on) => self.case.extend = on,
            Action::SetToday(v) => self.today = v,
            Action::SetEstimate(on) => self.allow_estimate = on,
            Action::SetYear(v) => self.year = v,
            Action::SetMonth(v) => self.month = v,
            Action::Open(case) => {
                self.case = case;
                self.tab = Tab::Case;
                self.touched = true;
            }
            Action::New => {
                self.case = Case {
                    profile: "minqin-2024".into(),
                    ..Case::default()
                };
                self.touched = false;
            }
        }
    }
}

impl Reducible for PlannerForm {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// The deadlines request for a case as of `today`.
pub fn case_request(case: &Case, today: &str, allow_estimate: bool) -> Value {
    let mut input = json!({
        "procedure": "one_click_report",
        "applied_on": case.applied_on,
        "today": today,
        "profile": case.profile,
        "extend_calendar_deadlines_past_holidays": case.extend,
        "allow_estimate": allow_estimate,
    });
    for (k, v) in [
        ("checked_on", &case.checked_on),
        ("identified_on", &case.identified_on),
        ("plan_done_on", &case.plan_done_on),
    ] {
        if !v.trim().is_empty() {
            input[k] = json!(v);
        }
    }
    json!({ "calculator": "deadlines", "input": input })
}

/// The duties request of the calendar view.
pub fn duties_request(year: &str, month: &str, allow_estimate: bool) -> Value {
    let mut input =
        json!({ "procedure": "duties", "year": year, "allow_estimate": allow_estimate });
    if !month.trim().is_empty() {
        input["month"] = json!(month);
    }
    json!({ "calculator": "deadlines", "input": input })
}

/// Urgency of a case from the engine's result: (rank, due date of its most urgent open stage).
/// Rank 0 = overdue, 1 = due soon, 2 = on track, 3 = all done, 4 = could not be computed.
pub fn urgency(result: Option<&Value>) -> (u8, String) {
    let Some(stages) = result.and_then(|r| r.get("stages")) else {
        return (4, String::new());
    };
    ["check", "feedback", "approval", "overall", "plan"]
        .iter()
        .filter_map(|k| stages.get(*k).filter(|s| !s.is_null()))
        .filter_map(|s| {
            let rank = match s.get("status").and_then(Value::as_str) {
                Some("overdue") => 0,
                Some("due_soon") => 1,
                Some("on_track") => 2,
                _ => return None,
            };
            Some((
                rank,
                s.get("due")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            ))
        })
        .min()
        .unwrap_or((3, String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages(list: &[(&str, &str, &str)]) -> Value {
        let mut s = serde_json::Map::new();
        for (k, status, due) in list {
            s.insert(k.to_string(), json!({ "status": status, "due": due }));
        }
        json!({ "stages": s })
    }

    #[test]
    fn the_most_urgent_open_stage_decides_a_cases_place() {
        let overdue = stages(&[
            ("check", "overdue", "2024-05-01"),
            ("feedback", "on_track", "2024-05-10"),
        ]);
        let soon = stages(&[
            ("check", "done", "2024-05-01"),
            ("feedback", "due_soon", "2024-05-10"),
        ]);
        let done = stages(&[
            ("check", "done", "2024-05-01"),
            ("overall", "done", "2024-05-11"),
        ]);
        assert_eq!(urgency(Some(&overdue)), (0, "2024-05-01".into()));
        assert_eq!(urgency(Some(&soon)), (1, "2024-05-10".into()));
        assert_eq!(urgency(Some(&done)).0, 3);
        assert_eq!(urgency(None).0, 4);
    }

    #[test]
    fn requests_carry_only_the_dates_typed() {
        let case = Case {
            applied_on: "2024-04-26".into(),
            profile: "minqin-2024".into(),
            ..Case::default()
        };
        let r = case_request(&case, "2024-04-29", false);
        assert!(r["input"].get("checked_on").is_none());
        assert!(r["input"].get("plan_done_on").is_none());
        let planned = Case {
            identified_on: "2024-05-08".into(),
            plan_done_on: "2024-06-20".into(),
            ..case.clone()
        };
        let r = case_request(&planned, "2024-07-01", false);
        assert_eq!(r["input"]["plan_done_on"], "2024-06-20");
        assert_eq!(r["input"]["applied_on"], "2024-04-26");
        let d = duties_request("2024", "", false);
        assert!(d["input"].get("month").is_none());
    }

    #[test]
    fn a_new_planner_starts_at_todays_month() {
        let f = PlannerForm::new("2024-06-05".into());
        assert_eq!((f.year.as_str(), f.month.as_str()), ("2024", "6"));
    }
}
