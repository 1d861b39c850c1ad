//! Bad input gets a clear error, never a panic: each case breaks one thing in a valid order or
//! policy and checks the error's path and a key phrase of its message.
#![cfg(not(target_arch = "wasm32"))]

use order_help_engine::{parse_order, InputError, Order, Policy};
use serde_json::{json, Value};

/// A valid order: three items, two shipments.
fn valid_order() -> Value {
    json!({
        "id": "112-0000001",
        "placed_at": "2025-03-01T09:00:00-08:00",
        "currency": "USD",
        "seller": {"name": "Example Store", "kind": "retailer", "fulfilled_by": "retailer"},
        "payment_method": "credit_card",
        "shipping_cost": 499,
        "items": [
            {"id": "A", "title": "Kettle", "quantity": 1, "unit_price": 2999, "shipment": "S1"},
            {"id": "B", "title": "Mugs", "quantity": 4, "unit_price": 899, "shipment": "S2", "bundle": "K"},
            {"id": "C", "title": "Tea", "quantity": 2, "unit_price": 599, "category": "groceries"}
        ],
        "shipments": [
            {"id": "S1", "status": "delivered", "carrier": "usps",
             "shipped_at": "2025-03-02T09:00:00-08:00", "delivered_at": "2025-03-04T12:00:00-08:00"},
            {"id": "S2", "status": "in_transit", "carrier": "ups", "shipped_at": "2025-03-02T09:00:00-08:00"}
        ]
    })
}

/// Replaces (or with `None` removes) the value at a JSON pointer.
fn edit(mut doc: Value, pointer: &str, value: Option<Value>) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match (target, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(key.to_owned(), v);
        }
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Array(list), Some(v)) => list[key.parse::<usize>().unwrap()] = v,
        (Value::Array(list), None) => {
            list.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{parent} is not a container"),
    }
    doc
}

fn order_error(doc: &Value) -> InputError {
    let text = serde_json::to_string(doc).unwrap();
    Order::from_json_str(&text).expect_err("the order should be rejected")
}

fn check(name: &str, error: &InputError, path: &str, phrase: &str) {
    assert_eq!(error.path, path, "{name}: {error}");
    assert!(
        error.message.contains(phrase),
        "{name}: expected {phrase:?} in {:?}",
        error.message
    );
    // Display is "path: message", or the message alone at the document level.
    let shown = error.to_string();
    assert!(
        shown.ends_with(&error.message)
            && (path.is_empty() || shown.starts_with(&format!("{path}: "))),
        "{name}: {shown}"
    );
}

#[test]
fn the_valid_documents_are_valid() {
    let order = Order::from_json_str(&valid_order().to_string()).unwrap();
    assert_eq!(order.items.len(), 3);
    assert_eq!(Policy::from_json_str("{}").unwrap(), Policy::default());
    // The default policy, written out, is a valid policy document and reads back the same.
    let written = serde_json::to_string(&Policy::default()).unwrap();
    assert_eq!(Policy::from_json_str(&written).unwrap(), Policy::default());
}

