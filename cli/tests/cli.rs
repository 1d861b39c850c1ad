//! The command-line tool, run as a user would: the example order prints the assessment as JSON;
//! bad input or usage exits with status 2 and says what is wrong, and where, on stderr.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use order_help_engine::Policy;
use serde_json::{json, Value};

/// The workspace root, where a policy author runs the tool (the sample orders are in `static/`).
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

/// The sample order most tests assess, relative to [`root`].
const EXAMPLE: &str = "static/orders/example.json";

/// `order-help COMMAND --order ORDER` and then `flags` (`["--at", "…"]`).
fn run(command: &str, order: &str, flags: &[&str]) -> Output {
    let mut args = vec![command, "--order", order];
    args.extend_from_slice(flags);
    order_help(&args)
}

/// A file's path as an argument of the tool.
fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The run succeeded (exit status 0): its stdout as JSON.
fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// Bad input or usage: exit status 2, `phrase` on stderr and nothing on stdout.
fn assert_refused(output: &Output, phrase: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains(phrase), "expected {phrase:?} on stderr: {err}");
    assert!(output.stdout.is_empty(), "{err}");
}

/// A file in a fresh scratch directory under the target directory.
fn scratch_file(name: &str, contents: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn item<'a>(assessment: &'a Value, id: &str) -> &'a Value {
    assessment["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item_id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

#[test]
fn the_example_order_prints_its_assessment() {
    // A US store that offers the holiday extension (off by default since issue 24).
    let a = json(&run(
        "assess",
        EXAMPLE,
        &[
            "--policy",
            "static/policies/us-holiday.json",
            "--at",
            "2025-11-25T12:00:00-08:00",
        ],
    ));
    assert_eq!(a["order_id"], "112-7730215-4418");
    assert_eq!(a["at"], "2025-11-25T12:00:00-08:00");
    assert_eq!(a["order_cancel"], "not_available");
    // Delivered 24 November, shipped in November: the holiday rule gives 31 January.
    let machine = item(&a, "A1");
    assert_eq!(machine["return"]["verdict"], "allowed");
    assert_eq!(machine["return"]["deadline"], "2026-01-31T23:59:59-08:00");
    assert_eq!(machine["return"]["holiday_extended"], true);
    assert_eq!(machine["refuse"]["verdict"], "after_delivery_unopened");
    assert_eq!(item(&a, "A2")["refuse"]["code"], "opened");
    assert_eq!(item(&a, "A3")["return"]["code"], "non_returnable_category");
    let laptop = item(&a, "B1");
    assert_eq!(laptop["refuse"]["verdict"], "at_door");
    assert_eq!(laptop["refuse"]["stops_away"], 6);
    assert_eq!(laptop["next_step"], "refuse");
    assert_eq!(item(&a, "C2")["cancel"]["code"], "bundle_requires_request");
    assert_eq!(
        item(&a, "C2")["cancel"]["bundle_items"],
        serde_json::json!(["C1"])
    );
    assert_eq!(item(&a, "D1")["return"]["code"], "final_sale");
    assert_eq!(a["next_change_at"], "2026-02-01T00:00:00-08:00");
}

#[test]
fn a_policy_file_and_the_clock() {
    let policy = scratch_file(
        "policy.json",
        r#"{"time_zone": "America/New_York", "holiday_extension": {"enabled": false}}"#,
    );
    let a = json(&run("assess", EXAMPLE, &["--policy", arg(&policy)]));
    assert_eq!(a["time_zone"], "America/New_York");
    // Without --at: now, long after November 2025.
    assert_eq!(item(&a, "A1")["return"]["verdict"], "expired");
    assert_eq!(
        item(&a, "A1")["return"]["deadline"],
        "2025-12-24T23:59:59-05:00"
    );
}

/// Issue 21: the demo's Dutch order (a DPD parcel at a parcel shop, a PostNL parcel out for
/// delivery, both with tracking) is accepted, and each parcel's carrier is named as given.
#[test]
fn the_dutch_pickup_point_sample() {
    let output = run(
        "assess",
        "static/orders/dutch-pickup-point.json",
        &[
            "--policy",
            "static/policies/amsterdam-withdrawal.json",
            "--at",
            "2026-05-06T10:00:00+02:00",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let a = json(&output);
    let plaid = item(&a, "plaid");
    assert_eq!(plaid["carrier"], "DPD");
    assert_eq!(plaid["refuse"]["verdict"], "at_pickup_point");
    assert_eq!(plaid["return"]["code"], "awaiting_collection");
    let mugs = item(&a, "mokken");
    assert_eq!(mugs["refuse"]["verdict"], "at_door");
    assert!(mugs["refuse"]["message"].as_str().unwrap().starts_with(
        "It is out for delivery with PostNL: you can refuse it by telling the driver"
    ));
    assert_eq!(a["withdrawal"]["code"], "period_not_started");
    // The second after the parcel shop's holding time.
    assert_eq!(a["next_change_at"], "2026-05-12T18:00:01+02:00");
}

#[test]
fn bad_input_exits_2_naming_the_file_and_the_field() {
    let text = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let bad = scratch_file(
        "bad-order.json",
        &text.replace("\"shipment\": \"S2\"", "\"shipment\": \"S9\""),
    );
    assert_refused(
        &run("assess", arg(&bad), &[]),
        "bad-order.json: items[3].shipment: expected the id of one of the order's shipments",
    );

    let bad_policy = scratch_file("bad-policy.json", r#"{"opened_fees": {"computers": 150}}"#);
    assert_refused(
        &run("assess", EXAMPLE, &["--policy", arg(&bad_policy)]),
        "bad-policy.json: opened_fees.computers: expected a percentage",
    );
    assert_refused(
        &run("assess", "static/orders/nope.json", &[]),
        "static/orders/nope.json: cannot read it",
    );
    assert_refused(
        &run("assess", EXAMPLE, &["--at", "tomorrow"]),
        "--at: expected a four-digit year",
    );
}

#[test]
fn usage() {
    let output = order_help(&["--help"]);
    assert!(output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("Usage: order-help assess --order FILE")
    );

    assert_refused(&order_help(&["assess"]), "expected --order FILE");
}

#[test]
fn a_file_with_a_byte_order_mark_is_read() {
    let example = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let order = scratch_file("bom-order.json", &format!("\u{feff}{example}"));
    let policy = scratch_file(
        "bom-policy.json",
        "\u{feff}{\"time_zone\": \"Europe/Amsterdam\", \"return_window_days\": 14}",
    );
    let flags = [
        "--policy",
        arg(&policy),
        "--at",
        "2025-11-25T12:00:00-08:00",
    ];
    let a = json(&run("assess", arg(&order), &flags));
    assert_eq!(a["order_id"], "112-7730215-4418");
    // The link is reported under the name the policy gave.
    assert_eq!(a["time_zone"], "Europe/Amsterdam");
}

#[test]
fn a_serde_voiced_or_rounded_message_never_reaches_the_user() {
    let policy = scratch_file(
        "negative-grace.json",
        "{\"marketplace_cancel_grace_minutes\": -1}",
    );
    assert_refused(
        &run("assess", EXAMPLE, &["--policy", arg(&policy)]),
        "negative-grace.json: marketplace_cancel_grace_minutes: expected a whole number of minutes from 0 to 10080, found -1",
    );
    let example = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let order = scratch_file(
        "fraction.json",
        &example.replacen(
            "\"unit_price\": 24999",
            "\"unit_price\": 1298.9999999999998",
            1,
        ),
    );
    assert_refused(
        &run("assess", arg(&order), &[]),
        "items[0].unit_price: expected an amount in minor units (a whole number from 0 to 9007199254740991), found 1298.9999999999998, which has a fraction",
    );
}

#[test]
fn a_document_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.json");
    // 20 MiB of title: the file is not even read.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(20 * 1024 * 1024).unwrap();
    assert_refused(
        &run("assess", arg(&path), &[]),
        &format!(
            "huge.json: expected a document of at most 10485760 bytes (10 MiB), found {} bytes",
            20 * 1024 * 1024
        ),
    );
}

/// The Done-when of the withdrawal engine: `assess --order O --policy P --at T` prints the
/// `withdrawal` object; a bad holiday exits 2 naming the file and `withdrawal.public_holidays[i]`.
#[test]
fn the_withdrawal_object_and_a_bad_holiday() {
    let order = scratch_file(
        "berlin-order.json",
        r#"{"id": "DE-1001", "placed_at": "2026-03-17T09:00:00+01:00", "currency": "EUR",
            "seller": {"name": "Nordwind Versand", "kind": "retailer", "fulfilled_by": "retailer"},
            "items": [{"id": "A", "title": "Kaffeemühle", "quantity": 1, "unit_price": 5990, "shipment": "S1"},
                      {"id": "B", "title": "Erdbeeren", "quantity": 1, "unit_price": 590, "shipment": "S1", "category": "perishable"}],
            "shipments": [{"id": "S1", "status": "delivered", "carrier": "dhl",
                           "shipped_at": "2026-03-18T08:00:00+01:00", "delivered_at": "2026-03-20T09:15:00+01:00"}]}"#,
    );
    let policy = scratch_file(
        "berlin-policy.json",
        r#"{"time_zone": "Europe/Berlin",
            "withdrawal": {"enabled": true, "public_holidays": ["2026-04-03", "2026-04-06"],
                           "contact_email": "widerruf@example.de"}}"#,
    );
    let at = |at: &str| {
        json(&run(
            "assess",
            arg(&order),
            &["--policy", arg(&policy), "--at", at],
        ))
    };
    // 20 March + 14 days is Good Friday; the weekend and Easter Monday follow: Tuesday 7 April.
    let a = at("2026-04-07T23:59:59+02:00");
    let w = &a["withdrawal"];
    assert_eq!(w["verdict"], "allowed");
    assert_eq!(w["code"], "within_period");
    assert_eq!(w["deadline"], "2026-04-07T23:59:59+02:00");
    assert_eq!(w["items"], serde_json::json!(["A"]));
    assert_eq!(w["days"], 14);
    assert_eq!(w["starts_on"], "2026-03-21");
    assert_eq!(w["moved_from"], "2026-04-03");
    assert!(
        w["message"]
            .as_str()
            .unwrap()
            .contains("until 7 April 2026 at 23:59:59 (store time)"),
        "{w}"
    );
    assert_eq!(a["next_change_at"], "2026-04-08T00:00:00+02:00");
    let a = at("2026-04-08T00:00:00+02:00");
    assert_eq!(a["withdrawal"]["verdict"], "expired");
    assert_eq!(a["withdrawal"]["code"], "period_over");

    let bad_policy = scratch_file(
        "bad-holiday.json",
        r#"{"withdrawal": {"enabled": true, "public_holidays": ["2026-04-31"]}}"#,
    );
    assert_refused(
        &run("assess", arg(&order), &["--policy", arg(&bad_policy)]),
        "bad-holiday.json: withdrawal.public_holidays[0]: expected a date written YYYY-MM-DD (e.g. \"2026-12-25\"), found \"2026-04-31\": April 2026 has 30 days",
    );
}

#[test]
fn preview_return_prints_the_refund_preview() {
    let policy = scratch_file(
        "kitchen-fee.json",
        r#"{"opened_fees": {"kitchen": 20}, "holiday_extension": {"enabled": true}}"#,
    );
    let proposal = scratch_file(
        "proposal.json",
        r#"{"lines": [{"item_id": "A1", "quantity": 1}, {"item_id": "A2", "quantity": 1}], "reason_id": "no_longer_needed"}"#,
    );
    let preview = |proposal: &Path| {
        let at = "2025-11-25T12:00:00-08:00";
        let flags = [
            "--policy",
            arg(&policy),
            "--proposal",
            arg(proposal),
            "--at",
            at,
        ];
        run("preview-return", EXAMPLE, &flags)
    };
    let p = json(&preview(&proposal));
    // The milk frother is opened (the order says so): 20 % of 39.99 is 7.99 (rounded down).
    assert_eq!(p["lines"][1]["deductions"][0]["code"], "opened_item_fee");
    assert_eq!(p["lines"][1]["deductions"][0]["amount"], 799);
    assert_eq!(p["lines"][0]["opened_changes_refund"], true);
    assert_eq!(p["lines"][0]["return_by"], "2026-01-31T23:59:59-08:00");
    assert_eq!(p["total"], 24999 + 3999 - 799);
    assert_eq!(p["timing"]["unit"], "business_days");

    // The seller's fault: in full, with the order's delivery cost of 5.99.
    let damaged = scratch_file(
        "damaged.json",
        r#"{"lines": [{"item_id": "A2", "quantity": 1}], "reason_id": "arrived_damaged"}"#,
    );
    let p = json(&preview(&damaged));
    assert_eq!(p["total"], 3999 + 599);

    // A proposal that does not fit the order exits 2 with the file and the path.
    for (name, text, phrase) in [
        (
            "groceries.json",
            r#"{"lines": [{"item_id": "A3", "quantity": 1}], "reason_id": "other"}"#,
            "groceries.json: lines[0].item_id: expected an item that can be returned now, found \"A3\"",
        ),
        (
            "too-many.json",
            r#"{"lines": [{"item_id": "A1", "quantity": 2}], "reason_id": "other"}"#,
            "too-many.json: lines[0].quantity: expected at most the 1 unit left to return, found 2",
        ),
        (
            "no-reason.json",
            r#"{"lines": [{"item_id": "A1", "quantity": 1}], "reason_id": "bored"}"#,
            "no-reason.json: reason_id: expected the id of one of the policy's return reasons (\"no_longer_needed\"",
        ),
        (
            "bad-shape.json",
            r#"{"lines": [{"item_id": "A1", "quantity": "one"}], "reason_id": "other"}"#,
            "bad-shape.json: lines[0].quantity: expected",
        ),
    ] {
        assert_refused(&preview(&scratch_file(name, text)), phrase);
    }
}

/// Every request case of the engine's verify scenario tables, run through the command line:
/// the same verdicts, exit status 0 exactly when the whole request is accepted and 1 otherwise
/// (with the verification still printed), and, over all of them, every code reached.
#[test]
fn verify_runs_every_scenario_request_and_reaches_every_code() {
    let dir = root().join("engine/tests/scenarios");
    let mut tables: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    tables.sort();
    assert!(tables.len() >= 20, "{tables:?}");
    let mut reached = std::collections::BTreeSet::new();
    let mut cases = 0;
    for table in &tables {
        let name = table.file_stem().unwrap().to_string_lossy().into_owned();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(table).unwrap()).unwrap();
        let order = scratch_file(&format!("{name}-order.json"), &doc["order"].to_string());
        let policy = doc
            .get("policy")
            .map(|p| scratch_file(&format!("{name}-policy.json"), &p.to_string()));
        // Tables of bad input have no cases; most have no request among them.
        for (i, case) in doc["cases"].as_array().into_iter().flatten().enumerate() {
            let Some(request) = case.get("request") else {
                continue;
            };
            cases += 1;
            // A case's `order_fields` replace the table's order's own (engine/tests/scenarios.rs).
            let order = match case["order_fields"].as_object() {
                Some(fields) => {
                    let mut changed = doc["order"].clone();
                    for (key, value) in fields {
                        changed[key] = value.clone();
                    }
                    scratch_file(&format!("{name}-{i}-order.json"), &changed.to_string())
                }
                None => order.clone(),
            };
            let request = scratch_file(&format!("{name}-{i}-request.json"), &request.to_string());
            let mut flags = vec![
                "--request",
                arg(&request),
                "--at",
                case["at"].as_str().unwrap(),
            ];
            if let Some(policy) = &policy {
                flags.extend(["--policy", arg(policy)]);
            }
            let output = run("verify", arg(&order), &flags);
            let v: Value = serde_json::from_slice(&output.stdout)
                .unwrap_or_else(|e| panic!("{name} case {i}: {e}: {}", stderr(&output)));
            let expect = &case["expect"];
            let accepted = expect["accepted"]
                .as_bool()
                .expect("every case says accepted");
            assert_eq!(v["accepted"], accepted, "{name} case {i}: {v:#}");
            assert_eq!(
                output.status.code(),
                Some(if accepted { 0 } else { 1 }),
                "{name} case {i}"
            );
            if let Some(code) = expect.get("code") {
                assert_eq!(&v["code"], code, "{name} case {i}");
            }
            for (id, fields) in expect["items"].as_object().into_iter().flatten() {
                let item = item(&v, id);
                for key in ["code", "accepted", "changed_since_assessed"] {
                    if let Some(expected) = fields.get(key) {
                        assert_eq!(&item[key], expected, "{name} case {i}: items.{id}.{key}");
                    }
                }
            }
            reached.insert(v["code"].as_str().unwrap().to_owned());
            for item in v["items"].as_array().unwrap() {
                reached.insert(item["code"].as_str().unwrap().to_owned());
                assert!(item["message"].as_str().is_some_and(|m| !m.is_empty()));
            }
        }
    }
    assert!(cases >= 20, "only {cases} request cases");
    let missing: Vec<&str> = order_help_engine::VerifyCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !reached.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes no command line reached: {missing:?}"
    );
}

