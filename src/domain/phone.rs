//! Indonesian mobile numbers, stored normalised as `+628...`.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("not an Indonesian mobile number")]
    NotIndonesianMobile,
}

impl PhoneNumber {
    /// Accepts the usual ways people write a number: `0812-3456-7890`,
    /// `+62 812 3456 7890`, `62812...`, `(0812) 345 678`, `812...` as Telegram
    /// sometimes sends it. Anything else is refused.
    pub fn parse(input: &str) -> Result<PhoneNumber, PhoneError> {
        let trimmed = input.trim();
        if trimmed.len() > 32 {
            return Err(PhoneError::NotIndonesianMobile);
        }
        let mut digits = String::with_capacity(16);
        for (i, ch) in trimmed.chars().enumerate() {
            match ch {
                '0'..='9' => digits.push(ch),
                '+' if i == 0 => {}
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return Err(PhoneError::NotIndonesianMobile),
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("62") {
            rest
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest
        } else {
            digits.as_str()
        };
        let national = national.strip_prefix('0').unwrap_or(national);
        if !national.starts_with('8') || !(9..=12).contains(&national.len()) {
            return Err(PhoneError::NotIndonesianMobile);
        }
        Ok(PhoneNumber(format!("+62{national}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_ways_of_writing_a_mobile_number_normalise_to_plus_62() {
        for input in [
            "0812-3456-7890",
            "+62 812 3456 7890",
            "6281234567890",
            "+6281234567890",
            "(0812) 3456 7890",
            "812.3456.7890",
            "+62 0812 3456 7890",
        ] {
            assert_eq!(
                PhoneNumber::parse(input).map(|p| p.to_string()),
                Ok("+6281234567890".to_string()),
                "{input}"
            );
        }
    }

    #[test]
    fn landlines_foreign_numbers_and_junk_are_refused() {
        for input in [
            "",
            "021-555-1234",
            "+1 415 555 0100",
            "0812",
            "08123456789012345",
            "0812abc4567",
            "+62+812345678",
            "☎️ 0812 3456 7890",
        ] {
            assert!(PhoneNumber::parse(input).is_err(), "{input}");
        }
    }
}
