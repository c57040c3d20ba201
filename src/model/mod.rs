//! The pure domain model: organisations, parameters, sources, cases and metrics.
//! No leptos, web-sys or browser types here: everything compiles and is tested natively.

pub mod cases;
pub mod compose;
pub mod edit;
pub mod lever;
pub mod lineage;
pub mod metrics;
pub mod order;
pub mod org;
pub mod own;
pub mod params;
pub mod planning;
pub mod source;
pub mod typical_city;
