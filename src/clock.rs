//! The one source of "now". Production reads the system clock; tests and
//! `pesanlokal console` (`:waktu +13h`) move time forward to watch deadlines and reminders.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Seconds added to the system time.
    offset: Arc<AtomicI64>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    pub fn now(&self) -> DateTime<Utc> {
        // The one read of the system time (clippy.toml disallows it elsewhere).
        #[allow(clippy::disallowed_methods)]
        let system = Utc::now();
        system + Duration::seconds(self.offset.load(Ordering::SeqCst))
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, by: Duration) {
        self.offset.fetch_add(by.num_seconds(), Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_a_clock_moves_every_clone() {
        let clock = Clock::system();
        let other = clock.clone();
        let before = other.now();
        clock.advance(Duration::hours(13));
        let moved = other.now() - before;
        assert!(moved >= Duration::hours(13) && moved < Duration::hours(13) + Duration::seconds(5));
    }
}
