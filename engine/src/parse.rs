//! Reading an order or a policy from any serde input (JSON text, a JS object), with the path of
//! the field at fault, then validating what serde cannot check.

use serde::{Deserialize, Deserializer};

use super::error::InputError;
use super::json::{self, Json};
use super::limits::{self, Document};
use super::order::Customer;
use super::order::Order;
use super::policy::Policy;
use super::read::{self, Read};
use super::request::Request;
use super::returns::ReturnProposal;
use super::validate;

/// Reads and validates an order from any serde deserializer: a JSON one natively, or
/// `serde_wasm_bindgen::Deserializer::from(js_value)` in the browser.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help_engine::parse_order;
/// let json = r#"{"id": "O1", "placed_at": "2025-03-01T09:00:00Z", "currency": "USD",
///     "seller": {"name": "S", "kind": "retailer", "fulfilled_by": "retailer"},
///     "items": [{"id": "A", "title": "T", "quantity": 1, "unit_price": -5}]}"#;
/// let err = parse_order(&mut serde_json::Deserializer::from_str(json)).unwrap_err();
/// assert_eq!(err.path, "items[0].unit_price");
/// assert!(err.message.contains("found the negative number -5"));
/// # }
/// ```
pub fn parse_order<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Order, InputError> {
    order_from_tree(&tree(deserializer)?)
}

/// Reads and validates an order from a JSON tree (the widget builds one from a JS object).
/// The tree is first checked against the limits ([`limits`](crate::limits)): the lengths of its lists
/// before any item is read.
///
/// ```
/// use order_help_engine::{json, order_from_tree};
/// let tree = json::parse_text(r#"{"id": "O1", "placed_at": "2025-03-01T09:00:00Z",
///     "currency": "USD", "seller": {"name": "S", "kind": "retailer", "fulfilled_by": "retailer"},
///     "items": [{"id": "A", "title": "T", "quantity": 1, "unit_price": 500, "shipment": "S9"}]}"#)
///     .unwrap();
/// let err = order_from_tree(&tree).unwrap_err();
/// assert_eq!(err.path, "items[0].shipment");
/// ```
pub fn order_from_tree(tree: &Json<'_>) -> Result<Order, InputError> {
    limits::check_tree(tree, Document::Order)?;
    read_tree(tree, validate::order)
}

/// Reads and validates a policy from a JSON tree; absent fields take their defaults. The tree
/// is first checked against the limits ([`limits`](crate::limits)).
///
/// ```
/// use order_help_engine::{json, policy_from_tree};
/// let tree = json::parse_text(r#"{"return_window_days": 14}"#).unwrap();
/// let policy = policy_from_tree(&tree).unwrap();
/// assert_eq!((policy.return_window_days, policy.time_zone.name()), (14, "America/Los_Angeles"));
/// ```
pub fn policy_from_tree(tree: &Json<'_>) -> Result<Policy, InputError> {
    limits::check_tree(tree, Document::Policy)?;
    read_tree(tree, validate::policy)
}

/// Reads and validates a policy from any serde deserializer; absent fields take their defaults.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help_engine::parse_policy;
/// let json = r#"{"category_windows": {"books": "thirty"}}"#;
/// let err = parse_policy(&mut serde_json::Deserializer::from_str(json)).unwrap_err();
/// assert_eq!(err.path, "category_windows.books");
/// # }
/// ```
pub fn parse_policy<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Policy, InputError> {
    policy_from_tree(&tree(deserializer)?)
}

/// Reads a customer (`{name, email}`, as an order's `customer` or the widget's configuration
/// gives one) from a JSON tree; only its shape is checked here, the path of an error is
/// relative to the customer (empty: the customer itself).
///
/// ```
/// use order_help_engine::{customer_from_tree, json};
/// let tree = json::parse_text(r#"{"name": "Ana", "mail": "ana@example.com"}"#).unwrap();
/// assert_eq!(customer_from_tree(&tree).unwrap_err().path, "mail");
/// ```
pub fn customer_from_tree(tree: &Json<'_>) -> Result<Customer, InputError> {
    read_tree(tree, |_| Ok(()))
}

