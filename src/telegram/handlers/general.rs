//! /start, /bantuan, /profil, /bahasa, /batal and what idle chats say.

use crate::telegram::shared::replies::Common;
use teloxide::prelude::*;
use teloxide::types::KeyboardRemove;

use crate::domain::{AccountStatus, Role};
use crate::store;
use crate::store::accounts::Profile;

use super::super::commands::Command;
use super::super::keyboards;
use super::super::out::Out;
use super::super::replies::{ProducerView, Reply, StaffView};
use super::super::state::State;
use super::{Caller, Dlg, HandlerResult, registration};

pub async fn command(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    cmd: Command,
    state: State,
) -> HandlerResult {
    match cmd {
        Command::Start(payload) => start(out, dialogue, caller, state, payload.trim()).await,
        Command::Daftar => registration::begin_or_resume(out, dialogue, caller, state).await,
        Command::Bantuan | Command::Help => {
            let role = match caller.0.status {
                AccountStatus::Approved | AccountStatus::Pending => caller.0.role,
                _ => None,
            };
            out.say(Reply::Help(role)).await?;
            Ok(())
        }
        Command::Profil => profile(out, caller).await,
        Command::Bahasa => {
            out.say_with(Reply::LangChoose, keyboards::languages(&out))
                .await?;
            Ok(())
        }
        Command::Batal | Command::Cancel => cancel(out, dialogue, state).await,
        Command::Minta(text) => super::request::start(&out, &dialogue, &caller, &text, None).await,
        Command::Permintaan => super::quote::list(&out, &caller).await,
        Command::Pesanan => super::orders::list(&out, &caller).await,
    }
}

async fn start(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    state: State,
    payload: &str,
) -> HandlerResult {
    if let Some(token) = payload.strip_prefix("inv_") {
        return registration::begin_from_invite(out, dialogue, caller, token).await;
    }
    if state != State::Idle {
        return registration::resume(out, state).await;
    }
    let user = &caller.0;
    match (user.role, user.status) {
        (Some(Role::Admin), _) => {
            out.say(Reply::StartAdmin {
                name: user.first_name.clone(),
            })
            .await?;
        }
        (Some(role), AccountStatus::Pending | AccountStatus::Approved) => {
            out.say(Reply::WelcomeBack {
                name: user.first_name.clone(),
                role,
                status: user.status,
            })
            .await?;
        }
        _ => {
            out.say_with(
                Reply::Greeting {
                    name: user.first_name.clone(),
                },
                keyboards::roles(&out),
            )
            .await?;
        }
    }
    Ok(())
}

async fn profile(out: Out, caller: Caller) -> HandlerResult {
    match profile_text(&out, &caller).await? {
        Some(text) => {
            let muted = store::users::is_muted(&out.pool, caller.0.id).await?;
            out.send_text(text, Some(keyboards::mute(&out, muted).into()))
                .await?;
        }
        None => {
            out.say(Reply::ProfileNone).await?;
        }
    }
    Ok(())
}

/// The /profil text with the announcement setting; `None` if unregistered.
pub async fn profile_text(out: &Out, caller: &Caller) -> anyhow::Result<Option<String>> {
    let profile = store::accounts::profile(&out.pool, caller.0.id).await?;
    let reply = match profile {
        None => return Ok(None),
        Some(Profile::Admin) => Reply::ProfileAdmin,
        Some(Profile::Producer(p)) => Reply::ProfileProducer {
            view: ProducerView::from_profile(out.loader(), &p),
            status: caller.0.status,
        },
        Some(Profile::Staff(s)) => Reply::ProfileStaff {
            view: StaffView::from_profile(&s),
            status: caller.0.status,
        },
    };
    let muted = store::users::is_muted(&out.pool, caller.0.id).await?;
    Ok(Some(format!(
        "{}\n\n{}",
        out.t(&reply),
        out.t(&Reply::ProfileMuted(muted))
    )))
}

async fn cancel(out: Out, dialogue: Dlg, state: State) -> HandlerResult {
    if state == State::Idle {
        out.say(Reply::CancelNothing).await?;
        return Ok(());
    }
    dialogue.exit().await?;
    // Also takes away a "share contact" keyboard if one was showing.
    out.say_with(Common::CancelDone, KeyboardRemove::new())
        .await?;
    Ok(())
}

/// A message in a chat with no guided flow running.
pub async fn idle_message(out: Out, dialogue: Dlg, caller: Caller, msg: Message) -> HandlerResult {
    if msg.contact().is_some() {
        return crate::telegram::catalogue::contact_message(out, dialogue, caller, msg).await;
    }
    if msg.text().is_some_and(|t| t.starts_with('/')) {
        out.say(Common::UnknownCommand).await?;
        return Ok(());
    }
    if caller.0.role.is_none() || caller.0.status == AccountStatus::Rejected {
        out.say_with(
            Reply::Greeting {
                name: caller.0.first_name.clone(),
            },
            keyboards::roles(&out),
        )
        .await?;
    } else {
        out.say(Reply::IdleHint).await?;
    }
    Ok(())
}
