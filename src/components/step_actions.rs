use yew::prelude::*;

use crate::i18n::Msg;
use crate::view_model::Texts;

/// Back and Continue, as the flows' first two steps show them (a plain function: no state of
/// its own); `back` and `next` are the flow's actions for them, sent to `dispatch`.
pub fn step_actions<A: Clone + 'static>(
    texts: &Texts,
    dispatch: &Callback<A>,
    back: A,
    next: A,
) -> Html {
    html! {
        <div class="actions">
            <button type="button" part="button" onclick={dispatch.reform(move |_: MouseEvent| back.clone())}>{ texts.text(Msg::Back) }</button>
            <button type="button" class="primary" part="button" onclick={dispatch.reform(move |_: MouseEvent| next.clone())}>{ texts.text(Msg::Continue) }</button>
        </div>
    }
}
