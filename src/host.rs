//! The widget's side of the host contract: how it hands a request of any kind (cancel, return,
//! withdrawal; one shape, [`Request`]) to the page's handler for that kind, and tells the page
//! what happened (`order-help-*` events on the host element).

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

use crate::engine::{Request, RequestKind};
use crate::state::SendFailure;

/// What the page gave the widget to talk to it. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Host {
    /// `onRequestCancel(request) → Promise<answer>`: requests of kind `cancel`.
    pub on_request_cancel: Option<Function>,
    /// `onRequestReturn(request) → Promise<answer>`: requests of kind `return`.
    pub on_request_return: Option<Function>,
    /// `onWithdraw(request) → Promise<answer>`: requests of kind `withdrawal`.
    pub on_withdraw: Option<Function>,
    /// Where `order-help-*` events are dispatched (the host element).
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
            && same(&self.on_request_return, &other.on_request_return)
            && same(&self.on_withdraw, &other.on_withdraw)
            && same(&self.events, &other.events)
    }
}

/// A request as plain JSON data for JS: written as JSON text by the engine's writer (already in
/// the bundle for `assess`) and read back with `JSON.parse`, so no second serializer is compiled
/// in for it. `null` if it cannot be written (it always can: a request holds no floats).
pub fn request_to_js(request: &Request) -> JsValue {
    crate::engine::json::to_text(request)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// A plain object of string fields, for an event's `detail`.
pub fn object(fields: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &(*name).into(), &(*value).into());
    }
    object.into()
}

impl Host {
    /// The page's handler for requests of `kind`, if it gave one.
    pub fn handler(&self, kind: RequestKind) -> Option<&Function> {
        match kind {
            RequestKind::Cancel => self.on_request_cancel.as_ref(),
            RequestKind::Return => self.on_request_return.as_ref(),
            RequestKind::Withdrawal => self.on_withdraw.as_ref(),
        }
    }

    /// Hands `request` to the page's handler for its kind; the promise settles with its answer.
    pub fn send(&self, request: &Request) -> Result<Promise, SendFailure> {
        let handler = self.handler(request.kind).ok_or(SendFailure::NoHost)?;
        let returned = handler
            .call1(&JsValue::UNDEFINED, &request_to_js(request))
            .map_err(|error| SendFailure::Rejected(describe(&error)))?;
        // A plain value (not a promise) is an answer too.
        Ok(Promise::resolve(&returned))
    }

    /// Dispatches `order-help-{name}` with `detail` on the host element (bubbling, composed).
    pub fn emit(&self, name: &str, detail: &JsValue) {
        let Some(target) = &self.events else { return };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) =
            CustomEvent::new_with_event_init_dict(&format!("order-help-{name}"), &init)
        {
            let _ = target.dispatch_event(&event);
        }
    }

    /// `order-help-error` with a machine-readable code and a plain message.
    pub fn emit_error(&self, code: &str, message: &str) {
        self.emit("error", &object(&[("code", code), ("message", message)]));
    }
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
