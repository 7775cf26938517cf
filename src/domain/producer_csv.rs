//! The producer spreadsheet (PRODUCT.md §8): reading a CSV file into valid
//! producer records, with every bad row named by its line and the reason,
//! and writing records back in the same format.
//!
//! Pure: the caller hands in a reader or a writer and the region tables.
//! The reasons are short Indonesian sentences for the admin's CLI report.

use std::collections::HashMap;
use std::fmt;
use std::io::{Read, Write};

use super::registration::{self, FieldError};
use super::{Category, PhoneNumber, Place, RegionCode, Regions, Resolution};

/// The columns, in the order the writer puts them.
pub const COLUMNS: [&str; 13] = [
    "nama_usaha",
    "pemilik",
    "telepon",
    "kode_wilayah",
    "kecamatan",
    "kategori",
    "produk",
    "kapasitas_harian",
    "satuan",
    "min_hari_pesan",
    "min_pesanan",
    "halal",
    "nib",
];

/// The unit of `kapasitas_harian` when `satuan` is left empty.
pub const DEFAULT_UNIT: &str = "pcs";
/// The longest `satuan` accepted, in characters.
pub const UNIT_MAX_CHARS: usize = 20;
/// Values quoted back in a reason are cut to this many characters.
const SHOWN_MAX_CHARS: usize = 40;

// Column positions in `COLUMNS`.
const NAME: usize = 0;
const OWNER: usize = 1;
const PHONE: usize = 2;
const REGION: usize = 3;
const DISTRICT: usize = 4;
const CATEGORIES: usize = 5;
const PRODUCTS: usize = 6;
const CAPACITY: usize = 7;
const UNIT: usize = 8;
const LEAD_DAYS: usize = 9;
const MIN_ORDER: usize = 10;
const HALAL: usize = 11;
const NIB: usize = 12;

/// One producer as the spreadsheet describes it, every field valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProducerRecord {
    pub business_name: String,
    pub owner_name: Option<String>,
    pub phone: PhoneNumber,
    /// The regency, and the district (kecamatan) code when one was given.
    pub place: Place,
    /// Without duplicates, in the order of [`Category::ALL`].
    pub categories: Vec<Category>,
    /// Without duplicates (case-insensitive), in the order given.
    pub products: Vec<String>,
    pub daily_capacity: u32,
    /// Lowercase, one short word; [`DEFAULT_UNIT`] when left empty.
    pub capacity_unit: String,
    pub min_lead_days: u32,
    pub min_order: u32,
    pub halal: bool,
    /// 13 digits.
    pub nib: Option<String>,
}

/// A valid row and the physical line it starts on (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub record: ProducerRecord,
}

/// A row that was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub line: u64,
    pub reason: String,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "baris {}: {}", self.line, self.reason)
    }
}

/// What a file held: the valid rows and the rejected ones, each in line order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub rows: Vec<Row>,
    pub rejected: Vec<Rejected>,
}

/// Why a whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("baris 1: berkas kosong, tidak ada baris judul kolom")]
    Empty,
    #[error("baris 1: {0}")]
    Header(String),
    #[error("baris {line}: berkas tidak bisa dibaca: {message}")]
    Read { line: u64, message: String },
}

/// Reads a producer CSV file. The header may list the columns in any order
/// (names trimmed and case-insensitive, a UTF-8 BOM tolerated); a missing,
/// unknown or repeated column refuses the whole file. Every other problem
/// rejects only its row. Rows whose cells are all empty are skipped.
pub fn parse(input: impl Read, regions: &Regions) -> Result<Parsed, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Err(FileError::Empty),
        Err(e) => return Err(read_error(&e, 1)),
    }
    let positions = header_positions(&record)?;
    let width = record.len();

    let mut parsed = Parsed::default();
    let mut phones: HashMap<String, u64> = HashMap::new();
    let mut nibs: HashMap<String, u64> = HashMap::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = reader.position().line();
                return Err(read_error(&e, line));
            }
        }
        let line = record
            .position()
            .map_or_else(|| reader.position().line(), |p| p.line());
        let cells = match row_cells(&record, width) {
            Ok(Some(cells)) => cells,
            Ok(None) => continue,
            Err(reason) => {
                parsed.rejected.push(Rejected { line, reason });
                continue;
            }
        };
        let record = match row_record(&cells, &positions, regions) {
            Ok(r) => r,
            Err(reasons) => {
                parsed.rejected.push(Rejected {
                    line,
                    reason: reasons.join("; "),
                });
                continue;
            }
        };
        let mut duplicates = Vec::new();
        if let Some(first) = phones.get(record.phone.as_str()) {
            duplicates.push(format!(
                "nomor telepon {} sama dengan baris {first}",
                record.phone
            ));
        }
        if let Some(nib) = &record.nib
            && let Some(first) = nibs.get(nib)
        {
            duplicates.push(format!("nib {nib} sama dengan baris {first}"));
        }
        if !duplicates.is_empty() {
            parsed.rejected.push(Rejected {
                line,
                reason: duplicates.join("; "),
            });
            continue;
        }
        phones.insert(record.phone.as_str().to_owned(), line);
        if let Some(nib) = &record.nib {
            nibs.insert(nib.clone(), line);
        }
        parsed.rows.push(Row { line, record });
    }
    Ok(parsed)
}

