//! A sheet read in two passes without holding a CSV whole. [`open`] reads the file once:
//! it tells the format (and a CSV's encoding and delimiter), keeps the first rows for the
//! header search and the preview, and counts the rows. [`Opened::for_each_row`] then reads
//! the rows again, one at a time, from any row on. A workbook is held as calamine read it
//! (its cells are turned into text a row at a time); a CSV is read from the source again.

use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::ops::ControlFlow;

use bangfu_policy::calc::screening::{find_layout, is_skippable, HEADER_SEARCH_ROWS};
use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};

use crate::decode::{Decode, Encoding};
use crate::read::{cell_text, short, Format, SheetError, MAX_BYTES, MAX_COLUMNS, MAX_ROWS};

/// Rows kept from the start of the sheet (header search, titles above it, the preview).
pub const HEAD_ROWS: usize = HEADER_SEARCH_ROWS + 100;

/// A sheet after the first pass.
pub struct Opened {
    pub format: Format,
    /// The worksheet read (workbooks only).
    pub sheet: Option<String>,
    /// The first rows (up to [`HEAD_ROWS`]) as trimmed text.
    pub head: Vec<Vec<String>>,
    /// Rows in the sheet.
    pub rows: usize,
    body: Body,
}

enum Body {
    Csv {
        encoding: Encoding,
        delimiter: u8,
        /// Index of the last row that is neither blank nor a totals line.
        last_household: Option<usize>,
    },
    Sheet(Range<Data>),
}

/// Why a CSV pass stopped: text not valid in the encoding tried, or a file error.
enum Stop {
    Malformed,
    Sheet(SheetError),
}

impl From<SheetError> for Stop {
    fn from(e: SheetError) -> Stop {
        Stop::Sheet(e)
    }
}

fn io_error(e: io::Error) -> SheetError {
    SheetError::Unreadable(short(&e.to_string()))
}

/// Reads `src` (a file, or bytes in a cursor) for the first time.
pub fn open<R: Read + Seek + Clone>(mut src: R) -> Result<Opened, SheetError> {
    let len = src.seek(SeekFrom::End(0)).map_err(io_error)?;
    if len == 0 {
        return Err(SheetError::Empty);
    }
    if len > MAX_BYTES as u64 {
        return Err(SheetError::TooLarge {
            bytes: len as usize,
        });
    }
    src.seek(SeekFrom::Start(0)).map_err(io_error)?;
    let mut start = Vec::with_capacity(8192);
    src.by_ref()
        .take(8192)
        .read_to_end(&mut start)
        .map_err(io_error)?;
    if start.starts_with(b"PK\x03\x04") || start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return open_workbook(src);
    }
    let encoding = if start.starts_with(b"\xEF\xBB\xBF") {
        Encoding::Utf8 { bom: true }
    } else if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
        Encoding::Utf16
    } else if start.contains(&0) {
        // Binary content (images, archives, executables) is not a table.
        return Err(SheetError::NotASpreadsheet);
    } else {
        Encoding::Utf8 { bom: false }
    };
    match scan_csv(&mut src, encoding) {
        Ok(opened) => Ok(opened),
        // Not UTF-8 after all: as Excel on Chinese Windows writes it.
        Err(Stop::Malformed) if encoding == (Encoding::Utf8 { bom: false }) => {
            match scan_csv(&mut src, Encoding::Gb18030) {
                Ok(opened) => Ok(opened),
                Err(Stop::Malformed) => Err(SheetError::NotASpreadsheet),
                Err(Stop::Sheet(e)) => Err(e),
            }
        }
        Err(Stop::Malformed) => Err(SheetError::NotASpreadsheet),
        Err(Stop::Sheet(e)) => Err(e),
    }
}

