use std::rc::Rc;

use yew::prelude::*;

use super::bidi::{bdi, rich};
use super::heading::{heading, Rank};
use crate::hooks::use_focus_on_change;
use crate::i18n::{isolate, Msg};
use crate::state::withdrawal::{WithdrawalAction, WithdrawalFlow};
use crate::view_model::{Texts, WithdrawalView};

#[derive(Properties, PartialEq)]
pub struct WithdrawalOutcomeProps {
    pub flow: UseReducerHandle<WithdrawalFlow>,
    pub view: Rc<WithdrawalView>,
    pub order_id: AttrValue,
}

/// The store's receipt: when it received the withdrawal, when the customer confirmed it, what
/// the statement said (order, items, name, e-mail), and where the store's confirmation went.
/// The deadline is not looked at again: a declaration confirmed in time counts, however late
/// the answer came.
#[function_component]
pub fn WithdrawalOutcome(props: &WithdrawalOutcomeProps) -> Html {
    let texts = use_context::<Rc<Texts>>().expect("texts context");
    let heading_ref = use_node_ref();
    let flow = &props.flow;
    use_focus_on_change(heading_ref.clone(), flow.step_changes);
    let Some(receipt) = &flow.receipt else {
        return html! {};
    };
    let ack = match &receipt.acknowledgement_to {
        Some(to) => texts.fill(Msg::WithdrawAckSent, &[("email", &isolate(to))]),
        None => texts.fill(
            Msg::WithdrawAckPending,
            &[("email", &isolate(flow.email.trim()))],
        ),
    };
    let on_close = flow
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| WithdrawalAction::Close);
    html! {
        <section class="outcome" part="outcome" role="region" aria-labelledby="order-help-outcome-heading">
            { heading(texts.heading_level, Rank::Main, texts.text(Msg::WithdrawOutcomeHeading), Some("order-help-outcome-heading"), heading_ref) }
            <p>{ texts.fill(Msg::WithdrawDone, &[("date", &texts.fmt.date_time(receipt.received_at))]) }</p>
            if let Some(declared) = flow.declared_at {
                <p>{ texts.fill(Msg::WithdrawDeclared, &[("date", &texts.fmt.date_time(declared))]) }</p>
            }
            <dl>
                <dt>{ texts.text(Msg::WithdrawOrderNumber) }</dt>
                <dd>{ bdi(&props.order_id, None) }</dd>
                <dt>{ texts.text(Msg::ReviewItems) }</dt>
                <dd>
                    <ul>
                        { for props.view.items.iter().filter(|item| flow.selected.contains(&item.id)).map(|item| html! {
                            <li key={item.id.clone()}>{ bdi(&item.title, None) }</li>
                        }) }
                    </ul>
                </dd>
                <dt>{ texts.text(Msg::WithdrawName) }</dt>
                <dd>{ bdi(flow.name.trim(), None) }</dd>
            </dl>
            <p>{ rich(&ack) }</p>
            <div class="actions">
                <button type="button" part="button" onclick={on_close}>{ texts.text(Msg::BackToOrder) }</button>
            </div>
        </section>
    }
}
