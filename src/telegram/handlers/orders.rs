//! Staff compare quotes and award (one producer, or several for parts);
//! then orders move: accepted → diproses → siap → terkirim → diterima, and
//! are rated. Every change is told to the other side with the order number.

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::order::OrderStatus;
use crate::domain::request_status::RequestStatus;
use crate::store;
use crate::store::orders::{Order, OrderError, Side};
use crate::store::requests::RequestError;

use super::super::callback::Cb;
use super::super::out::Out;
use super::super::replies::{Reply, count, date_text, region_name, rupiah};
use super::super::state::State;
use super::{Caller, Dlg, HandlerResult};

fn status_index(s: OrderStatus) -> u8 {
    OrderStatus::ALL.iter().position(|x| *x == s).unwrap_or(0) as u8
}

/// The quotes of one request side by side, cheapest first, with award buttons.
pub async fn view_request(
    out: &Out,
    caller: &Caller,
    request: i64,
    edit: Option<&Message>,
) -> anyhow::Result<Option<String>> {
    let (r, quotes) = match store::requests::with_quotes(&out.pool, caller.0.id, request).await {
        Ok(found) => found,
        Err(_) => return Ok(Some(out.t(&Common::NotAllowed))),
    };
    let mut buttons: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    let text = if quotes.is_empty() {
        out.t(&Reply::RqQuotesNone {
            id: r.id,
            deadline: super::quote::deadline_text(out, &r),
        })
    } else {
        let lines = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                out.t(&Reply::RqQuoteLine {
                    n: i + 1,
                    producer: q.business_name.clone(),
                    price: rupiah(q.unit_price),
                    quantity: count(q.quantity),
                    total: rupiah(q.unit_price * q.quantity),
                    rating: if q.rating_count > 0 {
                        format!("{:.1}", q.rating_sum as f64 / q.rating_count as f64)
                            .replace('.', ",")
                    } else {
                        "–".into()
                    },
                    finished: q.finished_orders,
                    note: q.note.clone(),
                })
            })
            .collect();
        if r.status == RequestStatus::Open {
            for (i, q) in quotes.iter().enumerate() {
                if q.quantity >= r.quantity {
                    buttons.push(vec![InlineKeyboardButton::callback(
                        out.t(&Reply::BtnAward { n: i + 1 }),
                        Cb::Award {
                            request: r.id,
                            quote: q.quote_id,
                        }
                        .encode(),
                    )]);
                }
            }
            if quotes.len() >= 2 {
                buttons.push(vec![InlineKeyboardButton::callback(
                    out.t(&Reply::BtnAwardSplit),
                    Cb::SplitStart(r.id).encode(),
                )]);
            }
        }
        out.t(&Reply::RqQuotes {
            id: r.id,
            item: r.item.clone(),
            quantity: count(r.quantity),
            unit: r.unit.clone(),
            date: date_text(out.lang, r.delivery_date),
            lines,
        })
    };
    let markup = InlineKeyboardMarkup::new(buttons);
    match edit {
        Some(m) => out.edit(m.id, text, Some(markup)).await?,
        None => {
            out.send_text(text, Some(markup.into())).await?;
        }
    }
    Ok(None)
}

/// Awards the picks, tells the chosen producers (with "Terima pesanan") and
/// those not chosen.
async fn award(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    request: i64,
    picks: &[(i64, u32)],
) -> anyhow::Result<Option<String>> {
    let orders =
        match store::requests::award(&out.pool, caller.0.id, request, picks, out.clock.now()).await
        {
            Ok(orders) => orders,
            Err(RequestError::SumMismatch { expected, got }) => {
                return Ok(Some(out.t(&Reply::RqSplitSum {
                    sum: count(got),
                    quantity: count(expected),
                })));
            }
            Err(RequestError::TooMany) => return Ok(Some(out.t(&Common::Stale))),
            Err(RequestError::Closed) => return Ok(Some(out.t(&Reply::QtClosed))),
            Err(RequestError::NotAllowed) => return Ok(Some(out.t(&Common::NotAllowed))),
            Err(e) => return Err(e.into()),
        };
    if matches!(dialogue.get().await?, Some(State::Awarding { .. })) {
        dialogue.exit().await?;
    }
    out.say(Reply::RqAwarded {
        orders: orders
            .iter()
            .map(|o| format!("#{o}"))
            .collect::<Vec<_>>()
            .join(", "),
    })
    .await?;
    // The producers hear of it through the outbox.
    Ok(None)
}

