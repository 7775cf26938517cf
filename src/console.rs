//! `pesanlokal console`: the real bot — same handler tree, database and
//! scheduler as `run` — against the local stand-in for the Bot API
//! (the `fake-bot-api` crate) on 127.0.0.1, with a few simulated people
//! chatting in the terminal. No token and no network are needed.
//!
//! This is a driver, like `main.rs` and the tests: it starts the bot through
//! [`telegram::run_with_clock`] and speaks to it only through the fake Bot API
//! (plus the store, to set up the demo people and to know when an update has
//! been handled). It uses no teloxide.
//!
//! Lines (typed, or read from `--script FILE`):
//!
//! ```text
//! text                 sent as a message by the person typing
//! :siapa staf          switch person (staf, produsen 1..3, admin)
//! :1  /  :tekan 1      press button 1 of the last messages shown
//! :kontak +62812...    share a phone number as a contact
//! :foto [keterangan]   send a sample photo
//! :waktu +13h / +7d    move the bot's clock (m, h/jam, d/hari)
//! :bantuan             list these
//! :keluar              quit
//! # ...                a comment (scripts)
//! ```

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use sqlx::SqlitePool;
use tokio::io::AsyncBufReadExt;

use crate::clock::Clock;
use crate::config::Config;
use crate::demo_people::{ADMIN_ID, DEMO_PRODUCERS, PRODUCER_IDS, STAFF_ID, demo_cast};
use crate::store;
use crate::telegram;
use fake_bot_api::{BotMessage, FakeBotApi, FakeUser};

/// A well-formed token the local Bot API accepts; it opens nothing anywhere.
pub const DUMMY_TOKEN: &str = "123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
/// How long to wait for the bot at most after one line.
const HANDLED_WITHIN: Duration = Duration::from_secs(15);
/// The bot counts as done when nothing changed for this long.
const QUIET: Duration = Duration::from_millis(300);
/// ... but stops being waited for after this long of activity.
const QUIET_AT_MOST: Duration = Duration::from_secs(5);

/// What `pesanlokal console` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// SQLite file; a temporary one when `None`.
    pub db: Option<PathBuf>,
    /// Load the demo data and register the simulated people.
    pub demo: bool,
    /// Read lines from this file instead of the terminal.
    pub script: Option<PathBuf>,
}

// ---------------------------------------------------------------------------
// Showing bot messages in a terminal
// ---------------------------------------------------------------------------

