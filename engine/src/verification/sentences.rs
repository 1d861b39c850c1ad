//! The English sentences of [`VerifyCode`]: the only place this code family is worded. Each is a
//! template with `{name}` placeholders for the [`VerifyValues`] it names, so the text
//! catalogues (`locales/*.json`, keys `verify.<code>` and `verify.request.<code>`) can take the
//! table over as it is.

use std::borrow::Cow;
use std::fmt::Write;

use super::super::time::{LocalDateTime, ZonedInstant};
use super::{VerifyCode, VerifyValues};

/// Whose sentence: the request's or an item's (only `accepted` differs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Request,
    Item,
}

/// The template of each code, by scope. A request-level problem (`order_mismatch`, …) has the
/// same sentence for the request and for each item it rejects.
pub(crate) fn template(scope: Scope, code: VerifyCode) -> &'static str {
    use VerifyCode as C;
    match (scope, code) {
        (Scope::Request, C::Accepted) => "Accepted: each of the {requested} requested item(s) may go ahead.",
        (Scope::Item, C::Accepted) => "Accepted: its verdict is {verdict} ({verdict_code}).",
        (_, C::ItemsRejected) => "Not accepted: {rejected} of the {requested} requested item(s) cannot go ahead; each item says why.",
        (_, C::OrderMismatch) => "Not accepted: the request is for order “{request_order_id}”, not for order “{order_id}”.",
        (_, C::UnknownReason) => "Not accepted: “{reason}” is not a reason this store offers for this kind of request.",
        (_, C::UnknownItem) => "Not accepted: the order has no item “{item_id}”.",
        (_, C::QuantityExceedsOrdered) => "Not accepted: {quantity} unit(s) requested, but the order has {ordered}.",
        (_, C::NotCancellableNow) => "Not accepted: it can no longer be cancelled ({verdict_code}). {why}",
        (_, C::NotDeliveredYet) => "Not accepted: it cannot be returned before it is delivered ({verdict_code}). {why}",
        (_, C::ReturnWindowClosed) => "Not accepted: its return window ended at {deadline} (store time).",
        (_, C::NotReturnable) => "Not accepted: it cannot be returned ({verdict_code}). {why}",
        (_, C::QuantityExceedsReturnable) => "Not accepted: {quantity} unit(s) requested, but only {returnable} can be returned.",
        (_, C::WithdrawalNotOffered) => "Not accepted: this store does not offer withdrawal from the contract for this order.",
        (_, C::NotCoveredByWithdrawal) => "Not accepted: the right of withdrawal does not cover this item (goods of an excluded kind, or a shipment that was cancelled, refused or returned).",
        (_, C::WithdrawalPeriodOver) => "Not accepted: the withdrawal was declared at {declared_at} (store time), after the period ended at {deadline}.",
        (_, C::DeclaredAtMissing) => "Not accepted: a withdrawal must say when the consumer declared it (declared_at), and this one does not.",
        (_, C::DeclaredAfterReceipt) => "Not accepted: it says it was declared at {declared_at} (store time), more than {skew_seconds} seconds after it was received at {received_at}.",
        (_, C::DeclarationDelayed) => "Not accepted: declared at {declared_at} (store time) but received at {received_at}, more than {max_delay_seconds} seconds later.",
    }
}

/// The sentence for a code and its values: the template with each `{name}` replaced by the
/// value of that name (an instant in the store's wall-clock time, `23:59:59 on 16 March 2026`;
/// a verdict or code by its `snake_case` name). A placeholder without a value stays as written.
pub(crate) fn sentence(scope: Scope, code: VerifyCode, values: &VerifyValues) -> Cow<'static, str> {
    let template = template(scope, code);
    if !template.contains('{') {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        let name = &after[..close];
        if !write_value(&mut out, name, values) {
            let _ = write!(out, "{{{name}}}");
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out.trim_end().to_owned())
}

