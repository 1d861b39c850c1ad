use yew::prelude::*;

use crate::i18n::Msg;
use crate::state::{Action, Flow};
use crate::view_model::Texts;

/// Back and Continue, as steps 1 and 2 show them (a plain function: no state of its own).
pub fn step_actions(texts: &Texts, dispatch: &UseReducerDispatcher<Flow>) -> Html {
    let dispatch = dispatch.to_callback();
    html! {
        <div class="actions">
            <button type="button" part="button" onclick={dispatch.reform(|_: MouseEvent| Action::Back)}>{ texts.text(Msg::Back) }</button>
            <button type="button" class="primary" part="button" onclick={dispatch.reform(|_: MouseEvent| Action::Continue)}>{ texts.text(Msg::Continue) }</button>
        </div>
    }
}
