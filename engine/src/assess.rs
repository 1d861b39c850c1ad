//! `assess`: the one pure function from (order, policy, instant) to an assessment.

use super::assessment::{
    Assessment, CancelDecision, CancelVerdict, ItemAssessment, RefuseCode, ReturnVerdict,
    WithdrawalDecision, WithdrawalVerdict,
};
use super::order::{Order, ShipmentStatus};
use super::policy::Policy;
use super::rules::bundle::apply_bundles;
use super::rules::cancel::cancel_on_its_own;
use super::rules::next_step::next_step;
use super::rules::refund::item_refund;
use super::rules::refuse::refuse;
use super::rules::return_window::return_decision;
use super::rules::withdrawal::withdrawal_decision;
use super::rules::{ItemContext, OrderContext};
use super::time::Instant;

/// Decides, for every item of `order` at the instant `at`, whether it can still be cancelled,
/// refused or returned, with a code and a sentence for each, what the next step refunds, and
/// when the answer next changes by time alone.
///
/// Pure: no clock, no I/O. It never panics, even on an order that [`crate::parse_order`]
/// would reject (a dangling shipment id counts as unassigned, amounts saturate, …).
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help_engine::{assess, CancelVerdict, Instant, Order, Policy, ReturnVerdict};
/// let order = Order::from_json_str(r#"{
///     "id": "112-0000001", "placed_at": "2025-02-26T09:00:00-08:00", "currency": "USD",
///     "seller": {"name": "Example Store", "kind": "retailer", "fulfilled_by": "retailer"},
///     "items": [{"id": "A", "title": "Kettle", "quantity": 1, "unit_price": 2999, "shipment": "S1"}],
///     "shipments": [{"id": "S1", "status": "delivered", "carrier": "ups",
///                    "shipped_at": "2025-02-27T10:00:00-08:00", "delivered_at": "2025-03-01T14:00:00-08:00"}]
/// }"#).unwrap();
/// let at = Instant::parse_rfc3339("2025-03-10T12:00:00-07:00").unwrap();
/// let a = assess(&order, &Policy::default(), at);
/// assert_eq!(a.order_cancel, CancelVerdict::NotAvailable);
/// assert_eq!(a.items[0].r#return.verdict, ReturnVerdict::Allowed);
/// assert_eq!(a.items[0].r#return.deadline.unwrap().to_string(), "2025-03-31T23:59:59-07:00");
/// assert_eq!(a.next_change_at.unwrap().to_string(), "2025-04-01T00:00:00-07:00");
/// # }
/// ```
pub fn assess(order: &Order, policy: &Policy, at: Instant) -> Assessment {
    let order_cx = OrderContext::new(order, policy);
    let zone = &order_cx.zone;
    let contexts: Vec<ItemContext> = order
        .items
        .iter()
        .map(|item| order_cx.item(item, at))
        .collect();
    let cancels = cancel_decisions(&contexts);
    let grace_end = grace_end_if_it_changes_a_decision(&order_cx, &contexts, at, &cancels);
    let withdrawal = withdrawal_decision(&order_cx, &contexts, at);

    let items: Vec<ItemAssessment> = contexts
        .iter()
        .zip(cancels)
        .map(|(cx, cancel)| {
            let refuse = refuse(cx);
            let ret = return_decision(cx);
            let step = next_step(order, &cancel, &refuse, &ret);
            ItemAssessment {
                item_id: cx.item.id.clone(),
                title: cx.item.title.clone(),
                quantity: cx.item.quantity,
                shipment_id: cx.shipment.map(|s| s.id.clone()),
                shipment_status: cx.shipment.map(|s| s.status),
                carrier: cx.shipment.and_then(|s| s.carrier.clone()),
                refund: item_refund(cx, step, &ret),
                cancel,
                refuse,
                r#return: ret,
                next_step: step,
            }
        })
        .collect();

    Assessment {
        order_id: order.id.clone(),
        at: zone.zoned(at),
        time_zone: policy.time_zone.name().to_owned(),
        currency: order.currency.clone(),
        order_cancel: items
            .iter()
            .map(|i| i.cancel.verdict)
            .min()
            .unwrap_or(CancelVerdict::NotAvailable),
        next_change_at: next_change_at(&items, &withdrawal, grace_end, at).map(|t| zone.zoned(t)),
        withdrawal,
        items,
    }
}

/// Every item's cancel decision: on its own, then as far as its bundle allows.
fn cancel_decisions(contexts: &[ItemContext]) -> Vec<CancelDecision> {
    apply_bundles(contexts, contexts.iter().map(cancel_on_its_own).collect())
}

/// The marketplace grace period's end, if it is still ahead and changes a cancel decision
/// (usually a verdict; sometimes only a code, when a bundle-mate already lowered the verdict).
/// Decided by assessing the cancel decisions at that instant: the only ones it can change.
fn grace_end_if_it_changes_a_decision(
    order_cx: &OrderContext,
    contexts: &[ItemContext],
    at: Instant,
    cancels: &[CancelDecision],
) -> Option<Instant> {
    let order = order_cx.order;
    let end = order_cx.grace_end;
    if end <= at || !order.is_marketplace_fulfilled_by_seller() {
        return None;
    }
    // Only a pending (or unassigned) item's decision reads the instant (cancel.rs): without
    // one, nothing changes at `end`.
    if !contexts
        .iter()
        .any(|cx| cx.status() == ShipmentStatus::Pending)
    {
        return None;
    }
    let contexts: Vec<ItemContext> = order
        .items
        .iter()
        .map(|item| order_cx.item(item, end))
        .collect();
    (cancel_decisions(&contexts) != cancels).then_some(end)
}

/// The earliest instant after `at` at which a decision changes by time alone: the grace
/// period's end (when it changes one), a return window's close (one second after its
/// deadline, while it is `allowed`), the withdrawal period's end (likewise), or a pickup
/// point's holding time's end (one second after `pickup_until`, while the parcel can be
/// declined there).
fn next_change_at(
    items: &[ItemAssessment],
    withdrawal: &WithdrawalDecision,
    grace_end: Option<Instant>,
    at: Instant,
) -> Option<Instant> {
    let windows_close = items
        .iter()
        .filter(|i| i.r#return.verdict == ReturnVerdict::Allowed)
        .filter_map(|i| {
            i.r#return
                .deadline
                .and_then(|d| d.instant.checked_add_seconds(1))
        });
    let withdrawal_ends = Some(withdrawal)
        .filter(|w| w.verdict == WithdrawalVerdict::Allowed)
        .and_then(|w| w.deadline)
        .and_then(|d| d.instant.checked_add_seconds(1));
    let pickups_end = items
        .iter()
        .filter(|i| i.refuse.code == RefuseCode::AtPickupPoint)
        .filter_map(|i| {
            i.refuse
                .pickup_until
                .and_then(|d| d.instant.checked_add_seconds(1))
        });
    grace_end
        .into_iter()
        .chain(windows_close)
        .chain(pickups_end)
        .chain(withdrawal_ends)
        .filter(|&t| t > at)
        .min()
}
