//! Custom hooks: the clock's one timer, the cached assessment, focus on step change, wiring a
//! flow (reducer, reassessment, sending its request to the host), and the countdown's
//! announcements.

mod use_announcement;
mod use_assessment;
mod use_clock;
mod use_flow;
mod use_focus_on_change;
mod use_request_sender;

pub use use_announcement::{use_announcement, Announcement};
pub use use_assessment::use_assessment;
pub use use_clock::{use_now, use_wake};
pub use use_flow::use_flow;
pub use use_focus_on_change::use_focus_on_change;
pub use use_request_sender::use_request_sender;
