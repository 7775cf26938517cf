//! The official region list, copied into the database once.

use sqlx::SqlitePool;

use crate::domain::Regions;

/// Loads provinces, regencies, districts and aliases when the database does
/// not have the same number of each yet. Idempotent.
pub async fn seed(pool: &SqlitePool, regions: &Regions) -> sqlx::Result<()> {
    let (p, r, d, a): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM provinces), (SELECT count(*) FROM regencies),
                (SELECT count(*) FROM districts), (SELECT count(*) FROM region_aliases)",
    )
    .fetch_one(pool)
    .await?;
    if p as usize == regions.provinces().len()
        && r as usize == regions.regencies().len()
        && d as usize == regions.districts().len()
        && a as usize == regions.aliases().len()
    {
        return Ok(());
    }
    let mut tx = super::begin_write(pool).await?;
    for prov in regions.provinces() {
        sqlx::query("INSERT OR REPLACE INTO provinces (code, name, timezone) VALUES (?, ?, ?)")
            .bind(&prov.code)
            .bind(&prov.name)
            .bind(prov.timezone.name())
            .execute(&mut *tx)
            .await?;
    }
    for reg in regions.regencies() {
        sqlx::query(
            "INSERT OR REPLACE INTO regencies (code, province_code, name) VALUES (?, ?, ?)",
        )
        .bind(&reg.code)
        .bind(&reg.province_code)
        .bind(&reg.name)
        .execute(&mut *tx)
        .await?;
    }
    for dist in regions.districts() {
        sqlx::query("INSERT OR REPLACE INTO districts (code, regency_code, name) VALUES (?, ?, ?)")
            .bind(&dist.code)
            .bind(&dist.regency_code)
            .bind(&dist.name)
            .execute(&mut *tx)
            .await?;
    }
    for alias in regions.aliases() {
        sqlx::query("INSERT OR REPLACE INTO region_aliases (alias, regency_code) VALUES (?, ?)")
            .bind(&alias.alias)
            .bind(&alias.regency_code)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::fresh_db;

    #[tokio::test]
    async fn a_fresh_database_holds_every_regency_and_district() {
        let (pool, _dir) = fresh_db().await;
        let (r, d): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM regencies), (SELECT count(*) FROM districts)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(r, 514);
        assert_eq!(d, 7277);
        // Seeding again changes nothing.
        super::seed(&pool, crate::domain::Regions::embedded())
            .await
            .unwrap();
        let again: i64 = sqlx::query_scalar("SELECT count(*) FROM regencies")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(again, 514);
    }
}
