//! The quote room's buttons: on a request card, and "all of it" as the
//! quoted quantity. Wire strings are the legacy `Cb` ones, so the cards
//! already sent keep working.

use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// A producer quotes request #n.
    QuoteRequest(i64),
    /// A producer declines request #n.
    DeclineRequest(i64),
    /// "All" as the quoted quantity.
    QuoteAll,
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::QuoteRequest(id) => format!("qq:{id}"),
            Button::DeclineRequest(id) => format!("qd:{id}"),
            Button::QuoteAll => "qa".into(),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("qq", id, None) => Button::QuoteRequest(codec::number(id)?),
            ("qd", id, None) => Button::DeclineRequest(codec::number(id)?),
            ("qa", None, None) => Button::QuoteAll,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{Button as _, assert_forged, assert_round_trips};

    #[test]
    fn every_quote_button_round_trips_within_64_bytes() {
        assert_round_trips([
            Button::QuoteRequest(i64::MAX),
            Button::DeclineRequest(7),
            Button::QuoteAll,
        ]);
        // The legacy wire strings.
        let wires = [
            Button::QuoteRequest(3),
            Button::DeclineRequest(7),
            Button::QuoteAll,
        ]
        .map(|b| b.encode());
        assert_eq!(wires, ["qq:3", "qd:7", "qa"]);
    }

    #[test]
    fn forged_or_unknown_quote_data_decodes_to_nothing() {
        assert_forged::<Button>(&["", "🙂", "qq", "qq:", "qq:x", "qd:1:2", "qa:1", "qq:-"]);
    }
}
