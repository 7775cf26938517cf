//! Invite deep links that pre-approve the staff of one office.

use super::access::{self, Check};
use chrono::{DateTime, Utc};
use rand::Rng;
use rand::distr::Alphanumeric;
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::domain::RegionCode;

/// How long an invite link stays valid.
pub const VALID_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Invite {
    pub token: String,
    pub office_id: i64,
    pub office_name: String,
    pub regency: RegionCode,
}

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("only admins create invites")]
    NotAdmin,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Creates an invite for an office (created if new). Only admins may.
pub async fn create(
    pool: &SqlitePool,
    admin_id: i64,
    office_name: &str,
    regency: &RegionCode,
    now: DateTime<Utc>,
) -> Result<Invite, InviteError> {
    let mut tx = super::begin_write(pool).await?;
    if access::check(&mut tx, Check::AdminChat, admin_id)
        .await?
        .is_none()
    {
        return Err(InviteError::NotAdmin);
    }
    let office_id = super::offices::find_or_create(&mut tx, office_name, regency, now).await?;
    let token: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(16)
        .map(char::from)
        .collect();
    sqlx::query(
        "INSERT INTO invites (token, office_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&token)
    .bind(office_id)
    .bind(admin_id)
    .bind(super::timestamp(now))
    .bind(super::timestamp(now + chrono::Duration::days(VALID_DAYS)))
    .execute(&mut *tx)
    .await?;
    let invite = find(&mut tx, &token, now)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    tx.commit().await?;
    Ok(invite)
}

async fn find(
    tx: &mut Transaction<'_, Sqlite>,
    token: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Invite>> {
    sqlx::query_as(
        "SELECT i.token, o.id AS office_id, o.name AS office_name, o.regency_code AS regency
         FROM invites i JOIN offices o ON o.id = i.office_id
         WHERE i.token = ? AND i.expires_at > ?",
    )
    .bind(token)
    .bind(super::timestamp(now))
    .fetch_optional(&mut **tx)
    .await
}

/// Uses the invite behind a token, if it exists and has not expired at
/// `now` (its use is counted in the caller's transaction).
pub async fn redeem(
    tx: &mut Transaction<'_, Sqlite>,
    token: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Invite>> {
    let Some(invite) = find(tx, token, now).await? else {
        return Ok(None);
    };
    sqlx::query("UPDATE invites SET uses = uses + 1 WHERE token = ?")
        .bind(token)
        .execute(&mut **tx)
        .await?;
    Ok(Some(invite))
}

/// Looks a token up outside a transaction (for the /start greeting).
pub async fn lookup(
    pool: &SqlitePool,
    token: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Invite>> {
    let mut tx = pool.begin().await?;
    let found = find(&mut tx, token, now).await?;
    tx.commit().await?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{fresh_db, now};
    use crate::store::users;

    #[tokio::test]
    async fn only_admins_create_invites_and_tokens_resolve_to_the_office() {
        let (pool, _dir) = fresh_db().await;
        let samarinda = RegionCode::parse("64.72").unwrap();
        assert!(matches!(
            create(&pool, 5, "Dinas Pariwisata", &samarinda, now()).await,
            Err(InviteError::NotAdmin)
        ));
        users::ensure_admin(&pool, 5, now()).await.unwrap();
        let invite = create(&pool, 5, "Dinas Pariwisata", &samarinda, now())
            .await
            .unwrap();
        assert_eq!(invite.token.len(), 16);
        let found = lookup(&pool, &invite.token, now()).await.unwrap().unwrap();
        assert_eq!(found.office_name, "Dinas Pariwisata");
        assert!(lookup(&pool, "nope", now()).await.unwrap().is_none());
        // The same office name (any case) in the same regency is one office.
        let again = create(&pool, 5, "dinas pariwisata", &samarinda, now())
            .await
            .unwrap();
        assert_eq!(again.office_id, invite.office_id);
    }
}
