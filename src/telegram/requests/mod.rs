//! Staff ask for quotes (/minta, or "Minta penawaran" on a search card):
//! the sentence is read, what is missing is asked one question at a time,
//! and the summary says what the producers can do before it is sent
//! (PRODUCT.md §3.3).

pub mod buttons;
pub mod keyboards;
pub mod replies;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};
use teloxide::utils::command::BotCommands;

use crate::domain::feasibility::{self, Candidate, Need, Verdict};
use crate::domain::money::group_thousands;
use crate::domain::request::{self as reader, Budget, Problem};
use crate::domain::search::{fts_expression, read_query};
use crate::domain::{AccountStatus, Place, RegionCode, Regions, Role};
use crate::store;
use crate::store::requests::{NewRequest, RequestError};
use crate::telegram::out::Out;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons};
use crate::telegram::shared::format::{date_text, datetime_text, region_name, rupiah, zone_of};
use crate::telegram::shared::place::{PlaceAnswer, place_from_button, read_place, regions};
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::{RequestDraft, RequestField, State};

use buttons::Button;
use replies::Reply;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    /// Ask producers for quotes.
    Minta(String),
}

/// `/minta [sentence]`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Minta(text)].endpoint(minta))
}

/// While writing a request: "use this date", and the shared Kirim / Ubah /
/// field / Lewati / region buttons ("Batal" is left to the legacy tree).
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .branch(press::button(on_button))
        .branch(press::flow(
            |f, s| *f != Flow::CancelFlow && matches!(s, State::Request { .. }),
            on_flow,
        ))
}

async fn minta(out: Out, dialogue: Dlg, caller: Caller, text: String) -> HandlerResult {
    start(&out, &dialogue, &caller, &text, None).await
}

/// Asks the current question of a request again (after a restart, /start
/// or /daftar); at the summary nothing is said.
pub async fn resume(out: &Out, state: &State) -> HandlerResult {
    match state {
        State::Request {
            asking: Some(field),
            ..
        } => ask(out, *field).await,
        _ => Ok(()),
    }
}

pub fn is_staff(caller: &Caller) -> bool {
    caller.0.role == Some(Role::Staff) && caller.0.status == AccountStatus::Approved
}

/// A typed date, read as the date of the place (`regency`) where it is
/// needed; a past or unreadable date is the reply to give instead.
// The error is the reply to send, built once and returned once.
#[allow(clippy::result_large_err)]
pub fn read_date<R: From<Reply>>(
    out: &Out,
    text: &str,
    regency: Option<&str>,
) -> Result<NaiveDate, R> {
    match crate::domain::when::parse_date(text, out.today_in(regency)) {
        Ok(d) => Ok(d),
        Err(crate::domain::when::DateError::Past { date }) => Err(Reply::RqPastDate {
            date: date_text(out.lang, date),
        }
        .into()),
        Err(_) => Err(Reply::from(Common::DateBad).into()),
    }
}

fn regency_of(d: &RequestDraft) -> Option<&str> {
    d.regency.as_ref().map(RegionCode::as_str)
}

/// `/minta <text>`, or the search card's "Minta penawaran" (`producer`).
pub async fn start(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    text: &str,
    producer: Option<i64>,
) -> HandlerResult {
    if !is_staff(caller) {
        out.say(Common::StaffOnly).await?;
        return Ok(());
    }
    let mut draft = RequestDraft {
        producer,
        raw: Some(text.chars().take(500).collect()),
        ..Default::default()
    };
    if !text.trim().is_empty() {
        let reading = reader::read_request(text, out.today_in(None), Regions::embedded());
        if reading.understood_nothing() {
            out.say(Reply::RqNotUnderstood).await?;
        }
        if let Some(q) = &reading.quantity {
            draft.quantity = Some(q.count);
            draft.unit = q.unit.as_ref().map(|u| u.name().to_string());
        }
        draft.item = reading.item.clone();
        draft.category = reading.category;
        draft.date = reading.date;
        draft.time = reading.time;
        if let Some(p) = &reading.place {
            draft.regency = Some(p.regency.clone());
            draft.district = p.district.clone();
        }
        draft.budget = reading.budget;
        draft.halal = reading.halal;
        draft.purpose = reading.purpose.clone();
        for problem in &reading.problems {
            if let Some(reply) = problem_reply(out, problem) {
                out.say(reply).await?;
            }
        }
        // A place name shared by several regions: ask which, with buttons.
        if let Some(places) = reading.problems.iter().find_map(|p| match p {
            Problem::PlaceAmbiguous(places) => Some(places.clone()),
            _ => None,
        }) {
            dialogue
                .update(State::Request {
                    draft,
                    asking: Some(RequestField::Place),
                })
                .await?;
            out.say_with(Common::RegionPick, regions(&places)).await?;
            return Ok(());
        }
    }
    if draft.category.is_none()
        && let Some(item) = &draft.item
    {
        draft.category = read_query(item, Regions::embedded())
            .categories
            .first()
            .copied();
    }
    if draft.regency.is_none() {
        // The office's own regency is the natural default for delivery.
        if let Some(store::accounts::Profile::Staff(s)) =
            store::accounts::profile(&out.pool, caller.0.id).await?
        {
            draft.regency = Some(s.regency);
        }
    }
    ask_next(out, dialogue, caller, draft).await
}

