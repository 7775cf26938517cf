//! The producer directory: full-text search with filters, paging, the
//! typo-tolerant fallback, and the cards shown to staff. Only verified
//! producers are ever returned.

use chrono::NaiveDate;
use sqlx::SqlitePool;

use crate::domain::search;

/// What narrows a search besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub regency: Option<String>,
    /// Limit to one province (used for "nearby" suggestions).
    pub province: Option<String>,
    /// Any of these categories (slugs).
    pub categories: Vec<String>,
    pub halal_only: bool,
    /// Not on leave that (local) day.
    pub available_on: Option<NaiveDate>,
}

/// How the results were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// By the words (prefix match).
    Text,
    /// No exact match; by the typo-tolerant fallback.
    Fuzzy,
    /// No words: by the filters alone.
    Filters,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: i64,
    pub business_name: String,
    pub regency_code: String,
    pub district_code: Option<String>,
    pub categories: Vec<String>,
    pub products: Vec<String>,
    pub daily_capacity: i64,
    pub capacity_unit: String,
    pub min_lead_days: i64,
    pub min_order: i64,
    pub halal: bool,
    pub rating: Option<f64>,
    pub rating_count: i64,
    pub finished_orders: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub cards: Vec<Card>,
    pub total: i64,
    pub matched: Matched,
}

/// The WHERE clause shared by every search: verified, then the filters.
/// Binds ?2..?6 (regency, province, categories as a JSON array, halal, day).
const FILTERS: &str = "p.verified = 1
    AND (?2 IS NULL OR p.regency_code = ?2)
    AND (?3 IS NULL OR p.regency_code IN (SELECT code FROM regencies WHERE province_code = ?3))
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM producer_categories pc
                               WHERE pc.producer_id = p.id
                                 AND pc.category IN (SELECT value FROM json_each(?4))))
    AND (?5 = 0 OR p.halal = 1)
    AND (?6 IS NULL OR NOT EXISTS (SELECT 1 FROM producer_leave l
                                   WHERE l.producer_id = p.id AND ?6 BETWEEN l.start_date AND l.end_date))";

const ORDER_BY_MERIT: &str = "CASE WHEN p.rating_count = 0 THEN 0.0
         ELSE CAST(p.rating_sum AS REAL) / p.rating_count END DESC,
    p.finished_orders DESC, p.id";

fn categories_json(f: &Filters) -> Option<String> {
    (!f.categories.is_empty()).then(|| serde_json::to_string(&f.categories).unwrap_or_default())
}

fn day(f: &Filters) -> Option<String> {
    f.available_on.map(|d| d.format("%Y-%m-%d").to_string())
}

/// One page of a search. `terms` are the words to match (already read by
/// `domain::search::read_query`); empty means "by the filters alone".
pub async fn search(
    pool: &SqlitePool,
    terms: &[String],
    filters: &Filters,
    offset: i64,
    limit: i64,
) -> sqlx::Result<Page> {
    let cats = categories_json(filters);
    let day = day(filters);
    let expr = search::fts_expression(terms);
    let (source, order, matched) = match &expr {
        Some(_) => (
            "producer_fts f JOIN producers p ON p.id = f.rowid WHERE producer_fts MATCH ?1",
            format!("bm25(producer_fts, 8.0, 6.0, 3.0, 1.0), {ORDER_BY_MERIT}"),
            Matched::Text,
        ),
        None => (
            "producers p WHERE ?1 IS NULL",
            ORDER_BY_MERIT.to_string(),
            Matched::Filters,
        ),
    };
    let ids: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT p.id FROM {source} AND {FILTERS} ORDER BY {order} LIMIT ?7 OFFSET ?8"
    ))
    .bind(&expr)
    .bind(&filters.regency)
    .bind(&filters.province)
    .bind(&cats)
    .bind(filters.halal_only)
    .bind(&day)
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await?;
    let total: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {source} AND {FILTERS}"))
        .bind(&expr)
        .bind(&filters.regency)
        .bind(&filters.province)
        .bind(&cats)
        .bind(filters.halal_only)
        .bind(&day)
        .fetch_one(pool)
        .await?;
    if total > 0 || offset > 0 || expr.is_none() {
        return Ok(Page {
            cards: cards(pool, &ids).await?,
            total,
            matched,
        });
    }
    fuzzy(pool, terms, filters, offset, limit).await
}

