//! The withdrawal flow (the EU consumer's statutory withdrawal, art. 11a of Directive
//! 2011/83/EU; in Germany § 356a BGB) as a reducer: "Withdraw from contract here" → the form
//! (the order number, the items, name and e-mail) → **Confirm withdrawal** → the store's receipt.
//! Pure (no DOM, no clock: the confirming click brings its instant), tested natively.
//!
//! What the law asks of it, and how it holds here:
//! - only what identifies the contract and the consumer is asked for (no reason, no comment);
//! - the declaration counts when it is sent: the deadline is checked once, at the confirming
//!   click ([`WithdrawalAction::Confirm`]), never again for that declaration — not when the
//!   store answers after the deadline, not on Try again (same `declared_at`, same key).

use std::rc::Rc;

use yew::Reducible;

use super::{describe_json, Fnv, Outgoing, RequestFlow, SendFailure};
use crate::engine::json::Json;
use crate::engine::{
    looks_like_an_email_address, Assessment, Customer, Instant, Order, Request, RequestItem,
    RequestKind, RequestVerdict, WithdrawalVerdict,
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

/// What is wrong with a field of the form, said next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// Required and blank.
    Missing,
    /// Not shaped like an e-mail address (`name@example.com`).
    NotAnEmail,
}

/// What the widget needs of the order to run the flow.
#[derive(Debug)]
pub struct WithdrawalContext {
    /// The order as the host gave it.
    pub order: Rc<Order>,
    /// Its assessment now; `withdrawal` decides whether a new declaration can be made.
    pub assessment: Rc<Assessment>,
    /// The customer the host gave with the order or the configuration (the order's wins), to
    /// pre-fill name and e-mail.
    pub customer: Option<Customer>,
    /// Mixed into idempotency keys so two page loads never share one.
    pub key_seed: u64,
}

/// Compared by pointer for the assessment and the order (never changed in place).
impl PartialEq for WithdrawalContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.order, &other.order)
            && self.customer == other.customer
            && self.key_seed == other.key_seed
    }
}

impl Eq for WithdrawalContext {}

impl WithdrawalContext {
    /// Whether a new declaration can be made now (the engine's verdict is `allowed`).
    pub fn allowed(&self) -> bool {
        self.assessment.withdrawal.verdict == WithdrawalVerdict::Allowed
    }
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
    /// Reads the host's answer from its JSON tree. A missing or unreadable `received_at` is an
    /// error (the store did not say it has the declaration); an `acknowledgement_to` that is not
    /// a string is ignored and described in [`Receipt::ignored`]; other fields are ignored.
    pub fn read(tree: &Json<'_>) -> Result<Receipt, String> {
        let Json::Object(fields) = tree else {
            return Err(format!(
                "expected an object {{received_at, acknowledgement_to?}}, found {}",
                describe_json(tree)
            ));
        };
        let get = |name: &str| {
            fields
                .iter()
                .rev()
                .find(|(key, _)| key == name)
                .map(|(_, v)| v)
        };
        let expected = "received_at: expected an RFC 3339 instant with an offset (e.g. \
                        \"2026-04-07T21:59:59Z\")";
        let received_at = match get("received_at") {
            Some(Json::Str(text)) => Instant::parse_rfc3339(text).map_err(|_| {
                format!(
                    "{expected}, found {}",
                    describe_json(&Json::Str(text.clone()))
                )
            })?,
            None | Some(Json::Null) => return Err(format!("{expected}, found nothing")),
            Some(other) => return Err(format!("{expected}, found {}", describe_json(other))),
        };
        let (acknowledgement_to, ignored) = match get("acknowledgement_to") {
            None | Some(Json::Null) => (None, None),
            Some(Json::Str(to)) if !to.trim().is_empty() => (Some(to.to_string()), None),
            Some(other) => (
                None,
                Some(format!(
                    "acknowledgement_to: expected an e-mail address (a string), found {}",
                    describe_json(other)
                )),
            ),
        };
        Ok(Receipt {
            received_at,
            acknowledgement_to,
            ignored,
        })
    }
}

