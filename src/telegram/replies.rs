//! The reply catalogue: everything the bot says, as typed values, mapped to
//! Fluent message ids in one place. `fl!` checks each id against the
//! Indonesian reference at compile time; the locale tests check English.
//! User-supplied text is escaped for HTML here, and only here.

use crate::telegram::shared::replies::Common;
use crate::telegram::shared::text::Text as _;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::request_status::RequestStatus;

pub use super::shared::format::{
    count, date_text, datetime_text, region_name, rupiah, shorten, zone_of,
};

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
    QtSent {
        id: i64,
        price: String,
        quantity: String,
        total: String,
    },
    QtRevised {
        id: i64,
        price: String,
        quantity: String,
        total: String,
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
    StaffNewQuote {
        id: i64,
        producer: String,
        price: String,
        quantity: String,
        total: String,
        revised: bool,
    },
    StaffDeclined {
        id: i64,
        producer: String,
        reason: String,
    },
    RqListNone,
    RqList,
    RqLine {
        id: i64,
        item: String,
        quantity: String,
        unit: String,
        date: String,
        status: String,
        quotes: i64,
    },
    RqStatus(RequestStatus),
    RqProducerList,
    RqProducerListNone,
    RqQuotes {
        id: i64,
        item: String,
        quantity: String,
        unit: String,
        date: String,
        lines: Vec<String>,
    },
    RqQuotesNone {
        id: i64,
        deadline: String,
    },
    RqQuoteLine {
        n: usize,
        producer: String,
        price: String,
        quantity: String,
        total: String,
        rating: String,
        finished: i64,
        note: Option<String>,
    },
    BtnAward {
        n: usize,
    },
    BtnAwardSplit,
    RqSplitPick {
        sum: String,
        quantity: String,
        unit: String,
    },
    BtnSplitDone {
        sum: String,
        quantity: String,
    },
    RqSplitSum {
        sum: String,
        quantity: String,
    },
    RqQuoteTooSmall {
        quantity: String,
    },
    RqAwarded {
        orders: String,
    },
    ProducerAwarded {
        order: i64,
        item: String,
        quantity: String,
        unit: String,
        price: String,
        total: String,
        date: String,
        place: String,
    },
    ProducerNotChosen {
        id: i64,
    },
    OrderListNone,
    OrderCard {
        id: i64,
        status: String,
        item: String,
        quantity: String,
        unit: String,
        price: String,
        total: String,
        date: String,
        place: String,
        producer: String,
        phone: Option<String>,
        office: String,
    },
    OrderStatus(crate::domain::order::OrderStatus),
    BtnOrderStep(crate::domain::order::OrderStatus),
    BtnOrderCancel,
    OrderAskCancelReason {
        id: i64,
    },
    OrderChanged {
        id: i64,
        status: crate::domain::order::OrderStatus,
    },
    OrderCancelledBy {
        id: i64,
        who: String,
        reason: String,
    },
    OrderAskRating {
        id: i64,
    },
    OrderAskComment,
    OrderRated {
        id: i64,
        stars: u8,
    },
    OrderStepRefused,
    OrderNotAccepted {
        id: i64,
        producer: String,
    },
    BtnChooseOther,
    OrderLapsedProducer {
        id: i64,
    },
    ReminderAsk {
        when: String,
        id: i64,
        item: String,
        quantity: String,
        unit: String,
        office: String,
        date: String,
    },
    ReminderMorning {
        id: i64,
        item: String,
        quantity: String,
        unit: String,
        office: String,
    },
    BtnReminderOk,
    BtnReminderProblem,
    ReminderThanks,
    ReminderProblemNoted,
    StaffQuoteDeadline {
        id: i64,
        item: String,
        quotes: i64,
        declined: i64,
        silent: i64,
    },
    AltHeader,
    AltLine {
        n: usize,
        producer: String,
        price: String,
        quantity: String,
        unit: String,
    },
    AltNone,
    StaffNoAnswer {
        producer: String,
        id: i64,
        item: String,
        date: String,
    },
    OrderLateStaff {
        id: i64,
        item: String,
        producer: String,
    },
    OrderLateProducer {
        id: i64,
        item: String,
        office: String,
    },
    LateNote,
    AdminLargeOrder {
        office: String,
    },
    BtnReplace,
    ReplaceReason,
    OrderReplaced {
        id: i64,
    },
    StaffReminderProblem {
        producer: String,
        id: i64,
        item: String,
        date: String,
    },
}

