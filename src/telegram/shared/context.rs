//! The context of one update: who is writing (as the database knows them),
//! the reply handle for their chat, the dialogue, and what every handler
//! returns.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::clock::Clock;
use teloxide::dispatching::dialogue::Dialogue;
use teloxide::prelude::*;
use teloxide::types::Update;

use crate::domain::{AccountStatus, Lang, Role};
use crate::i18n::Texts;
use crate::store;
use crate::store::users::{Seen, User};

use crate::telegram::out::{Out, TgBot};
use crate::telegram::shared::replies::Common;
use crate::telegram::shared::text::Text;
use crate::telegram::state::State;
use crate::telegram::storage::DbStorage;

pub type Dlg = Dialogue<State, DbStorage>;
pub type HandlerResult = anyhow::Result<()>;

/// The account behind the current update, as the database knows it.
#[derive(Debug, Clone)]
pub struct Caller(pub User);

impl Caller {
    /// An account of `role` that an admin approved.
    pub fn is_approved(&self, role: Role) -> bool {
        self.0.role == Some(role) && self.0.status == AccountStatus::Approved
    }
}

/// Records the sender and loads their account. Only private chats are
/// served; updates from groups and channels go no further.
pub async fn identify(update: Update, pool: SqlitePool, clock: Clock) -> Option<Caller> {
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
    match store::users::touch(&pool, &seen, clock.now()).await {
        Ok(u) => Some(Caller(u)),
        Err(e) => {
            tracing::error!(error = %e, "cannot record the sender");
            None
        }
    }
}

pub fn make_out(caller: Caller, app: crate::telegram::out::App) -> Out {
    app.to(ChatId(caller.0.chat_id), caller.0.language)
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
pub async fn apologize(
    bot: &TgBot,
    pool: &SqlitePool,
    texts: &Texts,
    update: &Update,
    now: DateTime<Utc>,
) {
    let Some(user) = update.from() else { return };
    let lang = match store::users::get(pool, user.id.0 as i64).await {
        Ok(Some(u)) => u.language,
        _ => Lang::from_telegram(user.language_code.as_deref()),
    };
    let text = Common::Generic.render(texts.loader(lang));
    if let teloxide::types::UpdateKind::CallbackQuery(q) = &update.kind {
        let _ = bot
            .answer_callback_query(q.id.clone())
            .text(text.clone())
            .await;
    }
    if let Some(chat) = update.chat()
        && let Err(e) = crate::telegram::out::deliver(bot, pool, chat.id, text, None, now).await
    {
        tracing::warn!(error = %e, "the apology could not be sent either");
    }
}
