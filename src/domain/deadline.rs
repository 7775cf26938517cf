//! When quotes are due: the earlier of 24 hours or a third of the time left
//! before delivery, never under 2 hours.

use chrono::{DateTime, Duration, Utc};

pub fn quote_deadline(now: DateTime<Utc>, delivery: DateTime<Utc>) -> DateTime<Utc> {
    let third = (delivery - now) / 3;
    let wait = third.min(Duration::hours(24)).max(Duration::hours(2));
    now + wait
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + h * 3600, 0).unwrap()
    }

    #[test]
    fn quotes_are_due_within_a_day_a_third_of_the_time_left_and_never_under_two_hours() {
        assert_eq!(quote_deadline(at(0), at(24 * 30)), at(24));
        assert_eq!(quote_deadline(at(0), at(30)), at(10));
        assert_eq!(quote_deadline(at(0), at(3)), at(2));
    }
}