/// The flow's state.
#[derive(Clone, Debug, PartialEq)]
pub struct WithdrawalFlow {
    pub step: WithdrawalStep,
    /// The items withdrawn from, in the order's item order (all covered items by default).
    pub selected: Vec<String>,
    pub name: String,
    pub email: String,
    /// Whether Confirm was pressed with a problem: from then on the problems are shown (and
    /// updated as the customer types), never before.
    pub checked: bool,
    /// How many times Confirm found a problem: focus moves to the first field with one.
    pub invalid_tries: u32,
    /// The instant of the confirming click of the declaration being sent (kept for Try again;
    /// a change to the form makes it a new declaration).
    pub declared_at: Option<Instant>,
    /// How many sends were started; the sender sends once per value.
    pub attempt: u32,
    pub sending: bool,
    pub failure: Option<SendFailure>,
    /// The store's receipt: shown as the outcome, then in the overview instead of the button.
    pub receipt: Option<Receipt>,
    /// How many times the step changed: focus moves to the step's heading on a change.
    pub step_changes: u32,
    pub context: Rc<WithdrawalContext>,
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
    /// The store's receipt for send number `.0` (an answer to an older send is ignored).
    Answered(u32, Receipt),
    /// Send number `.0` failed.
    Failed(u32, SendFailure),
    /// Back to the order from the form (everything typed is kept).
    Back,
    /// Leave the outcome for the order.
    Close,
    /// Time passed a boundary, or the host gave a new order, policy or customer.
    Reassessed(Rc<WithdrawalContext>),
}

impl WithdrawalFlow {
    pub fn new(context: Rc<WithdrawalContext>) -> WithdrawalFlow {
        let (name, email) = prefill(&context);
        WithdrawalFlow {
            step: WithdrawalStep::Overview,
            selected: context.assessment.withdrawal.items.clone(),
            name,
            email,
            checked: false,
            invalid_tries: 0,
            declared_at: None,
            attempt: 0,
            sending: false,
            failure: None,
            receipt: None,
            step_changes: 0,
            context,
        }
    }

    fn go(&mut self, step: WithdrawalStep) {
        if self.step != step {
            self.step = step;
            self.step_changes += 1;
        }
    }

