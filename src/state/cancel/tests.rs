//! Every transition of the flow, on real sample orders assessed by the real engine.

use super::*;
use crate::engine::{assess, Assessment, Instant, Order, Policy};
use crate::state::testing::{comment_to_review, run};
use crate::state::{SendFailure, MAX_COMMENT_CHARS};
use yew::Reducible;

const BUNDLE: &str = include_str!("../../../static/orders/bundle.json");
const MULTI: &str = include_str!("../../../static/orders/multi-shipment.json");

fn flow_for(order_json: &str, at: &str, policy: Policy) -> Rc<CancelFlow> {
    let order = Order::from_json_str(order_json).expect("sample order");
    let at = Instant::parse_rfc3339(at).expect("instant");
    let assessment = Rc::new(assess(&order, &policy, at));
    Rc::new(CancelFlow::new(Rc::new(FlowContext {
        order: Rc::new(order),
        policy: Rc::new(policy),
        assessment,
        customer: None,
        key_seed: 7,
    })))
}

/// "Request cancellation" at the earliest instant the flows here are assessed (every one of
/// their assessments still holds then).
fn submit() -> CancelAction {
    CancelAction::Submit(Instant::parse_rfc3339("2025-03-20T10:00:00-07:00").expect("instant"))
}

fn bundle_flow() -> Rc<CancelFlow> {
    flow_for(BUNDLE, "2025-03-20T10:00:00-07:00", Policy::default())
}

fn multi_flow() -> Rc<CancelFlow> {
    flow_for(MULTI, "2025-03-20T12:00:00-07:00", Policy::default())
}

fn required_reasons_policy() -> Policy {
    let mut policy = Policy::default();
    policy.cancellation_reasons.required = true;
    policy
}

fn context_with(flow: &CancelFlow, assessment: Rc<Assessment>) -> Rc<FlowContext> {
    Rc::new(FlowContext {
        order: flow.shared.context.order.clone(),
        policy: flow.shared.context.policy.clone(),
        assessment,
        customer: None,
        key_seed: flow.shared.context.key_seed,
    })
}

fn toggle(id: &str) -> CancelAction {
    CancelAction::Toggle(id.to_owned())
}

fn reason(id: &str) -> CancelAction {
    CancelAction::ChooseReason(id.to_owned())
}

/// Cancel items, the memory card, Continue past the (optional) reason: the review step.
fn card_to_review() -> [CancelAction; 4] {
    [
        CancelAction::Start,
        toggle("card"),
        CancelAction::Continue,
        CancelAction::Continue,
    ]
}

#[test]
fn cancel_items_opens_step_one_only_when_something_can_be_cancelled() {
    let flow = run(multi_flow(), [CancelAction::Start]);
    assert_eq!(flow.shared.step, Step::Select);
    assert_eq!(flow.shared.step_changes, 1);

    // Every item of the final-sale order was delivered: nothing to cancel.
    let delivered = flow_for(
        include_str!("../../../static/orders/final-sale.json"),
        "2025-03-20T12:00:00-07:00",
        Policy::default(),
    );
    assert!(!delivered.can_start());
    let after = run(delivered.clone(), [CancelAction::Start]);
    assert!(
        Rc::ptr_eq(&after, &delivered),
        "no state change, no re-render"
    );
}

#[test]
fn items_that_cannot_be_cancelled_cannot_be_selected() {
    let flow = run(
        multi_flow(),
        [CancelAction::Start, toggle("chair"), toggle("laptop")],
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
    let flow = run(bundle_flow(), [CancelAction::Start, toggle("lens")]);
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
            CancelAction::Start,
            toggle("card"),
            CancelAction::Continue,
            toggle("camera"),
        ],
    );
    assert_eq!(flow.shared.step, Step::Reason);
    assert_eq!(flow.selected, ["card"]);
}

