//! Reading a quote request (`/minta`) written as one Indonesian sentence:
//!
//! `/minta 250 kotak snack untuk rakor tanggal 26 Maret di Samarinda,
//! anggaran 25rb per kotak`
//!
//! gives quantity 250 kotak, item "snack" (category Snack), 26 March,
//! Kota Samarinda, a budget of Rp 25.000 per kotak and the purpose "rakor".
//! What is absent is listed in [`RequestReading::missing`], what was there
//! but wrong or unclear in [`RequestReading::problems`], so the bot asks only
//! for that. Nothing here guesses: an ambiguous part is left empty and
//! reported.
//!
//! The sentence is read in this order, each step taking its words out of the
//! sentence for the next ones:
//!
//! 1. dates (every date phrase, also past or impossible ones) and the first
//!    time of day, by [`super::when`];
//! 2. phone numbers (`0812-3456-7890`, `hp 0812…`);
//! 3. money, by [`super::number`]: an amount is money when it has `Rp`,
//!    `@`, `rupiah`, a `rb`/`ribu`/`k`/`jt`/`juta` multiplier, or a budget
//!    word before it (`anggaran`, `budget`, `pagu`, `HPS`, `harga`, `biaya`,
//!    `dana`, `total`, `maks`/`maksimal`), and is not followed by a unit or
//!    an item word (`2 ribu kaos` is 2,000 kaos, `total 250 kotak` a
//!    quantity);
//! 4. the quantity (below);
//! 5. the place, by [`Regions::find_mention`];
//! 6. `halal`, the purpose (`untuk rakor`), the venue (`di kantor bupati`);
//! 7. the item: the words next to the quantity, or else the first words
//!    that name a known product.
//!
//! Decisions for phrasings that could be read two ways:
//!
//! - **Quantity.** A number is the quantity when a unit word follows it
//!   (`250 kotak`, `2 lusin`, `10kg`), or else when an item word follows it
//!   (`120 seminar kit`), or else a people word (`untuk 250 orang`,
//!   `50 peserta`: unit [`Unit::Orang`]), or else when it stands after the
//!   item (`snack box 250`). Numbers of a date, time, budget or phone, a
//!   year (`2026` unless a unit follows), an ordinal or label (`ke-80`,
//!   `lantai 2`, `no 5`), a size (`3x1 meter`, `250 gram`), a duration
//!   (`3 hari`) or a variety (`3 macam`) are never the quantity. Two
//!   different quantities of the same rank (`250-300 kotak`, `100 kotak dan
//!   50 kotak`) are [`Problem::SeveralQuantities`]; a people count gives way
//!   to an item count (`300 porsi untuk 250 orang` is 300 porsi).
//! - **Lusin and kodi** multiply: `2 lusin` is 24 pcs, `1 kodi kaos` 20 kaos,
//!   `2 lusin kotak` 24 kotak.
//! - **Unit inside the item name.** `250 snack box` is 250 of the item
//!   "snack box" with the unit [`Unit::Box`]: when no unit word follows the
//!   number and the item ends in a container word (kotak, box, dus, paket),
//!   that is the unit, and the item keeps its full name. So `300 nasi kotak`
//!   is 300 kotak of "nasi kotak"; `nasi kotak 300 porsi` is 300 porsi;
//!   `250 kotak snack` is 250 kotak of "snack".
//! - **Budget per unit or total.** `25rb/kotak`, `25rb per kotak`,
//!   `@25rb`, `harga satuan 25rb`, `anggaran per orang 25 ribu` are per
//!   unit; `total 5 juta`, `2,5 jt total`, `5jt untuk semua` are the total.
//!   A budget word without either (`anggaran 5 jt`, `budget 5jt`, `pagu
//!   5 juta`) is the total only when that is believable: at least
//!   Rp 100.000, and at least Rp 1.000 a unit when the quantity is known;
//!   otherwise (`anggaran 25rb` for 250 kotak) it is
//!   [`Problem::BudgetUnclear`]. `harga 25rb` alone and an amount with no
//!   budget word at all (`Rp 25.000`) are unclear too. Two budgets that
//!   disagree are unclear; `25rb/kotak, total 6,25 jt` for 250 kotak agree
//!   and read as per unit.
//! - **Place.** Several places in one request: the one after `di`/`ke`/
//!   `lokasi` wins; the same regency named twice is one place (the one with
//!   the district kept); otherwise [`Problem::PlaceAmbiguous`] with all of
//!   them. Unit and budget words that are also district names (`lembar`,
//!   `kodi`, `pagu`, `pendopo`, `karangan`) are not places here.
//! - **Date.** As [`super::when::find_date`]: the first usable date wins; if
//!   there is none, the first past, impossible or mismatched one is the
//!   problem. A date with a problem is not in `missing`.
//! - **Halal.** `halal` anywhere is true, except when negated
//!   (`non halal`, `tidak harus halal`).
//! - **Category** is a guess from the item's first word that names one (the
//!   head of an Indonesian noun phrase comes first: `kaos sablon` is
//!   Merchandise, not Percetakan); two-word names first (`seminar kit`,
//!   `goodie bag`, `id card`, `air mineral`).
//! - **Purpose.** The words after `untuk`/`utk`/`buat`/`dalam rangka` up to
//!   a date, `di`, punctuation and the like; place names may be part of it
//!   (`untuk HUT kota Balikpapan`). Without `untuk`, an event word starts
//!   it (`snack rapat` is item "snack" for "rapat", `snack HUT RI` the
//!   same). `100 kotak untuk snack rapat`, with no other item, is item
//!   "snack rapat".
//! - **Known limit.** Two items with the same count (`150 tumbler dan 150
//!   tas`) read as one request for the first; the summary the bot shows
//!   before sending lets the user see it.
//! - **Weekday and date.** When both are given (`Kamis (10/12)`, `Kamis …
//!   tgl 10/12`, `tgl 10 (Kamis)`), the date is taken and must fall on that
//!   weekday; when it does not, [`Problem::DateWeekdayMismatch`] (the bot
//!   asks), never a guess.
//! - **Corrections.** After `eh`, `maksudnya`, `ralat`, `salah`, `koreksi`,
//!   the later date or quantity wins (`besok, eh maksudnya lusa`).
//! - **Said twice.** `250 (dua ratus lima puluh) kotak`, `2 (dua) paket`: the
//!   words repeat the number; they are neither a second quantity, money nor
//!   a place (`Lima Puluh` is a district).
//! - **Unit prices.** `27.500 per kotak`, `45.000/pax`, `150 kotak x Rp
//!   25.000` are money per unit even without `Rp` or `rb`.
//! - **Item.** The product noun phrase next to the count; when the words
//!   after the count name no product (`100 ktk krn …`) or say how it is
//!   made (`sablon logo`), the product before it. Sizes (`ukuran L`),
//!   contents (`isi 3 macam kue`) and greeting wording (`ucapan selamat …`)
//!   end it; dishes named after a place (`nasi padang`, `soto banjar`) keep
//!   the place in the item and not as the place; form labels (`Menu:`,
//!   `Barang:`, `Qty:`) are no item; `Acara:`/`Kegiatan:` give the purpose.
//! - **Halal bihalal** is a gathering (the purpose), not a halal requirement.
//! - **Noise.** A bare number next to words that are tries or keyboard mash
//!   (`test test 123`, `qwertyuiop 999`) is no request.
//! - **Nothing understood.** Words that are neither next to a quantity nor a
//!   known product are not an item, so `asdf qwer` or `halo` give a reading
//!   where [`RequestReading::understood_nothing`] is true.

use std::fmt;
use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::number::{self, NumberError};
use super::search::category_word;
use super::when::{self, DateError};
use super::{Category, Place, Regions, Resolution, Rupiah};

/// The largest quantity one request may ask for.
pub const MAX_QUANTITY: u32 = 1_000_000;
/// Longer requests are cut (characters); a request never needs more.
pub const MAX_REQUEST_CHARS: usize = 1000;
/// Budget amounts below this are typing slips (`anggaran 25` for 25rb).
const MIN_BUDGET: u64 = 100;
/// A budget word without "per" or "total" reads as the total only from this
/// amount on.
const MIN_PLAIN_TOTAL: u64 = 100_000;
/// ... and only if that leaves at least this much for each unit.
const MIN_PLAIN_PER_UNIT: u64 = 1_000;
/// Items longer than this (characters) are cut at a word.
const MAX_ITEM_CHARS: usize = 60;
/// Purposes and venues are at most this many words.
const MAX_PHRASE_WORDS: usize = 8;
/// Number words that count on their own (`dua`) ...
const DIGIT_WORDS: &[&str] = &[
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];
/// ... and those that carry a scale, so a run with one is plainly a number.
const SCALE_WORDS: &[&str] = &[
    "sepuluh", "sebelas", "belas", "puluh", "ratus", "seratus", "ribu", "seribu", "juta", "sejuta",
];

// ---------------------------------------------------------------------------
// Types

/// The unit a quantity is counted in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Kotak,
    Box,
    Dus,
    Pcs,
    Buah,
    Porsi,
    Pax,
    Orang,
    Paket,
    Set,
    Lembar,
    Kg,
    /// Another counting word, as typed in lower case (`bungkus`, `botol`).
    Other(String),
}

impl Unit {
    /// The Indonesian word to show: `kotak`, `box`, `pcs`, …
    pub fn name(&self) -> &str {
        match self {
            Unit::Kotak => "kotak",
            Unit::Box => "box",
            Unit::Dus => "dus",
            Unit::Pcs => "pcs",
            Unit::Buah => "buah",
            Unit::Porsi => "porsi",
            Unit::Pax => "pax",
            Unit::Orang => "orang",
            Unit::Paket => "paket",
            Unit::Set => "set",
            Unit::Lembar => "lembar",
            Unit::Kg => "kg",
            Unit::Other(word) => word,
        }
    }

    /// The unit a (lower-case) word names, with the usual short forms
    /// (`ktk`, `boks`, `org`, `lbr`, `kilo`). People words (`peserta`,
    /// `tamu`) count people: [`Unit::Orang`].
    pub fn from_word(word: &str) -> Option<Unit> {
        Some(match word {
            "kotak" | "ktk" => Unit::Kotak,
            "box" | "boks" | "bok" | "bx" => Unit::Box,
            "dus" | "dos" | "kardus" => Unit::Dus,
            "pcs" | "pc" | "piece" | "pieces" => Unit::Pcs,
            "buah" | "bh" => Unit::Buah,
            "porsi" | "prs" => Unit::Porsi,
            "pax" => Unit::Pax,
            "orang" | "org" => Unit::Orang,
            "paket" | "pkt" => Unit::Paket,
            "set" | "stel" => Unit::Set,
            "lembar" | "lbr" | "helai" => Unit::Lembar,
            "kg" | "kilo" | "kilogram" => Unit::Kg,
            w if PEOPLE_WORDS.contains(&w) => Unit::Orang,
            w if OTHER_UNITS.contains(&w) => Unit::Other(w.to_string()),
            _ => return None,
        })
    }

    /// Units that are a container, and so may end an item's name
    /// (`snack box`, `nasi kotak`).
    fn is_container(&self) -> bool {
        matches!(self, Unit::Kotak | Unit::Box | Unit::Dus | Unit::Paket)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How many, and of what unit if one was said.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Quantity {
    pub count: u32,
    pub unit: Option<Unit>,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            super::money::group_thousands(u64::from(self.count))
        )?;
        if let Some(unit) = &self.unit {
            write!(f, " {unit}")?;
        }
        Ok(())
    }
}

/// The most the office wants to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    /// For each unit: `25rb/kotak`, `25rb per kotak`, `@25rb`.
    PerUnit(Rupiah),
    /// For the whole order: `total 5 juta`, `anggaran 5 jt`.
    Total(Rupiah),
}

impl Budget {
    pub fn amount(self) -> Rupiah {
        match self {
            Budget::PerUnit(r) | Budget::Total(r) => r,
        }
    }
}

/// The things a request needs before it can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Quantity,
    Item,
    Date,
    Place,
}

/// Something that was in the request but is wrong or unclear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// The date (or the only date) is before today.
    PastDate(NaiveDate),
    /// No such day: `31/2`, `30 Februari`.
    InvalidDate,
    /// A weekday and a date that disagree: `Jumat, 26 Maret 2026`.
    DateWeekdayMismatch,
    /// Zero or negative (`0 kotak`, `-5 kotak`).
    ZeroQuantity,
    /// More than [`MAX_QUANTITY`].
    QuantityTooLarge,
    /// Different quantities and no way to tell which is meant
    /// (`250-300 kotak`). Added to the first API; the bot asks again.
    SeveralQuantities(Vec<Quantity>),
    /// Money whose meaning is unclear (per unit or total, or too small to be
    /// meant), as typed: `anggaran 25rb`, `Rp 25.000`.
    BudgetUnclear(String),
    /// A place name shared by several regions (`tangerang`), or several
    /// places named; the candidates.
    PlaceAmbiguous(Vec<Place>),
}

impl Problem {
    /// The field this problem leaves unanswered, if it is one of [`Field`].
    pub fn field(&self) -> Option<Field> {
        match self {
            Problem::PastDate(_) | Problem::InvalidDate | Problem::DateWeekdayMismatch => {
                Some(Field::Date)
            }
            Problem::ZeroQuantity | Problem::QuantityTooLarge | Problem::SeveralQuantities(_) => {
                Some(Field::Quantity)
            }
            Problem::PlaceAmbiguous(_) => Some(Field::Place),
            Problem::BudgetUnclear(_) => None,
        }
    }
}

/// What was read from one request text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestReading {
    pub quantity: Option<Quantity>,
    /// What is wanted, lower case: "snack", "nasi kotak", "seminar kit".
    pub item: Option<String>,
    /// A guess from the item's words.
    pub category: Option<Category>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub place: Option<Place>,
    pub budget: Option<Budget>,
    pub halal: bool,
    /// What it is for, as typed: "rakor", "Bimtek UMKM" (from `untuk …`).
    pub purpose: Option<String>,
    /// Where in the place, as typed: "kantor bupati" (from `di …`).
    /// Added to the first API.
    pub venue: Option<String>,
    /// Needed and absent.
    pub missing: Vec<Field>,
    /// Present but wrong or unclear.
    pub problems: Vec<Problem>,
}

impl RequestReading {
    /// Nothing of a request was recognised ("halo", "asdf qwer").
    pub fn understood_nothing(&self) -> bool {
        self.quantity.is_none()
            && self.item.is_none()
            && self.date.is_none()
            && self.time.is_none()
            && self.place.is_none()
            && self.budget.is_none()
            && !self.halal
            && self.problems.is_empty()
    }

    /// Nothing missing and no problems: ready to show for confirmation.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty() && self.problems.is_empty()
    }

    /// The fields the bot still has to ask for: the missing ones and those
    /// with a problem, in [`Field`] order.
    pub fn to_ask(&self) -> Vec<Field> {
        let mut fields: Vec<Field> = self
            .missing
            .iter()
            .copied()
            .chain(self.problems.iter().filter_map(Problem::field))
            .collect();
        fields.sort();
        fields.dedup();
        fields
    }
}

/// Why an answer to "berapa jumlahnya?" was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    #[error("no quantity found")]
    NotUnderstood,
    #[error("quantity must be more than zero")]
    Zero,
    #[error("quantity too large")]
    TooLarge,
    #[error("quantity must be a whole number")]
    NotWhole,
    #[error("several different quantities")]
    Several,
}

/// Why an answer to "berapa anggarannya?" was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    #[error("no amount of money found")]
    NotUnderstood,
    #[error("amount must be more than zero")]
    Zero,
    #[error("amount too small to be meant")]
    TooSmall,
    #[error("amount too large")]
    TooLarge,
    /// An amount, but not whether it is per unit or the total.
    #[error("{0} per unit or in total?")]
    Unclear(Rupiah),
    #[error("several different amounts")]
    Several,
}

