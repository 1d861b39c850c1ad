//! What the order records (issue 22), in headless Chromium: after a reload, a pending
//! cancellation reads "Cancellation requested" with the store's number and is not offered again,
//! a received withdrawal reads "Withdrawal received on …" with what comes next and the
//! withdrawal function covers only what is left, a return reads "Return requested" — as the
//! outcome of each request did; and the store's cancellation number on the outcome and in the
//! outcome's `order-help-step` event.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use order_help::host::Host;
use order_help_engine::{order_from_tree, policy_from_tree, Policy};
use support::{settle, tree, FakeHost, Fixture};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLE: &str = include_str!("../static/orders/bundle.json");
const BUNDLE_NOW: &str = "2025-03-20T10:00:00-07:00";
const EASTER: &str = include_str!("../static/orders/withdrawal-easter.json");
const BERLIN: &str = include_str!("../static/policies/berlin-withdrawal.json");
const EASTER_NOW: &str = "2026-04-02T10:00:00+02:00";
const DELIVERED_29: &str = include_str!("../static/orders/delivered-29-days-ago.json");
const DELIVERED_29_NOW: &str = "2025-03-30T12:00:00-07:00";

/// `json` with `fields` (JSON members, comma-separated) added to the item whose id is `id`.
fn with_item_fields(json: &str, id: &str, fields: &str) -> String {
    let anchor = format!("\"id\": \"{id}\",");
    assert!(json.contains(&anchor), "no item {id}");
    json.replacen(&anchor, &format!("{anchor} {fields},"), 1)
}

impl Fixture {
    /// `order` (JSON text) under `policy` (none: the default), at `now`, in English.
    async fn recorded(order: &str, policy: Option<&str>, now: &str, host: Host) -> Fixture {
        let order = Rc::new(order_from_tree(&tree(order)).expect("order"));
        let policy = Rc::new(policy.map_or_else(Policy::default, |p| {
            policy_from_tree(&tree(p)).expect("policy")
        }));
        Fixture::mount_widget(order, policy, now, "en-US", host, |_| {}).await
    }

    fn item_text(&self, id: &str) -> String {
        self.text(&format!("li[data-item=\"{id}\"]"))
    }

    fn badge(&self, id: &str) -> String {
        self.text(&format!("li[data-item=\"{id}\"] .badge"))
    }

    /// The step-1 checkbox of the item whose choice mentions `title`.
    fn checkbox(&self, title: &str) -> HtmlInputElement {
        self.all(".choice")
            .into_iter()
            .find(|c| c.text_content().unwrap_or_default().contains(title))
            .and_then(|c| c.query_selector("input").unwrap())
            .unwrap_or_else(|| panic!("no checkbox for {title:?}"))
            .unchecked_into()
    }

    /// Cancel items → the memory cards → Continue, Continue → Request cancellation.
    async fn request_the_cards(&self) {
        self.press(&self.button("Cancel items")).await;
        self.press(&self.checkbox("memory card")).await;
        self.press(&self.button("Continue")).await;
        self.press(&self.button("Continue")).await;
        self.press(&self.button("Request cancellation")).await;
    }

    fn has_button(&self, label: &str) -> bool {
        self.all("button")
            .iter()
            .any(|b| b.text_content().unwrap_or_default() == label)
    }
}