#[test]
fn bad_orders() {
    let o = valid_order;
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        ("missing field", edit(o(), "/currency", None), "", "missing field `currency`"),
        ("unknown field", edit(o(), "/coupon", Some(json!("SAVE10"))), "coupon", "unknown field `coupon`"),
        ("unknown item field", edit(o(), "/items/1/colour", Some(json!("red"))), "items[1].colour", "unknown field `colour`"),
        ("unknown shipment field", edit(o(), "/shipments/0/signed_by", Some(json!("J"))), "shipments[0].signed_by", "unknown field `signed_by`"),
        ("wrong type", edit(o(), "/items/0/quantity", Some(json!("two"))), "items[0].quantity", "invalid type: string \"two\""),
        ("unknown status", edit(o(), "/shipments/1/status", Some(json!("lost"))), "shipments[1].status", "unknown variant `lost`"),
        ("unknown carrier", edit(o(), "/shipments/1/carrier", Some(json!("pigeon"))), "shipments[1].carrier", "unknown variant `pigeon`"),
        ("unknown seller kind", edit(o(), "/seller/kind", Some(json!("reseller"))), "seller.kind", "unknown variant `reseller`"),
        ("unknown payment", edit(o(), "/payment_method", Some(json!("cash"))), "payment_method", "unknown variant `cash`"),
        ("unknown shipment id", edit(o(), "/items/2/shipment", Some(json!("S9"))), "items[2].shipment",
            "expected the id of one of the order's shipments (\"S1\", \"S2\"), found \"S9\""),
        ("delivered without time", edit(o(), "/shipments/0/delivered_at", None), "shipments[0].delivered_at",
            "expected the delivery time of a delivered shipment, found none"),
        ("delivered before shipped", edit(o(), "/shipments/0/delivered_at", Some(json!("2025-03-02T08:59:59-08:00"))),
            "shipments[0].delivered_at", "at or after the shipment's shipped_at (2025-03-02T17:00:00Z), found 2025-03-02T16:59:59Z"),
        ("shipped before placed", edit(o(), "/shipments/1/shipped_at", Some(json!("2025-02-28T09:00:00-08:00"))),
            "shipments[1].shipped_at", "at or after the order's placed_at"),
        ("quantity 0", edit(o(), "/items/1/quantity", Some(json!(0))), "items[1].quantity", "expected a quantity of at least 1, found 0"),
        ("negative quantity", edit(o(), "/items/1/quantity", Some(json!(-1))), "items[1].quantity", "invalid value: integer `-1`"),
        ("negative price", edit(o(), "/items/0/unit_price", Some(json!(-5))), "items[0].unit_price", "found the negative number -5"),
        ("fractional price", edit(o(), "/items/0/unit_price", Some(json!(29.99))), "items[0].unit_price", "has a fraction"),
        ("price too large", edit(o(), "/items/0/unit_price", Some(json!(9_007_199_254_740_992_u64))), "items[0].unit_price",
            "larger than JavaScript's largest safe integer"),
        ("price far too large", edit(o(), "/items/0/unit_price", Some(json!(1e30))), "items[0].unit_price", "larger than JavaScript"),
        ("negative shipping", edit(o(), "/shipping_cost", Some(json!(-1))), "shipping_cost", "negative"),
        ("line total overflow", edit(edit(o(), "/items/1/unit_price", Some(json!(9_007_199_254_740_991_u64))), "/items/1/quantity", Some(json!(2))),
            "items[1].unit_price", "quantity × unit_price to be at most 9007199254740991, found 2 × 9007199254740991"),
        ("bad currency", edit(o(), "/currency", Some(json!("usd"))), "currency", "expected an ISO 4217 currency code"),
        ("long currency", edit(o(), "/currency", Some(json!("USDT"))), "currency", "found \"USDT\""),
        ("no offset", edit(o(), "/placed_at", Some(json!("2025-03-01T09:00:00"))), "placed_at",
            "expected an offset (\"Z\" or \"±hh:mm\") after the time"),
        ("day out of range", edit(o(), "/shipments/0/shipped_at", Some(json!("2025-02-30T09:00:00Z"))), "shipments[0].shipped_at",
            "expected a day from 01 to 28"),
        ("hour out of range", edit(o(), "/shipments/1/estimated_delivery", Some(json!("2025-03-05T25:00:00Z"))),
            "shipments[1].estimated_delivery", "expected an hour from 00 to 23"),
        ("timestamp not a string", edit(o(), "/placed_at", Some(json!(1_740_848_400))), "placed_at", "expected an RFC 3339 timestamp string"),
        ("duplicate item id", edit(o(), "/items/2/id", Some(json!("A"))), "items[2].id", "found \"A\", which items[0] already has"),
        ("duplicate shipment id", edit(edit(o(), "/shipments/1/id", Some(json!("S1"))), "/items/1/shipment", Some(json!("S1"))),
            "shipments[1].id", "expected a unique shipment id"),
        ("too much returned", edit(edit(o(), "/items/1/returned_quantity", Some(json!(3))), "/items/1/return_requested_quantity", Some(json!(2))),
            "items[1].return_requested_quantity", "at most the quantity (4), found 3 + 2"),
        ("returned more than bought", edit(o(), "/items/0/returned_quantity", Some(json!(2))), "items[0].returned_quantity", "found 2 + 0"),
        ("no items", edit(o(), "/items", Some(json!([]))), "items", "expected at least one item, found an empty list"),
        ("items not a list", edit(o(), "/items", Some(json!({"A": 1}))), "items", "invalid type: map, expected a sequence"),
        ("empty order id", edit(o(), "/id", Some(json!(""))), "id", "expected a non-empty order id"),
        ("blank item id", edit(o(), "/items/1/id", Some(json!("  "))), "items[1].id", "expected a non-empty item id"),
        ("empty shipment id", edit(edit(o(), "/shipments/1/id", Some(json!(""))), "/items/1/shipment", Some(json!(""))),
            "shipments[1].id", "expected a non-empty shipment id"),
        ("empty bundle id", edit(o(), "/items/1/bundle", Some(json!(""))), "items[1].bundle", "expected a non-empty bundle id"),
        ("null title", edit(o(), "/items/0/title", Some(Value::Null)), "items[0].title", "invalid type: null, expected a string"),
        ("negative stops", edit(o(), "/shipments/1/stops_away", Some(json!(-2))), "shipments[1].stops_away", "invalid value: integer `-2`"),
        ("item pointing nowhere, no shipments", edit(edit(o(), "/shipments", Some(json!([]))), "/items/0/shipment", Some(json!("S1"))),
            "items[0].shipment", "(the order has none), found \"S1\""),
    ];
    assert!(cases.len() >= 25);
    for (name, doc, path, phrase) in &cases {
        check(name, &order_error(doc), path, phrase);
    }
}

