//! The screening widget's pure state: the file's layout and mapping as the first pass found
//! them, the mapping the officer confirmed last time (kept on the device), the table's
//! filters and sort order.
//! No I/O here; no rule either: flags come from the engine through `bangfu-sheet`.

use bangfu_policy::calc::screening::{Field, Flag, Mapping};
use bangfu_sheet::{Opened, Prepared, Screened};
use serde::{Deserialize, Serialize};

/// Data rows shown under each field while the officer confirms the columns.
pub const PREVIEW_ROWS: usize = 3;

/// A file after the first pass: its layout, guessed (then corrected) mapping and first rows.
/// Built where the file is read (the worker) and sent to the page as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loaded {
    pub file_name: String,
    /// How the file was read ("CSV（GBK）", "Excel 工作簿").
    pub format: String,
    pub sheet: Option<String>,
    pub header_row: usize,
    pub headers: Vec<String>,
    pub data_start: usize,
    /// Rows after the header (what the progress bar counts).
    pub data_rows: usize,
    pub mapping: Mapping,
    /// The first household rows.
    pub preview: Vec<Vec<String>>,
}

impl Loaded {
    pub fn of(file_name: &str, opened: &Opened, prepared: Prepared) -> Loaded {
        let preview = opened
            .head
            .iter()
            .skip(prepared.data_start)
            .filter(|r| !bangfu_policy::calc::screening::is_skippable(r))
            .take(PREVIEW_ROWS)
            .cloned()
            .collect();
        Loaded {
            file_name: file_name.chars().take(120).collect(),
            format: opened.format.label().to_string(),
            sheet: opened.sheet.clone(),
            header_row: prepared.layout.header_row,
            headers: prepared.layout.headers,
            data_start: prepared.data_start,
            data_rows: opened.rows.saturating_sub(prepared.data_start),
            mapping: prepared.layout.mapping,
            preview,
        }
    }
}

/// A confirmed mapping, remembered by header text: field code → header.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SavedMapping(pub Vec<(String, String)>);

/// Largest saved mapping accepted back from storage (hostile or corrupt values are dropped).
const MAX_SAVED: usize = Field::COUNT;

impl SavedMapping {
    pub fn of(mapping: &Mapping, headers: &[String]) -> SavedMapping {
        SavedMapping(
            Field::ALL
                .into_iter()
                .filter_map(|f| {
                    let h = headers.get(mapping.column(f)?)?;
                    Some((f.code().to_string(), h.clone()))
                })
                .collect(),
        )
    }

    pub fn parse(json: &str) -> SavedMapping {
        let saved: SavedMapping = serde_json::from_str(json).unwrap_or_default();
        SavedMapping(saved.0.into_iter().take(MAX_SAVED).collect())
    }

    /// Applies the remembered choices whose header is in this file; the rest keep the guess.
    pub fn apply(&self, mapping: &mut Mapping, headers: &[String]) {
        for (code, header) in &self.0 {
            let (Some(field), Some(col)) = (
                Field::from_code(code),
                headers.iter().position(|h| h == header),
            ) else {
                continue;
            };
            // The column leaves whatever field the guess gave it.
            for other in Field::ALL {
                if other != field && mapping.column(other) == Some(col) {
                    mapping.set(other, None);
                }
            }
            mapping.set(field, Some(col));
        }
    }
}

/// Sets `field` to `column` (or none), taking the column away from any other field.
pub fn remap(mapping: &mut Mapping, field: Field, column: Option<usize>) {
    if let Some(c) = column {
        for other in Field::ALL {
            if mapping.column(other) == Some(c) {
                mapping.set(other, None);
            }
        }
    }
    mapping.set(field, column);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Place,
    Row,
    Count,
    Id,
}

/// What the flagged table shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub township: String,
    pub village: String,
    /// A flag code, or empty for all.
    pub flag: String,
    pub sort: SortKey,
    pub descending: bool,
}