#[test]
fn continue_needs_an_item() {
    let flow = run(bundle_flow(), [CancelAction::Start, CancelAction::Continue]);
    assert_eq!(flow.shared.step, Step::Select);
    assert_eq!(flow.problem, Some(Problem::NoItems));
    let flow = run(flow, [toggle("card")]);
    assert_eq!(flow.problem, None, "selecting clears the problem");
    let flow = run(flow, [CancelAction::Continue]);
    assert_eq!(flow.shared.step, Step::Reason);
}

#[test]
fn an_optional_reason_may_be_skipped() {
    let flow = run(bundle_flow(), card_to_review());
    assert_eq!(flow.shared.step, Step::Review);
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
        (flow.shared.step, flow.problem),
        (Step::Reason, Some(Problem::NoReason))
    );

    let flow = run(flow, [reason("other")]);
    assert_eq!(flow.comment_wanted(), (true, true));
    let flow = run(
        flow,
        [
            CancelAction::EditComment("   ".into()),
            CancelAction::Continue,
        ],
    );
    assert_eq!(
        (flow.shared.step, flow.problem),
        (Step::Reason, Some(Problem::NoComment))
    );

    let edit = CancelAction::EditComment;
    let flow = comment_to_review(flow, edit, "Bought it twice", CancelAction::Continue);
    assert_eq!(flow.request().comment.as_deref(), Some("Bought it twice"));
}

#[test]
fn only_comment_reasons_reveal_the_comment_field() {
    let flow = run(
        bundle_flow(),
        [CancelAction::Start, toggle("card"), CancelAction::Continue],
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
            CancelAction::Start,
            toggle("lens"),
            CancelAction::Continue,
            reason("other"),
            CancelAction::EditComment("Found it locally".into()),
            CancelAction::Continue,
        ],
    );
    assert_eq!(flow.shared.step, Step::Review);
    let mut steps = Vec::new();
    let mut flow = flow;
    for _ in 0..4 {
        flow = flow.reduce(CancelAction::Back);
        steps.push(flow.shared.step);
        assert_eq!(flow.selected, ["camera", "lens"]);
        assert_eq!(flow.reason.as_deref(), Some("other"));
        assert_eq!(flow.comment, "Found it locally");
    }
    assert_eq!(
        steps,
        [Step::Reason, Step::Select, Step::Overview, Step::Overview]
    );
    // And forward again, everything still there.
    let flow = run(
        flow,
        [
            CancelAction::Start,
            CancelAction::Continue,
            CancelAction::Continue,
        ],
    );
    assert_eq!(flow.shared.step, Step::Review);
    assert_eq!(flow.request().items.len(), 2);
}

#[test]
fn a_double_click_sends_one_request() {
    let review = run(bundle_flow(), card_to_review());
    let sending = review.clone().reduce(submit());
    assert!(sending.shared.send.sending);
    assert_eq!(sending.shared.send.attempt, 1);
    let again = sending.clone().reduce(submit());
    assert!(
        Rc::ptr_eq(&again, &sending),
        "the second click changes nothing"
    );
    assert!(
        Rc::ptr_eq(&again.clone().reduce(CancelAction::Back), &again),
        "no going back while sending"
    );
}

