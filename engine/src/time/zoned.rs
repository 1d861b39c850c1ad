//! `ZonedInstant`: an instant with the store zone's offset at it, for output.

use std::fmt;

use super::instant::Instant;
use super::rfc3339;

/// An instant and the store zone's offset at it. Serialized as RFC 3339 with that offset
/// (`2025-03-31T23:59:59-07:00`); Rust callers use `.instant`.
///
/// ```
/// use order_help_engine::{Instant, ZonedInstant};
/// let z = ZonedInstant { instant: Instant::from_unix_seconds(1_743_490_799), offset_seconds: -25_200 };
/// assert_eq!(z.to_string(), "2025-03-31T23:59:59-07:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(type = "string"))]
pub struct ZonedInstant {
    pub instant: Instant,
    /// Seconds east of UTC.
    pub offset_seconds: i32,
}

impl fmt::Display for ZonedInstant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&rfc3339::format(self.instant, self.offset_seconds))
    }
}

impl serde::Serialize for ZonedInstant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
