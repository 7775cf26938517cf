//! Planned events (/acara, PRODUCT.md §3.6): staff put an event in weeks
//! ahead; matching producers get a heads-up and may answer "Saya siap";
//! staff are nudged on the last safe day, and the nudge's button starts
//! /minta prefilled from the event.

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use chrono::Duration;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::event::{self as plan, EventStatus, Standing};
use crate::domain::money::group_thousands;
use crate::domain::request as reader;
use crate::domain::search::{fts_expression, read_query};
use crate::domain::{RegionCode, Regions};
use crate::store;
use crate::store::events::{Event, EventError, NewEvent, ReadyOutcome};
use crate::store::requests::CandidateRow;

use super::super::callback::Cb;
use super::super::out::Out;
use super::super::replies::{Reply, date_text, datetime_text, region_name, zone_of};
use super::super::state::{EventDraft, EventField, RequestDraft, State};
use super::request::is_staff;
use super::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::clear_buttons;
use crate::telegram::shared::place::{PlaceAnswer, read_place};

/// At most this many producers get the heads-up of one event.
pub const MAX_HEADS_UP: usize = 30;
/// The longest event name kept.
const MAX_NAME: usize = 100;

/// `/acara <text>` plans an event; `/acara` alone lists the office's events
/// (or asks for a new one when there are none).
pub async fn start(out: &Out, dialogue: &Dlg, caller: &Caller, text: &str) -> HandlerResult {
    if !is_staff(caller) {
        out.say(Reply::EvStaffOnly).await?;
        return Ok(());
    }
    let mut draft = EventDraft::default();
    if let Ok(Some(store::accounts::Profile::Staff(s))) =
        store::accounts::profile(&out.pool, caller.0.id).await
    {
        draft.regency = Some(s.regency.as_str().to_string());
    }
    if text.trim().is_empty() {
        let today = out.today_in(draft.regency.as_deref());
        let events = match store::events::of_office(&out.pool, caller.0.id, today, 10).await {
            Ok(events) => events,
            Err(EventError::NotAllowed) => {
                out.say(Reply::EvStaffOnly).await?;
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
        if !events.is_empty() {
            return list(out, &events).await;
        }
    } else {
        read_into(out, text, &mut draft).await?;
    }
    ask_next(out, dialogue, draft).await
}

/// Reads "rakor triwulan, 300 snack box, 26 Maret, Samarinda": a first
/// part with no quantity, date or place is the name; the rest is read as a
/// request would be.
async fn read_into(out: &Out, text: &str, draft: &mut EventDraft) -> HandlerResult {
    let text: String = text.chars().take(500).collect::<String>().replace('±', " ");
    let today = out.today_in(draft.regency.as_deref());
    let regions = Regions::embedded();
    let mut rest = text.as_str();
    if let Some((first, after)) = text.split_once(',') {
        let head = reader::read_request(first, today, regions);
        if head.quantity.is_none()
            && head.date.is_none()
            && head.place.is_none()
            && head.problems.is_empty()
            && !first.trim().is_empty()
        {
            draft.name = Some(first.trim().chars().take(MAX_NAME).collect());
            rest = after;
        }
    }
    let reading = reader::read_request(rest, today, regions);
    take_need(draft, &reading);
    if draft.name.is_none() {
        draft.name = reading.purpose.clone();
    }
    if let Some(p) = &reading.place {
        draft.regency = Some(p.regency.as_str().to_string());
    }
    draft.date = reading.date.or(draft.date);
    for problem in &reading.problems {
        if let Some(reply) = super::request::problem_reply(out, problem) {
            out.say(reply).await?;
        }
    }
    Ok(())
}

/// Quantity, unit, item and category from a reading, when both the
/// quantity and the item are there.
fn take_need(draft: &mut EventDraft, reading: &reader::RequestReading) -> bool {
    let (Some(q), Some(item)) = (&reading.quantity, &reading.item) else {
        return false;
    };
    draft.quantity = Some(q.count);
    draft.unit = q.unit.as_ref().map(|u| u.name().to_string());
    draft.item = Some(item.clone());
    draft.category = reading.category.or_else(|| {
        read_query(item, Regions::embedded())
            .categories
            .first()
            .copied()
    });
    true
}

fn first_missing(d: &EventDraft) -> Option<EventField> {
    if d.name.is_none() {
        Some(EventField::Name)
    } else if d.item.is_none() || d.quantity.is_none() {
        Some(EventField::Need)
    } else if d.date.is_none() {
        Some(EventField::Date)
    } else if d.regency.is_none() {
        Some(EventField::Place)
    } else {
        None
    }
}

async fn ask_next(out: &Out, dialogue: &Dlg, draft: EventDraft) -> HandlerResult {
    let asking = first_missing(&draft);
    dialogue
        .update(State::Event {
            draft: draft.clone(),
            asking,
        })
        .await?;
    match asking {
        Some(field) => ask(out, field).await,
        None => summary(out, &draft).await,
    }
}

pub async fn ask(out: &Out, field: EventField) -> HandlerResult {
    let reply = match field {
        EventField::Name => Reply::EvAskName,
        EventField::Need => Reply::EvAskNeed,
        EventField::Date => Reply::EvAskDate,
        EventField::Place => crate::telegram::requests::replies::Reply::RqAskPlace.into(),
    };
    out.say(reply).await?;
    Ok(())
}

/// A typed answer while planning an event.
pub async fn event_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    (mut draft, asking): (EventDraft, Option<EventField>),
) -> HandlerResult {
    if !is_staff(&caller) {
        dialogue.exit().await?;
        out.say(Reply::EvStaffOnly).await?;
        return Ok(());
    }
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return match asking {
            Some(f) => ask(&out, f).await,
            None => summary(&out, &draft).await,
        };
    };
    let Some(field) = asking else {
        out.say(Common::UseButtons).await?;
        return summary(&out, &draft).await;
    };
    let answer: Result<(), Reply> = match field {
        EventField::Name => {
            let name = text.trim();
            if name.is_empty() {
                Err(Reply::EvAskName)
            } else if name.chars().count() > MAX_NAME {
                Err(Reply::EvNameTooLong)
            } else {
                draft.name = Some(name.to_string());
                Ok(())
            }
        }
        EventField::Need => {
            let today = out.today_in(draft.regency.as_deref());
            let reading = reader::read_request(&text.replace('±', " "), today, Regions::embedded());
            if take_need(&mut draft, &reading) {
                if draft.date.is_none() {
                    draft.date = reading.date;
                }
                Ok(())
            } else if reading
                .problems
                .iter()
                .any(|p| matches!(p, reader::Problem::ZeroQuantity))
            {
                Err(crate::telegram::requests::replies::Reply::RqZeroQuantity.into())
            } else {
                Err(Reply::EvNeedUnclear)
            }
        }
        EventField::Date => {
            super::request::read_date(&out, text, draft.regency.as_deref()).map(|d| {
                draft.date = Some(d);
            })
        }
        EventField::Place => match read_place(&out, text).await? {
            PlaceAnswer::Place(p) => {
                draft.regency = Some(p.regency.as_str().to_string());
                Ok(())
            }
            PlaceAnswer::Answered => return Ok(()),
        },
    };
    match answer {
        Ok(()) => ask_next(&out, &dialogue, draft).await,
        Err(reply) => {
            out.say(reply).await?;
            ask(&out, field).await
        }
    }
}

