//! The flagged list, ready to send back to the townships for 核查核准: one row per flagged
//! household with its flags in plain Chinese and the clauses, sorted by township, village and
//! row; CSV with a BOM (Excel on Windows opens it as UTF-8) or XLSX with one sheet per
//! township after a 汇总 (summary) sheet.

use crate::run::{Run, Screened, Summary};
use crate::xlsx::Workbook;

/// Column headings of the flagged list.
pub const HEADINGS: [&str; 11] = [
    "所属乡镇",
    "所属村",
    "原表行号",
    "户编号",
    "户主姓名",
    "人均纯收入",
    "重算人均纯收入",
    "疑点数",
    "疑点",
    "疑点说明",
    "依据",
];

/// The flagged households, sorted by township, village and row.
pub fn flagged(run: &Run) -> Vec<&Screened> {
    let mut out: Vec<&Screened> = run.flagged.iter().collect();
    out.sort_by(|a, b| {
        (&a.result.township, &a.result.village, a.row).cmp(&(
            &b.result.township,
            &b.result.village,
            b.row,
        ))
    });
    out
}

/// One output line of a flagged household.
pub fn line(s: &Screened) -> [String; 11] {
    let r = &s.result;
    let mut clauses: Vec<&str> = Vec::new();
    for f in &r.flags {
        if !clauses.contains(&f.clause.as_str()) {
            clauses.push(&f.clause);
        }
    }
    [
        r.township.clone(),
        r.village.clone(),
        s.row.to_string(),
        r.household_id.clone(),
        r.head_name.clone(),
        r.per_capita_net_income.clone().unwrap_or_default(),
        r.recomputed_per_capita.clone().unwrap_or_default(),
        r.flags.len().to_string(),
        r.flags
            .iter()
            .map(|f| f.label.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        r.flags
            .iter()
            .enumerate()
            .map(|(i, f)| format!("{}. {}", i + 1, f.message))
            .collect::<Vec<_>>()
            .join("\n"),
        clauses.join("；"),
    ]
}

/// Text from the file that a spreadsheet would run as a formula is shown as text instead.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The flagged list as CSV (UTF-8 with BOM, CRLF line ends).
pub fn flagged_csv(run: &Run) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = w.write_record(HEADINGS);
    for s in flagged(run) {
        let mut cells = line(s);
        for i in [0, 1, 3, 4] {
            cells[i] = defuse(&cells[i]);
        }
        let _ = w.write_record(&cells);
    }
    w.into_inner().unwrap_or_default()
}

/// The flagged list as an XLSX workbook: 汇总 first, then one sheet per township.
pub fn flagged_xlsx(run: &Run) -> Vec<u8> {
    let summary = Summary::of(run);
    let mut book = Workbook::default();
    let mut rows: Vec<Vec<String>> = vec![vec!["项目".into(), "户数".into()]];
    rows.push(vec!["核查户数".into(), summary.screened.to_string()]);
    rows.push(vec!["有疑点户数".into(), summary.flagged.to_string()]);
    rows.push(vec![
        "未能核查（监测范围未配置）".into(),
        summary.undecidable.to_string(),
    ]);
    for (flag, n) in &summary.by_flag {
        rows.push(vec![format!("疑点：{}", flag.label()), n.to_string()]);
    }
    rows.push(Vec::new());
    rows.push(vec!["乡镇".into(), "村".into(), "有疑点户数".into()]);
    for ((town, village), n) in &summary.by_village {
        rows.push(vec![town.clone(), village.clone(), n.to_string()]);
    }
    book.add_sheet("汇总", rows);

    let list = flagged(run);
    let mut start = 0;
    while start < list.len() {
        let town = &list[start].result.township;
        let end = list[start..]
            .iter()
            .position(|s| &s.result.township != town)
            .map_or(list.len(), |n| start + n);
        let mut rows: Vec<Vec<String>> = vec![HEADINGS.iter().map(|h| h.to_string()).collect()];
        rows.extend(list[start..end].iter().map(|s| line(s).to_vec()));
        let name = if town.is_empty() {
            "未填乡镇"
        } else {
            town.as_str()
        };
        book.add_sheet(name, rows);
        start = end;
    }
    book.finish()
}
