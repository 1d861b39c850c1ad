//! Every transition of the flow, on real sample orders assessed by the real engine.

use super::*;
use crate::engine::{assess, Instant, Order, Policy};

const BUNDLE: &str = include_str!("../../static/orders/bundle.json");
const MULTI: &str = include_str!("../../static/orders/multi-shipment.json");

fn flow_for(order_json: &str, at: &str, policy: Policy) -> Rc<Flow> {
    let order = Order::from_json_str(order_json).expect("sample order");
    let at = Instant::parse_rfc3339(at).expect("instant");
    let assessment = Rc::new(assess(&order, &policy, at));
    Rc::new(Flow::new(Rc::new(FlowContext {
        assessment,
        reasons: policy.cancellation_reasons.clone(),
        key_seed: 7,
    })))
}

fn bundle_flow() -> Rc<Flow> {
    flow_for(BUNDLE, "2025-03-20T10:00:00-07:00", Policy::default())
}

fn multi_flow() -> Rc<Flow> {
    flow_for(MULTI, "2025-03-20T12:00:00-07:00", Policy::default())
}

fn required_reasons_policy() -> Policy {
    let mut policy = Policy::default();
    policy.cancellation_reasons.required = true;
    policy
}

fn run(flow: Rc<Flow>, actions: impl IntoIterator<Item = Action>) -> Rc<Flow> {
    actions
        .into_iter()
        .fold(flow, |flow, action| flow.reduce(action))
}

fn context_with(flow: &Flow, assessment: Rc<Assessment>) -> Rc<FlowContext> {
    Rc::new(FlowContext {
        assessment,
        reasons: flow.context.reasons.clone(),
        key_seed: flow.context.key_seed,
    })
}

fn toggle(id: &str) -> Action {
    Action::Toggle(id.to_owned())
}

fn reason(id: &str) -> Action {
    Action::ChooseReason(id.to_owned())
}

/// Cancel items, the memory card, Continue past the (optional) reason: the review step.
fn card_to_review() -> [Action; 4] {
    [
        Action::Start,
        toggle("card"),
        Action::Continue,
        Action::Continue,
    ]
}

#[test]
fn cancel_items_opens_step_one_only_when_something_can_be_cancelled() {
    let flow = run(multi_flow(), [Action::Start]);
    assert_eq!(flow.step, Step::Select);
    assert_eq!(flow.step_changes, 1);

    // Every item of the final-sale order was delivered: nothing to cancel.
    let delivered = flow_for(
        include_str!("../../static/orders/final-sale.json"),
        "2025-03-20T12:00:00-07:00",
        Policy::default(),
    );
    assert!(!delivered.can_start());
    let after = run(delivered.clone(), [Action::Start]);
    assert!(
        Rc::ptr_eq(&after, &delivered),
        "no state change, no re-render"
    );
}

#[test]
fn items_that_cannot_be_cancelled_cannot_be_selected() {
    let flow = run(
        multi_flow(),
        [Action::Start, toggle("chair"), toggle("laptop")],
    );
    assert!(flow.selected.is_empty(), "delivered items stay unselected");
    let flow = run(flow, [toggle("sleeve"), toggle("mat")]);
    assert_eq!(
        flow.selected,
        ["mat", "sleeve"],
        "kept in the order's item order"
    );
    let flow = run(flow, [toggle("nonexistent")]);
    assert_eq!(flow.selected, ["mat", "sleeve"]);
}

#[test]
fn selecting_a_bundle_item_selects_its_bundle_and_unselecting_releases_both() {
    let flow = run(bundle_flow(), [Action::Start, toggle("lens")]);
    assert_eq!(flow.selected, ["camera", "lens"]);
    let flow = run(flow, [toggle("card")]);
    assert_eq!(flow.selected, ["camera", "lens", "card"]);
    let flow = run(flow, [toggle("camera")]);
    assert_eq!(flow.selected, ["card"]);
}

