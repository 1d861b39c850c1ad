//! The widget in headless Chromium, driven through its DOM on the demo's sample orders, with a
//! manual clock so every boundary is crossed to the second without waiting.
//!
//! Keyboard: a step is "pressed" as the browser does for Enter/Space (see `support`); the
//! end-to-end suite (Playwright) presses the real keys.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Function, Reflect};
use order_help::host::Host;
use order_help::i18n::Msg;
use order_help_engine::{Names, Policy};
use support::{get, lang_of, ms, order, settle, FakeHost, Fixture};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLE: &str = include_str!("../static/orders/bundle.json");
const MULTI: &str = include_str!("../static/orders/multi-shipment.json");
const DELIVERED_29: &str = include_str!("../static/orders/delivered-29-days-ago.json");
const MARKETPLACE_GRACE: &str = include_str!("../static/orders/marketplace-grace.json");
/// The bundle sample's demo time.
const BUNDLE_NOW: &str = "2025-03-20T10:00:00-07:00";

/// An item that can never be returned says so in the overview, even while its next step is to
/// cancel it; the category is named by the policy for the customer's language, else humanised,
/// never by its id (issue 24).
#[wasm_bindgen_test]
async fn a_never_returnable_item_says_so_by_the_categorys_name() {
    let json = BUNDLE
        .replacen("\"electronics\"", "\"gift_cards\"", 1)
        .replacen("\"electronics\"", "\"store_credit\"", 1);
    let names = [
        ("en", "Gift cards"),
        ("en-GB", "Gift tokens"),
        ("fr-CA", "Cartes-cadeaux (CA)"),
        ("fr", "Cartes-cadeaux"),
        ("de", "Gutscheine"),
    ]
    .map(|(tag, name)| (tag.to_owned(), name.to_owned()))
    .to_vec();
    let policy = Rc::new(Policy {
        non_returnable_categories: vec!["gift_cards".into(), "store_credit".into()],
        category_names: Names(vec![("gift_cards".to_owned(), Names(names))]),
        ..Policy::default()
    });
    for (locale, named, humanised) in [
        ("en-US", "“Gift cards”", "“store credit”"),
        ("de-DE", "„Gutscheine“", "„store credit“"),
        // An English page by its own tag; a plain `fr` ahead of another French tag.
        ("en-GB", "“Gift tokens”", "“store credit”"),
        ("fr-FR", "«\u{202f}Cartes-cadeaux\u{202f}»", "store credit"),
    ] {
        let mut widget = Fixture::mount_widget(
            order(&json),
            policy.clone(),
            BUNDLE_NOW,
            locale,
            Host::default(),
            |_| {},
        )
        .await;
        let camera = widget.item_text("camera");
        let lens = widget.item_text("lens");
        assert!(camera.contains(named), "{locale}: {camera}");
        assert!(lens.contains(humanised), "{locale}: {lens}");
        for text in [&camera, &lens] {
            assert!(
                !text.contains("gift_cards") && !text.contains("store_credit"),
                "{text}"
            );
        }
        widget.unmount();
    }
}

/// A default category that the policy names in no language (the default policy) reads in the
/// page's language from its catalogue (`category_gift_cards`), never as the English id
/// humanised inside another language's sentence; English keeps its words.
#[wasm_bindgen_test]
async fn a_default_category_is_named_in_the_pages_language() {
    let json = BUNDLE.replacen("\"electronics\"", "\"gift_cards\"", 1);
    for locale in [
        "en-US", "de-DE", "fr-FR", "es-ES", "nl-NL", "it-IT", "pl-PL", "sv-SE",
    ] {
        // English shows the id humanised (the compiled-in English leaves these names out).
        let name = match lang_of(locale).key("category_gift_cards") {
            "" if locale.starts_with("en") => "gift cards".to_owned(),
            name => name.to_owned(),
        };
        assert!(!name.is_empty(), "{locale}: the catalogue names gift cards");
        let mut widget = Fixture::mount_widget(
            order(&json),
            Rc::new(Policy::default()),
            BUNDLE_NOW,
            locale,
            Host::default(),
            |_| {},
        )
        .await;
        let camera = widget.item_text("camera");
        assert!(camera.contains(&name), "{locale}: {name} in {camera}");
        if !locale.starts_with("en") {
            assert!(!camera.contains("gift cards"), "{locale}: {camera}");
        }
        widget.unmount();
    }
}

/// This file's mounts (the default policy) and finders (items, step-1 choices).
impl Fixture {
    async fn mount(order_json: &str, now: &str, locale: &'static str, host: Host) -> Fixture {
        Fixture::mount_with(order_json, now, locale, host, 15_000).await
    }

    async fn mount_with(
        order_json: &str,
        now: &str,
        locale: &'static str,
        host: Host,
        timeout_ms: u32,
    ) -> Fixture {
        let policy = Rc::new(Policy::default());
        Fixture::mount_widget(order(order_json), policy, now, locale, host, |props| {
            props.timeout_ms = timeout_ms
        })
        .await
    }

