//! A producer's own catalogue and leave days, and linking an imported
//! producer to the Telegram account that shares its phone. Every function
//! takes the acting Telegram user and checks, in the database, that the
//! producer is theirs.

use super::access::{self, Check};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Row, Sqlite, SqlitePool, Transaction};

use crate::domain::{AccountStatus, PhoneNumber, Role};

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// Not an approved producer, or not their product / leave.
    #[error("not yours")]
    NotYours,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// The producer id of an approved producer account.
async fn own_producer(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
) -> Result<i64, CatalogueError> {
    let id = access::check(tx, Check::OwnProducer, user_id).await?;
    id.ok_or(CatalogueError::NotYours)
}

/// What a producer enters for one product; `None` fields are not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductInput {
    pub name: String,
    pub photo_file_id: Option<String>,
    pub price_from: Option<u64>,
    pub unit: Option<String>,
    pub min_order: Option<u32>,
    pub lead_days: Option<u32>,
}

pub use super::directory::Product;

type Query<'q> = sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

/// Binds a product's six columns, in the order `add` and `update` name them.
fn bind_product<'q>(query: Query<'q>, p: &'q ProductInput) -> Query<'q> {
    query
        .bind(&p.name)
        .bind(&p.photo_file_id)
        .bind(p.price_from.map(|v| v as i64))
        .bind(&p.unit)
        .bind(p.min_order)
        .bind(p.lead_days)
}

