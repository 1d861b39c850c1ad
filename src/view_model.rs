//! What each item row shows, built once per assessment (not per tick): the texts are formatted
//! here, through `Intl` and the catalogue, so the tick only compares numbers.

use std::rc::Rc;

use crate::engine::{
    Assessment, CancelVerdict, Carrier, ItemAssessment, NextStep, Order, RefuseCode, RefuseVerdict,
    ReturnVerdict, ShipmentStatus, TimingUnit,
};
use crate::i18n::{default_reason, fill, isolate, text, why, Lang, Msg};
use crate::intl::Formatters;
use crate::state::ItemOutcome;

/// The language, the formatters and the heading level, shared by every component through a
/// context.
pub struct Texts {
    pub lang: Lang,
    pub fmt: Formatters,
    pub heading_level: u8,
}

impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.fmt == other.fmt
            && self.heading_level == other.heading_level
    }
}

/// `Eq`, so comparing two `Rc<Texts>` (a context and props, on every render) starts with a
/// pointer comparison.
impl Eq for Texts {}

impl Texts {
    pub fn text(&self, msg: Msg) -> &'static str {
        text(self.lang, msg)
    }

    pub fn fill(&self, msg: Msg, values: &[(&str, &str)]) -> String {
        fill(self.lang, msg, values)
    }

    /// A cancellation reason as the customer reads it: the catalogue's words for the policy's
    /// default reasons (so German customers see German), else the store's own `label`, else
    /// its id.
    pub fn reason_label(&self, id: &str, label: Option<&str>) -> String {
        match default_reason(id) {
            Some(msg) if self.lang != Lang::En => self.text(msg).to_owned(),
            _ => label.unwrap_or(id).to_owned(),
        }
    }
}

/// How a badge looks: its meaning is always in its text too, never in colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Maybe,
    Info,
    None,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Good => "badge good",
            Tone::Maybe => "badge maybe",
            Tone::Info => "badge info",
            Tone::None => "badge none",
        }
    }
}

/// The return-window line of an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Window {
    /// Counting down to `closes_at`; `until` is the deadline as the customer reads it.
    Counting {
        closes_at: crate::engine::Instant,
        until: String,
    },
    /// Not delivered yet; the expected delivery date, if known.
    Opens { expected: Option<String> },
}

/// One item as the customer sees it. `Eq`, so comparing two `Rc`s of the same view (every
/// tick) is a pointer comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemView {
    pub id: String,
    /// The list key, built once (not on every tick).
    pub key: yew::virtual_dom::Key,
    pub title: String,
    pub quantity: u32,
    pub price: String,
    pub status: String,
    pub badge: (Tone, String),
    pub why: String,
    pub window: Option<Window>,
    pub cancel_verdict: CancelVerdict,
    pub cancel_why: String,
    /// Titles of the bundle items selected together with this one.
    pub bundle_with: Vec<String>,
    /// What to do if cancelling fails.
    pub fallback: String,
}

impl ItemView {
    /// Whether the item can be selected for cancelling (or a cancellation request).
    pub fn cancellable(&self) -> bool {
        self.cancel_verdict != CancelVerdict::NotAvailable
    }

    pub fn closes_at(&self) -> Option<crate::engine::Instant> {
        match &self.window {
            Some(Window::Counting { closes_at, .. }) => Some(*closes_at),
            _ => None,
        }
    }
}

/// Every item's view, in the order's item order.
pub fn item_views(assessment: &Assessment, order: &Order, texts: &Texts) -> Vec<Rc<ItemView>> {
    assessment
        .items
        .iter()
        .map(|item| Rc::new(item_view(item, assessment, order, texts)))
        .collect()
}

fn carrier_name(texts: &Texts, carrier: Option<Carrier>) -> String {
    match carrier {
        Some(Carrier::RetailerFleet) => texts.text(Msg::CarrierRetailerFleet).to_owned(),
        Some(Carrier::Other) | None => texts.text(Msg::CarrierOther).to_owned(),
        Some(carrier) => carrier.display_name().to_owned(),
    }
}

