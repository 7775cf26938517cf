//! The rules for what people type while registering. Each function parses
//! once and returns a value that is valid from then on, or says what is wrong.

use super::number::{self, NumberError};

pub const NAME_MAX_CHARS: usize = 100;
pub const OFFICE_MAX_CHARS: usize = 150;
pub const PRODUCT_MAX_CHARS: usize = 60;
pub const PRODUCTS_MAX: usize = 30;
pub const CAPACITY_MAX: u64 = 1_000_000;
pub const LEAD_DAYS_MAX: u64 = 365;
pub const MIN_ORDER_MAX: u64 = 1_000_000;

/// What was wrong with one answer. The telegram room turns each into a
/// localized sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("empty")]
    Empty,
    #[error("shorter than {min} characters")]
    TooShort { min: usize },
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    #[error("has no letters")]
    NoLetters,
    #[error("not a whole number")]
    NotANumber,
    #[error("negative")]
    Negative,
    #[error("below {min}")]
    TooSmall { min: u64 },
    #[error("above {max}")]
    TooLarge { max: u64 },
    #[error("more than {max} items")]
    TooMany { max: usize },
    #[error("NIB must be 13 digits")]
    BadNib,
}

/// Trims, drops control characters and folds runs of white space.
pub fn clean_text(input: &str) -> String {
    input
        .split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn bounded_name(input: &str, max: usize) -> Result<String, FieldError> {
    let text = clean_text(input);
    let len = text.chars().count();
    if len == 0 {
        return Err(FieldError::Empty);
    }
    if len < 2 {
        return Err(FieldError::TooShort { min: 2 });
    }
    if len > max {
        return Err(FieldError::TooLong { max });
    }
    if !text.chars().any(char::is_alphabetic) {
        return Err(FieldError::NoLetters);
    }
    Ok(text)
}

/// A business name: 2–100 characters with at least one letter. Any
/// characters are kept as typed (`<b>`, `&`, `_*[` included); escaping is the
/// job of whoever shows it.
pub fn business_name(input: &str) -> Result<String, FieldError> {
    bounded_name(input, NAME_MAX_CHARS)
}

pub fn person_name(input: &str) -> Result<String, FieldError> {
    bounded_name(input, NAME_MAX_CHARS)
}

pub fn office_name(input: &str) -> Result<String, FieldError> {
    bounded_name(input, OFFICE_MAX_CHARS)
}

/// Products as a list separated by commas, semicolons or new lines.
pub fn products(input: &str) -> Result<Vec<String>, FieldError> {
    if input.chars().count() > PRODUCTS_MAX * (PRODUCT_MAX_CHARS + 2) {
        return Err(FieldError::TooLong {
            max: PRODUCTS_MAX * PRODUCT_MAX_CHARS,
        });
    }
    let mut items: Vec<String> = Vec::new();
    for raw in input.split([',', ';', '\n']) {
        let item = clean_text(raw);
        if item.is_empty() {
            continue;
        }
        let item = bounded_name(&item, PRODUCT_MAX_CHARS)?;
        if !items
            .iter()
            .any(|i| i.to_lowercase() == item.to_lowercase())
        {
            items.push(item);
        }
    }
    if items.is_empty() {
        return Err(FieldError::Empty);
    }
    if items.len() > PRODUCTS_MAX {
        return Err(FieldError::TooMany { max: PRODUCTS_MAX });
    }
    Ok(items)
}

fn bounded_number(input: &str, min: u64, max: u64) -> Result<u32, FieldError> {
    if clean_text(input).is_empty() {
        return Err(FieldError::Empty);
    }
    if number::looks_negative(input) {
        return Err(FieldError::Negative);
    }
    let value = match number::parse_whole(input) {
        Ok(v) => v,
        Err(NumberError::TooLarge) => return Err(FieldError::TooLarge { max }),
        Err(_) => return Err(FieldError::NotANumber),
    };
    if value < min {
        return Err(FieldError::TooSmall { min });
    }
    if value > max {
        return Err(FieldError::TooLarge { max });
    }
    u32::try_from(value).map_err(|_| FieldError::TooLarge { max })
}

/// How many units a producer can make in one day: 1 to 1,000,000.
pub fn daily_capacity(input: &str) -> Result<u32, FieldError> {
    bounded_number(input, 1, CAPACITY_MAX)
}

/// How many days ahead an order must come: 0 to 365. `2 minggu` is 14
/// days, `1 bulan` 30, `1 tahun` 365.
pub fn min_lead_days(input: &str) -> Result<u32, FieldError> {
    let lower = input.to_lowercase();
    let per_unit = lower
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|w| match w {
            "hari" => Some(1),
            "minggu" | "pekan" => Some(7),
            "bulan" => Some(30),
            "tahun" => Some(365),
            _ => None,
        })
        .unwrap_or(1);
    let count = bounded_number(input, 0, LEAD_DAYS_MAX)?;
    let days = u64::from(count) * per_unit;
    if days > LEAD_DAYS_MAX {
        return Err(FieldError::TooLarge { max: LEAD_DAYS_MAX });
    }
    Ok(days as u32)
}

