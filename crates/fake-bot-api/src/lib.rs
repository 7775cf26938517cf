//! A fake Telegram Bot API server for tests (and for the local `console`).
//!
//! [`FakeBotApi::start`] binds an HTTP server on `127.0.0.1:<random port>` that
//! speaks enough of the Bot API for a teloxide bot to run against it: point
//! the bot at [`FakeBotApi::url`] (`Bot::new(token).set_api_url(fake.url())`
//! or `TELOXIDE_API_URL`), simulate users with [`FakeBotApi::send_text`],
//! [`FakeBotApi::press_button`], ... and inspect what the bot did with
//! [`FakeBotApi::messages_to`], [`FakeBotApi::calls`] and the `wait_for_*`
//! helpers. Faults (429, 403, 5xx, dropped connections, hung requests and
//! Telegram-like rate limits) can be injected.
//!
//! Every request is an HTTP `POST {url}bot{token}/{method}`; method names are
//! matched case-insensitively. Payloads are kept as [`serde_json::Value`] so
//! this module does not depend on teloxide's types, but every JSON object it
//! returns has been checked to deserialize with teloxide-core 0.13.
//!
//! Semantics worth knowing:
//! * `getUpdates` long-polls (waits up to `timeout` seconds for an update);
//!   an update with `update_id < offset` is confirmed and dropped for good. A
//!   new `getUpdates` call ends a still-waiting older one with `409 Conflict`,
//!   like Telegram does. `allowed_updates` is remembered between calls, and
//!   updates of other kinds are dropped.
//! * Message ids are per chat, start at 1000 and are shared by the user's and
//!   the bot's messages (as in a real private chat).
//! * Text is stored exactly as the bot sent it (HTML is *not* parsed), so
//!   tests can check escaping.
//! * `editMessageText`/`editMessageCaption`/`editMessageReplyMarkup` replace
//!   the text/caption and the markup (a missing `reply_markup` removes the
//!   inline keyboard, like Telegram). An edit that changes nothing answers
//!   `400 message is not modified`, like Telegram.
//! * [`Fault::ServerError`] answers HTTP 500; note that teloxide sleeps 10 s
//!   after any 5xx answer before reporting the error.
//! * [`Fault::NetworkDrop`] and released [hung](FakeBotApi::hang_sends_to)
//!   requests close the TCP connection without any answer; teloxide reports
//!   `RequestError::Network`.
//!
//! The server stops when the last [`FakeBotApi`] handle is dropped or on
//! [`FakeBotApi::shutdown`].

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::serve::{IncomingStream, Listener};
use axum::{Json, Router};
use serde_json::{Map, Value, json};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

/// User id of the fake bot (what `getMe` answers).
pub const FAKE_BOT_ID: i64 = 7_000_000_001;
/// Username of the fake bot (what `getMe` answers).
pub const FAKE_BOT_USERNAME: &str = "pesan_lokal_test_bot";
/// First name of the fake bot (what `getMe` answers).
pub const FAKE_BOT_FIRST_NAME: &str = "Pesan Lokal";

const FIRST_MESSAGE_ID: i64 = 1000;
/// Flood-limit window, and the slack granted for network jitter (a client
/// that spaces its sends by exactly one second must not be punished because
/// its first request needed a fresh connection).
const LIMIT_WINDOW: Duration = Duration::from_secs(1);
const LIMIT_TOLERANCE: Duration = Duration::from_millis(100);
const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

const ERR_BLOCKED: &str = "Forbidden: bot was blocked by the user";
const ERR_NOT_MODIFIED: &str = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const ERR_EDIT_NOT_FOUND: &str = "Bad Request: message to edit not found";
const ERR_DELETE_NOT_FOUND: &str = "Bad Request: message to delete not found";
const ERR_TEXT_EMPTY: &str = "Bad Request: message text is empty";
const ERR_CHAT_NOT_FOUND: &str = "Bad Request: chat not found";
const ERR_CONFLICT: &str = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

/// Methods whose canonical (camelCase) spelling we know; any other method is
/// recorded with the spelling it arrived in.
const KNOWN_METHODS: &[&str] = &[
    "getMe",
    "logOut",
    "close",
    "getUpdates",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "sendMessage",
    "forwardMessage",
    "forwardMessages",
    "copyMessage",
    "copyMessages",
    "sendPhoto",
    "sendAudio",
    "sendDocument",
    "sendVideo",
    "sendAnimation",
    "sendVoice",
    "sendVideoNote",
    "sendMediaGroup",
    "sendLocation",
    "sendVenue",
    "sendContact",
    "sendPoll",
    "sendDice",
    "sendSticker",
    "sendInvoice",
    "sendChatAction",
    "setMessageReaction",
    "getUserProfilePhotos",
    "getFile",
    "getChat",
    "getChatMember",
    "leaveChat",
    "pinChatMessage",
    "unpinChatMessage",
    "answerCallbackQuery",
    "answerInlineQuery",
    "answerPreCheckoutQuery",
    "setMyCommands",
    "deleteMyCommands",
    "getMyCommands",
    "setMyName",
    "getMyName",
    "setMyDescription",
    "getMyDescription",
    "setMyShortDescription",
    "getMyShortDescription",
    "setChatMenuButton",
    "getChatMenuButton",
    "editMessageText",
    "editMessageCaption",
    "editMessageMedia",
    "editMessageReplyMarkup",
    "editMessageLiveLocation",
    "stopMessageLiveLocation",
    "stopPoll",
    "deleteMessage",
    "deleteMessages",
];

// ---------------------------------------------------------------------------
// Public value types
// ---------------------------------------------------------------------------

/// A simulated Telegram user talking to the bot in a private chat (chat id =
/// user id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeUser {
    /// User id, also the id of the private chat with the bot.
    pub id: i64,
    /// `first_name` of the user (and of the private chat).
    pub first_name: String,
    /// `@username` without the `@`.
    pub username: Option<String>,
    /// IETF language tag of the user's client (`"id"`, `"en"`, ...).
    pub language_code: Option<String>,
}

impl FakeUser {
    /// A user with the Indonesian client language (`language_code = "id"`).
    pub fn new(id: i64, first_name: &str) -> Self {
        FakeUser {
            id,
            first_name: first_name.to_owned(),
            username: None,
            language_code: Some("id".to_owned()),
        }
    }

    /// Same user with an English Telegram client (`language_code = "en"`).
    pub fn english(self) -> Self {
        self.with_language(Some("en"))
    }

    /// Same user with another (or no) `language_code`.
    pub fn with_language(mut self, language_code: Option<&str>) -> Self {
        self.language_code = language_code.map(str::to_owned);
        self
    }

    /// Same user with a `@username`.
    pub fn with_username(mut self, username: &str) -> Self {
        self.username = Some(username.trim_start_matches('@').to_owned());
        self
    }

    /// The `User` JSON object Telegram would send for this user.
    pub fn to_json(&self) -> Value {
        let mut user = Map::new();
        user.insert("id".into(), json!(self.id));
        user.insert("is_bot".into(), json!(false));
        user.insert("first_name".into(), json!(self.first_name));
        if let Some(username) = &self.username {
            user.insert("username".into(), json!(username));
        }
        if let Some(lang) = &self.language_code {
            user.insert("language_code".into(), json!(lang));
        }
        Value::Object(user)
    }

    fn private_chat_json(&self) -> Value {
        let mut chat = Map::new();
        chat.insert("id".into(), json!(self.id));
        chat.insert("type".into(), json!("private"));
        chat.insert("first_name".into(), json!(self.first_name));
        if let Some(username) = &self.username {
            chat.insert("username".into(), json!(username));
        }
        Value::Object(chat)
    }
}

/// A scripted failure for [`FakeBotApi::fail_next`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// HTTP 429 `Too Many Requests: retry after N` with
    /// `parameters.retry_after` (teloxide: `RequestError::RetryAfter`).
    TooManyRequests {
        /// Seconds to wait, as sent in `parameters.retry_after`.
        retry_after: u32,
    },
    /// HTTP 403 `Forbidden: bot was blocked by the user`
    /// (teloxide: `ApiError::BotBlocked`).
    Forbidden,
    /// HTTP 500 `Internal Server Error`. teloxide sleeps 10 s on any 5xx
    /// before returning the error, so avoid this in fast tests.
    ServerError,
    /// The TCP connection is closed without an answer
    /// (teloxide: `RequestError::Network`). The request is not executed.
    NetworkDrop,
}

/// Telegram-like flood limits for [`FakeBotApi::enforce_limits`] (sliding
/// one-second windows over message-sending methods).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Messages one chat may receive per second.
    pub per_chat_per_sec: u32,
    /// Messages all chats together may receive per second.
    pub overall_per_sec: u32,
}

impl Limits {
    /// The limits Telegram documents for bots: 1 message per second per chat,
    /// 30 messages per second overall (teloxide's `Throttle` default).
    pub const TELEGRAM: Limits = Limits {
        per_chat_per_sec: 1,
        overall_per_sec: 30,
    };
}

/// A bot message as the user sees it (latest version after edits).
#[derive(Clone, Debug, PartialEq)]
pub struct BotMessage {
    /// Message id (per chat, from 1000).
    pub message_id: i64,
    /// The chat it was sent to.
    pub chat_id: i64,
    /// Text exactly as sent (HTML/Markdown is not parsed).
    pub text: Option<String>,
    /// Caption (photos and documents), exactly as sent.
    pub caption: Option<String>,
    /// `reply_markup` exactly as the bot sent it (inline or reply keyboard,
    /// `remove_keyboard`, `force_reply`).
    pub reply_markup: Option<Value>,
    /// `parse_mode` of the last send/edit (`"HTML"`, `"MarkdownV2"`, ...).
    pub parse_mode: Option<String>,
    /// The method that created the message (`sendMessage`, `sendPhoto`, ...).
    pub method: String,
}

impl BotMessage {
    /// The text, else the caption, else `""`.
    pub fn text_or_caption(&self) -> &str {
        self.text
            .as_deref()
            .or(self.caption.as_deref())
            .unwrap_or("")
    }

    /// Inline keyboard buttons that carry `callback_data`, row by row, as
    /// `(text, callback_data)`.
    pub fn inline_buttons(&self) -> Vec<(String, String)> {
        self.reply_markup
            .as_ref()
            .and_then(|m| m.get("inline_keyboard"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_array)
            .flatten()
            .filter_map(|button| {
                let text = button.get("text")?.as_str()?;
                let data = button.get("callback_data")?.as_str()?;
                Some((text.to_owned(), data.to_owned()))
            })
            .collect()
    }

    /// All inline keyboard buttons (including URL/web-app buttons) as JSON.
    pub fn inline_button_values(&self) -> Vec<Value> {
        flatten_rows(self.reply_markup.as_ref(), "inline_keyboard")
    }

    /// `callback_data` of the first inline button whose text contains
    /// `label_contains`.
    pub fn button_data(&self, label_contains: &str) -> Option<String> {
        self.inline_buttons()
            .into_iter()
            .find(|(text, _)| text.contains(label_contains))
            .map(|(_, data)| data)
    }

    /// Reply-keyboard buttons (e.g. `{"text": ..., "request_contact": true}`),
    /// row by row. Plain string buttons are returned as JSON strings.
    pub fn keyboard_buttons(&self) -> Vec<Value> {
        flatten_rows(self.reply_markup.as_ref(), "keyboard")
    }

    /// `true` if the message carried `reply_markup.remove_keyboard`.
    pub fn removes_keyboard(&self) -> bool {
        self.reply_markup
            .as_ref()
            .and_then(|m| m.get("remove_keyboard"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// One-line description used in [`WaitError`].
    pub fn summary(&self) -> String {
        let mut s = format!(
            "#{} via {}: {:?}",
            self.message_id,
            self.method,
            self.text_or_caption()
        );
        if let Some(mode) = &self.parse_mode {
            s.push_str(&format!(" [{mode}]"));
        }
        let inline = self.inline_button_values();
        if !inline.is_empty() {
            let labels: Vec<String> = inline
                .iter()
                .map(|b| {
                    let text = b.get("text").and_then(Value::as_str).unwrap_or("?");
                    match b.get("callback_data").and_then(Value::as_str) {
                        Some(data) => format!("{text:?}->{data:?}"),
                        None => format!("{text:?}"),
                    }
                })
                .collect();
            s.push_str(&format!(" inline=[{}]", labels.join(", ")));
        }
        let keyboard = self.keyboard_buttons();
        if !keyboard.is_empty() {
            let labels: Vec<String> = keyboard
                .iter()
                .map(|b| match b {
                    Value::String(text) => format!("{text:?}"),
                    other => other.to_string(),
                })
                .collect();
            s.push_str(&format!(" keyboard=[{}]", labels.join(", ")));
        }
        if self.removes_keyboard() {
            s.push_str(" remove_keyboard");
        }
        s
    }
}

impl fmt::Display for BotMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary())
    }
}

fn flatten_rows(markup: Option<&Value>, key: &str) -> Vec<Value> {
    markup
        .and_then(|m| m.get(key))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .cloned()
        .collect()
}

/// What the fake answered to a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallOutcome {
    /// Still being handled (a long-polling `getUpdates` or a hung send).
    Pending,
    /// `{"ok": true, ...}`.
    Ok,
    /// `{"ok": false, "error_code": code, "description": description}`.
    Error {
        /// `error_code` (also the HTTP status).
        code: u16,
        /// `description`, as teloxide matches it into `ApiError`.
        description: String,
    },
    /// The connection was closed without an answer.
    Dropped,
}

