use std::rc::Rc;

use yew::prelude::*;

use crate::countdown::Countdown;
use crate::i18n::Msg;
use crate::view_model::{ItemView, Texts, Window};

#[derive(Properties, PartialEq)]
pub struct ReturnCountdownProps {
    /// The language, the formatters and the heading level (compared by pointer first).
    pub texts: Rc<Texts>,
    /// The item whose window it is (compared by pointer on each tick).
    pub view: Rc<ItemView>,
    /// What the countdown shows now (computed by the widget's one timer); `None` before delivery.
    pub countdown: Option<Countdown>,
}

/// "12 days left to return (until 31 March 2025 at 23:59 PDT)", or "Return window closed on …",
/// or "Return window opens at delivery (expected …)". Re-renders only when its numbers change.
#[function_component]
pub fn ReturnCountdown(props: &ReturnCountdownProps) -> Html {
    let texts = &props.texts;
    let Some(window) = &props.view.window else {
        return html! {};
    };
    let (text, urgent) = match (window, props.countdown) {
        (
            Window::Opens {
                expected: Some(date),
            },
            _,
        ) => (
            texts.fill(Msg::CountdownOpensExpected, &[("date", date)]),
            false,
        ),
        (Window::Opens { expected: None }, _) => {
            (texts.text(Msg::CountdownOpens).to_owned(), false)
        }
        (Window::Counting { until, .. }, Some(Countdown::Closed) | None) => {
            (texts.fill(Msg::CountdownClosed, &[("date", until)]), false)
        }
        (Window::Counting { until, .. }, Some(countdown)) => {
            let left = texts.fmt.time_left(countdown);
            let urgent = !matches!(countdown, Countdown::Days(_));
            (
                texts.fill(Msg::CountdownLeft, &[("duration", &left), ("date", until)]),
                urgent,
            )
        }
    };
    let timer = matches!(window, Window::Counting { .. });
    html! {
        // Static attribute values: nothing is allocated for them on a tick.
        <p class={if urgent { "countdown urgent" } else { "countdown" }} part="countdown" role={timer.then_some("timer")}>
            { text }
        </p>
    }
}
