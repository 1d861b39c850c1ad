//! The cancel flow as a reducer: Cancel items → select items → choose a reason → review →
//! Request cancellation → the host's answer. Pure (no DOM, no clock), tested natively; the
//! components only render a [`Flow`] and dispatch [`Action`]s.

use std::rc::Rc;

use yew::Reducible;

use crate::engine::json::Json;
use crate::engine::{
    Assessment, CancelVerdict, CancellationReasons, Order, Request, RequestItem, RequestKind,
    RequestVerdict,
};

pub mod withdrawal;

/// Where the customer is in the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The order with each item's best next step.
    Overview,
    /// Step 1 of 3: select the items.
    Select,
    /// Step 2 of 3: choose a reason.
    Reason,
    /// Step 3 of 3: review, then Request cancellation.
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
}

/// The host's answer to a cancellation request, as the widget takes it: `status` decides;
/// fields the widget does not know are ignored (back ends add their own, e.g. an id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostAnswer {
    pub status: AnswerStatus,
    /// The host's own words for the customer (shown as text, isolated).
    pub message: Option<String>,
    /// The refund the host confirms, in ISO 4217 minor units of the order's currency (else the
    /// widget's estimate is shown). Always within [`Flow::refund_cap`].
    pub refund: Option<u64>,
    /// What was wrong with the answer's optional fields and was ignored (a `refund` out of
    /// range, say), for the `answer_malformed` error event; the answer itself still counts.
    pub ignored: Option<String>,
}

/// The statuses a host may answer with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerStatus {
    /// The store cancelled the items.
    Cancelled,
    /// The store took the request; someone (the seller, the warehouse) still has to act.
    Requested,
    /// The store will not cancel them.
    Declined,
}

impl HostAnswer {
    /// Reads the host's answer `{status, message?, refund?}` from its JSON tree.
    ///
    /// Only a missing or unknown `status` (or an answer that is not an object) is an error
    /// (the text says what was found). A `message` that is not a string, or a `refund` that is
    /// not a whole number of minor units from 0 to `refund_cap`, is left out and described in
    /// [`HostAnswer::ignored`]; every other field is ignored.
    pub fn read(tree: &Json<'_>, refund_cap: u64) -> Result<HostAnswer, String> {
        let Json::Object(fields) = tree else {
            return Err(format!(
                "expected an object {{status, message?, refund?}}, found {}",
                describe_json(tree)
            ));
        };
        // The last of duplicated keys wins, as in `JSON.parse`.
        let get = |name: &str| {
            fields
                .iter()
                .rev()
                .find(|(key, _)| key == name)
                .map(|(_, v)| v)
        };
        let status =
            match get("status") {
                Some(Json::Str(s)) if s == "cancelled" => AnswerStatus::Cancelled,
                Some(Json::Str(s)) if s == "requested" => AnswerStatus::Requested,
                Some(Json::Str(s)) if s == "declined" => AnswerStatus::Declined,
                None | Some(Json::Null) => return Err(
                    "status: expected \"cancelled\", \"requested\" or \"declined\", found nothing"
                        .to_owned(),
                ),
                Some(other) => {
                    return Err(format!(
                        "status: expected \"cancelled\", \"requested\" or \"declined\", found {}",
                        describe_json(other)
                    ))
                }
            };
        let mut ignored = Vec::new();
        let message = match get("message") {
            None | Some(Json::Null) => None,
            Some(Json::Str(text)) => Some(text.to_string()),
            Some(other) => {
                ignored.push(format!(
                    "message: expected a string, found {}",
                    describe_json(other)
                ));
                None
            }
        };
        let refund = match get("refund") {
            None | Some(Json::Null) => None,
            Some(Json::UInt(minor)) if *minor <= refund_cap => Some(*minor),
            Some(other) => {
                ignored.push(format!(
                    "refund: expected a whole number of minor units from 0 to {refund_cap} (the \
                     request's items plus delivery), found {}; the widget's estimate is shown",
                    describe_json(other)
                ));
                None
            }
        };
        Ok(HostAnswer {
            status,
            message,
            refund,
            ignored: (!ignored.is_empty()).then(|| ignored.join("; ")),
        })
    }
}

