//! Test support for the reader: one expectation string per request text.
//!
//! `"n=250|u=kotak|item=snack|cat=snack|date=2026-03-26|time=09:00|reg=Kota
//! Samarinda|dist=Tenggarong|purpose=rakor|budget=unit:25000|halal"`
//!
//! A field left out must be absent (`None`, `false`): a request that does
//! not say something must not have it read in. `n=?`, `date=?`, `reg=?` and
//! `budget=?` mean "present but unclear": the field is empty and a problem
//! for it is reported (so the bot asks). `nothing` means nothing of a
//! request was understood. `u` (the unit), `dist` (the district) and
//! `venue` are checked only when given.

use super::*;

/// The fields scored by the evaluation, in the order they are printed.
pub(super) const FIELDS: &[&str] = &[
    "count", "date", "time", "regency", "item", "category", "purpose", "budget", "halal",
];

#[derive(Debug, Default, Clone)]
pub(super) struct Expect {
    pub n: Option<String>,
    pub unit: Option<String>,
    pub item: Option<String>,
    pub cat: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub reg: Option<String>,
    pub dist: Option<String>,
    pub purpose: Option<String>,
    pub venue: Option<String>,
    pub budget: Option<String>,
    pub halal: bool,
    pub nothing: bool,
}

pub(super) fn parse(spec: &str) -> Expect {
    let mut e = Expect::default();
    for part in spec.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let v = Some(v.trim().to_string());
        match k.trim() {
            "n" => e.n = v,
            "u" => e.unit = v,
            "item" => e.item = v,
            "cat" => e.cat = v,
            "date" => e.date = v,
            "time" => e.time = v,
            "reg" => e.reg = v,
            "dist" => e.dist = v,
            "purpose" => e.purpose = v,
            "venue" => e.venue = v,
            "budget" => e.budget = v,
            "halal" => e.halal = true,
            "nothing" => e.nothing = true,
            other => panic!("unknown key {other:?} in {spec:?}"),
        }
    }
    e
}

fn has_problem(r: &RequestReading, field: Field) -> bool {
    r.problems.iter().any(|p| p.field() == Some(field))
}

fn opt(s: Option<String>) -> String {
    s.unwrap_or_else(|| "-".into())
}

/// Each field's (name, ok, got, want).
pub(super) fn compare(r: &RequestReading, e: &Expect) -> Vec<(&'static str, bool, String, String)> {
    let regions = Regions::embedded();
    let mut out = Vec::new();

    let got = match (&r.quantity, has_problem(r, Field::Quantity)) {
        (Some(q), _) => q.count.to_string(),
        (None, true) => "?".into(),
        (None, false) => "-".into(),
    };
    let want = opt(e.n.clone());
    out.push(("count", got == want, got, want));
    if let Some(u) = &e.unit {
        let got = opt(r
            .quantity
            .as_ref()
            .and_then(|q| q.unit.as_ref())
            .map(|u| u.name().to_string()));
        out.push(("unit", &got == u, got, u.clone()));
    }

    let got = match (r.date, has_problem(r, Field::Date)) {
        (Some(d), _) => d.to_string(),
        (None, true) => "?".into(),
        (None, false) => "-".into(),
    };
    let want = opt(e.date.clone());
    out.push(("date", got == want, got, want));

    let got = opt(r.time.map(|t| t.format("%H:%M").to_string()));
    let want = opt(e.time.clone());
    out.push(("time", got == want, got, want));

    let got = match (&r.place, has_problem(r, Field::Place)) {
        (Some(p), _) => regions
            .regency(&p.regency)
            .map_or("??".into(), |g| g.name.clone()),
        (None, true) => "?".into(),
        (None, false) => "-".into(),
    };
    let want = opt(e.reg.clone());
    out.push(("regency", got.eq_ignore_ascii_case(&want), got, want));
    if let Some(dist) = &e.dist {
        let got = opt(r
            .place
            .as_ref()
            .and_then(|p| p.district.as_ref())
            .and_then(|c| regions.district(c))
            .map(|d| d.name.clone()));
        out.push((
            "district",
            got.eq_ignore_ascii_case(dist),
            got,
            dist.clone(),
        ));
    }

    let got = opt(r.item.clone());
    let want = opt(e.item.clone());
    out.push(("item", got == want, got, want));

    let got = opt(r.category.map(|c| c.slug().to_string()));
    let want = opt(e.cat.clone());
    out.push(("category", got == want, got, want));

    let got = opt(r.purpose.clone());
    let want = opt(e.purpose.clone());
    out.push((
        "purpose",
        got.to_lowercase() == want.to_lowercase(),
        got,
        want,
    ));
    if let Some(v) = &e.venue {
        let got = opt(r.venue.clone());
        out.push((
            "venue",
            got.to_lowercase() == v.to_lowercase(),
            got,
            v.clone(),
        ));
    }

    let got = match (
        &r.budget,
        r.problems
            .iter()
            .any(|p| matches!(p, Problem::BudgetUnclear(_))),
    ) {
        (Some(Budget::PerUnit(a)), _) => format!("unit:{}", a.amount()),
        (Some(Budget::Total(a)), _) => format!("total:{}", a.amount()),
        (None, true) => "?".into(),
        (None, false) => "-".into(),
    };
    let want = opt(e.budget.clone());
    out.push(("budget", got == want, got, want));

    let got = r.halal.to_string();
    let want = e.halal.to_string();
    out.push(("halal", got == want, got, want));

    let got = r.understood_nothing().to_string();
    let want = e.nothing.to_string();
    out.push(("nothing", got == want, got, want));
    out
}

/// The failures of one case, as lines; empty when all is right.
pub(super) fn failures(text: &str, r: &RequestReading, spec: &str) -> Option<String> {
    let e = parse(spec);
    let bad: Vec<String> = compare(r, &e)
        .into_iter()
        .filter(|(_, ok, _, _)| !ok)
        .map(|(f, _, got, want)| format!("{f}: got {got:?} want {want:?}"))
        .collect();
    (!bad.is_empty()).then(|| {
        format!(
            "{text:?}\n    {}\n    problems {:?}",
            bad.join("; "),
            r.problems
        )
    })
}
