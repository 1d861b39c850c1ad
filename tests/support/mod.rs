//! What the browser tests share (each `tests/browser_*.rs` says `mod support;`): reading the
//! demo's samples, the manual clock's milliseconds, waiting for Yew, the catalogues, a host
//! whose answers a test gives by hand ([`FakeHost`]), and the mounted widget driven through
//! its DOM ([`Fixture`]). A test file adds its own mounts and finders in an `impl Fixture`.
//!
//! Keyboard: synthetic key events are untrusted and trigger no default action, so a control is
//! "pressed" the way the browser does for Enter/Space on a focused native control (focus, then
//! activate), after checking that it is reachable by Tab. The end-to-end suite (Playwright)
//! presses the real keys.
// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Function, Promise, Reflect};
use order_help::clock::Clock;
use order_help::components::{Widget, WidgetProps};
use order_help::host::Host;
use order_help::i18n::Lang;
use order_help::state::Shared;
use order_help_engine::json::Json;
use order_help_engine::text::Catalogue;
use order_help_engine::{order_from_tree, Instant, Order, Policy};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

/// A JSON text as the engine's tree, the way the widget reads a JS value.
pub fn tree(json: &str) -> Json<'static> {
    let value = js_sys::JSON::parse(json).expect("JSON");
    order_help::js_json::to_json(&value).expect("JSON")
}

/// A sample order, read the way the widget reads it.
pub fn order(json: &str) -> Rc<Order> {
    Rc::new(order_from_tree(&tree(json)).expect("valid sample order"))
}

/// An RFC 3339 instant in milliseconds since the epoch, for the manual clock.
pub fn ms(rfc3339: &str) -> f64 {
    Instant::parse_rfc3339(rfc3339)
        .expect("instant")
        .unix_seconds() as f64
        * 1000.0
}

/// Lets pending promises and timers run, then waits until Yew has rendered everything queued.
pub async fn settle() {
    for _ in 0..2 {
        yew::platform::time::sleep(Duration::from_millis(1)).await;
        yew::scheduler::flush().await;
    }
}

/// The catalogue of `locale`'s language, as a host page would give it (English compiled in).
pub fn lang_of(locale: &str) -> Lang {
    let text = match locale.get(..2) {
        Some("de") => include_str!("../../locales/de.json"),
        Some("fr") => include_str!("../../locales/fr.json"),
        Some("es") => include_str!("../../locales/es.json"),
        Some("it") => include_str!("../../locales/it.json"),
        Some("nl") => include_str!("../../locales/nl.json"),
        Some("pl") => include_str!("../../locales/pl.json"),
        Some("sv") => include_str!("../../locales/sv.json"),
        _ => return Lang::english(),
    };
    Lang::from_catalogue(Catalogue::parse(text).unwrap())
}

/// `value.a.b.c` for the path `"a.b.c"` (undefined where a step is missing).
pub fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

type Handler = Closure<dyn FnMut(JsValue) -> Promise>;

/// A host (a store) whose answers the test gives by hand, recording the requests it received.
#[derive(Clone)]
pub struct FakeHost {
    requests: Rc<RefCell<Vec<JsValue>>>,
    /// The (resolve, reject) pair of each unanswered request.
    pending: Rc<RefCell<Vec<(Function, Function)>>>,
    handler: Rc<Handler>,
}

impl FakeHost {
    pub fn new() -> FakeHost {
        let requests = Rc::new(RefCell::new(Vec::new()));
        let pending = Rc::new(RefCell::new(Vec::new()));
        let (seen, waiting) = (requests.clone(), pending.clone());
        let handler = Closure::<dyn FnMut(JsValue) -> Promise>::new(move |request: JsValue| {
            seen.borrow_mut().push(request);
            let waiting = waiting.clone();
            Promise::new(&mut |resolve, reject| waiting.borrow_mut().push((resolve, reject)))
        });
        FakeHost {
            requests,
            pending,
            handler: Rc::new(handler),
        }
    }

