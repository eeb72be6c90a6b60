//! Reading an `income` request (api.md): the household size or its members, the income items
//! (each with a [`Category`] from a closed list), the operating costs and the optional figures.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calc::household::Labour;
use crate::error::{Expected, Refusal};
use crate::input::{Errors, Obj, Reader, Value};

/// Income categories of the national monitoring system, plus recorded-but-not-counted money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Wage,
    Operating,
    Property,
    Transfer,
    Excluded,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Wage,
        Category::Operating,
        Category::Property,
        Category::Transfer,
        Category::Excluded,
    ];

    /// The four categories that count towards income (附件2 第16条), in the sheet's order.
    pub const COUNTED: [Category; 4] = [
        Category::Wage,
        Category::Operating,
        Category::Property,
        Category::Transfer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::Wage => "wage",
            Category::Operating => "operating",
            Category::Property => "property",
            Category::Transfer => "transfer",
            Category::Excluded => "excluded",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Wage => "工资性收入",
            Category::Operating => "生产经营性收入",
            Category::Property => "财产性收入",
            Category::Transfer => "转移性收入",
            Category::Excluded => "不计入收入",
        }
    }

    /// Whether the money counts towards the household's income.
    pub fn is_counted(self) -> bool {
        match self {
            Category::Wage | Category::Operating | Category::Property | Category::Transfer => true,
            Category::Excluded => false,
        }
    }
}

/// Labour capacity codes (api.md eligibility members) and their labels, for the widgets'
/// choice lists (the codes are [`Labour`]'s).
pub const LABOUR: [(&str, &str); 3] = [
    ("full", "有劳动能力"),
    ("partial", "弱劳力或半劳力"),
    ("none", "无劳动能力"),
];

const MAX_ITEMS: usize = 500;
/// The most members a household may have (also the widgets' cap on hand-off fragments).
pub const MAX_MEMBERS: usize = 100;
const MAX_HOUSEHOLD: u64 = 100;

/// One income item as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub category: Category,
    /// The item's name, or its category's label when none was typed.
    pub name: String,
    pub amount: Decimal,
    /// The item's own operating cost, when entered per item.
    pub expense: Option<Decimal>,
    /// The member (index into `members`) the item is recorded under.
    pub member: Option<usize>,
    /// The item's position in the request's `items` (for warning paths).
    pub index: usize,
}

/// A validated `income` request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomeInput {
    pub year: i32,
    pub household_size: u64,
    pub items: Vec<Item>,
    /// The operating costs typed as one total (0 when blank); per-item costs come on top.
    pub operating_expenses: Decimal,
    pub rigid_expenditure: Option<Decimal>,
    pub previous_per_capita: Option<Decimal>,
    /// The listed members' ages (`None` where blank); empty when no members are listed.
    pub member_ages: Vec<Option<u64>>,
}

/// The request → the typed input, or every refusal at once.
pub fn read(input: &Value) -> Result<IncomeInput, Errors> {
    let mut r = Reader::new();
    let Some(obj) = r.object(input, "input", "收入核算输入") else {
        return Err(r.into_errors());
    };
    let year = r.year(&obj, "year", "年度");

    let member_ages = read_members(&obj, &mut r);
    let household_size = if obj.is_blank("household_size") && !member_ages.is_empty() {
        Some(member_ages.len() as u64)
    } else {
        r.required_whole(&obj, "household_size", "家庭人口", 1..=MAX_HOUSEHOLD)
    };

    let items = read_items(&obj, &mut r);
    let expenses = r.money(&obj, "operating_expenses", "生产经营性支出");
    let rigid = r.money(&obj, "rigid_expenditure", "刚性支出");
    let previous = r.money(&obj, "previous_per_capita_net_income", "上年人均纯收入");

    let input = match (year, household_size) {
        (Some(year), Some(household_size)) => Some(IncomeInput {
            year,
            household_size,
            items,
            operating_expenses: expenses.unwrap_or(Decimal::ZERO),
            rigid_expenditure: rigid,
            previous_per_capita: previous,
            member_ages,
        }),
        _ => None,
    };
    r.finish(input)
}

/// Members are optional; they give the household size when no plain size is typed.
fn read_members(obj: &Obj, r: &mut Reader) -> Vec<Option<u64>> {
    let mut member_ages: Vec<Option<u64>> = Vec::new();
    let Some(members) = r.list(obj, "members", "家庭成员", MAX_MEMBERS) else {
        return member_ages;
    };
    for (i, m) in members.iter().enumerate() {
        let Some(mo) = r.object(m, &format!("input.members[{i}]"), "家庭成员") else {
            continue;
        };
        member_ages.push(r.age(&mo, "age", "年龄"));
        if let Some(labour) = r.text(&mo, "labour", "劳动能力", 20) {
            if !labour.is_empty() && !Labour::ALL.iter().any(|l| l.code() == labour) {
                let allowed = Labour::ALL.map(Labour::code);
                let why = Refusal::NotOneOf {
                    label: "劳动能力",
                    allowed: &allowed,
                };
                r.refuse(&mo.path_of("labour"), why);
            }
        }
        r.text(&mo, "relation", "与户主关系", 20);
        r.text(&mo, "name", "姓名", 50);
    }
    member_ages
}

/// An item's category: required, a text code from [`Category`].
fn read_category(io: &Obj, r: &mut Reader) -> Option<Category> {
    let path = io.path_of("category");
    let label = "收入类别";
    let why = match io.get("category").map(|v| v.as_str()) {
        None => Refusal::Choose {
            label,
            options: &[],
        },
        Some(Some(code)) => match Category::from_code(code.trim()) {
            Some(c) => return Some(c),
            None => Refusal::UnknownCategory,
        },
        Some(None) => Refusal::WrongType {
            label,
            expected: Expected::Code,
        },
    };
    r.refuse(&path, why);
    None
}

/// The income items, each with its category, amount and optional cost and member.
fn read_items(obj: &Obj, r: &mut Reader) -> Vec<Item> {
    let mut items = Vec::new();
    let Some(list) = r.list(obj, "items", "收入项目", MAX_ITEMS) else {
        return items;
    };
    for (index, raw) in list.iter().enumerate() {
        let Some(io) = r.object(raw, &format!("input.items[{index}]"), "收入项目") else {
            continue;
        };
        let category = read_category(&io, r);
        let name = r.text(&io, "item", "项目名称", 50);
        let amount = r.required_money(&io, "amount", "金额");
        let expense = r.money(&io, "expense", "该项生产经营性支出");
        let member = r.whole(&io, "member", "家庭成员序号", 0..=MAX_MEMBERS as u64);
        if let (Some(category), Some(amount)) = (category, amount) {
            let name = match name {
                Some(n) if !n.is_empty() => n.to_string(),
                _ => category.label().to_string(),
            };
            items.push(Item {
                category,
                name,
                amount,
                expense,
                member: member.map(|m| m as usize),
                index,
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widgets_labour_list_spells_the_codes_the_reader_accepts() {
        let codes: Vec<&str> = LABOUR.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, Labour::ALL.map(Labour::code));
    }
}
