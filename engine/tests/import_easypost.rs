//! The EasyPost converter on EasyPost's own published samples (API reference responses and
//! official SDK test fixtures: tests/fixtures/import/easypost/SOURCE.md), on variants of them
//! for every status value, and on random mutations of each.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/import_trackers.rs"]
mod trackers;

use order_help_engine::import::{Options, Source};
use serde_json::{json, Value};
use trackers::{assessable, convert, fixture, ok, shipment, with};

/// EasyPost's statuses, as its API reference lists them ("Tracker object", `status`).
const STATUSES: &str = "unknown pre_transit in_transit out_for_delivery delivered \
                        available_for_pickup return_to_sender failure cancelled error";

/// The state docs/import.md ("EasyPost", first table) gives each status: the tests hold the
/// converter to it, and it to EasyPost's list.
fn table() -> Vec<(String, String)> {
    trackers::doc_tables("EasyPost")[0]
        .iter()
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect()
}

/// The Tracker samples, by file (the webhook Event's Tracker is its `result`).
fn samples() -> Vec<(&'static str, Value)> {
    [
        "docs-trackers-retrieve.json",
        "python-cassette-tracker-retrieve.json",
        "node-cassette-tracker-unknown.json",
        "node-cassette-tracker-error.json",
        "examples-event-body.json",
        "ruby-cassette-tracker-delivered.json",
        "ruby-cassette-tracker-in-transit.json",
        "ruby-cassette-tracker-out-for-delivery.json",
    ]
    .into_iter()
    .map(|name| (name, fixture("easypost", name)))
    .collect()
}

fn tracker_of(doc: &Value) -> &Value {
    if doc["object"] == "Event" {
        &doc["result"]
    } else {
        doc
    }
}

fn state_of(status: &str) -> String {
    table().into_iter().find(|(s, _)| s == status).unwrap().1
}

#[test]
fn every_published_sample_gives_the_shipment_its_document_describes() {
    for (name, doc) in samples() {
        let (s, _) = ok(Source::EasyPost, &doc);
        let t = tracker_of(&doc);
        let status = t["status"].as_str().unwrap();
        assert_eq!(s["status"], state_of(status), "{name}");
        assert_eq!(s["id"], t["tracking_code"], "{name}");
        assert_eq!(s["tracking_number"], t["tracking_code"], "{name}");
        assert_eq!(s["carrier"], t["carrier"], "{name}");
        assert_eq!(s["tracking_url"], t["public_url"], "{name}");
        // status_detail kept as carrier_status (the status where there is none).
        let detail = t["status_detail"].as_str().unwrap_or(status);
        assert_eq!(s["carrier_status"], detail, "{name}");
        match t["est_delivery_date"].as_str() {
            Some(date) => assert_eq!(s["estimated_delivery"], date, "{name}"),
            None => assert!(s.get("estimated_delivery").is_none(), "{name}"),
        }
    }
}

#[test]
fn the_webhook_sample_ships_at_its_first_carrier_scan() {
    // examples-event-body.json: "Shipment information sent to FedEx" (pre_transit) at 15:00,
    // then "Picked up" (in_transit) at 19:27 on 2024-07-31: the carrier has it from then.
    let (s, notes) = trackers::sample(Source::EasyPost, "examples-event-body.json");
    assert_eq!(s["shipped_at"], "2024-07-31T19:27:00Z");
    assert_eq!(s["status"], "in_transit");
    assert_eq!(s["carrier_status"], "arrived_at_facility");
    assert!(notes.is_empty(), "{notes:?}");
    // Label created only (pre_transit scans): not shipped yet.
    let (s, _) = trackers::sample(Source::EasyPost, "docs-trackers-retrieve.json");
    assert!(s.get("shipped_at").is_none(), "{s}");
}