/// Telegram HTML as plain text: tags dropped, entities unescaped.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// One bot message as printed: its text, then the inline buttons numbered
/// from `first` (`[1] ✅ Kirim  [2] ✏️ Ubah`, a line per keyboard row), then
/// any reply-keyboard buttons.
pub fn render(message: &BotMessage, edited: bool, first: usize) -> String {
    let mut out = String::new();
    let body = plain_text(message.text_or_caption());
    let mut lead = String::from("🤖 ");
    if message.method.eq_ignore_ascii_case("sendPhoto") {
        lead.push_str("[foto] ");
    } else if message.method.eq_ignore_ascii_case("sendDocument") {
        lead.push_str("[berkas] ");
    }
    if edited {
        lead.push_str("(diubah) ");
    }
    for (i, line) in body.lines().enumerate() {
        if i == 0 {
            out.push_str(&lead);
        } else if !line.is_empty() {
            out.push_str("   ");
        }
        out.push_str(line);
        out.push('\n');
    }
    if body.is_empty() {
        out.push_str(lead.trim_end());
        out.push('\n');
    }
    let mut n = first;
    let rows = message
        .reply_markup
        .as_ref()
        .and_then(|m| m.get("inline_keyboard"))
        .and_then(serde_json::Value::as_array)
        .cloned()
        .unwrap_or_default();
    for row in rows {
        let labels: Vec<String> = row
            .as_array()
            .into_iter()
            .flatten()
            .filter(|b| b.get("callback_data").is_some())
            .filter_map(|b| b.get("text").and_then(serde_json::Value::as_str))
            .map(|text| {
                let label = format!("[{n}] {text}");
                n += 1;
                label
            })
            .collect();
        if !labels.is_empty() {
            out.push_str("   ");
            out.push_str(&labels.join("  "));
            out.push('\n');
        }
    }
    let keyboard: Vec<String> = message
        .keyboard_buttons()
        .iter()
        .map(|b| match b {
            serde_json::Value::String(text) => text.clone(),
            other => {
                let text = other
                    .get("text")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("?");
                if other.get("request_contact").is_some() {
                    format!("{text} (:kontak +62…)")
                } else {
                    text.to_string()
                }
            }
        })
        .map(|t| format!("⌨ {t}"))
        .collect();
    if !keyboard.is_empty() {
        out.push_str("   ");
        out.push_str(&keyboard.join("  "));
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------
// The session
// ---------------------------------------------------------------------------

struct Person {
    /// `Staf`, `Produsen 2`, `Admin`.
    label: String,
    /// Who they are, for the section header.
    detail: String,
    user: FakeUser,
    /// Messages not shown yet (a message edited again replaces its entry).
    pending: Vec<(BotMessage, bool)>,
    /// How many of `pending` were already announced.
    announced: usize,
    /// Text of each message this person has seen (later versions are edits).
    shown: HashMap<i64, String>,
    /// Numbered buttons of the last messages shown: (message id, data).
    buttons: Vec<(i64, String)>,
}

impl Person {
    fn new(label: &str, detail: String, user: FakeUser) -> Person {
        Person {
            label: label.into(),
            detail,
            user,
            pending: Vec::new(),
            announced: 0,
            shown: Default::default(),
            buttons: Vec::new(),
        }
    }

    fn header(&self) -> String {
        format!("— {} ({}) —", self.label, self.detail)
    }
}

struct Session {
    api: FakeBotApi,
    pool: SqlitePool,
    clock: Clock,
    people: Vec<Person>,
    by_chat: HashMap<i64, usize>,
    current: usize,
    /// The person whose section is open in the transcript.
    section: Option<usize>,
    cursor: fake_bot_api::Checkpoint,
    out: Box<dyn Write + Send>,
    script: bool,
    /// The last line was a comment (comments in a row share one blank line).
    after_comment: bool,
}

const HELP: &str = "\
Perintah konsol:
  teks biasa          dikirim sebagai pesan oleh orang yang sedang mengetik
  :siapa staf         ganti orang: staf, produsen 1, produsen 2, produsen 3, admin
  :1  atau  :tekan 1  tekan tombol nomor 1 dari pesan terakhir yang tampil
  :kontak +62812...   bagikan nomor HP sebagai kontak
  :foto [keterangan]  kirim foto contoh
  :waktu +13h         majukan jam bot (m = menit, h/jam, d/hari), mis. :waktu +7d
  :bantuan            daftar ini
  :keluar             selesai
  # ...               komentar (dalam skrip)";

impl Session {
    fn say(&mut self, text: &str) {
        let _ = writeln!(self.out, "{text}");
        let _ = self.out.flush();
    }

    fn open_section(&mut self, who: usize) {
        if self.section != Some(who) {
            let header = self.people[who].header();
            self.say("");
            self.say(&header);
            self.section = Some(who);
        }
    }

    /// Collects what the bot sent since the last look into each person's
    /// pending list.
    fn collect(&mut self) {
        let fresh = self.api.versions_after(self.cursor);
        self.cursor = self.api.checkpoint();
        for message in fresh {
            let Some(&who) = self.by_chat.get(&message.chat_id) else {
                continue;
            };
            let person = &mut self.people[who];
            let edited = person.shown.contains_key(&message.message_id);
            if let Some(slot) = person
                .pending
                .iter_mut()
                .find(|(m, _)| m.message_id == message.message_id)
            {
                slot.0 = message;
            } else {
                person.pending.push((message, edited));
            }
        }
    }

    /// Prints the current person's new messages and announces the others'.
    fn show(&mut self) {
        self.collect();
        let who = self.current;
        if !self.people[who].pending.is_empty() {
            let pending = std::mem::take(&mut self.people[who].pending);
            self.people[who].announced = 0;
            let mut buttons = Vec::new();
            let mut text = String::new();
            for (message, edited) in &pending {
                let before = self.people[who].shown.get(&message.message_id);
                let same_text = before.map(String::as_str) == Some(message.text_or_caption());
                if *edited && same_text && message.inline_buttons().is_empty() {
                    // Only its buttons were taken away: nothing new to read.
                    continue;
                }
                text.push_str(&render(message, *edited, buttons.len() + 1));
                buttons.extend(
                    message
                        .inline_buttons()
                        .into_iter()
                        .map(|(_, data)| (message.message_id, data)),
                );
                self.people[who]
                    .shown
                    .insert(message.message_id, message.text_or_caption().to_string());
            }
            if !buttons.is_empty() {
                self.people[who].buttons = buttons;
            }
            if !text.is_empty() {
                self.open_section(who);
                self.say(text.trim_end());
            }
        }
        for i in 0..self.people.len() {
            let person = &self.people[i];
            if i == who || person.pending.len() <= person.announced {
                continue;
            }
            let new = person.pending.len() - person.announced;
            let line = format!("[{new} pesan baru untuk {}]", person.label);
            self.people[i].announced = self.people[i].pending.len();
            self.say(&line);
        }
    }

    /// Waits until the bot handled `update` (if any) and then went quiet.
    async fn settle(&mut self, update: Option<i64>, quiet: Duration) {
        let start = Instant::now();
        if let Some(id) = update {
            while start.elapsed() < HANDLED_WITHIN {
                if store::inbox::is_finished(&self.pool, id)
                    .await
                    .unwrap_or(false)
                {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        // Notices go out through the outbox a moment later.
        while start.elapsed() < HANDLED_WITHIN {
            match store::outbox::due_count(&self.pool, self.clock.now()).await {
                Ok(0) | Err(_) => break,
                Ok(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
        let started = Instant::now();
        let mut last = self.api.checkpoint();
        let mut still = Instant::now();
        while started.elapsed() < QUIET_AT_MOST.max(quiet * 2) {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let now = self.api.checkpoint();
            if now != last {
                last = now;
                still = Instant::now();
            } else if still.elapsed() >= quiet {
                break;
            }
        }
    }

    fn person_named(&self, name: &str) -> Option<usize> {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let key = match words.as_slice() {
            [w] if w == "staf" || w == "staff" => "Staf".to_string(),
            [w] if w == "admin" => "Admin".to_string(),
            [w] if w == "produsen" || w == "producer" => "Produsen 1".to_string(),
            [w, n] if w == "produsen" || w == "producer" => format!("Produsen {n}"),
            [w] if w.starts_with("produsen") => format!("Produsen {}", &w[8..]),
            _ => return None,
        };
        self.people.iter().position(|p| p.label == key)
    }

    /// Handles one line; `Ok(false)` ends the session.
    async fn line(&mut self, line: &str) -> anyhow::Result<bool> {
        let line = line.trim();
        if line.is_empty() {
            return Ok(true);
        }
        if line.starts_with('#') {
            if self.script {
                if !self.after_comment {
                    self.say("");
                }
                self.say(line);
                self.section = None;
                self.after_comment = true;
            }
            return Ok(true);
        }
        self.after_comment = false;
        let user = self.people[self.current].user.clone();
        let Some(command) = line.strip_prefix(':') else {
            self.echo(line);
            let update = self.api.send_text(&user, line);
            self.settle(Some(update), QUIET).await;
            self.show();
            return Ok(true);
        };
        let (verb, rest) = match command.split_once(char::is_whitespace) {
            Some((v, r)) => (v.to_lowercase(), r.trim()),
            None => (command.to_lowercase(), ""),
        };
        match verb.as_str() {
            "siapa" | "who" => {
                let Some(who) = self.person_named(rest) else {
                    bail!("tidak ada orang {rest:?}: staf, produsen 1..3, admin");
                };
                self.current = who;
                self.open_section(who);
                self.show();
            }
            "tekan" | "press" => self.press(rest).await?,
            n if n.parse::<usize>().is_ok() => self.press(n).await?,
            "kontak" | "contact" => {
                if rest.is_empty() {
                    bail!(":kontak perlu nomor HP, mis. :kontak +6281234567890");
                }
                self.echo(line);
                let update = self.api.share_contact(&user, rest, Some(user.id));
                self.settle(Some(update), QUIET).await;
                self.show();
            }
            "foto" | "photo" => {
                self.echo(line);
                let caption = (!rest.is_empty()).then_some(rest);
                let update = self.api.send_photo(&user, caption);
                self.settle(Some(update), QUIET).await;
                self.show();
            }
            "waktu" | "time" => {
                let by = parse_duration(rest).with_context(|| {
                    format!("{rest:?}: tulis mis. :waktu +3h, :waktu +7d, :waktu +30m")
                })?;
                self.clock.advance(by);
                let now = self
                    .clock
                    .now()
                    .with_timezone(&chrono_tz::Asia::Makassar)
                    .format("%d/%m/%Y %H:%M WITA");
                self.section = None;
                self.say("");
                self.say(&format!("⏰ Jam bot dimajukan {rest}: sekarang {now}"));
                self.settle(None, Duration::from_millis(1500)).await;
                self.show();
            }
            "bantuan" | "help" => self.say(HELP),
            "keluar" | "quit" | "exit" => return Ok(false),
            _ => bail!("perintah tidak dikenal {line:?}; lihat :bantuan"),
        }
        Ok(true)
    }

    fn echo(&mut self, line: &str) {
        if self.script {
            self.open_section(self.current);
            self.say(&format!("> {line}"));
        }
    }

    async fn press(&mut self, number: &str) -> anyhow::Result<()> {
        let n: usize = number
            .trim()
            .parse()
            .with_context(|| format!("{number:?} bukan nomor tombol"))?;
        let person = &self.people[self.current];
        let Some((message_id, data)) = n.checked_sub(1).and_then(|i| person.buttons.get(i)) else {
            bail!(
                "tidak ada tombol [{n}] (yang tampil: {})",
                person.buttons.len()
            );
        };
        let (message_id, data) = (*message_id, data.clone());
        let label = self
            .api
            .message(person.user.id, message_id)
            .and_then(|m| {
                m.inline_buttons()
                    .into_iter()
                    .find(|(_, d)| *d == data)
                    .map(|(t, _)| t)
            })
            .unwrap_or_default();
        let user = person.user.clone();
        self.echo(&format!(":{n} → {label}"));
        let update = self.api.press_button(&user, message_id, &data);
        self.settle(Some(update), QUIET).await;
        self.show();
        Ok(())
    }
}

/// `+3h`, `+7d`, `+30m`, `+2jam`, `+1hari`, `+15menit` (the `+` is optional).
/// From `now` to the next 09:00 in Samarinda (WITA).
fn until_next_nine(now: chrono::DateTime<chrono::Utc>) -> chrono::Duration {
    use chrono::TimeZone;
    let zone = chrono_tz::Asia::Makassar;
    let local = now.with_timezone(&zone);
    let nine = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let mut day = local.date_naive();
    if local.time() >= nine {
        day += chrono::Duration::days(1);
    }
    zone.from_local_datetime(&day.and_time(nine))
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc) - now)
        .unwrap_or_default()
}

pub fn parse_duration(text: &str) -> Option<chrono::Duration> {
    let t = text.trim().trim_start_matches('+').trim().to_lowercase();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let n: i64 = digits.parse().ok()?;
    let unit = t[digits.len()..].trim();
    match unit {
        "m" | "menit" | "min" => Some(chrono::Duration::minutes(n)),
        "h" | "j" | "jam" | "hour" | "hours" => Some(chrono::Duration::hours(n)),
        "d" | "hari" | "day" | "days" => Some(chrono::Duration::days(n)),
        _ => None,
    }
}

fn people(demo: bool) -> Vec<Person> {
    let mut people = vec![Person::new(
        "Staf",
        if demo {
            "Budi Santoso, Dinas Pariwisata Samarinda".into()
        } else {
            "Budi".into()
        },
        FakeUser::new(STAFF_ID, "Budi"),
    )];
    for (i, (id, (_, name, business))) in PRODUCER_IDS.iter().zip(DEMO_PRODUCERS).enumerate() {
        let detail = if demo {
            format!("{name}, {business}")
        } else {
            name.to_string()
        };
        people.push(Person::new(
            &format!("Produsen {}", i + 1),
            detail,
            FakeUser::new(*id, name),
        ));
    }
    people.push(Person::new(
        "Admin",
        "Dinas Perdagangan".into(),
        FakeUser::new(ADMIN_ID, "Admin"),
    ));
    people
}

/// Runs a console session to the end of the script or of the input.
pub async fn run(options: Options) -> anyhow::Result<()> {
    let script = match &options.script {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("skrip {} tidak bisa dibaca", path.display()))?,
        ),
        None => None,
    };
    let temp = tempfile::tempdir().context("cannot create a temporary directory")?;
    let db_path = match &options.db {
        Some(path) => path.clone(),
        None => temp.path().join("console.db"),
    };
    let database_url = format!("sqlite:{}", db_path.display());
    let pool = store::open(&database_url).await?;
    if options.demo {
        demo_cast(&pool, ADMIN_ID).await?;
    }

    let api = FakeBotApi::start()
        .await
        .context("cannot start the local Bot API on 127.0.0.1")?;
    // A kept database has seen updates; the bot skips ids it already handled.
    api.start_update_ids_at(store::inbox::next_offset(&pool).await?);
    let env: HashMap<&str, String> = [
        ("TELOXIDE_TOKEN", DUMMY_TOKEN.to_string()),
        ("TELOXIDE_API_URL", api.url().to_string()),
        ("DATABASE_URL", database_url.clone()),
        ("PESANLOKAL_ADMINS", ADMIN_ID.to_string()),
        ("PESANLOKAL_CHAT_RATE", "100".into()),
        ("PESANLOKAL_CHAT_RATE_MINUTE", "6000".into()),
        ("PESANLOKAL_GLOBAL_RATE", "1000".into()),
        ("PESANLOKAL_QUIET_HOURS", "off".into()),
    ]
    .into_iter()
    .collect();
    let config = Config::from_lookup(&|k| env.get(k).cloned())?;
    // The session starts at the next 09:00 WITA, so that a script that moves
    // the clock meets reminders (08:00 local) the same way at any hour.
    let clock = Clock::system();
    clock.advance(until_next_nine(clock.now()));
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(telegram::run_with_clock(
        config,
        clock.clone(),
        async move {
            let _ = stop_rx.await;
        },
    ));
    // Ready once it polls for updates.
    let ready = api
        .wait_for_call("getUpdates", |_| true, HANDLED_WITHIN)
        .await;
    if ready.is_err() {
        let _ = stop_tx.send(());
        return match bot.await {
            Ok(Err(e)) => Err(e.context("the bot did not start")),
            _ => bail!("the bot did not start"),
        };
    }

    let people = people(options.demo);
    let by_chat = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.user.id, i))
        .collect();
    let mut session = Session {
        cursor: api.checkpoint(),
        api,
        pool,
        clock,
        people,
        by_chat,
        current: 0,
        section: None,
        out: Box::new(std::io::stdout()),
        script: script.is_some(),
        after_comment: false,
    };
    session.say(&format!(
        "Pesan Lokal — konsol: bot asli, Bot API lokal di {}, tanpa Telegram.",
        session.api.url()
    ));
    match &options.db {
        Some(path) => session.say(&format!("Database: {}", path.display())),
        None => session.say("Database: sementara (hilang saat keluar; --db PATH untuk menyimpan)"),
    }
    if options.demo {
        session.say(
            "Data demo: 1 staf, 3 produsen, 1 admin. Coba: /cari snack samarinda, lalu\n  /minta 100 kotak snack untuk rakor 10 hari lagi di Samarinda",
        );
    }
    session.say("Ketik :bantuan untuk perintah konsol.");

    let result = match script {
        Some(text) => {
            let mut outcome = Ok(());
            for (i, line) in text.lines().enumerate() {
                match session.line(line).await {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => {
                        outcome = Err(e.context(format!("skrip baris {}", i + 1)));
                        break;
                    }
                }
            }
            outcome
        }
        None => {
            session.open_section(session.current);
            let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
            loop {
                let prompt = format!("{}> ", session.people[session.current].label);
                let _ = write!(session.out, "{prompt}");
                let _ = session.out.flush();
                let Some(line) = lines.next_line().await? else {
                    session.say("");
                    break;
                };
                match session.line(&line).await {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => session.say(&format!("! {e:#}")),
                }
            }
            Ok(())
        }
    };

    let _ = stop_tx.send(());
    match tokio::time::timeout(HANDLED_WITHIN, bot).await {
        Ok(Ok(Err(e))) => tracing::warn!(error = %e, "the bot stopped with an error"),
        Ok(Err(e)) => tracing::warn!(error = %e, "the bot task failed"),
        Err(_) => tracing::warn!("the bot did not stop in time"),
        Ok(Ok(Ok(()))) => {}
    }
    session.pool.close().await;
    drop(temp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<b>Kue &amp; Teh</b> &lt;3 <a href=\"x\">tautan</a>"),
            "Kue & Teh <3 tautan"
        );
        assert_eq!(plain_text("&amp;lt;"), "&lt;");
    }

    #[test]
    fn durations_read_hours_days_and_minutes() {
        assert_eq!(parse_duration("+3h"), Some(chrono::Duration::hours(3)));
        assert_eq!(parse_duration("+7d"), Some(chrono::Duration::days(7)));
        assert_eq!(parse_duration("30m"), Some(chrono::Duration::minutes(30)));
        assert_eq!(parse_duration("+2 jam"), Some(chrono::Duration::hours(2)));
        assert_eq!(parse_duration("+1hari"), Some(chrono::Duration::days(1)));
        assert_eq!(parse_duration("+3x"), None);
        assert_eq!(parse_duration(""), None);
    }

    #[test]
    fn buttons_are_numbered_across_rows() {
        let message = BotMessage {
            message_id: 1000,
            chat_id: 1,
            text: Some("<b>Periksa</b>".into()),
            caption: None,
            reply_markup: Some(serde_json::json!({"inline_keyboard": [
                [{"text": "✅ Kirim", "callback_data": "a"}, {"text": "✏️ Ubah", "callback_data": "b"}],
                [{"text": "Batal", "callback_data": "c"}]
            ]})),
            parse_mode: Some("HTML".into()),
            method: "sendMessage".into(),
        };
        assert_eq!(
            render(&message, false, 1),
            "🤖 Periksa\n   [1] ✅ Kirim  [2] ✏️ Ubah\n   [3] Batal\n"
        );
    }
}