fn read_error(e: &csv::Error, fallback_line: u64) -> FileError {
    FileError::Read {
        line: e.position().map_or(fallback_line, |p| p.line()),
        message: e.to_string(),
    }
}

/// Where each of [`COLUMNS`] is in the file.
fn header_positions(header: &csv::ByteRecord) -> Result<[usize; 13], FileError> {
    let mut found: [Option<usize>; 13] = [None; 13];
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let Ok(text) = std::str::from_utf8(raw) else {
            return Err(FileError::Header(
                "judul kolom bukan teks UTF-8 (simpan berkas sebagai CSV UTF-8)".into(),
            ));
        };
        let name = text.trim_start_matches('\u{feff}').trim().to_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(c) if found[c].is_some() => repeated.push(name),
            Some(c) => found[c] = Some(i),
            None => unknown.push(format!("\"{}\"", shown(&name))),
        }
    }
    let mut positions = [0; 13];
    let mut missing = Vec::new();
    for (column, f) in found.into_iter().enumerate() {
        match f {
            Some(i) => positions[column] = i,
            None => missing.push(COLUMNS[column]),
        }
    }
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(format!("kolom tidak ada: {}", missing.join(", ")));
    }
    if !unknown.is_empty() {
        problems.push(format!("kolom tidak dikenal: {}", unknown.join(", ")));
    }
    if !repeated.is_empty() {
        problems.push(format!("kolom ganda: {}", repeated.join(", ")));
    }
    if !problems.is_empty() {
        return Err(FileError::Header(format!(
            "{} (kolom yang diperlukan: {})",
            problems.join("; "),
            COLUMNS.join(",")
        )));
    }
    Ok(positions)
}

/// The cells of a row as text; `None` for a row whose cells are all empty.
fn row_cells(record: &csv::ByteRecord, width: usize) -> Result<Option<Vec<&str>>, String> {
    let mut cells = Vec::with_capacity(record.len());
    for raw in record {
        let text = std::str::from_utf8(raw)
            .map_err(|_| "bukan teks UTF-8 (simpan berkas sebagai CSV UTF-8)".to_string())?;
        cells.push(text);
    }
    if cells.iter().all(|c| c.trim().is_empty()) {
        return Ok(None);
    }
    // Spreadsheets sometimes add empty cells at the end of a row.
    while cells.len() > width && cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    if cells.len() != width {
        return Err(format!(
            "jumlah kolom {}, seharusnya {width} seperti baris judul",
            cells.len()
        ));
    }
    Ok(Some(cells))
}

/// Checks every cell of one row; all the problems found, when any.
fn row_record(
    cells: &[&str],
    positions: &[usize; 13],
    regions: &Regions,
) -> Result<ProducerRecord, Vec<String>> {
    let get = |column: usize| cells[positions[column]].trim();
    let mut problems = Vec::new();
    let mut check = Checker(&mut problems);

    let business_name = check.take(
        registration::business_name(get(NAME))
            .map_err(|e| field_problem("nama_usaha", &e, get(NAME))),
    );
    let owner_name = check.take(optional(get(OWNER), |s| {
        registration::person_name(s).map_err(|e| field_problem("pemilik", &e, s))
    }));
    let phone = check.take(phone(get(PHONE)));
    let place = check.take(place(get(REGION), get(DISTRICT), regions));
    let categories = check.take(categories(get(CATEGORIES)));
    let products = check.take(products(get(PRODUCTS)));
    let daily_capacity = check.take(
        registration::daily_capacity(get(CAPACITY))
            .map_err(|e| field_problem("kapasitas_harian", &e, get(CAPACITY))),
    );
    let capacity_unit = check.take(unit(get(UNIT)));
    let min_lead_days = check.take(
        registration::min_lead_days(get(LEAD_DAYS))
            .map_err(|e| field_problem("min_hari_pesan", &e, get(LEAD_DAYS))),
    );
    let min_order = check.take(
        registration::min_order(get(MIN_ORDER))
            .map_err(|e| field_problem("min_pesanan", &e, get(MIN_ORDER))),
    );
    let halal = check.take(halal(get(HALAL)));
    let nib = check.take(optional(get(NIB), |s| {
        registration::nib(s).map_err(|e| field_problem("nib", &e, s))
    }));

    // Every cell was checked, so that the row's reason names every problem;
    // a record only when none of them failed.
    let record = || {
        Some(ProducerRecord {
            business_name: business_name?,
            owner_name: owner_name?,
            phone: phone?,
            place: place?,
            categories: categories?,
            products: products?,
            daily_capacity: daily_capacity?,
            capacity_unit: capacity_unit?,
            min_lead_days: min_lead_days?,
            min_order: min_order?,
            halal: halal?,
            nib: nib?,
        })
    };
    record().ok_or(problems)
}

