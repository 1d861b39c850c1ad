//! The return flow as a reducer: Return items → select items (and how many of a line with more
//! than one returnable unit) → a reason (and, only where it changes the refund, whether each
//! item was opened) → review with the engine's refund preview → Request return → the host's
//! answer. Same shape as the cancel flow ([`super::Flow`]); pure, tested natively.

use std::rc::Rc;

use yew::Reducible;

use super::{
    describe_json, item_state, AnswerReader, Fnv, Outgoing, Problem, RequestFlow, SendFailure,
    Step, MAX_COMMENT_CHARS,
};
use crate::engine::json::Json;
use crate::engine::{
    preview_return, Assessment, Order, Policy, ProposalLine, Request, RequestItem, RequestKind,
    RequestVerdict, ReturnPreview, ReturnProposal, ReturnProposalError, ReturnReason,
    ReturnVerdict,
};

/// What the return flow needs to know: the order, the policy (its return reasons and refund
/// rules) and the assessment the customer sees.
#[derive(Debug)]
pub struct ReturnContext {
    pub order: Rc<Order>,
    pub policy: Rc<Policy>,
    pub assessment: Rc<Assessment>,
    /// Mixed into idempotency keys so two page loads never share one.
    pub key_seed: u64,
}

/// The same context when it holds the same order, policy and assessment (by pointer: none is
/// changed in place).
impl PartialEq for ReturnContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.order, &other.order)
            && Rc::ptr_eq(&self.policy, &other.policy)
            && self.key_seed == other.key_seed
    }
}

impl Eq for ReturnContext {}

/// The host's answer to a return request, `{status, message?, return_id?, label_url?,
/// instructions?}`: `status` decides; other fields are ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnAnswer {
    pub status: ReturnStatus,
    /// The host's own words for the customer (shown as text).
    pub message: Option<String>,
    /// The store's return number (shown as text).
    pub return_id: Option<String>,
    /// Where the return label is: always an `https:` URL (any other is left out and reported).
    pub label_url: Option<String>,
    /// How to send the items back (shown as text).
    pub instructions: Option<String>,
    /// What was wrong with the optional fields and was ignored, for `answer_malformed`.
    pub ignored: Option<String>,
}

/// The statuses a host may answer a return request with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnStatus {
    /// The store takes the return: the customer sends the items back.
    Accepted,
    /// The store will not take it.
    Declined,
}

