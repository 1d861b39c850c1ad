//! What each item row shows, built once per assessment (not per tick): the texts are formatted
//! here, through `Intl` and the catalogue, so the tick only compares numbers.

use std::rc::Rc;

use crate::engine::{
    carrier_name, is_https_address, primary_subtag, Assessment, CancelCode, CancelVerdict, Carrier,
    ExceptionKind, ItemAssessment, NextStep, Order, PickupKind, Reason, RefuseCode, RefuseVerdict,
    ReturnCode, ReturnVerdict, Shipment, ShipmentStatus, TimingUnit, Value,
};
use crate::i18n::{default_reason, fill_template, isolate, Lang, Msg};
use crate::intl::Formatters;
use crate::state::ItemOutcome;

/// The language, the formatters and the heading level, shared by every part of the view (as a
/// prop, or an argument).
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

/// `Eq`, so comparing two `Rc<Texts>` (props, on every render) starts with a
/// pointer comparison.
impl Eq for Texts {}

impl Texts {
    pub fn text(&self, msg: Msg) -> &str {
        self.lang.text(msg)
    }

    pub fn fill(&self, msg: Msg, values: &[(&str, &str)]) -> String {
        self.lang.fill(msg, values)
    }

    /// "Lamp · Qty 2 · $24.00": an item's line on a step (`value` is its price or its value),
    /// the catalogue's `item_line` with the title isolated (FSI … PDI, which the view renders
    /// as its `<bdi class="title">`). One function, so each step does not carry its own
    /// formatting code.
    pub fn item_line(&self, title: &str, quantity: u32, value: &str) -> String {
        let title = isolate(title);
        let n = quantity.to_string();
        self.fill(
            Msg::ItemLine,
            &[("title", &title), ("n", &n), ("value", value)],
        )
    }

    /// "Qty 2 · $24.00 · Delivered on …": the line under an item's title (`status` as built,
    /// its carrier isolated).
    pub fn item_meta(&self, quantity: u32, price: &str, status: &str) -> String {
        let n = quantity.to_string();
        self.fill(
            Msg::ItemMeta,
            &[("n", &n), ("price", price), ("status", status)],
        )
    }

    /// `fill` with the plural form for `n` (`Intl.PluralRules`).
    pub fn fill_counted(&self, msg: Msg, n: u32, values: &[(&str, &str)]) -> String {
        self.lang.fill_counted(msg, self.fmt.plural(n), values)
    }

    /// An engine reason as the customer reads it: its sentence from the language's catalogue,
    /// instants in the customer's locale and zone, the order's strings isolated (so a
    /// right-to-left title cannot reorder the sentence), titles quoted and listed, carriers
    /// named in the language.
    pub fn reason(&self, reason: &Reason<'_>) -> String {
        let values: Vec<(&str, String)> = reason
            .values()
            .map(|(name, value)| (name, self.value(value)))
            .collect();
        let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let template = match reason.count {
            Some(n) => self.lang.key_counted(reason.key, self.fmt.plural(n)),
            None => self.lang.key(reason.key),
        };
        fill_template(template, &pairs)
    }

    fn value(&self, value: Value<'_>) -> String {
        match value {
            Value::Instant(zoned) => self.fmt.date_time(zoned.instant),
            Value::Number(n) => n.to_string(),
            Value::Text(text) => isolate(text),
            // The policy's name for the page's locale (`en-GB` too), else the id humanised; in
            // English where the page's language has no catalogue, so the sentence is English.
            Value::Named(_) | Value::Id(_) => {
                let locale = self.fmt.locale();
                let english_page = primary_subtag(locale).eq_ignore_ascii_case("en");
                let tag = match self.lang.is_english() && !english_page {
                    true => "en",
                    false => locale,
                };
                let shown = value.id_in(tag).unwrap_or_default();
                // A category the policy names in no language (the defaults: `gift_cards`): the
                // catalogue's name, so no English word is left in another language's sentence.
                let shown = match value {
                    Value::Named(named) if named.names.0.is_empty() => {
                        match self.lang.key(&["category_", named.id.trim()].concat()) {
                            "" => shown,
                            name => name.to_owned(),
                        }
                    }
                    _ => shown,
                };
                isolate(&shown)
            }
            Value::Titles(titles) => self.titles(titles, isolate),
            Value::Carrier(carrier) => self.carrier(carrier).unwrap_or_default(),
        }
    }

