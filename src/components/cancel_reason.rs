use yew::prelude::*;

use super::choices::{comment_field, reason_choice, step_problem};
use super::step_actions::step_actions;
use super::step_region::{FlowStep, StepRegion};
use crate::i18n::Msg;
use crate::state::{CancelAction, CancelFlow};

/// Cancel, step 2 of 3: the policy's reasons as radio buttons; a reason that asks for a comment
/// reveals a short text field. Required or optional as the policy says.
pub fn cancel_reason(step: &FlowStep<'_, CancelFlow>) -> Html {
    let (texts, flow, _, dispatch) = step.parts();
    let reasons = flow.reasons();
    let (comment_shown, comment_required) = flow.comment_wanted();
    let on_choose = dispatch.reform(CancelAction::ChooseReason);
    html! {
        <StepRegion level={texts.heading_level} key="cancel-reason" heading={texts.text(Msg::StepReason).to_owned()} step_changes={flow.shared.step_changes}>
            <fieldset role="radiogroup" aria-required={reasons.required.to_string()}>
                <legend>
                    { texts.text(Msg::ReasonLegend) }
                    if !reasons.required { { " " }{ texts.text(Msg::ReasonOptional) } }
                </legend>
                { for reasons.options.iter().map(|o| reason_choice(texts, "order-help-reason",
                    &o.id, &o.label, flow.reason.as_deref(), &on_choose)) }
            </fieldset>
            if comment_shown {
                { comment_field(texts, "order-help-comment", comment_required, &flow.comment,
                    &dispatch.reform(CancelAction::EditComment)) }
            }
            { step_problem(texts, flow.problem) }
            { step_actions(texts, dispatch, CancelAction::Back, CancelAction::Continue) }
        </StepRegion>
    }
}
