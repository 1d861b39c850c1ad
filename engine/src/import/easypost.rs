//! One shipment of the contract from an EasyPost `Tracker` (or a webhook `Event` whose
//! `result` is one). The statuses and status details are EasyPost's API reference's
//! (<https://docs.easypost.com/docs/trackers>, "Tracker object": `status`, `status_detail`);
//! the table is in docs/import.md, "EasyPost".

use super::tracking::{self, field, join, object, text, Shipment};
use super::{Note, Options, Source};
use crate::json::Json;
use crate::InputError;

/// EasyPost's `status` values and the contract's state for each (`failure` is refined by the
/// status detail: [`failure`]).
const STATUSES: [(&str, &str); 10] = [
    ("unknown", "unknown"),
    ("pre_transit", "staged"),
    ("in_transit", "in_transit"),
    ("out_for_delivery", "out_for_delivery"),
    ("delivered", "delivered"),
    ("available_for_pickup", "available_for_pickup"),
    ("return_to_sender", "returning_to_sender"),
    ("failure", "exception"),
    ("cancelled", "cancelled"),
    // EasyPost could not track it (e.g. a number the carrier does not know): no information.
    ("error", "unknown"),
];

/// EasyPost's `status_detail` values (API reference, and the C# SDK's `Tracker.StatusDetail`).
/// Each is kept as `carrier_status`; only [`failure`] reads some of them.
const STATUS_DETAILS: [&str; 28] = [
    "address_correction",
    "arrived_at_destination",
    "arrived_at_facility",
    "arrived_at_pickup_location",
    "awaiting_information",
    "cancelled",
    "damaged",
    "delayed",
    "delivery_exception",
    "departed_facility",
    "departed_origin_facility",
    "expired",
    "failure",
    "held",
    "in_transit",
    "label_created",
    "lost",
    "missorted",
    "out_for_delivery",
    "received_at_destination_facility",
    "received_at_origin_facility",
    "refused",
    "return",
    "status_update",
    "transferred_to_destination_carrier",
    "transit_exception",
    "unknown",
    "weather_delay",
];

/// A `failure` by its status detail: `refused` is the recipient's refusal (the contract's
/// `refused`); `damaged` and `lost` are exceptions of that kind; any other detail is an
/// exception whose kind the tracker does not say (absent: `other`).
fn failure(detail: Option<&str>) -> (&'static str, Option<&'static str>) {
    match detail {
        Some("refused") => ("refused", None),
        Some("damaged") => ("exception", Some("damaged")),
        Some("lost") => ("exception", Some("lost")),
        _ => ("exception", None),
    }
}

/// The tracking details' statuses that say the carrier has the parcel (the first such scan is
/// `shipped_at`).
const MOVING: [&str; 6] = [
    "in_transit",
    "out_for_delivery",
    "available_for_pickup",
    "delivered",
    "return_to_sender",
    "failure",
];