/// The `order-help-step` events' details (as JSON) dispatched on `target`.
fn step_events(target: &Element) -> Rc<RefCell<Vec<String>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let kept = seen.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let detail = event.unchecked_ref::<CustomEvent>().detail();
        let json = js_sys::JSON::stringify(&detail).map(String::from);
        kept.borrow_mut().push(json.unwrap_or_default());
    });
    target
        .add_event_listener_with_callback("order-help-step", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

#[wasm_bindgen_test]
async fn the_cancellation_number_shows_on_the_outcome_and_in_the_step_event() {
    let store = FakeHost::new();
    let document = web_sys::window().unwrap().document().unwrap();
    let target = document.create_element("div").unwrap();
    let events = step_events(&target);
    let host = Host {
        events: Some(target.clone().into()),
        ..store.host()
    };
    let w = Fixture::recorded(BUNDLE, None, BUNDLE_NOW, host).await;
    w.request_the_cards().await;
    store.answer(r#"{"status": "requested", "cancellation_id": "C-9"}"#);
    settle().await;

    let outcome = w.text("section.outcome");
    assert!(
        outcome.contains("Your cancellation number: C-9"),
        "{outcome}"
    );
    let last = events.borrow().last().cloned().unwrap_or_default();
    assert_eq!(
        last,
        r#"{"step":"outcome","kind":"cancel","cancellation_id":"C-9"}"#
    );
    w.press(&w.button("Back to your order")).await;
    assert_eq!(w.badge("card"), "Cancellation requested");
}

#[wasm_bindgen_test]
async fn a_declined_cancellation_shows_no_number() {
    let store = FakeHost::new();
    let w = Fixture::recorded(BUNDLE, None, BUNDLE_NOW, store.host()).await;
    w.request_the_cards().await;
    store.answer(r#"{"status": "declined", "cancellation_id": "C-10"}"#);
    settle().await;
    assert!(!w.text("section.outcome").contains("C-10"));
}

#[wasm_bindgen_test]
async fn a_pending_cancellation_after_a_reload_says_so_with_its_number_and_is_not_offered() {
    let order = with_item_fields(
        BUNDLE,
        "card",
        r#""cancellation_requested_at": "2025-03-20T09:00:00-07:00", "cancellation_id": "C-4711""#,
    );
    let w = Fixture::recorded(&order, None, BUNDLE_NOW, FakeHost::new().host()).await;
    assert_eq!(w.badge("card"), "Cancellation requested");
    let line = w.item_text("card");
    assert!(line.contains("Cancellation requested on"), "{line}");
    assert!(line.contains("(number C-4711)"), "{line}");
    // The camera and lens are still offered; the cards are not.
    w.press(&w.button("Cancel items")).await;
    let cards = w.checkbox("memory card");
    assert!(
        cards.disabled(),
        "a pending cancellation is not offered again"
    );
}

#[wasm_bindgen_test]
async fn a_received_withdrawal_after_a_reload_says_so_and_the_function_covers_only_the_rest() {
    let received = r#""withdrawal_received_at": "2026-04-01T09:15:00+02:00""#;
    // One of the two covered items withdrawn from: the function stays for the other.
    let one = with_item_fields(EASTER, "mantel", received);
    let store = FakeHost::new();
    let w = Fixture::recorded(&one, Some(BERLIN), EASTER_NOW, store.host()).await;
    assert_eq!(w.badge("mantel"), "Withdrawal received");
    let line = w.item_text("mantel");
    assert!(line.contains("Withdrawal received on"), "{line}");
    assert!(line.contains("send it back within 14 days"), "{line}");
    w.press(&w.button("Withdraw from contract here")).await;
    let offered = w.text("fieldset");
    assert!(!offered.contains("Wollmantel"), "{offered}");
    w.press(&w.button("Confirm withdrawal")).await;
    assert_eq!(store.count(), 1);
    assert_eq!(store.field(0, "items.length").as_f64(), Some(1.0));
    assert_eq!(
        store.field(0, "items.0.item_id").as_string().as_deref(),
        Some("schal")
    );

    // Both withdrawn from: no function any more; each item says so.
    let both = with_item_fields(&one, "schal", received);
    let w = Fixture::recorded(&both, Some(BERLIN), EASTER_NOW, FakeHost::new().host()).await;
    assert!(!w.has_button("Withdraw from contract here"));
    assert!(w.item_text("schal").contains("Withdrawal received on"));
}

#[wasm_bindgen_test]
async fn a_partial_withdrawal_sends_only_the_units_left() {
    let order = EASTER.replacen("\"quantity\": 1,", "\"quantity\": 3,", 1);
    let order = with_item_fields(
        &order,
        "mantel",
        r#""withdrawal_received_at": "2026-04-01T09:15:00+02:00", "withdrawn_quantity": 1"#,
    );
    let store = FakeHost::new();
    let w = Fixture::recorded(&order, Some(BERLIN), EASTER_NOW, store.host()).await;
    w.press(&w.button("Withdraw from contract here")).await;
    w.press(&w.button("Confirm withdrawal")).await;
    assert_eq!(
        store.field(0, "items.0.item_id").as_string().as_deref(),
        Some("mantel")
    );
    assert_eq!(store.field(0, "items.0.quantity").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
async fn a_return_after_a_reload_reads_return_requested_not_not_returnable() {
    let order = with_item_fields(DELIVERED_29, "blender", r#""return_requested_quantity": 1"#);
    let w = Fixture::recorded(&order, None, DELIVERED_29_NOW, FakeHost::new().host()).await;
    assert_eq!(w.badge("blender"), "Return requested");
    assert!(!w.item_text("blender").contains("Not returnable"));
}
