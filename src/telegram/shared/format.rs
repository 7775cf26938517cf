//! How values are shown to people: money, counts, dates and times in the
//! user's language and zone, region names. Pure functions; escaping for
//! HTML is the reply catalogues' job.

use crate::domain::{Lang, RegionCode, Regions};

/// Money as shown: `Rp 1.250.000`.
pub fn rupiah(amount: i64) -> String {
    let amount = amount.max(0) as u64;
    crate::domain::Rupiah::new(amount)
        .map(|r| r.to_string())
        .unwrap_or_else(|_| format!("Rp {}", crate::domain::money::group_thousands(amount)))
}

/// A count as shown: `1.500`.
pub fn count(n: i64) -> String {
    crate::domain::money::group_thousands(n.max(0) as u64)
}

/// The zone of a regency, else `fallback`.
pub fn zone_of(regency: Option<&str>, fallback: chrono_tz::Tz) -> chrono_tz::Tz {
    regency
        .and_then(|r| Regions::embedded().timezone_of_code(r))
        .unwrap_or(fallback)
}

/// A moment in a zone, the user's way: "Kamis, 26 Maret 2026 pukul 09.00 WITA".
pub fn datetime_text(lang: Lang, at: chrono::DateTime<chrono::Utc>, zone: chrono_tz::Tz) -> String {
    let local = at.with_timezone(&zone);
    let abbrev = Regions::zone_abbreviation(zone);
    match lang {
        Lang::Id => {
            crate::domain::when::format_datetime_id(local.date_naive(), local.time(), abbrev)
        }
        Lang::En => {
            crate::domain::when::format_datetime_en(local.date_naive(), local.time(), abbrev)
        }
    }
}

/// A date the way the user's language writes it: "Kamis, 26 Maret 2026".
pub fn date_text(lang: Lang, date: chrono::NaiveDate) -> String {
    match lang {
        Lang::Id => crate::domain::when::format_date_id(date),
        Lang::En => crate::domain::when::format_date_en(date),
    }
}

/// "Tenggarong, Kabupaten Kutai Kartanegara" or just the regency.
pub fn region_name(regency: &str, district: Option<&str>) -> String {
    let regions = Regions::embedded();
    let Ok(code) = RegionCode::parse(regency) else {
        return regency.to_string();
    };
    let regency_name = regions
        .regency(&code)
        .map(|r| r.name.clone())
        .unwrap_or_else(|| regency.to_string());
    match district.and_then(|d| regions.district(d)) {
        Some(d) => format!("{}, {}", d.name, regency_name),
        None => regency_name,
    }
}

/// At most `max` characters, with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}
