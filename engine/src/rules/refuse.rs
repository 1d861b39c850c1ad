//! Refuse the delivery.
//!
//! Source: [domain.md § Refusing the delivery](../../../docs/domain.md#refusing-the-delivery).
//! While the package is on its way, the customer can tell the driver at the door (easier with the
//! retailer's fleet: tracking shows a live map within 10 stops). After delivery only USPS takes a
//! package back, unopened, marked "Refused", with free return postage (USPS DMM 508.1.1.3);
//! certified, insured and cash-on-delivery pieces must be refused at the moment of delivery.
//! A parcel waiting at a pickup point is not accepted until collected: it can be declined at a
//! staffed counter or left uncollected, until the end of the holding time (`pickup_until`);
//! after a failed attempt it can be refused at the next one. A delivery problem, no
//! information, or a parcel on its way back: nothing to refuse.

use super::super::assessment::{LiveMapBand, RefuseCode, RefuseDecision, RefuseVerdict};
use super::super::order::{Carrier, Item, Shipment, ShipmentStatus};
use super::super::time::Instant;
use super::ItemContext;

use RefuseCode as Code;
use RefuseVerdict::{AfterDeliveryUnopened, AtDoor, AtPickupPoint, NotAvailable};
use ShipmentStatus as S;

/// The retailer fleet's tracking shows the live map within this many stops.
const LIVE_MAP_STOPS: u32 = 10;

pub(crate) fn refuse(cx: &ItemContext) -> RefuseDecision {
    let Some(shipment) = cx.shipment else {
        return RefuseDecision {
            verdict: NotAvailable,
            code: Code::NotShippedYet,
            stops_away: None,
            live_map: None,
            carrier: None,
            out_for_delivery: false,
            seller_refunds: false,
            opened: cx.item.opened,
            service: None,
            pickup_kind: None,
            pickup_until: None,
        };
    };
    let (verdict, code) = match shipment.status {
        S::InTransit | S::OutForDelivery => at_the_door(shipment.carrier()),
        S::AttemptedDelivery => (AtDoor, Code::AtNextAttempt),
        S::AvailableForPickup => at_pickup_point(shipment.pickup_until, cx.at),
        S::Delivered => after_delivery(cx.item, shipment),
        status => not_shipped_or_ended(status),
    };
    let pickup = matches!(code, Code::AtPickupPoint | Code::PickupTimeOver);
    let stops_away = if shipment.status.is_on_the_way() {
        shipment.stops_away
    } else {
        None
    };
    RefuseDecision {
        verdict,
        code,
        stops_away,
        live_map: (code == Code::AtDoorLiveMap).then(|| live_map_band(stops_away)),
        // Only these reasons name the carrier.
        carrier: matches!(code, Code::AtDoor | Code::DeliveredByOtherCarrier)
            .then(|| shipment.carrier.clone())
            .flatten(),
        out_for_delivery: shipment.status == S::OutForDelivery,
        seller_refunds: cx.order.is_marketplace_fulfilled_by_seller(),
        opened: cx.item.opened,
        // Only this reason names the service.
        service: (code == Code::MustRefuseAtDelivery)
            .then(|| shipment.service.clone())
            .flatten(),
        pickup_kind: shipment.pickup_kind.filter(|_| code == Code::AtPickupPoint),
        pickup_until: shipment
            .pickup_until
            .filter(|_| pickup)
            .map(|t| cx.zone.zoned(t)),
    }
}

/// At a pickup point: not accepted until collected, so it can be declined or left, through the
/// last second of `pickup_until` (none: the order does not say when the holding time ends).
fn at_pickup_point(until: Option<Instant>, at: Instant) -> (RefuseVerdict, RefuseCode) {
    match until {
        Some(until) if at > until => (NotAvailable, Code::PickupTimeOver),
        _ => (AtPickupPoint, Code::AtPickupPoint),
    }
}

/// Where the live map puts a parcel `stops_away` stops away.
fn live_map_band(stops_away: Option<u32>) -> LiveMapBand {
    match stops_away {
        Some(0) => LiveMapBand::NextStop,
        Some(n) if n <= LIVE_MAP_STOPS => LiveMapBand::OnTheMap,
        Some(_) => LiveMapBand::BeyondTheMap,
        None => LiveMapBand::StopsUnknown,
    }
}

/// On its way: refuse it at the door.
fn at_the_door(carrier: Carrier) -> (RefuseVerdict, RefuseCode) {
    match carrier {
        Carrier::RetailerFleet => (AtDoor, Code::AtDoorLiveMap),
        _ => (AtDoor, Code::AtDoor),
    }
}

