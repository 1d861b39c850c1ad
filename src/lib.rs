//! order-help: can this order still be cancelled, refused or returned?
//!
//! The widget is layered the way it works: the engine (the `order-help-engine` crate: pure
//! rules, order, policy and instant in, verdicts out) → `state` (the cancel, return and
//! withdrawal flows as reducers, and the request machinery they share) → `view_model` (what each
//! row shows) → `hooks` (one of them wires every flow) → `components` (the Yew view) → `embed`
//! (what a host page calls), with the small helpers (`i18n`, `clock`, `countdown`, `intl`,
//! `js_json`, `load`, `host`) below the view. Each module uses only those below it: the engine
//! is a crate of its own, so the compiler holds that edge, and `tests/layers.rs` holds the rest.

/// The heap allocator: Talc instead of Rust's default dlmalloc on wasm32 — a maintained
/// allocator made for WebAssembly, much smaller in the bundle (the widget is single-threaded).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod clock;
pub mod components;
pub mod countdown;
pub mod embed;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod intl;
pub mod js_json;
pub mod load;
pub mod state;
pub mod view_model;

// The widget names the engine `crate::engine`.
use order_help_engine as engine;
