//! Announcements (`/siaran`): drafts, the audience and its counts, queueing
//! (one outbox row per recipient, in one transaction), and the progress
//! bookkeeping the reporter resumes from after a restart.

use super::access::{self, Check};
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::domain::RegionCode;
use crate::domain::broadcast::{Audience, BroadcastStatus};
use crate::domain::notice::Notice;

use super::codec;

/// One broadcast as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Broadcast {
    pub id: i64,
    pub admin_user_id: i64,
    pub text: String,
    pub photo: Option<String>,
    pub audience: Audience,
    pub urgent: bool,
    pub status: BroadcastStatus,
    pub total: i64,
    pub progress_chat_id: Option<i64>,
    pub progress_message_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    admin_user_id: i64,
    text: String,
    photo_file_id: Option<String>,
    audience: String,
    urgent: bool,
    status: BroadcastStatus,
    total: i64,
    progress_chat_id: Option<i64>,
    progress_message_id: Option<i64>,
}

const COLUMNS: &str = "id, admin_user_id, text, photo_file_id, audience, urgent, status, total,
                       progress_chat_id, progress_message_id";

impl TryFrom<Row> for Broadcast {
    type Error = sqlx::Error;
    fn try_from(r: Row) -> sqlx::Result<Broadcast> {
        Ok(Broadcast {
            id: r.id,
            admin_user_id: r.admin_user_id,
            text: r.text,
            photo: r.photo_file_id,
            audience: Audience::from_json(&r.audience).map_err(codec::json_error)?,
            urgent: r.urgent,
            status: r.status,
            total: r.total,
            progress_chat_id: r.progress_chat_id,
            progress_message_id: r.progress_message_id,
        })
    }
}

/// The users an audience reaches, before muted and unreachable ones are
/// taken out. Parameters: ?1 the sending admin (never a recipient), ?2
/// producers wanted, ?3 staff wanted, ?4 regency codes (JSON array, empty =
/// all), ?5 category slugs (JSON array, empty = all).
const AUDIENCE: &str = "
    FROM users u
    LEFT JOIN producers p ON p.user_id = u.id
    LEFT JOIN staff s ON s.user_id = u.id
    LEFT JOIN offices f ON f.id = s.office_id
    WHERE u.status = 'approved' AND u.id <> ?1
      AND (
        (?2 AND u.role = 'producer' AND p.verified = 1
          AND (json_array_length(?4) = 0 OR p.regency_code IN (SELECT value FROM json_each(?4)))
          AND (json_array_length(?5) = 0 OR EXISTS (
                SELECT 1 FROM producer_categories pc
                WHERE pc.producer_id = p.id AND pc.category IN (SELECT value FROM json_each(?5)))))
        OR (?3 AND u.role = 'staff'
          AND (json_array_length(?4) = 0 OR f.regency_code IN (SELECT value FROM json_each(?4))))
      )";

fn regencies_json(a: &Audience) -> String {
    let codes: Vec<&str> = a.regencies.iter().map(RegionCode::as_str).collect();
    codec::json_array(&codes)
}

fn categories_json(a: &Audience) -> String {
    let slugs: Vec<&str> = a.categories.iter().map(|c| c.slug()).collect();
    codec::json_array(&slugs)
}

/// Starts a draft with what the admin wrote; the audience is everyone
/// until chosen.
pub async fn create_draft(
    pool: &SqlitePool,
    admin: i64,
    text: &str,
    photo: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO broadcasts (admin_user_id, text, photo_file_id, audience, created_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(admin)
    .bind(text)
    .bind(photo)
    .bind(codec::json_text(Audience::default().to_json())?)
    .bind(super::timestamp(now))
    .fetch_one(pool)
    .await
}

pub async fn get(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<Broadcast>> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM broadcasts WHERE id = ?"))
            .bind(id)
            .fetch_optional(pool)
            .await?;
    row.map(Broadcast::try_from).transpose()
}

/// Changes the audience of the admin's own draft. `false` if it is not a
/// draft of theirs (any more).
pub async fn set_audience(
    pool: &SqlitePool,
    id: i64,
    admin: i64,
    audience: &Audience,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE broadcasts SET audience = ? WHERE id = ? AND admin_user_id = ? AND status = 'draft'",
    )
    .bind(codec::json_text(audience.to_json())?)
    .bind(id)
    .bind(admin)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Who an audience reaches, for the preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Recipients (neither muted nor unreachable), by role.
    pub producers: i64,
    pub staff: i64,
    /// In the audience but muted announcements.
    pub muted: i64,
    /// In the audience, not muted, but blocked the bot.
    pub blocked: i64,
}