/// The split picker: each quote toggles in (with as much as it offered, up
/// to what is still needed), and "Selesai" when the sum is right.
async fn split_picker(
    out: &Out,
    caller: &Caller,
    request: i64,
    picks: &[(i64, u32)],
    message: &Message,
) -> HandlerResult {
    let Ok((r, quotes)) = store::requests::with_quotes(&out.pool, caller.0.id, request).await
    else {
        return Ok(());
    };
    let sum: u32 = picks.iter().map(|(_, q)| q).sum();
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
            vec![InlineKeyboardButton::callback(
                label,
                Cb::SplitToggle {
                    request,
                    quote: q.quote_id,
                }
                .encode(),
            )]
        })
        .collect();
    rows.push(vec![InlineKeyboardButton::callback(
        out.t(&Reply::BtnSplitDone {
            sum: count(i64::from(sum)),
            quantity: count(r.quantity),
        }),
        Cb::SplitDone(request).encode(),
    )]);
    out.edit(
        message.id,
        out.t(&Reply::RqSplitPick {
            sum: count(i64::from(sum)),
            quantity: count(r.quantity),
            unit: r.unit.clone(),
        }),
        Some(InlineKeyboardMarkup::new(rows)),
    )
    .await
}

/// The buttons of an order for one side, by its status.
pub fn order_buttons(out: &Out, order: &Order, side: Side) -> InlineKeyboardMarkup {
    let status = order.status;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    match side {
        Side::Producer => {
            if let Some(next) = status.producer_next() {
                rows.push(vec![InlineKeyboardButton::callback(
                    out.t(&Reply::BtnOrderStep(next)),
                    Cb::OrderStep {
                        order: order.id,
                        to: status_index(next),
                    }
                    .encode(),
                )]);
            }
        }
        Side::Staff => {
            if status.staff_may_receive() {
                rows.push(vec![InlineKeyboardButton::callback(
                    out.t(&Reply::BtnOrderStep(OrderStatus::Received)),
                    Cb::OrderStep {
                        order: order.id,
                        to: status_index(OrderStatus::Received),
                    }
                    .encode(),
                )]);
            }
            if status == OrderStatus::Received && order.rating.is_none() {
                rows.push(
                    (1..=5u8)
                        .map(|s| {
                            InlineKeyboardButton::callback(
                                "⭐".repeat(s as usize),
                                Cb::OrderRate {
                                    order: order.id,
                                    stars: s,
                                }
                                .encode(),
                            )
                        })
                        .collect(),
                );
            }
        }
    }
    if status.may_cancel() {
        rows.push(vec![InlineKeyboardButton::callback(
            out.t(&Reply::BtnOrderCancel),
            Cb::OrderCancel(order.id).encode(),
        )]);
    }
    InlineKeyboardMarkup::new(rows)
}

pub fn order_text(out: &Out, order: &Order, side: Side) -> String {
    out.t(&Reply::OrderCard {
        id: order.id,
        status: out.t(&Reply::OrderStatus(order.status)),
        item: order.item.clone(),
        quantity: count(order.quantity),
        unit: order.unit.clone(),
        price: rupiah(order.unit_price),
        total: rupiah(order.unit_price * order.quantity),
        date: date_text(out.lang, order.delivery_date),
        place: region_name(order.regency_code.as_str(), None),
        producer: order.producer_name.clone(),
        // The producer's phone is shown to staff once an order exists.
        phone: if side == Side::Staff {
            order.producer_phone.clone()
        } else {
            None
        },
        office: order.office_name.clone(),
    })
}

