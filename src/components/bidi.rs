//! Strings of the order or the host in the view, as bidirectional isolates: each is its own
//! `<bdi>` element (`unicode-bidi: isolate`, direction from its first strong character), so a
//! right-to-left title, or one holding U+202E RIGHT-TO-LEFT OVERRIDE, cannot reorder the
//! widget's sentence around it (UAX #9). Sentences are built as text with
//! [`crate::i18n::isolate`] (FSI … PDI around each value); [`rich`] turns each such isolate
//! into a `<bdi>`, so the text a screen reader or a test reads has no control characters.
//! Plain functions, not components: they hold no state.

use yew::prelude::*;

use crate::i18n::{isolate, FSI, PDI};

/// One string of the order or the host, on its own, in a `<bdi>` (with `class`, if any).
pub fn bdi(value: &str, class: Option<&'static str>) -> Html {
    // Through `isolate`, which drops a stray PDI that could end the element's isolate early.
    rich_with_class(&isolate(value), class)
}

/// A sentence built as text: each top-level FSI … PDI becomes a `<bdi>` holding what was
/// between them; the rest is text.
pub fn rich(text: &str) -> Html {
    rich_with_class(text, None)
}

/// [`rich`], each isolate's `<bdi>` with `class`.
pub fn rich_with_class(text: &str, class: Option<&'static str>) -> Html {
    if !text.contains(FSI) {
        return html! { { text.to_owned() } };
    }
    let mut nodes: Vec<Html> = Vec::new();
    let mut plain = String::new();
    let mut inner = String::new();
    let mut depth = 0u32;
    for c in text.chars() {
        match (depth, c) {
            (0, FSI) => {
                if !plain.is_empty() {
                    nodes.push(html! { { std::mem::take(&mut plain) } });
                }
                depth = 1;
            }
            (0, _) => plain.push(c),
            (1, PDI) => {
                nodes.push(html! { <bdi class={class}>{ std::mem::take(&mut inner) }</bdi> });
                depth = 0;
            }
            (_, _) => {
                // The value's own isolates, kept whole inside ours.
                match c {
                    '\u{2066}'..='\u{2068}' => depth += 1,
                    PDI => depth -= 1,
                    _ => {}
                }
                inner.push(c);
            }
        }
    }
    // An isolate left open (never, from `isolate`) is still an isolate.
    if depth > 0 {
        nodes.push(html! { <bdi class={class}>{ inner }</bdi> });
    }
    if !plain.is_empty() {
        nodes.push(html! { { plain } });
    }
    nodes.into_iter().collect::<Html>()
}
