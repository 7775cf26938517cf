//! Notice well ahead, with the injected clock: reminders at local times in
//! WITA and WIB, "Ada kendala" and a missing answer reaching staff with the
//! next-best quotes, cancelled orders going quiet, a downtime firing a due
//! reminder once.
//!
//! Orders are set up through the store (as the request tests do through the
//! chat); everything the bot then says is watched at the fake Bot API.

use crate::support::*;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use pesanlokal::domain::registration::ProducerApplication;
use pesanlokal::domain::{Category, PhoneNumber, Place, RegionCode};
use pesanlokal::store;
use pesanlokal::store::requests::NewRequest;
use sqlx::SqlitePool;

const SAMARINDA: &str = "64.72"; // WITA
const SURABAYA: &str = "35.78"; // WIB

async fn producer(pool: &SqlitePool, id: i64, name: &str, regency: &str, phone: &str) -> FakeUser {
    let seen = store::users::Seen {
        id,
        chat_id: id,
        first_name: name,
        username: None,
        telegram_language: pesanlokal::domain::Lang::Id,
    };
    store::users::touch(pool, &seen, pesanlokal::clock::Clock::system().now())
        .await
        .unwrap();
    let app = ProducerApplication {
        business_name: name.to_string(),
        place: Place {
            regency: RegionCode::parse(regency).unwrap(),
            district: None,
        },
        categories: vec![Category::Snack],
        products: vec!["snack box".into()],
        daily_capacity: 500,
        min_lead_days: 2,
        min_order: 10,
        halal: true,
        nib: None,
        phone: PhoneNumber::parse(phone).unwrap(),
    };
    store::accounts::submit_producer(pool, id, &app, pesanlokal::clock::Clock::system().now())
        .await
        .unwrap();
    store::accounts::decide(
        pool,
        ADMIN,
        id,
        true,
        pesanlokal::clock::Clock::system().now(),
    )
    .await
    .unwrap();
    FakeUser::new(id, name)
}

/// An accepted order of `quantity` for delivery on `date` in `regency`,
/// awarded to the first producer; the others quoted more.
async fn accepted_order(
    w: &World,
    staff: i64,
    producers: &[i64],
    regency: &str,
    date: NaiveDate,
    quantity: u32,
) -> i64 {
    let pool = w.pool().await;
    let now = w.clock.now();
    let ids: Vec<(i64, Option<u32>)> = {
        let mut v = Vec::new();
        for user in producers {
            let id: i64 = sqlx::query_scalar("SELECT id FROM producers WHERE user_id = ?")
                .bind(user)
                .fetch_one(&pool)
                .await
                .unwrap();
            v.push((id, None));
        }
        v
    };
    let request = NewRequest {
        item: "snack box".into(),
        category: Some(Category::Snack),
        quantity,
        unit: "kotak".into(),
        delivery_date: date,
        delivery_time: None,
        place: Place {
            regency: RegionCode::parse(regency).unwrap(),
            district: None,
        },
        budget_per_unit: None,
        budget_total: None,
        halal: false,
        purpose: None,
        raw_text: None,
        quote_deadline: now + Duration::hours(24),
        shared: false,
    };
    let request = store::requests::create(&pool, staff, &request, &ids, now)
        .await
        .unwrap();
    for (i, user) in producers.iter().enumerate() {
        let price = 25_000 + 1_000 * i as u64;
        store::requests::quote(&pool, *user, request, price, quantity, None, now)
            .await
            .unwrap();
    }
    let quote: i64 = sqlx::query_scalar(
        "SELECT q.id FROM quotes q JOIN producers p ON p.id = q.producer_id WHERE q.request_id = ? AND p.user_id = ?",
    )
    .bind(request)
    .bind(producers[0])
    .fetch_one(&pool)
    .await
    .unwrap();
    let orders = store::requests::award(&pool, staff, request, &[(quote, quantity)], now)
        .await
        .unwrap();
    store::orders::advance(
        &pool,
        producers[0],
        orders[0],
        pesanlokal::domain::order::OrderStatus::Accepted,
        now,
    )
    .await
    .unwrap();
    w.outbox_idle().await;
    orders[0]
}

/// The local date `days` ahead in `zone`, by the bot's clock.
fn local_day(w: &World, zone: chrono_tz::Tz, days: i64) -> NaiveDate {
    w.clock.now().with_timezone(&zone).date_naive() + Duration::days(days)
}

