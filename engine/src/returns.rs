//! A proposed return and its refund preview: the shapes [`crate::preview_return`] reads and
//! writes. The rule itself is in `rules/return_preview.rs`; the sentences of its errors are the
//! `proposal.*` entries of the text catalogues, keyed and rendered by `returns/sentences.rs`.

mod sentences;

use serde::Serialize;

use super::assessment::{Deduction, ReturnCode, ReturnVerdict};
use super::money::Money;
use super::policy::RefundTiming;
use super::time::ZonedInstant;

document! {
    /// What the customer proposes to return: which units of which lines, why, and whether each was
    /// opened. Read from JSON with [`crate::proposal_from_tree`] (or natively
    /// [`ReturnProposal::from_json_str`]), which checks its shape and limits; whether it fits the
    /// order is [`crate::preview_return`]'s to say.
    ///
    /// ```json
    /// {"lines": [{"item_id": "A", "quantity": 2, "opened": true}], "reason_id": "no_longer_needed"}
    /// ```
    pub struct ReturnProposal {
        /// At least one; each item at most once.
        pub lines: Vec<ProposalLine> = required,
        /// The id of one of the policy's [`return_reasons`](crate::Policy::return_reasons).
        pub reason_id: String = required,
    }
}

document! {
    /// One line of a [`ReturnProposal`].
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct ProposalLine {
        /// The id of one of the order's items.
        pub item_id: String = required,
        /// How many units: from 1 to the item's returnable quantity at the instant.
        pub quantity: u32 = required,
        /// Whether the customer opened these units. Absent: what the order says (`Item::opened`),
        /// and unopened when the order does not say either. Per line, not per unit: a line whose
        /// units differ is estimated as opened when any of them is.
        pub opened: Option<bool> = optional,
    }
}

/// What a proposed return would refund, line by line, and until when each line can be sent
/// back. Amounts are [`Money`] in the minor units of the order's ISO 4217 `currency`.
///
/// `total` = Σ `lines[].refund` + `delivery_refund` − Σ `deductions[].amount`; it is never
/// negative and never more than the lines' `value`s plus the order's `shipping_cost`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ReturnPreview {
    pub order_id: String,
    /// ISO 4217 code of every amount.
    pub currency: String,
    pub reason_id: String,
    /// Whether the reason is buyer's remorse (the deductions apply) or the seller's fault
    /// (refunded in full, delivery included).
    pub buyers_remorse: bool,
    /// In the proposal's order.
    pub lines: Vec<ReturnPreviewLine>,
    /// Σ `lines[].value`: the items' value before any deduction.
    pub items_value: Money,
    /// The order's `shipping_cost`, refunded for a return that is the seller's fault
    /// (zero otherwise, or when the order states none).
    pub delivery_refund: Money,
    /// Deductions from the whole return (`delivery_cost`: a marketplace buyer's-remorse
    /// return), never more than what the lines refund.
    pub deductions: Vec<Deduction>,
    /// What the customer gets back.
    pub total: Money,
    /// How soon, after the store receives the items, by the order's payment method.
    pub timing: RefundTiming,
}

/// One line of a [`ReturnPreview`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ReturnPreviewLine {
    pub item_id: String,
    pub quantity: u32,
    pub unit_price: Money,
    /// `unit_price` × `quantity`.
    pub value: Money,
    /// Whether the line was estimated as opened (the proposal's, else the order's, else no).
    pub opened: bool,
    /// Whether answering "opened" or "not opened" changes this line's refund (a buyer's-remorse
    /// reason and a category with an opened-item fee): the flow asks only then.
    pub opened_changes_refund: bool,
    /// The line's deductions (`opened_item_fee`).
    pub deductions: Vec<Deduction>,
    /// `value` − Σ `deductions[].amount`.
    pub refund: Money,
    /// The last second the line can be sent back (its return window's deadline, store time).
    pub return_by: ZonedInstant,
    /// The holiday rule set `return_by`.
    pub holiday_extended: bool,
}

/// Why a proposal cannot be previewed: where (`path`, e.g. `lines[1].quantity`) and what
/// (`problem`, with a stable code). [`std::fmt::Display`] writes `path: sentence`, like an
/// [`crate::InputError`].
///
/// ```
/// use order_help_engine::{ProposalProblem, ReturnProposalError};
/// let e = ReturnProposalError {
///     path: "lines[0].quantity".into(),
///     problem: ProposalProblem::QuantityExceedsReturnable { quantity: 3, returnable: 2 },
/// };
/// assert_eq!(e.problem.code(), "quantity_exceeds_returnable");
/// assert!(e.to_string().starts_with("lines[0].quantity: expected"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ReturnProposalError {
    /// The proposal's field at fault (`lines`, `lines[i].item_id`, `lines[i].quantity`,
    /// `reason_id`).
    pub path: String,
    pub problem: ProposalProblem,
}

/// What is wrong with a proposal, with the values its sentence needs. Serialized with its
/// `code` (`snake_case`) beside those values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProposalProblem {
    /// `lines` is empty.
    NoLines,
    /// No item of the order has this id.
    UnknownItem { item_id: String },
    /// The item is already in line `first`.
    DuplicateLine { item_id: String, first: usize },
    /// A quantity of 0.
    ZeroQuantity,
    /// More units than the item has left to return at the instant.
    QuantityExceedsReturnable { quantity: u32, returnable: u32 },
    /// The item's return verdict at the instant is not `allowed`.
    NotReturnable {
        item_id: String,
        verdict: ReturnVerdict,
        return_code: ReturnCode,
        /// `window_closed`: the window's last second, which has passed (absent otherwise).
        #[serde(skip_serializing_if = "Option::is_none")]
        closed_at: Option<ZonedInstant>,
    },
    /// The policy offers no return reason with this id.
    UnknownReason {
        reason_id: String,
        /// The ids it offers.
        known: Vec<String>,
    },
}

impl ProposalProblem {
    /// The stable code, as serialized (`unknown_item`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoLines => "no_lines",
            Self::UnknownItem { .. } => "unknown_item",
            Self::DuplicateLine { .. } => "duplicate_line",
            Self::ZeroQuantity => "zero_quantity",
            Self::QuantityExceedsReturnable { .. } => "quantity_exceeds_returnable",
            Self::NotReturnable { .. } => "not_returnable",
            Self::UnknownReason { .. } => "unknown_reason",
        }
    }
}

impl std::error::Error for ReturnProposalError {}
