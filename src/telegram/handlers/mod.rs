//! Handlers per concern. Each takes what it needs as parameters; dptree
//! injects them by type.

pub mod admin;
pub mod callbacks;
pub mod general;
pub mod producer;
pub mod registration;
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

use super::out::{Out, TgBot};
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

pub fn make_out(caller: Caller, bot: TgBot, pool: SqlitePool, texts: Arc<Texts>) -> Out {
    Out {
        bot,
        pool,
        texts,
        chat: ChatId(caller.0.chat_id),
        lang: caller.0.language,
    }
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
