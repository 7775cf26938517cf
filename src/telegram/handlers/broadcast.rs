//! /siaran: an admin writes an announcement (text, or a photo with a
//! caption), picks the audience, sees a preview with the recipient count,
//! and confirms. Queueing writes one outbox row per recipient in one
//! transaction (`store::broadcasts::queue`, which also checks that the
//! sender is an approved admin); the sender delivers them, and the reporter
//! (`background::broadcasts`) edits the progress message sent here.

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use teloxide::prelude::*;
use teloxide::types::InputFile;

use crate::domain::broadcast::{self, Audience, BroadcastStatus, Group, TextProblem};
use crate::store;
use crate::store::broadcasts::QueueError;
use crate::store::outbox::Tally;

use super::super::callback::Cb;
use super::super::keyboards;
use super::super::out::Out;
use super::super::replies::{Reply, announcement};
use super::super::state::{BroadcastStep, State};
use super::{Caller, Dlg, HandlerResult};
use crate::telegram::admin::is_admin;
use crate::telegram::shared::flow::clear_buttons;
use crate::telegram::shared::place::{PlaceAnswer, place_from_button, read_place};

/// /siaran.
pub async fn start(out: &Out, dialogue: &Dlg, caller: &Caller) -> HandlerResult {
    if !is_admin(caller) {
        out.say(Common::AdminOnly).await?;
        return Ok(());
    }
    dialogue
        .update(State::Broadcast {
            step: BroadcastStep::Message,
            draft: None,
        })
        .await?;
    out.say(Reply::BcAskMessage).await?;
    Ok(())
}

/// A message while writing an announcement.
pub async fn message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    (step, draft): (BroadcastStep, Option<i64>),
) -> HandlerResult {
    if !is_admin(&caller) {
        dialogue.exit().await?;
        out.say(Common::AdminOnly).await?;
        return Ok(());
    }
    match (step, draft) {
        (BroadcastStep::Message, _) => {
            let photo = msg
                .photo()
                .and_then(|sizes| sizes.last())
                .map(|p| p.file.id.to_string());
            let text = msg.text().or(msg.caption()).unwrap_or("");
            if msg.text().is_none() && photo.is_none() {
                out.say(Reply::BcEmpty).await?;
                return Ok(());
            }
            match broadcast::check_text(text, photo.is_some()) {
                Err(TextProblem::Empty) => {
                    out.say(Reply::BcEmpty).await?;
                }
                Err(TextProblem::TooLong { limit, length }) => {
                    out.say(Reply::BcTooLong { limit, length }).await?;
                }
                Ok(()) => {
                    let id = store::broadcasts::create_draft(
                        &out.pool,
                        caller.0.id,
                        text,
                        photo.as_deref(),
                        out.clock.now(),
                    )
                    .await?;
                    ask_audience(&out, &dialogue, id).await?;
                }
            }
        }
        (BroadcastStep::Regions, Some(id)) => match msg.text() {
            Some(text) => {
                if let PlaceAnswer::Place(place) = read_place(&out, text).await? {
                    add_region(&out, &caller, id, place.regency.as_str()).await?;
                }
            }
            None => {
                out.say_with(Reply::BcAskRegions, keyboards::broadcast_chosen(&out))
                    .await?;
            }
        },
        _ => {
            out.say(Common::UseButtons).await?;
        }
    }
    Ok(())
}

async fn ask_audience(out: &Out, dialogue: &Dlg, id: i64) -> HandlerResult {
    dialogue
        .update(State::Broadcast {
            step: BroadcastStep::Audience,
            draft: Some(id),
        })
        .await?;
    out.say_with(Reply::BcAskAudience, keyboards::broadcast_audience(out))
        .await?;
    Ok(())
}

async fn audience_of(out: &Out, id: i64) -> anyhow::Result<Option<Audience>> {
    Ok(store::broadcasts::get(&out.pool, id)
        .await?
        .filter(|b| b.status == BroadcastStatus::Draft)
        .map(|b| b.audience))
}

async fn add_region(out: &Out, caller: &Caller, id: i64, regency: &str) -> HandlerResult {
    let Some(mut audience) = audience_of(out, id).await? else {
        out.say(Common::Stale).await?;
        return Ok(());
    };
    if !audience.regencies.iter().any(|r| r == regency) {
        audience.regencies.push(regency.to_string());
    }
    store::broadcasts::set_audience(&out.pool, id, caller.0.id, &audience).await?;
    out.say_with(
        Reply::BcRegionsChosen {
            regions: audience.regencies,
        },
        keyboards::broadcast_chosen(out),
    )
    .await?;
    Ok(())
}

