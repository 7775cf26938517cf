//! The end-to-end tests: one test binary (so an edit of `support/` or of
//! the library relinks one executable, not eleven), a module per feature.
//! Each runs the real bot against the fake Bot API (`fake-bot-api`) on
//! 127.0.0.1, or the real `pesanlokal` binary; fixtures are in
//! `tests/fixtures/`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod support;

mod acara;
mod broadcasts;
#[cfg(feature = "console")] // `pesanlokal console` exists with the feature only
mod console;
mod csv_import;
mod locales;
mod outbox;
mod producer_tools;
mod registration;
mod reliability;
mod requests;
mod search;
