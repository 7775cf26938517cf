//! A periodic check for what became due: orders not accepted within 12
//! hours. Each due item is taken in the store in the same step that marks
//! it told, so a restart never tells twice; one missed while the bot was
//! down is told once at the next tick.

use std::future::Future;
use std::time::Duration;

use sqlx::SqlitePool;

use crate::clock::Clock;
use crate::store;
use crate::store::orders::Order;

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
    F: Fn(Order) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    tokio::pin!(stop);
    loop {
        match store::orders::take_unaccepted(&pool, clock.now() - ACCEPT_WITHIN).await {
            Ok(orders) => {
                for order in orders {
                    let id = order.id;
                    if let Err(e) = notify(order).await {
                        tracing::warn!(order = id, error = %format!("{e:#}"), "could not tell staff of an unaccepted order");
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "scheduler cannot read orders"),
        }
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
            _ = &mut stop => return,
        }
    }
}
