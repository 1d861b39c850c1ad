//! The rules: one small function per unit, each giving a verdict with a keyed reason (an enum
//! code) and the values its sentence names; no rule writes a sentence (they come from the
//! catalogues, `locales/*.json`, through `reason.rs`). None reads the clock: the instant is an argument. What each rule
//! says and where it comes from: [docs/domain.md](../../docs/domain.md), which maps every rule to
//! its function and its scenario table.
//!
//! - [`cancel`]: cancel on its own (retailer-fulfilled, marketplace grace period, endings);
//! - [`bundle`]: bundle-mates that lower each other's cancel verdict;
//! - [`refuse`]: refusing at the door, or a delivered USPS package unopened;
//! - [`return_window`]: returnability and the return deadline (windows, holiday extension);
//! - [`refund`]: what the next step refunds, and when;
//! - [`return_preview`]: what a proposed return refunds, line by line, and until when;
//! - [`next_step`]: what to do first;
//! - [`withdrawal`]: the EU consumer's right of withdrawal from the whole order, and its period.

pub(crate) mod bundle;
pub(crate) mod cancel;
pub(crate) mod next_step;
pub(crate) mod refund;
pub(crate) mod refuse;
pub(crate) mod return_preview;
pub(crate) mod return_window;
pub(crate) mod withdrawal;

use super::ids::{first_index_of, IdMap};
use super::order::{Item, Order, Shipment, ShipmentStatus};
use super::policy::Policy;
use super::time::{CachedZone, Instant};

/// What the rules may look at for the whole order, worked out once per assessment.
pub(crate) struct OrderContext<'a> {
    pub order: &'a Order,
    pub policy: &'a Policy,
    /// The store's zone, remembering the offsets it has looked up.
    pub zone: CachedZone<'a>,
    /// When a marketplace buyer can no longer cancel alone ([`cancel::grace_end`]), once per
    /// order rather than per item.
    pub grace_end: Instant,
    /// Each shipment id, with the index of the first shipment that has it.
    shipment_ids: IdMap<'a>,
}

impl<'a> OrderContext<'a> {
    pub fn new(order: &'a Order, policy: &'a Policy) -> Self {
        let shipment_ids = first_index_of(order.shipments.iter().map(|s| s.id.as_str()));
        OrderContext {
            order,
            policy,
            zone: policy.time_zone.cached(),
            grace_end: cancel::grace_end(order, policy),
            shipment_ids,
        }
    }

    /// What a rule may look at for `item` at `at`.
    pub fn item<'b>(&'b self, item: &'b Item, at: Instant) -> ItemContext<'b> {
        ItemContext {
            order: self.order,
            policy: self.policy,
            zone: &self.zone,
            item,
            shipment: self.shipment_of(item),
            at,
            grace_end: self.grace_end,
        }
    }

    /// [`Order::shipment_of`], without a scan: an order may have hundreds of items and
    /// shipments.
    fn shipment_of(&self, item: &Item) -> Option<&'a Shipment> {
        let index = *self.shipment_ids.get(item.shipment.as_deref()?)?;
        self.order.shipments.get(index)
    }
}

/// What a rule may look at for one item.
pub(crate) struct ItemContext<'a> {
    pub order: &'a Order,
    pub policy: &'a Policy,
    /// The store's zone (`policy.time_zone`), remembering the offsets it has looked up.
    pub zone: &'a CachedZone<'a>,
    pub item: &'a Item,
    /// `None` when the item names no shipment, or one that does not exist.
    pub shipment: Option<&'a Shipment>,
    pub at: Instant,
    /// [`OrderContext::grace_end`].
    pub grace_end: Instant,
}

impl ItemContext<'_> {
    /// An item outside any shipment is `pending`.
    pub fn status(&self) -> ShipmentStatus {
        self.shipment.map_or(ShipmentStatus::Pending, |s| s.status)
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
            customer: None,
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
            cancellation_requested_at: None,
            cancellation_requested_quantity: None,
            cancellation_id: None,
            withdrawal_received_at: None,
            withdrawn_quantity: None,
        }
    }

    /// A shipment of `carrier` (a name, or one of the recognised ids).
    pub fn shipment(id: &str, status: ShipmentStatus, carrier: &str) -> Shipment {
        Shipment {
            id: id.into(),
            status,
            carrier: Some(carrier.into()),
            service: None,
            stops_away: None,
            shipped_at: None,
            delivered_at: None,
            estimated_delivery: None,
            tracking_number: None,
            tracking_url: None,
            carrier_status: None,
            pickup_location: None,
            pickup_until: None,
            pickup_kind: None,
            exception_kind: None,
        }
    }
}
