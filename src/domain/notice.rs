//! What the bot tells someone who did not just write to it. A notice is
//! stored as one outbox row (JSON) in the same transaction as the change
//! that caused it, and turned into words only when it is sent, in the
//! recipient's language and with the state of that moment.
//!
//! Keep it serde-stable: rows written by an older build must still decode.
//! Add variants; never rename or remove one that may sit in a database.

use serde::{Deserialize, Serialize};

use super::order::OrderStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "k", rename_all = "snake_case")]
pub enum Notice {
    /// To an admin: a new account to verify, with Setujui / Tolak.
    AccountToReview { user: i64 },
    /// To the account holder: the admin's decision (read from the account).
    AccountDecided,
    /// To a producer: a quote request card with Beri penawaran / Tolak.
    RequestCard { request: i64 },
    /// To the staff who asked: a producer quoted (or revised).
    QuoteReceived {
        request: i64,
        producer: i64,
        revised: bool,
    },
    /// To the staff who asked: a producer declined.
    QuoteDeclined { request: i64, producer: i64 },
    /// To the staff who asked, at the quote deadline: what came in.
    QuoteDeadline { request: i64 },
    /// To a producer: they were awarded an order.
    Awarded { order: i64 },
    /// To a producer who quoted but was not chosen.
    NotChosen { request: i64 },
    /// To the other side of an order: it moved to `status`.
    OrderMoved { order: i64, status: OrderStatus },
    /// To the other side of an order: it was cancelled (reason on the order).
    OrderCancelled { order: i64 },
    /// To the producer of an award the staff let lapse.
    OrderLapsed { order: i64 },
    /// To the staff, 12 hours after an award nobody accepted.
    NotAccepted { order: i64 },
    /// To the producer: H-7 / H-3 / H-1 "Masih sanggup?" or the morning one.
    Reminder { reminder: i64 },
    /// To the staff (and admins for a large order): the producer answered
    /// "Ada kendala", with the next-best quotes.
    ProducerProblem { order: i64 },
    /// To the staff (and admins for a large order) at 18:00 on H-1 if the
    /// producer has not confirmed, with the next-best quotes.
    NoAnswer { order: i64 },
    /// To both sides when the delivery day came and the order is not
    /// delivered.
    Late { order: i64 },
    /// To a producer: a planned event needs what they make ("Saya siap").
    EventHeadsUp { event: i64 },
    /// To the staff, 08:00 on the event's last safe day: send the quote
    /// request now ("Buat permintaan").
    EventNudge { event: i64 },
    /// A copy of an admin's announcement (`/siaran`); muted users are
    /// skipped when it is sent.
    Broadcast { broadcast: i64 },
}

impl Notice {
    /// Urgent notices go out in quiet hours too; the rest wait for 06:00.
    pub fn urgent(&self) -> bool {
        matches!(
            self,
            Notice::OrderCancelled { .. }
                | Notice::OrderLapsed { .. }
                | Notice::ProducerProblem { .. }
                | Notice::NoAnswer { .. }
                | Notice::Late { .. }
        )
    }

    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }

    /// `None` for a notice this build does not know (written by a newer
    /// one): the sender records it as failed, it is not guessed at.
    pub fn from_json(s: &str) -> Option<Notice> {
        serde_json::from_str(s).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_round_trips_through_its_stored_form() {
        let all = [
            Notice::AccountToReview { user: 7 },
            Notice::AccountDecided,
            Notice::RequestCard { request: 1 },
            Notice::QuoteReceived {
                request: 1,
                producer: 2,
                revised: true,
            },
            Notice::QuoteDeclined {
                request: 1,
                producer: 2,
            },
            Notice::QuoteDeadline { request: 1 },
            Notice::Awarded { order: 3 },
            Notice::NotChosen { request: 1 },
            Notice::OrderMoved {
                order: 3,
                status: OrderStatus::Ready,
            },
            Notice::OrderCancelled { order: 3 },
            Notice::OrderLapsed { order: 3 },
            Notice::NotAccepted { order: 3 },
            Notice::Reminder { reminder: 9 },
            Notice::ProducerProblem { order: 3 },
            Notice::NoAnswer { order: 3 },
            Notice::Late { order: 3 },
            Notice::EventHeadsUp { event: 5 },
            Notice::EventNudge { event: 5 },
            Notice::Broadcast { broadcast: 5 },
        ];
        for n in all {
            assert_eq!(
                Notice::from_json(&n.to_json().unwrap()),
                Some(n.clone()),
                "{n:?}"
            );
        }
    }

    #[test]
    fn rows_stored_by_this_version_still_decode() {
        // Samples as the database holds them; changing the serde form
        // breaks rows still waiting in the outbox.
        let samples = [
            (
                r#"{"k":"order_moved","order":4,"status":"in_production"}"#,
                Some(Notice::OrderMoved {
                    order: 4,
                    status: OrderStatus::InProduction,
                }),
            ),
            (
                r#"{"k":"reminder","reminder":12}"#,
                Some(Notice::Reminder { reminder: 12 }),
            ),
            (
                r#"{"k":"event_heads_up","event":5}"#,
                Some(Notice::EventHeadsUp { event: 5 }),
            ),
            (
                r#"{"k":"event_nudge","event":5}"#,
                Some(Notice::EventNudge { event: 5 }),
            ),
            (
                r#"{"k":"broadcast","broadcast":7}"#,
                Some(Notice::Broadcast { broadcast: 7 }),
            ),
            (r#"{"k":"something_newer"}"#, None),
        ];
        for (stored, want) in samples {
            assert_eq!(Notice::from_json(stored), want, "{stored}");
        }
    }

    #[test]
    fn only_trouble_is_urgent() {
        assert!(Notice::ProducerProblem { order: 1 }.urgent());
        assert!(Notice::OrderCancelled { order: 1 }.urgent());
        assert!(!Notice::RequestCard { request: 1 }.urgent());
        assert!(!Notice::Reminder { reminder: 1 }.urgent());
        assert!(!Notice::EventHeadsUp { event: 1 }.urgent());
        assert!(!Notice::EventNudge { event: 1 }.urgent());
    }
}
