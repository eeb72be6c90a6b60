//! Rows → screening results (the CLI spreads batches over threads, the widget's worker
//! posts them in chunks), the run that keeps the flagged ones, and its counts.

use std::collections::BTreeMap;

use bangfu_policy::calc::screening::{
    find_layout, is_skippable, screen, Flag, Layout, Mapping, ScreeningResult, Thresholds,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::stream::Opened;

/// The table's layout as guessed (the officer may correct the mapping), or why there is none.
pub struct Prepared {
    pub layout: Layout,
    /// Index of the first data row.
    pub data_start: usize,
}

/// Finds the header row among the first rows and guesses the mapping.
pub fn prepare(opened: &Opened) -> Result<Prepared, String> {
    let layout = find_layout(&opened.head).ok_or_else(|| {
        "找不到表头：前 10 行中没有“户编号、家庭人口、人均纯收入”等列名；请确认选择的是农户信息表".to_string()
    })?;
    if !opened.has_household_after(layout.header_row) {
        return Err("表格只有表头，没有农户数据".to_string());
    }
    let data_start = layout.header_row + 1;
    Ok(Prepared { layout, data_start })
}

/// One household row and its result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screened {
    /// Row number in the file, counted from 1 as a spreadsheet shows it.
    pub row: usize,
    pub result: ScreeningResult,
}

/// Screens the row at index `index` of the sheet; `None` for a blank or totals row.
pub fn screen_row(
    index: usize,
    row: &[String],
    mapping: &Mapping,
    t: &Thresholds,
    today: NaiveDate,
) -> Option<Screened> {
    (!is_skippable(row)).then(|| Screened {
        row: index + 1,
        result: screen(&mapping.cells(row), t, today),
    })
}

/// Screens rows given with their sheet index, skipping blank and totals rows.
pub fn screen_batch(
    rows: &[(usize, Vec<String>)],
    mapping: &Mapping,
    t: &Thresholds,
    today: NaiveDate,
) -> Vec<Screened> {
    rows.iter()
        .filter_map(|(i, r)| screen_row(*i, r, mapping, t, today))
        .collect()
}

/// A run so far: households screened, and those with a flag (the only ones kept: a record
/// that could not be decided always carries one).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Run {
    pub screened: usize,
    pub flagged: Vec<Screened>,
}

impl Run {
    pub fn add(&mut self, s: Screened) {
        self.screened += 1;
        if !s.result.flags.is_empty() {
            self.flagged.push(s);
        }
    }

    pub fn extend(&mut self, more: impl IntoIterator<Item = Screened>) {
        for s in more {
            self.add(s);
        }
    }

    /// Adds a part of a run screened elsewhere (a thread, the worker).
    pub fn merge(&mut self, part: Run) {
        self.screened += part.screened;
        self.flagged.extend(part.flagged);
    }
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
    pub fn of(run: &Run) -> Summary {
        let mut s = Summary {
            screened: run.screened,
            ..Summary::default()
        };
        let mut per_flag = [0usize; Flag::ALL.len()];
        for r in &run.flagged {
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
