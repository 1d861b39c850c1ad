//! Sending a request to the host, as every flow does it, written once: what every flow carries
//! for it ([`RequestState`]: the [`Sending`] sub-state with its answered / failed / Try again
//! arms, the host's answer, the step changes, the context), the actions every flow takes alike
//! ([`RequestAction`]), the reader of the host's answer ([`AnswerFields`], and
//! [`StatusAnswer`] for answers decided by a `status`), the [`IdempotencyKey`] (the engine's
//! FNV-1a hasher), the fields every [`Request`] fills the same way, the send button's label,
//! and the [`RequestFlow`] trait through which the widget wires each flow (reducer,
//! reassessment, sender). Pure, like the flows.

use std::borrow::Cow;
use std::hash::Hasher;
use std::rc::Rc;

use yew::Reducible;

use super::FlowContext;
use crate::engine::json::Json;
use crate::engine::limits::MAX_STRING_CHARS;
use crate::engine::{
    Assessment, Fnv, Instant, ItemAssessment, Request, RequestItem, RequestKind, RequestVerdict,
};
use crate::i18n::Msg;

/// Why a request got no usable answer; the customer can try again with everything kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendFailure {
    /// No answer within the configured time.
    Timeout,
    /// The host's promise was rejected (its message).
    Rejected(String),
    /// The host's promise was rejected with the store's refusal (a withdrawal's, whose answer
    /// has no "declined"): `embed.js` wrote it from `verify`'s code and values in the
    /// customer's language (its sentence), so the customer reads it as the store's answer, not
    /// as an error report.
    Refused(String),
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
            SendFailure::Rejected(_) | SendFailure::Refused(_) => "request_rejected",
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
            SendFailure::Refused(why) => format!("the store refused the {noun}: {why}"),
            SendFailure::Malformed(why) => {
                format!("the host's answer to the {noun} has no valid status: {why}")
            }
            SendFailure::NoHost => format!("the page has no handler for a {noun}"),
        }
    }
}

/// Where a flow's request is: how many were started, whether one is under way, why the last
/// failed. Every flow holds one (its `send` field) and moves it only through these methods.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sending {
    /// How many requests were started; the sender sends once per value (0: none yet).
    pub attempt: u32,
    /// A request is under way: the flow's buttons wait.
    pub sending: bool,
    /// Why the last request failed (cleared when the next starts).
    pub failure: Option<SendFailure>,
    /// The requests given up on after the timeout, by attempt, with the ids of the items each
    /// covered: the store may still answer them, and such an answer lands even after the
    /// customer changed the choices (the request did arrive; its outcome is about its items).
    pub given_up: Vec<(u32, Vec<String>)>,
}

impl Sending {
    /// Starts a request (the first, or Try again): a new attempt, the last failure forgotten.
    /// Try again after the timeout sends the same request (the same key): its answer is the
    /// one awaited.
    pub fn start(&mut self) {
        if self.failure == Some(SendFailure::Timeout) {
            self.forget(self.attempt);
        }
        self.sending = true;
        self.failure = None;
        self.attempt += 1;
    }

    /// The host answered request number `attempt`: whether it is the one under way (an
    /// answer to an older attempt is ignored, unless [`Sending::late`] takes it); if so, the
    /// request is over.
    pub fn answered(&mut self, attempt: u32) -> bool {
        let current = self.sending && self.attempt == attempt;
        if current {
            self.sending = false;
        }
        current
    }

    /// The host answered request number `attempt`: the ids of the items it covered, if it
    /// counts — the request under way (`chosen`, the current choices), or one given up on after
    /// the timeout, whatever the customer chose since (its own items; nothing else under way:
    /// the request is over, its failure forgotten). Any other answer is ignored.
    pub fn answer_to(&mut self, attempt: u32, chosen: &[String]) -> Option<Vec<String>> {
        if let Some(sent) = self.forget(attempt) {
            if !self.sending {
                self.failure = None;
            }
            return Some(sent);
        }
        self.answered(attempt).then(|| chosen.to_vec())
    }

    /// No longer waits for request number `attempt`, given up on after the timeout: the ids
    /// of its items, if it was one.
    fn forget(&mut self, attempt: u32) -> Option<Vec<String>> {
        let at = self.given_up.iter().position(|(a, _)| *a == attempt)?;
        Some(self.given_up.remove(at).1)
    }

    /// The customer changed the request: the last one's failure is about a request that will
    /// not be sent again, so it no longer applies (kept while one is under way). A request
    /// given up on after the timeout is still waited for ([`Sending::given_up`]).
    pub fn changed(&mut self) {
        if !self.sending {
            self.failure = None;
        }
    }

