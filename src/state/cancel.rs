//! The cancel flow as a reducer: Cancel items → select items (a bundle goes together) → choose
//! a reason → review with the refund estimate → Request cancellation → the host's answer. Pure
//! (no DOM, no clock), tested natively (`cancel/tests.rs`); the components (`cancel_*`) only
//! render a [`CancelFlow`] and dispatch [`CancelAction`]s. Sending is [`super::request`]'s.

use std::rc::Rc;

use super::request::{
    answer_statuses, chosen, request, request_flow, verdict, whole, IdempotencyKey, Outgoing,
    RequestAction, RequestFlow, RequestState, StatusAnswer,
};
use super::{in_item_order, keep_unchanged, stepped_flow, FlowContext, Problem, Step};
use crate::engine::json::Json;
use crate::engine::{
    refund_for, CancelVerdict, CancellationReasons, Instant, Money, RefundEstimate, RefundKind,
    Request, RequestKind, RequestVerdict,
};

/// The host's answer to a cancellation request, `{status, message?, refund?, cancellation_id?}`, as the widget
/// takes it: `status` decides; fields the widget does not know are ignored (back ends add their
/// own, e.g. an id).
pub type CancelAnswer = StatusAnswer<CancelStatus, CancelDetails>;

/// What only a cancellation answer has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CancelDetails {
    /// The refund the host confirms, in ISO 4217 minor units of the order's currency (else the
    /// widget's estimate is shown). Always within [`CancelFlow::refund_cap`].
    pub refund: Option<u64>,
    /// The store's number for the cancellation (shown as text on the outcome, in the items'
    /// "Cancellation requested" line and in the outcome's `order-help-step` event).
    pub cancellation_id: Option<String>,
}

answer_statuses! {
    /// The statuses a host may answer a cancellation request with.
    CancelStatus {
        /// The store cancelled the items.
        Cancelled = "cancelled",
        /// The store took the request; someone (the seller, the warehouse) still has to act.
        Requested = "requested",
        /// The store will not cancel them.
        Declined = "declined",
    }
}

impl CancelAnswer {
    /// The answer's fields the widget reads.
    pub const FIELDS: &'static [&'static str] = &["status", "message", "refund", "cancellation_id"];

    /// Reads the host's answer `{status, message?, refund?, cancellation_id?}` from its JSON tree
    /// ([`StatusAnswer::read_with`]). A `refund` that is not a whole number of minor units from
    /// 0 to `refund_cap` is left out and described in `ignored`.
    pub fn read(tree: &Json<'_>, refund_cap: u64) -> Result<CancelAnswer, String> {
        let shape = "{status, message?, refund?, cancellation_id?}";
        StatusAnswer::read_with(tree, shape, |fields| {
            let refund = match fields.get("refund") {
                None => None,
                Some(Json::UInt(minor)) if *minor <= refund_cap => Some(*minor),
                Some(other) => {
                    let expected = format!(
                        "a whole number of minor units from 0 to {refund_cap} (the request's \
                         items plus delivery)"
                    );
                    let why = super::request::wrong("refund", &expected, Some(other));
                    fields.ignore(format!("{why}; the widget's estimate is shown"));
                    None
                }
            };
            CancelDetails {
                refund,
                cancellation_id: fields.text("cancellation_id"),
            }
        })
    }
}

/// What the store said about an item, until the host gives the widget a newer order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemOutcome {
    /// The store cancelled it.
    Cancelled,
    /// A cancellation was requested and is being considered.
    Requested,
    /// The store accepted a return of it.
    ReturnRequested,
}

/// The cancel flow's state.
#[derive(Clone, Debug, PartialEq)]
pub struct CancelFlow {
    /// Its step, the request "Request cancellation" sends and its answer, the context: what
    /// every flow carries.
    pub shared: RequestState<Step, CancelAnswer>,
    /// Selected item ids, in the order's item order.
    pub selected: Vec<String>,
    pub reason: Option<String>,
    pub comment: String,
    pub problem: Option<Problem>,
    /// What the store's answers said about items (cancelled, requested), in the order's item
    /// order, until the host gives a new order: those items are shown so and not offered again.
    pub outcomes: Vec<(String, ItemOutcome)>,
}

/// What the customer (or the host) did in the cancel flow.
#[derive(Clone, Debug, PartialEq)]
pub enum CancelAction {
    /// "Cancel items".
    Start,
    /// A checkbox: selects or unselects the item and its bundle.
    Toggle(String),
    ChooseReason(String),
    EditComment(String),
    Continue,
    Back,
    /// "Request cancellation" (and "Try again"), at the widget's clock's instant: a new
    /// request is not sent when the assessment shown no longer holds then
    /// ([`FlowContext::current_at`]); a retry of one sent is.
    Submit(Instant),
    /// Leave the outcome for the order.
    Close,
    /// The host's answer, a failure, or a new context: as every flow takes them.
    Request(RequestAction<CancelAnswer>),
}