    /// The widget's host, with this recorder for every kind of request (`request.kind` tells
    /// them apart).
    pub fn host(&self) -> Host {
        let handler = self
            .handler
            .as_ref()
            .as_ref()
            .unchecked_ref::<Function>()
            .clone();
        Host {
            on_request_cancel: Some(handler.clone()),
            on_request_return: Some(handler.clone()),
            on_withdraw: Some(handler),
            ..Host::default()
        }
    }

    /// Answers the oldest unanswered request with `json`.
    pub fn answer(&self, json: &str) {
        let (resolve, _) = self.pending.borrow_mut().remove(0);
        resolve
            .call1(&JsValue::NULL, &js_sys::JSON::parse(json).unwrap())
            .unwrap();
    }

    /// Rejects the oldest unanswered request with an `Error` saying `message`.
    pub fn fail(&self, message: &str) {
        let (_, reject) = self.pending.borrow_mut().remove(0);
        reject
            .call1(&JsValue::NULL, &js_sys::Error::new(message))
            .unwrap();
    }

    /// Request number `index` (from 0) as the host received it.
    pub fn request(&self, index: usize) -> JsValue {
        self.requests.borrow()[index].clone()
    }

    /// A field of request number `index`, by its dotted path.
    pub fn field(&self, index: usize, path: &str) -> JsValue {
        get(&self.request(index), path)
    }

    /// How many requests the host received.
    pub fn count(&self) -> usize {
        self.requests.borrow().len()
    }
}

/// The widget mounted in the page on a manual clock, driven through its DOM; unmounted when
/// dropped.
pub struct Fixture {
    pub root: Element,
    pub clock: Clock,
    app: Option<AppHandle<Widget>>,
}

impl Fixture {
    /// Mounts the widget on `order` under `policy` at `now`, in `locale`, with `host`: seed 42,
    /// a 15 s timeout, level-2 headings, no customer, unless `adjust` changes them.
    pub async fn mount_widget(
        order: Rc<Order>,
        policy: Rc<Policy>,
        now: &str,
        locale: &'static str,
        host: Host,
        adjust: impl FnOnce(&mut WidgetProps),
    ) -> Fixture {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let clock = Clock::manual(ms(now));
        let mut props = WidgetProps {
            order,
            policy: Shared(policy),
            locale: locale.into(),
            lang: lang_of(locale),
            clock: clock.clone(),
            host,
            key_seed: 42,
            timeout_ms: 15_000,
            heading_level: 2,
            customer: None,
        };
        adjust(&mut props);
        let app = yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).render();
        settle().await;
        Fixture {
            root,
            clock,
            app: Some(app),
        }
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    /// The first element `selector` matches; there must be one.
    pub fn one(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no {selector} in {}", self.root.inner_html()))
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    /// The button whose text is `label`; there must be one.
    pub fn button(&self, label: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default() == label)
            .unwrap_or_else(|| panic!("no button {label:?} in {}", self.root.inner_html()))
            .unchecked_into()
    }

    pub fn input(&self, selector: &str) -> HtmlInputElement {
        self.one(selector).unchecked_into()
    }

    /// The focused element, if it is in the widget.
    pub fn focused(&self) -> Option<Element> {
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .filter(|e| self.root.contains(Some(e)))
    }

    /// The focused element's text ("" when the widget has no focus).
    pub fn focused_text(&self) -> String {
        self.focused()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    /// Press a control as Enter/Space does: it must be a native, focusable, enabled control.
    pub async fn press(&self, control: &HtmlElement) {
        assert!(
            matches!(control.tag_name().as_str(), "BUTTON" | "INPUT"),
            "keyboard-operable control, got {}",
            control.tag_name()
        );
        assert!(control.tab_index() >= 0, "reachable by Tab");
        control.focus().unwrap();
        control.click();
        settle().await;
    }

    /// Types `text` into the field as the browser does: a new value, then an `input` event.
    pub async fn type_into(&self, selector: &str, text: &str) {
        let input = self.input(selector);
        input.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        settle().await;
    }

    pub async fn set_clock(&self, rfc3339: &str) {
        self.clock.set(ms(rfc3339));
        settle().await;
    }

    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.unmount();
    }
}