/// One request the bot made.
#[derive(Clone, Debug)]
pub struct ApiCall {
    /// Position in [`FakeBotApi::calls`].
    pub seq: usize,
    /// Canonical camelCase method name (e.g. `sendMessage`), or the name as
    /// received for methods the fake does not know.
    pub method: String,
    /// The bot token from the URL.
    pub token: String,
    /// The parameters as a JSON object. For `multipart/form-data` requests
    /// the non-file fields are strings (JSON-looking fields such as
    /// `reply_markup` are parsed) and `_files` lists the uploaded files
    /// (`field`, `filename`, `size`).
    pub params: Value,
    /// The request's `Content-Type` header.
    pub content_type: Option<String>,
    /// When the request arrived.
    pub received_at: Instant,
    /// What was answered (`Pending` while a long poll or hung send waits).
    pub outcome: CallOutcome,
    /// The `result` that was answered, if the answer was ok.
    pub result: Option<Value>,
}

impl ApiCall {
    /// `true` if the answer was `{"ok": true, ...}`.
    pub fn is_ok(&self) -> bool {
        self.outcome == CallOutcome::Ok
    }

    /// The `chat_id` parameter, if numeric.
    pub fn chat_id(&self) -> Option<i64> {
        param_i64(&self.params, "chat_id")
    }

    /// A parameter as a string (numbers and booleans are stringified).
    pub fn param_str(&self, key: &str) -> Option<String> {
        param_string(&self.params, key)
    }

    /// One-line description used in [`WaitError`].
    pub fn summary(&self) -> String {
        let outcome = match &self.outcome {
            CallOutcome::Pending => "pending".to_owned(),
            CallOutcome::Ok => "ok".to_owned(),
            CallOutcome::Error { code, description } => format!("{code} {description}"),
            CallOutcome::Dropped => "connection dropped".to_owned(),
        };
        let mut params = self.params.to_string();
        if params.len() > 300 {
            let mut cut = 300;
            while !params.is_char_boundary(cut) {
                cut -= 1;
            }
            params.truncate(cut);
            params.push('…');
        }
        format!("{} {} -> {}", self.method, params, outcome)
    }
}

/// Returned by the `wait_for_*` helpers on timeout; its `Display` lists what
/// was received instead, for readable test failures.
#[derive(Clone, Debug)]
pub struct WaitError {
    /// What was waited for.
    pub waited_for: String,
    /// How long.
    pub timeout: Duration,
    /// One line per message version / call received meanwhile.
    pub received: Vec<String>,
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "timed out after {:?} waiting for {}",
            self.timeout, self.waited_for
        )?;
        if self.received.is_empty() {
            write!(f, "; nothing was received")
        } else {
            write!(f, "; received instead:")?;
            for line in &self.received {
                write!(f, "\n  - {line}")?;
            }
            Ok(())
        }
    }
}

impl std::error::Error for WaitError {}

/// A point in the fake's history; the `*_after` waits only look at messages
/// and calls that happened after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Checkpoint {
    versions: usize,
    calls: usize,
}

// ---------------------------------------------------------------------------
// Shared state
// ---------------------------------------------------------------------------

struct StoredMessage {
    bot: BotMessage,
    /// The Message JSON as last returned to the bot.
    json: Value,
}

#[derive(Default)]
struct ChatState {
    next_message_id: i64,
    messages: BTreeMap<i64, StoredMessage>,
}

struct Inner {
    shutting_down: bool,
    next_update_id: i64,
    /// Unconfirmed updates, in id order.
    queue: VecDeque<(i64, Value)>,
    /// Every update ever queued, for `redeliver`.
    all_updates: HashMap<i64, Value>,
    /// Duplicates to hand out on the next `getUpdates`, whatever the offset.
    redeliveries: VecDeque<Value>,
    confirmed_offset: i64,
    poll_generation: u64,
    allowed_updates: Option<Vec<String>>,
    webhook_url: String,

    calls: Vec<ApiCall>,
    chats: HashMap<i64, ChatState>,
    /// Every version of every bot message (sends and edits), in order.
    versions: Vec<BotMessage>,
    users: HashMap<i64, FakeUser>,

    faults: HashMap<String, VecDeque<Fault>>,
    blocked: HashSet<i64>,
    hung: HashSet<i64>,
    limits: Option<Limits>,
    send_log: VecDeque<(Instant, i64)>,
    count_429: usize,

    next_callback_id: u64,
    next_file_id: u64,
    callback_ids_sent: Vec<String>,
    answered_callback_ids: Vec<String>,
    commands: HashMap<String, Value>,
    menu_buttons: HashMap<Option<i64>, Value>,
}

struct Shared {
    inner: Mutex<Inner>,
    changed: Notify,
    addr: SocketAddr,
    shutdown_tx: watch::Sender<bool>,
    server: Mutex<Option<JoinHandle<()>>>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn begin_shutdown(&self) {
        self.lock().shutting_down = true;
        self.changed.notify_waiters();
        self.shutdown_tx.send_replace(true);
    }
}

/// Shuts the server down when the last [`FakeBotApi`] handle goes away (the
/// server task itself only holds `Shared`, not this guard).
struct DropGuard(Arc<Shared>);

impl Drop for DropGuard {
    fn drop(&mut self) {
        self.0.begin_shutdown();
    }
}

/// Handle to a running fake Bot API server. Cheap to clone; the server stops
/// when the last clone is dropped or on [`FakeBotApi::shutdown`].
#[derive(Clone)]
pub struct FakeBotApi {
    shared: Arc<Shared>,
    _guard: Arc<DropGuard>,
}

impl fmt::Debug for FakeBotApi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeBotApi")
            .field("addr", &self.shared.addr)
            .finish_non_exhaustive()
    }
}

