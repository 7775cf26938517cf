//! Indonesia's administrative regions (provinces, regencies/cities, districts)
//! and lenient resolution of what people type into a regency.
//!
//! Pure domain code: the only data it reads is the copy of the Kemendagri
//! region list embedded at compile time from `data/wilayah/` (names and codes
//! from `idn-area-data`, Open Database License; see `data/wilayah/README.md`).
//!
//! Matching works on normalized keys: lowercase ASCII letters and digits with
//! every space and punctuation mark removed, so "Kab. Kutai  Kartanegara",
//! "kutai-kartanegara" and "KutaiKartanegara" all meet the same key.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Inputs longer than this (in characters) are not resolved at all.
const MAX_INPUT_CHARS: usize = 100;
/// Normalized keys longer than this are not fuzzy-matched (the longest
/// region name is well under it).
const MAX_FUZZY_KEY_LEN: usize = 48;
/// At most this many places in [`Resolution::Ambiguous`].
pub const MAX_AMBIGUOUS: usize = 8;
/// At most this many suggestions in [`Resolution::NotFound`].
pub const MAX_SUGGESTIONS: usize = 5;
/// Longest run of words [`Regions::find_in_text`] considers as one mention.
const MAX_MENTION_WORDS: usize = 7;
/// [`Regions::find_in_text`] looks at no more than this many words of a text.
const MAX_TEXT_WORDS: usize = 4096;

/// Everyday Indonesian words that are also the name of some district
/// (kecamatan). [`Regions::find_in_text`] does not take one of these, on its
/// own, as a mention of that district ("saya mau pesan kue bawang" names no
/// place). [`Regions::resolve`] is not affected: there the user was asked for
/// a place.
const COMMON_WORDS: &[&str] = &[
    "abang", "alas", "anyar", "arahan", "ayah", "balai", "bandar", "barat", "bareng", "bawang",
    "bina", "bola", "bukit", "butuh", "candi", "damai", "delima", "gading", "gajah", "galang",
    "gambir", "guna", "harian", "ibu", "jambu", "jati", "jaya", "kamu", "kapas", "kasi", "kelapa",
    "kemang", "kemiri", "kilo", "kota", "kuala", "lapang", "lembur", "luas", "makmur", "mau",
    "merdeka", "muara", "mulia", "natal", "pacar", "paku", "pandan", "pare", "pasar", "payung",
    "pedes", "perak", "petang", "petir", "pinang", "pucuk", "raya", "rendang", "salak", "salam",
    "sale", "saling", "sarang", "sawah", "sawit", "sawo", "sedan", "sela", "selat", "semen",
    "setia", "subur", "sukamaju", "sumber", "sumur", "suruh", "sutera", "taman", "tambak",
    "tanjung", "tarik", "tebing", "telaga", "tempe", "tempel", "teras", "terisi", "tetap", "tugu",
    "tulis", "ujung", "web",
];

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// What can go wrong parsing a region code or loading the region tables.
#[derive(Debug, thiserror::Error)]
pub enum RegionError {
    #[error(
        "invalid regency code {0:?}: expected two digits, a dot and two digits, e.g. \"64.72\""
    )]
    InvalidCode(String),
    #[error("{file}: {source}")]
    Csv {
        file: &'static str,
        #[source]
        source: csv::Error,
    },
    #[error("{file}, record {record}: {message}")]
    InvalidRecord {
        file: &'static str,
        record: u64,
        message: String,
    },
    #[error("province {province}: unknown time zone {timezone:?}")]
    UnknownTimezone { province: String, timezone: String },
    #[error("{file}: {code} refers to unknown {what} {reference}")]
    UnknownReference {
        file: &'static str,
        code: String,
        what: &'static str,
        reference: String,
    },
    #[error("{file}: duplicate code {code}")]
    DuplicateCode { file: &'static str, code: String },
}

// ---------------------------------------------------------------------------
// RegionCode
// ---------------------------------------------------------------------------

/// A regency (kabupaten/kota) code such as `"64.72"`: two digits for the
/// province, a dot, two digits for the regency. Parsed once, then trusted.
///
/// Serializes as the plain string; deserializing validates it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegionCode(String);

impl RegionCode {
    /// Parses `"64.72"`; surrounding whitespace is ignored.
    pub fn parse(s: &str) -> Result<RegionCode, RegionError> {
        let t = s.trim();
        let b = t.as_bytes();
        let ok = b.len() == 5
            && b[0].is_ascii_digit()
            && b[1].is_ascii_digit()
            && b[2] == b'.'
            && b[3].is_ascii_digit()
            && b[4].is_ascii_digit();
        if ok {
            Ok(RegionCode(t.to_owned()))
        } else {
            Err(RegionError::InvalidCode(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The province part, e.g. `"64"` for `"64.72"`.
    pub fn province_code(&self) -> &str {
        &self.0[..2]
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for RegionCode {
    type Err = RegionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RegionCode::parse(s)
    }
}

impl TryFrom<String> for RegionCode {
    type Error = RegionError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        RegionCode::parse(&s)
    }
}

impl From<RegionCode> for String {
    fn from(code: RegionCode) -> String {
        code.0
    }
}

impl AsRef<str> for RegionCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Province {
    /// Two digits, e.g. `"64"`.
    pub code: String,
    /// Display name, e.g. `"Kalimantan Timur"`, `"DKI Jakarta"`.
    pub name: String,
    pub timezone: Tz,
}

/// Whether a regency is a kabupaten (regency) or a kota (city).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegencyKind {
    Kabupaten,
    Kota,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regency {
    pub code: RegionCode,
    pub province_code: String,
    /// Display name, e.g. `"Kota Samarinda"`, `"Kabupaten Kutai Kartanegara"`.
    pub name: String,
    pub kind: RegencyKind,
    /// The name without its kind, e.g. `"Samarinda"`, `"Kutai Kartanegara"`,
    /// `"Jakarta Pusat"` (for "Kota Administrasi Jakarta Pusat").
    pub short_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct District {
    /// e.g. `"64.02.06"`.
    pub code: String,
    pub regency_code: RegionCode,
    /// Display name, e.g. `"Tenggarong"`.
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// As written in `aliases.csv`, e.g. `"kukar"`.
    pub alias: String,
    pub regency_code: RegionCode,
}

/// A resolved place: a regency, and the district when one was named.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    pub regency: RegionCode,
    /// District code such as `"64.02.06"`, when the input named a district.
    pub district: Option<String>,
}

/// The outcome of [`Regions::resolve`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// One clear answer.
    Found(Place),
    /// Several equally good exact answers, best first (at most
    /// [`MAX_AMBIGUOUS`]).
    Ambiguous(Vec<Place>),
    /// No exact answer; near misses by edit distance, best first (at most
    /// [`MAX_SUGGESTIONS`], possibly none).
    NotFound { suggestions: Vec<Place> },
}

impl Resolution {
    fn not_found() -> Resolution {
        Resolution::NotFound {
            suggestions: Vec::new(),
        }
    }

    fn from_places(mut places: Vec<Place>) -> Option<Resolution> {
        match places.len() {
            0 => None,
            1 => places.pop().map(Resolution::Found),
            _ => {
                places.truncate(MAX_AMBIGUOUS);
                Some(Resolution::Ambiguous(places))
            }
        }
    }

    /// The places this resolution offers, best first (the suggestions for
    /// `NotFound`).
    pub fn places(&self) -> &[Place] {
        match self {
            Resolution::Found(p) => std::slice::from_ref(p),
            Resolution::Ambiguous(ps) => ps,
            Resolution::NotFound { suggestions } => suggestions,
        }
    }
}

// ---------------------------------------------------------------------------
// CSV rows
// ---------------------------------------------------------------------------

#[derive(Deserialize)]
struct ProvinceRow {
    code: String,
    name: String,
    timezone: String,
}

#[derive(Deserialize)]
struct RegencyRow {
    code: String,
    province_code: String,
    name: String,
}

#[derive(Deserialize)]
struct DistrictRow {
    code: String,
    regency_code: String,
    name: String,
}

#[derive(Deserialize)]
struct AliasRow {
    alias: String,
    regency_code: String,
}

fn read_rows<T: for<'de> Deserialize<'de>>(
    file: &'static str,
    text: &str,
) -> Result<Vec<T>, RegionError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    reader
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|source| RegionError::Csv { file, source })
}

fn invalid(file: &'static str, index: usize, message: String) -> RegionError {
    RegionError::InvalidRecord {
        file,
        // Record 1 is the first line after the header.
        record: index as u64 + 1,
        message,
    }
}

/// Files a code read from `file` at `index`; a code the file has already
/// given is an error.
fn new_code<K: std::hash::Hash + Eq>(
    by_code: &mut HashMap<K, usize>,
    key: K,
    index: usize,
    file: &'static str,
    code: &str,
) -> Result<(), RegionError> {
    match by_code.entry(key) {
        std::collections::hash_map::Entry::Occupied(_) => Err(RegionError::DuplicateCode {
            file,
            code: code.to_owned(),
        }),
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert(index);
            Ok(())
        }
    }
}

