//! The admin room: `/verifikasi`, the verification cards and decisions,
//! and invite links that pre-approve the staff of one office.

pub mod buttons;
pub mod keyboards;
pub mod replies;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, Me};
use teloxide::utils::command::BotCommands;

use crate::domain::registration;
use crate::domain::{AccountStatus, Place, Role};
use crate::store;
use crate::store::accounts::{DecideError, Profile};
use crate::store::invites::InviteError;

use crate::telegram::out::Out;
use crate::telegram::registration::replies::{ProducerView, StaffView};
use crate::telegram::shared::codec;
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons};
use crate::telegram::shared::format::region_name;
use crate::telegram::shared::place::{PlaceAnswer, place_from_button, read_place};
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::shared::toast::Toast;
use crate::telegram::state::{InviteStep, State};

use buttons::Button;
use replies::Reply;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    /// Pending accounts and invite links.
    Verifikasi,
}

/// `/verifikasi`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Verifikasi].endpoint(verification_list))
}

/// Setujui / Tolak, "Buat tautan undangan", and a region button while
/// creating an invite.
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry().branch(press::button(on_button)).branch(
        codec::pressed::<Flow>()
            .branch(dptree::case![State::Invite { step, office }].endpoint(on_invite_region)),
    )
}

async fn on_button(p: Press, b: Button) -> Refusal {
    match b {
        Button::Decide { user_id, approve } => {
            decide(&p.out, &p.caller, p.message(), user_id, approve).await
        }
        Button::NewInvite if p.state == State::Idle => {
            begin_invite(&p.out, &p.dialogue, &p.caller).await
        }
        Button::NewInvite => Ok(Some(p.out.t(&Common::Stale))),
    }
}

/// A region suggestion pressed at the invite's region question.
// Handler parameters are its dependencies (dptree injects them).
#[allow(clippy::too_many_arguments)]
async fn on_invite_region(
    out: Out,
    toast: Toast,
    dialogue: Dlg,
    caller: Caller,
    q: CallbackQuery,
    me: Me,
    flow: Flow,
    (step, office): (InviteStep, Option<String>),
) -> HandlerResult {
    let place = match (&flow, step, office) {
        (Flow::Region { regency, .. }, InviteStep::Region, Some(office)) => {
            place_from_button(regency, None).map(|p| (p, office))
        }
        _ => None,
    };
    let Some((place, office)) = place else {
        toast.alert(out.t(&Common::Stale));
        return Ok(());
    };
    clear_buttons(&out, q.regular_message()).await;
    create_invite(&out, &dialogue, &caller, &me, &office, place).await
}

/// Asks the invite's current question again.
pub async fn resume(out: &Out, step: InviteStep) -> HandlerResult {
    ask_invite(out, step).await
}

pub fn is_admin(caller: &Caller) -> bool {
    caller.0.role == Some(Role::Admin) && caller.0.status == AccountStatus::Approved
}

/// The card an admin sees for one pending account, in the admin's language.
pub async fn card(out: &Out, user_id: i64) -> anyhow::Result<Option<String>> {
    let reply = match store::accounts::profile(&out.pool, user_id).await? {
        Some(Profile::Producer(p)) => {
            Reply::AdminCardProducer(ProducerView::from_profile(out.loader(), &p))
        }
        Some(Profile::Staff(s)) => Reply::AdminCardStaff(StaffView::from_profile(&s)),
        _ => return Ok(None),
    };
    Ok(Some(out.t(&reply)))
}

/// /verifikasi: the oldest pending accounts, each with its buttons.
async fn verification_list(out: Out, caller: Caller) -> HandlerResult {
    if !is_admin(&caller) {
        out.say(Common::AdminOnly).await?;
        return Ok(());
    }
    const SHOWN: i64 = 10;
    let (pending, total) = store::accounts::pending(&out.pool, SHOWN).await?;
    if pending.is_empty() {
        out.say_with(Reply::VerifyNone, keyboards::new_invite(&out))
            .await?;
        return Ok(());
    }
    out.say_with(
        Reply::VerifyCount {
            total,
            shown: pending.len(),
        },
        keyboards::new_invite(&out),
    )
    .await?;
    for (user, _) in pending {
        if let Some(text) = card(&out, user.id).await? {
            out.send_text(text, Some(keyboards::decision(&out, user.id).into()))
                .await?;
        }
    }
    Ok(())
}

