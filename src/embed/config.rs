//! The host's configuration object, read field by field, so a bad field becomes an error panel
//! that names it, never an exception.

use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::EventTarget;
use yew::AttrValue;

use crate::clock::Clock;
use crate::components::Loaded;
use crate::engine::json::parse_text;
use crate::engine::limits::Document;
use crate::engine::text::Catalogue;
use crate::engine::{Customer, Order, Policy, Readable};
use crate::host::Host;
use crate::i18n::Lang;
use crate::js_json::{json_text, lines, read_document, to_json};
use crate::load::{LoadFailure, LoadProblem};
use crate::state::Shared;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// The last value given for each field, to tell what an `update` changed.
#[derive(Default)]
pub struct Given {
    order: Option<JsValue>,
    policy: Option<JsValue>,
    load_error: Option<JsValue>,
    parsed_order: Option<Result<Rc<Order>, LoadProblem>>,
    parsed_policy: Option<Result<Rc<Policy>, LoadProblem>>,
    locale: Option<String>,
    /// The last `catalogue` given, and the language made of it: `None` while it loads.
    catalogue: Option<JsValue>,
    lang: Option<Option<Lang>>,
    /// The request handlers given (`onRequestCancel`, `onRequestReturn`, `onWithdraw`).
    handlers: Host,
    /// The `customer` given, for the withdrawal form.
    customer: Option<Customer>,
    timeout_ms: Option<u32>,
    heading_level: Option<u8>,
}

fn field(config: &JsValue, name: &str) -> Option<JsValue> {
    if !config.is_object() {
        return None;
    }
    Reflect::get(config, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined())
}

fn changed(before: &Option<JsValue>, now: &JsValue) -> bool {
    before
        .as_ref()
        .is_none_or(|before| !Object::is(before, now))
}

fn order_from(value: &JsValue) -> Result<Rc<Order>, LoadProblem> {
    if value.is_null() {
        return Err(LoadProblem::MissingOrder);
    }
    document(value, Document::Order, LoadProblem::InvalidOrder)
}

fn policy_from(value: &JsValue) -> Result<Rc<Policy>, LoadProblem> {
    if value.is_null() {
        return Ok(Rc::new(Policy::default()));
    }
    document(value, Document::Policy, LoadProblem::InvalidPolicy)
}

/// An order or a policy read from the host's value (an object, or its JSON text); what is
/// wrong with it becomes `invalid`: every problem, one a line (`path: expected …, found …`).
fn document<T: Readable>(
    value: &JsValue,
    kind: Document,
    invalid: fn(String) -> LoadProblem,
) -> Result<Rc<T>, LoadProblem> {
    read_document(value, kind)
        .map(Rc::new)
        .map_err(|problems| invalid(lines("", &problems)))
}

/// A load failure reported by `embed.js` (`{code, message}` for an unreachable or broken
/// `order-src` / `policy-src`).
fn load_problem(value: &JsValue) -> LoadProblem {
    let code = field(value, "code")
        .and_then(|c| c.as_string())
        .unwrap_or_default();
    let message = field(value, "message")
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    // `reason` (network | status | timeout) says what happened, with `status` / `timeout`.
    let number = |name| field(value, name).and_then(|n| n.as_f64());
    let failure = match field(value, "reason")
        .and_then(|r| r.as_string())
        .as_deref()
    {
        Some("status") => LoadFailure::Status(number("status").unwrap_or(0.0) as u16),
        Some("timeout") => LoadFailure::Timeout(number("timeout").unwrap_or(0.0) as u32),
        _ => LoadFailure::Network,
    };
    match code.as_str() {
        "order_unreachable" => LoadProblem::Unreachable(failure, message),
        "policy_unreachable" | "policy_invalid" => LoadProblem::InvalidPolicy(message),
        _ => LoadProblem::InvalidOrder(message),
    }
}

