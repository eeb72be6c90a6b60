//! The income form's state: exactly what the person typed, as text, plus which fields they
//! have touched. Pure (no DOM, no storage): a reducer and the api.md request it builds. Every
//! figure and every message comes from `bangfu_policy::evaluate`.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use yew::Reducible;

/// One household member as typed (name optional, never required).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub key: u32,
    pub relation: String,
    pub age: String,
    /// `full`, `partial`, `none` or empty.
    pub labour: String,
    #[serde(default)]
    pub name: String,
}

/// One income line as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRow {
    /// Stable key for rendering; not shown.
    pub key: u32,
    pub category: String,
    pub item: String,
    pub amount: String,
    /// This item's own operating cost (operating items, cadre mode).
    #[serde(default)]
    pub expense: String,
}

impl ItemRow {
    /// A row with neither name nor amount is not an item yet (a freshly added line).
    pub fn is_blank(&self) -> bool {
        self.item.trim().is_empty()
            && self.amount.trim().is_empty()
            && self.expense.trim().is_empty()
    }
}

/// What the cadre answered for an often-missed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Checked {
    /// Asked: the household has none of it.
    None,
    /// Asked: a line was added for it.
    Added,
}

/// An amount as sent to the engine: in 万元 mode a plain number gets the 万 the engine
/// understands (the engine does all the reading).
pub fn as_sent(text: &str, in_wan: bool) -> String {
    let t = text.trim();
    if in_wan && !t.is_empty() && !t.contains('万') && !t.contains('元') {
        format!("{t}万")
    } else {
        t.to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeForm {
    pub year: i32,
    /// 户名或备注 (e.g. "三组 张家"); never an ID number.
    #[serde(default)]
    pub label: String,
    /// 核算日期 as typed (defaults to the device's date).
    #[serde(default)]
    pub date: String,
    /// True when the household is entered member by member.
    #[serde(default)]
    pub by_members: bool,
    pub household_size: String,
    #[serde(default)]
    pub members: Vec<MemberRow>,
    pub items: Vec<ItemRow>,
    /// Amounts typed in 万元 rather than 元.
    #[serde(default)]
    pub in_wan: bool,
    pub operating_expenses: String,
    #[serde(default)]
    pub rigid_expenditure: String,
    #[serde(default)]
    pub previous_per_capita: String,
    /// Often-missed items asked about, by item name.
    #[serde(default)]
    pub checklist: Vec<(String, Checked)>,
    /// Request field paths the person has edited; errors show only there (no red on arrival).
    #[serde(default)]
    pub touched: BTreeSet<String>,
    #[serde(default)]
    next_key: u32,
}

/// Which text of an item row changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemField {
    Category,
    Item,
    Amount,
    Expense,
}

/// Which text of a member row changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberField {
    Relation,
    Age,
    Labour,
    Name,
}

/// Top-level text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Label,
    Date,
    HouseholdSize,
    OperatingExpenses,
    RigidExpenditure,
    PreviousPerCapita,
}

impl Field {
    /// The request path an error about this field has.
    pub fn path(self) -> &'static str {
        match self {
            Field::Label => "label",
            Field::Date => "date",
            Field::HouseholdSize => "input.household_size",
            Field::OperatingExpenses => "input.operating_expenses",
            Field::RigidExpenditure => "input.rigid_expenditure",
            Field::PreviousPerCapita => "input.previous_per_capita_net_income",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetYear(i32),
    Set(Field, String),
    SetByMembers(bool),
    SetInWan(bool),
    SetItem {
        key: u32,
        field: ItemField,
        value: String,
    },
    AddItem {
        category: String,
        item: String,
    },
    RemoveItem(u32),
    SetMember {
        key: u32,
        field: MemberField,
        value: String,
    },
    AddMember,
    RemoveMember(u32),
    /// The cadre asked about an often-missed item: `true` adds a line for it.
    Check {
        item: String,
        category: String,
        has_it: bool,
    },
    /// Replace everything (a draft was opened, or a new household started).
    Load(Box<IncomeForm>),
}

impl IncomeForm {
    pub fn new(year: i32, date: String) -> Self {
        IncomeForm {
            year,
            label: String::new(),
            date,
            by_members: false,
            household_size: String::new(),
            members: Vec::new(),
            items: vec![ItemRow {
                key: 0,
                category: "wage".into(),
                item: String::new(),
                amount: String::new(),
                expense: String::new(),
            }],
            in_wan: false,
            operating_expenses: String::new(),
            rigid_expenditure: String::new(),
            previous_per_capita: String::new(),
            checklist: Vec::new(),
            touched: BTreeSet::new(),
            next_key: 1,
        }
    }

