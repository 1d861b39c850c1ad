//! Sending a request to the host, as every flow does it, written once: the [`Sending`]
//! sub-state (attempts, the request under way, the last failure: its answered / failed / Try
//! again arms), the reader of the host's answer ([`AnswerFields`]), the [`IdempotencyKey`] (the
//! engine's FNV-1a hasher), the fields every [`Request`] fills the same way, the send button's
//! label, and the [`RequestFlow`] trait through which the widget wires each flow (reducer,
//! reassessment, sender). Pure, like the flows.

use std::borrow::Cow;
use std::hash::Hasher;
use std::rc::Rc;

use yew::Reducible;

use super::FlowContext;
use crate::engine::json::Json;
use crate::engine::{
    Assessment, Fnv, ItemAssessment, Request, RequestItem, RequestKind, RequestVerdict,
};
use crate::i18n::Msg;

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
}

impl Sending {
    /// Starts a request (the first, or Try again): a new attempt, the last failure forgotten.
    pub fn start(&mut self) {
        self.sending = true;
        self.failure = None;
        self.attempt += 1;
    }

    /// The host answered request number `attempt`: whether it is the one under way (an answer
    /// to an older attempt is ignored); if so, the request is over.
    pub fn answered(&mut self, attempt: u32) -> bool {
        let current = self.sending && self.attempt == attempt;
        if current {
            self.sending = false;
        }
        current
    }

    /// Request number `attempt` failed: kept, with everything the customer chose, for Try
    /// again (a failure of an older attempt is ignored).
    pub fn failed(&mut self, attempt: u32, failure: SendFailure) {
        if self.answered(attempt) {
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

/// A flow that hands the host one request per attempt: what the widget's one wiring hook
/// (`use_flow`) needs to run any flow — build it on a context, reassess it, send its request
/// under the one host contract, and bring the answer or the failure back as its actions.
pub trait RequestFlow: Reducible + PartialEq + 'static {
    /// The host's answer as this flow takes it.
    type Answer: 'static;
    /// The kind of request it sends (names it in `order-help-error` events).
    const KIND: RequestKind;
    /// The flow at its start, on `context`.
    fn new(context: Rc<FlowContext>) -> Self;
    /// Time passed a boundary, or the host gave a new order, policy or customer.
    fn reassessed(context: Rc<FlowContext>) -> Self::Action;
    /// Its sending sub-state.
    fn send(&self) -> &Sending;
    /// The request of the current choices and how to read its answer.
    fn to_send(&self) -> Outgoing<Self::Answer>;
    /// While a request is under way: what to send and how to read the answer. Asked once per
    /// attempt, so a retry sends the same idempotency key.
    fn outgoing(&self) -> Option<Outgoing<Self::Answer>> {
        let send = self.send();
        (send.sending && send.attempt > 0).then(|| self.to_send())
    }
    /// What of an answer had to be ignored (a bad optional field), for `answer_malformed`.
    fn ignored(answer: &Self::Answer) -> Option<&str>;
    /// The host answered request number `attempt`.
    fn answered(attempt: u32, answer: Self::Answer) -> Self::Action;
    /// Request number `attempt` failed.
    fn failed(attempt: u32, failure: SendFailure) -> Self::Action;
}

/// `impl RequestFlow` for a flow, from the parts every flow names alike: its state `$flow`
/// (with `new(context)`, a `send: Sending` field and an inherent `to_send()`), its `$action`s
/// (`Reassessed`, `Answered`, `Failed`), its `$answer` (with an `ignored` field) and the
/// request's `$kind`. One line per flow instead of a copy of the glue.
macro_rules! request_flow {
    ($flow:ident, $action:ident, $answer:ident, $kind:expr) => {
        impl $crate::state::request::RequestFlow for $flow {
            type Answer = $answer;
            const KIND: $crate::engine::RequestKind = $kind;

            fn new(context: ::std::rc::Rc<$crate::state::FlowContext>) -> $flow {
                $flow::new(context)
            }

            fn reassessed(context: ::std::rc::Rc<$crate::state::FlowContext>) -> $action {
                $action::Reassessed(context)
            }

            fn send(&self) -> &$crate::state::request::Sending {
                &self.send
            }

            fn to_send(&self) -> $crate::state::request::Outgoing<$answer> {
                $flow::to_send(self)
            }

            fn ignored(answer: &$answer) -> Option<&str> {
                answer.ignored.as_deref()
            }

            fn answered(attempt: u32, answer: $answer) -> $action {
                $action::Answered(attempt, answer)
            }

            fn failed(attempt: u32, failure: $crate::state::request::SendFailure) -> $action {
                $action::Failed(attempt, failure)
            }
        }
    };
}
pub(crate) use request_flow;

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
    /// nothing, is the error saying so (`status: expected "a" or "b", found 3`).
    pub fn one_of(&self, name: &str, choices: &[&str]) -> Result<usize, String> {
        let found = self.get(name);
        if let Some(Json::Str(text)) = found {
            if let Some(index) = choices.iter().position(|choice| choice == text) {
                return Ok(index);
            }
        }
        let quoted: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
        let expected = match quoted.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => quoted.concat(),
        };
        Err(wrong(name, &expected, found))
    }

    /// The optional text field `name`; a value that is not a string is left out and described.
    pub fn text(&mut self, name: &str) -> Option<String> {
        match self.get(name)? {
            Json::Str(text) => Some(text.to_string()),
            other => {
                self.ignore(wrong(name, "a string", Some(other)));
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
