//! /siaran end to end: the flow, Telegram's flood limits, blocked users, a
//! SIGKILL in the middle, quiet hours, and muting in /profil.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::support::*;
use chrono::{DateTime, Duration as Span, TimeZone, Timelike, Utc};
use fake_bot_api::Limits;
use pesanlokal::domain::Category;
use pesanlokal::store::synthetic::{Account, insert_accounts};
use sqlx::SqlitePool;

/// The production pace (PESANLOKAL_CHAT_RATE / PESANLOKAL_GLOBAL_RATE defaults).
const PRODUCTION_RATES: [(&str, &str); 2] = [
    ("PESANLOKAL_CHAT_RATE", "1"),
    ("PESANLOKAL_GLOBAL_RATE", "25"),
];

fn admin() -> FakeUser {
    FakeUser::new(ADMIN, "Admin")
}

/// The admin writes `text`, picks `audience`, sees the preview and presses
/// `send`; returns the broadcast id and the preview's count line.
async fn broadcast(
    api: &FakeBotApi,
    pool: &SqlitePool,
    text: &str,
    audience: &str,
    send: &str,
) -> (i64, String) {
    let a = admin();
    say(api, &a, "/siaran", "tulis pengumuman").await;
    let ask = say(api, &a, text, "Kirim ke siapa").await;
    let preview = press(api, &a, &ask, audience, "Akan dikirim ke").await;
    press(api, &a, &preview, send, "sedang dikirim").await;
    let id: i64 = sqlx::query_scalar("SELECT max(id) FROM broadcasts WHERE status <> 'draft'")
        .fetch_one(pool)
        .await
        .unwrap();
    (id, preview.text_or_caption().to_string())
}

