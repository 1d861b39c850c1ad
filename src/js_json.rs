//! A JS value as the engine's JSON tree, read by hand (no serde deserializer in between: this
//! is the only place the wasm reads JS data, and doing it by hand keeps serde-wasm-bindgen's
//! deserializer and core's float formatting out of the bundle).
//!
//! Two ways: [`json_text`], one `JSON.stringify` and one string into the wasm, to be parsed
//! there (fast: a 500-item order is one call, not tens of thousands), and [`to_json`], field by
//! field, which sees the value exactly as it is (an `undefined` field, a function, `NaN`, a
//! `Date`), so its errors say what the value holds.

use js_sys::{Array, JsString, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::engine::json::{self, Json, MAX_DEPTH};
use crate::engine::limits::{self, Document, MAX_DOCUMENT_BYTES};
use crate::engine::{read_document_reporting_all, InputError, Readable};

/// An order or a policy from what a host gave, with every problem of it (each with its path,
/// in the document's order, up to `limits::MAX_PROBLEMS`; the engine's
/// `read_document_reporting_all`): its JSON text, or an object. Either way the
/// document crosses into the wasm as one string, whose length is checked before it is copied
/// and parsed, and its tree against the limits before any field is read (`engine::limits`).
/// When an object's JSON text gives no valid document, the object is read again field by
/// field, so that the error describes the value itself (`JSON.stringify` silently drops an
/// `undefined` or a function, and writes `NaN` as `null`); a document that is `undefined`
/// itself is named so.
pub fn read_document<T: Readable>(
    value: &JsValue,
    document: Document,
) -> Result<T, Vec<InputError>> {
    let one = |problem: InputError| vec![problem];
    if let Some(text) = text_of(value, document).map_err(one)? {
        let given_text = value.is_string();
        match json::parse_text(&text) {
            Some(tree) => {
                limits::check_tree(&tree, document).map_err(one)?;
                let result = read_document_reporting_all(&tree);
                if result.is_ok() || given_text {
                    return result;
                }
            }
            None if given_text => {
                return Err(one(InputError::new(
                    "",
                    "expected a document object or its JSON text, found a string that is not JSON",
                )))
            }
            None => {}
        }
    }
    let tree = to_json(value).map_err(|why| one(InputError::new("", why)))?;
    read_document_reporting_all(&tree)
}

/// The JSON text of a document the host gave (its string, or `JSON.stringify` of its object;
/// `None` when that gives none), within the size limit; a document that is `undefined` is an
/// error naming it. Not generic: one copy for every document type.
fn text_of(value: &JsValue, document: Document) -> Result<Option<String>, InputError> {
    if value.is_undefined() {
        // Read on, nothing would be `null` (what `JSON.stringify` makes of it) and the error
        // would name a value the host never gave.
        let what = match document {
            Document::Order => "an order (an object in the order contract",
            Document::Policy => "a policy (an object in the policy contract",
            Document::Request => "a request (an object in the request contract",
        };
        return Err(InputError::new(
            "",
            format!("expected {what}, or its JSON text), found undefined"),
        ));
    }
    let text = match value.is_string() {
        true => Some(value.unchecked_ref::<JsString>().clone()),
        false => json_text(value),
    };
    let Some(text) = text else {
        return Ok(None);
    };
    // A UTF-16 unit is at least one byte of UTF-8: a longer string is too large already.
    let units = text.length() as usize;
    if units > MAX_DOCUMENT_BYTES {
        return Err(InputError::new(
            "",
            format!(
                "expected a document of at most {MAX_DOCUMENT_BYTES} bytes (10 MiB), found {units} characters"
            ),
        ));
    }
    let text = String::from(text);
    limits::check_document_size(text.len())?;
    Ok(Some(text))
}

/// Problems one a line, each after `prefix` (`policy: `), for the error panel, the host's
/// error event and `assess`'s `Error`.
pub fn lines(prefix: &str, problems: &[InputError]) -> String {
    let mut text = String::new();
    for problem in problems {
        if !text.is_empty() {
            text.push('\n');
        }
        // `InputError`'s own words (`path: message`), written in place.
        text.push_str(prefix);
        if !problem.path.is_empty() {
            text.push_str(&problem.path);
            text.push_str(": ");
        }
        text.push_str(&problem.message);
    }
    text
}

/// JSON's values; anything else (a function, a symbol, a BigInt, a cycle deeper than
/// `MAX_DEPTH`) is an error naming what was found.
pub fn to_json(value: &JsValue) -> Result<Json<'static>, String> {
    read(value, 0)
}

/// The value as `JSON.stringify` writes it, for [`crate::engine::json::parse_text`]; `None` if it cannot be
/// written (a BigInt, a cycle, `undefined`). Where the value is not plain JSON data its tree
/// differs from [`to_json`]'s: `JSON.stringify` leaves out `undefined`, function and symbol
/// fields, writes `NaN` and infinities as `null` and a `Date` as its ISO string.
pub fn json_text(value: &JsValue) -> Option<JsString> {
    js_sys::JSON::stringify(value)
        .ok()
        .filter(|text| text.is_string())
}

/// `String(number)`: the shortest text that reads back as the same number.
fn js_number_text(value: &JsValue) -> String {
    value
        .unchecked_ref::<js_sys::Number>()
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

fn read(value: &JsValue, depth: usize) -> Result<Json<'static>, String> {
    if depth > MAX_DEPTH {
        return Err(format!(
            "the document is nested more than {MAX_DEPTH} levels deep"
        ));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(v) = value.as_bool() {
        return Ok(Json::Bool(v));
    }
    if let Some(v) = value.as_f64() {
        return Ok(match Json::from_number(v) {
            // As JavaScript writes the number (`1298.9999999999998`), for error messages.
            Json::Float(v, _) => Json::Float(v, js_number_text(value).into()),
            whole => whole,
        });
    }
    if let Some(v) = value.as_string() {
        return Ok(Json::Str(v.into()));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        return array
            .iter()
            .map(|item| read(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(Json::Array);
    }
    if value.is_object() && !value.is_function() {
        let entries = Object::entries(value.unchecked_ref());
        let mut fields = Vec::with_capacity(entries.length() as usize);
        for entry in entries.iter() {
            let pair: &Array = entry.unchecked_ref();
            let key = pair.get(0).as_string().unwrap_or_default();
            fields.push((key.into(), read(&pair.get(1), depth + 1)?));
        }
        return Ok(Json::Object(fields));
    }
    Err(format!(
        "expected a JSON value, found a {}",
        value.js_typeof().as_string().unwrap_or_default()
    ))
}
