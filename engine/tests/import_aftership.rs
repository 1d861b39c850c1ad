//! The AfterShip converter on AfterShip's own published samples (its official SDKs' test
//! fixtures: tests/fixtures/import/aftership/SOURCE.md), on variants of them for every tag and
//! every Exception subtag, and on random mutations of each.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/import_trackers.rs"]
mod trackers;

use order_help_engine::import::{Options, Source};
use order_help_engine::Instant;
use serde_json::{json, Value};
use trackers::{convert, fixture, ok, shipment, with};

/// AfterShip's tags, as its API reference lists them ("Delivery statuses").
const TAGS: &str = "Pending InfoReceived InTransit OutForDelivery AttemptFail Delivered \
                    AvailableForPickup Exception Expired";

/// The Exception subtags AfterShip's API reference lists ("Delivery sub-statuses").
const EXCEPTIONS: &str = "001 002 003 004 005 006 007 008 009 010 011 012 013 016 017 018";

/// docs/import.md's "AfterShip" tables: each tag's state, each Exception subtag's state and
/// kind (empty: not said). The tests hold the converter to them, and them to AfterShip's lists.
fn tag_table() -> Vec<(String, String)> {
    trackers::doc_tables("AfterShip")[0]
        .iter()
        .map(|row| (row[0].clone(), row[1].clone()))
        .collect()
}

fn exception_table() -> Vec<(String, String, String)> {
    trackers::doc_tables("AfterShip")[1]
        .iter()
        .map(|row| (row[0].clone(), row[2].clone(), row[3].clone()))
        .collect()
}

/// Every published tracking, as `{"data": {"tracking": …}}` (a list response's trackings one
/// by one), by file.
fn samples() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for name in [
        "java-create-tracking-result.json",
        "java-get-tracking-result.json",
        "java-mark-as-completed-result.json",
        "sdk-nodejs-get-tracking.json",
        "python-cassette-get-tracking.json",
        "python-cassette-update-tracking.json",
    ] {
        out.push((name.to_owned(), fixture("aftership", name)));
    }
    for name in [
        "java-get-trackings-result.json",
        "sdk-nodejs-list-trackings.json",
    ] {
        let list = fixture("aftership", name);
        for (i, t) in list["data"]["trackings"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            out.push((format!("{name}#{i}"), json!({"data": {"tracking": t}})));
        }
    }
    out
}

fn state_of(tag: &str, subtag: Option<&str>) -> (String, Option<String>) {
    if tag == "Exception" {
        let (_, state, kind) = exception_table()
            .into_iter()
            .find(|(s, _, _)| Some(s.as_str()) == subtag)
            .unwrap();
        return (state, Some(kind).filter(|k| !k.is_empty()));
    }
    let state = tag_table().into_iter().find(|(t, _)| t == tag).unwrap().1;
    (state, None)
}

fn same_instant(a: &Value, b: &str) -> bool {
    Instant::parse_rfc3339(a.as_str().unwrap()).unwrap() == Instant::parse_rfc3339(b).unwrap()
}

#[test]
fn every_published_sample_gives_the_shipment_its_document_describes() {
    let all = samples();
    assert_eq!(all.len(), 10);
    for (name, doc) in all {
        let (s, _) = ok(Source::AfterShip, &doc);
        let t = &doc["data"]["tracking"];
        let (state, kind) = state_of(t["tag"].as_str().unwrap(), t["subtag"].as_str());
        assert_eq!(s["status"], state, "{name}");
        assert_eq!(
            s.get("exception_kind").and_then(Value::as_str),
            kind.as_deref(),
            "{name}"
        );
        assert_eq!(s["id"], t["tracking_number"], "{name}");
        assert_eq!(s["tracking_number"], t["tracking_number"], "{name}");
        // The courier's name (AfterShip's courier list), never its slug.
        let slug = t["slug"].as_str().unwrap_or("");
        assert_eq!(
            s.get("carrier").and_then(Value::as_str),
            courier_name(slug),
            "{name}: slug {slug:?}"
        );
        // The courier's page if https:, else none (an http: one is dropped).
        let link = t["courier_tracking_link"]
            .as_str()
            .filter(|l| l.starts_with("https://"));
        assert_eq!(
            s.get("tracking_url").and_then(Value::as_str),
            link,
            "{name}"
        );
        assert_eq!(s["carrier_status"], t["subtag"], "{name}");
    }
}

