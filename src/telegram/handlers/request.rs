//! Staff ask for quotes (/minta), see them side by side (/permintaan) and
//! award one or several producers (PRODUCT.md §3.3–§3.4).

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::feasibility::{self, Candidate, Need, Verdict};
use crate::domain::money::group_thousands;
use crate::domain::request::{self as reader, Budget, Problem};
use crate::domain::search::{fts_expression, read_query};
use crate::domain::{AccountStatus, Place, RegionCode, Regions, Role};
use crate::store;
use crate::store::requests::{NewRequest, RequestError};

use super::super::callback::Cb;
use super::super::out::Out;
use super::super::replies::{Reply, date_text, region_name};
use super::super::state::{RequestDraft, RequestField, State};
use super::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::place::{PlaceAnswer, read_place};

pub fn is_staff(caller: &Caller) -> bool {
    caller.0.role == Some(Role::Staff) && caller.0.status == AccountStatus::Approved
}

fn rupiah(amount: u64) -> String {
    super::super::replies::rupiah(amount as i64)
}

fn ymd(d: NaiveDate) -> u32 {
    d.format("%Y%m%d").to_string().parse().unwrap_or(0)
}

pub fn from_ymd(v: u32) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&v.to_string(), "%Y%m%d").ok()
}

/// The zone of the delivery region (or the default).
fn zone_of(out: &Out, regency: Option<&str>) -> chrono_tz::Tz {
    super::super::replies::zone_of(regency, out.settings.default_zone)
}

/// A typed date, read as the date of the place (`regency`) where it is
/// needed; a past or unreadable date is the reply to give instead.
// The error is the reply to send, built once and returned once.
#[allow(clippy::result_large_err)]
pub fn read_date(out: &Out, text: &str, regency: Option<&str>) -> Result<NaiveDate, Reply> {
    match crate::domain::when::parse_date(text, out.today_in(regency)) {
        Ok(d) => Ok(d),
        Err(crate::domain::when::DateError::Past { date }) => Err(Reply::RqPastDate {
            date: date_text(out.lang, date),
        }),
        Err(_) => Err(Common::DateBad.into()),
    }
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
        draft.time = reading.time.map(|t| t.format("%H:%M").to_string());
        if let Some(p) = &reading.place {
            draft.regency = Some(p.regency.as_str().to_string());
            draft.district = p.district.clone();
        }
        match reading.budget {
            Some(Budget::PerUnit(r)) => draft.budget_per_unit = Some(r.amount()),
            Some(Budget::Total(r)) => draft.budget_total = Some(r.amount()),
            None => {}
        }
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
            out.say_with(
                Common::RegionPick,
                crate::telegram::shared::place::regions(&places),
            )
            .await?;
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
        if let Ok(Some(store::accounts::Profile::Staff(s))) =
            store::accounts::profile(&out.pool, caller.0.id).await
        {
            draft.regency = Some(s.regency.as_str().to_string());
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
        Problem::InvalidDate | Problem::DateWeekdayMismatch => Reply::RqInvalidDate,
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
        RequestField::Budget => out.say_with(Reply::RqAskBudget, skip(out)).await?,
    };
    Ok(())
}

