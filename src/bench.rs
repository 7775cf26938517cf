//! `pesanlokal bench search`: how fast /cari answers over a large directory;
//! `pesanlokal bench import`: how many CSV rows a second the import takes.
//!
//! Builds a database of synthetic producers (Indonesian business names and
//! products drawn from word lists per category, spread over all 514
//! regencies with big cities weighted up), then times the first page of
//! five kinds of search through the same path as /cari
//! (`domain::search::read_query`, then `store::directory::search` for
//! offset 0, limit 5). Everything is drawn from a seeded RNG, so a run is
//! repeatable. This is a benchmark, not a test: only a tiny run is tested.

pub mod outbox;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::domain::producer_csv::{self, ProducerRecord};
use crate::domain::region::{District, RegencyKind};
use crate::domain::search::{SearchQuery, close_enough, read_query};
use crate::domain::{Category, PhoneNumber, Place, RegionCode, Regions};
use crate::store;
use crate::store::directory::{self, Matched, Spec};
use crate::store::synthetic::NewProducer;

/// What /cari shows on one page.
const PAGE_SIZE: i64 = 5;

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

struct CategoryWords {
    category: Category,
    /// How common the category is as a producer's main one.
    weight: u32,
    products: &'static [&'static str],
    /// Words a business name of this trade uses ("Dapur", "Amplang"…).
    themes: &'static [&'static str],
    units: &'static [&'static str],
    /// Daily capacity range.
    capacity: (i64, i64),
    lead_days: (i64, i64),
    min_order: (i64, i64),
}

const CATALOGUE: &[CategoryWords] = &[
    CategoryWords {
        category: Category::Katering,
        weight: 20,
        products: &[
            "Nasi kotak",
            "Nasi kuning",
            "Nasi liwet",
            "Nasi tumpeng",
            "Nasi uduk",
            "Prasmanan",
            "Ayam bakar",
            "Ayam goreng",
            "Soto banjar",
            "Rendang sapi",
            "Sate ayam",
            "Pecel lele",
            "Ikan bakar",
            "Gado-gado",
            "Bakso",
            "Mie goreng",
            "Coto makassar",
            "Gudeg",
        ],
        themes: &[
            "Katering",
            "Dapur",
            "Nasi Kuning",
            "Rumah Makan",
            "Prasmanan",
            "Ayam Bakar",
        ],
        units: &["porsi", "kotak"],
        capacity: (50, 800),
        lead_days: (1, 3),
        min_order: (10, 50),
    },
    CategoryWords {
        category: Category::Snack,
        weight: 22,
        products: &[
            "Kue talam",
            "Kue lapis",
            "Kue lumpur",
            "Kue bingka",
            "Bingka kentang",
            "Snack box",
            "Lemper ayam",
            "Risoles",
            "Pastel",
            "Onde-onde",
            "Klepon",
            "Dadar gulung",
            "Bolu pandan",
            "Roti manis",
            "Donat kentang",
            "Martabak manis",
            "Kue sus",
            "Lapis legit",
            "Putu ayu",
            "Kue cucur",
        ],
        themes: &["Kue", "Snack", "Roti", "Bolu", "Kue Talam", "Kue Basah"],
        units: &["pcs", "kotak"],
        capacity: (50, 1000),
        lead_days: (1, 3),
        min_order: (20, 100),
    },
    CategoryWords {
        category: Category::OlehOleh,
        weight: 15,
        products: &[
            "Amplang ikan pipih",
            "Amplang",
            "Kerupuk udang",
            "Kerupuk ikan",
            "Keripik pisang",
            "Keripik singkong",
            "Keripik tempe",
            "Dodol durian",
            "Lempok durian",
            "Abon ikan",
            "Ikan asin",
            "Terasi udang",
            "Sambal roa",
            "Bakpia",
            "Pempek",
            "Kerupuk amplang",
        ],
        themes: &[
            "Amplang",
            "Keripik",
            "Kerupuk",
            "Oleh-oleh",
            "Dodol",
            "Abon",
        ],
        units: &["bungkus", "pak"],
        capacity: (30, 500),
        lead_days: (2, 5),
        min_order: (10, 50),
    },
    CategoryWords {
        category: Category::Minuman,
        weight: 8,
        products: &[
            "Kopi robusta",
            "Kopi arabika",
            "Kopi susu",
            "Es teh",
            "Sirup nanas",
            "Jus jeruk",
            "Wedang jahe",
            "Teh serai",
            "Air mineral",
            "Madu hutan",
            "Susu kedelai",
            "Es kelapa muda",
        ],
        themes: &["Kopi", "Kedai Kopi", "Minuman", "Teh", "Madu"],
        units: &["botol", "cup"],
        capacity: (50, 600),
        lead_days: (1, 2),
        min_order: (10, 50),
    },
    CategoryWords {
        category: Category::Merchandise,
        weight: 8,
        products: &[
            "Goodie bag kain",
            "Goodie bag",
            "Tumbler",
            "Mug sablon",
            "Gantungan kunci",
            "Pin logo",
            "Payung promosi",
            "Seminar kit",
            "Topi bordir",
            "Tote bag",
            "Plakat akrilik",
            "Lanyard",
        ],
        themes: &["Souvenir", "Merchandise", "Promosi", "Suvenir"],
        units: &["pcs"],
        capacity: (20, 500),
        lead_days: (3, 10),
        min_order: (10, 100),
    },
    CategoryWords {
        category: Category::Kerajinan,
        weight: 8,
        products: &[
            "Tas rotan",
            "Tas anjat rotan",
            "Tikar rotan",
            "Souvenir manik Dayak",
            "Anyaman bambu",
            "Ukiran kayu",
            "Tenun ikat",
            "Keranjang purun",
            "Miniatur perahu",
            "Gerabah hias",
            "Noken",
        ],
        themes: &["Rotan", "Anyaman", "Kerajinan", "Ukir", "Galeri"],
        units: &["pcs"],
        capacity: (5, 60),
        lead_days: (5, 21),
        min_order: (1, 20),
    },
    CategoryWords {
        category: Category::Fesyen,
        weight: 9,
        products: &[
            "Kain sasirangan",
            "Kemeja batik",
            "Batik tulis",
            "Batik cap",
            "Kaos sablon",
            "Kaos polo",
            "Songket",
            "Kebaya",
            "Seragam dinas",
            "Jilbab",
            "Sarung tenun",
            "Peci",
            "Kemeja sasirangan",
        ],
        themes: &[
            "Batik",
            "Sasirangan",
            "Konveksi",
            "Butik",
            "Tenun",
            "Songket",
        ],
        units: &["potong", "pcs"],
        capacity: (10, 200),
        lead_days: (5, 14),
        min_order: (5, 50),
    },
    CategoryWords {
        category: Category::Percetakan,
        weight: 7,
        products: &[
            "Banner",
            "Spanduk",
            "Sertifikat",
            "ID card",
            "Brosur",
            "Undangan",
            "Kartu nama",
            "Stiker",
            "Buku agenda",
            "Kalender",
            "Sablon kaos",
            "Map dokumen",
            "Baliho",
        ],
        themes: &[
            "Percetakan",
            "Grafika",
            "Digital Printing",
            "Sablon",
            "Offset",
        ],
        units: &["lembar", "pcs"],
        capacity: (100, 2000),
        lead_days: (1, 4),
        min_order: (10, 100),
    },
    CategoryWords {
        category: Category::Dekorasi,
        weight: 5,
        products: &[
            "Bunga meja",
            "Rangkaian bunga meja",
            "Papan bunga",
            "Dekorasi panggung",
            "Backdrop",
            "Balon dekorasi",
            "Janur",
            "Karangan bunga",
            "Tenda dekorasi",
        ],
        themes: &["Bunga", "Florist", "Dekorasi", "Dekor", "Rangkai"],
        units: &["set", "pcs"],
        capacity: (2, 40),
        lead_days: (2, 7),
        min_order: (1, 5),
    },
];

