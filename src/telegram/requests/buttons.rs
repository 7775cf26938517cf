//! The request room's own button: "use this date instead" under a summary
//! whose date cannot be made. Its other buttons are the shared flow ones
//! (Kirim, Ubah, a field, Lewati, a region). The wire string is the legacy
//! `Cb::UseDate` one (`ud:YYYYMMDD`), so buttons of old messages keep
//! working.

use chrono::NaiveDate;

use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Use this delivery date instead (the earliest that works).
    UseDate(NaiveDate),
}

const YMD: &str = "%Y%m%d";

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::UseDate(d) => format!("ud:{}", d.format(YMD)),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        match codec::parts(data)? {
            ("ud", Some(d), None) if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) => {
                NaiveDate::parse_from_str(d, YMD).ok().map(Button::UseDate)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{Button as _, assert_forged, assert_round_trips};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_request_button_round_trips_within_64_bytes() {
        assert_round_trips(
            [day(2026, 12, 31), day(2026, 1, 5), day(9999, 12, 31)].map(Button::UseDate),
        );
        // The legacy wire string.
        assert_eq!(Button::UseDate(day(2026, 3, 26)).encode(), "ud:20260326");
    }

    #[test]
    fn forged_or_unknown_request_data_decodes_to_nothing() {
        assert_forged::<Button>(&[
            "",
            "🙂",
            "ud",
            "ud:",
            "ud:2026",
            "ud:20261340",
            "ud:2026-3-26",
            "ud:+2026032",
            "ud:20260326:1",
            "ok",
        ]);
    }
}
