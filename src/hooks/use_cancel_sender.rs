use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::host::{describe, Host};
use crate::state::{Action, Flow, HostAnswer, SendFailure};

/// Sends the flow's request to the host once per attempt (so a double click sends one), and
/// turns the host's answer, a rejection, a malformed answer or silence for `timeout_ms` into an
/// action. An unmount cancels the timeout and ignores any late answer.
#[hook]
pub fn use_cancel_sender(flow: &UseReducerHandle<Flow>, host: &Host, timeout_ms: u32) {
    let dispatcher = flow.dispatcher();
    let attempt = flow.attempt;
    let request = (flow.sending && attempt > 0).then(|| flow.request());
    let host = host.clone();
    use_effect_with(attempt, move |_| {
        let live = Rc::new(Cell::new(true));
        let mut timeout = None;
        if let Some(request) = request {
            match host.send(&request) {
                Err(failure) => dispatcher.dispatch(Action::Failed(attempt, failure)),
                Ok(promise) => {
                    let (on_answer, on_timeout) = (dispatcher.clone(), dispatcher);
                    let (answer_live, timeout_live) = (live.clone(), live.clone());
                    yew::platform::spawn_local(async move {
                        let action = match JsFuture::from(promise).await {
                            Ok(value) => {
                                match serde_wasm_bindgen::from_value::<HostAnswer>(value) {
                                    Ok(answer) => Action::Answered(attempt, answer),
                                    Err(error) => Action::Failed(
                                        attempt,
                                        SendFailure::Malformed(error.to_string()),
                                    ),
                                }
                            }
                            Err(error) => {
                                Action::Failed(attempt, SendFailure::Rejected(describe(&error)))
                            }
                        };
                        if answer_live.get() {
                            on_answer.dispatch(action);
                        }
                    });
                    timeout = Some(Timeout::new(timeout_ms, move || {
                        if timeout_live.get() {
                            on_timeout.dispatch(Action::Failed(attempt, SendFailure::Timeout));
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
