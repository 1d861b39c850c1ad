//! The widget's layering, checked: every module uses only the modules below it, so nothing
//! points back up (a hook does not reach into the view, the view does not reach into the host
//! bridge). The engine is below everything and is a crate of its own, so the compiler already
//! keeps it from using the widget.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

// The module lister and the use finder, shared with the engine's layer check.
#[path = "support/layers.rs"]
mod layers;
use layers::modules;

/// The widget's modules, bottom first: each may use only those before it.
const LAYERS: &[&str] = &[
    "engine",     // the order-help-engine crate: pure rules
    "i18n",       // the catalogue of texts
    "clock",      // the widget's clock (real or set by the page)
    "countdown",  // what the return countdown shows, and when it next changes
    "intl",       // dates, numbers and money through the browser's Intl
    "js_json",    // a JS value as the engine's JSON tree
    "load",       // why a mounted widget has no order (what the error panel says)
    "state",      // the cancel, return and withdrawal flows as reducers
    "host",       // the widget's side of the host contract
    "view_model", // what each item row shows, built once per assessment
    "hooks",      // custom Yew hooks
    "components", // the Yew view
    "embed",      // what a host page calls
];

/// The first path segment after each `crate::` in code (comments skipped), including every name
/// of a `crate::{a, b::c}` group.
fn crate_uses(code: &str) -> Vec<String> {
    layers::paths_used(code, &["crate::"])
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = modules(&src);
    let mut problems = Vec::new();

    // Every top-level module has its place in the list (a new one must be placed).
    for name in modules.keys() {
        if !LAYERS.contains(&name.as_str()) {
            problems.push(format!("src/{name}.rs is in no layer: add it to LAYERS"));
        }
    }

    for (rank, module) in LAYERS.iter().enumerate().skip(1) {
        for file in modules.get(*module).into_iter().flatten() {
            let code = fs::read_to_string(file).unwrap();
            for used in crate_uses(&code) {
                let file = file
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap()
                    .display();
                match LAYERS.iter().position(|l| *l == used) {
                    Some(used_rank) if used_rank < rank || used == *module => {}
                    Some(_) => problems.push(format!(
                        "{file}: `{module}` uses `crate::{used}`, a layer above it"
                    )),
                    None => {
                        problems.push(format!("{file}: `crate::{used}` is not a module of LAYERS"))
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_uses_in_every_form() {
    let code = "use crate::state::CancelFlow;\n\
                // crate::embed in a comment does not count\n\
                let t = crate::js_json::to_json(v);\n\
                use crate::{host::Host, view_model};";
    assert_eq!(crate_uses(code), ["state", "js_json", "host", "view_model"]);
}
