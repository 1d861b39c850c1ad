//! The sentences of [`VerifyCode`]: each code's key in the text catalogues (`locales/*.json`,
//! `verify.<code>`, and `verify.accepted.request` / `verify.accepted.item`), the count that
//! chooses its plural form, and its values by `{name}`. Rendered as a [`Reason`] by the engine's
//! one English renderer ([`Reason::english`]), in English for the command-line tool and the
//! Node package: an instant reads as it does in `assess`.

use std::borrow::Cow;

use super::super::reason::{snake_name, Reason, Value};
use super::super::text::{placeholders, Catalogue};
use super::{VerifyCode, VerifyValues};

/// Whose sentence: the request's or an item's (only `accepted` differs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Request,
    Item,
}

/// The catalogue key of each code, by scope. A request-level problem (`order_mismatch`, …) has
/// the same sentence for the request and for each item it rejects.
pub(crate) fn key(scope: Scope, code: VerifyCode) -> &'static str {
    use VerifyCode as C;
    match (scope, code) {
        (Scope::Request, C::Accepted) => "verify.accepted.request",
        (Scope::Item, C::Accepted) => "verify.accepted.item",
        (_, C::ItemsRejected) => "verify.items_rejected",
        (_, C::OrderMismatch) => "verify.order_mismatch",
        (_, C::UnknownReason) => "verify.unknown_reason",
        (_, C::ReasonRequired) => "verify.reason_required",
        (_, C::CommentRequired) => "verify.comment_required",
        (_, C::UnknownItem) => "verify.unknown_item",
        (_, C::QuantityExceedsOrdered) => "verify.quantity_exceeds_ordered",
        (_, C::NotCancellableNow) => "verify.not_cancellable_now",
        (_, C::BundleIncomplete) => "verify.bundle_incomplete",
        (_, C::NotDeliveredYet) => "verify.not_delivered_yet",
        (_, C::ReturnWindowClosed) => "verify.return_window_closed",
        (_, C::NotReturnable) => "verify.not_returnable",
        (_, C::QuantityExceedsReturnable) => "verify.quantity_exceeds_returnable",
        (_, C::WithdrawalNotOffered) => "verify.withdrawal_not_offered",
        (_, C::WithdrawalNotOfferedInCountry) => "verify.withdrawal_not_offered_in_country",
        (_, C::CancellationAlreadyRequested) => "verify.cancellation_already_requested",
        (_, C::AlreadyWithdrawn) => "verify.already_withdrawn",
        (_, C::NotCoveredByWithdrawal) => "verify.not_covered_by_withdrawal",
        (_, C::WithdrawalPeriodOver) => "verify.withdrawal_period_over",
        (_, C::DeclaredAtMissing) => "verify.declared_at_missing",
        (_, C::DeclaredAfterReceipt) => "verify.declared_after_receipt",
        (_, C::DeclarationDelayed) => "verify.declaration_delayed",
    }
}

/// The number that chooses the sentence's plural form (CLDR categories), for the codes whose
/// entries have plural forms: the items requested, or the units requested.
fn count(code: VerifyCode, values: &VerifyValues) -> Option<u32> {
    match code {
        VerifyCode::Accepted | VerifyCode::ItemsRejected => values.requested,
        VerifyCode::QuantityExceedsOrdered | VerifyCode::QuantityExceedsReturnable => {
            values.quantity
        }
        _ => None,
    }
}

/// The English sentence for a code and its values: its catalogue entry (the plural form for
/// its count) with each `{name}` replaced by the value of that name, written by the engine's
/// one English renderer ([`Reason::english`]: an instant as the store's wall clock,
/// `16 March 2026 at 23:59:59 (store time)`, as `assess` writes it; a verdict or code by its
/// `snake_case` name). A placeholder without a value stays as written.
pub(crate) fn sentence(scope: Scope, code: VerifyCode, values: &VerifyValues) -> Cow<'static, str> {
    let catalogue = Catalogue::english();
    let key = key(scope, code);
    let Some(entry) = catalogue.get(key) else {
        // Every key is in `locales/en.json` (tested); never an empty sentence regardless.
        return Cow::Borrowed(key);
    };
    let names: Vec<&str> = entry.texts().into_iter().flat_map(placeholders).collect();
    // The verdict and its code by name: written first, so the reason can borrow them.
    let verdict = values.verdict.as_ref().map(snake_name);
    let verdict_code = values.verdict_code.as_ref().map(snake_name);
    let mut reason = Reason::new(key);
    for name in names {
        if reason.value(name).is_none() {
            if let Some(value) = value(name, values, (&verdict, &verdict_code)) {
                reason = reason.with(name, value);
            }
        }
    }
    if let Some(n) = count(code, values) {
        reason = reason.counting(n);
    }
    // `{why}` may be absent: no trailing space then.
    Cow::Owned(reason.english().to_string().trim_end().to_owned())
}

