//! Quote requests, quotes and awards. Every function that acts for someone
//! takes their Telegram user id and checks, in the same transaction, that
//! they may: a producer only on requests sent to it, staff only on requests
//! of their own office.

use super::access::{self, Check};
use super::outbox::{self, Enqueue};
use crate::domain::notice::Notice;
use crate::domain::order::ACCEPT_WITHIN;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::domain::request_status::{RecipientStatus, RequestStatus};
use crate::domain::{Category, Place, RegionCode};

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("not allowed")]
    NotAllowed,
    #[error("the request is closed")]
    Closed,
    #[error("the quote deadline has passed")]
    DeadlinePassed,
    #[error("more than was asked")]
    TooMany,
    #[error("the parts do not add up to {expected}")]
    SumMismatch { expected: i64, got: i64 },
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewRequest {
    pub item: String,
    pub category: Option<Category>,
    pub quantity: u32,
    pub unit: String,
    pub delivery_date: NaiveDate,
    pub delivery_time: Option<NaiveTime>,
    pub place: Place,
    pub budget_per_unit: Option<u64>,
    pub budget_total: Option<u64>,
    pub halal: bool,
    pub purpose: Option<String>,
    pub raw_text: Option<String>,
    pub quote_deadline: DateTime<Utc>,
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Request {
    pub id: i64,
    pub staff_user_id: i64,
    pub office_id: i64,
    pub office_name: String,
    pub item: String,
    pub category: Option<Category>,
    pub quantity: i64,
    pub unit: String,
    pub delivery_date: NaiveDate,
    pub delivery_time: Option<NaiveTime>,
    pub regency_code: RegionCode,
    pub district_code: Option<String>,
    pub budget_per_unit: Option<i64>,
    pub budget_total: Option<i64>,
    pub halal: bool,
    pub purpose: Option<String>,
    pub shared: bool,
    pub quote_deadline: DateTime<Utc>,
    pub status: RequestStatus,
}

const REQUEST_COLUMNS: &str =
    "r.id, r.staff_user_id, r.office_id, o.name AS office_name, r.item, r.category,
    r.quantity, r.unit, r.delivery_date, r.delivery_time, r.regency_code, r.district_code,
    r.budget_per_unit, r.budget_total, r.halal, r.purpose, r.shared, r.quote_deadline, r.status";

/// A producer who could be sent a request: verified, with a reachable
/// Telegram account, in the province, making the category or the item.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CandidateRow {
    pub id: i64,
    pub user_id: i64,
    pub business_name: String,
    pub daily_capacity: i64,
    pub min_lead_days: i64,
    pub min_order: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub same_regency: bool,
    pub matches_item: bool,
    pub recent_requests: i64,
}

/// Candidates for a request in `regency` (its whole province is served).
/// `fts` is an FTS5 expression over the item words (from
/// `domain::search::fts_expression`), matched against products and names.
pub async fn candidates(
    pool: &SqlitePool,
    regency: &RegionCode,
    category: Option<Category>,
    fts: Option<&str>,
    halal: bool,
    since: DateTime<Utc>,
) -> sqlx::Result<Vec<CandidateRow>> {
    // Without item words there is nothing to match by text (and FTS5 must
    // never see an empty expression).
    let hits = if fts.is_some() {
        "SELECT rowid AS id FROM producer_fts WHERE producer_fts MATCH ?3"
    } else {
        "SELECT NULL AS id WHERE ?3 IS NOT NULL"
    };
    sqlx::query_as(&format!(
        "WITH item_hits AS ({hits})
         SELECT p.id, p.user_id, p.business_name, p.daily_capacity, p.min_lead_days, p.min_order,
                p.rating_sum, p.rating_count,
                p.regency_code = ?1 AS same_regency,
                p.id IN (SELECT id FROM item_hits) AS matches_item,
                (SELECT count(*) FROM request_recipients rr WHERE rr.producer_id = p.id AND rr.sent_at >= ?5) AS recent_requests
         FROM producers p JOIN users u ON u.id = p.user_id
         WHERE p.verified = 1 AND u.status = 'approved' AND u.role = 'producer' AND u.reachable = 1
           AND p.regency_code IN (SELECT code FROM regencies
                                  WHERE province_code = (SELECT province_code FROM regencies WHERE code = ?1))
           AND (?4 = 0 OR p.halal = 1)
           AND (p.id IN (SELECT id FROM item_hits)
                OR (?2 IS NOT NULL AND EXISTS (SELECT 1 FROM producer_categories pc
                                                WHERE pc.producer_id = p.id AND pc.category = ?2)))"
    ))
    .bind(regency)
    .bind(category)
    .bind(fts)
    .bind(halal)
    .bind(super::timestamp(since))
    .fetch_all(pool)
    .await
}

