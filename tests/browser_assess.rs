//! The wasm export in a real browser: a JS object in, the assessment's JSON shape out, and a
//! bad order thrown as an `Error` naming the field.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ORDER: &str = r#"{
  "id": "112-0000001", "placed_at": "2025-02-26T09:00:00-08:00", "currency": "USD",
  "seller": {"name": "Example Store", "kind": "retailer", "fulfilled_by": "retailer"},
  "payment_method": "credit_card",
  "items": [
    {"id": "A", "title": "Rain jacket", "quantity": 1, "unit_price": 8900, "shipment": "S1"},
    {"id": "B", "title": "Umbrella", "quantity": 2, "unit_price": 1500}
  ],
  "shipments": [
    {"id": "S1", "status": "delivered", "carrier": "ups",
     "shipped_at": "2025-02-27T10:00:00-08:00", "delivered_at": "2025-03-01T14:00:00-08:00"}
  ]
}"#;

/// `value[k0][k1]…`
fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn item(result: &JsValue, index: u32) -> JsValue {
    js_sys::Array::from(&get(result, &["items"])).get(index)
}

fn error_message(error: wasm_bindgen::JsError) -> String {
    let value: JsValue = error.into();
    value.dyn_into::<js_sys::Error>().unwrap().message().into()
}

#[wasm_bindgen_test]
fn assesses_a_js_order_object() {
    let order = JSON::parse(ORDER).unwrap();
    let now = JsValue::from_str("2025-03-31T23:59:59-07:00");
    let result = order_help::embed::assess(order, JsValue::UNDEFINED, now).unwrap();

    let jacket = item(&result, 0);
    assert_eq!(
        get(&jacket, &["return", "verdict"]).as_string().as_deref(),
        Some("allowed")
    );
    assert_eq!(
        get(&jacket, &["return", "deadline"]).as_string().as_deref(),
        Some("2025-03-31T23:59:59-07:00")
    );
    assert_eq!(get(&jacket, &["refund", "amount"]).as_f64(), Some(8900.0));
    let umbrella = item(&result, 1);
    assert_eq!(
        get(&umbrella, &["cancel", "verdict"])
            .as_string()
            .as_deref(),
        Some("allowed")
    );
    assert!(get(&umbrella, &["cancel", "grace_ends_at"]).is_null());
    assert_eq!(
        get(&result, &["order_cancel"]).as_string().as_deref(),
        Some("not_available")
    );
    assert_eq!(
        get(&result, &["next_change_at"]).as_string().as_deref(),
        Some("2025-04-01T00:00:00-07:00")
    );
    assert_eq!(
        get(&result, &["time_zone"]).as_string().as_deref(),
        Some("America/Los_Angeles")
    );
}

