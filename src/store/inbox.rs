//! The durable inbox of incoming updates and the log of outgoing messages.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

/// One update as it arrived, with the fields worth querying pulled out.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub update_id: i64,
    pub user_id: Option<i64>,
    pub chat_id: Option<i64>,
    pub kind: String,
    pub content: Option<String>,
    pub raw: String,
}

/// Stores the update unless its id is already known. Returns whether it was new.
pub async fn insert(
    pool: &SqlitePool,
    update: &Incoming,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT OR IGNORE INTO inbox (update_id, received_at, user_id, chat_id, kind, content, raw)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(update.update_id)
    .bind(super::timestamp(now))
    .bind(update.user_id)
    .bind(update.chat_id)
    .bind(&update.kind)
    .bind(&update.content)
    .bind(&update.raw)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Updates stored but not handled yet, oldest first: replayed at start-up.
pub async fn unfinished(pool: &SqlitePool) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT update_id, raw FROM inbox WHERE status = 'received' ORDER BY update_id")
        .fetch_all(pool)
        .await
}

/// Claims an update for handling: true only the first time, so an update is
/// never handled twice even if it reaches the dispatcher twice.
pub async fn is_finished(pool: &SqlitePool, update_id: i64) -> sqlx::Result<bool> {
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM inbox WHERE update_id = ?")
        .bind(update_id)
        .fetch_optional(pool)
        .await?;
    Ok(matches!(status.as_deref(), Some("done" | "failed")))
}

pub async fn finish(
    pool: &SqlitePool,
    update_id: i64,
    error: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE inbox SET status = ?, handled_at = ?, error = ? WHERE update_id = ?")
        .bind(if error.is_some() { "failed" } else { "done" })
        .bind(super::timestamp(now))
        .bind(error)
        .bind(update_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The offset for the next getUpdates: one past the highest update stored.
pub async fn next_offset(pool: &SqlitePool) -> sqlx::Result<i64> {
    let max: Option<i64> = sqlx::query_scalar("SELECT max(update_id) FROM inbox")
        .fetch_one(pool)
        .await?;
    Ok(max.map_or(0, |m| m + 1))
}

/// Records a message the bot sent or edited.
pub async fn log_outgoing(
    pool: &SqlitePool,
    chat_id: i64,
    telegram_message_id: Option<i64>,
    method: &str,
    text: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO messages_out (chat_id, telegram_message_id, method, text, sent_at)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(chat_id)
    .bind(telegram_message_id)
    .bind(method)
    .bind(text)
    .bind(super::timestamp(now))
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{fresh_db, now};

    fn sample(id: i64) -> Incoming {
        Incoming {
            update_id: id,
            user_id: Some(7),
            chat_id: Some(7),
            kind: "message".into(),
            content: Some("/start".into()),
            raw: "{}".into(),
        }
    }

    #[tokio::test]
    async fn an_update_id_is_stored_once_and_replayed_until_finished() {
        let (pool, _dir) = fresh_db().await;
        assert!(insert(&pool, &sample(5), now()).await.unwrap());
        assert!(!insert(&pool, &sample(5), now()).await.unwrap());
        assert_eq!(next_offset(&pool).await.unwrap(), 6);
        assert_eq!(unfinished(&pool).await.unwrap().len(), 1);
        assert!(!is_finished(&pool, 5).await.unwrap());
        finish(&pool, 5, None, now()).await.unwrap();
        assert!(is_finished(&pool, 5).await.unwrap());
        assert!(unfinished(&pool).await.unwrap().is_empty());
    }
}
