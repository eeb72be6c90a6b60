//! Reading one spreadsheet row into a typed household record: amounts through the engine's
//! amount reader (full-width digits, separators, 万), dates in Chinese forms or as Excel
//! serial numbers, the household kind and monitoring category from their usual wordings.
//! A cell that cannot be read is kept (with its text) for an `unparseable_value` flag.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::columns::Field;
use crate::money::round_cents;
use crate::text::{parse_date, parse_decimal, parse_whole, to_half_width};

/// The household kind of the national system (户类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 一般农户.
    Ordinary,
    /// 脱贫户.
    Alleviated,
    /// 监测户 (the kind column itself says monitored).
    Monitored,
}

/// Whether the household's risk is marked eliminated (风险消除).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elimination {
    Eliminated,
    NotEliminated,
}

/// Longest cell text kept for a message.
const MAX_CELL_CHARS: usize = 40;

/// A household record as read. `None` is a blank cell or a column not in the file;
/// `unparseable` lists the cells that were not blank but could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub household_id: String,
    pub head_name: String,
    pub township: String,
    pub village: String,
    pub household_size: Option<u64>,
    pub members_listed: Option<u64>,
    pub wage: Option<Decimal>,
    pub operating: Option<Decimal>,
    pub property: Option<Decimal>,
    pub transfer: Option<Decimal>,
    pub operating_expenses: Option<Decimal>,
    pub per_capita: Option<Decimal>,
    pub previous_per_capita: Option<Decimal>,
    pub kind: Option<Kind>,
    /// The monitoring category text when the household is a monitoring object
    /// (脱贫不稳定户, 边缘易致贫户, 突发严重困难户); `None` when blank or 无/否.
    pub monitoring_category: Option<&'static str>,
    pub identified_on: Option<NaiveDate>,
    pub elimination_status: Option<Elimination>,
    pub eliminated_on: Option<NaiveDate>,
    pub unparseable: Vec<(Field, String)>,
}

impl Record {
    /// True when `field` had text that could not be read.
    pub fn is_unparseable(&self, field: Field) -> bool {
        self.unparseable.iter().any(|(f, _)| *f == field)
    }

    /// Monitored: a monitoring category, or the kind column says 监测户.
    pub fn is_monitored(&self) -> bool {
        self.monitoring_category.is_some() || self.kind == Some(Kind::Monitored)
    }

    /// Eliminated: a 风险消除时间, or the status column says so.
    pub fn is_eliminated(&self) -> bool {
        self.eliminated_on.is_some() || self.elimination_status == Some(Elimination::Eliminated)
    }

    /// True when at least one income or expense component was given.
    pub fn has_components(&self) -> bool {
        [
            self.wage,
            self.operating,
            self.property,
            self.transfer,
            self.operating_expenses,
        ]
        .iter()
        .any(Option::is_some)
    }
}

fn keep(text: &str) -> String {
    let t = text.trim();
    let mut out: String = t.chars().take(MAX_CELL_CHARS).collect();
    if t.chars().count() > MAX_CELL_CHARS {
        out.push('…');
    }
    out
}

/// An amount as a spreadsheet holds it: the engine's reader, a leading minus allowed, any
/// number of decimals (a formula's result) rounded to the cent 四舍五入.
pub fn read_amount(text: &str) -> Option<Decimal> {
    let half = to_half_width(text);
    let t = half.trim();
    let (negative, rest) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let v = round_cents(parse_decimal(rest).ok()?);
    Some(if negative { -v } else { v })
}

/// Days from 1899-12-30 (Excel's 1900 date system, leap-year bug included) for serials
/// 20000–80000 (1954–2119); other numbers are not dates.
fn excel_serial(text: &str) -> Option<NaiveDate> {
    let whole = text.split('.').next()?;
    let n: u64 = whole.parse().ok()?;
    if !(20_000..=80_000).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(n))
}

/// A date in the usual Chinese forms, with a time part ignored, as `20240501`, or as an
/// Excel serial number.
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let half = to_half_width(text);
    let t = half.trim();
    let day = t.split([' ', 'T']).next().unwrap_or(t);
    if let Ok(d) = parse_date(day) {
        return Some(d);
    }
    if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        let (y, m, d) = (&day[..4], &day[4..6], &day[6..]);
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(date);
            }
        }
    }
    excel_serial(day)
}

fn read_kind(text: &str) -> Option<Kind> {
    if text.contains("监测") {
        Some(Kind::Monitored)
    } else if text.contains("脱贫") || text.contains("建档立卡") {
        Some(Kind::Alleviated)
    } else if text.contains("一般") || text.contains("普通") || text.contains("非贫困") {
        Some(Kind::Ordinary)
    } else {
        None
    }
}

/// Words that mean "no category" in a category or status column.
fn is_none_word(text: &str) -> bool {
    matches!(
        text,
        "无" | "否" | "-" | "—" | "/" | "非监测对象" | "不是" | "0"
    )
}

fn read_category(text: &str) -> Result<Option<&'static str>, ()> {
    if is_none_word(text) {
        Ok(None)
    } else if text.contains("不稳定") {
        Ok(Some("脱贫不稳定户"))
    } else if text.contains("边缘") {
        Ok(Some("边缘易致贫户"))
    } else if text.contains("突发") {
        Ok(Some("突发严重困难户"))
    } else {
        Err(())
    }
}

