//! Handlers per concern. Each takes what it needs as parameters; dptree
//! injects them by type.

pub mod admin;
pub mod broadcast;
pub mod callbacks;
pub mod event;
pub mod general;
pub mod orders;
pub mod producer;
pub mod quote;
pub mod registration;
pub mod request;
pub mod search;

use std::sync::Arc;

use sqlx::SqlitePool;
use teloxide::dispatching::dialogue::Dialogue;
use teloxide::prelude::*;
use teloxide::types::Update;

use crate::domain::Lang;
use crate::i18n::Texts;
use crate::store;
use crate::store::users::{Seen, User};

use super::out::{Out, Settings, TgBot};
use super::replies::Reply;
use super::state::State;
use super::storage::DbStorage;

pub type Dlg = Dialogue<State, DbStorage>;
pub type HandlerResult = anyhow::Result<()>;

/// The account behind the current update, as the database knows it.
#[derive(Debug, Clone)]
pub struct Caller(pub User);

/// Records the sender and loads their account. Only private chats are
/// served; updates from groups and channels go no further.
pub async fn identify(update: Update, pool: SqlitePool) -> Option<Caller> {
    let user = update.from()?;
    if user.is_bot {
        return None;
    }
    let chat = update.chat();
    if chat.is_some_and(|c| !c.is_private()) {
        return None;
    }
    let seen = Seen {
        id: user.id.0 as i64,
        chat_id: chat.map(|c| c.id.0).unwrap_or(user.id.0 as i64),
        first_name: &user.first_name,
        username: user.username.as_deref(),
        telegram_language: Lang::from_telegram(user.language_code.as_deref()),
    };
    match store::users::touch(&pool, &seen).await {
        Ok(u) => Some(Caller(u)),
        Err(e) => {
            tracing::error!(error = %e, "cannot record the sender");
            None
        }
    }
}

pub fn make_out(
    caller: Caller,
    bot: TgBot,
    pool: SqlitePool,
    texts: Arc<Texts>,
    settings: Settings,
    clock: crate::clock::Clock,
) -> Out {
    Out {
        bot,
        pool,
        texts,
        settings,
        clock,
        chat: ChatId(caller.0.chat_id),
        lang: caller.0.language,
    }
}

/// The phone of a contact the sender shared of themselves. Otherwise the
/// bot says what is wrong, shows the share button again, and gives `None`.
pub async fn own_phone(
    out: &Out,
    msg: &Message,
) -> anyhow::Result<Option<crate::domain::PhoneNumber>> {
    let Some(contact) = msg.contact() else {
        out.say_with(Reply::PhoneUseButton, super::keyboards::share_contact(out))
            .await?;
        return Ok(None);
    };
    let sender = msg.from.as_ref().map(|u| u.id);
    if contact.user_id.is_none() || contact.user_id != sender {
        out.say_with(Reply::PhoneNotOwn, super::keyboards::share_contact(out))
            .await?;
        return Ok(None);
    }
    match crate::domain::PhoneNumber::parse(&contact.phone_number) {
        Ok(phone) => Ok(Some(phone)),
        Err(_) => {
            out.say_with(Reply::PhoneNotMobile, super::keyboards::share_contact(out))
                .await?;
            Ok(None)
        }
    }
}

/// Today where the caller is: their business's or office's region, else the
/// configured default zone.
pub async fn local_today(out: &Out, caller: &Caller) -> chrono::NaiveDate {
    let regency = match store::accounts::profile(&out.pool, caller.0.id).await {
        Ok(Some(store::accounts::Profile::Producer(p))) => Some(p.regency),
        Ok(Some(store::accounts::Profile::Staff(s))) => Some(s.regency),
        _ => None,
    };
    let zone = regency
        .and_then(|r| crate::domain::Regions::embedded().timezone_of(&r))
        .unwrap_or(out.settings.default_zone);
    out.clock.now().with_timezone(&zone).date_naive()
}

/// When a handler failed, the user still gets an answer in their language:
/// the callback is answered and a short apology is sent.
pub async fn apologize(bot: &TgBot, pool: &SqlitePool, texts: &Texts, update: &Update) {
    let Some(user) = update.from() else { return };
    let lang = match store::users::get(pool, user.id.0 as i64).await {
        Ok(Some(u)) => u.language,
        _ => Lang::from_telegram(user.language_code.as_deref()),
    };
    let text = Reply::Generic.render(texts.loader(lang));
    if let teloxide::types::UpdateKind::CallbackQuery(q) = &update.kind {
        let _ = bot
            .answer_callback_query(q.id.clone())
            .text(text.clone())
            .await;
    }
    if let Some(chat) = update.chat()
        && let Err(e) = super::out::deliver(bot, pool, chat.id, text, None).await
    {
        tracing::warn!(error = %e, "the apology could not be sent either");
    }
}
