//! The broadcasts room: /siaran. An admin writes an announcement (text, or
//! a photo with a caption), picks the audience, sees a preview with the
//! recipient count, and confirms. Queueing writes one outbox row per
//! recipient in one transaction (`store::broadcasts::queue`, which also
//! checks that the sender is an approved admin); the sender delivers them,
//! and the reporter (`background::broadcasts`) edits the progress message
//! sent here.

pub mod buttons;
pub mod keyboards;
pub mod replies;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::InputFile;
use teloxide::utils::command::BotCommands;

use crate::domain::RegionCode;
use crate::domain::broadcast::{self, Audience, BroadcastStatus, Group, TextProblem};
use crate::store;
use crate::store::broadcasts::QueueError;
use crate::store::outbox::Tally;

use crate::telegram::admin::is_admin;
use crate::telegram::out::Out;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons};
use crate::telegram::shared::place::{PlaceAnswer, place_from_button, read_place};
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::{BroadcastStep, State};

use buttons::{Button, Choice};
use replies::{Reply, announcement};

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    /// Admins: send an announcement.
    Siaran,
}

/// `/siaran`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Siaran].endpoint(siaran))
}

/// The audience, category and send buttons; and a region suggestion while
/// typing regions.
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .branch(press::button(on_button))
        .branch(press::flow(typing_regions, on_region))
}

/// A region suggestion belongs to an announcement being written.
fn typing_regions(f: &Flow, s: &State) -> bool {
    matches!(s, State::Broadcast { .. }) && matches!(f, Flow::Region { .. })
}

/// Asks the current question of an announcement again (after a restart,
/// /start or /daftar).
pub async fn resume(out: &Out, step: BroadcastStep) -> HandlerResult {
    match step {
        BroadcastStep::Message => out.say(Reply::BcAskMessage).await?,
        _ => out.say(Common::UseButtons).await?,
    };
    Ok(())
}