#[test]
fn toggling_outside_step_one_does_nothing() {
    let flow = bundle_flow();
    assert_eq!(
        run(flow.clone(), [toggle("card")]).selected,
        Vec::<String>::new()
    );
    let flow = run(
        flow,
        [
            Action::Start,
            toggle("card"),
            Action::Continue,
            toggle("camera"),
        ],
    );
    assert_eq!(flow.step, Step::Reason);
    assert_eq!(flow.selected, ["card"]);
}

#[test]
fn continue_needs_an_item() {
    let flow = run(bundle_flow(), [Action::Start, Action::Continue]);
    assert_eq!(flow.step, Step::Select);
    assert_eq!(flow.problem, Some(Problem::NoItems));
    let flow = run(flow, [toggle("card")]);
    assert_eq!(flow.problem, None, "selecting clears the problem");
    let flow = run(flow, [Action::Continue]);
    assert_eq!(flow.step, Step::Reason);
}

#[test]
fn an_optional_reason_may_be_skipped() {
    let flow = run(bundle_flow(), card_to_review());
    assert_eq!(flow.step, Step::Review);
    assert_eq!(flow.request().reason, None);
}

#[test]
fn a_required_reason_and_its_comment_must_be_given() {
    let start = flow_for(
        BUNDLE,
        "2025-03-20T10:00:00-07:00",
        required_reasons_policy(),
    );
    let flow = run(start, card_to_review());
    assert_eq!(
        (flow.step, flow.problem),
        (Step::Reason, Some(Problem::NoReason))
    );

    let flow = run(flow, [reason("other")]);
    assert_eq!(flow.comment_wanted(), (true, true));
    let flow = run(flow, [Action::EditComment("   ".into()), Action::Continue]);
    assert_eq!(
        (flow.step, flow.problem),
        (Step::Reason, Some(Problem::NoComment))
    );

    let flow = run(
        flow,
        [
            Action::EditComment("Bought it twice".into()),
            Action::Continue,
        ],
    );
    assert_eq!(flow.step, Step::Review);
    assert_eq!(flow.request().comment.as_deref(), Some("Bought it twice"));
}

#[test]
fn only_comment_reasons_reveal_the_comment_field() {
    let flow = run(
        bundle_flow(),
        [Action::Start, toggle("card"), Action::Continue],
    );
    assert_eq!(flow.comment_wanted(), (false, false));
    let flow = run(flow, [reason("found_better_price")]);
    assert_eq!(flow.comment_wanted(), (false, false));
    let flow = run(flow, [reason("other")]);
    assert_eq!(
        flow.comment_wanted(),
        (true, false),
        "optional when reasons are optional"
    );
    let flow = run(flow, [reason("not_a_reason_of_the_policy")]);
    assert_eq!(
        flow.reason.as_deref(),
        Some("other"),
        "unknown reasons are ignored"
    );
}

#[test]
fn back_works_at_every_step_without_losing_choices() {
    let flow = run(
        bundle_flow(),
        [
            Action::Start,
            toggle("lens"),
            Action::Continue,
            reason("other"),
            Action::EditComment("Found it locally".into()),
            Action::Continue,
        ],
    );
    assert_eq!(flow.step, Step::Review);
    let mut steps = Vec::new();
    let mut flow = flow;
    for _ in 0..4 {
        flow = flow.reduce(Action::Back);
        steps.push(flow.step);
        assert_eq!(flow.selected, ["camera", "lens"]);
        assert_eq!(flow.reason.as_deref(), Some("other"));
        assert_eq!(flow.comment, "Found it locally");
    }
    assert_eq!(
        steps,
        [Step::Reason, Step::Select, Step::Overview, Step::Overview]
    );
    // And forward again, everything still there.
    let flow = run(flow, [Action::Start, Action::Continue, Action::Continue]);
    assert_eq!(flow.step, Step::Review);
    assert_eq!(flow.request().items.len(), 2);
}

