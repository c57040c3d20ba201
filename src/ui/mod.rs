//! Leptos components. They display what `model` and `layout` compute; they compute no domain
//! number themselves. State lives in a few signals in `AppState`; the rest is derived.

mod app;
mod charts;
mod diagram;
mod export;
mod numbers;
mod panic;
mod params_panel;
mod saved;
mod share;
mod sources;
mod state;
mod steps;
mod table;

pub use app::App;
pub use panic::install_panic_panel;

/// Mounts the app on the page's body (the binary's entry point).
pub fn start() {
    install_panic_panel();
    leptos::mount::mount_to_body(App);
}
