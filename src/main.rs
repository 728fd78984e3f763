//! The browser app. Built for wasm32 by Trunk; the native build only says so.

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

/// The size of the app's WebAssembly memory, in bytes, for the browser benchmark.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65536) as f64
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Dossier's app runs in the browser: build and serve it with `trunk serve` (see README.md)."
    );
}