/// The producers who would get the heads-up: those the request flow would
/// consider (verified, reachable, in the province, making the category or
/// the item), nearest and best-matching first, at most [`MAX_HEADS_UP`].
async fn matching(out: &Out, d: &EventDraft) -> anyhow::Result<Vec<CandidateRow>> {
    let (Some(item), Some(regency)) = (&d.item, &d.regency) else {
        return Ok(Vec::new());
    };
    let terms = read_query(item, Regions::embedded()).terms;
    let fts = fts_expression(&terms);
    let mut rows = store::requests::candidates(
        &out.pool,
        &RegionCode::parse(regency)?,
        d.category,
        fts.as_deref(),
        false,
        out.clock.now() - Duration::days(30),
    )
    .await?;
    rows.sort_by_key(|r| (!r.same_regency, !r.matches_item, r.id));
    rows.truncate(MAX_HEADS_UP);
    Ok(rows)
}

fn nudge_of(out: &Out, d: &EventDraft, rows: &[CandidateRow]) -> Option<plan::Nudge> {
    let date = d.date?;
    let leads: Vec<u32> = rows.iter().map(|r| r.min_lead_days.max(0) as u32).collect();
    let zone = zone_of(d.regency.as_deref(), out.settings.default_zone);
    Some(plan::nudge(date, &leads, zone, out.clock.now()))
}

