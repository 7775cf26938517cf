//! Who can make a quote request in time, and what to say when nobody can
//! (PRODUCT.md §3, item 3: "too late or too large is said plainly, with the
//! earliest feasible date or a proposal to split the quantity").
//!
//! The store chooses the [`Candidate`]s: verified, reachable producers whose
//! category or product matches and who serve the requested region. This
//! module checks the rest — lead time, leave, minimum order, capacity over
//! the days left — ranks those who can, splits the quantity when nobody can
//! alone (*gotong royong*), and finds the earliest date that would work.
//! Nothing here reads the clock: "today" is part of the [`Need`].
//!
//! # Conventions
//! - Dates are the requester's local calendar days. Every day counts: no
//!   weekends or public holidays are known here.
//! - **Days left** = `delivery − today`, in days ([`Need::days_left`]).
//! - **Lead time** (`min_lead_days`, "pesan paling lambat N hari
//!   sebelumnya") fits when days left ≥ `min_lead_days`.
//! - **Production days** ([`production_days`]) are the days strictly after
//!   today and strictly before the delivery day, minus leave days. Today does
//!   not count (the request arrives during it), nor does the delivery day
//!   (it is for delivering). Delivery tomorrow leaves no production day, so
//!   nobody can make anything for tomorrow, whatever their lead time.
//! - **Can make by then** ([`can_make`]) = `daily_capacity × production
//!   days`, saturating at `u32::MAX`.
//! - **Leave** ranges are inclusive; a range that ends before it starts is
//!   ignored and overlapping ranges count each day once. Leave on some
//!   production days only removes those days; leave on the delivery day
//!   excludes the producer.
//! - **Minimum order**: a producer takes the whole quantity or a part of a
//!   split only if it is at least its `min_order`.

use std::cmp::{Ordering, Reverse};

use chrono::{Days, NaiveDate};

/// How many producers a request is sent to unless configured otherwise.
pub const DEFAULT_LIMIT: usize = 10;

/// How many successive delivery dates the earliest-date search tries.
pub const HORIZON_DAYS: u64 = 120;

/// Where an unrated producer stands among rated ones (ratings are 1.0–5.0):
/// above poor ratings, below good ones.
pub const UNRATED: f64 = 3.5;

/// What is asked for, and by when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    /// Units asked for. The request reader refuses zero.
    pub quantity: u32,
    /// The delivery day.
    pub delivery: NaiveDate,
    /// The requester's local date now.
    pub today: NaiveDate,
}

impl Need {
    /// Days from today to the delivery day (0 for today, negative if past).
    pub fn days_left(&self) -> i64 {
        (self.delivery - self.today).num_days()
    }

    /// The same need with another delivery day.
    pub fn delivered_on(&self, delivery: NaiveDate) -> Need {
        Need { delivery, ..*self }
    }
}

/// A producer the store found for the request: verified, reachable, making
/// the category or product, serving the region.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: i64,
    /// Units it can make in one day.
    pub daily_capacity: u32,
    /// Days before delivery the order must come in, at the latest.
    pub min_lead_days: u32,
    /// Fewest units it takes on.
    pub min_order: u32,
    /// Leave, as inclusive date ranges.
    pub leave: Vec<(NaiveDate, NaiveDate)>,
    /// Average rating, 1.0–5.0; `None` when not rated yet.
    pub rating: Option<f64>,
    /// Requests sent to it lately (fair rotation).
    pub recent_requests: u32,
    /// In the requested regency (else in the same province).
    pub same_regency: bool,
    /// Matched by product name (stronger) rather than by category only.
    pub matches_item: bool,
}

/// Whether `day` falls in one of the producer's leave ranges.
pub fn on_leave(c: &Candidate, day: NaiveDate) -> bool {
    c.leave
        .iter()
        .any(|&(start, end)| start <= day && day <= end)
}

/// Days the producer can work for this need: the days strictly after today
/// and strictly before the delivery day, minus its leave days (each counted
/// once however many ranges cover it). The delivery day itself is for
/// delivering. Zero when delivery is today or tomorrow.
pub fn production_days(c: &Candidate, need: &Need) -> u32 {
    let (Some(first), Some(last)) = (need.today.succ_opt(), need.delivery.pred_opt()) else {
        return 0;
    };
    if first > last {
        return 0;
    }
    let mut leave: Vec<(NaiveDate, NaiveDate)> = c
        .leave
        .iter()
        .map(|&(start, end)| (start.max(first), end.min(last)))
        .filter(|(start, end)| start <= end)
        .collect();
    leave.sort_unstable();
    let mut off = 0;
    // Days before `unseen` are already counted; ranges are sorted by start.
    let mut unseen = first;
    for (start, end) in leave {
        let start = start.max(unseen);
        if start > end {
            continue;
        }
        off += (end - start).num_days() + 1;
        match end.succ_opt() {
            Some(next) => unseen = next,
            None => break,
        }
    }
    let days = (last - first).num_days() + 1 - off;
    u32::try_from(days).unwrap_or(u32::MAX)
}

/// Units the producer can make by the delivery day: daily capacity ×
/// production days, saturating. Says nothing about lead time or leave on
/// the delivery day.
pub fn can_make(c: &Candidate, need: &Need) -> u32 {
    c.daily_capacity.saturating_mul(production_days(c, need))
}

fn lead_fits(c: &Candidate, need: &Need) -> bool {
    need.days_left() >= i64::from(c.min_lead_days)
}