#[test]
fn malformed_json_says_so_with_line_and_column() {
    let error = Order::from_json_str("{\n  \"id\": \"O1\",\n  \"currency\": \"USD\" \"EUR\"\n}")
        .unwrap_err();
    assert!(error.message.starts_with("malformed JSON: "), "{error}");
    assert!(
        error
            .message
            .contains("expected `,` or `}` at line 3 column 21"),
        "{error}"
    );
    let error = Order::from_json_str("").unwrap_err();
    assert!(
        error.message.contains("malformed JSON: EOF while parsing"),
        "{error}"
    );
    let error = Order::from_json_str(&format!("{} trailing", valid_order())).unwrap_err();
    assert!(
        error
            .message
            .contains("malformed JSON: trailing characters"),
        "{error}"
    );
}

#[test]
fn nulls_are_absent_for_optional_fields() {
    let doc = edit(
        edit(
            edit(valid_order(), "/shipments", Some(Value::Null)),
            "/items/0/shipment",
            Some(Value::Null),
        ),
        "/items/1/shipment",
        None,
    );
    let doc = edit(
        edit(doc, "/items/0/final_sale", Some(Value::Null)),
        "/items/0/returned_quantity",
        Some(Value::Null),
    );
    let order = parse_order(doc).unwrap();
    assert!(order.shipments.is_empty());
    assert!(!order.items[0].final_sale);
    assert_eq!(order.items[0].returned_quantity, 0);
}

#[test]
fn the_documented_display() {
    let error = order_error(&edit(valid_order(), "/items/2/shipment", Some(json!("S9"))));
    assert_eq!(
        error.to_string(),
        "items[2].shipment: expected the id of one of the order's shipments (\"S1\", \"S2\"), found \"S9\""
    );
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.to_string().starts_with("items[2].shipment"));
}

