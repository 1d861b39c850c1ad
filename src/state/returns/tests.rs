//! Every transition of the return flow, on the demo's return orders assessed by the real engine.

use super::*;
use crate::engine::{assess, Instant, Order, Policy};
use crate::state::testing::{comment_to_review, run};
use crate::state::SendFailure;

const MULTI: &str = include_str!("../../../static/orders/return-multi-unit.json");
const LAPTOP: &str = include_str!("../../../static/orders/return-opened-laptop.json");
const NOW: &str = "2025-03-20T12:00:00-07:00";

fn context(order_json: &str, at: &str) -> Rc<FlowContext> {
    let order = Order::from_json_str(order_json).expect("sample order");
    let policy = Policy::default();
    let at = Instant::parse_rfc3339(at).expect("instant");
    let assessment = Rc::new(assess(&order, &policy, at));
    Rc::new(FlowContext {
        order: Rc::new(order),
        policy: Rc::new(policy),
        assessment,
        customer: None,
        key_seed: 7,
    })
}

fn flow(order_json: &str) -> Rc<ReturnFlow> {
    Rc::new(ReturnFlow::new(context(order_json, NOW)))
}

/// "Request return" at the instant the flows here are assessed.
fn submit() -> ReturnAction {
    ReturnAction::Submit(Instant::parse_rfc3339(NOW).expect("instant"))
}

fn toggle(id: &str) -> ReturnAction {
    ReturnAction::Toggle(id.to_owned())
}

fn reason(id: &str) -> ReturnAction {
    ReturnAction::ChooseReason(id.to_owned())
}

fn opened(id: &str, yes: bool) -> ReturnAction {
    ReturnAction::SetOpened(id.to_owned(), yes)
}

/// Two of the four mugs, no longer needed: the review step.
fn two_mugs_to_review() -> Rc<ReturnFlow> {
    run(
        flow(MULTI),
        [
            ReturnAction::Start,
            toggle("mugs"),
            count("mugs", "2"),
            ReturnAction::Continue,
            reason("no_longer_needed"),
            ReturnAction::Continue,
        ],
    )
}

fn accepted() -> ReturnAnswer {
    ReturnAnswer::read(&crate::engine::json::Json::Object(vec![(
        "status".into(),
        crate::engine::json::Json::Str("accepted".into()),
    )]))
    .unwrap()
}

#[test]
fn return_items_opens_step_one_only_when_something_can_be_returned() {
    let started = run(flow(MULTI), [ReturnAction::Start]);
    assert_eq!(
        (started.shared.step, started.shared.step_changes),
        (Step::Select, 1)
    );
    // Nothing of the bundle order has been delivered: nothing to return yet.
    let bundle = flow(include_str!("../../../static/orders/bundle.json"));
    assert!(!bundle.can_start());
    assert_eq!(
        run(bundle, [ReturnAction::Start]).shared.step,
        Step::Overview
    );
}

#[test]
fn items_that_cannot_be_returned_cannot_be_selected() {
    let flow = run(flow(MULTI), [ReturnAction::Start, toggle("beans")]);
    assert_eq!(flow.returnable("beans"), 0, "groceries are not returnable");
    assert!(flow.selected.is_empty());
}

/// The customer typed `text` in the item's "how many".
fn count(item: &str, text: &str) -> ReturnAction {
    ReturnAction::SetQuantity(item.into(), text.into())
}

#[test]
fn a_quantity_is_a_whole_number_within_what_can_be_returned() {
    let flow = run(flow(MULTI), [ReturnAction::Start, toggle("mugs")]);
    assert_eq!(flow.quantity("mugs"), 4, "every returnable unit by default");
    let set = |text: &str| run(flow.clone(), [count("mugs", text)]);
    assert_eq!(set("2").quantity("mugs"), 2);
    assert_eq!(set(" 3 ").quantity("mugs"), 3);
    assert_eq!(set("1").refused("mugs"), None);
    // Unticking and ticking again keeps the number chosen.
    let again = run(set("3"), [toggle("mugs"), toggle("mugs")]);
    assert_eq!(
        (again.selected.clone(), again.quantity("mugs")),
        (vec!["mugs".to_owned()], 3)
    );
}

