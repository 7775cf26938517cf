//! After the quotes: staff see their requests (/permintaan) and the quotes
//! side by side, award one producer or several for parts; then orders move
//! accepted → diproses → siap → terkirim → diterima, and are rated
//! (/pesanan). Every change is told to the other side with the order
//! number (through the outbox; the texts are here).

pub mod buttons;
pub mod keyboards;
pub mod replies;

use chrono::NaiveDate;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::utils::command::BotCommands;

use crate::domain::order::OrderStatus;
use crate::store;
use crate::store::orders::{Order, OrderError, Side};
use crate::store::requests::{QuoteRow, Request, RequestError};
use crate::telegram::out::Out;
use crate::telegram::quotes::replies::Reply as QuoteReply;
use crate::telegram::quotes::{deadline_text, send_card};
use crate::telegram::requests::is_staff;
use crate::telegram::requests::keyboards::skip;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons, optional_answer};
use crate::telegram::shared::format::{count, date_text, region_name, rupiah};
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::State;

use buttons::Button;
use replies::{ItemView, OrderView, QuoteLine, Reply};

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    /// Staff: the office's requests; producers: what waits for them.
    Permintaan,
    /// The caller's orders.
    Pesanan,
}

/// `/permintaan` and `/pesanan`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Permintaan].endpoint(permintaan))
        .branch(dptree::case![Cmd::Pesanan].endpoint(pesanan))
}

/// Quotes, awards, splits, order steps, reminders (in any state), and
/// "Lewati" for the comment of a rating.
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .branch(press::button(on_button))
        .branch(press::flow(
            |f, s| *f == Flow::Skip && matches!(s, State::RatingComment { .. }),
            on_skip,
        ))
}

async fn permintaan(out: Out, caller: Caller) -> HandlerResult {
    requests_list(&out, &caller).await
}

async fn pesanan(out: Out, caller: Caller) -> HandlerResult {
    list(&out, &caller).await
}

/// Asks the current question of an orders state again (after a restart,
/// /start or /daftar).
pub async fn resume(out: &Out, state: &State) -> HandlerResult {
    match state {
        State::Awarding { .. } => out.say(Common::UseButtons).await.map(|_| ()),
        State::CancelReason { order } => out
            .say(Reply::OrderAskCancelReason { id: *order })
            .await
            .map(|_| ()),
        State::RatingComment { .. } => out.say(Reply::OrderAskComment).await.map(|_| ()),
        _ => Ok(()),
    }
}

/// A store refusal as `None`; a database failure stays an error.
fn allowed<T>(found: Result<T, RequestError>) -> anyhow::Result<Option<T>> {
    match found {
        Ok(v) => Ok(Some(v)),
        Err(RequestError::Db(e)) => Err(e.into()),
        Err(_) => Ok(None),
    }
}

/// Request #id with its quotes, if the caller's office asked for it.
async fn quotes_of(
    out: &Out,
    caller: &Caller,
    request: i64,
) -> anyhow::Result<Option<(Request, Vec<QuoteRow>)>> {
    allowed(store::requests::with_quotes(&out.pool, caller.0.id, request).await)
}

/// Which side of `order` the caller is on (the store let them see it).
fn side_for(caller: &Caller, order: &Order) -> Side {
    if order.producer_user_id == Some(caller.0.id) {
        Side::Producer
    } else {
        Side::Staff
    }
}

