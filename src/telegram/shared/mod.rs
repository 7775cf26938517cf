//! What every feature room uses and none owns: the context of an update
//! (who is writing, in which chat), answering button presses, the callback
//! codec and the buttons shared by guided flows, reading a place, the
//! formatting of money, counts, dates and regions, and the replies common to
//! all rooms. Nothing here imports a room.

pub mod codec;
pub mod contact;
pub mod context;
pub mod flow;
pub mod format;
pub mod menu;
pub mod place;
pub mod press;
pub mod replies;
pub mod text;
pub mod toast;
pub mod toggles;
