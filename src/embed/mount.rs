//! `mount(element, config)`: the widget in `element`'s shadow root, and the handle a host
//! updates and unmounts it with.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use super::config::Given;
use super::styles;
use crate::clock::Clock;
use crate::components::{App, AppProps};

/// A mounted widget, as the host page holds it.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Mounted>,
}

struct Mounted {
    app: AppHandle<App>,
    given: Given,
    clock: Clock,
    host: Element,
    container: Element,
    key_seed: u64,
}

/// Mounts the widget into `element`'s shadow root (created if needed) with `config`:
/// `{ order, policy?, locale?, now?, timeout?, onRequestCancel?, onRequestReturn?, onWithdraw?,
/// customer? }` (`customer: {name, email}` pre-fills the withdrawal form). A bad order or policy shows
/// an error panel inside the widget and fires `order-help-error`; only an element that cannot
/// hold a shadow root throws.
#[wasm_bindgen]
pub fn mount(element: Element, config: JsValue) -> Result<WidgetHandle, JsError> {
    let shadow = match element.shadow_root() {
        Some(shadow) => shadow,
        None => element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| {
                JsError::new(
                    "mount: this element cannot hold a shadow root (use a <div> or <order-help>)",
                )
            })?,
    };
    styles::adopt(&shadow)
        .map_err(|e| JsError::new(&format!("mount: {}", crate::host::describe(&e))))?;
    let document = element
        .owner_document()
        .ok_or_else(|| JsError::new("mount: the element has no document"))?;
    let container = document
        .create_element("div")
        .map_err(|_| JsError::new("mount: cannot create the widget's container"))?;

    let clock = Clock::system();
    let key_seed = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    let mut given = Given::default();
    let loaded = given.apply(&config, &clock, &element, key_seed);
    let props = AppProps {
        loaded: Some(Rc::new(loaded)),
    };
    // An idle app from an earlier unmount if there is one: its container moves here.
    let (app, container) = match IDLE.with(|idle| idle.borrow_mut().pop()) {
        Some((mut app, container)) => {
            shadow.replace_children_with_node_1(&container);
            app.update(props);
            (app, container)
        }
        None => {
            shadow.replace_children_with_node_1(&container);
            let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
            (app, container)
        }
    };
    Ok(WidgetHandle {
        mounted: Some(Mounted {
            app,
            given,
            clock,
            host: element,
            container,
            key_seed,
        }),
    })
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Applies the fields present in `config` (others keep their values): a new order,
    /// policy, locale, `now` (moves the clock), timeout or a request handler.
    pub fn update(&mut self, config: JsValue) {
        if let Some(m) = &mut self.mounted {
            let loaded = m.given.apply(&config, &m.clock, &m.host, m.key_seed);
            m.app.update(AppProps {
                loaded: Some(Rc::new(loaded)),
            });
        }
    }

    /// Removes the widget and stops its timers. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(mut m) = self.mounted.take() {
            m.container.remove();
            // The widget goes (its hooks' timers with it); the empty app waits for the next
            // mount, up to IDLE_APPS of them.
            m.app.update(AppProps { loaded: None });
            IDLE.with(|idle| {
                let mut idle = idle.borrow_mut();
                if idle.len() < IDLE_APPS {
                    idle.push((m.app, m.container));
                } else {
                    m.app.destroy();
                }
            });
        }
    }

    /// Whether the widget is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.is_some()
    }
}

/// How many emptied apps wait for a mount. Yew keeps the delegated event listeners of every
/// app it ever rendered (`subtree_root.rs`: `HostHandlers::add_listener` forgets each closure,
/// and each holds its subtree's data), about 600 bytes an app that no `destroy` returns; so a
/// page that mounts and unmounts (a help page in a single-page app, an element moved in the
/// DOM) reuses an app instead of leaking one each time.
const IDLE_APPS: usize = 4;

thread_local! {
    /// Emptied apps and their containers (out of any document), last unmounted last.
    static IDLE: RefCell<Vec<(AppHandle<App>, Element)>> = const { RefCell::new(Vec::new()) };
}
