//! An order of the contract from a WooCommerce REST v3 `order`, with the Shipment Tracking
//! extension's `_wc_shipment_tracking_items` (in `meta_data`) where present.
//!
//! - `id` (a number) → `id` (its decimal text); `date_created_gmt` (UTC without a zone; written
//!   back with `Z`) → `placed_at`, else `date_created` (the site's local time, no zone) in
//!   [`Options::assume_zone`] with a note; `currency` → `currency`.
//! - `line_items[]` → `items[]`: `id`, `name` (HTML character references decoded), `quantity`,
//!   the unit price `total` ÷ `quantity` (rounded down with a note when it does not divide),
//!   else `price` when exact.
//! - A `completed` order without tracking collected in store (`local_pickup`) or with no
//!   shipping line is `delivered` at `date_completed_gmt` ([`handed_over`]).
//! - `status` (the order's, WooCommerce has no parcel state) by [`status_state`]; tracking items
//!   → `shipments[]` (`tracking_number`, `custom_tracking_provider` else `tracking_provider` →
//!   `carrier`, an `https:` `custom_tracking_link` → `tracking_url`, `date_shipped` →
//!   `shipped_at`).
//! - `shipping_total` → `shipping_cost`; `payment_method` (the gateway id) → `payment_method`;
//!   `billing.email`, the billing (else shipping) name, and the shipping (else billing)
//!   `country` → `customer`.
//!
//! The table and its sources are in docs/import.md, "WooCommerce".

use super::amount::{
    self, field, filled, join, list, minor_units, note, obj, required_id, s, tracking_link, wrong,
};
use super::{Note, Options};
use crate::json::Json;
use crate::time::Instant;
use crate::InputError;

/// What the order's `status` says of its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fate {
    /// Not shipped yet: no shipment (the contract's "not yet assigned", like `pending`).
    NotShipped,
    /// Shipped (WooCommerce says no more): a shipment `unknown`, the status kept in
    /// `carrier_status`.
    Shipped,
    /// Will not ship under this order: a shipment `cancelled`.
    Ended,
    /// A status the converter does not know: a shipment `unknown` with the value kept.
    Unknown,
}

/// The order's `status` (WooCommerce's order statuses) → what it says of its items.
pub(super) fn status_state(status: &str) -> Fate {
    match status {
        "pending" | "on-hold" | "processing" | "checkout-draft" => Fate::NotShipped,
        "completed" => Fate::Shipped,
        "cancelled" | "refunded" | "failed" | "trash" => Fate::Ended,
        _ => Fate::Unknown,
    }
}

/// Payment gateway ids (`payment_method`) → the contract's payment method. Others take
/// [`Options::payment_method`] or `other`, with a note.
fn gateway_method(gateway: &str) -> Option<&'static str> {
    Some(match gateway {
        "stripe"
        | "stripe_cc"
        | "woocommerce_payments"
        | "square_credit_card"
        | "braintree_credit_card"
        | "authorize_net_cim_credit_card"
        | "ppcp-credit-card-gateway" => "credit_card",
        "bacs"
        | "stripe_sepa"
        | "stripe_ideal"
        | "stripe_sofort"
        | "stripe_bancontact"
        | "mollie_wc_gateway_ideal"
        | "mollie_wc_gateway_banktransfer" => "bank_account",
        "gift_card" | "pw_gift_card" => "gift_card",
        "cheque" | "cod" | "paypal" | "ppcp-gateway" | "ppec_paypal" => "other",
        _ => return None,
    })
}

