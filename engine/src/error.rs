//! `InputError`: what was wrong with an order or a policy, and where.

use std::fmt;

/// A rejected input: the field path (`items[2].unit_price`; empty for the document itself)
/// and a message saying what was expected and what was found.
///
/// ```
/// use order_help_engine::InputError;
/// let e = InputError::new("items[2].shipment", "expected the id of one of the order's shipments (\"S1\"), found \"S9\"");
/// assert_eq!(e.to_string(), "items[2].shipment: expected the id of one of the order's shipments (\"S1\"), found \"S9\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for InputError {}