/// Collects the problems of one row while its cells are checked.
struct Checker<'a>(&'a mut Vec<String>);

impl Checker<'_> {
    fn take<T>(&mut self, result: Result<T, String>) -> Option<T> {
        result.map_err(|p| self.0.push(p)).ok()
    }
}

fn optional<T>(text: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// A value quoted back in a reason, cut short.
fn shown(text: &str) -> String {
    let text = registration::clean_text(text);
    if text.chars().count() > SHOWN_MAX_CHARS {
        let cut: String = text.chars().take(SHOWN_MAX_CHARS).collect();
        format!("{cut}…")
    } else {
        text
    }
}

/// One sentence for what was wrong with a column.
fn field_problem(column: &str, error: &FieldError, value: &str) -> String {
    match error {
        FieldError::Empty => format!("{column} kosong"),
        FieldError::TooShort { min } => {
            format!("{column} terlalu pendek (minimal {min} karakter)")
        }
        FieldError::TooLong { max } => {
            format!("{column} terlalu panjang (maksimal {max} karakter)")
        }
        FieldError::NoLetters => format!("{column} harus mengandung huruf"),
        FieldError::NotANumber => {
            format!("{column} bukan bilangan bulat (\"{}\")", shown(value))
        }
        FieldError::Negative => format!("{column} tidak boleh negatif (\"{}\")", shown(value)),
        FieldError::TooSmall { min: 1 } => format!("{column} harus lebih dari 0"),
        FieldError::TooSmall { min } => format!("{column} minimal {min}"),
        FieldError::TooLarge { max } => format!("{column} terlalu besar (maksimal {max})"),
        FieldError::TooMany { max } => format!("{column} lebih dari {max} item"),
        FieldError::BadNib => format!("nib harus 13 angka (\"{}\")", shown(value)),
    }
}

fn phone(text: &str) -> Result<PhoneNumber, String> {
    if text.is_empty() {
        return Err("telepon kosong".into());
    }
    PhoneNumber::parse(text).map_err(|_| {
        format!(
            "nomor telepon bukan nomor HP Indonesia (\"{}\")",
            shown(text)
        )
    })
}

/// The regency of `kode_wilayah` (a code or a name) and the district named
/// in `kecamatan` within it.
fn place(region: &str, district: &str, regions: &Regions) -> Result<Place, String> {
    if region.is_empty() {
        return Err("kode_wilayah kosong".into());
    }
    let found = match regions.resolve(region) {
        Resolution::Found(place) => place,
        Resolution::Ambiguous(places) => {
            let mut regencies: Vec<&RegionCode> = Vec::new();
            for p in &places {
                if !regencies.contains(&&p.regency) {
                    regencies.push(&p.regency);
                }
            }
            match regencies.as_slice() {
                [only] => Place {
                    regency: (*only).clone(),
                    district: None,
                },
                _ => {
                    return Err(format!(
                        "kode_wilayah \"{}\" tidak jelas, bisa {}; tulis kodenya",
                        shown(region),
                        regencies
                            .iter()
                            .map(|c| regency_label(c, regions))
                            .collect::<Vec<_>>()
                            .join(" atau ")
                    ));
                }
            }
        }
        Resolution::NotFound { suggestions } => {
            let mut reason = format!("kode_wilayah \"{}\" tidak dikenal", shown(region));
            let mut named: Vec<String> = Vec::new();
            for p in suggestions.iter().filter(|p| p.district.is_none()) {
                let label = regency_label(&p.regency, regions);
                if !named.contains(&label) {
                    named.push(label);
                }
            }
            if !named.is_empty() {
                reason.push_str(&format!(" (mungkin {})", named.join(", ")));
            }
            return Err(reason);
        }
    };
    if district.is_empty() {
        // A district name in kode_wilayah ("tenggarong") names the district too.
        return Ok(found);
    }
    let regency = found.regency;
    let code = district_of(district, &regency, regions).ok_or_else(|| {
        format!(
            "kecamatan \"{}\" tidak ada di {}",
            shown(district),
            regions
                .regency(&regency)
                .map_or_else(|| regency.to_string(), |r| r.name.clone())
        )
    })?;
    Ok(Place {
        regency,
        district: Some(code),
    })
}

/// "Kota Tangerang (36.71)".
fn regency_label(code: &RegionCode, regions: &Regions) -> String {
    match regions.regency(code) {
        Some(r) => format!("{} ({code})", r.name),
        None => code.to_string(),
    }
}

/// Lowercase letters and digits only: "Tenggarong  Seberang" and
/// "tenggarong-seberang" meet at "tenggarongseberang".
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The code of the district of `regency` that `text` names (its name, with
/// or without "kecamatan"/"kec.", or its code).
fn district_of(text: &str, regency: &RegionCode, regions: &Regions) -> Option<String> {
    let text = text.trim();
    let lower = text.to_lowercase();
    let mut keys = vec![key(text)];
    for prefix in ["kecamatan", "kec.", "kec "] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            keys.push(key(rest));
        }
    }
    regions
        .districts_of(regency)
        .find(|d| d.code == text || keys.contains(&key(&d.name)))
        .map(|d| d.code.clone())
}

