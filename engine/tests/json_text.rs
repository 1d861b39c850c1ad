//! The JSON crate's text reader and writer (what the wasm export passes across the JS
//! boundary) on the engine's documents, checked against serde_json: the same trees from every
//! scenario's text, and the same assessment JSON as `serde_json::to_value` gives. (The reader
//! and writer on any JSON are tested in json/tests/text.rs.)
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use order_help_engine::json::{parse_text, to_text, Json};
use order_help_engine::{assess, Instant, Order, Policy};
use serde_json::{json, Value};

fn scenario_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut texts: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    texts
}

/// `to_text` parsed back by serde_json, checked to be ASCII.
fn written(value: &impl serde::Serialize) -> Value {
    let text = to_text(value).expect("written");
    assert!(text.is_ascii(), "{text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

const CARRIERS: [&str; 3] = ["usps", "retailer_fleet", "ups"];
const SERVICES: [&str; 3] = ["first_class", "certified", "c\u{f6}d\n"];
const CATEGORIES: [&str; 4] = ["computers", "Gift_Cards", "ebooks", "\u{1f4da} books"];

/// An order with every shipment status, bundles and text that needs escaping.
fn awkward_order() -> Order {
    let statuses = [
        "pending",
        "preparing",
        "staged",
        "in_transit",
        "out_for_delivery",
        "delivered",
        "refused",
        "returned_to_sender",
        "cancelled",
    ];
    let shipments: Vec<Value> = statuses
        .iter()
        .enumerate()
        .map(|(j, status)| {
            json!({
                "id": format!("S\"{j}\\"), "status": status,
                "carrier": CARRIERS[j % 3], "service": SERVICES[j % 3],
                "stops_away": j * 3,
                "shipped_at": "2025-02-01T10:00:00-08:00",
                "delivered_at": "2025-02-03T10:00:00-08:00",
                "estimated_delivery": "2025-02-04T10:00:00-08:00",
            })
        })
        .collect();
    let items: Vec<Value> = (0..18)
        .map(|i| {
            json!({
                "id": format!("I{i}"),
                "title": format!("T\u{e9}l\u{e9} \"{i}\" \\ \u{1f600}\t\u{7}"),
                "quantity": 1 + i % 3, "unit_price": 1999 * i,
                "category": CATEGORIES[i % 4],
                "bundle": if i % 4 == 0 { Value::from("K\u{2028}") } else { Value::Null },
                "shipment": format!("S\"{}\\", i % 9),
                "opened": i % 2 == 0,
            })
        })
        .collect();
    let order = json!({
        "id": "O-\u{fc}", "placed_at": "2025-02-01T09:00:00-08:00", "currency": "EUR",
        "seller": {"name": "Caf\u{e9} \"Z\"", "kind": "marketplace", "fulfilled_by": "seller"},
        "shipping_cost": 499, "items": items, "shipments": shipments,
    });
    serde_json::from_value(order).unwrap()
}

#[test]
fn writes_every_assessment_as_serde_json_does() {
    let mut checked = 0;
    for text in scenario_texts() {
        let doc: Value = serde_json::from_str(&text).unwrap();
        if doc.get("error").is_some() {
            continue; // a table of bad input: nothing to assess
        }
        let order = Order::from_json_str(&doc["order"].to_string()).unwrap();
        let policy = match doc.get("policy") {
            Some(p) => Policy::from_json_str(&p.to_string()).unwrap(),
            None => Policy::default(),
        };
        for case in doc["cases"].as_array().unwrap() {
            let at = Instant::parse_rfc3339(case["at"].as_str().unwrap()).unwrap();
            let assessment = assess(&order, &policy, at);
            assert_eq!(
                written(&assessment),
                serde_json::to_value(&assessment).unwrap()
            );
            checked += 1;
        }
    }
    let order = awkward_order();
    for zone in ["America/Los_Angeles", "Asia/Kolkata", "<-02>2"] {
        // Withdrawal on, so its dates and deadline are written too.
        let policy = Policy {
            time_zone: order_help_engine::StoreZone::resolve(zone).unwrap(),
            withdrawal: order_help_engine::Withdrawal {
                enabled: true,
                ..Default::default()
            },
            ..Policy::default()
        };
        for at in [
            "2025-02-01T09:10:00-08:00",
            "2025-02-20T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            let assessment = assess(&order, &policy, Instant::parse_rfc3339(at).unwrap());
            assert_eq!(
                written(&assessment),
                serde_json::to_value(&assessment).unwrap()
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
}

#[test]
fn reads_every_scenario_as_serde_json_does() {
    for text in scenario_texts() {
        let expected: Json = serde_json::from_str(&text).unwrap();
        assert_eq!(parse_text(&text), Some(expected));
    }
    let order = serde_json::to_string(&awkward_order()).unwrap();
    assert_eq!(parse_text(&order), serde_json::from_str(&order).ok());
}
