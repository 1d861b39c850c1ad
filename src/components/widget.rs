use yew::prelude::*;

/// The widget's root. A placeholder until the flow lands.
#[function_component]
pub fn Widget() -> Html {
    html! {
        <section class="order-help" aria-label="Order help">
            <h2>{ "Can I still cancel this order?" }</h2>
        </section>
    }
}