/// What to say of a problem in the text; the missing field is asked next.
pub fn problem_reply(out: &Out, problem: &Problem) -> Option<Reply> {
    Some(match problem {
        Problem::PastDate(d) => Reply::RqPastDate {
            date: date_text(out.lang, *d),
        },
        Problem::InvalidDate => Reply::RqInvalidDate,
        Problem::DateWeekdayMismatch => Reply::RqWeekdayClash,
        Problem::ZeroQuantity => Reply::RqZeroQuantity,
        Problem::QuantityTooLarge => Reply::RqQuantityTooLarge,
        Problem::BudgetUnclear(text) => Reply::RqBudgetUnclear { text: text.clone() },
        Problem::SeveralQuantities(_) | Problem::PlaceAmbiguous(_) => return None,
    })
}

fn first_missing(d: &RequestDraft) -> Option<RequestField> {
    if d.item.is_none() {
        Some(RequestField::Item)
    } else if d.quantity.is_none() {
        Some(RequestField::Quantity)
    } else if d.date.is_none() {
        Some(RequestField::Date)
    } else if d.regency.is_none() {
        Some(RequestField::Place)
    } else {
        None
    }
}

/// Asks for what is still missing, or shows the summary with the verdict.
pub async fn ask_next(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    draft: RequestDraft,
) -> HandlerResult {
    let asking = first_missing(&draft);
    dialogue
        .update(State::Request {
            draft: draft.clone(),
            asking,
        })
        .await?;
    match asking {
        Some(field) => ask(out, field).await,
        None => summary(out, caller, &draft).await,
    }
}

pub async fn ask(out: &Out, field: RequestField) -> HandlerResult {
    match field {
        RequestField::Item => out.say(Reply::RqAskItem).await?,
        RequestField::Quantity => out.say(Reply::RqAskQuantity).await?,
        RequestField::Date => out.say(Reply::RqAskDate).await?,
        RequestField::Place => out.say(Reply::RqAskPlace).await?,
        RequestField::Budget => {
            out.say_with(Reply::RqAskBudget, keyboards::skip(out))
                .await?
        }
    };
    Ok(())
}

/// A typed answer while writing a request.
pub async fn request_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    (mut draft, asking): (RequestDraft, Option<RequestField>),
) -> HandlerResult {
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return match asking {
            Some(f) => ask(&out, f).await,
            None => summary(&out, &caller, &draft).await,
        };
    };
    let Some(field) = asking else {
        out.say(Common::UseButtons).await?;
        return summary(&out, &caller, &draft).await;
    };
    let answer: Result<(), Reply> = match field {
        RequestField::Item => match crate::domain::registration::products(text) {
            Ok(items) => {
                let item = items.join(", ");
                draft.category = read_query(&item, Regions::embedded())
                    .categories
                    .first()
                    .copied()
                    .or(draft.category);
                draft.item = Some(item);
                Ok(())
            }
            Err(e) => Err(Common::Field(e).into()),
        },
        RequestField::Quantity => match reader::read_quantity(text) {
            Ok(q) => {
                draft.quantity = Some(q.count);
                if let Some(u) = q.unit {
                    draft.unit = Some(u.name().to_string());
                }
                Ok(())
            }
            Err(_) if crate::domain::number::looks_negative(text) => Err(Reply::RqZeroQuantity),
            Err(_) => {
                Err(Common::Field(crate::domain::registration::FieldError::NotANumber).into())
            }
        },
        RequestField::Date => read_date(&out, text, regency_of(&draft)).map(|d| {
            draft.date = Some(d);
        }),
        RequestField::Place => match read_place(&out, text).await? {
            PlaceAnswer::Place(p) => {
                set_place(&mut draft, p);
                Ok(())
            }
            PlaceAnswer::Answered => return Ok(()),
        },
        RequestField::Budget => match reader::read_budget(text) {
            Ok(budget) => {
                draft.budget = Some(budget);
                Ok(())
            }
            Err(_) => Err(Reply::RqBudgetUnclear {
                text: text.to_string(),
            }),
        },
    };
    match answer {
        Ok(()) => ask_next(&out, &dialogue, &caller, draft).await,
        Err(reply) => {
            out.say(reply).await?;
            ask(&out, field).await
        }
    }
}

