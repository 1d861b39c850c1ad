//! What the tracker converters ([`super::easypost`], [`super::aftership`]) share: reading a
//! source object field by field with its path, instants (kept with their offset; a local time
//! without one placed in [`Options::assume_zone`] with a [`Note`]), `https:` links (anything
//! else dropped with a note), the shipment's id, telling one source's document from another's,
//! and writing the shipment of the contract.

use std::borrow::Cow;

use super::{Note, Options, Source};
use crate::json::{found, Json};
use crate::{is_https_address, Date, InputError, Instant, StoreZone, Time};

/// An object's entries.
pub(super) type Entries<'a> = [(Cow<'a, str>, Json<'a>)];

/// `parent.key` (or `key` at the top).
pub(super) fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// `value` as an object; else an error at `path` saying what was expected.
pub(super) fn object<'a, 'j>(
    value: &'a Json<'j>,
    path: &str,
    expected: &str,
) -> Result<&'a Entries<'j>, InputError> {
    match value {
        Json::Object(entries) => Ok(entries),
        other => Err(InputError::new(
            path,
            format!("expected {expected}, found {}", found(other)),
        )),
    }
}

/// The value of `key`; a `null` counts as absent (the platforms write `null` for "not known").
pub(super) fn field<'a, 'j>(entries: &'a Entries<'j>, key: &str) -> Option<&'a Json<'j>> {
    entries
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .filter(|v| !matches!(v, Json::Null))
}

/// The text of `key`, if present: absent, `null` or blank give `None`; any other type is an
/// error naming `parent.key`.
pub(super) fn text<'a>(
    entries: &'a Entries<'_>,
    key: &str,
    parent: &str,
) -> Result<Option<&'a str>, InputError> {
    match field(entries, key) {
        None => Ok(None),
        Some(Json::Str(s)) if s.trim().is_empty() => Ok(None),
        Some(Json::Str(s)) => Ok(Some(s)),
        Some(other) => Err(InputError::new(
            join(parent, key),
            format!("expected a string, found {}", found(other)),
        )),
    }
}

/// The list of `key` (absent or `null`: empty); another type is an error naming it.
pub(super) fn list<'a, 'j>(
    entries: &'a Entries<'j>,
    key: &str,
    parent: &str,
) -> Result<&'a [Json<'j>], InputError> {
    match field(entries, key) {
        None => Ok(&[]),
        Some(Json::Array(items)) => Ok(items),
        Some(other) => Err(InputError::new(
            join(parent, key),
            format!("expected a list, found {}", found(other)),
        )),
    }
}

/// The zone of the source's local times: [`Options::assume_zone`], default `UTC`. Resolved
/// before anything is read, so a wrong option is an error even where no time needs it.
pub(super) fn zone(options: &Options) -> Result<StoreZone, InputError> {
    match options.assume_zone.as_deref() {
        None => Ok(StoreZone::utc()),
        Some(name) => StoreZone::resolve(name).map_err(|e| {
            InputError::new(
                "options.assume_zone",
                format!("the assumed zone (assume_zone): {e}"),
            )
        }),
    }
}

