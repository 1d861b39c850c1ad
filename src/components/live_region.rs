use yew::prelude::*;

use super::bidi::rich;

/// The polite live region: screen readers speak its text when it changes (only at countdown
/// thresholds), and it is otherwise silent. A plain function, not a component: it has no state,
/// and a component of its own would cost its lifecycle code in the bundle.
pub fn live_region(text: AttrValue) -> Html {
    html! {
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">{ rich(&text) }</div>
    }
}
