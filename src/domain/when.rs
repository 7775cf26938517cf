//! Dates and times as Indonesians type them in a chat, read relative to a
//! given local "today", and shown the Indonesian (or English) way.
//!
//! Nothing here reads the clock: callers pass the local date of the user's
//! zone. Everything is case-insensitive and may sit among other words
//! (`250 kotak snack untuk rakor tanggal 26 Maret di Samarinda`).
//!
//! Dates understood:
//! - a day and a month name, with or without a year: `26 Maret`,
//!   `26 Mar 2026`, `26-Mar-2026`, `26 March`, `March 26, 2026`, `26th March`.
//!   Indonesian months and their short forms (`Jan`, `Feb`/`Peb`/`Pebruari`,
//!   `Mar`, `Apr`, `Mei`, `Jun`, `Jul`, `Agu`/`Agt`/`Ags`, `Sep`/`Sept`,
//!   `Okt`, `Nov`/`Nop`, `Des`) and English ones;
//! - numbers, day first: `26/3`, `26/03/2026`, `26-03-2026`, `26.03.2026`,
//!   `26/3/26` (two-digit year = 20xx), and ISO `2026-03-26`. Without a year
//!   only the slash form counts (`26.3` and `26-3` are too often a decimal or
//!   a range); a slash pair that is no date at all (`3/17`) or is followed by
//!   a unit (`1/2 kg`) is a quantity;
//! - `hari ini`, `besok` (`esok`, `bsk`), `lusa`, `besok lusa` (= `lusa`),
//!   `minggu depan` / `pekan depan` (today + 7), `bulan depan` (same day next
//!   month, clamped to its last day), `3 hari lagi`, `2 minggu lagi`,
//!   `sebulan lagi`, `dalam 5 hari`, `dalam waktu dua minggu`,
//!   `5 hari dari sekarang`; English `today`, `tomorrow`, `next week`;
//! - weekday names (see [`find_date`] for `Senin`, `Senin depan`,
//!   `Senin ini`, `Kamis, 26 Maret 2026`);
//! - `tgl 26`, `tanggal 26`: that day of this month, or of the next month
//!   that has it once it has passed.
//!
//! A date without a year is the next such date, today included (`26 Maret`
//! said on 27 Maret 2026 is 26 Maret 2027; `29/2` is the next 29 February
//! that exists). A date in the past (a year written, `kemarin`,
//! `Senin lalu`, `3 hari yang lalu`, `minggu lalu`) is [`DateError::Past`];
//! a date that does not exist (`31/2`, `30 Februari`, `29/2/2027`,
//! `tanggal 32`) is [`DateError::Invalid`].
//!
//! Not dates: bare numbers and quantities (`250 kotak`, `1.500`, `25rb`,
//! `2,5 jt`), phone numbers, times (`jam 9`, `13.30`), durations
//! (`butuh 3 hari`, `selama 2 minggu`, `per minggu`), repeated days
//! (`setiap Senin`), vague spans (`minggu ini`, `akhir bulan depan`) and
//! business days (`dalam 5 hari kerja`: public holidays are unknown here, so
//! the bot should ask for a date instead of guessing).

use std::ops::Range;

use chrono::{Datelike, Months, NaiveDate, NaiveTime, TimeDelta, Timelike, Weekday};

/// A date found in free text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub date: NaiveDate,
    /// True only when the text wrote the year (`26 Maret 2027`,
    /// `26/03/2026`). False when the year was inferred: relative words
    /// (`besok`), weekdays, `26 Maret`, `26/3`, `tanggal 26`.
    pub year_given: bool,
    /// Byte range of the whole phrase in the input, including a leading
    /// `tanggal`/`tgl` or `hari` and trailing words such as `depan` or `lagi`,
    /// so a caller can cut the date out of the sentence.
    pub span: Range<usize>,
}

/// A time of day found in free text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub time: NaiveTime,
    /// Byte range of the phrase, including `jam`/`pukul`, the part of the day
    /// (`pagi`, `siang`, `sore`, `malam`) and a zone word (`WITA`) if any.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// A real date, but before today.
    #[error("{date} is in the past")]
    Past { date: NaiveDate },
    /// Shaped like a date, but no such day exists (`31/2`, `32 Maret`).
    #[error("no such date")]
    Invalid,
    /// The input is not a date (only from [`parse_date`]).
    #[error("not a date")]
    NotUnderstood,
    /// A weekday and a date that disagree: `Jumat, 26 Maret 2026` (a Thursday).
    #[error("{date} is not a {said}")]
    WeekdayMismatch { date: NaiveDate, said: Weekday },
}

