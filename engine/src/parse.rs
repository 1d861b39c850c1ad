//! Reading a document (an order, a policy, a request, a return proposal, a customer): the one
//! path every document takes, [`read_document`], and its entry points by document and by
//! input (a JSON tree, JSON text, any serde deserializer).
//!
//! The path: the tree is checked against the document's limits ([`limits`](crate::limits))
//! before anything is read from it; then read by the document's declared reader
//! ([`read`](super::read)); then checked for what no single field can say
//! ([`validate`](super::validate)). [`read_document`] stops at the first problem;
//! [`read_document_reporting_all`] goes on and gives every problem, up to
//! [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS).

use serde::{Deserialize, Deserializer};

use super::error::{Full, InputError, Problems, Sink};
use super::json::{At, Json, PathError, Report};
use super::limits::{self, Document};
use super::order::Customer;
use super::order::Order;
use super::policy::Policy;
use super::request::Request;
use super::returns::ReturnProposal;
use super::validate;

mod sealed {
    use super::{Document, Full, Json, Sink};

    /// What reading a document needs of its type: its reader, its limits and its checks.
    pub trait Readable: crate::read::Read {
        /// The limits its tree is checked against first (none: a customer, which is part of
        /// other documents).
        const LIMITS: Option<Document>;
        /// What no single field can say (references, sums, orderings, uniqueness), each
        /// problem into `problems`; `tree` is the document read, for what it wrote where (a
        /// policy drops the default entries of a list that name nothing it has).
        fn check(&mut self, tree: &Json<'_>, problems: &mut impl Sink) -> Result<(), Full>;
    }
}

/// A document type the engine reads: [`Order`], [`Policy`], [`Request`], [`ReturnProposal`],
/// [`Customer`]. (Sealed: its reader is declared with the type.)
pub trait Readable: sealed::Readable {}

impl<T: sealed::Readable> Readable for T {}

/// Each document type's limits and checks.
macro_rules! readable {
    ($($document:ident: $limits:expr, $check:path;)*) => {$(
        impl sealed::Readable for $document {
            const LIMITS: Option<Document> = $limits;
            fn check(&mut self, tree: &Json<'_>, problems: &mut impl Sink) -> Result<(), Full> {
                $check(self, tree, problems)
            }
        }
    )*};
}

readable! {
    Order: Some(Document::Order), validate::order;
    Policy: Some(Document::Policy), validate::policy;
    Request: Some(Document::Request), validate::request;
    // Whether it fits the order is `preview_return`'s to say.
    ReturnProposal: Some(Document::Request), shape_only;
    // The widget's configuration gives one on its own; an order's or a request's is checked
    // as part of them.
    Customer: None, shape_only;
}

/// The checks of a document whose shape is all there is to check.
fn shape_only<T>(_: &mut T, _: &Json<'_>, _: &mut impl Sink) -> Result<(), Full> {
    Ok(())
}

/// Reads and checks a document of type `T` from a JSON tree: its limits, its fields, then what
/// no single field can say. The first problem is the error, with the path of the field at
/// fault (empty: the document itself) and what was expected and found.
///
/// ```
/// use order_help_engine::{json, read_document, Policy};
/// let tree = json::parse_text(r#"{"return_window_days": 14}"#).unwrap();
/// let policy: Policy = read_document(&tree).unwrap();
/// assert_eq!(policy.return_window_days, 14);
/// ```
pub fn read_document<T: Readable>(tree: &Json<'_>) -> Result<T, InputError> {
    if let Some(document) = T::LIMITS {
        limits::check_tree(tree, document)?;
    }
    let mut value = T::read(At::root(tree))
        .map_err(|error| InputError::new(error.path.unwrap_or_default(), error.message))?;
    // The first in the document's order, which need not be the first the checks find.
    let mut found = Problems::up_to(limits::MAX_PROBLEMS);
    let _ = value.check(tree, &mut found);
    match in_document_order(tree, found.into_all()).into_iter().next() {
        None => Ok(value),
        Some(problem) => Err(problem),
    }
}

/// [`read_document`] that goes on past a problem: every problem of the document, in document
/// order, up to [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS). Those of its fields first (a
/// value of the wrong kind, an unknown, repeated or missing field; a missing field after the
/// other fields of its object); only a document whose fields all read is then checked, and
/// its checks' problems follow in the order of the places they name in the document (a place
/// the document does not write, such as a default's entry, after those it does). A document over the limits
/// has that one problem (the limits bound the work a document can cause).
///
/// ```
/// use order_help_engine::{json, read_document_reporting_all, Policy};
/// let tree = json::parse_text(r#"{"return_window_days": "thirty", "colour": "red",
///     "opened_fees": {"computers": true}}"#).unwrap();
/// let problems = read_document_reporting_all::<Policy>(&tree).unwrap_err();
/// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
/// assert_eq!(paths, ["return_window_days", "colour", "opened_fees.computers"]);
/// ```
pub fn read_document_reporting_all<T: Readable>(tree: &Json<'_>) -> Result<T, Vec<InputError>> {
    let mut problems = Problems::up_to(limits::MAX_PROBLEMS);
    if let Some(document) = T::LIMITS {
        if let Err(problem) = limits::check_tree(tree, document) {
            return Err(vec![problem]);
        }
    }
    let report = Report::new(limits::MAX_PROBLEMS);
    match T::read(At::collecting(tree, &report)) {
        Ok(mut value) => {
            let checked = value.check(tree, &mut problems);
            match checked.is_ok() && problems.is_empty() {
                true => Ok(value),
                false => Err(in_document_order(tree, problems.into_all())),
            }
        }
        Err(error) => {
            unread(error, &report, &mut problems);
            Err(problems.into_all())
        }
    }
}

/// The checks' problems in the order of the document's text: the checks go field by field in
/// the order they are declared, a file in its own. An insertion sort, stable (at most
/// `MAX_PROBLEMS`): the library's sorts are kilobytes of the widget's wasm.
fn in_document_order(tree: &Json<'_>, mut found: Vec<InputError>) -> Vec<InputError> {
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 && position(tree, &found[j - 1].path) > position(tree, &found[j].path) {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    found
}

/// Where `path` (`a.b[2].c`) is in `tree`, as a number that orders places as the document
/// does: the index of each of its first four steps in its object or list, 16 bits each; a
/// step the document lacks (a default's entry, a key with a dot) sorts after those it has.
fn position(tree: &Json<'_>, path: &str) -> u64 {
    let mut at = Some(tree);
    let mut key = 0;
    for (depth, step) in path.split(['.', '[']).take(4).enumerate() {
        let found = match at {
            Some(Json::Array(items)) => step
                .strip_suffix(']')
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| Some((n, items.get(n)?))),
            Some(Json::Object(fields)) => fields
                .iter()
                .enumerate()
                .find(|(_, (name, _))| name == step)
                .map(|(i, (_, value))| (i, value)),
            _ => None,
        };
        let index = found.map_or(0xFFFF, |(i, _)| i.min(0xFFFE)) as u64;
        key |= index << (48 - 16 * depth);
        at = found.map(|(_, value)| value);
    }
    key
}

/// The problems of a document whose fields did not read: those `report` kept, then `error`
/// unless it is only the mark of them (not generic: one copy for every document type).
fn unread(error: PathError, report: &Report, problems: &mut Problems) {
    let mut kept = report.take();
    if !error.is_kept() {
        kept.push(error);
    }
    // Each taken out in place: no consuming iterator (and its drop) of its own.
    for error in &mut kept {
        let message = std::mem::take(&mut error.message);
        if problems
            .add(error.path.take().unwrap_or_default(), message)
            .is_err()
        {
            break;
        }
    }
}

/// Reads and validates an order from any serde deserializer (a JSON one natively, or one over a
/// JS value): it is read into a JSON tree, then by [`order_from_tree`].
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

/// Reads and validates an order from a JSON tree (the widget builds one from a JS object):
/// [`read_document`] for an order. The tree is first checked against the limits
/// ([`limits`](crate::limits)): the lengths of its lists before any item is read.
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
    read_document(tree)
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
    read_document(tree)
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
    read_document(tree)
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
    read_document(tree)
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
    read_document(tree)
}

