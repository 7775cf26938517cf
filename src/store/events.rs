//! Planned events (`/acara`): the event, who got the heads-up, who said
//! "Saya siap", and the request made from it. Every function that acts for
//! someone checks, in its transaction, that they may: staff only on events
//! of their own office, a producer only on events it was told about.

use super::access::{self, Check};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqlitePool;

use super::outbox::{self, Enqueue};
use crate::domain::event::EventStatus;
use crate::domain::notice::Notice;
use crate::domain::{Category, RegionCode};

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("not allowed")]
    NotAllowed,
    #[error("the event is no longer planned")]
    Closed,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub name: String,
    pub event_date: NaiveDate,
    pub regency: RegionCode,
    pub category: Option<Category>,
    pub item: String,
    pub quantity: u32,
    pub unit: String,
    pub last_safe_day: NaiveDate,
    pub nudge_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Event {
    pub id: i64,
    pub staff_user_id: i64,
    pub office_id: i64,
    pub office_name: String,
    pub name: String,
    pub event_date: NaiveDate,
    pub regency_code: RegionCode,
    pub category: Option<Category>,
    pub item: String,
    pub quantity: i64,
    pub unit: String,
    pub last_safe_day: NaiveDate,
    pub request_id: Option<i64>,
    pub status: EventStatus,
}

impl Event {
    /// Still waiting for its quote request.
    pub fn planned(&self) -> bool {
        self.status == EventStatus::Planned && self.request_id.is_none()
    }
}

const EVENT_COLUMNS: &str = "e.id, e.staff_user_id, e.office_id, o.name AS office_name, e.name,
    e.event_date, e.regency_code, e.category, e.item, e.quantity, e.unit, e.last_safe_day,
    e.request_id, e.status";

/// The office of an approved staff member.
async fn staff_office(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    user_id: i64,
) -> Result<i64, EventError> {
    let office = access::check(tx, Check::StaffOffice, user_id).await?;
    office.ok_or(EventError::NotAllowed)
}

/// Stores an event, a heads-up to each producer (by producer id; those
/// without a Telegram account are skipped) and the staff's nudge at
/// `nudge_at`, all in one transaction.
pub async fn create(
    pool: &SqlitePool,
    staff_user_id: i64,
    e: &NewEvent,
    producers: &[i64],
    now: DateTime<Utc>,
) -> Result<(i64, usize), EventError> {
    let mut tx = super::begin_write(pool).await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    let at = super::timestamp(now);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO events (staff_user_id, office_id, name, event_date, regency_code, category,
             item, quantity, unit, last_safe_day, nudge_at, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?) RETURNING id",
    )
    .bind(staff_user_id)
    .bind(office)
    .bind(&e.name)
    .bind(e.event_date)
    .bind(&e.regency)
    .bind(e.category)
    .bind(&e.item)
    .bind(e.quantity)
    .bind(&e.unit)
    .bind(e.last_safe_day)
    .bind(super::timestamp(e.nudge_at))
    .bind(&at)
    .fetch_one(&mut *tx)
    .await?;
    let mut told = 0;
    for producer in producers {
        let user: Option<i64> = sqlx::query_scalar(
            "SELECT p.user_id FROM producers p JOIN users u ON u.id = p.user_id
             WHERE p.id = ? AND p.verified = 1 AND u.status = 'approved' AND u.role = 'producer'",
        )
        .bind(producer)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(user) = user else { continue };
        let added = sqlx::query(
            "INSERT OR IGNORE INTO event_producers (event_id, producer_id, told_at) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(producer)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        if added.rows_affected() == 1 {
            outbox::notify(&mut tx, user, Notice::EventHeadsUp { event: id }, now).await?;
            told += 1;
        }
    }
    let nudge = Enqueue {
        due_at: e.nudge_at,
        ..Enqueue::now(staff_user_id, Notice::EventNudge { event: id }, now)
    };
    outbox::enqueue(&mut tx, &nudge, now).await?;
    tx.commit().await?;
    Ok((id, told))
}

