//! A local stand-in for the Telegram Bot API, used by the tests and by
//! `pesanlokal console`. Nothing here talks to Telegram.

pub mod fake_bot_api;
