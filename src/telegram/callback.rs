//! Typed callback data. Every inline button carries one `Cb`, encoded in at
//! most 64 bytes. Decoding never trusts the content: handlers check what a
//! button asks for against the dialogue state and the database.

use crate::domain::Category;

use super::shared::codec::Button;
use super::shared::flow::Flow;

/// Telegram's limit for `callback_data`.
pub const MAX_BYTES: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cb {
    /// A button shared by guided flows (Kirim, Ubah, Lewati, a region…).
    Flow(Flow),
    /// A producer answers an event's heads-up: "Saya siap".
    EventReady(i64),
    /// Staff start the quote request of event #n, prefilled.
    EventRequest(i64),
    /// Staff plan a new event (from the /acara list).
    EventNew,
    /// /siaran: the audience group (0 everyone, 1 producers, 2 staff) or
    /// the region (3) / category (4) choice.
    BroadcastAudience(u8),
    /// /siaran: toggle a category of the audience.
    BroadcastCategory(Category),
    /// /siaran: the regions or categories are chosen.
    BroadcastChosen,
    /// /siaran: send the previewed draft (urgent: also in quiet hours).
    BroadcastSend { urgent: bool },
}

impl Cb {
    pub fn encode(&self) -> String {
        match self {
            Cb::Flow(f) => f.encode(),
            Cb::EventReady(id) => format!("acr:{id}"),
            Cb::EventRequest(id) => format!("acq:{id}"),
            Cb::EventNew => "acn".into(),
            Cb::BroadcastAudience(i) => format!("ba:{i}"),
            Cb::BroadcastCategory(c) => format!("bk:{}", c.index()),
            Cb::BroadcastChosen => "bd".into(),
            Cb::BroadcastSend { urgent } => format!("bs:{}", u8::from(*urgent)),
        }
    }

    /// `None` for anything this build did not produce (old or forged data).
    pub fn decode(data: &str) -> Option<Cb> {
        if let Some(f) = Flow::decode(data) {
            return Some(Cb::Flow(f));
        }
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
        let cb = match (head, a, b) {
            ("acr", Some(id), None) => Cb::EventReady(id.parse().ok()?),
            ("acq", Some(id), None) => Cb::EventRequest(id.parse().ok()?),
            ("acn", None, None) => Cb::EventNew,
            ("ba", Some(i), None) => match i.parse().ok()? {
                i @ 0..=4 => Cb::BroadcastAudience(i),
                _ => return None,
            },
            ("bk", Some(i), None) => Cb::BroadcastCategory(Category::from_index(i.parse().ok()?)?),
            ("bd", None, None) => Cb::BroadcastChosen,
            ("bs", Some("1"), None) => Cb::BroadcastSend { urgent: true },
            ("bs", Some("0"), None) => Cb::BroadcastSend { urgent: false },
            _ => return None,
        };
        Some(cb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Cb> {
        let mut all = vec![
            Cb::Flow(Flow::Region {
                regency: "64.02".into(),
                district: None,
            }),
            Cb::Flow(Flow::Region {
                regency: "36.03".into(),
                district: Some("36.03.12".into()),
            }),
            Cb::Flow(Flow::Submit),
            Cb::Flow(Flow::Edit),
            Cb::Flow(Flow::EditField(0)),
            Cb::Flow(Flow::EditField(255)),
            Cb::Flow(Flow::CancelFlow),
            Cb::Flow(Flow::Skip),
            Cb::EventReady(i64::MAX),
            Cb::EventRequest(i64::MAX),
            Cb::EventNew,
        ];
        all.extend((0..=4).map(Cb::BroadcastAudience));
        all.extend(Category::ALL.into_iter().map(Cb::BroadcastCategory));
        all.extend([
            Cb::BroadcastChosen,
            Cb::BroadcastSend { urgent: true },
            Cb::BroadcastSend { urgent: false },
        ]);
        all
    }

    #[test]
    fn every_callback_round_trips_within_64_bytes() {
        for cb in samples() {
            let data = cb.encode();
            assert!(data.len() <= MAX_BYTES, "{data} is too long");
            assert!(!data.is_empty());
            assert_eq!(Cb::decode(&data), Some(cb), "{data}");
        }
    }

    #[test]
    fn forged_or_unknown_data_decodes_to_nothing() {
        for data in [
            "",
            "g:",
            "g:64.02;DROP",
            "ef:-1",
            "acr:",
            "acr:x",
            "acq:1:2",
            "acn:1",
            "ba:5",
            "bs:2",
            "bk:9",
            &"x".repeat(65),
            "🙂",
        ] {
            assert_eq!(Cb::decode(data), None, "{data}");
        }
    }
}
