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
    use crate::telegram::shared::codec::{Button as _, MAX_BYTES};

    #[test]
    fn every_request_button_round_trips_within_64_bytes() {
        for d in [
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
        ] {
            let b = Button::UseDate(d);
            let data = b.encode();
            assert!(data.len() <= MAX_BYTES, "{data} is too long");
            assert_eq!(Button::decode(&data), Some(b), "{data}");
        }
        // The legacy wire string.
        assert_eq!(
            Button::UseDate(NaiveDate::from_ymd_opt(2026, 3, 26).unwrap()).encode(),
            "ud:20260326"
        );
    }

    #[test]
    fn forged_or_unknown_request_data_decodes_to_nothing() {
        for data in [
            "",
            "ud",
            "ud:",
            "ud:2026",
            "ud:20261340",
            "ud:2026-3-26",
            "ud:+2026032",
            "ud:20260326:1",
            "ok",
            &"x".repeat(65),
            "🙂",
        ] {
            assert_eq!(Button::decode(data), None, "{data}");
        }
    }
}
