//! Producers answer requests: a quote (price, quantity, note) that can be
//! revised until the deadline, or a decline with an optional reason. Staff
//! compare quotes and award one producer or several (/permintaan).

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::store;
use crate::store::requests::{QuoteOutcome, Request, RequestError};
use crate::store::users::User;

use super::super::callback::Cb;
use super::super::out::Out;
use super::super::replies::{Reply, count, date_text, region_name, rupiah};
use super::super::state::{QuoteStep, State};
use super::{Caller, Dlg, HandlerResult};

/// The same Out, talking to another user in their language.
pub fn to_user(out: &Out, user: &User) -> Out {
    Out {
        chat: ChatId(user.chat_id),
        lang: user.language,
        ..out.clone()
    }
}

pub fn deadline_text(out: &Out, r: &Request) -> String {
    let zone = super::super::replies::zone_of(Some(&r.regency_code), out.settings.default_zone);
    super::super::replies::datetime_text(out.lang, r.quote_deadline, zone)
}

fn budget_text(out: &Out, r: &Request) -> String {
    match (r.budget_per_unit, r.budget_total) {
        (Some(p), _) => out.t(&Reply::RqBudgetPerUnit {
            amount: rupiah(p),
            unit: r.unit.clone(),
        }),
        (None, Some(t)) => out.t(&Reply::RqBudgetTotal { amount: rupiah(t) }),
        _ => out.t(&Reply::ValueNone),
    }
}

/// Sends request #id to one producer account as a card with its buttons.
/// `false` when that account cannot be messaged.
pub async fn send_card(out: &Out, request_id: i64, producer_user_id: i64) -> anyhow::Result<bool> {
    let Some(user) = store::users::get(&out.pool, producer_user_id).await? else {
        return Ok(false);
    };
    let to = to_user(out, &user);
    let Ok((r, recipient)) =
        store::requests::for_producer(&out.pool, producer_user_id, request_id).await
    else {
        return Ok(false);
    };
    let text = to.t(&Reply::RqCard {
        id: r.id,
        office: r.office_name.clone(),
        item: r.item.clone(),
        quantity: count(r.quantity),
        unit: r.unit.clone(),
        part: recipient.part_quantity.map(count),
        date: date_text(to.lang, r.delivery_date),
        place: region_name(&r.regency_code, r.district_code.as_deref()),
        budget: budget_text(&to, &r),
        halal: r.halal,
        deadline: deadline_text(&to, &r),
    });
    let markup = InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback(to.t(&Reply::BtnQuote), Cb::QuoteRequest(r.id).encode()),
        InlineKeyboardButton::callback(to.t(&Reply::BtnDecline), Cb::DeclineRequest(r.id).encode()),
    ]]);
    Ok(to.send_text(text, Some(markup.into())).await?.is_some())
}

fn refused(out: &Out, e: &RequestError) -> Option<String> {
    Some(match e {
        RequestError::Closed => out.t(&Reply::QtClosed),
        RequestError::DeadlinePassed => out.t(&Reply::QtDeadlinePassed),
        _ => out.t(&Reply::Stale),
    })
}

/// "Kirim penawaran" / "Tolak" on a request card, and "Semua" / "Lewati"
/// while quoting or declining.
pub async fn on_producer_button(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    message: Option<&Message>,
    state: State,
    cb: Cb,
) -> anyhow::Result<Option<String>> {
    match cb {
        Cb::QuoteRequest(id) | Cb::DeclineRequest(id) => {
            let (r, _) = match store::requests::for_producer(&out.pool, caller.0.id, id).await {
                Ok(found) => found,
                Err(e) => return Ok(refused(out, &e)),
            };
            if r.status != "open" {
                return Ok(Some(out.t(&Reply::QtClosed)));
            }
            if out.clock.now() > r.quote_deadline {
                return Ok(Some(out.t(&Reply::QtDeadlinePassed)));
            }
            if matches!(cb, Cb::QuoteRequest(_)) {
                dialogue
                    .update(State::Quoting {
                        request: id,
                        step: QuoteStep::Price,
                        price: None,
                        quantity: None,
                    })
                    .await?;
                out.say(Reply::QtAskPrice { unit: r.unit }).await?;
            } else {
                dialogue.update(State::Declining { request: id }).await?;
                out.say_with(Reply::QtAskDeclineReason, super::request::skip(out))
                    .await?;
            }
            Ok(None)
        }
        Cb::QuoteAll => {
            let State::Quoting {
                request,
                step: QuoteStep::Quantity,
                price,
                ..
            } = state
            else {
                return Ok(Some(out.t(&Reply::Stale)));
            };
            let (r, recipient) =
                match store::requests::for_producer(&out.pool, caller.0.id, request).await {
                    Ok(found) => found,
                    Err(e) => return Ok(refused(out, &e)),
                };
            let all = recipient.part_quantity.unwrap_or(r.quantity).max(1) as u32;
            super::registration::clear_buttons(out, message).await;
            dialogue
                .update(State::Quoting {
                    request,
                    step: QuoteStep::Note,
                    price,
                    quantity: Some(all),
                })
                .await?;
            out.say_with(Reply::QtAskNote, super::request::skip(out))
                .await?;
            Ok(None)
        }
        Cb::Skip => match state {
            State::Quoting {
                request,
                step: QuoteStep::Note,
                price: Some(price),
                quantity: Some(quantity),
            } => {
                super::registration::clear_buttons(out, message).await;
                finish_quote(out, dialogue, caller, request, price, quantity, None).await?;
                Ok(None)
            }
            State::Declining { request } => {
                super::registration::clear_buttons(out, message).await;
                finish_decline(out, dialogue, caller, request, None).await?;
                Ok(None)
            }
            _ => Ok(Some(out.t(&Reply::Stale))),
        },
        _ => Ok(Some(out.t(&Reply::Stale))),
    }
}