/// The language of a `catalogue` value from the host or `embed.js`: `null` is English, the
/// string `"loading"` is a catalogue on its way (`None`: nothing is shown until it comes), an
/// object is the language's catalogue. A catalogue that is not one, or lacks texts or has
/// faulty ones, is reported (`locale_unavailable`, and on the console) and English is shown
/// for the texts concerned.
fn language_from(value: &JsValue, locale: &str, host: &Host) -> Option<Lang> {
    if value.is_null() {
        return Some(Lang::english());
    }
    if value.as_string().as_deref() == Some("loading") {
        return None;
    }
    let english = Lang::english();
    // Read as one JSON text (one call; field by field a catalogue costs ~300 calls into JS).
    // A catalogue that is not plain, complete texts is read again field by field, so the
    // report says what the value holds (`JSON.stringify` drops a function, writes NaN as null).
    let text = json_text(value).map(String::from);
    let fast = text
        .as_deref()
        .and_then(parse_text)
        .and_then(|tree| Catalogue::from_tree(&tree).ok())
        .map(|catalogue| catalogue.repaired(english.catalogue(), &[]))
        .filter(|(_, problems)| problems.is_empty());
    if let Some((catalogue, _)) = fast {
        return Some(Lang::from_catalogue(catalogue));
    }
    let parsed = to_json(value)
        .map_err(|e| format!("expected a catalogue (an object of texts by key), {e}"))
        .and_then(|tree| Catalogue::from_tree(&tree).map_err(|e| e.to_string()));
    let report = |detail: String| {
        let message = format!("order-help: the catalogue for the locale \"{locale}\" {detail}");
        console_error(&message);
        host.emit_error("locale_unavailable", &message);
    };
    match parsed {
        Err(detail) => {
            report(format!("is not usable: {detail}; English is shown instead"));
            Some(english)
        }
        Ok(catalogue) => {
            // Plural categories are not checked here: Intl.PluralRules picks among the forms
            // given, and a missing one falls back to `other`.
            let (catalogue, problems) = catalogue.repaired(english.catalogue(), &[]);
            if let Some(first) = problems.first() {
                let more = problems.len() - 1;
                let detail = if more == 0 {
                    format!("{first}")
                } else {
                    format!("{first} (and {more} more)")
                };
                report(format!(
                    "lacks texts or has faulty ones: {detail}; English is shown for those"
                ));
            }
            Some(Lang::from_catalogue(catalogue))
        }
    }
}

