//! Government offices: one row per name (any letter case) and regency.
//! Below `accounts` (staff registration), `invites` (an invite is for an
//! office) and `demo`, so none of them needs another's file.

use chrono::{DateTime, Utc};
use sqlx::{Sqlite, Transaction};

use crate::domain::RegionCode;

/// Finds the office by name (case-insensitive) and regency, creating it.
pub async fn find_or_create(
    tx: &mut Transaction<'_, Sqlite>,
    name: &str,
    regency: &RegionCode,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query("INSERT OR IGNORE INTO offices (name, regency_code, created_at) VALUES (?, ?, ?)")
        .bind(name)
        .bind(regency)
        .bind(super::timestamp(now))
        .execute(&mut **tx)
        .await?;
    sqlx::query_scalar("SELECT id FROM offices WHERE lower(name) = lower(?) AND regency_code = ?")
        .bind(name)
        .bind(regency)
        .fetch_one(&mut **tx)
        .await
}