/// The announcement as recipients will see it, then the count and the
/// buttons.
async fn preview(out: &Out, dialogue: &Dlg, caller: &Caller, id: i64) -> HandlerResult {
    let Some(b) = store::broadcasts::get(&out.pool, id)
        .await?
        .filter(|b| b.status == BroadcastStatus::Draft)
    else {
        out.say(Common::Stale).await?;
        return Ok(());
    };
    let audience = b.audience.clone();
    let counts = store::broadcasts::counts(&out.pool, caller.0.id, &audience).await?;
    if counts.recipients() == 0 {
        out.say(Reply::BcNobody).await?;
        return ask_audience(out, dialogue, id).await;
    }
    dialogue
        .update(State::Broadcast {
            step: BroadcastStep::Preview,
            draft: Some(id),
        })
        .await?;
    out.say(Reply::BcPreviewHead).await?;
    match &b.photo {
        Some(file) => {
            out.send_photo(
                InputFile::file_id(file.clone().into()),
                Some(announcement(&b.text)).filter(|t| !t.is_empty()),
            )
            .await?;
        }
        None => {
            out.send_text(announcement(&b.text), None).await?;
        }
    }
    out.say_with(
        Reply::BcPreview { audience, counts },
        keyboards::broadcast_preview(out),
    )
    .await?;
    Ok(())
}

/// A /siaran button; `Some(text)` to show as an alert.
pub async fn on_button(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    message: Option<&Message>,
    state: State,
    cb: Cb,
) -> anyhow::Result<Option<String>> {
    if !is_admin(caller) {
        return Ok(Some(out.t(&Common::AdminOnly)));
    }
    let State::Broadcast {
        step,
        draft: Some(id),
    } = state
    else {
        return Ok(Some(out.t(&Common::Stale)));
    };
    match (cb, step) {
        (Cb::BroadcastAudience(choice), BroadcastStep::Audience) => {
            let group = match choice {
                1 => Group::Producers,
                2 => Group::Staff,
                _ => Group::Everyone,
            };
            let audience = Audience {
                group,
                ..Audience::default()
            };
            if !store::broadcasts::set_audience(&out.pool, id, caller.0.id, &audience).await? {
                return Ok(Some(out.t(&Common::Stale)));
            }
            clear_buttons(out, message).await;
            match choice {
                3 => {
                    dialogue
                        .update(State::Broadcast {
                            step: BroadcastStep::Regions,
                            draft: Some(id),
                        })
                        .await?;
                    out.say_with(Reply::BcAskRegions, keyboards::broadcast_chosen(out))
                        .await?;
                }
                4 => {
                    dialogue
                        .update(State::Broadcast {
                            step: BroadcastStep::Categories,
                            draft: Some(id),
                        })
                        .await?;
                    out.say_with(
                        Reply::BcAskCategories,
                        keyboards::broadcast_categories(out, &[]),
                    )
                    .await?;
                }
                _ => preview(out, dialogue, caller, id).await?,
            }
            Ok(None)
        }
        (Cb::BroadcastCategory(c), BroadcastStep::Categories) => {
            let Some(mut audience) = audience_of(out, id).await? else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            if let Some(pos) = audience.categories.iter().position(|x| *x == c) {
                audience.categories.remove(pos);
            } else {
                audience.categories.push(c);
                audience.categories.sort_by_key(|c| c.index());
            }
            store::broadcasts::set_audience(&out.pool, id, caller.0.id, &audience).await?;
            if let Some(m) = message {
                out.edit_buttons(
                    m.id,
                    keyboards::broadcast_categories(out, &audience.categories),
                )
                .await?;
            }
            Ok(None)
        }
        (Cb::BroadcastChosen, BroadcastStep::Regions | BroadcastStep::Categories) => {
            let Some(audience) = audience_of(out, id).await? else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            let empty = match step {
                BroadcastStep::Regions => audience.regencies.is_empty(),
                _ => audience.categories.is_empty(),
            };
            if empty {
                return Ok(Some(out.t(&Reply::BcChooseFirst)));
            }
            clear_buttons(out, message).await;
            preview(out, dialogue, caller, id).await?;
            Ok(None)
        }
        (Cb::Flow(Flow::Region { regency, .. }), BroadcastStep::Regions) => {
            let Some(place) = place_from_button(&regency, None) else {
                return Ok(Some(out.t(&Common::Stale)));
            };
            clear_buttons(out, message).await;
            add_region(out, caller, id, place.regency.as_str()).await?;
            Ok(None)
        }
        (Cb::BroadcastSend { urgent }, BroadcastStep::Preview) => {
            clear_buttons(out, message).await;
            match store::broadcasts::queue(&out.pool, id, caller.0.id, urgent, out.clock.now())
                .await?
            {
                Ok(total) => {
                    dialogue.exit().await?;
                    let progress = Reply::BcProgress {
                        id,
                        total,
                        tally: Tally {
                            left: total,
                            ..Tally::default()
                        },
                    };
                    if let Some(m) = out.say(progress).await? {
                        store::broadcasts::set_progress_message(
                            &out.pool,
                            id,
                            out.chat.0,
                            i64::from(m.id.0),
                        )
                        .await?;
                    }
                    Ok(None)
                }
                Err(QueueError::NotAdmin) => {
                    dialogue.exit().await?;
                    Ok(Some(out.t(&Common::AdminOnly)))
                }
                Err(QueueError::NotDraft) => {
                    dialogue.exit().await?;
                    Ok(Some(out.t(&Common::Stale)))
                }
                Err(QueueError::Empty) => {
                    out.say(Reply::BcNobody).await?;
                    ask_audience(out, dialogue, id).await?;
                    Ok(None)
                }
            }
        }
        _ => Ok(Some(out.t(&Common::Stale))),
    }
}