/// Finds a date in free text ("250 kotak snack untuk rakor tanggal 26 Maret
/// di Samarinda"): the first mention that reads as a usable date. When the
/// text mentions no usable date but something date-shaped that is past or
/// impossible, that first error is returned, so the bot can say what is
/// wrong; a stray `kemarin` ("seperti pesanan kemarin, untuk besok") does not
/// hide a good date later on. `None` when there is no date at all.
///
/// Weekdays (`Senin` … `Minggu`, also `Jumat`/`Jum'at`, `Ahad`, English
/// names), with an optional `hari` before them:
/// - `Senin` alone is the next Monday, today excluded (`Jumat` said on a
///   Friday is a week ahead); so is `Senin besok`.
/// - `Senin depan` / `Senin minggu depan` is the Monday *of next week*
///   (weeks run Monday to Sunday, as in ISO 8601). Said on a Friday it is the
///   coming Monday (3 days ahead); `Jumat depan` said on a Monday is 11 days
///   ahead, not 4. Never today, since next week starts after today.
/// - `Senin ini` / `Senin minggu ini` is the Monday of this week, or today if
///   today is Monday; once this week's day has passed, the next one.
/// - `Senin lalu` / `Senin minggu lalu` is in the past ([`DateError::Past`]).
/// - `Kamis, 26 Maret 2026` / `Kamis tgl 26/3`: the explicit date wins, and
///   must fall on that weekday, else [`DateError::WeekdayMismatch`].
/// - `minggu` is both "Sunday" and "week": `minggu depan` (any case) is
///   today + 7; `hari Minggu depan` is the Sunday of next week; `Minggu`
///   is Sunday unless it is plainly a week (`2 minggu`, `per minggu`,
///   `minggu ini`, `minggu ke-2`, `minggu pertama`).
pub fn find_date(text: &str, today: NaiveDate) -> Option<Result<DateMention, DateError>> {
    let toks = tokenize(text);
    let r = Reader { t: &toks, today };
    let mut first_error = None;
    let mut i = 0;
    while i < toks.len() {
        let Some(c) = r.date_at(i) else {
            i += 1;
            continue;
        };
        match c.result {
            Ok(date) => {
                return Some(Ok(DateMention {
                    date,
                    year_given: c.year_given,
                    span: r.span(c.start, c.end),
                }));
            }
            Err(e) => {
                first_error.get_or_insert(e);
                i = c.end.max(i + 1);
            }
        }
    }
    first_error.map(Err)
}

/// Reads an answer to "tanggal berapa?": the whole input must be one date,
/// with at most a few filler words (`untuk besok ya`, `tgl 26 saja`). A bare
/// day number (`26`) is read as `tanggal 26` here (never in [`find_date`]).
/// A time is not a date: `besok jam 9` is [`DateError::NotUnderstood`]; use
/// [`find_date`] and [`find_time`] for both.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let toks = tokenize(input);
    let r = Reader { t: &toks, today };
    let i = r.skip_fillers(0);
    let c = r
        .date_at(i)
        .or_else(|| {
            let day = r.plain_number(i, 2)?;
            Some(Candidate {
                start: i,
                end: i + 1,
                result: day_of_month(day, today),
                year_given: false,
            })
        })
        .ok_or(DateError::NotUnderstood)?;
    if r.skip_fillers(c.end) != toks.len() {
        return Err(DateError::NotUnderstood);
    }
    c.result
}

/// Finds the first time of day in free text: `jam 9` (09:00), `jam 9 pagi`,
/// `jam 2 siang` (14:00), `jam 4 sore`, `jam 7 malam` (19:00), `jam 12 malam`
/// (00:00), `pukul 09.00`, `pukul 13.30`, `pkl 9`, `jam 10.15`, `jam 9an`,
/// `jam setengah 10` (09:30), `09:30`, `9.30 WITA`, `9 am`, `2pm`.
/// A range gives its start (`pukul 09.00-12.00`).
///
/// Without a part of the day, an hour written with one digit from 1 to 5 is
/// the afternoon (`jam 2` = 14:00, `pukul 1.30` = 13:30): offices do not
/// meet or take deliveries at 2 at night. Written with two digits
/// (`02.00`) it is taken as it stands.
///
/// A bare number needs `jam`/`pukul`, a colon (`09:30`), a zone word
/// (`9.30 WITA`) or, for `13.30`, a part of the day, so prices (`13.500`)
/// and counts (`3 malam`) are not times; nor are durations (`2 jam`,
/// `1 jam 30 menit`) or watches (`50 jam tangan`). Impossible times
/// (`jam 25`, `pukul 24.00`, `jam 9 siang`) are skipped.
pub fn find_time(text: &str) -> Option<TimeMention> {
    let toks = tokenize(text);
    let r = Reader {
        t: &toks,
        today: NaiveDate::MIN,
    };
    let mut i = 0;
    while i < toks.len() {
        match r.time_at(i, false) {
            Some((Some(time), end)) => {
                return Some(TimeMention {
                    time,
                    span: r.span(i, end),
                });
            }
            Some((None, end)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    None
}

/// Reads an answer to "jam berapa?": the whole input must be one time (a
/// bare `9` or `13.30` is accepted here). `None` if it is not, or if the
/// time does not exist (`25:00`).
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let toks = tokenize(input);
    let r = Reader {
        t: &toks,
        today: NaiveDate::MIN,
    };
    let i = r.skip_fillers(0);
    let (time, end) = r.time_at(i, true)?;
    if r.skip_fillers(end) != toks.len() {
        return None;
    }
    time
}

const HARI: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `Senin` … `Minggu`.
pub fn weekday_name_id(day: Weekday) -> &'static str {
    HARI[day.num_days_from_monday() as usize]
}

/// `Monday` … `Sunday`.
pub fn weekday_name_en(day: Weekday) -> &'static str {
    DAYS_EN[day.num_days_from_monday() as usize]
}

