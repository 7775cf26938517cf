//! The broadcasts room's buttons (/siaran).

use crate::domain::Category;
use crate::telegram::shared::codec;

/// Who the announcement goes to, as first chosen: a group, or narrowing by
/// regions or categories next. The order is the number on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Everyone,
    Producers,
    Staff,
    Regions,
    Categories,
}

impl Choice {
    /// In the order of their numbers on the wire (`ba:0` … `ba:4`).
    pub const ALL: [Choice; 5] = [
        Choice::Everyone,
        Choice::Producers,
        Choice::Staff,
        Choice::Regions,
        Choice::Categories,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// The audience group, or the region / category choice.
    Audience(Choice),
    /// Toggle a category of the audience.
    Category(Category),
    /// The regions or categories are chosen.
    Chosen,
    /// Send the previewed draft (urgent: also in quiet hours).
    Send { urgent: bool },
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::Audience(c) => format!("ba:{}", c.index()),
            Button::Category(c) => format!("bk:{}", c.index()),
            Button::Chosen => "bd".into(),
            Button::Send { urgent } => format!("bs:{}", u8::from(*urgent)),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("ba", i, None) => Button::Audience(*Choice::ALL.get(codec::number::<usize>(i)?)?),
            ("bk", i, None) => Button::Category(Category::from_index(codec::number(i)?)?),
            ("bd", None, None) => Button::Chosen,
            ("bs", urgent, None) => Button::Send {
                urgent: codec::flag(urgent)?,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{Button as _, assert_forged, assert_round_trips};

    #[test]
    fn every_broadcast_button_round_trips_within_64_bytes() {
        let mut all: Vec<Button> = Choice::ALL.into_iter().map(Button::Audience).collect();
        all.extend(Category::ALL.into_iter().map(Button::Category));
        all.extend([
            Button::Chosen,
            Button::Send { urgent: true },
            Button::Send { urgent: false },
        ]);
        assert_round_trips(all);
    }

    #[test]
    fn the_wire_format_is_what_earlier_builds_sent() {
        assert_eq!(Button::Audience(Choice::Everyone).encode(), "ba:0");
        assert_eq!(Button::Audience(Choice::Categories).encode(), "ba:4");
        let snack = format!("bk:{}", Category::Snack.index());
        assert_eq!(Button::Category(Category::Snack).encode(), snack);
        assert_eq!(Button::Chosen.encode(), "bd");
        assert_eq!(Button::Send { urgent: true }.encode(), "bs:1");
        assert_eq!(Button::Send { urgent: false }.encode(), "bs:0");
    }

    #[test]
    fn forged_broadcast_data_decodes_to_nothing() {
        assert_forged::<Button>(&[
            "ba:5", "ba:-1", "ba", "bs:2", "bs", "bk:99", "bk:x", "bd:1", "bx", "",
        ]);
    }
}