/// The document as a JSON tree (anything a JSON document cannot hold is rejected here).
fn tree<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Json<'de>, InputError> {
    Json::deserialize(deserializer).map_err(|e| InputError::new("", message(&e)))
}

/// A deserializer's error as a message. A deserializer over a JS value may give JS `Error`s,
/// whose text starts with `Error: `; that adds nothing after a field path.
fn message(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    match text.strip_prefix("Error: ") {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// `from_json_str` for document types: JSON text read by [`read_document`] (native builds
/// only). Defined here rather than beside the types, so the types stay at the bottom of the
/// engine: order and policy ← validate ← parse, never back.
macro_rules! from_json_str {
    ($($document:ident: $doc:literal,)*) => {$(
        impl $document {
            #[doc = $doc]
            #[cfg(not(target_arch = "wasm32"))]
            pub fn from_json_str(json: &str) -> Result<$document, InputError> {
                read_document(&json_text(json)?)
            }
        }
    )*};
}

from_json_str! {
    Order: "Parses and validates an order from JSON text (native builds only).",
    Policy: "Parses and validates a policy from JSON text (native builds only); absent fields \
        take their defaults.",
    ReturnProposal: "Parses a return proposal from JSON text (native builds only); see \
        [`proposal_from_tree`].",
    Request: "Parses and checks a host request from JSON text (native builds only); see \
        [`request_from_tree`].",
}

/// [`read_document_reporting_all`] of JSON text (native builds only): every problem of the
/// document, in document order, up to [`MAX_PROBLEMS`](crate::limits::MAX_PROBLEMS); text that
/// is not JSON, or too large, is one problem.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help_engine::{read_text_reporting_all, Policy};
/// let problems = read_text_reporting_all::<Policy>(
///     r#"{"return_window_days": 0, "holiday_extension": {"enabled": "yes"}, "time_zone": "Mars"}"#,
/// ).unwrap_err();
/// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
/// assert_eq!(paths, ["return_window_days", "holiday_extension.enabled", "time_zone"]);
/// # }
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn read_text_reporting_all<T: Readable>(json: &str) -> Result<T, Vec<InputError>> {
    read_document_reporting_all(&json_text(json).map_err(|problem| vec![problem])?)
}

/// JSON text as a tree, after checking its size: read by the engine's own reader, which keeps
/// each number's text as written (so messages quote it); malformed JSON is reported by
/// serde_json, with its line and column.
#[cfg(not(target_arch = "wasm32"))]
fn json_text(json: &str) -> Result<Json<'_>, InputError> {
    limits::check_document_size(json.len())?;
    if let Some(tree) = super::json::parse_text(json) {
        return Ok(tree);
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(json) {
        Err(e) => Err(InputError::new("", format!("malformed JSON: {e}"))),
        // The only JSON the engine's reader refuses.
        Ok(_) => Err(InputError::new(
            "",
            format!(
                "expected a document nested at most {} levels deep, found one nested deeper",
                super::json::MAX_DEPTH
            ),
        )),
    }
}

// The readers must agree with serde's derived ones, which serde users still get: every
// scenario's order, policy and request (and a proposal, and a request with every field), and
// every one-edit variant of them (each field removed,
// repeated, or replaced by a value of each kind; an unknown field in each object), read both
// ways, give the same value or the same error.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::borrow::Cow;

    use super::super::json::{self, At, Json};
    use super::super::read::Read;
    use super::*;

    fn replacements() -> Vec<Json<'static>> {
        vec![
            Json::Null,
            Json::Bool(true),
            Json::Int(-1),
            Json::UInt(5),
            Json::UInt(5_000_000_000),
            Json::Float(1.5, "1.5".into()),
            Json::Float(2.0, "2.0".into()),
            Json::Str("x".into()),
            Json::Str("retailer".into()),
            Json::Array(vec![]),
            Json::Array(vec![Json::UInt(1)]),
            Json::Object(vec![]),
            Json::Object(vec![("zzz".into(), Json::UInt(1))]),
        ]
    }

    /// Every variant of `tree` with one edit.
    fn edits(tree: &Json<'static>) -> Vec<Json<'static>> {
        let mut out = Vec::new();
        match tree {
            Json::Object(fields) => {
                let mut extra = fields.clone();
                extra.push((Cow::Borrowed("zzz"), Json::Null));
                out.push(Json::Object(extra));
                for i in 0..fields.len() {
                    let mut removed = fields.clone();
                    removed.remove(i);
                    out.push(Json::Object(removed));
                    let mut repeated = fields.clone();
                    repeated.push(fields[i].clone());
                    out.push(Json::Object(repeated));
                    for value in replacements().into_iter().chain(edits(&fields[i].1)) {
                        let mut changed = fields.clone();
                        changed[i].1 = value;
                        out.push(Json::Object(changed));
                    }
                }
            }
            Json::Array(items) => {
                for i in 0..items.len() {
                    for value in replacements().into_iter().chain(edits(&items[i])) {
                        let mut changed = items.clone();
                        changed[i] = value;
                        out.push(Json::Array(changed));
                    }
                }
            }
            _ => {}
        }
        out
    }

    fn same<T>(tree: &Json<'_>)
    where
        T: Read + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let ours = T::read(At::root(tree));
        let serde = json::deserialize::<T>(tree);
        assert_eq!(ours, serde, "{tree:?}");
    }

    /// Every request among a scenario's cases.
    fn requests<'t>(tree: &'t Json<'static>, found: &mut Vec<&'t Json<'static>>) {
        match tree {
            Json::Object(fields) => {
                for (key, value) in fields {
                    if key == "request" {
                        found.push(value);
                    } else {
                        requests(value, found);
                    }
                }
            }
            Json::Array(items) => items.iter().for_each(|item| requests(item, found)),
            _ => {}
        }
    }

    #[test]
    fn the_readers_agree_with_serde() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios");
        let (mut orders, mut policies, mut request_count) = (0, 0, 0);
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let text: &'static str = Box::leak(text.into_boxed_str());
            let Some(tree) = json::parse_text(text) else {
                continue;
            };
            let Json::Object(doc) = &tree else {
                continue;
            };
            for (key, tree) in doc {
                match &**key {
                    "order" => {
                        orders += 1;
                        same::<Order>(tree);
                        edits(tree).iter().for_each(same::<Order>);
                    }
                    "policy" => {
                        policies += 1;
                        same::<Policy>(tree);
                        edits(tree).iter().for_each(same::<Policy>);
                    }
                    _ => {}
                }
            }
            let mut found = Vec::new();
            requests(&tree, &mut found);
            for request in found {
                request_count += 1;
                same::<Request>(request);
                edits(request).iter().for_each(same::<Request>);
            }
        }
        assert!(
            orders > 20 && policies > 5 && request_count > 10,
            "{orders} orders, {policies} policies, {request_count} requests"
        );
        let full = Json::Object(vec![("withdrawal".into(), Json::Object(vec![]))]);
        edits(&full).iter().for_each(same::<Policy>);
        let customer = json::parse_text(r#"{"name": "Ana", "email": "a@b.c"}"#).unwrap();
        same::<Customer>(&customer);
        edits(&customer).iter().for_each(same::<Customer>);
        let proposal = json::parse_text(
            r#"{"lines": [{"item_id": "A", "quantity": 2, "opened": true}], "reason_id": "other"}"#,
        )
        .unwrap();
        same::<ReturnProposal>(&proposal);
        edits(&proposal).iter().for_each(same::<ReturnProposal>);
        let verdicts = json::parse_text(
            r#"{"kind": "return", "order_id": "O1", "items": [{"item_id": "A", "quantity": 1}],
                "assessed_at": "2025-03-10T12:00:00Z", "verdicts": [
                {"item_id": "A", "cancel": "request", "return": "not_yet", "withdrawal": "expired", "code": "x"}],
                "lines": [{"item_id": "A", "quantity": 1}], "declared_at": "2025-03-10T12:00:00Z",
                "customer": {"name": "Ana", "email": "a@b.c"}, "reason": "r", "comment": "c",
                "idempotency_key": "k"}"#,
        )
        .unwrap();
        same::<Request>(&verdicts);
        edits(&verdicts).iter().for_each(same::<Request>);
    }
}
