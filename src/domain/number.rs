//! Whole numbers as Indonesians type them: `250`, `1.500` (dot = thousands),
//! `25rb`, `2 jt`, `1,5 rb`, and words (`dua ratus lima puluh`, `seribu`).
//! A trailing unit word (`50 kotak`, `100 porsi/hari`) is allowed and ignored.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("no number found")]
    NotANumber,
    #[error("number too large")]
    TooLarge,
    #[error("not a whole number")]
    NotWhole,
}

const MAX: u64 = 1_000_000_000_000;

/// Parses a non-negative whole number. `-5` is reported as [`NumberError::NotANumber`]
/// by [`parse_whole`]; callers that want to say "must be positive" check
/// [`looks_negative`] first.
pub fn parse_whole(input: &str) -> Result<u64, NumberError> {
    let text = input.trim().to_lowercase();
    if text.is_empty() || text.len() > 64 {
        return Err(NumberError::NotANumber);
    }
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_digits(&text);
    }
    parse_words(&text)
}

/// True when the text is a number with a minus sign (`-5`, `- 10`).
pub fn looks_negative(input: &str) -> bool {
    let t = input.trim();
    t.strip_prefix('-')
        .or_else(|| t.strip_prefix('−'))
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

fn parse_digits(text: &str) -> Result<u64, NumberError> {
    // Split the numeric head from the rest ("25rb", "1.500 kotak", "1,5 jt").
    let head_len = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let (head, rest) = text.split_at(head_len);
    let head = head.trim_end_matches(['.', ',']);
    let rest = rest.trim();
    let multiplier = match first_word(rest) {
        "rb" | "ribu" | "k" => 1_000,
        "jt" | "juta" => 1_000_000,
        "m" | "miliar" | "milyar" => 1_000_000_000,
        _ => 1,
    };
    let (int_part, frac_part) = split_decimal(head)?;
    let int_value: u64 = if int_part.is_empty() {
        0
    } else {
        int_part.parse().map_err(|_| NumberError::TooLarge)?
    };
    let mut value = int_value
        .checked_mul(multiplier)
        .ok_or(NumberError::TooLarge)?;
    if !frac_part.is_empty() {
        // 1,5 rb = 1500; 1,5 alone is not a whole number.
        let scale = 10u64.pow(frac_part.len() as u32);
        let frac: u64 = frac_part.parse().map_err(|_| NumberError::NotANumber)?;
        let scaled = frac.checked_mul(multiplier).ok_or(NumberError::TooLarge)?;
        if scaled % scale != 0 {
            return Err(NumberError::NotWhole);
        }
        value = value
            .checked_add(scaled / scale)
            .ok_or(NumberError::TooLarge)?;
    }
    if value > MAX {
        return Err(NumberError::TooLarge);
    }
    Ok(value)
}

/// `1.500` → ("1500", ""); `1,5` → ("1", "5"); `1.500,25` → ("1500", "25").
/// A single dot followed by other than three digits is a decimal point typed
/// the English way (`1.5`).
fn split_decimal(head: &str) -> Result<(String, String), NumberError> {
    let (int_raw, frac) = match head.split_once(',') {
        Some((i, f)) => {
            if f.contains([',', '.']) {
                return Err(NumberError::NotANumber);
            }
            (i, f.to_string())
        }
        None => (head, String::new()),
    };
    let groups: Vec<&str> = int_raw.split('.').collect();
    if groups.len() == 1 {
        return Ok((int_raw.to_string(), frac));
    }
    let thousands = groups[1..].iter().all(|g| g.len() == 3) && !groups[0].is_empty();
    if thousands {
        return Ok((groups.concat(), frac));
    }
    if groups.len() == 2 && frac.is_empty() {
        return Ok((groups[0].to_string(), groups[1].to_string()));
    }
    Err(NumberError::NotANumber)
}

fn first_word(s: &str) -> &str {
    s.split(|c: char| c.is_whitespace() || c == '/' || c == ',')
        .next()
        .unwrap_or("")
}

fn unit_value(word: &str) -> Option<u64> {
    Some(match word {
        "nol" => 0,
        "satu" => 1,
        "dua" => 2,
        "tiga" => 3,
        "empat" => 4,
        "lima" => 5,
        "enam" => 6,
        "tujuh" => 7,
        "delapan" => 8,
        "sembilan" => 9,
        "sepuluh" => 10,
        "sebelas" => 11,
        _ => return None,
    })
}

/// Indonesian number words. Stops at the first word that is not part of a
/// number, so `seratus kotak` reads as 100.
fn parse_words(text: &str) -> Result<u64, NumberError> {
    let mut total: u64 = 0; // completed thousands and millions
    let mut group: u64 = 0; // hundreds below one thousand
    let mut current: u64 = 0; // units and tens awaiting a scale word
    let mut seen = false;
    for w in text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        match w {
            "belas" if current > 0 => current += 10,
            "puluh" if current > 0 => current *= 10,
            "ratus" if current > 0 => {
                group += current * 100;
                current = 0;
            }
            "seratus" => group += 100,
            "ribu" if group + current > 0 => {
                total += (group + current) * 1000;
                (group, current) = (0, 0);
            }
            "seribu" => total += 1000,
            "juta" if group + current > 0 => {
                total += (group + current) * 1_000_000;
                (group, current) = (0, 0);
            }
            "sejuta" => total += 1_000_000,
            _ => match unit_value(w) {
                Some(v) => current += v,
                None => break,
            },
        }
        seen = true;
        if total > MAX {
            return Err(NumberError::TooLarge);
        }
    }
    if !seen {
        return Err(NumberError::NotANumber);
    }
    Ok(total + group + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_parse(cases: &[(&str, u64)]) {
        for &(input, want) in cases {
            assert_eq!(parse_whole(input), Ok(want), "{input}");
        }
    }

    #[test]
    fn digits_with_thousand_dots_and_units_parse() {
        let cases = [
            ("250", 250),
            ("1.500", 1500),
            ("1.500.000", 1_500_000),
            ("50 kotak", 50),
            ("100 porsi/hari", 100),
            ("25rb", 25_000),
            ("25 ribu", 25_000),
            ("1,5 rb", 1500),
            ("2 jt", 2_000_000),
            ("2,5 juta", 2_500_000),
            ("0", 0),
            ("7.", 7),
        ];
        all_parse(&cases);
    }

    #[test]
    fn indonesian_number_words_parse() {
        let cases = [
            ("dua ratus lima puluh", 250),
            ("seribu", 1000),
            ("seratus", 100),
            ("sebelas", 11),
            ("lima belas", 15),
            ("dua puluh lima", 25),
            ("seribu lima ratus", 1500),
            ("tiga ribu", 3000),
            ("dua juta", 2_000_000),
            ("seratus kotak", 100),
        ];
        all_parse(&cases);
    }

    #[test]
    fn letters_fractions_and_huge_numbers_are_refused() {
        assert_eq!(parse_whole("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_whole(""), Err(NumberError::NotANumber));
        assert_eq!(parse_whole("1,5"), Err(NumberError::NotWhole));
        assert_eq!(
            parse_whole("99999999999999999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_whole("-5"), Err(NumberError::NotANumber));
        assert!(looks_negative("-5"));
        assert!(looks_negative(" - 10"));
        assert!(!looks_negative("5"));
        assert!(!looks_negative("-abc"));
    }
}
