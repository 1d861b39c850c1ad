//! An order of the contract from a Shopify Admin REST `order` (the object, or `{"order": …}`),
//! with its `fulfillments`.
//!
//! - `id` (a number) → `id` (its decimal text); `processed_at` (else `created_at`, both with
//!   an offset, kept as written) → `placed_at`; `currency` → `currency`.
//! - `line_items[]` → `items[]`: `id`, `name` (else `title`), `current_quantity` (else
//!   `quantity`), `price` → `unit_price` in minor units; `gift_card: true` → category
//!   `gift_cards`. Units refunded with `restock_type` `return` stay as `returned_quantity`; a
//!   line whose units all left otherwise (refunded, edited out) is kept, whole, in a
//!   `cancelled` shipment.
//! - `fulfillments[]` → `shipments[]` (`id`; `shipment_status` by [`shipment_state`];
//!   `tracking_company` → `carrier`; the first tracking number and URL; `created_at` →
//!   `shipped_at`); fulfillments `cancelled`, `error` or `failure` did not ship and are left
//!   out. Each fulfilled unit's item names its shipment; a line split over several
//!   fulfillments becomes one item per part (`{line id}/{shipment id}`); units in no
//!   fulfillment have no shipment (not yet shipped), or go to the `cancelled` shipment when
//!   the order is cancelled (`cancelled_at`).
//! - `shipping_lines[].discounted_price` (else `price`), summed exactly → `shipping_cost`;
//!   `payment_gateway_names` (else `gateway`) → `payment_method`; the shipping address's
//!   `country_code` (else the billing address's) → `customer.country`, with `email` and the
//!   address's `name`.
//!
//! The table and its sources are in docs/import.md, "Shopify".

use super::amount::{
    self, field, filled, join, list, minor_units, note, obj, required_id, s, tracking_link, wrong,
};
use super::{Note, Options};
use crate::json::Json;
use crate::time::Instant;
use crate::InputError;

/// A fulfillment's `shipment_status` (Shopify's `FulfillmentEventStatus`, lower case) → the
/// contract's state and, for a problem the value names, its `exception_kind`. `None`: a value
/// this table does not know (it becomes `unknown`, the value kept in `carrier_status`).
pub(super) fn shipment_state(value: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match value {
        "confirmed" | "label_purchased" | "label_printed" => ("staged", None),
        "carrier_picked_up" | "in_transit" | "delayed" => ("in_transit", None),
        "out_for_delivery" => ("out_for_delivery", None),
        "attempted_delivery" => ("attempted_delivery", None),
        "ready_for_pickup" | "ready_for_recipient_pickup" => ("available_for_pickup", None),
        "picked_up" | "delivered" => ("delivered", None),
        "failure" => ("exception", None),
        "buyer_action_required" => ("exception", Some("action_required")),
        "returning_to_sender" => ("returning_to_sender", None),
        _ => return None,
    })
}

/// Payment gateways (`payment_gateway_names`) → the contract's payment method. Others take
/// [`Options::payment_method`] or `other`, with a note.
fn gateway_method(gateway: &str) -> Option<&'static str> {
    let g = gateway.trim().to_ascii_lowercase();
    Some(match g.as_str() {
        "shopify_payments" | "stripe" | "authorize_net" | "braintree" | "adyen" | "credit card"
        | "credit_card" => "credit_card",
        "gift_card" | "gift card" => "gift_card",
        "bank deposit" | "bank_deposit" | "bank transfer" | "bank_transfer" | "ideal"
        | "sofort" => "bank_account",
        "paypal"
        | "shopify_installments"
        | "manual"
        | "cash on delivery (cod)"
        | "cash_on_delivery"
        | "money order"
        | "money_order" => "other",
        _ => return None,
    })
}

/// A shipment in the making, before its items.
struct Parcel {
    id: String,
    /// The fulfillment's `line_items`: (line id, units).
    lines: Vec<(String, u32)>,
    fields: Vec<(&'static str, Json<'static>)>,
}