#[test]
fn the_delivered_sample_keeps_the_checkpoint_zone_and_reads_the_utc_dates() {
    // java-get-tracking-result.json: the last checkpoint, "Delivered" at 10:10 in Japan
    // (+09:00); AfterShip's shipment_delivery_date "2018-07-25T01:10:00" is the same instant
    // in UTC, and shipment_pickup_date "2018-07-23T08:58:00" the InTransit_002 checkpoint's
    // 16:58 +08:00.
    let (s, notes) = trackers::sample(Source::AfterShip, "java-get-tracking-result.json");
    assert_eq!(s["delivered_at"], "2018-07-25T10:10:00+09:00");
    assert!(same_instant(&s["delivered_at"], "2018-07-25T01:10:00Z"));
    assert_eq!(s["shipped_at"], "2018-07-23T08:58:00Z");
    assert!(same_instant(&s["shipped_at"], "2018-07-23T16:58:00+08:00"));
    assert!(notes.is_empty(), "{notes:?}");
    // sdk-nodejs-get-tracking.json has no Delivered checkpoint: its shipment_delivery_date
    // "2018-08-01T17:19:47" in UTC is its first_attempted_at "2018-08-01T13:19:47-04:00".
    let (s, notes) = trackers::sample(Source::AfterShip, "sdk-nodejs-get-tracking.json");
    assert!(same_instant(
        &s["delivered_at"],
        "2018-08-01T13:19:47-04:00"
    ));
    // Its estimate is a date alone: the end of that day, with a note.
    assert_eq!(s["estimated_delivery"], "2022-07-06T23:59:59+00:00");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        notes[0].path,
        "data.tracking.latest_estimated_delivery.datetime"
    );
}

/// The names AfterShip's courier list (`GET /couriers/all`) gives the samples' slugs.
fn courier_name(slug: &str) -> Option<&'static str> {
    match slug {
        "fedex" => Some("FedEx"),
        "ups" => Some("UPS"),
        "usps" => Some("USPS"),
        "postnl-3s" => Some("PostNL"),
        _ => None,
    }
}

/// A slug the converter cannot name is not shown as a name: no carrier, the slug in a note at
/// its path.
#[test]
fn an_unknown_courier_slug_is_no_carrier_and_a_note() {
    let mut doc = fixture("aftership", "python-cassette-get-tracking.json");
    doc["data"]["tracking"]["slug"] = json!("acme-express-7x");
    let (s, notes) = ok(Source::AfterShip, &doc);
    assert!(s.get("carrier").is_none(), "{s}");
    let note = notes
        .iter()
        .find(|n| n.path == "data.tracking.slug")
        .unwrap_or_else(|| panic!("{notes:?}"));
    assert!(
        note.message.contains("\"acme-express-7x\""),
        "{}",
        note.message
    );
}

#[test]
fn the_postnl_sample_drops_its_http_link_and_keeps_its_zones() {
    // python-cassette-get-tracking.json: PostNL, in transit, its courier link
    // "http://www.postnl.nl/voorthuis/", shipment_pickup_date "2021-03-22T18:33:57+01:00".
    let (s, notes) = trackers::sample(Source::AfterShip, "python-cassette-get-tracking.json");
    assert_eq!(s["status"], "in_transit");
    assert_eq!(s["carrier"], "PostNL", "the slug postnl-3s is not shown");
    assert_eq!(s["shipped_at"], "2021-03-22T18:33:57+01:00");
    assert!(s.get("tracking_url").is_none(), "{s}");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].path, "data.tracking.courier_tracking_link");
    assert!(notes[0].message.starts_with("an http: link"), "{notes:?}");
    // The same tracking, its times in UTC: the same instants.
    let (utc, _) = trackers::sample(Source::AfterShip, "python-cassette-update-tracking.json");
    assert!(same_instant(
        &utc["shipped_at"],
        "2021-03-22T18:33:57+01:00"
    ));
}

