use std::rc::Rc;

use yew::prelude::*;

use super::view_model::Texts;

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Set for the heading that takes focus on a step change.
    #[prop_or_default]
    pub node: NodeRef,
    /// One level below the widget's headings.
    #[prop_or_default]
    pub sub: bool,
    /// The level, where no texts context says it (the error panel).
    #[prop_or_default]
    pub level: Option<u8>,
}

/// A heading at the level the host page asked for (`heading-level`, default 2), so the widget's
/// headings continue the page's outline instead of skipping a level.
#[function_component]
pub fn Heading(props: &HeadingProps) -> Html {
    let context = use_context::<Rc<Texts>>().map(|t| t.heading_level);
    let level = props.level.or(context).unwrap_or(2);
    let level = level.saturating_add(u8::from(props.sub)).clamp(2, 6);
    let (class, tabindex) = if props.sub {
        ("subheading", None)
    } else {
        ("heading", Some("-1"))
    };
    html! {
        <@{format!("h{level}")} id={props.id.clone()} class={class} tabindex={tabindex} ref={props.node.clone()}>
            { props.text.clone() }
        </@>
    }
}
