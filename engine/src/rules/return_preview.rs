//! The refund preview of a proposed return: what each line refunds, what is deducted and why,
//! and until when each line can be sent back.
//!
//! Source: [domain.md § Return reasons and the refund preview](../../../docs/domain.md#return-reasons-and-the-refund-preview).
//! The reason decides: buyer's remorse pays the opened-item fee of the item's category (when
//! opened) and, to a marketplace seller, loses the delivery cost; the seller's fault (damaged,
//! wrong, late, not as described) is refunded in full, delivery included. The lines must fit the
//! order at the instant: known items, each once, 1 to the returnable quantity of an item whose
//! return verdict is `allowed`.

use super::super::assessment::{Deduction, DeductionCode, RefundKind, ReturnCode, ReturnVerdict};
use super::super::ids::{first_index_of, IdMap};
use super::super::money::Money;
use super::super::order::{Item, Order};
use super::super::policy::Policy;
use super::super::returns::{
    ProposalLine, ProposalProblem, ReturnPreview, ReturnPreviewLine, ReturnProposal,
    ReturnProposalError,
};
use super::super::time::{Instant, ZonedInstant};
use super::refund::{delivery_cost_lost, fee_if_opened, opened_item_deduction};
use super::return_window::return_decision;
use super::OrderContext;

/// The refund a proposed return would give, at the instant `at`, or the first problem of the
/// proposal (in its order: the lines, then the reason).
///
/// Pure: the instant is a parameter. It never panics, even on an order or policy that
/// validation would reject (amounts saturate at [`Money::MAX`]).
///
/// # Errors
///
/// A [`ReturnProposalError`] with the path and a [`ProposalProblem`]: `no_lines` (`lines`),
/// `unknown_item`, `duplicate_line`, `not_returnable` (`lines[i].item_id`), `zero_quantity`,
/// `quantity_exceeds_returnable` (`lines[i].quantity`), `unknown_reason` (`reason_id`).
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help_engine::*;
/// let order = Order::from_json_str(r#"{
///     "id": "O1", "placed_at": "2025-03-01T09:00:00Z", "currency": "USD", "shipping_cost": 499,
///     "seller": {"name": "Gadget Hut", "kind": "marketplace", "fulfilled_by": "seller"},
///     "items": [{"id": "L", "title": "Laptop", "quantity": 2, "unit_price": 100000,
///                "category": "computers", "shipment": "S1"}],
///     "shipments": [{"id": "S1", "status": "delivered", "carrier": "ups",
///                    "delivered_at": "2025-03-03T12:00:00Z"}]
/// }"#).unwrap();
/// let policy = Policy::default();
/// let at = Instant::parse_rfc3339("2025-03-10T12:00:00Z").unwrap();
/// let proposal = ReturnProposal::from_json_str(
///     r#"{"lines": [{"item_id": "L", "quantity": 1, "opened": true}], "reason_id": "no_longer_needed"}"#,
/// ).unwrap();
///
/// let preview = preview_return(&order, &policy, &proposal, at).unwrap();
/// // Buyer's remorse: the opened laptop's 15 % fee, and the marketplace delivery cost.
/// assert_eq!(preview.lines[0].refund.minor(), 85_000);
/// assert!(preview.lines[0].opened_changes_refund);
/// assert_eq!(preview.total.minor(), 85_000 - 499);
/// assert_eq!(preview.lines[0].return_by.to_string(), "2025-04-02T23:59:59-07:00");
///
/// // The seller's fault: in full, delivery included.
/// let damaged = ReturnProposal { reason_id: "arrived_damaged".into(), ..proposal.clone() };
/// assert_eq!(preview_return(&order, &policy, &damaged, at).unwrap().total.minor(), 100_000 + 499);
///
/// // More than is left to return: the path, what was expected, what was found.
/// let three = ReturnProposal::from_json_str(
///     r#"{"lines": [{"item_id": "L", "quantity": 3}], "reason_id": "other"}"#).unwrap();
/// let error = preview_return(&order, &policy, &three, at).unwrap_err();
/// assert_eq!(error.path, "lines[0].quantity");
/// assert_eq!(error.problem, ProposalProblem::QuantityExceedsReturnable { quantity: 3, returnable: 2 });
/// # }
/// ```
pub fn preview_return(
    order: &Order,
    policy: &Policy,
    proposal: &ReturnProposal,
    at: Instant,
) -> Result<ReturnPreview, ReturnProposalError> {
    let lines = returnable_lines(order, policy, proposal, at)?;
    let reason = policy.return_reason(&proposal.reason_id).ok_or_else(|| {
        error(
            "reason_id".into(),
            ProposalProblem::UnknownReason {
                reason_id: proposal.reason_id.clone(),
                known: policy.return_reasons.iter().map(|r| r.id.clone()).collect(),
            },
        )
    })?;
    let remorse = reason.buyers_remorse;
    let lines: Vec<ReturnPreviewLine> = lines
        .into_iter()
        .map(|(line, item, return_by, holiday_extended)| {
            preview_line(policy, line, item, remorse, return_by, holiday_extended)
        })
        .collect();
    let sum = |f: fn(&ReturnPreviewLine) -> Money| {
        lines
            .iter()
            .fold(Money::ZERO, |sum, line| sum.saturating_add(f(line)))
    };
    let (items_value, lines_refund) = (sum(|l| l.value), sum(|l| l.refund));
    let delivery_refund = delivery_refunded(order, remorse).unwrap_or(Money::ZERO);
    let mut deductions = Vec::new();
    // Never more than what the lines refund.
    if let Some(cost) = delivery_cost_lost(order, remorse, RefundKind::Return) {
        let cost = cost.min(lines_refund);
        if cost > Money::ZERO {
            deductions.push(Deduction {
                code: DeductionCode::DeliveryCost,
                amount: cost.minor(),
            });
        }
    }
    let deducted = deductions.iter().fold(Money::ZERO, |sum, d| {
        sum.saturating_add(Money::from_minor(d.amount).unwrap_or(Money::MAX))
    });
    Ok(ReturnPreview {
        order_id: order.id.clone(),
        currency: order.currency.clone(),
        reason_id: reason.id.clone(),
        buyers_remorse: remorse,
        lines,
        items_value,
        delivery_refund,
        deductions,
        total: lines_refund
            .saturating_add(delivery_refund)
            .saturating_sub(deducted),
        timing: policy.refund_timing.for_method(order.payment_method),
    })
}

