//! Every transition of the withdrawal flow, on the demo's German orders assessed by the real
//! engine under the demo's Berlin policy (withdrawal on, German public holidays).

use super::*;
use crate::engine::{assess, Order, Policy, RequestKind, WithdrawalVerdict};
use crate::state::SendFailure;
use yew::Reducible;

const EASTER: &str = include_str!("../../../static/orders/withdrawal-easter.json");
const IN_TRANSIT: &str = include_str!("../../../static/orders/withdrawal-in-transit.json");
const BERLIN: &str = include_str!("../../../static/policies/berlin-withdrawal.json");
/// The Easter order's period: 14 days from Saturday 21 March end on Good Friday, 3 April; the
/// holiday weekend (Good Friday, Saturday, Sunday, Easter Monday) moves it to Tuesday 7 April.
const DEADLINE: &str = "2026-04-07T23:59:59+02:00";

fn at(text: &str) -> Instant {
    Instant::parse_rfc3339(text).expect("instant")
}

fn context(order: &str, now: &str, customer: Option<Customer>) -> Rc<FlowContext> {
    let order = Rc::new(Order::from_json_str(order).expect("sample order"));
    let policy = Policy::from_json_str(BERLIN).expect("policy");
    let assessment = Rc::new(assess(&order, &policy, at(now)));
    let customer = order.customer.clone().or(customer);
    Rc::new(FlowContext {
        order,
        policy: Rc::new(policy),
        assessment,
        customer,
        key_seed: 7,
    })
}

fn easter(now: &str) -> Rc<WithdrawalFlow> {
    Rc::new(WithdrawalFlow::new(context(EASTER, now, None)))
}

fn run(
    flow: Rc<WithdrawalFlow>,
    actions: impl IntoIterator<Item = WithdrawalAction>,
) -> Rc<WithdrawalFlow> {
    actions
        .into_iter()
        .fold(flow, |flow, action| flow.reduce(action))
}

fn confirm(now: &str) -> WithdrawalAction {
    WithdrawalAction::Confirm(at(now))
}

fn receipt(received: &str) -> Receipt {
    Receipt {
        received_at: at(received),
        acknowledgement_to: Some("jana.krueger@example.de".into()),
        ignored: None,
    }
}

#[test]
fn the_demo_period_ends_after_the_easter_weekend() {
    let flow = easter("2026-04-02T10:00:00+02:00");
    let decision = &flow.shared.context.assessment.withdrawal;
    assert_eq!(
        decision.deadline.map(|d| d.to_string()).as_deref(),
        Some(DEADLINE)
    );
    assert_eq!(
        decision.moved_from.map(|d| d.to_string()).as_deref(),
        Some("2026-04-03")
    );
    // The engraved mug is personalised (art. 16(c)): not covered, not selected.
    assert_eq!(flow.selected, ["mantel", "schal"]);
    assert!(flow.can_open());
}

#[test]
fn open_shows_the_form_prefilled_from_the_order_only_while_allowed() {
    let flow = run(
        easter("2026-04-02T10:00:00+02:00"),
        [WithdrawalAction::Open],
    );
    assert_eq!(flow.shared.step, WithdrawalStep::Form);
    assert_eq!(flow.shared.step_changes, 1);
    assert_eq!(
        (flow.name.as_str(), flow.email.as_str()),
        ("Jana Krüger", "jana.krueger@example.de")
    );

    // The config's customer fills the form when the order names none.
    let given = Customer {
        name: "Ali Demir".into(),
        email: "ali@example.de".into(),
        country: None,
    };
    let in_transit = WithdrawalFlow::new(context(
        IN_TRANSIT,
        "2026-04-01T10:00:00+02:00",
        Some(given),
    ));
    assert_eq!(in_transit.name, "Ali Demir");
    // A good still on its way: allowed, with no deadline yet.
    assert!(in_transit.can_open());
    assert_eq!(
        in_transit.shared.context.assessment.withdrawal.deadline,
        None
    );

    // A second after the period: expired, no button, Open does nothing.
    let late = easter("2026-04-08T00:00:00+02:00");
    assert!(!late.can_open());
    let same = late.clone().reduce(WithdrawalAction::Open);
    assert!(Rc::ptr_eq(&late, &same));
}

