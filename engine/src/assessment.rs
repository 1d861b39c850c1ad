//! The output: per item, whether it can be cancelled, refused or returned, and why: a stable
//! code and the values its sentence names (the sentence itself comes from a catalogue, see
//! `reason.rs`); serialized as the widget's JSON, with each reason in English as `message`.
//!
//! Every verdict enum is ordered from the worst option for the customer to the best
//! (`NotAvailable < Request < Allowed`), so "the worst of" is `min` and the property tests can
//! check that time only ever closes options.

use serde::{Deserialize, Serialize};

use super::order::{PickupKind, ShipmentStatus};
use super::policy::RefundTiming;
use super::time::{Date, ZonedInstant};

/// Declares a code enum once: its variants, each with the `snake_case` name JSON writes for it
/// (a test checks they agree with serde's), from which follow [`as_str`](CancelCode::as_str)
/// and `ALL`, every variant in declaration order (for tests and catalogues).
macro_rules! codes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$doc:meta])* $variant:ident = $text:literal,)*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $($(#[$doc])* $variant,)*
        }

        impl $name {
            /// Every code, in declaration order.
            pub const ALL: &'static [$name] = &[$(Self::$variant,)*];

            /// The code as JSON writes it (`snake_case`), e.g. for a request's
            /// `verdicts[].code` or a catalogue key.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }
        }
    };
}
pub(crate) use codes;

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
    /// (a grace period ends, a return window closes, the withdrawal period ends).
    pub next_change_at: Option<ZonedInstant>,
    /// The EU consumer's right to withdraw from the contract (the order as a whole).
    pub withdrawal: WithdrawalDecision,
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
    /// The shipment's `carrier`, as the order gives it.
    pub carrier: Option<String>,
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

codes! {
    /// Why an item's cancel verdict is what it is: a stable code (`snake_case` in JSON), one per
    /// situation of [the cancel rules](crate#the-rules).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
    #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
    #[serde(rename_all = "snake_case")]
    pub enum CancelCode {
        /// Retailer: pending or not yet in a shipment.
        NotInShippingProcess = "not_in_shipping_process",
        /// Marketplace: pending, and the grace period after ordering is still running.
        WithinGracePeriod = "within_grace_period",
        /// Retailer: being picked and packed.
        BeingPrepared = "being_prepared",
        /// Retailer: packed and ship-confirmed, still in the building.
        StagedForShipping = "staged_for_shipping",
        /// Retailer: in transit with the retailer's own fleet.
        WithRetailerFleet = "with_retailer_fleet",
        /// Marketplace: after the grace period (or already being prepared): the seller decides.
        SellerMustApprove = "seller_must_approve",
        /// Retailer: in transit with an outside carrier.
        WithCarrier = "with_carrier",
        /// Marketplace: the seller has shipped it (staged or in transit).
        ShippedBySeller = "shipped_by_seller",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        AlreadyCancelled = "already_cancelled",
        Refused = "refused",
        ReturnedToSender = "returned_to_sender",
        /// Waiting at a pickup point: with the carrier's partner.
        AtPickupPoint = "at_pickup_point",
        /// The carrier has tried to deliver it (the retailer's fleet: `with_retailer_fleet`).
        DeliveryAttempted = "delivery_attempted",
        /// A delivery problem (`exception`).
        DeliveryProblem = "delivery_problem",
        /// The order does not say where it is: no guess.
        StatusUnknown = "status_unknown",
        /// On its way back to the sender: nothing left to stop.
        ReturningToSender = "returning_to_sender",
        /// Lowered to `request` by an unshipped item of the same bundle.
        BundleRequiresRequest = "bundle_requires_request",
        /// Lowered to `not_available` by an unshipped item of the same bundle.
        BundleNotCancellable = "bundle_not_cancellable",
        /// The order records a cancellation of it that the store has not decided yet
        /// (`cancellation_requested_at`): not offered again.
        CancellationRequested = "cancellation_requested",
    }
}