/// A request that is not a request exits 2, naming the file and the field: an item twice, a
/// quantity of 0, a kind the engine does not know, each required field missing, a malformed
/// e-mail address. Nothing is printed on stdout.
#[test]
fn verify_bad_requests_exit_2_with_the_path() {
    let order = root().join("engine/tests/scenarios/verify-cancel.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(order).unwrap()).unwrap();
    let order = scratch_file("verify-bad-order.json", &doc["order"].to_string());
    let good = serde_json::json!({"kind": "cancel", "order_id": "M-500",
        "items": [{"item_id": "A", "quantity": 1}], "assessed_at": "2025-03-01T09:25:00-08:00"});
    let verify = |name: &str, request: &Value| {
        let file = scratch_file(name, &request.to_string());
        let flags = ["--request", arg(&file), "--at", "2025-03-01T09:26:00-08:00"];
        run("verify", arg(&order), &flags)
    };
    assert_eq!(verify("verify-good.json", &good).status.code(), Some(0));
    let patched = |key: &str, value: Value| {
        let mut doc = good.clone();
        doc[key] = value;
        doc
    };
    let without = |key: &str| {
        let mut doc = good.clone();
        doc.as_object_mut().unwrap().remove(key);
        doc
    };
    let cases = [
        (
            patched(
                "items",
                serde_json::json!([{"item_id": "A", "quantity": 1}, {"item_id": "A", "quantity": 1}]),
            ),
            "items[1].item_id: expected each item at most once, found \"A\", which items[0] already has",
        ),
        (
            patched("items", serde_json::json!([{"item_id": "A", "quantity": 0}])),
            "items[0].quantity: expected a quantity of at least 1, found 0",
        ),
        (patched("kind", serde_json::json!("refund")), "kind: "),
        (without("kind"), "expected the field \"kind\", found none"),
        (without("order_id"), "expected the field \"order_id\", found none"),
        (without("items"), "expected the field \"items\", found none"),
        (without("assessed_at"), "expected the field \"assessed_at\", found none"),
        (
            patched("customer", serde_json::json!({"name": "Erika", "email": "erika at example"})),
            "customer.email: expected an e-mail address",
        ),
        (
            patched("customer", serde_json::json!({"nmae": "Erika"})),
            "customer.nmae",
        ),
    ];
    for (i, (request, phrase)) in cases.iter().enumerate() {
        let name = format!("verify-bad-{i}.json");
        assert_refused(&verify(&name, request), &format!("{name}: {phrase}"));
    }
    // A missing file, too.
    assert_refused(
        &run("verify", arg(&order), &["--request", "nowhere.json"]),
        "nowhere.json: cannot read it",
    );
}

/// The fields of the policy as the tool reports them: the first column of `policy`'s table on
/// stderr (after its header).
fn reported_fields(output: &Output) -> Vec<String> {
    stderr(output)
        .lines()
        .skip(1)
        .map(|line| line.split_whitespace().next().unwrap().to_owned())
        .collect()
}

/// `order-help policy FILE` prints the whole effective policy, as a policy file: every field,
/// reading it back gives the same policy, and printing that gives the same text; stderr says
/// where each field comes from (issue 24).
#[test]
fn policy_prints_the_effective_policy() {
    let berlin = "static/policies/berlin.json";
    let output = order_help(&["policy", berlin]);
    let printed = json(&output);
    let fields = reported_fields(&output);
    assert_eq!(fields, Policy::field_paths());
    for path in &fields {
        let value = path.split('.').try_fold(&printed, |v, name| v.get(name));
        assert!(value.is_some(), "{path} is not printed");
    }
    let top: Vec<&str> = fields
        .iter()
        .map(|p| p.split('.').next().unwrap())
        .collect();
    assert_eq!(printed.as_object().unwrap().len(), {
        let mut distinct = top.clone();
        distinct.dedup();
        distinct.len()
    });
    // Round trip: the printed policy is the file's effective policy.
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    let file = std::fs::read_to_string(root().join(berlin)).unwrap();
    assert_eq!(
        Policy::from_json_str(&text).unwrap(),
        Policy::from_json_str(&file).unwrap()
    );
    let saved = scratch_file("effective.json", &text);
    let again = order_help(&["policy", arg(&saved)]);
    assert_eq!(String::from_utf8(again.stdout.clone()).unwrap(), text);
    // Where each field comes from.
    let from = |output: &Output, path: &str| -> String {
        let err = stderr(output);
        let line = err
            .lines()
            .find(|l| l.split_whitespace().next() == Some(path))
            .unwrap_or_else(|| panic!("{path} in {err}"));
        line.split_whitespace().nth(1).unwrap().to_owned()
    };
    assert_eq!(from(&output, "time_zone"), "file");
    assert_eq!(from(&output, "return_window_days"), "file");
    assert_eq!(from(&output, "holiday_extension.enabled"), "default");
    assert_eq!(from(&again, "holiday_extension.enabled"), "file");
    let edits = scratch_file(
        "edits.json",
        r#"{"non_returnable_categories": {"add": ["engraved"]}, "withdrawal": {"enabled": true}}"#,
    );
    let edited = order_help(&["policy", arg(&edits)]);
    let p = json(&edited);
    assert_eq!(from(&edited, "non_returnable_categories"), "file+default");
    assert_eq!(from(&edited, "withdrawal.enabled"), "file");
    assert_eq!(from(&edited, "withdrawal.days"), "default");
    let list = p["non_returnable_categories"].as_array().unwrap();
    assert_eq!(list.len(), 7);
    assert_eq!(list[6], "engraved");
    // No file: the default policy, every field from the default.
    let default = order_help(&["policy"]);
    assert_eq!(
        Policy::from_json_str(&String::from_utf8(default.stdout.clone()).unwrap()).unwrap(),
        Policy::default()
    );
    assert!(stderr(&default)
        .lines()
        .skip(1)
        .all(|l| l.split_whitespace().nth(1) == Some("default")));
}

/// The README's policy section: it opens with the whole default policy, as `order-help policy`
/// prints it, and its table lists exactly the fields the tool reports.
#[test]
fn the_readme_policy_section_is_the_effective_policy() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("\n### The policy\n")
        .expect("README.md has a section \"### The policy\"");
    let section = &readme[start..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |e| e + 1)];
    let block = section.split("```json\n").nth(1).expect("a JSON block");
    let block = &block[..block.find("```").unwrap()];
    let output = order_help(&["policy"]);
    let printed = json(&output);
    let shown: Value = serde_json::from_str(block).expect("the README's default policy is JSON");
    assert_eq!(
        shown, printed,
        "README.md's default policy differs from `order-help policy`"
    );
    // The first table after the block: its first column's `names`.
    let after = &section[section.find("```json\n").unwrap()..];
    let mut listed: Vec<String> = Vec::new();
    let mut in_table = false;
    for line in after.lines() {
        if line.starts_with("| ") {
            in_table = true;
            let cell = line.split('|').nth(1).unwrap();
            let names = cell.split('`').skip(1).step_by(2).map(str::to_owned);
            listed.extend(names);
        } else if in_table {
            break;
        }
    }
    let mut fields = reported_fields(&output);
    fields.sort();
    listed.sort();
    assert_eq!(
        listed, fields,
        "README.md's policy table against `order-help policy`"
    );
}