async fn wait_done(pool: &SqlitePool, id: i64, limit: Duration) {
    let deadline = Instant::now() + limit;
    loop {
        let status: String = sqlx::query_scalar("SELECT status FROM broadcasts WHERE id = ?")
            .bind(id)
            .fetch_one(pool)
            .await
            .unwrap();
        if status == "done" {
            return;
        }
        assert!(Instant::now() < deadline, "broadcast {id} not done in time");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Successful sends (messages and photos) per chat among `chats`.
fn received(api: &FakeBotApi, chats: &std::ops::Range<i64>) -> HashMap<i64, usize> {
    let mut got = HashMap::new();
    for c in api.calls() {
        if (c.method == "sendMessage" || c.method == "sendPhoto")
            && c.is_ok()
            && let Some(chat) = c.chat_id()
            && chats.contains(&chat)
        {
            *got.entry(chat).or_default() += 1;
        }
    }
    got
}

/// `n` verified producers with ids from `first`, in `regency`, making `category`.
async fn add_producers(pool: &SqlitePool, first: i64, n: i64, regency: &str, category: Category) {
    insert_accounts(
        pool,
        first,
        n,
        &Account::producer(regency, category),
        pesanlokal::clock::Clock::system().now(),
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_to_2000_producers_at_telegrams_limits_gets_no_429_and_marks_blockers_unreachable()
 {
    let w = World::start_with(&PRODUCTION_RATES).await;
    let pool = w.pool().await;
    const FIRST: i64 = 100_000;
    const N: i64 = 2_000;
    add_producers(&pool, FIRST, N, "64.72", Category::Snack).await;
    let blocked: Vec<i64> = (0..20).map(|k| FIRST + k * 97).collect();
    for b in &blocked {
        w.api.block_user(*b);
    }
    w.api.enforce_limits(Some(Limits::TELEGRAM));

    let (id, preview) = broadcast(
        &w.api,
        &pool,
        "Pelatihan pengemasan produk, Senin 09.00 di Disperindagkop.",
        "Produsen",
        "✅ Kirim",
    )
    .await;
    assert!(preview.contains("2.000 penerima"), "{preview}");
    wait_done(&pool, id, Duration::from_secs(200)).await;

    assert_eq!(w.api.count_429(), 0, "no send was refused with 429");
    for b in &blocked {
        assert!(!reachable(&pool, *b).await, "{b} is marked unreachable");
    }
    let got = received(&w.api, &(FIRST..FIRST + N));
    for user in FIRST..FIRST + N {
        let n = got.get(&user).copied().unwrap_or(0);
        let expected = usize::from(!blocked.contains(&user));
        assert_eq!(n, expected, "copies to {user}");
    }
    let tally = pesanlokal::store::outbox::broadcast_tally(&pool, id)
        .await
        .unwrap();
    assert_eq!((tally.sent, tally.blocked, tally.left), (1_980, 20, 0));
    // The final report replaced the progress line.
    let report = w
        .api
        .wait_for_message(ADMIN, |m| m.text_or_caption().contains("selesai"), WAIT)
        .await
        .expect("the final report");
    assert!(
        report.text_or_caption().contains("Terkirim: 1.980")
            && report.text_or_caption().contains("diblokir: 20"),
        "{}",
        report.text_or_caption()
    );
    // Progress edits came at most every 3 seconds.
    let edits: Vec<Instant> = w
        .api
        .calls_to("editMessageText")
        .iter()
        .filter(|c| c.chat_id() == Some(ADMIN))
        .map(|c| c.received_at)
        .collect();
    assert!(edits.len() >= 3, "the progress was shown along the way");
    for pair in edits.windows(2) {
        assert!(
            pair[1].duration_since(pair[0]) >= Duration::from_millis(2_900),
            "edits {:?} apart",
            pair[1].duration_since(pair[0])
        );
    }
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_killed_midway_resumes_after_restart_and_repeats_at_most_what_was_in_flight() {
    let bw = BinaryWorld::start_with(&PRODUCTION_RATES).await;
    let (api, db_url, env) = (&bw.api, &bw.db_url, &bw.env);
    const FIRST: i64 = 200_000;
    const N: i64 = 500;
    let recipients = FIRST..FIRST + N;

    let mut first = spawn_binary(env, &["run"]);
    api.wait_for_call("getUpdates", |_| true, WAIT)
        .await
        .expect("first run polls");
    let pool = pesanlokal::store::connect(db_url).await.unwrap();
    add_producers(&pool, FIRST, N, "64.02", Category::Katering).await;
    let blocked: Vec<i64> = (0..5).map(|k| FIRST + 3 + k * 101).collect();
    for b in &blocked {
        api.block_user(*b);
    }
    let (id, _) = broadcast(api, &pool, "Pameran produk lokal", "Semua", "✅ Kirim").await;

    // Kill it once about a third has gone out.
    let deadline = Instant::now() + Duration::from_secs(60);
    while received(api, &recipients).len() < 150 {
        assert!(Instant::now() < deadline, "the broadcast does not start");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    first.kill().expect("SIGKILL");
    first.wait().unwrap();
    let in_flight: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE broadcast_id = ? AND status = 'sending'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let before = received(api, &recipients).len();
    assert!(before < (N as usize) - 50, "killed midway ({before} sent)");

    let mut second = spawn_binary(env, &["run"]);
    wait_done(&pool, id, Duration::from_secs(120)).await;
    second.kill().ok();
    second.wait().ok();

    let got = received(api, &recipients);
    let duplicates: usize = got.values().map(|n| n.saturating_sub(1)).sum();
    assert!(
        duplicates as i64 <= in_flight,
        "{duplicates} duplicates, {in_flight} in flight at the kill"
    );
    for user in recipients.clone() {
        if blocked.contains(&user) {
            assert!(!reachable(&pool, user).await, "{user} marked unreachable");
        } else {
            assert!(got.get(&user).copied().unwrap_or(0) >= 1, "{user} got it");
        }
    }
}

/// The next 22:00 WITA (UTC+8) after `now`.
fn next_22_wita(now: DateTime<Utc>) -> DateTime<Utc> {
    let wita = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let local = now.with_timezone(&wita);
    let mut day = local.date_naive();
    if local.hour() >= 22 {
        day = day.succ_opt().unwrap();
    }
    wita.from_local_datetime(&day.and_hms_opt(22, 0, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_queued_at_22_wita_reaches_producers_after_06_unless_urgent() {
    let w = World::start_with(&[("PESANLOKAL_QUIET_HOURS", "21-6")]).await;
    let pool = w.pool().await;
    let target = next_22_wita(w.clock.now());
    w.clock.advance(target - w.clock.now() + Span::seconds(30));
    const FIRST: i64 = 300_000;
    let producers = FIRST..FIRST + 5;
    add_producers(&pool, FIRST, 5, "64.72", Category::Snack).await;

    // Urgent: out at once, quiet hours or not.
    broadcast(
        &w.api,
        &pool,
        "Penting: jalan ke pasar ditutup besok.",
        "Produsen",
        "Kirim segera",
    )
    .await;
    for p in producers.clone() {
        w.api
            .wait_for_message(p, |m| m.text_or_caption().contains("ditutup besok"), WAIT)
            .await
            .expect("the urgent one arrives at night");
    }

    // Not urgent: held until 06:00 local.
    let (id, _) = broadcast(
        &w.api,
        &pool,
        "Pameran UMKM bulan depan.",
        "Produsen",
        "✅ Kirim",
    )
    .await;
    let morning = target + Span::hours(8);
    let morning_text = pesanlokal::store::timestamp(morning);
    let deadline = Instant::now() + WAIT;
    loop {
        let held: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM outbox WHERE broadcast_id = ? AND status = 'pending' AND due_at = ?",
        )
        .bind(id)
        .bind(&morning_text)
        .fetch_one(&pool)
        .await
        .unwrap();
        if held == 5 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "rows not held until {morning_text}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for p in producers.clone() {
        assert!(
            !w.api
                .messages_to(p)
                .iter()
                .any(|m| m.text_or_caption().contains("Pameran")),
            "{p} got it at night"
        );
    }

    w.clock.advance(morning - w.clock.now() + Span::minutes(1));
    w.outbox_idle().await;
    for p in producers {
        let copies = w.messages_containing(p, "Pameran");
        assert_eq!(copies, 1, "{p} got it once in the morning");
    }
    wait_done(&pool, id, WAIT).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_producer_who_mutes_announcements_in_profil_is_left_out_of_the_next_photo_broadcast() {
    let w = World::start().await;
    let pool = w.pool().await;
    add_producers(&pool, 400_001, 2, "64.72", Category::Minuman).await;
    let quiet = FakeUser::new(400_001, "Sepi");
    let profile = w.say(&quiet, "/profil", "Pengumuman: aktif").await;
    let since = w.api.checkpoint();
    w.api.press_button(
        &quiet,
        profile.message_id,
        &profile.button_data("Bisukan").expect("a mute button"),
    );
    reply_after(&w.api, since, quiet.id, "Pengumuman: dibisukan")
        .await
        .expect("the profile shows the new setting");

    let a = admin();
    w.say(&a, "/siaran", "tulis pengumuman").await;
    let since = w.api.checkpoint();
    w.api.send_photo(&a, Some("Lomba <desain> kemasan & label"));
    let ask = w.expect_after(since, ADMIN, "Kirim ke siapa").await;
    let preview = w.press(&a, &ask, "Semua", "Akan dikirim ke").await;
    assert!(
        preview.text_or_caption().contains("1 penerima")
            && preview.text_or_caption().contains("1 membisukan"),
        "{}",
        preview.text_or_caption()
    );
    w.press(&a, &preview, "✅ Kirim", "sedang dikirim").await;
    w.outbox_idle().await;
    let photos = |chat: i64| {
        w.api
            .calls_to("sendPhoto")
            .iter()
            .filter(|c| c.chat_id() == Some(chat) && c.is_ok())
            .map(|c| c.param_str("caption").unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert!(photos(400_001).is_empty(), "the muted producer got nothing");
    assert_eq!(
        photos(400_002),
        vec!["Lomba &lt;desain&gt; kemasan &amp; label".to_string()],
        "the caption is escaped"
    );
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_announcement_over_telegrams_limit_is_refused_and_a_shorter_one_accepted() {
    let w = World::start().await;
    let a = admin();
    w.say(&a, "/siaran", "tulis pengumuman").await;
    w.say(&a, &"panjang ".repeat(600), "batasnya 4.096").await;
    w.say(&a, "Rapat koordinasi", "Kirim ke siapa").await;
    let staff = FakeUser::new(500_001, "Staf");
    w.say(&staff, "/siaran", "khusus admin").await;
}
