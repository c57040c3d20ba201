//! Reform Explorer: public-security reform models in the browser. See ARCHITECTURE.md.

pub mod analysis;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
