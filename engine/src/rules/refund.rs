//! Refunds: what the next step gives back, and how soon.
//!
//! Source: [domain.md § Returning](../../../docs/domain.md#returning) (refunds, and how soon). The
//! item value of the quantity concerned; an opened item of a category with a fee loses that
//! percentage; a buyer's-remorse return to a marketplace seller loses the delivery cost, if the
//! order states one. Timing comes from the policy's table for the payment method.

use super::super::assessment::{
    Deduction, DeductionCode, NextStep, RefundEstimate, RefundKind, ReturnDecision,
};
use super::super::ids::first_index_of;
use super::super::money::Money;
use super::super::order::{Item, Order};
use super::super::policy::Policy;
use super::ItemContext;

/// The refund for an item's next step: the whole line for a cancellation, what is still in
/// hand for a refusal, the returnable quantity (less an opened-item fee) for a return, and
/// nothing for contacting the seller or the store (they decide) or no step at all.
pub(crate) fn item_refund(
    cx: &ItemContext,
    next_step: NextStep,
    ret: &ReturnDecision,
) -> RefundEstimate {
    let item = cx.item;
    let (gross, deductions) = match next_step {
        NextStep::Cancel => (item.line_total(), Vec::new()),
        NextStep::Refuse => (
            item.unit_price.saturating_mul(item.remaining_quantity()),
            Vec::new(),
        ),
        NextStep::Return => {
            let gross = item.unit_price.saturating_mul(ret.quantity);
            let fee = opened_item_fee(cx.policy, item, gross);
            (gross, fee.map(opened_item_deduction).into_iter().collect())
        }
        NextStep::ContactSeller | NextStep::ContactStore | NextStep::None => {
            (Money::ZERO, Vec::new())
        }
    };
    estimate(cx.order, cx.policy, gross, deductions)
}

/// The refund for the widget's review step: the chosen `lines` (item id, quantity), for a
/// cancellation or a return, with the reason chosen (a reason id from the policy).
///
/// Quantities are capped at what the line has (a cancellation) or what is left to return (a
/// return); unknown item ids are ignored. A return of an opened item loses its category's fee;
/// a marketplace (sold and shipped by the seller) buyer's-remorse return loses the delivery
/// cost once, if the order states one.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use order_help_engine::{refund_for, Order, Policy, RefundKind};
/// let order = Order::from_json_str(r#"{
///     "id": "O1", "placed_at": "2025-03-01T09:00:00Z", "currency": "USD", "shipping_cost": 499,
///     "seller": {"name": "Gadget Hut", "kind": "marketplace", "fulfilled_by": "seller"},
///     "items": [{"id": "A", "title": "Cable", "quantity": 2, "unit_price": 1000}]
/// }"#).unwrap();
/// let policy = Policy::default();
/// let remorse = refund_for(&order, &policy, &[("A", 1)], Some("ordered_by_mistake"), RefundKind::Return);
/// assert_eq!(remorse.amount, 1000 - 499);
/// let damaged = refund_for(&order, &policy, &[("A", 1)], Some("other"), RefundKind::Return);
/// assert_eq!(damaged.amount, 1000);
/// # }
/// ```
pub fn refund_for(
    order: &Order,
    policy: &Policy,
    lines: &[(&str, u32)],
    reason: Option<&str>,
    kind: RefundKind,
) -> RefundEstimate {
    // Sum repeated lines per item first, so the cap applies to the item.
    // A vector kept sorted by id rather than a map: a `BTreeMap<&str, _>` would be a btree
    // instantiation of its own in the wasm for a handful of lines.
    let mut chosen: Vec<(&str, u32)> = Vec::new();
    for &(id, quantity) in lines {
        match chosen.binary_search_by(|(known, _)| (*known).cmp(id)) {
            Ok(at) => chosen[at].1 = chosen[at].1.saturating_add(quantity),
            Err(at) => chosen.insert(at, (id, quantity)),
        }
    }
    // One pass over the items, not one per chosen line; an id's first item wins, as before.
    let index_of = first_index_of(order.items.iter().map(|i| i.id.as_str()));
    let mut gross = Money::ZERO;
    let mut fees = Money::ZERO;
    for (id, quantity) in chosen {
        let Some(item) = index_of.get(id).and_then(|&i| order.items.get(i)) else {
            continue;
        };
        let cap = match kind {
            RefundKind::Cancellation => item.quantity,
            RefundKind::Return => item.remaining_quantity(),
        };
        let value = item.unit_price.saturating_mul(quantity.min(cap));
        gross = gross.saturating_add(value);
        if kind == RefundKind::Return {
            if let Some(fee) = opened_item_fee(policy, item, value) {
                fees = fees.saturating_add(fee);
            }
        }
    }
    let mut deductions = Vec::new();
    if fees > Money::ZERO {
        deductions.push(opened_item_deduction(fees));
    }
    let remorse = reason.is_some_and(|r| policy.buyers_remorse_reasons.iter().any(|b| b == r));
    if let Some(cost) = delivery_cost_lost(order, remorse, kind) {
        // Never more than what is left.
        let cost = cost.min(gross.saturating_sub(fees));
        if cost > Money::ZERO {
            deductions.push(Deduction {
                code: DeductionCode::DeliveryCost,
                amount: cost.minor(),
            });
        }
    }
    estimate(order, policy, gross, deductions)
}

