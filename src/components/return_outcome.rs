use yew::prelude::*;

use super::bidi::{bdi, rich};
use super::step_region::{FlowStep, StepRegion};
use crate::i18n::{isolate, Msg};
use crate::state::{ReturnAction, ReturnFlow, ReturnStatus};
use crate::view_model::timing_text;

/// The host's answer to a return request: accepted (the return number, each item's return-by
/// date, the label link — only ever an `https:` URL — and the store's instructions), or
/// declined; the store's own message either way.
pub fn return_outcome(step: &FlowStep<'_, ReturnFlow>) -> Html {
    let (texts, flow, items, dispatch) = step.parts();
    let Some(answer) = &flow.shared.answer else {
        return html! {};
    };
    let accepted = answer.status == ReturnStatus::Accepted;
    let (title, class) = if accepted {
        (Msg::ReturnOutcomeAccepted, "outcome")
    } else {
        (Msg::ReturnOutcomeDeclined, "outcome declined")
    };
    let title_of = |id: &str| {
        items
            .iter()
            .find(|i| i.id == id)
            .map(|i| (i.title.clone(), i.return_by.clone()))
    };
    html! {
        <StepRegion level={texts.heading_level} key="return-outcome" heading={texts.text(title).to_owned()} step_changes={flow.shared.step_changes}
            heading_id="order-help-outcome-heading" class={class} part="outcome">
            if let Some(message) = &answer.message { <p>{ bdi(message, None) }</p> }
            if accepted {
                if let Some(id) = &answer.details.return_id {
                    <p class="return-id">{ rich(&texts.fill(Msg::ReturnOutcomeNumber, &[("id", &isolate(id))])) }</p>
                }
                if let Some(sent) = &flow.sent {
                    <ul>
                        { for sent.lines.iter().filter_map(|line| {
                            let (title, date) = title_of(&line.item_id)?;
                            let text = texts.fill(Msg::ReturnOutcomeSendBy, &[("item", &isolate(&title)), ("date", &date)]);
                            Some(html! { <li key={line.item_id.clone()}>{ rich(&text) }</li> })
                        }) }
                    </ul>
                    <p>{ texts.fill(Msg::ReturnOutcomeRefund, &[
                        ("amount", &texts.fmt.money(sent.total.minor())),
                        ("timing", &timing_text(texts, &sent.timing)),
                    ]) }</p>
                }
                if let Some(url) = &answer.details.label_url {
                    <p><a href={url.clone()} target="_blank" rel="noopener noreferrer" part="button" class="label-link">
                        { texts.text(Msg::ReturnOutcomeLabel) }
                    </a></p>
                }
                if let Some(instructions) = &answer.details.instructions { <p class="instructions">{ bdi(instructions, None) }</p> }
            } else {
                <p>{ texts.text(Msg::ReturnOutcomeDeclinedBody) }</p>
            }
            <div class="actions">
                <button type="button" part="button" onclick={dispatch.reform(|_: MouseEvent| ReturnAction::Close)}>{ texts.text(Msg::BackToOrder) }</button>
            </div>
        </StepRegion>
    }
}
