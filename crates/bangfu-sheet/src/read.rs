//! Bytes → rows of cell text. The format is told by the content, not the file name:
//! a zip or OLE container is a workbook (calamine), anything else must decode as text
//! (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030/GBK as Excel on Chinese Windows
//! writes it) and is read as CSV (comma, tab or semicolon, whichever the first line uses).

use std::fmt;
use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chrono::{Days, NaiveDate};

/// Largest file accepted (a county export of ~70,000 households is ~10 MB).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Most rows read from one sheet.
pub const MAX_ROWS: usize = 1_000_000;
/// Most columns kept per row.
pub const MAX_COLUMNS: usize = 200;

/// Why a file could not be read, in words for the county officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotASpreadsheet,
    /// A workbook calamine could not open (damaged, encrypted, …).
    Workbook(String),
    /// Every sheet is empty.
    NoRows,
    TooManyRows,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::Empty => write!(f, "文件是空的，没有任何内容"),
            SheetError::TooLarge { bytes } => write!(
                f,
                "文件太大（{} MB），一次最多处理 {} MB；请按乡镇拆分后分别核查",
                bytes / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            SheetError::NotASpreadsheet => write!(
                f,
                "这不是表格文件；请选择从系统导出的 Excel（.xlsx、.xls）或 CSV 文件"
            ),
            SheetError::Workbook(why) => {
                write!(f, "Excel 文件打不开（可能已损坏或设置了密码）：{why}")
            }
            SheetError::NoRows => write!(f, "表格里没有数据（所有工作表都是空的）"),
            SheetError::TooManyRows => {
                write!(f, "表格超过 {MAX_ROWS} 行；请按乡镇拆分后分别核查")
            }
        }
    }
}

/// How the file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Workbook,
    CsvUtf8,
    CsvGbk,
    CsvUtf16,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Workbook => "Excel 工作簿",
            Format::CsvUtf8 => "CSV（UTF-8）",
            Format::CsvGbk => "CSV（GBK）",
            Format::CsvUtf16 => "文本（UTF-16）",
        }
    }
}

/// A sheet as rows of trimmed cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub format: Format,
    /// The worksheet read (workbooks only).
    pub sheet: Option<String>,
    pub rows: Vec<Vec<String>>,
}

/// Reads a file's bytes into a table.
pub fn read_table(bytes: &[u8]) -> Result<Table, SheetError> {
    if bytes.is_empty() {
        return Err(SheetError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(SheetError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return read_workbook(bytes);
    }
    let (text, format) = decode(bytes)?;
    let rows = read_csv(&text)?;
    if rows.iter().all(|r| r.iter().all(|c| c.is_empty())) {
        return Err(SheetError::NoRows);
    }
    Ok(Table {
        format,
        sheet: None,
        rows,
    })
}

fn decode(bytes: &[u8]) -> Result<(String, Format), SheetError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), Format::CsvUtf8))
            .map_err(|_| SheetError::NotASpreadsheet);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        return if bad {
            Err(SheetError::NotASpreadsheet)
        } else {
            Ok((text.into_owned(), Format::CsvUtf16))
        };
    }
    // Binary content (images, archives, executables) is not a table.
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(SheetError::NotASpreadsheet);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), Format::CsvUtf8));
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| (s.into_owned(), Format::CsvGbk))
        .ok_or(SheetError::NotASpreadsheet)
}

fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b',', count(',')), (b'\t', count('\t')), (b';', count(';'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| d)
}

fn read_csv(text: &str) -> Result<Vec<Vec<String>>, SheetError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let Ok(record) = record else {
            return Err(SheetError::NotASpreadsheet);
        };
        if rows.len() >= MAX_ROWS {
            return Err(SheetError::TooManyRows);
        }
        rows.push(
            record
                .iter()
                .take(MAX_COLUMNS)
                .map(|c| c.trim().to_string())
                .collect(),
        );
    }
    Ok(rows)
}

fn read_workbook(bytes: &[u8]) -> Result<Table, SheetError> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| SheetError::Workbook(short(&e.to_string())))?;
    let mut first_nonempty: Option<Table> = None;
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else {
            continue;
        };
        if range.height() > MAX_ROWS {
            return Err(SheetError::TooManyRows);
        }
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().take(MAX_COLUMNS).map(cell_text).collect())
            .collect();
        if rows.iter().all(|r| r.iter().all(|c| c.is_empty())) {
            continue;
        }
        let table = Table {
            format: Format::Workbook,
            sheet: Some(name),
            rows,
        };
        // The first sheet that looks like a household table wins.
        if bangfu_policy::calc::screening::find_layout(&table.rows).is_some() {
            return Ok(table);
        }
        first_nonempty.get_or_insert(table);
    }
    first_nonempty.ok_or(SheetError::NoRows)
}

fn short(s: &str) -> String {
    s.chars().take(80).collect()
}

/// A number as Excel shows it in General format: whole numbers without a point.
fn number_text(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A date serial (1900 system) as `YYYY-MM-DD`.
fn serial_date(v: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&v) {
        return None;
    }
    let days = v.floor() as u64;
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(Days::new(days))
        .map(|d| d.to_string())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            serial_date(d.as_f64()).unwrap_or_else(|| number_text(d.as_f64()))
        }
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_csv_is_decoded() {
        let (gbk, _, _) = encoding_rs::GBK.encode("户编号,家庭人口\nA1,3\n");
        let t = read_table(&gbk).unwrap();
        assert_eq!(t.format, Format::CsvGbk);
        assert_eq!(t.rows[0], ["户编号", "家庭人口"]);
    }

    #[test]
    fn utf8_with_bom_and_tabs_is_read() {
        let t = read_table("\u{feff}户编号\t家庭人口\nA1\t3\n".as_bytes()).unwrap();
        assert_eq!(t.format, Format::CsvUtf8);
        assert_eq!(t.rows[1], ["A1", "3"]);
    }

    #[test]
    fn binary_and_empty_files_are_refused_with_a_reason() {
        assert_eq!(read_table(b""), Err(SheetError::Empty));
        assert_eq!(
            read_table(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Err(SheetError::NotASpreadsheet)
        );
        assert!(matches!(
            read_table(b"PK\x03\x04garbage"),
            Err(SheetError::Workbook(_))
        ));
        assert_eq!(read_table(b"\n\n,,\n"), Err(SheetError::NoRows));
    }

    #[test]
    fn excel_numbers_and_dates_read_as_shown() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(7066.5), "7066.5");
        assert_eq!(serial_date(45413.0).as_deref(), Some("2024-05-01"));
    }
}
