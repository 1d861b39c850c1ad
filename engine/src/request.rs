//! The one request shape the widget sends its host for every kind of request (cancel, return,
//! withdrawal), and a store's server reads back: the engine's side of the host contract.
//!
//! Read one with [`crate::request_from_tree`] (or natively [`Request::from_json_str`]), which
//! checks its shape, its limits and what serde cannot (each item once, quantities of at least 1).
//! Whether it fits the order is for the verification to say.

use super::assessment::{CancelVerdict, ReturnVerdict, WithdrawalVerdict};
use super::order::Customer;
use super::returns::ProposalLine;
use super::time::Instant;

// The verdicts a request quotes are the assessment's (declared in assessment.rs, which the
// engine only writes): their names, as serde's `rename_all = "snake_case"` has them.
read_names! {
    CancelVerdict { "not_available" => NotAvailable, "request" => Request, "allowed" => Allowed }
    ReturnVerdict {
        "not_returnable" => NotReturnable, "expired" => Expired, "not_yet" => NotYet,
        "allowed" => Allowed
    }
    WithdrawalVerdict {
        "not_applicable" => NotApplicable, "expired" => Expired, "allowed" => Allowed
    }
}

document! {
    /// A request, as JSON:
    ///
    /// ```json
    /// { "kind": "return", "order_id": "112-0000001",
    ///   "items": [{"item_id": "A", "quantity": 2}],
    ///   "assessed_at": "2025-03-10T12:00:00-07:00",
    ///   "verdicts": [{"item_id": "A", "return": "allowed", "code": "within_window"}],
    ///   "reason": "no_longer_needed", "comment": null, "idempotency_key": "oh-5f2c0e9a1b3d4c7e" }
    /// ```
    ///
    /// `kind`, `order_id`, `items` and `assessed_at` are required (so a store's own forms can be
    /// checked too); `verdicts`, `reason`, `comment`, `idempotency_key`, `declared_at` and
    /// `customer` are read when present. Unknown fields are errors, so a misspelt one is
    /// not silently ignored.
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use order_help_engine::{Request, RequestKind};
    /// let request = Request::from_json_str(r#"{"kind": "cancel", "order_id": "O1",
    ///     "items": [{"item_id": "A", "quantity": 1}], "assessed_at": "2025-03-10T12:00:00Z"}"#).unwrap();
    /// assert_eq!(request.kind, RequestKind::Cancel);
    /// let twice = Request::from_json_str(r#"{"kind": "return", "order_id": "O1",
    ///     "items": [{"item_id": "A", "quantity": 1}, {"item_id": "A", "quantity": 1}],
    ///     "assessed_at": "2025-03-10T12:00:00Z"}"#).unwrap_err();
    /// assert_eq!(twice.path, "items[1].item_id");
    /// # }
    /// ```
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct Request {
        pub kind: RequestKind = required,
        pub order_id: String = required,
        /// At least one; each item at most once.
        pub items: Vec<RequestItem> = required,
        /// The instant the verdicts were assessed (RFC 3339 with an offset).
        pub assessed_at: Instant = required,
        /// The engine's verdicts for the requested items at `assessed_at`, as the customer saw them.
        pub verdicts: Vec<RequestVerdict> = default,
        /// A reason id of the policy (a cancellation reason, or a return reason), if one was chosen.
        pub reason: Option<String> = optional,
        /// The customer's own words, if any.
        pub comment: Option<String> = optional,
        /// The same for every retry of the same request, so a server can ignore duplicates.
        pub idempotency_key: Option<String> = optional,
        /// Return: the proposal the refund preview was made from, one line per entry of `items`
        /// (same order, ids and quantities), with whether the customer said it was opened
        /// (`opened` absent: not asked, the order's own `opened` counts). With `reason` as its
        /// `reason_id` it is a [`crate::ReturnProposal`] for [`crate::preview_return`].
        #[serde(skip_serializing_if = "Option::is_none")]
        pub lines: Option<Vec<ProposalLine>> = optional,
        /// Withdrawal: when the consumer sent the declaration (RFC 3339): the instant that counts
        /// for the period (art. 11(2)), bounded by the store's receipt (`withdrawal.max_delay_seconds`).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub declared_at: Option<Instant> = optional,
        /// Withdrawal: who declares it and where the store's acknowledgement goes.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub customer: Option<Customer> = optional,
    }
}

names! {
    /// Which way out a request asks for.
    pub enum RequestKind {
        Cancel = "cancel",
        Return = "return",
        /// The EU consumer's statutory withdrawal.
        Withdrawal = "withdrawal",
    }
}

document! {
    /// A requested item: which, and how many units.
    pub struct RequestItem {
        pub item_id: String = required,
        /// At least 1.
        pub quantity: u32 = required,
    }
}

document! {
    /// The verdict the customer was shown for an item: the `cancel` verdict of a cancel request, the
    /// `return` verdict of a return request, the (order's) `withdrawal` verdict of a withdrawal
    /// request, with its stable code (`CancelCode`, `ReturnCode` or `WithdrawalCode` in
    /// `snake_case`). [`crate::verify`] compares it with the verdict at receipt
    /// (`changed_since_assessed`).
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct RequestVerdict {
        pub item_id: String = required,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub cancel: Option<CancelVerdict> = optional,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub r#return as "return": Option<ReturnVerdict> = optional,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub withdrawal: Option<WithdrawalVerdict> = optional,
        pub code: String = required,
    }
}
