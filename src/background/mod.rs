//! Work that runs beside the dispatcher: the outbox sender (which is also
//! the scheduler: a row with a future `due_at` is a scheduled message) and
//! the broadcast progress reporter. It reads the store and time from the
//! one `Clock`, and reaches Telegram only through a courier from the
//! telegram room.

pub mod broadcasts;
pub mod outbox;