/// Why one producer cannot make the whole quantity alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfit {
    /// The request comes later than its lead time allows. `earliest` is the
    /// first delivery day its lead time allows (capacity is a separate
    /// question: it may need later still).
    TooLate { earliest: NaiveDate },
    /// The quantity is under its minimum order.
    BelowMinOrder { min: u32 },
    /// It can make only `can_make` units by then.
    OverCapacity { can_make: u32 },
    /// It is on leave on the delivery day.
    OnLeave,
}

/// Whether this producer alone can make the whole quantity by the delivery
/// day. The first failing check is reported, in this order: minimum order
/// (no date fixes it), lead time, leave on the delivery day, capacity over
/// the production days.
pub fn can_make_alone(c: &Candidate, need: &Need) -> Result<(), Unfit> {
    if need.quantity < c.min_order {
        return Err(Unfit::BelowMinOrder { min: c.min_order });
    }
    if !lead_fits(c, need) {
        let earliest = need
            .today
            .checked_add_days(Days::new(c.min_lead_days.into()))
            .unwrap_or(NaiveDate::MAX);
        return Err(Unfit::TooLate { earliest });
    }
    if on_leave(c, need.delivery) {
        return Err(Unfit::OnLeave);
    }
    let can = can_make(c, need);
    if can < need.quantity {
        return Err(Unfit::OverCapacity { can_make: can });
    }
    Ok(())
}

/// Ratings compared in half stars, so that close averages (4.6 and 4.7)
/// count as equal and fair rotation decides between them. Unrated (or a
/// rating that is not a number) counts as [`UNRATED`].
fn half_stars(rating: Option<f64>) -> i64 {
    let r = rating.filter(|r| r.is_finite()).unwrap_or(UNRATED);
    (r.clamp(1.0, 5.0) * 2.0).round() as i64
}

/// The ranking order, best first:
/// 1. in the requested regency before the rest of the province;
/// 2. matched by product name before matched by category only;
/// 3. higher rating, compared in half stars (4.6 and 4.7 tie, 4.8 beats
///    both); unrated counts as 3.5, between good and poor ratings;
/// 4. fair rotation: fewer requests received lately first;
/// 5. lower id (older producer) first, so the order is total and stable.
pub fn by_rank(a: &Candidate, b: &Candidate) -> Ordering {
    b.same_regency
        .cmp(&a.same_regency)
        .then(b.matches_item.cmp(&a.matches_item))
        .then(half_stars(b.rating).cmp(&half_stars(a.rating)))
        .then(a.recent_requests.cmp(&b.recent_requests))
        .then(a.id.cmp(&b.id))
}

/// The candidates best first, in the order of [`by_rank`]. Feasibility is
/// not checked here: [`assess`] keeps those who can make the quantity.
pub fn rank(candidates: &[Candidate]) -> Vec<&Candidate> {
    let mut ranked: Vec<&Candidate> = candidates.iter().collect();
    ranked.sort_by(|a, b| by_rank(a, b));
    ranked
}

/// What to tell the requester.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Producers who can each make the whole quantity, best first, at most
    /// `limit`.
    Alone(Vec<i64>),
    /// Nobody alone, but together: (producer, part) with parts summing
    /// exactly to the quantity, using the fewest producers; each part is at
    /// least that producer's minimum order and at most what it can make by
    /// then. See [`split`].
    Split(Vec<(i64, u32)>),
    /// Too soon for everyone — nobody can make any of it by then ("terlalu
    /// mendadak") — and `earliest` is the first delivery date at which the
    /// request would work, alone or split.
    TooLate { earliest: NaiveDate },
    /// Even all who can take part together cannot make it by then
    /// ("terlalu banyak"). `can_make` is the most they could deliver by then
    /// (respecting minimum orders; less than the quantity, possibly 0);
    /// `earliest` is the first delivery date at which the request would
    /// work, if any within [`HORIZON_DAYS`] (see [`earliest_workable`]).
    TooBig {
        can_make: u32,
        earliest: Option<NaiveDate>,
    },
    /// The quantity is under every candidate's minimum order; no date helps.
    /// `min_order` is the smallest minimum among them.
    TooSmall { min_order: u32 },
    /// No candidates at all (nobody makes this there).
    NobodyMakesIt,
}

/// Who can make `need`, or why nobody can.
///
/// 1. No candidates: [`Verdict::NobodyMakesIt`].
/// 2. Those who can make it alone ([`can_make_alone`]), ranked
///    ([`by_rank`]), at most `limit` of them (a `limit` of 0 is read as 1):
///    [`Verdict::Alone`].
/// 3. Otherwise a split across several producers ([`split`]):
///    [`Verdict::Split`].
/// 4. Otherwise, if the quantity is under every minimum order:
///    [`Verdict::TooSmall`].
/// 5. Otherwise, if nobody can make any of it by then but a later date
///    works: [`Verdict::TooLate`]; else [`Verdict::TooBig`] with what they
///    could make together and the earliest date, if any.
pub fn assess(need: &Need, candidates: &[Candidate], limit: usize) -> Verdict {
    if candidates.is_empty() {
        return Verdict::NobodyMakesIt;
    }
    let alone: Vec<i64> = rank(candidates)
        .into_iter()
        .filter(|c| can_make_alone(c, need).is_ok())
        .take(limit.max(1))
        .map(|c| c.id)
        .collect();
    if !alone.is_empty() {
        return Verdict::Alone(alone);
    }
    if let Some(parts) = split(need, candidates) {
        return Verdict::Split(parts);
    }
    let smallest_min = candidates.iter().map(|c| c.min_order).min().unwrap_or(0);
    if need.quantity < smallest_min {
        return Verdict::TooSmall {
            min_order: smallest_min,
        };
    }
    let quantity = u64::from(need.quantity);
    let can_make = most(&shares(need, candidates), quantity);
    let can_make = u32::try_from(can_make).unwrap_or(need.quantity);
    let earliest = earliest_workable(need, candidates);
    match earliest {
        Some(earliest) if can_make == 0 => Verdict::TooLate { earliest },
        _ => Verdict::TooBig { can_make, earliest },
    }
}

