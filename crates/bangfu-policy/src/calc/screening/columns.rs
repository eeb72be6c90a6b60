//! The columns of a county household spreadsheet: the fields the screening reads, the
//! Chinese headers each is known by, and the guess of which column holds which field.
//! Shared by the `bangfu screen` CLI and the `<bangfu-screening>` widget, so both read a
//! file the same way.

use serde::{Deserialize, Serialize};

use crate::text::to_half_width;

/// A field of a household record, as the national monitoring system's exports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    HouseholdId,
    HeadName,
    Township,
    Village,
    HouseholdSize,
    MembersListed,
    Wage,
    Operating,
    Property,
    Transfer,
    OperatingExpenses,
    PerCapita,
    PreviousPerCapita,
    HouseholdKind,
    MonitoringCategory,
    IdentifiedOn,
    EliminationStatus,
    EliminatedOn,
}

impl Field {
    pub const COUNT: usize = 18;
    pub const ALL: [Field; Field::COUNT] = [
        Field::HouseholdId,
        Field::HeadName,
        Field::Township,
        Field::Village,
        Field::HouseholdSize,
        Field::MembersListed,
        Field::Wage,
        Field::Operating,
        Field::Property,
        Field::Transfer,
        Field::OperatingExpenses,
        Field::PerCapita,
        Field::PreviousPerCapita,
        Field::HouseholdKind,
        Field::MonitoringCategory,
        Field::IdentifiedOn,
        Field::EliminationStatus,
        Field::EliminatedOn,
    ];

    /// Position in [`Field::ALL`] (for per-field arrays).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable code (the key of a record in the `screening` request).
    pub fn code(self) -> &'static str {
        match self {
            Field::HouseholdId => "household_id",
            Field::HeadName => "head_name",
            Field::Township => "township",
            Field::Village => "village",
            Field::HouseholdSize => "household_size",
            Field::MembersListed => "members_listed",
            Field::Wage => "wage",
            Field::Operating => "operating",
            Field::Property => "property",
            Field::Transfer => "transfer",
            Field::OperatingExpenses => "operating_expenses",
            Field::PerCapita => "per_capita_net_income",
            Field::PreviousPerCapita => "previous_per_capita_net_income",
            Field::HouseholdKind => "household_kind",
            Field::MonitoringCategory => "monitoring_category",
            Field::IdentifiedOn => "identified_on",
            Field::EliminationStatus => "elimination_status",
            Field::EliminatedOn => "eliminated_on",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The usual Chinese column name.
    pub fn label(self) -> &'static str {
        match self {
            Field::HouseholdId => "户编号",
            Field::HeadName => "户主姓名",
            Field::Township => "所属乡镇",
            Field::Village => "所属村",
            Field::HouseholdSize => "家庭人口",
            Field::MembersListed => "家庭成员",
            Field::Wage => "工资性收入",
            Field::Operating => "生产经营性收入",
            Field::Property => "财产性收入",
            Field::Transfer => "转移性收入",
            Field::OperatingExpenses => "生产经营性支出",
            Field::PerCapita => "人均纯收入",
            Field::PreviousPerCapita => "上年人均纯收入",
            Field::HouseholdKind => "户类型",
            Field::MonitoringCategory => "监测对象类别",
            Field::IdentifiedOn => "识别时间",
            Field::EliminationStatus => "风险是否消除",
            Field::EliminatedOn => "风险消除时间",
        }
    }