const PREFIXES: &[&str] = &[
    "Dapur", "Rumah", "Toko", "UD", "CV", "Griya", "Sentra", "Warung", "Pondok", "Kedai", "Galeri",
    "Usaha",
];

const BLESSINGS: &[&str] = &[
    "Berkah",
    "Sejahtera",
    "Makmur",
    "Barokah",
    "Jaya",
    "Lestari",
    "Mandiri",
    "Sentosa",
    "Abadi",
    "Bersama",
    "Indah",
    "Rezeki",
    "Mulia",
    "Amanah",
    "Nusantara",
    "Sehati",
    "Harapan",
    "Karya",
    "Cahaya",
    "Mekar",
    "Kencana",
    "Utama",
];

const HONORIFICS: &[&str] = &[
    "Bu", "Pak", "Acil", "Mbak", "Mas", "Hj.", "Ibu", "Uda", "Kak",
];

const FIRST_NAMES: &[&str] = &[
    "Ratna",
    "Siti",
    "Aminah",
    "Masitah",
    "Yuliani",
    "Markus",
    "Andi",
    "Nurhayati",
    "Rahmat",
    "Dewi",
    "Asniah",
    "Budi",
    "Rina",
    "Agus",
    "Wati",
    "Sri",
    "Yanti",
    "Hasan",
    "Made",
    "Ketut",
    "Wayan",
    "Fitri",
    "Rudi",
    "Lina",
    "Eko",
    "Joko",
    "Nur",
    "Rosmini",
    "Halimah",
    "Darmawan",
    "Sulastri",
    "Hendra",
    "Maria",
    "Yohanes",
    "Fatimah",
    "Zainal",
    "Intan",
    "Putri",
    "Bayu",
    "Teguh",
];

const LAST_NAMES: &[&str] = &[
    "Saputra",
    "Hidayat",
    "Lestari",
    "Santoso",
    "Wijaya",
    "Kusuma",
    "Siregar",
    "Nasution",
    "Lubis",
    "Harahap",
    "Pratama",
    "Rahayu",
    "Susanti",
    "Setiawan",
    "Gunawan",
    "Hutapea",
    "Sitompul",
    "Tanjung",
    "Pane",
    "Sembiring",
    "Lawing",
    "Daeng",
    "Mahmud",
    "Rasyid",
];