/// The first delivery date on or after `need.delivery` at which the request
/// would work, alone or split (what [`assess`] answers with
/// [`Verdict::Alone`] or [`Verdict::Split`]).
///
/// Dates are tried one by one — leave on a delivery day makes workable
/// dates come and go, so there is no bisecting — starting at the requested
/// date, or at the first date the shortest lead time allows if that is
/// later, and trying [`HORIZON_DAYS`] dates. `None` when none of them works
/// (or there are no candidates).
pub fn earliest_workable(need: &Need, candidates: &[Candidate]) -> Option<NaiveDate> {
    let shortest_lead = candidates.iter().map(|c| c.min_lead_days).min()?;
    let lead_allows = need
        .today
        .checked_add_days(Days::new(shortest_lead.into()))?;
    let start = need.delivery.max(lead_allows);
    (0..HORIZON_DAYS)
        .map_while(|n| start.checked_add_days(Days::new(n)))
        .find(|&day| workable(&need.delivered_on(day), candidates))
}

/// Whether someone alone, or several together, can make `need`.
fn workable(need: &Need, candidates: &[Candidate]) -> bool {
    let quantity = u64::from(need.quantity);
    quantity > 0 && most(&shares(need, candidates), quantity) >= quantity
}

/// A producer as a possible member of a split: its part must be at least
/// `min` (its minimum order) and at most `max` (what it can make by then,
/// capped at the quantity).
#[derive(Debug, Clone, Copy)]
struct Share {
    id: i64,
    min: u64,
    max: u64,
}

/// The producers who could take a part of `need`, best ranked first: lead
/// time met, not on leave on the delivery day, and able to make at least
/// their own minimum order by then.
fn shares(need: &Need, candidates: &[Candidate]) -> Vec<Share> {
    let quantity = u64::from(need.quantity);
    rank(candidates)
        .into_iter()
        .filter(|c| lead_fits(c, need) && !on_leave(c, need.delivery))
        .map(|c| Share {
            id: c.id,
            min: c.min_order.into(),
            max: u64::from(can_make(c, need)).min(quantity),
        })
        .filter(|s| s.max > 0 && s.min <= s.max)
        .collect()
}

// How splits are found
// --------------------
// A group of producers can share the quantity q exactly when
//     Σ min ≤ q ≤ Σ max
// (each part lies between its producer's `min` and `max`; starting every
// part at its `min` and raising parts one unit at a time reaches every total
// in between). So a split is a group satisfying that, and we want:
//
// 1. The fewest producers. Without minimum orders the answer is to take the
//    largest `max` first: the k largest capacities give the largest total any
//    k producers can reach, so if they fall short of q, every group of k
//    does, and the smallest k whose largest capacities cover q is the
//    fewest possible. That stays a lower bound with minimum orders, but the
//    k largest may then clash (their minimums together exceed q, e.g. two
//    producers who each make 90 but take no less than 60, for 100 units),
//    while another group of k fits. So the count is found exactly by
//    `fewest`, a small dynamic programme over (Σ min, Σ max) pairs.
// 2. Among equally few, the best ranked: go down the ranking and take each
//    producer if the group can still be completed to k members with those
//    after it (`fewest` again, as the test). This yields the group whose
//    ranking positions are lexicographically first: the best-ranked
//    producer that can be in any fewest group is in it, and so on.
// 3. Parts: every member starts at its minimum order, and what remains is
//    filled largest capacity first, each up to its capacity — so the larger
//    producers take as much as they can and the last one the rest (400 from
//    150/100/100/80 → 150 + 100 + 100 + 50). A small last part is never
//    under its minimum: it started there, and the larger parts gave way.
//    No part is 0: a member whose part stayed 0 would not be needed, and
//    the group would not be the fewest.
//
// The programme keeps, per group size, only the pairs no other pair beats
// (lower or equal Σ min with higher or equal Σ max), with Σ max capped at
// what is still needed; those lists stay short for realistic minimums.

/// Keeps the pairs (Σ min, Σ max) that no other pair beats, sorted by
/// Σ min (and so by Σ max).
fn frontier(mut pairs: Vec<(u64, u64)>) -> Vec<(u64, u64)> {
    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(u64, u64)> = Vec::with_capacity(pairs.len());
    for pair in pairs {
        if kept.last().is_none_or(|last| pair.1 > last.1) {
            kept.push(pair);
        }
    }
    kept
}

