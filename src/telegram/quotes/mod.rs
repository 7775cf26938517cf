//! Producers answer requests: a quote (price, quantity, note) that can be
//! revised until the deadline, or a decline with an optional reason
//! (PRODUCT.md §3.3). The request card each producer gets is built here.

pub mod buttons;
pub mod keyboards;
pub mod replies;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use crate::domain::Rupiah;
use crate::domain::request::Budget;
use crate::domain::request_status::RequestStatus;
use crate::store;
use crate::store::requests::{QuoteOutcome, Recipient, Request, RequestError};
use crate::telegram::out::Out;
use crate::telegram::requests::budget_text;
use crate::telegram::requests::keyboards::skip;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons, optional_answer};
use crate::telegram::shared::format::{
    count, date_text, datetime_text, region_name, rupiah, zone_of,
};
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::{QuoteStep, State};

use buttons::Button;
use replies::{QuoteView, Reply};

/// "Kirim penawaran" / "Tolak" / "Semua" in any state, and "Lewati" for the
/// note of a quote or the reason of a decline.
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .branch(press::button(on_button))
        .branch(press::flow(
            |f, s| *f == Flow::Skip && matches!(s, State::Quoting { .. } | State::Declining { .. }),
            on_skip,
        ))
}

/// After a restart, /start or /daftar: the buttons of the last question
/// still work.
pub async fn resume(out: &Out, state: &State) -> HandlerResult {
    match state {
        State::Quoting { .. } | State::Declining { .. } => {
            out.say(Common::UseButtons).await.map(|_| ())
        }
        _ => Ok(()),
    }
}

/// When quotes for request `r` close, in the zone of its delivery place.
pub fn deadline_text(out: &Out, r: &Request) -> String {
    let zone = zone_of(Some(r.regency_code.as_str()), out.settings.default_zone);
    datetime_text(out.lang, r.quote_deadline, zone)
}

/// A stored budget (amounts the request flow checked when it was written).
fn budget_of(r: &Request) -> Option<Budget> {
    let amount = |v: i64| u64::try_from(v).ok().and_then(|v| Rupiah::new(v).ok());
    match (r.budget_per_unit, r.budget_total) {
        (Some(p), _) => amount(p).map(Budget::PerUnit),
        (None, Some(t)) => amount(t).map(Budget::Total),
        (None, None) => None,
    }
}

/// The request and this producer's part of it; `None` when it was not sent
/// to them (a database failure is an error).
async fn mine(
    out: &Out,
    caller_id: i64,
    request: i64,
) -> anyhow::Result<Result<(Request, Recipient), RequestError>> {
    match store::requests::for_producer(&out.pool, caller_id, request).await {
        Err(RequestError::Db(e)) => Err(e.into()),
        found => Ok(found),
    }
}

/// Request #id as the card one producer sees, with its buttons; `None`
/// when it was not sent to them or is no longer open.
pub async fn card(
    to: &Out,
    request_id: i64,
    producer_user_id: i64,
) -> anyhow::Result<Option<(String, InlineKeyboardMarkup)>> {
    let Ok((r, recipient)) = mine(to, producer_user_id, request_id).await? else {
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
        budget: budget_text(to, budget_of(&r), &r.unit),
        halal: r.halal,
        deadline: deadline_text(to, &r),
    });
    Ok(Some((text, keyboards::card(to, r.id))))
}

/// Shows request #id to the producer who asked for it (/permintaan).
pub async fn send_card(out: &Out, request_id: i64, producer_user_id: i64) -> anyhow::Result<bool> {
    match card(out, request_id, producer_user_id).await? {
        Some((text, markup)) => Ok(out.send_text(text, Some(markup.into())).await?.is_some()),
        None => Ok(false),
    }
}

