use std::rc::Rc;

use yew::prelude::*;

use super::bidi::{bdi, rich};
use super::step_region::StepRegion;
use crate::engine::{CancelVerdict, Order, Policy};
use crate::i18n::Msg;
use crate::state::{Action, Flow};
use crate::view_model::{failure_text, selection, timing_text, ItemView, Texts};

/// Step 3 of 3: the items, the reason, the refund estimate and its timing, the honest word
/// "request" where success is not guaranteed, and **Request cancellation**.
pub fn review_request(
    texts: &Texts,
    flow: &Flow,
    items: &[Rc<ItemView>],
    order: &Order,
    policy: &Policy,
    dispatcher: &UseReducerDispatcher<Flow>,
) -> Html {
    let dispatch = &dispatcher.to_callback();
    let (chosen, refund) = selection(items, flow, order, policy);
    let only_request = chosen
        .iter()
        .any(|i| i.cancel_verdict == CancelVerdict::Request);
    let marketplace = order.is_marketplace_fulfilled_by_seller();
    let reason = match flow.reason.as_deref() {
        None => texts.text(Msg::ReviewNoReason).to_owned(),
        Some(id) => {
            let options = &flow.context.reasons.options;
            let label = options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.label.as_str());
            texts.reason_label(id, label)
        }
    };
    let failure = flow
        .failure
        .as_ref()
        .map(|failure| failure_text(texts, failure, Msg::ErrorNoHost));
    let label = if flow.sending {
        Msg::Sending
    } else if flow.failure.is_some() {
        Msg::TryAgain
    } else {
        Msg::RequestCancellation
    };
    html! {
        <StepRegion level={texts.heading_level} key="cancel-review" heading={texts.text(Msg::StepReview).to_owned()} step_changes={flow.step_changes}>
            <dl>
                <dt>{ texts.text(Msg::ReviewItems) }</dt>
                <dd>
                    <ul>
                        { for chosen.iter().map(|item| html! {
                            <li key={item.id.clone()}>{ bdi(&item.title, None) }{ texts.after_title(item.quantity, &item.price) }</li>
                        }) }
                    </ul>
                </dd>
                <dt>{ texts.text(Msg::ReviewReason) }</dt>
                <dd>
                    { bdi(&reason, None) }
                    if let Some(comment) = flow.sent_comment() {
                        { " — “" }{ bdi(comment, None) }{ "”" }
                    }
                </dd>
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
            if let Some(failure) = failure {
                <p class="error" part="error" role="alert">{ rich(&failure) }</p>
            }
            <div class="actions">
                <button type="button" part="button" aria-disabled={flow.sending.then_some("true")}
                    onclick={dispatch.reform(|_: MouseEvent| Action::Back)}>{ texts.text(Msg::Back) }</button>
                <button type="button" class="primary" part="button" aria-disabled={flow.sending.then_some("true")}
                    onclick={dispatch.reform(|_: MouseEvent| Action::Submit)}>{ texts.text(label) }</button>
            </div>
        </StepRegion>
    }
}
