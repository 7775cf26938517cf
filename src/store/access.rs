//! Who may act: the account checks that several rooms make inside their
//! own transaction. Each answers `None` for "not allowed" and leaves the
//! room to name its own error.

use sqlx::{Sqlite, Transaction};

/// The office of an approved staff member.
pub async fn staff_office(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
) -> sqlx::Result<Option<i64>> {
    one_id(
        tx,
        "SELECT s.office_id FROM staff s JOIN users u ON u.id = s.user_id
         WHERE s.user_id = ? AND u.role = 'staff' AND u.status = 'approved'",
        user_id,
    )
    .await
}

/// The producer id of an approved producer account (verified or not: a
/// producer keeps its own catalogue before the office has verified it).
pub async fn own_producer(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
) -> sqlx::Result<Option<i64>> {
    one_id(
        tx,
        "SELECT p.id FROM producers p JOIN users u ON u.id = p.user_id
         WHERE p.user_id = ? AND u.role = 'producer' AND u.status = 'approved'",
        user_id,
    )
    .await
}

/// The producer id of an approved and verified producer account: one that
/// may quote and take orders.
pub async fn verified_producer(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
) -> sqlx::Result<Option<i64>> {
    one_id(
        tx,
        "SELECT p.id FROM producers p JOIN users u ON u.id = p.user_id
         WHERE p.user_id = ? AND u.role = 'producer' AND u.status = 'approved' AND p.verified = 1",
        user_id,
    )
    .await
}

/// The chat of an approved admin.
pub async fn admin_chat(
    tx: &mut Transaction<'_, Sqlite>,
    user_id: i64,
) -> sqlx::Result<Option<i64>> {
    one_id(
        tx,
        "SELECT chat_id FROM users WHERE id = ? AND role = 'admin' AND status = 'approved'",
        user_id,
    )
    .await
}

async fn one_id(
    tx: &mut Transaction<'_, Sqlite>,
    sql: &'static str,
    user_id: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(sql)
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await
}