/// A found value for an error message, as JSON would write it (long strings cut short).
fn describe_json(value: &Json<'_>) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Int(n) => n.to_string(),
        Json::UInt(n) => n.to_string(),
        Json::Float(_, text) => text.to_string(),
        Json::Str(s) if s.chars().count() > 40 => {
            format!(
                "{:?}",
                format!("{}…", s.chars().take(40).collect::<String>())
            )
        }
        Json::Str(s) => format!("{s:?}"),
        Json::Array(_) => "an array".to_owned(),
        Json::Object(_) => "an object".to_owned(),
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

/// Why a request got no usable answer; the customer can try again with everything kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendFailure {
    /// No answer within the configured time.
    Timeout,
    /// The host's promise was rejected (its message).
    Rejected(String),
    /// The host answered, but without a valid `status` (what was wrong): the request may or
    /// may not have been taken.
    Malformed(String),
    /// The page gave the widget no way to send requests.
    NoHost,
}

impl SendFailure {
    /// A stable machine-readable code, for the host's `order-help-error` event.
    pub fn code(&self) -> &'static str {
        match self {
            SendFailure::Timeout => "request_timeout",
            SendFailure::Rejected(_) => "request_rejected",
            SendFailure::Malformed(_) => "answer_malformed",
            SendFailure::NoHost => "no_request_handler",
        }
    }

    /// A plain sentence for the host's logs, naming the kind of request (the customer sees
    /// the catalogue's words).
    pub fn detail(&self, kind: RequestKind) -> String {
        let noun = match kind {
            RequestKind::Cancel => "cancellation request",
            RequestKind::Return => "return request",
            RequestKind::Withdrawal => "withdrawal",
        };
        match self {
            SendFailure::Timeout => format!("the host did not answer the {noun} in time"),
            SendFailure::Rejected(why) => format!("the host rejected the {noun}: {why}"),
            SendFailure::Malformed(why) => {
                format!("the host's answer to the {noun} has no valid status: {why}")
            }
            SendFailure::NoHost => format!("the page has no handler for a {noun}"),
        }
    }
}

/// A reducer that hands the host one request per attempt: what `use_request_sender` needs to
/// send any kind of request (cancel, return, withdrawal) under the one host contract — the
/// request, how to read the answer, and the actions that bring the answer or the failure back.
pub trait RequestFlow: Reducible + 'static {
    /// The host's answer as this flow takes it.
    type Answer: 'static;
    /// How many requests were started; the sender sends once per value (0: none yet).
    fn attempt(&self) -> u32;
    /// While a request is under way: what to send for the current attempt, and how to read
    /// the answer. Built once per attempt, so a retry sends the same idempotency key.
    fn outgoing(&self) -> Option<Outgoing<Self::Answer>>;
    /// What of an answer had to be ignored (a bad optional field), for `answer_malformed`.
    fn ignored(answer: &Self::Answer) -> Option<&str>;
    /// The host answered request number `attempt`.
    fn answered(attempt: u32, answer: Self::Answer) -> Self::Action;
    /// Request number `attempt` failed.
    fn failed(attempt: u32, failure: SendFailure) -> Self::Action;
}

/// Reads a host's answer from its JSON tree; `Err` says why it has no valid status.
pub type AnswerReader<A> = dyn Fn(&Json<'_>) -> Result<A, String>;

/// A request to send, and how to read its answer.
pub struct Outgoing<A> {
    /// The request, in the engine's one shape ([`Request`]): what a store's server reads back.
    pub request: Request,
    /// The answer's fields the reader looks at; every other field is left unread, so whatever
    /// a back end adds (ids, nested objects, values JSON cannot hold) cannot spoil the answer.
    pub fields: &'static [&'static str],
    /// Reads the answer (those fields, as a JSON tree); `Err` says why it has no valid status.
    pub read: Rc<AnswerReader<A>>,
}

/// What the reducer needs to know about the order: its assessment and the reasons offered.
#[derive(Debug)]
pub struct FlowContext {
    /// The order as the host gave it: a different `Rc` is a new order from the host, which
    /// replaces what earlier answers said about its items.
    pub order: Rc<Order>,
    pub assessment: Rc<Assessment>,
    pub reasons: CancellationReasons,
    /// Mixed into idempotency keys so two page loads never share one.
    pub key_seed: u64,
}