/// The fewest of `shares` (at most `max_count`) whose minimums add up to at
/// most `max_min` and whose capacities add up to at least `need_max`.
fn fewest(shares: &[Share], max_count: usize, max_min: u64, need_max: u64) -> Option<usize> {
    if need_max == 0 {
        return Some(0);
    }
    // by_size[j]: the unbeaten (Σ min, Σ max) of groups of j seen so far.
    let mut by_size: Vec<Vec<(u64, u64)>> = vec![Vec::new(); max_count + 1];
    by_size[0].push((0, 0));
    let mut best: Option<usize> = None;
    for share in shares {
        for j in (1..=max_count).rev() {
            if best.is_some_and(|b| j >= b) || by_size[j - 1].is_empty() {
                continue;
            }
            let grown: Vec<(u64, u64)> = by_size[j - 1]
                .iter()
                .map(|&(lo, hi)| (lo + share.min, (hi + share.max).min(need_max)))
                .filter(|&(lo, _)| lo <= max_min)
                .collect();
            if grown.iter().any(|&(_, hi)| hi >= need_max) {
                best = Some(j);
            }
            let mut pairs = std::mem::take(&mut by_size[j]);
            pairs.extend(grown);
            by_size[j] = frontier(pairs);
        }
    }
    best
}

/// The most that some of `shares` can deliver together, at most `quantity`:
/// the largest Σ max over groups whose Σ min fits in the quantity.
fn most(shares: &[Share], quantity: u64) -> u64 {
    let mut pairs = vec![(0, 0)];
    for share in shares {
        let grown: Vec<(u64, u64)> = pairs
            .iter()
            .map(|&(lo, hi)| (lo + share.min, (hi + share.max).min(quantity)))
            .filter(|&(lo, _)| lo <= quantity)
            .collect();
        pairs.extend(grown);
        pairs = frontier(pairs);
        if pairs.last().is_some_and(|&(_, hi)| hi >= quantity) {
            return quantity;
        }
    }
    pairs.last().map_or(0, |&(_, hi)| hi)
}

