//! What the loader calls: `evaluate_json`, `mount`, `update`, `unmount`.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

#[cfg(feature = "deadlines")]
use crate::deadlines::{DeadlinesApp, DeadlinesProps};
#[cfg(feature = "eligibility")]
use crate::eligibility::state::Prefill;
#[cfg(feature = "eligibility")]
use crate::eligibility::{EligibilityApp, EligibilityProps};
#[cfg(feature = "income")]
use crate::income::{IncomeApp, IncomeProps};
use crate::props::Attributes;
#[cfg(feature = "screening")]
use crate::screening::{ScreeningApp, ScreeningProps};
#[cfg(feature = "subsidy")]
use crate::subsidy::{SubsidyApp, SubsidyProps};
#[cfg(feature = "eligibility")]
use crate::ui::url::{safe_href, safe_tel};

enum Mounted {
    #[cfg(feature = "income")]
    Income(AppHandle<IncomeApp>),
    #[cfg(feature = "eligibility")]
    Eligibility(AppHandle<EligibilityApp>),
    #[cfg(feature = "deadlines")]
    Deadlines(AppHandle<DeadlinesApp>),
    #[cfg(feature = "subsidy")]
    Subsidy(AppHandle<SubsidyApp>),
    #[cfg(feature = "screening")]
    Screening(AppHandle<ScreeningApp>),
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

/// api.md `evaluate` over JSON text: the JS API parses and stringifies around it.
#[wasm_bindgen]
pub fn evaluate_json(request: &str) -> String {
    bangfu_policy::evaluate_str(request).to_json()
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

/// The attributes, with a console warning for each one dropped (unsafe URL, oversized).
fn parse_and_warn(attributes: &str) -> Attributes {
    let attrs = Attributes::parse(attributes);
    for name in &attrs.rejected {
        crate::ui::browser::warn(&format!(
            "Bangfu: 属性 {name} 的值不安全（只接受 http、https 或相对地址）或过长，已忽略。"
        ));
    }
    attrs
}

/// Test hook: the next render of an income, eligibility or subsidy widget traps the engine the
/// way a panic in a view does — inside Yew's scheduler, mid-render, which leaves that scheduler
/// stuck for every widget — so the browser tests can check that the loader recovers. Reachable
/// only from script already running in the page (which could remove the widgets anyway), never
/// from an attribute, a URL or stored data.
#[wasm_bindgen]
pub fn debug_trap() {
    crate::ui::hooks::trap_next_render();
}

/// Mounts widget `kind` into `root` (a div inside the element's shadow root); returns a
/// handle id for `update` and `unmount`.
#[wasm_bindgen]
pub fn mount(kind: &str, root: Element, attributes: &str) -> Result<u32, JsValue> {
    let attrs = parse_and_warn(attributes);
    let mounted = match kind {
        #[cfg(feature = "income")]
        "income" => Mounted::Income(
            yew::Renderer::<IncomeApp>::with_root_and_props(root, income_props(&attrs)).render(),
        ),
        #[cfg(feature = "eligibility")]
        "eligibility" => Mounted::Eligibility(
            yew::Renderer::<EligibilityApp>::with_root_and_props(root, eligibility_props(&attrs))
                .render(),
        ),
        #[cfg(feature = "deadlines")]
        "deadlines" => Mounted::Deadlines(
            yew::Renderer::<DeadlinesApp>::with_root_and_props(root, deadlines_props(&attrs))
                .render(),
        ),
        #[cfg(feature = "subsidy")]
        "subsidy" => Mounted::Subsidy(
            yew::Renderer::<SubsidyApp>::with_root_and_props(root, subsidy_props(&attrs)).render(),
        ),
        #[cfg(feature = "screening")]
        "screening" => Mounted::Screening(
            yew::Renderer::<ScreeningApp>::with_root_and_props(root, screening_props(&attrs))
                .render(),
        ),
        other => return Err(JsValue::from_str(&format!("未知的组件：{other}"))),
    };
    let id = NEXT_ID.with(|n| {
        let mut n = n.borrow_mut();
        let id = *n;
        *n = n.wrapping_add(1);
        id
    });
    MOUNTED.with(|m| m.borrow_mut().insert(id, mounted));
    Ok(id)
}

/// Re-renders a mounted widget with new attributes (AppHandle::update).
#[wasm_bindgen]
pub fn update(id: u32, attributes: &str) {
    let attrs = parse_and_warn(attributes);
    MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let Some(widget) = mounted.get_mut(&id) else {
            return;
        };
        // Matched by place, so a build without any widget feature (the engine alone) compiles.
        match *widget {
            #[cfg(feature = "income")]
            Mounted::Income(ref mut handle) => handle.update(income_props(&attrs)),
            #[cfg(feature = "eligibility")]
            Mounted::Eligibility(ref mut handle) => handle.update(eligibility_props(&attrs)),
            #[cfg(feature = "deadlines")]
            Mounted::Deadlines(ref mut handle) => handle.update(deadlines_props(&attrs)),
            #[cfg(feature = "subsidy")]
            Mounted::Subsidy(ref mut handle) => handle.update(subsidy_props(&attrs)),
            #[cfg(feature = "screening")]
            Mounted::Screening(ref mut handle) => handle.update(screening_props(&attrs)),
        }
    });
}

/// Destroys a mounted widget (the element left the page).
#[wasm_bindgen]
pub fn unmount(id: u32) {
    let removed = MOUNTED.with(|m| m.borrow_mut().remove(&id));
    match removed {
        #[cfg(feature = "income")]
        Some(Mounted::Income(handle)) => handle.destroy(),
        #[cfg(feature = "eligibility")]
        Some(Mounted::Eligibility(handle)) => handle.destroy(),
        #[cfg(feature = "deadlines")]
        Some(Mounted::Deadlines(handle)) => handle.destroy(),
        #[cfg(feature = "subsidy")]
        Some(Mounted::Subsidy(handle)) => handle.destroy(),
        #[cfg(feature = "screening")]
        Some(Mounted::Screening(handle)) => handle.destroy(),
        None => {}
    }
}
