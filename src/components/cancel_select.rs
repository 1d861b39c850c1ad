use yew::prelude::*;

use super::choices::{item_choice, step_problem};
use super::step_actions::step_actions;
use super::step_region::{FlowStep, StepRegion};
use crate::i18n::{isolate, Msg};
use crate::state::{CancelAction, CancelFlow};

/// Cancel, step 1 of 3: a checkbox per item. Items that can't be cancelled are disabled and say
/// why in text; a bundle item says what it is cancelled together with.
pub fn cancel_select(step: &FlowStep<'_, CancelFlow>) -> Html {
    let (texts, flow, items, dispatch) = step.parts();
    html! {
        <StepRegion level={texts.heading_level} key="cancel-select" heading={texts.text(Msg::StepSelect).to_owned()} step_changes={flow.shared.step_changes}>
            <fieldset>
                <legend>{ texts.text(Msg::SelectLegend) }</legend>
                { for items.iter().enumerate().map(|(index, item)| {
                    let id = item.id.clone();
                    let onchange = dispatch.reform(move |_: Event| CancelAction::Toggle(id.clone()));
                    let checked = flow.selected.contains(&item.id);
                    // Index-based ids: item ids are the host's strings and may hold spaces.
                    let input_id = format!("choice-{index}");
                    // The note is the checkbox's description, outside its label, so it is read once.
                    let note = if !item.cancellable() {
                        Some(item.cancel_why.clone())
                    } else if !item.bundle_with.is_empty() {
                        let titles: Vec<String> = item.bundle_with.iter().map(|t| isolate(t)).collect();
                        Some(texts.fill(Msg::BundleTogether, &[("items", &texts.fmt.list(&titles))]))
                    } else {
                        None
                    };
                    item_choice(texts, item, input_id, checked, !item.cancellable(), onchange, note.as_deref(), Html::default())
                }) }
            </fieldset>
            { step_problem(texts, flow.problem) }
            { step_actions(texts, dispatch, CancelAction::Back, CancelAction::Continue) }
        </StepRegion>
    }
}
