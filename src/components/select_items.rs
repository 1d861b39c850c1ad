use std::rc::Rc;

use yew::prelude::*;

use super::step_region::StepRegion;
use super::view_model::{ItemView, Texts};
use crate::i18n::Msg;
use crate::state::{Action, Flow, Problem};

#[derive(Properties, PartialEq)]
pub struct SelectItemsProps {
    pub flow: UseReducerHandle<Flow>,
    pub items: Vec<Rc<ItemView>>,
    pub dispatch: UseReducerDispatcher<Flow>,
}

/// Step 1 of 3: a checkbox per item. Items that can't be cancelled are disabled and say why in
/// text; a bundle item says what it is cancelled together with.
#[function_component]
pub fn SelectItems(props: &SelectItemsProps) -> Html {
    let texts = use_context::<Rc<Texts>>().expect("texts context");
    let dispatch = &props.dispatch.to_callback();
    let problem =
        (props.flow.problem == Some(Problem::NoItems)).then(|| texts.text(Msg::SelectNone));
    html! {
        <StepRegion heading={texts.text(Msg::StepSelect)} step_changes={props.flow.step_changes}>
            <fieldset>
                <legend>{ texts.text(Msg::SelectLegend) }</legend>
                { for props.items.iter().map(|item| {
                    let id = item.id.clone();
                    let onchange = dispatch.reform(move |_: Event| Action::Toggle(id.clone()));
                    let checked = props.flow.selected.contains(&item.id);
                    let note_id = format!("order-help-note-{}", item.id);
                    let note = if !item.cancellable {
                        Some(texts.fill(Msg::CannotCancel, &[("why", &item.cancel_why)]))
                    } else if !item.bundle_with.is_empty() {
                        Some(texts.fill(Msg::BundleTogether, &[("items", &texts.fmt.list(&item.bundle_with))]))
                    } else {
                        None
                    };
                    html! {
                        <label class="choice" key={item.id.clone()}>
                            <input type="checkbox" {checked} disabled={!item.cancellable} {onchange}
                                aria-describedby={note.as_ref().map(|_| note_id.clone())} />
                            <span>
                                <span class="title">{ item.title.clone() }</span>
                                { format!(" · {} · {}", texts.fill(Msg::Quantity, &[("n", &item.quantity.to_string())]), item.price) }
                                if let Some(note) = note {
                                    <span class="disabled-reason" id={note_id}>{ note }</span>
                                }
                            </span>
                        </label>
                    }
                }) }
            </fieldset>
            if let Some(problem) = problem {
                <p class="error" part="error" role="alert">{ problem }</p>
            }
            <div class="actions">
                <button type="button" part="button" onclick={dispatch.reform(|_: MouseEvent| Action::Back)}>{ texts.text(Msg::Back) }</button>
                <button type="button" class="primary" part="button" onclick={dispatch.reform(|_: MouseEvent| Action::Continue)}>{ texts.text(Msg::Continue) }</button>
            </div>
        </StepRegion>
    }
}
