//! When producers are reminded of a delivery: H-7, H-3 and H-1 at 08:00 in
//! the delivery region's zone, and 06:00 on the delivery morning — each only
//! if still in the future when the order is accepted.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReminderKind {
    H7,
    H3,
    H1,
    Morning,
}

stored_codes!(ReminderKind {
    H7 => "h7",
    H3 => "h3",
    H1 => "h1",
    Morning => "morning",
});

impl ReminderKind {
    /// Days before delivery and the local time of day.
    fn offset(self) -> (i64, NaiveTime) {
        const EIGHT: NaiveTime = super::o_clock(8);
        match self {
            ReminderKind::H7 => (7, EIGHT),
            ReminderKind::H3 => (3, EIGHT),
            ReminderKind::H1 => (1, EIGHT),
            ReminderKind::Morning => (0, super::o_clock(6)),
        }
    }

    /// Asks "Masih sanggup?" (the morning one only reminds).
    pub fn asks_confirmation(self) -> bool {
        self != ReminderKind::Morning
    }
}

/// The reminders of an order delivered on `delivery` in `zone`, as UTC
/// instants, keeping only those after `now`.
pub fn schedule(
    delivery: NaiveDate,
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<(ReminderKind, DateTime<Utc>)> {
    ReminderKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let (days, time) = kind.offset();
            let day = delivery - Duration::days(days);
            let at = zone
                .from_local_datetime(&day.and_time(time))
                .earliest()?
                .with_timezone(&Utc);
            (at > now).then_some((kind, at))
        })
        .collect()
}

/// When staff hear that the producer has not confirmed: 18:00 local on H-1.
pub fn no_answer_check(delivery: NaiveDate, zone: Tz) -> Option<DateTime<Utc>> {
    local(
        delivery - Duration::days(1),
        const { super::o_clock(18) },
        zone,
    )
}

/// When an undelivered order counts as late: an hour after the delivery
/// time, or at noon on the day when no time was given.
pub fn late_check(delivery: NaiveDate, time: Option<NaiveTime>, zone: Tz) -> Option<DateTime<Utc>> {
    match time {
        Some(t) => local(delivery, t, zone).map(|at| at + Duration::hours(1)),
        None => local(delivery, const { super::o_clock(12) }, zone),
    }
}

/// A reminder this much past its time is said to be late.
pub const LATE_AFTER: Duration = Duration::hours(1);

fn local(day: NaiveDate, time: NaiveTime, zone: Tz) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::utc;

    #[test]
    fn a_delivery_in_ten_days_gets_all_four_reminders_at_local_times() {
        let delivery = NaiveDate::from_ymd_opt(2026, 3, 26).unwrap();
        let now = utc("2026-03-16T02:00:00Z");
        let wita = schedule(delivery, chrono_tz::Asia::Makassar, now);
        assert_eq!(
            wita,
            vec![
                (ReminderKind::H7, utc("2026-03-19T00:00:00Z")),
                (ReminderKind::H3, utc("2026-03-23T00:00:00Z")),
                (ReminderKind::H1, utc("2026-03-25T00:00:00Z")),
                (ReminderKind::Morning, utc("2026-03-25T22:00:00Z")),
            ]
        );
        let wib = schedule(delivery, chrono_tz::Asia::Jakarta, now);
        assert_eq!(wib[2], (ReminderKind::H1, utc("2026-03-25T01:00:00Z")));
    }

    #[test]
    fn the_checks_fall_at_six_in_the_evening_before_and_after_the_delivery_time() {
        let delivery = NaiveDate::from_ymd_opt(2026, 3, 26).unwrap();
        let wita = chrono_tz::Asia::Makassar;
        // 18:00 WITA on 25 March = 10:00 UTC.
        assert_eq!(
            no_answer_check(delivery, wita),
            Some(utc("2026-03-25T10:00:00Z"))
        );
        // 18:00 WIB = 11:00 UTC.
        assert_eq!(
            no_answer_check(delivery, chrono_tz::Asia::Jakarta),
            Some(utc("2026-03-25T11:00:00Z"))
        );
        let nine = NaiveTime::from_hms_opt(9, 0, 0);
        assert_eq!(
            late_check(delivery, nine, wita),
            Some(utc("2026-03-26T02:00:00Z"))
        );
        assert_eq!(
            late_check(delivery, None, wita),
            Some(utc("2026-03-26T04:00:00Z"))
        );
    }

    #[test]
    fn reminders_already_past_when_accepted_are_left_out() {
        let delivery = NaiveDate::from_ymd_opt(2026, 3, 26).unwrap();
        let now = utc("2026-03-24T00:00:00Z"); // after H-3
        let kinds: Vec<_> = schedule(delivery, chrono_tz::Asia::Makassar, now)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(kinds, vec![ReminderKind::H1, ReminderKind::Morning]);
        for k in ReminderKind::ALL {
            assert_eq!(ReminderKind::parse(k.as_str()), Some(k));
        }
    }
}
