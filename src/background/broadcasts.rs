//! The broadcast progress reporter: once a second it looks at every
//! broadcast still being sent, and edits the admin's progress message with
//! the outbox tally (sent / failed / blocked / left) at most every
//! [`EDIT_EVERY`] — edits count against the admin chat's 1 message a second.
//! When nothing is left it writes the final report and marks the broadcast
//! done. Its state is the database, so after a restart it simply goes on.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use sqlx::SqlitePool;
use tokio::time::Instant;

use crate::clock::Clock;
use crate::store;
use crate::store::broadcasts::Broadcast;
use crate::store::outbox::Tally;

/// Least time between two edits of one progress message.
pub const EDIT_EVERY: Duration = Duration::from_secs(3);
/// How often the reporter looks.
pub const LOOK_EVERY: Duration = Duration::from_secs(1);

/// Shows progress to the admin (the telegram room implements it).
pub trait Reporter: Send + Sync + 'static {
    /// Edits the progress message of `broadcast` (or, for the final report
    /// when there is none, sends one). `done`: nothing is left.
    fn report(
        &self,
        broadcast: &Broadcast,
        tally: Tally,
        done: bool,
    ) -> impl Future<Output = anyhow::Result<()>> + Send;
}

/// Runs until `stop` resolves.
pub async fn run<R: Reporter>(
    pool: SqlitePool,
    clock: Clock,
    reporter: Arc<R>,
    stop: impl Future<Output = ()>,
) {
    // What each progress message shows now, and when it was last edited.
    let mut shown: HashMap<i64, (Tally, Instant)> = HashMap::new();
    tokio::pin!(stop);
    loop {
        if let Err(e) = look(&pool, &clock, reporter.as_ref(), &mut shown).await {
            tracing::error!(error = %format!("{e:#}"), "broadcast progress");
        }
        tokio::select! {
            _ = tokio::time::sleep(LOOK_EVERY) => {}
            _ = &mut stop => break,
        }
    }
}

async fn look<R: Reporter>(
    pool: &SqlitePool,
    clock: &Clock,
    reporter: &R,
    shown: &mut HashMap<i64, (Tally, Instant)>,
) -> anyhow::Result<()> {
    let open = store::broadcasts::unfinished(pool).await?;
    shown.retain(|id, _| open.iter().any(|b| b.id == *id));
    for b in open {
        let tally = store::outbox::broadcast_tally(pool, b.id).await?;
        let now = Instant::now();
        let recently = shown
            .get(&b.id)
            .is_some_and(|(_, at)| now.duration_since(*at) < EDIT_EVERY);
        if tally.left == 0 {
            if recently && b.progress_message_id.is_some() {
                continue; // the final report too keeps the spacing
            }
            if let Err(e) = reporter.report(&b, tally, true).await {
                // The report is a courtesy; the broadcast is finished anyway.
                tracing::warn!(broadcast = b.id, error = %format!("{e:#}"), "final report not shown");
            }
            store::broadcasts::finish(pool, b.id, clock.now()).await?;
            shown.remove(&b.id);
            continue;
        }
        let due = match shown.get(&b.id) {
            None => true,
            Some((last, _)) => *last != tally && !recently,
        };
        if !due || b.progress_message_id.is_none() {
            continue;
        }
        match reporter.report(&b, tally, false).await {
            Ok(()) => {
                shown.insert(b.id, (tally, now));
                store::broadcasts::reported(pool, b.id, clock.now()).await?;
            }
            Err(e) => {
                // Try again after the usual wait, not at once.
                shown.insert(b.id, (Tally::default(), now));
                tracing::warn!(broadcast = b.id, error = %format!("{e:#}"), "progress not shown");
            }
        }
    }
    Ok(())
}
