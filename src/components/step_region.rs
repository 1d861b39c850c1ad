use std::rc::Rc;

use yew::prelude::*;

use super::heading::{heading, Rank};
use crate::clock::Clock;
use crate::engine::Instant;
use crate::hooks::use_focus_on_change;
use crate::view_model::{ItemView, Texts};

/// What each step of the cancel and return flows renders from (each a plain function taking
/// it): the texts, the flow's state, the item views, the callback that dispatches the flow's
/// actions, and the widget's clock (read at a send button's click).
pub struct FlowStep<'a, F: Reducible> {
    pub texts: &'a Rc<Texts>,
    pub flow: &'a F,
    pub items: &'a [Rc<ItemView>],
    pub dispatch: Callback<F::Action>,
    pub clock: &'a Clock,
}

impl<'a, F: Reducible> FlowStep<'a, F>
where
    F::Action: 'static,
{
    /// The texts, the flow, the item views and the dispatching callback, for a step's first line.
    #[allow(clippy::type_complexity)] // the four fields themselves, named where they are used
    pub fn parts(
        &self,
    ) -> (
        &'a Rc<Texts>,
        &'a F,
        &'a [Rc<ItemView>],
        &Callback<F::Action>,
    ) {
        (self.texts, self.flow, self.items, &self.dispatch)
    }

    /// The send button's click: `action` at the clock's instant then (the flow checks the
    /// assessment against it).
    pub fn submit(&self, action: fn(Instant) -> F::Action) -> Callback<MouseEvent> {
        let clock = self.clock.clone();
        self.dispatch
            .reform(move |_: MouseEvent| action(clock.now()))
    }
}

#[derive(Properties, PartialEq)]
pub struct StepRegionProps {
    /// The heading ("Step 2 of 3: Choose a reason"), which also labels the region.
    pub heading: AttrValue,
    /// The heading's level (2–6), as the host asked (`heading-level`).
    pub level: u8,
    /// The flow's step-change count: focus moves to the heading when it is non-zero.
    pub step_changes: u32,
    /// The heading's id, which the section's `aria-labelledby` names.
    #[prop_or("order-help-step-heading")]
    pub heading_id: &'static str,
    /// The section's `class`; a step's by default.
    #[prop_or(Some("step"))]
    pub class: Option<&'static str>,
    /// The section's `part`; a step's by default.
    #[prop_or(Some("step"))]
    pub part: Option<&'static str>,
    /// The section's `role`: a region by default (the overview is a plain labelled section).
    #[prop_or(Some("region"))]
    pub role: Option<&'static str>,
    #[prop_or_default]
    pub children: Html,
}

/// A labelled section whose heading takes focus on a step change: each step of a flow, each
/// outcome, and the overview. The one component that holds that focus; the parts inside it are
/// plain functions.
#[function_component]
pub fn StepRegion(props: &StepRegionProps) -> Html {
    let heading_ref = use_node_ref();
    use_focus_on_change(heading_ref.clone(), props.step_changes);
    html! {
        <section class={props.class} part={props.part} role={props.role} aria-labelledby={props.heading_id}>
            { heading(props.level, Rank::Main, props.heading.clone(), Some(props.heading_id), heading_ref) }
            { props.children.clone() }
        </section>
    }
}
