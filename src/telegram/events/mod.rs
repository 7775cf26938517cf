//! The events room: planned events (/acara, PRODUCT.md §3.6). Staff put an
//! event in weeks ahead; matching producers get a heads-up and may answer
//! "Saya siap"; staff are nudged on the last safe day, and the nudge's
//! button starts the quote request prefilled from the event.

pub mod buttons;
pub mod keyboards;
pub mod replies;

use chrono::{Duration, NaiveDate};
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;
use teloxide::utils::command::BotCommands;

use crate::domain::event::{self as plan, EventStatus, Nudge, Standing};
use crate::domain::money::group_thousands;
use crate::domain::request as reader;
use crate::domain::search::{fts_expression, read_query};
use crate::domain::{RegionCode, Regions, Role};
use crate::store;
use crate::store::events::{Event, EventError, NewEvent, ReadyOutcome};
use crate::store::requests::CandidateRow;

use crate::telegram::out::Out;
use crate::telegram::requests;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons};
use crate::telegram::shared::format::{date_text, datetime_text, region_name, zone_of};
use crate::telegram::shared::place::{PlaceAnswer, place_from_button, read_place};
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::{EventDraft, EventField, RequestDraft, State};

use buttons::Button;
use replies::{EventView, Reply};

/// At most this many producers get the heads-up of one event.
pub const MAX_HEADS_UP: usize = 30;
/// The longest event name kept.
const MAX_NAME: usize = 100;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    /// Plan an event weeks ahead: producers get a heads-up.
    Acara(String),
}

/// `/acara [text]`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Acara(text)].endpoint(acara))
}

/// "Saya siap", "Buat permintaan", "Acara baru"; and Simpan or a region
/// suggestion while planning.
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .branch(press::button(on_button))
        .branch(press::flow(planning, on_flow))
}

/// Simpan and region suggestions belong to a plan under way; its Batal is
/// the general one.
fn planning(f: &Flow, s: &State) -> bool {
    matches!(s, State::Event { .. }) && matches!(f, Flow::Submit | Flow::Region { .. })
}

fn is_staff(caller: &Caller) -> bool {
    caller.is_approved(Role::Staff)
}

/// Today where the event takes place (or in the default zone).
fn today(out: &Out, d: &EventDraft) -> NaiveDate {
    out.today_in(d.regency.as_ref().map(RegionCode::as_str))
}

/// Asks the current question of an event again (after a restart, /start
/// or /daftar); at the summary, points to its buttons.
pub async fn resume(out: &Out, asking: Option<EventField>) -> HandlerResult {
    match asking {
        Some(field) => ask(out, field).await,
        None => out.say(Common::UseButtons).await.map(|_| ()),
    }
}

