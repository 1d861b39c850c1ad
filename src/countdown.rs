//! The return-window countdown: what it shows at an instant, when that next changes, and when a
//! screen reader should hear of it. Pure: the instant is an argument.
//!
//! A window "closes" one second after the engine's deadline (the deadline, 23:59:59, is the
//! last second of the window), so the time left is `closes_at − now`.

use crate::engine::Instant;
use crate::i18n::Msg;

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// How much of a return window is left, in the units the countdown shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    /// 48 hours or more: whole days (floored: "12 days" means at least 12 full days).
    Days(u32),
    /// Under 48 hours: hours and minutes.
    HoursMinutes { hours: u32, minutes: u32 },
    /// Under an hour: minutes and seconds.
    MinutesSeconds { minutes: u32, seconds: u32 },
    /// The window has closed.
    Closed,
}

/// The thresholds a screen reader is told about (through a polite live region), from the least
/// to the most urgent. Crossing into a later one is announced; nothing else is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Threshold {
    /// A day or more left: nothing to say.
    Calm,
    /// Under a day left.
    UnderADay,
    /// Under an hour left.
    UnderAnHour,
    /// Under ten minutes left.
    UnderTenMinutes,
    /// Closed.
    Closed,
}

/// The instant a window whose last second is `deadline` closes.
pub fn closes_at(deadline: Instant) -> Instant {
    deadline.saturating_add_seconds(1)
}

fn seconds_left(closes_at: Instant, now: Instant) -> i64 {
    closes_at.unix_seconds().saturating_sub(now.unix_seconds())
}