/// One shipment of the contract from an EasyPost `Tracker`; what it assumed goes into `notes`.
pub(super) fn shipment(
    input: &Json<'_>,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    let zone = tracking::zone(options)?;
    let top = object(input, "", "an EasyPost Tracker (a JSON object)")?;
    match tracking::looks_like(top) {
        Some(Source::EasyPost) | None => {}
        Some(other) => return Err(tracking::not_this_source(other, Source::EasyPost)),
    }
    // A webhook Event carries the Tracker in `result`.
    let (tracker, at) = match text(top, "object", "")? {
        Some("Event") => match field(top, "result") {
            Some(result) => (object(result, "result", "the Event's Tracker")?, "result"),
            None => {
                return Err(InputError::new(
                    "result",
                    "expected the Event's Tracker, found none",
                ))
            }
        },
        Some("Tracker") | None => (top, ""),
        Some(other) => {
            return Err(InputError::new(
                "object",
                format!(
                "expected an EasyPost \"Tracker\" (or an \"Event\" carrying one), found {other:?}"
            ),
            ))
        }
    };
    let path = |key: &str| join(at, key);

    let status_value = match field(tracker, "status") {
        Some(Json::Str(s)) if !s.trim().is_empty() => s.trim(),
        Some(other) => {
            return Err(InputError::new(
                path("status"),
                format!(
                    "expected one of EasyPost's statuses (a non-empty string), found {}",
                    crate::json::found(other)
                ),
            ))
        }
        None => {
            return Err(InputError::new(
                path("status"),
                "expected the Tracker's status, found none",
            ))
        }
    };
    let detail = text(tracker, "status_detail", at)?;
    if let Some(d) = detail.filter(|d| !STATUS_DETAILS.contains(d)) {
        notes.push(Note {
            path: path("status_detail"),
            message: format!(
                "{d:?} is not a status detail EasyPost documents: kept as carrier_status"
            ),
        });
    }
    let (status, exception_kind) = match STATUSES.iter().find(|(s, _)| *s == status_value) {
        Some(("failure", _)) => failure(detail),
        Some((_, ours)) => (*ours, None),
        None => {
            notes.push(tracking::unknown_value(
                &path("status"),
                "EasyPost",
                status_value,
            ));
            ("unknown", None)
        }
    };
    // The source's own words: the detail where it has one, else the status.
    // The source's own words: the detail where it has one, else the status; a status the
    // converter does not know is kept itself, whatever the detail.
    let known = STATUSES.iter().any(|(s, _)| *s == status_value);
    let carrier_status = match detail {
        Some(d) if known => d.to_owned(),
        _ => status_value.to_owned(),
    };

    let number = text(tracker, "tracking_code", at)?;
    let mut out = Shipment::default();
    out.text(
        "id",
        Some(tracking::shipment_id(
            options,
            number,
            &path("tracking_code"),
        )?),
    );
    out.text("status", Some(status.to_owned()));
    out.text("carrier", text(tracker, "carrier", at)?.map(str::to_owned));

    // The scans, in EasyPost's order (oldest first): their status and datetime.
    let details_path = path("tracking_details");
    let mut scans = Vec::new();
    for (i, scan) in tracking::list(tracker, "tracking_details", at)?
        .iter()
        .enumerate()
    {
        let here = format!("{details_path}[{i}]");
        let entries = object(scan, &here, "a TrackingDetail (a JSON object)")?;
        let scan_status = text(entries, "status", &here)?;
        let when = tracking::instant(
            field(entries, "datetime"),
            &join(&here, "datetime"),
            &zone,
            notes,
        )?;
        scans.push((scan_status, when));
    }
    let shipped_at = scans
        .iter()
        .find(|(s, w)| s.is_some_and(|s| MOVING.contains(&s)) && w.is_some())
        .and_then(|(_, w)| w.clone());
    out.text("shipped_at", shipped_at);
    if status == "delivered" {
        let delivered_at = scans
            .iter()
            .rev()
            .find(|(s, w)| *s == Some("delivered") && w.is_some())
            .and_then(|(_, w)| w.clone());
        // The contract needs the delivery time of a delivered parcel (the return window runs
        // from it): none is made up.
        if delivered_at.is_none() {
            return Err(InputError::new(
                details_path,
                "expected a scan with status \"delivered\" and its datetime (the contract needs \
                 the delivery time of a delivered shipment), found none",
            ));
        }
        out.text("delivered_at", delivered_at);
    }
    out.text(
        "estimated_delivery",
        tracking::instant(
            field(tracker, "est_delivery_date"),
            &path("est_delivery_date"),
            &zone,
            notes,
        )?,
    );
    out.text("tracking_number", number.map(str::to_owned));
    out.text(
        "tracking_url",
        tracking::https_link(text(tracker, "public_url", at)?, &path("public_url"), notes),
    );
    out.text("carrier_status", Some(carrier_status));
    out.text("exception_kind", exception_kind.map(str::to_owned));
    Ok(out.build())
}