fn at(zone: chrono_tz::Tz, day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    zone.from_local_datetime(&day.and_hms_opt(hour, minute, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

/// Moves the bot's clock to `t` (forward only) and lets the outbox catch up.
async fn move_to(w: &World, t: DateTime<Utc>) {
    let by = t - w.clock.now();
    assert!(by > Duration::zero(), "the clock only moves forward");
    w.clock.advance(by);
    // The sender looks for due rows every 200 ms.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    w.outbox_idle().await;
}

fn reminders_to(w: &World, chat: i64) -> Vec<String> {
    w.api
        .messages_to(chat)
        .iter()
        .map(|m| m.text_or_caption().to_string())
        .filter(|t| t.contains("Pengingat H-") || t.contains("Hari ini pengiriman"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_in_wita_and_wib_get_exactly_four_reminders_each_at_local_times() {
    let w = World::start().await;
    let pool = w.pool().await;
    let staff_wita = approved_staff(&w, 2001, "Bappeda", SAMARINDA).await;
    let staff_wib = approved_staff(&w, 2002, "Dinas Koperasi", SURABAYA).await;
    let p_wita = producer(&pool, 3001, "Kue Samarinda", SAMARINDA, "0812-1000-0001").await;
    let p_wib = producer(&pool, 3002, "Kue Surabaya", SURABAYA, "0812-1000-0002").await;
    let wita = chrono_tz::Asia::Makassar;
    let wib = chrono_tz::Asia::Jakarta;
    // Delivery in ten days (the same calendar day in both places).
    let delivery = local_day(&w, wita, 10);
    accepted_order(&w, staff_wita.id, &[p_wita.id], SAMARINDA, delivery, 100).await;
    accepted_order(&w, staff_wib.id, &[p_wib.id], SURABAYA, delivery, 100).await;
    assert!(reminders_to(&w, p_wita.id).is_empty());

    let steps = [
        ("H-7", 7, 8),
        ("H-3", 3, 8),
        ("H-1", 1, 8),
        ("Hari ini pengiriman", 0, 6),
    ];
    for (n, (label, days_before, hour)) in steps.into_iter().enumerate() {
        let day = delivery - Duration::days(days_before);
        // A minute before 08:00 WITA: nothing yet.
        move_to(&w, at(wita, day, hour - 1, 59)).await;
        assert_eq!(
            reminders_to(&w, p_wita.id).len(),
            n,
            "{label} not before its time"
        );
        // Just after 08:00 WITA: the Samarinda producer, not yet Surabaya
        // (08:00 WIB is an hour later).
        move_to(&w, at(wita, day, hour, 1)).await;
        let got = reminders_to(&w, p_wita.id);
        assert_eq!(got.len(), n + 1, "{label} in WITA: {got:?}");
        assert!(got[n].contains(label), "{got:?}");
        assert_eq!(
            reminders_to(&w, p_wib.id).len(),
            n,
            "{label} not yet in WIB"
        );
        move_to(&w, at(wib, day, hour, 1)).await;
        let got = reminders_to(&w, p_wib.id);
        assert_eq!(got.len(), n + 1, "{label} in WIB: {got:?}");
        assert!(got[n].contains(label), "{got:?}");
    }
    // Exactly four each, three of them asking "Masih sanggup?".
    move_to(&w, at(wita, delivery + Duration::days(2), 9, 0)).await;
    for p in [&p_wita, &p_wib] {
        let got = reminders_to(&w, p.id);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(
            got.iter().filter(|t| t.contains("Masih sanggup")).count(),
            3
        );
    }
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ada_kendala_and_a_missing_answer_both_reach_staff_with_the_other_quotes() {
    let mut w = World::start().await;
    let pool = w.pool().await;
    let admin = FakeUser::new(ADMIN, "Admin");
    w.say(&admin, "/start", "").await;
    let staff = approved_staff(&w, 2001, "Bappeda", SAMARINDA).await;
    let a = producer(&pool, 3001, "Katering Amanah", SAMARINDA, "0812-1000-0001").await;
    let b = producer(&pool, 3002, "Dapur Bunda", SAMARINDA, "0812-1000-0002").await;
    let c = producer(&pool, 3003, "Kue Cahaya", SAMARINDA, "0812-1000-0003").await;
    let wita = chrono_tz::Asia::Makassar;
    let delivery = local_day(&w, wita, 10);
    // Order 1 (small): the producer answers "Ada kendala" at H-7.
    let small = accepted_order(&w, staff.id, &[a.id, b.id], SAMARINDA, delivery, 100).await;
    // Order 2 (large, Rp 12.500.000): the producer never answers.
    let large = accepted_order(&w, staff.id, &[c.id, b.id], SAMARINDA, delivery, 500).await;

    move_to(&w, at(wita, delivery - Duration::days(7), 8, 1)).await;
    let reminder = w
        .api
        .messages_to(a.id)
        .into_iter()
        .rev()
        .find(|m| m.text_or_caption().contains("Pengingat H-7"))
        .expect("H-7 reminder");
    let since = w.api.checkpoint();
    w.press(
        &a,
        &reminder,
        "Ada kendala",
        "Staf pemesan sudah diberi tahu",
    )
    .await;
    let alert = w.expect_after(since, staff.id, "melaporkan kendala").await;
    let text = alert.text_or_caption();
    assert!(text.contains(&format!("#{small}")), "{text}");
    assert!(text.contains("Penawaran lain"), "{text}");
    assert!(
        text.contains("Dapur Bunda") && text.contains("Rp 26.000"),
        "{text}"
    );
    // A small order does not trouble the admins.
    assert!(
        !w.api
            .messages_to(ADMIN)
            .iter()
            .any(|m| m.text_or_caption().contains("melaporkan kendala"))
    );

    // "Ganti produsen": the order is dropped, the request opens again with
    // the other quote to choose, and the producer is told.
    let since = w.api.checkpoint();
    let quotes = w
        .press(&staff, &alert, "Ganti produsen", "Penawaran untuk")
        .await;
    assert!(
        quotes.text_or_caption().contains("Dapur Bunda"),
        "{}",
        quotes.text_or_caption()
    );
    assert!(
        quotes.button_data("Pilih 1").is_some(),
        "the other quote can be chosen"
    );
    w.expect_after(since, a.id, "dibatalkan").await;

    // 18:00 WITA on H-1: the large order's producer has not confirmed; the
    // staff hear it with the alternative, and so do the admins.
    move_to(&w, at(wita, delivery - Duration::days(1), 17, 59)).await;
    assert!(
        !w.api
            .messages_to(staff.id)
            .iter()
            .any(|m| m.text_or_caption().contains("belum mengonfirmasi"))
    );
    move_to(&w, at(wita, delivery - Duration::days(1), 18, 1)).await;
    let alert = w
        .api
        .messages_to(staff.id)
        .into_iter()
        .find(|m| m.text_or_caption().contains("belum mengonfirmasi"))
        .expect("the no-answer alert");
    let text = alert.text_or_caption();
    assert!(
        text.contains(&format!("#{large}")) && text.contains("Dapur Bunda"),
        "{text}"
    );
    assert!(alert.button_data("Ganti produsen").is_some());
    let to_admin = w
        .api
        .messages_to(ADMIN)
        .into_iter()
        .find(|m| m.text_or_caption().contains("belum mengonfirmasi"))
        .expect("admins hear of a large order");
    assert!(to_admin.text_or_caption().contains("Pesanan besar"));

    // Nothing for the small order, which is cancelled: its reminders dropped.
    let sent_to_a = reminders_to(&w, a.id);
    assert_eq!(
        sent_to_a.len(),
        1,
        "only H-7 before the switch: {sent_to_a:?}"
    );
    let dropped: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE while_order = ? AND status = 'dropped'",
    )
    .bind(small)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        dropped >= 3,
        "H-3, H-1, the morning and the checks: {dropped}"
    );
    w.restart().await;
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_due_while_the_bot_was_down_comes_once_after_start_and_says_it_is_late() {
    let mut w = World::start().await;
    let pool = w.pool().await;
    let staff = approved_staff(&w, 2001, "Bappeda", SAMARINDA).await;
    let p = producer(&pool, 3001, "Kue Samarinda", SAMARINDA, "0812-1000-0001").await;
    let wita = chrono_tz::Asia::Makassar;
    let delivery = local_day(&w, wita, 10);
    accepted_order(&w, staff.id, &[p.id], SAMARINDA, delivery, 100).await;

    move_to(&w, at(wita, delivery - Duration::days(7), 7, 0)).await;
    w.shutdown().await;
    // Down from 07:00 to 10:00 on H-7, across the 08:00 reminder.
    w.clock.advance(Duration::hours(3));
    w.boot().await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    w.outbox_idle().await;
    let got = reminders_to(&w, p.id);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].contains("terlambat") && got[0].contains("Pengingat H-7"),
        "{got:?}"
    );
    // Another restart does not send it again.
    w.restart().await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    w.outbox_idle().await;
    assert_eq!(reminders_to(&w, p.id).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_order_gets_no_more_reminders_or_alerts() {
    let w = World::start().await;
    let pool = w.pool().await;
    let staff = approved_staff(&w, 2001, "Bappeda", SAMARINDA).await;
    let p = producer(&pool, 3001, "Kue Samarinda", SAMARINDA, "0812-1000-0001").await;
    let wita = chrono_tz::Asia::Makassar;
    let delivery = local_day(&w, wita, 10);
    let order = accepted_order(&w, staff.id, &[p.id], SAMARINDA, delivery, 100).await;
    store::orders::cancel(&pool, staff.id, order, "Acara diundur", w.clock.now())
        .await
        .unwrap();
    w.outbox_idle().await;
    let told = w
        .api
        .messages_to(p.id)
        .into_iter()
        .any(|m| m.text_or_caption().contains("Acara diundur"));
    assert!(told, "the producer hears of the cancellation");
    move_to(&w, at(wita, delivery + Duration::days(1), 9, 0)).await;
    assert!(reminders_to(&w, p.id).is_empty());
    let staff_alerts = w
        .api
        .messages_to(staff.id)
        .into_iter()
        .filter(|m| {
            let t = m.text_or_caption();
            t.contains("belum mengonfirmasi") || t.contains("belum ditandai terkirim")
        })
        .count();
    assert_eq!(staff_alerts, 0);
    let pending: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE while_order = ? AND status <> 'dropped'",
    )
    .bind(order)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(pending, 0);
}
