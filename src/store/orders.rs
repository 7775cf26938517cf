//! Orders after an award. Only the awarded producer moves an order; only
//! staff of the ordering office confirm receipt and rate; either may cancel
//! with a reason while the rules allow. Checked here, in the transaction.

use super::access::{self, Check};
use chrono::{DateTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::domain::notice::Notice;
use crate::domain::order::{OrderStatus, valid_rating};

use super::order_view::parties;
use super::outbox;

pub use super::order_view::{Order, get, of_user};

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("not allowed")]
    NotAllowed,
    #[error("cannot go from {from:?} to the asked status")]
    BadTransition { from: OrderStatus },
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Which side of an order the caller is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Producer,
    Staff,
}

/// The caller's side of an order, if they have one.
async fn side(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
    order_id: i64,
) -> Result<(Side, OrderStatus), OrderError> {
    let row: Option<(Option<i64>, i64, OrderStatus)> = sqlx::query_as(
        "SELECT p.user_id, r.office_id, ord.status FROM orders ord
         JOIN producers p ON p.id = ord.producer_id JOIN requests r ON r.id = ord.request_id WHERE ord.id = ?",
    )
    .bind(order_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((producer_user, office, status)) = row else {
        return Err(OrderError::NotAllowed);
    };
    if producer_user == Some(user_id) {
        return Ok((Side::Producer, status));
    }
    if access::check(tx, Check::StaffOffice, user_id).await? == Some(office) {
        return Ok((Side::Staff, status));
    }
    Err(OrderError::NotAllowed)
}

/// Queues a notice to the side that did not act.
async fn tell_other_side(
    tx: &mut Transaction<'_, Sqlite>,
    order_id: i64,
    acted: Side,
    notice: Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let (staff, producer) = parties(tx, order_id).await?;
    let other = match acted {
        Side::Producer => Some(staff),
        Side::Staff => producer,
    };
    if let Some(user) = other {
        outbox::notify(tx, user, notice, now).await?;
    }
    Ok(())
}

/// The order as the caller may see it, with their side.
pub async fn for_user(
    pool: &SqlitePool,
    user_id: i64,
    order_id: i64,
) -> Result<(Order, Side), OrderError> {
    let mut tx = pool.begin().await?;
    let (side, _) = side(&mut tx, user_id, order_id).await?;
    tx.commit().await?;
    let order = get(pool, order_id).await?.ok_or(OrderError::NotAllowed)?;
    Ok((order, side))
}

async fn set_status(
    tx: &mut Transaction<'_, Sqlite>,
    order_id: i64,
    to: OrderStatus,
    by: i64,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let now = super::timestamp(now);
    sqlx::query(
        "UPDATE orders SET status = ?1, updated_at = ?2,
             accepted_at = CASE WHEN ?1 = 'accepted' THEN ?2 ELSE accepted_at END
         WHERE id = ?3",
    )
    .bind(to)
    .bind(&now)
    .bind(order_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO order_events (order_id, status, by_user, note, at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(order_id)
    .bind(to)
    .bind(by)
    .bind(note)
    .bind(&now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Cancels an order, recording why and by whom.
async fn cancel_with_reason(
    tx: &mut Transaction<'_, Sqlite>,
    order_id: i64,
    by: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    set_status(tx, order_id, OrderStatus::Cancelled, by, Some(reason), now).await?;
    sqlx::query("UPDATE orders SET cancel_reason = ?, cancelled_by = ? WHERE id = ?")
        .bind(reason)
        .bind(by)
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Commits a change to an order and reads the order back as it now stands.
/// The row was just written, so not finding it is a failure (it used to
/// answer "not allowed", which told the user something untrue).
async fn commit_and_read(
    tx: Transaction<'_, Sqlite>,
    pool: &SqlitePool,
    order_id: i64,
) -> Result<Order, OrderError> {
    tx.commit().await?;
    let order = get(pool, order_id).await?;
    Ok(order.ok_or(sqlx::Error::RowNotFound)?)
}

/// The producer moves its order one step (accept, diproses, siap, terkirim),
/// or staff confirm receipt. Anything else is refused.
pub async fn advance(
    pool: &SqlitePool,
    user_id: i64,
    order_id: i64,
    to: OrderStatus,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let mut tx = super::begin_write(pool).await?;
    let (side, from) = side(&mut tx, user_id, order_id).await?;
    let allowed = match side {
        Side::Producer => from.producer_next() == Some(to),
        Side::Staff => to == OrderStatus::Received && from.staff_may_receive(),
    };
    if !allowed {
        return Err(OrderError::BadTransition { from });
    }
    set_status(&mut tx, order_id, to, user_id, None, now).await?;
    if to == OrderStatus::Accepted {
        // The delivery reminders and checks, written with the acceptance.
        super::reminders::schedule(&mut tx, order_id, now).await?;
    }
    if matches!(to, OrderStatus::Delivered | OrderStatus::Received) {
        outbox::drop_for_order(&mut tx, order_id).await?;
    }
    tell_other_side(
        &mut tx,
        order_id,
        side,
        Notice::OrderMoved {
            order: order_id,
            status: to,
        },
        now,
    )
    .await?;
    if to == OrderStatus::Received {
        sqlx::query("UPDATE producers SET finished_orders = finished_orders + 1 WHERE id = (SELECT producer_id FROM orders WHERE id = ?)")
            .bind(order_id)
            .execute(&mut *tx)
            .await?;
    }
    commit_and_read(tx, pool, order_id).await
}

/// Either side cancels, with a reason, while the order is not yet delivered.
pub async fn cancel(
    pool: &SqlitePool,
    user_id: i64,
    order_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(Order, Side), OrderError> {
    let mut tx = super::begin_write(pool).await?;
    let (side, from) = side(&mut tx, user_id, order_id).await?;
    if !from.may_cancel() {
        return Err(OrderError::BadTransition { from });
    }
    cancel_with_reason(&mut tx, order_id, user_id, reason, now).await?;
    outbox::drop_for_order(&mut tx, order_id).await?;
    tell_other_side(
        &mut tx,
        order_id,
        side,
        Notice::OrderCancelled { order: order_id },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((
        get(pool, order_id).await?.ok_or(OrderError::NotAllowed)?,
        side,
    ))
}

/// Staff rate a received order once: 1–5 stars and an optional comment.
pub async fn rate(
    pool: &SqlitePool,
    user_id: i64,
    order_id: i64,
    stars: u8,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    if !valid_rating(stars) {
        return Err(OrderError::NotAllowed);
    }
    let mut tx = super::begin_write(pool).await?;
    let (side, from) = side(&mut tx, user_id, order_id).await?;
    let rated: Option<i64> = sqlx::query_scalar("SELECT rating FROM orders WHERE id = ?")
        .bind(order_id)
        .fetch_one(&mut *tx)
        .await?;
    if side != Side::Staff || from != OrderStatus::Received || rated.is_some() {
        return Err(OrderError::BadTransition { from });
    }
    sqlx::query("UPDATE orders SET rating = ?, rating_comment = ?, updated_at = ? WHERE id = ?")
        .bind(i64::from(stars))
        .bind(comment)
        .bind(super::timestamp(now))
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE producers SET rating_sum = rating_sum + ?, rating_count = rating_count + 1
         WHERE id = (SELECT producer_id FROM orders WHERE id = ?)",
    )
    .bind(i64::from(stars))
    .bind(order_id)
    .execute(&mut *tx)
    .await?;
    commit_and_read(tx, pool, order_id).await
}

/// Staff let an unaccepted order lapse so they can award the next quote:
/// the order lapses and its request opens again (the lapsed producer's
/// quote no longer counts).
pub async fn lapse_and_reopen(
    pool: &SqlitePool,
    staff_user_id: i64,
    order_id: i64,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let mut tx = super::begin_write(pool).await?;
    let (side, from) = side(&mut tx, staff_user_id, order_id).await?;
    if side != Side::Staff || from != OrderStatus::Awarded {
        return Err(OrderError::BadTransition { from });
    }
    set_status(
        &mut tx,
        order_id,
        OrderStatus::Lapsed,
        staff_user_id,
        None,
        now,
    )
    .await?;
    reopen_for_others(&mut tx, order_id, "lapsed").await?;
    let notice = Notice::OrderLapsed { order: order_id };
    tell_other_side(&mut tx, order_id, Side::Staff, notice, now).await?;
    commit_and_read(tx, pool, order_id).await
}

/// Staff drop an order whose producer cannot deliver (it reported a problem
/// or did not confirm) to award another quote: the order is cancelled with
/// `reason`, the producer told, and the request opens again with the other
/// quotes.
pub async fn replace(
    pool: &SqlitePool,
    staff_user_id: i64,
    order_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Order, OrderError> {
    let mut tx = super::begin_write(pool).await?;
    let (side, from) = side(&mut tx, staff_user_id, order_id).await?;
    if side != Side::Staff || !from.may_cancel() {
        return Err(OrderError::BadTransition { from });
    }
    cancel_with_reason(&mut tx, order_id, staff_user_id, reason, now).await?;
    reopen_for_others(&mut tx, order_id, reason).await?;
    let notice = Notice::OrderCancelled { order: order_id };
    tell_other_side(&mut tx, order_id, Side::Staff, notice, now).await?;
    commit_and_read(tx, pool, order_id).await
}

/// After an order was dropped: its request opens again (unless another
/// order of it still runs), the dropped producer's quote no longer counts
/// (`reason` is recorded as its decline), the other quotes count again, and
/// what was scheduled for the order is dropped.
async fn reopen_for_others(
    tx: &mut Transaction<'_, Sqlite>,
    order_id: i64,
    reason: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE requests SET status = 'open' WHERE id = (SELECT request_id FROM orders WHERE id = ?)
           AND NOT EXISTS (SELECT 1 FROM orders o2 WHERE o2.request_id = requests.id
                           AND o2.status NOT IN ('lapsed', 'cancelled'))",
    )
    .bind(order_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE request_recipients SET status = 'declined', decline_reason = ?
         WHERE (request_id, producer_id) = (SELECT request_id, producer_id FROM orders WHERE id = ?)",
    )
    .bind(reason)
    .bind(order_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE request_recipients SET status = 'quoted'
         WHERE request_id = (SELECT request_id FROM orders WHERE id = ?1) AND status = 'not_chosen'
           AND producer_id IN (SELECT producer_id FROM quotes WHERE request_id = (SELECT request_id FROM orders WHERE id = ?1))",
    )
    .bind(order_id)
    .execute(&mut **tx)
    .await?;
    outbox::drop_for_order(tx, order_id).await?;
    Ok(())
}