#[test]
fn every_tag_has_its_state() {
    let base = fixture("aftership", "java-get-tracking-result.json");
    for (tag, state) in tag_table() {
        let (tag, state) = (tag.as_str(), state.as_str());
        let doc = with(
            &with(&base, "/data/tracking", "tag", json!(tag)),
            "/data/tracking",
            "subtag",
            json!(format!("{tag}_001")),
        );
        let (s, _) = ok(Source::AfterShip, &doc);
        let expected = if tag == "Exception" {
            "exception"
        } else {
            state
        };
        assert_eq!(s["status"], expected, "{tag}");
        assert_eq!(s["carrier_status"], format!("{tag}_001"), "{tag}");
        // Where it waits, only when it waits.
        match tag {
            "AvailableForPickup" => assert_eq!(s["pickup_location"], "Flagship Store"),
            _ => assert!(s.get("pickup_location").is_none(), "{tag}"),
        }
    }
}

#[test]
fn every_exception_subtag_decides_state_and_kind() {
    let base = fixture("aftership", "java-mark-as-completed-result.json");
    for (subtag, state, kind) in exception_table() {
        let kind = Some(kind.as_str()).filter(|k| !k.is_empty());
        let (s, notes) = ok(
            Source::AfterShip,
            &with(&base, "/data/tracking", "subtag", json!(subtag)),
        );
        assert_eq!(s["status"], state, "{subtag}");
        assert_eq!(
            s.get("exception_kind").and_then(Value::as_str),
            kind,
            "{subtag}"
        );
        assert_eq!(s["carrier_status"], subtag);
        assert!(notes.is_empty(), "{subtag}: {notes:?}");
    }
    // One AfterShip does not document: an exception of a kind not said, with a note.
    let (s, notes) = ok(
        Source::AfterShip,
        &with(&base, "/data/tracking", "subtag", json!("Exception_099")),
    );
    assert_eq!(s["status"], "exception");
    assert!(s.get("exception_kind").is_none());
    assert_eq!(notes[0].path, "data.tracking.subtag");
}

#[test]
fn a_webhook_body_gives_the_same_shipment() {
    // AfterShip's webhook posts the tracking as `msg` (API reference, "Webhook
    // specifications"): the published tracking, delivered that way.
    let reply = fixture("aftership", "java-get-tracking-result.json");
    let body = json!({"event": "tracking_update", "event_id": "e1", "ts": 1532481000,
                      "msg": reply["data"]["tracking"]});
    let (from_webhook, notes) = ok(Source::AfterShip, &body);
    let (from_reply, _) = ok(Source::AfterShip, &reply);
    assert_eq!(from_webhook, from_reply);
    assert!(notes.is_empty(), "{notes:?}");
    let cut = with(&body, "/msg", "tag", Value::Null);
    assert_eq!(trackers::error_path(Source::AfterShip, &cut), "msg.tag");
}

#[test]
fn an_unknown_tag_is_kept_never_guessed() {
    let base = fixture("aftership", "java-get-tracking-result.json");
    let (s, notes) = ok(
        Source::AfterShip,
        &with(&base, "/data/tracking", "tag", json!("Teleported")),
    );
    assert_eq!(s["status"], "unknown");
    assert_eq!(s["carrier_status"], "Teleported");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].path, "data.tracking.tag");
}

#[test]
fn a_local_checkpoint_time_takes_the_assumed_zone_with_a_note() {
    // Without AfterShip's UTC pickup date, the first checkpoint where the carrier has it is
    // the ship date; written without a zone, it is read in the assumed zone.
    let mut doc = fixture("aftership", "java-get-tracking-result.json");
    let t = doc["data"]["tracking"].as_object_mut().unwrap();
    t.remove("shipment_pickup_date");
    t["checkpoints"][1]["checkpoint_time"] = json!("2018-07-23T16:58:00");
    let options = Options {
        assume_zone: Some("Asia/Shanghai".to_owned()),
        ..Options::default()
    };
    let imported = convert(Source::AfterShip, &doc, &options).unwrap();
    let s = shipment(&imported);
    trackers::assessable(&s);
    assert_eq!(s["shipped_at"], "2018-07-23T16:58:00+08:00");
    let notes = trackers::without_the_id_note(imported.notes);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        notes[0].path,
        "data.tracking.checkpoints[1].checkpoint_time"
    );
    assert!(notes[0].message.contains("Asia/Shanghai"));
}