    /// Request number `attempt` failed: kept, with everything the customer chose, for Try
    /// again (a failure of an older attempt is ignored). After the timeout, the ids of its
    /// items (`chosen`, the choices sent) are kept in [`Sending::given_up`] for a late answer.
    pub fn failed(&mut self, attempt: u32, failure: SendFailure, chosen: &[String]) {
        // A given-up request that fails after all: said, unless the customer changed it since.
        let late = self.forget(attempt).is_some()
            && self.attempt == attempt
            && self.failure == Some(SendFailure::Timeout);
        if self.answered(attempt) || late {
            if failure == SendFailure::Timeout {
                self.given_up.push((attempt, chosen.to_vec()));
            }
            self.failure = Some(failure);
        }
    }

    /// The send button's words: `busy` while sending ("Sending…"), Try again after a failure,
    /// else `idle` ("Request cancellation").
    pub fn label(&self, busy: Msg, idle: Msg) -> Msg {
        if self.sending {
            busy
        } else if self.failure.is_some() {
            Msg::TryAgain
        } else {
            idle
        }
    }
}

/// What every request flow carries besides its own choices, written once: where the customer
/// is (`S`, the flow's steps) and how many times that changed (focus moves to a step's heading
/// on a change, never on the first render), the request under way or failed ([`Sending`]), the
/// host's answer to it, and the context the flow reads. A flow holds one as its `shared` field.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestState<S, A> {
    /// Where the customer is in the flow.
    pub step: S,
    /// How many times `step` changed.
    pub step_changes: u32,
    /// The request the flow's send button sends, under way or failed.
    pub send: Sending,
    /// The host's answer to the last request (the outcome shows it).
    pub answer: Option<A>,
    pub context: Rc<FlowContext>,
}

/// A flow's steps, and where Back goes from each.
pub trait FlowStep: Copy + PartialEq {
    /// The step Back goes to from this one, if any (none from the overview or an outcome).
    fn before(self) -> Option<Self>;
}

impl<S: FlowStep, A> RequestState<S, A> {
    /// At `step`, nothing sent yet, on `context`.
    pub fn new(step: S, context: Rc<FlowContext>) -> RequestState<S, A> {
        RequestState {
            step,
            step_changes: 0,
            send: Sending::default(),
            answer: None,
            context,
        }
    }

    /// Moves to `to`, counting the change; whether it changed.
    pub fn go(&mut self, to: S) -> bool {
        let changed = self.step != to;
        if changed {
            self.step = to;
            self.step_changes += 1;
        }
        changed
    }

    /// The step Back goes to: the one before, unless a request is under way (the flow's
    /// buttons wait).
    pub fn back(&self) -> Option<S> {
        self.step.before().filter(|_| !self.send.sending)
    }
}

/// What the host, the sender or time does to a request flow, the same for every flow (each
/// flow's action wraps it as its `Request` variant).
#[derive(Clone, Debug, PartialEq)]
pub enum RequestAction<A> {
    /// The host's answer to request number `.0` (an answer to an older attempt is ignored).
    Answered(u32, A),
    /// Request number `.0` failed.
    Failed(u32, SendFailure),
    /// Time passed a decision's boundary, or the host gave a new order, policy or customer.
    Reassessed(Rc<FlowContext>),
}