impl FakeBotApi {
    /// Starts a server on `127.0.0.1` with a free port.
    pub async fn start() -> io::Result<FakeBotApi> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await
    }

    /// Starts a server on `addr` (port 0 picks a free port).
    pub async fn start_on(addr: SocketAddr) -> io::Result<FakeBotApi> {
        let listener = TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let (shutdown_tx, mut shutdown_rx) = watch::channel(false);
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner::new()),
            changed: Notify::new(),
            addr: local,
            shutdown_tx,
            server: Mutex::new(None),
        });
        let app = Router::new()
            .fallback(handle_request)
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .with_state(shared.clone());
        let serve = axum::serve(
            KillableListener { inner: listener },
            app.into_make_service_with_connect_info::<ConnMeta>(),
        )
        .with_graceful_shutdown(async move {
            let _ = shutdown_rx.wait_for(|stop| *stop).await;
        });
        let task = tokio::spawn(async move {
            if let Err(error) = serve.await {
                tracing::warn!(%error, "fake Bot API server failed");
            }
            tracing::debug!("fake Bot API server stopped");
        });
        *shared.server.lock().unwrap_or_else(|e| e.into_inner()) = Some(task);
        tracing::debug!(%local, "fake Bot API server listening");
        Ok(FakeBotApi {
            _guard: Arc::new(DropGuard(shared.clone())),
            shared,
        })
    }

    /// Stops the server: pending long polls answer with no updates, hung
    /// requests are dropped, and new connections are refused. Waits (up to
    /// 5 s) for the server task to finish.
    pub async fn shutdown(&self) {
        self.shared.begin_shutdown();
        let task = self
            .shared
            .server
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(task) = task {
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }

    /// The API URL to give teloxide, e.g. `http://127.0.0.1:PORT/`.
    #[allow(clippy::expect_used)] // "http://" + a socket address always parses
    pub fn url(&self) -> url::Url {
        url::Url::parse(&format!("http://{}/", self.shared.addr)).expect("valid URL")
    }

    /// The socket address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.shared.addr
    }

    /// The bot's user id ([`FAKE_BOT_ID`]).
    pub fn bot_user_id(&self) -> i64 {
        FAKE_BOT_ID
    }

    /// The bot's username ([`FAKE_BOT_USERNAME`]).
    pub fn bot_username(&self) -> &'static str {
        FAKE_BOT_USERNAME
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.shared.lock()
    }

    fn notify(&self) {
        self.shared.changed.notify_waiters();
    }

    fn with_inner<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let out = f(&mut self.lock());
        self.notify();
        out
    }

    // ---- updates from simulated users ------------------------------------

    /// The user sends a text message. Text starting with `/` gets a
    /// `bot_command` entity for its first word. Returns the update id.
    pub fn send_text(&self, from: &FakeUser, text: &str) -> i64 {
        self.with_inner(|inner| {
            let mut message = inner.user_message(from);
            message.insert("text".into(), json!(text));
            if text.starts_with('/') {
                let command = text.split_whitespace().next().unwrap_or(text);
                message.insert(
                    "entities".into(),
                    json!([{
                        "type": "bot_command",
                        "offset": 0,
                        "length": command.encode_utf16().count(),
                    }]),
                );
            }
            inner.push_update("message", Value::Object(message))
        })
    }

    /// The user presses an inline button with `data` under the bot message
    /// `message_id` in their private chat. The update carries that message as
    /// the fake last returned it (a minimal text message if unknown).
    pub fn press_button(&self, from: &FakeUser, message_id: i64, data: &str) -> i64 {
        self.with_inner(|inner| {
            inner.users.insert(from.id, from.clone());
            let message = inner
                .chats
                .get(&from.id)
                .and_then(|chat| chat.messages.get(&message_id))
                .map(|stored| stored.json.clone())
                .unwrap_or_else(|| {
                    json!({
                        "message_id": message_id,
                        "from": bot_user_json(),
                        "chat": from.private_chat_json(),
                        "date": unix_now(),
                        "text": "",
                    })
                });
            inner.next_callback_id += 1;
            let id = format!("{}{:06}", from.id.unsigned_abs(), inner.next_callback_id);
            inner.callback_ids_sent.push(id.clone());
            inner.push_update(
                "callback_query",
                json!({
                    "id": id,
                    "from": from.to_json(),
                    "message": message,
                    "chat_instance": format!("ci{}", from.id),
                    "data": data,
                }),
            )
        })
    }

    /// The user shares a contact (e.g. through a `request_contact` button:
    /// pass `Some(from.id)` as `contact_user_id`).
    pub fn share_contact(&self, from: &FakeUser, phone: &str, contact_user_id: Option<i64>) -> i64 {
        self.with_inner(|inner| {
            let mut message = inner.user_message(from);
            let mut contact = Map::new();
            contact.insert("phone_number".into(), json!(phone));
            contact.insert("first_name".into(), json!(from.first_name));
            if let Some(user_id) = contact_user_id {
                contact.insert("user_id".into(), json!(user_id));
            }
            message.insert("contact".into(), Value::Object(contact));
            inner.push_update("message", Value::Object(message))
        })
    }

    /// The user sends a photo (two sizes), optionally with a caption.
    pub fn send_photo(&self, from: &FakeUser, caption: Option<&str>) -> i64 {
        self.with_inner(|inner| {
            let mut message = inner.user_message(from);
            let photo = inner.photo_sizes("userphoto");
            message.insert("photo".into(), photo);
            if let Some(caption) = caption {
                message.insert("caption".into(), json!(caption));
            }
            inner.push_update("message", Value::Object(message))
        })
    }

    /// Queues an arbitrary update (an object such as `{"message": {...}}`);
    /// `update_id` is assigned (any given one is replaced).
    ///
    /// # Panics
    /// If `update_without_id` is not a JSON object.
    pub fn push_raw_update(&self, update_without_id: Value) -> i64 {
        let Value::Object(mut update) = update_without_id else {
            panic!("push_raw_update: the update must be a JSON object");
        };
        update.remove("update_id");
        self.with_inner(|inner| {
            if let Some(id) = update
                .get("callback_query")
                .and_then(|q| q.get("id"))
                .and_then(Value::as_str)
            {
                inner.callback_ids_sent.push(id.to_owned());
            }
            inner.push_update_map(update)
        })
    }

    /// Delivers update `update_id` once more (same id) on the next
    /// `getUpdates`, even if it was already confirmed: a duplicate delivery.
    ///
    /// # Panics
    /// If no update with that id was ever queued.
    pub fn redeliver(&self, update_id: i64) {
        self.with_inner(|inner| {
            let update = inner
                .all_updates
                .get(&update_id)
                .cloned()
                .unwrap_or_else(|| panic!("redeliver: no update with id {update_id}"));
            inner.redeliveries.push_back(update);
        });
    }

    // ---- what the bot did --------------------------------------------------

    /// Every request so far, in arrival order.
    pub fn calls(&self) -> Vec<ApiCall> {
        self.lock().calls.clone()
    }

    /// Requests of `method` (case-insensitive), in arrival order.
    pub fn calls_to(&self, method: &str) -> Vec<ApiCall> {
        self.lock()
            .calls
            .iter()
            .filter(|c| method_matches(&c.method, method))
            .cloned()
            .collect()
    }

    /// The chat as the user sees it: bot messages (sendMessage, sendPhoto,
    /// sendDocument) with edits applied and deleted ones removed, by id.
    pub fn messages_to(&self, chat_id: i64) -> Vec<BotMessage> {
        self.lock().messages_to(chat_id)
    }

    /// The newest (highest id) bot message still visible in the chat.
    pub fn last_message_to(&self, chat_id: i64) -> Option<BotMessage> {
        self.messages_to(chat_id).pop()
    }

    /// The current version of one bot message, unless deleted.
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<BotMessage> {
        self.lock()
            .chats
            .get(&chat_id)
            .and_then(|c| c.messages.get(&message_id))
            .map(|m| m.bot.clone())
    }

    /// Every version (sent or edited) of every bot message to `chat_id`, in
    /// order.
    pub fn message_history(&self, chat_id: i64) -> Vec<BotMessage> {
        self.lock()
            .versions
            .iter()
            .filter(|m| m.chat_id == chat_id)
            .cloned()
            .collect()
    }

    /// Numbers the next updates from `first` on (if higher than now), as
    /// Telegram keeps counting for a bot whose database already saw updates
    /// (the console reopening a kept database).
    pub fn start_update_ids_at(&self, first: i64) {
        self.with_inner(|inner| inner.next_update_id = inner.next_update_id.max(first));
    }

    /// Every version (sent or edited) of every bot message, to any chat,
    /// that happened after `since`, in order (the console prints these).
    pub fn versions_after(&self, since: Checkpoint) -> Vec<BotMessage> {
        let inner = self.lock();
        let start = since.versions.min(inner.versions.len());
        inner.versions[start..].to_vec()
    }

    /// Marks "now" for [`Self::wait_for_message_after`] /
    /// [`Self::wait_for_call_after`].
    pub fn checkpoint(&self) -> Checkpoint {
        let inner = self.lock();
        Checkpoint {
            versions: inner.versions.len(),
            calls: inner.calls.len(),
        }
    }

    /// Waits until some message version (sent or edited, at any time so far
    /// or during the wait) to `chat_id` satisfies `pred`; returns that
    /// version.
    pub async fn wait_for_message(
        &self,
        chat_id: i64,
        pred: impl Fn(&BotMessage) -> bool,
        timeout: Duration,
    ) -> Result<BotMessage, WaitError> {
        self.wait_for_message_after(Checkpoint::default(), chat_id, pred, timeout)
            .await
    }

    /// Like [`Self::wait_for_message`], but only considers message versions
    /// (sends or edits) that happened after `since`.
    pub async fn wait_for_message_after(
        &self,
        since: Checkpoint,
        chat_id: i64,
        pred: impl Fn(&BotMessage) -> bool,
        timeout: Duration,
    ) -> Result<BotMessage, WaitError> {
        let deadline = Instant::now() + timeout;
        let mut next = since.versions;
        loop {
            let mut notified = pin!(self.shared.changed.notified());
            notified.as_mut().enable();
            let fresh: Vec<BotMessage> = {
                let inner = self.lock();
                let start = next.min(inner.versions.len());
                next = inner.versions.len();
                inner.versions[start..]
                    .iter()
                    .filter(|m| m.chat_id == chat_id)
                    .cloned()
                    .collect()
            };
            if let Some(found) = fresh.into_iter().find(|m| pred(m)) {
                return Ok(found);
            }
            if Instant::now() >= deadline {
                return Err(self.message_wait_error(since, chat_id, timeout));
            }
            let _ = tokio::time::timeout_at(deadline.into(), notified).await;
        }
    }

    fn message_wait_error(&self, since: Checkpoint, chat_id: i64, timeout: Duration) -> WaitError {
        let inner = self.lock();
        let mut received: Vec<String> = inner
            .versions
            .iter()
            .skip(since.versions)
            .filter(|m| m.chat_id == chat_id)
            .map(BotMessage::summary)
            .collect();
        received.extend(
            inner
                .calls
                .iter()
                .skip(since.calls)
                .filter(|c| c.chat_id() == Some(chat_id) && !c.is_ok())
                .map(|c| format!("(not delivered) {}", c.summary())),
        );
        WaitError {
            waited_for: format!("a matching message to chat {chat_id}"),
            timeout,
            received,
        }
    }

    /// Waits until a request of `method` (case-insensitive; `"*"` for any)
    /// satisfying `pred` has arrived (possibly still pending).
    pub async fn wait_for_call(
        &self,
        method: &str,
        pred: impl Fn(&ApiCall) -> bool,
        timeout: Duration,
    ) -> Result<ApiCall, WaitError> {
        self.wait_for_call_after(Checkpoint::default(), method, pred, timeout)
            .await
    }

    /// Like [`Self::wait_for_call`], but only considers calls that arrived
    /// after `since`.
    pub async fn wait_for_call_after(
        &self,
        since: Checkpoint,
        method: &str,
        pred: impl Fn(&ApiCall) -> bool,
        timeout: Duration,
    ) -> Result<ApiCall, WaitError> {
        let deadline = Instant::now() + timeout;
        let mut next = since.calls;
        loop {
            let mut notified = pin!(self.shared.changed.notified());
            notified.as_mut().enable();
            let fresh: Vec<ApiCall> = {
                let inner = self.lock();
                let start = next.min(inner.calls.len());
                next = inner.calls.len();
                inner.calls[start..]
                    .iter()
                    .filter(|c| method_matches(&c.method, method))
                    .cloned()
                    .collect()
            };
            if let Some(found) = fresh.into_iter().find(|c| pred(c)) {
                return Ok(found);
            }
            if Instant::now() >= deadline {
                let inner = self.lock();
                let calls = &inner.calls[since.calls.min(inner.calls.len())..];
                let received = calls
                    .iter()
                    .skip(calls.len().saturating_sub(40))
                    .map(ApiCall::summary)
                    .collect();
                return Err(WaitError {
                    waited_for: format!("a matching {method} call"),
                    timeout,
                    received,
                });
            }
            let _ = tokio::time::timeout_at(deadline.into(), notified).await;
        }
    }

    /// Callback query ids the bot answered successfully, in order (with
    /// duplicates if answered twice).
    pub fn answered_callback_ids(&self) -> Vec<String> {
        self.lock().answered_callback_ids.clone()
    }

    /// Callback query ids sent to the bot (by `press_button` or raw updates).
    pub fn callback_query_ids_sent(&self) -> Vec<String> {
        self.lock().callback_ids_sent.clone()
    }

    /// Callback queries sent to the bot and not (yet) answered.
    pub fn unanswered_callback_ids(&self) -> Vec<String> {
        let inner = self.lock();
        inner
            .callback_ids_sent
            .iter()
            .filter(|id| !inner.answered_callback_ids.contains(id))
            .cloned()
            .collect()
    }

    /// The highest `offset` `getUpdates` was called with (0 if none).
    pub fn confirmed_offset(&self) -> i64 {
        self.lock().confirmed_offset
    }

    /// Updates not yet confirmed (plus queued redeliveries).
    pub fn pending_updates(&self) -> usize {
        let inner = self.lock();
        inner.queue.len() + inner.redeliveries.len()
    }

    /// The commands last set with `setMyCommands` for that scope (`None` =
    /// default scope) and language code (`None` = all languages).
    pub fn my_commands(&self, scope: Option<Value>, language_code: Option<&str>) -> Vec<Value> {
        let key = commands_key(scope.as_ref(), language_code);
        self.lock()
            .commands
            .get(&key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    }

    /// The menu button last set for a chat (`None` = the default button).
    pub fn menu_button(&self, chat_id: Option<i64>) -> Option<Value> {
        self.lock().menu_buttons.get(&chat_id).cloned()
    }

    // ---- faults --------------------------------------------------------------

    /// The next `n` calls of `method` (case-insensitive; `"*"` = any method)
    /// answer with `fault` instead of being executed. Method-specific faults
    /// are used before `"*"` ones.
    pub fn fail_next(&self, method: &str, n: usize, fault: Fault) {
        self.with_inner(|inner| {
            inner
                .faults
                .entry(method.to_ascii_lowercase())
                .or_default()
                .extend(std::iter::repeat_n(fault, n));
        });
    }

    /// Every call with this `chat_id` answers 403 "bot was blocked by the user".
    pub fn block_user(&self, chat_id: i64) {
        self.with_inner(|inner| inner.blocked.insert(chat_id));
    }

    /// Undoes [`Self::block_user`].
    pub fn unblock_user(&self, chat_id: i64) {
        self.with_inner(|inner| inner.blocked.remove(&chat_id));
    }

    /// While set, message-sending calls (sendMessage, sendPhoto, ...) to
    /// `chat_id` are recorded (outcome `Pending`) but never answered. When
    /// unset (or on shutdown) the held requests are dropped without being
    /// executed (the bot sees a network error), so a bot killed meanwhile
    /// never gets its message delivered.
    pub fn hang_sends_to(&self, chat_id: i64, hang: bool) {
        self.with_inner(|inner| {
            if hang {
                inner.hung.insert(chat_id);
            } else {
                inner.hung.remove(&chat_id);
            }
        });
    }

    /// Enforces Telegram-like flood limits on message-sending methods (sliding
    /// one-second windows, with 100 ms of slack for network jitter): a send
    /// over the limit answers 429 with `retry_after` and is not executed.
    /// `None` switches them off.
    pub fn enforce_limits(&self, limits: Option<Limits>) {
        self.with_inner(|inner| {
            inner.limits = limits;
            inner.send_log.clear();
        });
    }

    /// How many 429 answers were given (scripted faults and limits).
    pub fn count_429(&self) -> usize {
        self.lock().count_429
    }
}

// ---------------------------------------------------------------------------
// Request handling
// ---------------------------------------------------------------------------

enum Reply {
    Json {
        status: StatusCode,
        body: Value,
    },
    Drop,
    Hang {
        chat_id: i64,
    },
    LongPoll {
        limit: usize,
        deadline: Instant,
        generation: u64,
    },
}

fn ok(result: Value) -> Reply {
    Reply::Json {
        status: StatusCode::OK,
        body: json!({ "ok": true, "result": result }),
    }
}

fn api_error(code: u16, description: &str) -> Reply {
    Reply::Json {
        status: StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST),
        body: json!({ "ok": false, "error_code": code, "description": description }),
    }
}

fn too_many_requests(retry_after: u32) -> Reply {
    Reply::Json {
        status: StatusCode::TOO_MANY_REQUESTS,
        body: json!({
            "ok": false,
            "error_code": 429,
            "description": format!("Too Many Requests: retry after {retry_after}"),
            "parameters": { "retry_after": retry_after },
        }),
    }
}

fn fault_reply(fault: Fault) -> Reply {
    match fault {
        Fault::TooManyRequests { retry_after } => too_many_requests(retry_after),
        Fault::Forbidden => api_error(403, ERR_BLOCKED),
        Fault::ServerError => api_error(500, "Internal Server Error"),
        Fault::NetworkDrop => Reply::Drop,
    }
}

async fn handle_request(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(conn): ConnectInfo<ConnMeta>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let segments: Vec<String> = uri
        .path()
        .split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect();

    // File downloads: GET {url}file/bot{token}/{file_path}
    if let Some(pos) = segments.iter().position(|s| s == "file")
        && segments.get(pos + 1).is_some_and(|s| s.starts_with("bot"))
        && segments.len() > pos + 2
    {
        let path = segments[pos + 2..].join("/");
        return (
            [(header::CONTENT_TYPE, "application/octet-stream")],
            format!("fake file content of {path}"),
        )
            .into_response();
    }

    let n = segments.len();
    if n < 2 || !segments[n - 2].starts_with("bot") {
        return reply_response(api_error(404, "Not Found"), &conn);
    }
    let token = segments[n - 2]["bot".len()..].to_owned();
    let method = canonical_method(&segments[n - 1]);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let params = parse_params(&uri, content_type.as_deref(), &body);
    tracing::debug!(peer = %conn.peer, %method, %params, "fake Bot API call");

    let now = Instant::now();
    let (seq, reply) = {
        let mut inner = shared.lock();
        let seq = inner.calls.len();
        inner.calls.push(ApiCall {
            seq,
            method: method.clone(),
            token,
            params: params.clone(),
            content_type,
            received_at: now,
            outcome: CallOutcome::Pending,
            result: None,
        });
        let reply = inner.dispatch(&method, &params, now);
        if !matches!(reply, Reply::Hang { .. } | Reply::LongPoll { .. }) {
            inner.finish_call(seq, &reply);
        }
        (seq, reply)
    };
    shared.changed.notify_waiters();

    let reply = match reply {
        Reply::Hang { chat_id } => {
            hold_while_hung(&shared, chat_id).await;
            Reply::Drop
        }
        Reply::LongPoll {
            limit,
            deadline,
            generation,
        } => long_poll(&shared, limit, deadline, generation).await,
        Reply::Json { .. } | Reply::Drop => return reply_response(reply, &conn),
    };
    shared.lock().finish_call(seq, &reply);
    shared.changed.notify_waiters();
    reply_response(reply, &conn)
}

