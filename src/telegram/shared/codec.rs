//! The one callback codec. Every inline button carries `head[:a[:b]]` in
//! at most 64 bytes; each room has its own button enum implementing
//! [`Button`] with heads of its own (`telegram/button_heads.rs` checks
//! that no two rooms claim the same data). Decoding never trusts the content:
//! handlers check what a button asks for against the dialogue state and the
//! database.

use teloxide::dispatching::UpdateHandler;
use teloxide::types::{CallbackQuery, InlineKeyboardButton};

/// Telegram's limit for `callback_data`.
pub const MAX_BYTES: usize = 64;

/// A room's buttons: encoded as text, decoded only from what this build
/// produces (`None` for old or forged data).
pub trait Button: Sized {
    fn encode(&self) -> String;
    fn decode(data: &str) -> Option<Self>;
}

/// The data of the button that was pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pressed(pub String);

impl Pressed {
    /// The pressed data of a callback query. A press without data (a game
    /// button) is empty data, which no room decodes, so `answered` answers
    /// it as a stale button rather than leaving it unanswered.
    pub fn of(q: CallbackQuery) -> Pressed {
        Pressed(q.data.unwrap_or_default())
    }
}

/// Splits `head:a:b` into its parts; `None` when longer than Telegram
/// allows or with more than three parts.
pub fn parts(data: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
    if data.len() > MAX_BYTES {
        return None;
    }
    let mut parts = data.split(':');
    let head = parts.next()?;
    let a = parts.next();
    let b = parts.next();
    if parts.next().is_some() {
        return None;
    }
    Some((head, a, b))
}

/// A numeric part.
pub fn number<T: std::str::FromStr>(part: Option<&str>) -> Option<T> {
    part?.parse().ok()
}

/// `1` / `0` as a flag.
pub fn flag(part: Option<&str>) -> Option<bool> {
    match part? {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// A region code as buttons carry it: digits and dots, short.
pub fn region_code(part: &str) -> Option<&str> {
    (!part.is_empty() && part.len() <= 16 && part.bytes().all(|c| c.is_ascii_digit() || c == b'.'))
        .then_some(part)
}

/// An inline button with a label and a room's button data.
pub fn button(label: String, b: &impl Button) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(label, b.encode())
}

/// The branch that goes on only for presses of `B`'s buttons, with the
/// decoded `B` for the handlers after it.
pub fn pressed<B>() -> UpdateHandler<anyhow::Error>
where
    B: Button + Clone + Send + Sync + 'static,
{
    dptree::filter_map(|p: Pressed| B::decode(&p.0))
}

/// For the rooms' tests: every sample encodes to data within Telegram's
/// limit that decodes to the same button.
#[cfg(test)]
pub fn assert_round_trips<B>(samples: impl IntoIterator<Item = B>)
where
    B: Button + PartialEq + std::fmt::Debug,
{
    for b in samples {
        let data = b.encode();
        assert!(data.len() <= MAX_BYTES, "{data} is too long");
        assert!(!data.is_empty());
        assert_eq!(B::decode(&data), Some(b), "{data}");
    }
}

/// For the rooms' tests: none of `forged` (nor anything longer than
/// Telegram allows) decodes to a button of `B`.
#[cfg(test)]
pub fn assert_forged<B>(forged: &[&str])
where
    B: Button + PartialEq + std::fmt::Debug,
{
    for data in forged {
        assert_eq!(B::decode(data), None, "{data}");
    }
    assert_eq!(B::decode(&"x".repeat(MAX_BYTES + 1)), None);
}
