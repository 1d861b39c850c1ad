//! `order-help`: the policy authors' command-line tool.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("order-help: no command yet");
    std::process::exit(2);
}

// Trunk builds every target of the crate for wasm32; there the tool is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}
