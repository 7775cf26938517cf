//! The catalogue's buttons (/produk, /libur, linking an imported
//! business). Wire strings are the legacy `Cb` ones, so buttons of old
//! messages keep working.

use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    ProductAdd,
    ProductEdit(i64),
    ProductRemove(i64),
    ProductRemoveConfirmed(i64),
    /// Change one field of a product (index into `ProductStep::ALL`).
    ProductField {
        product: i64,
        field: u8,
    },
    /// "Lewati" during the product questions.
    ProductSkip,
    LeaveAdd,
    LeaveEnd(i64),
    /// "My business is already listed": link by sharing the phone.
    LinkImported,
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::ProductAdd => "pa".into(),
            Button::ProductEdit(id) => format!("pe:{id}"),
            Button::ProductRemove(id) => format!("pr:{id}"),
            Button::ProductRemoveConfirmed(id) => format!("pR:{id}"),
            Button::ProductField { product, field } => format!("pF:{product}:{field}"),
            Button::ProductSkip => "ps".into(),
            Button::LeaveAdd => "la".into(),
            Button::LeaveEnd(id) => format!("le:{id}"),
            Button::LinkImported => "lk".into(),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("pa", None, None) => Button::ProductAdd,
            ("pe", Some(id), None) => Button::ProductEdit(id.parse().ok()?),
            ("pr", Some(id), None) => Button::ProductRemove(id.parse().ok()?),
            ("pR", Some(id), None) => Button::ProductRemoveConfirmed(id.parse().ok()?),
            ("pF", Some(id), Some(f)) => Button::ProductField {
                product: id.parse().ok()?,
                field: f.parse().ok()?,
            },
            ("ps", None, None) => Button::ProductSkip,
            ("la", None, None) => Button::LeaveAdd,
            ("le", Some(id), None) => Button::LeaveEnd(id.parse().ok()?),
            ("lk", None, None) => Button::LinkImported,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{assert_forged, assert_round_trips};

    fn samples() -> Vec<Button> {
        vec![
            Button::ProductAdd,
            Button::ProductEdit(i64::MAX),
            Button::ProductRemove(i64::MAX),
            Button::ProductRemoveConfirmed(i64::MAX),
            Button::ProductField {
                product: i64::MAX,
                field: 4,
            },
            Button::ProductSkip,
            Button::LeaveAdd,
            Button::LeaveEnd(i64::MAX),
            Button::LinkImported,
        ]
    }

    #[test]
    fn every_catalogue_button_round_trips_within_64_bytes() {
        assert_round_trips(samples());
    }

    #[test]
    fn forged_or_unknown_catalogue_data_decodes_to_nothing() {
        assert_forged::<Button>(&[
            "", "pa:1", "pe:", "pe:x", "pF:1", "pF:1:x", "le:1:2", "lk:1", "🙂",
        ]);
    }
}
