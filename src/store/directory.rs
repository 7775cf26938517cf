//! The producer directory: full-text search with filters, paging, the
//! typo-tolerant fallback, and the cards shown to staff. Only verified
//! producers are ever returned.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use crate::domain::{RegionCode, search};

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
    pub regency_code: RegionCode,
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

/// Text matches are ranked (bm25, then merit) this many at a time, in index
/// order: a search matching up to this many producers is ranked as a whole,
/// and a broader one ranks its first block of matches, then the next, so
/// one page never scores tens of thousands of rows. Paging stays
/// consistent because the blocks are fixed.
pub const RANK_BLOCK: i64 = 1000;

const MERIT: &str = "CASE WHEN p.rating_count = 0 THEN 0.0
         ELSE CAST(p.rating_sum AS REAL) / p.rating_count END";

/// Written exactly as the `producers_by_merit` index (migration 0002), so
/// a search by filters alone reads that index instead of sorting.
const ORDER_BY_MERIT: &str = "CASE WHEN p.rating_count = 0 THEN 0.0
         ELSE CAST(p.rating_sum AS REAL) / p.rating_count END DESC,
    p.finished_orders DESC, p.id";

/// Whether anything narrows the search besides "verified".
fn has_filters(f: &Filters) -> bool {
    f.regency.is_some()
        || f.province.is_some()
        || !f.categories.is_empty()
        || f.halal_only
        || f.available_on.is_some()
}

