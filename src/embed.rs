//! The host-facing surface: what `static/embed.js` and host pages call.

mod mount;

pub use mount::mount;
