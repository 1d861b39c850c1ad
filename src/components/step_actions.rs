use std::rc::Rc;

use yew::prelude::*;

use super::view_model::Texts;
use crate::i18n::Msg;
use crate::state::{Action, Flow};

#[derive(Properties, PartialEq)]
pub struct StepActionsProps {
    pub dispatch: UseReducerDispatcher<Flow>,
}

/// Back and Continue, as steps 1 and 2 show them.
#[function_component]
pub fn StepActions(props: &StepActionsProps) -> Html {
    let texts = use_context::<Rc<Texts>>().expect("texts context");
    let dispatch = props.dispatch.to_callback();
    html! {
        <div class="actions">
            <button type="button" part="button" onclick={dispatch.reform(|_: MouseEvent| Action::Back)}>{ texts.text(Msg::Back) }</button>
            <button type="button" class="primary" part="button" onclick={dispatch.reform(|_: MouseEvent| Action::Continue)}>{ texts.text(Msg::Continue) }</button>
        </div>
    }
}
