//! `StoreZone`: the store's time zone, in which return windows are counted.

use std::cell::Cell;
use std::fmt;

use super::civil::{day_after, Date, LocalDateTime, Time};
use super::instant::Instant;
use super::posix_rule::{OffsetSpan, PosixRule};
use super::zoned::ZonedInstant;
use super::zones;

/// Transitions of one zone since `zones::HISTORY_FROM` that its POSIX rule does not predict
/// (generated; see `scripts/gen-zones.py`).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ZoneHistory {
    pub(crate) zone: &'static str,
    /// The offset at `HISTORY_FROM`.
    pub(crate) initial: i32,
    /// (seconds since `HISTORY_FROM`, offset from then on), ascending.
    pub(crate) transitions: &'static [(u32, i32)],
    /// Seconds since `HISTORY_FROM` from which the rule is right again.
    pub(crate) until: u32,
}

/// The store's time zone: an IANA name resolved through the engine's built-in table to a POSIX
/// TZ rule (plus, for a few zones, the transitions since 2020 that the rule does not predict),
/// or a POSIX TZ rule given directly. Offsets are exact from 2020 on; earlier instants use the
/// zone's current rule.
///
/// ```
/// use order_help_engine::{Date, Instant, StoreZone, Time};
/// let zone = StoreZone::resolve("America/Los_Angeles").unwrap();
/// let delivered = Instant::parse_rfc3339("2025-03-01T14:00:00-08:00").unwrap();
/// let day = zone.to_civil(delivered).date.add_days(30);
/// assert_eq!(zone.format_rfc3339(zone.end_of_day(day)), "2025-03-31T23:59:59-07:00");
///
/// let direct = StoreZone::resolve("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
/// assert_eq!(direct.offset_at(delivered), 3600);
/// assert!(StoreZone::resolve("Mars/Olympus_Mons").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(type = "string"))]
pub struct StoreZone {
    name: String,
    rule: PosixRule,
    history: Option<&'static ZoneHistory>,
}

/// Which instant `StoreZone::local_to_unix` picks when a wall-clock time is ambiguous or
/// skipped.
#[derive(Clone, Copy)]
enum Disambiguation {
    /// Overlap: the earlier instant. Gap: shifted forward by the gap's length (like jiff's and
    /// Temporal's "compatible").
    Compatible,
    /// Overlap: the earlier instant. Gap: the first instant after the gap (the start of a day
    /// whose midnight is skipped).
    EarliestAfterGap,
}

impl StoreZone {
    /// Resolves a time zone: an IANA name from the built-in table (exact, else ignoring ASCII
    /// case), which holds every name of the tz database (zones, `backward` links such as
    /// `Europe/Amsterdam` or `US/Pacific`, and `Etc/*`), else a POSIX TZ rule. The error says what was expected and what was found.
    pub fn resolve(name: &str) -> Result<StoreZone, String> {
        if let Some((known, zone, rule)) = lookup(name) {
            if let Ok(rule) = PosixRule::parse(rule) {
                let history = zones::HISTORY.iter().find(|h| h.zone == zone);
                // A link keeps its own name (Europe/Amsterdam, not Europe/Brussels).
                return Ok(StoreZone {
                    name: known.to_owned(),
                    rule,
                    history,
                });
            }
        }
        match PosixRule::parse(name) {
            Ok(rule) => Ok(StoreZone {
                name: name.to_owned(),
                rule,
                history: None,
            }),
            Err(posix_error) => {
                let mut message = format!(
                    "expected an IANA time zone name the engine knows (e.g. \"America/Los_Angeles\") \
                     or a POSIX TZ rule (e.g. \"PST8PDT,M3.2.0,M11.1.0\"), found {name:?}"
                );
                // Say what is wrong with it only if it was meant as a rule.
                if !name.contains('/') && name.bytes().any(|b| b.is_ascii_digit()) {
                    message.push_str(&format!(" ({posix_error})"));
                }
                Err(message)
            }
        }
    }

    /// Coordinated Universal Time.
    pub fn utc() -> StoreZone {
        StoreZone {
            name: "UTC".to_owned(),
            rule: PosixRule::fixed(0),
            history: None,
        }
    }

