//! `mount()` as a host page calls it: a shadow root with the adopted stylesheet, the host
//! events, `update`, `unmount`, and an error panel (never a blank box) for bad configuration.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use order_help::embed::{mount, WidgetHandle};
use support::settle;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLE: &str = include_str!("../static/orders/bundle.json");
/// The bundle sample's demo time.
const BUNDLE_NOW: &str = "2025-03-20T10:00:00-07:00";

const GERMAN: &str = include_str!("../locales/de.json");

fn catalogue_value(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn host_element() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn config(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object.into()
}

fn order_value(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// Records `order-help-*` events (name, detail as JSON) dispatched on `target`.
fn record(target: &Element, names: &[&str]) -> Rc<RefCell<Vec<(String, String)>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    for name in names {
        let seen = seen.clone();
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let detail = event.unchecked_ref::<CustomEvent>().detail();
            let json = js_sys::JSON::stringify(&detail)
                .map(String::from)
                .unwrap_or_default();
            seen.borrow_mut().push((event.type_(), json));
        });
        target
            .add_event_listener_with_callback(
                &format!("order-help-{name}"),
                listener.as_ref().unchecked_ref(),
            )
            .unwrap();
        listener.forget();
    }
    seen
}

/// Mounts the bundle sample into `host` at its demo time, in English (not yet rendered).
fn mount_bundle_now(host: &Element) -> WidgetHandle {
    mount(
        host.clone(),
        config(&[
            ("order", order_value(BUNDLE)),
            ("locale", "en-US".into()),
            ("now", BUNDLE_NOW.into()),
        ]),
    )
    .unwrap()
}

/// [`mount_bundle_now`], and lets it render.
async fn mount_bundle(host: &Element) -> WidgetHandle {
    let widget = mount_bundle_now(host);
    settle().await;
    widget
}

