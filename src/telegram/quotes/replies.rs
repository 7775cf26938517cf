//! What the quote room says: the request card a producer gets, the quote
//! and decline questions, and what the staff who asked are told of them.

use std::collections::HashMap;

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::telegram::requests::replies::halal_text;
use crate::telegram::shared::replies::{Common, holds_common};
use crate::telegram::shared::text::Text;

/// A quote as shown: price each, how many, and the total (all formatted).
#[derive(Debug, Clone)]
pub struct QuoteView {
    pub id: i64,
    pub price: String,
    pub quantity: String,
    pub total: String,
}

impl QuoteView {
    fn args(&self) -> HashMap<&'static str, String> {
        HashMap::from([
            ("id", self.id.to_string()),
            ("price", self.price.clone()),
            ("quantity", self.quantity.clone()),
            ("total", self.total.clone()),
        ])
    }
}

#[derive(Debug, Clone)]
pub enum Reply {
    /// A reply every room uses.
    Common(Common),
    RqCard {
        id: i64,
        office: String,
        item: String,
        quantity: String,
        unit: String,
        part: Option<String>,
        date: String,
        place: String,
        budget: String,
        halal: bool,
        deadline: String,
    },
    BtnQuote,
    BtnDecline,
    QtAskPrice {
        unit: String,
    },
    QtAskQuantity {
        unit: String,
        quantity: String,
    },
    BtnAll {
        quantity: String,
    },
    QtAskNote,
    /// The producer's quote was sent (or, `revised`, changed).
    QtSent {
        quote: QuoteView,
        revised: bool,
    },
    QtTooMany {
        quantity: String,
    },
    QtClosed,
    QtDeadlinePassed,
    QtAskDeclineReason,
    QtDeclined {
        id: i64,
    },
    /// To the staff: a quote came in (or, `revised`, was changed).
    StaffNewQuote {
        quote: QuoteView,
        producer: String,
        revised: bool,
    },
    StaffDeclined {
        id: i64,
        producer: String,
        reason: String,
    },
    StaffQuoteDeadline {
        id: i64,
        item: String,
        quotes: i64,
        declined: i64,
        silent: i64,
    },
    // @variants
}

holds_common!(Reply);

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::RqCard {
                id,
                office,
                item,
                quantity,
                unit,
                part,
                date,
                place,
                budget,
                halal,
                deadline,
            } => {
                let part = part
                    .as_ref()
                    .map(|p| {
                        format!(
                            " {}",
                            fl!(l, "rq-card-part", part = p.clone(), unit = escape(unit))
                        )
                    })
                    .unwrap_or_default();
                fl!(
                    l,
                    "rq-card",
                    id = id.to_string(),
                    office = escape(office),
                    item = escape(item),
                    quantity = quantity.clone(),
                    unit = escape(unit),
                    part = part,
                    date = date.clone(),
                    place = escape(place),
                    budget = budget.clone(),
                    halal = halal_text(l, *halal),
                    deadline = deadline.clone()
                )
            }
            Reply::BtnQuote => fl!(l, "btn-quote"),
            Reply::BtnDecline => fl!(l, "btn-decline"),
            Reply::QtAskPrice { unit } => fl!(l, "qt-ask-price", unit = escape(unit)),
            Reply::QtAskQuantity { unit, quantity } => fl!(
                l,
                "qt-ask-quantity",
                unit = escape(unit),
                quantity = quantity.clone()
            ),
            Reply::BtnAll { quantity } => fl!(l, "btn-all", quantity = quantity.clone()),
            Reply::QtAskNote => fl!(l, "qt-ask-note"),
            Reply::QtSent { quote, revised } => {
                let args = quote.args();
                if *revised {
                    fl!(l, "qt-revised", args)
                } else {
                    fl!(l, "qt-sent", args)
                }
            }
            Reply::QtTooMany { quantity } => fl!(l, "qt-too-many", quantity = quantity.clone()),
            Reply::QtClosed => fl!(l, "qt-closed"),
            Reply::QtDeadlinePassed => fl!(l, "qt-deadline-passed"),
            Reply::QtAskDeclineReason => fl!(l, "qt-ask-decline-reason"),
            Reply::QtDeclined { id } => fl!(l, "qt-declined", id = id.to_string()),
            Reply::StaffNewQuote {
                quote,
                producer,
                revised,
            } => {
                let mut args = quote.args();
                args.insert("producer", escape(producer));
                if *revised {
                    fl!(l, "staff-revised-quote", args)
                } else {
                    fl!(l, "staff-new-quote", args)
                }
            }
            Reply::StaffDeclined {
                id,
                producer,
                reason,
            } => fl!(
                l,
                "staff-declined",
                id = id.to_string(),
                producer = escape(producer),
                reason = escape(reason)
            ),
            Reply::StaffQuoteDeadline {
                id,
                item,
                quotes,
                declined,
                silent,
            } => {
                let head = fl!(
                    l,
                    "staff-quote-deadline",
                    id = id.to_string(),
                    item = escape(item),
                    quotes = quotes.to_string(),
                    declined = declined.to_string(),
                    silent = silent.to_string()
                );
                let next = if *quotes == 0 {
                    fl!(l, "staff-quote-deadline-none")
                } else {
                    fl!(l, "staff-quote-deadline-choose")
                };
                format!("{head} {next}")
            }
            Reply::Common(c) => c.render(l),
            // @arms
        }
    }
}