/// /permintaan: staff see their office's requests; producers what waits
/// for them.
pub async fn requests_list(out: &Out, caller: &Caller) -> HandlerResult {
    if is_staff(caller) {
        let Some(rows) = allowed(store::requests::of_office(&out.pool, caller.0.id, 10).await)?
        else {
            return out.say(Common::StaffOnly).await.map(|_| ());
        };
        if rows.is_empty() {
            out.say(Reply::RqListNone).await?;
            return Ok(());
        }
        let mut lines = vec![out.t(&Reply::RqList)];
        for (r, quotes) in &rows {
            lines.push(out.t(&Reply::RqLine {
                request: request_view(out, r),
                status: out.t(&Reply::RqStatus(r.status)),
                quotes: *quotes,
            }));
        }
        out.send_text(
            lines.join("\n"),
            Some(keyboards::request_list(&rows).into()),
        )
        .await?;
        return Ok(());
    }
    let open = store::requests::open_for_producer(&out.pool, caller.0.id, out.clock.now()).await;
    match allowed(open)? {
        Some(open) if open.is_empty() => {
            out.say(Reply::RqProducerListNone).await?;
        }
        Some(open) => {
            out.say(Reply::RqProducerList).await?;
            for (r, _) in open.iter().take(5) {
                send_card(out, r.id, caller.0.id).await?;
            }
        }
        None => {
            out.say(Common::ProducerOnly).await?;
        }
    }
    Ok(())
}