/// Names a category goes by besides its slug (the `categories` table's
/// Indonesian and English names, and a few common spellings).
const CATEGORY_NAMES: &[(Category, &[&str])] = &[
    (Category::Katering, &["Katering", "Catering"]),
    (Category::Snack, &["Snack & kue", "Snacks & cakes", "Snack"]),
    (Category::OlehOleh, &["Oleh-oleh", "Local specialties"]),
    (Category::Minuman, &["Minuman", "Drinks"]),
    (Category::Merchandise, &["Merchandise"]),
    (Category::Kerajinan, &["Kerajinan", "Handicrafts"]),
    (Category::Fesyen, &["Fesyen", "Fashion"]),
    (Category::Percetakan, &["Percetakan", "Printing"]),
    (Category::Dekorasi, &["Dekorasi", "Decoration"]),
];

/// A category by slug or name, case-insensitive, ignoring spaces and
/// punctuation (`oleh_oleh`, `Oleh-oleh`, `SNACK`).
pub fn category_named(text: &str) -> Option<Category> {
    let wanted = key(text);
    if wanted.is_empty() {
        return None;
    }
    Category::ALL.into_iter().find(|c| {
        key(c.slug()) == wanted
            || CATEGORY_NAMES
                .iter()
                .any(|(cat, names)| cat == c && names.iter().any(|n| key(n) == wanted))
    })
}

fn categories(text: &str) -> Result<Vec<Category>, String> {
    let mut chosen = Vec::new();
    let mut unknown = Vec::new();
    for item in text.split([';', ',', '\n']) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        match category_named(item) {
            Some(c) => chosen.push(c),
            None => unknown.push(format!("\"{}\"", shown(item))),
        }
    }
    if !unknown.is_empty() {
        return Err(format!(
            "kategori tidak dikenal: {} (pilihan: {})",
            unknown.join(", "),
            Category::ALL.map(Category::slug).join(", ")
        ));
    }
    if chosen.is_empty() {
        return Err("kategori kosong".into());
    }
    Ok(Category::ALL
        .into_iter()
        .filter(|c| chosen.contains(c))
        .collect())
}

/// Products separated by `;` (or new lines), each following the
/// registration rule for a product name.
fn products(text: &str) -> Result<Vec<String>, String> {
    let mut items: Vec<String> = Vec::new();
    for raw in text.split([';', '\n']) {
        if raw.trim().is_empty() {
            continue;
        }
        if registration::clean_text(raw).chars().count() > registration::PRODUCT_MAX_CHARS {
            return Err(format!(
                "produk \"{}\" terlalu panjang (maksimal {} karakter)",
                shown(raw),
                registration::PRODUCT_MAX_CHARS
            ));
        }
        // A product name follows the same rule as a business name.
        let item = registration::business_name(raw)
            .map_err(|e| format!("{} (\"{}\")", field_problem("produk", &e, raw), shown(raw)))?;
        if !items
            .iter()
            .any(|i| i.to_lowercase() == item.to_lowercase())
        {
            items.push(item);
        }
    }
    if items.is_empty() {
        return Err("produk kosong".into());
    }
    if items.len() > registration::PRODUCTS_MAX {
        return Err(format!(
            "produk lebih dari {} item",
            registration::PRODUCTS_MAX
        ));
    }
    Ok(items)
}

/// One short word such as `pcs`, `kotak`, `porsi`; lowercase.
fn unit(text: &str) -> Result<String, String> {
    let unit = registration::clean_text(text).to_lowercase();
    if unit.is_empty() {
        return Ok(DEFAULT_UNIT.to_owned());
    }
    if unit.chars().count() > UNIT_MAX_CHARS || !unit.chars().all(char::is_alphabetic) {
        return Err(format!(
            "satuan harus satu kata pendek seperti pcs, kotak atau porsi (\"{}\")",
            shown(text)
        ));
    }
    Ok(unit)
}

fn halal(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "ya" | "y" | "yes" | "1" => Ok(true),
        "tidak" | "tdk" | "t" | "no" | "n" | "0" => Ok(false),
        "" => Err("halal kosong (isi ya atau tidak)".into()),
        _ => Err(format!("halal harus ya atau tidak (\"{}\")", shown(text))),
    }
}