fn item_view(
    item: &ItemAssessment,
    assessment: &Assessment,
    order: &Order,
    texts: &Texts,
) -> ItemView {
    let fmt = &texts.fmt;
    let source = order.items.iter().find(|i| i.id == item.item_id);
    let shipment = item
        .shipment_id
        .as_ref()
        .and_then(|id| order.shipments.iter().find(|s| &s.id == id));
    let line_total = source.map_or(0, |i| i.unit_price.saturating_mul(i.quantity).minor());
    let carrier = carrier_name(texts, item.carrier);
    let deadline = item.r#return.deadline.map(|d| fmt.date_time(d.instant));
    let specifics = why::Specifics {
        seller: isolate(&order.seller.name),
        bundle_mates: bundle_mates(item, assessment, texts),
        carrier: carrier.clone(),
        grace_end: item
            .cancel
            .grace_ends_at
            .map(|g| fmt.date_time(g.instant))
            .unwrap_or_default(),
        deadline: deadline.clone().unwrap_or_default(),
        stops_away: item.refuse.stops_away,
        category: source
            .and_then(|i| i.category.as_deref())
            .map(isolate)
            .unwrap_or_default(),
        quantity: item.quantity,
        returnable: item.r#return.quantity,
        holiday: item.r#return.holiday_extended,
    };
    let lang = texts.lang;
    let cancel_why = why::cancel(lang, item.cancel.code, &item.cancel.message, &specifics);
    let refuse_why = why::refuse(lang, item.refuse.code, &item.refuse.message, &specifics);
    let return_why = why::r#return(lang, item.r#return.code, &item.r#return.message, &specifics);

    let status = match item.shipment_status {
        None => texts.text(Msg::StatusUnassigned).to_owned(),
        Some(status) => {
            let msg = match status {
                ShipmentStatus::Pending => Msg::StatusPending,
                ShipmentStatus::Preparing => Msg::StatusPreparing,
                ShipmentStatus::Staged => Msg::StatusStaged,
                ShipmentStatus::InTransit => Msg::StatusInTransit,
                ShipmentStatus::OutForDelivery => Msg::StatusOutForDelivery,
                ShipmentStatus::Delivered => Msg::StatusDelivered,
                ShipmentStatus::Refused => Msg::StatusRefused,
                ShipmentStatus::ReturnedToSender => Msg::StatusReturnedToSender,
                ShipmentStatus::Cancelled => Msg::StatusCancelled,
            };
            let delivered = shipment
                .and_then(|s| s.delivered_at)
                .map(|d| fmt.date(d))
                .unwrap_or_default();
            texts.fill(msg, &[("carrier", &carrier), ("date", &delivered)])
        }
    };

    // With the time when the store's last second is not the end of the customer's day.
    let deadline_date = item
        .r#return
        .deadline
        .map(|d| fmt.deadline(d.instant))
        .unwrap_or_default();
    let (badge, why) = match item.next_step {
        // Cancelled (as the host's order now says): said so, not "Not returnable".
        _ if item.shipment_status == Some(ShipmentStatus::Cancelled) => (
            (Tone::None, texts.text(Msg::BadgeCancelled).to_owned()),
            cancel_why.clone(),
        ),
        NextStep::Cancel if item.cancel.verdict == CancelVerdict::Allowed => (
            (Tone::Good, texts.text(Msg::BadgeCancel).to_owned()),
            cancel_why.clone(),
        ),
        NextStep::Cancel => (
            (Tone::Maybe, texts.text(Msg::BadgeRequest).to_owned()),
            cancel_why.clone(),
        ),
        NextStep::Refuse if item.refuse.verdict == RefuseVerdict::AtDoor => (
            (Tone::Maybe, texts.text(Msg::BadgeRefuseAtDoor).to_owned()),
            refuse_why.clone(),
        ),
        NextStep::Refuse => (
            (Tone::Maybe, texts.text(Msg::BadgeRefuseAfter).to_owned()),
            refuse_why.clone(),
        ),
        NextStep::Return if item.r#return.verdict == ReturnVerdict::Allowed => (
            (
                Tone::Info,
                texts.fill(Msg::BadgeReturnBy, &[("date", &deadline_date)]),
            ),
            return_why.clone(),
        ),
        NextStep::Return => (
            (
                Tone::Info,
                texts.text(Msg::BadgeReturnAfterDelivery).to_owned(),
            ),
            return_why.clone(),
        ),
        NextStep::ContactSeller => (
            (Tone::None, texts.text(Msg::BadgeContactSeller).to_owned()),
            return_why.clone(),
        ),
        NextStep::None => {
            let msg = if item.r#return.verdict == ReturnVerdict::Expired {
                Msg::BadgeNoLongerReturnable
            } else if item.r#return.verdict == ReturnVerdict::NotReturnable {
                Msg::BadgeNotReturnable
            } else {
                Msg::BadgeNothingToDo
            };
            ((Tone::None, texts.text(msg).to_owned()), return_why.clone())
        }
    };

    let window = match item.r#return.verdict {
        ReturnVerdict::Allowed | ReturnVerdict::Expired => {
            // `deadline` is the same instant, already formatted: no second trip through Intl.
            item.r#return
                .deadline
                .zip(deadline)
                .map(|(d, until)| Window::Counting {
                    closes_at: crate::countdown::closes_at(d.instant),
                    until,
                })
        }
        ReturnVerdict::NotYet => Some(Window::Opens {
            expected: shipment
                .and_then(|s| s.estimated_delivery)
                .map(|d| fmt.date(d)),
        }),
        ReturnVerdict::NotReturnable => None,
    };

    let bundle_with = item
        .cancel
        .bundle_items
        .iter()
        .filter(|id| **id != item.item_id)
        .filter_map(|id| assessment.items.iter().find(|i| &i.item_id == id))
        .map(|i| i.title.clone())
        .collect();

    let fallback = fallback(item, texts, &deadline_date);
    ItemView {
        id: item.item_id.clone(),
        key: item.item_id.as_str().into(),
        title: item.title.clone(),
        quantity: item.quantity,
        price: fmt.money(line_total),
        status,
        badge,
        why,
        window,
        cancel_verdict: item.cancel.verdict,
        cancel_why,
        bundle_with,
        fallback,
    }
}