/// No exact match: candidates sharing three-letter pieces with the terms,
/// kept only when every term has a near match (`domain::search::close_enough`).
async fn fuzzy(
    pool: &SqlitePool,
    terms: &[String],
    filters: &Filters,
    offset: i64,
    limit: i64,
) -> sqlx::Result<Page> {
    let empty = Page {
        cards: Vec::new(),
        total: 0,
        matched: Matched::Text,
    };
    let Some(expr) = search::trigram_expression(terms) else {
        return Ok(empty);
    };
    let candidates: Vec<(i64, String)> = sqlx::query_as(
        "SELECT rowid, words FROM producer_trigram WHERE producer_trigram MATCH ? ORDER BY rank LIMIT 300",
    )
    .bind(&expr)
    .fetch_all(pool)
    .await?;
    let close: Vec<i64> = candidates
        .into_iter()
        .filter(|(_, words)| search::close_enough(terms, words))
        .map(|(id, _)| id)
        .collect();
    if close.is_empty() {
        return Ok(empty);
    }
    let ids_json = serde_json::to_string(&close).unwrap_or_default();
    let sql = format!(
        "SELECT p.id FROM producers p WHERE p.id IN (SELECT value FROM json_each(?1)) AND {FILTERS}
         ORDER BY {ORDER_BY_MERIT}"
    );
    let all: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(&ids_json)
        .bind(&filters.regency)
        .bind(&filters.province)
        .bind(categories_json(filters))
        .bind(filters.halal_only)
        .bind(day(filters))
        .fetch_all(pool)
        .await?;
    let total = all.len() as i64;
    let page: Vec<i64> = all
        .into_iter()
        .skip(offset.max(0) as usize)
        .take(limit.max(0) as usize)
        .collect();
    Ok(Page {
        cards: cards(pool, &page).await?,
        total,
        matched: Matched::Fuzzy,
    })
}

#[derive(sqlx::FromRow)]
struct CardRow {
    id: i64,
    business_name: String,
    regency_code: String,
    district_code: Option<String>,
    categories: Option<String>,
    products: Option<String>,
    daily_capacity: i64,
    capacity_unit: String,
    min_lead_days: i64,
    min_order: i64,
    halal: bool,
    rating_sum: i64,
    rating_count: i64,
    finished_orders: i64,
}

/// Cards for the given producer ids, in the same order.
pub async fn cards(pool: &SqlitePool, ids: &[i64]) -> sqlx::Result<Vec<Card>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<CardRow> = sqlx::query_as(
        "SELECT p.id, p.business_name, p.regency_code, p.district_code,
                (SELECT group_concat(pc.category, ';') FROM
                    (SELECT pc.category FROM producer_categories pc JOIN categories c ON c.slug = pc.category
                     WHERE pc.producer_id = p.id ORDER BY c.sort) pc) AS categories,
                (SELECT group_concat(name, ';') FROM
                    (SELECT name FROM products WHERE producer_id = p.id ORDER BY id)) AS products,
                p.daily_capacity, p.capacity_unit, p.min_lead_days, p.min_order, p.halal,
                p.rating_sum, p.rating_count, p.finished_orders
         FROM producers p WHERE p.id IN (SELECT value FROM json_each(?))",
    )
    .bind(serde_json::to_string(ids).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    let mut cards: Vec<Card> = rows
        .into_iter()
        .map(|r| Card {
            id: r.id,
            business_name: r.business_name,
            regency_code: r.regency_code,
            district_code: r.district_code,
            categories: split(r.categories),
            products: split(r.products),
            daily_capacity: r.daily_capacity,
            capacity_unit: r.capacity_unit,
            min_lead_days: r.min_lead_days,
            min_order: r.min_order,
            halal: r.halal,
            rating: (r.rating_count > 0).then(|| r.rating_sum as f64 / r.rating_count as f64),
            rating_count: r.rating_count,
            finished_orders: r.finished_orders,
        })
        .collect();
    cards.sort_by_key(|c| ids.iter().position(|i| *i == c.id));
    Ok(cards)
}

