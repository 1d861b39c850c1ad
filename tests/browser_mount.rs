//! The widget mounts into a shadow root of the host element.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn mounts_into_a_shadow_root() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    order_help::embed::mount(host.clone()).unwrap();
    // Yew renders on the next tick.
    yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    let shadow = host.shadow_root().expect("a shadow root");
    let heading = shadow.query_selector("h2").unwrap().expect("a heading");
    assert_eq!(
        heading.text_content().unwrap(),
        "Can I still cancel this order?"
    );
}
