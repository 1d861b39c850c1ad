//! What no single field's reader can check: references between fields, orderings of
//! timestamps, sums, uniqueness, and sane bounds. Each problem goes into a [`Sink`] with its
//! path; the checks go on past a problem until it is full, and the reader puts what they
//! found in the document's order (`parse.rs`).

use super::country::is_country_code;
use super::currency::minor_unit_digits;
use super::error::{Full, Sink};
use super::ids::{first_index_of, IdMap};
use super::json::Json;
use super::limits::MAX_GRACE_MINUTES;
use super::money::Money;
use super::order::{Customer, Item, Order, ShipmentStatus};
use super::policy::{Countries, Policy, ReturnReason, Withdrawal};
use super::request::Request;

type Check = Result<(), Full>;

/// `value` is not blank. The path is written only for an error: an order has hundreds of ids.
fn non_empty(p: &mut impl Sink, path: &dyn Fn() -> String, what: &str, value: &str) -> Check {
    if value.trim().is_empty() {
        p.add(
            path(),
            format!("expected a non-empty {what}, found {value:?}"),
        )?;
    }
    Ok(())
}

/// The id of `list[index]` is the first of its kind: `ids` keeps each id's first index, and a
/// repeated one is a problem at `path`, naming the entry that has it first.
fn first_of_its_kind<'a>(
    p: &mut impl Sink,
    ids: &mut IdMap<'a>,
    (list, index, id): (&str, usize, &'a str),
    path: &dyn Fn() -> String,
    expected: &str,
) -> Check {
    // One lookup; a repeated id puts the first index back.
    if let Some(first) = ids.insert(id, index) {
        ids.insert(id, first);
        p.add(
            path(),
            format!("expected {expected}, found {id:?}, which {list}[{first}] already has"),
        )?;
    }
    Ok(())
}

