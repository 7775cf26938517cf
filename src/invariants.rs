//! ARCHITECTURE.md's invariants that the compiler cannot check, checked
//! over the source text by `cargo test` (so CI fails when one breaks):
//! which room may use teloxide, sqlx and `fl!`, and that files of `src/`
//! import one another without circles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Import circles that were there before this check and are being taken
/// apart; each entry is the sorted list of files of one circle. The list
/// may only shrink: a new circle fails the test, and so does an entry that
/// is gone (remove it).
const KNOWN_CIRCLES: &[&[&str]] = &[];

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/a/b.rs` → `["a", "b"]`; `src/a/mod.rs` → `["a"]`; `src/lib.rs` → `[]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src_dir()).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The source without comments and string literals (so that docs and
/// messages mentioning paths are not read as imports).
fn code_only(text: &str) -> String {
    let bytes: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == '*' && bytes[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && {
            let prev = if i == 0 { ' ' } else { bytes[i - 1] };
            !(prev.is_alphanumeric() || prev == '_')
        } {
            // raw string r"..." or r#"..."#
            let mut j = i + 1;
            let mut hashes = 0;
            while j < bytes.len() && bytes[j] == '#' {
                hashes += 1;
                j += 1;
            }
            if bytes.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= bytes.len() {
                    break;
                }
                if bytes[j] == '"' && (0..hashes).all(|k| bytes.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next.is_some() && bytes.get(i + 2) == Some(&'\'') {
            out.push_str("' '");
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            i += 2;
            while i < bytes.len() && bytes[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Inline `mod name { … }` blocks: (start, end, name) by byte offsets.
fn inline_modules(code: &str) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let b = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("mod ") {
        let start = from + at;
        from = start + 4;
        if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
            continue;
        }
        let rest = &code[start + 4..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let after = rest[name.len()..].trim_start();
        if name.is_empty() || !after.starts_with('{') {
            continue;
        }
        let open = start + 4 + name.len() + (rest[name.len()..].len() - after.len());
        let mut depth = 0usize;
        let mut end = code.len();
        for (k, ch) in code[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k;
                        break;
                    }
                }
                _ => {}
            }
        }
        found.push((start, end, name));
    }
    found
}

/// Expands a `use` tree (`a::{b, c::{d, e}}`) into its paths.
fn expand_use(tree: &str) -> Vec<Vec<String>> {
    fn split_top(s: &str) -> Vec<&str> {
        let mut parts = Vec::new();
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts
    }
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    fn walk(prefix: &[String], t: &str, out: &mut Vec<Vec<String>>) {
        if t.is_empty() {
            return;
        }
        if let Some(open) = t.find('{') {
            let head: Vec<String> = t[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let inner = &t[open + 1..t.len().saturating_sub(1)];
            let mut p = prefix.to_vec();
            p.extend(head);
            for part in split_top(inner) {
                walk(&p, part, out);
            }
        } else {
            let t = t.split(" as ").next().unwrap_or(t);
            let mut p = prefix.to_vec();
            p.extend(
                t.split("::")
                    .filter(|s| !s.is_empty())
                    .map(|s| s.split("as").next().unwrap_or(s).to_string()),
            );
            out.push(p);
        }
    }
    for part in split_top(&tree) {
        walk(&[], part, &mut out);
    }
    out
}

/// Paths that start at `crate`, `super` or `self` (or a child module in a
/// `use`), each with the byte offset where it stands.
fn paths_in(code: &str) -> Vec<(usize, Vec<String>, bool)> {
    let mut found = Vec::new();
    // `use` statements, braces expanded.
    let mut from = 0;
    while let Some(at) = code[from..].find("use ") {
        let start = from + at;
        from = start + 4;
        let b = code.as_bytes();
        if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
            continue;
        }
        let Some(end) = code[start..].find(';') else {
            break;
        };
        let tree = &code[start + 4..start + end];
        for path in expand_use(tree) {
            found.push((start, path, true));
        }
        from = start + end;
    }
    // Inline paths.
    for root in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(root) {
            let start = from + at;
            from = start + root.len();
            let b = code.as_bytes();
            if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
                continue;
            }
            if start >= 2 && &code[start - 2..start] == "::" {
                continue;
            }
            let path: String = code[start..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segs: Vec<String> = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            found.push((start, segs, false));
        }
    }
    found
}

/// Edges between files: file → files it refers to.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src_dir(), &mut files);
    let mut by_module: BTreeMap<Vec<String>, String> = BTreeMap::new();
    let mut names = BTreeMap::new();
    for f in &files {
        let name = f
            .strip_prefix(src_dir())
            .unwrap_or(f)
            .to_string_lossy()
            .to_string();
        by_module.insert(module_of(f), name.clone());
        names.insert(f.clone(), name);
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let me = names[f].clone();
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let code = code_only(&text);
        let inline = inline_modules(&code);
        let file_module = module_of(f);
        for (at, path, is_use) in paths_in(&code) {
            // The module this reference is written in.
            let mut here = file_module.clone();
            for (s, e, n) in &inline {
                if *s < at && at < *e {
                    here.push(n.clone());
                }
            }
            let mut segs = path.into_iter();
            let mut target: Vec<String> = match segs.next().as_deref() {
                Some("crate") => Vec::new(),
                Some("self") => here.clone(),
                Some("super") => {
                    let mut t = here.clone();
                    t.pop();
                    t
                }
                Some(first) if is_use => {
                    let mut child = here.clone();
                    child.push(first.to_string());
                    if !by_module.contains_key(&child) {
                        continue;
                    }
                    child
                }
                _ => continue,
            };
            for s in segs {
                if s == "super" {
                    target.pop();
                } else {
                    target.push(s);
                }
            }
            // The longest prefix that is a file's module.
            while !target.is_empty() && !by_module.contains_key(&target) {
                target.pop();
            }
            let Some(to) = by_module.get(&target) else {
                continue;
            };
            // A module naming its own file or the crate root only.
            if *to != me && !target.is_empty() {
                graph.entry(me.clone()).or_default().insert(to.clone());
            }
        }
    }
    graph
}

/// The strongly connected components with more than one file (Tarjan).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        let g = t.g;
        if let Some(ws) = g.get(v) {
            for w in ws {
                let w = w.as_str();
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(lw));
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(iw));
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g: graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    let nodes: Vec<&str> = graph.keys().map(String::as_str).collect();
    for v in nodes {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out.sort();
    t.out
}

/// Files of `src/` (relative names) whose code mentions `needle`.
fn files_mentioning(needle: &str) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src_dir(), &mut files);
    let mut hits: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            code_only(&text).contains(needle)
        })
        .map(|f| {
            f.strip_prefix(src_dir())
                .unwrap_or(f)
                .to_string_lossy()
                .to_string()
        })
        .collect();
    hits.sort();
    hits
}