// ---------------------------------------------------------------------------
// Entry points

/// Reads a whole request (`/minta …` or the text after it). `today` is the
/// user's local date; dates without a year are the next such date.
pub fn read_request(text: &str, today: NaiveDate, regions: &Regions) -> RequestReading {
    let text = cut(strip_command(text), MAX_REQUEST_CHARS);
    let mut s = Sentence::new(text);
    let mut reading = RequestReading::default();

    // 1. Dates and the time.
    let dates = when::find_all_dates(text, today);
    for d in &dates {
        s.mark_span(&d.span, Role::Date);
    }
    match choose_date(text, &dates) {
        Some(Ok(date)) => reading.date = Some(date),
        Some(Err(e)) => reading.problems.push(match e {
            DateError::Past { date } => Problem::PastDate(date),
            DateError::WeekdayMismatch { .. } => Problem::DateWeekdayMismatch,
            _ => Problem::InvalidDate,
        }),
        None => {}
    }
    if let Some(t) = when::find_time(text) {
        reading.time = Some(t.time);
        s.mark_span(&t.span, Role::Time);
    }

    // 2-4. Phones, money, quantity.
    s.mark_phones();
    let monies = s.find_money(false);
    s.mark_form_labels();
    let quantity = s.find_quantity(false);
    let count = match &quantity {
        Chosen::One(c) => c.quantity().ok().map(|q| q.count),
        _ => None,
    };
    match resolve_budget(&monies, count) {
        Some(Ok(b)) => reading.budget = Some(b),
        Some(Err(phrase)) => reading.problems.push(Problem::BudgetUnclear(phrase)),
        None => {}
    }
    let chosen = match quantity {
        Chosen::One(c) => {
            match c.quantity() {
                Ok(q) => reading.quantity = Some(q),
                Err(p) => reading.problems.push(p),
            }
            Some(c)
        }
        Chosen::Several(qs) => {
            reading.problems.push(Problem::SeveralQuantities(qs));
            None
        }
        Chosen::None => None,
    };

    // 5. Place.
    match s.find_place(regions) {
        Some(Ok(place)) => reading.place = Some(place),
        Some(Err(places)) => reading.problems.push(Problem::PlaceAmbiguous(places)),
        None => {}
    }

    // 6. Halal, purpose, venue.
    reading.halal = s.find_halal();
    reading.purpose = s.find_purpose();
    reading.venue = s.find_venue();

    // 7. Item and category.
    reading.item = s.find_item(chosen.as_ref());
    if reading.item.is_none()
        && let Some(p) = &reading.purpose
        && (first_word(p).is_some_and(|w| is_product_word(&w))
            || category_of(&p.to_lowercase()).is_some_and(|_| {
                // "buat seminar kit": a two-word product name.
                let mut w = p.split_whitespace().map(str::to_lowercase);
                matches!((w.next(), w.next()), (Some(a), Some(b)) if category_of_pair(&a, &b).is_some())
            }))
    {
        // "100 kotak untuk snack rapat": the purpose was the item.
        reading.item = reading.purpose.take().map(|p| p.to_lowercase());
    }
    if let Some(item) = &reading.item {
        reading.category = category_of(item);
        if let Some(q) = &mut reading.quantity
            && q.unit.is_none()
        {
            q.unit = container_unit_of(item);
        }
    }

    // "test test 123", "qwertyuiop 999": a bare number next to noise is
    // no request.
    if reading.date.is_none()
        && reading.time.is_none()
        && reading.place.is_none()
        && reading.budget.is_none()
        && !reading.halal
        && reading.problems.is_empty()
        && reading.quantity.as_ref().is_none_or(|q| q.unit.is_none())
        && reading
            .item
            .as_ref()
            .is_none_or(|item| item.split_whitespace().all(is_noise_word))
    {
        reading.quantity = None;
        reading.item = None;
        reading.category = None;
    }
    if reading.understood_nothing() {
        // "untuk asdf" is no request either.
        reading.purpose = None;
        reading.venue = None;
    }
    let has_problem = |f: Field| reading.problems.iter().any(|p| p.field() == Some(f));
    reading.missing = [
        (Field::Quantity, reading.quantity.is_none()),
        (Field::Item, reading.item.is_none()),
        (Field::Date, reading.date.is_none()),
        (Field::Place, reading.place.is_none()),
    ]
    .into_iter()
    .filter(|&(f, absent)| absent && !has_problem(f))
    .map(|(f, _)| f)
    .collect();
    reading
}

/// The date a request means among the date phrases found in it.
///
/// - A correction (`besok, eh maksudnya lusa`, `tgl 10, ralat, tgl 11`):
///   the phrases before it are dropped; the later word wins.
/// - A weekday alone and a written date (`Kamis … tgl 10/12`): the written
///   date, which must fall on that weekday, else a mismatch (the bot asks).
/// - Otherwise the first usable date, or else the first problem.
fn choose_date(text: &str, dates: &[when::DateFinding]) -> Option<Result<NaiveDate, DateError>> {
    let lower = text.to_lowercase();
    let mut from = 0;
    for k in 1..dates.len() {
        let between = &lower[dates[k - 1].span.end..dates[k].span.start];
        if between
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| CORRECTIONS.contains(&w))
        {
            from = k;
        }
    }
    let dates = &dates[from..];
    let weekday_of = |d: &when::DateFinding| -> Option<chrono::Weekday> {
        let phrase = &lower[d.span.clone()];
        if phrase.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        use chrono::Datelike;
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .find_map(weekday_word)
            // "minggu depan" is a week, not a Sunday.
            .filter(|wd| d.result.is_ok_and(|date| date.weekday() == *wd))
    };
    let written = |d: &when::DateFinding| {
        let phrase = &lower[d.span.clone()];
        phrase.chars().any(|c| c.is_ascii_digit())
            && !phrase
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "lagi" | "lg" | "lgi" | "dalam" | "dlm" | "dari" | "lalu"))
    };
    let said = dates.iter().find_map(weekday_of);
    if let (Some(said), Some(w)) = (said, dates.iter().find(|d| written(d))) {
        return Some(w.result.and_then(|date| {
            use chrono::Datelike;
            if date.weekday() == said {
                Ok(date)
            } else {
                Err(DateError::WeekdayMismatch { date, said })
            }
        }));
    }
    let first_ok = dates.iter().find_map(|d| d.result.ok());
    match (first_ok, dates.first()) {
        (Some(date), _) => Some(Ok(date)),
        (None, Some(d)) => Some(d.result),
        (None, None) => None,
    }
}

fn weekday_word(w: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    Some(match w {
        "senin" => Mon,
        "selasa" => Tue,
        "rabu" => Wed,
        "kamis" => Thu,
        "jumat" | "jum" => Fri,
        "sabtu" => Sat,
        "minggu" | "ahad" => Sun,
        _ => return None,
    })
}

/// Reads an answer to "berapa jumlahnya?": `250`, `250 kotak`,
/// `dua ratus lima puluh`, `2 lusin`, `sekitar 1.500 pcs ya`. Dates,
/// times, money and phone numbers in it are not quantities.
pub fn read_quantity(text: &str) -> Result<Quantity, QuantityError> {
    let text = cut(text, MAX_REQUEST_CHARS);
    let mut s = Sentence::new(text);
    s.mark_answer_dates_and_time();
    s.mark_phones();
    s.find_money(false);
    match s.find_quantity(true) {
        Chosen::One(c) => {
            let mut q = c.quantity().map_err(|p| match p {
                Problem::QuantityTooLarge => QuantityError::TooLarge,
                _ => QuantityError::Zero,
            })?;
            // "250 snack box": the unit is in the item's name.
            if q.unit.is_none() {
                q.unit = s
                    .find_item(Some(&c))
                    .and_then(|item| container_unit_of(&item));
            }
            Ok(q)
        }
        Chosen::Several(_) => Err(QuantityError::Several),
        Chosen::None if s.has_fraction() => Err(QuantityError::NotWhole),
        Chosen::None => Err(QuantityError::NotUnderstood),
    }
}

/// Reads an answer to "berapa anggarannya?": `25rb/kotak`, `25rb per
/// kotak`, `@25rb`, `5 jt total`, `anggaran 5 juta`. A bare amount
/// (`25rb`, `Rp 25.000`) is [`BudgetError::Unclear`] with the amount, so
/// the bot can ask "per kotak atau total?".
pub fn read_budget(text: &str) -> Result<Budget, BudgetError> {
    let text = cut(text, MAX_REQUEST_CHARS);
    let mut s = Sentence::new(text);
    s.mark_answer_dates_and_time();
    s.mark_phones();
    let monies = s.find_money(true);
    let mut found: Vec<Budget> = Vec::new();
    let mut first_error = None;
    for m in &monies {
        let amount = match m.amount {
            Ok(a) => a,
            Err(e) => {
                first_error.get_or_insert(e);
                continue;
            }
        };
        match m.kind {
            Kind::PerUnit => found.push(Budget::PerUnit(amount)),
            Kind::Total | Kind::Plain => found.push(Budget::Total(amount)),
            Kind::Unclear => {
                first_error.get_or_insert(BudgetError::Unclear(amount));
            }
        }
    }
    found.dedup();
    match (found.as_slice(), first_error) {
        ([one], _) => Ok(*one),
        ([], Some(e)) => Err(e),
        ([], None) => Err(BudgetError::NotUnderstood),
        _ => Err(BudgetError::Several),
    }
}

// ---------------------------------------------------------------------------
// Vocabulary

/// Words that count people: `50 peserta` is 50 orang.
const PEOPLE_WORDS: &[&str] = &[
    "peserta", "tamu", "pegawai", "karyawan", "personel", "anggota", "siswa", "pelajar", "atlet",
    "jamaah", "jemaah",
];
/// Other counting words, kept as typed in [`Unit::Other`].
#[rustfmt::skip]
const OTHER_UNITS: &[&str] = &[
    "bungkus", "bks", "botol", "btl", "gelas", "cup", "potong", "ptg", "pack", "unit", "rim",
    "roll", "pasang", "psg", "eksemplar", "eks", "liter", "ltr", "toples", "karton", "bal",
    "tabung", "ekor", "biji", "item", "tray", "loyang", "ikat", "tangkai", "lusinan",
];
/// `2 lusin` = 24, `1 kodi` = 20.
fn dozen_of(word: &str) -> Option<u64> {
    match word {
        "lusin" | "lsn" => Some(12),
        "kodi" => Some(20),
        _ => None,
    }
}
/// After a number: a size or content, not how many (`3 meter`, `250 gram`).
const SIZE_WORDS: &[&str] = &[
    "m", "cm", "mm", "meter", "mtr", "gram", "gr", "g", "ml", "inch", "inci", "x", "ons", "cc",
];
/// After a number: a duration, rate or share, not how many.
const DURATION_WORDS: &[&str] = &[
    "hari", "hr", "minggu", "pekan", "bulan", "bln", "tahun", "thn", "jam", "menit", "mnt",
    "detik", "malam", "kali", "persen", "tingkat", "lantai",
];
/// After a number: a variety, not how many (`3 macam kue`).
const VARIETY_WORDS: &[&str] = &[
    "macam", "jenis", "varian", "variasi", "warna", "rasa", "model", "motif", "desain", "sisi",
    "menu", "ukuran",
];
/// Before a number: it is a label or an ordinal (`ke-80`, `lantai 2`).
#[rustfmt::skip]
const LABEL_WORDS: &[&str] = &[
    "ke", "no", "nomor", "nmr", "nomer", "lantai", "lt", "ruang", "ruangan", "rt", "rw", "kelas",
    "gedung", "blok", "jl", "jln", "jalan", "gg", "gang", "hut", "tahap", "angkatan", "batch",
    "gelombang", "periode", "pasal", "bab", "sesi", "kav", "km", "edisi", "tahun", "thn", "ta",
    "ukuran", "size", "uk", "kode", "nip", "nik", "nib", "versi", "tipe", "type", "seri",
];
/// Before a number with nothing after: it is the quantity (`sebanyak 250`).
const COUNT_WORDS: &[&str] = &[
    "sebanyak",
    "sejumlah",
    "jumlah",
    "jml",
    "jumlahnya",
    "qty",
    "kuantitas",
    "total",
];
const PHONE_WORDS: &[&str] = &[
    "hp", "wa", "whatsapp", "telp", "tlp", "telepon", "telpon", "kontak", "hubungi", "cp", "tel",
];

/// Budget words that may stand before an amount.
#[rustfmt::skip]
const BUDGET_WORDS: &[&str] = &[
    "anggaran", "anggarannya", "budget", "budgetnya", "bujet", "pagu", "hps", "harga", "harganya",
    "biaya", "biayanya", "dana", "total", "maks", "maksimal", "max", "maksimum", "nilai", "plafon",
];
/// Budget words that say nothing about per unit or total on their own and
/// so make an amount unclear (`harga 25rb`).
const UNCLEAR_BUDGET_WORDS: &[&str] = &["harga", "harganya", "nilai"];
/// Words allowed between a budget word and its amount.
const BUDGET_GAP: &[&str] = &[
    "sekitar", "kurang", "lebih", "kira", "sebesar", "senilai", "hingga", "sampai", "di", "bawah",
    "dibawah", "tidak", "tdk", "melebihi", "paling", "tinggi", "banyak", "maks", "maksimal", "max",
    "maksimum", "adalah", "yaitu", "kisaran", "range", "per", "satuan", "total", "kami",
    "tersedia", "ada", "rp", "idr", "s", "d", "sd", "cuma", "hanya", "bisa", "ya", "nya",
];
const MULTIPLIERS: &[(&str, &str)] = &[
    ("rb", "rb"),
    ("ribu", "rb"),
    ("ribuan", "rb"),
    ("rbu", "rb"),
    ("rbn", "rb"),
    ("k", "rb"),
    ("jt", "jt"),
    ("juta", "jt"),
    ("jutaan", "jt"),
    ("jta", "jt"),
    ("miliar", "m"),
    ("milyar", "m"),
];
const TOTAL_WORDS: &[&str] = &[
    "total",
    "semua",
    "semuanya",
    "seluruhnya",
    "keseluruhan",
    "borongan",
    "all",
    "totalnya",
];
const PER_UNIT_WORDS: &[&str] = &["satuan", "masing", "each", "persatuan", "peritem"];
/// `5jt/bulan` is a rate; not a budget for one order.
const RATE_WORDS: &[&str] = &[
    "hari", "minggu", "bulan", "tahun", "jam", "acara", "kegiatan",
];