fn split(list: Option<String>) -> Vec<String> {
    list.map(|s| s.split(';').map(str::to_string).collect())
        .unwrap_or_default()
}

/// One verified producer's card (for "Lihat profil").
pub async fn card(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<Card>> {
    let verified: Option<bool> = sqlx::query_scalar("SELECT verified FROM producers WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    if verified != Some(true) {
        return Ok(None);
    }
    Ok(cards(pool, &[id]).await?.into_iter().next())
}

/// Products with their catalogue details, for the full profile.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Product {
    pub id: i64,
    pub name: String,
    pub photo_file_id: Option<String>,
    pub price_from: Option<i64>,
    pub unit: Option<String>,
    pub min_order: Option<i64>,
    pub lead_days: Option<i64>,
}

pub async fn products(pool: &SqlitePool, producer_id: i64) -> sqlx::Result<Vec<Product>> {
    sqlx::query_as(
        "SELECT id, name, photo_file_id, price_from, unit, min_order, lead_days
         FROM products WHERE producer_id = ? ORDER BY id",
    )
    .bind(producer_id)
    .fetch_all(pool)
    .await
}

/// A stored search: what was typed, the words and the filters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spec {
    pub terms: Vec<String>,
    #[serde(default)]
    pub regency: Option<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub halal_only: bool,
    #[serde(default)]
    pub available_on: Option<NaiveDate>,
}

impl Spec {
    pub fn filters(&self) -> Filters {
        Filters {
            regency: self.regency.clone(),
            province: None,
            categories: self.categories.clone(),
            halal_only: self.halal_only,
            available_on: self.available_on,
        }
    }
}

/// Remembers a search and returns its id.
pub async fn save_search(
    pool: &SqlitePool,
    user_id: i64,
    query: &str,
    spec: &Spec,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO searches (user_id, query, spec, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(user_id)
    .bind(query)
    .bind(serde_json::to_string(spec).unwrap_or_default())
    .bind(super::now_text())
    .fetch_one(pool)
    .await
}

/// A stored search, only for the user who ran it.
pub async fn load_search(
    pool: &SqlitePool,
    user_id: i64,
    id: i64,
) -> sqlx::Result<Option<(String, Spec)>> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT query, spec FROM searches WHERE id = ? AND user_id = ?")
            .bind(id)
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    Ok(row.and_then(|(query, spec)| Some((query, serde_json::from_str(&spec).ok()?))))
}

