//! The life of an order: who moves it, and where to.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Awarded; waiting for the producer to accept.
    Awarded,
    Accepted,
    InProduction,
    Ready,
    Delivered,
    /// Staff confirmed receipt.
    Received,
    Cancelled,
    /// Not accepted in time; staff awarded elsewhere.
    Lapsed,
}

stored_codes!(OrderStatus {
    Awarded => "awarded",
    Accepted => "accepted",
    InProduction => "in_production",
    Ready => "ready",
    Delivered => "delivered",
    Received => "received",
    Cancelled => "cancelled",
    Lapsed => "lapsed",
});

impl OrderStatus {
    /// The next step the awarded producer may take: accept → diproses →
    /// siap → terkirim.
    pub fn producer_next(self) -> Option<OrderStatus> {
        match self {
            OrderStatus::Awarded => Some(OrderStatus::Accepted),
            OrderStatus::Accepted => Some(OrderStatus::InProduction),
            OrderStatus::InProduction => Some(OrderStatus::Ready),
            OrderStatus::Ready => Some(OrderStatus::Delivered),
            _ => None,
        }
    }

    /// Staff of the ordering office confirm receipt once it is delivered
    /// (or ready, when they collect it themselves).
    pub fn staff_may_receive(self) -> bool {
        matches!(self, OrderStatus::Ready | OrderStatus::Delivered)
    }

    /// Either side may cancel, with a reason, until it is delivered.
    pub fn may_cancel(self) -> bool {
        matches!(
            self,
            OrderStatus::Awarded
                | OrderStatus::Accepted
                | OrderStatus::InProduction
                | OrderStatus::Ready
        )
    }

    pub fn is_finished(self) -> bool {
        matches!(
            self,
            OrderStatus::Received | OrderStatus::Cancelled | OrderStatus::Lapsed
        )
    }
}

/// A rating of 1 to 5 stars.
pub fn valid_rating(stars: u8) -> bool {
    (1..=5).contains(&stars)
}

/// An order this large (total, in Rupiah) is also brought to the admins
/// when its producer reports trouble or does not confirm.
pub const LARGE_ORDER_RUPIAH: i64 = 10_000_000;

pub fn is_large(quantity: i64, unit_price: i64) -> bool {
    quantity.saturating_mul(unit_price) >= LARGE_ORDER_RUPIAH
}

/// How long a producer has to accept an award before staff are told.
pub const ACCEPT_WITHIN: chrono::Duration = chrono::Duration::hours(12);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_producer_walks_an_order_from_award_to_delivery_and_no_further() {
        let mut s = OrderStatus::Awarded;
        let mut walked = vec![s];
        while let Some(n) = s.producer_next() {
            s = n;
            walked.push(s);
        }
        assert_eq!(
            walked,
            vec![
                OrderStatus::Awarded,
                OrderStatus::Accepted,
                OrderStatus::InProduction,
                OrderStatus::Ready,
                OrderStatus::Delivered
            ]
        );
        assert!(OrderStatus::Delivered.staff_may_receive());
        assert!(!OrderStatus::Accepted.staff_may_receive());
    }

    #[test]
    fn finished_orders_cannot_be_cancelled() {
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.as_str()), Some(s));
            if s.is_finished() || s == OrderStatus::Delivered {
                assert!(!s.may_cancel(), "{s:?}");
            }
        }
        assert!(valid_rating(5) && valid_rating(1) && !valid_rating(0) && !valid_rating(6));
    }
}
