//! Producers in bulk from the trade office's spreadsheet (PRODUCT.md §8),
//! and back out in the same shape.
//!
//! A row matches an existing producer by phone, else by NIB. New producers
//! are verified at once (`source = 'import'`, no Telegram account yet; they
//! link themselves later by sharing the same phone). An existing producer
//! is written only when something differs, so that importing the same file
//! twice changes nothing, not even `updated_at`.

use std::collections::{BTreeSet, HashMap};

use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::{Row, Sqlite, SqlitePool, Transaction};

use super::producer_lists::{add_category, add_product};
use crate::domain::producer_csv::{Parsed, ProducerRecord, Rejected};
use crate::domain::{Category, PhoneNumber, Place, RegionCode};

/// What an import did (or, for a dry run, would have done).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows refused by the file check or by the database, in line order.
    pub rejected: Vec<Rejected>,
}

enum Outcome {
    Added,
    Updated,
    Unchanged,
    Refused(String),
}

#[derive(sqlx::FromRow)]
struct Stored {
    id: i64,
    business_name: String,
    owner_name: Option<String>,
    phone: Option<PhoneNumber>,
    regency_code: RegionCode,
    district_code: Option<String>,
    daily_capacity: u32,
    capacity_unit: String,
    min_lead_days: u32,
    min_order: u32,
    halal: bool,
    nib: Option<String>,
}

const STORED_COLUMNS: &str = "id, business_name, owner_name, phone, regency_code, district_code,
     daily_capacity, capacity_unit, min_lead_days, min_order, halal, nib";

impl Stored {
    /// True when the producer's own columns already say what the record says.
    fn same_as(&self, r: &ProducerRecord) -> bool {
        self.business_name == r.business_name
            && self.owner_name == r.owner_name
            && self.phone.as_ref() == Some(&r.phone)
            && self.regency_code == r.place.regency
            && self.district_code == r.place.district
            && self.daily_capacity == r.daily_capacity
            && self.capacity_unit == r.capacity_unit
            && self.min_lead_days == r.min_lead_days
            && self.min_order == r.min_order
            && self.halal == r.halal
            && self.nib == r.nib
    }
}

/// Writes the valid rows of a parsed file in one write transaction, and
/// reports them together with the file's rejected rows. With `dry_run`
/// everything is done and then rolled back.
pub async fn import_producers(
    pool: &SqlitePool,
    parsed: &Parsed,
    dry_run: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<ImportReport> {
    let mut report = ImportReport {
        rejected: parsed.rejected.clone(),
        ..ImportReport::default()
    };
    let mut tx = super::begin_write(pool).await?;
    let now = super::timestamp(now);
    for row in &parsed.rows {
        match upsert(&mut tx, &row.record, &now).await? {
            Outcome::Added => report.added += 1,
            Outcome::Updated => report.updated += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Refused(reason) => report.rejected.push(Rejected {
                line: row.line,
                reason,
            }),
        }
    }
    if dry_run {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    report.rejected.sort_by_key(|r| r.line);
    Ok(report)
}

async fn find(
    tx: &mut Transaction<'_, Sqlite>,
    column: &str,
    value: &str,
) -> sqlx::Result<Option<Stored>> {
    // `column` is one of two fixed names, never input.
    let sql = format!("SELECT {STORED_COLUMNS} FROM producers WHERE {column} = ?");
    sqlx::query_as(&sql)
        .bind(value)
        .fetch_optional(&mut **tx)
        .await
}

async fn upsert(
    tx: &mut Transaction<'_, Sqlite>,
    r: &ProducerRecord,
    now: &str,
) -> sqlx::Result<Outcome> {
    let mut existing = find(tx, "phone", r.phone.as_str()).await?;
    if existing.is_none()
        && let Some(nib) = &r.nib
    {
        existing = find(tx, "nib", nib).await?;
    }
    if let Some(nib) = &r.nib {
        let holder: Option<(i64, String)> =
            sqlx::query_as("SELECT id, business_name FROM producers WHERE nib = ?")
                .bind(nib)
                .fetch_optional(&mut **tx)
                .await?;
        if let Some((id, name)) = holder
            && existing.as_ref().is_none_or(|e| e.id != id)
        {
            return Ok(Outcome::Refused(format!(
                "nib {nib} sudah dipakai produsen lain ({name})"
            )));
        }
    }
    match existing {
        None => {
            insert(tx, r, now).await?;
            Ok(Outcome::Added)
        }
        Some(stored) => {
            if update(tx, &stored, r, now).await? {
                Ok(Outcome::Updated)
            } else {
                Ok(Outcome::Unchanged)
            }
        }
    }
}

type Query<'q> = sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

/// Binds a record's eleven data columns as `?1` … `?11`, in the order
/// `insert` and `update` number them.
fn bind_record<'q>(query: Query<'q>, r: &'q ProducerRecord) -> Query<'q> {
    query
        .bind(&r.business_name)
        .bind(&r.owner_name)
        .bind(&r.phone)
        .bind(&r.place.regency)
        .bind(&r.place.district)
        .bind(r.daily_capacity)
        .bind(&r.capacity_unit)
        .bind(r.min_lead_days)
        .bind(r.min_order)
        .bind(r.halal)
        .bind(&r.nib)
}

async fn insert(
    tx: &mut Transaction<'_, Sqlite>,
    r: &ProducerRecord,
    now: &str,
) -> sqlx::Result<()> {
    let insert = sqlx::query(
        "INSERT INTO producers (user_id, business_name, owner_name, phone, regency_code,
                                district_code, daily_capacity, capacity_unit, min_lead_days,
                                min_order, halal, nib, verified, source, created_at, updated_at)
         VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, 'import', ?12, ?12)
         RETURNING id",
    );
    let id: i64 = bind_record(insert, r)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?
        .try_get("id")?;
    for c in &r.categories {
        add_category(tx, id, *c).await?;
    }
    for name in &r.products {
        add_product(tx, id, name, now).await?;
    }
    Ok(())
}

