//! The plain commands.
