//! The sender: the one loop that delivers outbox rows to Telegram.
//!
//! - Rows go out when due (`due_at` on the one [`Clock`]), oldest first and
//!   one at a time per chat, at most one per `per_chat` interval per chat
//!   and `overall_per_sec` in all (0 = no cap, for benchmarks).
//! - A row that can wait is held over quiet hours (21:00–06:00 in the
//!   recipient's zone) instead of sent.
//! - A 429 pauses everything for its `retry_after` and puts the row back;
//!   network errors and 5xx are retried with growing waits; 403 marks the
//!   user unreachable. A confirmed row is never sent again.
//!
//! What to say is not decided here: a [`Courier`] (the telegram room) turns
//! a row into a message and reports how it went.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;
use tokio::time::Instant;

use crate::clock::Clock;
use crate::domain::Regions;
use crate::store;
use crate::store::outbox::{Outcome, Ready};

/// How one delivery went, as the courier saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Sent {
        message_id: i64,
    },
    /// Nothing to say any more (the order finished, the check passed...).
    Obsolete,
    /// The user blocked the bot, or the chat is gone.
    Blocked,
    /// Telegram said 429: wait this long.
    RetryAfter(Duration),
    /// Network trouble or a 5xx: try again later.
    Transient(String),
    /// Telegram refused the message itself (400): do not try again.
    Failed(String),
}

/// Turns a row into a message and sends it (the telegram room implements it).
pub trait Courier: Send + Sync + 'static {
    fn deliver(&self, row: Ready) -> impl Future<Output = Delivery> + Send;
}

/// Rates and limits of the sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// Least time between two messages to one chat.
    pub per_chat: Duration,
    /// Messages a second in all; 0 means no cap.
    pub overall_per_sec: u32,
    /// Deliveries in flight at once.
    pub max_in_flight: usize,
    /// How often to look for due rows when there is nothing to do.
    pub idle: Duration,
    /// The zone for recipients without a region.
    pub default_zone: chrono_tz::Tz,
    /// When rows that can wait are held (`None`: never).
    pub quiet: Option<crate::domain::quiet::QuietHours>,
}

impl Pace {
    pub fn telegram(
        per_chat_per_sec: u32,
        overall_per_sec: u32,
        default_zone: chrono_tz::Tz,
    ) -> Pace {
        Pace {
            quiet: Some(crate::domain::quiet::QuietHours::default()),
            per_chat: Duration::from_secs(1) / per_chat_per_sec.max(1),
            overall_per_sec,
            max_in_flight: 32,
            idle: Duration::from_millis(200),
            default_zone,
        }
    }
}

/// Attempts before a row that keeps failing with network errors is given up.
pub const MAX_ATTEMPTS: i64 = 8;
/// One attempt may take this long before it counts as a network error.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);

/// The wait before the next try after `attempts` failed ones: 2, 4, 8 ...
/// seconds, at most ten minutes.
pub fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(1, 10) as u32;
    Duration::from_secs(2u64.pow(exp)).min(Duration::from_secs(600))
}

#[derive(Default)]
struct Shared {
    in_flight: HashSet<i64>,
    next_ok: HashMap<i64, Instant>,
    paused_until: Option<Instant>,
}

impl Shared {
    fn may_send_to(&self, user: i64, now: Instant) -> bool {
        !self.in_flight.contains(&user) && self.next_ok.get(&user).is_none_or(|t| *t <= now)
    }
}

