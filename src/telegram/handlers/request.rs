//! The request flow lives in `telegram::requests`; these are the names the
//! legacy event handler still reaches it by. Goes with `event.rs`'s move
//! into its room.

pub use crate::telegram::requests::{ask_next, is_staff, problem_reply, read_date};
