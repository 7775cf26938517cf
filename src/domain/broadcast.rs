//! Who an announcement (`/siaran`) goes to, and the limits of what it says.

use serde::{Deserialize, Serialize};

use super::{Category, RegionCode};

/// Telegram's limit for a message text (characters after entity parsing).
pub const MAX_TEXT: usize = 4096;
/// Telegram's limit for a photo caption.
pub const MAX_CAPTION: usize = 1024;

/// A broadcast's life: a draft while the admin edits it, queued once its
/// outbox rows are written, done when every copy is finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BroadcastStatus {
    Draft,
    Queued,
    Done,
}

stored_codes!(BroadcastStatus {
    Draft => "draft",
    Queued => "queued",
    Done => "done",
});

/// The groups an admin picks from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Approved producers and approved staff.
    #[default]
    Everyone,
    Producers,
    Staff,
}

/// The audience of a broadcast. Regions narrow both producers (their
/// business's regency) and staff (their office's regency); categories
/// narrow producers and leave staff out (staff have no category).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    #[serde(default)]
    pub group: Group,
    /// Regencies (`64.72` in JSON); empty = everywhere.
    #[serde(default)]
    pub regencies: Vec<RegionCode>,
    /// Empty = every category.
    #[serde(default)]
    pub categories: Vec<Category>,
}

impl Audience {
    pub fn wants_producers(&self) -> bool {
        matches!(self.group, Group::Everyone | Group::Producers)
    }

    pub fn wants_staff(&self) -> bool {
        matches!(self.group, Group::Everyone | Group::Staff) && self.categories.is_empty()
    }

    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }

    /// An unreadable audience is an error, never read as everyone.
    pub fn from_json(s: &str) -> serde_json::Result<Audience> {
        serde_json::from_str(s)
    }
}

/// Why an announcement text cannot be sent as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    /// Longer than the limit (`limit`, `length` in characters).
    TooLong {
        limit: usize,
        length: usize,
    },
}

/// Checks a text (or, with a photo, its caption) against Telegram's limits.
pub fn check_text(text: &str, with_photo: bool) -> Result<(), TextProblem> {
    let length = text.chars().count();
    if text.trim().is_empty() && !with_photo {
        return Err(TextProblem::Empty);
    }
    let limit = if with_photo { MAX_CAPTION } else { MAX_TEXT };
    if length > limit {
        return Err(TextProblem::TooLong { limit, length });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_audience_means_producers_only() {
        let a = Audience {
            categories: vec![Category::Snack],
            ..Audience::default()
        };
        assert!(a.wants_producers());
        assert!(!a.wants_staff());
        let staff = Audience {
            group: Group::Staff,
            ..Audience::default()
        };
        assert!(staff.wants_staff() && !staff.wants_producers());
    }

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap()
    }

    #[test]
    fn audiences_round_trip_and_stored_ones_still_decode() {
        let a = Audience {
            group: Group::Producers,
            regencies: vec![code("64.72"), code("64.02")],
            categories: vec![Category::OlehOleh],
        };
        assert_eq!(Audience::from_json(&a.to_json().unwrap()).unwrap(), a);
        assert_eq!(
            Audience::from_json(r#"{"group":"staff","regencies":["64.72"]}"#).unwrap(),
            Audience {
                group: Group::Staff,
                regencies: vec![code("64.72")],
                categories: vec![],
            }
        );
        assert_eq!(Audience::from_json("{}").unwrap(), Audience::default());
        assert!(Audience::from_json("{\"group\":\"aliens\"}").is_err());
        assert!(Audience::from_json(r#"{"regencies":["Samarinda"]}"#).is_err());
    }

    #[test]
    fn texts_and_captions_are_held_to_telegrams_limits() {
        assert_eq!(check_text("  ", false), Err(TextProblem::Empty));
        assert_eq!(check_text("", true), Ok(()));
        assert_eq!(check_text(&"a".repeat(4096), false), Ok(()));
        assert_eq!(
            check_text(&"a".repeat(4097), false),
            Err(TextProblem::TooLong {
                limit: 4096,
                length: 4097
            })
        );
        assert_eq!(
            check_text(&"é".repeat(1025), true),
            Err(TextProblem::TooLong {
                limit: 1024,
                length: 1025
            })
        );
    }
}