/// Two contexts are the same when they hold the same assessment (compared by pointer: an
/// assessment is never changed in place), so every action's "did anything change?" is cheap.
impl PartialEq for FlowContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.order, &other.order)
            && self.reasons == other.reasons
            && self.key_seed == other.key_seed
    }
}

/// `Eq`, so comparing the flow's `Rc<FlowContext>` (on every action) starts with a pointer
/// comparison.
impl Eq for FlowContext {}

/// The flow's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub step: Step,
    /// Selected item ids, in the order's item order.
    pub selected: Vec<String>,
    pub reason: Option<String>,
    pub comment: String,
    pub problem: Option<Problem>,
    /// How many requests were started; the sender sends once per value.
    pub attempt: u32,
    pub sending: bool,
    pub failure: Option<SendFailure>,
    pub answer: Option<HostAnswer>,
    /// What the store's answers said about items (cancelled, requested), in the order's item
    /// order, until the host gives a new order: those items are shown so and not offered again.
    pub outcomes: Vec<(String, ItemOutcome)>,
    /// How many times the step changed: focus moves to a step's heading on a change, never on
    /// the first render.
    pub step_changes: u32,
    pub context: Rc<FlowContext>,
}

/// What the customer (or the host) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// "Cancel items".
    Start,
    /// A checkbox: selects or unselects the item and its bundle.
    Toggle(String),
    ChooseReason(String),
    EditComment(String),
    Continue,
    Back,
    /// "Request cancellation" (and "Try again").
    Submit,
    /// The host's answer to request number `.0` (an answer to an older attempt is ignored).
    Answered(u32, HostAnswer),
    /// Request number `.0` failed.
    Failed(u32, SendFailure),
    /// Leave the outcome for the order.
    Close,
    /// Time passed a decision's boundary, or the host gave a new order or policy.
    Reassessed(Rc<FlowContext>),
}

/// Longest comment kept (the field says so too).
pub const MAX_COMMENT_CHARS: usize = 500;

impl Flow {
    pub fn new(context: Rc<FlowContext>) -> Flow {
        Flow {
            step: Step::Overview,
            selected: Vec::new(),
            reason: None,
            comment: String::new(),
            problem: None,
            attempt: 0,
            sending: false,
            failure: None,
            answer: None,
            outcomes: Vec::new(),
            step_changes: 0,
            context,
        }
    }

    fn go(&mut self, step: Step) {
        if self.step != step {
            self.step = step;
            self.step_changes += 1;
            self.problem = None;
        }
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
            && self.context.assessment.items.iter().any(|item| {
                item.item_id == item_id && item.cancel.verdict != CancelVerdict::NotAvailable
            })
    }

    /// Whether any item can be cancelled or requested ("Cancel items" is shown).
    pub fn can_start(&self) -> bool {
        self.context.assessment.items.iter().any(|item| {
            item.cancel.verdict != CancelVerdict::NotAvailable
                && self.outcome(&item.item_id).is_none()
        })
    }

    /// The most a refund for the selected items can be, in minor units: their prices times
    /// their quantities, plus the order's delivery cost. A host's `refund` above it is ignored.
    pub fn refund_cap(&self) -> u64 {
        let order = &self.context.order;
        order
            .items
            .iter()
            .filter(|item| self.selected.contains(&item.id))
            .fold(
                order.shipping_cost.unwrap_or(crate::engine::Money::ZERO),
                |sum, item| sum.saturating_add(item.unit_price.saturating_mul(item.quantity)),
            )
            .minor()
    }

    /// Records what an answer said about the selected items.
    fn record_outcome(&mut self, status: AnswerStatus) {
        let outcome = match status {
            AnswerStatus::Cancelled => ItemOutcome::Cancelled,
            AnswerStatus::Requested => ItemOutcome::Requested,
            AnswerStatus::Declined => return,
        };
        let mut outcomes = std::mem::take(&mut self.outcomes);
        outcomes.retain(|(id, _)| !self.selected.contains(id));
        outcomes.extend(self.selected.iter().map(|id| (id.clone(), outcome)));
        self.outcomes = self
            .in_item_order(|id| outcomes.iter().any(|(o, _)| o == id))
            .into_iter()
            .filter_map(|id| outcomes.iter().find(|(o, _)| *o == id).cloned())
            .collect();
    }

