//! Planned events (`/acara`): the last safe day to send the quote request.
//!
//! A request sent on the last safe day still leaves every matching producer
//! its lead time, plus two days for quoting and awarding:
//! last safe day = event date − the longest lead time − 2 days.
//! Staff are nudged at 08:00 that day, in the event region's zone; when
//! that moment has already come, at once.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// Days kept for quotes and the award, on top of the lead time.
pub const QUOTE_DAYS: i64 = 2;

/// The local time of the nudge on the last safe day.
pub const NUDGE_HOUR: u32 = 8;

/// An event's life: planned until its quote request is made (or it is
/// cancelled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventStatus {
    Planned,
    Requested,
    Cancelled,
}

stored_codes!(EventStatus {
    Planned => "planned",
    Requested => "requested",
    Cancelled => "cancelled",
});

/// The last day a quote request still leaves every matching producer its
/// lead time (`lead_days` of the matching producers; none counts as 0).
pub fn last_safe_day(event: NaiveDate, lead_days: &[u32]) -> NaiveDate {
    let longest = lead_days.iter().copied().max().unwrap_or(0);
    event - Duration::days(i64::from(longest) + QUOTE_DAYS)
}

/// How the last safe day stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Still ahead: the nudge waits for its morning.
    Ahead,
    /// Today is the last safe day.
    Today,
    /// Already past: the request is late for some producers.
    Past,
}

/// When and how staff are nudged for an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nudge {
    pub last_safe_day: NaiveDate,
    /// When the nudge is due (UTC); `now` when its time has already come.
    pub at: DateTime<Utc>,
    pub standing: Standing,
}

/// The nudge of an event on `event` in `zone`, planned at `now`.
pub fn nudge(event: NaiveDate, lead_days: &[u32], zone: Tz, now: DateTime<Utc>) -> Nudge {
    let last = last_safe_day(event, lead_days);
    let today = now.with_timezone(&zone).date_naive();
    let standing = if last > today {
        Standing::Ahead
    } else if last == today {
        Standing::Today
    } else {
        Standing::Past
    };
    let morning = const { super::o_clock(NUDGE_HOUR) };
    let at = zone
        .from_local_datetime(&last.and_time(morning))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .filter(|t| *t > now)
        .unwrap_or(now);
    Nudge {
        last_safe_day: last,
        at,
        standing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{utc, ymd as day};

    #[test]
    fn the_last_safe_day_is_the_event_less_the_longest_lead_time_and_two_days() {
        // 26 March, lead times 2, 3 and 4 days: 26 − 4 − 2 = 20 March.
        assert_eq!(
            last_safe_day(day(2026, 3, 26), &[2, 4, 3]),
            day(2026, 3, 20)
        );
        // One slow workshop sets the day for everyone.
        assert_eq!(last_safe_day(day(2026, 3, 26), &[1, 14]), day(2026, 3, 10));
    }

    #[test]
    fn without_matching_producers_only_the_two_quote_days_count() {
        assert_eq!(last_safe_day(day(2026, 3, 26), &[]), day(2026, 3, 24));
        assert_eq!(last_safe_day(day(2026, 3, 26), &[0]), day(2026, 3, 24));
    }

    #[test]
    fn the_last_safe_day_crosses_month_and_year_ends() {
        assert_eq!(last_safe_day(day(2026, 3, 3), &[5]), day(2026, 2, 24));
        assert_eq!(last_safe_day(day(2027, 1, 2), &[3]), day(2026, 12, 28));
    }

    #[test]
    fn staff_are_nudged_at_eight_in_the_morning_of_the_event_region() {
        let now = utc("2026-03-01T02:00:00Z");
        let wita = nudge(day(2026, 3, 26), &[2, 4], chrono_tz::Asia::Makassar, now);
        assert_eq!(wita.last_safe_day, day(2026, 3, 20));
        // 08:00 WITA = 00:00 UTC.
        assert_eq!(wita.at, utc("2026-03-20T00:00:00Z"));
        assert_eq!(wita.standing, Standing::Ahead);
        // 08:00 WIB = 01:00 UTC; 08:00 WIT = 23:00 UTC the day before.
        let wib = nudge(day(2026, 3, 26), &[2, 4], chrono_tz::Asia::Jakarta, now);
        assert_eq!(wib.at, utc("2026-03-20T01:00:00Z"));
        let wit = nudge(day(2026, 3, 26), &[2, 4], chrono_tz::Asia::Jayapura, now);
        assert_eq!(wit.at, utc("2026-03-19T23:00:00Z"));
    }

    #[test]
    fn on_the_last_safe_day_itself_the_nudge_waits_for_eight_or_comes_at_once() {
        let event = day(2026, 3, 26);
        // 07:00 WITA on 20 March: still the morning nudge at 08:00.
        let early = utc("2026-03-19T23:00:00Z");
        let n = nudge(event, &[4], chrono_tz::Asia::Makassar, early);
        assert_eq!(n.standing, Standing::Today);
        assert_eq!(n.at, utc("2026-03-20T00:00:00Z"));
        // 10:00 WITA: eight has passed, so at once.
        let late = utc("2026-03-20T02:00:00Z");
        let n = nudge(event, &[4], chrono_tz::Asia::Makassar, late);
        assert_eq!(n.standing, Standing::Today);
        assert_eq!(n.at, late);
    }

    #[test]
    fn a_last_safe_day_already_past_nudges_at_once_and_says_so() {
        let now = utc("2026-03-23T03:00:00Z");
        let n = nudge(day(2026, 3, 26), &[4], chrono_tz::Asia::Makassar, now);
        assert_eq!(n.last_safe_day, day(2026, 3, 20));
        assert_eq!(n.standing, Standing::Past);
        assert_eq!(n.at, now);
    }
}
