//! The engine alone, in wasm: `prepare` parses an order once, `assess_prepared` assesses it
//! `iterations` times. The page times `assess_prepared` with `performance.now()`, so the
//! figure has no JS↔wasm conversion in it (unlike the widget's `assess` export, which reads
//! the order from a JS object and writes the assessment back as JS objects on every call).

use std::cell::RefCell;
use std::hint::black_box;

use order_help_engine::{assess, parse_order, Instant, Order, Policy};
use wasm_bindgen::prelude::*;

thread_local! {
    static PREPARED: RefCell<Option<(Order, Policy)>> = const { RefCell::new(None) };
}

/// Parses and validates `order_json` (an order as JSON text) for [`assess_prepared`]; returns
/// its number of items.
#[wasm_bindgen]
pub fn prepare(order_json: &str) -> Result<u32, JsError> {
    let order = parse_order(&mut serde_json::Deserializer::from_str(order_json))
        .map_err(|e| JsError::new(&e.to_string()))?;
    let items = order.items.len() as u32;
    PREPARED.with(|p| *p.borrow_mut() = Some((order, Policy::default())));
    Ok(items)
}

/// Assesses the prepared order `iterations` times at `now_ms` (ms since the Unix epoch);
/// returns the number of items assessed, so nothing can be optimised away.
#[wasm_bindgen]
pub fn assess_prepared(iterations: u32, now_ms: f64) -> u32 {
    PREPARED.with(|p| {
        let prepared = p.borrow();
        let Some((order, policy)) = prepared.as_ref() else {
            return 0;
        };
        let at = Instant::from_unix_millis(now_ms);
        let mut assessed = 0;
        for _ in 0..iterations {
            let assessment = assess(black_box(order), black_box(policy), black_box(at));
            assessed += black_box(&assessment).items.len() as u32;
        }
        assessed
    })
}
