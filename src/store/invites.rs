//! Invite deep links that pre-approve the staff of one office.

use rand::Rng;
use rand::distr::Alphanumeric;
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::domain::RegionCode;

/// How long an invite link stays valid.
pub const VALID_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq)]
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
) -> Result<Invite, InviteError> {
    let mut tx = super::begin_write(pool).await?;
    let is_admin: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM users WHERE id = ? AND role = 'admin' AND status = 'approved'",
    )
    .bind(admin_id)
    .fetch_optional(&mut *tx)
    .await?;
    if is_admin.is_none() {
        return Err(InviteError::NotAdmin);
    }
    let office_id = super::accounts::office_id(&mut tx, office_name, regency).await?;
    let token: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(16)
        .map(char::from)
        .collect();
    let now = chrono::Utc::now();
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
    let invite = find(&mut tx, &token)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    tx.commit().await?;
    Ok(invite)
}

async fn find(tx: &mut Transaction<'_, Sqlite>, token: &str) -> sqlx::Result<Option<Invite>> {
    let row: Option<(String, i64, String, String)> = sqlx::query_as(
        "SELECT i.token, o.id, o.name, o.regency_code FROM invites i JOIN offices o ON o.id = i.office_id
         WHERE i.token = ? AND i.expires_at > ?",
    )
    .bind(token)
    .bind(super::now_text())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.and_then(|(token, office_id, office_name, regency)| {
        Some(Invite {
            token,
            office_id,
            office_name,
            regency: RegionCode::parse(&regency).ok()?,
        })
    }))
}

/// The invite behind a token, if it exists and has not expired.
pub async fn valid(tx: &mut Transaction<'_, Sqlite>, token: &str) -> sqlx::Result<Option<Invite>> {
    find(tx, token).await
}

/// Looks a token up outside a transaction (for the /start greeting).
pub async fn lookup(pool: &SqlitePool, token: &str) -> sqlx::Result<Option<Invite>> {
    let mut tx = pool.begin().await?;
    let found = find(&mut tx, token).await?;
    tx.commit().await?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::fresh_db;
    use crate::store::users;

    #[tokio::test]
    async fn only_admins_create_invites_and_tokens_resolve_to_the_office() {
        let (pool, _dir) = fresh_db().await;
        let samarinda = RegionCode::parse("64.72").unwrap();
        assert!(matches!(
            create(&pool, 5, "Dinas Pariwisata", &samarinda).await,
            Err(InviteError::NotAdmin)
        ));
        users::ensure_admin(&pool, 5).await.unwrap();
        let invite = create(&pool, 5, "Dinas Pariwisata", &samarinda)
            .await
            .unwrap();
        assert_eq!(invite.token.len(), 16);
        let found = lookup(&pool, &invite.token).await.unwrap().unwrap();
        assert_eq!(found.office_name, "Dinas Pariwisata");
        assert!(lookup(&pool, "nope").await.unwrap().is_none());
        // The same office name (any case) in the same regency is one office.
        let again = create(&pool, 5, "dinas pariwisata", &samarinda)
            .await
            .unwrap();
        assert_eq!(again.office_id, invite.office_id);
    }
}
