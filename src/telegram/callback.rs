//! Typed callback data. Every inline button carries one `Cb`, encoded in at
//! most 64 bytes. Decoding never trusts the content: handlers check what a
//! button asks for against the dialogue state and the database.

use crate::domain::{Category, Lang, Role};

use super::shared::codec::Button;
use super::shared::flow::Flow;

/// Telegram's limit for `callback_data`.
pub const MAX_BYTES: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cb {
    /// Register as producer or staff.
    Role(Role),
    /// A button shared by guided flows (Kirim, Ubah, Lewati, a region…).
    Flow(Flow),
    /// Toggle a category while registering.
    Category(Category),
    /// Finish choosing categories.
    CategoriesDone,
    Halal(bool),
    SkipNib,
    Language(Lang),
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
    BroadcastSend {
        urgent: bool,
    },
    /// /profil: mute (true) or unmute announcements.
    Mute(bool),
}

impl Cb {
    pub fn encode(&self) -> String {
        match self {
            Cb::Role(Role::Producer) => "r:p".into(),
            Cb::Role(Role::Staff) => "r:s".into(),
            Cb::Role(Role::Admin) => "r:a".into(),
            Cb::Flow(f) => f.encode(),
            Cb::Category(c) => format!("c:{}", c.index()),
            Cb::CategoriesDone => "cd".into(),
            Cb::Halal(h) => format!("h:{}", u8::from(*h)),
            Cb::SkipNib => "nib0".into(),
            Cb::Language(l) => format!("l:{}", l.code()),
            Cb::EventReady(id) => format!("acr:{id}"),
            Cb::EventRequest(id) => format!("acq:{id}"),
            Cb::EventNew => "acn".into(),
            Cb::BroadcastAudience(i) => format!("ba:{i}"),
            Cb::BroadcastCategory(c) => format!("bk:{}", c.index()),
            Cb::BroadcastChosen => "bd".into(),
            Cb::BroadcastSend { urgent } => format!("bs:{}", u8::from(*urgent)),
            Cb::Mute(m) => format!("mu:{}", u8::from(*m)),
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
            ("r", Some("p"), None) => Cb::Role(Role::Producer),
            ("r", Some("s"), None) => Cb::Role(Role::Staff),
            ("r", Some("a"), None) => Cb::Role(Role::Admin),
            ("c", Some(i), None) => Cb::Category(Category::from_index(i.parse().ok()?)?),
            ("cd", None, None) => Cb::CategoriesDone,
            ("h", Some("1"), None) => Cb::Halal(true),
            ("h", Some("0"), None) => Cb::Halal(false),
            ("nib0", None, None) => Cb::SkipNib,
            ("l", Some(code), None) => Cb::Language(Lang::parse(code)?),
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
            ("mu", Some("1"), None) => Cb::Mute(true),
            ("mu", Some("0"), None) => Cb::Mute(false),
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
            Cb::Role(Role::Producer),
            Cb::Role(Role::Staff),
            Cb::Role(Role::Admin),
            Cb::Flow(Flow::Region {
                regency: "64.02".into(),
                district: None,
            }),
            Cb::Flow(Flow::Region {
                regency: "36.03".into(),
                district: Some("36.03.12".into()),
            }),
            Cb::CategoriesDone,
            Cb::Halal(true),
            Cb::Halal(false),
            Cb::SkipNib,
            Cb::Flow(Flow::Submit),
            Cb::Flow(Flow::Edit),
            Cb::Flow(Flow::EditField(0)),
            Cb::Flow(Flow::EditField(255)),
            Cb::Flow(Flow::CancelFlow),
            Cb::Language(Lang::Id),
            Cb::Language(Lang::En),
            Cb::Flow(Flow::Skip),
            Cb::EventReady(i64::MAX),
            Cb::EventRequest(i64::MAX),
            Cb::EventNew,
        ];
        all.extend(Category::ALL.into_iter().map(Cb::Category));
        all.extend((0..=4).map(Cb::BroadcastAudience));
        all.extend(Category::ALL.into_iter().map(Cb::BroadcastCategory));
        all.extend([
            Cb::BroadcastChosen,
            Cb::BroadcastSend { urgent: true },
            Cb::BroadcastSend { urgent: false },
            Cb::Mute(true),
            Cb::Mute(false),
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
            "c:99",
            "l:fr",
            "g:",
            "g:64.02;DROP",
            "ef:-1",
            "h:2",
            "r:z",
            "acr:",
            "acr:x",
            "acq:1:2",
            "acn:1",
            "ba:5",
            "bs:2",
            "mu:x",
            "bk:9",
            &"x".repeat(65),
            "🙂",
        ] {
            assert_eq!(Cb::decode(data), None, "{data}");
        }
    }
}
