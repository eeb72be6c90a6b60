//! `bangfu screen` as a county officer runs it: the generated workbook and GBK CSV with
//! planted errors (tests/fixtures/screening, written by
//! `cargo run -p bangfu-sheet --example screening_fixtures`), the flagged list read back,
//! and bad files that must give a clear message and never crash.

use std::path::PathBuf;
use std::process::Command;

use calamine::{open_workbook_auto, Data, Reader};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/screening")
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("bangfu-screen-{}-{name}", std::process::id()))
}

/// Runs `bangfu screen ARGS`; returns exit code, stdout bytes, stderr text.
fn screen(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bangfu"))
        .arg("screen")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// household id → flag codes expected (empty: clean).
fn expected() -> Vec<(String, String)> {
    std::fs::read_to_string(fixtures().join("households-expected.tsv"))
        .unwrap()
        .lines()
        .map(|l| {
            let (id, codes) = l.split_once('\t').unwrap_or((l, ""));
            (id.to_string(), codes.to_string())
        })
        .collect()
}

/// Flag labels per household id from a flagged CSV (BOM, header, one row per household).
fn flagged_ids(csv_bytes: &[u8]) -> Vec<(String, String)> {
    let text = std::str::from_utf8(csv_bytes).unwrap();
    assert!(text.starts_with('\u{feff}'), "CSV starts with a BOM");
    let mut r =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[3].to_string(), rec[8].to_string())
        })
        .collect()
}

fn check_planted(csv_bytes: &[u8]) {
    let got = flagged_ids(csv_bytes);
    for (id, code) in expected() {
        let row = got.iter().find(|(g, _)| *g == id);
        if code.is_empty() {
            assert!(row.is_none(), "{id} should be clean, got {row:?}");
        } else {
            let flag = bangfu_policy::calc::screening::Flag::from_code(&code).unwrap();
            let labels = &row.unwrap_or_else(|| panic!("{id} not flagged ({code})")).1;
            assert_eq!(labels, flag.label(), "{id}");
        }
    }
}

#[test]
fn the_workbook_with_a_title_two_level_header_formulas_and_dates_gives_the_planted_flags() {
    let (code, out, err) = screen(&[
        fixtures().join("households.xlsx").to_str().unwrap(),
        "--date",
        "2024-10-01",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("表头在第 3 行"), "{err}");
    assert!(err.contains("核查 15 户，有疑点 12 户"), "{err}");
    check_planted(&out);
}

#[test]
fn the_gbk_csv_gives_the_same_flags_as_the_workbook() {
    let (code, out, err) = screen(&[
        fixtures().join("households-gbk.csv").to_str().unwrap(),
        "--date",
        "2024-10-01",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("CSV（GBK）"), "{err}");
    check_planted(&out);
}

#[test]
fn the_xlsx_output_has_a_summary_and_one_sheet_per_township_that_calamine_reads_back() {
    let out = temp("flagged.xlsx");
    let (code, _, err) = screen(&[
        fixtures().join("households.xlsx").to_str().unwrap(),
        "--date",
        "2024-10-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut book = open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names(), ["汇总", "大坝镇", "收成镇", "薛百镇"]);
    let range = book.worksheet_range("薛百镇").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(rows[0][0], "所属乡镇");
    assert_eq!(rows.len(), 5, "header + 4 flagged households of 薛百镇");
    assert!(rows
        .iter()
        .any(|r| r[8] == "人均纯收入计算不符" && r[10].contains("第16条")));
    let _ = std::fs::remove_file(out);
}

#[test]
fn a_year_without_a_range_reports_every_household_as_not_checked() {
    let (code, out, err) = screen(&[
        fixtures().join("households-gbk.csv").to_str().unwrap(),
        "--year",
        "2026",
        "--date",
        "2026-10-01",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("其中 15 户因2026年监测范围未配置未能核查"),
        "{err}"
    );
    assert_eq!(flagged_ids(&out).len(), 15, "no household passes as clean");
}

fn refused(name: &str, bytes: &[u8], message: &str) {
    let path = temp(name);
    std::fs::write(&path, bytes).unwrap();
    let (code, out, err) = screen(&[path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 1, "{name}: {err}");
    assert!(out.is_empty(), "{name}");
    assert!(err.contains(message), "{name}: {err}");
    assert!(!err.contains("panicked"), "{name}: {err}");
}

#[test]
fn bad_files_get_a_clear_message_and_no_crash() {
    refused("empty.csv", b"", "文件是空的");
    refused(
        "photo.xlsx",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        "这不是表格文件",
    );
    refused(
        "broken.xlsx",
        b"PK\x03\x04\x14\0\0\0broken",
        "Excel 文件打不开",
    );
    refused("blank.csv", b",,,\r\n,,\r\n", "表格里没有数据");
    refused("prices.csv", "品名,单价\n白菜,2\n".as_bytes(), "找不到表头");
    refused(
        "header-only.csv",
        "户编号,家庭人口,人均纯收入\n".as_bytes(),
        "只有表头",
    );
    let (gbk, _, _) = encoding_rs::GBK.encode("随便写的一段话，没有表格。\n");
    refused("words.csv", &gbk, "找不到表头");
    // Over the size limit: refused before reading, with what to do.
    let big = vec![b'1'; bangfu_sheet_limit() + 1];
    refused("huge.csv", &big, "文件太大");
}

fn bangfu_sheet_limit() -> usize {
    64 * 1024 * 1024
}

#[test]
fn a_missing_file_and_bad_options_are_explained() {
    let (code, _, err) = screen(&["/nonexistent/file.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("无法读取"), "{err}");
    let (code, _, err) = screen(&["x.csv", "--year", "20x4"]);
    assert_eq!(code, 1);
    assert!(err.contains("--year"), "{err}");
    let (code, _, err) = screen(&[]);
    assert_eq!(code, 1);
    assert!(err.contains("请写明要核查的文件"), "{err}");
}
