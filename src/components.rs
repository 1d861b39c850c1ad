//! The view: one part of it per file, each rendering part of the state: a function component
//! where it holds state of its own (hooks, focus) or skips renders on a tick, else a plain
//! function returning `Html` (a component costs its lifecycle code in the bundle).

mod app;
mod bidi;
mod choices;
mod choose_reason;
mod error_panel;
mod heading;
mod item_summary;
mod live_region;
mod order_overview;
mod outcome_panel;
mod return_countdown;
mod return_outcome;
mod return_reason;
mod return_review;
mod return_select;
mod review_request;
mod select_items;
mod step_actions;
mod step_region;
mod widget;
mod withdrawal_form;
mod withdrawal_notice;
mod withdrawal_outcome;

pub use app::{App, AppProps, Loaded};
pub use error_panel::{error_panel, LoadFailure, Problem};
pub use widget::{Widget, WidgetProps};
