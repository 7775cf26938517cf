//! Every Fluent id the code uses exists in both locales, and the two locales
//! define the same ids. (`fl!` already refuses to compile an id missing from
//! the Indonesian reference; this also covers English.)

use std::collections::BTreeSet;
use std::path::Path;

fn ftl_ids(lang: &str) -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{lang}/pesanlokal.ftl"));
    let text = std::fs::read_to_string(&path).expect("locale file");
    pesanlokal::i18n::message_ids(&text).into_iter().collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The literal ids in `fl!(loader, "id", ...)` calls.
fn ids_used_in_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        for (i, _) in text.match_indices("fl!(") {
            let rest = &text[i..];
            let Some(open) = rest.find('"') else { continue };
            let after = &rest[open + 1..];
            let Some(close) = after.find('"') else {
                continue;
            };
            ids.insert(after[..close].to_string());
        }
    }
    ids
}

#[test]
fn every_fluent_id_used_in_code_exists_in_indonesian_and_english() {
    let used = ids_used_in_code();
    assert!(
        used.len() > 100,
        "found only {} ids; is the scan broken?",
        used.len()
    );
    for lang in ["id", "en"] {
        let defined = ftl_ids(lang);
        let missing: Vec<_> = used.difference(&defined).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
    }
}

#[test]
fn indonesian_and_english_locales_define_the_same_ids() {
    let id = ftl_ids("id");
    let en = ftl_ids("en");
    assert_eq!(
        id.symmetric_difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new()
    );
}

#[test]
fn no_message_is_defined_but_never_used() {
    let used = ids_used_in_code();
    let unused: Vec<_> = ftl_ids("id")
        .into_iter()
        .filter(|id| !used.contains(id))
        .collect();
    assert!(unused.is_empty(), "unused messages: {unused:?}");
}
