//! Producers answer requests: a quote (price, quantity, note) that can be
//! revised until the deadline, or a decline with an optional reason. Staff
//! compare quotes and award one producer or several (/permintaan).

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::request_status::RequestStatus;
use crate::store;
use crate::store::requests::{QuoteOutcome, Request, RequestError};

use super::super::callback::Cb;
use super::super::out::Out;
use super::super::replies::{Reply, count, date_text, region_name, rupiah};
use super::super::state::{QuoteStep, State};
use super::{Caller, Dlg, HandlerResult};

pub fn deadline_text(out: &Out, r: &Request) -> String {
    let zone =
        super::super::replies::zone_of(Some(r.regency_code.as_str()), out.settings.default_zone);
    super::super::replies::datetime_text(out.lang, r.quote_deadline, zone)
}

fn budget_text(out: &Out, r: &Request) -> String {
    match (r.budget_per_unit, r.budget_total) {
        (Some(p), _) => out.t(&Reply::RqBudgetPerUnit {
            amount: rupiah(p),
            unit: r.unit.clone(),
        }),
        (None, Some(t)) => out.t(&Reply::RqBudgetTotal { amount: rupiah(t) }),
        _ => out.t(&Common::ValueNone),
    }
}

/// Request #id as the card one producer sees, with its buttons; `None`
/// when it was not sent to them or is no longer open.
pub async fn card(
    to: &Out,
    request_id: i64,
    producer_user_id: i64,
) -> anyhow::Result<Option<(String, InlineKeyboardMarkup)>> {
    let Ok((r, recipient)) =
        store::requests::for_producer(&to.pool, producer_user_id, request_id).await
    else {
        return Ok(None);
    };
    if r.status != RequestStatus::Open {
        return Ok(None);
    }
    let text = to.t(&Reply::RqCard {
        id: r.id,
        office: r.office_name.clone(),
        item: r.item.clone(),
        quantity: count(r.quantity),
        unit: r.unit.clone(),
        part: recipient.part_quantity.map(count),
        date: date_text(to.lang, r.delivery_date),
        place: region_name(r.regency_code.as_str(), r.district_code.as_deref()),
        budget: budget_text(to, &r),
        halal: r.halal,
        deadline: deadline_text(to, &r),
    });
    let markup = InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback(to.t(&Reply::BtnQuote), Cb::QuoteRequest(r.id).encode()),
        InlineKeyboardButton::callback(to.t(&Reply::BtnDecline), Cb::DeclineRequest(r.id).encode()),
    ]]);
    Ok(Some((text, markup)))
}

/// Shows request #id to the producer who asked for it (/permintaan).
pub async fn send_card(out: &Out, request_id: i64, producer_user_id: i64) -> anyhow::Result<bool> {
    match card(out, request_id, producer_user_id).await? {
        Some((text, markup)) => Ok(out.send_text(text, Some(markup.into())).await?.is_some()),
        None => Ok(false),
    }
}

fn refused(out: &Out, e: &RequestError) -> Option<String> {
    Some(match e {
        RequestError::Closed => out.t(&Reply::QtClosed),
        RequestError::DeadlinePassed => out.t(&Reply::QtDeadlinePassed),
        _ => out.t(&Common::Stale),
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
            if r.status != RequestStatus::Open {
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
                return Ok(Some(out.t(&Common::Stale)));
            };
            let (r, recipient) =
                match store::requests::for_producer(&out.pool, caller.0.id, request).await {
                    Ok(found) => found,
                    Err(e) => return Ok(refused(out, &e)),
                };
            let all = recipient.part_quantity.unwrap_or(r.quantity).max(1) as u32;
            crate::telegram::shared::flow::clear_buttons(out, message).await;
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
        Cb::Flow(Flow::Skip) => match state {
            State::Quoting {
                request,
                step: QuoteStep::Note,
                price: Some(price),
                quantity: Some(quantity),
            } => {
                crate::telegram::shared::flow::clear_buttons(out, message).await;
                finish_quote(out, dialogue, caller, request, price, quantity, None).await?;
                Ok(None)
            }
            State::Declining { request } => {
                crate::telegram::shared::flow::clear_buttons(out, message).await;
                finish_decline(out, dialogue, caller, request, None).await?;
                Ok(None)
            }
            _ => Ok(Some(out.t(&Common::Stale))),
        },
        _ => Ok(Some(out.t(&Common::Stale))),
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
        out.say(Common::TextExpected).await?;
        return Ok(());
    };
    let (r, recipient) = match store::requests::for_producer(&out.pool, caller.0.id, request).await
    {
        Ok(found) => found,
        Err(_) => {
            dialogue.exit().await?;
            out.say(Common::Stale).await?;
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
                out.say(Common::ErrPrice).await?;
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
                out.say(Common::Field(e)).await?;
            }
        },
        (QuoteStep::Note, Some(p), Some(q)) => {
            let note = crate::domain::registration::clean_text(text);
            let note: String = note.chars().take(300).collect();
            finish_quote(&out, &dialogue, &caller, request, p, q, Some(note)).await?;
        }
        _ => {
            dialogue.exit().await?;
            out.say(Common::Stale).await?;
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
    // The staff who asked hear of it through the outbox.
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
    if let Err(e) = store::requests::decline(
        &out.pool,
        caller.0.id,
        request,
        reason.as_deref(),
        out.clock.now(),
    )
    .await
    {
        if let Some(text) = refused(out, &e) {
            out.send_text(text, None).await?;
        }
        return Ok(());
    }
    out.say(Reply::QtDeclined { id: request }).await?;
    Ok(())
}

/// /permintaan: staff see their office's requests; producers what waits for them.
pub async fn list(out: &Out, caller: &Caller) -> HandlerResult {
    if super::request::is_staff(caller) {
        let rows = match store::requests::of_office(&out.pool, caller.0.id, 10).await {
            Ok(rows) => rows,
            Err(_) => return out.say(Common::StaffOnly).await.map(|_| ()),
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
                status: out.t(&Reply::RqStatus(r.status)),
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
            out.say(Common::ProducerOnly).await?;
        }
    }
    Ok(())
}