/// Setujui / Tolak. Who may decide is checked by the store, in the database.
/// Returns the text for the callback answer, if any.
async fn decide(
    out: &Out,
    caller: &Caller,
    message: Option<&Message>,
    user_id: i64,
    approve: bool,
) -> anyhow::Result<Option<String>> {
    match store::accounts::decide(&out.pool, caller.0.id, user_id, approve, out.clock.now()).await {
        Ok(target) => {
            if let (Some(m), Some(text)) = (message, card(out, user_id).await?) {
                let verdict = if approve {
                    Reply::DecidedApproved {
                        admin: caller.0.first_name.clone(),
                    }
                } else {
                    Reply::DecidedRejected {
                        admin: caller.0.first_name.clone(),
                    }
                };
                let text = format!("{text}\n\n{}", out.t(&verdict));
                out.edit(m.id, text, Some(InlineKeyboardMarkup::default()))
                    .await?;
            }
            // The decision itself reaches the user through the outbox.
            crate::telegram::shared::menu::refresh_menu(&out.bot, &out.texts, &out.pool, target.id)
                .await;
            Ok(None)
        }
        Err(DecideError::NotAdmin) => Ok(Some(out.t(&Common::NotAllowed))),
        Err(DecideError::AlreadyDecided(status)) => {
            clear_buttons(out, message).await;
            Ok(Some(out.t(&Reply::AlreadyDecided { status })))
        }
        Err(DecideError::NoSuchAccount) => Ok(Some(out.t(&Common::Stale))),
        Err(DecideError::Db(e)) => Err(e.into()),
    }
}

/// What the user is told of the admin's decision, in their language.
pub async fn decision_text(
    to: &Out,
    target: &store::users::User,
) -> anyhow::Result<Option<String>> {
    let reply = match (target.status, target.role) {
        (AccountStatus::Approved, Some(Role::Producer)) => {
            let name = match store::accounts::profile(&to.pool, target.id).await? {
                Some(Profile::Producer(p)) => p.business_name,
                _ => target.first_name.clone(),
            };
            Reply::DecisionApprovedProducer { name }
        }
        (AccountStatus::Approved, _) => Reply::DecisionApprovedStaff,
        (AccountStatus::Rejected, _) => Reply::DecisionRejected,
        _ => return Ok(None),
    };
    Ok(Some(to.t(&reply)))
}

/// "Buat tautan undangan OPD".
async fn begin_invite(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
) -> anyhow::Result<Option<String>> {
    if !is_admin(caller) {
        return Ok(Some(out.t(&Common::NotAllowed)));
    }
    let step = InviteStep::Office;
    dialogue
        .update(State::Invite { step, office: None })
        .await?;
    ask_invite(out, step).await?;
    Ok(None)
}

async fn ask_invite(out: &Out, step: InviteStep) -> HandlerResult {
    match step {
        InviteStep::Office => out.say(Reply::InviteAskOffice).await?,
        InviteStep::Region => out.say(Reply::InviteAskRegion).await?,
    };
    Ok(())
}

/// Typed answers while creating an invite.
pub async fn invite_message(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    msg: Message,
    me: Me,
    (step, office): (InviteStep, Option<String>),
) -> HandlerResult {
    if !is_admin(&caller) {
        dialogue.exit().await?;
        out.say(Common::AdminOnly).await?;
        return Ok(());
    }
    let Some(text) = msg.text() else {
        out.say(Common::TextExpected).await?;
        return ask_invite(&out, step).await;
    };
    match (step, office) {
        (InviteStep::Office, _) => match registration::office_name(text) {
            Ok(name) => {
                let step = InviteStep::Region;
                dialogue
                    .update(State::Invite {
                        step,
                        office: Some(name),
                    })
                    .await?;
                ask_invite(&out, step).await
            }
            Err(e) => {
                out.say(Common::Field(e)).await?;
                ask_invite(&out, step).await
            }
        },
        (InviteStep::Region, Some(office)) => match read_place(&out, text).await? {
            PlaceAnswer::Place(place) => {
                create_invite(&out, &dialogue, &caller, &me, &office, place).await
            }
            PlaceAnswer::Answered => Ok(()),
        },
        (InviteStep::Region, None) => {
            dialogue
                .update(State::Invite {
                    step: InviteStep::Office,
                    office: None,
                })
                .await?;
            ask_invite(&out, InviteStep::Office).await
        }
    }
}

async fn create_invite(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    me: &Me,
    office: &str,
    place: Place,
) -> HandlerResult {
    match store::invites::create(
        &out.pool,
        caller.0.id,
        office,
        &place.regency,
        out.clock.now(),
    )
    .await
    {
        Ok(invite) => {
            dialogue.exit().await?;
            let username = me.username.clone().unwrap_or_default();
            out.say(Reply::InviteCreated {
                office: invite.office_name,
                region: region_name(invite.regency.as_str(), None),
                link: format!("https://t.me/{username}?start=inv_{}", invite.token),
                days: store::invites::VALID_DAYS,
            })
            .await?;
            Ok(())
        }
        Err(InviteError::NotAdmin) => {
            dialogue.exit().await?;
            out.say(Common::NotAllowed).await?;
            Ok(())
        }
        Err(InviteError::Db(e)) => Err(e.into()),
    }
}