    fn toggle(&mut self, item_id: &str) {
        let Some(item) = self
            .context
            .assessment
            .items
            .iter()
            .find(|i| i.item_id == item_id)
        else {
            return;
        };
        if self.step != Step::Select || item.cancel.verdict == CancelVerdict::NotAvailable {
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
        self.selected = self.in_item_order(keep);
        self.problem = None;
    }

    /// The ids for which `keep` holds, in the order's item order.
    fn in_item_order(&self, keep: impl Fn(&str) -> bool) -> Vec<String> {
        self.context
            .assessment
            .items
            .iter()
            .map(|item| item.item_id.as_str())
            .filter(|id| keep(id))
            .map(str::to_owned)
            .collect()
    }

    fn choose_reason(&mut self, reason: String) {
        if self.context.reasons.options.iter().any(|o| o.id == reason) {
            self.reason = Some(reason);
            self.problem = None;
        }
    }

    /// Whether the chosen reason asks for a comment, and whether it must be filled in.
    pub fn comment_wanted(&self) -> (bool, bool) {
        let shown = self.reason.as_ref().is_some_and(|id| {
            self.context
                .reasons
                .options
                .iter()
                .any(|o| &o.id == id && o.comment)
        });
        (shown, shown && self.context.reasons.required)
    }

    fn next(&mut self) {
        match self.step {
            Step::Select if self.selected.is_empty() => self.problem = Some(Problem::NoItems),
            Step::Select => self.go(Step::Reason),
            Step::Reason if self.reason.is_none() && self.context.reasons.required => {
                self.problem = Some(Problem::NoReason)
            }
            Step::Reason if self.comment_wanted().1 && self.comment.trim().is_empty() => {
                self.problem = Some(Problem::NoComment)
            }
            Step::Reason => self.go(Step::Review),
            Step::Overview | Step::Review | Step::Outcome => {}
        }
    }

    fn back(&mut self) {
        if self.sending {
            return;
        }
        match self.step {
            Step::Select => self.go(Step::Overview),
            Step::Reason => self.go(Step::Select),
            Step::Review => self.go(Step::Reason),
            Step::Overview | Step::Outcome => {}
        }
    }

    fn submit(&mut self) {
        if self.step == Step::Review && !self.sending && !self.selected.is_empty() {
            self.sending = true;
            self.failure = None;
            self.attempt += 1;
        }
    }

    fn is_waiting_for(&self, attempt: u32) -> bool {
        self.sending && self.attempt == attempt
    }

    fn close(&mut self) {
        if self.step == Step::Outcome {
            self.selected.clear();
            self.reason = None;
            self.comment.clear();
            self.answer = None;
            self.go(Step::Overview);
        }
    }

    fn reassessed(&mut self, context: Rc<FlowContext>) {
        // A new order from the host says what became of an item it changed (moved it to a
        // cancelled shipment, say): for that item, the earlier answer gives way. Items it left
        // as they were keep what the answer said (an order has no field for "requested").
        if !Rc::ptr_eq(&self.context.order, &context.order) {
            let (before, after) = (&self.context.order, &context.order);
            self.outcomes
                .retain(|(id, _)| item_state(before, id) == item_state(after, id));
        }
        self.context = context;
        // The outcome (and the request under way) is about what was sent: keep its items.
        if self.sending || self.step == Step::Outcome {
            return;
        }
        if let Some(reason) = &self.reason {
            if !self.context.reasons.options.iter().any(|o| &o.id == reason) {
                self.reason = None;
            }
        }
        let selected = std::mem::take(&mut self.selected);
        self.selected =
            self.in_item_order(|id| selected.iter().any(|s| s == id) && self.selectable(id));
        if self.selected.is_empty()
            && matches!(self.step, Step::Reason | Step::Review)
            && !self.sending
        {
            self.go(Step::Select);
        }
    }

    /// The comment as it is sent: trimmed, and `None` when blank.
    pub fn sent_comment(&self) -> Option<&str> {
        Some(self.comment.trim()).filter(|c| !c.is_empty())
    }

    /// The request "Request cancellation" sends: the same key for every retry of the same
    /// choices, a new one when the choices change.
    pub fn request(&self) -> Request {
        let assessment = &self.context.assessment;
        let chosen: Vec<_> = assessment
            .items
            .iter()
            .filter(|item| self.selected.contains(&item.item_id))
            .collect();
        let comment = self.sent_comment();
        let mut key = Fnv::new(self.context.key_seed);
        key.write(assessment.order_id.as_bytes());
        for item in &chosen {
            key.write(item.item_id.as_bytes());
            key.write(&item.quantity.to_le_bytes());
        }
        key.write(self.reason.as_deref().unwrap_or("").as_bytes());
        key.write(comment.unwrap_or("").as_bytes());
        Request {
            kind: RequestKind::Cancel,
            order_id: assessment.order_id.clone(),
            items: chosen
                .iter()
                .map(|item| RequestItem {
                    item_id: item.item_id.clone(),
                    quantity: item.quantity,
                })
                .collect(),
            assessed_at: assessment.at.instant,
            verdicts: chosen
                .iter()
                .map(|item| RequestVerdict {
                    item_id: item.item_id.clone(),
                    cancel: Some(item.cancel.verdict),
                    r#return: None,
                    withdrawal: None,
                    code: item.cancel.code.as_str().to_owned(),
                })
                .collect(),
            reason: self.reason.clone(),
            comment: comment.map(str::to_owned),
            idempotency_key: Some(key.idempotency_key()),
            lines: None,
            declared_at: None,
            customer: None,
        }
    }
}

impl RequestFlow for Flow {
    type Answer = HostAnswer;

