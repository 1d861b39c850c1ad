use std::rc::Rc;

use yew::prelude::*;

use super::choose_reason::choose_reason;
use super::live_region::live_region;
use super::order_overview::{order_overview, Overview};
use super::outcome_panel::outcome_panel;
use super::return_outcome::return_outcome;
use super::return_reason::return_reason;
use super::return_review::return_review;
use super::return_select::return_select;
use super::review_request::review_request;
use super::select_items::select_items;
use super::withdrawal_form::WithdrawalForm;
use super::withdrawal_notice::withdrawal_notice;
use super::withdrawal_outcome::withdrawal_outcome;
use crate::clock::Clock;
use crate::countdown::{Countdown, Threshold};
use crate::engine::{Customer, Order, Policy, RequestKind};
use crate::hooks::{use_announcement, use_assessment, use_now, use_request_sender, use_wake};
use crate::host::{object, Host};
use crate::i18n::{isolate, Lang, Msg};
use crate::intl::Formatters;
use crate::state::withdrawal::{
    WithdrawalAction, WithdrawalContext, WithdrawalFlow, WithdrawalStep,
};
use crate::state::{
    Action, Flow, FlowContext, ItemOutcome, ReturnAction, ReturnContext, ReturnFlow, SendFailure,
    Step,
};
use crate::view_model::{item_views, with_outcomes, withdrawal_view, Texts};

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub order: Rc<Order>,
    pub policy: Rc<Policy>,
    /// The customer's BCP 47 locale: texts, dates, money.
    #[prop_or(AttrValue::Static("en-US"))]
    pub locale: AttrValue,
    /// The texts of the locale's language (English unless a catalogue was given or loaded).
    #[prop_or_else(Lang::english)]
    pub lang: Lang,
    pub clock: Clock,
    #[prop_or_default]
    pub host: Host,
    /// Mixed into idempotency keys (random per mount).
    #[prop_or_default]
    pub key_seed: u64,
    /// How long the host may take to answer a request.
    #[prop_or(15_000)]
    pub timeout_ms: u32,
    /// The level of the widget's headings (2–6), to fit the page's outline.
    #[prop_or(2)]
    pub heading_level: u8,
    /// The customer the host named in its configuration, for the withdrawal form (the order's
    /// own `customer` wins).
    #[prop_or_default]
    pub customer: Option<Customer>,
}