/// Whether and how an item can be cancelled: the verdict, its code, its bundle and the
/// bundle-mates that lowered it, when a marketplace grace period ends, and what the reason's
/// sentence names ([`CancelDecision::reason`]; in JSON, `message` is it in English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CancelDecision {
    pub verdict: CancelVerdict,
    pub code: CancelCode,
    /// The item's bundle id, if it has one.
    pub bundle: Option<String>,
    /// The other unshipped items of its bundle, selected together with it.
    pub bundle_items: Vec<String>,
    /// When the marketplace self-cancel grace period ends, while that changes this verdict.
    pub grace_ends_at: Option<ZonedInstant>,
    /// `seller_must_approve`: the seller's name, as the order gives it (not in the JSON).
    pub seller: Option<String>,
    /// `with_carrier`: the shipment's `carrier`, as the order gives it (not in the JSON).
    pub carrier: Option<String>,
    /// `bundle_*`: the titles of the bundle-mates whose verdict lowered this one, in item
    /// order (not in the JSON).
    pub bundle_mates: Vec<String>,
    /// `cancellation_requested`: when it was requested, in the store's zone (not in the JSON).
    pub recorded_at: Option<ZonedInstant>,
    /// `cancellation_requested`: the store's number for it, if the order gives one (not in the
    /// JSON).
    pub cancellation_id: Option<String>,
}

/// Can the delivery be refused? Worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum RefuseVerdict {
    NotAvailable,
    /// USPS: mark the delivered, unopened package "Refused" and hand it back.
    AfterDeliveryUnopened,
    /// Waiting at a pickup point: decline it at the counter, or leave it uncollected.
    AtPickupPoint,
    /// Tell the driver at the door.
    AtDoor,
}

codes! {
    /// Why an item's refuse verdict is what it is: a stable code (`snake_case` in JSON).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
    #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
    #[serde(rename_all = "snake_case")]
    pub enum RefuseCode {
        /// On its way with an outside carrier.
        AtDoor = "at_door",
        /// On its way with the retailer's fleet, whose tracking shows a live map within 10 stops.
        AtDoorLiveMap = "at_door_live_map",
        /// Delivered by USPS, not opened, not a service that must be refused at delivery.
        UspsUnopened = "usps_unopened",
        NotShippedYet = "not_shipped_yet",
        /// Delivered by a carrier other than USPS.
        DeliveredByOtherCarrier = "delivered_by_other_carrier",
        Opened = "opened",
        /// Certified, insured or cash-on-delivery mail: only at the moment of delivery.
        MustRefuseAtDelivery = "must_refuse_at_delivery",
        AlreadyRefused = "already_refused",
        ReturnedToSender = "returned_to_sender",
        ShipmentCancelled = "shipment_cancelled",
        /// Waiting at a pickup point, within its holding time.
        AtPickupPoint = "at_pickup_point",
        /// At a pickup point, after `pickup_until`: it goes back.
        PickupTimeOver = "pickup_time_over",
        /// Delivery was attempted: refuse it at the next attempt.
        AtNextAttempt = "at_next_attempt",
        /// A delivery problem: nothing at the door.
        DeliveryProblem = "delivery_problem",
        /// The order does not say where it is.
        StatusUnknown = "status_unknown",
        /// On its way back to the sender.
        ReturningToSender = "returning_to_sender",
    }
}

/// Whether the delivery can be refused: the verdict, its code, how many stops away the parcel
/// is, whether tracking shows a live map and how near the parcel is on it, and what the
/// reason's sentence names ([`RefuseDecision::reason`]; in JSON, `message` is it in English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefuseDecision {
    pub verdict: RefuseVerdict,
    pub code: RefuseCode,
    pub stops_away: Option<u32>,
    /// The retailer's fleet (`at_door_live_map`): tracking shows the package on a live map
    /// within 10 stops, and this is where `stops_away` puts it. `None` for any other code. In
    /// JSON, `live_map` is whether it is `Some`.
    pub live_map: Option<LiveMapBand>,
    /// The shipment's `carrier`, as the order gives it (not in the JSON).
    pub carrier: Option<String>,
    /// On its way: out for delivery (else in transit) (not in the JSON).
    pub out_for_delivery: bool,
    /// A marketplace seller ships it, so a refused delivery is refunded under the seller's
    /// policy, not cancelled and refunded by the store (not in the JSON).
    pub seller_refunds: bool,
    /// The item's `opened` (`usps_unopened`: known unopened, or "if still unopened").
    pub opened: Option<bool>,
    /// `must_refuse_at_delivery`: the USPS service, as the order gives it (not in the JSON).
    pub service: Option<String>,
    /// `at_pickup_point`: a counter or a locker, if the order says (not in the JSON).
    pub pickup_kind: Option<PickupKind>,
    /// `at_pickup_point`, `pickup_time_over`: the end of the holding time, in the store's zone
    /// (not in the JSON).
    pub pickup_until: Option<ZonedInstant>,
}

