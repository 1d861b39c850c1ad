//! The widget's stylesheet, adopted by each shadow root as a constructed stylesheet: no
//! `<style>` element and no `style=` attribute, so it works under `style-src 'self'`, host CSS
//! cannot reach in, and its rules cannot leak out.

use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

// `src/components/widget.css` without comments or layout (build.rs).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    // One parsed sheet, shared by every widget on the page.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(CSS).is_ok());
}

pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsValue> {
    SHEET.with(|sheet| match sheet {
        Some(sheet) => {
            shadow.set_adopted_style_sheets(&Array::of1(sheet));
            Ok(())
        }
        None => Err(JsValue::from_str(
            "this browser cannot construct stylesheets",
        )),
    })
}