/// Every problem of a document at once, each with its path, in the document's order.
#[test]
fn a_policy_with_three_mistakes_gives_three_errors() {
    let bad = scratch_file(
        "three-mistakes.json",
        r#"{"return_window_days": 0, "non_returnable_categories": {"remove": ["gift_card"]},
            "withdrawal": {"enabled": true, "days": 7}}"#,
    );
    for output in [
        order_help(&["policy", arg(&bad)]),
        run("assess", EXAMPLE, &["--policy", arg(&bad)]),
    ] {
        assert_refused(&output, "three-mistakes.json");
        let err = stderr(&output);
        let paths: Vec<&str> = err.lines().map(|l| l.split(": ").nth(2).unwrap()).collect();
        assert_eq!(
            paths,
            [
                "return_window_days",
                "non_returnable_categories.remove",
                "withdrawal.days"
            ],
            "{err}"
        );
        assert!(err.lines().all(|l| l.starts_with("order-help: ")), "{err}");
    }
}

// `order-help import` (issue 26): the trackers.

/// The trackers' published samples (engine/tests/fixtures/import/).
const EASYPOST: &str = "engine/tests/fixtures/import/easypost/docs-trackers-retrieve.json";
const AFTERSHIP: &str = "engine/tests/fixtures/import/aftership/sdk-nodejs-get-tracking.json";

