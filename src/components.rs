//! The view: one part of it per file, each rendering part of the state: a function component
//! where it holds state of its own (hooks, focus) or skips renders on a tick, else a plain
//! function returning `Html` (a component costs its lifecycle code in the bundle). Each flow's
//! steps are named for it (`cancel_*`, `return_*`, `withdrawal_*`); what they share is in
//! `review` (the reason line, the failure and the Back / send buttons), `choices`,
//! `step_actions` and `step_region`.

mod app;
mod bidi;
mod cancel_outcome;
mod cancel_reason;
mod cancel_review;
mod cancel_select;
mod choices;
mod error_panel;
mod heading;
mod item_summary;
mod live_region;
mod order_overview;
mod return_countdown;
mod return_outcome;
mod return_reason;
mod return_review;
mod return_select;
mod review;
mod step_actions;
mod step_region;
mod widget;
mod withdrawal_form;
mod withdrawal_notice;
mod withdrawal_outcome;

pub use app::{App, AppProps, Loaded};
pub use error_panel::error_panel;
pub use widget::{Widget, WidgetProps};
