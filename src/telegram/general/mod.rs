//! What belongs to no feature: /start (and invite links), /daftar in a
//! chat that is already in a flow, /bantuan, /profil with its mute button,
//! /bahasa with its language buttons, /batal and the shared "Batal" button,
//! and what an idle chat says. It asks the current question again through
//! [`resume`], the one place that knows every room's states.

pub mod buttons;
pub mod keyboards;
pub mod replies;
pub mod resume;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::KeyboardRemove;
use teloxide::utils::command::BotCommands;

use crate::domain::{AccountStatus, Role};
use crate::store;
use crate::store::accounts::Profile;
use crate::telegram::out::Out;
use crate::telegram::registration::{self, replies::ProducerView, replies::StaffView};
use crate::telegram::shared::context::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::{Flow, clear_buttons};
use crate::telegram::shared::menu::refresh_menu;
use crate::telegram::shared::press::{self, Press, Refusal};
use crate::telegram::shared::replies::Common;
use crate::telegram::state::State;

use buttons::Button;
use replies::Reply;
use resume::resume;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Cmd {
    /// Greeting; the payload of a deep link (`?start=inv_...`) arrives here.
    Start(String),
    Bantuan,
    Help,
    Daftar,
    Profil,
    Bahasa,
    Batal,
    Cancel,
}

/// `/start`, `/daftar`, `/bantuan`, `/profil`, `/bahasa`, `/batal`.
pub fn commands() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .filter_command::<Cmd>()
        .branch(dptree::case![Cmd::Start(payload)].endpoint(start))
        .branch(dptree::case![Cmd::Daftar].endpoint(daftar))
        .branch(dptree::filter(|c: Cmd| matches!(c, Cmd::Bantuan | Cmd::Help)).endpoint(help))
        .branch(dptree::case![Cmd::Profil].endpoint(profile))
        .branch(dptree::case![Cmd::Bahasa].endpoint(bahasa))
        .branch(dptree::filter(|c: Cmd| matches!(c, Cmd::Batal | Cmd::Cancel)).endpoint(cancel))
}

/// The language and mute buttons, and "Batal" wherever no room took it.
pub fn buttons() -> UpdateHandler<anyhow::Error> {
    dptree::entry()
        .branch(press::button(on_button))
        .branch(press::flow(|f, _| *f == Flow::CancelFlow, on_cancel))
}

async fn start(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    state: State,
    payload: String,
) -> HandlerResult {
    if let Some(token) = payload.trim().strip_prefix("inv_") {
        return registration::begin_from_invite(&out, &dialogue, &caller, token).await;
    }
    if state != State::Idle {
        return resume(&out, state).await;
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
        _ => registration::greet(&out, &caller).await?,
    }
    Ok(())
}

/// /daftar: continues a flow under way, else offers the role choice.
async fn daftar(out: Out, caller: Caller, state: State) -> HandlerResult {
    if state != State::Idle {
        return resume(&out, state).await;
    }
    registration::offer(&out, &caller).await
}

async fn help(out: Out, caller: Caller) -> HandlerResult {
    let role = match caller.0.status {
        AccountStatus::Approved | AccountStatus::Pending => caller.0.role,
        _ => None,
    };
    out.say(Reply::Help(role)).await?;
    Ok(())
}

async fn bahasa(out: Out) -> HandlerResult {
    out.say_with(Reply::LangChoose, keyboards::languages(&out))
        .await?;
    Ok(())
}

async fn profile(out: Out, caller: Caller) -> HandlerResult {
    match profile_text(&out, &caller).await? {
        Some((text, muted)) => {
            out.send_text(text, Some(keyboards::mute(&out, muted).into()))
                .await?;
        }
        None => {
            out.say(Reply::ProfileNone).await?;
        }
    }
    Ok(())
}

/// The /profil text with the announcement setting, and that setting;
/// `None` if unregistered.
async fn profile_text(out: &Out, caller: &Caller) -> anyhow::Result<Option<(String, bool)>> {
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
    let text = format!(
        "{}\n\n{}",
        out.t(&reply),
        out.t(&Reply::ProfileMuted(muted))
    );
    Ok(Some((text, muted)))
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

async fn on_button(p: Press, b: Button) -> Refusal {
    let (out, caller) = (&p.out, &p.caller);
    let message = p.message();
    match b {
        Button::Language(lang) => {
            store::users::set_language(&out.pool, caller.0.id, lang, out.clock.now()).await?;
            let out = out.with_lang(lang);
            clear_buttons(&out, message).await;
            out.say(Reply::LangChanged).await?;
            refresh_menu(&out.bot, &out.texts, &out.pool, caller.0.id).await;
        }
        Button::Mute(muted) => {
            store::users::set_muted(&out.pool, caller.0.id, muted, out.clock.now()).await?;
            if let Some(m) = message {
                match profile_text(out, caller).await? {
                    Some((text, _)) => {
                        out.edit(m.id, text, Some(keyboards::mute(out, muted)))
                            .await?
                    }
                    None => clear_buttons(out, message).await,
                }
            }
            p.toast.toast(out.t(&Reply::MuteChanged(muted)));
        }
    }
    Ok(None)
}

/// "Batal" under a question no room answers itself (e.g. under "remove
/// this product?").
async fn on_cancel(p: Press, _cancel: Flow) -> Refusal {
    clear_buttons(&p.out, p.message()).await;
    if p.state != State::Idle {
        p.dialogue.exit().await?;
    }
    p.out
        .say_with(Common::CancelDone, KeyboardRemove::new())
        .await?;
    Ok(None)
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
        registration::greet(&out, &caller).await
    } else {
        out.say(Reply::IdleHint).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_and_without_deep_link_payloads() {
        for (text, cmd) in [
            ("/start inv_abc123", Cmd::Start("inv_abc123".into())),
            ("/start", Cmd::Start(String::new())),
            ("/batal", Cmd::Batal),
            ("/help@pesanlokal_bot", Cmd::Help),
        ] {
            assert_eq!(Cmd::parse(text, "pesanlokal_bot").unwrap(), cmd, "{text}");
        }
    }
}