/// Changes the filters of a stored search (same owner only).
pub async fn update_search(
    pool: &SqlitePool,
    user_id: i64,
    id: i64,
    spec: &Spec,
) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE searches SET spec = ? WHERE id = ? AND user_id = ?")
        .bind(serde_json::to_string(spec).unwrap_or_default())
        .bind(id)
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// How many producers each regency has for these words and filters, most
/// first (at most `limit`). Behind the region filter's choices and the
/// "nearby" answer when a regency has none.
pub async fn regency_counts(
    pool: &SqlitePool,
    terms: &[String],
    filters: &Filters,
    limit: i64,
) -> sqlx::Result<Vec<(String, i64)>> {
    let cats = categories_json(filters);
    let day = day(filters);
    let (source, expr) = match search::fts_expression(terms) {
        Some(expr) => (
            "producer_fts f JOIN producers p ON p.id = f.rowid WHERE producer_fts MATCH ?1",
            Some(expr),
        ),
        None => ("producers p WHERE ?1 IS NULL", None),
    };
    sqlx::query_as(&format!(
        "SELECT p.regency_code, count(*) AS n FROM {source} AND {FILTERS}
         GROUP BY p.regency_code ORDER BY n DESC, p.regency_code LIMIT ?7"
    ))
    .bind(expr)
    .bind(&filters.regency)
    .bind(&filters.province)
    .bind(&cats)
    .bind(filters.halal_only)
    .bind(&day)
    .bind(limit)
    .fetch_all(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Regions;
    use crate::domain::search::read_query;
    use crate::store::test_support::fresh_db;

    async fn demo() -> (SqlitePool, tempfile::TempDir) {
        let (pool, dir) = fresh_db().await;
        crate::store::demo::load(&pool).await.unwrap();
        (pool, dir)
    }

    async fn find(pool: &SqlitePool, text: &str) -> Page {
        let q = read_query(text, Regions::embedded());
        let filters = Filters {
            regency: q.place.map(|p| p.regency.as_str().to_string()),
            categories: q.categories.iter().map(|c| c.slug().to_string()).collect(),
            halal_only: q.halal,
            ..Filters::default()
        };
        search(pool, &q.terms, &filters, 0, 5).await.unwrap()
    }

    fn names(page: &Page) -> Vec<&str> {
        page.cards
            .iter()
            .map(|c| c.business_name.as_str())
            .collect()
    }

    #[tokio::test]
    async fn words_places_and_categories_narrow_the_search() {
        let (pool, _dir) = demo().await;
        let page = find(&pool, "amplang kukar").await;
        assert_eq!(names(&page), vec!["Amplang Mahakam Bu Ratna"]);
        assert_eq!(page.matched, Matched::Text);
        let page = find(&pool, "kue talam samarinda").await;
        assert_eq!(names(&page), vec!["Kue Talam Acil Samarinda"]);
        let page = find(&pool, "katering").await;
        assert!(page.total >= 2, "{:?}", names(&page));
        assert!(
            page.cards
                .iter()
                .all(|c| c.categories.contains(&"katering".to_string()))
        );
    }

    #[tokio::test]
    async fn a_typo_is_found_by_the_fallback() {
        let (pool, _dir) = demo().await;
        let page = find(&pool, "amplan").await;
        // "amplan" is a prefix of "amplang": found by the text search itself.
        assert!(names(&page).contains(&"Amplang Mahakam Bu Ratna"));
        let page = find(&pool, "amplnag").await;
        assert_eq!(page.matched, Matched::Fuzzy);
        assert!(
            names(&page).contains(&"Amplang Mahakam Bu Ratna"),
            "{:?}",
            names(&page)
        );
    }

    #[tokio::test]
    async fn unverified_producers_and_producers_on_leave_are_not_found() {
        let (pool, _dir) = demo().await;
        sqlx::query("UPDATE producers SET verified = 0 WHERE business_name LIKE 'Kue Talam%'")
            .execute(&pool)
            .await
            .unwrap();
        assert_eq!(find(&pool, "talam").await.total, 0);
        let id: i64 =
            sqlx::query_scalar("SELECT id FROM producers WHERE business_name LIKE 'Amplang%'")
                .fetch_one(&pool)
                .await
                .unwrap();
        sqlx::query("INSERT INTO producer_leave (producer_id, start_date, end_date, created_at) VALUES (?, '2026-12-01', '2026-12-03', 'x')")
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
        let q = read_query("amplang", Regions::embedded());
        let on = |d: &str| Filters {
            available_on: NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
            ..Filters::default()
        };
        let during = search(&pool, &q.terms, &on("2026-12-02"), 0, 5)
            .await
            .unwrap();
        assert!(!during.cards.iter().any(|c| c.id == id));
        let after = search(&pool, &q.terms, &on("2026-12-04"), 0, 5)
            .await
            .unwrap();
        assert!(after.cards.iter().any(|c| c.id == id));
    }

    #[tokio::test]
    async fn hostile_queries_never_fail() {
        let (pool, _dir) = demo().await;
        for text in [
            "\"",
            "kue\" OR \"",
            "*",
            "NEAR(a b)",
            "AND OR NOT",
            "(((",
            "🍰",
            "a:b",
            "^kue",
            "-kue",
        ] {
            let q = read_query(text, Regions::embedded());
            search(&pool, &q.terms, &Filters::default(), 0, 5)
                .await
                .unwrap();
        }
    }

    #[tokio::test]
    async fn an_empty_regency_points_to_nearby_ones() {
        let (pool, _dir) = demo().await;
        let page = find(&pool, "amplang bontang").await;
        assert_eq!(page.total, 0);
        let q = read_query("amplang", Regions::embedded());
        let province = Filters {
            province: Some("64".into()),
            ..Filters::default()
        };
        let near = regency_counts(&pool, &q.terms, &province, 5).await.unwrap();
        assert!(near.iter().any(|(code, _)| code == "64.02"), "{near:?}");
    }
}
