//! A labelled text field with its message beside it. The text is always what the person
//! typed (never reformatted under their fingers); the message explains what is wrong, or
//! how the engine read the value (“= 36000.00 元”). With `late_errors` (the cadre forms) an
//! error first shows when the person leaves the field, and a new one waits for that while an
//! error already shown clears as soon as the value is right ("reward early, punish late").

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The most characters a text field takes (typed or pasted): every field here is a name, an
/// amount, an age or a date, and a bound keeps a pasted megabyte out of every evaluation.
pub const MAX_TYPED_LEN: u32 = 500;

#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// Unique within the shadow root.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    /// Stable hook for tests.
    pub testid: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// A data-quality remark (疑点) about this field; shown unless there is an error.
    #[prop_or_default]
    pub warning: Option<AttrValue>,
    /// `list` attribute: id of a <datalist> of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Validate on leaving the field: no error before the field was left once, no new error
    /// while typing in it.
    #[prop_or_default]
    pub late_errors: bool,
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    // While focused: `true` once the value was fine (or no error was shown on entering), so
    // a new error waits for the blur; an error shown on entering stays live until it clears.
    let focused = use_mut_ref(|| false);
    let hold = use_state_eq(|| false);
    // The field was left at least once.
    let visited = use_state_eq(|| false);
    let error = props
        .error
        .clone()
        .filter(|_| !props.late_errors || (*visited && !*hold));
    let has_error = props.error.is_some();
    let shown = error.is_some();
    {
        let (focused, hold) = (focused.clone(), hold.clone());
        use_effect_with(has_error, move |has_error| {
            if !*has_error && *focused.borrow() {
                hold.set(true);
            }
        });
    }
    let onfocus = {
        let (focused, hold) = (focused.clone(), hold.clone());
        let late = props.late_errors;
        Callback::from(move |_: FocusEvent| {
            *focused.borrow_mut() = true;
            hold.set(!shown);
            if late {
                super::pointer::watch();
            }
        })
    };
    let onblur = {
        let (hold, visited) = (hold.clone(), visited.clone());
        Callback::from(move |_: FocusEvent| {
            *focused.borrow_mut() = false;
            let (hold, visited) = (hold.clone(), visited.clone());
            // Not under the finger that is tapping elsewhere: after the tap lands.
            super::pointer::after_press(move || {
                hold.set(false);
                visited.set(true);
            });
        })
    };
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let msg_id = format!("{}-msg", props.id);
    let invalid = error.is_some();
    let message = match &error {
        Some(err) => html! {
            <p class="msg msg-error" id={msg_id.clone()} data-testid={format!("{}-error", props.testid)}>
                <span aria-hidden="true">{"⚠ "}</span>{err.clone()}
            </p>
        },
        None => html! {
            <div id={msg_id.clone()}>
                if let Some(hint) = &props.hint {
                    <p class="msg msg-hint" data-testid={format!("{}-hint", props.testid)}>{hint.clone()}</p>
                }
                if let Some(w) = &props.warning {
                    <p class="msg msg-warn" data-testid={format!("{}-warning", props.testid)}>
                        <span aria-hidden="true">{"！"}</span>{w.clone()}
                    </p>
                }
            </div>
        },
    };
    let described = (invalid || props.hint.is_some() || props.warning.is_some()).then_some(msg_id);
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={props.id.clone()}>{props.label.clone()}</label>
            <div class="control">
                <input id={props.id.clone()} type="text" inputmode={props.inputmode.clone()}
                    autocomplete="off" value={props.value.clone()} oninput={oninput} onfocus={onfocus} onblur={onblur}
                    maxlength={MAX_TYPED_LEN.to_string()}
                    placeholder={props.placeholder.clone()} list={props.list.clone()}
                    aria-invalid={invalid.then_some("true")} aria-describedby={described}
                    data-testid={props.testid.clone()} />
                if let Some(suffix) = &props.suffix { <span class="suffix" aria-hidden="true">{suffix.clone()}</span> }
            </div>
            {message}
        </div>
    }
}

