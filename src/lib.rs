//! Pesan Lokal: a Telegram bot through which regional-government offices
//! order from local producers. See ARCHITECTURE.md for the rooms and their
//! rules.

pub mod background;
pub mod bench;
pub mod clock;
pub mod config;
pub mod console;
pub mod domain;
pub mod i18n;
pub mod store;
pub mod telegram;
pub mod testkit;

#[cfg(test)]
mod invariants;