/// An instant of the source, as the contract writes it (RFC 3339 with an offset):
/// - with an offset (`Z`, `±hh:mm`): kept as given, its zone with it;
/// - a local date and time without one (`2018-08-01T17:19:47`): that wall-clock time in
///   `zone` (the [`Options::assume_zone`]), with a note;
/// - a date alone (`2022-07-06`): the end of that day in `zone`, with a note (a delivery
///   expected "on" a day is expected by its end).
///
/// `None` when absent (`null` or blank); another type, or a text that is none of these, is an
/// error naming `path`.
pub(super) fn instant(
    value: Option<&Json<'_>>,
    path: &str,
    zone: &StoreZone,
    notes: &mut Vec<Note>,
) -> Result<Option<String>, InputError> {
    let text = match value {
        None => return Ok(None),
        Some(Json::Str(s)) if s.trim().is_empty() => return Ok(None),
        Some(Json::Str(s)) => s.trim(),
        Some(other) => {
            return Err(InputError::new(
                path,
                format!(
                    "expected a date and time (RFC 3339), found {}",
                    found(other)
                ),
            ))
        }
    };
    if Instant::parse_rfc3339(text).is_ok() {
        return Ok(Some(text.to_owned()));
    }
    let note = |what: &str| Note {
        path: path.to_owned(),
        message: format!(
            "{what} {text:?} has no zone: taken as {} (assume_zone)",
            zone.name()
        ),
    };
    // A local time: the same text read as if it were UTC gives its wall-clock fields.
    if let Ok(as_utc) = Instant::parse_rfc3339(&format!("{text}Z")) {
        let seconds = as_utc.unix_seconds();
        let date = Date::from_days_since_epoch(seconds.div_euclid(86_400));
        let time = Time::from_seconds_of_day(seconds.rem_euclid(86_400));
        notes.push(note("the local time"));
        return Ok(Some(zone.format_rfc3339(zone.from_local(date, time))));
    }
    if let Ok(date) = Date::parse(text) {
        notes.push(Note {
            path: path.to_owned(),
            message: format!(
                "the date {text:?} has no time: taken as the end of that day in {} (assume_zone)",
                zone.name()
            ),
        });
        return Ok(Some(zone.format_rfc3339(zone.end_of_day(date))));
    }
    Err(InputError::new(
        path,
        format!(
            "expected a date and time (RFC 3339, e.g. \"2025-03-01T14:00:00-08:00\"; or a local \
             one, or a date), found {text:?}"
        ),
    ))
}

/// Whether `value` is a text instant with an offset (kept as given by [`instant`]).
pub(super) fn has_offset(value: Option<&Json<'_>>) -> bool {
    matches!(value, Some(Json::Str(s)) if Instant::parse_rfc3339(s.trim()).is_ok())
}

/// An instant from a source's UTC field that may omit the `Z` (AfterShip's
/// `shipment_pickup_date`, `shipment_delivery_date`: `2018-07-25T01:10:00` is 01:10 UTC): with
/// an offset, kept as given; without, in UTC, written with `Z` (no zone is assumed, so no
/// note). Otherwise as [`instant`] reads it in UTC.
pub(super) fn utc_instant(
    value: Option<&Json<'_>>,
    path: &str,
    notes: &mut Vec<Note>,
) -> Result<Option<String>, InputError> {
    if let Some(Json::Str(s)) = value {
        let with_z = format!("{}Z", s.trim());
        if !has_offset(value) && Instant::parse_rfc3339(&with_z).is_ok() {
            return Ok(Some(with_z));
        }
    }
    instant(value, path, &StoreZone::utc(), notes)
}

/// The tracking page, if it is an `https:` address; an `http:` link (or anything else) is
/// dropped, not followed, with a note.
pub(super) fn https_link(url: Option<&str>, path: &str, notes: &mut Vec<Note>) -> Option<String> {
    let url = url?.trim();
    if is_https_address(url) {
        return Some(url.to_owned());
    }
    let why = if url
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("http:"))
    {
        "an http: link (not https:)"
    } else {
        "not an https: address"
    };
    notes.push(Note {
        path: path.to_owned(),
        message: format!("{why}: dropped, so the shipment has no tracking_url"),
    });
    None
}

/// The shipment's `id`: [`Options::shipment_id`], else the tracking number; an error naming
/// `number_path` when there is neither.
pub(super) fn shipment_id(
    options: &Options,
    tracking_number: Option<&str>,
    number_path: &str,
) -> Result<String, InputError> {
    match (options.shipment_id.as_deref(), tracking_number) {
        (Some(id), _) if !id.trim().is_empty() => Ok(id.trim().to_owned()),
        (_, Some(number)) => Ok(number.to_owned()),
        _ => Err(InputError::new(
            number_path,
            "expected a tracking number (the shipment's id by default), found none; or give the \
             shipment's id (shipment_id, --shipment-id)",
        )),
    }
}

