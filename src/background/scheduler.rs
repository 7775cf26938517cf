//! A periodic check for what became due: orders not accepted within 12
//! hours, and delivery reminders (H-7, H-3, H-1, the morning). Each due item is taken in the store in the same step that marks
//! it told, so a restart never tells twice; one missed while the bot was
//! down is told once at the next tick.

use std::future::Future;
use std::time::Duration;

use sqlx::SqlitePool;

use crate::clock::Clock;
use crate::store;
use crate::store::orders::Order;
use crate::store::reminders::DueReminder;

/// Something the scheduler found due.
#[derive(Debug, Clone)]
pub enum Due {
    /// An award not accepted in time: tell the staff.
    Unaccepted(Order),
    /// A reminder for the producer.
    Reminder(DueReminder),
}

/// How long a producer has to accept an award.
pub const ACCEPT_WITHIN: chrono::Duration = chrono::Duration::hours(12);

/// Runs until `stop` resolves, checking every `tick`.
pub async fn run<F, Fut>(
    pool: SqlitePool,
    clock: Clock,
    tick: Duration,
    notify: F,
    stop: impl Future<Output = ()>,
) where
    F: Fn(Due) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    tokio::pin!(stop);
    loop {
        let now = clock.now();
        let mut due: Vec<Due> = Vec::new();
        match store::orders::take_unaccepted(&pool, now - ACCEPT_WITHIN).await {
            Ok(orders) => due.extend(orders.into_iter().map(Due::Unaccepted)),
            Err(e) => tracing::error!(error = %e, "scheduler cannot read orders"),
        }
        match store::reminders::take_due(&pool, now).await {
            Ok(reminders) => due.extend(reminders.into_iter().map(Due::Reminder)),
            Err(e) => tracing::error!(error = %e, "scheduler cannot read reminders"),
        }
        for item in due {
            if let Err(e) = notify(item).await {
                tracing::warn!(error = %format!("{e:#}"), "a scheduled message could not be sent");
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
            _ = &mut stop => return,
        }
    }
}