#[test]
fn a_double_click_sends_one_request() {
    let review = run(bundle_flow(), card_to_review());
    let sending = review.clone().reduce(Action::Submit);
    assert!(sending.sending);
    assert_eq!(sending.attempt, 1);
    let again = sending.clone().reduce(Action::Submit);
    assert!(
        Rc::ptr_eq(&again, &sending),
        "the second click changes nothing"
    );
    assert!(
        Rc::ptr_eq(&again.clone().reduce(Action::Back), &again),
        "no going back while sending"
    );
}

#[test]
fn a_failure_keeps_every_choice_and_a_retry_reuses_the_key() {
    let review = run(
        bundle_flow(),
        [
            Action::Start,
            toggle("lens"),
            Action::Continue,
            reason("arriving_too_late"),
            Action::Continue,
        ],
    );
    let first = review.clone().reduce(Action::Submit);
    let key = first.request().idempotency_key;
    let failed = first.reduce(Action::Failed(1, SendFailure::Timeout));
    assert_eq!(failed.step, Step::Review);
    assert!(!failed.sending);
    assert_eq!(failed.failure, Some(SendFailure::Timeout));
    assert_eq!(failed.selected, ["camera", "lens"]);
    assert_eq!(failed.reason.as_deref(), Some("arriving_too_late"));

    let retry = failed.reduce(Action::Submit);
    assert_eq!(retry.attempt, 2);
    assert_eq!(retry.failure, None);
    assert_eq!(
        retry.request().idempotency_key,
        key,
        "same request, same key"
    );

    let changed = run(
        retry.reduce(Action::Failed(2, SendFailure::Rejected("503".into()))),
        [Action::Back, reason("ordered_by_mistake"), Action::Continue],
    );
    assert_ne!(
        changed.request().idempotency_key,
        key,
        "other choices, other key"
    );
}

#[test]
fn keys_differ_between_page_loads() {
    let review = |seed| {
        let flow = bundle_flow();
        let context = Rc::new(FlowContext {
            assessment: flow.context.assessment.clone(),
            reasons: flow.context.reasons.clone(),
            key_seed: seed,
        });
        run(Rc::new(Flow::new(context)), card_to_review())
            .request()
            .idempotency_key
    };
    assert_ne!(review(1), review(2));
    assert_eq!(review(3), review(3));
}

#[test]
fn answers_lead_to_the_outcome_only_while_sending() {
    let answer = HostAnswer {
        status: AnswerStatus::Requested,
        message: None,
        refund: None,
    };
    let review = run(bundle_flow(), card_to_review());
    let stray = review.clone().reduce(Action::Answered(1, answer.clone()));
    assert!(
        Rc::ptr_eq(&stray, &review),
        "an answer nobody asked for is ignored"
    );

    // A late answer to a timed-out first attempt does not answer the retry.
    let retrying = run(
        review,
        [
            Action::Submit,
            Action::Failed(1, SendFailure::Timeout),
            Action::Submit,
        ],
    );
    let late = retrying.clone().reduce(Action::Answered(1, answer.clone()));
    assert!(Rc::ptr_eq(&late, &retrying));

    let outcome = retrying.reduce(Action::Answered(2, answer.clone()));
    assert_eq!(outcome.step, Step::Outcome);
    assert_eq!(outcome.answer, Some(answer));
    let late_failure = outcome
        .clone()
        .reduce(Action::Failed(2, SendFailure::Timeout));
    assert!(
        Rc::ptr_eq(&late_failure, &outcome),
        "a timeout after the answer is ignored"
    );

    let closed = outcome.reduce(Action::Close);
    assert_eq!(closed.step, Step::Overview);
    assert!(closed.selected.is_empty() && closed.reason.is_none() && closed.answer.is_none());
}

