use yew::prelude::*;

use super::bidi::{bdi, rich};
use super::step_region::StepRegion;
use crate::i18n::{isolate, Msg};
use crate::state::withdrawal::{WithdrawalAction, WithdrawalFlow};
use crate::view_model::{Texts, WithdrawalView};

/// The store's receipt: when it received the withdrawal, when the customer confirmed it, what
/// the statement said (order, items, name, e-mail), and where the store's confirmation went.
/// The deadline is not looked at again: a declaration confirmed in time counts, however late
/// the answer came.
pub fn withdrawal_outcome(
    texts: &Texts,
    flow: &UseReducerHandle<WithdrawalFlow>,
    view: &WithdrawalView,
    order_id: &str,
) -> Html {
    let Some(receipt) = &flow.shared.answer else {
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
        <StepRegion level={texts.heading_level} key="withdrawal-outcome" heading={texts.text(Msg::WithdrawOutcomeHeading).to_owned()} step_changes={flow.shared.step_changes}
            heading_id="order-help-outcome-heading" class="outcome" part="outcome">
            <p>{ texts.fill(Msg::WithdrawDone, &[("date", &texts.fmt.date_time(receipt.received_at))]) }</p>
            if let Some(declared) = flow.declared_at {
                <p>{ texts.fill(Msg::WithdrawDeclared, &[("date", &texts.fmt.date_time(declared))]) }</p>
            }
            <dl>
                <dt>{ texts.text(Msg::WithdrawOrderNumber) }</dt>
                <dd>{ bdi(order_id, None) }</dd>
                <dt>{ texts.text(Msg::ReviewItems) }</dt>
                <dd>
                    <ul>
                        { for view.items.iter().filter(|item| flow.selected.contains(&item.id)).map(|item| html! {
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
        </StepRegion>
    }
}
