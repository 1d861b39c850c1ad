use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::use_cancel_sender::{answer_tree, rejection};
use crate::host::Host;
use crate::state::withdrawal::{Receipt, WithdrawalAction, WithdrawalFlow};
use crate::state::SendFailure;

/// The fields of the store's receipt the widget reads.
const RECEIPT_FIELDS: &[&str] = &["received_at", "acknowledgement_to"];

/// Sends the withdrawal to the host once per attempt (so a double click sends one), and turns
/// the store's receipt `{received_at, acknowledgement_to?}`, a rejection, a receipt without a
/// valid `received_at` or silence for `timeout_ms` into an action. The request is built on the
/// render where the attempt changed, from that render's flow: a retry sends the same
/// declaration (same `declared_at`, same key). An unmount cancels the timeout and ignores any
/// late answer.
#[hook]
pub fn use_withdrawal_sender(
    flow: &UseReducerHandle<WithdrawalFlow>,
    host: &Host,
    timeout_ms: u32,
) {
    let dispatcher = flow.dispatcher();
    let attempt = flow.attempt;
    let request = use_memo(attempt, |&attempt| {
        (flow.sending && attempt > 0).then(|| flow.request())
    });
    let host = host.clone();
    use_effect_with(attempt, move |_| {
        let live = Rc::new(Cell::new(true));
        let mut timeout = None;
        if let Some(request) = &*request {
            match host.withdraw(request) {
                Err(failure) => dispatcher.dispatch(WithdrawalAction::Failed(attempt, failure)),
                Ok(promise) => {
                    let (on_answer, on_timeout) = (dispatcher.clone(), dispatcher);
                    let (answer_live, timeout_live) = (live.clone(), live.clone());
                    let events = host.clone();
                    yew::platform::spawn_local(async move {
                        let action = match JsFuture::from(promise).await {
                            Ok(value) => {
                                match Receipt::read(&answer_tree(&value, RECEIPT_FIELDS)) {
                                    Ok(receipt) => WithdrawalAction::Answered(attempt, receipt),
                                    Err(why) => WithdrawalAction::Failed(
                                        attempt,
                                        SendFailure::Malformed(why),
                                    ),
                                }
                            }
                            Err(error) => WithdrawalAction::Failed(attempt, rejection(&error)),
                        };
                        if !answer_live.get() {
                            return;
                        }
                        if let WithdrawalAction::Answered(
                            _,
                            Receipt {
                                ignored: Some(why), ..
                            },
                        ) = &action
                        {
                            events.emit_error(
                                "answer_malformed",
                                &format!(
                                    "the store's receipt was taken, but a field was ignored: {why}"
                                ),
                            );
                        }
                        on_answer.dispatch(action);
                    });
                    timeout = Some(Timeout::new(timeout_ms, move || {
                        if timeout_live.get() {
                            on_timeout
                                .dispatch(WithdrawalAction::Failed(attempt, SendFailure::Timeout));
                        }
                    }));
                }
            }
        }
        move || {
            live.set(false);
            drop(timeout);
        }
    });
}