/// /pesanan: the caller's orders, open ones first, each with its buttons.
pub async fn list(out: &Out, caller: &Caller) -> HandlerResult {
    let orders = store::orders::of_user(&out.pool, caller.0.id, 5).await?;
    if orders.is_empty() {
        out.say(Reply::OrderListNone).await?;
        return Ok(());
    }
    for order in orders {
        let side = if order.producer_user_id == Some(caller.0.id) {
            Side::Producer
        } else {
            Side::Staff
        };
        out.send_text(
            order_text(out, &order, side),
            Some(order_buttons(out, &order, side).into()),
        )
        .await?;
    }
    Ok(())
}

/// Award, split and order buttons.
pub async fn on_button(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    message: Option<&Message>,
    state: State,
    cb: Cb,
) -> anyhow::Result<Option<String>> {
    match cb {
        Cb::ViewRequest(id) => view_request(out, caller, id, None).await,
        Cb::Award { request, quote } => {
            let Ok((r, _)) = store::requests::with_quotes(&out.pool, caller.0.id, request).await
            else {
                return Ok(Some(out.t(&Common::NotAllowed)));
            };
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            award(
                out,
                dialogue,
                caller,
                request,
                &[(quote, r.quantity.max(0) as u32)],
            )
            .await
        }
        Cb::SplitStart(request) => {
            let Some(m) = message else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if store::requests::with_quotes(&out.pool, caller.0.id, request)
                .await
                .is_err()
            {
                return Ok(Some(out.t(&Common::NotAllowed)));
            }
            dialogue
                .update(State::Awarding {
                    request,
                    picks: Vec::new(),
                })
                .await?;
            split_picker(out, caller, request, &[], m).await?;
            Ok(None)
        }
        Cb::SplitToggle { request, quote } => {
            let (
                State::Awarding {
                    request: current,
                    mut picks,
                },
                Some(m),
            ) = (state, message)
            else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if current != request {
                return Ok(Some(out.t(&Common::Stale)));
            }
            let Ok((r, quotes)) =
                store::requests::with_quotes(&out.pool, caller.0.id, request).await
            else {
                return Ok(Some(out.t(&Common::NotAllowed)));
            };
            let Some(q) = quotes.iter().find(|q| q.quote_id == quote) else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if let Some(pos) = picks.iter().position(|(id, _)| *id == quote) {
                picks.remove(pos);
            } else {
                let taken: i64 = picks.iter().map(|(_, n)| i64::from(*n)).sum();
                let room = (r.quantity - taken).max(0);
                let part = q.quantity.min(room);
                if part == 0 {
                    return Ok(Some(out.t(&Reply::RqSplitSum {
                        sum: count(taken),
                        quantity: count(r.quantity),
                    })));
                }
                picks.push((quote, part as u32));
            }
            dialogue
                .update(State::Awarding {
                    request,
                    picks: picks.clone(),
                })
                .await?;
            split_picker(out, caller, request, &picks, m).await?;
            Ok(None)
        }
        Cb::SplitDone(request) => {
            let State::Awarding {
                request: current,
                picks,
            } = state
            else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if current != request {
                return Ok(Some(out.t(&Common::Stale)));
            }
            let answer = award(out, dialogue, caller, request, &picks).await?;
            if answer.is_none() {
                crate::telegram::shared::flow::clear_buttons(out, message).await;
            }
            Ok(answer)
        }
        Cb::OrderStep { order, to } => {
            let Some(to) = OrderStatus::ALL.get(to as usize).copied() else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            match store::orders::advance(&out.pool, caller.0.id, order, to, out.clock.now()).await {
                Ok(updated) => {
                    let side = if updated.producer_user_id == Some(caller.0.id) {
                        Side::Producer
                    } else {
                        Side::Staff
                    };
                    if let Some(m) = message {
                        out.edit(
                            m.id,
                            order_text(out, &updated, side),
                            Some(order_buttons(out, &updated, side)),
                        )
                        .await?;
                    }
                    if to == OrderStatus::Received {
                        out.say(Reply::OrderAskRating { id: order }).await?;
                    }
                    Ok(None)
                }
                Err(OrderError::NotAllowed) => Ok(Some(out.t(&Common::NotAllowed))),
                Err(OrderError::BadTransition { .. }) => Ok(Some(out.t(&Reply::OrderStepRefused))),
                Err(OrderError::Db(e)) => Err(e.into()),
            }
        }
        Cb::OrderCancel(order) => {
            match store::orders::for_user(&out.pool, caller.0.id, order).await {
                Ok((o, _)) if o.status.may_cancel() => {
                    dialogue.update(State::CancelReason { order }).await?;
                    out.say(Reply::OrderAskCancelReason { id: order }).await?;
                    Ok(None)
                }
                Ok(_) => Ok(Some(out.t(&Reply::OrderStepRefused))),
                Err(_) => Ok(Some(out.t(&Common::NotAllowed))),
            }
        }
        Cb::OrderRate { order, stars } => {
            match store::orders::for_user(&out.pool, caller.0.id, order).await {
                Ok((o, Side::Staff))
                    if o.status == OrderStatus::Received
                        && o.rating.is_none()
                        && (1..=5).contains(&stars) =>
                {
                    crate::telegram::shared::flow::clear_buttons(out, message).await;
                    dialogue
                        .update(State::RatingComment { order, stars })
                        .await?;
                    out.say_with(Reply::OrderAskComment, super::request::skip(out))
                        .await?;
                    Ok(None)
                }
                Ok(_) => Ok(Some(out.t(&Reply::OrderStepRefused))),
                Err(_) => Ok(Some(out.t(&Common::NotAllowed))),
            }
        }
        Cb::Flow(Flow::Skip) => match state {
            State::RatingComment { order, stars } => {
                crate::telegram::shared::flow::clear_buttons(out, message).await;
                finish_rating(out, dialogue, caller, order, stars, None).await?;
                Ok(None)
            }
            _ => Ok(Some(out.t(&Common::Stale))),
        },
        Cb::OrderLapse(order) => {
            match store::orders::lapse_and_reopen(&out.pool, caller.0.id, order, out.clock.now())
                .await
            {
                Ok(lapsed) => {
                    crate::telegram::shared::flow::clear_buttons(out, message).await;
                    view_request(out, caller, lapsed.request_id, None).await
                }
                Err(OrderError::BadTransition { .. }) => Ok(Some(out.t(&Reply::OrderStepRefused))),
                Err(_) => Ok(Some(out.t(&Common::NotAllowed))),
            }
        }
        Cb::OrderReplace(order) => {
            let reason = out.t(&Reply::ReplaceReason);
            match store::orders::replace(&out.pool, caller.0.id, order, &reason, out.clock.now())
                .await
            {
                Ok(dropped) => {
                    crate::telegram::shared::flow::clear_buttons(out, message).await;
                    out.say(Reply::OrderReplaced { id: order }).await?;
                    view_request(out, caller, dropped.request_id, None).await
                }
                Err(OrderError::BadTransition { .. }) => Ok(Some(out.t(&Reply::OrderStepRefused))),
                Err(OrderError::NotAllowed) => Ok(Some(out.t(&Common::NotAllowed))),
                Err(OrderError::Db(e)) => Err(e.into()),
            }
        }
        Cb::ReminderAnswer { reminder, ok } => {
            let answered =
                store::reminders::answer(&out.pool, caller.0.id, reminder, ok, out.clock.now())
                    .await?;
            if answered.is_none() {
                return Ok(Some(out.t(&Common::Stale)));
            }
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            // "Ada kendala" reaches the staff through the outbox.
            out.say(if ok {
                Reply::ReminderThanks
            } else {
                Reply::ReminderProblemNoted
            })
            .await?;
            Ok(None)
        }
        _ => Ok(Some(out.t(&Common::Stale))),
    }
}

