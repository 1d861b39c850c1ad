//! The form controls the flows' steps share, as plain functions (no state of their own): one
//! copy of each in the bundle, not one per step (issue 16: unique view code is what the wasm's
//! bytes pay for).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::bidi::{bdi, rich, rich_with_class};
use crate::i18n::Msg;
use crate::state::{Problem, MAX_COMMENT_CHARS};
use crate::view_model::{ItemView, Texts};

/// An item's checkbox, as the cancel, return and withdrawal lists show it: the title, quantity
/// and price label it; `note` (text built with isolates; its element's id is `input_id` and
/// `-note`) describes it, outside the label, so it is read once; `more` follows the note (the
/// return's "how many").
#[allow(clippy::too_many_arguments)] // each is one attribute or child of the row
pub fn item_choice(
    texts: &Texts,
    item: &ItemView,
    input_id: String,
    checked: bool,
    disabled: bool,
    onchange: Callback<Event>,
    note: Option<&str>,
    more: Html,
) -> Html {
    let note = note.map(|note| (format!("{input_id}-note"), note));
    let described = note.as_ref().map(|(id, _)| id.clone());
    html! {
        <div class="choice" key={item.id.clone()}>
            <input type="checkbox" id={input_id.clone()} {checked} {disabled} {onchange}
                aria-describedby={described} />
            <div>
                <label for={input_id}>
                    { rich_with_class(&texts.item_line(&item.title, item.quantity, &item.price), Some("title")) }
                </label>
                if let Some((id, note)) = note {
                    <span class="note" {id}>{ rich(note) }</span>
                }
                { more }
            </div>
        </div>
    }
}

/// A reason's radio button in a step's reason group (`name`), keyed by the reason's id: the
/// policy's `label` (in the customer's language for the default reasons), checked when it is
/// the `chosen` one; choosing it sends its id to `on_choose`.
pub fn reason_choice(
    texts: &Texts,
    name: &'static str,
    id: &str,
    label: &str,
    chosen: Option<&str>,
    on_choose: &Callback<String>,
) -> Html {
    let label = texts.reason_label(id, Some(label));
    let checked = chosen == Some(id);
    let onchange = {
        let id = id.to_owned();
        on_choose.reform(move |_: Event| id.clone())
    };
    html! {
        <label class="choice" key={id.to_owned()}>
            <input type="radio" {name} value={id.to_owned()} {checked} {onchange} />
            { bdi(&label, None) }
        </label>
    }
}

/// The comment field (`id`) of a reason step, labelled as required or optional; each edit
/// sends the field's text to `on_edit`.
pub fn comment_field(
    texts: &Texts,
    id: &'static str,
    required: bool,
    value: &str,
    on_edit: &Callback<String>,
) -> Html {
    let oninput = on_edit.reform(|event: InputEvent| {
        let field: HtmlTextAreaElement = event.target_unchecked_into();
        field.value()
    });
    html! {
        <>
            <label for={id}>
                { texts.text(if required { Msg::CommentLabelRequired } else { Msg::CommentLabel }) }
            </label>
            <textarea {id} rows="3" maxlength={MAX_COMMENT_CHARS.to_string()}
                {required} value={value.to_owned()} {oninput} />
        </>
    }
}

/// A step's problem ("choose an item"), announced when it appears; nothing without one. (A
/// problem belongs to the step it was found on: a step change clears it.)
pub fn step_problem(texts: &Texts, problem: Option<Problem>) -> Html {
    let msg = match problem {
        None => return Html::default(),
        Some(Problem::NoItems) => Msg::SelectNone,
        Some(Problem::NoReason) => Msg::ReasonRequired,
        Some(Problem::NoComment) => Msg::CommentRequired,
        Some(Problem::NotSaidOpened) => Msg::ReturnOpenedRequired,
        Some(Problem::BadQuantity(_)) => Msg::ReturnQuantityInvalid,
    };
    let max = match problem {
        Some(Problem::BadQuantity(max)) => max.to_string(),
        _ => String::new(),
    };
    html! {
        <p class="error" part="error" role="alert">{ texts.fill(msg, &[("max", &max)]) }</p>
    }
}
