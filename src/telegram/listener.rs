//! A crash-safe update listener and the handler wrapper that completes it.
//!
//! teloxide's polling moves the getUpdates offset on before a handler has
//! finished, so whatever is in flight at a crash is lost. Here each update is
//! first stored in the `inbox` table, and only then is the offset moved past
//! it. Updates stored but not finished are replayed at start-up; an update
//! id already stored is dropped (Telegram may deliver one twice).

use std::sync::Arc;
use std::time::Duration;

use futures::Stream;
use sqlx::SqlitePool;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::{AllowedUpdate, Update, UpdateKind};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::mpsc;

use crate::clock::Clock;
use crate::store::{self, inbox::Incoming};

/// Long-poll timeout for getUpdates, in seconds.
const POLL_TIMEOUT: u32 = 10;

pub struct InboxListener {
    bot: Bot,
    pool: SqlitePool,
    clock: Clock,
    allowed: Option<Vec<AllowedUpdate>>,
    stop_token: StopToken,
    stop_flag: StopFlag,
    rx: Option<mpsc::Receiver<Update>>,
}

impl InboxListener {
    pub fn new(bot: Bot, pool: SqlitePool, clock: Clock) -> InboxListener {
        let (stop_token, stop_flag) = mk_stop_token();
        InboxListener {
            bot,
            pool,
            clock,
            allowed: None,
            stop_token,
            stop_flag,
            rx: None,
        }
    }

    fn start(&mut self) -> mpsc::Receiver<Update> {
        let (tx, rx) = mpsc::channel(256);
        let fetcher = Fetcher {
            bot: self.bot.clone(),
            pool: self.pool.clone(),
            clock: self.clock.clone(),
            allowed: self.allowed.clone(),
            stop: self.stop_flag.clone(),
            tx,
        };
        tokio::spawn(fetcher.run());
        rx
    }
}

struct Fetcher {
    bot: Bot,
    pool: SqlitePool,
    clock: Clock,
    allowed: Option<Vec<AllowedUpdate>>,
    stop: StopFlag,
    tx: mpsc::Sender<Update>,
}

impl Fetcher {
    async fn run(self) {
        // First the updates a previous run stored but did not finish.
        match store::inbox::unfinished(&self.pool).await {
            Ok(rows) => {
                if !rows.is_empty() {
                    tracing::info!(count = rows.len(), "replaying unfinished updates");
                }
                for (id, raw) in rows {
                    match serde_json::from_str::<Update>(&raw) {
                        Ok(update) => {
                            if self.tx.send(update).await.is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            tracing::error!(update_id = id, error = %e, "stored update unreadable");
                            let _ = store::inbox::finish(
                                &self.pool,
                                id,
                                Some("unreadable"),
                                self.clock.now(),
                            )
                            .await;
                        }
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "cannot read the inbox"),
        }
        let mut backoff = Duration::from_millis(500);
        while !self.stop.is_stopped() {
            let offset = match store::inbox::next_offset(&self.pool).await {
                Ok(o) => o,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read the inbox offset");
                    tokio::time::sleep(backoff).await;
                    continue;
                }
            };
            let mut request = self.bot.get_updates().timeout(POLL_TIMEOUT).limit(100);
            if offset > 0 {
                request = request.offset(offset as i32);
            }
            if let Some(allowed) = &self.allowed {
                request = request.allowed_updates(allowed.clone());
            }
            let result = tokio::select! {
                r = request.send() => r,
                _ = self.stop.clone() => break,
            };
            let updates = match result {
                Ok(u) => {
                    backoff = Duration::from_millis(500);
                    u
                }
                Err(e) => {
                    tracing::warn!(error = %e, "getUpdates failed; retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {},
                        _ = self.stop.clone() => break,
                    }
                    backoff = (backoff * 2).min(Duration::from_secs(30));
                    continue;
                }
            };
            for update in updates {
                let incoming = describe(&update);
                match store::inbox::insert(&self.pool, &incoming, self.clock.now()).await {
                    Ok(true) => {
                        if self.tx.send(update).await.is_err() {
                            return;
                        }
                    }
                    Ok(false) => {
                        tracing::debug!(update_id = incoming.update_id, "duplicate update dropped")
                    }
                    Err(e) => {
                        // Not stored: do not move past it; fetch it again.
                        tracing::error!(error = %e, "cannot store an update");
                        tokio::time::sleep(backoff).await;
                        break;
                    }
                }
            }
        }
    }
}

/// The fields of an update worth keeping in the conversation log.
pub fn describe(update: &Update) -> Incoming {
    let user_id = update.from().map(|u| u.id.0 as i64);
    let chat_id = update.chat().map(|c| c.id.0);
    let (kind, content) = match &update.kind {
        UpdateKind::Message(m) => (
            if m.contact().is_some() {
                "contact"
            } else if m.photo().is_some() {
                "photo"
            } else {
                "message"
            },
            m.text().or(m.caption()).map(str::to_string),
        ),
        UpdateKind::EditedMessage(m) => ("edited_message", m.text().map(str::to_string)),
        UpdateKind::CallbackQuery(q) => ("callback_query", q.data.clone()),
        UpdateKind::MyChatMember(_) => ("my_chat_member", None),
        _ => ("other", None),
    };
    Incoming {
        update_id: i64::from(update.id.0),
        user_id,
        chat_id,
        kind: kind.to_string(),
        content,
        raw: serde_json::to_string(update).unwrap_or_else(|_| "{}".to_string()),
    }
}

impl<'a> AsUpdateStream<'a> for InboxListener {
    type StreamErr = std::convert::Infallible;
    type Stream =
        std::pin::Pin<Box<dyn Stream<Item = Result<Update, Self::StreamErr>> + Send + 'a>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let rx = match self.rx.take() {
            Some(rx) => rx,
            None => self.start(),
        };
        Box::pin(futures::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|u| (Ok(u), rx))
        }))
    }
}