/// Where a parcel on the retailer fleet's live map is, by its stops away: what the
/// `at_door_live_map` sentence says (`rules/refuse.rs` decides it; the map shows the parcel
/// within 10 stops).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LiveMapBand {
    /// The customer's is the next stop (0 stops away).
    NextStop,
    /// 1 to 10 stops away: the map shows it.
    OnTheMap,
    /// More than 10 stops away: not on the map yet.
    BeyondTheMap,
    /// The order does not say how many stops away.
    StopsUnknown,
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

codes! {
    /// Why an item's return verdict is what it is: a stable code (`snake_case` in JSON).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
    #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
    #[serde(rename_all = "snake_case")]
    pub enum ReturnCode {
        WithinWindow = "within_window",
        WindowClosed = "window_closed",
        NotDeliveredYet = "not_delivered_yet",
        /// Delivered, but the order does not say when (only an order built in Rust, unvalidated).
        DeliveryTimeUnknown = "delivery_time_unknown",
        FinalSale = "final_sale",
        NonReturnableCategory = "non_returnable_category",
        AlreadyReturned = "already_returned",
        ReturnAlreadyRequested = "return_already_requested",
        Cancelled = "cancelled",
        Refused = "refused",
        ReturnedToSender = "returned_to_sender",
        /// Waiting at a pickup point: the window opens when it is collected.
        AwaitingCollection = "awaiting_collection",
        /// A delivery problem: no expected deadline.
        DeliveryProblem = "delivery_problem",
        /// The order does not say where it is: no expected deadline.
        StatusUnknown = "status_unknown",
        /// On its way back to the sender: nothing to return.
        ReturningToSender = "returning_to_sender",
        /// The store received a withdrawal from the contract covering every unit not returned
        /// yet (`withdrawal_received_at`): the goods go back under it (art. 14(1)), not as a
        /// return.
        Withdrawn = "withdrawn",
    }
}

/// Whether an item can be returned: the verdict, its code, the deadline in the store's zone
/// (also the expected one, before delivery), how many units, whether the holiday extension set
/// the deadline, and what the reason's sentence names ([`ReturnDecision::reason`]; in JSON,
/// `message` is it in English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnDecision {
    pub verdict: ReturnVerdict,
    pub code: ReturnCode,
    /// The last second of the window (23:59:59 store time); for `not_yet`, the one expected
    /// from the estimated delivery, if known.
    pub deadline: Option<ZonedInstant>,
    /// How many can be returned (0 unless `allowed` or `not_yet`).
    pub quantity: u32,
    /// The holiday rule made the deadline later.
    pub holiday_extended: bool,
    /// The item's quantity ("all 3", "1 of 3") (not in the JSON).
    pub item_quantity: u32,
    /// `non_returnable_category`: the item's category, as the order gives it, with the
    /// policy's names for it (not in the JSON).
    pub category: Option<crate::policy::Named>,
    /// `withdrawn`: when the store received the withdrawal, in its zone (not in the JSON).
    pub withdrawn_at: Option<ZonedInstant>,
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
    /// A delivery problem, or no information: ask the store (it ships the item).
    ContactStore,
    None,
}

/// Which flow a refund is estimated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefundKind {
    Cancellation,
    Return,
}

/// Can the consumer withdraw from the contract? Worst to best (time only moves `allowed` to
/// `expired`; `not_applicable` does not depend on time). (Read back in a [`crate::Request`]'s
/// verdicts.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum WithdrawalVerdict {
    /// The policy does not offer withdrawal, or no item of the order is covered.
    NotApplicable,
    /// The withdrawal period has ended.
    Expired,
    /// The consumer may withdraw now: before the period starts (a good is still on its way) or
    /// within it.
    Allowed,
}

