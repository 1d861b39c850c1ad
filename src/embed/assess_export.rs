//! `assess` for host pages: the engine's verdicts for an order given as a JS object.
//!
//! ```js
//! const result = assess(order);                       // default policy, now
//! const later = assess(order, { time_zone: "Europe/Berlin" }, "2025-03-31T23:59:59+02:00");
//! ```

use wasm_bindgen::prelude::*;

use crate::engine::json;
use crate::engine::limits::Document;
use crate::engine::{self, InputError, Instant, Policy};
use crate::js_json::{lines, read_document};

/// Assesses `order` (an object in the order contract) under `policy` (`undefined` or `null`:
/// the default policy) at `now` (`undefined` or `null`: `Date.now()`; a number: milliseconds
/// since the Unix epoch; a string: an RFC 3339 timestamp). Returns the assessment as plain
/// JSON-compatible objects; a bad input throws an `Error` whose message names the field, e.g.
/// `items[2].shipment: expected the id of one of the order's shipments ("S1"), found "S9"`
/// (policy errors start with `policy: `, instant errors with `now: `): every problem of the
/// document, one a line.
///
/// Documents cross the JS boundary as JSON text, one string each way, rather than as a call
/// per field.
#[wasm_bindgen]
pub fn assess(order: JsValue, policy: JsValue, now: JsValue) -> Result<JsValue, JsError> {
    let order = read_document(&order, Document::Order).map_err(|e| error("", &e))?;
    let policy = if policy.is_undefined() || policy.is_null() {
        None
    } else {
        Some(read_document(&policy, Document::Policy).map_err(|e| error("policy: ", &e))?)
    };
    let at = instant(&now).map_err(|e| JsError::new(&format!("now: {e}")))?;
    let text = match &policy {
        Some(policy) => write(&order, policy, at),
        None => DEFAULT_POLICY.with(|policy| write(&order, policy, at)),
    }
    .map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("the assessment is not valid JSON"))
}

/// Every problem of a document, one a line, each after `prefix`.
fn error(prefix: &str, problems: &[InputError]) -> JsError {
    JsError::new(&lines(prefix, problems))
}

thread_local! {
    /// Built once: resolving its zone is a good part of assessing a small order.
    static DEFAULT_POLICY: Policy = Policy::default();
}

fn write(order: &engine::Order, policy: &Policy, at: Instant) -> Result<String, json::WriteError> {
    json::to_text(&engine::assess(order, policy, at))
}

/// The instant `now` stands for; reading the clock here keeps the engine pure.
pub(super) fn instant(now: &JsValue) -> Result<Instant, InputError> {
    if now.is_undefined() || now.is_null() {
        return Ok(Instant::from_unix_millis(js_sys::Date::now()));
    }
    if let Some(millis) = now.as_f64() {
        if !millis.is_finite() {
            return Err(InputError::new(
                "",
                format!(
                    "expected milliseconds since the Unix epoch (a finite number), found {}",
                    engine::json::number_text(millis)
                ),
            ));
        }
        return Ok(Instant::from_unix_millis(millis));
    }
    if let Some(text) = now.as_string() {
        return Instant::parse_rfc3339(&text);
    }
    let found = if now.is_object() {
        "an object"
    } else if now.as_bool().is_some() {
        "a boolean"
    } else {
        "a value of another kind"
    };
    Err(InputError::new(
        "",
        format!("expected undefined, null, a number of milliseconds since the Unix epoch or an RFC 3339 string, found {found}"),
    ))
}
