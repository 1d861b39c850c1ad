use std::rc::Rc;

use yew::prelude::*;

use super::heading::{heading, Rank};
use super::item_summary::ItemSummary;
use super::return_countdown::ReturnCountdown;
use crate::countdown::Countdown;
use crate::hooks::use_focus_on_change;
use crate::i18n::{isolate, Msg};
use crate::view_model::{ItemView, Texts};

#[derive(Properties, PartialEq)]
pub struct OrderOverviewProps {
    pub order_id: AttrValue,
    pub items: Rc<Vec<Rc<ItemView>>>,
    pub countdowns: Vec<Option<Countdown>>,
    pub can_cancel: bool,
    /// Whether any item can be returned ("Return items").
    pub can_return: bool,
    /// Both flows' step changes: focus returns to the heading when either flow comes back.
    pub step_changes: u32,
    pub on_start: Callback<()>,
    pub on_return: Callback<()>,
    /// Shown after the items: the withdrawal function.
    #[prop_or_default]
    pub children: Html,
}

/// The order: every item with its best next step, "Cancel items" when anything can be
/// cancelled and "Return items" when anything can be returned.
#[function_component]
pub fn OrderOverview(props: &OrderOverviewProps) -> Html {
    let texts = use_context::<Rc<Texts>>().expect("texts context");
    let heading_ref = use_node_ref();
    use_focus_on_change(heading_ref.clone(), props.step_changes);
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    let on_return = props.on_return.reform(|_: MouseEvent| ());
    html! {
        <section aria-labelledby="order-help-order-heading">
            { heading(texts.heading_level, Rank::Main, texts.fill(Msg::OrderHeading, &[("id", &isolate(&props.order_id))]),
                Some("order-help-order-heading"), heading_ref) }
            <ul class="items">
                // Rows are plain elements, not components: a tick re-renders only the countdowns
                // whose props changed, not a component per row around them.
                { for props.items.iter().zip(&props.countdowns).map(|(view, countdown)| html! {
                    <li key={view.key.clone()} part="item" data-item={view.id.clone()}>
                        <ItemSummary view={view.clone()} />
                        if view.window.is_some() {
                            <ReturnCountdown view={view.clone()} countdown={*countdown} />
                        }
                    </li>
                }) }
            </ul>
            if props.can_cancel || props.can_return {
                <div class="actions">
                    if props.can_cancel {
                        <button type="button" class="primary" part="button" onclick={on_start}>
                            { texts.text(Msg::CancelItems) }
                        </button>
                    }
                    if props.can_return {
                        <button type="button" class="primary" part="button" onclick={on_return}>
                            { texts.text(Msg::ReturnItems) }
                        </button>
                    }
                </div>
            }
            { props.children.clone() }
        </section>
    }
}