pub(crate) fn order(order: &Order, _: &Json<'_>, p: &mut impl Sink) -> Check {
    non_empty(p, &|| "id".into(), "order id", &order.id)?;
    currency(p, &order.currency)?;
    non_empty(
        p,
        &|| "seller.name".into(),
        "seller name",
        &order.seller.name,
    )?;
    if let Some(who) = &order.customer {
        customer(p, who, "customer")?;
    }
    if order.items.is_empty() {
        p.add("items", "expected at least one item, found an empty list")?;
    }
    let shipment_ids: Vec<&str> = order.shipments.iter().map(|s| s.id.as_str()).collect();
    let known_shipments = first_index_of(shipment_ids.iter().copied());
    let mut item_ids = IdMap::default();
    for (i, item) in order.items.iter().enumerate() {
        let path = |field: &str| format!("items[{i}].{field}");
        non_empty(p, &|| path("id"), "item id", &item.id)?;
        let entry = ("items", i, item.id.as_str());
        first_of_its_kind(p, &mut item_ids, entry, &|| path("id"), "a unique item id")?;
        if item.quantity == 0 {
            p.add(
                path("quantity"),
                "expected a quantity of at least 1, found 0",
            )?;
        }
        if item.unit_price.checked_mul(item.quantity).is_none() {
            p.add(
                path("unit_price"),
                format!(
                    "expected quantity × unit_price to be at most {}, found {} × {}",
                    Money::MAX,
                    item.quantity,
                    item.unit_price
                ),
            )?;
        }
        if let Some(bundle) = &item.bundle {
            non_empty(p, &|| path("bundle"), "bundle id", bundle)?;
        }
        if let Some(shipment) = &item.shipment {
            if !known_shipments.contains_key(shipment.as_str()) {
                let known = if shipment_ids.is_empty() {
                    "the order has none".to_owned()
                } else {
                    shipment_ids
                        .iter()
                        .map(|id| format!("{id:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                p.add(path("shipment"), format!("expected the id of one of the order's shipments ({known}), found {shipment:?}"))?;
            }
        }
        let (returned, requested) = (item.returned_quantity, item.return_requested_quantity);
        if u64::from(returned) + u64::from(requested) > u64::from(item.quantity) {
            let field = if requested > 0 {
                "return_requested_quantity"
            } else {
                "returned_quantity"
            };
            p.add(
                path(field),
                format!(
                    "expected returned_quantity + return_requested_quantity to be at most the quantity ({}), found {returned} + {requested}",
                    item.quantity
                ),
            )?;
        }
        requests_on_record(p, item, &path)?;
    }
    for (j, shipment) in order.shipments.iter().enumerate() {
        let path = |field: &str| format!("shipments[{j}].{field}");
        non_empty(p, &|| path("id"), "shipment id", &shipment.id)?;
        // `known_shipments` has each id's first index: another one means a duplicate.
        if let Some(first) = known_shipments
            .get(shipment.id.as_str())
            .copied()
            .filter(|&first| first != j)
        {
            p.add(
                path("id"),
                format!("expected a unique shipment id, found {:?}, which shipments[{first}] already has", shipment.id),
            )?;
        }
        if let Some(shipped) = shipment.shipped_at {
            if shipped < order.placed_at {
                p.add(
                    path("shipped_at"),
                    format!(
                        "expected a time at or after the order's placed_at ({}), found {shipped}",
                        order.placed_at
                    ),
                )?;
            }
        }
        if let Some(carrier) = &shipment.carrier {
            non_empty(
                p,
                &|| path("carrier"),
                "carrier's name (or no carrier field)",
                carrier,
            )?;
        }
        if let Some(url) = &shipment.tracking_url {
            if !is_https_address(url) {
                p.add(
                    path("tracking_url"),
                    format!("expected an https: address (https://host/…), found {url:?}"),
                )?;
            }
        }
        if let (Some(until), Some(shipped)) = (shipment.pickup_until, shipment.shipped_at) {
            if until < shipped {
                p.add(
                    path("pickup_until"),
                    format!("expected a time at or after the shipment's shipped_at ({shipped}), found {until}"),
                )?;
            }
        }
        if shipment.status == ShipmentStatus::Delivered && shipment.delivered_at.is_none() {
            p.add(
                path("delivered_at"),
                "expected the delivery time of a delivered shipment, found none",
            )?;
        }
        if let Some(delivered) = shipment.delivered_at {
            let (earliest, name) = match shipment.shipped_at {
                Some(shipped) => (shipped, "the shipment's shipped_at"),
                None => (order.placed_at, "the order's placed_at"),
            };
            if delivered < earliest {
                p.add(
                    path("delivered_at"),
                    format!("expected a time at or after {name} ({earliest}), found {delivered}"),
                )?;
            }
        }
    }
    Ok(())
}

/// An item's pending cancellation and received withdrawal: each quantity from 1 to the
/// item's, and only with its instant.
fn requests_on_record(p: &mut impl Sink, item: &Item, path: &dyn Fn(&str) -> String) -> Check {
    for (field, quantity, with, at) in [
        (
            "cancellation_requested_quantity",
            item.cancellation_requested_quantity,
            "cancellation_requested_at",
            item.cancellation_requested_at,
        ),
        (
            "withdrawn_quantity",
            item.withdrawn_quantity,
            "withdrawal_received_at",
            item.withdrawal_received_at,
        ),
    ] {
        if let Some(q) = quantity.filter(|&q| q == 0 || q > item.quantity || at.is_none()) {
            p.add(
                path(field),
                format!(
                    "expected 1 to the item's quantity ({}), with {with}, found {q}",
                    item.quantity
                ),
            )?;
        }
    }
    Ok(())
}

/// `https:` (the scheme in any case, RFC 3986 § 3.1), then `//` and a host, with no white space
/// or control character anywhere: a page the widget may link to. Loose on purpose past that:
/// the browser parses the rest.
pub fn is_https_address(url: &str) -> bool {
    let scheme = url.get(..8);
    scheme.is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        && !url[8..].starts_with(['/', '?', '#'])
        && url.len() > 8
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn currency(p: &mut impl Sink, code: &str) -> Check {
    if !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())) {
        // One problem per field: the next check would say the same of this code.
        return p.add("currency", format!("expected an ISO 4217 currency code (three capital letters, e.g. \"USD\"), found {code:?}"));
    }
    // Amounts are minor units per ISO 4217: a code without a known minor unit leaves them
    // without a meaning.
    if minor_unit_digits(code).is_none() {
        p.add("currency", format!("expected an ISO 4217 currency code (e.g. \"USD\"), found {code:?}, which ISO 4217 does not list as a currency with minor units"))?;
    }
    Ok(())
}

/// A policy's checks. `buyers_remorse_reasons` the file does not write (absent, or the
/// default's entries under `{"add", "remove"}`) keeps only the ids of its cancellation
/// reasons: a default the author did not write never makes the file invalid.
pub(crate) fn policy(policy: &mut Policy, tree: &Json<'_>, p: &mut impl Sink) -> Check {
    // The windows' and fees' bounds are their readers' (`policy.rs`), so every bound of a
    // number is said once, in one wording.
    for category in policy.category_windows.keys() {
        non_empty(p, &|| "category_windows".into(), "category name", category)?;
    }
    let root = Some(tree);
    names(
        p,
        root,
        ("", "non_returnable_categories"),
        &policy.non_returnable_categories,
    )?;
    if policy.marketplace_cancel_grace_minutes > MAX_GRACE_MINUTES {
        p.add(
            "marketplace_cancel_grace_minutes",
            format!(
                "expected at most {MAX_GRACE_MINUTES} minutes (a week), found {}",
                policy.marketplace_cancel_grace_minutes
            ),
        )?;
    }
    let holiday = &policy.holiday_extension;
    if holiday.shipped_until < holiday.shipped_from {
        p.add(
            "holiday_extension.shipped_until",
            format!(
                "expected a date on or after shipped_from ({}) in the same year, found {}",
                holiday.shipped_from, holiday.shipped_until
            ),
        )?;
    }
    for category in policy.opened_fees.keys() {
        non_empty(p, &|| "opened_fees".into(), "category name", category)?;
    }
    for (method, timing) in policy.refund_timing.entries() {
        if let Some(timing) = timing {
            if timing.min > timing.max {
                p.add(
                    format!("refund_timing.{method}.min"),
                    format!(
                        "expected min to be at most max ({}), found {}",
                        timing.max, timing.min
                    ),
                )?;
            }
        }
    }
    let reasons = &policy.cancellation_reasons;
    if reasons.required && reasons.options.is_empty() {
        p.add(
            "cancellation_reasons.options",
            "expected at least one reason when a reason is required, found none",
        )?;
    }
    // The one id map type of the engine (its code is in the wasm once).
    let mut ids = IdMap::default();
    for (i, option) in reasons.options.iter().enumerate() {
        let path = |field: &str| format!("cancellation_reasons.options[{i}].{field}");
        non_empty(p, &|| path("id"), "reason id", &option.id)?;
        non_empty(p, &|| path("label"), "reason label", &option.label)?;
        let entry = ("options", i, option.id.as_str());
        first_of_its_kind(p, &mut ids, entry, &|| path("id"), "a unique reason id")?;
    }
    return_reasons(p, &policy.return_reasons)?;
    let field = "buyers_remorse_reasons";
    let given = member(root, field);
    let mut remorse = std::mem::take(&mut policy.buyers_remorse_reasons);
    remorse.retain(|id| ids.contains_key(id.as_str()) || written_at(given, field, id, 0).is_some());
    for (i, reason) in remorse.iter().enumerate() {
        if !ids.contains_key(reason.as_str()) {
            let ids: Vec<_> = reasons
                .options
                .iter()
                .map(|o| format!("{:?}", o.id))
                .collect();
            let message = match ids.is_empty() {
                true => format!("expected the id of one of the cancellation reasons, found {reason:?}, and cancellation_reasons.options lists none"),
                false => format!("expected the id of one of the cancellation reasons ({}), found {reason:?}", ids.join(", ")),
            };
            let path = written_at(given, field, reason, i).unwrap_or_default();
            p.add(path, message)?;
        }
    }
    policy.buyers_remorse_reasons = remorse;
    // `category_names`' blank names are its reader's to say (`policy.rs`). A language tag no
    // customer's language matches is not an error: its name is never shown, and
    // `order-help policy` lists it.
    withdrawal(p, member(root, "withdrawal"), &policy.withdrawal)
}

/// A list of category names (`at`: the path of its object, and its field; `tree`: that object in the file) has
/// no blank name, each at the place the file writes it ([`written_at`]).
fn names(p: &mut impl Sink, tree: Option<&Json<'_>>, at: (&str, &str), list: &[String]) -> Check {
    let (object, field) = at;
    let path = format!("{object}{field}");
    let path = path.as_str();
    let given = member(tree, field);
    for (i, name) in list.iter().enumerate() {
        let at = || written_at(given, path, name, i).unwrap_or_else(|| format!("{path}[{i}]"));
        non_empty(p, &at, "category name", name)?;
    }
    Ok(())
}

/// The member `name` of an object of the document (`None`: absent, or not in an object).
fn member<'t, 'a>(tree: Option<&'t Json<'a>>, name: &str) -> Option<&'t Json<'a>> {
    match tree? {
        Json::Object(fields) => fields.iter().find(|(key, _)| key == name).map(|(_, v)| v),
        _ => None,
    }
}

/// Where the file writes `name`, entry `i` of a list of names read from `given` (the list's
/// value in the file): `path[i]` when the file gives the list, `path.add[j]` when it adds to
/// the default; `None` for an entry of the default the file does not write.
fn written_at(given: Option<&Json<'_>>, path: &str, name: &str, i: usize) -> Option<String> {
    match given? {
        Json::Object(_) => match member(given, "add")? {
            Json::Array(added) => added
                .iter()
                .position(|a| matches!(a, Json::Str(s) if s == name))
                .map(|j| format!("{path}.add[{j}]")),
            _ => None,
        },
        _ => Some(format!("{path}[{i}]")),
    }
}

fn withdrawal(p: &mut impl Sink, tree: Option<&Json<'_>>, withdrawal: &Withdrawal) -> Check {
    names(
        p,
        tree,
        ("withdrawal.", "excluded_categories"),
        &withdrawal.excluded_categories,
    )?;
    names(
        p,
        tree,
        ("withdrawal.", "excluded_when_unsealed"),
        &withdrawal.excluded_when_unsealed,
    )?;
    if let Countries::Listed(list) = &withdrawal.countries {
        for (i, code) in list.iter().enumerate() {
            if !is_country_code(code) {
                p.add(format!("withdrawal.countries[{i}]"), not_a_country(code))?;
            }
        }
    }
    if let Some(email) = &withdrawal.contact_email {
        if !looks_like_an_email_address(email) {
            p.add(
                "withdrawal.contact_email",
                format!(
                    "expected an e-mail address (e.g. \"withdrawal@example.com\"), found {email:?}"
                ),
            )?;
        }
    }
    Ok(())
}

/// The message for a country code ISO 3166-1 does not assign.
fn not_a_country(found: &str) -> String {
    format!("expected an ISO 3166-1 alpha-2 country code (two capital letters, e.g. \"NL\"), found {found:?}")
}

/// Whether `text` looks like an e-mail address, loosely: `local@domain.tld`, no spaces or control characters, one `@`. Only the mail
/// system can say whether an address works; this catches a name or a URL in the field.
pub fn looks_like_an_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let labels_ok = domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty());
    !local.is_empty()
        && !domain.contains('@')
        && labels_ok
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Mirrors the cancellation reasons: ids and labels not blank, ids unique; and at least one,
/// since every return names its reason.
fn return_reasons(p: &mut impl Sink, reasons: &[ReturnReason]) -> Check {
    if reasons.is_empty() {
        p.add(
            "return_reasons",
            "expected at least one return reason (every return names one), found none",
        )?;
    }
    let mut ids = IdMap::default();
    for (i, reason) in reasons.iter().enumerate() {
        let path = |field: &str| format!("return_reasons[{i}].{field}");
        non_empty(p, &|| path("id"), "reason id", &reason.id)?;
        non_empty(p, &|| path("label"), "reason label", &reason.label)?;
        let entry = ("return_reasons", i, reason.id.as_str());
        first_of_its_kind(p, &mut ids, entry, &|| path("id"), "a unique reason id")?;
    }
    Ok(())
}

/// A request's items: at least one, each once, at least one unit; a non-blank order id.
pub(crate) fn request(request: &Request, _: &Json<'_>, p: &mut impl Sink) -> Check {
    non_empty(p, &|| "order_id".into(), "order id", &request.order_id)?;
    if request.items.is_empty() {
        p.add("items", "expected at least one item, found an empty list")?;
    }
    let mut ids = IdMap::default();
    for (i, item) in request.items.iter().enumerate() {
        let path = |field: &str| format!("items[{i}].{field}");
        non_empty(p, &|| path("item_id"), "item id", &item.item_id)?;
        let entry = ("items", i, item.item_id.as_str());
        first_of_its_kind(
            p,
            &mut ids,
            entry,
            &|| path("item_id"),
            "each item at most once",
        )?;
        if item.quantity == 0 {
            p.add(
                path("quantity"),
                "expected a quantity of at least 1, found 0",
            )?;
        }
    }
    if let Some(lines) = &request.lines {
        if lines.len() != request.items.len() {
            p.add(
                "lines",
                format!(
                    "expected one line per entry of items ({}), found {}",
                    request.items.len(),
                    lines.len()
                ),
            )?;
        }
        // Line by line only when they pair up.
        let paired = if lines.len() == request.items.len() {
            &lines[..]
        } else {
            &[]
        };
        for (i, (line, item)) in paired.iter().zip(&request.items).enumerate() {
            if line.item_id != item.item_id {
                p.add(
                    format!("lines[{i}].item_id"),
                    format!(
                        "expected {:?}, the item of items[{i}], found {:?}",
                        item.item_id, line.item_id
                    ),
                )?;
            }
            if line.quantity != item.quantity {
                p.add(
                    format!("lines[{i}].quantity"),
                    format!(
                        "expected {}, the quantity of items[{i}], found {}",
                        item.quantity, line.quantity
                    ),
                )?;
            }
        }
    }
    if let Some(customer) = &request.customer {
        self::customer(p, customer, "customer")?;
    }
    Ok(())
}

/// A request's or an order's `customer`: a name that is not blank, an address shaped like one.
pub(crate) fn customer(p: &mut impl Sink, customer: &Customer, at: &str) -> Check {
    non_empty(p, &|| format!("{at}.name"), "name", &customer.name)?;
    if let Some(country) = customer.country.as_deref().filter(|c| !is_country_code(c)) {
        p.add(format!("{at}.country"), not_a_country(country))?;
    }
    if !looks_like_an_email_address(customer.email.trim()) {
        p.add(
            format!("{at}.email"),
            format!(
                "expected an e-mail address (e.g. \"name@example.com\"), found {:?}",
                customer.email
            ),
        )?;
    }
    Ok(())
}