/// Cities that get many more producers than an ordinary regency.
const BIG_CITIES: &[&str] = &[
    "Jakarta Pusat",
    "Jakarta Utara",
    "Jakarta Barat",
    "Jakarta Selatan",
    "Jakarta Timur",
    "Surabaya",
    "Bandung",
    "Medan",
    "Semarang",
    "Makassar",
    "Palembang",
    "Tangerang",
    "Tangerang Selatan",
    "Depok",
    "Bekasi",
    "Bogor",
    "Batam",
    "Pekanbaru",
    "Padang",
    "Denpasar",
    "Malang",
    "Samarinda",
    "Balikpapan",
    "Banjarmasin",
    "Pontianak",
    "Yogyakarta",
    "Manado",
];

/// Category words people type (each read as a category filter).
const CATEGORY_WORDS: &[&str] = &[
    "katering",
    "catering",
    "snack",
    "oleh-oleh",
    "oleh oleh",
    "minuman",
    "merchandise",
    "souvenir",
    "kerajinan",
    "fesyen",
    "percetakan",
    "dekorasi",
];

/// Names of the categories as the search index holds them (from
/// migrations/0001_foundation.sql), so a typo can be checked against them.
const CATEGORY_NAMES: &str = "katering catering snack kue snacks cakes oleh_oleh oleh local \
    specialties minuman drinks merchandise kerajinan handicrafts fesyen fashion percetakan \
    printing dekorasi decoration";

const HOSTILE: &[&str] = &[
    "\"",
    "\"\"\"",
    "kue\" OR \"x",
    "NEAR(a b)",
    "NEAR(kue talam, 2)",
    "*",
    "kue*",
    "((",
    ")))",
    "🍰",
    "🍰🔥😀",
    "AND OR NOT",
    "'; DROP TABLE producers; --",
    "a:b",
    "col:kue",
    "^kue",
    "-kue",
    "+",
    "%",
    "_",
    "\\",
    "{name}: kue",
    "\u{202e}gnalpma",
    "ka\u{0308}ue",
    "ｋｕｅ",
    "null",
    "\u{0}",
];

// ---------------------------------------------------------------------------
// Synthetic producers
// ---------------------------------------------------------------------------

/// The region and word tables the generator draws from, built once.
pub struct Lexicon {
    regions: &'static Regions,
    regency_weights: WeightedIndex<f64>,
    districts: HashMap<String, Vec<&'static District>>,
    category_weights: WeightedIndex<u32>,
    /// Product words that read as one search term.
    one_words: Vec<String>,
    /// Two-word product names that read as two search terms.
    two_words: Vec<String>,
    /// Every word the search index may hold, sorted (for typos that match nothing exactly).
    vocabulary: Vec<String>,
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn plain_terms(q: &SearchQuery, n: usize) -> bool {
    q.terms.len() == n && q.place.is_none() && q.categories.is_empty() && !q.halal
}

impl Lexicon {
    #[allow(clippy::expect_used)] // fixed, positive weights: a panic is a programming error
    pub fn new() -> Lexicon {
        let regions = Regions::embedded();
        // Regency weights: a kota 3, a big city 12, an ordinary kabupaten 1,
        // each shaken by a fixed jitter (the same for every seed).
        let mut jitter = StdRng::seed_from_u64(514);
        let weights: Vec<f64> = regions
            .regencies()
            .iter()
            .map(|r| {
                let base = match r.kind {
                    RegencyKind::Kota if BIG_CITIES.contains(&r.short_name.as_str()) => 12.0,
                    RegencyKind::Kota => 3.0,
                    RegencyKind::Kabupaten => 1.0,
                };
                base * jitter.random_range(0.5..2.0)
            })
            .collect();
        let mut districts: HashMap<String, Vec<&'static District>> = HashMap::new();
        for d in regions.districts() {
            districts
                .entry(d.regency_code.as_str().to_string())
                .or_default()
                .push(d);
        }
        let mut one_words: Vec<String> = Vec::new();
        let mut two_words: Vec<String> = Vec::new();
        for c in CATALOGUE {
            for p in c.products {
                for w in words_of(p) {
                    if w.chars().count() >= 3
                        && !one_words.contains(&w)
                        && plain_terms(&read_query(&w, regions), 1)
                    {
                        one_words.push(w);
                    }
                }
                let lower = p.to_lowercase();
                if lower.split(' ').count() == 2
                    && !two_words.contains(&lower)
                    && plain_terms(&read_query(&lower, regions), 2)
                {
                    two_words.push(lower);
                }
            }
        }
        let mut vocabulary: Vec<String> = Vec::new();
        let lists = CATALOGUE
            .iter()
            .flat_map(|c| c.products.iter().chain(c.themes))
            .chain(PREFIXES)
            .chain(BLESSINGS)
            .chain(HONORIFICS)
            .chain(FIRST_NAMES)
            .chain(std::iter::once(&CATEGORY_NAMES));
        for text in lists {
            vocabulary.extend(words_of(text));
        }
        for r in regions.regencies() {
            vocabulary.extend(words_of(&r.name));
        }
        for d in regions.districts() {
            vocabulary.extend(words_of(&d.name));
        }
        vocabulary.sort();
        vocabulary.dedup();
        Lexicon {
            regions,
            regency_weights: WeightedIndex::new(weights).expect("positive regency weights"),
            districts,
            category_weights: WeightedIndex::new(CATALOGUE.iter().map(|c| c.weight))
                .expect("positive category weights"),
            one_words,
            two_words,
            vocabulary,
        }
    }

