use yew::prelude::*;

use super::heading::Heading;
use crate::hooks::use_focus_on_change;

#[derive(Properties, PartialEq)]
pub struct StepRegionProps {
    /// The heading ("Step 2 of 3: Choose a reason"), which also labels the region.
    pub heading: AttrValue,
    /// The flow's step-change count: focus moves to the heading when it is non-zero.
    pub step_changes: u32,
    #[prop_or_default]
    pub children: Html,
}

/// A labelled region for one step of the flow, whose heading takes focus on a step change.
#[function_component]
pub fn StepRegion(props: &StepRegionProps) -> Html {
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), props.step_changes);
    html! {
        <section class="step" part="step" role="region" aria-labelledby="order-help-step-heading">
            <Heading id="order-help-step-heading" node={heading} text={props.heading.clone()} />
            { props.children.clone() }
        </section>
    }
}
