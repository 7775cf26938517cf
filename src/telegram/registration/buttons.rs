//! The registration's buttons (its Kirim / Ubah / a field / a region /
//! Batal are the shared [`Flow`](crate::telegram::shared::flow::Flow)
//! buttons). Wire strings are the legacy `Cb` ones, so buttons of old
//! messages keep working.

use crate::domain::{Category, Role};
use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Register as producer or staff.
    Role(Role),
    /// Toggle a category.
    Category(Category),
    /// Finish choosing categories.
    CategoriesDone,
    Halal(bool),
    SkipNib,
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::Role(Role::Producer) => "r:p".into(),
            Button::Role(Role::Staff) => "r:s".into(),
            Button::Role(Role::Admin) => "r:a".into(),
            Button::Category(c) => format!("c:{}", c.index()),
            Button::CategoriesDone => "cd".into(),
            Button::Halal(h) => format!("h:{}", u8::from(*h)),
            Button::SkipNib => "nib0".into(),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("r", Some("p"), None) => Button::Role(Role::Producer),
            ("r", Some("s"), None) => Button::Role(Role::Staff),
            ("r", Some("a"), None) => Button::Role(Role::Admin),
            ("c", Some(i), None) => Button::Category(Category::from_index(i.parse().ok()?)?),
            ("cd", None, None) => Button::CategoriesDone,
            ("h", h, None) => Button::Halal(codec::flag(h)?),
            ("nib0", None, None) => Button::SkipNib,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{Button as _, assert_forged, assert_round_trips};

    fn samples() -> Vec<Button> {
        let mut all = vec![
            Button::Role(Role::Producer),
            Button::Role(Role::Staff),
            Button::Role(Role::Admin),
            Button::CategoriesDone,
            Button::Halal(true),
            Button::Halal(false),
            Button::SkipNib,
        ];
        all.extend(Category::ALL.into_iter().map(Button::Category));
        all
    }

    #[test]
    fn every_registration_button_round_trips_within_64_bytes() {
        assert_round_trips(samples());
    }

    #[test]
    fn the_wire_strings_are_the_legacy_ones() {
        assert_eq!(Button::Role(Role::Producer).encode(), "r:p");
        assert_eq!(Button::Category(Category::ALL[0]).encode(), "c:0");
        assert_eq!(Button::Halal(true).encode(), "h:1");
        assert_eq!(Button::SkipNib.encode(), "nib0");
    }

    #[test]
    fn forged_registration_data_decodes_to_nothing() {
        assert_forged::<Button>(&[
            "", "c:99", "c:x", "h:2", "h", "r:z", "r", "cd:1", "nib0:1", "r:p:1", "🙂",
        ]);
    }
}
