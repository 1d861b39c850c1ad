use yew::prelude::*;

use super::bidi::{bdi, rich, rich_with_class};
use super::heading::{heading, Rank};
use super::step_region::{FlowStep, StepRegion};
use crate::i18n::{isolate, Msg};
use crate::state::{CancelAction, CancelFlow, CancelStatus};
use crate::view_model::{chosen_views, timing_text};

/// The host's answer to a cancellation request: cancelled (with the refund and its timing),
/// request sent (the seller must approve), or declined, with what to do instead for each item.
pub fn cancel_outcome(step: &FlowStep<'_, CancelFlow>) -> Html {
    let (texts, flow, items, dispatch) = step.parts();
    let Some(answer) = &flow.shared.answer else {
        return html! {};
    };
    let chosen = chosen_views(items, &flow.selected);
    let estimate = flow.estimate();
    let (title, class) = match answer.status {
        CancelStatus::Cancelled => (Msg::OutcomeCancelled, "outcome"),
        CancelStatus::Requested => (Msg::OutcomeRequested, "outcome"),
        CancelStatus::Declined => (Msg::OutcomeDeclined, "outcome declined"),
    };
    let body = match answer.status {
        CancelStatus::Cancelled => texts.fill(
            Msg::OutcomeCancelledRefund,
            &[
                (
                    "amount",
                    &texts
                        .fmt
                        .money(answer.details.refund.unwrap_or(estimate.amount)),
                ),
                ("timing", &timing_text(texts, &estimate.timing)),
            ],
        ),
        CancelStatus::Requested
            if flow
                .shared
                .context
                .order
                .is_marketplace_fulfilled_by_seller() =>
        {
            texts.text(Msg::OutcomeRequestedBody).to_owned()
        }
        CancelStatus::Requested => texts.text(Msg::OutcomeRequestedWarehouse).to_owned(),
        CancelStatus::Declined => String::new(),
    };
    html! {
        <StepRegion level={texts.heading_level} key="cancel-outcome" heading={texts.text(title).to_owned()} step_changes={flow.shared.step_changes}
            heading_id="order-help-outcome-heading" class={class} part="outcome">
            if !body.is_empty() { <p>{ body }</p> }
            if let Some(message) = &answer.message { <p>{ bdi(message, None) }</p> }
            if let Some(id) = answer.details.cancellation_id.as_ref().filter(|_| answer.status != CancelStatus::Declined) {
                <p class="cancellation-id">{ rich(&texts.fill(Msg::CancelOutcomeNumber, &[("id", &isolate(id))])) }</p>
            }
            if answer.status == CancelStatus::Declined {
                { heading(texts.heading_level, Rank::Sub, texts.text(Msg::OutcomeFallback), None, NodeRef::default()) }
                <ul>
                    { for chosen.iter().map(|item| html! {
                        <li key={item.id.clone()}>{ rich_with_class(&texts.fill(Msg::OutcomeFallbackItem, &[("title", &isolate(&item.title)), ("fallback", &item.fallback)]), Some("title")) }</li>
                    }) }
                </ul>
            }
            <div class="actions">
                <button type="button" part="button" onclick={dispatch.reform(|_: MouseEvent| CancelAction::Close)}>{ texts.text(Msg::BackToOrder) }</button>
            </div>
        </StepRegion>
    }
}
