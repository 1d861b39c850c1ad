use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::engine::json::Json;
use crate::host::{describe, Host};
use crate::js_json::to_json;
use crate::state::{Action, Flow, HostAnswer, SendFailure};

/// Sends the flow's request to the host once per attempt (so a double click sends one), and
/// turns the host's answer, a rejection, an answer without a valid `status` or silence for
/// `timeout_ms` into an action. An answer whose `message` or `refund` had to be ignored still
/// counts, and fires `order-help:error` with the code `answer_malformed`. An unmount cancels
/// the timeout and ignores any late answer.
#[hook]
pub fn use_cancel_sender(flow: &UseReducerHandle<Flow>, host: &Host, timeout_ms: u32) {
    let dispatcher = flow.dispatcher();
    let attempt = flow.attempt;
    // Built on the render where `attempt` changed (when the effect below runs), from that
    // render's flow, rather than on every render while sending; with the most a refund for it
    // can be, to check the host's `refund` against.
    let request = use_memo(attempt, |&attempt| {
        (flow.sending && attempt > 0).then(|| (flow.request(), flow.refund_cap()))
    });
    let host = host.clone();
    use_effect_with(attempt, move |_| {
        let live = Rc::new(Cell::new(true));
        let mut timeout = None;
        if let Some((request, refund_cap)) = &*request {
            let refund_cap = *refund_cap;
            match host.send(request) {
                Err(failure) => dispatcher.dispatch(Action::Failed(attempt, failure)),
                Ok(promise) => {
                    let (on_answer, on_timeout) = (dispatcher.clone(), dispatcher);
                    let (answer_live, timeout_live) = (live.clone(), live.clone());
                    let events = host.clone();
                    yew::platform::spawn_local(async move {
                        let action = match JsFuture::from(promise).await {
                            Ok(value) => match HostAnswer::read(
                                &answer_tree(&value, CANCEL_FIELDS),
                                refund_cap,
                            ) {
                                Ok(answer) => Action::Answered(attempt, answer),
                                Err(why) => Action::Failed(attempt, SendFailure::Malformed(why)),
                            },
                            Err(error) => Action::Failed(attempt, rejection(&error)),
                        };
                        if !answer_live.get() {
                            return;
                        }
                        // A bad optional field is the host's bug to hear about, but the status
                        // stands: the customer sees the answer.
                        if let Action::Answered(
                            _,
                            HostAnswer {
                                ignored: Some(why), ..
                            },
                        ) = &action
                        {
                            events.emit_error(
                                "answer_malformed",
                                &format!(
                                    "the host's answer was taken, but a field was ignored: {why}"
                                ),
                            );
                        }
                        on_answer.dispatch(action);
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

/// The fields of a cancellation answer the widget reads.
const CANCEL_FIELDS: &[&str] = &["status", "message", "refund"];

/// The `fields` of the host's answer the widget reads (`status`, `message`, `refund` of a
/// cancellation answer, say), as a JSON tree; every other field is left unread, so whatever a back end adds (ids, dates, nested
/// objects, even values JSON cannot hold) cannot spoil the answer. Not an object: the value
/// itself, for the error message.
pub(crate) fn answer_tree(value: &JsValue, fields: &[&'static str]) -> Json<'static> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return to_json(value).unwrap_or(Json::Null);
    }
    let fields = fields
        .iter()
        .copied()
        .filter_map(|name| {
            // A getter that throws is a field that is not there.
            let field = js_sys::Reflect::get(value, &name.into()).ok()?;
            if field.is_undefined() {
                return None;
            }
            // Not plain JSON data (a function, a cycle): an object, and so the wrong type.
            Some((
                name.into(),
                to_json(&field).unwrap_or(Json::Object(Vec::new())),
            ))
        })
        .collect();
    Json::Object(fields)
}

/// A rejected request: the page had no way to take it (`embed.js` says so with the code
/// `no_request_handler`), or the host failed.
pub(crate) fn rejection(error: &JsValue) -> SendFailure {
    let code = js_sys::Reflect::get(error, &"code".into())
        .ok()
        .and_then(|c| c.as_string());
    match code.as_deref() {
        Some("no_request_handler") => SendFailure::NoHost,
        _ => SendFailure::Rejected(describe(error)),
    }
}