    fn attempt(&self) -> u32 {
        self.attempt
    }

    fn outgoing(&self) -> Option<Outgoing<HostAnswer>> {
        if !self.sending || self.attempt == 0 {
            return None;
        }
        // The most a refund for it can be, to check the host's `refund` against.
        let refund_cap = self.refund_cap();
        Some(Outgoing {
            request: self.request(),
            fields: &["status", "message", "refund"],
            read: Rc::new(move |tree| HostAnswer::read(tree, refund_cap)),
        })
    }

    fn ignored(answer: &HostAnswer) -> Option<&str> {
        answer.ignored.as_deref()
    }

    fn answered(attempt: u32, answer: HostAnswer) -> Action {
        Action::Answered(attempt, answer)
    }

    fn failed(attempt: u32, failure: SendFailure) -> Action {
        Action::Failed(attempt, failure)
    }
}

/// An item of the order and its shipment, to tell whether a new order changed it.
fn item_state<'a>(
    order: &'a Order,
    item_id: &str,
) -> Option<(&'a crate::engine::Item, Option<&'a crate::engine::Shipment>)> {
    let item = order.items.iter().find(|item| item.id == item_id)?;
    Some((item, order.shipment_of(item)))
}

impl Reducible for Flow {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Start if next.can_start() => next.go(Step::Select),
            Action::Start => {}
            Action::Toggle(id) => next.toggle(&id),
            Action::ChooseReason(id) => next.choose_reason(id),
            Action::EditComment(text) => {
                next.comment = text.chars().take(MAX_COMMENT_CHARS).collect()
            }
            Action::Continue => next.next(),
            Action::Back => next.back(),
            Action::Submit => next.submit(),
            Action::Answered(attempt, answer) if next.is_waiting_for(attempt) => {
                next.sending = false;
                next.record_outcome(answer.status);
                next.answer = Some(answer);
                next.go(Step::Outcome);
            }
            Action::Failed(attempt, failure) if next.is_waiting_for(attempt) => {
                next.sending = false;
                next.failure = Some(failure);
            }
            Action::Answered(..) | Action::Failed(..) => {}
            Action::Close => next.close(),
            Action::Reassessed(context) => next.reassessed(context),
        }
        // Unchanged (a second click while sending, say): keep the same state, no re-render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// FNV-1a, 64 bits: a stable, tiny hash for idempotency keys (not for secrecy).
struct Fnv(u64);

impl Fnv {
    fn new(seed: u64) -> Fnv {
        let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
        hash.write(&seed.to_le_bytes());
        hash
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x0000_0100_0000_01b3);
    }

    /// The idempotency key of the request hashed so far (`oh-` and 16 hex digits): one format
    /// for every kind of request.
    fn idempotency_key(&self) -> String {
        format!("oh-{:016x}", self.0)
    }
}

mod returns;
pub use returns::{is_https, ReturnAction, ReturnAnswer, ReturnContext, ReturnFlow, ReturnStatus};

// Native: the tests read the sample orders with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
