//! `Instant`: a point in time, in whole seconds.

use std::fmt;

use super::civil::LocalDateTime;
use super::rfc3339;
use crate::error::InputError;

/// A point in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// Always between [`Instant::MIN`] (0000-01-01T00:00:00Z) and [`Instant::MAX`]
/// (9999-12-31T23:59:59Z): the constructors clamp, so arithmetic on instants never overflows.
///
/// ```
/// use order_help_engine::Instant;
/// let t = Instant::parse_rfc3339("2025-03-01T14:00:00.9-08:00").unwrap();
/// assert_eq!(t, Instant::from_unix_seconds(1_740_866_400));
/// assert_eq!(Instant::from_unix_millis(1_740_866_400_999.0), t);
/// assert_eq!(t.to_string(), "2025-03-01T22:00:00Z");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(type = "string"))]
pub struct Instant(i64);

impl Instant {
    /// 0000-01-01T00:00:00Z, the earliest instant RFC 3339 can write.
    pub const MIN: Instant = Instant(-62_167_219_200);
    /// 9999-12-31T23:59:59Z, the latest instant RFC 3339 can write.
    pub const MAX: Instant = Instant(253_402_300_799);
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Instant = Instant(0);

    /// The instant `seconds` after the Unix epoch, clamped to [`Instant::MIN`]..=[`Instant::MAX`].
    pub fn from_unix_seconds(seconds: i64) -> Instant {
        Instant(seconds.clamp(Self::MIN.0, Self::MAX.0))
    }

    /// The instant `millis` milliseconds after the Unix epoch (what JavaScript's `Date.now()`
    /// returns), floored to the whole second. Clamped like [`Instant::from_unix_seconds`]; NaN
    /// gives the epoch (callers with untrusted numbers should check `is_finite` first).
    pub fn from_unix_millis(millis: f64) -> Instant {
        // `as` saturates (and maps NaN to 0), and the clamp does the rest.
        Instant::from_unix_seconds((millis / 1000.0).floor() as i64)
    }

    /// Parses an RFC 3339 timestamp, which must carry an offset (`Z` or `±hh:mm`).
    /// Fractional seconds are accepted and floored.
    ///
    /// The error has an empty `path`; it says what was expected and what was found.
    pub fn parse_rfc3339(text: &str) -> Result<Instant, InputError> {
        rfc3339::parse(text).map_err(|message| InputError::new("", message))
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// `self + seconds`, clamped to the representable range.
    pub fn saturating_add_seconds(self, seconds: i64) -> Instant {
        Instant::from_unix_seconds(self.0.saturating_add(seconds))
    }

    /// `self + seconds`, or `None` outside the representable range.
    pub fn checked_add_seconds(self, seconds: i64) -> Option<Instant> {
        let t = self.0.checked_add(seconds)?;
        (Self::MIN.0..=Self::MAX.0)
            .contains(&t)
            .then_some(Instant(t))
    }
}

/// RFC 3339 in UTC: `2025-03-01T22:00:00Z`.
impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Z", LocalDateTime::from_local_seconds(self.0))
    }
}

/// Reads an RFC 3339 timestamp string (for `placed_at`, `shipped_at`, …).
impl<'de> serde::Deserialize<'de> for Instant {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Instant;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp string with an offset, like \"2025-03-01T14:00:00-08:00\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Instant, E> {
                rfc3339::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Writes the instant as RFC 3339 in UTC.
impl serde::Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_to_the_rfc3339_range() {
        assert_eq!(Instant::from_unix_seconds(i64::MAX), Instant::MAX);
        assert_eq!(Instant::from_unix_seconds(i64::MIN), Instant::MIN);
        assert_eq!(Instant::MAX.to_string(), "9999-12-31T23:59:59Z");
        assert_eq!(Instant::MIN.to_string(), "0000-01-01T00:00:00Z");
        assert_eq!(Instant::MAX.saturating_add_seconds(1), Instant::MAX);
        assert_eq!(Instant::MAX.checked_add_seconds(1), None);
        assert_eq!(Instant::MIN.checked_add_seconds(-1), None);
        assert_eq!(
            Instant::UNIX_EPOCH.checked_add_seconds(-1),
            Some(Instant(-1))
        );
    }

    #[test]
    fn millis_are_floored() {
        let cases = [
            (0.0, 0),
            (999.0, 0),
            (1000.0, 1),
            (-1.0, -1),
            (-1000.0, -1),
            (-1001.0, -2),
            (1_740_866_400_999.9, 1_740_866_400),
        ];
        for (millis, seconds) in cases {
            assert_eq!(
                Instant::from_unix_millis(millis).unix_seconds(),
                seconds,
                "{millis}"
            );
        }
        assert_eq!(Instant::from_unix_millis(f64::NAN), Instant::UNIX_EPOCH);
        assert_eq!(Instant::from_unix_millis(f64::INFINITY), Instant::MAX);
        assert_eq!(Instant::from_unix_millis(f64::NEG_INFINITY), Instant::MIN);
    }
}