fn is_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

/// Where an index entry points.
#[derive(Clone, Copy, Debug)]
enum Target {
    Regency(usize),
    Alias(usize),
    District(usize),
}

/// One name the fuzzy matcher compares against.
struct FuzzyEntry {
    key: Box<[u8]>,
    mask: u64,
    target: Target,
}

/// The loaded region tables with their lookup indexes.
pub struct Regions {
    provinces: Vec<Province>,
    regencies: Vec<Regency>,
    districts: Vec<District>,
    aliases: Vec<Alias>,
    province_by_code: HashMap<String, usize>,
    regency_by_code: HashMap<RegionCode, usize>,
    district_by_code: HashMap<String, usize>,
    /// Normalized province name → province index.
    province_by_key: HashMap<String, usize>,
    /// Normalized short name ("samarinda") → regencies, kota first.
    regency_by_key: HashMap<String, Vec<usize>>,
    /// Normalized alias → regency index.
    alias_by_key: HashMap<String, usize>,
    /// Normalized district name → districts, in code order.
    district_by_key: HashMap<String, Vec<usize>>,
    /// Every key above plus the prefix words, sorted: lets `find_in_text`
    /// skip words no name starts with.
    sorted_keys: Vec<String>,
    fuzzy: Vec<FuzzyEntry>,
}

impl fmt::Debug for Regions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Regions")
            .field("provinces", &self.provinces.len())
            .field("regencies", &self.regencies.len())
            .field("districts", &self.districts.len())
            .field("aliases", &self.aliases.len())
            .finish()
    }
}

/// A hint given by a leading word such as "kota", "kab." or "kecamatan".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    Kota,
    Kabupaten,
    Kecamatan,
}

