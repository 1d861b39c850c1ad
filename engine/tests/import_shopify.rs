//! The Shopify order converter on Shopify's own published samples (the Admin REST reference's
//! example orders as the official Ruby library's tests carry them, and the Python library's
//! fixtures; `fixtures/import/shopify/SOURCE.md`), on variants of them for every
//! `shipment_status` and fulfillment `status`, on amounts, and on mutations of each sample.
//! Expected values are read from the source document (or from docs/domain.md's table), never
//! from the converter's own output.
#![cfg(not(target_arch = "wasm32"))]

#[path = "fixtures/import/orders_common.rs"]
mod common;

use common::*;
use order_help_engine::import::{Options, Source};
use serde_json::{json, Value};

const SAMPLES: [&str; 4] = [
    "api-ruby-2026-07-get-order.json",
    "api-ruby-2026-07-cancel-order.json",
    "api-ruby-2026-07-create-fulfilled-order.json",
    "python-api-order.json",
];

fn sample(name: &str) -> Value {
    fixture("shopify", name)
}

fn shopify(doc: &Value) -> (Value, order_help_engine::import::Imported) {
    accepted(Source::Shopify, doc, &options_for(doc))
}

/// The defaults, and the seller's name where the sample has no `order_status_url` (the older
/// Python sample) to take the shop's host from.
fn options_for(doc: &Value) -> Options {
    let seller_name = doc["order"]["order_status_url"]
        .is_null()
        .then(|| "Example shop".to_owned());
    Options {
        seller_name,
        ..Options::default()
    }
}

/// The items an order line became: the item with its id, or its parts `{id}/…`.
fn parts_of<'a>(out: &'a Value, line_id: &str) -> Vec<&'a Value> {
    out["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| {
            let id = item["id"].as_str().unwrap();
            id == line_id || id.starts_with(&format!("{line_id}/"))
        })
        .collect()
}

fn id_text(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        other => panic!("not an id: {other}"),
    }
}