#[test]
fn a_quantity_that_is_not_a_whole_number_in_range_is_refused_never_read_as_another() {
    let two = run(
        flow(MULTI),
        [ReturnAction::Start, toggle("mugs"), count("mugs", "2")],
    );
    for typed in [
        "0",
        "-1",
        "",
        "2.5",
        "1e1",
        "5",
        "+3",
        "99999999999",
        "zwei",
    ] {
        let flow = run(two.clone(), [count("mugs", typed)]);
        assert_eq!(
            flow.refused("mugs"),
            Some(typed),
            "{typed:?} is refused as typed"
        );
        assert_eq!(flow.quantity("mugs"), 2, "{typed:?}: not 1, not the most");
        assert_eq!(flow.problem, Some(Problem::BadQuantity(4)), "said at once");
        // Continue waits, saying why, until it is corrected.
        let stuck = run(flow.clone(), [ReturnAction::Continue]);
        assert_eq!(
            (stuck.shared.step, stuck.problem),
            (Step::Select, Some(Problem::BadQuantity(4))),
            "{typed:?}"
        );
        let fixed = run(stuck, [count("mugs", "3")]);
        assert_eq!((fixed.refused("mugs"), fixed.problem), (None, None));
        let review = run(
            fixed,
            [
                ReturnAction::Continue,
                reason("no_longer_needed"),
                ReturnAction::Continue,
            ],
        );
        assert_eq!(review.shared.step, Step::Review);
        assert_eq!(review.proposal().unwrap().lines[0].quantity, 3, "as typed");
        // An unselected item's refused number does not stop Continue.
        let without = run(
            flow,
            [toggle("mugs"), toggle("kettle"), ReturnAction::Continue],
        );
        assert_eq!(without.shared.step, Step::Reason, "{typed:?}");
    }
}

#[test]
fn continue_needs_an_item_a_reason_and_a_required_comment() {
    let flow = run(flow(MULTI), [ReturnAction::Start, ReturnAction::Continue]);
    assert_eq!(
        (flow.shared.step, flow.problem),
        (Step::Select, Some(Problem::NoItems))
    );
    let flow = run(
        flow,
        [
            toggle("kettle"),
            ReturnAction::Continue,
            ReturnAction::Continue,
        ],
    );
    assert_eq!(
        (flow.shared.step, flow.problem),
        (Step::Reason, Some(Problem::NoReason))
    );
    // `other` asks for a comment.
    let flow = run(flow, [reason("other"), ReturnAction::Continue]);
    assert_eq!(flow.problem, Some(Problem::NoComment));
    let flow = comment_to_review(
        flow,
        ReturnAction::EditComment,
        "  Too loud ",
        ReturnAction::Continue,
    );
    assert_eq!(flow.request().comment.as_deref(), Some("Too loud"));
}

#[test]
fn opened_is_asked_only_where_it_changes_the_refund() {
    let flow = run(
        flow(LAPTOP),
        [
            ReturnAction::Start,
            toggle("laptop"),
            toggle("sleeve"),
            ReturnAction::Continue,
        ],
    );
    // Buyer's remorse on a computer: the opened-item fee depends on the answer.
    let remorse = run(flow.clone(), [reason("no_longer_needed")]);
    assert_eq!(remorse.asked_opened(), ["laptop"]);
    let blocked = run(remorse.clone(), [ReturnAction::Continue]);
    assert_eq!(
        (blocked.shared.step, blocked.problem),
        (Step::Reason, Some(Problem::NotSaidOpened))
    );
    // The seller's fault: refunded in full whatever the answer, so not asked.
    let damaged = run(flow, [reason("arrived_damaged"), ReturnAction::Continue]);
    assert!(damaged.asked_opened().is_empty());
    assert_eq!(damaged.shared.step, Step::Review);

    let yes = run(
        remorse.clone(),
        [opened("laptop", true), ReturnAction::Continue],
    );
    let no = run(remorse, [opened("laptop", false), ReturnAction::Continue]);
    assert_eq!(
        (yes.shared.step, no.shared.step),
        (Step::Review, Step::Review)
    );
    let (yes, no) = (
        yes.preview().unwrap().unwrap(),
        no.preview().unwrap().unwrap(),
    );
    assert!(yes.lines[0]
        .deductions
        .iter()
        .any(|d| d.code == crate::engine::DeductionCode::OpenedItemFee));
    assert!(no.lines[0].deductions.is_empty());
    assert!(yes.total < no.total);
}

