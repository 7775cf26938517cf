//! The events room's buttons: "Saya siap" under a heads-up, the request
//! of an event (the nudge's and the list's), and a new event from the list.

use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// A producer answers an event's heads-up: "Saya siap".
    Ready(i64),
    /// Staff start the quote request of event #n, prefilled.
    Request(i64),
    /// Staff plan a new event (from the /acara list).
    New,
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::Ready(id) => format!("acr:{id}"),
            Button::Request(id) => format!("acq:{id}"),
            Button::New => "acn".into(),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("acr", id, None) => Button::Ready(codec::number(id)?),
            ("acq", id, None) => Button::Request(codec::number(id)?),
            ("acn", None, None) => Button::New,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{Button as _, assert_forged, assert_round_trips};

    #[test]
    fn every_event_button_round_trips_within_64_bytes() {
        assert_round_trips([
            Button::Ready(i64::MAX),
            Button::Request(i64::MAX),
            Button::Ready(1),
            Button::New,
        ]);
        assert_eq!(Button::Ready(7).encode(), "acr:7");
        assert_eq!(Button::Request(7).encode(), "acq:7");
        assert_eq!(Button::New.encode(), "acn");
    }

    #[test]
    fn forged_event_data_decodes_to_nothing() {
        assert_forged::<Button>(&["acr:", "acr:x", "acr", "acq:1:2", "acn:1", "acx:1", ""]);
    }
}