    /// The IANA names of the built-in table (zones and links), sorted.
    pub fn known_names() -> impl Iterator<Item = &'static str> {
        let mut names: Vec<&'static str> = entries().collect();
        names.sort_unstable();
        names.into_iter()
    }

    /// The tzdata release the built-in table was generated from.
    pub fn tzdata_version() -> &'static str {
        zones::TZDATA_VERSION
    }

    /// The zone's name: the IANA name, or the POSIX rule if it was given directly.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The offset from UTC at `instant`, in seconds east of UTC.
    pub fn offset_at(&self, instant: Instant) -> i32 {
        self.span_at(instant.unix_seconds()).offset
    }

    /// The local date and time at `instant`.
    pub fn to_civil(&self, instant: Instant) -> LocalDateTime {
        self.cached().to_civil(instant)
    }

    /// The instant a wall clock in this zone shows `date` `time`. When that time occurs twice
    /// (the clocks went back), the earlier instant; when it is skipped (the clocks went
    /// forward), the instant it would be without the change, i.e. shifted forward by the gap
    /// (02:30 on a spring-forward night in Los Angeles is 03:30 PDT), like jiff's and
    /// Temporal's "compatible" disambiguation.
    pub fn from_local(&self, date: Date, time: Time) -> Instant {
        let local = LocalDateTime { date, time }.local_seconds();
        Instant::from_unix_seconds(
            self.cached()
                .local_to_unix(local, Disambiguation::Compatible),
        )
    }

    /// The last second whose local date is `date`: normally 23:59:59 local. (Precisely: one
    /// second before the next day starts, so a day whose end is skipped or repeated by a clock
    /// change still ends at its last second.)
    pub fn end_of_day(&self, date: Date) -> Instant {
        self.cached().end_of_day(date)
    }

    /// `instant` as RFC 3339 with this zone's offset: `2025-03-31T23:59:59-07:00`.
    pub fn format_rfc3339(&self, instant: Instant) -> String {
        self.zoned(instant).to_string()
    }

    /// `instant` with this zone's offset at it.
    pub fn zoned(&self, instant: Instant) -> ZonedInstant {
        ZonedInstant {
            instant,
            offset_seconds: self.offset_at(instant),
        }
    }

    /// This zone, remembering the offsets it looks up: for work that converts many instants.
    pub(crate) fn cached(&self) -> CachedZone<'_> {
        CachedZone {
            zone: self,
            spans: Default::default(),
        }
    }

    /// The offset at `unix` (within the range of `Instant`), and the span of instants around
    /// it that have the same one.
    fn span_at(&self, unix: i64) -> OffsetSpan {
        let Some(history) = self.history else {
            return self.rule.span_at(unix);
        };
        let (start, end) = (
            zones::HISTORY_FROM,
            zones::HISTORY_FROM + i64::from(history.until),
        );
        if !(start..end).contains(&unix) {
            // The rule, but only outside the history's range.
            let mut span = self.rule.span_at(unix);
            if unix < start {
                span.until = span.until.min(start);
            } else {
                span.from = span.from.max(end);
            }
            return span;
        }
        let since = unix - start;
        let after = history
            .transitions
            .partition_point(|&(at, _)| i64::from(at) <= since);
        let previous = after
            .checked_sub(1)
            .and_then(|i| history.transitions.get(i));
        let next = history.transitions.get(after);
        OffsetSpan {
            from: previous.map_or(start, |&(at, _)| start + i64::from(at)),
            until: next.map_or(end, |&(at, _)| (start + i64::from(at)).min(end)),
            offset: previous.map_or(history.initial, |&(_, offset)| offset),
        }
    }
}

/// A [`StoreZone`] that remembers the last few spans of constant offset it looked up. An
/// assessment converts several instants per item, nearly all within a few months of each
/// other, and working out a DST rule's six nearby transitions again for each was half of the
/// engine's time. It lives as long as one computation (one `assess`, or one public `StoreZone`
/// call): the engine keeps no state between calls.
pub(crate) struct CachedZone<'a> {
    zone: &'a StoreZone,
    /// The most recently computed first.
    spans: [Cell<OffsetSpan>; 4],
}