#[test]
fn back_works_at_every_step_without_losing_choices() {
    let review = run(
        flow(LAPTOP),
        [
            ReturnAction::Start,
            toggle("laptop"),
            ReturnAction::Continue,
            reason("no_longer_needed"),
            opened("laptop", true),
            ReturnAction::EditComment("Too heavy".into()),
            ReturnAction::Continue,
        ],
    );
    assert_eq!(review.shared.step, Step::Review);
    let back = run(
        review.clone(),
        [ReturnAction::Back, ReturnAction::Back, ReturnAction::Back],
    );
    assert_eq!(back.shared.step, Step::Overview);
    let again = run(
        back,
        [
            ReturnAction::Start,
            ReturnAction::Continue,
            ReturnAction::Continue,
        ],
    );
    assert_eq!(again.shared.step, Step::Review, "every choice was kept");
    assert_eq!(again.request(), review.request());
}

#[test]
fn a_double_click_sends_one_request_and_a_retry_keeps_the_key() {
    let review = two_mugs_to_review();
    let sending = run(review.clone(), [submit()]);
    let twice = run(sending.clone(), [submit()]);
    assert!(
        Rc::ptr_eq(&sending, &twice),
        "a second click changes nothing"
    );
    assert_eq!(sending.shared.send.attempt, 1);
    assert!(sending.outgoing().is_some());
    let key = sending.request().idempotency_key;

    let failed = run(
        sending,
        [ReturnAction::Request(RequestAction::Failed(
            1,
            SendFailure::Timeout,
        ))],
    );
    assert_eq!(
        (failed.shared.step, failed.shared.send.sending),
        (Step::Review, false)
    );
    assert_eq!(failed.quantity("mugs"), 2, "choices kept");
    let retry = run(failed, [submit()]);
    assert_eq!(retry.shared.send.attempt, 2);
    assert_eq!(retry.request().idempotency_key, key);
    // A late answer to the first attempt is ignored.
    let late = run(
        retry.clone(),
        [ReturnAction::Request(RequestAction::Answered(
            1,
            accepted(),
        ))],
    );
    assert_eq!(late.shared.step, Step::Review);

    // Other choices, another key.
    let three = run(
        review,
        [
            ReturnAction::Back,
            ReturnAction::Back,
            count("mugs", "3"),
            ReturnAction::Continue,
            ReturnAction::Continue,
        ],
    );
    assert_ne!(three.request().idempotency_key, key);
}

#[test]
fn an_accepted_return_shows_in_the_overview_until_a_new_order() {
    let done = run(
        two_mugs_to_review(),
        [
            submit(),
            ReturnAction::Request(RequestAction::Answered(1, accepted())),
        ],
    );
    assert_eq!(done.shared.step, Step::Outcome);
    assert_eq!(done.requested, ["mugs"]);
    assert_eq!(done.sent.as_ref().unwrap().lines[0].quantity, 2);
    let closed = run(done, [ReturnAction::Close]);
    assert_eq!(closed.shared.step, Step::Overview);
    assert_eq!(closed.returnable("mugs"), 0, "not offered again");
    assert!(closed.can_start(), "the kettle still can be");
    // A newer order from the host that changed the mugs (2 now asked to return) decides again.
    let mut order: serde_json::Value = serde_json::from_str(MULTI).unwrap();
    order["items"][0]["return_requested_quantity"] = 2.into();
    let newer = run(
        closed,
        [ReturnAction::Request(RequestAction::Reassessed(context(
            &order.to_string(),
            NOW,
        )))],
    );
    assert!(newer.requested.is_empty());
    assert_eq!(newer.returnable("mugs"), 2);
}

#[test]
fn a_declined_return_leaves_the_items_as_they_were() {
    let declined = ReturnAnswer::read(&crate::engine::json::Json::Object(vec![(
        "status".into(),
        crate::engine::json::Json::Str("declined".into()),
    )]))
    .unwrap();
    let done = run(
        two_mugs_to_review(),
        [
            submit(),
            ReturnAction::Request(RequestAction::Answered(1, declined)),
        ],
    );
    assert_eq!(done.shared.step, Step::Outcome);
    assert!(done.requested.is_empty());
}

