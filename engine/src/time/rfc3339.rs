//! RFC 3339 timestamps: strict parsing (an offset is required) and formatting with an offset.

use super::civil::{days_in_month, Date, LocalDateTime, Time};
use super::instant::Instant;

const EXAMPLE: &str = "\"2025-03-01T14:00:00-08:00\"";

/// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`; `t` or a space may replace `T` and `z`
/// may replace `Z` (RFC 3339 § 5.6). Fractional seconds are floored. The error says what was
/// expected, where, and what was found.
pub(super) fn parse(text: &str) -> Result<Instant, String> {
    if text.is_empty() {
        return Err(format!(
            "expected an RFC 3339 timestamp with an offset, like {EXAMPLE}, found an empty string"
        ));
    }
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let year = p.number(4, "a four-digit year")?;
    p.literal(b"-", "\"-\" after the year")?;
    let month = p.number(2, "a two-digit month")?;
    p.literal(b"-", "\"-\" after the month")?;
    let day = p.number(2, "a two-digit day")?;
    p.literal(b"Tt ", "\"T\" between the date and the time")?;
    let hour = p.number(2, "a two-digit hour")?;
    p.literal(b":", "\":\" after the hour")?;
    let minute = p.number(2, "two-digit minutes")?;
    p.literal(b":", "\":\" after the minutes")?;
    let second = p.number(2, "two-digit seconds")?;
    if p.peek() == Some(b'.') {
        p.pos += 1;
        let digits = p.digits();
        if digits == 0 {
            return Err(p.expected("digits after the decimal point"));
        }
    }
    let offset = p.offset()?;
    if p.pos != p.bytes.len() {
        return Err(p.expected("the end of the timestamp"));
    }

    let year = i32::try_from(year).unwrap_or(i32::MAX);
    let month_u8 = u8::try_from(month).unwrap_or(u8::MAX);
    // Only for the error messages, so written only for one.
    let quoted = Quoted(text);
    if !(1..=12).contains(&month) {
        return Err(format!(
            "expected a month from 01 to 12 in {quoted}, found {month:02}"
        ));
    }
    let last_day = days_in_month(year, month_u8);
    if day == 0 || day > u32::from(last_day) {
        return Err(format!(
            "expected a day from 01 to {last_day} ({year:04}-{month:02} has {last_day} days) in {quoted}, found {day:02}"
        ));
    }
    if hour > 23 {
        return Err(format!(
            "expected an hour from 00 to 23 in {quoted}, found {hour:02}"
        ));
    }
    if minute > 59 {
        return Err(format!(
            "expected minutes from 00 to 59 in {quoted}, found {minute:02}"
        ));
    }
    if second > 59 {
        return Err(format!(
            "expected seconds from 00 to 59 in {quoted} (leap seconds are not supported), found {second:02}"
        ));
    }
    let (date, time) = match (
        Date::new(year, month_u8, u8::try_from(day).unwrap_or(0)),
        Time::new(
            u8::try_from(hour).unwrap_or(u8::MAX),
            u8::try_from(minute).unwrap_or(u8::MAX),
            u8::try_from(second).unwrap_or(u8::MAX),
        ),
    ) {
        (Some(date), Some(time)) => (date, time),
        // Unreachable after the checks above; kept as an error rather than a panic.
        _ => return Err(format!("expected a valid date and time in {quoted}")),
    };
    let unix = LocalDateTime { date, time }.local_seconds() - i64::from(offset);
    match Instant::UNIX_EPOCH.checked_add_seconds(unix) {
        Some(instant) => Ok(instant),
        None => Err(format!(
            "expected an instant from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, found {quoted}"
        )),
    }
}

/// `2025-03-31T23:59:59-07:00`: the wall-clock time at `offset_seconds` east of UTC. An offset
/// that is not whole minutes (RFC 3339 cannot write one) is truncated to whole minutes.
pub(super) fn format(instant: Instant, offset_seconds: i32) -> String {
    let minutes = (offset_seconds / 60).clamp(-(24 * 60 - 1), 24 * 60 - 1);
    let local = LocalDateTime::from_local_seconds(instant.unix_seconds() + i64::from(minutes) * 60);
    let sign = if minutes < 0 { '-' } else { '+' };
    let abs = minutes.unsigned_abs();
    let (date, time) = (local.date, local.time);
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // An offset at either end of the range: `Date`'s own sign and width.
        return format!("{local}{sign}{:02}:{:02}", abs / 60, abs % 60);
    }
    // By hand: every instant in the output is written, and `format!` was a good part of that.
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let year = year.unsigned_abs();
    let mut text = String::with_capacity(25);
    for place in [1000, 100, 10, 1] {
        text.push(digit(year / place));
    }
    let fields = [
        ('-', u32::from(date.month())),
        ('-', u32::from(date.day())),
        ('T', u32::from(time.hour())),
        (':', u32::from(time.minute())),
        (':', u32::from(time.second())),
        (sign, abs / 60),
        (':', abs % 60),
    ];
    for (separator, n) in fields {
        text.push(separator);
        text.push(digit(n / 10));
        text.push(digit(n));
    }
    text
}

