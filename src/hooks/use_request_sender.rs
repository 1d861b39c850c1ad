use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::clock::Clock;
use crate::engine::json::Json;
use crate::host::{describe, Host};
use crate::js_json::to_json;
use crate::state::{RequestAction, RequestFlow, SendFailure};

/// The one host contract, for every kind of request: sends the flow's request to the page's
/// handler for its kind once per attempt (so a double click sends one; a retry is a new attempt
/// with the same idempotency key), and turns the answer, a rejection, an answer without a valid
/// `status` or silence for `timeout_ms` into the flow's action. An answer whose optional fields
/// had to be ignored still counts, and fires `order-help-error` with the code
/// `answer_malformed`. The answer is read at `clock`'s instant when it arrives (a receipt's time
/// is checked against it). A later attempt cancels the timeout of the one before, but its
/// answer still reaches the flow (which takes it if it was given up on after the timeout);
/// an unmount cancels the timeout and ignores any late answer.
#[hook]
pub fn use_request_sender<F: RequestFlow>(
    flow: &UseReducerHandle<F>,
    host: &Host,
    clock: &Clock,
    timeout_ms: u32,
) {
    let dispatcher = flow.dispatcher();
    let attempt = flow.shared().send.attempt;
    // Built on the render where `attempt` changed (when the effect below runs), from that
    // render's flow, rather than on every render while sending.
    let outgoing = use_memo(attempt, |_| flow.outgoing());
    let (host, clock) = (host.clone(), clock.clone());
    // An answer is taken while the widget is mounted, whatever attempt followed: the flow
    // decides whether it still counts (one given up on after the timeout does).
    let mounted = use_mounted();
    use_effect_with(attempt, move |_| {
        let live = Rc::new(Cell::new(true));
        let mut timeout = None;
        // Borrowed: the request is only read to hand it over; the future keeps only the reader.
        if let Some(outgoing) = outgoing.as_ref() {
            let (read, fields) = (outgoing.read.clone(), outgoing.fields);
            match host.send(&outgoing.request) {
                Err(failure) => {
                    dispatcher.dispatch(F::wrap(RequestAction::Failed(attempt, failure)))
                }
                Ok(promise) => {
                    let (on_answer, on_timeout) = (dispatcher.clone(), dispatcher);
                    let (answer_live, timeout_live) = (mounted, live.clone());
                    let events = host.clone();
                    yew::platform::spawn_local(async move {
                        let answer = match JsFuture::from(promise).await {
                            Ok(value) => read(&answer_tree(&value, fields), clock.now())
                                .map_err(SendFailure::Malformed),
                            Err(error) => Err(rejection(&error)),
                        };
                        if !answer_live.get() {
                            return;
                        }
                        match answer {
                            Ok(answer) => {
                                // A bad optional field is the host's bug to hear about, but the
                                // status stands: the customer sees the answer.
                                if let Some(why) = F::ignored(&answer) {
                                    events.emit_error(
                                        "answer_malformed",
                                        &format!("the host's answer was taken, but a field was ignored: {why}"),
                                    );
                                }
                                on_answer
                                    .dispatch(F::wrap(RequestAction::Answered(attempt, answer)));
                            }
                            Err(failure) => {
                                on_answer.dispatch(F::wrap(RequestAction::Failed(attempt, failure)))
                            }
                        }
                    });
                    timeout = Some(Timeout::new(timeout_ms, move || {
                        if timeout_live.get() {
                            on_timeout.dispatch(F::wrap(RequestAction::Failed(
                                attempt,
                                SendFailure::Timeout,
                            )));
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

/// Whether the component is still mounted (false once it is unmounted). Not generic: one copy
/// for every flow.
#[hook]
fn use_mounted() -> Rc<Cell<bool>> {
    let mounted = (*use_memo((), |_| Rc::new(Cell::new(true)))).clone();
    let flag = mounted.clone();
    use_effect_with((), move |_| move || flag.set(false));
    mounted
}

/// The fields of the host's answer the flow reads, as a JSON tree; every other field is left
/// unread. Not an object: the value itself, for the error message.
fn answer_tree(value: &JsValue, names: &[&'static str]) -> Json<'static> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return to_json(value).unwrap_or(Json::Null);
    }
    let fields = names
        .iter()
        .filter_map(|&name| {
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
/// `no_request_handler`), the store refused it (`embed.js` worded the refusal and marked it
/// `refused`), or the host failed.
fn rejection(error: &JsValue) -> SendFailure {
    let field = |name: &str| js_sys::Reflect::get(error, &name.into()).ok();
    let code = field("code").and_then(|c| c.as_string());
    match code.as_deref() {
        Some("no_request_handler") => SendFailure::NoHost,
        _ if field("refused").is_some_and(|r| r.is_truthy()) => {
            SendFailure::Refused(describe(error))
        }
        _ => SendFailure::Rejected(describe(error)),
    }
}
