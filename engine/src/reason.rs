//! Each decision's reason as data: the catalogue key of its sentence and the values the
//! sentence names. The rules set codes and values only; sentences come from a catalogue
//! ([`crate::text`]), in English for the command-line tool and `assess` (rendered only when the
//! output is written), in the customer's language in the widget.
//!
//! [`Reason::english`] is the engine's one English renderer: `verify`'s sentences
//! (`verification/sentences.rs`) and a return proposal's errors (`returns/sentences.rs`) are
//! [`Reason`]s too, so an instant reads the same in all of them
//! ([`ZonedInstant::in_english`]).
//!
//! Adding a code: add the variant, its key in the `match` below (the match is exhaustive, so
//! the build fails until it has one), and its sentence to every `locales/*.json` (the tests
//! fail, naming the key and the language, until each has it).

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::assessment::{
    CancelCode, CancelDecision, DeductionCode, LiveMapBand, RefuseCode, RefuseDecision, ReturnCode,
    ReturnDecision, WithdrawalCode, WithdrawalDecision,
};
use super::order::{Carrier, PickupKind};
use super::text::{english_plural, english_titles, fill_with, Catalogue, Entry};
use super::time::ZonedInstant;

/// A value a reason's sentence names; the renderer formats it for its reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// An instant (a grace period's end, a return deadline), with the store zone's offset.
    Instant(ZonedInstant),
    /// A whole number (stops away, quantities).
    Number(u32),
    /// A string of the order (a seller's name, a reason's words), as written there: show it
    /// as text, isolated (it may be right-to-left).
    Text(&'a str),
    /// A category id of the order with the policy's names for it: shown as the name for the
    /// reader's language, else the id humanised (never the raw id: `gift_cards`).
    Named(&'a crate::policy::Named),
    /// An id of the order with no names in the policy (a USPS service, `certified_mail`):
    /// shown humanised ("certified mail").
    Id(&'a str),
    /// Titles of items of the order (the bundle-mates that set a verdict), to be listed.
    Titles(&'a [String]),
    /// A named carrier (a reason whose order names none uses its `.unnamed` sentence instead).
    Carrier(Carrier<'a>),
}

/// A USPS service id without a last word "mail" (`certified_mail` → `certified`).
fn without_mail(service: &str) -> &str {
    let service = service.trim();
    let cut = service.len().saturating_sub(5);
    let word = service.get(cut + 1..).unwrap_or("");
    match service.as_bytes().get(cut) {
        Some(b'_' | b'-' | b' ') if cut > 0 && word.eq_ignore_ascii_case("mail") => {
            service.get(..cut).unwrap_or(service)
        }
        _ => service,
    }
}

impl Value<'_> {
    /// What a reader of `language` (a BCP 47 tag) reads for an id: a category's name in the
    /// policy for that language, else the id humanised; `None` for a value that is not an id.
    /// The one rendering of ids, for the English sentences and the widget's alike.
    pub fn id_in(&self, language: &str) -> Option<String> {
        match self {
            Value::Named(named) => Some(named.name(language)),
            Value::Id(id) => Some(crate::policy::humanise(id)),
            _ => None,
        }
    }
}

/// A decision's reason: the key of its sentence in a catalogue (`cancel.within_grace_period`,
/// `refuse.at_door.in_transit.retailer`, …), the values of its `{name}` placeholders, and the
/// number that chooses its plural form (CLDR categories), if it has plural forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason<'a> {
    pub key: &'static str,
    pub values: [Option<(&'static str, Value<'a>)>; 3],
    pub count: Option<u32>,
}

impl<'a> Reason<'a> {
    pub(crate) fn new(key: &'static str) -> Reason<'a> {
        Reason {
            key,
            values: [None; 3],
            count: None,
        }
    }

    /// With the value of `{name}` (at most three: a fourth is dropped, and its placeholder
    /// stays in the sentence, which the catalogue tests catch).
    pub(crate) fn with(mut self, name: &'static str, value: Value<'a>) -> Reason<'a> {
        if let Some(slot) = self.values.iter_mut().find(|v| v.is_none()) {
            *slot = Some((name, value));
        }
        self
    }

    pub(crate) fn counting(mut self, n: u32) -> Reason<'a> {
        self.count = Some(n);
        self
    }

    /// The named values, in order.
    pub fn values(&self) -> impl Iterator<Item = (&'static str, Value<'a>)> + '_ {
        self.values.iter().flatten().copied()
    }

    /// The value named `name`.
    pub fn value(&self, name: &str) -> Option<Value<'a>> {
        self.values().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The sentence in English, as the command-line tool prints it: instants in store time
    /// ([`ZonedInstant::in_english`]: `31 March 2025 at 23:59:59 (store time)`), titles quoted
    /// and listed. Written only when it is displayed, straight into the output.
    pub fn english(&self) -> English<'_, 'a> {
        English(self)
    }
}