/// Writes the header and one row per record, in the format [`parse`]
/// reads: `kode_wilayah` as the code, `kecamatan` as the district's name,
/// `kategori` as slugs, `halal` as `ya`/`tidak`.
pub fn write(output: impl Write, records: &[ProducerRecord], regions: &Regions) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record(COLUMNS)?;
    for r in records {
        let district = r
            .place
            .district
            .as_deref()
            .map(|code| regions.district(code).map_or(code, |d| d.name.as_str()))
            .unwrap_or_default();
        let categories = r
            .categories
            .iter()
            .map(|c| c.slug())
            .collect::<Vec<_>>()
            .join("; ");
        let products = r.products.join("; ");
        let capacity = r.daily_capacity.to_string();
        let lead_days = r.min_lead_days.to_string();
        let min_order = r.min_order.to_string();
        let mut cells = [""; 13];
        cells[NAME] = &r.business_name;
        cells[OWNER] = r.owner_name.as_deref().unwrap_or_default();
        cells[PHONE] = r.phone.as_str();
        cells[REGION] = r.place.regency.as_str();
        cells[DISTRICT] = district;
        cells[CATEGORIES] = &categories;
        cells[PRODUCTS] = &products;
        cells[CAPACITY] = &capacity;
        cells[UNIT] = &r.capacity_unit;
        cells[LEAD_DAYS] = &lead_days;
        cells[MIN_ORDER] = &min_order;
        cells[HALAL] = if r.halal { "ya" } else { "tidak" };
        cells[NIB] = r.nib.as_deref().unwrap_or_default();
        writer.write_record(cells)?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> &'static Regions {
        Regions::embedded()
    }

    const HEADER: &str = "nama_usaha,pemilik,telepon,kode_wilayah,kecamatan,kategori,produk,\
                          kapasitas_harian,satuan,min_hari_pesan,min_pesanan,halal,nib";

    /// A valid row, in `COLUMNS` order.
    const GOOD: [&str; 13] = [
        "Amplang Bu Sari",
        "Sari Wulandari",
        "0812-3456-7890",
        "64.72",
        "Sungai Kunjang",
        "oleh_oleh; snack",
        "Amplang; Kerupuk ikan",
        "200",
        "bungkus",
        "3",
        "20",
        "ya",
        "1234567890123",
    ];

    /// One CSV line: the good row with some columns replaced.
    fn row(changes: &[(&str, &str)]) -> String {
        let mut cells = GOOD.map(str::to_owned);
        for (column, value) in changes {
            let i = COLUMNS.iter().position(|c| c == column).expect("column");
            cells[i] = (*value).to_owned();
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        w.write_record(&cells).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    fn file(rows: &[String]) -> String {
        format!("{HEADER}\n{}", rows.concat())
    }

    fn read(text: &str) -> Parsed {
        parse(text.as_bytes(), regions()).expect("file accepted")
    }

    /// The one record of a one-row file, or the reason it was rejected.
    fn one(changes: &[(&str, &str)]) -> Result<ProducerRecord, String> {
        let parsed = read(&file(&[row(changes)]));
        match (parsed.rows.as_slice(), parsed.rejected.as_slice()) {
            ([r], []) => Ok(r.record.clone()),
            ([], [r]) => Err(r.reason.clone()),
            other => panic!("one row expected: {other:?}"),
        }
    }

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap()
    }

    #[test]
    fn a_valid_row_becomes_a_record_with_every_field_normalised() {
        let record = one(&[]).unwrap();
        assert_eq!(
            record,
            ProducerRecord {
                business_name: "Amplang Bu Sari".into(),
                owner_name: Some("Sari Wulandari".into()),
                phone: PhoneNumber::parse("+6281234567890").unwrap(),
                place: Place {
                    regency: code("64.72"),
                    district: Some("64.72.06".into()),
                },
                categories: vec![Category::Snack, Category::OlehOleh],
                products: vec!["Amplang".into(), "Kerupuk ikan".into()],
                daily_capacity: 200,
                capacity_unit: "bungkus".into(),
                min_lead_days: 3,
                min_order: 20,
                halal: true,
                nib: Some("1234567890123".into()),
            }
        );
    }

    #[test]
    fn rows_report_the_line_they_start_on() {
        let parsed = read(&file(&[
            row(&[]),
            row(&[("telepon", "0812 0000 0002"), ("nib", "")]),
        ]));
        let lines: Vec<u64> = parsed.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3]);
    }

    #[test]
    fn line_numbers_count_the_lines_inside_quoted_multi_line_fields() {
        let text = file(&[
            row(&[("produk", "Amplang\nKerupuk ikan\nKeripik")]),
            row(&[("telepon", "abc"), ("nib", "")]),
            row(&[
                ("telepon", "0812 0000 0003"),
                ("nib", ""),
                ("nama_usaha", "Kue\r\nTalam"),
            ]),
            row(&[
                ("telepon", "0812 0000 0004"),
                ("nib", ""),
                ("halal", "mungkin"),
            ]),
        ]);
        let parsed = read(&text);
        assert_eq!(parsed.rows[0].line, 2);
        assert_eq!(
            parsed.rows[0].record.products,
            ["Amplang", "Kerupuk ikan", "Keripik"]
        );
        // Row 1 spans lines 2-4, so the bad phone is on line 5.
        assert_eq!(parsed.rejected[0].line, 5);
        assert!(parsed.rejected[0].reason.contains("telepon"));
        assert_eq!(parsed.rows[1].line, 6);
        assert_eq!(parsed.rows[1].record.business_name, "Kue Talam");
        assert_eq!(parsed.rejected[1].line, 8);
        assert!(parsed.rejected[1].reason.contains("halal"));
    }

    #[test]
    fn columns_in_another_order_with_capitals_and_spaces_are_accepted() {
        let mut columns: Vec<&str> = COLUMNS.to_vec();
        columns.reverse();
        let header = columns
            .iter()
            .map(|c| format!(" {} ", c.to_uppercase()))
            .collect::<Vec<_>>()
            .join(",");
        let mut values: Vec<&str> = GOOD.to_vec();
        values.reverse();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&values).unwrap();
        let body = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let parsed = read(&format!("{header}\n{body}"));
        assert_eq!(parsed.rejected, []);
        assert_eq!(parsed.rows[0].record, one(&[]).unwrap());
    }

    #[test]
    fn a_utf8_byte_order_mark_before_the_header_is_tolerated() {
        let text = format!("\u{feff}{}", file(&[row(&[])]));
        let parsed = read(&text);
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].line, 2);
    }

    #[test]
    fn a_missing_column_refuses_the_whole_file_naming_it_on_line_1() {
        let text = "nama_usaha,telepon\nAmplang,08123456789\n";
        let err = parse(text.as_bytes(), regions()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("baris 1: kolom tidak ada: pemilik, "),
            "{message}"
        );
        assert!(message.contains("nib"), "{message}");
    }

    #[test]
    fn an_unknown_or_repeated_column_refuses_the_whole_file() {
        let text = format!("{HEADER},alamat\n");
        let err = parse(text.as_bytes(), regions()).unwrap_err().to_string();
        assert!(err.contains("kolom tidak dikenal: \"alamat\""), "{err}");
        let text = format!("{HEADER},Telepon\n");
        let err = parse(text.as_bytes(), regions()).unwrap_err().to_string();
        assert!(err.contains("kolom ganda: telepon"), "{err}");
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert_eq!(parse(&b""[..], regions()), Err(FileError::Empty));
    }

    #[test]
    fn a_header_alone_gives_no_rows() {
        assert_eq!(read(HEADER), Parsed::default());
    }

    #[test]
    fn a_missing_business_name_is_rejected() {
        assert_eq!(
            one(&[("nama_usaha", "  ")]),
            Err("nama_usaha kosong".into())
        );
        assert!(one(&[("nama_usaha", "123")]).unwrap_err().contains("huruf"));
    }

    #[test]
    fn the_owner_is_optional() {
        assert_eq!(one(&[("pemilik", "")]).unwrap().owner_name, None);
    }

    #[test]
    fn usual_phone_forms_are_stored_as_plus_62_and_others_rejected() {
        for phone in ["0812-3456-7890", "+62 812 3456 7890", "6281234567890"] {
            assert_eq!(
                one(&[("telepon", phone)]).unwrap().phone.as_str(),
                "+6281234567890"
            );
        }
        assert_eq!(
            one(&[("telepon", "021-555-1234")]),
            Err("nomor telepon bukan nomor HP Indonesia (\"021-555-1234\")".into())
        );
        assert_eq!(one(&[("telepon", "")]), Err("telepon kosong".into()));
    }

    #[test]
    fn the_region_may_be_a_code_a_name_or_an_alias() {
        for (text, expected) in [
            ("64.72", "64.72"),
            ("Kota Samarinda", "64.72"),
            ("samarinda", "64.72"),
            ("kukar", "64.02"),
            ("Kabupaten Kutai Kartanegara", "64.02"),
        ] {
            let record = one(&[("kode_wilayah", text), ("kecamatan", "")]).unwrap();
            assert_eq!(record.place.regency, code(expected), "{text}");
            assert_eq!(record.place.district, None, "{text}");
        }
    }

    #[test]
    fn a_district_name_as_the_region_names_its_regency_and_the_district() {
        let record = one(&[("kode_wilayah", "tenggarong"), ("kecamatan", "")]).unwrap();
        assert_eq!(
            record.place,
            Place {
                regency: code("64.02"),
                district: Some("64.02.06".into())
            }
        );
    }

    #[test]
    fn an_unknown_region_is_rejected_naming_the_value() {
        assert_eq!(
            one(&[("kode_wilayah", "99.99"), ("kecamatan", "")]),
            Err("kode_wilayah \"99.99\" tidak dikenal".into())
        );
        let reason = one(&[("kode_wilayah", "samrinda"), ("kecamatan", "")]).unwrap_err();
        assert!(
            reason.starts_with(
                "kode_wilayah \"samrinda\" tidak dikenal (mungkin Kota Samarinda (64.72)"
            ),
            "{reason}"
        );
        assert_eq!(
            one(&[("kode_wilayah", "")]),
            Err("kode_wilayah kosong".into())
        );
    }

    #[test]
    fn an_ambiguous_region_is_rejected_naming_the_candidates() {
        assert_eq!(
            one(&[("kode_wilayah", "tangerang"), ("kecamatan", "")]),
            Err(
                "kode_wilayah \"tangerang\" tidak jelas, bisa Kota Tangerang (36.71) atau \
                 Kabupaten Tangerang (36.03); tulis kodenya"
                    .into()
            )
        );
    }

    #[test]
    fn the_district_is_matched_within_the_regency_ignoring_case_and_spaces() {
        for text in [
            "Sungai Kunjang",
            "sungai   kunjang",
            "SUNGAIKUNJANG",
            "Kecamatan Sungai Kunjang",
            "kec. sungai kunjang",
            "64.72.06",
        ] {
            assert_eq!(
                one(&[("kecamatan", text)])
                    .unwrap()
                    .place
                    .district
                    .as_deref(),
                Some("64.72.06"),
                "{text}"
            );
        }
        assert_eq!(
            one(&[
                ("kode_wilayah", "kukar"),
                ("kecamatan", "tenggarong  seberang")
            ])
            .unwrap()
            .place
            .district
            .as_deref(),
            Some("64.02.16")
        );
    }

    #[test]
    fn a_district_of_another_regency_is_rejected() {
        assert_eq!(
            one(&[("kecamatan", "Tenggarong")]),
            Err("kecamatan \"Tenggarong\" tidak ada di Kota Samarinda".into())
        );
    }

    #[test]
    fn categories_are_slugs_or_names_in_any_case() {
        let record = one(&[("kategori", "Oleh-oleh;SNACK; katering ;fashion;")]).unwrap();
        assert_eq!(
            record.categories,
            [
                Category::Katering,
                Category::Snack,
                Category::OlehOleh,
                Category::Fesyen
            ]
        );
        assert_eq!(
            one(&[("kategori", "snack;oleh oleh;Snack & kue")])
                .unwrap()
                .categories,
            [Category::Snack, Category::OlehOleh]
        );
        for c in Category::ALL {
            assert_eq!(category_named(c.slug()), Some(c));
        }
    }

    #[test]
    fn an_unknown_category_is_rejected_naming_the_value() {
        let reason = one(&[("kategori", "snack; senjata")]).unwrap_err();
        assert!(
            reason.starts_with("kategori tidak dikenal: \"senjata\" (pilihan: katering, snack"),
            "{reason}"
        );
        assert_eq!(one(&[("kategori", " ; ")]), Err("kategori kosong".into()));
    }

    #[test]
    fn products_are_separated_by_semicolons_without_duplicates() {
        assert_eq!(
            one(&[("produk", "Amplang; kerupuk ikan, udang ;amplang;")])
                .unwrap()
                .products,
            ["Amplang", "kerupuk ikan, udang"]
        );
        assert_eq!(one(&[("produk", ";")]), Err("produk kosong".into()));
        let long = "x".repeat(61);
        assert!(
            one(&[("produk", &long)])
                .unwrap_err()
                .contains("terlalu panjang (maksimal 60 karakter)")
        );
        let many = (0..31)
            .map(|i| format!("produk {i}"))
            .collect::<Vec<_>>()
            .join(";");
        assert_eq!(
            one(&[("produk", &many)]),
            Err("produk lebih dari 30 item".into())
        );
    }

    #[test]
    fn capacity_and_minimum_order_must_be_above_zero_and_lead_days_not_negative() {
        assert_eq!(
            one(&[("kapasitas_harian", "-5")]),
            Err("kapasitas_harian tidak boleh negatif (\"-5\")".into())
        );
        assert_eq!(
            one(&[("kapasitas_harian", "0")]),
            Err("kapasitas_harian harus lebih dari 0".into())
        );
        assert_eq!(
            one(&[("kapasitas_harian", "banyak")]),
            Err("kapasitas_harian bukan bilangan bulat (\"banyak\")".into())
        );
        assert_eq!(
            one(&[("kapasitas_harian", "1.500")])
                .unwrap()
                .daily_capacity,
            1500
        );
        assert_eq!(one(&[("min_hari_pesan", "0")]).unwrap().min_lead_days, 0);
        assert_eq!(
            one(&[("min_hari_pesan", "2 minggu")])
                .unwrap()
                .min_lead_days,
            14
        );
        assert_eq!(
            one(&[("min_hari_pesan", "-1")]),
            Err("min_hari_pesan tidak boleh negatif (\"-1\")".into())
        );
        assert_eq!(
            one(&[("min_pesanan", "0")]),
            Err("min_pesanan harus lebih dari 0".into())
        );
        assert_eq!(
            one(&[("min_pesanan", "")]),
            Err("min_pesanan kosong".into())
        );
    }

    #[test]
    fn the_unit_defaults_to_pcs_and_must_be_one_short_word() {
        assert_eq!(one(&[("satuan", "")]).unwrap().capacity_unit, "pcs");
        assert_eq!(
            one(&[("satuan", " Kotak ")]).unwrap().capacity_unit,
            "kotak"
        );
        assert!(
            one(&[("satuan", "kotak besar")])
                .unwrap_err()
                .starts_with("satuan")
        );
        assert!(one(&[("satuan", "x".repeat(21).as_str())]).is_err());
    }

    #[test]
    fn halal_accepts_ya_or_tidak_and_the_usual_short_forms() {
        for yes in ["ya", "YA", "y", "yes", "1"] {
            assert!(one(&[("halal", yes)]).unwrap().halal, "{yes}");
        }
        for no in ["tidak", "Tidak", "t", "no", "N", "0"] {
            assert!(!one(&[("halal", no)]).unwrap().halal, "{no}");
        }
        assert_eq!(
            one(&[("halal", "mungkin")]),
            Err("halal harus ya atau tidak (\"mungkin\")".into())
        );
        assert_eq!(
            one(&[("halal", "")]),
            Err("halal kosong (isi ya atau tidak)".into())
        );
    }

    #[test]
    fn the_nib_is_optional_but_thirteen_digits_when_given() {
        assert_eq!(one(&[("nib", "")]).unwrap().nib, None);
        assert_eq!(
            one(&[("nib", "1234-5678-90123")]).unwrap().nib.as_deref(),
            Some("1234567890123")
        );
        assert_eq!(
            one(&[("nib", "12345")]),
            Err("nib harus 13 angka (\"12345\")".into())
        );
    }

    #[test]
    fn every_problem_of_a_row_is_named_in_its_reason() {
        assert_eq!(
            one(&[("nama_usaha", ""), ("telepon", "12"), ("halal", "?")]),
            Err(
                "nama_usaha kosong; nomor telepon bukan nomor HP Indonesia (\"12\"); \
                 halal harus ya atau tidak (\"?\")"
                    .into()
            )
        );
    }

    #[test]
    fn a_phone_or_nib_seen_on_an_earlier_row_is_rejected_naming_that_row() {
        let parsed = read(&file(&[
            row(&[]),
            row(&[("telepon", "+62 812 3456 7890"), ("nib", "")]),
            row(&[("telepon", "0812 0000 0003")]),
            row(&[("telepon", "0812 0000 0004"), ("nib", "")]),
        ]));
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(
            parsed.rejected,
            [
                Rejected {
                    line: 3,
                    reason: "nomor telepon +6281234567890 sama dengan baris 2".into()
                },
                Rejected {
                    line: 4,
                    reason: "nib 1234567890123 sama dengan baris 2".into()
                },
            ]
        );
        assert_eq!(
            parsed.rejected[0].to_string(),
            "baris 3: nomor telepon +6281234567890 sama dengan baris 2"
        );
    }

    #[test]
    fn a_rejected_row_does_not_count_as_seen() {
        let parsed = read(&file(&[row(&[("kapasitas_harian", "0")]), row(&[])]));
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(parsed.rows[0].line, 3);
    }

    #[test]
    fn rows_with_the_wrong_number_of_cells_are_rejected_and_empty_rows_skipped() {
        let text = format!(
            "{HEADER}\n\n,,,,,,,,,,,,\nAmplang,Sari,0812\n{}",
            row(&[]).trim_end().to_owned() + ",,\n"
        );
        let parsed = read(&text);
        assert_eq!(
            parsed.rejected,
            [Rejected {
                line: 4,
                reason: "jumlah kolom 3, seharusnya 13 seperti baris judul".into()
            }]
        );
        // Empty cells after the last column are tolerated.
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].line, 5);
    }

    #[test]
    fn a_row_that_is_not_utf8_is_rejected_alone() {
        let mut bytes = file(&[row(&[("nama_usaha", "Kue Ibu")])]).into_bytes();
        let at = bytes.windows(3).position(|w| w == b"Ibu").unwrap();
        bytes[at] = 0xff;
        bytes.extend(row(&[("telepon", "0812 0000 0009"), ("nib", "")]).into_bytes());
        let parsed = parse(&bytes[..], regions()).unwrap();
        assert_eq!(
            parsed.rejected,
            [Rejected {
                line: 2,
                reason: "bukan teks UTF-8 (simpan berkas sebagai CSV UTF-8)".into()
            }]
        );
        assert_eq!(parsed.rows.len(), 1);
    }

    #[test]
    fn written_records_read_back_the_same() {
        let records: Vec<ProducerRecord> = read(&file(&[
            row(&[("nama_usaha", "Kue \"Talam\", Acil")]),
            row(&[
                ("telepon", "0812 0000 0002"),
                ("nib", ""),
                ("pemilik", ""),
                ("kecamatan", ""),
                ("kode_wilayah", "kukar"),
                ("halal", "tidak"),
                ("produk", "Tas anjat\nTikar rotan"),
            ]),
        ]))
        .rows
        .into_iter()
        .map(|r| r.record)
        .collect();
        assert_eq!(records.len(), 2);
        let mut out = Vec::new();
        write(&mut out, &records, regions()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with(&format!("{}\n", COLUMNS.join(","))),
            "{text}"
        );
        assert!(
            text.contains(",64.72,Sungai Kunjang,snack; oleh_oleh,"),
            "{text}"
        );
        assert!(text.contains(",ya,1234567890123\n"), "{text}");
        let again: Vec<ProducerRecord> = read(&text).rows.into_iter().map(|r| r.record).collect();
        assert_eq!(again, records);
    }
}
