//! Delivery reminders: written when an order is accepted, taken when due
//! (marked sent in the same step, so a restart never sends one twice; one
//! that fell due while the bot was down is sent once at the next check),
//! dropped when the order is finished or cancelled.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use super::order_view::{self, Order};
use super::outbox::{self, Enqueue};
use crate::domain::notice::Notice;
use crate::domain::order::is_large;
use crate::domain::reminder::{self, ReminderKind};
use crate::domain::{RegionCode, Regions};

/// Writes the reminders of a just-accepted order that are still ahead, each
/// with its outbox row to the producer; the 18:00 H-1 "no answer" check for
/// the staff (and admins for a large order); the late-delivery check.
pub(super) async fn schedule(
    tx: &mut Transaction<'_, Sqlite>,
    order_id: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    type Row = (NaiveDate, Option<NaiveTime>, RegionCode, i64, i64);
    // The caller has just accepted this order in the same transaction: a
    // missing row is a failure (`RowNotFound`), not an order with nothing
    // to remind.
    let (delivery, time, regency, quantity, price): Row = sqlx::query_as(
        "SELECT r.delivery_date, r.delivery_time, r.regency_code, o.quantity, o.unit_price
         FROM orders o JOIN requests r ON r.id = o.request_id WHERE o.id = ?",
    )
    .bind(order_id)
    .fetch_one(&mut **tx)
    .await?;
    let (staff, producer) = order_view::parties(tx, order_id).await?;
    // A stored regency this build's region list does not know would put
    // every reminder at a guessed hour: refuse instead.
    let zone = Regions::embedded().timezone_of(&regency).ok_or_else(|| {
        sqlx::Error::Decode(
            format!("order {order_id}: regency {regency} is not in the region list").into(),
        )
    })?;
    let mut asks_h1 = false;
    for (kind, at) in reminder::schedule(delivery, zone, now) {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO reminders (order_id, kind, due_at) VALUES (?, ?, ?)
             ON CONFLICT (order_id, kind) DO UPDATE SET due_at = excluded.due_at RETURNING id",
        )
        .bind(order_id)
        .bind(kind)
        .bind(super::timestamp(at))
        .fetch_one(&mut **tx)
        .await?;
        asks_h1 |= kind == ReminderKind::H1;
        if let Some(producer) = producer {
            let notice = Notice::Reminder { reminder: id };
            outbox::enqueue(
                tx,
                &Enqueue::at_for_order(producer, notice, at, order_id),
                now,
            )
            .await?;
        }
    }
    if asks_h1 && let Some(at) = reminder::no_answer_check(delivery, zone) {
        let mut watchers = vec![staff];
        if is_large(quantity, price) {
            watchers.extend(outbox::admin_ids(tx).await?);
        }
        for user in watchers {
            let notice = Notice::NoAnswer { order: order_id };
            outbox::enqueue(tx, &Enqueue::at_for_order(user, notice, at, order_id), now).await?;
        }
    }
    if let Some(at) = reminder::late_check(delivery, time, zone) {
        for user in std::iter::once(staff).chain(producer) {
            let notice = Notice::Late { order: order_id };
            outbox::enqueue(tx, &Enqueue::at_for_order(user, notice, at, order_id), now).await?;
        }
    }
    Ok(())
}

/// The producer answers "Masih sanggup?". Only the order's producer may.
pub async fn answer(
    pool: &SqlitePool,
    producer_user_id: i64,
    reminder_id: i64,
    ok: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<Order>> {
    let mut tx = super::begin_write(pool).await?;
    let order_id: Option<i64> = sqlx::query_scalar(
        "SELECT rm.order_id FROM reminders rm JOIN orders o ON o.id = rm.order_id
         JOIN producers p ON p.id = o.producer_id
         WHERE rm.id = ? AND p.user_id = ? AND rm.status <> 'dropped' AND rm.due_at <= ? AND rm.answer IS NULL
           AND o.status IN ('accepted', 'in_production', 'ready')",
    )
    .bind(reminder_id)
    .bind(producer_user_id)
    .bind(super::timestamp(now))
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
    if ok {
        // Confirmed: the evening check has nothing to say.
        sqlx::query(
            "UPDATE outbox SET status = 'dropped' WHERE while_order = ? AND status = 'pending'
               AND json_extract(notice, '$.k') = 'no_answer'",
        )
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    } else {
        let (staff, _) = order_view::parties(&mut tx, order_id).await?;
        let (quantity, price): (i64, i64) =
            sqlx::query_as("SELECT quantity, unit_price FROM orders WHERE id = ?")
                .bind(order_id)
                .fetch_one(&mut *tx)
                .await?;
        let notice = Notice::ProducerProblem { order: order_id };
        outbox::notify(&mut tx, staff, notice.clone(), now).await?;
        if is_large(quantity, price) {
            outbox::notify_admins(&mut tx, notice, now).await?;
        }
    }
    tx.commit().await?;
    order_view::get(pool, order_id).await
}

/// One reminder as the sender needs it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Reminder {
    pub id: i64,
    pub order_id: i64,
    pub kind: ReminderKind,
    pub due_at: DateTime<Utc>,
    /// A later reminder of the same order is also due at `now`: after a
    /// downtime only the latest one is worth sending.
    pub superseded: bool,
}

pub async fn get(pool: &SqlitePool, id: i64, now: DateTime<Utc>) -> sqlx::Result<Option<Reminder>> {
    sqlx::query_as(
        "SELECT rm.id, rm.order_id, rm.kind, rm.due_at,
                EXISTS (SELECT 1 FROM reminders later WHERE later.order_id = rm.order_id
                        AND later.due_at > rm.due_at AND later.due_at <= ?2 AND later.status <> 'dropped')
                AS superseded
         FROM reminders rm WHERE rm.id = ?1",
    )
    .bind(id)
    .bind(super::timestamp(now))
    .fetch_optional(pool)
    .await
}

/// Whether the producer confirmed the H-1 reminder of an order
/// (`None`: not answered, or there is none).
pub async fn h1_answer(pool: &SqlitePool, order_id: i64) -> sqlx::Result<Option<String>> {
    let answer: Option<Option<String>> =
        sqlx::query_scalar("SELECT answer FROM reminders WHERE order_id = ? AND kind = 'h1'")
            .bind(order_id)
            .fetch_optional(pool)
            .await?;
    Ok(answer.flatten())
}