    /// Header texts (after [`normalise_header`]) that name this field.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::HouseholdId => &["户编号", "户编码", "户码", "户号", "家庭编号", "农户编号"],
            Field::HeadName => &["户主姓名", "户主", "姓名", "户主名称"],
            Field::Township => &[
                "所属乡镇",
                "乡镇",
                "镇",
                "乡(镇)",
                "所属乡镇/村",
                "乡镇/村",
                "镇村",
            ],
            Field::Village => &["所属村", "行政村", "村", "村名", "所在村"],
            Field::HouseholdSize => &[
                "家庭人口",
                "家庭人口数",
                "人口数",
                "家庭人数",
                "户人口",
                "户人口数",
                "共同生活人口",
            ],
            Field::MembersListed => &[
                "家庭成员",
                "成员姓名",
                "成员名单",
                "成员人数",
                "家庭成员数",
                "在册成员数",
                "家庭成员人数",
            ],
            Field::Wage => &["工资性收入", "工资收入", "务工收入"],
            Field::Operating => &["生产经营性收入", "经营性收入", "生产经营收入"],
            Field::Property => &["财产性收入", "财产收入"],
            Field::Transfer => &["转移性收入", "转移收入"],
            Field::OperatingExpenses => {
                &["生产经营性支出", "经营性支出", "生产经营支出", "生产性支出"]
            }
            Field::PerCapita => &[
                "人均纯收入",
                "家庭年人均纯收入",
                "年人均纯收入",
                "人均收入",
                "家庭人均纯收入",
            ],
            Field::PreviousPerCapita => &[
                "上年人均纯收入",
                "上年度人均纯收入",
                "上一年人均纯收入",
                "上年家庭人均纯收入",
            ],
            Field::HouseholdKind => &["户类型", "农户类型", "户属性", "户类别"],
            Field::MonitoringCategory => &["监测对象类别", "监测对象类型", "监测类型", "监测类别"],
            Field::IdentifiedOn => &[
                "识别时间",
                "识别日期",
                "纳入监测时间",
                "纳入时间",
                "监测识别时间",
            ],
            Field::EliminationStatus => &[
                "风险是否消除",
                "是否消除风险",
                "风险消除情况",
                "风险消除状态",
                "监测状态",
            ],
            Field::EliminatedOn => &["风险消除时间", "消除时间", "风险消除日期", "消除日期"],
        }
    }
}

/// Header text reduced for comparison: half-width, no spaces, no `*`, no trailing unit in
/// brackets (`工资性收入（元）` → `工资性收入`).
pub fn normalise_header(text: &str) -> String {
    let half = to_half_width(text);
    let mut out: String = half
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != ':')
        .collect();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if out.ends_with(close) {
            if let Some(i) = out.rfind(open) {
                if i > 0 {
                    out.truncate(i);
                }
            }
        }
    }
    out
}

/// How well a header names a field: exact alias beats a containing one; longer beats shorter.
fn score(header: &str, field: Field) -> usize {
    let mut best = 0;
    for alias in field.aliases() {
        let n = alias.chars().count();
        if header == *alias {
            best = best.max(1000 + n);
        } else if n >= 2 && header.contains(alias) {
            best = best.max(n);
        }
    }
    best
}

/// Which column holds each field (`None` = not in the file).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: [Option<usize>; Field::COUNT],
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns[field.index()]
    }

    pub fn set(&mut self, field: Field, column: Option<usize>) {
        self.columns[field.index()] = column;
    }

    /// Number of fields found.
    pub fn found(&self) -> usize {
        self.columns.iter().filter(|c| c.is_some()).count()
    }

    /// The cells of `row` laid out by field (`""` where the field is not mapped or the row
    /// is short).
    pub fn cells<'a>(&self, row: &'a [String]) -> [&'a str; Field::COUNT] {
        let mut out = [""; Field::COUNT];
        for (slot, column) in out.iter_mut().zip(self.columns.iter()) {
            if let Some(c) = column {
                *slot = row.get(*c).map_or("", |s| s.as_str());
            }
        }
        out
    }
}

