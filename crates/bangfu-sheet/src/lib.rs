//! # bangfu-sheet
//!
//! The file edge of the quarterly data check, shared by `bangfu screen` and the
//! `<bangfu-screening>` widget so both read and write a file the same way:
//! - [`stream`]: a file → rows of text in two passes, never holding a CSV whole (CSV in UTF-8
//!   with or without BOM, GBK/GB18030 or UTF-16, decoded as read; XLSX/XLS via calamine;
//!   formulas as their values, dates as ISO dates); [`read`]: errors, formats, cell text;
//! - [`run`]: rows → one screening result per household row (the engine's `screening`),
//!   kept when flagged;
//! - [`write`]: the flagged list as CSV with BOM or XLSX, grouped by township.
//!
//! No rule lives here: the header guess, the row reading and the flags are the engine's.

mod decode;
pub mod read;
pub mod run;
pub mod stream;
pub mod write;
mod xlsx;

pub use read::{read_table, Format, SheetError, Table};
pub use run::{prepare, screen_batch, screen_row, Prepared, Run, Screened, Summary};
pub use stream::{open, Opened};
pub use write::{flagged_csv, flagged_xlsx};
