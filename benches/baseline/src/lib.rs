//! The baseline: one function component with one state hook and one button.
//!
//! It renders into `<body>` when the module starts. The benchmark detects its first complete
//! render the same way as the widget's: a `MutationObserver` (installed before any page script)
//! sees the rendered markup appear, here `button[data-baseline]`.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component]
fn App() -> Html {
    let count = use_state(|| 0_u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_: MouseEvent| count.set(*count + 1))
    };
    html! {
        <div class="baseline">
            <button type="button" data-baseline="" {onclick}>{ "Clicked " }{ *count }{ " times" }</button>
        </div>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<App>::new().render();
}