impl CachedZone<'_> {
    /// See [`StoreZone::to_civil`].
    pub(crate) fn to_civil(&self, instant: Instant) -> LocalDateTime {
        let offset = self.offset_at_unix(instant.unix_seconds());
        LocalDateTime::from_local_seconds(instant.unix_seconds() + i64::from(offset))
    }

    /// See [`StoreZone::end_of_day`].
    pub(crate) fn end_of_day(&self, date: Date) -> Instant {
        self.end_of_local_day(date.days_since_epoch())
    }

    /// The local date at `instant` as a day number (days since 1970-01-01): what
    /// `to_civil(instant).date.days_since_epoch()` is, without building the date.
    pub(crate) fn local_day(&self, instant: Instant) -> i64 {
        let unix = instant.unix_seconds();
        day_after(
            (unix + i64::from(self.offset_at_unix(unix))).div_euclid(86_400),
            0,
        )
    }

    /// [`CachedZone::end_of_day`] of the date with day number `day`.
    pub(crate) fn end_of_local_day(&self, day: i64) -> Instant {
        let next_midnight = day_after(day, 1) * 86_400;
        // Clamped only after subtracting: a day ending past the representable range ends at
        // `Instant::MAX`, not a second before it.
        Instant::from_unix_seconds(
            self.local_to_unix(next_midnight, Disambiguation::EarliestAfterGap) - 1,
        )
    }

    /// See [`StoreZone::zoned`].
    pub(crate) fn zoned(&self, instant: Instant) -> ZonedInstant {
        ZonedInstant {
            instant,
            offset_seconds: self.offset_at_unix(instant.unix_seconds()),
        }
    }

    /// The offset at `unix`, clamped to the range of `Instant` like `StoreZone::offset_at`.
    fn offset_at_unix(&self, unix: i64) -> i32 {
        let unix = Instant::from_unix_seconds(unix).unix_seconds();
        if let Some(span) = self.spans.iter().map(Cell::get).find(|s| s.contains(unix)) {
            return span.offset;
        }
        let span = self.zone.span_at(unix);
        for i in (1..self.spans.len()).rev() {
            self.spans[i].set(self.spans[i - 1].get());
        }
        self.spans[0].set(span);
        span.offset
    }

    /// The Unix seconds of `local` seconds on this zone's wall clock (since its
    /// 1970-01-01T00:00:00), not clamped to the range of `Instant`.
    fn local_to_unix(&self, local: i64, how: Disambiguation) -> i64 {
        // The offsets a day either side: a wall-clock time can only map through one of them
        // (zones change their offset at most once in two days).
        let before = self.offset_at_unix(local - 86_400);
        let after = self.offset_at_unix(local + 86_400);
        let fits = |offset: i32| {
            let unix = local - i64::from(offset);
            (self.offset_at_unix(unix) == offset).then_some(unix)
        };
        match (fits(before), fits(after)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => match how {
                Disambiguation::Compatible => local - i64::from(before),
                Disambiguation::EarliestAfterGap => self
                    .first_instant_with_offset(local - i64::from(after), local - i64::from(before)),
            },
        }
    }

    /// In a gap: the first instant in `(low, high]` whose offset differs from `low`'s (the
    /// transition), by bisection; `high` if there is none.
    fn first_instant_with_offset(&self, low: i64, high: i64) -> i64 {
        let old = self.offset_at_unix(low);
        let (mut lo, mut hi) = (low, high.max(low));
        if self.offset_at_unix(hi) == old {
            return high;
        }
        // Invariant: offset(lo) == old, offset(hi) != old.
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.offset_at_unix(mid) == old {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    }
}

/// America/Los_Angeles, the default store zone.
impl Default for StoreZone {
    fn default() -> StoreZone {
        StoreZone::resolve("America/Los_Angeles").unwrap_or_else(|_| StoreZone::utc())
    }
}