    /// Titles quoted and listed in the language, each through `each` (`isolate` in a sentence
    /// shown as text).
    fn titles(&self, titles: &[String], each: fn(&str) -> String) -> String {
        let quoted: Vec<String> = titles
            .iter()
            .map(|t| fill_template(self.lang.key("quoted_title"), &[("title", &each(t))]))
            .collect();
        self.fmt.list(&quoted)
    }

    /// A carrier as a sentence names it: the order's name, isolated, or the language's words
    /// for the retailer's fleet; `None` when the order names none (the sentence's twin without
    /// a carrier is used then).
    fn carrier(&self, carrier: Carrier<'_>) -> Option<String> {
        let name = carrier_name(carrier, self.lang.catalogue())?;
        Some(match carrier {
            Carrier::RetailerFleet => name,
            _ => isolate(&name),
        })
    }

    /// A cancellation reason as the customer reads it: the catalogue's words for the policy's
    /// default reasons (so German customers see German), else the store's own `label`, else
    /// its id.
    pub fn reason_label(&self, id: &str, label: Option<&str>) -> String {
        match default_reason(id) {
            Some(msg) if !self.lang.is_english() => self.text(msg).to_owned(),
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

/// A link to a page of the host's order (a tracking page: `https:` only), with the accessible
/// name that says which parcel it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    /// The accessible name; it starts with the visible text (WCAG 2.5.3, label in name).
    pub label: String,
}

/// A parcel's own lines, shown once, on the first of its items: its tracking number, the
/// "Track package" link, and where and until when it waits at a pickup point.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Parcel {
    /// "Tracking number: …", the number isolated.
    pub number: Option<String>,
    pub track: Option<Link>,
    /// "Waiting for you at: …", the place isolated.
    pub location: Option<String>,
    /// "Collect by …" (`pickup_until`, in the customer's locale).
    pub collect_by: Option<String>,
}

/// One item as the customer sees it. `Eq`, so comparing two `Rc`s of the same view (every
/// tick) is a pointer comparison; and compared by identity, not field by field: a view is
/// never changed in place, a new one is built only when what it shows may change (a new
/// assessment, language or outcome: the widget's memos), and re-rendering an item that did not
/// change costs less than a field-by-field comparison's code in the wasm.
#[derive(Clone, Debug)]
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
    /// Why it can or cannot be returned (the engine's return reason, in the language).
    pub return_why: String,
    /// An item that can never be returned (final sale, a non-returnable category) says so in
    /// the overview even when its next step is another (cancel, refuse): the reason, in the
    /// language. `None` where `why` already is that reason.
    pub never_returnable: Option<String>,
    /// The return deadline as the customer reads it (date, and time where it matters).
    pub return_by: String,
    /// Titles of the bundle items selected together with this one.
    pub bundle_with: Vec<String>,
    /// What to do if cancelling fails.
    pub fallback: String,
    /// The parcel's tracking and pickup lines, on the first item of each shipment.
    pub parcel: Option<Parcel>,
    /// Whom to contact, for a delivery problem or a parcel nobody can place.
    pub contact: Option<String>,
    /// The retailer's fleet: its live tracking, linked after the refuse advice.
    pub live_tracking: Option<Link>,
}