/// Runs until `stop` resolves; rows in flight then are finished first.
pub async fn run<C: Courier>(
    pool: SqlitePool,
    clock: Clock,
    pace: Pace,
    courier: Arc<C>,
    stop: impl Future<Output = ()>,
) {
    match store::outbox::recover(&pool).await {
        Ok(0) => {}
        Ok(n) => tracing::warn!(
            rows = n,
            "messages in flight at the last stop are sent again"
        ),
        Err(e) => tracing::error!(error = %e, "cannot recover the outbox"),
    }
    let shared = Arc::new(Mutex::new(Shared::default()));
    let permits = Arc::new(tokio::sync::Semaphore::new(pace.max_in_flight.max(1)));
    let interval =
        (pace.overall_per_sec > 0).then(|| Duration::from_secs(1) / pace.overall_per_sec);
    let mut next_slot = Instant::now();
    let batch = i64::from(pace.overall_per_sec.clamp(25, 500)) * 2;
    let mut tasks = tokio::task::JoinSet::new();
    tokio::pin!(stop);

    'outer: loop {
        while tasks.try_join_next().is_some() {}
        let rows = match store::outbox::ready(&pool, clock.now(), batch).await {
            Ok(rows) => rows,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the outbox");
                Vec::new()
            }
        };
        let mut launched = 0usize;
        for row in rows {
            let now = Instant::now();
            let paused = {
                let s = lock(&shared);
                if !s.may_send_to(row.user_id, now) {
                    continue;
                }
                s.paused_until.filter(|t| *t > now)
            };
            if let Some(quiet) = pace.quiet.filter(|_| !row.urgent && row.notice.is_some()) {
                let zone = row
                    .regency
                    .as_ref()
                    .and_then(|r| Regions::embedded().timezone_of_code(r.as_str()))
                    .unwrap_or(pace.default_zone);
                if let Some(until) = quiet.wait_until(clock.now(), zone) {
                    if let Err(e) = store::outbox::hold(&pool, row.id, until).await {
                        tracing::error!(error = %e, "cannot hold a row over quiet hours");
                    }
                    continue;
                }
            }
            // Wait for the overall pace (and any 429 pause).
            let mut wake = paused.unwrap_or(now);
            if interval.is_some() {
                wake = wake.max(next_slot);
            }
            if wake > now {
                tokio::select! {
                    _ = tokio::time::sleep_until(wake) => {}
                    _ = &mut stop => break 'outer,
                }
            }
            let permit = tokio::select! {
                p = Arc::clone(&permits).acquire_owned() => match p {
                    Ok(p) => p,
                    Err(_) => break 'outer,
                },
                _ = &mut stop => break 'outer,
            };
            // A 429 may have come in while waiting.
            if lock(&shared)
                .paused_until
                .is_some_and(|t| t > Instant::now())
            {
                drop(permit);
                break;
            }
            match store::outbox::claim(&pool, row.id).await {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    tracing::error!(error = %e, "cannot claim an outbox row");
                    continue;
                }
            }
            if let Some(step) = interval {
                next_slot = next_slot.max(Instant::now()) + step;
            }
            lock(&shared).in_flight.insert(row.user_id);
            launched += 1;
            let (pool, clock, courier, shared) = (
                pool.clone(),
                clock.clone(),
                Arc::clone(&courier),
                Arc::clone(&shared),
            );
            tasks.spawn(async move {
                let _permit = permit;
                let delivery = match row.notice {
                    None => Delivery::Failed("a notice this version does not know".into()),
                    Some(_) if !row.reachable => Delivery::Blocked,
                    Some(_) => tokio::time::timeout(ATTEMPT_TIMEOUT, courier.deliver(row.clone()))
                        .await
                        .unwrap_or_else(|_| Delivery::Transient("timed out".into())),
                };
                settle(&pool, &clock, &row, delivery, pace.per_chat, &shared).await;
            });
        }
        if launched == 0 {
            tokio::select! {
                _ = tokio::time::sleep(pace.idle) => {}
                _ = &mut stop => break 'outer,
            }
        }
    }
    // Let what is in flight finish (a graceful stop loses nothing).
    let drain = async { while tasks.join_next().await.is_some() {} };
    if tokio::time::timeout(ATTEMPT_TIMEOUT, drain).await.is_err() {
        tracing::warn!("some messages were still in flight at the stop");
    }
}

