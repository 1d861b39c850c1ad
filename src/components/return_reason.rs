use yew::prelude::*;

use super::bidi::rich;
use super::choices::{comment_field, reason_choice, step_problem};
use super::step_actions::step_actions;
use super::step_region::{FlowStep, StepRegion};
use crate::i18n::{isolate, Msg};
use crate::state::{ReturnAction, ReturnFlow};

/// Return, step 2 of 3: the policy's return reasons; a comment (required where the reason
/// says so); and "has it been opened?" only for the items where the answer changes the refund.
pub fn return_reason(step: &FlowStep<'_, ReturnFlow>) -> Html {
    let (texts, flow, items, dispatch) = step.parts();
    let comment_required = flow.comment_required();
    let on_choose = dispatch.reform(ReturnAction::ChooseReason);
    let asked = flow.asked_opened();
    html! {
        <StepRegion level={texts.heading_level} key="return-reason" heading={texts.text(Msg::ReturnStepReason).to_owned()} step_changes={flow.shared.step_changes}>
            <fieldset role="radiogroup" aria-required="true">
                <legend>{ texts.text(Msg::ReturnReasonLegend) }</legend>
                { for flow.shared.context.policy.return_reasons.iter().map(|r| reason_choice(texts,
                    "order-help-return-reason", &r.id, &r.label, flow.reason.as_deref(), &on_choose)) }
            </fieldset>
            // In a container of its own, so the list growing leaves its siblings (and the focused
            // reason) in place.
            <div class="opened">
            { for items.iter().enumerate().filter(|(_, item)| asked.contains(&item.id)).map(|(index, item)| {
                let opened = flow.opened(&item.id);
                let choice = |value: bool, msg: Msg| {
                    let id = item.id.clone();
                    let onchange = dispatch.reform(move |_: Event| ReturnAction::SetOpened(id.clone(), value));
                    html! {
                        <label class="choice">
                            <input type="radio" name={format!("order-help-opened-{index}")} value={value.to_string()}
                                checked={opened == Some(value)} {onchange} />
                            { texts.text(msg) }
                        </label>
                    }
                };
                html! {
                    <fieldset key={item.id.clone()} role="radiogroup" aria-required="true" aria-describedby="order-help-opened-hint">
                        <legend>{ rich(&texts.fill(Msg::ReturnOpenedLegend, &[("title", &isolate(&item.title))])) }</legend>
                        { choice(true, Msg::ReturnOpenedYes) }
                        { choice(false, Msg::ReturnOpenedNo) }
                    </fieldset>
                }
            }) }
            if !asked.is_empty() {
                <p class="hint" id="order-help-opened-hint">{ texts.text(Msg::ReturnOpenedHint) }</p>
            }
            </div>
            if flow.reason.is_some() {
                { comment_field(texts, "order-help-return-comment", comment_required, &flow.comment,
                    &dispatch.reform(ReturnAction::EditComment)) }
            }
            { step_problem(texts, flow.problem) }
            { step_actions(texts, dispatch, ReturnAction::Back, ReturnAction::Continue) }
        </StepRegion>
    }
}
