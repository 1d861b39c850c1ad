//! Withdrawal: whether an EU consumer can still withdraw from the contract (the whole order),
//! which items the right covers, and until when.
//!
//! Source: [domain.md § Withdrawing (EU consumers)](../../../docs/domain.md#withdrawing-eu-consumers).
//! Directive 2011/83/EU art. 9(2)(b): the period runs from the consumer's possession of the
//! order's **last** good; art. 9(3): they may withdraw before it starts; art. 16: excluded
//! goods. Regulation (EEC, Euratom) No 1182/71 art. 3, which recital 41 of the Directive
//! applies: the period starts at the beginning of the day after the delivery (3(1)), ends at
//! the end of its last day (3(2)(b)), runs on to the end of the next working day when that day
//! is a Saturday, a Sunday or a public holiday (3(4)), and holds at least two working days
//! (3(5)). Days are the store zone's local days, so a DST change inside the period changes
//! nothing but the deadline's offset.
//!
//! What counts as the "last good" (a choice, documented in domain.md): every good of the order
//! whose shipment has not ended (cancelled, refused, back with the sender:
//! [`ShipmentStatus::ends_the_order`]), excluded categories included; only a `delivered` one is
//! in the consumer's possession ([`ShipmentStatus::counts_as_received`]): a parcel tried, at a
//! pickup point, with a problem, of unknown whereabouts or on its way back holds the period
//! open, so one lost parcel cannot leave it undefined — the exclusion takes the right away from those goods only, not from the
//! contract's others, and counting them can only make the period end later.

use super::super::assessment::{WithdrawalCode, WithdrawalDecision, WithdrawalVerdict};
use super::super::order::ShipmentStatus;
use super::super::time::{day_after, Date, Instant};
use super::{ItemContext, OrderContext};

use WithdrawalCode as Code;

/// The withdrawal decision for the order at `contexts[..].at` (every context has the same
/// instant; `at` is passed for an order without items).
pub(crate) fn withdrawal_decision(
    order_cx: &OrderContext,
    contexts: &[ItemContext],
    at: Instant,
) -> WithdrawalDecision {
    let rule = &order_cx.policy.withdrawal;
    let mut decision = WithdrawalDecision {
        verdict: WithdrawalVerdict::NotApplicable,
        code: Code::NotOffered,
        deadline: None,
        items: Vec::new(),
        days: rule.days,
        starts_on: None,
        moved_from: None,
    };
    let country = order_cx.order.customer.as_ref();
    let country = country.and_then(|c| c.country.as_deref());
    if !rule.enabled {
        return decision;
    }
    if !rule.covers_country(country) {
        decision.code = Code::NotOfferedInCountry;
        return decision;
    }
    // A received withdrawal may name some goods of the order (Annex I(B): "the following
    // goods"); the function offers what is left, and goes when nothing is.
    let mut any_covered = false;
    decision.items = covered_items(contexts)
        .filter(|cx| {
            any_covered = true;
            !cx.item.fully_withdrawn()
        })
        .map(|cx| cx.item.id.clone())
        .collect();
    if !any_covered {
        decision.code = Code::NoItemCovered;
    } else if decision.items.is_empty() {
        decision.code = Code::AllWithdrawn;
    } else {
        decide_period(&mut decision, contexts, order_cx, at);
    }
    decision
}

