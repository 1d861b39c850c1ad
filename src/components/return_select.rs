use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::choices::{item_choice, step_problem};
use super::step_actions::step_actions;
use super::step_region::{FlowStep, StepRegion};
use crate::i18n::Msg;
use crate::state::{ReturnAction, ReturnFlow};

/// Return, step 1 of 3: a checkbox per item; an item that can't be returned is disabled and
/// says why in text; a selected line with more than one returnable unit asks how many.
pub fn return_select(step: &FlowStep<'_, ReturnFlow>) -> Html {
    let (texts, flow, items, dispatch) = step.parts();
    html! {
        <StepRegion level={texts.heading_level} key="return-select" heading={texts.text(Msg::ReturnStepSelect).to_owned()} step_changes={flow.shared.step_changes}>
            <fieldset>
                <legend>{ texts.text(Msg::ReturnSelectLegend) }</legend>
                { for items.iter().enumerate().map(|(index, item)| {
                    let returnable = flow.returnable(&item.id);
                    let id = item.id.clone();
                    let onchange = dispatch.reform(move |_: Event| ReturnAction::Toggle(id.clone()));
                    let checked = flow.selected.contains(&item.id);
                    // Index-based ids: item ids are the host's strings and may hold spaces.
                    let (input_id, count_id) = (format!("return-{index}"), format!("return-{index}-count"));
                    let note = (returnable == 0).then(|| item.return_why.clone());
                    let id = item.id.clone();
                    // The field's text as typed: the flow takes a whole number in range and refuses
                    // anything else (0, -1, 2.5, 1e1, empty), which the field then keeps showing
                    // (marked invalid; the step's problem names the range) until it is corrected,
                    // never another number.
                    // Committed on change (leaving the field); a whole number is also taken as it
                    // is typed, so a refusal's message goes once the number is corrected, before
                    // the field loses focus: never between the press and the release of a click
                    // on Continue, which would move the button from under the pointer.
                    let (typed, to) = (id.clone(), dispatch.clone());
                    let on_typed = Callback::from(move |event: InputEvent| {
                        let text = event.target_unchecked_into::<HtmlInputElement>().value();
                        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
                            to.emit(ReturnAction::SetQuantity(typed.clone(), text));
                        }
                    });
                    let on_count = dispatch.reform(move |event: Event| {
                        let field: HtmlInputElement = event.target_unchecked_into();
                        ReturnAction::SetQuantity(id.clone(), field.value())
                    });
                    let max = returnable.to_string();
                    let refused = flow.refused(&item.id);
                    let value = refused.map_or_else(|| flow.quantity(&item.id).to_string(), str::to_owned);
                    let more = html! {
                                if checked && returnable > 1 {
                                    <span class="quantity">
                                        <label for={count_id.clone()}>
                                            { texts.fill(Msg::ReturnQuantityLabel, &[("max", &max)]) }
                                        </label>
                                        <input type="number" id={count_id} min="1" max={max.clone()}
                                            aria-invalid={refused.map(|_| "true")}
                                            {value} oninput={on_typed} onchange={on_count} />
                                    </span>
                                }
                    };
                    item_choice(texts, item, input_id, checked, returnable == 0, onchange, note.as_deref(), more)
                }) }
            </fieldset>
            { step_problem(texts, flow.problem) }
            { step_actions(texts, dispatch, ReturnAction::Back, ReturnAction::Continue) }
        </StepRegion>
    }
}
