//! The English catalogue (`locales/en.json`) as one plain text split by ASCII separators, so
//! the engine reads it by splitting (`text::Catalogue::english`) rather than parsing JSON at
//! run time (no JSON syntax in the wasm, no escapes to undo).
//! The `verify-texts` feature (the command-line tool, the Node package, the engine's own tests)
//! keeps the `verify.*` and `proposal.*` sentences; the widget, which never shows them, leaves
//! them out (as `text.rs`'s `LEFT_OUT` does).

use std::fmt::Write as _;
use std::path::Path;

const CLDR: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/en.json");
    println!("cargo:rerun-if-changed={}", source.display());
    let verify = std::env::var_os("CARGO_FEATURE_VERIFY_TEXTS").is_some();
    let text = std::fs::read_to_string(&source).expect("locales/en.json");
    let entries: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .expect("locales/en.json: an object of texts by key");
    // One text, no JSON: `key US text RS`, a plural entry's text being `GS category FS form`
    // per form (the ASCII separators, which no text holds).
    let mut out = String::new();
    let plain = |key: &str, text: &str| {
        assert!(
            !text.chars().any(|c| ('\u{1c}'..='\u{1f}').contains(&c)),
            "locales/en.json: {key}: an ASCII separator in its text"
        );
    };
    for (key, value) in &entries {
        if !verify && (key.starts_with("verify.") || key.starts_with("proposal.")) {
            continue;
        }
        // A default category's English name is its id humanised, which is what a sentence
        // shows where a catalogue names none: the other languages carry theirs.
        if key.starts_with("category_") {
            continue;
        }
        plain(key, key);
        out.push_str(key);
        out.push('\u{1f}');
        match value {
            serde_json::Value::String(text) => {
                plain(key, text);
                out.push_str(text);
            }
            serde_json::Value::Object(forms) => {
                // In CLDR's order, as en.json lists them (text.rs's tests compare the two).
                let mut forms: Vec<_> = forms.iter().collect();
                forms.sort_by_key(|(c, _)| CLDR.iter().position(|p| p == c));
                for (category, form) in forms {
                    let form = form
                        .as_str()
                        .expect("locales/en.json: plural forms are texts");
                    plain(key, form);
                    write!(out, "\u{1d}{category}\u{1c}{form}").unwrap();
                }
            }
            other => {
                panic!("locales/en.json: {key}: expected a text or plural forms, found {other}")
            }
        }
        out.push('\u{1e}');
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("english.txt");
    std::fs::write(dest, out).unwrap();
}
