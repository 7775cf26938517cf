//! teloxide's dialogue `Storage`, implemented over our own pool and the
//! `dialogues` table (teloxide's SqliteStorage would open a second pool
//! without WAL and create its table outside our migrations).

use std::sync::Arc;

use futures::future::BoxFuture;
use sqlx::SqlitePool;
use teloxide::dispatching::dialogue::Storage;
use teloxide::types::ChatId;

use crate::store;

use super::state::State;

pub struct DbStorage {
    pool: SqlitePool,
    clock: crate::clock::Clock,
}

impl DbStorage {
    pub fn new(pool: SqlitePool, clock: crate::clock::Clock) -> Arc<DbStorage> {
        Arc::new(DbStorage { pool, clock })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("dialogue storage: {0}")]
    Db(#[from] sqlx::Error),
    #[error("dialogue storage: {0}")]
    Encode(#[from] serde_json::Error),
}

impl Storage<State> for DbStorage {
    type Error = StorageError;

    fn remove_dialogue(
        self: Arc<Self>,
        chat_id: ChatId,
    ) -> BoxFuture<'static, Result<(), Self::Error>> {
        Box::pin(async move { Ok(store::dialogues::remove(&self.pool, chat_id.0).await?) })
    }

    fn update_dialogue(
        self: Arc<Self>,
        chat_id: ChatId,
        dialogue: State,
    ) -> BoxFuture<'static, Result<(), Self::Error>> {
        Box::pin(async move {
            if dialogue == State::Idle {
                return Ok(store::dialogues::remove(&self.pool, chat_id.0).await?);
            }
            let json = serde_json::to_string(&dialogue)?;
            Ok(store::dialogues::put(&self.pool, chat_id.0, &json, self.clock.now()).await?)
        })
    }

    /// A stored state that no longer decodes (written by an older build)
    /// reads as none, so the chat starts over instead of being locked out.
    fn get_dialogue(
        self: Arc<Self>,
        chat_id: ChatId,
    ) -> BoxFuture<'static, Result<Option<State>, Self::Error>> {
        Box::pin(async move {
            let Some(json) = store::dialogues::get(&self.pool, chat_id.0).await? else {
                return Ok(None);
            };
            match serde_json::from_str(&json) {
                Ok(state) => Ok(Some(state)),
                Err(e) => {
                    tracing::warn!(chat = chat_id.0, error = %e, "undecodable dialogue state reset");
                    store::dialogues::remove(&self.pool, chat_id.0).await?;
                    Ok(None)
                }
            }
        })
    }
}
