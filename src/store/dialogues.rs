//! Guided-flow state per chat, as JSON text.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

pub async fn get(pool: &SqlitePool, chat_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT state FROM dialogues WHERE chat_id = ?")
        .bind(chat_id)
        .fetch_optional(pool)
        .await
}

pub async fn put(
    pool: &SqlitePool,
    chat_id: i64,
    state: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO dialogues (chat_id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
    )
    .bind(chat_id)
    .bind(state)
    .bind(super::timestamp(now))
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn remove(pool: &SqlitePool, chat_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM dialogues WHERE chat_id = ?")
        .bind(chat_id)
        .execute(pool)
        .await?;
    Ok(())
}
