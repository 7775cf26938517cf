//! What the request room says: the questions of /minta, what was wrong in
//! the text, the summary with its verdict, and "sent".

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::telegram::shared::format::shorten;
use crate::telegram::shared::replies::{Common, holds_common};
use crate::telegram::shared::text::Text;

#[derive(Debug, Clone)]
pub enum Reply {
    /// A reply every room uses.
    Common(Common),
    RqAskItem,
    RqAskQuantity,
    RqAskDate,
    RqAskPlace,
    RqAskBudget,
    RqNotUnderstood,
    RqPastDate {
        date: String,
    },
    RqInvalidDate,
    /// A weekday and a date that disagree: neither is taken as certain.
    RqWeekdayClash,
    RqZeroQuantity,
    RqQuantityTooLarge,
    RqBudgetUnclear {
        text: String,
    },
    RqSummary {
        item: String,
        quantity: String,
        unit: String,
        date: String,
        place: String,
        budget: String,
        halal: bool,
    },
    RqBudgetPerUnit {
        amount: String,
        unit: String,
    },
    RqBudgetTotal {
        amount: String,
    },
    RqVerdictAlone {
        count: usize,
        deadline: String,
    },
    RqVerdictSplit {
        parts: String,
        deadline: String,
    },
    RqVerdictTooLate {
        date: String,
        earliest: String,
    },
    RqVerdictTooBig {
        can_make: String,
        unit: String,
        date: String,
    },
    RqVerdictNobody,
    RqVerdictTooSmall {
        min: u32,
    },
    RqVerdictTooBigLater {
        earliest: String,
    },
    BtnUseDate {
        date: String,
    },
    RqSent {
        id: i64,
        count: usize,
        deadline: String,
    },
    FieldItem,
    FieldQuantity,
    FieldDate,
    FieldPlace,
    FieldBudget,
    // @variants
}

holds_common!(Reply);

/// "Ya" for a halal requirement, else "tidak harus".
pub fn halal_text(l: &FluentLanguageLoader, halal: bool) -> String {
    if halal {
        fl!(l, "value-yes")
    } else {
        fl!(l, "rq-halal-any")
    }
}

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::RqAskItem => fl!(l, "rq-ask-item"),
            Reply::RqAskQuantity => fl!(l, "rq-ask-quantity"),
            Reply::RqAskDate => fl!(l, "rq-ask-date"),
            Reply::RqAskPlace => fl!(l, "rq-ask-place"),
            Reply::RqAskBudget => fl!(l, "rq-ask-budget"),
            Reply::RqNotUnderstood => fl!(l, "rq-not-understood"),
            Reply::RqPastDate { date } => fl!(l, "rq-past-date", date = date.clone()),
            Reply::RqInvalidDate => fl!(l, "rq-invalid-date"),
            Reply::RqWeekdayClash => fl!(l, "rq-weekday-clash"),
            Reply::RqZeroQuantity => fl!(l, "rq-zero-quantity"),
            Reply::RqQuantityTooLarge => fl!(l, "rq-quantity-too-large"),
            Reply::RqBudgetUnclear { text } => {
                fl!(l, "rq-budget-unclear", text = escape(&shorten(text, 40)))
            }
            Reply::RqSummary {
                item,
                quantity,
                unit,
                date,
                place,
                budget,
                halal,
            } => fl!(
                l,
                "rq-summary",
                item = escape(item),
                quantity = quantity.clone(),
                unit = escape(unit),
                date = date.clone(),
                place = escape(place),
                budget = budget.clone(),
                halal = halal_text(l, *halal)
            ),
            Reply::RqBudgetPerUnit { amount, unit } => {
                fl!(
                    l,
                    "rq-budget-per-unit",
                    amount = amount.clone(),
                    unit = escape(unit)
                )
            }
            Reply::RqBudgetTotal { amount } => fl!(l, "rq-budget-total", amount = amount.clone()),
            Reply::RqVerdictAlone { count, deadline } => fl!(
                l,
                "rq-verdict-alone",
                count = count.to_string(),
                deadline = deadline.clone()
            ),
            Reply::RqVerdictSplit { parts, deadline } => fl!(
                l,
                "rq-verdict-split",
                parts = parts.clone(),
                deadline = deadline.clone()
            ),
            Reply::RqVerdictTooLate { date, earliest } => fl!(
                l,
                "rq-verdict-too-late",
                date = date.clone(),
                earliest = earliest.clone()
            ),
            Reply::RqVerdictTooBig {
                can_make,
                unit,
                date,
            } => fl!(
                l,
                "rq-verdict-too-big",
                can_make = can_make.clone(),
                unit = escape(unit),
                date = date.clone()
            ),
            Reply::RqVerdictNobody => fl!(l, "rq-verdict-nobody"),
            Reply::RqVerdictTooSmall { min } => {
                fl!(l, "rq-verdict-too-small", min = min.to_string())
            }
            Reply::RqVerdictTooBigLater { earliest } => {
                fl!(l, "rq-verdict-too-big-later", earliest = earliest.clone())
            }
            Reply::BtnUseDate { date } => fl!(l, "btn-use-date", date = date.clone()),
            Reply::RqSent {
                id,
                count,
                deadline,
            } => fl!(
                l,
                "rq-sent",
                id = id.to_string(),
                count = count.to_string(),
                deadline = deadline.clone()
            ),
            Reply::FieldItem => fl!(l, "field-item"),
            Reply::FieldQuantity => fl!(l, "field-quantity"),
            Reply::FieldDate => fl!(l, "field-date"),
            Reply::FieldPlace => fl!(l, "field-place"),
            Reply::FieldBudget => fl!(l, "field-budget"),
            Reply::Common(c) => c.render(l),
            // @arms
        }
    }
}