fn set_place(draft: &mut RequestDraft, place: Place) {
    draft.regency = Some(place.regency);
    draft.district = place.district;
}

/// A draft with everything a request needs, and what the producers can
/// make of it.
pub struct Assessed<'a> {
    pub item: &'a str,
    pub regency: &'a RegionCode,
    pub verdict: Verdict,
    pub need: Need,
}

/// The candidates and the verdict for a complete draft; `None` while
/// something is missing.
pub async fn assess<'a>(
    out: &Out,
    draft: &'a RequestDraft,
) -> anyhow::Result<Option<Assessed<'a>>> {
    let (Some(item), Some(quantity), Some(date), Some(regency)) =
        (&draft.item, draft.quantity, draft.date, &draft.regency)
    else {
        return Ok(None);
    };
    let now = out.clock.now();
    let today = out.today_in(Some(regency.as_str()));
    let terms = read_query(item, Regions::embedded()).terms;
    let fts = fts_expression(&terms);
    let rows = store::requests::candidates(
        &out.pool,
        regency,
        draft.category,
        fts.as_deref(),
        draft.halal,
        now - Duration::days(30),
    )
    .await?;
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| draft.producer.is_none_or(|p| p == r.id))
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let leave = store::requests::leave_of(&out.pool, &ids, today).await?;
    let candidates: Vec<Candidate> = rows
        .iter()
        .map(|r| Candidate {
            id: r.id,
            daily_capacity: r.daily_capacity.max(0) as u32,
            min_lead_days: r.min_lead_days.max(0) as u32,
            min_order: r.min_order.max(1) as u32,
            leave: leave
                .iter()
                .filter(|(p, _, _)| *p == r.id)
                .map(|(_, s, e)| (*s, *e))
                .collect(),
            rating: (r.rating_count > 0).then(|| r.rating_sum as f64 / r.rating_count as f64),
            recent_requests: r.recent_requests.max(0) as u32,
            same_regency: r.same_regency,
            matches_item: r.matches_item,
        })
        .collect();
    let need = Need {
        quantity,
        delivery: date,
        today,
    };
    Ok(Some(Assessed {
        item,
        regency,
        verdict: feasibility::assess(&need, &candidates, out.settings.max_recipients),
        need,
    }))
}

fn unit_of(d: &RequestDraft) -> String {
    d.unit.clone().unwrap_or_else(|| "pcs".into())
}

/// When a delivery without a time is due: 08:00 local.
const MORNING: NaiveTime = match NaiveTime::from_hms_opt(8, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The delivery moment in UTC: the given time, else 08:00, local.
fn delivery_at(out: &Out, d: &RequestDraft, date: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    let time = d.time.unwrap_or(MORNING);
    let zone = zone_of(regency_of(d), out.settings.default_zone);
    zone.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|| out.clock.now())
}

fn deadline_text(out: &Out, d: &RequestDraft, at: chrono::DateTime<chrono::Utc>) -> String {
    datetime_text(
        out.lang,
        at,
        zone_of(regency_of(d), out.settings.default_zone),
    )
}

/// A budget as shown: per unit, in total, or "–".
pub fn budget_text(out: &Out, budget: Option<Budget>, unit: &str) -> String {
    match budget {
        Some(Budget::PerUnit(p)) => out.t(&Reply::RqBudgetPerUnit {
            amount: rupiah(p.amount() as i64),
            unit: unit.to_string(),
        }),
        Some(Budget::Total(t)) => out.t(&Reply::RqBudgetTotal {
            amount: rupiah(t.amount() as i64),
        }),
        None => out.t(&Common::ValueNone),
    }
}

