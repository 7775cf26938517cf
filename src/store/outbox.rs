//! The durable outbox: notices written in the transaction of the change
//! that caused them, taken by the sender when due, finished exactly once.
//!
//! Row life: `pending` → `sending` (claimed, in flight) → `sent` (Telegram
//! confirmed; never sent again) | `blocked` | `failed` | `dropped` (no
//! longer matters). A row found `sending` at start-up was in flight when
//! the process died; it goes back to `pending` (the only way a message can
//! arrive twice, bounded by how many were in flight).

use chrono::{DateTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::domain::RegionCode;
use crate::domain::notice::Notice;

/// A row to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enqueue {
    pub user_id: i64,
    pub notice: Notice,
    pub due_at: DateTime<Utc>,
    pub urgent: bool,
    pub while_order: Option<i64>,
    pub broadcast_id: Option<i64>,
}

impl Enqueue {
    /// A notice due now, as urgent as its kind.
    pub fn now(user_id: i64, notice: Notice, now: DateTime<Utc>) -> Enqueue {
        Enqueue {
            user_id,
            urgent: notice.urgent(),
            notice,
            due_at: now,
            while_order: None,
            broadcast_id: None,
        }
    }

    /// Due at `at`, and only while `order` runs.
    pub fn at_for_order(user_id: i64, notice: Notice, at: DateTime<Utc>, order: i64) -> Enqueue {
        Enqueue {
            user_id,
            urgent: notice.urgent(),
            notice,
            due_at: at,
            while_order: Some(order),
            broadcast_id: None,
        }
    }
}

/// Writes one row inside the caller's transaction.
pub async fn enqueue(
    tx: &mut Transaction<'_, Sqlite>,
    row: &Enqueue,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO outbox (user_id, notice, urgent, due_at, while_order, broadcast_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(row.user_id)
    .bind(super::codec::json_text(row.notice.to_json())?)
    .bind(row.urgent)
    .bind(super::timestamp(row.due_at))
    .bind(row.while_order)
    .bind(row.broadcast_id)
    .bind(super::timestamp(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// A notice due now to one user.
pub async fn notify(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
    notice: Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    enqueue(tx, &Enqueue::now(user_id, notice, now), now).await?;
    Ok(())
}

/// A notice due now to every approved admin.
pub async fn notify_admins(
    tx: &mut Transaction<'_, Sqlite>,
    notice: Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    for id in admin_ids(tx).await? {
        notify(tx, id, notice.clone(), now).await?;
    }
    Ok(())
}

pub(super) async fn admin_ids(tx: &mut Transaction<'_, Sqlite>) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM users WHERE role = 'admin' AND status = 'approved' ORDER BY id",
    )
    .fetch_all(&mut **tx)
    .await
}

/// Drops the rows that mattered only while `order` ran (reminders, checks).
pub async fn drop_for_order(tx: &mut Transaction<'_, Sqlite>, order: i64) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "UPDATE outbox SET status = 'dropped' WHERE while_order = ? AND status = 'pending'",
    )
    .bind(order)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE reminders SET status = 'dropped' WHERE order_id = ? AND status = 'pending'",
    )
    .bind(order)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// A due row, with what the sender needs to pace and place it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    pub id: i64,
    pub user_id: i64,
    pub chat_id: i64,
    /// `None` when the stored JSON is not a notice this build knows.
    pub notice: Option<Notice>,
    pub urgent: bool,
    pub due_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub attempts: i64,
    pub broadcast_id: Option<i64>,
    /// The recipient's business or office region (for the local time).
    pub regency: Option<RegionCode>,
    pub reachable: bool,
}

#[derive(sqlx::FromRow)]
struct ReadyRow {
    id: i64,
    user_id: i64,
    chat_id: i64,
    notice: String,
    urgent: bool,
    due_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
    attempts: i64,
    broadcast_id: Option<i64>,
    regency: Option<RegionCode>,
    reachable: bool,
}

impl From<ReadyRow> for Ready {
    fn from(r: ReadyRow) -> Ready {
        Ready {
            id: r.id,
            user_id: r.user_id,
            chat_id: r.chat_id,
            notice: Notice::from_json(&r.notice),
            urgent: r.urgent,
            due_at: r.due_at,
            created_at: r.created_at,
            attempts: r.attempts,
            broadcast_id: r.broadcast_id,
            regency: r.regency,
            reachable: r.reachable,
        }
    }
}

/// Due rows, oldest first, at most one per user: a user's row waits while
/// an older row of theirs is due or in flight (order per chat).
pub async fn ready(pool: &SqlitePool, now: DateTime<Utc>, limit: i64) -> sqlx::Result<Vec<Ready>> {
    let rows: Vec<ReadyRow> = sqlx::query_as(
        "SELECT o.id, o.user_id, u.chat_id, o.notice, o.urgent, o.due_at, o.created_at, o.attempts,
                o.broadcast_id, COALESCE(p.regency_code, f.regency_code) AS regency, u.reachable
         FROM outbox o
         JOIN users u ON u.id = o.user_id
         LEFT JOIN producers p ON p.user_id = o.user_id
         LEFT JOIN staff s ON s.user_id = o.user_id
         LEFT JOIN offices f ON f.id = s.office_id
         WHERE o.status = 'pending' AND o.due_at <= ?1
           AND NOT EXISTS (
               SELECT 1 FROM outbox e
               WHERE e.user_id = o.user_id AND e.id < o.id
                 AND e.status IN ('pending', 'sending') AND e.due_at <= ?1)
         ORDER BY o.id
         LIMIT ?2",
    )
    .bind(super::timestamp(now))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(Ready::from).collect())
}

