//! What both order converters (Shopify, WooCommerce) share: exact decimal amounts to minor
//! units by the currency's ISO 4217 exponent, reading the source tree with the source's paths
//! in every error, instants with and without an offset, the defaults a source does not say
//! (`seller`, payment method), telling a tracker from an order, and writing the contract's tree.
//!
//! Every error names the path in the *source* document (`order.line_items[2].price`), what was
//! expected and what was found, like the engine's own readers.

use std::borrow::Cow;

use super::{Note, Options};
use crate::json::{found, Json};
use crate::time::{Instant, LocalDateTime, StoreZone};
use crate::{minor_unit_digits, InputError, Money};

/// The amount `value` (a decimal string such as `"129.00"`, or a JSON number whose text is
/// exact) in minor units of `currency`, exactly: `"129.00"` USD is 12900, `"1500"` JPY 1500,
/// `"2.500"` KWD 2500. More decimals than the currency's ISO 4217 exponent are refused unless
/// they are zeros (`"12.340"` EUR is 1234; `"12.345"` EUR is an error), and so are signs,
/// exponents, and amounts above [`Money::MAX`]. No floating point anywhere.
///
/// # Errors
/// At `path`: `expected an amount in EUR with at most 2 decimals (its ISO 4217 minor unit),
/// found "12.345"`, and the like.
pub(super) fn minor_units(value: &Json<'_>, currency: &str, path: &str) -> Result<u64, InputError> {
    let digits = minor_unit_digits(currency).ok_or_else(|| {
        InputError::new(
            path,
            format!("expected an amount in a currency with an ISO 4217 minor unit, found the currency {currency:?}"),
        )
    })?;
    let decimals = || {
        format!(
            "an amount in {currency} as a decimal with at most {digits} decimal{} (its ISO 4217 minor unit), e.g. {:?}",
            if digits == 1 { "" } else { "s" },
            example(digits)
        )
    };
    let text: Cow<'_, str> = match value {
        Json::Str(s) => Cow::Borrowed(s.trim()),
        Json::UInt(n) => Cow::Owned(n.to_string()),
        Json::Float(_, text) => Cow::Borrowed(text.as_ref()),
        other => {
            return Err(InputError::new(
                path,
                format!("expected {}, found {}", decimals(), found(other)),
            ))
        }
    };
    let expected = match parse_decimal(&text, digits) {
        Ok(minor) => return Ok(minor),
        Err(Refused::Negative) => {
            format!("an amount of 0 or more in {currency} (a price or a cost is never negative)")
        }
        Err(Refused::TooLarge) => format!(
            "an amount in {currency} of at most {} (the contract's largest amount)",
            decimal_text(Money::MAX.minor(), digits)
        ),
        Err(Refused::Decimals) if digits == 0 => format!(
            "a whole amount in {currency} (its ISO 4217 minor unit has no decimals), e.g. \"1500\""
        ),
        Err(Refused::Decimals | Refused::NotADecimal) => decimals(),
    };
    Err(InputError::new(
        path,
        format!("expected {expected}, found {}", found(value)),
    ))
}

/// `minor` minor units written as a decimal with `digits` decimals (`1234`, 2 → `"12.34"`).
fn decimal_text(minor: u64, digits: u8) -> String {
    let scale = 10u64.pow(u32::from(digits));
    match digits {
        0 => minor.to_string(),
        d => format!(
            "{}.{:0width$}",
            minor / scale,
            minor % scale,
            width = usize::from(d)
        ),
    }
}

/// `minor` split over `quantity` units: the per-unit amount, floored to whole minor units
/// when it does not divide (the contract has one `unit_price` per item and no line total), with
/// a note at `path` saying what the line's total was and where the remainder went.
pub(super) fn per_unit(
    total: u64,
    quantity: u32,
    (path, what): (&str, &str),
    notes: &mut Vec<Note>,
) -> u64 {
    let q = u64::from(quantity.max(1));
    let rest = total % q;
    if rest > 0 {
        note(
            notes,
            path,
            format!(
                "unit_price: {what} ({total} minor units) does not divide evenly over {q} units; each unit is {} (rounded down), the remaining {rest} minor unit(s) are left out (a refund never exceeds what was paid)",
                total / q
            ),
        );
    }
    total / q
}