    /// Whether the overview offers "Withdraw from contract here": the engine allows it and no
    /// withdrawal of this order was received yet.
    pub fn can_open(&self) -> bool {
        self.context.allowed() && self.receipt.is_none()
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

    /// A change to the form: what is sent next is a new declaration, made at its own click.
    fn edited(&mut self) {
        if !self.sending {
            self.declared_at = None;
            self.failure = None;
        }
    }

    fn toggle(&mut self, item_id: &str) {
        let covered = &self.context.assessment.withdrawal.items;
        if self.step != WithdrawalStep::Form
            || self.sending
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

    fn confirm(&mut self, now: Instant) {
        if self.step != WithdrawalStep::Form || self.sending {
            return;
        }
        if self.declared_at.is_none() {
            // A new declaration: the period is checked now, at the click, and never again.
            if !self.context.allowed() {
                return;
            }
            if !self.valid() {
                self.checked = true;
                self.invalid_tries += 1;
                return;
            }
            self.declared_at = Some(now);
        }
        self.sending = true;
        self.failure = None;
        self.attempt += 1;
    }

    fn is_waiting_for(&self, attempt: u32) -> bool {
        self.sending && self.attempt == attempt
    }

    fn reassessed(&mut self, context: Rc<WithdrawalContext>) {
        let customer_changed = self.context.customer != context.customer;
        let covered_changed =
            self.context.assessment.withdrawal.items != context.assessment.withdrawal.items;
        let (old_name, old_email) = prefill(&self.context);
        self.context = context;
        // What was sent, and its receipt, are about that declaration: keep them.
        if self.sending || self.step == WithdrawalStep::Outcome {
            return;
        }
        if customer_changed {
            // The host's new details replace only what the customer has not typed over.
            let (name, email) = prefill(&self.context);
            if self.name == old_name {
                self.name = name;
            }
            if self.email == old_email {
                self.email = email;
            }
        }
        if covered_changed {
            let covered = &self.context.assessment.withdrawal.items;
            self.selected = if self.step == WithdrawalStep::Form {
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

    /// The request Confirm withdrawal sends: the common request shape with `kind:
    /// "withdrawal"`, the items, `declared_at` and the customer. The same key for every retry
    /// of the same declaration (`declared_at` is not in it: a retry keeps it anyway).
    pub fn request(&self) -> Request {
        let assessment = &self.context.assessment;
        let chosen: Vec<_> = assessment
            .items
            .iter()
            .filter(|item| self.selected.contains(&item.item_id))
            .collect();
        let customer = Customer {
            name: self.name.trim().to_owned(),
            email: self.email.trim().to_owned(),
        };
        let mut key = Fnv::new(self.context.key_seed);
        key.write(b"withdrawal");
        key.write(assessment.order_id.as_bytes());
        for item in &chosen {
            key.write(item.item_id.as_bytes());
        }
        key.write(customer.name.as_bytes());
        key.write(customer.email.as_bytes());
        Request {
            kind: RequestKind::Withdrawal,
            order_id: assessment.order_id.clone(),
            items: chosen
                .iter()
                .map(|item| RequestItem {
                    item_id: item.item_id.clone(),
                    quantity: item.quantity,
                })
                .collect(),
            assessed_at: assessment.at.instant,
            // The order's withdrawal verdict, as the customer saw it, for each item withdrawn
            // from (so the store can tell what changed since).
            verdicts: chosen
                .iter()
                .map(|item| RequestVerdict {
                    item_id: item.item_id.clone(),
                    cancel: None,
                    r#return: None,
                    withdrawal: Some(assessment.withdrawal.verdict),
                    code: assessment.withdrawal.code.as_str().to_owned(),
                })
                .collect(),
            reason: None,
            comment: None,
            idempotency_key: Some(key.idempotency_key()),
            lines: None,
            declared_at: self.declared_at,
            customer: Some(customer),
        }
    }
}

/// The name and e-mail to start the form with: the host's customer, else blank.
fn prefill(context: &WithdrawalContext) -> (String, String) {
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

impl Reducible for WithdrawalFlow {
    type Action = WithdrawalAction;

    fn reduce(self: Rc<Self>, action: WithdrawalAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            WithdrawalAction::Open if next.can_open() && next.step == WithdrawalStep::Overview => {
                next.go(WithdrawalStep::Form)
            }
            WithdrawalAction::Open => {}
            WithdrawalAction::Toggle(id) => next.toggle(&id),
            WithdrawalAction::EditName(text) if !next.sending => {
                next.name = text.chars().take(MAX_NAME_CHARS).collect();
                next.edited();
            }
            WithdrawalAction::EditEmail(text) if !next.sending => {
                next.email = text.chars().take(MAX_EMAIL_CHARS).collect();
                next.edited();
            }
            WithdrawalAction::EditName(_) | WithdrawalAction::EditEmail(_) => {}
            WithdrawalAction::Confirm(now) => next.confirm(now),
            WithdrawalAction::Answered(attempt, receipt) if next.is_waiting_for(attempt) => {
                next.sending = false;
                next.receipt = Some(receipt);
                next.go(WithdrawalStep::Outcome);
            }
            WithdrawalAction::Failed(attempt, failure) if next.is_waiting_for(attempt) => {
                next.sending = false;
                next.failure = Some(failure);
            }
            WithdrawalAction::Answered(..) | WithdrawalAction::Failed(..) => {}
            WithdrawalAction::Back if next.step == WithdrawalStep::Form && !next.sending => {
                next.go(WithdrawalStep::Overview)
            }
            WithdrawalAction::Back => {}
            WithdrawalAction::Close if next.step == WithdrawalStep::Outcome => {
                next.go(WithdrawalStep::Overview)
            }
            WithdrawalAction::Close => {}
            WithdrawalAction::Reassessed(context) => next.reassessed(context),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl RequestFlow for WithdrawalFlow {
    type Answer = Receipt;

    fn attempt(&self) -> u32 {
        self.attempt
    }

    fn outgoing(&self) -> Option<Outgoing<Receipt>> {
        (self.sending && self.attempt > 0).then(|| Outgoing {
            request: self.request(),
            fields: &["received_at", "acknowledgement_to"],
            read: Rc::new(Receipt::read),
        })
    }

    fn ignored(receipt: &Receipt) -> Option<&str> {
        receipt.ignored.as_deref()
    }

    fn answered(attempt: u32, receipt: Receipt) -> WithdrawalAction {
        WithdrawalAction::Answered(attempt, receipt)
    }

    fn failed(attempt: u32, failure: SendFailure) -> WithdrawalAction {
        WithdrawalAction::Failed(attempt, failure)
    }
}

// Native: the tests read the sample orders with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
