//! Bundles: items sold together are cancelled together.
//!
//! Source: domain.md § Cancel ("items sold together as a discounted bundle are cancelled
//! together"). Only items still in the building count (pending, preparing, staged, or in no
//! shipment): a shipped bundle-mate is refused or returned instead. So an unshipped item can be
//! cancelled only as far as every unshipped item of its bundle can: its verdict is the worst of
//! theirs, and the flow selects them together.

use super::super::assessment::{CancelCode, CancelDecision, CancelVerdict};
use super::super::order::Order;

/// Applies each item's bundle to the items' own decisions (`own[i]` is `order.items[i]`'s).
pub(crate) fn apply_bundles(order: &Order, own: &[CancelDecision]) -> Vec<CancelDecision> {
    order
        .items
        .iter()
        .zip(own)
        .enumerate()
        .map(|(index, (item, decision))| {
            let mut decision = decision.clone();
            let Some(bundle) = item.bundle.as_deref() else {
                return decision;
            };
            if !order.status_of(item).is_unshipped() {
                return decision;
            }
            let mates: Vec<usize> = unshipped_mates(order, index, bundle);
            decision.bundle_items = mates
                .iter()
                .filter_map(|&j| order.items.get(j).map(|m| m.id.clone()))
                .collect();
            let group = || mates.iter().filter_map(|&j| own.get(j));
            if let Some(worst) = group().min_by_key(|d| d.verdict) {
                if worst.verdict < decision.verdict {
                    lower(&mut decision, worst.verdict, order, &mates, own);
                }
            }
            // The grace period matters to the bundle's verdict only while it is `allowed`.
            decision.grace_ends_at = match decision.verdict {
                CancelVerdict::Allowed => decision
                    .grace_ends_at
                    .or_else(|| group().find_map(|d| d.grace_ends_at)),
                _ => None,
            };
            decision
        })
        .collect()
}

/// The indices of the other unshipped items of `bundle`.
fn unshipped_mates(order: &Order, index: usize, bundle: &str) -> Vec<usize> {
    order
        .items
        .iter()
        .enumerate()
        .filter(|&(j, mate)| {
            j != index
                && mate.bundle.as_deref() == Some(bundle)
                && order.status_of(mate).is_unshipped()
        })
        .map(|(j, _)| j)
        .collect()
}

/// Lowers `decision` to `verdict`, naming the bundle-mates responsible.
fn lower(
    decision: &mut CancelDecision,
    verdict: CancelVerdict,
    order: &Order,
    mates: &[usize],
    own: &[CancelDecision],
) {
    let culprits: Vec<&str> = mates
        .iter()
        .filter(|&&j| own.get(j).is_some_and(|d| d.verdict == verdict))
        .filter_map(|&j| order.items.get(j).map(|m| m.title.as_str()))
        .collect();
    let names = quoted_list(&culprits);
    decision.verdict = verdict;
    if verdict == CancelVerdict::NotAvailable {
        decision.code = CancelCode::BundleNotCancellable;
        decision.message = format!(
            "It was sold in a bundle with {names}, which is cancelled together with it and can no longer be cancelled."
        );
    } else {
        decision.code = CancelCode::BundleRequiresRequest;
        decision.message = format!(
            "It was sold in a bundle with {names}, which is cancelled together with it and can only be cancelled by request."
        );
    }
}

/// `"A"`, `"A" and "B"`, `"A", "B" and "C"`.
fn quoted_list(titles: &[&str]) -> String {
    let quoted: Vec<String> = titles
        .iter()
        .map(|t| format!("\u{201c}{t}\u{201d}"))
        .collect();
    match quoted.split_last() {
        None => "another item".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::order::{Carrier, ShipmentStatus as S};
    use super::super::super::policy::Policy;
    use super::super::cancel::cancel_on_its_own;
    use super::super::fixtures::{self, at};
    use super::super::ItemContext;
    use super::*;
    use CancelVerdict::{Allowed, NotAvailable, Request};

    /// Items A, B, C in bundle "K" (C optionally outside it), D alone; statuses by shipment.
    fn assess(mut order: Order, statuses: [(S, Carrier); 4], now: &str) -> Vec<CancelDecision> {
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
        let own: Vec<_> = order
            .items
            .iter()
            .map(|item| cancel_on_its_own(&ItemContext::new(&order, &policy, item, at(now))))
            .collect();
        apply_bundles(&order, &own)
    }

    #[test]
    fn the_worst_unshipped_mate_decides() {
        let ups = Carrier::Ups;
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
        let seller = Carrier::Usps;
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
        assert!(
            decisions[0].message.contains("\u{201c}Item B\u{201d}"),
            "{}",
            decisions[0].message
        );
        // Lowered: the grace period no longer matters to A; D is alone and keeps it.
        assert_eq!(decisions[0].grace_ends_at, None);
        assert!(decisions[3].grace_ends_at.is_some());
        assert_eq!(decisions[3].verdict, Allowed);
    }

    #[test]
    fn bundle_items_lists_the_unshipped_mates() {
        let ups = Carrier::Ups;
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

    #[test]
    fn lists_titles_naturally() {
        assert_eq!(quoted_list(&[]), "another item");
        assert_eq!(quoted_list(&["A"]), "\u{201c}A\u{201d}");
        assert_eq!(
            quoted_list(&["A", "B", "C"]),
            "\u{201c}A\u{201d}, \u{201c}B\u{201d} and \u{201c}C\u{201d}"
        );
    }
}