/// Typed answers while quoting.
pub async fn quoting_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    (request, step, price, quantity): (i64, QuoteStep, Option<u64>, Option<u32>),
) -> HandlerResult {
    let Some(text) = msg.text() else {
        out.say(Reply::TextExpected).await?;
        return Ok(());
    };
    let (r, recipient) = match store::requests::for_producer(&out.pool, caller.0.id, request).await
    {
        Ok(found) => found,
        Err(_) => {
            dialogue.exit().await?;
            out.say(Reply::Stale).await?;
            return Ok(());
        }
    };
    match (step, price, quantity) {
        (QuoteStep::Price, _, _) => match crate::domain::money::price_per_unit(text) {
            Ok((p, _)) => {
                dialogue
                    .update(State::Quoting {
                        request,
                        step: QuoteStep::Quantity,
                        price: Some(p.amount()),
                        quantity: None,
                    })
                    .await?;
                let all = recipient.part_quantity.unwrap_or(r.quantity);
                let markup = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback(
                    out.t(&Reply::BtnAll {
                        quantity: count(all),
                    }),
                    Cb::QuoteAll.encode(),
                )]]);
                out.say_with(
                    Reply::QtAskQuantity {
                        unit: r.unit.clone(),
                        quantity: count(all),
                    },
                    markup,
                )
                .await?;
            }
            Err(_) => {
                out.say(Reply::ErrPrice).await?;
                out.say(Reply::QtAskPrice { unit: r.unit }).await?;
            }
        },
        (QuoteStep::Quantity, Some(p), _) => match crate::domain::registration::min_order(text) {
            Ok(q) if i64::from(q) <= r.quantity => {
                dialogue
                    .update(State::Quoting {
                        request,
                        step: QuoteStep::Note,
                        price: Some(p),
                        quantity: Some(q),
                    })
                    .await?;
                out.say_with(Reply::QtAskNote, super::request::skip(&out))
                    .await?;
            }
            Ok(_) => {
                out.say(Reply::QtTooMany {
                    quantity: count(r.quantity),
                })
                .await?;
            }
            Err(e) => {
                out.say(Reply::Field(e)).await?;
            }
        },
        (QuoteStep::Note, Some(p), Some(q)) => {
            let note = crate::domain::registration::clean_text(text);
            let note: String = note.chars().take(300).collect();
            finish_quote(&out, &dialogue, &caller, request, p, q, Some(note)).await?;
        }
        _ => {
            dialogue.exit().await?;
            out.say(Reply::Stale).await?;
        }
    }
    Ok(())
}