/// [`Reason::english`]: displays the English sentence.
pub struct English<'r, 'a>(&'r Reason<'a>);

impl fmt::Display for English<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = self.0;
        let catalogue = Catalogue::english();
        let template = match (catalogue.get(reason.key), reason.count) {
            (Some(entry), Some(n)) => entry.form(english_plural(u64::from(n))),
            (Some(entry), None) => entry.form("other"),
            // Every key is in `locales/en.json` (tested); never an empty sentence regardless.
            (None, _) => return f.write_str(reason.key),
        };
        fill_with(f, template, |f, name| {
            Some(write_english(f, reason.value(name)?, catalogue))
        })
    }
}

fn write_english(f: &mut fmt::Formatter<'_>, value: Value<'_>, en: &Catalogue) -> fmt::Result {
    match value {
        Value::Instant(zoned) => fmt::Display::fmt(&zoned.in_english(), f),
        Value::Number(n) => write!(f, "{n}"),
        Value::Text(text) => f.write_str(text),
        Value::Named(_) | Value::Id(_) => f.write_str(&value.id_in("en").unwrap_or_default()),
        // Each title in the catalogue's quotation marks (`quoted_title`).
        Value::Titles(titles) => f.write_str(&english_titles(titles, en)),
        Value::Carrier(carrier) => f.write_str(&carrier_name(carrier, en).unwrap_or_default()),
    }
}

/// A carrier's name in a catalogue's language: the name the order gives (or the brand of an
/// id: `ups` is "UPS"), the catalogue's words for the retailer's fleet
/// (`carrier_retailer_fleet`), or `None` when the order names none: a sentence is never built
/// around a filler ("the the carrier"), it has an `.unnamed` twin.
pub fn carrier_name(carrier: Carrier<'_>, catalogue: &Catalogue) -> Option<String> {
    match (carrier, catalogue.get("carrier_retailer_fleet")) {
        (Carrier::RetailerFleet, Some(Entry::Text(text))) => Some(text.clone()),
        _ => carrier.brand().map(str::to_owned),
    }
}

/// A reason naming the shipment's `carrier` (as the order gives it): the `named` sentence with
/// `{carrier}`, or its twin without the placeholder when the order names none.
fn naming_carrier<'a>(carrier: Option<&'a str>, [named, unnamed]: [&'static str; 2]) -> Reason<'a> {
    match Carrier::parse(carrier) {
        Carrier::Unnamed => Reason::new(unnamed),
        carrier => Reason::new(named).with("carrier", Value::Carrier(carrier)),
    }
}

impl CancelDecision {
    /// Why: the sentence's key and values.
    pub fn reason(&self) -> Reason<'_> {
        use CancelCode::*;
        let key = match self.code {
            NotInShippingProcess => "cancel.not_in_shipping_process",
            WithinGracePeriod => "cancel.within_grace_period",
            BeingPrepared => "cancel.being_prepared",
            StagedForShipping => "cancel.staged_for_shipping",
            WithRetailerFleet => "cancel.with_retailer_fleet",
            SellerMustApprove => "cancel.seller_must_approve",
            WithCarrier => "cancel.with_carrier",
            ShippedBySeller => "cancel.shipped_by_seller",
            OutForDelivery => "cancel.out_for_delivery",
            Delivered => "cancel.delivered",
            AlreadyCancelled => "cancel.already_cancelled",
            Refused => "cancel.refused",
            ReturnedToSender => "cancel.returned_to_sender",
            AtPickupPoint => "cancel.at_pickup_point",
            DeliveryAttempted => "cancel.delivery_attempted",
            DeliveryProblem => "cancel.delivery_problem",
            StatusUnknown => "cancel.status_unknown",
            ReturningToSender => "cancel.returning_to_sender",
            BundleRequiresRequest => "cancel.bundle_requires_request",
            BundleNotCancellable => "cancel.bundle_not_cancellable",
            CancellationRequested if self.cancellation_id.is_some() => {
                "cancel.cancellation_requested.numbered"
            }
            CancellationRequested => "cancel.cancellation_requested",
        };
        let reason = Reason::new(key);
        match self.code {
            WithinGracePeriod => match self.grace_ends_at {
                Some(end) => reason.with("grace_end", Value::Instant(end)),
                None => reason,
            },
            SellerMustApprove => {
                reason.with("seller", Value::Text(self.seller.as_deref().unwrap_or("")))
            }
            WithCarrier => naming_carrier(
                self.carrier.as_deref(),
                ["cancel.with_carrier", "cancel.with_carrier.unnamed"],
            ),
            BundleRequiresRequest | BundleNotCancellable => {
                reason.with("titles", Value::Titles(&self.bundle_mates))
            }
            CancellationRequested => {
                let reason = match self.recorded_at {
                    Some(at) => reason.with("on", Value::Instant(at)),
                    None => reason,
                };
                match &self.cancellation_id {
                    Some(id) => reason.with("cancellation_id", Value::Text(id)),
                    None => reason,
                }
            }
            _ => reason,
        }
    }

    /// The reason in English (what the `message` field of the JSON says).
    pub fn message(&self) -> String {
        self.reason().english().to_string()
    }
}