/// /siaran.
async fn siaran(out: Out, dialogue: Dlg, caller: Caller) -> HandlerResult {
    if !is_admin(&caller) {
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
pub async fn broadcast_message(
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
            // A photo may come without a caption.
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
                    add_region(&out, &caller, id, place.regency).await?;
                }
            }
            None => {
                out.say_with(Reply::BcAskRegions, keyboards::chosen(&out))
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
    step_to(dialogue, BroadcastStep::Audience, id).await?;
    out.say_with(Reply::BcAskAudience, keyboards::audience(out))
        .await?;
    Ok(())
}

async fn step_to(dialogue: &Dlg, step: BroadcastStep, id: i64) -> HandlerResult {
    dialogue
        .update(State::Broadcast {
            step,
            draft: Some(id),
        })
        .await?;
    Ok(())
}

/// The audience of draft `id`, or `None` once it is no draft any more.
async fn audience_of(out: &Out, id: i64) -> anyhow::Result<Option<Audience>> {
    Ok(store::broadcasts::get(&out.pool, id)
        .await?
        .filter(|b| b.status == BroadcastStatus::Draft)
        .map(|b| b.audience))
}

async fn add_region(out: &Out, caller: &Caller, id: i64, regency: RegionCode) -> HandlerResult {
    let Some(mut audience) = audience_of(out, id).await? else {
        out.say(Common::Stale).await?;
        return Ok(());
    };
    if !audience.regencies.contains(&regency) {
        audience.regencies.push(regency);
    }
    store::broadcasts::set_audience(&out.pool, id, caller.0.id, &audience).await?;
    out.say_with(
        Reply::BcRegionsChosen {
            regions: audience.regencies,
        },
        keyboards::chosen(out),
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
    step_to(dialogue, BroadcastStep::Preview, id).await?;
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
        keyboards::preview(out),
    )
    .await?;
    Ok(())
}

/// The step and draft of the announcement being written, or why the press
/// is refused: only an admin, and only while writing one.
fn writing(p: &Press) -> Result<(BroadcastStep, i64), Common> {
    if !is_admin(&p.caller) {
        return Err(Common::AdminOnly);
    }
    match p.state {
        State::Broadcast {
            step,
            draft: Some(id),
        } => Ok((step, id)),
        _ => Err(Common::Stale),
    }
}

/// A /siaran button.
async fn on_button(p: Press, b: Button) -> Refusal {
    let (step, id) = match writing(&p) {
        Ok(writing) => writing,
        Err(refusal) => return p.refuse(&refusal),
    };
    let (out, dialogue, caller) = (&p.out, &p.dialogue, &p.caller);
    match (b, step) {
        (Button::Audience(choice), BroadcastStep::Audience) => {
            let group = match choice {
                Choice::Producers => Group::Producers,
                Choice::Staff => Group::Staff,
                Choice::Everyone | Choice::Regions | Choice::Categories => Group::Everyone,
            };
            let audience = Audience {
                group,
                ..Audience::default()
            };
            if !store::broadcasts::set_audience(&out.pool, id, caller.0.id, &audience).await? {
                return p.refuse(&Common::Stale);
            }
            clear_buttons(out, p.message()).await;
            match choice {
                Choice::Regions => {
                    step_to(dialogue, BroadcastStep::Regions, id).await?;
                    out.say_with(Reply::BcAskRegions, keyboards::chosen(out))
                        .await?;
                }
                Choice::Categories => {
                    step_to(dialogue, BroadcastStep::Categories, id).await?;
                    out.say_with(Reply::BcAskCategories, keyboards::categories(out, &[]))
                        .await?;
                }
                Choice::Everyone | Choice::Producers | Choice::Staff => {
                    preview(out, dialogue, caller, id).await?
                }
            }
            Ok(None)
        }
        (Button::Category(c), BroadcastStep::Categories) => {
            let Some(mut audience) = audience_of(out, id).await? else {
                return p.refuse(&Common::Stale);
            };
            if let Some(pos) = audience.categories.iter().position(|x| *x == c) {
                audience.categories.remove(pos);
            } else {
                audience.categories.push(c);
                audience.categories.sort_by_key(|c| c.index());
            }
            store::broadcasts::set_audience(&out.pool, id, caller.0.id, &audience).await?;
            if let Some(m) = p.message() {
                out.edit_buttons(m.id, keyboards::categories(out, &audience.categories))
                    .await?;
            }
            Ok(None)
        }
        (Button::Chosen, BroadcastStep::Regions | BroadcastStep::Categories) => {
            let Some(audience) = audience_of(out, id).await? else {
                return p.refuse(&Common::Stale);
            };
            let empty = match step {
                BroadcastStep::Regions => audience.regencies.is_empty(),
                _ => audience.categories.is_empty(),
            };
            if empty {
                return p.refuse(&Reply::BcChooseFirst);
            }
            clear_buttons(out, p.message()).await;
            preview(out, dialogue, caller, id).await?;
            Ok(None)
        }
        (Button::Send { urgent }, BroadcastStep::Preview) => send(&p, id, urgent).await,
        _ => p.refuse(&Common::Stale),
    }
}

/// Kirim / Kirim segera: queues the copies and shows the progress message
/// that the reporter keeps up to date.
async fn send(p: &Press, id: i64, urgent: bool) -> Refusal {
    let (out, dialogue) = (&p.out, &p.dialogue);
    clear_buttons(out, p.message()).await;
    match store::broadcasts::queue(&out.pool, id, p.caller.0.id, urgent, out.clock.now()).await? {
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
            p.refuse(&Common::AdminOnly)
        }
        Err(QueueError::NotDraft) => {
            dialogue.exit().await?;
            p.refuse(&Common::Stale)
        }
        Err(QueueError::Empty) => {
            out.say(Reply::BcNobody).await?;
            ask_audience(out, dialogue, id).await?;
            Ok(None)
        }
    }
}

/// A region suggestion pressed while typing regions.
async fn on_region(p: Press, flow: Flow) -> Refusal {
    let (step, id) = match writing(&p) {
        Ok(writing) => writing,
        Err(refusal) => return p.refuse(&refusal),
    };
    let (Flow::Region { regency, .. }, BroadcastStep::Regions) = (flow, step) else {
        return p.refuse(&Common::Stale);
    };
    let Some(place) = place_from_button(&regency, None) else {
        return p.refuse(&Common::Stale);
    };
    clear_buttons(&p.out, p.message()).await;
    add_region(&p.out, &p.caller, id, place.regency).await?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siaran_parses_with_and_without_the_bot_name() {
        assert_eq!(
            Cmd::parse("/siaran", "pesanlokal_bot").unwrap(),
            Cmd::Siaran
        );
        assert_eq!(
            Cmd::parse("/siaran@pesanlokal_bot", "pesanlokal_bot").unwrap(),
            Cmd::Siaran
        );
        assert!(Cmd::parse("/siarankan", "pesanlokal_bot").is_err());
    }
}