impl UpdateListener for InboxListener {
    type Err = std::convert::Infallible;

    fn stop_token(&mut self) -> StopToken {
        self.stop_token.clone()
    }

    /// The tree's own hint is "everything" (its first step inspects any
    /// update); ask Telegram only for what the bot handles.
    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        let wanted = [
            AllowedUpdate::Message,
            AllowedUpdate::CallbackQuery,
            AllowedUpdate::MyChatMember,
        ];
        self.allowed = Some(hint.filter(|u| wanted.contains(u)).collect());
    }
}

/// Wraps the handler tree: skips an update already finished, and marks each
/// update finished (or failed) in the inbox once the tree is done with it.
pub fn track_inbox(inner: UpdateHandler<anyhow::Error>) -> UpdateHandler<anyhow::Error> {
    let sig = inner.sig().clone();
    let description = inner.description().clone();
    dptree::from_fn_with_description(
        description,
        move |deps: dptree::di::DependencyMap, cont| {
            let inner = inner.clone();
            async move {
                let update: Arc<Update> = deps.get();
                let pool: Arc<SqlitePool> = deps.get();
                let bot: Arc<super::out::TgBot> = deps.get();
                let texts: Arc<Arc<crate::i18n::Texts>> = deps.get();
                let clock: Arc<Clock> = deps.get();
                let id = i64::from(update.id.0);
                if store::inbox::is_finished(&pool, id).await.unwrap_or(false) {
                    tracing::debug!(update_id = id, "already handled; skipped");
                    return std::ops::ControlFlow::Break(Ok(()));
                }
                let result = inner.execute(deps, cont).await;
                let error = match &result {
                    std::ops::ControlFlow::Break(Err(e)) => Some(format!("{e:#}")),
                    _ => None,
                };
                if error.is_some() {
                    super::shared::context::apologize(&bot, &pool, &texts, &update, clock.now())
                        .await;
                }
                if let Err(e) = store::inbox::finish(&pool, id, error.as_deref(), clock.now()).await
                {
                    tracing::error!(update_id = id, error = %e, "cannot mark an update finished");
                }
                result
            }
        },
        sig,
    )
}
