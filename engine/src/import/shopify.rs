//! An order of the contract from a Shopify Admin REST `order` (the object, or `{"order": …}`),
//! with its `fulfillments`.
//!
//! - `id` (a number) → `id` (its decimal text); `processed_at` (else `created_at`, both with
//!   an offset, kept as written) → `placed_at`; `currency` → `currency`.
//! - `line_items[]` → `items[]`: `id`, `name` (else `title`), `current_quantity` (else
//!   `quantity`), `price` × `quantity` less `discount_allocations` (else `total_discount`),
//!   over the units (rounded down with a note) → `unit_price` in minor units, in the
//!   `presentment_currency` (its `*_set.presentment_money` amounts) when the customer paid in
//!   another currency than the shop's; a repeated line id is an error; `gift_card: true` → category
//!   `gift_cards`. Units refunded with `restock_type` `return` stay as `returned_quantity`; a
//!   line whose units all left otherwise (refunded, edited out) is kept, whole, in a
//!   `cancelled` shipment.
//! - `fulfillments[]` → `shipments[]` (`id`; `shipment_status` by [`shipment_state`];
//!   `tracking_company` → `carrier`; the first tracking number and URL; `created_at` →
//!   `shipped_at`; a `success` one without tracking whose lines need no shipping, or in an
//!   order collected in store, is `delivered` then: [`handed_over`]); fulfillments `cancelled`,
//!   `error` or `failure` did not ship and are left
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
    let pay = Pay::of(o, base, notes)?;
    let currency = pay.currency;

    let shop = match amount::text(o, base, "order_status_url")? {
        Some(url) => amount::https_host(url).map(|h| (at("order_status_url"), h.to_owned())),
        None => None,
    };
    let head = (id, placed_text, currency);
    let mut out = amount::order_head(head, (options, shop, "Shopify"), notes)?;
    if let Some(method) = payment_method(o, base, options, notes)? {
        out.push(("payment_method", s(method)));
    }
    if let Some(cost) = shipping_cost(o, base, &pay)? {
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
    let (items, synthetic) = line_items(o, base, &pay, &parcels, cancelled, notes)?;
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

/// The currency the order's amounts are read in, and where: the shop's (`currency`, the
/// plain amount fields), or, when the customer paid in another one (`presentment_currency`
/// differs), the customer's (each amount's `*_set.presentment_money.amount`), since that is
/// what the customer paid and is refunded in.
struct Pay<'j> {
    currency: &'j str,
    presentment: bool,
}

impl<'j> Pay<'j> {
    fn of(o: &'j Json<'_>, base: &str, notes: &mut Vec<Note>) -> Result<Pay<'j>, InputError> {
        let shop = amount::currency(o, base)?;
        let path = join(base, "presentment_currency");
        let Some(customer) = filled(o, base, "presentment_currency")? else {
            return Ok(Pay {
                currency: shop,
                presentment: false,
            });
        };
        if customer == shop {
            return Ok(Pay {
                currency: shop,
                presentment: false,
            });
        }
        if crate::minor_unit_digits(customer).is_none() {
            let expected = "an ISO 4217 currency code with a minor unit, e.g. \"EUR\"";
            return Err(wrong(&path, expected, field(o, "presentment_currency")));
        }
        note(
            notes,
            &path,
            format!("currency: the customer paid in {customer} (the shop counts in {shop}): the order is in {customer}, every amount its presentment amount (price_set.presentment_money.amount and the like), what the customer paid and is refunded in"),
        );
        Ok(Pay {
            currency: customer,
            presentment: true,
        })
    }

    /// The amount `name` of `object` (at `path`) in minor units of the order's currency: the
    /// field itself, or `{name}_set.presentment_money.amount` when the customer paid in another
    /// currency. `None` when absent.
    fn amount(&self, object: &Json<'_>, path: &str, name: &str) -> Result<Option<u64>, InputError> {
        if !self.presentment {
            return field(object, name)
                .map(|v| minor_units(v, self.currency, &join(path, name)))
                .transpose();
        }
        let set = format!("{name}_set");
        if field(object, name).is_none() && field(object, &set).is_none() {
            return Ok(None);
        }
        let at = join(&join(path, &set), "presentment_money");
        let money = field(object, &set).and_then(|s| field(s, "presentment_money"));
        let value = money.and_then(|m| field(m, "amount")).ok_or_else(|| {
            wrong(
                &join(&at, "amount"),
                &format!("the amount in the customer's currency {} (presentment_currency differs from currency)", self.currency),
                None,
            )
        })?;
        if let Some(code) = money
            .map(|m| amount::text(m, &at, "currency_code"))
            .transpose()?
            .flatten()
        {
            if code != self.currency {
                let expected = format!("the presentment_currency {}", self.currency);
                return Err(wrong(
                    &join(&at, "currency_code"),
                    &expected,
                    Some(&s(code)),
                ));
            }
        }
        minor_units(value, self.currency, &join(&at, "amount")).map(Some)
    }
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

