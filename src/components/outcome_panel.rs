use std::rc::Rc;

use yew::prelude::*;

use super::view_model::{timing_text, ItemView, Texts};
use crate::engine::{refund_for, Order, Policy, RefundKind};
use crate::hooks::use_focus_on_change;
use crate::i18n::Msg;
use crate::state::{Action, AnswerStatus, Flow};

#[derive(Properties, PartialEq)]
pub struct OutcomePanelProps {
    pub flow: UseReducerHandle<Flow>,
    pub items: Vec<Rc<ItemView>>,
    pub order: Rc<Order>,
    pub policy: Rc<Policy>,
    pub dispatch: UseReducerDispatcher<Flow>,
}

/// The host's answer: cancelled (with the refund and its timing), request sent (the seller must
/// approve), or declined, with what to do instead for each item.
#[function_component]
pub fn OutcomePanel(props: &OutcomePanelProps) -> Html {
    let texts = use_context::<Rc<Texts>>().expect("texts context");
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), props.flow.step_changes);
    let Some(answer) = &props.flow.answer else {
        return html! {};
    };
    let chosen: Vec<&Rc<ItemView>> = props
        .items
        .iter()
        .filter(|i| props.flow.selected.contains(&i.id))
        .collect();
    let lines: Vec<(&str, u32)> = chosen.iter().map(|i| (i.id.as_str(), i.quantity)).collect();
    let estimate = refund_for(
        &props.order,
        &props.policy,
        &lines,
        props.flow.reason.as_deref(),
        RefundKind::Cancellation,
    );
    let (title, class) = match answer.status {
        AnswerStatus::Cancelled => (Msg::OutcomeCancelled, "outcome"),
        AnswerStatus::Requested => (Msg::OutcomeRequested, "outcome"),
        AnswerStatus::Declined => (Msg::OutcomeDeclined, "outcome declined"),
    };
    let body = match answer.status {
        AnswerStatus::Cancelled => texts.fill(
            Msg::OutcomeCancelledRefund,
            &[
                (
                    "amount",
                    &texts.fmt.money(answer.refund.unwrap_or(estimate.amount)),
                ),
                ("timing", &timing_text(&texts, &estimate.timing)),
            ],
        ),
        AnswerStatus::Requested => texts.text(Msg::OutcomeRequestedBody).to_owned(),
        AnswerStatus::Declined => String::new(),
    };
    html! {
        <section class={class} part="outcome" role="region" aria-labelledby="order-help-outcome-heading">
            <h3 id="order-help-outcome-heading" tabindex="-1" ref={heading}>{ texts.text(title) }</h3>
            if !body.is_empty() { <p>{ body }</p> }
            if let Some(message) = &answer.message { <p>{ message.clone() }</p> }
            if answer.status == AnswerStatus::Declined {
                <h4>{ texts.text(Msg::OutcomeFallback) }</h4>
                <ul>
                    { for chosen.iter().map(|item| html! {
                        <li key={item.id.clone()}><span class="title">{ item.title.clone() }</span>{ ": " }{ item.fallback.clone() }</li>
                    }) }
                </ul>
            }
            <div class="actions">
                <button type="button" part="button" onclick={props.dispatch.to_callback().reform(|_: MouseEvent| Action::Close)}>{ texts.text(Msg::BackToOrder) }</button>
            </div>
        </section>
    }
}
