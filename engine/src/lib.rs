//! The eligibility engine of order-help: pure rules from (order, policy, instant) to verdicts.
//!
//! [`assess`] decides, for each item of an [`Order`] under a store [`Policy`] at an
//! [`Instant`], whether it can still be cancelled, refused at delivery, or returned before its
//! window closes, with a stable code and the values of its sentence for every decision. No clock, no
//! DOM, no I/O: it builds and is tested natively and compiles unchanged to wasm32, and it
//! depends on no browser crate (the widget and the command-line tool use this public API only).
//!
//! # The API
//!
//! - **In**: an [`Order`] and a [`Policy`], read from a [`json::Json`] tree (what the widget
//!   builds from a JS value) by the one reader every document takes, [`read_document`] (or its
//!   shorthands [`order_from_tree`] / [`policy_from_tree`]; a customer alone with
//!   [`customer_from_tree`]), from any serde deserializer with [`parse_order`] /
//!   [`parse_policy`], or natively from JSON text with [`Order::from_json_str`] /
//!   [`Policy::from_json_str`]. Bad input is an [`InputError`]: the field path, what was
//!   expected and what was found; [`read_document_reporting_all`] gives every problem of a
//!   document, not only the first. Each document type is declared once (`read.rs`'s
//!   `document!`): its fields, their JSON names, kinds and defaults, whence its reader. The
//!   instant is an [`Instant`] (RFC 3339 in, Unix time inside).
//! - **Out**: an [`Assessment`]: per item a [`CancelDecision`], [`RefuseDecision`] and
//!   [`ReturnDecision`] (verdict, stable code, sentence), a [`RefundEstimate`] and the
//!   [`NextStep`]; for the order, `order_cancel`, `next_change_at` and the EU consumer's
//!   right of withdrawal, a [`WithdrawalDecision`] (when the policy's [`Withdrawal`] block
//!   enables it). It serializes to the JSON
//!   the command-line tool prints; [`json::to_text`] writes it without serde_json. The JSON
//!   (tree, text reader and writer, path errors) is the workspace's `order-help-json` crate,
//!   re-exported as [`json`].
//! - **Returns**: [`preview_return`] gives the refund of a proposed return ([`ReturnProposal`]:
//!   lines, a reason of the policy's [`ReturnReason`]s, opened or not) as a [`ReturnPreview`],
//!   each deduction with its code, or a [`ReturnProposalError`] with the path and a stable code.
//! - **Requests**: [`Request`] is the one shape of every request the widget sends its host
//!   (`kind`: cancel, return, withdrawal), read back with [`request_from_tree`] or
//!   [`Request::from_json_str`]; [`verify`] checks one on the store's server against its own
//!   order of record at the instant it was received, as a [`Verification`]: accepted or not, as
//!   a whole and per item, each with a stable [`VerifyCode`] and a sentence.
//! - **Units**: money is [`Money`], in the minor units of the order's ISO 4217 currency; times
//!   are instants, shown as [`ZonedInstant`]s in the store's [`StoreZone`] (an IANA name or a
//!   POSIX TZ rule); windows are whole days counted in that zone.
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! use order_help_engine::{assess, CancelCode, CancelVerdict, Instant, NextStep, Order, Policy};
//!
//! let order = Order::from_json_str(r#"{
//!     "id": "112-0000002", "placed_at": "2025-03-20T09:00:00-07:00", "currency": "USD",
//!     "seller": {"name": "Example Store", "kind": "retailer", "fulfilled_by": "retailer"},
//!     "items": [{"id": "A", "title": "Kettle", "quantity": 1, "unit_price": 2999, "shipment": "S1"}],
//!     "shipments": [{"id": "S1", "status": "staged", "carrier": "ups"}]
//! }"#).unwrap();
//! let policy = Policy::from_json_str(r#"{"time_zone": "America/Los_Angeles"}"#).unwrap();
//! let at = Instant::parse_rfc3339("2025-03-20T10:00:00-07:00").unwrap();
//!
//! let item = &assess(&order, &policy, at).items[0];
//! // Packed and waiting in the warehouse: cancelling is a request, and the best first step.
//! assert_eq!(item.cancel.verdict, CancelVerdict::Request);
//! assert_eq!(item.cancel.code, CancelCode::StagedForShipping);
//! assert_eq!(item.next_step, NextStep::Cancel);
//!
//! // Bad input names the field, what was expected and what was found.
//! let err = Order::from_json_str(r#"{"id": "O1", "placed_at": "yesterday"}"#).unwrap_err();
//! assert_eq!(err.path, "placed_at");
//! # }
//! ```
//!
//! # The rules
//!
//! What each rule decides and where it comes from is written down in
//! [docs/domain.md](../../docs/domain.md), with a table rule → function → scenario table.
//! The code: `rules/cancel.rs` (cancel on its own), `rules/bundle.rs`, `rules/refuse.rs`,
//! `rules/return_window.rs` (windows, holiday extension), `rules/refund.rs`,
//! `rules/next_step.rs`, `rules/withdrawal.rs` (the withdrawal period under Regulation
//! 1182/71). The two entry points sit side by side with their outputs: `assess.rs` →
//! `assessment.rs`, `verify.rs` (a request checked on the store's server) → `verification.rs`. Time: `time/` (hand-written, with the store zone table generated by
//! `scripts/gen-zones.py`). The scenario tables are in `tests/scenarios/`.

