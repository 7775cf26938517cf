//! Work that runs beside the dispatcher: the scheduler of deadlines and
//! alerts. It reads the store and time from the one `Clock`, and reaches
//! Telegram only through the telegram room's sending path.

pub mod scheduler;
