//! One deadline, three commands: the sample order whose return window closed at 23:59:59 on
//! 31 March 2025 (store time), asked about a second later. `assess` says why the blender can
//! no longer be returned, `verify` why a return request for it is not accepted, and
//! `preview-return` why a proposal to return it does not fit: each words the window's end in
//! the same English, through the engine's one renderer and its one instant formatter.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ORDER: &str = "static/orders/delivered-29-days-ago.json";
/// One second after the window's last second.
const AT: &str = "2025-04-01T00:00:00-07:00";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs the tool at the workspace root with `args` and `--order ORDER --at AT`.
fn order_help(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_order-help"))
        .args(args)
        .args(["--order", ORDER, "--at", AT])
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

const REQUEST: &str = r#"{"kind": "return", "order_id": "114-8890412-5520019",
    "items": [{"item_id": "blender", "quantity": 1}],
    "reason": "no_longer_needed", "comment": null,
    "assessed_at": "2025-03-31T23:50:00-07:00", "verdicts": [],
    "idempotency_key": "oh-00000000000000aa"}"#;

const PROPOSAL: &str =
    r#"{"lines": [{"item_id": "blender", "quantity": 1}], "reason_id": "no_longer_needed"}"#;

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn the_same_deadline_is_worded_identically_by_assess_verify_and_preview_return() {
    // assess: the blender's return sentence, and the deadline it words.
    let assessment = json(&order_help(&["assess"]));
    let blender = assessment["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item_id"] == "blender")
        .expect("the order has the blender");
    assert_eq!(blender["return"]["code"], "window_closed");
    assert_eq!(blender["return"]["deadline"], "2025-03-31T23:59:59-07:00");
    let assessed = blender["return"]["message"].as_str().unwrap();
    let deadline = assessed
        .strip_prefix("The return window closed on ")
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap_or_else(|| panic!("assess: {assessed:?}"));
    assert_eq!(deadline, "31 March 2025 at 23:59:59 (store time)");

    // The request and the proposal, as files for the tool.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("deadline_wording");
    std::fs::create_dir_all(&dir).unwrap();
    let (request, proposal) = (dir.join("request.json"), dir.join("proposal.json"));
    std::fs::write(&request, REQUEST).unwrap();
    std::fs::write(&proposal, PROPOSAL).unwrap();

    // verify: a return request for it, received at the same instant.
    let output = order_help(&["verify", "--request", request.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "verify rejects it");
    let verification = json(&output);
    let item = &verification["items"][0];
    assert_eq!(item["code"], "return_window_closed");
    assert_eq!(item["values"]["deadline"], "2025-03-31T23:59:59-07:00");
    let verified = item["message"].as_str().unwrap();
    assert_eq!(
        verified,
        format!("Not accepted: its return window ended on {deadline}.")
    );

    // preview-return: a proposal to return it does not fit the order.
    let output = order_help(&["preview-return", "--proposal", proposal.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "the proposal does not fit");
    let previewed = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        previewed.trim_end(),
        format!(
            "order-help: {}: lines[0].item_id: expected an item that can be returned now, \
             found \"blender\", whose return window closed on {deadline}",
            proposal.display()
        )
    );

    // The one wording, in all three.
    for (command, text) in [
        ("assess", assessed),
        ("verify", verified),
        ("preview-return", &previewed),
    ] {
        assert!(text.contains(deadline), "{command}: {text:?}");
    }
}
