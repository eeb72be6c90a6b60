//! The income form's state: exactly what the person typed, as text, plus which fields they
//! have touched. Pure (no DOM, no storage): a reducer and the request it builds. Every figure
//! and every message comes from `bangfu_policy::evaluate`.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde_json::{json, Value};
use yew::Reducible;

/// One income line as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    /// Stable key for rendering; not shown.
    pub key: u32,
    pub category: String,
    pub item: String,
    pub amount: String,
}

impl ItemRow {
    fn blank(key: u32) -> Self {
        ItemRow {
            key,
            category: "wage".to_string(),
            item: String::new(),
            amount: String::new(),
        }
    }

    /// A row with neither name nor amount is not an item yet (a freshly added line).
    pub fn is_blank(&self) -> bool {
        self.item.trim().is_empty() && self.amount.trim().is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomeForm {
    pub year: i32,
    pub household_size: String,
    pub items: Vec<ItemRow>,
    pub operating_expenses: String,
    /// Request field paths the person has edited; errors show only there (no red on arrival).
    pub touched: BTreeSet<String>,
    next_key: u32,
}

/// Which text of an item row changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemField {
    Category,
    Item,
    Amount,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetYear(i32),
    SetHouseholdSize(String),
    SetOperatingExpenses(String),
    SetItem {
        key: u32,
        field: ItemField,
        value: String,
    },
    AddItem,
    RemoveItem(u32),
}

impl IncomeForm {
    pub fn new(year: i32) -> Self {
        IncomeForm {
            year,
            household_size: String::new(),
            items: vec![ItemRow::blank(0)],
            operating_expenses: String::new(),
            touched: BTreeSet::new(),
            next_key: 1,
        }
    }

    /// The rows that go into the request, with their index in the request.
    pub fn counted_rows(&self) -> impl Iterator<Item = &ItemRow> {
        self.items.iter().filter(|r| !r.is_blank())
    }

    /// Request index of a row, if it is not blank.
    pub fn request_index(&self, key: u32) -> Option<usize> {
        self.counted_rows().position(|r| r.key == key)
    }

    /// The api.md `income` request for what is typed now.
    pub fn to_request(&self) -> Value {
        let items: Vec<Value> = self
            .counted_rows()
            .map(|r| json!({ "category": r.category, "item": r.item, "amount": r.amount }))
            .collect();
        json!({
            "calculator": "income",
            "input": {
                "year": self.year,
                "household_size": self.household_size,
                "items": items,
                "operating_expenses": self.operating_expenses,
            }
        })
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetYear(y) => self.year = y,
            Action::SetHouseholdSize(v) => {
                self.household_size = v;
                self.touched.insert("input.household_size".into());
            }
            Action::SetOperatingExpenses(v) => {
                self.operating_expenses = v;
                self.touched.insert("input.operating_expenses".into());
            }
            Action::SetItem { key, field, value } => {
                if let Some(row) = self.items.iter_mut().find(|r| r.key == key) {
                    match field {
                        ItemField::Category => row.category = value,
                        ItemField::Item => row.item = value,
                        ItemField::Amount => row.amount = value,
                    }
                }
                // Rows are addressed by key in the UI; touching any row field marks its amount
                // and category as seen, wherever the row sits in the request.
                self.touched.insert(format!("row:{key}"));
            }
            Action::AddItem => {
                self.items.push(ItemRow::blank(self.next_key));
                self.next_key += 1;
            }
            Action::RemoveItem(key) => {
                self.items.retain(|r| r.key != key);
                if self.items.is_empty() {
                    self.items.push(ItemRow::blank(self.next_key));
                    self.next_key += 1;
                }
            }
        }
    }

    /// Whether an error at a request `field` should be shown now.
    pub fn shows_error(&self, field: &str) -> bool {
        if self.touched.contains(field) {
            return true;
        }
        // input.items[N].… → the row with request index N
        if let Some(rest) = field.strip_prefix("input.items[") {
            let index: Option<usize> = rest.split(']').next().and_then(|n| n.parse().ok());
            if let Some(row) = index.and_then(|i| self.counted_rows().nth(i)) {
                return self.touched.contains(&format!("row:{}", row.key));
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

    fn typed(form: &mut IncomeForm, key: u32, field: ItemField, value: &str) {
        form.apply(Action::SetItem {
            key,
            field,
            value: value.into(),
        });
    }

    #[test]
    fn a_blank_new_row_is_left_out_of_the_request() {
        let mut form = IncomeForm::new(2024);
        form.apply(Action::SetHouseholdSize("3".into()));
        typed(&mut form, 0, ItemField::Amount, "12000");
        form.apply(Action::AddItem);
        let req = form.to_request();
        assert_eq!(req["input"]["items"].as_array().unwrap().len(), 1);
        assert_eq!(req["input"]["household_size"], "3");
    }

    #[test]
    fn errors_show_only_on_touched_fields_and_follow_rows_not_positions() {
        let mut form = IncomeForm::new(2024);
        form.apply(Action::AddItem); // key 1
        typed(&mut form, 1, ItemField::Amount, "abc");
        // Row 0 is blank, so row key 1 is request index 0.
        assert!(form.shows_error("input.items[0].amount"));
        assert!(!form.shows_error("input.household_size"));
        assert_eq!(form.request_index(1), Some(0));
    }

    #[test]
    fn removing_the_last_row_leaves_a_blank_one_to_type_into() {
        let mut form = IncomeForm::new(2024);
        form.apply(Action::RemoveItem(0));
        assert_eq!(form.items.len(), 1);
        assert!(form.items[0].is_blank());
    }

    #[test]
    fn what_was_typed_is_kept_verbatim_even_when_invalid() {
        let mut form = IncomeForm::new(2024);
        typed(&mut form, 0, ItemField::Amount, "３.６万元");
        form.apply(Action::SetHouseholdSize("abc".into()));
        assert_eq!(form.items[0].amount, "３.６万元");
        assert_eq!(form.household_size, "abc");
    }
}
