//! The withdrawal flow (the EU consumer's statutory withdrawal, art. 11a of Directive
//! 2011/83/EU; in Germany § 356a BGB) as a reducer: "Withdraw from contract here" → the form
//! (the order number, the items, name and e-mail) → **Confirm withdrawal** → the store's receipt.
//! Pure (no DOM, no clock: the confirming click brings its instant), tested natively
//! (`withdrawal/tests.rs`). Sending is [`super::request`]'s.
//!
//! What the law asks of it, and how it holds here:
//! - only what identifies the contract and the consumer is asked for (no reason, no comment);
//! - the declaration counts when it is sent (art. 11a(5)): the deadline is checked at the
//!   confirming click ([`WithdrawalAction::Confirm`]), against the instant of that click (not
//!   an assessment made earlier), and never again for that declaration — not when the store
//!   answers after the deadline, and not when it is sent again (Try again, or after a
//!   corrected field): a resend keeps the first `declared_at` while the store's server would
//!   still take it (`withdrawal.max_delay_seconds` after it, which `verify` accepts). After
//!   that, past the deadline, the form says when it was confirmed and keeps the store's
//!   contact address on screen.

use std::rc::Rc;

use super::request::{
    chosen, request, request_flow, verdict, whole, wrong, AnswerFields, FlowStep, IdempotencyKey,
    Outgoing, RequestAction, RequestFlow, RequestState,
};
use super::FlowContext;
use crate::engine::json::Json;
use crate::engine::{
    looks_like_an_email_address, Customer, Instant, ItemAssessment, Request, RequestItem,
    RequestKind, RequestVerdict, CLOCK_SKEW_SECONDS,
};

/// The longest name kept (a display name; the engine takes 2,000 characters per string).
pub const MAX_NAME_CHARS: usize = 200;
/// The longest e-mail address kept (RFC 5321's limit for a path: 254 characters).
pub const MAX_EMAIL_CHARS: usize = 254;

/// Where the customer is in the withdrawal flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WithdrawalStep {
    /// The order overview (with the "Withdraw from contract here" button while allowed).
    Overview,
    /// The form: order number, items, name, e-mail, then Confirm withdrawal.
    Form,
    /// The store's receipt.
    Outcome,
}

impl FlowStep for WithdrawalStep {
    /// Back from the form goes to the order (everything typed is kept).
    fn before(self) -> Option<WithdrawalStep> {
        (self == WithdrawalStep::Form).then_some(WithdrawalStep::Overview)
    }
}

/// What is wrong with a field of the form, said next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// Required and blank.
    Missing,
    /// Not shaped like an e-mail address (`name@example.com`).
    NotAnEmail,
}

/// The store's receipt of a withdrawal: `{received_at, acknowledgement_to?}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// When the store received the declaration.
    pub received_at: Instant,
    /// Where the store sent its acknowledgement (on a durable medium: an e-mail address).
    pub acknowledgement_to: Option<String>,
    /// An optional field that was wrong and ignored, for the `answer_malformed` event.
    pub ignored: Option<String>,
}

impl Receipt {
    /// The answer's fields the widget reads.
    pub const FIELDS: &'static [&'static str] = &["received_at", "acknowledgement_to"];

    /// Reads the host's answer from its JSON tree, for an order placed at `placed_at`, at the
    /// widget's clock's `now`. A missing or unreadable `received_at` is an error (the store did
    /// not say it has the declaration), and so is one before the order was placed or more than
    /// [`CLOCK_SKEW_SECONDS`] (five minutes) after `now` (the tolerance `verify` gives two
    /// clocks): not a receipt of this declaration. An `acknowledgement_to` that is not a
    /// string, or is longer than an order's strings may be, is ignored and described in
    /// [`Receipt::ignored`]; a blank one is no address; other fields are ignored.
    pub fn read(tree: &Json<'_>, placed_at: Instant, now: Instant) -> Result<Receipt, String> {
        let mut fields = AnswerFields::of(tree, "{received_at, acknowledgement_to?}")?;
        let found = fields.get("received_at");
        let latest = now.saturating_add_seconds(i64::from(CLOCK_SKEW_SECONDS));
        let expected = "an RFC 3339 instant with an offset (e.g. \"2026-04-07T21:59:59Z\") from \
                        the order's placed_at to five minutes after the widget's clock";
        let received_at = match found {
            Some(Json::Str(text)) => Instant::parse_rfc3339(text).ok(),
            _ => None,
        }
        .filter(|at| (placed_at..=latest).contains(at))
        .ok_or_else(|| wrong("received_at", expected, found))?;
        let expected = "an e-mail address (a string of at most 2000 characters)";
        let acknowledgement_to = fields
            .text_of("acknowledgement_to", expected)
            .filter(|to| !to.trim().is_empty());
        Ok(Receipt {
            received_at,
            acknowledgement_to,
            ignored: fields.ignored(),
        })
    }
}

