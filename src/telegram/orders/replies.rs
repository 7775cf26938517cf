//! What the orders room says: the staff's request list and the quotes side
//! by side, awarding (one producer or several), the order card and its
//! steps, cancelling and rating, reminders, and the order notices.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::request_status::RequestStatus;
use crate::telegram::shared::format::shorten;
use crate::telegram::shared::replies::{Common, holds_common};
use crate::telegram::shared::text::{Args, Text};

/// What a request or an order is about, formatted once: its number, the
/// item, how many and for when (Fluent arguments `id`, `item`, `quantity`,
/// `unit`, `date`).
#[derive(Debug, Clone)]
pub struct ItemView {
    pub id: i64,
    pub item: String,
    pub quantity: String,
    pub unit: String,
    pub date: String,
}

impl ItemView {
    fn args(&self) -> Args {
        Args::from([
            ("id", self.id.to_string()),
            ("item", escape(&self.item)),
            ("quantity", self.quantity.clone()),
            ("unit", escape(&self.unit)),
            ("date", self.date.clone()),
        ])
    }
}

/// A quote in a numbered list (the request's quotes, the alternatives):
/// its number there, who, the price each and how many.
#[derive(Debug, Clone)]
pub struct QuoteLine {
    pub n: usize,
    pub producer: String,
    pub price: String,
    pub quantity: String,
}

impl QuoteLine {
    fn args(&self) -> Args {
        Args::from([
            ("n", self.n.to_string()),
            ("producer", escape(&self.producer)),
            ("price", self.price.clone()),
            ("quantity", self.quantity.clone()),
        ])
    }
}

/// An order as its card, its reminders and its notices show it: every
/// sentence about an order takes the same arguments.
#[derive(Debug, Clone)]
pub struct OrderView {
    pub item: ItemView,
    pub price: String,
    pub total: String,
    pub place: String,
    pub producer: String,
    pub office: String,
}

impl OrderView {
    /// Fluent arguments: the item's, `order` (its number again), `price`,
    /// `total`, `place`, `producer`, `office` (user text escaped).
    fn args(&self) -> Args {
        let mut a = self.item.args();
        a.insert("order", self.item.id.to_string());
        a.extend([
            ("price", self.price.clone()),
            ("total", self.total.clone()),
            ("place", escape(&self.place)),
            ("producer", escape(&self.producer)),
            ("office", escape(&self.office)),
        ]);
        a
    }
}