fn read_status(text: &str) -> Option<Elimination> {
    if text.contains("未消除") || text.contains("未") || text == "否" || text.contains("监测中")
    {
        Some(Elimination::NotEliminated)
    } else if text.contains("已消除") || text.contains("消除") || text == "是" {
        Some(Elimination::Eliminated)
    } else {
        None
    }
}

/// Counts the members of a 家庭成员 cell: a number, or names separated by 、，, ; / or spaces.
fn read_members(text: &str) -> Option<u64> {
    if let Ok(n) = parse_whole(text) {
        return Some(n);
    }
    let names = text
        .split(['、', '，', ',', ';', '；', '/', ' ', '\n'])
        .filter(|s| !s.trim().is_empty())
        .count();
    (names > 0 && !text.chars().any(|c| c.is_ascii_digit())).then_some(names as u64)
}

/// Reads one row, laid out by [`Field`] (see [`super::columns::Mapping::cells`]).
pub fn read(cells: &[&str; Field::COUNT]) -> Record {
    let mut r = Record::default();
    let cell = |f: Field| cells[f.index()].trim();
    let mut bad = Vec::new();
    let amount = |f: Field, bad: &mut Vec<(Field, String)>| {
        let t = cell(f);
        if t.is_empty() {
            return None;
        }
        let v = read_amount(t);
        if v.is_none() {
            bad.push((f, keep(t)));
        }
        v
    };
    r.wage = amount(Field::Wage, &mut bad);
    r.operating = amount(Field::Operating, &mut bad);
    r.property = amount(Field::Property, &mut bad);
    r.transfer = amount(Field::Transfer, &mut bad);
    r.operating_expenses = amount(Field::OperatingExpenses, &mut bad);
    r.per_capita = amount(Field::PerCapita, &mut bad);
    r.previous_per_capita = amount(Field::PreviousPerCapita, &mut bad);

    let date = |f: Field, bad: &mut Vec<(Field, String)>| {
        let t = cell(f);
        if t.is_empty() || is_none_word(t) {
            return None;
        }
        let v = read_date(t);
        if v.is_none() {
            bad.push((f, keep(t)));
        }
        v
    };
    r.identified_on = date(Field::IdentifiedOn, &mut bad);
    r.eliminated_on = date(Field::EliminatedOn, &mut bad);

    let size = cell(Field::HouseholdSize);
    if !size.is_empty() {
        match parse_whole(size) {
            Ok(n) if (1..=100).contains(&n) => r.household_size = Some(n),
            _ => bad.push((Field::HouseholdSize, keep(size))),
        }
    }
    let members = cell(Field::MembersListed);
    if !members.is_empty() {
        r.members_listed = read_members(members);
        if r.members_listed.is_none() {
            bad.push((Field::MembersListed, keep(members)));
        }
    }
    let kind = cell(Field::HouseholdKind);
    if !kind.is_empty() {
        r.kind = read_kind(kind);
        if r.kind.is_none() {
            bad.push((Field::HouseholdKind, keep(kind)));
        }
    }
    let category = cell(Field::MonitoringCategory);
    if !category.is_empty() {
        match read_category(category) {
            Ok(c) => r.monitoring_category = c,
            Err(()) => bad.push((Field::MonitoringCategory, keep(category))),
        }
    }
    let status = cell(Field::EliminationStatus);
    if !status.is_empty() && !matches!(status, "-" | "—" | "/") {
        r.elimination_status = read_status(status);
        if r.elimination_status.is_none() {
            bad.push((Field::EliminationStatus, keep(status)));
        }
    }

    r.household_id = keep(cell(Field::HouseholdId));
    r.head_name = keep(cell(Field::HeadName));
    let township = cell(Field::Township);
    let village = cell(Field::Village);
    // One 所属乡镇/村 column: "薛百镇/宋和村" splits when there is no village column.
    match township.split_once(['/', '／']) {
        Some((t, v)) if village.is_empty() => {
            r.township = keep(t);
            r.village = keep(v);
        }
        _ => {
            r.township = keep(township);
            r.village = keep(village);
        }
    }
    r.unparseable = bad;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_are_read_in_spreadsheet_forms() {
        for text in [
            "2024-05-01",
            "2024/5/1",
            "2024年5月1日",
            "2024-05-01 00:00:00",
            "20240501",
            "45413",
            "45413.0",
            "２０２４－０５－０１",
        ] {
            assert_eq!(read_date(text), Some(d(2024, 5, 1)), "{text}");
        }
        assert_eq!(read_date("100"), None);
        assert_eq!(read_date("明年"), None);
    }

    #[test]
    fn amounts_are_read_with_units_full_width_and_signs() {
        assert_eq!(read_amount("3.6万"), Some(Decimal::from(36000)));
        assert_eq!(read_amount("１２，０００"), Some(Decimal::from(12000)));
        assert_eq!(read_amount("-200"), Some(Decimal::from(-200)));
        assert_eq!(read_amount("7066.666666667"), Some(Decimal::new(706667, 2)));
        assert_eq!(read_amount("abc"), None);
    }

    #[test]
    fn a_combined_township_village_cell_is_split() {
        let mut cells = [""; Field::COUNT];
        cells[Field::Township.index()] = "薛百镇/宋和村";
        let r = read(&cells);
        assert_eq!(
            (r.township.as_str(), r.village.as_str()),
            ("薛百镇", "宋和村")
        );
    }

    #[test]
    fn member_names_are_counted() {
        assert_eq!(read_members("张三、李四、王五"), Some(3));
        assert_eq!(read_members("4"), Some(4));
        assert_eq!(read_members("4人"), Some(4));
    }
}