/// Delivered: only an unopened USPS package, of a service that may be refused afterwards.
fn after_delivery(item: &Item, shipment: &Shipment) -> (RefuseVerdict, RefuseCode) {
    if shipment.carrier() != Carrier::Usps {
        (NotAvailable, Code::DeliveredByOtherCarrier)
    } else if item.opened == Some(true) {
        (NotAvailable, Code::Opened)
    } else if must_be_refused_at_delivery(shipment.service.as_deref()) {
        (NotAvailable, Code::MustRefuseAtDelivery)
    } else {
        (AfterDeliveryUnopened, Code::UspsUnopened)
    }
}

/// Not on its way and not delivered: nothing to refuse (yet, or any more).
fn not_shipped_or_ended(status: ShipmentStatus) -> (RefuseVerdict, RefuseCode) {
    let code = match status {
        S::Refused => Code::AlreadyRefused,
        S::ReturnedToSender => Code::ReturnedToSender,
        S::Cancelled => Code::ShipmentCancelled,
        S::Exception => Code::DeliveryProblem,
        S::Unknown => Code::StatusUnknown,
        S::ReturningToSender => Code::ReturningToSender,
        _ => Code::NotShippedYet,
    };
    (NotAvailable, code)
}

/// Certified, insured and cash-on-delivery mail can only be refused at delivery.
fn must_be_refused_at_delivery(service: Option<&str>) -> bool {
    let Some(service) = service else {
        return false;
    };
    let normalized: String = service
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    matches!(
        normalized.as_str(),
        "certified"
            | "certified_mail"
            | "insured"
            | "insured_mail"
            | "cod"
            | "c.o.d."
            | "cash_on_delivery"
            | "collect_on_delivery"
    )
}

#[cfg(test)]
mod tests {
    use super::super::super::policy::Policy;
    use super::super::fixtures::{self, at};
    use super::super::OrderContext;
    use super::*;

    fn refuse_with(
        status: S,
        carrier: &str,
        service: Option<&str>,
        opened: Option<bool>,
        stops: Option<u32>,
    ) -> RefuseDecision {
        let mut order = fixtures::retailer();
        let mut shipment = fixtures::shipment("S1", status, carrier);
        shipment.service = service.map(Into::into);
        shipment.stops_away = stops;
        order.shipments.push(shipment);
        let mut item = fixtures::item("A", Some("S1"));
        item.opened = opened;
        order.items.push(item);
        let policy = Policy::default();
        refuse(
            &OrderContext::new(&order, &policy).item(&order.items[0], at("2025-03-05T12:00:00Z")),
        )
    }

