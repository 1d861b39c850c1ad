use yew::prelude::*;

use super::bidi::rich;
use super::heading::{heading, Rank};
use crate::i18n::{fill, isolate, text, Lang, Msg};

/// Why the widget cannot show an order: said in plain words inside the widget (never a blank
/// box), with a machine-readable code for the host's `order-help:error` event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    MissingOrder,
    InvalidOrder(String),
    Unreachable(String),
    InvalidPolicy(String),
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::MissingOrder => "order_missing",
            Problem::InvalidOrder(_) => "order_invalid",
            Problem::Unreachable(_) => "order_unreachable",
            Problem::InvalidPolicy(_) => "policy_invalid",
        }
    }

    pub fn detail(&self) -> Option<&str> {
        match self {
            Problem::MissingOrder => None,
            Problem::InvalidOrder(d) | Problem::Unreachable(d) | Problem::InvalidPolicy(d) => {
                Some(d)
            }
        }
    }

    fn message(&self) -> Msg {
        match self {
            Problem::MissingOrder => Msg::PanelMissingOrder,
            Problem::InvalidOrder(_) => Msg::PanelInvalid,
            Problem::Unreachable(_) => Msg::PanelUnreachable,
            Problem::InvalidPolicy(_) => Msg::PanelPolicy,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub problem: Problem,
    pub lang: Lang,
    #[prop_or(2)]
    pub heading_level: u8,
}

#[function_component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="root" part="root">
            <div class="error" part="error" role="alert">
                { heading(props.heading_level, Rank::Main, text(lang, Msg::PanelTitle), None, NodeRef::default()) }
                <p>{ text(lang, props.problem.message()) }</p>
                if let Some(detail) = props.problem.detail() {
                    <p class="hint">{ rich(&fill(lang, Msg::PanelDetail, &[("detail", &isolate(detail))])) }</p>
                }
            </div>
        </div>
    }
}
