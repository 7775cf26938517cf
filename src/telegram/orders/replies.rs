//! What the orders room says: the staff's request list and the quotes side
//! by side, awarding (one producer or several), the order card and its
//! steps, cancelling and rating, reminders, and the order notices.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::request_status::RequestStatus;
use crate::telegram::shared::format::shorten;
use crate::telegram::shared::replies::{Common, holds_common};
use crate::telegram::shared::text::Text;

#[derive(Debug, Clone)]
pub enum Reply {
    /// A reply every room uses.
    Common(Common),
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
    // @variants
}

holds_common!(Reply);

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
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
            Reply::OrderLapsedProducer { id } => {
                fl!(l, "order-lapsed-producer", id = id.to_string())
            }
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
            Reply::Common(c) => c.render(l),
            // @arms
        }
    }
}
