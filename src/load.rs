//! Why a mounted widget has no order to show: what `embed` found wrong with the configuration
//! (or what `embed.js` saw when fetching `order-src`), and what the error panel says about it.
//! Below the view, so the view (`components::error_panel`) and the host bridge (`embed`) both
//! use it without either pointing back up.

use crate::i18n::{Lang, Msg};

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
pub enum LoadProblem {
    MissingOrder,
    InvalidOrder(String),
    Unreachable(LoadFailure, String),
    InvalidPolicy(String),
}

impl LoadProblem {
    /// The code of the host's `order-help-error` event (`order_missing`, `order_invalid`,
    /// `order_unreachable`, `policy_invalid`).
    pub fn code(&self) -> &'static str {
        match self {
            LoadProblem::MissingOrder => "order_missing",
            LoadProblem::InvalidOrder(_) => "order_invalid",
            LoadProblem::Unreachable(..) => "order_unreachable",
            LoadProblem::InvalidPolicy(_) => "policy_invalid",
        }
    }

    /// What was wrong, for the host's logs and the panel's fine print (none for a missing
    /// order).
    pub fn detail(&self) -> Option<&str> {
        match self {
            LoadProblem::MissingOrder => None,
            LoadProblem::InvalidOrder(d)
            | LoadProblem::Unreachable(_, d)
            | LoadProblem::InvalidPolicy(d) => Some(d),
        }
    }

    /// What the customer reads, in `lang`.
    pub fn message(&self, lang: &Lang) -> String {
        let msg = match self {
            LoadProblem::MissingOrder => Msg::PanelMissingOrder,
            LoadProblem::InvalidOrder(_) => Msg::PanelInvalid,
            LoadProblem::Unreachable(LoadFailure::Network, _) => Msg::PanelUnreachable,
            LoadProblem::Unreachable(LoadFailure::Status(status @ (404 | 410)), _) => {
                return lang.fill(Msg::PanelNotFound, &[("status", &status.to_string())]);
            }
            LoadProblem::Unreachable(LoadFailure::Status(status), _) => {
                return lang.fill(Msg::PanelStatus, &[("status", &status.to_string())]);
            }
            LoadProblem::Unreachable(LoadFailure::Timeout(ms), _) => {
                let seconds = ms.div_ceil(1000).to_string();
                return lang.fill(Msg::PanelTimeout, &[("seconds", &seconds)]);
            }
            LoadProblem::InvalidPolicy(_) => Msg::PanelPolicy,
        };
        lang.text(msg).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german() -> Lang {
        let de = crate::engine::text::Catalogue::parse(include_str!("../locales/de.json"));
        Lang::from_catalogue(de.unwrap())
    }

    fn unreachable(failure: LoadFailure) -> LoadProblem {
        LoadProblem::Unreachable(failure, String::from("/api/orders/1 …"))
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