/// A flow that hands the host one request per attempt: what the widget's one wiring hook
/// (`use_flow`) needs to run any flow — build it on a context, reassess it, send its request
/// under the one host contract, and bring the answer or the failure back as its actions — and
/// how every flow takes those actions ([`RequestFlow::on_request`]).
pub trait RequestFlow: Reducible + Clone + PartialEq + 'static {
    /// Where the customer can be in this flow.
    type Step: FlowStep;
    /// The host's answer as this flow takes it.
    type Answer: 'static;
    /// The kind of request it sends (names it in `order-help-error` events).
    const KIND: RequestKind;
    /// The flow at its start, on `context`.
    fn new(context: Rc<FlowContext>) -> Self;
    /// A request action as this flow's action.
    fn wrap(action: RequestAction<Self::Answer>) -> Self::Action;
    /// What it carries like every flow.
    fn shared(&self) -> &RequestState<Self::Step, Self::Answer>;
    /// The same, to change.
    fn shared_mut(&mut self) -> &mut RequestState<Self::Step, Self::Answer>;
    /// The flow left a step: it forgets what belonged to it (what stopped Continue, say).
    fn left_step(&mut self);
    /// Moves the flow to `step` (a change is counted, and the step left is forgotten).
    fn go(&mut self, step: Self::Step) {
        if self.shared_mut().go(step) {
            self.left_step();
        }
    }
    /// Back: to the step before, unless a request is under way.
    fn back(&mut self) {
        if let Some(step) = self.shared().back() {
            self.go(step);
        }
    }
    /// The request of the current choices and how to read its answer.
    fn to_send(&self) -> Outgoing<Self::Answer>;
    /// While a request is under way: what to send and how to read the answer. Asked once per
    /// attempt, so a retry sends the same idempotency key.
    fn outgoing(&self) -> Option<Outgoing<Self::Answer>> {
        let send = &self.shared().send;
        (send.sending && send.attempt > 0).then(|| self.to_send())
    }
    /// What of an answer had to be ignored (a bad optional field), for `answer_malformed`.
    fn ignored(answer: &Self::Answer) -> Option<&str>;
    /// Its [`Sending`], and the ids of the items the current choices cover (its `selected`).
    fn send_and_chosen(&mut self) -> (&mut Sending, &[String]);
    /// The answer to a request came (the one under way, or one given up on after the timeout,
    /// whatever the customer chose since): the flow records what it says about `sent` (the ids
    /// of the items that request covered; before it is kept as the shared `answer`) and goes
    /// to its outcome.
    fn took(&mut self, answer: &Self::Answer, sent: &[String]);
    /// A new context (time passed a boundary, or the host gave a new order, policy or customer).
    fn reassessed(&mut self, context: Rc<FlowContext>);
    /// Takes a request action the way every flow does: an answer to the request under way is
    /// recorded and kept (any other is ignored); a failure of it is kept for Try again.
    #[inline(always)] // one caller per flow, its reducer: no copy of its own in the bundle
    fn on_request(&mut self, action: RequestAction<Self::Answer>) {
        match action {
            RequestAction::Answered(attempt, answer) => {
                // An answer to a request given up on lands whatever changed since: the store
                // took that request, and its outcome is about the items it covered.
                let (send, chosen) = self.send_and_chosen();
                if let Some(sent) = send.answer_to(attempt, chosen) {
                    self.took(&answer, &sent);
                    self.shared_mut().answer = Some(answer);
                }
            }
            RequestAction::Failed(attempt, failure) => {
                let (send, chosen) = self.send_and_chosen();
                send.failed(attempt, failure, chosen)
            }
            RequestAction::Reassessed(context) => self.reassessed(context),
        }
    }
}

/// `impl RequestFlow` and `impl Reducible` for a flow, from the parts every flow names alike:
/// its state `$flow` (a `shared: RequestState` field, and inherent `new(context)`, `to_send()`,
/// `left_step()`, `took(&answer)`, `reassessed(context)` and `act(action)`, the last taking
/// every action), its `$action` (with a `Request(RequestAction)` variant), its `$step`s, its
/// `$answer` (with an `ignored` field) and the request's `$kind`. One line per flow instead of
/// a copy of the glue.
macro_rules! request_flow {
    ($flow:ident, $action:ident, $step:ident, $answer:ident, $kind:expr) => {
        impl $crate::state::request::RequestFlow for $flow {
            type Step = $step;
            type Answer = $answer;
            const KIND: $crate::engine::RequestKind = $kind;

            fn new(context: ::std::rc::Rc<$crate::state::FlowContext>) -> $flow {
                $flow::new(context)
            }

            fn wrap(action: $crate::state::request::RequestAction<$answer>) -> $action {
                $action::Request(action)
            }

            fn shared(&self) -> &$crate::state::request::RequestState<$step, $answer> {
                &self.shared
            }

            fn shared_mut(&mut self) -> &mut $crate::state::request::RequestState<$step, $answer> {
                &mut self.shared
            }

            fn left_step(&mut self) {
                $flow::left_step(self)
            }

            fn to_send(&self) -> $crate::state::request::Outgoing<$answer> {
                $flow::to_send(self)
            }

            fn ignored(answer: &$answer) -> Option<&str> {
                answer.ignored.as_deref()
            }
            fn send_and_chosen(&mut self) -> (&mut $crate::state::request::Sending, &[String]) {
                (&mut self.shared.send, &self.selected)
            }
            fn took(&mut self, answer: &$answer, sent: &[String]) {
                $flow::took(self, answer, sent)
            }
            fn reassessed(&mut self, context: ::std::rc::Rc<$crate::state::FlowContext>) {
                $flow::reassessed(self, context)
            }
        }

        /// A copy changed by the action; the same `Rc` when nothing changed (a second click
        /// while sending, say), so nothing re-renders.
        impl ::yew::Reducible for $flow {
            type Action = $action;

            fn reduce(self: ::std::rc::Rc<Self>, action: $action) -> ::std::rc::Rc<Self> {
                let mut next = (*self).clone();
                next.act(action);
                $crate::state::kept_if_same(self, next)
            }
        }
    };
}
pub(crate) use request_flow;

