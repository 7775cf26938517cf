//! Quiet hours: from 21:00 to 06:00 local time nothing that can wait is
//! sent. A notice due then waits for 06:00 in the recipient's zone.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// The hours (local) in which nothing that can wait is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    /// First quiet hour (21 = from 21:00).
    pub from: u32,
    /// First hour that is no longer quiet (6 = until 06:00).
    pub until: u32,
}

impl Default for QuietHours {
    fn default() -> Self {
        QuietHours { from: 21, until: 6 }
    }
}

impl QuietHours {
    /// Reads `21-6` (from 21:00 to 06:00); `None` for `off`.
    pub fn parse(s: &str) -> Result<Option<QuietHours>, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("off") || s.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        let (a, b) = s.split_once('-').ok_or_else(|| s.to_string())?;
        let hour = |x: &str| match x.trim().parse::<u32>() {
            Ok(h) if h < 24 => Ok(h),
            _ => Err(s.to_string()),
        };
        let (from, until) = (hour(a)?, hour(b)?);
        if from == until {
            return Err(s.to_string());
        }
        Ok(Some(QuietHours { from, until }))
    }

    fn is_quiet(&self, hour: u32) -> bool {
        if self.from > self.until {
            hour >= self.from || hour < self.until
        } else {
            (self.from..self.until).contains(&hour)
        }
    }

    /// When a non-urgent message due at `now` may go out to someone in
    /// `zone`: `None` if now is fine, else the end of the quiet hours.
    pub fn wait_until(&self, now: DateTime<Utc>, zone: Tz) -> Option<DateTime<Utc>> {
        let local = now.with_timezone(&zone);
        let hour = local.hour();
        if !self.is_quiet(hour) {
            return None;
        }
        let day = if hour >= self.until {
            local.date_naive() + Duration::days(1)
        } else {
            local.date_naive()
        };
        let end = NaiveTime::from_hms_opt(self.until, 0, 0)?;
        zone.from_local_datetime(&day.and_time(end))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// With the default hours (21:00–06:00).
pub fn wait_until(now: DateTime<Utc>, zone: Tz) -> Option<DateTime<Utc>> {
    QuietHours::default().wait_until(now, zone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::utc;

    #[test]
    fn ten_at_night_in_samarinda_waits_for_six_the_next_morning() {
        // 22:00 WITA = 14:00 UTC; 06:00 WITA next day = 22:00 UTC.
        assert_eq!(
            wait_until(utc("2026-03-20T14:00:00Z"), chrono_tz::Asia::Makassar),
            Some(utc("2026-03-20T22:00:00Z"))
        );
    }

    #[test]
    fn two_in_the_morning_waits_for_six_the_same_morning() {
        // 02:00 WIB = 19:00 UTC the day before.
        assert_eq!(
            wait_until(utc("2026-03-19T19:00:00Z"), chrono_tz::Asia::Jakarta),
            Some(utc("2026-03-19T23:00:00Z"))
        );
    }

    #[test]
    fn daytime_and_the_edges_of_the_quiet_hours_are_right() {
        let wita = chrono_tz::Asia::Makassar;
        assert_eq!(wait_until(utc("2026-03-20T02:00:00Z"), wita), None); // 10:00
        assert_eq!(wait_until(utc("2026-03-19T22:00:00Z"), wita), None); // 06:00 sharp
        assert_eq!(wait_until(utc("2026-03-20T12:59:59Z"), wita), None); // 20:59:59
        assert!(wait_until(utc("2026-03-20T13:00:00Z"), wita).is_some()); // 21:00 sharp
    }

    #[test]
    fn quiet_hours_are_read_from_configuration() {
        assert_eq!(QuietHours::parse("21-6"), Ok(Some(QuietHours::default())));
        assert_eq!(QuietHours::parse("off"), Ok(None));
        assert!(QuietHours::parse("25-6").is_err());
        assert!(QuietHours::parse("6").is_err());
        // Hours that do not wrap midnight work too.
        let q = QuietHours::parse("12-14").unwrap().unwrap();
        assert_eq!(
            q.wait_until(utc("2026-03-20T05:00:00Z"), chrono_tz::Asia::Makassar), // 13:00
            Some(utc("2026-03-20T06:00:00Z"))
        );
    }

    #[test]
    fn the_same_instant_is_quiet_in_jayapura_but_not_in_jakarta() {
        // 13:30 UTC: 20:30 WIB, 22:30 WIT.
        let t = utc("2026-03-20T13:30:00Z");
        assert_eq!(wait_until(t, chrono_tz::Asia::Jakarta), None);
        assert_eq!(
            wait_until(t, chrono_tz::Asia::Jayapura),
            Some(utc("2026-03-20T21:00:00Z"))
        );
    }
}
