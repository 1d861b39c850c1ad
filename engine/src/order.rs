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
        /// The consumer's country of residence (the delivery address's country is a fair
        /// stand-in): ISO 3166-1 alpha-2, e.g. `"NL"`. It decides whether the policy's
        /// `withdrawal.countries` give them the right of withdrawal; absent: as if they did.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub country: Option<String> = optional,
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
        /// When the customer asked to cancel it, while the store has not decided yet (the
        /// seller's approval, a staged parcel the warehouse will try to pull): not offered again,
        /// and `verify` rejects a second cancellation. The store removes it once decided.
        pub cancellation_requested_at: Option<Instant> = optional,
        /// The units that pending cancellation asks for; absent: the whole quantity.
        pub cancellation_requested_quantity: Option<u32> = optional,
        /// The store's number for that cancellation (its answer's `cancellation_id`), shown to the
        /// customer.
        pub cancellation_id: Option<String> = optional,
        /// When the store received a withdrawal covering it (art. 11): the goods go back within
        /// 14 days (art. 14(1)); it is not offered again, and `verify` rejects it again.
        pub withdrawal_received_at: Option<Instant> = optional,
        /// The units that withdrawal names (the model form's "the following goods"); absent: the
        /// whole quantity.
        pub withdrawn_quantity: Option<u32> = optional,
    }
}

impl Item {
    /// The units a received withdrawal covers: 0 without one, else `withdrawn_quantity` or
    /// the whole quantity.
    pub fn withdrawn_units(&self) -> u32 {
        match self.withdrawal_received_at {
            Some(_) => self.withdrawn_quantity.unwrap_or(self.quantity),
            None => 0,
        }
    }

    /// Whether a received withdrawal covers every unit (an item of quantity 0, only in an
    /// unvalidated order, is not withdrawn by having none).
    pub fn fully_withdrawn(&self) -> bool {
        self.withdrawal_received_at.is_some() && self.withdrawn_units() >= self.quantity
    }
}

document! {
    /// One parcel of the order: where it is, who carries it, how to follow it, and its times
    /// (RFC 3339 instants). What each state means for each option, and how a tracking source's
    /// values map onto the states: docs/domain.md, *Parcels as trackers report them*.
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct Shipment {
        pub id: String = required,
        pub status: ShipmentStatus = required,
        /// The carrier's name as the store gives it (`"DPD"`, `"PostNL"`), or absent when it
        /// does not know; see [`Carrier::parse`] for the names whose rules differ.
        pub carrier: Option<String> = optional,
        /// The carrier's service, e.g. `first_class`, `certified`, `insured`, `cod`.
        pub service: Option<String> = optional,
        /// For the retailer's fleet: how many stops before this delivery.
        pub stops_away: Option<u32> = optional,
        pub shipped_at: Option<Instant> = optional,
        pub delivered_at: Option<Instant> = optional,
        pub estimated_delivery: Option<Instant> = optional,
        /// The carrier's tracking number, shown as given.
        pub tracking_number: Option<String> = optional,
        /// The tracking page: an `https:` address (anything else is an input error).
        pub tracking_url: Option<String> = optional,
        /// The tracking source's own words for the state (e.g. AfterShip's `Exception_004`),
        /// kept as given; the widget shows it where the state says too little (`unknown`).
        pub carrier_status: Option<String> = optional,
        /// `available_for_pickup`: where it waits (a parcel shop's or a locker's name).
        pub pickup_location: Option<String> = optional,
        /// `available_for_pickup`: the end of the carrier's holding time, the last instant it
        /// can be collected.
        pub pickup_until: Option<Instant> = optional,
        /// `available_for_pickup`: a staffed counter or a locker; absent: not known.
        pub pickup_kind: Option<PickupKind> = optional,
        /// `exception`: what the problem is, when the source says so; absent: `other`.
        pub exception_kind: Option<ExceptionKind> = optional,
    }
}

