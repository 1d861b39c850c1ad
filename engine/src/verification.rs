//! The output of [`crate::verify`]: whether a store's server should accept a request, as a
//! whole and item by item, with a stable code, the values its sentence names and the sentence.
//! The rule itself is in `verify.rs` (beside `assess.rs`); the sentences are the
//! `verify.*` entries of the text catalogues, keyed and rendered by `verification/sentences.rs`.

mod sentences;

use std::borrow::Cow;

use serde::Serialize;

use super::assessment::{
    codes, CancelCode, CancelVerdict, ReturnCode, ReturnVerdict, WithdrawalCode, WithdrawalVerdict,
};
use super::request::RequestKind;
use super::time::ZonedInstant;

pub(crate) use sentences::{sentence, Scope};

/// What [`crate::verify`] says about a request received at an instant.
///
/// `accepted` is true only when every item is (then `code` is `accepted`); a problem of the
/// whole request (`order_mismatch`, `unknown_reason`, `reason_required`, `comment_required`,
/// and for a withdrawal
/// `withdrawal_not_offered`, `declared_at_missing`, `declared_after_receipt`,
/// `declaration_delayed`, `withdrawal_period_over`) is the request's code and rejects every
/// item it applies to with the same code; otherwise a rejected item makes the request's code
/// `items_rejected`.
///
/// ```json
/// { "order_id": "M-500", "kind": "cancel", "received_at": "2025-03-01T09:10:00-08:00",
///   "accepted": false, "code": "items_rejected",
///   "message": "Not accepted: 1 of the 2 requested items cannot go ahead; each item says why.",
///   "values": {"rejected": 1, "requested": 2},
///   "items": [
///     { "item_id": "A", "accepted": true, "code": "accepted",
///       "message": "Accepted: this item may go ahead.",
///       "values": {"verdict": "allowed", "verdict_code": "within_grace_period"},
///       "verdict": "allowed", "verdict_code": "within_grace_period",
///       "changed_since_assessed": false },
///     { "item_id": "C", "accepted": false, "code": "not_cancellable_now",
///       "message": "Not accepted: it can no longer be cancelled. The seller has already shipped it, so it can no longer be cancelled.",
///       "values": {"verdict_code": "shipped_by_seller", "why": "The seller has already shipped it, so it can no longer be cancelled."},
///       "verdict": "not_available", "verdict_code": "shipped_by_seller",
///       "changed_since_assessed": false } ] }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Verification {
    /// The order of record's id.
    pub order_id: String,
    pub kind: RequestKind,
    /// When the store's server received the request, in the store's zone.
    pub received_at: ZonedInstant,
    /// Every item is accepted.
    pub accepted: bool,
    /// `accepted`, `items_rejected`, or the problem of the whole request.
    pub code: VerifyCode,
    /// One plain English sentence for the code and its values.
    pub message: Cow<'static, str>,
    /// The values the sentence names (only those it has).
    pub values: VerifyValues,
    /// One per requested item, in the request's order.
    pub items: Vec<ItemVerification>,
}

/// What [`crate::verify`] says about one requested item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ItemVerification {
    pub item_id: String,
    pub accepted: bool,
    /// `accepted`, or why not.
    pub code: VerifyCode,
    /// One plain English sentence for the code and its values.
    pub message: Cow<'static, str>,
    /// The values the sentence names (only those it has).
    pub values: VerifyValues,
    /// The request kind's verdict for this item at the instant that counts (receipt; for a
    /// withdrawal, `declared_at`): a `cancel`, `return` or `withdrawal` verdict. `None` when
    /// the item was not examined (unknown, another order, a request-level problem before it).
    pub verdict: Option<KindVerdict>,
    /// That verdict's code (`CancelCode`, `ReturnCode` or `WithdrawalCode`).
    pub verdict_code: Option<KindCode>,
    /// The request's `verdicts` showed the customer a different verdict for this item (of the
    /// request's kind) than `verdict`: the answer changed in between (a grace period ended, a
    /// parcel left the warehouse). `false` when the request shows none for it, or it was not
    /// examined.
    pub changed_since_assessed: bool,
}

impl Verification {
    /// The catalogue key of `message` (`verify.<code>`, or `verify.accepted.request`), for a
    /// host that shows it in another language (`locales/<lang>.json`, with `values`).
    pub fn key(&self) -> &'static str {
        sentences::key(Scope::Request, self.code)
    }
}

impl ItemVerification {
    /// The catalogue key of `message` (`verify.<code>`, or `verify.accepted.item`).
    pub fn key(&self) -> &'static str {
        sentences::key(Scope::Item, self.code)
    }
}

/// A verdict of the request's kind, serialized as its `snake_case` name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum KindVerdict {
    Cancel(CancelVerdict),
    Return(ReturnVerdict),
    Withdrawal(WithdrawalVerdict),
}

/// The code of a [`KindVerdict`], serialized as its `snake_case` name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum KindCode {
    Cancel(CancelCode),
    Return(ReturnCode),
    Withdrawal(WithdrawalCode),
}

