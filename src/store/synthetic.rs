//! Bulk insertion of generated producers, for the benchmark
//! (`pesanlokal bench search`). The rows go into the real tables, so the
//! directory's triggers index them exactly as they index any producer.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqlitePool;

use super::producer_lists;
use crate::domain::Category;

/// One producer to insert, with everything search shows or filters on.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProducer {
    pub business_name: String,
    pub owner_name: String,
    pub regency_code: String,
    pub district_code: Option<String>,
    pub categories: Vec<Category>,
    pub products: Vec<String>,
    pub daily_capacity: i64,
    pub capacity_unit: &'static str,
    pub min_lead_days: i64,
    pub min_order: i64,
    pub halal: bool,
    pub verified: bool,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub finished_orders: i64,
    /// Days off (inclusive), if any.
    pub leave: Option<(NaiveDate, NaiveDate)>,
}

/// Inserts the producers in one transaction with prepared statements.
///
/// Each producer's products, categories and leave go in *before* its
/// `producers` row (foreign keys are deferred to the commit): the
/// `products`/`producer_categories` triggers then find no producer to
/// index, and the one `producers_ai` trigger indexes the finished producer
/// once, instead of once per product and category. The indexed text is the
/// same as with the usual order.
pub async fn insert_producers(
    pool: &SqlitePool,
    producers: &[NewProducer],
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut tx = super::begin_write(pool).await?;
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *tx)
        .await?;
    let now = super::timestamp(now);
    let mut id: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM producers")
        .fetch_one(&mut *tx)
        .await?;
    for p in producers {
        id += 1;
        for name in &p.products {
            producer_lists::add_product(&mut tx, id, name, &now).await?;
        }
        for c in &p.categories {
            producer_lists::add_category(&mut tx, id, *c).await?;
        }
        if let Some((start, end)) = p.leave {
            sqlx::query(
                "INSERT INTO producer_leave (producer_id, start_date, end_date, created_at)
                 VALUES (?, ?, ?, ?)",
            )
            .bind(id)
            .bind(start.format("%Y-%m-%d").to_string())
            .bind(end.format("%Y-%m-%d").to_string())
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO producers (id, business_name, owner_name, regency_code, district_code,
                                    daily_capacity, capacity_unit, min_lead_days, min_order, halal,
                                    verified, rating_sum, rating_count, finished_orders, source,
                                    created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'demo', ?15, ?15)",
        )
        .bind(id)
        .bind(&p.business_name)
        .bind(&p.owner_name)
        .bind(&p.regency_code)
        .bind(&p.district_code)
        .bind(p.daily_capacity)
        .bind(p.capacity_unit)
        .bind(p.min_lead_days)
        .bind(p.min_order)
        .bind(p.halal)
        .bind(p.verified)
        .bind(p.rating_sum)
        .bind(p.rating_count)
        .bind(p.finished_orders)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// How many producers the database holds (verified or not).
pub async fn producer_count(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM producers")
        .fetch_one(pool)
        .await
}

/// Approved accounts to insert in bulk (tests and `bench outbox`): verified
/// producers with one category, or staff of one test office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub producer: bool,
    pub regency_code: String,
    pub category: Option<Category>,
}

impl Account {
    pub fn producer(regency: &str, category: Category) -> Account {
        Account {
            producer: true,
            regency_code: regency.to_string(),
            category: Some(category),
        }
    }

    pub fn staff(regency: &str) -> Account {
        Account {
            producer: false,
            regency_code: regency.to_string(),
            category: None,
        }
    }
}

/// Inserts `n` approved accounts with user ids (= chat ids) `first_id`,
/// `first_id + 1`, ..., in one transaction.
pub async fn insert_accounts(
    pool: &SqlitePool,
    first_id: i64,
    n: i64,
    account: &Account,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut tx = super::begin_write(pool).await?;
    let now = super::timestamp(now);
    let role = if account.producer {
        "producer"
    } else {
        "staff"
    };
    let office: Option<i64> = if account.producer {
        None
    } else {
        sqlx::query(
            "INSERT OR IGNORE INTO offices (name, regency_code, created_at) VALUES ('Kantor Uji', ?, ?)",
        )
        .bind(&account.regency_code)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        sqlx::query_scalar(
            "SELECT id FROM offices WHERE lower(name) = 'kantor uji' AND regency_code = ?",
        )
        .bind(&account.regency_code)
        .fetch_optional(&mut *tx)
        .await?
    };
    for id in first_id..first_id + n {
        sqlx::query(
            "INSERT INTO users (id, chat_id, first_name, role, status, created_at, updated_at)
             VALUES (?1, ?1, ?2, ?3, 'approved', ?4, ?4)",
        )
        .bind(id)
        .bind(format!("Pengguna {id}"))
        .bind(role)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        if account.producer {
            let producer: i64 = sqlx::query_scalar(
                "INSERT INTO producers (user_id, business_name, regency_code, daily_capacity,
                                        min_lead_days, min_order, halal, verified, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 100, 1, 1, 1, 1, ?4, ?4) RETURNING id",
            )
            .bind(id)
            .bind(format!("Usaha {id}"))
            .bind(&account.regency_code)
            .bind(&now)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(c) = account.category {
                producer_lists::add_category(&mut tx, producer, c).await?;
            }
        } else if let Some(office) = office {
            sqlx::query(
                "INSERT INTO staff (user_id, full_name, office_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
            )
            .bind(id)
            .bind(format!("Staf {id}"))
            .bind(office)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await
}
