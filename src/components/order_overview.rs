use std::rc::Rc;

use yew::prelude::*;

use super::item_summary::ItemSummary;
use super::return_countdown::ReturnCountdown;
use super::step_region::StepRegion;
use crate::countdown::Countdown;
use crate::i18n::{isolate, Msg};
use crate::view_model::{ItemView, Texts};

/// What the overview shows.
pub struct Overview<'a> {
    pub order_id: &'a str,
    pub items: &'a [Rc<ItemView>],
    /// What each item's countdown shows now, by item index.
    pub countdowns: &'a [Option<Countdown>],
    /// "Cancel items", when anything can be cancelled.
    pub on_start: Option<Callback<MouseEvent>>,
    /// "Return items", when anything can be returned.
    pub on_return: Option<Callback<MouseEvent>>,
    /// Both flows' step changes: focus returns to the heading when either flow comes back.
    pub step_changes: u32,
    /// Shown after the items: the withdrawal function.
    pub withdrawal: Html,
}

/// The order: every item with its best next step, "Cancel items" when anything can be
/// cancelled and "Return items" when anything can be returned. A plain function: the focus is
/// its region's.
pub fn order_overview(texts: &Rc<Texts>, overview: Overview<'_>) -> Html {
    let button = |onclick: Option<Callback<MouseEvent>>, msg: Msg| {
        onclick.map(|onclick| {
            html! {
                <button type="button" class="primary" part="button" {onclick}>
                    { texts.text(msg) }
                </button>
            }
        })
    };
    let (cancel, ret) = (
        button(overview.on_start, Msg::CancelItems),
        button(overview.on_return, Msg::ReturnItems),
    );
    html! {
        <StepRegion level={texts.heading_level} key="overview" heading={texts.fill(Msg::OrderHeading, &[("id", &isolate(overview.order_id))])}
            step_changes={overview.step_changes} heading_id="order-help-order-heading"
            class={None} part={None} role={None}>
            <ul class="items">
                // Rows are plain elements, not components: a tick re-renders only the countdowns
                // whose props changed, not a component per row around them.
                { for overview.items.iter().zip(overview.countdowns).map(|(view, countdown)| html! {
                    <li key={view.key.clone()} part="item" data-item={view.id.clone()}>
                        <ItemSummary texts={texts.clone()} view={view.clone()} />
                        if view.window.is_some() {
                            <ReturnCountdown texts={texts.clone()} view={view.clone()} countdown={*countdown} />
                        }
                    </li>
                }) }
            </ul>
            if cancel.is_some() || ret.is_some() {
                <div class="actions">
                    { cancel }
                    { ret }
                </div>
            }
            { overview.withdrawal }
        </StepRegion>
    }
}
