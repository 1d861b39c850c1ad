use std::rc::Rc;

use yew::prelude::*;

use super::cancel_outcome::cancel_outcome;
use super::cancel_reason::cancel_reason;
use super::cancel_review::cancel_review;
use super::cancel_select::cancel_select;
use super::live_region::live_region;
use super::order_overview::{order_overview, Overview};
use super::return_outcome::return_outcome;
use super::return_reason::return_reason;
use super::return_review::return_review;
use super::return_select::return_select;
use super::step_region::FlowStep;
use super::withdrawal_form::WithdrawalForm;
use super::withdrawal_notice::withdrawal_notice;
use super::withdrawal_outcome::withdrawal_outcome;
use crate::clock::Clock;
use crate::countdown::{Countdown, Threshold};
use crate::engine::{Customer, Order, Policy, RequestKind};
use crate::hooks::{use_announcement, use_assessment, use_flow, use_now, use_wake};
use crate::host::{object, Host};
use crate::i18n::{isolate, Lang, Msg};
use crate::intl::Formatters;
use crate::state::{
    CancelAction, CancelFlow, FlowContext, ItemOutcome, ReturnAction, ReturnFlow, Shared, Step,
    WithdrawalAction, WithdrawalFlow, WithdrawalStep,
};
use crate::view_model::{item_views, with_outcomes, withdrawal_view, Texts};

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub order: Rc<Order>,
    /// Compared by pointer ([`Shared`]): a new policy from the host is a new `Rc`.
    pub policy: Shared<Policy>,
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

/// The locale the widget writes in: the page's, unless its language has no catalogue and the
/// texts are English (`ja`, `pt-BR`): then `en`, so that dates, numbers and lists are English
/// too and no sentence mixes two languages (and the root's `lang` says what is read).
pub fn shown_locale<'a>(locale: &'a str, lang: &Lang) -> &'a str {
    let english_page = crate::engine::primary_subtag(locale).eq_ignore_ascii_case("en");
    if lang.is_english() && !english_page {
        "en"
    } else {
        locale
    }
}

/// The widget for one order: the overview, the three flows (cancel, return, withdrawal: each
/// wired by [`use_flow`] on one shared context), and the one timer that keeps countdowns and
/// verdicts right to the second.
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
            fmt: Formatters::new(shown_locale(locale, lang), currency),
            heading_level: *heading_level,
        },
    );

    let now = use_now(&props.clock);
    let assessment = use_assessment(&props.order, &props.policy.0, *now);
    let views = {
        let order = props.order.clone();
        use_memo(
            (assessment.clone(), texts.clone()),
            move |(assessment, texts)| item_views(assessment, &order, texts),
        )
    };

    // One context for every flow, rebuilt when the assessment (a tick past a boundary), the
    // order, the policy or the customer changes; each flow is reassessed with it.
    let context = use_memo(
        (
            assessment.clone(),
            props.order.clone(),
            props.policy.clone(),
            props.customer.clone(),
            props.key_seed,
        ),
        |(assessment, order, policy, customer, seed)| FlowContext {
            order: order.clone(),
            policy: policy.0.clone(),
            assessment: assessment.clone(),
            customer: order.customer.clone().or_else(|| customer.clone()),
            key_seed: *seed,
        },
    );
    let (host, timeout_ms) = (&props.host, props.timeout_ms);
    let flow = use_flow::<CancelFlow>(&context, host, &props.clock, timeout_ms);
    let returns = use_flow::<ReturnFlow>(&context, host, &props.clock, timeout_ms);
    let withdrawal = use_flow::<WithdrawalFlow>(&context, host, &props.clock, timeout_ms);

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
    let withdrawal_heading = use_node_ref();
    let period_closed = use_period_closed(
        withdrawal_view.allowed,
        withdrawal_countdown == Some(Countdown::Closed),
        withdrawal_heading.clone(),
    );

    // The sentence is built only when the announcement (or the language) changes, not per tick.
    // The withdrawal countdown is said at the return windows' thresholds, as what it shows at
    // the crossing ("23 hours, 59 minutes left to withdraw (until …)"); its end below.
    let withdrawal_threshold = withdrawal_countdown
        .filter(|_| withdrawal_view.allowed)
        .map(Threshold::from);
    let announcement = use_announcement(&views, thresholds, withdrawal_threshold);
    let announcement = use_memo((announcement, texts.clone()), |(announcement, texts)| {
        let mut said = String::new();
        let Some((items, withdrawal)) = announcement.as_deref() else {
            return said;
        };
        if let Some((msg, titles)) = items
            .as_ref()
            .and_then(|(t, titles)| Some((t.announcement()?, titles)))
        {
            let titles: Vec<String> = titles.iter().map(|t| isolate(t)).collect();
            said = texts.fill(msg, &[("item", &texts.fmt.list(&titles))]);
        }
        let left =
            withdrawal_countdown.filter(|_| withdrawal.is_some_and(|t| t != Threshold::Closed));
        if let (Some(left), Some(until)) = (left, withdrawal_view.until.as_deref()) {
            let duration = texts.fmt.time_left(left);
            if !said.is_empty() {
                said.push(' ');
            }
            said += &texts.fill(
                Msg::WithdrawLeft,
                &[("duration", &duration), ("date", until)],
            );
            said.push('.');
        }
        said
    });

    // The withdrawal period's end, said with the return windows' announcements.
    let announcement = match withdrawal_view.until.as_deref().filter(|_| period_closed) {
        Some(until) => {
            let closed = texts.fill(Msg::WithdrawClosed, &[("date", until)]);
            AttrValue::from(format!("{announcement} {closed}.").trim_start().to_owned())
        }
        None => AttrValue::from((*announcement).clone()),
    };

    use_host_events(&props.host, &flow, &returns, &props.order);

    let items = views.clone();
    let cancel_step = FlowStep {
        texts: &texts,
        flow: &*flow,
        items: &items,
        dispatch: flow.dispatcher().to_callback(),
        clock: &props.clock,
    };
    let return_step = FlowStep {
        texts: &texts,
        flow: &*returns,
        items: &items,
        dispatch: returns.dispatcher().to_callback(),
        clock: &props.clock,
    };
    let received = withdrawal
        .shared
        .answer
        .as_ref()
        .map(|receipt| texts.fmt.date_time(receipt.received_at));
    // One flow at a time: the withdrawal form, else a return step, else the cancel flow (whose
    // overview offers all three). The steps without state of their own are plain functions;
    // their regions are keyed, so each step gets fresh elements, as a component of its own would.
    let body = match (
        withdrawal.shared.step,
        returns.shared.step,
        flow.shared.step,
    ) {
        (WithdrawalStep::Form, _, _) => html! {
            <WithdrawalForm texts={texts.clone()} flow={withdrawal.clone()} view={withdrawal_view.clone()}
                order_id={props.order.id.clone()} clock={props.clock.clone()} />
        },
        (WithdrawalStep::Outcome, _, _) => {
            withdrawal_outcome(&texts, &withdrawal, &withdrawal_view, &props.order.id)
        }
        (_, Step::Select, _) => return_select(&return_step),
        (_, Step::Reason, _) => return_reason(&return_step),
        (_, Step::Review, _) => return_review(&return_step, &countdowns),
        (_, Step::Outcome, _) => return_outcome(&return_step),
        // Any flow's step change moves focus back to the overview's heading.
        (_, Step::Overview, Step::Overview) => order_overview(
            &texts,
            Overview {
                order_id: &props.order.id,
                items: &items,
                countdowns: &countdowns,
                on_start: flow
                    .can_start()
                    .then(|| cancel_step.dispatch.reform(|_| CancelAction::Start)),
                on_return: returns
                    .can_start()
                    .then(|| return_step.dispatch.reform(|_| ReturnAction::Start)),
                step_changes: flow.shared.step_changes
                    + returns.shared.step_changes
                    + withdrawal.shared.step_changes,
                withdrawal: withdrawal_notice(
                    &texts,
                    &withdrawal_view,
                    withdrawal_countdown,
                    received.as_deref(),
                    withdrawal
                        .dispatcher()
                        .to_callback()
                        .reform(|_| WithdrawalAction::Open),
                    (period_closed, withdrawal_heading),
                ),
            },
        ),
        (_, _, Step::Select) => cancel_select(&cancel_step),
        (_, _, Step::Reason) => cancel_reason(&cancel_step),
        (_, _, Step::Review) => cancel_review(&cancel_step),
        (_, _, Step::Outcome) => cancel_outcome(&cancel_step),
    };
    html! {
        <div class="root" part="root" lang={shown_locale(&props.locale, &props.lang).to_owned()} aria-label={texts.text(Msg::WidgetLabel).to_owned()} role="region">
            { body }
            { live_region(announcement) }
        </div>
    }
}

