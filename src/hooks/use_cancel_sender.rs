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
    // Built on the render where `attempt` changed (when the effect below runs), from that
    // render's flow, rather than on every render while sending.
    let request = use_memo(attempt, |&attempt| {
        (flow.sending && attempt > 0).then(|| flow.request())
    });
    let host = host.clone();
    use_effect_with(attempt, move |_| {
        let live = Rc::new(Cell::new(true));
        let mut timeout = None;
        if let Some(request) = &*request {
            match host.send(request) {
                Err(failure) => dispatcher.dispatch(Action::Failed(attempt, failure)),
                Ok(promise) => {
                    let (on_answer, on_timeout) = (dispatcher.clone(), dispatcher);
                    let (answer_live, timeout_live) = (live.clone(), live.clone());
                    yew::platform::spawn_local(async move {
                        let action = match JsFuture::from(promise).await {
                            Ok(value) => match read_answer(&value) {
                                Ok(answer) => Action::Answered(attempt, answer),
                                Err(why) => Action::Failed(attempt, SendFailure::Malformed(why)),
                            },
                            Err(error) => Action::Failed(attempt, rejection(&error)),
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

/// The host's answer, checked against the contract (`{status, message?, refund?}`).
fn read_answer(value: &wasm_bindgen::JsValue) -> Result<HostAnswer, String> {
    let tree = crate::js_json::to_json(value)?;
    crate::engine::json::from_tree(&tree).map_err(|e| match e.path {
        Some(path) if !path.is_empty() => format!("{path}: {}", e.message),
        _ => e.message,
    })
}

/// A rejected request: the page had no way to take it (`embed.js` says so with the code
/// `no_request_handler`), or the host failed.
fn rejection(error: &wasm_bindgen::JsValue) -> SendFailure {
    let code = js_sys::Reflect::get(error, &"code".into())
        .ok()
        .and_then(|c| c.as_string());
    match code.as_deref() {
        Some("no_request_handler") => SendFailure::NoHost,
        _ => SendFailure::Rejected(describe(error)),
    }
}
