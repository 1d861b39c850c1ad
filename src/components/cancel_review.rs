use yew::prelude::*;

use super::bidi::rich;
use super::review::{review_reason, send_actions};
use super::step_region::{FlowStep, StepRegion};
use crate::engine::CancelVerdict;
use crate::i18n::Msg;
use crate::state::{CancelAction, CancelFlow};
use crate::view_model::{chosen_views, timing_text};

/// Cancel, step 3 of 3: the items, the reason, the refund estimate (the flow's) and its
/// timing, the honest word "request" where success is not guaranteed, and **Request
/// cancellation**.
pub fn cancel_review(step: &FlowStep<'_, CancelFlow>) -> Html {
    let (texts, flow, items, dispatch) = step.parts();
    let chosen = chosen_views(items, &flow.selected);
    let refund = flow.estimate();
    let only_request = chosen
        .iter()
        .any(|i| i.cancel_verdict == CancelVerdict::Request);
    let marketplace = flow
        .shared
        .context
        .order
        .is_marketplace_fulfilled_by_seller();
    let reason = match flow.reason.as_deref() {
        None => texts.text(Msg::ReviewNoReason).to_owned(),
        Some(id) => {
            let options = &flow.reasons().options;
            let label = options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.label.as_str());
            texts.reason_label(id, label)
        }
    };
    html! {
        <StepRegion level={texts.heading_level} key="cancel-review" heading={texts.text(Msg::StepReview).to_owned()} step_changes={flow.shared.step_changes}>
            <dl>
                <dt>{ texts.text(Msg::ReviewItems) }</dt>
                <dd>
                    <ul>
                        { for chosen.iter().map(|item| html! {
                            <li key={item.id.clone()}>{ rich(&texts.item_line(&item.title, item.quantity, &item.price)) }</li>
                        }) }
                    </ul>
                </dd>
                { review_reason(texts, &reason, flow.sent_comment()) }
                <dt>{ texts.text(Msg::ReviewRefund) }</dt>
                <dd>{ texts.fmt.money(refund.amount) }</dd>
                <dt>{ texts.text(Msg::ReviewTiming) }</dt>
                <dd>{ timing_text(texts, &refund.timing) }</dd>
            </dl>
            if only_request {
                <p class="notice">{ texts.text(Msg::ReviewIsRequest) }</p>
                if marketplace {
                    <p class="notice">{ texts.text(Msg::ReviewSellerApproves) }</p>
                }
            } else {
                <p class="hint">{ texts.text(Msg::ReviewInstant) }</p>
            }
            { send_actions(texts, &flow.shared.send, Msg::ErrorNoHost, Msg::RequestCancellation,
                dispatch.reform(|_: MouseEvent| CancelAction::Back),
                Some(step.submit(CancelAction::Submit))) }
        </StepRegion>
    }
}