/// The value named `name`; `None` when it has none. `names` are the verdict's and its code's
/// `snake_case` names.
fn value<'a>(
    name: &str,
    v: &'a VerifyValues,
    names: (&'a Option<String>, &'a Option<String>),
) -> Option<Value<'a>> {
    let number = |n: Option<u32>| n.map(Value::Number);
    let text = |t: &'a Option<String>| t.as_deref().map(Value::Text);
    match name {
        "order_id" => text(&v.order_id),
        "request_order_id" => text(&v.request_order_id),
        "reason" => text(&v.reason),
        "item_id" => text(&v.item_id),
        "titles" => v.titles.as_deref().map(Value::Titles),
        "quantity" => number(v.quantity),
        "ordered" => number(v.ordered),
        "returnable" => number(v.returnable),
        "rejected" => number(v.rejected),
        "requested" => number(v.requested),
        "max_delay_seconds" => number(v.max_delay_seconds),
        "skew_seconds" => number(v.skew_seconds),
        "verdict" => text(names.0),
        "verdict_code" => text(names.1),
        "why" => v.why.as_deref().map(Value::Text),
        "deadline" => v.deadline.map(Value::Instant),
        "declared_at" => v.declared_at.map(Value::Instant),
        "received_at" => v.received_at.map(Value::Instant),
        "recorded_at" => v.recorded_at.map(Value::Instant),
        "country" => text(&v.country),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Instant, ZonedInstant};

    /// Every code has a sentence in each scope, and every placeholder of each of its forms is
    /// one [`value`] knows (a misspelt one would stay in the text as `{name}`).
    #[test]
    fn every_placeholder_is_a_known_value() {
        let zoned = ZonedInstant {
            instant: Instant::from_unix_seconds(1_773_701_999),
            offset_seconds: 3600,
        };
        let all = VerifyValues {
            order_id: Some("O1".into()),
            request_order_id: Some("O2".into()),
            reason: Some("r".into()),
            item_id: Some("A".into()),
            missing_items: Some(vec!["D".into(), "E".into()]),
            titles: Some(vec!["Laptop sleeve".into(), "USB-C dock".into()]),
            quantity: Some(3),
            ordered: Some(2),
            returnable: Some(1),
            verdict: Some(super::super::KindVerdict::Cancel(
                crate::CancelVerdict::Request,
            )),
            verdict_code: Some(super::super::KindCode::Cancel(
                crate::CancelCode::SellerMustApprove,
            )),
            why: Some("Because.".into()),
            deadline: Some(zoned),
            declared_at: Some(zoned),
            received_at: Some(zoned),
            max_delay_seconds: Some(600),
            skew_seconds: Some(300),
            country: Some("US".into()),
            recorded_at: Some(zoned),
            rejected: Some(1),
            requested: Some(2),
        };
        for &code in VerifyCode::ALL {
            for scope in [Scope::Request, Scope::Item] {
                let entry = Catalogue::english().get(key(scope, code));
                let entry = entry.unwrap_or_else(|| panic!("locales/en.json: {code:?}"));
                let names = (&Some("v".to_owned()), &Some("c".to_owned()));
                for form in entry.texts() {
                    for name in crate::text::placeholders(form) {
                        assert!(value(name, &all, names).is_some(), "{code:?}: {{{name}}}");
                    }
                }
                let text = sentence(scope, code, &all);
                assert!(!text.contains('{'), "{code:?}: {text}");
                assert!(text.ends_with('.'), "{code:?}: {text}");
            }
        }
        assert_eq!(
            sentence(Scope::Item, VerifyCode::ReturnWindowClosed, &all),
            "Not accepted: its return window ended on 16 March 2026 at 23:59:59 (store time)."
        );
        assert_eq!(
            sentence(Scope::Item, VerifyCode::Accepted, &all),
            "Accepted: this item may go ahead."
        );
        // A value the code does not have stays visible rather than vanishing.
        let none = VerifyValues::default();
        assert!(sentence(Scope::Item, VerifyCode::UnknownItem, &none).contains("{item_id}"));
    }

    /// docs/domain.md lists every code with its sentence (its `other` form): the table there is
    /// the catalogue's.
    #[test]
    fn the_domain_doc_lists_every_sentence() {
        let doc = include_str!("../../../docs/domain.md");
        for &code in VerifyCode::ALL {
            for (scope, label) in [(Scope::Request, " (request)"), (Scope::Item, " (item)")] {
                let entry = Catalogue::english().get(key(scope, code)).unwrap();
                let template = entry.form("other");
                let plain = format!("| `{}` | {template} |", code.as_str());
                let labelled = format!("| `{}`{label} | {template} |", code.as_str());
                assert!(
                    doc.contains(&plain) || doc.contains(&labelled),
                    "docs/domain.md has no row {plain}"
                );
            }
        }
    }

    /// A count of one takes the `one` form, any other the `other` form.
    #[test]
    fn the_count_chooses_the_plural_form() {
        let values = |requested| VerifyValues {
            requested: Some(requested),
            ..VerifyValues::default()
        };
        assert_eq!(
            sentence(Scope::Request, VerifyCode::Accepted, &values(1)),
            "Accepted: the requested item may go ahead."
        );
        assert_eq!(
            sentence(Scope::Request, VerifyCode::Accepted, &values(3)),
            "Accepted: each of the 3 requested items may go ahead."
        );
    }
}
