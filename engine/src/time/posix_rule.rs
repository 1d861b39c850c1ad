//! POSIX TZ rules (`PST8PDT,M3.2.0,M11.1.0`): a zone's standard offset and, optionally, its
//! yearly daylight-saving rule. The syntax is POSIX's `TZ` variable with RFC 8536's extensions
//! (transition times from -167 to 167 hours), which is what TZif files end with.

/// A parsed POSIX TZ rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PosixRule {
    /// Seconds east of UTC (the opposite sign of the POSIX text: `PST8` is -8 h).
    std_offset: i32,
    dst: Option<Dst>,
}

/// An offset and the instants over which it holds: `from <= unix < until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OffsetSpan {
    pub(crate) from: i64,
    pub(crate) until: i64,
    /// Seconds east of UTC.
    pub(crate) offset: i32,
}

/// Holds no instant.
impl Default for OffsetSpan {
    fn default() -> OffsetSpan {
        OffsetSpan {
            from: 0,
            until: 0,
            offset: 0,
        }
    }
}

impl OffsetSpan {
    pub(crate) fn contains(&self, unix: i64) -> bool {
        self.from <= unix && unix < self.until
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Dst {
    offset: i32,
    /// When DST starts, in local standard time.
    start: RuleTransition,
    /// When DST ends, in local daylight time.
    end: RuleTransition,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct RuleTransition {
    date: RuleDate,
    /// Seconds after local midnight of `date` (-167 h to 167 h).
    time: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum RuleDate {
    /// `Jn`: day 1–365, February 29 never counted.
    JulianSkippingLeapDay(u16),
    /// `n`: day 0–365, February 29 counted.
    DayOfYear(u16),
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1–5, 5 = the last) of month `m`.
    MonthWeekDay { month: u8, week: u8, weekday: u8 },
}

impl PosixRule {
    /// A fixed offset without daylight saving time.
    pub(crate) const fn fixed(std_offset: i32) -> PosixRule {
        PosixRule {
            std_offset,
            dst: None,
        }
    }

    /// Parses a rule. The error says what was expected at which position.
    pub(crate) fn parse(text: &str) -> Result<PosixRule, String> {
        let mut p = Parser { text, pos: 0 };
        p.name("the standard time's name (3 or more letters, or <…>)")?;
        let std_offset = -p.offset("the standard time's offset (e.g. 8 or -5:30)")?;
        if p.at_end() {
            return Ok(PosixRule::fixed(std_offset));
        }
        p.name("the daylight time's name (3 or more letters, or <…>)")?;
        let mut dst_offset = std_offset + 3600;
        if !p.at_end() && p.peek() != Some(b',') {
            dst_offset = -p.offset("the daylight time's offset")?;
        }
        let (start, end) = if p.at_end() {
            // No rule: POSIX leaves it to the implementation; the US rule, as glibc does.
            (
                RuleTransition {
                    date: RuleDate::MonthWeekDay {
                        month: 3,
                        week: 2,
                        weekday: 0,
                    },
                    time: 7200,
                },
                RuleTransition {
                    date: RuleDate::MonthWeekDay {
                        month: 11,
                        week: 1,
                        weekday: 0,
                    },
                    time: 7200,
                },
            )
        } else {
            p.expect(b',', "\",\" before the daylight time's start")?;
            let start = p.transition("when daylight time starts")?;
            p.expect(b',', "\",\" before the daylight time's end")?;
            let end = p.transition("when daylight time ends")?;
            (start, end)
        };
        if !p.at_end() {
            return Err(p.expected("the end of the rule"));
        }
        Ok(PosixRule {
            std_offset,
            dst: Some(Dst {
                offset: dst_offset,
                start,
                end,
            }),
        })
    }

    /// The offset (seconds east of UTC) in effect at `unix` seconds.
    #[cfg(test)]
    pub(crate) fn offset_at(&self, unix: i64) -> i32 {
        self.span_at(unix).offset
    }

    /// The offset in effect at `unix` seconds, and the span of instants around it that have
    /// the same one (a caller may reuse the offset for any instant in the span).
    pub(crate) fn span_at(&self, unix: i64) -> OffsetSpan {
        let Some(dst) = &self.dst else {
            return OffsetSpan {
                from: i64::MIN,
                until: i64::MAX,
                offset: self.std_offset,
            };
        };
        use super::civil::Date;
        let year =
            Date::from_days_since_epoch((unix + i64::from(self.std_offset)).div_euclid(86_400))
                .year();
        // The span stays within the year (in local standard time), whose instants all weigh
        // the same transitions below, so every instant in it gets the same answer.
        let year_start = |year: i32| {
            Date::new(year, 1, 1)
                .map_or(i64::MIN, |d| d.days_since_epoch() * 86_400)
                .saturating_sub(i64::from(self.std_offset))
        };
        let mut from = year_start(year);
        let mut until = year_start(year.saturating_add(1));
        // The latest transition at or before `unix`, among those of the years around it (a
        // transition may fall in the neighbouring year: times run to ±167 h). On a tie the
        // start wins, so a rule that is daylight time all year (`J1/0,J365/25`) stays so.
        let mut latest: Option<(i64, u8, i32)> = None;
        for y in [year - 1, year, year + 1] {
            let end = dst.end.unix_in(y, dst.offset);
            let start = dst.start.unix_in(y, self.std_offset);
            for candidate in [(end, 0, self.std_offset), (start, 1, dst.offset)] {
                if candidate.0 > unix {
                    until = until.min(candidate.0);
                } else if latest.is_none_or(|l| (candidate.0, candidate.1) > (l.0, l.1)) {
                    latest = Some(candidate);
                }
            }
        }
        if let Some((at, _, _)) = latest {
            from = from.max(at);
        }
        OffsetSpan {
            // Clamped so the span always holds `unix`, whatever the rule.
            from: from.min(unix),
            until: until.max(unix.saturating_add(1)),
            offset: latest.map_or(self.std_offset, |l| l.2),
        }
    }

    /// Whether the rule ever changes the offset.
    #[cfg(test)]
    pub(crate) fn has_dst(&self) -> bool {
        self.dst.is_some()
    }
}

impl RuleTransition {
    /// The transition's instant in `year`, when the local offset before it is `offset_before`.
    fn unix_in(&self, year: i32, offset_before: i32) -> i64 {
        self.date.days_since_epoch(year) * 86_400 + i64::from(self.time) - i64::from(offset_before)
    }
}

impl RuleDate {
    fn days_since_epoch(&self, year: i32) -> i64 {
        use super::civil::{days_in_month, is_leap_year, Date};
        let jan1 = Date::new(year, 1, 1).map_or(0, Date::days_since_epoch);
        match *self {
            RuleDate::JulianSkippingLeapDay(n) => {
                let n = i64::from(n);
                jan1 + n - 1 + i64::from(is_leap_year(year) && n >= 60)
            }
            RuleDate::DayOfYear(n) => jan1 + i64::from(n),
            RuleDate::MonthWeekDay {
                month,
                week,
                weekday,
            } => {
                let Some(first) = Date::new(year, month, 1) else {
                    return jan1;
                };
                let first_weekday = first.weekday();
                let mut day = 1
                    + (i64::from(weekday) - i64::from(first_weekday)).rem_euclid(7)
                    + (i64::from(week) - 1) * 7;
                while day > i64::from(days_in_month(year, month)) {
                    day -= 7;
                }
                first.days_since_epoch() + day - 1
            }
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn expected(&self, what: &str) -> String {
        let found = match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => format!("{:?}", c.to_string()),
            None => "the end of the rule".to_owned(),
        };
        format!(
            "expected {what} at position {} of the POSIX TZ rule {:?}, found {found}",
            self.pos + 1,
            self.text
        )
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), String> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    /// `EST` (3+ letters) or `<+0530>` (3+ letters, digits, signs).
    fn name(&mut self, what: &str) -> Result<(), String> {
        let start = self.pos;
        if self.peek() == Some(b'<') {
            self.pos += 1;
            let inner = self.pos;
            while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'+' || b == b'-')
            {
                self.pos += 1;
            }
            if self.pos - inner < 3 || self.peek() != Some(b'>') {
                self.pos = start;
                return Err(self.expected(what));
            }
            self.pos += 1;
        } else {
            while matches!(self.peek(), Some(b) if b.is_ascii_alphabetic()) {
                self.pos += 1;
            }
            if self.pos - start < 3 {
                self.pos = start;
                return Err(self.expected(what));
            }
        }
        Ok(())
    }

    /// `[+-]h[h][:mm[:ss]]` with at most `max_hours` hours, in seconds.
    fn hms(&mut self, what: &str, max_hours: i32) -> Result<i32, String> {
        let start = self.pos;
        let sign = match self.peek() {
            Some(b'-') => {
                self.pos += 1;
                -1
            }
            Some(b'+') => {
                self.pos += 1;
                1
            }
            _ => 1,
        };
        let hours = self.small_number(3).ok_or_else(|| self.expected(what))?;
        let mut minutes = 0;
        let mut seconds = 0;
        if self.peek() == Some(b':') {
            self.pos += 1;
            minutes = self
                .small_number(2)
                .ok_or_else(|| self.expected("minutes (00–59)"))?;
            if self.peek() == Some(b':') {
                self.pos += 1;
                seconds = self
                    .small_number(2)
                    .ok_or_else(|| self.expected("seconds (00–59)"))?;
            }
        }
        if hours > max_hours || minutes > 59 || seconds > 59 {
            self.pos = start;
            return Err(self.expected(&format!("{what}, at most {max_hours} hours")));
        }
        Ok(sign * (hours * 3600 + minutes * 60 + seconds))
    }

    /// A zone offset: whole minutes, at most 24 hours (POSIX).
    fn offset(&mut self, what: &str) -> Result<i32, String> {
        let start = self.pos;
        let seconds = self.hms(what, 24)?;
        if seconds % 60 != 0 {
            self.pos = start;
            return Err(self.expected(&format!("{what} in whole minutes")));
        }
        Ok(seconds)
    }

    /// Up to `max_digits` digits (at least one).
    fn small_number(&mut self, max_digits: usize) -> Option<i32> {
        let start = self.pos;
        let mut value = 0;
        while self.pos - start < max_digits {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    value = value * 10 + i32::from(b - b'0');
                    self.pos += 1;
                }
                _ => break,
            }
        }
        (self.pos > start).then_some(value)
    }

    /// `date[/time]`.
    fn transition(&mut self, what: &str) -> Result<RuleTransition, String> {
        let start = self.pos;
        let date = match self.peek() {
            Some(b'J') => {
                self.pos += 1;
                match self.small_number(3) {
                    Some(n @ 1..=365) => RuleDate::JulianSkippingLeapDay(n as u16),
                    _ => {
                        self.pos = start;
                        return Err(self.expected(&format!("{what}: J1 to J365")));
                    }
                }
            }
            Some(b'M') => {
                self.pos += 1;
                let month = self.small_number(2);
                let week = self
                    .expect(b'.', "")
                    .ok()
                    .and_then(|()| self.small_number(1));
                let weekday = self
                    .expect(b'.', "")
                    .ok()
                    .and_then(|()| self.small_number(1));
                match (month, week, weekday) {
                    (Some(m @ 1..=12), Some(w @ 1..=5), Some(d @ 0..=6)) => {
                        RuleDate::MonthWeekDay {
                            month: m as u8,
                            week: w as u8,
                            weekday: d as u8,
                        }
                    }
                    _ => {
                        self.pos = start;
                        return Err(self.expected(&format!(
                            "{what}: Mm.w.d with month 1–12, week 1–5 and weekday 0–6"
                        )));
                    }
                }
            }
            _ => match self.small_number(3) {
                Some(n @ 0..=365) => RuleDate::DayOfYear(n as u16),
                _ => {
                    self.pos = start;
                    return Err(self.expected(&format!("{what} (Jn, n or Mm.w.d)")));
                }
            },
        };
        let mut time = 7200;
        if self.peek() == Some(b'/') {
            self.pos += 1;
            time = self.hms("a transition time (e.g. 2 or 24 or -1)", 167)?;
        }
        Ok(RuleTransition { date, time })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> i64 {
        crate::time::Instant::parse_rfc3339(text)
            .unwrap()
            .unix_seconds()
    }

    #[test]
    fn us_pacific_switches_at_2am_local() {
        let rule = PosixRule::parse("PST8PDT,M3.2.0,M11.1.0").unwrap();
        let cases = [
            ("2025-03-09T01:59:59-08:00", -8),
            ("2025-03-09T03:00:00-07:00", -7),
            ("2025-11-02T01:59:59-07:00", -7),
            ("2025-11-02T01:00:00-08:00", -8),
            ("2025-01-01T00:00:00Z", -8),
        ];
        for (text, hours) in cases {
            assert_eq!(rule.offset_at(at(text)), hours * 3600, "{text}");
        }
    }

    #[test]
    fn southern_hemisphere_and_extended_times() {
        // Santiago: DST from the first Saturday of September at 24:00 to April's at 24:00.
        let rule = PosixRule::parse("<-04>4<-03>,M9.1.6/24,M4.1.6/24").unwrap();
        assert_eq!(rule.offset_at(at("2025-01-15T12:00:00Z")), -3 * 3600);
        assert_eq!(rule.offset_at(at("2025-07-15T12:00:00Z")), -4 * 3600);
        assert_eq!(rule.offset_at(at("2025-09-06T23:59:59-04:00")), -4 * 3600);
        assert_eq!(rule.offset_at(at("2025-09-07T01:00:00-03:00")), -3 * 3600);
        // Nuuk: negative transition times.
        let rule = PosixRule::parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0").unwrap();
        assert_eq!(rule.offset_at(at("2025-03-29T22:59:59-02:00")), -2 * 3600);
        assert_eq!(rule.offset_at(at("2025-03-29T23:00:00-02:00")), -3600);
    }

    #[test]
    fn daylight_time_all_year() {
        let rule = PosixRule::parse("EST5EDT,0/0,J365/25").unwrap();
        for text in [
            "2025-01-01T00:00:00-05:00",
            "2025-01-01T04:59:59Z",
            "2025-07-01T00:00:00Z",
            "2025-12-31T23:59:59Z",
        ] {
            assert_eq!(rule.offset_at(at(text)), -4 * 3600, "{text}");
        }
    }

    #[test]
    fn fixed_offsets_and_defaults() {
        assert_eq!(PosixRule::parse("UTC0").unwrap(), PosixRule::fixed(0));
        assert_eq!(
            PosixRule::parse("<+0530>-5:30").unwrap(),
            PosixRule::fixed(19_800)
        );
        assert_eq!(
            PosixRule::parse("IST-5:30").unwrap(),
            PosixRule::fixed(19_800)
        );
        let us = PosixRule::parse("EST5EDT").unwrap();
        assert_eq!(
            us,
            PosixRule::parse("EST5EDT4,M3.2.0/2,M11.1.0/2:00").unwrap()
        );
        assert!(us.has_dst());
    }

    #[test]
    fn rejects_malformed_rules() {
        let cases = [
            ("", "expected the standard time's name"),
            ("PS8", "expected the standard time's name"),
            ("PST", "expected the standard time's offset"),
            ("PST25", "at most 24 hours"),
            ("PST8:30:15", "in whole minutes"),
            ("PST8PDT,M13.1.0,M11.1.0", "Mm.w.d with month 1–12"),
            ("PST8PDT,M3.6.0,M11.1.0", "week 1–5"),
            ("PST8PDT,J366,M11.1.0", "J1 to J365"),
            ("PST8PDT,M3.2.0", "\",\" before the daylight time's end"),
            ("PST8PDT,M3.2.0/168,M11.1.0", "at most 167 hours"),
            ("PST8PDT,M3.2.0,M11.1.0x", "expected the end of the rule"),
            ("<+05>-5<+0", "expected the daylight time's name"),
        ];
        for (text, phrase) in cases {
            let err = PosixRule::parse(text).expect_err(text);
            assert!(err.contains(phrase), "{text}: {err}");
        }
    }
}
