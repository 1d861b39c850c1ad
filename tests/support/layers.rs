//! What the two layer checks share (`tests/layers.rs` for the widget's layers,
//! `engine/tests/layers.rs` for the engine's modules, each including this file with `#[path]`):
//! a crate's top-level modules with their files, and the modules a piece of code names.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Top-level module name → the `.rs` files it is made of (`src/NAME.rs` and everything under
/// `src/NAME/`); `lib.rs` is no module.
pub fn modules(src: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut modules = BTreeMap::new();
    for entry in fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" {
            continue;
        }
        let mut files = vec![path.clone()];
        let mut dirs = vec![src.join(&name)];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for p in entries.map(|e| e.unwrap().path()) {
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    files.push(p);
                }
            }
        }
        modules.insert(name, files);
    }
    modules
}

/// The names that follow each of `prefixes` (`crate::`, and for the engine `super::`, a chain
/// of them counting as one) in code, comments skipped, with every name of a `{a, b::c}` group.
/// Which of them are top-level modules is the caller's test.
pub fn paths_used(code: &str, prefixes: &[&str]) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for prefix in prefixes {
            let mut rest = line;
            while let Some(at) = rest.find(prefix) {
                rest = &rest[at + prefix.len()..];
                while let Some(r) = rest.strip_prefix("super::") {
                    rest = r;
                }
                if let Some(group) = rest.strip_prefix('{') {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    names.extend(group.split(',').map(ident).filter(|n| !n.is_empty()));
                } else {
                    names.push(ident(rest));
                }
            }
        }
    }
    names
}