#[test]
fn files_of_src_import_one_another_without_circles_beyond_the_known_ones() {
    let found = circles(&import_graph());
    let known: Vec<Vec<String>> = KNOWN_CIRCLES
        .iter()
        .map(|c| c.iter().map(|s| s.to_string()).collect())
        .collect();
    let new: Vec<&Vec<String>> = found.iter().filter(|c| !known.contains(c)).collect();
    let gone: Vec<&Vec<String>> = known.iter().filter(|c| !found.contains(c)).collect();
    assert!(new.is_empty(), "new import circles: {new:#?}");
    assert!(
        gone.is_empty(),
        "these circles are gone; remove them from KNOWN_CIRCLES: {gone:#?}"
    );
}

#[test]
fn the_circle_finder_sees_a_circle_of_two_and_of_three_files() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut edge = |a: &str, b: &str| {
        g.entry(a.to_string()).or_default().insert(b.to_string());
    };
    edge("a.rs", "b.rs");
    edge("b.rs", "a.rs");
    edge("c.rs", "d.rs");
    edge("d.rs", "e.rs");
    edge("e.rs", "c.rs");
    edge("f.rs", "a.rs");
    assert_eq!(
        circles(&g),
        vec![
            vec!["a.rs".to_string(), "b.rs".to_string()],
            vec!["c.rs".to_string(), "d.rs".to_string(), "e.rs".to_string()],
        ]
    );
}

#[test]
fn use_trees_expand_and_super_inside_a_test_module_means_the_file_itself() {
    assert_eq!(
        expand_use("super::{a::{B, C}, d}"),
        vec![
            vec!["super", "a", "B"],
            vec!["super", "a", "C"],
            vec!["super", "d"],
        ]
    );
    let code = code_only("fn f() {}\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n");
    let inline = inline_modules(&code);
    assert_eq!(inline.len(), 1);
    assert_eq!(inline[0].2, "tests");
}

#[test]
fn only_the_telegram_room_uses_teloxide() {
    let mut users = files_mentioning("teloxide::");
    // The fake Bot API (crates/fake-bot-api) has teloxide only as a
    // dev-dependency, for its own tests: the compiler keeps it out of the rest.
    users.retain(|f| !f.starts_with("telegram/"));
    assert!(users.is_empty(), "teloxide outside src/telegram: {users:?}");
}

#[test]
fn only_the_store_speaks_sql() {
    let mut users = files_mentioning("sqlx::query");
    users.retain(|f| !f.starts_with("store/"));
    assert!(users.is_empty(), "SQL outside src/store: {users:?}");
}

#[test]
fn the_domain_uses_neither_teloxide_nor_sqlx_nor_tokio() {
    let mut users = Vec::new();
    for needle in ["teloxide::", "sqlx::", "tokio::"] {
        users.extend(files_mentioning(needle));
    }
    users.retain(|f| f.starts_with("domain/"));
    assert!(users.is_empty(), "I/O crates in src/domain: {users:?}");
}

#[test]
fn only_reply_catalogues_hold_fluent_ids() {
    // Spelt in two pieces so that the locale test does not read it as an id.
    let mut users = files_mentioning(concat!("fl", "!("));
    users.retain(|f| !f.ends_with("replies.rs"));
    assert!(users.is_empty(), "fl! outside a replies.rs: {users:?}");
}

/// `cargo test --lib invariants::the_import_graph -- --ignored --nocapture`
/// prints every file's imports, to see where a circle runs.
#[test]
#[ignore]
fn the_import_graph_can_be_printed_for_a_human() {
    for (a, bs) in import_graph() {
        println!("{a} -> {bs:?}");
    }
}