/// Whether the withdrawal period ended while the customer was on the page: the engine allowed
/// withdrawal on an earlier render and no longer does, and its countdown reads closed (not a
/// new order or policy without the right). Then the section stays, saying so, the live region
/// announces it, and focus that the button's removal dropped onto `<body>` moves to the
/// section's `heading` (focus elsewhere on the page is left alone).
#[hook]
fn use_period_closed(allowed: bool, over: bool, heading: NodeRef) -> bool {
    // Read during the render: no state of its own, no second render.
    let was_allowed = use_mut_ref(|| false);
    let closed = {
        let mut was = was_allowed.borrow_mut();
        *was |= allowed;
        *was && !allowed && over
    };
    use_effect_with(closed, move |&closed| {
        let dropped = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.active_element())
            .is_none_or(|element| element.tag_name() == "BODY");
        if let Some(heading) = heading
            .cast::<web_sys::HtmlElement>()
            .filter(|_| closed && dropped)
        {
            let _ = heading.focus();
        }
    });
    closed
}

/// `order-help-ready` for each order shown, `order-help-step` on each step change of the cancel
/// and return flows (`{step, kind}`), so a host can log or measure (`use_flow` fires
/// `order-help-error` when a request fails).
#[hook]
fn use_host_events(
    host: &Host,
    flow: &UseReducerHandle<CancelFlow>,
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
    // At a cancellation's outcome, the store's number for it.
    let number = flow
        .shared
        .answer
        .as_ref()
        .and_then(|a| a.details.cancellation_id.clone())
        .filter(|_| flow.shared.step == Step::Outcome);
    use_step_event(
        host,
        RequestKind::Cancel,
        flow.shared.step,
        flow.shared.step_changes,
        number,
    );
    use_step_event(
        host,
        RequestKind::Return,
        returns.shared.step,
        returns.shared.step_changes,
        None,
    );
}

/// `order-help-step` `{step, kind}` on each step change of one flow; at a cancellation's
/// outcome, with the store's `cancellation_id` when its answer gave one.
#[hook]
fn use_step_event(
    host: &Host,
    kind: RequestKind,
    step: Step,
    changes: u32,
    number: Option<String>,
) {
    let host = host.clone();
    // The number is read when the step changes, not a reason to fire.
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
            let detail = match number.as_deref() {
                Some(n) => object(&[("step", step), ("kind", kind), ("cancellation_id", n)]),
                None => object(&[("step", step), ("kind", kind)]),
            };
            host.emit("step", &detail);
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