fn shadow_text(host: &Element) -> String {
    host.shadow_root()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn mounts_into_a_shadow_root_with_its_own_stylesheet_and_says_ready() {
    let host = host_element();
    let events = record(&host, &["ready", "error"]);
    let mut widget = mount_bundle(&host).await;
    let shadow = host.shadow_root().expect("a shadow root");
    assert_eq!(
        shadow.adopted_style_sheets().length(),
        1,
        "a constructed stylesheet"
    );
    assert!(
        shadow.query_selector("style").unwrap().is_none(),
        "no <style> element"
    );
    assert!(
        shadow.query_selector("[style]").unwrap().is_none(),
        "no style= attribute"
    );
    assert!(shadow_text(&host).contains("Mirrorless camera body"));
    assert_eq!(
        events.borrow().as_slice(),
        [(
            "order-help-ready".to_owned(),
            r#"{"order_id":"114-3308871-6612009"}"#.to_owned()
        )]
    );
    widget.unmount();
    settle().await;
    assert!(!widget.mounted());
    assert_eq!(shadow_text(&host), "", "nothing left after unmount");
    widget.unmount();
}

/// The CSS rules of a stylesheet, each as the browser writes it back.
fn rule_texts(sheet: &JsValue) -> Vec<String> {
    let rules = Reflect::get(sheet, &"cssRules".into()).unwrap();
    js_sys::Array::from(&rules)
        .iter()
        .map(|rule| {
            Reflect::get(&rule, &"cssText".into())
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect()
}

/// The sheet in the wasm is `widget.css` without comments and layout (build.rs): the browser
/// reads the very same rules from it as from the source.
#[wasm_bindgen_test]
async fn the_adopted_stylesheet_holds_every_rule_of_the_source() {
    let host = host_element();
    let mut widget = mount_bundle(&host).await;
    let adopted = host.shadow_root().unwrap().adopted_style_sheets().get(0);
    let source = web_sys::CssStyleSheet::new().unwrap();
    source
        .replace_sync(include_str!("../src/components/widget.css"))
        .unwrap();
    let expected = rule_texts(&source);
    assert!(expected.len() > 50, "the source sheet parsed: {expected:?}");
    assert_eq!(rule_texts(&adopted), expected);
    widget.unmount();
}

#[wasm_bindgen_test]
async fn update_replaces_the_order_and_moves_the_clock() {
    let host = host_element();
    let mut widget = mount_bundle(&host).await;
    let renamed = BUNDLE.replace("128 GB memory card", "256 GB memory card");
    widget.update(config(&[("order", order_value(&renamed))]));
    settle().await;
    assert!(shadow_text(&host).contains("256 GB memory card"));
    widget.update(config(&[
        ("locale", "de-DE".into()),
        ("catalogue", catalogue_value(GERMAN)),
    ]));
    settle().await;
    assert!(
        shadow_text(&host).contains("Kann storniert werden"),
        "locale kept the order: {}",
        shadow_text(&host)
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn bad_configuration_shows_a_plain_error_panel_and_fires_an_error_event() {
    let many_items: Vec<String> = (0..100_000)
        .map(|i| format!(r#"{{"id": "I{i}", "title": "T", "quantity": 1, "unit_price": 100}}"#))
        .collect();
    let huge = BUNDLE.replacen(
        "\"items\": [",
        &format!("\"items\": [{},", many_items.join(",")),
        1,
    );
    let cases: [(&str, JsValue, &str, &str); 6] = [
        (
            "100,000 items",
            config(&[("order", order_value(&huge))]),
            "order_invalid",
            "items: expected at most 1000 items, found 100",
        ),
        (
            "100,000 items as JSON text",
            config(&[("order", huge.as_str().into())]),
            "order_invalid",
            "items: expected at most 1000 items, found 100",
        ),
        (
            "missing",
            config(&[]),
            "order_missing",
            "No order was given",
        ),
        (
            "not json",
            config(&[("order", "{ not json".into())]),
            "order_invalid",
            "incomplete or invalid",
        ),
        (
            "invalid",
            config(&[(
                "order",
                order_value(&BUNDLE.replace("\"quantity\": 2", "\"quantity\": 0")),
            )]),
            "order_invalid",
            "items[2].quantity",
        ),
        (
            "bad policy",
            config(&[
                ("order", order_value(BUNDLE)),
                ("policy", order_value(r#"{"time_zone": "Mars/Olympus"}"#)),
            ]),
            "policy_invalid",
            "Mars/Olympus",
        ),
    ];
    for (name, config, code, phrase) in cases {
        let host = host_element();
        let events = record(&host, &["error"]);
        let mut widget = mount(host.clone(), config).unwrap();
        settle().await;
        let text = shadow_text(&host);
        assert!(text.contains("We can't show this order"), "{name}: {text}");
        assert!(text.contains(phrase), "{name}: {text}");
        let seen = events.borrow();
        assert_eq!(seen.len(), 1, "{name}: one error event");
        assert!(
            seen[0].1.contains(&format!("\"code\":\"{code}\"")),
            "{name}: {:?}",
            seen[0]
        );
        widget.unmount();
    }
}

/// Every problem of a bad policy at once, each with its path, in the document's order: the
/// panel lists them and the error event names them (issue 24).
#[wasm_bindgen_test]
async fn a_policy_with_three_mistakes_shows_three_problems() {
    let host = host_element();
    let events = record(&host, &["error"]);
    let policy = r#"{"return_window_days": 0, "non_returnable_categories": {"remove": ["gift_card"]},
        "withdrawal": {"enabled": true, "days": 7}}"#;
    let mut widget = mount(
        host.clone(),
        config(&[
            ("order", order_value(BUNDLE)),
            ("policy", order_value(policy)),
        ]),
    )
    .unwrap();
    settle().await;
    let shadow = host.shadow_root().unwrap();
    // One a line: the details keep their line breaks (`white-space: pre-line`).
    let details = shadow
        .query_selector("[part=error] .details")
        .unwrap()
        .unwrap();
    let window = web_sys::window().unwrap();
    let computed: js_sys::Function = Reflect::get(&window, &"getComputedStyle".into())
        .unwrap()
        .into();
    let style = computed.call1(&window, &details).unwrap();
    let white_space = Reflect::get(&style, &"whiteSpace".into()).unwrap();
    assert_eq!(white_space.as_string().as_deref(), Some("pre-line"));
    let text = details.text_content().unwrap();
    let text = text.split_once(": ").unwrap().1;
    let texts: Vec<&str> = text.split('\n').collect();
    let paths = [
        "return_window_days: ",
        "non_returnable_categories.remove: ",
        "withdrawal.days: ",
    ];
    assert_eq!(texts.len(), 3, "{texts:?}");
    for (text, path) in texts.iter().zip(paths) {
        assert!(
            text.starts_with(path) && text.contains("expected"),
            "{text}"
        );
    }
    let seen = events.borrow();
    assert_eq!(seen.len(), 1);
    assert!(
        seen[0].1.contains("\"code\":\"policy_invalid\""),
        "{:?}",
        seen[0]
    );
    for path in paths {
        assert!(seen[0].1.contains(path), "{path} in {:?}", seen[0]);
    }
    widget.unmount();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let (first, second) = (host_element(), host_element());
    let now = JsValue::from_str(BUNDLE_NOW);
    let mut a = mount(
        first.clone(),
        config(&[("order", order_value(BUNDLE)), ("now", now.clone())]),
    )
    .unwrap();
    let multi = include_str!("../static/orders/multi-shipment.json");
    let mut b = mount(
        second.clone(),
        config(&[("order", order_value(multi)), ("now", now)]),
    )
    .unwrap();
    settle().await;
    assert!(shadow_text(&first).contains("Mirrorless camera body"));
    assert!(shadow_text(&second).contains("Ergonomic office chair"));
    a.unmount();
    settle().await;
    assert!(
        shadow_text(&second).contains("Ergonomic office chair"),
        "the other one stays"
    );
    b.unmount();
}

#[wasm_bindgen_test]
async fn nothing_shows_while_the_catalogue_loads_then_the_language_at_once() {
    let host = host_element();
    let events = record(&host, &["error"]);
    let mut widget = mount(
        host.clone(),
        config(&[
            ("order", order_value(BUNDLE)),
            ("locale", "de-DE".into()),
            ("now", BUNDLE_NOW.into()),
            ("catalogue", "loading".into()),
        ]),
    )
    .unwrap();
    settle().await;
    assert_eq!(shadow_text(&host), "", "no English before the German");
    widget.update(config(&[("catalogue", catalogue_value(GERMAN))]));
    settle().await;
    assert!(shadow_text(&host).contains("Kann storniert werden"));
    assert!(events.borrow().is_empty(), "{:?}", events.borrow());
    widget.unmount();
}

#[wasm_bindgen_test]
async fn a_catalogue_missing_a_key_shows_english_for_it_and_says_so() {
    let host = host_element();
    let events = record(&host, &["error"]);
    let partial = catalogue_value(GERMAN);
    Reflect::delete_property(partial.unchecked_ref::<Object>(), &"badge_cancel".into()).unwrap();
    let mut widget = mount(
        host.clone(),
        config(&[
            ("order", order_value(BUNDLE)),
            ("locale", "de-DE".into()),
            ("now", BUNDLE_NOW.into()),
            ("catalogue", partial),
        ]),
    )
    .unwrap();
    settle().await;
    let text = shadow_text(&host);
    assert!(text.contains("Can be cancelled"), "{text}");
    assert!(
        text.contains("Artikel stornieren"),
        "the rest is German: {text}"
    );
    let events = events.borrow();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].1.contains("locale_unavailable"), "{events:?}");
    assert!(events[0].1.contains("badge_cancel: missing"), "{events:?}");
    widget.unmount();
}

/// The catalogue is read as one JSON text when it is plain texts; one that is not is read
/// again as it is, so the report names what it holds (JSON text would just lack the key).
#[wasm_bindgen_test]
async fn a_catalogue_holding_a_function_is_reported_as_such() {
    let host = host_element();
    let events = record(&host, &["error"]);
    let odd = catalogue_value(GERMAN);
    let function = js_sys::Function::new_no_args("return 1");
    Reflect::set(&odd, &"badge_cancel".into(), &function).unwrap();
    let mut widget = mount(
        host.clone(),
        config(&[
            ("order", order_value(BUNDLE)),
            ("locale", "de-DE".into()),
            ("now", BUNDLE_NOW.into()),
            ("catalogue", odd),
        ]),
    )
    .unwrap();
    settle().await;
    let events = events.borrow();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].1.contains("locale_unavailable"), "{events:?}");
    assert!(
        events[0].1.contains("found a function"),
        "the report names the function: {events:?}"
    );
    widget.unmount();
}

#[wasm_bindgen_test]
async fn a_broken_catalogue_or_a_failed_load_shows_english_and_says_why() {
    for (catalogue, error) in [
        (JsValue::from(42), None),
        (catalogue_value(r#"{"badge_cancel": ["x"]}"#), None),
        (
            JsValue::NULL,
            Some("locales/xx.json answered HTTP 404 Not Found"),
        ),
    ] {
        let host = host_element();
        let events = record(&host, &["error"]);
        let mut pairs = vec![
            ("order", order_value(BUNDLE)),
            ("locale", "xx".into()),
            ("now", BUNDLE_NOW.into()),
            ("catalogue", catalogue.clone()),
        ];
        if let Some(error) = error {
            pairs.push(("localeError", error.into()));
        }
        let mut widget = mount(host.clone(), config(&pairs)).unwrap();
        settle().await;
        assert!(shadow_text(&host).contains("Can be cancelled"));
        let events = events.borrow();
        assert_eq!(events.len(), 1, "{catalogue:?}: {events:?}");
        assert!(events[0].1.contains("locale_unavailable"), "{events:?}");
        widget.unmount();
    }
}

/// The wasm's linear memory, in bytes.
fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// A help page in a single-page app mounts and unmounts the widget as the shopper navigates,
/// and an element moved in the DOM is unmounted and mounted again. Yew keeps about 600 bytes
/// of every app it ever rendered (its delegated listeners are never dropped); unmounted apps
/// are reused, so 300 more cycles stay within one 64 KiB allocator step.
#[wasm_bindgen_test]
async fn mounting_and_unmounting_again_and_again_does_not_grow_memory() {
    let hosts = [host_element(), host_element()];
    let cycle = |n: usize| {
        let host = hosts[n % 2].clone();
        async move {
            let mut widget = mount_bundle(&host).await;
            assert!(shadow_text(&host).contains("Mirrorless camera body"));
            widget.unmount();
            settle().await;
        }
    };
    for n in 0..100 {
        cycle(n).await;
    }
    let before = memory_bytes();
    for n in 100..400 {
        cycle(n).await;
    }
    let grown = memory_bytes() - before;
    assert!(
        grown <= 65_536.0,
        "300 mount/unmount cycles grew the wasm memory by {grown} bytes (expected at most one 64 KiB page)"
    );
}

/// A reused app starts from nothing: what one mount's shopper chose never shows in the next,
/// even when the unmount and the next mount happen in the same task.
#[wasm_bindgen_test]
async fn a_widget_mounted_after_another_unmounted_starts_from_nothing() {
    let (a, b) = (host_element(), host_element());
    let mut first = mount_bundle(&a).await;
    let button = |host: &Element, label: &str| {
        let shadow = host.shadow_root().unwrap();
        let buttons = shadow.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|b| b.unchecked_into::<web_sys::HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
    };
    let checkboxes = |host: &Element| {
        host.shadow_root()
            .unwrap()
            .query_selector_all("input[type=checkbox]")
            .unwrap()
            .length()
    };
    button(&a, "Cancel items")
        .expect("a Cancel items button")
        .click();
    settle().await;
    assert!(checkboxes(&a) > 0, "the first widget is in the cancel flow");
    first.unmount();
    // No settle in between: the unmount and this mount are rendered together.
    let mut second = mount_bundle_now(&b);
    settle().await;
    assert_eq!(
        checkboxes(&b),
        0,
        "the second widget starts at the overview"
    );
    assert!(button(&b, "Cancel items").is_some());
    assert_eq!(shadow_text(&a), "", "the first host is empty");
    second.unmount();
}

/// A reused app still tells each host of its own configuration problem, even the same one,
/// and even when the unmount and the next mount are rendered together.
#[wasm_bindgen_test]
async fn each_mount_reports_its_own_configuration_problem() {
    let mut previous: Option<WidgetHandle> = None;
    let mut logs = Vec::new();
    for _ in 0..3 {
        let host = host_element();
        logs.push(record(&host, &["error"]));
        if let Some(mut widget) = previous.take() {
            widget.unmount();
        }
        previous = Some(mount(host.clone(), config(&[("locale", "en-US".into())])).unwrap());
        settle().await;
    }
    for events in &logs {
        assert_eq!(
            events.borrow().len(),
            1,
            "one order-help-error: {:?}",
            events.borrow()
        );
        assert!(
            events.borrow()[0].1.contains("order_missing"),
            "{:?}",
            events.borrow()
        );
    }
    previous.unwrap().unmount();
}