/// Words that are never part of an item, a purpose or a venue.
#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "mohon", "tolong", "butuh", "butuhkan", "dibutuhkan", "membutuhkan", "perlu", "perlukan",
    "diperlukan", "memerlukan", "pesan", "memesan", "pesanan", "dipesan", "minta", "meminta",
    "permintaan", "mau", "ingin", "pengen", "kami", "saya", "kita", "aku", "ya", "yah", "dong",
    "deh", "sih", "nih", "pak", "bu", "bapak", "ibu", "kak", "mas", "mbak", "min", "admin", "gan",
    "sekitar", "kurang", "lebih", "kira", "sebanyak", "sejumlah", "jumlah", "jumlahnya", "jml",
    "qty", "dan", "atau", "serta", "yang", "yg", "dengan", "dgn", "bisa", "dapat", "segera",
    "terima", "kasih", "makasih", "thanks", "halo", "hai", "hallo", "selamat", "salam",
    "assalamualaikum", "permisi", "untuk", "utk", "buat", "guna", "di", "ke", "dari", "pada",
    "tanggal", "tgl", "hari", "nanti", "order", "beli", "membeli", "pengadaan", "sediakan",
    "disediakan", "menyediakan", "dibuatkan", "buatkan", "bikin", "dibikin", "cetak", "dicetak",
    "lagi", "juga", "saja", "aja", "sama", "dikirim", "kirim", "antar", "diantar", "ambil",
    "diambil", "paling", "lambat", "selambatnya", "sebelum", "mulai", "sampai", "hingga", "harap",
    "agar", "supaya", "sudah", "ada", "apa", "adakah", "kah", "tersebut", "itu", "ini", "berupa",
    "sebagai", "berikut", "isi", "isinya", "berisi", "total", "kurleb", "kl", "kalau", "kalo",
    "jika", "sekitaran", "kisaran", "tsb", "nya", "pesen", "the", "a", "of", "for", "please",
    "need", "jam", "pukul", "pkl", "wib", "wita", "wit", "rp", "lokasi", "tempat", "alamat",
    "bertempat", "per", "sebanyaknya", "kirimkan", "dikirimkan", "dalam", "dlm", "rangka",
    "keperluan", "siapkan", "disiapkan", "menyiapkan", "dibelikan", "belikan", "carikan",
    "dicarikan", "cari", "mencari", "diadakan", "adakan", "dipesankan", "pesankan", "butuhnya",
    "perlunya", "krn", "karena", "soalnya", "tp", "tapi", "jgn", "jangan", "lupa", "eh", "ehh",
    "ehm", "ralat", "maksudnya", "maksud", "salah", "koreksi", "sy", "psn", "hr", "dear", "yth",
    "kepada", "pengelola", "info", "bantu", "dibantu", "pemesanan", "maaf", "mengganggu",
    "apakah", "penawaran", "tanya", "nanya", "nama", "mhn", "tlg", "dong", "aja", "ok", "oke", "siap",
];
/// Words that say the word before was a slip: `besok, eh maksudnya lusa`.
const CORRECTIONS: &[&str] = &[
    "eh",
    "ehh",
    "ehhh",
    "ehm",
    "ralat",
    "maksudnya",
    "maksud",
    "salah",
    "koreksi",
    "sori",
    "sorry",
    "maaf",
];
/// Words that end an item's name: what follows is wording, size or
/// contents (`karangan bunga ucapan selamat …`, `seragam ukuran L`).
/// `ucapan` stays in the name (`karangan bunga ucapan`) unless the wording
/// follows it (`ucapan selamat pelantikan`, see [`GREETINGS`]).
const ITEM_ENDS: &[&str] = &["duka", "selamat", "ukuran", "uk", "size", "isi", "berisi"];
/// The wording of a greeting card after `ucapan`.
const GREETINGS: &[&str] = &[
    "selamat",
    "duka",
    "turut",
    "terima",
    "happy",
    "atas",
    "sukses",
    "dirgahayu",
    "congratulations",
];
/// Words before a number that make it the contents, not the quantity
/// (`snack box isi 4 item`).
const CONTENT_WORDS: &[&str] = &["isi", "berisi", "isinya"];
/// Labels of a form-style message (`Menu: snack box`, `Qty: 200`).
#[rustfmt::skip]
const FORM_LABELS: &[&str] = &[
    "menu", "barang", "item", "produk", "jenis", "nama", "pesanan", "jumlah", "qty", "lokasi",
    "tempat", "waktu", "keterangan", "ket", "catatan", "alamat", "jam", "pukul", "kuantitas",
    "volume", "satuan", "spesifikasi", "spek", "order", "kebutuhan", "permintaan",
];
/// Form labels whose value is the purpose (`Acara: Rapat Evaluasi`).
const PURPOSE_LABELS: &[&str] = &["acara", "kegiatan", "keperluan", "agenda"];
/// Words that end a purpose (`untuk rakor di Samarinda`) or a venue.
#[rustfmt::skip]
const PHRASE_STOPS: &[&str] = &[
    "di", "ke", "pada", "tanggal", "tgl", "hari", "jam", "pukul", "mohon", "tolong", "dengan",
    "dgn", "sebanyak", "sejumlah", "ya", "yg", "yang", "dikirim", "kirim", "diantar", "antar",
    "harap", "agar", "supaya", "sekitar", "halal", "untuk", "utk", "buat", "dari", "sebelum",
    "paling", "lokasi", "tempat", "alamat", "bertempat", "besok", "lusa", "nanti", "minggu",
    "kirimkan", "thx", "terima", "makasih", "kasih", "isi", "isinya", "berisi", "dan", "krn",
    "karena", "soalnya", "tp", "tapi", "jgn", "eh", "ehh", "ralat", "maksudnya", "hr", "sy",
    "psn", "lusa", "bsk", "kami", "butuh", "perlu", "pesan", "minta", "memesan", "mau",
];
/// Events that, even without `untuk`, say what the goods are for.
#[rustfmt::skip]
const EVENT_WORDS: &[&str] = &[
    "hut", "rakor", "rakornis", "rakerda", "bimtek", "sosialisasi", "musrenbang", "upacara",
    "kunjungan", "pameran", "festival", "lomba", "peringatan", "pelantikan", "apel", "rapat",
    "workshop", "diklat", "syukuran", "pengajian", "arisan", "resepsi", "launching", "expo",
    "takziah", "rakernas", "wisuda", "penyuluhan", "jamuan", "kunker",
];
/// Two-word events (`jalan sehat`, `kerja bakti`).
const EVENT_PAIRS: &[(&str, &str)] = &[
    ("jalan", "sehat"),
    ("jalan", "santai"),
    ("gerak", "jalan"),
    ("kerja", "bakti"),
    ("gotong", "royong"),
    ("donor", "darah"),
    ("buka", "puasa"),
    ("pisah", "sambut"),
    ("halal", "bihalal"),
];
const PURPOSE_MARKERS: &[&str] = &["untuk", "utk", "buat", "guna", "keperluan", "rangka"];
const VENUE_MARKERS: &[&str] = &["di", "ke", "lokasi", "tempat", "alamat", "bertempat"];
/// Words before a place that say it is where the goods go.
const PLACE_MARKERS: &[&str] = &[
    "di",
    "ke",
    "lokasi",
    "tempat",
    "alamat",
    "bertempat",
    "wilayah",
    "daerah",
    "area",
];
/// Single words that name some district but here mean a unit, a budget or
/// a thing (`100 lembar`, `pagu 5 jt`, `karangan bunga`, `pendopo`).
const NOT_PLACES: &[&str] = &[
    "lembar", "kodi", "pagu", "karangan", "pendopo", "kotak", "paket", "set", "porsi", "buah",
    "dus", "box", "lusin", "anggaran", "harga", "total", "dana", "biaya", "kue", "snack", "nasi",
    "amplang", "kerupuk", "roti", "bunga", "balai", "aula", "gedung", "hotel",
];
const NEGATIONS: &[&str] = &[
    "non", "tidak", "tdk", "bukan", "tanpa", "gak", "ga", "nggak", "ngga", "enggak", "tak",
];
/// Words next to `halal` that belong to it (`bersertifikat halal MUI`).
#[rustfmt::skip]
const HALAL_CONTEXT: &[&str] = &[
    "sertifikat", "bersertifikat", "berlabel", "label", "harus", "wajib", "perlu", "sudah",
    "dijamin", "terjamin", "mui", "produk", "makanan", "dan", "yang", "yg",
];

/// The category of a two-word item name.
fn category_of_pair(a: &str, b: &str) -> Option<Category> {
    Some(match (a, b) {
        ("snack", "box") | ("snack", "kotak") | ("kue", "kotak") => Category::Snack,
        ("nasi", _) | ("makan", "siang" | "malam" | "pagi") => Category::Katering,
        ("seminar", "kit") | ("goodie" | "goody", "bag") | ("tote", "bag") => Category::Merchandise,
        ("id", "card") | ("x", "banner") | ("name", "tag") => Category::Percetakan,
        ("air", "mineral") | ("kopi", _) => Category::Minuman,
        ("makanan", "kemasan") | ("oleh", "oleh") => Category::OlehOleh,
        ("karangan" | "papan", "bunga") => Category::Dekorasi,
        _ => return None,
    })
}

/// The category one item word names.
fn category_of_word(w: &str) -> Option<Category> {
    if let Some(c) = category_word(w) {
        return Some(c);
    }
    Some(match w {
        "nasi" | "nasbox" | "prasmanan" | "tumpeng" | "catering" | "katering" | "lauk" | "ayam"
        | "sate" | "soto" | "makan" | "bento" | "coto" | "bubur" | "rendang" | "nasbung"
        | "prasmanan2" => Category::Katering,
        "snack" | "snak" | "snackbox" | "kue" | "kudapan" | "jajanan" | "roti" | "bolu"
        | "snck" | "donat" | "risol" | "risoles" | "lemper" | "pastel" | "gorengan" | "puding"
        | "cemilan" | "camilan" | "brownies" | "talam" | "bingka" => Category::Snack,
        "amplang" | "kerupuk" | "krupuk" | "keripik" | "kripik" | "abon" | "dodol" | "lempok"
        | "oleh" | "oleh2" | "madu" => Category::OlehOleh,
        "minuman" | "kopi" | "teh" | "jus" | "sirup" | "wedang" | "es" | "aqua" | "susu" => {
            Category::Minuman
        }
        "kaos" | "kaus" | "tas" | "totebag" | "tumbler" | "mug" | "payung" | "topi" | "pin"
        | "lanyard" | "gantungan" | "goodie" | "goodiebag" | "souvenir" | "suvenir"
        | "cenderamata" | "merchandise" | "jaket" | "polo" | "kemeja" | "seragam" => {
            Category::Merchandise
        }
        "rotan" | "anjat" | "manik" | "anyaman" | "ukiran" | "kerajinan" | "kayu" => {
            Category::Kerajinan
        }
        "batik" | "tenun" | "sasirangan" | "ulos" | "songket" | "kain" => Category::Fesyen,
        "banner" | "spanduk" | "baliho" | "sertifikat" | "piagam" | "brosur" | "stiker"
        | "sticker" | "sablon" | "undangan" | "kalender" | "leaflet" | "pamflet" | "poster"
        | "nametag" | "backdrop" | "cetakan" => Category::Percetakan,
        "bunga" | "dekorasi" | "dekor" | "balon" | "janur" => Category::Dekorasi,
        _ => return None,
    })
}

/// Product words with no category of their own, still a sign of an item.
#[rustfmt::skip]
const OTHER_PRODUCTS: &[&str] = &[
    "plakat", "medali", "piala", "trofi", "map", "pulpen", "pena", "buku", "agenda", "notes",
    "block", "parsel", "hampers", "bingkisan", "masker", "konsumsi", "makanan", "hidangan", "buah",
    "air",
];

fn is_product_word(w: &str) -> bool {
    let w = undouble(&fold_accents(w));
    category_of_word(&w).is_some() || OTHER_PRODUCTS.contains(&w.as_str())
}

/// The category an item names: its first word (or two-word name) that
/// names one.
fn category_of(item: &str) -> Option<Category> {
    let item = fold_accents(item);
    let words: Vec<String> = item
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(undouble)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    for i in 0..words.len() {
        if let Some(c) = words
            .get(i + 1)
            .and_then(|b| category_of_pair(words[i], b))
            .or_else(|| category_of_word(words[i]))
        {
            return Some(c);
        }
        // The head is a product of no category (`masker kain`, `plakat
        // kayu`): the words after it only describe it.
        if OTHER_PRODUCTS.contains(&words[i]) {
            return None;
        }
    }
    None
}

/// `kue2` → `kue`: a word doubled the chat way is the word (but `oleh2`
/// is known as it is).
fn undouble(w: &str) -> String {
    match w.strip_suffix('2') {
        Some(base) if base.len() > 2 && base.ends_with(char::is_alphabetic) && w != "oleh2" => {
            base.to_string()
        }
        _ => w.to_string(),
    }
}

/// `kué` → `kue`: accents typed by phone keyboards do not change the word.
fn fold_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

/// A word typed to try the bot or by mashing the keyboard: `test`,
/// `qwertyuiop`, `hahaha`, `jkjkjk`, `aaaa`.
fn is_noise_word(w: &str) -> bool {
    const TRIES: &[&str] = &[
        "test",
        "tes",
        "testing",
        "tst",
        "cek",
        "check",
        "coba",
        "cobain",
        "percobaan",
        "ping",
        "p",
        "halo",
        "hai",
        "lorem",
        "ipsum",
    ];
    const ROWS: &[&str] = &["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let w = w.to_lowercase();
    if TRIES.contains(&w.as_str()) {
        return true;
    }
    let b = w.as_bytes();
    if b.len() < 3 || !w.is_ascii() {
        return false;
    }
    let no_vowel = !b.iter().any(|c| b"aeiou".contains(c));
    let triple = b.windows(3).any(|x| x[0] == x[1] && x[1] == x[2]);
    let row = b.len() >= 4
        && b.windows(4).any(|x| {
            let q = std::str::from_utf8(x).unwrap_or("");
            ROWS.iter().any(|r| r.contains(q))
        });
    // "hahaha", "jkjkjk", "wkwkwk": a short piece said over and over.
    let repeated = (1..=3).any(|n| {
        b.len() >= 3 * n && b.len().is_multiple_of(n) && b.chunks(n).all(|c| c == &b[..n])
    });
    (no_vowel && b.len() >= 4) || triple || row || repeated
}

/// `snack box` → Box, `nasi kotak` → Kotak: the item ends in a container.
fn container_unit_of(item: &str) -> Option<Unit> {
    let last = item.split_whitespace().last()?;
    Unit::from_word(last).filter(|u| u.is_container())
}

fn first_word(s: &str) -> Option<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
}

// ---------------------------------------------------------------------------
// Text helpers

/// Drops a leading `/minta` or `/minta@SomeBot`.
fn strip_command(text: &str) -> &str {
    let t = text.trim_start();
    match t.strip_prefix('/') {
        Some(rest) => {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            &rest[end..]
        }
        None => t,
    }
}

fn cut(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((b, _)) => &text[..b],
        None => text,
    }
}

/// Collapses whitespace.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: TokKind,
    /// Words in lower case without apostrophes; numbers as typed (digits
    /// with inner `.` and `,`); a symbol is one character.
    text: String,
    span: Range<usize>,
}

const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '`'];

fn tokenize(s: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let byte_at = |j: usize| chars.get(j).map_or(s.len(), |&(b, _)| b);
    let mut toks = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokKind::Num
        } else if c.is_alphabetic() {
            TokKind::Word
        } else {
            TokKind::Sym
        };
        let mut j = k + 1;
        if kind != TokKind::Sym {
            while let Some(&(_, cj)) = chars.get(j) {
                let next = chars.get(j + 1).map(|&(_, n)| n);
                let step = match kind {
                    TokKind::Num if cj.is_ascii_digit() => 1,
                    TokKind::Num
                        if matches!(cj, '.' | ',') && next.is_some_and(|n| n.is_ascii_digit()) =>
                    {
                        2
                    }
                    TokKind::Word if cj.is_alphabetic() => 1,
                    TokKind::Word
                        if APOSTROPHES.contains(&cj) && next.is_some_and(char::is_alphabetic) =>
                    {
                        2
                    }
                    _ => 0,
                };
                if step == 0 {
                    break;
                }
                j += step;
            }
        }
        // "oleh2", "masing2", "kue2": a word doubled the chat way.
        if kind == TokKind::Word
            && chars.get(j).is_some_and(|&(_, c)| c == '2')
            && !chars.get(j + 1).is_some_and(|&(_, c)| c.is_alphanumeric())
        {
            j += 1;
        }
        let end = byte_at(j);
        let raw = &s[start..end];
        let text = match kind {
            TokKind::Word => raw
                .chars()
                .filter(|c| !APOSTROPHES.contains(c))
                .flat_map(char::to_lowercase)
                .collect(),
            _ => raw.to_string(),
        };
        toks.push(Tok {
            kind,
            text,
            span: start..end,
        });
        k = j;
    }
    toks
}

// ---------------------------------------------------------------------------
// The sentence and what each token was taken for

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Free,
    Date,
    Time,
    Phone,
    Money,
    Quantity,
    /// A number that is a size, label or year: not a quantity, not an item.
    Other,
    Place,
    Halal,
    Purpose,
    Venue,
    Item,
}

