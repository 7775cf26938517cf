//! The directory's buttons (/cari results, filters, profile, "Minta
//! penawaran"). Wire strings are the legacy `Cb` ones, so buttons of old
//! messages keep working.

use crate::domain::Category;
use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Start a search by category (from the /cari prompt).
    SearchCategory(Category),
    /// A page of a stored search.
    SearchPage {
        search: i64,
        page: u32,
    },
    /// Open the region / category choices of a stored search.
    SearchRegionMenu(i64),
    SearchCategoryMenu(i64),
    /// Set (or clear, `None`) the region / category filter.
    SearchSetRegion {
        search: i64,
        regency: Option<String>,
    },
    SearchSetCategory {
        search: i64,
        category: Option<Category>,
    },
    SearchToggleHalal(i64),
    /// Ask for the date the goods are needed.
    SearchDate(i64),
    /// Full profile of a producer.
    Profile(i64),
    /// Ask a producer for a quote.
    Quote(i64),
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::SearchCategory(c) => format!("qc:{}", c.index()),
            Button::SearchPage { search, page } => format!("sp:{search}:{page}"),
            Button::SearchRegionMenu(id) => format!("sr:{id}"),
            Button::SearchCategoryMenu(id) => format!("sc:{id}"),
            Button::SearchSetRegion { search, regency } => {
                format!("sR:{search}:{}", regency.as_deref().unwrap_or("-"))
            }
            Button::SearchSetCategory { search, category } => match category {
                Some(c) => format!("sC:{search}:{}", c.index()),
                None => format!("sC:{search}:-"),
            },
            Button::SearchToggleHalal(id) => format!("sh:{id}"),
            Button::SearchDate(id) => format!("sd:{id}"),
            Button::Profile(id) => format!("pf:{id}"),
            Button::Quote(id) => format!("pq:{id}"),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("qc", Some(i), None) => Button::SearchCategory(Category::from_index(i.parse().ok()?)?),
            ("sp", Some(id), Some(page)) => Button::SearchPage {
                search: id.parse().ok()?,
                page: page.parse().ok()?,
            },
            ("sr", Some(id), None) => Button::SearchRegionMenu(id.parse().ok()?),
            ("sc", Some(id), None) => Button::SearchCategoryMenu(id.parse().ok()?),
            ("sR", Some(id), Some(code)) => Button::SearchSetRegion {
                search: id.parse().ok()?,
                regency: match code {
                    "-" => None,
                    c if c.len() <= 8 && c.bytes().all(|b| b.is_ascii_digit() || b == b'.') => {
                        Some(c.to_string())
                    }
                    _ => return None,
                },
            },
            ("sC", Some(id), Some(cat)) => Button::SearchSetCategory {
                search: id.parse().ok()?,
                category: match cat {
                    "-" => None,
                    i => Some(Category::from_index(i.parse().ok()?)?),
                },
            },
            ("sh", Some(id), None) => Button::SearchToggleHalal(id.parse().ok()?),
            ("sd", Some(id), None) => Button::SearchDate(id.parse().ok()?),
            ("pf", Some(id), None) => Button::Profile(id.parse().ok()?),
            ("pq", Some(id), None) => Button::Quote(id.parse().ok()?),
            _ => return None,
        })
    }
}

impl Button {
    /// The id of the stored search this button acts on, if any.
    pub fn search(&self) -> Option<i64> {
        match self {
            Button::SearchPage { search, .. }
            | Button::SearchSetRegion { search, .. }
            | Button::SearchSetCategory { search, .. } => Some(*search),
            Button::SearchRegionMenu(id)
            | Button::SearchCategoryMenu(id)
            | Button::SearchToggleHalal(id)
            | Button::SearchDate(id) => Some(*id),
            Button::SearchCategory(_) | Button::Profile(_) | Button::Quote(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{assert_forged, assert_round_trips};

    fn samples() -> Vec<Button> {
        let mut all = vec![
            Button::SearchPage {
                search: i64::MAX,
                page: u32::MAX,
            },
            Button::SearchRegionMenu(7),
            Button::SearchCategoryMenu(7),
            Button::SearchSetRegion {
                search: i64::MAX,
                regency: Some("64.72".into()),
            },
            Button::SearchSetRegion {
                search: 1,
                regency: None,
            },
            Button::SearchSetCategory {
                search: i64::MAX,
                category: Some(Category::Dekorasi),
            },
            Button::SearchSetCategory {
                search: 1,
                category: None,
            },
            Button::SearchToggleHalal(3),
            Button::SearchDate(3),
            Button::Profile(i64::MAX),
            Button::Quote(i64::MAX),
        ];
        all.extend(Category::ALL.into_iter().map(Button::SearchCategory));
        all
    }

    #[test]
    fn every_directory_button_round_trips_within_64_bytes() {
        assert_round_trips(samples());
    }

    #[test]
    fn forged_or_unknown_directory_data_decodes_to_nothing() {
        assert_forged::<Button>(&[
            "",
            "sp:1",
            "sp:x:1",
            "sR:1:64.72;--",
            "sC:1:42",
            "pf:",
            "qc:99",
            "sh:1:2",
            "🙂",
        ]);
    }
}