names! {
    /// Where a shipment is. `pending` to `out_for_delivery` come before delivery;
    /// `attempted_delivery`, `available_for_pickup`, `exception`, `unknown` and
    /// `returning_to_sender` are what trackers report besides (none puts the goods in the
    /// customer's hands); the last three are endings.
    pub enum ShipmentStatus {
        /// Not in the shipping process yet.
        Pending = "pending",
        /// Being picked and packed.
        Preparing = "preparing",
        /// Ship-confirmed, tracking assigned, still in the building.
        Staged = "staged",
        InTransit = "in_transit",
        OutForDelivery = "out_for_delivery",
        /// The carrier tried to deliver and could not; it tries again or leaves it at a pickup
        /// point.
        AttemptedDelivery = "attempted_delivery",
        /// Waiting at a parcel shop, post office or locker for the customer to collect.
        AvailableForPickup = "available_for_pickup",
        /// In the customer's hands (collected from a pickup point included).
        Delivered = "delivered",
        /// A delivery problem: held (customs, payment, papers), damaged, lost, undeliverable.
        Exception = "exception",
        /// No information yet, or a state the store's source does not name.
        Unknown = "unknown",
        /// On its way back to the sender.
        ReturningToSender = "returning_to_sender",
        Refused = "refused",
        /// Back with the sender.
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

    /// Its goods are in the customer's hands: the withdrawal period (Directive 2011/83/EU art.
    /// 9(2)(b): physical possession) and the return window can run from it.
    pub fn counts_as_received(self) -> bool {
        self.goods() == Goods::Received
    }

    /// Its goods will not reach the customer under this order (cancelled, refused, back with
    /// the sender): they neither hold the withdrawal period open nor have a right of their
    /// own. A parcel on its way back has not ended: the customer may still withdraw.
    pub fn ends_the_order(self) -> bool {
        self.goods() == Goods::Ended
    }

    /// Where the goods stand. Every state answers (no `_` arm), so a new state must decide.
    fn goods(self) -> Goods {
        match self {
            Self::Delivered => Goods::Received,
            Self::Refused | Self::ReturnedToSender | Self::Cancelled => Goods::Ended,
            Self::Pending
            | Self::Preparing
            | Self::Staged
            | Self::InTransit
            | Self::OutForDelivery
            | Self::AttemptedDelivery
            | Self::AvailableForPickup
            | Self::Exception
            | Self::Unknown
            | Self::ReturningToSender => Goods::NotYetReceived,
        }
    }
}

/// What a shipment's state means for its goods ([`ShipmentStatus::counts_as_received`],
/// [`ShipmentStatus::ends_the_order`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Goods {
    Received,
    NotYetReceived,
    Ended,
}

names! {
    /// Where a parcel waits for collection: it decides the advice (a counter can be declined
    /// at; a locker can only be left).
    pub enum PickupKind {
        /// A staffed parcel shop or post office.
        Counter = "counter",
        /// A parcel locker.
        Locker = "locker",
    }
}

names! {
    /// What a delivery problem is, when the tracking source says so.
    pub enum ExceptionKind {
        /// Held at customs: duties, taxes or papers may be needed from the customer.
        Customs = "customs",
        /// The carrier needs something from the customer (an address, a payment, an
        /// appointment).
        ActionRequired = "action_required",
        Damaged = "damaged",
        Lost = "lost",
        Other = "other",
    }
}

/// A shipment's carrier as the rules and the sentences see it ([`Carrier::parse`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carrier<'a> {
    /// The retailer's own drivers (`retailer_fleet`): a live map within 10 stops.
    RetailerFleet,
    /// USPS, which takes back a delivered piece refused unopened (DMM 508.1.1.3).
    Usps,
    /// Any other carrier, by the name to show; the general rules apply.
    Named(&'a str),
    /// The order names none (absent, or `other`).
    Unnamed,
}

