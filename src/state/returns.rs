//! The return flow as a reducer: Return items → select items (and how many of a line with more
//! than one returnable unit) → a reason (and, only where it changes the refund, whether each
//! item was opened) → review with the engine's refund preview → Request return → the host's
//! answer. Same shape as the cancel flow ([`super::CancelFlow`]); pure, tested natively
//! (`returns/tests.rs`). Sending is [`super::request`]'s.

use std::rc::Rc;

use super::request::{
    answer_statuses, chosen, request, request_flow, verdict, wrong, AnswerReader, IdempotencyKey,
    Outgoing, RequestAction, RequestFlow, RequestState, StatusAnswer,
};
use super::{in_item_order, keep_unchanged, stepped_flow, FlowContext, Problem, Step};
use crate::engine::json::Json;
use crate::engine::{
    preview_return, Instant, ProposalLine, Request, RequestItem, RequestKind, RequestVerdict,
    ReturnPreview, ReturnProposal, ReturnProposalError, ReturnReason, ReturnVerdict,
};

/// The host's answer to a return request, `{status, message?, return_id?, label_url?,
/// instructions?}`: `status` decides; other fields are ignored.
pub type ReturnAnswer = StatusAnswer<ReturnStatus, ReturnDetails>;

/// What only a return answer has (each shown as text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnDetails {
    /// The store's return number.
    pub return_id: Option<String>,
    /// Where the return label is: always an `https:` URL (any other is left out and reported).
    pub label_url: Option<String>,
    /// How to send the items back.
    pub instructions: Option<String>,
}

