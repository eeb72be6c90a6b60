//! UI pieces shared by the widgets: labelled fields with their messages, storage, browser
//! services.

pub mod browser;
pub mod engine;
pub mod field;
pub mod fragment;
pub mod hooks;
pub mod ics;
pub mod storage;
pub mod url;
