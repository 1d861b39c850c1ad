//! Civil (calendar) dates and times, without a time zone.
//!
//! The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>), in `i64` so they cannot overflow
//! for any date the engine accepts.

use std::fmt;

/// Days are clamped to about ±10 000 years around 1970: far beyond any instant the engine
/// represents, and small enough that the year always fits an `i32`.
const MAX_DAYS: i64 = 4_000_000;

/// A calendar date (proleptic Gregorian).
///
/// ```
/// use order_help_engine::Date;
/// let d = Date::new(2025, 2, 28).unwrap();
/// assert_eq!(d.add_days(1), Date::new(2025, 3, 1).unwrap());
/// assert!(Date::new(2025, 2, 29).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if `month` is 1–12 and `day` exists in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (clamped to about ±10 000 years).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days.clamp(-MAX_DAYS, MAX_DAYS) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097); // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11], March-based
        let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
        let year = yoe + era * 400 + i64::from(month <= 2);
        // The clamp above keeps `year` well inside i32; the ranges above keep month and day in u8.
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let m = i64::from(self.month);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400); // [0, 399]
        let mp = if m > 2 { m - 3 } else { m + 9 }; // March-based month [0, 11]
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1; // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
        era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier if negative), clamped like [`Date::from_days_since_epoch`].
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        u8::try_from((self.days_since_epoch() + 4).rem_euclid(7)).unwrap_or(0)
    }

    /// `March`.
    pub(crate) fn month_name(self) -> &'static str {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("?")
    }
}

impl Date {
    /// Parses an ISO 8601 calendar date written `YYYY-MM-DD` (four-digit year), as a policy
    /// writes its public holidays. The error says what was expected and what was found, and
    /// why a well-formed text is no date (`"2026-02-29"`: February 2026 has 28 days).
    ///
    /// ```
    /// use order_help_engine::Date;
    /// assert_eq!(Date::parse("2026-12-25"), Ok(Date::new(2026, 12, 25).unwrap()));
    /// assert!(Date::parse("2026-02-29").unwrap_err().ends_with("February 2026 has 28 days"));
    /// assert!(Date::parse("25.12.2026").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Date, String> {
        let expected = "expected a date written YYYY-MM-DD (e.g. \"2026-12-25\")";
        let bytes = text.as_bytes();
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let digits = bytes.get(range)?;
            digits.iter().try_fold(0u16, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
            })
        };
        let (Some(year), Some(b'-'), Some(month), Some(b'-'), Some(day), 10) = (
            number(0..4),
            bytes.get(4),
            number(5..7),
            bytes.get(7),
            number(8..10),
            bytes.len(),
        ) else {
            return Err(format!("{expected}, found {text:?}"));
        };
        // Two digits each: they fit a u8.
        let (year, month, day) = (
            i32::from(year),
            u8::try_from(month).unwrap_or(0),
            u8::try_from(day).unwrap_or(0),
        );
        if !(1..=12).contains(&month) {
            return Err(format!(
                "{expected}, found {text:?}: there is no month {month}"
            ));
        }
        Date::new(year, month, day).ok_or_else(|| {
            let last = days_in_month(year, month);
            let name = Date {
                year,
                month,
                day: 1,
            }
            .month_name();
            format!("{expected}, found {text:?}: {name} {year} has {last} days")
        })
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Date::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Serialized as its [`Display`](fmt::Display) text, `YYYY-MM-DD`.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `2025-03-31` (years outside 0000–9999 get a sign and more digits).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if (0..=9999).contains(&self.year) {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        } else {
            write!(f, "{:+05}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

/// A time of day, to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: u8,
}

impl Time {
    /// The time, if `hour` < 24, `minute` < 60 and `second` < 60.
    pub fn new(hour: u8, minute: u8, second: u8) -> Option<Time> {
        (hour < 24 && minute < 60 && second < 60).then_some(Time {
            hour,
            minute,
            second,
        })
    }

    /// From seconds since midnight (taken modulo a day).
    pub fn from_seconds_of_day(seconds: i64) -> Time {
        let s = seconds.rem_euclid(86_400);
        Time {
            hour: u8::try_from(s / 3600).unwrap_or(0),
            minute: u8::try_from(s / 60 % 60).unwrap_or(0),
            second: u8::try_from(s % 60).unwrap_or(0),
        }
    }

    pub fn seconds_of_day(self) -> i64 {
        i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
    }

    pub fn hour(self) -> u8 {
        self.hour
    }

    pub fn minute(self) -> u8 {
        self.minute
    }

    pub fn second(self) -> u8 {
        self.second
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}:{:02}", self.hour, self.minute, self.second)
    }
}