#[test]
fn the_delivered_sample_gives_its_delivery_and_first_carrier_scans() {
    // ruby-cassette-tracker-delivered.json: label (pre_transit) on 2024-06-26 and 27, the
    // first in_transit scan at 2024-06-27T17:22:10Z, delivered at 2024-06-29T08:31:10Z.
    let (s, notes) = trackers::sample(Source::EasyPost, "ruby-cassette-tracker-delivered.json");
    assert_eq!(s["status"], "delivered");
    assert_eq!(s["delivered_at"], "2024-06-29T08:31:10Z");
    assert_eq!(s["shipped_at"], "2024-06-27T17:22:10Z");
    assert_eq!(s["carrier_status"], "arrived_at_destination");
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn every_status_value_has_its_state() {
    let base = fixture("easypost", "docs-trackers-retrieve.json");
    for (status, state) in table() {
        let status = status.as_str();
        let mut doc = with(&base, "", "status", json!(status));
        doc["status_detail"] = Value::Null;
        // Each status's own scan last (a delivered one gives delivered_at).
        let mut scan = doc["tracking_details"][1].clone();
        scan["status"] = json!(status);
        scan["datetime"] = json!("2025-04-12T14:03:00Z");
        doc["tracking_details"].as_array_mut().unwrap().push(scan);
        let (s, notes) = ok(Source::EasyPost, &doc);
        assert_eq!(s["status"], state, "{status}");
        assert_eq!(s["carrier_status"], status, "{status}");
        assert!(notes.is_empty(), "{status}: {notes:?}");
        if status == "delivered" {
            assert_eq!(s["delivered_at"], "2025-04-12T14:03:00Z");
        } else {
            assert!(s.get("delivered_at").is_none(), "{status}");
        }
    }
}

#[test]
fn delivered_at_is_the_last_delivered_scan() {
    let base = fixture("easypost", "docs-trackers-retrieve.json");
    let mut doc = with(&base, "", "status", json!("delivered"));
    let scans = doc["tracking_details"].as_array_mut().unwrap();
    let mut delivered = scans[1].clone();
    delivered["status"] = json!("delivered");
    delivered["datetime"] = json!("2025-04-12T14:03:00-05:00");
    scans.push(delivered);
    let (s, notes) = ok(Source::EasyPost, &doc);
    assert_eq!(s["status"], "delivered");
    assert_eq!(
        s["delivered_at"], "2025-04-12T14:03:00-05:00",
        "the offset is kept"
    );
    assert_eq!(s["shipped_at"], "2025-04-12T14:03:00-05:00");
    assert!(notes.is_empty(), "{notes:?}");
    // Delivered without a delivered scan: no time is made up; the contract needs one.
    let doc = with(&base, "", "status", json!("delivered"));
    assert_eq!(
        trackers::error_path(Source::EasyPost, &doc),
        "tracking_details"
    );
}

#[test]
fn a_failure_by_its_status_detail() {
    let base = with(
        &fixture("easypost", "docs-trackers-retrieve.json"),
        "",
        "status",
        json!("failure"),
    );
    let table = [
        ("refused", "refused", None),
        ("damaged", "exception", Some("damaged")),
        ("lost", "exception", Some("lost")),
        ("delivery_exception", "exception", None),
        ("address_correction", "exception", None),
    ];
    for (detail, state, kind) in table {
        let (s, _) = ok(
            Source::EasyPost,
            &with(&base, "", "status_detail", json!(detail)),
        );
        assert_eq!(s["status"], state, "{detail}");
        assert_eq!(s["carrier_status"], detail, "{detail}");
        assert_eq!(
            s.get("exception_kind").and_then(Value::as_str),
            kind,
            "{detail}"
        );
    }
}

#[test]
fn an_unknown_status_is_kept_never_guessed() {
    let base = fixture("easypost", "docs-trackers-retrieve.json");
    let (s, notes) = ok(
        Source::EasyPost,
        &with(&base, "", "status", json!("held_at_customs")),
    );
    assert_eq!(s["status"], "unknown");
    assert_eq!(s["carrier_status"], "held_at_customs");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].path, "status");
    // A detail EasyPost does not document is kept, with a note; the status still decides.
    let (s, notes) = ok(
        Source::EasyPost,
        &with(&base, "", "status_detail", json!("teleported")),
    );
    assert_eq!(
        (s["status"].as_str(), s["carrier_status"].as_str()),
        (Some("staged"), Some("teleported"))
    );
    assert_eq!(notes[0].path, "status_detail");
}

#[test]
fn an_http_link_is_dropped_with_a_note() {
    let base = fixture("easypost", "docs-trackers-retrieve.json");
    let doc = with(
        &base,
        "",
        "public_url",
        json!("http://track.easypost.com/x"),
    );
    let (s, notes) = ok(Source::EasyPost, &doc);
    assert!(s.get("tracking_url").is_none(), "{s}");
    assert_eq!(notes[0].path, "public_url");
    assert!(notes[0].message.contains("http:"), "{notes:?}");
}

#[test]
fn the_shipment_id_option_and_the_assumed_zone() {
    let base = fixture("easypost", "docs-trackers-retrieve.json");
    let options = Options {
        shipment_id: Some("S1".to_owned()),
        assume_zone: Some("America/Chicago".to_owned()),
        ..Options::default()
    };
    let doc = with(&base, "", "est_delivery_date", json!("2025-05-12T17:00:00"));
    let imported = convert(Source::EasyPost, &doc, &options).unwrap();
    let s = shipment(&imported);
    assessable(&s);
    assert_eq!(s["id"], "S1");
    assert_eq!(s["tracking_number"], "EZ1000000001");
    // 17:00 in Chicago in May is CDT, UTC-5.
    assert_eq!(s["estimated_delivery"], "2025-05-12T17:00:00-05:00");
    assert_eq!(imported.notes.len(), 1);
    assert_eq!(imported.notes[0].path, "est_delivery_date");
    assert!(imported.notes[0].message.contains("America/Chicago"));
    // A time with an offset keeps it, whatever zone is assumed.
    let doc = with(
        &base,
        "",
        "est_delivery_date",
        json!("2025-05-12T17:00:00+02:00"),
    );
    let s = shipment(&convert(Source::EasyPost, &doc, &options).unwrap());
    assert_eq!(s["estimated_delivery"], "2025-05-12T17:00:00+02:00");
    // A zone that does not exist is an error naming the option.
    let bad = Options {
        assume_zone: Some("Mars/Olympus".to_owned()),
        ..Options::default()
    };
    let err = convert(Source::EasyPost, &base, &bad).unwrap_err();
    assert!(err.message.contains("assume_zone"), "{err}");
}

