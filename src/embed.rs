//! The host-facing surface: what `static/embed.js` and host pages call.
//!
//! ```js
//! import { mount } from "./embed.js";
//! const widget = mount(element, { order, policy, locale: "en-US", onRequestCancel, onRequestReturn });
//! widget.update({ order: newerOrder });
//! widget.unmount();
//! ```

mod assess_export;
mod config;
mod mount;
mod styles;

pub use assess_export::assess;
pub use mount::{mount, WidgetHandle};
