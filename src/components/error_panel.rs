use yew::prelude::*;

use super::bidi::rich;
use super::heading::{heading, Rank};
use crate::i18n::{isolate, Lang, Msg};
use crate::load::LoadProblem;

/// The details for the site's support team: one problem in the sentence; several (a
/// document's every problem, one a line, each with its path) as a list after it.
fn details(detail: &str, lang: &Lang) -> Html {
    if !detail.contains('\n') {
        return html! {
            <p class="hint">{ rich(&lang.fill(Msg::PanelDetail, &[("detail", &isolate(detail))])) }</p>
        };
    }
    html! {
        <>
            <p class="hint">{ lang.fill(Msg::PanelDetail, &[("detail", "")]).trim_end().to_owned() }</p>
            <ul class="hint">
                { for detail.lines().map(|line| html! { <li>{ rich(&isolate(line)) }</li> }) }
            </ul>
        </>
    }
}

/// The panel shown instead of the widget when the configuration is unusable: what happened, in
/// `lang`, under a heading of `heading_level` (2–6). A plain function: it holds no state.
pub fn error_panel(problem: &LoadProblem, lang: &Lang, heading_level: u8) -> Html {
    html! {
        <div class="root" part="root">
            <div class="error" part="error" role="alert">
                { heading(heading_level, Rank::Main, lang.text(Msg::PanelTitle).to_owned(), None, NodeRef::default()) }
                <p>{ problem.message(lang) }</p>
                if let Some(detail) = problem.detail() {
                    { details(detail, lang) }
                }
            </div>
        </div>
    }
}