/// `refuse.at_door_live_map.<status>.<band>.<who refunds>`: [in transit, out for delivery] ×
/// [`LiveMapBand`] (next stop, within 10, beyond 10, unknown) × [retailer, marketplace seller].
const LIVE_MAP: [[[&str; 2]; 4]; 2] = [
    [
        [
            "refuse.at_door_live_map.in_transit.next_stop.retailer",
            "refuse.at_door_live_map.in_transit.next_stop.marketplace_seller",
        ],
        [
            "refuse.at_door_live_map.in_transit.within_10.retailer",
            "refuse.at_door_live_map.in_transit.within_10.marketplace_seller",
        ],
        [
            "refuse.at_door_live_map.in_transit.beyond_10.retailer",
            "refuse.at_door_live_map.in_transit.beyond_10.marketplace_seller",
        ],
        [
            "refuse.at_door_live_map.in_transit.stops_unknown.retailer",
            "refuse.at_door_live_map.in_transit.stops_unknown.marketplace_seller",
        ],
    ],
    [
        [
            "refuse.at_door_live_map.out_for_delivery.next_stop.retailer",
            "refuse.at_door_live_map.out_for_delivery.next_stop.marketplace_seller",
        ],
        [
            "refuse.at_door_live_map.out_for_delivery.within_10.retailer",
            "refuse.at_door_live_map.out_for_delivery.within_10.marketplace_seller",
        ],
        [
            "refuse.at_door_live_map.out_for_delivery.beyond_10.retailer",
            "refuse.at_door_live_map.out_for_delivery.beyond_10.marketplace_seller",
        ],
        [
            "refuse.at_door_live_map.out_for_delivery.stops_unknown.retailer",
            "refuse.at_door_live_map.out_for_delivery.stops_unknown.marketplace_seller",
        ],
    ],
];

/// `refuse.at_door.<status>.<who refunds>`, and its twin without a carrier (`.unnamed`).
const AT_DOOR: [[[&str; 2]; 2]; 2] = [
    [
        [
            "refuse.at_door.in_transit.retailer",
            "refuse.at_door.in_transit.retailer.unnamed",
        ],
        [
            "refuse.at_door.in_transit.marketplace_seller",
            "refuse.at_door.in_transit.marketplace_seller.unnamed",
        ],
    ],
    [
        [
            "refuse.at_door.out_for_delivery.retailer",
            "refuse.at_door.out_for_delivery.retailer.unnamed",
        ],
        [
            "refuse.at_door.out_for_delivery.marketplace_seller",
            "refuse.at_door.out_for_delivery.marketplace_seller.unnamed",
        ],
    ],
];

/// `refuse.at_pickup_point.<counter, locker, or either>.<who refunds>`.
const AT_PICKUP_POINT: [[&str; 2]; 3] = [
    [
        "refuse.at_pickup_point.counter.retailer",
        "refuse.at_pickup_point.counter.marketplace_seller",
    ],
    [
        "refuse.at_pickup_point.locker.retailer",
        "refuse.at_pickup_point.locker.marketplace_seller",
    ],
    [
        "refuse.at_pickup_point.any.retailer",
        "refuse.at_pickup_point.any.marketplace_seller",
    ],
];

