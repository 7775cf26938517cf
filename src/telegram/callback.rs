//! Typed callback data. Every inline button carries one `Cb`, encoded in at
//! most 64 bytes. Decoding never trusts the content: handlers check what a
//! button asks for against the dialogue state and the database.

use super::shared::codec::Button;
use super::shared::flow::Flow;

/// Telegram's limit for `callback_data`.
pub const MAX_BYTES: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cb {
    /// A button shared by guided flows (Kirim, Ubah, Lewati, a region…).
    Flow(Flow),
    /// Use this delivery date instead (the earliest that works), as YYYYMMDD.
    UseDate(u32),
    /// A producer answers request #n.
    QuoteRequest(i64),
    DeclineRequest(i64),
    /// "All" as the quoted quantity.
    QuoteAll,
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
    /// Move order #n to a status (index in `OrderStatus::ALL`).
    OrderStep {
        order: i64,
        to: u8,
    },
    OrderCancel(i64),
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

impl Cb {
    pub fn encode(&self) -> String {
        match self {
            Cb::Flow(f) => f.encode(),
            Cb::UseDate(d) => format!("ud:{d}"),
            Cb::QuoteRequest(id) => format!("qq:{id}"),
            Cb::DeclineRequest(id) => format!("qd:{id}"),
            Cb::QuoteAll => "qa".into(),
            Cb::ViewRequest(id) => format!("rv:{id}"),
            Cb::Award { request, quote } => format!("aw:{request}:{quote}"),
            Cb::SplitStart(id) => format!("as:{id}"),
            Cb::SplitToggle { request, quote } => format!("at:{request}:{quote}"),
            Cb::SplitDone(id) => format!("ad:{id}"),
            Cb::OrderStep { order, to } => format!("os:{order}:{to}"),
            Cb::OrderCancel(id) => format!("oc:{id}"),
            Cb::OrderRate { order, stars } => format!("or:{order}:{stars}"),
            Cb::OrderLapse(id) => format!("ol:{id}"),
            Cb::OrderReplace(id) => format!("orp:{id}"),
            Cb::ReminderAnswer { reminder, ok } => format!("ra:{reminder}:{}", u8::from(*ok)),
        }
    }

    /// `None` for anything this build did not produce (old or forged data).
    pub fn decode(data: &str) -> Option<Cb> {
        if let Some(f) = Flow::decode(data) {
            return Some(Cb::Flow(f));
        }
        if data.len() > MAX_BYTES {
            return None;
        }
        let mut parts = data.split(':');
        let head = parts.next()?;
        let a = parts.next();
        let b = parts.next();
        if parts.next().is_some() {
            return None;
        }
        let cb = match (head, a, b) {
            ("ud", Some(d), None) => Cb::UseDate(d.parse().ok()?),
            ("qq", Some(id), None) => Cb::QuoteRequest(id.parse().ok()?),
            ("qd", Some(id), None) => Cb::DeclineRequest(id.parse().ok()?),
            ("qa", None, None) => Cb::QuoteAll,
            ("rv", Some(id), None) => Cb::ViewRequest(id.parse().ok()?),
            ("aw", Some(r), Some(q)) => Cb::Award {
                request: r.parse().ok()?,
                quote: q.parse().ok()?,
            },
            ("as", Some(id), None) => Cb::SplitStart(id.parse().ok()?),
            ("at", Some(r), Some(q)) => Cb::SplitToggle {
                request: r.parse().ok()?,
                quote: q.parse().ok()?,
            },
            ("ad", Some(id), None) => Cb::SplitDone(id.parse().ok()?),
            ("os", Some(o), Some(t)) => Cb::OrderStep {
                order: o.parse().ok()?,
                to: t.parse().ok()?,
            },
            ("oc", Some(id), None) => Cb::OrderCancel(id.parse().ok()?),
            ("or", Some(o), Some(s)) => Cb::OrderRate {
                order: o.parse().ok()?,
                stars: s.parse().ok()?,
            },
            ("ol", Some(id), None) => Cb::OrderLapse(id.parse().ok()?),
            ("orp", Some(id), None) => Cb::OrderReplace(id.parse().ok()?),
            ("ra", Some(id), Some(ok)) => Cb::ReminderAnswer {
                reminder: id.parse().ok()?,
                ok: match ok {
                    "1" => true,
                    "0" => false,
                    _ => return None,
                },
            },
            _ => return None,
        };
        Some(cb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Cb> {
        vec![
            Cb::Flow(Flow::Region {
                regency: "64.02".into(),
                district: None,
            }),
            Cb::Flow(Flow::Region {
                regency: "36.03".into(),
                district: Some("36.03.12".into()),
            }),
            Cb::Flow(Flow::Submit),
            Cb::Flow(Flow::Edit),
            Cb::Flow(Flow::EditField(0)),
            Cb::Flow(Flow::EditField(255)),
            Cb::Flow(Flow::CancelFlow),
            Cb::Flow(Flow::Skip),
            Cb::UseDate(20261231),
            Cb::QuoteRequest(i64::MAX),
            Cb::DeclineRequest(i64::MAX),
            Cb::QuoteAll,
            Cb::ViewRequest(i64::MAX),
            Cb::Award {
                request: i64::MAX,
                quote: i64::MAX,
            },
            Cb::SplitStart(i64::MAX),
            Cb::SplitToggle {
                request: i64::MAX,
                quote: i64::MAX,
            },
            Cb::SplitDone(i64::MAX),
            Cb::OrderStep {
                order: i64::MAX,
                to: 7,
            },
            Cb::OrderCancel(i64::MAX),
            Cb::OrderRate {
                order: i64::MAX,
                stars: 5,
            },
            Cb::OrderLapse(i64::MAX),
            Cb::OrderReplace(i64::MAX),
            Cb::ReminderAnswer {
                reminder: i64::MAX,
                ok: true,
            },
            Cb::ReminderAnswer {
                reminder: 1,
                ok: false,
            },
        ]
    }

    #[test]
    fn every_callback_round_trips_within_64_bytes() {
        for cb in samples() {
            let data = cb.encode();
            assert!(data.len() <= MAX_BYTES, "{data} is too long");
            assert!(!data.is_empty());
            assert_eq!(Cb::decode(&data), Some(cb), "{data}");
        }
    }

    #[test]
    fn forged_or_unknown_data_decodes_to_nothing() {
        for data in [
            "",
            "g:",
            "g:64.02;DROP",
            "ef:-1",
            "acr:",
            "acr:x",
            "acq:1:2",
            "acn:1",
            "ba:5",
            "bs:2",
            "bk:9",
            &"x".repeat(65),
            "🙂",
        ] {
            assert_eq!(Cb::decode(data), None, "{data}");
        }
    }
}