#[wasm_bindgen_test]
fn now_as_milliseconds_or_the_clock_and_a_policy_object() {
    let order = JSON::parse(ORDER).unwrap();
    // One second after the deadline, as Date.now() would give it.
    let millis = JsValue::from_f64(1_743_490_800_000.0);
    let result = order_help::embed::assess(order.clone(), JsValue::NULL, millis).unwrap();
    assert_eq!(
        get(&item(&result, 0), &["return", "verdict"])
            .as_string()
            .as_deref(),
        Some("expired")
    );

    let policy =
        JSON::parse(r#"{"time_zone": "Europe/Berlin", "return_window_days": 14}"#).unwrap();
    let result = order_help::embed::assess(order.clone(), policy, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&result, &["time_zone"]).as_string().as_deref(),
        Some("Europe/Berlin")
    );
    assert_eq!(
        get(&item(&result, 0), &["return", "deadline"])
            .as_string()
            .as_deref(),
        Some("2025-03-15T23:59:59+01:00")
    );
    // Without `now`, the browser's clock: long after the window.
    assert_eq!(
        get(&item(&result, 0), &["return", "verdict"])
            .as_string()
            .as_deref(),
        Some("expired")
    );
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_naming_the_field() {
    let order = JSON::parse(ORDER).unwrap();
    let items = js_sys::Array::from(&get(&order, &["items"]));
    Reflect::set(
        &items.get(1),
        &JsValue::from_str("shipment"),
        &JsValue::from_str("S9"),
    )
    .unwrap();
    let message = error_message(
        order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
    );
    assert_eq!(
        message,
        r#"items[1].shipment: expected the id of one of the order's shipments ("S1"), found "S9""#
    );

    let order = JSON::parse(ORDER).unwrap();
    Reflect::set(
        &item(&order, 0),
        &JsValue::from_str("unit_price"),
        &JsValue::from_f64(89.5),
    )
    .unwrap();
    let message = error_message(
        order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
    );
    assert!(
        message.starts_with("items[0].unit_price: ") && message.contains("has a fraction"),
        "{message}"
    );

    let order = JSON::parse(ORDER).unwrap();
    let policy = JSON::parse(r#"{"time_zone": "Mars/Olympus_Mons"}"#).unwrap();
    let message = error_message(
        order_help::embed::assess(order.clone(), policy, JsValue::UNDEFINED).unwrap_err(),
    );
    assert!(
        message.starts_with("policy: time_zone: expected an IANA time zone name"),
        "{message}"
    );

    let message = error_message(
        order_help::embed::assess(
            order.clone(),
            JsValue::UNDEFINED,
            JsValue::from_str("2025-03-31"),
        )
        .unwrap_err(),
    );
    assert!(
        message.starts_with("now: expected \"T\" between the date and the time"),
        "{message}"
    );
    let message = error_message(
        order_help::embed::assess(
            order.clone(),
            JsValue::UNDEFINED,
            JsValue::from_f64(f64::NAN),
        )
        .unwrap_err(),
    );
    assert!(
        message.starts_with("now: expected milliseconds"),
        "{message}"
    );
    // A `now` of another kind: the message lists every kind `now` accepts, null too, and says
    // what it found.
    let message = error_message(
        order_help::embed::assess(order, JsValue::NULL, js_sys::Date::new_0().into()).unwrap_err(),
    );
    assert_eq!(
        message,
        "now: expected undefined, null, a number of milliseconds since the Unix epoch or an RFC 3339 string, found an object"
    );
    // No order at all is named as such, not as `null`.
    let message = error_message(
        order_help::embed::assess(JsValue::UNDEFINED, JsValue::UNDEFINED, JsValue::UNDEFINED)
            .unwrap_err(),
    );
    assert_eq!(
        message,
        "expected an order (an object in the order contract, or its JSON text), found undefined"
    );
}

/// The export reads documents through `JSON.stringify`; where that would lose or change what a
/// value holds, the error still describes the value itself.
#[wasm_bindgen_test]
fn values_json_cannot_hold_are_reported_as_they_are() {
    let assess_error = |order: JsValue| {
        error_message(
            order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
        )
    };
    let set = |order: &JsValue, path: &[&str], key: &str, value: &JsValue| {
        Reflect::set(&get(order, path), &JsValue::from_str(key), value).unwrap();
    };

    // `undefined` is a null field, not a missing one (`JSON.stringify` would drop it).
    let order = JSON::parse(ORDER).unwrap();
    set(&item(&order, 0), &[], "title", &JsValue::UNDEFINED);
    let message = assess_error(order);
    assert!(
        message.starts_with("items[0].title: expected a string, found null"),
        "{message}"
    );

    // NaN is NaN (`JSON.stringify` writes null).
    let order = JSON::parse(ORDER).unwrap();
    set(
        &item(&order, 1),
        &[],
        "unit_price",
        &JsValue::from_f64(f64::NAN),
    );
    let message = assess_error(order);
    assert!(
        message.starts_with("items[1].unit_price: ") && message.contains("not a finite number"),
        "{message}"
    );

    // A BigInt and a cycle, which `JSON.stringify` throws on.
    let order = JSON::parse(ORDER).unwrap();
    set(
        &item(&order, 0),
        &[],
        "quantity",
        &js_sys::BigInt::from(1u32).into(),
    );
    let message = assess_error(order);
    assert!(message.contains("found a bigint"), "{message}");
    let order = JSON::parse(ORDER).unwrap();
    set(&order, &[], "seller", &order);
    let message = assess_error(order);
    assert!(
        message.contains("nested more than 64 levels deep"),
        "{message}"
    );
}

/// The objects the export returns are the ones serde-wasm-bindgen makes of the assessment
/// (what the export returned before it wrote JSON text), key order included.
#[wasm_bindgen_test]
fn returns_what_serde_wasm_bindgen_makes_of_the_assessment() {
    use order_help_engine::{assess, Instant, Policy};
    let orders = [
        ORDER,
        include_str!("../benches/fixtures/order-10.json"),
        include_str!("../benches/fixtures/order-50-countdowns.json"),
    ];
    for text in orders {
        for now in [
            "2025-02-26T09:10:00-08:00",
            "2025-03-20T10:05:00-07:00",
            "2025-03-31T23:59:59-07:00",
            "2025-04-01T00:00:00-07:00",
        ] {
            let order = JSON::parse(text).unwrap();
            let exported =
                order_help::embed::assess(order.clone(), JsValue::NULL, JsValue::from_str(now))
                    .unwrap();
            let tree = order_help::js_json::to_json(&order).unwrap();
            let parsed = order_help_engine::order_from_tree(&tree).unwrap();
            let at = Instant::parse_rfc3339(now).unwrap();
            let expected = to_js(&assess(&parsed, &Policy::default(), at));
            assert_eq!(
                JSON::stringify(&exported).unwrap().as_string(),
                JSON::stringify(&expected).unwrap().as_string(),
                "{now}"
            );
        }
    }
}

/// What serde-wasm-bindgen makes of `value`: plain JSON data (maps as objects).
fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

/// A request handed to the page is what serde-wasm-bindgen made of it (what the widget sent
/// before it wrote JSON text): every kind, with and without its optional fields, key order
/// included.
#[wasm_bindgen_test]
fn requests_reach_the_page_as_serde_wasm_bindgen_made_them() {
    let with_all = r#"{"kind":"withdrawal","order_id":"A-1 \"x\" ü","items":[{"item_id":"I1","quantity":2}],
        "assessed_at":"2025-03-20T10:05:00-07:00","verdicts":[{"item_id":"I1","cancel":"allowed","code":"c"}],"reason":null,"comment":"a\nb",
        "idempotency_key":"k","lines":[{"item_id":"I1","quantity":2,"opened":true}],
        "declared_at":"2025-03-20T10:05:00-07:00","customer":{"name":"N","email":"n@example.com"}}"#;
    let minimal = r#"{"kind":"cancel","order_id":"A-1","items":[{"item_id":"I1","quantity":1}],
        "assessed_at":"2025-03-20T10:05:00Z"}"#;
    for text in [with_all, minimal] {
        let request: order_help_engine::Request = order_help_engine::json::deserialize(
            &order_help_engine::json::parse_text(text).unwrap(),
        )
        .unwrap();
        assert_eq!(
            JSON::stringify(&order_help::host::request_to_js(&request))
                .unwrap()
                .as_string(),
            JSON::stringify(&to_js(&request)).unwrap().as_string(),
        );
    }
}