    #[test]
    fn by_status_carrier_service_and_condition() {
        let table = [
            (
                S::Pending,
                "ups",
                None,
                None,
                NotAvailable,
                Code::NotShippedYet,
            ),
            (
                S::Preparing,
                "usps",
                None,
                None,
                NotAvailable,
                Code::NotShippedYet,
            ),
            (
                S::Staged,
                "retailer_fleet",
                None,
                None,
                NotAvailable,
                Code::NotShippedYet,
            ),
            (S::InTransit, "ups", None, None, AtDoor, Code::AtDoor),
            (
                S::OutForDelivery,
                "usps",
                Some("certified"),
                None,
                AtDoor,
                Code::AtDoor,
            ),
            (
                S::InTransit,
                "retailer_fleet",
                None,
                None,
                AtDoor,
                Code::AtDoorLiveMap,
            ),
            (
                S::OutForDelivery,
                "retailer_fleet",
                None,
                Some(true),
                AtDoor,
                Code::AtDoorLiveMap,
            ),
            (
                S::Delivered,
                "usps",
                Some("first_class"),
                None,
                AfterDeliveryUnopened,
                Code::UspsUnopened,
            ),
            (
                S::Delivered,
                "usps",
                None,
                Some(false),
                AfterDeliveryUnopened,
                Code::UspsUnopened,
            ),
            (
                S::Delivered,
                "usps",
                None,
                Some(true),
                NotAvailable,
                Code::Opened,
            ),
            (
                S::Delivered,
                "usps",
                Some("Certified"),
                None,
                NotAvailable,
                Code::MustRefuseAtDelivery,
            ),
            (
                S::Delivered,
                "usps",
                Some("insured"),
                Some(false),
                NotAvailable,
                Code::MustRefuseAtDelivery,
            ),
            (
                S::Delivered,
                "usps",
                Some("cod"),
                None,
                NotAvailable,
                Code::MustRefuseAtDelivery,
            ),
            (
                S::Delivered,
                "usps",
                Some("cash-on-delivery"),
                None,
                NotAvailable,
                Code::MustRefuseAtDelivery,
            ),
            (
                S::Delivered,
                "ups",
                None,
                Some(false),
                NotAvailable,
                Code::DeliveredByOtherCarrier,
            ),
            (
                S::Delivered,
                "dhl",
                None,
                None,
                NotAvailable,
                Code::DeliveredByOtherCarrier,
            ),
            (
                S::Delivered,
                "retailer_fleet",
                None,
                None,
                NotAvailable,
                Code::DeliveredByOtherCarrier,
            ),
            (
                S::Refused,
                "usps",
                None,
                None,
                NotAvailable,
                Code::AlreadyRefused,
            ),
            (
                S::ReturnedToSender,
                "ups",
                None,
                None,
                NotAvailable,
                Code::ReturnedToSender,
            ),
            (
                S::Cancelled,
                "ups",
                None,
                None,
                NotAvailable,
                Code::ShipmentCancelled,
            ),
            // What trackers report besides (issue 21).
            (
                S::AttemptedDelivery,
                "DPD",
                None,
                None,
                AtDoor,
                Code::AtNextAttempt,
            ),
            (
                S::AttemptedDelivery,
                "retailer_fleet",
                None,
                None,
                AtDoor,
                Code::AtNextAttempt,
            ),
            (
                S::AvailableForPickup,
                "DPD",
                None,
                None,
                AtPickupPoint,
                Code::AtPickupPoint,
            ),
            (
                S::AvailableForPickup,
                "usps",
                None,
                Some(true),
                AtPickupPoint,
                Code::AtPickupPoint,
            ),
            (
                S::Exception,
                "DPD",
                None,
                None,
                NotAvailable,
                Code::DeliveryProblem,
            ),
            (
                S::Unknown,
                "DPD",
                None,
                None,
                NotAvailable,
                Code::StatusUnknown,
            ),
            (
                S::ReturningToSender,
                "DPD",
                None,
                None,
                NotAvailable,
                Code::ReturningToSender,
            ),
            (
                S::Delivered,
                "USPS",
                None,
                None,
                AfterDeliveryUnopened,
                Code::UspsUnopened,
            ),
            (
                S::Delivered,
                " usps ",
                None,
                None,
                AfterDeliveryUnopened,
                Code::UspsUnopened,
            ),
            (
                S::Delivered,
                "DPD",
                None,
                None,
                NotAvailable,
                Code::DeliveredByOtherCarrier,
            ),
            (
                S::InTransit,
                "Retailer_Fleet",
                None,
                None,
                AtDoor,
                Code::AtDoorLiveMap,
            ),
        ];
        for (status, carrier, service, opened, verdict, code) in table {
            let d = refuse_with(status, carrier, service, opened, None);
            assert_eq!(
                (d.verdict, d.code),
                (verdict, code),
                "{status:?} {carrier:?} {service:?} {opened:?}"
            );
            assert_eq!(d.live_map.is_some(), code == Code::AtDoorLiveMap);
            let message = d.message();
            assert!(message.ends_with('.'), "{message}");
        }
    }

    #[test]
    fn live_map_and_stops_away() {
        use LiveMapBand::*;
        let table = [
            (
                Some(4),
                OnTheMap,
                "4 stops away, so it is on the live map now",
            ),
            (
                Some(10),
                OnTheMap,
                "10 stops away, so it is on the live map now",
            ),
            (
                Some(11),
                BeyondTheMap,
                "11 stops away, and tracking shows it on a live map from 10 stops",
            ),
            (Some(1), OnTheMap, "1 stop away"),
            (Some(0), NextStop, "next stop"),
            (None, StopsUnknown, "once it is within 10 stops"),
        ];
        for (stops, band, phrase) in table {
            let d = refuse_with(S::OutForDelivery, "retailer_fleet", None, None, stops);
            assert_eq!(d.stops_away, stops);
            assert_eq!(d.live_map, Some(band));
            assert!(d.message().contains(phrase), "{stops:?}: {}", d.message());
        }
        // stops_away only means something on the way.
        assert_eq!(
            refuse_with(S::Delivered, "retailer_fleet", None, None, Some(3)).stops_away,
            None
        );
    }

    #[test]
    fn says_if_still_unopened_when_unknown() {
        let unknown = refuse_with(S::Delivered, "usps", None, None, None);
        assert!(
            unknown.message().starts_with("If it is still unopened"),
            "{}",
            unknown.message()
        );
        let unopened = refuse_with(S::Delivered, "usps", None, Some(false), None);
        assert!(
            unopened.message().starts_with("As it is unopened"),
            "{}",
            unopened.message()
        );
        assert!(unopened.message().contains("\u{201c}Refused\u{201d}"));
    }

    #[test]
    fn unassigned_or_dangling_is_not_shipped() {
        let mut order = fixtures::retailer();
        order.items.push(fixtures::item("A", Some("nowhere")));
        let policy = Policy::default();
        let d = refuse(&OrderContext::new(&order, &policy).item(&order.items[0], order.placed_at));
        assert_eq!((d.verdict, d.code), (NotAvailable, Code::NotShippedYet));
    }
}