impl RefuseDecision {
    /// Why: the sentence's key and values.
    pub fn reason(&self) -> Reason<'_> {
        use RefuseCode::*;
        let status = usize::from(self.out_for_delivery);
        let refunder = usize::from(self.seller_refunds);
        let carrier = self.carrier.as_deref();
        match self.code {
            AtDoor => naming_carrier(carrier, AT_DOOR[status][refunder]),
            AtPickupPoint => {
                let kind = match self.pickup_kind {
                    Some(PickupKind::Counter) => 0,
                    Some(PickupKind::Locker) => 1,
                    None => 2,
                };
                Reason::new(AT_PICKUP_POINT[kind][refunder])
            }
            PickupTimeOver => match self.pickup_until {
                Some(until) => {
                    Reason::new("refuse.pickup_time_over").with("until", Value::Instant(until))
                }
                // The rule only says so with a `pickup_until`.
                None => Reason::new("refuse.returning_to_sender"),
            },
            AtNextAttempt => Reason::new(
                [
                    "refuse.at_next_attempt.retailer",
                    "refuse.at_next_attempt.marketplace_seller",
                ][refunder],
            ),
            DeliveryProblem => Reason::new("refuse.delivery_problem"),
            StatusUnknown => Reason::new("refuse.status_unknown"),
            ReturningToSender => Reason::new("refuse.returning_to_sender"),
            AtDoorLiveMap => {
                // The band is the rule's (`rules/refuse.rs`); only the sentence is chosen here.
                let band = self.live_map.unwrap_or(LiveMapBand::StopsUnknown);
                let key = LIVE_MAP[status][band as usize][refunder];
                match (band, self.stops_away) {
                    (LiveMapBand::OnTheMap | LiveMapBand::BeyondTheMap, Some(n)) => {
                        Reason::new(key).with("stops", Value::Number(n)).counting(n)
                    }
                    _ => Reason::new(key),
                }
            }
            UspsUnopened if self.opened == Some(false) => Reason::new("refuse.usps_unopened"),
            UspsUnopened => Reason::new("refuse.usps_unopened.if_still_unopened"),
            NotShippedYet => Reason::new("refuse.not_shipped_yet"),
            DeliveredByOtherCarrier => naming_carrier(
                carrier,
                [
                    "refuse.delivered_by_other_carrier",
                    "refuse.delivered_by_other_carrier.unnamed",
                ],
            ),
            Opened => Reason::new("refuse.opened"),
            // The sentence says "… {service} mail": `certified_mail` is named "certified".
            MustRefuseAtDelivery => Reason::new("refuse.must_refuse_at_delivery").with(
                "service",
                Value::Id(without_mail(self.service.as_deref().unwrap_or(""))),
            ),
            AlreadyRefused => Reason::new("refuse.already_refused"),
            ReturnedToSender => Reason::new("refuse.returned_to_sender"),
            ShipmentCancelled => Reason::new("refuse.shipment_cancelled"),
        }
    }

    /// The reason in English (what the `message` field of the JSON says).
    pub fn message(&self) -> String {
        self.reason().english().to_string()
    }
}

impl ReturnDecision {
    /// Why: the sentence's key and values.
    pub fn reason(&self) -> Reason<'_> {
        use ReturnCode::*;
        let (returnable, of) = (self.quantity, self.item_quantity);
        let partial = returnable != of;
        // The quantity sentences: "it" / "all 3" by the item's quantity, "1 of 3" by what is left.
        let counted = |reason: Reason<'static>| {
            let reason = reason.with("quantity", Value::Number(of));
            if partial {
                reason
                    .with("returnable", Value::Number(returnable))
                    .counting(returnable)
            } else {
                reason.counting(of)
            }
        };
        let deadline = |reason: Reason<'static>| match self.deadline {
            Some(d) => reason.with("deadline", Value::Instant(d)),
            None => reason,
        };
        match self.code {
            WithinWindow => deadline(counted(Reason::new(
                match (partial, self.holiday_extended) {
                    (false, false) => "return.within_window",
                    (true, false) => "return.within_window.partial",
                    (false, true) => "return.within_window.holiday",
                    (true, true) => "return.within_window.partial.holiday",
                },
            ))),
            WindowClosed => deadline(Reason::new(if self.holiday_extended {
                "return.window_closed.holiday"
            } else {
                "return.window_closed"
            })),
            NotDeliveredYet => deadline(counted(Reason::new(
                match (self.deadline.is_some(), partial) {
                    (true, false) => "return.not_delivered_yet",
                    (true, true) => "return.not_delivered_yet.partial",
                    (false, false) => "return.not_delivered_yet.no_estimate",
                    (false, true) => "return.not_delivered_yet.no_estimate.partial",
                },
            ))),
            DeliveryTimeUnknown => Reason::new("return.delivery_time_unknown"),
            FinalSale => Reason::new("return.final_sale"),
            NonReturnableCategory => Reason::new("return.non_returnable_category").with(
                "category",
                match &self.category {
                    Some(named) => Value::Named(named),
                    None => Value::Id(""),
                },
            ),
            AlreadyReturned => Reason::new("return.already_returned")
                .with("quantity", Value::Number(of))
                .counting(of),
            ReturnAlreadyRequested => Reason::new("return.return_already_requested"),
            Withdrawn => match self.withdrawn_at {
                Some(at) => Reason::new("return.withdrawn").with("on", Value::Instant(at)),
                None => Reason::new("return.withdrawn"),
            },
            Cancelled => Reason::new("return.cancelled"),
            Refused => Reason::new("return.refused"),
            ReturnedToSender => Reason::new("return.returned_to_sender"),
            AwaitingCollection => counted(Reason::new(if partial {
                "return.awaiting_collection.partial"
            } else {
                "return.awaiting_collection"
            })),
            DeliveryProblem => Reason::new("return.delivery_problem"),
            StatusUnknown => Reason::new("return.status_unknown"),
            ReturningToSender => Reason::new("return.returning_to_sender"),
        }
    }

    /// The reason in English (what the `message` field of the JSON says).
    pub fn message(&self) -> String {
        self.reason().english().to_string()
    }
}

