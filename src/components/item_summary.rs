use std::rc::Rc;

use yew::prelude::*;

use super::bidi::{bdi, rich};
use crate::i18n::Msg;
use crate::view_model::{ItemView, Link, Texts};

#[derive(Properties, PartialEq)]
pub struct ItemSummaryProps {
    /// The language, the formatters and the heading level (compared by pointer first).
    pub texts: Rc<Texts>,
    pub view: Rc<ItemView>,
}

/// Title, quantity, price, shipment status, the badge of the best next step, and why; the
/// fleet's live tracking after its refuse advice; whom to contact; and, on the first item of a
/// parcel, its tracking number, "Track package" and where and until when it waits. Its props
/// do not change on a tick, so it is not rendered again.
#[function_component]
pub fn ItemSummary(props: &ItemSummaryProps) -> Html {
    let texts = &props.texts;
    let view = &props.view;
    let (tone, badge) = &view.badge;
    html! {
        <>
            <div class="item-head">
                // The host's string, isolated: its direction and controls cannot reach the badge.
                { bdi(&view.title, Some("title")) }
                <span class={tone.class()} part="badge">{ badge.clone() }</span>
            </div>
            // The status names the order's carrier, isolated.
            <p class="meta">{ rich(&texts.item_meta(view.quantity, &view.price, &view.status)) }</p>
            <p class="why">
                { rich(&view.why) }
                if let Some(live) = &view.live_tracking {
                    { " " }{ link(live, texts.text(Msg::LiveTracking)) }
                }
            </p>
            if let Some(contact) = &view.contact {
                <p class="why">{ contact.clone() }</p>
            }
            if let Some(note) = &view.never_returnable {
                <p class="why">{ rich(note) }</p>
            }
            if let Some(parcel) = &view.parcel {
                <p class="parcel" part="parcel">
                    { for parcel.location.iter().map(|l| html! { <span>{ rich(l) }</span> }) }
                    { for parcel.collect_by.iter().map(|c| html! { <span>{ c.clone() }</span> }) }
                    { for parcel.number.iter().map(|n| html! { <span>{ rich(n) }</span> }) }
                    { for parcel.track.iter().map(|t| link(t, texts.text(Msg::TrackPackage))) }
                </p>
            }
        </>
    }
}

/// A link to the host's tracking page (an `https:` address the engine has checked), opened in
/// the same tab; its accessible name starts with the visible `text` and says which parcel.
fn link(link: &Link, text: &str) -> Html {
    html! {
        <a href={link.url.clone()} rel="noopener noreferrer" aria-label={link.label.clone()} part="link">
            { text.to_owned() }
        </a>
    }
}