/// An order of the contract from a Shopify Admin REST `order`; what it assumed goes into `notes`.
pub(super) fn order(
    input: &Json<'_>,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    amount::not_a_tracker(input, "Shopify")?;
    if field(input, "orders").is_some() {
        return Err(wrong(
            "orders",
            "one Shopify order (the object, or {\"order\": {...}}), not a list of them",
            field(input, "orders"),
        ));
    }
    let (o, base) = match field(input, "order") {
        Some(inner) => (inner, "order"),
        None => (input, ""),
    };
    let o = amount::object(o, base, "a Shopify order (an object)")?;
    if field(o, "date_created_gmt").is_some()
        || field(o, "billing").is_some() && field(o, "created_at").is_none()
    {
        return Err(InputError::new(
            base,
            "expected a Shopify order, found a WooCommerce order (it has date_created_gmt or billing): use --from woocommerce",
        ));
    }
    let at = |name: &str| join(base, name);

    let id = required_id(o, base, "id")?;
    let (placed_text, placed_at) = match amount::instant(o, base, "processed_at")? {
        Some(found) => found,
        None => amount::instant(o, base, "created_at")?.ok_or_else(|| {
            wrong(
                &at("created_at"),
                "the time the order was placed (processed_at or created_at, ISO 8601 with an offset)",
                None,
            )
        })?,
    };
    let currency = amount::currency(o, base)?;

    let shop = match amount::text(o, base, "order_status_url")? {
        Some(url) => amount::https_host(url).map(|h| (at("order_status_url"), h.to_owned())),
        None => None,
    };
    let head = (id, placed_text, currency);
    let mut out = amount::order_head(head, (options, shop, "Shopify"), notes)?;
    if let Some(method) = payment_method(o, base, options, notes)? {
        out.push(("payment_method", s(method)));
    }
    if let Some(cost) = shipping_cost(o, base, currency)? {
        out.push(("shipping_cost", Json::UInt(cost)));
    }

    let parcels = fulfillments(o, base, placed_at, notes)?;
    let cancelled = amount::text(o, base, "cancelled_at")?.is_some();
    if cancelled {
        note(
            notes,
            at("cancelled_at"),
            "the order is cancelled: its units in no fulfillment are in the shipment \"cancelled\" (status cancelled)",
        );
    }
    let (items, synthetic) = line_items(o, base, currency, &parcels, cancelled, notes)?;
    out.push(("items", Json::Array(items)));
    let mut shipments: Vec<Json<'static>> = parcels
        .into_iter()
        .map(|p| {
            let mut fields = vec![("id", s(p.id))];
            fields.extend(p.fields);
            obj(fields)
        })
        .collect();
    for id in synthetic {
        shipments.push(match id {
            CANCELLED => obj(vec![("id", s(id)), ("status", s("cancelled"))]),
            _ => obj(vec![
                ("id", s(id)),
                ("status", s("unknown")),
                ("carrier_status", s(id)),
            ]),
        });
    }
    out.push(("shipments", Json::Array(shipments)));
    if let Some(customer) = customer(o, base, notes)? {
        out.push(("customer", customer));
    }
    Ok(obj(out))
}

/// The id of the shipment that holds a cancelled order's unshipped units.
const CANCELLED: &str = "cancelled";
/// The id of the shipment that holds units Shopify counts as fulfilled but that no fulfillment
/// of the document holds (an order fetched without its `fulfillments`).
const FULFILLED: &str = "fulfilled";

fn payment_method(
    o: &Json<'_>,
    base: &str,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Option<&'static str>, InputError> {
    let names = list(o, base, "payment_gateway_names")?;
    let mut gateways: Vec<(String, &str)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let path = format!("{}[{i}]", join(base, "payment_gateway_names"));
        match name {
            Json::Str(g) if !g.trim().is_empty() => gateways.push((path, g.as_ref())),
            Json::Str(_) => {}
            other => return Err(wrong(&path, "a gateway's name (a string)", Some(other))),
        }
    }
    if gateways.is_empty() {
        if let Some(g) = filled(o, base, "gateway")? {
            gateways.push((join(base, "gateway"), g));
        }
    }
    if gateways.is_empty() {
        return Ok(None);
    }
    if gateways.len() > 1 {
        note(
            notes,
            join(base, "payment_gateway_names"),
            "payment_method: the order was paid through several gateways; the first that is not a gift card decides",
        );
    }
    // A gift card beside another gateway: the other one decides (the card pays the rest).
    let (path, gateway) = gateways
        .iter()
        .find(|(_, g)| gateway_method(g) != Some("gift_card"))
        .unwrap_or(&gateways[0]);
    match gateway_method(gateway) {
        Some(method) => Ok(Some(method)),
        None => amount::unknown_gateway(options, gateway, path, notes).map(Some),
    }
}