/// Reads a host's answer from its JSON tree, at the widget's clock's instant when it arrived (an
/// answer's own time is checked against it); `Err` says why it has no valid status.
pub type AnswerReader<A> = dyn Fn(&Json<'_>, Instant) -> Result<A, String>;

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

/// A host's answer decided by its `status` (a cancellation's, a return's): the status, the
/// store's own words for the customer, what the kind of request adds (`D`), and what of its
/// optional fields was wrong and ignored (for `answer_malformed`; the answer still counts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusAnswer<S, D> {
    pub status: S,
    /// The host's own words for the customer (shown as text, isolated).
    pub message: Option<String>,
    /// The fields only this kind of answer has.
    pub details: D,
    /// What was wrong with the answer's optional fields and was ignored.
    pub ignored: Option<String>,
}

/// The statuses a host may answer one kind of request with, by their names in the answer.
pub trait AnswerStatus: Copy + 'static {
    /// Every status, in the order an error lists them.
    const ALL: &'static [Self];
    /// Their names in the answer (`"cancelled"`), in the same order.
    const NAMES: &'static [&'static str];
}

/// Declares the statuses of one kind of answer, each once (its doc, its variant, its name in
/// the answer): the enum and its [`AnswerStatus`] table follow from the one list.
macro_rules! answer_statuses {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $crate::state::request::AnswerStatus for $name {
            const ALL: &'static [$name] = &[$($name::$variant,)+];
            const NAMES: &'static [&'static str] = &[$($text,)+];
        }
    };
}
pub(crate) use answer_statuses;

impl<S: AnswerStatus, D> StatusAnswer<S, D> {
    /// Reads `{status, message?, …}` from the answer's JSON tree, `details` reading the rest.
    /// Only a missing or unknown `status` (or an answer that is not an object, `shape` naming
    /// the expected one) is an error; a `message` that is not a string is left out and
    /// described in `ignored`, and so is what `details` leaves out.
    pub fn read_with(
        tree: &Json<'_>,
        shape: &str,
        details: impl FnOnce(&mut AnswerFields<'_, '_>) -> D,
    ) -> Result<StatusAnswer<S, D>, String> {
        let mut fields = AnswerFields::of(tree, shape)?;
        // The macro writes ALL and NAMES from one list, so the index is always in ALL.
        let status = S::ALL[fields.one_of("status", S::NAMES)?];
        let message = fields.text("message");
        let details = details(&mut fields);
        Ok(StatusAnswer {
            status,
            message,
            details,
            ignored: fields.ignored(),
        })
    }
}

/// The host's answer as an object of fields, read the way every flow reads its answer: the
/// last of duplicated keys wins (as in `JSON.parse`), `null` is no value, a field the flow does
/// not know is never looked at, and a bad optional field is left out and described (for the
/// answer's `ignored`, and so the `answer_malformed` event) while the answer still counts.
pub struct AnswerFields<'a, 'j> {
    fields: &'a [(Cow<'j, str>, Json<'j>)],
    ignored: Vec<String>,
}

impl<'a, 'j> AnswerFields<'a, 'j> {
    /// The answer's fields; not an object is an error naming `shape` (`{status, message?}`)
    /// and what was found.
    pub fn of(tree: &'a Json<'j>, shape: &str) -> Result<AnswerFields<'a, 'j>, String> {
        match tree {
            Json::Object(fields) => Ok(AnswerFields {
                fields,
                ignored: Vec::new(),
            }),
            _ => Err(format!(
                "expected an object {shape}, found {}",
                describe_json(tree)
            )),
        }
    }

    /// The value of field `name`, if it has one (`null` is none).
    pub fn get(&self, name: &str) -> Option<&'a Json<'j>> {
        self.fields
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
            .filter(|value| !matches!(value, Json::Null))
    }