#[test]
fn bad_policies() {
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        ("unknown field", json!({"return_window": 30}), "return_window", "unknown field `return_window`"),
        ("unknown zone", json!({"time_zone": "Mars/Olympus_Mons"}), "time_zone",
            "expected an IANA time zone name the engine knows (e.g. \"America/Los_Angeles\") or a POSIX TZ rule"),
        ("bad posix rule", json!({"time_zone": "PST8PDT,M3.2.0"}), "time_zone", "\",\" before the daylight time's end"),
        ("window too long", json!({"return_window_days": 4000}), "return_window_days", "expected at most 3650 days, found 4000"),
        ("negative window", json!({"return_window_days": -1}), "return_window_days", "invalid value: integer `-1`"),
        ("category window too long", json!({"category_windows": {"ebooks": 5000}}), "category_windows.ebooks", "at most 3650 days"),
        ("fee over 100", json!({"opened_fees": {"computers": 150}}), "opened_fees.computers", "expected a percentage from 0 to 100, found 150"),
        ("impossible date", json!({"holiday_extension": {"shipped_from": "02-30"}}), "holiday_extension.shipped_from",
            "found \"02-30\": that month has at most 29 days"),
        ("not MM-DD", json!({"holiday_extension": {"return_until": "1/31"}}), "holiday_extension.return_until",
            "expected a month and day written MM-DD"),
        ("month 13", json!({"holiday_extension": {"shipped_until": "13-01"}}), "holiday_extension.shipped_until", "there is no month 13"),
        ("until before from", json!({"holiday_extension": {"shipped_from": "12-01", "shipped_until": "11-30"}}),
            "holiday_extension.shipped_until", "on or after shipped_from (12-01)"),
        ("unknown holiday field", json!({"holiday_extension": {"ship_from": "11-01"}}), "holiday_extension.ship_from", "unknown field `ship_from`"),
        ("min over max", json!({"refund_timing": {"credit_card": {"min": 5, "max": 3, "unit": "business_days"}}}),
            "refund_timing.credit_card.min", "expected min to be at most max (3), found 5"),
        ("unknown method", json!({"refund_timing": {"paypal": {"min": 1, "max": 2, "unit": "hours"}}}), "refund_timing.paypal",
            "unknown field `paypal`"),
        ("unknown unit", json!({"refund_timing": {"default": {"min": 1, "max": 2, "unit": "weeks"}}}), "refund_timing.default.unit",
            "unknown variant `weeks`"),
        ("grace too long", json!({"marketplace_cancel_grace_minutes": 20000}), "marketplace_cancel_grace_minutes",
            "expected at most 10080 minutes (a week), found 20000"),
        ("empty reason id", json!({"cancellation_reasons": {"options": [{"id": "", "label": "Other"}]}, "buyers_remorse_reasons": []}),
            "cancellation_reasons.options[0].id", "expected a non-empty reason id"),
        ("duplicate reason id", json!({"cancellation_reasons": {"options": [{"id": "x", "label": "X"}, {"id": "x", "label": "Y"}]}, "buyers_remorse_reasons": []}),
            "cancellation_reasons.options[1].id", "expected a unique reason id, found \"x\""),
        ("required without options", json!({"cancellation_reasons": {"required": true, "options": []}, "buyers_remorse_reasons": []}),
            "cancellation_reasons.options", "expected at least one reason"),
        ("unknown remorse reason", json!({"buyers_remorse_reasons": ["changed_mind"]}), "buyers_remorse_reasons[0]",
            "expected the id of one of the cancellation reasons (\"ordered_by_mistake\""),
    ];
    for (name, doc, path, phrase) in &cases {
        let error = Policy::from_json_str(&doc.to_string()).expect_err(name);
        check(name, &error, path, phrase);
    }
    let error = Policy::from_json_str("{\"time_zone\": }").unwrap_err();
    assert!(
        error.message.starts_with("malformed JSON: ") && error.message.contains("line 1 column"),
        "{error}"
    );
}
