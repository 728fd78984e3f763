//! The browser app. Built for wasm32 by Trunk; the native build only says so.

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Dossier's app runs in the browser: build and serve it with `trunk serve` (see README.md)."
    );
}
