//! order-help: can this order still be cancelled, refused or returned?
//!
//! The crate is layered the way the widget works: `engine` (pure rules: order, policy and
//! instant in, verdicts out) → `state` (the flow's reducer) → `components` (the Yew view) →
//! `embed` (what a host page calls).

pub mod clock;
pub mod components;
pub mod countdown;
pub mod embed;
pub mod engine;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod intl;
pub mod state;
