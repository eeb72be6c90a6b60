//! UI pieces shared by the widgets: labelled fields with their messages.

pub mod field;