#[test]
fn the_engine_reads_the_return_request_the_widget_sends() {
    let flow = run(
        flow(LAPTOP),
        [
            ReturnAction::Start,
            toggle("laptop"),
            toggle("sleeve"),
            ReturnAction::Continue,
            reason("no_longer_needed"),
            opened("laptop", true),
            ReturnAction::Continue,
        ],
    );
    let sent = serde_json::to_value(flow.request()).unwrap();
    assert_eq!(sent["kind"], "return");
    assert_eq!(
        sent["items"],
        serde_json::json!([{"item_id": "laptop", "quantity": 1}, {"item_id": "sleeve", "quantity": 1}])
    );
    assert_eq!(
        sent["verdicts"][0],
        serde_json::json!({"item_id": "laptop", "return": "allowed", "code": "within_window"})
    );
    assert_eq!(
        sent["lines"],
        serde_json::json!([{"item_id": "laptop", "quantity": 1, "opened": true},
                           {"item_id": "sleeve", "quantity": 1, "opened": null}])
    );
    assert_eq!(sent["reason"], "no_longer_needed");
    let read = Request::from_json_str(&sent.to_string()).expect("the engine reads it");
    assert_eq!(read, flow.request());
    // Its lines with its reason are the proposal the server can preview again.
    let proposal = ReturnProposal {
        lines: read.lines.unwrap(),
        reason_id: read.reason.unwrap(),
    };
    assert_eq!(Some(proposal), flow.proposal());
}

fn answer(json: &str) -> Result<ReturnAnswer, String> {
    let tree = crate::engine::json::parse_text(json).expect("test JSON");
    ReturnAnswer::read(&tree)
}