/// The widget for one order: the overview, the cancel flow, the outcome, and the one timer that
/// keeps countdowns and verdicts right to the second.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let texts = use_memo(
        (
            props.locale.clone(),
            props.lang.clone(),
            props.order.currency.clone(),
            props.heading_level,
        ),
        |(locale, lang, currency, heading_level)| Texts {
            lang: lang.clone(),
            fmt: Formatters::new(locale, currency),
            heading_level: *heading_level,
        },
    );

    let now = use_now(&props.clock);
    let assessment = use_assessment(&props.order, &props.policy, *now);
    let views = {
        let order = props.order.clone();
        use_memo(
            (assessment.clone(), texts.clone()),
            move |(assessment, texts)| item_views(assessment, &order, texts),
        )
    };

    let context = use_memo(
        (
            assessment.clone(),
            props.order.clone(),
            props.policy.clone(),
            props.key_seed,
        ),
        |(assessment, order, policy, seed)| FlowContext {
            order: order.clone(),
            assessment: assessment.clone(),
            reasons: policy.cancellation_reasons.clone(),
            key_seed: *seed,
        },
    );
    let flow = {
        let context = context.clone();
        use_reducer_eq(move || Flow::new(context))
    };
    {
        let dispatcher = flow.dispatcher();
        use_effect_with(context, move |context| {
            dispatcher.dispatch(Action::Reassessed(context.clone()))
        });
    }

    // The return flow: its own reducer, on the same assessment.
    let return_context = use_memo(
        (
            assessment.clone(),
            props.order.clone(),
            props.policy.clone(),
            props.key_seed,
        ),
        |(assessment, order, policy, seed)| ReturnContext {
            order: order.clone(),
            policy: policy.clone(),
            assessment: assessment.clone(),
            key_seed: *seed,
        },
    );
    let returns = {
        let context = return_context.clone();
        use_reducer_eq(move || ReturnFlow::new(context))
    };
    {
        let dispatcher = returns.dispatcher();
        use_effect_with(return_context, move |context| {
            dispatcher.dispatch(ReturnAction::Reassessed(context.clone()))
        });
    }

    // What the store's answers said about items (cancelled, cancellation or return
    // requested), until the host gives a newer order.
    let outcomes: Vec<(String, ItemOutcome)> = flow
        .outcomes
        .iter()
        .filter(|(id, _)| !returns.requested.contains(id))
        .cloned()
        .chain(
            returns
                .requested
                .iter()
                .map(|id| (id.clone(), ItemOutcome::ReturnRequested)),
        )
        .collect();

    // The withdrawal function: its own flow, beside the cancel flow.
    let withdrawal_context = use_memo(
        (
            assessment.clone(),
            props.order.clone(),
            props.customer.clone(),
            props.key_seed,
        ),
        |(assessment, order, customer, seed)| WithdrawalContext {
            order: order.clone(),
            assessment: assessment.clone(),
            customer: order.customer.clone().or_else(|| customer.clone()),
            key_seed: *seed,
        },
    );
    let withdrawal = {
        let context = withdrawal_context.clone();
        use_reducer_eq(move || WithdrawalFlow::new(context))
    };
    {
        let dispatcher = withdrawal.dispatcher();
        use_effect_with(withdrawal_context, move |context| {
            dispatcher.dispatch(WithdrawalAction::Reassessed(context.clone()))
        });
    }
    let withdrawal_view = use_memo(
        (
            assessment.clone(),
            views.clone(),
            props.policy.clone(),
            texts.clone(),
        ),
        |(assessment, views, policy, texts)| {
            withdrawal_view(
                assessment,
                views,
                policy.withdrawal.contact_email.as_deref(),
                texts,
            )
        },
    );

    let views = use_memo(
        (views, outcomes, texts.clone()),
        |(views, outcomes, texts)| {
            if outcomes.is_empty() {
                (**views).clone()
            } else {
                with_outcomes(views, outcomes, texts)
            }
        },
    );

    // One pass: what each countdown shows now, its threshold, and the earliest second anything
    // shown changes.
    let mut countdowns = Vec::with_capacity(views.len());
    let mut thresholds = Vec::with_capacity(views.len());
    let mut wake = assessment.next_change_at.map(|next| next.instant);
    for view in views.iter() {
        let countdown = view.closes_at().map(|closes| {
            if let Some(next) = Countdown::next_change(closes, *now) {
                wake = Some(wake.map_or(next, |wake| wake.min(next)));
            }
            Countdown::at(closes, *now)
        });
        countdowns.push(countdown);
        thresholds.push(countdown.map(Threshold::from));
    }
    let withdrawal_countdown = withdrawal_view.closes_at.map(|closes| {
        if let Some(next) = Countdown::next_change(closes, *now) {
            wake = Some(wake.map_or(next, |wake| wake.min(next)));
        }
        Countdown::at(closes, *now)
    });
    use_wake(&props.clock, wake, now.clone());

    // The sentence is built only when the announcement (or the language) changes, not per tick.
    let announcement = use_announcement(&views, thresholds);
    let announcement = use_memo((announcement, texts.clone()), |(announcement, texts)| {
        announcement
            .as_deref()
            .and_then(|(threshold, titles)| {
                let msg = threshold.announcement()?;
                let titles: Vec<String> = titles.iter().map(|t| isolate(t)).collect();
                Some(texts.fill(msg, &[("item", &texts.fmt.list(&titles))]))
            })
            .map(AttrValue::from)
            .unwrap_or_default()
    });

    use_request_sender(&flow, &props.host, props.timeout_ms);
    use_request_sender(&returns, &props.host, props.timeout_ms);
    use_request_sender(&withdrawal, &props.host, props.timeout_ms);
    use_host_events(&props.host, &flow, &returns, &props.order);
    use_failure_event(
        &props.host,
        RequestKind::Withdrawal,
        withdrawal.failure.clone(),
    );

    let return_dispatch = returns.dispatcher();
    let dispatch = flow.dispatcher();
    let items = views.clone();
    let received = withdrawal
        .receipt
        .as_ref()
        .map(|receipt| texts.fmt.date_time(receipt.received_at));
    // One flow at a time: the withdrawal form, else a return step, else the cancel flow (whose
    // overview offers all three). The steps without state of their own are plain functions;
    // their regions are keyed, so each step gets fresh elements, as a component of its own would.
    let body = match (withdrawal.step, returns.step, flow.step) {
        (WithdrawalStep::Form, _, _) => html! {
            <WithdrawalForm texts={texts.clone()} flow={withdrawal.clone()} view={withdrawal_view.clone()}
                order_id={props.order.id.clone()} clock={props.clock.clone()} />
        },
        (WithdrawalStep::Outcome, _, _) => {
            withdrawal_outcome(&texts, &withdrawal, &withdrawal_view, &props.order.id)
        }
        (_, Step::Select, _) => return_select(&texts, &returns, &items, &return_dispatch),
        (_, Step::Reason, _) => return_reason(&texts, &returns, &items, &return_dispatch),
        (_, Step::Review, _) => {
            return_review(&texts, &returns, &items, &countdowns, &return_dispatch)
        }
        (_, Step::Outcome, _) => return_outcome(&texts, &returns, &items, &return_dispatch),
        // Any flow's step change moves focus back to the overview's heading.
        (_, Step::Overview, Step::Overview) => order_overview(
            &texts,
            Overview {
                order_id: &props.order.id,
                items: &items,
                countdowns: &countdowns,
                on_start: flow
                    .can_start()
                    .then(|| dispatch.to_callback().reform(|_| Action::Start)),
                on_return: returns.can_start().then(|| {
                    return_dispatch
                        .to_callback()
                        .reform(|_| ReturnAction::Start)
                }),
                step_changes: flow.step_changes + returns.step_changes + withdrawal.step_changes,
                withdrawal: withdrawal_notice(
                    &texts,
                    &withdrawal_view,
                    withdrawal_countdown,
                    received.as_deref(),
                    withdrawal
                        .dispatcher()
                        .to_callback()
                        .reform(|_| WithdrawalAction::Open),
                ),
            },
        ),
        (_, _, Step::Select) => select_items(&texts, &flow, &items, &dispatch),
        (_, _, Step::Reason) => choose_reason(&texts, &flow, &dispatch),
        (_, _, Step::Review) => review_request(
            &texts,
            &flow,
            &items,
            &props.order,
            &props.policy,
            &dispatch,
        ),
        (_, _, Step::Outcome) => outcome_panel(
            &texts,
            &flow,
            &items,
            &props.order,
            &props.policy,
            &dispatch,
        ),
    };
    html! {
        <div class="root" part="root" lang={props.locale.clone()} aria-label={texts.text(Msg::WidgetLabel).to_owned()} role="region">
            { body }
            { live_region((*announcement).clone()) }
        </div>
    }
}

