//! `ZonedInstant`: an instant with the store zone's offset at it, for output, and the one way
//! the engine words an instant in English ([`ZonedInstant::in_english`]).

use std::fmt;

use super::civil::LocalDateTime;
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

impl ZonedInstant {
    /// The instant as every English sentence of the engine words it (`assess`'s reasons,
    /// `verify`'s, `preview-return`'s errors): the store's wall clock, seconds only when not
    /// zero, and whose clock it is.
    ///
    /// ```
    /// use order_help_engine::{Instant, ZonedInstant};
    /// let end = ZonedInstant { instant: Instant::from_unix_seconds(1_743_490_799), offset_seconds: -25_200 };
    /// assert_eq!(end.in_english().to_string(), "31 March 2025 at 23:59:59 (store time)");
    /// let at = ZonedInstant { instant: Instant::from_unix_seconds(1_740_849_300), offset_seconds: -25_200 };
    /// assert_eq!(at.in_english().to_string(), "1 March 2025 at 10:15 (store time)");
    /// ```
    pub fn in_english(self) -> InEnglish {
        InEnglish(self)
    }
}

/// [`ZonedInstant::in_english`]: displays `31 March 2025 at 23:59:59 (store time)`.
pub struct InEnglish(ZonedInstant);

impl fmt::Display for InEnglish {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ZonedInstant {
            instant,
            offset_seconds,
        } = self.0;
        let local = LocalDateTime::from_local_seconds(
            instant
                .unix_seconds()
                .saturating_add(i64::from(offset_seconds)),
        );
        let (date, time) = (local.date, local.time);
        write!(
            f,
            "{} {} {} at {:02}:{:02}",
            date.day(),
            date.month_name(),
            date.year(),
            time.hour(),
            time.minute()
        )?;
        if time.second() != 0 {
            write!(f, ":{:02}", time.second())?;
        }
        f.write_str(" (store time)")
    }
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