/// The views with what the store's answers said (`outcomes`, from [`crate::state::Flow`]):
/// a cancelled item shows "Cancelled", a requested one "Cancellation requested", and neither is
/// offered for cancelling again, until the host gives a newer order. Views without an outcome
/// are shared, not copied.
pub fn with_outcomes(
    views: &[Rc<ItemView>],
    outcomes: &[(String, ItemOutcome)],
    texts: &Texts,
) -> Vec<Rc<ItemView>> {
    views
        .iter()
        .map(|view| {
            let Some((_, outcome)) = outcomes.iter().find(|(id, _)| *id == view.id) else {
                return view.clone();
            };
            let (badge, why) = match outcome {
                ItemOutcome::Cancelled => (Msg::BadgeCancelled, Msg::ItemCancelled),
                ItemOutcome::Requested => (Msg::BadgeCancelRequested, Msg::ItemCancelRequested),
            };
            let why = texts.text(why).to_owned();
            Rc::new(ItemView {
                badge: (Tone::None, texts.text(badge).to_owned()),
                why: why.clone(),
                // A cancelled item is not delivered: no return window to count down.
                window: match outcome {
                    ItemOutcome::Cancelled => None,
                    ItemOutcome::Requested => view.window.clone(),
                },
                cancel_verdict: CancelVerdict::NotAvailable,
                cancel_why: why,
                ..(**view).clone()
            })
        })
        .collect()
}