#[test]
fn every_field_is_checked_only_after_confirm_and_blocks_it() {
    let now = "2026-04-02T10:00:00+02:00";
    let flow = run(
        easter(now),
        [
            WithdrawalAction::Open,
            WithdrawalAction::EditName("  ".into()),
            WithdrawalAction::EditEmail("jana.krueger".into()),
        ],
    );
    // Typing is not yet an error.
    assert!(!flow.checked);
    let flow = run(flow, [confirm(now)]);
    assert!(flow.checked);
    assert_eq!(flow.invalid_tries, 1);
    assert!(!flow.shared.send.sending);
    assert_eq!(flow.shared.send.attempt, 0);
    assert_eq!(flow.name_problem(), Some(FieldProblem::Missing));
    assert_eq!(flow.email_problem(), Some(FieldProblem::NotAnEmail));
    // Fixing the fields clears their problems as the customer types.
    let flow = run(
        flow,
        [
            WithdrawalAction::EditName("Jana".into()),
            WithdrawalAction::EditEmail("".into()),
        ],
    );
    assert_eq!(flow.name_problem(), None);
    assert_eq!(flow.email_problem(), Some(FieldProblem::Missing));
    // No item: a problem of its own.
    let flow = run(
        flow,
        [
            WithdrawalAction::EditEmail("jana@example.de".into()),
            WithdrawalAction::Toggle("mantel".into()),
            WithdrawalAction::Toggle("schal".into()),
            confirm(now),
        ],
    );
    assert!(flow.no_items());
    assert_eq!((flow.invalid_tries, flow.shared.send.sending), (2, false));
    // The mug is not covered: it cannot be selected.
    let flow = run(flow, [WithdrawalAction::Toggle("becher".into())]);
    assert!(flow.no_items());
    let flow = run(
        flow,
        [WithdrawalAction::Toggle("schal".into()), confirm(now)],
    );
    assert!(flow.shared.send.sending);
    assert_eq!(flow.request().items.len(), 1);
    assert_eq!(flow.request().items[0].item_id, "schal");
}

