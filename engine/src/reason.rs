//! Each decision's reason as data: the catalogue key of its sentence and the values the
//! sentence names. The rules set codes and values only; sentences come from a catalogue
//! ([`crate::text`]), in English for the command-line tool and `assess` (rendered only when the
//! output is written), in the customer's language in the widget.
//!
//! Adding a code: add the variant, its key in the `match` below (the match is exhaustive, so
//! the build fails until it has one), and its sentence to every `locales/*.json` (the tests
//! fail, naming the key and the language, until each has it).

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::assessment::{
    CancelCode, CancelDecision, DeductionCode, RefuseCode, RefuseDecision, ReturnCode,
    ReturnDecision, WithdrawalCode, WithdrawalDecision,
};
use super::order::Carrier;
use super::rules::refuse::LIVE_MAP_STOPS;
use super::text::{english_plural, english_titles, Catalogue, Entry};
use super::time::{LocalDateTime, ZonedInstant};

/// A value a reason's sentence names; the renderer formats it for its reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// An instant (a grace period's end, a return deadline), with the store zone's offset.
    Instant(ZonedInstant),
    /// A whole number (stops away, quantities).
    Number(u32),
    /// A string of the order (a seller's name, a category, a USPS service), as written there:
    /// show it as text, isolated (it may be right-to-left).
    Text(&'a str),
    /// Titles of items of the order (the bundle-mates that set a verdict), to be listed.
    Titles(&'a [String]),
    Carrier(Carrier),
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
    fn new(key: &'static str) -> Reason<'a> {
        Reason {
            key,
            values: [None; 3],
            count: None,
        }
    }

    fn with(mut self, name: &'static str, value: Value<'a>) -> Reason<'a> {
        if let Some(slot) = self.values.iter_mut().find(|v| v.is_none()) {
            *slot = Some((name, value));
        }
        self
    }

    fn counting(mut self, n: u32) -> Reason<'a> {
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
    /// (`31 March 2025 at 23:59:59 (store time)`), titles quoted and listed. Written only when
    /// it is displayed, straight into the output.
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
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            f.write_str(&rest[..open])?;
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                f.write_str(&rest[open..])?;
                return Ok(());
            };
            let name = &after[..close];
            match reason.value(name) {
                Some(value) => write_english(f, value, catalogue)?,
                None => write!(f, "{{{name}}}")?,
            }
            rest = &after[close + 1..];
        }
        f.write_str(rest)
    }
}

fn write_english(f: &mut fmt::Formatter<'_>, value: Value<'_>, en: &Catalogue) -> fmt::Result {
    match value {
        Value::Instant(zoned) => {
            let local = LocalDateTime::from_local_seconds(
                zoned
                    .instant
                    .unix_seconds()
                    .saturating_add(i64::from(zoned.offset_seconds)),
            );
            let (date, time) = (local.date, local.time);
            write!(
                f,
                "{} {} {} at {:02}:{:02}",
                date.day(),
                date.month_name(),
                date.year(),
                time.hour(),
                time.minute()
            )?;
            if time.second() != 0 {
                write!(f, ":{:02}", time.second())?;
            }
            f.write_str(" (store time)")
        }
        Value::Number(n) => write!(f, "{n}"),
        Value::Text(text) => f.write_str(text),
        // Each title in the catalogue's quotation marks (`quoted_title`).
        Value::Titles(titles) => f.write_str(&english_titles(titles, en)),
        Value::Carrier(carrier) => f.write_str(&carrier_name(carrier, en)),
    }
}

/// A carrier's name in a catalogue's language: the brand, or the catalogue's words for the
/// retailer's fleet (`carrier_retailer_fleet`) and an unnamed carrier (`carrier_other`).
pub fn carrier_name(carrier: Carrier, catalogue: &Catalogue) -> String {
    let key = match carrier {
        Carrier::RetailerFleet => "carrier_retailer_fleet",
        Carrier::Other => "carrier_other",
        brand => return brand.display_name().to_owned(),
    };
    match catalogue.get(key) {
        Some(Entry::Text(text)) => text.clone(),
        _ => carrier.display_name().to_owned(),
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
            BundleRequiresRequest => "cancel.bundle_requires_request",
            BundleNotCancellable => "cancel.bundle_not_cancellable",
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
            WithCarrier => reason.with(
                "carrier",
                Value::Carrier(self.carrier.unwrap_or(Carrier::Other)),
            ),
            BundleRequiresRequest | BundleNotCancellable => {
                reason.with("titles", Value::Titles(&self.bundle_mates))
            }
            _ => reason,
        }
    }

    /// The reason in English (what the `message` field of the JSON says).
    pub fn message(&self) -> String {
        self.reason().english().to_string()
    }
}

