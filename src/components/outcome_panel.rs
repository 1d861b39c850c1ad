use std::rc::Rc;

use yew::prelude::*;

use super::bidi::bdi;
use super::heading::{heading, Rank};
use super::review_request::SelectionProps;
use crate::hooks::use_focus_on_change;
use crate::i18n::Msg;
use crate::state::{Action, AnswerStatus};
use crate::view_model::{selection, timing_text, Texts};

/// The host's answer: cancelled (with the refund and its timing), request sent (the seller must
/// approve), or declined, with what to do instead for each item.
#[function_component]
pub fn OutcomePanel(props: &SelectionProps) -> Html {
    let texts = use_context::<Rc<Texts>>().expect("texts context");
    let heading_ref = use_node_ref();
    use_focus_on_change(heading_ref.clone(), props.flow.step_changes);
    let Some(answer) = &props.flow.answer else {
        return html! {};
    };
    let (chosen, estimate) = selection(&props.items, &props.flow, &props.order, &props.policy);
    let (title, class) = match answer.status {
        AnswerStatus::Cancelled => (Msg::OutcomeCancelled, "outcome"),
        AnswerStatus::Requested => (Msg::OutcomeRequested, "outcome"),
        AnswerStatus::Declined => (Msg::OutcomeDeclined, "outcome declined"),
    };
    let body = match answer.status {
        AnswerStatus::Cancelled => texts.fill(
            Msg::OutcomeCancelledRefund,
            &[
                (
                    "amount",
                    &texts.fmt.money(answer.refund.unwrap_or(estimate.amount)),
                ),
                ("timing", &timing_text(&texts, &estimate.timing)),
            ],
        ),
        AnswerStatus::Requested if props.order.is_marketplace_fulfilled_by_seller() => {
            texts.text(Msg::OutcomeRequestedBody).to_owned()
        }
        AnswerStatus::Requested => texts.text(Msg::OutcomeRequestedWarehouse).to_owned(),
        AnswerStatus::Declined => String::new(),
    };
    html! {
        <section class={class} part="outcome" role="region" aria-labelledby="order-help-outcome-heading">
            { heading(texts.heading_level, Rank::Main, texts.text(title), Some("order-help-outcome-heading"), heading_ref) }
            if !body.is_empty() { <p>{ body }</p> }
            if let Some(message) = &answer.message { <p>{ bdi(message, None) }</p> }
            if answer.status == AnswerStatus::Declined {
                { heading(texts.heading_level, Rank::Sub, texts.text(Msg::OutcomeFallback), None, NodeRef::default()) }
                <ul>
                    { for chosen.iter().map(|item| html! {
                        <li key={item.id.clone()}>{ bdi(&item.title, Some("title")) }{ ": " }{ item.fallback.clone() }</li>
                    }) }
                </ul>
            }
            <div class="actions">
                <button type="button" part="button" onclick={props.dispatch.to_callback().reform(|_: MouseEvent| Action::Close)}>{ texts.text(Msg::BackToOrder) }</button>
            </div>
        </section>
    }
}
