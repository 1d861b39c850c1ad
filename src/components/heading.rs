use yew::prelude::*;

use super::bidi::rich;

/// Where a heading sits in the page's outline.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    /// The widget's headings: the level the host asked for (`heading-level`, default 2), with
    /// `tabindex=-1` so focus can move to it on a step change.
    Main,
    /// One level below.
    Sub,
    /// One level below, with `tabindex=-1`: a section's heading focus can move to (the
    /// withdrawal section's, when its button goes at the period's end).
    Section,
}

/// A heading that continues the page's outline instead of skipping a level. A plain function
/// (no state), so it costs no component lifecycle code.
pub fn heading(
    level: u8,
    rank: Rank,
    text: impl Into<AttrValue>,
    id: Option<&'static str>,
    node: NodeRef,
) -> Html {
    let level = match rank {
        Rank::Main => level,
        Rank::Sub | Rank::Section => level.saturating_add(1),
    }
    .clamp(2, 6);
    let (class, tabindex) = match rank {
        Rank::Main => ("heading", Some("-1")),
        Rank::Sub => ("subheading", None),
        Rank::Section => ("subheading", Some("-1")),
    };
    html! {
        // A static name per level: no formatting code, no allocation.
        <@{["h2", "h3", "h4", "h5", "h6"][usize::from(level - 2)]} id={id} class={class} tabindex={tabindex} ref={node}>
            // The order's id may be in it, as an isolate.
            { rich(&text.into()) }
        </@>
    }
}
