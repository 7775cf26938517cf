//! Nothing lost, nothing twice: duplicates, crashes, flood limits, signals,
//! and configuration errors, through the fake Bot API.

use std::time::{Duration, Instant};

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_update_delivered_twice_is_handled_once() {
    let w = World::start().await;
    let user = FakeUser::new(4001, "Dua Kali");
    let since = w.api.checkpoint();
    let id = w.api.send_text(&user, "/start");
    w.expect_after(since, user.id, "mendaftar sebagai apa")
        .await;

    w.api.redeliver(id);
    // Updates of one chat are handled in order: once the reply to a later
    // message has arrived, a duplicate would have been answered before it.
    w.say(&user, "/bantuan", "/daftar").await;
    let greetings = w.messages_containing(user.id, "mendaftar sebagai apa");
    assert_eq!(greetings, 1);
    let pool = w.pool().await;
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM inbox WHERE update_id = ?")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_update_and_every_reply_is_recorded() {
    let w = World::start().await;
    let user = FakeUser::new(4002, "Catat");
    let greeting = w.say(&user, "/start", "mendaftar sebagai apa").await;
    w.press(&user, &greeting, "Staf OPD", "nama lengkap").await;
    w.settled().await;
    let pool = w.pool().await;
    let incoming: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT kind, content, status FROM inbox WHERE user_id = ? ORDER BY update_id",
    )
    .bind(user.id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(incoming.len(), 2);
    assert_eq!(incoming[0].0, "message");
    assert_eq!(incoming[0].1.as_deref(), Some("/start"));
    assert_eq!(incoming[1].0, "callback_query");
    assert_eq!(incoming[1].1.as_deref(), Some("r:s"));
    assert!(incoming.iter().all(|r| r.2 == "done"), "{incoming:?}");
    let outgoing: Vec<(Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT telegram_message_id, text FROM messages_out WHERE chat_id = ? AND method = 'sendMessage'",
    )
    .bind(user.id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(outgoing.len() >= 3, "{outgoing:?}");
    assert!(
        outgoing
            .iter()
            .all(|(id, text)| id.is_some() && text.is_some())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_refused_with_429_is_sent_after_retry_after() {
    let w = World::start().await;
    let user = FakeUser::new(4003, "Sabar");
    w.api
        .fail_next("sendMessage", 1, Fault::TooManyRequests { retry_after: 1 });
    let started = Instant::now();
    w.say(&user, "/start", "mendaftar sebagai apa").await;
    assert_eq!(w.api.count_429(), 1);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited out retry_after"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_killed_right_after_fetching_an_update_answers_it_after_restart() {
    let bw = BinaryWorld::start().await;
    let (api, env) = (&bw.api, &bw.env);
    let user = FakeUser::new(4004, "Kilat");

    let mut first = spawn_binary(env, &["run"]);
    api.wait_for_call("getUpdates", |_| true, WAIT)
        .await
        .expect("first run polls");
    api.hang_sends_to(user.id, true);
    let update_id = api.send_text(&user, "/start");
    // The handler is answering (its send hangs) and the update has been
    // confirmed to Telegram by the next getUpdates.
    api.wait_for_call("sendMessage", |c| c.chat_id() == Some(user.id), WAIT)
        .await
        .expect("the handler started");
    api.wait_for_call(
        "getUpdates",
        |c| c.params.get("offset").and_then(|o| o.as_i64()).unwrap_or(0) > update_id,
        WAIT,
    )
    .await
    .expect("the update was confirmed to Telegram");
    first.kill().expect("SIGKILL");
    first.wait().unwrap();
    assert_eq!(
        api.pending_updates(),
        0,
        "Telegram will not deliver it again"
    );
    api.hang_sends_to(user.id, false);

    let since = api.checkpoint();
    let mut second = spawn_binary(env, &["run"]);
    let reply = reply_after(api, since, user.id, "mendaftar sebagai apa").await;
    second.kill().ok();
    second.wait().ok();
    reply.expect("the update is answered after the restart");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_bot_gracefully() {
    let bw = BinaryWorld::start().await;
    let (api, env) = (&bw.api, &bw.env);
    let mut child = spawn_binary(env, &["run"]);
    api.wait_for_call("getUpdates", |_| true, WAIT)
        .await
        .expect("polls");
    let user = FakeUser::new(4005, "Pamit");
    let since = api.checkpoint();
    api.send_text(&user, "/start");
    reply_after(api, since, user.id, "mendaftar")
        .await
        .expect("answered before the stop");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // A getUpdates long poll in flight (up to 10 s) is let finish first, and
    // the outbox sender drains; systemd waits 90 s before it kills.
    let deadline = Instant::now() + WAIT * 2;
    loop {
        if let Some(code) = child.try_wait().unwrap() {
            assert!(code.success(), "exit status {code:?}");
            break;
        }
        assert!(Instant::now() < deadline, "the bot did not stop on SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[test]
fn a_missing_or_malformed_token_is_a_one_line_error_without_the_token() {
    let (dir, db_url) = fresh_db();
    for token in ["", "secret-but-wrong-format"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_pesanlokal"))
            .arg("run")
            .env("TELOXIDE_TOKEN", token)
            .env("DATABASE_URL", &db_url)
            .env("RUST_LOG", "off")
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("TELOXIDE_TOKEN"), "{stderr}");
        assert!(!stderr.contains("secret-but"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_then_run_gives_a_bot_a_newcomer_can_use() {
    let bw = BinaryWorld::start().await;
    let (api, db_url, env) = (&bw.api, &bw.db_url, &bw.env);
    let demo = std::process::Command::new(env!("CARGO_BIN_EXE_pesanlokal"))
        .arg("demo-data")
        .envs(env)
        .output()
        .unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    assert!(String::from_utf8_lossy(&demo.stdout).contains("demo data loaded"));

    let mut child = spawn_binary(env, &["run"]);
    let newcomer = FakeUser::new(4006, "Baru");
    let since = api.checkpoint();
    api.send_text(&newcomer, "/start");
    let greeting = reply_after(api, since, newcomer.id, "mendaftar sebagai apa").await;
    child.kill().ok();
    child.wait().ok();
    let greeting = greeting.expect("greeted");
    assert!(greeting.button_data("Produsen").is_some());
    let pool = pesanlokal::store::connect(db_url).await.unwrap();
    let producers: i64 = sqlx::query_scalar("SELECT count(*) FROM producers WHERE verified = 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(producers >= 10);
    // The configured admin was made an admin at start-up.
    let admin: String = sqlx::query_scalar("SELECT role FROM users WHERE id = ?")
        .bind(ADMIN)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(admin, "admin");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn default_command_menus_are_set_per_language() {
    let w = World::start().await;
    let id_menu = w
        .api
        .wait_for_call(
            "setMyCommands",
            |c| c.params.get("language_code").is_none() && c.params.get("scope").is_none(),
            WAIT,
        )
        .await
        .expect("an Indonesian default menu");
    assert!(id_menu.params.to_string().contains("daftar"));
    let en_menu = w
        .api
        .wait_for_call(
            "setMyCommands",
            |c| c.params.get("language_code").and_then(|l| l.as_str()) == Some("en"),
            WAIT,
        )
        .await
        .expect("an English default menu");
    assert!(
        en_menu.params.to_string().contains("Register"),
        "{}",
        en_menu.params
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_who_blocked_the_bot_is_marked_and_no_longer_messaged() {
    let w = World::start().await;
    w.api.block_user(ADMIN);
    let first = FakeUser::new(4010, "Satu");
    let summary = register_producer_until_summary(&w, &first, "Usaha Satu").await;
    w.press(&first, &summary, "Kirim", "menunggu verifikasi")
        .await;
    w.settled().await;
    let pool = w.pool().await;
    assert!(
        !reachable(&pool, ADMIN).await,
        "the admin who blocked the bot is marked"
    );
    let tries_before = w.sent_count(ADMIN);

    let second = FakeUser::new(4011, "Dua");
    let summary = register_producer_with_phone(&w, &second, "Usaha Dua", "0813-1111-2222").await;
    // Same NIB as the first: the bot says so and asks again; skip it.
    w.press(&second, &summary, "Kirim", "NIB ini sudah dipakai")
        .await;
    let ask = find_with_button(&w, second.id, "Lewati");
    let summary = w.press(&second, &ask, "Lewati", "Periksa data").await;
    w.press(&second, &summary, "Kirim", "menunggu verifikasi")
        .await;
    w.settled().await;
    let tries_after = w.sent_count(ADMIN);
    assert_eq!(
        tries_before, tries_after,
        "no new attempts to a blocked chat"
    );
}