impl Given {
    /// Takes the fields present in `config`, keeping the earlier value of each absent one, and
    /// returns what the widget should now show. Re-parses the order and policy only when the
    /// host gave new ones. `now` moves `clock`.
    pub fn apply(
        &mut self,
        config: &JsValue,
        clock: &Clock,
        events: &EventTarget,
        key_seed: u64,
    ) -> Loaded {
        let given_order = field(config, "order");
        if let Some(order) = &given_order {
            if changed(&self.order, order) {
                self.parsed_order = Some(order_from(order));
                self.order = Some(order.clone());
            }
        }
        if let Some(policy) = field(config, "policy") {
            if changed(&self.policy, &policy) {
                self.parsed_policy = Some(policy_from(&policy));
                self.policy = Some(policy);
            }
        }
        // `loadError: null` (or a config without it, after an order arrived) clears it.
        match field(config, "loadError") {
            Some(error) if !error.is_null() => self.load_error = Some(error),
            Some(_) => self.load_error = None,
            None if given_order.is_some() => self.load_error = None,
            None => {}
        }
        if let Some(locale) = field(config, "locale").and_then(|l| l.as_string()) {
            self.locale = Some(locale);
        }
        let host = Host {
            events: Some(events.clone()),
            ..Host::default()
        };
        let locale = self.locale.clone().unwrap_or_else(browser_locale);
        if let Some(catalogue) = field(config, "catalogue") {
            if changed(&self.catalogue, &catalogue) {
                self.lang = Some(language_from(&catalogue, &locale, &host));
                self.catalogue = Some(catalogue);
            }
        }
        // `embed.js` could not load the locale's catalogue: it says why, English is shown.
        if let Some(error) = field(config, "localeError").and_then(|e| e.as_string()) {
            host.emit_error("locale_unavailable", &error);
        }
        // One handler per kind of request; each keeps its last value until given again.
        let handlers = &mut self.handlers;
        for (name, slot) in [
            ("onRequestCancel", &mut handlers.on_request_cancel),
            ("onRequestReturn", &mut handlers.on_request_return),
            ("onWithdraw", &mut handlers.on_withdraw),
        ] {
            if let Some(handler) = field(config, name) {
                *slot = handler.dyn_into::<Function>().ok();
            }
        }
        if let Some(customer) = field(config, "customer") {
            self.customer = customer_from(&customer, &host);
        }
        if let Some(timeout) = field(config, "timeout").and_then(|t| t.as_f64()) {
            if timeout.is_finite() && timeout > 0.0 {
                self.timeout_ms = Some(timeout.min(f64::from(u32::MAX)) as u32);
            }
        }
        if let Some(level) = field(config, "headingLevel").and_then(|l| l.as_f64()) {
            if (2.0..=6.0).contains(&level) {
                self.heading_level = Some(level as u8);
            }
        }
        if let Some(now) = field(config, "now").filter(|n| !n.is_null()) {
            if let Ok(instant) = super::assess_export::instant(&now) {
                let millis = now
                    .as_f64()
                    .unwrap_or(instant.unix_seconds() as f64 * 1000.0);
                clock.set(millis);
            }
        }
        let order = match &self.load_error {
            Some(error) => Err(load_problem(error)),
            None => self
                .parsed_order
                .clone()
                .unwrap_or(Err(LoadProblem::MissingOrder)),
        };
        Loaded {
            order,
            policy: self
                .parsed_policy
                .clone()
                .unwrap_or_else(|| Ok(Rc::new(Policy::default())))
                .map(Shared),
            locale: AttrValue::from(locale),
            lang: self.lang.clone().unwrap_or_else(|| Some(Lang::english())),
            clock: clock.clone(),
            host: Host {
                events: Some(events.clone()),
                ..self.handlers.clone()
            },
            customer: self.customer.clone(),
            key_seed,
            timeout_ms: self.timeout_ms.unwrap_or(15_000),
            heading_level: self.heading_level.unwrap_or(2),
        }
    }
}

/// The host's `customer: {name, email}` (pre-fills the withdrawal form; `null` clears it). One
/// that is not that shape is left out and reported (`customer_invalid`, naming the field): the
/// customer can still type their details.
fn customer_from(value: &JsValue, host: &Host) -> Option<Customer> {
    if value.is_null() {
        return None;
    }
    let read = to_json(value)
        .map_err(|e| format!("customer: expected an object {{name, email}}, {e}"))
        .and_then(|tree| {
            // The first problem: the panel does not show; the console names it.
            crate::engine::read_document_reporting_all::<Customer>(&tree).map_err(|problems| {
                let Some(e) = problems.first() else {
                    return String::new();
                };
                let path = match e.path.as_str() {
                    "" => "customer".to_owned(),
                    inner => format!("customer.{inner}"),
                };
                format!("{path}: {}", e.message)
            })
        })
        .and_then(|customer| {
            if customer.name.trim().is_empty() {
                Err(format!("customer.name: expected a non-empty name, found {:?}", customer.name))
            } else if !crate::engine::looks_like_an_email_address(customer.email.trim()) {
                Err(format!(
                    "customer.email: expected an e-mail address (e.g. \"name@example.com\"), found {:?}",
                    customer.email
                ))
            } else {
                Ok(customer)
            }
        });
    read.map_err(|why| {
        let message = format!("order-help: {why}; the withdrawal form starts blank");
        console_error(&message);
        host.emit_error("customer_invalid", &message);
    })
    .ok()
}

fn browser_locale() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en-US".to_owned())
}