/// "Amplang Bu Sari 150 + Kue Pak Budi 100" for a split verdict.
async fn split_names(out: &Out, parts: &[(i64, u32)]) -> anyhow::Result<String> {
    let ids: Vec<i64> = parts.iter().map(|(id, _)| *id).collect();
    let cards = store::directory::cards(&out.pool, &ids).await?;
    let names = parts
        .iter()
        .map(|(id, q)| {
            let name = cards
                .iter()
                .find(|c| c.id == *id)
                .map(|c| teloxide::utils::html::escape(&c.business_name))
                .unwrap_or_default();
            format!("{name} {}", group_thousands(u64::from(*q)))
        })
        .collect::<Vec<_>>();
    Ok(names.join(" + "))
}

/// The summary of a complete draft, what will happen, and the buttons.
pub async fn summary(out: &Out, _caller: &Caller, d: &RequestDraft) -> HandlerResult {
    let Some(Assessed {
        item,
        regency,
        verdict,
        need,
    }) = assess(out, d).await?
    else {
        return Ok(());
    };
    let unit = unit_of(d);
    let date_shown = date_text(out.lang, need.delivery);
    let mut text = out.t(&Reply::RqSummary {
        item: item.to_string(),
        quantity: group_thousands(u64::from(need.quantity)),
        unit: unit.clone(),
        date: date_shown.clone(),
        place: region_name(regency.as_str(), d.district.as_deref()),
        budget: budget_text(out, d.budget, &unit),
        halal: d.halal,
    });
    let deadline = deadline_text(
        out,
        d,
        crate::domain::deadline::quote_deadline(
            out.clock.now(),
            delivery_at(out, d, need.delivery),
        ),
    );
    let mut buttons: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    let verdict_text = match &verdict {
        Verdict::Alone(ids) => {
            buttons.push(keyboards::send_row(out));
            out.t(&Reply::RqVerdictAlone {
                count: ids.len(),
                deadline,
            })
        }
        Verdict::Split(parts) => {
            buttons.push(keyboards::send_row(out));
            out.t(&Reply::RqVerdictSplit {
                parts: split_names(out, parts).await?,
                deadline,
            })
        }
        Verdict::TooLate { earliest } => {
            buttons.push(keyboards::use_date_row(out, *earliest));
            buttons.push(keyboards::edit_row(out));
            out.t(&Reply::RqVerdictTooLate {
                date: date_shown.clone(),
                earliest: date_text(out.lang, *earliest),
            })
        }
        Verdict::TooBig { can_make, earliest } => {
            let mut t = out.t(&Reply::RqVerdictTooBig {
                can_make: group_thousands(u64::from(*can_make)),
                unit: unit.clone(),
                date: date_shown.clone(),
            });
            if let Some(e) = earliest {
                t.push(' ');
                t.push_str(&out.t(&Reply::RqVerdictTooBigLater {
                    earliest: date_text(out.lang, *e),
                }));
                buttons.push(keyboards::use_date_row(out, *e));
            }
            buttons.push(keyboards::edit_row(out));
            t
        }
        Verdict::TooSmall { min_order } => {
            buttons.push(keyboards::edit_row(out));
            out.t(&Reply::RqVerdictTooSmall { min: *min_order })
        }
        Verdict::NobodyMakesIt => {
            buttons.push(keyboards::edit_row(out));
            out.t(&Reply::RqVerdictNobody)
        }
    };
    text.push_str("\n\n");
    text.push_str(&verdict_text);
    buttons.push(keyboards::cancel_row(out));
    out.send_text(text, Some(InlineKeyboardMarkup::new(buttons).into()))
        .await?;
    Ok(())
}