codes! {
    /// Why the withdrawal verdict is what it is: a stable code (`snake_case` in JSON), with the
    /// values its sentence names in the [`WithdrawalDecision`]'s other fields.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
    #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
    #[serde(rename_all = "snake_case")]
    pub enum WithdrawalCode {
        /// The policy's `withdrawal.enabled` is `false`. Values: none.
        NotOffered = "not_offered",
        /// Every item is of an excluded category, or on a shipment that was cancelled, refused or
        /// returned to the sender. Values: none.
        NoItemCovered = "no_item_covered",
        /// A good of the order is still on its way: the period has not started, and withdrawing
        /// is already possible (art. 9(3)). Values: `days`.
        PeriodNotStarted = "period_not_started",
        /// Delivered, but the order does not say when (an unvalidated order only). Values: `days`.
        DeliveryTimeUnknown = "delivery_time_unknown",
        /// Within the period. Values: `deadline`, `days`, `moved_from` (set when the last day was
        /// not a working day).
        WithinPeriod = "within_period",
        /// The period has ended. Values: `deadline`.
        PeriodOver = "period_over",
        /// The store has received a withdrawal covering every unit the right covers
        /// (`withdrawal_received_at`): nothing is left to withdraw from. Values: none.
        AllWithdrawn = "all_withdrawn",
        /// The order's `customer.country` is not among the policy's `withdrawal.countries`: the
        /// consumer has no right of withdrawal under this policy. Values: none.
        NotOfferedInCountry = "not_offered_in_country",
    }
}

/// Whether the consumer can withdraw from the contract (the whole order): the verdict, its code
/// and sentence, the period's end, the items it covers, and the values the sentence names.
///
/// The period (Directive 2011/83/EU art. 9(2)(b); Regulation 1182/71 art. 3): `days` days from
/// the day after the consumer took possession of the order's last good, counted in the store's
/// zone, ending at 23:59:59 store time on its last day, or on the next working day when that
/// day is a Saturday, a Sunday or one of the policy's public holidays. See
/// [the rules](crate#the-rules). Delivered on Friday 20 March 2026 in Berlin, with Good Friday
/// (3 April) and Easter Monday (6 April) as holidays, the period runs to the end of Tuesday
/// 7 April:
///
/// ```json
/// "withdrawal": {
///   "verdict": "allowed", "code": "within_period",
///   "message": "You can withdraw from the contract until 7 April 2026 at 23:59:59 (store time), the first working day after the 14 days.",
///   "deadline": "2026-04-07T23:59:59+02:00", "items": ["A", "B"],
///   "days": 14, "starts_on": "2026-03-21", "moved_from": "2026-04-03"
/// }
/// ```
///
/// Its `message` (in JSON) is [`WithdrawalDecision::reason`] in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithdrawalDecision {
    pub verdict: WithdrawalVerdict,
    pub code: WithdrawalCode,
    /// The period's last second (23:59:59 store time), in the store's zone; `None` before the
    /// period starts (a covered good, or any good of the order, is still on its way) and when
    /// `not_applicable`.
    pub deadline: Option<ZonedInstant>,
    /// The ids of the items the right covers, in the order's order (empty when
    /// `not_applicable`).
    pub items: Vec<String>,
    /// The period's length in days (the policy's `withdrawal.days`).
    pub days: u32,
    /// The period's first day (store time): the day after the last good was delivered.
    pub starts_on: Option<Date>,
    /// The last day of the plain count of `days`, when it was a Saturday, a Sunday or a public
    /// holiday and the period ran on to the next working day (`deadline`'s date).
    pub moved_from: Option<Date>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// `as_str` of each code is its JSON.
    fn as_str_by_json<T: Copy + Serialize + std::fmt::Debug>(
        all: &[T],
        as_str: fn(T) -> &'static str,
    ) {
        for &code in all {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, as_str(code), "{code:?}");
        }
    }

    /// `as_str` writes what serde writes, for every code.
    #[test]
    fn codes_as_str_match_their_json() {
        as_str_by_json(CancelCode::ALL, CancelCode::as_str);
        as_str_by_json(RefuseCode::ALL, RefuseCode::as_str);
        as_str_by_json(ReturnCode::ALL, ReturnCode::as_str);
        as_str_by_json(WithdrawalCode::ALL, WithdrawalCode::as_str);
        use crate::VerifyCode;
        as_str_by_json(VerifyCode::ALL, VerifyCode::as_str);
        assert_eq!(CancelCode::ALL.len(), 21);
        assert_eq!(ReturnCode::ALL.len(), 16);
    }
}