    /// True when nothing has been typed (a fresh form is not worth saving).
    pub fn is_empty(&self) -> bool {
        self.touched.is_empty() && self.label.is_empty()
    }

    fn key(&mut self) -> u32 {
        let k = self.next_key;
        self.next_key = self.next_key.wrapping_add(1);
        k
    }

    /// The rows that go into the request, in request order.
    pub fn counted_rows(&self) -> impl Iterator<Item = &ItemRow> {
        self.items.iter().filter(|r| !r.is_blank())
    }

    /// Request index of a row, if it is not blank.
    pub fn request_index(&self, key: u32) -> Option<usize> {
        self.counted_rows().position(|r| r.key == key)
    }

    /// A member row the person has not filled: no age, no labour, no name, and no relation
    /// of their own (the "户主" put in the first row when members are listed does not count
    /// until the row is edited). Such a row is not a person and is not counted.
    pub fn member_is_blank(&self, m: &MemberRow) -> bool {
        let own_relation =
            !m.relation.trim().is_empty() && self.touched.contains(&format!("member:{}", m.key));
        !own_relation
            && m.age.trim().is_empty()
            && m.labour.trim().is_empty()
            && m.name.trim().is_empty()
    }

    /// The member rows that are counted, in request order.
    pub fn counted_members(&self) -> impl Iterator<Item = &MemberRow> {
        self.members.iter().filter(|m| !self.member_is_blank(m))
    }

    /// Request index of a member row, if it is counted.
    pub fn member_index(&self, key: u32) -> Option<usize> {
        self.counted_members().position(|m| m.key == key)
    }

    fn amount(&self, text: &str) -> String {
        as_sent(text, self.in_wan)
    }

