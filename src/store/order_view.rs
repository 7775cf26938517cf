//! An order as it is read: the row joined with its request, producer and
//! office, and the two accounts it concerns. Below both `orders` (which
//! moves orders) and `reminders` (scheduled with an acceptance, answered
//! later), so neither needs the other's file.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::domain::RegionCode;
use crate::domain::order::OrderStatus;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Order {
    pub id: i64,
    pub request_id: i64,
    pub producer_id: i64,
    pub producer_user_id: Option<i64>,
    pub producer_name: String,
    pub producer_phone: Option<String>,
    pub staff_user_id: i64,
    pub office_id: i64,
    pub office_name: String,
    pub item: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price: i64,
    pub status: OrderStatus,
    pub delivery_date: NaiveDate,
    pub delivery_time: Option<NaiveTime>,
    pub regency_code: RegionCode,
    pub awarded_at: DateTime<Utc>,
    pub rating: Option<i64>,
    pub cancel_reason: Option<String>,
}

const ORDER_SELECT: &str = "SELECT ord.id, ord.request_id, ord.producer_id, p.user_id AS producer_user_id,
        p.business_name AS producer_name, p.phone AS producer_phone, r.staff_user_id, r.office_id,
        o.name AS office_name, r.item, r.unit, ord.quantity, ord.unit_price, ord.status, r.delivery_date,
        r.delivery_time, r.regency_code, ord.awarded_at, ord.rating, ord.cancel_reason
    FROM orders ord JOIN producers p ON p.id = ord.producer_id JOIN requests r ON r.id = ord.request_id
    JOIN offices o ON o.id = r.office_id";

pub async fn get(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<Order>> {
    sqlx::query_as(&format!("{ORDER_SELECT} WHERE ord.id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The caller's orders: a producer's own, or their office's; open ones first.
pub async fn of_user(pool: &SqlitePool, user_id: i64, limit: i64) -> sqlx::Result<Vec<Order>> {
    sqlx::query_as(&format!(
        "{ORDER_SELECT}
         WHERE p.user_id = ?1
            OR r.office_id = (SELECT s.office_id FROM staff s JOIN users u ON u.id = s.user_id
                              WHERE s.user_id = ?1 AND u.status = 'approved' AND u.role = 'staff')
         ORDER BY ord.status IN ('received', 'cancelled', 'lapsed'), r.delivery_date, ord.id
         LIMIT ?2"
    ))
    .bind(user_id)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// The two accounts of an order: the staff who asked, the producer's (if linked).
pub async fn parties(
    tx: &mut Transaction<'_, Sqlite>,
    order_id: i64,
) -> sqlx::Result<(i64, Option<i64>)> {
    sqlx::query_as(
        "SELECT r.staff_user_id, p.user_id FROM orders ord
         JOIN producers p ON p.id = ord.producer_id JOIN requests r ON r.id = ord.request_id WHERE ord.id = ?",
    )
    .bind(order_id)
    .fetch_one(&mut **tx)
    .await
}