/// The flow's state.
#[derive(Clone, Debug, PartialEq)]
pub struct WithdrawalFlow {
    /// What every flow carries: its step; the declaration being sent, or why sending it failed
    /// (Try again sends it again); the store's receipt as its answer (shown as the outcome, then
    /// in the overview instead of the button); the context.
    pub shared: RequestState<WithdrawalStep, Receipt>,
    /// The items withdrawn from, in the order's item order (all covered items by default).
    pub selected: Vec<String>,
    pub name: String,
    pub email: String,
    /// Whether Confirm was pressed with a problem: from then on the problems are shown (and
    /// updated as the customer types), never before.
    pub checked: bool,
    /// How many times Confirm found a problem: focus moves to the first field with one.
    pub invalid_tries: u32,
    /// The instant of the first confirming click made in time, of the declaration being sent
    /// or not yet received: kept for a resend (Try again, or after a corrected field) within
    /// the policy's `withdrawal.max_delay_seconds` of it.
    pub declared_at: Option<Instant>,
    /// A resend was refused: the period ended and the first click is more than
    /// `max_delay_seconds` ago (the form then says when it was confirmed, and where to write).
    pub too_late: bool,
}

/// What the customer (or the host, or time) did.
#[derive(Clone, Debug, PartialEq)]
pub enum WithdrawalAction {
    /// "Withdraw from contract here".
    Open,
    /// An item's checkbox.
    Toggle(String),
    EditName(String),
    EditEmail(String),
    /// "Confirm withdrawal" (and "Try again"), at the widget's clock's instant.
    Confirm(Instant),
    /// Back to the order from the form (everything typed is kept).
    Back,
    /// Leave the outcome for the order.
    Close,
    /// The store's receipt (for the send under way), a failure, or a new context: as every
    /// flow takes them.
    Request(RequestAction<Receipt>),
}

impl WithdrawalFlow {
    pub fn new(context: Rc<FlowContext>) -> WithdrawalFlow {
        let (name, email) = prefill(&context);
        WithdrawalFlow {
            selected: context.assessment.withdrawal.items.clone(),
            name,
            email,
            checked: false,
            invalid_tries: 0,
            declared_at: None,
            too_late: false,
            shared: RequestState::new(WithdrawalStep::Overview, context),
        }
    }

    /// Nothing belongs to one step: what was typed is kept for the next visit to the form.
    fn left_step(&mut self) {}

    /// Whether a new declaration can be made now (the engine's verdict is `allowed`).
    pub fn allowed(&self) -> bool {
        self.shared.context.withdrawal_allowed()
    }

    /// Whether a new declaration made at `now` is in time: the engine allows it and `now` is
    /// not past the deadline (the clock may have jumped since the assessment).
    pub fn allowed_at(&self, now: Instant) -> bool {
        let decision = &self.shared.context.assessment.withdrawal;
        self.allowed()
            && decision
                .deadline
                .is_none_or(|deadline| now <= deadline.instant)
    }

    /// Whether the overview offers "Withdraw from contract here": the engine allows it and no
    /// withdrawal of this order was received yet.
    pub fn can_open(&self) -> bool {
        self.allowed() && self.shared.answer.is_none()
    }

    /// What is wrong with the name, if anything.
    pub fn name_problem(&self) -> Option<FieldProblem> {
        self.name.trim().is_empty().then_some(FieldProblem::Missing)
    }