/// What a producer is told when the store refuses a quote or a decline; a
/// database failure is an error.
fn refusal(out: &Out, e: RequestError) -> anyhow::Result<String> {
    Ok(match e {
        RequestError::Closed => out.t(&Reply::QtClosed),
        RequestError::DeadlinePassed => out.t(&Reply::QtDeadlinePassed),
        RequestError::Db(e) => return Err(e.into()),
        _ => out.t(&Common::Stale),
    })
}

/// "Kirim penawaran" / "Tolak" on a request card, and "Semua" while
/// quoting.
async fn on_button(p: Press, b: Button) -> Refusal {
    let (out, dialogue, caller) = (&p.out, &p.dialogue, &p.caller);
    match b {
        Button::QuoteRequest(id) | Button::DeclineRequest(id) => {
            let (r, _) = match mine(out, caller.0.id, id).await? {
                Ok(found) => found,
                Err(e) => return refusal(out, e).map(Some),
            };
            if r.status != RequestStatus::Open {
                return Ok(Some(out.t(&Reply::QtClosed)));
            }
            if out.clock.now() > r.quote_deadline {
                return Ok(Some(out.t(&Reply::QtDeadlinePassed)));
            }
            if matches!(b, Button::QuoteRequest(_)) {
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
                out.say_with(Reply::QtAskDeclineReason, skip(out)).await?;
            }
            Ok(None)
        }
        Button::QuoteAll => {
            let State::Quoting {
                request,
                step: QuoteStep::Quantity,
                price,
                ..
            } = p.state
            else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            let (r, recipient) = match mine(out, caller.0.id, request).await? {
                Ok(found) => found,
                Err(e) => return refusal(out, e).map(Some),
            };
            let all = recipient.part_quantity.unwrap_or(r.quantity).max(1) as u32;
            clear_buttons(out, p.message()).await;
            dialogue
                .update(State::Quoting {
                    request,
                    step: QuoteStep::Note,
                    price,
                    quantity: Some(all),
                })
                .await?;
            out.say_with(Reply::QtAskNote, skip(out)).await?;
            Ok(None)
        }
    }
}

/// "Lewati" for the note of a quote or the reason of a decline.
async fn on_skip(p: Press, _skip: Flow) -> Refusal {
    let (out, dialogue, caller) = (&p.out, &p.dialogue, &p.caller);
    match p.state {
        State::Quoting {
            request,
            step: QuoteStep::Note,
            price: Some(price),
            quantity: Some(quantity),
        } => {
            clear_buttons(out, p.message()).await;
            finish_quote(out, dialogue, caller, request, price, quantity, None).await?;
            Ok(None)
        }
        State::Declining { request } => {
            clear_buttons(out, p.message()).await;
            finish_decline(out, dialogue, caller, request, None).await?;
            Ok(None)
        }
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
    let Ok((r, recipient)) = mine(&out, caller.0.id, request).await? else {
        dialogue.exit().await?;
        out.say(Common::Stale).await?;
        return Ok(());
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
                out.say_with(
                    Reply::QtAskQuantity {
                        unit: r.unit.clone(),
                        quantity: count(all),
                    },
                    keyboards::all(&out, all),
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
                out.say_with(Reply::QtAskNote, skip(&out)).await?;
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

/// The quote as shown: price each, how many, the total.
pub fn quote_view(request: i64, price: i64, quantity: i64) -> QuoteView {
    QuoteView {
        id: request,
        price: rupiah(price),
        quantity: count(quantity),
        total: rupiah(price * quantity),
    }
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
            out.send_text(refusal(out, e)?, None).await?;
            return Ok(());
        }
    };
    out.say(Reply::QtSent {
        quote: quote_view(request, price as i64, i64::from(quantity)),
        revised: outcome == QuoteOutcome::Revised,
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
    let reason = optional_answer(&msg, 300);
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
        out.send_text(refusal(out, e)?, None).await?;
        return Ok(());
    }
    out.say(Reply::QtDeclined { id: request }).await?;
    Ok(())
}
