//! A producer's two lists, its categories and its product names, as every
//! writer of producers adds to them (registration, import, demo data and
//! the benchmark's generated producers).

use sqlx::{Sqlite, Transaction};

use crate::domain::Category;

pub async fn add_category(
    tx: &mut Transaction<'_, Sqlite>,
    producer_id: i64,
    category: Category,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO producer_categories (producer_id, category) VALUES (?, ?)")
        .bind(producer_id)
        .bind(category)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A product by name only (the producer adds photo and price later).
pub async fn add_product(
    tx: &mut Transaction<'_, Sqlite>,
    producer_id: i64,
    name: &str,
    at: &str,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO products (producer_id, name, created_at) VALUES (?, ?, ?)")
        .bind(producer_id)
        .bind(name)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Both lists as given, whatever they held before.
pub async fn replace(
    tx: &mut Transaction<'_, Sqlite>,
    producer_id: i64,
    categories: &[Category],
    products: &[String],
    at: &str,
) -> sqlx::Result<()> {
    for table in ["producer_categories", "products"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE producer_id = ?"))
            .bind(producer_id)
            .execute(&mut **tx)
            .await?;
    }
    for c in categories {
        add_category(tx, producer_id, *c).await?;
    }
    for name in products {
        add_product(tx, producer_id, name, at).await?;
    }
    Ok(())
}