/// An opened item (`opened: true`) of a category with a fee loses that percentage of `value`.
/// Money, not a `Deduction`: `refund_for` sums the fees of several lines into one.
fn opened_item_fee(policy: &Policy, item: &Item, value: Money) -> Option<Money> {
    if item.opened != Some(true) {
        return None;
    }
    fee_if_opened(policy, item, value)
}

/// What an item of `value` would lose if opened: its category's fee, when that is more than
/// nothing (also the return preview's, which asks "opened?" itself).
pub(crate) fn fee_if_opened(policy: &Policy, item: &Item, value: Money) -> Option<Money> {
    let percent = policy.opened_fee_percent(item.category.as_deref())?;
    let fee = value.percent(percent);
    (fee > Money::ZERO).then_some(fee)
}

pub(crate) fn opened_item_deduction(fee: Money) -> Deduction {
    Deduction {
        code: DeductionCode::OpenedItemFee,
        amount: fee.minor(),
    }
}

/// A marketplace seller's buyer's-remorse return loses the delivery cost the order states.
pub(crate) fn delivery_cost_lost(order: &Order, remorse: bool, kind: RefundKind) -> Option<Money> {
    (kind == RefundKind::Return && order.is_marketplace_fulfilled_by_seller() && remorse)
        .then_some(order.shipping_cost?)
}