/// An order of the contract from a WooCommerce REST v3 `order`; what it assumed goes into `notes`.
pub(super) fn order(
    input: &Json<'_>,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    amount::not_a_tracker(input, "WooCommerce")?;
    if matches!(input, Json::Array(_)) {
        return Err(wrong(
            "",
            "one WooCommerce order (an object), not a list of them",
            Some(input),
        ));
    }
    let (o, base) = match field(input, "order") {
        Some(inner) if field(input, "id").is_none() => (inner, "order"),
        _ => (input, ""),
    };
    let o = amount::object(o, base, "a WooCommerce order (an object)")?;
    if field(o, "fulfillments").is_some() || field(o, "financial_status").is_some() {
        return Err(InputError::new(
            base,
            "expected a WooCommerce order, found a Shopify order (it has fulfillments or financial_status): use --from shopify",
        ));
    }
    let at = |name: &str| join(base, name);

    let id = required_id(o, base, "id")?;
    let (placed_text, placed_at) = placed_at(o, base, options, notes)?;
    let currency = amount::currency(o, base)?;
    let status = filled(o, base, "status")?.ok_or_else(|| {
        wrong(
            &at("status"),
            "the order's status, e.g. \"processing\"",
            field(o, "status"),
        )
    })?;

    let head = (id, placed_text, currency);
    let mut out = amount::order_head(head, (options, shop_host(o, base)?, "WooCommerce"), notes)?;
    if let Some(gateway) = filled(o, base, "payment_method")? {
        let method = match gateway_method(gateway) {
            Some(m) => m,
            None => amount::unknown_gateway(options, gateway, &at("payment_method"), notes)?,
        };
        out.push(("payment_method", s(method)));
    }
    if let Some(total) = field(o, "shipping_total") {
        out.push((
            "shipping_cost",
            Json::UInt(minor_units(total, currency, &at("shipping_total"))?),
        ));
    }

    let fate = status_state(status);
    let mut shipments = match fate {
        Fate::Ended => {
            note(
                notes,
                at("status"),
                format!("the order is {status:?}: its items are in the shipment {status:?} (status cancelled)"),
            );
            vec![obj(vec![
                ("id", s(status)),
                ("status", s("cancelled")),
                ("carrier_status", s(status)),
            ])]
        }
        _ => tracking(o, base, fate, status, placed_at, notes)?,
    };
    let handed = match (fate, shipments.is_empty()) {
        (Fate::Shipped, true) => handed_over(o, base, placed_at, options, notes)?,
        _ => None,
    };
    if let Some(at) = handed {
        shipments.push(obj(vec![
            ("id", s(status)),
            ("status", s("delivered")),
            ("carrier_status", s(status)),
            ("shipped_at", s(at.clone())),
            ("delivered_at", s(at)),
        ]));
    } else if shipments.is_empty() && fate != Fate::NotShipped {
        if fate == Fate::Unknown {
            note(
                notes,
                at("status"),
                format!("{status:?} is not an order status the converter knows: the items are in a shipment unknown, the value kept in carrier_status"),
            );
        } else {
            note(
                notes,
                at("status"),
                format!("the order is {status:?} (shipped) but WooCommerce has no parcel state: the items are in a shipment unknown, and the return window and the withdrawal period do not start until a tracker says it was delivered; give its state from your tracker (order-help import --from easypost|aftership)"),
            );
        }
        shipments.push(obj(vec![
            ("id", s(status)),
            ("status", s("unknown")),
            ("carrier_status", s(status)),
        ]));
    }
    let first_shipment = shipments.first().and_then(|sh| match field(sh, "id") {
        Some(Json::Str(id)) => Some(id.to_string()),
        _ => None,
    });
    if fate == Fate::NotShipped && !shipments.is_empty() {
        note(
            notes,
            at("status"),
            format!("the order is {status:?} but has tracking: its items are in the first tracked shipment"),
        );
    }
    out.push((
        "items",
        Json::Array(line_items(
            o,
            base,
            currency,
            first_shipment.as_deref(),
            notes,
        )?),
    ));
    out.push(("shipments", Json::Array(shipments)));
    if let Some(customer) = customer(o, base, notes)? {
        out.push(("customer", customer));
    }
    Ok(obj(out))
}

