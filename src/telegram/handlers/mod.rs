//! Handlers per concern. Each takes what it needs as parameters; dptree
//! injects them by type.

pub mod callbacks;
pub mod general;
pub mod orders;
pub mod quote;
pub mod request;

pub use crate::telegram::shared::context::*;