fn shipping_cost(o: &Json<'_>, base: &str, currency: &str) -> Result<Option<u64>, InputError> {
    let lines = list(o, base, "shipping_lines")?;
    if lines.is_empty() {
        return Ok(None);
    }
    let mut total: u64 = 0;
    for (i, line) in lines.iter().enumerate() {
        let path = format!("{}[{i}]", join(base, "shipping_lines"));
        let (name, value) = match (field(line, "discounted_price"), field(line, "price")) {
            (Some(v), _) => ("discounted_price", v),
            (None, Some(v)) => ("price", v),
            (None, None) => {
                return Err(wrong(
                    &join(&path, "price"),
                    "the shipping line's price",
                    None,
                ))
            }
        };
        let minor = minor_units(value, currency, &join(&path, name))?;
        total = total
            .checked_add(minor)
            .filter(|t| *t <= crate::Money::MAX.minor())
            .ok_or_else(|| {
                wrong(
                    &join(&path, name),
                    "a total shipping cost within the contract's bounds",
                    Some(value),
                )
            })?;
    }
    Ok(Some(total))
}

/// The fulfillments that shipped (or are being prepared), as parcels.
fn fulfillments(
    o: &Json<'_>,
    base: &str,
    placed_at: Instant,
    notes: &mut Vec<Note>,
) -> Result<Vec<Parcel>, InputError> {
    let mut parcels: Vec<Parcel> = Vec::new();
    for (j, f) in list(o, base, "fulfillments")?.iter().enumerate() {
        let path = format!("{}[{j}]", join(base, "fulfillments"));
        let f = amount::object(f, &path, "a fulfillment (an object)")?;
        let id = required_id(f, &path, "id")?;
        let status = filled(f, &path, "status")?;
        if let Some(st @ ("cancelled" | "error" | "failure")) = status {
            note(
                notes,
                join(&path, "status"),
                format!("the fulfillment's status is {st:?}: it did not ship and is left out; its units count as not shipped"),
            );
            continue;
        }
        if parcels.iter().any(|p| p.id == id) {
            return Err(wrong(
                &join(&path, "id"),
                "a fulfillment id of its own",
                field(f, "id"),
            ));
        }
        let shipment_status = filled(f, &path, "shipment_status")?;
        let mut fields: Vec<(&'static str, Json<'static>)> = Vec::new();
        let state = match (shipment_status, status) {
            (Some(value), _) => match shipment_state(value) {
                Some((state, kind)) => {
                    fields.push(("status", s(state)));
                    fields.push(("carrier_status", s(value)));
                    if let Some(kind) = kind {
                        fields.push(("exception_kind", s(kind)));
                    }
                    state
                }
                None => {
                    note(
                        notes,
                        join(&path, "shipment_status"),
                        format!("{value:?} is not a shipment_status the converter knows: the shipment is unknown, the value kept in carrier_status"),
                    );
                    fields.push(("status", s("unknown")));
                    fields.push(("carrier_status", s(value)));
                    "unknown"
                }
            },
            (None, Some(st @ ("pending" | "open"))) => {
                note(
                    notes,
                    join(&path, "status"),
                    format!("the fulfillment is {st:?} (its fulfillment service has not shipped it): preparing"),
                );
                fields.push(("status", s("preparing")));
                "preparing"
            }
            (None, _) => {
                note(
                    notes,
                    join(&path, "shipment_status"),
                    "the fulfillment has no shipment_status (Shopify has no tracking event for it): the shipment is unknown; give its state from your tracker (order-help import --from easypost|aftership)",
                );
                fields.push(("status", s("unknown")));
                "unknown"
            }
        };
        if let Some(carrier) = filled(f, &path, "tracking_company")? {
            fields.push(("carrier", s(carrier)));
        }
        let numbers = list(f, &path, "tracking_numbers")?;
        let number = match numbers.first() {
            Some(Json::Str(n)) if !n.trim().is_empty() => Some(n.trim()),
            Some(Json::Str(_)) | None => filled(f, &path, "tracking_number")?,
            Some(other) => {
                return Err(wrong(
                    &format!("{}[0]", join(&path, "tracking_numbers")),
                    "a tracking number (a string)",
                    Some(other),
                ))
            }
        };
        if numbers.len() > 1 {
            note(
                notes,
                join(&path, "tracking_numbers"),
                format!("the fulfillment has {} tracking numbers; the contract keeps one per shipment: the first", numbers.len()),
            );
        }
        if let Some(n) = number {
            fields.push(("tracking_number", s(n)));
        }
        let urls = list(f, &path, "tracking_urls")?;
        let (url_path, url) = match urls.first() {
            Some(Json::Str(u)) => (
                format!("{}[0]", join(&path, "tracking_urls")),
                Some(u.as_ref()),
            ),
            Some(other) => {
                return Err(wrong(
                    &format!("{}[0]", join(&path, "tracking_urls")),
                    "a tracking URL (a string)",
                    Some(other),
                ))
            }
            None => (
                join(&path, "tracking_url"),
                amount::text(f, &path, "tracking_url")?,
            ),
        };
        if let Some(url) = url.and_then(|u| tracking_link(u, &url_path, notes)) {
            fields.push(("tracking_url", s(url)));
        }
        let created = amount::instant(f, &path, "created_at")?;
        let shipped = match created {
            Some((_, at)) if at < placed_at => {
                note(
                    notes,
                    join(&path, "created_at"),
                    "the fulfillment is dated before the order was placed: shipped_at left out",
                );
                None
            }
            other => other,
        };
        if state != "preparing" {
            if let Some((text, _)) = &shipped {
                fields.push(("shipped_at", s(text.clone())));
            }
        }
        if state == "delivered" {
            let floor = shipped.as_ref().map_or(placed_at, |(_, at)| *at);
            let delivered = match amount::instant(f, &path, "updated_at")? {
                Some((text, at)) if at >= floor => Some((text, "updated_at")),
                _ => shipped
                    .as_ref()
                    .map(|(text, _)| (text.clone(), "created_at")),
            };
            let (text, from) = delivered.ok_or_else(|| {
                wrong(
                    &join(&path, "updated_at"),
                    "the time of a delivered fulfillment (updated_at or created_at, ISO 8601 with an offset, at or after the order was placed)",
                    field(f, "updated_at"),
                )
            })?;
            note(
                notes,
                join(&path, from),
                format!("delivered_at: Shopify's order does not give the delivery time; the fulfillment's {from} is used"),
            );
            fields.push(("delivered_at", s(text)));
        }
        let mut lines = Vec::new();
        for (k, line) in list(f, &path, "line_items")?.iter().enumerate() {
            let lpath = format!("{}[{k}]", join(&path, "line_items"));
            let line_id = required_id(line, &lpath, "id")?;
            let units = amount::count(line, &lpath, "quantity")?.unwrap_or(0);
            lines.push((line_id, units));
        }
        parcels.push(Parcel { id, lines, fields });
    }
    Ok(parcels)
}