codes! {
    /// Why a request or an item is accepted or not: a stable code (`snake_case` in JSON). The
    /// values each sentence names are listed; the sentences are in
    /// [docs/domain.md](../../docs/domain.md#verifying-a-request).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
    #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
    #[serde(rename_all = "snake_case")]
    pub enum VerifyCode {
        /// Item: it may go ahead (`verdict`, `verdict_code`); request: every item may (`requested`).
        Accepted = "accepted",
        /// Request only: some items are rejected (`rejected`, `requested`).
        ItemsRejected = "items_rejected",
        /// The request names another order (`request_order_id`, `order_id`); every item too.
        OrderMismatch = "order_mismatch",
        /// The request's `reason` is not one the policy offers for its kind (`reason`); every item.
        UnknownReason = "unknown_reason",
        /// The request has no `reason`, and its kind requires one (a return always; a cancel when
        /// the policy's `cancellation_reasons.required`); every item.
        ReasonRequired = "reason_required",
        /// The request's reason requires a comment and its `comment` is missing or blank (a return
        /// reason with `comment_required`; a cancellation reason with `comment` when the policy's
        /// `cancellation_reasons.required`) (`reason`); every item.
        CommentRequired = "comment_required",
        /// The order has no item with this id (`item_id`).
        UnknownItem = "unknown_item",
        /// Cancel or withdrawal: more units than the item has (`quantity`, `ordered`).
        QuantityExceedsOrdered = "quantity_exceeds_ordered",
        /// Cancel: the cancel verdict at receipt is `not_available` (`verdict_code`, `why`).
        NotCancellableNow = "not_cancellable_now",
        /// Cancel: the item was sold in a bundle and the request leaves out some of its unshipped
        /// bundle-mates at receipt (`missing_items`, `titles`): a bundle is cancelled together.
        BundleIncomplete = "bundle_incomplete",
        /// Return: not delivered yet (`verdict_code`, `why`).
        NotDeliveredYet = "not_delivered_yet",
        /// Return: the window has closed (`deadline`).
        ReturnWindowClosed = "return_window_closed",
        /// Return: never returnable, or nothing left to return (`verdict_code`, `why`).
        NotReturnable = "not_returnable",
        /// Return: more units than are left to return (`quantity`, `returnable`).
        QuantityExceedsReturnable = "quantity_exceeds_returnable",
        /// Withdrawal: the policy does not offer it; every item too.
        WithdrawalNotOffered = "withdrawal_not_offered",
        /// Withdrawal: the order's `customer.country` is not among the policy's
        /// `withdrawal.countries` (`country`); every item too.
        WithdrawalNotOfferedInCountry = "withdrawal_not_offered_in_country",
        /// Cancel: the order records a cancellation of this item the store has not decided yet
        /// (`cancellation_requested_at`: `recorded_at`), whatever the request's key.
        CancellationAlreadyRequested = "cancellation_already_requested",
        /// Withdrawal: the order records a received withdrawal of this item
        /// (`withdrawal_received_at`: `recorded_at`) and the request asks for more units than
        /// it left (`quantity`, `ordered`: the units still covered), whatever the request's key.
        AlreadyWithdrawn = "already_withdrawn",
        /// Withdrawal: the right does not cover this item (excluded category, ended shipment).
        NotCoveredByWithdrawal = "not_covered_by_withdrawal",
        /// Withdrawal: declared after the period's end (`declared_at`, `deadline`); every item.
        WithdrawalPeriodOver = "withdrawal_period_over",
        /// Withdrawal: the request has no `declared_at`; every item.
        DeclaredAtMissing = "declared_at_missing",
        /// Withdrawal: `declared_at` is later than the receipt plus the allowed clock skew
        /// (`declared_at`, `received_at`, `skew_seconds`); every item.
        DeclaredAfterReceipt = "declared_after_receipt",
        /// Withdrawal: received more than `max_delay_seconds` after `declared_at` (`declared_at`,
        /// `received_at`, `max_delay_seconds`); every item.
        DeclarationDelayed = "declaration_delayed",
    }
}

/// The values a code's sentence names, each present only where that code names it (absent
/// ones are left out of the JSON). Instants are in the store's zone; counts are units.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct VerifyValues {
    /// `order_mismatch`: the order of record's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// `order_mismatch`: the id the request names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_order_id: Option<String>,
    /// `unknown_reason`, `comment_required`: the request's reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `unknown_item`: the id the request names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// `bundle_incomplete`: the ids of the item's unshipped bundle-mates the request leaves
    /// out, in the order's order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_items: Option<Vec<String>>,
    /// `bundle_incomplete`: their titles (the sentence lists them, each quoted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles: Option<Vec<String>>,
    /// The units requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    /// `quantity_exceeds_ordered`: the item's quantity in the order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordered: Option<u32>,
    /// `quantity_exceeds_returnable`: the units left to return at receipt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returnable: Option<u32>,
    /// The kind's verdict at the instant that counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<KindVerdict>,
    /// Its code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_code: Option<KindCode>,
    /// The assessment's sentence for that verdict (why it is what it is).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Cow<'static, str>>,
    /// A return window's, or the withdrawal period's, last second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<ZonedInstant>,
    /// The request's `declared_at`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_at: Option<ZonedInstant>,
    /// When the server received the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_at: Option<ZonedInstant>,
    /// The policy's `withdrawal.max_delay_seconds`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_delay_seconds: Option<u32>,
    /// How far `declared_at` may be ahead of the receipt ([`crate::CLOCK_SKEW_SECONDS`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skew_seconds: Option<u32>,
    /// `withdrawal_not_offered_in_country`: the order's `customer.country`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `cancellation_already_requested`, `already_withdrawn`: when the order says the earlier
    /// request was made or received.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<ZonedInstant>,
    /// `items_rejected`: how many items are rejected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejected: Option<u32>,
    /// `items_rejected`, and a request's `accepted`: how many items the request names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested: Option<u32>,
}
