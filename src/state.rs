//! The widget's three flows as reducers, one module each, named alike: [`cancel`]
//! ([`CancelFlow`]), [`returns`] ([`ReturnFlow`]) and [`withdrawal`] ([`WithdrawalFlow`]), each
//! with its `Action`, its host answer and its native tests beside it (`state/<flow>/tests.rs`).
//! Pure (no DOM, no clock): the components only render a flow and dispatch its actions.
//!
//! What the flows share is written once: here, the [`FlowContext`] every flow reads (one per
//! assessment, compared by pointer), the steps of the stepped flows, and how a new order
//! overtakes what answers said about its items; in [`request`], sending a request to the host
//! (the [`RequestState`] every flow holds as its `shared` field: the [`Sending`] sub-state with
//! its answered / failed / Try again arms, the answer, the step changes, the context; the
//! [`RequestAction`]s every flow takes alike; the answer reader and [`StatusAnswer`], the
//! idempotency key, the request's common fields, the send button's label) and the
//! [`RequestFlow`] trait the widget wires every flow through. A fourth flow is one more module
//! using them.

use std::rc::Rc;

use crate::engine::{Assessment, Customer, Item, Order, Policy, Shipment, WithdrawalVerdict};

pub mod cancel;
pub mod request;
pub mod returns;
pub mod withdrawal;

/// A shared value compared by pointer (`Rc::ptr_eq`), not by content: the policy in the
/// widget's props and memos. A policy is never changed in place, so a new one from the host
/// is a new `Rc`, and one equal to the last only costs a reassessment (what a tick past a
/// boundary does); comparing every field of two policies on each props check would be code
/// of its own in the widget's wasm.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

pub use cancel::{CancelAction, CancelAnswer, CancelFlow, CancelStatus, ItemOutcome};
pub use request::{
    AnswerStatus, FlowStep, RequestAction, RequestFlow, RequestState, SendFailure, Sending,
    StatusAnswer,
};
pub use returns::{is_https, ReturnAction, ReturnAnswer, ReturnFlow, ReturnStatus};
pub use withdrawal::{Receipt, WithdrawalAction, WithdrawalFlow, WithdrawalStep};

/// What every flow reads: the order, the policy, their assessment now, and the page load's
/// seed. One per assessment (the widget builds it once and hands the same `Rc` to each flow
/// with `Reassessed`).
#[derive(Debug)]
pub struct FlowContext {
    /// The order as the host gave it: a different `Rc` is a new order from the host, which
    /// replaces what earlier answers said about its items.
    pub order: Rc<Order>,
    /// The store's policy: the cancellation and return reasons, the refund rules.
    pub policy: Rc<Policy>,
    pub assessment: Rc<Assessment>,
    /// The customer the host gave with the order or the configuration (the order's wins), to
    /// pre-fill the withdrawal form.
    pub customer: Option<Customer>,
    /// Mixed into idempotency keys so two page loads never share one.
    pub key_seed: u64,
}

/// Two contexts are the same when they hold the same order, policy and assessment (compared by
/// pointer: none is changed in place), so every action's "did anything change?" is cheap.
impl PartialEq for FlowContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.order, &other.order)
            && Rc::ptr_eq(&self.policy, &other.policy)
            && self.customer == other.customer
            && self.key_seed == other.key_seed
    }
}

impl FlowContext {
    /// Whether a new withdrawal can be declared now (the engine's verdict is `allowed`).
    pub fn withdrawal_allowed(&self) -> bool {
        self.assessment.withdrawal.verdict == WithdrawalVerdict::Allowed
    }

    /// Whether the assessment still holds at `now`: no decision changed by the passage of time
    /// between its instant and `now` (`next_change_at` is later). A click on a send button
    /// checks it, so a wall clock that jumped past a boundary before the widget reassessed (it
    /// notices within a second) cannot send a request on a verdict that no longer holds.
    pub fn current_at(&self, now: crate::engine::Instant) -> bool {
        self.assessment
            .next_change_at
            .is_none_or(|next| now < next.instant)
    }
}

/// `Eq`, so comparing a flow's `Rc<FlowContext>` (on every action) starts with a pointer
/// comparison.
impl Eq for FlowContext {}

/// Where the customer is in the cancel or the return flow (the withdrawal flow has its own
/// [`WithdrawalStep`]s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The order with each item's best next step.
    Overview,
    /// Step 1 of 3: select the items.
    Select,
    /// Step 2 of 3: choose a reason.
    Reason,
    /// Step 3 of 3: review, then send the request.
    Review,
    /// The host's answer.
    Outcome,
}

/// What stops Continue, said to the customer next to the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    NoItems,
    NoReason,
    NoComment,
    /// The return flow: "was it opened?" is unanswered for an item where it changes the refund.
    NotSaidOpened,
    /// The return flow: a selected item's "how many" is not a whole number from 1 to `.0`, the
    /// most that can be returned (the message names that range).
    BadQuantity(u32),
}