/// Guesses the field of each header; each field goes to its best-scoring column, each
/// column to at most one field.
pub fn guess(headers: &[String]) -> Mapping {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut candidates: Vec<(usize, Field, usize)> = Vec::new();
    for (col, h) in normalised.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        for field in Field::ALL {
            let s = score(h, field);
            if s > 0 {
                candidates.push((s, field, col));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
    let mut mapping = Mapping::default();
    let mut used = vec![false; headers.len()];
    for (_, field, col) in candidates {
        if mapping.column(field).is_none() && !used[col] {
            mapping.set(field, Some(col));
            used[col] = true;
        }
    }
    mapping
}

/// Rows looked at to find the header (titles and merged header rows sit above it).
pub const HEADER_SEARCH_ROWS: usize = 10;

/// Where the table starts: the header row, the headers (a blank cell takes the text of the
/// cell above it, as a merged two-level header leaves it) and the guessed mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub header_row: usize,
    pub headers: Vec<String>,
    pub mapping: Mapping,
}

/// Finds the header among the first rows: the row whose headers name the most fields
/// (at least two). `None` when no row looks like a household table's header.
pub fn find_layout(rows: &[Vec<String>]) -> Option<Layout> {
    let mut best: Option<Layout> = None;
    for (i, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let width = row.len();
        let mut headers: Vec<String> = row.iter().map(|c| c.trim().to_string()).collect();
        // Merged cells: a blank header takes the text above it (up to two rows up).
        for (col, h) in headers.iter_mut().enumerate().take(width) {
            if h.is_empty() {
                for up in 1..=2 {
                    if let Some(above) = i.checked_sub(up).and_then(|r| rows[r].get(col)) {
                        if !above.trim().is_empty() {
                            *h = above.trim().to_string();
                            break;
                        }
                    }
                }
            }
        }
        let mapping = guess(&headers);
        let better = best
            .as_ref()
            .is_none_or(|b| mapping.found() > b.mapping.found());
        if mapping.found() >= 2 && better {
            best = Some(Layout {
                header_row: i,
                headers,
                mapping,
            });
        }
    }
    best
}

/// True for a row that holds nothing, or a totals line (合计/总计/小计) rather than a household.
pub fn is_skippable<S: AsRef<str>>(row: &[S]) -> bool {
    let mut any = false;
    for cell in row {
        let t = cell.as_ref().trim();
        if t.is_empty() {
            continue;
        }
        any = true;
        if matches!(t, "合计" | "总计" | "小计" | "合  计") {
            return true;
        }
    }
    !any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_national_system_headers_are_recognised() {
        let headers = row(&[
            "户编号",
            "户主姓名",
            "家庭人口",
            "工资性收入（元）",
            "生产经营性收入",
            "财产性收入",
            "转移性收入",
            "生产经营性支出",
            "人均纯收入",
            "上年人均纯收入",
            "户类型",
            "监测对象类别",
            "识别时间",
            "风险消除时间",
            "所属乡镇",
            "所属村",
        ]);
        let m = guess(&headers);
        assert_eq!(m.found(), 16);
        assert_eq!(m.column(Field::Wage), Some(3));
        assert_eq!(m.column(Field::PerCapita), Some(8));
        assert_eq!(m.column(Field::PreviousPerCapita), Some(9));
        assert_eq!(m.column(Field::Village), Some(15));
    }

    #[test]
    fn a_title_row_and_a_two_level_header_are_skipped_to_the_real_header() {
        let rows = vec![
            row(&["民勤县2024年第三季度监测数据", "", "", ""]),
            row(&["户编号", "家庭人口", "家庭收入情况", ""]),
            row(&["", "", "工资性收入", "人均纯收入"]),
            row(&["A1", "3", "9000", "3000"]),
        ];
        let layout = find_layout(&rows).unwrap();
        assert_eq!(layout.header_row, 2);
        assert_eq!(layout.mapping.column(Field::HouseholdId), Some(0));
        assert_eq!(layout.mapping.column(Field::HouseholdSize), Some(1));
        assert_eq!(layout.mapping.column(Field::PerCapita), Some(3));
    }

    #[test]
    fn a_sheet_without_household_headers_has_no_layout() {
        assert!(find_layout(&[row(&["name", "price"]), row(&["a", "1"])]).is_none());
        assert!(find_layout(&[]).is_none());
    }

    #[test]
    fn totals_and_blank_rows_are_skipped() {
        assert!(is_skippable(&row(&["", "合计", "900"])));
        assert!(is_skippable(&row(&["", " "])));
        assert!(!is_skippable(&row(&["A1", "3"])));
    }
}