fn reply_response(reply: Reply, conn: &ConnMeta) -> Response {
    match reply {
        Reply::Json { status, body } => (status, Json(body)).into_response(),
        _ => {
            // Make the connection fail on its next read/write: the response
            // below is never delivered and the client sees a closed connection.
            conn.kill.store(true, Ordering::SeqCst);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn hold_while_hung(shared: &Shared, chat_id: i64) {
    loop {
        let mut notified = pin!(shared.changed.notified());
        notified.as_mut().enable();
        {
            let inner = shared.lock();
            if inner.shutting_down || !inner.hung.contains(&chat_id) {
                return;
            }
        }
        notified.await;
    }
}

async fn long_poll(shared: &Shared, limit: usize, deadline: Instant, generation: u64) -> Reply {
    loop {
        let mut notified = pin!(shared.changed.notified());
        notified.as_mut().enable();
        {
            let mut inner = shared.lock();
            if inner.shutting_down {
                return ok(json!([]));
            }
            if inner.poll_generation != generation {
                return api_error(409, ERR_CONFLICT);
            }
            let updates = inner.collect_updates(limit);
            if !updates.is_empty() || Instant::now() >= deadline {
                return ok(Value::Array(updates));
            }
        }
        let _ = tokio::time::timeout_at(deadline.into(), notified).await;
    }
}

impl Inner {
    fn new() -> Self {
        Inner {
            shutting_down: false,
            next_update_id: 1,
            queue: VecDeque::new(),
            all_updates: HashMap::new(),
            redeliveries: VecDeque::new(),
            confirmed_offset: 0,
            poll_generation: 0,
            allowed_updates: None,
            webhook_url: String::new(),
            calls: Vec::new(),
            chats: HashMap::new(),
            versions: Vec::new(),
            users: HashMap::new(),
            faults: HashMap::new(),
            blocked: HashSet::new(),
            hung: HashSet::new(),
            limits: None,
            send_log: VecDeque::new(),
            count_429: 0,
            next_callback_id: 0,
            next_file_id: 0,
            callback_ids_sent: Vec::new(),
            answered_callback_ids: Vec::new(),
            commands: HashMap::new(),
            menu_buttons: HashMap::new(),
        }
    }

    fn finish_call(&mut self, seq: usize, reply: &Reply) {
        let (outcome, result) = match reply {
            Reply::Json { body, .. } if body["ok"] == json!(true) => {
                (CallOutcome::Ok, body.get("result").cloned())
            }
            Reply::Json { status, body } => {
                let code = body
                    .get("error_code")
                    .and_then(Value::as_u64)
                    .and_then(|c| u16::try_from(c).ok())
                    .unwrap_or(status.as_u16());
                let description = body
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                (CallOutcome::Error { code, description }, None)
            }
            Reply::Drop => (CallOutcome::Dropped, None),
            Reply::Hang { .. } | Reply::LongPoll { .. } => (CallOutcome::Pending, None),
        };
        if matches!(outcome, CallOutcome::Error { code: 429, .. }) {
            self.count_429 += 1;
        }
        if let Some(call) = self.calls.get_mut(seq) {
            call.outcome = outcome;
            call.result = result;
        }
    }

    fn take_fault(&mut self, method_lc: &str) -> Option<Fault> {
        for key in [method_lc, "*"] {
            if let Some(queue) = self.faults.get_mut(key)
                && let Some(fault) = queue.pop_front()
            {
                return Some(fault);
            }
        }
        None
    }

    /// Sliding-window flood control; records the send when it is allowed.
    fn check_limits(&mut self, chat_id: i64, now: Instant) -> Option<u32> {
        let limits = self.limits?;
        let window = LIMIT_WINDOW - LIMIT_TOLERANCE;
        while let Some((t, _)) = self.send_log.front()
            && now.saturating_duration_since(*t) >= window
        {
            self.send_log.pop_front();
        }
        let retry_after = |oldest: Instant| {
            let left = LIMIT_WINDOW.saturating_sub(now.saturating_duration_since(oldest));
            u32::try_from(left.as_millis().div_ceil(1000))
                .unwrap_or(1)
                .max(1)
        };
        let in_chat: Vec<Instant> = self
            .send_log
            .iter()
            .filter(|(_, c)| *c == chat_id)
            .map(|(t, _)| *t)
            .collect();
        if in_chat.len() >= limits.per_chat_per_sec as usize {
            return Some(in_chat.first().map_or(1, |t| retry_after(*t)));
        }
        if self.send_log.len() >= limits.overall_per_sec as usize {
            return Some(self.send_log.front().map_or(1, |(t, _)| retry_after(*t)));
        }
        self.send_log.push_back((now, chat_id));
        None
    }

    fn dispatch(&mut self, method: &str, params: &Value, now: Instant) -> Reply {
        let lc = method.to_ascii_lowercase();
        if let Some(fault) = self.take_fault(&lc) {
            return fault_reply(fault);
        }
        let chat_id = param_i64(params, "chat_id");
        if let Some(chat_id) = chat_id
            && self.blocked.contains(&chat_id)
        {
            return api_error(403, ERR_BLOCKED);
        }
        if is_send_method(&lc) {
            let Some(chat_id) = chat_id else {
                return match param(params, "chat_id") {
                    Some(_) => api_error(400, ERR_CHAT_NOT_FOUND),
                    None => api_error(400, "Bad Request: chat_id is empty"),
                };
            };
            if self.hung.contains(&chat_id) {
                return Reply::Hang { chat_id };
            }
            if let Some(retry_after) = self.check_limits(chat_id, now) {
                return too_many_requests(retry_after);
            }
        }

        match lc.as_str() {
            "getme" => ok(me_json()),
            "getwebhookinfo" => ok(json!({
                "url": self.webhook_url,
                "has_custom_certificate": false,
                "pending_update_count": self.queue.len(),
            })),
            "setwebhook" => {
                self.webhook_url = param_string(params, "url").unwrap_or_default();
                ok(json!(true))
            }
            "deletewebhook" => {
                self.webhook_url.clear();
                if param_bool(params, "drop_pending_updates") {
                    self.queue.clear();
                    self.redeliveries.clear();
                }
                ok(json!(true))
            }
            "getupdates" => {
                let offset = param_i64(params, "offset").unwrap_or(0);
                let limit = param_i64(params, "limit").unwrap_or(100).clamp(1, 100);
                let timeout = param_i64(params, "timeout").unwrap_or(0).clamp(0, 3600);
                if let Some(allowed) = param(params, "allowed_updates").and_then(Value::as_array) {
                    let allowed: Vec<String> = allowed
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect();
                    self.allowed_updates = (!allowed.is_empty()).then_some(allowed);
                }
                self.confirm(offset);
                self.poll_generation += 1;
                Reply::LongPoll {
                    limit: usize::try_from(limit).unwrap_or(100),
                    deadline: now + Duration::from_secs(u64::try_from(timeout).unwrap_or(0)),
                    generation: self.poll_generation,
                }
            }
            "sendmessage" => {
                let text = param_string(params, "text").unwrap_or_default();
                if text.trim().is_empty() {
                    return api_error(400, ERR_TEXT_EMPTY);
                }
                let chat_id = chat_id.unwrap_or_default();
                ok(self.new_bot_message(method, chat_id, params, |m| {
                    m.insert("text".into(), json!(text));
                }))
            }
            "sendphoto" => {
                let chat_id = chat_id.unwrap_or_default();
                let photo = self.photo_sizes("botphoto");
                ok(self.new_bot_message(method, chat_id, params, |m| {
                    m.insert("photo".into(), photo);
                }))
            }
            "senddocument" => {
                let chat_id = chat_id.unwrap_or_default();
                self.next_file_id += 1;
                let n = self.next_file_id;
                let (file_name, size) = uploaded_file(params, "document");
                ok(self.new_bot_message(method, chat_id, params, |m| {
                    m.insert(
                        "document".into(),
                        json!({
                            "file_id": format!("botdoc-{n}"),
                            "file_unique_id": format!("ubotdoc{n}"),
                            "file_size": size,
                            "file_name": file_name,
                        }),
                    );
                }))
            }
            "editmessagetext" | "editmessagecaption" | "editmessagereplymarkup" => {
                self.edit_message(&lc, params)
            }
            "deletemessage" => {
                let (Some(chat_id), Some(message_id)) = (chat_id, param_i64(params, "message_id"))
                else {
                    return api_error(400, ERR_DELETE_NOT_FOUND);
                };
                match self
                    .chats
                    .get_mut(&chat_id)
                    .and_then(|c| c.messages.remove(&message_id))
                {
                    Some(_) => ok(json!(true)),
                    None => api_error(400, ERR_DELETE_NOT_FOUND),
                }
            }
            "deletemessages" => {
                if let (Some(chat_id), Some(ids)) = (
                    chat_id,
                    param(params, "message_ids").and_then(Value::as_array),
                ) && let Some(chat) = self.chats.get_mut(&chat_id)
                {
                    for id in ids.iter().filter_map(value_i64) {
                        chat.messages.remove(&id);
                    }
                }
                ok(json!(true))
            }
            "answercallbackquery" => {
                if let Some(id) = param_string(params, "callback_query_id") {
                    self.answered_callback_ids.push(id);
                }
                ok(json!(true))
            }
            "setmycommands" => {
                let key = commands_key(
                    param(params, "scope"),
                    param_string(params, "language_code").as_deref(),
                );
                let commands = param(params, "commands").cloned().unwrap_or(json!([]));
                self.commands.insert(key, commands);
                ok(json!(true))
            }
            "deletemycommands" => {
                let key = commands_key(
                    param(params, "scope"),
                    param_string(params, "language_code").as_deref(),
                );
                self.commands.remove(&key);
                ok(json!(true))
            }
            "getmycommands" => {
                let key = commands_key(
                    param(params, "scope"),
                    param_string(params, "language_code").as_deref(),
                );
                ok(self.commands.get(&key).cloned().unwrap_or(json!([])))
            }
            "setchatmenubutton" => {
                match param(params, "menu_button") {
                    Some(button) => self.menu_buttons.insert(chat_id, button.clone()),
                    None => self.menu_buttons.remove(&chat_id),
                };
                ok(json!(true))
            }
            "getchatmenubutton" => ok(self
                .menu_buttons
                .get(&chat_id)
                .or_else(|| self.menu_buttons.get(&None))
                .cloned()
                .unwrap_or(json!({ "type": "default" }))),
            "getfile" => {
                let file_id = param_string(params, "file_id").unwrap_or_default();
                ok(json!({
                    "file_id": file_id,
                    "file_unique_id": format!("u{file_id}"),
                    "file_size": 1024,
                    "file_path": format!("files/{file_id}"),
                }))
            }
            _ => ok(json!(true)),
        }
    }

    fn confirm(&mut self, offset: i64) {
        if offset > 0 {
            self.queue.retain(|(id, _)| *id >= offset);
            self.confirmed_offset = self.confirmed_offset.max(offset);
        } else if offset < 0 {
            let keep = usize::try_from(offset.unsigned_abs()).unwrap_or(usize::MAX);
            while self.queue.len() > keep {
                self.queue.pop_front();
            }
        }
    }

    fn collect_updates(&mut self, limit: usize) -> Vec<Value> {
        if let Some(allowed) = &self.allowed_updates {
            self.queue.retain(|(_, update)| {
                let kind = update_kind(update);
                let keep = allowed.iter().any(|a| a == kind);
                if !keep {
                    tracing::debug!(kind, "fake Bot API drops update not in allowed_updates");
                }
                keep
            });
        }
        let mut out = Vec::new();
        while out.len() < limit
            && let Some(update) = self.redeliveries.pop_front()
        {
            out.push(update);
        }
        out.extend(
            self.queue
                .iter()
                .take(limit - out.len())
                .map(|(_, update)| update.clone()),
        );
        out
    }

    fn push_update(&mut self, kind: &str, payload: Value) -> i64 {
        let mut update = Map::new();
        update.insert(kind.to_owned(), payload);
        self.push_update_map(update)
    }

    fn push_update_map(&mut self, fields: Map<String, Value>) -> i64 {
        let id = self.next_update_id;
        self.next_update_id += 1;
        let mut update = Map::new();
        update.insert("update_id".into(), json!(id));
        update.extend(fields);
        let update = Value::Object(update);
        self.all_updates.insert(id, update.clone());
        self.queue.push_back((id, update));
        id
    }

    fn next_message_id(&mut self, chat_id: i64) -> i64 {
        let chat = self.chats.entry(chat_id).or_default();
        if chat.next_message_id < FIRST_MESSAGE_ID {
            chat.next_message_id = FIRST_MESSAGE_ID;
        }
        let id = chat.next_message_id;
        chat.next_message_id += 1;
        id
    }

    fn user_message(&mut self, from: &FakeUser) -> Map<String, Value> {
        self.users.insert(from.id, from.clone());
        let mut message = Map::new();
        message.insert("message_id".into(), json!(self.next_message_id(from.id)));
        message.insert("from".into(), from.to_json());
        message.insert("chat".into(), from.private_chat_json());
        message.insert("date".into(), json!(unix_now()));
        message
    }

    fn photo_sizes(&mut self, prefix: &str) -> Value {
        self.next_file_id += 1;
        let n = self.next_file_id;
        json!([
            {
                "file_id": format!("{prefix}-{n}-s"),
                "file_unique_id": format!("u{prefix}{n}s"),
                "file_size": 1_234,
                "width": 90,
                "height": 67,
            },
            {
                "file_id": format!("{prefix}-{n}-m"),
                "file_unique_id": format!("u{prefix}{n}m"),
                "file_size": 123_456,
                "width": 1280,
                "height": 960,
            }
        ])
    }

    fn chat_json(&self, chat_id: i64) -> Value {
        if let Some(user) = self.users.get(&chat_id) {
            return user.private_chat_json();
        }
        if chat_id > 0 {
            json!({ "id": chat_id, "type": "private", "first_name": format!("User {chat_id}") })
        } else if chat_id <= -1_000_000_000_000 {
            json!({ "id": chat_id, "type": "supergroup", "title": format!("Group {chat_id}") })
        } else {
            json!({ "id": chat_id, "type": "group", "title": format!("Group {chat_id}") })
        }
    }

    fn new_bot_message(
        &mut self,
        method: &str,
        chat_id: i64,
        params: &Value,
        fill: impl FnOnce(&mut Map<String, Value>),
    ) -> Value {
        let message_id = self.next_message_id(chat_id);
        let mut message = Map::new();
        message.insert("message_id".into(), json!(message_id));
        message.insert("from".into(), bot_user_json());
        message.insert("chat".into(), self.chat_json(chat_id));
        message.insert("date".into(), json!(unix_now()));
        fill(&mut message);
        let caption = param_string(params, "caption");
        if message.contains_key("photo") || message.contains_key("document") {
            if let Some(caption) = &caption {
                message.insert("caption".into(), json!(caption));
            }
            if let Some(entities) = param(params, "caption_entities") {
                message.insert("caption_entities".into(), entities.clone());
            }
        } else if let Some(entities) = param(params, "entities") {
            message.insert("entities".into(), entities.clone());
        }
        let reply_markup = param(params, "reply_markup").cloned();
        set_inline_markup(&mut message, reply_markup.as_ref());
        let bot = BotMessage {
            message_id,
            chat_id,
            text: message
                .get("text")
                .and_then(Value::as_str)
                .map(str::to_owned),
            caption: message
                .get("caption")
                .and_then(Value::as_str)
                .map(str::to_owned),
            reply_markup,
            parse_mode: param_string(params, "parse_mode"),
            method: method.to_owned(),
        };
        let json = Value::Object(message);
        self.versions.push(bot.clone());
        self.chats.entry(chat_id).or_default().messages.insert(
            message_id,
            StoredMessage {
                bot,
                json: json.clone(),
            },
        );
        json
    }

    fn edit_message(&mut self, method_lc: &str, params: &Value) -> Reply {
        if param(params, "inline_message_id").is_some() {
            return ok(json!(true));
        }
        let Some(chat_id) = param_i64(params, "chat_id") else {
            return api_error(400, "Bad Request: chat_id is empty");
        };
        let Some(message_id) = param_i64(params, "message_id") else {
            return api_error(400, "Bad Request: message identifier is not specified");
        };
        let Some(stored) = self
            .chats
            .get_mut(&chat_id)
            .and_then(|c| c.messages.get_mut(&message_id))
        else {
            return api_error(400, ERR_EDIT_NOT_FOUND);
        };
        let markup = param(params, "reply_markup").cloned();
        let mut bot = stored.bot.clone();
        match method_lc {
            "editmessagetext" => {
                let text = param_string(params, "text").unwrap_or_default();
                if text.trim().is_empty() {
                    return api_error(400, ERR_TEXT_EMPTY);
                }
                if bot.text.is_none() {
                    return api_error(400, "Bad Request: there is no text in the message to edit");
                }
                bot.text = Some(text);
                bot.parse_mode = param_string(params, "parse_mode");
                bot.reply_markup = markup;
            }
            "editmessagecaption" => {
                if bot.text.is_some() {
                    return api_error(
                        400,
                        "Bad Request: there is no caption in the message to edit",
                    );
                }
                bot.caption = param_string(params, "caption");
                bot.parse_mode = param_string(params, "parse_mode");
                bot.reply_markup = markup;
            }
            _ => bot.reply_markup = markup,
        }
        let same_markup = inline_markup(bot.reply_markup.as_ref())
            == inline_markup(stored.bot.reply_markup.as_ref());
        if bot.text == stored.bot.text && bot.caption == stored.bot.caption && same_markup {
            return api_error(400, ERR_NOT_MODIFIED);
        }
        let Value::Object(message) = &mut stored.json else {
            unreachable!("stored messages are objects");
        };
        if let Some(text) = &bot.text {
            message.insert("text".into(), json!(text));
            match param(params, "entities") {
                Some(entities) => message.insert("entities".into(), entities.clone()),
                None => message.remove("entities"),
            };
        }
        match &bot.caption {
            Some(caption) => message.insert("caption".into(), json!(caption)),
            None => message.remove("caption"),
        };
        set_inline_markup(message, bot.reply_markup.as_ref());
        message.insert("edit_date".into(), json!(unix_now()));
        stored.bot = bot.clone();
        let json = stored.json.clone();
        self.versions.push(bot);
        ok(json)
    }

    fn messages_to(&self, chat_id: i64) -> Vec<BotMessage> {
        self.chats
            .get(&chat_id)
            .map(|c| c.messages.values().map(|m| m.bot.clone()).collect())
            .unwrap_or_default()
    }
}

/// Only inline keyboards appear in a `Message` (teloxide's
/// `Message::reply_markup` is an `InlineKeyboardMarkup`; anything else there
/// would make the whole message fail to parse as a common message).
fn inline_markup(markup: Option<&Value>) -> Option<&Value> {
    markup.filter(|m| m.get("inline_keyboard").is_some())
}

fn set_inline_markup(message: &mut Map<String, Value>, markup: Option<&Value>) {
    match inline_markup(markup) {
        Some(markup) => message.insert("reply_markup".into(), markup.clone()),
        None => message.remove("reply_markup"),
    };
}

fn me_json() -> Value {
    json!({
        "id": FAKE_BOT_ID,
        "is_bot": true,
        "first_name": FAKE_BOT_FIRST_NAME,
        "username": FAKE_BOT_USERNAME,
        "can_join_groups": true,
        "can_read_all_group_messages": false,
        "supports_inline_queries": false,
        "can_connect_to_business": false,
        "has_main_web_app": false,
    })
}

fn bot_user_json() -> Value {
    json!({
        "id": FAKE_BOT_ID,
        "is_bot": true,
        "first_name": FAKE_BOT_FIRST_NAME,
        "username": FAKE_BOT_USERNAME,
    })
}

fn update_kind(update: &Value) -> &str {
    update
        .as_object()
        .and_then(|o| o.keys().find(|k| *k != "update_id"))
        .map_or("", String::as_str)
}

fn commands_key(scope: Option<&Value>, language_code: Option<&str>) -> String {
    let scope = match scope {
        None => "default".to_owned(),
        Some(scope) if scope.get("type").and_then(Value::as_str) == Some("default") => {
            "default".to_owned()
        }
        Some(scope) => scope.to_string(),
    };
    format!("{scope}|{}", language_code.unwrap_or(""))
}

fn is_send_method(lc: &str) -> bool {
    (lc.starts_with("send") && lc != "sendchataction")
        || matches!(
            lc,
            "copymessage" | "copymessages" | "forwardmessage" | "forwardmessages"
        )
}

fn method_matches(method: &str, wanted: &str) -> bool {
    wanted == "*" || method.eq_ignore_ascii_case(wanted)
}

fn canonical_method(raw: &str) -> String {
    KNOWN_METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(raw))
        .map_or_else(|| raw.to_owned(), |m| (*m).to_owned())
}

#[allow(clippy::disallowed_methods)] // the fake Telegram stamps messages with wall time, as Telegram does
fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
        .unwrap_or(0)
}

/// The name and size of the file uploaded for `field` (multipart), if any.
fn uploaded_file(params: &Value, field: &str) -> (String, u64) {
    let files = param(params, "_files").and_then(Value::as_array);
    let attach =
        param_string(params, field).and_then(|v| v.strip_prefix("attach://").map(str::to_owned));
    let file = files.and_then(|files| {
        files
            .iter()
            .find(|f| {
                let name = f.get("field").and_then(Value::as_str);
                name == Some(field) || (attach.is_some() && name == attach.as_deref())
            })
            .or_else(|| files.first())
    });
    match file {
        Some(f) => (
            f.get("filename")
                .and_then(Value::as_str)
                .unwrap_or(field)
                .to_owned(),
            f.get("size").and_then(Value::as_u64).unwrap_or(0),
        ),
        None => (field.to_owned(), 1024),
    }
}

// ---------------------------------------------------------------------------
// Parameter parsing
// ---------------------------------------------------------------------------

fn param<'a>(params: &'a Value, key: &str) -> Option<&'a Value> {
    params.get(key).filter(|v| !v.is_null())
}