/// `/acara <text>` plans an event; `/acara` alone lists the office's events
/// (or asks for a new one when there are none).
async fn acara(out: Out, dialogue: Dlg, caller: Caller, text: String) -> HandlerResult {
    if !is_staff(&caller) {
        out.say(Reply::EvStaffOnly).await?;
        return Ok(());
    }
    let mut draft = new_draft(&out, &caller).await?;
    if text.trim().is_empty() {
        let today = today(&out, &draft);
        let events = match store::events::of_office(&out.pool, caller.0.id, today, 10).await {
            Ok(events) => events,
            Err(EventError::NotAllowed) => {
                out.say(Reply::EvStaffOnly).await?;
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
        if !events.is_empty() {
            return list(&out, &events).await;
        }
    } else {
        read_into(&out, &text, &mut draft).await?;
    }
    ask_next(&out, &dialogue, draft).await
}

/// A new event, in the region of the staff member's office.
async fn new_draft(out: &Out, caller: &Caller) -> anyhow::Result<EventDraft> {
    let regency = match store::accounts::profile(&out.pool, caller.0.id).await? {
        Some(store::accounts::Profile::Staff(s)) => Some(s.regency),
        _ => None,
    };
    Ok(EventDraft {
        regency,
        ..EventDraft::default()
    })
}

/// Reads "rakor triwulan, 300 snack box, 26 Maret, Samarinda": a first
/// part with no quantity, date or place is the name; the rest is read as a
/// request would be.
async fn read_into(out: &Out, text: &str, draft: &mut EventDraft) -> HandlerResult {
    let text: String = text.chars().take(500).collect::<String>().replace('±', " ");
    let today = today(out, draft);
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
        draft.regency = Some(p.regency.clone());
    }
    draft.date = reading.date.or(draft.date);
    for problem in &reading.problems {
        if let Some(reply) = requests::problem_reply(out, problem) {
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

/// A draft with every answer given.
struct Planned<'a> {
    name: &'a str,
    item: &'a str,
    quantity: u32,
    unit: String,
    date: NaiveDate,
    regency: &'a RegionCode,
}

impl<'a> Planned<'a> {
    fn of(d: &'a EventDraft) -> Option<Planned<'a>> {
        Some(Planned {
            name: d.name.as_deref()?,
            item: d.item.as_deref()?,
            quantity: d.quantity?,
            unit: d.unit.clone().unwrap_or_else(|| "pcs".into()),
            date: d.date?,
            regency: d.regency.as_ref()?,
        })
    }
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

/// Asks for what is still missing, or shows the summary.
async fn ask_next(out: &Out, dialogue: &Dlg, draft: EventDraft) -> HandlerResult {
    let asking = first_missing(&draft);
    dialogue
        .update(State::Event {
            draft: draft.clone(),
            asking,
        })
        .await?;
    match (asking, Planned::of(&draft)) {
        (Some(field), _) => ask(out, field).await,
        (None, Some(planned)) => summary(out, &planned, draft.category).await,
        (None, None) => Err(anyhow::anyhow!(
            "an event draft with nothing missing is incomplete"
        )),
    }
}

async fn ask(out: &Out, field: EventField) -> HandlerResult {
    let reply = match field {
        EventField::Name => Reply::EvAskName,
        EventField::Need => Reply::EvAskNeed,
        EventField::Date => Reply::EvAskDate,
        EventField::Place => Reply::EvAskPlace,
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
            None => ask_next(&out, &dialogue, draft).await,
        };
    };
    let Some(field) = asking else {
        out.say(Common::UseButtons).await?;
        return ask_next(&out, &dialogue, draft).await;
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
            let today = today(&out, &draft);
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
                Err(Reply::EvZeroQuantity)
            } else {
                Err(Reply::EvNeedUnclear)
            }
        }
        EventField::Date => {
            let regency = draft.regency.as_ref().map(RegionCode::as_str);
            match requests::read_date::<requests::replies::Reply>(&out, text, regency) {
                Ok(d) => {
                    draft.date = Some(d);
                    Ok(())
                }
                Err(reply) => {
                    out.say(reply).await?;
                    return ask(&out, field).await;
                }
            }
        }
        EventField::Place => match read_place(&out, text).await? {
            PlaceAnswer::Place(p) => {
                draft.regency = Some(p.regency);
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
async fn matching(
    out: &Out,
    p: &Planned<'_>,
    category: Option<crate::domain::Category>,
) -> anyhow::Result<Vec<CandidateRow>> {
    let terms = read_query(p.item, Regions::embedded()).terms;
    let fts = fts_expression(&terms);
    let mut rows = store::requests::candidates(
        &out.pool,
        p.regency,
        category,
        fts.as_deref(),
        false,
        out.clock.now() - Duration::days(30),
    )
    .await?;
    rows.sort_by_key(|r| (!r.same_regency, !r.matches_item, r.id));
    rows.truncate(MAX_HEADS_UP);
    Ok(rows)
}

/// When the staff are nudged: the last day the slowest of `rows` can
/// still make it.
fn nudge_of(out: &Out, p: &Planned<'_>, rows: &[CandidateRow]) -> Nudge {
    let leads: Vec<u32> = rows.iter().map(|r| r.min_lead_days.max(0) as u32).collect();
    plan::nudge(p.date, &leads, zone(out, p.regency), out.clock.now())
}

fn zone(out: &Out, regency: &RegionCode) -> chrono_tz::Tz {
    zone_of(Some(regency.as_str()), out.settings.default_zone)
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

async fn summary(
    out: &Out,
    p: &Planned<'_>,
    category: Option<crate::domain::Category>,
) -> HandlerResult {
    let rows = matching(out, p, category).await?;
    let nudge = nudge_of(out, p, &rows);
    let event = EventView {
        name: p.name.to_string(),
        need: need_text(i64::from(p.quantity), &p.unit, p.item),
        date: date_text(out.lang, p.date),
        place: region_name(p.regency.as_str(), None),
    };
    let mut text = out.t(&Reply::EvSummary {
        event,
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
    out.send_text(text, Some(keyboards::summary(out).into()))
        .await?;
    Ok(())
}

/// "Simpan": stores the event with its heads-ups and the nudge.
async fn save(out: &Out, dialogue: &Dlg, caller: &Caller, d: EventDraft) -> HandlerResult {
    let Some(p) = Planned::of(&d) else {
        return ask_next(out, dialogue, d).await;
    };
    let rows = matching(out, &p, d.category).await?;
    let nudge = nudge_of(out, &p, &rows);
    let new = NewEvent {
        name: p.name.to_string(),
        event_date: p.date,
        regency: p.regency.clone(),
        category: d.category,
        item: p.item.to_string(),
        quantity: p.quantity,
        unit: p.unit.clone(),
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
            nudge: datetime_text(out.lang, nudge.at, zone(out, p.regency)),
        },
        Standing::Today | Standing::Past => Reply::EvSavedNow { count: told },
    };
    out.say(reply).await?;
    Ok(())
}

/// A stored event as its messages name it.
fn view(out: &Out, e: &Event) -> EventView {
    EventView {
        name: e.name.clone(),
        need: need_text(e.quantity, &e.unit, &e.item),
        date: date_text(out.lang, e.event_date),
        place: region_name(e.regency_code.as_str(), None),
    }
}

/// The office's upcoming events, with who is ready and a button each.
async fn list(out: &Out, events: &[Event]) -> HandlerResult {
    let mut parts = vec![out.t(&Reply::EvListHeader)];
    let mut rows = Vec::new();
    for e in events {
        let names = store::events::ready_names(&out.pool, e.id).await?;
        let told = store::events::told_count(&out.pool, e.id).await?;
        let mut text = out.t(&Reply::EvListItem {
            event: view(out, e),
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
            None if e.planned() => rows.push(keyboards::request_for(out, e)),
            None => {}
        }
        parts.push(text);
    }
    rows.push(keyboards::new_event(out));
    out.send_text(
        parts.join("\n\n"),
        Some(InlineKeyboardMarkup::new(rows).into()),
    )
    .await?;
    Ok(())
}

/// "Acara baru", "Saya siap" and "Buat permintaan". Who may do what is
/// checked by the store against the database.
async fn on_button(p: Press, b: Button) -> Refusal {
    let (out, caller) = (&p.out, &p.caller);
    match b {
        Button::New => {
            if !is_staff(caller) {
                return p.refuse(&Reply::EvStaffOnly);
            }
            clear_buttons(out, p.message()).await;
            ask_next(out, &p.dialogue, new_draft(out, caller).await?).await?;
            Ok(None)
        }
        Button::Ready(id) => {
            match store::events::ready(&out.pool, caller.0.id, id, out.clock.now()).await {
                Ok((event, ReadyOutcome::New)) => {
                    clear_buttons(out, p.message()).await;
                    out.say(Reply::EvReadyNoted { name: event.name }).await?;
                    Ok(None)
                }
                Ok((_, ReadyOutcome::Already)) => p.refuse(&Reply::EvReadyAlready),
                Err(EventError::NotAllowed) => p.refuse(&Common::NotAllowed),
                Err(EventError::Closed) => p.refuse(&Common::Stale),
                Err(e) => Err(e.into()),
            }
        }
        Button::Request(id) => {
            let event = match store::events::for_staff(&out.pool, caller.0.id, id).await {
                Ok(e) => e,
                Err(EventError::NotAllowed) => return p.refuse(&Common::NotAllowed),
                Err(EventError::Closed) => return p.refuse(&Common::Stale),
                Err(e) => return Err(e.into()),
            };
            if !event.planned() {
                return p.refuse(&Reply::EvAlreadyRequested);
            }
            requests::ask_next(out, &p.dialogue, caller, request_draft(&event)).await?;
            Ok(None)
        }
    }
}

/// Simpan under the summary, or a region suggestion for the place.
async fn on_flow(p: Press, flow: Flow) -> Refusal {
    let State::Event { mut draft, .. } = p.state.clone() else {
        return p.refuse(&Common::Stale);
    };
    match flow {
        Flow::Submit => {
            clear_buttons(&p.out, p.message()).await;
            save(&p.out, &p.dialogue, &p.caller, draft).await?;
            Ok(None)
        }
        Flow::Region { regency, district } => {
            let Some(place) = place_from_button(&regency, district.as_deref()) else {
                return p.refuse(&Common::Stale);
            };
            clear_buttons(&p.out, p.message()).await;
            draft.regency = Some(place.regency);
            ask_next(&p.out, &p.dialogue, draft).await?;
            Ok(None)
        }
        _ => p.refuse(&Common::Stale),
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

/// Event `id` while its day is still to come (today counts) and `wanted`
/// holds.
async fn ahead(to: &Out, id: i64, wanted: fn(&Event) -> bool) -> anyhow::Result<Option<Event>> {
    let event = store::events::get(&to.pool, id).await?;
    Ok(event.filter(|e| wanted(e) && e.event_date >= to.today_in(Some(e.regency_code.as_str()))))
}

/// The heads-up to a producer, or `None` once it no longer matters.
pub async fn heads_up(
    to: &Out,
    event_id: i64,
) -> anyhow::Result<Option<(String, InlineKeyboardMarkup)>> {
    let Some(e) = ahead(to, event_id, |e| e.status != EventStatus::Cancelled).await? else {
        return Ok(None);
    };
    let text = to.t(&Reply::EvHeadsUp {
        event: view(to, &e),
        office: e.office_name.clone(),
    });
    Ok(Some((text, keyboards::ready(to, e.id))))
}

/// The last-safe-day nudge to the staff, or `None` when a request was
/// already made from the event or it was cancelled.
pub async fn nudge(
    to: &Out,
    event_id: i64,
) -> anyhow::Result<Option<(String, InlineKeyboardMarkup)>> {
    let Some(e) = ahead(to, event_id, Event::planned).await? else {
        return Ok(None);
    };
    let ready = store::events::ready_names(&to.pool, e.id).await?.len();
    let text = to.t(&Reply::EvNudge {
        event: view(to, &e),
        ready,
    });
    Ok(Some((text, keyboards::make_request(to, e.id))))
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

    #[test]
    fn acara_parses_with_and_without_text() {
        assert_eq!(
            Cmd::parse("/acara rakor, 300 snack box", "pesanlokal_bot").unwrap(),
            Cmd::Acara("rakor, 300 snack box".into())
        );
        assert_eq!(
            Cmd::parse("/acara", "pesanlokal_bot").unwrap(),
            Cmd::Acara(String::new())
        );
    }

    #[test]
    fn a_draft_is_planned_only_with_every_answer() {
        let mut d = EventDraft {
            name: Some("Rakor".into()),
            item: Some("snack box".into()),
            quantity: Some(300),
            date: NaiveDate::from_ymd_opt(2026, 3, 26),
            ..EventDraft::default()
        };
        assert!(Planned::of(&d).is_none());
        assert_eq!(first_missing(&d), Some(EventField::Place));
        d.regency = RegionCode::parse("64.72").ok();
        let planned = Planned::of(&d).expect("planned");
        assert_eq!(planned.unit, "pcs");
        assert_eq!(first_missing(&d), None);
    }
}