/// The items, each unit in the parcel that carries it; and whether any went to the
/// cancelled shipment.
fn line_items(
    o: &Json<'_>,
    base: &str,
    currency: &str,
    parcels: &[Parcel],
    cancelled: bool,
    notes: &mut Vec<Note>,
) -> Result<(Vec<Json<'static>>, Vec<&'static str>), InputError> {
    let (lines_path, lines) = amount::line_items(o, base)?;
    let returns = returns(o, base)?;
    let mut items = Vec::new();
    let mut synthetic: Vec<&'static str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let path = format!("{lines_path}[{i}]");
        let line = amount::object(line, &path, "a line item (an object)")?;
        let id = required_id(line, &path, "id")?;
        let title = match filled(line, &path, "name")? {
            Some(t) => t,
            None => filled(line, &path, "title")?.ok_or_else(|| {
                wrong(
                    &join(&path, "title"),
                    "the line's title (name or title)",
                    None,
                )
            })?,
        };
        let quantity = amount::count(line, &path, "quantity")?
            .ok_or_else(|| wrong(&join(&path, "quantity"), "a whole number of units", None))?;
        let price_value = field(line, "price").ok_or_else(|| {
            wrong(
                &join(&path, "price"),
                "the unit price, e.g. \"199.00\"",
                None,
            )
        })?;
        let price_path = join(&path, "price");
        let unit_price = minor_units(price_value, currency, &price_path)?;
        let unit_price = amount::line_total_fits(unit_price, quantity, &price_path)?;
        let mut fields: Vec<(&'static str, Json<'static>)> =
            vec![("title", s(title)), ("unit_price", Json::UInt(unit_price))];
        if amount::flag(line, &path, "gift_card")? {
            fields.push(("category", s("gift_cards")));
        }
        let given_back = returns
            .iter()
            .filter(|(l, _)| *l == id)
            .map(|(_, q)| *q)
            .sum();
        let (units, returned) = kept_units(line, &path, quantity, given_back, notes)?;
        let mut parts: Vec<(Option<&str>, u32)> = Vec::new();
        if units == 0 {
            note(
                notes,
                join(&path, "current_quantity"),
                "every unit of the line was removed from the order (refunded or edited out): the item is in the shipment \"cancelled\"",
            );
            parts.push((Some(CANCELLED), quantity));
            synthetic.push(CANCELLED);
        } else {
            let mut left = units;
            for parcel in parcels {
                let mine: u32 = parcel
                    .lines
                    .iter()
                    .filter(|(l, _)| *l == id)
                    .map(|(_, q)| *q)
                    .sum();
                let take = mine.min(left);
                if take > 0 {
                    parts.push((Some(parcel.id.as_str()), take));
                    left -= take;
                }
            }
            // Units Shopify counts as fulfilled (not fulfillable any more) that no fulfillment
            // here holds: the order came without its fulfillments. Shipped, where to unknown.
            let open =
                amount::count(line, &path, "fulfillable_quantity")?.map_or(left, |f| f.min(left));
            if left > open {
                note(
                    notes,
                    join(&path, "fulfillable_quantity"),
                    format!("{} unit(s) are fulfilled but in no fulfillment of this document: they are in the shipment \"fulfilled\" (unknown)", left - open),
                );
                parts.push((Some(FULFILLED), left - open));
                synthetic.push(FULFILLED);
                left = open;
            }
            if left > 0 {
                let rest = if cancelled { Some(CANCELLED) } else { None };
                if cancelled {
                    synthetic.push(CANCELLED);
                }
                parts.push((rest, left));
            }
        }
        if parts.len() > 1 {
            note(
                notes,
                &path,
                format!("the line's units are in {} places (fulfillments, not shipped): one item each, ids \"{id}/…\"", parts.len()),
            );
        }
        let mut returned_left = returned;
        for (shipment, units) in &parts {
            let item_id = match (parts.len(), shipment) {
                (1, _) => id.clone(),
                (_, Some(sh)) => format!("{id}/{sh}"),
                (_, None) => format!("{id}/unfulfilled"),
            };
            let mut item = vec![("id", s(item_id))];
            item.extend(fields.iter().cloned());
            item.insert(2, ("quantity", Json::UInt(u64::from(*units))));
            // Returned units were shipped: they go to the parts in fulfillments first.
            let back = returned_left.min(*units);
            if back > 0 && *shipment != Some(CANCELLED) {
                returned_left -= back;
                item.push(("returned_quantity", Json::UInt(u64::from(back))));
            }
            if let Some(sh) = shipment {
                item.push(("shipment", s(*sh)));
            }
            items.push(obj(item));
        }
    }
    // A fulfillment naming a line the order does not have.
    for parcel in parcels.iter() {
        for (line_id, _) in &parcel.lines {
            let known = lines
                .iter()
                .any(|l| amount::id(l, "", "id").ok().flatten().as_deref() == Some(line_id));
            if !known {
                note(
                    notes,
                    join(base, "fulfillments"),
                    format!("fulfillment {:?} names the line {line_id:?}, which the order does not have: ignored", parcel.id),
                );
            }
        }
    }
    synthetic.sort_unstable();
    synthetic.dedup();
    Ok((items, synthetic))
}

