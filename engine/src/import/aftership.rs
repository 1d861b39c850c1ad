//! One shipment of the contract from an AfterShip `tracking` (the object, the API's response
//! `{"data": {"tracking": {...}}}`, or a webhook's body `{"event": ..., "msg": {...}}`). The tags and subtags are AfterShip's API
//! reference's (<https://www.aftership.com/docs/tracking/enum/delivery-statuses> and
//! `.../delivery-sub-statuses`); the table is in docs/import.md, "AfterShip".

use super::tracking::{self, field, join, object, text, Entries};
use super::{Note, Options, Source};
use crate::json::Json;
use crate::InputError;

/// AfterShip's `tag` values and the contract's state for each (`Exception` is refined by its
/// subtag: [`exception`]). `Pending` (no information yet) and `Expired` (no news for 30 days)
/// say nothing of where the parcel is: `unknown`, with the tag or subtag as `carrier_status`.
const TAGS: [(&str, &str); 9] = [
    ("Pending", "unknown"),
    ("InfoReceived", "staged"),
    ("InTransit", "in_transit"),
    ("OutForDelivery", "out_for_delivery"),
    ("AttemptFail", "attempted_delivery"),
    ("Delivered", "delivered"),
    ("AvailableForPickup", "available_for_pickup"),
    ("Exception", "exception"),
    ("Expired", "unknown"),
];

/// The `Exception` subtags: the contract's state and `exception_kind` for each (kind `None`:
/// not said, i.e. `other`). `Exception_003` (the recipient refused it) is `refused`;
/// `Exception_008` (pick-up missed: not collected in time) and `Exception_010` are on their way
/// back; `Exception_011` is back with the sender.
const EXCEPTION_SUBTAGS: [(&str, &str, Option<&str>); 16] = [
    ("Exception_001", "exception", None),
    ("Exception_002", "exception", Some("action_required")), // customer moved
    ("Exception_003", "refused", None),
    ("Exception_004", "exception", Some("customs")), // delayed: customs clearance
    ("Exception_005", "exception", None),            // delayed: external factors
    ("Exception_006", "exception", Some("action_required")), // held for payment
    ("Exception_007", "exception", Some("action_required")), // incorrect address
    ("Exception_008", "returning_to_sender", None),  // pick-up missed
    ("Exception_009", "exception", None),            // rejected by the carrier
    ("Exception_010", "returning_to_sender", None),
    ("Exception_011", "returned_to_sender", None),
    ("Exception_012", "exception", Some("damaged")),
    ("Exception_013", "exception", Some("lost")),
    ("Exception_016", "exception", None), // delayed: processing issue
    ("Exception_017", "exception", None), // delayed: extreme weather
    ("Exception_018", "exception", Some("customs")), // incorrect or missing documents
];

/// An `Exception` by its subtag; one AfterShip does not document (or none) is an exception of
/// a kind not said, with a note when there was a subtag.
fn exception(
    subtag: Option<&str>,
    path: &str,
    notes: &mut Vec<Note>,
) -> (&'static str, Option<&'static str>) {
    match subtag {
        None => ("exception", None),
        Some(sub) => match EXCEPTION_SUBTAGS.iter().find(|(s, _, _)| *s == sub) {
            Some(&(_, status, kind)) => (status, kind),
            None => {
                notes.push(Note {
                    path: path.to_owned(),
                    message: format!(
                        "{sub:?} is not an Exception subtag AfterShip documents: an exception of \
                         a kind not said, with carrier_status {sub:?}"
                    ),
                });
                ("exception", None)
            }
        },
    }
}

/// Whether a checkpoint's tag says the carrier has the parcel (the first such checkpoint is
/// `shipped_at` when `shipment_pickup_date` is absent): any but `Pending`, `InfoReceived`,
/// `Expired` (and a tag AfterShip does not document).
fn is_moving(tag: &str) -> bool {
    TAGS.iter()
        .any(|(t, _)| *t == tag && !matches!(tag, "Pending" | "InfoReceived" | "Expired"))
}

/// The tracking inside the document (the object itself, the API reply's `data.tracking`, or a
/// webhook body's `msg`), and its path.
fn the_tracking<'a, 'j>(
    top: &'a Entries<'j>,
) -> Result<(&'a Entries<'j>, &'static str), InputError> {
    // A webhook's body: the tracking is its `msg`.
    if let (Some(msg), Some(_)) = (field(top, "msg"), field(top, "event")) {
        return Ok((
            object(msg, "msg", "the webhook's tracking (a JSON object)")?,
            "msg",
        ));
    }
    let Some(data) = field(top, "data") else {
        return Ok((top, ""));
    };
    let data = object(data, "data", "the response's data (a JSON object)")?;
    match field(data, "tracking") {
        Some(t) => Ok((
            object(t, "data.tracking", "an AfterShip tracking (a JSON object)")?,
            "data.tracking",
        )),
        None if field(data, "trackings").is_some() => Err(InputError::new(
            "data.trackings",
            "expected one tracking (data.tracking), found a list of trackings: give one of them",
        )),
        None => Err(InputError::new(
            "data.tracking",
            "expected an AfterShip tracking, found none",
        )),
    }
}