#[test]
fn long_input_is_cut_at_the_limits() {
    let flow = run(
        easter("2026-04-02T10:00:00+02:00"),
        [
            WithdrawalAction::Open,
            WithdrawalAction::EditName("n".repeat(MAX_NAME_CHARS + 50)),
            WithdrawalAction::EditEmail(format!("{}@example.de", "e".repeat(300))),
        ],
    );
    assert_eq!(flow.name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(flow.email.chars().count(), MAX_EMAIL_CHARS);
}

#[test]
fn confirm_sends_once_with_the_click_instant_and_the_customer() {
    let flow = run(
        easter("2026-04-02T10:00:00+02:00"),
        [WithdrawalAction::Open, confirm("2026-04-02T10:00:07+02:00")],
    );
    assert!(flow.shared.send.sending);
    assert_eq!(flow.shared.send.attempt, 1);
    // A double click: the second Confirm changes nothing (one request).
    let again = flow.clone().reduce(confirm("2026-04-02T10:00:08+02:00"));
    assert!(Rc::ptr_eq(&flow, &again));
    // Typing while it is sent changes nothing sent either.
    let typed = flow.clone().reduce(WithdrawalAction::EditName("X".into()));
    assert!(Rc::ptr_eq(&flow, &typed));

    let request = flow.request();
    assert_eq!(request.kind, RequestKind::Withdrawal);
    assert_eq!(request.declared_at, Some(at("2026-04-02T08:00:07Z")));
    assert_eq!(
        request.customer.as_ref().map(|c| c.email.as_str()),
        Some("jana.krueger@example.de")
    );
    // The common shape: a store's server reads it back with the engine, as it was sent.
    let json = serde_json::to_string(&request).unwrap();
    assert!(json.contains(r#""kind":"withdrawal""#), "{json}");
    let read = crate::engine::Request::from_json_str(&json).expect("the common request shape");
    assert_eq!(read.kind, RequestKind::Withdrawal);
    assert_eq!(
        read.customer.as_ref().map(|c| c.name.as_str()),
        Some("Jana Krüger")
    );
    assert_eq!(
        read.declared_at.map(|d| d.to_string()).as_deref(),
        Some("2026-04-02T08:00:07Z")
    );
    assert_eq!(read.items.len(), 2);
    // The verdict the customer was shown, for each item withdrawn from.
    assert_eq!(
        read.verdicts
            .iter()
            .map(|v| (v.item_id.as_str(), v.withdrawal, v.code.as_str()))
            .collect::<Vec<_>>(),
        read.items
            .iter()
            .map(|i| (
                i.item_id.as_str(),
                Some(WithdrawalVerdict::Allowed),
                "within_period"
            ))
            .collect::<Vec<_>>()
    );
    assert_eq!(read, request);
}

#[test]
fn a_failure_keeps_everything_and_try_again_keeps_the_key_and_the_declaration_time() {
    let flow = run(
        easter("2026-04-02T10:00:00+02:00"),
        [WithdrawalAction::Open, confirm("2026-04-02T10:00:07+02:00")],
    );
    let first = flow.request();
    let flow = run(
        flow,
        [WithdrawalAction::Request(RequestAction::Failed(
            1,
            SendFailure::Timeout,
        ))],
    );
    assert_eq!(flow.shared.send.failure, Some(SendFailure::Timeout));
    assert_eq!(
        (flow.shared.step, flow.shared.send.sending),
        (WithdrawalStep::Form, false)
    );
    assert_eq!(flow.selected, ["mantel", "schal"]);
    // Try again, later: the same declaration, the same key.
    let flow = run(flow, [confirm("2026-04-02T10:05:00+02:00")]);
    assert_eq!(flow.shared.send.attempt, 2);
    assert_eq!(flow.request(), first);
    // A late answer to the first send is ignored; the second's counts.
    let ignored = flow
        .clone()
        .reduce(WithdrawalAction::Request(RequestAction::Answered(
            1,
            receipt("2026-04-02T08:05:01Z"),
        )));
    assert!(Rc::ptr_eq(&flow, &ignored));
    let done = run(
        flow,
        [WithdrawalAction::Request(RequestAction::Answered(
            2,
            receipt("2026-04-02T08:05:01Z"),
        ))],
    );
    assert_eq!(done.shared.step, WithdrawalStep::Outcome);

    // A change after a failure is a new request (a new key), but the same declaration: within
    // the policy's max_delay_seconds (600 s) of the first click it keeps that instant, after
    // that (still in the period) it is made at its own click.
    let changed = run(
        easter("2026-04-02T10:00:00+02:00"),
        [
            WithdrawalAction::Open,
            confirm("2026-04-02T10:00:07+02:00"),
            WithdrawalAction::Request(RequestAction::Failed(1, SendFailure::NoHost)),
            WithdrawalAction::EditEmail("jana@example.org".into()),
            confirm("2026-04-02T10:09:00+02:00"),
        ],
    );
    assert_ne!(changed.request().idempotency_key, first.idempotency_key);
    assert_eq!(
        changed.request().declared_at,
        Some(at("2026-04-02T08:00:07Z"))
    );
    let later = run(
        changed,
        [
            WithdrawalAction::Request(RequestAction::Failed(2, SendFailure::NoHost)),
            confirm("2026-04-02T10:10:08+02:00"),
        ],
    );
    assert_eq!(
        later.request().declared_at,
        Some(at("2026-04-02T08:10:08Z"))
    );
}

/// Issue 23, item 1: the page's clock at 23:59:40 on the last day, Confirm at 23:59:55, the
/// host rejects, and ten seconds later the customer corrects the e-mail address.
#[test]
fn a_correction_after_a_failed_send_keeps_the_declaration_made_in_time() {
    let flow = run(
        easter("2026-04-07T23:59:40+02:00"),
        [
            WithdrawalAction::Open,
            confirm("2026-04-07T23:59:55+02:00"),
            WithdrawalAction::Request(RequestAction::Failed(
                1,
                SendFailure::Rejected("TypeError: Failed to fetch".into()),
            )),
            WithdrawalAction::Request(RequestAction::Reassessed(context(
                EASTER,
                "2026-04-08T00:00:00+02:00",
                None,
            ))),
            WithdrawalAction::EditEmail("jana.kruger@example.de".into()),
        ],
    );
    // The failure was about the request before the correction; the declaration stands.
    assert_eq!(flow.shared.send.failure, None);
    assert_eq!(flow.declared_at, Some(at("2026-04-07T21:59:55Z")));
    let sent = run(flow.clone(), [confirm("2026-04-08T00:00:05+02:00")]);
    assert!(sent.shared.send.sending);
    assert!(!sent.too_late);
    let request = sent.request();
    assert_eq!(request.declared_at, Some(at("2026-04-07T21:59:55Z")));
    assert_eq!(request.customer.unwrap().email, "jana.kruger@example.de");

    // More than max_delay_seconds after the first click, past the deadline: not sent, and
    // the flow remembers why (the form shows the first instant and the store's address).
    let stale = run(flow, [confirm("2026-04-08T00:10:00+02:00")]);
    assert!(!stale.shared.send.sending);
    assert!(stale.too_late);
    assert_eq!(stale.declared_at, Some(at("2026-04-07T21:59:55Z")));
    // Exactly at the limit it is still sent.
    let edge = run(
        easter("2026-04-07T23:59:40+02:00"),
        [
            WithdrawalAction::Open,
            confirm("2026-04-07T23:59:55+02:00"),
            WithdrawalAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
            confirm("2026-04-08T00:09:55+02:00"),
        ],
    );
    assert_eq!(edge.shared.send.attempt, 2);
}

/// Issue 23, item 5: the form opened at 23:59:00, the system clock jumps 30 minutes, the click
/// comes before the widget reassessed: the click's own instant is past the deadline.
#[test]
fn a_new_declaration_is_checked_against_the_clock_of_the_click() {
    let flow = run(
        easter("2026-04-07T23:59:00+02:00"),
        [WithdrawalAction::Open],
    );
    assert!(flow.allowed());
    let jumped = run(flow.clone(), [confirm("2026-04-08T00:29:00+02:00")]);
    assert_eq!(
        (jumped.shared.send.sending, jumped.shared.send.attempt),
        (false, 0)
    );
    assert!(jumped.too_late);
    assert_eq!(jumped.declared_at, None);
    // The last second of the period still counts.
    let last = run(flow, [confirm("2026-04-07T23:59:59+02:00")]);
    assert!(last.shared.send.sending);
}

#[test]
fn a_declaration_confirmed_a_second_before_the_deadline_counts_when_answered_after_it() {
    let flow = run(
        easter("2026-04-07T23:59:58+02:00"),
        [WithdrawalAction::Open, confirm("2026-04-07T23:59:58+02:00")],
    );
    assert!(flow.shared.send.sending);
    // The deadline passes while the store is answering: the period is over for new
    // declarations, not for this one.
    let expired = context(EASTER, "2026-04-08T00:00:00+02:00", None);
    assert!(!expired.withdrawal_allowed());
    let flow = run(
        flow,
        [
            WithdrawalAction::Request(RequestAction::Reassessed(expired.clone())),
            WithdrawalAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
            // Try again after the deadline: the same declaration, made in time.
            confirm("2026-04-08T00:00:30+02:00"),
        ],
    );
    assert!(flow.shared.send.sending);
    assert_eq!(flow.request().declared_at, Some(at("2026-04-07T21:59:58Z")));
    let flow = run(
        flow,
        [WithdrawalAction::Request(RequestAction::Answered(
            2,
            receipt("2026-04-07T22:00:31Z"),
        ))],
    );
    assert_eq!(flow.shared.step, WithdrawalStep::Outcome);
    assert!(flow.shared.answer.is_some());
    // Back to the order: no button again (received; and expired).
    let flow = run(flow, [WithdrawalAction::Close]);
    assert_eq!(
        (flow.shared.step, flow.shared.step_changes),
        (WithdrawalStep::Overview, 3)
    );
    assert!(!flow.can_open());

    // A new declaration after the deadline is not sent.
    let late = run(
        easter("2026-04-07T23:59:58+02:00"),
        [
            WithdrawalAction::Open,
            WithdrawalAction::Request(RequestAction::Reassessed(expired)),
        ],
    );
    let late = run(late, [confirm("2026-04-08T00:00:01+02:00")]);
    assert_eq!(
        (late.shared.send.sending, late.shared.send.attempt),
        (false, 0)
    );
}

#[test]
fn back_keeps_what_was_typed_and_the_host_customer_fills_only_untouched_fields() {
    let flow = run(
        easter("2026-04-02T10:00:00+02:00"),
        [
            WithdrawalAction::Open,
            WithdrawalAction::EditName("J. Krüger".into()),
            WithdrawalAction::Back,
        ],
    );
    assert_eq!(
        (flow.shared.step, flow.shared.step_changes),
        (WithdrawalStep::Overview, 2)
    );
    let flow = run(flow, [WithdrawalAction::Open]);
    assert_eq!(flow.name, "J. Krüger");

    let given = |email: &str| {
        Some(Customer {
            name: "Ali Demir".into(),
            email: email.into(),
            country: None,
        })
    };
    let now = "2026-04-01T10:00:00+02:00";
    let flow = run(
        Rc::new(WithdrawalFlow::new(context(
            IN_TRANSIT,
            now,
            given("ali@example.de"),
        ))),
        [
            WithdrawalAction::Open,
            WithdrawalAction::EditName("Ali D.".into()),
        ],
    );
    let flow = run(
        flow,
        [WithdrawalAction::Request(RequestAction::Reassessed(
            context(IN_TRANSIT, now, given("demir@example.de")),
        ))],
    );
    assert_eq!(
        (flow.name.as_str(), flow.email.as_str()),
        ("Ali D.", "demir@example.de")
    );
}

/// The Easter order was placed on 16 March; the store answers on 8 April, just after midnight.
const PLACED: &str = "2026-03-16T19:20:00+01:00";
const ANSWERED: &str = "2026-04-08T00:00:30+02:00";

fn read_receipt(json: &str) -> Result<Receipt, String> {
    let tree = crate::engine::json::parse_text(json).expect("test JSON");
    Receipt::read(&tree, at(PLACED), at(ANSWERED))
}

#[test]
fn the_host_receipt_is_read_with_clear_errors() {
    let read = read_receipt;
    let ok = read(
        r#"{"received_at": "2026-04-07T22:00:31Z", "acknowledgement_to": "jana@example.de", "id": 9}"#,
    )
    .unwrap();
    assert_eq!(ok.received_at, at("2026-04-08T00:00:31+02:00"));
    assert_eq!(ok.acknowledgement_to.as_deref(), Some("jana@example.de"));
    let odd = read(r#"{"received_at": "2026-04-07T22:00:31Z", "acknowledgement_to": 5}"#).unwrap();
    assert_eq!(odd.acknowledgement_to, None);
    assert!(odd
        .ignored
        .unwrap()
        .contains("acknowledgement_to: expected an e-mail address (a string of at most 2000 characters), found 5"));
    for (json, says) in [
        (r#"{}"#, "received_at: expected an RFC 3339 instant with an offset (e.g. \"2026-04-07T21:59:59Z\") from the order's placed_at to five minutes after the widget's clock, found nothing"),
        (r#"{"received_at": "yesterday"}"#, "found \"yesterday\""),
        (r#"{"received_at": 1775600000}"#, "found 1775600000"),
        (r#"["ok"]"#, "expected an object {received_at, acknowledgement_to?}, found an array"),
    ] {
        let error = read(json).unwrap_err();
        assert!(error.contains(says), "{json}: {error}");
    }
}

#[test]
fn a_receipt_time_before_the_order_or_ahead_of_the_clock_is_no_receipt() {
    let with = |received: &str| read_receipt(&format!(r#"{{"received_at": "{received}"}}"#));
    // From the order's placing to five minutes after the widget's clock (the skew `verify`
    // allows two clocks): a receipt.
    for received in [
        PLACED,
        "2026-04-07T22:00:30Z",
        "2026-04-07T22:05:30Z",
        "2026-04-08T00:05:30+02:00",
    ] {
        assert_eq!(with(received).unwrap().received_at, at(received));
    }
    // 1999, a second before the order, a second more than five minutes ahead: not this
    // declaration's receipt, and the error names the field, the range and what was found.
    for received in [
        "1999-04-07T22:00:31Z",
        "2026-03-16T18:19:59Z",
        "2026-04-07T22:05:31Z",
    ] {
        let error = with(received).unwrap_err();
        assert_eq!(
            error,
            format!(
                "received_at: expected an RFC 3339 instant with an offset (e.g. \
                 \"2026-04-07T21:59:59Z\") from the order's placed_at to five minutes after the \
                 widget's clock, found \"{received}\""
            )
        );
    }
}

#[test]
fn a_receipt_string_longer_than_an_order_string_is_left_out() {
    use crate::engine::limits::MAX_STRING_CHARS;
    let address = |chars: usize| format!("{}@example.de", "j".repeat(chars - "@example.de".len()));
    let answer = |to: &str| {
        read_receipt(
            &serde_json::json!({"received_at": "2026-04-07T22:00:31Z", "acknowledgement_to": to})
                .to_string(),
        )
        .unwrap()
    };
    let longest = address(MAX_STRING_CHARS);
    assert_eq!(answer(&longest).acknowledgement_to, Some(longest));
    let huge = answer(&address(2 * 1024 * 1024));
    assert_eq!(
        huge.acknowledgement_to, None,
        "the receipt stands, without it"
    );
    assert_eq!(
        huge.ignored.as_deref(),
        Some(
            format!(
                "acknowledgement_to: expected an e-mail address (a string of at most \
                 {MAX_STRING_CHARS} characters), found \"{}…\"",
                "j".repeat(40)
            )
            .as_str()
        )
    );
}

/// Issue 23: the store's answer to a request it received is never lost. The declaration is
/// given up on after the timeout, the customer then corrects the name; the store's receipt
/// for the declaration sent arrives: it is the outcome, with what was sent.
#[test]
fn a_late_receipt_lands_after_a_field_was_edited() {
    let flow = run(
        easter("2026-04-02T10:00:00+02:00"),
        [WithdrawalAction::Open, confirm("2026-04-02T10:00:00+02:00")],
    );
    let sent = flow.request();
    let edited = run(
        flow,
        [
            WithdrawalAction::Request(RequestAction::Failed(1, SendFailure::Timeout)),
            WithdrawalAction::EditName("Jana K.".into()),
        ],
    );
    assert_eq!(edited.shared.send.failure, None);
    assert_eq!(edited.shared.step, WithdrawalStep::Form);
    let late = run(
        edited,
        [WithdrawalAction::Request(RequestAction::Answered(
            1,
            receipt("2026-04-02T08:00:02Z"),
        ))],
    );
    assert_eq!(late.shared.step, WithdrawalStep::Outcome);
    assert!(late.shared.answer.is_some());
    assert_eq!(late.shared.send.attempt, 1, "nothing is sent again");
    assert_eq!(
        late.request().items,
        sent.items,
        "the outcome shows the items declared"
    );
    let closed = run(late, [WithdrawalAction::Close]);
    assert!(!closed.can_open(), "received: the button is gone");
}