/// "300 snack box", "300 kotak nasi kuning": the unit is left out when the
/// item already names it.
pub fn need_text(quantity: i64, unit: &str, item: &str) -> String {
    let count = group_thousands(quantity.max(0) as u64);
    let unit_in_item = item
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case(unit));
    if unit_in_item || unit.is_empty() {
        format!("{count} {item}")
    } else {
        format!("{count} {unit} {item}")
    }
}

fn unit_of(d: &EventDraft) -> String {
    d.unit.clone().unwrap_or_else(|| "pcs".into())
}

async fn summary(out: &Out, d: &EventDraft) -> HandlerResult {
    let rows = matching(out, d).await?;
    let (Some(nudge), Some(date)) = (nudge_of(out, d, &rows), d.date) else {
        return Ok(());
    };
    let mut text = out.t(&Reply::EvSummary {
        name: d.name.clone().unwrap_or_default(),
        need: need_text(
            i64::from(d.quantity.unwrap_or_default()),
            &unit_of(d),
            d.item.as_deref().unwrap_or_default(),
        ),
        date: date_text(out.lang, date),
        place: region_name(d.regency.as_deref().unwrap_or_default(), None),
        count: rows.len(),
    });
    let last = date_text(out.lang, nudge.last_safe_day);
    let when = match nudge.standing {
        Standing::Ahead => Reply::EvLastDayAhead { last },
        Standing::Today => Reply::EvLastDayToday,
        Standing::Past => Reply::EvLastDayPast { last },
    };
    text.push_str("\n\n");
    text.push_str(&out.t(&when));
    let buttons = InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback(out.t(&Reply::BtnSave), Cb::Flow(Flow::Submit).encode()),
        InlineKeyboardButton::callback(
            out.t(&Common::BtnCancel),
            Cb::Flow(Flow::CancelFlow).encode(),
        ),
    ]]);
    out.send_text(text, Some(buttons.into())).await?;
    Ok(())
}