    /// `order_json` at `now`, in English, with no request handler.
    async fn at(order_json: &str, now: &str) -> Fixture {
        Fixture::mount(order_json, now, "en-US", Host::default()).await
    }

    /// The bundle sample at its demo time, in English.
    async fn bundle(host: Host) -> Fixture {
        Fixture::mount(BUNDLE, BUNDLE_NOW, "en-US", host).await
    }

    fn item(&self, id: &str) -> Element {
        self.one(&format!("li[data-item=\"{id}\"]"))
    }

    fn item_text(&self, id: &str) -> String {
        self.item(id).text_content().unwrap()
    }

    /// The step-1 choice whose item title is `title` (or contains it).
    fn choice(&self, title: &str) -> Element {
        let title_of = |label: &Element| {
            label
                .query_selector(".title")
                .ok()
                .flatten()
                .and_then(|t| t.text_content())
                .unwrap_or_default()
        };
        let labels = self.all(".choice");
        let exact = labels.iter().find(|l| title_of(l) == title);
        exact
            .or_else(|| labels.iter().find(|l| title_of(l).contains(title)))
            .cloned()
            .unwrap_or_else(|| panic!("no choice for {title:?}"))
    }

    fn checkbox(&self, title: &str) -> HtmlInputElement {
        self.choice(title)
            .query_selector("input")
            .unwrap()
            .expect("a checkbox")
            .unchecked_into()
    }
}

fn intl_money(locale: &str, currency: &str, major: f64) -> String {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"style".into(), &"currency".into()).unwrap();
    Reflect::set(&options, &"currency".into(), &currency.into()).unwrap();
    let locales = js_sys::Array::of1(&locale.into());
    let format = js_sys::Intl::NumberFormat::new(&locales, &options);
    format
        .format()
        .call1(&format, &JsValue::from_f64(major))
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_overview_shows_each_item_with_price_status_badge_and_why() {
    let w = Fixture::bundle(Host::default()).await;
    let camera = w.item_text("camera");
    assert!(camera.contains("Mirrorless camera body"), "{camera}");
    assert!(
        camera.contains(&intl_money("en-US", "USD", 649.0)),
        "price through Intl: {camera}"
    );
    assert!(
        camera.contains("Cancellation request — not guaranteed"),
        "{camera}"
    );
    let card = w.item_text("card");
    assert!(card.contains("Can be cancelled"), "{card}");
    assert!(
        card.contains(&intl_money("en-US", "USD", 49.98)),
        "line total of 2: {card}"
    );
    assert!(card.contains("Not shipped yet"), "{card}");
    assert_eq!(
        w.button("Cancel items").text_content().unwrap(),
        "Cancel items"
    );
    assert_eq!(w.focused_text(), "", "no focus is taken on first load");
}

#[wasm_bindgen_test]
async fn item_titles_are_text_never_html() {
    let hostile = BUNDLE.replace("Mirrorless camera body", "<img src=x onerror=alert(1)>");
    let w = Fixture::at(&hostile, BUNDLE_NOW).await;
    assert!(
        w.find("img").is_none(),
        "no element was created from the title"
    );
    assert_eq!(
        w.text("li[data-item=\"camera\"] .title"),
        "<img src=x onerror=alert(1)>"
    );
    w.press(&w.button("Cancel items")).await;
    assert!(w.find("img").is_none());
}