/// "Kamis, 26 Maret 2026".
pub fn format_date_id(date: NaiveDate) -> String {
    format!(
        "{}, {} {} {}",
        weekday_name_id(date.weekday()),
        date.day(),
        BULAN[date.month0() as usize],
        date.year()
    )
}

/// "09.00" (Indonesian writes a dot between hours and minutes).
pub fn format_time_id(time: NaiveTime) -> String {
    format!("{:02}.{:02}", time.hour(), time.minute())
}

/// "Kamis, 26 Maret 2026 pukul 09.00 WITA"; without the zone when
/// `zone_abbrev` is empty.
pub fn format_datetime_id(date: NaiveDate, time: NaiveTime, zone_abbrev: &str) -> String {
    with_zone(
        format!("{} pukul {}", format_date_id(date), format_time_id(time)),
        zone_abbrev,
    )
}

/// "Thursday, 26 March 2026".
pub fn format_date_en(date: NaiveDate) -> String {
    format!(
        "{}, {} {} {}",
        weekday_name_en(date.weekday()),
        date.day(),
        MONTHS_EN[date.month0() as usize],
        date.year()
    )
}

/// "09:00".
pub fn format_time_en(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// "Thursday, 26 March 2026 at 09:00 WITA".
pub fn format_datetime_en(date: NaiveDate, time: NaiveTime, zone_abbrev: &str) -> String {
    with_zone(
        format!("{} at {}", format_date_en(date), format_time_en(time)),
        zone_abbrev,
    )
}

fn with_zone(mut text: String, zone_abbrev: &str) -> String {
    let zone = zone_abbrev.trim();
    if !zone.is_empty() {
        text.push(' ');
        text.push_str(zone);
    }
    text
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    /// Words: lower case, apostrophes removed (`Jum'at` → `jumat`).
    /// Numbers: as typed, digits with inner `.`, `/`, `:`, `-`, `,`.
    text: String,
    span: Range<usize>,
    /// The non-blank characters between the previous token and this one.
    gap: String,
}

const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '`'];

/// Splits text into words (letters, inner apostrophes) and numbers (digits
/// with inner separators: `26/03/2026`, `1.500`, `09:30`, `2,5`). Spans are
/// byte ranges of the original text.
fn tokenize(s: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let next_is = |j: usize, f: fn(char) -> bool| chars.get(j).is_some_and(|&(_, c)| f(c));
    let byte_at = |j: usize| chars.get(j).map_or(s.len(), |&(b, _)| b);
    let mut toks = Vec::new();
    let mut gap = String::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let (kind, mut j) = if c.is_ascii_digit() {
            (Kind::Num, k + 1)
        } else if c.is_alphabetic() {
            (Kind::Word, k + 1)
        } else {
            if !c.is_whitespace() {
                gap.push(c);
            }
            k += 1;
            continue;
        };
        while let Some(&(_, cj)) = chars.get(j) {
            let more = match kind {
                Kind::Num if cj.is_ascii_digit() => 1,
                Kind::Num
                    if matches!(cj, '.' | '/' | ':' | '-' | ',')
                        && next_is(j + 1, |n| n.is_ascii_digit()) =>
                {
                    2
                }
                Kind::Word if cj.is_alphabetic() => 1,
                Kind::Word if APOSTROPHES.contains(&cj) && next_is(j + 1, char::is_alphabetic) => 2,
                _ => 0,
            };
            if more == 0 {
                break;
            }
            j += more;
        }
        let end = byte_at(j);
        let raw = &s[start..end];
        let text = match kind {
            Kind::Num => raw.to_string(),
            Kind::Word => raw
                .chars()
                .filter(|c| !APOSTROPHES.contains(c))
                .flat_map(char::to_lowercase)
                .collect(),
        };
        toks.push(Tok {
            kind,
            text,
            span: start..end,
            gap: std::mem::take(&mut gap),
        });
        k = j;
    }
    toks
}

// ---------------------------------------------------------------------------
// Vocabulary

fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "januari" | "jan" | "january" => 1,
        "februari" | "pebruari" | "feb" | "peb" | "february" => 2,
        "maret" | "mar" | "march" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "jun" | "june" => 6,
        "juli" | "jul" | "july" => 7,
        "agustus" | "agu" | "agt" | "ags" | "agst" | "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" | "october" | "oct" => 10,
        "november" | "nopember" | "nov" | "nop" => 11,
        "desember" | "des" | "december" | "dec" => 12,
        _ => return None,
    })
}