pub async fn get(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<Event>> {
    sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events e JOIN offices o ON o.id = e.office_id WHERE e.id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// The event, if `staff_user_id` is approved staff of its office.
pub async fn for_staff(
    pool: &SqlitePool,
    staff_user_id: i64,
    id: i64,
) -> Result<Event, EventError> {
    let mut tx = pool.begin().await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    tx.commit().await?;
    match get(pool, id).await? {
        Some(e) if e.office_id == office => Ok(e),
        _ => Err(EventError::NotAllowed),
    }
}

/// The upcoming events of the staff member's office (from `from` on),
/// soonest first.
pub async fn of_office(
    pool: &SqlitePool,
    staff_user_id: i64,
    from: NaiveDate,
    limit: i64,
) -> Result<Vec<Event>, EventError> {
    let mut tx = pool.begin().await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    let rows = sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events e JOIN offices o ON o.id = e.office_id
         WHERE e.office_id = ? AND e.status != 'cancelled' AND e.event_date >= ?
         ORDER BY e.event_date, e.id LIMIT ?"
    ))
    .bind(office)
    .bind(from)
    .bind(limit)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows)
}

/// The businesses that said "Saya siap" for an event, first answer first.
pub async fn ready_names(pool: &SqlitePool, event_id: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT p.business_name FROM event_producers ep JOIN producers p ON p.id = ep.producer_id
         WHERE ep.event_id = ? AND ep.ready_at IS NOT NULL ORDER BY ep.ready_at, p.id",
    )
    .bind(event_id)
    .fetch_all(pool)
    .await
}

/// How many producers got the heads-up.
pub async fn told_count(pool: &SqlitePool, event_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM event_producers WHERE event_id = ?")
        .bind(event_id)
        .fetch_one(pool)
        .await
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadyOutcome {
    New,
    Already,
}

/// "Saya siap" from a producer: only one that got the heads-up, from an
/// approved account, while the event is planned or requested.
pub async fn ready(
    pool: &SqlitePool,
    producer_user_id: i64,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<(Event, ReadyOutcome), EventError> {
    let mut tx = super::begin_write(pool).await?;
    let row: Option<(i64, Option<String>, EventStatus)> = sqlx::query_as(
        "SELECT ep.producer_id, ep.ready_at, e.status
         FROM event_producers ep
         JOIN events e ON e.id = ep.event_id
         JOIN producers p ON p.id = ep.producer_id
         JOIN users u ON u.id = p.user_id
         WHERE ep.event_id = ? AND p.user_id = ? AND p.verified = 1
           AND u.role = 'producer' AND u.status = 'approved'",
    )
    .bind(event_id)
    .bind(producer_user_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((producer, ready_at, status)) = row else {
        return Err(EventError::NotAllowed);
    };
    if status == EventStatus::Cancelled {
        return Err(EventError::Closed);
    }
    let outcome = if ready_at.is_some() {
        ReadyOutcome::Already
    } else {
        sqlx::query(
            "UPDATE event_producers SET ready_at = ? WHERE event_id = ? AND producer_id = ?",
        )
        .bind(super::timestamp(now))
        .bind(event_id)
        .bind(producer)
        .execute(&mut *tx)
        .await?;
        ReadyOutcome::New
    };
    tx.commit().await?;
    let event = get(pool, event_id).await?.ok_or(EventError::NotAllowed)?;
    Ok((event, outcome))
}

/// Links the quote request made from an event (staff of its office only);
/// the event's nudge then has nothing left to say.
pub async fn mark_requested(
    pool: &SqlitePool,
    staff_user_id: i64,
    event_id: i64,
    request_id: i64,
) -> Result<(), EventError> {
    let mut tx = super::begin_write(pool).await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    let done = sqlx::query(
        "UPDATE events SET request_id = ?, status = 'requested'
         WHERE id = ? AND office_id = ? AND status = 'planned'
           AND EXISTS (SELECT 1 FROM requests r WHERE r.id = ? AND r.office_id = ?)",
    )
    .bind(request_id)
    .bind(event_id)
    .bind(office)
    .bind(request_id)
    .bind(office)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(EventError::Closed);
    }
    tx.commit().await?;
    Ok(())
}
