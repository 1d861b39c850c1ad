use std::rc::Rc;

use yew::prelude::*;

use super::bidi::bdi;
use super::heading::{heading, Rank};
use super::step_region::StepRegion;
use crate::engine::{Order, Policy};
use crate::i18n::Msg;
use crate::state::{Action, AnswerStatus, Flow};
use crate::view_model::{selection, timing_text, ItemView, Texts};

/// The host's answer: cancelled (with the refund and its timing), request sent (the seller must
/// approve), or declined, with what to do instead for each item.
pub fn outcome_panel(
    texts: &Texts,
    flow: &Flow,
    items: &[Rc<ItemView>],
    order: &Order,
    policy: &Policy,
    dispatcher: &UseReducerDispatcher<Flow>,
) -> Html {
    let Some(answer) = &flow.answer else {
        return html! {};
    };
    let (chosen, estimate) = selection(items, flow, order, policy);
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
                ("timing", &timing_text(texts, &estimate.timing)),
            ],
        ),
        AnswerStatus::Requested if order.is_marketplace_fulfilled_by_seller() => {
            texts.text(Msg::OutcomeRequestedBody).to_owned()
        }
        AnswerStatus::Requested => texts.text(Msg::OutcomeRequestedWarehouse).to_owned(),
        AnswerStatus::Declined => String::new(),
    };
    html! {
        <StepRegion level={texts.heading_level} key="cancel-outcome" heading={texts.text(title).to_owned()} step_changes={flow.step_changes}
            heading_id="order-help-outcome-heading" class={class} part="outcome">
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
                <button type="button" part="button" onclick={dispatcher.to_callback().reform(|_: MouseEvent| Action::Close)}>{ texts.text(Msg::BackToOrder) }</button>
            </div>
        </StepRegion>
    }
}
