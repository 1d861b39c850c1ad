//! Cancel, item by item (bundles are applied afterwards, in `bundle.rs`).
//!
//! Source: [domain.md § Cancelling](../../../docs/domain.md#cancelling). Before the shipping
//! process the retailer cancels at once; once packed or ship-confirmed it is a request; with an
//! outside carrier or out for delivery it is too late, except that the retailer's own fleet may
//! still cancel the delivery attempt. A marketplace buyer cancels alone only within the grace
//! period after ordering; afterwards the seller must approve, and can only cancel what it has not
//! shipped. A parcel a tracker reports elsewhere (tried, at a pickup point, with a problem, of
//! unknown whereabouts, on its way back) has left the store: not available, except that the
//! retailer's fleet may still cancel its next attempt.

use super::super::assessment::{CancelCode, CancelDecision, CancelVerdict};
use super::super::order::{Carrier, Order, ShipmentStatus};
use super::super::policy::Policy;
use super::super::time::Instant;
use super::ItemContext;

use CancelCode as Code;
use CancelVerdict::{Allowed, NotAvailable, Request};
use ShipmentStatus as S;

/// The item's cancel decision on its own, before its bundle is considered.
pub(crate) fn cancel_on_its_own(cx: &ItemContext) -> CancelDecision {
    let status = cx.status();
    let carrier = cx.shipment.map_or(Carrier::Unnamed, |s| s.carrier());
    let grace_end = cx.grace_end;
    // Both rules end cancelled, refused and returned shipments alike (see the tests).
    let item = cx.item;
    let requested_at = item.cancellation_requested_at;
    let (verdict, code) = if requested_at.is_some() {
        // One pending cancellation per item: the store decides it before another is asked.
        (NotAvailable, Code::CancellationRequested)
    } else if cx.order.is_retailer_fulfilled() {
        retailer_fulfilled(status, carrier)
    } else {
        marketplace_fulfilled_by_seller(status, cx.at, grace_end)
    };
    let grace_ends_at = (code == Code::WithinGracePeriod).then(|| cx.zone.zoned(grace_end));
    CancelDecision {
        verdict,
        code,
        bundle: cx.item.bundle.clone(),
        bundle_items: Vec::new(),
        grace_ends_at,
        // What the reason names: only these codes name a value of the order.
        seller: (code == Code::SellerMustApprove).then(|| cx.order.seller.name.clone()),
        carrier: (code == Code::WithCarrier)
            .then(|| cx.shipment.and_then(|s| s.carrier.clone()))
            .flatten(),
        bundle_mates: Vec::new(),
        recorded_at: requested_at.map(|t| cx.zone.zoned(t)),
        cancellation_id: requested_at.and(item.cancellation_id.clone()),
    }
}

/// When a marketplace buyer can no longer cancel alone: `placed_at` + the grace minutes.
pub(crate) fn grace_end(order: &Order, policy: &Policy) -> Instant {
    order
        .placed_at
        .saturating_add_seconds(i64::from(policy.marketplace_cancel_grace_minutes) * 60)
}

/// The retailer ships it (its own sale, or a marketplace sale it fulfils).
fn retailer_fulfilled(status: ShipmentStatus, carrier: Carrier) -> (CancelVerdict, CancelCode) {
    let fleet = carrier == Carrier::RetailerFleet;
    match status {
        S::Pending => (Allowed, Code::NotInShippingProcess),
        S::Preparing => (Request, Code::BeingPrepared),
        S::Staged => (Request, Code::StagedForShipping),
        // The fleet's drivers can skip the stop, now or at the next attempt.
        S::InTransit | S::AttemptedDelivery if fleet => (Request, Code::WithRetailerFleet),
        S::InTransit => (NotAvailable, Code::WithCarrier),
        S::OutForDelivery => (NotAvailable, Code::OutForDelivery),
        status => after_leaving(status),
    }
}

/// Out of the store's and the seller's hands alike: with a carrier's partner, tried, a
/// problem, unknown, delivered or ended.
fn after_leaving(status: ShipmentStatus) -> (CancelVerdict, CancelCode) {
    let code = match status {
        S::AttemptedDelivery => Code::DeliveryAttempted,
        S::AvailableForPickup => Code::AtPickupPoint,
        S::Exception => Code::DeliveryProblem,
        S::Unknown => Code::StatusUnknown,
        S::ReturningToSender => Code::ReturningToSender,
        S::Cancelled => Code::AlreadyCancelled,
        S::Refused => Code::Refused,
        S::ReturnedToSender => Code::ReturnedToSender,
        S::OutForDelivery => Code::OutForDelivery,
        // Delivered; the earlier states are decided by the callers.
        _ => Code::Delivered,
    };
    (NotAvailable, code)
}

