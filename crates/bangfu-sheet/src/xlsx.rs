//! A minimal XLSX (Office Open XML) writer: text as inline strings (never formulas), short
//! whole numbers as numbers, wrapped text, frozen header row. Enough for the flagged list;
//! it reuses the zip crate calamine already brings, instead of a full spreadsheet library.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

#[derive(Default)]
pub struct Workbook {
    sheets: Vec<(String, Vec<Vec<String>>)>,
}

/// Characters Excel refuses in a sheet name.
const BAD_NAME_CHARS: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// `A`, `B`, … `Z`, `AA` for a zero-based column.
fn column_name(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

impl Workbook {
    /// Adds a sheet; the name is cleaned to what Excel accepts and made unique.
    pub fn add_sheet(&mut self, name: &str, rows: Vec<Vec<String>>) {
        let clean: String = name
            .chars()
            .filter(|c| !BAD_NAME_CHARS.contains(c) && !c.is_control())
            .take(28)
            .collect();
        let clean = if clean.trim().is_empty() {
            "表".to_string()
        } else {
            clean
        };
        let mut unique = clean.clone();
        let mut n = 2;
        while self
            .sheets
            .iter()
            .any(|(s, _)| s.eq_ignore_ascii_case(&unique))
        {
            unique = format!("{clean}{n}");
            n += 1;
        }
        self.sheets.push((unique, rows));
    }

    fn sheet_xml(rows: &[Vec<String>]) -> String {
        let mut x = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols><col min="1" max="2" width="12" customWidth="1"/><col min="3" max="3" width="9" customWidth="1"/><col min="4" max="4" width="18" customWidth="1"/><col min="5" max="8" width="12" customWidth="1"/><col min="9" max="9" width="28" customWidth="1"/><col min="10" max="10" width="70" customWidth="1"/><col min="11" max="11" width="40" customWidth="1"/></cols><sheetData>"#,
        );
        for (r, row) in rows.iter().enumerate() {
            x.push_str(&format!("<row r=\"{}\">", r + 1));
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let at = format!("{}{}", column_name(c), r + 1);
                let numeric = cell.len() < 10 && cell.bytes().all(|b| b.is_ascii_digit());
                if numeric {
                    x.push_str(&format!("<c r=\"{at}\"><v>{cell}</v></c>"));
                } else {
                    x.push_str(&format!(
                        "<c r=\"{at}\" t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                        escape(cell)
                    ));
                }
            }
            x.push_str("</row>");
        }
        x.push_str("</sheetData></worksheet>");
        x
    }

    /// The workbook's bytes.
    pub fn finish(self) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let mut put = |name: &str, body: &str| -> zip::result::ZipResult<()> {
            zip.start_file(name, opts)?;
            zip.write_all(body.as_bytes())?;
            Ok(())
        };
        let n = self.sheets.len();
        let mut types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        );
        let mut book = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
        );
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        for (i, (name, _)) in self.sheets.iter().enumerate() {
            let k = i + 1;
            types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
            book.push_str(&format!(
                "<sheet name=\"{}\" sheetId=\"{k}\" r:id=\"rId{k}\"/>",
                escape(name)
            ));
            rels.push_str(&format!("<Relationship Id=\"rId{k}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{k}.xml\"/>"));
        }
        types.push_str("</Types>");
        book.push_str("</sheets></workbook>");
        rels.push_str(&format!("<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>", n + 1));
        let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs></styleSheet>"#;
        let written = (|| -> zip::result::ZipResult<()> {
            put("[Content_Types].xml", &types)?;
            put("_rels/.rels", root_rels)?;
            put("xl/workbook.xml", &book)?;
            put("xl/_rels/workbook.xml.rels", &rels)?;
            put("xl/styles.xml", styles)?;
            for (i, (_, rows)) in self.sheets.iter().enumerate() {
                put(
                    &format!("xl/worksheets/sheet{}.xml", i + 1),
                    &Self::sheet_xml(rows),
                )?;
            }
            Ok(())
        })();
        if written.is_err() {
            return Vec::new();
        }
        zip.finish().map(Cursor::into_inner).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_run_past_z() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
    }

    #[test]
    fn sheet_names_are_cleaned_and_unique() {
        let mut b = Workbook::default();
        b.add_sheet("薛百镇/宋和", vec![]);
        b.add_sheet("薛百镇宋和", vec![]);
        assert_eq!(b.sheets[0].0, "薛百镇宋和");
        assert_eq!(b.sheets[1].0, "薛百镇宋和2");
    }
}
