//! One shipment of the contract from an AfterShip `tracking` (the object, or the API's
//! response `{"data": {"tracking": {...}}}`). The tags and subtags are AfterShip's API
//! reference's (<https://www.aftership.com/docs/tracking/enum/delivery-statuses> and
//! `.../delivery-sub-statuses`); the table is in docs/import.md, "AfterShip".

use super::tracking::{self, field, join, object, text, Entries, Shipment};
use super::{Note, Options, Source};
use crate::json::{found, Json};
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

/// The checkpoint tags that say the carrier has the parcel (the first such checkpoint is
/// `shipped_at` when `shipment_pickup_date` is absent).
const MOVING: [&str; 6] = [
    "InTransit",
    "OutForDelivery",
    "AttemptFail",
    "Delivered",
    "AvailableForPickup",
    "Exception",
];

/// The tracking inside the document, and its path.
fn the_tracking<'a, 'j>(
    top: &'a Entries<'j>,
) -> Result<(&'a Entries<'j>, &'static str), InputError> {
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
    let top = object(input, "", "an AfterShip tracking (a JSON object)")?;
    match tracking::looks_like(top) {
        Some(Source::AfterShip) | None => {}
        Some(other) => return Err(tracking::not_this_source(other, Source::AfterShip)),
    }
    let (t, at) = the_tracking(top)?;
    let path = |key: &str| join(at, key);

    let tag = match field(t, "tag") {
        Some(Json::Str(s)) if !s.trim().is_empty() => s.trim(),
        Some(other) => {
            return Err(InputError::new(
                path("tag"),
                format!(
                    "expected one of AfterShip's tags (a non-empty string), found {}",
                    found(other)
                ),
            ))
        }
        None => {
            return Err(InputError::new(
                path("tag"),
                "expected the tracking's tag (its delivery status), found none",
            ))
        }
    };
    let subtag = text(t, "subtag", at)?;
    let (status, exception_kind) = match TAGS.iter().find(|(s, _)| *s == tag) {
        Some(("Exception", _)) => exception(subtag, &path("subtag"), notes),
        Some(&(_, ours)) => (ours, None),
        None => {
            notes.push(tracking::unknown_value(&path("tag"), "AfterShip", tag));
            ("unknown", None)
        }
    };
    // The source's own words: the subtag where it has one, else the tag; a tag the converter
    // does not know is kept itself, whatever the subtag.
    let known = TAGS.iter().any(|(s, _)| *s == tag);
    let carrier_status = match subtag {
        Some(sub) if known => sub.to_owned(),
        _ => tag.to_owned(),
    };

    let number = text(t, "tracking_number", at)?;
    let mut out = Shipment::default();
    out.text(
        "id",
        Some(tracking::shipment_id(
            options,
            number,
            &path("tracking_number"),
        )?),
    );
    out.text("status", Some(status.to_owned()));
    out.text("carrier", text(t, "slug", at)?.map(str::to_owned));

    // The checkpoints, in AfterShip's order (oldest first): their tag and time (read where
    // used: with its offset as given; a local one in the assumed zone, with a note).
    let checkpoints_path = path("checkpoints");
    let mut checkpoints = Vec::new();
    for (i, checkpoint) in tracking::list(t, "checkpoints", at)?.iter().enumerate() {
        let here = format!("{checkpoints_path}[{i}]");
        let entries = object(checkpoint, &here, "a checkpoint (a JSON object)")?;
        checkpoints.push((
            text(entries, "tag", &here)?,
            field(entries, "checkpoint_time"),
            join(&here, "checkpoint_time"),
        ));
    }
    // AfterShip's own pickup time (UTC), else the first checkpoint where the carrier has it.
    let shipped_at = match tracking::utc_instant(
        field(t, "shipment_pickup_date"),
        &path("shipment_pickup_date"),
        notes,
    )? {
        Some(pickup) => Some(pickup),
        None => match checkpoints
            .iter()
            .find(|(tag, w, _)| tag.is_some_and(|tag| MOVING.contains(&tag)) && w.is_some())
        {
            Some((_, when, at)) => tracking::instant(*when, at, &zone, notes)?,
            None => None,
        },
    };
    out.text("shipped_at", shipped_at);
    if status == "delivered" {
        // The last Delivered checkpoint with its offset (its zone kept); else AfterShip's UTC
        // delivery time; else that checkpoint's local time in the assumed zone.
        let scan = checkpoints
            .iter()
            .rev()
            .find(|(tag, w, _)| *tag == Some("Delivered") && w.is_some());
        let utc = tracking::utc_instant(
            field(t, "shipment_delivery_date"),
            &path("shipment_delivery_date"),
            notes,
        )?;
        let delivered_at = match scan {
            Some((_, when, at)) if tracking::has_offset(*when) => {
                tracking::instant(*when, at, &zone, notes)?
            }
            _ if utc.is_some() => utc,
            Some((_, when, at)) => tracking::instant(*when, at, &zone, notes)?,
            None => None,
        };
        // The contract needs the delivery time of a delivered parcel (the return window runs
        // from it): none is made up.
        if delivered_at.is_none() {
            return Err(InputError::new(
                checkpoints_path,
                "expected a checkpoint tagged \"Delivered\" with its checkpoint_time, or \
                 shipment_delivery_date (the contract needs the delivery time of a delivered \
                 shipment), found neither",
            ));
        }
        out.text("delivered_at", delivered_at);
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
    out.text("carrier_status", Some(carrier_status));
    if status == "available_for_pickup" {
        out.text(
            "pickup_location",
            text(t, "pickup_location", at)?.map(str::to_owned),
        );
    }
    out.text("exception_kind", exception_kind.map(str::to_owned));
    Ok(out.build())
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