/// `order-help-ready` for each order shown, `order-help-step` on each step change of either
/// flow (`{step, kind}`), `order-help-error` when a request fails: so a host can log or measure.
#[hook]
fn use_host_events(
    host: &Host,
    flow: &UseReducerHandle<Flow>,
    returns: &UseReducerHandle<ReturnFlow>,
    order: &Rc<Order>,
) {
    {
        let host = host.clone();
        // Once per order id shown (a host may swap the order).
        use_effect_with(ById(order.clone()), move |ById(order)| {
            host.emit("ready", &object(&[("order_id", &order.id)]));
        });
    }
    use_step_event(host, RequestKind::Cancel, flow.step, flow.step_changes);
    use_step_event(
        host,
        RequestKind::Return,
        returns.step,
        returns.step_changes,
    );
    use_failure_event(host, RequestKind::Cancel, flow.failure.clone());
    use_failure_event(host, RequestKind::Return, returns.failure.clone());
}

/// `order-help-step` `{step, kind}` on each step change of one flow.
#[hook]
fn use_step_event(host: &Host, kind: RequestKind, step: Step, changes: u32) {
    let host = host.clone();
    use_effect_with((step, changes), move |(step, changes)| {
        if *changes > 0 {
            let step = match step {
                Step::Overview => "overview",
                Step::Select => "select",
                Step::Reason => "reason",
                Step::Review => "review",
                Step::Outcome => "outcome",
            };
            let kind = match kind {
                RequestKind::Cancel => "cancel",
                RequestKind::Return => "return",
                RequestKind::Withdrawal => "withdrawal",
            };
            host.emit("step", &object(&[("step", step), ("kind", kind)]));
        }
    });
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

/// An order compared by its id: an effect keyed on it runs once per order id, without copying
/// the id on every render.
struct ById(Rc<Order>);

impl PartialEq for ById {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}