#[test]
fn the_request_carries_items_quantities_reason_and_verdicts() {
    let flow = run(
        multi_flow(),
        [
            Action::Start,
            toggle("mat"),
            toggle("sleeve"),
            Action::Continue,
            reason("other"),
            Action::EditComment("  Moving house  ".into()),
            Action::Continue,
        ],
    );
    let request = flow.request();
    assert_eq!(request.order_id, "114-7765120-0043318");
    let lines: Vec<_> = request
        .items
        .iter()
        .map(|l| (l.item_id.as_str(), l.quantity))
        .collect();
    assert_eq!(lines, [("mat", 1), ("sleeve", 1)]);
    assert_eq!(request.comment.as_deref(), Some("Moving house"));
    let verdicts: Vec<_> = request
        .verdicts
        .iter()
        .map(|v| (v.item_id.as_str(), v.cancel))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("mat", CancelVerdict::Request),
            ("sleeve", CancelVerdict::Allowed)
        ]
    );
    assert!(request.idempotency_key.starts_with("oh-"));
}

#[test]
fn comments_are_cut_to_the_maximum() {
    let long = "é".repeat(MAX_COMMENT_CHARS + 20);
    let flow = run(bundle_flow(), [Action::EditComment(long)]);
    assert_eq!(flow.comment.chars().count(), MAX_COMMENT_CHARS);
}

#[test]
fn a_reassessment_drops_items_that_can_no_longer_be_cancelled() {
    let flow = run(
        multi_flow(),
        [
            Action::Start,
            toggle("mat"),
            toggle("sleeve"),
            Action::Continue,
        ],
    );
    // The host reports the mat delivered meanwhile.
    let mut order = Order::from_json_str(MULTI).unwrap();
    let mat_shipment = order.shipments.iter_mut().find(|s| s.id == "S2").unwrap();
    mat_shipment.status = crate::engine::ShipmentStatus::Delivered;
    mat_shipment.delivered_at = Some(Instant::parse_rfc3339("2025-03-20T11:00:00-07:00").unwrap());
    let at = Instant::parse_rfc3339("2025-03-20T12:00:00-07:00").unwrap();
    let fresh = Rc::new(assess(&order, &Policy::default(), at));
    let context = context_with(&flow, fresh);
    let flow = flow.reduce(Action::Reassessed(context));
    assert_eq!(flow.selected, ["sleeve"]);
    assert_eq!(flow.step, Step::Reason, "still something to cancel: stay");

    // Once nothing selected is cancellable any more, back to step 1.
    let sleeve = order.items.iter_mut().find(|i| i.id == "sleeve").unwrap();
    sleeve.shipment = Some("S1".into());
    let none_left = Rc::new(assess(&order, &Policy::default(), at));
    let context = context_with(&flow, none_left);
    let flow = flow.reduce(Action::Reassessed(context));
    assert!(flow.selected.is_empty());
    assert_eq!(flow.step, Step::Select);
}

#[test]
fn a_new_policy_without_the_chosen_reason_clears_it() {
    let flow = run(
        bundle_flow(),
        [
            Action::Start,
            toggle("card"),
            Action::Continue,
            reason("payment_issue"),
        ],
    );
    let mut reasons = flow.context.reasons.clone();
    reasons.options.retain(|o| o.id != "payment_issue");
    let context = Rc::new(FlowContext {
        assessment: flow.context.assessment.clone(),
        reasons,
        key_seed: flow.context.key_seed,
    });
    let flow = flow.reduce(Action::Reassessed(context));
    assert_eq!(flow.reason, None);
    assert_eq!(flow.selected, ["card"]);
}

#[test]
fn failure_codes_are_stable() {
    let codes: Vec<_> = [
        SendFailure::Timeout,
        SendFailure::Rejected(String::new()),
        SendFailure::Malformed(String::new()),
        SendFailure::NoHost,
    ]
    .iter()
    .map(SendFailure::code)
    .collect();
    assert_eq!(
        codes,
        [
            "request_timeout",
            "request_rejected",
            "answer_malformed",
            "no_request_handler"
        ]
    );
}
