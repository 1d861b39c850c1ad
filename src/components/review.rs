use yew::prelude::*;

use super::bidi::{bdi, rich};
use crate::i18n::{isolate, Msg};
use crate::state::Sending;
use crate::view_model::{failure_text, Texts};

/// What the review steps share (a plain function each: no state of their own). The reason as
/// the customer chose it, and the comment quoted: a review list's `<dt>`/`<dd>` pair.
pub fn review_reason(texts: &Texts, reason: &str, comment: Option<&str>) -> Html {
    html! {
        <>
            <dt>{ texts.text(Msg::ReviewReason) }</dt>
            <dd>
                if let Some(comment) = comment {
                    { rich(&texts.fill(Msg::ReviewReasonComment, &[("reason", &isolate(reason)), ("comment", &isolate(comment))])) }
                } else {
                    { bdi(reason, None) }
                }
            </dd>
        </>
    }
}

/// The end of a review: why the last request failed, if it did (`no_host` names the kind of
/// request a page cannot take), then Back and the send button — `idle`'s words, "Sending…"
/// while sending, Try again after a failure — both waiting while a request is under way.
/// Without `on_send`, nothing can be sent: no send button.
pub fn send_actions(
    texts: &Texts,
    send: &Sending,
    no_host: Msg,
    idle: Msg,
    on_back: Callback<MouseEvent>,
    on_send: Option<Callback<MouseEvent>>,
) -> Html {
    let failure = send
        .failure
        .as_ref()
        .map(|failure| failure_text(texts, failure, no_host));
    let busy = send.sending.then_some("true");
    let label = send.label(Msg::Sending, idle);
    html! {
        <>
            if let Some(failure) = failure {
                <p class="error" part="error" role="alert">{ rich(&failure) }</p>
            }
            <div class="actions">
                <button type="button" part="button" aria-disabled={busy} onclick={on_back}>{ texts.text(Msg::Back) }</button>
                if let Some(on_send) = on_send {
                    <button type="button" class="primary" part="button" aria-disabled={busy}
                        onclick={on_send}>{ texts.text(label) }</button>
                }
            </div>
        </>
    }
}