/// The bundle-mates that set a bundle item's lowered verdict (those whose own verdict is that
/// verdict), quoted and isolated: "“A” and “B”", or "another item".
fn bundle_mates(item: &ItemAssessment, assessment: &Assessment, texts: &Texts) -> String {
    use crate::engine::CancelCode;
    if !matches!(
        item.cancel.code,
        CancelCode::BundleRequiresRequest | CancelCode::BundleNotCancellable
    ) {
        return String::new();
    }
    let titles: Vec<String> = item
        .cancel
        .bundle_items
        .iter()
        .filter_map(|id| assessment.items.iter().find(|i| &i.item_id == id))
        .filter(|mate| {
            mate.cancel.verdict == item.cancel.verdict
                && !matches!(
                    mate.cancel.code,
                    CancelCode::BundleRequiresRequest | CancelCode::BundleNotCancellable
                )
        })
        .map(|mate| format!("\u{201c}{}\u{201d}", isolate(&mate.title)))
        .collect();
    if titles.is_empty() {
        "another item".to_owned()
    } else {
        texts.fmt.list(&titles)
    }
}

/// What a customer can do when a cancellation was declined or is not available.
fn fallback(item: &ItemAssessment, texts: &Texts, deadline_date: &str) -> String {
    match (item.refuse.verdict, item.refuse.code) {
        (RefuseVerdict::AtDoor, RefuseCode::AtDoorLiveMap) => match item.refuse.stops_away {
            Some(stops) => texts.fill(
                Msg::FallbackRefuseFleetStops,
                &[("stops", &stops.to_string())],
            ),
            None => texts.text(Msg::FallbackRefuseFleet).to_owned(),
        },
        (RefuseVerdict::AtDoor, _) => texts.text(Msg::FallbackRefuseCarrier).to_owned(),
        (RefuseVerdict::AfterDeliveryUnopened, _) => texts.text(Msg::FallbackRefuseUsps).to_owned(),
        (RefuseVerdict::NotAvailable, _) => match item.r#return.verdict {
            ReturnVerdict::Allowed => texts.fill(Msg::FallbackReturnBy, &[("date", deadline_date)]),
            ReturnVerdict::NotYet => texts.text(Msg::FallbackReturnAfterDelivery).to_owned(),
            _ if item.next_step == NextStep::ContactSeller => {
                texts.text(Msg::FallbackContactSeller).to_owned()
            }
            _ => texts.text(Msg::FallbackNone).to_owned(),
        },
    }
}

/// The selected items' views, in the order's item order, and the refund for cancelling them.
pub fn selection<'a>(
    items: &'a [Rc<ItemView>],
    flow: &crate::state::Flow,
    order: &Order,
    policy: &crate::engine::Policy,
) -> (Vec<&'a Rc<ItemView>>, crate::engine::RefundEstimate) {
    let chosen: Vec<&Rc<ItemView>> = items
        .iter()
        .filter(|i| flow.selected.contains(&i.id))
        .collect();
    let lines: Vec<(&str, u32)> = chosen.iter().map(|i| (i.id.as_str(), i.quantity)).collect();
    let refund = crate::engine::refund_for(
        order,
        policy,
        &lines,
        flow.reason.as_deref(),
        crate::engine::RefundKind::Cancellation,
    );
    (chosen, refund)
}

/// "within 3–5 business days", "within 24 hours".
pub fn timing_text(texts: &Texts, timing: &crate::engine::RefundTiming) -> String {
    let (min, max) = (timing.min.to_string(), timing.max.to_string());
    let msg = match timing.unit {
        TimingUnit::Hours => Msg::TimingHours,
        TimingUnit::BusinessDays => Msg::TimingBusinessDays,
    };
    texts.fill(msg, &[("min", &min), ("max", &max)])
}
