//! The output: per item, whether it can be cancelled, refused or returned, why (a stable code)
//! and in a plain sentence; serialized as the widget's JSON.
//!
//! Every verdict enum is ordered from the worst option for the customer to the best
//! (`NotAvailable < Request < Allowed`), so "the worst of" is `min` and the property tests can
//! check that time only ever closes options.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::order::{Carrier, ShipmentStatus};
use super::policy::RefundTiming;
use super::time::ZonedInstant;

/// What [`crate::assess`] says about a whole order at an instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Assessment {
    pub order_id: String,
    /// The instant assessed, in the store's zone.
    pub at: ZonedInstant,
    /// The store zone's name.
    pub time_zone: String,
    pub currency: String,
    /// Whether the whole order can still be cancelled: the worst item verdict.
    pub order_cancel: CancelVerdict,
    /// The next instant after `at` at which a decision changes by the passage of time alone
    /// (a grace period ends, a return window closes).
    pub next_change_at: Option<ZonedInstant>,
    pub items: Vec<ItemAssessment>,
}

/// The decisions for one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ItemAssessment {
    pub item_id: String,
    pub title: String,
    pub quantity: u32,
    /// `None` when the item is not (or not validly) assigned to a shipment.
    pub shipment_id: Option<String>,
    pub shipment_status: Option<ShipmentStatus>,
    pub carrier: Option<Carrier>,
    pub cancel: CancelDecision,
    pub refuse: RefuseDecision,
    #[serde(rename = "return")]
    pub r#return: ReturnDecision,
    /// What the next step would refund.
    pub refund: RefundEstimate,
    pub next_step: NextStep,
}

/// Can it still be cancelled? Worst to best. (Read back in a [`crate::Request`]'s verdicts.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum CancelVerdict {
    NotAvailable,
    /// A request that may succeed, not guaranteed (or needs the seller's approval).
    Request,
    /// Cancelled at once.
    Allowed,
}

/// Why an item's cancel verdict is what it is: a stable code (`snake_case` in JSON), one per
/// situation of [the cancel rules](crate#the-rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum CancelCode {
    /// Retailer: pending or not yet in a shipment.
    NotInShippingProcess,
    /// Marketplace: pending, and the grace period after ordering is still running.
    WithinGracePeriod,
    /// Retailer: being picked and packed.
    BeingPrepared,
    /// Retailer: packed and ship-confirmed, still in the building.
    StagedForShipping,
    /// Retailer: in transit with the retailer's own fleet.
    WithRetailerFleet,
    /// Marketplace: after the grace period (or already being prepared): the seller decides.
    SellerMustApprove,
    /// Retailer: in transit with an outside carrier.
    WithCarrier,
    /// Marketplace: the seller has shipped it (staged or in transit).
    ShippedBySeller,
    OutForDelivery,
    Delivered,
    AlreadyCancelled,
    Refused,
    ReturnedToSender,
    /// Lowered to `request` by an unshipped item of the same bundle.
    BundleRequiresRequest,
    /// Lowered to `not_available` by an unshipped item of the same bundle.
    BundleNotCancellable,
}

/// Whether and how an item can be cancelled: the verdict, its code and plain sentence, its bundle
/// and the bundle-mates that lowered it, and when a marketplace grace period ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct CancelDecision {
    pub verdict: CancelVerdict,
    pub code: CancelCode,
    /// One plain sentence.
    pub message: Cow<'static, str>,
    /// The item's bundle id, if it has one.
    pub bundle: Option<String>,
    /// The other unshipped items of its bundle, selected together with it.
    pub bundle_items: Vec<String>,
    /// When the marketplace self-cancel grace period ends, while that changes this verdict.
    pub grace_ends_at: Option<ZonedInstant>,
}

/// Can the delivery be refused? Worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum RefuseVerdict {
    NotAvailable,
    /// USPS: mark the delivered, unopened package "Refused" and hand it back.
    AfterDeliveryUnopened,
    /// Tell the driver at the door.
    AtDoor,
}

/// Why an item's refuse verdict is what it is: a stable code (`snake_case` in JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum RefuseCode {
    /// On its way with an outside carrier.
    AtDoor,
    /// On its way with the retailer's fleet, whose tracking shows a live map within 10 stops.
    AtDoorLiveMap,
    /// Delivered by USPS, not opened, not a service that must be refused at delivery.
    UspsUnopened,
    NotShippedYet,
    /// Delivered by a carrier other than USPS.
    DeliveredByOtherCarrier,
    Opened,
    /// Certified, insured or cash-on-delivery mail: only at the moment of delivery.
    MustRefuseAtDelivery,
    AlreadyRefused,
    ReturnedToSender,
    ShipmentCancelled,
}

/// Whether the delivery can be refused: the verdict, its code and sentence, how many stops away the
/// parcel is, and whether tracking shows a live map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct RefuseDecision {
    pub verdict: RefuseVerdict,
    pub code: RefuseCode,
    /// One plain sentence.
    pub message: Cow<'static, str>,
    pub stops_away: Option<u32>,
    /// The retailer's fleet: tracking shows the package on a live map within 10 stops.
    pub live_map: bool,
}

/// Can it be returned? Worst to best: `NotReturnable < Expired < NotYet < Allowed` (not yet
/// delivered ranks below allowed: it cannot be returned *now*). (Read back in a
/// [`crate::Request`]'s verdicts.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ReturnVerdict {
    NotReturnable,
    Expired,
    NotYet,
    Allowed,
}

/// Why an item's return verdict is what it is: a stable code (`snake_case` in JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ReturnCode {
    WithinWindow,
    WindowClosed,
    NotDeliveredYet,
    /// Delivered, but the order does not say when (only an order built in Rust, unvalidated).
    DeliveryTimeUnknown,
    FinalSale,
    NonReturnableCategory,
    AlreadyReturned,
    ReturnAlreadyRequested,
    Cancelled,
    Refused,
    ReturnedToSender,
}

/// Whether an item can be returned: the verdict, its code and sentence, the deadline in the store's
/// zone (also the expected one, before delivery), how many units, and whether the holiday
/// extension set the deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ReturnDecision {
    pub verdict: ReturnVerdict,
    pub code: ReturnCode,
    /// One plain sentence.
    pub message: Cow<'static, str>,
    /// The last second of the window (23:59:59 store time); for `not_yet`, the one expected
    /// from the estimated delivery, if known.
    pub deadline: Option<ZonedInstant>,
    /// How many can be returned (0 unless `allowed` or `not_yet`).
    pub quantity: u32,
    /// The holiday rule made the deadline later.
    pub holiday_extended: bool,
}

/// What a refund would be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct RefundEstimate {
    /// After deductions, in minor units.
    pub amount: u64,
    pub currency: String,
    pub timing: RefundTiming,
    pub deductions: Vec<Deduction>,
}

/// An amount a refund loses, in the order currency's minor units, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Deduction {
    pub code: DeductionCode,
    pub amount: u64,
}

/// Why a refund loses an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum DeductionCode {
    /// The category's fee for returning an opened item.
    OpenedItemFee,
    /// A marketplace buyer's-remorse return loses what the delivery cost.
    DeliveryCost,
}

/// What the customer should do first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    Cancel,
    Refuse,
    Return,
    ContactSeller,
    None,
}

/// Which flow a refund is estimated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefundKind {
    Cancellation,
    Return,
}
