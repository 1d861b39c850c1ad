use std::rc::Rc;

use yew::prelude::*;

use super::error_panel::error_panel;
use super::widget::Widget;
use crate::clock::Clock;
use crate::engine::{Customer, Order, Policy};
use crate::host::Host;
use crate::i18n::Lang;
use crate::load::LoadProblem;
use crate::state::Shared;

/// Everything a mounted widget was given, already parsed: the order and policy, or what was
/// wrong with them.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub order: Result<Rc<Order>, LoadProblem>,
    /// Compared by pointer ([`Shared`]).
    pub policy: Result<Shared<Policy>, LoadProblem>,
    pub locale: AttrValue,
    /// The customer's language; `None` while its catalogue is loading (nothing is shown, so
    /// no English flashes before it).
    pub lang: Option<Lang>,
    pub clock: Clock,
    pub host: Host,
    /// The customer the host named in the configuration (the order's own `customer` wins).
    pub customer: Option<Customer>,
    pub key_seed: u64,
    pub timeout_ms: u32,
    pub heading_level: u8,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// `None`: nothing (an unmounted widget's app, waiting to be reused by the next mount).
    pub loaded: Option<Rc<Loaded>>,
}

/// The mounted root: the widget, or a plain error panel (and an `order-help-error` event) when
/// the configuration is unusable — never a blank box. Nothing of one mount's state reaches
/// the next when its app is reused: the widget is keyed by the mount, and so is the event.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let problem = props
        .loaded
        .as_ref()
        .and_then(|loaded| match (&loaded.order, &loaded.policy) {
            (Err(problem), _) | (_, Err(problem)) => Some(problem.clone()),
            _ => None,
        });
    {
        let host = props.loaded.as_ref().map(|loaded| loaded.host.clone());
        let key = props.loaded.as_ref().map(|loaded| loaded.key_seed);
        use_effect_with((problem.clone(), key), move |(problem, _)| {
            if let (Some(problem), Some(host)) = (problem, host) {
                host.emit_error(
                    problem.code(),
                    problem.detail().unwrap_or("no order was given"),
                );
            }
        });
    }
    let Some(loaded) = &props.loaded else {
        return html! {};
    };
    let Some(lang) = loaded.lang.clone() else {
        return html! {};
    };
    match (&loaded.order, &loaded.policy, problem) {
        (Ok(order), Ok(policy), None) => html! {
            <Widget key={loaded.key_seed} order={order.clone()} policy={policy.clone()} locale={loaded.locale.clone()} lang={lang}
                clock={loaded.clock.clone()} host={loaded.host.clone()} key_seed={loaded.key_seed}
                timeout_ms={loaded.timeout_ms} heading_level={loaded.heading_level}
                customer={loaded.customer.clone()} />
        },
        (_, _, problem) => error_panel(
            &problem.unwrap_or(LoadProblem::MissingOrder),
            &lang,
            loaded.heading_level,
        ),
    }
}