#[test]
fn an_http_link_is_dropped_and_the_shipment_id_option_wins() {
    let base = fixture("aftership", "java-get-tracking-result.json");
    let doc = with(
        &base,
        "/data/tracking",
        "courier_tracking_link",
        json!("http://www.fedex.com/x"),
    );
    let options = Options {
        shipment_id: Some("parcel-2".to_owned()),
        ..Options::default()
    };
    let imported = convert(Source::AfterShip, &doc, &options).unwrap();
    let s = shipment(&imported);
    assert!(s.get("tracking_url").is_none(), "{s}");
    assert_eq!(s["id"], "parcel-2");
    assert_eq!(
        imported.notes[0].path,
        "data.tracking.courier_tracking_link"
    );
}

#[test]
fn what_is_not_one_aftership_tracking_says_so() {
    let shopify = trackers::shopify_order();
    let err = trackers::refusal(Source::AfterShip, &shopify);
    assert!(
        err.contains("this is a Shopify order, not an AfterShip tracking: use --from shopify"),
        "{err}"
    );
    let easypost = fixture("easypost", "docs-trackers-retrieve.json");
    let err = trackers::refusal(Source::AfterShip, &easypost);
    assert!(err.contains("--from easypost"), "{err}");
    let list = fixture("aftership", "java-get-trackings-result.json");
    assert_eq!(
        trackers::error_path(Source::AfterShip, &list),
        "data.trackings"
    );
    // The SDK's mark-as-completed reply holds a cut tracking, without its tag.
    let cut = fixture("aftership", "sdk-nodejs-mark-as-completed.json");
    assert_eq!(
        trackers::error_path(Source::AfterShip, &cut),
        "data.tracking.tag"
    );
    // A delivered tracking with no time at all: none is made up.
    let mut doc = fixture("aftership", "sdk-nodejs-get-tracking.json");
    doc["data"]["tracking"]["shipment_delivery_date"] = Value::Null;
    assert_eq!(
        trackers::error_path(Source::AfterShip, &doc),
        "data.tracking.checkpoints"
    );
}

#[test]
fn the_docs_tables_are_what_the_converter_does() {
    // Every tag and every Exception subtag, each once, in the reference's order.
    let tags: Vec<String> = tag_table().into_iter().map(|(t, _)| t).collect();
    assert_eq!(tags, TAGS.split_whitespace().collect::<Vec<_>>());
    let subtags: Vec<String> = exception_table().into_iter().map(|(s, _, _)| s).collect();
    let listed: Vec<String> = EXCEPTIONS
        .split_whitespace()
        .map(|n| format!("Exception_{n}"))
        .collect();
    assert_eq!(subtags, listed);
}

#[test]
fn mutations_of_every_sample_never_panic_and_mostly_convert() {
    let subtags: Vec<String> = exception_table().into_iter().map(|(s, _, _)| s).collect();
    let vocabulary: Vec<&str> = TAGS
        .split_whitespace()
        .chain(subtags.iter().map(String::as_str))
        .chain(["Delivered_002", "AvailableForPickup_001"])
        .collect();
    let docs: Vec<Value> = samples().into_iter().map(|(_, d)| d).collect();
    trackers::mutate_samples(
        Source::AfterShip,
        &docs,
        &["tag", "subtag"],
        &vocabulary,
        150,
    );
}

#[test]
fn random_trackings_never_panic() {
    let keys = vec![
        "data",
        "tracking",
        "trackings",
        "msg",
        "event",
        "tag",
        "subtag",
        "slug",
        "tracking_number",
        "courier_tracking_link",
        "checkpoints",
        "checkpoint_time",
        "shipment_pickup_date",
        "shipment_delivery_date",
        "expected_delivery",
        "latest_estimated_delivery",
        "datetime",
        "pickup_location",
    ];
    let words = vec![
        "Delivered",
        "Exception",
        "Exception_003",
        "Exception_013",
        "AvailableForPickup",
        "InTransit",
        "Pending",
        "tracking_update",
        "2018-07-25T10:10:00+09:00",
        "2018-07-25T01:10:00",
        "2022-07-06",
        "https://www.fedex.com/x",
        "http://www.postnl.nl/x",
        "1234567890",
    ];
    // Some are trackers the converter reads through (it is not refusing everything).
    assert!(
        trackers::random_documents_never_panic(
            Source::AfterShip,
            (&["tag", "tracking_number"], keys),
            words
        ) > 0
    );
}
