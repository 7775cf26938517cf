//! Telegram accounts: who they are, their role, status and language.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::domain::{AccountStatus, Lang, Role};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub chat_id: i64,
    pub first_name: String,
    pub language: Lang,
    pub role: Option<Role>,
    pub status: AccountStatus,
    pub reachable: bool,
}

const COLUMNS: &str = "id, chat_id, first_name, language, role, status, reachable";

/// What Telegram tells about the sender of an update.
#[derive(Debug, Clone)]
pub struct Seen<'a> {
    pub id: i64,
    pub chat_id: i64,
    pub first_name: &'a str,
    pub username: Option<&'a str>,
    pub telegram_language: Lang,
}

/// Records that a user wrote to the bot and returns the account. A new user
/// gets the language Telegram reports; later it follows Telegram's language
/// until the user picks one with /bahasa. Writing again makes them reachable.
pub async fn touch(pool: &SqlitePool, seen: &Seen<'_>, now: DateTime<Utc>) -> sqlx::Result<User> {
    sqlx::query_as(&format!(
        "INSERT INTO users (id, chat_id, first_name, username, language, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT(id) DO UPDATE SET
             chat_id = excluded.chat_id,
             first_name = excluded.first_name,
             username = excluded.username,
             language = CASE WHEN users.language_chosen = 1 THEN users.language ELSE excluded.language END,
             reachable = 1,
             updated_at = excluded.updated_at
         RETURNING {COLUMNS}"
    ))
    .bind(seen.id)
    .bind(seen.chat_id)
    .bind(seen.first_name)
    .bind(seen.username)
    .bind(seen.telegram_language)
    .bind(super::timestamp(now))
    .fetch_one(pool)
    .await
}

pub async fn get(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<User>> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Remembers the language picked with /bahasa.
pub async fn set_language(
    pool: &SqlitePool,
    id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET language = ?, language_chosen = 1, updated_at = ? WHERE id = ?")
        .bind(lang)
        .bind(super::timestamp(now))
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Approved admins that can still be messaged.
pub async fn admins(pool: &SqlitePool) -> sqlx::Result<Vec<User>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users
         WHERE role = 'admin' AND status = 'approved' AND reachable = 1 ORDER BY id"
    ))
    .fetch_all(pool)
    .await
}

/// Makes a Telegram user an approved admin (from configuration or
/// `pesanlokal admin add`). The private chat id equals the user id until the
/// user writes to the bot. Returns the role the account had before.
pub async fn ensure_admin(
    pool: &SqlitePool,
    id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Role>> {
    let mut tx = super::begin_write(pool).await?;
    let before: Option<Option<Role>> = sqlx::query_scalar("SELECT role FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let now = super::timestamp(now);
    sqlx::query(
        "INSERT INTO users (id, chat_id, role, status, created_at, updated_at)
         VALUES (?1, ?1, 'admin', 'approved', ?2, ?2)
         ON CONFLICT(id) DO UPDATE SET role = 'admin', status = 'approved', updated_at = ?2",
    )
    .bind(id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(before.flatten())
}

/// False only for a chat Telegram said blocked the bot (unknown chats are
/// assumed reachable).
pub async fn is_reachable(pool: &SqlitePool, chat_id: i64) -> sqlx::Result<bool> {
    let reachable: Option<bool> =
        sqlx::query_scalar("SELECT reachable FROM users WHERE chat_id = ?")
            .bind(chat_id)
            .fetch_optional(pool)
            .await?;
    // No row: a chat we never heard from is not known to be blocked.
    Ok(reachable.unwrap_or(true))
}

/// Telegram said this chat blocked the bot: stop messaging it.
pub async fn mark_unreachable(
    pool: &SqlitePool,
    chat_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET reachable = 0, updated_at = ? WHERE chat_id = ?")
        .bind(super::timestamp(now))
        .bind(chat_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Mutes (or unmutes) announcements for a user. Verification results and
/// order notices are never muted.
pub async fn set_muted(
    pool: &SqlitePool,
    id: i64,
    muted: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET muted = ?, updated_at = ? WHERE id = ?")
        .bind(muted)
        .bind(super::timestamp(now))
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Whether the user muted announcements (unknown users are not muted).
pub async fn is_muted(pool: &SqlitePool, id: i64) -> sqlx::Result<bool> {
    let muted: Option<bool> = sqlx::query_scalar("SELECT muted FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    // No row: nobody muted anything.
    Ok(muted.unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{fresh_db, now};

    fn seen(lang: Lang) -> Seen<'static> {
        Seen {
            id: 42,
            chat_id: 42,
            first_name: "Sari",
            username: None,
            telegram_language: lang,
        }
    }

    #[tokio::test]
    async fn a_chosen_language_outlives_telegram_language_changes() {
        let (pool, _dir) = fresh_db().await;
        let u = touch(&pool, &seen(Lang::En), now()).await.unwrap();
        assert_eq!(u.language, Lang::En);
        assert_eq!(u.status, AccountStatus::New);
        let u = touch(&pool, &seen(Lang::Id), now()).await.unwrap();
        assert_eq!(u.language, Lang::Id, "follows Telegram until chosen");
        set_language(&pool, 42, Lang::En, now()).await.unwrap();
        let u = touch(&pool, &seen(Lang::Id), now()).await.unwrap();
        assert_eq!(u.language, Lang::En);
    }

    #[tokio::test]
    async fn configured_admins_are_approved_admins() {
        let (pool, _dir) = fresh_db().await;
        assert_eq!(ensure_admin(&pool, 7, now()).await.unwrap(), None);
        assert_eq!(
            ensure_admin(&pool, 7, now()).await.unwrap(),
            Some(Role::Admin)
        );
        let admins = admins(&pool).await.unwrap();
        assert_eq!(admins.len(), 1);
        assert_eq!(admins[0].status, AccountStatus::Approved);
    }
}
