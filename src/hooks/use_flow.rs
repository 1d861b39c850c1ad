use std::rc::Rc;

use yew::prelude::*;

use super::use_request_sender;
use crate::clock::Clock;
use crate::engine::RequestKind;
use crate::host::Host;
use crate::state::{FlowContext, RequestAction, RequestFlow, SendFailure};

/// One flow, wired the way every flow is: its reducer, started on `context`; reassessed
/// whenever the widget gives a new context (time passed a boundary, or the host gave a new
/// order, policy or customer); its requests sent to the host ([`use_request_sender`]); and
/// `order-help-error` when one fails (an answer read at `clock`'s instant). The widget calls
/// it once per flow.
#[hook]
pub fn use_flow<F: RequestFlow>(
    context: &Rc<FlowContext>,
    host: &Host,
    clock: &Clock,
    timeout_ms: u32,
) -> UseReducerHandle<F> {
    let flow = {
        let context = context.clone();
        use_reducer_eq(move || F::new(context))
    };
    {
        let dispatcher = flow.dispatcher();
        use_effect_with(context.clone(), move |context| {
            dispatcher.dispatch(F::wrap(RequestAction::Reassessed(context.clone())))
        });
    }
    use_request_sender(&flow, host, clock, timeout_ms);
    use_failure_event(host, F::KIND, flow.shared().send.failure.clone());
    flow
}

/// `order-help-error` when one flow's request fails, naming the kind of request.
#[hook]
fn use_failure_event(host: &Host, kind: RequestKind, failure: Option<SendFailure>) {
    let host = host.clone();
    use_effect_with(failure, move |failure| {
        if let Some(failure) = failure {
            host.emit_error(failure.code(), &failure.detail(kind));
        }
    });
}