fn shipping_cost(o: &Json<'_>, base: &str, pay: &Pay<'_>) -> Result<Option<u64>, InputError> {
    let lines = list(o, base, "shipping_lines")?;
    if lines.is_empty() {
        return Ok(None);
    }
    let mut total: u64 = 0;
    for (i, line) in lines.iter().enumerate() {
        let path = format!("{}[{i}]", join(base, "shipping_lines"));
        let (name, minor) = match pay.amount(line, &path, "discounted_price")? {
            Some(v) => ("discounted_price", v),
            None => match pay.amount(line, &path, "price")? {
                Some(v) => ("price", v),
                None => {
                    return Err(wrong(
                        &join(&path, "price"),
                        "the shipping line's price",
                        None,
                    ))
                }
            },
        };
        let value = field(line, name);
        total = total
            .checked_add(minor)
            .filter(|t| *t <= crate::Money::MAX.minor())
            .ok_or_else(|| {
                wrong(
                    &join(&path, name),
                    "a total shipping cost within the contract's bounds",
                    value,
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
        let mut handed = false;
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
            (None, status) => match handed_over(o, base, f, &path, status)? {
                Some(why) => {
                    note(notes, join(&path, "shipment_status"), format!("{why}: it counts as delivered when the fulfillment was made (delivered_at is its created_at), so the return window and the withdrawal period start then"));
                    fields.push(("status", s("delivered")));
                    handed = true;
                    "delivered"
                }
                None => {
                    note(
                        notes,
                        join(&path, "shipment_status"),
                        "the fulfillment has no shipment_status (Shopify has no tracking event for it: no tracker is connected to it): the shipment is unknown, and the return window and the withdrawal period do not start until a tracker says it was delivered; give its state from your tracker (order-help import --from easypost|aftership)",
                    );
                    fields.push(("status", s("unknown")));
                    "unknown"
                }
            },
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
                Some((text, at)) if at >= floor && (!handed || shipped.is_none()) => {
                    Some((text, "updated_at"))
                }
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

/// Why a fulfillment without a `shipment_status` was in the customer's hands when it was made,
/// if it was: it succeeded (`status` `success`), has no tracking number, and either every line
/// it holds needs no shipping (`requires_shipping: false`: a gift card, a download, a service)
/// or the order was collected in store (a shipping line whose `code` or `title` says pickup:
/// `pickup`, `pick up`, `pick-up`, any case). `None`: a parcel that may still be on its way
/// (an order without shipping lines or address is not taken for a pickup: the API's own
/// sample orders ship that way).
fn handed_over(
    o: &Json<'_>,
    base: &str,
    f: &Json<'_>,
    path: &str,
    status: Option<&str>,
) -> Result<Option<String>, InputError> {
    let tracked = filled(f, path, "tracking_number")?.is_some()
        || list(f, path, "tracking_numbers")?
            .iter()
            .any(|n| matches!(n, Json::Str(n) if !n.trim().is_empty()));
    if status != Some("success") || tracked {
        return Ok(None);
    }
    let held = list(f, path, "line_items")?;
    let order_lines = list(o, base, "line_items")?;
    let mut needs_shipping = held.is_empty();
    for line in held {
        let id = amount::id(line, path, "id").ok().flatten();
        // The order's line, else the fulfillment's copy of it.
        let own = order_lines
            .iter()
            .find(|l| id.is_some() && amount::id(l, "", "id").ok().flatten() == id)
            .unwrap_or(line);
        if !matches!(field(own, "requires_shipping"), Some(Json::Bool(false))) {
            needs_shipping = true;
        }
    }
    if !needs_shipping {
        return Ok(Some("the fulfillment succeeded and none of its lines needs shipping (requires_shipping is false: a gift card, a download, a service)".to_owned()));
    }
    let shipping = list(o, base, "shipping_lines")?;
    for (i, line) in shipping.iter().enumerate() {
        let spath = format!("{}[{i}]", join(base, "shipping_lines"));
        for name in ["code", "title"] {
            let said = filled(line, &spath, name)?
                .unwrap_or("")
                .to_ascii_lowercase();
            if ["pickup", "pick up", "pick-up"]
                .iter()
                .any(|w| said.contains(w))
            {
                return Ok(Some(format!("the order is collected in store ({spath}.{name} says pickup) and the fulfillment succeeded without tracking: handed over")));
            }
        }
    }
    Ok(None)
}

/// The items, each unit in the parcel that carries it; and whether any went to the
/// cancelled shipment.
fn line_items(
    o: &Json<'_>,
    base: &str,
    pay: &Pay<'_>,
    parcels: &[Parcel],
    cancelled: bool,
    notes: &mut Vec<Note>,
) -> Result<(Vec<Json<'static>>, Vec<&'static str>), InputError> {
    let (lines_path, lines) = amount::line_items(o, base)?;
    let returns = returns(o, base)?;
    let mut items = Vec::new();
    let mut synthetic: Vec<&'static str> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let path = format!("{lines_path}[{i}]");
        let line = amount::object(line, &path, "a line item (an object)")?;
        let id = required_id(line, &path, "id")?;
        if let Some(k) = seen.iter().position(|other| *other == id) {
            let expected = format!("a line item id of its own ({lines_path}[{k}] has it)");
            return Err(wrong(&join(&path, "id"), &expected, field(line, "id")));
        }
        seen.push(id.clone());
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
        let price_path = join(&path, "price");
        let price = pay
            .amount(line, &path, "price")?
            .ok_or_else(|| wrong(&price_path, "the unit price, e.g. \"199.00\"", None))?;
        let price = amount::line_total_fits(price, quantity, &price_path)?;
        let unit_price = discounted(line, &path, pay, (price, quantity), notes)?;
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
            let claimed: u32 = parcels
                .iter()
                .flat_map(|p| &p.lines)
                .filter(|(l, _)| *l == id)
                .fold(0, |sum, (_, q)| sum.saturating_add(*q));
            if claimed > quantity {
                note(
                    notes,
                    join(base, "fulfillments"),
                    format!("the fulfillments hold {claimed} units of line {id:?} ({path}), which has {quantity}: the order is inconsistent; the units are counted in the fulfillments' order and the {} extra are ignored", claimed - quantity),
                );
            }
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

/// The unit price after the line's discounts: `price` × `quantity` less the line's
/// `discount_allocations[].amount` (else its `total_discount`), over `quantity` units (rounded
/// down to whole minor units, with a note, when it does not divide). Shopify's `price` is before
/// discounts; the contract's `unit_price` is what a unit cost the customer (what a refund gives
/// back), as WooCommerce's `total` is.
fn discounted(
    line: &Json<'_>,
    path: &str,
    pay: &Pay<'_>,
    (price, quantity): (u64, u32),
    notes: &mut Vec<Note>,
) -> Result<u64, InputError> {
    let mut discount: u64 = 0;
    let allocations = list(line, path, "discount_allocations")?;
    let from = if field(line, "discount_allocations").is_some() {
        for (k, a) in allocations.iter().enumerate() {
            let apath = format!("{}[{k}]", join(path, "discount_allocations"));
            let a = amount::object(a, &apath, "a discount allocation (an object)")?;
            let off = pay.amount(a, &apath, "amount")?.unwrap_or(0);
            discount = discount.saturating_add(off);
        }
        join(path, "discount_allocations")
    } else {
        discount = pay.amount(line, path, "total_discount")?.unwrap_or(0);
        join(path, "total_discount")
    };
    if discount == 0 {
        return Ok(price);
    }
    let gross = price * u64::from(quantity);
    if discount > gross {
        let expected =
            format!("discounts of at most the line's price × quantity ({gross} minor units)");
        return Err(wrong(&from, &expected, Some(&Json::UInt(discount))));
    }
    let net = gross - discount;
    note(
        notes,
        &from,
        format!("unit_price: Shopify's price is before discounts; the line's {quantity} unit(s) at {price} minor units less its discounts of {discount} cost {net}, the unit price is that over the units"),
    );
    Ok(amount::per_unit(
        net,
        quantity,
        (&from, "the line's total after discounts"),
        notes,
    ))
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
