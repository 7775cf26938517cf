//! Bulk insertion of generated producers, for the benchmark
//! (`pesanlokal bench search`). The rows go into the real tables, so the
//! directory's triggers index them exactly as they index any producer.

use chrono::NaiveDate;
use sqlx::SqlitePool;

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
pub async fn insert_producers(pool: &SqlitePool, producers: &[NewProducer]) -> sqlx::Result<()> {
    let mut tx = super::begin_write(pool).await?;
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *tx)
        .await?;
    let now = super::now_text();
    let mut id: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM producers")
        .fetch_one(&mut *tx)
        .await?;
    for p in producers {
        id += 1;
        for name in &p.products {
            sqlx::query("INSERT INTO products (producer_id, name, created_at) VALUES (?, ?, ?)")
                .bind(id)
                .bind(name)
                .bind(&now)
                .execute(&mut *tx)
                .await?;
        }
        for c in &p.categories {
            sqlx::query("INSERT INTO producer_categories (producer_id, category) VALUES (?, ?)")
                .bind(id)
                .bind(c.slug())
                .execute(&mut *tx)
                .await?;
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
) -> sqlx::Result<()> {
    let mut tx = super::begin_write(pool).await?;
    let now = super::now_text();
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
                sqlx::query(
                    "INSERT INTO producer_categories (producer_id, category) VALUES (?, ?)",
                )
                .bind(producer)
                .bind(c.slug())
                .execute(&mut *tx)
                .await?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::directory::{self, Filters};
    use crate::store::test_support::fresh_db;

    fn producer(name: &str, product: &str) -> NewProducer {
        NewProducer {
            business_name: name.into(),
            owner_name: "Siti".into(),
            regency_code: "64.72".into(),
            district_code: Some("64.72.03".into()),
            categories: vec![Category::Snack, Category::Katering],
            products: vec![product.into(), "Nasi kotak".into()],
            daily_capacity: 100,
            capacity_unit: "pcs",
            min_lead_days: 2,
            min_order: 10,
            halal: true,
            verified: true,
            rating_sum: 9,
            rating_count: 2,
            finished_orders: 4,
            leave: NaiveDate::from_ymd_opt(2026, 12, 1).zip(NaiveDate::from_ymd_opt(2026, 12, 3)),
        }
    }

    #[tokio::test]
    async fn inserted_producers_are_indexed_like_any_other() {
        let (pool, _dir) = fresh_db().await;
        crate::store::demo::load(&pool).await.unwrap();
        let before = producer_count(&pool).await.unwrap();
        insert_producers(
            &pool,
            &[
                producer("Dapur Talam Berkah", "Kue talam"),
                producer("Rumah Lapis Jaya", "Kue lapis"),
            ],
        )
        .await
        .unwrap();
        assert_eq!(producer_count(&pool).await.unwrap(), before + 2);
        // Words from the name, a product, a category name and the district.
        for terms in [
            &["berkah", "talam"][..],
            &["prasmanan"],
            &["katering", "lapis"],
        ] {
            let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
            let page = directory::search(&pool, &terms, &Filters::default(), 0, 5)
                .await
                .unwrap();
            assert!(page.total >= 1, "{terms:?}");
        }
        let terms = vec!["lapis".to_string()];
        let page = directory::search(&pool, &terms, &Filters::default(), 0, 5)
            .await
            .unwrap();
        let card = page
            .cards
            .iter()
            .find(|c| c.business_name == "Rumah Lapis Jaya")
            .unwrap();
        assert_eq!(card.products, vec!["Kue lapis", "Nasi kotak"]);
        assert_eq!(card.categories, vec!["katering", "snack"]);
        assert_eq!(card.rating, Some(4.5));
        // The trigram fallback sees them too.
        let typo = vec!["berkha".to_string()];
        let page = directory::search(&pool, &typo, &Filters::default(), 0, 5)
            .await
            .unwrap();
        assert!(
            page.cards
                .iter()
                .any(|c| c.business_name == "Dapur Talam Berkah")
        );
        // Leave days are kept.
        let on_leave = Filters {
            available_on: NaiveDate::from_ymd_opt(2026, 12, 2),
            ..Filters::default()
        };
        let page = directory::search(&pool, &terms, &on_leave, 0, 5)
            .await
            .unwrap();
        assert!(
            !page
                .cards
                .iter()
                .any(|c| c.business_name == "Rumah Lapis Jaya")
        );
    }
}