#[test]
fn a_failure_keeps_every_choice_and_a_retry_reuses_the_key() {
    let review = run(
        bundle_flow(),
        [
            CancelAction::Start,
            toggle("lens"),
            CancelAction::Continue,
            reason("arriving_too_late"),
            CancelAction::Continue,
        ],
    );
    let first = review.clone().reduce(submit());
    let key = first.request().idempotency_key;
    let failed = first.reduce(CancelAction::Request(RequestAction::Failed(
        1,
        SendFailure::Timeout,
    )));
    assert_eq!(failed.shared.step, Step::Review);
    assert!(!failed.shared.send.sending);
    assert_eq!(failed.shared.send.failure, Some(SendFailure::Timeout));
    assert_eq!(failed.selected, ["camera", "lens"]);
    assert_eq!(failed.reason.as_deref(), Some("arriving_too_late"));

    let retry = failed.reduce(submit());
    assert_eq!(retry.shared.send.attempt, 2);
    assert_eq!(retry.shared.send.failure, None);
    assert_eq!(
        retry.request().idempotency_key,
        key,
        "same request, same key"
    );

    let changed = run(
        retry.reduce(CancelAction::Request(RequestAction::Failed(
            2,
            SendFailure::Rejected("503".into()),
        ))),
        [
            CancelAction::Back,
            reason("ordered_by_mistake"),
            CancelAction::Continue,
        ],
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
            order: flow.shared.context.order.clone(),
            policy: flow.shared.context.policy.clone(),
            assessment: flow.shared.context.assessment.clone(),
            customer: None,
            key_seed: seed,
        });
        run(Rc::new(CancelFlow::new(context)), card_to_review())
            .request()
            .idempotency_key
    };
    assert_ne!(review(1), review(2));
    assert_eq!(review(3), review(3));
}

#[test]
fn answers_lead_to_the_outcome_only_while_sending() {
    let answer = CancelAnswer {
        status: CancelStatus::Requested,
        message: None,
        details: CancelDetails {
            refund: None,
            cancellation_id: None,
        },
        ignored: None,
    };
    let review = run(bundle_flow(), card_to_review());
    let stray = review
        .clone()
        .reduce(CancelAction::Request(RequestAction::Answered(
            1,
            answer.clone(),
        )));
    assert!(
        Rc::ptr_eq(&stray, &review),
        "an answer nobody asked for is ignored"
    );

    // A late answer to a timed-out first attempt does not answer the retry.
    let retrying = run(
        review,
        [
            submit(),
            CancelAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
            submit(),
        ],
    );
    let late = retrying
        .clone()
        .reduce(CancelAction::Request(RequestAction::Answered(
            1,
            answer.clone(),
        )));
    assert!(Rc::ptr_eq(&late, &retrying));

    let outcome = retrying.reduce(CancelAction::Request(RequestAction::Answered(
        2,
        answer.clone(),
    )));
    assert_eq!(outcome.shared.step, Step::Outcome);
    assert_eq!(outcome.shared.answer, Some(answer));
    let late_failure = outcome
        .clone()
        .reduce(CancelAction::Request(RequestAction::Failed(
            2,
            SendFailure::Timeout,
        )));
    assert!(
        Rc::ptr_eq(&late_failure, &outcome),
        "a timeout after the answer is ignored"
    );

    let closed = outcome.reduce(CancelAction::Close);
    assert_eq!(closed.shared.step, Step::Overview);
    assert!(
        closed.selected.is_empty() && closed.reason.is_none() && closed.shared.answer.is_none()
    );
}

#[test]
fn the_request_carries_items_quantities_reason_and_verdicts() {
    let flow = run(
        multi_flow(),
        [
            CancelAction::Start,
            toggle("mat"),
            toggle("sleeve"),
            CancelAction::Continue,
            reason("other"),
            CancelAction::EditComment("  Moving house  ".into()),
            CancelAction::Continue,
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
            ("mat", Some(CancelVerdict::Request)),
            ("sleeve", Some(CancelVerdict::Allowed))
        ]
    );
    assert!(request
        .idempotency_key
        .as_deref()
        .unwrap()
        .starts_with("oh-"));
}

