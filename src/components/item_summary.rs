use std::rc::Rc;

use yew::prelude::*;

use super::bidi::{bdi, rich};
use crate::i18n::Msg;
use crate::view_model::{ItemView, Texts};

#[derive(Properties, PartialEq)]
pub struct ItemSummaryProps {
    /// The language, the formatters and the heading level (compared by pointer first).
    pub texts: Rc<Texts>,
    pub view: Rc<ItemView>,
}

/// Title, quantity, price, shipment status, the badge of the best next step, and why. Its props
/// do not change on a tick, so it is not rendered again.
#[function_component]
pub fn ItemSummary(props: &ItemSummaryProps) -> Html {
    let texts = &props.texts;
    let view = &props.view;
    let (tone, badge) = &view.badge;
    let quantity = texts.fill(Msg::Quantity, &[("n", &view.quantity.to_string())]);
    html! {
        <>
            <div class="item-head">
                // The host's string, isolated: its direction and controls cannot reach the badge.
                { bdi(&view.title, Some("title")) }
                <span class={tone.class()} part="badge">{ badge.clone() }</span>
            </div>
            <p class="meta">{ format!("{quantity} · {} · {}", view.price, view.status) }</p>
            <p class="why">{ rich(&view.why) }</p>
            if let Some(note) = &view.never_returnable {
                <p class="why">{ rich(note) }</p>
            }
        </>
    }
}
