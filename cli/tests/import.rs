//! `order-help import`, run as a user would, on the trackers' published samples
//! (engine/tests/fixtures/import/): a shipment of the contract on stdout that `assess` then
//! accepts inside an order, the converter's notes on stderr, and bad input or usage refused
//! with exit status 2, naming the file and the field.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

/// The workspace root, where the tool runs.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn order_help(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_order-help"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

const EASYPOST: &str = "engine/tests/fixtures/import/easypost/docs-trackers-retrieve.json";
const AFTERSHIP: &str = "engine/tests/fixtures/import/aftership/sdk-nodejs-get-tracking.json";

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_out(output: &Output) -> Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// Exit status 2, each phrase on stderr, nothing on stdout.
fn assert_refused(output: &Output, phrases: &[&str]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    for phrase in phrases {
        assert!(err.contains(phrase), "expected {phrase:?} on stderr: {err}");
    }
    assert!(output.stdout.is_empty(), "{err}");
}

fn scratch_file(name: &str, contents: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-import");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// `assess` accepts an order holding `shipment` (exit 0, its one item assessed).
fn assess_accepts(shipment: &Value, name: &str) {
    let order = json!({
        "id": "O-1", "placed_at": "2018-01-01T00:00:00Z", "currency": "USD",
        "seller": {"name": "Shop", "kind": "retailer", "fulfilled_by": "retailer"},
        "items": [{"id": "A", "title": "Parcel", "quantity": 1, "unit_price": 1999,
                   "shipment": shipment["id"]}],
        "shipments": [shipment],
    });
    let file = scratch_file(name, &order.to_string());
    let a = json_out(&order_help(&[
        "assess",
        "--order",
        file.to_str().unwrap(),
        "--at",
        "2026-12-07T12:00:00Z",
    ]));
    assert_eq!(a["items"].as_array().unwrap().len(), 1, "{a}");
}

#[test]
fn an_easypost_tracker_prints_one_shipment_that_assess_accepts() {
    let output = order_help(&["import", "--from", "easypost", EASYPOST]);
    let s = json_out(&output);
    let sample: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(EASYPOST)).unwrap()).unwrap();
    // pre_transit (label created, not with the carrier yet) is the contract's staged.
    assert_eq!(s["status"], "staged");
    assert_eq!(s["tracking_number"], sample["tracking_code"]);
    assert_eq!(s["carrier_status"], sample["status_detail"]);
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    // Pretty JSON, like the other commands.
    assert!(String::from_utf8_lossy(&output.stdout).contains("\n  \"id\": "));
    assess_accepts(&s, "easypost-order.json");
}

#[test]
fn an_aftership_tracking_with_options_and_notes() {
    let output = order_help(&[
        "import",
        "--from=aftership",
        AFTERSHIP,
        "--assume-zone",
        "Europe/Amsterdam",
        "--shipment-id",
        "P1",
    ]);
    let s = json_out(&output);
    assert_eq!(s["id"], "P1");
    assert_eq!(s["status"], "delivered");
    // Its estimate is the date "2022-07-06" alone: the end of that day in Amsterdam (CEST).
    assert_eq!(s["estimated_delivery"], "2022-07-06T23:59:59+02:00");
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "order-help: {AFTERSHIP}: note: data.tracking.latest_estimated_delivery.datetime: "
        )) && err.contains("Europe/Amsterdam"),
        "{err}"
    );
    assess_accepts(&s, "aftership-order.json");
}

#[test]
fn another_platforms_document_is_refused_saying_which_it_is() {
    let shopify = scratch_file(
        "shopify.json",
        r#"{"order": {"id": 450789469, "financial_status": "paid",
            "line_items": [{"id": 466157049, "title": "IPod Nano - 8gb", "price": "199.00"}]}}"#,
    );
    let file = shopify.to_str().unwrap();
    assert_refused(
        &order_help(&["import", "--from", "easypost", file]),
        &[
            file,
            "this is a Shopify order, not an EasyPost Tracker: use --from shopify",
        ],
    );
    assert_refused(
        &order_help(&["import", "--from", "aftership", EASYPOST]),
        &[EASYPOST, "use --from easypost"],
    );
}

#[test]
fn bad_input_exits_2_with_the_file_the_path_and_what_was_expected() {
    let bad = scratch_file(
        "bad-status.json",
        r#"{"object": "Tracker", "tracking_code": "EZ1", "status": 7}"#,
    );
    let file = bad.to_str().unwrap();
    assert_refused(
        &order_help(&["import", "--from", "easypost", file]),
        &[&format!(
            "{file}: status: expected one of EasyPost's statuses"
        )],
    );
    let not_json = scratch_file("not-json.json", "{\"status\": ");
    assert_refused(
        &order_help(&["import", "--from", "easypost", not_json.to_str().unwrap()]),
        &["not JSON"],
    );
    assert_refused(
        &order_help(&["import", "--from", "easypost", "missing.json"]),
        &["missing.json: cannot read it"],
    );
    assert_refused(
        &order_help(&[
            "import",
            "--from",
            "aftership",
            AFTERSHIP,
            "--assume-zone",
            "Mars/Olympus",
        ]),
        &["assume_zone", "Mars/Olympus"],
    );
}

#[test]
fn import_usage() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["import", EASYPOST],
            "expected --from (shopify, woocommerce, easypost, aftership)",
        ),
        (
            &["import", "--from", "shippo", EASYPOST],
            "found \"shippo\"",
        ),
        (
            &["import", "--from", "easypost"],
            "expected the file to import",
        ),
        (
            &["import", "--from", "easypost", "a.json", "b.json"],
            "found \"a.json\" and \"b.json\"",
        ),
        (
            &[
                "import", "--from", "easypost", EASYPOST, "--order", "o.json",
            ],
            "unknown option \"--order\"",
        ),
    ];
    for (args, phrase) in cases {
        assert_refused(&order_help(args), &[phrase, "Usage:"]);
    }
    let help = order_help(&["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("order-help import --from"));
}