impl PartialEq for ItemView {
    fn eq(&self, other: &ItemView) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for ItemView {}

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

/// The status line: the state, with the carrier where the line names one (its twin without a
/// name when the order names none) and the delivery date.
fn status_line(item: &ItemAssessment, shipment: Option<&Shipment>, texts: &Texts) -> String {
    use ShipmentStatus as S;
    let Some(status) = item.shipment_status else {
        return texts.text(Msg::StatusUnassigned).to_owned();
    };
    let carrier = texts.carrier(Carrier::parse(item.carrier.as_deref()));
    let msg = match (status, &carrier) {
        (S::InTransit, Some(_)) => Msg::StatusInTransit,
        (S::InTransit, None) => Msg::StatusInTransitUnnamed,
        (S::OutForDelivery, Some(_)) => Msg::StatusOutForDelivery,
        (S::OutForDelivery, None) => Msg::StatusOutForDeliveryUnnamed,
        (S::Exception, _)
            if shipment.and_then(|s| s.exception_kind) == Some(ExceptionKind::Customs) =>
        {
            Msg::StatusExceptionCustoms
        }
        (S::Exception, _) => Msg::StatusException,
        (S::Pending, _) => Msg::StatusPending,
        (S::Preparing, _) => Msg::StatusPreparing,
        (S::Staged, _) => Msg::StatusStaged,
        (S::AttemptedDelivery, _) => Msg::StatusAttemptedDelivery,
        (S::AvailableForPickup, _) => Msg::StatusAvailableForPickup,
        (S::Delivered, _) => Msg::StatusDelivered,
        (S::Unknown, _) => Msg::StatusUnknown,
        (S::ReturningToSender, _) => Msg::StatusReturningToSender,
        (S::Refused, _) => Msg::StatusRefused,
        (S::ReturnedToSender, _) => Msg::StatusReturnedToSender,
        (S::Cancelled, _) => Msg::StatusCancelled,
    };
    let delivered = shipment
        .and_then(|s| s.delivered_at)
        .map(|d| texts.fmt.date(d))
        .unwrap_or_default();
    texts.fill(
        msg,
        &[
            ("carrier", carrier.as_deref().unwrap_or("")),
            ("date", &delivered),
        ],
    )
}

/// What a tracker's state says where the options say little: the delivery problem, that the
/// parcel cannot be placed (with the source's own words, if any), or that it is going back.
fn problem(shipment: Option<&Shipment>, order: &Order, texts: &Texts) -> Option<String> {
    let shipment = shipment?;
    Some(match shipment.status {
        ShipmentStatus::Exception => texts
            .text(match shipment.exception_kind {
                Some(ExceptionKind::Customs) => Msg::ProblemCustoms,
                Some(ExceptionKind::ActionRequired) => Msg::ProblemActionRequired,
                Some(ExceptionKind::Damaged) => Msg::ProblemDamaged,
                Some(ExceptionKind::Lost) => Msg::ProblemLost,
                Some(ExceptionKind::Other) | None => Msg::ProblemOther,
            })
            .to_owned(),
        ShipmentStatus::Unknown => match &shipment.carrier_status {
            Some(words) => texts.fill(
                Msg::UnknownCarrierStatus,
                &[("carrier_status", &isolate(words))],
            ),
            None => texts.text(Msg::UnknownNoInformation).to_owned(),
        },
        ShipmentStatus::ReturningToSender if order.is_marketplace_fulfilled_by_seller() => {
            texts.text(Msg::ReturningMarketplaceSeller).to_owned()
        }
        ShipmentStatus::ReturningToSender => texts.text(Msg::ReturningRetailer).to_owned(),
        _ => return None,
    })
}

/// The shipment's `tracking_url`, if it is one the widget may link to (the engine has checked
/// it; checked again, since a link is followed only if it is `https:`).
fn tracking_url(shipment: Option<&Shipment>) -> Option<String> {
    shipment?
        .tracking_url
        .clone()
        .filter(|u| is_https_address(u))
}

/// The parcel's lines, for the first item of its shipment (`None` for the others, and for a
/// parcel with nothing to show).
fn parcel(
    item: &ItemAssessment,
    shipment: Option<&Shipment>,
    assessment: &Assessment,
    texts: &Texts,
) -> Option<Parcel> {
    let shipment = shipment?;
    let mates: Vec<&ItemAssessment> = assessment
        .items
        .iter()
        .filter(|i| i.shipment_id == item.shipment_id)
        .collect();
    if mates.first().map(|i| &i.item_id) != Some(&item.item_id) {
        return None;
    }
    let titles: Vec<String> = mates.iter().map(|i| i.title.clone()).collect();
    let track = tracking_url(Some(shipment)).map(|url| {
        let titles = texts.titles(&titles, str::to_owned);
        // The accessible name names the parcel by its items and carrier, as plain text.
        let label = match Carrier::parse(shipment.carrier.as_deref()) {
            Carrier::Unnamed => texts.fill(Msg::TrackPackageLabelUnnamed, &[("titles", &titles)]),
            carrier => {
                let name = carrier_name(carrier, texts.lang.catalogue()).unwrap_or_default();
                texts.fill(
                    Msg::TrackPackageLabel,
                    &[("titles", &titles), ("carrier", &name)],
                )
            }
        };
        Link { url, label }
    });
    // Past `pickup_until` it no longer waits: the reason says the time to collect it ended.
    let waiting = shipment.status == ShipmentStatus::AvailableForPickup
        && item.refuse.code != RefuseCode::PickupTimeOver;
    let parcel = Parcel {
        number: shipment
            .tracking_number
            .as_ref()
            .map(|n| texts.fill(Msg::TrackingNumber, &[("number", &isolate(n))])),
        track,
        location: shipment
            .pickup_location
            .as_ref()
            .filter(|_| waiting)
            .map(|l| texts.fill(Msg::PickupLocation, &[("location", &isolate(l))])),
        collect_by: shipment
            .pickup_until
            .filter(|_| waiting)
            .map(|t| texts.fill(Msg::PickupCollectBy, &[("date", &texts.fmt.deadline(t))])),
    };
    (parcel != Parcel::default()).then_some(parcel)
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
    let deadline = item.r#return.deadline.map(|d| fmt.date_time(d.instant));
    let cancel_why = texts.reason(&item.cancel.reason());
    let refuse_why = texts.reason(&item.refuse.reason());
    let return_why = texts.reason(&item.r#return.reason());

    let status = status_line(item, shipment, texts);
    let problem = problem(shipment, order, texts);

    // With the time when the store's last second is not the end of the customer's day.
    let deadline_date = item
        .r#return
        .deadline
        .map(|d| fmt.deadline(d.instant))
        .unwrap_or_default();
    // What the order records (a pending cancellation, a received withdrawal, an open return),
    // as the outcome of the request that made it said it: "Cancellation requested on …",
    // "Withdrawal received on …" and what comes next, "Return requested".
    let recorded = match (item.cancel.code, item.r#return.code) {
        (CancelCode::CancellationRequested, _) => {
            Some((texts.text(Msg::BadgeCancelRequested), &cancel_why))
        }
        (_, ReturnCode::Withdrawn) => Some((texts.text(Msg::BadgeWithdrawalReceived), &return_why)),
        (_, ReturnCode::ReturnAlreadyRequested) => {
            Some((texts.text(Msg::BadgeReturnRequested), &return_why))
        }
        _ => None,
    }
    .filter(|_| item.shipment_status != Some(ShipmentStatus::Cancelled));
    let (badge, why) = if let Some((badge, why)) = recorded {
        ((Tone::None, badge.to_owned()), why.clone())
    } else {
        match item.next_step {
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
            NextStep::Refuse if item.refuse.verdict == RefuseVerdict::AtPickupPoint => {
                let msg = if shipment.and_then(|s| s.pickup_kind) == Some(PickupKind::Locker) {
                    Msg::BadgeLeaveUncollected
                } else {
                    Msg::BadgeDeclineOrLeave
                };
                (
                    (Tone::Maybe, texts.text(msg).to_owned()),
                    refuse_why.clone(),
                )
            }
            NextStep::Refuse if item.refuse.code == RefuseCode::AtNextAttempt => (
                (
                    Tone::Maybe,
                    texts.text(Msg::BadgeRefuseNextAttempt).to_owned(),
                ),
                refuse_why.clone(),
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
            // A tracker's state the options cannot act on: the badge names it, the sentence says
            // what it means.
            _ if problem.is_some() => {
                let msg = match item.shipment_status {
                    Some(ShipmentStatus::Unknown) => Msg::BadgeStatusUnknown,
                    Some(ShipmentStatus::ReturningToSender) => Msg::BadgeOnItsWayBack,
                    _ => Msg::BadgeDeliveryProblem,
                };
                (
                    (Tone::None, texts.text(msg).to_owned()),
                    problem.clone().unwrap_or_default(),
                )
            }
            // Left at a pickup point past its holding time: on its way back, as the reason says.
            _ if item.refuse.code == RefuseCode::PickupTimeOver => (
                (Tone::None, texts.text(Msg::BadgeOnItsWayBack).to_owned()),
                refuse_why.clone(),
            ),
            NextStep::ContactSeller | NextStep::ContactStore => (
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

    let fallback = fallback(item, shipment, texts, &deadline_date);
    let contact = match item.next_step {
        NextStep::ContactStore => Some(texts.text(Msg::ContactStore).to_owned()),
        NextStep::ContactSeller if problem.is_some() => {
            Some(texts.text(Msg::FallbackContactSeller).to_owned())
        }
        _ => None,
    };
    let live_tracking = tracking_url(shipment)
        .filter(|_| item.refuse.code == RefuseCode::AtDoorLiveMap)
        .map(|url| Link {
            url,
            label: texts.fill(
                Msg::LiveTrackingLabel,
                &[(
                    "titles",
                    &texts.titles(std::slice::from_ref(&item.title), str::to_owned),
                )],
            ),
        });
    let never_returnable = matches!(
        item.r#return.code,
        ReturnCode::FinalSale | ReturnCode::NonReturnableCategory
    )
    .then(|| return_why.clone())
    .filter(|note| *note != why);
    ItemView {
        never_returnable,
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
        return_why,
        return_by: deadline_date,
        bundle_with,
        fallback,
        parcel: parcel(item, shipment, assessment, texts),
        contact,
        live_tracking,
    }
}

/// The views with what the store's answers said (`outcomes`, from [`crate::state::CancelFlow`]):
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
                ItemOutcome::ReturnRequested => {
                    (Msg::BadgeReturnRequested, Msg::ItemReturnRequested)
                }
            };
            let why = texts.text(why).to_owned();
            Rc::new(ItemView {
                badge: (Tone::None, texts.text(badge).to_owned()),
                why: why.clone(),
                // A cancelled item is not delivered: no return window to count down.
                window: match outcome {
                    ItemOutcome::Cancelled => None,
                    ItemOutcome::Requested | ItemOutcome::ReturnRequested => view.window.clone(),
                },
                cancel_verdict: CancelVerdict::NotAvailable,
                cancel_why: why,
                ..(**view).clone()
            })
        })
        .collect()
}

/// What a customer can do when a cancellation was declined or is not available.
fn fallback(
    item: &ItemAssessment,
    shipment: Option<&Shipment>,
    texts: &Texts,
    deadline_date: &str,
) -> String {
    match (item.refuse.verdict, item.refuse.code) {
        (RefuseVerdict::AtPickupPoint, _) => texts
            .text(match shipment.and_then(|s| s.pickup_kind) {
                Some(PickupKind::Counter) => Msg::FallbackPickupCounter,
                Some(PickupKind::Locker) => Msg::FallbackPickupLocker,
                None => Msg::FallbackPickup,
            })
            .to_owned(),
        (RefuseVerdict::AtDoor, RefuseCode::AtNextAttempt) => {
            texts.text(Msg::FallbackRefuseNextAttempt).to_owned()
        }
        (RefuseVerdict::AtDoor, RefuseCode::AtDoorLiveMap) => match item.refuse.stops_away {
            Some(stops) => texts.fill_counted(
                Msg::FallbackRefuseFleetStops,
                stops,
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

/// The views of the `selected` items, in the order's item order.
pub fn chosen_views<'a>(items: &'a [Rc<ItemView>], selected: &[String]) -> Vec<&'a Rc<ItemView>> {
    items.iter().filter(|i| selected.contains(&i.id)).collect()
}

/// "within 3–5 business days", "within 24 hours".
pub fn timing_text(texts: &Texts, timing: &crate::engine::RefundTiming) -> String {
    let (min, max) = (timing.min.to_string(), timing.max.to_string());
    let msg = match timing.unit {
        TimingUnit::Hours => Msg::TimingHours,
        TimingUnit::BusinessDays => Msg::TimingBusinessDays,
    };
    // A range's form is its end's ("1–2 days"), as Intl.PluralRules.selectRange says for
    // these languages.
    texts.fill_counted(msg, timing.max, &[("min", &min), ("max", &max)])
}

/// Why a request failed, as the customer reads it (each true to what is known), followed by
/// "Your choices are kept."; `no_host` names the kind of request a page cannot take.
pub fn failure_text(texts: &Texts, failure: &crate::state::SendFailure, no_host: Msg) -> String {
    use crate::state::SendFailure;
    let why = match failure {
        SendFailure::Timeout => texts.text(Msg::ErrorTimeout).to_owned(),
        SendFailure::Rejected(detail) => {
            texts.fill(Msg::ErrorRejected, &[("detail", &isolate(detail))])
        }
        // The store's own sentence, in the customer's language: its answer, not an error.
        SendFailure::Refused(sentence) => isolate(sentence),
        SendFailure::Malformed(_) => texts.text(Msg::ErrorMalformed).to_owned(),
        SendFailure::NoHost => texts.text(no_host).to_owned(),
    };
    texts.fill(Msg::ErrorKept, &[("why", &why)])
}

/// The withdrawal function as the customer reads it (art. 11a of Directive 2011/83/EU), built
/// once per assessment: whether it is offered, the period's end (formatted, and the instant its
/// countdown closes), the items it covers and where else to withdraw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithdrawalView {
    /// The engine's verdict is `allowed`.
    pub allowed: bool,
    /// One second after the period's last second; `None` while a good is still on its way.
    pub closes_at: Option<crate::engine::Instant>,
    /// The period's last second as the customer reads it.
    pub until: Option<String>,
    /// The period's length in days (for "until 14 days after delivery").
    pub days: u32,
    /// The covered items, in the order's item order.
    pub items: Vec<Rc<ItemView>>,
    /// The policy's `withdrawal.contact_email`, shown when sending fails.
    pub contact_email: Option<String>,
    /// A parcel can be left uncollected (at a pickup point, or after a failed attempt): the
    /// notice says that not collecting it is not a withdrawal.
    pub uncollected: bool,
}

/// The withdrawal view of an assessment, from the item views already built.
pub fn withdrawal_view(
    assessment: &Assessment,
    views: &[Rc<ItemView>],
    contact_email: Option<&str>,
    texts: &Texts,
) -> WithdrawalView {
    let decision = &assessment.withdrawal;
    WithdrawalView {
        allowed: decision.verdict == crate::engine::WithdrawalVerdict::Allowed,
        closes_at: decision
            .deadline
            .map(|d| crate::countdown::closes_at(d.instant)),
        until: decision.deadline.map(|d| texts.fmt.date_time(d.instant)),
        days: decision.days,
        items: views
            .iter()
            .filter(|view| decision.items.contains(&view.id))
            .cloned()
            .collect(),
        contact_email: contact_email.map(str::to_owned),
        uncollected: assessment.items.iter().any(|i| {
            matches!(
                i.refuse.code,
                RefuseCode::AtPickupPoint | RefuseCode::AtNextAttempt
            )
        }),
    }
}
