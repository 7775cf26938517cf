//! Leave days as producers type them for /libur: one date (`17 Agustus`),
//! or a range (`20/3 - 25/3`, `20 sampai 25 Maret`, `besok s/d Jumat`).

use chrono::{Datelike, NaiveDate};

use super::when::{self, DateError};

/// Longest leave that can be entered at once.
pub const MAX_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LeaveError {
    #[error("date: {0}")]
    Date(DateError),
    #[error("the end is before the start")]
    EndBeforeStart,
    #[error("longer than {MAX_DAYS} days")]
    TooLong,
}

const SEPARATORS: &[&str] = &[
    " sampai dengan ",
    " sampai ",
    " hingga ",
    " s/d ",
    " s.d. ",
    " s.d ",
    " sd ",
    " - ",
    " – ",
    "–",
    " to ",
    " until ",
];

/// Reads one date or a range, all relative to `today` (local).
pub fn read_leave(text: &str, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), LeaveError> {
    let lower = format!(" {} ", text.trim().to_lowercase());
    let split = SEPARATORS.iter().find_map(|sep| {
        lower.find(sep).map(|i| {
            (
                lower[..i].trim().to_string(),
                lower[i + sep.len()..].trim().to_string(),
            )
        })
    });
    let (start, end) = match split {
        None => {
            let d = when::parse_date(text, today).map_err(LeaveError::Date)?;
            (d, d)
        }
        Some((a, b)) => {
            let end = when::parse_date(&b, today).map_err(LeaveError::Date)?;
            // "20 - 25 Maret": a bare day takes the month and year of the end.
            let start = match a.parse::<u32>() {
                Ok(day) if (1..=31).contains(&day) => {
                    let same_month = NaiveDate::from_ymd_opt(end.year(), end.month(), day)
                        .ok_or(LeaveError::Date(DateError::Invalid))?;
                    if same_month < today {
                        return Err(LeaveError::Date(DateError::Past { date: same_month }));
                    }
                    same_month
                }
                _ => when::parse_date(&a, today).map_err(LeaveError::Date)?,
            };
            (start, end)
        }
    };
    if end < start {
        return Err(LeaveError::EndBeforeStart);
    }
    if (end - start).num_days() + 1 > MAX_DAYS {
        return Err(LeaveError::TooLong);
    }
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::date as d;

    const TODAY: &str = "2026-03-10"; // a Tuesday

    #[test]
    fn single_days_and_ranges_are_read() {
        let today = d(TODAY);
        let cases = [
            ("17 Agustus", "2026-08-17", "2026-08-17"),
            ("20/3 - 25/3", "2026-03-20", "2026-03-25"),
            ("20 sampai 25 Maret", "2026-03-20", "2026-03-25"),
            ("20 - 25 Maret", "2026-03-20", "2026-03-25"),
            ("besok s/d 14/3", "2026-03-11", "2026-03-14"),
            ("hari ini", TODAY, TODAY),
            ("26-03-2026", "2026-03-26", "2026-03-26"),
        ];
        for (input, start, end) in cases {
            assert_eq!(read_leave(input, today), Ok((d(start), d(end))), "{input}");
        }
    }

    #[test]
    fn backwards_long_past_and_unreadable_leave_is_refused() {
        let today = d(TODAY);
        assert_eq!(
            read_leave("25/3 - 20/3", today),
            Err(LeaveError::EndBeforeStart)
        );
        assert_eq!(read_leave("1/4 - 31/7", today), Err(LeaveError::TooLong));
        assert!(matches!(
            read_leave("1/3/2026", today),
            Err(LeaveError::Date(DateError::Past { .. }))
        ));
        assert!(matches!(
            read_leave("libur panjang", today),
            Err(LeaveError::Date(_))
        ));
    }
}
