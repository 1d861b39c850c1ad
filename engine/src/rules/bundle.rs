//! Bundles: items sold together are cancelled together.
//!
//! Source: [domain.md § Cancelling](../../../docs/domain.md#cancelling) ("items sold together as a
//! discounted bundle are cancelled together"). Only items still in the building count (pending,
//! preparing, staged, or in no shipment): a shipped bundle-mate is refused or returned instead. So
//! an unshipped item can be cancelled only as far as every unshipped item of its bundle can: its
//! verdict is the worst of theirs, and the flow selects them together.

use super::super::assessment::{CancelCode, CancelDecision, CancelVerdict};
use super::super::ids::IdMap;
use super::ItemContext;

/// Applies each item's bundle to the items' own decisions (`decisions[i]` is `contexts[i]`'s).
pub(crate) fn apply_bundles(
    contexts: &[ItemContext],
    mut decisions: Vec<CancelDecision>,
) -> Vec<CancelDecision> {
    // The decisions on their own, as the bundle-mates see them.
    let own: Vec<_> = decisions
        .iter()
        .map(|d| (d.verdict, d.grace_ends_at))
        .collect();
    for group in unshipped_bundles(contexts) {
        for &index in &group {
            let Some(decision) = decisions.get_mut(index) else {
                continue;
            };
            let mates: Vec<usize> = group.iter().copied().filter(|&j| j != index).collect();
            decision.bundle_items = mates
                .iter()
                .filter_map(|&j| contexts.get(j).map(|m| m.item.id.clone()))
                .collect();
            let group = || mates.iter().filter_map(|&j| own.get(j));
            if let Some(worst) = group().map(|&(verdict, _)| verdict).min() {
                if worst < decision.verdict {
                    let culprits = mates
                        .iter()
                        .filter(|&&j| own.get(j).is_some_and(|&(v, _)| v == worst))
                        .filter_map(|&j| contexts.get(j).map(|m| m.item.title.clone()))
                        .collect();
                    lower(decision, worst, culprits);
                }
            }
            // The grace period matters to the bundle's verdict only while it is `allowed`.
            decision.grace_ends_at = match decision.verdict {
                CancelVerdict::Allowed => decision
                    .grace_ends_at
                    .or_else(|| group().find_map(|&(_, grace)| grace)),
                _ => None,
            };
        }
    }
    decisions
}

/// The indices of the unshipped items that have a bundle, grouped by bundle, each group in
/// item order.
fn unshipped_bundles(contexts: &[ItemContext]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = IdMap::default();
    for (index, cx) in contexts.iter().enumerate() {
        let Some(bundle) = cx.item.bundle.as_deref() else {
            continue;
        };
        if !cx.status().is_unshipped() {
            continue;
        }
        let group = *group_of.entry(bundle).or_insert(groups.len());
        match groups.get_mut(group) {
            Some(members) => members.push(index),
            None => groups.push(vec![index]),
        }
    }
    groups
}

/// Lowers `decision` to `verdict`, naming the bundle-mates responsible.
fn lower(decision: &mut CancelDecision, verdict: CancelVerdict, culprits: Vec<String>) {
    decision.verdict = verdict;
    decision.code = if verdict == CancelVerdict::NotAvailable {
        CancelCode::BundleNotCancellable
    } else {
        CancelCode::BundleRequiresRequest
    };
    decision.bundle_mates = culprits;
}

#[cfg(test)]
mod tests {
    use super::super::super::order::{Order, ShipmentStatus as S};
    use super::super::super::policy::Policy;
    use super::super::cancel::cancel_on_its_own;
    use super::super::fixtures::{self, at};
    use super::super::OrderContext;
    use super::*;
    use CancelVerdict::{Allowed, NotAvailable, Request};