/// What the stepped flows (cancel, return) do alike, written once for both: `$flow` has the
/// fields `selected`, `comment` and `problem`, a [`request::RequestState`] of [`Step`]s as
/// `shared`, and an inherent `reason_problem()` (what stops Continue from the reason step). It
/// gets `left_step` (for `request_flow!`), `next` (Continue), `edit_comment` and `sent_comment`.
macro_rules! stepped_flow {
    ($flow:ident) => {
        impl $flow {
            /// What stopped Continue was about the step left.
            fn left_step(&mut self) {
                self.problem = None;
            }

            /// Continue: from Select (with an item selected) to Reason, from Reason (unless
            /// `reason_problem` says what stops it) to Review; the problem is said next to the
            /// button. No Continue elsewhere.
            fn next(&mut self) {
                use $crate::state::{Problem, Step};
                let (problem, to) = match self.shared.step {
                    Step::Select => (
                        self.selected.is_empty().then_some(Problem::NoItems),
                        Step::Reason,
                    ),
                    Step::Reason => (self.reason_problem(), Step::Review),
                    Step::Overview | Step::Review | Step::Outcome => return,
                };
                match problem {
                    Some(problem) => self.problem = Some(problem),
                    None => $crate::state::request::RequestFlow::go(self, to),
                }
            }

            /// The comment as typed, kept to [`MAX_COMMENT_CHARS`](crate::state::MAX_COMMENT_CHARS).
            fn edit_comment(&mut self, text: String) {
                self.comment = text
                    .chars()
                    .take($crate::state::MAX_COMMENT_CHARS)
                    .collect();
            }

            /// The comment as it is sent: trimmed, and `None` when blank.
            pub fn sent_comment(&self) -> Option<&str> {
                Some(self.comment.trim()).filter(|c| !c.is_empty())
            }
        }
    };
}
use stepped_flow;

/// Longest comment kept (the field says so too).
pub const MAX_COMMENT_CHARS: usize = 500;

/// An item of the order and its shipment, to tell whether a new order changed it (and so
/// whether an earlier answer about it gives way).
fn item_state<'a>(order: &'a Order, item_id: &str) -> Option<(&'a Item, Option<&'a Shipment>)> {
    let item = order.items.iter().find(|item| item.id == item_id)?;
    Some((item, order.shipment_of(item)))
}

/// Of what the store's answers `said` about items (`id` names each one's item), keeps what a
/// new order from the host did not overtake: a different order (`before` → `after`) says what
/// became of every item it changed (moved it to a cancelled shipment, say), and for that item
/// the earlier answer gives way. Items it left as they were keep what the answer said (an
/// order has no field for "requested").
fn keep_unchanged<T>(
    said: &mut Vec<T>,
    id: fn(&T) -> &str,
    before: &FlowContext,
    after: &FlowContext,
) {
    if !Rc::ptr_eq(&before.order, &after.order) {
        let (before, after) = (&before.order, &after.order);
        said.retain(|said| item_state(before, id(said)) == item_state(after, id(said)));
    }
}

/// The ids of the assessed items for which `keep` holds, in the order's item order.
fn in_item_order(assessment: &Assessment, keep: &dyn Fn(&str) -> bool) -> Vec<String> {
    assessment
        .items
        .iter()
        .map(|item| item.item_id.as_str())
        .filter(|id| keep(id))
        .map(str::to_owned)
        .collect()
}

/// A reducer's result: a state that did not change (a second click while sending, say) is the
/// same `Rc`, so nothing re-renders.
pub(crate) fn kept_if_same<T: PartialEq>(before: Rc<T>, after: T) -> Rc<T> {
    if after == *before {
        before
    } else {
        Rc::new(after)
    }
}

impl request::FlowStep for Step {
    fn before(self) -> Option<Step> {
        match self {
            Step::Select => Some(Step::Overview),
            Step::Reason => Some(Step::Select),
            Step::Review => Some(Step::Reason),
            Step::Overview | Step::Outcome => None,
        }
    }
}

/// What the flows' native tests share.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing {
    use std::rc::Rc;

    use yew::Reducible;

    use super::request::RequestFlow;
    use super::Step;

    /// The flow after `actions`, one reducer step each.
    pub fn run<F: Reducible>(flow: Rc<F>, actions: impl IntoIterator<Item = F::Action>) -> Rc<F> {
        actions
            .into_iter()
            .fold(flow, |flow, action| flow.reduce(action))
    }

    /// Types `comment` at the reason step of a stepped flow and presses Continue (`edit` and
    /// `next` are its actions): the flow is at the review.
    pub fn comment_to_review<F: RequestFlow<Step = Step>>(
        flow: Rc<F>,
        edit: fn(String) -> F::Action,
        comment: &str,
        next: F::Action,
    ) -> Rc<F> {
        let flow = run(flow, [edit(comment.to_owned()), next]);
        assert_eq!(flow.shared().step, Step::Review);
        flow
    }
}
