//! Handlers per concern. Each takes what it needs as parameters; dptree
//! injects them by type.

pub mod broadcast;
pub mod callbacks;
pub mod event;
pub mod general;
pub mod request;

pub use crate::telegram::shared::context::*;
