//! Registration, verification and profiles.

use chrono::{DateTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::domain::notice::Notice;

use super::producer_lists;
use super::users::User;
use crate::domain::registration::{ProducerApplication, StaffApplication};
use crate::domain::{AccountStatus, Category, PhoneNumber, RegionCode, Role};

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("this account already has another role")]
    RoleTaken(Role),
    #[error("the phone number belongs to another producer")]
    PhoneTaken,
    #[error("the NIB belongs to another producer")]
    NibTaken,
    #[error("the invite is unknown or expired")]
    InviteInvalid,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("only admins decide")]
    NotAdmin,
    #[error("no such account")]
    NoSuchAccount,
    #[error("already decided: {0:?}")]
    AlreadyDecided(AccountStatus),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProducerProfile {
    pub business_name: String,
    pub regency: RegionCode,
    pub district: Option<String>,
    pub categories: Vec<Category>,
    pub products: Vec<String>,
    pub daily_capacity: u32,
    pub min_lead_days: u32,
    pub min_order: u32,
    pub halal: bool,
    pub nib: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StaffProfile {
    pub full_name: String,
    pub office_name: String,
    pub regency: RegionCode,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Profile {
    Producer(ProducerProfile),
    Staff(StaffProfile),
    Admin,
}

async fn role_of(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
) -> sqlx::Result<(Option<Role>, AccountStatus)> {
    let row: Option<(Option<Role>, AccountStatus)> =
        sqlx::query_as("SELECT role, status FROM users WHERE id = ?")
            .bind(user_id)
            .fetch_optional(&mut **tx)
            .await?;
    // No row yet: an account that never wrote is new.
    Ok(row.unwrap_or((None, AccountStatus::New)))
}

/// An account may register (again) unless it already holds a different role
/// that is approved or pending, or is an admin.
fn may_register(current: (Option<Role>, AccountStatus), wanted: Role) -> Result<(), SubmitError> {
    match current {
        (Some(Role::Admin), _) => Err(SubmitError::RoleTaken(Role::Admin)),
        (Some(role), AccountStatus::Approved | AccountStatus::Pending) if role != wanted => {
            Err(SubmitError::RoleTaken(role))
        }
        _ => Ok(()),
    }
}

/// Stores a producer registration and makes the account pending.
pub async fn submit_producer(
    pool: &SqlitePool,
    user_id: i64,
    app: &ProducerApplication,
    now: DateTime<Utc>,
) -> Result<(), SubmitError> {
    let mut tx = super::begin_write(pool).await?;
    may_register(role_of(&mut tx, user_id).await?, Role::Producer)?;
    let phone_owner: Option<Option<i64>> =
        sqlx::query_scalar("SELECT user_id FROM producers WHERE phone = ?")
            .bind(&app.phone)
            .fetch_optional(&mut *tx)
            .await?;
    if matches!(phone_owner, Some(owner) if owner != Some(user_id)) {
        return Err(SubmitError::PhoneTaken);
    }
    if let Some(nib) = &app.nib {
        let nib_owner: Option<Option<i64>> =
            sqlx::query_scalar("SELECT user_id FROM producers WHERE nib = ?")
                .bind(nib)
                .fetch_optional(&mut *tx)
                .await?;
        if matches!(nib_owner, Some(owner) if owner != Some(user_id)) {
            return Err(SubmitError::NibTaken);
        }
    }
    let at = super::timestamp(now);
    let producer_id: i64 = sqlx::query_scalar(
        "INSERT INTO producers (user_id, business_name, phone, regency_code, district_code,
                                daily_capacity, min_lead_days, min_order, halal, nib, verified,
                                created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, ?11)
         ON CONFLICT(user_id) DO UPDATE SET
             business_name = excluded.business_name, phone = excluded.phone,
             regency_code = excluded.regency_code, district_code = excluded.district_code,
             daily_capacity = excluded.daily_capacity, min_lead_days = excluded.min_lead_days,
             min_order = excluded.min_order, halal = excluded.halal, nib = excluded.nib,
             verified = 0, updated_at = excluded.updated_at
         RETURNING id",
    )
    .bind(user_id)
    .bind(&app.business_name)
    .bind(&app.phone)
    .bind(&app.place.regency)
    .bind(&app.place.district)
    .bind(app.daily_capacity)
    .bind(app.min_lead_days)
    .bind(app.min_order)
    .bind(app.halal)
    .bind(&app.nib)
    .bind(&at)
    .fetch_one(&mut *tx)
    .await?;
    producer_lists::replace(&mut tx, producer_id, &app.categories, &app.products, &at).await?;
    set_role(
        &mut tx,
        user_id,
        Role::Producer,
        AccountStatus::Pending,
        now,
    )
    .await?;
    let notice = Notice::AccountToReview { user: user_id };
    super::outbox::notify_admins(&mut tx, notice, now).await?;
    tx.commit().await?;
    Ok(())
}

async fn set_role(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
    role: Role,
    status: AccountStatus,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET role = ?, status = ?, updated_at = ? WHERE id = ?")
        .bind(role)
        .bind(status)
        .bind(super::timestamp(now))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Stores a staff registration. Through a valid invite the account is
/// approved at once (and the office is the invite's); otherwise pending.
pub async fn submit_staff(
    pool: &SqlitePool,
    user_id: i64,
    app: &StaffApplication,
    invite: Option<&str>,
    now: DateTime<Utc>,
) -> Result<AccountStatus, SubmitError> {
    let mut tx = super::begin_write(pool).await?;
    may_register(role_of(&mut tx, user_id).await?, Role::Staff)?;
    let (office, status) = match invite {
        Some(token) => {
            let found = super::invites::redeem(&mut tx, token, now)
                .await?
                .ok_or(SubmitError::InviteInvalid)?;
            (found.office_id, AccountStatus::Approved)
        }
        None => (
            super::offices::find_or_create(&mut tx, &app.office_name, &app.regency, now).await?,
            AccountStatus::Pending,
        ),
    };
    sqlx::query(
        "INSERT INTO staff (user_id, full_name, office_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT(user_id) DO UPDATE SET full_name = excluded.full_name,
             office_id = excluded.office_id, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(&app.full_name)
    .bind(office)
    .bind(super::timestamp(now))
    .execute(&mut *tx)
    .await?;
    set_role(&mut tx, user_id, Role::Staff, status, now).await?;
    if status == AccountStatus::Approved {
        log_decision(&mut tx, user_id, None, AccountStatus::Approved, invite, now).await?;
    } else {
        let notice = Notice::AccountToReview { user: user_id };
        super::outbox::notify_admins(&mut tx, notice, now).await?;
    }
    tx.commit().await?;
    Ok(status)
}

/// Records a verification decision: by an admin, or (`decided_by: None`)
/// by an invite or an import, named in `via`.
pub(super) async fn log_decision(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
    decided_by: Option<i64>,
    decision: AccountStatus,
    via: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO verification_log (user_id, decided_by, decision, invite, decided_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(user_id)
    .bind(decided_by)
    .bind(decision)
    .bind(via)
    .bind(super::timestamp(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An admin approves or rejects a pending account. Who may decide is checked
/// here, against the database, inside the same transaction.
pub async fn decide(
    pool: &SqlitePool,
    admin_id: i64,
    user_id: i64,
    approve: bool,
    now: DateTime<Utc>,
) -> Result<User, DecideError> {
    let mut tx = super::begin_write(pool).await?;
    let (role, status) = role_of(&mut tx, admin_id).await?;
    if role != Some(Role::Admin) || status != AccountStatus::Approved {
        return Err(DecideError::NotAdmin);
    }
    let (target_role, target_status) = role_of(&mut tx, user_id).await?;
    let Some(target_role) = target_role else {
        return Err(DecideError::NoSuchAccount);
    };
    if target_status != AccountStatus::Pending {
        return Err(DecideError::AlreadyDecided(target_status));
    }
    let new_status = if approve {
        AccountStatus::Approved
    } else {
        AccountStatus::Rejected
    };
    set_role(&mut tx, user_id, target_role, new_status, now).await?;
    if target_role == Role::Producer {
        sqlx::query("UPDATE producers SET verified = ?, updated_at = ? WHERE user_id = ?")
            .bind(approve)
            .bind(super::timestamp(now))
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    log_decision(&mut tx, user_id, Some(admin_id), new_status, None, now).await?;
    super::outbox::notify(&mut tx, user_id, Notice::AccountDecided, now).await?;
    tx.commit().await?;
    super::users::get(pool, user_id)
        .await?
        .ok_or(DecideError::NoSuchAccount)
}

/// The profile behind an account, if it registered.
pub async fn profile(pool: &SqlitePool, user_id: i64) -> sqlx::Result<Option<Profile>> {
    let role: Option<Option<Role>> = sqlx::query_scalar("SELECT role FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    match role.flatten() {
        Some(Role::Producer) => Ok(producer_profile(pool, user_id)
            .await?
            .map(Profile::Producer)),
        Some(Role::Staff) => Ok(staff_profile(pool, user_id).await?.map(Profile::Staff)),
        Some(Role::Admin) => Ok(Some(Profile::Admin)),
        None => Ok(None),
    }
}

#[derive(sqlx::FromRow)]
struct ProducerRow {
    id: i64,
    business_name: String,
    regency_code: RegionCode,
    district_code: Option<String>,
    daily_capacity: u32,
    min_lead_days: u32,
    min_order: u32,
    halal: bool,
    nib: Option<String>,
    phone: Option<PhoneNumber>,
}

async fn producer_profile(
    pool: &SqlitePool,
    user_id: i64,
) -> sqlx::Result<Option<ProducerProfile>> {
    let row: Option<ProducerRow> = sqlx::query_as(
        "SELECT id, business_name, regency_code, district_code, daily_capacity, min_lead_days,
                min_order, halal, nib, phone
         FROM producers WHERE user_id = ?",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let categories: Vec<Category> = sqlx::query_scalar(
        "SELECT pc.category FROM producer_categories pc JOIN categories c ON c.slug = pc.category
         WHERE pc.producer_id = ? ORDER BY c.sort",
    )
    .bind(row.id)
    .fetch_all(pool)
    .await?;
    let products: Vec<String> =
        sqlx::query_scalar("SELECT name FROM products WHERE producer_id = ? ORDER BY id")
            .bind(row.id)
            .fetch_all(pool)
            .await?;
    Ok(Some(ProducerProfile {
        business_name: row.business_name,
        regency: row.regency_code,
        district: row.district_code,
        categories,
        products,
        daily_capacity: row.daily_capacity,
        min_lead_days: row.min_lead_days,
        min_order: row.min_order,
        halal: row.halal,
        nib: row.nib,
        phone: row.phone.map(|p| p.to_string()),
    }))
}

async fn staff_profile(pool: &SqlitePool, user_id: i64) -> sqlx::Result<Option<StaffProfile>> {
    sqlx::query_as(
        "SELECT s.full_name, o.name AS office_name, o.regency_code AS regency
         FROM staff s JOIN offices o ON o.id = s.office_id WHERE s.user_id = ?",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await
}

/// Pending accounts, oldest first, and how many there are in all.
pub async fn pending(pool: &SqlitePool, limit: i64) -> sqlx::Result<(Vec<(User, Profile)>, i64)> {
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE status = 'pending'")
        .fetch_one(pool)
        .await?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM users WHERE status = 'pending' ORDER BY updated_at, id LIMIT ?",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let (Some(user), Some(profile)) =
            (super::users::get(pool, id).await?, profile(pool, id).await?)
        {
            out.push((user, profile));
        }
    }
    Ok((out, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Place;
    use crate::store::test_support::{fresh_db, now, seen as user};
    use crate::store::users;

    fn application(phone: &str) -> ProducerApplication {
        ProducerApplication {
            business_name: "Amplang Bu Sari".into(),
            place: Place {
                regency: RegionCode::parse("64.02").unwrap(),
                district: None,
            },
            categories: vec![Category::OlehOleh],
            products: vec!["Amplang".into()],
            daily_capacity: 200,
            min_lead_days: 3,
            min_order: 20,
            halal: true,
            nib: None,
            phone: PhoneNumber::parse(phone).unwrap(),
        }
    }

    #[tokio::test]
    async fn a_producer_registration_is_pending_until_an_admin_approves_it() {
        let (pool, _dir) = fresh_db().await;
        user(&pool, 10).await;
        users::ensure_admin(&pool, 1, now()).await.unwrap();
        submit_producer(&pool, 10, &application("081234567890"), now())
            .await
            .unwrap();
        let (list, total) = pending(&pool, 10).await.unwrap();
        assert_eq!(total, 1);
        assert!(matches!(&list[0].1, Profile::Producer(p) if p.business_name == "Amplang Bu Sari"));
        assert!(matches!(
            decide(&pool, 10, 10, true, now()).await,
            Err(DecideError::NotAdmin)
        ));
        let decided = decide(&pool, 1, 10, true, now()).await.unwrap();
        assert_eq!(decided.status, AccountStatus::Approved);
        assert!(matches!(
            decide(&pool, 1, 10, false, now()).await,
            Err(DecideError::AlreadyDecided(AccountStatus::Approved))
        ));
        let verified: bool =
            sqlx::query_scalar("SELECT verified FROM producers WHERE user_id = 10")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert!(verified);
    }

    #[tokio::test]
    async fn another_producers_phone_is_refused() {
        let (pool, _dir) = fresh_db().await;
        user(&pool, 10).await;
        user(&pool, 11).await;
        submit_producer(&pool, 10, &application("081234567890"), now())
            .await
            .unwrap();
        assert!(matches!(
            submit_producer(&pool, 11, &application("+62 812 3456 7890"), now()).await,
            Err(SubmitError::PhoneTaken)
        ));
        // The same user may correct and send again.
        submit_producer(&pool, 10, &application("081234567890"), now())
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn concurrent_registrations_do_not_fail_with_database_locked() {
        let (pool, _dir) = fresh_db().await;
        let mut tasks = Vec::new();
        for i in 0..20i64 {
            user(&pool, 100 + i).await;
            let pool = pool.clone();
            tasks.push(tokio::spawn(async move {
                submit_producer(
                    &pool,
                    100 + i,
                    &application(&format!("08123456{:04}", i)),
                    now(),
                )
                .await
            }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        let (_, total) = pending(&pool, 1).await.unwrap();
        assert_eq!(total, 20);
    }
}