/// A reminder to the producer of an order, with "Masih sanggup?" buttons
/// for H-7, H-3 and H-1.
pub fn reminder_message(
    to: &Out,
    reminder: i64,
    kind: crate::domain::reminder::ReminderKind,
    order: &Order,
) -> (String, Option<InlineKeyboardMarkup>) {
    use crate::domain::reminder::ReminderKind;
    if !kind.asks_confirmation() {
        let text = to.t(&Reply::ReminderMorning {
            id: order.id,
            item: order.item.clone(),
            quantity: count(order.quantity),
            unit: order.unit.clone(),
            office: order.office_name.clone(),
        });
        return (text, None);
    }
    let when = match kind {
        ReminderKind::H7 => "H-7",
        ReminderKind::H3 => "H-3",
        _ => "H-1",
    };
    let markup = InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback(
            to.t(&Reply::BtnReminderOk),
            Cb::ReminderAnswer { reminder, ok: true }.encode(),
        ),
        InlineKeyboardButton::callback(
            to.t(&Reply::BtnReminderProblem),
            Cb::ReminderAnswer {
                reminder,
                ok: false,
            }
            .encode(),
        ),
    ]]);
    let text = to.t(&Reply::ReminderAsk {
        when: when.to_string(),
        id: order.id,
        item: order.item.clone(),
        quantity: count(order.quantity),
        unit: order.unit.clone(),
        office: order.office_name.clone(),
        date: date_text(to.lang, order.delivery_date),
    });
    (text, Some(markup))
}

