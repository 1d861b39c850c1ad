use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::choices::{comment_field, reason_choice, step_problem};
use super::step_actions::step_actions;
use super::step_region::StepRegion;
use crate::i18n::Msg;
use crate::state::{Action, Flow, Problem};
use crate::view_model::Texts;

/// Step 2 of 3: the policy's reasons as radio buttons; a reason that asks for a comment reveals
/// a short text field. Required or optional as the policy says.
pub fn choose_reason(texts: &Texts, flow: &Flow, dispatcher: &UseReducerDispatcher<Flow>) -> Html {
    let dispatch = &dispatcher.to_callback();
    let reasons = &flow.context.reasons;
    let (comment_shown, comment_required) = flow.comment_wanted();
    let problem = match flow.problem {
        Some(Problem::NoReason) => Some(texts.text(Msg::ReasonRequired)),
        Some(Problem::NoComment) => Some(texts.text(Msg::CommentRequired)),
        _ => None,
    };
    let on_comment = dispatch.reform(|event: InputEvent| {
        let field: HtmlTextAreaElement = event.target_unchecked_into();
        Action::EditComment(field.value())
    });
    html! {
        <StepRegion level={texts.heading_level} key="cancel-reason" heading={texts.text(Msg::StepReason).to_owned()} step_changes={flow.step_changes}>
            <fieldset role="radiogroup" aria-required={reasons.required.to_string()}>
                <legend>
                    { texts.text(Msg::ReasonLegend) }
                    if !reasons.required { { " " }{ texts.text(Msg::ReasonOptional) } }
                </legend>
                { for reasons.options.iter().map(|option| {
                    let id = option.id.clone();
                    let onchange = dispatch.reform(move |_: Event| Action::ChooseReason(id.clone()));
                    let label = texts.reason_label(&option.id, Some(&option.label));
                    let checked = flow.reason.as_deref() == Some(option.id.as_str());
                    reason_choice("order-help-reason", &option.id, &label, checked, onchange)
                }) }
            </fieldset>
            if comment_shown {
                { comment_field(texts, "order-help-comment", comment_required, &flow.comment, on_comment) }
            }
            { step_problem(problem) }
            { step_actions(texts, dispatcher, Action::Back, Action::Continue) }
        </StepRegion>
    }
}