/// A drop-down's arguments (`..Default::default()` for the optional ones).
#[derive(Default, PartialEq, Clone)]
pub struct SelectField {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// (value, label)
    pub options: Vec<(AttrValue, AttrValue)>,
    pub onchange: Callback<String>,
    pub testid: AttrValue,
    pub error: Option<AttrValue>,
    pub warning: Option<AttrValue>,
}

/// A labelled drop-down with its message. A plain function (no hooks), so it costs no
/// component of its own in the bundle.
pub fn select_field(props: &SelectField) -> Html {
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let msg_id = format!("{}-msg", props.id);
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-invalid"))}>
            <label for={props.id.clone()}>{props.label.clone()}</label>
            <div class="control">
                <select id={props.id.clone()} onchange={onchange} data-testid={props.testid.clone()}
                    aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={(props.error.is_some() || props.warning.is_some()).then_some(msg_id.clone())}>
                    { for props.options.iter().map(|(v, l)| html! {
                        <option value={v.clone()} selected={*v == props.value}>{l.clone()}</option>
                    }) }
                </select>
            </div>
            if let Some(err) = &props.error {
                <p class="msg msg-error" id={msg_id} data-testid={format!("{}-error", props.testid)}><span aria-hidden="true">{"⚠ "}</span>{err.clone()}</p>
            } else if let Some(w) = &props.warning {
                <p class="msg msg-warn" id={msg_id} data-testid={format!("{}-warning", props.testid)}>
                    <span aria-hidden="true">{"！"}</span>{w.clone()}
                </p>
            }
        </div>
    }
}

/// A checkbox's arguments (`..Default::default()` for the optional ones).
#[derive(Default, PartialEq, Clone)]
pub struct CheckField {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchange: Callback<bool>,
    pub testid: AttrValue,
    /// The policy term behind a plain label, shown in small print.
    pub term: Option<AttrValue>,
}

/// A checkbox with its label; the whole row is the touch target. A plain function (no hooks).
pub fn check_field(props: &CheckField) -> Html {
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <label class="check" for={props.id.clone()}>
            <input type="checkbox" id={props.id.clone()} checked={props.checked} onchange={onchange}
                data-testid={props.testid.clone()} />
            <span>{props.label.clone()}
                if let Some(term) = &props.term { <small class="term">{term.clone()}</small> }
            </span>
        </label>
    }
}

/// A radio group's arguments (`..Default::default()` for the optional ones).
#[derive(Default, PartialEq, Clone)]
pub struct RadioGroup {
    /// Unique within the shadow root; also the radios' `name`.
    pub name: AttrValue,
    pub legend: AttrValue,
    /// (value, label)
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    pub testid: AttrValue,
    pub error: Option<AttrValue>,
    /// The policy term behind a plain question, shown in small print.
    pub term: Option<AttrValue>,
    /// Big choice buttons (长辈 mode), e.g. instead of a drop-down list.
    pub big: bool,
}

/// A fieldset of radio buttons; arrow keys move between them (native behaviour). A plain
/// function (no hooks).
pub fn radio_group(props: &RadioGroup) -> Html {
    let msg_id = format!("{}-msg", props.name);
    html! {
        <fieldset class={classes!("radios", props.big.then_some("choices"), props.error.is_some().then_some("field-invalid"))}
            aria-describedby={props.error.is_some().then_some(msg_id.clone())} data-testid={props.testid.clone()}>
            <legend>{props.legend.clone()}
                if let Some(term) = &props.term { <small class="term">{term.clone()}</small> }
            </legend>
            if let Some(err) = &props.error {
                <p class="msg msg-error" id={msg_id.clone()} data-testid={format!("{}-error", props.testid)}><span aria-hidden="true">{"⚠ "}</span>{err.clone()}</p>
            }
            { for props.options.iter().enumerate().map(|(i, (v, l))| {
                let cb = props.onchange.clone();
                let value = v.to_string();
                let id = format!("{}-{i}", props.name);
                html! {
                    <label class={classes!("check", (*v == props.value).then_some("checked"))} for={id.clone()}>
                        <input type="radio" id={id} name={props.name.clone()} value={v.clone()} checked={*v == props.value}
                            onchange={Callback::from(move |_: Event| cb.emit(value.clone()))}
                            data-testid={format!("{}-{}", props.testid, v)} />
                        <span>{l.clone()}</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}