impl ReturnAnswer {
    /// The answer's fields the widget reads.
    pub const FIELDS: &'static [&'static str] = &[
        "status",
        "message",
        "return_id",
        "label_url",
        "instructions",
    ];

    /// Reads the host's answer from its JSON tree. Only a missing or unknown `status` (or an
    /// answer that is not an object) is an error. A text field that is not a string, or a
    /// `label_url` that is not an `https:` URL (a `javascript:` or `http:` one, say), is left
    /// out and described in [`ReturnAnswer::ignored`].
    pub fn read(tree: &Json<'_>) -> Result<ReturnAnswer, String> {
        let Json::Object(fields) = tree else {
            return Err(format!(
                "expected an object {{status, message?, return_id?, label_url?, instructions?}}, found {}",
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
        const EXPECTED: &str = "status: expected \"accepted\" or \"declined\", found";
        let status = match get("status") {
            Some(Json::Str(s)) if s == "accepted" => ReturnStatus::Accepted,
            Some(Json::Str(s)) if s == "declined" => ReturnStatus::Declined,
            None | Some(Json::Null) => return Err(format!("{EXPECTED} nothing")),
            Some(other) => return Err(format!("{EXPECTED} {}", describe_json(other))),
        };
        let mut ignored = Vec::new();
        let mut text = |name: &str| match get(name) {
            None | Some(Json::Null) => None,
            Some(Json::Str(text)) => Some(text.to_string()),
            Some(other) => {
                ignored.push(format!(
                    "{name}: expected a string, found {}",
                    describe_json(other)
                ));
                None
            }
        };
        let (message, return_id, instructions) =
            (text("message"), text("return_id"), text("instructions"));
        let label_url = text("label_url").and_then(|url| {
            if is_https(&url) {
                Some(url)
            } else {
                ignored.push(format!(
                    "label_url: expected an https: URL, found {}; no link is shown",
                    describe_json(&Json::Str(url.as_str().into()))
                ));
                None
            }
        });
        Ok(ReturnAnswer {
            status,
            message,
            return_id,
            label_url,
            instructions,
            ignored: (!ignored.is_empty()).then(|| ignored.join("; ")),
        })
    }
}

/// Whether `url` is an absolute `https:` URL with a host. Strict on purpose: a browser would
/// strip leading spaces or control characters and still follow the scheme behind them, so
/// anything before `https://` disqualifies it.
pub fn is_https(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        && url[8..].chars().next().is_some_and(|c| c.is_alphanumeric())
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The return flow's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnFlow {
    pub step: Step,
    /// Selected item ids, in the order's item order.
    pub selected: Vec<String>,
    /// The number of units chosen per item (kept when an item is unselected, so ticking it
    /// again brings it back); an item not listed returns every returnable unit.
    pub quantities: Vec<(String, u32)>,
    /// The customer's answer to "was it opened?", per item.
    pub opened: Vec<(String, bool)>,
    pub reason: Option<String>,
    pub comment: String,
    pub problem: Option<Problem>,
    /// How many requests were started; the sender sends once per value.
    pub attempt: u32,
    pub sending: bool,
    pub failure: Option<SendFailure>,
    pub answer: Option<ReturnAnswer>,
    /// The preview of what was sent (the outcome shows its return-by dates).
    pub sent: Option<ReturnPreview>,
    /// Items whose return the store accepted, until the host gives a newer order: shown as
    /// "Return requested" and not offered again.
    pub requested: Vec<String>,
    /// How many times the step changed (focus moves to the step's heading on a change).
    pub step_changes: u32,
    pub context: Rc<ReturnContext>,
}

/// What the customer (or the host) did in the return flow.
#[derive(Clone, Debug, PartialEq)]
pub enum ReturnAction {
    /// "Return items".
    Start,
    /// A checkbox: selects or unselects the item.
    Toggle(String),
    /// How many units of the item (clamped to 1 ..= what can be returned).
    SetQuantity(String, u32),
    ChooseReason(String),
    EditComment(String),
    /// "Was it opened?" for an item.
    SetOpened(String, bool),
    Continue,
    Back,
    /// "Request return" (and "Try again").
    Submit,
    Answered(u32, ReturnAnswer),
    Failed(u32, SendFailure),
    Close,
    Reassessed(Rc<ReturnContext>),
}

impl ReturnFlow {
    pub fn new(context: Rc<ReturnContext>) -> ReturnFlow {
        ReturnFlow {
            step: Step::Overview,
            selected: Vec::new(),
            quantities: Vec::new(),
            opened: Vec::new(),
            reason: None,
            comment: String::new(),
            problem: None,
            attempt: 0,
            sending: false,
            failure: None,
            answer: None,
            sent: None,
            requested: Vec::new(),
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

    /// How many units of the item can be returned now: the engine's returnable quantity when
    /// its return verdict is `allowed`, none once the store accepted a return of it.
    pub fn returnable(&self, item_id: &str) -> u32 {
        if self.requested.iter().any(|id| id == item_id) {
            return 0;
        }
        self.context
            .assessment
            .items
            .iter()
            .find(|item| item.item_id == item_id)
            .filter(|item| item.r#return.verdict == ReturnVerdict::Allowed)
            .map_or(0, |item| item.r#return.quantity)
    }

    /// Whether any item can be returned ("Return items" is shown).
    pub fn can_start(&self) -> bool {
        self.context
            .assessment
            .items
            .iter()
            .any(|item| self.returnable(&item.item_id) > 0)
    }

    /// The units chosen for the item: as set, within what can be returned (all of them by
    /// default).
    pub fn quantity(&self, item_id: &str) -> u32 {
        let max = self.returnable(item_id);
        self.quantities
            .iter()
            .find(|(id, _)| id == item_id)
            .map_or(max, |(_, n)| (*n).clamp(1, max.max(1)).min(max))
    }

    /// The customer's answer to "was it opened?" for the item, if given.
    pub fn opened(&self, item_id: &str) -> Option<bool> {
        self.opened
            .iter()
            .find(|(id, _)| id == item_id)
            .map(|(_, o)| *o)
    }

    /// The chosen reason, as the policy defines it.
    pub fn reason(&self) -> Option<&ReturnReason> {
        let id = self.reason.as_deref()?;
        self.context.policy.return_reason(id)
    }

    /// The return as the engine reads it (once a reason is chosen): the selected lines with
    /// their quantities and, where asked, whether they were opened.
    pub fn proposal(&self) -> Option<ReturnProposal> {
        let reason = self.reason()?;
        let asked = self.asked_opened_with(&reason.id);
        Some(ReturnProposal {
            lines: self
                .selected
                .iter()
                .map(|id| ProposalLine {
                    item_id: id.clone(),
                    quantity: self.quantity(id),
                    opened: if asked.contains(id) {
                        self.opened(id)
                    } else {
                        None
                    },
                })
                .collect(),
            reason_id: reason.id.clone(),
        })
    }

    /// The engine's refund preview of [`ReturnFlow::proposal`], at the assessment's instant
    /// (the widget's clock, reassessed at every boundary).
    pub fn preview(&self) -> Option<Result<ReturnPreview, ReturnProposalError>> {
        let proposal = self.proposal()?;
        let context = &self.context;
        Some(preview_return(
            &context.order,
            &context.policy,
            &proposal,
            context.assessment.at.instant,
        ))
    }

    /// The selected items for which "was it opened?" changes the refund under the chosen
    /// reason (the engine's `opened_changes_refund`): only these are asked.
    pub fn asked_opened(&self) -> Vec<String> {
        match &self.reason {
            Some(reason) => self.asked_opened_with(reason),
            None => Vec::new(),
        }
    }

    fn asked_opened_with(&self, reason_id: &str) -> Vec<String> {
        if self.selected.is_empty() {
            return Vec::new();
        }
        let proposal = ReturnProposal {
            lines: self
                .selected
                .iter()
                .map(|id| ProposalLine {
                    item_id: id.clone(),
                    quantity: self.quantity(id),
                    opened: None,
                })
                .collect(),
            reason_id: reason_id.to_owned(),
        };
        let context = &self.context;
        preview_return(
            &context.order,
            &context.policy,
            &proposal,
            context.assessment.at.instant,
        )
        .map(|preview| {
            preview
                .lines
                .into_iter()
                .filter(|line| line.opened_changes_refund)
                .map(|line| line.item_id)
                .collect()
        })
        .unwrap_or_default()
    }

    /// Whether the chosen reason asks for a comment (the field is always offered).
    pub fn comment_required(&self) -> bool {
        self.reason().is_some_and(|r| r.comment_required)
    }

    /// The comment as it is sent: trimmed, and `None` when blank.
    pub fn sent_comment(&self) -> Option<&str> {
        Some(self.comment.trim()).filter(|c| !c.is_empty())
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

    fn toggle(&mut self, item_id: &str) {
        if self.step != Step::Select || self.returnable(item_id) == 0 {
            return;
        }
        let on = !self.selected.iter().any(|id| id == item_id);
        let selected = std::mem::take(&mut self.selected);
        self.selected = self.in_item_order(|id| {
            if id == item_id {
                on
            } else {
                selected.iter().any(|s| s == id)
            }
        });
        self.problem = None;
    }

    fn set_quantity(&mut self, item_id: &str, n: u32) {
        let max = self.returnable(item_id);
        if self.step != Step::Select || max == 0 {
            return;
        }
        let n = n.clamp(1, max);
        self.quantities.retain(|(id, _)| id != item_id);
        self.quantities.push((item_id.to_owned(), n));
    }

    fn set_opened(&mut self, item_id: &str, opened: bool) {
        if self.step == Step::Reason && self.selected.iter().any(|id| id == item_id) {
            self.opened.retain(|(id, _)| id != item_id);
            self.opened.push((item_id.to_owned(), opened));
            self.problem = None;
        }
    }

    fn choose_reason(&mut self, reason: String) {
        if self.context.policy.return_reason(&reason).is_some() {
            self.reason = Some(reason);
            self.problem = None;
        }
    }

    fn next(&mut self) {
        match self.step {
            Step::Select if self.selected.is_empty() => self.problem = Some(Problem::NoItems),
            Step::Select => self.go(Step::Reason),
            Step::Reason if self.reason.is_none() => self.problem = Some(Problem::NoReason),
            Step::Reason if self.comment_required() && self.sent_comment().is_none() => {
                self.problem = Some(Problem::NoComment)
            }
            Step::Reason
                if self
                    .asked_opened()
                    .iter()
                    .any(|id| self.opened(id).is_none()) =>
            {
                self.problem = Some(Problem::NotSaidOpened)
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
        // Only a return the engine can preview is sent (the review shows why otherwise).
        let preview = self.preview().and_then(Result::ok);
        if self.step == Step::Review && !self.sending && preview.is_some() {
            self.sent = preview;
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
            self.quantities.clear();
            self.opened.clear();
            self.reason = None;
            self.comment.clear();
            self.answer = None;
            self.sent = None;
            self.go(Step::Overview);
        }
    }

    fn reassessed(&mut self, context: Rc<ReturnContext>) {
        // A newer order says what became of an item it changed: the earlier answer gives way.
        if !Rc::ptr_eq(&self.context.order, &context.order) {
            let (before, after) = (&self.context.order, &context.order);
            self.requested
                .retain(|id| item_state(before, id) == item_state(after, id));
        }
        self.context = context;
        if self.sending || self.step == Step::Outcome {
            return;
        }
        if self.reason().is_none() {
            self.reason = None;
        }
        let selected = std::mem::take(&mut self.selected);
        self.selected =
            self.in_item_order(|id| selected.iter().any(|s| s == id) && self.returnable(id) > 0);
        if self.selected.is_empty() && matches!(self.step, Step::Reason | Step::Review) {
            self.go(Step::Select);
        }
    }

    /// The request "Request return" sends: the same key for every retry of the same choices.
    pub fn request(&self) -> Request {
        let assessment = &self.context.assessment;
        let chosen: Vec<_> = assessment
            .items
            .iter()
            .filter(|item| self.selected.contains(&item.item_id))
            .collect();
        let lines = self.proposal().map(|p| p.lines).unwrap_or_default();
        let comment = self.sent_comment();
        let mut key = Fnv::new(self.context.key_seed);
        key.write(b"return");
        key.write(assessment.order_id.as_bytes());
        for line in &lines {
            key.write(line.item_id.as_bytes());
            key.write(&line.quantity.to_le_bytes());
            key.write(&[line.opened.map_or(2, u8::from)]);
        }
        key.write(self.reason.as_deref().unwrap_or("").as_bytes());
        key.write(comment.unwrap_or("").as_bytes());
        Request {
            kind: RequestKind::Return,
            order_id: assessment.order_id.clone(),
            items: lines
                .iter()
                .map(|line| RequestItem {
                    item_id: line.item_id.clone(),
                    quantity: line.quantity,
                })
                .collect(),
            assessed_at: assessment.at.instant,
            verdicts: chosen
                .iter()
                .map(|item| RequestVerdict {
                    item_id: item.item_id.clone(),
                    cancel: None,
                    r#return: Some(item.r#return.verdict),
                    withdrawal: None,
                    code: item.r#return.code.as_str().to_owned(),
                })
                .collect(),
            reason: self.reason.clone(),
            comment: comment.map(str::to_owned),
            idempotency_key: Some(key.idempotency_key()),
            lines: Some(lines),
            customer: None,
            declared_at: None,
        }
    }
}

impl RequestFlow for ReturnFlow {
    type Answer = ReturnAnswer;

    fn attempt(&self) -> u32 {
        self.attempt
    }

    fn outgoing(&self) -> Option<Outgoing<ReturnAnswer>> {
        (self.sending && self.attempt > 0).then(|| Outgoing {
            request: self.request(),
            fields: ReturnAnswer::FIELDS,
            read: Rc::new(ReturnAnswer::read) as Rc<AnswerReader<ReturnAnswer>>,
        })
    }

    fn ignored(answer: &ReturnAnswer) -> Option<&str> {
        answer.ignored.as_deref()
    }

    fn answered(attempt: u32, answer: ReturnAnswer) -> ReturnAction {
        ReturnAction::Answered(attempt, answer)
    }

    fn failed(attempt: u32, failure: SendFailure) -> ReturnAction {
        ReturnAction::Failed(attempt, failure)
    }
}

impl Reducible for ReturnFlow {
    type Action = ReturnAction;

    fn reduce(self: Rc<Self>, action: ReturnAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ReturnAction::Start if next.can_start() && next.step == Step::Overview => {
                next.go(Step::Select)
            }
            ReturnAction::Start => {}
            ReturnAction::Toggle(id) => next.toggle(&id),
            ReturnAction::SetQuantity(id, n) => next.set_quantity(&id, n),
            ReturnAction::ChooseReason(id) => next.choose_reason(id),
            ReturnAction::EditComment(text) => {
                next.comment = text.chars().take(MAX_COMMENT_CHARS).collect()
            }
            ReturnAction::SetOpened(id, opened) => next.set_opened(&id, opened),
            ReturnAction::Continue => next.next(),
            ReturnAction::Back => next.back(),
            ReturnAction::Submit => next.submit(),
            ReturnAction::Answered(attempt, answer) if next.is_waiting_for(attempt) => {
                next.sending = false;
                if answer.status == ReturnStatus::Accepted {
                    let selected = next.selected.clone();
                    next.requested.retain(|id| !selected.contains(id));
                    next.requested.extend(selected);
                }
                next.answer = Some(answer);
                next.go(Step::Outcome);
            }
            ReturnAction::Failed(attempt, failure) if next.is_waiting_for(attempt) => {
                next.sending = false;
                next.failure = Some(failure);
            }
            ReturnAction::Answered(..) | ReturnAction::Failed(..) => {}
            ReturnAction::Close => next.close(),
            ReturnAction::Reassessed(context) => next.reassessed(context),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

// Native: the tests read the sample orders with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