    /// What is wrong with the e-mail address, if anything.
    pub fn email_problem(&self) -> Option<FieldProblem> {
        let email = self.email.trim();
        if email.is_empty() {
            Some(FieldProblem::Missing)
        } else if !looks_like_an_email_address(email) {
            Some(FieldProblem::NotAnEmail)
        } else {
            None
        }
    }

    /// Whether no item is selected.
    pub fn no_items(&self) -> bool {
        self.selected.is_empty()
    }

    fn valid(&self) -> bool {
        self.name_problem().is_none() && self.email_problem().is_none() && !self.no_items()
    }

    /// A change to the form: what is sent next is a new request (a new key), so the last one's
    /// failure no longer applies; a declaration already confirmed keeps its time (see
    /// [`WithdrawalFlow::confirm`]).
    fn edited(&mut self) {
        self.shared.send.changed();
    }

    fn toggle(&mut self, item_id: &str) {
        let covered = &self.shared.context.assessment.withdrawal.items;
        if self.shared.step != WithdrawalStep::Form
            || self.shared.send.sending
            || !covered.iter().any(|id| id == item_id)
        {
            return;
        }
        let on = !self.selected.iter().any(|id| id == item_id);
        self.selected = covered
            .iter()
            .filter(|id| {
                if id.as_str() == item_id {
                    on
                } else {
                    self.selected.contains(id)
                }
            })
            .cloned()
            .collect();
        self.edited();
    }

    /// Confirm withdrawal (or Try again) at `now`. A declaration first confirmed in time is
    /// sent again with that first instant while the store's server would still take it
    /// (`max_delay_seconds` after it); otherwise it is a new declaration, checked against the
    /// deadline at `now`, and refused past it.
    fn confirm(&mut self, now: Instant) {
        if self.shared.step != WithdrawalStep::Form || self.shared.send.sending {
            return;
        }
        if !self.valid() {
            self.checked = true;
            self.invalid_tries += 1;
            return;
        }
        let delay = i64::from(self.shared.context.policy.withdrawal.max_delay_seconds);
        let kept = self
            .declared_at
            .filter(|&first| now <= first.saturating_add_seconds(delay));
        match kept {
            Some(_) => {}
            None if self.allowed_at(now) => self.declared_at = Some(now),
            None => {
                self.too_late = true;
                return;
            }
        }
        self.shared.send.start();
    }

    fn reassessed(&mut self, context: Rc<FlowContext>) {
        let before = std::mem::replace(&mut self.shared.context, context);
        let customer_changed = before.customer != self.shared.context.customer;
        let covered_changed =
            before.assessment.withdrawal.items != self.shared.context.assessment.withdrawal.items;
        let (old_name, old_email) = prefill(&before);
        // What was sent, and its receipt, are about that declaration: keep them.
        if self.shared.send.sending || self.shared.step == WithdrawalStep::Outcome {
            return;
        }
        if customer_changed {
            // The host's new details replace only what the customer has not typed over.
            let (name, email) = prefill(&self.shared.context);
            if self.name == old_name {
                self.name = name;
            }
            if self.email == old_email {
                self.email = email;
            }
        }
        if covered_changed {
            let covered = &self.shared.context.assessment.withdrawal.items;
            self.selected = if self.shared.step == WithdrawalStep::Form {
                covered
                    .iter()
                    .filter(|id| self.selected.contains(id))
                    .cloned()
                    .collect()
            } else {
                covered.clone()
            };
            self.edited();
        }
    }

    /// An item withdrawn from, with its units the order does not record as withdrawn already
    /// (`withdrawal_received_at`, `withdrawn_quantity`): a second withdrawal names only those.
    fn unwithdrawn(&self, item: &ItemAssessment) -> RequestItem {
        let order = &self.shared.context.order;
        let withdrawn = order
            .items
            .iter()
            .find(|i| i.id == item.item_id)
            .map_or(0, |i| i.withdrawn_units());
        RequestItem {
            quantity: item.quantity.saturating_sub(withdrawn),
            ..whole(item)
        }
    }