/// Brings an existing producer in line with the record. Only the data
/// columns, categories and products are touched (never `user_id`,
/// `verified` or `source`); product rows whose names stay are kept with
/// their photos and prices. Returns whether anything changed.
async fn update(
    tx: &mut Transaction<'_, Sqlite>,
    stored: &Stored,
    r: &ProducerRecord,
    now: &str,
) -> sqlx::Result<bool> {
    let id = stored.id;
    let categories: BTreeSet<String> =
        sqlx::query_scalar("SELECT category FROM producer_categories WHERE producer_id = ?")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .collect();
    let wanted_categories: BTreeSet<String> =
        r.categories.iter().map(|c| c.slug().to_owned()).collect();
    let products: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM products WHERE producer_id = ? ORDER BY id")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    let product_names: BTreeSet<&str> = products.iter().map(|(_, n)| n.as_str()).collect();
    let wanted_products: BTreeSet<&str> = r.products.iter().map(String::as_str).collect();

    let fields_same = stored.same_as(r);
    if fields_same && categories == wanted_categories && product_names == wanted_products {
        return Ok(false);
    }

    if fields_same {
        sqlx::query("UPDATE producers SET updated_at = ? WHERE id = ?")
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    } else {
        let set = sqlx::query(
            "UPDATE producers SET business_name = ?1, owner_name = ?2, phone = ?3,
                 regency_code = ?4, district_code = ?5, daily_capacity = ?6,
                 capacity_unit = ?7, min_lead_days = ?8, min_order = ?9, halal = ?10,
                 nib = ?11, updated_at = ?12
             WHERE id = ?13",
        );
        bind_record(set, r)
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }

    for slug in categories.difference(&wanted_categories) {
        sqlx::query("DELETE FROM producer_categories WHERE producer_id = ? AND category = ?")
            .bind(id)
            .bind(slug)
            .execute(&mut **tx)
            .await?;
    }
    for c in &r.categories {
        if !categories.contains(c.slug()) {
            add_category(tx, id, *c).await?;
        }
    }

    // Rows whose names are gone; a new name that differs from one of them
    // only in letter case renames that row instead (keeping its photo and
    // price).
    let mut gone: Vec<&(i64, String)> = products
        .iter()
        .filter(|(_, n)| !wanted_products.contains(n.as_str()))
        .collect();
    for name in &r.products {
        if product_names.contains(name.as_str()) {
            continue;
        }
        let lower = name.to_lowercase();
        if let Some(i) = gone.iter().position(|(_, n)| n.to_lowercase() == lower) {
            let (row_id, _) = gone.remove(i);
            sqlx::query("UPDATE products SET name = ? WHERE id = ?")
                .bind(name)
                .bind(row_id)
                .execute(&mut **tx)
                .await?;
        } else {
            add_product(tx, id, name, now).await?;
        }
    }
    for (row_id, _) in gone {
        sqlx::query("DELETE FROM products WHERE id = ?")
            .bind(row_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(true)
}

/// Every producer that has a phone, in id order, as CSV records
/// (categories in their sort order, products in the order they were added).
pub async fn export_producers(pool: &SqlitePool) -> anyhow::Result<Vec<ProducerRecord>> {
    let rows: Vec<Stored> = sqlx::query_as(&format!(
        "SELECT {STORED_COLUMNS} FROM producers WHERE phone IS NOT NULL ORDER BY id"
    ))
    .fetch_all(pool)
    .await?;
    let mut categories: HashMap<i64, Vec<Category>> = HashMap::new();
    let pairs: Vec<(i64, Category)> = sqlx::query_as(
        "SELECT pc.producer_id, pc.category FROM producer_categories pc
         JOIN categories c ON c.slug = pc.category ORDER BY pc.producer_id, c.sort",
    )
    .fetch_all(pool)
    .await?;
    for (id, category) in pairs {
        categories.entry(id).or_default().push(category);
    }
    let mut products: HashMap<i64, Vec<String>> = HashMap::new();
    let pairs: Vec<(i64, String)> =
        sqlx::query_as("SELECT producer_id, name FROM products ORDER BY producer_id, id")
            .fetch_all(pool)
            .await?;
    for (id, name) in pairs {
        products.entry(id).or_default().push(name);
    }

    let mut records = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.id;
        // The query asks for phones; a row without one cannot be here.
        let phone = row
            .phone
            .with_context(|| format!("producer {id} has no phone"))?;
        records.push(ProducerRecord {
            business_name: row.business_name,
            owner_name: row.owner_name,
            phone,
            place: Place {
                regency: row.regency_code,
                district: row.district_code,
            },
            // A producer without categories or products has none listed.
            categories: categories.remove(&id).unwrap_or_default(),
            products: products.remove(&id).unwrap_or_default(),
            daily_capacity: row.daily_capacity,
            capacity_unit: row.capacity_unit,
            min_lead_days: row.min_lead_days,
            min_order: row.min_order,
            halal: row.halal,
            nib: row.nib,
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Regions;
    use crate::domain::producer_csv::{self, Row};
    use crate::domain::registration::ProducerApplication;
    use crate::store::test_support::{fresh_db, now};

    fn record(phone: &str, nib: Option<&str>) -> ProducerRecord {
        ProducerRecord {
            business_name: "Amplang Bu Sari".into(),
            owner_name: Some("Sari".into()),
            phone: PhoneNumber::parse(phone).unwrap(),
            place: Place {
                regency: RegionCode::parse("64.72").unwrap(),
                district: Some("64.72.06".into()),
            },
            categories: vec![Category::OlehOleh],
            products: vec!["Amplang".into(), "Kerupuk ikan".into()],
            daily_capacity: 200,
            capacity_unit: "bungkus".into(),
            min_lead_days: 3,
            min_order: 20,
            halal: true,
            nib: nib.map(str::to_owned),
        }
    }

    fn parsed(records: &[ProducerRecord]) -> Parsed {
        Parsed {
            rows: records
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    line: i as u64 + 2,
                    record: r.clone(),
                })
                .collect(),
            rejected: vec![],
        }
    }

    async fn import(pool: &SqlitePool, records: &[ProducerRecord]) -> ImportReport {
        import_producers(pool, &parsed(records), false, now())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_new_producer_is_added_verified_without_an_account() {
        let (pool, _dir) = fresh_db().await;
        let report = import(&pool, &[record("081234567890", None)]).await;
        assert_eq!((report.added, report.updated, report.unchanged), (1, 0, 0));
        let (user_id, verified, source): (Option<i64>, bool, String) =
            sqlx::query_as("SELECT user_id, verified, source FROM producers")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!((user_id, verified, source.as_str()), (None, true, "import"));
        assert_eq!(
            export_producers(&pool).await.unwrap(),
            [record("081234567890", None)]
        );
    }

    #[tokio::test]
    async fn an_unchanged_row_writes_nothing() {
        let (pool, _dir) = fresh_db().await;
        import(&pool, &[record("081234567890", None)]).await;
        sqlx::query("UPDATE producers SET updated_at = 'earlier'")
            .execute(&pool)
            .await
            .unwrap();
        let report = import(&pool, &[record("081234567890", None)]).await;
        assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 1));
        let updated_at: String = sqlx::query_scalar("SELECT updated_at FROM producers")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(updated_at, "earlier");
    }

    #[tokio::test]
    async fn changed_products_keep_the_rows_whose_names_stay() {
        let (pool, _dir) = fresh_db().await;
        import(&pool, &[record("081234567890", None)]).await;
        sqlx::query("UPDATE products SET photo_file_id = 'foto', price_from = 500")
            .execute(&pool)
            .await
            .unwrap();
        let before: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM products ORDER BY id")
                .fetch_all(&pool)
                .await
                .unwrap();
        let mut changed = record("081234567890", None);
        changed.products = vec!["kerupuk ikan".into(), "Keripik pisang".into()];
        changed.categories = vec![Category::Snack, Category::OlehOleh];
        let report = import(&pool, &[changed.clone()]).await;
        assert_eq!(report.updated, 1);
        let after: Vec<(i64, String, Option<String>)> =
            sqlx::query_as("SELECT id, name, photo_file_id FROM products ORDER BY id")
                .fetch_all(&pool)
                .await
                .unwrap();
        // "Amplang" is gone; "Kerupuk ikan" was renamed in place, keeping its photo.
        assert_eq!(
            after[0],
            (before[1].0, "kerupuk ikan".into(), Some("foto".into()))
        );
        assert_eq!(after[1].1, "Keripik pisang");
        assert_eq!(after.len(), 2);
        assert_eq!(export_producers(&pool).await.unwrap(), [changed]);
        let found: Vec<i64> = sqlx::query_scalar(
            "SELECT rowid FROM producer_fts WHERE producer_fts MATCH '\"keripik\"'",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        assert_eq!(found.len(), 1);
    }

    #[tokio::test]
    async fn a_producer_found_by_nib_gets_the_new_phone() {
        let (pool, _dir) = fresh_db().await;
        import(&pool, &[record("081234567890", Some("1234567890123"))]).await;
        let report = import(&pool, &[record("081299998888", Some("1234567890123"))]).await;
        assert_eq!(report.updated, 1);
        let phones: Vec<String> = sqlx::query_scalar("SELECT phone FROM producers")
            .fetch_all(&pool)
            .await
            .unwrap();
        assert_eq!(phones, ["+6281299998888"]);
    }

    #[tokio::test]
    async fn a_nib_of_another_producer_is_refused_for_that_row_only() {
        let (pool, _dir) = fresh_db().await;
        import(
            &pool,
            &[
                record("081234567890", Some("1234567890123")),
                record("081299998888", None),
            ],
        )
        .await;
        // The second producer (found by phone) claims the first one's NIB.
        let report = import(
            &pool,
            &[
                record("081299998888", Some("1234567890123")),
                record("081277776666", None),
            ],
        )
        .await;
        assert_eq!((report.added, report.updated, report.unchanged), (1, 0, 0));
        assert_eq!(
            report.rejected,
            [Rejected {
                line: 2,
                reason: "nib 1234567890123 sudah dipakai produsen lain (Amplang Bu Sari)".into()
            }]
        );
        let nib: Option<String> =
            sqlx::query_scalar("SELECT nib FROM producers WHERE phone = '+6281299998888'")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(nib, None);
    }

    #[tokio::test]
    async fn a_producer_linked_to_telegram_keeps_its_account_and_verification() {
        let (pool, _dir) = fresh_db().await;
        crate::store::test_support::seen(&pool, 10).await;
        let r = record("081234567890", None);
        crate::store::accounts::submit_producer(
            &pool,
            10,
            &ProducerApplication {
                business_name: "Amplang Lama".into(),
                place: r.place.clone(),
                categories: r.categories.clone(),
                products: r.products.clone(),
                daily_capacity: 100,
                min_lead_days: 1,
                min_order: 5,
                halal: false,
                nib: None,
                phone: r.phone.clone(),
            },
            now(),
        )
        .await
        .unwrap();
        let report = import(&pool, std::slice::from_ref(&r)).await;
        assert_eq!(report.updated, 1);
        let (user_id, verified, source): (Option<i64>, bool, String) =
            sqlx::query_as("SELECT user_id, verified, source FROM producers")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(
            (user_id, verified, source.as_str()),
            (Some(10), false, "telegram")
        );
        assert_eq!(export_producers(&pool).await.unwrap(), [r]);
    }

    #[tokio::test]
    async fn a_dry_run_reports_but_keeps_nothing() {
        let (pool, _dir) = fresh_db().await;
        let report = import_producers(&pool, &parsed(&[record("081234567890", None)]), true, now())
            .await
            .unwrap();
        assert_eq!(report.added, 1);
        assert_eq!(export_producers(&pool).await.unwrap(), []);
    }

    #[tokio::test]
    async fn the_demo_producers_export_and_import_unchanged() {
        let (pool, _dir) = fresh_db().await;
        crate::store::demo::load(&pool, now()).await.unwrap();
        let records = export_producers(&pool).await.unwrap();
        let mut csv = Vec::new();
        producer_csv::write(&mut csv, &records, Regions::embedded()).unwrap();
        let parsed = producer_csv::parse(&csv[..], Regions::embedded()).unwrap();
        assert_eq!(parsed.rejected, []);
        let report = import_producers(&pool, &parsed, false, now())
            .await
            .unwrap();
        assert_eq!(
            (report.added, report.updated, report.unchanged),
            (0, 0, records.len())
        );
    }
}