/// Sets the verdict, code and period of an order with covered items.
fn decide_period(
    decision: &mut WithdrawalDecision,
    contexts: &[ItemContext],
    order_cx: &OrderContext,
    at: Instant,
) {
    let zone = &order_cx.zone;
    decision.verdict = WithdrawalVerdict::Allowed;
    let delivered_at = match last_possession(contexts) {
        Possession::OnItsWay => {
            decision.code = Code::PeriodNotStarted;
            return;
        }
        Possession::TimeUnknown => {
            decision.code = Code::DeliveryTimeUnknown;
            return;
        }
        Possession::At(instant) => instant,
    };
    let holidays = holiday_days(&order_cx.policy.withdrawal.public_holidays);
    let period = period(zone.local_day(delivered_at), decision.days, &holidays);
    let deadline = zone.end_of_local_day(period.last);
    decision.deadline = Some(zone.zoned(deadline));
    decision.starts_on = Some(Date::from_days_since_epoch(period.first));
    decision.moved_from = period.moved_from.map(Date::from_days_since_epoch);
    // Sending the declaration before the period ends is enough (art. 11(2)): through its last
    // second, not after it.
    (decision.verdict, decision.code) = if at <= deadline {
        (WithdrawalVerdict::Allowed, Code::WithinPeriod)
    } else {
        (WithdrawalVerdict::Expired, Code::PeriodOver)
    };
}

/// The items with a right of withdrawal: not on an ended shipment, not of an excluded category
/// (nor a sealed one known to be unsealed).
fn covered_items<'c, 'a>(
    contexts: &'c [ItemContext<'a>],
) -> impl Iterator<Item = &'c ItemContext<'a>> {
    contexts
        .iter()
        .filter(|cx| !ended(cx.status()))
        .filter(|cx| {
            !cx.policy
                .withdrawal
                .is_excluded(cx.item.category.as_deref(), cx.item.opened)
        })
}

/// A shipment that was cancelled, refused or returned to the sender: its goods never reach the
/// consumer, so they neither have a right of their own nor hold the period open.
fn ended(status: ShipmentStatus) -> bool {
    status.ends_the_order()
}

/// When the consumer took possession of the order's last good.
#[derive(Debug, PartialEq, Eq)]
enum Possession {
    /// A good (of any category) is not delivered yet: the period has not started.
    OnItsWay,
    /// All delivered, but one without a delivery time (an unvalidated order).
    TimeUnknown,
    /// All delivered; the latest delivery.
    At(Instant),
}

fn last_possession(contexts: &[ItemContext]) -> Possession {
    let mut latest: Option<Instant> = None;
    let mut unknown = false;
    for cx in contexts.iter().filter(|cx| !ended(cx.status())) {
        match cx.shipment.filter(|s| s.status.counts_as_received()) {
            None => return Possession::OnItsWay,
            Some(shipment) => match shipment.delivered_at {
                Some(t) => latest = latest.max(Some(t)),
                None => unknown = true,
            },
        }
    }
    match latest {
        Some(t) if !unknown => Possession::At(t),
        // `covered_items` found an item not on an ended shipment, so one of the two was set.
        _ => Possession::TimeUnknown,
    }
}

/// The policy's public holidays as sorted day numbers (for a binary search per day).
fn holiday_days(holidays: &[Date]) -> Vec<i64> {
    // Kept sorted as they are added, rather than `sort_unstable` (3.5 KB of quicksort in the
    // wasm, issue 16): a policy has at most MAX_POLICY_ENTRIES of them, usually a dozen.
    let mut days: Vec<i64> = Vec::with_capacity(holidays.len());
    for day in holidays.iter().map(|d| d.days_since_epoch()) {
        days.insert(days.partition_point(|&d| d < day), day);
    }
    days
}

/// A withdrawal period in day numbers (days since 1970-01-01, store time).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Period {
    /// The day after the delivery.
    pub first: i64,
    /// The day at whose end it ends.
    pub last: i64,
    /// The last day of the plain count, when it was not a working day.
    pub moved_from: Option<i64>,
}