/// English month names that may come before the day (`March 26, 2026`).
fn month_first_of(w: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES.iter().position(|n| *n == w).map(|p| p as u32 + 1)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "senin" | "monday" => Weekday::Mon,
        "selasa" | "tuesday" => Weekday::Tue,
        "rabu" | "wednesday" => Weekday::Wed,
        "kamis" | "thursday" => Weekday::Thu,
        "jumat" | "friday" => Weekday::Fri,
        "sabtu" | "saturday" => Weekday::Sat,
        "minggu" | "ahad" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Words after a number that make it a quantity, not a day or a year.
const QUANTITY_WORDS: &[&str] = &[
    "kotak", "box", "boks", "dus", "pcs", "buah", "bh", "porsi", "pax", "orang", "org", "paket",
    "set", "lembar", "lbr", "kg", "gram", "gr", "g", "liter", "ltr", "l", "ml", "lusin", "kodi",
    "biji", "bungkus", "bks", "botol", "gelas", "cup", "potong", "pack", "pak", "ekor", "meter",
    "m", "cm", "unit", "rim", "roll", "pasang", "kali", "x", "rb", "ribu", "k", "jt", "juta",
    "peserta", "tamu", "undangan", "item",
];

const DEPAN: &[&str] = &["depan", "dpn"];
const WEEK: &[&str] = &["minggu", "pekan"];
const BEFORE: &[&str] = &["lalu", "kemarin", "kemaren", "kmrn"];
/// After `minggu`, words that make it "week" rather than "Sunday".
const WEEK_NOT_SUNDAY: &[&str] = &[
    "ini",
    "lalu",
    "lagi",
    "ke",
    "pertama",
    "kedua",
    "ketiga",
    "keempat",
    "kelima",
    "terakhir",
    "berikutnya",
    "sebelumnya",
    "kemarin",
    "depannya",
    "dpn",
    "depan",
];
/// Before a phrase, words that make it vague or repeated, not one date.
const VAGUE_BEFORE: &[&str] = &["awal", "akhir", "pertengahan", "tengah"];
const EVERY: &[&str] = &["setiap", "tiap", "per", "saban"];
const FILLERS: &[&str] = &[
    "pada", "untuk", "utk", "ya", "yah", "saja", "aja", "deh", "dong", "sih",
];

#[derive(Debug, Clone, Copy)]
enum Step {
    Days(u32),
    Months(u32),
}

fn step_of(w: &str) -> Option<Step> {
    Some(match w {
        "hari" | "hr" => Step::Days(1),
        "minggu" | "pekan" | "mgg" => Step::Days(7),
        "bulan" | "bln" => Step::Months(1),
        "tahun" | "thn" => Step::Months(12),
        _ => return None,
    })
}

/// `sehari`, `seminggu`, `sebulan`: one of the step.
fn one_step_of(w: &str) -> Option<Step> {
    Some(match w {
        "sehari" => Step::Days(1),
        "seminggu" | "sepekan" => Step::Days(7),
        "sebulan" => Step::Months(1),
        "setahun" => Step::Months(12),
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Pagi,
    Siang,
    Sore,
    Malam,
    Subuh,
    Am,
    Pm,
}

fn period_of(w: &str) -> Option<Period> {
    Some(match w {
        "pagi" => Period::Pagi,
        "siang" => Period::Siang,
        "sore" | "petang" => Period::Sore,
        "malam" | "mlm" => Period::Malam,
        "subuh" | "dinihari" => Period::Subuh,
        "am" => Period::Am,
        "pm" => Period::Pm,
        _ => return None,
    })
}

const ZONES: &[&str] = &["wib", "wita", "wit"];

// ---------------------------------------------------------------------------
// Date arithmetic

fn shift(date: NaiveDate, days: i64) -> Result<NaiveDate, DateError> {
    date.checked_add_signed(TimeDelta::try_days(days).ok_or(DateError::Invalid)?)
        .ok_or(DateError::Invalid)
}

fn add_steps(today: NaiveDate, step: Step, n: u32, forward: bool) -> Result<NaiveDate, DateError> {
    let date = match step {
        Step::Days(d) => shift(
            today,
            i64::from(d) * i64::from(n) * if forward { 1 } else { -1 },
        )?,
        Step::Months(m) => {
            let months = Months::new(m.checked_mul(n).ok_or(DateError::Invalid)?);
            if forward {
                today.checked_add_months(months)
            } else {
                today.checked_sub_months(months)
            }
            .ok_or(DateError::Invalid)?
        }
    };
    not_past(date, today)
}

fn not_past(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, DateError> {
    if date < today {
        Err(DateError::Past { date })
    } else {
        Ok(date)
    }
}

fn past(date: Result<NaiveDate, DateError>) -> Result<NaiveDate, DateError> {
    Err(DateError::Past { date: date? })
}

fn monday_of(today: NaiveDate) -> Result<NaiveDate, DateError> {
    shift(today, -i64::from(today.weekday().num_days_from_monday()))
}

fn day_index(day: Weekday) -> i64 {
    i64::from(day.num_days_from_monday())
}

/// The next `day` strictly after today.
fn next_weekday(today: NaiveDate, day: Weekday) -> Result<NaiveDate, DateError> {
    let ahead = (day_index(day) - day_index(today.weekday())).rem_euclid(7);
    shift(today, if ahead == 0 { 7 } else { ahead })
}

/// `day` in the ISO week after today's.
fn weekday_next_week(today: NaiveDate, day: Weekday) -> Result<NaiveDate, DateError> {
    shift(monday_of(today)?, 7 + day_index(day))
}

/// `day` in today's ISO week if not yet past, else the next one.
fn weekday_this_week(today: NaiveDate, day: Weekday) -> Result<NaiveDate, DateError> {
    let date = shift(monday_of(today)?, day_index(day))?;
    if date >= today {
        Ok(date)
    } else {
        shift(date, 7)
    }
}

/// The last `day` strictly before today.
fn previous_weekday(today: NaiveDate, day: Weekday) -> Result<NaiveDate, DateError> {
    let back = (day_index(today.weekday()) - day_index(day)).rem_euclid(7);
    shift(today, -(if back == 0 { 7 } else { back }))
}

fn weekday_last_week(today: NaiveDate, day: Weekday) -> Result<NaiveDate, DateError> {
    shift(monday_of(today)?, day_index(day) - 7)
}

fn with_year(year: i32, month: u32, day: u32, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Invalid)?;
    not_past(date, today)
}

/// The next `day month` on or after today (29 February may be years ahead).
fn next_day_month(month: u32, day: u32, today: NaiveDate) -> Result<NaiveDate, DateError> {
    (today.year()..=today.year() + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= today)
        .ok_or(DateError::Invalid)
}

/// `tanggal 26`: this month's 26th if not past, else the next month that
/// has a 26th (`tanggal 31` said on 5 April is 31 May).
fn day_of_month(day: u32, today: NaiveDate) -> Result<NaiveDate, DateError> {
    if !(1..=31).contains(&day) {
        return Err(DateError::Invalid);
    }
    let first = today.with_day(1).ok_or(DateError::Invalid)?;
    (0..=12)
        .filter_map(|k| first.checked_add_months(Months::new(k))?.with_day(day))
        .find(|d| *d >= today)
        .ok_or(DateError::Invalid)
}

fn resolve(year: Option<i32>, month: u32, day: u32, today: NaiveDate) -> Candidate {
    let result = if !(1..=31).contains(&day) {
        Err(DateError::Invalid)
    } else {
        match year {
            Some(y) => with_year(y, month, day, today),
            None => next_day_month(month, day, today),
        }
    };
    Candidate {
        start: 0,
        end: 0,
        result,
        year_given: year.is_some(),
    }
}

/// `h` written in 12-hour style with a part of the day, to 24-hour.
fn clock(h: u32, m: u32, period: Option<Period>, one_digit: bool) -> Option<NaiveTime> {
    let h = match (period, h) {
        (None, 1..=5) if one_digit => h + 12,
        (None, _) => h,
        (Some(Period::Pagi), 0..=11) => h,
        (Some(Period::Siang), 1..=5) => h + 12,
        (Some(Period::Siang), 10..=17) => h,
        (Some(Period::Sore), 1..=7) => h + 12,
        (Some(Period::Sore), 13..=19) => h,
        (Some(Period::Malam), 5..=11) => h + 12,
        (Some(Period::Malam), 0 | 12) => 0,
        (Some(Period::Malam), 1..=4 | 17..=23) => h,
        (Some(Period::Subuh), 0..=6) => h,
        (Some(Period::Am), 1..=11) => h,
        (Some(Period::Am), 12) => 0,
        (Some(Period::Pm), 1..=11) => h + 12,
        (Some(Period::Pm), 12) => 12,
        _ => return None,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// The clock part of a number token: `9`, `09.00`, `13:30`, `09.00-12.00`
/// (the start). Returns hour, minute, the separator and whether the hour
/// was written with one digit.
fn clock_parts(text: &str) -> Option<(u32, u32, Option<char>, bool)> {
    let first = text.split('-').next()?;
    let digits = |s: &str, lens: Range<usize>| {
        (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if let Some(h) = digits(first, 1..3) {
        return Some((h, 0, None, first.len() == 1));
    }
    let sep = first.chars().find(|c| matches!(c, '.' | ':'))?;
    let (hs, ms) = first.split_once(sep)?;
    let h = digits(hs, 1..3)?;
    let m = digits(ms, 2..3)?;
    Some((h, m, Some(sep), hs.len() == 1))
}

// ---------------------------------------------------------------------------
// Reading

struct Candidate {
    /// Token indices, end exclusive.
    start: usize,
    end: usize,
    result: Result<NaiveDate, DateError>,
    year_given: bool,
}

struct Reader<'a> {
    t: &'a [Tok],
    today: NaiveDate,
}

impl Reader<'_> {
    fn span(&self, start: usize, end: usize) -> Range<usize> {
        self.t[start].span.start..self.t[end - 1].span.end
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text.as_str())
    }

    fn num(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|t| t.kind == Kind::Num)
            .map(|t| t.text.as_str())
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    /// Token `i` is one of `words` and follows the previous one with only
    /// blanks between (a phrase continues).
    fn then(&self, i: usize, words: &[&str]) -> bool {
        self.is(i, words) && self.gap(i).is_empty()
    }

    fn gap(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.gap.as_str())
    }

    fn touches(&self, a: usize, b: usize) -> bool {
        match (self.t.get(a), self.t.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    fn glued_before(&self, i: usize) -> bool {
        i > 0 && self.touches(i - 1, i)
    }

    fn quantity_follows(&self, i: usize) -> bool {
        self.is(i, QUANTITY_WORDS)
    }

    /// A number of at most `max_len` digits, standing alone.
    fn plain_number(&self, i: usize, max_len: usize) -> Option<u32> {
        let n = self.num(i)?;
        if n.len() > max_len
            || !n.bytes().all(|b| b.is_ascii_digit())
            || self.glued_before(i)
            || self.touches(i, i + 1)
        {
            return None;
        }
        n.parse().ok()
    }

    /// A count in digits or words (`3`, `tiga`, `sepuluh`).
    fn count(&self, i: usize) -> Option<u32> {
        if let Some(n) = self.plain_number(i, 6) {
            return Some(n);
        }
        let w = self.word(i)?;
        let n = super::number::parse_whole(w).ok()?;
        u32::try_from(n).ok()
    }

    fn skip_fillers(&self, mut i: usize) -> usize {
        while self.is(i, FILLERS) {
            i += 1;
        }
        i
    }

    fn fixed(&self, start: usize, end: usize, result: Result<NaiveDate, DateError>) -> Candidate {
        Candidate {
            start,
            end,
            result,
            year_given: false,
        }
    }

    fn date_at(&self, i: usize) -> Option<Candidate> {
        let today = self.today;
        let tok = self.t.get(i)?;
        if tok.kind == Kind::Num {
            return self.explicit_at(i).or_else(|| self.count_from_now_at(i, i));
        }
        let after_vague = i > 0 && self.is(i - 1, VAGUE_BEFORE);
        let c = match tok.text.as_str() {
            "tanggal" | "tgl" => self.tanggal_at(i)?,
            "hari" if self.then(i + 1, &["ini"]) => self.fixed(i, i + 2, Ok(today)),
            "hari" => self.weekday_at(i + 1, i)?,
            "today" => self.fixed(i, i + 1, Ok(today)),
            "besok" | "esok" | "bsk" | "besuk" | "tomorrow" => {
                if self.then(i + 1, &["lusa"]) {
                    self.fixed(i, i + 2, shift(today, 2))
                } else {
                    self.tomorrow_at(i)
                }
            }
            "lusa" => self.fixed(i, i + 1, shift(today, 2)),
            "kemarin" | "kemaren" | "kmrn" | "yesterday" => {
                if self.then(i + 1, &["lusa"]) {
                    self.fixed(i, i + 2, past(shift(today, -2)))
                } else {
                    self.fixed(i, i + 1, past(shift(today, -1)))
                }
            }
            "minggu" | "pekan" if self.then(i + 1, DEPAN) => {
                if after_vague {
                    return None;
                }
                self.fixed(i, i + 2, shift(today, 7))
            }
            "minggu" | "pekan" if self.then(i + 1, BEFORE) => {
                self.fixed(i, i + 2, past(shift(today, -7)))
            }
            "next" if self.then(i + 1, &["week"]) => self.fixed(i, i + 2, shift(today, 7)),
            "bulan" if self.then(i + 1, DEPAN) => {
                if after_vague {
                    return None;
                }
                self.fixed(i, i + 2, add_steps(today, Step::Months(1), 1, true))
            }
            "bulan" if self.then(i + 1, BEFORE) => {
                self.fixed(i, i + 2, past(add_steps(today, Step::Months(1), 1, false)))
            }
            "dalam" | "dlm" => {
                let j = if self.then(i + 1, &["waktu"]) {
                    i + 2
                } else {
                    i + 1
                };
                self.count_from_now_at(j, i)?
            }
            w if weekday_of(w).is_some() => self.weekday_at(i, i)?,
            w if month_first_of(w).is_some() => self.month_first_at(i)?,
            _ => self.count_from_now_at(i, i)?,
        };
        Some(c)
    }

    /// `besok`, and `besok Senin` (which must be a Monday).
    fn tomorrow_at(&self, i: usize) -> Candidate {
        let date = shift(self.today, 1);
        let said = self.word(i + 1).and_then(weekday_of);
        match (said, date) {
            (Some(said), Ok(d)) if matches!(self.gap(i + 1), "" | ",") => {
                let result = if d.weekday() == said {
                    Ok(d)
                } else {
                    Err(DateError::WeekdayMismatch { date: d, said })
                };
                self.fixed(i, i + 2, result)
            }
            _ => self.fixed(i, i + 1, date),
        }
    }

    /// `tanggal 26`, `tgl. 26/3`, `tanggal 26 Maret 2026`.
    fn tanggal_at(&self, i: usize) -> Option<Candidate> {
        let j = i + 1;
        if !matches!(self.gap(j), "" | "." | ":") {
            return None;
        }
        if let Some(mut c) = self.explicit_at(j) {
            c.start = i;
            return Some(c);
        }
        let day = self.plain_number(j, 2)?;
        if self.quantity_follows(j + 1) {
            return None;
        }
        Some(self.fixed(i, j + 1, day_of_month(day, self.today)))
    }

    /// A date written out: numbers (`26/3`, `26-03-2026`, ISO) or a day and
    /// a month name.
    fn explicit_at(&self, i: usize) -> Option<Candidate> {
        self.numeric_at(i)
            .or_else(|| self.day_month_at(i))
            .or_else(|| self.month_first_at(i))
    }

    fn numeric_at(&self, i: usize) -> Option<Candidate> {
        let text = self.num(i)?;
        if self.glued_before(i) || self.touches(i, i + 1) {
            return None;
        }
        let sep = text.chars().find(|c| !c.is_ascii_digit())?;
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        let parts: Vec<&str> = text.split(sep).collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None; // mixed separators: "09.00-12.00", "1.500,25"
        }
        let n = |p: &str| p.parse::<u32>().ok();
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        let (year, month, day) = match lens.as_slice() {
            [1 | 2, 1 | 2] if sep == '/' => {
                if self.quantity_follows(i + 1) {
                    return None; // "1/2 kg"
                }
                (None, n(parts[1])?, n(parts[0])?)
            }
            [4, 1 | 2, 1 | 2] => (Some(n(parts[0])? as i32), n(parts[1])?, n(parts[2])?),
            [1 | 2, 1 | 2, 2] => (Some(2000 + n(parts[2])? as i32), n(parts[1])?, n(parts[0])?),
            [1 | 2, 1 | 2, 4] => (Some(n(parts[2])? as i32), n(parts[1])?, n(parts[0])?),
            _ => return None,
        };
        // Numbers out of any calendar's range are something else (3/17).
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let mut c = resolve(year, month, day, self.today);
        (c.start, c.end) = (i, i + 1);
        Some(c)
    }

    /// `26 Maret`, `26 Mar 2026`, `26-Mar-2026`, `26th March`, and the first
    /// day of a range: `26-27 Maret`.
    fn day_month_at(&self, i: usize) -> Option<Candidate> {
        let text = self.num(i)?;
        if self.glued_before(i) {
            return None;
        }
        let first = match text.split_once('-') {
            Some((a, b)) if (1..=2).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_digit()) => {
                a
            }
            Some(_) => return None,
            None => text,
        };
        if !(1..=2).contains(&first.len()) || !first.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let day: u32 = first.parse().ok()?;
        let mut m = i + 1;
        if self.touches(i, m) {
            if !self.is(m, &["st", "nd", "rd", "th"]) {
                return None;
            }
            m += 1;
        } else if !matches!(self.gap(m), "" | "-") {
            return None;
        }
        let month = month_of(self.word(m)?)?;
        let mut end = m + 1;
        let year = self.year_at(end, &["", "-", ",", "."]);
        if year.is_some() {
            end += 1;
        }
        let mut c = resolve(year, month, day, self.today);
        (c.start, c.end) = (i, end);
        Some(c)
    }

    /// English order: `March 26`, `March 26th, 2026`.
    fn month_first_at(&self, i: usize) -> Option<Candidate> {
        let month = month_first_of(self.word(i)?)?;
        let d = i + 1;
        if !self.gap(d).is_empty() {
            return None;
        }
        let text = self.num(d)?;
        if !(1..=2).contains(&text.len()) || !text.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let day: u32 = text.parse().ok()?;
        let mut end = d + 1;
        if self.touches(d, end) {
            if !self.is(end, &["st", "nd", "rd", "th"]) {
                return None;
            }
            end += 1;
        }
        if self.quantity_follows(end) || step_of(self.word(end).unwrap_or("")).is_some() {
            return None;
        }
        let year = self.year_at(end, &["", ","]);
        if year.is_some() {
            end += 1;
        }
        let mut c = resolve(year, month, day, self.today);
        (c.start, c.end) = (i, end);
        Some(c)
    }

    fn year_at(&self, i: usize, gaps: &[&str]) -> Option<i32> {
        if !gaps.contains(&self.gap(i)) || self.quantity_follows(i + 1) {
            return None;
        }
        let text = self.num(i)?;
        if text.len() != 4 || self.touches(i, i + 1) {
            return None;
        }
        text.parse().ok()
    }

    /// A weekday name at `i` (`start` is `i`, or the `hari` before it).
    fn weekday_at(&self, i: usize, start: usize) -> Option<Candidate> {
        let w = self.word(i)?;
        let day = weekday_of(w)?;
        let today = self.today;
        if start > 0 && self.is(start - 1, EVERY) {
            return None; // "setiap Senin" is not one date
        }
        if w == "minggu" && start == i {
            let before_is_count = start > 0
                && (self.count(start - 1).is_some()
                    || self.is(
                        start - 1,
                        &["se", "selama", "beberapa", "dalam", "dlm", "awal", "akhir"],
                    ));
            if before_is_count || self.then(i + 1, WEEK_NOT_SUNDAY) {
                return None;
            }
        }
        let j = i + 1;
        let (result, end) = if self.then(j, DEPAN) {
            (weekday_next_week(today, day), j + 1)
        } else if self.then(j, WEEK) && self.then(j + 1, DEPAN) {
            (weekday_next_week(today, day), j + 2)
        } else if self.then(j, &["ini"]) {
            (weekday_this_week(today, day), j + 1)
        } else if self.then(j, WEEK) && self.then(j + 1, &["ini"]) {
            (weekday_this_week(today, day), j + 2)
        } else if self.then(j, BEFORE) {
            (past(previous_weekday(today, day)), j + 1)
        } else if self.then(j, WEEK) && self.then(j + 1, BEFORE) {
            (past(weekday_last_week(today, day)), j + 2)
        } else if self.then(j, &["besok", "bsk"]) {
            (next_weekday(today, day), j + 1)
        } else if let Some(c) = matches!(self.gap(j), "" | ",")
            .then(|| {
                if self.is(j, &["tanggal", "tgl"]) {
                    self.tanggal_at(j)
                } else {
                    self.explicit_at(j)
                }
            })
            .flatten()
        {
            let result = c.result.and_then(|d| {
                if d.weekday() == day {
                    Ok(d)
                } else {
                    Err(DateError::WeekdayMismatch { date: d, said: day })
                }
            });
            return Some(Candidate {
                start,
                end: c.end,
                result,
                year_given: c.year_given,
            });
        } else {
            (next_weekday(today, day), j)
        };
        Some(self.fixed(start, end, result))
    }

    /// `3 hari lagi`, `tiga minggu lagi`, `seminggu lagi`, `5 hari dari
    /// sekarang`, `3 hari yang lalu`; after `dalam` (`start` < `i`) no `lagi`
    /// is needed: `dalam 5 hari`.
    fn count_from_now_at(&self, i: usize, start: usize) -> Option<Candidate> {
        let (n, step, mut j) = match self.word(i).and_then(one_step_of) {
            Some(step) => (1, step, i + 1),
            None => {
                let n = self.count(i)?;
                let step = step_of(self.word(i + 1)?)?;
                if !self.gap(i + 1).is_empty() {
                    return None;
                }
                (n, step, i + 2)
            }
        };
        if self.is(j, &["kerja"]) {
            return None; // business days: holidays are not known here
        }
        let forward = if self.then(j, &["lagi"]) {
            j += 1;
            true
        } else if self.then(j, &["dari"]) && self.then(j + 1, &["sekarang"]) {
            j += 2;
            true
        } else if self.then(j, &["yang", "yg"]) && self.then(j + 1, &["lalu"]) {
            j += 2;
            false
        } else if self.then(j, &["lalu"]) {
            j += 1;
            false
        } else if start < i {
            if self.then(j, &["lagi"]) {
                j += 1;
            }
            true
        } else {
            return None; // a duration: "butuh 3 hari"
        };
        Some(self.fixed(start, j, add_steps(self.today, step, n, forward)))
    }

    /// A time at token `i`: `Some((time, end))` when a time phrase is there
    /// (`None` inside when it is impossible, such as `jam 25`).
    /// `whole`: the input is only a time, so a bare number is one.
    fn time_at(&self, i: usize, whole: bool) -> Option<(Option<NaiveTime>, usize)> {
        let anchor = self.is(i, &["jam", "pukul", "pkl", "pk", "jm"]);
        if anchor && self.is(i, &["jam", "jm"]) && i > 0 && self.count(i - 1).is_some() {
            return None; // "2 jam" is a duration
        }
        let anchored = anchor || whole;
        let j = if anchor { i + 1 } else { i };
        if anchor && !matches!(self.gap(j), "" | ".") {
            return None;
        }
        let (h, m, sep, one_digit, mut k) = if self.is(j, &["setengah", "stgh", "stengah"]) {
            // "setengah 10" is half past nine
            let n = self.count(j + 1).filter(|n| (1..=12).contains(n))?;
            let h = if n == 1 { 12 } else { n - 1 };
            (h, 30, None, h < 10, j + 2)
        } else if let Some(text) = self.num(j) {
            if self.glued_before(j) {
                return None;
            }
            let (h, m, sep, one_digit) = clock_parts(text)?;
            (h, m, sep, one_digit, j + 1)
        } else if anchored {
            let n = self.count(j).filter(|n| *n <= 24)?;
            (n, 0, None, n < 10, j + 1)
        } else {
            return None;
        };
        // "jam 9an" (around nine), "9am", "2pm"
        let mut period = None;
        if k > 0 && self.touches(k - 1, k) {
            match self.word(k) {
                Some("an") => k += 1,
                Some(w @ ("am" | "pm")) => {
                    period = period_of(w);
                    k += 1;
                }
                _ => return None,
            }
        }
        if self.is(k, &["menit", "mnt", "detik"]) {
            return None; // "1 jam 30 menit" is a duration
        }
        if period.is_none()
            && let Some(p) = self.word(k).and_then(period_of)
        {
            period = Some(p);
            k += 1;
        }
        let zone = self.is(k, ZONES);
        if zone {
            k += 1;
        }
        let clear = anchored
            || sep == Some(':')
            || zone
            || matches!(period, Some(Period::Am | Period::Pm))
            || (sep == Some('.') && period.is_some());
        if !clear {
            return None;
        }
        Some((clock(h, m, period, one_digit), k))
    }
}
