//! `docs/domain.md` against the code: its table rule → function → scenario names files and
//! functions that exist and lists every scenario table; every rule file links it, at a heading
//! that exists; its own links into the repository resolve; the README lists it and cites nothing
//! outside the repository.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use order_help_engine::{ExceptionKind, ShipmentStatus};

fn engine_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn repo_root() -> PathBuf {
    engine_dir().join("..")
}

fn domain_md() -> String {
    fs::read_to_string(repo_root().join("docs/domain.md")).expect("docs/domain.md exists")
}

/// The text between backticks, in order.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// `[text](target)` links of a Markdown text (links may wrap across lines).
fn links(text: &str) -> Vec<String> {
    let text = text.replace('\n', " ");
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        if let Some(end) = rest.find(')') {
            out.push(rest[..end].to_owned());
        }
    }
    out
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(markdown: &str) -> BTreeSet<String> {
    markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## ").or_else(|| l.strip_prefix("# ")))
        .map(anchor)
        .collect()
}

/// The rows of the table under `## Rule → function → scenario`: (rule, functions, scenarios).
fn table_rows(markdown: &str) -> Vec<(String, String, String)> {
    let section = markdown
        .split("## Rule → function → scenario")
        .nth(1)
        .expect("docs/domain.md has the section `## Rule → function → scenario`");
    section
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("| ---") && !l.starts_with("| rule"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 3, "a row has rule | function | scenarios: {l}");
            (
                cells[0].to_owned(),
                cells[1].to_owned(),
                cells[2].to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_function_and_scenario_of_the_table_exists() {
    let md = domain_md();
    let rows = table_rows(&md);
    assert!(rows.len() >= 10, "the table has a row per rule");
    let mut problems = Vec::new();
    for (rule, functions, scenarios) in &rows {
        // `file.rs` `fn` `fn` `file.rs` `fn` …: each function is in the file named before it.
        let mut file: Option<(String, String)> = None;
        for span in code_spans(functions) {
            if span.ends_with(".rs") {
                let path = engine_dir().join("src").join(span);
                match fs::read_to_string(&path) {
                    Ok(code) => file = Some((span.to_owned(), code)),
                    Err(_) => problems.push(format!("{rule}: no file engine/src/{span}")),
                }
            } else if let Some((name, code)) = &file {
                if !code.contains(&format!("fn {span}(")) && !code.contains(&format!("fn {span}<"))
                {
                    problems.push(format!("{rule}: no `fn {span}` in engine/src/{name}"));
                }
            } else {
                problems.push(format!("{rule}: `{span}` comes before any file"));
            }
        }
        let scenarios = code_spans(scenarios);
        if scenarios.is_empty() {
            problems.push(format!("{rule}: no scenario table"));
        }
        for scenario in scenarios {
            if !engine_dir()
                .join("tests/scenarios")
                .join(scenario)
                .is_file()
            {
                problems.push(format!("{rule}: no scenario table {scenario}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_scenario_table_is_in_the_table() {
    let md = domain_md();
    let listed: BTreeSet<String> = table_rows(&md)
        .iter()
        .flat_map(|(_, _, s)| {
            code_spans(s)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let missing: Vec<String> = fs::read_dir(engine_dir().join("tests/scenarios"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json") && !listed.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "scenario tables docs/domain.md does not map to a rule: {missing:?}"
    );
}

#[test]
fn every_rule_file_links_docs_domain_md_at_a_heading_that_exists() {
    let headings = anchors(&domain_md());
    let mut problems = Vec::new();
    for file in support::rule_files() {
        let code = fs::read_to_string(&file).unwrap();
        let doc: String = code
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| format!("{}\n", l.trim_start_matches("//!")))
            .collect();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let targets: Vec<String> = links(&doc)
            .into_iter()
            .filter(|t| t.contains("docs/domain.md"))
            .collect();
        if targets.is_empty() {
            problems.push(format!(
                "{name}: its doc comment does not link docs/domain.md"
            ));
        }
        for target in targets {
            let (path, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let resolved = file.parent().unwrap().join(path);
            if !resolved.is_file() {
                problems.push(format!(
                    "{name}: {target} does not resolve to docs/domain.md"
                ));
            }
            if !fragment.is_empty() && !headings.contains(fragment) {
                problems.push(format!("{name}: docs/domain.md has no heading #{fragment}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_links_of_docs_domain_md_resolve_and_stay_in_the_repository() {
    let md = domain_md();
    let docs = repo_root().join("docs");
    for target in links(&md) {
        if target.starts_with("https://") {
            continue;
        }
        assert!(
            !target.contains("shared/"),
            "docs/domain.md links outside the repository: {target}"
        );
        let path = target.split('#').next().unwrap();
        assert!(
            docs.join(path).exists(),
            "docs/domain.md links {target}, which does not exist"
        );
    }
}

#[test]
fn the_readme_lists_docs_domain_md_and_cites_nothing_outside_the_repository() {
    let readme = fs::read_to_string(repo_root().join("README.md")).unwrap();
    assert!(
        readme.contains("docs/domain.md"),
        "the README's source map lists docs/domain.md"
    );
    assert!(!readme.contains("../shared"), "the README cites ../shared");
}

#[test]
fn the_checkers_read_what_they_should() {
    assert_eq!(anchor("Time, precisely"), "time-precisely");
    assert_eq!(
        anchor("Rule → function → scenario"),
        "rule--function--scenario"
    );
    assert_eq!(
        links("see [a § B](../x.md#b) and [c\nd](https://e)"),
        ["../x.md#b", "https://e"]
    );
    assert_eq!(code_spans("`a.rs` `f`, `g`"), ["a.rs", "f", "g"]);
}

/// The cells of the table rows (`|` lines, not the header or its rule) between `heading` and
/// the next heading, backticks stripped.
fn rows_under(markdown: &str, heading: &str) -> Vec<Vec<String>> {
    let section = markdown
        .split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("docs/domain.md has {heading:?}"));
    section
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| l.starts_with('|') && !l.starts_with("| ---") && !l.starts_with("| source"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('`', ""))
                .collect()
        })
        .collect()
}

/// Our state named in a cell, read as the order reads it.
fn our_state(cell: &str) -> Result<ShipmentStatus, String> {
    serde_json::from_value(serde_json::Value::String(cell.to_owned()))
        .map_err(|e| format!("{cell:?} is no state of ours: {e}"))
}

/// Issue 21: every value Shopify (`FulfillmentEventStatus`, Admin and Customer APIs), EasyPost
/// (`Tracker.status`) and AfterShip (delivery status tags) document maps to a state of ours,
/// once; every state a tracker can mean is reached; the refinements name states that exist.
#[test]
fn the_tracking_source_table_maps_every_value_to_a_state() {
    let md = domain_md();
    let rows = rows_under(&md, "### Tracking sources → our states");
    let expected: [(&str, &[&str]); 3] = [
        (
            "Shopify",
            &[
                "confirmed",
                "label_purchased",
                "label_printed",
                "carrier_picked_up",
                "in_transit",
                "delayed",
                "out_for_delivery",
                "attempted_delivery",
                "ready_for_pickup",
                "ready_for_recipient_pickup",
                "picked_up",
                "delivered",
                "failure",
                "buyer_action_required",
                "returning_to_sender",
            ],
        ),
        (
            "EasyPost",
            &[
                "unknown",
                "pre_transit",
                "in_transit",
                "out_for_delivery",
                "available_for_pickup",
                "delivered",
                "return_to_sender",
                "failure",
                "cancelled",
                "error",
            ],
        ),
        (
            "AfterShip",
            &[
                "Pending",
                "InfoReceived",
                "InTransit",
                "OutForDelivery",
                "AttemptFail",
                "AvailableForPickup",
                "Delivered",
                "Exception",
                "Expired",
            ],
        ),
    ];
    let mut problems = Vec::new();
    let mut reached = BTreeSet::new();
    let mut mapped = std::collections::BTreeMap::new();
    for row in &rows {
        let [source, value, state] = row.as_slice() else {
            problems.push(format!("a row has source | value | our state: {row:?}"));
            continue;
        };
        match our_state(state) {
            Ok(s) => {
                reached.insert(format!("{s:?}"));
            }
            Err(e) => problems.push(e),
        }
        if mapped
            .insert((source.clone(), value.clone()), state.clone())
            .is_some()
        {
            problems.push(format!("{source} {value} is mapped twice"));
        }
    }
    for (source, values) in expected {
        let listed: BTreeSet<&str> = mapped
            .keys()
            .filter(|(s, _)| s == source)
            .map(|(_, v)| v.as_str())
            .collect();
        let documented: BTreeSet<&str> = values.iter().copied().collect();
        if listed != documented {
            problems.push(format!(
                "{source}: missing {:?}, not documented {:?}",
                documented.difference(&listed).collect::<Vec<_>>(),
                listed.difference(&documented).collect::<Vec<_>>()
            ));
        }
    }
    for state in [
        "AttemptedDelivery",
        "AvailableForPickup",
        "Exception",
        "Unknown",
        "ReturningToSender",
    ] {
        if !reached.contains(state) {
            problems.push(format!("no source value maps to {state}"));
        }
    }
    // The way back: on its way (not `returned_to_sender`, which ends the order).
    for (source, value) in [
        ("Shopify", "returning_to_sender"),
        ("EasyPost", "return_to_sender"),
    ] {
        let state = mapped.get(&(source.to_owned(), value.to_owned()));
        if state.map(String::as_str) != Some("returning_to_sender") {
            problems.push(format!(
                "{source} {value} maps to {state:?}, not returning_to_sender"
            ));
        }
    }
    let refinements = rows_under(&md, "### Refinements: details that change the state");
    assert!(refinements.len() >= 10, "{refinements:?}");
    for row in &refinements {
        match row.as_slice() {
            [_, _, state, kind] => {
                if let Err(e) = our_state(state) {
                    problems.push(e);
                }
                if !kind.is_empty() {
                    let read: Result<ExceptionKind, _> =
                        serde_json::from_value(serde_json::Value::String(kind.clone()));
                    if read.is_err() {
                        problems.push(format!("{kind:?} is no exception_kind"));
                    }
                }
            }
            _ => problems.push(format!("a refinement has 4 cells: {row:?}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
