//! Pesan Lokal: a Telegram bot through which regional-government offices
//! order from local producers. See ARCHITECTURE.md for the rooms and their
//! rules.

pub mod background;
#[cfg(feature = "console")]
pub mod bench;
pub mod clock;
pub mod config;
#[cfg(feature = "console")]
pub mod console;
pub mod demo_people;
pub mod domain;
pub mod i18n;
pub mod store;
pub mod telegram;

#[cfg(test)]
mod invariants;
