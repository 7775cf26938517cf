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
///   must fall on that weekday, else [`DateError::WeekdayMismatch`]; so must
///   `besok Senin`.
/// - `malam Minggu` is the evening *before* that day, as Indonesians say it:
///   Saturday evening (`malam Jumat` is Thursday evening). `Minggu malam`
///   is Sunday evening.
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

/// A date phrase found in free text, usable or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFinding {
    pub result: Result<NaiveDate, DateError>,
    /// As in [`DateMention::year_given`].
    pub year_given: bool,
    /// Byte range of the phrase, as in [`DateMention::span`].
    pub span: Range<usize>,
}

/// Every date phrase in free text, in order, including past, impossible and
/// mismatched ones (which [`find_date`] reports only when no usable date
/// follows). For a caller that must cut every date-shaped phrase out of a
/// sentence, so that `26` in `26 Maret 2025` is not read as something else.
/// [`find_date`] is the first `Ok` here, or else the first `Err`.
pub fn find_all_dates(text: &str, today: NaiveDate) -> Vec<DateFinding> {
    let toks = tokenize(text);
    let r = Reader { t: &toks, today };
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(c) = r.date_at(i) else {
            i += 1;
            continue;
        };
        found.push(DateFinding {
            result: c.result,
            year_given: c.year_given,
            span: r.span(c.start, c.end),
        });
        i = c.end.max(i + 1);
    }
    found
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
/// A range gives its start (`pukul 09.00-12.00`). The part of the day may
/// also come just before `jam` (`nanti malam jam 7`, `Sabtu sore jam 4`).
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

/// How one language writes a date and a time of day.
struct Calendar {
    days: [&'static str; 7],
    months: [&'static str; 12],
    /// Between the hours and the minutes.
    time_separator: char,
    /// Between the date and the time.
    at: &'static str,
}

const INDONESIAN: Calendar = Calendar {
    days: HARI,
    months: BULAN,
    time_separator: '.',
    at: "pukul",
};

const ENGLISH: Calendar = Calendar {
    days: DAYS_EN,
    months: MONTHS_EN,
    time_separator: ':',
    at: "at",
};

impl Calendar {
    fn weekday(&self, day: Weekday) -> &'static str {
        self.days[day.num_days_from_monday() as usize]
    }

    fn date(&self, date: NaiveDate) -> String {
        let month = self.months[date.month0() as usize];
        let (weekday, day, year) = (self.weekday(date.weekday()), date.day(), date.year());
        format!("{weekday}, {day} {month} {year}")
    }

    fn time(&self, time: NaiveTime) -> String {
        let (h, sep, m) = (time.hour(), self.time_separator, time.minute());
        format!("{h:02}{sep}{m:02}")
    }

    /// The date and the time, then the zone unless `zone_abbrev` is empty.
    fn datetime(&self, date: NaiveDate, time: NaiveTime, zone_abbrev: &str) -> String {
        let text = format!("{} {} {}", self.date(date), self.at, self.time(time));
        with_zone(text, zone_abbrev)
    }
}

/// `Senin` … `Minggu`.
pub fn weekday_name_id(day: Weekday) -> &'static str {
    INDONESIAN.weekday(day)
}

/// `Monday` … `Sunday`.
pub fn weekday_name_en(day: Weekday) -> &'static str {
    ENGLISH.weekday(day)
}

/// "Kamis, 26 Maret 2026".
pub fn format_date_id(date: NaiveDate) -> String {
    INDONESIAN.date(date)
}

/// "09.00" (Indonesian writes a dot between hours and minutes).
pub fn format_time_id(time: NaiveTime) -> String {
    INDONESIAN.time(time)
}

/// "Kamis, 26 Maret 2026 pukul 09.00 WITA"; without the zone when
/// `zone_abbrev` is empty.
pub fn format_datetime_id(date: NaiveDate, time: NaiveTime, zone_abbrev: &str) -> String {
    INDONESIAN.datetime(date, time, zone_abbrev)
}

/// "Thursday, 26 March 2026".
pub fn format_date_en(date: NaiveDate) -> String {
    ENGLISH.date(date)
}

/// "09:00".
pub fn format_time_en(time: NaiveTime) -> String {
    ENGLISH.time(time)
}

/// "Thursday, 26 March 2026 at 09:00 WITA".
pub fn format_datetime_en(date: NaiveDate, time: NaiveTime, zone_abbrev: &str) -> String {
    ENGLISH.datetime(date, time, zone_abbrev)
}