struct Sentence<'a> {
    text: &'a str,
    t: Vec<Tok>,
    role: Vec<Role>,
}

/// How an amount of money was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    PerUnit,
    Total,
    /// A budget word without per unit or total (`anggaran 5 jt`).
    Plain,
    Unclear,
}

#[derive(Debug, Clone)]
struct Money {
    amount: Result<Rupiah, BudgetError>,
    kind: Kind,
    /// The phrase as typed.
    phrase: String,
}

/// Rank of a quantity candidate, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// A unit word follows (`250 kotak`, `2 lusin`).
    Unit,
    /// An item word follows (`120 seminar kit`).
    Item,
    /// People (`250 orang`, `50 peserta`).
    People,
    /// Alone after the item (`snack box 250`, `sebanyak 300`).
    Bare,
}

#[derive(Debug, Clone)]
struct Candidate {
    /// Token range of the number and its unit words.
    start: usize,
    end: usize,
    value: Result<u64, NumberError>,
    negative: bool,
    unit: Option<Unit>,
    rank: Rank,
}

impl Candidate {
    fn quantity(&self) -> Result<Quantity, Problem> {
        if self.negative {
            return Err(Problem::ZeroQuantity);
        }
        match self.value {
            Ok(0) => Err(Problem::ZeroQuantity),
            Ok(n) => match u32::try_from(n) {
                Ok(count) if count <= MAX_QUANTITY => Ok(Quantity {
                    count,
                    unit: self.unit.clone(),
                }),
                _ => Err(Problem::QuantityTooLarge),
            },
            Err(_) => Err(Problem::QuantityTooLarge),
        }
    }
}

