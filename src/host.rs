//! The widget's side of the host contract: how it hands a cancellation request to the page and
//! tells the page what happened (`order-help:*` events on the host element).

use js_sys::{Function, Object, Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

use crate::state::withdrawal::WithdrawalRequest;
use crate::state::{CancelRequest, SendFailure};

/// What the page gave the widget to talk to it. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Host {
    /// `onRequestCancel(request) → Promise<answer>`.
    pub on_request_cancel: Option<Function>,
    /// `onWithdraw(request) → Promise<{received_at, acknowledgement_to?}>`.
    pub on_withdraw: Option<Function>,
    /// Where `order-help:*` events are dispatched (the host element).
    pub events: Option<EventTarget>,
}

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        fn same<T: AsRef<JsValue>>(a: &Option<T>, b: &Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Object::is(a.as_ref(), b.as_ref()),
                (None, None) => true,
                _ => false,
            }
        }
        same(&self.on_request_cancel, &other.on_request_cancel)
            && same(&self.on_withdraw, &other.on_withdraw)
            && same(&self.events, &other.events)
    }
}

/// Plain JSON for JS: maps become objects, not `Map`s.
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

impl Host {
    /// Hands `request` to the page; the promise settles with its answer.
    pub fn send(&self, request: &CancelRequest) -> Result<Promise, SendFailure> {
        call(self.on_request_cancel.as_ref(), request)
    }

    /// Hands a withdrawal to the page; the promise settles with the store's receipt.
    pub fn withdraw(&self, request: &WithdrawalRequest) -> Result<Promise, SendFailure> {
        call(self.on_withdraw.as_ref(), request)
    }

    /// Dispatches `order-help:{name}` with `detail` on the host element (bubbling, composed).
    pub fn emit(&self, name: &str, detail: &JsValue) {
        let Some(target) = &self.events else { return };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) =
            CustomEvent::new_with_event_init_dict(&format!("order-help:{name}"), &init)
        {
            let _ = target.dispatch_event(&event);
        }
    }

    /// `order-help:error` with a machine-readable code and a plain message.
    pub fn emit_error(&self, code: &str, message: &str) {
        let detail = Object::new();
        let _ = Reflect::set(&detail, &"code".into(), &code.into());
        let _ = Reflect::set(&detail, &"message".into(), &message.into());
        self.emit("error", &detail);
    }
}

/// Calls the page's `handler` with `request` as plain JSON.
fn call<T: Serialize>(handler: Option<&Function>, request: &T) -> Result<Promise, SendFailure> {
    let handler = handler.ok_or(SendFailure::NoHost)?;
    let returned = handler
        .call1(&JsValue::UNDEFINED, &to_js(request))
        .map_err(|error| SendFailure::Rejected(describe(&error)))?;
    // A plain value (not a promise) is an answer too.
    Ok(Promise::resolve(&returned))
}

/// A thrown or rejected JS value as text: an `Error`'s message, a string, or its JSON.
pub fn describe(value: &JsValue) -> String {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    if let Some(text) = value.as_string() {
        return text;
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
