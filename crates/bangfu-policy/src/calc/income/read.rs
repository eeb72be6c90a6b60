//! Reading an `income` request (api.md): the household size or its members, the income items
//! (each with a [`Category`] from a closed list), the operating costs and the optional figures.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;
use crate::input::{Errors, Obj, Value};

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

/// Labour capacity codes (api.md eligibility members) and their labels.
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
    let mut errors = Errors::default();
    let Some(obj) = Obj::new(input, "input", "收入核算输入", &mut errors) else {
        return Err(errors);
    };
    let year = obj.year("year", "年度", &mut errors);

    let member_ages = read_members(&obj, &mut errors);
    let household_size = if obj.is_blank("household_size") && !member_ages.is_empty() {
        Some(member_ages.len() as u64)
    } else {
        obj.whole(
            "household_size",
            "家庭人口",
            1,
            MAX_HOUSEHOLD,
            true,
            &mut errors,
        )
    };

    let items = read_items(&obj, &mut errors);
    let expenses = obj.money("operating_expenses", "生产经营性支出", false, &mut errors);
    let rigid = obj.money("rigid_expenditure", "刚性支出", false, &mut errors);
    let previous = obj.money(
        "previous_per_capita_net_income",
        "上年人均纯收入",
        false,
        &mut errors,
    );

    let (Some(year), Some(household_size)) = (year, household_size) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(IncomeInput {
        year,
        household_size,
        items,
        operating_expenses: expenses.unwrap_or(Decimal::ZERO),
        rigid_expenditure: rigid,
        previous_per_capita: previous,
        member_ages,
    })
}

/// Members are optional; they give the household size when no plain size is typed.
fn read_members(obj: &Obj, errors: &mut Errors) -> Vec<Option<u64>> {
    let mut member_ages: Vec<Option<u64>> = Vec::new();
    if let Some(members) = obj.list("members", "家庭成员", MAX_MEMBERS, errors) {
        for (i, m) in members.iter().enumerate() {
            let path = format!("input.members[{i}]");
            if let Some(mo) = Obj::new(m, &path, "家庭成员", errors) {
                member_ages.push(mo.whole("age", "年龄", 0, 150, false, errors));
                if let Some(labour) = mo.text("labour", "劳动能力", 20, errors) {
                    if !labour.is_empty() && !LABOUR.iter().any(|(c, _)| *c == labour) {
                        errors.push(
                            &mo.path_of("labour"),
                            ErrorCode::UnknownValue,
                            "劳动能力只能是：有劳动能力（full）、弱劳力或半劳力（partial）、无劳动能力（none）",
                        );
                    }
                }
                mo.text("relation", "与户主关系", 20, errors);
                mo.text("name", "姓名", 50, errors);
            }
        }
    }
    member_ages
}

/// An item's category: required, a text code from [`Category`].
fn read_category(io: &Obj, errors: &mut Errors) -> Option<Category> {
    let path = io.path_of("category");
    match io.get("category").map(|v| v.as_str()) {
        None => {
            errors.push(&path, ErrorCode::Required, "请选择收入类别");
            None
        }
        Some(Some(code)) => {
            let found = Category::from_code(code.trim());
            if found.is_none() {
                errors.push(
                    &path,
                    ErrorCode::UnknownCategory,
                    "收入类别只能是工资性、生产经营性、财产性、转移性收入或“不计入”",
                );
            }
            found
        }
        Some(None) => {
            errors.push(&path, ErrorCode::WrongType, "收入类别应为文字代码");
            None
        }
    }
}

/// The income items, each with its category, amount and optional cost and member.
fn read_items(obj: &Obj, errors: &mut Errors) -> Vec<Item> {
    let mut items = Vec::new();
    let Some(list) = obj.list("items", "收入项目", MAX_ITEMS, errors) else {
        return items;
    };
    for (index, raw) in list.iter().enumerate() {
        let path = format!("input.items[{index}]");
        let Some(io) = Obj::new(raw, &path, "收入项目", errors) else {
            continue;
        };
        let category = read_category(&io, errors);
        let name = io.text("item", "项目名称", 50, errors);
        let amount = io.money("amount", "金额", true, errors);
        let expense = io.money("expense", "该项生产经营性支出", false, errors);
        let member = io.whole(
            "member",
            "家庭成员序号",
            0,
            MAX_MEMBERS as u64,
            false,
            errors,
        );
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