/// The period of `days` days after the delivery on `delivery_day`, under Regulation 1182/71
/// art. 3 with Saturdays, Sundays and `holidays` (sorted day numbers) as non-working days.
pub(crate) fn period(delivery_day: i64, days: u32, holidays: &[i64]) -> Period {
    let working = |day: i64| !is_weekend(day) && holidays.binary_search(&day).is_err();
    // `day_after` clamps at the end of the calendar: stop there rather than loop.
    let next = |day: i64| Some(day_after(day, 1)).filter(|&n| n != day);
    let first = day_after(delivery_day, 1);
    // Art. 3(1), 3(2)(b): the first day is the day after; the last is `days` after the delivery.
    let nominal = day_after(delivery_day, i64::from(days));
    let mut last = nominal;
    // Art. 3(4): a last day that is a Saturday, a Sunday or a holiday moves to the next working
    // day. Each step passes a weekend day or one of at most 1,000 holidays.
    while !working(last) {
        let Some(n) = next(last) else { break };
        last = n;
    }
    // Art. 3(5): a period of two days or more holds at least two working days (only a run of
    // holidays can make a 14-day period fall short). Stops at the second one found.
    if days >= 2 {
        let mut found = (first..=last).filter(|&d| working(d)).take(2).count();
        while found < 2 {
            let Some(n) = next(last) else { break };
            last = n;
            if working(last) {
                found += 1;
            }
        }
    }
    Period {
        first,
        last,
        moved_from: (last != nominal).then_some(nominal),
    }
}

/// Saturday or Sunday (1970-01-01, day 0, was a Thursday).
fn is_weekend(day: i64) -> bool {
    matches!(day.rem_euclid(7), 2 | 3)
}

#[cfg(test)]
mod tests {
    use super::super::super::order::{Item, ShipmentStatus as S};
    use super::super::super::policy::Policy;
    use super::super::fixtures::{self, at};
    use super::*;

    fn day(text: &str) -> i64 {
        Date::parse(text).unwrap().days_since_epoch()
    }

    fn date(day: i64) -> String {
        Date::from_days_since_epoch(day).to_string()
    }

    #[test]
    fn holidays_are_sorted_day_numbers_in_any_order_given() {
        let texts = [
            "2026-12-25",
            "2026-01-01",
            "2026-05-01",
            "2026-01-01",
            "2025-12-31",
        ];
        let holidays: Vec<Date> = texts.iter().map(|t| Date::parse(t).unwrap()).collect();
        let mut expected: Vec<i64> = texts.iter().map(|t| day(t)).collect();
        expected.sort();
        assert_eq!(holiday_days(&holidays), expected);
        assert_eq!(holiday_days(&[]), Vec::<i64>::new());
    }

    #[test]
    fn weekends_are_saturday_and_sunday() {
        // 2026-03-07 is a Saturday (and Date::weekday agrees for a whole fortnight).
        let saturday = day("2026-03-07");
        for d in saturday - 7..saturday + 7 {
            let weekday = Date::from_days_since_epoch(d).weekday();
            assert_eq!(is_weekend(d), weekday == 0 || weekday == 6, "{}", date(d));
        }
        assert!(is_weekend(saturday) && is_weekend(saturday + 1) && !is_weekend(saturday + 2));
    }

