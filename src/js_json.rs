//! A JS value as the engine's JSON tree, read by hand (no serde deserializer in between: this
//! is the only place the wasm reads JS data, and doing it by hand keeps serde-wasm-bindgen's
//! deserializer and core's float formatting out of the bundle).
//!
//! Two ways: [`json_text`], one `JSON.stringify` and one string into the wasm, to be parsed
//! there (fast: a 500-item order is one call, not tens of thousands), and [`to_json`], field by
//! field, which sees the value exactly as it is (an `undefined` field, a function, `NaN`, a
//! `Date`), so its errors say what the value holds.

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::engine::json::{Json, MAX_DEPTH};

/// JSON's values; anything else (a function, a symbol, a BigInt, a cycle deeper than
/// `MAX_DEPTH`) is an error naming what was found.
pub fn to_json(value: &JsValue) -> Result<Json<'static>, String> {
    read(value, 0)
}

/// The value as `JSON.stringify` writes it, for [`crate::engine::json::parse_text`]; `None` if it cannot be
/// written (a BigInt, a cycle, `undefined`). Where the value is not plain JSON data its tree
/// differs from [`to_json`]'s: `JSON.stringify` leaves out `undefined`, function and symbol
/// fields, writes `NaN` and infinities as `null` and a `Date` as its ISO string.
pub fn json_text(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
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
        return Ok(Json::from_number(v));
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