/// `refuse.at_door_live_map.<status>.<stops>.<who refunds>`: [in transit, out for delivery] ×
/// [next stop, within 10, beyond 10, unknown] × [retailer, marketplace seller].
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

/// `refuse.at_door.<status>.<who refunds>`.
const AT_DOOR: [[&str; 2]; 2] = [
    [
        "refuse.at_door.in_transit.retailer",
        "refuse.at_door.in_transit.marketplace_seller",
    ],
    [
        "refuse.at_door.out_for_delivery.retailer",
        "refuse.at_door.out_for_delivery.marketplace_seller",
    ],
];

impl RefuseDecision {
    /// Why: the sentence's key and values.
    pub fn reason(&self) -> Reason<'_> {
        use RefuseCode::*;
        let status = usize::from(self.out_for_delivery);
        let refunder = usize::from(self.seller_refunds);
        let carrier = Value::Carrier(self.carrier.unwrap_or(Carrier::Other));
        match self.code {
            AtDoor => Reason::new(AT_DOOR[status][refunder]).with("carrier", carrier),
            AtDoorLiveMap => {
                let (stops, reason) = match self.stops_away {
                    Some(0) => (0, None),
                    Some(n) if n <= LIVE_MAP_STOPS => (1, Some(n)),
                    Some(n) => (2, Some(n)),
                    None => (3, None),
                };
                let key = LIVE_MAP[status][stops][refunder];
                match reason {
                    Some(n) => Reason::new(key).with("stops", Value::Number(n)).counting(n),
                    None => Reason::new(key),
                }
            }
            UspsUnopened if self.opened == Some(false) => Reason::new("refuse.usps_unopened"),
            UspsUnopened => Reason::new("refuse.usps_unopened.if_still_unopened"),
            NotShippedYet => Reason::new("refuse.not_shipped_yet"),
            DeliveredByOtherCarrier => {
                Reason::new("refuse.delivered_by_other_carrier").with("carrier", carrier)
            }
            Opened => Reason::new("refuse.opened"),
            MustRefuseAtDelivery => Reason::new("refuse.must_refuse_at_delivery").with(
                "service",
                Value::Text(self.service.as_deref().unwrap_or("")),
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
                Value::Text(self.category.as_deref().unwrap_or("")),
            ),
            AlreadyReturned => Reason::new("return.already_returned")
                .with("quantity", Value::Number(of))
                .counting(of),
            ReturnAlreadyRequested => Reason::new("return.return_already_requested"),
            Cancelled => Reason::new("return.cancelled"),
            Refused => Reason::new("return.refused"),
            ReturnedToSender => Reason::new("return.returned_to_sender"),
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

impl Serialize for CancelDecision {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CancelDecision", 6)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &Message(&self.reason()))?;
        s.serialize_field("bundle", &self.bundle)?;
        s.serialize_field("bundle_items", &self.bundle_items)?;
        s.serialize_field("grace_ends_at", &self.grace_ends_at)?;
        s.end()
    }
}

impl Serialize for RefuseDecision {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("RefuseDecision", 5)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &Message(&self.reason()))?;
        s.serialize_field("stops_away", &self.stops_away)?;
        s.serialize_field("live_map", &self.live_map)?;
        s.end()
    }
}

impl Serialize for ReturnDecision {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ReturnDecision", 6)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &Message(&self.reason()))?;
        s.serialize_field("deadline", &self.deadline)?;
        s.serialize_field("quantity", &self.quantity)?;
        s.serialize_field("holiday_extended", &self.holiday_extended)?;
        s.end()
    }
}

impl Serialize for WithdrawalDecision {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("WithdrawalDecision", 8)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &Message(&self.reason()))?;
        s.serialize_field("deadline", &self.deadline)?;
        s.serialize_field("items", &self.items)?;
        s.serialize_field("days", &self.days)?;
        s.serialize_field("starts_on", &self.starts_on)?;
        s.serialize_field("moved_from", &self.moved_from)?;
        s.end()
    }
}