/// Leave ranges of these producers that end on or after `from`.
pub async fn leave_of(
    pool: &SqlitePool,
    producer_ids: &[i64],
    from: NaiveDate,
) -> sqlx::Result<Vec<(i64, NaiveDate, NaiveDate)>> {
    sqlx::query_as(
        "SELECT producer_id, start_date, end_date FROM producer_leave
         WHERE producer_id IN (SELECT value FROM json_each(?)) AND end_date >= ?",
    )
    .bind(super::codec::json_array(producer_ids))
    .bind(from)
    .fetch_all(pool)
    .await
}

/// The office of an approved staff member.
async fn staff_office(tx: &mut Transaction<'_, Sqlite>, user_id: i64) -> Result<i64, RequestError> {
    let office = access::check(tx, Check::StaffOffice, user_id).await?;
    office.ok_or(RequestError::NotAllowed)
}

/// The producer of an approved producer account.
async fn producer_of(tx: &mut Transaction<'_, Sqlite>, user_id: i64) -> Result<i64, RequestError> {
    let id = access::check(tx, Check::VerifiedProducer, user_id).await?;
    id.ok_or(RequestError::NotAllowed)
}

/// Queues a notice to the staff who made the request.
async fn tell_staff(
    tx: &mut Transaction<'_, Sqlite>,
    request_id: i64,
    notice: Notice,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let staff: i64 = sqlx::query_scalar("SELECT staff_user_id FROM requests WHERE id = ?")
        .bind(request_id)
        .fetch_one(&mut **tx)
        .await?;
    outbox::notify(tx, staff, notice, now).await
}

