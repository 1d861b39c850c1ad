//! Return: whether an item can be returned, how many, and until when.
//!
//! Source: [domain.md § Returning](../../../docs/domain.md#returning) and
//! [§ Time, precisely](../../../docs/domain.md#time-precisely). The window opens at delivery and
//! lasts the category's days (else the default), counted in the store's zone and ending at the
//! end of the last day (23:59:59 local). Items *shipped* within the holiday period can be
//! returned until the holiday date of the next year if that is later. Final-sale items,
//! non-returnable categories and lines with nothing left are not returnable; an item not yet
//! delivered is "not yet" returnable (never "open forever"). Waiting at a pickup point, with a
//! delivery problem or of unknown whereabouts it is "not yet" too, with no expected deadline:
//! when (or whether) it arrives is not the estimate's to say; on its way back, not returnable.

use super::super::assessment::{ReturnCode, ReturnDecision, ReturnVerdict};
use super::super::order::{Item, ShipmentStatus};
use super::super::policy::{MonthDay, Policy};
use super::super::time::{day_after, CachedZone, Date, Instant};
use super::ItemContext;

use ReturnCode as Code;
use ShipmentStatus as S;

pub(crate) fn return_decision(cx: &ItemContext) -> ReturnDecision {
    let item = cx.item;
    let not_returnable = shipment_ended(cx.status())
        .or_else(|| final_sale(item))
        .or_else(|| non_returnable_category(cx.policy, item))
        .or_else(|| nothing_left(item));
    if let Some(code) = not_returnable {
        return ReturnDecision {
            verdict: ReturnVerdict::NotReturnable,
            code,
            deadline: None,
            quantity: 0,
            holiday_extended: false,
            item_quantity: item.quantity,
            // Only this reason names the category.
            category: (code == Code::NonReturnableCategory)
                .then(|| item.category.as_deref().map(|id| cx.policy.named(id)))
                .flatten(),
            withdrawn_at: (code == Code::Withdrawn)
                .then(|| item.withdrawal_received_at.map(|t| cx.zone.zoned(t)))
                .flatten(),
        };
    }
    match cx.shipment.filter(|s| s.status == S::Delivered) {
        None => before_delivery(cx),
        Some(shipment) => match shipment.delivered_at {
            Some(delivered_at) => window(cx, delivered_at, shipment.shipped_at),
            // Only an unvalidated order gets here; a missing time must not open the window
            // forever.
            None => ReturnDecision {
                verdict: ReturnVerdict::NotYet,
                code: Code::DeliveryTimeUnknown,
                deadline: None,
                quantity: item.remaining_quantity(),
                holiday_extended: false,
                item_quantity: item.quantity,
                category: None,
                withdrawn_at: None,
            },
        },
    }
}

/// Not delivered yet: returnable later, with the deadline the estimated delivery would give.
/// (The holiday rule looks at the ship date, else the order date.)
fn before_delivery(cx: &ItemContext) -> ReturnDecision {
    let item = cx.item;
    let quantity = item.remaining_quantity();
    let code = match cx.status() {
        S::AvailableForPickup => Code::AwaitingCollection,
        S::Exception => Code::DeliveryProblem,
        S::Unknown => Code::StatusUnknown,
        _ => Code::NotDeliveredYet,
    };
    let estimated = cx.shipment.filter(|_| code == Code::NotDeliveredYet);
    let expected = estimated.and_then(|s| {
        let shipped = s.shipped_at.unwrap_or(cx.order.placed_at);
        let category = item.category.as_deref();
        Some(return_deadline(
            cx.policy,
            cx.zone,
            category,
            s.estimated_delivery?,
            shipped,
        ))
    });
    ReturnDecision {
        verdict: ReturnVerdict::NotYet,
        code,
        deadline: expected.map(|(d, _)| cx.zone.zoned(d)),
        quantity,
        holiday_extended: expected.is_some_and(|(_, holiday)| holiday),
        item_quantity: item.quantity,
        category: None,
        withdrawn_at: None,
    }
}