impl WithdrawalDecision {
    /// Why: the sentence's key and values (`days` chooses the plural form).
    pub fn reason(&self) -> Reason<'_> {
        use WithdrawalCode::*;
        let days = |reason: Reason<'static>| {
            reason
                .with("days", Value::Number(self.days))
                .counting(self.days)
        };
        let deadline = |reason: Reason<'static>| match self.deadline {
            Some(d) => reason.with("deadline", Value::Instant(d)),
            None => reason,
        };
        match self.code {
            NotOffered => Reason::new("withdrawal.not_offered"),
            NoItemCovered => Reason::new("withdrawal.no_item_covered"),
            PeriodNotStarted => days(Reason::new("withdrawal.period_not_started")),
            DeliveryTimeUnknown => days(Reason::new("withdrawal.delivery_time_unknown")),
            WithinPeriod if self.moved_from.is_some() => {
                deadline(days(Reason::new("withdrawal.within_period.moved")))
            }
            WithinPeriod => deadline(Reason::new("withdrawal.within_period")),
            PeriodOver => deadline(Reason::new("withdrawal.period_over")),
            AllWithdrawn => Reason::new("withdrawal.all_withdrawn"),
            NotOfferedInCountry => Reason::new("withdrawal.not_offered_in_country"),
        }
    }

    /// The reason in English (what the `message` field of the JSON says).
    pub fn message(&self) -> String {
        self.reason().english().to_string()
    }
}

impl DeductionCode {
    /// The key of the deduction's label (`{amount}`: the amount, formatted as money).
    pub fn key(self) -> &'static str {
        match self {
            DeductionCode::OpenedItemFee => "deduction.opened_item_fee",
            DeductionCode::DeliveryCost => "deduction.delivery_cost",
        }
    }
}

/// The English message of a reason, serialized without building it first.
struct Message<'r, 'a>(&'r Reason<'a>);

impl Serialize for Message<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Streamed into the output (escaped as it goes): no sentence is built on its own.
        serializer.collect_str(&self.0.english())
    }
}

/// `impl Serialize` for a decision: `verdict`, `code` and `message` (its reason in English,
/// streamed), then its own fields, each `"name": value` with the decision bound to `$d`.
macro_rules! decision_json {
    ($type:ident as $d:ident { $($name:literal: $value:expr),* $(,)? }) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let $d = self;
                let len = 3 + [$($name),*].len();
                let mut s = serializer.serialize_struct(stringify!($type), len)?;
                s.serialize_field("verdict", &$d.verdict)?;
                s.serialize_field("code", &$d.code)?;
                s.serialize_field("message", &Message(&$d.reason()))?;
                $(s.serialize_field($name, $value)?;)*
                s.end()
            }
        }
    };
}

decision_json!(CancelDecision as d {
    "bundle": &d.bundle, "bundle_items": &d.bundle_items, "grace_ends_at": &d.grace_ends_at });
// `live_map`: whether tracking shows one (the band stays out of the JSON).
decision_json!(RefuseDecision as d {
    "stops_away": &d.stops_away, "live_map": &d.live_map.is_some() });
decision_json!(ReturnDecision as d {
    "deadline": &d.deadline, "quantity": &d.quantity, "holiday_extended": &d.holiday_extended });
decision_json!(WithdrawalDecision as d {
    "deadline": &d.deadline, "items": &d.items, "days": &d.days,
    "starts_on": &d.starts_on, "moved_from": &d.moved_from });

/// An enum's `snake_case` name, as serialized (a verdict or a code named in a sentence).
pub(crate) fn snake_name(value: &impl Serialize) -> String {
    crate::json::to_text(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}
