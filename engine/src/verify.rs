//! `verify`: the same rules as [`crate::assess`], run by a store's server on its own order of
//! record, for a request a browser sent (which proves nothing by itself).
//!
//! Source: [domain.md § Verifying a request](../../docs/domain.md#verifying-a-request).

use super::assess::assess;
use super::assessment::{
    Assessment, CancelVerdict, ReturnVerdict, WithdrawalCode, WithdrawalVerdict,
};
use super::ids::first_index_of;
use super::order::{Item, Order};
use super::policy::Policy;
use super::request::{Request, RequestKind};
use super::time::Instant;
use super::verification::{
    sentence, ItemVerification, KindCode, KindVerdict, Scope, Verification, VerifyCode,
    VerifyValues,
};

/// How far a withdrawal's `declared_at` may be *after* the server's receipt and still be
/// believed: the consumer's device clock may run ahead of the server's. Five minutes, the
/// tolerance Kerberos (RFC 4120 § 1.6; MIT's default `clockskew`) gives two clocks that should
/// agree. A later `declared_at` never helps a consumer (the period's end is compared with it), so
/// the tolerance costs the store nothing; beyond it the request is `declared_after_receipt`.
pub const CLOCK_SKEW_SECONDS: u32 = 300;

/// Verifies `request` against the store's order of record, under its policy, as received at
/// `received_at` (the server's clock; the engine reads none): for the request and each requested
/// item, `accepted` or a stable [`VerifyCode`] with its values and a sentence, and whether the
/// verdict changed since the customer saw it.
///
/// The rules (each item in the request's order; the first that applies decides):
///
/// 1. `order_mismatch`: the request's `order_id` is not the order's id. Every item is rejected
///    with it, unexamined (another order's item ids mean nothing here).
/// 2. `unknown_item`: the order has no item with this id.
/// 3. A problem of the whole request rejects every (known) item with its code:
///    `unknown_reason` (a cancel's `reason` not among the policy's cancellation reasons, a
///    return's not among its return reasons; a withdrawal needs no reason and its `reason` is
///    not read); `reason_required` (a return without a `reason`, or a cancel without one when
///    the policy's `cancellation_reasons.required`); `comment_required` (a missing or blank
///    `comment` for a return reason with `comment_required`, or, when cancellation reasons are
///    required, a cancellation reason with `comment`); for a withdrawal, in this order, `withdrawal_not_offered` (the policy's
///    `withdrawal.enabled` is false), `withdrawal_not_offered_in_country` (the order's
///    `customer.country` is not among the policy's `withdrawal.countries`), `declared_at_missing`, `declared_after_receipt`
///    (`declared_at` > `received_at` + [`CLOCK_SKEW_SECONDS`]), `declaration_delayed`
///    (`received_at` > `declared_at` + `withdrawal.max_delay_seconds`) and
///    `withdrawal_period_over` (`declared_at` after the period's last second: the consumer's
///    dispatch counts, art. 11(2) of Directive 2011/83/EU).
/// 4. By kind, from [`assess`] at `received_at` (a withdrawal: at `declared_at`):
///    - cancel: `cancellation_already_requested` when the order records a pending cancellation
///      of the item (`cancellation_requested_at`), whatever the request's key; else accepted while the item's cancel verdict is `allowed` or `request`
///      (`request`: the seller or warehouse still has to act), else `not_cancellable_now`;
///      and only together with its unshipped bundle-mates at receipt (its decision's
///      `bundle_items`): a request that leaves one out is `bundle_incomplete` for it;
///    - return: accepted while its return verdict is `allowed` (the window open, through its
///      last second), else `not_delivered_yet`, `return_window_closed` or `not_returnable`;
///    - withdrawal: `already_withdrawn` when the order records a received withdrawal of the item
///      (`withdrawal_received_at`) and the request asks for more units than it left
///      (`withdrawn_quantity`, else all), whatever its key; else accepted when the right covers
///      the item, else `not_covered_by_withdrawal`.
/// 5. Quantities: a return's at most the units left to return (`quantity_exceeds_returnable`);
///    a cancel's or a withdrawal's at most the item's quantity (`quantity_exceeds_ordered`).
///
/// The request is `accepted` when every item is; else its code is the problem of the whole
/// request, or `items_rejected`. `changed_since_assessed` compares the request's `verdicts`
/// (the kind's verdict the customer was shown for the item) with the verdict at receipt.
///
/// Pure and total: it never panics, on any order, policy, request or instant (instants
/// saturate at the ends of the representable range).
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help_engine::*;
/// let order = Order::from_json_str(r#"{
///     "id": "O1", "placed_at": "2025-03-01T09:00:00-08:00", "currency": "USD",
///     "seller": {"name": "Gadget Hut", "kind": "marketplace", "fulfilled_by": "seller"},
///     "items": [{"id": "A", "title": "Lamp", "quantity": 1, "unit_price": 2500, "shipment": "S1"}],
///     "shipments": [{"id": "S1", "status": "pending", "carrier": "ups"}]
/// }"#).unwrap();
/// let request = Request::from_json_str(r#"{"kind": "cancel", "order_id": "O1",
///     "items": [{"item_id": "A", "quantity": 1}], "assessed_at": "2025-03-01T09:29:00-08:00",
///     "verdicts": [{"item_id": "A", "cancel": "allowed", "code": "within_grace_period"}]}"#).unwrap();
/// let policy = Policy::default();
///
/// // Received within the 30-minute grace period: cancelled at once, as the customer saw.
/// let at = Instant::parse_rfc3339("2025-03-01T09:29:59-08:00").unwrap();
/// let v = verify(&order, &policy, &request, at);
/// assert!(v.accepted);
/// assert!(!v.items[0].changed_since_assessed);
///
/// // Received after it: still accepted, as a request the seller must approve, which is not
/// // what the customer was shown.
/// let at = Instant::parse_rfc3339("2025-03-01T09:30:00-08:00").unwrap();
/// let v = verify(&order, &policy, &request, at);
/// assert_eq!((v.accepted, v.items[0].code), (true, VerifyCode::Accepted));
/// assert!(v.items[0].changed_since_assessed);
///
/// // Another order's request: every item rejected, unexamined.
/// let other = Request { order_id: "O2".into(), ..request.clone() };
/// let v = verify(&order, &policy, &other, at);
/// assert_eq!((v.accepted, v.code), (false, VerifyCode::OrderMismatch));
/// assert_eq!(v.items[0].code, VerifyCode::OrderMismatch);
/// assert_eq!(v.message, "Not accepted: the request is for order “O2”, not for order “O1”.");
/// # }
/// ```
pub fn verify(
    order: &Order,
    policy: &Policy,
    request: &Request,
    received_at: Instant,
) -> Verification {
    let zone = &policy.time_zone;
    let zoned = |t: Instant| zone.zoned(t);
    let request_problem = request_problem(order, policy, request, received_at);
    let items: Vec<ItemVerification> = match &request_problem {
        Some((VerifyCode::OrderMismatch, values)) => request
            .items
            .iter()
            .map(|line| {
                rejected(
                    &line.item_id,
                    VerifyCode::OrderMismatch,
                    values.clone(),
                    None,
                )
            })
            .collect(),
        _ => {
            let at = match request.kind {
                RequestKind::Withdrawal => request.declared_at.unwrap_or(received_at),
                RequestKind::Cancel | RequestKind::Return => received_at,
            };
            let assessment = request_problem.is_none().then(|| assess(order, policy, at));
            let index = first_index_of(order.items.iter().map(|i| i.id.as_str()));
            request
                .items
                .iter()
                .map(|line| {
                    let id = line.item_id.as_str();
                    let item = index
                        .get(id)
                        .and_then(|&i| order.items.get(i).map(|it| (i, it)));
                    let Some((i, item)) = item else {
                        let values = VerifyValues {
                            item_id: Some(id.to_owned()),
                            ..VerifyValues::default()
                        };
                        return rejected(id, VerifyCode::UnknownItem, values, None);
                    };
                    match (&request_problem, &assessment) {
                        (Some((code, values)), _) => rejected(id, *code, values.clone(), None),
                        (None, Some(a)) => {
                            examine(order, policy, request, item, line.quantity, a, i)
                        }
                        // `assessment` is set exactly when there is no request problem.
                        (None, None) => {
                            rejected(id, VerifyCode::UnknownItem, VerifyValues::default(), None)
                        }
                    }
                })
                .collect()
        }
    };
    let requested = count(request.items.len());
    let rejected_items = count(items.iter().filter(|i| !i.accepted).count());
    let (code, values) = match request_problem {
        Some(problem) => problem,
        None if rejected_items == 0 => (
            VerifyCode::Accepted,
            VerifyValues {
                requested: Some(requested),
                ..VerifyValues::default()
            },
        ),
        None => (
            VerifyCode::ItemsRejected,
            VerifyValues {
                rejected: Some(rejected_items),
                requested: Some(requested),
                ..VerifyValues::default()
            },
        ),
    };
    Verification {
        order_id: order.id.clone(),
        kind: request.kind,
        received_at: zoned(received_at),
        accepted: code == VerifyCode::Accepted,
        message: sentence(Scope::Request, code, &values),
        code,
        values,
        items,
    }
}

