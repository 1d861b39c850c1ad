//! The form controls the flows' steps share, as plain functions (no state of their own): one
//! copy of each in the bundle, not one per step (issue 16: unique view code is what the wasm's
//! bytes pay for).

use yew::prelude::*;

use super::bidi::{bdi, rich};
use crate::i18n::Msg;
use crate::state::MAX_COMMENT_CHARS;
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
                    { bdi(&item.title, Some("title")) }
                    { texts.after_title(item.quantity, &item.price) }
                </label>
                if let Some((id, note)) = note {
                    <span class="note" {id}>{ rich(note) }</span>
                }
                { more }
            </div>
        </div>
    }
}

/// A reason's radio button in a step's reason group (`name`), keyed by the reason's id.
pub fn reason_choice(
    name: &'static str,
    id: &str,
    label: &str,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class="choice" key={id.to_owned()}>
            <input type="radio" {name} value={id.to_owned()} {checked} {onchange} />
            { bdi(label, None) }
        </label>
    }
}

/// The comment field (`id`) of a reason step, labelled as required or optional.
pub fn comment_field(
    texts: &Texts,
    id: &'static str,
    required: bool,
    value: &str,
    oninput: Callback<InputEvent>,
) -> Html {
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

/// A step's problem ("choose an item"), announced when it appears; nothing without one.
pub fn step_problem(problem: Option<&str>) -> Html {
    html! {
        if let Some(problem) = problem {
            <p class="error" part="error" role="alert">{ problem.to_owned() }</p>
        }
    }
}