/// "Simpan": stores the event with its heads-ups and the nudge.
async fn save(out: &Out, dialogue: &Dlg, caller: &Caller, d: EventDraft) -> anyhow::Result<()> {
    let rows = matching(out, &d).await?;
    let nudge = nudge_of(out, &d, &rows);
    let (Some(nudge), Some(name), Some(item), Some(quantity), Some(date), Some(regency)) = (
        nudge,
        d.name.clone(),
        d.item.clone(),
        d.quantity,
        d.date,
        d.regency.clone(),
    ) else {
        return ask_next(out, dialogue, d).await;
    };
    if RegionCode::parse(&regency).is_err() {
        return ask_next(out, dialogue, EventDraft { regency: None, ..d }).await;
    }
    let new = NewEvent {
        name,
        event_date: date,
        regency: RegionCode::parse(&regency)?,
        category: d.category,
        item,
        quantity,
        unit: unit_of(&d),
        last_safe_day: nudge.last_safe_day,
        nudge_at: nudge.at,
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let (_, told) =
        match store::events::create(&out.pool, caller.0.id, &new, &ids, out.clock.now()).await {
            Ok(done) => done,
            Err(EventError::NotAllowed) => {
                dialogue.exit().await?;
                out.say(Reply::EvStaffOnly).await?;
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
    dialogue.exit().await?;
    let reply = match nudge.standing {
        Standing::Ahead => Reply::EvSaved {
            count: told,
            nudge: datetime_text(
                out.lang,
                nudge.at,
                zone_of(Some(&regency), out.settings.default_zone),
            ),
        },
        Standing::Today | Standing::Past => Reply::EvSavedNow { count: told },
    };
    out.say(reply).await?;
    Ok(())
}

/// The office's upcoming events, with who is ready and a button each.
async fn list(out: &Out, events: &[Event]) -> HandlerResult {
    let mut parts = vec![out.t(&Reply::EvListHeader)];
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    for e in events {
        let names = store::events::ready_names(&out.pool, e.id).await?;
        let told = store::events::told_count(&out.pool, e.id).await?;
        let mut text = out.t(&Reply::EvListItem {
            name: e.name.clone(),
            date: date_text(out.lang, e.event_date),
            need: need_text(e.quantity, &e.unit, &e.item),
            place: region_name(e.regency_code.as_str(), None),
            last: date_text(out.lang, e.last_safe_day),
            told,
            ready: names.len(),
            names: if names.is_empty() {
                "-".into()
            } else {
                names.join(", ")
            },
        });
        match e.request_id {
            Some(id) => {
                text.push('\n');
                text.push_str(&out.t(&Reply::EvListRequested { id }));
            }
            None if e.planned() => rows.push(vec![InlineKeyboardButton::callback(
                out.t(&Reply::BtnRequestFor {
                    name: e.name.clone(),
                }),
                Cb::EventRequest(e.id).encode(),
            )]),
            None => {}
        }
        parts.push(text);
    }
    rows.push(vec![InlineKeyboardButton::callback(
        out.t(&Reply::BtnNewEvent),
        Cb::EventNew.encode(),
    )]);
    out.send_text(
        parts.join("\n\n"),
        Some(InlineKeyboardMarkup::new(rows).into()),
    )
    .await?;
    Ok(())
}

/// Buttons of the event flow, the heads-up and the nudge.
pub async fn on_button(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    message: Option<&Message>,
    state: State,
    cb: Cb,
) -> anyhow::Result<Option<String>> {
    match (cb, state) {
        (Cb::Flow(Flow::Submit), State::Event { draft, .. }) => {
            clear_buttons(out, message).await;
            save(out, dialogue, caller, draft).await?;
            Ok(None)
        }
        (Cb::Flow(Flow::Region { regency, district }), State::Event { mut draft, .. }) => {
            let Some(place) =
                crate::telegram::shared::place::place_from_button(&regency, district.as_deref())
            else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            clear_buttons(out, message).await;
            draft.regency = Some(place.regency.as_str().to_string());
            ask_next(out, dialogue, draft).await?;
            Ok(None)
        }
        (Cb::EventNew, _) => {
            if !is_staff(caller) {
                return Ok(Some(out.t(&Reply::EvStaffOnly)));
            }
            clear_buttons(out, message).await;
            let mut draft = EventDraft::default();
            if let Ok(Some(store::accounts::Profile::Staff(s))) =
                store::accounts::profile(&out.pool, caller.0.id).await
            {
                draft.regency = Some(s.regency.as_str().to_string());
            }
            ask_next(out, dialogue, draft).await?;
            Ok(None)
        }
        (Cb::EventReady(id), _) => {
            match store::events::ready(&out.pool, caller.0.id, id, out.clock.now()).await {
                Ok((event, ReadyOutcome::New)) => {
                    clear_buttons(out, message).await;
                    out.say(Reply::EvReadyNoted { name: event.name }).await?;
                    Ok(None)
                }
                Ok((_, ReadyOutcome::Already)) => Ok(Some(out.t(&Reply::EvReadyAlready))),
                Err(EventError::NotAllowed) => Ok(Some(out.t(&Common::NotAllowed))),
                Err(EventError::Closed) => Ok(Some(out.t(&Common::Stale))),
                Err(e) => Err(e.into()),
            }
        }
        (Cb::EventRequest(id), _) => {
            let event = match store::events::for_staff(&out.pool, caller.0.id, id).await {
                Ok(e) => e,
                Err(EventError::NotAllowed) => return Ok(Some(out.t(&Common::NotAllowed))),
                Err(EventError::Closed) => return Ok(Some(out.t(&Common::Stale))),
                Err(e) => return Err(e.into()),
            };
            if !event.planned() {
                return Ok(Some(out.t(&Reply::EvAlreadyRequested)));
            }
            let draft = request_draft(&event);
            super::request::ask_next(out, dialogue, caller, draft).await?;
            Ok(None)
        }
        _ => Ok(Some(out.t(&Common::Stale))),
    }
}

/// The quote request an event asks for, prefilled.
pub fn request_draft(e: &Event) -> RequestDraft {
    RequestDraft {
        item: Some(e.item.clone()),
        category: e.category,
        quantity: u32::try_from(e.quantity).ok(),
        unit: Some(e.unit.clone()),
        date: Some(e.event_date),
        regency: Some(e.regency_code.clone()),
        purpose: Some(e.name.clone()),
        event: Some(e.id),
        ..Default::default()
    }
}

/// The heads-up to a producer, or `None` once it no longer matters.
pub async fn heads_up(
    to: &Out,
    event_id: i64,
) -> anyhow::Result<Option<(String, InlineKeyboardMarkup)>> {
    let Some(e) = store::events::get(&to.pool, event_id).await? else {
        return Ok(None);
    };
    if e.status == EventStatus::Cancelled
        || e.event_date < to.today_in(Some(e.regency_code.as_str()))
    {
        return Ok(None);
    }
    let text = to.t(&Reply::EvHeadsUp {
        office: e.office_name.clone(),
        name: e.name.clone(),
        need: need_text(e.quantity, &e.unit, &e.item),
        place: region_name(e.regency_code.as_str(), None),
        date: date_text(to.lang, e.event_date),
    });
    let markup = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback(
        to.t(&Reply::BtnReady),
        Cb::EventReady(e.id).encode(),
    )]]);
    Ok(Some((text, markup)))
}