impl Regions {
    /// Builds the tables from the four CSV texts (with header rows:
    /// `code,name,timezone`; `code,province_code,name`;
    /// `code,regency_code,name`; `alias,regency_code`), checking every code
    /// and cross-reference.
    pub fn from_csv(
        provinces: &str,
        regencies: &str,
        districts: &str,
        aliases: &str,
    ) -> Result<Regions, RegionError> {
        const PF: &str = "provinces.csv";
        const RF: &str = "regencies.csv";
        const DF: &str = "districts.csv";
        const AF: &str = "aliases.csv";

        // Provinces.
        let mut province_list = Vec::new();
        let mut province_by_code = HashMap::new();
        for (i, row) in read_rows::<ProvinceRow>(PF, provinces)?
            .into_iter()
            .enumerate()
        {
            if !is_digits(&row.code, 2) {
                return Err(invalid(PF, i, format!("bad province code {:?}", row.code)));
            }
            let timezone: Tz = row
                .timezone
                .parse()
                .map_err(|_| RegionError::UnknownTimezone {
                    province: row.code.clone(),
                    timezone: row.timezone.clone(),
                })?;
            new_code(
                &mut province_by_code,
                row.code.clone(),
                province_list.len(),
                PF,
                &row.code,
            )?;
            province_list.push(Province {
                code: row.code,
                name: display_name(&row.name),
                timezone,
            });
        }

        // Regencies.
        let mut regency_list = Vec::new();
        let mut regency_by_code = HashMap::new();
        for (i, row) in read_rows::<RegencyRow>(RF, regencies)?
            .into_iter()
            .enumerate()
        {
            let code = RegionCode::parse(&row.code)
                .map_err(|_| invalid(RF, i, format!("bad regency code {:?}", row.code)))?;
            if !province_by_code.contains_key(&row.province_code) {
                return Err(RegionError::UnknownReference {
                    file: RF,
                    code: row.code,
                    what: "province",
                    reference: row.province_code,
                });
            }
            if code.province_code() != row.province_code {
                return Err(invalid(
                    RF,
                    i,
                    format!("{code} does not start with province {}", row.province_code),
                ));
            }
            let (kind, short) = split_kind(&row.name).ok_or_else(|| {
                invalid(
                    RF,
                    i,
                    format!("{:?} starts with neither KOTA nor KABUPATEN", row.name),
                )
            })?;
            new_code(
                &mut regency_by_code,
                code.clone(),
                regency_list.len(),
                RF,
                &row.code,
            )?;
            regency_list.push(Regency {
                code,
                province_code: row.province_code,
                name: display_name(&row.name),
                kind,
                short_name: display_name(short),
            });
        }

        // Districts.
        let mut district_list = Vec::new();
        let mut district_by_code = HashMap::new();
        for (i, row) in read_rows::<DistrictRow>(DF, districts)?
            .into_iter()
            .enumerate()
        {
            let regency_code = RegionCode::parse(&row.regency_code)
                .map_err(|_| invalid(DF, i, format!("bad regency code {:?}", row.regency_code)))?;
            if !regency_by_code.contains_key(&regency_code) {
                return Err(RegionError::UnknownReference {
                    file: DF,
                    code: row.code,
                    what: "regency",
                    reference: row.regency_code,
                });
            }
            let own = row
                .code
                .strip_prefix(regency_code.as_str())
                .and_then(|rest| rest.strip_prefix('.'));
            if !own.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())) {
                return Err(invalid(
                    DF,
                    i,
                    format!("district code {:?} is not {regency_code}.NN", row.code),
                ));
            }
            if normalize_key(&row.name).is_empty() {
                return Err(invalid(DF, i, format!("district {} has no name", row.code)));
            }
            new_code(
                &mut district_by_code,
                row.code.clone(),
                district_list.len(),
                DF,
                &row.code,
            )?;
            district_list.push(District {
                code: row.code,
                regency_code,
                name: display_name(&row.name),
            });
        }

        // Aliases.
        let mut alias_list = Vec::new();
        let mut alias_keys = HashSet::new();
        for (i, row) in read_rows::<AliasRow>(AF, aliases)?.into_iter().enumerate() {
            let regency_code = RegionCode::parse(&row.regency_code)
                .map_err(|_| invalid(AF, i, format!("bad regency code {:?}", row.regency_code)))?;
            if !regency_by_code.contains_key(&regency_code) {
                return Err(RegionError::UnknownReference {
                    file: AF,
                    code: row.alias,
                    what: "regency",
                    reference: row.regency_code,
                });
            }
            let key = normalize_key(&row.alias);
            if key.is_empty() {
                return Err(invalid(AF, i, format!("empty alias {:?}", row.alias)));
            }
            if !alias_keys.insert(key) {
                return Err(RegionError::DuplicateCode {
                    file: AF,
                    code: row.alias,
                });
            }
            alias_list.push(Alias {
                alias: row.alias,
                regency_code,
            });
        }

        Ok(Regions::index(
            province_list,
            regency_list,
            district_list,
            alias_list,
            province_by_code,
            regency_by_code,
            district_by_code,
        ))
    }

    fn index(
        provinces: Vec<Province>,
        regencies: Vec<Regency>,
        districts: Vec<District>,
        aliases: Vec<Alias>,
        province_by_code: HashMap<String, usize>,
        regency_by_code: HashMap<RegionCode, usize>,
        district_by_code: HashMap<String, usize>,
    ) -> Regions {
        let mut province_by_key = HashMap::new();
        for (i, p) in provinces.iter().enumerate() {
            province_by_key.entry(normalize_key(&p.name)).or_insert(i);
        }

        let mut regency_by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut fuzzy = Vec::new();
        for (i, r) in regencies.iter().enumerate() {
            let key = normalize_key(&r.short_name);
            fuzzy.push(FuzzyEntry::new(&key, Target::Regency(i)));
            regency_by_key.entry(key).or_default().push(i);
        }
        for list in regency_by_key.values_mut() {
            // Kota first, then by code.
            list.sort_by_key(|&i| {
                (
                    regencies[i].kind != RegencyKind::Kota,
                    regencies[i].code.clone(),
                )
            });
        }

        let mut alias_by_key = HashMap::new();
        for a in &aliases {
            let key = normalize_key(&a.alias);
            let Some(&ri) = regency_by_code.get(&a.regency_code) else {
                continue;
            };
            if alias_by_key.contains_key(&key) {
                continue;
            }
            fuzzy.push(FuzzyEntry::new(&key, Target::Alias(ri)));
            alias_by_key.insert(key, ri);
        }

        let mut district_by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in districts.iter().enumerate() {
            let key = normalize_key(&d.name);
            fuzzy.push(FuzzyEntry::new(&key, Target::District(i)));
            district_by_key.entry(key).or_default().push(i);
        }
        for list in district_by_key.values_mut() {
            list.sort_by(|&a, &b| districts[a].code.cmp(&districts[b].code));
        }

        let mut sorted_keys: Vec<String> = regency_by_key
            .keys()
            .chain(alias_by_key.keys())
            .chain(district_by_key.keys())
            .cloned()
            .chain(PREFIX_WORDS.iter().map(|w| (*w).to_owned()))
            .collect();
        sorted_keys.sort_unstable();
        sorted_keys.dedup();

        Regions {
            provinces,
            regencies,
            districts,
            aliases,
            province_by_code,
            regency_by_code,
            district_by_code,
            province_by_key,
            regency_by_key,
            alias_by_key,
            district_by_key,
            sorted_keys,
            fuzzy,
        }
    }

    /// The region tables embedded from `data/wilayah/`, loaded on first use.
    #[allow(clippy::expect_used)] // embedded at build time: bad data must stop the start, not limp on
    pub fn embedded() -> &'static Regions {
        static REGIONS: OnceLock<Regions> = OnceLock::new();
        REGIONS.get_or_init(|| {
            Regions::from_csv(
                include_str!("../../data/wilayah/provinces.csv"),
                include_str!("../../data/wilayah/regencies.csv"),
                include_str!("../../data/wilayah/districts.csv"),
                include_str!("../../data/wilayah/aliases.csv"),
            )
            .expect("the region data embedded from data/wilayah/ must be valid")
        })
    }

    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    pub fn regencies(&self) -> &[Regency] {
        &self.regencies
    }

    pub fn districts(&self) -> &[District] {
        &self.districts
    }

    pub fn aliases(&self) -> &[Alias] {
        &self.aliases
    }

    pub fn province(&self, code: &str) -> Option<&Province> {
        self.province_by_code.get(code).map(|&i| &self.provinces[i])
    }

    pub fn regency(&self, code: &RegionCode) -> Option<&Regency> {
        self.regency_by_code.get(code).map(|&i| &self.regencies[i])
    }

    pub fn district(&self, code: &str) -> Option<&District> {
        self.district_by_code.get(code).map(|&i| &self.districts[i])
    }

    /// The regencies of one province, in code order.
    pub fn regencies_in<'a>(&'a self, province_code: &'a str) -> impl Iterator<Item = &'a Regency> {
        self.regencies
            .iter()
            .filter(move |r| r.province_code == province_code)
    }

    /// The districts of one regency, in code order.
    pub fn districts_of<'a>(
        &'a self,
        regency: &'a RegionCode,
    ) -> impl Iterator<Item = &'a District> {
        self.districts
            .iter()
            .filter(move |d| &d.regency_code == regency)
    }

    pub fn province_of(&self, regency: &RegionCode) -> Option<&Province> {
        self.regency(regency)
            .and_then(|r| self.province(&r.province_code))
    }

    pub fn timezone_of(&self, regency: &RegionCode) -> Option<Tz> {
        self.province_of(regency).map(|p| p.timezone)
    }

    /// The zone of a regency given by its stored code (`64.72`), if known.
    pub fn timezone_of_code(&self, code: &str) -> Option<Tz> {
        RegionCode::parse(code)
            .ok()
            .and_then(|c| self.timezone_of(&c))
    }

    /// "WIB", "WITA" or "WIT" for Indonesia's three zones; the IANA name for
    /// any other zone.
    pub fn zone_abbreviation(tz: Tz) -> &'static str {
        match tz {
            Tz::Asia__Jakarta | Tz::Asia__Pontianak => "WIB",
            Tz::Asia__Makassar | Tz::Asia__Ujung_Pandang => "WITA",
            Tz::Asia__Jayapura => "WIT",
            other => other.name(),
        }
    }

    /// A human label for a place: "Tenggarong, Kabupaten Kutai Kartanegara"
    /// or "Kota Samarinda".
    pub fn describe(&self, place: &Place) -> Option<String> {
        let regency = self.regency(&place.regency)?;
        match &place.district {
            Some(code) => {
                let district = self.district(code)?;
                Some(format!("{}, {}", district.name, regency.name))
            }
            None => Some(regency.name.clone()),
        }
    }

    /// Resolves what someone typed ("samarinda", "Kab. Kutai Kartanegara",
    /// "kukar", "tenggarong", "legok tangerang", "64.72") into a regency,
    /// with the district when one was named.
    pub fn resolve(&self, input: &str) -> Resolution {
        if input.chars().nth(MAX_INPUT_CHARS).is_some() {
            return Resolution::not_found();
        }
        if let Some(found) = self.resolve_code(input) {
            return found;
        }
        let tokens = tokenize(input);
        if tokens.is_empty() {
            return Resolution::not_found();
        }
        let words: Vec<&str> = tokens.iter().map(|(w, _)| w.as_str()).collect();
        if let Some(res) = Resolution::from_places(self.exact(&words, false)) {
            return res;
        }
        Resolution::NotFound {
            suggestions: self.suggest(&words),
        }
    }

    /// The longest region mention inside free text, with the byte range of
    /// the mention in `text`. Only exact (normalized) names count, on word
    /// boundaries; an ambiguous mention ("tangerang") yields its first place
    /// (see [`Regions::find_mention`] for all of them).
    pub fn find_in_text(&self, text: &str) -> Option<(Place, Range<usize>)> {
        let (res, range) = self.find_mention(text)?;
        let place = res.places().first()?.clone();
        Some((place, range))
    }

    /// Like [`Regions::find_in_text`], but gives the whole resolution of the
    /// mention: `Found` or `Ambiguous` (never `NotFound`).
    pub fn find_mention(&self, text: &str) -> Option<(Resolution, Range<usize>)> {
        let mut tokens = tokenize(text);
        tokens.truncate(MAX_TEXT_WORDS);
        let mut best: Option<(Vec<Place>, Range<usize>)> = None;
        for start in 0..tokens.len() {
            if !self.some_key_starts_with(&tokens[start].0) {
                continue;
            }
            let longest = MAX_MENTION_WORDS.min(tokens.len() - start);
            for len in (1..=longest).rev() {
                let window = &tokens[start..start + len];
                let range = window[0].1.start..window[len - 1].1.end;
                if best
                    .as_ref()
                    .is_some_and(|(_, b)| b.end - b.start >= range.end - range.start)
                {
                    // Longer windows came first; shorter ones can't win either.
                    break;
                }
                if len == 1 && self.is_weak_single_word(&window[0].0) {
                    continue;
                }
                // Single letters joined up make junk names ("a b a b" would
                // be the district Abab).
                if len > 1 && window.iter().any(|(w, _)| w.len() == 1) {
                    continue;
                }
                let words: Vec<&str> = window.iter().map(|(w, _)| w.as_str()).collect();
                let places = self.exact(&words, true);
                if !places.is_empty() {
                    best = Some((places, range));
                    break;
                }
            }
        }
        let (places, range) = best?;
        Resolution::from_places(places).map(|res| (res, range))
    }

    // -- exact matching ----------------------------------------------------

    /// A typed regency code ("64.72") or district code ("64.02.06").
    fn resolve_code(&self, input: &str) -> Option<Resolution> {
        let t = input.trim();
        if !t.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Ok(code) = RegionCode::parse(t) {
            return self.regency(&code).map(|r| {
                Resolution::Found(Place {
                    regency: r.code.clone(),
                    district: None,
                })
            });
        }
        self.district(t).map(|d| {
            Resolution::Found(Place {
                regency: d.regency_code.clone(),
                district: Some(d.code.clone()),
            })
        })
    }

    /// All equally good exact readings of `words`, best first. `free_text`
    /// is stricter, for words picked out of a longer text.
    fn exact(&self, words: &[&str], free_text: bool) -> Vec<Place> {
        let places = self.exact_core(words, free_text);
        if !places.is_empty() {
            return places;
        }
        // "samarinda kalimantan timur", "legok, kab. tangerang, banten":
        // a trailing province name narrows the rest.
        for k in 1..words.len() {
            if let Some(province) = self.province_named(&words[k..]) {
                let code = &self.provinces[province].code;
                let places: Vec<Place> = self
                    .exact_core(&words[..k], free_text)
                    .into_iter()
                    .filter(|p| p.regency.province_code() == code)
                    .collect();
                if !places.is_empty() {
                    return places;
                }
            }
        }
        Vec::new()
    }

    fn exact_core(&self, words: &[&str], free_text: bool) -> Vec<Place> {
        if words.is_empty() {
            return Vec::new();
        }
        let prefixed = strip_hint(words);
        // 1. "kota tangerang", "kab. kutai kartanegara", "kec. legok".
        if let Some((hint, rest)) = prefixed {
            let key = join_key(rest);
            let places = match hint {
                Hint::Kecamatan => self.district_places(&key, None),
                Hint::Kota | Hint::Kabupaten => self.regency_places(Some(hint), &key),
            };
            if !places.is_empty() {
                return places;
            }
        }
        // 2. The whole input as a bare name ("kota baru" is Kabupaten Kotabaru).
        let places = self.bare_places(&join_key(words));
        if !places.is_empty() {
            return places;
        }
        // 3. The name after a hint that did not fit ("kab. tenggarong"); in
        //    free text not for a common word ("kota jaya" names no place).
        if let Some((_, rest)) = prefixed
            && !(free_text && matches!(rest, [w] if self.is_weak_single_word(w)))
        {
            let places = self.bare_places(&join_key(rest));
            if !places.is_empty() {
                return places;
            }
        }
        // 4. A hint glued to the name: "KotaSamarinda", "kabkukar".
        if let [word] = words
            && let Some((hint, rest)) = strip_glued_hint(word)
        {
            let places = match hint {
                Hint::Kecamatan => self.district_places(rest, None),
                Hint::Kota | Hint::Kabupaten => self.regency_places(Some(hint), rest),
            };
            if !places.is_empty() {
                return places;
            }
        }
        // 5. A district qualified by its regency, either order:
        //    "legok tangerang", "tangerang legok", "kec. tugu, kota semarang".
        for k in 1..words.len() {
            let (left, right) = words.split_at(k);
            let places = self.district_in_regency(left, right);
            if !places.is_empty() {
                return places;
            }
            let places = self.district_in_regency(right, left);
            if !places.is_empty() {
                return places;
            }
        }
        Vec::new()
    }

    /// A bare name: regencies first, then aliases, then districts.
    fn bare_places(&self, key: &str) -> Vec<Place> {
        let places = self.regency_places(None, key);
        if !places.is_empty() {
            return places;
        }
        self.district_places(key, None)
    }

    /// Regencies (then aliases) with this short name, optionally of one kind.
    fn regency_places(&self, hint: Option<Hint>, key: &str) -> Vec<Place> {
        self.regency_indexes(hint, key)
            .into_iter()
            .map(|i| self.regency_place(i))
            .collect()
    }

    fn regency_indexes(&self, hint: Option<Hint>, key: &str) -> Vec<usize> {
        let fits = |i: &usize| match hint {
            Some(Hint::Kota) => self.regencies[*i].kind == RegencyKind::Kota,
            Some(Hint::Kabupaten) => self.regencies[*i].kind == RegencyKind::Kabupaten,
            _ => true,
        };
        let direct: Vec<usize> = self
            .regency_by_key
            .get(key)
            .into_iter()
            .flatten()
            .copied()
            .filter(fits)
            .collect();
        if !direct.is_empty() {
            return direct;
        }
        self.alias_by_key
            .get(key)
            .copied()
            .filter(fits)
            .into_iter()
            .collect()
    }

    fn district_places(&self, key: &str, within: Option<&[usize]>) -> Vec<Place> {
        self.district_by_key
            .get(key)
            .into_iter()
            .flatten()
            .filter(|&&d| {
                within.is_none_or(|rs| {
                    rs.iter()
                        .any(|&r| self.regencies[r].code == self.districts[d].regency_code)
                })
            })
            .map(|&d| self.district_place(d))
            .collect()
    }

    /// `district_words` names a district (optionally "kec. ...") inside the
    /// regency `regency_words` names (optionally "kota ..."/"kab. ...").
    fn district_in_regency(&self, district_words: &[&str], regency_words: &[&str]) -> Vec<Place> {
        let district_key = match strip_hint(district_words) {
            Some((Hint::Kecamatan, rest)) => join_key(rest),
            _ => join_key(district_words),
        };
        if !self.district_by_key.contains_key(&district_key) {
            return Vec::new();
        }
        let regencies = match strip_hint(regency_words) {
            Some((hint @ (Hint::Kota | Hint::Kabupaten), rest)) => {
                self.regency_indexes(Some(hint), &join_key(rest))
            }
            Some((Hint::Kecamatan, _)) => Vec::new(),
            None => self.regency_indexes(None, &join_key(regency_words)),
        };
        if regencies.is_empty() {
            return Vec::new();
        }
        self.district_places(&district_key, Some(&regencies))
    }

    fn province_named(&self, words: &[&str]) -> Option<usize> {
        let words = match words {
            ["provinsi" | "prov" | "propinsi", rest @ ..] if !rest.is_empty() => rest,
            _ => words,
        };
        self.province_by_key.get(&join_key(words)).copied()
    }

    fn regency_place(&self, i: usize) -> Place {
        Place {
            regency: self.regencies[i].code.clone(),
            district: None,
        }
    }

    fn district_place(&self, i: usize) -> Place {
        let d = &self.districts[i];
        Place {
            regency: d.regency_code.clone(),
            district: Some(d.code.clone()),
        }
    }

    fn some_key_starts_with(&self, word: &str) -> bool {
        let i = self.sorted_keys.partition_point(|k| k.as_str() < word);
        self.sorted_keys.get(i).is_some_and(|k| k.starts_with(word))
    }

    /// A single word that names only a district and is too short or too
    /// common to count as a mention in free text.
    fn is_weak_single_word(&self, word: &str) -> bool {
        if self.regency_by_key.contains_key(word) || self.alias_by_key.contains_key(word) {
            return false;
        }
        word.len() < 4 || COMMON_WORDS.binary_search(&word).is_ok()
    }

    // -- fuzzy matching ----------------------------------------------------

    /// Near misses for an input with no exact reading, best first.
    fn suggest(&self, words: &[&str]) -> Vec<Place> {
        let mut queries: Vec<(String, Option<Hint>)> = vec![(join_key(words), None)];
        if let Some((hint, rest)) = strip_hint(words) {
            queries.push((join_key(rest), Some(hint)));
        }
        queries.retain(|(q, _)| q.len() >= 3 && q.len() <= MAX_FUZZY_KEY_LEN);
        if queries.is_empty() {
            return Vec::new();
        }

        // (score, tier, kota first, entry order); score is the edit
        // distance, and 1 for "the input starts a regency's name" ("kutai",
        // "jakarta"); the tier puts regencies before aliases before districts.
        let mut scored: Vec<(usize, u8, bool, usize, Place)> = Vec::new();
        let mut rows = [Vec::new(), Vec::new(), Vec::new()];
        for (query, hint) in &queries {
            let q = query.as_bytes();
            let max = max_distance(q.len());
            let q_mask = letter_mask(q);
            for (order, entry) in self.fuzzy.iter().enumerate() {
                let fits_hint = match (hint, entry.target) {
                    (None, _) => true,
                    (Some(Hint::Kecamatan), Target::District(_)) => true,
                    (Some(Hint::Kecamatan), _) => false,
                    (Some(_), Target::District(_)) => false,
                    (Some(h), Target::Regency(i) | Target::Alias(i)) => {
                        self.regencies[i].kind
                            == if *h == Hint::Kota {
                                RegencyKind::Kota
                            } else {
                                RegencyKind::Kabupaten
                            }
                    }
                };
                if !fits_hint {
                    continue;
                }
                let key = &entry.key[..];
                let is_regency = matches!(entry.target, Target::Regency(_));
                let mut score = None;
                if key.len().abs_diff(q.len()) <= max
                    && (q_mask & !entry.mask).count_ones() as usize <= max
                    && (entry.mask & !q_mask).count_ones() as usize <= max
                {
                    score = osa_distance(q, key, max, &mut rows);
                }
                if score.is_none_or(|s| s > 1)
                    && is_regency
                    && key.len() > q.len()
                    && key.starts_with(q)
                {
                    score = Some(1);
                }
                let Some(score) = score else { continue };
                let (tier, place) = match entry.target {
                    Target::Regency(i) => (0, self.regency_place(i)),
                    Target::Alias(i) => (1, self.regency_place(i)),
                    Target::District(i) => (2, self.district_place(i)),
                };
                let not_kota = match entry.target {
                    Target::Regency(i) | Target::Alias(i) => {
                        self.regencies[i].kind != RegencyKind::Kota
                    }
                    Target::District(_) => true,
                };
                scored.push((score, tier, not_kota, order, place));
            }
        }
        scored.sort_by_key(|(score, tier, not_kota, order, _)| (*score, *tier, *not_kota, *order));
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (_, _, _, _, place) in scored {
            if seen.insert(place.clone()) {
                out.push(place);
                if out.len() == MAX_SUGGESTIONS {
                    break;
                }
            }
        }
        out
    }
}