/// Reads a return proposal from a JSON tree, after checking its limits (at most
/// [`limits::MAX_ITEMS`] lines, strings of at most [`limits::MAX_STRING_CHARS`]). Only its
/// shape is checked here; whether it fits the order is [`crate::preview_return`]'s to say.
///
/// ```
/// use order_help_engine::{json, proposal_from_tree};
/// let tree = json::parse_text(r#"{"lines": [{"item_id": "A", "quantity": -1}], "reason_id": "other"}"#).unwrap();
/// let err = proposal_from_tree(&tree).unwrap_err();
/// assert_eq!(err.path, "lines[0].quantity");
/// ```
pub fn proposal_from_tree(tree: &Json<'_>) -> Result<ReturnProposal, InputError> {
    limits::check_tree(tree, Document::Request)?;
    from_tree(tree, |_| Ok(()))
}

/// Reads a host request from a JSON tree, after checking its limits, then what serde cannot:
/// a non-blank `order_id`, at least one item, each item once, quantities of at least 1.
///
/// ```
/// use order_help_engine::{json, request_from_tree};
/// let tree = json::parse_text(r#"{"kind": "refund", "order_id": "O1", "items": [],
///     "assessed_at": "2025-03-10T12:00:00Z"}"#).unwrap();
/// let err = request_from_tree(&tree).unwrap_err();
/// assert_eq!(err.path, "kind");
/// ```
pub fn request_from_tree(tree: &Json<'_>) -> Result<Request, InputError> {
    limits::check_tree(tree, Document::Request)?;
    from_tree(tree, validate::request)
}

/// The document as a JSON tree (anything a JSON document cannot hold is rejected here).
fn tree<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Json<'de>, InputError> {
    Json::deserialize(deserializer).map_err(|e| InputError::new("", message(&e)))
}

/// Reads `T` from the tree with the path of any error, then checks what serde cannot.
fn from_tree<T: serde::de::DeserializeOwned>(
    tree: &Json<'_>,
    validate: fn(&T) -> Result<(), InputError>,
) -> Result<T, InputError> {
    let value: T = json::from_tree(tree).map_err(input_error)?;
    validate(&value)?;
    Ok(value)
}

/// [`from_tree`] by the engine's own readers ([`read`](super::read)), which the widget's
/// documents take: far fewer bytes in the wasm than serde's derived ones.
fn read_tree<T: Read>(
    tree: &Json<'_>,
    validate: fn(&T) -> Result<(), InputError>,
) -> Result<T, InputError> {
    let value: T = read::from_tree(tree).map_err(input_error)?;
    validate(&value)?;
    Ok(value)
}

fn input_error(e: json::PathError) -> InputError {
    InputError::new(e.path.unwrap_or_default(), e.message)
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

// Defined here rather than in order.rs and policy.rs, so the types stay at the bottom of the
// engine: order and policy ← validate ← parse, never back.
impl Order {
    /// Parses and validates an order from JSON text (native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json_str(json: &str) -> Result<Order, InputError> {
        order_from_tree(&json_text(json)?)
    }
}

impl Policy {
    /// Parses and validates a policy from JSON text (native builds only); absent fields take
    /// their defaults.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json_str(json: &str) -> Result<Policy, InputError> {
        policy_from_tree(&json_text(json)?)
    }
}

impl ReturnProposal {
    /// Parses a return proposal from JSON text (native builds only); see
    /// [`proposal_from_tree`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json_str(json: &str) -> Result<ReturnProposal, InputError> {
        proposal_from_tree(&json_text(json)?)
    }
}

impl Request {
    /// Parses and checks a host request from JSON text (native builds only); see
    /// [`request_from_tree`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json_str(json: &str) -> Result<Request, InputError> {
        request_from_tree(&json_text(json)?)
    }
}

/// JSON text as a tree, after checking its size: read by the engine's own reader, which keeps
/// each number's text as written (so messages quote it); malformed JSON is reported by
/// serde_json, with its line and column.
#[cfg(not(target_arch = "wasm32"))]
fn json_text(json: &str) -> Result<Json<'_>, InputError> {
    limits::check_document_size(json.len())?;
    if let Some(tree) = json::parse_text(json) {
        return Ok(tree);
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(json) {
        Err(e) => Err(InputError::new("", format!("malformed JSON: {e}"))),
        // The only JSON the engine's reader refuses.
        Ok(_) => Err(InputError::new(
            "",
            format!(
                "expected a document nested at most {} levels deep, found one nested deeper",
                json::MAX_DEPTH
            ),
        )),
    }
}