/// The units each line got back in a return: `refunds[].refund_line_items[]` whose
/// `restock_type` is `return` (line id, units).
fn returns(o: &Json<'_>, base: &str) -> Result<Vec<(String, u32)>, InputError> {
    let mut back = Vec::new();
    for (r, refund) in list(o, base, "refunds")?.iter().enumerate() {
        let rpath = format!("{}[{r}]", join(base, "refunds"));
        for (k, line) in list(refund, &rpath, "refund_line_items")?
            .iter()
            .enumerate()
        {
            let path = format!("{}[{k}]", join(&rpath, "refund_line_items"));
            if amount::text(line, &path, "restock_type")? == Some("return") {
                let units = amount::count(line, &path, "quantity")?.unwrap_or(0);
                back.push((required_id(line, &path, "line_item_id")?, units));
            }
        }
    }
    Ok(back)
}

/// The units a line keeps in the order, and how many of them came back in a return. Shopify's
/// `current_quantity` leaves out every refunded unit; a unit refunded with `restock_type`
/// `return` stays in the item as `returned_quantity` (the contract's returned and received),
/// one refunded otherwise (cancelled, not restocked, edited out) leaves it, with a note. 0: every
/// unit went without a return.
fn kept_units(
    line: &Json<'_>,
    path: &str,
    quantity: u32,
    given_back: u32,
    notes: &mut Vec<Note>,
) -> Result<(u32, u32), InputError> {
    if quantity == 0 {
        let found = field(line, "quantity");
        return Err(wrong(&join(path, "quantity"), "at least 1 unit", found));
    }
    let current =
        amount::count(line, path, "current_quantity")?.map_or(quantity, |c| c.min(quantity));
    let returned = given_back.min(quantity - current);
    let gone = quantity - current - returned;
    let kept = current + returned;
    if gone > 0 && kept > 0 {
        note(
            notes,
            join(path, "current_quantity"),
            format!("{gone} of {quantity} units were removed from the order (refunded without a return, or edited out): the item has the {kept} left"),
        );
    }
    if returned > 0 {
        note(
            notes,
            path,
            format!("{returned} unit(s) came back in a return (a refund with restock_type \"return\"): returned_quantity"),
        );
    }
    Ok((kept, returned))
}

