//! Text shaping shared by every output: making untrusted text safe, and wrapping it.

pub mod ascii;
pub mod sanitize;
pub mod search;
pub mod terms;
pub mod wrap;