/// When a `completed` order without tracking was in the customer's hands, if it was handed
/// over rather than shipped: every shipping line is a local pickup (`method_id`
/// `local_pickup`, or `pickup_location` of the block checkout's local pickup), or there is no
/// shipping line at all (virtual or downloadable items, a counter sale). The time is
/// `date_completed_gmt` (UTC), else `date_completed` in the assumed zone; each with a note.
/// `None`: shipped (or no completion time), which stays `unknown`.
fn handed_over(
    o: &Json<'_>,
    base: &str,
    placed_at: Instant,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Option<String>, InputError> {
    let lines = list(o, base, "shipping_lines")?;
    let mut why =
        "the order has no shipping line (virtual or downloadable items, or a sale at a counter)"
            .to_owned();
    for (i, line) in lines.iter().enumerate() {
        let path = format!("{}[{i}]", join(base, "shipping_lines"));
        match filled(line, &path, "method_id")? {
            Some("local_pickup" | "pickup_location") => {
                why = format!(
                    "{}[…].method_id is a local pickup",
                    join(base, "shipping_lines")
                );
            }
            _ => return Ok(None),
        }
    }
    let (path, at) = match filled(o, base, "date_completed_gmt")? {
        Some(gmt) => {
            let path = join(base, "date_completed_gmt");
            (path.clone(), amount::utc_time(gmt, &path)?)
        }
        None => match filled(o, base, "date_completed")? {
            Some(local) => {
                let path = join(base, "date_completed");
                let zone = amount::assumed_zone(options)?;
                let at = match Instant::parse_rfc3339(local) {
                    Ok(at) => (local.to_owned(), at),
                    Err(_) => amount::local_time(local, &zone, &path)?,
                };
                note(notes, &path, format!("delivered_at: the order has no date_completed_gmt; date_completed is read in {}", zone.name()));
                (path, at)
            }
            None => {
                note(notes, join(base, "date_completed_gmt"), format!("{why}, but the order gives no completion time (date_completed_gmt): the shipment stays unknown"));
                return Ok(None);
            }
        },
    };
    if at.1 < placed_at {
        note(
            notes,
            &path,
            "the completion time is before the order was placed: the shipment stays unknown",
        );
        return Ok(None);
    }
    note(
        notes,
        &path,
        format!("the order is \"completed\" and {why}: it was handed over, not shipped; it counts as delivered when it was completed (shipped_at and delivered_at are {path}), so the return window and the withdrawal period start then"),
    );
    Ok(Some(at.0))
}

/// `date_created_gmt` (UTC), else `date_created` in the assumed zone with a note.
fn placed_at(
    o: &Json<'_>,
    base: &str,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<(String, Instant), InputError> {
    if let Some(gmt) = filled(o, base, "date_created_gmt")? {
        return amount::utc_time(gmt, &join(base, "date_created_gmt"));
    }
    let path = join(base, "date_created");
    let local = filled(o, base, "date_created")?.ok_or_else(|| {
        wrong(
            &join(base, "date_created_gmt"),
            "the time the order was placed (date_created_gmt, or date_created)",
            None,
        )
    })?;
    if let Ok(at) = Instant::parse_rfc3339(local) {
        return Ok((local.to_owned(), at));
    }
    let zone = amount::assumed_zone(options)?;
    let placed = amount::local_time(local, &zone, &path)?;
    note(
        notes,
        path,
        format!(
            "placed_at: the order has no date_created_gmt; date_created has no zone and is read in {} ({})",
            zone.name(),
            if options.assume_zone.is_some() {
                "option assume_zone"
            } else {
                "the default; option assume_zone sets the site's zone"
            }
        ),
    );
    Ok(placed)
}

/// The shop's host, from `_links.self[0].href` (an `https:` address).
fn shop_host(o: &Json<'_>, base: &str) -> Result<Option<(String, String)>, InputError> {
    let Some(links) = field(o, "_links") else {
        return Ok(None);
    };
    let path = join(base, "_links.self");
    let own = list(links, &join(base, "_links"), "self")?;
    let Some(first) = own.first() else {
        return Ok(None);
    };
    let path = format!("{path}[0]");
    Ok(amount::text(first, &path, "href")?
        .and_then(amount::https_host)
        .map(|h| (join(&path, "href"), h.to_owned())))
}

/// The Shipment Tracking extension's items: `meta_data[]` with the key
/// `_wc_shipment_tracking_items`.
fn tracking(
    o: &Json<'_>,
    base: &str,
    fate: Fate,
    status: &str,
    placed_at: Instant,
    notes: &mut Vec<Note>,
) -> Result<Vec<Json<'static>>, InputError> {
    let meta_path = join(base, "meta_data");
    let mut found: Option<(String, &[Json<'_>])> = None;
    for (i, entry) in list(o, base, "meta_data")?.iter().enumerate() {
        let path = format!("{meta_path}[{i}]");
        if amount::text(entry, &path, "key")? == Some("_wc_shipment_tracking_items") {
            let value_path = join(&path, "value");
            match field(entry, "value") {
                Some(Json::Array(items)) => found = Some((value_path, items)),
                None => {}
                Some(other) => {
                    return Err(wrong(
                        &value_path,
                        "the tracking items (a list)",
                        Some(other),
                    ))
                }
            }
        }
    }
    let Some((path, items)) = found else {
        return Ok(Vec::new());
    };
    let (state, carrier_status) = match fate {
        Fate::Unknown => {
            note(
                notes,
                join(base, "status"),
                format!("{status:?} is not an order status the converter knows: the tracked shipments are unknown, the value kept in carrier_status"),
            );
            ("unknown", status)
        }
        _ => {
            note(
                notes,
                &path,
                "WooCommerce and its Shipment Tracking extension have no parcel state: each tracked shipment is unknown; give its state from your tracker (order-help import --from easypost|aftership)",
            );
            ("unknown", status)
        }
    };
    if items.len() > 1 {
        note(
            notes,
            &path,
            "the Shipment Tracking extension does not say which items each parcel holds: every item is in the first; the others are listed without items",
        );
    }
    let mut shipments = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let ipath = format!("{path}[{k}]");
        let item = amount::object(item, &ipath, "a tracking item (an object)")?;
        let given = match field(item, "tracking_id") {
            Some(Json::Str(blank)) if blank.trim().is_empty() => None,
            _ => amount::id(item, &ipath, "tracking_id")?,
        };
        let mut id = given.unwrap_or_else(|| format!("tracking-{}", k + 1));
        if ids.contains(&id) {
            id = format!("{id}-{}", k + 1);
        }
        ids.push(id.clone());
        let mut fields = vec![
            ("id", s(id)),
            ("status", s(state)),
            ("carrier_status", s(carrier_status)),
        ];
        let carrier = match filled(item, &ipath, "custom_tracking_provider")? {
            Some(c) => Some(c),
            None => filled(item, &ipath, "tracking_provider")?,
        };
        if let Some(c) = carrier {
            fields.push(("carrier", s(c)));
        }
        if let Some(n) = filled(item, &ipath, "tracking_number")? {
            fields.push(("tracking_number", s(n)));
        }
        if let Some(url) = amount::text(item, &ipath, "custom_tracking_link")? {
            if let Some(url) = tracking_link(url, &join(&ipath, "custom_tracking_link"), notes) {
                fields.push(("tracking_url", s(url)));
            }
        }
        let shipped_path = join(&ipath, "date_shipped");
        let seconds = match field(item, "date_shipped") {
            None => None,
            Some(Json::UInt(n)) => i64::try_from(*n).ok(),
            Some(Json::Str(t)) if t.trim().is_empty() => None,
            Some(Json::Str(t)) => Some(t.trim().parse::<i64>().map_err(|_| {
                wrong(
                    &shipped_path,
                    "a Unix time in seconds, e.g. \"1490140800\"",
                    field(item, "date_shipped"),
                )
            })?),
            Some(other) => return Err(wrong(&shipped_path, "a Unix time in seconds", Some(other))),
        };
        if let Some(seconds) = seconds {
            let at = Instant::from_unix_seconds(seconds);
            if at >= placed_at {
                fields.push(("shipped_at", s(at.to_string())));
            } else {
                note(
                    notes,
                    &shipped_path,
                    "the shipping date (a day, which the extension stores as its midnight) is before the order was placed: shipped_at left out",
                );
            }
        }
        shipments.push(obj(fields));
    }
    Ok(shipments)
}

fn line_items(
    o: &Json<'_>,
    base: &str,
    currency: &str,
    shipment: Option<&str>,
    notes: &mut Vec<Note>,
) -> Result<Vec<Json<'static>>, InputError> {
    let (lines_path, lines) = amount::line_items(o, base)?;
    let mut items = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let path = format!("{lines_path}[{i}]");
        let line = amount::object(line, &path, "a line item (an object)")?;
        let id = required_id(line, &path, "id")?;
        let title = filled(line, &path, "name")?
            .ok_or_else(|| wrong(&join(&path, "name"), "the line's name", field(line, "name")))?;
        let title = amount::decode_entities(title);
        let quantity = amount::count(line, &path, "quantity")?
            .filter(|q| *q > 0)
            .ok_or_else(|| {
                wrong(
                    &join(&path, "quantity"),
                    "a whole number of units, at least 1",
                    field(line, "quantity"),
                )
            })?;
        let unit_price = unit_price((line, &path), currency, quantity, notes)?;
        let unit_price = amount::line_total_fits(unit_price, quantity, &join(&path, "price"))?;
        let mut fields = vec![
            ("id", s(id)),
            ("title", s(title)),
            ("quantity", Json::UInt(u64::from(quantity))),
            ("unit_price", Json::UInt(unit_price)),
        ];
        if let Some(sh) = shipment {
            fields.push(("shipment", s(sh)));
        }
        items.push(obj(fields));
    }
    Ok(items)
}

