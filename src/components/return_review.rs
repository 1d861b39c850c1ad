use yew::prelude::*;

use super::bidi::rich_with_class;
use super::return_countdown::ReturnCountdown;
use super::review::{review_reason, send_actions};
use super::step_region::{FlowStep, StepRegion};
use crate::countdown::Countdown;
use crate::engine::Deduction;
use crate::i18n::{fill_template, Msg};
use crate::state::{ReturnAction, ReturnFlow};
use crate::view_model::{timing_text, Texts};

/// A deduction in words: its catalogue sentence (`deduction.<code>`) with the amount as money.
pub fn deduction_text(texts: &Texts, deduction: &Deduction) -> String {
    fill_template(
        texts.lang.key(deduction.code.key()),
        &[("amount", &texts.fmt.money(deduction.amount))],
    )
}

/// Return, step 3 of 3: each line with its value, each deduction explained, its refund and its
/// return-by date with the countdown; the delivery refund or loss; the estimated total and its
/// timing; the reason; and **Request return**.
pub fn return_review(step: &FlowStep<'_, ReturnFlow>, countdowns: &[Option<Countdown>]) -> Html {
    let (texts, flow, items, dispatch) = step.parts();
    let preview = flow.preview().and_then(Result::ok);
    let reason = flow
        .reason()
        .map(|r| texts.reason_label(&r.id, Some(&r.label)))
        .unwrap_or_default();
    let lines = preview.as_ref().map(|preview| {
        html! {
            <ul class="lines">
                { for preview.lines.iter().filter_map(|line| {
                    let index = items.iter().position(|i| i.id == line.item_id)?;
                    let item = &items[index];
                    Some(html! {
                        <li key={line.item_id.clone()}>
                            <p>
                                { rich_with_class(&texts.item_line(&item.title, line.quantity,
                                    &texts.fill(Msg::ReturnLineValue, &[("amount", &texts.fmt.money(line.value.minor()))])), Some("title")) }
                            </p>
                            if !line.deductions.is_empty() {
                                <ul class="deductions">
                                    { for line.deductions.iter().map(|d| html! { <li>{ deduction_text(texts, d) }</li> }) }
                                </ul>
                            }
                            <p>{ texts.fill(Msg::ReturnLineRefund, &[("amount", &texts.fmt.money(line.refund.minor()))]) }</p>
                            <p class="return-by">
                                { texts.fill(Msg::ReturnReviewReturnBy, &[("date", &item.return_by)]) }
                            </p>
                            <ReturnCountdown texts={texts.clone()} view={item.clone()} countdown={countdowns.get(index).copied().flatten()} />
                        </li>
                    })
                }) }
            </ul>
        }
    });
    html! {
        <StepRegion level={texts.heading_level} key="return-review" heading={texts.text(Msg::ReturnStepReview).to_owned()} step_changes={flow.shared.step_changes}>
            if let Some(preview) = &preview {
                <dl>
                    <dt>{ texts.text(Msg::ReviewItems) }</dt>
                    <dd>{ lines.unwrap_or_default() }</dd>
                    { review_reason(texts, &reason, flow.sent_comment()) }
                    <dt>{ texts.text(Msg::ReviewRefund) }</dt>
                    <dd>
                        if preview.delivery_refund.minor() > 0 {
                            <p>{ texts.fill(Msg::ReturnDeliveryRefund, &[("amount", &texts.fmt.money(preview.delivery_refund.minor()))]) }</p>
                        }
                        { for preview.deductions.iter().map(|d| html! { <p>{ deduction_text(texts, d) }</p> }) }
                        <p class="total">{ texts.fmt.money(preview.total.minor()) }</p>
                    </dd>
                    <dt>{ texts.text(Msg::ReviewTiming) }</dt>
                    <dd>{ timing_text(texts, &preview.timing) }</dd>
                </dl>
                <p class="notice">{ texts.text(Msg::ReturnReviewEstimate) }</p>
            } else {
                <p class="error" part="error" role="alert">{ texts.text(Msg::ReturnReviewUnavailable) }</p>
            }
            { send_actions(texts, &flow.shared.send, Msg::ErrorNoHostReturn, Msg::RequestReturn,
                dispatch.reform(|_: MouseEvent| ReturnAction::Back),
                preview.is_some().then(|| step.submit(ReturnAction::Submit))) }
        </StepRegion>
    }
}