impl FuzzyEntry {
    fn new(key: &str, target: Target) -> FuzzyEntry {
        FuzzyEntry {
            key: key.as_bytes().into(),
            mask: letter_mask(key.as_bytes()),
            target,
        }
    }
}

/// How many edits a query of this many letters may be away from a name.
fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=10 => 2,
        _ => 3,
    }
}

/// Which of a–z and 0–9 occur in `s`. Each edit changes at most one
/// position, so two strings within distance d differ by at most d letters
/// present in one and absent from the other.
fn letter_mask(s: &[u8]) -> u64 {
    s.iter().fold(0u64, |m, &b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0'),
            _ => 63,
        };
        m | (1u64 << bit)
    })
}

/// Optimal-string-alignment (restricted Damerau–Levenshtein) distance between
/// `a` and `b` if it is at most `max`, else `None`. `rows` is scratch space.
fn osa_distance(a: &[u8], b: &[u8], max: usize, rows: &mut [Vec<usize>; 3]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    for row in rows.iter_mut() {
        row.clear();
        row.resize(n + 1, 0);
    }
    let [prev2, prev, cur] = rows;
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
}

// ---------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------

/// Leading words that say what kind of place follows.
const PREFIX_WORDS: &[&str] = &[
    "administrasi",
    "distrik",
    "kab",
    "kabupaten",
    "kec",
    "kecamatan",
    "kodya",
    "kota",
    "kotamadya",
];

