use yew::prelude::*;

use super::heading::{heading, Rank};
use crate::hooks::use_focus_on_change;
use crate::view_model::Texts;

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
    let level = use_context::<std::rc::Rc<Texts>>().map_or(2, |t| t.heading_level);
    let heading_ref = use_node_ref();
    use_focus_on_change(heading_ref.clone(), props.step_changes);
    html! {
        <section class="step" part="step" role="region" aria-labelledby="order-help-step-heading">
            { heading(level, Rank::Main, props.heading.clone(), Some("order-help-step-heading"), heading_ref) }
            { props.children.clone() }
        </section>
    }
}