/// The gotong-royong proposal when nobody can make `need` alone: the fewest
/// producers, the best ranked among equally few, with their parts (largest
/// capacity first; see the comment above `frontier` for why this is the
/// fewest and how parts are cut). The parts sum exactly to the quantity,
/// each at least that producer's minimum order and at most what it can make
/// by then. `None` when one producer can make it alone, or when even all
/// together cannot.
pub fn split(need: &Need, candidates: &[Candidate]) -> Option<Vec<(i64, u32)>> {
    let quantity = u64::from(need.quantity);
    let shares = shares(need, candidates);
    let k = fewest(&shares, shares.len(), quantity, quantity)?;
    if k < 2 {
        return None;
    }
    let mut group: Vec<Share> = Vec::with_capacity(k);
    let (mut lo, mut hi) = (0, 0);
    for (i, share) in shares.iter().enumerate() {
        let wanted = k - group.len();
        if wanted == 0 {
            break;
        }
        let (lo_with, hi_with) = (lo + share.min, hi + share.max);
        // Since k is the fewest, a completion cannot use fewer than
        // `wanted - 1` more producers, so "at most" here means "exactly".
        if lo_with <= quantity
            && fewest(
                &shares[i + 1..],
                wanted - 1,
                quantity - lo_with,
                quantity.saturating_sub(hi_with),
            )
            .is_some()
        {
            group.push(*share);
            (lo, hi) = (lo_with, hi_with);
        }
    }
    debug_assert_eq!(group.len(), k);
    // Stable: equal capacities keep their ranking order.
    group.sort_by_key(|s| Reverse(s.max));
    let mut rest = quantity - lo;
    let parts = group
        .iter()
        .map(|s| {
            let extra = (s.max - s.min).min(rest);
            rest -= extra;
            (s.id, u32::try_from(s.min + extra).unwrap_or(need.quantity))
        })
        .collect();
    debug_assert_eq!(rest, 0);
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::date as d;

    const TODAY: &str = "2026-03-10"; // a Tuesday

    fn need(quantity: u32, delivery: &str) -> Need {
        Need {
            quantity,
            delivery: d(delivery),
            today: d(TODAY),
        }
    }

    /// An in-regency, product-matched, unrated producer: 100 a day, no lead
    /// time, minimum order 1, never on leave.
    fn producer(id: i64) -> Candidate {
        Candidate {
            id,
            daily_capacity: 100,
            min_lead_days: 0,
            min_order: 1,
            leave: Vec::new(),
            rating: None,
            recent_requests: 0,
            same_regency: true,
            matches_item: true,
        }
    }

    fn making(id: i64, daily_capacity: u32) -> Candidate {
        Candidate {
            daily_capacity,
            ..producer(id)
        }
    }

    fn ids(ranked: Vec<&Candidate>) -> Vec<i64> {
        ranked.into_iter().map(|c| c.id).collect()
    }

    // --- production days, leave, capacity ---------------------------------

    #[test]
    fn production_days_are_the_days_strictly_between_today_and_delivery() {
        let p = producer(1);
        // 11..19 March.
        assert_eq!(production_days(&p, &need(1, "2026-03-20")), 9);
        assert_eq!(production_days(&p, &need(1, "2026-03-12")), 1);
        assert_eq!(production_days(&p, &need(1, "2026-03-11")), 0);
        assert_eq!(production_days(&p, &need(1, "2026-03-10")), 0);
        assert_eq!(production_days(&p, &need(1, "2026-03-01")), 0);
    }

    #[test]
    fn leave_on_some_production_days_removes_only_those_days() {
        let p = Candidate {
            leave: vec![(d("2026-03-12"), d("2026-03-14"))],
            ..producer(1)
        };
        let n = need(700, "2026-03-20");
        assert_eq!(production_days(&p, &n), 6);
        assert_eq!(can_make(&p, &n), 600);
        assert_eq!(
            can_make_alone(&p, &n),
            Err(Unfit::OverCapacity { can_make: 600 })
        );
        assert_eq!(can_make_alone(&p, &need(600, "2026-03-20")), Ok(()));
    }

    #[test]
    fn overlapping_leave_is_counted_once_and_leave_outside_the_window_not_at_all() {
        let p = Candidate {
            leave: vec![
                (d("2026-03-13"), d("2026-03-16")),
                (d("2026-03-01"), d("2026-03-05")),
                (d("2026-03-12"), d("2026-03-14")),
                (d("2026-03-14"), d("2026-03-14")),
                (d("2026-03-19"), d("2026-04-30")),
                (d("2026-03-18"), d("2026-03-17")), // backwards: ignored
            ],
            ..producer(1)
        };
        // 11..19 March minus 12..16 and 19.
        assert_eq!(production_days(&p, &need(1, "2026-03-20")), 3);
    }

    #[test]
    fn leave_on_the_delivery_day_excludes_the_producer() {
        let away = Candidate {
            leave: vec![(d("2026-03-20"), d("2026-03-20"))],
            ..producer(1)
        };
        let n = need(100, "2026-03-20");
        assert_eq!(production_days(&away, &n), 9);
        assert_eq!(can_make_alone(&away, &n), Err(Unfit::OnLeave));
        assert_eq!(
            assess(&n, &[away.clone(), producer(2)], DEFAULT_LIMIT),
            Verdict::Alone(vec![2])
        );
        assert_eq!(
            assess(&n, &[away], DEFAULT_LIMIT),
            Verdict::TooLate {
                earliest: d("2026-03-21")
            }
        );
    }

    #[test]
    fn capacity_times_production_days_must_cover_the_quantity() {
        let p = making(1, 30);
        // 4 production days: 11..14 March.
        assert_eq!(can_make_alone(&p, &need(120, "2026-03-15")), Ok(()));
        assert_eq!(
            can_make_alone(&p, &need(121, "2026-03-15")),
            Err(Unfit::OverCapacity { can_make: 120 })
        );
    }

    #[test]
    fn the_lead_time_is_met_when_the_days_left_equal_it() {
        let p = Candidate {
            min_lead_days: 5,
            ..producer(1)
        };
        assert_eq!(can_make_alone(&p, &need(10, "2026-03-15")), Ok(()));
        assert_eq!(
            can_make_alone(&p, &need(10, "2026-03-14")),
            Err(Unfit::TooLate {
                earliest: d("2026-03-15")
            })
        );
    }

    #[test]
    fn a_quantity_under_the_minimum_order_is_refused_before_anything_else() {
        let p = Candidate {
            min_order: 50,
            min_lead_days: 30,
            ..producer(1)
        };
        assert_eq!(
            can_make_alone(&p, &need(49, "2026-03-11")),
            Err(Unfit::BelowMinOrder { min: 50 })
        );
        assert_eq!(
            can_make_alone(&p, &need(50, "2026-03-11")),
            Err(Unfit::TooLate {
                earliest: d("2026-04-09")
            })
        );
    }

    // --- verdicts ------------------------------------------------------------

    #[test]
    fn no_candidates_means_nobody_makes_it() {
        assert_eq!(
            assess(&need(10, "2026-03-20"), &[], DEFAULT_LIMIT),
            Verdict::NobodyMakesIt
        );
        assert_eq!(earliest_workable(&need(10, "2026-03-20"), &[]), None);
    }

    #[test]
    fn a_quantity_of_one_is_made_by_anyone_with_a_production_day() {
        assert_eq!(
            assess(&need(1, "2026-03-12"), &[making(7, 1)], DEFAULT_LIMIT),
            Verdict::Alone(vec![7])
        );
    }

    #[test]
    fn delivery_tomorrow_leaves_no_production_day_even_with_no_lead_time() {
        let p = producer(1);
        let n = need(10, "2026-03-11");
        assert_eq!(
            can_make_alone(&p, &n),
            Err(Unfit::OverCapacity { can_make: 0 })
        );
        assert_eq!(
            assess(&n, &[p], DEFAULT_LIMIT),
            Verdict::TooLate {
                earliest: d("2026-03-12")
            }
        );
    }

    #[test]
    fn delivery_today_with_no_lead_time_is_too_late_not_a_crash() {
        assert_eq!(
            assess(&need(10, TODAY), &[producer(1)], DEFAULT_LIMIT),
            Verdict::TooLate {
                earliest: d("2026-03-12")
            }
        );
    }

    #[test]
    fn too_soon_for_everyone_gives_the_date_the_lead_time_allows() {
        let a = Candidate {
            min_lead_days: 7,
            ..producer(1)
        };
        let b = Candidate {
            min_lead_days: 9,
            ..producer(2)
        };
        assert_eq!(
            assess(&need(100, "2026-03-13"), &[a, b], DEFAULT_LIMIT),
            Verdict::TooLate {
                earliest: d("2026-03-17")
            }
        );
    }

    #[test]
    fn the_earliest_date_waits_for_capacity_when_the_lead_time_is_not_enough() {
        let p = Candidate {
            daily_capacity: 10,
            min_lead_days: 3,
            ..producer(1)
        };
        // 100 units at 10 a day need 10 production days: 11..20 March.
        assert_eq!(
            assess(&need(100, "2026-03-12"), &[p], DEFAULT_LIMIT),
            Verdict::TooLate {
                earliest: d("2026-03-21")
            }
        );
    }

    #[test]
    fn the_earliest_date_skips_a_delivery_day_the_producer_is_on_leave() {
        let p = Candidate {
            min_lead_days: 7,
            leave: vec![(d("2026-03-17"), d("2026-03-17"))],
            ..producer(1)
        };
        assert_eq!(
            assess(&need(100, "2026-03-12"), &[p], DEFAULT_LIMIT),
            Verdict::TooLate {
                earliest: d("2026-03-18")
            }
        );
    }

    #[test]
    fn a_lead_time_longer_than_the_horizon_still_finds_its_date() {
        let p = Candidate {
            min_lead_days: 200,
            ..producer(1)
        };
        assert_eq!(
            assess(&need(100, "2026-03-20"), &[p], DEFAULT_LIMIT),
            Verdict::TooLate {
                earliest: d("2026-09-26")
            }
        );
    }

    #[test]
    fn four_hundred_boxes_are_split_150_100_100_50_when_nobody_can_alone() {
        // One production day (11 March).
        let candidates = [
            making(1, 150),
            making(2, 100),
            making(3, 100),
            making(4, 80),
        ];
        assert_eq!(
            assess(&need(400, "2026-03-12"), &candidates, DEFAULT_LIMIT),
            Verdict::Split(vec![(1, 150), (2, 100), (3, 100), (4, 50)])
        );
    }

    #[test]
    fn the_split_uses_the_fewest_producers_even_if_smaller_ones_rank_higher() {
        let big = Candidate {
            rating: Some(2.0),
            same_regency: false,
            ..making(9, 300)
        };
        let small: Vec<Candidate> = (1..=5)
            .map(|id| Candidate {
                rating: Some(5.0),
                ..making(id, 100)
            })
            .collect();
        let mut candidates = small;
        candidates.push(big);
        assert_eq!(
            split(&need(400, "2026-03-12"), &candidates),
            Some(vec![(9, 300), (1, 100)])
        );
    }

    #[test]
    fn among_equally_few_the_split_prefers_better_ranked_producers() {
        // 150 + 100 + 100 + 80 and 150 + 100 + 100 + 50 both cover 400 with
        // four; the 50-a-day producer is in the regency, the 80 one is not.
        let near = making(5, 50);
        let far = Candidate {
            same_regency: false,
            ..making(4, 80)
        };
        let candidates = [making(1, 150), making(2, 100), making(3, 100), far, near];
        assert_eq!(
            assess(&need(400, "2026-03-12"), &candidates, DEFAULT_LIMIT),
            Verdict::Split(vec![(1, 150), (2, 100), (3, 100), (5, 50)])
        );
    }

    #[test]
    fn a_small_last_part_is_raised_to_its_minimum_order_from_the_larger_parts() {
        let picky = Candidate {
            min_order: 60,
            ..making(4, 80)
        };
        let candidates = [making(1, 150), making(2, 100), making(3, 100), picky];
        assert_eq!(
            split(&need(400, "2026-03-12"), &candidates),
            Some(vec![(1, 150), (2, 100), (3, 90), (4, 60)])
        );
    }

    #[test]
    fn when_the_largest_producers_minimums_clash_another_pair_is_chosen() {
        // A and B make 90 each but take no less than 60: together at least
        // 120, too many for 100. A and C fit.
        let a = Candidate {
            min_order: 60,
            ..making(1, 90)
        };
        let b = Candidate {
            min_order: 60,
            ..making(2, 90)
        };
        let c = Candidate {
            min_order: 10,
            ..making(3, 40)
        };
        assert_eq!(
            assess(&need(100, "2026-03-12"), &[a, b, c], DEFAULT_LIMIT),
            Verdict::Split(vec![(1, 90), (3, 10)])
        );
    }

    #[test]
    fn when_all_together_fall_short_the_verdict_says_how_much_and_from_when() {
        // 200 a day over 3 production days (11..13 March) = 600; 1000 need 5.
        let candidates = [producer(1), producer(2)];
        assert_eq!(
            assess(&need(1000, "2026-03-14"), &candidates, DEFAULT_LIMIT),
            Verdict::TooBig {
                can_make: 600,
                earliest: Some(d("2026-03-16"))
            }
        );
    }

    #[test]
    fn what_they_could_make_respects_minimum_orders() {
        // Each makes 60 by then and takes no less than 60: for 100 units
        // only one of them can deliver, so 60, not 120.
        let a = Candidate {
            min_order: 60,
            ..making(1, 60)
        };
        let b = Candidate {
            min_order: 60,
            ..making(2, 60)
        };
        assert_eq!(
            assess(&need(100, "2026-03-12"), &[a, b], DEFAULT_LIMIT),
            Verdict::TooBig {
                can_make: 60,
                earliest: Some(d("2026-03-13"))
            }
        );
    }

    #[test]
    fn too_big_with_no_workable_date_within_the_horizon_says_none() {
        assert_eq!(
            assess(
                &need(1_000_000, "2026-03-20"),
                &[making(1, 10)],
                DEFAULT_LIMIT
            ),
            Verdict::TooBig {
                can_make: 90,
                earliest: None
            }
        );
    }

    #[test]
    fn a_quantity_under_every_minimum_order_is_too_small() {
        let a = Candidate {
            min_order: 50,
            ..producer(1)
        };
        let b = Candidate {
            min_order: 20,
            ..producer(2)
        };
        assert_eq!(
            assess(&need(5, "2026-03-20"), &[a, b], DEFAULT_LIMIT),
            Verdict::TooSmall { min_order: 20 }
        );
    }

    #[test]
    fn absurd_numbers_saturate_instead_of_overflowing() {
        let huge = Candidate {
            daily_capacity: u32::MAX,
            min_lead_days: u32::MAX,
            ..producer(1)
        };
        let n = need(u32::MAX, "2027-03-20");
        assert_eq!(can_make(&huge, &n), u32::MAX);
        assert_eq!(
            can_make_alone(&huge, &n),
            Err(Unfit::TooLate {
                earliest: NaiveDate::MAX
            })
        );
        let fast = Candidate {
            daily_capacity: u32::MAX,
            ..producer(2)
        };
        assert_eq!(
            assess(&n, &[huge, fast], DEFAULT_LIMIT),
            Verdict::Alone(vec![2])
        );
    }

    // --- ranking and limit -----------------------------------------------------

    #[test]
    fn ranking_puts_regency_then_product_match_then_rating_then_rotation_then_id() {
        let province = Candidate {
            same_regency: false,
            rating: Some(5.0),
            ..producer(1)
        };
        let category_only = Candidate {
            matches_item: false,
            rating: Some(5.0),
            ..producer(2)
        };
        let rated_4 = Candidate {
            rating: Some(4.0),
            ..producer(3)
        };
        let busy = Candidate {
            rating: Some(5.0),
            recent_requests: 3,
            ..producer(4)
        };
        let idle_later_id = Candidate {
            rating: Some(5.0),
            ..producer(6)
        };
        let idle = Candidate {
            rating: Some(5.0),
            ..producer(5)
        };
        let all = [province, category_only, rated_4, busy, idle_later_id, idle];
        assert_eq!(ids(rank(&all)), vec![5, 6, 4, 3, 2, 1]);
    }

    #[test]
    fn unrated_producers_rank_between_good_and_poor_ratings() {
        let good = Candidate {
            rating: Some(4.0),
            ..producer(1)
        };
        let poor = Candidate {
            rating: Some(3.0),
            ..producer(2)
        };
        let new = producer(3);
        assert_eq!(ids(rank(&[poor, new, good])), vec![1, 3, 2]);
    }

    #[test]
    fn fewer_recent_requests_come_first_among_equally_rated() {
        let busy = Candidate {
            rating: Some(4.5),
            recent_requests: 8,
            ..producer(1)
        };
        let quiet = Candidate {
            rating: Some(4.5),
            recent_requests: 1,
            ..producer(2)
        };
        let n = need(100, "2026-03-20");
        assert_eq!(
            assess(&n, &[busy.clone(), quiet.clone()], DEFAULT_LIMIT),
            Verdict::Alone(vec![2, 1])
        );
        // Fair rotation does not outweigh a clearly better rating.
        let better = Candidate {
            rating: Some(5.0),
            ..busy
        };
        assert_eq!(
            assess(&n, &[better, quiet], DEFAULT_LIMIT),
            Verdict::Alone(vec![1, 2])
        );
    }

    #[test]
    fn ratings_within_one_half_star_count_as_equal() {
        let rated = |id, rating, recent_requests| Candidate {
            rating: Some(rating),
            recent_requests,
            ..producer(id)
        };
        // 4.7 and 4.6 are both 4.5 in half stars: rotation decides.
        assert_eq!(ids(rank(&[rated(1, 4.7, 5), rated(2, 4.6, 0)])), vec![2, 1]);
        // 4.8 is 5.0 in half stars: it beats 4.6 whatever the rotation.
        assert_eq!(ids(rank(&[rated(2, 4.6, 0), rated(1, 4.8, 5)])), vec![1, 2]);
    }

    #[test]
    fn alone_lists_at_most_limit_producers_best_first() {
        let candidates: Vec<Candidate> = (1..=12)
            .map(|id| Candidate {
                recent_requests: 12 - id as u32,
                ..producer(id)
            })
            .collect();
        let n = need(100, "2026-03-20");
        assert_eq!(
            assess(&n, &candidates, DEFAULT_LIMIT),
            Verdict::Alone((3..=12).rev().collect())
        );
        assert_eq!(assess(&n, &candidates, 3), Verdict::Alone(vec![12, 11, 10]));
        assert_eq!(assess(&n, &candidates, 0), Verdict::Alone(vec![12]));
    }

    #[test]
    fn alone_leaves_out_those_who_cannot_make_it_without_counting_them_in_the_limit() {
        let late = Candidate {
            min_lead_days: 30,
            rating: Some(5.0),
            ..producer(1)
        };
        let small = Candidate {
            rating: Some(5.0),
            ..making(2, 1)
        };
        let candidates = [late, small, producer(3), producer(4)];
        assert_eq!(
            assess(&need(100, "2026-03-20"), &candidates, 2),
            Verdict::Alone(vec![3, 4])
        );
    }

    // --- against brute force -------------------------------------------------

    /// A tiny deterministic generator, so the cases are fixed.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    /// (id, min, max) of the producers who could take a part, in rank order,
    /// worked out the plain way.
    fn plain_shares(n: &Need, candidates: &[Candidate]) -> Vec<(i64, u64, u64)> {
        rank(candidates)
            .into_iter()
            .filter(|c| n.days_left() >= i64::from(c.min_lead_days) && !on_leave(c, n.delivery))
            .map(|c| {
                let max = (u64::from(c.daily_capacity) * u64::from(production_days(c, n)))
                    .min(u64::from(n.quantity));
                (c.id, u64::from(c.min_order), max)
            })
            .filter(|&(_, min, max)| max > 0 && min <= max)
            .collect()
    }

    /// Every group (as rank positions, ascending) that can share the quantity.
    fn plain_groups(q: u64, shares: &[(i64, u64, u64)]) -> Vec<Vec<usize>> {
        (0u32..1 << shares.len())
            .map(|mask| {
                (0..shares.len())
                    .filter(|i| mask & (1 << i) != 0)
                    .collect::<Vec<usize>>()
            })
            .filter(|g| {
                let lo: u64 = g.iter().map(|&i| shares[i].1).sum();
                let hi: u64 = g.iter().map(|&i| shares[i].2).sum();
                !g.is_empty() && lo <= q && q <= hi
            })
            .collect()
    }

    fn plain_workable(n: &Need, candidates: &[Candidate]) -> bool {
        !plain_groups(u64::from(n.quantity), &plain_shares(n, candidates)).is_empty()
    }

    #[test]
    fn verdicts_agree_with_trying_every_group_of_producers() {
        let mut rng = Lcg(2026);
        let today = d(TODAY);
        let day = |n: u64| today.checked_add_days(Days::new(n)).unwrap();
        for _ in 0..3000 {
            let candidates: Vec<Candidate> = (0..rng.below(7))
                .map(|i| {
                    let leave = if rng.below(3) == 0 {
                        let start = 1 + rng.below(10);
                        vec![(day(start), day(start + rng.below(4)))]
                    } else {
                        Vec::new()
                    };
                    Candidate {
                        id: i as i64 + 1,
                        daily_capacity: 1 + rng.below(12) as u32,
                        min_lead_days: rng.below(5) as u32,
                        min_order: 1 + rng.below(25) as u32,
                        leave,
                        rating: [None, Some(2.0), Some(4.0), Some(5.0)][rng.below(4) as usize],
                        recent_requests: rng.below(3) as u32,
                        same_regency: rng.below(2) == 0,
                        matches_item: rng.below(2) == 0,
                    }
                })
                .collect();
            let n = Need {
                quantity: 1 + rng.below(70) as u32,
                delivery: day(rng.below(9)),
                today,
            };
            let q = u64::from(n.quantity);
            let shares = plain_shares(&n, &candidates);
            let groups = plain_groups(q, &shares);
            let fewest = groups.iter().map(Vec::len).min();
            let verdict = assess(&n, &candidates, DEFAULT_LIMIT);
            let case = format!("{n:?} {candidates:?} → {verdict:?}");
            match (&verdict, fewest) {
                (Verdict::Alone(ids), Some(1)) => {
                    assert!(!ids.is_empty(), "{case}");
                    for id in ids {
                        let c = candidates.iter().find(|c| c.id == *id).unwrap();
                        assert_eq!(can_make_alone(c, &n), Ok(()), "{case}");
                    }
                }
                (Verdict::Split(parts), Some(k)) if k >= 2 => {
                    assert_eq!(parts.len(), k, "fewest: {case}");
                    let total: u64 = parts.iter().map(|&(_, p)| u64::from(p)).sum();
                    assert_eq!(total, q, "{case}");
                    for &(id, part) in parts {
                        let &(_, min, max) = shares.iter().find(|s| s.0 == id).unwrap();
                        assert!(min <= u64::from(part) && u64::from(part) <= max, "{case}");
                    }
                    // The best-ranked group among the fewest.
                    let best = groups.iter().filter(|g| g.len() == k).min().unwrap();
                    let mut chosen: Vec<usize> = parts
                        .iter()
                        .map(|&(id, _)| shares.iter().position(|s| s.0 == id).unwrap())
                        .collect();
                    chosen.sort_unstable();
                    assert_eq!(&chosen, best, "best ranked: {case}");
                }
                (Verdict::NobodyMakesIt, None) => assert!(candidates.is_empty(), "{case}"),
                (Verdict::TooSmall { min_order }, None) => {
                    assert!(
                        candidates.iter().all(|c| c.min_order >= *min_order),
                        "{case}"
                    );
                    assert!(n.quantity < *min_order, "{case}");
                }
                (Verdict::TooLate { earliest }, None) => {
                    assert!(shares.is_empty(), "{case}");
                    check_earliest(&n, &candidates, Some(*earliest), &case);
                }
                (Verdict::TooBig { can_make, earliest }, None) => {
                    let most = (0u32..1 << shares.len())
                        .filter_map(|mask| {
                            let g = (0..shares.len()).filter(|i| mask & (1 << i) != 0);
                            let lo: u64 = g.clone().map(|i| shares[i].1).sum();
                            let hi: u64 = g.map(|i| shares[i].2).sum();
                            (lo <= q).then_some(hi.min(q))
                        })
                        .max()
                        .unwrap_or(0);
                    assert_eq!(u64::from(*can_make), most, "{case}");
                    check_earliest(&n, &candidates, *earliest, &case);
                }
                _ => panic!("fewest {fewest:?} disagrees: {case}"),
            }
        }
    }

    fn check_earliest(n: &Need, candidates: &[Candidate], earliest: Option<NaiveDate>, case: &str) {
        let last = earliest.unwrap_or(n.delivery + Days::new(400));
        let mut day = n.delivery;
        while day < last {
            assert!(
                !plain_workable(&n.delivered_on(day), candidates),
                "{day}: {case}"
            );
            day = day.succ_opt().unwrap();
        }
        if let Some(e) = earliest {
            assert!(plain_workable(&n.delivered_on(e), candidates), "{case}");
            assert!(e > n.delivery, "{case}");
        }
    }
}