/// Writes the value named `name`; false when it has none.
fn write_value(out: &mut String, name: &str, v: &VerifyValues) -> bool {
    let number = |n: Option<u32>| n.map(|n| n.to_string());
    let text = match name {
        "order_id" => v.order_id.clone(),
        "request_order_id" => v.request_order_id.clone(),
        "reason" => v.reason.clone(),
        "item_id" => v.item_id.clone(),
        "quantity" => number(v.quantity),
        "ordered" => number(v.ordered),
        "returnable" => number(v.returnable),
        "rejected" => number(v.rejected),
        "requested" => number(v.requested),
        "max_delay_seconds" => number(v.max_delay_seconds),
        "skew_seconds" => number(v.skew_seconds),
        "verdict" => v.verdict.as_ref().map(snake),
        "verdict_code" => v.verdict_code.as_ref().map(snake),
        "why" => v.why.as_deref().map(str::to_owned),
        "deadline" => v.deadline.map(wall_clock),
        "declared_at" => v.declared_at.map(wall_clock),
        "received_at" => v.received_at.map(wall_clock),
        _ => None,
    };
    match text {
        Some(text) => {
            out.push_str(&text);
            true
        }
        None => false,
    }
}

/// `23:59:59 on 16 March 2026` (`09:45 on …` when on the minute), on the wall clock of the
/// instant's offset (the store's zone).
fn wall_clock(zoned: ZonedInstant) -> String {
    let local = LocalDateTime::from_local_seconds(
        zoned
            .instant
            .unix_seconds()
            .saturating_add(i64::from(zoned.offset_seconds)),
    );
    let (date, time) = (local.date, local.time);
    let clock = if time.second() == 0 {
        format!("{:02}:{:02}", time.hour(), time.minute())
    } else {
        format!(
            "{:02}:{:02}:{:02}",
            time.hour(),
            time.minute(),
            time.second()
        )
    };
    format!(
        "{clock} on {} {} {}",
        date.day(),
        date.month_name(),
        date.year()
    )
}

/// An enum's `snake_case` name, as serialized.
fn snake(value: &impl serde::Serialize) -> String {
    crate::json::to_text(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Instant;

    /// Every code has a sentence in each scope, and every placeholder it names is one
    /// [`write_value`] knows (a misspelt one would stay in the text as `{name}`).
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
            rejected: Some(1),
            requested: Some(2),
        };
        for code in VerifyCode::ALL {
            for scope in [Scope::Request, Scope::Item] {
                let text = sentence(scope, code, &all);
                assert!(!text.contains('{'), "{code:?}: {text}");
                assert!(text.ends_with('.'), "{code:?}: {text}");
            }
        }
        assert_eq!(
            sentence(Scope::Item, VerifyCode::ReturnWindowClosed, &all),
            "Not accepted: its return window ended at 23:59:59 on 16 March 2026 (store time)."
        );
        assert_eq!(
            sentence(Scope::Item, VerifyCode::Accepted, &all),
            "Accepted: its verdict is request (seller_must_approve)."
        );
        // A value the code does not have stays visible rather than vanishing.
        let none = VerifyValues::default();
        assert!(sentence(Scope::Item, VerifyCode::UnknownItem, &none).contains("{item_id}"));
    }

    /// docs/domain.md lists every code with its sentence: the table there is this one.
    #[test]
    fn the_domain_doc_lists_every_sentence() {
        let doc = include_str!("../../../docs/domain.md");
        for code in VerifyCode::ALL {
            for (scope, label) in [(Scope::Request, " (request)"), (Scope::Item, " (item)")] {
                let plain = format!("| `{}` | {} |", code.as_str(), template(scope, code));
                let labelled =
                    format!("| `{}`{label} | {} |", code.as_str(), template(scope, code));
                assert!(
                    doc.contains(&plain) || doc.contains(&labelled),
                    "docs/domain.md has no row {plain}"
                );
            }
        }
    }
}
