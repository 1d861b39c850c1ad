use std::rc::Rc;

use yew::prelude::*;

use super::return_countdown::ReturnCountdown;
use super::view_model::{ItemView, Texts};
use crate::countdown::Countdown;
use crate::i18n::Msg;

#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    pub view: Rc<ItemView>,
    pub countdown: Option<Countdown>,
}

/// One item: title, quantity, price, shipment status, the badge of its best next step and why,
/// and its return window.
#[function_component]
pub fn ItemRow(props: &ItemRowProps) -> Html {
    let texts = use_context::<Rc<Texts>>().expect("texts context");
    let view = &props.view;
    let (tone, badge) = &view.badge;
    let quantity = texts.fill(Msg::Quantity, &[("n", &view.quantity.to_string())]);
    html! {
        <li part="item" data-item={view.id.clone()}>
            <div class="item-head">
                <span class="title">{ view.title.clone() }</span>
                <span class={tone.class()} part="badge">{ badge.clone() }</span>
            </div>
            <p class="meta">{ format!("{quantity} · {} · {}", view.price, view.status) }</p>
            <p class="why">{ view.why.clone() }</p>
            if let Some(window) = &view.window {
                <ReturnCountdown window={window.clone()} countdown={props.countdown} />
            }
        </li>
    }
}
