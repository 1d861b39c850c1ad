//! A JS value as the engine's JSON tree, read directly (no serde deserializer in between: this
//! is the only place the wasm reads JS data, and doing it by hand keeps serde-wasm-bindgen's
//! deserializer and core's float formatting out of the bundle).

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::engine::json::Json;

/// JSON's values; anything else (a function, a symbol, a BigInt, a cycle deeper than
/// `MAX_DEPTH`) is an error naming what was found.
pub fn to_json(value: &JsValue) -> Result<Json, String> {
    read(value, 0)
}

const MAX_DEPTH: usize = 64;

fn read(value: &JsValue, depth: usize) -> Result<Json, String> {
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
        return Ok(number(v));
    }
    if let Some(v) = value.as_string() {
        return Ok(Json::Str(v));
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
            fields.push((key, read(&pair.get(1), depth + 1)?));
        }
        return Ok(Json::Object(fields));
    }
    Err(format!(
        "expected a JSON value, found a {}",
        value.js_typeof().as_string().unwrap_or_default()
    ))
}

/// A JS number: whole numbers within JS's safe range are integers (what the contract's counts
/// and amounts are); anything else stays a float for the field to judge.
fn number(v: f64) -> Json {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if v.fract() == 0.0 && (-SAFE..=SAFE).contains(&v) {
        if v >= 0.0 {
            Json::UInt(v as u64)
        } else {
            Json::Int(v as i64)
        }
    } else {
        Json::Float(v)
    }
}
