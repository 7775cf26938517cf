//! Reading a place (a regency, optionally a district) from what was typed,
//! with buttons when it is ambiguous or misspelt.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::{Place, RegionCode, Regions, Resolution};
use crate::telegram::out::Out;

use super::codec::Button;
use super::flow::Flow;
use super::format::region_name;
use super::replies::Common;

/// What typing a place name gave: a place, or the bot already answered
/// with choices / an explanation.
pub enum PlaceAnswer {
    Place(Place),
    Answered,
}

/// Resolves a typed region; on doubt, offers buttons (at most 8).
pub async fn read_place(out: &Out, text: &str) -> anyhow::Result<PlaceAnswer> {
    match Regions::embedded().resolve(text) {
        Resolution::Found(place) => Ok(PlaceAnswer::Place(place)),
        Resolution::Ambiguous(places) => {
            out.say_with(Common::RegionPick, regions(&places)).await?;
            Ok(PlaceAnswer::Answered)
        }
        Resolution::NotFound { suggestions } if suggestions.is_empty() => {
            out.say(Common::RegionNotFound {
                input: text.to_string(),
            })
            .await?;
            Ok(PlaceAnswer::Answered)
        }
        Resolution::NotFound { suggestions } => {
            out.say_with(
                Common::RegionSuggest {
                    input: text.to_string(),
                },
                regions(&suggestions),
            )
            .await?;
            Ok(PlaceAnswer::Answered)
        }
    }
}

/// A region button, checked against the region list (data can be forged).
pub fn place_from_button(regency: &str, district: Option<&str>) -> Option<Place> {
    let regions = Regions::embedded();
    let code = RegionCode::parse(regency).ok()?;
    regions.regency(&code)?;
    if let Some(d) = district
        && regions.district(d)?.regency_code != code
    {
        return None;
    }
    Some(Place {
        regency: code,
        district: district.map(str::to_string),
    })
}

/// One button per place; each carries a [`Flow::Region`].
pub fn regions(places: &[Place]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(places.iter().map(|p| {
        [InlineKeyboardButton::callback(
            region_name(p.regency.as_str(), p.district.as_deref()),
            Flow::Region {
                regency: p.regency.as_str().to_string(),
                district: p.district.clone(),
            }
            .encode(),
        )]
    }))
}
