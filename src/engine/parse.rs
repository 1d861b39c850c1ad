//! Reading an order or a policy from any serde input (JSON text, a JS object), with the path of
//! the field at fault, then validating what serde cannot check.

use serde::{Deserialize, Deserializer};

use super::error::InputError;
use super::order::Order;
use super::policy::Policy;
use super::validate;

/// Reads and validates an order from any serde deserializer: a JSON one natively, or
/// `serde_wasm_bindgen::Deserializer::from(js_value)` in the browser.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help::engine::parse_order;
/// let json = r#"{"id": "O1", "placed_at": "2025-03-01T09:00:00Z", "currency": "USD",
///     "seller": {"name": "S", "kind": "retailer", "fulfilled_by": "retailer"},
///     "items": [{"id": "A", "title": "T", "quantity": 1, "unit_price": -5}]}"#;
/// let err = parse_order(&mut serde_json::Deserializer::from_str(json)).unwrap_err();
/// assert_eq!(err.path, "items[0].unit_price");
/// assert!(err.message.contains("found the negative number -5"));
/// # }
/// ```
pub fn parse_order<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Order, InputError> {
    let order: Order =
        with_path(deserializer).map_err(|(path, e)| InputError::new(path, message(&e)))?;
    validate::order(&order)?;
    Ok(order)
}

/// Reads and validates a policy; absent fields take their defaults.
pub fn parse_policy<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Policy, InputError> {
    let policy: Policy =
        with_path(deserializer).map_err(|(path, e)| InputError::new(path, message(&e)))?;
    validate::policy(&policy)?;
    Ok(policy)
}

/// A deserializer's error as a message. serde-wasm-bindgen's errors are JS `Error`s whose
/// text starts with `Error: `; that adds nothing after a field path.
fn message(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    match text.strip_prefix("Error: ") {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Deserializes, keeping the path to the failing field (empty for the document itself).
fn with_path<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, (String, D::Error)> {
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        (path, e.into_inner())
    })
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn order_from_json_str(json: &str) -> Result<Order, InputError> {
    let order: Order = from_json(json)?;
    validate::order(&order)?;
    Ok(order)
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn policy_from_json_str(json: &str) -> Result<Policy, InputError> {
    let policy: Policy = from_json(json)?;
    validate::policy(&policy)?;
    Ok(policy)
}

/// JSON text: malformed JSON is reported as such, with its line and column.
#[cfg(not(target_arch = "wasm32"))]
fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, InputError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = with_path(&mut deserializer).and_then(|v| match deserializer.end() {
        Ok(()) => Ok(v),
        Err(e) => Err((String::new(), e)),
    });
    value.map_err(|(path, e)| {
        use serde_json::error::Category;
        match e.classify() {
            Category::Syntax | Category::Eof | Category::Io => {
                InputError::new(path, format!("malformed JSON: {e}"))
            }
            Category::Data => InputError::new(path, e.to_string()),
        }
    })
}