impl CancelFlow {
    pub fn new(context: Rc<FlowContext>) -> CancelFlow {
        CancelFlow {
            selected: Vec::new(),
            reason: None,
            comment: String::new(),
            problem: None,
            outcomes: Vec::new(),
            shared: RequestState::new(Step::Overview, context),
        }
    }

    /// The policy's cancellation reasons.
    pub fn reasons(&self) -> &CancellationReasons {
        &self.shared.context.policy.cancellation_reasons
    }

    /// What the store said about the item, if anything (since the host's last order).
    pub fn outcome(&self, item_id: &str) -> Option<ItemOutcome> {
        self.outcomes
            .iter()
            .find(|(id, _)| id == item_id)
            .map(|(_, outcome)| *outcome)
    }

    /// Whether the item can be selected at all: the engine allows it, and no answer has
    /// already cancelled it or taken a request for it.
    pub fn selectable(&self, item_id: &str) -> bool {
        self.outcome(item_id).is_none()
            && self.shared.context.assessment.items.iter().any(|item| {
                item.item_id == item_id && item.cancel.verdict != CancelVerdict::NotAvailable
            })
    }

    /// Whether any item can be cancelled or requested ("Cancel items" is shown).
    pub fn can_start(&self) -> bool {
        self.shared.context.assessment.items.iter().any(|item| {
            item.cancel.verdict != CancelVerdict::NotAvailable
                && self.outcome(&item.item_id).is_none()
        })
    }

    /// The most a refund for the selected items can be, in minor units: their prices times
    /// their quantities, plus the order's delivery cost. A host's `refund` above it is ignored.
    pub fn refund_cap(&self) -> u64 {
        let order = &self.shared.context.order;
        order
            .items
            .iter()
            .filter(|item| self.selected.contains(&item.id))
            .fold(order.shipping_cost.unwrap_or(Money::ZERO), |sum, item| {
                sum.saturating_add(item.unit_price.saturating_mul(item.quantity))
            })
            .minor()
    }

    /// The engine's refund estimate for cancelling the selected items (every unit) for the
    /// chosen reason, under the policy: what the review shows, and the outcome when the host
    /// confirms no refund of its own. Decided here, like the return flow's preview, not at
    /// render time.
    pub fn estimate(&self) -> RefundEstimate {
        let lines: Vec<(&str, u32)> = chosen(&self.shared.context.assessment, &self.selected)
            .into_iter()
            .map(|item| (item.item_id.as_str(), item.quantity))
            .collect();
        refund_for(
            &self.shared.context.order,
            &self.shared.context.policy,
            &lines,
            self.reason.as_deref(),
            RefundKind::Cancellation,
        )
    }

    /// Records what an answer said about the items it covered (`sent`, their ids).
    fn record_outcome(&mut self, status: CancelStatus, sent: &[String]) {
        let outcome = match status {
            CancelStatus::Cancelled => ItemOutcome::Cancelled,
            CancelStatus::Requested => ItemOutcome::Requested,
            CancelStatus::Declined => return,
        };
        let mut outcomes = std::mem::take(&mut self.outcomes);
        outcomes.retain(|(id, _)| !sent.contains(id));
        outcomes.extend(sent.iter().map(|id| (id.clone(), outcome)));
        self.outcomes = in_item_order(&self.shared.context.assessment, &|id| {
            outcomes.iter().any(|(o, _)| o == id)
        })
        .into_iter()
        .filter_map(|id| outcomes.iter().find(|(o, _)| *o == id).cloned())
        .collect();
    }

    fn toggle(&mut self, item_id: &str) {
        let Some(item) = self
            .shared
            .context
            .assessment
            .items
            .iter()
            .find(|i| i.item_id == item_id)
        else {
            return;
        };
        if self.shared.step != Step::Select || item.cancel.verdict == CancelVerdict::NotAvailable {
            return;
        }
        let group: Vec<&str> = std::iter::once(item_id)
            .chain(item.cancel.bundle_items.iter().map(String::as_str))
            .filter(|id| self.selectable(id))
            .collect();
        let on = !self.selected.iter().any(|id| id == item_id);
        let keep = |id: &str| {
            if group.contains(&id) {
                on
            } else {
                self.selected.iter().any(|s| s == id)
            }
        };
        self.selected = in_item_order(&self.shared.context.assessment, &keep);
        self.problem = None;
    }

    fn choose_reason(&mut self, reason: String) {
        if self.reasons().options.iter().any(|o| o.id == reason) {
            self.reason = Some(reason);
            self.problem = None;
        }
    }

    /// Whether the chosen reason asks for a comment, and whether it must be filled in.
    pub fn comment_wanted(&self) -> (bool, bool) {
        let reasons = self.reasons();
        let shown = self
            .reason
            .as_ref()
            .is_some_and(|id| reasons.options.iter().any(|o| &o.id == id && o.comment));
        (shown, shown && reasons.required)
    }

