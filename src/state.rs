//! Reading state.
