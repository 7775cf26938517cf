//! Money: whole Rupiah, shown as `Rp 1.250.000`, read from `Rp25.000`,
//! `25.000`, `25rb`, `25 ribu`, `2,5 jt`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::number::{self, NumberError};

/// Prices above this are refused as typing mistakes (Rp 10 miliar).
pub const MAX_RUPIAH: u64 = 10_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rupiah(u64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("not an amount of money")]
    NotMoney,
    #[error("amount must be more than zero")]
    Zero,
    #[error("amount too large")]
    TooLarge,
}

impl Rupiah {
    pub fn new(amount: u64) -> Result<Rupiah, MoneyError> {
        match amount {
            0 => Err(MoneyError::Zero),
            a if a > MAX_RUPIAH => Err(MoneyError::TooLarge),
            a => Ok(Rupiah(a)),
        }
    }

    pub fn parse(input: &str) -> Result<Rupiah, MoneyError> {
        let lower = input.trim().to_lowercase();
        let stripped = lower
            .strip_prefix("rp.")
            .or_else(|| lower.strip_prefix("rp"))
            .unwrap_or(&lower)
            .trim();
        match number::parse_whole(stripped) {
            Ok(v) => Rupiah::new(v),
            Err(NumberError::TooLarge) => Err(MoneyError::TooLarge),
            Err(_) => Err(MoneyError::NotMoney),
        }
    }

    pub fn amount(self) -> u64 {
        self.0
    }
}

/// A price with an optional unit: `25rb per bungkus`, `Rp 25.000/kotak`,
/// `15000`. The unit is one short word.
pub fn price_per_unit(input: &str) -> Result<(Rupiah, Option<String>), MoneyError> {
    let lower = input.trim().to_lowercase();
    let (amount, unit) = match lower.split_once('/').or_else(|| lower.split_once(" per ")) {
        Some((a, u)) => (a.trim().to_string(), Some(u.trim().to_string())),
        None => (lower.clone(), None),
    };
    let unit = unit
        .map(|u| u.trim_start_matches("per ").trim().to_string())
        .filter(|u| !u.is_empty());
    if let Some(u) = &unit
        && (u.chars().count() > 20 || !u.chars().all(|c| c.is_alphabetic() || c == ' '))
    {
        return Err(MoneyError::NotMoney);
    }
    Ok((Rupiah::parse(&amount)?, unit))
}

/// Groups of three digits separated by dots: `1.250.000`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rp {}", group_thousands(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_shown_with_dots_between_thousands() {
        assert_eq!(Rupiah::new(1_250_000).unwrap().to_string(), "Rp 1.250.000");
        assert_eq!(Rupiah::new(500).unwrap().to_string(), "Rp 500");
        assert_eq!(Rupiah::new(25_000).unwrap().to_string(), "Rp 25.000");
        assert_eq!(group_thousands(1000), "1.000");
    }

    #[test]
    fn the_usual_ways_of_writing_money_are_read() {
        for (input, want) in [
            ("Rp25.000", 25_000),
            ("Rp 25.000", 25_000),
            ("rp. 25.000", 25_000),
            ("25.000", 25_000),
            ("25rb", 25_000),
            ("25 ribu", 25_000),
            ("2,5 jt", 2_500_000),
            ("1,5 rb", 1_500),
        ] {
            assert_eq!(
                Rupiah::parse(input).map(Rupiah::amount),
                Ok(want),
                "{input}"
            );
        }
    }

    #[test]
    fn a_price_may_carry_its_unit() {
        assert_eq!(
            price_per_unit("25rb per bungkus"),
            Ok((Rupiah::new(25_000).unwrap(), Some("bungkus".into())))
        );
        assert_eq!(
            price_per_unit("Rp 25.000/kotak"),
            Ok((Rupiah::new(25_000).unwrap(), Some("kotak".into())))
        );
        assert_eq!(
            price_per_unit("15000"),
            Ok((Rupiah::new(15_000).unwrap(), None))
        );
        assert!(price_per_unit("25rb/<b>").is_err());
        assert!(price_per_unit("gratis").is_err());
    }

    #[test]
    fn zero_junk_and_absurd_amounts_are_refused() {
        assert_eq!(Rupiah::parse("0"), Err(MoneyError::Zero));
        assert_eq!(Rupiah::parse("murah"), Err(MoneyError::NotMoney));
        assert_eq!(Rupiah::parse("99 miliar"), Err(MoneyError::TooLarge));
    }
}