    fn regency(&self, rng: &mut StdRng) -> &'static crate::domain::region::Regency {
        &self.regions.regencies()[self.regency_weights.sample(rng)]
    }

    /// Whether some indexed word starts with `w` (then the text search
    /// would find it, and the typo fallback would not run).
    fn prefixes_a_word(&self, w: &str) -> bool {
        let i = self.vocabulary.partition_point(|v| v.as_str() < w);
        self.vocabulary.get(i).is_some_and(|v| v.starts_with(w))
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

fn range(rng: &mut StdRng, (lo, hi): (i64, i64)) -> i64 {
    rng.random_range(lo..=hi)
}

fn business_name(rng: &mut StdRng, main: &CategoryWords, regency_short_name: &str) -> String {
    let theme = main.themes.choose(rng).copied().unwrap_or("Usaha");
    let blessing = BLESSINGS.choose(rng).copied().unwrap_or("Jaya");
    let person = format!(
        "{} {}",
        HONORIFICS.choose(rng).copied().unwrap_or("Bu"),
        FIRST_NAMES.choose(rng).copied().unwrap_or("Siti")
    );
    let prefix = PREFIXES.choose(rng).copied().unwrap_or("Dapur");
    match rng.random_range(0..6) {
        0 => format!("{prefix} {theme} {blessing}"),
        1 => format!("{theme} {person}"),
        2 => format!("{theme} {blessing} {regency_short_name}"),
        3 => format!("{prefix} {blessing} {person}"),
        4 => format!("{theme} {regency_short_name}"),
        _ => format!("{theme} {blessing}"),
    }
}

/// `n` synthetic producers; the same seed always gives the same list.
pub fn generate(lexicon: &Lexicon, n: usize, seed: u64) -> Vec<NewProducer> {
    let mut rng = StdRng::seed_from_u64(seed);
    let leave_from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    (0..n)
        .map(|_| {
            let regency = lexicon.regency(&mut rng);
            let district_code = lexicon
                .districts
                .get(regency.code.as_str())
                .filter(|_| rng.random_bool(0.85))
                .and_then(|ds| ds.choose(&mut rng))
                .map(|d| d.code.clone());
            let count = match rng.random_range(0..100) {
                0..50 => 1,
                50..85 => 2,
                _ => 3,
            };
            let mut trades: Vec<&CategoryWords> = Vec::new();
            while trades.len() < count {
                let c = &CATALOGUE[lexicon.category_weights.sample(&mut rng)];
                if !trades.iter().any(|t| t.category == c.category) {
                    trades.push(c);
                }
            }
            let main = trades[0];
            let pool: Vec<&str> = trades
                .iter()
                .flat_map(|t| t.products.iter().copied())
                .collect();
            let k = rng.random_range(2..=6).min(pool.len());
            let products: Vec<String> = pool
                .choose_multiple(&mut rng, k)
                .map(|p| p.to_string())
                .collect();
            let mut categories: Vec<Category> = trades.iter().map(|t| t.category).collect();
            categories.sort_by_key(|c| c.index());
            let rating_count = if rng.random_bool(0.4) {
                rng.random_range(1..=60)
            } else {
                0
            };
            let rating_sum = (0..rating_count).map(|_| rng.random_range(3..=5)).sum();
            let leave = rng.random_bool(0.08).then(|| {
                let start = leave_from + chrono::Days::new(rng.random_range(0..365));
                (start, start + chrono::Days::new(rng.random_range(0..14)))
            });
            NewProducer {
                business_name: business_name(&mut rng, main, &regency.short_name),
                owner_name: format!(
                    "{} {}",
                    FIRST_NAMES.choose(&mut rng).copied().unwrap_or("Siti"),
                    LAST_NAMES.choose(&mut rng).copied().unwrap_or("Rahayu")
                ),
                regency_code: regency.code.as_str().to_string(),
                district_code,
                categories,
                products,
                daily_capacity: range(&mut rng, main.capacity),
                capacity_unit: main.units.choose(&mut rng).copied().unwrap_or("pcs"),
                min_lead_days: range(&mut rng, main.lead_days),
                min_order: range(&mut rng, main.min_order),
                halal: rng.random_bool(0.6),
                verified: rng.random_bool(0.95),
                rating_sum,
                rating_count,
                finished_orders: if rating_count > 0 {
                    rating_count + rng.random_range(0..100)
                } else {
                    rng.random_range(0..5)
                },
                leave,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "amplang"
    OneWord,
    /// "kue talam samarinda"
    TwoWordsRegion,
    /// "katering kukar": two filters, no words.
    CategoryRegion,
    /// "amplnag": no exact match, through the typo fallback.
    Typo,
    /// "kue\" OR \"x", "NEAR(a b)", "*", emoji…
    Hostile,
    /// Beyond the five: "kue samarinda", one (often broad) word in a region.
    OneWordRegion,
    /// Beyond the five: "katering", the category buttons under a bare /cari.
    CategoryAlone,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::OneWord,
        Kind::TwoWordsRegion,
        Kind::CategoryRegion,
        Kind::Typo,
        Kind::Hostile,
        Kind::OneWordRegion,
        Kind::CategoryAlone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::OneWord => "one product word",
            Kind::TwoWordsRegion => "two words + region",
            Kind::CategoryRegion => "category + region",
            Kind::Typo => "typo, no exact match",
            Kind::Hostile => "hostile string",
            Kind::OneWordRegion => "(extra) one word + region",
            Kind::CategoryAlone => "(extra) category alone",
        }
    }

    pub fn example(self) -> &'static str {
        match self {
            Kind::OneWord => "amplang",
            Kind::TwoWordsRegion => "kue talam samarinda",
            Kind::CategoryRegion => "katering kukar",
            Kind::Typo => "amplnag",
            Kind::Hostile => "kue\" OR \"x",
            Kind::OneWordRegion => "kue samarinda",
            Kind::CategoryAlone => "katering",
        }
    }
}

/// A region as people type it: the short name, sometimes an alias.
fn region_text(lexicon: &Lexicon, rng: &mut StdRng) -> String {
    let regency = lexicon.regency(rng);
    let aliases: Vec<&str> = lexicon
        .regions
        .aliases()
        .iter()
        .filter(|a| a.regency_code == regency.code)
        .map(|a| a.alias.as_str())
        .collect();
    match aliases.choose(rng) {
        Some(alias) if rng.random_bool(0.5) => alias.to_string(),
        _ => regency.short_name.to_lowercase(),
    }
}

/// A word with one slip (swap, drop, double or wrong letter) that no
/// indexed word starts with, yet still close enough for the fallback.
fn typo(lexicon: &Lexicon, rng: &mut StdRng) -> String {
    let long: Vec<&String> = lexicon
        .one_words
        .iter()
        .filter(|w| w.chars().count() >= 5)
        .collect();
    let mut last = String::from("amplnag");
    for _ in 0..1000 {
        let Some(word) = long.choose(rng) else {
            break;
        };
        let mut chars: Vec<char> = word.chars().collect();
        let i = rng.random_range(1..chars.len() - 1);
        match rng.random_range(0..4) {
            0 => chars.swap(i, i + 1),
            1 => {
                chars.remove(i);
            }
            2 => chars.insert(i, chars[i]),
            _ => chars[i] = rng.random_range(b'a'..=b'z') as char,
        }
        let t: String = chars.into_iter().collect();
        last = t.clone();
        if &t != *word
            && !lexicon.prefixes_a_word(&t)
            && close_enough(std::slice::from_ref(&t), word)
            && plain_terms(&read_query(&t, lexicon.regions), 1)
        {
            return t;
        }
    }
    last
}

fn hostile(rng: &mut StdRng) -> String {
    if rng.random_bool(0.5) {
        return HOSTILE.choose(rng).copied().unwrap_or("\"").to_string();
    }
    if rng.random_bool(0.05) {
        // Longer than anything Telegram users type (cut at 200 characters).
        return "kue \"".repeat(rng.random_range(100..1000));
    }
    const PIECES: &[&str] = &[
        "\"", "*", "(", ")", ":", "^", "-", "+", "'", "%", "_", "\\", "{", "}", "[", "]", "<", ">",
        "~", "NEAR", "AND", "OR", "NOT", "🍰", "🔥", " ", " ", "kue", "talam", "amplang", "x", "a",
        "\u{200b}", "\t", ";", "--",
    ];
    let n = rng.random_range(1..12);
    (0..n)
        .map(|_| PIECES.choose(rng).copied().unwrap_or("*"))
        .collect()
}

/// `n` queries of one kind, as typed after /cari.
pub fn queries(lexicon: &Lexicon, kind: Kind, n: usize, seed: u64) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(seed ^ (0x9e37_79b9 * (kind as u64 + 1)));
    (0..n)
        .map(|_| match kind {
            Kind::OneWord => lexicon
                .one_words
                .choose(&mut rng)
                .cloned()
                .unwrap_or_default(),
            Kind::TwoWordsRegion => {
                let mut text = String::new();
                for _ in 0..100 {
                    let words = lexicon
                        .two_words
                        .choose(&mut rng)
                        .cloned()
                        .unwrap_or_default();
                    text = format!("{words} {}", region_text(lexicon, &mut rng));
                    let q = read_query(&text, lexicon.regions);
                    if q.terms.len() == 2 && q.place.is_some() && q.categories.is_empty() {
                        break;
                    }
                }
                text
            }
            Kind::CategoryRegion => {
                let mut text = String::new();
                for _ in 0..100 {
                    let category = CATEGORY_WORDS
                        .choose(&mut rng)
                        .copied()
                        .unwrap_or("katering");
                    text = format!("{category} {}", region_text(lexicon, &mut rng));
                    let q = read_query(&text, lexicon.regions);
                    if q.terms.is_empty() && q.place.is_some() && !q.categories.is_empty() {
                        break;
                    }
                }
                text
            }
            Kind::Typo => typo(lexicon, &mut rng),
            Kind::Hostile => hostile(&mut rng),
            Kind::OneWordRegion => {
                let mut text = String::new();
                for _ in 0..100 {
                    let word = lexicon
                        .one_words
                        .choose(&mut rng)
                        .cloned()
                        .unwrap_or_default();
                    text = format!("{word} {}", region_text(lexicon, &mut rng));
                    let q = read_query(&text, lexicon.regions);
                    if q.terms.len() == 1 && q.place.is_some() && q.categories.is_empty() {
                        break;
                    }
                }
                text
            }
            Kind::CategoryAlone => CATEGORY_WORDS
                .choose(&mut rng)
                .copied()
                .unwrap_or("katering")
                .to_string(),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub producers: usize,
    pub queries: usize,
    /// Keep the database here (reused when it already holds producers);
    /// otherwise a temporary file, removed afterwards.
    pub db: Option<PathBuf>,
    pub seed: u64,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            producers: 100_000,
            queries: 300,
            db: None,
            seed: 1,
        }
    }
}

#[derive(Debug, Clone)]
pub struct KindResult {
    pub kind: Kind,
    /// Each call's time, sorted.
    pub times: Vec<Duration>,
    /// Queries with at least one result.
    pub found: usize,
    /// Queries answered by the typo fallback.
    pub fuzzy: usize,
    /// The slowest queries, slowest first (at most three).
    pub slowest: Vec<(Duration, String)>,
    /// Mean CPU time a query (all threads of this process), when the
    /// system tells it (Linux): unlike the wall-clock times, it does not
    /// grow when other work shares the cores.
    pub cpu_per_query: Option<Duration>,
}

impl KindResult {
    /// Nearest-rank percentile (`q` in 0..=1).
    pub fn percentile(&self, q: f64) -> Duration {
        if self.times.is_empty() {
            return Duration::ZERO;
        }
        let rank = (q * self.times.len() as f64).ceil() as usize;
        self.times[rank.clamp(1, self.times.len()) - 1]
    }
}

#[derive(Debug, Clone)]
pub struct SearchReport {
    pub producers: i64,
    /// `None` when an existing database was reused.
    pub build: Option<Duration>,
    pub db_bytes: u64,
    pub seed: u64,
    pub kinds: Vec<KindResult>,
    /// The 1-minute load average before and after the queries (Linux).
    pub load: Option<(f64, f64)>,
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

impl SearchReport {
    /// The figures as a Markdown table, with a line about the database.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let build = match self.build {
            Some(d) => format!(
                "built in {:.1} s ({:.0} producers/s)",
                d.as_secs_f64(),
                self.producers as f64 / d.as_secs_f64().max(1e-9)
            ),
            None => "reused".to_string(),
        };
        let load = match self.load {
            Some((before, after)) => format!(", load average {before:.2} before, {after:.2} after"),
            None => String::new(),
        };
        out.push_str(&format!(
            "{} producers, database {:.0} MB, {build}, seed {}{load}\n\n",
            self.producers,
            self.db_bytes as f64 / 1e6,
            self.seed
        ));
        out.push_str("| query kind | e.g. | queries | with results | typo fallback | p50 ms | p95 ms | p99 ms | max ms | CPU ms/query |\n");
        out.push_str("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for k in &self.kinds {
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                k.kind.label(),
                k.kind.example(),
                k.times.len(),
                k.found,
                k.fuzzy,
                ms(k.percentile(0.50)),
                ms(k.percentile(0.95)),
                ms(k.percentile(0.99)),
                ms(k.times.last().copied().unwrap_or_default()),
                k.cpu_per_query.map(ms).unwrap_or_else(|| "–".into()),
            ));
        }
        out.push_str("\nSlowest queries:\n\n");
        for k in &self.kinds {
            let list: Vec<String> = k
                .slowest
                .iter()
                .map(|(d, text)| {
                    let shown: String = text.chars().take(40).collect();
                    let cut = if shown.len() < text.len() { "…" } else { "" };
                    format!("`{shown:?}{cut}` {} ms", ms(*d))
                })
                .collect();
            out.push_str(&format!("- {}: {}\n", k.kind.label(), list.join(", ")));
        }
        out
    }
}