#[derive(Debug, Clone)]
pub enum Reply {
    /// A reply every room uses.
    Common(Common),
    RqListNone,
    RqList,
    RqLine {
        request: ItemView,
        status: String,
        quotes: i64,
    },
    RqStatus(RequestStatus),
    RqProducerList,
    RqProducerListNone,
    RqQuotes {
        request: ItemView,
        lines: Vec<String>,
    },
    RqQuotesNone {
        id: i64,
        deadline: String,
    },
    RqQuoteLine {
        quote: QuoteLine,
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
    ProducerAwarded(OrderView),
    ProducerNotChosen {
        id: i64,
    },
    OrderListNone,
    OrderCard {
        order: OrderView,
        status: String,
        phone: Option<String>,
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
        order: OrderView,
    },
    ReminderMorning(OrderView),
    BtnReminderOk,
    BtnReminderProblem,
    ReminderThanks,
    ReminderProblemNoted,
    AltHeader,
    AltLine {
        quote: QuoteLine,
        unit: String,
    },
    AltNone,
    StaffNoAnswer(OrderView),
    OrderLateStaff(OrderView),
    OrderLateProducer(OrderView),
    LateNote,
    AdminLargeOrder {
        office: String,
    },
    BtnReplace,
    ReplaceReason,
    OrderReplaced {
        id: i64,
    },
    StaffReminderProblem(OrderView),
    // @variants
}

holds_common!(Reply);

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::RqListNone => fl!(l, "rq-list-none"),
            Reply::RqList => fl!(l, "rq-list"),
            Reply::RqLine {
                request,
                status,
                quotes,
            } => {
                let mut a = request.args();
                a.insert("status", status.clone());
                a.insert("quotes", quotes.to_string());
                fl!(l, "rq-line", a)
            }
            Reply::RqStatus(s) => match s {
                RequestStatus::Open => fl!(l, "rq-status-open"),
                RequestStatus::Awarded => fl!(l, "rq-status-awarded"),
                RequestStatus::Cancelled => fl!(l, "rq-status-cancelled"),
            },
            Reply::RqProducerList => fl!(l, "rq-producer-list"),
            Reply::RqProducerListNone => fl!(l, "rq-producer-list-none"),
            Reply::RqQuotes { request, lines } => {
                let mut a = request.args();
                a.insert("lines", lines.join("\n"));
                fl!(l, "rq-quotes", a)
            }
            Reply::RqQuotesNone { id, deadline } => fl!(
                l,
                "rq-quotes-none",
                id = id.to_string(),
                deadline = deadline.clone()
            ),
            Reply::RqQuoteLine {
                quote,
                total,
                rating,
                finished,
                note,
            } => {
                let mut a = quote.args();
                a.insert("total", total.clone());
                a.insert("rating", rating.clone());
                a.insert("finished", finished.to_string());
                let note = note.as_ref();
                let note = note.map(|n| format!(" · «{}»", escape(&shorten(n, 80))));
                a.insert("note", note.unwrap_or_default());
                fl!(l, "rq-quote-line", a)
            }
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
            Reply::ProducerAwarded(o) => fl!(l, "producer-awarded", o.args()),
            Reply::ProducerNotChosen { id } => fl!(l, "producer-not-chosen", id = id.to_string()),
            Reply::OrderListNone => fl!(l, "order-list-none"),
            Reply::OrderCard {
                order,
                status,
                phone,
            } => {
                let phone = phone
                    .as_ref()
                    .map(|p| format!(" {}", fl!(l, "order-phone", phone = escape(p))))
                    .unwrap_or_default();
                let mut a = order.args();
                a.insert("status", status.clone());
                a.insert("phone", phone);
                fl!(l, "order-card", a)
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
            Reply::ReminderAsk { when, order } => {
                let mut a = order.args();
                a.insert("when", when.clone());
                fl!(l, "reminder-ask", a)
            }
            Reply::ReminderMorning(o) => fl!(l, "reminder-morning", o.args()),
            Reply::BtnReminderOk => fl!(l, "btn-reminder-ok"),
            Reply::BtnReminderProblem => fl!(l, "btn-reminder-problem"),
            Reply::ReminderThanks => fl!(l, "reminder-thanks"),
            Reply::ReminderProblemNoted => fl!(l, "reminder-problem-noted"),
            Reply::AltHeader => fl!(l, "alt-header"),
            Reply::AltLine { quote, unit } => {
                let mut a = quote.args();
                a.insert("unit", escape(unit));
                fl!(l, "alt-line", a)
            }
            Reply::AltNone => fl!(l, "alt-none"),
            Reply::StaffNoAnswer(o) => fl!(l, "staff-no-answer", o.args()),
            Reply::OrderLateStaff(o) => fl!(l, "order-late-staff", o.args()),
            Reply::OrderLateProducer(o) => fl!(l, "order-late-producer", o.args()),
            Reply::LateNote => fl!(l, "late-note"),
            Reply::AdminLargeOrder { office } => {
                fl!(l, "admin-large-order", office = escape(office))
            }
            Reply::BtnReplace => fl!(l, "btn-replace"),
            Reply::ReplaceReason => fl!(l, "replace-reason"),
            Reply::OrderReplaced { id } => fl!(l, "order-replaced", id = id.to_string()),
            Reply::StaffReminderProblem(o) => fl!(l, "staff-reminder-problem", o.args()),
            Reply::Common(c) => c.render(l),
            // @arms
        }
    }
}