fn value_i64(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn param_i64(params: &Value, key: &str) -> Option<i64> {
    param(params, key).and_then(value_i64)
}

fn param_string(params: &Value, key: &str) -> Option<String> {
    match param(params, key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn param_bool(params: &Value, key: &str) -> bool {
    match param(params, key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    }
}

/// Fields that carry JSON when sent as form or multipart strings.
const JSON_FIELDS: &[&str] = &[
    "reply_markup",
    "entities",
    "caption_entities",
    "commands",
    "scope",
    "menu_button",
    "allowed_updates",
    "link_preview_options",
    "reply_parameters",
    "media",
    "message_ids",
];

fn parse_params(uri: &Uri, content_type: Option<&str>, body: &[u8]) -> Value {
    let mut params = Map::new();
    if let Some(query) = uri.query() {
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            params.insert(k.into_owned(), Value::String(v.into_owned()));
        }
    }
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.starts_with("multipart/form-data") {
        params.extend(parse_multipart(content_type.unwrap_or(""), body));
    } else if ct.starts_with("application/x-www-form-urlencoded") {
        for (k, v) in url::form_urlencoded::parse(body) {
            params.insert(k.into_owned(), Value::String(v.into_owned()));
        }
    } else if !body.iter().all(u8::is_ascii_whitespace) {
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => params.extend(map),
            Ok(other) => {
                params.insert("_body".into(), other);
            }
            Err(_) => {
                params.insert(
                    "_raw".into(),
                    Value::String(String::from_utf8_lossy(body).into_owned()),
                );
            }
        }
    }
    for key in JSON_FIELDS {
        if let Some(Value::String(s)) = params.get(*key)
            && let Ok(parsed) = serde_json::from_str::<Value>(s)
            && (parsed.is_object() || parsed.is_array())
        {
            params.insert((*key).to_owned(), parsed);
        }
    }
    Value::Object(params)
}

/// Minimal `multipart/form-data` reader: text fields become strings, file
/// parts are listed under `_files`.
fn parse_multipart(content_type: &str, body: &[u8]) -> Map<String, Value> {
    let mut fields = Map::new();
    let boundary = content_type
        .split(';')
        .find_map(|p| {
            let (k, v) = p.trim().split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("boundary")
                .then(|| v.trim().trim_matches('"').to_owned())
        })
        .unwrap_or_default();
    if boundary.is_empty() {
        return fields;
    }
    let delimiter = format!("--{boundary}");
    let mut files = Vec::new();
    for part in split_bytes(body, delimiter.as_bytes()).into_iter().skip(1) {
        if part.starts_with(b"--") {
            break;
        }
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let Some(header_end) = find_bytes(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..header_end]);
        let content = &part[header_end + 4..];
        let content = content.strip_suffix(b"\r\n").unwrap_or(content);
        let mut name = None;
        let mut filename = None;
        for line in head.lines() {
            let Some((header_name, value)) = line.split_once(':') else {
                continue;
            };
            if !header_name
                .trim()
                .eq_ignore_ascii_case("content-disposition")
            {
                continue;
            }
            for attr in value.split(';') {
                if let Some((k, v)) = attr.trim().split_once('=') {
                    let v = v.trim().trim_matches('"').to_owned();
                    match k.trim().to_ascii_lowercase().as_str() {
                        "name" => name = Some(v),
                        "filename" => filename = Some(v),
                        _ => {}
                    }
                }
            }
        }
        let Some(name) = name else { continue };
        match filename {
            Some(filename) => files.push(json!({
                "field": name,
                "filename": filename,
                "size": content.len(),
            })),
            None => {
                fields.insert(
                    name,
                    Value::String(String::from_utf8_lossy(content).into_owned()),
                );
            }
        }
    }
    if !files.is_empty() {
        fields.insert("_files".into(), Value::Array(files));
    }
    fields
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split_bytes<'a>(mut haystack: &'a [u8], needle: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while let Some(pos) = find_bytes(haystack, needle) {
        parts.push(&haystack[..pos]);
        haystack = &haystack[pos + needle.len()..];
    }
    parts.push(haystack);
    parts
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(byte) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

// ---------------------------------------------------------------------------
// A listener whose connections can be killed from a handler
// ---------------------------------------------------------------------------

/// Per-connection info handed to handlers: setting `kill` makes the
/// connection fail on its next read or write, so the client gets no answer.
#[derive(Clone, Debug)]
struct ConnMeta {
    peer: SocketAddr,
    kill: Arc<AtomicBool>,
}

impl Connected<IncomingStream<'_, KillableListener>> for ConnMeta {
    fn connect_info(stream: IncomingStream<'_, KillableListener>) -> Self {
        stream.remote_addr().clone()
    }
}