/// `now` plus a wait of at most a day (a retry_after or a backoff is
/// seconds to minutes): no overflow, and never a silent "at once".
fn after(now: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    let millis = wait.min(Duration::from_secs(86_400)).as_millis();
    now + chrono::Duration::milliseconds(i64::try_from(millis).unwrap_or(86_400_000))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn settle(
    pool: &SqlitePool,
    clock: &Clock,
    row: &Ready,
    delivery: Delivery,
    per_chat: Duration,
    shared: &Mutex<Shared>,
) {
    let now = clock.now();
    // Telegram was asked unless the row was dropped or the user was
    // already known to be unreachable.
    let asked_telegram = match delivery {
        Delivery::Obsolete => false,
        Delivery::Blocked => row.reachable,
        _ => true,
    };
    let outcome = match delivery {
        Delivery::Sent { message_id } => Outcome::Sent { message_id },
        Delivery::Obsolete => Outcome::Dropped,
        Delivery::Blocked => Outcome::Blocked,
        Delivery::Failed(error) => Outcome::Failed { error },
        Delivery::RetryAfter(wait) => {
            let until = Instant::now() + wait;
            let mut s = lock(shared);
            s.paused_until = Some(s.paused_until.map_or(until, |t| t.max(until)));
            tracing::warn!(seconds = wait.as_secs(), "Telegram asked to slow down");
            Outcome::Retry {
                at: after(now, wait),
                error: "429".into(),
                counts: false,
            }
        }
        Delivery::Transient(error) if row.attempts + 1 >= MAX_ATTEMPTS => Outcome::Failed { error },
        Delivery::Transient(error) => Outcome::Retry {
            at: after(now, backoff(row.attempts + 1)),
            error,
            counts: true,
        },
    };
    // Recording the end is retried: a row left `sending` would be sent
    // again after a restart.
    for attempt in 0..5 {
        match store::outbox::finish(pool, row, &outcome, now).await {
            Ok(()) => break,
            Err(e) => {
                tracing::error!(error = %e, attempt, "cannot record a delivery");
                tokio::time::sleep(Duration::from_millis(200 * (attempt + 1))).await;
            }
        }
    }
    let mut s = lock(shared);
    s.in_flight.remove(&row.user_id);
    if asked_telegram {
        let next = Instant::now() + per_chat;
        s.next_ok.insert(row.user_id, next);
    }
    // Forget chats whose wait is over, so the map stays small.
    if s.next_ok.len() > 10_000 {
        let now = Instant::now();
        s.next_ok.retain(|_, t| *t > now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::notice::Notice;
    use crate::store::outbox::Enqueue;
    use crate::store::test_support::{self, fresh_db};

    #[test]
    fn backoff_grows_and_stops_at_ten_minutes() {
        assert_eq!(backoff(1), Duration::from_secs(2));
        assert_eq!(backoff(3), Duration::from_secs(8));
        assert_eq!(backoff(50), Duration::from_secs(600));
    }

    #[test]
    fn the_pace_for_one_message_a_second_per_chat() {
        let p = Pace::telegram(1, 25, chrono_tz::Asia::Makassar);
        assert_eq!(p.per_chat, Duration::from_secs(1));
        assert_eq!(p.overall_per_sec, 25);
    }

    /// Records each delivery; answers 429 once for `throttle_user`.
    #[derive(Default)]
    struct Recorder {
        calls: Mutex<Vec<(i64, i64, Instant)>>,
        throttle_user: Option<i64>,
        flaky_user: Option<i64>,
    }

    impl Courier for Recorder {
        async fn deliver(&self, row: Ready) -> Delivery {
            let mut calls = lock(&self.calls);
            let first_for_user = !calls.iter().any(|(u, _, _)| *u == row.user_id);
            calls.push((row.user_id, row.id, Instant::now()));
            if first_for_user && Some(row.user_id) == self.throttle_user {
                return Delivery::RetryAfter(Duration::from_secs(1));
            }
            if first_for_user && Some(row.user_id) == self.flaky_user {
                return Delivery::Transient("connection reset".into());
            }
            Delivery::Sent { message_id: row.id }
        }
    }

    async fn queue(pool: &SqlitePool, users: &[i64], per_user: usize) -> Vec<i64> {
        let now = Clock::system().now();
        let mut ids = Vec::new();
        for u in users {
            test_support::user(pool, *u).await;
        }
        let mut tx = crate::store::begin_write(pool).await.unwrap();
        for n in 0..per_user {
            for u in users {
                let row = Enqueue::now(*u, Notice::RequestCard { request: n as i64 }, now);
                ids.push(store::outbox::enqueue(&mut tx, &row, now).await.unwrap());
            }
        }
        tx.commit().await.unwrap();
        ids
    }

    async fn run_until_sent(pool: &SqlitePool, pace: Pace, courier: Arc<Recorder>, rows: usize) {
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let sender = tokio::spawn(run(
            pool.clone(),
            Clock::system(),
            pace,
            courier,
            async move {
                let _ = stop_rx.await;
            },
        ));
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let sent =
                test_support::count(pool, "SELECT count(*) FROM outbox WHERE status = 'sent'")
                    .await;
            if sent as usize == rows {
                break;
            }
            assert!(Instant::now() < deadline, "only {sent} of {rows} sent");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let _ = stop_tx.send(());
        sender.await.unwrap();
    }

    fn pace(per_chat_ms: u64, overall: u32) -> Pace {
        Pace {
            per_chat: Duration::from_millis(per_chat_ms),
            overall_per_sec: overall,
            max_in_flight: 8,
            idle: Duration::from_millis(20),
            default_zone: chrono_tz::Asia::Makassar,
            quiet: None,
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_chat_gets_its_rows_in_order_spaced_and_all_chats_within_the_overall_rate() {
        let (pool, _dir) = fresh_db().await;
        let ids = queue(&pool, &[1, 2, 3], 3).await;
        let courier = Arc::new(Recorder::default());
        run_until_sent(&pool, pace(300, 10), Arc::clone(&courier), ids.len()).await;
        let calls = lock(&courier.calls).clone();
        assert_eq!(calls.len(), 9, "each row once");
        for user in [1, 2, 3] {
            let mine: Vec<_> = calls.iter().filter(|(u, _, _)| *u == user).collect();
            let order: Vec<i64> = mine.iter().map(|(_, id, _)| *id).collect();
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(order, sorted, "in order for chat {user}");
            for pair in mine.windows(2) {
                let gap = pair[1].2 - pair[0].2;
                assert!(gap >= Duration::from_millis(300), "chat {user}: {gap:?}");
            }
        }
        for pair in calls.windows(2) {
            // 10 a second overall: starts at least ~100 ms apart.
            assert!(pair[1].2 - pair[0].2 >= Duration::from_millis(95));
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_429_is_waited_out_and_does_not_count_as_an_attempt() {
        let (pool, _dir) = fresh_db().await;
        let ids = queue(&pool, &[1, 2], 1).await;
        let courier = Arc::new(Recorder {
            throttle_user: Some(1),
            ..Recorder::default()
        });
        run_until_sent(&pool, pace(10, 100), Arc::clone(&courier), ids.len()).await;
        let calls = lock(&courier.calls).clone();
        let first = calls.iter().find(|(u, _, _)| *u == 1).unwrap().2;
        let retried = calls.iter().filter(|(u, _, _)| *u == 1).nth(1).unwrap().2;
        assert!(
            retried - first >= Duration::from_millis(950),
            "{:?}",
            retried - first
        );
        let attempts =
            test_support::count(&pool, "SELECT attempts FROM outbox WHERE user_id = 1").await;
        assert_eq!(attempts, 1, "a 429 is not the row's fault");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_network_error_is_retried_later_and_counted() {
        let (pool, _dir) = fresh_db().await;
        let ids = queue(&pool, &[1], 1).await;
        let courier = Arc::new(Recorder {
            flaky_user: Some(1),
            ..Recorder::default()
        });
        run_until_sent(&pool, pace(10, 100), Arc::clone(&courier), ids.len()).await;
        let calls = lock(&courier.calls).clone();
        assert_eq!(calls.len(), 2);
        assert!(calls[1].2 - calls[0].2 >= backoff(1) - Duration::from_millis(50));
        let attempts = test_support::count(&pool, "SELECT attempts FROM outbox").await;
        assert_eq!(attempts, 2);
    }
}
