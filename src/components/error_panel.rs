use yew::prelude::*;

use super::bidi::rich;
use super::heading::{heading, Rank};
use crate::i18n::{isolate, Lang, Msg};
use crate::load::LoadProblem;

/// The panel shown instead of the widget when the configuration is unusable: what happened, in
/// `lang`, under a heading of `heading_level` (2–6), then the host's fallback content (the
/// element's children, through a `<slot>`: a link to the order, say), so the customer keeps it.
/// A plain function: it holds no state.
pub fn error_panel(problem: &LoadProblem, lang: &Lang, heading_level: u8) -> Html {
    html! {
        <div class="root" part="root">
            <div class="error" part="error" role="alert">
                { heading(heading_level, Rank::Main, lang.text(Msg::PanelTitle).to_owned(), None, NodeRef::default()) }
                <p>{ problem.message(lang) }</p>
                // A document's every problem, one a line (`.details` keeps the line breaks).
                if let Some(detail) = problem.detail() {
                    <p class="hint details">{ rich(&lang.fill(Msg::PanelDetail, &[("detail", &isolate(detail))])) }</p>
                }
            </div>
            <slot></slot>
        </div>
    }
}