impl Reply {
    pub fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::Common(c) => c.render(l),
            Reply::RqAskItem => fl!(l, "rq-ask-item"),
            Reply::RqAskQuantity => fl!(l, "rq-ask-quantity"),
            Reply::RqAskDate => fl!(l, "rq-ask-date"),
            Reply::RqAskPlace => fl!(l, "rq-ask-place"),
            Reply::RqAskBudget => fl!(l, "rq-ask-budget"),
            Reply::RqNotUnderstood => fl!(l, "rq-not-understood"),
            Reply::RqPastDate { date } => fl!(l, "rq-past-date", date = date.clone()),
            Reply::RqInvalidDate => fl!(l, "rq-invalid-date"),
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
                halal = if *halal {
                    fl!(l, "value-yes")
                } else {
                    fl!(l, "rq-halal-any")
                }
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
                    halal = if *halal {
                        fl!(l, "value-yes")
                    } else {
                        fl!(l, "rq-halal-any")
                    },
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
            Reply::QtSent {
                id,
                price,
                quantity,
                total,
            } => fl!(
                l,
                "qt-sent",
                id = id.to_string(),
                price = price.clone(),
                quantity = quantity.clone(),
                total = total.clone()
            ),
            Reply::QtRevised {
                id,
                price,
                quantity,
                total,
            } => fl!(
                l,
                "qt-revised",
                id = id.to_string(),
                price = price.clone(),
                quantity = quantity.clone(),
                total = total.clone()
            ),
            Reply::QtTooMany { quantity } => fl!(l, "qt-too-many", quantity = quantity.clone()),
            Reply::QtClosed => fl!(l, "qt-closed"),
            Reply::QtDeadlinePassed => fl!(l, "qt-deadline-passed"),
            Reply::QtAskDeclineReason => fl!(l, "qt-ask-decline-reason"),
            Reply::QtDeclined { id } => fl!(l, "qt-declined", id = id.to_string()),
            Reply::StaffNewQuote {
                id,
                producer,
                price,
                quantity,
                total,
                revised,
            } => {
                let (id, producer) = (id.to_string(), escape(producer));
                let (price, quantity, total) = (price.clone(), quantity.clone(), total.clone());
                if *revised {
                    fl!(
                        l,
                        "staff-revised-quote",
                        id = id,
                        producer = producer,
                        price = price,
                        quantity = quantity,
                        total = total
                    )
                } else {
                    fl!(
                        l,
                        "staff-new-quote",
                        id = id,
                        producer = producer,
                        price = price,
                        quantity = quantity,
                        total = total
                    )
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
            Reply::RqListNone => fl!(l, "rq-list-none"),
            Reply::RqList => fl!(l, "rq-list"),
            Reply::RqLine {
                id,
                item,
                quantity,
                unit,
                date,
                status,
                quotes,
            } => fl!(
                l,
                "rq-line",
                id = id.to_string(),
                item = escape(item),
                quantity = quantity.clone(),
                unit = escape(unit),
                date = date.clone(),
                status = status.clone(),
                quotes = quotes.to_string()
            ),
            Reply::RqStatus(s) => match s {
                RequestStatus::Open => fl!(l, "rq-status-open"),
                RequestStatus::Awarded => fl!(l, "rq-status-awarded"),
                RequestStatus::Cancelled => fl!(l, "rq-status-cancelled"),
            },
            Reply::RqProducerList => fl!(l, "rq-producer-list"),
            Reply::RqProducerListNone => fl!(l, "rq-producer-list-none"),
            Reply::RqQuotes {
                id,
                item,
                quantity,
                unit,
                date,
                lines,
            } => fl!(
                l,
                "rq-quotes",
                id = id.to_string(),
                item = escape(item),
                quantity = quantity.clone(),
                unit = escape(unit),
                date = date.clone(),
                lines = lines.join("\n")
            ),
            Reply::RqQuotesNone { id, deadline } => fl!(
                l,
                "rq-quotes-none",
                id = id.to_string(),
                deadline = deadline.clone()
            ),
            Reply::RqQuoteLine {
                n,
                producer,
                price,
                quantity,
                total,
                rating,
                finished,
                note,
            } => fl!(
                l,
                "rq-quote-line",
                n = n.to_string(),
                producer = escape(producer),
                price = price.clone(),
                quantity = quantity.clone(),
                total = total.clone(),
                rating = rating.clone(),
                finished = finished.to_string(),
                note = note
                    .as_ref()
                    .map(|n| format!(" · «{}»", escape(&shorten(n, 80))))
                    .unwrap_or_default()
            ),
            Reply::BtnAward { n } => fl!(l, "btn-award", n = n.to_string()),
            Reply::BtnAwardSplit => fl!(l, "btn-award-split"),
            Reply::RqSplitPick {
                sum,
                quantity,
                unit,
            } => fl!(
                l,
                "rq-split-pick",
                sum = sum.clone(),
                quantity = quantity.clone(),
                unit = escape(unit)
            ),
            Reply::BtnSplitDone { sum, quantity } => {
                fl!(
                    l,
                    "btn-split-done",
                    sum = sum.clone(),
                    quantity = quantity.clone()
                )
            }
            Reply::RqSplitSum { sum, quantity } => {
                fl!(
                    l,
                    "rq-split-sum",
                    sum = sum.clone(),
                    quantity = quantity.clone()
                )
            }
            Reply::RqQuoteTooSmall { quantity } => {
                fl!(l, "rq-quote-too-small", quantity = quantity.clone())
            }
            Reply::RqAwarded { orders } => fl!(l, "rq-awarded", orders = orders.clone()),
            Reply::ProducerAwarded {
                order,
                item,
                quantity,
                unit,
                price,
                total,
                date,
                place,
            } => fl!(
                l,
                "producer-awarded",
                order = order.to_string(),
                item = escape(item),
                quantity = quantity.clone(),
                unit = escape(unit),
                price = price.clone(),
                total = total.clone(),
                date = date.clone(),
                place = escape(place)
            ),
            Reply::ProducerNotChosen { id } => fl!(l, "producer-not-chosen", id = id.to_string()),
            Reply::OrderListNone => fl!(l, "order-list-none"),
            Reply::OrderCard {
                id,
                status,
                item,
                quantity,
                unit,
                price,
                total,
                date,
                place,
                producer,
                phone,
                office,
            } => {
                let phone = phone
                    .as_ref()
                    .map(|p| format!(" {}", fl!(l, "order-phone", phone = escape(p))))
                    .unwrap_or_default();
                fl!(
                    l,
                    "order-card",
                    id = id.to_string(),
                    status = status.clone(),
                    item = escape(item),
                    quantity = quantity.clone(),
                    unit = escape(unit),
                    price = price.clone(),
                    total = total.clone(),
                    date = date.clone(),
                    place = escape(place),
                    producer = escape(producer),
                    phone = phone,
                    office = escape(office)
                )
            }
            Reply::OrderStatus(s) => {
                use crate::domain::order::OrderStatus as O;
                match s {
                    O::Awarded => fl!(l, "order-status-awarded"),
                    O::Accepted => fl!(l, "order-status-accepted"),
                    O::InProduction => fl!(l, "order-status-in_production"),
                    O::Ready => fl!(l, "order-status-ready"),
                    O::Delivered => fl!(l, "order-status-delivered"),
                    O::Received => fl!(l, "order-status-received"),
                    O::Cancelled => fl!(l, "order-status-cancelled"),
                    O::Lapsed => fl!(l, "order-status-lapsed"),
                }
            }
            Reply::BtnOrderStep(s) => {
                use crate::domain::order::OrderStatus as O;
                match s {
                    O::Accepted => fl!(l, "btn-order-accept"),
                    O::InProduction => fl!(l, "btn-order-produce"),
                    O::Ready => fl!(l, "btn-order-ready"),
                    O::Delivered => fl!(l, "btn-order-deliver"),
                    _ => fl!(l, "btn-order-received"),
                }
            }
            Reply::BtnOrderCancel => fl!(l, "btn-order-cancel"),
            Reply::OrderAskCancelReason { id } => {
                fl!(l, "order-ask-cancel-reason", id = id.to_string())
            }
            Reply::OrderChanged { id, status } => fl!(
                l,
                "order-changed",
                id = id.to_string(),
                status = Reply::OrderStatus(*status).render(l)
            ),
            Reply::OrderCancelledBy { id, who, reason } => fl!(
                l,
                "order-cancelled-by",
                id = id.to_string(),
                who = escape(who),
                reason = escape(reason)
            ),
            Reply::OrderAskRating { id } => fl!(l, "order-ask-rating", id = id.to_string()),
            Reply::OrderAskComment => fl!(l, "order-ask-comment"),
            Reply::OrderRated { id, stars } => fl!(
                l,
                "order-rated",
                id = id.to_string(),
                stars = stars.to_string()
            ),
            Reply::OrderStepRefused => fl!(l, "order-step-refused"),
            Reply::OrderNotAccepted { id, producer } => fl!(
                l,
                "order-not-accepted",
                id = id.to_string(),
                producer = escape(producer)
            ),
            Reply::BtnChooseOther => fl!(l, "btn-choose-other"),
            Reply::ReminderAsk {
                when,
                id,
                item,
                quantity,
                unit,
                office,
                date,
            } => fl!(
                l,
                "reminder-ask",
                when = when.clone(),
                id = id.to_string(),
                item = escape(item),
                quantity = quantity.clone(),
                unit = escape(unit),
                office = escape(office),
                date = date.clone()
            ),
            Reply::ReminderMorning {
                id,
                item,
                quantity,
                unit,
                office,
            } => fl!(
                l,
                "reminder-morning",
                id = id.to_string(),
                item = escape(item),
                quantity = quantity.clone(),
                unit = escape(unit),
                office = escape(office)
            ),
            Reply::BtnReminderOk => fl!(l, "btn-reminder-ok"),
            Reply::BtnReminderProblem => fl!(l, "btn-reminder-problem"),
            Reply::ReminderThanks => fl!(l, "reminder-thanks"),
            Reply::ReminderProblemNoted => fl!(l, "reminder-problem-noted"),
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
            Reply::AltHeader => fl!(l, "alt-header"),
            Reply::AltLine {
                n,
                producer,
                price,
                quantity,
                unit,
            } => fl!(
                l,
                "alt-line",
                n = n.to_string(),
                producer = escape(producer),
                price = price.clone(),
                quantity = quantity.clone(),
                unit = escape(unit)
            ),
            Reply::AltNone => fl!(l, "alt-none"),
            Reply::StaffNoAnswer {
                producer,
                id,
                item,
                date,
            } => fl!(
                l,
                "staff-no-answer",
                producer = escape(producer),
                id = id.to_string(),
                item = escape(item),
                date = date.clone()
            ),
            Reply::OrderLateStaff { id, item, producer } => fl!(
                l,
                "order-late-staff",
                id = id.to_string(),
                item = escape(item),
                producer = escape(producer)
            ),
            Reply::OrderLateProducer { id, item, office } => fl!(
                l,
                "order-late-producer",
                id = id.to_string(),
                item = escape(item),
                office = escape(office)
            ),
            Reply::LateNote => fl!(l, "late-note"),
            Reply::AdminLargeOrder { office } => {
                fl!(l, "admin-large-order", office = escape(office))
            }
            Reply::BtnReplace => fl!(l, "btn-replace"),
            Reply::ReplaceReason => fl!(l, "replace-reason"),
            Reply::OrderReplaced { id } => fl!(l, "order-replaced", id = id.to_string()),
            Reply::StaffReminderProblem {
                producer,
                id,
                item,
                date,
            } => fl!(
                l,
                "staff-reminder-problem",
                producer = escape(producer),
                id = id.to_string(),
                item = escape(item),
                date = date.clone()
            ),
            Reply::OrderLapsedProducer { id } => {
                fl!(l, "order-lapsed-producer", id = id.to_string())
            }
        }
    }
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
