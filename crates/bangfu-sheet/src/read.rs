//! Errors, formats and cell text of a sheet, and [`read_table`], which reads a small file
//! whole (large ones are read in two passes by [`crate::stream`]). The format is told by the
//! content, not the file name: a zip or OLE container is a workbook (calamine), anything else
//! must decode as text (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030/GBK as Excel
//! on Chinese Windows writes it) and is read as CSV (comma, tab or semicolon, whichever the
//! first line uses).

use std::fmt;
use std::io::Cursor;
use std::ops::ControlFlow;

use calamine::Data;
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
    /// The file could not be read any more (moved, changed or removed while open).
    Unreadable(String),
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
            SheetError::Unreadable(why) => {
                write!(f, "文件读取失败（可能已被移动或修改），请重新选择：{why}")
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

/// Reads a file's bytes into a table (every row held: for small files and tests; large ones
/// go through [`crate::stream`]).
pub fn read_table(bytes: &[u8]) -> Result<Table, SheetError> {
    let opened = crate::stream::open(Cursor::new(bytes))?;
    let mut rows = Vec::with_capacity(opened.rows);
    opened.for_each_row(&mut Cursor::new(bytes), 0, |_, r| {
        rows.push(r);
        ControlFlow::Continue(())
    })?;
    Ok(Table {
        format: opened.format,
        sheet: opened.sheet,
        rows,
    })
}

pub(crate) fn short(s: &str) -> String {
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

pub(crate) fn cell_text(cell: &Data) -> String {
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