/// The delimiter the first line uses most (comma, tab or semicolon; comma when none).
fn delimiter(first_line: &str) -> u8 {
    let count = |c: char| first_line.matches(c).count();
    [(b',', count(',')), (b'\t', count('\t')), (b';', count(';'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| d)
}

/// A CSV reader over the decoded text of `src` from its start; the delimiter is told by the
/// first line unless given.
fn csv_reader<'a, R: Read + Seek>(
    src: &'a mut R,
    encoding: Encoding,
    delimiter_known: Option<u8>,
) -> Result<(csv::Reader<impl Read + 'a>, u8), Stop> {
    src.seek(SeekFrom::Start(encoding.skip() as u64))
        .map_err(|e| Stop::Sheet(io_error(e)))?;
    let mut text = Decode::new(src, encoding);
    let mut prefix = Vec::new();
    if delimiter_known.is_none() {
        let mut buf = [0u8; 8192];
        loop {
            let n = text.read(&mut buf).map_err(stop)?;
            prefix.extend_from_slice(&buf[..n]);
            if n == 0 || buf[..n].contains(&b'\n') || prefix.len() > 1 << 20 {
                break;
            }
        }
    }
    let d = delimiter_known.unwrap_or_else(|| {
        let first = prefix.split(|&b| b == b'\n').next().unwrap_or(&[]);
        delimiter(&String::from_utf8_lossy(first))
    });
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(d)
        .from_reader(Cursor::new(prefix).chain(text));
    Ok((reader, d))
}

fn stop(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::InvalidData {
        Stop::Malformed
    } else {
        Stop::Sheet(io_error(e))
    }
}

fn csv_stop(e: csv::Error) -> Stop {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => stop(e),
        _ => Stop::Sheet(SheetError::NotASpreadsheet),
    }
}

/// A record's cells as a row: trimmed, at most [`MAX_COLUMNS`].
fn row_of(record: &csv::StringRecord) -> Vec<String> {
    record
        .iter()
        .take(MAX_COLUMNS)
        .map(|c| c.trim().to_string())
        .collect()
}

fn scan_csv<R: Read + Seek>(src: &mut R, encoding: Encoding) -> Result<Opened, Stop> {
    let (mut reader, delimiter) = csv_reader(src, encoding, None)?;
    let mut record = csv::StringRecord::new();
    let mut head = Vec::new();
    let mut rows = 0usize;
    let mut any_text = false;
    let mut last_household = None;
    while reader.read_record(&mut record).map_err(csv_stop)? {
        if rows >= MAX_ROWS {
            return Err(Stop::Sheet(SheetError::TooManyRows));
        }
        let cells: Vec<&str> = record.iter().take(MAX_COLUMNS).collect();
        any_text = any_text || cells.iter().any(|c| !c.trim().is_empty());
        if !is_skippable(&cells) {
            last_household = Some(rows);
        }
        if rows < HEAD_ROWS {
            head.push(row_of(&record));
        }
        rows += 1;
    }
    if !any_text {
        return Err(Stop::Sheet(SheetError::NoRows));
    }
    let format = match encoding {
        Encoding::Utf8 { .. } => Format::CsvUtf8,
        Encoding::Utf16 => Format::CsvUtf16,
        Encoding::Gb18030 => Format::CsvGbk,
    };
    Ok(Opened {
        format,
        sheet: None,
        head,
        rows,
        body: Body::Csv {
            encoding,
            delimiter,
            last_household,
        },
    })
}

fn sheet_row(cells: &[Data]) -> Vec<String> {
    cells.iter().take(MAX_COLUMNS).map(cell_text).collect()
}

fn open_workbook<R: Read + Seek + Clone>(src: R) -> Result<Opened, SheetError> {
    let mut book =
        open_workbook_auto_from_rs(src).map_err(|e| SheetError::Workbook(short(&e.to_string())))?;
    let mut first_nonempty: Option<Opened> = None;
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else {
            continue;
        };
        if range.height() > MAX_ROWS {
            return Err(SheetError::TooManyRows);
        }
        if range
            .rows()
            .all(|r| r.iter().all(|c| cell_text(c).is_empty()))
        {
            continue;
        }
        let head: Vec<Vec<String>> = range.rows().take(HEAD_ROWS).map(sheet_row).collect();
        let household_table = find_layout(&head).is_some();
        let opened = Opened {
            format: Format::Workbook,
            sheet: Some(name),
            head,
            rows: range.height(),
            body: Body::Sheet(range),
        };
        // The first sheet that looks like a household table wins.
        if household_table {
            return Ok(opened);
        }
        first_nonempty.get_or_insert(opened);
    }
    first_nonempty.ok_or(SheetError::NoRows)
}

