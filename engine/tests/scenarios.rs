//! Table-driven scenarios: every `tests/scenarios/*.json` is an order (and optionally a
//! policy) with cases, each an instant and the expected verdicts. Only the fields a case gives
//! are checked; an unknown expectation key is an error, so a typo cannot pass silently.
//!
//! ```json
//! { "name": "…", "about": "…", "order": {…}, "policy": {…},
//!   "cases": [ { "at": "2025-03-31T23:59:59-07:00",
//!                "expect": { "order_cancel": "not_available", "next_change_at": "…" | null,
//!                            "time_zone": "…", "at": "…",
//!                            "items": { "A": { "return": "allowed", "deadline": "…" } },
//!                            "withdrawal": { "verdict": "allowed", "deadline": "…",
//!                                            "items": ["A"], "message": "…" } } } ] }
//! ```
//!
//! A table of bad input has `error` instead of `cases`: the document (`order` or `policy`)
//! must be rejected with that path and a message containing that text.
//!
//! ```json
//! { "name": "…", "about": "…", "order": {…}, "policy": {…},
//!   "error": { "in": "policy", "path": "withdrawal.public_holidays[0]", "message": "…" } }
//! ```
//!
//! A case may give `order_fields`: top-level fields of the order that replace the table's own
//! for that case (the same order with another `customer`, or other `items`).
//!
//! A case with `propose` (a return proposal: `lines`, `reason_id`) checks
//! [`preview_return`] at its instant instead: `expect` names fields of the preview (`total`,
//! `items_value`, `delivery_refund`, `deductions`, `buyers_remorse`, `timing` …) and, under
//! `lines`, fields of each line by item id (`value`, `refund`, `deductions`, `opened_changes_refund`,
//! `return_by` …); or `error`: the expected error's `path` and `code` (and any of its values).
//!
//! ```json
//! { "at": "…", "propose": { "lines": [{"item_id": "A", "quantity": 2}], "reason_id": "other" },
//!   "expect": { "total": 2400, "lines": { "A": { "refund": 2400 } } } }
//! { "at": "…", "propose": { … }, "expect": { "error": { "path": "lines[0].quantity", "code": "zero_quantity" } } }
//! ```
//!
//! A case with `request` (a host request, as the widget sends it) checks [`verify`] with `at`
//! as the instant the server received it: `expect` names fields of the verification
//! (`accepted`, `code`, `values`; `message` must contain the text) and, under `items`, fields
//! of each item's verification by item id (`accepted`, `code`, `changed_since_assessed`,
//! `verdict`, `verdict_code`, `values`; `message` must contain the text).
//!
//! ```json
//! { "at": "…", "request": { "kind": "cancel", "order_id": "…", "items": […], "assessed_at": "…" },
//!   "expect": { "accepted": false, "code": "items_rejected",
//!               "items": { "A": { "code": "not_cancellable_now", "changed_since_assessed": true } } } }
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use order_help_engine::{
    assess, parse_order, parse_policy, preview_return, verify, Instant, Order, Policy, Request,
    ReturnProposal,
};
use serde_json::{Map, Value};

/// Expectation key → where its value is in an item's assessment JSON.
const ITEM_FIELDS: &[(&str, &[&str])] = &[
    ("cancel", &["cancel", "verdict"]),
    ("cancel_code", &["cancel", "code"]),
    ("bundle_items", &["cancel", "bundle_items"]),
    ("grace_ends_at", &["cancel", "grace_ends_at"]),
    ("refuse", &["refuse", "verdict"]),
    ("refuse_code", &["refuse", "code"]),
    ("stops_away", &["refuse", "stops_away"]),
    ("live_map", &["refuse", "live_map"]),
    ("return", &["return", "verdict"]),
    ("return_code", &["return", "code"]),
    ("deadline", &["return", "deadline"]),
    ("return_quantity", &["return", "quantity"]),
    ("holiday_extended", &["return", "holiday_extended"]),
    ("refund", &["refund", "amount"]),
    ("refund_deductions", &["refund", "deductions"]),
    ("refund_timing", &["refund", "timing"]),
    ("next_step", &["next_step"]),
    ("shipment_status", &["shipment_status"]),
    ("carrier", &["carrier"]),
];

/// Expectation key of `withdrawal` → the field of the assessment's `withdrawal` object it
/// checks; `message` must contain the given text.
const WITHDRAWAL_FIELDS: &[&str] = &[
    "verdict",
    "code",
    "deadline",
    "items",
    "days",
    "starts_on",
    "moved_from",
];