/// One /cari page: read the text, then ask the directory for page 1,
/// with the filters built as the /cari handler builds them.
pub async fn cari_page(pool: &store::Pool, text: &str) -> anyhow::Result<directory::Page> {
    let query = read_query(text, Regions::embedded());
    let spec = Spec {
        terms: query.terms,
        regency: query.place.map(|p| p.regency.as_str().to_string()),
        categories: query
            .categories
            .iter()
            .map(|c| c.slug().to_string())
            .collect(),
        halal_only: query.halal,
        available_on: None,
    };
    let page = directory::search(pool, &spec.terms, &spec.filters(), 0, PAGE_SIZE).await?;
    Ok(page)
}

fn file_size(path: &std::path::Path) -> u64 {
    let mut total = 0;
    for suffix in ["", "-wal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        total += std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
    }
    total
}

/// Builds (or reuses) the database and times every kind of query.
pub async fn run_search(opts: &SearchOptions) -> anyhow::Result<SearchReport> {
    let temporary = opts.db.is_none();
    let path = opts.db.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "pesanlokal-bench-{}-{}.db",
            std::process::id(),
            opts.seed
        ))
    });
    if temporary {
        remove_db(&path);
    }
    let result = run_on(&path, opts).await;
    if temporary {
        remove_db(&path);
    }
    result
}