/// Stores a request and who it goes to (with their part, for a shared one).
pub async fn create(
    pool: &SqlitePool,
    staff_user_id: i64,
    r: &NewRequest,
    recipients: &[(i64, Option<u32>)],
    at: DateTime<Utc>,
) -> Result<i64, RequestError> {
    let mut tx = super::begin_write(pool).await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    let now = super::timestamp(at);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO requests (staff_user_id, office_id, item, category, quantity, unit, delivery_date,
             delivery_time, regency_code, district_code, budget_per_unit, budget_total, halal, purpose,
             raw_text, shared, quote_deadline, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id",
    )
    .bind(staff_user_id)
    .bind(office)
    .bind(&r.item)
    .bind(r.category)
    .bind(r.quantity)
    .bind(&r.unit)
    .bind(r.delivery_date)
    .bind(r.delivery_time.map(super::codec::hour_minute))
    .bind(&r.place.regency)
    .bind(&r.place.district)
    .bind(r.budget_per_unit.map(|v| v as i64))
    .bind(r.budget_total.map(|v| v as i64))
    .bind(r.halal)
    .bind(&r.purpose)
    .bind(&r.raw_text)
    .bind(r.shared)
    .bind(super::timestamp(r.quote_deadline))
    .bind(&now)
    .fetch_one(&mut *tx)
    .await?;
    for (producer, part) in recipients {
        sqlx::query(
            "INSERT INTO request_recipients (request_id, producer_id, part_quantity, sent_at) VALUES (?, ?, ?, ?)",
        )
        .bind(id)
        .bind(producer)
        .bind(part)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        let user: Option<Option<i64>> =
            sqlx::query_scalar("SELECT user_id FROM producers WHERE id = ?")
                .bind(producer)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(Some(user)) = user {
            outbox::notify(&mut tx, user, Notice::RequestCard { request: id }, at).await?;
        }
    }
    // What came in, told to the staff at the deadline.
    let digest = Enqueue {
        due_at: r.quote_deadline,
        ..Enqueue::now(staff_user_id, Notice::QuoteDeadline { request: id }, at)
    };
    outbox::enqueue(&mut tx, &digest, at).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn get(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(&format!(
        "SELECT {REQUEST_COLUMNS} FROM requests r JOIN offices o ON o.id = r.office_id WHERE r.id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Where a request went: producer, its account, part and answer.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Recipient {
    pub producer_id: i64,
    pub user_id: i64,
    pub business_name: String,
    pub part_quantity: Option<i64>,
    pub status: RecipientStatus,
}

pub async fn recipients(pool: &SqlitePool, request_id: i64) -> sqlx::Result<Vec<Recipient>> {
    sqlx::query_as(
        "SELECT rr.producer_id, p.user_id, p.business_name, rr.part_quantity, rr.status
         FROM request_recipients rr JOIN producers p ON p.id = rr.producer_id
         WHERE rr.request_id = ? AND p.user_id IS NOT NULL ORDER BY rr.rowid",
    )
    .bind(request_id)
    .fetch_all(pool)
    .await
}

/// The request as one recipient producer sees it, with its part; only if
/// it was sent to this producer.
pub async fn for_producer(
    pool: &SqlitePool,
    producer_user_id: i64,
    request_id: i64,
) -> Result<(Request, Recipient), RequestError> {
    let mut tx = pool.begin().await?;
    let producer = producer_of(&mut tx, producer_user_id).await?;
    let recipient: Option<Recipient> = sqlx::query_as(
        "SELECT rr.producer_id, p.user_id, p.business_name, rr.part_quantity, rr.status
         FROM request_recipients rr JOIN producers p ON p.id = rr.producer_id
         WHERE rr.request_id = ? AND rr.producer_id = ?",
    )
    .bind(request_id)
    .bind(producer)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    let recipient = recipient.ok_or(RequestError::NotAllowed)?;
    let request = get(pool, request_id)
        .await?
        .ok_or(RequestError::NotAllowed)?;
    Ok((request, recipient))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteOutcome {
    New,
    Revised,
}

/// A producer's quote, or its revision before the deadline.
pub async fn quote(
    pool: &SqlitePool,
    producer_user_id: i64,
    request_id: i64,
    unit_price: u64,
    quantity: u32,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<QuoteOutcome, RequestError> {
    let mut tx = super::begin_write(pool).await?;
    let producer = producer_of(&mut tx, producer_user_id).await?;
    let row: Option<(RequestStatus, DateTime<Utc>, i64)> = sqlx::query_as(
        "SELECT r.status, r.quote_deadline, r.quantity FROM requests r
         JOIN request_recipients rr ON rr.request_id = r.id AND rr.producer_id = ?
         WHERE r.id = ?",
    )
    .bind(producer)
    .bind(request_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((status, deadline, asked)) = row else {
        return Err(RequestError::NotAllowed);
    };
    if status != RequestStatus::Open {
        return Err(RequestError::Closed);
    }
    if now > deadline {
        return Err(RequestError::DeadlinePassed);
    }
    if i64::from(quantity) > asked {
        return Err(RequestError::TooMany);
    }
    let stamp = super::timestamp(now);
    let existed: Option<i64> =
        sqlx::query_scalar("SELECT id FROM quotes WHERE request_id = ? AND producer_id = ?")
            .bind(request_id)
            .bind(producer)
            .fetch_optional(&mut *tx)
            .await?;
    sqlx::query(
        "INSERT INTO quotes (request_id, producer_id, unit_price, quantity, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT(request_id, producer_id) DO UPDATE SET unit_price = excluded.unit_price,
             quantity = excluded.quantity, note = excluded.note, revision = quotes.revision + 1,
             updated_at = excluded.updated_at",
    )
    .bind(request_id)
    .bind(producer)
    .bind(unit_price as i64)
    .bind(quantity)
    .bind(note)
    .bind(&stamp)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE request_recipients SET status = 'quoted', decline_reason = NULL WHERE request_id = ? AND producer_id = ?")
        .bind(request_id)
        .bind(producer)
        .execute(&mut *tx)
        .await?;
    let notice = Notice::QuoteReceived {
        request: request_id,
        producer,
        revised: existed.is_some(),
    };
    tell_staff(&mut tx, request_id, notice, now).await?;
    tx.commit().await?;
    Ok(if existed.is_some() {
        QuoteOutcome::Revised
    } else {
        QuoteOutcome::New
    })
}

/// A producer declines (with an optional reason). A quote given before is withdrawn.
pub async fn decline(
    pool: &SqlitePool,
    producer_user_id: i64,
    request_id: i64,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), RequestError> {
    let mut tx = super::begin_write(pool).await?;
    let producer = producer_of(&mut tx, producer_user_id).await?;
    let status: Option<RequestStatus> = sqlx::query_scalar(
        "SELECT r.status FROM requests r JOIN request_recipients rr ON rr.request_id = r.id AND rr.producer_id = ?
         WHERE r.id = ?",
    )
    .bind(producer)
    .bind(request_id)
    .fetch_optional(&mut *tx)
    .await?;
    match status {
        None => return Err(RequestError::NotAllowed),
        Some(RequestStatus::Open) => {}
        Some(_) => return Err(RequestError::Closed),
    }
    sqlx::query("DELETE FROM quotes WHERE request_id = ? AND producer_id = ?")
        .bind(request_id)
        .bind(producer)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE request_recipients SET status = 'declined', decline_reason = ? WHERE request_id = ? AND producer_id = ?")
        .bind(reason)
        .bind(request_id)
        .bind(producer)
        .execute(&mut *tx)
        .await?;
    let notice = Notice::QuoteDeclined {
        request: request_id,
        producer,
    };
    tell_staff(&mut tx, request_id, notice, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A quote as staff compare them.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct QuoteRow {
    pub quote_id: i64,
    pub producer_id: i64,
    pub producer_user_id: i64,
    pub business_name: String,
    pub unit_price: i64,
    pub quantity: i64,
    pub note: Option<String>,
    pub revision: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub finished_orders: i64,
    pub min_lead_days: i64,
}

/// The columns and joins of a [`QuoteRow`].
const QUOTE_SELECT: &str = "SELECT q.id AS quote_id, q.producer_id, p.user_id AS producer_user_id, p.business_name,
        q.unit_price, q.quantity, q.note, q.revision, p.rating_sum, p.rating_count, p.finished_orders, p.min_lead_days
    FROM quotes q JOIN producers p ON p.id = q.producer_id
    JOIN request_recipients rr ON rr.request_id = q.request_id AND rr.producer_id = q.producer_id";

/// A request of the caller's office and its quotes, cheapest first.
pub async fn with_quotes(
    pool: &SqlitePool,
    staff_user_id: i64,
    request_id: i64,
) -> Result<(Request, Vec<QuoteRow>), RequestError> {
    let mut tx = pool.begin().await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    tx.commit().await?;
    let request = get(pool, request_id)
        .await?
        .ok_or(RequestError::NotAllowed)?;
    if request.office_id != office {
        return Err(RequestError::NotAllowed);
    }
    let quotes = sqlx::query_as(
        &format!("{QUOTE_SELECT} WHERE q.request_id = ? AND rr.status <> 'declined' ORDER BY q.unit_price, q.id"),
    )
    .bind(request_id)
    .fetch_all(pool)
    .await?;
    Ok((request, quotes))
}

/// Requests of the caller's office, newest first, with how many quotes each has.
pub async fn of_office(
    pool: &SqlitePool,
    staff_user_id: i64,
    limit: i64,
) -> Result<Vec<(Request, i64)>, RequestError> {
    let mut tx = pool.begin().await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    tx.commit().await?;
    let ids: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT r.id, (SELECT count(*) FROM quotes q WHERE q.request_id = r.id)
         FROM requests r WHERE r.office_id = ? ORDER BY r.id DESC LIMIT ?",
    )
    .bind(office)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for (id, n) in ids {
        if let Some(r) = get(pool, id).await? {
            out.push((r, n));
        }
    }
    Ok(out)
}

/// Open requests sent to the caller (a producer) that still wait for an
/// answer or may still be revised.
pub async fn open_for_producer(
    pool: &SqlitePool,
    producer_user_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(Request, Recipient)>, RequestError> {
    let mut tx = pool.begin().await?;
    let producer = producer_of(&mut tx, producer_user_id).await?;
    tx.commit().await?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT r.id FROM requests r JOIN request_recipients rr ON rr.request_id = r.id
         WHERE rr.producer_id = ? AND r.status = 'open' AND r.quote_deadline > ? AND rr.status IN ('sent', 'quoted')
         ORDER BY r.quote_deadline",
    )
    .bind(producer)
    .bind(super::timestamp(now))
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(for_producer(pool, producer_user_id, id).await?);
    }
    Ok(out)
}

/// Staff award one or several quotes (`(quote id, quantity)`), whose
/// quantities must add up to the request's. Creates one order per quote,
/// awarded at `now` (the 12-hour acceptance window starts then); the other
/// recipients are marked not chosen. Returns the new order ids.
pub async fn award(
    pool: &SqlitePool,
    staff_user_id: i64,
    request_id: i64,
    picks: &[(i64, u32)],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, RequestError> {
    let mut tx = super::begin_write(pool).await?;
    let office = staff_office(&mut tx, staff_user_id).await?;
    let row: Option<(i64, RequestStatus, i64)> =
        sqlx::query_as("SELECT office_id, status, quantity FROM requests WHERE id = ?")
            .bind(request_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((req_office, status, asked)) = row else {
        return Err(RequestError::NotAllowed);
    };
    if req_office != office {
        return Err(RequestError::NotAllowed);
    }
    if status != RequestStatus::Open {
        return Err(RequestError::Closed);
    }
    let sum: i64 = picks.iter().map(|(_, q)| i64::from(*q)).sum();
    if sum != asked || picks.is_empty() {
        return Err(RequestError::SumMismatch {
            expected: asked,
            got: sum,
        });
    }
    let at = now;
    let now = super::timestamp(now);
    let mut orders = Vec::with_capacity(picks.len());
    for (quote_id, qty) in picks {
        let quote: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT producer_id, unit_price, quantity FROM quotes WHERE id = ? AND request_id = ?",
        )
        .bind(quote_id)
        .bind(request_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((producer, price, offered)) = quote else {
            return Err(RequestError::NotAllowed);
        };
        if i64::from(*qty) > offered || *qty == 0 {
            return Err(RequestError::TooMany);
        }
        let order: i64 = sqlx::query_scalar(
            "INSERT INTO orders (request_id, producer_id, quote_id, quantity, unit_price, status, awarded_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'awarded', ?, ?) RETURNING id",
        )
        .bind(request_id)
        .bind(producer)
        .bind(quote_id)
        .bind(qty)
        .bind(price)
        .bind(&now)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO order_events (order_id, status, by_user, at) VALUES (?, 'awarded', ?, ?)",
        )
        .bind(order)
        .bind(staff_user_id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE request_recipients SET status = 'awarded' WHERE request_id = ? AND producer_id = ?")
            .bind(request_id)
            .bind(producer)
            .execute(&mut *tx)
            .await?;
        orders.push(order);
    }
    sqlx::query(
        "UPDATE request_recipients SET status = 'not_chosen' WHERE request_id = ? AND status IN ('sent', 'quoted')",
    )
    .bind(request_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE requests SET status = 'awarded' WHERE id = ?")
        .bind(request_id)
        .execute(&mut *tx)
        .await?;
    for order in &orders {
        let (_, producer) = super::order_view::parties(&mut tx, *order).await?;
        if let Some(producer) = producer {
            outbox::notify(&mut tx, producer, Notice::Awarded { order: *order }, at).await?;
        }
        // Told to the staff if still not accepted 12 hours on.
        let check = Enqueue::at_for_order(
            staff_user_id,
            Notice::NotAccepted { order: *order },
            at + ACCEPT_WITHIN,
            *order,
        );
        outbox::enqueue(&mut tx, &check, at).await?;
    }
    let not_chosen: Vec<i64> = sqlx::query_scalar(
        "SELECT p.user_id FROM request_recipients rr JOIN producers p ON p.id = rr.producer_id
         WHERE rr.request_id = ? AND rr.status = 'not_chosen' AND p.user_id IS NOT NULL",
    )
    .bind(request_id)
    .fetch_all(&mut *tx)
    .await?;
    for user in not_chosen {
        outbox::notify(
            &mut tx,
            user,
            Notice::NotChosen {
                request: request_id,
            },
            at,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(orders)
}

/// The other quotes of a request, cheapest first, to award instead when a
/// producer cannot deliver (no ownership check: for alerts to its staff).
pub async fn alternatives(
    pool: &SqlitePool,
    request_id: i64,
    except_producer: i64,
    limit: i64,
) -> sqlx::Result<Vec<QuoteRow>> {
    sqlx::query_as(
        &format!(
            "{QUOTE_SELECT} WHERE q.request_id = ? AND q.producer_id <> ? AND rr.status IN ('quoted', 'not_chosen')
             ORDER BY q.unit_price, q.id LIMIT ?"
        ),
    )
    .bind(request_id)
    .bind(except_producer)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// How the producers of a request answered: (quoted, declined, silent).
pub async fn tally(pool: &SqlitePool, request_id: i64) -> sqlx::Result<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT coalesce(sum(status = 'quoted'), 0), coalesce(sum(status = 'declined'), 0),
                coalesce(sum(status = 'sent'), 0)
         FROM request_recipients WHERE request_id = ?",
    )
    .bind(request_id)
    .fetch_one(pool)
    .await
}

/// One producer's answer to a request: name, live quote (price, quantity)
/// if any, and the reason given with a decline.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub business_name: String,
    pub quote: Option<(i64, i64)>,
    pub decline_reason: Option<String>,
}

pub async fn answer_of(
    pool: &SqlitePool,
    request_id: i64,
    producer_id: i64,
) -> sqlx::Result<Option<Answer>> {
    type Row = (String, Option<i64>, Option<i64>, Option<String>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT p.business_name, q.unit_price, q.quantity, rr.decline_reason
         FROM request_recipients rr JOIN producers p ON p.id = rr.producer_id
         LEFT JOIN quotes q ON q.request_id = rr.request_id AND q.producer_id = rr.producer_id
         WHERE rr.request_id = ? AND rr.producer_id = ?",
    )
    .bind(request_id)
    .bind(producer_id)
    .fetch_optional(pool)
    .await?;
    Ok(
        row.map(|(business_name, price, qty, decline_reason)| Answer {
            business_name,
            quote: price.zip(qty),
            decline_reason,
        }),
    )
}