/// Delivered: open through the deadline, closed after it.
fn window(cx: &ItemContext, delivered_at: Instant, shipped_at: Option<Instant>) -> ReturnDecision {
    let item = cx.item;
    let shipped = shipped_at.unwrap_or(delivered_at);
    let (deadline, holiday) = return_deadline(
        cx.policy,
        cx.zone,
        item.category.as_deref(),
        delivered_at,
        shipped,
    );
    let verdict = window_verdict(cx.at, deadline);
    let (code, quantity) = if verdict == ReturnVerdict::Allowed {
        (Code::WithinWindow, item.remaining_quantity())
    } else {
        (Code::WindowClosed, 0)
    };
    ReturnDecision {
        verdict,
        code,
        deadline: Some(cx.zone.zoned(deadline)),
        quantity,
        holiday_extended: holiday,
        item_quantity: item.quantity,
        category: None,
        withdrawn_at: None,
    }
}

/// The last second of the return window, and whether the holiday rule set it.
///
/// `delivered`: when the window opens; `shipped`: what the holiday rule looks at.
pub(crate) fn return_deadline(
    policy: &Policy,
    zone: &CachedZone,
    category: Option<&str>,
    delivered: Instant,
    shipped: Instant,
) -> (Instant, bool) {
    // In day numbers: only the holiday rule needs a calendar date.
    let window = i64::from(policy.window_days(category));
    let standard = zone.end_of_local_day(day_after(zone.local_day(delivered), window));
    match holiday_deadline(policy, zone, shipped) {
        Some(holiday) if holiday > standard => (holiday, true),
        _ => (standard, false),
    }
}

/// Shipped (local date) within the holiday period: the end of `return_until` the next year.
fn holiday_deadline(policy: &Policy, zone: &CachedZone, shipped: Instant) -> Option<Instant> {
    let rule = &policy.holiday_extension;
    if !rule.enabled {
        return None;
    }
    let ship_date = zone.to_civil(shipped).date;
    let shipped = MonthDay {
        month: ship_date.month(),
        day: ship_date.day(),
    };
    // `MonthDay` orders by month, then day.
    if !(rule.shipped_from..=rule.shipped_until).contains(&shipped) {
        return None;
    }
    let year = ship_date.year().saturating_add(1);
    // 02-29 in a year without one: the 28th.
    let until = Date::new(year, rule.return_until.month, rule.return_until.day).or_else(|| {
        Date::new(
            year,
            rule.return_until.month,
            rule.return_until.day.saturating_sub(1),
        )
    })?;
    Some(zone.end_of_day(until))
}

/// Open through the deadline's last second, closed from the next.
fn window_verdict(at: Instant, deadline: Instant) -> ReturnVerdict {
    if at <= deadline {
        ReturnVerdict::Allowed
    } else {
        ReturnVerdict::Expired
    }
}

fn shipment_ended(status: ShipmentStatus) -> Option<ReturnCode> {
    match status {
        S::Cancelled => Some(Code::Cancelled),
        S::Refused => Some(Code::Refused),
        S::ReturnedToSender => Some(Code::ReturnedToSender),
        S::ReturningToSender => Some(Code::ReturningToSender),
        _ => None,
    }
}

fn final_sale(item: &Item) -> Option<ReturnCode> {
    item.final_sale.then_some(Code::FinalSale)
}

fn non_returnable_category(policy: &Policy, item: &Item) -> Option<ReturnCode> {
    policy
        .is_non_returnable(item.category.as_deref())
        .then_some(Code::NonReturnableCategory)
}

