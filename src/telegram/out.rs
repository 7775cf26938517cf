//! The one path by which handlers talk to Telegram: through the throttled
//! bot (no reply lost to a 429), every message logged in `messages_out`,
//! and a user who blocked the bot marked unreachable.

use std::sync::Arc;

use anyhow::Context;
use sqlx::SqlitePool;
use teloxide::adaptors::Throttle;
use teloxide::prelude::*;
use teloxide::types::{MessageId, ParseMode, ReplyMarkup};
use teloxide::{ApiError, RequestError};

use crate::domain::Lang;
use crate::i18n::Texts;
use crate::store;

use super::shared::text::Text;

/// The bot every handler uses: teloxide's `Bot` behind `Throttle`, which
/// keeps to Telegram's rates and waits out 429s instead of failing.
pub type TgBot = Throttle<Bot>;

/// Sends one HTML message and logs it. `Ok(None)` when the chat blocked the
/// bot: it is then marked unreachable, and not messaged again until its
/// user writes to the bot.
pub async fn deliver(
    bot: &TgBot,
    pool: &SqlitePool,
    chat: ChatId,
    text: String,
    markup: Option<ReplyMarkup>,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Option<Message>> {
    if !store::users::is_reachable(pool, chat.0).await? {
        return Ok(None);
    }
    let mut request = bot
        .send_message(chat, text.clone())
        .parse_mode(ParseMode::Html);
    if let Some(markup) = markup {
        request = request.reply_markup(markup);
    }
    match request.await {
        Ok(message) => {
            store::inbox::log_outgoing(
                pool,
                chat.0,
                Some(i64::from(message.id.0)),
                "sendMessage",
                Some(&text),
                now,
            )
            .await
            .context("logging an outgoing message")?;
            Ok(Some(message))
        }
        Err(RequestError::Api(
            ApiError::BotBlocked | ApiError::UserDeactivated | ApiError::ChatNotFound,
        )) => {
            tracing::info!(chat = chat.0, "chat unreachable; marked");
            store::users::mark_unreachable(pool, chat.0, now).await?;
            Ok(None)
        }
        Err(e) => Err(e).context("sending a message"),
    }
}

/// Settings handlers need from the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The zone for users whose region is unknown (`PESANLOKAL_TIMEZONE`).
    pub default_zone: chrono_tz::Tz,
    /// How many producers one quote request goes to at most.
    pub max_recipients: usize,
}

/// What every handler and background task shares: the bot, the database,
/// the texts, the settings and the clock. It names no chat.
#[derive(Clone)]
pub struct App {
    pub bot: TgBot,
    pub pool: SqlitePool,
    pub texts: Arc<Texts>,
    pub settings: Settings,
    pub clock: crate::clock::Clock,
}

impl App {
    /// A reply handle for one chat, in one language.
    pub fn to(&self, chat: ChatId, lang: Lang) -> Out {
        Out {
            app: self.clone(),
            chat,
            lang,
        }
    }
}

/// Replies to the chat of the current update, in the caller's language.
#[derive(Clone)]
pub struct Out {
    pub app: App,
    pub chat: ChatId,
    pub lang: Lang,
}

impl std::ops::Deref for Out {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl Out {
    pub fn t(&self, reply: &impl Text) -> String {
        reply.render(self.texts.loader(self.lang))
    }

    pub fn loader(&self) -> &i18n_embed::fluent::FluentLanguageLoader {
        self.texts.loader(self.lang)
    }

    /// Today (by the clock) in a regency's zone, else the default zone.
    pub fn today_in(&self, regency: Option<&str>) -> chrono::NaiveDate {
        let zone = super::shared::format::zone_of(regency, self.settings.default_zone);
        self.clock.now().with_timezone(&zone).date_naive()
    }

    pub fn with_lang(&self, lang: Lang) -> Out {
        Out {
            lang,
            ..self.clone()
        }
    }

