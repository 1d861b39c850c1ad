//! The rules: one small function per unit, each giving a verdict with a keyed reason (an enum
//! code) and a plain sentence. None reads the clock: the instant is an argument.
//!
//! - [`cancel`]: cancel on its own (retailer-fulfilled, marketplace grace period, endings);
//! - [`bundle`]: bundle-mates that lower each other's cancel verdict;
//! - [`refuse`]: refusing at the door, or a delivered USPS package unopened;
//! - [`return_window`]: returnability and the return deadline (windows, holiday extension);
//! - [`refund`]: what the next step refunds, and when;
//! - [`next_step`]: what to do first.

pub(crate) mod bundle;
pub(crate) mod cancel;
pub(crate) mod next_step;
pub(crate) mod refund;
pub(crate) mod refuse;
pub(crate) mod return_window;

use super::order::{Item, Order, Shipment, ShipmentStatus};
use super::policy::Policy;
use super::time::{Instant, StoreZone};

/// What a rule may look at for one item.
pub(crate) struct ItemContext<'a> {
    pub order: &'a Order,
    pub policy: &'a Policy,
    pub item: &'a Item,
    /// `None` when the item names no shipment, or one that does not exist.
    pub shipment: Option<&'a Shipment>,
    pub at: Instant,
}

impl<'a> ItemContext<'a> {
    pub fn new(order: &'a Order, policy: &'a Policy, item: &'a Item, at: Instant) -> Self {
        ItemContext {
            order,
            policy,
            item,
            shipment: order.shipment_of(item),
            at,
        }
    }

    /// An item outside any shipment is `pending`.
    pub fn status(&self) -> ShipmentStatus {
        self.shipment.map_or(ShipmentStatus::Pending, |s| s.status)
    }
}

/// For messages: `23:59:59 on 31 March 2025` in the store's zone.
pub(crate) fn local_phrase(zone: &StoreZone, instant: Instant) -> String {
    let local = zone.to_civil(instant);
    let time = local.time;
    if time.second() == 0 {
        format!(
            "{:02}:{:02} on {}",
            time.hour(),
            time.minute(),
            local.date.long_form()
        )
    } else {
        format!("{time} on {}", local.date.long_form())
    }
}

/// `it`, or `all 3`, or `2 of 3`: how much of a line a sentence is about.
pub(crate) fn how_many(count: u32, of: u32) -> String {
    match (count, of) {
        (_, 0 | 1) => "it".to_owned(),
        (c, o) if c == o => format!("all {o}"),
        (c, o) => format!("{c} of {o}"),
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Small builders for the rules' unit tests.
    use super::super::money::Money;
    use super::super::order::*;
    use super::super::time::Instant;

    pub fn at(text: &str) -> Instant {
        Instant::parse_rfc3339(text).unwrap()
    }

    pub fn order(kind: SellerKind, fulfilled_by: FulfilledBy) -> Order {
        Order {
            id: "O1".into(),
            placed_at: at("2025-03-01T09:00:00-08:00"),
            currency: "USD".into(),
            seller: Seller {
                name: "Store".into(),
                kind,
                fulfilled_by,
            },
            payment_method: None,
            shipping_cost: None,
            items: vec![],
            shipments: vec![],
        }
    }

    pub fn retailer() -> Order {
        order(SellerKind::Retailer, FulfilledBy::Retailer)
    }

    pub fn marketplace() -> Order {
        order(SellerKind::Marketplace, FulfilledBy::Seller)
    }

    pub fn item(id: &str, shipment: Option<&str>) -> Item {
        Item {
            id: id.into(),
            title: format!("Item {id}"),
            quantity: 1,
            unit_price: Money::from_minor(1000).unwrap(),
            category: None,
            final_sale: false,
            bundle: None,
            shipment: shipment.map(Into::into),
            opened: None,
            returned_quantity: 0,
            return_requested_quantity: 0,
        }
    }

    pub fn shipment(id: &str, status: ShipmentStatus, carrier: Carrier) -> Shipment {
        Shipment {
            id: id.into(),
            status,
            carrier,
            service: None,
            stops_away: None,
            shipped_at: None,
            delivered_at: None,
            estimated_delivery: None,
        }
    }
}