impl Opened {
    /// True when a row after `row` holds a household (not blank, not a totals line).
    pub fn has_household_after(&self, row: usize) -> bool {
        match &self.body {
            Body::Csv { last_household, .. } => last_household.is_some_and(|l| l > row),
            Body::Sheet(range) => range
                .rows()
                .skip(row + 1)
                .any(|r| !is_skippable(&sheet_row(r))),
        }
    }

    /// Calls `f` with each row from index `from` on (index, cells), reading `src` again for
    /// a CSV (the same file `open` read), until `f` breaks or the rows end.
    pub fn for_each_row<R: Read + Seek>(
        &self,
        src: &mut R,
        from: usize,
        mut f: impl FnMut(usize, Vec<String>) -> ControlFlow<()>,
    ) -> Result<(), SheetError> {
        match &self.body {
            Body::Sheet(range) => {
                for (i, r) in range.rows().enumerate().skip(from) {
                    if f(i, sheet_row(r)).is_break() {
                        break;
                    }
                }
                Ok(())
            }
            Body::Csv {
                encoding,
                delimiter,
                ..
            } => {
                let unreadable = |s: Stop| match s {
                    Stop::Malformed => SheetError::NotASpreadsheet,
                    Stop::Sheet(e) => e,
                };
                let (mut reader, _) =
                    csv_reader(src, *encoding, Some(*delimiter)).map_err(unreadable)?;
                let mut record = csv::StringRecord::new();
                let mut i = 0usize;
                while reader
                    .read_record(&mut record)
                    .map_err(|e| unreadable(csv_stop(e)))?
                {
                    if i >= from && f(i, row_of(&record)).is_break() {
                        break;
                    }
                    i += 1;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(bytes: &[u8]) -> Vec<Vec<String>> {
        let opened = open(Cursor::new(bytes)).unwrap();
        let mut out = Vec::new();
        opened
            .for_each_row(&mut Cursor::new(bytes), 0, |_, r| {
                out.push(r);
                ControlFlow::Continue(())
            })
            .unwrap();
        out
    }

    #[test]
    fn a_gbk_csv_longer_than_a_buffer_is_read_again_row_by_row() {
        let mut text = String::from("户编号;家庭人口\n");
        for i in 0..30_000 {
            text.push_str(&format!("A{i};{}\n", i % 5 + 1));
        }
        // ASCII for the first ~300 KB of rows, then Chinese: UTF-8 is tried first and given up.
        text.push_str("甲;三口\n");
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let opened = open(Cursor::new(&gbk[..])).unwrap();
        assert_eq!(opened.format, Format::CsvGbk);
        assert_eq!(opened.rows, 30_002);
        assert_eq!(opened.head[0], ["户编号", "家庭人口"]);
        let rows = rows_of(&gbk);
        assert_eq!(rows.len(), 30_002);
        assert_eq!(rows[30_001], ["甲", "三口"]);
    }

    #[test]
    fn reading_can_start_at_any_row_and_stop_early() {
        let bytes = b"a,b\n1,2\n3,4\n5,6\n";
        let opened = open(Cursor::new(&bytes[..])).unwrap();
        let mut seen = Vec::new();
        opened
            .for_each_row(&mut Cursor::new(&bytes[..]), 2, |i, r| {
                seen.push((i, r[0].clone()));
                ControlFlow::Break(())
            })
            .unwrap();
        assert_eq!(seen, [(2, "3".to_string())]);
    }

    #[test]
    fn totals_and_blank_rows_do_not_count_as_households() {
        let bytes = "户编号,家庭人口\n,\n合计,3\n".as_bytes();
        let opened = open(Cursor::new(bytes)).unwrap();
        assert!(!opened.has_household_after(0));
        let bytes = "户编号,家庭人口\nA1,3\n合计,3\n".as_bytes();
        assert!(open(Cursor::new(bytes)).unwrap().has_household_after(0));
    }
}