/// An order of `count` items, as a JS object.
fn order_with_items(count: usize) -> JsValue {
    let items: Vec<String> = (0..count)
        .map(|i| format!(r#"{{"id": "I{i}", "title": "T", "quantity": 1, "unit_price": 100}}"#))
        .collect();
    let text = ORDER.replacen(
        "\"items\": [",
        &format!("\"items\": [{},", items.join(",")),
        1,
    );
    JSON::parse(&text).unwrap()
}

#[wasm_bindgen_test]
fn limits_are_checked_before_the_work() {
    let order = order_with_items(100_000);
    let started = js_sys::Date::now();
    let message = error_message(
        order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
    );
    let took = js_sys::Date::now() - started;
    assert_eq!(message, "items: expected at most 1000 items, found 100002");
    assert!(took < 3000.0, "{took} ms");

    // A 20 MiB title: refused by its size, before the text is copied into the wasm.
    let order = JSON::parse(ORDER).unwrap();
    let title = "x".repeat(20 * 1024 * 1024);
    Reflect::set(
        &item(&order, 0),
        &JsValue::from_str("title"),
        &JsValue::from_str(&title),
    )
    .unwrap();
    let message = error_message(
        order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
    );
    assert!(
        message.starts_with("expected a document of at most 10485760 bytes (10 MiB), found "),
        "{message}"
    );
    // A title over the string limit, in a document under the size limit.
    let order = JSON::parse(ORDER).unwrap();
    Reflect::set(
        &item(&order, 1),
        &JsValue::from_str("title"),
        &JsValue::from_str(&"y".repeat(5000)),
    )
    .unwrap();
    let message = error_message(
        order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
    );
    assert_eq!(
        message,
        "items[1].title: expected a text of at most 2000 characters, found one of 5000"
    );
}

#[wasm_bindgen_test]
fn numbers_are_quoted_as_javascript_writes_them() {
    let order = JSON::parse(ORDER).unwrap();
    // What a host computing cents in floating point sends: 19.99 * 100.
    Reflect::set(
        &item(&order, 0),
        &JsValue::from_str("unit_price"),
        &JsValue::from_f64(19.99 * 100.0),
    )
    .unwrap();
    let message = error_message(
        order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
    );
    assert_eq!(
        message,
        "items[0].unit_price: expected an amount in minor units (a whole number from 0 to 9007199254740991), found 1998.9999999999998, which has a fraction"
    );
    let order = JSON::parse(ORDER).unwrap();
    Reflect::set(
        &item(&order, 0),
        &JsValue::from_str("quantity"),
        &JsValue::from_f64(4_294_967_296.0),
    )
    .unwrap();
    let message = error_message(
        order_help::embed::assess(order, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err(),
    );
    assert_eq!(
        message,
        "items[0].quantity: expected a whole number from 0 to 4294967295, found 4294967296"
    );
}