/// Bad input or usage: exit status 2 and every phrase on stderr ([`assert_refused`]).
fn refused_saying(output: &Output, phrases: &[&str]) {
    for phrase in phrases {
        assert_refused(output, phrase);
    }
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
    let a = json(&order_help(&[
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
    let s = json(&output);
    let sample: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(EASYPOST)).unwrap()).unwrap();
    // pre_transit (label created, not with the carrier yet) is the contract's staged.
    assert_eq!(s["status"], "staged");
    assert_eq!(s["tracking_number"], sample["tracking_code"]);
    assert_eq!(s["carrier_status"], sample["status_detail"]);
    // The one default it took, said on stderr with the file and the field.
    assert_eq!(
        stderr(&output),
        format!(
            "order-help: {EASYPOST}: note: tracking_code: the shipment's id is its tracking \
             number (the default; shipment_id, --shipment-id, sets another)\n"
        )
    );
    // Pretty JSON, like the other commands.
    assert!(String::from_utf8_lossy(&output.stdout).contains("\n  \"id\": "));
    assess_accepts(&s, "import-easypost-order.json");
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
    let s = json(&output);
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
    assess_accepts(&s, "import-aftership-order.json");
}

#[test]
fn another_platforms_document_is_refused_saying_which_it_is() {
    let shopify = scratch_file(
        "import-shopify.json",
        r#"{"order": {"id": 450789469, "financial_status": "paid",
            "line_items": [{"id": 466157049, "title": "IPod Nano - 8gb", "price": "199.00"}]}}"#,
    );
    let file = shopify.to_str().unwrap();
    refused_saying(
        &order_help(&["import", "--from", "easypost", file]),
        &[
            file,
            "this is a Shopify order, not an EasyPost Tracker: use --from shopify",
        ],
    );
    refused_saying(
        &order_help(&["import", "--from", "aftership", EASYPOST]),
        &[EASYPOST, "use --from easypost"],
    );
}

#[test]
fn bad_input_exits_2_with_the_file_the_path_and_what_was_expected() {
    let bad = scratch_file(
        "import-bad-status.json",
        r#"{"object": "Tracker", "tracking_code": "EZ1", "status": 7}"#,
    );
    let file = bad.to_str().unwrap();
    refused_saying(
        &order_help(&["import", "--from", "easypost", file]),
        &[&format!(
            "{file}: status: expected one of EasyPost's statuses"
        )],
    );
    let not_json = scratch_file("import-not-json.json", "{\"status\": ");
    refused_saying(
        &order_help(&["import", "--from", "easypost", not_json.to_str().unwrap()]),
        &["import-not-json.json: malformed JSON: EOF while parsing a value at line 1"],
    );
    refused_saying(
        &order_help(&["import", "--from", "easypost", "missing.json"]),
        &["missing.json: cannot read it"],
    );
    refused_saying(
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
        refused_saying(&order_help(args), &[phrase, "Usage:"]);
    }
    let help = order_help(&["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("order-help import --from"));
}