enum Chosen {
    None,
    One(Candidate),
    Several(Vec<Quantity>),
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str) -> Sentence<'a> {
        let t = tokenize(text);
        let role = vec![Role::Free; t.len()];
        Sentence { text, t, role }
    }

    fn len(&self) -> usize {
        self.t.len()
    }

    fn free(&self, i: usize) -> bool {
        self.role.get(i) == Some(&Role::Free)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.text.as_str())
    }

    fn free_word(&self, i: usize) -> Option<&str> {
        self.word(i).filter(|_| self.free(i))
    }

    fn num(&self, i: usize) -> Option<&str> {
        self.t
            .get(i)
            .filter(|t| t.kind == TokKind::Num)
            .map(|t| t.text.as_str())
    }

    fn sym(&self, i: usize) -> Option<char> {
        self.t
            .get(i)
            .filter(|t| t.kind == TokKind::Sym)
            .and_then(|t| t.text.chars().next())
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    /// Token `i` starts where token `i - 1` ends.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.len() && self.t[i - 1].span.end == self.t[i].span.start
    }

    /// A line break between token `i - 1` and token `i`.
    fn line_break_before(&self, i: usize) -> bool {
        i > 0
            && i < self.len()
            && self.text[self.t[i - 1].span.end..self.t[i].span.start].contains('\n')
    }

    /// `Menu:`, `Barang:`, `Qty:` in a form-style message are labels, not
    /// an item.
    fn mark_form_labels(&mut self) {
        for i in 0..self.len() {
            if self.free(i) && self.is(i, FORM_LABELS) && self.sym(i + 1) == Some(':') {
                self.mark(i..i + 2, Role::Other);
            }
        }
    }

    fn mark(&mut self, tokens: Range<usize>, role: Role) {
        for r in &mut self.role[tokens.start.min(self.t.len())..tokens.end.min(self.t.len())] {
            *r = role;
        }
    }

    /// Marks the free tokens that overlap a byte range.
    fn mark_span(&mut self, span: &Range<usize>, role: Role) {
        for (i, tok) in self.t.iter().enumerate() {
            if tok.span.start < span.end && span.start < tok.span.end && self.role[i] == Role::Free
            {
                self.role[i] = role;
            }
        }
    }

    fn slice(&self, tokens: Range<usize>) -> &'a str {
        &self.text[self.t[tokens.start].span.start..self.t[tokens.end - 1].span.end]
    }

    /// In a one-line answer (no `today`), date- and time-shaped phrases are
    /// cut out only so that their numbers are not read as something else.
    fn mark_answer_dates_and_time(&mut self) {
        let any_day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
        for d in when::find_all_dates(self.text, any_day) {
            self.mark_span(&d.span, Role::Date);
        }
        if let Some(t) = when::find_time(self.text) {
            self.mark_span(&t.span, Role::Time);
        }
    }

    fn has_fraction(&self) -> bool {
        (0..self.len()).any(|i| {
            self.free(i)
                && self
                    .num(i)
                    .is_some_and(|n| number::parse_whole(n) == Err(NumberError::NotWhole))
        })
    }

    // -- phones -------------------------------------------------------------

    /// `0812-3456-7890`, `+62 812 3456 7890`, `hp 08123456789`.
    fn mark_phones(&mut self) {
        let mut i = 0;
        while i < self.len() {
            let Some(first) = self.num(i).filter(|_| self.free(i)) else {
                i += 1;
                continue;
            };
            let plus = i > 0 && self.sym(i - 1) == Some('+') && self.glued(i);
            let keyword = (1..=2).any(|k| i >= k && self.is(i - k, PHONE_WORDS));
            let looks = first.starts_with("08") || (first.starts_with("62") && first.len() > 3);
            // The run of digit groups: "0812 3456 7890", "0812-3456-7890".
            let mut end = i + 1;
            let mut digits = first.bytes().filter(u8::is_ascii_digit).count();
            loop {
                let (next, skip) = match self.sym(end) {
                    Some('-' | '.') if self.num(end + 1).is_some() => (end + 1, 2),
                    _ if self.num(end).is_some() && end < self.len() => (end, 1),
                    _ => break,
                };
                let Some(n) = self.num(next) else { break };
                if !(2..=5).contains(&n.len()) || !self.free(next) {
                    break;
                }
                digits += n.len();
                end += skip;
            }
            let phone = ((looks || plus) && (9..=15).contains(&digits)) || (keyword && digits >= 6);
            if phone {
                let start = if plus { i - 1 } else { i };
                self.mark(start..end, Role::Phone);
                for k in 1..=2 {
                    if i >= k && self.is(i - k, PHONE_WORDS) {
                        self.mark(i - k..i - k + 1, Role::Phone);
                    }
                }
                i = end;
            } else {
                i += 1;
            }
        }
    }

    // -- numbers ------------------------------------------------------------

    /// The run of Indonesian number words at `i` (`dua ratus lima puluh`),
    /// its end and whether it has a scale word (so it is plainly a number).
    fn number_words_at(&self, i: usize) -> Option<(usize, bool)> {
        let is_scale = |w: &str| SCALE_WORDS.contains(&w);
        let is_number_word = |w: &str| DIGIT_WORDS.contains(&w) || is_scale(w);
        let first = self.free_word(i)?;
        if !is_number_word(first)
            || matches!(first, "belas" | "puluh" | "ratus" | "ribu" | "juta")
            || (i > 0 && self.free_word(i - 1).is_some_and(is_number_word))
        {
            return None;
        }
        // "Kepulauan Seribu" is a place.
        if i > 0
            && (self.is(i - 1, &["kep", "kepulauan", "pulau", "kab"])
                || (i > 1 && self.sym(i - 1) == Some('.') && self.is(i - 2, &["kep"])))
        {
            return None;
        }
        // "salah satu" (one of) is not a count.
        if first == "satu" && i > 0 && self.is(i - 1, &["salah"]) {
            return None;
        }
        let mut end = i;
        let mut scaled = false;
        while let Some(w) = self.free_word(end) {
            if !is_number_word(w) {
                break;
            }
            scaled |= is_scale(w);
            end += 1;
        }
        Some((end, scaled))
    }

    /// A number at `i`: its end (after a multiplier such as `rb`), its value
    /// text for [`number::parse_whole`], and whether it had a multiplier.
    fn number_at(&self, i: usize) -> Option<(usize, String, bool)> {
        if let Some(n) = self.num(i) {
            // "covid19", "HUT80": part of a word (but "Rp25.000" is money).
            if self.glued(i) && self.word(i - 1).is_some() && !self.is(i - 1, &["rp", "idr"]) {
                return None;
            }
            if let Some(w) = self.word(i + 1)
                && let Some((_, canon)) = MULTIPLIERS.iter().find(|(m, _)| *m == w)
            {
                return Some((i + 2, format!("{n} {canon}"), true));
            }
            return Some((i + 1, n.to_string(), false));
        }
        let (end, _) = self.number_words_at(i)?;
        let words: Vec<&str> = (i..end).filter_map(|k| self.word(k)).collect();
        let last = *words.last()?;
        let multiplied = matches!(last, "ribu" | "juta" | "seribu" | "sejuta");
        Some((end, words.join(" "), multiplied))
    }

    // -- money --------------------------------------------------------------

    /// Finds amounts of money and marks them. `answer`: the text is a reply
    /// to "berapa anggarannya?", so a bare number is money too.
    fn find_money(&mut self, answer: bool) -> Vec<Money> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.len() {
            match self.money_at(i, answer) {
                Some((m, range)) => {
                    self.mark(range.clone(), Role::Money);
                    i = range.end.max(i + 1);
                    found.push(m);
                }
                None => i += 1,
            }
        }
        // Budget words left over ("anggaran menyesuaikan") are no item.
        for k in 0..self.len() {
            if self.free(k) && self.is(k, BUDGET_WORDS) && !self.is(k, &["total", "nilai"]) {
                self.mark(k..k + 1, Role::Money);
            }
        }
        found
    }

    fn money_at(&self, i: usize, answer: bool) -> Option<(Money, Range<usize>)> {
        if !self.free(i) {
            return None;
        }
        let mut j = i;
        let at = self.sym(j) == Some('@');
        if at {
            j += 1;
        }
        let rp = self.is(j, &["rp", "idr"]);
        if rp {
            j += 1;
            if matches!(self.sym(j), Some('.' | ':')) {
                j += 1;
            }
        }
        if (at || rp) && !self.free(j) {
            return None;
        }
        let num_start = j;
        // "1.000 (seribu) pcs": the number said again, not money.
        if self.num(num_start).is_none()
            && num_start >= 2
            && self.sym(num_start - 1) == Some('(')
            && self.num(num_start - 2).is_some()
        {
            return None;
        }
        let (mut end, value_text, multiplied) = self.number_at(num_start)?;
        if !(i..end).all(|k| self.free(k)) {
            return None;
        }
        let rupiah = self.is(end, &["rupiah"]);
        if rupiah {
            end += 1;
        }
        // ",-" after "Rp 25.000"
        if self.sym(end) == Some(',') && self.sym(end + 1) == Some('-') {
            end += 2;
        }

        // Looking back for a budget word and per-unit / total markers.
        let mut start = i;
        let mut keyword: Option<&str> = None;
        let mut per = at;
        let mut total = false;
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            let prev = k - 1;
            if !self.free(prev) {
                break;
            }
            match (self.word(prev), self.sym(prev)) {
                (Some(w), _) if BUDGET_WORDS.contains(&w) && !BUDGET_GAP.contains(&w) => {
                    keyword = Some(w);
                    total |= w == "total";
                    start = prev;
                    if prev > 0 && self.free(prev - 1) && self.is(prev - 1, &["total"]) {
                        total = true;
                        start = prev - 1;
                    }
                    break;
                }
                (Some(w), _) if BUDGET_GAP.contains(&w) => {
                    if w == "per" || w == "satuan" {
                        per = true;
                    }
                    if w == "total" {
                        total = true;
                        keyword = Some(w);
                        start = prev;
                    }
                    if matches!(w, "maks" | "maksimal" | "max" | "maksimum") {
                        keyword = keyword.or(Some(w));
                        start = prev;
                    }
                }
                (Some(w), _)
                    if Unit::from_word(w).is_some() && self.is(prev.wrapping_sub(1), &["per"]) => {}
                (Some(w), _) if is_per_glued(w) => per = true,
                // "150 kotak x Rp 25.000": a unit price.
                (Some("x"), _)
                    if prev > 0
                        && (self.num(prev - 1).is_some()
                            || self
                                .word(prev - 1)
                                .is_some_and(|u| Unit::from_word(u).is_some())) =>
                {
                    per = true;
                    start = prev;
                    k = prev;
                    break;
                }
                (None, Some('@')) => {
                    per = true;
                    start = prev;
                }
                (None, Some(':' | '-' | '=' | '/' | '.')) => {}
                _ => break,
            }
            k = prev;
            steps += 1;
        }
        if keyword.is_none() && !(per && start < i && self.is(start, &["x"])) {
            // Without a budget word, only "per orang", "satuan", "@" and a few
            // words right before the amount belong to it.
            start = if per && !at { k } else { i };
            while start > 0
                && self.free(start - 1)
                && (self.is(
                    start - 1,
                    &["sekitar", "kisaran", "dibawah", "maks", "maksimal"],
                ) || self.sym(start - 1) == Some('@'))
            {
                per |= self.sym(start - 1) == Some('@');
                start -= 1;
            }
        }

        // Is it money at all?
        let content_follows = self.free_word(end).is_some_and(|w| {
            Unit::from_word(w).is_some() || dozen_of(w).is_some() || !money_follower(w)
        });
        // "27.500 per kotak", "45.000/pax": a price even without Rp.
        let per_follows = (matches!(self.sym(end), Some('/')) || self.is(end, &["per"]))
            && self
                .free_word(end + 1)
                .is_some_and(|w| Unit::from_word(w).is_some() || w == "item")
            || self.free_word(end).is_some_and(is_per_glued);
        let priced = per_follows && number::parse_whole(&value_text).is_ok_and(|v| v >= 500);
        // "100 pcs x 45.000 kaos": a unit price, whatever follows.
        let times_price = per
            && start < i
            && self.is(start, &["x"])
            && !self.is(end, SIZE_WORDS)
            && number::parse_whole(&value_text).is_ok_and(|v| v >= 500);
        let is_money = rp
            || at
            || rupiah
            || priced
            || times_price
            || ((multiplied || keyword.is_some() || answer) && !content_follows);
        if !is_money {
            return None;
        }
        // A year or a tiny bare number after "total" or "maks" is no budget.
        if !rp && !at && !rupiah && !multiplied && !answer {
            let v = number::parse_whole(&value_text).unwrap_or(0);
            if matches!(
                keyword,
                Some("total" | "maks" | "maksimal" | "max" | "maksimum")
            ) && v < 1000
            {
                return None;
            }
        }

        // After the amount: "/kotak", "per kotak", "perkotak", "total".
        let mut rate = false;
        loop {
            if !self.free(end) {
                break;
            }
            match (self.word(end), self.sym(end)) {
                (None, Some('/')) | (Some("per"), _) => match self.free_word(end + 1) {
                    Some(w) if RATE_WORDS.contains(&w) => {
                        rate = true;
                        end += 2;
                    }
                    Some(_) => {
                        per = true;
                        end += 2;
                    }
                    None => break,
                },
                (Some(w), _) if is_per_glued(w) || PER_UNIT_WORDS.contains(&w) => {
                    per = true;
                    end += 1;
                    // "masing-masing"
                    if w == "masing" && self.sym(end) == Some('-') && self.is(end + 1, &["masing"])
                    {
                        end += 2;
                    }
                }
                (Some("untuk" | "utk" | "buat"), _)
                    if self.is(end + 1, &["semua", "semuanya", "seluruhnya"]) =>
                {
                    total = true;
                    end += 2;
                }
                (Some("all"), _) if self.is(end + 1, &["in"]) => {
                    total = true;
                    end += 2;
                }
                (Some(w), _) if TOTAL_WORDS.contains(&w) => {
                    total = true;
                    end += 1;
                }
                _ => break,
            }
        }
        let end = end.min(self.len());

        let kind = if rate || (per && total) {
            Kind::Unclear
        } else if per {
            Kind::PerUnit
        } else if total {
            Kind::Total
        } else if keyword.is_some_and(|w| !UNCLEAR_BUDGET_WORDS.contains(&w)) {
            Kind::Plain
        } else {
            Kind::Unclear
        };
        let amount = match number::parse_whole(&value_text) {
            Ok(v) if v > 0 && v < MIN_BUDGET => Err(BudgetError::TooSmall),
            Ok(v) => Rupiah::new(v).map_err(|e| match e {
                super::money::MoneyError::Zero => BudgetError::Zero,
                super::money::MoneyError::TooLarge => BudgetError::TooLarge,
                super::money::MoneyError::NotMoney => BudgetError::NotUnderstood,
            }),
            Err(NumberError::TooLarge) => Err(BudgetError::TooLarge),
            Err(_) => Err(BudgetError::NotUnderstood),
        };
        let phrase = tidy(self.slice(start..end));
        Some((
            Money {
                amount,
                kind,
                phrase,
            },
            start..end,
        ))
    }

    // -- quantity -----------------------------------------------------------

    /// Sizes are not quantities nor items: `3x1 meter`, `60 x 160 cm`,
    /// `250 gram`.
    fn mark_sizes(&mut self) {
        for i in 0..self.len() {
            if !(self.free(i) && self.num(i).is_some()) {
                continue;
            }
            let mut end = i + 1;
            let times = self.is(end, &["x"]) || matches!(self.sym(end), Some('×' | '*'));
            if times && self.free(end + 1) && self.num(end + 1).is_some() {
                end += 2;
            } else if !self.is(end, SIZE_WORDS) {
                continue;
            }
            if self.is(end, SIZE_WORDS) {
                end += 1;
            }
            let start = if i > 0 && self.free(i - 1) && self.is(i - 1, &["ukuran", "uk", "size"]) {
                i - 1
            } else {
                i
            };
            self.mark(start..end, Role::Other);
        }
    }

    fn find_quantity(&mut self, answer: bool) -> Chosen {
        self.mark_sizes();
        let mut cands: Vec<Candidate> = Vec::new();
        for i in 0..self.len() {
            if let Some(c) = self.candidate_at(i, answer) {
                cands.push(c);
            }
        }
        for c in &cands {
            self.mark(c.start..c.end, Role::Quantity);
        }
        let Some(best) = cands.iter().map(|c| c.rank).min() else {
            return Chosen::None;
        };
        let group: Vec<Candidate> = cands.into_iter().filter(|c| c.rank == best).collect();
        let same = group
            .iter()
            .all(|c| c.value == group[0].value && c.negative == group[0].negative);
        if same {
            return Chosen::One(group[0].clone());
        }
        // "200 kotak eh 250 kotak maksudnya": the later one.
        if let [a, b] = group.as_slice()
            && (a.end..b.start).any(|k| self.is(k, CORRECTIONS))
        {
            return Chosen::One(b.clone());
        }
        let mut qs: Vec<Quantity> = group.iter().filter_map(|c| c.quantity().ok()).collect();
        qs.dedup();
        Chosen::Several(qs)
    }

    /// `selusin` (12), `setengah lusin` (6), `sekodi` (20), `setengah
    /// kodi` (10): a count and a dozen word in one.
    fn dozen_word_at(&self, i: usize) -> Option<(usize, u64)> {
        match self.free_word(i)? {
            "selusin" => Some((i + 1, 12)),
            "sekodi" => Some((i + 1, 20)),
            "setengah" | "stgh" | "stengah" => {
                let n = self.free_word(i + 1).and_then(dozen_of)?;
                Some((i + 2, n / 2))
            }
            _ => None,
        }
    }

    fn candidate_at(&mut self, i: usize, answer: bool) -> Option<Candidate> {
        if !self.free(i) {
            return None;
        }
        if let Some((end, value)) = self.dozen_word_at(i) {
            let mut k = end;
            let mut unit = Unit::Pcs;
            if let Some(u) = self.free_word(k).and_then(Unit::from_word) {
                unit = u;
                k += 1;
            }
            return Some(Candidate {
                start: i,
                end: k,
                value: Ok(value),
                negative: false,
                unit: Some(unit),
                rank: Rank::Unit,
            });
        }
        // "snack box isi 4 item": the contents, not how many.
        if self.is(i.wrapping_sub(1), CONTENT_WORDS)
            || (self.sym(i.wrapping_sub(1)) == Some('(')
                && self.is(i.wrapping_sub(2), CONTENT_WORDS))
        {
            if let Some((end, _, _)) = self.number_at(i) {
                let end = if self.word(end).is_some() {
                    end + 1
                } else {
                    end
                };
                self.mark(i..end, Role::Other);
            }
            return None;
        }
        let digits = self.num(i).is_some();
        let (mut num_end, value_text, _) = self.number_at(i)?;
        if !(i..num_end).all(|k| self.free(k)) {
            return None;
        }
        // "250 (dua ratus lima puluh) kotak", "2 (dua) paket": the number
        // said again in words.
        if digits
            && self.sym(num_end) == Some('(')
            && let Some((words_end, words, _)) = self.number_at(num_end + 1)
            && self.word(num_end + 1).is_some()
            && self.sym(words_end) == Some(')')
            && number::parse_whole(&words).ok() == number::parse_whole(&value_text).ok()
        {
            self.mark(num_end..words_end + 1, Role::Other);
            num_end = words_end + 1;
        }
        if digits {
            // Glued to something before: "3x1", "ke-80" (but "-5" is negative).
            if self.glued(i) {
                match self.sym(i - 1) {
                    Some('-' | '−') if !(i >= 2 && self.glued(i - 1)) => {}
                    Some('-' | '−') if i >= 2 && self.num(i - 2).is_some() => {} // "250-300"
                    _ => return None,
                }
            }
            // Glued to what follows: "3x1", "2pm" (but "250pcs", "10kg").
            if self.glued(num_end)
                && let Some(w) = self.word(num_end)
                && Unit::from_word(w).is_none()
                && dozen_of(w).is_none()
            {
                self.mark(i..num_end, Role::Other);
                return None;
            }
            if matches!(self.sym(num_end), Some('/' | ':' | '%' | '×')) && self.glued(num_end) {
                self.mark(i..num_end, Role::Other);
                return None;
            }
        }
        // "ke-80", "lantai 2", "no. 5", "ukuran 3"
        let before = match (self.sym(i.wrapping_sub(1)), i) {
            (Some('-' | '.' | ':'), k) if k >= 2 => k - 2,
            (_, k) if k >= 1 => k - 1,
            _ => usize::MAX,
        };
        let birthday = |k: usize| {
            self.is(k, &["tahun", "thn"]) && self.is(k.wrapping_sub(1), &["ulang", "ultah"])
        };
        if (self.is(before, LABEL_WORDS) && !birthday(before))
            || (self.is(i.wrapping_sub(1), LABEL_WORDS) && !birthday(i.wrapping_sub(1)))
        {
            self.mark(i..num_end, Role::Other);
            return None;
        }
        let next_word = self.word(num_end);
        if next_word.is_some_and(|w| VARIETY_WORDS.contains(&w)) {
            // "3 macam": the variety word goes with it.
            self.mark(i..num_end + 1, Role::Other);
            return None;
        }
        if next_word.is_some_and(|w| SIZE_WORDS.contains(&w) || DURATION_WORDS.contains(&w))
            || self.sym(num_end) == Some('%')
        {
            self.mark(i..num_end, Role::Other);
            return None;
        }
        let value = number::parse_whole(&value_text);
        if matches!(value, Err(NumberError::NotWhole | NumberError::NotANumber)) {
            return None;
        }
        let negative = (i > 0
            && matches!(self.sym(i - 1), Some('-' | '−'))
            && self.glued(i)
            && !(i >= 2 && self.glued(i - 1)))
            || self.is(i.wrapping_sub(1), &["minus"]);

        // A range: "250-300 kotak", "250 sampai 300 kotak": the unit is
        // read after the second number.
        let mut after = num_end;
        if (self.sym(after) == Some('-') || self.is(after, &["sampai", "hingga", "atau", "sd"]))
            && let Some((second_end, _, _)) = self.number_at(after + 1)
        {
            after = second_end;
        }

        let mut k = after;
        let mut value = value;
        let mut unit = None;
        let mut rank = None;
        if let Some(factor) = self.free_word(k).and_then(dozen_of) {
            value = value.and_then(|v| v.checked_mul(factor).ok_or(NumberError::TooLarge));
            unit = Some(Unit::Pcs);
            rank = Some(Rank::Unit);
            k += 1;
        }
        if let Some(u) = self.free_word(k).and_then(Unit::from_word) {
            rank = Some(if u == Unit::Orang && rank.is_none() {
                Rank::People
            } else {
                Rank::Unit
            });
            unit = Some(u);
            k += 1;
        }
        let unit_end = if after == num_end { k } else { num_end };
        // A year ("HUT RI 2026", "TA 2026") unless a unit follows it.
        let year = num_end == i + 1
            && self.num(i).is_some_and(|n| {
                n.len() == 4 && n.parse::<u32>().is_ok_and(|v| (1900..=2100).contains(&v))
            });
        if year && !answer && rank.is_none() && !self.is(i.wrapping_sub(1), COUNT_WORDS) {
            self.mark(i..num_end, Role::Other);
            return None;
        }
        let is_words = !digits;
        let rank = match rank {
            Some(r) => r,
            None => {
                let item_follows = self
                    .free_word(after)
                    .is_some_and(|w| !FILLERS.contains(&w) && !PHRASE_STOPS.contains(&w));
                let scaled = is_words && self.number_words_at(i).is_some_and(|(_, s)| s);
                // Number words need a unit, or must be plainly a number.
                if is_words && !answer && !(scaled && item_follows) {
                    return None;
                }
                if item_follows {
                    Rank::Item
                } else {
                    let prev = self.free_word(i.wrapping_sub(1));
                    let after_item = prev.is_some_and(|w| {
                        COUNT_WORDS.contains(&w)
                            || (!FILLERS.contains(&w) && !PHRASE_STOPS.contains(&w))
                    }) || (self.sym(i.wrapping_sub(1)) == Some(':')
                        && self.is(i.wrapping_sub(2), COUNT_WORDS));
                    if !(answer || after_item) {
                        return None;
                    }
                    Rank::Bare
                }
            }
        };
        let start = if negative && self.sym(i.wrapping_sub(1)).is_some() {
            i - 1
        } else {
            i
        };
        Some(Candidate {
            start,
            end: unit_end.max(num_end),
            value,
            negative,
            unit,
            rank,
        })
    }

    // -- place --------------------------------------------------------------

    /// The place named, or the candidates when it is not clear which.
    fn find_place(&mut self, regions: &Regions) -> Option<Result<Place, Vec<Place>>> {
        // Blank out what is already taken (dates, money, quantities…).
        let mut blanked = self.text.as_bytes().to_vec();
        for (i, tok) in self.t.iter().enumerate() {
            if !matches!(self.role[i], Role::Free) {
                blanked[tok.span.clone()].fill(b' ');
            }
        }
        let mut blanked = String::from_utf8(blanked).unwrap_or_default();
        let mut mentions: Vec<(Resolution, Range<usize>, bool)> = Vec::new();
        let mut all_mentions: Vec<(Resolution, Range<usize>, bool, bool)> = Vec::new();
        for _ in 0..8 {
            let Some((res, span)) = regions.find_mention(&blanked) else {
                break;
            };
            blanked.replace_range(span.clone(), &" ".repeat(span.len()));
            let first = self.t.iter().position(|t| t.span.start >= span.start);
            let single = self
                .t
                .iter()
                .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
                .count()
                == 1;
            if single && first.is_some_and(|f| self.is(f, NOT_PLACES)) {
                continue;
            }
            let marked = first.is_some_and(|f| f > 0 && self.is(f - 1, PLACE_MARKERS));
            // "nasi padang", "soto banjar", "kue khas Berau": a dish named
            // after a place.
            let dish = !marked
                && first.is_some_and(|f| {
                    f > 0
                        && self.free(f - 1)
                        && self
                            .word(f - 1)
                            .is_some_and(|w| w == "khas" || is_product_word(w))
                });
            all_mentions.push((res, span, marked, dish));
        }
        if all_mentions.iter().any(|m| !m.3) {
            all_mentions.retain(|m| !m.3);
        }
        for (res, span, marked, _) in all_mentions {
            self.mark_span(&span, Role::Place);
            mentions.push((res, span, marked));
        }
        let places_of = |r: &Resolution| r.places().to_vec();
        match mentions.len() {
            0 => return None,
            1 => {
                let (res, _, _) = mentions.remove(0);
                return Some(match res {
                    Resolution::Found(p) => Ok(p),
                    other => Err(places_of(&other)),
                });
            }
            _ => {}
        }
        // Several mentions: all the same regency?
        let found: Vec<&Place> = mentions
            .iter()
            .filter_map(|(r, _, _)| match r {
                Resolution::Found(p) => Some(p),
                _ => None,
            })
            .collect();
        if found.len() == mentions.len() && found.iter().all(|p| p.regency == found[0].regency) {
            let best = found
                .iter()
                .find(|p| p.district.is_some())
                .unwrap_or(&found[0]);
            return Some(Ok((*best).clone()));
        }
        // "di Samarinda atau Balikpapan": the user offers a choice; ask.
        let choice = mentions.windows(2).any(|w| {
            self.text
                .get(w[0].1.end.min(w[1].1.start)..w[1].1.start.max(w[0].1.end))
                .is_some_and(|between| {
                    between
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|x| matches!(x.to_lowercase().as_str(), "atau" | "ato" | "or"))
                })
        });
        let marked: Vec<&(Resolution, Range<usize>, bool)> =
            mentions.iter().filter(|(_, _, m)| *m).collect();
        if !choice && let [(res, _, _)] = marked.as_slice() {
            return Some(match res {
                Resolution::Found(p) => Ok(p.clone()),
                other => Err(places_of(other)),
            });
        }
        let mut all: Vec<Place> = Vec::new();
        for (r, _, _) in &mentions {
            for p in r.places() {
                if !all.contains(p) {
                    all.push(p.clone());
                }
            }
        }
        Some(Err(all))
    }

    // -- halal, purpose, venue, item -----------------------------------------

    fn find_halal(&mut self) -> bool {
        let mut halal = false;
        for i in 0..self.len() {
            if !(self.free(i) && self.is(i, &["halal"])) {
                continue;
            }
            // "halal bihalal" is a gathering, not a requirement.
            if self.is(i + 1, &["bihalal", "bi"]) || self.is(i.wrapping_sub(1), &["halal"]) {
                continue;
            }
            let mut start = i;
            let mut negated = false;
            // Up to three words back: "tidak harus halal", "non-halal".
            let mut k = i;
            let mut words = 0;
            while k > 0 && words < 3 {
                k -= 1;
                if !self.free(k) {
                    break;
                }
                if self.sym(k) == Some('-') {
                    continue;
                }
                if self.is(k, NEGATIONS) {
                    negated = true;
                    start = k;
                } else if self.is(k, HALAL_CONTEXT) {
                    start = start.min(k);
                } else {
                    break;
                }
                words += 1;
            }
            let mut end = i + 1;
            if self.is(end, &["mui"]) {
                end += 1;
            }
            self.mark(start..end, Role::Halal);
            halal |= !negated;
        }
        halal
    }

    /// The words after `untuk`: what the goods are for.
    fn find_purpose(&mut self) -> Option<String> {
        // "Acara: Rapat Evaluasi Program", "Nama kegiatan: Bimtek …".
        for i in 0..self.len() {
            if self.free(i)
                && self.is(i, PURPOSE_LABELS)
                && self.sym(i + 1) == Some(':')
                && let Some(range) = self.phrase_after(i + 2, true)
            {
                self.mark(i..i + 2, Role::Purpose);
                return Some(self.take_purpose(range));
            }
        }
        for i in 0..self.len() {
            if !(self.free(i) && self.is(i, PURPOSE_MARKERS)) {
                continue;
            }
            if self.is(i, &["rangka"]) && !self.is(i.wrapping_sub(1), &["dalam", "dlm"]) {
                continue;
            }
            if let Some(range) = self.phrase_after(i + 1, true) {
                let lead = if self.is(i, &["rangka"]) { i - 1 } else { i };
                self.mark(lead..i + 1, Role::Purpose);
                return Some(self.take_purpose(range));
            }
        }
        // "snack HUT RI", "nasi kotak rakor Bappeda": an event names it.
        let i = (0..self.len()).find(|&i| {
            self.free(i)
                && (self.is(i, EVENT_WORDS) || self.event_pair(i))
                // "ruang rapat" is a room.
                && !self.is(i.wrapping_sub(1), &["ruang", "ruangan", "aula", "gedung", "balai"])
        })?;
        let range = self.phrase_after(i, true)?;
        Some(self.take_purpose(range))
    }

    fn event_pair(&self, i: usize) -> bool {
        match (self.word(i), self.free_word(i + 1)) {
            (Some(a), Some(b)) => EVENT_PAIRS.contains(&(a, b)),
            _ => false,
        }
    }

    fn take_purpose(&mut self, range: Range<usize>) -> String {
        let text = tidy(self.slice(range.clone()));
        for k in range {
            if self.free(k) {
                self.role[k] = Role::Purpose;
            }
        }
        text
    }

    /// The words after `di`/`ke` up to the place or the end of the clause:
    /// where exactly the goods go (`di kantor bupati kukar`).
    fn find_venue(&mut self) -> Option<String> {
        for i in 0..self.len() {
            if !(self.free(i) && self.is(i, VENUE_MARKERS)) {
                continue;
            }
            if let Some(range) = self.phrase_after(i + 1, false) {
                let text = tidy(self.slice(range.clone()));
                self.mark(range, Role::Venue);
                return Some(text);
            }
        }
        None
    }

    /// Free words from `i` up to punctuation, a stop word or a taken token.
    /// `through_place`: place names may continue it (`HUT kota Balikpapan`).
    fn phrase_after(&self, i: usize, through_place: bool) -> Option<Range<usize>> {
        let mut end = i;
        let mut last_free = None;
        while end < self.len() && end - i < MAX_PHRASE_WORDS {
            if end > i && self.line_break_before(end) {
                break;
            }
            // "hari jadi", "Hari Ibu", "tamu dari provinsi" go on; "hari
            // Kamis" was a date already.
            let goes_on = |w: &str| {
                matches!(w, "hari" | "dari")
                    && self.free_word(end + 1).is_some_and(|n| {
                        !PHRASE_STOPS.contains(&n) && !FILLERS.contains(&n) || n == "ibu"
                    })
                    && !self.line_break_before(end + 1)
            };
            let ok = match self.role[end] {
                Role::Free => match (self.word(end), self.sym(end)) {
                    (Some(w), _) => {
                        !PHRASE_STOPS.contains(&w) || self.event_pair(end) || goes_on(w)
                    }
                    (None, Some('-' | '&' | '/' | '\'')) => {
                        self.glued(end) || self.word(end + 1).is_some()
                    }
                    _ => false,
                },
                Role::Place => through_place,
                // "lomba 17an", "kampanye 3M"
                Role::Other => {
                    self.num(end).is_some()
                        && self.glued(end + 1)
                        && self.free_word(end + 1).is_some()
                }
                _ => false,
            };
            if !ok {
                break;
            }
            if self.role[end] == Role::Free && self.word(end).is_some() {
                last_free = Some(end);
            }
            end += 1;
        }
        // A phrase of place names alone is no purpose; it ends on a word.
        last_free?;
        let mut stop = end;
        while stop > i && self.sym(stop - 1).is_some() {
            stop -= 1;
        }
        Some(i..stop)
    }

    /// Runs of free item words.
    fn runs(&self) -> Vec<Range<usize>> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < self.len() {
            let is_item_word = |k: usize| {
                self.free_word(k).is_some_and(|w| {
                    !FILLERS.contains(&w)
                        && !PHRASE_STOPS.contains(&w)
                        && !ITEM_ENDS.contains(&w)
                        && (w != "ucapan" || !self.is(k + 1, GREETINGS))
                })
            };
            if !is_item_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if self.line_break_before(end) {
                    break;
                }
                if is_item_word(end) {
                    end += 1;
                } else if self.free(end)
                    && matches!(self.sym(end), Some('-' | '&' | '/'))
                    && is_item_word(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            runs.push(start..end);
            i = end;
        }
        runs
    }

    fn find_item(&mut self, quantity: Option<&Candidate>) -> Option<String> {
        let mut runs = self.runs();
        // What comes after "isi" is the contents ("snack box isi kue").
        let contents = |r: &Range<usize>| {
            (1..=3).any(|b| {
                r.start >= b
                    && self.is(r.start - b, CONTENT_WORDS)
                    && (r.start - b + 1..r.start).all(|k| self.role[k] == Role::Other)
            })
        };
        if runs.iter().any(|r| !contents(r)) {
            runs.retain(|r| !contents(r));
        }
        let has_product = |r: &Range<usize>| {
            r.clone().any(|k| {
                self.word(k).is_some_and(is_product_word)
                    || (k + 1 < r.end
                        && matches!((self.word(k), self.word(k + 1)),
                            (Some(a), Some(b)) if category_of_pair(a, b).is_some()))
            })
        };
        // A run before the candidate, with only fillers between
        // ("nasi kotak sebanyak 300").
        let filler = |k: usize| {
            self.role[k] == Role::Other
                || (self.free(k)
                    && self.word(k).is_some_and(|w| FILLERS.contains(&w))
                    && !self.is(k, PHRASE_STOPS))
        };
        let adjacent = |q: &Candidate| {
            let after = runs.iter().find(|r| r.start == q.end);
            let before = runs
                .iter()
                .rev()
                .find(|r| r.end <= q.start && (r.end..q.start).all(filler));
            // The product, not a trailing word: "nasi kotak 100 ktk krn …".
            // "payung 50 pcs sablon logo": how it is made, after the thing.
            let process = |r: &Range<usize>| {
                self.is(
                    r.start,
                    &["sablon", "bordir", "print", "cetak", "custom", "logo"],
                )
            };
            if after.is_some_and(|r| !has_product(r) || process(r))
                && before.is_some_and(|r| has_product(r) && !process(r))
            {
                return before.cloned();
            }
            after.or(before).cloned()
        };
        let product = runs.iter().find(|r| has_product(r)).cloned();
        let run = match quantity {
            Some(q) if q.rank == Rank::People => product.or_else(|| adjacent(q)),
            Some(q) => adjacent(q).or(product),
            None => product,
        }?;
        let text = tidy(&self.slice(run.clone()).to_lowercase());
        self.mark(run, Role::Item);
        Some(cut_at_word(&text, MAX_ITEM_CHARS))
    }
}

fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for w in text.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `perkotak`, `perorang`, `perpcs`.
fn is_per_glued(w: &str) -> bool {
    w.strip_prefix("per")
        .is_some_and(|rest| Unit::from_word(rest).is_some() || rest == "item")
}

/// Words that may follow an amount of money without making it a quantity.
fn money_follower(w: &str) -> bool {
    FILLERS.contains(&w)
        || PHRASE_STOPS.contains(&w)
        || TOTAL_WORDS.contains(&w)
        || PER_UNIT_WORDS.contains(&w)
        || is_per_glued(w)
        || BUDGET_WORDS.contains(&w)
        || matches!(
            w,
            "per" | "rupiah" | "nett" | "net" | "sudah" | "termasuk" | "include"
        )
}

/// Picks the budget among the amounts found: `Ok` when one meaning is
/// clear, `Err(phrase)` when money was there but its meaning is not.
fn resolve_budget(monies: &[Money], count: Option<u32>) -> Option<Result<Budget, String>> {
    let mut clear: Vec<Budget> = Vec::new();
    let mut unclear: Vec<&str> = Vec::new();
    for m in monies {
        let Ok(amount) = m.amount else {
            unclear.push(&m.phrase);
            continue;
        };
        let a = amount.amount();
        match m.kind {
            Kind::PerUnit => clear.push(Budget::PerUnit(amount)),
            Kind::Total => clear.push(Budget::Total(amount)),
            Kind::Plain
                if a >= MIN_PLAIN_TOTAL
                    && count.is_none_or(|n| a >= u64::from(n) * MIN_PLAIN_PER_UNIT) =>
            {
                clear.push(Budget::Total(amount))
            }
            Kind::Plain | Kind::Unclear => unclear.push(&m.phrase),
        }
    }
    clear.dedup();
    match clear.as_slice() {
        [] => unclear.first().map(|p| Err(p.to_string())),
        [one] => Some(Ok(*one)),
        [Budget::PerUnit(p), Budget::Total(t)] | [Budget::Total(t), Budget::PerUnit(p)]
            if count.is_some_and(|n| p.amount() * u64::from(n) == t.amount()) =>
        {
            Some(Ok(Budget::PerUnit(*p)))
        }
        _ => Some(Err(monies
            .iter()
            .map(|m| m.phrase.as_str())
            .collect::<Vec<_>>()
            .join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{hm as t, ymd as d};

    /// Tuesday 10 March 2026.
    fn today() -> NaiveDate {
        d(2026, 3, 10)
    }

    fn read(text: &str) -> RequestReading {
        read_request(text, today(), Regions::embedded())
    }

    fn rp(n: u64) -> Rupiah {
        Rupiah::new(n).unwrap()
    }

    fn place_name(place: &Place) -> String {
        Regions::embedded().describe(place).unwrap()
    }

    fn shown_quantity(r: &RequestReading) -> Option<String> {
        r.quantity.as_ref().map(Quantity::to_string)
    }

    /// Runs `check` on every case and reports all failures at once.
    fn all<T>(cases: &[T], check: impl Fn(&T) -> Option<String>) {
        let failures: Vec<String> = cases.iter().filter_map(check).collect();
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn the_example_from_the_product_spec_is_read_in_full() {
        let r = read(
            "/minta 250 kotak snack untuk rakor tanggal 26 Maret di Samarinda, \
             anggaran 25rb per kotak",
        );
        let samarinda = Place {
            regency: crate::domain::RegionCode::parse("64.72").unwrap(),
            district: None,
        };
        assert_eq!(
            r,
            RequestReading {
                quantity: Some(Quantity {
                    count: 250,
                    unit: Some(Unit::Kotak)
                }),
                item: Some("snack".into()),
                category: Some(Category::Snack),
                date: Some(d(2026, 3, 26)),
                time: None,
                place: Some(samarinda),
                budget: Some(Budget::PerUnit(rp(25_000))),
                halal: false,
                purpose: Some("rakor".into()),
                venue: None,
                missing: vec![],
                problems: vec![],
            }
        );
        assert!(r.is_complete());
        assert!(!r.understood_nothing());
    }

    /// Text, quantity shown, item, category, date, place described.
    type Expected = (
        &'static str,
        &'static str,
        &'static str,
        Option<Category>,
        NaiveDate,
        &'static str,
    );

    #[test]
    fn realistic_office_requests_are_read_completely() {
        use Category::*;
        #[rustfmt::skip]
        let cases: &[Expected] = &[
            ("Mohon 120 seminar kit untuk Bimtek UMKM tgl 5 April di Tenggarong",
             "120", "seminar kit", Some(Merchandise), d(2026, 4, 5),
             "Tenggarong, Kabupaten Kutai Kartanegara"),
            ("nasi kotak 300 porsi besok jam 12 di kantor bupati kukar, halal",
             "300 porsi", "nasi kotak", Some(Katering), d(2026, 3, 11),
             "Kabupaten Kutai Kartanegara"),
            ("butuh 1.500 kaos sablon utk HUT kota Balikpapan 17 Agustus anggaran 2,5 jt total",
             "1.500", "kaos sablon", Some(Merchandise), d(2026, 8, 17), "Kota Balikpapan"),
            ("dua ratus lima puluh kotak kue basah untuk sosialisasi Senin depan di Bontang",
             "250 kotak", "kue basah", Some(Snack), d(2026, 3, 16), "Kota Bontang"),
            ("pesan 250 snack box tanggal 26/3 di samarinda budget 5jt",
             "250 box", "snack box", Some(Snack), d(2026, 3, 26), "Kota Samarinda"),
            ("Mohon disiapkan snack box 150 kotak untuk rapat koordinasi Bappeda tanggal 2 April 2026 pukul 09.00 di Samarinda",
             "150 kotak", "snack box", Some(Snack), d(2026, 4, 2), "Kota Samarinda"),
            ("pesan nasi kotak 200 porsi hari ini jam 12 siang di Kota Samarinda",
             "200 porsi", "nasi kotak", Some(Katering), d(2026, 3, 10), "Kota Samarinda"),
            ("butuh 80 goodie bag untuk tamu festival tgl 20/3 di Tenggarong, budget 50rb per pcs",
             "80", "goodie bag", Some(Merchandise), d(2026, 3, 20),
             "Tenggarong, Kabupaten Kutai Kartanegara"),
            ("permintaan 30 karangan bunga ucapan untuk pelantikan kepala dinas Jumat di Kukar",
             "30", "karangan bunga ucapan", Some(Dekorasi), d(2026, 3, 13),
             "Kabupaten Kutai Kartanegara"),
            ("kue tradisional 500 pcs untuk HUT Kabupaten Kutai Kartanegara 28 September di Tenggarong",
             "500 pcs", "kue tradisional", Some(Snack), d(2026, 9, 28),
             "Tenggarong, Kabupaten Kutai Kartanegara"),
            ("minuman kemasan 10 dus untuk kegiatan senam besok pagi di Kab. Kutai Kartanegara",
             "10 dus", "minuman kemasan", Some(Minuman), d(2026, 3, 11),
             "Kabupaten Kutai Kartanegara"),
            ("100 sertifikat piagam penghargaan 2 minggu lagi di Balikpapan harga satuan 15rb",
             "100", "sertifikat piagam penghargaan", Some(Percetakan), d(2026, 3, 24),
             "Kota Balikpapan"),
            ("banner 5 lembar ukuran 3x1 m untuk sosialisasi tgl 25 di Samarinda",
             "5 lembar", "banner", Some(Percetakan), d(2026, 3, 25), "Kota Samarinda"),
            ("300 porsi prasmanan tanggal 12 April di aula kantor gubernur Samarinda, anggaran 15 juta",
             "300 porsi", "prasmanan", Some(Katering), d(2026, 4, 12), "Kota Samarinda"),
            ("sablon 200 kaos panitia MTQ tgl 1 Mei di Bontang, Rp 75.000/pcs",
             "200", "kaos panitia mtq", Some(Merchandise), d(2026, 5, 1), "Kota Bontang"),
            ("oleh-oleh amplang 100 bungkus untuk tamu kementerian lusa di Samarinda",
             "100 bungkus", "oleh-oleh amplang", Some(OlehOleh), d(2026, 3, 12), "Kota Samarinda"),
            ("amplang 50 kg untuk oleh-oleh tamu kunjungan kerja 3 hari lagi di Samarinda",
             "50 kg", "amplang", Some(OlehOleh), d(2026, 3, 13), "Kota Samarinda"),
            ("200 botol air mineral besok di Samarinda",
             "200 botol", "air mineral", Some(Minuman), d(2026, 3, 11), "Kota Samarinda"),
            ("cetak 200 lembar sertifikat pelatihan batik tgl 15/4 di Kukar, harga 5rb/lembar",
             "200 lembar", "sertifikat pelatihan batik", Some(Percetakan), d(2026, 4, 15),
             "Kabupaten Kutai Kartanegara"),
            ("goodie bag 120 pcs @25rb untuk peserta seminar di Balikpapan tgl 30 Maret",
             "120 pcs", "goodie bag", Some(Merchandise), d(2026, 3, 30), "Kota Balikpapan"),
            ("200 nasi kotak dalam rangka Musrenbang kecamatan besok di Sangatta",
             "200 kotak", "nasi kotak", Some(Katering), d(2026, 3, 11), "Kabupaten Kutai Timur"),
            ("snack untuk 50 orang besok jam 9 pagi di aula Bappeda Samarinda",
             "50 orang", "snack", Some(Snack), d(2026, 3, 11), "Kota Samarinda"),
            ("seminar kit 120 set 26 Maret di kukar",
             "120 set", "seminar kit", Some(Merchandise), d(2026, 3, 26),
             "Kabupaten Kutai Kartanegara"),
            ("100 paket sembako untuk warga tgl 25 Maret di Samarinda anggaran Rp 150.000/paket",
             "100 paket", "sembako", None, d(2026, 3, 25), "Kota Samarinda"),
            ("tolong 40 set tumpeng kecil tgl 12 april di Samarinda ya, non halal",
             "40 set", "tumpeng kecil", Some(Katering), d(2026, 4, 12), "Kota Samarinda"),
        ];
        all(cases, |&(text, qty, item, category, date, place)| {
            let r = read(text);
            let got = (
                shown_quantity(&r),
                r.item.clone(),
                r.category,
                r.date,
                r.place.as_ref().map(place_name),
                r.is_complete(),
            );
            let want = (
                Some(qty.to_string()),
                Some(item.to_string()),
                category,
                Some(date),
                Some(place.to_string()),
                true,
            );
            (got != want).then(|| {
                format!(
                    "{text:?}\n   got  {got:?}\n   want {want:?}\n   {:?}",
                    r.problems
                )
            })
        });
    }

    #[test]
    fn quantities_are_read_from_digits_words_dozens_and_scores() {
        let cases = [
            ("250 kotak snack besok", "250 kotak"),
            ("1.500 pcs kerupuk", "1.500 pcs"),
            ("dua ratus lima puluh kotak nasi", "250 kotak"),
            ("seratus porsi nasi kuning", "100 porsi"),
            ("seribu lima ratus pcs kerupuk", "1.500 pcs"),
            ("snack rapat 2 lusin lusa", "24 pcs"),
            ("satu lusin kotak kue", "12 kotak"),
            ("kaos polo 2 kodi", "40 pcs"),
            ("250pcs gantungan kunci", "250 pcs"),
            ("10kg amplang", "10 kg"),
            ("pesan 2 ribu kaos", "2.000"),
            ("1,5 rb kotak snack", "1.500 kotak"),
            ("nasi kotak sebanyak 300", "300 kotak"),
            ("snack box 250 untuk rapat", "250 box"),
            ("120 seminar kit", "120"),
            ("untuk 250 peserta, snack box", "250 orang"),
            ("75 pax nasi box", "75 pax"),
            ("40 set tumpeng", "40 set"),
            ("200 botol air mineral", "200 botol"),
            ("3 buah karangan bunga", "3 buah"),
            ("5 dus air mineral", "5 dus"),
            ("100 lembar sertifikat", "100 lembar"),
            ("50 paket sembako", "50 paket"),
            ("300 porsi nasi kotak untuk 250 orang", "300 porsi"),
            ("snack box 250 kotak untuk 250 peserta", "250 kotak"),
        ];
        all(&cases, |&(text, want)| {
            let got = shown_quantity(&read(text));
            (got.as_deref() != Some(want)).then(|| format!("{text:?}: got {got:?}, want {want}"))
        });
    }

    #[test]
    fn numbers_of_dates_times_money_phones_years_labels_and_sizes_are_not_the_quantity() {
        let cases = [
            ("snack tanggal 26 Maret di Samarinda", None),
            ("snack box 26/3", None),
            ("snack box jam 9", None),
            ("snack anggaran 25rb per kotak", None),
            ("snack box, hubungi 0812-3456-7890", None),
            ("snack box HUT RI 2026", None),
            ("kaos HUT ke-80", None),
            ("snack rapat di lantai 2", None),
            ("banner 3x1 meter", None),
            ("kue 250 gram", None),
            ("kue 3 macam", None),
            ("snack box 3 hari lagi", None),
            ("snack 100 kotak tanggal 26 Maret 2025", Some("100 kotak")),
            ("nasi kotak 100 porsi, +62 812 3456 7890", Some("100 porsi")),
            (
                "250 kotak snack HUT RI 2026 tanggal 17 Agustus",
                Some("250 kotak"),
            ),
            ("stok 2026 pcs gantungan kunci", Some("2.026 pcs")),
            ("kue 250 gram 100 kotak", Some("100 kotak")),
            ("pesan kue 3 macam 100 kotak", Some("100 kotak")),
        ];
        all(&cases, |&(text, want)| {
            let got = shown_quantity(&read(text));
            (got.as_deref() != want).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        });
    }

    #[test]
    fn zero_negative_too_large_and_conflicting_quantities_are_problems_not_guesses() {
        let q = |count, unit| Quantity {
            count,
            unit: Some(unit),
        };
        let cases = [
            ("0 kotak snack besok", Problem::ZeroQuantity),
            ("-5 kotak nasi besok", Problem::ZeroQuantity),
            ("minus 5 kotak nasi besok", Problem::ZeroQuantity),
            ("nol kotak snack besok", Problem::ZeroQuantity),
            ("2.000.000 kotak snack besok", Problem::QuantityTooLarge),
            ("1.000.001 pcs stiker besok", Problem::QuantityTooLarge),
            (
                "250-300 kotak snack besok",
                Problem::SeveralQuantities(vec![q(250, Unit::Kotak), q(300, Unit::Kotak)]),
            ),
            (
                "250 atau 300 kotak snack besok",
                Problem::SeveralQuantities(vec![q(250, Unit::Kotak), q(300, Unit::Kotak)]),
            ),
            (
                "100 kotak snack dan 50 kotak nasi besok",
                Problem::SeveralQuantities(vec![q(100, Unit::Kotak), q(50, Unit::Kotak)]),
            ),
        ];
        all(&cases, |(text, want)| {
            let r = read(text);
            let ok = r.quantity.is_none()
                && r.problems == vec![want.clone()]
                && !r.missing.contains(&Field::Quantity)
                && r.to_ask() == vec![Field::Quantity, Field::Place];
            (!ok).then(|| format!("{text:?}: got {r:?}"))
        });
        assert_eq!(
            shown_quantity(&read("1.000.000 pcs stiker")).as_deref(),
            Some("1.000.000 pcs")
        );
    }

    #[test]
    fn a_unit_word_inside_the_item_name_becomes_the_unit_and_stays_in_the_name() {
        let cases = [
            ("250 snack box", "250 box", "snack box"),
            ("300 nasi kotak", "300 kotak", "nasi kotak"),
            ("nasi kotak 300 porsi", "300 porsi", "nasi kotak"),
            ("250 kotak snack", "250 kotak", "snack"),
            ("nasi box 75 pax", "75 pax", "nasi box"),
            ("sebanyak 300 nasi kotak", "300 kotak", "nasi kotak"),
        ];
        all(&cases, |&(text, qty, item)| {
            let r = read(text);
            let got = (shown_quantity(&r), r.item.clone());
            let want = (Some(qty.to_string()), Some(item.to_string()));
            (got != want).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        });
    }

    #[test]
    fn dates_are_read_relative_to_today_and_without_a_year_mean_the_next_one() {
        let cases = [
            ("snack 100 kotak besok", d(2026, 3, 11)),
            ("snack 100 kotak lusa", d(2026, 3, 12)),
            ("snack 100 kotak hari ini", d(2026, 3, 10)),
            ("snack 100 kotak Senin depan", d(2026, 3, 16)),
            ("snack 100 kotak Selasa depan", d(2026, 3, 17)),
            ("snack 100 kotak minggu depan", d(2026, 3, 17)),
            ("snack 100 kotak 3 hari lagi", d(2026, 3, 13)),
            ("snack 100 kotak 2 minggu lagi", d(2026, 3, 24)),
            ("snack 100 kotak bulan depan", d(2026, 4, 10)),
            ("snack 100 kotak Jumat", d(2026, 3, 13)),
            ("snack 100 kotak 26/3", d(2026, 3, 26)),
            ("snack 100 kotak 26 Maret 2027", d(2027, 3, 26)),
            ("snack 100 kotak 26-03-2026", d(2026, 3, 26)),
            ("snack 100 kotak 2026-04-01", d(2026, 4, 1)),
            ("snack 100 kotak tgl 25", d(2026, 3, 25)),
            ("snack 100 kotak tanggal 10 Maret", d(2026, 3, 10)),
            ("snack 100 kotak tanggal 9 Maret", d(2027, 3, 9)),
            (
                "seperti pesanan kemarin, 100 kotak snack untuk besok",
                d(2026, 3, 11),
            ),
        ];
        all(&cases, |&(text, want)| {
            let r = read(text);
            (r.date != Some(want) || !r.problems.is_empty())
                .then(|| format!("{text:?}: got {:?} {:?}, want {want}", r.date, r.problems))
        });
    }

    #[test]
    fn times_of_day_are_read_next_to_the_date() {
        let cases = [
            ("snack 100 kotak besok jam 9 pagi", t(9, 0)),
            ("snack 100 kotak besok pukul 13.30", t(13, 30)),
            ("nasi kotak 100 porsi besok jam 12 siang", t(12, 0)),
            ("snack 100 kotak besok 09:30 WITA", t(9, 30)),
            ("snack 100 kotak jam 2 besok", t(14, 0)),
        ];
        all(&cases, |&(text, want)| {
            let r = read(text);
            let ok = r.time == Some(want) && r.date == Some(d(2026, 3, 11));
            (!ok).then(|| format!("{text:?}: got {:?} {:?}", r.date, r.time))
        });
    }

    #[test]
    fn past_impossible_and_mismatched_dates_are_refused_not_guessed() {
        let cases = [
            (
                "snack 100 kotak 5 Maret 2025",
                Problem::PastDate(d(2025, 3, 5)),
            ),
            (
                "snack 100 kotak 1 Maret 2026",
                Problem::PastDate(d(2026, 3, 1)),
            ),
            (
                "kemarin pesan 100 kotak snack",
                Problem::PastDate(d(2026, 3, 9)),
            ),
            (
                "snack 100 kotak Senin lalu",
                Problem::PastDate(d(2026, 3, 9)),
            ),
            ("snack 100 kotak 31/2", Problem::InvalidDate),
            ("snack 100 kotak 30 Februari", Problem::InvalidDate),
            (
                "Jumat, 26 Maret 2026 snack 100 kotak",
                Problem::DateWeekdayMismatch,
            ),
        ];
        all(&cases, |(text, want)| {
            let r = read(text);
            let ok = r.date.is_none()
                && r.problems == vec![want.clone()]
                && r.missing == vec![Field::Place]
                && r.to_ask() == vec![Field::Date, Field::Place]
                && shown_quantity(&r).as_deref() == Some("100 kotak");
            (!ok).then(|| format!("{text:?}: got {r:?}"))
        });
    }

    #[test]
    fn places_are_found_by_regency_alias_and_district_name() {
        let cases = [
            ("snack 100 kotak di Samarinda", "Kota Samarinda"),
            ("snack 100 kotak di Kota Samarinda", "Kota Samarinda"),
            ("snack 100 kotak di kukar", "Kabupaten Kutai Kartanegara"),
            (
                "snack 100 kotak di Kab. Kutai Kartanegara",
                "Kabupaten Kutai Kartanegara",
            ),
            (
                "snack 100 kotak di Tenggarong",
                "Tenggarong, Kabupaten Kutai Kartanegara",
            ),
            (
                "snack 100 kotak di Tenggarong, Kukar",
                "Tenggarong, Kabupaten Kutai Kartanegara",
            ),
            (
                "nasi box 75 pax di kantor camat Loa Janan",
                "Loa Janan, Kabupaten Kutai Kartanegara",
            ),
            (
                "snack 100 kotak Senin depan di Legok",
                "Legok, Kabupaten Tangerang",
            ),
            ("snack 100 kotak di Kota Tangerang", "Kota Tangerang"),
            (
                "snack 100 kotak di Kabupaten Tangerang",
                "Kabupaten Tangerang",
            ),
            ("snack 100 kotak di Sangatta", "Kabupaten Kutai Timur"),
            ("brosur 500 lembar di Berau", "Kabupaten Berau"),
            (
                "nasi kotak 100 porsi di kantor bupati kukar",
                "Kabupaten Kutai Kartanegara",
            ),
            (
                "snack 100 kotak untuk HUT kota Balikpapan di Samarinda",
                "Kota Samarinda",
            ),
            ("snack 100 kotak kirim ke Bontang", "Kota Bontang"),
        ];
        all(&cases, |&(text, want)| {
            let r = read(text);
            let got = r.place.as_ref().map(place_name);
            (got.as_deref() != Some(want) || !r.problems.is_empty())
                .then(|| format!("{text:?}: got {got:?} {:?}, want {want}", r.problems))
        });
    }

    #[test]
    fn an_ambiguous_place_or_two_unmarked_places_are_a_problem_with_the_candidates() {
        let cases = [
            (
                "pesan 250 kotak snack di tangerang besok",
                vec!["Kota Tangerang", "Kabupaten Tangerang"],
            ),
            (
                "snack 100 kotak dari Balikpapan dan Samarinda besok",
                vec!["Kota Balikpapan", "Kota Samarinda"],
            ),
        ];
        all(&cases, |(text, want)| {
            let r = read(text);
            let got: Vec<String> = match r.problems.as_slice() {
                [Problem::PlaceAmbiguous(places)] => places.iter().map(place_name).collect(),
                _ => vec![],
            };
            let ok = r.place.is_none() && &got == want && r.missing.is_empty();
            (!ok).then(|| format!("{text:?}: got {r:?}"))
        });
    }

    #[test]
    fn unit_budget_and_thing_words_that_name_districts_are_not_places() {
        for text in [
            "100 lembar sertifikat besok",
            "kerupuk 3 kodi besok",
            "snack 100 kotak pagu 5 juta besok",
            "karangan bunga 3 buah besok",
            "nasi kotak 100 porsi besok di pendopo",
        ] {
            let r = read(text);
            assert_eq!(r.place, None, "{text}");
            assert!(r.problems.is_empty(), "{text}: {:?}", r.problems);
            assert_eq!(r.missing, vec![Field::Place], "{text}");
        }
    }

    #[test]
    fn budgets_per_unit_are_recognised_in_every_usual_form() {
        let cases = [
            ("250 kotak snack anggaran 25rb per kotak", 25_000),
            ("250 kotak snack 25rb/kotak", 25_000),
            ("250 kotak snack @25rb", 25_000),
            ("250 kotak snack harga Rp 25.000/kotak", 25_000),
            ("snack 100 orang anggaran 25 ribu per orang", 25_000),
            ("snack 100 orang anggaran per orang 25 ribu", 25_000),
            ("250 kotak snack harga satuan 25rb", 25_000),
            ("250 kotak snack maks 30 ribu perkotak", 30_000),
            ("250 kotak snack budget Rp25.000,- per pax", 25_000),
            ("250 kotak snack HPS 27.500/kotak", 27_500),
            ("250 kotak snack dua puluh lima ribu per kotak", 25_000),
            ("250 kotak snack, 25rb/kotak, total 6,25 jt", 25_000),
        ];
        all(&cases, |&(text, want)| {
            let r = read(text);
            let ok = r.budget == Some(Budget::PerUnit(rp(want))) && r.problems.is_empty();
            (!ok).then(|| format!("{text:?}: got {:?} {:?}", r.budget, r.problems))
        });
    }

    #[test]
    fn budgets_for_the_whole_order_are_recognised() {
        let cases = [
            ("250 kotak snack anggaran 10 jt", 10_000_000),
            ("250 kotak snack total 10 juta", 10_000_000),
            ("250 kotak snack budget 10jt", 10_000_000),
            ("1.500 kaos anggaran 2,5 jt total", 2_500_000),
            ("250 kotak snack pagu 7,5 juta", 7_500_000),
            ("250 kotak snack anggaran 6 juta untuk semua", 6_000_000),
            ("250 kotak snack dana Rp 6.250.000", 6_250_000),
            ("snack box anggaran 5 jt", 5_000_000),
        ];
        all(&cases, |&(text, want)| {
            let r = read(text);
            let ok = r.budget == Some(Budget::Total(rp(want))) && r.problems.is_empty();
            (!ok).then(|| format!("{text:?}: got {:?} {:?}", r.budget, r.problems))
        });
    }

    #[test]
    fn unclear_budgets_are_reported_as_typed_instead_of_guessed() {
        let cases = [
            ("250 kotak snack anggaran 25rb", "anggaran 25rb"),
            ("250 kotak snack harga 25rb", "harga 25rb"),
            ("250 kotak snack Rp 5.000.000", "Rp 5.000.000"),
            ("250 kotak snack 25rb", "25rb"),
            ("250 kotak snack anggaran 25", "anggaran 25"),
            ("snack box anggaran 50rb", "anggaran 50rb"),
            (
                "250 kotak snack anggaran 5jt per hari",
                "anggaran 5jt per hari",
            ),
            (
                "250 kotak snack 25rb/kotak, total 5 jt",
                "25rb/kotak, total 5 jt",
            ),
        ];
        all(&cases, |&(text, want)| {
            let r = read(text);
            let ok =
                r.budget.is_none() && r.problems == vec![Problem::BudgetUnclear(want.to_string())];
            (!ok).then(|| format!("{text:?}: got {:?} {:?}", r.budget, r.problems))
        });
    }

    #[test]
    fn halal_anywhere_is_read_unless_it_is_negated() {
        let cases = [
            ("nasi kotak 100 porsi, halal", true),
            ("nasi kotak 100 porsi harus halal", true),
            ("nasi kotak 100 porsi bersertifikat halal MUI", true),
            ("nasi kotak halal 100 porsi", true),
            ("HALAL ya, nasi kotak 100 porsi", true),
            ("nasi kotak 100 porsi non halal", false),
            ("nasi kotak 100 porsi non-halal", false),
            ("nasi kotak 100 porsi tidak harus halal", false),
            ("nasi kotak 100 porsi", false),
        ];
        all(&cases, |&(text, want)| {
            let r = read(text);
            let ok = r.halal == want && r.item.as_deref() == Some("nasi kotak");
            (!ok).then(|| format!("{text:?}: got halal {} item {:?}", r.halal, r.item))
        });
    }

    #[test]
    fn items_are_cleaned_of_filler_words_and_get_a_category_guess() {
        use Category::*;
        let cases = [
            ("tolong pesan 100 kotak snack ya", "snack", Some(Snack)),
            (
                "Mohon disiapkan snack box 150 kotak",
                "snack box",
                Some(Snack),
            ),
            ("butuh 1.500 kaos sablon", "kaos sablon", Some(Merchandise)),
            ("200 nasi kotak", "nasi kotak", Some(Katering)),
            ("120 seminar kit", "seminar kit", Some(Merchandise)),
            ("80 goodie bag", "goodie bag", Some(Merchandise)),
            ("5 buah banner", "banner", Some(Percetakan)),
            ("100 lembar sertifikat", "sertifikat", Some(Percetakan)),
            ("100 bungkus amplang", "amplang", Some(OlehOleh)),
            ("50 bungkus kerupuk", "kerupuk", Some(OlehOleh)),
            ("100 pcs kue basah", "kue basah", Some(Snack)),
            ("10 dus air mineral", "air mineral", Some(Minuman)),
            ("20 lembar kain sasirangan", "kain sasirangan", Some(Fesyen)),
            ("30 buah anyaman rotan", "anyaman rotan", Some(Kerajinan)),
            ("3 karangan bunga", "karangan bunga", Some(Dekorasi)),
            ("Kué lapis 100 potong", "kué lapis", Some(Snack)),
            ("100 paket sembako", "sembako", None),
            ("250 kotak snack HUT RI 2026", "snack", Some(Snack)),
            ("pesan kue 3 macam 100 kotak", "kue", Some(Snack)),
            ("nasi kuning 🍛 100 porsi 👍", "nasi kuning", Some(Katering)),
        ];
        all(&cases, |&(text, item, category)| {
            let r = read(text);
            let got = (r.item.clone(), r.category);
            let want = (Some(item.to_string()), category);
            (got != want).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        });
    }

    #[test]
    fn the_purpose_and_the_venue_are_kept_as_typed() {
        let cases = [
            (
                "250 kotak snack untuk rakor tanggal 26 Maret di Samarinda",
                Some("rakor"),
                None,
            ),
            (
                "Mohon 120 seminar kit untuk Bimtek UMKM tgl 5 April di Tenggarong",
                Some("Bimtek UMKM"),
                None,
            ),
            (
                "1.500 kaos utk HUT kota Balikpapan 17 Agustus",
                Some("HUT kota Balikpapan"),
                None,
            ),
            (
                "200 nasi kotak dalam rangka Musrenbang kecamatan besok",
                Some("Musrenbang kecamatan"),
                None,
            ),
            ("snack rapat 2 lusin lusa", Some("rapat"), None),
            (
                "nasi kotak 300 porsi besok di kantor bupati kukar, halal",
                None,
                Some("kantor bupati"),
            ),
            (
                "300 porsi prasmanan di aula kantor gubernur Samarinda",
                None,
                Some("aula kantor gubernur"),
            ),
        ];
        all(&cases, |&(text, purpose, venue)| {
            let r = read(text);
            let got = (r.purpose.as_deref(), r.venue.as_deref());
            (got != (purpose, venue)).then(|| format!("{text:?}: got {got:?}"))
        });
        // "untuk snack rapat" after a bare quantity names the item.
        let r = read("Mohon dibuatkan 100 kotak untuk snack rapat besok di Samarinda");
        assert_eq!(r.item.as_deref(), Some("snack rapat"));
        assert_eq!(r.purpose, None);
    }

    #[test]
    fn missing_fields_are_listed_and_present_ones_are_not() {
        use Field::*;
        let cases: [(&str, &[Field]); 8] = [
            ("pesan snack box untuk rapat", &[Quantity, Date, Place]),
            ("di Samarinda besok", &[Quantity, Item]),
            ("250 kotak", &[Item, Date, Place]),
            ("snack 250 kotak di Samarinda", &[Date]),
            ("snack rapat 2 lusin lusa", &[Place]),
            ("kerupuk amplang 3 kodi untuk tamu dinas", &[Date, Place]),
            ("besok", &[Quantity, Item, Place]),
            ("nasi kotak 100 porsi besok di Samarinda", &[]),
        ];
        all(&cases, |(text, want)| {
            let r = read(text);
            let ok = r.missing == *want && r.problems.is_empty() && !r.understood_nothing();
            (!ok).then(|| format!("{text:?}: got {:?} {:?}", r.missing, r.problems))
        });
    }

    #[test]
    fn nonsense_is_reported_as_not_understood_with_everything_missing() {
        for text in [
            "asdf qwer",
            "halo",
            "selamat pagi, apa kabar",
            "terima kasih",
            "???",
            "",
            "   ",
            "/minta",
            "untuk asdf",
            "🙏🙏",
            "lorem ipsum dolor sit amet",
        ] {
            let r = read(text);
            assert!(r.understood_nothing(), "{text:?}: {r:?}");
            assert_eq!(
                r.missing,
                vec![Field::Quantity, Field::Item, Field::Date, Field::Place],
                "{text:?}"
            );
            assert_eq!(r.purpose, None, "{text:?}");
            assert!(!r.is_complete());
        }
    }

    #[test]
    fn the_command_with_a_bot_name_capitals_and_emoji_do_not_change_the_reading() {
        for text in [
            "/minta@PesanLokalBot 250 kotak snack besok di Samarinda",
            "250 KOTAK SNACK BESOK DI SAMARINDA",
            "Snack 250 Kotak Besok Di SAMARINDA 🙏",
            "  250   kotak\nsnack\tbesok di Samarinda  ",
        ] {
            let r = read(text);
            assert_eq!(shown_quantity(&r).as_deref(), Some("250 kotak"), "{text:?}");
            assert_eq!(r.item.as_deref(), Some("snack"), "{text:?}");
            assert_eq!(r.date, Some(d(2026, 3, 11)), "{text:?}");
            assert!(r.is_complete(), "{text:?}: {r:?}");
        }
    }

    #[test]
    fn long_or_odd_input_is_read_without_panicking() {
        let long = "250 kotak snack ".repeat(500);
        let inputs = [
            long.as_str(),
            &"é".repeat(3000),
            &"1".repeat(400),
            &"-".repeat(50),
            "- 5 - - 5 kotak",
            "@@@ rp rp 25rb/ / per",
            "1.2.3.4.5 kotak",
            "0812",
            "Rp",
            "per kotak",
            "lusin kodi",
            "di di di ke ke",
            "untuk untuk untuk",
            "250 kotak ´´ snack",
        ];
        for text in inputs {
            let _ = read(text);
            let _ = read_quantity(text);
            let _ = read_budget(text);
        }
    }

    #[test]
    fn read_quantity_takes_one_answer_and_says_what_is_wrong_with_it() {
        let ok = [
            ("250", 250, None),
            ("250 kotak", 250, Some(Unit::Kotak)),
            ("dua ratus lima puluh", 250, None),
            ("seratus", 100, None),
            ("tiga", 3, None),
            ("2 lusin", 24, Some(Unit::Pcs)),
            ("satu lusin", 12, Some(Unit::Pcs)),
            ("3 kodi kaos", 60, Some(Unit::Pcs)),
            ("sekitar 1.500 pcs ya", 1500, Some(Unit::Pcs)),
            ("1,5 rb kotak", 1500, Some(Unit::Kotak)),
            ("kira-kira 300", 300, None),
            ("250 snack box", 250, Some(Unit::Box)),
            ("untuk 50 orang", 50, Some(Unit::Orang)),
            ("300 porsi untuk 250 orang", 300, Some(Unit::Porsi)),
            ("2026", 2026, None),
        ];
        all(&ok, |(text, count, unit)| {
            let got = read_quantity(text);
            let want = Ok(Quantity {
                count: *count,
                unit: unit.clone(),
            });
            (got != want).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        });
        let refused = [
            ("0", QuantityError::Zero),
            ("nol", QuantityError::Zero),
            ("-5", QuantityError::Zero),
            ("2.000.000", QuantityError::TooLarge),
            ("1,5", QuantityError::NotWhole),
            ("250-300", QuantityError::Several),
            ("26/3", QuantityError::NotUnderstood),
            ("26 Maret", QuantityError::NotUnderstood),
            ("25rb", QuantityError::NotUnderstood),
            ("jam 9", QuantityError::NotUnderstood),
            ("0812-3456-7890", QuantityError::NotUnderstood),
            ("belum tahu", QuantityError::NotUnderstood),
            ("", QuantityError::NotUnderstood),
        ];
        all(&refused, |&(text, want)| {
            let got = read_quantity(text);
            (got != Err(want)).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        });
    }

    #[test]
    fn read_budget_takes_one_answer_and_asks_per_unit_or_total_when_unclear() {
        let ok = [
            ("25rb/kotak", Budget::PerUnit(rp(25_000))),
            ("25rb per kotak", Budget::PerUnit(rp(25_000))),
            ("@25rb", Budget::PerUnit(rp(25_000))),
            ("per orang 25 ribu", Budget::PerUnit(rp(25_000))),
            ("Rp 25.000,- per pax", Budget::PerUnit(rp(25_000))),
            ("harga satuan 25rb", Budget::PerUnit(rp(25_000))),
            ("maksimal 30rb/pcs", Budget::PerUnit(rp(30_000))),
            ("dua puluh lima ribu per kotak", Budget::PerUnit(rp(25_000))),
            ("5 jt total", Budget::Total(rp(5_000_000))),
            ("total 5 juta", Budget::Total(rp(5_000_000))),
            ("anggaran 5 juta", Budget::Total(rp(5_000_000))),
            ("budget 5jt", Budget::Total(rp(5_000_000))),
            ("pagu 10 jt", Budget::Total(rp(10_000_000))),
        ];
        all(&ok, |&(text, want)| {
            let got = read_budget(text);
            (got != Ok(want)).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        });
        let refused = [
            ("25rb", BudgetError::Unclear(rp(25_000))),
            ("Rp 25.000", BudgetError::Unclear(rp(25_000))),
            ("25.000", BudgetError::Unclear(rp(25_000))),
            ("2,5 jt", BudgetError::Unclear(rp(2_500_000))),
            ("5jt/bulan", BudgetError::Unclear(rp(5_000_000))),
            ("0", BudgetError::Zero),
            ("25", BudgetError::TooSmall),
            ("99 miliar", BudgetError::TooLarge),
            ("25rb/kotak atau total 5jt", BudgetError::Several),
            ("halo", BudgetError::NotUnderstood),
            ("terserah", BudgetError::NotUnderstood),
        ];
        all(&refused, |&(text, want)| {
            let got = read_budget(text);
            (got != Err(want)).then(|| format!("{text:?}: got {got:?}, want {want:?}"))
        });
    }

    #[test]
    fn every_unit_reads_back_from_its_name_and_its_short_forms() {
        let units = [
            Unit::Kotak,
            Unit::Box,
            Unit::Dus,
            Unit::Pcs,
            Unit::Buah,
            Unit::Porsi,
            Unit::Pax,
            Unit::Orang,
            Unit::Paket,
            Unit::Set,
            Unit::Lembar,
            Unit::Kg,
        ];
        for u in units {
            assert_eq!(Unit::from_word(u.name()), Some(u.clone()));
        }
        for (word, unit) in [
            ("ktk", Unit::Kotak),
            ("boks", Unit::Box),
            ("kardus", Unit::Dus),
            ("org", Unit::Orang),
            ("peserta", Unit::Orang),
            ("lbr", Unit::Lembar),
            ("kilo", Unit::Kg),
            ("bungkus", Unit::Other("bungkus".into())),
        ] {
            assert_eq!(Unit::from_word(word), Some(unit), "{word}");
        }
        assert_eq!(Unit::from_word("snack"), None);
        assert_eq!(Unit::Other("botol".into()).name(), "botol");
        assert_eq!(
            Quantity {
                count: 1500,
                unit: Some(Unit::Pcs)
            }
            .to_string(),
            "1.500 pcs"
        );
    }

    #[test]
    fn a_reading_survives_being_stored_as_json() {
        let r = read(
            "goodie bag 120 bungkus @25rb untuk peserta seminar di tangerang tgl 30 Maret, halal",
        );
        let json = serde_json::to_string(&r).unwrap();
        let back: RequestReading = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        assert_eq!(
            serde_json::to_string(&Unit::Kotak).unwrap(),
            "\"kotak\"".to_string()
        );
    }

    #[test]
    fn is_complete_and_to_ask_follow_the_missing_fields_and_the_problems() {
        let r = read("250 kotak snack 5 Maret 2025 di tangerang, anggaran 25rb");
        assert!(!r.is_complete());
        assert_eq!(r.missing, vec![]);
        assert_eq!(r.to_ask(), vec![Field::Date, Field::Place]);
        assert_eq!(r.problems.len(), 3, "{:?}", r.problems);
        let r = read("snack box");
        assert_eq!(r.to_ask(), vec![Field::Quantity, Field::Date, Field::Place]);
    }
}

#[cfg(test)]
#[path = "request_check.rs"]
mod request_check;

#[cfg(test)]
#[path = "request_eval.rs"]
mod reader_eval;

#[cfg(test)]
#[path = "request_table.rs"]
mod reader_table;