/// `unit` × `quantity` within [`Money::MAX`] (the contract's bound on a line's total), else an
/// error at the price's `path`.
pub(super) fn line_total_fits(unit: u64, quantity: u32, path: &str) -> Result<u64, InputError> {
    match unit.checked_mul(u64::from(quantity)) {
        Some(total) if total <= Money::MAX.minor() => Ok(unit),
        _ => Err(InputError::new(
            path,
            format!("expected a price whose line total ({quantity} × {unit} minor units) is at most {}, found a larger one", Money::MAX.minor()),
        )),
    }
}

fn example(digits: u8) -> String {
    match digits {
        0 => "1500".to_owned(),
        d => format!("129.{}", "0".repeat(usize::from(d))),
    }
}

/// Why [`parse_decimal`] refused a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Refused {
    /// Not a plain decimal (empty, an exponent, a `+`, letters, `".5"`, `"5."`).
    NotADecimal,
    /// A `-` before an otherwise good amount.
    Negative,
    /// More significant decimals than the currency has.
    Decimals,
    /// Above [`Money::MAX`].
    TooLarge,
}

/// `"129.00"` with `digits` 2 → 12900; `None` if not a plain non-negative decimal, if it has
/// more significant decimals than `digits`, or if it exceeds [`Money::MAX`].
#[cfg(test)]
fn decimal_to_minor(text: &str, digits: u8) -> Option<u64> {
    parse_decimal(text, digits).ok()
}

/// [`decimal_to_minor`], saying why a text is refused.
pub(super) fn parse_decimal(text: &str, digits: u8) -> Result<u64, Refused> {
    if let Some(rest) = text.strip_prefix('-') {
        return Err(match parse_decimal(rest, digits) {
            Err(Refused::NotADecimal) => Refused::NotADecimal,
            _ => Refused::Negative,
        });
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !plain(whole)
        || !plain(fraction)
        || (text.contains('.') && fraction.is_empty())
    {
        return Err(Refused::NotADecimal);
    }
    let digits = usize::from(digits);
    let (kept, dropped) = fraction.split_at(fraction.len().min(digits));
    if dropped.bytes().any(|b| b != b'0') {
        return Err(Refused::Decimals);
    }
    let mut minor: u64 = 0;
    for b in whole.bytes().chain(kept.bytes()) {
        minor = minor
            .checked_mul(10)
            .and_then(|m| m.checked_add(u64::from(b - b'0')))
            .ok_or(Refused::TooLarge)?;
    }
    for _ in kept.len()..digits {
        minor = minor.checked_mul(10).ok_or(Refused::TooLarge)?;
    }
    if minor > Money::MAX.minor() {
        return Err(Refused::TooLarge);
    }
    Ok(minor)
}

/// The path of `field` under `path`.
pub(super) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// An error at `path`: `expected {expected}, found {what was there}`.
pub(super) fn wrong(path: &str, expected: &str, value: Option<&Json<'_>>) -> InputError {
    let what = value.map_or_else(|| "nothing (the field is absent)".to_owned(), found);
    InputError::new(path, format!("expected {expected}, found {what}"))
}

/// The field `name` of an object, if present and not `null`.
pub(super) fn field<'j, 'a>(object: &'j Json<'a>, name: &str) -> Option<&'j Json<'a>> {
    match object {
        Json::Object(entries) => entries
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Json::Null)),
        _ => None,
    }
}

/// The object at `path`, or an error saying so.
pub(super) fn object<'j, 'a>(
    value: &'j Json<'a>,
    path: &str,
    what: &str,
) -> Result<&'j Json<'a>, InputError> {
    match value {
        Json::Object(_) => Ok(value),
        other => Err(wrong(path, what, Some(other))),
    }
}

/// A string field: `Ok(None)` when absent or `null`, an error for another type.
pub(super) fn text<'j>(
    object: &'j Json<'_>,
    path: &str,
    name: &str,
) -> Result<Option<&'j str>, InputError> {
    match field(object, name) {
        None => Ok(None),
        Some(Json::Str(s)) => Ok(Some(s.as_ref())),
        Some(other) => Err(wrong(&join(path, name), "a string", Some(other))),
    }
}

/// A string field that is present and not blank, trimmed.
pub(super) fn filled<'j>(
    object: &'j Json<'_>,
    path: &str,
    name: &str,
) -> Result<Option<&'j str>, InputError> {
    Ok(text(object, path, name)?
        .map(str::trim)
        .filter(|s| !s.is_empty()))
}