/// The unit price after discounts: `total` (the line's total after discounts, before tax, a
/// decimal string) ÷ `quantity`, rounded down to whole minor units with a note when it does not
/// divide (WooCommerce's `price` is that quotient as a float, `9.666666666666666`, never read
/// when `total` is there); without `total`, `price` when exact in minor units.
fn unit_price(
    line: (&Json<'_>, &str),
    currency: &str,
    quantity: u32,
    notes: &mut Vec<Note>,
) -> Result<u64, InputError> {
    let (line, path) = line;
    if let Some(total) = field(line, "total") {
        let at = join(path, "total");
        let total = minor_units(total, currency, &at)?;
        return Ok(amount::per_unit(
            total,
            quantity,
            (&at, "the line's total after discounts"),
            notes,
        ));
    }
    match field(line, "price") {
        Some(price) => minor_units(price, currency, &join(path, "price")),
        None => Err(wrong(
            &join(path, "total"),
            "the line's total after discounts (total), or its unit price (price)",
            None,
        )),
    }
}

/// The contract's `customer`: `billing.email`, the billing (else shipping) name, and the
/// shipping (else billing) country.
fn customer(
    o: &Json<'_>,
    base: &str,
    notes: &mut Vec<Note>,
) -> Result<Option<Json<'static>>, InputError> {
    let (billing, shipping) = (field(o, "billing"), field(o, "shipping"));
    let (bpath, spath) = (join(base, "billing"), join(base, "shipping"));
    let email = match billing {
        Some(b) => filled(b, &bpath, "email")?,
        None => None,
    };
    let mut name = None;
    for (address, path) in [(billing, &bpath), (shipping, &spath)] {
        if let (None, Some(a)) = (&name, address) {
            name = amount::full_name(a, path)?;
        }
    }
    let email_path = join(&bpath, "email");
    let addresses = [(spath, shipping), (bpath, billing)];
    amount::customer((email_path, email), name, addresses, "country", notes)
}
