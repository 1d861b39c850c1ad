//! Build script: the widget's stylesheet goes into the wasm without its comments and layout
//! (issue 16: bytes). `src/components/widget.css` stays the readable source.

use std::{env, fs, path::Path};

fn main() {
    let source = "src/components/widget.css";
    println!("cargo::rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("src/components/widget.css");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("widget.css");
    fs::write(out, minify(&css)).expect("writing the minified stylesheet");
}

/// Drops comments, joins runs of white space into one space, and drops the space around
/// `{ } ; >`, before `,` and after `:`, where CSS needs none; quoted strings are kept as they
/// are. The space after a comma stays: in a `var()` fallback it is part of the value as
/// written, which the browser keeps.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>' | ':');
    let tight_after = |c: char| matches!(c, '{' | '}' | ';' | '>' | ':');
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() && !out.ends_with(tight_after) && !tight(c) {
                    out.push(' ');
                }
                // Before a colon, only a declaration's colon loses its space (a selector's
                // ` :hover` is a descendant, though this sheet writes none).
                if space && c == ':' && !out.is_empty() && !out.ends_with(tight_after) {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    for s in chars.by_ref() {
                        out.push(s);
                        if s == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}