impl Counts {
    pub fn recipients(&self) -> i64 {
        self.producers + self.staff
    }
}

pub async fn counts(pool: &SqlitePool, admin: i64, audience: &Audience) -> sqlx::Result<Counts> {
    let (producers, staff, muted, blocked): (i64, i64, i64, i64) = sqlx::query_as(&format!(
        "SELECT
            coalesce(sum(u.role = 'producer' AND u.muted = 0 AND u.reachable = 1), 0),
            coalesce(sum(u.role = 'staff' AND u.muted = 0 AND u.reachable = 1), 0),
            coalesce(sum(u.muted = 1), 0),
            coalesce(sum(u.muted = 0 AND u.reachable = 0), 0)
         {AUDIENCE}"
    ))
    .bind(admin)
    .bind(audience.wants_producers())
    .bind(audience.wants_staff())
    .bind(regencies_json(audience))
    .bind(categories_json(audience))
    .fetch_one(pool)
    .await?;
    Ok(Counts {
        producers,
        staff,
        muted,
        blocked,
    })
}

/// Why a draft was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueError {
    /// The sender is not (or no longer) an approved admin.
    NotAdmin,
    /// Not a draft of theirs: already sent, or someone else's.
    NotDraft,
    /// Nobody to send it to.
    Empty,
}

/// Queues the admin's draft: one outbox row per recipient (muted,
/// unreachable and the admin left out), written with the broadcast's status
/// in one transaction. The unique (broadcast, user) index makes a repeat
/// harmless. Returns how many recipients.
pub async fn queue(
    pool: &SqlitePool,
    id: i64,
    admin: i64,
    urgent: bool,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<i64, QueueError>> {
    let mut tx = super::begin_write(pool).await?;
    let admin_chat = access::check(&mut tx, Check::AdminChat, admin).await?;
    let Some(admin_chat) = admin_chat else {
        return Ok(Err(QueueError::NotAdmin));
    };
    let audience: Option<String> = sqlx::query_scalar(
        "SELECT audience FROM broadcasts WHERE id = ? AND admin_user_id = ? AND status = 'draft'",
    )
    .bind(id)
    .bind(admin)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(audience) = audience else {
        return Ok(Err(QueueError::NotDraft));
    };
    let audience = Audience::from_json(&audience)?;
    let at = super::timestamp(now);
    let done = sqlx::query(&format!(
        "INSERT OR IGNORE INTO outbox (user_id, notice, urgent, due_at, broadcast_id, created_at)
         SELECT u.id, ?6, ?7, ?8, ?9, ?8
         {AUDIENCE}
           AND u.muted = 0 AND u.reachable = 1
         ORDER BY u.id"
    ))
    .bind(admin)
    .bind(audience.wants_producers())
    .bind(audience.wants_staff())
    .bind(regencies_json(&audience))
    .bind(categories_json(&audience))
    .bind(codec::json_text(
        Notice::Broadcast { broadcast: id }.to_json(),
    )?)
    .bind(urgent)
    .bind(&at)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let total = done.rows_affected() as i64;
    if total == 0 {
        return Ok(Err(QueueError::Empty));
    }
    sqlx::query(
        "UPDATE broadcasts SET status = 'queued', urgent = ?, total = ?, queued_at = ?,
                progress_chat_id = ?
         WHERE id = ?",
    )
    .bind(urgent)
    .bind(total)
    .bind(&at)
    .bind(admin_chat)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(total))
}

/// Remembers the admin's progress message, which the reporter edits.
pub async fn set_progress_message(
    pool: &SqlitePool,
    id: i64,
    chat: i64,
    message: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE broadcasts SET progress_chat_id = ?, progress_message_id = ? WHERE id = ?")
        .bind(chat)
        .bind(message)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Broadcasts still being sent (the reporter picks them up after a restart).
pub async fn unfinished(pool: &SqlitePool) -> sqlx::Result<Vec<Broadcast>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM broadcasts WHERE status = 'queued' ORDER BY id"
    ))
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(Broadcast::try_from).collect()
}