/// Each line with its item and return-by deadline, if every line fits the order at `at`.
fn returnable_lines<'a>(
    order: &'a Order,
    policy: &Policy,
    proposal: &'a ReturnProposal,
    at: Instant,
) -> Result<Vec<(&'a ProposalLine, &'a Item, ZonedInstant, bool)>, ReturnProposalError> {
    if proposal.lines.is_empty() {
        return Err(error("lines".into(), ProposalProblem::NoLines));
    }
    let order_cx = OrderContext::new(order, policy);
    let items = first_index_of(order.items.iter().map(|i| i.id.as_str()));
    let mut seen = IdMap::default();
    let mut lines = Vec::with_capacity(proposal.lines.len());
    for (i, line) in proposal.lines.iter().enumerate() {
        let path = |field: &str| format!("lines[{i}].{field}");
        let id = line.item_id.as_str();
        let Some(item) = items.get(id).and_then(|&index| order.items.get(index)) else {
            return Err(error(
                path("item_id"),
                ProposalProblem::UnknownItem {
                    item_id: id.to_owned(),
                },
            ));
        };
        if let Some(first) = seen.insert(id, i) {
            return Err(error(
                path("item_id"),
                ProposalProblem::DuplicateLine {
                    item_id: id.to_owned(),
                    first,
                },
            ));
        }
        if line.quantity == 0 {
            return Err(error(path("quantity"), ProposalProblem::ZeroQuantity));
        }
        let decision = return_decision(&order_cx.item(item, at));
        let return_by = match decision.deadline {
            Some(deadline) if decision.verdict == ReturnVerdict::Allowed => deadline,
            _ => {
                return Err(error(
                    path("item_id"),
                    ProposalProblem::NotReturnable {
                        item_id: id.to_owned(),
                        verdict: decision.verdict,
                        return_code: decision.code,
                        // The deadline that has passed; a not-yet-delivered item's is only
                        // an estimate, and says nothing about why it cannot go back now.
                        closed_at: decision
                            .deadline
                            .filter(|_| decision.code == ReturnCode::WindowClosed),
                    },
                ));
            }
        };
        if line.quantity > decision.quantity {
            return Err(error(
                path("quantity"),
                ProposalProblem::QuantityExceedsReturnable {
                    quantity: line.quantity,
                    returnable: decision.quantity,
                },
            ));
        }
        lines.push((line, item, return_by, decision.holiday_extended));
    }
    Ok(lines)
}

/// One line: its value, and the opened-item fee when the reason is buyer's remorse and the
/// line was opened.
fn preview_line(
    policy: &Policy,
    line: &ProposalLine,
    item: &Item,
    remorse: bool,
    return_by: ZonedInstant,
    holiday_extended: bool,
) -> ReturnPreviewLine {
    let value = item.unit_price.saturating_mul(line.quantity);
    let opened = line.opened.or(item.opened).unwrap_or(false);
    // The seller's fault is refunded in full, opened or not.
    let fee = remorse
        .then(|| fee_if_opened(policy, item, value))
        .flatten();
    let charged = fee.filter(|_| opened);
    ReturnPreviewLine {
        item_id: item.id.clone(),
        quantity: line.quantity,
        unit_price: item.unit_price,
        value,
        opened,
        opened_changes_refund: fee.is_some(),
        deductions: charged.map(opened_item_deduction).into_iter().collect(),
        refund: value.saturating_sub(charged.unwrap_or(Money::ZERO)),
        return_by,
        holiday_extended,
    }
}

/// A return that is the seller's fault refunds the delivery the order states (once per return).
fn delivery_refunded(order: &Order, remorse: bool) -> Option<Money> {
    if remorse {
        return None;
    }
    order.shipping_cost
}

fn error(path: String, problem: ProposalProblem) -> ReturnProposalError {
    ReturnProposalError { path, problem }
}
