use yew::prelude::*;

use super::heading::{heading, Rank};
use crate::countdown::Countdown;
use crate::i18n::Msg;
use crate::view_model::{Texts, WithdrawalView};

/// The withdrawal function in the overview, visible without opening anything while the period
/// runs: the period's end with a countdown (as the return window's) and "Withdraw from
/// contract here" (German „Vertrag widerrufen“). After a withdrawal: when it was received.
/// When the period ended while the customer was on the page (`closed`): the section stays,
/// saying so, without the button, its heading (`heading`) a focus target.
pub fn withdrawal_notice(
    texts: &Texts,
    view: &WithdrawalView,
    countdown: Option<Countdown>,
    received: Option<&str>,
    on_open: Callback<MouseEvent>,
    (closed, heading_ref): (bool, NodeRef),
) -> Html {
    if let Some(received) = received {
        return html! {
            <section class="withdrawal" part="withdrawal" aria-labelledby="order-help-withdrawal-heading">
                { heading(texts.heading_level, Rank::Sub, texts.text(Msg::WithdrawHeading), Some("order-help-withdrawal-heading"), NodeRef::default()) }
                <p>{ texts.fill(Msg::WithdrawDone, &[("date", received)]) }</p>
            </section>
        };
    }
    if !view.allowed && !closed {
        return html! {};
    }
    let (text, urgent) = match (&view.until, countdown) {
        (None, _) => (
            texts.fill_counted(
                Msg::WithdrawAfterDelivery,
                view.days,
                &[("days", &view.days.to_string())],
            ),
            false,
        ),
        (Some(until), Some(Countdown::Closed) | None) => {
            (texts.fill(Msg::WithdrawClosed, &[("date", until)]), false)
        }
        (Some(until), Some(countdown)) => (
            texts.fill(
                Msg::WithdrawLeft,
                &[
                    ("duration", &texts.fmt.time_left(countdown)),
                    ("date", until),
                ],
            ),
            !matches!(countdown, Countdown::Days(_)),
        ),
    };
    html! {
        <section class="withdrawal" part="withdrawal" aria-labelledby="order-help-withdrawal-heading">
            { heading(texts.heading_level, Rank::Section, texts.text(Msg::WithdrawHeading), Some("order-help-withdrawal-heading"), heading_ref) }
            <p class={if urgent { "countdown urgent" } else { "countdown" }} part="countdown" role={view.until.is_some().then_some("timer")}>
                { text }
            </p>
            if view.uncollected {
                <p class="hint">{ texts.text(Msg::PickupNotAWithdrawal) }</p>
            }
            if view.allowed {
                <div class="actions">
                    <button type="button" class="primary" part="button withdraw" onclick={on_open}>
                        { texts.text(Msg::WithdrawButton) }
                    </button>
                </div>
            }
        </section>
    }
}
