//! Mounting the widget into a host element.

use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::components::Widget;

/// Mounts the widget into `host`'s (new) shadow root.
#[wasm_bindgen]
pub fn mount(host: Element) -> Result<(), JsValue> {
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let document = host
        .owner_document()
        .ok_or("the host element has no document")?;
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;
    yew::Renderer::<Widget>::with_root(root).render();
    Ok(())
}