/// The problem of the whole request, if any (rules 1 and 3), with its values.
fn request_problem(
    order: &Order,
    policy: &Policy,
    request: &Request,
    received_at: Instant,
) -> Option<(VerifyCode, VerifyValues)> {
    let zoned = |t: Instant| Some(policy.time_zone.zoned(t));
    let problem = |code, values| Some((code, values));
    if request.order_id != order.id {
        return problem(
            VerifyCode::OrderMismatch,
            VerifyValues {
                order_id: Some(order.id.clone()),
                request_order_id: Some(request.order_id.clone()),
                ..VerifyValues::default()
            },
        );
    }
    let offered = |reason: &str| match request.kind {
        RequestKind::Cancel => policy
            .cancellation_reasons
            .options
            .iter()
            .any(|o| o.id == reason),
        RequestKind::Return => policy.return_reason(reason).is_some(),
        RequestKind::Withdrawal => true,
    };
    if let Some(reason) = request.reason.as_deref().filter(|r| !offered(r)) {
        return problem(
            VerifyCode::UnknownReason,
            VerifyValues {
                reason: Some(reason.to_owned()),
                ..VerifyValues::default()
            },
        );
    }
    if let Some(code) = missing_reason_or_comment(policy, request) {
        return problem(
            code,
            VerifyValues {
                reason: request
                    .reason
                    .clone()
                    .filter(|_| code == VerifyCode::CommentRequired),
                ..VerifyValues::default()
            },
        );
    }
    if request.kind != RequestKind::Withdrawal {
        return None;
    }
    let rule = &policy.withdrawal;
    if !rule.enabled {
        return problem(VerifyCode::WithdrawalNotOffered, VerifyValues::default());
    }
    let country = order.customer.as_ref().and_then(|c| c.country.clone());
    if !rule.covers_country(country.as_deref()) {
        return problem(
            VerifyCode::WithdrawalNotOfferedInCountry,
            VerifyValues {
                country,
                ..VerifyValues::default()
            },
        );
    }
    let Some(declared_at) = request.declared_at else {
        return problem(VerifyCode::DeclaredAtMissing, VerifyValues::default());
    };
    if declared_at > received_at.saturating_add_seconds(i64::from(CLOCK_SKEW_SECONDS)) {
        return problem(
            VerifyCode::DeclaredAfterReceipt,
            VerifyValues {
                declared_at: zoned(declared_at),
                received_at: zoned(received_at),
                skew_seconds: Some(CLOCK_SKEW_SECONDS),
                ..VerifyValues::default()
            },
        );
    }
    if received_at > declared_at.saturating_add_seconds(i64::from(rule.max_delay_seconds)) {
        return problem(
            VerifyCode::DeclarationDelayed,
            VerifyValues {
                declared_at: zoned(declared_at),
                received_at: zoned(received_at),
                max_delay_seconds: Some(rule.max_delay_seconds),
                ..VerifyValues::default()
            },
        );
    }
    let withdrawal = assess(order, policy, declared_at).withdrawal;
    if withdrawal.verdict == WithdrawalVerdict::Expired {
        return problem(
            VerifyCode::WithdrawalPeriodOver,
            VerifyValues {
                declared_at: zoned(declared_at),
                deadline: withdrawal.deadline,
                ..VerifyValues::default()
            },
        );
    }
    None
}

