//! Pure layout: turning an organisation tree into positioned boxes. No browser types.
//!
//! - `tidy`: the tidy-tree algorithm on plain sizes (variable widths and heights).
//! - `text`: label width estimates and line wrapping for Chinese and Latin text.
//! - `diagram`: the diagram of a `Unit` tree (grouping identical units, labels, edges).
//! - `viewport`: the diagram on screen: zoom, pan, fit, canvas height, keys (pure maths).

pub mod diagram;
pub mod text;
pub mod tidy;
pub mod viewport;