    /// The api.md `income` request for what is typed now.
    pub fn to_request(&self, rule_set: Option<&str>) -> Value {
        let items: Vec<Value> = self
            .counted_rows()
            .map(|r| {
                let mut item = json!({ "category": r.category, "item": r.item, "amount": self.amount(&r.amount) });
                if !r.expense.trim().is_empty() {
                    item["expense"] = Value::String(self.amount(&r.expense));
                }
                item
            })
            .collect();
        let mut input = Map::new();
        input.insert("year".into(), json!(self.year));
        if self.by_members {
            let members: Vec<Value> = self
                .counted_members()
                .map(|m| {
                    let mut o = Map::new();
                    for (k, v) in [
                        ("relation", &m.relation),
                        ("age", &m.age),
                        ("labour", &m.labour),
                    ] {
                        if !v.trim().is_empty() {
                            o.insert(k.into(), Value::String(v.clone()));
                        }
                    }
                    Value::Object(o)
                })
                .collect();
            input.insert("members".into(), Value::Array(members));
        } else {
            input.insert(
                "household_size".into(),
                Value::String(self.household_size.clone()),
            );
        }
        input.insert("items".into(), Value::Array(items));
        input.insert(
            "operating_expenses".into(),
            Value::String(self.amount(&self.operating_expenses)),
        );
        for (key, text) in [
            ("rigid_expenditure", &self.rigid_expenditure),
            ("previous_per_capita_net_income", &self.previous_per_capita),
        ] {
            if !text.trim().is_empty() {
                input.insert(key.into(), Value::String(self.amount(text)));
            }
        }
        let mut request = json!({ "calculator": "income", "input": Value::Object(input) });
        if let Some(rs) = rule_set.filter(|r| !r.trim().is_empty()) {
            request["rule_set"] = Value::String(rs.to_string());
        }
        request
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetYear(y) => self.year = y,
            Action::Set(field, value) => {
                match field {
                    Field::Label => self.label = value,
                    Field::Date => self.date = value,
                    Field::HouseholdSize => self.household_size = value,
                    Field::OperatingExpenses => self.operating_expenses = value,
                    Field::RigidExpenditure => self.rigid_expenditure = value,
                    Field::PreviousPerCapita => self.previous_per_capita = value,
                }
                self.touched.insert(field.path().to_string());
            }
            Action::SetByMembers(on) => {
                self.by_members = on;
                if on && self.members.is_empty() {
                    self.members.push(MemberRow {
                        key: self.next_key,
                        relation: "户主".into(),
                        age: String::new(),
                        labour: String::new(),
                        name: String::new(),
                    });
                    self.next_key += 1;
                }
                self.touched.insert("input.household_size".into());
            }
            Action::SetInWan(on) => self.in_wan = on,
            Action::SetItem { key, field, value } => {
                if let Some(row) = self.items.iter_mut().find(|r| r.key == key) {
                    match field {
                        ItemField::Category => row.category = value,
                        ItemField::Item => row.item = value,
                        ItemField::Amount => row.amount = value,
                        ItemField::Expense => row.expense = value,
                    }
                }
                // Rows are addressed by key; touching a row shows its errors wherever it sits.
                self.touched.insert(format!("row:{key}"));
            }
            Action::AddItem { category, item } => {
                // Fill a blank row of the same category before adding a new one.
                if let Some(row) = self
                    .items
                    .iter_mut()
                    .find(|r| r.is_blank() && r.category == category)
                {
                    row.item = item;
                } else {
                    let key = self.key();
                    self.items.push(ItemRow {
                        key,
                        category,
                        item,
                        amount: String::new(),
                        expense: String::new(),
                    });
                }
            }
            Action::RemoveItem(key) => {
                self.items.retain(|r| r.key != key);
            }
            Action::SetMember { key, field, value } => {
                if let Some(m) = self.members.iter_mut().find(|m| m.key == key) {
                    match field {
                        MemberField::Relation => m.relation = value,
                        MemberField::Age => m.age = value,
                        MemberField::Labour => m.labour = value,
                        MemberField::Name => m.name = value,
                    }
                }
                self.touched.insert(format!("member:{key}"));
            }
            Action::AddMember => {
                let key = self.key();
                self.members.push(MemberRow {
                    key,
                    relation: String::new(),
                    age: String::new(),
                    labour: String::new(),
                    name: String::new(),
                });
            }
            Action::RemoveMember(key) => self.members.retain(|m| m.key != key),
            Action::Check {
                item,
                category,
                has_it,
            } => {
                self.checklist.retain(|(name, _)| *name != item);
                if has_it {
                    self.checklist.push((item.clone(), Checked::Added));
                    self.apply(Action::AddItem { category, item });
                } else {
                    self.checklist.push((item, Checked::None));
                }
            }
            Action::Load(form) => *self = *form,
        }
    }

    /// Whether an error or warning at a request `field` should be shown now.
    pub fn shows_error(&self, field: &str) -> bool {
        if self.touched.contains(field) {
            return true;
        }
        let index_after = |prefix: &str| -> Option<usize> {
            field.strip_prefix(prefix)?.split(']').next()?.parse().ok()
        };
        if let Some(i) = index_after("input.items[") {
            if let Some(row) = self.counted_rows().nth(i) {
                return self.touched.contains(&format!("row:{}", row.key));
            }
        }
        if let Some(i) = index_after("input.members[") {
            if let Some(m) = self.counted_members().nth(i) {
                return self.touched.contains(&format!("member:{}", m.key));
            }
        }
        false
    }
}

impl Reducible for IncomeForm {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> IncomeForm {
        IncomeForm::new(2024, "2024-11-29".into())
    }

    fn typed(form: &mut IncomeForm, key: u32, field: ItemField, value: &str) {
        form.apply(Action::SetItem {
            key,
            field,
            value: value.into(),
        });
    }

    #[test]
    fn a_blank_new_row_is_left_out_of_the_request() {
        let mut f = form();
        f.apply(Action::Set(Field::HouseholdSize, "3".into()));
        typed(&mut f, 0, ItemField::Amount, "12000");
        f.apply(Action::AddItem {
            category: "operating".into(),
            item: String::new(),
        });
        let req = f.to_request(None);
        assert_eq!(req["input"]["items"].as_array().unwrap().len(), 1);
        assert_eq!(req["input"]["household_size"], "3");
    }

