//! Converters from the platforms shops already use to the widget's contract (feature
//! `import`, which the widget never enables): orders from **Shopify** (Admin REST `order`) and
//! **WooCommerce** (REST v3 `order`), one shipment from **EasyPost** (`Tracker`) and
//! **AfterShip** (`tracking`).
//!
//! Pure, like the rules: a JSON tree in, a JSON tree of the contract out, no clock and no I/O,
//! so the command-line tool (`order-help import`), the Node package and any future host share
//! them. What a source does not say (`seller.kind`, `fulfilled_by`, a payment method for an
//! unknown gateway, the zone of a local time) comes from [`Options`], whose defaults are
//! documented there; each default used, each value kept as `unknown`, each `http:` link dropped
//! and each zone assumed is a [`Note`] in the result, never a silent guess. Every produced
//! document is read back by the engine's own reader before it is returned, so what [`import`]
//! accepts, `assess` accepts. The tables (source value → contract value, with the platform's
//! reference) are in `docs/import.md`.

mod aftership;
mod amount;
mod easypost;
mod shopify;
mod tracking;
mod woocommerce;

use std::borrow::Cow;

use crate::json::Json;
use crate::InputError;

/// A source format [`import`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Shopify Admin REST API `order` (the object, or `{"order": {...}}`), with its
    /// `fulfillments`; gives an order.
    Shopify,
    /// WooCommerce REST API v3 `order` (with the Shipment Tracking extension's
    /// `_wc_shipment_tracking_items` metadata where present); gives an order.
    WooCommerce,
    /// EasyPost `Tracker` object (or a `tracker.updated` webhook `Event` holding one); gives one
    /// shipment.
    EasyPost,
    /// AfterShip `tracking` object (the object, `{"data": {"tracking": {...}}}`, or a webhook
    /// body's `msg`); gives one shipment.
    AfterShip,
}

/// What a [`Source`] gives: a whole order of the contract, or one of its `shipments[]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Produces {
    Order,
    Shipment,
}

impl Source {
    /// Every source, in the order the docs list them.
    pub const ALL: [Source; 4] = [
        Source::Shopify,
        Source::WooCommerce,
        Source::EasyPost,
        Source::AfterShip,
    ];

    /// The source's name on the command line and in the Node package (`shopify`,
    /// `woocommerce`, `easypost`, `aftership`); `None` for anything else.
    pub fn parse(name: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The source's name, as [`Source::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Source::Shopify => "shopify",
            Source::WooCommerce => "woocommerce",
            Source::EasyPost => "easypost",
            Source::AfterShip => "aftership",
        }
    }

    /// Whether the source gives an order or a shipment.
    pub fn produces(self) -> Produces {
        match self {
            Source::Shopify | Source::WooCommerce => Produces::Order,
            Source::EasyPost | Source::AfterShip => Produces::Shipment,
        }
    }
}

/// What a source does not say, given by the shop (command-line options, function arguments).
/// `None` takes the documented default, and the result carries a [`Note`] saying so.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `seller.kind` of the contract (`retailer` | `marketplace`); default `retailer`.
    pub seller_kind: Option<String>,
    /// `seller.fulfilled_by` (`retailer` | `seller`); default `retailer`.
    pub fulfilled_by: Option<String>,
    /// `seller.name`; default: the shop's host where the source gives one (Shopify
    /// `order_status_url`, WooCommerce `_links.self`), else an error at `options.seller_name`.
    pub seller_name: Option<String>,
    /// The contract's payment method when the source's gateway is not one the converter knows
    /// (one of the contract's `payment_method` values; default `other`, with a note naming the
    /// gateway).
    pub payment_method: Option<String>,
    /// The zone of a source's local times without an offset (an IANA name such as
    /// `Europe/Amsterdam`, or `UTC`); used only where the source has no UTC field beside it, and
    /// each use is a note. Default `UTC`.
    pub assume_zone: Option<String>,
    /// The shipment's `id` in the contract (trackers only); default: the tracking number.
    pub shipment_id: Option<String>,
}

/// Something the converter decided that the source did not say: a default taken, a status
/// kept as `unknown`, a link dropped, a zone assumed. `path` is the source document's path, or
/// for a default the source has no field for, the option's (`options.seller_kind`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub path: String,
    pub message: String,
}

/// A converted document: the order or shipment of the contract, and the notes.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The order (or one shipment) in the widget's contract, as a JSON tree.
    pub document: Json<'static>,
    pub notes: Vec<Note>,
}

/// Converts a source's document to the contract.
///
/// # Errors
/// An [`InputError`] naming the source document's path, what was expected and what was found:
/// a field the contract needs that the source lacks or gives in another type, a tracker given
/// where an order is expected (and the reverse, where it can be told), an amount not exact in
/// the currency's minor units.
pub fn import(source: Source, input: &Json<'_>, options: &Options) -> Result<Imported, InputError> {
    let mut notes = Vec::new();
    let document = match source {
        Source::Shopify => shopify::order(input, options, &mut notes)?,
        Source::WooCommerce => woocommerce::order(input, options, &mut notes)?,
        Source::EasyPost => easypost::shipment(input, options, &mut notes)?,
        Source::AfterShip => aftership::shipment(input, options, &mut notes)?,
    };
    // What import accepts, assess accepts: the engine's own reader has the last word.
    let checked = match source.produces() {
        Produces::Order => crate::order_from_tree(&document).map(drop),
        Produces::Shipment => crate::order_from_tree(&in_an_order(&document)).map(drop),
    };
    checked.map_err(|e| {
        InputError::new(
            "",
            format!(
                "the {} document converts to a {} the contract refuses: {e}",
                source.name(),
                match source.produces() {
                    Produces::Order => "order",
                    Produces::Shipment => "shipment",
                }
            ),
        )
    })?;
    Ok(Imported { document, notes })
}

/// A shipment alone inside the smallest order that holds it (one item in it), so the order
/// reader checks the shipment exactly as it checks one in a real order.
fn in_an_order(shipment: &Json<'static>) -> Json<'static> {
    let id = match shipment {
        Json::Object(entries) => entries
            .iter()
            .find(|(k, _)| k == "id")
            .map(|(_, v)| v.clone())
            .unwrap_or(Json::Null),
        _ => Json::Null,
    };
    let s = |t: &'static str| Json::Str(Cow::Borrowed(t));
    let entry = |k: &'static str, v: Json<'static>| (Cow::Borrowed(k), v);
    Json::Object(vec![
        entry("id", s("shipment-check")),
        entry("placed_at", s("2000-01-01T00:00:00Z")),
        entry("currency", s("EUR")),
        entry(
            "seller",
            Json::Object(vec![
                entry("name", s("Check")),
                entry("kind", s("retailer")),
                entry("fulfilled_by", s("retailer")),
            ]),
        ),
        entry(
            "items",
            Json::Array(vec![Json::Object(vec![
                entry("id", s("A")),
                entry("title", s("Item")),
                entry("quantity", Json::UInt(1)),
                entry("unit_price", Json::UInt(100)),
                entry("shipment", id),
            ])]),
        ),
        entry("shipments", Json::Array(vec![shipment.clone()])),
    ])
}
