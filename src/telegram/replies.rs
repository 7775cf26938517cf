//! The reply catalogue: everything the bot says, as typed values, mapped to
//! Fluent message ids in one place. `fl!` checks each id against the
//! Indonesian reference at compile time; the locale tests check English.
//! User-supplied text is escaped for HTML here, and only here.

use crate::telegram::shared::replies::{Common, categories_text};
use crate::telegram::shared::text::Text as _;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

pub use super::shared::format::{
    count, date_text, datetime_text, region_name, rupiah, shorten, zone_of,
};

#[derive(Debug, Clone)]
pub enum Reply {
    /// A reply every room uses.
    Common(Common),
    /// A sentence of the request room (the event flow shares them).
    Requests(crate::telegram::requests::replies::Reply),
    EvStaffOnly,
    EvAskName,
    EvAskNeed,
    EvAskDate,
    EvNeedUnclear,
    EvNameTooLong,
    EvSummary {
        name: String,
        need: String,
        date: String,
        place: String,
        count: usize,
    },
    EvLastDayAhead {
        last: String,
    },
    EvLastDayToday,
    EvLastDayPast {
        last: String,
    },
    BtnSave,
    EvSaved {
        count: usize,
        nudge: String,
    },
    EvSavedNow {
        count: usize,
    },
    EvHeadsUp {
        office: String,
        name: String,
        need: String,
        place: String,
        date: String,
    },
    BtnReady,
    EvReadyNoted {
        name: String,
    },
    EvReadyAlready,
    EvNudge {
        name: String,
        date: String,
        need: String,
        place: String,
        ready: usize,
    },
    BtnMakeRequest,
    EvListHeader,
    EvListItem {
        name: String,
        date: String,
        need: String,
        place: String,
        last: String,
        told: i64,
        ready: usize,
        names: String,
    },
    EvListRequested {
        id: i64,
    },
    BtnNewEvent,
    BtnRequestFor {
        name: String,
    },
    EvAlreadyRequested,
    // Broadcasts (/siaran) and muting them in /profil.
    BcAskMessage,
    BcEmpty,
    BcTooLong {
        limit: usize,
        length: usize,
    },
    BcAskAudience,
    BtnBcEveryone,
    BtnBcProducers,
    BtnBcStaff,
    BtnBcRegions,
    BtnBcCategories,
    BcAskRegions,
    BcRegionsChosen {
        regions: Vec<String>,
    },
    BcAskCategories,
    BcChooseFirst,
    BcPreviewHead,
    BcPreview {
        audience: crate::domain::broadcast::Audience,
        counts: crate::store::broadcasts::Counts,
    },
    BtnBcSend,
    BtnBcSendUrgent,
    BcNobody,
    BcProgress {
        id: i64,
        total: i64,
        tally: crate::store::outbox::Tally,
    },
    BcDone {
        id: i64,
        total: i64,
        tally: crate::store::outbox::Tally,
    },
}

impl Reply {
    pub fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::Common(c) => c.render(l),
            Reply::Requests(r) => r.render(l),
            Reply::EvStaffOnly => fl!(l, "ev-staff-only"),
            Reply::EvAskName => fl!(l, "ev-ask-name"),
            Reply::EvAskNeed => fl!(l, "ev-ask-need"),
            Reply::EvAskDate => fl!(l, "ev-ask-date"),
            Reply::EvNeedUnclear => fl!(l, "ev-need-unclear"),
            Reply::EvNameTooLong => fl!(l, "ev-name-too-long"),
            Reply::EvSummary {
                name,
                need,
                date,
                place,
                count,
            } => fl!(
                l,
                "ev-summary",
                name = escape(name),
                need = escape(need),
                date = date.clone(),
                place = escape(place),
                count = count.to_string()
            ),
            Reply::EvLastDayAhead { last } => fl!(l, "ev-last-day-ahead", last = last.clone()),
            Reply::EvLastDayToday => fl!(l, "ev-last-day-today"),
            Reply::EvLastDayPast { last } => fl!(l, "ev-last-day-past", last = last.clone()),
            Reply::BtnSave => fl!(l, "btn-save"),
            Reply::EvSaved { count, nudge } => fl!(
                l,
                "ev-saved",
                count = count.to_string(),
                nudge = nudge.clone()
            ),
            Reply::EvSavedNow { count } => fl!(l, "ev-saved-now", count = count.to_string()),
            Reply::EvHeadsUp {
                office,
                name,
                need,
                place,
                date,
            } => fl!(
                l,
                "ev-heads-up",
                office = escape(office),
                name = escape(name),
                need = escape(need),
                place = escape(place),
                date = date.clone()
            ),
            Reply::BtnReady => fl!(l, "btn-ready"),
            Reply::EvReadyNoted { name } => fl!(l, "ev-ready-noted", name = escape(name)),
            Reply::EvReadyAlready => fl!(l, "ev-ready-already"),
            Reply::EvNudge {
                name,
                date,
                need,
                place,
                ready,
            } => fl!(
                l,
                "ev-nudge",
                name = escape(name),
                date = date.clone(),
                need = escape(need),
                place = escape(place),
                ready = ready.to_string()
            ),
            Reply::BtnMakeRequest => fl!(l, "btn-make-request"),
            Reply::EvListHeader => fl!(l, "ev-list-header"),
            Reply::EvListItem {
                name,
                date,
                need,
                place,
                last,
                told,
                ready,
                names,
            } => fl!(
                l,
                "ev-list-item",
                name = escape(name),
                date = date.clone(),
                need = escape(need),
                place = escape(place),
                last = last.clone(),
                told = told.to_string(),
                ready = ready.to_string(),
                names = escape(names)
            ),
            Reply::EvListRequested { id } => fl!(l, "ev-list-requested", id = id.to_string()),
            Reply::BtnNewEvent => fl!(l, "btn-new-event"),
            Reply::BtnRequestFor { name } => {
                fl!(l, "btn-request-for", name = shorten(name, 30))
            }
            Reply::EvAlreadyRequested => fl!(l, "ev-already-requested"),
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
                use crate::domain::broadcast::Group;
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
            Reply::BcProgress { id, total, tally } => fl!(
                l,
                "bc-progress",
                id = id.to_string(),
                total = count(*total),
                sent = count(tally.sent),
                failed = count(tally.failed),
                blocked = count(tally.blocked),
                left = count(tally.left)
            ),
            Reply::BcDone { id, total, tally } => fl!(
                l,
                "bc-done",
                id = id.to_string(),
                total = count(*total),
                sent = count(tally.sent),
                failed = count(tally.failed),
                blocked = count(tally.blocked)
            ),
        }
    }
}

/// Regency names for a list of codes, escaped.
fn regions_text(codes: &[String]) -> String {
    let names: Vec<String> = codes.iter().map(|c| region_name(c, None)).collect();
    escape(&names.join(", "))
}

/// An admin's announcement as its recipients see it: their words, escaped
/// for HTML (entities are not kept).
pub fn announcement(text: &str) -> String {
    escape(text)
}

impl super::shared::text::Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        Reply::render(self, l)
    }
}

impl From<Common> for Reply {
    fn from(c: Common) -> Reply {
        Reply::Common(c)
    }
}

impl From<crate::telegram::requests::replies::Reply> for Reply {
    fn from(r: crate::telegram::requests::replies::Reply) -> Reply {
        Reply::Requests(r)
    }
}
