//! The sentences of [`ProposalProblem`]: each code's key in the text catalogues
//! (`locales/*.json`, `proposal.<code>`, and `proposal.not_returnable.window_closed` when the
//! window has closed), the count that chooses its plural form, and its values by `{name}`.
//! Rendered as a [`Reason`] by the engine's one English renderer ([`Reason::english`]), so a
//! deadline reads as it does in `assess` and `verify`. Like `verify.*`, these entries are in
//! the compiled-in English only with the `verify-texts` feature (the tool, the Node package).

use std::fmt;

use super::super::reason::{snake_name, Reason, Value};
use super::{ProposalProblem, ReturnProposalError};

impl ProposalProblem {
    /// The catalogue key of the problem's sentence (`proposal.<code>`, or
    /// `proposal.not_returnable.window_closed` when it names the window's end), for a host that
    /// shows it in another language (`locales/<lang>.json`, with the problem's values).
    pub fn key(&self) -> &'static str {
        match self {
            ProposalProblem::NoLines => "proposal.no_lines",
            ProposalProblem::UnknownItem { .. } => "proposal.unknown_item",
            ProposalProblem::DuplicateLine { .. } => "proposal.duplicate_line",
            ProposalProblem::ZeroQuantity => "proposal.zero_quantity",
            ProposalProblem::QuantityExceedsReturnable { .. } => {
                "proposal.quantity_exceeds_returnable"
            }
            ProposalProblem::NotReturnable {
                closed_at: Some(_), ..
            } => "proposal.not_returnable.window_closed",
            ProposalProblem::NotReturnable { .. } => "proposal.not_returnable",
            ProposalProblem::UnknownReason { .. } => "proposal.unknown_reason",
        }
    }
}

/// The texts a problem's sentence quotes or names, written before the [`Reason`] borrows
/// them: an id quoted (`"A"`, as Rust's `{:?}` writes it, escapes and all), the policy's
/// reason ids quoted and listed, a verdict and a code by their `snake_case` names.
fn texts(problem: &ProposalProblem) -> [String; 3] {
    let quoted = |id: &str| format!("{id:?}");
    match problem {
        ProposalProblem::UnknownItem { item_id }
        | ProposalProblem::DuplicateLine { item_id, .. } => {
            [quoted(item_id), String::new(), String::new()]
        }
        ProposalProblem::NotReturnable {
            item_id,
            verdict,
            return_code,
            ..
        } => [
            quoted(item_id),
            snake_name(verdict),
            snake_name(return_code),
        ],
        ProposalProblem::UnknownReason { reason_id, known } => {
            let known: Vec<String> = known.iter().map(|id| quoted(id)).collect();
            [quoted(reason_id), known.join(", "), String::new()]
        }
        _ => Default::default(),
    }
}

/// The problem's sentence as a [`Reason`]: its key, values and count (the units left to
/// return choose the plural form).
fn reason<'a>(problem: &ProposalProblem, texts: &'a [String; 3]) -> Reason<'a> {
    let reason = Reason::new(problem.key());
    let [id, second, third] = texts.each_ref().map(|t| Value::Text(t.as_str()));
    match problem {
        ProposalProblem::NoLines | ProposalProblem::ZeroQuantity => reason,
        ProposalProblem::UnknownItem { .. } => reason.with("item_id", id),
        ProposalProblem::DuplicateLine { first, .. } => reason.with("item_id", id).with(
            "first",
            Value::Number(u32::try_from(*first).unwrap_or(u32::MAX)),
        ),
        ProposalProblem::QuantityExceedsReturnable {
            quantity,
            returnable,
        } => reason
            .with("quantity", Value::Number(*quantity))
            .with("returnable", Value::Number(*returnable))
            .counting(*returnable),
        ProposalProblem::NotReturnable {
            closed_at: Some(deadline),
            ..
        } => reason
            .with("item_id", id)
            .with("deadline", Value::Instant(*deadline)),
        ProposalProblem::NotReturnable { .. } => reason
            .with("item_id", id)
            .with("verdict", second)
            .with("return_code", third),
        ProposalProblem::UnknownReason { .. } => reason.with("reason_id", id).with("known", second),
    }
}

impl fmt::Display for ReturnProposalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        let texts = texts(&self.problem);
        write!(f, "{}", reason(&self.problem, &texts).english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Instant, ZonedInstant};
    use crate::{ReturnCode, ReturnVerdict};

    fn sentence(problem: ProposalProblem) -> String {
        ReturnProposalError {
            path: String::new(),
            problem,
        }
        .to_string()
    }

    /// Every problem has a whole sentence, the plural form follows the units left, and a
    /// closed window names its deadline as `assess` does.
    #[test]
    fn every_problem_reads_as_expected_and_found() {
        let closed_at = ZonedInstant {
            instant: Instant::from_unix_seconds(1_751_525_999),
            offset_seconds: -7 * 3600,
        };
        let not_returnable = |closed_at| ProposalProblem::NotReturnable {
            item_id: "A".into(),
            verdict: ReturnVerdict::Expired,
            return_code: ReturnCode::WindowClosed,
            closed_at,
        };
        let table = [
            (ProposalProblem::NoLines, "expected at least one line to return, found none"),
            (
                ProposalProblem::UnknownItem { item_id: "Z\"".into() },
                "expected the id of one of the order's items, found \"Z\\\"\"",
            ),
            (
                ProposalProblem::DuplicateLine { item_id: "A".into(), first: 0 },
                "expected each item at most once, found \"A\", which lines[0] already has",
            ),
            (ProposalProblem::ZeroQuantity, "expected a quantity of at least 1, found 0"),
            (
                ProposalProblem::QuantityExceedsReturnable { quantity: 2, returnable: 1 },
                "expected at most the 1 unit left to return, found 2",
            ),
            (
                ProposalProblem::QuantityExceedsReturnable { quantity: 3, returnable: 2 },
                "expected at most the 2 units left to return, found 3",
            ),
            (
                not_returnable(None),
                "expected an item that can be returned now, found \"A\", whose return verdict is expired (window_closed)",
            ),
            (
                not_returnable(Some(closed_at)),
                "expected an item that can be returned now, found \"A\", whose return window closed on 2 July 2025 at 23:59:59 (store time)",
            ),
            (
                ProposalProblem::UnknownReason {
                    reason_id: "x".into(),
                    known: vec!["a".into(), "b".into()],
                },
                "expected the id of one of the policy's return reasons (\"a\", \"b\"), found \"x\"",
            ),
        ];
        for (problem, expected) in table {
            assert_eq!(sentence(problem), expected);
        }
    }
}