#[test]
fn an_answer_is_read_by_its_status_and_a_label_is_linked_only_when_https() {
    let full = answer(
        r#"{"status": "accepted", "return_id": "R-1042", "label_url": "https://store.example/labels/R-1042.pdf",
            "instructions": "Drop it at any UPS store.", "message": "Thanks!", "extra": {"a": 1}}"#,
    )
    .unwrap();
    assert_eq!(full.status, ReturnStatus::Accepted);
    assert_eq!(full.details.return_id.as_deref(), Some("R-1042"));
    assert_eq!(
        full.details.label_url.as_deref(),
        Some("https://store.example/labels/R-1042.pdf")
    );
    assert_eq!(full.ignored, None);
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "http://store.example/label.pdf",
        " https://store.example/label.pdf",
        "https:/store.example",
        "https://",
        "data:text/html,hi",
        "/labels/R-1042.pdf",
    ] {
        let read = answer(&serde_json::json!({"status": "accepted", "label_url": bad}).to_string())
            .unwrap();
        assert_eq!(read.details.label_url, None, "{bad}");
        let why = read.ignored.unwrap();
        assert!(
            why.starts_with("label_url: expected an https: URL, found"),
            "{why}"
        );
    }
    let typed = answer(r#"{"status": "declined", "return_id": 42}"#).unwrap();
    assert_eq!(typed.status, ReturnStatus::Declined);
    assert_eq!(
        typed.ignored.as_deref(),
        Some("return_id: expected a string of at most 2000 characters, found 42")
    );
    assert_eq!(
        answer(r#"{"status": "cancelled"}"#).unwrap_err(),
        "status: expected \"accepted\" or \"declined\", found \"cancelled\""
    );
    assert!(answer(r#"{}"#).unwrap_err().ends_with("found nothing"));
    assert!(answer(r#"[1]"#)
        .unwrap_err()
        .starts_with("expected an object"));
}

#[test]
fn an_answer_text_longer_than_an_order_string_is_left_out() {
    use crate::engine::limits::MAX_STRING_CHARS;
    let longest = "é".repeat(MAX_STRING_CHARS);
    let huge = "x".repeat(2 * 1024 * 1024);
    let read = answer(
        &serde_json::json!({"status": "accepted", "return_id": longest, "instructions": huge,
                            "message": huge, "label_url": format!("https://store.example/{huge}")})
        .to_string(),
    )
    .unwrap();
    assert_eq!(read.status, ReturnStatus::Accepted, "the status stands");
    assert_eq!(read.details.return_id, Some(longest));
    assert_eq!(
        (
            read.message,
            read.details.instructions,
            read.details.label_url
        ),
        (None, None, None)
    );
    let why = read.ignored.unwrap();
    for name in ["message", "instructions", "label_url"] {
        assert!(
            why.contains(&format!(
                "{name}: expected a string of at most {MAX_STRING_CHARS} characters, found \"",
            )),
            "{name} in {why}"
        );
    }
}

#[test]
fn a_reassessment_drops_items_that_can_no_longer_be_returned() {
    let flow = run(
        flow(MULTI),
        [
            ReturnAction::Start,
            toggle("kettle"),
            ReturnAction::Continue,
        ],
    );
    // After the window closed (9 April 23:59:59 store time), nothing can be returned.
    let later = run(
        flow,
        [ReturnAction::Request(RequestAction::Reassessed(context(
            MULTI,
            "2025-04-10T00:00:00-07:00",
        )))],
    );
    assert!(later.selected.is_empty());
    assert_eq!(later.shared.step, Step::Select);
}

/// Issue 23, item 5: the wall clock jumps past the next boundary (here, the mugs' return
/// window) while the review is open; the click comes before the widget reassessed. The click's
/// instant is past what the review shows: not sent. A retry of a request sent in time is.
#[test]
fn a_new_request_is_checked_against_the_clock_of_the_click() {
    let review = two_mugs_to_review();
    let next = review
        .shared
        .context
        .assessment
        .next_change_at
        .expect("a window closes");
    let jumped = run(review.clone(), [ReturnAction::Submit(next.instant)]);
    assert_eq!(
        (jumped.shared.send.sending, jumped.shared.send.attempt),
        (false, 0)
    );
    let before = next.instant.saturating_add_seconds(-1);
    let sent = run(review, [ReturnAction::Submit(before)]);
    assert_eq!(sent.shared.send.attempt, 1);
    let retried = run(
        sent,
        [
            ReturnAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
            ReturnAction::Submit(next.instant.saturating_add_seconds(60)),
        ],
    );
    assert_eq!(retried.shared.send.attempt, 2);
}

/// Issue 23, item 6: after a failed send, Back and other choices make a request never sent:
/// the review shows no failure for it (and its button is not "Try again").
#[test]
fn a_changed_request_starts_clean() {
    let failed = run(
        two_mugs_to_review(),
        [
            submit(),
            ReturnAction::Request(RequestAction::Failed(
                1,
                SendFailure::Rejected("TypeError: Failed to fetch".into()),
            )),
        ],
    );
    assert!(failed.shared.send.failure.is_some());
    let changed = run(
        failed,
        [
            ReturnAction::Back,
            ReturnAction::Back,
            count("mugs", "1"),
            ReturnAction::Continue,
            ReturnAction::Continue,
        ],
    );
    assert_eq!(changed.shared.step, Step::Review);
    assert_eq!(changed.shared.send.failure, None);
}

/// Issue 23, item 6: an answer that arrives after the timeout still lands (the request did
/// arrive), unless a newer attempt started.
#[test]
fn an_answer_after_the_timeout_updates_the_screen() {
    let timed_out = run(
        two_mugs_to_review(),
        [
            submit(),
            ReturnAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
        ],
    );
    let late = run(
        timed_out.clone(),
        [ReturnAction::Request(RequestAction::Answered(
            1,
            accepted(),
        ))],
    );
    assert_eq!(late.shared.step, Step::Outcome);
    assert_eq!(late.shared.send.failure, None);
    assert!(late.shared.answer.is_some());
    // Another failure (a rejection) is not overtaken by a late answer to nothing.
    let rejected = run(
        two_mugs_to_review(),
        [
            submit(),
            ReturnAction::Request(RequestAction::Failed(1, SendFailure::Rejected("x".into()))),
            ReturnAction::Request(RequestAction::Answered(1, accepted())),
        ],
    );
    assert_eq!(rejected.shared.step, Step::Review);
}

/// Issue 23: the store's answer to a request it received is never lost. The two mugs' return,
/// given up on after the timeout; the customer goes back and picks the kettle instead of
/// them. The late acceptance lands: the outcome shows, and the mugs (only they) are requested.
#[test]
fn a_late_answer_lands_after_the_choices_changed() {
    let changed = run(
        two_mugs_to_review(),
        [
            submit(),
            ReturnAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
            ReturnAction::Back,
            ReturnAction::Back,
            toggle("mugs"),
            toggle("kettle"),
        ],
    );
    assert_eq!(changed.selected, ["kettle"]);
    let late = run(
        changed,
        [ReturnAction::Request(RequestAction::Answered(
            1,
            accepted(),
        ))],
    );
    assert_eq!(late.shared.step, Step::Outcome);
    assert_eq!(late.shared.send.failure, None);
    assert!(late.shared.answer.is_some());
    assert_eq!(late.requested, ["mugs"]);
    assert_eq!(late.shared.send.attempt, 1, "nothing is sent again");
}
