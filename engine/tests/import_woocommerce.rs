//! The WooCommerce order converter on WooCommerce's own published samples (the REST API v3
//! documentation's example orders; `fixtures/import/woocommerce/SOURCE.md`), on variants of
//! them for every order `status`, with the Shipment Tracking extension's items, on times with
//! and without a zone, on amounts, and on mutations of each sample. Expected values are read
//! from the source document (times through `jiff`, an independent time library), never from
//! the converter's own output.
#![cfg(not(target_arch = "wasm32"))]

#[path = "fixtures/import/orders_common.rs"]
mod common;

use common::*;
use order_help_engine::import::{Imported, Options, Source};
use serde_json::{json, Value};

/// The published samples, one order each (the list's two orders apart).
fn samples() -> Vec<(String, Value)> {
    let mut all = vec![
        (
            "docs-retrieve-order.json".to_owned(),
            fixture("woocommerce", "docs-retrieve-order.json"),
        ),
        (
            "docs-update-order.json".to_owned(),
            fixture("woocommerce", "docs-update-order.json"),
        ),
    ];
    for (i, order) in fixture("woocommerce", "docs-list-orders.json")
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        all.push((format!("docs-list-orders.json[{i}]"), order.clone()));
    }
    all
}

fn retrieve() -> Value {
    fixture("woocommerce", "docs-retrieve-order.json")
}

fn woo(doc: &Value) -> (Value, Imported) {
    accepted(Source::WooCommerce, doc, &Options::default())
}

fn id_text(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        other => panic!("not an id: {other}"),
    }
}

/// What each order status does to the items, as docs/import.md says: `None` no shipment,
/// else the shipment's state.
#[rustfmt::skip]
const STATUSES: [(&str, Option<&str>); 10] = [
    ("pending", None), ("processing", None), ("on-hold", None), ("checkout-draft", None),
    ("completed", Some("unknown")), ("cancelled", Some("cancelled")), ("refunded", Some("cancelled")),
    ("failed", Some("cancelled")), ("trash", Some("cancelled")), ("wc-shipped-by-a-plugin", Some("unknown")),
];

#[test]
fn published_samples_convert_value_by_value() {
    for (name, doc) in samples() {
        let (out, imported) = woo(&doc);
        let currency = doc["currency"].as_str().unwrap();
        assert_eq!(out["id"], json!(id_text(&doc["id"])), "{name}");
        // date_created_gmt is UTC without a zone; the site's date_created is not used.
        let gmt = doc["date_created_gmt"].as_str().unwrap();
        assert_eq!(out["placed_at"], json!(format!("{gmt}Z")), "{name}");
        assert_eq!(out["currency"], doc["currency"], "{name}");
        assert_eq!(
            out["shipping_cost"].as_u64(),
            Some(minor(doc["shipping_total"].as_str().unwrap(), currency))
        );
        let host = doc["_links"]["self"][0]["href"]
            .as_str()
            .unwrap()
            .trim_start_matches("https://")
            .split('/')
            .next()
            .unwrap();
        assert_eq!(out["seller"]["name"], json!(host), "{name}");
        assert_eq!(
            doc["payment_method"], "bacs",
            "{name}: Direct Bank Transfer"
        );
        assert_eq!(out["payment_method"], "bank_account", "{name}");
        let customer = json!({
            "name": format!("{} {}", doc["billing"]["first_name"].as_str().unwrap(), doc["billing"]["last_name"].as_str().unwrap()),
            "email": doc["billing"]["email"],
            "country": doc["shipping"]["country"],
        });
        assert_eq!(out["customer"], customer, "{name}");
        let lines = doc["line_items"].as_array().unwrap();
        assert_eq!(
            out["items"].as_array().unwrap().len(),
            lines.len(),
            "{name}"
        );
        let status = doc["status"].as_str().unwrap();
        let expected = STATUSES.iter().find(|(s, _)| *s == status).unwrap().1;
        for (item, line) in out["items"].as_array().unwrap().iter().zip(lines) {
            assert_eq!(item["id"], json!(id_text(&line["id"])), "{name}");
            // WordPress writes `&ndash;` into names (the docs' "Ship Your Idea &ndash; Color:
            // Black"); the contract's strings are text, so it becomes the character.
            let title = line["name"]
                .as_str()
                .unwrap()
                .replace("&ndash;", "\u{2013}");
            assert_eq!(item["title"], json!(title), "{name}");
            assert_eq!(item["quantity"], line["quantity"], "{name}");
            // `price` is a JSON number (3, 12): its text, in minor units.
            let price = minor(&line["price"].to_string(), currency);
            assert_eq!(item["unit_price"].as_u64(), Some(price), "{name}");
            assert_eq!(
                item["unit_price"].as_u64().unwrap() * line["quantity"].as_u64().unwrap(),
                minor(line["total"].as_str().unwrap(), currency),
                "{name}: the line's total"
            );
            match expected {
                None => assert!(item.get("shipment").is_none(), "{name}"),
                Some(_) => assert_eq!(item["shipment"], out["shipments"][0]["id"], "{name}"),
            }
        }
        match expected {
            None => assert_eq!(out["shipments"], json!([]), "{name}"),
            Some(state) => {
                assert_eq!(out["shipments"][0]["status"], json!(state), "{name}");
                assert_eq!(
                    out["shipments"][0]["carrier_status"],
                    json!(status),
                    "{name}"
                );
            }
        }
        assert!(notes_text(&imported).contains("seller.kind"), "{name}");
    }
}