/// `reason_required` or `comment_required`, exactly where the widget's flow would not let the
/// customer go on (`state.rs` `next`, `state/returns.rs` `next`): a return always needs a
/// reason, and a comment for a reason with `comment_required`; a cancel needs them only when
/// the policy's `cancellation_reasons.required` (then a comment for an option with `comment`).
/// A comment of only white space is none (the widget sends it trimmed, `None` when blank). A
/// withdrawal needs no reason (art. 9(1)).
fn missing_reason_or_comment(policy: &Policy, request: &Request) -> Option<VerifyCode> {
    let required = match request.kind {
        RequestKind::Withdrawal => false,
        RequestKind::Cancel => policy.cancellation_reasons.required,
        RequestKind::Return => true,
    };
    if !required {
        return None;
    }
    let Some(reason) = request.reason.as_deref() else {
        return Some(VerifyCode::ReasonRequired);
    };
    let wants_comment = match request.kind {
        RequestKind::Cancel => policy
            .cancellation_reasons
            .options
            .iter()
            .any(|o| o.id == reason && o.comment),
        RequestKind::Return => policy
            .return_reason(reason)
            .is_some_and(|r| r.comment_required),
        RequestKind::Withdrawal => false,
    };
    let blank = request
        .comment
        .as_deref()
        .is_none_or(|c| c.trim().is_empty());
    (wants_comment && blank).then_some(VerifyCode::CommentRequired)
}

