//! # bangfu-sheet
//!
//! The file edge of the quarterly data check, shared by `bangfu screen` and the
//! `<bangfu-screening>` widget so both read and write a file the same way:
//! - [`read`]: bytes → rows of text (CSV in UTF-8 with or without BOM, GBK/GB18030 or UTF-16,
//!   XLSX/XLS via calamine; formulas as their values, dates as ISO dates);
//! - [`run`]: rows → one screening result per household row (the engine's `screening`);
//! - [`write`]: the flagged list as CSV with BOM or XLSX, grouped by township.
//!
//! No rule lives here: the header guess, the row reading and the flags are the engine's.

pub mod read;
pub mod run;
pub mod write;
mod xlsx;

pub use read::{read_table, SheetError, Table};
pub use run::{prepare, screen_chunk, Prepared, Screened, Summary};
pub use write::{flagged_csv, flagged_xlsx};