#[test]
fn another_platforms_document_says_which_it_is() {
    // A Shopify order (Admin REST shape) and an AfterShip tracking.
    let shopify = trackers::shopify_order();
    let err = trackers::refusal(Source::EasyPost, &shopify);
    assert!(
        err.contains("this is a Shopify order, not an EasyPost Tracker: use --from shopify"),
        "{err}"
    );
    // A WooCommerce order (REST v3 shape: its order_key, billing and line items).
    let woo = json!({"id": 727, "order_key": "wc_order_58d2d042d1d", "status": "processing",
        "billing": {"country": "US"}, "line_items": [{"id": 315, "name": "Woo Single #1"}]});
    let err = trackers::refusal(Source::EasyPost, &woo);
    assert!(
        err.contains(
            "this is a WooCommerce order, not an EasyPost Tracker: use --from woocommerce"
        ),
        "{err}"
    );
    let aftership = fixture("aftership", "sdk-nodejs-get-tracking.json");
    let err = trackers::refusal(Source::EasyPost, &aftership);
    assert!(err.contains("--from aftership"), "{err}");
    // Another EasyPost object.
    let shipment = json!({"object": "Shipment", "status": "delivered"});
    assert_eq!(trackers::error_path(Source::EasyPost, &shipment), "object");
    // An Event about something else (a batch) is no tracker either.
    let event = fixture("easypost", "examples-event-body.json");
    let batch = with(&event, "/result", "object", json!("Batch"));
    assert_eq!(
        trackers::error_path(Source::EasyPost, &batch),
        "result.object"
    );
}

#[test]
fn bad_fields_are_errors_naming_their_path() {
    let base = fixture("easypost", "docs-trackers-retrieve.json");
    let cases = [
        (with(&base, "", "status", json!(3)), "status"),
        (with(&base, "", "status", Value::Null), "status"),
        (
            with(&base, "", "tracking_code", Value::Null),
            "tracking_code",
        ),
        (
            with(&base, "/tracking_details/1", "datetime", json!("yesterday")),
            "tracking_details[1].datetime",
        ),
        (
            with(&base, "", "tracking_details", json!("none")),
            "tracking_details",
        ),
    ];
    for (doc, path) in cases {
        assert_eq!(trackers::error_path(Source::EasyPost, &doc), path);
    }
}

#[test]
fn the_docs_tables_are_what_the_converter_does() {
    let tables = trackers::doc_tables("EasyPost");
    // Every EasyPost status, each once, in the reference's order.
    let listed: Vec<String> = table().into_iter().map(|(s, _)| s).collect();
    assert_eq!(listed, STATUSES.split_whitespace().collect::<Vec<_>>());
    // And the failure table, row by row, through the converter.
    let base = with(
        &fixture("easypost", "docs-trackers-retrieve.json"),
        "",
        "status",
        json!("failure"),
    );
    for row in &tables[1] {
        let detail = if row[0] == "any other" {
            "delayed"
        } else {
            row[0].as_str()
        };
        let (s, _) = ok(
            Source::EasyPost,
            &with(&base, "", "status_detail", json!(detail)),
        );
        assert_eq!(s["status"], row[1], "{row:?}");
        let kind = s
            .get("exception_kind")
            .and_then(Value::as_str)
            .unwrap_or("");
        let documented = if row[2].starts_with("absent") {
            ""
        } else {
            row[2].as_str()
        };
        assert_eq!(kind, documented, "{row:?}");
    }
    assert_eq!(tables[1].len(), 4);
}

#[test]
fn mutations_of_every_sample_never_panic_and_mostly_convert() {
    let vocabulary: Vec<&str> = STATUSES
        .split_whitespace()
        .chain(["refused", "lost", "damaged"])
        .collect();
    let docs: Vec<Value> = samples().into_iter().map(|(_, d)| d).collect();
    trackers::mutate_samples(
        Source::EasyPost,
        &docs,
        &["status", "status_detail"],
        &vocabulary,
        200,
    );
}

#[test]
fn random_trackers_never_panic() {
    let keys = vec![
        "object",
        "status",
        "status_detail",
        "tracking_code",
        "carrier",
        "public_url",
        "est_delivery_date",
        "tracking_details",
        "datetime",
        "result",
        "order",
        "line_items",
    ];
    let words = vec![
        "Tracker",
        "Event",
        "delivered",
        "failure",
        "refused",
        "lost",
        "in_transit",
        "pre_transit",
        "2025-04-12T14:03:00Z",
        "2025-04-12T14:03:00",
        "2025-04-12",
        "https://track.easypost.com/x",
        "http://track.easypost.com/x",
        "EZ1000000001",
    ];
    // Some are trackers the converter reads through (it is not refusing everything).
    assert!(
        trackers::random_documents_never_panic(
            Source::EasyPost,
            (&["status", "tracking_code"], keys),
            words
        ) > 0
    );
}
