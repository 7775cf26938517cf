//! Delivery reminders: written when an order is accepted, taken when due
//! (marked sent in the same step, so a restart never sends one twice; one
//! that fell due while the bot was down is sent once at the next check),
//! dropped when the order is finished or cancelled.

use chrono::{DateTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use super::orders::Order;
use crate::domain::reminder::{self, ReminderKind};
use crate::domain::{RegionCode, Regions};

/// Writes the reminders of a just-accepted order that are still ahead.
pub(super) async fn schedule(
    tx: &mut Transaction<'_, Sqlite>,
    order_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let row: Option<(chrono::NaiveDate, String)> = sqlx::query_as(
        "SELECT r.delivery_date, r.regency_code FROM orders o JOIN requests r ON r.id = o.request_id WHERE o.id = ?",
    )
    .bind(order_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((delivery, regency)) = row else {
        return Ok(());
    };
    let zone = RegionCode::parse(&regency)
        .ok()
        .and_then(|c| Regions::embedded().timezone_of(&c))
        .unwrap_or(chrono_tz::Asia::Makassar);
    for (kind, at) in reminder::schedule(delivery, zone, now) {
        sqlx::query("INSERT OR IGNORE INTO reminders (order_id, kind, due_at) VALUES (?, ?, ?)")
            .bind(order_id)
            .bind(kind.as_str())
            .bind(super::timestamp(at))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq)]
pub struct DueReminder {
    pub id: i64,
    pub kind: ReminderKind,
    pub order: Order,
}

/// Reminders due at `now` whose order still runs; each is marked sent.
pub async fn take_due(pool: &SqlitePool, now: DateTime<Utc>) -> sqlx::Result<Vec<DueReminder>> {
    let mut tx = super::begin_write(pool).await?;
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT rm.id, rm.kind, rm.order_id, o.status FROM reminders rm JOIN orders o ON o.id = rm.order_id
         WHERE rm.status = 'pending' AND rm.due_at <= ? ORDER BY rm.due_at, rm.id",
    )
    .bind(super::timestamp(now))
    .fetch_all(&mut *tx)
    .await?;
    let mut keep = Vec::new();
    for (id, kind, order_id, status) in rows {
        let live = matches!(status.as_str(), "accepted" | "in_production" | "ready");
        sqlx::query("UPDATE reminders SET status = ?, sent_at = ? WHERE id = ?")
            .bind(if live { "sent" } else { "dropped" })
            .bind(super::timestamp(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if live && let Some(kind) = ReminderKind::parse(&kind) {
            keep.push((id, kind, order_id));
        }
    }
    tx.commit().await?;
    let mut out = Vec::with_capacity(keep.len());
    for (id, kind, order_id) in keep {
        if let Some(order) = super::orders::get(pool, order_id).await? {
            out.push(DueReminder { id, kind, order });
        }
    }
    Ok(out)
}

/// The producer answers "Masih sanggup?". Only the order's producer may.
pub async fn answer(
    pool: &SqlitePool,
    producer_user_id: i64,
    reminder_id: i64,
    ok: bool,
) -> sqlx::Result<Option<Order>> {
    let mut tx = super::begin_write(pool).await?;
    let order_id: Option<i64> = sqlx::query_scalar(
        "SELECT rm.order_id FROM reminders rm JOIN orders o ON o.id = rm.order_id
         JOIN producers p ON p.id = o.producer_id
         WHERE rm.id = ? AND p.user_id = ? AND rm.status = 'sent' AND rm.answer IS NULL",
    )
    .bind(reminder_id)
    .bind(producer_user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(order_id) = order_id else {
        return Ok(None);
    };
    sqlx::query("UPDATE reminders SET answer = ? WHERE id = ?")
        .bind(if ok { "ok" } else { "problem" })
        .bind(reminder_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    super::orders::get(pool, order_id).await
}