/// Writes the input quoted, for an error message (cut short if long).
struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MAX: usize = 40;
        match self.0.char_indices().nth(MAX) {
            Some((cut, _)) => write!(f, "{:?}…", &self.0[..cut]),
            None => write!(f, "{:?}", self.0),
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// What the text has at the current position, for an error message.
    fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => format!("{:?}", c.to_string()),
            None => "the end of the text".to_owned(),
        }
    }

    fn expected(&self, what: &str) -> String {
        format!(
            "expected {what} at position {} of {} (an RFC 3339 timestamp with an offset, like {EXAMPLE}), found {}",
            self.pos + 1,
            Quoted(self.text),
            self.found()
        )
    }

    /// Exactly `width` ASCII digits.
    fn number(&mut self, width: usize, what: &str) -> Result<u32, String> {
        let mut value: u32 = 0;
        for _ in 0..width {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(b - b'0');
                    self.pos += 1;
                }
                _ => return Err(self.expected(what)),
            }
        }
        Ok(value)
    }

    /// Skips digits; returns how many.
    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// One of the bytes in `accepted`.
    fn literal(&mut self, accepted: &[u8], what: &str) -> Result<(), String> {
        match self.peek() {
            Some(b) if accepted.contains(&b) => {
                self.pos += 1;
                Ok(())
            }
            _ => Err(self.expected(what)),
        }
    }

    /// `Z` or `±hh:mm`, in seconds east of UTC.
    fn offset(&mut self) -> Result<i32, String> {
        let what = "an offset (\"Z\" or \"±hh:mm\") after the time";
        let sign = match self.peek() {
            Some(b'Z' | b'z') => {
                self.pos += 1;
                return Ok(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Err(self.expected(what)),
        };
        self.pos += 1;
        let hours = self.number(2, "a two-digit offset hour")?;
        self.literal(b":", "\":\" in the offset")?;
        let minutes = self.number(2, "two-digit offset minutes")?;
        if hours > 23 || minutes > 59 {
            return Err(format!(
                "expected an offset from -23:59 to +23:59 in {}, found {}{hours:02}:{minutes:02}",
                Quoted(self.text),
                if sign < 0 { '-' } else { '+' }
            ));
        }
        // hours ≤ 23 and minutes ≤ 59: no overflow.
        Ok(sign * i32::try_from(hours * 3600 + minutes * 60).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_timestamps() {
        let cases = [
            ("1970-01-01T00:00:00Z", 0),
            ("1970-01-01t00:00:00z", 0),
            ("1970-01-01 00:00:00+00:00", 0),
            ("1970-01-01T00:00:00-00:00", 0),
            ("2025-03-01T14:00:00-08:00", 1_740_866_400),
            ("2025-03-01T22:00:00.999999999Z", 1_740_866_400),
            ("2025-03-02T03:30:00+05:30", 1_740_866_400),
            ("1969-12-31T23:59:59.5Z", -1),
            ("2024-02-29T12:00:00Z", 1_709_208_000),
            ("9999-12-31T23:59:59Z", Instant::MAX.unix_seconds()),
            ("0000-01-01T00:00:00Z", Instant::MIN.unix_seconds()),
        ];
        for (text, unix) in cases {
            assert_eq!(parse(text).map(Instant::unix_seconds), Ok(unix), "{text}");
        }
    }

    #[test]
    fn rejects_with_what_was_expected() {
        let cases = [
            ("", "found an empty string"),
            (
                "2025-03-01T14:00:00",
                "expected an offset (\"Z\" or \"±hh:mm\") after the time at position 20",
            ),
            ("2025-03-01", "expected \"T\" between the date and the time"),
            ("2025-3-01T14:00:00Z", "expected a two-digit month"),
            ("2025-13-01T14:00:00Z", "expected a month from 01 to 12"),
            (
                "2025-02-29T14:00:00Z",
                "expected a day from 01 to 28 (2025-02 has 28 days)",
            ),
            ("2025-04-31T14:00:00Z", "found 31"),
            ("2025-03-01T24:00:00Z", "expected an hour from 00 to 23"),
            ("2025-03-01T14:60:00Z", "expected minutes from 00 to 59"),
            ("2025-03-01T14:00:60Z", "leap seconds are not supported"),
            (
                "2025-03-01T14:00:00.Z",
                "expected digits after the decimal point",
            ),
            (
                "2025-03-01T14:00:00+24:00",
                "expected an offset from -23:59 to +23:59",
            ),
            ("2025-03-01T14:00:00+0800", "expected \":\" in the offset"),
            (
                "2025-03-01T14:00:00Zjunk",
                "expected the end of the timestamp",
            ),
            (
                "0000-01-01T00:00:00+01:00",
                "expected an instant from 0000-01-01T00:00:00Z",
            ),
            (
                "+2025-03-01T14:00:00Z",
                "expected a four-digit year at position 1",
            ),
            ("2025-03-01T14:00:00\u{e9}", "found \"\u{e9}\""),
        ];
        for (text, phrase) in cases {
            let err = parse(text).expect_err(text);
            assert!(err.contains(phrase), "{text}: {err}");
        }
    }

    #[test]
    fn formats_with_the_offset() {
        let t = Instant::from_unix_seconds(1_743_490_799);
        assert_eq!(format(t, -7 * 3600), "2025-03-31T23:59:59-07:00");
        assert_eq!(format(t, 0), "2025-04-01T06:59:59+00:00");
        assert_eq!(format(t, 5 * 3600 + 1800), "2025-04-01T12:29:59+05:30");
        // Not whole minutes: truncated, and the local time agrees with the written offset.
        assert_eq!(format(t, 59), "2025-04-01T06:59:59+00:00");
        assert_eq!(parse(&format(t, -(9 * 3600 + 30 * 60))), Ok(t));
    }
}