    /// What stops Continue from the reason step: no reason where the policy requires one, or
    /// a blank comment where the reason requires one.
    fn reason_problem(&self) -> Option<Problem> {
        let (_, comment_required) = self.comment_wanted();
        match &self.reason {
            None if self.reasons().required => Some(Problem::NoReason),
            _ if comment_required && self.comment.trim().is_empty() => Some(Problem::NoComment),
            _ => None,
        }
    }

    fn submit(&mut self, now: Instant) {
        let retry = self.shared.send.failure.is_some();
        if self.shared.step == Step::Review
            && !self.shared.send.sending
            && !self.selected.is_empty()
            && (retry || self.shared.context.current_at(now))
        {
            self.shared.send.start();
        }
    }

    fn close(&mut self) {
        if self.shared.step == Step::Outcome {
            self.selected.clear();
            self.reason = None;
            self.comment.clear();
            self.shared.answer = None;
            self.go(Step::Overview);
        }
    }

    fn reassessed(&mut self, context: Rc<FlowContext>) {
        keep_unchanged(
            &mut self.outcomes,
            |(id, _)| id,
            &self.shared.context,
            &context,
        );
        self.shared.context = context;
        // The outcome (and the request under way) is about what was sent: keep its items.
        if self.shared.send.sending || self.shared.step == Step::Outcome {
            return;
        }
        if let Some(reason) = &self.reason {
            if !self.reasons().options.iter().any(|o| &o.id == reason) {
                self.reason = None;
            }
        }
        let selected = std::mem::take(&mut self.selected);
        self.selected = in_item_order(&self.shared.context.assessment, &|id| {
            selected.iter().any(|s| s == id) && self.selectable(id)
        });
        if self.selected.is_empty() && matches!(self.shared.step, Step::Reason | Step::Review) {
            self.go(Step::Select);
        }
    }

    /// The request "Request cancellation" sends: the same key for every retry of the same
    /// choices, a new one when the choices change.
    pub fn request(&self) -> Request {
        let assessment = &self.shared.context.assessment;
        let chosen = chosen(assessment, &self.selected);
        let comment = self.sent_comment();
        let mut key = IdempotencyKey::new(self.shared.context.key_seed);
        key.part(assessment.order_id.as_bytes());
        for item in &chosen {
            key.part(item.item_id.as_bytes());
            key.part(&item.quantity.to_le_bytes());
        }
        key.part(self.reason.as_deref().unwrap_or("").as_bytes());
        key.part(comment.unwrap_or("").as_bytes());
        let verdicts = chosen.iter().map(|item| RequestVerdict {
            cancel: Some(item.cancel.verdict),
            ..verdict(item, item.cancel.code.as_str())
        });
        Request {
            reason: self.reason.clone(),
            comment: comment.map(str::to_owned),
            ..request(
                RequestKind::Cancel,
                assessment,
                chosen.iter().map(|item| whole(item)).collect(),
                verdicts.collect(),
                &key,
            )
        }
    }
}

impl CancelFlow {
    /// The request under way and how to read its answer: a `refund` is checked against the
    /// most a refund for it can be.
    fn to_send(&self) -> Outgoing<CancelAnswer> {
        let refund_cap = self.refund_cap();
        Outgoing {
            request: self.request(),
            fields: CancelAnswer::FIELDS,
            read: Rc::new(move |tree, _| CancelAnswer::read(tree, refund_cap)),
        }
    }
}

stepped_flow!(CancelFlow);
request_flow!(
    CancelFlow,
    CancelAction,
    Step,
    CancelAnswer,
    RequestKind::Cancel
);

impl CancelFlow {
    /// The answer to the request of `sent` (its items' ids): what it says about them, then the
    /// outcome.
    fn took(&mut self, answer: &CancelAnswer, sent: &[String]) {
        self.record_outcome(answer.status, sent);
        self.go(Step::Outcome);
    }

    /// The reducer: every action (see [`request_flow!`] for the copy it changes).
    fn act(&mut self, action: CancelAction) {
        use CancelAction::{ChooseReason, EditComment, Toggle};
        // A changed choice is a new request: it starts clean.
        if matches!(action, Toggle(_) | ChooseReason(_) | EditComment(_)) {
            self.shared.send.changed();
        }
        match action {
            CancelAction::Start if self.can_start() => self.go(Step::Select),
            CancelAction::Start => {}
            CancelAction::Toggle(id) => self.toggle(&id),
            CancelAction::ChooseReason(id) => self.choose_reason(id),
            CancelAction::EditComment(text) => self.edit_comment(text),
            CancelAction::Continue => self.next(),
            CancelAction::Back => self.back(),
            CancelAction::Submit(now) => self.submit(now),
            CancelAction::Close => self.close(),
            CancelAction::Request(action) => self.on_request(action),
        }
    }
}

// Native: the tests read the sample orders with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
