//! The only room that speaks SQL. Small free functions named for what they
//! do, taking a pool (or a transaction) and plain domain values.

mod access;
pub mod accounts;
pub mod broadcasts;
pub mod catalogue;
mod codec;
pub mod demo;
pub mod dialogues;
pub mod directory;
pub mod events;
pub mod import;
pub mod inbox;
pub mod invites;
pub mod offices;
pub mod order_view;
pub mod orders;
pub mod outbox;
mod producer_lists;
pub mod regions;
pub mod reminders;
pub mod requests;
pub mod synthetic;
pub mod users;

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use sqlx::SqlitePool as Pool;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if missing) the database with WAL, foreign keys,
/// `synchronous=NORMAL`, a busy timeout and up to 256 MiB memory-mapped.
pub async fn connect(database_url: &str) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(database_url)
        .with_context(|| format!("DATABASE_URL is not a SQLite URL: {database_url}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // Read pages through a memory map rather than a read() call each:
        // search joins thousands of scattered producer rows (BENCHMARKS.md).
        .pragma("mmap_size", "268435456");
    SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .with_context(|| format!("cannot open database {database_url}"))
}

/// Applies pending migrations and loads the region list if it is not there yet.
pub async fn migrate(pool: &SqlitePool) -> anyhow::Result<()> {
    MIGRATOR
        .run(pool)
        .await
        .context("database migrations failed")?;
    regions::seed(pool, crate::domain::Regions::embedded())
        .await
        .context("loading the region list failed")?;
    Ok(())
}

/// Opens and migrates: what every subcommand does first.
pub async fn open(database_url: &str) -> anyhow::Result<SqlitePool> {
    let pool = connect(database_url).await?;
    migrate(&pool).await?;
    Ok(pool)
}

/// A write transaction that takes the write lock up front, so that a
/// read-then-write transaction never fails with "database is locked" when
/// another writer is active (it waits for the busy timeout instead).
pub async fn begin_write(pool: &SqlitePool) -> sqlx::Result<Transaction<'static, Sqlite>> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// A time as stored: RFC 3339, UTC, second precision.
pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Copies the live database to `path` (`VACUUM INTO`), safe while the bot runs.
pub async fn backup(pool: &SqlitePool, path: &str) -> anyhow::Result<()> {
    sqlx::query("VACUUM INTO ?")
        .bind(path)
        .execute(pool)
        .await
        .with_context(|| format!("backup to {path} failed"))?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A fresh, migrated database in a temporary directory.
    pub async fn fresh_db() -> (SqlitePool, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite:{}", dir.path().join("test.db").display());
        let pool = open(&url).await.expect("open db");
        (pool, dir)
    }

    /// "Now" for a store test, from a system [`Clock`](crate::clock::Clock).
    pub fn now() -> chrono::DateTime<chrono::Utc> {
        crate::clock::Clock::system().now()
    }

    /// One number from SQL, for tests of other rooms (SQL stays in the store).
    pub async fn count(pool: &SqlitePool, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(pool).await.expect(sql)
    }

    /// A user row with `chat_id = id`.
    pub async fn user(pool: &SqlitePool, id: i64) {
        sqlx::query(
            "INSERT INTO users (id, chat_id, first_name, created_at, updated_at) VALUES (?, ?, 'u', '', '')",
        )
        .bind(id)
        .bind(id)
        .execute(pool)
        .await
        .expect("insert user");
    }

    /// A user as the bot first sees them (`users::touch`), `chat_id = id`.
    pub async fn seen(pool: &SqlitePool, id: i64) {
        let who = users::Seen {
            id,
            chat_id: id,
            first_name: "U",
            username: None,
            telegram_language: crate::domain::Lang::Id,
        };
        users::touch(pool, &who, now()).await.expect("touch user");
    }
}
