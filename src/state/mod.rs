//! Application state in and out of the page: the URL query. Pure and total: every input gives
//! a state plus a list of notices, never a panic.

pub mod url;
