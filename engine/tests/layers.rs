//! The engine's modules form no circle: the types at the bottom (order, policy, money, time),
//! then validate, then parse and the rules on top, and nothing points back down-up. A circle
//! (order ↔ parse, say) is reported with its path.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

// The module lister and the use finder, shared with the widget's layer check.
#[path = "../../tests/support/layers.rs"]
mod layers;
use layers::modules;

/// The modules `code` names after `crate::` or a chain of `super::`.
fn paths_used(code: &str) -> Vec<String> {
    layers::paths_used(code, &["crate::", "super::"])
}

/// A circle in the graph, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_engine_modules_form_no_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = modules(&src);
    let mut graph = BTreeMap::new();
    for (name, files) in &modules {
        let mut uses = BTreeSet::new();
        for file in files {
            for used in paths_used(&fs::read_to_string(file).unwrap()) {
                if used != *name && modules.contains_key(&used) {
                    uses.insert(used);
                }
            }
        }
        graph.insert(name.clone(), uses);
    }
    // The split this test guards: parse sits above the types and validate.
    assert!(graph["parse"].contains("order") && graph["parse"].contains("validate"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the engine's modules use each other in a circle: {}",
            cycle.join(" → ")
        );
    }
}

#[test]
fn the_checker_finds_a_circle_and_every_form_of_use() {
    let code = "use super::order::Order;\n\
                // super::rules in a comment does not count\n\
                use super::super::{policy::Policy, time};\n\
                let x = crate::validate::order(o);";
    assert_eq!(paths_used(code), ["order", "policy", "time", "validate"]);

    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("order", &["money", "parse"][..]),
        ("parse", &["order", "validate"]),
        ("validate", &["order"]),
        ("money", &[]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.iter().map(|s| s.to_string()).collect()))
    .collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["order", "parse", "order"]);
}