    /// Items A, B, C in bundle "K" (C optionally outside it), D alone; statuses by shipment.
    fn assess(mut order: Order, statuses: [(S, &str); 4], now: &str) -> Vec<CancelDecision> {
        let policy = Policy::default();
        for (i, (status, carrier)) in statuses.into_iter().enumerate() {
            let id = format!("S{i}");
            order
                .shipments
                .push(fixtures::shipment(&id, status, carrier));
            let mut item = fixtures::item(["A", "B", "C", "D"][i], Some(&id));
            item.bundle = (i < 3).then(|| "K".to_owned());
            order.items.push(item);
        }
        let cx = OrderContext::new(&order, &policy);
        let contexts: Vec<_> = order
            .items
            .iter()
            .map(|item| cx.item(item, at(now)))
            .collect();
        let own = contexts.iter().map(cancel_on_its_own).collect();
        apply_bundles(&contexts, own)
    }

    #[test]
    fn the_worst_unshipped_mate_decides() {
        let ups = "ups";
        // (statuses of A, B, C, D) → (verdict, code) of A, B, C, D
        let table = [
            (
                [S::Pending, S::Pending, S::Pending, S::Pending],
                [(Allowed, CancelCode::NotInShippingProcess); 4],
            ),
            (
                [S::Pending, S::Staged, S::Pending, S::Pending],
                [
                    (Request, CancelCode::BundleRequiresRequest),
                    (Request, CancelCode::StagedForShipping),
                    (Request, CancelCode::BundleRequiresRequest),
                    (Allowed, CancelCode::NotInShippingProcess),
                ],
            ),
            // A shipped mate does not count, and a shipped item is not lowered.
            (
                [S::Pending, S::InTransit, S::Preparing, S::Pending],
                [
                    (Request, CancelCode::BundleRequiresRequest),
                    (NotAvailable, CancelCode::WithCarrier),
                    (Request, CancelCode::BeingPrepared),
                    (Allowed, CancelCode::NotInShippingProcess),
                ],
            ),
            // A cancelled mate is not unshipped either.
            (
                [S::Pending, S::Cancelled, S::Pending, S::Staged],
                [
                    (Allowed, CancelCode::NotInShippingProcess),
                    (NotAvailable, CancelCode::AlreadyCancelled),
                    (Allowed, CancelCode::NotInShippingProcess),
                    (Request, CancelCode::StagedForShipping),
                ],
            ),
        ];
        for (statuses, expected) in table {
            let decisions = assess(
                fixtures::retailer(),
                statuses.map(|s| (s, ups)),
                "2025-03-02T00:00:00Z",
            );
            let got: Vec<_> = decisions.iter().map(|d| (d.verdict, d.code)).collect();
            assert_eq!(got, expected, "{statuses:?}");
        }
    }

    #[test]
    fn marketplace_staged_mate_makes_the_bundle_unavailable() {
        let seller = "usps";
        let decisions = assess(
            fixtures::marketplace(),
            [
                (S::Pending, seller),
                (S::Staged, seller),
                (S::Pending, seller),
                (S::Pending, seller),
            ],
            "2025-03-01T09:05:00-08:00",
        );
        assert_eq!(
            (decisions[0].verdict, decisions[0].code),
            (NotAvailable, CancelCode::BundleNotCancellable)
        );
        assert_eq!(decisions[0].bundle_mates, vec!["Item B".to_owned()]);
        let message = decisions[0].message();
        assert!(message.contains("\u{201c}Item B\u{201d}"), "{message}");
        // Lowered: the grace period no longer matters to A; D is alone and keeps it.
        assert_eq!(decisions[0].grace_ends_at, None);
        assert!(decisions[3].grace_ends_at.is_some());
        assert_eq!(decisions[3].verdict, Allowed);
    }

    #[test]
    fn bundle_items_lists_the_unshipped_mates() {
        let ups = "ups";
        let decisions = assess(
            fixtures::retailer(),
            [
                (S::Pending, ups),
                (S::Delivered, ups),
                (S::Staged, ups),
                (S::Pending, ups),
            ],
            "2025-03-02T00:00:00Z",
        );
        assert_eq!(decisions[0].bundle_items, vec!["C".to_owned()]);
        assert_eq!(decisions[2].bundle_items, vec!["A".to_owned()]);
        assert!(decisions[1].bundle_items.is_empty()); // shipped
        assert!(decisions[3].bundle_items.is_empty()); // no bundle
        assert_eq!(decisions[0].bundle.as_deref(), Some("K"));
        assert_eq!(decisions[3].bundle, None);
    }
}
