//! What the events room says: the questions and summary of /acara, the
//! list of an office's events, the producers' heads-up and the staff's
//! nudge.

use std::collections::HashMap;

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::telegram::shared::format::shorten;
use crate::telegram::shared::text::Text;

/// An event as its messages name it: formatted for one language, escaped
/// when rendered.
#[derive(Debug, Clone)]
pub struct EventView {
    pub name: String,
    /// "300 snack box".
    pub need: String,
    pub date: String,
    pub place: String,
}

impl EventView {
    /// The Fluent arguments of the event, with `more` of one message.
    fn args<const N: usize>(
        &self,
        more: [(&'static str, String); N],
    ) -> HashMap<&'static str, String> {
        let mut args = HashMap::from([
            ("name", escape(&self.name)),
            ("need", escape(&self.need)),
            ("date", self.date.clone()),
            ("place", escape(&self.place)),
        ]);
        args.extend(more);
        args
    }
}

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
        event: EventView,
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
        event: EventView,
        office: String,
    },
    BtnReady,
    EvReadyNoted {
        name: String,
    },
    EvReadyAlready,
    EvNudge {
        event: EventView,
        ready: usize,
    },
    BtnMakeRequest,
    EvListHeader,
    EvListItem {
        event: EventView,
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
            Reply::EvSummary { event, count } => {
                fl!(l, "ev-summary", event.args([("count", count.to_string())]))
            }
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
            Reply::EvHeadsUp { event, office } => {
                fl!(l, "ev-heads-up", event.args([("office", escape(office))]))
            }
            Reply::BtnReady => fl!(l, "btn-ready"),
            Reply::EvReadyNoted { name } => fl!(l, "ev-ready-noted", name = escape(name)),
            Reply::EvReadyAlready => fl!(l, "ev-ready-already"),
            Reply::EvNudge { event, ready } => {
                fl!(l, "ev-nudge", event.args([("ready", ready.to_string())]))
            }
            Reply::BtnMakeRequest => fl!(l, "btn-make-request"),
            Reply::EvListHeader => fl!(l, "ev-list-header"),
            Reply::EvListItem {
                event,
                last,
                told,
                ready,
                names,
            } => {
                let args = event.args([
                    ("last", last.clone()),
                    ("told", told.to_string()),
                    ("ready", ready.to_string()),
                    ("names", escape(names)),
                ]);
                fl!(l, "ev-list-item", args)
            }
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
