//! The starting set of product categories (PRODUCT.md §9).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Katering,
    Snack,
    OlehOleh,
    Minuman,
    Merchandise,
    Kerajinan,
    Fesyen,
    Percetakan,
    Dekorasi,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Katering,
        Category::Snack,
        Category::OlehOleh,
        Category::Minuman,
        Category::Merchandise,
        Category::Kerajinan,
        Category::Fesyen,
        Category::Percetakan,
        Category::Dekorasi,
    ];

    /// The slug stored in the database (`categories.slug`).
    pub fn slug(self) -> &'static str {
        match self {
            Category::Katering => "katering",
            Category::Snack => "snack",
            Category::OlehOleh => "oleh_oleh",
            Category::Minuman => "minuman",
            Category::Merchandise => "merchandise",
            Category::Kerajinan => "kerajinan",
            Category::Fesyen => "fesyen",
            Category::Percetakan => "percetakan",
            Category::Dekorasi => "dekorasi",
        }
    }

    pub fn from_slug(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == s)
    }

    /// A small stable number for compact callback data.
    pub fn index(self) -> u8 {
        // `ALL` lists the variants in declaration order (checked by a test).
        self as u8
    }

    pub fn from_index(i: u8) -> Option<Category> {
        Category::ALL.get(i as usize).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_round_trips_through_slug_and_index() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(c));
            assert_eq!(Category::from_index(c.index()), Some(c));
        }
        assert_eq!(Category::from_index(9), None);
        assert_eq!(Category::from_slug("senjata"), None);
    }
}
