//! JSON for order-help, small enough for the widget's wasm: a document as a tree ([`Json`]),
//! JSON text read into it ([`parse_text`]) and written from any `Serialize` value
//! ([`to_text`]), and a view of a value with its path ([`At`]) that reads it either through
//! serde ([`deserialize`], `At` is a `Deserializer`) or field by field (what the engine's
//! document readers do). Every error is a [`PathError`]: the path of the value at fault
//! (`items[2].unit_price`) and a message in one voice, `expected …, found …`, where the found
//! value is worded as the user wrote it (`found 1298.9999999999998`, `found a list`).
//!
//! It does the job of `serde_json::Value` plus `serde_path_to_error` at a fraction of their
//! size in the wasm bundle (see BENCHMARKS.md), which is why it is written by hand: core's
//! float formatting and parsing are left out (numbers keep their text as written), and the
//! deserializer gives each visitor only the kind it asks for. Natively, serde_json can fill
//! the tree too (`Json` is `Deserialize`); the tests check the two against each other.
//!
//! Pure: no I/O, no browser crate; its one dependency is serde.
//!
//! ```
//! use order_help_json::{deserialize, parse_text, to_text};
//! #[derive(Debug, serde::Deserialize, serde::Serialize)]
//! #[serde(deny_unknown_fields)]
//! struct Line { qty: u32 }
//! let tree = parse_text(r#"[{"qty": 2}, {"qty": -1}]"#).unwrap();
//! let error = deserialize::<Vec<Line>>(&tree).unwrap_err();
//! assert_eq!(error.path.as_deref(), Some("[1].qty"));
//! assert_eq!(error.message, "expected a whole number from 0 to 4294967295, found -1");
//! assert_eq!(to_text(&[Line { qty: 2 }]).unwrap(), r#"[{"qty":2}]"#);
//! ```

mod at;
mod error;
mod parse;
mod tree;
mod wording;
mod write;

pub use at::{deserialize, At, Report, Stop, Walk};
pub use error::PathError;
pub use parse::{parse as parse_text, whole_number, MAX_DEPTH};
pub use tree::Json;
pub use wording::{found, number_text};
pub use write::{push_decimal, to_string as to_text, WriteError};

/// JavaScript's largest safe integer (`Number.MAX_SAFE_INTEGER`): whole numbers beyond it are
/// not exact in a JS number, so the tree keeps them as floats and readers refuse them.
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;