fn remove_db(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(&p);
    }
}

async fn run_on(path: &std::path::Path, opts: &SearchOptions) -> anyhow::Result<SearchReport> {
    let url = format!("sqlite:{}", path.display());
    let pool = store::open(&url).await?;
    let lexicon = Lexicon::new();
    let existing = store::synthetic::producer_count(&pool).await?;
    let build = if existing == 0 {
        eprintln!(
            "generating {} producers (seed {})…",
            opts.producers, opts.seed
        );
        let list = generate(&lexicon, opts.producers, opts.seed);
        eprintln!("inserting them into {}…", path.display());
        let started = Instant::now();
        store::synthetic::insert_producers(&pool, &list, crate::clock::Clock::system().now())
            .await
            .context("inserting synthetic producers failed")?;
        Some(started.elapsed())
    } else {
        eprintln!("reusing the {existing} producers in {}", path.display());
        None
    };
    let producers = store::synthetic::producer_count(&pool).await?;

    // Warm up: the first calls prepare statements and load the region tables.
    for kind in Kind::ALL {
        for text in queries(&lexicon, kind, 5, opts.seed.wrapping_add(1)) {
            cari_page(&pool, &text).await?;
        }
    }
    let load_before = load_average();
    let mut kinds = Vec::new();
    for kind in Kind::ALL {
        let mut result = KindResult {
            kind,
            times: Vec::with_capacity(opts.queries),
            found: 0,
            fuzzy: 0,
            slowest: Vec::new(),
            cpu_per_query: None,
        };
        let texts = queries(&lexicon, kind, opts.queries, opts.seed);
        let mut timed: Vec<(Duration, String)> = Vec::with_capacity(opts.queries);
        let cpu_before = cpu_time();
        for text in texts {
            let started = Instant::now();
            let page = cari_page(&pool, &text).await?;
            timed.push((started.elapsed(), text));
            result.found += usize::from(page.total > 0);
            result.fuzzy += usize::from(page.matched == Matched::Fuzzy);
        }
        if let (Some(before), Some(after)) = (cpu_before, cpu_time()) {
            let n = u32::try_from(timed.len()).unwrap_or(u32::MAX).max(1);
            result.cpu_per_query = Some(after.saturating_sub(before) / n);
        }
        timed.sort_by_key(|t| std::cmp::Reverse(t.0));
        result.times = timed.iter().rev().map(|(d, _)| *d).collect();
        timed.truncate(3);
        result.slowest = timed;
        kinds.push(result);
    }
    let load = load_before.zip(load_average());
    pool.close().await;
    Ok(SearchReport {
        producers,
        build,
        db_bytes: file_size(path),
        seed: opts.seed,
        kinds,
        load,
    })
}