/// The contract's `customer`: an e-mail address, a name, and the country of the shipping
/// address (else the billing address). Without an address or a name: none, with a note.
fn customer(
    o: &Json<'_>,
    base: &str,
    notes: &mut Vec<Note>,
) -> Result<Option<Json<'static>>, InputError> {
    let shipping = field(o, "shipping_address");
    let billing = field(o, "billing_address");
    let person = field(o, "customer");
    let mut email = (join(base, "email"), filled(o, base, "email")?);
    if email.1.is_none() {
        email = (
            join(base, "contact_email"),
            filled(o, base, "contact_email")?,
        );
    }
    if let (None, Some(p)) = (email.1, person) {
        let path = join(base, "customer");
        email = (join(&path, "email"), filled(p, &path, "email")?);
    }
    let (spath, bpath) = (
        join(base, "shipping_address"),
        join(base, "billing_address"),
    );
    let mut name: Option<String> = None;
    for (address, path) in [(shipping, &spath), (billing, &bpath)] {
        if let (None, Some(a)) = (&name, address) {
            name = filled(a, path, "name")?.map(str::to_owned);
        }
    }
    if let (None, Some(p)) = (&name, person) {
        name = amount::full_name(p, &join(base, "customer"))?;
    }
    let addresses = [(spath, shipping), (bpath, billing)];
    amount::customer(email, name, addresses, "country_code", notes)
}