    /// The request Confirm withdrawal sends: the common request shape with `kind:
    /// "withdrawal"`, the items, `declared_at` and the customer. The same key for every retry
    /// of the same declaration (`declared_at` is not in it: a retry keeps it anyway).
    pub fn request(&self) -> Request {
        let assessment = &self.shared.context.assessment;
        let chosen = chosen(assessment, &self.selected);
        let customer = Customer {
            name: self.name.trim().to_owned(),
            email: self.email.trim().to_owned(),
            country: None,
        };
        let mut key = IdempotencyKey::new(self.shared.context.key_seed);
        key.part(b"withdrawal");
        key.part(assessment.order_id.as_bytes());
        for item in &chosen {
            key.part(item.item_id.as_bytes());
        }
        key.part(customer.name.as_bytes());
        key.part(customer.email.as_bytes());
        // The order's withdrawal verdict, as the customer saw it, for each item withdrawn from
        // (so the store can tell what changed since).
        let decision = &assessment.withdrawal;
        let verdicts = chosen.iter().map(|item| RequestVerdict {
            withdrawal: Some(decision.verdict),
            ..verdict(item, decision.code.as_str())
        });
        Request {
            declared_at: self.declared_at,
            customer: Some(customer),
            ..request(
                RequestKind::Withdrawal,
                assessment,
                chosen.iter().map(|item| self.unwithdrawn(item)).collect(),
                verdicts.collect(),
                &key,
            )
        }
    }
}

/// The name and e-mail to start the form with: the host's customer, else blank.
fn prefill(context: &FlowContext) -> (String, String) {
    context
        .customer
        .as_ref()
        .map_or_else(Default::default, |c| {
            (
                c.name.chars().take(MAX_NAME_CHARS).collect(),
                c.email.chars().take(MAX_EMAIL_CHARS).collect(),
            )
        })
}

impl WithdrawalFlow {
    /// The store's receipt for the declaration of `sent` (its items' ids; the one under way,
    /// or one given up on): the outcome, with those items (unless a corrected declaration is
    /// under way: its receipt follows).
    fn took(&mut self, _receipt: &Receipt, sent: &[String]) {
        if !self.shared.send.sending {
            self.selected = sent.to_vec();
        }
        self.go(WithdrawalStep::Outcome);
    }

    /// The reducer: every action (see [`request_flow!`] for the copy it changes).
    fn act(&mut self, action: WithdrawalAction) {
        let sending = self.shared.send.sending;
        match action {
            WithdrawalAction::Open
                if self.can_open() && self.shared.step == WithdrawalStep::Overview =>
            {
                self.go(WithdrawalStep::Form)
            }
            WithdrawalAction::Open => {}
            WithdrawalAction::Toggle(id) => self.toggle(&id),
            WithdrawalAction::EditName(text) if !sending => {
                self.name = text.chars().take(MAX_NAME_CHARS).collect();
                self.edited();
            }
            WithdrawalAction::EditEmail(text) if !sending => {
                self.email = text.chars().take(MAX_EMAIL_CHARS).collect();
                self.edited();
            }
            WithdrawalAction::EditName(_) | WithdrawalAction::EditEmail(_) => {}
            WithdrawalAction::Confirm(now) => self.confirm(now),
            WithdrawalAction::Back => self.back(),
            WithdrawalAction::Close if self.shared.step == WithdrawalStep::Outcome => {
                self.go(WithdrawalStep::Overview)
            }
            WithdrawalAction::Close => {}
            WithdrawalAction::Request(action) => self.on_request(action),
        }
    }
}

impl WithdrawalFlow {
    /// The declaration under way and how to read the store's receipt.
    fn to_send(&self) -> Outgoing<Receipt> {
        let placed_at = self.shared.context.order.placed_at;
        Outgoing {
            request: self.request(),
            fields: Receipt::FIELDS,
            read: Rc::new(move |tree, now| Receipt::read(tree, placed_at, now)),
        }
    }
}

request_flow!(
    WithdrawalFlow,
    WithdrawalAction,
    WithdrawalStep,
    Receipt,
    RequestKind::Withdrawal
);

// Native: the tests read the sample orders with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
