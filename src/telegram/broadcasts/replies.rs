//! What the broadcasts room says: the questions and preview of /siaran,
//! the admin's progress message, and the announcement as recipients see it.

use std::collections::HashMap;

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::RegionCode;
use crate::domain::broadcast::{Audience, Group};
use crate::store::broadcasts::Counts;
use crate::store::outbox::Tally;
use crate::telegram::shared::format::{count, region_name};
use crate::telegram::shared::replies::categories_text;
use crate::telegram::shared::text::Text;

#[derive(Debug, Clone)]
pub enum Reply {
    BcAskMessage,
    BcEmpty,
    BcTooLong { limit: usize, length: usize },
    BcAskAudience,
    BtnBcEveryone,
    BtnBcProducers,
    BtnBcStaff,
    BtnBcRegions,
    BtnBcCategories,
    BcAskRegions,
    BcRegionsChosen { regions: Vec<RegionCode> },
    BcAskCategories,
    BcChooseFirst,
    BcPreviewHead,
    BcPreview { audience: Audience, counts: Counts },
    BtnBcSend,
    BtnBcSendUrgent,
    BcNobody,
    BcProgress { id: i64, total: i64, tally: Tally },
    BcDone { id: i64, total: i64, tally: Tally },
    // @variants
}

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::BcAskMessage => fl!(l, "bc-ask-message"),
            Reply::BcEmpty => fl!(l, "bc-empty"),
            Reply::BcTooLong { limit, length } => fl!(
                l,
                "bc-too-long",
                limit = count(*limit as i64),
                length = count(*length as i64)
            ),
            Reply::BcAskAudience => fl!(l, "bc-ask-audience"),
            Reply::BtnBcEveryone => fl!(l, "btn-bc-everyone"),
            Reply::BtnBcProducers => fl!(l, "btn-bc-producers"),
            Reply::BtnBcStaff => fl!(l, "btn-bc-staff"),
            Reply::BtnBcRegions => fl!(l, "btn-bc-regions"),
            Reply::BtnBcCategories => fl!(l, "btn-bc-categories"),
            Reply::BcAskRegions => fl!(l, "bc-ask-regions"),
            Reply::BcRegionsChosen { regions } => {
                fl!(l, "bc-regions-chosen", regions = regions_text(regions))
            }
            Reply::BcAskCategories => fl!(l, "bc-ask-categories"),
            Reply::BcChooseFirst => fl!(l, "bc-choose-first"),
            Reply::BcPreviewHead => fl!(l, "bc-preview-head"),
            Reply::BcPreview { audience, counts } => {
                let mut who = vec![match audience.group {
                    Group::Everyone if !audience.categories.is_empty() => {
                        fl!(l, "btn-bc-producers")
                    }
                    Group::Everyone => fl!(l, "btn-bc-everyone"),
                    Group::Producers => fl!(l, "btn-bc-producers"),
                    Group::Staff => fl!(l, "btn-bc-staff"),
                }];
                if !audience.regencies.is_empty() {
                    who.push(regions_text(&audience.regencies));
                }
                if !audience.categories.is_empty() {
                    who.push(categories_text(l, &audience.categories));
                }
                fl!(
                    l,
                    "bc-preview",
                    audience = who.join(" · "),
                    total = count(counts.recipients()),
                    producers = count(counts.producers),
                    staff = count(counts.staff),
                    muted = count(counts.muted),
                    blocked = count(counts.blocked)
                )
            }
            Reply::BtnBcSend => fl!(l, "btn-bc-send"),
            Reply::BtnBcSendUrgent => fl!(l, "btn-bc-send-urgent"),
            Reply::BcNobody => fl!(l, "bc-nobody"),
            Reply::BcProgress { id, total, tally } => {
                fl!(l, "bc-progress", progress(*id, *total, tally))
            }
            Reply::BcDone { id, total, tally } => fl!(l, "bc-done", progress(*id, *total, tally)),
            // @arms
        }
    }
}

/// The numbers of the progress message (and of its last edit).
fn progress(id: i64, total: i64, tally: &Tally) -> HashMap<&'static str, String> {
    HashMap::from([
        ("id", id.to_string()),
        ("total", count(total)),
        ("sent", count(tally.sent)),
        ("failed", count(tally.failed)),
        ("blocked", count(tally.blocked)),
        ("left", count(tally.left)),
    ])
}

/// Regency names for a list of codes, escaped.
fn regions_text(codes: &[RegionCode]) -> String {
    let names: Vec<String> = codes
        .iter()
        .map(|c| region_name(c.as_str(), None))
        .collect();
    escape(&names.join(", "))
}

/// An admin's announcement as its recipients see it: their words, escaped
/// for HTML (entities are not kept).
pub fn announcement(text: &str) -> String {
    escape(text)
}
