use yew::prelude::*;

use super::bidi::rich;
use super::heading::{heading, Rank};
use crate::i18n::{isolate, Lang, Msg};

/// Why an `order-src` gave no order (what `embed.js` saw), so the panel says what happened
/// instead of blaming the customer's connection for a 404.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// The request failed without an answer (offline, DNS, a dropped connection).
    Network,
    /// The server answered with this HTTP status (not 2xx).
    Status(u16),
    /// No answer within this many milliseconds.
    Timeout(u32),
}

/// Why the widget cannot show an order: said in plain words inside the widget (never a blank
/// box), with a machine-readable code for the host's `order-help-error` event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    MissingOrder,
    InvalidOrder(String),
    Unreachable(LoadFailure, String),
    InvalidPolicy(String),
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::MissingOrder => "order_missing",
            Problem::InvalidOrder(_) => "order_invalid",
            Problem::Unreachable(..) => "order_unreachable",
            Problem::InvalidPolicy(_) => "policy_invalid",
        }
    }

    pub fn detail(&self) -> Option<&str> {
        match self {
            Problem::MissingOrder => None,
            Problem::InvalidOrder(d) | Problem::Unreachable(_, d) | Problem::InvalidPolicy(d) => {
                Some(d)
            }
        }
    }

    /// What the customer reads, in `lang`.
    pub fn message(&self, lang: &Lang) -> String {
        let msg = match self {
            Problem::MissingOrder => Msg::PanelMissingOrder,
            Problem::InvalidOrder(_) => Msg::PanelInvalid,
            Problem::Unreachable(LoadFailure::Network, _) => Msg::PanelUnreachable,
            Problem::Unreachable(LoadFailure::Status(status @ (404 | 410)), _) => {
                return lang.fill(Msg::PanelNotFound, &[("status", &status.to_string())]);
            }
            Problem::Unreachable(LoadFailure::Status(status), _) => {
                return lang.fill(Msg::PanelStatus, &[("status", &status.to_string())]);
            }
            Problem::Unreachable(LoadFailure::Timeout(ms), _) => {
                let seconds = ms.div_ceil(1000).to_string();
                return lang.fill(Msg::PanelTimeout, &[("seconds", &seconds)]);
            }
            Problem::InvalidPolicy(_) => Msg::PanelPolicy,
        };
        lang.text(msg).to_owned()
    }
}

/// The panel shown instead of the widget when the configuration is unusable: what happened, in
/// `lang`, under a heading of `heading_level` (2–6). A plain function: it holds no state.
pub fn error_panel(problem: &Problem, lang: &Lang, heading_level: u8) -> Html {
    html! {
        <div class="root" part="root">
            <div class="error" part="error" role="alert">
                { heading(heading_level, Rank::Main, lang.text(Msg::PanelTitle).to_owned(), None, NodeRef::default()) }
                <p>{ problem.message(lang) }</p>
                if let Some(detail) = problem.detail() {
                    <p class="hint">{ rich(&lang.fill(Msg::PanelDetail, &[("detail", &isolate(detail))])) }</p>
                }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german() -> Lang {
        let de = crate::engine::text::Catalogue::parse(include_str!("../../locales/de.json"));
        Lang::from_catalogue(de.unwrap())
    }

    fn unreachable(failure: LoadFailure) -> Problem {
        Problem::Unreachable(failure, String::from("/api/orders/1 …"))
    }

    #[test]
    fn a_failed_load_says_what_happened() {
        let en = |failure| unreachable(failure).message(&Lang::english());
        assert_eq!(
            en(LoadFailure::Status(404)),
            "The order wasn't found: the site answered 404. Check the link you followed, or contact the store."
        );
        assert!(!en(LoadFailure::Status(404)).contains("connection"));
        assert_eq!(
            en(LoadFailure::Status(503)),
            "The site couldn't send the order (it answered 503). Reload the page later to try again."
        );
        assert_eq!(
            en(LoadFailure::Timeout(15_000)),
            "The order didn't arrive in time: no answer after 15 s. Reload the page to try again."
        );
        // Only a failed connection blames the connection.
        assert!(en(LoadFailure::Network).contains("Check your connection"));
        assert!(unreachable(LoadFailure::Status(410))
            .message(&german())
            .starts_with("Die Bestellung wurde nicht gefunden: Die Website antwortete mit 410."));
        assert_eq!(
            unreachable(LoadFailure::Timeout(1)).code(),
            "order_unreachable"
        );
    }
}
