//! The orders room's buttons: a request's quotes, awarding and splitting,
//! an order's steps, cancel and stars, choosing another quote, and the
//! answer to a reminder. Wire strings are the legacy `Cb` ones, so buttons
//! of old messages keep working.

use crate::domain::order::OrderStatus;
use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Staff open request #n with its quotes.
    ViewRequest(i64),
    Award {
        request: i64,
        quote: i64,
    },
    SplitStart(i64),
    SplitToggle {
        request: i64,
        quote: i64,
    },
    SplitDone(i64),
    /// Move order #n to a status (sent as its index in `OrderStatus::ALL`).
    OrderStep {
        order: i64,
        to: OrderStatus,
    },
    OrderCancel(i64),
    /// Stars as pressed; the handler refuses anything but 1 to 5.
    OrderRate {
        order: i64,
        stars: u8,
    },
    /// Let an unaccepted order lapse and choose another quote.
    OrderLapse(i64),
    /// Staff drop a troubled order to award another quote instead.
    OrderReplace(i64),
    /// The producer's answer to a reminder: on schedule, or a problem.
    ReminderAnswer {
        reminder: i64,
        ok: bool,
    },
}

/// The index of a status in `OrderStatus::ALL` (its declaration order).
fn status_index(s: OrderStatus) -> u8 {
    s as u8
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::ViewRequest(id) => format!("rv:{id}"),
            Button::Award { request, quote } => format!("aw:{request}:{quote}"),
            Button::SplitStart(id) => format!("as:{id}"),
            Button::SplitToggle { request, quote } => format!("at:{request}:{quote}"),
            Button::SplitDone(id) => format!("ad:{id}"),
            Button::OrderStep { order, to } => format!("os:{order}:{}", status_index(*to)),
            Button::OrderCancel(id) => format!("oc:{id}"),
            Button::OrderRate { order, stars } => format!("or:{order}:{stars}"),
            Button::OrderLapse(id) => format!("ol:{id}"),
            Button::OrderReplace(id) => format!("orp:{id}"),
            Button::ReminderAnswer { reminder, ok } => format!("ra:{reminder}:{}", u8::from(*ok)),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        use codec::number;
        Some(match codec::parts(data)? {
            ("rv", id, None) => Button::ViewRequest(number(id)?),
            ("aw", r, q @ Some(_)) => Button::Award {
                request: number(r)?,
                quote: number(q)?,
            },
            ("as", id, None) => Button::SplitStart(number(id)?),
            ("at", r, q @ Some(_)) => Button::SplitToggle {
                request: number(r)?,
                quote: number(q)?,
            },
            ("ad", id, None) => Button::SplitDone(number(id)?),
            ("os", o, t @ Some(_)) => Button::OrderStep {
                order: number(o)?,
                to: *OrderStatus::ALL.get(number::<usize>(t)?)?,
            },
            ("oc", id, None) => Button::OrderCancel(number(id)?),
            ("or", o, s @ Some(_)) => Button::OrderRate {
                order: number(o)?,
                stars: number(s)?,
            },
            ("ol", id, None) => Button::OrderLapse(number(id)?),
            ("orp", id, None) => Button::OrderReplace(number(id)?),
            ("ra", id, ok @ Some(_)) => Button::ReminderAnswer {
                reminder: number(id)?,
                ok: codec::flag(ok)?,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{Button as _, assert_forged, assert_round_trips};

    const M: i64 = i64::MAX;

    #[test]
    fn every_orders_button_round_trips_within_64_bytes() {
        assert_round_trips([
            Button::ViewRequest(M),
            Button::Award {
                request: M,
                quote: M,
            },
            Button::SplitStart(M),
            Button::SplitToggle {
                request: M,
                quote: M,
            },
            Button::SplitDone(M),
            Button::OrderCancel(M),
            Button::OrderRate { order: M, stars: 5 },
            Button::OrderLapse(M),
            Button::OrderReplace(M),
            Button::ReminderAnswer {
                reminder: M,
                ok: true,
            },
            Button::ReminderAnswer {
                reminder: 1,
                ok: false,
            },
        ]);
        assert_round_trips(OrderStatus::ALL.map(|to| Button::OrderStep { order: M, to }));
    }

    #[test]
    fn the_wire_strings_are_the_legacy_ones() {
        for (i, s) in OrderStatus::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(status_index(s)), i);
        }
        let received = OrderStatus::Received;
        let wires = [
            Button::ViewRequest(3),
            Button::Award {
                request: 3,
                quote: 4,
            },
            Button::SplitToggle {
                request: 3,
                quote: 4,
            },
            Button::OrderStep {
                order: 9,
                to: received,
            },
            Button::OrderRate { order: 9, stars: 4 },
            Button::OrderReplace(9),
            Button::ReminderAnswer {
                reminder: 2,
                ok: false,
            },
        ]
        .map(|b| b.encode());
        assert_eq!(
            wires,
            [
                "rv:3", "aw:3:4", "at:3:4", "os:9:5", "or:9:4", "orp:9", "ra:2:0"
            ]
        );
    }

    #[test]
    fn forged_or_unknown_orders_data_decodes_to_nothing() {
        assert_forged::<Button>(&[
            "", "🙂", "rv", "rv:x", "aw:1", "aw:1:2:3", "os:1:8", "os:1:-1", "or:1", "ra:1:2",
            "ra:1", "orp:", "ol:1:2",
        ]);
    }
}