/// Expectation key → which message must contain the given text.
const MESSAGE_FIELDS: &[(&str, &str)] = &[
    ("cancel_message", "cancel"),
    ("refuse_message", "refuse"),
    ("return_message", "return"),
];

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn at_path<'a>(value: &'a Value, path: &[&str]) -> &'a Value {
    path.iter()
        .fold(value, |v, key| v.get(key).unwrap_or(&Value::Null))
}

/// Checks one case; returns the failures, each naming the field.
fn check_case(order: &Order, policy: &Policy, case: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let at_text = case["at"].as_str().expect("each case has an \"at\" string");
    let at = Instant::parse_rfc3339(at_text).unwrap_or_else(|e| panic!("at: {e}"));
    if case.get("propose").is_some() {
        return check_preview(order, policy, at, case);
    }
    if case.get("request").is_some() {
        return check_verification(order, policy, at, case);
    }
    let assessment = assess(order, policy, at);
    let actual = serde_json::to_value(&assessment).unwrap();
    let expect = case["expect"]
        .as_object()
        .expect("each case has an \"expect\" object");
    for (key, expected) in expect {
        match key.as_str() {
            "order_cancel" | "next_change_at" | "time_zone" | "at" => {
                compare(&mut failures, key, &actual[key], expected);
            }
            "items" => {
                let found = &actual["items"];
                for (id, item, fields) in by_item_id(&mut failures, found, expected, "items") {
                    check_item(id, item, fields, &mut failures);
                }
            }
            "withdrawal" => check_withdrawal(
                &actual["withdrawal"],
                expected
                    .as_object()
                    .expect("\"withdrawal\" expectations are an object"),
                &mut failures,
            ),
            other => failures.push(unknown_key("", other)),
        }
    }
    failures
}

/// A failure `{label}: expected …, found …` when `found` is not `expected`.
fn compare(failures: &mut Vec<String>, label: &str, found: &Value, expected: &Value) {
    if found != expected {
        failures.push(format!("{label}: expected {expected}, found {found}"));
    }
}

/// A failure when the message `found` (a string, or absent) does not contain the text
/// `expected`.
fn compare_message(failures: &mut Vec<String>, label: &str, found: &Value, expected: &Value) {
    let message = found.as_str().unwrap_or("");
    let phrase = expected.as_str().expect("message expectations are strings");
    if !message.contains(phrase) {
        failures.push(format!(
            "{label}: expected a message containing {phrase:?}, found {message:?}"
        ));
    }
}

/// `expected` against the field `key` of `found`, the failure labelled `{at}{key}` (`at` is
/// `""` or ends in a dot: `lines.A.`); a key `found` does not have is an unknown expectation
/// key, so a typo cannot pass silently.
fn compare_field(failures: &mut Vec<String>, at: &str, found: &Value, key: &str, expected: &Value) {
    match found.get(key) {
        Some(f) => compare(failures, &format!("{at}{key}"), f, expected),
        None => failures.push(unknown_key(at, key)),
    }
}

/// The failure for an expectation key the runner does not know, under `at` (`""` or ending in
/// a dot: `items.A.`).
fn unknown_key(at: &str, key: &str) -> String {
    match at.strip_suffix('.') {
        Some(at) => format!("{at}: unknown expectation key {key:?}"),
        None => format!("unknown expectation key {key:?}"),
    }
}

/// Each expectation of `expected` (an object keyed by item id, under `list_name`: `items` or
/// `lines`) with the entry of `found` (an array of objects with an `item_id`) it names, and its
/// fields; an id `found` has no entry for is a failure `{list_name}.{id}: no such …`.
fn by_item_id<'a>(
    failures: &mut Vec<String>,
    found: &'a Value,
    expected: &'a Value,
    list_name: &str,
) -> Vec<(&'a str, &'a Value, &'a Map<String, Value>)> {
    let expected = expected
        .as_object()
        .unwrap_or_else(|| panic!("\"{list_name}\" is an object keyed by item id"));
    let entries = found.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut pairs = Vec::new();
    for (id, fields) in expected {
        let fields = fields
            .as_object()
            .unwrap_or_else(|| panic!("{list_name}.{id}: expectations are an object"));
        match entries.iter().find(|e| e["item_id"] == *id) {
            Some(entry) => pairs.push((id.as_str(), entry, fields)),
            None => failures.push(format!(
                "{list_name}.{id}: no such {}",
                list_name.trim_end_matches('s')
            )),
        }
    }
    pairs
}

