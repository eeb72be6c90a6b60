//! # bangfu-widgets
//!
//! The Yew widgets behind `<bangfu-income>`, `<bangfu-eligibility>`, `<bangfu-deadlines>` and
//! `<bangfu-subsidy>`, plus the JS API. The custom elements themselves are
//! defined by the loader `js/bangfu.js`, which loads this module once for every instance on
//! the page and mounts each widget into its element's open shadow root.
//!
//! Widgets render and collect input; every figure, rule and message comes from
//! `bangfu_policy::evaluate`.

#[cfg(feature = "deadlines")]
pub mod deadlines;
#[cfg(feature = "eligibility")]
pub mod eligibility;
#[cfg(feature = "income")]
pub mod income;
pub mod props;
#[cfg(feature = "screening")]
pub mod screening;
#[cfg(feature = "subsidy")]
pub mod subsidy;
pub mod ui;

#[cfg(target_arch = "wasm32")]
mod exports;
pub mod mounted;