// First: its declaration macros (`document!`, `names!`) are used by the modules below.
#[macro_use]
mod read;

mod assess;
mod assessment;
mod country;
mod currency;
mod error;
mod ids;
pub mod limits;
mod money;
mod order;
mod parse;
mod policy;
mod reason;
mod request;
mod returns;
mod rules;
pub mod text;
mod time;
mod validate;
mod verification;
mod verify;

/// Converters from Shopify, WooCommerce, EasyPost and AfterShip to the contract (not in the
/// widget: feature `import`).
#[cfg(feature = "import")]
pub mod import;

/// The JSON crate ([`order_help_json`]): the tree the readers take, its text reader and writer.
/// Re-exported so a caller needs no second dependency to match the engine's version.
pub use order_help_json as json;

pub use assess::assess;
pub use assessment::{
    Assessment, CancelCode, CancelDecision, CancelVerdict, Deduction, DeductionCode,
    ItemAssessment, LiveMapBand, NextStep, RefundEstimate, RefundKind, RefuseCode, RefuseDecision,
    RefuseVerdict, ReturnCode, ReturnDecision, ReturnVerdict, WithdrawalCode, WithdrawalDecision,
    WithdrawalVerdict,
};
pub use country::{is_country_code, EU_EEA};
pub use currency::{iso_4217_codes, minor_unit_digits};
pub use error::InputError;
pub use ids::Fnv;
pub use limits::{MAX_GRACE_MINUTES, MAX_WINDOW_DAYS};
pub use money::Money;
pub use order::{
    Carrier, Customer, ExceptionKind, FulfilledBy, Item, Order, PaymentMethod, PickupKind, Seller,
    SellerKind, Shipment, ShipmentStatus,
};
#[cfg(not(target_arch = "wasm32"))]
pub use parse::read_text_reporting_all;
pub use parse::{
    customer_from_tree, order_from_tree, parse_order, parse_policy, policy_from_tree,
    proposal_from_tree, read_document, read_document_reporting_all, request_from_tree, Readable,
};
pub use policy::{
    humanise, primary_subtag, same_category, CancellationReasons, Countries, HolidayExtension,
    ListEdit, MonthDay, Named, Names, Policy, ReasonOption, RefundTiming, RefundTimingTable,
    ReturnReason, TimingUnit, Withdrawal, BUYERS_REMORSE_REASONS, NON_RETURNABLE_CATEGORIES,
    WITHDRAWAL_EXCLUDED_CATEGORIES, WITHDRAWAL_EXCLUDED_WHEN_UNSEALED,
};
pub use reason::{carrier_name, English, Reason, Value};
pub use request::{Request, RequestItem, RequestKind, RequestVerdict};
pub use returns::{
    ProposalLine, ProposalProblem, ReturnPreview, ReturnPreviewLine, ReturnProposal,
    ReturnProposalError,
};
pub use rules::refund::refund_for;
pub use rules::return_preview::preview_return;
pub use time::{Date, InEnglish, Instant, LocalDateTime, StoreZone, Time, ZonedInstant};
pub use validate::is_https_address;
pub use validate::looks_like_an_email_address;
pub use verification::{
    ItemVerification, KindCode, KindVerdict, Verification, VerifyCode, VerifyValues,
};
pub use verify::{verify, CLOCK_SKEW_SECONDS};