async fn finish_quote(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    request: i64,
    price: u64,
    quantity: u32,
    note: Option<String>,
) -> HandlerResult {
    let outcome = store::requests::quote(
        &out.pool,
        caller.0.id,
        request,
        price,
        quantity,
        note.as_deref(),
        out.clock.now(),
    )
    .await;
    dialogue.exit().await?;
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => {
            if let Some(text) = refused(out, &e) {
                out.send_text(text, None).await?;
            }
            return Ok(());
        }
    };
    let total = price as i64 * i64::from(quantity);
    let (price_s, qty_s, total_s) = (
        rupiah(price as i64),
        count(i64::from(quantity)),
        rupiah(total),
    );
    out.say(match outcome {
        QuoteOutcome::New => Reply::QtSent {
            id: request,
            price: price_s.clone(),
            quantity: qty_s.clone(),
            total: total_s.clone(),
        },
        QuoteOutcome::Revised => Reply::QtRevised {
            id: request,
            price: price_s.clone(),
            quantity: qty_s.clone(),
            total: total_s.clone(),
        },
    })
    .await?;
    // Tell the staff who asked.
    if let Some(r) = store::requests::get(&out.pool, request).await?
        && let Some(staff) = store::users::get(&out.pool, r.staff_user_id).await?
    {
        let producer = store::accounts::profile(&out.pool, caller.0.id).await?;
        let name = match producer {
            Some(store::accounts::Profile::Producer(p)) => p.business_name,
            _ => caller.0.first_name.clone(),
        };
        let to = to_user(out, &staff);
        let markup = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback(
            format!("#{request}"),
            Cb::ViewRequest(request).encode(),
        )]]);
        to.say_with(
            Reply::StaffNewQuote {
                id: request,
                producer: name,
                price: price_s,
                quantity: qty_s,
                total: total_s,
                revised: outcome == QuoteOutcome::Revised,
            },
            markup,
        )
        .await?;
    }
    Ok(())
}

/// The reason typed after "Tolak".
pub async fn declining_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    request: i64,
) -> HandlerResult {
    let reason = msg.text().map(|t| {
        crate::domain::registration::clean_text(t)
            .chars()
            .take(300)
            .collect::<String>()
    });
    finish_decline(&out, &dialogue, &caller, request, reason).await
}

async fn finish_decline(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    request: i64,
    reason: Option<String>,
) -> HandlerResult {
    dialogue.exit().await?;
    if let Err(e) =
        store::requests::decline(&out.pool, caller.0.id, request, reason.as_deref()).await
    {
        if let Some(text) = refused(out, &e) {
            out.send_text(text, None).await?;
        }
        return Ok(());
    }
    out.say(Reply::QtDeclined { id: request }).await?;
    if let Some(r) = store::requests::get(&out.pool, request).await?
        && let Some(staff) = store::users::get(&out.pool, r.staff_user_id).await?
    {
        let name = match store::accounts::profile(&out.pool, caller.0.id).await? {
            Some(store::accounts::Profile::Producer(p)) => p.business_name,
            _ => caller.0.first_name.clone(),
        };
        to_user(out, &staff)
            .say(Reply::StaffDeclined {
                id: request,
                producer: name,
                reason: reason.unwrap_or_default(),
            })
            .await?;
    }
    Ok(())
}

/// /permintaan: staff see their office's requests; producers what waits for them.
pub async fn list(out: &Out, caller: &Caller) -> HandlerResult {
    if super::request::is_staff(caller) {
        let rows = match store::requests::of_office(&out.pool, caller.0.id, 10).await {
            Ok(rows) => rows,
            Err(_) => return out.say(Reply::RqStaffOnly).await.map(|_| ()),
        };
        if rows.is_empty() {
            out.say(Reply::RqListNone).await?;
            return Ok(());
        }
        let mut lines = vec![out.t(&Reply::RqList)];
        let mut buttons = Vec::new();
        for (r, quotes) in &rows {
            lines.push(out.t(&Reply::RqLine {
                id: r.id,
                item: r.item.clone(),
                quantity: count(r.quantity),
                unit: r.unit.clone(),
                date: date_text(out.lang, r.delivery_date),
                status: out.t(&Reply::RqStatus(r.status.clone())),
                quotes: *quotes,
            }));
            buttons.push(vec![InlineKeyboardButton::callback(
                format!("#{} {}", r.id, r.item.chars().take(30).collect::<String>()),
                Cb::ViewRequest(r.id).encode(),
            )]);
        }
        out.send_text(
            lines.join("\n"),
            Some(InlineKeyboardMarkup::new(buttons).into()),
        )
        .await?;
        return Ok(());
    }
    match store::requests::open_for_producer(&out.pool, caller.0.id, out.clock.now()).await {
        Ok(open) if open.is_empty() => {
            out.say(Reply::RqProducerListNone).await?;
        }
        Ok(open) => {
            out.say(Reply::RqProducerList).await?;
            for (r, _) in open.iter().take(5) {
                send_card(out, r.id, caller.0.id).await?;
            }
        }
        Err(_) => {
            out.say(Reply::ProducerOnly).await?;
        }
    }
    Ok(())
}
