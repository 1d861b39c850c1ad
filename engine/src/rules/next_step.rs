//! What the customer should do first.
//!
//! Source: [domain.md § The three ways out](../../../docs/domain.md#the-three-ways-out), in the
//! order a customer should try them: cancel (cheapest for everyone), else refuse the delivery,
//! else return; when none applies, a marketplace buyer can still contact the seller. A parcel
//! with a delivery problem, of unknown whereabouts, or left at a pickup point past its holding
//! time (on its way back), is a matter for whoever ships it (the store, or the marketplace
//! seller): contacting them comes before a return that cannot start.

use super::super::assessment::{
    CancelDecision, CancelVerdict, NextStep, RefuseCode, RefuseDecision, RefuseVerdict,
    ReturnDecision, ReturnVerdict,
};
use super::super::order::{Order, SellerKind};

/// The first step that applies: cancel, refuse, contact whoever ships a parcel in trouble,
/// return, contact the seller, or none.
pub(crate) fn next_step(
    order: &Order,
    cancel: &CancelDecision,
    refuse: &RefuseDecision,
    ret: &ReturnDecision,
) -> NextStep {
    if cancel.verdict >= CancelVerdict::Request {
        NextStep::Cancel
    } else if refuse.verdict != RefuseVerdict::NotAvailable {
        NextStep::Refuse
    } else if matches!(
        refuse.code,
        RefuseCode::DeliveryProblem | RefuseCode::StatusUnknown | RefuseCode::PickupTimeOver
    ) {
        if order.is_marketplace_fulfilled_by_seller() {
            NextStep::ContactSeller
        } else {
            NextStep::ContactStore
        }
    } else if matches!(ret.verdict, ReturnVerdict::Allowed | ReturnVerdict::NotYet) {
        NextStep::Return
    } else if order.seller.kind == SellerKind::Marketplace {
        NextStep::ContactSeller
    } else {
        NextStep::None
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::assessment::{CancelCode, RefuseCode, ReturnCode};
    use super::super::fixtures;
    use super::*;

    fn cancel(verdict: CancelVerdict) -> CancelDecision {
        CancelDecision {
            verdict,
            code: CancelCode::Delivered,
            bundle: None,
            bundle_items: vec![],
            grace_ends_at: None,
            seller: None,
            carrier: None,
            bundle_mates: vec![],
            recorded_at: None,
            cancellation_id: None,
        }
    }

    fn refuse(verdict: RefuseVerdict) -> RefuseDecision {
        RefuseDecision {
            verdict,
            code: RefuseCode::AtDoor,
            stops_away: None,
            live_map: None,
            carrier: None,
            out_for_delivery: false,
            seller_refunds: false,
            opened: None,
            service: None,
            pickup_kind: None,
            pickup_until: None,
        }
    }

    fn ret(verdict: ReturnVerdict) -> ReturnDecision {
        ReturnDecision {
            verdict,
            code: ReturnCode::WithinWindow,
            deadline: None,
            quantity: 1,
            holiday_extended: false,
            item_quantity: 1,
            category: None,
            withdrawn_at: None,
        }
    }

    #[test]
    fn first_that_applies() {
        use CancelVerdict as C;
        use RefuseVerdict as F;
        use ReturnVerdict as R;
        // (cancel, refuse, return, marketplace?) → step
        let table = [
            (C::Allowed, F::AtDoor, R::Allowed, false, NextStep::Cancel),
            (C::Request, F::AtDoor, R::NotYet, true, NextStep::Cancel),
            (
                C::NotAvailable,
                F::AtDoor,
                R::NotYet,
                false,
                NextStep::Refuse,
            ),
            (
                C::NotAvailable,
                F::AfterDeliveryUnopened,
                R::Allowed,
                false,
                NextStep::Refuse,
            ),
            (
                C::NotAvailable,
                F::NotAvailable,
                R::Allowed,
                true,
                NextStep::Return,
            ),
            (
                C::NotAvailable,
                F::NotAvailable,
                R::NotYet,
                false,
                NextStep::Return,
            ),
            (
                C::NotAvailable,
                F::NotAvailable,
                R::Expired,
                true,
                NextStep::ContactSeller,
            ),
            (
                C::NotAvailable,
                F::NotAvailable,
                R::NotReturnable,
                true,
                NextStep::ContactSeller,
            ),
            (
                C::NotAvailable,
                F::NotAvailable,
                R::Expired,
                false,
                NextStep::None,
            ),
            (
                C::NotAvailable,
                F::NotAvailable,
                R::NotReturnable,
                false,
                NextStep::None,
            ),
        ];
        for (c, f, r, marketplace, step) in table {
            let order = if marketplace {
                fixtures::marketplace()
            } else {
                fixtures::retailer()
            };
            assert_eq!(
                next_step(&order, &cancel(c), &refuse(f), &ret(r)),
                step,
                "{c:?} {f:?} {r:?} {marketplace}"
            );
        }
    }
}