fn to_u32(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

impl Countdown {
    /// What the countdown to `closes_at` shows at `now`.
    ///
    /// ```
    /// use order_help::countdown::Countdown;
    /// use order_help_engine::Instant;
    /// let closes = Instant::from_unix_seconds(1_000_000);
    /// let at = |left: i64| Countdown::at(closes, Instant::from_unix_seconds(1_000_000 - left));
    /// assert_eq!(at(12 * 86_400 + 5), Countdown::Days(12));
    /// assert_eq!(at(3_599), Countdown::MinutesSeconds { minutes: 59, seconds: 59 });
    /// assert_eq!(at(0), Countdown::Closed);
    /// ```
    pub fn at(closes_at: Instant, now: Instant) -> Countdown {
        let left = seconds_left(closes_at, now);
        if left <= 0 {
            Countdown::Closed
        } else if left >= 2 * DAY {
            Countdown::Days(to_u32(left / DAY))
        } else if left >= HOUR {
            Countdown::HoursMinutes {
                hours: to_u32(left / HOUR),
                minutes: to_u32(left % HOUR / MINUTE),
            }
        } else {
            Countdown::MinutesSeconds {
                minutes: to_u32(left / MINUTE),
                seconds: to_u32(left % MINUTE),
            }
        }
    }

    /// The first instant after `now` at which the countdown to `closes_at` shows something
    /// else; `None` once closed. The widget's one timer sleeps until the earliest of these.
    pub fn next_change(closes_at: Instant, now: Instant) -> Option<Instant> {
        let left = seconds_left(closes_at, now);
        if left <= 0 {
            return None;
        }
        // The shown value is `left` floored to a unit; it changes one second after `left`
        // reaches a multiple of that unit. Unit boundaries line up with the mode switches
        // (2 days and 1 hour are multiples of the units above them).
        let unit = if left >= 2 * DAY {
            DAY
        } else if left >= HOUR {
            MINUTE
        } else {
            1
        };
        let wait = left % unit + 1;
        Some(Instant::from_unix_seconds(
            now.unix_seconds().saturating_add(wait),
        ))
    }
}

impl Threshold {
    /// The threshold the countdown to `closes_at` is past at `now`. Every threshold is a whole
    /// number of minutes before closing, so it is crossed exactly when the shown text changes.
    pub fn at(closes_at: Instant, now: Instant) -> Threshold {
        Countdown::at(closes_at, now).into()
    }

    /// Whether moving from `before` to `self` is worth announcing.
    pub fn announces_after(self, before: Threshold) -> bool {
        self > before
    }

    /// What the live region says on crossing into this threshold (`{item}`: the titles);
    /// `None` for [`Threshold::Calm`], which is never crossed into.
    pub fn announcement(self) -> Option<Msg> {
        match self {
            Threshold::Calm => None,
            Threshold::UnderADay => Some(Msg::AnnounceDay),
            Threshold::UnderAnHour => Some(Msg::AnnounceHour),
            Threshold::UnderTenMinutes => Some(Msg::AnnounceTenMinutes),
            Threshold::Closed => Some(Msg::AnnounceClosed),
        }
    }
}

/// The threshold is a function of what the countdown shows (each one starts where the shown
/// text changes), so a tick computes the countdown once and reads its threshold off it.
impl From<Countdown> for Threshold {
    fn from(countdown: Countdown) -> Threshold {
        match countdown {
            Countdown::Closed => Threshold::Closed,
            Countdown::MinutesSeconds { minutes, .. } if minutes < 10 => Threshold::UnderTenMinutes,
            Countdown::MinutesSeconds { .. } => Threshold::UnderAnHour,
            Countdown::HoursMinutes { hours, .. } if hours < 24 => Threshold::UnderADay,
            Countdown::HoursMinutes { .. } | Countdown::Days(_) => Threshold::Calm,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLOSES: i64 = 1_743_490_800; // 2025-04-01T00:00:00-07:00

    fn left(seconds: i64) -> Instant {
        Instant::from_unix_seconds(CLOSES - seconds)
    }

    fn closes() -> Instant {
        Instant::from_unix_seconds(CLOSES)
    }

    #[test]
    fn shows_the_right_units_on_each_side_of_every_switch() {
        use Countdown::*;
        let table = [
            (30 * DAY, Days(30)),
            (12 * DAY + 12 * HOUR, Days(12)),
            (2 * DAY, Days(2)),
            (
                2 * DAY - 1,
                HoursMinutes {
                    hours: 47,
                    minutes: 59,
                },
            ),
            (
                DAY,
                HoursMinutes {
                    hours: 24,
                    minutes: 0,
                },
            ),
            (
                HOUR + 59,
                HoursMinutes {
                    hours: 1,
                    minutes: 0,
                },
            ),
            (
                HOUR,
                HoursMinutes {
                    hours: 1,
                    minutes: 0,
                },
            ),
            (
                HOUR - 1,
                MinutesSeconds {
                    minutes: 59,
                    seconds: 59,
                },
            ),
            (
                61,
                MinutesSeconds {
                    minutes: 1,
                    seconds: 1,
                },
            ),
            (
                1,
                MinutesSeconds {
                    minutes: 0,
                    seconds: 1,
                },
            ),
            (0, Closed),
            (-1, Closed),
            (-400 * DAY, Closed),
        ];
        for (seconds_left, expected) in table {
            assert_eq!(
                Countdown::at(closes(), left(seconds_left)),
                expected,
                "{seconds_left} s left"
            );
        }
    }

    #[test]
    fn the_window_closes_one_second_after_the_deadline() {
        let deadline = Instant::from_unix_seconds(CLOSES - 1);
        assert_eq!(closes_at(deadline), closes());
        assert_ne!(
            Countdown::at(closes_at(deadline), deadline),
            Countdown::Closed
        );
        assert_eq!(
            Countdown::at(closes_at(deadline), closes()),
            Countdown::Closed
        );
    }

    /// `next_change` against brute force: the text is the same until that instant and
    /// different at it, for every second of the last three days and samples before.
    #[test]
    fn next_change_is_exactly_the_next_different_second() {
        let starts = (0..3 * DAY + 5).chain((3 * DAY..40 * DAY).step_by(7_919));
        for seconds_left in starts {
            let now = left(seconds_left);
            let shown = Countdown::at(closes(), now);
            match Countdown::next_change(closes(), now) {
                None => assert_eq!(shown, Countdown::Closed, "{seconds_left} s left"),
                Some(next) => {
                    let wait = next.unix_seconds() - now.unix_seconds();
                    assert!(wait >= 1, "{seconds_left} s left: wait {wait}");
                    let just_before = Instant::from_unix_seconds(next.unix_seconds() - 1);
                    assert_eq!(
                        Countdown::at(closes(), just_before),
                        shown,
                        "{seconds_left} s left"
                    );
                    assert_ne!(
                        Countdown::at(closes(), next),
                        shown,
                        "{seconds_left} s left"
                    );
                }
            }
        }
    }

    #[test]
    fn thresholds_fall_on_text_changes_and_only_grow() {
        use Threshold::*;
        let table = [
            (DAY + 1, Calm),
            (DAY, Calm),
            (DAY - 1, UnderADay),
            (HOUR, UnderADay),
            (HOUR - 1, UnderAnHour),
            (10 * MINUTE, UnderAnHour),
            (10 * MINUTE - 1, UnderTenMinutes),
            (1, UnderTenMinutes),
            (0, Closed),
        ];
        for (seconds_left, expected) in table {
            assert_eq!(
                Threshold::at(closes(), left(seconds_left)),
                expected,
                "{seconds_left} s left"
            );
        }
        // Each threshold is entered at a second where the shown text changes too, so the one
        // timer (which wakes only on text changes) never misses an announcement.
        for entered in [DAY - 1, HOUR - 1, 10 * MINUTE - 1, 0] {
            let before = left(entered + 1);
            assert_eq!(
                Countdown::next_change(closes(), before),
                Some(left(entered))
            );
        }
        let mut previous = Calm;
        for seconds_left in (-5..2 * DAY).rev() {
            let now = Threshold::at(closes(), left(seconds_left));
            assert!(now >= previous, "thresholds never go back as time passes");
            previous = now;
        }
        assert!(UnderAnHour.announces_after(UnderADay));
        assert!(!UnderADay.announces_after(UnderADay));
        assert!(!UnderADay.announces_after(Closed));
    }
}