fn check_withdrawal(actual: &Value, fields: &Map<String, Value>, failures: &mut Vec<String>) {
    for (key, expected) in fields {
        if WITHDRAWAL_FIELDS.contains(&key.as_str()) {
            compare(
                failures,
                &format!("withdrawal.{key}"),
                &actual[key],
                expected,
            );
        } else if key == "message" {
            compare_message(failures, "withdrawal.message", &actual["message"], expected);
        } else {
            failures.push(unknown_key("withdrawal.", key));
        }
    }
}

/// A table of bad input: the document it names must be rejected at `path`, with a message
/// containing `message`. Returns the failures.
fn check_error(doc: &Value, expected: &Value) -> Vec<String> {
    let document = expected["in"]
        .as_str()
        .expect("error.in is \"order\" or \"policy\"");
    let result = match document {
        "order" => parse_order(doc["order"].clone()).map(|_| ()),
        "policy" => parse_policy(doc["policy"].clone()).map(|_| ()),
        other => panic!("error.in: expected \"order\" or \"policy\", found {other:?}"),
    };
    let path = expected["path"].as_str().expect("error.path is a string");
    let phrase = expected["message"]
        .as_str()
        .expect("error.message is a string");
    match result {
        Ok(()) => vec![format!(
            "{document}: expected an error at {path}, found none"
        )],
        Err(e) if e.path != path || !e.message.contains(phrase) => vec![format!(
            "{document}: expected an error at {path} containing {phrase:?}, found {e}"
        )],
        Err(_) => Vec::new(),
    }
}

/// Checks a preview case (`propose`) at `at`: the fields `expect` names, of the preview or of
/// its error.
fn check_preview(order: &Order, policy: &Policy, at: Instant, case: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let proposal = ReturnProposal::from_json_str(&case["propose"].to_string())
        .unwrap_or_else(|e| panic!("propose: {e}"));
    let expect = case["expect"]
        .as_object()
        .expect("each case has an \"expect\" object");
    let result = preview_return(order, policy, &proposal, at);
    match (expect.get("error"), result) {
        (Some(expected), Err(error)) => {
            // The error as one object: its path, and its problem's code and values.
            let mut found = serde_json::to_value(&error.problem).unwrap();
            found["path"] = Value::String(error.path.clone());
            for (key, value) in expected.as_object().expect("\"error\" is an object") {
                compare_field(&mut failures, "error.", &found, key, value);
            }
            // The sentence names what was expected and what was found.
            let text = error.to_string();
            if !(text.contains("expected") && text.contains("found")) {
                failures.push(format!(
                    "error: a sentence without expected/found: {text:?}"
                ));
            }
        }
        (Some(expected), Ok(preview)) => failures.push(format!(
            "expected the error {expected}, found a preview with total {}",
            preview.total
        )),
        (None, Err(error)) => failures.push(format!("expected a preview, found the error {error}")),
        (None, Ok(preview)) => {
            let actual = serde_json::to_value(&preview).unwrap();
            for (key, expected) in expect {
                if key != "lines" {
                    compare_field(&mut failures, "", &actual, key, expected);
                    continue;
                }
                let found = &actual["lines"];
                for (id, line, fields) in by_item_id(&mut failures, found, expected, "lines") {
                    for (field, value) in fields {
                        compare_field(&mut failures, &format!("lines.{id}."), line, field, value);
                    }
                }
            }
        }
    }
    failures
}

/// Checks a verification case (`request`, received by the server at `at`): the fields `expect`
/// names, of the request and of its items.
fn check_verification(order: &Order, policy: &Policy, at: Instant, case: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let request = Request::from_json_str(&case["request"].to_string())
        .unwrap_or_else(|e| panic!("request: {e}"));
    let actual = serde_json::to_value(verify(order, policy, &request, at)).unwrap();
    let expect = case["expect"]
        .as_object()
        .expect("each case has an \"expect\" object");
    for (key, expected) in expect {
        if key != "items" {
            compare_verification(&mut failures, "", &actual, key, expected);
            continue;
        }
        for (id, item, fields) in by_item_id(&mut failures, &actual["items"], expected, "items") {
            for (field, value) in fields {
                compare_verification(&mut failures, &format!("items.{id}."), item, field, value);
            }
        }
    }
    failures
}

/// One expectation of a verification (`at` prefixes the failure: `items.A.`): `message`
/// contains the text; the other keys equal the field.
fn compare_verification(
    failures: &mut Vec<String>,
    at: &str,
    found: &Value,
    key: &str,
    expected: &Value,
) {
    match key {
        "message" => compare_message(
            failures,
            &format!("{at}message"),
            &found["message"],
            expected,
        ),
        "accepted" | "code" | "values" | "changed_since_assessed" | "verdict" | "verdict_code" => {
            compare_field(failures, at, found, key, expected);
        }
        other => failures.push(unknown_key(at, other)),
    }
}

