//! Rows → screening results, a chunk at a time (the CLI spreads chunks over threads, the
//! widget yields between them), and the counts of a finished run.

use std::collections::BTreeMap;

use bangfu_policy::calc::screening::{
    find_layout, is_skippable, screen, Flag, Layout, Mapping, ScreeningResult, Thresholds,
};
use chrono::NaiveDate;

use crate::read::Table;

/// The table's layout as guessed (the officer may correct the mapping), or why there is none.
pub struct Prepared {
    pub layout: Layout,
    /// Index of the first data row.
    pub data_start: usize,
}

/// Finds the header row and guesses the mapping.
pub fn prepare(table: &Table) -> Result<Prepared, String> {
    let layout = find_layout(&table.rows).ok_or_else(|| {
        "找不到表头：前 10 行中没有“户编号、家庭人口、人均纯收入”等列名；请确认选择的是农户信息表".to_string()
    })?;
    let data_start = layout.header_row + 1;
    if table.rows.len() <= data_start || table.rows[data_start..].iter().all(|r| is_skippable(r)) {
        return Err("表格只有表头，没有农户数据".to_string());
    }
    Ok(Prepared { layout, data_start })
}

/// One household row and its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screened {
    /// Row number in the file, counted from 1 as a spreadsheet shows it.
    pub row: usize,
    pub result: ScreeningResult,
}

/// Screens `rows` (whose first element is file row index `first`), skipping blank and
/// totals rows.
pub fn screen_chunk(
    rows: &[Vec<String>],
    first: usize,
    mapping: &Mapping,
    t: &Thresholds,
    today: NaiveDate,
) -> Vec<Screened> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| !is_skippable(r))
        .map(|(i, r)| Screened {
            row: first + i + 1,
            result: screen(&mapping.cells(r), t, today),
        })
        .collect()
}

/// Counts of a run: households screened and flagged, per flag, per township and village.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub screened: usize,
    pub flagged: usize,
    pub undecidable: usize,
    /// Households carrying each flag, in `Flag::ALL` order (flags with none left out).
    pub by_flag: Vec<(Flag, usize)>,
    /// (township, village) → households flagged.
    pub by_village: BTreeMap<(String, String), usize>,
}

impl Summary {
    pub fn of(results: &[Screened]) -> Summary {
        let mut s = Summary {
            screened: results.len(),
            ..Summary::default()
        };
        let mut per_flag = [0usize; Flag::ALL.len()];
        for r in results {
            if !r.result.decidable {
                s.undecidable += 1;
            }
            if r.result.flags.is_empty() {
                continue;
            }
            s.flagged += 1;
            *s.by_village
                .entry((r.result.township.clone(), r.result.village.clone()))
                .or_default() += 1;
            for (i, flag) in Flag::ALL.iter().enumerate() {
                if r.result.flags.iter().any(|f| f.code == flag.code()) {
                    per_flag[i] += 1;
                }
            }
        }
        s.by_flag = Flag::ALL
            .into_iter()
            .zip(per_flag)
            .filter(|(_, n)| *n > 0)
            .collect();
        s
    }
}