/// One shipment of the contract from an AfterShip `tracking`; what it assumed goes into `notes`.
pub(super) fn shipment(
    input: &Json<'_>,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    let zone = tracking::zone(options)?;
    let top = tracking::document(input, Source::AfterShip)?;
    let (t, at) = the_tracking(top)?;
    let path = |key: &str| join(at, key);

    let tag = tracking::required_status(t, "tag", at, "one of AfterShip's tags")?;
    let subtag = text(t, "subtag", at)?;
    let (state, known) = tracking::state_of(&TAGS, tag, &path("tag"), "AfterShip", notes);
    let (status, exception_kind) = match state {
        "exception" => exception(subtag, &path("subtag"), notes),
        other => (other, None),
    };

    let number = text(t, "tracking_number", at)?;
    let mut out = tracking::begin(
        options,
        (number, &path("tracking_number")),
        status,
        carrier_name(text(t, "slug", at)?, &path("slug"), notes),
        notes,
    )?;
    // The checkpoints, in AfterShip's order (oldest first).
    let checkpoints = tracking::events(
        t,
        at,
        ("checkpoints", "a checkpoint (a JSON object)"),
        ("tag", "checkpoint_time"),
    )?;
    // AfterShip's own pickup time (UTC), else the first checkpoint where the carrier has it.
    let pickup = tracking::utc_instant(
        field(t, "shipment_pickup_date"),
        &path("shipment_pickup_date"),
        notes,
    )?;
    let shipped_at = match (pickup, tracking::first_moving(&checkpoints, is_moving)) {
        (Some(pickup), _) => Some(pickup),
        (None, Some(c)) => tracking::instant(c.time, &c.time_path, &zone, notes)?,
        (None, None) => None,
    };
    out.text("shipped_at", shipped_at);
    if status == "delivered" {
        // The last Delivered checkpoint with its offset (its zone kept); else AfterShip's UTC
        // delivery time; else that checkpoint's local time in the assumed zone.
        let scan = tracking::last_with(&checkpoints, "Delivered");
        let utc = tracking::utc_instant(
            field(t, "shipment_delivery_date"),
            &path("shipment_delivery_date"),
            notes,
        )?;
        let delivered_at = match scan {
            Some(c) if tracking::has_offset(c.time) => {
                tracking::instant(c.time, &c.time_path, &zone, notes)?
            }
            _ if utc.is_some() => utc,
            Some(c) => tracking::instant(c.time, &c.time_path, &zone, notes)?,
            None => None,
        };
        let Some(delivered_at) = delivered_at else {
            return Err(tracking::no_delivery_time(
                path("checkpoints"),
                "a checkpoint tagged \"Delivered\" with its checkpoint_time, or \
                 shipment_delivery_date",
            ));
        };
        out.text("delivered_at", Some(delivered_at));
    }
    out.text(
        "estimated_delivery",
        estimated_delivery(t, at, &zone, notes)?,
    );
    out.text("tracking_number", number.map(str::to_owned));
    out.text(
        "tracking_url",
        tracking::https_link(
            text(t, "courier_tracking_link", at)?,
            &path("courier_tracking_link"),
            notes,
        ),
    );
    out.text(
        "carrier_status",
        Some(tracking::own_words(known, subtag, tag)),
    );
    if status == "available_for_pickup" {
        out.text(
            "pickup_location",
            text(t, "pickup_location", at)?.map(str::to_owned),
        );
    }
    out.text("exception_kind", exception_kind.map(str::to_owned));
    Ok(out.build())
}

/// AfterShip courier slugs → the carrier's name as customers know it (AfterShip's courier
/// list, `GET /couriers/all`, `name`). The tracking object gives only the slug (`postnl-3s`),
/// which is not a name to show.
const COURIERS: [(&str, &str); 18] = [
    ("postnl", "PostNL"),
    ("postnl-3s", "PostNL"),
    ("postnl-international", "PostNL"),
    ("dhl", "DHL"),
    ("dhl-germany", "DHL"),
    ("dpd", "DPD"),
    ("dpd-uk", "DPD"),
    ("gls", "GLS"),
    ("ups", "UPS"),
    ("fedex", "FedEx"),
    ("usps", "USPS"),
    ("royal-mail", "Royal Mail"),
    ("parcelforce", "Parcelforce"),
    ("hermes-de", "Hermes"),
    ("evri", "Evri"),
    ("bpost", "bpost"),
    ("colissimo", "Colissimo"),
    ("canada-post", "Canada Post"),
];

/// The carrier's name for a courier `slug` by [`COURIERS`] (the table in docs/import.md); a
/// slug the table does not have is not a name: no `carrier`, and a note keeping the slug.
fn carrier_name(slug: Option<&str>, path: &str, notes: &mut Vec<Note>) -> Option<&'static str> {
    let slug = slug.map(str::trim).filter(|s| !s.is_empty())?;
    let name = COURIERS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(slug))
        .map(|(_, name)| *name);
    if name.is_none() {
        notes.push(Note {
            path: path.to_owned(),
            message: format!("carrier: the courier slug {slug:?} is not one the converter can name (AfterShip's tracking gives no courier name); no carrier is given (a slug is not a name to show; the order's carrier, if it has one, names it)"),
        });
    }
    name
}

/// `expected_delivery`, else `latest_estimated_delivery.datetime` (AfterShip's newer field).
fn estimated_delivery(
    t: &Entries<'_>,
    at: &str,
    zone: &crate::StoreZone,
    notes: &mut Vec<Note>,
) -> Result<Option<String>, InputError> {
    let expected = join(at, "expected_delivery");
    if let Some(found) = tracking::instant(field(t, "expected_delivery"), &expected, zone, notes)? {
        return Ok(Some(found));
    }
    let latest = join(at, "latest_estimated_delivery");
    match field(t, "latest_estimated_delivery") {
        None => Ok(None),
        Some(value) => {
            let entries = object(value, &latest, "an estimate (a JSON object)")?;
            tracking::instant(
                field(entries, "datetime"),
                &join(&latest, "datetime"),
                zone,
                notes,
            )
        }
    }
}