fn check_item(id: &str, item: &Value, fields: &Map<String, Value>, failures: &mut Vec<String>) {
    for (key, expected) in fields {
        let label = format!("items.{id}.{key}");
        if let Some((_, path)) = ITEM_FIELDS.iter().find(|(k, _)| k == key) {
            compare(failures, &label, at_path(item, path), expected);
        } else if let Some((_, decision)) = MESSAGE_FIELDS.iter().find(|(k, _)| k == key) {
            compare_message(failures, &label, &item[decision]["message"], expected);
        } else {
            failures.push(unknown_key(&format!("items.{id}."), key));
        }
    }
}

#[test]
fn scenarios() {
    let files = scenario_files();
    let mut cases = 0;
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(file).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for key in doc.as_object().unwrap().keys() {
            assert!(
                ["name", "about", "order", "policy", "cases", "error"].contains(&key.as_str()),
                "{name}: unknown key {key:?}"
            );
        }
        assert!(
            doc["about"].as_str().is_some_and(|a| !a.is_empty()),
            "{name}: say what it is about"
        );
        if let Some(expected) = doc.get("error") {
            assert!(
                doc.get("cases").is_none(),
                "{name}: error or cases, not both"
            );
            cases += 1;
            for failure in check_error(&doc, expected) {
                failures.push(format!("{name}: {failure}"));
            }
            continue;
        }
        let order =
            parse_order(doc["order"].clone()).unwrap_or_else(|e| panic!("{name}: order: {e}"));
        let policy = match doc.get("policy") {
            Some(p) => parse_policy(p.clone()).unwrap_or_else(|e| panic!("{name}: policy: {e}")),
            None => Policy::default(),
        };
        let list = doc["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: no cases"));
        assert!(!list.is_empty(), "{name}: no cases");
        for (i, case) in list.iter().enumerate() {
            cases += 1;
            // A case may replace some of the order's top-level fields (`order_fields`): the
            // same order for another customer, or with other items.
            let order = match case.get("order_fields") {
                Some(fields) => parse_order(with_fields(&doc["order"], fields))
                    .unwrap_or_else(|e| panic!("{name} case {i}: order_fields: {e}")),
                None => order.clone(),
            };
            for failure in check_case(&order, &policy, case) {
                failures.push(format!("{name} case {i} (at {}): {failure}", case["at"]));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(files.len() >= 20, "only {} scenario files", files.len());
    assert!(cases >= 40, "only {cases} scenario cases");
}

/// `order` with each of `fields` (an object) replacing the order's own field of that name.
fn with_fields(order: &Value, fields: &Value) -> Value {
    let mut order = order.clone();
    for (key, value) in fields.as_object().expect("order_fields is an object") {
        order[key] = value.clone();
    }
    order
}

/// The runner's own tests' order `O1` in USD, placed at 09:00 on 1 March 2025 (Los Angeles),
/// with one item `A` (1 unit at 1.00); `fields` replace the order's own.
fn order_o1(fields: Value) -> Value {
    let order = serde_json::json!({
        "id": "O1", "placed_at": "2025-03-01T09:00:00-08:00", "currency": "USD",
        "seller": {"name": "S", "kind": "retailer", "fulfilled_by": "retailer"},
        "items": [{"id": "A", "title": "T", "quantity": 1, "unit_price": 100}]
    });
    with_fields(&order, &fields)
}

/// Exactly `count` failures, among them one containing each of `texts`.
fn assert_failures(failures: &[String], count: usize, texts: &[&str]) {
    assert_eq!(failures.len(), count, "{failures:#?}");
    for text in texts {
        assert!(
            failures.iter().any(|f| f.contains(text)),
            "no failure mentions {text:?}: {failures:#?}"
        );
    }
}

/// The runner itself must notice a wrong expectation, a wrong item id and an unknown key.
#[test]
fn the_runner_reports_what_differs() {
    let order = parse_order(order_o1(serde_json::json!({}))).unwrap();
    let case = serde_json::json!({
        "at": "2025-03-01T10:00:00-08:00",
        "expect": {"order_cancel": "request", "items": {"A": {"cancel": "allowed", "retrun": "x", "cancel_message": "nope"}, "Z": {}}}
    });
    let failures = check_case(&order, &Policy::default(), &case);
    assert_failures(
        &failures,
        4,
        &[
            "order_cancel: expected \"request\", found \"allowed\"",
            "unknown expectation key \"retrun\"",
            "items.Z: no such item",
            "containing \"nope\"",
        ],
    );
}

/// The runner notices a wrong withdrawal expectation, an unknown withdrawal key, a wrong error
/// path and an input that was expected to fail but did not.
#[test]
fn the_runner_reports_withdrawal_and_error_differences() {
    let order_json =
        order_o1(serde_json::json!({"placed_at": "2026-03-01T09:00:00+01:00", "currency": "EUR"}));
    let order = parse_order(order_json.clone()).unwrap();
    let case = serde_json::json!({
        "at": "2026-03-01T10:00:00+01:00",
        "expect": {"withdrawal": {"verdict": "allowed", "deadlne": null, "message": "nope"}}
    });
    let failures = check_case(&order, &Policy::default(), &case);
    assert_failures(
        &failures,
        3,
        &[
            "withdrawal.verdict: expected \"allowed\", found \"not_applicable\"",
            "unknown expectation key \"deadlne\"",
            "withdrawal.message: expected a message containing \"nope\"",
        ],
    );

    let bad = serde_json::json!({"order": order_json, "policy": {"withdrawal": {"public_holidays": ["2026-13-01"]}}});
    let wrong_path =
        serde_json::json!({"in": "policy", "path": "withdrawal.days", "message": "month"});
    assert_eq!(check_error(&bad, &wrong_path).len(), 1);
    let right = serde_json::json!({"in": "policy", "path": "withdrawal.public_holidays[0]", "message": "no month 13"});
    assert_eq!(check_error(&bad, &right), Vec::<String>::new());
    let good = serde_json::json!({"order": bad["order"], "policy": {}});
    assert_eq!(check_error(&good, &right).len(), 1);
}

/// A preview case too: a wrong amount, a misspelt key, an error where a preview came, a wrong
/// error code.
#[test]
fn the_runner_reports_what_differs_in_a_preview() {
    let order = parse_order(order_o1(serde_json::json!({
        "items": [{"id": "A", "title": "T", "quantity": 2, "unit_price": 100, "shipment": "S1"}],
        "shipments": [{"id": "S1", "status": "delivered", "carrier": "ups",
                       "delivered_at": "2025-03-02T09:00:00-08:00"}]
    })))
    .unwrap();
    let case = |lines: Value, expect: Value| {
        let case = serde_json::json!({
            "at": "2025-03-05T10:00:00-08:00",
            "propose": {"lines": lines, "reason_id": "no_longer_needed"},
            "expect": expect
        });
        check_case(&order, &Policy::default(), &case)
    };
    let failures = case(
        serde_json::json!([{"item_id": "A", "quantity": 1}]),
        serde_json::json!({"total": 999, "totl": 100, "lines": {"A": {"refund": 5, "refnd": 1}, "Z": {}}}),
    );
    assert_failures(
        &failures,
        5,
        &[
            "total: expected 999, found 100",
            "unknown expectation key \"totl\"",
            "lines.A.refund: expected 5, found 100",
            "unknown expectation key \"refnd\"",
            "lines.Z: no such line",
        ],
    );
    let failures = case(
        serde_json::json!([{"item_id": "A", "quantity": 1}]),
        serde_json::json!({"error": {"code": "zero_quantity"}}),
    );
    assert!(failures[0].contains("found a preview"), "{failures:#?}");
    let failures = case(
        serde_json::json!([{"item_id": "A", "quantity": 3}]),
        serde_json::json!({"error": {"code": "zero_quantity", "returnable": 2}}),
    );
    assert_failures(&failures, 1, &["error.code: expected \"zero_quantity\""]);
}

/// A verification case too: a wrong code, a misspelt key, a wrong item field, a missing item
/// and a message that does not contain the text.
#[test]
fn the_runner_reports_what_differs_in_a_verification() {
    let order = parse_order(order_o1(serde_json::json!({}))).unwrap();
    let case = serde_json::json!({
        "at": "2025-03-01T10:00:00-08:00",
        "request": {"kind": "cancel", "order_id": "O1", "items": [{"item_id": "A", "quantity": 1}],
                    "assessed_at": "2025-03-01T09:59:00-08:00"},
        "expect": {"code": "order_mismatch", "acepted": true, "message": "nope",
                   "items": {"A": {"accepted": false, "changed_since_assessed": false}, "Z": {}}}
    });
    let failures = check_case(&order, &Policy::default(), &case);
    assert_failures(
        &failures,
        5,
        &[
            "code: expected \"order_mismatch\", found \"accepted\"",
            "unknown expectation key \"acepted\"",
            "message: expected a message containing \"nope\"",
            "items.A.accepted: expected false, found true",
            "items.Z: no such item",
        ],
    );
}