    #[test]
    fn errors_show_only_on_touched_fields_and_follow_rows_not_positions() {
        let mut f = form();
        f.apply(Action::AddItem {
            category: "property".into(),
            item: String::new(),
        }); // key 1
        typed(&mut f, 1, ItemField::Amount, "abc");
        assert!(f.shows_error("input.items[0].amount"));
        assert!(!f.shows_error("input.household_size"));
        assert_eq!(f.request_index(1), Some(0));
    }

    #[test]
    fn amounts_typed_in_wan_are_sent_with_the_unit() {
        let mut f = form();
        f.apply(Action::SetInWan(true));
        typed(&mut f, 0, ItemField::Amount, "3.6");
        f.apply(Action::Set(Field::OperatingExpenses, "0.4".into()));
        let req = f.to_request(Some("minqin-2024"));
        assert_eq!(req["input"]["items"][0]["amount"], "3.6万");
        assert_eq!(req["input"]["operating_expenses"], "0.4万");
        assert_eq!(req["rule_set"], "minqin-2024");
    }

    #[test]
    fn members_replace_the_plain_size_and_names_are_never_sent() {
        let mut f = form();
        f.apply(Action::SetByMembers(true));
        f.apply(Action::SetMember {
            key: 1,
            field: MemberField::Name,
            value: "张三".into(),
        });
        f.apply(Action::SetMember {
            key: 1,
            field: MemberField::Age,
            value: "52".into(),
        });
        f.apply(Action::AddMember);
        let req = f.to_request(None);
        assert!(req["input"].get("household_size").is_none());
        // The second row is still blank: it is not a person yet.
        assert_eq!(req["input"]["members"].as_array().unwrap().len(), 1);
        assert!(!req.to_string().contains("张三"));
    }

    #[test]
    fn a_member_row_left_blank_is_not_counted() {
        // Source: issue 13 — switching to 逐个填写 makes a 户主 row; adding one row per
        // person left it empty and counted (per capita 9,832.00 instead of 12,290.00).
        let mut f = form();
        f.apply(Action::SetByMembers(true));
        for age in ["52", "49", "24", "70"] {
            f.apply(Action::AddMember);
            let key = f.members.last().unwrap().key;
            f.apply(Action::SetMember {
                key,
                field: MemberField::Age,
                value: age.into(),
            });
        }
        assert_eq!(f.members.len(), 5);
        assert_eq!(f.counted_members().count(), 4);
        let req = f.to_request(None);
        assert_eq!(req["input"]["members"].as_array().unwrap().len(), 4);
        assert_eq!(req["input"]["members"][0]["age"], "52");
        assert_eq!(f.member_index(f.members[1].key), Some(0));
        assert_eq!(f.member_index(f.members[0].key), None);
        // A relation the person typed makes the row a person, even without an age.
        let first = f.members[0].key;
        f.apply(Action::SetMember {
            key: first,
            field: MemberField::Relation,
            value: "户主".into(),
        });
        assert_eq!(f.counted_members().count(), 5);
    }

    #[test]
    fn ticking_an_often_missed_item_adds_a_line_for_it_once() {
        let mut f = form();
        f.apply(Action::Check {
            item: "赡养费".into(),
            category: "transfer".into(),
            has_it: true,
        });
        f.apply(Action::Check {
            item: "零工".into(),
            category: "wage".into(),
            has_it: false,
        });
        assert_eq!(f.items.iter().filter(|r| r.item == "赡养费").count(), 1);
        assert_eq!(f.checklist.len(), 2);
        // The blank wage row was not used for the transfer item.
        assert_eq!(f.items[0].item, "");
    }

    #[test]
    fn what_was_typed_is_kept_verbatim_even_when_invalid() {
        let mut f = form();
        typed(&mut f, 0, ItemField::Amount, "３.６万元");
        f.apply(Action::Set(Field::HouseholdSize, "abc".into()));
        assert_eq!(f.items[0].amount, "３.６万元");
        assert_eq!(f.household_size, "abc");
    }

    #[test]
    fn a_form_survives_a_round_trip_through_storage_text() {
        let mut f = form();
        typed(&mut f, 0, ItemField::Amount, "12000");
        let text = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<IncomeForm>(&text).unwrap(), f);
    }
}