struct KillableListener {
    inner: TcpListener,
}

impl Listener for KillableListener {
    type Io = KillableStream;
    type Addr = ConnMeta;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.inner.accept().await {
                Ok((stream, peer)) => {
                    let _ = stream.set_nodelay(true);
                    let kill = Arc::new(AtomicBool::new(false));
                    return (
                        KillableStream {
                            stream,
                            kill: kill.clone(),
                        },
                        ConnMeta { peer, kill },
                    );
                }
                Err(error) => {
                    tracing::debug!(%error, "fake Bot API accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(ConnMeta {
            peer: self.inner.local_addr()?,
            kill: Arc::default(),
        })
    }
}

struct KillableStream {
    stream: TcpStream,
    kill: Arc<AtomicBool>,
}

impl KillableStream {
    fn check(&self) -> io::Result<()> {
        if self.kill.load(Ordering::SeqCst) {
            Err(io::Error::new(
                io::ErrorKind::ConnectionReset,
                "connection dropped by the fake Bot API",
            ))
        } else {
            Ok(())
        }
    }
}

impl AsyncRead for KillableStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if let Err(e) = this.check() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut this.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for KillableStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if let Err(e) = this.check() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut this.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if let Err(e) = this.check() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut this.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if let Err(e) = this.check() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut this.stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