/// A list field: empty when absent or `null`.
pub(super) fn list<'j, 'a>(
    object: &'j Json<'a>,
    path: &str,
    name: &str,
) -> Result<&'j [Json<'a>], InputError> {
    match field(object, name) {
        None => Ok(&[]),
        Some(Json::Array(items)) => Ok(items),
        Some(other) => Err(wrong(&join(path, name), "a list", Some(other))),
    }
}

/// The order's `line_items` (at least one) and their path.
pub(super) fn line_items<'j, 'a>(
    order: &'j Json<'a>,
    path: &str,
) -> Result<(String, &'j [Json<'a>]), InputError> {
    let at = join(path, "line_items");
    match list(order, path, "line_items")? {
        [] => Err(wrong(
            &at,
            "at least one line item",
            field(order, "line_items"),
        )),
        lines => Ok((at, lines)),
    }
}

/// A boolean field: `false` when absent or `null`.
pub(super) fn flag(object: &Json<'_>, path: &str, name: &str) -> Result<bool, InputError> {
    match field(object, name) {
        None => Ok(false),
        Some(Json::Bool(b)) => Ok(*b),
        Some(other) => Err(wrong(&join(path, name), "true or false", Some(other))),
    }
}

/// A whole number field (a count), if present.
pub(super) fn count(object: &Json<'_>, path: &str, name: &str) -> Result<Option<u32>, InputError> {
    match field(object, name) {
        None => Ok(None),
        Some(Json::UInt(n)) if *n <= u64::from(u32::MAX) => Ok(Some(*n as u32)),
        Some(other) => Err(wrong(
            &join(path, name),
            "a whole number from 0 to 4294967295",
            Some(other),
        )),
    }
}