/// The smallest order taken: 1 to 1,000,000 units.
pub fn min_order(input: &str) -> Result<u32, FieldError> {
    bounded_number(input, 1, MIN_ORDER_MAX)
}

/// Nomor Induk Berusaha: 13 digits (spaces and dashes allowed while typing).
pub fn nib(input: &str) -> Result<String, FieldError> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.'))
        .collect();
    if digits.len() == 13 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(FieldError::BadNib)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_names_keep_markup_characters_as_typed() {
        assert_eq!(
            business_name("  <b>Kue  & Co</b> _*[ "),
            Ok("<b>Kue & Co</b> _*[".to_string())
        );
    }

    #[test]
    fn business_names_that_are_empty_too_long_or_letterless_are_refused() {
        assert_eq!(business_name("   "), Err(FieldError::Empty));
        assert_eq!(business_name("A"), Err(FieldError::TooShort { min: 2 }));
        assert_eq!(
            business_name(&"x".repeat(5000)),
            Err(FieldError::TooLong { max: 100 })
        );
        assert_eq!(business_name("12345"), Err(FieldError::NoLetters));
    }

    #[test]
    fn capacity_accepts_numbers_with_units_and_refuses_bad_ones() {
        assert_eq!(daily_capacity("200"), Ok(200));
        assert_eq!(daily_capacity("1.500 kotak"), Ok(1500));
        assert_eq!(daily_capacity("dua ratus"), Ok(200));
        assert_eq!(daily_capacity("-5"), Err(FieldError::Negative));
        assert_eq!(daily_capacity("0"), Err(FieldError::TooSmall { min: 1 }));
        assert_eq!(daily_capacity("banyak"), Err(FieldError::NotANumber));
        assert_eq!(
            daily_capacity("5000000"),
            Err(FieldError::TooLarge { max: CAPACITY_MAX })
        );
    }

    #[test]
    fn lead_days_may_be_zero_but_not_over_a_year() {
        assert_eq!(min_lead_days("0"), Ok(0));
        assert_eq!(min_lead_days("3 hari"), Ok(3));
        assert_eq!(min_lead_days("2 minggu"), Ok(14));
        assert_eq!(min_lead_days("satu bulan"), Ok(30));
        assert_eq!(
            min_lead_days("2 tahun"),
            Err(FieldError::TooLarge { max: LEAD_DAYS_MAX })
        );
        assert_eq!(
            min_lead_days("400"),
            Err(FieldError::TooLarge { max: LEAD_DAYS_MAX })
        );
    }

    #[test]
    fn products_split_on_commas_semicolons_and_lines_without_duplicates() {
        assert_eq!(
            products("Amplang, kerupuk ikan;  Amplang\nkeripik pisang,"),
            Ok(vec![
                "Amplang".to_string(),
                "kerupuk ikan".to_string(),
                "keripik pisang".to_string()
            ])
        );
        assert_eq!(products(" , ; "), Err(FieldError::Empty));
        let many = (0..31)
            .map(|i| format!("produk {i}"))
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(products(&many), Err(FieldError::TooMany { max: 30 }));
    }

    #[test]
    fn nib_is_thirteen_digits() {
        assert_eq!(nib("1234567890123"), Ok("1234567890123".to_string()));
        assert_eq!(nib("1234-5678-90123"), Ok("1234567890123".to_string()));
        assert_eq!(nib("12345"), Err(FieldError::BadNib));
        assert_eq!(nib("123456789012a"), Err(FieldError::BadNib));
    }
}

/// A complete producer registration, every field already valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProducerApplication {
    pub business_name: String,
    pub place: super::Place,
    pub categories: Vec<super::Category>,
    pub products: Vec<String>,
    pub daily_capacity: u32,
    pub min_lead_days: u32,
    pub min_order: u32,
    pub halal: bool,
    pub nib: Option<String>,
    pub phone: super::PhoneNumber,
}

/// A complete staff registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffApplication {
    pub full_name: String,
    pub office_name: String,
    pub regency: super::RegionCode,
}