/// The progress message was updated at `at`.
pub async fn reported(pool: &SqlitePool, id: i64, at: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query("UPDATE broadcasts SET last_progress_at = ? WHERE id = ?")
        .bind(super::timestamp(at))
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Every copy is finished: the broadcast is done.
pub async fn finish(pool: &SqlitePool, id: i64, at: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE broadcasts SET status = 'done', finished_at = ?, last_progress_at = ?
         WHERE id = ? AND status = 'queued'",
    )
    .bind(super::timestamp(at))
    .bind(super::timestamp(at))
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Category;
    use crate::domain::broadcast::Group;
    use crate::store::synthetic::{Account, insert_accounts};
    use crate::store::test_support::{fresh_db, now};

    const ADMIN: i64 = 1;

    async fn world() -> (SqlitePool, tempfile::TempDir) {
        let (pool, dir) = fresh_db().await;
        crate::store::users::ensure_admin(&pool, ADMIN, now())
            .await
            .unwrap();
        // 10 producers in Samarinda (snack), 5 in Kutai Kartanegara
        // (katering), 4 staff in Samarinda.
        insert_accounts(
            &pool,
            100,
            10,
            &Account::producer("64.72", Category::Snack),
            now(),
        )
        .await
        .unwrap();
        insert_accounts(
            &pool,
            200,
            5,
            &Account::producer("64.02", Category::Katering),
            now(),
        )
        .await
        .unwrap();
        insert_accounts(&pool, 300, 4, &Account::staff("64.72"), now())
            .await
            .unwrap();
        (pool, dir)
    }

    fn t() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-20T03:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[tokio::test]
    async fn audiences_count_by_group_region_and_category() {
        let (pool, _dir) = world().await;
        let count = |a: Audience| {
            let pool = pool.clone();
            async move { counts(&pool, ADMIN, &a).await.unwrap() }
        };
        let all = count(Audience::default()).await;
        assert_eq!((all.producers, all.staff), (15, 4));
        let staff = count(Audience {
            group: Group::Staff,
            ..Audience::default()
        })
        .await;
        assert_eq!((staff.producers, staff.staff), (0, 4));
        let samarinda = count(Audience {
            regencies: vec![RegionCode::parse("64.72").unwrap()],
            ..Audience::default()
        })
        .await;
        assert_eq!((samarinda.producers, samarinda.staff), (10, 4));
        let katering = count(Audience {
            categories: vec![Category::Katering],
            ..Audience::default()
        })
        .await;
        assert_eq!((katering.producers, katering.staff), (5, 0));
    }

    #[tokio::test]
    async fn muted_and_blocked_users_are_counted_apart_and_not_queued() {
        let (pool, _dir) = world().await;
        crate::store::users::set_muted(&pool, 100, true, now())
            .await
            .unwrap();
        crate::store::users::mark_unreachable(&pool, 101, now())
            .await
            .unwrap();
        let c = counts(&pool, ADMIN, &Audience::default()).await.unwrap();
        assert_eq!((c.recipients(), c.muted, c.blocked), (17, 1, 1));
        let id = create_draft(&pool, ADMIN, "Pelatihan", None, t())
            .await
            .unwrap();
        assert_eq!(queue(&pool, id, ADMIN, false, t()).await.unwrap(), Ok(17));
        let tally = crate::store::outbox::broadcast_tally(&pool, id)
            .await
            .unwrap();
        assert_eq!(tally.left, 17);
        assert_eq!(
            queue(&pool, id, ADMIN, false, t()).await.unwrap(),
            Err(QueueError::NotDraft),
            "a broadcast is queued once"
        );
        assert_eq!(unfinished(&pool).await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn only_an_approved_admin_queues_and_never_to_nobody() {
        let (pool, _dir) = world().await;
        let id = create_draft(&pool, 100, "Bukan admin", None, t())
            .await
            .unwrap();
        assert_eq!(
            queue(&pool, id, 100, false, t()).await.unwrap(),
            Err(QueueError::NotAdmin)
        );
        let id = create_draft(&pool, ADMIN, "Kosong", None, t())
            .await
            .unwrap();
        let nobody = Audience {
            regencies: vec![RegionCode::parse("11.01").unwrap()],
            ..Audience::default()
        };
        assert!(set_audience(&pool, id, ADMIN, &nobody).await.unwrap());
        assert_eq!(
            queue(&pool, id, ADMIN, false, t()).await.unwrap(),
            Err(QueueError::Empty)
        );
    }
}