impl fmt::Display for StoreZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// Reads an IANA name or a POSIX rule.
impl<'de> serde::Deserialize<'de> for StoreZone {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = StoreZone;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time zone name string, like \"America/Los_Angeles\"")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<StoreZone, E> {
                StoreZone::resolve(name).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Writes the zone's name.
impl serde::Serialize for StoreZone {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

/// The table's groups: (the index of their rule, the names: the first holds the rule and the
/// history, the others are its links).
fn groups() -> impl Iterator<Item = (&'static str, std::str::Split<'static, char>)> {
    zones::ZONES.lines().filter_map(|line| {
        let mut names = line.split(' ');
        Some((names.next()?, names))
    })
}

/// Every name of the table, in table order (not sorted).
fn entries() -> impl Iterator<Item = &'static str> {
    groups().flat_map(|(_, names)| names)
}

/// (the name as the table writes it, the name whose rule and history it has, its rule).
fn lookup(name: &str) -> Option<(&'static str, &'static str, &'static str)> {
    find(|known| known == name).or_else(|| find(|known| known.eq_ignore_ascii_case(name)))
}

fn find(matches: impl Fn(&str) -> bool) -> Option<(&'static str, &'static str, &'static str)> {
    groups().find_map(|(index, mut names)| {
        let zone = names.clone().next()?;
        let known = names.find(|known| matches(known))?;
        let rule = zones::RULES.get(index.parse::<usize>().ok()?).copied()?;
        Some((known, zone, rule))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        Instant::parse_rfc3339(text).unwrap()
    }

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn time(h: u8, m: u8, s: u8) -> Time {
        Time::new(h, m, s).unwrap()
    }

    #[test]
    fn the_documented_dst_example() {
        let zone = StoreZone::resolve("America/Los_Angeles").unwrap();
        let delivered = at("2025-03-01T14:00:00-08:00");
        let local = zone.to_civil(delivered);
        assert_eq!(local.date, date(2025, 3, 1));
        assert_eq!(local.time, time(14, 0, 0));
        assert_eq!(
            zone.format_rfc3339(zone.end_of_day(local.date.add_days(30))),
            "2025-03-31T23:59:59-07:00"
        );
    }

    #[test]
    fn gaps_shift_forward_and_overlaps_take_the_earlier() {
        let zone = StoreZone::resolve("America/Los_Angeles").unwrap();
        // 2025-03-09 02:30 does not exist in Los Angeles.
        assert_eq!(
            zone.from_local(date(2025, 3, 9), time(2, 30, 0)),
            at("2025-03-09T03:30:00-07:00")
        );
        assert_eq!(
            zone.from_local(date(2025, 3, 9), time(1, 59, 59)),
            at("2025-03-09T01:59:59-08:00")
        );
        assert_eq!(
            zone.from_local(date(2025, 3, 9), time(3, 0, 0)),
            at("2025-03-09T03:00:00-07:00")
        );
        // 2025-11-02 01:30 happens twice.
        assert_eq!(
            zone.from_local(date(2025, 11, 2), time(1, 30, 0)),
            at("2025-11-02T01:30:00-07:00")
        );
        assert_eq!(
            zone.from_local(date(2025, 11, 2), time(2, 0, 0)),
            at("2025-11-02T02:00:00-08:00")
        );
    }

    #[test]
    fn end_of_day_when_midnight_is_skipped_or_repeated() {
        // Santiago skips 2025-09-07 00:00–00:59: 6 September still ends at 23:59:59 -04:00.
        let santiago = StoreZone::resolve("America/Santiago").unwrap();
        assert_eq!(
            santiago.format_rfc3339(santiago.end_of_day(date(2025, 9, 6))),
            "2025-09-06T23:59:59-04:00"
        );
        // and repeats 2025-04-05 23:00–23:59: 5 April ends at the second 23:59:59 (-04:00).
        assert_eq!(
            santiago.format_rfc3339(santiago.end_of_day(date(2025, 4, 5))),
            "2025-04-05T23:59:59-04:00"
        );
        // A rule whose gap straddles midnight (23:30 → 00:30): the day ends before the gap.
        let odd = StoreZone::resolve("<-03>3<-02>,M9.1.0/23:30,M4.1.0/2").unwrap();
        assert_eq!(
            odd.format_rfc3339(odd.end_of_day(date(2025, 9, 7))),
            "2025-09-07T23:29:59-03:00"
        );
    }

    #[test]
    fn a_day_ending_past_the_range_ends_at_the_last_instant() {
        // Found by the property tests: 9999-12-31 in a zone west of UTC ends after
        // 9999-12-31T23:59:59Z, so its end is the last representable instant, never before it.
        let west = StoreZone::resolve("<-02>2").unwrap();
        assert_eq!(west.end_of_day(date(9999, 12, 31)), Instant::MAX);
        assert_eq!(
            west.end_of_day(date(9999, 12, 30)),
            at("9999-12-30T23:59:59-02:00")
        );
        let east = StoreZone::resolve("<+02>-2").unwrap();
        assert_eq!(
            east.end_of_day(date(9999, 12, 31)),
            at("9999-12-31T21:59:59Z")
        );
    }

    #[test]
    fn resolves_names_links_and_rules() {
        assert_eq!(
            StoreZone::resolve("america/los_angeles").unwrap().name(),
            "America/Los_Angeles"
        );
        for name in [
            "UTC",
            "US/Pacific",
            "US/Eastern",
            "US/Central",
            "US/Mountain",
            "Europe/Kiev",
        ] {
            assert_eq!(
                StoreZone::resolve(name).map(|z| z.name().to_owned()),
                Ok(name.to_owned())
            );
        }
        assert_eq!(
            StoreZone::resolve("<+0530>-5:30")
                .unwrap()
                .offset_at(Instant::UNIX_EPOCH),
            19_800
        );
        assert_eq!(StoreZone::default().name(), "America/Los_Angeles");
        let err = StoreZone::resolve("Europe/Atlantis").unwrap_err();
        assert!(err.contains("found \"Europe/Atlantis\""), "{err}");
        let err = StoreZone::resolve("PST8PDT,M3.2.0").unwrap_err();
        assert!(err.contains("before the daylight time's end"), "{err}");
    }

    #[test]
    fn every_table_entry_parses() {
        let mut count = 0;
        for name in entries() {
            // Every name resolves to its group's rule.
            let (_, _, rule) = lookup(name).unwrap_or_else(|| panic!("{name}: dangling alias"));
            assert!(PosixRule::parse(rule).is_ok(), "{name}: {rule}");
            count += 1;
        }
        assert!(count > 590, "{count}");
        for history in zones::HISTORY {
            assert!(
                lookup(history.zone).is_some_and(|(_, zone, _)| zone == history.zone),
                "{}",
                history.zone
            );
            assert!(
                history.transitions.windows(2).all(|w| w[0].0 < w[1].0),
                "{}",
                history.zone
            );
        }
    }
}
