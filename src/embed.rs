//! The host-facing surface: what `static/embed.js` and host pages call.
//!
//! ```js
//! import { mount } from "./embed.js";
//! const widget = mount(element, { order, policy, locale: "en-US", onRequestCancel });
//! widget.update({ order: newerOrder });
//! widget.unmount();
//! ```

mod assess_export;
mod config;
mod js_json;
mod mount;
mod styles;

pub use assess_export::assess;
pub use js_json::to_json;
pub use mount::{mount, WidgetHandle};