fn strip_hint<'a, 'b>(words: &'a [&'b str]) -> Option<(Hint, &'a [&'b str])> {
    let (hint, rest) = match words {
        ["kota" | "kotamadya" | "kodya", "administrasi", rest @ ..] => (Hint::Kota, rest),
        ["kota" | "kotamadya" | "kodya", rest @ ..] => (Hint::Kota, rest),
        ["kabupaten" | "kab", "administrasi", rest @ ..] => (Hint::Kabupaten, rest),
        ["kabupaten" | "kab", rest @ ..] => (Hint::Kabupaten, rest),
        ["kecamatan" | "kec" | "distrik", rest @ ..] => (Hint::Kecamatan, rest),
        _ => return None,
    };
    (!rest.is_empty()).then_some((hint, rest))
}

/// A hint written without a space: "kotasamarinda" → (Kota, "samarinda").
fn strip_glued_hint(word: &str) -> Option<(Hint, &str)> {
    const GLUED: &[(&str, Hint)] = &[
        ("kotaadministrasi", Hint::Kota),
        ("kota", Hint::Kota),
        ("kabupatenadministrasi", Hint::Kabupaten),
        ("kabupaten", Hint::Kabupaten),
        ("kab", Hint::Kabupaten),
        ("kecamatan", Hint::Kecamatan),
        ("kec", Hint::Kecamatan),
    ];
    GLUED.iter().find_map(|(prefix, hint)| {
        word.strip_prefix(prefix)
            .filter(|rest| !rest.is_empty())
            .map(|rest| (*hint, rest))
    })
}

fn join_key(words: &[&str]) -> String {
    words.concat()
}

/// The matching key of a name: lowercase ASCII letters and digits only.
fn normalize_key(s: &str) -> String {
    tokenize(s).into_iter().map(|(w, _)| w).collect()
}

/// Splits text into lowercase ASCII words with their byte ranges in `text`.
/// Letters and digits make words (common Latin accents are folded:
/// "é" → "e"); apostrophes inside a word are dropped ("Ma'u" → "mau");
/// everything else separates words.
fn tokenize(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if let Some(folded) = fold_char(c) {
            if word.is_empty() {
                start = i;
            }
            word.push(folded);
            end = i + c.len_utf8();
        } else if is_apostrophe(c) && !word.is_empty() {
            // Stays inside the word; the range ends at the last letter.
        } else if !word.is_empty() {
            out.push((expand_short(std::mem::take(&mut word)), start..end));
        }
    }
    if !word.is_empty() {
        out.push((expand_short(word), start..end));
    }
    out
}

/// The short forms of name words people write: `Tj.`/`Tg.` Tanjung (`Tj.
/// Selor`, `Tj Redeb`), `Kep.` Kepulauan (`Kep. Seribu`).
fn expand_short(word: String) -> String {
    match word.as_str() {
        "tj" | "tg" | "tjg" => "tanjung".to_string(),
        "kep" | "kepl" => "kepulauan".to_string(),
        _ => word,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02BC}')
}

fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        _ => return None,
    };
    Some(folded)
}