impl Filters {
    /// Sorting by the same key again reverses it.
    pub fn sorted_by(&self, key: SortKey) -> Filters {
        Filters {
            descending: self.sort == key && !self.descending,
            sort: key,
            ..self.clone()
        }
    }
}

/// The flagged rows that pass the filters, in the chosen order.
pub fn visible<'a>(results: &'a [Screened], f: &Filters) -> Vec<&'a Screened> {
    let mut rows: Vec<&Screened> = results
        .iter()
        .filter(|s| !s.result.flags.is_empty())
        .filter(|s| f.township.is_empty() || s.result.township == f.township)
        .filter(|s| f.village.is_empty() || s.result.village == f.village)
        .filter(|s| f.flag.is_empty() || s.result.flags.iter().any(|x| x.code == f.flag))
        .collect();
    rows.sort_by(|a, b| {
        let (x, y) = (&a.result, &b.result);
        match f.sort {
            SortKey::Place => {
                (&x.township, &x.village, a.row).cmp(&(&y.township, &y.village, b.row))
            }
            SortKey::Row => a.row.cmp(&b.row),
            SortKey::Count => x.flags.len().cmp(&y.flags.len()).then(a.row.cmp(&b.row)),
            SortKey::Id => x.household_id.cmp(&y.household_id),
        }
    });
    if f.descending {
        rows.reverse();
    }
    rows
}

/// Townships, and villages of the chosen township, among flagged rows (for the filters).
pub fn places(results: &[Screened], township: &str) -> (Vec<String>, Vec<String>) {
    let mut towns: Vec<String> = Vec::new();
    let mut villages: Vec<String> = Vec::new();
    for s in results.iter().filter(|s| !s.result.flags.is_empty()) {
        if !towns.contains(&s.result.township) {
            towns.push(s.result.township.clone());
        }
        if (township.is_empty() || s.result.township == township)
            && !villages.contains(&s.result.village)
        {
            villages.push(s.result.village.clone());
        }
    }
    towns.sort();
    villages.sort();
    (towns, villages)
}

/// Flags per village: (township, village) → count per flag in `Flag::ALL` order.
pub fn flags_by_village(results: &[Screened]) -> Vec<((String, String), Vec<usize>)> {
    let mut out: Vec<((String, String), Vec<usize>)> = Vec::new();
    for s in results.iter().filter(|s| !s.result.flags.is_empty()) {
        let key = (s.result.township.clone(), s.result.village.clone());
        let i = match out.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                out.push((key, vec![0; Flag::ALL.len()]));
                out.len() - 1
            }
        };
        for f in &s.result.flags {
            if let Some(k) = Flag::ALL.iter().position(|x| x.code() == f.code) {
                out[i].1[k] += 1;
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers() -> Vec<String> {
        ["户编号", "人口", "人均纯收入"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn a_remembered_mapping_is_applied_by_header_text() {
        let mut m = bangfu_policy::calc::screening::guess(&headers());
        assert_eq!(m.column(Field::HouseholdSize), None);
        let saved = SavedMapping(vec![("household_size".into(), "人口".into())]);
        let json = serde_json::to_string(&saved).unwrap();
        SavedMapping::parse(&json).apply(&mut m, &headers());
        assert_eq!(m.column(Field::HouseholdSize), Some(1));
    }

    #[test]
    fn a_corrupt_saved_mapping_is_ignored() {
        assert_eq!(SavedMapping::parse("<script>"), SavedMapping::default());
        let mut m = Mapping::default();
        SavedMapping(vec![("nope".into(), "户编号".into())]).apply(&mut m, &headers());
        assert_eq!(m, Mapping::default());
    }

    #[test]
    fn remapping_a_column_takes_it_from_the_other_field() {
        let mut m = bangfu_policy::calc::screening::guess(&headers());
        remap(&mut m, Field::HeadName, Some(0));
        assert_eq!(m.column(Field::HouseholdId), None);
        assert_eq!(m.column(Field::HeadName), Some(0));
    }
}
