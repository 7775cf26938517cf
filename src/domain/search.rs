//! Reading a directory search (`/cari kue talam samarinda`): place and
//! category words become filters, the rest is text to match. Also the
//! helpers that make any user text safe for SQLite FTS5 and the
//! typo-tolerant fallback's scoring.

use super::{Category, Place, Regions, Resolution};

/// At most this many text terms take part in a search.
pub const MAX_TERMS: usize = 8;
/// Longer input is cut (Telegram allows 4,096 characters; a search never needs that).
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Lower-case words to match (letters and digits only).
    pub terms: Vec<String>,
    pub place: Option<Place>,
    pub categories: Vec<Category>,
    pub halal: bool,
}

impl SearchQuery {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.place.is_none() && self.categories.is_empty() && !self.halal
    }
}

const STOP_WORDS: &[&str] = &[
    "di",
    "dari",
    "ke",
    "untuk",
    "yang",
    "dan",
    "atau",
    "cari",
    "mencari",
    "ada",
    "produsen",
    "penjual",
    "usaha",
    "umkm",
    "daerah",
    "wilayah",
    "kota",
    "kab",
    "kabupaten",
    "kecamatan",
    "kec",
    "sekitar",
    "dekat",
    "the",
    "in",
    "of",
    "for",
];

/// The category a search word names, if any.
pub fn category_word(word: &str) -> Option<Category> {
    Some(match word {
        "katering" | "catering" => Category::Katering,
        "snack" | "snak" | "snacks" => Category::Snack,
        "oleh-oleh" | "oleh2" | "olehan" | "oleh_oleh" => Category::OlehOleh,
        "minuman" | "drinks" => Category::Minuman,
        "merchandise" | "merch" | "suvenir" | "souvenir" | "cenderamata" => Category::Merchandise,
        "kerajinan" | "craft" | "handicraft" | "handicrafts" => Category::Kerajinan,
        "fesyen" | "fashion" | "busana" => Category::Fesyen,
        "percetakan" | "printing" => Category::Percetakan,
        "dekorasi" | "dekor" | "decoration" => Category::Dekorasi,
        _ => return None,
    })
}

