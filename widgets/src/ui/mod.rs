//! UI pieces shared by the widgets: labelled fields with their messages, storage, browser
//! services, the 大字 preference, the link gate, QR codes, dates that do not wrap, the press that moved the focus.

pub mod browser;
pub mod dated;
pub mod engine;
pub mod field;
pub mod fragment;
pub mod hooks;
pub mod ics;
pub mod pointer;
pub mod prefs;
pub mod qr;
pub mod storage;
pub mod svg;
pub mod url;