    /// Which of `choices` the string field `name` holds (its index); anything else, or
    /// nothing, is the error saying so (`status: expected "a" or "b", found 3`). Not generic,
    /// so one copy for every kind of answer.
    fn one_of(&self, name: &str, choices: &[&str]) -> Result<usize, String> {
        let found = self.get(name);
        if let Some(Json::Str(text)) = found {
            if let Some(index) = choices.iter().position(|choice| choice == text) {
                return Ok(index);
            }
        }
        // `"a", "b" or "c"`, written in place (no list of quoted copies).
        let mut expected = String::new();
        for (index, choice) in choices.iter().enumerate() {
            if index > 0 {
                expected.push_str(if index + 1 == choices.len() {
                    " or "
                } else {
                    ", "
                });
            }
            expected.push('"');
            expected.push_str(choice);
            expected.push('"');
        }
        Err(wrong(name, &expected, found))
    }

    /// The optional text field `name`; a value that is not a string, or one longer than an
    /// order's strings may be ([`MAX_STRING_CHARS`]), is left out and described.
    pub fn text(&mut self, name: &str) -> Option<String> {
        self.text_of(name, "a string of at most 2000 characters")
    }

    /// [`AnswerFields::text`], the error saying `expected` (which names the limit).
    pub fn text_of(&mut self, name: &str, expected: &str) -> Option<String> {
        match self.get(name)? {
            Json::Str(text) if text.chars().count() <= MAX_STRING_CHARS => Some(text.to_string()),
            other => {
                self.ignore(wrong(name, expected, Some(other)));
                None
            }
        }
    }

    /// Records that an optional field was left out, and why.
    pub fn ignore(&mut self, why: String) {
        self.ignored.push(why);
    }

    /// What was left out, joined (`None` when nothing was).
    pub fn ignored(self) -> Option<String> {
        (!self.ignored.is_empty()).then(|| self.ignored.join("; "))
    }
}

/// What is wrong with field `name` of an answer: `name: expected …, found …` (`found nothing`
/// when it is missing or `null`).
pub fn wrong(name: &str, expected: &str, found: Option<&Json<'_>>) -> String {
    let found = found.map_or_else(|| "nothing".to_owned(), describe_json);
    format!("{name}: expected {expected}, found {found}")
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

/// A request's idempotency key, hashed from what makes the request what it is: the same key for
/// every retry of the same choices, a new one when they change. The engine's FNV-1a (stable, tiny;
/// not for secrecy), seeded per page load, with a separator after each part so ("ab", "c") and
/// ("a", "bc") differ.
pub struct IdempotencyKey(Fnv);

impl IdempotencyKey {
    /// A key seeded with the page load's `seed`.
    pub fn new(seed: u64) -> IdempotencyKey {
        let mut key = IdempotencyKey(Fnv::default());
        key.part(&seed.to_le_bytes());
        key
    }

    /// Hashes one part of the request.
    pub fn part(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
        self.0.write(&[0xff]);
    }

    /// The key of what was hashed so far: `oh-` and 16 hex digits, one format for every kind
    /// of request.
    pub fn finish(&self) -> String {
        format!("oh-{:016x}", self.0.finish())
    }
}

/// The assessed items whose ids are in `selected`, in the order's item order.
pub fn chosen<'a>(assessment: &'a Assessment, selected: &[String]) -> Vec<&'a ItemAssessment> {
    assessment
        .items
        .iter()
        .filter(|item| selected.contains(&item.item_id))
        .collect()
}

/// A request of `kind` about `assessment` (its order, its instant) for `items`, with each
/// item's `verdicts` as the customer saw them and the `key`: what every kind fills the same
/// way. The rest (reason, comment, lines, customer, `declared_at`) is the flow's to fill.
pub fn request(
    kind: RequestKind,
    assessment: &Assessment,
    items: Vec<RequestItem>,
    verdicts: Vec<RequestVerdict>,
    key: &IdempotencyKey,
) -> Request {
    Request {
        kind,
        order_id: assessment.order_id.clone(),
        items,
        assessed_at: assessment.at.instant,
        verdicts,
        reason: None,
        comment: None,
        idempotency_key: Some(key.finish()),
        lines: None,
        declared_at: None,
        customer: None,
    }
}

/// Every unit of an assessed item, as a request's item.
pub fn whole(item: &ItemAssessment) -> RequestItem {
    RequestItem {
        item_id: item.item_id.clone(),
        quantity: item.quantity,
    }
}

/// An item's verdict with its `code`; the flow sets the verdict of its kind.
pub fn verdict(item: &ItemAssessment, code: &str) -> RequestVerdict {
    RequestVerdict {
        item_id: item.item_id.clone(),
        cancel: None,
        r#return: None,
        withdrawal: None,
        code: code.to_owned(),
    }
}
