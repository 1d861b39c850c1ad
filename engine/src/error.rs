//! `InputError`: what was wrong with a document, and where; `Sink`: where the checks put
//! them, every one up to a cap ([`Problems`]).

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

/// Where the checks put the problems of a document ([`Problems`]: both
/// [`crate::read_document`], which reports the first in the document's order, and
/// [`crate::read_document_reporting_all`]).
pub trait Sink {
    /// Adds a problem: the path of the field at fault and what was expected and found.
    /// `Err(Full)` once the sink holds as many as it takes, and the checks stop there.
    #[inline(always)]
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) -> Result<(), Full> {
        self.put(InputError::new(path, message))
    }

    /// [`Sink::add`] of a made problem (not generic: one copy per sink).
    fn put(&mut self, problem: InputError) -> Result<(), Full>;
}

/// Every problem up to a cap, in the order found.
#[derive(Debug)]
pub struct Problems {
    found: Vec<InputError>,
    cap: usize,
}

/// The checks are to stop: the [`Sink`] holds as many as it takes.
#[derive(Debug)]
pub struct Full;

impl Problems {
    /// Takes at most `cap` problems (at least one).
    pub fn up_to(cap: usize) -> Problems {
        Problems {
            found: Vec::new(),
            cap: cap.max(1),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Every problem found, in order.
    pub fn into_all(self) -> Vec<InputError> {
        self.found
    }
}

impl Sink for Problems {
    fn put(&mut self, problem: InputError) -> Result<(), Full> {
        if self.found.len() < self.cap {
            self.found.push(problem);
        }
        match self.found.len() < self.cap {
            true => Ok(()),
            false => Err(Full),
        }
    }
}
