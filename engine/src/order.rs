//! The input model: an order, its items and its shipments, as the host page sends them.
//!
//! Each type is declared once, field by field (`document!` and `names!`, see `read.rs`): its
//! JSON names, which fields are required and what an absent one is; its reader and its serde
//! attributes follow. Read one with [`crate::order_from_tree`] (or [`Order::from_json_str`]
//! natively), which also validates it. The fields are public so a Rust caller can build an
//! order directly; [`crate::assess`] copes with any value, valid or not.

use super::money::Money;
use super::time::Instant;

document! {
    /// An order.
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use order_help_engine::Order;
    /// let order = Order::from_json_str(r#"{
    ///     "id": "112-0000001", "placed_at": "2025-03-01T09:00:00-08:00", "currency": "USD",
    ///     "seller": {"name": "Example Store", "kind": "retailer", "fulfilled_by": "retailer"},
    ///     "items": [{"id": "A", "title": "Kettle", "quantity": 1, "unit_price": 2999}]
    /// }"#).unwrap();
    /// assert_eq!(order.items[0].unit_price.minor(), 2999);
    /// # }
    /// ```
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct Order {
        pub id: String = required,
        pub placed_at: Instant = required,
        /// ISO 4217: three capital letters.
        pub currency: String = required,
        pub seller: Seller = required,
        pub payment_method: Option<PaymentMethod> = optional,
        /// What the customer paid for delivery, if the order states it.
        pub shipping_cost: Option<Money> = optional,
        pub items: Vec<Item> = required,
        #[cfg_attr(feature = "typescript", tsify(type = "Shipment[] | null"))]
        pub shipments: Vec<Shipment> = null_default,
        /// Who ordered, if the host says: the withdrawal form is pre-filled with it.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub customer: Option<Customer> = optional,
    }
}

document! {
    /// The consumer, as a withdrawal names them (art. 11a of Directive 2011/83/EU asks for their
    /// name and how to reach them electronically, nothing more). Also an order's optional
    /// `customer`, from which the widget pre-fills its form.
    ///
    /// Checked loosely: `name` not blank, `email` shaped like `local@domain.tld` (only the mail
    /// system can say whether an address works). At most 2,000 characters each, like every string.
    pub struct Customer {
        pub name: String = required,
        pub email: String = required,
    }
}

document! {
    /// Who sold the order, and who ships it.
    pub struct Seller {
        pub name: String = required,
        pub kind: SellerKind = required,
        pub fulfilled_by: FulfilledBy = required,
    }
}

names! {
    /// The retailer itself, or a marketplace (third-party) seller.
    pub enum SellerKind {
        /// The store itself.
        Retailer = "retailer",
        /// A third-party seller on the store's marketplace.
        Marketplace = "marketplace",
    }
}

names! {
    /// Who ships a sale: the retailer's warehouses, or the seller.
    pub enum FulfilledBy {
        /// The store's warehouses ship it.
        Retailer = "retailer",
        /// The marketplace seller ships it.
        Seller = "seller",
    }
}

names! {
    /// How the order was paid: it decides how soon a refund arrives.
    pub enum PaymentMethod {
        CreditCard = "credit_card",
        DebitCard = "debit_card",
        GiftCard = "gift_card",
        BankAccount = "bank_account",
        Points = "points",
        Other = "other",
    }
}

document! {
    /// One line of the order.
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct Item {
        pub id: String = required,
        pub title: String = required,
        /// At least 1.
        pub quantity: u32 = required,
        pub unit_price: Money = required,
        pub category: Option<String> = optional,
        #[cfg_attr(feature = "typescript", tsify(type = "boolean | null"))]
        pub final_sale: bool = null_default,
        /// Items sharing a bundle id were sold together and are cancelled together.
        pub bundle: Option<String> = optional,
        /// The id of the shipment carrying it; absent: not yet assigned to one (like `pending`).
        pub shipment: Option<String> = optional,
        /// Whether the customer opened it; absent: unknown.
        pub opened: Option<bool> = optional,
        #[cfg_attr(feature = "typescript", tsify(type = "number | null"))]
        pub returned_quantity: u32 = null_default,
        /// Units in a return that is open but not yet received.
        #[cfg_attr(feature = "typescript", tsify(type = "number | null"))]
        pub return_requested_quantity: u32 = null_default,
    }
}

document! {
    /// One parcel of the order: where it is, who carries it, and its times (RFC 3339 instants).
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct Shipment {
        pub id: String = required,
        pub status: ShipmentStatus = required,
        pub carrier: Carrier = required,
        /// The carrier's service, e.g. `first_class`, `certified`, `insured`, `cod`.
        pub service: Option<String> = optional,
        /// For the retailer's fleet: how many stops before this delivery.
        pub stops_away: Option<u32> = optional,
        pub shipped_at: Option<Instant> = optional,
        pub delivered_at: Option<Instant> = optional,
        pub estimated_delivery: Option<Instant> = optional,
    }
}

names! {
    /// Where a shipment is, in the order it gets there (the last three are endings).
    pub enum ShipmentStatus {
        /// Not in the shipping process yet.
        Pending = "pending",
        /// Being picked and packed.
        Preparing = "preparing",
        /// Ship-confirmed, tracking assigned, still in the building.
        Staged = "staged",
        InTransit = "in_transit",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        Refused = "refused",
        ReturnedToSender = "returned_to_sender",
        Cancelled = "cancelled",
    }
}

impl ShipmentStatus {
    /// Still in the building (or not even picked): a bundle is cancelled together only across
    /// such items.
    pub fn is_unshipped(self) -> bool {
        matches!(self, Self::Pending | Self::Preparing | Self::Staged)
    }

    /// On its way to the customer.
    pub fn is_on_the_way(self) -> bool {
        matches!(self, Self::InTransit | Self::OutForDelivery)
    }
}

names! {
    /// Who carries a shipment; the retailer's own fleet has rules of its own.
    pub enum Carrier {
        /// The retailer's own delivery drivers.
        RetailerFleet = "retailer_fleet",
        Usps = "usps",
        Ups = "ups",
        Fedex = "fedex",
        Dhl = "dhl",
        Other = "other",
    }
}

impl Carrier {
    /// For messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Self::RetailerFleet => "our own delivery fleet",
            Self::Usps => "USPS",
            Self::Ups => "UPS",
            Self::Fedex => "FedEx",
            Self::Dhl => "DHL",
            Self::Other => "the carrier",
        }
    }
}

impl Order {
    /// The shipment an item is in, if it names one that exists (a dangling id counts as
    /// unassigned).
    pub fn shipment_of(&self, item: &Item) -> Option<&Shipment> {
        let id = item.shipment.as_deref()?;
        self.shipments.iter().find(|s| s.id == id)
    }

    /// The retailer handles it (its own sale, or a marketplace sale it fulfils).
    pub fn is_retailer_fulfilled(&self) -> bool {
        self.seller.kind == SellerKind::Retailer
            || self.seller.fulfilled_by == FulfilledBy::Retailer
    }

    /// A third-party seller sells *and* ships it.
    pub fn is_marketplace_fulfilled_by_seller(&self) -> bool {
        !self.is_retailer_fulfilled()
    }
}

impl Item {
    /// quantity × unit price (saturating at [`Money::MAX`]).
    pub fn line_total(&self) -> Money {
        self.unit_price.saturating_mul(self.quantity)
    }

    /// Units neither returned nor in an open return.
    pub fn remaining_quantity(&self) -> u32 {
        self.quantity
            .saturating_sub(self.returned_quantity)
            .saturating_sub(self.return_requested_quantity)
    }
}