/// Rules 4 and 5 for one known item of a request without a problem of its own.
fn examine(
    order: &Order,
    policy: &Policy,
    request: &Request,
    item: &Item,
    quantity: u32,
    assessment: &Assessment,
    index: usize,
) -> ItemVerification {
    let id = item.id.as_str();
    let zoned = |t: Instant| policy.time_zone.zoned(t);
    // `assess` gives one assessment per order item, in the order's order.
    let Some(assessed) = assessment.items.get(index) else {
        return rejected(id, VerifyCode::UnknownItem, VerifyValues::default(), None);
    };
    // Cancel: the item's unshipped bundle-mates at receipt that the request leaves out.
    let missing: Vec<&str> = match request.kind {
        RequestKind::Cancel => assessed
            .cancel
            .bundle_items
            .iter()
            .map(String::as_str)
            .filter(|mate| !request.items.iter().any(|line| line.item_id == *mate))
            .collect(),
        RequestKind::Return | RequestKind::Withdrawal => Vec::new(),
    };
    let (verdict, verdict_code, why, code) = match request.kind {
        RequestKind::Cancel => {
            let d = &assessed.cancel;
            let code = if item.cancellation_requested_at.is_some() {
                VerifyCode::CancellationAlreadyRequested
            } else if d.verdict < CancelVerdict::Request {
                VerifyCode::NotCancellableNow
            } else if !missing.is_empty() {
                VerifyCode::BundleIncomplete
            } else {
                quantity_code(quantity, item.quantity)
            };
            (
                KindVerdict::Cancel(d.verdict),
                KindCode::Cancel(d.code),
                d.message().into(),
                code,
            )
        }
        RequestKind::Return => {
            let d = &assessed.r#return;
            let code = match d.verdict {
                ReturnVerdict::Allowed if quantity > d.quantity => {
                    VerifyCode::QuantityExceedsReturnable
                }
                ReturnVerdict::Allowed => VerifyCode::Accepted,
                ReturnVerdict::NotYet => VerifyCode::NotDeliveredYet,
                ReturnVerdict::Expired => VerifyCode::ReturnWindowClosed,
                ReturnVerdict::NotReturnable => VerifyCode::NotReturnable,
            };
            (
                KindVerdict::Return(d.verdict),
                KindCode::Return(d.code),
                d.message().into(),
                code,
            )
        }
        RequestKind::Withdrawal => {
            let w = &assessment.withdrawal;
            let covered = w.items.iter().any(|i| i == id);
            let left = item.quantity.saturating_sub(item.withdrawn_units());
            // An item the right does not cover is, for it, as if none were; one withdrawn from
            // already covers only the units that withdrawal left.
            let (verdict, verdict_code, code) =
                if item.withdrawal_received_at.is_some() && quantity > left {
                    (w.verdict, w.code, VerifyCode::AlreadyWithdrawn)
                } else if covered {
                    (w.verdict, w.code, quantity_code(quantity, item.quantity))
                } else {
                    (
                        WithdrawalVerdict::NotApplicable,
                        WithdrawalCode::NoItemCovered,
                        VerifyCode::NotCoveredByWithdrawal,
                    )
                };
            (
                KindVerdict::Withdrawal(verdict),
                KindCode::Withdrawal(verdict_code),
                w.message().into(),
                code,
            )
        }
    };
    let values = match code {
        VerifyCode::Accepted => VerifyValues {
            verdict: Some(verdict),
            verdict_code: Some(verdict_code),
            ..VerifyValues::default()
        },
        VerifyCode::QuantityExceedsOrdered => VerifyValues {
            quantity: Some(quantity),
            ordered: Some(item.quantity),
            ..VerifyValues::default()
        },
        VerifyCode::AlreadyWithdrawn => VerifyValues {
            quantity: Some(quantity),
            ordered: Some(item.quantity.saturating_sub(item.withdrawn_units())),
            recorded_at: item.withdrawal_received_at.map(zoned),
            ..VerifyValues::default()
        },
        VerifyCode::CancellationAlreadyRequested => VerifyValues {
            recorded_at: item.cancellation_requested_at.map(zoned),
            ..VerifyValues::default()
        },
        VerifyCode::QuantityExceedsReturnable => VerifyValues {
            quantity: Some(quantity),
            returnable: Some(assessed.r#return.quantity),
            ..VerifyValues::default()
        },
        VerifyCode::BundleIncomplete => VerifyValues {
            titles: Some(
                missing
                    .iter()
                    .filter_map(|&mate| order.items.iter().find(|i| i.id == mate))
                    .map(|mate| mate.title.clone())
                    .collect(),
            ),
            missing_items: Some(missing.iter().map(|&mate| mate.to_owned()).collect()),
            ..VerifyValues::default()
        },
        VerifyCode::ReturnWindowClosed => VerifyValues {
            deadline: assessed.r#return.deadline,
            ..VerifyValues::default()
        },
        VerifyCode::NotCancellableNow | VerifyCode::NotDeliveredYet | VerifyCode::NotReturnable => {
            VerifyValues {
                verdict_code: Some(verdict_code),
                why: Some(why),
                ..VerifyValues::default()
            }
        }
        _ => VerifyValues::default(),
    };
    let mut result = rejected(id, code, values, Some((verdict, verdict_code)));
    result.accepted = code == VerifyCode::Accepted;
    result.changed_since_assessed = shown(request, id).is_some_and(|shown| shown != verdict);
    result
}

/// `accepted`, or `quantity_exceeds_ordered` when more units are asked for than ordered.
fn quantity_code(quantity: u32, ordered: u32) -> VerifyCode {
    if quantity > ordered {
        VerifyCode::QuantityExceedsOrdered
    } else {
        VerifyCode::Accepted
    }
}

/// The verdict of the request's kind that its `verdicts` showed for the item, if any.
fn shown(request: &Request, id: &str) -> Option<KindVerdict> {
    let v = request.verdicts.iter().find(|v| v.item_id == id)?;
    match request.kind {
        RequestKind::Cancel => v.cancel.map(KindVerdict::Cancel),
        RequestKind::Return => v.r#return.map(KindVerdict::Return),
        RequestKind::Withdrawal => v.withdrawal.map(KindVerdict::Withdrawal),
    }
}

/// An item's verification with `code` (not accepted; the caller sets `accepted` for one that
/// is) and its sentence.
fn rejected(
    id: &str,
    code: VerifyCode,
    values: VerifyValues,
    verdict: Option<(KindVerdict, KindCode)>,
) -> ItemVerification {
    ItemVerification {
        item_id: id.to_owned(),
        accepted: false,
        code,
        message: sentence(Scope::Item, code, &values),
        values,
        verdict: verdict.map(|(v, _)| v),
        verdict_code: verdict.map(|(_, c)| c),
        changed_since_assessed: false,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
