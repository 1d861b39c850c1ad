//! One shipment of the contract from an EasyPost `Tracker` (or a webhook `Event` whose
//! `result` is one). The statuses and status details are EasyPost's API reference's
//! (<https://docs.easypost.com/docs/trackers>, "Tracker object": `status`, `status_detail`);
//! the table is in docs/import.md, "EasyPost".

use super::tracking::{self, field, join, object, text};
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

/// Whether a scan's status says the carrier has the parcel (the first such scan is
/// `shipped_at`).
fn is_moving(status: &str) -> bool {
    let moving =
        "in_transit out_for_delivery available_for_pickup delivered return_to_sender failure";
    moving.split(' ').any(|m| m == status)
}

/// One shipment of the contract from an EasyPost `Tracker`; what it assumed goes into `notes`.
pub(super) fn shipment(
    input: &Json<'_>,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    let zone = tracking::zone(options)?;
    let top = tracking::document(input, Source::EasyPost)?;
    // A webhook Event carries the Tracker in `result`.
    let (tracker, at) = match text(top, "object", "")? {
        Some("Event") => match field(top, "result") {
            Some(result) => {
                let tracker = object(result, "result", "the Event's Tracker")?;
                match text(tracker, "object", "result")? {
                    Some("Tracker") | None => (tracker, "result"),
                    Some(other) => {
                        return Err(InputError::new(
                            "result.object",
                            format!("expected the Event's \"Tracker\", found {other:?}"),
                        ))
                    }
                }
            }
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
                format!("expected \"Tracker\" (or an \"Event\" carrying one), found {other:?}"),
            ))
        }
    };
    let path = |key: &str| join(at, key);

    let status_value =
        tracking::required_status(tracker, "status", at, "one of EasyPost's statuses")?;
    let detail = text(tracker, "status_detail", at)?;
    if let Some(d) = detail.filter(|d| !STATUS_DETAILS.contains(d)) {
        notes.push(Note {
            path: path("status_detail"),
            message: format!(
                "{d:?} is not a status detail EasyPost documents: kept as carrier_status"
            ),
        });
    }
    let (state, known) =
        tracking::state_of(&STATUSES, status_value, &path("status"), "EasyPost", notes);
    let (status, exception_kind) = match state {
        "exception" => failure(detail),
        other => (other, None),
    };

    let number = text(tracker, "tracking_code", at)?;
    let mut out = tracking::begin(
        options,
        (number, &path("tracking_code")),
        status,
        text(tracker, "carrier", at)?,
        notes,
    )?;
    // The scans, in EasyPost's order (oldest first).
    let scans = tracking::events(
        tracker,
        at,
        ("tracking_details", "a TrackingDetail (a JSON object)"),
        ("status", "datetime"),
    )?;
    let shipped_at = match tracking::first_moving(&scans, is_moving) {
        Some(scan) => tracking::instant(scan.time, &scan.time_path, &zone, notes)?,
        None => None,
    };
    out.text("shipped_at", shipped_at);
    if status == "delivered" {
        let delivered_at = match tracking::last_with(&scans, "delivered") {
            Some(scan) => tracking::instant(scan.time, &scan.time_path, &zone, notes)?,
            None => None,
        };
        let Some(delivered_at) = delivered_at else {
            return Err(tracking::no_delivery_time(
                path("tracking_details"),
                "a scan with status \"delivered\" and its datetime",
            ));
        };
        out.text("delivered_at", Some(delivered_at));
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
    out.text(
        "carrier_status",
        Some(tracking::own_words(known, detail, status_value)),
    );
    out.text("exception_kind", exception_kind.map(str::to_owned));
    Ok(out.build())
}