/// A marketplace seller sells and ships it. `at < grace_end`: the grace period is running.
fn marketplace_fulfilled_by_seller(
    status: ShipmentStatus,
    at: Instant,
    grace_end: Instant,
) -> (CancelVerdict, CancelCode) {
    match status {
        S::Pending if at < grace_end => (Allowed, Code::WithinGracePeriod),
        // Preparing within the grace period: the seller has started, so it is theirs to approve.
        S::Pending | S::Preparing => (Request, Code::SellerMustApprove),
        S::Staged | S::InTransit => (NotAvailable, Code::ShippedBySeller),
        status => after_leaving(status),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{self, at};
    use super::super::OrderContext;
    use super::*;

    const ALL: [ShipmentStatus; 14] = [
        S::Pending,
        S::Preparing,
        S::Staged,
        S::InTransit,
        S::OutForDelivery,
        S::AttemptedDelivery,
        S::AvailableForPickup,
        S::Delivered,
        S::Exception,
        S::Unknown,
        S::ReturningToSender,
        S::Refused,
        S::ReturnedToSender,
        S::Cancelled,
    ];

    #[test]
    fn retailer_fulfilled_by_status_and_carrier() {
        let table = [
            (S::Pending, "ups", Allowed, Code::NotInShippingProcess),
            (S::Preparing, "ups", Request, Code::BeingPrepared),
            (S::Staged, "ups", Request, Code::StagedForShipping),
            (
                S::InTransit,
                "retailer_fleet",
                Request,
                Code::WithRetailerFleet,
            ),
            (S::InTransit, "ups", NotAvailable, Code::WithCarrier),
            (S::InTransit, "usps", NotAvailable, Code::WithCarrier),
            (
                S::OutForDelivery,
                "retailer_fleet",
                NotAvailable,
                Code::OutForDelivery,
            ),
            (
                S::Delivered,
                "retailer_fleet",
                NotAvailable,
                Code::Delivered,
            ),
            (S::Cancelled, "ups", NotAvailable, Code::AlreadyCancelled),
            (S::Refused, "ups", NotAvailable, Code::Refused),
            (
                S::ReturnedToSender,
                "ups",
                NotAvailable,
                Code::ReturnedToSender,
            ),
            // What trackers report besides (issue 21).
            (
                S::AttemptedDelivery,
                "DPD",
                NotAvailable,
                Code::DeliveryAttempted,
            ),
            (
                S::AttemptedDelivery,
                "usps",
                NotAvailable,
                Code::DeliveryAttempted,
            ),
            (
                S::AttemptedDelivery,
                "Retailer_Fleet",
                Request,
                Code::WithRetailerFleet,
            ),
            (
                S::AvailableForPickup,
                "DPD",
                NotAvailable,
                Code::AtPickupPoint,
            ),
            (
                S::AvailableForPickup,
                "retailer_fleet",
                NotAvailable,
                Code::AtPickupPoint,
            ),
            (
                S::Exception,
                "retailer_fleet",
                NotAvailable,
                Code::DeliveryProblem,
            ),
            (S::Unknown, "PostNL", NotAvailable, Code::StatusUnknown),
            (
                S::ReturningToSender,
                "DPD",
                NotAvailable,
                Code::ReturningToSender,
            ),
            (
                S::InTransit,
                " RETAILER_FLEET ",
                Request,
                Code::WithRetailerFleet,
            ),
            (S::InTransit, "DPD", NotAvailable, Code::WithCarrier),
        ];
        for (status, carrier, verdict, code) in table {
            assert_eq!(
                retailer_fulfilled(status, Carrier::parse(Some(carrier))),
                (verdict, code),
                "{status:?} {carrier:?}"
            );
        }
    }

    #[test]
    fn marketplace_grace_period_to_the_second() {
        let end = at("2025-03-01T09:30:00-08:00");
        let before = end.saturating_add_seconds(-1);
        let table = [
            (S::Pending, before, Allowed, Code::WithinGracePeriod),
            (S::Pending, end, Request, Code::SellerMustApprove),
            (S::Preparing, before, Request, Code::SellerMustApprove),
            (S::Preparing, end, Request, Code::SellerMustApprove),
            (S::Staged, before, NotAvailable, Code::ShippedBySeller),
            (S::InTransit, end, NotAvailable, Code::ShippedBySeller),
            (
                S::OutForDelivery,
                before,
                NotAvailable,
                Code::OutForDelivery,
            ),
            (S::Delivered, end, NotAvailable, Code::Delivered),
            (S::Cancelled, before, NotAvailable, Code::AlreadyCancelled),
            (
                S::AttemptedDelivery,
                before,
                NotAvailable,
                Code::DeliveryAttempted,
            ),
            (
                S::AvailableForPickup,
                end,
                NotAvailable,
                Code::AtPickupPoint,
            ),
            (S::Exception, before, NotAvailable, Code::DeliveryProblem),
            (S::Unknown, end, NotAvailable, Code::StatusUnknown),
            (
                S::ReturningToSender,
                before,
                NotAvailable,
                Code::ReturningToSender,
            ),
        ];
        for (status, now, verdict, code) in table {
            assert_eq!(
                marketplace_fulfilled_by_seller(status, now, end),
                (verdict, code),
                "{status:?} at {now}"
            );
        }
    }

    #[test]
    fn endings_win_for_every_fulfilment() {
        use super::super::super::order::{FulfilledBy, SellerKind};
        let policy = Policy::default();
        let fulfilments = [
            (SellerKind::Retailer, FulfilledBy::Retailer),
            (SellerKind::Retailer, FulfilledBy::Seller),
            (SellerKind::Marketplace, FulfilledBy::Retailer),
            (SellerKind::Marketplace, FulfilledBy::Seller),
        ];
        for (kind, by) in fulfilments {
            for carrier in ["ups", "retailer_fleet"] {
                for status in ALL {
                    let mut order = fixtures::order(kind, by);
                    order
                        .shipments
                        .push(fixtures::shipment("S1", status, carrier));
                    order.items.push(fixtures::item("A", Some("S1")));
                    // Within the grace period and after it.
                    for now in [order.placed_at, at("2025-03-02T09:00:00-08:00")] {
                        let cx = OrderContext::new(&order, &policy);
                        let decision = cancel_on_its_own(&cx.item(&order.items[0], now));
                        let ended = match decision.code {
                            Code::AlreadyCancelled => Some(S::Cancelled),
                            Code::Refused => Some(S::Refused),
                            Code::ReturnedToSender => Some(S::ReturnedToSender),
                            _ => None,
                        };
                        assert_eq!(
                            ended.is_some(),
                            matches!(status, S::Cancelled | S::Refused | S::ReturnedToSender)
                        );
                        if ended.is_some() {
                            assert_eq!(ended, Some(status), "{kind:?} {by:?} {carrier:?}");
                            assert_eq!(decision.verdict, NotAvailable);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn who_fulfils_decides_which_rule_applies() {
        use super::super::super::order::{FulfilledBy, SellerKind};
        let policy = Policy::default();
        let now = at("2025-03-01T09:10:00-08:00");
        // (seller kind, fulfilled by, expected code for an unassigned item 10 minutes in)
        let table = [
            (
                SellerKind::Retailer,
                FulfilledBy::Retailer,
                Code::NotInShippingProcess,
            ),
            (
                SellerKind::Retailer,
                FulfilledBy::Seller,
                Code::NotInShippingProcess,
            ),
            (
                SellerKind::Marketplace,
                FulfilledBy::Retailer,
                Code::NotInShippingProcess,
            ),
            (
                SellerKind::Marketplace,
                FulfilledBy::Seller,
                Code::WithinGracePeriod,
            ),
        ];
        for (kind, by, code) in table {
            let mut order = fixtures::order(kind, by);
            order.items.push(fixtures::item("A", None));
            let decision =
                cancel_on_its_own(&OrderContext::new(&order, &policy).item(&order.items[0], now));
            assert_eq!(decision.code, code, "{kind:?} {by:?}");
            assert_eq!(decision.verdict, Allowed);
            assert_eq!(
                decision.grace_ends_at.is_some(),
                code == Code::WithinGracePeriod
            );
            assert!(!decision.message().is_empty());
        }
    }

    #[test]
    fn grace_end_is_placed_at_plus_the_minutes_and_in_the_message() {
        let mut order = fixtures::marketplace();
        order.items.push(fixtures::item("A", Some("S9"))); // dangling: unassigned
        let policy = Policy {
            marketplace_cancel_grace_minutes: 45,
            ..Policy::default()
        };
        assert_eq!(grace_end(&order, &policy), at("2025-03-01T09:45:00-08:00"));
        let decision = cancel_on_its_own(
            &OrderContext::new(&order, &policy).item(&order.items[0], order.placed_at),
        );
        assert_eq!(
            decision.grace_ends_at.map(|z| z.to_string()).as_deref(),
            Some("2025-03-01T09:45:00-08:00")
        );
        let message = decision.message();
        assert!(
            message.contains("1 March 2025 at 09:45 (store time)"),
            "{message}"
        );
    }
}
