use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LiveRegionProps {
    pub text: AttrValue,
}

/// The polite live region: screen readers speak its text when it changes (only at countdown
/// thresholds), and it is otherwise silent.
#[function_component]
pub fn LiveRegion(props: &LiveRegionProps) -> Html {
    html! {
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">{ props.text.clone() }</div>
    }
}