/// "Kirim": stores the request and sends each producer its card.
pub async fn submit(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    d: RequestDraft,
) -> anyhow::Result<Option<String>> {
    let Some(Assessed {
        item,
        regency,
        verdict,
        need,
    }) = assess(out, &d).await?
    else {
        return Ok(Some(out.t(&Common::Stale)));
    };
    let (recipients, shared): (Vec<(i64, Option<u32>)>, bool) = match verdict {
        Verdict::Alone(ids) => (ids.into_iter().map(|id| (id, None)).collect(), false),
        Verdict::Split(parts) => (
            parts.into_iter().map(|(id, q)| (id, Some(q))).collect(),
            true,
        ),
        _ => {
            // Things changed since the summary: show it again.
            summary(out, caller, &d).await?;
            return Ok(None);
        }
    };
    let deadline = crate::domain::deadline::quote_deadline(
        out.clock.now(),
        delivery_at(out, &d, need.delivery),
    );
    let new = NewRequest {
        item: item.to_string(),
        category: d.category,
        quantity: need.quantity,
        unit: unit_of(&d),
        delivery_date: need.delivery,
        delivery_time: d.time,
        place: Place {
            regency: regency.clone(),
            district: d.district.clone(),
        },
        budget_per_unit: match d.budget {
            Some(Budget::PerUnit(r)) => Some(r.amount()),
            _ => None,
        },
        budget_total: match d.budget {
            Some(Budget::Total(r)) => Some(r.amount()),
            _ => None,
        },
        halal: d.halal,
        purpose: d.purpose.clone(),
        raw_text: d.raw.clone(),
        quote_deadline: deadline,
        shared,
    };
    let id =
        match store::requests::create(&out.pool, caller.0.id, &new, &recipients, out.clock.now())
            .await
        {
            Ok(id) => id,
            Err(RequestError::NotAllowed) => return Ok(Some(out.t(&Common::StaffOnly))),
            Err(e) => return Err(e.into()),
        };
    if let Some(event) = d.event
        && let Err(e) = store::events::mark_requested(&out.pool, caller.0.id, event, id).await
    {
        tracing::warn!(event, request = id, error = %e, "the event could not be marked requested");
    }
    dialogue.exit().await?;
    // The cards go out through the outbox, written with the request.
    let delivered = store::requests::recipients(&out.pool, id).await?.len();
    out.say(Reply::RqSent {
        id,
        count: delivered,
        deadline: deadline_text(out, &d, deadline),
    })
    .await?;
    Ok(None)
}

/// The draft of the request being written (the branch checked the state).
fn draft_of(p: &Press) -> Option<RequestDraft> {
    match &p.state {
        State::Request { draft, .. } => Some(draft.clone()),
        _ => None,
    }
}

/// "Pakai tanggal …" under a summary.
async fn on_button(p: Press, b: Button) -> Refusal {
    let (out, message) = (&p.out, p.message());
    let Some(mut draft) = draft_of(&p) else {
        return Ok(Some(out.t(&Common::Stale)));
    };
    match b {
        Button::UseDate(date) => {
            clear_buttons(out, message).await;
            draft.date = Some(date);
            ask_next(out, &p.dialogue, &p.caller, draft).await?;
            Ok(None)
        }
    }
}

/// The shared flow buttons while writing a request: send, change, a field
/// to change, skip the budget, a region.
async fn on_flow(p: Press, flow: Flow) -> Refusal {
    let (out, dialogue, caller, message) = (&p.out, &p.dialogue, &p.caller, p.message());
    let Some(mut draft) = draft_of(&p) else {
        return Ok(Some(out.t(&Common::Stale)));
    };
    match flow {
        Flow::Submit => {
            clear_buttons(out, message).await;
            submit(out, dialogue, caller, draft).await
        }
        Flow::Edit => {
            if let Some(m) = message {
                out.edit_buttons(m.id, keyboards::fields(out)).await?;
            }
            Ok(Some(out.t(&Common::EditWhich)))
        }
        Flow::EditField(i) => {
            let Some(field) = RequestField::from_index(i) else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            clear_buttons(out, message).await;
            dialogue
                .update(State::Request {
                    draft,
                    asking: Some(field),
                })
                .await?;
            ask(out, field).await?;
            Ok(None)
        }
        Flow::Skip => {
            clear_buttons(out, message).await;
            ask_next(out, dialogue, caller, draft).await?;
            Ok(None)
        }
        Flow::Region { regency, district } => {
            let Some(place) = place_from_button(&regency, district.as_deref()) else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            clear_buttons(out, message).await;
            set_place(&mut draft, place);
            ask_next(out, dialogue, caller, draft).await?;
            Ok(None)
        }
        Flow::CancelFlow => Ok(Some(out.t(&Common::Stale))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minta_parses_with_its_sentence() {
        let parsed = ["/minta 250 kotak", "/minta"].map(|t| Cmd::parse(t, "pesanlokal_bot").ok());
        assert_eq!(
            parsed,
            [
                Some(Cmd::Minta("250 kotak".into())),
                Some(Cmd::Minta(String::new()))
            ]
        );
    }
}