/// quantity − returned − requested − withdrawn is 0.
fn nothing_left(item: &Item) -> Option<ReturnCode> {
    if item.remaining_quantity() > 0 {
        None
    } else if item.returned_quantity >= item.quantity {
        Some(Code::AlreadyReturned)
    } else if item.withdrawn_units() > 0 {
        Some(Code::Withdrawn)
    } else {
        Some(Code::ReturnAlreadyRequested)
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::policy::MonthDay;
    use super::super::fixtures::{self, at};
    use super::super::OrderContext;
    use super::*;

    fn deadline(
        policy: &Policy,
        category: Option<&str>,
        delivered: &str,
        shipped: &str,
    ) -> (String, bool) {
        let zone = policy.time_zone.cached();
        let (d, h) = return_deadline(policy, &zone, category, at(delivered), at(shipped));
        (policy.time_zone.format_rfc3339(d), h)
    }

    #[test]
    fn deadlines_by_category_dst_and_holiday() {
        // The holiday rows need the extension, which a store turns on.
        let mut p = Policy::default();
        p.holiday_extension.enabled = true;
        let table = [
            // The documented DST example.
            (
                None,
                "2025-03-01T14:00:00-08:00",
                "2025-02-27T10:00:00-08:00",
                "2025-03-31T23:59:59-07:00",
                false,
            ),
            // The local date decides: 23:30 in Los Angeles is the next day in UTC.
            (
                None,
                "2025-06-01T23:30:00-07:00",
                "2025-05-30T10:00:00-07:00",
                "2025-07-01T23:59:59-07:00",
                false,
            ),
            (
                Some("ebooks"),
                "2025-06-01T10:00:00-07:00",
                "2025-06-01T10:00:00-07:00",
                "2025-06-08T23:59:59-07:00",
                false,
            ),
            (
                Some("Baby"),
                "2025-06-01T10:00:00-07:00",
                "2025-05-30T10:00:00-07:00",
                "2025-08-30T23:59:59-07:00",
                false,
            ),
            // Holiday: shipped 31 Oct 23:59:59 local is outside, 1 Nov 00:00:00 inside.
            (
                None,
                "2025-11-03T12:00:00-08:00",
                "2025-10-31T23:59:59-07:00",
                "2025-12-03T23:59:59-08:00",
                false,
            ),
            (
                None,
                "2025-11-03T12:00:00-08:00",
                "2025-11-01T00:00:00-07:00",
                "2026-01-31T23:59:59-08:00",
                true,
            ),
            (
                None,
                "2025-12-31T12:00:00-08:00",
                "2025-12-31T23:59:59-08:00",
                "2026-01-31T23:59:59-08:00",
                true,
            ),
            // The later deadline wins: baby's 90 days beat 31 January.
            (
                Some("baby"),
                "2025-12-20T12:00:00-08:00",
                "2025-12-18T12:00:00-08:00",
                "2026-03-20T23:59:59-07:00",
                false,
            ),
        ];
        for (category, delivered, shipped, expected, holiday) in table {
            assert_eq!(
                deadline(&p, category, delivered, shipped),
                (expected.to_owned(), holiday),
                "{category:?} {delivered}"
            );
        }
    }

    #[test]
    fn holiday_rule_can_be_disabled_or_moved() {
        let mut p = Policy::default();
        p.holiday_extension.enabled = false;
        assert_eq!(
            deadline(
                &p,
                None,
                "2025-11-20T12:00:00-08:00",
                "2025-11-18T12:00:00-08:00"
            ),
            ("2025-12-20T23:59:59-08:00".to_owned(), false)
        );
        p.holiday_extension.enabled = true;
        p.holiday_extension.return_until = MonthDay { month: 2, day: 29 };
        // 2026 has no 29 February: the 28th.
        assert_eq!(
            deadline(
                &p,
                None,
                "2025-11-20T12:00:00-08:00",
                "2025-11-18T12:00:00-08:00"
            ),
            ("2026-02-28T23:59:59-08:00".to_owned(), true)
        );
    }

    #[test]
    fn window_is_inclusive_to_the_second() {
        let d = at("2025-03-31T23:59:59-07:00");
        assert_eq!(window_verdict(d, d), ReturnVerdict::Allowed);
        assert_eq!(
            window_verdict(d.saturating_add_seconds(-1), d),
            ReturnVerdict::Allowed
        );
        assert_eq!(
            window_verdict(d.saturating_add_seconds(1), d),
            ReturnVerdict::Expired
        );
    }

    #[test]
    fn not_returnable_rules_each_have_their_code() {
        let p = Policy::default();
        let mut item = fixtures::item("A", None);
        assert_eq!(final_sale(&item), None);
        item.final_sale = true;
        assert_eq!(final_sale(&item), Some(Code::FinalSale));

        for (category, expected) in [("groceries", true), ("Gift_Cards", true), ("books", false)] {
            item.category = Some(category.into());
            assert_eq!(
                non_returnable_category(&p, &item).is_some(),
                expected,
                "{category}"
            );
        }

        // (quantity, returned, requested) → code
        let table = [
            (3, 1, 1, None),
            (3, 3, 0, Some(Code::AlreadyReturned)),
            (3, 1, 2, Some(Code::ReturnAlreadyRequested)),
            (3, 0, 3, Some(Code::ReturnAlreadyRequested)),
            (1, 5, 5, Some(Code::AlreadyReturned)), // invalid, but no panic
        ];
        for (quantity, returned, requested, code) in table {
            let item = Item {
                quantity,
                returned_quantity: returned,
                return_requested_quantity: requested,
                ..fixtures::item("A", None)
            };
            assert_eq!(
                nothing_left(&item),
                code,
                "{quantity} {returned} {requested}"
            );
        }
    }

    #[test]
    fn decisions_for_an_item_in_each_state() {
        let policy = Policy::default();
        let mut order = fixtures::retailer();
        let mut delivered = fixtures::shipment("D", S::Delivered, "ups");
        delivered.shipped_at = Some(at("2025-02-27T10:00:00-08:00"));
        delivered.delivered_at = Some(at("2025-03-01T14:00:00-08:00"));
        let mut on_the_way = fixtures::shipment("T", S::InTransit, "ups");
        on_the_way.estimated_delivery = Some(at("2025-03-01T14:00:00-08:00"));
        let mut no_time = fixtures::shipment("X", S::Delivered, "ups");
        no_time.delivered_at = None;
        order.shipments = vec![
            delivered,
            on_the_way,
            no_time,
            fixtures::shipment("C", S::Cancelled, "ups"),
        ];
        let mut three = fixtures::item("A", Some("D"));
        three.quantity = 3;
        three.returned_quantity = 1;
        three.return_requested_quantity = 1;
        order.items = vec![
            three,
            fixtures::item("B", Some("T")),
            fixtures::item("C", Some("X")),
            fixtures::item("E", Some("C")),
            fixtures::item("F", None),
        ];

        let in_window = at("2025-03-31T23:59:59-07:00");
        // (item, instant) → (verdict, code, deadline, quantity)
        let table = [
            (
                0,
                in_window,
                ReturnVerdict::Allowed,
                Code::WithinWindow,
                Some("2025-03-31T23:59:59-07:00"),
                1,
            ),
            (
                0,
                in_window.saturating_add_seconds(1),
                ReturnVerdict::Expired,
                Code::WindowClosed,
                Some("2025-03-31T23:59:59-07:00"),
                0,
            ),
            (
                1,
                in_window,
                ReturnVerdict::NotYet,
                Code::NotDeliveredYet,
                Some("2025-03-31T23:59:59-07:00"),
                1,
            ),
            (
                2,
                in_window,
                ReturnVerdict::NotYet,
                Code::DeliveryTimeUnknown,
                None,
                1,
            ),
            (
                3,
                in_window,
                ReturnVerdict::NotReturnable,
                Code::Cancelled,
                None,
                0,
            ),
            (
                4,
                in_window,
                ReturnVerdict::NotYet,
                Code::NotDeliveredYet,
                None,
                1,
            ),
        ];
        let order_cx = OrderContext::new(&order, &policy);
        for (index, now, verdict, code, expected_deadline, quantity) in table {
            let d = return_decision(&order_cx.item(&order.items[index], now));
            assert_eq!(
                (d.verdict, d.code),
                (verdict, code),
                "item {index} at {now}"
            );
            assert_eq!(
                d.deadline.map(|z| z.to_string()).as_deref(),
                expected_deadline,
                "item {index}"
            );
            assert_eq!(d.quantity, quantity, "item {index}");
        }
        let first = return_decision(&order_cx.item(&order.items[0], in_window));
        let message = first.message();
        assert!(
            message.contains("1 of 3 until 31 March 2025 at 23:59:59 (store time)"),
            "{message}"
        );
    }
}