/// The one host contract: what the widget sends (as JSON, the way the host receives it) is
/// what a store's server reads back with the engine's `Request` parser, field for field.
#[test]
fn the_engine_reads_the_cancel_request_the_widget_sends() {
    let flow = run(
        multi_flow(),
        [
            CancelAction::Start,
            toggle("mat"),
            CancelAction::Continue,
            reason("other"),
            CancelAction::EditComment("Moving house".into()),
            CancelAction::Continue,
        ],
    );
    let sent = serde_json::to_value(flow.request()).unwrap();
    assert_eq!(sent["kind"], "cancel");
    assert_eq!(
        sent["items"],
        serde_json::json!([{"item_id": "mat", "quantity": 1}])
    );
    assert_eq!(sent["reason"], "other");
    // RFC 3339 in UTC: the same instant the engine assessed (12:00 at -07:00).
    assert_eq!(sent["assessed_at"], "2025-03-20T19:00:00Z");
    let item = flow
        .shared
        .context
        .assessment
        .items
        .iter()
        .find(|i| i.item_id == "mat")
        .unwrap();
    assert_eq!(
        sent["verdicts"],
        serde_json::json!([{"item_id": "mat", "cancel": "request", "code": serde_json::to_value(item.cancel.code).unwrap()}])
    );
    let read =
        crate::engine::Request::from_json_str(&sent.to_string()).expect("the engine reads it");
    assert_eq!(read, flow.request());
}

#[test]
fn comments_are_cut_to_the_maximum() {
    let long = "é".repeat(MAX_COMMENT_CHARS + 20);
    let flow = run(bundle_flow(), [CancelAction::EditComment(long)]);
    assert_eq!(flow.comment.chars().count(), MAX_COMMENT_CHARS);
}

