//! `pesanlokal bench outbox`: how fast the outbox sender delivers a
//! broadcast, through the real courier, against the in-crate fake Bot API.
//!
//! Two runs over `recipients` synthetic producers, each with a fresh
//! database: **capped** — the production pace (1 message a second per chat,
//! `rate` a second overall) against a fake API that enforces Telegram's
//! limits (429 above 30/s overall or 1/s per chat) — and **uncapped** —
//! `Pace.overall_per_sec = 0`, no limits at the fake — which measures what
//! the outbox itself can do (SQLite claim/finish per row, rendering, HTTP).

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::background::outbox::{self, Pace};
use crate::clock::Clock;
use crate::domain::Category;
use crate::store;
use crate::store::synthetic::{Account, insert_accounts};
use fake_bot_api::{FakeBotApi, Limits};

const ADMIN: i64 = 1;
const FIRST: i64 = 1_000_000;

#[derive(Debug, Clone)]
pub struct OutboxOptions {
    pub recipients: i64,
    /// The overall cap of the capped run (messages a second).
    pub rate: u32,
}

impl Default for OutboxOptions {
    fn default() -> OutboxOptions {
        OutboxOptions {
            recipients: 2_000,
            rate: 25,
        }
    }
}

/// One run.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxRun {
    pub label: &'static str,
    /// The overall cap (0 = none).
    pub cap: u32,
    pub sent: i64,
    pub seconds: f64,
    /// 429 answers the fake gave.
    pub answered_429: usize,
}

impl OutboxRun {
    pub fn per_sec(&self) -> f64 {
        self.sent as f64 / self.seconds.max(1e-9)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutboxReport {
    pub recipients: i64,
    pub runs: Vec<OutboxRun>,
}

impl OutboxReport {
    pub fn markdown(&self) -> String {
        let mut s = format!(
            "Outbox, one broadcast to {} recipients\n\n| run | cap (msg/s) | sent | seconds | msg/s | of cap | 429s |\n|---|---:|---:|---:|---:|---:|---:|\n",
            self.recipients
        );
        for r in &self.runs {
            let of_cap = if r.cap > 0 {
                format!("{:.2}", r.per_sec() / f64::from(r.cap))
            } else {
                "—".into()
            };
            let cap = if r.cap > 0 {
                r.cap.to_string()
            } else {
                "none".into()
            };
            s.push_str(&format!(
                "| {} | {} | {} | {:.1} | {:.1} | {} | {} |\n",
                r.label,
                cap,
                r.sent,
                r.seconds,
                r.per_sec(),
                of_cap,
                r.answered_429
            ));
        }
        s
    }
}

pub async fn run_outbox(opts: &OutboxOptions) -> anyhow::Result<OutboxReport> {
    let capped = one_run(
        opts.recipients,
        "capped, Telegram limits at the fake",
        opts.rate,
    )
    .await?;
    let uncapped = one_run(opts.recipients, "uncapped, no limits", 0).await?;
    Ok(OutboxReport {
        recipients: opts.recipients,
        runs: vec![capped, uncapped],
    })
}

async fn one_run(recipients: i64, label: &'static str, cap: u32) -> anyhow::Result<OutboxRun> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite:{}", dir.path().join("bench.db").display());
    let pool = store::open(&url).await?;
    let api = FakeBotApi::start().await?;
    if cap > 0 {
        api.enforce_limits(Some(Limits::TELEGRAM));
    }
    let clock = Clock::system();
    store::users::ensure_admin(&pool, ADMIN, clock.now()).await?;
    insert_accounts(
        &pool,
        FIRST,
        recipients,
        &Account::producer("64.72", Category::Snack),
        clock.now(),
    )
    .await?;
    let id = store::broadcasts::create_draft(
        &pool,
        ADMIN,
        "Pelatihan pengemasan produk, Senin 09.00.",
        None,
        clock.now(),
    )
    .await?;
    let queued = store::broadcasts::queue(&pool, id, ADMIN, true, clock.now()).await?;
    anyhow::ensure!(queued.is_ok(), "the broadcast was not queued: {queued:?}");

    let courier = Arc::new(crate::telegram::notices::courier_for(
        api.url(),
        pool.clone(),
        clock.clone(),
    )?);
    let pace = Pace {
        quiet: None,
        ..Pace::telegram(1, cap, chrono_tz::Asia::Makassar)
    };
    let started = Instant::now();
    let watcher = pool.clone();
    let stop = async move {
        loop {
            match store::outbox::broadcast_tally(&watcher, id).await {
                Ok(t) if t.left == 0 => break,
                Err(e) => tracing::error!(error = %e, "bench: tally"),
                _ => {}
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    outbox::run(pool.clone(), clock, pace, courier, stop).await;
    let seconds = started.elapsed().as_secs_f64();
    let tally = store::outbox::broadcast_tally(&pool, id).await?;
    let answered_429 = api.count_429();
    api.shutdown().await;
    pool.close().await;
    Ok(OutboxRun {
        label,
        cap,
        sent: tally.sent,
        seconds,
        answered_429,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_tiny_outbox_bench_delivers_every_copy_in_both_runs_without_429() {
        let report = run_outbox(&OutboxOptions {
            recipients: 40,
            rate: 25,
        })
        .await
        .unwrap();
        assert_eq!(report.runs.len(), 2);
        for r in &report.runs {
            assert_eq!(r.sent, 40, "{r:?}");
            assert_eq!(r.answered_429, 0, "{r:?}");
        }
        assert!(report.markdown().contains("| none |"));
    }
}