    pub async fn say(&self, reply: impl Text) -> anyhow::Result<Option<Message>> {
        deliver(
            &self.bot,
            &self.pool,
            self.chat,
            self.t(&reply),
            None,
            self.clock.now(),
        )
        .await
    }

    pub async fn say_with(
        &self,
        reply: impl Text,
        markup: impl Into<ReplyMarkup>,
    ) -> anyhow::Result<Option<Message>> {
        deliver(
            &self.bot,
            &self.pool,
            self.chat,
            self.t(&reply),
            Some(markup.into()),
            self.clock.now(),
        )
        .await
    }

    /// Sends text that was already rendered (and escaped).
    pub async fn send_text(
        &self,
        text: String,
        markup: Option<ReplyMarkup>,
    ) -> anyhow::Result<Option<Message>> {
        deliver(
            &self.bot,
            &self.pool,
            self.chat,
            text,
            markup,
            self.clock.now(),
        )
        .await
    }

    /// Sends a photo (by Telegram file id) with an HTML caption, logged.
    pub async fn send_photo(
        &self,
        photo: teloxide::types::InputFile,
        caption: Option<String>,
    ) -> anyhow::Result<Option<Message>> {
        let mut request = self
            .bot
            .send_photo(self.chat, photo)
            .parse_mode(ParseMode::Html);
        if let Some(c) = &caption {
            request = request.caption(c.clone());
        }
        match request.await {
            Ok(message) => {
                store::inbox::log_outgoing(
                    &self.pool,
                    self.chat.0,
                    Some(i64::from(message.id.0)),
                    "sendPhoto",
                    caption.as_deref(),
                    self.clock.now(),
                )
                .await?;
                Ok(Some(message))
            }
            Err(RequestError::Api(
                ApiError::BotBlocked | ApiError::UserDeactivated | ApiError::ChatNotFound,
            )) => {
                store::users::mark_unreachable(&self.pool, self.chat.0, self.clock.now()).await?;
                Ok(None)
            }
            Err(e) => Err(e).context("sending a photo"),
        }
    }

    /// Replaces the text (and buttons) of one of the bot's messages.
    pub async fn edit(
        &self,
        message: MessageId,
        text: String,
        markup: Option<teloxide::types::InlineKeyboardMarkup>,
    ) -> anyhow::Result<()> {
        let mut request = self
            .bot
            .edit_message_text(self.chat, message, text.clone())
            .parse_mode(ParseMode::Html);
        if let Some(markup) = markup {
            request = request.reply_markup(markup);
        }
        let edit = request.await.map(|_| ());
        self.edited(
            edit,
            "editing a message",
            message,
            "editMessageText",
            Some(&text),
        )
        .await
    }

    /// Replaces only the buttons of one of the bot's messages.
    pub async fn edit_buttons(
        &self,
        message: MessageId,
        markup: teloxide::types::InlineKeyboardMarkup,
    ) -> anyhow::Result<()> {
        let edit = self
            .bot
            .edit_message_reply_markup(self.chat, message)
            .reply_markup(markup)
            .await
            .map(|_| ());
        self.edited(
            edit,
            "editing buttons",
            message,
            "editMessageReplyMarkup",
            None,
        )
        .await
    }

    /// After an edit of one of the bot's messages: an unchanged message is
    /// no failure (Telegram's "not modified" to a repeated press), another
    /// error fails `what`; the edit is logged as `method`.
    async fn edited(
        &self,
        edit: Result<(), RequestError>,
        what: &'static str,
        message: MessageId,
        method: &str,
        text: Option<&str>,
    ) -> anyhow::Result<()> {
        match edit {
            Ok(()) | Err(RequestError::Api(ApiError::MessageNotModified)) => {}
            Err(e) => return Err(e).context(what),
        }
        store::inbox::log_outgoing(
            &self.pool,
            self.chat.0,
            Some(i64::from(message.0)),
            method,
            text,
            self.clock.now(),
        )
        .await?;
        Ok(())
    }
}