/// English day endings: `26th`, `1st`.
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// A day of the month as typed: `5`, `26`.
fn one_or_two_digits(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit())
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
    "biji", "bungkus", "bks", "botol", "gelas", "cup", "potong", "pack", "ekor", "meter", "m",
    "cm", "unit", "rim", "roll", "pasang", "kali", "x", "rb", "ribu", "k", "jt", "juta", "item",
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
        self.then(i, QUANTITY_WORDS)
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
            return self
                .explicit_at(i)
                .map(|c| self.with_weekday_after(c))
                .or_else(|| self.count_from_now_at(i, i));
        }
        let after_vague = i > 0 && self.is(i - 1, VAGUE_BEFORE);
        let c = match tok.text.as_str() {
            "tanggal" | "tgl" => self.with_weekday_after(self.tanggal_at(i)?),
            "hari" if self.then(i + 1, &["ini"]) => self.fixed(i, i + 2, Ok(today)),
            "hari" | "hr" => self.weekday_at(i + 1, i)?,
            // "sore ini", "pagi ini", "nanti malam": today.
            w if period_of(w).is_some() && self.then(i + 1, &["ini"]) => {
                self.fixed(i, i + 2, Ok(today))
            }
            "nanti" | "ntr" | "nnti"
                if self.word(i + 1).and_then(period_of).is_some() && self.gap(i + 1).is_empty() =>
            {
                self.fixed(i, i + 2, Ok(today))
            }
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

    /// `26/3 (Kamis)`, `tgl 10 (Kamis)`: a weekday right after a date must
    /// be that date's, else [`DateError::WeekdayMismatch`].
    fn with_weekday_after(&self, mut c: Candidate) -> Candidate {
        let j = c.end;
        let Some(said) = self.word(j).and_then(weekday_of) else {
            return c;
        };
        if !matches!(self.gap(j), "(" | "" | ",(" | "-" | ",") {
            return c;
        }
        // "Minggu" after a date is a week only with "depan"/"ini"...
        if self.then(j + 1, WEEK_NOT_SUNDAY) {
            return c;
        }
        c.result = c.result.and_then(|d| {
            if d.weekday() == said {
                Ok(d)
            } else {
                Err(DateError::WeekdayMismatch { date: d, said })
            }
        });
        c.end = j + 1;
        c
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
        // "minggu ke-2 April" is the second week, not 2 April
        if self.glued_before(i) || (i > 0 && self.is(i - 1, &["ke"])) {
            return None;
        }
        let first = match text.split_once('-') {
            Some((a, b)) if one_or_two_digits(b) => a,
            Some(_) => return None,
            None => text,
        };
        if !one_or_two_digits(first) {
            return None;
        }
        let day: u32 = first.parse().ok()?;
        let mut m = i + 1;
        if self.touches(i, m) {
            if !self.is(m, ORDINAL_SUFFIXES) {
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
        if !one_or_two_digits(text) {
            return None;
        }
        let day: u32 = text.parse().ok()?;
        let mut end = d + 1;
        if self.touches(d, end) {
            if !self.is(end, ORDINAL_SUFFIXES) {
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
        // "setiap Senin", "tiap hari Jumat" are not one date
        let lead = if start > 0 && self.is(start - 1, &["hari"]) {
            start - 1
        } else {
            start
        };
        if lead > 0 && self.is(lead - 1, EVERY) {
            return None;
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
        } else if let Some(c) = matches!(self.gap(j), "" | "," | "(" | ",(")
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
        // "malam Minggu" is Saturday evening, "malam Jumat" Thursday
        // evening (but "jam 7 malam, Minggu" is Sunday).
        if start == i
            && i > 0
            && self.is(i - 1, &["malam", "mlm"])
            && self.gap(i).is_empty()
            && !(i > 1 && (self.num(i - 2).is_some() || self.count(i - 2).is_some()))
        {
            let eve = match result {
                Ok(d) => shift(d, -1).and_then(|e| not_past(e, today)),
                Err(DateError::Past { date }) => past(shift(date, -1)),
                other => other,
            };
            return Some(self.fixed(i - 1, end, eve));
        }
        Some(self.fixed(start, end, result))
    }

    /// `3 hari lagi`, `tiga minggu lagi`, `seminggu lagi`, `5 hari dari
    /// sekarang`, `3 hari yang lalu`; after `dalam` (`start` < `i`) no `lagi`
    /// is needed: `dalam 5 hari`.
    fn count_from_now_at(&self, i: usize, start: usize) -> Option<Candidate> {
        let (n, step, mut j) = match self.word(i).and_then(one_step_of) {
            Some(step) => (1, step, i + 1),
            None => {
                let step = step_of(self.word(i + 1)?)?;
                // "2mgg lagi": a count glued to its step word.
                let n = match self.count(i) {
                    Some(n) => n,
                    None if self.touches(i, i + 1) && !self.glued_before(i) => {
                        let t = self.num(i)?;
                        if t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
                            return None;
                        }
                        t.parse().ok()?
                    }
                    None => return None,
                };
                if !self.gap(i + 1).is_empty() {
                    return None;
                }
                (n, step, i + 2)
            }
        };
        if self.is(j, &["kerja"]) {
            return None; // business days: holidays are not known here
        }
        let forward = if self.then(j, &["lagi", "lg", "lgi"]) {
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
        // "2 jam" is a duration, but "tanggal 5 jam 9" is a day and a time
        if anchor
            && self.is(i, &["jam", "jm"])
            && i > 0
            && self.count(i - 1).is_some()
            && !(i > 1 && self.is(i - 2, &["tanggal", "tgl"]))
        {
            return None;
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
        // The part of the day may come first: "nanti malam jam 7",
        // "Sabtu malam jam 7", "malam Minggu jam 7".
        if period.is_none() && anchor && i > 0 {
            let before = if i > 1 && self.word(i - 1).and_then(weekday_of).is_some() {
                i - 2
            } else {
                i - 1
            };
            period = self.word(before).and_then(period_of).or_else(|| {
                // "malam ini jam 8", "sore ini jam 4"
                (before > 0 && self.is(before, &["ini"]))
                    .then(|| self.word(before - 1).and_then(period_of))
                    .flatten()
            });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{hm as t, ymd as d};

    /// Friday 20 March 2026: "today" in most tables.
    fn friday() -> NaiveDate {
        d(2026, 3, 20)
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Want {
        On(i32, u32, u32),
        Past(i32, u32, u32),
        Invalid,
        Mismatch(i32, u32, u32, Weekday),
        Nothing,
    }
    use Want::*;

    fn ymd(date: NaiveDate) -> (i32, u32, u32) {
        (date.year(), date.month(), date.day())
    }

    fn found(text: &str, today: NaiveDate) -> Want {
        match find_date(text, today) {
            None => Nothing,
            Some(Ok(m)) => {
                let (y, mo, day) = ymd(m.date);
                On(y, mo, day)
            }
            Some(Err(DateError::Past { date })) => {
                let (y, mo, day) = ymd(date);
                Past(y, mo, day)
            }
            Some(Err(DateError::Invalid)) => Invalid,
            Some(Err(DateError::WeekdayMismatch { date, said })) => {
                let (y, mo, day) = ymd(date);
                Mismatch(y, mo, day, said)
            }
            Some(Err(DateError::NotUnderstood)) => panic!("find_date never says NotUnderstood"),
        }
    }

    /// Checks every row and reports all the failing ones at once.
    fn check(today: NaiveDate, cases: &[(&str, Want)]) {
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|&(text, want)| {
                let got = found(text, today);
                (got != want)
                    .then(|| format!("{text:?} (today {today}): got {got:?}, want {want:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn a_day_and_a_month_name_are_read_inside_a_sentence() {
        check(
            friday(),
            &[
                (
                    "250 kotak snack untuk rakor tanggal 26 Maret di Samarinda",
                    On(2026, 3, 26),
                ),
                ("26 Maret 2027", On(2027, 3, 26)),
                (
                    "mohon dikirim 26 Mar 2026 ke kantor Bappeda",
                    On(2026, 3, 26),
                ),
                ("acara tgl 26 maret 2027 di aula", On(2027, 3, 26)),
                ("TANGGAL 26 MARET", On(2026, 3, 26)),
                ("rapat koordinasi 1 April", On(2026, 4, 1)),
                ("seminar 14 Apr", On(2026, 4, 14)),
                ("kunjungan kerja 2 Mei pagi", On(2026, 5, 2)),
                ("HUT kabupaten 12 Juni", On(2026, 6, 12)),
                ("pameran UMKM 20 Jun 2026", On(2026, 6, 20)),
                ("festival budaya 10 Juli", On(2026, 7, 10)),
                ("lomba 11 Jul", On(2026, 7, 11)),
                ("upacara 17 Agustus", On(2026, 8, 17)),
                ("tumpeng untuk 17 Agu", On(2026, 8, 17)),
                ("konsumsi 18 Agt 2026", On(2026, 8, 18)),
                ("kaos 16 Ags", On(2026, 8, 16)),
                ("bimtek 5 September", On(2026, 9, 5)),
                ("seminar kit 6 Sept", On(2026, 9, 6)),
                ("7 Sep 2026", On(2026, 9, 7)),
                ("Sumpah Pemuda 28 Oktober", On(2026, 10, 28)),
                ("29 Okt", On(2026, 10, 29)),
                ("rapat evaluasi 10 November", On(2026, 11, 10)),
                ("11 Nop", On(2026, 11, 11)),
                ("12 Nov 2026", On(2026, 11, 12)),
                ("rapat akhir tahun 22 Desember", On(2026, 12, 22)),
                ("23 Des", On(2026, 12, 23)),
                ("5 Januari", On(2027, 1, 5)),
                ("6 Jan 2027", On(2027, 1, 6)),
                ("14 Februari", On(2027, 2, 14)),
                ("15 Feb 2027", On(2027, 2, 15)),
                ("17 Pebruari", On(2027, 2, 17)),
                ("26-Mar-2026", On(2026, 3, 26)),
                ("26 Mar. 2026", On(2026, 3, 26)),
                ("acara 26-27 Maret di Balikpapan", On(2026, 3, 26)),
                ("delivery on 26 March 2026", On(2026, 3, 26)),
                ("4 July", On(2026, 7, 4)),
                ("meeting on March 30", On(2026, 3, 30)),
                ("May 5th, 2026", On(2026, 5, 5)),
                ("the 26th March", On(2026, 3, 26)),
            ],
        );
    }

    #[test]
    fn numeric_dates_are_read_day_first() {
        check(
            friday(),
            &[
                ("kirim tgl 26/3 pukul 13.00", On(2026, 3, 26)),
                ("26/03/2026", On(2026, 3, 26)),
                ("26-03-2026", On(2026, 3, 26)),
                ("26.03.2026", On(2026, 3, 26)),
                ("2026-03-26", On(2026, 3, 26)),
                ("tanggal 2026-04-01 ya", On(2026, 4, 1)),
                ("rapat 1/4", On(2026, 4, 1)),
                ("acara (3/4) di pendopo", On(2026, 4, 3)),
                ("5/1 untuk rapat awal tahun", On(2027, 1, 5)),
                ("26/3/26", On(2026, 3, 26)),
                ("kirim ke kantor tgl 2/4/2026.", On(2026, 4, 2)),
            ],
        );
    }

    #[test]
    fn relative_words_count_from_today() {
        check(
            friday(),
            &[
                ("snack untuk rapat besok jam 9", On(2026, 3, 21)),
                ("hari ini", On(2026, 3, 20)),
                ("bisa dikirim hari ini?", On(2026, 3, 20)),
                ("Besok", On(2026, 3, 21)),
                ("bsk pagi ya", On(2026, 3, 21)),
                ("esok hari", On(2026, 3, 21)),
                ("lusa", On(2026, 3, 22)),
                ("besok lusa", On(2026, 3, 22)),
                ("minggu depan", On(2026, 3, 27)),
                ("Minggu depan ada rakor", On(2026, 3, 27)),
                ("pekan depan", On(2026, 3, 27)),
                ("bulan depan", On(2026, 4, 20)),
                ("3 hari lagi", On(2026, 3, 23)),
                ("tiga hari lagi", On(2026, 3, 23)),
                ("2 minggu lagi", On(2026, 4, 3)),
                ("seminggu lagi", On(2026, 3, 27)),
                ("sebulan lagi", On(2026, 4, 20)),
                ("dalam 5 hari", On(2026, 3, 25)),
                ("dalam waktu dua minggu", On(2026, 4, 3)),
                ("dalam seminggu", On(2026, 3, 27)),
                ("5 hari dari sekarang", On(2026, 3, 25)),
                ("0 hari lagi", On(2026, 3, 20)),
                ("today", On(2026, 3, 20)),
                ("tomorrow morning", On(2026, 3, 21)),
                ("next week", On(2026, 3, 27)),
            ],
        );
    }

    #[test]
    fn tanggal_alone_is_this_month_or_the_next_month_that_has_that_day() {
        check(
            friday(),
            &[
                ("tanggal 5", On(2026, 4, 5)),
                ("tgl 26", On(2026, 3, 26)),
                ("tanggal 20", On(2026, 3, 20)),
                ("tgl. 21 saja", On(2026, 3, 21)),
                ("tanggal: 31", On(2026, 3, 31)),
            ],
        );
        check(d(2026, 4, 5), &[("tanggal 31", On(2026, 5, 31))]);
        check(d(2026, 1, 31), &[("tanggal 30", On(2026, 3, 30))]);
    }

    #[test]
    fn weekday_names_mean_the_next_such_day_and_today_is_excluded() {
        check(
            friday(),
            &[
                ("Senin", On(2026, 3, 23)),
                ("acara hari Selasa", On(2026, 3, 24)),
                ("rapat Rabu siang", On(2026, 3, 25)),
                ("Kamis", On(2026, 3, 26)),
                ("jumat", On(2026, 3, 27)),
                ("kirim Jum'at pagi", On(2026, 3, 27)),
                ("Jum\u{2019}at", On(2026, 3, 27)),
                ("Sabtu", On(2026, 3, 21)),
                ("Minggu", On(2026, 3, 22)),
                ("hari Minggu", On(2026, 3, 22)),
                ("Ahad", On(2026, 3, 22)),
                ("on Monday", On(2026, 3, 23)),
                ("Senin besok", On(2026, 3, 23)),
                ("acara malam Minggu", On(2026, 3, 21)),
                ("pengajian malam Jumat", On(2026, 3, 26)),
                ("jam 7 malam, Minggu", On(2026, 3, 22)),
            ],
        );
    }

    #[test]
    fn weekday_with_depan_ini_or_a_date_follows_the_documented_rules() {
        check(
            friday(),
            &[
                ("acara Senin depan", On(2026, 3, 23)),
                ("Jumat depan", On(2026, 3, 27)),
                ("Sabtu depan", On(2026, 3, 28)),
                ("Senin minggu depan", On(2026, 3, 23)),
                ("hari Minggu depan", On(2026, 3, 29)),
                ("Kamis ini", On(2026, 3, 26)),
                ("Jumat ini", On(2026, 3, 20)),
                ("Rabu minggu ini", On(2026, 3, 25)),
                ("Kamis, 26 Maret 2026", On(2026, 3, 26)),
                ("hari Kamis tgl 26", On(2026, 3, 26)),
                ("Minggu, 29/3", On(2026, 3, 29)),
                ("Jumat, 26 Maret 2026", Mismatch(2026, 3, 26, Weekday::Fri)),
                ("besok Sabtu", On(2026, 3, 21)),
                ("besok Senin", Mismatch(2026, 3, 21, Weekday::Mon)),
            ],
        );
    }

    const NAMES: [&str; 7] = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];

    #[test]
    fn weekday_depan_is_that_day_of_next_week_whatever_today_is() {
        // Monday 23 … Sunday 29 March 2026; next week starts Monday 30 March.
        for offset in 0..7 {
            let today = d(2026, 3, 23 + offset);
            for (k, name) in NAMES.iter().enumerate() {
                let want = d(2026, 3, 30) + TimeDelta::days(k as i64);
                let (y, m, day) = ymd(want);
                // "Minggu depan" alone is "next week" (today + 7); Sunday
                // of next week needs "hari" before it.
                let said = if *name == "Minggu" {
                    "hari Minggu"
                } else {
                    name
                };
                check(today, &[(&format!("acara {said} depan"), On(y, m, day))]);
                check(today, &[(&format!("{name} minggu depan"), On(y, m, day))]);
            }
        }
    }

    #[test]
    fn minggu_depan_is_a_week_from_today_whatever_today_is() {
        for offset in 0..7 {
            let today = d(2026, 3, 23 + offset);
            let (y, m, day) = ymd(today + TimeDelta::days(7));
            check(today, &[("Minggu depan", On(y, m, day))]);
        }
    }

    #[test]
    fn a_bare_weekday_is_the_next_one_for_every_today() {
        let cases = [
            (23, "Jumat", On(2026, 3, 27)),
            (24, "Jumat", On(2026, 3, 27)),
            (25, "Jumat", On(2026, 3, 27)),
            (26, "Jumat", On(2026, 3, 27)),
            (27, "Jumat", On(2026, 4, 3)),
            (28, "Jumat", On(2026, 4, 3)),
            (29, "Jumat", On(2026, 4, 3)),
            (23, "Senin", On(2026, 3, 30)),
            (29, "Senin", On(2026, 3, 30)),
            (28, "hari Minggu", On(2026, 3, 29)),
            (29, "hari Minggu", On(2026, 4, 5)),
            (29, "Kamis ini", On(2026, 4, 2)),
            (26, "Kamis ini", On(2026, 3, 26)),
        ];
        for (day, text, want) in cases {
            check(d(2026, 3, day), &[(text, want)]);
        }
    }

    #[test]
    fn dates_roll_over_into_the_next_year() {
        // Monday 28 December 2026.
        check(
            d(2026, 12, 28),
            &[
                ("5 Januari", On(2027, 1, 5)),
                ("tanggal 3", On(2027, 1, 3)),
                ("2/1", On(2027, 1, 2)),
                ("minggu depan", On(2027, 1, 4)),
                ("Senin depan", On(2027, 1, 4)),
                ("Jumat", On(2027, 1, 1)),
                ("bulan depan", On(2027, 1, 28)),
                ("5 hari lagi", On(2027, 1, 2)),
                ("31 Desember", On(2026, 12, 31)),
                ("28 Desember", On(2026, 12, 28)),
                ("27 Desember", On(2027, 12, 27)),
            ],
        );
        check(d(2026, 12, 31), &[("besok", On(2027, 1, 1))]);
        check(d(2026, 3, 27), &[("26 Maret", On(2027, 3, 26))]);
        check(d(2026, 1, 31), &[("bulan depan", On(2026, 2, 28))]);
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        check(
            friday(),
            &[
                ("29 Februari 2028", On(2028, 2, 29)),
                ("29/2/2027", Invalid),
                ("29/2", On(2028, 2, 29)),
                ("29 Feb 2026", Invalid),
            ],
        );
        check(d(2028, 1, 31), &[("bulan depan", On(2028, 2, 29))]);
        check(d(2028, 2, 1), &[("29 Feb", On(2028, 2, 29))]);
    }

    #[test]
    fn past_dates_are_refused_with_the_date() {
        check(
            friday(),
            &[
                ("26 Maret 2025", Past(2025, 3, 26)),
                ("kemarin", Past(2026, 3, 19)),
                ("kmrn sudah saya pesan", Past(2026, 3, 19)),
                ("kemarin lusa", Past(2026, 3, 18)),
                ("19/03/2026", Past(2026, 3, 19)),
                ("2026-03-19", Past(2026, 3, 19)),
                ("1 Januari 2026", Past(2026, 1, 1)),
                ("Senin lalu", Past(2026, 3, 16)),
                ("Jumat kemarin", Past(2026, 3, 13)),
                ("Selasa minggu lalu", Past(2026, 3, 10)),
                ("3 hari yang lalu", Past(2026, 3, 17)),
                ("2 hari lalu", Past(2026, 3, 18)),
                ("minggu lalu", Past(2026, 3, 13)),
                ("bulan lalu", Past(2026, 2, 20)),
            ],
        );
    }

    #[test]
    fn impossible_dates_are_invalid() {
        check(
            friday(),
            &[
                ("31/2", Invalid),
                ("rapat 30 Februari", Invalid),
                ("32 Maret", Invalid),
                ("tanggal 32", Invalid),
                ("tanggal 0", Invalid),
                ("31 April 2026", Invalid),
                ("2026-02-30", Invalid),
                ("31/04/2026", Invalid),
            ],
        );
    }

    #[test]
    fn quantities_prices_phones_times_and_durations_are_not_dates() {
        check(
            friday(),
            &[
                ("250 kotak snack", Nothing),
                ("harga 25rb per kotak", Nothing),
                ("anggaran 2,5 jt", Nothing),
                ("1.500 pcs", Nothing),
                ("harga 13.500", Nothing),
                ("total Rp 10.000.000", Nothing),
                ("hubungi 0812-3456-7890", Nothing),
                ("+62 812 3456 7890", Nothing),
                ("rapat jam 9", Nothing),
                ("pukul 13.30", Nothing),
                ("mulai 09:30 WITA", Nothing),
                ("kapasitas 100 porsi per minggu", Nothing),
                ("butuh 3 hari", Nothing),
                ("selama 2 minggu", Nothing),
                ("1/2 kg gula", Nothing),
                ("rasio 3/17", Nothing),
                ("menginap 3 malam", Nothing),
                ("kirim setiap Senin", Nothing),
                ("tiap hari Jumat", Nothing),
                ("minggu ini sibuk", Nothing),
                ("minggu ke-2 April", Nothing),
                ("minggu pertama", Nothing),
                ("hubungi Bu Mei", Nothing),
                ("dalam 5 hari kerja", Nothing),
                ("akhir bulan depan", Nothing),
                ("akhir minggu depan", Nothing),
                ("bulan Maret", Nothing),
                ("Maret 2026", Nothing),
                ("stok 2026 pcs", Nothing),
                ("50 jam tangan", Nothing),
                ("", Nothing),
            ],
        );
    }

    #[test]
    fn a_usable_date_wins_over_an_earlier_past_or_impossible_one() {
        check(
            friday(),
            &[
                (
                    "seperti pesanan kemarin, tolong kirim lagi besok",
                    On(2026, 3, 21),
                ),
                ("tanggal 31/2, eh maksudnya 3/4", On(2026, 4, 3)),
                ("kemarin sudah rapat", Past(2026, 3, 19)),
                ("acara 26 Maret, kirim 25 Maret", On(2026, 3, 26)),
            ],
        );
    }

    fn span_of(text: &str, today: NaiveDate) -> &str {
        let m = find_date(text, today).unwrap().unwrap();
        &text[m.span]
    }

    #[test]
    fn the_span_covers_the_whole_date_phrase() {
        let cases = [
            (
                "250 kotak snack untuk rakor tanggal 26 Maret di Samarinda",
                "tanggal 26 Maret",
            ),
            ("acara Senin depan ya", "Senin depan"),
            ("3 hari lagi ya", "3 hari lagi"),
            ("siap dalam 5 hari", "dalam 5 hari"),
            (
                "Kamis, 26 Maret 2026 pukul 09.00 WITA",
                "Kamis, 26 Maret 2026",
            ),
            ("kirim Jum'at pagi", "Jum'at"),
            ("Kué lapis untuk besok", "besok"),
            ("acara hari Minggu depan", "hari Minggu depan"),
            ("tgl. 26/3 ok", "tgl. 26/3"),
        ];
        for (text, want) in cases {
            assert_eq!(span_of(text, friday()), want, "{text}");
        }
    }

    #[test]
    fn find_all_dates_lists_every_date_phrase_with_its_span() {
        let text = "seperti pesanan kemarin, kirim 31/2 eh besok, atau 26 Maret";
        let found = find_all_dates(text, friday());
        let shown: Vec<(&str, Result<NaiveDate, DateError>)> = found
            .iter()
            .map(|f| (&text[f.span.clone()], f.result))
            .collect();
        assert_eq!(
            shown,
            vec![
                (
                    "kemarin",
                    Err(DateError::Past {
                        date: d(2026, 3, 19)
                    })
                ),
                ("31/2", Err(DateError::Invalid)),
                ("besok", Ok(d(2026, 3, 21))),
                ("26 Maret", Ok(d(2026, 3, 26))),
            ]
        );
        assert!(find_all_dates("250 kotak snack", friday()).is_empty());
    }

    #[test]
    fn year_given_is_true_only_when_the_year_was_written() {
        let given = |text: &str| find_date(text, friday()).unwrap().unwrap().year_given;
        assert!(given("26 Maret 2027"));
        assert!(given("26/03/2026"));
        assert!(given("Kamis, 26 Maret 2026"));
        assert!(!given("26 Maret"));
        assert!(!given("26/3"));
        assert!(!given("besok"));
        assert!(!given("tanggal 26"));
    }

    #[test]
    fn parse_date_wants_the_whole_answer_to_be_a_date() {
        let today = friday();
        assert_eq!(parse_date("besok", today), Ok(d(2026, 3, 21)));
        assert_eq!(parse_date("26", today), Ok(d(2026, 3, 26)));
        assert_eq!(parse_date("5", today), Ok(d(2026, 4, 5)));
        assert_eq!(parse_date("tgl 26 saja", today), Ok(d(2026, 3, 26)));
        assert_eq!(parse_date("untuk besok ya", today), Ok(d(2026, 3, 21)));
        assert_eq!(parse_date("  Senin depan  ", today), Ok(d(2026, 3, 23)));
        assert_eq!(parse_date("26 Maret 2026.", today), Ok(d(2026, 3, 26)));
        assert_eq!(
            parse_date("besok jam 9", today),
            Err(DateError::NotUnderstood)
        );
        assert_eq!(parse_date("", today), Err(DateError::NotUnderstood));
        assert_eq!(
            parse_date("belum tahu", today),
            Err(DateError::NotUnderstood)
        );
        assert_eq!(
            parse_date("250 kotak", today),
            Err(DateError::NotUnderstood)
        );
        assert_eq!(
            parse_date("26 Maret di Samarinda", today),
            Err(DateError::NotUnderstood)
        );
        assert_eq!(
            parse_date("kemarin", today),
            Err(DateError::Past {
                date: d(2026, 3, 19)
            })
        );
        assert_eq!(parse_date("31/2", today), Err(DateError::Invalid));
        assert_eq!(parse_date("32", today), Err(DateError::Invalid));
    }

    #[test]
    fn times_are_read_inside_a_sentence() {
        let cases = [
            ("snack untuk rapat besok jam 9", t(9, 0)),
            ("jam 9 pagi", t(9, 0)),
            ("jam 2 siang", t(14, 0)),
            ("jam 7 malam", t(19, 0)),
            ("jam 4 sore", t(16, 0)),
            ("jam 12 siang", t(12, 0)),
            ("jam 11 siang", t(11, 0)),
            ("jam 12 malam", t(0, 0)),
            ("jam 11 malam", t(23, 0)),
            ("jam 5 subuh", t(5, 0)),
            ("pukul 09.00", t(9, 0)),
            ("pukul 13.30", t(13, 30)),
            ("kirim tgl 26/3 pukul 13.00", t(13, 0)),
            ("mulai 09:30", t(9, 30)),
            ("acara 9.30 WITA", t(9, 30)),
            ("jam 10.15", t(10, 15)),
            ("jam 14.00 WIB", t(14, 0)),
            ("pkl. 8", t(8, 0)),
            ("jam setengah 10", t(9, 30)),
            ("jam 9an", t(9, 0)),
            ("pukul 09.00-12.00 WITA", t(9, 0)),
            ("jam sembilan pagi", t(9, 0)),
            ("rapat jam 1", t(13, 0)),
            ("pukul 1.30", t(13, 30)),
            ("jam 02.00", t(2, 0)),
            ("jam 13 siang", t(13, 0)),
            ("13.30 siang", t(13, 30)),
            ("at 9am", t(9, 0)),
            ("by 2 pm", t(14, 0)),
            ("jam 25, eh jam 10", t(10, 0)),
            ("rapat tanggal 5 jam 9", t(9, 0)),
            ("nanti malam jam 7", t(19, 0)),
            ("Sabtu sore jam 4", t(16, 0)),
            ("malam Minggu jam 8", t(20, 0)),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|&(text, want)| {
                let got = find_time(text).map(|m| m.time);
                (got != Some(want)).then(|| format!("{text:?}: got {got:?}, want {want}"))
            })
            .collect();
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn impossible_times_prices_dates_and_durations_are_not_times() {
        let cases = [
            "jam 25",
            "25:00",
            "pukul 24.00",
            "12:75",
            "jam 9 siang",
            "harga 13.500",
            "1.500 kotak",
            "13.30",
            "26.03.2026",
            "tanggal 26/3",
            "2 jam",
            "buka 24 jam",
            "butuh 1 jam 30 menit",
            "50 jam tangan",
            "menginap 3 malam",
            "anggaran 2,5 jt",
            "harga 25rb",
            "hubungi 0812-3456-7890",
            "jam kerja kantor",
        ];
        for text in cases {
            assert_eq!(find_time(text), None, "{text}");
        }
    }

    #[test]
    fn the_time_span_covers_jam_the_part_of_day_and_the_zone() {
        let text = "besok jam 9 pagi WITA di aula";
        let m = find_time(text).unwrap();
        assert_eq!(&text[m.span], "jam 9 pagi WITA");
        let text = "mulai 09:30 ya";
        assert_eq!(&text[find_time(text).unwrap().span], "09:30");
    }

    #[test]
    fn parse_time_wants_the_whole_answer_to_be_a_time() {
        assert_eq!(parse_time("9"), Some(t(9, 0)));
        assert_eq!(parse_time("2"), Some(t(14, 0)));
        assert_eq!(parse_time("13.30"), Some(t(13, 30)));
        assert_eq!(parse_time("09:30"), Some(t(9, 30)));
        assert_eq!(parse_time("9 pagi"), Some(t(9, 0)));
        assert_eq!(parse_time("jam 9 pagi WITA"), Some(t(9, 0)));
        assert_eq!(parse_time("pukul 14.00 saja"), Some(t(14, 0)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("besok"), None);
        assert_eq!(parse_time("jam 9 besok"), None);
        assert_eq!(parse_time(""), None);
    }

    #[test]
    fn dates_are_shown_the_indonesian_way_with_the_zone() {
        let date = d(2026, 3, 26);
        assert_eq!(format_date_id(date), "Kamis, 26 Maret 2026");
        assert_eq!(
            format_datetime_id(date, t(9, 0), "WITA"),
            "Kamis, 26 Maret 2026 pukul 09.00 WITA"
        );
        assert_eq!(
            format_datetime_id(d(2026, 8, 1), t(13, 5), "WIB"),
            "Sabtu, 1 Agustus 2026 pukul 13.05 WIB"
        );
        assert_eq!(
            format_datetime_id(date, t(19, 30), ""),
            "Kamis, 26 Maret 2026 pukul 19.30"
        );
        assert_eq!(format_date_en(date), "Thursday, 26 March 2026");
        assert_eq!(
            format_datetime_en(date, t(9, 0), "WITA"),
            "Thursday, 26 March 2026 at 09:00 WITA"
        );
        assert_eq!(
            format_datetime_en(d(2027, 1, 3), t(21, 45), "WIT"),
            "Sunday, 3 January 2027 at 21:45 WIT"
        );
    }

    #[test]
    fn every_shown_date_of_a_year_reads_back_as_the_same_date() {
        let today = d(2026, 1, 1);
        let mut date = today;
        while date.year() == 2026 {
            assert_eq!(parse_date(&format_date_id(date), today), Ok(date));
            assert_eq!(parse_date(&format_date_en(date), today), Ok(date));
            let shown = format_datetime_id(date, t(9, 0), "WITA");
            assert_eq!(find_date(&shown, today).unwrap().unwrap().date, date);
            assert_eq!(find_time(&shown).unwrap().time, t(9, 0));
            date = date.succ_opt().unwrap();
        }
    }
}