/// The reason typed after "Batalkan".
pub async fn cancel_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    order: i64,
) -> HandlerResult {
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return Ok(());
    };
    let reason = crate::domain::registration::clean_text(text);
    if reason.chars().count() < 3 {
        out.say(Common::Field(
            crate::domain::registration::FieldError::TooShort { min: 3 },
        ))
        .await?;
        return out
            .say(Reply::OrderAskCancelReason { id: order })
            .await
            .map(|_| ());
    }
    let reason: String = reason.chars().take(300).collect();
    dialogue.exit().await?;
    match store::orders::cancel(&out.pool, caller.0.id, order, &reason, out.clock.now()).await {
        Ok((o, side)) => {
            // The other side hears of it through the outbox.
            out.send_text(order_text(&out, &o, side), None).await?;
            Ok(())
        }
        Err(OrderError::BadTransition { .. }) => out.say(Reply::OrderStepRefused).await.map(|_| ()),
        Err(OrderError::NotAllowed) => out.say(Common::NotAllowed).await.map(|_| ()),
        Err(OrderError::Db(e)) => Err(e.into()),
    }
}

/// The comment typed after the stars.
pub async fn rating_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    (order, stars): (i64, u8),
) -> HandlerResult {
    let comment = msg.text().map(|t| {
        crate::domain::registration::clean_text(t)
            .chars()
            .take(500)
            .collect::<String>()
    });
    finish_rating(&out, &dialogue, &caller, order, stars, comment).await
}

async fn finish_rating(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    order: i64,
    stars: u8,
    comment: Option<String>,
) -> HandlerResult {
    dialogue.exit().await?;
    match store::orders::rate(
        &out.pool,
        caller.0.id,
        order,
        stars,
        comment.as_deref(),
        out.clock.now(),
    )
    .await
    {
        Ok(_) => out
            .say(Reply::OrderRated { id: order, stars })
            .await
            .map(|_| ()),
        Err(_) => out.say(Reply::OrderStepRefused).await.map(|_| ()),
    }
}

/// What the staff of an order not accepted in 12 hours are told, with a
/// button to choose another quote.
pub fn not_accepted_message(to: &Out, order: &Order) -> (String, InlineKeyboardMarkup) {
    let markup = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback(
        to.t(&Reply::BtnChooseOther),
        Cb::OrderLapse(order.id).encode(),
    )]]);
    let text = to.t(&Reply::OrderNotAccepted {
        id: order.id,
        producer: order.producer_name.clone(),
    });
    (text, markup)
}