/// Which source's document `entries` looks like, by the fields only it has: a Shopify or
/// WooCommerce order, an EasyPost `Tracker` (or an `Event` carrying one), an AfterShip
/// `tracking`. `None` when it is none of them for sure.
pub(super) fn looks_like(entries: &Entries<'_>) -> Option<Source> {
    let has = |key: &str| entries.iter().any(|(k, _)| k == key);
    if let Some(Json::Object(inner)) = field(entries, "order") {
        return looks_like(inner).filter(|s| *s == Source::Shopify);
    }
    if let (Some(Json::Object(msg)), Some(_)) = (field(entries, "msg"), field(entries, "event")) {
        return looks_like(msg).filter(|s| *s == Source::AfterShip);
    }
    if let Some(Json::Object(data)) = field(entries, "data") {
        if let Some(Json::Object(tracking)) = field(data, "tracking") {
            return looks_like(tracking).filter(|s| *s == Source::AfterShip);
        }
    }
    if has("line_items") {
        if has("financial_status") || has("admin_graphql_api_id") || has("fulfillments") {
            return Some(Source::Shopify);
        }
        if has("order_key") || has("billing") || has("date_created_gmt") {
            return Some(Source::WooCommerce);
        }
    }
    match field(entries, "object") {
        Some(Json::Str(o)) if o == "Tracker" || o == "Event" => return Some(Source::EasyPost),
        _ => {}
    }
    if has("tracking_code") && has("tracking_details") {
        return Some(Source::EasyPost);
    }
    if has("slug") && has("tracking_number") && (has("tag") || has("checkpoints")) {
        return Some(Source::AfterShip);
    }
    None
}

/// What a source's document is, in words.
fn document_of(source: Source) -> &'static str {
    match source {
        Source::Shopify => "a Shopify order",
        Source::WooCommerce => "a WooCommerce order",
        Source::EasyPost => "an EasyPost Tracker",
        Source::AfterShip => "an AfterShip tracking",
    }
}

/// The source's document as an object; another source's document is an error saying which it
/// is ([`not_this_source`]).
pub(super) fn document<'a, 'j>(
    input: &'a Json<'j>,
    source: Source,
) -> Result<&'a Entries<'j>, InputError> {
    let top = object(
        input,
        "",
        &format!("{} (a JSON object)", document_of(source)),
    )?;
    match looks_like(top) {
        Some(other) if other != source => Err(not_this_source(other, source)),
        _ => Ok(top),
    }
}

/// The error for another source's document given to `expected`'s converter: says which it is
/// and which `--from` reads it.
pub(super) fn not_this_source(found: Source, expected: Source) -> InputError {
    InputError::new(
        "",
        format!(
            "this is {}, not {}: use --from {}",
            document_of(found),
            document_of(expected),
            found.name()
        ),
    )
}

/// A note that a source's status value is not one the converter knows: the shipment is
/// `unknown`, the value kept as `carrier_status`.
pub(super) fn unknown_value(path: &str, source: &str, value: &str) -> Note {
    Note {
        path: path.to_owned(),
        message: format!(
            "{value:?} is not a value {source} documents: the shipment is \"unknown\", with \
             carrier_status {value:?}"
        ),
    }
}

/// The shipment of the contract, field by field, in the contract's order of fields.
#[derive(Default)]
pub(super) struct Shipment {
    fields: Vec<(&'static str, Json<'static>)>,
}

impl Shipment {
    /// Sets `key` to a text; `None` leaves it out.
    pub(super) fn text(&mut self, key: &'static str, value: Option<String>) {
        if let Some(value) = value {
            self.fields.push((key, Json::Str(Cow::Owned(value))));
        }
    }

    /// The JSON tree of the shipment.
    pub(super) fn build(self) -> Json<'static> {
        Json::Object(
            self.fields
                .into_iter()
                .map(|(k, v)| (Cow::Borrowed(k), v))
                .collect(),
        )
    }
}

/// The tracker's own status (`key`: EasyPost's `status`, AfterShip's `tag`), required and not
/// blank; `expected` names its vocabulary in the error.
pub(super) fn required_status<'a>(
    entries: &'a Entries<'_>,
    key: &str,
    parent: &str,
    expected: &str,
) -> Result<&'a str, InputError> {
    match field(entries, key) {
        Some(Json::Str(s)) if !s.trim().is_empty() => Ok(s.trim()),
        Some(other) => Err(InputError::new(
            join(parent, key),
            format!(
                "expected {expected} (a non-empty string), found {}",
                found(other)
            ),
        )),
        None => Err(InputError::new(
            join(parent, key),
            format!("expected {expected}, found none"),
        )),
    }
}

