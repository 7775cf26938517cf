//! The end-to-end harness: the real bot (same handler tree, database and
//! listener as production) against the fake Bot API on 127.0.0.1.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub use fake_bot_api::{BotMessage, Checkpoint, FakeBotApi, FakeUser, Fault, WaitError};
use pesanlokal::config::Config;
use sqlx::SqlitePool;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
/// The admin of every test world: the console's admin too.
pub const ADMIN: i64 = pesanlokal::demo_people::ADMIN_ID;
pub const WAIT: Duration = Duration::from_secs(15);

pub struct World {
    pub api: FakeBotApi,
    /// The bot's clock: `clock.advance(..)` moves the bot's time.
    pub clock: pesanlokal::clock::Clock,
    /// Holds the database's directory: removed when the world is dropped.
    #[allow(dead_code)]
    dir: tempfile::TempDir,
    pub db_url: String,
    /// Environment set over [`env`] for this world (e.g. production rates).
    pub extra_env: Vec<(String, String)>,
    running: Option<(oneshot::Sender<()>, JoinHandle<anyhow::Result<()>>)>,
}

/// Environment for the bot: fast send rates so tests do not wait on the
/// 1-message-a-second per-chat pace (the throttle itself stays in the path).
pub fn env(api: &FakeBotApi, db_url: &str) -> HashMap<String, String> {
    [
        ("TELOXIDE_TOKEN", TOKEN.to_string()),
        ("TELOXIDE_API_URL", api.url().to_string()),
        ("DATABASE_URL", db_url.to_string()),
        ("PESANLOKAL_ADMINS", ADMIN.to_string()),
        ("PESANLOKAL_CHAT_RATE", "100".to_string()),
        ("PESANLOKAL_CHAT_RATE_MINUTE", "6000".to_string()),
        ("PESANLOKAL_GLOBAL_RATE", "1000".to_string()),
        ("PESANLOKAL_QUIET_HOURS", "off".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// A fresh database in a temporary directory: the directory (removed when
/// dropped) and the database URL.
pub fn fresh_db() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = format!("sqlite:{}", dir.path().join("bot.db").display());
    (dir, db_url)
}

/// A fake Bot API and a fresh database for the `pesanlokal` binary started
/// as a separate process ([`spawn_binary`]: kill and signal tests); `env`
/// points the binary at both.
pub struct BinaryWorld {
    pub api: FakeBotApi,
    pub db_url: String,
    pub env: HashMap<String, String>,
    /// Holds the database's directory: removed when the world is dropped.
    #[allow(dead_code)]
    dir: tempfile::TempDir,
}

impl BinaryWorld {
    pub async fn start() -> BinaryWorld {
        BinaryWorld::start_with(&[]).await
    }

    /// [`BinaryWorld::start`] with some variables of [`env`] replaced.
    pub async fn start_with(extra_env: &[(&str, &str)]) -> BinaryWorld {
        let api = FakeBotApi::start().await.expect("fake Bot API");
        let (dir, db_url) = fresh_db();
        let mut env = env(&api, &db_url);
        env.extend(
            extra_env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        BinaryWorld {
            api,
            db_url,
            env,
            dir,
        }
    }
}

impl World {
    /// A fake Bot API, a fresh database, and the bot running.
    pub async fn start() -> World {
        World::start_with(&[]).await
    }

    /// [`World::start`] with some variables of [`env`] replaced.
    pub async fn start_with(extra_env: &[(&str, &str)]) -> World {
        init_logs();
        let api = FakeBotApi::start().await.expect("fake Bot API");
        let (dir, db_url) = fresh_db();
        let mut world = World {
            api,
            dir,
            db_url,
            extra_env: extra_env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            clock: pesanlokal::clock::Clock::system(),
            running: None,
        };
        world.boot().await;
        world
    }

    pub fn config(&self) -> Config {
        let mut env = env(&self.api, &self.db_url);
        env.extend(self.extra_env.iter().cloned());
        Config::from_lookup(&move |k| env.get(k).cloned()).expect("test config")
    }

    pub async fn boot(&mut self) {
        assert!(self.running.is_none(), "bot already running");
        let (tx, rx) = oneshot::channel::<()>();
        let config = self.config();
        let task = tokio::spawn(pesanlokal::telegram::run_with_clock(
            config,
            self.clock.clone(),
            async move {
                let _ = rx.await;
            },
        ));
        self.running = Some((tx, task));
        // Ready once it polls for updates.
        let since = Checkpoint::default();
        self.api
            .wait_for_call_after(since, "getUpdates", |_| true, WAIT)
            .await
            .expect("the bot polls for updates");
    }

    /// Graceful stop: in-flight updates finish, the pool closes.
    pub async fn shutdown(&mut self) {
        if let Some((tx, task)) = self.running.take() {
            let _ = tx.send(());
            let result = tokio::time::timeout(WAIT, task)
                .await
                .expect("the bot stops in time")
                .expect("the bot task did not panic");
            result.expect("the bot stopped cleanly");
        }
    }

    pub async fn restart(&mut self) {
        self.shutdown().await;
        self.boot().await;
    }

    pub async fn pool(&self) -> SqlitePool {
        pesanlokal::store::connect(&self.db_url).await.expect("db")
    }

    /// Sends text as `user` and waits for a bot message to them containing `expect`.
    pub async fn say(&self, user: &FakeUser, text: &str, expect: &str) -> BotMessage {
        say(&self.api, user, text, expect).await
    }

    pub async fn expect_after(&self, since: Checkpoint, chat: i64, expect: &str) -> BotMessage {
        expect_after(&self.api, since, chat, expect).await
    }

    /// Presses the inline button whose label contains `label` under `message`.
    pub async fn press(
        &self,
        user: &FakeUser,
        message: &BotMessage,
        label: &str,
        expect: &str,
    ) -> BotMessage {
        press(&self.api, user, message, label, expect).await
    }

    pub async fn press_data(
        &self,
        user: &FakeUser,
        message_id: i64,
        data: &str,
        expect: &str,
    ) -> BotMessage {
        press_data(&self.api, user, message_id, data, expect).await
    }

    /// Presses a button and waits for the callback query to be answered.
    pub async fn press_and_answer(
        &self,
        user: &FakeUser,
        message_id: i64,
        data: &str,
    ) -> serde_json::Value {
        let since = self.api.checkpoint();
        self.api.press_button(user, message_id, data);
        let query_id = self
            .api
            .callback_query_ids_sent()
            .last()
            .cloned()
            .expect("a callback query was sent");
        let call = self
            .api
            .wait_for_call_after(
                since,
                "answerCallbackQuery",
                |c| c.param_str("callback_query_id").as_deref() == Some(query_id.as_str()),
                WAIT,
            )
            .await
            .expect("the callback query is answered");
        call.params.clone()
    }

    /// Waits until every stored update has been handled.
    pub async fn settled(&self) {
        let pool = self.pool().await;
        until_none_left("updates still unhandled", || async {
            sqlx::query_scalar("SELECT count(*) FROM inbox WHERE status = 'received'")
                .fetch_one(&pool)
                .await
                .expect("inbox")
        })
        .await;
    }

    /// Waits until the outbox has nothing due left to send (notices go out
    /// a moment after the change that caused them).
    pub async fn outbox_idle(&self) {
        self.settled().await;
        let pool = self.pool().await;
        until_none_left("outbox rows still unsent", || async {
            pesanlokal::store::outbox::due_count(&pool, self.clock.now())
                .await
                .expect("outbox")
        })
        .await;
    }

    /// How many messages (sends, not edits) the bot sent to a chat.
    pub fn sent_count(&self, chat: i64) -> usize {
        self.api
            .calls_to("sendMessage")
            .iter()
            .filter(|c| c.chat_id() == Some(chat))
            .count()
    }

    /// How many of the bot's messages to `chat` (as edited) contain `needle`.
    pub fn messages_containing(&self, chat: i64, needle: &str) -> usize {
        self.api
            .messages_to(chat)
            .iter()
            .filter(|m| m.text_or_caption().contains(needle))
            .count()
    }

    pub async fn assert_every_callback_answered(&self) {
        self.settled().await;
        let unanswered = self.api.unanswered_callback_ids();
        assert!(
            unanswered.is_empty(),
            "unanswered callback queries: {unanswered:?}"
        );
    }
}

/// Polls `count` every 20 ms until it is 0; fails with "{count} {what}"
/// after [`WAIT`].
async fn until_none_left<F, Fut>(what: &str, count: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = i64>,
{
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let open = count().await;
        if open == 0 {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{open} {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

// The chat, through the fake Bot API alone (for a bot run as a separate
// process too); [`World`]'s methods of the same names use these.

/// The bot's next message to `chat` after `since` whose text or caption
/// contains `expect`, within [`WAIT`].
pub async fn reply_after(
    api: &FakeBotApi,
    since: Checkpoint,
    chat: i64,
    expect: &str,
) -> Result<BotMessage, WaitError> {
    api.wait_for_message_after(since, chat, |m| m.text_or_caption().contains(expect), WAIT)
        .await
}

/// [`reply_after`], failing the test when no such message comes.
pub async fn expect_after(
    api: &FakeBotApi,
    since: Checkpoint,
    chat: i64,
    expect: &str,
) -> BotMessage {
    match reply_after(api, since, chat, expect).await {
        Ok(m) => m,
        Err(e) => panic!("waiting for {expect:?}: {e}"),
    }
}

/// Sends text as `user` and waits for a bot message to them containing `expect`.
pub async fn say(api: &FakeBotApi, user: &FakeUser, text: &str, expect: &str) -> BotMessage {
    let since = api.checkpoint();
    api.send_text(user, text);
    expect_after(api, since, user.id, expect).await
}

/// Presses the inline button whose label contains `label` under `message`
/// and waits for a bot message to `user` containing `expect`.
pub async fn press(
    api: &FakeBotApi,
    user: &FakeUser,
    message: &BotMessage,
    label: &str,
    expect: &str,
) -> BotMessage {
    let data = message
        .button_data(label)
        .unwrap_or_else(|| panic!("no button {label:?} in {:?}", message.inline_buttons()));
    press_data(api, user, message.message_id, &data, expect).await
}

/// Presses a button by its callback data and waits as [`press`] does.
pub async fn press_data(
    api: &FakeBotApi,
    user: &FakeUser,
    message_id: i64,
    data: &str,
    expect: &str,
) -> BotMessage {
    let since = api.checkpoint();
    api.press_button(user, message_id, data);
    expect_after(api, since, user.id, expect).await
}

/// Registers a producer from /start up to the summary, answering well.
pub async fn register_producer_until_summary(
    w: &World,
    user: &FakeUser,
    business: &str,
) -> BotMessage {
    register_producer_with_phone(w, user, business, "+62 812-3456-7890").await
}

/// The same, with another phone (each producer needs its own).
pub async fn register_producer_with_phone(
    w: &World,
    user: &FakeUser,
    business: &str,
    phone: &str,
) -> BotMessage {
    let greeting = w.say(user, "/start", "mendaftar sebagai apa").await;
    w.press(user, &greeting, "Produsen", "nama usaha").await;
    w.say(user, business, "kabupaten/kota").await;
    let cats = w.say(user, "tenggarong", "kategori").await;
    let cats = w.press(user, &cats, "Oleh-oleh", "kategori").await;
    assert!(
        cats.button_data("✅ Oleh-oleh").is_some(),
        "the choice is ticked"
    );
    w.press(user, &cats, "Selesai", "produk").await;
    w.say(user, "amplang, kerupuk ikan", "sehari").await;
    w.say(user, "300", "hari sebelumnya").await;
    w.say(user, "3", "pesanan minimal").await;
    let halal = w.say(user, "20", "halal").await;
    w.press(user, &halal, "Ya", "NIB").await;
    w.say(user, "1234567890123", "nomor HP").await;
    let since = w.api.checkpoint();
    w.api.share_contact(user, phone, Some(user.id));
    w.expect_after(since, user.id, "Periksa data").await
}

/// The latest message to `chat` (as edited) that has a button labelled `label`.
pub fn find_with_button(w: &World, chat: i64, label: &str) -> BotMessage {
    w.api
        .messages_to(chat)
        .into_iter()
        .rev()
        .find(|m| m.button_data(label).is_some())
        .unwrap_or_else(|| panic!("no message to {chat} with a {label:?} button"))
}

/// The binary, started as a separate process (for kill and signal tests).
pub fn spawn_binary(env: &HashMap<String, String>, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_pesanlokal"))
        .args(args)
        .envs(env)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the binary")
}

/// Logs to the test output when RUST_LOG is set.
pub fn init_logs() {
    if std::env::var("RUST_LOG").is_ok() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
    }
}

/// An approved staff account of an office in `regency`, registered through
/// the store as the bot does.
pub async fn approved_staff(w: &World, id: i64, office: &str, regency: &str) -> FakeUser {
    let user = FakeUser::new(id, "Staf");
    w.say(&user, "/start", "mendaftar sebagai apa").await;
    let pool = w.pool().await;
    pesanlokal::demo_people::register_staff(
        &pool,
        ADMIN,
        id,
        "Staf",
        "Budi Santoso",
        office,
        regency,
    )
    .await
    .expect("approved staff");
    user
}

/// The bot running, with the East Kalimantan demo producers loaded.
pub async fn world_with_demo() -> World {
    let w = World::start().await;
    let pool = w.pool().await;
    pesanlokal::store::demo::load(&pool, pesanlokal::clock::Clock::system().now())
        .await
        .expect("demo data");
    w
}

/// A demo producer (by its phone) linked to a new Telegram account.
pub async fn demo_producer(w: &World, id: i64, phone: &str, name: &str) -> FakeUser {
    let user = FakeUser::new(id, name);
    let pool = w.pool().await;
    let linked = pesanlokal::demo_people::link_demo_producer(&pool, id, phone, name)
        .await
        .expect("link");
    assert!(linked.is_some(), "no demo producer with {phone}");
    user
}

/// Whether the bot still counts `id` as reachable (not blocked).
pub async fn reachable(pool: &SqlitePool, id: i64) -> bool {
    sqlx::query_scalar("SELECT reachable FROM users WHERE id = ?")
        .bind(id)
        .fetch_one(pool)
        .await
        .expect("a user's reachable flag")
}

/// A date `days` from today (WITA), as staff type it: `26/03/2026`.
pub fn in_days(days: i64) -> (chrono::NaiveDate, String) {
    let today =
        (pesanlokal::clock::Clock::system().now() + chrono::Duration::hours(8)).date_naive();
    let d = today + chrono::Duration::days(days);
    (d, d.format("%d/%m/%Y").to_string())
}