/// An id: a platform's numeric id becomes its decimal text, a string id stays as given.
/// `None` when absent.
pub(super) fn id(object: &Json<'_>, path: &str, name: &str) -> Result<Option<String>, InputError> {
    match field(object, name) {
        None => Ok(None),
        Some(Json::UInt(n)) => Ok(Some(n.to_string())),
        Some(Json::Str(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
        Some(other) => Err(wrong(
            &join(path, name),
            "an id (a whole number or a non-empty string)",
            Some(other),
        )),
    }
}

/// A required id.
pub(super) fn required_id(object: &Json<'_>, path: &str, name: &str) -> Result<String, InputError> {
    id(object, path, name)?.ok_or_else(|| {
        wrong(
            &join(path, name),
            "an id (a whole number or a non-empty string)",
            None,
        )
    })
}

/// The order's `currency`: an ISO 4217 code with a minor unit (what the amounts are counted in).
pub(super) fn currency<'j>(order: &'j Json<'_>, path: &str) -> Result<&'j str, InputError> {
    let at = join(path, "currency");
    match filled(order, path, "currency")? {
        Some(code) if minor_unit_digits(code).is_some() => Ok(code),
        found => Err(wrong(
            &at,
            "an ISO 4217 currency code with a minor unit, e.g. \"USD\"",
            found.and(field(order, "currency")),
        )),
    }
}

/// An RFC 3339 / ISO 8601 time with an offset, kept as written (its zone kept); `None` when
/// absent.
pub(super) fn instant(
    object: &Json<'_>,
    path: &str,
    name: &str,
) -> Result<Option<(String, Instant)>, InputError> {
    let Some(text) = text(object, path, name)? else {
        return Ok(None);
    };
    match Instant::parse_rfc3339(text) {
        Ok(at) => Ok(Some((text.to_owned(), at))),
        Err(e) => Err(InputError::new(join(path, name), e.message)),
    }
}

/// A zone-less local time `YYYY-MM-DDThh:mm:ss` read as UTC (WooCommerce's `*_gmt` fields):
/// written back with `Z`. A text that already has an offset is kept as it is.
pub(super) fn utc_time(text: &str, path: &str) -> Result<(String, Instant), InputError> {
    if let Ok(at) = Instant::parse_rfc3339(text) {
        return Ok((text.to_owned(), at));
    }
    let with_z = format!("{text}Z");
    match Instant::parse_rfc3339(&with_z) {
        Ok(at) => Ok((at.to_string(), at)),
        Err(_) => Err(InputError::new(
            path,
            format!("expected a time like \"2017-03-22T19:28:02\" (UTC), found {text:?}"),
        )),
    }
}

/// A zone-less local time in `zone`, written with that zone's offset at that instant.
pub(super) fn local_time(
    text: &str,
    zone: &StoreZone,
    path: &str,
) -> Result<(String, Instant), InputError> {
    let (_, as_utc) = utc_time(text, path)?;
    let local = LocalDateTime::from_local_seconds(as_utc.unix_seconds());
    let at = zone.from_local(local.date, local.time);
    Ok((zone.format_rfc3339(at), at))
}

/// The zone [`Options::assume_zone`] names (default UTC).
pub(super) fn assumed_zone(options: &Options) -> Result<StoreZone, InputError> {
    match options.assume_zone.as_deref() {
        None => Ok(StoreZone::utc()),
        Some(name) => {
            StoreZone::resolve(name).map_err(|m| InputError::new("options.assume_zone", m))
        }
    }
}

/// The host of an `https:` address (`https://jsmith.myshopify.com/…` → `jsmith.myshopify.com`).
pub(super) fn https_host(url: &str) -> Option<&str> {
    if !crate::is_https_address(url) {
        return None;
    }
    let rest = &url[8..];
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    Some(&rest[..end]).filter(|h| !h.is_empty())
}

/// Says where a tracker given to an order converter belongs (`source`: "Shopify",
/// "WooCommerce"); `Ok` for anything else.
pub(super) fn not_a_tracker(input: &Json<'_>, source: &str) -> Result<(), InputError> {
    let tracker = |kind: &str, from: &str| {
        InputError::new(
            "",
            format!(
                "expected a {source} order, found {kind}: this is {kind}, not a {source} order: use --from {from}"
            ),
        )
    };
    if matches!(field(input, "object"), Some(Json::Str(s)) if s == "Tracker") {
        return Err(tracker("an EasyPost Tracker", "easypost"));
    }
    let aftership = field(input, "data")
        .and_then(|d| field(d, "tracking"))
        .or_else(|| field(input, "tracking"))
        .is_some()
        || [Some(input), field(input, "data")]
            .into_iter()
            .flatten()
            .any(|t| field(t, "tag").is_some() && field(t, "slug").is_some());
    if aftership {
        return Err(tracker("an AfterShip tracking", "aftership"));
    }
    Ok(())
}

/// The contract's `seller`: from the options, else the documented defaults (kind and
/// fulfilment `retailer`; the name from `shop_name`, the source's shop where it has one), each
/// default a note.
fn seller(
    options: &Options,
    shop_name: Option<(&str, &str)>,
    source: &str,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    let name = match (&options.seller_name, shop_name) {
        (Some(name), _) if !name.trim().is_empty() => name.trim().to_owned(),
        (Some(_), _) => {
            return Err(InputError::new(
                "options.seller_name",
                "expected the seller's name, found a blank one",
            ))
        }
        (None, Some((path, host))) => {
            notes.push(Note {
                path: path.to_owned(),
                message: format!(
                    "seller.name: the {source} order does not name the shop; its host {host:?} is used (option seller_name sets it)"
                ),
            });
            host.to_owned()
        }
        (None, None) => {
            return Err(InputError::new(
                "options.seller_name",
                format!("expected the seller's name (option seller_name; the command line's --seller-name): the {source} order does not say it, found none"),
            ))
        }
    };
    let choices = [
        (
            options.seller_kind.as_deref(),
            "kind",
            ["retailer", "marketplace"],
        ),
        (
            options.fulfilled_by.as_deref(),
            "fulfilled_by",
            ["retailer", "seller"],
        ),
    ];
    let mut fields = vec![("name", s(name))];
    for (given, field, allowed) in choices {
        fields.push((field, s(chosen(given, field, &allowed, notes)?)));
    }
    Ok(obj(fields))
}

/// The first fields of the contract's order: `id`, `placed_at`, `currency`, and the `seller`
/// ([`seller`]; `shop`: the path and host of the source's shop address, if it has one).
pub(super) fn order_head(
    (id, placed_at, currency): (String, String, &str),
    (options, shop, source): (&Options, Option<(String, String)>, &str),
    notes: &mut Vec<Note>,
) -> Result<Vec<(&'static str, Json<'static>)>, InputError> {
    let shop = shop
        .as_ref()
        .map(|(path, host)| (path.as_str(), host.as_str()));
    Ok(vec![
        ("id", s(id)),
        ("placed_at", s(placed_at)),
        ("currency", s(currency)),
        ("seller", seller(options, shop, source, notes)?),
    ])
}

/// The seller's `field` from its option (the same name, but `seller_kind` for `kind`), one of
/// `allowed`; absent, the first, with a note.
fn chosen(
    given: Option<&str>,
    field: &'static str,
    allowed: &[&'static str],
    notes: &mut Vec<Note>,
) -> Result<&'static str, InputError> {
    let option = if field == "kind" {
        "seller_kind"
    } else {
        field
    };
    match given {
        Some(value) => allowed
            .iter()
            .copied()
            .find(|a| *a == value)
            .ok_or_else(|| {
                InputError::new(
                    format!("options.{option}"),
                    format!("expected one of {}, found {value:?}", quoted(allowed)),
                )
            }),
        None => {
            notes.push(Note {
                path: format!("options.{option}"),
                message: format!(
                    "seller.{field}: the source does not say it; the default {:?} is used (option {option} sets it)",
                    allowed[0]
                ),
            });
            Ok(allowed[0])
        }
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The contract's payment methods (engine/src/order.rs, `PaymentMethod`).
pub(super) const PAYMENT_METHODS: [&str; 6] = [
    "credit_card",
    "debit_card",
    "gift_card",
    "bank_account",
    "points",
    "other",
];

/// The payment method for a gateway the converter does not know: [`Options::payment_method`],
/// else `other`; a note either way, naming the gateway.
pub(super) fn unknown_gateway(
    options: &Options,
    gateway: &str,
    path: &str,
    notes: &mut Vec<Note>,
) -> Result<&'static str, InputError> {
    let method = match options.payment_method.as_deref() {
        Some(given) => PAYMENT_METHODS
            .iter()
            .copied()
            .find(|m| *m == given)
            .ok_or_else(|| {
                InputError::new(
                    "options.payment_method",
                    format!(
                        "expected one of {}, found {given:?}",
                        quoted(&PAYMENT_METHODS)
                    ),
                )
            })?,
        None => "other",
    };
    notes.push(Note {
        path: path.to_owned(),
        message: format!(
            "payment_method: the gateway {gateway:?} is not one the converter knows; {method:?} is used ({})",
            if options.payment_method.is_some() {
                "option payment_method"
            } else {
                "the default; option payment_method sets it"
            }
        ),
    });
    Ok(method)
}

/// A note at `path`.
pub(super) fn note(notes: &mut Vec<Note>, path: impl Into<String>, message: impl Into<String>) {
    notes.push(Note {
        path: path.into(),
        message: message.into(),
    });
}

/// An `https:` tracking link, kept; anything else dropped with a note (never followed).
pub(super) fn tracking_link(url: &str, path: &str, notes: &mut Vec<Note>) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    if crate::is_https_address(url) {
        return Some(url.to_owned());
    }
    let why = if url
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("http:"))
    {
        "an http: link"
    } else {
        "not an https: address"
    };
    note(
        notes,
        path,
        format!(
            "tracking_url: {url:?} is {why}; dropped (the contract links only to https: pages)"
        ),
    );
    None
}

/// "First Last" from an address or a person's `first_name` and `last_name`, if not blank.
pub(super) fn full_name(person: &Json<'_>, path: &str) -> Result<Option<String>, InputError> {
    let first = filled(person, path, "first_name")?.unwrap_or("");
    let last = filled(person, path, "last_name")?.unwrap_or("");
    Ok(Some(format!("{first} {last}").trim().to_owned()).filter(|n| !n.is_empty()))
}

/// The contract's `customer`: the e-mail address (`email`: where it was looked for, and what
/// was found), a name, and the country (field `country_field`) of the first address of
/// `addresses` that has one (shipping first; the billing address's with a note). Without an
/// e-mail address or a name: none, with a note.
pub(super) fn customer(
    (email_path, email): (String, Option<&str>),
    name: Option<String>,
    addresses: [(String, Option<&Json<'_>>); 2],
    country_field: &str,
    notes: &mut Vec<Note>,
) -> Result<Option<Json<'static>>, InputError> {
    let mut country: Option<(String, &str)> = None;
    for (k, (path, address)) in addresses.iter().enumerate() {
        let Some(address) = address.filter(|_| country.is_none()) else {
            continue;
        };
        if let Some(code) = filled(address, path, country_field)? {
            let at = join(path, country_field);
            if !crate::is_country_code(code) {
                let expected = "an ISO 3166-1 alpha-2 country code, e.g. \"US\"";
                return Err(wrong(&at, expected, Some(&s(code))));
            }
            if k > 0 {
                note(notes, &at, "customer.country: the order has no shipping country; the billing address's is used");
            }
            country = Some((at, code));
        }
    }
    let (Some(email), Some(name)) = (email, name) else {
        let lacks = match email {
            None => "e-mail address",
            Some(_) => "name",
        };
        note(
            notes,
            email_path,
            format!("customer: the order gives no customer {lacks}, which the contract's customer needs: no customer (nor customer.country) in the order"),
        );
        return Ok(None);
    };
    if !crate::looks_like_an_email_address(email) {
        return Err(wrong(&email_path, "an e-mail address", Some(&s(email))));
    }
    let mut fields = vec![("name", s(name)), ("email", s(email))];
    if let Some((_, code)) = country {
        fields.push(("country", s(code)));
    }
    Ok(Some(obj(fields)))
}

/// `text` with its HTML character references decoded (WooCommerce writes product names through
/// WordPress's texturizer: `Ship Your Idea &ndash; Color: Black`): numeric ones and the common
/// named ones; any other `&` stays as it is. The contract's strings are shown as text, never as
/// HTML, so an entity left encoded would show as written.
pub(super) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    const NAMED: [(&str, char); 20] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", '\u{a0}'),
        ("ndash", '–'),
        ("mdash", '—'),
        ("hellip", '…'),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("times", '×'),
        ("euro", '€'),
        ("copy", '©'),
        ("reg", '®'),
        ("trade", '™'),
        ("prime", '′'),
        ("Prime", '″'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.get(1..).and_then(|after| {
            let end = after.find(';').filter(|&e| e > 0 && e <= 10)?;
            let name = &after[..end];
            let c = match name.strip_prefix('#') {
                Some(num) => match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                }
                .and_then(char::from_u32)
                .filter(|c| !c.is_control()),
                None => NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c),
            }?;
            Some((c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A string of the contract's tree.
pub(super) fn s(text: impl Into<String>) -> Json<'static> {
    Json::Str(Cow::Owned(text.into()))
}

/// An object of the contract's tree, its fields in the given order.
pub(super) fn obj(fields: Vec<(&'static str, Json<'static>)>) -> Json<'static> {
    Json::Object(
        fields
            .into_iter()
            .map(|(k, v)| (Cow::Borrowed(k), v))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_to_minor_units_exactly() {
        let cases: [(&str, u8, Option<u64>); 16] = [
            ("129.00", 2, Some(12900)),
            ("0.10", 2, Some(10)),
            ("0.1", 2, Some(10)),
            ("12.340", 2, Some(1234)),
            ("12.345", 2, None),
            ("1500", 0, Some(1500)),
            ("1500.0", 0, Some(1500)),
            ("1500.5", 0, None),
            ("2.500", 3, Some(2500)),
            ("2.5", 3, Some(2500)),
            ("-1.00", 2, None),
            ("1e3", 2, None),
            ("", 2, None),
            (".5", 2, None),
            ("5.", 2, None),
            ("90071992547409.92", 2, None),
        ];
        for (text, digits, minor) in cases {
            assert_eq!(
                decimal_to_minor(text, digits),
                minor,
                "{text} with {digits}"
            );
        }
    }

    #[test]
    fn html_character_references_become_text() {
        let cases = [
            (
                "Ship Your Idea &ndash; Color: Black",
                "Ship Your Idea – Color: Black",
            ),
            (
                "Tom &amp; Jerry&#8217;s &#x2014; mug",
                "Tom & Jerry’s — mug",
            ),
            ("AT&T & co &unknown; &#0; &", "AT&T & co &unknown; &#0; &"),
            ("no entity", "no entity"),
        ];
        for (given, text) in cases {
            assert_eq!(decode_entities(given), text);
        }
    }

    #[test]
    fn hosts_of_https_addresses_only() {
        assert_eq!(
            https_host("https://jsmith.myshopify.com/548380009/orders/x"),
            Some("jsmith.myshopify.com")
        );
        assert_eq!(
            https_host("https://example.com:8443/x"),
            Some("example.com")
        );
        assert_eq!(https_host("http://example.com/x"), None);
    }
}
