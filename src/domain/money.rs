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
    fn zero_junk_and_absurd_amounts_are_refused() {
        assert_eq!(Rupiah::parse("0"), Err(MoneyError::Zero));
        assert_eq!(Rupiah::parse("murah"), Err(MoneyError::NotMoney));
        assert_eq!(Rupiah::parse("99 miliar"), Err(MoneyError::TooLarge));
    }
}
