//! No sentence the customer reads assembles its punctuation in code (issue 25, item 5): the
//! separators between an item's title, quantity, price and status come from the catalogues
//! (`item_line`, `item_meta`), where each language can place and space them as it writes them.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// The separators a line of the widget could be glued with in code.
const SEPARATORS: &[&str] = &["·", "•", "—"];

/// Each `(line number, separator)` of `code` where a string literal holds one of
/// [`SEPARATORS`]; comment lines (`//`, `///`, `//!`) are skipped.
fn glued(code: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        // The text inside the line's double quotes (odd pieces of a split on `"`).
        let quoted = line.split('"').skip(1).step_by(2);
        for text in quoted {
            for separator in SEPARATORS {
                if text.contains(separator) {
                    found.push((n + 1, *separator));
                }
            }
        }
    }
    found
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn no_separator_is_glued_in_the_widgets_code() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    assert!(files.len() > 20, "the widget's sources: {}", src.display());
    let problems: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let code = fs::read_to_string(path).unwrap();
            glued(&code)
                .into_iter()
                .map(move |(line, separator)| format!("{}:{line}: {separator:?}", path.display()))
        })
        .collect();
    assert_eq!(
        problems,
        Vec::<String>::new(),
        "punctuation assembled in code (put the sentence in locales/*.json)"
    );
}

#[test]
fn the_separator_check_can_fail() {
    let code = "// \" · \" in a comment\nlet line = [\" · \", &quantity].concat();\n\
                let meta = format!(\"{q} · {} · {}\", a, b);\nlet fine = \"Qty\";";
    assert_eq!(glued(code), [(2, "·"), (3, "·")]);
}