/// The WHERE conditions shared by every search on producers `p`: verified,
/// then only the filters that are set (so the planner can use their indexes).
fn push_filters(qb: &mut QueryBuilder<'_, Sqlite>, f: &Filters) {
    push_filters_but_categories(qb, f);
    if !f.categories.is_empty() {
        qb.push(
            " AND EXISTS (SELECT 1 FROM producer_categories pc WHERE pc.producer_id = p.id
                 AND pc.category IN (SELECT value FROM json_each(",
        )
        .push_bind(super::codec::json_array(&f.categories))
        .push(")))");
    }
}

fn push_filters_but_categories(qb: &mut QueryBuilder<'_, Sqlite>, f: &Filters) {
    qb.push("p.verified = 1");
    if let Some(regency) = &f.regency {
        qb.push(" AND p.regency_code = ").push_bind(regency.clone());
    }
    if let Some(province) = &f.province {
        qb.push(" AND p.regency_code IN (SELECT code FROM regencies WHERE province_code = ")
            .push_bind(province.clone())
            .push(")");
    }
    if f.halal_only {
        qb.push(" AND p.halal = 1");
    }
    if let Some(day) = f.available_on {
        qb.push(" AND NOT EXISTS (SELECT 1 FROM producer_leave l WHERE l.producer_id = p.id AND ")
            .push_bind(day)
            .push(" BETWEEN l.start_date AND l.end_date)");
    }
}

/// Text matches joined to their producers. The index drives (CROSS JOIN
/// fixes the order): probing the index once per producer of a regency is
/// far slower than reading the matches. With a regency, a match outside it
/// is dropped by looking its id up in the regency's (small) list of
/// producers before the join; the unary `+` keeps that list from being
/// turned into index probes.
fn push_text_source(qb: &mut QueryBuilder<'_, Sqlite>, expr: &str, f: &Filters) {
    qb.push("producer_fts f CROSS JOIN producers p ON p.id = f.rowid WHERE producer_fts MATCH ")
        .push_bind(expr.to_string())
        .push(" AND ");
    if let Some(regency) = &f.regency {
        qb.push("+f.rowid IN (SELECT id FROM producers WHERE verified = 1 AND regency_code = ")
            .push_bind(regency.clone())
            .push(") AND ");
    }
    push_filters(qb, f);
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
    let Some(expr) = search::fts_expression(terms) else {
        let mut qb = QueryBuilder::new("SELECT p.id FROM producers p WHERE ");
        push_filters(&mut qb, filters);
        qb.push(format_args!(" ORDER BY {ORDER_BY_MERIT} LIMIT "))
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        let ids: Vec<i64> = qb.build_query_scalar().fetch_all(pool).await?;
        let total = count_by_filters(pool, filters).await?;
        return Ok(Page {
            cards: cards(pool, &ids).await?,
            total,
            matched: Matched::Filters,
        });
    };
    let (ids, total) = text_page(pool, &expr, filters, offset, limit).await?;
    if total > 0 {
        return Ok(Page {
            cards: cards(pool, &ids).await?,
            total,
            matched: Matched::Text,
        });
    }
    fuzzy(pool, terms, filters, offset, limit).await
}

/// How many verified producers the filters alone let through.
async fn count_by_filters(pool: &SqlitePool, filters: &Filters) -> sqlx::Result<i64> {
    let wide = filters.regency.is_none() && filters.province.is_none();
    let Some(expr) = category_expression(&filters.categories).filter(|_| wide) else {
        let mut qb = QueryBuilder::new("SELECT count(*) FROM producers p WHERE ");
        push_filters(&mut qb, filters);
        return qb.build_query_scalar().fetch_one(pool).await;
    };
    // Categories without a region: a third of all producers may match, and
    // checking each producer's categories costs tens of milliseconds. The
    // index knows every verified producer's categories.
    let rest = Filters {
        categories: Vec::new(),
        ..filters.clone()
    };
    if !has_filters(&rest) {
        return sqlx::query_scalar("SELECT count(*) FROM producer_fts WHERE producer_fts MATCH ?")
            .bind(expr)
            .fetch_one(pool)
            .await;
    }
    let mut qb = QueryBuilder::new(
        "SELECT count(*) FROM producer_fts f CROSS JOIN producers p ON p.id = f.rowid
         WHERE producer_fts MATCH ",
    );
    qb.push_bind(expr).push(" AND ");
    push_filters_but_categories(&mut qb, &rest);
    qb.build_query_scalar().fetch_one(pool).await
}

/// The index's `categories` column holds each category's slug (and names):
/// a slug as a phrase (`oleh_oleh` is "oleh oleh") matches exactly the
/// producers in that category (checked by a test against the table).
fn category_expression(slugs: &[String]) -> Option<String> {
    let quoted: Vec<String> = slugs
        .iter()
        .map(|s| format!("\"{}\"", s.replace('"', "\"\"")))
        .collect();
    (!quoted.is_empty()).then(|| format!("{{categories}} : ({})", quoted.join(" OR ")))
}

/// The ids of one page of text matches, and how many match in all.
async fn text_page(
    pool: &SqlitePool,
    expr: &str,
    filters: &Filters,
    offset: i64,
    limit: i64,
) -> sqlx::Result<(Vec<i64>, i64)> {
    let mut ids = Vec::new();
    let mut total = None;
    let mut at = offset.max(0);
    let end = at.saturating_add(limit.max(0));
    while at < end {
        let block = at / RANK_BLOCK;
        let skip = at - block * RANK_BLOCK;
        let want = (end - at).min(RANK_BLOCK - skip);
        // `n` is how many matches the block holds: when fewer than a full
        // block, the total is known without counting again.
        let mut qb = QueryBuilder::new(format!(
            "SELECT id, count(*) OVER () AS n FROM (
                 SELECT p.id AS id, bm25(producer_fts, 8.0, 6.0, 3.0, 1.0) AS score,
                        {MERIT} AS merit, p.finished_orders AS finished FROM "
        ));
        push_text_source(&mut qb, expr, filters);
        qb.push(" ORDER BY f.rowid LIMIT ")
            .push_bind(RANK_BLOCK)
            .push(" OFFSET ")
            .push_bind(block * RANK_BLOCK)
            .push(") ORDER BY score, merit DESC, finished DESC, id LIMIT ")
            .push_bind(want)
            .push(" OFFSET ")
            .push_bind(skip);
        let rows: Vec<(i64, i64)> = qb.build_query_as().fetch_all(pool).await?;
        let Some(&(_, n)) = rows.first() else {
            break;
        };
        at += rows.len() as i64;
        ids.extend(rows.into_iter().map(|(id, _)| id));
        if n < RANK_BLOCK {
            total = Some(block * RANK_BLOCK + n);
            break;
        }
    }
    let total = match total {
        Some(n) => n,
        None if has_filters(filters) => {
            let mut qb = QueryBuilder::new("SELECT count(*) FROM ");
            push_text_source(&mut qb, expr, filters);
            qb.build_query_scalar().fetch_one(pool).await?
        }
        // The index holds verified producers only.
        None => {
            sqlx::query_scalar("SELECT count(*) FROM producer_fts WHERE producer_fts MATCH ?")
                .bind(expr)
                .fetch_one(pool)
                .await?
        }
    };
    Ok((ids, total))
}

/// Known words close to a typo, at most this many a term.
const CLOSE_WORDS: usize = 16;

/// No exact match: each term of three or more letters is replaced by the
/// known words close to it (`domain::search::similarity`; candidates share
/// three-letter pieces with the term), and names and products are searched
/// for those words, with the same filters and ranking.
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
    let mut groups: Vec<Vec<String>> = Vec::new();
    for term in terms.iter().filter(|t| t.chars().count() >= 3) {
        let Some(grams) = search::trigram_expression(std::slice::from_ref(term)) else {
            continue;
        };
        let candidates: Vec<String> = sqlx::query_scalar(
            "SELECT word FROM search_word_trigram WHERE search_word_trigram MATCH ?
             ORDER BY rank LIMIT 200",
        )
        .bind(&grams)
        .fetch_all(pool)
        .await?;
        let mut close: Vec<(f32, String)> = candidates
            .into_iter()
            .map(|w| (search::similarity(term, &w), w))
            .filter(|(score, _)| *score >= search::CLOSE_ENOUGH)
            .collect();
        if close.is_empty() {
            return Ok(empty);
        }
        close.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        close.truncate(CLOSE_WORDS);
        groups.push(close.into_iter().map(|(_, w)| w).collect());
    }
    let Some(words) = search::any_words_expression(&groups) else {
        return Ok(empty);
    };
    let expr = format!("{{name products}} : ({words})");
    let (ids, total) = text_page(pool, &expr, filters, offset, limit).await?;
    if total == 0 {
        return Ok(empty);
    }
    Ok(Page {
        cards: cards(pool, &ids).await?,
        total,
        matched: Matched::Fuzzy,
    })
}

#[derive(sqlx::FromRow)]
struct CardRow {
    id: i64,
    business_name: String,
    regency_code: RegionCode,
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
    .bind(super::codec::json_array(ids))
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

/// A `group_concat(.., ';')` list; NULL when there is nothing to list.
fn split(list: Option<String>) -> Vec<String> {
    match list {
        Some(s) => s.split(';').map(str::to_string).collect(),
        None => Vec::new(),
    }
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
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO searches (user_id, query, spec, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(user_id)
    .bind(query)
    .bind(super::codec::json_text(serde_json::to_string(spec))?)
    .bind(super::timestamp(now))
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
    match row {
        Some((query, spec)) => {
            let spec = serde_json::from_str(&spec).map_err(super::codec::json_error)?;
            Ok(Some((query, spec)))
        }
        None => Ok(None),
    }
}

/// Changes the filters of a stored search (same owner only).
pub async fn update_search(
    pool: &SqlitePool,
    user_id: i64,
    id: i64,
    spec: &Spec,
) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE searches SET spec = ? WHERE id = ? AND user_id = ?")
        .bind(super::codec::json_text(serde_json::to_string(spec))?)
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
    let mut qb = QueryBuilder::new("SELECT p.regency_code, count(*) AS n FROM ");
    match search::fts_expression(terms) {
        Some(expr) => push_text_source(&mut qb, &expr, filters),
        None => {
            qb.push("producers p WHERE ");
            push_filters(&mut qb, filters);
        }
    }
    qb.push(" GROUP BY p.regency_code ORDER BY n DESC, p.regency_code LIMIT ")
        .push_bind(limit);
    qb.build_query_as().fetch_all(pool).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Regions;
    use crate::domain::search::read_query;
    use crate::store::test_support::{fresh_db, now};

    async fn demo() -> (SqlitePool, tempfile::TempDir) {
        let (pool, dir) = fresh_db().await;
        crate::store::demo::load(&pool, now()).await.unwrap();
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
    async fn the_typo_fallback_pages_like_a_text_search() {
        let (pool, _dir) = demo().await;
        for i in 0..7 {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO producers (business_name, regency_code, daily_capacity, min_lead_days, min_order,
                                        halal, verified, created_at, updated_at)
                 VALUES (?, '64.72', 100, 2, 10, 1, 1, 'x', 'x') RETURNING id",
            )
            .bind(format!("Usaha Nomor {i}"))
            .fetch_one(&pool)
            .await
            .unwrap();
            sqlx::query("INSERT INTO products (producer_id, name, created_at) VALUES (?, 'Amplang udang', 'x')")
                .bind(id)
                .execute(&pool)
                .await
                .unwrap();
        }
        let q = read_query("amplnag", Regions::embedded());
        let first = search(&pool, &q.terms, &Filters::default(), 0, 5)
            .await
            .unwrap();
        assert_eq!(first.matched, Matched::Fuzzy);
        // Seven here, and two demo producers that make amplang.
        assert_eq!(first.total, 9);
        let second = search(&pool, &q.terms, &Filters::default(), 5, 5)
            .await
            .unwrap();
        assert_eq!(second.matched, Matched::Fuzzy);
        assert_eq!(second.cards.len(), 4);
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
            available_on: Some(crate::domain::testing::date(d)),
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
    async fn a_typo_with_a_region_finds_the_producers_there() {
        let (pool, _dir) = demo().await;
        let page = find(&pool, "amplnag kukar").await;
        assert_eq!(page.matched, Matched::Fuzzy);
        assert_eq!(names(&page), vec!["Amplang Mahakam Bu Ratna"]);
        let page = find(&pool, "amplnag balikpapan").await;
        assert_eq!(page.total, 0);
        assert!(page.cards.is_empty());
    }

    #[tokio::test]
    async fn a_producer_verified_again_is_found_again() {
        let (pool, _dir) = demo().await;
        let before = find(&pool, "talam").await.total;
        assert!(before >= 1);
        for verified in [0, 1] {
            sqlx::query("UPDATE producers SET verified = ? WHERE business_name LIKE 'Kue Talam%'")
                .bind(verified)
                .execute(&pool)
                .await
                .unwrap();
        }
        let page = find(&pool, "talam").await;
        assert_eq!(page.total, before);
        assert!(names(&page).contains(&"Kue Talam Acil Samarinda"));
        // A new word of a verified producer is known to the typo fallback at once.
        sqlx::query("UPDATE products SET name = 'Bingka barandam' WHERE name = 'Bingka kentang'")
            .execute(&pool)
            .await
            .unwrap();
        let page = find(&pool, "barandan").await;
        assert_eq!(page.matched, Matched::Fuzzy);
        assert_eq!(names(&page), vec!["Kue Talam Acil Samarinda"]);
    }

    /// Producers in two regencies, all selling "Kue talam".
    async fn many(pool: &SqlitePool, n: usize) {
        use crate::domain::Category;
        use crate::store::synthetic::{NewProducer, insert_producers};
        let list: Vec<NewProducer> = (0..n)
            .map(|i| NewProducer {
                business_name: format!("Talam {i}"),
                owner_name: "Siti".into(),
                regency_code: if i % 3 == 0 { "64.71" } else { "64.72" }.into(),
                district_code: None,
                categories: vec![Category::Snack],
                products: vec!["Kue talam".into(), "Kue lapis".into()],
                daily_capacity: 100,
                capacity_unit: "pcs",
                min_lead_days: 1,
                min_order: 10,
                halal: i % 2 == 0,
                verified: true,
                rating_sum: (i % 5) as i64,
                rating_count: 1,
                finished_orders: (i % 7) as i64,
                leave: None,
            })
            .collect();
        insert_producers(pool, &list, now()).await.unwrap();
    }

    #[tokio::test]
    async fn paging_past_a_rank_block_lists_every_match_once() {
        let (pool, _dir) = fresh_db().await;
        let n = RANK_BLOCK as usize + 80;
        many(&pool, n).await;
        let terms = vec!["talam".to_string()];
        let halal_in_samarinda = Filters {
            regency: Some("64.72".into()),
            halal_only: true,
            ..Filters::default()
        };
        for (filters, expected) in [
            (Filters::default(), n),
            (
                halal_in_samarinda,
                (0..n).filter(|i| i % 3 != 0 && i % 2 == 0).count(),
            ),
        ] {
            let mut seen = std::collections::HashSet::new();
            let mut offset = 0;
            loop {
                // 7 a page, so one page straddles the block boundary.
                let page = search(&pool, &terms, &filters, offset, 7).await.unwrap();
                assert_eq!(page.total as usize, expected);
                assert_eq!(page.matched, Matched::Text);
                if page.cards.is_empty() {
                    break;
                }
                for c in &page.cards {
                    assert!(seen.insert(c.id), "{} twice", c.id);
                }
                offset += 7;
            }
            assert_eq!(seen.len(), expected);
        }
    }

    #[tokio::test]
    async fn counting_a_category_from_the_index_matches_the_table() {
        use crate::domain::Category;
        let (pool, _dir) = demo().await;
        many(&pool, 30).await;
        for c in Category::ALL {
            for halal_only in [false, true] {
                let filters = Filters {
                    categories: vec![c.slug().to_string()],
                    halal_only,
                    ..Filters::default()
                };
                let expected: i64 = sqlx::query_scalar(
                    "SELECT count(*) FROM producers p WHERE p.verified = 1
                     AND (p.halal = 1 OR ? = 0)
                     AND p.id IN (SELECT producer_id FROM producer_categories WHERE category = ?)",
                )
                .bind(halal_only)
                .bind(c.slug())
                .fetch_one(&pool)
                .await
                .unwrap();
                let page = search(&pool, &[], &filters, 0, 5).await.unwrap();
                assert_eq!(page.total, expected, "{c:?} halal {halal_only}");
                assert_eq!(page.cards.len() as i64, expected.min(5), "{c:?}");
            }
        }
        let two = Filters {
            categories: vec!["snack".into(), "katering".into()],
            ..Filters::default()
        };
        let expected: i64 = sqlx::query_scalar(
            "SELECT count(DISTINCT producer_id) FROM producer_categories pc
             JOIN producers p ON p.id = pc.producer_id
             WHERE p.verified = 1 AND category IN ('snack', 'katering')",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(
            search(&pool, &[], &two, 0, 5).await.unwrap().total,
            expected
        );
    }

    #[tokio::test]
    async fn a_search_by_filters_alone_reads_the_merit_index() {
        let (pool, _dir) = fresh_db().await;
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(&format!(
            "EXPLAIN QUERY PLAN SELECT p.id FROM producers p WHERE p.verified = 1
             ORDER BY {ORDER_BY_MERIT} LIMIT 5"
        ))
        .fetch_all(&pool)
        .await
        .unwrap();
        let plan: Vec<&str> = plan.iter().map(|r| r.3.as_str()).collect();
        assert!(
            plan.iter().any(|l| l.contains("producers_by_merit")),
            "{plan:?}"
        );
        assert!(!plan.iter().any(|l| l.contains("TEMP B-TREE")), "{plan:?}");
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

    fn synthetic(name: &str, product: &str) -> crate::store::synthetic::NewProducer {
        use crate::domain::Category;
        use crate::store::synthetic::NewProducer;
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
    async fn synthetic_producers_are_indexed_like_any_other() {
        use crate::store::synthetic::{insert_producers, producer_count};
        let (pool, _dir) = fresh_db().await;
        crate::store::demo::load(&pool, now()).await.unwrap();
        let before = producer_count(&pool).await.unwrap();
        insert_producers(
            &pool,
            &[
                synthetic("Dapur Talam Berkah", "Kue talam"),
                synthetic("Rumah Lapis Jaya", "Kue lapis"),
            ],
            now(),
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
            let page = search(&pool, &terms, &Filters::default(), 0, 5)
                .await
                .unwrap();
            assert!(page.total >= 1, "{terms:?}");
        }
        let terms = vec!["lapis".to_string()];
        let page = search(&pool, &terms, &Filters::default(), 0, 5)
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
        let page = search(&pool, &typo, &Filters::default(), 0, 5)
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
        let page = search(&pool, &terms, &on_leave, 0, 5).await.unwrap();
        assert!(
            !page
                .cards
                .iter()
                .any(|c| c.business_name == "Rumah Lapis Jaya")
        );
    }
}
