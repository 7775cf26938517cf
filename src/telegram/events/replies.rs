//! What the events room says: the questions and summary of /acara, the
//! list of an office's events, the producers' heads-up and the staff's
//! nudge.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::telegram::shared::format::shorten;
use crate::telegram::shared::text::Text;

#[derive(Debug, Clone)]
pub enum Reply {
    EvStaffOnly,
    EvAskName,
    EvAskNeed,
    EvAskDate,
    /// The place question, as the request flow asks it.
    EvAskPlace,
    EvNeedUnclear,
    EvNameTooLong,
    EvZeroQuantity,
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
    // @variants
}

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::EvStaffOnly => fl!(l, "ev-staff-only"),
            Reply::EvAskName => fl!(l, "ev-ask-name"),
            Reply::EvAskNeed => fl!(l, "ev-ask-need"),
            Reply::EvAskDate => fl!(l, "ev-ask-date"),
            Reply::EvAskPlace => fl!(l, "rq-ask-place"),
            Reply::EvNeedUnclear => fl!(l, "ev-need-unclear"),
            Reply::EvNameTooLong => fl!(l, "ev-name-too-long"),
            Reply::EvZeroQuantity => fl!(l, "rq-zero-quantity"),
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
            // @arms
        }
    }
}