/// CPU time used so far by all threads of this process (Linux only: the
/// first field of each thread's `schedstat`, in nanoseconds).
fn cpu_time() -> Option<Duration> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(total))
}

/// The 1-minute load average (Linux only).
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

// ---------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub rows: usize,
    pub seed: u64,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            rows: 20_000,
            seed: 1,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ImportReport {
    pub rows: usize,
    pub file_bytes: u64,
    /// Reading and checking the file (`domain::producer_csv::parse`).
    pub parse: Duration,
    /// Writing the rows into an empty database (`store::import`), one
    /// transaction, the search index kept by its triggers.
    pub import: Duration,
    /// The same file again: every row found unchanged.
    pub again: Duration,
    pub load: Option<(f64, f64)>,
}

fn rate(rows: usize, d: Duration) -> String {
    format!("{:.0}", rows as f64 / d.as_secs_f64().max(1e-9))
}

impl ImportReport {
    pub fn markdown(&self) -> String {
        let load = match self.load {
            Some((before, after)) => format!(", load average {before:.2} before, {after:.2} after"),
            None => String::new(),
        };
        let total = self.parse + self.import;
        let mut out = format!(
            "{} rows, file {:.1} MB{load}\n\n",
            self.rows,
            self.file_bytes as f64 / 1e6
        );
        out.push_str("| step | seconds | rows/s |\n|---|---:|---:|\n");
        for (step, d) in [
            ("read and check the file", self.parse),
            ("write into an empty database", self.import),
            ("**import-producers (both)**", total),
            ("the same file again (all unchanged)", self.again),
        ] {
            out.push_str(&format!(
                "| {step} | {:.2} | {} |\n",
                d.as_secs_f64(),
                rate(self.rows, d)
            ));
        }
        out
    }
}

/// Synthetic producers as rows of the import file: unique phones, a NIB
/// for about 40%.
pub fn records(lexicon: &Lexicon, n: usize, seed: u64) -> anyhow::Result<Vec<ProducerRecord>> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5eed);
    generate(lexicon, n, seed)
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            Ok(ProducerRecord {
                business_name: p.business_name,
                owner_name: Some(p.owner_name),
                phone: PhoneNumber::parse(&format!("0812{i:08}"))?,
                place: Place {
                    regency: RegionCode::parse(&p.regency_code)?,
                    district: p.district_code,
                },
                categories: p.categories,
                products: p.products,
                daily_capacity: u32::try_from(p.daily_capacity)?,
                capacity_unit: p.capacity_unit.to_string(),
                min_lead_days: u32::try_from(p.min_lead_days)?,
                min_order: u32::try_from(p.min_order)?,
                halal: p.halal,
                nib: rng.random_bool(0.4).then(|| format!("91{i:011}")),
            })
        })
        .collect()
}