/// The last-safe-day nudge to the staff, or `None` when a request was
/// already made from the event or it was cancelled.
pub async fn nudge(
    to: &Out,
    event_id: i64,
) -> anyhow::Result<Option<(String, InlineKeyboardMarkup)>> {
    let Some(e) = store::events::get(&to.pool, event_id).await? else {
        return Ok(None);
    };
    if !e.planned() || e.event_date < to.today_in(Some(e.regency_code.as_str())) {
        return Ok(None);
    }
    let ready = store::events::ready_names(&to.pool, e.id).await?.len();
    let text = to.t(&Reply::EvNudge {
        name: e.name.clone(),
        date: date_text(to.lang, e.event_date),
        need: need_text(e.quantity, &e.unit, &e.item),
        place: region_name(e.regency_code.as_str(), None),
        ready,
    });
    let markup = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback(
        to.t(&Reply::BtnMakeRequest),
        Cb::EventRequest(e.id).encode(),
    )]]);
    Ok(Some((text, markup)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_need_names_the_unit_once() {
        assert_eq!(need_text(300, "box", "snack box"), "300 snack box");
        assert_eq!(
            need_text(1500, "kotak", "nasi kuning"),
            "1.500 kotak nasi kuning"
        );
        assert_eq!(need_text(20, "", "banner"), "20 banner");
    }
}
