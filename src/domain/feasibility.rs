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

use std::cmp::Ordering;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

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

    // --- ranking ----------------------------------------------------------------

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
}