/// The state `table` gives the source's `value`, and whether the table knows it; a value it
/// does not know is `unknown`, with a note ([`unknown_value`]).
pub(super) fn state_of(
    table: &[(&str, &'static str)],
    value: &str,
    path: &str,
    source: &str,
    notes: &mut Vec<Note>,
) -> (&'static str, bool) {
    match table.iter().find(|(s, _)| *s == value) {
        Some(&(_, ours)) => (ours, true),
        None => {
            notes.push(unknown_value(path, source, value));
            ("unknown", false)
        }
    }
}

/// `carrier_status`: the source's finer words (`detail`) where it has them, else its status;
/// a status the converter does not know is kept itself, whatever the detail.
pub(super) fn own_words(known: bool, detail: Option<&str>, status: &str) -> String {
    match detail {
        Some(d) if known => d.to_owned(),
        _ => status.to_owned(),
    }
}

/// One event of a tracker's history (EasyPost's scans, AfterShip's checkpoints): its status,
/// its time (checked to be one; read where used, by [`instant`]) and that time's path.
pub(super) struct Event<'a, 'j> {
    pub status: Option<&'a str>,
    pub time: Option<&'a Json<'j>>,
    pub time_path: String,
}

/// The events of the list at `key` (oldest first, as both sources write them): each an
/// object with its status at `status_key` and its time at `time_key`.
pub(super) fn events<'a, 'j>(
    entries: &'a Entries<'j>,
    parent: &str,
    (key, what): (&str, &str),
    (status_key, time_key): (&str, &str),
) -> Result<Vec<Event<'a, 'j>>, InputError> {
    let list_path = join(parent, key);
    let mut out = Vec::new();
    for (i, event) in list(entries, key, parent)?.iter().enumerate() {
        let here = format!("{list_path}[{i}]");
        let fields = object(event, &here, what)?;
        let time_path = join(&here, time_key);
        // Every time must be one, used or not (its note, if any, is made where it is used).
        instant(
            field(fields, time_key),
            &time_path,
            &StoreZone::utc(),
            &mut Vec::new(),
        )?;
        out.push(Event {
            status: text(fields, status_key, &here)?,
            time: field(fields, time_key),
            time_path,
        });
    }
    Ok(out)
}

/// The first event whose status `is_moving` says the carrier has the parcel, and has a time:
/// `shipped_at`.
pub(super) fn first_moving<'e, 'a, 'j>(
    events: &'e [Event<'a, 'j>],
    is_moving: impl Fn(&str) -> bool,
) -> Option<&'e Event<'a, 'j>> {
    events
        .iter()
        .find(|e| e.status.is_some_and(&is_moving) && e.time.is_some())
}

/// The last event with `status` and a time (the delivery scan).
pub(super) fn last_with<'e, 'a, 'j>(
    events: &'e [Event<'a, 'j>],
    status: &str,
) -> Option<&'e Event<'a, 'j>> {
    events
        .iter()
        .rev()
        .find(|e| e.status == Some(status) && e.time.is_some())
}

/// The error of a delivered tracker without a delivery time: the contract needs one (the
/// return window runs from it), and none is made up.
pub(super) fn no_delivery_time(path: String, expected: &str) -> InputError {
    InputError::new(
        path,
        format!(
            "expected {expected} (the contract needs the delivery time of a delivered \
             shipment), found none"
        ),
    )
}

/// The note that the shipment's `id` is its tracking number, the default of
/// [`Options::shipment_id`].
pub(super) const ID_IS_THE_NUMBER: &str =
    "the shipment's id is its tracking number (the default; shipment_id, --shipment-id, sets \
     another)";

/// The shipment's first fields: `id` (the option, else the tracking number, with a note),
/// `status` and `carrier`.
pub(super) fn begin(
    options: &Options,
    (number, number_path): (Option<&str>, &str),
    status: &str,
    carrier: Option<&str>,
    notes: &mut Vec<Note>,
) -> Result<Shipment, InputError> {
    let mut out = Shipment::default();
    let id = shipment_id(options, number, number_path)?;
    if Some(id.as_str()) == number && options.shipment_id.is_none() {
        notes.push(Note {
            path: number_path.to_owned(),
            message: ID_IS_THE_NUMBER.to_owned(),
        });
    }
    out.text("id", Some(id));
    out.text("status", Some(status.to_owned()));
    out.text("carrier", carrier.map(str::to_owned));
    Ok(out)
}