impl<'a> Carrier<'a> {
    /// A shipment's `carrier`: the names whose rules differ (`retailer_fleet`, `usps`) and the
    /// ids of earlier versions (`ups`, `fedex`, `dhl`, `other`) are recognised whatever the
    /// case and surrounding spaces; any other name is shown as given (trimmed).
    pub fn parse(name: Option<&'a str>) -> Carrier<'a> {
        const KNOWN: [(&str, Carrier<'static>); 6] = [
            ("retailer_fleet", Carrier::RetailerFleet),
            ("usps", Carrier::Usps),
            ("ups", Carrier::Named("UPS")),
            ("fedex", Carrier::Named("FedEx")),
            ("dhl", Carrier::Named("DHL")),
            ("other", Carrier::Unnamed),
        ];
        let name = name.map_or("", str::trim);
        match KNOWN.iter().find(|(id, _)| id.eq_ignore_ascii_case(name)) {
            Some(&(_, known)) => known,
            None if name.is_empty() => Carrier::Unnamed,
            None => Carrier::Named(name),
        }
    }

    /// The name a sentence shows, if it is a brand (the fleet's words are the catalogue's).
    pub fn brand(self) -> Option<&'a str> {
        match self {
            Carrier::Usps => Some("USPS"),
            Carrier::Named(name) => Some(name),
            Carrier::RetailerFleet | Carrier::Unnamed => None,
        }
    }
}

impl Shipment {
    /// Its `carrier`, parsed ([`Carrier::parse`]).
    pub fn carrier(&self) -> Carrier<'_> {
        Carrier::parse(self.carrier.as_deref())
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

    /// Units neither returned, nor in an open return, nor withdrawn from (a received
    /// withdrawal's goods go back under it, not as a return).
    pub fn remaining_quantity(&self) -> u32 {
        self.quantity
            .saturating_sub(self.returned_quantity)
            .saturating_sub(self.return_requested_quantity)
            .saturating_sub(self.withdrawn_units())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriers_by_any_name() {
        let table = [
            (Some("usps"), Carrier::Usps),
            (Some("USPS"), Carrier::Usps),
            (Some(" Usps "), Carrier::Usps),
            (Some("retailer_fleet"), Carrier::RetailerFleet),
            (Some("Retailer_Fleet"), Carrier::RetailerFleet),
            (Some("ups"), Carrier::Named("UPS")),
            (Some("FEDEX"), Carrier::Named("FedEx")),
            (Some("dhl"), Carrier::Named("DHL")),
            (Some("other"), Carrier::Unnamed),
            (Some("DPD"), Carrier::Named("DPD")),
            (Some(" PostNL "), Carrier::Named("PostNL")),
            // Not USPS: a name that only starts like it.
            (
                Some("usps ground partner"),
                Carrier::Named("usps ground partner"),
            ),
            (Some(""), Carrier::Unnamed),
            (None, Carrier::Unnamed),
        ];
        for (name, carrier) in table {
            assert_eq!(Carrier::parse(name), carrier, "{name:?}");
        }
        assert_eq!(Carrier::Usps.brand(), Some("USPS"));
        assert_eq!(Carrier::RetailerFleet.brand(), None);
    }

    /// Only a delivered parcel is in the customer's hands; only cancelled, refused and back with
    /// the sender end the order; every other state holds the withdrawal period open.
    #[test]
    fn each_state_says_whether_it_is_received_and_whether_it_ends() {
        use ShipmentStatus as S;
        let table = [
            (S::Pending, false, false),
            (S::Preparing, false, false),
            (S::Staged, false, false),
            (S::InTransit, false, false),
            (S::OutForDelivery, false, false),
            (S::AttemptedDelivery, false, false),
            (S::AvailableForPickup, false, false),
            (S::Delivered, true, false),
            (S::Exception, false, false),
            (S::Unknown, false, false),
            (S::ReturningToSender, false, false),
            (S::Refused, false, true),
            (S::ReturnedToSender, false, true),
            (S::Cancelled, false, true),
        ];
        for (status, received, ends) in table {
            assert_eq!(status.counts_as_received(), received, "{status:?}");
            assert_eq!(status.ends_the_order(), ends, "{status:?}");
        }
    }
}
