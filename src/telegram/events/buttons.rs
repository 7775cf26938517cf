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
    use crate::telegram::shared::codec::{Button as _, MAX_BYTES};

    #[test]
    fn every_event_button_round_trips_within_64_bytes() {
        for b in [
            Button::Ready(i64::MAX),
            Button::Request(i64::MAX),
            Button::Ready(1),
            Button::New,
        ] {
            let data = b.encode();
            assert!(data.len() <= MAX_BYTES, "{data} is too long");
            assert_eq!(Button::decode(&data), Some(b), "{data}");
        }
        assert_eq!(Button::Ready(7).encode(), "acr:7");
        assert_eq!(Button::Request(7).encode(), "acq:7");
        assert_eq!(Button::New.encode(), "acn");
    }

    #[test]
    fn forged_event_data_decodes_to_nothing() {
        for data in [
            "acr:",
            "acr:x",
            "acr",
            "acq:1:2",
            "acn:1",
            "acx:1",
            "",
            &"acr:1".repeat(20),
        ] {
            assert_eq!(Button::decode(data), None, "{data}");
        }
    }
}
