//! Fluent loaders for the two languages. What the bot says lives in
//! `locales/{id,en}/pesanlokal.ftl`; the telegram room's reply catalogue
//! picks the message ids.

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use rust_embed::RustEmbed;

use crate::domain::Lang;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Localizations;

/// One loader per language, each falling back to Indonesian.
pub struct Texts {
    id: FluentLanguageLoader,
    en: FluentLanguageLoader,
}

impl Texts {
    pub fn load() -> anyhow::Result<Texts> {
        let make = |lang: &str| -> anyhow::Result<FluentLanguageLoader> {
            let loader: FluentLanguageLoader = fluent_language_loader!();
            let id: unic_langid::LanguageIdentifier = lang.parse()?;
            loader.load_languages(&Localizations, &[id])?;
            // Telegram shows the Unicode isolation marks Fluent adds around
            // arguments as junk on some phones; our arguments are escaped text.
            loader.set_use_isolating(false);
            Ok(loader)
        };
        Ok(Texts {
            id: make("id")?,
            en: make("en")?,
        })
    }

    pub fn loader(&self, lang: Lang) -> &FluentLanguageLoader {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// The raw Fluent source of one language, for the parity test.
pub fn source(lang: Lang) -> Option<String> {
    let file = Localizations::get(&format!("{}/pesanlokal.ftl", lang.code()))?;
    String::from_utf8(file.data.into_owned()).ok()
}

/// Message ids defined in a Fluent source (top-level messages only).
pub fn message_ids(source: &str) -> Vec<String> {
    let mut ids: Vec<String> = source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_and_english_define_the_same_message_ids() {
        let id = message_ids(&source(Lang::Id).expect("id locale"));
        let en = message_ids(&source(Lang::En).expect("en locale"));
        assert!(id.len() > 50, "the Indonesian file looks truncated");
        let only_id: Vec<_> = id.iter().filter(|m| !en.contains(m)).collect();
        let only_en: Vec<_> = en.iter().filter(|m| !id.contains(m)).collect();
        assert!(only_id.is_empty(), "missing in en: {only_id:?}");
        assert!(only_en.is_empty(), "missing in id: {only_en:?}");
        let mut dedup = id.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), id.len(), "an id is defined twice");
    }

    #[test]
    fn both_locales_load_and_every_message_formats_in_both() {
        let texts = Texts::load().unwrap();
        for id in message_ids(&source(Lang::Id).unwrap()) {
            for lang in [Lang::Id, Lang::En] {
                assert!(texts.loader(lang).has(&id), "{id} missing in {lang:?}");
            }
        }
    }
}
