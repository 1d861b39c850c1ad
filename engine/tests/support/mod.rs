//! What more than one of the engine's test files needs (each file in `tests/` is a crate of its
//! own; this folder is not one).

use std::fs;
use std::path::{Path, PathBuf};

/// The rule files: `src/rules.rs` and every file of `src/rules/`.
pub fn rule_files() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<PathBuf> = fs::read_dir(src.join("rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(src.join("rules.rs"));
    files
}
