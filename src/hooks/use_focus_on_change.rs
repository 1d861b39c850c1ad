use yew::prelude::*;

/// Moves focus to `node` when it is rendered for a step change (`changes > 0`), never on the
/// widget's first render: a help page must not jump to the widget on load.
#[hook]
pub fn use_focus_on_change(node: NodeRef, changes: u32) {
    use_effect_with(changes, move |&changes| {
        if changes > 0 {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