/// `doc` with its status replaced.
fn with_status(status: &str) -> Value {
    let mut doc = retrieve();
    doc["status"] = json!(status);
    doc
}

/// Every value of WooCommerce's order `status` (the REST API's list, `checkout-draft` of the
/// block checkout, and one a plugin adds), as docs/import.md's table says.
#[test]
fn every_status_value_maps_as_the_docs_say() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/import.md")).unwrap();
    for (status, expected) in STATUSES {
        let row = docs
            .lines()
            .find(|l| {
                l.starts_with(&format!("| WooCommerce | `{status}` |"))
                    || (status.starts_with("wc-shipped")
                        && l.starts_with("| WooCommerce | any other |"))
            })
            .unwrap_or_else(|| panic!("docs/import.md has a row for {status}"));
        match expected {
            None => assert!(row.contains("no shipment"), "{row}"),
            Some(state) => assert!(row.contains(&format!("`{state}`")), "{row}"),
        }
        let (out, imported) = woo(&with_status(status));
        match expected {
            None => {
                assert_eq!(out["shipments"], json!([]), "{status}");
                assert!(out["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|i| i.get("shipment").is_none()));
            }
            Some(state) => {
                let shipment = &out["shipments"][0];
                assert_eq!(shipment["status"], json!(state), "{status}");
                assert_eq!(shipment["carrier_status"], json!(status), "{status}");
                assert!(out["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|i| i["shipment"] == shipment["id"]));
                assert!(
                    notes_text(&imported).contains("order.status")
                        || notes_text(&imported).contains("status"),
                    "{status}"
                );
            }
        }
    }
}

/// A zone-less `date_created` is read in the assumed zone (default UTC), said in a note; the
/// offset is `jiff`'s for that zone at that time.
#[test]
fn a_local_time_without_its_utc_field_is_read_in_the_assumed_zone() {
    let mut doc = retrieve();
    doc.as_object_mut().unwrap().remove("date_created_gmt");
    let local = doc["date_created"].as_str().unwrap().to_owned();
    let (out, imported) = woo(&doc);
    let as_utc = local
        .parse::<jiff::civil::DateTime>()
        .unwrap()
        .in_tz("UTC")
        .unwrap()
        .timestamp();
    assert_eq!(
        instant(&out["placed_at"]).unix_seconds(),
        as_utc.as_second()
    );
    assert!(out["placed_at"].as_str().unwrap().starts_with(&local));
    assert!(
        notes_text(&imported).contains("order has no date_created_gmt"),
        "{}",
        notes_text(&imported)
    );
    for zone in ["America/Los_Angeles", "Europe/Amsterdam", "Asia/Kolkata"] {
        let options = Options {
            assume_zone: Some(zone.into()),
            ..Options::default()
        };
        let (out, imported) = accepted(Source::WooCommerce, &doc, &options);
        let oracle = local
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .in_tz(zone)
            .unwrap()
            .timestamp();
        let placed = instant(&out["placed_at"]);
        assert_eq!(placed.unix_seconds(), oracle.as_second(), "{zone}");
        // The offset is written, not UTC: the local clock reading is kept.
        assert!(
            out["placed_at"].as_str().unwrap().starts_with(&local),
            "{zone}: {}",
            out["placed_at"]
        );
        assert!(notes_text(&imported).contains(zone));
    }
    let path = refused_option(Source::WooCommerce, &doc, |o| {
        o.assume_zone = Some("Mars/Olympus".into())
    });
    assert_eq!(path, "options.assume_zone");
}

/// The Shipment Tracking extension's items, as it stores them in the order's meta.
fn tracked(status: &str) -> Value {
    let mut doc = with_status(status);
    doc["meta_data"].as_array_mut().unwrap().push(json!({
        "id": 13107,
        "key": "_wc_shipment_tracking_items",
        "value": [
            {
                "tracking_provider": "usps",
                "custom_tracking_provider": "",
                "custom_tracking_link": "",
                "tracking_number": "9400111899223197428490",
                "date_shipped": "1490140800",
                "tracking_id": "a1b2c3"
            },
            {
                "tracking_provider": "",
                "custom_tracking_provider": "PostNL",
                "custom_tracking_link": "http://postnl.example/track/3SABCD",
                "tracking_number": "3SABCD",
                "date_shipped": "1490227200",
                "tracking_id": "d4e5f6"
            },
            {
                "tracking_provider": "",
                "custom_tracking_provider": "DPD",
                "custom_tracking_link": "https://tracking.dpd.de/status/en_US/parcel/0123",
                "tracking_number": "0123",
                "date_shipped": 1490227200,
                "tracking_id": ""
            }
        ]
    }));
    doc
}

#[test]
fn shipment_tracking_items_are_the_shipments() {
    let doc = tracked("completed");
    let (out, imported) = woo(&doc);
    let items = doc["meta_data"][1]["value"].as_array().unwrap();
    let shipments = out["shipments"].as_array().unwrap();
    assert_eq!(shipments.len(), items.len());
    let placed = instant(&out["placed_at"]);
    for (k, (shipment, item)) in shipments.iter().zip(items).enumerate() {
        let id = item["tracking_id"]
            .as_str()
            .filter(|s| !s.is_empty())
            .map_or(format!("tracking-{}", k + 1), str::to_owned);
        assert_eq!(shipment["id"], json!(id));
        assert_eq!(
            shipment["status"], "unknown",
            "WooCommerce has no parcel state"
        );
        assert_eq!(shipment["carrier_status"], "completed");
        assert_eq!(shipment["tracking_number"], item["tracking_number"]);
        let carrier = [
            &item["custom_tracking_provider"],
            &item["tracking_provider"],
        ]
        .into_iter()
        .find(|c| c.as_str().is_some_and(|c| !c.is_empty()))
        .unwrap();
        assert_eq!(&shipment["carrier"], carrier);
        let link = item["custom_tracking_link"].as_str().unwrap();
        assert_eq!(
            shipment["tracking_url"].as_str(),
            Some(link).filter(|l| l.starts_with("https://"))
        );
        // date_shipped is Unix seconds (a day's midnight): kept only if not before the order.
        let shipped: i64 = match &item["date_shipped"] {
            Value::String(s) => s.parse().unwrap(),
            n => n.as_i64().unwrap(),
        };
        if shipped >= placed.unix_seconds() {
            assert_eq!(instant(&shipment["shipped_at"]).unix_seconds(), shipped);
        } else {
            assert!(shipment.get("shipped_at").is_none());
        }
    }
    // Which items each parcel holds is not said: all in the first, with a note.
    assert!(out["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["shipment"] == "a1b2c3"));
    let notes = notes_text(&imported);
    assert!(notes.contains("every item is in the first"), "{notes}");
    assert!(notes.contains("meta_data[1].value[1].custom_tracking_link: tracking_url: \"http://postnl.example/track/3SABCD\" is an http: link; dropped"), "{notes}");
    assert!(
        notes.contains("meta_data[1].value[0].date_shipped: the shipping date"),
        "{notes}"
    );

    // An order that ended keeps its items in a cancelled shipment, tracking or not.
    let (out, _) = woo(&tracked("refunded"));
    assert_eq!(
        out["shipments"],
        json!([{"id": "refunded", "status": "cancelled", "carrier_status": "refunded"}])
    );
    // Tracking on an order still processing: the parcels are there.
    let (out, _) = woo(&tracked("processing"));
    assert_eq!(out["shipments"].as_array().unwrap().len(), 3);
    assert_eq!(out["items"][0]["shipment"], "a1b2c3");
}

fn priced(currency: &str, price: &str, total: &str) -> String {
    let mut doc = retrieve();
    doc["currency"] = json!(currency);
    doc["line_items"][0]["price"] = json!("PRICE");
    doc["line_items"][0]["total"] = json!(total);
    doc["line_items"][0]["quantity"] = json!(3);
    serde_json::to_string(&doc)
        .unwrap()
        .replace("\"PRICE\"", price)
}

fn convert_text(text: &str) -> Result<Imported, order_help_engine::InputError> {
    let tree = order_help_engine::json::parse_text(text).unwrap();
    order_help_engine::import::import(Source::WooCommerce, &tree, &Options::default())
}

/// The unit price is the line's `total` (after discounts, a decimal string) ÷ `quantity`,
/// whatever the float `price` says; when it does not divide, the floor of it, with a note on
/// the remainder (a real order is never refused for it: `quantity: 3, total: "10.00", price:
/// 3.3333333333333335`). A total finer than the currency is an error at the total.
#[test]
fn unit_prices_are_exact() {
    #[rustfmt::skip]
    let cases = [
        ("USD", "21.99", "65.97"), ("USD", "3.3299999999999996", "9.99"),
        ("USD", "3.3333333333333335", "10.00"), ("USD", "9.666666666666666", "29.00"),
        ("JPY", "1500", "4500"), ("JPY", "333.3333333333333", "1000"),
        ("KWD", "2.5", "7.500"), ("KWD", "2.0001", "6.000"),
    ];
    for (currency, price, total) in cases {
        let imported = convert_text(&priced(currency, price, total))
            .unwrap_or_else(|e| panic!("{price} {total}: {e}"));
        assessable(&imported);
        let paid = minor(total, currency);
        assert_eq!(
            out(&imported)["items"][0]["unit_price"].as_u64(),
            Some(paid / 3),
            "{total} {currency} over 3 units"
        );
        let remainder_said = imported
            .notes
            .iter()
            .any(|n| n.path == "line_items[0].total" && n.message.contains("rounded down"));
        assert_eq!(
            remainder_said,
            !paid.is_multiple_of(3),
            "{total} {currency}: {:?}",
            imported.notes
        );
    }
    let e = convert_text(&priced("EUR", "\"12.345\"", "37.035")).unwrap_err();
    assert_eq!(e.path, "line_items[0].total", "{e}");
    assert!(e.message.contains("EUR"), "{e}");
    // Without a total, the price when exact.
    let mut doc = retrieve();
    doc["currency"] = json!("KWD");
    doc["shipping_total"] = json!("1.250");
    doc["line_items"][0]["price"] = json!(1);
    doc["line_items"][0]["total"] = Value::Null;
    let (out, _) = woo(&doc);
    assert_eq!(out["shipping_cost"].as_u64(), Some(minor("1.250", "KWD")));
    assert_eq!(
        out["items"][0]["unit_price"].as_u64(),
        Some(minor("1", "KWD"))
    );
    let total = doc["line_items"][1]["total"].as_str().unwrap();
    let quantity = doc["line_items"][1]["quantity"].as_u64().unwrap();
    assert_eq!(
        out["items"][1]["unit_price"].as_u64(),
        Some(minor(total, "KWD") / quantity)
    );
}

#[test]
fn gateways_and_options() {
    for (gateway, method) in [
        ("bacs", "bank_account"),
        ("cod", "other"),
        ("cheque", "other"),
        ("stripe", "credit_card"),
        ("woocommerce_payments", "credit_card"),
    ] {
        let mut doc = retrieve();
        doc["payment_method"] = json!(gateway);
        assert_eq!(woo(&doc).0["payment_method"], method, "{gateway}");
    }
    let mut doc = retrieve();
    doc["payment_method"] = json!("my_gateway");
    let (out, imported) = woo(&doc);
    assert_eq!(out["payment_method"], "other");
    assert!(notes_text(&imported).contains("payment_method: the gateway \"my_gateway\""));
    let options = options(&[
        ("payment_method", "points"),
        ("seller_name", "Example Store"),
        ("seller_kind", "marketplace"),
        ("fulfilled_by", "retailer"),
    ]);
    let (out, _) = accepted(Source::WooCommerce, &doc, &options);
    assert_eq!(out["payment_method"], "points");
    assert_eq!(
        out["seller"],
        json!({"name": "Example Store", "kind": "marketplace", "fulfilled_by": "retailer"})
    );
    let path = refused_option(Source::WooCommerce, &doc, |o| {
        o.payment_method = Some("card".into())
    });
    assert_eq!(path, "options.payment_method");
    let path = refused_option(Source::WooCommerce, &doc, |o| {
        o.fulfilled_by = Some("third_party".into())
    });
    assert_eq!(path, "options.fulfilled_by");
}

#[test]
fn trackers_and_shopify_orders_say_where_they_belong() {
    let easypost = json!({"object": "Tracker", "id": "trk_1", "status": "delivered"});
    let e = refusal(Source::WooCommerce, &easypost);
    assert!(
        e.contains("this is an EasyPost Tracker, not a WooCommerce order: use --from easypost"),
        "{e}"
    );
    let aftership =
        json!({"tracking": {"tag": "Delivered", "slug": "ups", "tracking_number": "1Z"}});
    let e = run(Source::WooCommerce, &aftership, &Options::default()).unwrap_err();
    assert!(e.message.contains("use --from aftership"), "{e}");
    // AfterShip's newer API versions: the tracking's fields right under `data`.
    let newer = json!({"data": {"tag": "InTransit", "slug": "dhl", "tracking_number": "1Z"}});
    assert!(refusal(Source::WooCommerce, &newer).contains("use --from aftership"));
    let shopify = fixture("shopify", "api-ruby-2026-07-get-order.json");
    let e = run(Source::WooCommerce, &shopify, &Options::default()).unwrap_err();
    assert!(e.message.contains("use --from shopify"), "{e}");
    let list = fixture("woocommerce", "docs-list-orders.json");
    let e = run(Source::WooCommerce, &list, &Options::default()).unwrap_err();
    assert!(e.message.contains("not a list"), "{e}");
}

/// A change to a sample.
type Change = fn(&mut Value);

#[test]
fn errors_name_the_path_in_the_woocommerce_document() {
    let cases: [(&str, Change); 7] = [
        ("id", |o| drop(o.as_object_mut().unwrap().remove("id"))),
        ("status", |o| o["status"] = json!(3)),
        ("currency", |o| o["currency"] = json!("BTC")),
        ("date_created_gmt", |o| {
            o["date_created_gmt"] = json!("22/03/2017")
        }),
        ("line_items[1].quantity", |o| {
            o["line_items"][1]["quantity"] = json!(0)
        }),
        ("shipping.country", |o| {
            o["shipping"]["country"] = json!("USA")
        }),
        ("billing.email", |o| {
            o["billing"]["email"] = json!("john at example")
        }),
    ];
    for (path, change) in cases {
        let mut doc = retrieve();
        change(&mut doc);
        let e = run(Source::WooCommerce, &doc, &Options::default()).unwrap_err();
        assert_eq!(e.path, path, "{e}");
        assert!(e.message.starts_with("expected"), "{e}");
        assert!(e.message.contains("found"), "{e}");
    }
}

#[test]
fn mutations_of_the_published_samples() {
    let vocabulary: Vec<&str> = STATUSES.iter().map(|(s, _)| *s).collect();
    let fields = (
        &["status"][..],
        &vocabulary[..],
        &["price", "total", "subtotal", "shipping_total"][..],
    );
    for (name, doc) in samples() {
        half_accepted(
            &name,
            Source::WooCommerce,
            &doc,
            &Options::default(),
            fields,
        );
        let name = format!("{name} with tracking items");
        half_accepted(
            &name,
            Source::WooCommerce,
            &tracked_from(&doc),
            &Options::default(),
            fields,
        );
    }
}

/// A sample with the extension's tracking items added.
fn tracked_from(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let items = tracked("completed")["meta_data"][1].clone();
    doc["meta_data"].as_array_mut().unwrap().push(items);
    doc
}

/// A `completed` order collected in store (a `local_pickup` shipping line, or the block
/// checkout's `pickup_location`) or without any shipping line (virtual items) was handed over:
/// delivered at `date_completed_gmt`, with a note; one shipped by a carrier stays unknown, its
/// note saying why nothing starts.
#[test]
fn a_completed_pickup_or_unshipped_order_counts_as_delivered() {
    // docs-update-order.json: completed, date_completed_gmt "2017-03-22T19:30:35", flat rate.
    let sample = fixture("woocommerce", "docs-update-order.json");
    let pickup = |id: &str| {
        let mut doc = sample.clone();
        doc["shipping_lines"][0]["method_id"] = json!(id);
        doc["shipping_lines"][0]["method_title"] = json!("Local pickup");
        doc
    };
    let mut virtual_only = sample.clone();
    virtual_only["shipping_lines"] = json!([]);
    for (case, doc) in [
        ("local_pickup", pickup("local_pickup")),
        ("pickup_location", pickup("pickup_location")),
        ("no shipping line", virtual_only),
    ] {
        let (out, imported) = woo(&doc);
        let shipment = &out["shipments"][0];
        assert_eq!(shipment["status"], "delivered", "{case}: {out}");
        let completed = format!("{}Z", doc["date_completed_gmt"].as_str().unwrap());
        assert_eq!(shipment["delivered_at"], json!(completed), "{case}");
        let items = out["items"].as_array().unwrap();
        assert!(items.iter().all(|i| i["shipment"] == shipment["id"]));
        let notes = notes_text(&imported);
        assert!(
            notes.contains("date_completed_gmt: the order is \"completed\""),
            "{case}: {notes}"
        );
    }
    let (out, imported) = woo(&sample);
    assert_eq!(out["shipments"][0]["status"], "unknown");
    assert!(notes_text(&imported).contains("withdrawal period do not start"));
}
