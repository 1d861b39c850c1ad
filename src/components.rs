//! The view: one small function component per file.

mod widget;

pub use widget::Widget;