    #[test]
    fn periods_under_regulation_1182_71() {
        let easter_2026 = [day("2026-04-03"), day("2026-04-06")];
        // (delivery day, days, holidays) → (first, last, moved from)
        type Row<'a> = (&'a str, u32, &'a [i64], &'a str, &'a str, Option<&'a str>);
        let table: [Row; 6] = [
            // Plain: Monday 2 March + 14 → Monday 16 March.
            ("2026-03-02", 14, &[], "2026-03-03", "2026-03-16", None),
            // Last day a Saturday → Monday.
            (
                "2026-03-07",
                14,
                &[],
                "2026-03-08",
                "2026-03-23",
                Some("2026-03-21"),
            ),
            // Last day a Sunday → Monday.
            (
                "2026-03-08",
                14,
                &[],
                "2026-03-09",
                "2026-03-23",
                Some("2026-03-22"),
            ),
            // Last day Good Friday, then the weekend, then Easter Monday → Tuesday.
            (
                "2026-03-20",
                14,
                &easter_2026,
                "2026-03-21",
                "2026-04-07",
                Some("2026-04-03"),
            ),
            // Last day Easter Monday → Tuesday.
            (
                "2026-03-23",
                14,
                &easter_2026,
                "2026-03-24",
                "2026-04-07",
                Some("2026-04-06"),
            ),
            // A longer period a store gives.
            ("2026-03-02", 30, &[], "2026-03-03", "2026-04-01", None),
        ];
        for (delivered, days, holidays, first, last, moved) in table {
            let p = period(day(delivered), days, holidays);
            assert_eq!(
                (date(p.first), date(p.last), p.moved_from.map(date)),
                (first.to_owned(), last.to_owned(), moved.map(str::to_owned)),
                "{delivered} + {days}"
            );
        }
    }

    #[test]
    fn at_least_two_working_days_art_3_5() {
        // Fourteen days from Tuesday 3 March whose weekdays are all holidays but the last day,
        // Monday 16 March: one working day, so the period runs on to the next one (art. 3(5)).
        let first = day("2026-03-03");
        let last = day("2026-03-16");
        let holidays: Vec<i64> = (first..last).filter(|&d| !is_weekend(d)).collect();
        let p = period(first - 1, 14, &holidays);
        assert_eq!(date(p.last), "2026-03-17");
        assert_eq!(p.moved_from.map(date).as_deref(), Some("2026-03-16"));
        // With one more working day inside, the plain count stands.
        let p = period(first - 1, 14, &holidays[1..]);
        assert_eq!(
            (date(p.last), p.moved_from),
            ("2026-03-16".to_owned(), None)
        );
    }

    #[test]
    fn the_end_of_the_calendar_does_not_loop() {
        // The last day the engine represents is a holiday: no next day to move to, so the
        // period stops there (rather than loop), and a period of 0 days stays on its day.
        let end = day_after(i64::MAX, 0);
        let p = period(i64::MAX, u32::MAX, &[end]);
        assert_eq!((p.first, p.last), (end, end));
        let p = period(i64::MIN, 0, &[]);
        assert!(p.last >= p.first - 1, "{p:?}");
    }

    /// Art. 9(2)(b), for every state of the order's other parcel: A was delivered 20 days
    /// before; B in a state that does not count as received holds the period open (allowed, not
    /// started, B covered), whatever a tracker says of it, so a lost parcel cannot leave the
    /// period undefined; B ended (cancelled, refused, back with the sender): the period ran
    /// from A and is over, B not covered.
    #[test]
    fn the_last_good_in_every_state() {
        let mut policy = Policy::default();
        policy.withdrawal.enabled = true;
        let now = at("2026-05-21T12:00:00Z");
        let table = [
            (S::Pending, true),
            (S::Preparing, true),
            (S::Staged, true),
            (S::InTransit, true),
            (S::OutForDelivery, true),
            (S::AttemptedDelivery, true),
            (S::AvailableForPickup, true),
            (S::Exception, true),
            (S::Unknown, true),
            (S::ReturningToSender, true),
            (S::Refused, false),
            (S::ReturnedToSender, false),
            (S::Cancelled, false),
        ];
        for (status, holds_open) in table {
            let mut order = fixtures::retailer();
            let mut a = fixtures::shipment("SA", S::Delivered, "DPD");
            a.delivered_at = Some(at("2026-05-01T12:00:00Z"));
            order.shipments = vec![a, fixtures::shipment("SB", status, "PostNL")];
            order.items = vec![
                fixtures::item("A", Some("SA")),
                fixtures::item("B", Some("SB")),
            ];
            let order_cx = OrderContext::new(&order, &policy);
            let contexts: Vec<ItemContext> =
                order.items.iter().map(|i| order_cx.item(i, now)).collect();
            let d = withdrawal_decision(&order_cx, &contexts, now);
            let expected = if holds_open {
                (
                    WithdrawalVerdict::Allowed,
                    Code::PeriodNotStarted,
                    vec!["A", "B"],
                )
            } else {
                (WithdrawalVerdict::Expired, Code::PeriodOver, vec!["A"])
            };
            assert_eq!(
                (d.verdict, d.code, d.items),
                (
                    expected.0,
                    expected.1,
                    expected.2.iter().map(|s| s.to_string()).collect()
                ),
                "{status:?}"
            );
            assert_eq!(d.deadline.is_none(), holds_open, "{status:?}");
        }
    }

    #[test]
    fn decisions_by_delivery_state_and_category() {
        let mut policy = Policy::default();
        policy.withdrawal.enabled = true;
        policy.time_zone = super::super::super::time::StoreZone::resolve("Europe/Berlin").unwrap();
        let mut order = fixtures::retailer();
        let delivered = |id: &str, when: &str| {
            let mut s = fixtures::shipment(id, S::Delivered, "dhl");
            s.delivered_at = Some(at(when));
            s
        };
        order.shipments = vec![
            delivered("D1", "2026-03-02T10:00:00+01:00"),
            delivered("D2", "2026-03-04T09:00:00+01:00"),
            fixtures::shipment("T", S::InTransit, "dhl"),
            fixtures::shipment("C", S::Cancelled, "dhl"),
        ];
        let item = |id: &str, shipment: &str, category: Option<&str>, opened: Option<bool>| {
            let mut item = fixtures::item(id, Some(shipment));
            item.category = category.map(str::to_owned);
            item.opened = opened;
            item
        };
        type Case<'a> = (
            Vec<Item>,
            &'a str,
            WithdrawalVerdict,
            Code,
            Option<&'a str>,
            &'a [&'a str],
        );
        let cases: [Case; 7] = [
            // Two deliveries: the later one counts (4 March + 14 = 18 March).
            (
                vec![item("A", "D1", None, None), item("B", "D2", None, None)],
                "2026-03-18T23:59:59+01:00",
                WithdrawalVerdict::Allowed,
                Code::WithinPeriod,
                Some("2026-03-18T23:59:59+01:00"),
                &["A", "B"],
            ),
            (
                vec![item("A", "D1", None, None), item("B", "D2", None, None)],
                "2026-03-19T00:00:00+01:00",
                WithdrawalVerdict::Expired,
                Code::PeriodOver,
                Some("2026-03-18T23:59:59+01:00"),
                &["A", "B"],
            ),
            // A good on its way holds the period open, even of an excluded category.
            (
                vec![
                    item("A", "D1", None, None),
                    item("P", "T", Some("perishable"), None),
                ],
                "2026-09-01T12:00:00+02:00",
                WithdrawalVerdict::Allowed,
                Code::PeriodNotStarted,
                None,
                &["A"],
            ),
            // A cancelled shipment does not: only D1's delivery counts.
            (
                vec![item("A", "D1", None, None), item("X", "C", None, None)],
                "2026-03-17T00:00:00+01:00",
                WithdrawalVerdict::Expired,
                Code::PeriodOver,
                Some("2026-03-16T23:59:59+01:00"),
                &["A"],
            ),
            // A sealed hygiene good is covered until it is known to be unsealed.
            (
                vec![
                    item("H", "D1", Some("Sealed_Hygiene"), None),
                    item("M", "D1", Some("sealed_media"), Some(false)),
                ],
                "2026-03-10T12:00:00+01:00",
                WithdrawalVerdict::Allowed,
                Code::WithinPeriod,
                Some("2026-03-16T23:59:59+01:00"),
                &["H", "M"],
            ),
            (
                vec![item("H", "D1", Some("sealed_hygiene"), Some(true))],
                "2026-03-10T12:00:00+01:00",
                WithdrawalVerdict::NotApplicable,
                Code::NoItemCovered,
                None,
                &[],
            ),
            // Nothing covered: personalised goods and a cancelled shipment.
            (
                vec![
                    item("P", "D1", Some("personalized"), None),
                    item("X", "C", None, None),
                ],
                "2026-03-10T12:00:00+01:00",
                WithdrawalVerdict::NotApplicable,
                Code::NoItemCovered,
                None,
                &[],
            ),
        ];
        for (i, (items, now, verdict, code, deadline, covered)) in cases.into_iter().enumerate() {
            order.items = items;
            let order_cx = OrderContext::new(&order, &policy);
            let now = at(now);
            let contexts: Vec<ItemContext> = order
                .items
                .iter()
                .map(|item| order_cx.item(item, now))
                .collect();
            let d = withdrawal_decision(&order_cx, &contexts, now);
            assert_eq!((d.verdict, d.code), (verdict, code), "case {i}");
            assert_eq!(
                d.deadline.map(|z| z.to_string()).as_deref(),
                deadline,
                "case {i}"
            );
            assert_eq!(d.items, covered, "case {i}");
            assert!(!d.message().is_empty(), "case {i}");
        }

        policy.withdrawal.enabled = false;
        order.items = vec![item("A", "D1", None, None)];
        let order_cx = OrderContext::new(&order, &policy);
        let now = at("2026-03-10T12:00:00+01:00");
        let contexts = vec![order_cx.item(&order.items[0], now)];
        let d = withdrawal_decision(&order_cx, &contexts, now);
        assert_eq!(
            (d.verdict, d.code, d.deadline),
            (WithdrawalVerdict::NotApplicable, Code::NotOffered, None)
        );
        assert!(d.items.is_empty());
    }

    #[test]
    fn an_unvalidated_delivery_without_a_time_does_not_open_a_deadline() {
        let mut policy = Policy::default();
        policy.withdrawal.enabled = true;
        let mut order = fixtures::retailer();
        order.shipments = vec![fixtures::shipment("D", S::Delivered, "ups")];
        order.items = vec![fixtures::item("A", Some("D"))];
        let order_cx = OrderContext::new(&order, &policy);
        let now = at("2026-03-10T12:00:00Z");
        let contexts = vec![order_cx.item(&order.items[0], now)];
        let d = withdrawal_decision(&order_cx, &contexts, now);
        assert_eq!(
            (d.verdict, d.code, d.deadline),
            (WithdrawalVerdict::Allowed, Code::DeliveryTimeUnknown, None)
        );
    }

    #[test]
    fn every_code_has_a_sentence_naming_its_values() {
        let zone_policy = Policy::default();
        let zone = zone_policy.time_zone.cached();
        let deadline = at("2026-03-16T23:59:59-07:00");
        let decision = |code, moved: bool| WithdrawalDecision {
            verdict: WithdrawalVerdict::Allowed,
            code,
            deadline: Some(zone.zoned(deadline)),
            items: vec![],
            days: 21,
            starts_on: None,
            moved_from: moved.then(|| Date::new(2026, 3, 14).unwrap()),
        };
        let table = [
            (Code::NotOffered, false, "does not offer withdrawal"),
            (Code::NoItemCovered, false, "None of this order's items"),
            (
                Code::PeriodNotStarted,
                false,
                "the 21-day withdrawal period starts the day after",
            ),
            (
                Code::DeliveryTimeUnknown,
                false,
                "the 21-day withdrawal period starts once",
            ),
            (
                Code::WithinPeriod,
                false,
                "until 16 March 2026 at 23:59:59 (store time).",
            ),
            (
                Code::WithinPeriod,
                true,
                "(store time), the first working day after the 21 days.",
            ),
            (
                Code::PeriodOver,
                false,
                "ended on 16 March 2026 at 23:59:59 (store time).",
            ),
        ];
        for (code, moved, phrase) in table {
            let text = decision(code, moved).message();
            assert!(text.contains(phrase), "{code:?}: {text}");
        }
    }
}