/// A local date and time in some zone (what a wall clock there shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    pub date: Date,
    pub time: Time,
}

impl LocalDateTime {
    /// Seconds since 1970-01-01T00:00:00 on the same wall clock.
    pub(crate) fn local_seconds(self) -> i64 {
        self.date.days_since_epoch() * 86_400 + self.time.seconds_of_day()
    }

    pub(crate) fn from_local_seconds(seconds: i64) -> LocalDateTime {
        LocalDateTime {
            date: Date::from_days_since_epoch(seconds.div_euclid(86_400)),
            time: Time::from_seconds_of_day(seconds),
        }
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time)
    }
}

/// The day number (days since 1970-01-01) `days` after `day`, clamped like
/// [`Date::from_days_since_epoch`]: date arithmetic without building the dates.
pub(crate) fn day_after(day: i64, days: i64) -> i64 {
    day.saturating_add(days).clamp(-MAX_DAYS, MAX_DAYS)
}

pub(crate) fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1–12) of `year`; 0 for a month outside 1–12.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_across_four_centuries() {
        let start = Date::new(1600, 1, 1).unwrap().days_since_epoch();
        let mut expected = Date::new(1600, 1, 1).unwrap();
        for days in start..start + 146_097 + 366 {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date, expected, "day {days}");
            assert_eq!(date.days_since_epoch(), days);
            // The next date, counted by hand.
            expected = if expected.day < days_in_month(expected.year, expected.month) {
                Date {
                    day: expected.day + 1,
                    ..expected
                }
            } else if expected.month < 12 {
                Date {
                    month: expected.month + 1,
                    day: 1,
                    ..expected
                }
            } else {
                Date {
                    year: expected.year + 1,
                    month: 1,
                    day: 1,
                }
            };
        }
    }

    #[test]
    fn known_days() {
        let cases = [
            ((1970, 1, 1), 0),
            ((2000, 3, 1), 11_017),
            ((2025, 3, 31), 20_178),
            ((1969, 12, 31), -1),
        ];
        for ((y, m, d), days) in cases {
            assert_eq!(Date::new(y, m, d).unwrap().days_since_epoch(), days);
        }
        assert_eq!(Date::new(2025, 3, 9).unwrap().weekday(), 0); // a Sunday
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2024, 2, 29).is_some());
        for (y, m, d) in [
            (2025, 2, 29),
            (2025, 4, 31),
            (2025, 13, 1),
            (2025, 0, 1),
            (2025, 1, 0),
        ] {
            assert!(Date::new(y, m, d).is_none(), "{y}-{m}-{d}");
        }
        assert!(Time::new(24, 0, 0).is_none());
        assert!(Time::new(23, 60, 0).is_none());
        assert!(Time::new(23, 59, 60).is_none());
    }

    #[test]
    fn clamps_instead_of_overflowing() {
        let far = Date::from_days_since_epoch(i64::MAX);
        assert_eq!(far, Date::from_days_since_epoch(MAX_DAYS));
        assert_eq!(
            Date::new(2025, 1, 1).unwrap().add_days(i64::MIN).year(),
            Date::from_days_since_epoch(-MAX_DAYS).year()
        );
    }
}