pub fn skip(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[InlineKeyboardButton::callback(
        out.t(&Common::BtnSkip),
        Cb::Flow(Flow::Skip).encode(),
    )]])
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
        RequestField::Date => read_date(&out, text, draft.regency.as_deref()).map(|d| {
            draft.date = Some(d);
        }),
        RequestField::Place => match read_place(&out, text).await? {
            PlaceAnswer::Place(p) => {
                draft.regency = Some(p.regency.as_str().to_string());
                draft.district = p.district;
                Ok(())
            }
            PlaceAnswer::Answered => return Ok(()),
        },
        RequestField::Budget => match reader::read_budget(text) {
            Ok(Budget::PerUnit(r)) => {
                draft.budget_per_unit = Some(r.amount());
                draft.budget_total = None;
                Ok(())
            }
            Ok(Budget::Total(r)) => {
                draft.budget_total = Some(r.amount());
                draft.budget_per_unit = None;
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

/// The candidates and the verdict for a complete draft.
pub async fn assess(out: &Out, draft: &RequestDraft) -> anyhow::Result<Option<(Verdict, Need)>> {
    let (Some(item), Some(quantity), Some(date), Some(regency)) =
        (&draft.item, draft.quantity, draft.date, &draft.regency)
    else {
        return Ok(None);
    };
    let now = out.clock.now();
    let today = out.today_in(Some(regency));
    let terms = read_query(item, Regions::embedded()).terms;
    let fts = fts_expression(&terms);
    let rows = store::requests::candidates(
        &out.pool,
        &RegionCode::parse(regency)?,
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
    Ok(Some((
        feasibility::assess(&need, &candidates, out.settings.max_recipients),
        need,
    )))
}

fn unit_of(d: &RequestDraft) -> String {
    d.unit.clone().unwrap_or_else(|| "pcs".into())
}

/// The delivery moment in UTC: the given time, else 08:00, local.
fn delivery_at(out: &Out, d: &RequestDraft, date: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    let time = d
        .time
        .as_deref()
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
        .unwrap_or(NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default());
    let zone = zone_of(out, d.regency.as_deref());
    zone.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|| out.clock.now())
}

fn deadline_text(out: &Out, d: &RequestDraft, at: chrono::DateTime<chrono::Utc>) -> String {
    super::super::replies::datetime_text(out.lang, at, zone_of(out, d.regency.as_deref()))
}

/// The summary of a complete draft, what will happen, and the buttons.
pub async fn summary(out: &Out, _caller: &Caller, d: &RequestDraft) -> HandlerResult {
    let Some((verdict, need)) = assess(out, d).await? else {
        return Ok(());
    };
    let unit = unit_of(d);
    let budget = match (d.budget_per_unit, d.budget_total) {
        (Some(p), _) => out.t(&Reply::RqBudgetPerUnit {
            amount: rupiah(p),
            unit: unit.clone(),
        }),
        (None, Some(t)) => out.t(&Reply::RqBudgetTotal { amount: rupiah(t) }),
        (None, None) => out.t(&Common::ValueNone),
    };
    let date_shown = date_text(out.lang, need.delivery);
    let mut text = out.t(&Reply::RqSummary {
        item: d.item.clone().unwrap_or_default(),
        quantity: group_thousands(u64::from(need.quantity)),
        unit: unit.clone(),
        date: date_shown.clone(),
        place: region_name(
            d.regency.as_deref().unwrap_or_default(),
            d.district.as_deref(),
        ),
        budget,
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
    let send_row = vec![
        InlineKeyboardButton::callback(out.t(&Common::BtnSubmit), Cb::Flow(Flow::Submit).encode()),
        InlineKeyboardButton::callback(out.t(&Common::BtnEdit), Cb::Flow(Flow::Edit).encode()),
    ];
    let edit_row = vec![InlineKeyboardButton::callback(
        out.t(&Common::BtnEdit),
        Cb::Flow(Flow::Edit).encode(),
    )];
    let later = |date: NaiveDate| {
        vec![InlineKeyboardButton::callback(
            out.t(&Reply::BtnUseDate {
                date: date_text(out.lang, date),
            }),
            Cb::UseDate(ymd(date)).encode(),
        )]
    };
    let verdict_text = match &verdict {
        Verdict::Alone(ids) => {
            buttons.push(send_row);
            out.t(&Reply::RqVerdictAlone {
                count: ids.len(),
                deadline,
            })
        }
        Verdict::Split(parts) => {
            let ids: Vec<i64> = parts.iter().map(|(id, _)| *id).collect();
            let cards = store::directory::cards(&out.pool, &ids).await?;
            let names = parts
                .iter()
                .map(|(id, q)| {
                    let name = cards
                        .iter()
                        .find(|c| c.id == *id)
                        .map(|c| c.business_name.clone())
                        .unwrap_or_default();
                    format!(
                        "{} {}",
                        teloxide::utils::html::escape(&name),
                        group_thousands(u64::from(*q))
                    )
                })
                .collect::<Vec<_>>()
                .join(" + ");
            buttons.push(send_row);
            out.t(&Reply::RqVerdictSplit {
                parts: names,
                deadline,
            })
        }
        Verdict::TooLate { earliest } => {
            buttons.push(later(*earliest));
            buttons.push(edit_row);
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
                buttons.push(later(*e));
            }
            buttons.push(edit_row);
            t
        }
        Verdict::TooSmall { min_order } => {
            buttons.push(edit_row);
            out.t(&Reply::RqVerdictTooSmall { min: *min_order })
        }
        Verdict::NobodyMakesIt => {
            buttons.push(edit_row);
            out.t(&Reply::RqVerdictNobody)
        }
    };
    text.push_str("\n\n");
    text.push_str(&verdict_text);
    buttons.push(vec![InlineKeyboardButton::callback(
        out.t(&Common::BtnCancel),
        Cb::Flow(Flow::CancelFlow).encode(),
    )]);
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
    let Some((verdict, need)) = assess(out, &d).await? else {
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
    let (Some(item), Some(regency)) = (d.item.clone(), d.regency.clone()) else {
        return Ok(Some(out.t(&Common::Stale)));
    };
    let Ok(code) = RegionCode::parse(&regency) else {
        return Ok(Some(out.t(&Common::Stale)));
    };
    let deadline = crate::domain::deadline::quote_deadline(
        out.clock.now(),
        delivery_at(out, &d, need.delivery),
    );
    let new = NewRequest {
        item,
        category: d.category,
        quantity: need.quantity,
        unit: unit_of(&d),
        delivery_date: need.delivery,
        delivery_time: d
            .time
            .as_deref()
            .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok()),
        place: Place {
            regency: code,
            district: d.district.clone(),
        },
        budget_per_unit: d.budget_per_unit,
        budget_total: d.budget_total,
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

/// Buttons while writing a request: send, change, use another date.
pub async fn on_button(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    message: Option<&Message>,
    cb: Cb,
    mut draft: RequestDraft,
) -> anyhow::Result<Option<String>> {
    match cb {
        Cb::Flow(Flow::Submit) => {
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            submit(out, dialogue, caller, draft).await
        }
        Cb::Flow(Flow::Edit) => {
            let labels = [
                (Reply::FieldItem, RequestField::Item),
                (Reply::FieldQuantity, RequestField::Quantity),
                (Reply::FieldDate, RequestField::Date),
                (Reply::FieldPlace, RequestField::Place),
                (Reply::FieldBudget, RequestField::Budget),
            ];
            let mut rows: Vec<Vec<InlineKeyboardButton>> = labels
                .chunks(3)
                .map(|row| {
                    row.iter()
                        .map(|(l, f)| {
                            InlineKeyboardButton::callback(
                                out.t(l),
                                Cb::Flow(Flow::EditField(f.index())).encode(),
                            )
                        })
                        .collect()
                })
                .collect();
            rows.push(vec![InlineKeyboardButton::callback(
                out.t(&Common::BtnCancel),
                Cb::Flow(Flow::CancelFlow).encode(),
            )]);
            if let Some(m) = message {
                out.edit_buttons(m.id, InlineKeyboardMarkup::new(rows))
                    .await?;
            }
            Ok(Some(out.t(&Common::EditWhich)))
        }
        Cb::Flow(Flow::EditField(i)) => {
            let Some(field) = RequestField::from_index(i) else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            dialogue
                .update(State::Request {
                    draft,
                    asking: Some(field),
                })
                .await?;
            ask(out, field).await?;
            Ok(None)
        }
        Cb::UseDate(v) => {
            let Some(date) = from_ymd(v) else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            draft.date = Some(date);
            ask_next(out, dialogue, caller, draft).await?;
            Ok(None)
        }
        Cb::Flow(Flow::Skip) => {
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            ask_next(out, dialogue, caller, draft).await?;
            Ok(None)
        }
        Cb::Flow(Flow::Region { regency, district }) => {
            let Some(place) =
                crate::telegram::shared::place::place_from_button(&regency, district.as_deref())
            else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            crate::telegram::shared::flow::clear_buttons(out, message).await;
            draft.regency = Some(place.regency.as_str().to_string());
            draft.district = place.district;
            ask_next(out, dialogue, caller, draft).await?;
            Ok(None)
        }
        _ => Ok(Some(out.t(&Common::Stale))),
    }
}