/// Splits "KOTA ADMINISTRASI JAKARTA PUSAT" into (Kota, "JAKARTA PUSAT").
fn split_kind(name: &str) -> Option<(RegencyKind, &str)> {
    let (kind, rest) = if let Some(rest) = name.strip_prefix("KOTA ") {
        (RegencyKind::Kota, rest)
    } else if let Some(rest) = name.strip_prefix("KABUPATEN ") {
        (RegencyKind::Kabupaten, rest)
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("ADMINISTRASI ").unwrap_or(rest).trim();
    (!rest.is_empty()).then_some((kind, rest))
}

/// Title-cases a name written in capitals ("KOTA SAMARINDA" →
/// "Kota Samarinda", "DKI JAKARTA" → "DKI Jakarta", "TOJO UNA-UNA" →
/// "Tojo Una-Una"); a name that already has lowercase letters is kept.
fn display_name(raw: &str) -> String {
    let raw = raw.trim();
    if raw.chars().any(char::is_lowercase) {
        return raw.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    raw.split_whitespace()
        .enumerate()
        .map(|(i, word)| title_word(word, i == 0))
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_word(word: &str, first: bool) -> String {
    const KEEP_UPPER: &[&str] = &["DKI", "DI", "NTB", "NTT"];
    const LOWER: &[&str] = &["DAN"];
    if KEEP_UPPER.contains(&word) || is_roman_numeral(word) {
        return word.to_owned();
    }
    if !first && LOWER.contains(&word) {
        return word.to_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    let mut capitalize = true;
    for c in word.chars() {
        if capitalize {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        capitalize = matches!(c, '-' | '/' | '(');
    }
    out
}

fn is_roman_numeral(word: &str) -> bool {
    matches!(
        word,
        "II" | "III" | "IV" | "VI" | "VII" | "VIII" | "IX" | "XI" | "XII" | "XIII"
    )
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn regions() -> &'static Regions {
        Regions::embedded()
    }

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap()
    }

    fn regency_place(s: &str) -> Place {
        Place {
            regency: code(s),
            district: None,
        }
    }

    fn district_place(regency: &str, district: &str) -> Place {
        Place {
            regency: code(regency),
            district: Some(district.to_owned()),
        }
    }

    fn found(input: &str) -> Place {
        match regions().resolve(input) {
            Resolution::Found(place) => place,
            other => panic!("{input:?} should resolve to one place, got {other:?}"),
        }
    }

    fn ambiguous(input: &str) -> Vec<Place> {
        match regions().resolve(input) {
            Resolution::Ambiguous(places) => places,
            other => panic!("{input:?} should be ambiguous, got {other:?}"),
        }
    }

    fn suggestions(input: &str) -> Vec<Place> {
        match regions().resolve(input) {
            Resolution::NotFound { suggestions } => suggestions,
            other => panic!("{input:?} should not be found, got {other:?}"),
        }
    }

    fn district_code(regency: &str, name: &str) -> String {
        regions()
            .districts_of(&code(regency))
            .find(|d| d.name == name)
            .unwrap_or_else(|| panic!("no district {name} in {regency}"))
            .code
            .clone()
    }

    // -- RegionCode --

    #[test]
    fn region_code_parses_a_regency_code() {
        let c = RegionCode::parse("64.72").unwrap();
        assert_eq!(c.as_str(), "64.72");
        assert_eq!(c.to_string(), "64.72");
        assert_eq!(c.province_code(), "64");
        assert_eq!(RegionCode::parse(" 64.72 ").unwrap(), c);
    }

    #[test]
    fn region_code_rejects_a_code_without_a_dot() {
        assert!(matches!(
            RegionCode::parse("6472"),
            Err(RegionError::InvalidCode(_))
        ));
    }

    #[test]
    fn region_code_rejects_letters() {
        assert!(RegionCode::parse("64.7x").is_err());
    }

    #[test]
    fn region_code_rejects_the_empty_string() {
        assert!(RegionCode::parse("").is_err());
    }

    #[test]
    fn region_code_rejects_province_and_district_codes() {
        assert!(RegionCode::parse("64").is_err());
        assert!(RegionCode::parse("64.02.06").is_err());
        assert!(RegionCode::parse("64.723").is_err());
    }

    #[test]
    fn region_code_serializes_as_a_plain_string_and_validates_when_read() {
        #[derive(Serialize, Deserialize)]
        struct Row {
            code: RegionCode,
        }
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .serialize(Row {
                code: code("64.72"),
            })
            .unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(text, "code\n64.72\n");

        let mut good = csv::Reader::from_reader("code\n64.02\n".as_bytes());
        let row: Row = good.deserialize().next().unwrap().unwrap();
        assert_eq!(row.code, code("64.02"));

        let mut bad = csv::Reader::from_reader("code\n64.7x\n".as_bytes());
        assert!(bad.deserialize::<Row>().next().unwrap().is_err());
    }

    // -- loading --

    #[test]
    fn embedded_data_has_38_provinces_and_514_regencies() {
        assert_eq!(regions().provinces().len(), 38);
        assert_eq!(regions().regencies().len(), 514);
    }

    #[test]
    fn embedded_data_has_all_districts_and_aliases() {
        assert_eq!(regions().districts().len(), 7277);
        assert!(regions().aliases().len() >= 14);
    }

    #[test]
    fn every_province_has_an_indonesian_timezone() {
        for p in regions().provinces() {
            assert!(
                ["WIB", "WITA", "WIT"].contains(&Regions::zone_abbreviation(p.timezone)),
                "{} has {}",
                p.name,
                p.timezone
            );
        }
    }

    #[test]
    fn every_regency_has_a_province_and_a_timezone() {
        for r in regions().regencies() {
            assert!(regions().province_of(&r.code).is_some(), "{}", r.name);
            assert!(regions().timezone_of(&r.code).is_some(), "{}", r.name);
        }
    }

    #[test]
    fn every_alias_resolves_to_its_regency() {
        for a in regions().aliases() {
            assert_eq!(
                found(&a.alias),
                regency_place(a.regency_code.as_str()),
                "alias {}",
                a.alias
            );
        }
    }

    #[test]
    fn every_regency_name_resolves_to_itself() {
        for r in regions().regencies() {
            assert_eq!(found(&r.name).regency, r.code, "{}", r.name);
        }
    }

    #[test]
    fn display_names_are_title_case() {
        let r = regions();
        assert_eq!(r.regency(&code("64.72")).unwrap().name, "Kota Samarinda");
        assert_eq!(
            r.regency(&code("64.02")).unwrap().name,
            "Kabupaten Kutai Kartanegara"
        );
        assert_eq!(
            r.regency(&code("64.02")).unwrap().short_name,
            "Kutai Kartanegara"
        );
        assert_eq!(r.province("64").unwrap().name, "Kalimantan Timur");
        assert_eq!(r.province("31").unwrap().name, "DKI Jakarta");
        assert_eq!(
            r.regency(&code("31.71")).unwrap().short_name,
            "Jakarta Pusat"
        );
        assert_eq!(r.district("64.02.06").unwrap().name, "Tenggarong");
    }

    #[test]
    fn describe_names_the_district_and_the_regency() {
        let place = found("tenggarong");
        assert_eq!(
            regions().describe(&place).unwrap(),
            "Tenggarong, Kabupaten Kutai Kartanegara"
        );
        assert_eq!(
            regions().describe(&regency_place("64.72")).unwrap(),
            "Kota Samarinda"
        );
    }

    #[test]
    fn from_csv_rejects_an_unknown_timezone() {
        let err = Regions::from_csv(
            "code,name,timezone\n64,KALIMANTAN TIMUR,Mars/Olympus\n",
            "code,province_code,name\n",
            "code,regency_code,name\n",
            "alias,regency_code\n",
        )
        .unwrap_err();
        assert!(matches!(err, RegionError::UnknownTimezone { .. }), "{err}");
    }

    #[test]
    fn from_csv_rejects_a_regency_of_an_unknown_province() {
        let err = Regions::from_csv(
            "code,name,timezone\n64,KALIMANTAN TIMUR,Asia/Makassar\n",
            "code,province_code,name\n65.01,65,KABUPATEN MALINAU\n",
            "code,regency_code,name\n",
            "alias,regency_code\n",
        )
        .unwrap_err();
        assert!(matches!(err, RegionError::UnknownReference { .. }), "{err}");
    }

    #[test]
    fn from_csv_rejects_a_bad_regency_code_and_an_alias_to_nowhere() {
        let provinces = "code,name,timezone\n64,KALIMANTAN TIMUR,Asia/Makassar\n";
        let bad_code = Regions::from_csv(
            provinces,
            "code,province_code,name\n6472,64,KOTA SAMARINDA\n",
            "code,regency_code,name\n",
            "alias,regency_code\n",
        );
        assert!(bad_code.is_err());
        let bad_alias = Regions::from_csv(
            provinces,
            "code,province_code,name\n64.72,64,KOTA SAMARINDA\n",
            "code,regency_code,name\n",
            "alias,regency_code\nsmd,64.99\n",
        );
        assert!(matches!(
            bad_alias,
            Err(RegionError::UnknownReference { .. })
        ));
    }

    #[test]
    fn from_csv_rejects_the_same_alias_twice() {
        let err = Regions::from_csv(
            "code,name,timezone\n64,KALIMANTAN TIMUR,Asia/Makassar\n",
            "code,province_code,name\n64.72,64,KOTA SAMARINDA\n",
            "code,regency_code,name\n",
            "alias,regency_code\nsmd,64.72\nSMD,64.72\n",
        )
        .unwrap_err();
        assert!(matches!(err, RegionError::DuplicateCode { .. }), "{err}");
    }

    #[test]
    fn from_csv_works_on_a_small_hand_made_table() {
        let r = Regions::from_csv(
            "code,name,timezone\n64,KALIMANTAN TIMUR,Asia/Makassar\n",
            "code,province_code,name\n64.72,64,KOTA SAMARINDA\n",
            "code,regency_code,name\n64.72.02,64.72,Samarinda Seberang\n",
            "alias,regency_code\nsmd,64.72\n",
        )
        .unwrap();
        assert_eq!(r.resolve("smd"), Resolution::Found(regency_place("64.72")));
        assert_eq!(
            r.resolve("samarinda seberang"),
            Resolution::Found(district_place("64.72", "64.72.02"))
        );
    }

    // -- resolve: exact --

    #[test]
    fn samarinda_resolves_to_kota_samarinda() {
        assert_eq!(found("samarinda"), regency_place("64.72"));
    }

    #[test]
    fn kota_samarinda_resolves_to_64_72() {
        assert_eq!(found("Kota Samarinda"), regency_place("64.72"));
    }

    #[test]
    fn matching_ignores_case_spaces_and_punctuation() {
        for input in [
            "  SAMARINDA!! ",
            "kota-samarinda",
            "Kota   Samarinda.",
            "\"samarinda\"",
            "KotaSamarinda",
        ] {
            assert_eq!(found(input), regency_place("64.72"), "{input:?}");
        }
    }

    #[test]
    fn kukar_resolves_to_kutai_kartanegara() {
        assert_eq!(found("kukar"), regency_place("64.02"));
        assert_eq!(found("KUKAR"), regency_place("64.02"));
        assert_eq!(found("kab kukar"), regency_place("64.02"));
        assert_eq!(found("kabkukar"), regency_place("64.02"));
    }

    #[test]
    fn kab_dot_kutai_kartanegara_resolves_to_64_02() {
        assert_eq!(found("Kab. Kutai Kartanegara"), regency_place("64.02"));
        assert_eq!(found("kabupaten kutai kartanegara"), regency_place("64.02"));
        assert_eq!(found("kutai kartanegara"), regency_place("64.02"));
    }

    #[test]
    fn tenggarong_resolves_to_kutai_kartanegara_with_the_district() {
        assert_eq!(
            found("tenggarong"),
            district_place("64.02", &district_code("64.02", "Tenggarong"))
        );
        assert_eq!(
            found("Kec. Tenggarong").district.as_deref(),
            Some("64.02.06")
        );
    }

    #[test]
    fn legok_resolves_to_kabupaten_tangerang_with_the_legok_district() {
        assert_eq!(
            found("legok"),
            district_place("36.03", &district_code("36.03", "Legok"))
        );
    }

    #[test]
    fn tangerang_is_ambiguous_between_kota_and_kabupaten() {
        assert_eq!(
            ambiguous("tangerang"),
            vec![regency_place("36.71"), regency_place("36.03")]
        );
    }

    #[test]
    fn bogor_and_malang_are_ambiguous_too() {
        assert_eq!(
            ambiguous("bogor"),
            vec![regency_place("32.71"), regency_place("32.01")]
        );
        assert_eq!(
            ambiguous("Malang"),
            vec![regency_place("35.73"), regency_place("35.07")]
        );
    }

    #[test]
    fn a_kota_or_kabupaten_prefix_settles_the_ambiguity() {
        assert_eq!(found("kota tangerang"), regency_place("36.71"));
        assert_eq!(found("kab tangerang"), regency_place("36.03"));
        assert_eq!(found("Kab. Bogor"), regency_place("32.01"));
        assert_eq!(found("kabupaten malang"), regency_place("35.07"));
    }

    #[test]
    fn a_regency_name_wins_over_same_named_districts_elsewhere() {
        // Padang is a district of Kabupaten Lumajang; Depok is a district in
        // Cirebon and in Sleman.
        assert_eq!(found("padang"), regency_place("13.71"));
        assert_eq!(found("depok"), regency_place("32.76"));
    }

    #[test]
    fn a_district_name_in_several_regencies_is_ambiguous() {
        let places = ambiguous("tugu");
        assert_eq!(places.len(), 2);
        assert!(places.iter().all(|p| p.district.is_some()));
        assert_eq!(places[0].regency, code("33.74"));
        assert_eq!(places[1].regency, code("35.03"));
    }

    #[test]
    fn ambiguous_answers_are_capped_at_eight() {
        // Many districts share a name; none gives more than eight places.
        for d in regions().districts() {
            if let Resolution::Ambiguous(places) = regions().resolve(&d.name) {
                assert!(places.len() <= MAX_AMBIGUOUS);
            }
        }
    }

    #[test]
    fn a_district_qualified_by_its_regency_resolves() {
        let legok = district_place("36.03", "36.03.20");
        assert_eq!(found("legok, kab. tangerang"), legok);
        assert_eq!(found("legok tangerang"), legok);
        assert_eq!(found("Kecamatan Legok, Kabupaten Tangerang, Banten"), legok);
        assert_eq!(found("tugu semarang").regency, code("33.74"));
        assert_eq!(
            found("Tenggarong, Kutai Kartanegara").district.as_deref(),
            Some("64.02.06")
        );
    }

    #[test]
    fn a_trailing_province_narrows_the_answer() {
        assert_eq!(found("samarinda kalimantan timur"), regency_place("64.72"));
    }

    #[test]
    fn kota_baru_means_kabupaten_kotabaru() {
        assert_eq!(found("kota baru"), regency_place("63.02"));
        assert_eq!(found("Kotabaru"), regency_place("63.02"));
    }

    #[test]
    fn jakarta_administrative_cities_resolve_without_the_administrasi_word() {
        assert_eq!(found("jakarta selatan"), regency_place("31.74"));
        assert_eq!(
            found("Kota Administrasi Jakarta Selatan"),
            regency_place("31.74")
        );
        assert_eq!(found("jaksel"), regency_place("31.74"));
        assert_eq!(found("kepulauan seribu"), regency_place("31.01"));
    }

    #[test]
    fn common_short_names_resolve() {
        assert_eq!(found("solo"), regency_place("33.72"));
        assert_eq!(found("Jogja"), regency_place("34.71"));
        assert_eq!(found("yogya"), regency_place("34.71"));
        assert_eq!(found("bpp"), regency_place("64.71"));
        assert_eq!(found("balikpapan"), regency_place("64.71"));
        assert_eq!(found("smd"), regency_place("64.72"));
        assert_eq!(found("tangsel"), regency_place("36.74"));
        assert_eq!(found("tanjungpinang"), regency_place("21.72"));
    }

    #[test]
    fn a_typed_code_resolves() {
        assert_eq!(found("64.72"), regency_place("64.72"));
        assert_eq!(found("64.02.06"), district_place("64.02", "64.02.06"));
        assert!(suggestions("99.99").is_empty());
    }

    // -- resolve: near misses and junk --

    #[test]
    fn samrinda_suggests_samarinda_first() {
        assert_eq!(suggestions("samrinda")[0], regency_place("64.72"));
        assert_eq!(suggestions("kota samrinda")[0], regency_place("64.72"));
    }

    #[test]
    fn balikpapn_suggests_balikpapan_first() {
        assert_eq!(suggestions("balikpapn")[0], regency_place("64.71"));
    }

    #[test]
    fn tenggarog_suggests_tenggarong_first() {
        assert_eq!(
            suggestions("tenggarog")[0],
            district_place("64.02", "64.02.06")
        );
    }

    #[test]
    fn a_transposition_counts_as_one_edit() {
        assert_eq!(suggestions("smaarinda")[0], regency_place("64.72"));
        let mut rows = [Vec::new(), Vec::new(), Vec::new()];
        assert_eq!(osa_distance(b"ab", b"ba", 3, &mut rows), Some(1));
        assert_eq!(osa_distance(b"kitten", b"sitting", 3, &mut rows), Some(3));
        assert_eq!(osa_distance(b"kitten", b"sitting", 2, &mut rows), None);
        assert_eq!(osa_distance(b"", b"abc", 3, &mut rows), Some(3));
    }

    #[test]
    fn the_start_of_a_name_suggests_the_regencies_it_begins() {
        let places = suggestions("kutai");
        for c in ["64.02", "64.07", "64.08"] {
            assert!(places[..3].contains(&regency_place(c)), "{c} in {places:?}");
        }
        let jakarta = suggestions("jakarta");
        assert_eq!(jakarta.len(), 5);
        assert!(jakarta.iter().all(|p| p.regency.province_code() == "31"));
    }

    #[test]
    fn a_misspelled_ambiguous_name_suggests_the_kota_first() {
        assert_eq!(
            suggestions("tanggerang")[..2],
            [regency_place("36.71"), regency_place("36.03")]
        );
    }

    #[test]
    fn suggestions_are_at_most_five_and_distinct() {
        for input in ["samrinda", "kutai", "jakarta", "tanggerang", "bandng"] {
            let places = suggestions(input);
            assert!(places.len() <= MAX_SUGGESTIONS, "{input}");
            let unique: HashSet<_> = places.iter().collect();
            assert_eq!(unique.len(), places.len(), "{input}");
        }
    }

    #[test]
    fn empty_emoji_and_junk_inputs_are_not_found() {
        for input in ["", "   ", "🍰🍰", "!!!", "xq", "zzzzzzzzzz"] {
            assert_eq!(
                regions().resolve(input),
                Resolution::NotFound {
                    suggestions: vec![]
                },
                "{input:?}"
            );
        }
    }

    #[test]
    fn huge_inputs_are_not_found_quickly() {
        let inputs = [
            "a".repeat(5000),
            "samarinda ".repeat(500),
            "🍰".repeat(5000),
            "x".repeat(99),
        ];
        let started = Instant::now();
        for input in &inputs {
            assert!(matches!(
                regions().resolve(input),
                Resolution::NotFound { .. }
            ));
        }
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn resolving_is_fast() {
        let r = regions();
        let inputs = [
            "samarinda",
            "Kab. Kutai Kartanegara",
            "tenggarong",
            "samrinda",
            "balikpapn",
            "kecamatan tenggarog seberang",
            "legok tangerang banten",
        ];
        let started = Instant::now();
        let rounds = 20;
        for _ in 0..rounds {
            for input in inputs {
                std::hint::black_box(r.resolve(input));
            }
        }
        let per_call = started.elapsed() / (rounds * inputs.len() as u32);
        // Generous: unoptimized test builds are many times slower than release.
        assert!(per_call < Duration::from_millis(20), "{per_call:?}");
    }

    // -- time zones --

    #[test]
    fn zone_abbreviations_follow_wib_wita_wit() {
        let r = regions();
        let samarinda = r.timezone_of(&code("64.72")).unwrap();
        let kab_tangerang = r.timezone_of(&code("36.03")).unwrap();
        let jayapura = r.timezone_of(&code("91.71")).unwrap();
        assert_eq!(Regions::zone_abbreviation(samarinda), "WITA");
        assert_eq!(Regions::zone_abbreviation(kab_tangerang), "WIB");
        assert_eq!(Regions::zone_abbreviation(jayapura), "WIT");
        assert_eq!(
            Regions::zone_abbreviation(Tz::Europe__Berlin),
            "Europe/Berlin"
        );
    }

    // -- find_in_text --

    #[test]
    fn find_in_text_finds_samarinda_in_kue_talam_samarinda() {
        let text = "kue talam samarinda";
        let (place, range) = regions().find_in_text(text).unwrap();
        assert_eq!(place, regency_place("64.72"));
        assert_eq!(&text[range], "samarinda");
    }

    #[test]
    fn find_in_text_finds_kukar_in_amplang_kukar() {
        let text = "amplang kukar";
        let (place, range) = regions().find_in_text(text).unwrap();
        assert_eq!(place, regency_place("64.02"));
        assert_eq!(&text[range], "kukar");
    }

    #[test]
    fn find_in_text_finds_nothing_in_text_without_a_place() {
        for text in [
            "tolong kirim 50 kotak nasi untuk rapat besok pagi",
            "saya mau pesan kue bawang dan tempe untuk ibu",
            "",
            "🍰🍰🍰",
        ] {
            assert_eq!(regions().find_in_text(text), None, "{text:?}");
        }
    }

    #[test]
    fn find_in_text_takes_the_longest_mention() {
        let text = "snack box di kecamatan tenggarong seberang ya";
        let (place, range) = regions().find_in_text(text).unwrap();
        assert_eq!(place, district_place("64.02", "64.02.16"));
        assert_eq!(&text[range], "kecamatan tenggarong seberang");

        let text = "catering kota tangerang";
        let (res, range) = regions().find_mention(text).unwrap();
        assert_eq!(res, Resolution::Found(regency_place("36.71")));
        assert_eq!(&text[range], "kota tangerang");
    }

    #[test]
    fn find_in_text_does_not_take_a_hint_before_a_common_word_as_a_place() {
        assert_eq!(regions().find_in_text("antar ke kota jaya ya"), None);
        assert_eq!(regions().find_in_text("a b a b"), None);
        let (place, _) = regions().find_in_text("kirim ke kecamatan tugu").unwrap();
        assert!(place.district.is_some());
    }

    #[test]
    fn find_in_text_respects_word_boundaries() {
        assert_eq!(regions().find_in_text("kuesamarinda enak"), None);
        assert_eq!(regions().find_in_text("samarindaku"), None);
    }

    #[test]
    fn find_in_text_gives_byte_ranges_in_unicode_text() {
        let text = "🍰 Kué dari SAMARINDA, enak!";
        let (place, range) = regions().find_in_text(text).unwrap();
        assert_eq!(place, regency_place("64.72"));
        assert_eq!(&text[range], "SAMARINDA");
    }

    #[test]
    fn find_mention_reports_an_ambiguous_mention() {
        let (res, _) = regions().find_mention("roti tangerang").unwrap();
        assert_eq!(
            res,
            Resolution::Ambiguous(vec![regency_place("36.71"), regency_place("36.03")])
        );
        let (place, _) = regions().find_in_text("roti tangerang").unwrap();
        assert_eq!(place, regency_place("36.71"));
    }

    #[test]
    fn find_in_text_is_fast_on_long_text() {
        let text = "pesan kue talam dan amplang untuk rapat dinas ".repeat(120) + "samarinda";
        let started = Instant::now();
        let (place, _) = regions().find_in_text(&text).unwrap();
        assert_eq!(place, regency_place("64.72"));
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn common_words_list_is_sorted_for_binary_search() {
        assert!(COMMON_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