pub async fn list(pool: &SqlitePool, user_id: i64) -> Result<Vec<Product>, CatalogueError> {
    let mut tx = pool.begin().await?;
    let producer = own_producer(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(super::directory::products(pool, producer).await?)
}

pub async fn add(
    pool: &SqlitePool,
    user_id: i64,
    p: &ProductInput,
    now: DateTime<Utc>,
) -> Result<i64, CatalogueError> {
    let mut tx = super::begin_write(pool).await?;
    let producer = own_producer(&mut tx, user_id).await?;
    let insert = sqlx::query(
        "INSERT INTO products (name, photo_file_id, price_from, unit, min_order, lead_days, producer_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    );
    let id: i64 = bind_product(insert, p)
        .bind(producer)
        .bind(super::timestamp(now))
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
    tx.commit().await?;
    Ok(id)
}

/// One product of this user's, if it is theirs.
pub async fn get(
    pool: &SqlitePool,
    user_id: i64,
    product_id: i64,
) -> Result<Product, CatalogueError> {
    let mut tx = pool.begin().await?;
    let producer = own_producer(&mut tx, user_id).await?;
    let product: Option<Product> = sqlx::query_as(
        "SELECT id, name, photo_file_id, price_from, unit, min_order, lead_days
         FROM products WHERE id = ? AND producer_id = ?",
    )
    .bind(product_id)
    .bind(producer)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    product.ok_or(CatalogueError::NotYours)
}

/// Replaces a product's details (all fields as given).
pub async fn update(
    pool: &SqlitePool,
    user_id: i64,
    product_id: i64,
    p: &ProductInput,
) -> Result<(), CatalogueError> {
    let set = sqlx::query(
        "UPDATE products SET name = ?, photo_file_id = ?, price_from = ?, unit = ?, min_order = ?, lead_days = ?
         WHERE id = ? AND producer_id = ?",
    );
    on_own_product(pool, user_id, product_id, bind_product(set, p)).await
}

pub async fn remove(
    pool: &SqlitePool,
    user_id: i64,
    product_id: i64,
) -> Result<(), CatalogueError> {
    let delete = sqlx::query("DELETE FROM products WHERE id = ? AND producer_id = ?");
    on_own_product(pool, user_id, product_id, delete).await
}

/// Runs a statement that ends `WHERE id = ? AND producer_id = ?` on one
/// product of this user's: `NotYours` unless it touched exactly that one.
async fn on_own_product(
    pool: &SqlitePool,
    user_id: i64,
    product_id: i64,
    statement: Query<'_>,
) -> Result<(), CatalogueError> {
    let mut tx = super::begin_write(pool).await?;
    let producer = own_producer(&mut tx, user_id).await?;
    let done = statement
        .bind(product_id)
        .bind(producer)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(CatalogueError::NotYours);
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Leave {
    pub id: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

/// Leave that has not ended before `today`, soonest first.
pub async fn leave(
    pool: &SqlitePool,
    user_id: i64,
    today: NaiveDate,
) -> Result<Vec<Leave>, CatalogueError> {
    let mut tx = pool.begin().await?;
    let producer = own_producer(&mut tx, user_id).await?;
    let rows: Vec<Leave> = sqlx::query_as(
        "SELECT id, start_date, end_date FROM producer_leave
         WHERE producer_id = ? AND end_date >= ? ORDER BY start_date",
    )
    .bind(producer)
    .bind(today)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows)
}

pub async fn add_leave(
    pool: &SqlitePool,
    user_id: i64,
    start: NaiveDate,
    end: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64, CatalogueError> {
    let mut tx = super::begin_write(pool).await?;
    let producer = own_producer(&mut tx, user_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO producer_leave (producer_id, start_date, end_date, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(producer)
    .bind(start)
    .bind(end)
    .bind(super::timestamp(now))
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends a leave early: it stops before `today` (or disappears if it had not
/// started yet or started today).
pub async fn end_leave(
    pool: &SqlitePool,
    user_id: i64,
    leave_id: i64,
    today: NaiveDate,
) -> Result<(), CatalogueError> {
    let mut tx = super::begin_write(pool).await?;
    let producer = own_producer(&mut tx, user_id).await?;
    let row: Option<(NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT start_date, end_date FROM producer_leave WHERE id = ? AND producer_id = ?",
    )
    .bind(leave_id)
    .bind(producer)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((start, _end)) = row else {
        return Err(CatalogueError::NotYours);
    };
    match today.pred_opt() {
        Some(yesterday) if start <= yesterday => {
            sqlx::query("UPDATE producer_leave SET end_date = ? WHERE id = ?")
                .bind(yesterday)
                .bind(leave_id)
                .execute(&mut *tx)
                .await?;
        }
        _ => {
            sqlx::query("DELETE FROM producer_leave WHERE id = ?")
                .bind(leave_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("the account already has another role")]
    RoleTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A producer imported by the trade office (no Telegram account yet) whose
/// phone is the one this user shared becomes theirs, verified. Returns the
/// business name, or `None` when no such producer waits for an account.
pub async fn link_by_phone(
    pool: &SqlitePool,
    user_id: i64,
    phone: &PhoneNumber,
    now: DateTime<Utc>,
) -> Result<Option<String>, LinkError> {
    let mut tx = super::begin_write(pool).await?;
    let current: Option<(Option<Role>, AccountStatus)> =
        sqlx::query_as("SELECT role, status FROM users WHERE id = ?")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((Some(role), status)) = current
        && (role == Role::Admin || (role != Role::Producer && status != AccountStatus::Rejected))
    {
        return Err(LinkError::RoleTaken);
    }
    let already: Option<i64> = sqlx::query_scalar("SELECT id FROM producers WHERE user_id = ?")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    if already.is_some() {
        return Ok(None);
    }
    let found: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, business_name FROM producers WHERE phone = ? AND user_id IS NULL",
    )
    .bind(phone)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((producer_id, name)) = found else {
        return Ok(None);
    };
    let at = super::timestamp(now);
    sqlx::query("UPDATE producers SET user_id = ?, verified = 1, updated_at = ? WHERE id = ?")
        .bind(user_id)
        .bind(&at)
        .bind(producer_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE users SET role = 'producer', status = 'approved', updated_at = ? WHERE id = ?",
    )
    .bind(&at)
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    super::accounts::log_decision(
        &mut tx,
        user_id,
        None,
        AccountStatus::Approved,
        Some("import"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{fresh_db, now, seen};

    #[tokio::test]
    async fn an_imported_producer_is_linked_by_its_phone_and_then_owns_its_catalogue() {
        let (pool, _dir) = fresh_db().await;
        crate::store::demo::load(&pool, now()).await.unwrap();
        seen(&pool, 77).await;
        assert!(matches!(
            list(&pool, 77).await,
            Err(CatalogueError::NotYours)
        ));
        let phone = PhoneNumber::parse("081100000001").unwrap();
        let name = link_by_phone(&pool, 77, &phone, now()).await.unwrap();
        assert_eq!(name.as_deref(), Some("Amplang Mahakam Bu Ratna"));
        // Linking again finds nothing new.
        assert_eq!(link_by_phone(&pool, 77, &phone, now()).await.unwrap(), None);
        let before = list(&pool, 77).await.unwrap().len();
        let id = add(
            &pool,
            77,
            &ProductInput {
                name: "Amplang udang".into(),
                price_from: Some(25_000),
                ..Default::default()
            },
            now(),
        )
        .await
        .unwrap();
        assert_eq!(list(&pool, 77).await.unwrap().len(), before + 1);
        // Searchable at once.
        let hits: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM producer_fts WHERE producer_fts MATCH '\"udang\"'",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(hits, 1);
        // Someone else cannot touch it.
        seen(&pool, 78).await;
        assert!(matches!(
            remove(&pool, 78, id).await,
            Err(CatalogueError::NotYours)
        ));
        remove(&pool, 77, id).await.unwrap();
        assert_eq!(list(&pool, 77).await.unwrap().len(), before);
    }

    #[tokio::test]
    async fn leave_can_be_ended_early() {
        let (pool, _dir) = fresh_db().await;
        crate::store::demo::load(&pool, now()).await.unwrap();
        seen(&pool, 77).await;
        link_by_phone(
            &pool,
            77,
            &PhoneNumber::parse("081100000002").unwrap(),
            now(),
        )
        .await
        .unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let id = add_leave(&pool, 77, d("2026-03-20"), d("2026-03-25"), now())
            .await
            .unwrap();
        assert_eq!(leave(&pool, 77, d("2026-03-01")).await.unwrap().len(), 1);
        end_leave(&pool, 77, id, d("2026-03-22")).await.unwrap();
        let left = leave(&pool, 77, d("2026-03-01")).await.unwrap();
        assert_eq!(left[0].end_date, d("2026-03-21"));
        assert!(leave(&pool, 77, d("2026-03-22")).await.unwrap().is_empty());
        seen(&pool, 78).await;
        assert!(matches!(
            end_leave(&pool, 78, id, d("2026-03-22")).await,
            Err(CatalogueError::NotYours)
        ));
    }
}