fn estimate(
    order: &Order,
    policy: &Policy,
    gross: Money,
    deductions: Vec<Deduction>,
) -> RefundEstimate {
    let deducted = deductions.iter().fold(Money::ZERO, |sum, d| {
        sum.saturating_add(Money::from_minor(d.amount).unwrap_or(Money::MAX))
    });
    RefundEstimate {
        amount: gross.saturating_sub(deducted).minor(),
        currency: order.currency.clone(),
        timing: policy.refund_timing.for_method(order.payment_method),
        deductions,
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::order::{FulfilledBy, PaymentMethod, SellerKind};
    use super::super::super::policy::{RefundTiming, TimingUnit};
    use super::super::fixtures;
    use super::*;

    fn order_with(kind: SellerKind, by: FulfilledBy, shipping: Option<u64>) -> Order {
        let mut order = fixtures::order(kind, by);
        order.shipping_cost = shipping.and_then(Money::from_minor);
        let mut laptop = fixtures::item("L", None);
        laptop.quantity = 2;
        laptop.unit_price = Money::from_minor(100_000).unwrap();
        laptop.category = Some("computers".into());
        laptop.opened = Some(true);
        let mut cable = fixtures::item("C", None);
        cable.quantity = 3;
        cable.returned_quantity = 1;
        order.items = vec![laptop, cable];
        order
    }

    #[test]
    fn amounts_and_deductions() {
        use RefundKind::{Cancellation, Return};
        use SellerKind::{Marketplace, Retailer};
        let policy = Policy::default();
        let fee = |a| Deduction {
            code: DeductionCode::OpenedItemFee,
            amount: a,
        };
        let shipping = |a| Deduction {
            code: DeductionCode::DeliveryCost,
            amount: a,
        };
        // (seller, fulfilled by, lines, reason, kind) → (amount, deductions)
        let table = [
            (
                Retailer,
                FulfilledBy::Retailer,
                vec![("C", 3)],
                None,
                Cancellation,
                3000,
                vec![],
            ),
            (
                Retailer,
                FulfilledBy::Retailer,
                vec![("C", 9)],
                None,
                Cancellation,
                3000,
                vec![],
            ),
            // Of 3 cables 1 is returned: 2 left.
            (
                Retailer,
                FulfilledBy::Retailer,
                vec![("C", 3)],
                None,
                Return,
                2000,
                vec![],
            ),
            (
                Retailer,
                FulfilledBy::Retailer,
                vec![("C", 1), ("C", 1), ("nope", 4)],
                None,
                Return,
                2000,
                vec![],
            ),
            // Opened computer: 15 %.
            (
                Retailer,
                FulfilledBy::Retailer,
                vec![("L", 1)],
                None,
                Return,
                85_000,
                vec![fee(15_000)],
            ),
            (
                Retailer,
                FulfilledBy::Retailer,
                vec![("L", 1)],
                None,
                Cancellation,
                100_000,
                vec![],
            ),
            // Marketplace buyer's remorse loses the delivery cost once.
            (
                Marketplace,
                FulfilledBy::Seller,
                vec![("C", 1), ("L", 1)],
                Some("found_better_price"),
                Return,
                1000 + 85_000 - 799,
                vec![fee(15_000), shipping(799)],
            ),
            (
                Marketplace,
                FulfilledBy::Seller,
                vec![("C", 1)],
                Some("wrong_shipping_address"),
                Return,
                1000,
                vec![],
            ),
            (
                Marketplace,
                FulfilledBy::Seller,
                vec![("C", 1)],
                Some("ordered_by_mistake"),
                Cancellation,
                1000,
                vec![],
            ),
            // Fulfilled by the retailer: no loss.
            (
                Marketplace,
                FulfilledBy::Retailer,
                vec![("C", 1)],
                Some("ordered_by_mistake"),
                Return,
                1000,
                vec![],
            ),
            // Never below zero.
            (
                Marketplace,
                FulfilledBy::Seller,
                vec![],
                Some("ordered_by_mistake"),
                Return,
                0,
                vec![],
            ),
        ];
        for (kind, by, lines, reason, refund_kind, amount, deductions) in table {
            let order = order_with(kind, by, Some(799));
            let r = refund_for(&order, &policy, &lines, reason, refund_kind);
            assert_eq!(
                (r.amount, &r.deductions),
                (amount, &deductions),
                "{kind:?} {by:?} {lines:?} {reason:?} {refund_kind:?}"
            );
            assert_eq!(r.currency, "USD");
        }
        // No delivery cost stated: nothing to lose.
        let order = order_with(Marketplace, FulfilledBy::Seller, None);
        assert_eq!(
            refund_for(
                &order,
                &policy,
                &[("C", 1)],
                Some("ordered_by_mistake"),
                Return
            )
            .amount,
            1000
        );
    }

    #[test]
    fn timing_by_payment_method() {
        let policy = Policy::default();
        let days = |min, max| RefundTiming {
            min,
            max,
            unit: TimingUnit::BusinessDays,
        };
        let table = [
            (Some(PaymentMethod::CreditCard), days(3, 5)),
            (
                Some(PaymentMethod::GiftCard),
                RefundTiming {
                    min: 0,
                    max: 24,
                    unit: TimingUnit::Hours,
                },
            ),
            (Some(PaymentMethod::DebitCard), days(1, 10)),
            (Some(PaymentMethod::BankAccount), days(1, 10)),
            (Some(PaymentMethod::Points), days(5, 7)),
            (None, days(5, 7)),
        ];
        for (method, timing) in table {
            let mut order = order_with(SellerKind::Retailer, FulfilledBy::Retailer, None);
            order.payment_method = method;
            assert_eq!(
                refund_for(&order, &policy, &[("C", 1)], None, RefundKind::Cancellation).timing,
                timing,
                "{method:?}"
            );
        }
    }

    #[test]
    fn saturates_instead_of_overflowing() {
        let mut order = order_with(SellerKind::Retailer, FulfilledBy::Retailer, None);
        order.items[1].unit_price = Money::MAX;
        order.items[1].quantity = u32::MAX;
        order.items[1].returned_quantity = 0;
        let r = refund_for(
            &order,
            &Policy::default(),
            &[("C", u32::MAX), ("L", 2)],
            None,
            RefundKind::Cancellation,
        );
        assert_eq!(r.amount, Money::MAX.minor());
    }
}
