//! The orders room's keyboards.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::order::OrderStatus;
use crate::domain::request_status::RequestStatus;
use crate::store::orders::{Order, Side};
use crate::store::requests::{QuoteRow, Request};
use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::format::count;

use super::buttons::Button;
use super::replies::Reply;

/// "#12": opens request #12 with its quotes (under the staff's notices).
pub fn view_request(request: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(format!("#{request}"), &Button::ViewRequest(request))]])
}

/// One button per request of the staff's list.
pub fn request_list(requests: &[(Request, i64)]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(requests.iter().map(|(r, _)| {
        [button(
            format!("#{} {}", r.id, r.item.chars().take(30).collect::<String>()),
            &Button::ViewRequest(r.id),
        )]
    }))
}

/// "Pilih n" for each quote that covers the whole request, and "split"
/// when there are two quotes or more; nothing once the request is closed.
pub fn award(out: &Out, r: &Request, quotes: &[QuoteRow]) -> InlineKeyboardMarkup {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    if r.status != RequestStatus::Open {
        return InlineKeyboardMarkup::new(rows);
    }
    for (i, q) in quotes.iter().enumerate() {
        if q.quantity >= r.quantity {
            rows.push(vec![button(
                out.t(&Reply::BtnAward { n: i + 1 }),
                &Button::Award {
                    request: r.id,
                    quote: q.quote_id,
                },
            )]);
        }
    }
    if quotes.len() >= 2 {
        rows.push(vec![button(
            out.t(&Reply::BtnAwardSplit),
            &Button::SplitStart(r.id),
        )]);
    }
    InlineKeyboardMarkup::new(rows)
}

/// The split picker: each quote ticked with its part, or not, then
/// "Selesai (sum/quantity)".
pub fn split(
    out: &Out,
    r: &Request,
    quotes: &[QuoteRow],
    picks: &[(i64, u32)],
    sum: u32,
) -> InlineKeyboardMarkup {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let picked = picks.iter().find(|(id, _)| *id == q.quote_id);
            let label = match picked {
                Some((_, n)) => format!(
                    "✅ {}. {} ({})",
                    i + 1,
                    q.business_name,
                    count(i64::from(*n))
                ),
                None => format!("☐ {}. {} ({})", i + 1, q.business_name, count(q.quantity)),
            };
            vec![button(
                label,
                &Button::SplitToggle {
                    request: r.id,
                    quote: q.quote_id,
                },
            )]
        })
        .collect();
    rows.push(vec![button(
        out.t(&Reply::BtnSplitDone {
            sum: count(i64::from(sum)),
            quantity: count(r.quantity),
        }),
        &Button::SplitDone(r.id),
    )]);
    InlineKeyboardMarkup::new(rows)
}

/// The buttons of an order for one side, by its status.
pub fn order(out: &Out, order: &Order, side: Side) -> InlineKeyboardMarkup {
    let status = order.status;
    let step = |to: OrderStatus| {
        vec![button(
            out.t(&Reply::BtnOrderStep(to)),
            &Button::OrderStep {
                order: order.id,
                to,
            },
        )]
    };
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    match side {
        Side::Producer => {
            if let Some(next) = status.producer_next() {
                rows.push(step(next));
            }
        }
        Side::Staff => {
            if status.staff_may_receive() {
                rows.push(step(OrderStatus::Received));
            }
            if status == OrderStatus::Received && order.rating.is_none() {
                rows.push(
                    (1..=5u8)
                        .map(|stars| {
                            button(
                                "⭐".repeat(stars as usize),
                                &Button::OrderRate {
                                    order: order.id,
                                    stars,
                                },
                            )
                        })
                        .collect(),
                );
            }
        }
    }
    if status.may_cancel() {
        rows.push(vec![button(
            out.t(&Reply::BtnOrderCancel),
            &Button::OrderCancel(order.id),
        )]);
    }
    InlineKeyboardMarkup::new(rows)
}

/// "Ganti produsen" under a troubled order (to its staff).
pub fn replace(out: &Out, order: i64) -> Vec<InlineKeyboardButton> {
    vec![button(
        out.t(&Reply::BtnReplace),
        &Button::OrderReplace(order),
    )]
}

/// "Pilih penawaran lain" under "not accepted in 12 hours".
pub fn choose_other(out: &Out, order: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(
        out.t(&Reply::BtnChooseOther),
        &Button::OrderLapse(order),
    )]])
}

/// "Masih sanggup" / "Ada kendala" under a reminder.
pub fn reminder(out: &Out, reminder: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(
            out.t(&Reply::BtnReminderOk),
            &Button::ReminderAnswer { reminder, ok: true },
        ),
        button(
            out.t(&Reply::BtnReminderProblem),
            &Button::ReminderAnswer {
                reminder,
                ok: false,
            },
        ),
    ]])
}
