//! Application state in and out of the page: the URL query, and the files a user downloads. Pure and total: every input gives
//! a state plus a list of notices, never a panic.

pub mod export;
pub mod organisation;
pub mod present;
pub mod scenario;
pub mod url;
