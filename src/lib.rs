//! readout: read and compare how news outlets report the same diplomatic negotiation.
//!
//! The domain — [`corpus`] (articles), [`timeline`] (events), [`align`] (which passage
//! belongs to which event), [`text`] (sanitising and wrapping), [`state`] (reading
//! state) — knows nothing of the terminal. [`tui`] and [`commands`] are thin layers over
//! it.

pub mod align;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod import;
pub mod listing;
pub mod search;
pub mod state;
pub mod suggest;
pub mod text;
pub mod timeline;
#[cfg(feature = "tui")]
pub mod tui;