/// Writes a synthetic CSV file, then times what `import-producers` does
/// with it (read and check, then write) on an empty database, and a second
/// import of the same file. Everything lives in a temporary directory,
/// removed afterwards.
pub async fn run_import(opts: &ImportOptions) -> anyhow::Result<ImportReport> {
    let dir = std::env::temp_dir().join(format!(
        "pesanlokal-bench-import-{}-{}",
        std::process::id(),
        opts.seed
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let result = import_in(&dir, opts).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn import_in(dir: &std::path::Path, opts: &ImportOptions) -> anyhow::Result<ImportReport> {
    let regions = Regions::embedded();
    let csv_path = dir.join("produsen.csv");
    eprintln!("writing {} rows to {}…", opts.rows, csv_path.display());
    let list = records(&Lexicon::new(), opts.rows, opts.seed)?;
    let file = std::fs::File::create(&csv_path)?;
    producer_csv::write(std::io::BufWriter::new(file), &list, regions)?;
    drop(list);
    let file_bytes = std::fs::metadata(&csv_path)?.len();
    let pool = store::open(&format!("sqlite:{}", dir.join("import.db").display())).await?;
    let load_before = load_average();

    let started = Instant::now();
    let file = std::fs::File::open(&csv_path)?;
    let parsed = producer_csv::parse(std::io::BufReader::new(file), regions)?;
    let parse = started.elapsed();
    if let Some(first) = parsed.rejected.first() {
        anyhow::bail!(
            "{} synthetic rows were rejected, e.g. {first}",
            parsed.rejected.len()
        );
    }

    let started = Instant::now();
    let report =
        store::import::import_producers(&pool, &parsed, false, crate::clock::Clock::system().now())
            .await?;
    let import = started.elapsed();
    if report.added != opts.rows || !report.rejected.is_empty() {
        anyhow::bail!(
            "import added {} of {} rows: {report:?}",
            report.added,
            opts.rows
        );
    }

    let started = Instant::now();
    let report =
        store::import::import_producers(&pool, &parsed, false, crate::clock::Clock::system().now())
            .await?;
    let again = started.elapsed();
    if report.unchanged != opts.rows {
        anyhow::bail!("a second import changed rows: {report:?}");
    }
    let load = load_before.zip(load_average());
    pool.close().await;
    Ok(ImportReport {
        rows: opts.rows,
        file_bytes,
        parse,
        import,
        again,
        load,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_for_a_seed() {
        let lexicon = Lexicon::new();
        let a = generate(&lexicon, 300, 7);
        assert_eq!(a, generate(&lexicon, 300, 7));
        assert_ne!(a, generate(&lexicon, 300, 8));
        for kind in Kind::ALL {
            assert_eq!(
                queries(&lexicon, kind, 20, 7),
                queries(&lexicon, kind, 20, 7)
            );
        }
        for p in &a {
            assert!((1..=3).contains(&p.categories.len()), "{p:?}");
            assert!((2..=6).contains(&p.products.len()), "{p:?}");
        }
        let halal = a.iter().filter(|p| p.halal).count();
        assert!((120..=240).contains(&halal), "{halal}");
    }

    #[test]
    fn the_word_lists_and_big_cities_read_as_intended() {
        let lexicon = Lexicon::new();
        let regions = Regions::embedded();
        for city in BIG_CITIES {
            assert!(
                regions
                    .regencies()
                    .iter()
                    .any(|r| r.kind == RegencyKind::Kota && r.short_name == *city),
                "{city}"
            );
        }
        for w in ["amplang", "talam", "sasirangan", "kopi", "banner"] {
            assert!(lexicon.one_words.iter().any(|o| o == w), "{w}");
        }
        assert!(lexicon.two_words.iter().any(|o| o == "kue talam"));
        for text in queries(&lexicon, Kind::TwoWordsRegion, 50, 1) {
            let q = read_query(&text, regions);
            assert!(q.terms.len() == 2 && q.place.is_some(), "{text}: {q:?}");
        }
        for text in queries(&lexicon, Kind::CategoryRegion, 50, 1) {
            let q = read_query(&text, regions);
            assert!(
                q.terms.is_empty() && q.place.is_some() && !q.categories.is_empty(),
                "{text}: {q:?}"
            );
        }
        for text in queries(&lexicon, Kind::Typo, 50, 1) {
            assert!(!lexicon.prefixes_a_word(&text), "{text}");
        }
    }

    #[tokio::test]
    async fn a_tiny_import_run_completes() {
        let opts = ImportOptions { rows: 200, seed: 3 };
        let report = run_import(&opts).await.unwrap();
        assert_eq!(report.rows, 200);
        assert!(report.markdown().contains("import-producers"));
    }

    #[tokio::test]
    async fn a_tiny_run_completes() {
        let opts = SearchOptions {
            producers: 200,
            queries: 5,
            db: None,
            seed: 3,
        };
        let report = run_search(&opts).await.unwrap();
        assert_eq!(report.producers, 200);
        assert_eq!(report.kinds.len(), Kind::ALL.len());
        for k in &report.kinds {
            assert_eq!(k.times.len(), 5);
        }
        let one_word = &report.kinds[0];
        assert!(one_word.found >= 1, "{}", report.markdown());
        // A typo never matches exactly: it is found by the fallback or not at all.
        let typo = &report.kinds[3];
        assert_eq!(typo.found, typo.fuzzy, "{}", report.markdown());
        assert!(report.markdown().contains("| one product word |"));
    }
}
