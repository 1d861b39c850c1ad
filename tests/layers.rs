//! The widget's layering, checked: every module uses only the modules below it, so nothing
//! points back up (a hook does not reach into the view, the view does not reach into the host
//! bridge). The engine is below everything and is a crate of its own, so the compiler already
//! keeps it from using the widget.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The widget's modules, bottom first: each may use only those before it.
const LAYERS: &[&str] = &[
    "engine",     // the order-help-engine crate: pure rules
    "i18n",       // the catalogue of texts
    "clock",      // the widget's clock (real or set by the page)
    "countdown",  // what the return countdown shows, and when it next changes
    "intl",       // dates, numbers and money through the browser's Intl
    "js_json",    // a JS value as the engine's JSON tree
    "state",      // the cancel and return flows as reducers
    "host",       // the widget's side of the host contract
    "view_model", // what each item row shows, built once per assessment
    "hooks",      // custom Yew hooks
    "components", // the Yew view
    "embed",      // what a host page calls
];

/// The `.rs` files of a top-level module: `src/NAME.rs` and everything under `src/NAME/`.
fn files_of(src: &Path, module: &str) -> Vec<PathBuf> {
    let mut files = vec![src.join(format!("{module}.rs"))];
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.map(|e| e.unwrap().path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.retain(|f| f.exists());
    files
}

/// The first path segment after each `crate::` in code (comments skipped), including every name
/// of a `crate::{a, b::c}` group.
fn crate_uses(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                names.extend(group.split(',').map(ident).filter(|n| !n.is_empty()));
            } else {
                names.push(ident(rest));
            }
        }
    }
    names
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();

    // Every top-level module has its place in the list (a new one must be placed).
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "rs") && name != "lib" && !LAYERS.contains(&&*name)
        {
            problems.push(format!("src/{name}.rs is in no layer: add it to LAYERS"));
        }
    }

    for (rank, module) in LAYERS.iter().enumerate().skip(1) {
        for file in files_of(&src, module) {
            let code = fs::read_to_string(&file).unwrap();
            for used in crate_uses(&code) {
                match LAYERS.iter().position(|l| *l == used) {
                    Some(used_rank) if used_rank < rank || used == *module => {}
                    Some(_) => problems.push(format!(
                        "{}: `{module}` uses `crate::{used}`, a layer above it",
                        file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                            .unwrap()
                            .display()
                    )),
                    None => problems.push(format!(
                        "{}: `crate::{used}` is not a module of LAYERS",
                        file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                            .unwrap()
                            .display()
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_uses_in_every_form() {
    let code = "use crate::state::Flow;\n\
                // crate::embed in a comment does not count\n\
                let t = crate::js_json::to_json(v);\n\
                use crate::{host::Host, view_model};";
    assert_eq!(crate_uses(code), ["state", "js_json", "host", "view_model"]);
}