#[test]
fn a_reassessment_drops_items_that_can_no_longer_be_cancelled() {
    let flow = run(
        multi_flow(),
        [
            CancelAction::Start,
            toggle("mat"),
            toggle("sleeve"),
            CancelAction::Continue,
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
    let flow = flow.reduce(CancelAction::Request(RequestAction::Reassessed(context)));
    assert_eq!(flow.selected, ["sleeve"]);
    assert_eq!(
        flow.shared.step,
        Step::Reason,
        "still something to cancel: stay"
    );

    // Once nothing selected is cancellable any more, back to step 1.
    let sleeve = order.items.iter_mut().find(|i| i.id == "sleeve").unwrap();
    sleeve.shipment = Some("S1".into());
    let none_left = Rc::new(assess(&order, &Policy::default(), at));
    let context = context_with(&flow, none_left);
    let flow = flow.reduce(CancelAction::Request(RequestAction::Reassessed(context)));
    assert!(flow.selected.is_empty());
    assert_eq!(flow.shared.step, Step::Select);
}

#[test]
fn a_new_policy_without_the_chosen_reason_clears_it() {
    let flow = run(
        bundle_flow(),
        [
            CancelAction::Start,
            toggle("card"),
            CancelAction::Continue,
            reason("payment_issue"),
        ],
    );
    let mut policy = (*flow.shared.context.policy).clone();
    policy
        .cancellation_reasons
        .options
        .retain(|o| o.id != "payment_issue");
    let context = Rc::new(FlowContext {
        order: flow.shared.context.order.clone(),
        policy: Rc::new(policy),
        assessment: flow.shared.context.assessment.clone(),
        customer: None,
        key_seed: flow.shared.context.key_seed,
    });
    let flow = flow.reduce(CancelAction::Request(RequestAction::Reassessed(context)));
    assert_eq!(flow.reason, None);
    assert_eq!(flow.selected, ["card"]);
}

#[test]
fn failure_codes_are_stable() {
    let codes: Vec<_> = [
        SendFailure::Timeout,
        SendFailure::Rejected(String::new()),
        SendFailure::Refused(String::new()),
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
            "request_rejected",
            "answer_malformed",
            "no_request_handler"
        ]
    );
}

fn read(text: &str, cap: u64) -> Result<CancelAnswer, String> {
    let tree = crate::engine::json::parse_text(text).expect("test JSON");
    CancelAnswer::read(&tree, cap)
}

#[test]
fn an_answer_is_read_by_its_status_and_other_fields_are_ignored() {
    // What most back ends pass on: their own fields besides the contract's.
    let answer = read(
        r#"{"status": "cancelled", "refund": 4998, "cancellation_id": "c_123", "meta": {"at": [1, 2]}}"#,
        5497,
    )
    .expect("a normal answer");
    assert_eq!(
        answer,
        CancelAnswer {
            status: CancelStatus::Cancelled,
            message: None,
            details: CancelDetails {
                refund: Some(4998),
                cancellation_id: Some("c_123".into()),
            },
            ignored: None,
        }
    );
    for (text, status) in [
        (
            r#"{"status": "requested", "message": "Asked the seller."}"#,
            CancelStatus::Requested,
        ),
        (
            r#"{"status": "declined", "refund": null, "message": null}"#,
            CancelStatus::Declined,
        ),
        // The last of duplicated keys wins, as in JSON.parse.
        (
            r#"{"status": "declined", "status": "cancelled"}"#,
            CancelStatus::Cancelled,
        ),
    ] {
        let answer = read(text, 5497).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(answer.status, status, "{text}");
        assert_eq!(answer.ignored, None, "{text}");
    }
}

#[test]
fn a_bad_refund_is_ignored_and_reported_but_the_status_stands() {
    // With 5497 as the most the request could refund (its items plus delivery):
    for refund in [
        "9007199254740991",
        "5498",
        "-1",
        "49.98",
        "\"4998\"",
        "true",
        "[4998]",
        "{\"amount\": 4998}",
    ] {
        let text = format!(r#"{{"status": "cancelled", "refund": {refund}}}"#);
        let answer = read(&text, 5497).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(answer.status, CancelStatus::Cancelled, "{text}");
        assert_eq!(
            answer.details.refund, None,
            "{text}: the widget's estimate is shown"
        );
        let why = answer.ignored.unwrap_or_default();
        assert!(
            why.starts_with("refund: expected a whole number of minor units from 0 to 5497"),
            "{text}: {why}"
        );
    }
    // The bounds themselves are fine.
    assert_eq!(
        read(r#"{"status": "cancelled", "refund": 0}"#, 5497)
            .unwrap()
            .details
            .refund,
        Some(0)
    );
    assert_eq!(
        read(r#"{"status": "cancelled", "refund": 5497}"#, 5497)
            .unwrap()
            .details
            .refund,
        Some(5497)
    );
    let message = read(r#"{"status": "requested", "message": 42}"#, 5497).unwrap();
    assert_eq!(
        (message.message, message.ignored.as_deref()),
        (
            None,
            Some("message: expected a string of at most 2000 characters, found 42")
        )
    );
}

#[test]
fn only_a_missing_or_unknown_status_is_a_malformed_answer() {
    for (text, expected) in [
        (
            r#"{"refund": 4998}"#,
            r#"status: expected "cancelled", "requested" or "declined", found nothing"#,
        ),
        (
            r#"{"status": null}"#,
            r#"status: expected "cancelled", "requested" or "declined", found nothing"#,
        ),
        (
            r#"{"status": "ok"}"#,
            r#"status: expected "cancelled", "requested" or "declined", found "ok""#,
        ),
        (
            r#"{"status": "Cancelled"}"#,
            r#"status: expected "cancelled", "requested" or "declined", found "Cancelled""#,
        ),
        (
            r#"{"status": 1}"#,
            r#"status: expected "cancelled", "requested" or "declined", found 1"#,
        ),
        (
            r#""cancelled""#,
            r#"expected an object {status, message?, refund?, cancellation_id?}, found "cancelled""#,
        ),
        (
            "null",
            "expected an object {status, message?, refund?, cancellation_id?}, found null",
        ),
        (
            "[]",
            "expected an object {status, message?, refund?, cancellation_id?}, found an array",
        ),
    ] {
        assert_eq!(read(text, 5497), Err(expected.to_owned()), "{text}");
    }
}

#[test]
fn the_refund_cap_is_the_selected_items_plus_delivery() {
    let flow = run(bundle_flow(), [CancelAction::Start, toggle("card")]);
    assert_eq!(flow.refund_cap(), 2 * 2499);
    let flow = run(flow, [toggle("camera")]);
    assert_eq!(
        flow.refund_cap(),
        2 * 2499 + 64900 + 24900,
        "the lens comes with the camera"
    );
    let mut order = Order::from_json_str(BUNDLE).unwrap();
    order.shipping_cost = crate::engine::Money::from_minor(599);
    let context = Rc::new(FlowContext {
        order: Rc::new(order),
        policy: flow.shared.context.policy.clone(),
        assessment: flow.shared.context.assessment.clone(),
        customer: None,
        key_seed: 7,
    });
    let flow = flow.reduce(CancelAction::Request(RequestAction::Reassessed(context)));
    assert_eq!(flow.refund_cap(), 2 * 2499 + 64900 + 24900 + 599);
}

fn answered(status: CancelStatus) -> CancelAction {
    answered_to(1, status)
}

/// The host's answer `status` to request number `attempt`.
fn answered_to(attempt: u32, status: CancelStatus) -> CancelAction {
    CancelAction::Request(RequestAction::Answered(
        attempt,
        CancelAnswer {
            status,
            message: None,
            details: CancelDetails {
                refund: None,
                cancellation_id: None,
            },
            ignored: None,
        },
    ))
}

/// The bundle's card sent for cancellation, answered with `status`, and the outcome closed.
fn answered_and_closed(status: CancelStatus) -> Rc<CancelFlow> {
    let flow = run(bundle_flow(), card_to_review());
    run(flow, [submit(), answered(status), CancelAction::Close])
}

/// The store's cancellation number is read from its answer; one that is not a string is left out
/// and reported, and the status stands.
#[test]
fn a_cancellation_number_is_read_as_text() {
    let numbered = read(r#"{"status": "requested", "cancellation_id": "C-9"}"#, 5497).unwrap();
    assert_eq!(numbered.details.cancellation_id.as_deref(), Some("C-9"));
    let typed = read(r#"{"status": "requested", "cancellation_id": 9}"#, 5497).unwrap();
    assert_eq!(typed.status, CancelStatus::Requested);
    assert_eq!(typed.details.cancellation_id, None);
    assert_eq!(
        typed.ignored.as_deref(),
        Some("cancellation_id: expected a string of at most 2000 characters, found 9")
    );
    // A number longer than an order's strings may be is left out, and said (issue 23).
    let long = format!(
        r#"{{"status": "requested", "cancellation_id": "{}"}}"#,
        "C".repeat(2001)
    );
    let bounded = read(&long, 5497).unwrap();
    assert_eq!(bounded.status, CancelStatus::Requested);
    assert_eq!(bounded.details.cancellation_id, None);
    assert!(bounded
        .ignored
        .as_deref()
        .is_some_and(|i| i.starts_with("cancellation_id: expected a string of at most 2000")));
}

#[test]
fn after_an_answer_the_items_keep_its_outcome_until_the_host_gives_a_new_order() {
    let flow = answered_and_closed(CancelStatus::Cancelled);
    assert_eq!(flow.shared.step, Step::Overview);
    assert_eq!(flow.outcomes, [("card".to_owned(), ItemOutcome::Cancelled)]);
    assert!(
        !flow.selectable("card"),
        "a cancelled item is not offered again"
    );
    assert!(
        flow.can_start(),
        "the camera and lens can still be cancelled"
    );
    let select = run(flow.clone(), [CancelAction::Start, toggle("card")]);
    assert!(
        select.selected.is_empty(),
        "the cancelled card cannot be selected"
    );

    // The camera (and its lens) as a request: every item is accounted for, nothing to start.
    let all = run(
        select,
        [
            toggle("camera"),
            CancelAction::Continue,
            CancelAction::Continue,
            submit(),
            CancelAction::Request(RequestAction::Answered(
                2,
                CancelAnswer {
                    status: CancelStatus::Requested,
                    message: None,
                    details: CancelDetails {
                        refund: None,
                        cancellation_id: None,
                    },
                    ignored: None,
                },
            )),
            CancelAction::Close,
        ],
    );
    assert_eq!(
        all.outcomes,
        [
            ("camera".to_owned(), ItemOutcome::Requested),
            ("lens".to_owned(), ItemOutcome::Requested),
            ("card".to_owned(), ItemOutcome::Cancelled),
        ]
    );
    assert!(!all.can_start());
    assert_eq!(
        all.clone().reduce(CancelAction::Start).shared.step,
        Step::Overview
    );

    // Time passing (a new assessment of the same order) changes nothing of it.
    let later = all.shared.context.assessment.clone();
    let ticked = all
        .clone()
        .reduce(CancelAction::Request(RequestAction::Reassessed(
            context_with(&all, Rc::new((*later).clone())),
        )));
    assert_eq!(ticked.outcomes, all.outcomes);

    // A new order that changes nothing of them (an unrelated update): the answers stand.
    let same = Rc::new((*all.shared.context.order).clone());
    let (assessment, policy) = (
        all.shared.context.assessment.clone(),
        all.shared.context.policy.clone(),
    );
    let context = |order: Rc<Order>| {
        Rc::new(FlowContext {
            order,
            policy: policy.clone(),
            assessment: assessment.clone(),
            customer: None,
            key_seed: 7,
        })
    };
    let unrelated = all
        .clone()
        .reduce(CancelAction::Request(RequestAction::Reassessed(context(
            same,
        ))));
    assert_eq!(unrelated.outcomes, all.outcomes);

    // The host's new order says what became of the card (a cancelled shipment of its own): its
    // answer gives way to the order; the camera and lens keep theirs.
    let mut order = (*all.shared.context.order).clone();
    let mut cancelled = order.shipments[0].clone();
    cancelled.id = "S-cancelled".into();
    cancelled.status = crate::engine::ShipmentStatus::Cancelled;
    order.shipments.push(cancelled);
    order
        .items
        .iter_mut()
        .find(|i| i.id == "card")
        .unwrap()
        .shipment = Some("S-cancelled".into());
    let fresh = all.reduce(CancelAction::Request(RequestAction::Reassessed(context(
        Rc::new(order),
    ))));
    assert_eq!(
        fresh.outcomes,
        [
            ("camera".to_owned(), ItemOutcome::Requested),
            ("lens".to_owned(), ItemOutcome::Requested),
        ]
    );
}

#[test]
fn a_new_order_during_the_outcome_keeps_the_items_it_is_about() {
    let flow = run(bundle_flow(), card_to_review());
    let outcome = run(flow, [submit(), answered(CancelStatus::Cancelled)]);
    let mut order = (*outcome.shared.context.order).clone();
    order.shipments[0].status = crate::engine::ShipmentStatus::Cancelled;
    let at = Instant::parse_rfc3339("2025-03-20T10:00:00-07:00").unwrap();
    let context = Rc::new(FlowContext {
        assessment: Rc::new(assess(&order, &Policy::default(), at)),
        order: Rc::new(order),
        policy: outcome.shared.context.policy.clone(),
        customer: None,
        key_seed: 7,
    });
    let updated = outcome.reduce(CancelAction::Request(RequestAction::Reassessed(context)));
    assert_eq!(updated.shared.step, Step::Outcome);
    assert_eq!(
        updated.selected,
        ["card"],
        "the outcome still shows what was cancelled"
    );
}

#[test]
fn a_declined_answer_leaves_the_items_as_they_were() {
    let flow = answered_and_closed(CancelStatus::Declined);
    assert!(flow.outcomes.is_empty());
    assert!(flow.selectable("card"));
}

/// Issue 23, item 5: a click whose instant is past the assessment's next boundary (the wall
/// clock jumped before the widget reassessed) sends nothing; one before it does. (The bundle's
/// verdicts do not change with time, so its assessment is given a boundary, an hour on.)
#[test]
fn a_new_request_is_checked_against_the_clock_of_the_click() {
    let review = run(bundle_flow(), card_to_review());
    let mut assessment = (*review.shared.context.assessment).clone();
    let next = assessment.at.instant.saturating_add_seconds(3_600);
    assessment.next_change_at = Some(crate::engine::ZonedInstant {
        instant: next,
        offset_seconds: assessment.at.offset_seconds,
    });
    let context = context_with(&review, Rc::new(assessment));
    let review = review.reduce(CancelAction::Request(RequestAction::Reassessed(context)));
    let jumped = review
        .clone()
        .reduce(CancelAction::Submit(next.saturating_add_seconds(1_800)));
    assert_eq!(
        (jumped.shared.send.sending, jumped.shared.send.attempt),
        (false, 0)
    );
    let in_time = review.reduce(CancelAction::Submit(next.saturating_add_seconds(-1)));
    assert_eq!(in_time.shared.send.attempt, 1);
}

/// The card sent, given up on after the timeout; then Back to step one and the lens (with
/// its camera) added: the customer is composing another request.
fn card_given_up_then_lens_added() -> Rc<CancelFlow> {
    let flow = run(bundle_flow(), card_to_review());
    run(
        flow,
        [
            submit(),
            CancelAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
            CancelAction::Back,
            CancelAction::Back,
            toggle("lens"),
        ],
    )
}

/// Issue 23: the store's answer to a request it received is never lost. A late answer to
/// the card's request, given up on after the timeout, lands after the customer changed the
/// choices: the outcome shows, and the card (only it) is cancelled.
#[test]
fn a_late_answer_lands_after_the_choices_changed() {
    let changed = card_given_up_then_lens_added();
    assert_eq!(changed.shared.step, Step::Select);
    assert_eq!(changed.selected, ["camera", "lens", "card"]);
    let late = run(changed, [answered(CancelStatus::Cancelled)]);
    assert_eq!(late.shared.step, Step::Outcome);
    assert_eq!(late.shared.send.failure, None);
    assert!(late.shared.answer.is_some());
    assert_eq!(late.outcomes, [("card".to_owned(), ItemOutcome::Cancelled)]);
    let closed = run(late, [CancelAction::Close]);
    assert!(!closed.selectable("card"));
    assert!(closed.selectable("lens"));
    // A second answer to the same request is not taken twice.
    let twice = closed.clone().reduce(answered(CancelStatus::Requested));
    assert!(Rc::ptr_eq(&twice, &closed));
}

/// The same when the customer already sent the other request: the late answer's outcome
/// wins for the card, and the request under way keeps waiting for its own answer (nothing
/// is sent again).
#[test]
fn a_late_answer_lands_while_another_request_is_under_way() {
    let second = run(
        card_given_up_then_lens_added(),
        [CancelAction::Continue, CancelAction::Continue, submit()],
    );
    assert_eq!(second.shared.send.attempt, 2);
    assert!(second.shared.send.sending);
    let late = run(second, [answered(CancelStatus::Cancelled)]);
    assert_eq!(late.outcome("card"), Some(ItemOutcome::Cancelled));
    assert_eq!(late.outcome("lens"), None);
    assert!(
        late.shared.send.sending,
        "the other request is still under way"
    );
    assert_eq!(late.shared.send.attempt, 2, "nothing is sent again");
    let both = run(late, [answered_to(2, CancelStatus::Requested)]);
    assert!(!both.shared.send.sending);
    assert_eq!(both.outcome("lens"), Some(ItemOutcome::Requested));
    assert_eq!(both.outcome("camera"), Some(ItemOutcome::Requested));
}
