//! [`PathError`]: what was wrong and where, and the path it is written with.

use std::fmt;

use serde::de::{self, Unexpected};

use super::wording::{alternatives, describe, expecting, one_of};

/// An error while reading the tree: the path of the value it is about (`items[2].unit_price`;
/// `None` or empty: the document itself) and a message saying what was expected and what was
/// found. `Display` writes the message alone (a caller writes the path its own way).
#[derive(Debug, PartialEq, Eq)]
pub struct PathError {
    pub path: Option<String>,
    pub message: String,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathError {}

impl de::Error for PathError {
    fn custom<T: fmt::Display>(message: T) -> PathError {
        PathError {
            path: None,
            message: message.to_string(),
        }
    }

    // Overridden so that every message is in the project's voice (expected …, found …) rather
    // than serde's, and numbers are written without core's float formatting (14 KB of wasm).
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> PathError {
        PathError::custom(format_args!(
            "expected {}, found {}",
            expecting(expected),
            describe(unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> PathError {
        PathError::invalid_type(unexpected, expected)
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> PathError {
        PathError::custom(format_args!(
            "expected {}, found {len} entries",
            expecting(expected)
        ))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> PathError {
        PathError::custom(format_args!(
            "expected {}, found {variant:?}",
            one_of(expected)
        ))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> PathError {
        let fields = match expected {
            [] => "no fields".to_owned(),
            [one] => format!("only the field {one:?}"),
            _ => format!("one of the fields {}", alternatives(expected)),
        };
        PathError::custom(format_args!(
            "expected {fields}, found the unknown field {field:?}"
        ))
    }

    fn missing_field(field: &'static str) -> PathError {
        PathError::custom(format_args!("expected the field {field:?}, found none"))
    }

    fn duplicate_field(field: &'static str) -> PathError {
        PathError::custom(format_args!(
            "expected the field {field:?} once, found it twice"
        ))
    }
}

/// Where a value is: the root, a field of an object, or an element of an array.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

impl PathError {
    /// The mark a walk that goes on past errors fails with once its errors are in its
    /// [`Report`](crate::Report): the reader above knows the value could not be read, and the
    /// report says why. Its message is empty, as no real error's is.
    pub fn kept() -> PathError {
        PathError {
            path: None,
            message: String::new(),
        }
    }

    /// Whether this is the [`kept`](PathError::kept) mark.
    pub fn is_kept(&self) -> bool {
        self.message.is_empty()
    }

    /// Gives the error the path of the innermost value it came from (the first one to claim it).
    pub(crate) fn at(mut self, path: &Path<'_>) -> PathError {
        if self.path.is_none() {
            self.path = Some(path.to_string());
        }
        self
    }
}