#[wasm_bindgen_test]
async fn the_whole_flow_by_keyboard_with_focus_on_each_step_heading() {
    let host = FakeHost::new();
    let w = Fixture::bundle(host.host()).await;

    w.press(&w.button("Cancel items")).await;
    assert_eq!(w.focused_text(), "Step 1 of 3: Select items");
    assert_eq!(
        w.one("section.step")
            .get_attribute("aria-labelledby")
            .as_deref(),
        Some("order-help-step-heading"),
        "the step is a region labelled by its heading"
    );
    w.press(&w.checkbox("memory card")).await;
    w.press(&w.button("Continue")).await;
    assert_eq!(w.focused_text(), "Step 2 of 3: Choose a reason");
    let mistake: HtmlElement = w
        .one("input[value=\"ordered_by_mistake\"]")
        .unchecked_into();
    w.press(&mistake).await;
    w.press(&w.button("Continue")).await;
    assert_eq!(w.focused_text(), "Step 3 of 3: Review your request");
    let review = w.one("section.step").text_content().unwrap();
    assert!(review.contains("128 GB memory card"), "{review}");
    assert!(review.contains("Ordered by mistake"), "{review}");
    assert!(
        review.contains(&intl_money("en-US", "USD", 49.98)),
        "refund estimate: {review}"
    );
    assert!(
        review.contains("within 3–5 business days"),
        "credit-card timing: {review}"
    );
    assert!(
        review.contains("These items can be cancelled right away."),
        "{review}"
    );

    w.press(&w.button("Request cancellation")).await;
    assert_eq!(host.count(), 1);
    let request = host.request(0);
    assert_eq!(
        get(&request, "order_id").as_string().unwrap(),
        "114-3308871-6612009"
    );
    assert_eq!(
        get(&request, "items.0.item_id").as_string().unwrap(),
        "card"
    );
    assert_eq!(get(&request, "items.0.quantity").as_f64().unwrap(), 2.0);
    assert_eq!(
        get(&request, "reason").as_string().unwrap(),
        "ordered_by_mistake"
    );
    assert_eq!(
        get(&request, "verdicts.0.cancel").as_string().unwrap(),
        "allowed"
    );

    host.answer(r#"{"status": "cancelled"}"#);
    settle().await;
    assert_eq!(w.focused_text(), "Cancelled");
    let outcome = w.one("section.outcome").text_content().unwrap();
    assert!(
        outcome.contains(&intl_money("en-US", "USD", 49.98)),
        "{outcome}"
    );
    w.press(&w.button("Back to your order")).await;
    assert!(
        w.focused_text().starts_with("Order "),
        "focus returns to the order heading"
    );
}

#[wasm_bindgen_test]
async fn items_that_cannot_be_cancelled_are_disabled_and_say_why_in_text() {
    let w = Fixture::at(MULTI, "2025-03-20T12:00:00-07:00").await;
    w.press(&w.button("Cancel items")).await;
    let chair = w.checkbox("Ergonomic office chair");
    assert!(chair.disabled());
    let note_id = chair
        .get_attribute("aria-describedby")
        .expect("described by its reason");
    let note = w.one(&format!("#{note_id}")).text_content().unwrap();
    assert!(
        note.contains("delivered") && note.contains("can no longer be cancelled"),
        "{note}"
    );
    let name = w
        .choice("Ergonomic office chair")
        .query_selector("label")
        .unwrap()
        .unwrap();
    assert!(
        !name.text_content().unwrap().contains("delivered"),
        "the reason is the description, not the name"
    );
    assert!(!w.checkbox("Laptop sleeve").disabled());
    chair.click();
    settle().await;
    assert!(
        !w.checkbox("Ergonomic office chair").checked(),
        "a disabled item stays unselected"
    );
}

#[wasm_bindgen_test]
async fn a_bundle_item_selects_its_bundle_and_says_so() {
    let w = Fixture::bundle(Host::default()).await;
    w.press(&w.button("Cancel items")).await;
    let lens_label = w.choice("35 mm f/1.8 lens");
    assert!(lens_label
        .text_content()
        .unwrap()
        .contains("Sold as a bundle: cancelled together with Mirrorless camera body."));
    w.press(&w.checkbox("35 mm f/1.8 lens")).await;
    assert!(w.checkbox("Mirrorless camera body").checked());
    assert!(!w.checkbox("memory card").checked());
    w.press(&w.checkbox("Mirrorless camera body")).await;
    assert!(
        !w.checkbox("35 mm f/1.8 lens").checked(),
        "unselected together too"
    );
}

#[wasm_bindgen_test]
async fn back_and_forward_keep_every_choice() {
    let w = Fixture::bundle(Host::default()).await;
    w.press(&w.button("Cancel items")).await;
    w.press(&w.checkbox("memory card")).await;
    w.press(&w.button("Continue")).await;
    let other: HtmlElement = w.one("input[value=\"other\"]").unchecked_into();
    w.press(&other).await;
    let comment: web_sys::HtmlTextAreaElement = w.one("textarea").unchecked_into();
    comment.set_value("Bought a kit elsewhere");
    comment
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    w.press(&w.button("Continue")).await;
    assert_eq!(w.focused_text(), "Step 3 of 3: Review your request");

    w.press(&w.button("Back")).await;
    assert_eq!(w.focused_text(), "Step 2 of 3: Choose a reason");
    let other: HtmlInputElement = w.one("input[value=\"other\"]").unchecked_into();
    assert!(other.checked());
    let comment: web_sys::HtmlTextAreaElement = w.one("textarea").unchecked_into();
    assert_eq!(comment.value(), "Bought a kit elsewhere");
    w.press(&w.button("Back")).await;
    assert!(w.checkbox("memory card").checked());
    w.press(&w.button("Back")).await;
    assert!(w.focused_text().starts_with("Order "));
    w.press(&w.button("Cancel items")).await;
    assert!(
        w.checkbox("memory card").checked(),
        "kept across the overview too"
    );
    w.press(&w.button("Continue")).await;
    w.press(&w.button("Continue")).await;
    assert!(w.text("section.step").contains("Bought a kit elsewhere"));
}

async fn to_review(w: &Fixture) {
    w.press(&w.button("Cancel items")).await;
    w.press(&w.checkbox("memory card")).await;
    w.press(&w.button("Continue")).await;
    w.press(&w.button("Continue")).await;
}

#[wasm_bindgen_test]
async fn a_double_click_sends_one_request_and_the_button_says_it_is_sending() {
    let host = FakeHost::new();
    let w = Fixture::bundle(host.host()).await;
    to_review(&w).await;
    let button = w.button("Request cancellation");
    button.click();
    button.click();
    settle().await;
    assert_eq!(host.count(), 1, "one request for a double click");
    let sending = w.button("Sending your request…");
    assert_eq!(
        sending.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    sending.click();
    settle().await;
    assert_eq!(host.count(), 1, "clicking while sending sends nothing");
}

#[wasm_bindgen_test]
async fn a_host_failure_shows_the_error_keeps_the_choices_and_a_retry_reuses_the_key() {
    let host = FakeHost::new();
    let w = Fixture::bundle(host.host()).await;
    to_review(&w).await;
    w.press(&w.button("Request cancellation")).await;
    host.fail("503 Service Unavailable");
    settle().await;
    let error = w.text("[role=alert]");
    assert!(error.contains("503 Service Unavailable"), "{error}");
    assert!(error.contains("Your choices are kept."), "{error}");
    assert!(
        w.text("section.step").contains("128 GB memory card"),
        "selection kept"
    );

    w.press(&w.button("Try again")).await;
    assert_eq!(host.count(), 2);
    let key = |i| {
        get(&host.request(i), "idempotency_key")
            .as_string()
            .unwrap()
    };
    assert_eq!(key(0), key(1), "a retry is the same request");
    host.answer(r#"{"status": "requested", "message": "We asked the warehouse."}"#);
    settle().await;
    let outcome = w.text("section.outcome");
    assert!(
        outcome.contains("Request sent") && outcome.contains("We asked the warehouse."),
        "{outcome}"
    );
}

#[wasm_bindgen_test]
async fn silence_beyond_the_timeout_is_an_error_with_retry() {
    let host = FakeHost::new();
    let w = Fixture::mount_with(BUNDLE, BUNDLE_NOW, "en-US", host.host(), 40).await;
    to_review(&w).await;
    w.press(&w.button("Request cancellation")).await;
    yew::platform::time::sleep(Duration::from_millis(120)).await;
    assert!(w.text("[role=alert]").contains("didn't answer in time"));
    assert_eq!(w.button("Try again").text_content().unwrap(), "Try again");
}

#[wasm_bindgen_test]
async fn a_malformed_answer_is_an_error_not_an_outcome() {
    let host = FakeHost::new();
    let w = Fixture::bundle(host.host()).await;
    to_review(&w).await;
    w.press(&w.button("Request cancellation")).await;
    host.answer(r#"{"status": "maybe"}"#);
    settle().await;
    assert!(w.find("section.outcome").is_none());
    let alert = w.text("[role=alert]");
    assert!(alert.starts_with("The store answered, but"), "{alert}");
    assert!(
        !alert.contains("couldn't send"),
        "the store answered: {alert}"
    );
}

#[wasm_bindgen_test]
async fn an_answer_with_fields_of_its_own_is_the_outcome_it_says() {
    let host = FakeHost::new();
    let w = Fixture::bundle(host.host()).await;
    to_review(&w).await;
    w.press(&w.button("Request cancellation")).await;
    host.answer(r#"{"status": "cancelled", "refund": 4998, "cancellation_id": "c_123"}"#);
    settle().await;
    let outcome = w.text("section.outcome");
    assert!(outcome.starts_with("Cancelled"), "{outcome}");
    assert!(
        outcome.contains(&intl_money("en-US", "USD", 49.98)),
        "{outcome}"
    );
    assert!(w.find("[role=alert]").is_none());
}

#[wasm_bindgen_test]
async fn a_refund_beyond_the_request_is_ignored_for_the_estimate() {
    let host = FakeHost::new();
    let w = Fixture::bundle(host.host()).await;
    to_review(&w).await;
    w.press(&w.button("Request cancellation")).await;
    host.answer(r#"{"status": "cancelled", "refund": 9007199254740991}"#);
    settle().await;
    let outcome = w.text("section.outcome");
    // The two cards' estimate, not $90,071,992,547,409.91.
    assert!(
        outcome.contains(&intl_money("en-US", "USD", 49.98)),
        "{outcome}"
    );
    assert!(!outcome.contains("90,071"), "{outcome}");
}

#[wasm_bindgen_test]
async fn after_an_outcome_the_overview_says_it_and_does_not_offer_the_items_again() {
    let host = FakeHost::new();
    let w = Fixture::bundle(host.host()).await;
    to_review(&w).await;
    w.press(&w.button("Request cancellation")).await;
    host.answer(r#"{"status": "cancelled"}"#);
    settle().await;
    w.press(&w.button("Back to your order")).await;
    let card = w.text("li[data-item=\"card\"] .badge");
    assert_eq!(card, "Cancelled");
    assert!(!w.item_text("card").contains("Can be cancelled"));

    // The camera and lens as a request: they say so; nothing is left to cancel.
    w.press(&w.button("Cancel items")).await;
    assert!(
        w.checkbox("memory card").disabled(),
        "the cancelled cards are not offered again"
    );
    w.press(&w.checkbox("Mirrorless camera body")).await;
    w.press(&w.button("Continue")).await;
    w.press(&w.button("Continue")).await;
    w.press(&w.button("Request cancellation")).await;
    host.answer(r#"{"status": "requested"}"#);
    settle().await;
    w.press(&w.button("Back to your order")).await;
    for id in ["camera", "lens"] {
        assert_eq!(
            w.text(&format!("li[data-item=\"{id}\"] .badge")),
            "Cancellation requested"
        );
    }
    assert_eq!(w.text("li[data-item=\"card\"] .badge"), "Cancelled");
    assert!(
        !w.all("button")
            .iter()
            .any(|b| b.text_content().unwrap_or_default() == "Cancel items"),
        "nothing left to offer"
    );
}

/// The text nodes under `root` that hold one of `strings`' first characters (U+202E, a Hebrew
/// letter) outside a `<bdi>` holding exactly that string; and any that holds FSI or PDI.
fn bidi_leaks(root: &Element, strings: &[&str]) -> Vec<String> {
    let check = Function::new_with_args(
        "root, strings",
        r#"
        const found = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (/[\u2068\u2069]/.test(node.data)) found.push('control characters in ' + JSON.stringify(node.data));
          if (!/[\u202e\u05d0-\u05ea]/.test(node.data)) continue;
          const isolate = node.parentElement.closest('bdi');
          if (!isolate || !strings.includes(isolate.textContent)) {
            found.push(node.parentElement.outerHTML.slice(0, 200));
          }
        }
        return found;
        "#,
    );
    let strings: js_sys::Array = strings.iter().map(|s| JsValue::from_str(s)).collect();
    let found: js_sys::Array = check.call2(&JsValue::NULL, root, &strings).unwrap().into();
    found.iter().filter_map(|v| v.as_string()).collect()
}

#[wasm_bindgen_test]
async fn order_strings_are_isolated_on_every_step() {
    const TITLE: &str = "Invoice \u{202e}fdp.exe";
    const ID: &str = "114-\u{202e}3308871-6612009";
    const HEBREW: &str = "\u{5de}\u{5e6}\u{5dc}\u{5de}\u{5d4}";
    let strings = [TITLE, ID, HEBREW];
    let order = BUNDLE
        .replace("35 mm f/1.8 lens", TITLE)
        .replace("Mirrorless camera body", HEBREW)
        .replace("114-3308871-6612009", ID);
    let host = FakeHost::new();
    let w = Fixture::mount(&order, BUNDLE_NOW, "en-US", host.host()).await;
    assert_eq!(
        bidi_leaks(&w.root, &strings),
        Vec::<String>::new(),
        "overview"
    );
    assert_eq!(w.text("h2"), format!("Order {ID}"));
    assert_eq!(
        w.one("h2 bdi").text_content().unwrap(),
        ID,
        "the id is an isolate"
    );
    // The lens's title inside the camera's sentence, the widget's words after it.
    let why = w.text("li[data-item=\"camera\"] .why");
    assert!(
        why.contains(&format!(
            "\u{201c}{TITLE}\u{201d}, which is cancelled together"
        )),
        "{why}"
    );

    w.press(&w.button("Cancel items")).await;
    assert_eq!(
        bidi_leaks(&w.root, &strings),
        Vec::<String>::new(),
        "step 1"
    );
    w.press(&w.checkbox(HEBREW)).await;
    w.press(&w.button("Continue")).await;
    w.press(&w.button("Continue")).await;
    assert_eq!(
        bidi_leaks(&w.root, &strings),
        Vec::<String>::new(),
        "step 3"
    );
    w.press(&w.button("Request cancellation")).await;
    host.answer(r#"{"status": "declined", "message": "\u05dc\u05d0 \u202eno"}"#);
    settle().await;
    let message = "\u{5dc}\u{5d0} \u{202e}no";
    assert_eq!(
        bidi_leaks(&w.root, &[TITLE, ID, HEBREW, message]),
        Vec::<String>::new(),
        "the declined outcome and the store's message"
    );
}

#[wasm_bindgen_test]
async fn a_declined_request_shows_each_items_fallback() {
    let host = FakeHost::new();
    let w = Fixture::mount(MULTI, "2025-03-20T12:00:00-07:00", "en-US", host.host()).await;
    w.press(&w.button("Cancel items")).await;
    w.press(&w.checkbox("Chair mat")).await;
    w.press(&w.button("Continue")).await;
    w.press(&w.button("Continue")).await;
    assert!(
        w.text("section.step").contains("This is a request"),
        "the honest word"
    );
    w.press(&w.button("Request cancellation")).await;
    host.answer(r#"{"status": "declined"}"#);
    settle().await;
    let outcome = w.text("section.outcome");
    assert!(outcome.contains("Cancellation declined"), "{outcome}");
    assert!(
        outcome.contains("23 stops away") && outcome.contains("within 10 stops"),
        "{outcome}"
    );
}

const DEADLINE: &str = "2025-03-31T23:59:59-07:00";

#[wasm_bindgen_test]
async fn the_countdown_crosses_the_deadline_to_the_second_and_announces_only_thresholds() {
    let w = Fixture::at(DELIVERED_29, "2025-03-30T12:00:00-07:00").await;
    let countdown = || w.text("li[data-item=\"blender\"] [role=timer]");
    let live = || w.text("[aria-live=polite]");
    assert!(countdown().contains("left to return"), "{}", countdown());
    assert_eq!(live(), "", "nothing is said on load");
    assert_eq!(
        w.clock.registrations(),
        2,
        "one wake and one jump listener, whatever the item count"
    );

    w.set_clock("2025-03-31T23:50:00-07:00").await;
    assert!(
        countdown().starts_with("10 minutes left"),
        "{}",
        countdown()
    );
    assert_eq!(
        live(),
        "Less than an hour left to return High-speed blender and Glass storage jars (set of 6)."
    );

    w.set_clock("2025-03-31T23:50:01-07:00").await;
    assert!(
        countdown().starts_with("9 minutes, 59 seconds left"),
        "{}",
        countdown()
    );
    let ten_minutes =
        "Less than 10 minutes left to return High-speed blender and Glass storage jars (set of 6).";
    assert_eq!(
        live(),
        ten_minutes,
        "both windows cross together: one sentence"
    );

    w.set_clock("2025-03-31T23:59:58-07:00").await;
    assert!(countdown().starts_with("2 seconds left"), "{}", countdown());
    assert_eq!(live(), ten_minutes, "no per-second speech");

    w.set_clock(DEADLINE).await;
    assert!(countdown().starts_with("1 second left"), "{}", countdown());
    let blender = w.item_text("blender");
    assert!(blender.contains("Return by"), "{blender}");

    w.set_clock("2025-04-01T00:00:00-07:00").await;
    assert!(
        countdown().starts_with("Return window closed on"),
        "{}",
        countdown()
    );
    let blender = w.item_text("blender");
    assert!(blender.contains("No longer returnable"), "{blender}");
    assert_eq!(
        live(),
        "The return window for High-speed blender and Glass storage jars (set of 6) has closed."
    );
}

#[wasm_bindgen_test]
async fn moving_the_clock_within_a_second_changes_nothing_shown() {
    let w = Fixture::at(DELIVERED_29, "2025-03-31T23:59:50-07:00").await;
    let countdown = || w.text("li[data-item=\"blender\"] [role=timer]");
    assert!(
        countdown().starts_with("10 seconds left"),
        "{}",
        countdown()
    );
    // Moving the clock half a second changes nothing shown, and nothing re-renders.
    w.clock.set(ms("2025-03-31T23:59:50-07:00") + 500.0);
    settle().await;
    assert!(countdown().starts_with("10 seconds left"));
    w.set_clock("2025-03-31T23:59:51-07:00").await;
    assert!(countdown().starts_with("9 seconds left"), "{}", countdown());
}

#[wasm_bindgen_test]
async fn the_grace_period_ends_at_its_second() {
    let w = Fixture::at(MARKETPLACE_GRACE, "2025-03-20T10:29:59-07:00").await;
    let tent = w.item_text("tent");
    assert!(tent.contains("Can be cancelled"), "{tent}");
    w.set_clock("2025-03-20T10:30:00-07:00").await;
    let tent = w.item_text("tent");
    assert!(
        tent.contains("Cancellation request — not guaranteed"),
        "{tent}"
    );
}

#[wasm_bindgen_test]
async fn unmounting_gives_back_every_timer() {
    let mut w = Fixture::at(DELIVERED_29, "2025-03-30T12:00:00-07:00").await;
    assert!(w.clock.registrations() > 0);
    let clock = w.clock.clone();
    w.unmount();
    settle().await;
    assert_eq!(clock.registrations(), 0, "no wake or listener left behind");
}

#[wasm_bindgen_test]
async fn each_language_gets_its_texts_dates_and_money() {
    // (locale, badge, the engine's reason, the cancel button, step 1's heading)
    let table = [
        (
            "de-DE",
            "Kann storniert werden",
            "Versand",
            "Artikel stornieren",
            "Schritt 1 von 3: Artikel auswählen",
        ),
        (
            "fr-FR",
            "Annulable",
            "expédition",
            "Annuler des articles",
            "Étape 1 sur 3\u{202f}: choisissez les articles",
        ),
        (
            "es-ES",
            "Se puede cancelar",
            "envío",
            "Cancelar artículos",
            "Paso 1 de 3: seleccione los artículos",
        ),
    ];
    for (locale, badge, reason, button, step) in table {
        let lang = lang_of(locale);
        // The table says what the catalogue says (so a reworded text fails here, not silently).
        assert_eq!(lang.text(Msg::BadgeCancel), badge, "{locale}");
        assert_eq!(lang.text(Msg::CancelItems), button, "{locale}");
        assert_eq!(lang.text(Msg::StepSelect), step, "{locale}");
        let mut w = Fixture::mount(BUNDLE, BUNDLE_NOW, locale, Host::default()).await;
        let card = w.item_text("card");
        assert!(card.contains(badge), "{locale}: {card}");
        assert!(card.contains(reason), "{locale}: {card}");
        assert!(
            !card.contains("Can be") && !card.contains("shipping"),
            "{locale}: English left: {card}"
        );
        assert!(
            card.contains(&intl_money(locale, "USD", 49.98)),
            "{locale}: {card}"
        );
        w.press(&w.button(button)).await;
        assert_eq!(w.focused_text(), step, "{locale}");
        w.unmount();
    }
}

#[wasm_bindgen_test]
async fn an_unknown_locale_falls_back_to_english() {
    let w = Fixture::mount(BUNDLE, BUNDLE_NOW, "not a locale!", Host::default()).await;
    let card = w.item_text("card");
    assert!(card.contains("Can be cancelled"), "{card}");
}

#[wasm_bindgen_test]
async fn a_tick_changes_only_the_countdown_texts_that_changed() {
    let w = Fixture::at(DELIVERED_29, "2025-03-31T23:59:50-07:00").await;
    let seen = Rc::new(RefCell::new(Vec::<JsValue>::new()));
    let record = {
        let seen = seen.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            seen.borrow_mut().extend(records.iter())
        })
    };
    let observer = web_sys::MutationObserver::new(record.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_character_data(true);
    options.set_attributes(true);
    observer.observe_with_options(&w.root, &options).unwrap();

    w.set_clock("2025-03-31T23:59:51-07:00").await;
    seen.borrow_mut().extend(observer.take_records().iter());
    observer.disconnect();
    let changed: Vec<String> = seen
        .borrow()
        .iter()
        .cloned()
        .map(|record| {
            let record: web_sys::MutationRecord = record.unchecked_into();
            assert_eq!(
                record.type_(),
                "characterData",
                "only text changes, no nodes or attributes"
            );
            let target = record.target().unwrap();
            let timer = target
                .parent_element()
                .unwrap()
                .closest("[role=timer]")
                .unwrap();
            assert!(timer.is_some(), "a countdown's text");
            target.text_content().unwrap_or_default()
        })
        .collect();
    assert_eq!(
        changed.len(),
        2,
        "the two counting items, nothing else: {changed:?}"
    );
    assert!(
        changed.iter().all(|t| t.starts_with("9 seconds left")),
        "{changed:?}"
    );
}

const RETURN_MULTI: &str = include_str!("../static/orders/return-multi-unit.json");
const RETURN_LAPTOP: &str = include_str!("../static/orders/return-opened-laptop.json");
const RETURN_NOW: &str = "2025-03-20T12:00:00-07:00";

/// `rfc3339`'s date in the browser's zone, as `Intl` writes it in en-US ("April 9, 2025").
fn long_date(rfc3339: &str) -> String {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"long".into()).unwrap();
    js_sys::Date::new(&JsValue::from_f64(ms(rfc3339)))
        .to_locale_date_string("en-US", &options)
        .into()
}

/// Sets a field's value and fires `change`, as the browser does when the customer leaves it.
async fn change(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_return_flow_step_by_step_with_focus_on_each_heading() {
    let host = FakeHost::new();
    let w = Fixture::mount(RETURN_MULTI, RETURN_NOW, "en-US", host.host()).await;

    // Step 1: the groceries are disabled and say why; the mugs ask how many.
    w.press(&w.button("Return items")).await;
    assert_eq!(w.focused_text(), "Step 1 of 3: Select items to return");
    let beans = w.checkbox("coffee beans");
    assert!(beans.disabled());
    assert!(
        w.choice("coffee beans")
            .text_content()
            .unwrap()
            .contains("groceries"),
        "says why: {}",
        w.choice("coffee beans").text_content().unwrap()
    );
    assert!(
        w.find("input[type=number]").is_none(),
        "asked only once selected"
    );
    w.press(&w.checkbox("Stoneware mug")).await;
    let count: HtmlInputElement = w.one("input[type=number]").unchecked_into();
    assert_eq!(
        (count.value(), count.max()),
        ("4".to_owned(), "4".to_owned())
    );
    // What is not a whole number from 1 to 4 is refused, never read as 1 or 4: the field keeps
    // what was typed and says the allowed range, and Continue waits until it is corrected.
    let said = "How many to return: enter a whole number from 1 to 4.";
    for typed in ["0", "-1", "", "2.5", "1e1", "9"] {
        change(&count, typed).await;
        assert_eq!(count.value(), typed, "typed {typed:?}");
        assert_eq!(count.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(w.text("section.step > .error"), said, "typed {typed:?}");
        w.press(&w.button("Continue")).await;
        assert_eq!(w.text("section.step > .error"), said, "typed {typed:?}");
        assert!(w.text("section.step h2").starts_with("Step 1 of 3"));
    }
    change(&count, "2").await;
    assert_eq!(count.value(), "2");
    assert_eq!(count.get_attribute("aria-invalid"), None);
    assert!(w.find("section.step > .error").is_none());
    w.press(&w.checkbox("Gooseneck kettle")).await;
    assert_eq!(
        w.all("input[type=number]").len(),
        1,
        "the kettle has one unit: not asked"
    );

    // Step 2: the policy's return reasons; not asked "opened?" for kitchenware.
    w.press(&w.button("Continue")).await;
    assert_eq!(w.focused_text(), "Step 2 of 3: Tell us why");
    assert_eq!(w.all("input[name=\"order-help-return-reason\"]").len(), 8);
    let needed: HtmlElement = w.one("input[value=\"no_longer_needed\"]").unchecked_into();
    w.press(&needed).await;
    assert!(w.find("input[name^=\"order-help-opened\"]").is_none());

    // Step 3: per line its value and refund, the return-by date and its countdown.
    w.press(&w.button("Continue")).await;
    assert_eq!(w.focused_text(), "Step 3 of 3: Review your return");
    let review = w.one("section.step").text_content().unwrap();
    // The window's last second (23:59:59 on 9 April, store time) on the customer's calendar.
    let last_day = long_date("2025-04-09T23:59:59-07:00");
    let return_by = format!("Return by: {last_day}");
    for part in [
        "Qty 2 · Value: $28.00",
        "Refund for this item: $64.99",
        &return_by,
        "20 days left to return",
        "No longer needed",
        "$92.99",
    ] {
        assert!(review.contains(part), "{part:?} in {review}");
    }

    // Request return: the one contract, kind "return".
    w.press(&w.button("Request return")).await;
    assert_eq!(host.count(), 1);
    let request = host.request(0);
    assert_eq!(get(&request, "kind").as_string().unwrap(), "return");
    assert_eq!(get(&request, "items.0.quantity").as_f64().unwrap(), 2.0);
    assert_eq!(
        get(&request, "lines.1.item_id").as_string().unwrap(),
        "kettle"
    );
    assert_eq!(
        get(&request, "verdicts.0.return").as_string().unwrap(),
        "allowed"
    );
    host.answer(
        r#"{"status": "accepted", "return_id": "R-9", "label_url": "https://store.example/l/R-9.pdf"}"#,
    );
    settle().await;
    assert_eq!(w.focused_text(), "Return accepted");
    let outcome = w.one("section.outcome").text_content().unwrap();
    assert!(outcome.contains("Your return number: R-9"), "{outcome}");
    assert!(
        outcome.contains(&format!("back by {last_day}")),
        "{outcome}"
    );
    assert_eq!(
        w.one("section.outcome a").get_attribute("href").as_deref(),
        Some("https://store.example/l/R-9.pdf")
    );
    w.press(&w.button("Back to your order")).await;
    assert!(w.focused_text().starts_with("Order "));
    assert!(w.item_text("mugs").contains("Return requested"));
    assert!(w.item_text("kettle").contains("Return requested"));
}

#[wasm_bindgen_test]
async fn opened_is_asked_where_it_changes_the_refund_and_a_bad_label_is_no_link() {
    let host = FakeHost::new();
    let w = Fixture::mount(RETURN_LAPTOP, RETURN_NOW, "en-US", host.host()).await;
    w.press(&w.button("Return items")).await;
    w.press(&w.checkbox("14-inch laptop")).await;
    w.press(&w.button("Continue")).await;
    let needed: HtmlElement = w.one("input[value=\"no_longer_needed\"]").unchecked_into();
    w.press(&needed).await;
    assert_eq!(
        w.all("input[name^=\"order-help-opened\"]").len(),
        2,
        "yes and no"
    );
    w.press(&w.button("Continue")).await;
    assert_eq!(
        w.text("[role=alert]"),
        "Say whether each item has been opened to continue."
    );
    let yes: HtmlElement = w
        .one("input[name^=\"order-help-opened\"][value=\"true\"]")
        .unchecked_into();
    w.press(&yes).await;
    w.press(&w.button("Continue")).await;
    let review = w.one("section.step").text_content().unwrap();
    assert!(
        review.contains("Fee for an opened item: −$134.85"),
        "{review}"
    );
    assert!(
        review.contains("Delivery cost, not refunded: −$14.99"),
        "{review}"
    );
    w.press(&w.button("Request return")).await;
    host.answer(r#"{"status": "accepted", "label_url": "javascript:alert(1)"}"#);
    settle().await;
    assert_eq!(w.focused_text(), "Return accepted");
    assert!(w.find("a").is_none(), "{}", w.root.inner_html());
}