answer_statuses! {
    /// The statuses a host may answer a return request with.
    ReturnStatus {
        /// The store takes the return: the customer sends the items back by each one's
        /// return-by date (with the label, if the answer links one).
        Accepted = "accepted",
        /// The store will not take it.
        Declined = "declined",
    }
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

    /// Reads the host's answer from its JSON tree ([`StatusAnswer::read_with`]). A text field
    /// that is not a string, or a `label_url` that is not an `https:` URL (a `javascript:` or
    /// `http:` one, say), is left out and described in `ignored`.
    pub fn read(tree: &Json<'_>) -> Result<ReturnAnswer, String> {
        let shape = "{status, message?, return_id?, label_url?, instructions?}";
        StatusAnswer::read_with(tree, shape, |fields| {
            let (return_id, instructions) = (fields.text("return_id"), fields.text("instructions"));
            let label_url = fields.text("label_url").and_then(|url| {
                if is_https(&url) {
                    Some(url)
                } else {
                    let found = Json::Str(url.into());
                    let why = wrong("label_url", "an https: URL", Some(&found));
                    fields.ignore(format!("{why}; no link is shown"));
                    None
                }
            });
            ReturnDetails {
                return_id,
                label_url,
                instructions,
            }
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
    /// Its step, the request "Request return" sends and its answer, the context: what every
    /// flow carries.
    pub shared: RequestState<Step, ReturnAnswer>,
    /// Selected item ids, in the order's item order.
    pub selected: Vec<String>,
    /// The number of units chosen per item (kept when an item is unselected, so ticking it
    /// again brings it back); an item not listed returns every returnable unit.
    pub quantities: Vec<(String, u32)>,
    /// What the customer typed as an item's number that is not a whole number from 1 to what
    /// can be returned ("0", "-1", "", "2.5", "1e1"): refused, never read as some other number.
    /// The field shows it with the allowed range, and Continue waits, until it is corrected.
    pub refused: Vec<(String, String)>,
    /// The customer's answer to "was it opened?", per item.
    pub opened: Vec<(String, bool)>,
    pub reason: Option<String>,
    pub comment: String,
    pub problem: Option<Problem>,
    /// The preview of what was sent (the outcome shows its return-by dates).
    pub sent: Option<ReturnPreview>,
    /// Items whose return the store accepted, until the host gives a newer order: shown as
    /// "Return requested" and not offered again.
    pub requested: Vec<String>,
}

/// What the customer (or the host) did in the return flow.
#[derive(Clone, Debug, PartialEq)]
pub enum ReturnAction {
    /// "Return items".
    Start,
    /// A checkbox: selects or unselects the item.
    Toggle(String),
    /// How many units of the item, as typed: a whole number from 1 to what can be returned is
    /// taken, anything else refused ([`ReturnFlow::refused`]).
    SetQuantity(String, String),
    ChooseReason(String),
    EditComment(String),
    /// "Was it opened?" for an item.
    SetOpened(String, bool),
    Continue,
    Back,
    /// "Request return" (and "Try again"), at the widget's clock's instant: a new request is
    /// not sent when the assessment shown no longer holds then
    /// ([`FlowContext::current_at`]); a retry of one sent is.
    Submit(Instant),
    Close,
    /// The host's answer, a failure, or a new context: as every flow takes them.
    Request(RequestAction<ReturnAnswer>),
}

impl ReturnFlow {
    pub fn new(context: Rc<FlowContext>) -> ReturnFlow {
        ReturnFlow {
            selected: Vec::new(),
            quantities: Vec::new(),
            refused: Vec::new(),
            opened: Vec::new(),
            reason: None,
            comment: String::new(),
            problem: None,
            sent: None,
            requested: Vec::new(),
            shared: RequestState::new(Step::Overview, context),
        }
    }

    /// How many units of the item can be returned now: the engine's returnable quantity when
    /// its return verdict is `allowed`, none once the store accepted a return of it.
    pub fn returnable(&self, item_id: &str) -> u32 {
        if self.requested.iter().any(|id| id == item_id) {
            return 0;
        }
        self.shared
            .context
            .assessment
            .items
            .iter()
            .find(|item| item.item_id == item_id)
            .filter(|item| item.r#return.verdict == ReturnVerdict::Allowed)
            .map_or(0, |item| item.r#return.quantity)
    }

    /// Whether any item can be returned ("Return items" is shown).
    pub fn can_start(&self) -> bool {
        self.shared
            .context
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

    /// What the customer typed as the item's number, if it was refused.
    pub fn refused(&self, item_id: &str) -> Option<&str> {
        self.refused
            .iter()
            .find(|(id, _)| id == item_id)
            .map(|(_, text)| text.as_str())
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
        self.shared.context.policy.return_reason(id)
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
        let context = &self.shared.context;
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
        let context = &self.shared.context;
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

    fn toggle(&mut self, item_id: &str) {
        if self.shared.step != Step::Select || self.returnable(item_id) == 0 {
            return;
        }
        let on = !self.selected.iter().any(|id| id == item_id);
        let selected = std::mem::take(&mut self.selected);
        self.selected = in_item_order(&self.shared.context.assessment, &|id| {
            if id == item_id {
                on
            } else {
                selected.iter().any(|s| s == id)
            }
        });
        self.problem = None;
    }

    /// The item's number as typed: digits only (no sign, point or exponent), from 1 to what
    /// can be returned, is taken; anything else is refused and kept as typed.
    fn set_quantity(&mut self, item_id: &str, text: String) {
        let max = self.returnable(item_id);
        if self.shared.step != Step::Select || max == 0 {
            return;
        }
        let typed = text.trim();
        let n = typed
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| typed.parse::<u32>().ok())
            .flatten()
            .filter(|n| (1..=max).contains(n));
        self.refused.retain(|(id, _)| id != item_id);
        match n {
            Some(n) => {
                self.quantities.retain(|(id, _)| id != item_id);
                self.quantities.push((item_id.to_owned(), n));
            }
            None => self.refused.push((item_id.to_owned(), text)),
        }
        // Said at once, with the range; gone once every number is whole and in range.
        if matches!(self.problem, None | Some(Problem::BadQuantity(_))) {
            self.problem = self.refused_problem();
        }
    }

    /// The first selected item whose number is refused, as the problem naming its range.
    fn refused_problem(&self) -> Option<Problem> {
        let id = self.selected.iter().find(|id| self.refused(id).is_some())?;
        Some(Problem::BadQuantity(self.returnable(id)))
    }

    /// Continue: not from step 1 while a selected item's number is refused.
    fn next_unless_refused(&mut self) {
        match self
            .refused_problem()
            .filter(|_| self.shared.step == Step::Select)
        {
            Some(problem) => self.problem = Some(problem),
            None => self.next(),
        }
    }

    fn set_opened(&mut self, item_id: &str, opened: bool) {
        if self.shared.step == Step::Reason && self.selected.iter().any(|id| id == item_id) {
            self.opened.retain(|(id, _)| id != item_id);
            self.opened.push((item_id.to_owned(), opened));
            self.problem = None;
        }
    }

    fn choose_reason(&mut self, reason: String) {
        if self.shared.context.policy.return_reason(&reason).is_some() {
            self.reason = Some(reason);
            self.problem = None;
        }
    }

    /// What stops Continue from the reason step: no reason, a blank comment where the reason
    /// requires one, or "was it opened?" unanswered where it changes the refund.
    fn reason_problem(&self) -> Option<Problem> {
        if self.reason.is_none() {
            return Some(Problem::NoReason);
        }
        if self.comment_required() && self.sent_comment().is_none() {
            return Some(Problem::NoComment);
        }
        let unsaid = self
            .asked_opened()
            .iter()
            .any(|id| self.opened(id).is_none());
        unsaid.then_some(Problem::NotSaidOpened)
    }

    fn submit(&mut self, now: Instant) {
        // Only a return the engine can preview is sent (the review shows why otherwise).
        let preview = self.preview().and_then(Result::ok);
        let retry = self.shared.send.failure.is_some();
        if self.shared.step == Step::Review
            && !self.shared.send.sending
            && preview.is_some()
            && (retry || self.shared.context.current_at(now))
        {
            self.sent = preview;
            self.shared.send.start();
        }
    }

    fn close(&mut self) {
        if self.shared.step == Step::Outcome {
            self.selected.clear();
            self.quantities.clear();
            self.refused.clear();
            self.opened.clear();
            self.reason = None;
            self.comment.clear();
            self.shared.answer = None;
            self.sent = None;
            self.go(Step::Overview);
        }
    }

    fn reassessed(&mut self, context: Rc<FlowContext>) {
        keep_unchanged(
            &mut self.requested,
            String::as_str,
            &self.shared.context,
            &context,
        );
        self.shared.context = context;
        if self.shared.send.sending || self.shared.step == Step::Outcome {
            return;
        }
        if self.reason().is_none() {
            self.reason = None;
        }
        let selected = std::mem::take(&mut self.selected);
        self.selected = in_item_order(&self.shared.context.assessment, &|id| {
            selected.iter().any(|s| s == id) && self.returnable(id) > 0
        });
        if self.selected.is_empty() && matches!(self.shared.step, Step::Reason | Step::Review) {
            self.go(Step::Select);
        }
    }

    /// The request "Request return" sends: the same key for every retry of the same choices.
    pub fn request(&self) -> Request {
        let assessment = &self.shared.context.assessment;
        let lines = self.proposal().map(|p| p.lines).unwrap_or_default();
        let comment = self.sent_comment();
        let mut key = IdempotencyKey::new(self.shared.context.key_seed);
        key.part(b"return");
        key.part(assessment.order_id.as_bytes());
        for line in &lines {
            key.part(line.item_id.as_bytes());
            key.part(&line.quantity.to_le_bytes());
            key.part(&[line.opened.map_or(2, u8::from)]);
        }
        key.part(self.reason.as_deref().unwrap_or("").as_bytes());
        key.part(comment.unwrap_or("").as_bytes());
        let items = lines
            .iter()
            .map(|line| RequestItem {
                item_id: line.item_id.clone(),
                quantity: line.quantity,
            })
            .collect();
        let verdicts = chosen(assessment, &self.selected)
            .into_iter()
            .map(|item| RequestVerdict {
                r#return: Some(item.r#return.verdict),
                ..verdict(item, item.r#return.code.as_str())
            });
        Request {
            reason: self.reason.clone(),
            comment: comment.map(str::to_owned),
            lines: Some(lines),
            ..request(
                RequestKind::Return,
                assessment,
                items,
                verdicts.collect(),
                &key,
            )
        }
    }
}

impl ReturnFlow {
    /// The request under way and how to read its answer.
    fn to_send(&self) -> Outgoing<ReturnAnswer> {
        let read = Rc::new(|tree: &Json<'_>, _| ReturnAnswer::read(tree))
            as Rc<AnswerReader<ReturnAnswer>>;
        Outgoing {
            request: self.request(),
            fields: ReturnAnswer::FIELDS,
            read,
        }
    }
}

stepped_flow!(ReturnFlow);
request_flow!(
    ReturnFlow,
    ReturnAction,
    Step,
    ReturnAnswer,
    RequestKind::Return
);

impl ReturnFlow {
    /// The answer to the request of `sent` (its items' ids): an accepted return's items are
    /// requested, then the outcome.
    fn took(&mut self, answer: &ReturnAnswer, sent: &[String]) {
        if answer.status == ReturnStatus::Accepted {
            self.requested.retain(|id| !sent.contains(id));
            self.requested.extend_from_slice(sent);
        }
        self.go(Step::Outcome);
    }

    /// The reducer: every action (see [`request_flow!`] for the copy it changes).
    fn act(&mut self, action: ReturnAction) {
        use ReturnAction::{ChooseReason, EditComment, SetOpened, SetQuantity, Toggle};
        // A changed choice is a new request: it starts clean.
        if matches!(
            action,
            Toggle(_) | SetQuantity(..) | ChooseReason(_) | EditComment(_) | SetOpened(..)
        ) {
            self.shared.send.changed();
        }
        match action {
            ReturnAction::Start if self.can_start() && self.shared.step == Step::Overview => {
                self.go(Step::Select)
            }
            ReturnAction::Start => {}
            ReturnAction::Toggle(id) => self.toggle(&id),
            ReturnAction::SetQuantity(id, text) => self.set_quantity(&id, text),
            ReturnAction::ChooseReason(id) => self.choose_reason(id),
            ReturnAction::EditComment(text) => self.edit_comment(text),
            ReturnAction::SetOpened(id, opened) => self.set_opened(&id, opened),
            ReturnAction::Continue => self.next_unless_refused(),
            ReturnAction::Back => self.back(),
            ReturnAction::Submit(now) => self.submit(now),
            ReturnAction::Close => self.close(),
            ReturnAction::Request(action) => self.on_request(action),
        }
    }
}

// Native: the tests read the sample orders with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
