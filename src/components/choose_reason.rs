use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::bidi::bdi;
use super::step_actions::step_actions;
use super::step_region::StepRegion;
use crate::i18n::Msg;
use crate::state::{Action, Flow, Problem, MAX_COMMENT_CHARS};
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
                    html! {
                        <label class="choice" key={option.id.clone()}>
                            <input type="radio" name="order-help-reason" value={option.id.clone()}
                                checked={flow.reason.as_deref() == Some(option.id.as_str())} {onchange} />
                            { bdi(&label, None) }
                        </label>
                    }
                }) }
            </fieldset>
            if comment_shown {
                <label for="order-help-comment">
                    { texts.text(if comment_required { Msg::CommentLabelRequired } else { Msg::CommentLabel }) }
                </label>
                <textarea id="order-help-comment" rows="3" maxlength={MAX_COMMENT_CHARS.to_string()}
                    required={comment_required} value={flow.comment.clone()} oninput={on_comment} />
            }
            if let Some(problem) = problem {
                <p class="error" part="error" role="alert">{ problem }</p>
            }
            { step_actions(texts, dispatcher, Action::Back, Action::Continue) }
        </StepRegion>
    }
}
