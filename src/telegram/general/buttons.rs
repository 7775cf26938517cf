//! The general room's buttons (its "Batal" is the shared
//! [`Flow::CancelFlow`](crate::telegram::shared::flow::Flow)). Wire strings
//! are the legacy `Cb` ones, so buttons of old messages keep working.

use crate::domain::Lang;
use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// /bahasa: answer in this language from now on.
    Language(Lang),
    /// /profil: mute (true) or unmute announcements.
    Mute(bool),
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::Language(l) => format!("l:{}", l.code()),
            Button::Mute(m) => format!("mu:{}", u8::from(*m)),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("l", Some(code), None) => Button::Language(Lang::parse(code)?),
            ("mu", m, None) => Button::Mute(codec::flag(m)?),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{Button as _, assert_forged, assert_round_trips};

    #[test]
    fn every_general_button_round_trips_within_64_bytes() {
        assert_round_trips([
            Button::Language(Lang::Id),
            Button::Language(Lang::En),
            Button::Mute(true),
            Button::Mute(false),
        ]);
        assert_eq!(Button::Language(Lang::En).encode(), "l:en");
        assert_eq!(Button::Mute(true).encode(), "mu:1");
    }

    #[test]
    fn forged_general_data_decodes_to_nothing() {
        assert_forged::<Button>(&["", "l:fr", "l", "l:id:1", "mu:x", "mu", "mu:1:1", "🙂"]);
    }
}