/// Words of a text: letters and digits, lower case; a hyphen inside a word
/// is kept (`oleh-oleh`). Everything else (quotes, `*`, `:`, emoji…) separates.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner_hyphen = c == '-'
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_hyphen {
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Reads what someone typed after /cari.
pub fn read_query(text: &str, regions: &Regions) -> SearchQuery {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let mut query = SearchQuery::default();
    let mut rest = text.clone();
    if let Some((resolution, span)) = regions.find_mention(&text) {
        let place = match resolution {
            Resolution::Found(p) => Some(p),
            Resolution::Ambiguous(places) => places.into_iter().next(),
            Resolution::NotFound { .. } => None,
        };
        if let Some(place) = place {
            query.place = Some(place);
            rest.replace_range(span, " ");
        }
    }
    let all = words(&rest);
    let mut i = 0;
    while i < all.len() {
        let w = all[i].as_str();
        // "oleh oleh" written apart.
        if w == "oleh" && all.get(i + 1).map(String::as_str) == Some("oleh") {
            push_unique(&mut query.categories, Category::OlehOleh);
            i += 2;
            continue;
        }
        if let Some(c) = category_word(w) {
            push_unique(&mut query.categories, c);
        } else if w == "halal" {
            query.halal = true;
        } else if !STOP_WORDS.contains(&w) {
            for part in w.split('-').filter(|p| !p.is_empty()) {
                if query.terms.len() < MAX_TERMS && !query.terms.iter().any(|t| t == part) {
                    query.terms.push(part.to_string());
                }
            }
        }
        i += 1;
    }
    query
}

fn push_unique(list: &mut Vec<Category>, c: Category) {
    if !list.contains(&c) {
        list.push(c);
    }
}

/// An FTS5 MATCH expression: every term quoted, with prefix matching, all
/// required. `None` when there is nothing to match. Terms hold only letters
/// and digits, and a quote would be doubled anyway, so no input can break
/// the expression.
pub fn fts_expression(terms: &[String]) -> Option<String> {
    let parts: Vec<String> = terms
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{}\"*", t.replace('"', "\"\"")))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The typo-tolerant fallback: any three-letter piece of any term (the
/// trigram index needs three characters). Candidates are then scored with
/// [`similarity`].
pub fn trigram_expression(terms: &[String]) -> Option<String> {
    let mut grams: Vec<String> = Vec::new();
    for t in terms {
        let chars: Vec<char> = t.chars().collect();
        for w in chars.windows(3) {
            let g: String = w.iter().collect();
            if !grams.contains(&g) {
                grams.push(g);
            }
        }
    }
    grams.truncate(48);
    (!grams.is_empty()).then(|| {
        grams
            .iter()
            .map(|g| format!("\"{}\"", g.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" OR ")
    })
}

/// Edit distance counting a swap of two neighbours as one edit
/// (optimal string alignment), as typing slips usually are.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

/// How well a term matches the closest word of `text` (0.0–1.0). A word that
/// starts with the term counts as a full match.
pub fn similarity(term: &str, text: &str) -> f32 {
    let t: Vec<char> = term.chars().collect();
    if t.is_empty() {
        return 0.0;
    }
    words(text)
        .iter()
        .flat_map(|w| w.split('-').map(str::to_string).collect::<Vec<_>>())
        .map(|w| {
            if w.starts_with(term) {
                return 1.0;
            }
            let wc: Vec<char> = w.chars().collect();
            // Compare with the word's prefix of similar length too ("amplan" ~ "amplang").
            let prefix: Vec<char> = wc.iter().take(t.len() + 1).copied().collect();
            let d = edit_distance(&t, &wc).min(edit_distance(&t, &prefix));
            1.0 - d as f32 / t.len().max(wc.len().min(t.len() + 1)) as f32
        })
        .fold(0.0, f32::max)
}

/// The [`similarity`] a word needs to count as a near match of a term
/// (at most one edit in four letters).
pub const CLOSE_ENOUGH: f32 = 0.75;

/// Whether a fallback candidate is close enough: every term of three or
/// more letters has a near match (at most one edit in four letters).
pub fn close_enough(terms: &[String], text: &str) -> bool {
    let long: Vec<&String> = terms.iter().filter(|t| t.chars().count() >= 3).collect();
    !long.is_empty() && long.iter().all(|t| similarity(t, text) >= CLOSE_ENOUGH)
}

/// The typo fallback's FTS5 expression: for each term, any of the known
/// words close to it; every term required. Words are quoted (a quote
/// doubled), so any stored text is safe; a word with no letter or digit is
/// left out, and `None` when a term is left with no word.
pub fn any_words_expression(groups: &[Vec<String>]) -> Option<String> {
    let mut parts = Vec::new();
    for words in groups {
        let quoted: Vec<String> = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect();
        if quoted.is_empty() {
            return None;
        }
        parts.push(format!("({})", quoted.join(" OR ")));
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RegionCode;

    fn q(text: &str) -> SearchQuery {
        read_query(text, Regions::embedded())
    }

    #[test]
    fn a_regency_alias_becomes_a_place_filter() {
        let query = q("amplang kukar");
        assert_eq!(query.terms, vec!["amplang"]);
        assert_eq!(
            query.place.unwrap().regency,
            RegionCode::parse("64.02").unwrap()
        );
    }

    #[test]
    fn a_district_name_filters_by_its_regency() {
        let query = q("legok");
        assert!(query.terms.is_empty(), "{query:?}");
        let place = query.place.unwrap();
        let tangerang = Regions::embedded()
            .regencies()
            .iter()
            .find(|r| r.name == "Kabupaten Tangerang")
            .unwrap();
        assert_eq!(place.regency, tangerang.code);
        assert!(place.district.is_some());
    }

    #[test]
    fn the_rest_of_the_text_stays_as_terms() {
        let query = q("kue talam samarinda");
        assert_eq!(query.terms, vec!["kue", "talam"]);
        assert_eq!(
            query.place.unwrap().regency,
            RegionCode::parse("64.72").unwrap()
        );
    }

    #[test]
    fn category_and_halal_words_become_filters() {
        let query = q("katering halal di balikpapan");
        assert!(query.terms.is_empty(), "{query:?}");
        assert_eq!(query.categories, vec![Category::Katering]);
        assert!(query.halal);
        let query = q("oleh oleh khas berau");
        assert_eq!(query.categories, vec![Category::OlehOleh]);
        assert_eq!(query.terms, vec!["khas"]);
        assert_eq!(q("oleh-oleh").categories, vec![Category::OlehOleh]);
    }

    #[test]
    fn hostile_text_gives_safe_expressions() {
        for text in [
            "\"",
            "\"\"\"",
            "kue\" OR \"",
            "*",
            "-",
            ":",
            "^",
            "NEAR(a b)",
            "AND",
            "OR NOT",
            "(((",
            "🍰🍰",
            "kue*",
            "a:b",
            "col:kue",
            "'; DROP TABLE producers; --",
        ] {
            let query = q(text);
            if let Some(expr) = fts_expression(&query.terms) {
                // Every term is a quoted string followed by *; no bare operators.
                for part in expr.split(' ') {
                    assert!(
                        part.starts_with('"') && part.ends_with("\"*"),
                        "{text}: {expr}"
                    );
                    let inner = &part[1..part.len() - 2];
                    assert!(inner.chars().all(char::is_alphanumeric), "{text}: {expr}");
                }
            }
        }
        assert_eq!(fts_expression(&[]), None);
    }

    #[test]
    fn a_typo_is_close_enough_but_another_word_is_not() {
        let terms = vec!["amplan".to_string()];
        assert!(close_enough(
            &terms,
            "Amplang Mahakam Bu Ratna amplang ikan pipih"
        ));
        assert!(close_enough(&["amplnag".to_string()], "amplang"));
        assert!(!close_enough(&terms, "Kue talam kue lapis"));
        assert!(trigram_expression(&terms).unwrap().contains("\"amp\" OR"));
        assert_eq!(trigram_expression(&["ab".to_string()]), None);
    }

    #[test]
    fn the_fallback_expression_quotes_every_word() {
        let groups = vec![
            vec!["amplang".to_string(), "am\"pl".to_string()],
            vec!["talam".to_string(), "--".to_string()],
        ];
        assert_eq!(
            any_words_expression(&groups).unwrap(),
            "(\"amplang\" OR \"am\"\"pl\") AND (\"talam\")"
        );
        assert_eq!(any_words_expression(&[vec!["--".to_string()]]), None);
        assert_eq!(any_words_expression(&[]), None);
    }

    #[test]
    fn very_long_input_is_cut_and_terms_are_capped() {
        let long = "kue ".repeat(3000)
            + &(0..20)
                .map(|i| format!("w{i}"))
                .collect::<Vec<_>>()
                .join(" ");
        let query = q(&long);
        assert!(query.terms.len() <= MAX_TERMS);
    }
}
