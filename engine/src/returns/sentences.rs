//! The English sentences of [`ProposalProblem`]: the only place this code family is worded, so
//! the text catalogues (`locales/*.json`) can replace this one function.

use std::fmt;

use super::{ProposalProblem, ReturnProposalError};

/// One plain sentence per code: what was expected, and what was found.
fn sentence(problem: &ProposalProblem) -> String {
    match problem {
        ProposalProblem::NoLines => "expected at least one line to return, found none".into(),
        ProposalProblem::UnknownItem { item_id } => {
            format!("expected the id of one of the order's items, found {item_id:?}")
        }
        ProposalProblem::DuplicateLine { item_id, first } => format!(
            "expected each item at most once, found {item_id:?}, which lines[{first}] already has"
        ),
        ProposalProblem::ZeroQuantity => "expected a quantity of at least 1, found 0".into(),
        ProposalProblem::QuantityExceedsReturnable {
            quantity,
            returnable,
        } => format!(
            "expected at most the {returnable} unit(s) left to return, found {quantity}"
        ),
        ProposalProblem::NotReturnable {
            item_id,
            verdict,
            return_code,
        } => format!(
            "expected an item that can be returned now, found {item_id:?}, whose return verdict is {} ({})",
            snake(verdict),
            snake(return_code)
        ),
        ProposalProblem::UnknownReason { reason_id, known } => format!(
            "expected the id of one of the policy's return reasons ({}), found {reason_id:?}",
            known
                .iter()
                .map(|id| format!("{id:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// An enum's `snake_case` name, as serialized.
fn snake(value: &impl serde::Serialize) -> String {
    crate::json::to_text(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

impl fmt::Display for ReturnProposalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sentence = sentence(&self.problem);
        if self.path.is_empty() {
            f.write_str(&sentence)
        } else {
            write!(f, "{}: {sentence}", self.path)
        }
    }
}
