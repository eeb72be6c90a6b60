//! The mounted widgets behind one trait object each, and the constructor of each kind.
//!
//! `update` and `unmount` reach a widget's code only through the vtable its constructor
//! created, and the constructor is reached only through [`constructor`]: with the `split`
//! feature each kind's constructor is a split point (`wasm_split_helpers`), so `xtask` can cut
//! every widget's code into its own chunk that a page fetches only when it shows that widget,
//! and the engine alone (`evaluate`) loads no UI code at all.

use wasm_bindgen::JsValue;
use web_sys::Element;
#[allow(unused_imports)]
use yew::AppHandle;

#[cfg(feature = "deadlines")]
use crate::deadlines::{DeadlinesApp, DeadlinesProps};
#[cfg(feature = "eligibility")]
use crate::eligibility::state::Prefill;
#[cfg(feature = "eligibility")]
use crate::eligibility::{EligibilityApp, EligibilityProps};
#[cfg(feature = "income")]
use crate::income::{IncomeApp, IncomeProps};
#[allow(unused_imports)]
use crate::props::Attributes;
#[cfg(feature = "screening")]
use crate::screening::{ScreeningApp, ScreeningProps};
#[cfg(feature = "subsidy")]
use crate::subsidy::{SubsidyApp, SubsidyProps};
#[cfg(feature = "eligibility")]
use crate::ui::url::{safe_href, safe_tel};

/// A widget on the page: new attributes re-render it; `destroy` takes it off.
pub trait Widget {
    fn update(&mut self, attrs: &Attributes);
    fn destroy(self: Box<Self>);
}

/// Mounts one kind of widget into a root element.
pub type Constructor = fn(Element, &Attributes) -> Box<dyn Widget>;

/// A Yew app as a [`Widget`], given how its props are read from the attributes.
macro_rules! widget {
    ($feature:literal, $app:ty, $props:ident, $mount:ident, $split:ident) => {
        #[cfg(feature = $feature)]
        impl Widget for AppHandle<$app> {
            fn update(&mut self, attrs: &Attributes) {
                AppHandle::update(self, $props(attrs));
            }
            fn destroy(self: Box<Self>) {
                AppHandle::destroy(*self);
            }
        }

        #[cfg(feature = $feature)]
        fn $mount(root: Element, attrs: &Attributes) -> Box<dyn Widget> {
            Box::new(yew::Renderer::<$app>::with_root_and_props(root, $props(attrs)).render())
        }

        /// The constructor, behind a split point when the bundle is split.
        #[cfg(feature = $feature)]
        #[cfg_attr(
            all(feature = "split", target_arch = "wasm32"),
            wasm_split_helpers::wasm_split($split, fallible)
        )]
        fn $split() -> Result<Constructor, Missing> {
            Ok($mount)
        }
    };
}

widget!("income", IncomeApp, income_props, mount_income, income);
widget!(
    "eligibility",
    EligibilityApp,
    eligibility_props,
    mount_eligibility,
    eligibility
);
widget!(
    "deadlines",
    DeadlinesApp,
    deadlines_props,
    mount_deadlines,
    deadlines
);
widget!("subsidy", SubsidyApp, subsidy_props, mount_subsidy, subsidy);
widget!(
    "screening",
    ScreeningApp,
    screening_props,
    mount_screening,
    screening
);

/// Why a constructor is not there: the kind is unknown, or its chunk did not load.
pub enum Missing {
    Unknown,
    NotLoaded,
}

#[cfg(all(feature = "split", target_arch = "wasm32"))]
impl From<wasm_split_helpers::SplitLoaderError> for Missing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Missing::NotLoaded
    }
}

/// Awaits a split constructor; calls an unsplit one.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
macro_rules! load {
    ($f:ident) => {
        $f().await
    };
}
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
macro_rules! load {
    ($f:ident) => {
        $f()
    };
}

/// The constructor of `kind`, loading its chunk first in a split bundle.
pub async fn constructor(kind: &str) -> Result<Constructor, Missing> {
    match kind {
        #[cfg(feature = "income")]
        "income" => load!(income),
        #[cfg(feature = "eligibility")]
        "eligibility" => load!(eligibility),
        #[cfg(feature = "deadlines")]
        "deadlines" => load!(deadlines),
        #[cfg(feature = "subsidy")]
        "subsidy" => load!(subsidy),
        #[cfg(feature = "screening")]
        "screening" => load!(screening),
        _ => Err(Missing::Unknown),
    }
}

/// The message for a [`Missing`] constructor (shown in the element by the loader).
pub fn missing_message(kind: &str, missing: &Missing) -> JsValue {
    match missing {
        Missing::Unknown => JsValue::from_str(&format!("未知的组件：{kind}")),
        Missing::NotLoaded => JsValue::from_str("chunk"),
    }
}

#[cfg(feature = "income")]
fn income_props(attrs: &Attributes) -> IncomeProps {
    IncomeProps {
        year: attrs.year,
        large_text: attrs.large_text,
        // The public form unless the page asks for the cadre's (which keeps drafts).
        mode: attrs.mode_of(&["simple", "cadre"]).into(),
        keep_days: attrs.keep_days,
        rule_set: attrs.rule_set.clone().map(Into::into),
        instance: attrs.instance.clone().into(),
        eligibility_url: attrs.eligibility_url.clone().map(Into::into),
        print_sheet: attrs.print_sheet,
    }
}

#[cfg(feature = "eligibility")]
fn eligibility_props(attrs: &Attributes) -> EligibilityProps {
    let prefill = (attrs.per_capita.is_some() || attrs.after_rigid.is_some()).then(|| {
        std::rc::Rc::new(Prefill {
            per_capita: attrs.per_capita.clone(),
            after_rigid: attrs.after_rigid.clone(),
            ..Prefill::default()
        })
    });
    EligibilityProps {
        mode: attrs.mode_of(&["public", "cadre"]).into(),
        large_text: attrs.large_text,
        rule_set: attrs.rule_set.clone().map(Into::into),
        report_url: attrs
            .report_url
            .as_deref()
            .and_then(safe_href)
            .map(Into::into),
        hotline: attrs
            .hotline
            .as_deref()
            .and_then(safe_tel)
            .map(|(shown, href)| (shown.into(), href.into())),
        subsidy_url: attrs
            .subsidy_url
            .as_deref()
            .and_then(safe_href)
            .map(Into::into),
        instance: attrs.instance.clone().into(),
        date: attrs.date.clone().map(Into::into),
        overrides: attrs.overrides.clone().map(Into::into),
        prefill,
    }
}

#[cfg(feature = "deadlines")]
fn deadlines_props(attrs: &Attributes) -> DeadlinesProps {
    DeadlinesProps {
        large_text: attrs.large_text,
        keep_days: attrs.keep_days,
        date: attrs.date.clone().map(Into::into),
    }
}

#[cfg(feature = "subsidy")]
fn subsidy_props(attrs: &Attributes) -> SubsidyProps {
    SubsidyProps {
        year: attrs.year,
        large_text: attrs.large_text,
        rule_set: attrs.rule_set.clone().map(Into::into),
        config: attrs.config.clone().map(Into::into),
        household: attrs.household.clone().map(Into::into),
    }
}

#[cfg(feature = "screening")]
fn screening_props(attrs: &Attributes) -> ScreeningProps {
    ScreeningProps {
        year: attrs.year,
        large_text: attrs.large_text,
        date: attrs.date.clone().map(Into::into),
    }
}