/// Every published sample converts, and every value of the result is the source's.
#[test]
fn published_samples_convert_value_by_value() {
    for name in SAMPLES {
        let doc = sample(name);
        let (out, imported) = shopify(&doc);
        let o = &doc["order"];
        let currency = o["currency"].as_str().unwrap();
        assert_eq!(out["id"], json!(id_text(&o["id"])), "{name}");
        let placed = if o["processed_at"].is_string() {
            &o["processed_at"]
        } else {
            &o["created_at"]
        };
        assert_eq!(
            out["placed_at"], *placed,
            "{name}: the instant keeps its offset"
        );
        assert_eq!(out["currency"], o["currency"], "{name}");
        // The shop's host is the default seller name, with a note; kind and fulfilment default.
        let host = o["order_status_url"].as_str().map(|u| {
            u.trim_start_matches("https://")
                .split('/')
                .next()
                .unwrap()
                .to_owned()
        });
        if let Some(host) = &host {
            assert_eq!(out["seller"]["name"], json!(host), "{name}");
        }
        assert_eq!(out["seller"]["kind"], "retailer");
        assert_eq!(out["seller"]["fulfilled_by"], "retailer");
        let notes = notes_text(&imported);
        assert!(notes.contains("seller.kind"), "{name}: {notes}");
        assert!(notes.contains("seller.fulfilled_by"), "{name}: {notes}");

        let shipped: Vec<&Value> = o["fulfillments"]
            .as_array()
            .map(|f| {
                f.iter()
                    .filter(|f| {
                        !matches!(
                            f["status"].as_str(),
                            Some("cancelled" | "error" | "failure")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let shipment_ids: Vec<String> = out["shipments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect();
        for f in &shipped {
            assert!(
                shipment_ids.contains(&id_text(&f["id"])),
                "{name}: fulfillment {} is a shipment",
                f["id"]
            );
        }
        for f in o["fulfillments"].as_array().into_iter().flatten() {
            if matches!(
                f["status"].as_str(),
                Some("cancelled" | "error" | "failure")
            ) {
                assert!(
                    !shipment_ids.contains(&id_text(&f["id"])),
                    "{name}: a failed fulfillment did not ship"
                );
            }
        }

        for line in o["line_items"].as_array().unwrap() {
            let line_id = id_text(&line["id"]);
            let parts = parts_of(&out, &line_id);
            assert!(!parts.is_empty(), "{name}: line {line_id}");
            let quantity = line["quantity"].as_u64().unwrap();
            let current = line["current_quantity"].as_u64();
            let units: u64 = parts.iter().map(|p| p["quantity"].as_u64().unwrap()).sum();
            match current {
                Some(0) => {
                    assert_eq!(units, quantity, "{name}: {line_id}");
                    assert!(
                        parts.iter().all(|p| p["shipment"] == "cancelled"),
                        "{name}: {line_id}"
                    );
                }
                Some(c) => assert_eq!(units, c, "{name}: {line_id}"),
                None => assert_eq!(units, quantity, "{name}: {line_id}"),
            }
            // Shopify's price is before discounts: the line's total less its
            // discount_allocations, over its units (rounded down when it does not divide).
            let discount: u64 = line["discount_allocations"].as_array().map_or(0, |a| {
                a.iter()
                    .map(|d| minor(d["amount"].as_str().unwrap(), currency))
                    .sum()
            });
            let price =
                (minor(line["price"].as_str().unwrap(), currency) * quantity - discount) / quantity;
            for part in &parts {
                assert_eq!(
                    part["unit_price"].as_u64(),
                    Some(price),
                    "{name}: {line_id}"
                );
                assert_eq!(part["title"], line["name"], "{name}: {line_id}");
                assert_eq!(part["category"] == "gift_cards", line["gift_card"] == true);
                // A part in a fulfillment's shipment is a line that fulfillment names.
                if let Some(sh) = part["shipment"]
                    .as_str()
                    .filter(|s| !["cancelled", "fulfilled"].contains(s))
                {
                    let f = shipped.iter().find(|f| id_text(&f["id"]) == sh).unwrap();
                    let named = f["line_items"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|l| id_text(&l["id"]) == line_id);
                    assert!(named, "{name}: {line_id} in {sh}");
                }
            }
        }
        let cancelled = o["cancelled_at"].is_string();
        for item in out["items"].as_array().unwrap() {
            if let Some(sh) = item["shipment"].as_str() {
                assert!(shipment_ids.iter().any(|s| s == sh), "{name}: {sh}");
            } else {
                assert!(
                    !cancelled,
                    "{name}: a cancelled order's units are all in a shipment"
                );
            }
        }
        let shipping: u64 = o["shipping_lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                minor(
                    l["discounted_price"]
                        .as_str()
                        .or(l["price"].as_str())
                        .unwrap(),
                    currency,
                )
            })
            .sum();
        if !o["shipping_lines"].as_array().unwrap().is_empty() {
            assert_eq!(out["shipping_cost"].as_u64(), Some(shipping), "{name}");
        }
        match o["shipping_address"]["country_code"].as_str() {
            Some(country) => {
                assert_eq!(out["customer"]["country"], json!(country), "{name}");
                assert_eq!(out["customer"]["email"], o["email"], "{name}");
                assert_eq!(
                    out["customer"]["name"], o["shipping_address"]["name"],
                    "{name}"
                );
            }
            None => assert!(
                out.get("customer").is_none(),
                "{name}: no name, no customer"
            ),
        }
        for s in out["shipments"].as_array().unwrap() {
            if let Some(url) = s["tracking_url"].as_str() {
                assert!(url.starts_with("https://"), "{name}: {url}");
            }
        }
    }
}

/// The Python library's sample: its only fulfillment failed, and its link is `http:`.
#[test]
fn the_python_sample_leaves_out_its_failed_fulfillment() {
    let doc = sample("python-api-order.json");
    let (out, imported) = shopify(&doc);
    assert_eq!(out["shipments"], json!([]));
    // No processed_at in this older sample: created_at is the placing time.
    assert!(doc["order"]["processed_at"].is_null());
    assert_eq!(out["placed_at"], doc["order"]["created_at"]);
    // authorize_net is a card gateway.
    assert_eq!(doc["order"]["gateway"], "authorize_net");
    assert_eq!(out["payment_method"], "credit_card");
    let notes = notes_text(&imported);
    assert!(notes.contains("order.fulfillments[0].status"), "{notes}");
    // No order_status_url: the seller's name must be given.
    let e = run(Source::Shopify, &doc, &Options::default()).unwrap_err();
    assert_eq!(e.path, "options.seller_name");
    assert_eq!(out["seller"]["name"], "Example shop");
}

/// Shopify's `shipment_status` values and our states, as docs/domain.md's table (the oracle)
/// says; every value the issue lists is in it.
fn domain_table() -> Vec<(String, String)> {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/domain.md")).unwrap();
    doc.lines()
        .filter(|l| l.starts_with("| Shopify | `"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
            (cells.len() >= 4 && !cells[3].is_empty())
                .then(|| (cells[2].to_owned(), cells[3].to_owned()))
        })
        .collect()
}

fn with_fulfillment(status: Value, shipment_status: Value) -> Value {
    let mut doc = sample("api-ruby-2026-07-create-fulfilled-order.json");
    doc["order"]["fulfillments"][0]["status"] = status;
    doc["order"]["fulfillments"][0]["shipment_status"] = shipment_status;
    doc
}

#[test]
fn every_shipment_status_value_maps_as_the_domain_table_says() {
    let table = domain_table();
    let listed = [
        "label_printed",
        "label_purchased",
        "attempted_delivery",
        "ready_for_pickup",
        "confirmed",
        "in_transit",
        "out_for_delivery",
        "delivered",
        "failure",
    ];
    for value in listed {
        assert!(
            table.iter().any(|(v, _)| v == value),
            "{value} is in docs/domain.md"
        );
    }
    assert!(table.len() >= 15, "{table:?}");
    for (value, state) in &table {
        let doc = with_fulfillment(json!("success"), json!(value));
        let (out, _) = shopify(&doc);
        let f = &doc["order"]["fulfillments"][0];
        let shipment = &out["shipments"][0];
        assert_eq!(shipment["id"], json!(id_text(&f["id"])));
        assert_eq!(shipment["status"], json!(state), "{value}");
        assert_eq!(shipment["carrier_status"], json!(value), "{value}");
        assert_eq!(out["items"][0]["shipment"], shipment["id"]);
        assert_eq!(shipment["shipped_at"], f["created_at"], "{value}");
        if state == "delivered" {
            assert_eq!(shipment["delivered_at"], f["updated_at"], "{value}");
        } else {
            assert!(shipment.get("delivered_at").is_none(), "{value}");
        }
        let kind = (value == "buyer_action_required").then_some("action_required");
        assert_eq!(shipment["exception_kind"].as_str(), kind, "{value}");
    }
}

#[test]
fn no_shipment_status_and_unknown_values_are_unknown_with_a_note() {
    let (out, imported) = shopify(&with_fulfillment(json!("success"), Value::Null));
    assert_eq!(out["shipments"][0]["status"], "unknown");
    assert!(out["shipments"][0].get("carrier_status").is_none());
    assert!(notes_text(&imported).contains("order.fulfillments[0].shipment_status"));

    let (out, imported) = shopify(&with_fulfillment(json!("success"), json!("teleported")));
    assert_eq!(out["shipments"][0]["status"], "unknown");
    assert_eq!(out["shipments"][0]["carrier_status"], "teleported");
    assert!(notes_text(&imported).contains("\"teleported\" is not a shipment_status"));
}

/// The fulfillment's own `status`: pending and open are being prepared; cancelled, error and
/// failure did not ship (the units are not shipped); success follows `shipment_status`.
#[test]
fn every_fulfillment_status_value() {
    #[rustfmt::skip]
    let table = [
        ("pending", Some("preparing")), ("open", Some("preparing")), ("success", Some("unknown")),
        ("cancelled", None), ("error", None), ("failure", None),
    ];
    for (status, expected) in table {
        let mut doc = with_fulfillment(json!(status), Value::Null);
        // What did not ship is fulfillable again, as Shopify counts it.
        let again = u64::from(expected.is_none());
        doc["order"]["line_items"][0]["fulfillable_quantity"] = json!(again);
        let (out, imported) = shopify(&doc);
        match expected {
            Some(state) => {
                assert_eq!(out["shipments"][0]["status"], state, "{status}");
                assert_eq!(
                    out["items"][0]["shipment"], out["shipments"][0]["id"],
                    "{status}"
                );
            }
            None => {
                assert_eq!(out["shipments"], json!([]), "{status}");
                assert!(
                    out["items"][0].get("shipment").is_none(),
                    "{status}: not shipped"
                );
                assert!(notes_text(&imported).contains("did not ship"), "{status}");
            }
        }
    }
}

/// A line split over two fulfillments, the rest not shipped: one item per part.
#[test]
fn a_line_split_over_fulfillments_becomes_one_item_per_part() {
    let mut doc = sample("api-ruby-2026-07-create-fulfilled-order.json");
    let o = &mut doc["order"];
    let line = id_text(&o["line_items"][0]["id"]);
    o["line_items"][0]["quantity"] = json!(3);
    o["line_items"][0]["current_quantity"] = json!(3);
    o["line_items"][0]["fulfillable_quantity"] = json!(1);
    let mut second = o["fulfillments"][0].clone();
    second["id"] = json!(42);
    second["shipment_status"] = json!("in_transit");
    second["tracking_company"] = json!("DHL Express");
    second["tracking_numbers"] = json!(["JD0001", "JD0002"]);
    second["tracking_urls"] = json!(["http://dhl.example/JD0001"]);
    o["fulfillments"].as_array_mut().unwrap().push(second);
    let usps = "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=9400";
    o["fulfillments"][0]["tracking_urls"] = json!([usps]);
    let (out, imported) = shopify(&doc);
    let first = id_text(&doc["order"]["fulfillments"][0]["id"]);
    let parts: Vec<(String, u64, Option<&str>)> = out["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["quantity"].as_u64().unwrap(),
                i["shipment"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        vec![
            (format!("{line}/{first}"), 1, Some(first.as_str())),
            (format!("{line}/42"), 1, Some("42")),
            (format!("{line}/unfulfilled"), 1, None),
        ]
    );
    assert_eq!(out["shipments"][0]["tracking_url"], usps, "https: is kept");
    let dhl = &out["shipments"][1];
    assert_eq!(dhl["carrier"], "DHL Express");
    assert_eq!(dhl["tracking_number"], "JD0001");
    assert!(dhl.get("tracking_url").is_none(), "http: is dropped");
    let notes = notes_text(&imported);
    assert!(notes.contains("order.fulfillments[1].tracking_urls[0]: tracking_url: \"http://dhl.example/JD0001\" is an http: link; dropped"), "{notes}");
    assert!(notes.contains("2 tracking numbers"), "{notes}");
}

/// A unit refunded with `restock_type` `return` stays in its item as `returned_quantity`; one
/// refunded otherwise leaves the order (Shopify's `current_quantity`). In the reference's
/// sample, both refunded lines are `legacy_restock`: made a return here for one.
#[test]
fn a_returned_unit_is_returned_quantity() {
    let mut doc = sample("api-ruby-2026-07-get-order.json");
    let o = &mut doc["order"];
    o["fulfillments"][0]["status"] = json!("success");
    o["fulfillments"][0]["shipment_status"] = json!("delivered");
    let first_line = o["line_items"][0]["id"].clone();
    let refunded = o["refunds"][0]["refund_line_items"].as_array_mut().unwrap();
    let returned_line = refunded
        .iter_mut()
        .find(|r| r["line_item_id"] == first_line)
        .unwrap();
    returned_line["restock_type"] = json!("return");
    let (out, imported) = shopify(&doc);
    let o = &doc["order"];
    let line = &o["line_items"][0];
    assert_eq!(line["current_quantity"], 0);
    let item = parts_of(&out, &id_text(&line["id"]))[0].clone();
    assert_eq!(item["quantity"], line["quantity"]);
    assert_eq!(item["returned_quantity"], line["quantity"]);
    assert_eq!(
        item["shipment"],
        json!(id_text(&o["fulfillments"][0]["id"]))
    );
    assert_eq!(out["shipments"][0]["status"], "delivered");
    // The other refunded line (legacy_restock, never fulfilled) is cancelled.
    let other = &o["line_items"][2];
    assert_eq!(other["current_quantity"], 0);
    assert_eq!(
        parts_of(&out, &id_text(&other["id"]))[0]["shipment"],
        "cancelled"
    );
    assert!(notes_text(&imported).contains("came back in a return"));
}

/// An order fetched without its fulfillments (`fields=` leaving them out): a unit Shopify no
/// longer counts as fulfillable was shipped, so it is not "not shipped" (which would let it be
/// cancelled at once): it is in a shipment `fulfilled`, `unknown`, with a note.
#[test]
fn fulfilled_units_without_their_fulfillment_are_not_unshipped() {
    let mut doc = sample("api-ruby-2026-07-create-fulfilled-order.json");
    let o = doc["order"].as_object_mut().unwrap();
    o.remove("fulfillments");
    let line = &doc["order"]["line_items"][0];
    assert_eq!(
        (
            line["fulfillment_status"].as_str(),
            line["fulfillable_quantity"].as_u64()
        ),
        (Some("fulfilled"), Some(0))
    );
    let (out, imported) = shopify(&doc);
    assert_eq!(out["items"][0]["shipment"], "fulfilled");
    assert_eq!(out["items"][0]["quantity"], line["quantity"]);
    assert_eq!(
        out["shipments"],
        json!([{"id": "fulfilled", "status": "unknown", "carrier_status": "fulfilled"}])
    );
    assert!(notes_text(&imported).contains("order.line_items[0].fulfillable_quantity"));
    // Still fulfillable: not shipped.
    doc["order"]["line_items"][0]["fulfillable_quantity"] = json!(1);
    let (out, _) = shopify(&doc);
    assert!(out["items"][0].get("shipment").is_none());
    assert_eq!(out["shipments"], json!([]));
}

#[test]
fn a_gift_card_line_is_category_gift_cards() {
    let mut doc = sample("api-ruby-2026-07-get-order.json");
    doc["order"]["line_items"][1]["gift_card"] = json!(true);
    let (out, _) = shopify(&doc);
    let line = id_text(&doc["order"]["line_items"][1]["id"]);
    assert_eq!(parts_of(&out, &line)[0]["category"], "gift_cards");
    let other = id_text(&doc["order"]["line_items"][0]["id"]);
    assert!(parts_of(&out, &other)[0].get("category").is_none());
}

/// `doc` with the first line's price and the currency replaced.
fn priced(currency: &str, price: Value) -> Value {
    let mut doc = sample("api-ruby-2026-07-create-fulfilled-order.json");
    doc["order"]["currency"] = json!(currency);
    doc["order"]["presentment_currency"] = json!(currency);
    doc["order"]["line_items"][0]["price"] = price;
    doc
}

#[test]
fn amounts_are_exact_minor_units_by_the_currency_exponent() {
    for (currency, price, expected) in [
        ("USD", "199.00", 19900),
        ("USD", "0.10", 10),
        ("JPY", "1500", 1500),
        ("JPY", "1500.0", 1500),
        ("KWD", "2.500", 2500),
        ("KWD", "0.005", 5),
        ("BHD", "12.345", 12345),
        ("EUR", "12.340", 1234),
    ] {
        let (out, _) = shopify(&priced(currency, json!(price)));
        assert_eq!(
            out["items"][0]["unit_price"].as_u64(),
            Some(expected),
            "{price} {currency}"
        );
        assert_eq!(expected, minor(price, currency), "the oracle agrees");
    }
    // "0.10" + "0.20" is 30 cents, exactly (in f64 it is 0.30000000000000004).
    let mut doc = priced("USD", json!("1.00"));
    doc["order"]["shipping_lines"] =
        json!([{"price": "0.10"}, {"price": "0.20", "discounted_price": "0.20"}]);
    let (out, _) = shopify(&doc);
    assert_eq!(out["shipping_cost"].as_u64(), Some(30));
    assert_eq!(minor("0.10", "USD") + minor("0.20", "USD"), 30);
}

/// The error for the sample with the first line's price and the currency replaced.
fn refused(currency: &str, price: &str) -> order_help_engine::InputError {
    run(
        Source::Shopify,
        &priced(currency, json!(price)),
        &Options::default(),
    )
    .unwrap_err()
}

#[test]
fn an_amount_finer_than_the_currency_is_an_error_naming_its_path() {
    for (currency, price) in [
        ("EUR", "12.345"),
        ("JPY", "1500.5"),
        ("USD", "-1.00"),
        ("USD", "1e2"),
        ("USD", ""),
    ] {
        let e = refused(currency, price);
        assert_eq!(e.path, "order.line_items[0].price", "{price}");
        assert!(
            e.message.contains(currency) && e.message.contains(&format!("found {price:?}")),
            "{e}"
        );
    }
    // Each amount fits, but not the line's total: said at the price, in the source's terms.
    let mut big = priced("USD", json!("90071992547409.91"));
    big["order"]["line_items"][0]["quantity"] = json!(2);
    big["order"]["line_items"][0]["current_quantity"] = json!(2);
    let e = run(Source::Shopify, &big, &Options::default()).unwrap_err();
    assert_eq!(e.path, "order.line_items[0].price", "{e}");
    assert!(e.message.contains("2 × 9007199254740991"), "{e}");
    let e = run(
        Source::Shopify,
        &priced("EUR", json!(true)),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "order.line_items[0].price: expected an amount in EUR as a decimal with at most 2 decimals (its ISO 4217 minor unit), e.g. \"129.00\", found true");
}

/// A JSON number is taken only as its text says: `199.5` is exact, `0.1234` in USD is not, nor
/// is a float's rounding (`199.50000000000001`); `1E2` is exactly 100.
#[test]
fn a_number_amount_counts_by_its_text() {
    let text = serde_json::to_string(&priced("USD", json!("X"))).unwrap();
    for (number, expected) in [
        ("199.5", Some(19950)),
        ("12", Some(1200)),
        ("0.1234", None),
        ("199.50000000000001", None),
        ("1E2", Some(10000)),
    ] {
        let doc: Value =
            serde_json::from_str(&text.replace("\"X\"", number)).unwrap_or(Value::Null);
        let tree_text = text.replace("\"X\"", number);
        let tree = order_help_engine::json::parse_text(&tree_text).unwrap();
        let result = order_help_engine::import::import(Source::Shopify, &tree, &Options::default());
        match expected {
            Some(minor_units) => {
                let imported = result.unwrap();
                assert_eq!(
                    out(&imported)["items"][0]["unit_price"].as_u64(),
                    Some(minor_units),
                    "{number}"
                );
            }
            None => assert_eq!(
                result.unwrap_err().path,
                "order.line_items[0].price",
                "{number} {doc}"
            ),
        }
    }
}

#[test]
fn a_tracker_given_as_an_order_says_where_it_belongs() {
    let easypost =
        json!({"id": "trk_1", "object": "Tracker", "status": "in_transit", "tracking_code": "EZ1"});
    let e = refusal(Source::Shopify, &easypost);
    let says = "this is an EasyPost Tracker, not a Shopify order: use --from easypost";
    assert!(e.contains(says), "{e}");
    let aftership =
        json!({"meta": {"code": 200}, "data": {"tracking": {"tag": "InTransit", "slug": "dhl"}}});
    let e = run(Source::Shopify, &aftership, &Options::default()).unwrap_err();
    assert!(
        e.message
            .contains("this is an AfterShip tracking, not a Shopify order: use --from aftership"),
        "{e}"
    );
    let woo = fixture("woocommerce", "docs-retrieve-order.json");
    let e = run(Source::Shopify, &woo, &Options::default()).unwrap_err();
    assert!(e.message.contains("use --from woocommerce"), "{e}");
    let list = sample("python-api-orders.json");
    let e = run(Source::Shopify, &list, &Options::default()).unwrap_err();
    assert_eq!(e.path, "orders");
}

#[test]
fn what_shopify_does_not_say_comes_from_the_options() {
    let doc = sample("api-ruby-2026-07-get-order.json");
    let given = [("seller_kind", "marketplace"), ("fulfilled_by", "seller")];
    let mut options = options(&given);
    options.seller_name = Some("Jsmith Goods".into());
    options.payment_method = Some("debit_card".into());
    let (out, imported) = accepted(Source::Shopify, &doc, &options);
    assert_eq!(
        out["seller"],
        json!({"name": "Jsmith Goods", "kind": "marketplace", "fulfilled_by": "seller"})
    );
    // "bogus" (Shopify's test gateway) is not a gateway the converter knows: the option decides.
    assert_eq!(doc["order"]["payment_gateway_names"], json!(["bogus"]));
    assert_eq!(out["payment_method"], "debit_card");
    let notes = notes_text(&imported);
    assert!(!notes.contains("seller.kind"), "{notes}");
    assert!(notes.contains("\"bogus\""), "{notes}");
    // Without options: "other", with a note naming the gateway.
    let (out, imported) = shopify(&doc);
    assert_eq!(out["payment_method"], "other");
    assert!(notes_text(&imported).contains("the gateway \"bogus\" is not one the converter knows"));
    // A value the contract does not have is an error naming the option.
    let path = refused_option(Source::Shopify, &doc, |o| {
        o.seller_kind = Some("marketplace_seller".into())
    });
    assert_eq!(path, "options.seller_kind");
    // No order_status_url and no option: the seller's name is asked for.
    let mut bare = doc.clone();
    bare["order"]
        .as_object_mut()
        .unwrap()
        .remove("order_status_url");
    let e = run(Source::Shopify, &bare, &Options::default()).unwrap_err();
    assert_eq!(e.path, "options.seller_name");
}

#[test]
fn known_gateways() {
    for (gateways, method) in [
        (json!(["shopify_payments"]), "credit_card"),
        (json!(["gift_card", "shopify_payments"]), "credit_card"),
        (json!(["gift_card"]), "gift_card"),
        (json!(["paypal"]), "other"),
        (json!(["Bank Deposit"]), "bank_account"),
    ] {
        let mut doc = sample("api-ruby-2026-07-get-order.json");
        doc["order"]["payment_gateway_names"] = gateways.clone();
        let (out, _) = shopify(&doc);
        assert_eq!(out["payment_method"], method, "{gateways}");
    }
}

/// A change to a sample.
type Change = fn(&mut Value);

#[test]
fn errors_name_the_path_in_the_shopify_document() {
    let doc = sample("api-ruby-2026-07-get-order.json");
    let cases: [(&str, Change, &str); 6] = [
        (
            "order.id",
            |o| drop(o.as_object_mut().unwrap().remove("id")),
            "expected an id",
        ),
        (
            "order.currency",
            |o| o["currency"] = json!("XXX"),
            "found \"XXX\"",
        ),
        (
            "order.line_items[1].price",
            |o| drop(o["line_items"][1].as_object_mut().unwrap().remove("price")),
            "found nothing",
        ),
        (
            "order.line_items[2].quantity",
            |o| o["line_items"][2]["quantity"] = json!("1"),
            "found \"1\"",
        ),
        (
            "order.processed_at",
            |o| o["processed_at"] = json!("2008-01-10 11:00"),
            "expected",
        ),
        (
            "order.shipping_address.country_code",
            |o| o["shipping_address"]["country_code"] = json!("USA"),
            "found \"USA\"",
        ),
    ];
    for (path, change, says) in cases {
        let mut bad = doc.clone();
        change(&mut bad["order"]);
        let e = run(Source::Shopify, &bad, &Options::default()).unwrap_err();
        assert_eq!(e.path, path, "{e}");
        assert!(
            e.message.contains(says) && e.message.contains("expected"),
            "{e}"
        );
    }
}

/// Mutations of each published sample: none panics, every accepted one passes the engine's
/// reader and `assess`, and at least half are accepted.
#[test]
fn mutations_of_the_published_samples() {
    let statuses: Vec<String> = domain_table().into_iter().map(|(v, _)| v).collect();
    let mut vocabulary: Vec<&str> = statuses.iter().map(String::as_str).collect();
    vocabulary.extend([
        "pending",
        "open",
        "success",
        "cancelled",
        "error",
        "failure",
    ]);
    let fields = (
        &["shipment_status", "status"][..],
        &vocabulary[..],
        &["price", "discounted_price", "amount"][..],
    );
    for name in SAMPLES {
        let doc = sample(name);
        half_accepted(name, Source::Shopify, &doc, &options_for(&doc), fields);
    }
}

/// The fulfilled sample's only fulfillment (`success`, no `shipment_status`, no tracking), its
/// line changed by `line` and the order by `order`.
fn untracked(line: impl Fn(&mut Value), order: impl Fn(&mut Value)) -> (Value, Value, String) {
    let mut doc = sample("api-ruby-2026-07-create-fulfilled-order.json");
    line(&mut doc["order"]["line_items"][0]);
    line(&mut doc["order"]["fulfillments"][0]["line_items"][0]);
    order(&mut doc["order"]);
    let (out, imported) = shopify(&doc);
    (doc, out, notes_text(&imported))
}

/// A line that needs no shipping (a gift card), or an order collected in store, fulfilled
/// without tracking, was in the customer's hands when the fulfillment was made: delivered at
/// its `created_at`, with a note; a parcel shipped without a tracker stays unknown, and its
/// note says why nothing starts.
#[test]
fn a_fulfillment_handed_over_without_shipping_counts_as_delivered() {
    let gift_card = |l: &mut Value| {
        l["requires_shipping"] = json!(false);
        l["gift_card"] = json!(true);
        l["fulfillment_service"] = json!("gift_card");
    };
    let pickup = |o: &mut Value| {
        o["shipping_lines"] = json!([{"id": 1, "code": "Local Pickup", "title": "Pick up at Main Street",
            "price": "0.00", "discounted_price": "0.00"}]);
    };
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: [(&str, Change, Change, &str); 2] = [
        (
            "gift card",
            Box::new(gift_card),
            Box::new(|_| {}),
            "needs shipping",
        ),
        ("pickup", Box::new(|_| {}), Box::new(pickup), "pickup"),
    ];
    for (case, line, order, says) in cases {
        let (doc, out, notes) = untracked(line, order);
        let f = &doc["order"]["fulfillments"][0];
        let shipment = &out["shipments"][0];
        assert_eq!(shipment["status"], "delivered", "{case}: {out}");
        assert_eq!(shipment["delivered_at"], f["created_at"], "{case}");
        assert_eq!(out["items"][0]["shipment"], shipment["id"], "{case}");
        assert!(
            notes.contains("order.fulfillments[0].shipment_status") && notes.contains(says),
            "{case}: {notes}"
        );
        // The withdrawal period runs from the delivery: assess sees it received.
        let imported = run(Source::Shopify, &doc, &options_for(&doc)).unwrap();
        let order = order_help_engine::order_from_tree(&imported.document).unwrap();
        assert!(order.shipments[0].status.counts_as_received(), "{case}");
    }
    // Shipped (needs shipping, no pickup line), no tracker: unknown, and the note says so.
    let (_, out, notes) = untracked(|_| {}, |_| {});
    assert_eq!(out["shipments"][0]["status"], "unknown");
    assert!(notes.contains("no tracker"), "{notes}");
    assert!(notes.contains("withdrawal period do not start"), "{notes}");
    // A tracking number means it was shipped, whatever the line says.
    let (_, out, _) = untracked(gift_card, |o| {
        o["fulfillments"][0]["tracking_number"] = json!("1Z999");
    });
    assert_eq!(out["shipments"][0]["status"], "unknown");
}

/// Shopify's `price` is before discounts: the unit price is the line's total less its
/// `discount_allocations`, over its units; rounded down with a note when it does not divide.
#[test]
fn a_line_s_discounts_come_off_its_unit_price() {
    for (price, quantity, discounts, unit, remainder) in [
        // €89.95 with 20 % off, two units: €71.96 each.
        ("89.95", 2, vec!["35.98"], 7196, false),
        ("89.95", 1, vec!["10.00", "7.99"], 7196, false),
        // 3 × 10.00 less 1.00: 29.00 over 3 units.
        ("10.00", 3, vec!["1.00"], 966, true),
        ("10.00", 3, vec![], 1000, false),
    ] {
        let mut doc = priced("EUR", json!(price));
        let line = &mut doc["order"]["line_items"][0];
        line["quantity"] = json!(quantity);
        line["current_quantity"] = json!(quantity);
        line["discount_allocations"] = json!(discounts
            .iter()
            .map(|a| json!({"amount": a, "discount_application_index": 0}))
            .collect::<Vec<_>>());
        doc["order"]["fulfillments"][0]["line_items"][0]["quantity"] = json!(quantity);
        let (out, imported) = shopify(&doc);
        let off: u64 = discounts.iter().map(|a| minor(a, "EUR")).sum();
        let total = minor(price, "EUR") * quantity - off;
        assert_eq!(total / quantity, unit, "the oracle agrees");
        assert_eq!(
            out["items"][0]["unit_price"].as_u64(),
            Some(unit),
            "{price} × {quantity} - {discounts:?}"
        );
        let notes = notes_text(&imported);
        assert_eq!(
            notes.contains("order.line_items[0].discount_allocations"),
            off > 0,
            "{notes}"
        );
        assert_eq!(notes.contains("rounded down"), remainder, "{notes}");
    }
    // Without allocations, total_discount says it.
    let mut doc = priced("EUR", json!("89.95"));
    doc["order"]["line_items"][0]["discount_allocations"] = Value::Null;
    doc["order"]["line_items"][0]["total_discount"] = json!("17.99");
    let (out, _) = shopify(&doc);
    assert_eq!(out["items"][0]["unit_price"].as_u64(), Some(7196));
}

/// The customer paid in the presentment currency: the order is in it, every amount its
/// presentment amount, with a note.
#[test]
fn the_presentment_currency_is_what_the_customer_paid() {
    let mut doc = sample("api-ruby-2026-07-get-order.json");
    let o = &mut doc["order"];
    o["presentment_currency"] = json!("EUR");
    let lines = o["line_items"].as_array_mut().unwrap();
    for (k, line) in lines.iter_mut().enumerate() {
        line["price_set"]["presentment_money"] =
            json!({"amount": format!("18{k}.50"), "currency_code": "EUR"});
        for a in line["discount_allocations"].as_array_mut().unwrap() {
            a["amount_set"]["presentment_money"] =
                json!({"amount": "3.00", "currency_code": "EUR"});
        }
    }
    o["shipping_lines"][0]["discounted_price_set"]["presentment_money"] =
        json!({"amount": "4.95", "currency_code": "EUR"});
    let (out, imported) = shopify(&doc);
    assert_eq!(out["currency"], "EUR");
    for (k, line) in doc["order"]["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let paid = minor(&format!("18{k}.50"), "EUR") - minor("3.00", "EUR");
        let part = parts_of(&out, &id_text(&line["id"]))[0];
        assert_eq!(part["unit_price"].as_u64(), Some(paid), "line {k}");
    }
    assert_eq!(out["shipping_cost"].as_u64(), Some(minor("4.95", "EUR")));
    assert!(notes_text(&imported).contains("order.presentment_currency"));
    // A presentment amount missing: an error at its path.
    doc["order"]["line_items"][0]["price_set"] = Value::Null;
    let e = run(Source::Shopify, &doc, &Options::default()).unwrap_err();
    assert_eq!(
        e.path, "order.line_items[0].price_set.presentment_money.amount",
        "{e}"
    );
}

/// Each refused amount says the real reason: too large (the bound), negative, too many
/// decimals for the currency (JPY has none).
#[test]
fn an_amount_error_says_why_it_is_refused() {
    for (currency, price, says, not) in [
        (
            "EUR",
            "99999999999999999.99",
            "at most 90071992547409.91",
            "decimals",
        ),
        ("USD", "-1.00", "0 or more", "decimals"),
        ("JPY", "1500.5", "whole amount in JPY", "at most 0"),
        ("EUR", "12.345", "at most 2 decimals", "negative"),
    ] {
        let e = refused(currency, price);
        assert_eq!(e.path, "order.line_items[0].price", "{e}");
        assert!(
            e.message.contains(says) && !e.message.contains(not),
            "{price}: {e}"
        );
    }
}

/// Two lines with one id are an error at the second's id; a fulfillment holding more units of
/// a line than it has is said in a note.
#[test]
fn inconsistent_lines_and_fulfillments_are_said() {
    let mut doc = sample("api-ruby-2026-07-get-order.json");
    let first = doc["order"]["line_items"][0]["id"].clone();
    doc["order"]["line_items"][2]["id"] = first;
    let e = run(Source::Shopify, &doc, &Options::default()).unwrap_err();
    assert_eq!(e.path, "order.line_items[2].id", "{e}");
    assert!(e.message.contains("order.line_items[0]"), "{e}");

    let mut doc = sample("api-ruby-2026-07-create-fulfilled-order.json");
    doc["order"]["fulfillments"][0]["line_items"][0]["quantity"] = json!(3);
    let (out, imported) = shopify(&doc);
    let quantity = doc["order"]["line_items"][0]["quantity"].as_u64().unwrap();
    assert_eq!(out["items"][0]["quantity"].as_u64(), Some(quantity));
    let notes = notes_text(&imported);
    assert!(
        notes.contains("order.fulfillments: the fulfillments hold 3 units"),
        "{notes}"
    );
}

/// Every note names a path: a default taken names its option.
#[test]
fn every_note_has_a_path() {
    for name in SAMPLES {
        let doc = sample(name);
        let (_, imported) = shopify(&doc);
        for n in &imported.notes {
            assert!(!n.path.is_empty(), "{name}: {n:?}");
        }
        let paths: Vec<&str> = imported.notes.iter().map(|n| n.path.as_str()).collect();
        assert!(
            paths.contains(&"options.seller_kind") && paths.contains(&"options.fulfilled_by"),
            "{paths:?}"
        );
    }
}