/// The quotes of one request side by side, cheapest first, with award buttons.
pub async fn view_request(
    out: &Out,
    caller: &Caller,
    request: i64,
    edit: Option<&Message>,
) -> anyhow::Result<Option<String>> {
    let Some((r, quotes)) = quotes_of(out, caller, request).await? else {
        return Ok(Some(out.t(&Common::NotAllowed)));
    };
    let text = if quotes.is_empty() {
        out.t(&Reply::RqQuotesNone {
            id: r.id,
            deadline: deadline_text(out, &r),
        })
    } else {
        let lines = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                out.t(&Reply::RqQuoteLine {
                    quote: QuoteLine {
                        n: i + 1,
                        producer: q.business_name.clone(),
                        price: rupiah(q.unit_price),
                        quantity: count(q.quantity),
                    },
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
        out.t(&Reply::RqQuotes {
            request: request_view(out, &r),
            lines,
        })
    };
    let markup = keyboards::award(out, &r, &quotes);
    match edit {
        Some(m) => out.edit(m.id, text, Some(markup)).await?,
        None => {
            out.send_text(text, Some(markup.into())).await?;
        }
    }
    Ok(None)
}

/// Awards the picks; the chosen producers (with "Terima pesanan") and those
/// not chosen hear of it through the outbox.
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
            Err(RequestError::Closed) => return Ok(Some(out.t(&QuoteReply::QtClosed))),
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
    let Some((r, quotes)) = quotes_of(out, caller, request).await? else {
        return Ok(());
    };
    let sum: u32 = picks.iter().map(|(_, q)| q).sum();
    out.edit(
        message.id,
        out.t(&Reply::RqSplitPick {
            sum: count(i64::from(sum)),
            quantity: count(r.quantity),
            unit: r.unit.clone(),
        }),
        Some(keyboards::split(out, &r, &quotes, picks, sum)),
    )
    .await
}

/// A request or an order formatted for `out`'s language.
fn item_view(
    out: &Out,
    id: i64,
    item: &str,
    quantity: i64,
    unit: &str,
    date: NaiveDate,
) -> ItemView {
    ItemView {
        id,
        item: item.to_string(),
        quantity: count(quantity),
        unit: unit.to_string(),
        date: date_text(out.lang, date),
    }
}

fn request_view(out: &Out, r: &Request) -> ItemView {
    item_view(out, r.id, &r.item, r.quantity, &r.unit, r.delivery_date)
}

/// An order formatted for `out`'s language: what its card, its reminders
/// and its notices show.
pub fn order_view(out: &Out, o: &Order) -> OrderView {
    OrderView {
        item: item_view(out, o.id, &o.item, o.quantity, &o.unit, o.delivery_date),
        price: rupiah(o.unit_price),
        total: rupiah(o.unit_price * o.quantity),
        place: region_name(o.regency_code.as_str(), None),
        producer: o.producer_name.clone(),
        office: o.office_name.clone(),
    }
}

pub fn order_text(out: &Out, order: &Order, side: Side) -> String {
    out.t(&Reply::OrderCard {
        order: order_view(out, order),
        status: out.t(&Reply::OrderStatus(order.status)),
        // The producer's phone is shown to staff once an order exists.
        phone: if side == Side::Staff {
            order.producer_phone.clone()
        } else {
            None
        },
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
        let side = side_for(caller, &order);
        out.send_text(
            order_text(out, &order, side),
            Some(keyboards::order(out, &order, side).into()),
        )
        .await?;
    }
    Ok(())
}

/// What an order action refused, as the press's alert; a database failure
/// is an error.
fn order_refusal(out: &Out, e: OrderError) -> Refusal {
    match e {
        OrderError::NotAllowed => Ok(Some(out.t(&Common::NotAllowed))),
        OrderError::BadTransition { .. } => Ok(Some(out.t(&Reply::OrderStepRefused))),
        OrderError::Db(e) => Err(e.into()),
    }
}

/// Award, split, order and reminder buttons.
async fn on_button(p: Press, b: Button) -> Refusal {
    let (out, dialogue, caller, message) = (&p.out, &p.dialogue, &p.caller, p.message());
    match b {
        Button::ViewRequest(id) => view_request(out, caller, id, None).await,
        Button::Award { request, quote } => {
            let Some((r, _)) = quotes_of(out, caller, request).await? else {
                return Ok(Some(out.t(&Common::NotAllowed)));
            };
            clear_buttons(out, message).await;
            award(
                out,
                dialogue,
                caller,
                request,
                &[(quote, r.quantity.max(0) as u32)],
            )
            .await
        }
        Button::SplitStart(request) => {
            let Some(m) = message else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if quotes_of(out, caller, request).await?.is_none() {
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
        Button::SplitToggle { request, quote } => {
            let (
                State::Awarding {
                    request: current,
                    mut picks,
                },
                Some(m),
            ) = (p.state.clone(), message)
            else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if current != request {
                return Ok(Some(out.t(&Common::Stale)));
            }
            let Some((r, quotes)) = quotes_of(out, caller, request).await? else {
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
        Button::SplitDone(request) => {
            let State::Awarding {
                request: current,
                picks,
            } = p.state.clone()
            else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if current != request {
                return Ok(Some(out.t(&Common::Stale)));
            }
            let answer = award(out, dialogue, caller, request, &picks).await?;
            if answer.is_none() {
                clear_buttons(out, message).await;
            }
            Ok(answer)
        }
        Button::OrderStep { order, to } => {
            match store::orders::advance(&out.pool, caller.0.id, order, to, out.clock.now()).await {
                Ok(updated) => {
                    let side = side_for(caller, &updated);
                    if let Some(m) = message {
                        out.edit(
                            m.id,
                            order_text(out, &updated, side),
                            Some(keyboards::order(out, &updated, side)),
                        )
                        .await?;
                    }
                    if to == OrderStatus::Received {
                        out.say(Reply::OrderAskRating { id: order }).await?;
                    }
                    Ok(None)
                }
                Err(e) => order_refusal(out, e),
            }
        }
        Button::OrderCancel(order) => {
            match store::orders::for_user(&out.pool, caller.0.id, order).await {
                Ok((o, _)) if o.status.may_cancel() => {
                    dialogue.update(State::CancelReason { order }).await?;
                    out.say(Reply::OrderAskCancelReason { id: order }).await?;
                    Ok(None)
                }
                Ok(_) => Ok(Some(out.t(&Reply::OrderStepRefused))),
                Err(e) => order_refusal(out, e),
            }
        }
        Button::OrderRate { order, stars } => {
            match store::orders::for_user(&out.pool, caller.0.id, order).await {
                Ok((o, Side::Staff))
                    if o.status == OrderStatus::Received
                        && o.rating.is_none()
                        && (1..=5).contains(&stars) =>
                {
                    clear_buttons(out, message).await;
                    dialogue
                        .update(State::RatingComment { order, stars })
                        .await?;
                    out.say_with(Reply::OrderAskComment, skip(out)).await?;
                    Ok(None)
                }
                Ok(_) => Ok(Some(out.t(&Reply::OrderStepRefused))),
                Err(e) => order_refusal(out, e),
            }
        }
        Button::OrderLapse(order) => {
            match store::orders::lapse_and_reopen(&out.pool, caller.0.id, order, out.clock.now())
                .await
            {
                Ok(lapsed) => {
                    clear_buttons(out, message).await;
                    view_request(out, caller, lapsed.request_id, None).await
                }
                Err(e) => order_refusal(out, e),
            }
        }
        Button::OrderReplace(order) => {
            let reason = out.t(&Reply::ReplaceReason);
            match store::orders::replace(&out.pool, caller.0.id, order, &reason, out.clock.now())
                .await
            {
                Ok(dropped) => {
                    clear_buttons(out, message).await;
                    out.say(Reply::OrderReplaced { id: order }).await?;
                    view_request(out, caller, dropped.request_id, None).await
                }
                Err(e) => order_refusal(out, e),
            }
        }
        Button::ReminderAnswer { reminder, ok } => {
            let answered =
                store::reminders::answer(&out.pool, caller.0.id, reminder, ok, out.clock.now())
                    .await?;
            if answered.is_none() {
                return Ok(Some(out.t(&Common::Stale)));
            }
            clear_buttons(out, message).await;
            // "Ada kendala" reaches the staff through the outbox.
            out.say(if ok {
                Reply::ReminderThanks
            } else {
                Reply::ReminderProblemNoted
            })
            .await?;
            Ok(None)
        }
    }
}

/// "Lewati" for the comment of a rating.
async fn on_skip(p: Press, _skip: Flow) -> Refusal {
    let State::RatingComment { order, stars } = p.state else {
        return Ok(Some(p.out.t(&Common::Stale)));
    };
    clear_buttons(&p.out, p.message()).await;
    finish_rating(&p.out, &p.dialogue, &p.caller, order, stars, None).await?;
    Ok(None)
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
        let text = to.t(&Reply::ReminderMorning(order_view(to, order)));
        return (text, None);
    }
    let when = match kind {
        ReminderKind::H7 => "H-7",
        ReminderKind::H3 => "H-3",
        _ => "H-1",
    };
    let text = to.t(&Reply::ReminderAsk {
        when: when.to_string(),
        order: order_view(to, order),
    });
    (text, Some(keyboards::reminder(to, reminder)))
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
        Err(e) => say_refusal(&out, e).await,
    }
}

/// Says what an order action refused; a database failure is an error.
async fn say_refusal(out: &Out, e: OrderError) -> HandlerResult {
    if let Some(text) = order_refusal(out, e)? {
        out.send_text(text, None).await?;
    }
    Ok(())
}

/// The comment typed after the stars.
pub async fn rating_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    (order, stars): (i64, u8),
) -> HandlerResult {
    let comment = optional_answer(&msg, 500);
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
        Err(OrderError::Db(e)) => Err(e.into()),
        Err(_) => out.say(Reply::OrderStepRefused).await.map(|_| ()),
    }
}

/// What the staff of an order not accepted in 12 hours are told, with a
/// button to choose another quote.
pub fn not_accepted_message(to: &Out, order: &Order) -> (String, InlineKeyboardMarkup) {
    let text = to.t(&Reply::OrderNotAccepted {
        id: order.id,
        producer: order.producer_name.clone(),
    });
    (text, keyboards::choose_other(to, order.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_orders_commands_parse() {
        let parsed = ["/permintaan", "/pesanan@pesanlokal_bot"]
            .map(|t| Cmd::parse(t, "pesanlokal_bot").ok());
        assert_eq!(parsed, [Some(Cmd::Permintaan), Some(Cmd::Pesanan)]);
    }
}