// ---------------------------------------------------------------------------
// Tests: a real teloxide `Bot` against the fake, plus unit tests of the
// internals.
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    use std::time::{Duration, Instant};

    use serde_json::json;
    use teloxide::adaptors::throttle::Limits as ThrottleLimits;
    use teloxide::dispatching::{Dispatcher, UpdateFilterExt};
    use teloxide::dptree;
    use teloxide::net::Download;
    use teloxide::payloads::{
        EditMessageCaptionSetters, EditMessageReplyMarkupSetters, GetChatMenuButtonSetters,
        GetMyCommandsSetters, GetUpdatesSetters, SendMessageSetters, SendPhotoSetters,
        SetChatMenuButtonSetters, SetMyCommandsSetters,
    };
    use teloxide::requests::{Requester, RequesterExt};
    use teloxide::types::{
        BotCommand, ButtonRequest, CallbackQuery, ChatAction, ChatId, FileId, InlineKeyboardButton,
        InlineKeyboardMarkup, InputFile, KeyboardButton, KeyboardMarkup, MenuButton, Message,
        MessageEntityKind, MessageId, ParseMode, Update, UpdateKind, UserId,
    };
    use teloxide::{ApiError, Bot, RequestError, respond};

    const WAIT: Duration = Duration::from_secs(3);

    async fn setup() -> (FakeBotApi, Bot) {
        let fake = FakeBotApi::start().await.expect("start fake Bot API");
        let bot = Bot::new("123:TEST").set_api_url(fake.url());
        (fake, bot)
    }

    fn order_keyboard() -> InlineKeyboardMarkup {
        InlineKeyboardMarkup::new(vec![
            vec![
                InlineKeyboardButton::callback("Pesan 🍜", "order:1"),
                InlineKeyboardButton::callback("Batal", "cancel"),
            ],
            vec![InlineKeyboardButton::url(
                "Situs",
                "https://example.org/".parse().unwrap(),
            )],
        ])
    }

    fn bot_id() -> UserId {
        UserId(u64::try_from(FAKE_BOT_ID).unwrap())
    }

    #[tokio::test]
    async fn get_me_and_webhook_info() {
        let (fake, bot) = setup().await;
        assert_eq!(
            fake.url().as_str(),
            format!("http://{}/", fake.local_addr())
        );

        let me = bot.get_me().await.unwrap();
        assert_eq!(me.id, bot_id());
        assert_eq!(me.id.0, u64::try_from(fake.bot_user_id()).unwrap());
        assert!(me.is_bot);
        assert_eq!(me.username(), FAKE_BOT_USERNAME);
        assert_eq!(fake.bot_username(), FAKE_BOT_USERNAME);

        let info = bot.get_webhook_info().await.unwrap();
        assert!(info.url.is_none());
        bot.delete_webhook().await.unwrap();

        let calls = fake.calls();
        let methods: Vec<&str> = calls.iter().map(|c| c.method.as_str()).collect();
        assert_eq!(methods, ["getMe", "getWebhookInfo", "deleteWebhook"]);
        assert!(calls.iter().all(|c| c.is_ok() && c.token == "123:TEST"));
        assert_eq!(calls[0].result.as_ref().unwrap()["id"], json!(FAKE_BOT_ID));
    }

    #[tokio::test]
    async fn send_message_with_inline_keyboard_is_recorded() {
        let (fake, bot) = setup().await;
        let markup = order_keyboard();
        let sent = bot
            .send_message(ChatId(42), "<b>Nasi &amp; Mie</b>")
            .parse_mode(ParseMode::Html)
            .reply_markup(markup.clone())
            .await
            .unwrap();
        // teloxide parsed a common text message, with the keyboard.
        assert_eq!(sent.id, MessageId(1000));
        assert_eq!(sent.chat.id, ChatId(42));
        assert!(sent.chat.is_private());
        assert_eq!(sent.from.as_ref().unwrap().id, bot_id());
        assert_eq!(sent.text(), Some("<b>Nasi &amp; Mie</b>"));
        assert_eq!(sent.reply_markup(), Some(&markup));

        let messages = fake.messages_to(42);
        assert_eq!(messages.len(), 1);
        let m = &messages[0];
        assert_eq!(m.message_id, 1000);
        assert_eq!(m.chat_id, 42);
        assert_eq!(m.method, "sendMessage");
        assert_eq!(m.text.as_deref(), Some("<b>Nasi &amp; Mie</b>"));
        assert_eq!(m.parse_mode.as_deref(), Some("HTML"));
        assert_eq!(
            m.inline_buttons(),
            vec![
                ("Pesan 🍜".to_owned(), "order:1".to_owned()),
                ("Batal".to_owned(), "cancel".to_owned()),
            ]
        );
        assert_eq!(m.button_data("Pesan").as_deref(), Some("order:1"));
        assert_eq!(m.button_data("Tidak ada"), None);
        assert_eq!(m.inline_button_values().len(), 3);
        assert_eq!(fake.last_message_to(42).as_ref(), Some(m));
        assert!(fake.messages_to(43).is_empty());

        let calls = fake.calls_to("SENDMESSAGE");
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].chat_id(), Some(42));
        assert_eq!(calls[0].param_str("parse_mode").as_deref(), Some("HTML"));
        assert_eq!(calls[0].outcome, CallOutcome::Ok);

        // A reply keyboard is kept for the test but is not echoed in the returned
        // Message (teloxide only accepts inline keyboards there).
        let contact_keyboard = KeyboardMarkup::new(vec![vec![
            KeyboardButton::new("Bagikan nomor").request(ButtonRequest::Contact),
        ]])
        .resize_keyboard();
        let sent = bot
            .send_message(ChatId(42), "Kirim nomor Anda")
            .reply_markup(contact_keyboard)
            .await
            .unwrap();
        assert_eq!(sent.text(), Some("Kirim nomor Anda"));
        assert_eq!(sent.id, MessageId(1001));
        let m = fake.last_message_to(42).unwrap();
        let buttons = m.keyboard_buttons();
        assert_eq!(buttons.len(), 1);
        assert_eq!(buttons[0]["text"], json!("Bagikan nomor"));
        assert_eq!(buttons[0]["request_contact"], json!(true));
        assert!(m.inline_buttons().is_empty());
    }

    #[tokio::test]
    async fn edits_and_deletes_apply() {
        let (fake, bot) = setup().await;
        let sent = bot
            .send_message(ChatId(42), "Pilih menu")
            .reply_markup(order_keyboard())
            .await
            .unwrap();

        let edited = bot
            .edit_message_text(ChatId(42), sent.id, "Dipilih: Nasi")
            .await
            .unwrap();
        assert_eq!(edited.id, sent.id);
        assert_eq!(edited.text(), Some("Dipilih: Nasi"));
        assert!(edited.edit_date().is_some());
        assert!(edited.reply_markup().is_none());
        let m = fake.last_message_to(42).unwrap();
        assert_eq!(m.text_or_caption(), "Dipilih: Nasi");
        assert!(m.reply_markup.is_none());
        assert_eq!(fake.messages_to(42).len(), 1);

        // Same content again: Telegram's "message is not modified".
        let err = bot
            .edit_message_text(ChatId(42), sent.id, "Dipilih: Nasi")
            .await
            .unwrap_err();
        assert!(
            matches!(err, RequestError::Api(ApiError::MessageNotModified)),
            "{err:?}"
        );

        let again =
            InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback("Ubah", "change")]]);
        let edited = bot
            .edit_message_reply_markup(ChatId(42), sent.id)
            .reply_markup(again.clone())
            .await
            .unwrap();
        assert_eq!(edited.reply_markup(), Some(&again));
        assert_eq!(edited.text(), Some("Dipilih: Nasi"));
        assert_eq!(
            fake.message(42, i64::from(sent.id.0))
                .unwrap()
                .button_data("Ubah")
                .as_deref(),
            Some("change")
        );

        // Every version stays visible to wait_for_message / message_history.
        let first = fake
            .wait_for_message(42, |m| m.text_or_caption() == "Pilih menu", WAIT)
            .await
            .unwrap();
        assert_eq!(first.button_data("Batal").as_deref(), Some("cancel"));
        assert_eq!(fake.message_history(42).len(), 3);

        bot.delete_message(ChatId(42), sent.id).await.unwrap();
        assert!(fake.messages_to(42).is_empty());
        let err = bot.delete_message(ChatId(42), sent.id).await.unwrap_err();
        assert!(
            matches!(err, RequestError::Api(ApiError::MessageToDeleteNotFound)),
            "{err:?}"
        );
        let err = bot
            .edit_message_text(ChatId(42), MessageId(4242), "x")
            .await
            .unwrap_err();
        assert!(
            matches!(err, RequestError::Api(ApiError::MessageToEditNotFound)),
            "{err:?}"
        );
    }

    #[tokio::test]
    async fn get_updates_parses_user_updates_and_confirms_offset() {
        let (fake, bot) = setup().await;
        let user = FakeUser::new(42, "Siti").with_username("siti");
        let sent = bot
            .send_message(ChatId(42), "Menu")
            .reply_markup(order_keyboard())
            .await
            .unwrap();

        let u1 = fake.send_text(&user, "/pesan🍜 nasi goreng");
        let u2 = fake.press_button(&user, i64::from(sent.id.0), "order:1");
        let u3 = fake.share_contact(&user, "+6281234567890", Some(42));
        let u4 = fake.send_photo(&user, Some("foto produk"));
        let u5 = fake.send_text(&FakeUser::new(43, "John").english(), "hello");
        assert_eq!((u1, u2, u3, u4, u5), (1, 2, 3, 4, 5));
        assert_eq!(fake.pending_updates(), 5);

        let updates = bot.get_updates().await.unwrap();
        assert_eq!(updates.len(), 5);
        let ids: Vec<u32> = updates.iter().map(|u| u.id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);

        let UpdateKind::Message(m) = &updates[0].kind else {
            panic!("expected a message, got {:?}", updates[0].kind)
        };
        assert_eq!(m.text(), Some("/pesan🍜 nasi goreng"));
        assert_eq!(
            m.id,
            MessageId(1001),
            "ids are shared with the bot's messages"
        );
        let from = m.from.as_ref().unwrap();
        assert_eq!(from.id, UserId(42));
        assert_eq!(from.language_code.as_deref(), Some("id"));
        assert_eq!(m.chat.id, ChatId(42));
        assert_eq!(m.chat.username(), Some("siti"));
        let entities = m.parse_entities().unwrap();
        assert_eq!(entities.len(), 1);
        assert_eq!(*entities[0].kind(), MessageEntityKind::BotCommand);
        assert_eq!(entities[0].text(), "/pesan🍜");

        let UpdateKind::CallbackQuery(q) = &updates[1].kind else {
            panic!("expected a callback query, got {:?}", updates[1].kind)
        };
        assert_eq!(q.data.as_deref(), Some("order:1"));
        assert_eq!(q.from.id, UserId(42));
        let message = q.message.as_ref().unwrap().regular_message().unwrap();
        assert_eq!(message.id, sent.id);
        assert_eq!(message.text(), Some("Menu"));
        assert_eq!(message.reply_markup(), Some(&order_keyboard()));
        assert_eq!(fake.callback_query_ids_sent(), vec![q.id.0.clone()]);

        let UpdateKind::Message(m) = &updates[2].kind else {
            panic!("expected a message, got {:?}", updates[2].kind)
        };
        let contact = m.contact().unwrap();
        assert_eq!(contact.phone_number, "+6281234567890");
        assert_eq!(contact.user_id, Some(UserId(42)));

        let UpdateKind::Message(m) = &updates[3].kind else {
            panic!("expected a message, got {:?}", updates[3].kind)
        };
        assert_eq!(m.photo().unwrap().len(), 2);
        assert_eq!(m.caption(), Some("foto produk"));

        let UpdateKind::Message(m) = &updates[4].kind else {
            panic!("expected a message, got {:?}", updates[4].kind)
        };
        assert_eq!(
            m.from.as_ref().unwrap().language_code.as_deref(),
            Some("en")
        );
        assert_eq!(m.id, MessageId(1000), "message ids are per chat");

        // Nothing confirmed yet: the same updates come again.
        assert_eq!(bot.get_updates().await.unwrap().len(), 5);
        // offset = last id + 1 confirms them for good.
        let next = updates.last().unwrap().id.as_offset();
        assert!(bot.get_updates().offset(next).await.unwrap().is_empty());
        assert_eq!(fake.confirmed_offset(), 6);
        assert_eq!(fake.pending_updates(), 0);
        assert!(bot.get_updates().await.unwrap().is_empty());

        // Partial confirmation and limit.
        let a = fake.send_text(&user, "a");
        fake.send_text(&user, "b");
        let first = bot.get_updates().offset(next).limit(1).await.unwrap();
        assert_eq!(first.len(), 1);
        assert_eq!(i64::from(first[0].id.0), a);
        let rest = bot
            .get_updates()
            .offset(first[0].id.as_offset())
            .await
            .unwrap();
        assert_eq!(rest.len(), 1);
        assert_eq!(fake.pending_updates(), 1);
    }

    #[tokio::test]
    async fn long_poll_wakes_up_on_new_update_and_times_out_when_idle() {
        let (fake, bot) = setup().await;
        let user = FakeUser::new(42, "Siti");

        let started = Instant::now();
        let poller = bot.clone();
        let poll = tokio::spawn(async move { poller.get_updates().timeout(10).await });
        fake.wait_for_call("getUpdates", |_| true, WAIT)
            .await
            .unwrap();
        assert!(!poll.is_finished());
        fake.send_text(&user, "halo");
        let updates = poll.await.unwrap().unwrap();
        assert_eq!(updates.len(), 1);
        assert!(started.elapsed() < Duration::from_secs(3));

        let started = Instant::now();
        let updates = bot.get_updates().offset(2).timeout(1).await.unwrap();
        assert!(updates.is_empty());
        assert!(started.elapsed() >= Duration::from_millis(900));
    }

    #[tokio::test]
    async fn a_new_get_updates_terminates_the_waiting_one() {
        let (fake, bot) = setup().await;
        let poller = bot.clone();
        let first = tokio::spawn(async move { poller.get_updates().timeout(10).await });
        fake.wait_for_call("getUpdates", |_| true, WAIT)
            .await
            .unwrap();
        assert!(bot.get_updates().await.unwrap().is_empty());
        let err = first.await.unwrap().unwrap_err();
        assert!(
            matches!(
                err,
                RequestError::Api(ApiError::TerminatedByOtherGetUpdates)
            ),
            "{err:?}"
        );
    }

    #[tokio::test]
    async fn redeliver_sends_a_confirmed_update_again() {
        let (fake, bot) = setup().await;
        let user = FakeUser::new(42, "Siti");
        let id = fake.send_text(&user, "pesanan 1");
        let offset = i32::try_from(id + 1).unwrap();

        assert_eq!(bot.get_updates().await.unwrap().len(), 1);
        assert!(bot.get_updates().offset(offset).await.unwrap().is_empty());
        assert_eq!(fake.pending_updates(), 0);

        fake.redeliver(id);
        assert_eq!(fake.pending_updates(), 1);
        let again = bot.get_updates().offset(offset).await.unwrap();
        assert_eq!(again.len(), 1);
        assert_eq!(i64::from(again[0].id.0), id);
        let UpdateKind::Message(m) = &again[0].kind else {
            panic!("expected a message")
        };
        assert_eq!(m.text(), Some("pesanan 1"));
        assert!(bot.get_updates().offset(offset).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn push_raw_update_is_delivered() {
        let (fake, bot) = setup().await;
        let id = fake.push_raw_update(json!({
            "callback_query": {
                "id": "raw-1",
                "from": FakeUser::new(42, "Siti").to_json(),
                "chat_instance": "ci42",
                "data": "raw",
            }
        }));
        let updates = bot.get_updates().await.unwrap();
        assert_eq!(i64::from(updates[0].id.0), id);
        let UpdateKind::CallbackQuery(q) = &updates[0].kind else {
            panic!("expected a callback query")
        };
        assert_eq!(q.data.as_deref(), Some("raw"));
        assert!(q.message.is_none());
        assert_eq!(fake.callback_query_ids_sent(), ["raw-1"]);
    }

    #[tokio::test]
    async fn too_many_requests_fault_gives_retry_after() {
        let (fake, bot) = setup().await;
        fake.fail_next("sendMessage", 1, Fault::TooManyRequests { retry_after: 1 });
        let err = bot.send_message(ChatId(42), "a").await.unwrap_err();
        match err {
            RequestError::RetryAfter(after) => assert_eq!(after.seconds(), 1),
            other => panic!("expected RetryAfter, got {other:?}"),
        }
        assert_eq!(fake.count_429(), 1);
        assert!(fake.messages_to(42).is_empty());
        assert_eq!(
            fake.calls_to("sendMessage")[0].outcome,
            CallOutcome::Error {
                code: 429,
                description: "Too Many Requests: retry after 1".into()
            }
        );
        bot.send_message(ChatId(42), "b").await.unwrap();
        assert_eq!(fake.messages_to(42).len(), 1);
    }

    #[tokio::test]
    async fn throttle_gets_through_despite_a_429() {
        let (fake, bot) = setup().await;
        let bot = bot.throttle(ThrottleLimits::default());
        fake.fail_next("sendMessage", 1, Fault::TooManyRequests { retry_after: 1 });
        let started = Instant::now();
        let sent = bot.send_message(ChatId(42), "halo").await.unwrap();
        assert!(started.elapsed() >= Duration::from_millis(900));
        assert_eq!(sent.text(), Some("halo"));
        assert_eq!(fake.count_429(), 1);
        assert_eq!(fake.calls_to("sendMessage").len(), 2);
        assert_eq!(fake.messages_to(42).len(), 1);
    }

    #[tokio::test]
    async fn flood_limits_answer_429_and_throttle_respects_them() {
        let (fake, bot) = setup().await;
        fake.enforce_limits(Some(Limits::TELEGRAM));
        bot.send_message(ChatId(42), "1").await.unwrap();
        let err = bot.send_message(ChatId(42), "2").await.unwrap_err();
        assert!(matches!(err, RequestError::RetryAfter(_)), "{err:?}");
        bot.send_message(ChatId(43), "other chat").await.unwrap();
        assert_eq!(fake.count_429(), 1);
        assert_eq!(fake.messages_to(42).len(), 1);

        fake.enforce_limits(Some(Limits {
            per_chat_per_sec: 10,
            overall_per_sec: 2,
        }));
        bot.send_message(ChatId(50), "a").await.unwrap();
        bot.send_message(ChatId(51), "b").await.unwrap();
        let err = bot.send_message(ChatId(52), "c").await.unwrap_err();
        assert!(matches!(err, RequestError::RetryAfter(_)), "{err:?}");
        assert_eq!(fake.count_429(), 2);

        // teloxide's Throttle spaces messages to one chat by a second: no 429.
        fake.enforce_limits(Some(Limits::TELEGRAM));
        let throttled = bot.throttle(ThrottleLimits::default());
        throttled.send_message(ChatId(44), "x").await.unwrap();
        throttled.send_message(ChatId(44), "y").await.unwrap();
        assert_eq!(fake.count_429(), 2);
        assert_eq!(fake.messages_to(44).len(), 2);
    }

    #[tokio::test]
    async fn blocked_user_gives_bot_blocked() {
        let (fake, bot) = setup().await;
        fake.block_user(42);
        let err = bot.send_message(ChatId(42), "halo").await.unwrap_err();
        assert!(
            matches!(err, RequestError::Api(ApiError::BotBlocked)),
            "{err:?}"
        );
        bot.send_message(ChatId(43), "halo").await.unwrap();
        fake.unblock_user(42);
        bot.send_message(ChatId(42), "halo").await.unwrap();

        fake.fail_next("sendmessage", 1, Fault::Forbidden);
        let err = bot.send_message(ChatId(42), "halo").await.unwrap_err();
        assert!(
            matches!(err, RequestError::Api(ApiError::BotBlocked)),
            "{err:?}"
        );
        assert_eq!(fake.messages_to(42).len(), 1);
    }

    #[tokio::test]
    async fn hung_send_does_not_block_others_and_is_dropped_on_release() {
        let (fake, bot) = setup().await;
        fake.hang_sends_to(42, true);
        let sender = bot.clone();
        let pending =
            tokio::spawn(async move { sender.send_message(ChatId(42), "tertahan").await });
        let call = fake
            .wait_for_call("sendMessage", |c| c.chat_id() == Some(42), WAIT)
            .await
            .unwrap();
        assert_eq!(call.outcome, CallOutcome::Pending);

        bot.get_me().await.unwrap();
        bot.send_message(ChatId(43), "lain").await.unwrap();
        assert!(!pending.is_finished());

        fake.hang_sends_to(42, false);
        let result = pending.await.unwrap();
        assert!(
            matches!(result, Err(RequestError::Network(_))),
            "{result:?}"
        );
        assert!(fake.messages_to(42).is_empty());
        assert_eq!(
            fake.calls_to("sendMessage")[0].outcome,
            CallOutcome::Dropped
        );
        bot.send_message(ChatId(42), "lagi").await.unwrap();
        assert_eq!(fake.messages_to(42).len(), 1);
    }

    #[tokio::test]
    async fn network_drop_fault_gives_network_error() {
        let (fake, bot) = setup().await;
        fake.fail_next("*", 1, Fault::NetworkDrop);
        let err = bot.get_me().await.unwrap_err();
        assert!(matches!(err, RequestError::Network(_)), "{err:?}");
        bot.get_me().await.unwrap();
        assert_eq!(fake.calls().len(), 2);
        assert_eq!(fake.calls()[0].outcome, CallOutcome::Dropped);
    }

    #[tokio::test]
    async fn multipart_photo_and_document() {
        let (fake, bot) = setup().await;
        let photo = bot
            .send_photo(
                ChatId(42),
                InputFile::memory(b"\x89PNG fake".to_vec()).file_name("produk.png"),
            )
            .caption("<i>Kopi</i>")
            .parse_mode(ParseMode::Html)
            .reply_markup(order_keyboard())
            .await
            .unwrap();
        assert_eq!(photo.photo().unwrap().len(), 2);
        assert_eq!(photo.caption(), Some("<i>Kopi</i>"));
        assert_eq!(photo.reply_markup(), Some(&order_keyboard()));

        let m = fake.last_message_to(42).unwrap();
        assert_eq!(m.method, "sendPhoto");
        assert_eq!(m.text, None);
        assert_eq!(m.text_or_caption(), "<i>Kopi</i>");
        assert_eq!(m.parse_mode.as_deref(), Some("HTML"));
        assert_eq!(m.button_data("Batal").as_deref(), Some("cancel"));
        let call = &fake.calls_to("sendPhoto")[0];
        assert!(
            call.content_type
                .as_deref()
                .unwrap()
                .starts_with("multipart/form-data")
        );
        assert_eq!(call.chat_id(), Some(42));
        assert_eq!(call.params["_files"][0]["filename"], json!("produk.png"));

        let doc = bot
            .send_document(
                ChatId(42),
                InputFile::memory(b"a,b\n1,2\n".to_vec()).file_name("pesanan.csv"),
            )
            .await
            .unwrap();
        assert_eq!(
            doc.document().unwrap().file_name.as_deref(),
            Some("pesanan.csv")
        );
        assert_eq!(fake.messages_to(42).len(), 2);

        let edited = bot
            .edit_message_caption(ChatId(42), photo.id)
            .caption("Teh")
            .await
            .unwrap();
        assert_eq!(edited.caption(), Some("Teh"));
        let m = fake.message(42, i64::from(photo.id.0)).unwrap();
        assert_eq!(m.caption.as_deref(), Some("Teh"));
        assert!(m.reply_markup.is_none());
    }

    #[tokio::test]
    async fn commands_menu_button_files_and_other_methods() {
        let (fake, bot) = setup().await;
        bot.set_my_commands(vec![
            BotCommand::new("start", "Mulai"),
            BotCommand::new("pesan", "Buat pesanan"),
        ])
        .await
        .unwrap();
        bot.set_my_commands(vec![BotCommand::new("start", "Start")])
            .language_code("en")
            .await
            .unwrap();
        let commands = bot.get_my_commands().await.unwrap();
        assert_eq!(commands.len(), 2);
        assert_eq!(commands[0].command, "start");
        assert_eq!(commands[1].description, "Buat pesanan");
        assert_eq!(
            bot.get_my_commands()
                .language_code("en")
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(fake.my_commands(None, None).len(), 2);
        assert_eq!(
            fake.my_commands(None, Some("en"))[0]["description"],
            "Start"
        );
        bot.delete_my_commands().await.unwrap();
        assert!(bot.get_my_commands().await.unwrap().is_empty());

        bot.set_chat_menu_button()
            .chat_id(ChatId(42))
            .menu_button(MenuButton::Commands)
            .await
            .unwrap();
        assert_eq!(
            fake.menu_button(Some(42)),
            Some(json!({"type": "commands"}))
        );
        let button = bot
            .get_chat_menu_button()
            .chat_id(ChatId(42))
            .await
            .unwrap();
        assert_eq!(button, MenuButton::Commands);

        bot.send_chat_action(ChatId(42), ChatAction::Typing)
            .await
            .unwrap();
        assert_eq!(fake.calls_to("sendChatAction").len(), 1);

        // getFile + download (e.g. a photo a user sent).
        let file = bot.get_file(FileId("userphoto-1-m".into())).await.unwrap();
        assert_eq!(file.path, "files/userphoto-1-m");
        let mut content = Vec::new();
        bot.download_file(&file.path, &mut content).await.unwrap();
        assert!(!content.is_empty());
    }

    #[tokio::test]
    async fn callback_answers_are_tracked() {
        let (fake, bot) = setup().await;
        let user = FakeUser::new(42, "Siti");
        let sent = bot
            .send_message(ChatId(42), "Menu")
            .reply_markup(order_keyboard())
            .await
            .unwrap();
        fake.press_button(&user, i64::from(sent.id.0), "order:1");
        fake.press_button(&user, 999, "unknown-message");
        let updates = bot.get_updates().await.unwrap();
        let ids: Vec<_> = updates
            .iter()
            .map(|u| match &u.kind {
                UpdateKind::CallbackQuery(q) => q.id.clone(),
                other => panic!("expected a callback query, got {other:?}"),
            })
            .collect();
        let UpdateKind::CallbackQuery(q) = &updates[1].kind else {
            unreachable!()
        };
        assert_eq!(
            q.message.as_ref().unwrap().regular_message().unwrap().id,
            MessageId(999)
        );
        assert_eq!(fake.unanswered_callback_ids().len(), 2);
        bot.answer_callback_query(ids[0].clone()).await.unwrap();
        assert_eq!(fake.unanswered_callback_ids(), vec![ids[1].0.clone()]);
        bot.answer_callback_query(ids[1].clone()).await.unwrap();
        assert_eq!(fake.answered_callback_ids(), fake.callback_query_ids_sent());
        assert!(fake.unanswered_callback_ids().is_empty());
    }

    #[tokio::test]
    async fn wait_errors_list_what_was_received() {
        let (fake, bot) = setup().await;
        bot.send_message(ChatId(42), "Halo")
            .reply_markup(order_keyboard())
            .await
            .unwrap();
        fake.fail_next("sendMessage", 1, Fault::Forbidden);
        bot.send_message(ChatId(42), "Gagal").await.unwrap_err();

        let err = fake
            .wait_for_message(
                42,
                |m| m.text_or_caption().contains("Selamat"),
                Duration::from_millis(200),
            )
            .await
            .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("chat 42"), "{text}");
        assert!(text.contains("\"Halo\""), "{text}");
        assert!(text.contains("\"Batal\"->\"cancel\""), "{text}");
        assert!(text.contains("Gagal") && text.contains("403"), "{text}");

        let checkpoint = fake.checkpoint();
        let err = fake
            .wait_for_message_after(checkpoint, 42, |_| true, Duration::from_millis(100))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("nothing was received"), "{err}");

        let err = fake
            .wait_for_call("editMessageText", |_| true, Duration::from_millis(100))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("sendMessage"), "{err}");
    }

    #[tokio::test]
    async fn dispatcher_round_trip() {
        let (fake, bot) = setup().await;
        let user = FakeUser::new(42, "Siti");
        let handler = dptree::entry()
            .branch(
                Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
                    let keyboard =
                        InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback(
                            "Ya", "yes",
                        )]]);
                    bot.send_message(
                        msg.chat.id,
                        format!("Anda menulis: {}", msg.text().unwrap_or("")),
                    )
                    .reply_markup(keyboard)
                    .await?;
                    respond(())
                }),
            )
            .branch(Update::filter_callback_query().endpoint(
                |bot: Bot, q: CallbackQuery| async move {
                    bot.answer_callback_query(q.id.clone()).await?;
                    if let Some(m) = q.message.as_ref().and_then(|m| m.regular_message()) {
                        let choice = q.data.clone().unwrap_or_default();
                        bot.edit_message_text(m.chat.id, m.id, format!("Dipilih: {choice}"))
                            .await?;
                    }
                    respond(())
                },
            ));
        let mut dispatcher = Dispatcher::builder(bot, handler).build();
        let token = dispatcher.shutdown_token();
        let task = tokio::spawn(async move { dispatcher.dispatch().await });

        fake.send_text(&user, "halo");
        let m = fake
            .wait_for_message(42, |m| m.text_or_caption() == "Anda menulis: halo", WAIT)
            .await
            .unwrap();
        fake.press_button(&user, m.message_id, &m.button_data("Ya").unwrap());
        fake.wait_for_message(42, |m| m.text_or_caption() == "Dipilih: yes", WAIT)
            .await
            .unwrap();
        fake.wait_for_call("answerCallbackQuery", |c| c.is_ok(), WAIT)
            .await
            .unwrap();
        assert!(fake.unanswered_callback_ids().is_empty());

        token.shutdown().expect("dispatcher is running").await;
        task.await.unwrap();
        assert_eq!(fake.confirmed_offset(), 3);
        assert_eq!(fake.pending_updates(), 0);
    }

    #[tokio::test]
    async fn shutdown_ends_long_polls_and_refuses_connections() {
        let (fake, bot) = setup().await;
        bot.get_me().await.unwrap();
        let poller = bot.clone();
        let poll = tokio::spawn(async move { poller.get_updates().timeout(30).await });
        fake.wait_for_call("getUpdates", |_| true, WAIT)
            .await
            .unwrap();

        let started = Instant::now();
        fake.shutdown().await;
        assert!(poll.await.unwrap().unwrap().is_empty());
        assert!(started.elapsed() < Duration::from_secs(2));
        let err = bot.get_me().await.unwrap_err();
        assert!(matches!(err, RequestError::Network(_)), "{err:?}");
    }

    #[tokio::test]
    async fn dropping_the_last_handle_stops_the_server() {
        let (fake, bot) = setup().await;
        let clone = fake.clone();
        drop(fake);
        bot.get_me().await.unwrap();
        assert_eq!(clone.calls().len(), 1);
        drop(clone);

        let deadline = Instant::now() + WAIT;
        loop {
            match bot.get_me().await {
                Err(RequestError::Network(_)) => break,
                Ok(_) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                other => panic!("server still answering: {other:?}"),
            }
        }
    }

    // ---- unit tests of the internals (no HTTP) ----

    #[test]
    fn percent_decode_handles_escapes_and_garbage() {
        assert_eq!(percent_decode("bot123%3AABC"), "bot123:ABC");
        assert_eq!(percent_decode("plain"), "plain");
        assert_eq!(percent_decode("bad%zz"), "bad%zz");
        assert_eq!(percent_decode("end%4"), "end%4");
        assert_eq!(percent_decode("%F0%9F%8D%9C"), "🍜");
    }

    #[test]
    fn method_names_are_canonicalised_case_insensitively() {
        assert_eq!(canonical_method("SENDMESSAGE"), "sendMessage");
        assert_eq!(canonical_method("getme"), "getMe");
        assert_eq!(canonical_method("someNewMethod"), "someNewMethod");
        assert!(method_matches("sendMessage", "SendMessage"));
        assert!(method_matches("getMe", "*"));
        let mut inner = Inner::new();
        let reply = inner.dispatch(
            "SENDMESSAGE",
            &json!({"chat_id": 5, "text": "x"}),
            Instant::now(),
        );
        assert!(matches!(reply, Reply::Json { status, .. } if status == StatusCode::OK));
        assert_eq!(inner.messages_to(5).len(), 1);
    }

    #[test]
    fn form_and_multipart_params_are_parsed() {
        let uri: Uri = "/bot1:A/sendMessage?disable_notification=true"
            .parse()
            .unwrap();
        let body =
            b"chat_id=42&text=Halo+%26+selamat&reply_markup=%7B%22inline_keyboard%22%3A%5B%5D%7D";
        let params = parse_params(&uri, Some("application/x-www-form-urlencoded"), body);
        assert_eq!(param_i64(&params, "chat_id"), Some(42));
        assert_eq!(
            param_string(&params, "text").as_deref(),
            Some("Halo & selamat")
        );
        assert_eq!(params["reply_markup"], json!({"inline_keyboard": []}));
        assert!(param_bool(&params, "disable_notification"));

        let body = concat!(
            "--XyZ\r\n",
            "Content-Disposition: form-data; name=\"chat_id\"\r\n\r\n",
            "42\r\n",
            "--XyZ\r\n",
            "Content-Disposition: form-data; name=\"caption\"\r\n\r\n",
            "baris 1\r\nbaris 2\r\n",
            "--XyZ\r\n",
            "Content-Disposition: form-data; name=\"photo\"\r\n\r\n",
            "attach://f1\r\n",
            "--XyZ\r\n",
            "Content-Disposition: form-data; name=\"f1\"; filename=\"a.png\"\r\n",
            "Content-Type: image/png\r\n\r\n",
            "PNGDATA\r\n",
            "--XyZ--\r\n",
        );
        let params = parse_params(
            &"/bot1:A/sendPhoto".parse().unwrap(),
            Some("multipart/form-data; boundary=XyZ"),
            body.as_bytes(),
        );
        assert_eq!(param_i64(&params, "chat_id"), Some(42));
        assert_eq!(
            param_string(&params, "caption").as_deref(),
            Some("baris 1\r\nbaris 2")
        );
        assert_eq!(
            params["_files"],
            json!([{"field": "f1", "filename": "a.png", "size": 7}])
        );
        assert_eq!(uploaded_file(&params, "photo"), ("a.png".to_owned(), 7));
    }

    #[test]
    fn sliding_window_limits() {
        let mut inner = Inner::new();
        inner.limits = Some(Limits::TELEGRAM);
        let t0 = Instant::now();
        assert_eq!(inner.check_limits(1, t0), None);
        assert_eq!(
            inner.check_limits(1, t0 + Duration::from_millis(300)),
            Some(1)
        );
        assert_eq!(inner.check_limits(2, t0 + Duration::from_millis(300)), None);
        // 100 ms of slack for network jitter.
        assert_eq!(inner.check_limits(1, t0 + Duration::from_millis(950)), None);

        let mut inner = Inner::new();
        inner.limits = Some(Limits {
            per_chat_per_sec: 5,
            overall_per_sec: 2,
        });
        assert_eq!(inner.check_limits(1, t0), None);
        assert_eq!(inner.check_limits(2, t0), None);
        assert_eq!(inner.check_limits(3, t0), Some(1));
        assert_eq!(inner.check_limits(3, t0 + Duration::from_secs(1)), None);
    }

    #[test]
    fn negative_offset_keeps_only_the_last_updates() {
        let mut inner = Inner::new();
        for text in ["a", "b", "c"] {
            inner.push_update("message", json!({ "text": text }));
        }
        inner.confirm(-1);
        assert_eq!(inner.queue.len(), 1);
        assert_eq!(inner.queue[0].0, 3);
    }

    #[test]
    fn allowed_updates_filter_drops_other_kinds() {
        let mut inner = Inner::new();
        inner.push_update("message", json!({}));
        inner.push_update("callback_query", json!({}));
        inner.allowed_updates = Some(vec!["callback_query".to_owned()]);
        let updates = inner.collect_updates(100);
        assert_eq!(updates.len(), 1);
        assert_eq!(update_kind(&updates[0]), "callback_query");
        assert_eq!(inner.queue.len(), 1);
    }

    #[test]
    fn commands_key_treats_default_scope_as_none() {
        assert_eq!(
            commands_key(Some(&json!({"type": "default"})), None),
            commands_key(None, None)
        );
        assert_ne!(commands_key(None, Some("en")), commands_key(None, None));
    }
}
