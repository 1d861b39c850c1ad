//! Money in the widget is minor units per ISO 4217, whatever the browser's display digits
//! (CLDR's) say: the sample order in Iraqi dinars, Kuwaiti dinars (3 decimals) and yen (none).
#![cfg(target_arch = "wasm32")]

mod support;

use js_sys::{Object, Reflect};
use order_help::embed::mount;
use order_help::intl::Formatters;
use support::settle;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../static/orders/example.json");

/// `Intl` separates a code from the number with a no-break space.
fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

#[wasm_bindgen_test]
fn amounts_are_divided_by_the_iso_4217_exponent() {
    let table = [
        ("IQD", 2999, "IQD 2.999"),
        ("KWD", 24999, "KWD 24.999"),
        ("JPY", 24999, "¥24,999"),
        ("USD", 24999, "$249.99"),
        ("BHD", 5, "BHD 0.005"),
        ("CLF", 12345, "CLF 1.2345"),
    ];
    for (currency, minor, shown) in table {
        let fmt = Formatters::new("en-US", currency);
        assert_eq!(plain(&fmt.money(minor)), shown, "{currency} {minor}");
    }
}

#[wasm_bindgen_test]
async fn the_widget_shows_the_sample_order_in_iqd_kwd_and_jpy() {
    // The sample's laptop sleeve costs 2999 minor units, its espresso machine 24999.
    let table = [
        ("IQD", ["IQD 2.999", "IQD 24.999"]),
        ("KWD", ["KWD 2.999", "KWD 24.999"]),
        ("JPY", ["¥2,999", "¥24,999"]),
    ];
    for (currency, shown) in table {
        let order = js_sys::JSON::parse(EXAMPLE).unwrap();
        Reflect::set(&order, &"currency".into(), &currency.into()).unwrap();
        let config = Object::new();
        Reflect::set(&config, &"order".into(), &order).unwrap();
        Reflect::set(&config, &"locale".into(), &"en-US".into()).unwrap();
        Reflect::set(&config, &"now".into(), &"2025-11-25T12:00:00-08:00".into()).unwrap();
        let document = web_sys::window().unwrap().document().unwrap();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let mut widget = mount(host.clone(), JsValue::from(config)).unwrap();
        settle().await;
        let shadow = host.shadow_root().unwrap();
        let error_panel = shadow.query_selector("[part=error]").unwrap();
        let text = plain(&shadow.text_content().unwrap_or_default());
        widget.unmount();
        host.remove();
        for amount in shown {
            assert!(text.contains(amount), "{currency}: no {amount:?} in {text}");
        }
        assert!(error_panel.is_none(), "{currency}: {text}");
    }
}