/// Moves a row to later (quiet hours). It stays pending.
pub async fn hold(pool: &SqlitePool, id: i64, until: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE outbox SET due_at = ? WHERE id = ? AND status = 'pending'")
        .bind(super::timestamp(until))
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Marks a row in flight. `false` if someone else took or finished it.
pub async fn claim(pool: &SqlitePool, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How a delivery attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Telegram confirmed it.
    Sent { message_id: i64 },
    /// No longer matters (order finished, superseded, ...).
    Dropped,
    /// The user blocked the bot (or the chat is gone): marked unreachable.
    Blocked,
    /// Try again at `at` (429, network, 5xx). `counts` is false for a 429,
    /// which is not the row's fault.
    Retry {
        at: DateTime<Utc>,
        error: String,
        counts: bool,
    },
    /// Telegram refused it for good.
    Failed { error: String },
}

/// Records the end of an attempt, in one transaction with its effects: a
/// sent reminder is marked sent; a blocked user is marked unreachable.
pub async fn finish(
    pool: &SqlitePool,
    row: &Ready,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut tx = super::begin_write(pool).await?;
    let at = super::timestamp(now);
    match outcome {
        Outcome::Sent { message_id } => {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
            )
            .bind(message_id)
            .bind(&at)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
            if let Some(Notice::Reminder { reminder }) = &row.notice {
                sqlx::query("UPDATE reminders SET status = 'sent', sent_at = ? WHERE id = ?")
                    .bind(&at)
                    .bind(reminder)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        Outcome::Dropped => {
            sqlx::query("UPDATE outbox SET status = 'dropped', sent_at = ? WHERE id = ?")
                .bind(&at)
                .bind(row.id)
                .execute(&mut *tx)
                .await?;
            if let Some(Notice::Reminder { reminder }) = &row.notice {
                sqlx::query(
                    "UPDATE reminders SET status = 'dropped' WHERE id = ? AND status = 'pending'",
                )
                .bind(reminder)
                .execute(&mut *tx)
                .await?;
            }
        }
        Outcome::Blocked => {
            sqlx::query("UPDATE outbox SET status = 'blocked', sent_at = ? WHERE id = ?")
                .bind(&at)
                .bind(row.id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE users SET reachable = 0, updated_at = ? WHERE id = ?")
                .bind(&at)
                .bind(row.user_id)
                .execute(&mut *tx)
                .await?;
        }
        Outcome::Retry {
            at: when,
            error,
            counts,
        } => {
            sqlx::query(
                "UPDATE outbox SET status = 'pending', due_at = ?, last_error = ?,
                        attempts = attempts - CASE WHEN ? THEN 0 ELSE 1 END
                 WHERE id = ?",
            )
            // Stored to the second: round up, never retry early.
            .bind(super::timestamp(ceil_second(*when)))
            .bind(error)
            .bind(*counts)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
        }
        Outcome::Failed { error } => {
            sqlx::query(
                "UPDATE outbox SET status = 'failed', last_error = ?, sent_at = ? WHERE id = ?",
            )
            .bind(error)
            .bind(&at)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await
}

fn ceil_second(t: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::{Duration, SubsecRound};
    let whole = t.trunc_subsecs(0);
    if whole < t {
        whole + Duration::seconds(1)
    } else {
        whole
    }
}

/// At start-up: rows that were in flight when the process stopped go back
/// to pending. Returns how many (each may reach its user twice).
pub async fn recover(pool: &SqlitePool) -> sqlx::Result<u64> {
    let done = sqlx::query("UPDATE outbox SET status = 'pending' WHERE status = 'sending'")
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

/// Rows of one broadcast by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub sent: i64,
    pub failed: i64,
    pub blocked: i64,
    /// Pending or in flight.
    pub left: i64,
}

pub async fn broadcast_tally(pool: &SqlitePool, broadcast: i64) -> sqlx::Result<Tally> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, count(*) FROM outbox WHERE broadcast_id = ? GROUP BY status",
    )
    .bind(broadcast)
    .fetch_all(pool)
    .await?;
    let mut t = Tally::default();
    for (status, n) in rows {
        match status.as_str() {
            "sent" => t.sent += n,
            "blocked" => t.blocked += n,
            "pending" | "sending" => t.left += n,
            // Skipped on purpose (muted since it was queued): not a failure.
            "dropped" => {}
            _ => t.failed += n,
        }
    }
    Ok(t)
}

/// Rows due at `now` and not sent yet, or in flight (the console and tests
/// wait for none).
pub async fn due_count(pool: &SqlitePool, now: DateTime<Utc>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE status = 'sending' OR (status = 'pending' AND due_at <= ?)",
    )
    .bind(super::timestamp(now))
    .fetch_one(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::utc as t;
    use crate::store::test_support::{fresh_db, user};

    async fn put(pool: &SqlitePool, user_id: i64, request: i64, at: DateTime<Utc>) -> i64 {
        let mut tx = crate::store::begin_write(pool).await.unwrap();
        let row = Enqueue {
            due_at: at,
            ..Enqueue::now(user_id, Notice::RequestCard { request }, at)
        };
        let id = enqueue(&mut tx, &row, at).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    #[tokio::test]
    async fn a_user_gets_their_rows_one_at_a_time_in_order() {
        let (pool, _dir) = fresh_db().await;
        user(&pool, 1).await;
        user(&pool, 2).await;
        let now = t("2026-03-20T03:00:00Z");
        let a1 = put(&pool, 1, 10, now).await;
        let a2 = put(&pool, 1, 11, now).await;
        let b1 = put(&pool, 2, 12, now).await;
        let ready1: Vec<i64> = ready(&pool, now, 10)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ready1, vec![a1, b1]);
        assert!(claim(&pool, a1).await.unwrap());
        assert!(
            !claim(&pool, a1).await.unwrap(),
            "a claimed row is not claimed twice"
        );
        // While a1 is in flight, a2 waits.
        let ready2: Vec<i64> = ready(&pool, now, 10)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ready2, vec![b1]);
        let row = ready(&pool, now, 10).await.unwrap().remove(0);
        let a1_row = Ready { id: a1, ..row };
        finish(&pool, &a1_row, &Outcome::Sent { message_id: 5 }, now)
            .await
            .unwrap();
        let ready3: Vec<i64> = ready(&pool, now, 10)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ready3, vec![a2, b1]);
    }

    #[tokio::test]
    async fn rows_in_flight_at_a_crash_go_back_to_pending_and_sent_rows_never_do() {
        let (pool, _dir) = fresh_db().await;
        user(&pool, 1).await;
        user(&pool, 2).await;
        let now = t("2026-03-20T03:00:00Z");
        let a = put(&pool, 1, 10, now).await;
        let b = put(&pool, 2, 11, now).await;
        let rows = ready(&pool, now, 10).await.unwrap();
        assert!(claim(&pool, a).await.unwrap());
        assert!(claim(&pool, b).await.unwrap());
        finish(&pool, &rows[0], &Outcome::Sent { message_id: 1 }, now)
            .await
            .unwrap();
        assert_eq!(recover(&pool).await.unwrap(), 1);
        let again: Vec<i64> = ready(&pool, now, 10)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(again, vec![b]);
    }

    #[tokio::test]
    async fn a_retry_waits_and_a_429_does_not_count_as_an_attempt() {
        let (pool, _dir) = fresh_db().await;
        user(&pool, 1).await;
        let now = t("2026-03-20T03:00:00Z");
        let a = put(&pool, 1, 10, now).await;
        let row = ready(&pool, now, 10).await.unwrap().remove(0);
        claim(&pool, a).await.unwrap();
        let later = t("2026-03-20T03:00:05Z");
        let retry = Outcome::Retry {
            at: later,
            error: "429".into(),
            counts: false,
        };
        finish(&pool, &row, &retry, now).await.unwrap();
        assert!(
            ready(&pool, now, 10).await.unwrap().is_empty(),
            "not before its time"
        );
        let row = ready(&pool, later, 10).await.unwrap().remove(0);
        assert_eq!(row.attempts, 0);
    }

    #[tokio::test]
    async fn a_blocked_user_is_marked_unreachable_with_the_row() {
        let (pool, _dir) = fresh_db().await;
        user(&pool, 1).await;
        let now = t("2026-03-20T03:00:00Z");
        put(&pool, 1, 10, now).await;
        let row = ready(&pool, now, 10).await.unwrap().remove(0);
        claim(&pool, row.id).await.unwrap();
        finish(&pool, &row, &Outcome::Blocked, now).await.unwrap();
        assert!(!crate::store::users::is_reachable(&pool, 1).await.unwrap());
        let status: String = sqlx::query_scalar("SELECT status FROM outbox WHERE id = ?")
            .bind(row.id)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(status, "blocked");
    }
}
